// The walking skeleton's promise: the seed manifest loads, typing a YAML syntax error puts an
// inline diagnostic on the right line, fixing it clears it, and the result region shows the
// parsed Pod. (The harness also fails on console errors and requests to other hosts.)
import { test, assert, assertEq } from "./harness.mjs";
import { openApp, editorText, errorLines, cursorToLineEnd, pasteText } from "./app.mjs";

test("seed manifest loads and its Pod is summarised", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  const text = await editorText(page);
  assert(text.startsWith("apiVersion: v1\nkind: Pod"), `editor starts with the seed, got ${text.slice(0, 40)}`);
  assertEq(await page.textContent("[data-testid=pod-name]"), "kubenetes-simple-pod", "pod name");
  const row = await page.textContent("[data-testid=container-row]");
  assert(row.includes("arisu1000/simple-container-app:latest"), `image shown: ${row}`);
  assert(row.includes("8080/TCP"), `port shown: ${row}`);
  assertEq((await errorLines(page)).length, 0, "no diagnostics on the seed");
});

test("a YAML syntax error is underlined on its line and goes away when fixed", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  // "labels:" (line 5) becomes "labels: x": the indented "app: …" below is now invalid YAML.
  await cursorToLineEnd(page, 5);
  await page.keyboard.type(" x");
  await page.waitForSelector(".cm-lintRange-error", { timeout: 5000 });
  assertEq(JSON.stringify(await errorLines(page)), JSON.stringify([6]), "error underlined on line 6");
  const problems = await page.textContent("[data-testid=problems]");
  assert(/6:\d+/.test(problems), `the result region names line 6: ${problems}`);
  assert(/mapping values are not allowed/.test(problems), `parser message shown: ${problems}`);
  assert(/line this key up with the keys above it/.test(problems), `with a hint: ${problems}`);
  // Hovering the underline shows the message beside it, wrapped, inside the window.
  await page.hover(".cm-lintRange-error");
  const tip = await page.waitForSelector(".cm-tooltip-lint", { timeout: 5000 });
  const box = await tip.boundingBox();
  const vw = page.viewportSize().width;
  assert(box.width <= 32 * 16 + 1 && box.x >= 0 && box.x + box.width <= vw, `the tooltip fits: ${JSON.stringify(box)} in ${vw} px`);
  assert((await tip.textContent()).includes("mapping values are not allowed"), "the tooltip's message");

  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.waitForSelector(".cm-lintRange-error", { state: "detached", timeout: 5000 });
  assertEq((await errorLines(page)).length, 0, "diagnostic gone after the fix");
  await page.waitForSelector("[data-testid=problems]", { state: "detached", timeout: 5000 });
  assertEq(await page.textContent("[data-testid=pod-name]"), "kubenetes-simple-pod", "pod back");
});

test("a no-break space pasted where a space belongs is shown in the editor and named in the hint", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/sandbox");
  await pasteText(page, "apiVersion: v1\nkind: Pod\nmetadata:\n\u00a0\u00a0name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n");
  await page.waitForSelector("[data-testid=problems]", { timeout: 5000 });
  const problems = await page.textContent("[data-testid=problems]");
  assert(problems.includes("unknown field") && problems.includes("no-break space (U+00A0)"), problems);
  assertEq(await page.locator(".cm-line >> nth=3").locator(".cm-specialChar").count(), 2, "both no-break spaces are marked");
});

test("an API validation error lands on the offending field", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl);
  // Rename the container to something the apiserver rejects (line 9).
  await cursorToLineEnd(page, 9);
  await page.keyboard.type("_X");
  await page.waitForSelector(".cm-lintRange-error", { timeout: 5000 });
  assertEq(JSON.stringify(await errorLines(page)), JSON.stringify([9]), "error on line 9");
  const problems = await page.textContent("[data-testid=problems]");
  assert(
    problems.includes('spec.containers[0].name: Invalid value: "kubenetes-simple-pod_X"'),
    `apiserver wording: ${problems}`,
  );
  assert(problems.includes("for example kubenetes-simple-pod-x"), `a valid name suggested: ${problems}`);
  assertEq(await page.textContent("[data-testid=problems] .hint code"), "kubenetes-simple-pod-x", "the name shown as code");
  // In Korean the apiserver's words stay; the hint is Korean.
  await page.click("[data-testid=lang-switch]");
  await page.waitForFunction(() => document.querySelector("[data-testid=problems]")?.textContent.includes("예: kubenetes-simple-pod-x"), null, { timeout: 5000 });
  assert((await page.textContent("[data-testid=problems]")).includes("Invalid value"), "the apiserver's words in Korean mode");
});

test("leaving the editor while a completion, hover or edit is pending raises no error", async ({ page, baseUrl }) => {
  await openApp(page, baseUrl + "#/lesson/first-pod");
  for (let i = 0; i < 6; i++) {
    // Typing at a line start asks for completions after a short delay; a hover asks for docs.
    await cursorToLineEnd(page, 6);
    await page.keyboard.press("Enter");
    await page.keyboard.type("ti");
    await page.hover(".cm-content .cm-line >> nth=3");
    // Leave at once (the editor and its Rust callbacks go), come back, and let timers fire.
    await page.evaluate(() => (location.hash = "#/lessons"));
    await page.waitForSelector("[data-testid=lesson-list]");
    await page.waitForTimeout(400);
    await page.evaluate(() => (location.hash = "#/lesson/first-pod"));
    await page.waitForSelector(".cm-content");
  }
  // The harness fails the test on any page error ("closure invoked … after being dropped").
  await cursorToLineEnd(page, 2);
  await page.keyboard.type(" # still here");
  assert((await editorText(page)).includes("# still here"), "the editor still takes input");
});
