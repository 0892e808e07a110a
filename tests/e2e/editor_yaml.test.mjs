// The editor helps with YAML instead of fighting it (issue 17), with a keyboard and a mouse at
// 1280 px and with a keyboard and a finger at 375 px (touch): Enter and Tab indent as YAML
// nests, completion of a key that opens a block leaves the cursor on its first child's line,
// quotes and brackets are typed as they are, Escape then Tab leaves the editor, Ctrl+Z undoes
// a reset, tabs and odd spaces are visible, and field docs on a phone cover no text.
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, editorText, pasteText, showPane, settleEditor } from "./app.mjs";

// Registers the test twice: 1280 px with a mouse, 375 px with touch (a phone context that
// reports its errors and stray requests like the harness's own page).
function both(name, fn) {
  test(`${name} (1280 px, mouse)`, ({ page, baseUrl }) => fn({ page, baseUrl, touch: false }));
  test(`${name} (375 px, touch)`, async ({ browser, baseUrl, problems }) => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const page = await ctx.newPage();
    const origin = new URL(baseUrl).origin;
    page.on("console", (msg) => msg.type() === "error" && problems.push(`console error: ${msg.text()}`));
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (/^(http|ws)s?:$/.test(url.protocol) && url.origin !== origin) problems.push(`request off origin: ${req.url()}`);
    });
    try {
      await fn({ page, baseUrl, touch: true });
    } finally {
      await ctx.close();
    }
  });
}

// Click or tap at a point.
async function point(page, touch, x, y) {
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

// Put the cursor at the end of 1-based line `n` by clicking (or tapping) right of its text,
// on its last row (a long line wraps at 375 px).
async function toLineEnd(page, touch, n) {
  const line = page.locator(".cm-content .cm-line").nth(n - 1);
  await line.scrollIntoViewIfNeeded();
  const box = await line.boundingBox();
  await point(page, touch, box.x + box.width - 2, box.y + box.height - 5);
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "yaml-editor", null, { timeout: 3000 });
}

const lines = async (page, from, to) => (await editorText(page)).split("\n").slice(from - 1, to);
const goalsMet = (page) => page.$$eval("[data-testid=goal]", (els) => els.map((e) => e.dataset.met));
const noProblems = (page) =>
  page.waitForSelector("[data-testid=problems]", { state: "detached", timeout: 5000 }).then(
    () => true,
    async () => page.textContent("[data-testid=problems]"),
  );

// The liveness lesson's container ends on line 14 (`    - touch /tmp/healthy; …`).
const LIVENESS_LAST_LINE = 14;

both("editor YAML: a liveness probe typed line by line with Enter and Shift+Tab is valid and runs", async ({ page, baseUrl, touch }) => {
  await openApp(page, baseUrl + "#/lesson/liveness");
  await toLineEnd(page, touch, LIVENESS_LAST_LINE);
  const k = page.keyboard;
  // No space typed at the start of any line: Enter and Shift+Tab/Backspace place every one.
  await k.press("Enter"); // after a plain list item: at its dash
  await k.type("livenessProbe:");
  await k.press("Enter"); // one level deeper
  await k.type("exec:");
  await k.press("Enter");
  await k.type("command:");
  await k.press("Enter");
  await k.type("- cat");
  await k.press("Enter"); // the next item at the dash
  await k.type("- /tmp/healthy");
  await k.press("Enter");
  await k.type("- ");
  await k.press("Enter"); // Enter on an empty item ends the list: back at `command`'s column
  await k.press("Shift+Tab"); // one level out: beside exec
  await k.type("initialDelaySeconds: 5");
  await k.press("Enter");
  await k.type("periodSeconds: 5");
  const want = [
    "    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600",
    "    livenessProbe:",
    "      exec:",
    "        command:",
    "          - cat",
    "          - /tmp/healthy",
    "      initialDelaySeconds: 5",
    "      periodSeconds: 5",
  ];
  assertEq(JSON.stringify(await lines(page, LIVENESS_LAST_LINE, LIVENESS_LAST_LINE + 7)), JSON.stringify(want), "the probe block");
  assertEq(await noProblems(page), true, "valid YAML, accepted by the apiserver");
  await page.waitForFunction(() => [...document.querySelectorAll("[data-testid=goal]")].every((g) => g.dataset.met === "true"), null, { timeout: 5000 });
  await showPane(page, "run");
  await page.click("[data-testid=tab-describe]");
  const describe = await page.textContent("[data-testid=view-output]");
  assert(describe.includes("Liveness:") && describe.includes("exec [cat /tmp/healthy] delay=5s timeout=1s period=5s"), `the run has the probe: ${describe}`);
});

