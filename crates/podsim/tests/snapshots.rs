//! Snapshot tests of the kubectl views: `get pods`, `get pods -w`-style timeline, `describe pod`
//! and `get events` for every shared example at telling instants, on every Kubernetes version
//! podsim simulates, compared byte for byte with the files under tests/snapshots/. Versions
//! that show the same text share one file: `NAME@AT.VIEW.txt` for the group holding the newest
//! version, `NAME@AT.VIEW@1.31-1.34.txt` for an older group. Each snapshot was read against the
//! real kubectl's layout when it was recorded; a change in the views shows here as a diff.
//! Re-record after an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p podsim --test snapshots`
//! (then read the diff before committing it).

#[path = "common/snapshot.rs"]
mod snapshot;

use podsim::cluster::KubeVersion;
use snapshot::{check, dir, updating, CASES};

/// One view of one example on version `v`.
fn render(example: &str, until: &str, at: &str, output: &str, v: KubeVersion) -> String {
    snapshot::render(
        example,
        until,
        at,
        &["--output", output, "--kubernetes", v.as_str()],
    )
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
    let update = updating();
    let snapshots = dir().join("snapshots");
    let mut mismatches = Vec::new();
    let mut expected = std::collections::BTreeSet::new();
    for (example, until, at) in CASES {
        for output in ["get", "describe", "events", "timeline"] {
            for (name, got) in groups(example, until, at, output) {
                let path = snapshots.join(&name);
                expected.insert(name);
                check(&path, &got, &mut mismatches);
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
