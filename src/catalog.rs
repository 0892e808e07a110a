//! The lessons shipped with the app (embedded from lessons/*.yaml by build.rs), parsed once
//! and sorted by their `order`.

use podsim::lessons::Lesson;
use std::rc::Rc;

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

thread_local! {
    static LESSONS: Rc<Vec<Lesson>> = Rc::new(parse_all());
}

fn parse_all() -> Vec<Lesson> {
    let mut v: Vec<Lesson> = LESSON_FILES
        .iter()
        .filter_map(|(_, text)| Lesson::from_yaml(text).ok())
        .collect();
    v.sort_by_key(|l| l.order);
    v
}

/// All lessons, in order.
pub fn lessons() -> Rc<Vec<Lesson>> {
    LESSONS.with(Rc::clone)
}

pub fn find(id: &str) -> Option<Lesson> {
    lessons().iter().find(|l| l.id == id).cloned()
}

/// The lesson after `id`, if any.
pub fn next_after(id: &str) -> Option<Lesson> {
    let all = lessons();
    let i = all.iter().position(|l| l.id == id)?;
    all.get(i + 1).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_lesson_parses() {
        for (name, text) in LESSON_FILES {
            if let Err(e) = Lesson::from_yaml(text) {
                panic!("{name}: {e}");
            }
        }
        assert_eq!(lessons().len(), LESSON_FILES.len());
    }
}
