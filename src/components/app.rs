//! The root component: owns the one reducer and wires the page to the world — history and
//! links (see `navigation`), share links, persistence (every change saved at once), the colour
//! theme, the playback clock, the lessons parsed while the page is idle — and lays out the
//! page: header, notice, then the lesson list or the three regions (lesson, editor, run) with
//! the success message above the editor and, on a phone, the switcher between the regions.
//! Each child gets only the part of the state it shows.

use gloo_timers::callback::Interval;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::cluster_picker::ClusterPicker;
use super::editor_pane::EditorPane;
use super::header::Header;
use super::home::Home;
use super::lesson_done::LessonDone;
use super::lesson_pane::LessonPane;
use super::notice::Notice;
use super::pane_switcher::PaneSwitcher;
use super::prediction::{self, PredictionCard};
use super::result_pane::ResultPane;
use super::solution_diff::SolutionDiff;
use crate::catalog;
use crate::i18n::{t, Lang};
use crate::navigation::{self, location_hash, replace_route};
use crate::share::{self, Link};
use crate::state::{Action, AppState, Origin, Page, Route, Store};
use crate::storage::{self, Theme, Unreadable};

/// The colour theme and language on `<html>` (the app's and the embed's).
pub(crate) fn apply_theme(theme: Theme, lang: Lang) {
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
        Theme::System => {
            crate::IN_BROWSER && DARK_QUERY.with(|q| q.as_ref().is_some_and(|m| m.matches()))
        }
    }
}

/// The state at start-up: what was saved, the location's fragment (deep and share links),
/// and the first analysis of the document on screen.
pub fn initial_state() -> AppState {
    initial_state_on(None)
}

