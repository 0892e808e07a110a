//! The timeline's legend: every colour, outline and mark the timeline draws, each drawn as
//! the timeline draws it in a small fixed-size swatch, with what it means.

use super::timeline_lanes::probe_mark;
use crate::i18n::{t, Lang};
use podsim::kubelet::prober::ProbeResult;
use yew::prelude::*;

/// A swatch's size, in CSS pixels.
const W: f64 = 24.0;
const H: f64 = 14.0;

fn swatch(shape: Html) -> Html {
    html! {
        <svg class="swatch" width={W.to_string()} height={H.to_string()}
             viewBox={format!("0 0 {W} {H}")} aria-hidden="true" focusable="false">
            { shape }
        </svg>
    }
}

/// A bar of a segment kind, as the lanes draw it.
fn bar(kind: &'static str, height: f64) -> Html {
    let y = (H - height) / 2.0;
    swatch(html! {
        <g class={classes!("seg", kind)}>
            <rect x="1" y={y.to_string()} width={(W - 2.0).to_string()} height={height.to_string()} rx="2" />
        </g>
    })
}

fn item(shape: Html, text: &'static str) -> Html {
    html! { <li>{shape}<span>{text}</span></li> }
}

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub lang: Lang,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let lang = props.lang;
    let mid = H / 2.0;
    html! {
        <details class="legend" data-testid="legend" aria-label={t(lang, "legend")}>
            <summary>{t(lang, "legend")}</summary>
            <h4>{t(lang, "legend.containers")}</h4>
            <ul>
                { item(bar("seg-ready", 10.0), t(lang, "legend.ready")) }
                { item(bar("seg-running", 10.0), t(lang, "legend.running")) }
                { item(bar("seg-pending", 10.0), t(lang, "legend.pending")) }
                { item(bar("seg-blocked", 10.0), t(lang, "legend.blocked")) }
                { item(bar("seg-completed", 10.0), t(lang, "legend.completed")) }
                { item(bar("seg-failed", 10.0), t(lang, "legend.failed")) }
            </ul>
            <h4>{t(lang, "legend.rows")}</h4>
            <ul>
                { item(bar("seg-ready", 8.0), t(lang, "legend.cond.true")) }
                { item(bar("seg-pending", 8.0), t(lang, "legend.cond.false")) }
                { item(bar("seg-running", 10.0), t(lang, "legend.phase")) }
            </ul>
            <h4>{t(lang, "legend.marks.title")}</h4>
            <ul>
                { item(swatch(probe_mark(W / 2.0, mid, ProbeResult::Success, String::new())), t(lang, "legend.probe.success")) }
                { item(swatch(probe_mark(W / 2.0, mid, ProbeResult::Failure, String::new())), t(lang, "legend.probe.failure")) }
                { item(swatch(probe_mark(W / 2.0, mid, ProbeResult::Unknown, String::new())), t(lang, "legend.probe.unknown")) }
                { item(swatch(html! {
                    <g class="restart">
                        <line x1="6" x2="6" y1="0" y2={H.to_string()} />
                        <text x="8" y="10">{"↻"}</text>
                    </g>
                }), t(lang, "legend.restart")) }
                { item(swatch(html! {
                    <path class="event event-warning" d="M7 2L17 2L12 12Z" />
                }), t(lang, "legend.event.warning")) }
                { item(swatch(html! {
                    <circle class="event event-normal" cx="12" cy={mid.to_string()} r="3" />
                }), t(lang, "legend.event.normal")) }
                { item(swatch(html! {
                    <line class="cursor" x1="12" x2="12" y1="0" y2={H.to_string()} />
                }), t(lang, "legend.playhead")) }
                { item(swatch(html! {
                    <g class="playhead-beyond"><path d="M8 2L16 7L8 12Z" /></g>
                }), t(lang, "legend.beyond")) }
                { item(swatch(html! {
                    <g class="deletion"><line x1="12" x2="12" y1="0" y2={H.to_string()} /></g>
                }), t(lang, "legend.delete")) }
                { item(swatch(html! {
                    <g class="gone"><rect x="1" y="1" width={(W - 2.0).to_string()} height={(H - 2.0).to_string()} /></g>
                }), t(lang, "legend.gone")) }
            </ul>
        </details>
    }
}
