// Page helpers shared by the browser tests: open the app, read and drive the editor, and
// find where CodeMirror shows diagnostics.

/// Open the app at `url`, wait for the editor and the parsed Pod, and show the editor (on a
/// phone the regions take turns: see `showPane`).
export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForSelector(".cm-content[data-testid=yaml-editor]", { state: "attached", timeout: 20000 });
  await page.waitForSelector("[data-testid=pod-name]", { state: "attached", timeout: 20000 });
  await closePrediction(page);
  await showPane(page, "editor");
}

/// A lesson opened untouched may ask a prediction first, showing only the start of its run:
/// tests about something else put it aside, to see the learner's own run.
export async function closePrediction(page) {
  const close = page.locator("[data-testid=predict-close]");
  if ((await close.count()) > 0) {
    await showPane(page, "run");
    await close.click();
    await page.waitForSelector("[data-testid=prediction]", { state: "detached", timeout: 5000 });
  }
}

/// On a phone, show one region — "lesson", "editor" or "run" — with the switcher at the
/// bottom; where the regions sit side by side (no switcher), nothing to do.
export async function showPane(page, pane) {
  const tab = page.locator(`[data-testid=show-${pane}]`);
  if (await tab.isVisible()) {
    await tab.click();
    await page.waitForFunction((p) => document.querySelector("main.regions")?.dataset.pane === p, pane);
  }
}

export async function editorText(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".cm-content .cm-line"))
      .map((l) => l.textContent)
      .join("\n"),
  );
}

/// 1-based numbers of the editor lines that carry an error underline.
export async function errorLines(page) {
  return page.evaluate(() => {
    const lines = Array.from(document.querySelectorAll(".cm-content .cm-line"));
    return lines
      .map((l, i) => (l.querySelector(".cm-lintRange-error") ? i + 1 : 0))
      .filter((n) => n > 0);
  });
}

/// Put the cursor at the end of a 1-based line.
export async function cursorToLineEnd(page, line) {
  const el = page.locator(".cm-content .cm-line").nth(line - 1);
  await el.click();
  await page.keyboard.press("End");
}

/// Replace the whole document by typing (select all, then insert).
export async function replaceText(page, text) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

export async function waitFor(page, fn, arg, timeout = 5000) {
  return page.waitForFunction(fn, arg, { timeout });
}

/// Replace the whole document by pasting (select all, then a paste event with the text), as a
/// learner pastes a big manifest. Typing it would measure Chromium's contenteditable instead.
export async function pasteText(page, text) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+a");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector(".cm-content").dispatchEvent(event);
  }, text);
}

/// Paste `text` and wait until the problems list shows `want`; the engine's time for it (ms).
export async function pasteUntilProblem(page, text, want) {
  await pasteText(page, text);
  await page.waitForFunction(
    (want) => document.querySelector("[data-testid=problems]")?.textContent.includes(want),
    want,
    { timeout: 15000 },
  );
  return Number(await page.getAttribute("section.result", "data-took-ms"));
}

/// Paste `text` and wait until the pod it names is summarised.
export async function pasteUntilPod(page, text, name) {
  await pasteText(page, text);
  await page.waitForFunction((name) => document.querySelector("[data-testid=pod-name]")?.textContent === name, name, { timeout: 5000 });
}

/// Wait until the editor has been still for 150 ms. CodeMirror ignores Enter and clicks on the
/// completion list for 75 ms after it opens or changes (its interactionDelay, against accepting
/// by accident while typing on): a test that accepts a completion waits for twice that first.
export async function settleEditor(page) {
  await page.evaluate(() => {
    window.__changed = performance.now();
    window.__still?.disconnect();
    window.__still = new MutationObserver(() => (window.__changed = performance.now()));
    window.__still.observe(document.querySelector(".cm-editor"), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.waitForFunction(() => performance.now() - window.__changed > 150, null, { timeout: 5000 });
}
