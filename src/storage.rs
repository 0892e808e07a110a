//! Persistence in localStorage: the text of every lesson and of the sandbox (saved on every
//! edit), settings, progress, revealed hints and the cursor. Whatever is stored is parsed
//! defensively: anything unreadable is dropped and reported once, never a failed start-up.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::i18n::Lang;
use podsim::sim::scenario::ScenarioEvent;

pub const KEY: &str = "podlab.v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// One document the learner edits: a lesson's manifest or the sandbox.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Doc {
    pub text: String,
    #[serde(default)]
    pub faults: Vec<ScenarioEvent>,
    /// The playback position; None: at the end of the run.
    #[serde(default)]
    pub cursor: Option<u64>,
    #[serde(default)]
    pub hints: usize,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Saved {
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub theme: Theme,
    #[serde(default)]
    pub speed: u32,
    #[serde(default)]
    pub tab: String,
    #[serde(default)]
    pub show_defaulted: bool,
    #[serde(default)]
    pub docs: BTreeMap<String, Doc>,
    #[serde(default)]
    pub done: BTreeSet<String>,
    #[serde(default)]
    pub last_page: Option<String>,
}

/// The largest stored blob accepted (characters).
pub const MAX_STORED: usize = 4 * 1024 * 1024;

/// What was stored could not be read (corrupt, foreign, or too large).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreadable;

/// Parse what was stored. Ok(None): nothing stored.
pub fn parse(raw: Option<&str>) -> Result<Option<Saved>, Unreadable> {
    match raw {
        None => Ok(None),
        Some(s) if s.len() > MAX_STORED => Err(Unreadable),
        Some(s) => serde_json::from_str::<Saved>(s)
            .map(Some)
            .map_err(|_| Unreadable),
    }
}

pub fn serialize(saved: &Saved) -> String {
    serde_json::to_string(saved).unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Load, with a flag telling whether something unreadable was reset.
pub fn load() -> (Saved, bool) {
    let Some(st) = storage() else {
        return (Saved::default(), false);
    };
    let raw = st.get_item(KEY).ok().flatten();
    match parse(raw.as_deref()) {
        Ok(Some(saved)) => (saved, false),
        Ok(None) => (Saved::default(), false),
        Err(Unreadable) => {
            let _ = st.remove_item(KEY);
            (Saved::default(), true)
        }
    }
}

/// Why the latest state was not saved (what was saved before stays as it was).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotSaved {
    /// Larger than `load` accepts: writing it would lose everything at the next start.
    TooLarge,
    /// The browser refused: storage full (its quota) or disabled.
    Refused,
}

/// What `save` would write, or why it must not be written.
pub fn to_store(saved: &Saved) -> Result<String, NotSaved> {
    let raw = serialize(saved);
    if raw.len() > MAX_STORED {
        return Err(NotSaved::TooLarge);
    }
    Ok(raw)
}

pub fn save(saved: &Saved) -> Result<(), NotSaved> {
    let raw = to_store(saved)?;
    storage()
        .ok_or(NotSaved::Refused)?
        .set_item(KEY, &raw)
        .map_err(|_| NotSaved::Refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut s = Saved::default();
        s.docs.insert(
            "first-pod".into(),
            Doc {
                text: "apiVersion: v1".into(),
                ..Default::default()
            },
        );
        s.done.insert("first-pod".into());
        s.lang = Some(Lang::Ko);
        assert_eq!(parse(Some(&serialize(&s))), Ok(Some(s)));
    }

    #[test]
    fn what_load_would_refuse_is_never_written() {
        let mut s = Saved::default();
        for i in 0..5 {
            s.docs.insert(
                format!("lesson-{i}"),
                Doc {
                    text: "x".repeat(MAX_STORED / 4),
                    ..Default::default()
                },
            );
        }
        assert_eq!(to_store(&s), Err(NotSaved::TooLarge));
        s.docs.remove("lesson-0");
        s.docs.remove("lesson-1");
        let raw = to_store(&s).expect("fits");
        assert_eq!(parse(Some(&raw)), Ok(Some(s)));
    }

    #[test]
    fn corrupt_or_foreign_data_is_refused() {
        assert_eq!(parse(None), Ok(None));
        assert_eq!(parse(Some("{not json")), Err(Unreadable));
        assert_eq!(parse(Some("[1,2,3]")), Err(Unreadable));
        assert_eq!(parse(Some("{\"docs\": 5}")), Err(Unreadable));
        assert!(
            parse(Some("{}")).is_ok(),
            "an empty object is a fresh start"
        );
    }
}
