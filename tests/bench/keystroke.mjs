// Keystroke → redraw, as tests/bench/browser.mjs and compare.mjs measure it: on a page whose
// lesson is loaded, 200 edits of the pod's name (a letter appended, then taken away), each
// timed from its key event to the result region's update (`dom`) and to the next painted
// frame (`frame`), in ms.
export async function measureKeystrokes(page, edits = 200) {
  await page.evaluate(() => {
    window.__lat = { dom: [], frame: [] };
    document.addEventListener("keydown", () => (window.__t0 = performance.now()), true);
    new MutationObserver(() => {
      if (window.__t0 === undefined) return;
      const t0 = window.__t0;
      window.__t0 = undefined;
      window.__lat.dom.push(performance.now() - t0);
      requestAnimationFrame(() => setTimeout(() => window.__lat.frame.push(performance.now() - t0), 0));
    }).observe(document.querySelector("section.result"), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const line = page.locator(".cm-content .cm-line", { hasText: "name:" }).first();
  await line.click();
  await page.keyboard.press("End");
  for (let i = 0; i < edits; i++) {
    await page.keyboard.press(i % 2 === 0 ? "x" : "Backspace");
    await page.waitForFunction((n) => window.__lat.frame.length >= n, i + 1, { timeout: 5000 });
  }
  return page.evaluate(() => window.__lat);
}
