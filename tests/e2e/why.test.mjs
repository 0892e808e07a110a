// "Why?" in the app (issue 19): every mark of the timeline and every row of `get pods -w` and
// `get events` opens the Why panel — by click or tap, and by keyboard (one tab stop, arrows,
// Enter) — with the chain of causes, newest first; a step in focus highlights its fields in the
// editor and its marks on the timeline. In lesson 5's solution, the first restart is explained
// by three liveness failures, a 30 s grace period and SIGKILL (137).
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, showPane, replaceText, cursorToLineEnd, closePrediction } from "./app.mjs";

/// Lesson 5 with its solution, the run shown.
async function lessonFiveSolved(page, baseUrl) {
  await openApp(page, baseUrl + "#/lesson/liveness");
  await showPane(page, "lesson");
  await page.click("[data-testid=solution]");
  // The solution opens as a diff against the learner's text; applying it is one step.
  await page.click("[data-testid=solution-apply]");
  await showPane(page, "run");
  // The solution's run has a restart (the ↻ line of the container lane).
  await page.waitForSelector("[data-testid=timeline-svg] .restart line", { state: "attached" });
}

/// The index (data-mark) of the container mark nearest the first restart line.
async function firstRestartMark(page) {
  return page.evaluate(() => {
    const line = document.querySelector("[data-testid=timeline-svg] .restart line");
    const x = Number(line.getAttribute("x1"));
    let best = null;
    for (const m of document.querySelectorAll("[data-testid=why-mark][data-lane=container-0]")) {
      const mx = Number(m.getAttribute("x")) + 5;
      if (best === null || Math.abs(mx - x) < best.d) best = { d: Math.abs(mx - x), n: m.dataset.mark };
    }
    return best && best.d < 4 ? best.n : null;
  });
}

/// The three failures with their instants, the grace period and SIGKILL 137.
async function assertRestartExplained(page, ko) {
  const text = await page.textContent("[data-testid=why-panel]");
  for (const at of ["35s", "40s", "45s"]) assert(text.includes(at), `failure at ${at}: ${text}`);
  assert(/3\/3|3 times|3번|3회/.test(text), `three failures in a row: ${text}`);
  assert(text.includes("30s"), `the 30 s grace period: ${text}`);
  assert(text.includes("137") && text.includes("SIGKILL"), `SIGKILL 137: ${text}`);
  if (ko) assert(/유예 시간/.test(text) && /[가-힣]/.test(text), `in Korean: ${text}`);
  else assert(/grace period/.test(text), `in English: ${text}`);
}

/// Focus (or hover) the steps one by one until the editor highlights `livenessProbe`; the
/// timeline then marks that step's moments.
async function stepHighlightsLivenessProbe(page, how) {
  const steps = await page.locator("[data-testid=why-step]").count();
  assert(steps >= 3, `a chain of steps: ${steps}`);
  for (let i = 0; i < steps; i++) {
    if (how === "keyboard") {
      // From the heading: the Close button, then each step (and its "The rule" disclosure).
      const onStep = (i) =>
        page.evaluate((i) => document.activeElement === document.querySelectorAll("[data-testid=why-step]")[i], i);
      for (let presses = 0; presses < 4 && !(await onStep(i)); presses++) await page.keyboard.press("Tab");
      assert(await onStep(i), `Tab reaches step ${i}`);
    } else {
      await page.locator("[data-testid=why-step]").nth(i).hover();
    }
    await page.waitForFunction((i) => document.querySelectorAll("[data-testid=why-step]")[i]?.classList.contains("focused"), i);
    const marked = await page.$$eval(".cm-why-field", (els) => els.map((e) => e.textContent).join(" "));
    if (marked.includes("livenessProbe")) {
      const lit = await page.locator("[data-testid=why-highlight] > *").count();
      assert(lit > 0, "the step's marks are highlighted on the timeline");
      return;
    }
  }
  throw new Error("no step highlighted livenessProbe in the editor");
}

