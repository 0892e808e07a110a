//! The lessons' prose — each lesson's body and hints — kept out of the wasm. The prerender
//! step renders it at build time (`render`, pulldown-cmark, native only) into one file per
//! lesson and language, `lesson-text/<version>/<id>.<lang>.json` beside the site's other files
//! (see [`file_path`]); the app
//! fetches those on demand into this store:
//! - the current lesson's text is asked for at first render (a static lesson page preloads
//!   it from its `<head>`, and the app starts with the body the page already shows: see
//!   [`seed`]);
//! - once the page has loaded and is idle, the other lessons of the current language follow
//!   one by one ([`prefetch_when_idle`]), so lesson links open at once;
//! - a failed fetch is kept as [`Status::Failed`] until [`retry`].
//!
//! Natively (the prerender step, tests) a text is rendered from the lesson file at once.
//! Components read the store with [`use_lesson_text`], which re-renders them when a text
//! arrives.

#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// A lesson's prose in one language, as HTML made at build time from its Markdown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonText {
    pub body: String,
    pub hints: Vec<String>,
}

/// Where a lesson's text is in the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Asked for, not here yet.
    Loading,
    Ready(Rc<LessonText>),
    /// The fetch failed (offline without a cached copy, a server error, a broken file).
    Failed,
}

/// The file of a lesson's text in a language, relative to the site's root. Its folder is
/// named after a hash of the lesson files and the renderer (`catalog::TEXTS_VERSION`), so a
/// new build never reads an older build's text from a cache.
pub fn file_path(id: &str, lang: Lang) -> String {
    format!(
        "lesson-text/{}/{id}.{}.json",
        crate::catalog::TEXTS_VERSION,
        lang.code()
    )
}

type Key = (String, &'static str);

#[derive(Default)]
struct Store {
    texts: HashMap<Key, Status>,
    /// Texts known only in part (a static page's body, without the hints): fetched still.
    partial: HashSet<Key>,
    /// Fetches under way.
    fetching: HashSet<Key>,
    listeners: Vec<Weak<dyn Fn()>>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
}

fn key(id: &str, lang: Lang) -> Key {
    (id.to_string(), lang.code())
}

/// What the store has of `id` in `lang`, without asking for it.
pub fn status(id: &str, lang: Lang) -> Option<Status> {
    STORE.with(|s| s.borrow().texts.get(&key(id, lang)).cloned())
}

/// The text of `id` in `lang`: what the store has, asking for it if it has nothing yet (or
/// only part of it). A failed text stays failed until [`retry`].
pub fn request(id: &str, lang: Lang) -> Status {
    let k = key(id, lang);
    let (status, fetch) = STORE.with(|s| {
        let mut s = s.borrow_mut();
        let status = s.texts.get(&k).cloned();
        let fetch = match &status {
            None => true,
            Some(Status::Ready(_)) => s.partial.contains(&k),
            Some(_) => false,
        } && !s.fetching.contains(&k);
        if status.is_none() {
            s.texts.insert(k.clone(), Status::Loading);
        }
        (status.unwrap_or(Status::Loading), fetch)
    });
    if fetch {
        start(id, lang);
    }
    // Natively the text is there at once.
    self::status(id, lang).unwrap_or(status)
}

/// Ask again for a text that failed.
pub fn retry(id: &str, lang: Lang) {
    let k = key(id, lang);
    let failed = STORE.with(|s| {
        let mut s = s.borrow_mut();
        let failed = matches!(s.texts.get(&k), Some(Status::Failed));
        if failed {
            s.texts.remove(&k);
        }
        failed
    });
    if failed {
        notify();
        request(id, lang);
    }
}

/// Start with the body a static page shows already (its hints still to be fetched).
pub fn seed(id: &str, lang: Lang, body: String) {
    let k = key(id, lang);
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        if !s.texts.contains_key(&k) {
            let text = LessonText {
                body,
                hints: Vec::new(),
            };
            s.texts.insert(k.clone(), Status::Ready(Rc::new(text)));
            s.partial.insert(k);
        }
    });
}

fn settle(id: &str, lang: Lang, result: Option<LessonText>) {
    let k = key(id, lang);
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.fetching.remove(&k);
        let keep_seeded = result.is_none() && s.partial.contains(&k);
        if !keep_seeded {
            s.partial.remove(&k);
            let status = match result {
                Some(t) => Status::Ready(Rc::new(t)),
                None => Status::Failed,
            };
            s.texts.insert(k, status);
        }
    });
    notify();
}

