//! Golden snapshots of `podsim simulate EXAMPLE --output why` for every shared example, in
//! English and Korean, compared byte for byte with tests/snapshots/why/. The three worked
//! answers of ../shared/reference/why-examples.md are held to their instants and arithmetic
//! by tests/why_examples.rs; these snapshots show every change of each run, as the CLI
//! tells it, so that a change in an explanation shows as a diff.
//! Re-record after an intended change: `UPDATE_SNAPSHOTS=1 cargo test -p podsim --test why_snapshots`
//! (then read the diff before committing it).

#[path = "common/snapshot.rs"]
mod snapshot;

use snapshot::{check, dir, render, CASES};

#[test]
fn why_output_matches_its_snapshots() {
    let mut mismatches = Vec::new();
    for (example, until, at) in CASES {
        for lang in ["en", "ko"] {
            let got = render(example, until, at, &["--output", "why", "--lang", lang]);
            assert!(got.contains("── "), "{example}: nothing told");
            let path = dir()
                .join("snapshots/why")
                .join(format!("{example}@{at}.{lang}.txt"));
            check(&path, &got, &mut mismatches);
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
