//! The CLI's default output: a compact text chart of the timeline, one lane per container
//! (init, sidecar, app), lanes for the conditions and the phase, and an events lane — each
//! column a slice of virtual time.

use crate::kubelet::events::EventType;
use crate::model::{
    ConditionStatus, ConditionType, ContainerStatus, PodPhase, PodStatus, WaitingReason,
};
use crate::sim::Timeline;
use crate::time::{clock, Millis};
use std::fmt::Write;

pub const LEGEND: &str = "legend: █ running+ready  ▒ running, not ready  · waiting  ~ waiting (back-off/error)  _ exited 0  x exited ≠0  ↻ (re)started in this slice\n        conditions: + True  - False   phase: P Pending  R Running  S Succeeded  F Failed   events: * Normal  ! Warning";

fn container_cell(c: Option<&ContainerStatus>) -> char {
    let Some(c) = c else { return ' ' };
    if c.state.running.is_some() {
        return if c.ready { '█' } else { '▒' };
    }
    if let Some(t) = &c.state.terminated {
        return if t.exit_code == 0 { '_' } else { 'x' };
    }
    match c.state.waiting.as_ref().and_then(|w| w.reason) {
        Some(WaitingReason::ContainerCreating | WaitingReason::PodInitializing) | None => '·',
        Some(_) => '~',
    }
}

fn statuses(s: &PodStatus) -> impl Iterator<Item = &ContainerStatus> {
    s.init_container_statuses
        .iter()
        .chain(s.container_statuses.iter())
}

/// A column's span: `1.7s` below a minute when not whole seconds, else the clock form.
fn column_width(step: Millis) -> String {
    if step < 60_000 && !step.is_multiple_of(1000) {
        format!("{:.1}s", step as f64 / 1000.0)
    } else {
        clock(step)
    }
}

/// Render the chart from 0 to `until` in `width` columns.
pub fn chart(tl: &Timeline, until: Millis, width: usize) -> String {
    let width = width.clamp(10, 400);
    let until = until.max(1);
    let step = until.div_ceil(width as u64).max(1);
    let spec = &tl.manifest.pod.spec;
    let names: Vec<(String, &str)> = spec
        .all_containers()
        .map(|(c, init)| {
            let role = match (init, c.is_restartable()) {
                (true, true) => "sidecar",
                (true, false) => "init",
                _ => "app",
            };
            (c.name.clone(), role)
        })
        .collect();
    let label_w = names
        .iter()
        .map(|(n, r)| n.chars().count() + r.len() + 3)
        .chain(["ContainersReady".len(), "PodScheduled".len()])
        .max()
        .unwrap_or(12)
        + 2;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "pod/{} on {} — {} → {} (one column = {})",
        tl.pod_name,
        tl.node.as_deref().unwrap_or("<no node>"),
        clock(0),
        clock(until),
        column_width(step)
    );
    // Axis with a tick label every 15 columns.
    let mut axis = String::new();
    let mut col = 0;
    while col < width {
        let label = clock(col as u64 * step);
        axis.push('|');
        axis.push_str(&label);
        let used = label.chars().count() + 1;
        for _ in used..15.min(width - col) {
            axis.push(' ');
        }
        col += 15;
    }
    let _ = writeln!(out, "{:label_w$}{}", "", axis);
    let at = |col: usize| (col as u64 * step + step / 2).min(until);
    // Nothing is drawn once the pod object is gone.
    let status_at = |col: usize| {
        Some(at(col))
            .filter(|&t| tl.exists_at(t))
            .and_then(|t| tl.status_at(t))
    };
    for (name, role) in &names {
        let mut lane = String::new();
        for col in 0..width {
            let lo = col as u64 * step;
            let hi = lo + step;
            let status = status_at(col);
            let cs = status.and_then(|s| statuses(s).find(|c| &c.name == name));
            let started_here = tl
                .logs
                .iter()
                .any(|l| &l.container == name && l.started_at >= lo && l.started_at < hi);
            lane.push(
                if started_here && cs.is_some_and(|c| c.state.running.is_some()) {
                    '↻'
                } else {
                    container_cell(cs)
                },
            );
        }
        let label = format!("{name} [{role}]");
        let _ = writeln!(out, "{label:label_w$}{lane}");
    }
    for cond in [
        ConditionType::Initialized,
        ConditionType::ContainersReady,
        ConditionType::Ready,
        ConditionType::PodScheduled,
    ] {
        let cond_name = cond.as_str();
        let lane: String = (0..width)
            .map(|col| match status_at(col).and_then(|s| s.condition(cond)) {
                Some(c) if c.status == ConditionStatus::True => '+',
                Some(_) => '-',
                None => ' ',
            })
            .collect();
        let _ = writeln!(out, "{cond_name:label_w$}{lane}");
    }
    let lane: String = (0..width)
        .map(|col| match status_at(col).map(|s| s.phase) {
            Some(PodPhase::Pending) => 'P',
            Some(PodPhase::Running) => 'R',
            Some(PodPhase::Succeeded) => 'S',
            Some(PodPhase::Failed) => 'F',
            Some(PodPhase::Unknown) => '?',
            None => ' ',
        })
        .collect();
    let _ = writeln!(out, "{:label_w$}{lane}", "phase");
    let lane: String = (0..width)
        .map(|col| {
            let lo = col as u64 * step;
            let hi = lo + step;
            let mut mark = ' ';
            for e in tl.events.iter().filter(|e| e.t_ms >= lo && e.t_ms < hi) {
                mark = match (mark, e.type_) {
                    (_, EventType::Warning) => '!',
                    ('!', _) => '!',
                    _ => '*',
                };
            }
            mark
        })
        .collect();
    let _ = writeln!(out, "{:label_w$}{lane}", "events");
    if let Some(d) = &tl.deletion {
        let _ = writeln!(
            out,
            "deleted at {} (grace {}s){}",
            clock(d.requested_at),
            d.grace_period_seconds,
            match d.deleted_at {
                Some(g) => format!(", gone at {}", clock(g)),
                None => ", still Terminating".into(),
            }
        );
    }
    out.push_str(LEGEND);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::column_width;

    #[test]
    fn column_widths_are_not_rounded_away() {
        assert_eq!(column_width(1667), "1.7s");
        assert_eq!(column_width(834), "0.8s");
        assert_eq!(column_width(5000), "5s");
        assert_eq!(column_width(90_000), "1m30s");
    }
}
