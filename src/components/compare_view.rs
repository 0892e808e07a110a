//! Compare versions (issue 20): the same manifest run on the learner's cluster and on a
//! second one, drawn one above the other on ONE time axis (one window: the same scale, zoom
//! and pan for both, with the timeline's own lane drawing), the first difference marked on
//! both at the same x and told in a sentence (status fields, an event, a probe run, a log line
//! or the deletion, from `sim::Difference`), or "no difference in the first N"; when the two
//! apiservers answer the text differently, that is said first, with both answers.

use super::timeline_lanes::{layout, Geometry, TimelineLanes};
use crate::chart::Window;
use crate::i18n::{t, Lang};
use crate::state::computed::Compared;
use crate::state::Run;
use podsim::api::Diagnostic;
use podsim::cluster::ClusterSpec;
use podsim::sim::compare::Differs;
use podsim::sim::Difference;
use podsim::time::{clock, Millis};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    /// The learner's cluster and its run (None: it did not run).
    pub cluster: ClusterSpec,
    pub run: Option<Rc<Run>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The second cluster's run and the first difference.
    pub compared: Rc<Compared>,
    pub until: Millis,
}

/// What differs, one clause per aspect.
fn clauses(lang: Lang, d: &Difference) -> Vec<String> {
    let none = || t(lang, "compare.nothing").to_string();
    d.what
        .iter()
        .map(|w| match w {
            Differs::Status { paths } => {
                format!("{} {}", t(lang, "compare.status"), paths.join(", "))
            }
            Differs::Event { left, right } => {
                // The same words at two instants: the instants are what differs.
                let timed = matches!((left, right), (Some(a), Some(b)) if a.t_ms != b.t_ms);
                let side = |e: &Option<podsim::sim::timeline::EventRecord>| {
                    e.as_ref()
                        .map(|e| {
                            let at = if timed {
                                format!(" ({})", clock(e.t_ms))
                            } else {
                                String::new()
                            };
                            format!("{}{at} \"{}\"", e.reason, e.message)
                        })
                        .unwrap_or_else(none)
                };
                format!(
                    "{} {} ↔ {}",
                    t(lang, "compare.event"),
                    side(left),
                    side(right)
                )
            }
            Differs::Probe { left, right } => {
                let side = |p: &Option<podsim::sim::timeline::ProbeRecord>| {
                    p.as_ref()
                        .map(|p| format!("{} {:?} {:?}", p.container, p.probe, p.result))
                        .unwrap_or_else(none)
                };
                format!(
                    "{} {} ↔ {}",
                    t(lang, "compare.probe"),
                    side(left),
                    side(right)
                )
            }
            Differs::Log { left, right } => {
                let side = |l: &Option<podsim::sim::compare::LoggedLine>| {
                    l.as_ref()
                        .map(|l| format!("{}: \"{}\"", l.container, l.line.text))
                        .unwrap_or_else(none)
                };
                format!(
                    "{} {} ↔ {}",
                    t(lang, "compare.log"),
                    side(left),
                    side(right)
                )
            }
            Differs::Deletion { .. } => t(lang, "compare.deletion").to_string(),
        })
        .collect()
}

/// The sentence under the two runs.
fn sentence(lang: Lang, c: &Compared, both_ran: bool, until: Millis) -> String {
    match (&c.first, both_ran) {
        (Some(d), _) => format!(
            "{} {}: {}.",
            t(lang, "compare.first"),
            clock(d.at),
            clauses(lang, d).join("; ")
        ),
        (None, true) => format!(
            "{} {}{}",
            t(lang, "compare.same"),
            clock(until),
            t(lang, "compare.same.end")
        ),
        (None, false) => t(lang, "compare.not-both").to_string(),
    }
}

fn side_label(lang: Lang, spec: &ClusterSpec, own: bool) -> String {
    let mut label = format!("Kubernetes {}", spec.version().as_str());
    if own {
        label.push_str(&format!(" — {}", t(lang, "compare.yours")));
    } else {
        label.push_str(&format!(" — {}", t(lang, "compare.defaults")));
    }
    label
}

