//! The visual timeline (SVG): one lane per container (init, sidecar, app) with waiting /
//! running / terminated segments labelled by reason, restart markers, a row of probe ticks per
//! probe kind (● success, ✗ failure, ▲ unknown), lanes for PodScheduled, Initialized,
//! ContainersReady and Ready, a phase band, and event markers. A cursor scrubs (click, drag
//! or arrow keys); zoom and pan with buttons, the wheel or +/−. Shapes, patterns and labels
//! carry the meaning, so it reads without colour.

use super::app::Store;
use crate::chart::{thin, ticks, Window};
use crate::i18n::{t, Lang};
use crate::state::Action;
use podsim::kubelet::prober::{ProbeKind, ProbeResult};
use podsim::time::{clock, SECOND};
use podsim::views::lanes::{Lanes, Segment, SegmentKind};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The width drawn before the timeline's box has been measured, and the narrowest drawn.
const FIRST_WIDTH: f64 = 640.0;
const MIN_WIDTH: f64 = 280.0;
const LANE: f64 = 24.0;
const PROBE_ROW: f64 = 13.0;
const COND: f64 = 15.0;

/// Where the lanes go, in CSS pixels. The SVG is drawn at the width of its box (one SVG unit
/// is one pixel), so its text keeps its size on a phone and beside a lesson on a laptop.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Geometry {
    /// The whole width.
    w: f64,
    /// Where the lanes start, after their labels.
    x0: f64,
    /// Where they end, leaving room for the last time label (`10m00s`) after it.
    x1: f64,
}

impl Geometry {
    fn for_width(px: f64) -> Self {
        let w = px.round().max(MIN_WIDTH);
        let x0 = if w < 480.0 { 112.0 } else { 150.0 };
        Geometry {
            w,
            x0,
            x1: w - 40.0,
        }
    }

    /// How many characters of a lane label fit before the lanes.
    fn label_chars(&self) -> usize {
        ((self.x0 - 12.0) / 5.2) as usize
    }

    /// How many time labels fit along the axis.
    fn tick_count(&self) -> usize {
        (((self.x1 - self.x0) / 60.0) as usize).clamp(3, 10)
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub store: Store,
}

fn kind_class(k: SegmentKind) -> &'static str {
    match k {
        SegmentKind::Pending => "seg-pending",
        SegmentKind::Blocked => "seg-blocked",
        SegmentKind::Ready => "seg-ready",
        SegmentKind::Running => "seg-running",
        SegmentKind::Completed => "seg-completed",
        SegmentKind::Failed => "seg-failed",
    }
}

fn segment_rect(s: &Segment, w: &Window, g: Geometry, y: f64, h: f64, lane_title: &str) -> Html {
    if s.end < w.start || s.start > w.end {
        return html! {};
    }
    let x = w.x(s.start, g.x0, g.x1);
    let x2 = w.x(s.end, g.x0, g.x1);
    let width = (x2 - x).max(0.8);
    let title = format!(
        "{lane_title}: {}{} ({} – {})",
        s.label,
        if s.detail.is_empty() {
            String::new()
        } else {
            format!(", {}", s.detail)
        },
        clock(s.start),
        clock(s.end)
    );
    let show_label = width > (s.label.chars().count() as f64) * 6.2 + 6.0;
    html! {
        <g class={classes!("seg", kind_class(s.kind))}>
            <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{width:.1}")} height={format!("{h:.1}")} rx="2">
                <title>{title}</title>
            </rect>
            if show_label {
                <text x={format!("{:.1}", x + 3.0)} y={format!("{:.1}", label_baseline(y, h))} class="seg-label">{s.label.clone()}</text>
            }
        </g>
    }
}

/// The baseline that centres a segment label's 9 px capitals in a bar from `y` to `y + h`.
fn label_baseline(y: f64, h: f64) -> f64 {
    y + h / 2.0 + 3.3
}

fn probe_mark(x: f64, y: f64, result: ProbeResult, title: String) -> Html {
    match result {
        ProbeResult::Success => html! {
            <circle class="probe probe-success" cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="3"><title>{title}</title></circle>
        },
        ProbeResult::Failure => html! {
            <path class="probe probe-failure"
                  d={format!("M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}", x - 3.5, y - 3.5, x + 3.5, y + 3.5, x - 3.5, y + 3.5, x + 3.5, y - 3.5)}>
                <title>{title}</title>
            </path>
        },
        ProbeResult::Unknown => html! {
            <path class="probe probe-unknown"
                  d={format!("M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z", x, y - 4.0, x + 4.0, y + 3.5, x - 4.0, y + 3.5)}>
                <title>{title}</title>
            </path>
        },
    }
}

