//! The timeline's "why?" layer, over the lanes: one mark per change that can be asked "why?"
//! (a state's start or end, a restart, a kill, a probe run, a condition flip, the phase, an
//! event), each with an accessible name. They are one tab stop with a roving focus (arrow
//! keys move along them in time order, Home and End, Enter or Space opens the Why panel); a
//! click or a tap opens it too. Above them: the marks of the step hovered or focused in the
//! Why panel (the three ✕ of a kill, the grace period), or of the field under the editor's
//! cursor.

use super::timeline_lanes::{layout, Geometry};
use crate::chart::Window;
use crate::i18n::{t, Lang};
use crate::roving::{self, Roving};
use crate::state::{Action, Dispatch, Run};
use podsim::kubelet::prober::ProbeKind;
use podsim::views::lanes::Lanes;
use podsim::why::{
    annotations, changes, AnnotationKind, ChangeRef, Lane, Mark, MarkKind, StatusField,
};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One mark as drawn.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    change: ChangeRef,
    at: u64,
    x: f64,
    y: f64,
    h: f64,
    label: String,
    kind: &'static str,
    lane: String,
}

/// How telling a change is, when several share a spot (lower first).
fn rank(c: ChangeRef) -> u8 {
    match c {
        ChangeRef::Status {
            field: StatusField::State { .. },
            ..
        } => 0,
        ChangeRef::Status {
            field: StatusField::Ready { .. },
            ..
        } => 1,
        ChangeRef::Cause { .. } => 2,
        ChangeRef::Status { .. } => 3,
        ChangeRef::Probe { .. } => 4,
        ChangeRef::Event { .. } => 5,
    }
}

fn kind_name(c: ChangeRef) -> &'static str {
    match c {
        ChangeRef::Status { .. } => "status",
        ChangeRef::Probe { .. } => "probe",
        ChangeRef::Event { .. } => "event",
        ChangeRef::Cause { .. } => "cause",
    }
}

fn lane_name(lane: Lane) -> String {
    match lane {
        Lane::Container { container } => format!("container-{container}"),
        Lane::Condition { condition } => format!("condition-{}", condition.as_str()),
        Lane::Phase => "phase".into(),
        Lane::Events => "events".into(),
    }
}

/// The probe kind of a probe mark at `at` on container lane `c`.
fn probe_kind_at(lanes: &Lanes, c: u16, at: u64) -> Option<ProbeKind> {
    lanes
        .containers
        .get(c as usize)?
        .probes
        .iter()
        .find(|p| p.t == at)
        .map(|p| p.probe)
}

/// Every change in the window, placed, one per spot, in time order.
fn place(run: &Run, w: Window, g: Geometry, lang: Lang) -> Vec<Placed> {
    let tl = &run.timeline;
    let lanes = &run.lanes;
    let rows = layout(lanes);
    let mut out: Vec<(u8, Placed)> = Vec::new();
    for c in changes(tl) {
        if !w.contains(c.at) {
            continue;
        }
        let probe = match c.change {
            ChangeRef::Probe { index } => tl.probes.get(index as usize).map(|p| p.probe),
            _ => None,
        };
        let Some((y, h)) = rows.band(lanes, c.lane, probe) else {
            continue;
        };
        let x = w.x(c.at, g.x0, g.x1);
        let label = c.label.get(lang.code()).to_string();
        let placed = Placed {
            change: c.change,
            at: c.at,
            x,
            y,
            h,
            label,
            kind: kind_name(c.change),
            lane: lane_name(c.lane),
        };
        let r = rank(c.change);
        // Changes at one instant on one lane (a new state, its readiness, the Started event)
        // are one mark: the most telling one.
        match out
            .iter_mut()
            .rev()
            .take(64)
            .find(|(_, p)| p.y == y && p.at == c.at)
        {
            Some(slot) if r < slot.0 => *slot = (r, placed),
            Some(_) => {}
            None => out.push((r, placed)),
        }
    }
    let mut placed: Vec<Placed> = out.into_iter().map(|(_, p)| p).collect();
    placed.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    placed
}

