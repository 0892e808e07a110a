// Explore and predict (issue 21): numbers you can drag in the editor (mouse, keyboard, a
// finger at 375 px; one drag = one undo step; ranges from the engine).
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, editorText, pasteUntilPod, cursorToLineEnd } from "./app.mjs";

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
