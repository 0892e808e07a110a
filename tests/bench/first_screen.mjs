// The first screen on a slow phone, against the floor: issue 22's figures. Loads, interleaved
// in headless Chromium on loopback with the CPU throttled (default 4×, a mid-range phone):
//   - the floor (tests/bench/floor: Yew, serde-saphyr, brush-parser and CodeMirror with none of
//     podlab's code, built by scripts/floor.sh), as it boots;
//   - podlab's static lesson page (`lessons/first-pod/`), where a reader arrives;
//   - podlab's app page (`#/lesson/first-pod`), the old entry.
// For each: first contentful paint and time to interactive (medians), interactive against the
// floor's; and for podlab's lesson page, what is transferred until it is interactive (each
// file as a host would send it: brotli at 11, gzip at 9; the share of each) and, apart, what
// the service worker fetches afterwards for offline use. Prints figures; asserts nothing.
// Usage: node tests/bench/first_screen.mjs FLOOR_DIST [SITE_DIST] [LOADS] [--throttle N] [--json FILE]
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { launch } from "../e2e/harness.mjs";
import { serve } from "../e2e/server.mjs";
import { markInteractive, PODLAB_READY } from "./interactive.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const throttle = Number(option("--throttle", "4"));
const jsonFile = option("--json", null);
const [floorDir, siteDir = "dist", loads = "10"] = args;
if (!floorDir || !existsSync(join(floorDir, "index.html"))) {
  console.error("first_screen: no built floor (scripts/floor.sh builds it)");
  process.exit(1);
}
const N = Number(loads);

const kinds = [
  { name: "floor", dir: floorDir, path: "", ready: ["[data-testid=yaml-editor] .cm-content", "[data-testid=floor-result]"] },
  { name: "lesson page", dir: siteDir, path: "lessons/first-pod/", ready: PODLAB_READY },
  { name: "app page", dir: siteDir, path: "#/lesson/first-pod", ready: PODLAB_READY },
];

const browser = await launch();
const servers = new Map();
for (const k of kinds) {
  if (!servers.has(k.dir)) servers.set(k.dir, await serve(k.dir, { gzip: true }));
  k.site = servers.get(k.dir);
  k.fcp = [];
  k.tti = [];
}

/// One cold load in a fresh context: [FCP, interactive, paths fetched until interactive,
/// paths fetched afterwards until the service worker is ready (when `sw` is set)].
async function load(k, sw = false) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await markInteractive(page, k.ready);
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.__fcp = e.startTime;
    }).observe({ type: "paint", buffered: true });
  });
  const before = [];
  const after = [];
  let interactive = false;
  ctx.on("request", (r) => (interactive ? after : before).push(new URL(r.url()).pathname));
  await page.goto(k.site.url + k.path);
  await page.waitForFunction(() => window.__interactive !== undefined && window.__fcp !== undefined, null, { timeout: 60000 });
  interactive = true;
  const [fcp, tti] = await page.evaluate(() => [window.__fcp, window.__interactive]);
  if (sw) {
    await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true));
    await page.waitForTimeout(1000);
  }
  await ctx.close();
  return { fcp, tti, before, after };
}

// Sizes of a file as a host sends it.
const sizes = new Map();
function sized(dir, path) {
  let rel = path.replace(/^\//, "");
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  const key = join(dir, rel);
  if (!sizes.has(key)) {
    if (!existsSync(key)) return null;
    const data = readFileSync(key);
    sizes.set(key, {
      file: rel,
      raw: data.length,
      gz: gzipSync(data, { level: 9 }).length,
      br: brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(key);
}
const unique = (paths) => [...new Set(paths)];
const total = (files, key) => files.reduce((n, f) => n + f[key], 0);

for (const k of kinds) await load(k); // warm the servers' caches of compressed files
const first = await load(kinds[1], true);
for (let i = 0; i < N; i++) {
  for (const k of i % 2 ? [...kinds].reverse() : kinds) {
    const r = await load(k);
    k.fcp.push(r.fcp);
    k.tti.push(r.tti);
  }
}
await browser.close();
for (const s of servers.values()) await s.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const floorTti = median(kinds[0].tti);
console.log(`first screen, CPU throttled ${throttle}×, ${N} cold loads each, interleaved (medians; min in brackets)`);
const results = { throttle, loads: N, kinds: {} };
for (const k of kinds) {
  const tti = median(k.tti);
  const ratio = tti / floorTti;
  console.log(
    `  ${k.name.padEnd(12)} first contentful paint ${median(k.fcp).toFixed(0)} ms (${Math.min(...k.fcp).toFixed(0)}), ` +
      `interactive ${tti.toFixed(0)} ms (${Math.min(...k.tti).toFixed(0)}), ${ratio.toFixed(2)}× the floor's`,
  );
  results.kinds[k.name] = { fcp_ms: median(k.fcp), fcp_min_ms: Math.min(...k.fcp), tti_ms: tti, tti_min_ms: Math.min(...k.tti), floor_ratio: ratio };
}
const firstFiles = unique(first.before).map((p) => sized(siteDir, p)).filter(Boolean);
const later = unique(first.after).filter((p) => !first.before.includes(p)).map((p) => sized(siteDir, p)).filter(Boolean);
const br = total(firstFiles, "br");
const gz = total(firstFiles, "gz");
console.log(`lesson page, first load until interactive: ${kb(br)} brotli, ${kb(gz)} gzip, ${kb(total(firstFiles, "raw"))} raw, ${firstFiles.length} files`);
for (const f of [...firstFiles].sort((a, b) => b.br - a.br)) {
  console.log(`  ${f.file.padEnd(44)} ${kb(f.br).padStart(10)} br ${kb(f.gz).padStart(10)} gz  ${((100 * f.br) / br).toFixed(1).padStart(5)} %`);
}
console.log(`afterwards, for offline use (service worker): ${kb(total(later, "br"))} brotli, ${kb(total(later, "gz"))} gzip, ${later.length} files`);
results.first_load = { br, gz, files: firstFiles };
results.service_worker = { br: total(later, "br"), gz: total(later, "gz"), files: later };
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 2));
