// The learner's own cluster (issue 20, app part): the Kubernetes version and kubelet settings
// picker (keyboard and 375 px), the back-off changing with ReduceDefaultCrashLoopBackOffDecay
// and maxContainerRestartPeriod, a refused cluster in the kubelet's words, the choice saved
// per document and carried by share links (old links open on the default cluster), and the
// compare view: two runs on one time axis, the first difference marked and told.
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, showPane } from "./app.mjs";

const WIDE = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };

/// Register `fn` twice, at 1280 px and at 375 px with touch.
function both(name, fn) {
  for (const [label, options, phone] of [["1280 px", WIDE, false], ["375 px, touch", PHONE, true]]) {
    test(`${name} (${label})`, async (args) => {
      const ctx = await args.browser.newContext(options);
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
      const page = await ctx.newPage();
      const problems = args.problems;
      page.on("console", (msg) => msg.type() === "error" && problems.push(`console error: ${msg.text()}`));
      page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
      try {
        await fn({ ...args, page, ctx, phone });
      } finally {
        await ctx.close();
      }
    });
  }
}

const payload = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64url");
// tests/examples/crashloop.yaml
const CRASHLOOP = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: crasher\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ['sh', '-c', 'echo starting; exit 1']\n";
const WEB = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n";
// KEP-5307's field: unknown to a 1.33 apiserver, validated from 1.35.
const RULES = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: job\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 2; exit 42']\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes: {operator: In, values: [42]}\n";

/// Open `manifest` from a share link (its own copy of the sandbox), show the run region and
/// open the cluster picker.
async function openRun(page, baseUrl, manifest, extra = {}) {
  await openApp(page, baseUrl + "#/share/" + payload({ v: 2, manifest, ...extra }));
  await showPane(page, "run");
  await page.waitForSelector("[data-testid=cluster-summary]");
  const open = await page.evaluate(() => document.querySelector("[data-testid=cluster]").open);
  if (!open) {
    // From the keyboard: focus the summary, Enter opens it.
    await page.focus("[data-testid=cluster-summary]");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-testid=cluster]").open);
  }
}

/// The RESTARTS column of the last row of `kubectl get pods -w` at the playhead (the end of
/// the run).
async function restarts(page) {
  await page.click("[data-testid=tab-get]");
  const text = await page.textContent("[data-testid=view-output]");
  const row = text.split("\n").filter((l) => l.startsWith("crasher")).pop();
  assert(row, `a crasher row in: ${text}`);
  return row.trim().split(/\s+/)[3];
}

async function waitRestartsNot(page, before) {
  await page.waitForFunction(
    (before) => {
      const text = document.querySelector("[data-testid=view-output]")?.textContent || "";
      const row = text.split("\n").filter((l) => l.startsWith("crasher")).pop();
      return row && row.trim().split(/\s+/)[3] !== before;
    },
    before,
    { timeout: 10000 },
  );
}

both("cluster: the back-off follows ReduceDefaultCrashLoopBackOffDecay and maxContainerRestartPeriod; the choice is saved", async ({ page, phone, baseUrl }) => {
  await openRun(page, baseUrl, CRASHLOOP);
  assertEq(await page.inputValue("[data-testid=cluster-version]"), "1.37", "the newest version by default");
  // Default back-off on 1.37: 10 s doubling to 300 s; at 10 min the container restarted 6 times.
  const base = await restarts(page);
  assertEq(base, "6", "RESTARTS at 10m with the default back-off");
  // The gate (alpha, off by default): 1 s doubling (the 300 s cap stays: KubeletCrashLoopBackOffMax is on).
  const gate = "[data-testid=gate-ReduceDefaultCrashLoopBackOffDecay]";
  assert(!(await page.isChecked(gate)), "alpha gate off by default");
  if (phone) await page.tap(gate);
  else {
    await page.focus(gate);
    await page.keyboard.press("Space");
  }
  await waitRestartsNot(page, base);
  assertEq(await restarts(page), "10", "RESTARTS at 10m with ReduceDefaultCrashLoopBackOffDecay");
  assert((await page.textContent("[data-testid=cluster-summary]")).includes("1.37"), "the summary names the version");
  // Back to the default, then a 20 s maximum: the back-off stops growing at 20 s.
  await page.click(gate);
  await page.waitForFunction(() => {
    const text = document.querySelector("[data-testid=view-output]")?.textContent || "";
    const row = text.split("\n").filter((l) => l.startsWith("crasher")).pop();
    return row && row.trim().split(/\s+/)[3] === "6";
  });
  await page.fill("[data-testid=max-restart]", "20s");
  await page.press("[data-testid=max-restart]", "Enter");
  await waitRestartsNot(page, "6");
  const capped = Number(await restarts(page));
  assert(capped > 6, `a 20 s cap restarts more often than the default: ${capped}`);
  // Saved with the document: a reload keeps it.
  await page.reload();
  await page.waitForSelector("[data-testid=pod-name]", { state: "attached" });
  await showPane(page, "run");
  assertEq(await page.inputValue("[data-testid=max-restart]"), "20s", "the setting after a reload");
  assertEq(await restarts(page), String(capped), "the same run after a reload");
  // No horizontal scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
});

