// The learner's loop (issue 17): the run that never vanishes, navigation like a website's, no
// work lost to share links or resets, where the learner is in the course, a phone's region
// switcher, the timeline's first view, legend and labels, Korean UI words, accessible names.
// Most run twice: at 1280 px with a mouse and at 375 px with touch.
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, editorText, cursorToLineEnd, pasteText } from "./app.mjs";

const WIDE = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };

/// Register `fn` twice, at 1280 px and at 375 px with touch: fn({ page, phone, ... }).
function both(name, fn) {
  for (const [label, options, phone] of [["1280 px", WIDE, false], ["375 px, touch", PHONE, true]]) {
    test(`${name} (${label})`, async (args) => {
      const ctx = await args.browser.newContext(options);
      const page = await ctx.newPage();
      const problems = args.problems;
      page.on("console", (msg) => msg.type() === "error" && problems.push(`console error: ${msg.text()}`));
      page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
      try {
        await fn({ ...args, page, ctx, phone });
      } finally {
        await ctx.close();
      }
    });
  }
}

/// Open the app at `url` and wait for the editor and the parsed Pod (on a phone they may be
/// in a region not shown).
async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector(".cm-content[data-testid=yaml-editor]", { state: "attached", timeout: 20000 });
  await page.waitForSelector("[data-testid=pod-name]", { state: "attached", timeout: 20000 });
}

/// On a phone, show one region (lesson, editor, run); elsewhere all are on screen.
async function show(page, phone, pane) {
  if (phone) await page.tap(`[data-testid=show-${pane}]`);
}

const payload = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64url");
const SHARED = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: shared-pod\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n";
const podName = (page) => page.textContent("[data-testid=pod-name]");
const waitPod = (page, name) =>
  page.waitForFunction((n) => document.querySelector("[data-testid=pod-name]")?.textContent === n, name, { timeout: 10000 });
const inViewport = async (page, selector) => {
  const box = await page.locator(selector).boundingBox();
  const { width, height } = page.viewportSize();
  return box && box.y >= 0 && box.x >= 0 && box.y + box.height <= height && box.x + box.width <= width;
};

both("loop: while a key is half typed, the last run stays on screen, dimmed and marked out of date", async ({ page, phone, baseUrl }) => {
  await open(page, baseUrl + "#/sandbox");
  await show(page, phone, "run");
  const height = () => page.evaluate(() => document.querySelector("section.result").getBoundingClientRect().height);
  const before = await height();
  await show(page, phone, "editor");
  // A key begun on a line of its own (short lines: a phone wraps long ones).
  await cursorToLineEnd(page, 2);
  await page.keyboard.press("Enter");
  await page.keyboard.type("imag");
  await page.waitForSelector("[data-testid=problems]", { state: "attached" });
  await show(page, phone, "run");
  assert(await page.isVisible("[data-testid=timeline-svg]"), "the timeline stays");
  assert(await page.isVisible("[data-testid=view-output]"), "the kubectl view stays");
  assertEq(await page.getAttribute("[data-testid=run]", "data-stale"), "true", "marked out of date");
  assert((await page.textContent("[data-testid=stale-note]")).includes("Out of date"), "said so");
  assert((await page.textContent("[data-testid=problems]")).includes("1 problem"), "the problem listed");
  const opacity = await page.evaluate(() => Number(getComputedStyle(document.querySelector("[data-testid=run]")).opacity));
  assert(opacity < 0.8, `dimmed: opacity ${opacity}`);
  if (!phone) {
    const during = await height();
    assert(Math.abs(during - before) <= 1, `the result region keeps its height: ${before} → ${during}`);
  }
  // The half key taken away: a fresh run again.
  await show(page, phone, "editor");
  await cursorToLineEnd(page, 3);
  for (let i = 0; i < 5; i++) await page.keyboard.press("Backspace");
  await page.waitForSelector("[data-testid=problems]", { state: "detached" });
  await page.waitForFunction(() => document.querySelector("[data-testid=run]")?.dataset.stale === "false");
  await show(page, phone, "run");
  assertEq(await page.getAttribute("[data-testid=run]", "data-stale"), "false", "fresh once valid");
});

