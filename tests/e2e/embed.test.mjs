// The embeddable widget (/embed/, src/components/embed.rs): the sandbox's "Copy embed code"
// pasted into a page of another origin (a second loopback port), and a lesson embedded read
// only. Named `deploy:` so that they also run against the site built under /sub/path/.
import { createServer } from "node:http";
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, replaceText, editorText } from "./app.mjs";

const MANIFEST = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: embedded-pod\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n";

/// A page on another origin (127.0.0.1, another port) holding `snippet`.
async function hostPage(snippet) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>docs</title></head>
<body><h1>A documentation page</h1><div style="max-width:720px">${snippet}</div></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(req.url === "/" ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(req.url === "/" ? html : "not found");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

/// What the frame keeps: storage of every kind, service workers.
async function storedIn(frame) {
  return frame.evaluate(async () => {
    // Let the start-up script's idle work (where a service worker would register) run first.
    await new Promise((r) => requestIdleCallback(r, { timeout: 5000 }));
    await new Promise((r) => requestIdleCallback(r, { timeout: 5000 }));
    return {
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      databases: (await indexedDB.databases()).length,
    };
  });
}

test("deploy: embed: the sandbox's embed code works in a page of another origin, asks nothing of other origins and stores nothing", async ({ page, context, browser, baseUrl }) => {
  const site = new URL(baseUrl);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
  await openApp(page, baseUrl + "#/sandbox");
  await replaceText(page, MANIFEST);
  await page.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "embedded-pod");
  const sandboxText = await editorText(page);
  await page.click("[data-testid=copy-embed]");
  await page.waitForSelector("text=Embed code copied");
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1] || "";
  assert(src.startsWith(`${site.origin}${site.pathname}embed/#/share/`), `the snippet's address: ${snippet.slice(0, 120)}`);
  assert(/height="\d+"/.test(snippet) && /title="/.test(snippet), "a height and a title");

  const host = await hostPage(snippet);
  const ctx = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const requests = [];
  const problems = [];
  ctx.on("request", (r) => requests.push(r.url()));
  const docs = await ctx.newPage();
  docs.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  docs.on("pageerror", (e) => problems.push(e.message));
  try {
    await docs.goto(host.url);
    const frame = await (await docs.waitForSelector("iframe")).contentFrame();
    await frame.waitForSelector(".cm-content", { timeout: 20000 });
    await frame.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "embedded-pod");
    assertEq(await editorText(frame), sandboxText, "the embed shows the sandbox's manifest");
    // It works: an edit runs again.
    await frame.locator(".cm-content").click();
    await docs.keyboard.press("Control+a");
    await docs.keyboard.insertText(MANIFEST.replace("embedded-pod", "edited-in-embed"));
    await frame.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "edited-in-embed");
    await frame.click("[data-testid=tab-describe], .tabs button >> nth=1");
    const stored = await storedIn(frame);
    assertEq(JSON.stringify(stored), JSON.stringify({ local: 0, session: 0, cookie: "", caches: 0, workers: 0, databases: 0 }), "what the embed stores");
    const outside = requests.filter((u) => u !== host.url && new URL(u).origin !== site.origin);
    assertEq(outside.length, 0, `requests outside the site: ${outside}`);
    assertEq(problems.length, 0, `errors: ${problems}`);
  } finally {
    await ctx.close();
    await host.close();
  }
});

test("deploy: embed: a lesson read only, in Korean, usable 375 px wide", async ({ page, baseUrl }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openApp(page, baseUrl + "#/lesson/liveness");
  const manifest = await editorText(page);
  await page.goto(baseUrl + "embed/#/lesson/liveness?view=readonly&lang=ko");
  await page.waitForSelector("[data-testid=embed-manifest]");
  await page.waitForSelector("[data-testid=pod-name]");
  assertEq((await page.textContent("[data-testid=embed-manifest]")).trimEnd(), manifest.trimEnd(), "the lesson's manifest");
  assertEq(await page.evaluate(() => document.documentElement.lang), "ko", "Korean");
  assertEq(await page.locator(".cm-content").count(), 0, "no editor when read only");
  const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert(wide <= 375, `no sideways scrolling at 375 px: ${wide}`);
  // Playback works.
  await page.click("[data-testid=prev-event]");
  await page.waitForFunction(() => document.querySelector("[data-testid=cursor-time]")?.textContent !== "2m00s");
});
