// Explore and predict (issue 21): numbers you can drag in the editor (mouse, keyboard, a
// finger at 375 px; one drag = one undo step; ranges from the engine).
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, editorText, pasteUntilPod, cursorToLineEnd, showPane } from "./app.mjs";

const PHONE = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };

// Lesson 5's solution: a liveness probe every 5 seconds.
const LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    livenessProbe:
      exec:
        command:
        - cat
        - /tmp/healthy
      initialDelaySeconds: 5
      periodSeconds: 5
`;

/// The first restart marker's description on the timeline ("liveness: restart #1 at 1m15s").
const firstRestart = (page) => page.evaluate(() => document.querySelector("g.restart title")?.textContent || "");
const period = async (page) => /periodSeconds: (\d+)/.exec(await editorText(page))?.[1];

async function start(page, baseUrl) {
  await openApp(page, baseUrl + "#/lesson/liveness");
  await pasteUntilPod(page, LIVENESS, "liveness-exec");
  await page.waitForSelector(".cm-podlab-scrub[data-scrub=periodSeconds]", { timeout: 5000 });
  await page.waitForFunction(() => document.querySelector("g.restart title")?.textContent.includes("restart #1"), null, { timeout: 5000 });
  return firstRestart(page);
}

async function waitRestartNot(page, before) {
  await page.waitForFunction((b) => {
    const t = document.querySelector("g.restart title")?.textContent || "";
    return t !== b;
  }, before, { timeout: 5000 });
  return firstRestart(page);
}

async function waitRestart(page, want) {
  await page.waitForFunction((w) => document.querySelector("g.restart title")?.textContent === w, want, { timeout: 5000 });
}

async function waitPeriod(page, want) {
  await page.waitForFunction(
    (want) => [...document.querySelectorAll(".cm-content .cm-line")].some((l) => l.textContent.trim() === `periodSeconds: ${want}`),
    want,
    { timeout: 5000 },
  );
}

const seconds = (title) => {
  const m = /at (?:(\d+)m)?(?:(\d+)s)?$/.exec(title.trim());
  assert(m, `a restart at a time: ${title}`);
  return Number(m[1] || 0) * 60 + Number(m[2] || 0);
};

test("drag numbers: periodSeconds dragged with the mouse moves the restart; one Ctrl+Z restores it", async ({ page, baseUrl }) => {
  const before = await start(page, baseUrl);
  const scrubbed = page.locator(".cm-podlab-scrub[data-scrub=periodSeconds]");
  assertEq(await scrubbed.textContent(), "5", "the number is marked");
  assertEq(await page.textContent("[data-testid=derived-liveness-liveness] dd"), "3 × 5s = 15s", "failureThreshold × periodSeconds");
  const box = await scrubbed.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  // 8 px a step: 44 px to the right is five steps, through every value on the way.
  for (let i = 1; i <= 11; i++) await page.mouse.move(x + i * 4, y);
  await page.mouse.up();
  await waitPeriod(page, 10);
  const after = await waitRestartNot(page, before);
  assert(seconds(after) > seconds(before), `the restart moves later: ${before} → ${after}`);
  // The derived quantities beside the timeline move with it.
  await page.waitForFunction(() => document.querySelector("[data-testid=derived-liveness-liveness] dd")?.textContent === "3 × 10s = 30s", null, { timeout: 5000 });
  const kill = await page.textContent("[data-testid=derived-kill-liveness] dd");
  assert(seconds("at " + kill) + 30 === seconds(after), `the first kill is a grace period before the restart: ${kill}, ${after}`);
  // Back past the minimum: the engine's range stops it at 1.
  const box2 = await scrubbed.boundingBox();
  const y2 = box2.y + box2.height / 2;
  await page.mouse.move(box2.x + box2.width / 2, y2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box2.x + box2.width / 2 - i * 8, y2);
  await page.mouse.up();
  await waitPeriod(page, 1);
  // One Ctrl+Z per drag.
  await page.keyboard.press("Control+z");
  await waitPeriod(page, 10);
  await page.keyboard.press("Control+z");
  await waitPeriod(page, 5);
  assertEq(await editorText(page), LIVENESS, "the text is back as it was");
  await waitRestart(page, before);
  // A click on a number (no drag) places the cursor: typing edits the number.
  await scrubbed.click();
  await page.keyboard.press("End");
  await page.keyboard.type("0");
  await waitPeriod(page, 50);
});

test("drag numbers: with the keyboard, Alt+Arrow steps the number under the cursor (Shift: ten)", async ({ page, baseUrl }) => {
  const before = await start(page, baseUrl);
  const line = (await editorText(page)).split("\n").findIndex((l) => l.includes("periodSeconds")) + 1;
  await cursorToLineEnd(page, line);
  await page.keyboard.press("Shift+Alt+ArrowUp");
  await waitPeriod(page, 15);
  const after = await waitRestartNot(page, before);
  assert(seconds(after) > seconds(before), `the restart moves later: ${before} → ${after}`);
  await page.keyboard.press("Alt+ArrowDown");
  await waitPeriod(page, 14);
  await page.keyboard.press("Control+z");
  await waitPeriod(page, 15);
  await page.keyboard.press("Control+z");
  await waitPeriod(page, 5);
  await waitRestart(page, before);
  // Elsewhere Alt+ArrowUp keeps its editor meaning (move the line up): no number changes.
  const nameLine = (await editorText(page)).split("\n").findIndex((l) => l.includes("name: liveness")) + 1;
  await cursorToLineEnd(page, nameLine);
  await page.keyboard.press("Alt+ArrowUp");
  assertEq(await period(page), "5", "no number stepped off a number");
});

test("drag numbers: a finger drags a number, elsewhere it scrolls as before (375 px, touch)", async ({ browser, baseUrl, problems }) => {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  try {
    const before = await start(page, baseUrl);
    const scrubbed = page.locator(".cm-podlab-scrub[data-scrub=periodSeconds]");
    await scrubbed.scrollIntoViewIfNeeded();
    const box = await scrubbed.boundingBox();
    const cdp = await ctx.newCDPSession(page);
    const touch = (type, x, y) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const scrolled = () => page.evaluate(() => [window.scrollX, window.scrollY, document.querySelector(".cm-scroller").scrollTop]);
    const at = await scrolled();
    await touch("touchStart", x, y);
    for (let i = 1; i <= 10; i++) await touch("touchMove", x + i * 4, y + (i % 2));
    await touch("touchEnd");
    await waitPeriod(page, 10);
    assertEq(JSON.stringify(await scrolled()), JSON.stringify(at), "dragging the number scrolled nothing");
    const after = await waitRestartNot(page, before);
    assert(seconds(after) > seconds(before), `the restart moves later: ${before} → ${after}`);
    await page.keyboard.press("Control+z");
    await waitPeriod(page, 5);
    await waitRestart(page, before);
    // Elsewhere a finger scrolls as before: only the numbers take the touch for themselves.
    const actions = await page.evaluate(() => ({
      number: getComputedStyle(document.querySelector(".cm-podlab-scrub")).touchAction,
      line: getComputedStyle(document.querySelector(".cm-line")).touchAction,
      content: getComputedStyle(document.querySelector(".cm-content")).touchAction,
    }));
    assertEq(JSON.stringify(actions), JSON.stringify({ number: "none", line: "auto", content: "auto" }), "touch-action");
    assertEq(await period(page), "5", "a swipe elsewhere changes no number");
  } finally {
    await ctx.close();
  }
});

// Predict, then run: a prediction answered right and one answered wrong, in two lessons, in
// English and in Korean. Each starts from a fresh profile.

/// Open a lesson in `lang` (the saved setting, as the language switch leaves it).
async function openIn(page, baseUrl, lang, lesson) {
  await page.goto(baseUrl + "#/lesson/" + lesson);
  await page.waitForSelector(".cm-content[data-testid=yaml-editor]", { state: "attached", timeout: 20000 });
  await page.evaluate((lang) => localStorage.setItem("podlab", JSON.stringify({ v: 2, settings: { lang } })), lang);
  await page.reload();
  await page.waitForSelector("[data-testid=prediction]", { timeout: 20000 });
}

const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("podlab") || "{}"));

test("predict: lesson 3 before the task, answered right in English, then wrong in Korean", async ({ page, baseUrl }) => {
  await openIn(page, baseUrl, "en", "phases");
  assertEq(await page.getAttribute("[data-testid=prediction]", "data-id"), "phase-after-the-job", "the beforeTask one");
  assert((await page.textContent("[data-testid=predict-question]")).includes("phase at 30s"), "the question");
  assert(await page.isVisible("[data-testid=hidden-run]"), "the rest of the run is hidden, and says so");
  assert((await page.textContent("[data-testid=hidden-run]")).includes("hidden until you answer"), "marked");
  // Running is right (index 1 of Pending | Running | Succeeded | Failed).
  await page.click("[data-testid=predict-choice-1]");
  await page.waitForSelector("[data-testid=predict-result][data-right=true]", { timeout: 5000 });
  assertEq(await page.textContent("[data-testid=predict-truth]"), "Running", "the real answer");
  assert((await page.textContent(".predict-result .verdict")).includes("Right"), "graded right");
  assertEq(await page.locator("[data-testid=hidden-run]").count(), 0, "the rest is revealed");
  assert((await page.textContent("[data-testid=predict-explain]")).length > 40, "the explanation");
  assertEq((await saved(page)).lessons?.phases?.predictions?.["phase-after-the-job"], true, "saved as right");
  await page.click("[data-testid=predict-close]");
  await page.waitForSelector("[data-testid=prediction]", { state: "detached", timeout: 5000 });

  // A fresh profile, in Korean, answered wrong: a moment to learn, then the lesson goes on.
  await page.evaluate(() => localStorage.clear());
  await openIn(page, baseUrl, "ko", "phases");
  assertEq(await page.textContent("#prediction-title"), "예측한 뒤 실행해 보기", "Korean card");
  assert((await page.textContent("[data-testid=predict-question]")).includes("30초 시점의 파드 단계는?"), "Korean question");
  await page.click("[data-testid=predict-choice-2]");
  await page.waitForSelector("[data-testid=predict-result][data-right=false]", { timeout: 5000 });
  assert((await page.textContent(".predict-result .verdict")).includes("이번에는 틀림"), "graded wrong, in Korean");
  assertEq(await page.textContent("[data-testid=predict-guess]"), "Succeeded", "the guess shown");
  // Retrying is allowed; the first answer is what counts.
  await page.click("[data-testid=predict-retry]");
  await page.click("[data-testid=predict-choice-1]");
  await page.waitForSelector("[data-testid=predict-result][data-right=true]", { timeout: 5000 });
  assertEq((await saved(page)).lessons?.phases?.predictions?.["phase-after-the-job"], false, "the first answer counts");
  await page.click("[data-testid=predict-close]");
  await page.waitForSelector("[data-testid=prediction]", { state: "detached", timeout: 5000 });
  await showPane(page, "editor");
  assert((await editorText(page)).includes("kind: Pod"), "the lesson goes on");
});

test("predict: lesson 5, how many (right, Korean) before the task; when (wrong, English, marked on the timeline) after the goals", async ({ page, baseUrl }) => {
  await openIn(page, baseUrl, "ko", "liveness");
  assertEq(await page.getAttribute("[data-testid=prediction]", "data-id"), "restarts-without-a-probe", "the beforeTask one");
  await page.fill("[data-testid=predict-count]", "0");
  await page.click("[data-testid=predict-answer]");
  await page.waitForSelector("[data-testid=predict-result][data-right=true]", { timeout: 5000 });
  assert((await page.textContent(".predict-result .verdict")).includes("맞음"), "graded right, in Korean");
  assert((await page.textContent("[data-testid=predict-explain]")).includes("0번임"), "the Korean explanation");
  await page.click("[data-testid=predict-close]");
  await page.waitForSelector("[data-testid=prediction]", { state: "detached", timeout: 5000 });

  // English; every goal met with the solution: the afterGoals prediction opens.
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => document.documentElement.lang === "en", null, { timeout: 5000 });
  await showPane(page, "editor");
  await pasteUntilPod(page, LIVENESS, "liveness-exec");
  await page.waitForSelector("[data-testid=prediction][data-id=first-restart-every-10s]", { timeout: 10000 });
  await showPane(page, "run");
  // Offered beside the learner's own finished run until started.
  assertEq(await page.locator("[data-testid=hidden-run]").count(), 0, "the learner's run, whole");
  await page.click("[data-testid=predict-start]");
  await page.waitForSelector("[data-testid=hidden-run]", { timeout: 5000 });
  assertEq(await page.textContent("[data-testid=predict-mark]"), "35s", "the mark starts where the shown run ends");
  // Mark 50s on the timeline with the keyboard (the playhead is the mark): too early.
  await page.focus("[data-testid=timeline-svg]");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector("[data-testid=predict-mark]")?.textContent === "50s", null, { timeout: 5000 });
  await page.click("[data-testid=predict-answer]");
  await page.waitForSelector("[data-testid=predict-result][data-right=false]", { timeout: 5000 });
  assert((await page.textContent("[data-testid=predict-truth]")).startsWith("1m30"), "the real answer");
  assertEq(await page.locator("[data-testid=mark-truth]").count(), 1, "the real answer is marked on the timeline");
  assertEq(await page.locator("[data-testid=mark-guess]").count(), 1, "and the guess");
  assert((await page.textContent("[data-testid=mark-truth] title")).includes("1m30"), "at 1m30s");
  assertEq(await page.locator("[data-testid=hidden-run]").count(), 0, "the rest is revealed");
  const basis = await page.textContent("[data-testid=predict-basis]");
  assert(basis.includes("1m30"), `what the answer rests on: ${basis}`);
  // Retry: mark it by typing the instant in the jump box this time.
  await page.click("[data-testid=predict-retry]");
  await page.fill("[data-testid=jump]", "1m28s");
  await page.press("[data-testid=jump]", "Enter");
  await page.waitForFunction(() => document.querySelector("[data-testid=predict-mark]")?.textContent === "1m28s", null, { timeout: 5000 });
  await page.click("[data-testid=predict-answer]");
  await page.waitForSelector("[data-testid=predict-result][data-right=true]", { timeout: 5000 });
  const p = (await saved(page)).lessons?.liveness?.predictions;
  assertEq(JSON.stringify(p), JSON.stringify({ "first-restart-every-10s": false, "restarts-without-a-probe": true }), "first answers saved");
});

// The solution as a diff: its code fetched on first use (same origin), the learner's text
// against the solution, applied as one undoable step; never replaced without asking.
/// The learner's editor's text (the diff has editors of its own).
const mainText = (page) =>
  page.evaluate(() => [...document.querySelectorAll(".cm-content[data-testid=yaml-editor] .cm-line")].map((l) => l.textContent).join("\n"));

for (const [label, options] of [["1280 px", { viewport: { width: 1280, height: 900 } }], ["375 px, touch", PHONE]]) {
  test(`solution diff: shown against the learner's text, applied, then undone (${label})`, async ({ browser, baseUrl, problems }) => {
    const ctx = await browser.newContext(options);
    const page = await ctx.newPage();
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    const fetched = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    try {
      await openApp(page, baseUrl + "#/lesson/liveness");
      const start = await editorText(page);
      assert(!fetched.some((p) => p.endsWith("merge_view.js")), "the diff's code is not part of the first load");
      await showPane(page, "lesson");
      await page.click("[data-testid=solution]");
      await page.waitForSelector("[data-testid=solution-diff] .cm-editor", { timeout: 10000 });
      assert(fetched.some((p) => p.endsWith("merge_view.js")), "fetched on first use");
      assertEq(await mainText(page), start, "nothing replaced yet");
      const wide = options.viewport.width > 720;
      assertEq(await page.locator("[data-testid=diff-host] .cm-mergeView").count(), wide ? 1 : 0, "side by side only on a wide screen");
      const changed = await page.locator("[data-testid=diff-host] .cm-changedLine, [data-testid=diff-host] .cm-insertedLine").count();
      assert(changed >= 5, `the added probe's lines are highlighted: ${changed}`);
      await page.click("[data-testid=solution-apply]");
      await page.waitForSelector("[data-testid=solution-diff]", { state: "detached", timeout: 5000 });
      await page.waitForFunction(() => document.querySelector(".cm-content[data-testid=yaml-editor]").textContent.includes("livenessProbe"), null, { timeout: 5000 });
      // One undo step: Ctrl+Z (the focus is outside the editor) brings the text back.
      await page.keyboard.press("Control+z");
      await page.waitForFunction(() => !document.querySelector(".cm-content[data-testid=yaml-editor]").textContent.includes("livenessProbe"), null, { timeout: 5000 });
      assertEq(await mainText(page), start, "undone");
    } finally {
      await ctx.close();
    }
  });
}

