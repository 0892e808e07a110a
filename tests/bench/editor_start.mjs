// The editor bundle's own start-up cost, without the rest of the page: in a fresh blank page,
// the time to evaluate the bundle (parse, compile, run its top level), then to create an
// editor holding lesson 5's manifest and lay it out. Two or more bundles, interleaved
// (A, B, A, B…, the order swapped every round); medians and quartiles. Prints figures.
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
  evaluate: [],
  create: [],
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
  const t = await page.evaluate(
    async ([code, doc]) => {
      const t0 = performance.now();
      const s = document.createElement("script");
      s.textContent = code;
      document.head.append(s);
      const t1 = performance.now();
      const editor = window.PodlabEditor.create(document.getElementById("host"), { doc, key: "bench" });
      editor.dom.getBoundingClientRect();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return [t1 - t0, performance.now() - t1];
    },
    [b.code, manifest],
  );
  await ctx.close();
  return t;
}
for (const b of bundles) await once(b);
for (let i = 0; i < runs; i++) {
  for (const b of i % 2 ? [...bundles].reverse() : bundles) {
    const [e, c] = await once(b);
    b.evaluate.push(e);
    b.create.push(c);
  }
}
await browser.close();
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
for (const b of bundles) {
  console.log(
    `${b.name}: evaluate median ${q(b.evaluate, 0.5)} ms (p25 ${q(b.evaluate, 0.25)}, p75 ${q(b.evaluate, 0.75)}); ` +
      `create + first frame median ${q(b.create, 0.5)} ms (p25 ${q(b.create, 0.25)}, p75 ${q(b.create, 0.75)}); ${runs} runs`,
  );
}
