// Keystroke → redraw, for comparing builds: the same measurement as tests/bench/browser.mjs
// (200 edits of lesson "liveness"'s pod name, from the key event to the result region's update
// and to the next painted frame), run on each build in turn, round after round (A, B, A, B…),
// so that the machine's load falls on every build alike. Prints p50/p95/max per build over all
// its rounds, and each round's p95. Asserts nothing.
// Usage: node tests/bench/keystroke.mjs DIST [DIST…] [--rounds N] [--edits N]
import { launch } from "../e2e/harness.mjs";
import { serve } from "../e2e/server.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt;
};
const rounds = opt("--rounds", 4);
const edits = opt("--edits", 200);
const dists = args.length ? args : ["dist"];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const f = (x) => x.toFixed(2);

async function measure(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(url + "#/lesson/liveness");
  await page.waitForSelector("[data-testid=pod-name]", { timeout: 20000 });
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
  const lat = await page.evaluate(() => window.__lat);
  await ctx.close();
  return lat;
}

const sites = [];
for (const d of dists) sites.push(await serve(d, { gzip: true }));
const browser = await launch();
const all = dists.map(() => ({ dom: [], frame: [], p95s: [] }));
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < dists.length; i++) {
    const lat = await measure(browser, sites[i].url);
    all[i].dom.push(...lat.dom);
    all[i].frame.push(...lat.frame);
    all[i].p95s.push(quantile(lat.dom, 0.95));
  }
}
await browser.close();
for (const s of sites) await s.close();
console.log(`keystroke → result updated, lesson "liveness", ${edits} edits × ${rounds} rounds, interleaved:`);
dists.forEach((d, i) => {
  const a = all[i];
  console.log(
    `  ${d}: p50 ${f(quantile(a.dom, 0.5))} ms, p95 ${f(quantile(a.dom, 0.95))} ms, max ${f(Math.max(...a.dom))} ms;` +
      ` next frame p95 ${f(quantile(a.frame, 0.95))} ms; per-round p95 ${a.p95s.map(f).join(", ")}`,
  );
});
