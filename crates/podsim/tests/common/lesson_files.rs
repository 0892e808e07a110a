//! The lesson files, for the tests that read every lesson (tests/lessons.rs,
//! tests/lesson_quotes.rs, tests/lesson_predictions.rs).

use podsim::lessons::Lesson;
use std::path::PathBuf;

/// The repository's lessons/ folder.
pub fn lesson_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../lessons")
}

/// Every lesson, by file name, in file order (a lesson that does not load fails the test).
pub fn load_all() -> Vec<(String, Lesson)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(lesson_dir())
        .expect("lessons/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap();
            let lesson = Lesson::from_yaml(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, lesson)
        })
        .collect()
}