both("editor YAML: accepting a block key from completion continues on its first child's line", async ({ page, baseUrl, touch }) => {
  await openApp(page, baseUrl + "#/lesson/liveness");
  await toLineEnd(page, touch, LIVENESS_LAST_LINE);
  const k = page.keyboard;
  const settle = () => settleEditor(page);
  const accept = async (typed, label) => {
    await k.type(typed);
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: label }).first();
    await option.waitFor({ timeout: 5000 });
    if (!touch) {
      // Move the selection to the option.
      for (let i = 0; i < 20 && !(await option.getAttribute("aria-selected")); i++) await k.press("ArrowDown");
    }
    await settle();
    if (touch) await option.tap();
    else await k.press("Enter");
    await page.waitForSelector(".cm-tooltip-autocomplete", { state: "detached", timeout: 5000 });
  };
  await k.press("Enter");
  await accept("liven", "livenessProbe");
  await k.type("exec:"); // on the line below livenessProbe, indented
  await k.press("Enter");
  await k.type('command: ["cat", "/tmp/healthy"]');
  await k.press("Enter");
  await k.press("Backspace");
  await accept("perio", "periodSeconds"); // a scalar: `periodSeconds: ` on the same line
  await k.type("5");
  await k.press("Enter");
  await k.press("Backspace");
  await accept("por", "ports"); // a list of objects: the first item started
  await k.type("containerPort: 8080");
  const want = [
    "    livenessProbe:",
    "      exec:",
    '        command: ["cat", "/tmp/healthy"]',
    "      periodSeconds: 5",
    "    ports:",
    "    - containerPort: 8080",
  ];
  assertEq(JSON.stringify(await lines(page, LIVENESS_LAST_LINE + 1, LIVENESS_LAST_LINE + 6)), JSON.stringify(want), "keys and children where they belong");
  assertEq(await noProblems(page), true, "valid YAML, accepted by the apiserver");
  await page.waitForFunction(() => document.querySelector("[data-testid=goal]")?.dataset.met === "true", null, { timeout: 5000 });
});

both("editor YAML: quotes and brackets type as they are, shell text inside YAML included", async ({ page, baseUrl, touch }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await toLineEnd(page, touch, 10); // `      image: …`
  const k = page.keyboard;
  const typed = [
    `command: ["sh", "-c", "trap 'exit 0' TERM; sleep 5"]`,
    `args:`,
    `- |`,
    `trap 'echo "x"; exit 0' TERM`,
    `echo [ok] {done} "it's" (here)`,
  ];
  await k.press("Enter");
  for (const [i, text] of typed.entries()) {
    if (i > 0) await k.press("Enter");
    await k.type(text);
  }
  // The seed indents by four spaces: Enter follows it.
  const want = [
    `      command: ["sh", "-c", "trap 'exit 0' TERM; sleep 5"]`,
    `      args:`,
    `          - |`,
    `            trap 'echo "x"; exit 0' TERM`,
    `            echo [ok] {done} "it's" (here)`,
    `      ports:`,
  ];
  assertEq(JSON.stringify(await lines(page, 11, 16)), JSON.stringify(want), "typed verbatim, nothing added");
  assertEq(await noProblems(page), true, "valid YAML");
  // The script in the block scalar is text: one token per line, not keys, strings and comments
  // (the cursor moves away first: the bracket it stands by is marked).
  await k.press("Control+Home");
  const tokens = await page.$$eval(".cm-content .cm-line", (ls) =>
    ls.slice(13, 15).map((l) => [...l.childNodes].map((n) => n.textContent)),
  );
  assertEq(JSON.stringify(tokens), JSON.stringify([[want[3]], [want[4]]]), "the script's lines are highlighted as text");
});

