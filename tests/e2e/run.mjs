// Runs podlab's browser tests: serves the built site (default ./dist) on 127.0.0.1 and runs
// every tests/e2e/*.test.mjs file in headless Chromium. Ends with "e2e: N passed, N failed".
// Usage: node tests/e2e/run.mjs [DIST] [BASE]; BASE (default "/") is the path the site is
// served under, as built with `trunk build --public-url BASE`.
// E2E_FILTER=text runs only the tests whose name contains the text.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve } from "./server.mjs";
import { runAll } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dist = process.argv[2] || "dist";
const base = process.argv[3] || "/";
process.env.E2E_DIST = dist;
for (const f of readdirSync(here).filter((f) => f.endsWith(".test.mjs")).sort()) {
  await import(pathToFileURL(join(here, f)).href);
}
const site = await serve(dist, { base });
let passed = 0;
let failed = 1;
try {
  [passed, failed] = await runAll(site.url, { filter: process.env.E2E_FILTER || "" });
} finally {
  await site.close();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
