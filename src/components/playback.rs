//! Playback controls: play/pause, speed (1×, 10×, 60×, max), previous/next event, a slider
//! that scrubs the playhead, and a box to jump to a typed time (`90s`, `2m30s`).

use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, MAX_SPEED, SPEEDS};
use podsim::time::Millis;
use podsim::time::{clock, parse_duration};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Small inline icons, so the controls do not depend on the fonts installed.
fn icon(kind: &str) -> Html {
    let d = match kind {
        "play" => "M5 3l12 7-12 7z",
        "pause" => "M4 3h4v14H4zM12 3h4v14h-4z",
        "prev" => "M4 3h3v14H4zM17 3v14L8 10z",
        _ => "M13 3h3v14h-3zM3 3v14l9-7z",
    };
    html! {
        <svg class="icon" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true"><path d={d} /></svg>
    }
}

#[derive(Properties, PartialEq)]
pub struct PlaybackProps {
    pub lang: Lang,
    pub cursor: Millis,
    pub until: Millis,
    pub playing: bool,
    pub speed: u32,
    pub dispatch: Dispatch,
}

#[component]
pub fn Playback(props: &PlaybackProps) -> Html {
    let lang = props.lang;
    let (cursor, until, playing) = (props.cursor, props.until, props.playing);
    let jump_error = use_state(|| false);
    let on_play = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(if playing { Action::Pause } else { Action::Play })
        })
    };
    let step = |next: bool| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::StepEvent(next)))
    };
    let on_speed = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(Action::SetSpeed(v.parse().unwrap_or(10)));
        })
    };
    let on_slide = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(ms) = v.parse::<u64>() {
                dispatch.dispatch(Action::Seek(ms));
            }
        })
    };
    let on_jump = {
        let dispatch = props.dispatch.clone();
        let jump_error = jump_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(form) = e.target_dyn_into::<web_sys::HtmlFormElement>() else {
                return;
            };
            let Some(input) = form
                .elements()
                .named_item("t")
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(el).ok())
            else {
                return;
            };
            match parse_duration(&input.value()) {
                Ok(ms) => {
                    jump_error.set(false);
                    dispatch.dispatch(Action::Seek(ms));
                }
                Err(_) => jump_error.set(true),
            }
        })
    };
    let speed = props.speed;
    html! {
        <div class="playback" role="group" aria-label={t(lang, "playback")}>
            <button type="button" onclick={on_play} data-testid="play"
                    aria-pressed={if playing { "true" } else { "false" }}
                    aria-label={t(lang, if playing { "pause" } else { "play" })}>
                { icon(if playing { "pause" } else { "play" }) }
            </button>
            <button type="button" onclick={step(false)} aria-label={t(lang, "prev.event")} data-testid="prev-event">{icon("prev")}</button>
            <button type="button" onclick={step(true)} aria-label={t(lang, "next.event")} data-testid="next-event">{icon("next")}</button>
            <label class="speed">
                <span class="visually-hidden">{t(lang, "speed")}</span>
                <select onchange={on_speed} aria-label={t(lang, "speed")} data-testid="speed">
                    { for SPEEDS.iter().map(|s| html! {
                        <option value={s.to_string()} selected={*s == speed}>
                            { if *s == MAX_SPEED { t(lang, "speed.max").to_string() } else { format!("{s}×") } }
                        </option>
                    }) }
                </select>
            </label>
            <input type="range" class="scrubber" min="0" max={until.to_string()} step="100"
                   value={cursor.to_string()} oninput={on_slide} data-testid="scrubber"
                   aria-label={t(lang, "cursor")} aria-valuetext={clock(cursor)} />
            <output class="cursor-time" data-testid="cursor-time" aria-live="off">{clock(cursor)}</output>
            <form class="jump" onsubmit={on_jump}>
                <input name="t" type="text" size="6" placeholder="1m30s" aria-label={t(lang, "jump")}
                       aria-invalid={jump_error.then_some("true")} data-testid="jump" />
                <button type="submit" aria-label={t(lang, "jump.go")} data-testid="jump-go">{"↵"}</button>
            </form>
        </div>
    }
}
