//! Every page rendered natively with Yew's server-side rendering: each lesson in English and
//! Korean, the lesson list, the sandbox and the embed. A component that panics, or reads a browser API
//! (which panics outside the browser) during render, fails here.

use super::*;

fn render(page: &Page, lang: Lang) -> String {
    render_app(first_visit(page, lang))
}

#[test]
fn every_lesson_renders_in_both_languages() {
    assert!(!catalog::lessons().is_empty());
    for entry in catalog::lessons() {
        for lang in [Lang::En, Lang::Ko] {
            let html = render(&Page::lesson(entry.id), lang);
            let lesson = catalog::find(entry.id).expect("an indexed lesson loads");
            let title = html_escape_text(entry.title(lang.code()));
            assert!(html.contains(&title), "{} ({lang:?}): no title", entry.id);
            // The goals and the starting manifest are in the page.
            assert!(html.contains("class=\"goals"), "{}: no goals", entry.id);
            let first_line = lesson.manifest.lines().next().unwrap_or_default();
            assert!(
                html.contains(&html_escape_text(first_line)),
                "{} ({lang:?}): no manifest",
                entry.id
            );
        }
    }
}

#[test]
fn the_lesson_list_and_the_sandbox_render() {
    for lang in [Lang::En, Lang::Ko] {
        let home = render(&Page::Home, lang);
        for entry in catalog::lessons() {
            assert!(
                home.contains(&html_escape_text(entry.title(lang.code()))),
                "list ({lang:?}) lacks {}",
                entry.id
            );
        }
        let sandbox = render(&Page::Sandbox(Origin::Own), lang);
        assert!(sandbox.contains("kubenetes-simple-pod"), "{lang:?}");
    }
}

#[test]
fn the_embed_renders_editable_and_read_only() {
    use crate::components::embed::{Embed, EmbedProps};
    use crate::embed::{state, EmbedConfig};
    let first = catalog::lessons()[0].id;
    for readonly in [false, true] {
        let config = EmbedConfig {
            page: Page::lesson(first),
            readonly,
            ..EmbedConfig::default()
        };
        let html = super::render::<Embed>(EmbedProps {
            prepared: Prepared::new(state(&config, Lang::Ko)),
            theme: config.theme,
            readonly,
        });
        assert!(html.contains("data-testid=\"embed\""));
        assert_eq!(html.contains("data-testid=\"embed-manifest\""), readonly);
        // The run's place is reserved at build time; the app draws the run in the browser.
        assert!(html.contains("data-testid=\"result-reserved\""));
    }
}

#[test]
fn each_page_has_its_own_path_title_and_language() {
    let pages = pages();
    assert_eq!(pages.len(), 2 * (catalog::lessons().len() + 1));
    let mut paths: Vec<_> = pages.iter().map(|p| p.path.as_str()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), pages.len(), "two pages share a path");
    let first = catalog::lessons()[0].id;
    let ko = pages
        .iter()
        .find(|p| p.path == format!("ko/lessons/{first}/"))
        .expect("the first lesson's Korean page");
    assert_eq!(ko.lang, Lang::Ko);
    assert_eq!(ko.page, Page::lesson(first));
    assert!(ko.title.contains(catalog::lessons()[0].title("ko")));
}

/// Text as Yew's renderer escapes it.
fn html_escape_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn a_page_fills_the_built_index_html() {
    let template = "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <title>podlab</title>\n  </head>\n  <body></body>\n</html>\n";
    let first = catalog::lessons()[0];
    let page = pages()
        .into_iter()
        .find(|p| p.path == format!("ko/lessons/{}/", first.id))
        .expect("the first lesson's Korean page");
    let app = render_app(first_visit(&page.page, page.lang));
    let html = page::page_html(template, &page, &app, "/sub/path/").expect("fills");
    assert!(html.contains("<html lang=\"ko\">"));
    assert!(html.contains(&format!("<title>{}</title>", page::escape(&page.title))));
    assert!(html.contains("<meta name=\"description\""));
    assert!(html.contains(&format!(
        "<link rel=\"preload\" href=\"/sub/path/lesson-text/{}/{}.ko.json\" as=\"fetch\" crossorigin />",
        catalog::TEXTS_VERSION,
        first.id
    )));
    assert!(html.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"/sub/path/lessons/{}/\" />",
        first.id
    )));
    assert!(html.contains(&format!(
        "<div id=\"podlab-static\" data-route=\"#/lesson/{}\" data-lang=\"ko\">",
        first.id
    )));
    // In-app links lead to the static pages; no hash link to a lesson is left.
    assert!(html.contains("href=\"/sub/path/ko/lessons/\""));
    assert!(!html.contains("href=\"#/lesson"));
    assert!(html.contains("href=\"/sub/path/#/sandbox\""));
    assert_eq!(
        page::page_html("<html>", &page, &app, "/"),
        Err(page::TemplateError::Missing("<html lang=\"en\">"))
    );
}

#[test]
fn links_of_the_static_copy() {
    let app = "<a href=\"#/lesson/x\">x</a><a href=\"#main\">m</a><a href=\"#/lessons\">l</a><a href=\"#/share/abc\">s</a>";
    assert_eq!(
        page::static_links(app, "/", Lang::En),
        "<a href=\"/lessons/x/\">x</a><a href=\"#main\">m</a><a href=\"/lessons/\">l</a><a href=\"/#/share/abc\">s</a>"
    );
}
