//! Golden snapshots of `podsim simulate EXAMPLE --output why` for every shared example, in
//! English and Korean, compared byte for byte with tests/snapshots/why/. The three worked
//! answers of ../shared/reference/why-examples.md are held to their instants and arithmetic
//! by tests/why_examples.rs; these snapshots show every change of each run, as the CLI
//! tells it, so that a change in an explanation shows as a diff.
//! Re-record after an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p podsim --test why_snapshots`
//! (then read the diff before committing it).

use std::path::PathBuf;

const CASES: &[(&str, &str, &str)] = &[
    // (example, --until, --at): the instants of the kubectl snapshots (tests/snapshots.rs).
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

fn render(example: &str, until: &str, at: &str, lang: &str) -> String {
    let file = dir().join("examples").join(format!("{example}.yaml"));
    let args: Vec<String> = [
        "simulate",
        file.to_str().unwrap(),
        "--until",
        until,
        "--at",
        at,
        "--output",
        "why",
        "--lang",
        lang,
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
fn why_output_matches_its_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for (example, until, at) in CASES {
        for lang in ["en", "ko"] {
            let got = render(example, until, at, lang);
            assert!(got.contains("── "), "{example}: nothing told");
            let path = dir()
                .join("snapshots/why")
                .join(format!("{example}@{at}.{lang}.txt"));
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
