//! The embeddable widget (`/embed/`, configured by `crate::embed`): the manifest — in the
//! editor, or as text — and the run (timeline and kubectl views), compact enough for a
//! documentation column and usable on a phone. It keeps everything in memory: it saves
//! nothing, registers no service worker and follows no link inside the frame.

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::app::{apply_theme, is_dark, Prepared};
use super::editor_pane::EditorPane;
use super::result_pane::ResultPane;
use crate::i18n::{t, Lang};
use crate::state::{Action, AppState, Store};
use crate::storage::Theme;

#[derive(Properties, PartialEq, Default)]
pub struct EmbedProps {
    /// The start-up state (`crate::embed::state`).
    pub prepared: Prepared,
    pub theme: Theme,
    pub readonly: bool,
}

#[component]
pub fn Embed(props: &EmbedProps) -> Html {
    let prepared = props.prepared.clone();
    let store: Store = use_reducer(move || {
        prepared
            .take()
            .unwrap_or_else(|| crate::embed::state(&crate::embed::EmbedConfig::default(), Lang::En))
    });
    let dispatch = store.dispatcher();
    {
        let lang = store.lang;
        use_effect_with((props.theme, lang), |(theme, lang)| {
            apply_theme(*theme, *lang)
        });
    }
    // The playback clock: 50 ms ticks while playing.
    {
        let dispatch = dispatch.clone();
        use_effect_with(store.playing, move |playing| {
            let interval =
                playing.then(|| Interval::new(50, move || dispatch.dispatch(Action::Tick(50))));
            move || drop(interval)
        });
    }
    let s: &AppState = &store;
    let lang = s.lang;
    let title = s
        .lesson()
        .map(|l| l.title.get(lang.code()).to_string())
        .unwrap_or_else(|| t(lang, "sandbox").to_string());
    html! {
        <div class="embed" data-testid="embed">
            <p class="embed-bar">
                <a href="../" target="_blank" rel="noopener" class="brand">{"podlab"}</a>
                <span class="embed-title">{title}</span>
            </p>
            <main class="embed-regions">
                if props.readonly {
                    <section class="region editor" aria-label={t(lang, "manifest")}>
                        <pre class="embed-manifest" data-testid="embed-manifest" tabindex="0">{ &s.computed.text }</pre>
                    </section>
                } else {
                    <EditorPane {lang} computed={s.computed.clone()} revision={s.revision}
                                page={s.page.clone()} has_shared={false}
                                dark={is_dark(props.theme)} show_defaulted={false}
                                dispatch={dispatch.clone()} />
                }
                <ResultPane {lang} computed={s.computed.clone()} cursor={s.cursor()}
                            playing={s.playing} speed={s.speed()} tab={s.tab()}
                            faults={s.doc().events.clone()} dispatch={dispatch.clone()} />
            </main>
        </div>
    }
}
