// Takes the README's screenshots from the built site in headless Chromium:
// node scripts/screenshots.mjs [dist] [out-dir]   (SHOT=name takes only that one)
import { launch } from "../tests/e2e/harness.mjs";
import { serve } from "../tests/e2e/server.mjs";
import { mkdirSync } from "node:fs";

const dist = process.argv[2] || "dist";
const out = process.argv[3] || "docs/screenshots";
mkdirSync(out, { recursive: true });
const site = await serve(dist);
const browser = await launch();

async function shot(name, hash, { width = 1440, height = 960, scheme = "light", lang, setup } = {}) {
  if (process.env.SHOT && process.env.SHOT !== name) return;
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale: lang === "ko" ? "ko-KR" : "en-US" });
  const page = await context.newPage();
  await page.goto(site.url + hash);
  await page.waitForSelector("main", { timeout: 20000 });
  if (setup) await setup(page);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
  await context.close();
  console.log(`${out}/${name}.png`);
}

await shot("lesson", "#/lesson/first-pod");
await shot("lessons", "#/lessons");
await shot("sandbox-describe", "#/sandbox", {
  scheme: "dark",
  setup: async (p) => {
    await p.click("[data-testid=tab-describe]");
  },
});
await shot("lesson-liveness", "#/lesson/liveness", {
  setup: async (p) => {
    await p.click("[data-testid=solution]");
    await p.waitForTimeout(300);
    await p.click("[data-testid=tab-events]");
  },
});
await shot("why", "#/lesson/liveness", {
  width: 1280,
  height: 800,
  setup: async (p) => {
    await p.click("[data-testid=solution]");
    await p.waitForSelector("[data-testid=timeline-svg] .restart line", { state: "attached" });
    await p.click("[data-testid=notice] button[aria-label]").catch(() => {});
    // "Why?" on the first restart, the step with the three failures in focus.
    await p.locator('[data-testid=why-mark][aria-label*="restartCount 1"]').first().click();
    await p.waitForSelector("[data-testid=why-step]");
    // The step in focus (its fields marked in the editor, its ticks on the timeline), the
    // timeline and the panel's top in view.
    await p.evaluate(() => {
      const step = [...document.querySelectorAll("[data-testid=why-step]")].find((e) => e.textContent.includes("3 times in a row"));
      step?.focus({ preventScroll: true });
      const region = document.querySelector(".region.result");
      const tl = document.querySelector("[data-testid=timeline]");
      if (region && tl) region.scrollTop = tl.offsetTop - region.offsetTop - 8;
    });
  },
});
await shot("lesson-ko", "#/lesson/init-containers", { lang: "ko" });
await shot("mobile", "#/lesson/first-pod", { width: 375, height: 812 });
// tests/examples/crashloop.yaml with ReduceDefaultCrashLoopBackOffDecay, compared with 1.37's defaults.
const crashloop = {
  v: 2,
  manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: crasher\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ['sh', '-c', 'echo starting; exit 1']\n",
  featureGates: { ReduceDefaultCrashLoopBackOffDecay: true },
};
await shot("compare-versions", "#/share/" + Buffer.from(JSON.stringify(crashloop)).toString("base64url"), {
  setup: async (p) => {
    await p.click("[data-testid=cluster-summary]");
    await p.selectOption("[data-testid=compare-with]", "1.37");
    await p.waitForSelector("[data-testid=compare-sentence]");
    await p.click("[data-testid=cluster-summary]");
    await p.click("[data-testid=notice] button[aria-label]").catch(() => {});
  },
});
await browser.close();
await site.close();
