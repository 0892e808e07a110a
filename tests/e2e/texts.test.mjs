// Lesson texts (src/lesson_text/): each lesson's prose is rendered at build time into
// lesson-text/<version>/<id>.<lang>.json and fetched on demand. A lesson page asks for its own text
// first; the other lessons of the page's language follow once it is interactive and idle;
// the other language only when the learner switches. Named `deploy:` so that they also run
// against the site built under /sub/path/.
import { test, assert, assertEq } from "./harness.mjs";
import { openApp } from "./app.mjs";
import { serve } from "./server.mjs";

const dist = () => process.env.E2E_DIST || "dist";

/// The lesson body as a reader sees it: its text, whether it is still loading or failed.
async function body(page) {
  return page.evaluate(() => {
    const b = document.querySelector("[data-testid=lesson-body]");
    return {
      text: b?.textContent || "",
      paragraphs: b ? b.querySelectorAll("p").length : 0,
      busy: b?.getAttribute("aria-busy") === "true",
      failed: !!document.querySelector("[data-testid=text-failed]"),
      heading: document.querySelector("#lesson-title")?.textContent || "",
    };
  });
}

const hangul = (s) => /[가-힣]/.test(s);
/// Waits until the lesson body shows text (not the loading line).
const bodyShown = (page) =>
  page.waitForFunction(() => {
    const b = document.querySelector("[data-testid=lesson-body]");
    return b && b.getAttribute("aria-busy") !== "true" && b.querySelectorAll("p").length > 0;
  }, null, { timeout: 20000 });

test("deploy: texts: before the page is interactive only its lesson's English text is fetched; the rest of English follows when idle", async ({ page, baseUrl }) => {
  await openApp(page, `${baseUrl}lessons/liveness/`);
  // The idle prefetch has started and reached the last lesson.
  await page.waitForFunction(
    () =>
      performance.getEntriesByName("podlab-texts-prefetch").length > 0 &&
      performance.getEntriesByType("resource").some((e) => /\/lesson-text\/\w+\/final-challenge\.en\.json$/.test(e.name)),
    null,
    { timeout: 30000 },
  );
  const seen = await page.evaluate(() => {
    const interactive = performance.getEntriesByName("podlab-interactive")[0]?.startTime;
    const prefetch = performance.getEntriesByName("podlab-texts-prefetch")[0]?.startTime;
    const texts = performance
      .getEntriesByType("resource")
      .filter((e) => e.name.includes("/lesson-text/"))
      .map((e) => ({ file: e.name.split("/").pop(), start: e.startTime }));
    return { interactive, prefetch, texts };
  });
  assert(typeof seen.interactive === "number", "the app marked when it became interactive");
  assert(seen.prefetch >= seen.interactive, `the prefetch (${seen.prefetch}) starts after the page is interactive (${seen.interactive})`);
  const early = seen.texts.filter((t) => t.start < seen.interactive).map((t) => t.file);
  assert(early.length >= 1, `the lesson's text was requested before the page was interactive: ${JSON.stringify(seen.texts)}`);
  assert(early.every((f) => f === "liveness.en.json"), `before interactive, only liveness.en.json: ${early}`);
  const all = new Set(seen.texts.map((t) => t.file));
  assert(![...all].some((f) => f.endsWith(".ko.json")), `no Korean text on an English page: ${[...all]}`);
  assert(all.has("first-pod.en.json") && all.has("final-challenge.en.json"), `the other lessons in English, when idle: ${[...all]}`);
  const b = await body(page);
  assert(b.paragraphs > 1 && !b.busy && !b.failed, `the body shows: ${JSON.stringify(b).slice(0, 200)}`);
});

