// Static pages (src/prerender/): every lesson at lessons/ID/ and ko/lessons/ID/, and the lesson
// list at lessons/, readable with JavaScript off and taken over by the app without moving the
// text. Named `deploy:` so that they also run against the site built under /sub/path/.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, replaceText } from "./app.mjs";

const dist = () => process.env.E2E_DIST || "dist";
/// The lesson ids that have a static page.
function lessonIds() {
  const dir = join(dist(), "lessons");
  return readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory());
}

/// What a reader sees of a lesson page: language, title, the lesson's heading and text,
/// goals, the manifest shown.
async function readLesson(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.content || "",
    heading: document.querySelector("#lesson-title")?.textContent || "",
    text: document.querySelector("[data-testid=lesson]")?.textContent.length || 0,
    goals: document.querySelectorAll("[data-testid=goal]").length,
    manifest: document.querySelector("[data-testid=static-manifest]")?.textContent || "",
  }));
}

test("deploy: pages: every lesson page reads with JavaScript off, in English and Korean", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  try {
    const ids = lessonIds();
    assert(ids.length >= 10, `lesson pages: ${ids}`);
    const titles = new Set();
    for (const id of ids) {
      for (const [prefix, lang] of [["", "en"], ["ko/", "ko"]]) {
        const res = await page.goto(`${baseUrl}${prefix}lessons/${id}/`);
        assertEq(res.status(), 200, `${prefix}lessons/${id}/`);
        const seen = await readLesson(page);
        assertEq(seen.lang, lang, `${id} lang`);
        assert(seen.heading.length > 0 && seen.title.startsWith(seen.heading), `${id} (${lang}) title "${seen.title}" names "${seen.heading}"`);
        assert(seen.description.length > 10, `${id} (${lang}) description`);
        assert(seen.text > 200, `${id} (${lang}) has its text`);
        assert(seen.goals > 0, `${id} (${lang}) has goals`);
        assert(/apiVersion: v1/.test(seen.manifest) && /kind: Pod/.test(seen.manifest), `${id} manifest: ${seen.manifest.slice(0, 80)}`);
        titles.add(seen.title);
      }
    }
    assertEq(titles.size, ids.length * 2, "each page has its own title");
    // Korean text on the Korean page.
    await page.goto(`${baseUrl}ko/lessons/${ids[0]}/`);
    assert(/[가-힣]/.test((await readLesson(page)).heading), "a Korean heading");
  } finally {
    await ctx.close();
  }
});

test("deploy: pages: the lesson list is a page whose links lead to the lesson pages, scripts off", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  try {
    await page.goto(`${baseUrl}lessons/`);
    const links = await page.locator("[data-testid=lesson-link]").count();
    assertEq(links, lessonIds().length, "one link per lesson");
    const name = (await page.locator("[data-testid=lesson-link] >> nth=2").textContent()).trim();
    await page.click("[data-testid=lesson-link] >> nth=2");
    await page.waitForSelector("#lesson-title");
    assert(new URL(page.url()).pathname.startsWith(new URL(baseUrl).pathname + "lessons/"), page.url());
    const heading = (await readLesson(page)).heading;
    assert(name.includes(heading), `the link "${name}" opened "${heading}"`);
    await page.goto(`${baseUrl}ko/lessons/`);
    assertEq(await page.evaluate(() => document.documentElement.lang), "ko", "the Korean list");
  } finally {
    await ctx.close();
  }
});

test("deploy: pages: the app takes a lesson page over without moving its text; typing works and the run follows", async ({ page, browser, baseUrl }) => {
  const id = lessonIds().includes("liveness") ? "liveness" : lessonIds()[0];
  const url = `${baseUrl}lessons/${id}/`;
  // Where the text sits before any script runs.
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const still = await ctx.newPage();
  await still.goto(url);
  const box = (p) =>
    p.evaluate(() =>
      ["#lesson-title", "[data-testid=lesson] p", "[data-testid=goals]"].map((s) => {
        const r = document.querySelector(s)?.getBoundingClientRect();
        return r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width)] : null;
      }),
    );
  const before = await box(still);
  const staticSeen = await readLesson(still);
  await ctx.close();

  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput });
    }).observe({ type: "layout-shift", buffered: true });
  });
  await openApp(page, url);
  const after = await box(page);
  assertEq(JSON.stringify(after), JSON.stringify(before), "the lesson's heading, text and goals where the static page had them");
  assertEq((await readLesson(page)).heading, staticSeen.heading, "the same lesson");
  assertEq(await page.locator(".app").count(), 1, "one app on the page");
  // Typing in the editor works, and the run shows the new Pod.
  await replaceText(page, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: taken-over\nspec:\n  containers:\n  - name: c\n    image: nginx\n");
  await page.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "taken-over");
  const shifts = await page.evaluate(() => window.__shifts);
  const cls = shifts.filter((s) => !s.input).reduce((a, s) => a + s.value, 0);
  console.log(`     CLS while the app took the page over: ${cls.toFixed(4)} (${shifts.length} shifts)`);
  assert(cls <= 0.05, `CLS ${cls} > 0.05`);
});

