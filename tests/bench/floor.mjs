// The floor beside podlab: first-load bytes (gzip) and time to interactive of the floor app
// (tests/bench/floor: Yew, serde-saphyr, brush-parser and CodeMirror, none of podlab's code)
// and of the built site, loaded interleaved in headless Chromium on loopback. Prints figures.
// Usage: node tests/bench/floor.mjs FLOOR_DIST [SITE_DIST] [LOADS]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launch } from "../e2e/harness.mjs";
import { serve } from "../e2e/server.mjs";
import { markInteractive, PODLAB_READY } from "./interactive.mjs";

const [floorDir, siteDir = "dist", loads = "15"] = process.argv.slice(2);
const N = Number(loads);
const gz = (dir) =>
  readdirSync(dir).reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
const kinds = [
  { name: "floor", dir: floorDir, path: "", ready: ["[data-testid=yaml-editor] .cm-content", "[data-testid=floor-result]"] },
  {
    name: "podlab",
    dir: siteDir,
    path: "#/lesson/first-pod",
    ready: PODLAB_READY,
  },
];
const browser = await launch();
for (const k of kinds) {
  k.site = await serve(k.dir, { gzip: true });
  k.tti = [];
}
async function load(k) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await markInteractive(page, k.ready);
  await page.goto(k.site.url + k.path);
  await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 20000 });
  const t = await page.evaluate(() => window.__interactive);
  await ctx.close();
  return t;
}
for (const k of kinds) await load(k); // each server compresses its files once
for (let i = 0; i < N; i++) for (const k of i % 2 ? [...kinds].reverse() : kinds) k.tti.push(await load(k));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of kinds) {
  console.log(
    `${k.name.padEnd(7)} all files ${(gz(k.dir) / 1024).toFixed(1)} KB gzip; time to interactive median ${median(k.tti).toFixed(0)} ms, min ${Math.min(...k.tti).toFixed(0)} ms (${N} cold loads, interleaved)`,
  );
  await k.site.close();
}
await browser.close();
