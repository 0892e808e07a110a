//! The page header: the name, navigation (lessons, sandbox), language and theme switches, and
//! the share-link button.

use super::app::Store;
use crate::i18n::{t, Lang};
use crate::share::{self, Shared};
use crate::state::{Action, Page};
use crate::storage::Theme;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub store: Store,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let nav = |page: Page| {
        let store = store.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            store.dispatch(Action::Navigate(page.clone()));
        })
    };
    let on_lang = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::SetLang(store.lang.other())))
    };
    let on_theme = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let theme = match v.as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::System,
            };
            store.dispatch(Action::SetTheme(theme));
        })
    };
    let on_share = {
        let store = store.clone();
        Callback::from(move |_| {
            let doc = store.doc();
            let payload = share::encode(&Shared {
                v: 1,
                manifest: doc.text.clone(),
                events: doc.faults.clone(),
            });
            let Some(window) = web_sys::window() else {
                return;
            };
            let href = window.location().href().unwrap_or_default();
            let base = href.split('#').next().unwrap_or_default().to_string();
            let link = format!("{base}#/share/{payload}");
            let clipboard = window.navigator().clipboard();
            let _ = clipboard.write_text(&link);
            store.dispatch(Action::Notice("share.copied"));
        })
    };
    let current = |p: &Page| {
        let here = match (&store.page, p) {
            (Page::Lesson(_), Page::Home) => true,
            (a, b) => a == b,
        };
        here.then_some("page")
    };
    let theme_value = match store.saved.theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    html! {
        <header class="app-header">
            <a class="brand" href="#/lessons" onclick={nav(Page::Home)}>{"podlab"}</a>
            <p class="tagline">{t(lang, "tagline")}</p>
            <nav class="main-nav" aria-label="podlab">
                <a href="#/lessons" onclick={nav(Page::Home)} aria-current={current(&Page::Home)}
                   data-testid="nav-lessons">{t(lang, "lessons")}</a>
                <a href="#/sandbox" onclick={nav(Page::Sandbox)} aria-current={current(&Page::Sandbox)}
                   data-testid="nav-sandbox">{t(lang, "sandbox")}</a>
            </nav>
            <div class="header-tools">
                if store.page != Page::Home {
                    <button type="button" class="share" onclick={on_share} data-testid="share">{t(lang, "share")}</button>
                }
                <button type="button" class="lang" onclick={on_lang} data-testid="lang-switch"
                        aria-label={t(lang, "language")}>
                    { match lang { Lang::En => "한국어", Lang::Ko => "English" } }
                </button>
                <label class="theme">
                    <span class="visually-hidden">{t(lang, "theme")}</span>
                    <select onchange={on_theme} data-testid="theme" aria-label={t(lang, "theme")}>
                        <option value="system" selected={theme_value == "system"}>{t(lang, "theme.system")}</option>
                        <option value="light" selected={theme_value == "light"}>{t(lang, "theme.light")}</option>
                        <option value="dark" selected={theme_value == "dark"}>{t(lang, "theme.dark")}</option>
                    </select>
                </label>
            </div>
        </header>
    }
}