#[cfg(target_arch = "wasm32")]
fn start(id: &str, lang: Lang) {
    STORE.with(|s| s.borrow_mut().fetching.insert(key(id, lang)));
    let id = id.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch::text(&file_path(&id, lang)).await;
        settle(&id, lang, result);
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn start(id: &str, lang: Lang) {
    settle(id, lang, build(id, lang));
}

/// The text of lesson `id` in `lang`, rendered from its file (native only: the prerender
/// step writes these out).
#[cfg(not(target_arch = "wasm32"))]
pub fn build(id: &str, lang: Lang) -> Option<LessonText> {
    let entry = crate::catalog::entry(id)?;
    let (_, source) = crate::catalog::LESSON_SOURCES.get(entry.file)?;
    let lesson = podsim::lessons::Lesson::from_yaml(source).ok()?;
    let code = lang.code();
    Some(LessonText {
        body: render::render(lesson.body.get(code)),
        hints: lesson
            .hints
            .iter()
            .map(|h| render::render(h.get(code)))
            .collect(),
    })
}

fn notify() {
    let listeners: Vec<Rc<dyn Fn()>> = STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.listeners.retain(|l| l.strong_count() > 0);
        s.listeners.iter().filter_map(Weak::upgrade).collect()
    });
    for l in listeners {
        l();
    }
}

/// The text of `id` in `lang` for a component, asked for if needed; the component renders
/// again when the store changes.
#[hook]
pub fn use_lesson_text(id: &str, lang: Lang) -> Status {
    let update = use_force_update();
    let listener = use_memo((), move |_| -> Rc<dyn Fn()> {
        Rc::new(move || update.force_update())
    });
    use_effect_with((), {
        let listener = listener.clone();
        move |_| {
            let l: Rc<dyn Fn()> = (*listener).clone();
            STORE.with(|s| s.borrow_mut().listeners.push(Rc::downgrade(&l)));
            // Held until the component goes.
            move || drop(l)
        }
    });
    request(id, lang)
}

/// Once the page has loaded and is idle, fetch the text of every lesson in `lang` not in the
/// store yet, one per idle period (marks `podlab-texts-prefetch` in the page's performance
/// timeline when it starts).
pub fn prefetch_when_idle(lang: Lang) {
    #[cfg(target_arch = "wasm32")]
    fetch::when_loaded_and_idle(move || {
        fetch::mark("podlab-texts-prefetch");
        prefetch_next(lang, 0);
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
}

#[cfg(target_arch = "wasm32")]
fn prefetch_next(lang: Lang, from: usize) {
    let lessons = crate::catalog::lessons();
    let Some(i) = (from..lessons.len()).find(|&i| status(lessons[i].id, lang).is_none()) else {
        return;
    };
    request(lessons[i].id, lang);
    fetch::when_idle(move || prefetch_next(lang, i + 1));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_renders_in_both_languages() {
        for entry in crate::catalog::lessons() {
            for lang in [Lang::En, Lang::Ko] {
                let text = build(entry.id, lang).expect("a text");
                assert!(text.body.starts_with('<'), "{}: {}", entry.id, text.body);
                assert!(text.body.len() > 300, "{} ({lang:?}): a body", entry.id);
                assert_eq!(text.hints.len(), entry.hints, "{}: hints", entry.id);
                for h in &text.hints {
                    assert!(
                        h.starts_with("<p>") && h.ends_with("</p>"),
                        "{}: {h}",
                        entry.id
                    );
                }
                // No Markdown is left over.
                assert!(!text.body.contains("**"), "{}: {}", entry.id, text.body);
                assert!(!text.body.contains("```"), "{}", entry.id);
                let json = serde_json::to_string(&text).expect("json");
                let back: LessonText = serde_json::from_str(&json).expect("reads back");
                assert_eq!(back, text);
            }
        }
    }

    #[test]
    fn the_store_seeds_requests_and_fails_without_a_lesson() {
        let first = crate::catalog::lessons()[0].id;
        seed(first, Lang::Ko, "<p>seeded</p>".into());
        // A seeded text is partial: a request completes it.
        match request(first, Lang::Ko) {
            Status::Ready(t) => {
                assert_ne!(t.body, "<p>seeded</p>");
                assert_eq!(t.hints.len(), crate::catalog::lessons()[0].hints);
            }
            other => panic!("{other:?}"),
        }
        // A text the store has is not replaced by a later seed.
        seed(first, Lang::Ko, "<p>again</p>".into());
        assert!(
            matches!(status(first, Lang::Ko), Some(Status::Ready(t)) if t.body != "<p>again</p>")
        );
        assert_eq!(request("no-such-lesson", Lang::En), Status::Failed);
        let path = file_path(first, Lang::Ko);
        assert!(path.starts_with("lesson-text/") && path.ends_with(&format!("/{first}.ko.json")));
        assert_eq!(crate::catalog::TEXTS_VERSION.len(), 16, "{path}");
    }
}