test("solution diff: 1000 px wide, the editor column that stays in view never covers the run", async ({ browser, baseUrl, problems }) => {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await ctx.newPage();
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  try {
    await openApp(page, baseUrl + "#/lesson/liveness");
    const overlap = () =>
      page.evaluate(() => {
        const a = document.querySelector(".work").getBoundingClientRect();
        const b = document.querySelector(".region.result").getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        return w > 0 && h > 0 ? Math.round(w * h) : 0;
      });
    assertEq(await overlap(), 0, "at the top");
    // Show the solution (at the bottom of the lesson): the page scrolls, the diff opens in
    // the editor column, which stays in view.
    await page.click("[data-testid=solution]");
    await page.waitForSelector("[data-testid=solution-diff] .cm-editor", { timeout: 10000 });
    assert((await page.evaluate(() => scrollY)) > 200, "scrolled down to the solution button");
    assertEq(await overlap(), 0, "with the diff open");
    await page.click("[data-testid=solution-apply]");
    await page.waitForSelector("[data-testid=solution-diff]", { state: "detached", timeout: 5000 });
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    assertEq(await overlap(), 0, "scrolled to the bottom");
    const run = await page.evaluate(() => {
      const r = document.querySelector(".region.result").getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    });
    assert(run, "the run is on screen at the bottom");
  } finally {
    await ctx.close();
  }
});