test("deploy: texts: switching to Korean shows the Korean body; lesson navigation shows the next lesson's body", async ({ page, baseUrl }) => {
  await openApp(page, `${baseUrl}lessons/liveness/`);
  const en = await body(page);
  assert(en.text.length > 300 && !hangul(en.text), `the English body: ${en.text.slice(0, 80)}`);
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => {
    const b = document.querySelector("[data-testid=lesson-body]");
    return b && b.getAttribute("aria-busy") !== "true" && /[가-힣]/.test(b.textContent);
  }, null, { timeout: 20000 });
  const ko = await body(page);
  assert(ko.text.length > 200 && hangul(ko.text), `the Korean body: ${ko.text.slice(0, 80)}`);
  assert(hangul(ko.heading), `a Korean heading: ${ko.heading}`);
  // The next lesson, in Korean.
  await page.click("[data-testid=next-lesson-top]");
  await page.waitForFunction((h) => document.querySelector("#lesson-title")?.textContent !== h, ko.heading);
  await bodyShown(page);
  const next = await body(page);
  assert(hangul(next.text) && next.text.length > 200, `the next lesson's Korean body: ${next.text.slice(0, 80)}`);
  assert(next.text !== ko.text, "another lesson's text");
  // And back to English there.
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => {
    const b = document.querySelector("[data-testid=lesson-body]");
    return b && b.getAttribute("aria-busy") !== "true" && b.textContent.length > 200 && !/[가-힣]/.test(b.textContent);
  }, null, { timeout: 20000 });
});

test("deploy: texts: a lesson page read with JavaScript off shows its body in both languages", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  try {
    for (const [prefix, isKo] of [["", false], ["ko/", true]]) {
      await page.goto(`${baseUrl}${prefix}lessons/liveness/`);
      const b = await body(page);
      assert(b.paragraphs > 1 && b.text.length > 300, `${prefix}lessons/liveness/ body: ${b.text.slice(0, 80)}`);
      assertEq(hangul(b.text), isKo, `${prefix}: the page's language`);
      // Lesson links in the text lead to the static pages.
      const link = await page.getAttribute("[data-testid=lesson-body] a", "href");
      assert(link && link.endsWith(`${prefix}lessons/startup-probes/`), `a lesson link: ${link}`);
    }
  } finally {
    await ctx.close();
  }
});

test("deploy: texts: a text that cannot be fetched says so, and comes with a retry", async ({ page, baseUrl, problems }) => {
  let refuse = true;
  await page.route(/\/lesson-text\/\w+\/phases\.en\.json$/, (route) => (refuse ? route.abort() : route.continue()));
  await openApp(page, `${baseUrl}#/lesson/phases`);
  await page.waitForSelector("[data-testid=text-failed]", { timeout: 20000 });
  const failed = await body(page);
  assert(failed.failed && failed.heading.length > 0, "a clear message, the lesson still there");
  refuse = false;
  await page.click("[data-testid=text-retry]");
  await bodyShown(page);
  const b = await body(page);
  assert(!b.failed && b.text.length > 300, `the text after a retry: ${b.text.slice(0, 80)}`);
  // The refused request is reported by the browser: that is the point of this test.
  const refused = problems.filter((p) => /Failed to load resource|ERR_FAILED/.test(p));
  problems.splice(0, problems.length, ...problems.filter((p) => !refused.includes(p)));
});

test("deploy: texts: offline, a reload and another lesson still show their bodies", async ({ browser, baseUrl }) => {
  const base = new URL(baseUrl).pathname;
  const site = await serve(dist(), { base });
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await openApp(page, `${site.url}#/lesson/readiness`);
    await bodyShown(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      }
    });
    await site.close();
    assertEq(await fetch(site.url).then(() => "up", () => "down"), "down", "the server is stopped");
    await page.reload();
    await page.waitForSelector(".cm-content", { timeout: 20000 });
    await bodyShown(page);
    const b = await body(page);
    assert(b.text.length > 300 && !b.failed, `the body offline: ${b.text.slice(0, 80)}`);
    // A lesson not opened before, in the other language: from the service worker's cache.
    await page.click("[data-testid=lang-switch]");
    await page.click("[data-testid=next-lesson-top]");
    await page.waitForFunction((h) => document.querySelector("#lesson-title")?.textContent !== h, b.heading);
    await bodyShown(page);
    const next = await body(page);
    assert(hangul(next.text) && !next.failed, `the next lesson in Korean, offline: ${next.text.slice(0, 80)}`);
    assertEq(errors.length, 0, `page errors: ${errors}`);
  } finally {
    await ctx.close();
    await site.close().catch(() => {});
  }
});
