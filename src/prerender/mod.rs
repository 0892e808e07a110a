//! Static pages made at build time (native only): the app's own components rendered to HTML
//! with Yew's server-side rendering, for every lesson in English and Korean and for the
//! lesson list, so that each page's text, goals and starting manifest are readable before
//! any script runs (and with scripts off). In the browser the app then takes the page over
//! (see `crate::takeover`): it renders itself and drops the static copy in the same task.
//!
//! The components render here without a browser: any of them that reads `window`,
//! `localStorage` or the editor during render panics natively, and the tests in
//! [`tests`] render every page to hold them to it.

use yew::{BaseComponent, LocalServerRenderer};

use crate::catalog;
use crate::components::app::{App, AppProps, Prepared};
use crate::i18n::Lang;
use crate::state::{AppState, Origin, Page};
use crate::storage::Saved;

pub mod page;

#[cfg(test)]
mod tests;

/// One static page of the site.
#[derive(Debug, Clone, PartialEq)]
pub struct StaticPage {
    /// Where it is written, relative to the site's root, ending in `/` (`lessons/liveness/`).
    pub path: String,
    pub lang: Lang,
    pub page: Page,
    pub title: String,
    pub description: String,
}

/// The path of a page in a language (`ko/…` for Korean), relative to the site's root; None
/// for the pages that have no static copy (the sandbox).
pub fn page_path(page: &Page, lang: Lang) -> Option<String> {
    let prefix = match lang {
        Lang::En => "",
        Lang::Ko => "ko/",
    };
    match page {
        Page::Home => Some(format!("{prefix}lessons/")),
        Page::Lesson(id, Origin::Own) => Some(format!("{prefix}lessons/{id}/")),
        _ => None,
    }
}

/// Every static page: the lesson list and each lesson, in English and in Korean.
pub fn pages() -> Vec<StaticPage> {
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Ko] {
        let code = lang.code();
        let list_title = match lang {
            Lang::En => "Lessons — podlab: how Kubernetes runs a Pod",
            Lang::Ko => "레슨 목록 — podlab: 쿠버네티스가 파드를 실행하는 방법",
        };
        let list_description = match lang {
            Lang::En => {
                "Interactive lessons: edit a Pod's YAML and watch a simulated kubelet run it."
            }
            Lang::Ko => {
                "대화형 레슨: 파드 YAML을 고치고 시뮬레이션된 kubelet이 실행하는 모습을 보기."
            }
        };
        out.push(StaticPage {
            path: page_path(&Page::Home, lang).unwrap_or_default(),
            lang,
            page: Page::Home,
            title: list_title.to_string(),
            description: list_description.to_string(),
        });
        for entry in catalog::lessons() {
            let page = Page::lesson(entry.id);
            out.push(StaticPage {
                path: page_path(&page, lang).unwrap_or_default(),
                lang,
                page,
                title: format!("{} — podlab", entry.title(code)),
                description: entry.summary(code).to_string(),
            });
        }
    }
    out
}

/// The state a first visit to `page` in `lang` starts with: nothing saved, the page's own
/// language.
pub fn first_visit(page: &Page, lang: Lang) -> AppState {
    let mut state = AppState::new(Saved::default(), &page.route(), lang, None);
    state.lang = lang;
    state
}

/// The app's markup for `state`, rendered without a browser.
pub fn render_app(state: AppState) -> String {
    render::<App>(AppProps {
        prepared: Prepared::new(state),
    })
}

/// The markup of component `C` with `props`, rendered without a browser.
pub fn render<C: BaseComponent>(props: C::Properties) -> String {
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(rt) => rt,
        Err(e) => panic!("prerender: no tokio runtime: {e}"),
    };
    let local = tokio::task::LocalSet::new();
    local.block_on(
        &runtime,
        LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}