both("editor YAML: Tab, Shift+Tab and Backspace step by the document's unit", async ({ page, baseUrl, touch }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await toLineEnd(page, touch, 10);
  const k = page.keyboard;
  const inEditor = () => page.evaluate(() => Boolean(document.activeElement?.closest(".cm-editor")));
  await k.press("Enter");
  await k.press("Tab");
  await k.type("x");
  assertEq((await lines(page, 11, 11))[0], "          x", "Tab indents the line one level (the seed's unit: four spaces)");
  assert(await inEditor(), "Tab alone stays in the editor");
  await k.press("Backspace");
  await k.press("Backspace"); // in the indentation: one level (four spaces) at once
  assertEq((await lines(page, 11, 11))[0], "      ", "Backspace removes one indentation level");
  // A selection of lines: Tab indents them all by one unit, Shift+Tab takes it back.
  await toLineEnd(page, touch, 5);
  await k.press("Shift+ArrowUp");
  await k.press("Tab");
  assertEq(JSON.stringify(await lines(page, 4, 5)), JSON.stringify(["        name: kubenetes-simple-pod", "        labels:"]), "Tab indents the selected lines");
  await k.press("Shift+Tab");
  await k.press("Shift+Tab");
  assertEq(JSON.stringify(await lines(page, 4, 5)), JSON.stringify(["name: kubenetes-simple-pod", "labels:"]), "Shift+Tab outdents them");
});

both("editor YAML: Escape then Tab leaves the editor, a completion list open or not", async ({ page, baseUrl, touch }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await toLineEnd(page, touch, 10);
  const k = page.keyboard;
  const inEditor = () => page.evaluate(() => Boolean(document.activeElement?.closest(".cm-editor")));
  await k.press("Enter");
  const before = await editorText(page);
  // A completion list is open: the first Escape closes it, and Tab then leaves.
  await k.type("ima");
  await page.waitForSelector(".cm-tooltip-autocomplete", { timeout: 5000 });
  await k.press("Escape");
  await k.press("Tab");
  assert(!(await inEditor()), "Escape (closing the completion list), then Tab, leaves the editor");
  assertEq(await editorText(page), before.replace(/\n {6}\n/, "\n      ima\n"), "the Tab indented nothing");
  // Back in, no list open: Escape then Tab leaves too, and Shift+Tab comes back.
  await toLineEnd(page, touch, 3);
  await k.press("Escape");
  await k.press("Tab");
  assert(!(await inEditor()), "Escape, then Tab, leaves the editor");
  await k.press("Shift+Tab");
  assert(await inEditor(), "Shift+Tab comes back");
});

both("editor YAML: one Ctrl+Z after a reset or the solution brings the learner's text back", async ({ page, baseUrl, touch }) => {
  await openApp(page, baseUrl + "#/lesson/first-pod");
  const start = await editorText(page);
  await toLineEnd(page, touch, 6);
  await page.keyboard.press("Enter");
  await page.keyboard.type("tier: web");
  const edited = await editorText(page);
  // The learner comes back later: the work is loaded from storage (typed in another visit).
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes("tier: web")), null, { timeout: 5000 });
  await page.reload();
  await page.waitForSelector("[data-testid=pod-name]", { state: "attached" });
  assertEq(await editorText(page), edited, "the work is back after the reload");
  await showPane(page, "lesson");
  const press = async (testid) => {
    const button = page.locator(`[data-testid=${testid}]`);
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    await point(page, touch, box.x + box.width / 2, box.y + box.height / 2);
  };
  const textIs = (want, what) =>
    page.waitForFunction((want) => [...document.querySelectorAll(".cm-content .cm-line")].map((l) => l.textContent).join("\n") === want, want, { timeout: 5000 }).catch(async () => {
      throw new Error(`${what}: the editor holds ${JSON.stringify(await editorText(page))}`);
    });
  await press("reset");
  await textIs(start, "reset");
  // The focus is on the button: Ctrl+Z still undoes the reset, in one step.
  await page.keyboard.press("Control+z");
  await textIs(edited, "one Ctrl+Z after the reset");
  await page.keyboard.press("Control+y");
  await textIs(start, "Ctrl+Y redoes the reset");
  await page.keyboard.press("Control+z");
  await textIs(edited, "and Ctrl+Z undoes it again");
  await press("solution");
  await press("solution-apply");
  await page.waitForFunction(() => document.querySelector(".cm-content").textContent.includes("tier: frontend"), null, { timeout: 5000 });
  await page.keyboard.press("Control+z");
  await textIs(edited, "one Ctrl+Z after the solution");
  // Another lesson and back: the text and its undo history are still there.
  await showPane(page, "editor");
  await toLineEnd(page, touch, 7);
  await page.keyboard.type("-x");
  await page.evaluate(() => (location.hash = "#/lesson/liveness"));
  await page.waitForFunction(() => document.querySelector(".cm-content")?.textContent.includes("liveness-exec"), null, { timeout: 5000 });
  await page.evaluate(() => (location.hash = "#/lesson/first-pod"));
  await textIs(edited.replace("tier: web", "tier: web-x"), "the lesson's text after coming back");
  await showPane(page, "editor");
  await toLineEnd(page, touch, 1);
  await page.keyboard.press("Control+z");
  await textIs(edited, "Ctrl+Z after coming back undoes the last edit made before leaving");
});