both("navigation: Back after three in-app navigations returns through them, Forward goes again", async ({ page, baseUrl: base }) => {
  await page.goto(base + "#/lesson/first-pod");
  await page.waitForSelector("[data-testid=lesson]");
  const title = () => page.textContent("#lesson-title");
  const first = await title();
  await page.click("[data-testid=nav-lessons]");
  await page.waitForSelector("[data-testid=lesson-list]");
  await page.click("[data-testid=lesson-link] >> nth=4");
  await page.waitForFunction((t) => document.querySelector("#lesson-title")?.textContent !== t, first);
  const fifth = await title();
  await page.click("[data-testid=nav-sandbox]");
  await page.waitForFunction(() => document.querySelector("#lesson-title")?.textContent === "Sandbox");
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector("#lesson-title")?.textContent === t, fifth);
  await page.goBack();
  await page.waitForSelector("[data-testid=lesson-list]");
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector("#lesson-title")?.textContent === t, first);
  assert(page.url().startsWith(base), `still in podlab: ${page.url()}`);
  await page.goForward();
  await page.waitForSelector("[data-testid=lesson-list]");
  // A lesson's "next" link is a step too.
  await page.goForward();
  await page.waitForFunction((t) => document.querySelector("#lesson-title")?.textContent === t, fifth);
  await page.click("[data-testid=next-lesson-top]");
  await page.waitForFunction(() => location.hash === "#/lesson/readiness");
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector("#lesson-title")?.textContent === t, fifth);
  // An old deep link still opens its lesson.
  await page.goto(base + "#/lesson/liveness");
  await page.waitForFunction((t) => document.querySelector("#lesson-title")?.textContent === t, fifth);
});

test("share: a link opened over sandbox work opens in its own copy; the work stays one click away", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await cursorToLineEnd(page, 4);
  await page.keyboard.type("-mine");
  await waitPod(page, "kubenetes-simple-pod-mine");
  await page.goto(baseUrl + "#/share/" + payload({ v: 1, manifest: SHARED, events: [] }));
  await waitPod(page, "shared-pod");
  assert((await editorText(page)).includes("name: shared-pod"), "the shared text in the editor");
  assert((await page.textContent("[data-testid=notice]")).includes("your own text is kept"), "said so");
  await page.waitForFunction(() => location.hash === "#/sandbox/shared");
  await page.click("[data-testid=own-text]");
  await waitPod(page, "kubenetes-simple-pod-mine");
  assert((await editorText(page)).includes("kubenetes-simple-pod-mine"), "the learner's text is back");
  // Both survive a reload; the copy switch goes between them.
  await page.reload();
  await waitPod(page, "kubenetes-simple-pod-mine");
  await page.click("[data-testid=copy-shared]");
  await waitPod(page, "shared-pod");
  await page.goBack();
  await waitPod(page, "kubenetes-simple-pod-mine");
});

test("share: a link copied in a lesson opens that lesson, with its goals and the shared text", async ({ browser, context, page, baseUrl }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openApp(page, baseUrl + "#/lesson/liveness");
  const title = await page.textContent("#lesson-title");
  await cursorToLineEnd(page, 4);
  await page.keyboard.type("-shared");
  await page.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent.endsWith("-shared"));
  await page.click("[data-testid=share]");
  await page.waitForSelector("[data-testid=notice]");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert(link.includes("#/share/"), link);
  // Another learner opens it.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page2 = await other.newPage();
  await page2.goto(link);
  await page2.waitForSelector("[data-testid=lesson]");
  assertEq(await page2.textContent("#lesson-title"), title, "the lesson");
  assert((await page2.$$("[data-testid=goal]")).length > 0, "its goals");
  assert((await editorText(page2)).includes("-shared"), "the shared text");
  await page2.waitForFunction(() => location.hash === "#/lesson/liveness/shared");
  // Their own text for the lesson is the lesson's start, one click away.
  await page2.click("[data-testid=copy-own]");
  await page2.waitForFunction(() => !document.querySelector(".cm-content").textContent.includes("-shared"));
  await other.close();
});

test("share: a link over an edited shared copy asks first; opening it keeps the edits one undo away", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/share/" + payload({ v: 2, manifest: SHARED }));
  await waitPod(page, "shared-pod");
  await cursorToLineEnd(page, 4);
  await page.keyboard.type("-edited");
  await waitPod(page, "shared-pod-edited");
  const newer = SHARED.replace("shared-pod", "newer-pod");
  await page.goto(baseUrl + "#/share/" + payload({ v: 2, manifest: newer }));
  await page.waitForSelector("[data-testid=accept-link]");
  assertEq(await podName(page), "shared-pod-edited", "nothing replaced before the answer");
  await page.click("[data-testid=decline-link]");
  assertEq(await podName(page), "shared-pod-edited", "kept");
  await page.goto(baseUrl + "#/share/" + payload({ v: 2, manifest: newer, playhead: 1 }));
  await page.click("[data-testid=accept-link]");
  await waitPod(page, "newer-pod");
  await page.click("[data-testid=undo]");
  await waitPod(page, "shared-pod-edited");
});

