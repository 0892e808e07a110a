//! What a prediction lays over the timeline: the part of the run not shown yet (hidden until
//! the learner answers, clearly marked), the instant the learner marked, and the true answer.
//! Drawn inside the timeline's SVG, in its window and geometry.

use super::timeline_lanes::Geometry;
use crate::chart::Window;
use podsim::time::{clock, Millis};
use yew::prelude::*;

/// An instant marked on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub t: Millis,
    /// `guess` or `truth` (the CSS class and the test id).
    pub kind: &'static str,
    pub label: String,
}

/// The overlay of an open prediction.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Overlay {
    /// Nothing after this instant is shown yet; the label says so.
    pub hidden_after: Option<(Millis, String)>,
    pub marks: Vec<Mark>,
}

/// The overlay's SVG shapes for window `w` in geometry `g`, `height` tall.
pub fn draw(o: &Overlay, w: Window, g: Geometry, height: f64) -> Html {
    let hidden = o.hidden_after.as_ref().and_then(|(t, label)| {
        let from = if *t <= w.start { g.x0 } else { w.x(*t, g.x0, g.x1) };
        (*t < w.end).then(|| {
            html! {
                <g class="hidden-run" data-testid="hidden-run">
                    <rect x={format!("{from:.1}")} y="0" width={format!("{:.1}", (g.x1 - from).max(0.0))}
                          height={format!("{height:.0}")} />
                    <text x={format!("{:.1}", from + 6.0)} y="14">{label.clone()}</text>
                    <title>{format!("{label} ({})", clock(*t))}</title>
                </g>
            }
        })
    });
    html! {
        <g class="overlay">
            { for hidden }
            { for o.marks.iter().filter(|m| w.contains(m.t)).map(|m| {
                let x = w.x(m.t, g.x0, g.x1);
                html! {
                    <g class={classes!("mark", m.kind)} data-testid={format!("mark-{}", m.kind)}>
                        <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1="0" y2={format!("{height:.0}")} />
                        <title>{m.label.clone()}</title>
                    </g>
                }
            }) }
        </g>
    }
}
