//! The lessons shipped with the app, embedded from lessons/*.yaml by build.rs together with
//! an index in curriculum order. Lists and links read the index; a lesson is parsed the first
//! time it is opened and kept. The embedded copy has no prose (`body`, `hints` are empty):
//! that is fetched on demand (`crate::lesson_text`).

use podsim::lessons::Lesson;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// What the index knows of a lesson without parsing it: its id, its file in
/// `LESSON_FILES`, its section, its title and summary in English and Korean, and how many
/// hints it has (their text is fetched with the body: see `crate::lesson_text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonEntry {
    pub id: &'static str,
    pub file: usize,
    pub section: Option<&'static str>,
    pub title: [&'static str; 2],
    pub summary: [&'static str; 2],
    pub hints: usize,
}

fn pick(texts: &[&'static str; 2], lang: &str) -> &'static str {
    if lang == "ko" {
        texts[1]
    } else {
        texts[0]
    }
}

impl LessonEntry {
    pub fn title(&self, lang: &str) -> &'static str {
        pick(&self.title, lang)
    }
    pub fn summary(&self, lang: &str) -> &'static str {
        pick(&self.summary, lang)
    }
}

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

thread_local! {
    static PARSED: RefCell<HashMap<&'static str, Rc<Lesson>>> = RefCell::new(HashMap::new());
    /// How far `parse_one_more` has gone through the index.
    static WARMED: Cell<usize> = const { Cell::new(0) };
}

/// Every lesson, in order.
pub fn lessons() -> &'static [LessonEntry] {
    LESSON_INDEX
}

pub fn entry(id: &str) -> Option<&'static LessonEntry> {
    LESSON_INDEX.iter().find(|e| e.id == id)
}

/// The lesson `id`, parsed on first use (build.rs has checked that every lesson loads).
pub fn find(id: &str) -> Option<Rc<Lesson>> {
    let e = entry(id)?;
    if let Some(l) = PARSED.with(|p| p.borrow().get(e.id).cloned()) {
        return Some(l);
    }
    let (_, text) = LESSON_FILES.get(e.file)?;
    let lesson = Rc::new(Lesson::from_yaml(text).ok()?);
    PARSED.with(|p| p.borrow_mut().insert(e.id, lesson.clone()));
    Some(lesson)
}

/// Parse the next lesson of the curriculum not visited by this call yet (kept like an opened
/// one); false once every lesson has had its turn.
pub fn parse_one_more() -> bool {
    let i = WARMED.with(|w| w.replace(w.get() + 1));
    match LESSON_INDEX.get(i) {
        Some(e) => {
            let _ = find(e.id);
            true
        }
        None => false,
    }
}

/// The lesson after `id`, if any.
pub fn next_after(id: &str) -> Option<&'static LessonEntry> {
    let i = LESSON_INDEX.iter().position(|e| e.id == id)?;
    LESSON_INDEX.get(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_lesson_parses_and_matches_its_index_entry() {
        assert_eq!(lessons().len(), LESSON_FILES.len());
        let mut last_order = 0;
        for e in lessons() {
            let l = find(e.id).unwrap_or_else(|| panic!("{} does not load", e.id));
            assert_eq!(l.id, e.id);
            assert!(LESSON_FILES[e.file].1.contains(&format!("id: {}", e.id)));
            assert!(l.order > last_order, "index out of order at {}", e.id);
            last_order = l.order;
            assert_eq!(e.title("en"), l.title.en);
            assert_eq!(e.title("ko"), l.title.ko);
            assert_eq!(e.summary("ko"), l.summary.ko);
            assert_eq!(e.section, l.section.as_deref());
            // The app's copy goes without its prose; the file has it.
            assert!(l.body.en.is_empty() && l.body.ko.is_empty() && l.hints.is_empty());
            #[cfg(not(target_arch = "wasm32"))]
            {
                let whole = Lesson::from_yaml(LESSON_SOURCES[e.file].1).expect("the whole file");
                assert!(!whole.body.en.is_empty() && !whole.body.ko.is_empty());
                assert_eq!(whole.hints.len(), e.hints);
            }
        }
        let first = lessons()[0].id;
        assert_eq!(
            next_after(first).map(|e| e.id),
            lessons().get(1).map(|e| e.id)
        );
        assert!(
            Rc::ptr_eq(&find(first).unwrap(), &find(first).unwrap()),
            "parsed once"
        );
        let mut turns = 0;
        while parse_one_more() {
            turns += 1;
        }
        assert_eq!(turns, lessons().len(), "one turn per lesson, then done");
        assert!(!parse_one_more());
    }
}
