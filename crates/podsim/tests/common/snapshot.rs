//! What the snapshot tests share (tests/snapshots.rs for the kubectl views, tests/why_snapshots.rs
//! for `--output why`): the examples and instants they render, the CLI run that renders one,
//! and the comparison with the recorded file (or its re-recording under `UPDATE_SNAPSHOTS=1`).

use std::path::{Path, PathBuf};

/// (example, --until, --at): the shared examples at telling instants.
pub const CASES: &[(&str, &str, &str)] = &[
    ("seed-pod-sample", "2m", "1m"),
    ("crashloop", "5m", "2m"),
    ("exec-liveness", "3m", "90s"),
    ("http-liveness", "3m", "40s"),
    ("init-containers", "2m", "20s"),
    ("seed-init-containers", "2m", "1m"),
    ("sidecar-pod", "2m", "1m"),
    ("startup-probe", "3m", "2m"),
    ("tcp-liveness-readiness", "2m", "1m"),
    ("grpc-liveness", "2m", "1m"),
];

/// The crate's tests/ folder.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Whether snapshots are being re-recorded (`UPDATE_SNAPSHOTS=1`).
pub fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some()
}

/// `podsim simulate tests/examples/EXAMPLE.yaml --until UNTIL --at AT` with `more` options;
/// its stdout (the run must succeed).
pub fn render(example: &str, until: &str, at: &str, more: &[&str]) -> String {
    let file = dir().join("examples").join(format!("{example}.yaml"));
    let mut args: Vec<String> = [
        "simulate",
        file.to_str().unwrap(),
        "--until",
        until,
        "--at",
        at,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.extend(more.iter().map(|s| s.to_string()));
    let out = podsim::cli::run(&args, &|p| {
        std::fs::read_to_string(p).map_err(|e| e.to_string())
    });
    assert_eq!(out.code, 0, "{example}: {}", out.stderr);
    out.stdout
}

/// Compare `got` with the snapshot at `path` (a mismatch or a missing file is pushed on
/// `mismatches`), or record it when updating.
pub fn check(path: &Path, got: &str, mismatches: &mut Vec<String>) {
    if updating() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(path, got).unwrap();
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(want) if want == got => {}
        Ok(want) => mismatches.push(format!(
            "{}:\n--- want\n{want}\n--- got\n{got}",
            path.display()
        )),
        Err(_) => mismatches.push(format!("missing snapshot {}", path.display())),
    }
}