test("lessons: reset and solution are one click from undone, in the page", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/lesson/first-pod");
  await cursorToLineEnd(page, 6);
  await page.keyboard.press("Enter");
  await page.keyboard.type("tier: mine");
  const mine = await editorText(page);
  await page.click("[data-testid=solution]");
  await page.click("[data-testid=solution-apply]");
  await page.waitForFunction(() => !document.querySelector(".cm-content").textContent.includes("tier: mine"));
  await page.click("[data-testid=undo]");
  await page.waitForFunction(() => document.querySelector(".cm-content").textContent.includes("tier: mine"));
  assertEq(await editorText(page), mine, "the learner's text is back");
  await page.click("[data-testid=reset]");
  await page.waitForFunction(() => !document.querySelector(".cm-content").textContent.includes("tier: mine"));
  await page.click("[data-testid=undo]");
  await page.waitForFunction(() => document.querySelector(".cm-content").textContent.includes("tier: mine"));
});

both("lessons: when every goal is met, the success message and the next lesson are in view", async ({ page, phone, baseUrl }) => {
  await page.goto(baseUrl + "#/lesson/first-pod");
  await page.waitForSelector("[data-testid=lesson]");
  await show(page, phone, "editor");
  await cursorToLineEnd(page, 6);
  await page.keyboard.press("Enter");
  await page.keyboard.type("tier: frontend");
  await page.waitForSelector("[data-testid=lesson-done]");
  assert(await inViewport(page, "[data-testid=lesson-done]"), "the success message is in the viewport");
  assert(await inViewport(page, "[data-testid=next-lesson]"), "so is the next lesson");
  // Whichever region a phone shows.
  await show(page, phone, "run");
  assert(await inViewport(page, "[data-testid=lesson-done]"), "still in view beside the run");
  await page.click("[data-testid=next-lesson]");
  await page.waitForFunction(() => location.hash === "#/lesson/many-containers");
});

test("lessons: where the learner is, the source chapter explained, and the course's end", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/lesson/liveness");
  assertEq(await page.textContent("[data-testid=lesson-position]"), "Lesson 5 of 15", "position");
  await page.click("[data-testid=prev-lesson]");
  await page.waitForFunction(() => location.hash === "#/lesson/conditions");
  assertEq(await page.textContent("[data-testid=lesson-position]"), "Lesson 4 of 15", "previous");
  // The first lesson explains "§5.2" and "the source chapter" where they first appear.
  await page.goto(baseUrl + "#/lesson/first-pod");
  await page.waitForSelector("[data-testid=source-note][open]");
  assert((await page.textContent("[data-testid=source-note]")).includes("chapter 5"), "explained");
  await page.goto(baseUrl + "#/lessons");
  assert((await page.textContent(".home .intro")).includes("§5.4"), "the list explains the § marks");
  // The last lesson ends the course with a summary.
  await page.goto(baseUrl + "#/lesson/final-challenge");
  await page.waitForSelector("[data-testid=lesson]");
  assert(!(await page.$("[data-testid=next-lesson-top]")), "no lesson after the last");
  await page.click("[data-testid=solution]");
  await page.click("[data-testid=solution-apply]");
  await page.waitForSelector("[data-testid=lesson-done]");
  assert((await page.textContent("[data-testid=lesson-done]")).includes("course is complete"), "the course ends");
  await page.click("[data-testid=show-summary]");
  const summary = await page.textContent("[data-testid=course-summary]");
  assert(summary.includes("of 15 lessons done") && summary.includes("Your first Pod"), summary);
});

test("phone: the lesson, the editor and the run are one tap apart, the switcher always in reach", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await page.goto(baseUrl + "#/lesson/liveness");
  await page.waitForSelector("[data-testid=lesson]");
  assert(await inViewport(page, "[data-testid=pane-switcher]"), "the switcher is on screen");
  await page.tap("[data-testid=show-editor]");
  assert(await inViewport(page, ".cm-editor"), "the editor, at once");
  await page.tap("[data-testid=show-run]");
  const top = await page.locator("[data-testid=timeline-svg]").boundingBox();
  assert(top && top.y < 812, `the timeline on screen: ${JSON.stringify(top)}`);
  await page.mouse.wheel(0, 2000);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  assert(await inViewport(page, "[data-testid=pane-switcher]"), "still in reach after scrolling");
  await page.tap("[data-testid=show-lesson]");
  assert(await inViewport(page, "#lesson-title"), "the lesson from its top");
  assertEq(await page.evaluate(() => document.documentElement.scrollWidth), 375, "no sideways scroll");
  await ctx.close();
});

