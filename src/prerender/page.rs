//! A static page's file: the built `index.html` (its scripts, styles and Content-Security-
//! Policy) with the page's own language, `<title>`, description and alternate-language link,
//! a lesson page's text preloaded (see `crate::lesson_text`), and its body holding the app's
//! static copy in `#podlab-static` (see `crate::takeover`).
//! The copy's in-app links (`#/lesson/ID`, `#/lessons`) point at the static pages instead, so
//! the site reads and navigates with scripts off.

use std::fmt;

use super::{page_path, StaticPage};
use crate::i18n::Lang;
use crate::state::Page;
use crate::takeover::STATIC_ROOT_ID;

/// Why the built `index.html` cannot be made into a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// The template lacks a part the page fills in (`<html lang="en">`, `<title>…</title>`,
    /// `<body>`).
    Missing(&'static str),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::Missing(what) => {
                write!(f, "the built index.html has no {what} to fill in")
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// Text for an HTML attribute or element.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The app's markup with its in-app links pointing at the static pages under `base` (the
/// site's public path, ending in `/`) in `lang`.
pub fn static_links(app: &str, base: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(app.len());
    let mut rest = app;
    const HREF: &str = "href=\"#/";
    while let Some(at) = rest.find(HREF) {
        out.push_str(&rest[..at]);
        let after = &rest[at + HREF.len()..];
        let end = after.find('"').unwrap_or(after.len());
        let target = &after[..end];
        let page = match target.strip_prefix("lesson/") {
            Some(id) if !id.contains('/') => Some(Page::lesson(id)),
            _ if target == "lessons" => Some(Page::Home),
            _ => None,
        };
        match page.and_then(|p| page_path(&p, lang)) {
            Some(path) => out.push_str(&format!("href=\"{base}{path}\"")),
            None => out.push_str(&format!("href=\"{base}#/{target}\"")),
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The page's file: `template` (the built index.html) filled with `page`, whose static copy
/// of the app is `app`; `base` is the site's public path ending in `/`.
pub fn page_html(
    template: &str,
    page: &StaticPage,
    app: &str,
    base: &str,
) -> Result<String, TemplateError> {
    let lang = page.lang.code();
    let html = replace_once(
        template,
        "<html lang=\"en\">",
        &format!("<html lang=\"{lang}\">"),
    )
    .ok_or(TemplateError::Missing("<html lang=\"en\">"))?;
    let start = html
        .find("<title>")
        .ok_or(TemplateError::Missing("<title>"))?;
    let end = html[start..]
        .find("</title>")
        .map(|e| start + e + "</title>".len())
        .ok_or(TemplateError::Missing("</title>"))?;
    let other = page.lang.other();
    let alternate = page_path(&page.page, other)
        .map(|p| {
            format!(
                "\n    <link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{p}\" />",
                other.code()
            )
        })
        .unwrap_or_default();
    // A lesson page's text is fetched at once, beside the wasm, not after it.
    let preload = match &page.page {
        Page::Lesson(id, _) => format!(
            "\n    <link rel=\"preload\" href=\"{base}{}\" as=\"fetch\" crossorigin />",
            escape(&crate::lesson_text::file_path(id, page.lang))
        ),
        _ => String::new(),
    };
    let head = format!(
        "<title>{}</title>\n    <meta name=\"description\" content=\"{}\" />{alternate}{preload}",
        escape(&page.title),
        escape(&page.description),
    );
    let html = format!("{}{head}{}", &html[..start], &html[end..]);
    let body = html
        .find("<body>")
        .ok_or(TemplateError::Missing("<body>"))?
        + "<body>".len();
    let copy = format!(
        "<div id=\"{STATIC_ROOT_ID}\" data-route=\"{}\" data-lang=\"{lang}\">{}</div>",
        escape(&page.page.route()),
        static_links(app, base, page.lang),
    );
    Ok(format!("{}{copy}{}", &html[..body], &html[body..]))
}

fn replace_once(s: &str, from: &str, to: &str) -> Option<String> {
    let at = s.find(from)?;
    Some(format!("{}{to}{}", &s[..at], &s[at + from.len()..]))
}
