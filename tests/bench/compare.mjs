// Two builds of the site side by side, interleaved (A, B, A, B…, the order swapped every
// round), as DEVELOPERS.md asks of any start-up comparison on this machine: the editor
// bundle's size (raw and gzip), time to interactive (cold loads, each in a fresh context)
// with the main thread's CPU time until then, and keystroke → result updated (200 edits of lesson 5, tests/bench/keystroke.mjs), per
// build. Prints figures; asserts nothing.
// Usage: node tests/bench/compare.mjs DIST_A DIST_B [LOADS=20] [KEYSTROKE_RUNS=4]
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "../e2e/harness.mjs";
import { serve } from "../e2e/server.mjs";
import { markInteractive } from "./interactive.mjs";
import { measureKeystrokes } from "./keystroke.mjs";
import { closePrediction } from "../e2e/app.mjs";

const [dirA, dirB, loads = "20", runs = "4"] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error("usage: node tests/bench/compare.mjs DIST_A DIST_B [LOADS] [KEYSTROKE_RUNS]");
  process.exit(2);
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const builds = [dirA, dirB].map((dir) => ({ dir, name: basename(dir), tti: [], cpu: [], p50: [], p95: [] }));
const browser = await launch();
for (const b of builds) {
  b.site = await serve(b.dir, { gzip: true });
  const editor = readdirSync(b.dir).find((f) => /^editor-.*\.js$/.test(f));
  const data = readFileSync(join(b.dir, editor));
  b.editor = { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

// A cold load: wall time to interactive, and the page's main-thread CPU time by then (read
// as soon as the marker is seen; a busy machine inflates it far less than the wall time).
async function coldLoad(b) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  await markInteractive(page);
  await page.goto(b.site.url + "#/lesson/first-pod");
  await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 20000, polling: 5 });
  const cpu = (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value * 1000;
  const t = await page.evaluate(() => window.__interactive);
  await ctx.close();
  return [t, cpu];
}

async function keystrokes(b) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(b.site.url + "#/lesson/liveness");
  await page.waitForSelector("[data-testid=pod-name]", { timeout: 20000 });
  // A lesson opened untouched may ask a prediction first (a no-op where there is none).
  await closePrediction(page);
  const lat = await measureKeystrokes(page);
  await ctx.close();
  return lat.dom;
}

for (const b of builds) await coldLoad(b); // each server compresses its files once
const order = (i) => (i % 2 ? [...builds].reverse() : builds);
for (let i = 0; i < Number(loads); i++) {
  for (const b of order(i)) {
    const [t, cpu] = await coldLoad(b);
    b.tti.push(t);
    b.cpu.push(cpu);
  }
}
for (let i = 0; i < Number(runs); i++) {
  for (const b of order(i)) {
    const dom = await keystrokes(b);
    b.p50.push(quantile(dom, 0.5));
    b.p95.push(quantile(dom, 0.95));
  }
}
const f = (x) => x.toFixed(1);
for (const b of builds) {
  console.log(
    `${b.name}: editor bundle ${f(b.editor.raw / 1024)} KB raw, ${f(b.editor.gzip / 1024)} KB gzip; ` +
      `time to interactive median ${f(quantile(b.tti, 0.5))} ms (p25 ${f(quantile(b.tti, 0.25))}, p75 ${f(quantile(b.tti, 0.75))}; ${b.tti.length} cold loads), ` +
      `main-thread CPU by then median ${f(quantile(b.cpu, 0.5))} ms (p25 ${f(quantile(b.cpu, 0.25))}, p75 ${f(quantile(b.cpu, 0.75))}); ` +
      `keystroke → result p50 ${b.p50.map(f).join(" / ")} ms, p95 ${b.p95.map(f).join(" / ")} ms (${b.p95.length} runs of 200 edits)`,
  );
  await b.site.close();
}
await browser.close();
