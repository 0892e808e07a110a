//! The prerender step of the build: writes every static page (see `podlab::prerender`) into
//! a built site. Run by scripts/post_build.mjs after Trunk's build:
//!   cargo run --bin prerender -- DIST PUBLIC_URL
//! DIST holds the built `index.html` (the template); PUBLIC_URL is the site's public path.
//! It also writes what the wasm leaves out: the fields' documentation (`field-docs.en.json`,
//! `field-docs.ko.json`) and each lesson's prose, rendered, per language
//! (`podlab::lesson_text`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use podlab::i18n::Lang;
    use podlab::lesson_text;
    use podlab::prerender::{first_visit, page::page_html, pages, render_app};
    use std::path::Path;
    use std::process::ExitCode;

    let mut args = std::env::args().skip(1);
    let (Some(dist), base) = (args.next(), args.next().unwrap_or_else(|| "/".into())) else {
        eprintln!("usage: prerender DIST [PUBLIC_URL]");
        return ExitCode::FAILURE;
    };
    let base = if base.ends_with('/') {
        base
    } else {
        format!("{base}/")
    };
    let dist = Path::new(&dist);
    let template = match std::fs::read_to_string(dist.join("index.html")) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("prerender: {}: {e}", dist.join("index.html").display());
            return ExitCode::FAILURE;
        }
    };
    let mut texts = 0;
    for entry in podlab::catalog::lessons() {
        for lang in [Lang::En, Lang::Ko] {
            let Some(text) = lesson_text::build(entry.id, lang) else {
                eprintln!("prerender: lesson {} has no text", entry.id);
                return ExitCode::FAILURE;
            };
            let path = dist.join(lesson_text::file_path(entry.id, lang));
            let written = serde_json::to_string(&text)
                .map_err(std::io::Error::other)
                .and_then(|json| {
                    path.parent()
                        .map_or(Ok(()), std::fs::create_dir_all)
                        .and_then(|_| std::fs::write(&path, json))
                });
            if let Err(e) = written {
                eprintln!("prerender: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            texts += 1;
        }
    }
    let all = pages();
    for page in &all {
        let app = render_app(first_visit(&page.page, page.lang));
        let html = match page_html(&template, page, &app, &base) {
            Ok(h) => h,
            Err(e) => {
                eprintln!("prerender: {e}");
                return ExitCode::FAILURE;
            }
        };
        let dir = dist.join(&page.path);
        if let Err(e) =
            std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join("index.html"), html))
        {
            eprintln!("prerender: {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    // The fields' documentation, which the wasm does not carry: one table per language,
    // fetched by the editor when it first shows a completion or hover (js/editor.js).
    for lang in [podsim::schema::Lang::En, podsim::schema::Lang::Ko] {
        let code = match lang {
            podsim::schema::Lang::En => "en",
            podsim::schema::Lang::Ko => "ko",
        };
        let file = dist.join(format!("field-docs.{code}.json"));
        let json = serde_json::to_string(&podsim::schema::field_docs(lang)).unwrap_or_default();
        if let Err(e) = std::fs::write(&file, json) {
            eprintln!("prerender: {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "prerender: {} static pages and {texts} lesson texts written",
        all.len()
    );
    ExitCode::SUCCESS
}

/// The step runs natively only; the wasm build has nothing to do here.
#[cfg(target_arch = "wasm32")]
fn main() {}
