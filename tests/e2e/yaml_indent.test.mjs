// The editor's YAML indentation rules (js/yaml_indent.js) on their own, in node: where Enter
// puts the next line, when it ends a list, and which unit and list style a document uses.
// (The keyboard tests in editor_yaml.test.mjs drive the same rules through the editor.)
import { test, assertEq } from "./harness.mjs";
import { enterAction, backspaceColumn, detectIndentUnit, detectListIndented, lineShape } from "../../js/yaml_indent.js";

// A document with "@" marking the cursor; returns what Enter does there.
function enter(doc, unit = 2) {
  const lines = doc.split("\n");
  const n = lines.findIndex((l) => l.includes("@")) + 1;
  const col = lines[n - 1].indexOf("@");
  lines[n - 1] = lines[n - 1].replace("@", "");
  return JSON.stringify(enterAction((i) => lines[i - 1], n, col, unit));
}
const lines = (doc) => {
  const ls = doc.split("\n");
  return [(i) => ls[i - 1], ls.length];
};

test("indent rules: Enter after `key:` goes one level deeper, in the document's unit", async () => {
  assertEq(enter("spec:@"), '{"indent":2}', "after spec:");
  assertEq(enter("    livenessProbe:@"), '{"indent":6}', "after livenessProbe:");
  assertEq(enter("    livenessProbe:   # the probe@"), '{"indent":6}', "a comment after the key");
  assertEq(enter("    livenessProbe:@", 4), '{"indent":8}', "a four-space document");
  assertEq(enter("  - livenessProbe:@"), '{"indent":6}', "a key that starts a list item");
  assertEq(enter("    image: busybox@"), '{"indent":4}', "after a value: the same key column");
  assertEq(enter("    command: @"), '{"indent":6}', "a key with no value yet, then a space: one level deeper");
  assertEq(enter("    args: |@"), '{"indent":6}', "a block scalar's text goes one level deeper");
  assertEq(enter("    - >-@"), '{"indent":6}', "a block scalar as a list item: at the item's content");
  assertEq(enter("  image: \"a: b\"@"), '{"indent":2}', "a colon inside quotes opens nothing");
  assertEq(enter("  command: [\"sh\", \"-c\"]@"), '{"indent":2}', "a flow list opens nothing");
  assertEq(enter("  url: http://x@"), '{"indent":2}', "a colon without a space is not a key");
  assertEq(enter("  # a comment:@"), '{"indent":2}', "a comment ending in a colon opens nothing");
});

test("indent rules: list items continue at the content column; an empty item ends the list", async () => {
  assertEq(enter("  containers:\n  - name: web@"), '{"indent":4}', "an object item: its content column");
  assertEq(enter("  args:\n  - sleep@"), '{"indent":2}', "a plain item: its dash, for the next item");
  assertEq(enter("spec:\n  containers:\n  - name: web\n    image: nginx\n  - @"), '{"endList":true,"indent":2}', "flush list: the owner key's column");
  assertEq(enter("spec:\n  containers:\n    - name: web\n    - @"), '{"endList":true,"indent":2}', "indented list: the owner key's column");
  assertEq(enter("  - name: web\n    ports:\n    - containerPort: 80\n    - @"), '{"endList":true,"indent":4}', "a list in an item: back to the item's keys");
  assertEq(enter("  - ports:\n    - containerPort: 80\n    - @"), '{"endList":true,"indent":4}', "owned by an item's first key");
  assertEq(enter("- @"), '{"endList":true,"indent":0}', "a top-level list");
  assertEq(enter("  - name: web\n    @"), '{"indent":4}', "a blank line keeps the cursor's column");
  assertEq(enter("  - name: web\n  @  image: x"), '{"above":true}', "in the indentation: a line opens above");
});

// Where Backspace at "@" (in a line's indentation) takes the cursor.
function backspace(doc, unit = 2) {
  const lines = doc.split("\n");
  const n = lines.findIndex((l) => l.includes("@")) + 1;
  const col = lines[n - 1].indexOf("@");
  lines[n - 1] = lines[n - 1].replace("@", "");
  return backspaceColumn((i) => lines[i - 1], n, col, unit);
}

test("indent rules: Backspace in the indentation goes one level out, as the lines above nest", async () => {
  const seed = "spec:\n    containers:\n    - name: web\n      image: nginx\n";
  assertEq(backspace(seed + "          @", 4), 6, "from too deep: back to the item's keys");
  assertEq(backspace(seed + "      @", 4), 4, "from the item's keys: to its dash, for the next item");
  assertEq(backspace(seed + "    @", 4), 0, "from the list: to the top");
  assertEq(backspace("    livenessProbe:\n          @", 2), 6, "below a key: its first child's column");
  assertEq(backspace("    livenessProbe:\n      @", 2), 4, "from the child's column: the key's");
  assertEq(backspace("    - cat\n      @exec: {}", 2), 4, "before a line's text: the line moves one level out");
  assertEq(backspace("        @", 4), 4, "nothing above: the previous multiple of the unit");
  assertEq(backspace("x: 1\n# a comment at 0\n\n   @", 2), 0, "comments and blank lines do not count");
});

test("indent rules: the unit and the list style are read from the document", async () => {
  const two = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: web\n    args: |\n        sleep 1\n";
  assertEq(detectIndentUnit(...lines(two)), 2, "two spaces");
  assertEq(detectListIndented(...lines(two)), false, "lists at the key's column");
  const four = "metadata:\n    name: x\nspec:\n    containers:\n        - name: web\n          livenessProbe:\n              exec: {}\n";
  assertEq(detectIndentUnit(...lines(four)), 4, "four spaces");
  assertEq(detectListIndented(...lines(four)), true, "lists one level in");
  assertEq(detectIndentUnit(...lines("kind: Pod\n")), 2, "nothing nested: two spaces");
  assertEq(detectListIndented(...lines("kind: Pod\n")), null, "no list: no style");
  assertEq(lineShape("  - name: web # x").keyCol, 4, "an item's content column");
});