both("editor YAML: tabs and spaces that are not spaces are visible", async ({ page, baseUrl, touch }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await toLineEnd(page, touch, 1);
  // A tab, a four-per-em space (U+2005), a thin space (U+2009) and an ideographic space.
  await pasteText(page, "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n  labels:\u2005{}\nspec:\u2009\u3000\n");
  const marks = await page.evaluate(() => {
    const lines = [...document.querySelectorAll(".cm-content .cm-line")];
    const tab = lines[3].querySelector(".cm-tab");
    const arrow = tab ? getComputedStyle(tab, "::before").content : "";
    return {
      arrow,
      tabWidth: tab ? tab.getBoundingClientRect().width : 0,
      line5: lines[4].querySelectorAll(".cm-specialChar").length,
      line6: lines[5].querySelectorAll(".cm-specialChar").length,
    };
  });
  assertEq(marks.arrow, '"→"', "the tab is drawn as an arrow");
  assert(marks.tabWidth > 4, `the tab has its width: ${marks.tabWidth}`);
  assertEq(marks.line5, 1, "the four-per-em space is marked");
  assertEq(marks.line6, 2, "the thin and the ideographic spaces are marked");
});

test("editor YAML: on a phone a field's docs cover no line of the text (375 px, touch)", async ({ browser, baseUrl, problems }) => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  await openApp(page, baseUrl + "#/lesson/liveness");
  for (const word of ["containers", "args", "labels"]) {
    const line = page.locator(".cm-content .cm-line", { hasText: word + ":" }).first();
    await line.scrollIntoViewIfNeeded();
    // Tap the middle of the word's second letter.
    const at = await line.evaluate((l, w) => {
      const walk = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const i = n.textContent.indexOf(w);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i + 1);
        r.setEnd(n, i + 2);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    }, word);
    assert(at, `${word} is on screen`);
    await page.touchscreen.tap(at.x, at.y);
    const docs = await page.waitForSelector(".cm-podlab-hover", { timeout: 5000 });
    assert((await docs.textContent()).includes(word), `the docs of ${word}: ${await docs.textContent()}`);
    const d = await docs.boundingBox();
    const covered = await page.$$eval(
      ".cm-content .cm-line",
      (els, d) =>
        els
          .map((l) => [l.textContent, l.getBoundingClientRect()])
          .filter(([, r]) => r.bottom > d.y + 1 && r.top < d.y + d.height - 1 && r.right > d.x && r.left < d.x + d.width)
          .filter(([, r]) => r.bottom > 0 && r.top < innerHeight)
          .map(([t]) => t),
      d,
    );
    assertEq(JSON.stringify(covered), "[]", `the docs of ${word} cover no line`);
    // Typing on that line closes them.
    await page.keyboard.type("x");
    await page.waitForSelector(".cm-podlab-hover", { state: "detached", timeout: 5000 });
    await page.keyboard.press("Backspace");
  }
  await ctx.close();
});

test("editor: the field docs are fetched when first needed, in the page's language only", async ({ page, baseUrl }) => {
  const asked = [];
  page.on("request", (r) => /field-docs\./.test(r.url()) && asked.push(new URL(r.url()).pathname.split("/").pop()));
  await openApp(page, baseUrl + "ko/lessons/first-pod/");
  assertEq(asked.length, 0, `field docs asked for before any hover: ${asked}`);
  const at = await page.locator(".cm-line", { hasText: "image:" }).first().evaluate((l) => {
    const walk = document.createTreeWalker(l, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const i = n.textContent.indexOf("image");
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + 2);
      r.setEnd(n, i + 3);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    return null;
  });
  assert(at, "the image field is on screen");
  await page.mouse.move(at.x, at.y);
  const docs = await page.waitForSelector(".cm-podlab-hover", { timeout: 5000 });
  const text = await docs.textContent();
  assert(text.includes("이미지"), `the Korean docs of image: ${text}`);
  assertEq(JSON.stringify(asked), JSON.stringify(["field-docs.ko.json"]), "the Korean table, once");
});
