// The editor bundle's own start-up cost, without the rest of the page: in a fresh blank page,
// evaluating the bundle (parse, compile, run its top level), then creating an editor that
// holds lesson 5's manifest and laying it out. Two or more bundles, interleaved (A, B, A, B…,
// the order swapped every round). Reports the renderer main thread's CPU time for each step
// (Chrome's ThreadTime metric, which other processes on a busy machine inflate far less than
// wall time) and the wall time; medians and quartiles. Prints figures; asserts nothing.
// Usage: node tests/bench/editor_start.mjs BUNDLE_A.js BUNDLE_B.js [...] [--runs N]
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { launch } from "../e2e/harness.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--runs");
const runs = at >= 0 ? Number(args.splice(at, 2)[1]) : 30;
const bundles = args.map((file) => ({
  name: `${basename(dirname(file))}/${basename(file)}`,
  code: readFileSync(file, "utf8"),
  cpu: { evaluate: [], create: [] },
  wall: { evaluate: [], create: [] },
}));
const manifest = readFileSync(new URL("../../lessons/05-liveness.yaml", import.meta.url), "utf8")
  .split("\nmanifest: |\n")[1]
  .split("\nuntil:")[0]
  .replace(/^ {2}/gm, "");
const browser = await launch();

async function once(b) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.setContent("<!doctype html><div id=host></div>");
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  const cpu = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime").value * 1000;
  const c0 = await cpu();
  const evaluate = await page.evaluate((code) => {
    const t0 = performance.now();
    const s = document.createElement("script");
    s.textContent = code;
    document.head.append(s);
    return performance.now() - t0;
  }, b.code);
  const c1 = await cpu();
  const create = await page.evaluate(async (doc) => {
    const t0 = performance.now();
    const editor = window.PodlabEditor.create(document.getElementById("host"), { doc, key: "bench" });
    editor.dom.getBoundingClientRect();
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return t1 - t0;
  }, manifest);
  const c2 = await cpu();
  await ctx.close();
  return { cpu: { evaluate: c1 - c0, create: c2 - c1 }, wall: { evaluate, create } };
}

for (const b of bundles) await once(b);
for (let i = 0; i < runs; i++) {
  for (const b of i % 2 ? [...bundles].reverse() : bundles) {
    const r = await once(b);
    for (const k of ["cpu", "wall"]) for (const step of ["evaluate", "create"]) b[k][step].push(r[k][step]);
  }
}
await browser.close();
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
const fmt = (xs) => `${q(xs, 0.5)} ms (p25 ${q(xs, 0.25)}, p75 ${q(xs, 0.75)})`;
for (const b of bundles) {
  console.log(
    `${b.name} (${runs} runs): evaluate: CPU ${fmt(b.cpu.evaluate)}, wall ${fmt(b.wall.evaluate)}; ` +
      `create with lesson 5 + first frame: CPU ${fmt(b.cpu.create)}; create alone, wall ${fmt(b.wall.create)}`,
  );
}