test("cluster: versions list their own gates; locked ones disabled with why; a refused cluster shows the kubelet's words", async ({ page, baseUrl }) => {
  await openRun(page, baseUrl, CRASHLOOP);
  const sidecars = "[data-testid=gate-SidecarContainers]";
  assert(await page.isDisabled(sidecars), "SidecarContainers is locked on 1.37");
  const row = await page.textContent("[data-gate=SidecarContainers]");
  assert(row.includes("locked"), `the reason: ${row}`);
  assert(await page.$("[data-testid=gate-ContainerRestartRules]"), "1.37 knows ContainerRestartRules");
  await page.selectOption("[data-testid=cluster-version]", "1.31");
  await page.waitForFunction(() => !document.querySelector("[data-testid=gate-ContainerRestartRules]"));
  assert(!(await page.isDisabled(sidecars)), "SidecarContainers can be set on 1.31 (beta)");
  assert(!(await page.$("[data-testid=gate-ReduceDefaultCrashLoopBackOffDecay]")), "1.31 has no ReduceDefaultCrashLoopBackOffDecay");
  // 1.34: the maximum needs KubeletCrashLoopBackOffMax, off by default there: the kubelet refuses to start.
  await page.selectOption("[data-testid=cluster-version]", "1.34");
  await page.fill("[data-testid=max-restart]", "30s");
  await page.press("[data-testid=max-restart]", "Enter");
  await page.waitForSelector("[data-testid=sim-error]");
  const err = await page.textContent("[data-testid=sim-error]");
  assert(
    err.includes("invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set"),
    `the kubelet's message: ${err}`,
  );
  // Turning the gate on starts the cluster again.
  await page.click("[data-testid=gate-KubeletCrashLoopBackOffMax]");
  await page.waitForSelector("[data-testid=run]");
  assert(!(await page.$("[data-testid=sim-error]")), "no refusal once the gate is on");
  // A duration the kubelet cannot read is said under the field, nothing else changes.
  await page.fill("[data-testid=max-restart]", "soon");
  await page.press("[data-testid=max-restart]", "Enter");
  await page.waitForSelector("[data-testid=max-restart-error]");
  // Default cluster again.
  await page.click("[data-testid=cluster-reset]");
  await page.waitForFunction(() => document.querySelector("[data-testid=cluster-version]").value === "1.37");
});

both("compare: a crash-looping Pod on 1.37 against 1.34 and 1.36, and with ReduceDefaultCrashLoopBackOffDecay against without, on one time axis", async ({ page, phone, baseUrl }) => {
  await openRun(page, baseUrl, CRASHLOOP);
  // 1.34 words the Created event the old way: that is the first thing a learner sees differ.
  await page.selectOption("[data-testid=compare-with]", "1.34");
  await page.waitForSelector("[data-testid=compare-sentence]");
  let sentence = await page.textContent("[data-testid=compare-sentence]");
  assertEq(sentence, 'First difference at 3s: event Created "Container created" ↔ Created "Created container: app".', "1.37 ↔ 1.34");
  // 1.36 runs this Pod exactly as 1.37 does.
  await page.selectOption("[data-testid=compare-with]", "1.36");
  await page.waitForFunction(() => document.querySelector("[data-testid=compare-sentence]").textContent.startsWith("No difference"));
  assertEq(await page.textContent("[data-testid=compare-sentence]"), "No difference in the first 10m00s.", "1.37 ↔ 1.36");
  assertEq((await page.$$("[data-testid=diff-mark]")).length, 0, "nothing marked");
  // The gate on this side, 1.37's defaults on the other: the back-off differs.
  await page.selectOption("[data-testid=compare-with]", "1.37");
  await page.click("[data-testid=gate-ReduceDefaultCrashLoopBackOffDecay]");
  await page.waitForFunction(() => document.querySelector("[data-testid=compare-sentence]").textContent.startsWith("First difference"));
  sentence = await page.textContent("[data-testid=compare-sentence]");
  assert(sentence.includes("status fields"), `names the status fields: ${sentence}`);
  const marks = await page.$$eval("[data-testid=diff-mark]", (ms) =>
    ms.map((m) => ({ at: m.dataset.at, x: m.querySelector("line").getBoundingClientRect().x })),
  );
  assertEq(marks.length, 2, "one mark on each run");
  assertEq(marks[0].at, marks[1].at, "the same instant");
  assert(Math.abs(marks[0].x - marks[1].x) < 1, `at the same x: ${marks[0].x} vs ${marks[1].x}`);
  const at = sentence.replace("First difference at ", "").split(":")[0];
  assert(/^(\d+m)?\d+s$/.test(at), `a time: ${at}`);
  // One window for both: zooming (from the keyboard) zooms both, around the difference.
  const before = await page.textContent("[data-testid=compare-window]");
  await page.focus("[data-testid=compare-zoom-in]");
  await page.keyboard.press("Enter");
  await page.waitForFunction((b) => document.querySelector("[data-testid=compare-window]").textContent !== b, before);
  const marks2 = await page.$$eval("[data-testid=diff-mark] line", (ls) => ls.map((l) => l.getBoundingClientRect().x));
  assertEq(marks2.length, 2, "both marks still in view after zooming around the difference");
  assert(Math.abs(marks2[0] - marks2[1]) < 1, "still on one axis");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
  // Stop comparing.
  await page.selectOption("[data-testid=compare-with]", "");
  await page.waitForFunction(() => !document.querySelector("[data-testid=compare]"));
});

