//! The timeline's drawing inside its SVG: the time axis, event markers, one lane per
//! container with its segments, restarts and probe ticks, the condition lanes, the phase band
//! and the deletion. A component of its own so that it is drawn again only when the run, the
//! visible window, the width or the language change — not when the cursor moves or an edit
//! leaves the run as it was.

use crate::chart::{fit_label, thin, ticks, Window};
use crate::i18n::{t, Lang};
use podsim::kubelet::prober::{ProbeKind, ProbeResult};
use podsim::time::clock;
use podsim::views::lanes::{Lanes, Segment, SegmentKind};
use podsim::why::Lane as WhyLane;
use std::rc::Rc;
use yew::prelude::*;

/// The narrowest drawing.
const MIN_WIDTH: f64 = 280.0;
/// The first lane's top, below the event markers.
const TOP: f64 = 22.0;
/// A container's lane (its bars hold 11 px labels).
const LANE: f64 = 26.0;
/// The row above each container's lane for its annotations (grace, back-off, 3/3).
pub const ANNOT: f64 = 14.0;
const PROBE_ROW: f64 = 15.0;
/// A condition's lane.
const COND: f64 = 18.0;
/// The width of a character of an 11 px lane label, with room to spare.
const NAME_CHAR: f64 = 6.4;

/// Where the lanes go, in CSS pixels. The SVG is drawn at the width of its box (one SVG unit
/// is one pixel), so its text keeps its size on a phone and beside a lesson on a laptop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    /// The whole width.
    pub w: f64,
    /// Where the lanes start, after their labels.
    pub x0: f64,
    /// Where they end, leaving room for the last time label (`10m00s`) after it.
    pub x1: f64,
}

impl Geometry {
    pub fn for_width(px: f64) -> Self {
        let w = px.round().max(MIN_WIDTH);
        let x0 = if w < 480.0 { 120.0 } else { 176.0 };
        Geometry {
            w,
            x0,
            x1: w - 40.0,
        }
    }

    /// How many characters of a lane label fit before the lanes.
    fn label_chars(&self) -> usize {
        ((self.x0 - 12.0) / NAME_CHAR) as usize
    }

    /// How many time labels fit along the axis.
    pub fn tick_count(&self) -> usize {
        (((self.x1 - self.x0) / 70.0) as usize).clamp(3, 10)
    }
}

/// The probe rows under a container's lane, in this order, each only if it has probes.
const PROBE_KINDS: [ProbeKind; 3] = [
    ProbeKind::Startup,
    ProbeKind::Liveness,
    ProbeKind::Readiness,
];

/// Where each band of the drawing starts, from the top, and the drawing's height: the one
/// place the vertical layout is worked out, for the drawing and for the SVG around it.
pub struct Layout {
    /// The top of each container's lane (its probe rows follow it).
    containers: Vec<f64>,
    /// Each container's probe rows, in order.
    probe_rows: Vec<Vec<ProbeKind>>,
    /// The top of the first condition lane.
    conditions: f64,
    /// The top of the phase band.
    phase: f64,
    /// The whole height, the axis labels at its bottom.
    pub height: f64,
}

pub fn layout(lanes: &Lanes) -> Layout {
    let mut y = TOP;
    let probe_rows: Vec<Vec<ProbeKind>> = lanes
        .containers
        .iter()
        .map(|c| {
            PROBE_KINDS
                .iter()
                .copied()
                .filter(|k| c.probes.iter().any(|p| p.probe == *k))
                .collect()
        })
        .collect();
    let containers = probe_rows
        .iter()
        .map(|rows| {
            let top = y + ANNOT;
            y += ANNOT + LANE + PROBE_ROW * rows.len() as f64;
            top
        })
        .collect();
    let conditions = y + 4.0;
    let phase = conditions + COND * lanes.conditions.len() as f64;
    Layout {
        containers,
        probe_rows,
        conditions,
        phase,
        height: phase + LANE + 12.0,
    }
}

impl Layout {
    /// The top of container `c`'s annotation row (just above its lane).
    pub fn annotation_row(&self, c: usize) -> Option<f64> {
        self.containers.get(c).map(|top| top - ANNOT)
    }

