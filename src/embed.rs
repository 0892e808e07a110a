//! The embeddable widget's configuration (`/embed/`, see `components::embed`): what it shows
//! comes from its URL fragment — a share link's payload (`#/share/<payload>`, the share
//! format of docs/formats.md) or a lesson (`#/lesson/<id>`), optionally followed by options
//! `?lang=ko&theme=dark&view=readonly` — and the `<iframe>` snippet that embeds one.

use crate::i18n::Lang;
use crate::share::{self, Link, ShareError};
use crate::state::{AppState, Origin, Page, Route};
use crate::storage::{Doc, Saved, Theme};

/// What an embed shows and how.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbedConfig {
    pub page: Page,
    /// The document shown (None: the page's starting text).
    pub doc: Option<Doc>,
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// The manifest shown as text, not in an editor.
    pub readonly: bool,
}

/// Why an embed's fragment was not used (the widget then shows the sandbox's seed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    Share(ShareError),
    /// Neither `#/share/…` nor `#/lesson/<id>` (of a lesson this build has) nor `#/sandbox`.
    UnknownPage,
}

impl Default for EmbedConfig {
    fn default() -> Self {
        EmbedConfig {
            page: Page::Sandbox(Origin::Own),
            doc: None,
            lang: None,
            theme: Theme::System,
            readonly: false,
        }
    }
}

/// Read an embed's fragment (`#/share/<payload>?lang=ko`, `#/lesson/<id>`, …).
pub fn parse(hash: &str) -> Result<EmbedConfig, EmbedError> {
    let (route, options) = match hash.split_once('?') {
        Some((r, o)) => (r, o),
        None => (hash, ""),
    };
    let mut config = match Route::parse(route) {
        Route::Share(payload) => {
            let link = share::decode(&payload).map_err(EmbedError::Share)?;
            let page = match link
                .lesson
                .as_deref()
                .filter(|id| crate::catalog::entry(id).is_some())
            {
                Some(id) => Page::lesson(id),
                None => Page::Sandbox(Origin::Own),
            };
            EmbedConfig {
                page,
                doc: Some(link.doc),
                ..EmbedConfig::default()
            }
        }
        Route::Page(page @ (Page::Lesson(..) | Page::Sandbox(_))) => EmbedConfig {
            page: page.with_copy(Origin::Own),
            ..EmbedConfig::default()
        },
        _ => return Err(EmbedError::UnknownPage),
    };
    for option in options.split('&') {
        match option.split_once('=').unwrap_or((option, "")) {
            ("lang", "ko") => config.lang = Some(Lang::Ko),
            ("lang", "en") => config.lang = Some(Lang::En),
            ("theme", "dark") => config.theme = Theme::Dark,
            ("theme", "light") => config.theme = Theme::Light,
            ("view", "readonly") => config.readonly = true,
            _ => {}
        }
    }
    Ok(config)
}

/// The state an embed starts with: nothing of the learner's (an embed stores nothing), the
/// page and document of `config`, in its language (else `browser_lang`).
pub fn state(config: &EmbedConfig, browser_lang: Lang) -> AppState {
    let mut saved = Saved::default();
    if let (Some(doc), Some(key)) = (&config.doc, config.page.doc_key()) {
        saved.docs.insert(key, doc.clone());
    }
    let mut state = AppState::new(saved, &config.page.route(), browser_lang, None);
    // A widget shows the run as it is: a lesson's prediction card stays on its own page.
    state.embedded = true;
    state.predict = None;
    if let Some(lang) = config.lang {
        state.lang = lang;
    }
    state
}

/// The `<iframe>` that embeds `link` from the site at `site` (its absolute URL, ending in
/// `/`), with a height that shows the editor and the run without scrolling the widget at
/// documentation widths.
pub fn snippet(site: &str, link: &Link, lang: Lang) -> String {
    let payload = share::encode(link);
    let lang = match lang {
        Lang::En => "",
        Lang::Ko => "?lang=ko",
    };
    format!(
        "<iframe src=\"{site}embed/#/share/{payload}{lang}\" title=\"podlab: a Pod run by a simulated kubelet\" width=\"100%\" height=\"640\" style=\"border:1px solid #ccc;border-radius:6px\" loading=\"lazy\"></iframe>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn a_share_fragment_with_options() {
        let first = catalog::lessons()[0].id;
        let link = Link {
            lesson: Some(first.to_string()),
            doc: Doc {
                playhead: Some(1500),
                ..Doc::new("apiVersion: v1\nkind: Pod\n")
            },
        };
        let hash = format!("#/share/{}?lang=ko&theme=dark", share::encode(&link));
        let c = parse(&hash).expect("reads");
        assert_eq!(c.page, Page::lesson(first));
        assert_eq!(
            c.doc.as_ref().map(|d| d.manifest.as_str()),
            Some("apiVersion: v1\nkind: Pod\n")
        );
        assert_eq!(c.doc.as_ref().and_then(|d| d.playhead), Some(1500));
        assert_eq!(
            (c.lang, c.theme, c.readonly),
            (Some(Lang::Ko), Theme::Dark, false)
        );
        let s = state(&c, Lang::En);
        assert_eq!(s.lang, Lang::Ko);
        assert_eq!(s.doc().manifest, "apiVersion: v1\nkind: Pod\n");
    }

    #[test]
    fn a_lesson_fragment_and_odd_ones() {
        let first = catalog::lessons()[0].id;
        let c = parse(&format!("#/lesson/{first}?view=readonly&bogus")).expect("reads");
        assert_eq!(
            (c.page, c.doc, c.readonly),
            (Page::lesson(first), None, true)
        );
        assert_eq!(
            parse("#/sandbox").map(|c| c.page),
            Ok(Page::Sandbox(Origin::Own))
        );
        assert_eq!(parse(""), Err(EmbedError::UnknownPage));
        assert_eq!(parse("#/lessons"), Err(EmbedError::UnknownPage));
        assert!(matches!(parse("#/share/%%%"), Err(EmbedError::Share(_))));
    }

    #[test]
    fn the_snippet_carries_the_document() {
        let link = Link {
            lesson: None,
            doc: Doc::new("kind: Pod\n"),
        };
        let s = snippet("https://example.org/podlab/", &link, Lang::Ko);
        let src = s.split('"').nth(1).expect("a src");
        let hash = src
            .strip_prefix("https://example.org/podlab/embed/")
            .expect("the embed page");
        let c = parse(hash).expect("reads");
        assert_eq!(c.doc.map(|d| d.manifest), Some("kind: Pod\n".to_string()));
        assert_eq!(c.lang, Some(Lang::Ko));
    }

    /// A lesson with a prediction asked before the task (liveness) opens in the widget on
    /// its run, with no prediction card.
    #[test]
    fn an_embedded_lesson_asks_no_prediction() {
        let config = parse("#/lesson/liveness?view=readonly").expect("a lesson");
        let s = state(&config, Lang::En);
        assert!(s.predict.is_none());
        assert!(s.computed.run.is_some());
    }
}