both("timeline: the legend draws every swatch at its size (≤ 24 px) and names every mark", async ({ page, phone, baseUrl }) => {
  await open(page, baseUrl + "#/lesson/liveness");
  await show(page, phone, "run");
  await page.click(".legend summary");
  const boxes = await page.$$eval(".legend svg", (els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
  assert(boxes.length >= 16, `one swatch per colour and mark: ${boxes.length}`);
  for (const [w, h] of boxes) assert(w <= 24 && h <= 24 && w > 0 && h > 0, `swatch ${w}×${h}`);
  const text = await page.textContent(".legend");
  for (const s of ["running, ready", "back-off", "exit ≠ 0", "condition True", "phase", "probe Failure", "restarted", "Warning event", "playhead", "kubectl delete pod", "gone"]) {
    assert(text.includes(s), `the legend explains ${s}`);
  }
});

test("timeline: the first view frames the start-up and first restarts, labels ≥ 11 px, a row per condition", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext(WIDE);
  const page = await ctx.newPage();
  await openApp(page, baseUrl + "#/lesson/restart-policies");
  const label = await page.textContent("[data-testid=window]");
  const m = /^0s – (\S+) \/ (\S+)$/.exec(label);
  assert(m && m[1] !== m[2], `a first view shorter than the run: ${label}`);
  // At least three restarts in view (the back-off's growth).
  assert((await page.$$("[data-testid=timeline-svg] .restart")).length >= 3, "the first restarts are in view");
  const sizes = await page.$$eval("[data-testid=timeline-svg] text", (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  assert(sizes.length > 10 && sizes.every((s) => s >= 11), `labels ≥ 11 px: ${[...new Set(sizes)]}`);
  const text = await page.textContent("[data-testid=timeline-svg]");
  assert(text.includes("PodReadyToStartContainers"), "PodReadyToStartContainers has its row");
  await page.getByRole("button", { name: "Show all" }).click();
  assert((await page.textContent("[data-testid=window]")).startsWith(`0s – ${m[2]}`), "Show all");
  await ctx.close();
});

test("timeline: Ctrl+wheel zooms around the pointer, the buttons around the playhead", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/lesson/restart-policies");
  await page.getByRole("button", { name: "Show all" }).click();
  const svg = await page.locator("[data-testid=timeline-svg]").boundingBox();
  const y = svg.y + svg.height / 2;
  const cursorX = () => page.$eval("[data-testid=timeline-svg] line.cursor", (l) => l.getBoundingClientRect().x);
  const span = async () => {
    const [a, b] = (await page.textContent("[data-testid=window]")).split(" / ")[0].split(" – ");
    const s = (t) => { const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(t); return Number(m[1] || 0) * 60 + Number(m[2] || 0); };
    return s(b) - s(a);
  };
  // The playhead on the lanes, the pointer further right.
  await page.mouse.click(svg.x + svg.width * 0.6, y);
  const px = svg.x + svg.width * 0.9;
  const [x0, span0] = [await cursorX(), await span()];
  await page.mouse.move(px, y);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -100);
  await page.keyboard.up("Control");
  await page.waitForFunction((s) => !document.querySelector("[data-testid=window]").textContent.startsWith(s), (await page.textContent("[data-testid=window]")).slice(0, 4)).catch(() => {});
  const span1 = await span();
  assert(span1 < span0, `zoomed in: ${span0}s → ${span1}s`);
  const expected = px + (x0 - px) * (span0 / span1);
  const x1 = await page.$$eval("[data-testid=timeline-svg] line.cursor", (ls) => ls.length ? ls[0].getBoundingClientRect().x : -1e9);
  assert(Math.abs(x1 - expected) <= 4, `the instant under the pointer stayed there: playhead ${x0} → ${x1}, expected ${expected}`);
  // The + button zooms around the playhead: it does not move.
  const before = await cursorX();
  await page.click("[data-testid=zoom-in]");
  assert(Math.abs((await cursorX()) - before) <= 1.5, "the playhead stays put");
});

test("Korean: the timeline's earlier/later buttons, max, phase and the jump button in Korean", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext({ locale: "ko-KR", viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(baseUrl + "#/lesson/liveness");
  await page.waitForSelector("[data-testid=timeline-svg]");
  const label = (selector) => page.getAttribute(selector, "aria-label");
  const [earlier, later] = [await label(".timeline-tools button:has-text('←')"), await label(".timeline-tools button:has-text('→')")];
  assert(earlier.includes("이전"), `earlier: ${earlier}`);
  assert(later.includes("이후"), `later: ${later}`);
  assert(/[가-힣]/.test((await label(".jump button[type=submit]")) || ""), "the jump button");
  const options = await page.$$eval("[data-testid=speed] option", (os) => os.map((o) => o.textContent));
  assert(options.includes("최대") && !options.includes("max"), `speeds: ${options}`);
  assert((await page.textContent("[data-testid=timeline-svg]")).includes("단계"), "the phase row");
  await ctx.close();
});

both("accessibility: every button named, landmark and group names unique, controls ≥ 24 px", async ({ page, phone, baseUrl }) => {
  await open(page, baseUrl + "#/lesson/liveness");
  await show(page, phone, "run");
  await page.click("[data-testid=tab-logs]");
  await page.click(".legend summary");
  const cdp = await page.context().newCDPSession(page);
  const check = async (where) => {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const live = nodes.filter((n) => !n.ignored);
    const name = (n) => (n.name && n.name.value) || "";
    const unnamed = live.filter((n) => n.role?.value === "button" && !/\p{L}/u.test(name(n)));
    assertEq(unnamed.map(name).join(" | "), "", `${where}: buttons named in words`);
    const landmarks = live.filter((n) => ["banner", "navigation", "main", "region", "complementary", "contentinfo", "form", "search", "group", "tablist"].includes(n.role?.value));
    const keys = landmarks.map((n) => `${n.role.value}: ${name(n)}`);
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
    assertEq(repeated.join(", "), "", `${where}: landmark and group names are unique`);
    const small = await page.$$eval("button, select, input, summary, [role=tab]", (els) =>
      els
        .filter((e) => e.offsetParent !== null || getComputedStyle(e).position === "fixed")
        .map((e) => [e.dataset.testid || e.getAttribute("aria-label") || e.textContent.trim().slice(0, 20) || e.tagName, e.getBoundingClientRect()])
        .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
        .map(([n, r]) => `${n} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`),
    );
    assertEq(small.join(", "), "", `${where}: controls at least 24×24 px`);
  };
  await check("run");
  if (phone) {
    await show(page, phone, "editor");
    await check("editor");
    await show(page, phone, "lesson");
    await check("lesson");
  }
  const box = await page.locator("[data-testid=show-defaulted]").boundingBox().catch(() => null);
  if (box) assert(box.width >= 24 && box.height >= 24, `checkbox ${box.width}×${box.height}`);
});

test("storage: work saved by the first version (podlab.v1) loads, and is kept in the new format", async ({ browser, baseUrl }) => {
  const ctx = await browser.newContext(WIDE);
  const old = {
    lang: "en", theme: "system", speed: 60, tab: "events", show_defaulted: false,
    docs: {
      "lesson:first-pod": { text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-v1\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n", faults: [], cursor: 30000, hints: 1 },
    },
    done: ["first-pod"],
    last_page: "#/lesson/first-pod",
  };
  await ctx.addInitScript((old) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("podlab.v1", JSON.stringify(old));
      sessionStorage.setItem("seeded", "1");
    }
  }, old);
  const page = await ctx.newPage();
  await page.goto(baseUrl);
  await waitPod(page, "from-v1");
  assertEq(await page.textContent("[data-testid=cursor-time]"), "30s", "the playhead");
  assertEq((await page.$$(".hints li")).length, 1, "the hint revealed");
  assert((await page.textContent("[data-testid=tab-events]")) && (await page.getAttribute("[data-testid=tab-events]", "aria-selected")) === "true", "the view");
  await page.waitForFunction(() => localStorage.getItem("podlab") !== null && localStorage.getItem("podlab.v1") === null);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("podlab")));
  assertEq(saved.v, 2, "the new format");
  assert(saved.lessons["first-pod"].done, "progress kept");
  await page.goto(baseUrl + "#/lessons");
  assert((await page.textContent(".lesson-card.done")).includes("Your first Pod"), "done in the list");
  await ctx.close();
});