test("why: a click on the first restart explains it; a step highlights livenessProbe", async ({ page, baseUrl }) => {
  await lessonFiveSolved(page, baseUrl);
  const n = await firstRestartMark(page);
  assert(n !== null, "a mark at the first restart");
  const mark = page.locator(`[data-testid=why-mark][data-mark="${n}"]`);
  assert(((await mark.getAttribute("aria-label")) || "").length > 3, "the mark has an accessible name");
  await mark.click();
  await page.waitForSelector("[data-testid=why-panel]");
  assertEq(await page.evaluate(() => document.activeElement?.id), "why-heading", "focus moves to the panel");
  const what = await page.textContent("[data-testid=why-what]");
  assert(/Running/.test(what) && /restartCount 1/.test(what), `the first restart is explained: ${what}`);
  await assertRestartExplained(page, false);
  await stepHighlightsLivenessProbe(page, "mouse");
  // Every mark has a name; the marks are one tab stop.
  const names = await page.$$eval("[data-testid=why-mark]", (els) => els.map((e) => e.getAttribute("aria-label") || ""));
  assert(names.length > 5 && names.every((s) => s.trim().length > 0), `names: ${names.length}`);
  const stops = await page.$$eval("[data-testid=why-mark]", (els) => els.filter((e) => e.getAttribute("tabindex") === "0").length);
  assertEq(stops, 1, "one tab stop among the marks");
  // Escape closes it and gives the focus back.
  await page.keyboard.press("Escape");
  await page.waitForSelector("[data-testid=why-panel]", { state: "detached" });
});

test("why: by keyboard alone — roving focus over the marks, Enter, Tab through the steps", async ({ page, baseUrl }) => {
  await lessonFiveSolved(page, baseUrl);
  const n = Number(await firstRestartMark(page));
  await page.focus("[data-testid=timeline-svg]");
  await page.keyboard.press("Tab");
  assertEq(await page.evaluate(() => document.activeElement?.dataset?.testid), "why-mark", "Tab reaches the marks");
  await page.keyboard.press("Home");
  for (let i = 0; i < n; i++) await page.keyboard.press("ArrowRight");
  assertEq(await page.evaluate(() => document.activeElement?.dataset?.mark), String(n), "arrows moved to the restart");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=why-panel]");
  await assertRestartExplained(page, false);
  await stepHighlightsLivenessProbe(page, "keyboard");
});

test("why: in Korean", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await lessonFiveSolved(page, baseUrl);
  const n = await firstRestartMark(page);
  await page.locator(`[data-testid=why-mark][data-mark="${n}"]`).click();
  await page.waitForSelector("[data-testid=why-panel]");
  assert((await page.textContent("#why-heading")).includes("왜?"), "the heading in Korean");
  await assertRestartExplained(page, true);
  await stepHighlightsLivenessProbe(page, "mouse");
  assertEq(errors.join("\n"), "", "no page error");
  await ctx.close();
});

test("why: rows of get pods -w and get events open the panel (click and keyboard)", async ({ page, baseUrl }) => {
  await lessonFiveSolved(page, baseUrl);
  await page.click("[data-testid=tab-get]");
  const rows = page.locator("[data-testid=view-row]");
  assert((await rows.count()) >= 3, "get -w rows");
  await rows.last().click();
  await page.waitForSelector("[data-testid=why-panel]");
  assert((await page.locator("[data-testid=why-step]").count()) > 0, "a chain for a watch row");
  await page.keyboard.press("Escape");
  await page.click("[data-testid=tab-events]");
  await page.locator("[data-testid=view-row]").first().focus();
  await page.keyboard.press("ArrowDown");
  assertEq(await page.evaluate(() => document.activeElement?.dataset?.row), "1", "arrows move along the rows");
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=why-panel]");
  assert((await page.textContent("[data-testid=why-what]")).length > 0, "what changed is named");
});