    /// Where a lane of `why::Lane` is drawn: its top and height (a probe row of a container
    /// when `probe` is given). None for a lane the drawing does not have.
    pub fn band(
        &self,
        lanes: &Lanes,
        lane: WhyLane,
        probe: Option<ProbeKind>,
    ) -> Option<(f64, f64)> {
        match lane {
            WhyLane::Container { container } => {
                let c = container as usize;
                let top = *self.containers.get(c)?;
                match probe {
                    Some(kind) => {
                        let row = self.probe_rows.get(c)?.iter().position(|k| *k == kind)?;
                        Some((top + LANE + PROBE_ROW * row as f64, PROBE_ROW))
                    }
                    None => Some((top + 3.0, LANE - 6.0)),
                }
            }
            WhyLane::Condition { condition } => {
                let i = lanes
                    .conditions
                    .iter()
                    .position(|c| c.name == condition.as_str())?;
                Some((self.conditions + COND * i as f64 + 2.0, COND - 4.0))
            }
            WhyLane::Phase => Some((self.phase + 3.0, LANE - 6.0)),
            WhyLane::Events => Some((3.0, 12.0)),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct TimelineLanesProps {
    pub lanes: Rc<Lanes>,
    pub window: Window,
    pub geometry: Geometry,
    pub lang: Lang,
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

fn segment_rect(
    s: &Segment,
    w: &Window,
    g: Geometry,
    (y, h): (f64, f64),
    lane_title: &str,
    lang: Lang,
) -> Html {
    if s.end < w.start || s.start > w.end {
        return html! {};
    }
    let x = w.x(s.start, g.x0, g.x1);
    let x2 = w.x(s.end, g.x0, g.x1);
    let width = (x2 - x).max(0.8);
    let detail = s.detail.get(lang.code());
    let title = format!(
        "{lane_title}: {}{} ({} – {})",
        s.label,
        if detail.is_empty() {
            String::new()
        } else {
            format!(", {detail}")
        },
        clock(s.start),
        clock(s.end)
    );
    let label = fit_label(&s.label, width);
    html! {
        <g class={classes!("seg", kind_class(s.kind))}>
            <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{width:.1}")} height={format!("{h:.1}")} rx="2">
                <title>{title}</title>
            </rect>
            if let Some(label) = label {
                <text x={format!("{:.1}", x + 3.0)} y={format!("{:.1}", label_baseline(y, h))} class="seg-label">{label}</text>
            }
        </g>
    }
}

/// The baseline that centres a segment label's 11 px capitals in a bar from `y` to `y + h`.
fn label_baseline(y: f64, h: f64) -> f64 {
    y + h / 2.0 + 4.0
}

/// A probe result's mark at (x, y): ● success, ✕ failure, ▲ unknown.
pub fn probe_mark(x: f64, y: f64, result: ProbeResult, title: String) -> Html {
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
            Lang::Ko => format!("{}부터 파드 오브젝트가 없음 (마지막 상태: 단계 {phase})", clock(at)),
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

/// A lane name cut to the room before the lanes (`PodReadyToStartContainers` on a phone).
fn fit_name(name: &str, g: Geometry) -> String {
    let max = g.label_chars();
    if name.chars().count() <= max {
        name.to_string()
    } else {
        name.chars()
            .take(max.saturating_sub(1).max(3))
            .chain(['…'])
            .collect()
    }
}

#[component]
pub fn TimelineLanes(props: &TimelineLanesProps) -> Html {
    let (lanes, w, g, lang) = (&props.lanes, props.window, props.geometry, props.lang);
    let rows = layout(lanes);
    let mut body: Vec<Html> = Vec::new();
    for (c, &top) in lanes.containers.iter().zip(&rows.containers) {
        let y = top;
        let role = crate::i18n::role(lang, &c.role);
        let title = format!("{} [{role}]", c.name);
        let suffix = format!(" [{role}]");
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
            <text class="lane-label" x="6" y={format!("{:.1}", y + 17.5)}>{shown}<title>{title.clone()}</title></text>
        });
        for s in &c.segments {
            body.push(segment_rect(s, &w, g, (y + 3.0, LANE - 6.0), &c.name, lang));
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
        let mut y = top + LANE;
        for kind in PROBE_KINDS {
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
                <text class="lane-label probe-label" x="18" y={format!("{:.1}", y + 11.5)}>{kind.as_str()}</text>
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
    for (i, cond) in lanes.conditions.iter().enumerate() {
        let y = rows.conditions + COND * i as f64;
        body.push(html! {
            <text class="lane-label cond-label" x="6" y={format!("{:.1}", y + 13.0)}>{fit_name(&cond.name, g)}<title>{cond.name.clone()}</title></text>
        });
        for s in &cond.segments {
            body.push(segment_rect(
                s,
                &w,
                g,
                (y + 2.0, COND - 4.0),
                &cond.name,
                lang,
            ));
        }
    }
    let y = rows.phase;
    let phase = t(lang, "lane.phase");
    body.push(
        html! { <text class="lane-label" x="6" y={format!("{:.1}", y + 17.0)}>{phase}</text> },
    );
    for s in &lanes.phase {
        body.push(segment_rect(s, &w, g, (y + 3.0, LANE - 6.0), phase, lang));
    }
    let height = rows.height;
    let deletion = deletion_marks(lanes, &w, g, height, lang);

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

    html! {
        <>
            <g class="axis">{axis}</g>
            <g class="events">{events}</g>
            { for body }
            { deletion }
        </>
    }
}
