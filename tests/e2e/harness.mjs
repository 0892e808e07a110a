// A minimal browser-test harness over playwright-core and Debian's Chromium: `test(name, fn)`
// registers a test; each test gets a fresh page and fails on any console error, uncaught
// page error (CSP violations included), or request that leaves the page's origin (127.0.0.1).
import { chromium } from "playwright-core";

const tests = [];
export function test(name, fn) {
  tests.push({ name, fn });
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

export class AssertionError extends Error {}
export function assert(cond, message) {
  if (!cond) throw new AssertionError(message);
}
export function assertEq(actual, expected, message) {
  if (actual !== expected) {
    throw new AssertionError(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/// Runs the registered tests against `baseUrl`; returns [passed, failed].
export async function runAll(baseUrl, { filter = "" } = {}) {
  const browser = await launch();
  const origin = new URL(baseUrl).origin;
  let passed = 0;
  let failed = 0;
  for (const t of tests) {
    if (filter && !t.name.includes(filter)) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (!["http:", "https:", "ws:", "wss:"].includes(url.protocol)) return;
      if (url.origin !== origin) problems.push(`request that leaves the origin ${origin}: ${req.url()}`);
    });
    const started = Date.now();
    try {
      await t.fn({ page, context, browser, baseUrl, problems });
      if (problems.length) throw new AssertionError(problems.join("\n"));
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name} (${Date.now() - started} ms)\n     ${String(e && e.stack ? e.stack : e).split("\n").join("\n     ")}`);
    } finally {
      await context.close();
    }
  }
  await browser.close();
  return [passed, failed];
}