/// Lesson 5 solved in a `width`×`height` page (a phone with touch), the run shown.
async function solvedAt(browser, baseUrl, width, height, colorScheme = "light") {
  const mobile = width < 500;
  const ctx = await browser.newContext({ viewport: { width, height }, colorScheme, hasTouch: mobile, isMobile: mobile });
  const page = await ctx.newPage();
  await page.goto(baseUrl + "#/lesson/liveness");
  await page.waitForSelector("[data-testid=pod-name]", { state: "attached" });
  // The lesson opens with its prediction card: put it aside.
  await closePrediction(page);
  await showPane(page, "lesson");
  // The button is at the bottom of the lesson text: the page scrolls down to it.
  await page.locator("[data-testid=solution]").scrollIntoViewIfNeeded();
  await page.click("[data-testid=solution]");
  await page.click("[data-testid=solution-apply]");
  await page.waitForSelector("[data-testid=timeline-svg] .restart line", { state: "attached" });
  await showPane(page, "run");
  return { ctx, page };
}

test("why: the run stays in view after Show the solution; the timeline has room (1280×800, 375 px)", async ({ browser, baseUrl }) => {
  {
    const { ctx, page } = await solvedAt(browser, baseUrl, 1280, 800);
    assert((await page.evaluate(() => window.scrollY)) > 0, "the page scrolled down to the button");
    const box = await page.locator("[data-testid=timeline-svg]").boundingBox();
    assert(box.y >= 0 && box.y + box.height <= 800, `the timeline is on screen: ${JSON.stringify(box)}`);
    const editor = await page.locator(".editor-host").boundingBox();
    assert(box.width > editor.width + 60, `the timeline is the widest thing on screen: ${box.width} vs the editor's ${editor.width}px`);
    await ctx.close();
  }
  {
    const { ctx, page } = await solvedAt(browser, baseUrl, 375, 740, "dark");
    const box = await page.locator("[data-testid=timeline-svg]").boundingBox();
    assert(box.width >= 330 && box.x >= 0 && box.x + box.width <= 375, `the timeline fits a phone: ${JSON.stringify(box)}`);
    // A tap on a mark opens the panel there too.
    await page.locator("[data-testid=why-mark][data-lane=container-0]").last().tap();
    await page.waitForSelector("[data-testid=why-panel]");
    const panel = await page.locator("[data-testid=why-panel]").boundingBox();
    assert(panel.x >= 0 && panel.x + panel.width <= 375, `the panel fits: ${JSON.stringify(panel)}`);
    await ctx.close();
  }
});

/// Boxes of the annotation labels and of every other text of the timeline: no annotation
/// label touches another text.
async function assertNoLabelOverlap(page) {
  const { labels, others } = await page.evaluate(() => {
    const svg = document.querySelector("[data-testid=timeline-svg]");
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height, t: e.textContent };
    };
    const all = Array.from(svg.querySelectorAll("text")).filter((e) => e.getBoundingClientRect().width > 0);
    return {
      labels: all.filter((e) => e.closest(".annotation")).map(box),
      others: all.filter((e) => !e.closest(".annotation")).map(box),
    };
  });
  const hit = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1).concat(others)) assert(!hit(a, b), `"${a.t}" overlaps "${b.t}"`);
  });
  return labels.length;
}