fn diagnostics_list(list: &[Diagnostic], testid: &'static str) -> Html {
    html! {
        <ul class="compare-diagnostics" data-testid={testid}>
            { for list.iter().map(|d| html! { <li><code>{d.message.clone()}</code></li> }) }
        </ul>
    }
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let lang = props.lang;
    let until = props.until;
    let c = &props.compared;
    let mark = c.first.as_ref().map(|d| d.at);
    // One window for both runs; first the span where this run's changes happen, widened to
    // hold the difference.
    let window = {
        let first = props
            .run
            .as_ref()
            .map(|r| Window::first_view(&r.lanes, until));
        use_state(move || match (first, mark) {
            (Some(w), Some(m)) if m + m / 4 > w.end => Window {
                start: 0,
                end: (m + m / 4).min(until.max(1000)),
            },
            (Some(w), _) => w,
            (None, _) => Window::all(until),
        })
    };
    let w = if window.end > until.max(1000) {
        Window::all(until)
    } else {
        *window
    };
    let width = use_state_eq(|| 640.0_f64);
    let boxed = use_node_ref();
    {
        let boxed = boxed.clone();
        let width = width.clone();
        use_effect(move || {
            if let Some(el) = boxed.cast::<web_sys::Element>() {
                let px = el.client_width() as f64;
                if px > 0.0 {
                    width.set(px.round());
                }
            }
        });
    }
    let g = Geometry::for_width(*width);
    let set = |f: Rc<dyn Fn(Window) -> Window>| {
        let window = window.clone();
        Callback::from(move |_| window.set(f(w)))
    };
    let zoom_in = set(Rc::new(move |w: Window| {
        w.zoom_at(0.5, mark.unwrap_or((w.start + w.end) / 2), until)
    }));
    let zoom_out = set(Rc::new(move |w: Window| {
        w.zoom_at(2.0, mark.unwrap_or((w.start + w.end) / 2), until)
    }));
    let left = set(Rc::new(move |w: Window| w.pan(-0.5, until)));
    let right = set(Rc::new(move |w: Window| w.pan(0.5, until)));
    let whole = set(Rc::new(move |_| Window::all(until)));

    let draw = |run: &Option<Rc<Run>>, label: String, testid: &'static str| match run {
        Some(run) => {
            let height = layout(&run.lanes).height;
            let marker = mark.filter(|m| w.contains(*m)).map(|m| {
                let x = w.x(m, g.x0, g.x1);
                html! {
                    <g class="diff-mark" data-testid="diff-mark" data-at={m.to_string()}>
                        <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1="0" y2={format!("{height:.0}")} />
                        <title>{format!("{} {}", t(lang, "compare.first"), clock(m))}</title>
                    </g>
                }
            });
            html! {
                <figure class="compare-side" data-testid={testid}>
                    <figcaption>{label.clone()}</figcaption>
                    <svg class="chart" viewBox={format!("0 0 {} {height:.0}", g.w)} role="img"
                         aria-label={format!("{label}: {} {} – {}", t(lang, "timeline"), clock(w.start), clock(w.end))}>
                        <TimelineLanes lanes={run.lanes.clone()} window={w} geometry={g} {lang} />
                        { for marker }
                    </svg>
                </figure>
            }
        }
        None => html! {
            <figure class="compare-side" data-testid={testid}>
                <figcaption>{label}</figcaption>
                <p class="muted">{t(lang, "compare.no-run")}</p>
            </figure>
        },
    };
    let both_ran = props.run.is_some() && c.run.is_some();
    let other_error = c.sim_error.clone();
    html! {
        <section class="compare" data-testid="compare" aria-labelledby="compare-title" ref={boxed}>
            <h3 id="compare-title">{format!("{} {} ↔ {}", t(lang, "compare.title"),
                props.cluster.version().as_str(), c.other.version().as_str())}</h3>
            if c.validation_differs {
                <div class="compare-validation" data-testid="compare-validation" role="note">
                    <p><strong>{t(lang, "compare.validation")}</strong></p>
                    <p>{side_label(lang, &props.cluster, true)}</p>
                    { diagnostics_list(&props.diagnostics, "compare-left-diagnostics") }
                    <p>{side_label(lang, &c.other, false)}</p>
                    { diagnostics_list(&c.diagnostics, "compare-right-diagnostics") }
                </div>
            }
            <p class="compare-sentence" data-testid="compare-sentence" aria-live="polite">
                {sentence(lang, c, both_ran, until)}
            </p>
            if let Some(err) = other_error {
                <p class="status-bad" role="alert" data-testid="compare-error">{err}</p>
            }
            <div class="timeline-tools" role="group" aria-label={t(lang, "timeline.view")}>
                <button type="button" onclick={left} aria-label={t(lang, "pan.left")} data-testid="compare-pan-left">{"←"}</button>
                <button type="button" onclick={zoom_in} aria-label={t(lang, "zoom.in")} data-testid="compare-zoom-in">{"+"}</button>
                <button type="button" onclick={zoom_out} aria-label={t(lang, "zoom.out")} data-testid="compare-zoom-out">{"−"}</button>
                <button type="button" onclick={right} aria-label={t(lang, "pan.right")} data-testid="compare-pan-right">{"→"}</button>
                <button type="button" onclick={whole} disabled={w == Window::all(until)} data-testid="compare-zoom-reset">{t(lang, "zoom.reset")}</button>
                <span class="window-label" data-testid="compare-window">{format!("{} – {} / {}", clock(w.start), clock(w.end), clock(until))}</span>
            </div>
            { draw(&props.run, side_label(lang, &props.cluster, true), "compare-left") }
            { draw(&c.run, side_label(lang, &c.other, false), "compare-right") }
        </section>
    }
}
