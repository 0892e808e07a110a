// Hostile manifests pasted into the sandbox, each with a part of the message podlab answers
// it with: checked by tests/e2e/hostile.test.mjs and timed by tests/bench/browser.mjs.

export const POD = (spec) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: hostile\nspec:\n${spec}`;
export const SEED = POD("  containers:\n  - name: web\n    image: nginx:1.27\n");

const bomb = [
  "a: &a [x,x,x,x,x,x,x,x,x,x]",
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]",
].join("\n");

export const CASES = [
  ["a YAML alias bomb", bomb, "the YAML expands too much"],
  ["a 1 MB file", POD("  containers:\n" + "  - {name: a, image: nginx}\n".repeat(38000)), "podlab reads manifests up to 256 KB"],
  ["10 000 containers", POD(`  containers: [${Array.from({ length: 10000 }, (_, i) => `{name: c${i}, image: x}`).join(",")}]\n`), "more than 6000 nodes"],
  ["1 000 containers", POD(`  containers:\n${Array.from({ length: 1000 }, (_, i) => `  - {name: c${i}, image: nginx}\n`).join("")}`), "podlab simulates pods of up to 64 containers"],
  ["deep nesting", "a: " + "[".repeat(3000) + "]".repeat(3000) + "\n", "nests deeper than 48 levels"],
  ["wrong types everywhere", "apiVersion: 1\nkind: [Pod]\nmetadata: 7\nspec: true\n", "cannot unmarshal array into Go struct field TypeMeta.kind"],
  ["wrong types in the spec", POD("  containers: 5\n  restartPolicy: [1, 2]\n"), "cannot unmarshal number into Go struct field PodSpec.spec.containers"],
  ["control characters pasted", POD("  containers:\n  - name: web\u0007\n    image: ngi\u0000nx\n"), "unexpected character"],
  ["replacement characters from non-UTF-8 bytes", POD("  containers:\n  - name: w\uFFFDb\n    image: nginx\n"), "spec.containers[0].name: Invalid value"],
  ["huge durations", POD("  activeDeadlineSeconds: 9223372036854775807\n  terminationGracePeriodSeconds: 99999999999999\n  containers:\n  - name: web\n    image: nginx\n    livenessProbe:\n      exec: {command: [\"true\"]}\n      initialDelaySeconds: 99999999999\n"), "cannot unmarshal number 99999999999 into Go struct field Probe.spec.containers.livenessProbe.initialDelaySeconds of type int32"],
];