/// The state at start-up on a static page (`prerender`) showing `route` in `lang`: that page,
/// in that language, unless the location's fragment names another page.
pub fn initial_state_on(static_page: Option<(&str, Lang)>) -> AppState {
    let loaded = storage::load();
    let notice = loaded.set_aside.map(|why| match why {
        Unreadable::Damaged => "storage.reset",
        Unreadable::Newer => "storage.newer",
    });
    let mut hash = location_hash();
    if let (Route::Start, Some((route, _))) = (Route::parse(&hash), static_page) {
        hash = route.to_string();
    }
    let mut state = AppState::new(loaded.saved, &hash, crate::takeover::browser_lang(), notice);
    if let Some((_, lang)) = static_page {
        state.lang = lang;
    }
    let state = Rc::new(state);
    let state = match Route::parse(&hash) {
        // A share link opens in its own copy: nothing of the learner's is replaced.
        Route::Share(_) => state.reduce(navigation::action_for(&hash)),
        _ => state,
    };
    Rc::unwrap_or_clone(state)
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

impl Prepared {
    /// The state, the first time it is asked for.
    pub fn take(&self) -> Option<AppState> {
        self.0.borrow_mut().take()
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

/// Copy a share link of the current document (and its lesson) to the clipboard.
fn copy_share_link(state: &AppState) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let doc = state.doc();
    let payload = share::encode(&Link {
        lesson: state.page.lesson_id().map(str::to_string),
        doc: storage::Doc {
            shared: None,
            ..doc.into_owned()
        },
    });
    let href = window.location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default().to_string();
    let link = format!("{base}#/share/{payload}");
    let _ = window.navigator().clipboard().write_text(&link);
    true
}

/// Copy an `<iframe>` snippet embedding the current document (see `crate::embed`).
fn copy_embed_code(state: &AppState) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let base = window
        .document()
        .and_then(|d| d.query_selector("meta[name=podlab-base]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_else(|| "/".into());
    let origin = window.location().origin().unwrap_or_default();
    let link = Link {
        lesson: state.page.lesson_id().map(str::to_string),
        doc: storage::Doc {
            shared: None,
            ..state.doc().into_owned()
        },
    };
    let code = crate::embed::snippet(&format!("{origin}{base}"), &link, state.lang);
    let _ = window.navigator().clipboard().write_text(&code);
    true
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let prepared = props.prepared.clone();
    let store: Store =
        use_reducer(move || prepared.0.borrow_mut().take().unwrap_or_else(initial_state));
    let dispatch = store.dispatcher();

    use_effect_with((), |_| {
        // The page is interactive: the children's effects (the editor) have run.
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark("podlab-interactive");
        }
        warm_lessons_when_idle()
    });
    // The other lessons' texts in the learner's language, once the page is loaded and idle.
    use_effect_with(store.lang, |lang| {
        crate::lesson_text::prefetch_when_idle(*lang)
    });
    // Persist every change at once. When the browser will not keep it (storage full or
    // disabled, or more than podlab reads back), say so once, until saving works again.
    {
        let saved = store.saved.clone();
        let failing = use_mut_ref(|| false);
        let dispatch = dispatch.clone();
        use_effect_with(saved, move |saved| {
            let ok = storage::save(saved).is_ok();
            if !ok && !*failing.borrow() {
                dispatch.dispatch(Action::Notice("storage.full"));
            }
            *failing.borrow_mut() = !ok;
        });
    }
    // The address shows the page; a correction (a visit's start, a share link opened into
    // its copy) replaces the history entry. Followed links added theirs already.
    {
        let route = store.page.route();
        use_effect_with(route, |route| replace_route(route));
    }
    // Theme and language on <html>.
    {
        let theme = store.saved.settings.theme;
        let lang = store.lang;
        use_effect_with((theme, lang), |(theme, lang)| apply_theme(*theme, *lang));
    }
    // Links, Back and Forward.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listeners = navigation::watch(dispatch);
            move || drop(listeners)
        });
    }
    // The playback clock: 50 ms ticks while playing.
    {
        let dispatch = dispatch.clone();
        let playing = store.playing;
        use_effect_with(playing, move |playing| {
            let interval =
                playing.then(|| Interval::new(50, move || dispatch.dispatch(Action::Tick(50))));
            move || drop(interval)
        });
    }
    // The share button reads the state when pressed: the header does not redraw at each edit.
    let latest = use_mut_ref(|| store.clone());
    *latest.borrow_mut() = store.clone();
    // Export reads the saved progress when pressed.
    let on_export_progress = {
        let latest = latest.clone();
        use_callback((), move |_: (), _| {
            let text = storage::serialize(&latest.borrow().saved);
            let _ = crate::bridge::files::download("podlab-progress.json", &text);
        })
    };
    let on_share = {
        let dispatch = dispatch.clone();
        let latest = latest.clone();
        use_callback((), move |_: (), _| {
            if copy_share_link(&latest.borrow()) {
                dispatch.dispatch(Action::Notice("share.copied"));
            }
        })
    };
    let on_embed = {
        let dispatch = dispatch.clone();
        use_callback((), move |_: MouseEvent, _| {
            if copy_embed_code(&latest.borrow()) {
                dispatch.dispatch(Action::Notice("embed.copied"));
            }
        })
    };

    let s: &AppState = &store;
    let lang = s.lang;
    let done: Rc<BTreeSet<String>> = Rc::new(
        s.saved
            .lessons
            .iter()
            .filter(|(_, p)| p.done)
            .map(|(id, _)| id.clone())
            .collect(),
    );
    let body = match &s.page {
        Page::Home => {
            let predictions: Rc<BTreeMap<String, (usize, usize)>> = Rc::new(
                s.saved
                    .lessons
                    .iter()
                    .map(|(id, p)| {
                        let right = p.predictions.values().filter(|r| **r).count();
                        (id.clone(), (right, p.predictions.len()))
                    })
                    .collect(),
            );
            html! { <Home {lang} done={done.clone()} {predictions} on_export={on_export_progress}
            dispatch={Some(dispatch.clone())} /> }
        }
        page => {
            let lesson = s.lesson();
            let goals_met = s.computed.all_goals_met();
            let shared = page.copy() == Origin::Shared;
            // An open prediction shows its own run, with its card above it.
            let started = s.started_prediction();
            let shown = started.map_or(s.computed.clone(), |p| p.computed().clone());
            let prediction = s.predict.as_ref().map(|p| {
                (
                    html! { <PredictionCard {lang} open={p.clone()} dispatch={dispatch.clone()} /> },
                    started.map(|p| Rc::new(prediction::overlay(lang, p))),
                )
            });
            html! {
                <>
                    <main class="regions" id="main" data-pane={pane_name(s)}>
                        <LessonPane {lang} lesson={lesson.clone()} goals={s.computed.goals.clone()}
                                    hints_shown={s.hints_shown()} dispatch={dispatch.clone()}
                                    done={done.clone()} />
                        // The work: beside the lesson, it stays in view while the page scrolls.
                        <div class="work">
                            if let (Some(lesson), true) = (&lesson, goals_met) {
                                <LessonDone {lang} lesson={lesson.clone()} done={done.clone()} {shared}
                                            dispatch={dispatch.clone()} />
                            }
                            if let (Some(lesson), true) = (&lesson, s.diff) {
                                <SolutionDiff {lang} mine={Rc::<str>::from(s.computed.text.as_str())}
                                              solution={Rc::<str>::from(lesson.solution.as_str())}
                                              done={goals_met} dispatch={dispatch.clone()} />
                            }
                            <EditorPane {lang} computed={s.computed.clone()} revision={s.revision}
                                        page={s.page.clone()} has_shared={s.has_shared_copy()}
                                        dark={is_dark(s.saved.settings.theme)}
                                        show_defaulted={s.saved.settings.show_defaulted}
                                        highlights={Rc::new(s.why.field_ranges(s.computed.run.as_ref().map(|r| &r.timeline)))}
                                        dispatch={dispatch.clone()} />
                            if matches!(page, Page::Sandbox(_)) {
                                <p class="embed-code">
                                    <button type="button" data-testid="copy-embed" onclick={on_embed.clone()}>
                                        {t(lang, "embed.copy")}
                                    </button>
                                </p>
                            }
                        </div>
                        <ResultPane {lang} computed={shown} cursor={s.shown_cursor()} {prediction}
                                    playing={s.playing} speed={s.speed()} tab={s.tab()}
                                    faults={s.doc().events.clone()} dispatch={dispatch.clone()}
                                    why={s.why.clone()} caused={s.why.caused.clone()}>
                            <ClusterPicker {lang} spec={s.computed.cluster.clone()}
                                           pinned={crate::state::cluster::pinned(lesson.as_deref())}
                                           customised={!s.doc().cluster.is_default()}
                                           compare={s.compare} open={s.cluster_open}
                                           dispatch={dispatch.clone()} />
                        </ResultPane>
                    </main>
                    <PaneSwitcher {lang} pane={s.pane} dispatch={dispatch.clone()}
                                  goals={s.computed.goals.clone()} problems={s.computed.error_count()}
                                  stale={s.computed.stale} />
                </>
            }
        }
    };
    html! {
        <div class="app">
            <a class="skip-link" href="#main" data-skip="">{t(lang, "skip")}</a>
            <Header {lang} page={s.page.clone()} theme={s.saved.settings.theme}
                    dispatch={dispatch.clone()} {on_share} />
            <Notice {lang} notice={s.notice} dispatch={dispatch.clone()}
                    own={s.page.with_copy(Origin::Own)} />
            { body }
        </div>
    }
}

fn pane_name(s: &AppState) -> &'static str {
    match s.pane {
        crate::state::Pane::Lesson => "lesson",
        crate::state::Pane::Editor => "editor",
        crate::state::Pane::Run => "run",
    }
}
