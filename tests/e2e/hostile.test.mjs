// Hostile inputs in the browser: each is answered within 100 ms of engine time with a clear
// message, the page never freezes, and the app recovers as soon as the text is fixed.
import { test, assert } from "./harness.mjs";
import { openApp, pasteText } from "./app.mjs";

const POD = (spec) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: hostile\nspec:\n${spec}`;
const SEED = POD("  containers:\n  - name: web\n    image: nginx:1.27\n");

const bomb = [
  "a: &a [x,x,x,x,x,x,x,x,x,x]",
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]",
].join("\n");

const CASES = [
  ["a YAML alias bomb", bomb, "the YAML expands too much"],
  ["a 1 MB file", POD("  containers:\n" + "  - {name: a, image: nginx}\n".repeat(38000)), "podlab reads manifests up to 256 KB"],
  ["10 000 containers", POD(`  containers: [${Array.from({ length: 10000 }, (_, i) => `{name: c${i}, image: x}`).join(",")}]\n`), "more than 6000 nodes"],
  ["1 000 containers", POD(`  containers:\n${Array.from({ length: 1000 }, (_, i) => `  - {name: c${i}, image: nginx}\n`).join("")}`), "podlab reads pods of up to 256 containers"],
  ["deep nesting", "a: " + "[".repeat(3000) + "]".repeat(3000) + "\n", "nests deeper than 48 levels"],
  ["wrong types everywhere", "apiVersion: 1\nkind: [Pod]\nmetadata: 7\nspec: true\n", "cannot unmarshal array into Go struct field TypeMeta.kind"],
  ["wrong types in the spec", POD("  containers: 5\n  restartPolicy: [1, 2]\n"), "cannot unmarshal number into Go struct field PodSpec.spec.containers"],
  ["control characters pasted", POD("  containers:\n  - name: web\u0007\n    image: ngi\u0000nx\n"), "unexpected character"],
  ["replacement characters from non-UTF-8 bytes", POD("  containers:\n  - name: w\uFFFDb\n    image: nginx\n"), "spec.containers[0].name: Invalid value"],
  ["huge durations", POD("  activeDeadlineSeconds: 9223372036854775807\n  terminationGracePeriodSeconds: 99999999999999\n  containers:\n  - name: web\n    image: nginx\n    livenessProbe:\n      exec: {command: [\"true\"]}\n      initialDelaySeconds: 99999999999\n"), "cannot unmarshal number 99999999999 into Go struct field Probe.spec.containers.livenessProbe.initialDelaySeconds of type int32"],
];

for (const [name, text, want] of CASES) {
  test(`hostile: ${name} gets a clear message fast and the app recovers`, async ({ page, baseUrl }) => {
    await openApp(page, baseUrl + "#/sandbox");
    await pasteText(page, text);
    await page.waitForFunction(
      (want) => document.querySelector("[data-testid=problems]")?.textContent.includes(want),
      want,
      { timeout: 15000 },
    );
    const took = Number(await page.getAttribute("section.result", "data-took-ms"));
    assert(took <= 100, `${name}: the engine took ${took} ms (budget 100 ms)`);
    // Still responsive: a fix is picked up at once.
    await pasteText(page, SEED);
    await page.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "hostile", null, { timeout: 5000 });
    assert(!(await page.$("[data-testid=problems]")), "problems cleared");
  });
}

test("hostile: periods of 0 are defaulted (not an error) and the run stays bounded", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await pasteText(page, POD("  containers:\n  - name: web\n    image: nginx\n    livenessProbe:\n      exec: {command: [\"true\"]}\n      periodSeconds: 0\n      timeoutSeconds: 0\n"));
  await page.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "hostile", null, { timeout: 5000 });
  await page.check("[data-testid=show-defaulted]");
  const d = await page.textContent("[data-testid=defaulted]");
  assert(d.includes("periodSeconds: 10") && d.includes("timeoutSeconds: 1"), d);
  const took = Number(await page.getAttribute("section.result", "data-took-ms"));
  assert(took <= 100, `took ${took} ms`);
});

test("hostile: markup in annotations and logs is shown as text, never as HTML", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await pasteText(
    page,
    `apiVersion: v1
kind: Pod
metadata:
  name: xss
  annotations:
    note: "<img src=x onerror=window.__pwned=1>"
spec:
  containers:
  - name: web
    image: busybox:1.36
    command: ["sh", "-c", "echo '<img src=y onerror=window.__pwned=2>'; sleep 3600"]
`,
  );
  await page.waitForFunction(() => document.querySelector("[data-testid=pod-name]")?.textContent === "xss", null, { timeout: 5000 });
  await page.click("[data-testid=tab-describe]");
  assert((await page.textContent("[data-testid=view-output]")).includes("note: <img src=x"), "shown as text");
  await page.click("[data-testid=tab-logs]");
  assert((await page.textContent("[data-testid=view-output]")).includes("<img src=y"), "logs shown as text");
  await page.check("[data-testid=show-defaulted]");
  const imgs = await page.$$eval("img", (els) => els.filter((e) => ["x", "y"].includes(e.getAttribute("src"))).length);
  assert(imgs === 0, "no element was made from the text");
  assert((await page.evaluate(() => window.__pwned)) === undefined, "nothing ran");
});
