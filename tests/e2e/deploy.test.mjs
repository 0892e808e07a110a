// Deployment: the built site under its public path, its Content-Security-Policy, and offline
// use after the first visit (service worker). `deploy:` tests also run against the site built
// with `--public-url /sub/path/` (see scripts/test.sh).
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, replaceText } from "./app.mjs";
import { serve } from "./server.mjs";

test("deploy: the site works under its public path, lesson links included", async ({ page, baseUrl }) => {
  await page.goto(baseUrl + "#/lessons");
  await page.waitForSelector("[data-testid=lesson-list]", { timeout: 20000 });
  await page.click("[data-testid=lesson-link] >> nth=1");
  await page.waitForSelector("[data-testid=lesson]");
  assert(page.url().startsWith(baseUrl), `stays under ${baseUrl}: ${page.url()}`);
  // Every file the page loaded came from under the public path.
  const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  const base = new URL(baseUrl);
  for (const u of urls) assert(new URL(u).pathname.startsWith(base.pathname), `loaded from outside ${base.pathname}: ${u}`);
});

test("deploy: strict Content-Security-Policy, no inline script, injected script does not run", async ({ page, baseUrl, problems }) => {
  const html = await (await fetch(baseUrl)).text();
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert(csp, "the page carries a CSP");
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'"]) {
    assert(csp[1].includes(d), `CSP has ${d}`);
  }
  assert(!/unsafe-inline'[^;]*;/.test(csp[1].replace(/style-src-attr[^;]*;/, "")), "no unsafe-inline but for style attributes");
  const inline = [...html.matchAll(/<script\b([^>]*)>/g)].filter((m) => !/\bsrc=/.test(m[1]));
  assertEq(inline.length, 0, "inline scripts in index.html");
  await openApp(page, baseUrl + "#/sandbox");
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = 1";
    document.body.append(s);
  });
  await page.waitForTimeout(100);
  assertEq(await page.evaluate(() => window.__injected), undefined, "the injected inline script was blocked");
  // The browser reports the blocked script; that report is the expected outcome here.
  const refused = problems.filter((p) => /inline script/i.test(p) && p.includes("Content Security Policy"));
  assert(refused.length >= 1, "the CSP refusal was reported");
  problems.splice(0, problems.length, ...problems.filter((p) => !refused.includes(p)));
});

test("deploy: after the first visit the site works offline", async ({ browser, baseUrl }) => {
  // A server of our own, so that it can be stopped.
  const base = new URL(baseUrl).pathname;
  const site = await serve(process.env.E2E_DIST || "dist", { base });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await openApp(page, site.url + "#/sandbox");
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      }
      return reg.active.state;
    });
    await replaceText(page, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: offline-pod\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
    await page.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "offline-pod");
    await site.close();
    const down = await fetch(site.url).then(() => "up", () => "down");
    assertEq(down, "down", "the server is stopped");
    await page.reload();
    await page.waitForSelector("[data-testid=pod-name]", { timeout: 20000 });
    assertEq(await page.textContent("[data-testid=pod-name]"), "offline-pod", "the app and the saved edit are back, offline");
    assertEq(errors.length, 0, `page errors: ${errors}`);
  } finally {
    await ctx.close();
    await site.close().catch(() => {});
  }
});

test("deploy: each hashed file has pre-compressed .br and .gz copies of the same bytes", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { brotliDecompressSync, gunzipSync } = await import("node:zlib");
  const dist = process.env.E2E_DIST || "dist";
  const hashed = readdirSync(dist).filter((f) => /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/.test(f));
  assert(hashed.some((f) => f.endsWith(".wasm")) && hashed.some((f) => f.endsWith(".js")), `hashed files: ${hashed}`);
  // The lesson texts, hashed by their folder's name.
  const [version, ...others] = readdirSync(join(dist, "lesson-text"));
  assert(/^[0-9a-f]{16}$/.test(version) && others.length === 0, `one lesson-text folder: ${version} ${others}`);
  const texts = readdirSync(join(dist, "lesson-text", version)).filter((f) => f.endsWith(".json"));
  assert(texts.length >= 20, `lesson texts: ${texts.length}`);
  hashed.push(...texts.map((f) => join("lesson-text", version, f)));
  for (const f of hashed) {
    const raw = readFileSync(join(dist, f));
    assert(brotliDecompressSync(readFileSync(join(dist, f + ".br"))).equals(raw), `${f}.br`);
    assert(gunzipSync(readFileSync(join(dist, f + ".gz"))).equals(raw), `${f}.gz`);
  }
});