test("progress: exported to a file, imported on a fresh profile, merged and reported", async ({ browser, baseUrl, page }) => {
  // Some progress: a prediction answered right, a lesson's text edited.
  await openIn(page, baseUrl, "en", "phases");
  await page.click("[data-testid=predict-choice-1]");
  await page.waitForSelector("[data-testid=predict-result][data-right=true]", { timeout: 5000 });
  await page.click("[data-testid=predict-close]");
  await showPane(page, "editor");
  await cursorToLineEnd(page, 4);
  await page.keyboard.type("-mine");
  await page.waitForFunction(() => JSON.parse(localStorage.getItem("podlab") || "{}").docs?.["lesson:phases"]?.manifest.includes("-mine"), null, { timeout: 5000 });
  await page.goto(baseUrl + "#/lessons");
  await page.waitForSelector("[data-testid=lesson-predictions]", { timeout: 5000 });
  assertEq(await page.textContent("[data-testid=lesson-predictions]"), "1/1 predictions right", "the list shows it");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=progress-export]")]);
  const file = await download.path();
  const exported = JSON.parse((await import("node:fs")).readFileSync(file, "utf8"));
  assertEq(exported.lessons?.phases?.predictions?.["phase-after-the-job"], true, "the file holds the progress");

  // A fresh profile: nothing, then the file imported.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const fresh = await ctx.newPage();
  try {
    await fresh.goto(baseUrl + "#/lessons");
    await fresh.waitForSelector("[data-testid=lesson-list]", { timeout: 20000 });
    assertEq(await fresh.locator("[data-testid=lesson-predictions]").count(), 0, "nothing yet");
    await fresh.setInputFiles("[data-testid=progress-import]", file);
    await fresh.waitForSelector("[data-testid=notice]", { timeout: 5000 });
    const said = await fresh.textContent("[data-testid=notice]");
    assert(said.includes("Progress imported: 1 documents added") && said.includes("1 lessons' progress merged"), said);
    assertEq(await fresh.textContent("[data-testid=lesson-predictions]"), "1/1 predictions right", "restored");
    await fresh.goto(baseUrl + "#/lesson/phases");
    await fresh.waitForSelector(".cm-content[data-testid=yaml-editor]", { state: "attached", timeout: 20000 });
    await fresh.waitForFunction(() => document.querySelector(".cm-content[data-testid=yaml-editor]").textContent.includes("-mine"), null, { timeout: 5000 });
    assertEq(await fresh.locator("[data-testid=prediction]").count(), 0, "an answered prediction is not asked again");
    // Not podlab's: said, and nothing changes.
    await fresh.goto(baseUrl + "#/lessons");
    await fresh.setInputFiles("[data-testid=progress-import]", { name: "x.json", mimeType: "application/json", buffer: Buffer.from("{\"hello\": 1}") });
    await fresh.waitForFunction(() => document.querySelector("[data-testid=notice]")?.textContent.includes("not podlab progress"), null, { timeout: 5000 });
    assertEq(await fresh.textContent("[data-testid=lesson-predictions]"), "1/1 predictions right", "kept");
  } finally {
    await ctx.close();
  }
});

test("drag numbers: a fault's instant is dragged in the faults panel, by keyboard and pointer", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await page.fill("[data-testid=jump]", "20s");
  await page.press("[data-testid=jump]", "Enter");
  await page.click(".faults summary");
  await page.click("[data-testid=fault-node]");
  await page.waitForFunction(() => document.querySelector("[data-testid=fault-list]")?.textContent.startsWith("20s"), null, { timeout: 5000 });
  const slider = page.locator("[data-testid=fault-at-0]");
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => document.querySelector("[data-testid=fault-list]")?.textContent.startsWith("25s"), null, { timeout: 5000 });
  // With the pointer: to the far left is the run's start.
  const box = await slider.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 20, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector("[data-testid=fault-list]")?.textContent.startsWith("0s"), null, { timeout: 5000 });
});
