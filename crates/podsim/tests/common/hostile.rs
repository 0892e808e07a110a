//! Hostile manifests, each with a part of the message podlab must answer it with: shared by
//! the test that checks the messages (tests/api_validation.rs) and the benchmark that prints
//! how long each takes (benches/simulate.rs).

/// A pod named `web` with this `spec`.
pub fn pod(spec: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n{spec}")
}

/// A pod of `n` nginx containers, one line each.
pub fn with_containers(n: usize) -> String {
    pod(&format!(
        "  containers:\n{}",
        (0..n)
            .map(|i| format!("  - {{name: c{i}, image: nginx}}\n"))
            .collect::<String>()
    ))
}

/// (name, manifest, part of the expected message).
pub fn cases() -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            // A `sleep` half typed in a loop: busybox's sleep fails at once, the loop spins.
            "busy loop (a half-typed sleep)",
            pod("  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'while true; do echo hi; sleep; done']\n"),
            "",
        ),
        (
            "alias bomb",
            "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n".into(),
            "the YAML expands too much: its anchors and aliases",
        ),
        (
            "1 MB file",
            "x".repeat(1 << 20),
            "the manifest is 1024.0 KB; podlab reads manifests up to 256 KB",
        ),
        (
            "deep nesting",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            "the YAML nests deeper than 48 levels",
        ),
        (
            "10 000 containers",
            pod(&format!(
                "  containers: [{}]\n",
                vec!["{name: a, image: nginx}"; 10_000].join(",")
            )),
            "the YAML has more than 6000 nodes",
        ),
        (
            "1 000 containers",
            with_containers(1000),
            "this pod has 1000 containers; podlab simulates pods of up to 64 containers",
        ),
        (
            "control characters",
            "\u{0}\u{1}\u{7f}apiVersion: v1".into(),
            "unexpected character",
        ),
        (
            "wrong types in the spec",
            pod("  containers: 5\n  restartPolicy: [1, 2]\n  activeDeadlineSeconds: {a: b}\n"),
            "json: cannot unmarshal number into Go struct field PodSpec.spec.containers of type []v1.Container",
        ),
        (
            "huge durations",
            pod("  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      periodSeconds: 0\n      timeoutSeconds: 99999999999\n      exec: {command: [x]}\n"),
            "cannot unmarshal number 99999999999 into Go struct field Probe.spec.containers.livenessProbe.timeoutSeconds of type int32",
        ),
        (
            "wrong types everywhere",
            "apiVersion: 1\nkind: [Pod]\n".into(),
            "json: cannot unmarshal array into Go struct field TypeMeta.kind of type string",
        ),
        (
            "2 900 labels (one mapping, accepted)",
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n{}spec:\n  containers:\n  - {{name: a, image: nginx}}\n",
                (0..2900)
                    .map(|i| format!("    key-number-{i}: v\n"))
                    .collect::<String>()
            ),
            "",
        ),
        (
            "64 containers (the limit, accepted)",
            with_containers(64),
            "",
        ),
    ]
}
