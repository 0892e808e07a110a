//! What the timeline marks without being asked: the annotations of its big moments (grace
//! periods, back-off waits, the failure runs that killed a container), and the marks of
//! everything a field caused (the editor's cursor on a field lights them up).
use super::cause::{Cause, CauseId, Fact};
use super::change::{head, ChangeRef, Lane};
use super::explain::{marks, Mark, MarkKind};
use super::fields;
use super::rule::Rule;
use super::words;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::sim::Timeline;
use crate::time::Millis;
use serde::Serialize;

/// A grace period, a back-off, a failure run that triggered a kill: what the timeline marks
/// by itself, without a click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub kind: AnnotationKind,
    pub lane: Lane,
    pub from: Millis,
    pub to: Millis,
    /// `grace 30s`, `back-off 40s`, `3/3`.
    pub label: crate::text::Text,
    /// What to open "why?" on.
    pub change: ChangeRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AnnotationKind {
    /// From Killing to the exit (or to the end of the grace period).
    GracePeriod,
    /// From an exit to the next start, while CrashLoopBackOff holds it back.
    BackOff,
    /// The run of probe failures that reached failureThreshold and killed the container.
    FailureRun,
}

/// The timeline's big moments, annotated: grace periods, back-off waits, killing failure
/// runs.
pub fn annotations(tl: &Timeline) -> Vec<Annotation> {
    use crate::text::Text;
    let mut out = Vec::new();
    // Who follows from whom: each cause's children.
    let mut child: Vec<Vec<CauseId>> = vec![Vec::new(); tl.causes.len()];
    for (i, c) in tl.causes.iter().enumerate() {
        for p in c.parents() {
            if let Some(v) = child.get_mut(p as usize) {
                v.push(i as CauseId);
            }
        }
    }
    let end = tl.until;
    for (i, c) in tl.causes.iter().enumerate() {
        let id = i as CauseId;
        let Some(container) = c.container else {
            continue;
        };
        let lane = Lane::Container { container };
        let first_child = |f: &dyn Fn(&Cause) -> bool| {
            child[i]
                .iter()
                .filter_map(|&k| tl.causes.get(k as usize))
                .find(|k| f(k))
                .map(|k| k.at)
        };
        match c.fact {
            Fact::Kill { grace, .. } => {
                let exit = first_child(&|k| matches!(k.fact, Fact::Exit { .. }));
                let to = exit.unwrap_or((c.at + grace).min(end));
                let secs = words::t(grace);
                out.push(Annotation {
                    kind: AnnotationKind::GracePeriod,
                    lane,
                    from: c.at,
                    to,
                    label: Text::new(format!("grace {secs}"), format!("유예 {secs}")),
                    change: ChangeRef::Cause { index: id },
                });
            }
            Fact::Wait { delay, since, .. } if c.rule == Rule::CrashLoopBackOff => {
                let start = first_child(&|k| matches!(k.fact, Fact::Instance { .. }));
                let to = start.unwrap_or((since + delay).min(end));
                let d = words::t(delay);
                out.push(Annotation {
                    kind: AnnotationKind::BackOff,
                    lane,
                    from: since,
                    to,
                    label: Text::new(format!("back-off {d}"), format!("백오프 {d}")),
                    change: ChangeRef::Cause { index: id },
                });
            }
            Fact::Probe {
                kind,
                result: ProbeResult::Failure,
                run,
                threshold,
            } if matches!(c.rule, Rule::LivenessFailed | Rule::StartupFailed) => {
                let killed = first_child(&|k| matches!(k.fact, Fact::Kill { .. }));
                if killed.is_none() {
                    continue;
                }
                let ticks = words::last_run_ticks(
                    tl,
                    usize::from(container),
                    kind,
                    ProbeResult::Failure,
                    c.at,
                    run,
                );
                let from = ticks.first().copied().unwrap_or(c.at);
                out.push(Annotation {
                    kind: AnnotationKind::FailureRun,
                    lane,
                    from,
                    to: c.at,
                    label: Text::same(format!("{run}/{threshold}")),
                    change: ChangeRef::Cause { index: id },
                });
            }
            _ => {}
        }
    }
    out
}

/// What the field at `path` (as the editor's cursor names it) caused: a mark for every
/// change whose cause read it (or a field inside it), and every probe run of a probe it is
/// part of.
pub fn caused_by_field(tl: &Timeline, path: &str) -> Vec<Mark> {
    // `a` is `b` or inside it.
    let under = |a: &str, b: &str| {
        a.strip_prefix(b)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
    };
    // A field read by a cause: the cursor's, one inside it (the cursor on `livenessProbe`),
    // or one holding it (the cursor on an item of `command`).
    let inside = |p: &str| under(p, path) || under(path, p);
    let mut out: Vec<Mark> = Vec::new();
    let mut reads: Vec<bool> = Vec::with_capacity(tl.causes.len());
    for c in &tl.causes {
        reads.push(fields::paths(tl, c).iter().any(|p| inside(p)));
    }
    // The decisions that read it (a verdict, a kill's grace period, a back-off)…
    for (i, c) in tl.causes.iter().enumerate() {
        if !reads[i] || c.rule == Rule::ProbeFailed || c.rule == Rule::ProbeSucceeded {
            continue;
        }
        let said = words::Said::default();
        out.extend(
            marks(tl, i as CauseId, c, &said)
                .into_iter()
                .filter(|m| !matches!(m.kind, MarkKind::Event | MarkKind::ProbeTick)),
        );
    }
    // …and the changes they explain.
    for ch in super::change::changes(tl) {
        if matches!(ch.change, ChangeRef::Probe { .. }) {
            continue;
        }
        if head(tl, ch.change).is_some_and(|id| reads.get(id as usize) == Some(&true)) {
            let kind = match ch.change {
                ChangeRef::Event { .. } => MarkKind::Event,
                _ => MarkKind::Instant,
            };
            out.push(Mark {
                lane: ch.lane,
                at: ch.at,
                until: None,
                kind,
            });
        }
    }
    // Every tick of a probe the field belongs to.
    let all = tl.manifest.pod.spec.all_containers().count();
    for c in 0..all {
        let base = fields::container_path(tl, c);
        for kind in ProbeKind::ALL {
            let probe_path = format!("{base}.{}", fields::probe_field(kind));
            if !inside(&probe_path) {
                continue;
            }
            let name = words::name(tl, c);
            out.extend(
                tl.probes
                    .iter()
                    .filter(|p| *p.container == *name && p.probe == kind)
                    .map(|p| Mark {
                        lane: Lane::Container {
                            container: c as u16,
                        },
                        at: p.t_ms,
                        until: None,
                        kind: MarkKind::ProbeTick,
                    }),
            );
        }
    }
    // One mark per moment (a decision and the change it explains often coincide).
    let mut seen: Vec<Mark> = Vec::new();
    out.retain(|m| {
        if m.kind == MarkKind::ProbeTick {
            return true;
        }
        if seen.contains(m) {
            return false;
        }
        seen.push(*m);
        true
    });
    out.sort_by_key(|m| m.at);
    out
}