/// `kubectl delete` as a dashed line, and the time after the object is gone greyed out with
/// the phase of the kubelet's last status.
fn deletion_marks(lanes: &Lanes, w: &Window, g: Geometry, height: f64, lang: Lang) -> Html {
    let (top, bottom) = (18.0, height - 12.0);
    let asked = lanes.deleted_at.filter(|t| w.contains(*t)).map(|t| {
        let x = w.x(t, g.x0, g.x1);
        let title = match lang {
            Lang::En => format!("kubectl delete pod at {}", clock(t)),
            Lang::Ko => format!("kubectl delete pod, {}", clock(t)),
        };
        html! {
            <g class="deletion">
                <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{top:.1}")} y2={format!("{bottom:.1}")} />
                <title>{title}</title>
            </g>
        }
    });
    let gone = lanes.gone_at.filter(|at| *at < w.end).map(|at| {
        let x = w.x(at.max(w.start), g.x0, g.x1);
        let phase = lanes.final_phase.as_deref().unwrap_or("-");
        let title = match lang {
            Lang::En => format!("The Pod object is gone from {} (its last status: phase {phase})", clock(at)),
            Lang::Ko => format!("{}부터 파드 오브젝트가 없음 (마지막 상태: phase {phase})", clock(at)),
        };
        let label = t(lang, "deleted");
        let width = g.x1 - x;
        html! {
            <g class="gone" data-testid="gone">
                <rect x={format!("{x:.1}")} y={format!("{top:.1}")} width={format!("{width:.1}")} height={format!("{:.1}", bottom - top)}>
                    <title>{title}</title>
                </rect>
                if width > 48.0 {
                    <text x={format!("{:.1}", x + 4.0)} y={format!("{:.1}", top + 30.0)}>{label}</text>
                }
            </g>
        }
    });
    html! { <>{ for asked }{ for gone }</> }
}

