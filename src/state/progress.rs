//! Saved progress exported to a file and imported again (docs/formats.md, "Progress files"):
//! the file is the saved-progress object itself; importing it merges it into what this
//! browser has without losing work on either side, and says what it did.

use crate::storage::{Doc, Saved};

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Imported {
    /// Documents this browser did not have, added.
    pub added: usize,
    /// Documents both had, with different texts: this browser's text stays, the file's is
    /// kept beside it as a copy (as a share link's is), when that copy's place is free.
    pub copies: usize,
    /// Documents both had, different, whose copy place was taken: this browser's kept.
    pub skipped: usize,
    /// Lessons whose progress (done, hints, predictions) was merged in.
    pub lessons: usize,
}

/// The copy key beside a document's key (`lesson:ID` → `shared:lesson:ID`).
fn copy_key(key: &str) -> Option<String> {
    (!key.starts_with("shared:")).then(|| format!("shared:{key}"))
}

/// Merge `file` into `local`: documents only the file has are added; a document both have
/// with different texts keeps this browser's, the file's going beside it as a copy; a
/// lesson is done if either says so, with the most hints revealed; a prediction's first
/// answer is this browser's if it has one. Settings stay this browser's.
pub fn merge(local: &Saved, file: Saved) -> (Saved, Imported) {
    let mut out = local.clone();
    let mut r = Imported::default();
    for (key, doc) in file.docs {
        match out.docs.get(&key) {
            None => {
                out.docs.insert(key, doc);
                r.added += 1;
            }
            Some(mine) if mine.manifest == doc.manifest && mine.events == doc.events => {}
            Some(_) => match copy_key(&key).filter(|k| !out.docs.contains_key(k)) {
                Some(k) => {
                    let copy = Doc {
                        shared: Some(doc.manifest.clone()),
                        playhead: None,
                        ..doc
                    };
                    out.docs.insert(k, copy);
                    r.copies += 1;
                }
                None => r.skipped += 1,
            },
        }
    }
    for (id, p) in file.lessons {
        let mine = out.progress_mut(&id);
        let before = mine.clone();
        mine.done |= p.done;
        mine.hints = mine.hints.max(p.hints);
        for (pid, right) in p.predictions {
            mine.predictions.entry(pid).or_insert(right);
        }
        if *mine != before {
            r.lessons += 1;
        }
    }
    (out, r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_keeps_both_sides_work() {
        let mut local = Saved::default();
        local
            .docs
            .insert("lesson:liveness".into(), Doc::new("mine"));
        local.docs.insert("sandbox".into(), Doc::new("same"));
        local.progress_mut("liveness").hints = 2;
        local
            .progress_mut("phases")
            .predictions
            .insert("p".into(), false);
        let mut file = Saved::default();
        file.docs
            .insert("lesson:liveness".into(), Doc::new("theirs"));
        file.docs.insert("sandbox".into(), Doc::new("same"));
        file.docs.insert("lesson:phases".into(), Doc::new("new"));
        file.progress_mut("liveness").done = true;
        file.progress_mut("phases")
            .predictions
            .insert("p".into(), true);
        file.progress_mut("phases")
            .predictions
            .insert("q".into(), true);
        let (out, r) = merge(&local, file);
        assert_eq!(
            r,
            Imported {
                added: 1,
                copies: 1,
                skipped: 0,
                lessons: 2
            }
        );
        assert_eq!(out.docs["lesson:liveness"].manifest, "mine");
        assert_eq!(out.docs["shared:lesson:liveness"].manifest, "theirs");
        assert_eq!(out.docs["lesson:phases"].manifest, "new");
        assert!(out.is_done("liveness"));
        assert_eq!(out.hints("liveness"), 2);
        // The first answer recorded here stays; the file's other one is added.
        assert!(!out.lessons["phases"].predictions["p"]);
        assert!(out.lessons["phases"].predictions["q"]);
        // Importing the same file again changes nothing.
        let again = merge(&out, out.clone());
        assert_eq!(again.0, out);
        assert_eq!(again.1, Imported::default());
    }
}