/// A highlighted mark: a ring, a line across its lane, or a band for a stretch.
fn highlight(lanes: &Lanes, m: &Mark, w: Window, g: Geometry, class: &'static str) -> Html {
    let end = m.until.unwrap_or(m.at);
    if end < w.start || m.at > w.end {
        return html! {};
    }
    let probe = match (m.kind, m.lane) {
        (MarkKind::ProbeTick, Lane::Container { container }) => {
            probe_kind_at(lanes, container, m.at)
        }
        _ => None,
    };
    let rows = layout(lanes);
    let Some((y, h)) = rows
        .band(lanes, m.lane, probe)
        .or_else(|| rows.band(lanes, m.lane, None))
    else {
        return html! {};
    };
    let x = w.x(m.at, g.x0, g.x1);
    let kind = match m.kind {
        MarkKind::Instant => "instant",
        MarkKind::ProbeTick => "probe",
        MarkKind::Event => "event",
        MarkKind::Stretch => "stretch",
    };
    match (m.kind, m.until) {
        (_, Some(until)) if until > m.at => {
            let x2 = w.x(until, g.x0, g.x1);
            html! {
                <rect class={classes!(class, "hl-stretch")} data-kind={kind} data-at={m.at.to_string()}
                      x={format!("{x:.1}")} y={format!("{:.1}", y - 2.0)}
                      width={format!("{:.1}", (x2 - x).max(2.0))} height={format!("{:.1}", h + 4.0)} rx="3" />
            }
        }
        (MarkKind::ProbeTick | MarkKind::Event, _) => html! {
            <circle class={classes!(class, "hl-ring")} data-kind={kind} data-at={m.at.to_string()}
                    cx={format!("{x:.1}")} cy={format!("{:.1}", y + h / 2.0)} r="6.5" />
        },
        _ => html! {
            <line class={classes!(class, "hl-line")} data-kind={kind} data-at={m.at.to_string()}
                  x1={format!("{x:.1}")} x2={format!("{x:.1}")}
                  y1={format!("{:.1}", y - 3.0)} y2={format!("{:.1}", y + h + 3.0)} />
        },
    }
}

/// Where a bracket's ends reach down to, from the top of its row.
const ANNOT_TICK: f64 = 17.0;
/// The width of a character of an 11 px annotation label, with room to spare.
const ANNOT_CHAR: f64 = 6.6;

/// An annotation as drawn: its bracket, and its label when it fits without touching another.
#[derive(Debug, Clone, PartialEq)]
struct Bracket {
    kind: &'static str,
    change: ChangeRef,
    x1: f64,
    x2: f64,
    y: f64,
    label: String,
    /// Where the label goes (its left end), if it fits.
    label_x: Option<f64>,
}

