//! Embeds every lesson file (lessons/*.yaml) into the app, so adding a lesson is adding a
//! file: no Rust changes. Each lesson is parsed here, at build time, with the engine's own
//! loader: a lesson that does not load stops the build with its message, and the app gets
//! an index in curriculum order (id, section, titles, summaries) so that it parses a
//! lesson's full text only when the learner opens it.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = Path::new(&root).join("lessons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// Every lesson file, by name, embedded at build time.\npub const LESSON_FILES: &[(&str, &str)] = &[\n",
    );
    let mut index = Vec::new();
    for (i, f) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        );
        let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("lessons/{name}: {e}"));
        let lesson = podsim::lessons::Lesson::from_yaml(&text)
            .unwrap_or_else(|e| panic!("lessons/{name} does not load: {e}"));
        index.push((lesson, i));
    }
    code.push_str("];\n\n");
    index.sort_by_key(|(l, _)| l.order);
    code.push_str("/// The lessons in curriculum order, with what lists and links show of them.\npub const LESSON_INDEX: &[LessonEntry] = &[\n");
    for (l, file) in &index {
        let _ = writeln!(
            code,
            "    LessonEntry {{ id: {:?}, file: {file}, section: {:?}, title: [{:?}, {:?}], summary: [{:?}, {:?}] }},",
            l.id, l.section, l.title.en, l.title.ko, l.summary.en, l.summary.ko
        );
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("lessons.rs");
    fs::write(out, code).expect("write lessons.rs");
}
