//! Embeds every lesson file (lessons/*.yaml) into the app, so adding a lesson is adding a
//! file: no Rust changes. Each lesson is parsed here, at build time, with the engine's own
//! loader: a lesson that does not load stops the build with its message, and the app gets
//! an index in curriculum order (id, section, titles, summaries) so that it parses a
//! lesson's full text only when the learner opens it.
//!
//! The long prose (`body`, `hints`) is cut from the app's copy of each lesson: it is rendered
//! at build time (src/lesson_text/) and fetched on demand, so the wasm carries only what the
//! engine and the pages' machinery need. Native builds (the prerender step, the tests) get
//! the whole files too, as `LESSON_SOURCES`.

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
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    let cut_dir = Path::new(&out_dir).join("lessons");
    fs::create_dir_all(&cut_dir).expect("OUT_DIR/lessons");
    let mut code = String::from(
        "/// Every lesson file, by name, embedded at build time without its prose (`body`, `hints`).\npub const LESSON_FILES: &[(&str, &str)] = &[\n",
    );
    let mut sources = String::from(
        "/// Every lesson file whole, by name (native builds only: the prerender step renders the prose).\n#[cfg(not(target_arch = \"wasm32\"))]\npub const LESSON_SOURCES: &[(&str, &str)] = &[\n",
    );
    let mut index = Vec::new();
    for (i, f) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("lessons/{name}: {e}"));
        let lesson = podsim::lessons::Lesson::from_yaml(&text)
            .unwrap_or_else(|e| panic!("lessons/{name} does not load: {e}"));
        let cut = without_prose(&text);
        let mut cut_lesson = podsim::lessons::Lesson::from_yaml(&cut)
            .unwrap_or_else(|e| panic!("lessons/{name} without its prose does not load: {e}"));
        cut_lesson.body = lesson.body.clone();
        cut_lesson.hints = lesson.hints.clone();
        assert!(
            cut_lesson == lesson,
            "lessons/{name}: cutting `body` and `hints` changed more than those"
        );
        let cut_path = cut_dir.join(name);
        fs::write(&cut_path, cut).expect("write a lesson without its prose");
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            cut_path.display().to_string()
        );
        let _ = writeln!(
            sources,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        );
        index.push((lesson, i));
    }
    code.push_str("];\n\n");
    code.push_str(&sources);
    code.push_str("];\n\n");
    // The rendered texts' folder is named after what they are made from (every lesson file,
    // the renderer and the texts' format), so hosts may cache them for ever, like the hashed
    // files.
    let mut made_from: Vec<u8> = Vec::new();
    for part in ["src/lesson_text/render.rs", "src/lesson_text/mod.rs"] {
        let path = Path::new(&root).join(part);
        println!("cargo:rerun-if-changed={}", path.display());
        made_from.extend(fs::read(&path).unwrap_or_default());
    }
    for f in &files {
        made_from.extend(fs::read(f).unwrap_or_default());
    }
    let _ = writeln!(
        code,
        "/// A hash of the lesson files, their renderer and the texts' format: the lesson texts' folder.\npub const TEXTS_VERSION: &str = \"{:016x}\";\n",
        fnv1a(&made_from)
    );
    index.sort_by_key(|(l, _)| l.order);
    code.push_str("/// The lessons in curriculum order, with what lists and links show of them.\npub const LESSON_INDEX: &[LessonEntry] = &[\n");
    for (l, file) in &index {
        let _ = writeln!(
            code,
            "    LessonEntry {{ id: {:?}, file: {file}, section: {:?}, title: [{:?}, {:?}], summary: [{:?}, {:?}], hints: {} }},",
            l.id, l.section, l.title.en, l.title.ko, l.summary.en, l.summary.ko, l.hints.len()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&out_dir).join("lessons.rs");
    fs::write(out, code).expect("write lessons.rs");
}

/// FNV-1a, 64 bits.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A lesson file without its top-level `body:` and `hints:` entries: each runs from its key
/// to the next line that starts in the first column with anything but a list item's `-`.
fn without_prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cutting = false;
    for line in text.split_inclusive('\n') {
        let top_level = !line.trim().is_empty() && !line.starts_with([' ', '\t', '-']);
        if top_level {
            cutting = line.starts_with("body:") || line.starts_with("hints:");
        }
        if !cutting {
            out.push_str(line);
        }
    }
    out
}