/// The run's annotations in the window, in the row above each container's lane; labels that
/// would overlap an earlier one on the same row are left out (the bracket stays, named).
fn brackets(run: &Run, w: Window, g: Geometry, lang: Lang) -> Vec<Bracket> {
    let rows = layout(&run.lanes);
    let mut out: Vec<Bracket> = annotations(&run.timeline)
        .into_iter()
        .filter(|a| a.to >= w.start && a.from <= w.end)
        .filter_map(|a| {
            let Lane::Container { container } = a.lane else {
                return None;
            };
            let y = rows.annotation_row(container as usize)?;
            let kind = match a.kind {
                AnnotationKind::GracePeriod => "grace",
                AnnotationKind::BackOff => "backoff",
                AnnotationKind::FailureRun => "failures",
            };
            Some(Bracket {
                kind,
                change: a.change,
                x1: w.x(a.from.max(w.start), g.x0, g.x1),
                x2: w.x(a.to.min(w.end), g.x0, g.x1),
                y,
                label: a.label.get(lang.code()).to_string(),
                label_x: None,
            })
        })
        .collect();
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x1.total_cmp(&b.x1)));
    // Greedy, left to right on each row: a label centred on its bracket (kept inside the
    // lanes), else none.
    let mut row_end: Option<(f64, f64)> = None;
    for b in &mut out {
        let width = b.label.chars().count() as f64 * ANNOT_CHAR;
        let x = ((b.x1 + b.x2) / 2.0 - width / 2.0).clamp(g.x0, (g.x1 - width).max(g.x0));
        let free = match row_end {
            Some((y, end)) if y == b.y => x >= end + 4.0,
            _ => true,
        };
        if free {
            b.label_x = Some(x);
            row_end = Some((b.y, x + width));
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct TimelineMarksProps {
    pub run: Rc<Run>,
    pub window: Window,
    pub geometry: Geometry,
    pub lang: Lang,
    /// The change the Why panel explains.
    pub open: Option<ChangeRef>,
    /// What to highlight: the focused step's marks.
    pub highlight: Rc<Vec<Mark>>,
    /// What the field under the editor's cursor caused.
    pub caused: Rc<Vec<Mark>>,
    pub dispatch: Dispatch,
}

/// Focus the mark numbered `n` among the marks beside `from`.
fn focus_mark(from: &web_sys::Element, n: usize) {
    let Some(group) = from.closest(".why-marks").ok().flatten() else {
        return;
    };
    // An SVG element: its `focus` (HTMLOrSVGElement) is called by name.
    if let Some(el) = group
        .query_selector(&format!("[data-mark=\"{n}\"]"))
        .ok()
        .flatten()
    {
        if let Ok(focus) = js_sys::Reflect::get(&el, &"focus".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = focus.call0(&el);
        }
    }
}

#[component]
pub fn TimelineMarks(props: &TimelineMarksProps) -> Html {
    let (w, g, lang) = (props.window, props.geometry, props.lang);
    let placed = use_memo((props.run.clone(), w, g, lang), |(run, w, g, lang)| {
        place(run, *w, *g, *lang)
    });
    let brackets = use_memo((props.run.clone(), w, g, lang), |(run, w, g, lang)| {
        brackets(run, *w, *g, *lang)
    });
    let active = use_state_eq(|| 0usize);
    let current = (*active).min(placed.len().saturating_sub(1));
    let open = |c: ChangeRef| {
        let dispatch = props.dispatch.clone();
        move || dispatch.dispatch(Action::OpenWhy(c))
    };
    let onkeydown = {
        let placed = placed.clone();
        let active = active.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some((el, r)) = roving::key(&e, "data-mark", placed.len(), true) else {
                return;
            };
            e.prevent_default();
            e.stop_propagation();
            match r {
                Roving::Open(n) => {
                    if let Some(p) = placed.get(n) {
                        dispatch.dispatch(Action::OpenWhy(p.change));
                    }
                }
                Roving::Move(next) => {
                    active.set(next);
                    focus_mark(&el, next);
                }
            }
        })
    };
    let lanes = &props.run.lanes;
    let marks = placed.iter().enumerate().map(|(i, p)| {
        let is_open = props.open == Some(p.change);
        // On press (mouse or pen), not on click: the lanes' own press seeks, which
        // may move what is under the pointer before it is lifted. The mouse's press does not
        // focus the mark: the focus goes to the panel.
        let onpointerdown = {
            let open = open(p.change);
            let active = active.clone();
            Callback::from(move |e: PointerEvent| {
                // A finger pressed on a mark may be starting to scrub: a tap opens (below).
                if e.button() != 0 || e.pointer_type() == "touch" {
                    return;
                }
                e.stop_propagation();
                active.set(i);
                open();
            })
        };
        let onclick = {
            let open = open(p.change);
            let active = active.clone();
            Callback::from(move |_: MouseEvent| {
                active.set(i);
                open();
            })
        };
        html! {
            <rect class={classes!("why-mark", is_open.then_some("open"))} data-testid="why-mark"
                  data-mark={i.to_string()} data-kind={p.kind} data-at={p.at.to_string()} data-lane={p.lane.clone()}
                  x={format!("{:.1}", p.x - 5.0)} y={format!("{:.1}", p.y - 1.0)}
                  width="10" height={format!("{:.1}", p.h + 2.0)} rx="3"
                  role="button" tabindex={if i == current { "0" } else { "-1" }}
                  aria-label={p.label.clone()} aria-pressed={is_open.then_some("true")}
                  {onpointerdown} {onclick} onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())} />
        }
    });
    let lit = props
        .highlight
        .iter()
        .map(|m| highlight(lanes, m, w, g, "why-hl"));
    let caused = props
        .caused
        .iter()
        .map(|m| highlight(lanes, m, w, g, "why-caused"));
    let annotated = brackets.iter().map(|b| {
        let onclick = {
            let dispatch = props.dispatch.clone();
            let c = b.change;
            Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::OpenWhy(c)))
        };
        let (y0, y1) = (b.y + 11.5, b.y + ANNOT_TICK);
        let d = format!(
            "M{:.1} {y1:.1}V{y0:.1}H{:.1}V{y1:.1}",
            b.x1,
            b.x2.max(b.x1 + 1.0)
        );
        html! {
            <g class={classes!("annotation", b.kind)} data-testid="annotation" data-kind={b.kind} {onclick}>
                <rect class="annotation-hit" x={format!("{:.1}", b.x1)} y={format!("{:.1}", b.y)}
                      width={format!("{:.1}", (b.x2 - b.x1).max(6.0))} height="12" />
                <path {d} />
                if let Some(x) = b.label_x {
                    <text x={format!("{x:.1}")} y={format!("{:.1}", b.y + 9.5)}
                          class="annotation-label">{b.label.clone()}</text>
                }
                <title>{b.label.clone()}</title>
            </g>
        }
    });
    html! {
        <>
            <g class="annotations">{ for annotated }</g>
            <g class="why-caused-layer" data-testid="why-caused">{ for caused }</g>
            <g class="why-highlight" data-testid="why-highlight">{ for lit }</g>
            <g class="why-marks" role="group" aria-label={t(lang, "why.marks")} {onkeydown}>
                { for marks }
            </g>
        </>
    }
}