/// A resize observer and the callback it calls, which must live as long as it.
type WidthWatch = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Call `on_width` with the element's content width now and whenever it changes.
fn watch_width(el: &web_sys::Element, on_width: impl Fn(f64) + 'static) -> Option<WidthWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let px = entry.content_rect().width();
            if px > 0.0 {
                on_width(px);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some((observer, callback))
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let until = store.computed.until;
    let window = use_state(|| Window::all(until));
    // A new document or a longer lesson: show everything again.
    {
        let window = window.clone();
        use_effect_with((store.computed.key.clone(), until), move |(_, until)| {
            window.set(Window::all(*until));
        });
    }
    let hover = use_state(String::new);
    let boxed = use_node_ref();
    let width = use_state_eq(|| FIRST_WIDTH);
    {
        let boxed = boxed.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let observer = boxed
                .cast::<web_sys::Element>()
                .and_then(|el| watch_width(&el, move |px| width.set(px.round())));
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    let g = Geometry::for_width(*width);
    let Some(lanes) = store.computed.lanes.clone() else {
        return html! {};
    };
    let w = *window;
    let cursor = store.cursor();

    // Layout: rows from the top.
    let mut y = 22.0;
    let mut body: Vec<Html> = Vec::new();
    for c in &lanes.containers {
        let title = format!("{} [{}]", c.name, c.role);
        let suffix = format!(" [{}]", c.role);
        let max = g.label_chars();
        let shown: String = if title.chars().count() > max {
            let keep = max.saturating_sub(suffix.chars().count() + 1).max(3);
            c.name
                .chars()
                .take(keep)
                .chain("…".chars())
                .chain(suffix.chars())
                .collect()
        } else {
            title.clone()
        };
        body.push(html! {
            <text class="lane-label" x="6" y={format!("{:.1}", y + 17.0)}>{shown}<title>{title.clone()}</title></text>
        });
        for s in &c.segments {
            body.push(segment_rect(s, &w, g, y + 3.0, LANE - 6.0, &c.name));
        }
        for (t, restart) in c.starts.iter().skip(1) {
            if w.contains(*t) {
                let x = w.x(*t, g.x0, g.x1);
                body.push(html! {
                    <g class="restart">
                        <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{:.1}", y)} y2={format!("{:.1}", y + LANE)} />
                        <text x={format!("{:.1}", x + 1.5)} y={format!("{:.1}", y + 9.0)}>{"↻"}</text>
                        <title>{match lang {
                            Lang::En => format!("{}: restart #{restart} at {}", c.name, clock(*t)),
                            Lang::Ko => format!("{}: {restart}번째 재시작, {}", c.name, clock(*t)),
                        }}</title>
                    </g>
                });
            }
        }
        y += LANE;
        for kind in [
            ProbeKind::Startup,
            ProbeKind::Liveness,
            ProbeKind::Readiness,
        ] {
            let ticks_of: Vec<_> = c
                .probes
                .iter()
                .filter(|p| p.probe == kind)
                .cloned()
                .collect();
            if ticks_of.is_empty() {
                continue;
            }
            body.push(html! {
                <text class="lane-label probe-label" x="18" y={format!("{:.1}", y + 10.0)}>{kind.as_str()}</text>
            });
            for p in thin(&ticks_of, &w, ((g.x1 - g.x0) / 2.0) as usize) {
                let x = w.x(p.t, g.x0, g.x1);
                let output = if p.output.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", p.output)
                };
                let (name, kind, at, result) =
                    (&c.name, kind.as_str(), clock(p.t), p.result.as_str());
                let title = match lang {
                    Lang::En => format!("{name} {kind} probe at {at}: {result}{output}"),
                    Lang::Ko => format!("{name} {kind} 프로브, {at}: {result}{output}"),
                };
                body.push(probe_mark(x, y + PROBE_ROW / 2.0, p.result, title));
            }
            y += PROBE_ROW;
        }
    }
    y += 4.0;
    for cond in &lanes.conditions {
        body.push(html! {
            <text class="lane-label cond-label" x="6" y={format!("{:.1}", y + 12.0)}>{cond.name.clone()}</text>
        });
        for s in &cond.segments {
            body.push(segment_rect(s, &w, g, y + 3.0, COND - 5.0, &cond.name));
        }
        y += COND;
    }
    body.push(
        html! { <text class="lane-label" x="6" y={format!("{:.1}", y + 15.0)}>{"phase"}</text> },
    );
    for s in &lanes.phase {
        body.push(segment_rect(s, &w, g, y + 2.0, LANE - 6.0, "phase"));
    }
    y += LANE;
    let height = y + 8.0;
    let deletion = deletion_marks(&lanes, &w, g, height, lang);

    // Events along the top.
    let events: Html = lanes
        .events
        .iter()
        .filter(|e| w.contains(e.t))
        .map(|e| {
            let x = w.x(e.t, g.x0, g.x1);
            let kind = if e.warning { "Warning" } else { "Normal" };
            let title = match lang {
                Lang::En => format!("{kind} {} at {}: {}", e.reason, clock(e.t), e.message),
                Lang::Ko => format!("{kind} {}, {}: {}", e.reason, clock(e.t), e.message),
            };
            if e.warning {
                html! {
                    <path class="event event-warning" d={format!("M{:.1} 4L{:.1} 4L{x:.1} 14Z", x - 5.0, x + 5.0)}><title>{title}</title></path>
                }
            } else {
                html! { <circle class="event event-normal" cx={format!("{x:.1}")} cy="9" r="3"><title>{title}</title></circle> }
            }
        })
        .collect();

    let axis: Html = ticks(&w, g.tick_count())
        .into_iter()
        .map(|t| {
            let x = w.x(t, g.x0, g.x1);
            let label = clock(t);
            html! {
                <g class="tick">
                    <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1="18" y2={format!("{:.1}", height - 4.0)} />
                    <text x={format!("{:.1}", x + 2.0)} y={format!("{:.1}", height)}>{label}</text>
                </g>
            }
        })
        .collect();

    let cursor_x = w.x(cursor, g.x0, g.x1);
    let seek_at = {
        let store = store.clone();
        move |e: &MouseEvent| {
            let Some(svg) = e
                .current_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            else {
                return;
            };
            let rect = svg.get_bounding_client_rect();
            if rect.width() <= 0.0 {
                return;
            }
            let vx = (e.client_x() as f64 - rect.left()) / rect.width() * g.w;
            if vx >= g.x0 {
                store.dispatch(Action::Seek(w.t(vx, g.x0, g.x1)));
            }
        }
    };
    let onclick = {
        let seek_at = seek_at.clone();
        Callback::from(move |e: MouseEvent| seek_at(&e))
    };
    let onmousemove = {
        let hover = hover.clone();
        Callback::from(move |e: MouseEvent| {
            if e.buttons() == 1 {
                seek_at(&e);
            }
            if let Some(target) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            {
                let title = target
                    .query_selector("title")
                    .ok()
                    .flatten()
                    .and_then(|t| t.text_content())
                    .or_else(|| {
                        target
                            .parent_element()
                            .and_then(|p| p.query_selector("title").ok().flatten())
                            .and_then(|t| t.text_content())
                    });
                if let Some(text) = title {
                    hover.set(text);
                }
            }
        })
    };
    let onkeydown = {
        let store = store.clone();
        let window = window.clone();
        Callback::from(move |e: KeyboardEvent| {
            let step = if e.shift_key() { 10 * SECOND } else { SECOND };
            let now = store.cursor();
            match e.key().as_str() {
                "ArrowRight" => store.dispatch(Action::Seek(now + step)),
                "ArrowLeft" => store.dispatch(Action::Seek(now.saturating_sub(step))),
                "Home" => store.dispatch(Action::Seek(0)),
                "End" => store.dispatch(Action::Seek(until)),
                "+" | "=" => window.set(window.zoom(0.5, now, until)),
                "-" => window.set(window.zoom(2.0, now, until)),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let onwheel = {
        let window = window.clone();
        let store = store.clone();
        Callback::from(move |e: WheelEvent| {
            if e.ctrl_key() || e.meta_key() {
                e.prevent_default();
                let f = if e.delta_y() < 0.0 { 0.8 } else { 1.25 };
                window.set(window.zoom(f, store.cursor(), until));
            } else if e.shift_key() {
                e.prevent_default();
                window.set(window.pan(if e.delta_y() < 0.0 { -0.1 } else { 0.1 }, until));
            }
        })
    };
    let zoom = |f: f64| {
        let window = window.clone();
        let store = store.clone();
        Callback::from(move |_| window.set(window.zoom(f, store.cursor(), until)))
    };
    let pan = |share: f64| {
        let window = window.clone();
        Callback::from(move |_| window.set(window.pan(share, until)))
    };
    let reset = {
        let window = window.clone();
        Callback::from(move |_| window.set(Window::all(until)))
    };
    html! {
        <div class="timeline" data-testid="timeline" ref={boxed}>
            <div class="timeline-tools" role="group" aria-label={t(lang, "timeline")}>
                <button type="button" onclick={pan(-0.5)} aria-label={t(lang, "pan.left")}>{"←"}</button>
                <button type="button" onclick={zoom(0.5)} aria-label={t(lang, "zoom.in")} data-testid="zoom-in">{"+"}</button>
                <button type="button" onclick={zoom(2.0)} aria-label={t(lang, "zoom.out")} data-testid="zoom-out">{"−"}</button>
                <button type="button" onclick={reset} aria-label={t(lang, "zoom.reset")}>{"↺"}</button>
                <button type="button" onclick={pan(0.5)} aria-label={t(lang, "pan.right")}>{"→"}</button>
                <span class="window-label" data-testid="window">{format!("{} – {}", clock(w.start), clock(w.end))}</span>
            </div>
            <svg viewBox={format!("0 0 {} {height:.0}", g.w)} role="img" tabindex="0"
                 aria-label={format!("{} {} – {}; {} {}", t(lang, "timeline"), clock(w.start), clock(w.end), t(lang, "cursor"), clock(cursor))}
                 {onclick} {onmousemove} {onkeydown} {onwheel} data-testid="timeline-svg">
                <defs>
                    <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
                    </pattern>
                    <pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse">
                        <circle cx="2.5" cy="2.5" r="1" class="dot-fill" />
                    </pattern>
                </defs>
                <g class="axis">{axis}</g>
                <g class="events">{events}</g>
                { for body }
                { deletion }
                <line class="cursor" x1={format!("{cursor_x:.1}")} x2={format!("{cursor_x:.1}")} y1="0" y2={format!("{height:.0}")} />
            </svg>
            <p class="hover-detail" aria-live="polite" data-testid="hover-detail">{(*hover).clone()}</p>
            <details class="legend">
                <summary>{t(lang, "legend")}</summary>
                <ul>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-ready" width="28" height="12" /></svg>{" "}{t(lang, "legend.ready")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-running" width="28" height="12" /></svg>{" "}{t(lang, "legend.running")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-pending" width="28" height="12" /></svg>{" "}{t(lang, "legend.pending")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-blocked" width="28" height="12" /></svg>{" "}{t(lang, "legend.blocked")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-completed" width="28" height="12" /></svg>{" "}{t(lang, "legend.completed")}</li>
                    <li><svg width="28" height="12" aria-hidden="true"><rect class="seg-failed" width="28" height="12" /></svg>{" "}{t(lang, "legend.failed")}</li>
                    <li>{t(lang, "legend.marks")}</li>
                </ul>
            </details>
        </div>
    }
}
