// Prints the size of every file of the built site, raw and gzipped, and the totals.
// Usage: node scripts/sizes.mjs dist
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

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
let raw = 0;
let gz = 0;
console.log(`${"file".padEnd(48)}${"raw".padStart(11)}${"gzip".padStart(11)}`);
// The static pages (lessons/, ko/lessons/: one per lesson and language) are summed on one
// line and apart from the total: a visit loads one of them.
const pages = { count: 0, raw: 0, gz: 0 };
for (const f of files.sort()) {
  // The pre-compressed copies (.br, .gz beside each hashed file) are not more to ship.
  if (/\.(br|gz)$/.test(f)) continue;
  const data = readFileSync(f);
  const z = gzipSync(data, { level: 9 }).length;
  if (/^(ko\/)?lessons\//.test(relative(dir, f).split("\\").join("/"))) {
    pages.count++;
    pages.raw += data.length;
    pages.gz += z;
    continue;
  }
  raw += data.length;
  gz += z;
  console.log(`${relative(dir, f).padEnd(48)}${kb(data.length)}${kb(z)}`);
}
console.log(`${"total".padEnd(48)}${kb(raw)}${kb(gz)}`);
if (pages.count) {
  const each = `${pages.count} static pages (lessons/, ko/lessons/)`;
  console.log(`${each.padEnd(48)}${kb(pages.raw)}${kb(pages.gz)}   (≈${kb(pages.gz / pages.count).trim()} gzip each)`);
}
