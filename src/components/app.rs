//! The root component: owns the one reducer, wires the URL hash (deep links, share links),
//! persistence (every change saved at once), the colour theme and the playback clock, the
//! lessons parsed while the page is idle, and lays out the page: header, then home or the
//! three regions (lesson, editor, result).

use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::editor_pane::EditorPane;
use super::header::Header;
use super::home::Home;
use super::lesson_pane::LessonPane;
use super::notice::Notice;
use super::result_pane::ResultPane;
use crate::catalog;
use crate::i18n::{t, Lang};
use crate::share;
use crate::state::{Action, AppState, Page};
use crate::storage::{self, Theme};

/// The shared state and its dispatcher, for every component below the root.
pub type Store = UseReducerHandle<AppState>;

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn browser_lang() -> Lang {
    let lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if lang.starts_with("ko") {
        Lang::Ko
    } else {
        Lang::En
    }
}

fn set_hash(route: &str) {
    if let Some(w) = web_sys::window() {
        if location_hash() != route {
            if let Ok(h) = w.history() {
                let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(route));
            }
        }
    }
}

fn apply_theme(theme: Theme, lang: Lang) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let value = match theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    match value {
        Some(v) => {
            let _ = root.set_attribute("data-theme", v);
        }
        None => {
            let _ = root.remove_attribute("data-theme");
        }
    }
    let _ = root.set_attribute("lang", lang.code());
}

thread_local! {
    /// The system's colour-scheme query, made once (views ask at every render).
    static DARK_QUERY: Option<web_sys::MediaQueryList> = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
}

/// Whether the page is dark right now (explicit choice, else the system's).
pub fn is_dark(theme: Theme) -> bool {
    match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => DARK_QUERY.with(|q| q.as_ref().is_some_and(|m| m.matches())),
    }
}

/// The state at start-up: what was saved, the location hash (deep and share links), and the
/// first analysis of the document on screen.
pub fn initial_state() -> AppState {
    let (saved, reset) = storage::load();
    let hash = location_hash();
    let mut state = AppState::new(saved, &hash, browser_lang(), reset);
    // A share link replaces the sandbox's document (the learner's own text is kept
    // under its lesson keys).
    if let Some(payload) = hash.strip_prefix("#/share/") {
        state = match share::decode(payload) {
            Ok(shared) => (*Rc::new(state).reduce(Action::LoadShare(shared))).clone(),
            Err(_) => (*Rc::new(state).reduce(Action::Notice("share.bad"))).clone(),
        };
    }
    state
}

/// A start-up state made before the app renders (see `main`): the first analysis then runs
/// before Yew's scheduler starts, so the first render and its effects (the editor) fit in one
/// scheduler run instead of being split by a yield and a frame. Taken once; compares equal.
#[derive(Clone, Default)]
pub struct Prepared(Rc<RefCell<Option<AppState>>>);

impl Prepared {
    pub fn new(state: AppState) -> Self {
        Prepared(Rc::new(RefCell::new(Some(state))))
    }
}

impl PartialEq for Prepared {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The start-up state, if it was made already (else the app makes it).
    #[prop_or_default]
    pub prepared: Prepared,
}

/// While the page is idle after start-up, parse the lessons not opened yet, one per idle
/// period: opening one is then instant, and the engine's YAML code has run enough to be
/// optimised (a first large input in freshly compiled wasm takes about twice as long).
fn warm_lessons_when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let next = Closure::once_into_js(|| {
        if catalog::parse_one_more() {
            warm_lessons_when_idle();
        }
    });
    if window.request_idle_callback(next.unchecked_ref()).is_err() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 50);
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let prepared = props.prepared.clone();
    let store = use_reducer(move || prepared.0.borrow_mut().take().unwrap_or_else(initial_state));

    use_effect_with((), |_| warm_lessons_when_idle());
    // Persist every change at once. When the browser will not keep it (storage full or
    // disabled, or more than podlab reads back), say so once, until saving works again.
    {
        let saved = store.saved.clone();
        let failing = use_mut_ref(|| false);
        let store = store.clone();
        use_effect_with(saved, move |saved| {
            let ok = storage::save(saved).is_ok();
            if !ok && !*failing.borrow() {
                store.dispatch(Action::Notice("storage.full"));
            }
            *failing.borrow_mut() = !ok;
        });
    }
    // Keep the URL hash on the page's deep link.
    {
        let route = store.page.route();
        use_effect_with(route, |route| set_hash(route));
    }
    // Theme and language on <html>.
    {
        let theme = store.saved.theme;
        let lang = store.lang;
        use_effect_with((theme, lang), |(theme, lang)| apply_theme(*theme, *lang));
    }
    // Follow back/forward and typed hashes.
    {
        let store = store.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || {
                let hash = location_hash();
                if let Some(payload) = hash.strip_prefix("#/share/") {
                    match share::decode(payload) {
                        Ok(shared) => store.dispatch(Action::LoadShare(shared)),
                        Err(_) => store.dispatch(Action::Notice("share.bad")),
                    }
                } else {
                    store.dispatch(Action::Navigate(Page::from_route(&hash)));
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    // The playback clock: 50 ms ticks while playing.
    {
        let store = store.clone();
        let playing = store.playing;
        use_effect_with(playing, move |playing| {
            let interval =
                playing.then(|| Interval::new(50, move || store.dispatch(Action::Tick(50))));
            move || drop(interval)
        });
    }

    let body = match &store.page {
        Page::Home => html! { <Home store={store.clone()} /> },
        _ => html! {
            <main class="regions" id="main">
                <LessonPane store={store.clone()} />
                <EditorPane store={store.clone()} />
                <ResultPane store={store.clone()} />
            </main>
        },
    };
    html! {
        <div class="app">
            <a class="skip-link" href="#main">{t(store.lang, "skip")}</a>
            <Header store={store.clone()} />
            <Notice store={store.clone()} />
            { body }
        </div>
    }
}