test("why: annotations — the grace bracket, 3/3, back-off waits; labels never overlap", async ({ browser, baseUrl }) => {
  for (const [w, h] of [[1280, 800], [375, 740]]) {
    const { ctx, page } = await solvedAt(browser, baseUrl, w, h);
    const grace = page.locator("[data-testid=annotation][data-kind=grace]");
    assert((await grace.count()) >= 1, "a grace period bracket");
    assert((await grace.first().locator("title").textContent()).includes("30s"), "grace 30s");
    const failures = page.locator("[data-testid=annotation][data-kind=failures]");
    assert((await failures.count()) >= 1 && (await failures.first().locator("title").textContent()) === "3/3", "3/3");
    const drawn = await assertNoLabelOverlap(page);
    assert(drawn >= 1, `annotation labels drawn at ${w}px: ${drawn}`);
    // A click on the bracket explains the kill.
    if (w > 500) {
      await grace.first().locator("rect.annotation-hit").click();
      await page.waitForSelector("[data-testid=why-panel]");
      assert((await page.textContent("[data-testid=why-panel]")).includes("30s"), "the grace period explained");
    }
    await ctx.close();
  }
  // A crash loop: each back-off wait between an exit and the next start, doubling.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await openApp(page, baseUrl + "#/sandbox");
  await replaceText(
    page,
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: crash\nspec:\n  containers:\n  - name: app\n    image: busybox\n    command: [\"sh\", \"-c\", \"sleep 2; exit 1\"]\n",
  );
  await page.waitForSelector("[data-testid=annotation][data-kind=backoff]", { state: "attached", timeout: 10000 });
  const waits = await page.$$eval("[data-testid=annotation][data-kind=backoff] title", (els) => els.map((e) => e.textContent));
  assert(waits.some((t) => t.includes("10s")) && waits.some((t) => t.includes("20s")), `back-off 10s, 20s…: ${waits}`);
  await assertNoLabelOverlap(page);
  await ctx.close();
});

test("why: the cursor on periodSeconds marks the probe ticks it caused; elsewhere nothing", async ({ page, baseUrl }) => {
  await lessonFiveSolved(page, baseUrl);
  await showPane(page, "editor");
  const line = await page.evaluate(() =>
    Array.from(document.querySelectorAll(".cm-content .cm-line")).findIndex((l) => l.textContent.includes("periodSeconds")) + 1,
  );
  assert(line > 0, "periodSeconds is in the solution");
  await cursorToLineEnd(page, line);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=why-caused] [data-kind=probe]").length >= 5, null, { timeout: 5000 });
  // Each ring sits on a probe tick of the liveness row.
  const { rings, ticks } = await page.evaluate(() => ({
    rings: Array.from(document.querySelectorAll("[data-testid=why-caused] [data-kind=probe]")).map((e) => Number(e.getAttribute("cx"))),
    ticks: Array.from(document.querySelectorAll("[data-testid=timeline-svg] .probe")).map((e) => e.getBBox().x + e.getBBox().width / 2),
  }));
  assert(rings.every((x) => ticks.some((t) => Math.abs(t - x) < 1)), `rings on ticks: ${rings} / ${ticks}`);
  await cursorToLineEnd(page, 1);
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=why-caused] > *").length === 0, null, { timeout: 5000 });
});

test("why: an explained goal is met once the learner opens that why?, and stays met after a reload", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/lesson/graceful-termination");
  await showPane(page, "lesson");
  await page.click("[data-testid=solution]");
  await page.click("[data-testid=solution-apply]");
  // Every goal but the one about "why?" is met by the solution alone.
  const split = () =>
    page.$$eval("[data-testid=goal]", (els) => ({
      why: els.filter((e) => e.textContent.includes("why?")).map((e) => e.dataset.met),
      others: els.filter((e) => !e.textContent.includes("why?")).map((e) => e.dataset.met),
    }));
  await page.waitForFunction(() => {
    const g = [...document.querySelectorAll("[data-testid=goal]")].filter((e) => !e.textContent.includes("why?"));
    return g.length > 1 && g.every((e) => e.dataset.met === "true");
  }, null, { timeout: 10000 });
  assertEq(JSON.stringify((await split()).why), '["false"]', "not met before the explanation is opened");
  const exit = page.locator('[data-testid=why-mark][aria-label*="worker: Terminated"]');
  assert((await exit.count()) >= 1, "a mark at the worker's exit");
  await exit.first().click();
  await page.waitForSelector("[data-testid=why-panel]");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=goal]")].every((e) => e.dataset.met === "true"), null, { timeout: 5000 });
  await page.reload();
  await page.waitForSelector("[data-testid=goal]");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=goal]")].every((e) => e.dataset.met === "true"), null, { timeout: 10000 });
});