test("compare: the Created event's wording, 1.31 against 1.37", async ({ page, baseUrl }) => {
  await openRun(page, baseUrl, WEB);
  await page.selectOption("[data-testid=compare-with]", "1.31");
  await page.waitForSelector("[data-testid=compare-sentence]");
  const sentence = await page.textContent("[data-testid=compare-sentence]");
  assert(sentence.includes("event Created"), `names the event: ${sentence}`);
  assertEq((await page.$$("[data-testid=diff-mark]")).length, 2, "marked on both");
  assert(!(await page.$("[data-testid=compare-validation]")), "both apiservers accept it alike");
});

test("compare: a field one version does not know is shown as a validation difference", async ({ page, baseUrl }) => {
  await openRun(page, baseUrl, RULES);
  await page.selectOption("[data-testid=compare-with]", "1.33");
  await page.waitForSelector("[data-testid=compare-validation]");
  const right = await page.textContent("[data-testid=compare-right-diagnostics]");
  assert(right.includes("restartPolicyRules"), `1.33's answer names the field: ${right}`);
});

test("cluster: a share link reopens with the version and gates; old links and unknown versions open on the default cluster", async ({ browser, context, page, baseUrl }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openRun(page, baseUrl, CRASHLOOP);
  await page.selectOption("[data-testid=cluster-version]", "1.34");
  await page.waitForFunction(() => document.querySelector("[data-testid=cluster-summary]").textContent.includes("1.34"));
  await page.click("[data-testid=gate-ReduceDefaultCrashLoopBackOffDecay]");
  await page.waitForFunction(() => document.querySelector("[data-testid=gate-ReduceDefaultCrashLoopBackOffDecay]").checked);
  const mine = await restarts(page);
  await page.click("[data-testid=share]");
  await page.waitForSelector("[data-testid=notice]");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const other = await browser.newContext(WIDE);
  const page2 = await other.newPage();
  await page2.goto(link);
  await page2.waitForSelector("[data-testid=cluster-version]", { state: "attached" });
  await page2.waitForFunction(() => document.querySelector("[data-testid=cluster-version]").value === "1.34");
  assert(await page2.isChecked("[data-testid=gate-ReduceDefaultCrashLoopBackOffDecay]"), "the gate came with the link");
  assertEq(await restarts(page2), mine, "the same run");
  await other.close();
  // A version-1 link (before clusters existed): the default cluster.
  const old = await browser.newContext(WIDE);
  const page3 = await old.newPage();
  await page3.goto(baseUrl + "#/share/" + payload({ v: 1, manifest: CRASHLOOP, events: [] }));
  await page3.waitForSelector("[data-testid=cluster-version]", { state: "attached" });
  assertEq(await page3.inputValue("[data-testid=cluster-version]"), "1.37", "an old link: the newest version");
  assertEq(await restarts(page3), "6", "with the default back-off");
  await old.close();
  // A link from a podlab that knows a later version: opens, on the default cluster.
  const later = await browser.newContext(WIDE);
  const page4 = await later.newPage();
  await page4.goto(baseUrl + "#/share/" + payload({ v: 2, manifest: CRASHLOOP, kubernetes: "1.99" }));
  await page4.waitForSelector("[data-testid=cluster-version]", { state: "attached" });
  assertEq(await page4.inputValue("[data-testid=cluster-version]"), "1.37", "an unknown version: the newest");
  assertEq(await restarts(page4), "6", "with the default back-off");
  await later.close();
});
