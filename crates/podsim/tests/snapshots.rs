//! Snapshot tests of the kubectl views: `get pods`, `get pods -w`-style timeline, `describe pod`
//! and `get events` for every shared example at telling instants, on every Kubernetes version
//! podsim simulates, compared byte for byte with the files under tests/snapshots/. Versions
//! that show the same text share one file: `NAME@AT.VIEW.txt` for the group holding the newest
//! version, `NAME@AT.VIEW@1.31-1.34.txt` for an older group. Each snapshot was read against the
//! real kubectl's layout when it was recorded; a change in the views shows here as a diff.
//! Re-record after an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p podsim --test snapshots`
//! (then read the diff before committing it).

use podsim::cluster::KubeVersion;
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

fn render(example: &str, until: &str, at: &str, output: &str, v: KubeVersion) -> String {
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
        "--kubernetes",
        v.as_str(),
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

/// The versions that render the same text, oldest first, each group with its file name.
fn groups(example: &str, until: &str, at: &str, output: &str) -> Vec<(String, String)> {
    let mut groups: Vec<(Vec<KubeVersion>, String)> = Vec::new();
    for v in KubeVersion::ALL {
        let text = render(example, until, at, output, v);
        match groups.iter_mut().find(|(_, t)| *t == text) {
            Some((vs, _)) => vs.push(v),
            None => groups.push((vec![v], text)),
        }
    }
    groups
        .into_iter()
        .map(|(vs, text)| {
            let base = format!("{example}@{at}.{output}");
            let name = if vs.contains(&KubeVersion::NEWEST) {
                format!("{base}.txt")
            } else {
                let label = match (vs.first(), vs.last()) {
                    (Some(a), Some(b)) if a == b => a.to_string(),
                    (Some(a), Some(b)) if b.index() - a.index() + 1 == vs.len() => {
                        format!("{a}-{b}")
                    }
                    _ => vs
                        .iter()
                        .map(|v| v.to_string())
                        .collect::<Vec<_>>()
                        .join("+"),
                };
                format!("{base}@{label}.txt")
            };
            (name, text)
        })
        .collect()
}

#[test]
fn kubectl_views_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let snapshots = dir().join("snapshots");
    let mut mismatches = Vec::new();
    let mut expected = std::collections::BTreeSet::new();
    for (example, until, at) in CASES {
        for output in ["get", "describe", "events", "timeline"] {
            for (name, got) in groups(example, until, at, output) {
                let path = snapshots.join(&name);
                expected.insert(name);
                if update {
                    std::fs::create_dir_all(&snapshots).unwrap();
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
    }
    // A snapshot no version renders any more is stale.
    // (Subdirectories hold other tests' snapshots: `why/` is tests/why_snapshots.rs'.)
    for entry in std::fs::read_dir(&snapshots).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if !expected.contains(&name) {
            if update {
                std::fs::remove_file(snapshots.join(&name)).unwrap();
            } else {
                mismatches.push(format!("{name}: no version renders this snapshot any more"));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