test("deploy: pages: a lesson page needs no stylesheet request before its text is painted", async ({ page, baseUrl, problems }) => {
  const id = lessonIds().includes("liveness") ? "liveness" : lessonIds()[0];
  const stylesheets = [];
  page.on("request", (r) => r.resourceType() === "stylesheet" && stylesheets.push(r.url()));
  await openApp(page, `${baseUrl}lessons/${id}/`);
  const { sheets, inline, color } = await page.evaluate(() => ({
    sheets: document.querySelectorAll('link[rel="stylesheet"]').length,
    inline: document.querySelectorAll("head style").length,
    // The inline stylesheet applies (the CSP allows it by its hash): the app's layout is on.
    color: getComputedStyle(document.querySelector(".regions")).display,
  }));
  assertEq(sheets, 0, "no render-blocking stylesheet link");
  assertEq(inline, 1, "the stylesheet inline, allowed by its hash");
  assertEq(color, "grid", "the inline stylesheet applies");
  assertEq(stylesheets.length, 0, `stylesheet requests: ${stylesheets.join(", ")}`);
  // The CSP still refuses any other inline style.
  const refused = await page.evaluate(() => {
    const s = document.createElement("style");
    s.textContent = "body { outline: 7px solid red; }";
    document.head.append(s);
    return getComputedStyle(document.body).outlineWidth;
  });
  assert(refused !== "7px", "an injected inline style does not apply");
  // The browser reports the blocked style; that report is the expected outcome here.
  const reported = problems.filter((p) => /inline style/i.test(p) && p.includes("Content Security Policy"));
  assert(reported.length >= 1, "the CSP refusal was reported");
  problems.splice(0, problems.length, ...problems.filter((p) => !reported.includes(p)));
});

test("deploy: pages: the Korean page stays Korean when the app takes it over", async ({ page, baseUrl }) => {
  const id = lessonIds()[0];
  await openApp(page, `${baseUrl}ko/lessons/${id}/`);
  const seen = await readLesson(page);
  assertEq(seen.lang, "ko", "lang");
  assert(/[가-힣]/.test(seen.heading), `a Korean heading: ${seen.heading}`);
});

test("deploy: pages: old #/lesson/ID links land on the right lesson", async ({ page, browser, baseUrl }) => {
  const ids = lessonIds();
  const [a, b] = [ids[1], ids[2]];
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const p = await ctx.newPage();
  await p.goto(`${baseUrl}lessons/${b}/`);
  const headingB = (await readLesson(p)).heading;
  await ctx.close();
  await openApp(page, `${baseUrl}#/lesson/${b}`);
  assertEq((await readLesson(page)).heading, headingB, "the app's own page");
  // On another lesson's page, the fragment names the lesson.
  await openApp(page, `${baseUrl}lessons/${a}/#/lesson/${b}`);
  assertEq((await readLesson(page)).heading, headingB, "a lesson page with another lesson's fragment");
});

test("deploy: pages: a lesson page visited once opens again offline", async ({ browser, baseUrl }) => {
  const { serve } = await import("./server.mjs");
  const base = new URL(baseUrl).pathname;
  const site = await serve(dist(), { base });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const id = lessonIds()[3];
  try {
    await openApp(page, `${site.url}lessons/${id}/`);
    const heading = (await readLesson(page)).heading;
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      }
    });
    // Visited under the service worker's control: it keeps the page.
    await page.reload();
    await page.waitForSelector(".cm-content", { timeout: 20000 });
    await site.close();
    await page.reload();
    await page.waitForSelector(".cm-content", { timeout: 20000 });
    assertEq((await readLesson(page)).heading, heading, "the lesson page, offline");
    const route = await page.evaluate(() => document.getElementById("podlab-static")?.dataset.route);
    assertEq(route, `#/lesson/${id}`, "the static page itself (not the app's page) came from the cache");
  } finally {
    await ctx.close();
    await site.close().catch(() => {});
  }
});
