// Prints the size of every file of the built site, raw, gzipped and brotli-compressed, and
// the totals.
// Usage: node scripts/sizes.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants as zlibConstants } from "node:zlib";

const dir = process.argv[2] || "dist";
const files = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(dir);

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const br = (data) =>
  brotliCompressSync(data, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }).length;
let raw = 0;
let gz = 0;
let brotli = 0;
console.log(`${"file".padEnd(48)}${"raw".padStart(11)}${"gzip".padStart(11)}${"brotli".padStart(11)}`);
// Summed on one line each and apart from the total: the static pages (lessons/, ko/lessons/:
// one per lesson and language; a visit loads one), and the lessons' texts (lesson-text/: a
// visit loads its lesson's, the rest follow when idle and for the service worker's cache).
const groups = [
  { re: /^(ko\/)?lessons\//, name: "static pages (lessons/, ko/lessons/)", count: 0, raw: 0, gz: 0, br: 0 },
  { re: /^lesson-text\//, name: "lesson texts (lesson-text/)", count: 0, raw: 0, gz: 0, br: 0 },
];
for (const f of files.sort()) {
  // The pre-compressed copies (.br, .gz beside each hashed file) are not more to ship.
  if (/\.(br|gz)$/.test(f)) continue;
  const data = readFileSync(f);
  const z = gzipSync(data, { level: 9 }).length;
  const b = br(data);
  const rel = relative(dir, f).split("\\").join("/");
  const group = groups.find((g) => g.re.test(rel));
  if (group) {
    group.count++;
    group.raw += data.length;
    group.gz += z;
    group.br += b;
    continue;
  }
  raw += data.length;
  gz += z;
  brotli += b;
  console.log(`${rel.padEnd(48)}${kb(data.length)}${kb(z)}${kb(b)}`);
}
console.log(`${"total".padEnd(48)}${kb(raw)}${kb(gz)}${kb(brotli)}`);
for (const g of groups.filter((g) => g.count)) {
  const each = `${g.count} ${g.name}`;
  console.log(`${each.padEnd(48)}${kb(g.raw)}${kb(g.gz)}${kb(g.br)}   (≈${kb(g.gz / g.count).trim()} gzip each)`);
}
