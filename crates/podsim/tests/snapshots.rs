//! Snapshot tests of the kubectl views: `get pods`, `get pods -w`-style timeline, `describe pod`
//! and `get events` for every shared example at telling instants, compared byte for byte with
//! the files under tests/snapshots/. Each snapshot was read against the real kubectl's layout
//! when it was recorded; a change in the views shows here as a diff.
//! Re-record after an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p podsim --test snapshots`
//! (then read the diff before committing it).

use std::path::PathBuf;

const CASES: &[(&str, &str, &str)] = &[
    // (example, --until, --at)
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

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn render(example: &str, until: &str, at: &str, output: &str) -> String {
    let file = dir().join("examples").join(format!("{example}.yaml"));
    let args: Vec<String> = [
        "simulate",
        file.to_str().unwrap(),
        "--until",
        until,
        "--at",
        at,
        "--output",
        output,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let out = podsim::cli::run(&args, &|p| {
        std::fs::read_to_string(p).map_err(|e| e.to_string())
    });
    assert_eq!(out.code, 0, "{example}: {}", out.stderr);
    out.stdout
}

#[test]
fn kubectl_views_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for (example, until, at) in CASES {
        for output in ["get", "describe", "events", "timeline"] {
            let got = render(example, until, at, output);
            let path = dir()
                .join("snapshots")
                .join(format!("{example}@{at}.{output}.txt"));
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            let want = std::fs::read_to_string(&path)
                .unwrap_or_else(|_| panic!("missing snapshot {}", path.display()));
            if got != want {
                mismatches.push(format!(
                    "{}:\n--- want\n{want}\n--- got\n{got}",
                    path.display()
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
