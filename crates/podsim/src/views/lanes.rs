//! The timeline as lanes for a visual chart: for each container, segments of waiting /
//! running / terminated with their reasons, restart markers and probe ticks; segments for
//! each condition and the phase; event markers. Pure data, computed from the timeline, so
//! every front end draws the same thing.

use crate::kubelet::events::EventType;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{
    ConditionStatus, ConditionType, ContainerStatus, PodPhase, PodStatus, WaitingReason,
};
use crate::sim::Timeline;
use crate::text::Text;
use crate::time::Millis;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SegmentKind {
    /// Waiting to start (ContainerCreating, PodInitializing).
    Pending,
    /// Waiting because something is wrong (CrashLoopBackOff, ErrImagePull, …).
    Blocked,
    /// Running and ready.
    Ready,
    /// Running, not ready.
    Running,
    /// Exited 0.
    Completed,
    /// Exited non-zero (or killed).
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub start: Millis,
    pub end: Millis,
    pub kind: SegmentKind,
    /// The state's reason (`CrashLoopBackOff`, `Error`, `Completed`…) or `Running`.
    pub label: String,
    /// More detail for a hover: ready or not, the exit code, the kubelet's message (which,
    /// as on a cluster, is English in every language).
    pub detail: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeTick {
    pub t: Millis,
    pub probe: ProbeKind,
    pub result: ProbeResult,
    pub output: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerLane {
    pub name: String,
    /// `init`, `sidecar` or `app`.
    pub role: String,
    pub segments: Vec<Segment>,
    /// When the container was (re)started, with the restart count it then had.
    pub starts: Vec<(Millis, u32)>,
    pub probes: Vec<ProbeTick>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionLane {
    pub name: String,
    /// Segments labelled `True` / `False` (with the reason in `detail`).
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMark {
    pub t: Millis,
    pub warning: bool,
    pub reason: String,
    pub message: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lanes {
    pub until: Millis,
    pub containers: Vec<ContainerLane>,
    pub conditions: Vec<ConditionLane>,
    pub phase: Vec<Segment>,
    pub events: Vec<EventMark>,
    /// When `kubectl delete` happened and when the pod was gone.
    pub deleted_at: Option<Millis>,
    pub gone_at: Option<Millis>,
    /// The phase in the last status the kubelet wrote before the object was removed.
    #[serde(default)]
    pub final_phase: Option<String>,
}

fn container_state(c: &ContainerStatus) -> (SegmentKind, String, Text) {
    if c.state.running.is_some() {
        let kind = if c.ready {
            SegmentKind::Ready
        } else {
            SegmentKind::Running
        };
        return (
            kind,
            PodPhase::Running.as_str().into(),
            if c.ready {
                Text::new("ready", "준비됨")
            } else {
                Text::new("not ready", "준비 안 됨")
            },
        );
    }
    if let Some(t) = &c.state.terminated {
        let reason = match t.reason {
            Some(r) => r.as_str().to_string(),
            None => format!("ExitCode:{}", t.exit_code),
        };
        let kind = if t.exit_code == 0 {
            SegmentKind::Completed
        } else {
            SegmentKind::Failed
        };
        let code = t.exit_code;
        return (
            kind,
            reason,
            Text::new(format!("exit code {code}"), format!("종료 코드 {code}")),
        );
    }
    let w = c.state.waiting.as_ref();
    let reason = w.and_then(|w| w.reason);
    let message = w.and_then(|w| w.message.clone()).unwrap_or_default();
    let kind = match reason {
        None | Some(WaitingReason::ContainerCreating | WaitingReason::PodInitializing) => {
            SegmentKind::Pending
        }
        Some(_) => SegmentKind::Blocked,
    };
    let label = reason.map_or("Waiting", WaitingReason::as_str);
    (kind, label.to_string(), Text::same(message))
}

/// Turn a sequence of (time, value) samples into segments of equal values, ending at `until`.
fn segments<T: PartialEq>(
    samples: impl Iterator<Item = (Millis, Option<T>)>,
    until: Millis,
    mut make: impl FnMut(&T) -> (SegmentKind, String, Text),
) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut cur: Option<(Millis, T)> = None;
    let mut close = |cur: Option<(Millis, T)>, end: Millis, out: &mut Vec<Segment>| {
        if let Some((start, v)) = cur {
            if end > start {
                let (kind, label, detail) = make(&v);
                out.push(Segment {
                    start,
                    end,
                    kind,
                    label,
                    detail,
                });
            }
        }
    };
    for (t, v) in samples {
        if t >= until {
            break;
        }
        match (&cur, v) {
            (Some((_, old)), Some(new)) if *old == new => {}
            (_, v) => {
                let prev = cur.take();
                close(prev, t, &mut out);
                cur = v.map(|v| (t, v));
            }
        }
    }
    close(cur, until, &mut out);
    out
}

/// The condition lanes, in the order a Pod goes through them (DisruptionTarget is drawn only
/// when the run has it).
const CONDITIONS: [ConditionType; 6] = [
    ConditionType::PodScheduled,
    ConditionType::PodReadyToStartContainers,
    ConditionType::Initialized,
    ConditionType::ContainersReady,
    ConditionType::Ready,
    ConditionType::DisruptionTarget,
];

pub fn lanes(tl: &Timeline) -> Lanes {
    let until = tl.until;
    let gone_at = tl.deletion.and_then(|d| d.deleted_at);
    // Once the pod object is gone, its lanes end: there is nothing left to show.
    let end = gone_at.map_or(until, |gone| gone.min(until));
    let spec = &tl.manifest.pod.spec;
    let statuses = |s: &PodStatus, name: &str| s.container(name).cloned();
    let containers = spec
        .all_containers()
        .map(|(c, init)| {
            let name = c.name.clone();
            let samples = tl.snapshots.iter().map(|s| {
                (
                    s.t_ms,
                    statuses(&s.status, &name).map(|c| container_state(&c)),
                )
            });
            let segs = segments(samples, end, |v: &(SegmentKind, String, Text)| v.clone());
            ContainerLane {
                role: match (init, c.is_restartable()) {
                    (true, true) => "sidecar",
                    (true, false) => "init",
                    _ => "app",
                }
                .into(),
                segments: segs,
                starts: tl
                    .logs
                    .iter()
                    .filter(|l| l.container == name)
                    .map(|l| (l.started_at, l.restart))
                    .collect(),
                probes: tl
                    .probes
                    .iter()
                    .filter(|p| *p.container == *name)
                    .map(|p| ProbeTick {
                        t: p.t_ms,
                        probe: p.probe,
                        result: p.result,
                        output: p.output.clone(),
                    })
                    .collect(),
                name,
            }
        })
        .collect();
    let conditions = CONDITIONS
        .into_iter()
        .map(|type_| {
            let samples = tl.snapshots.iter().map(|s| {
                (
                    s.t_ms,
                    s.status
                        .condition(type_)
                        .map(|c| (c.status, c.reason, c.message.clone().unwrap_or_default())),
                )
            });
            ConditionLane {
                name: type_.as_str().to_string(),
                segments: segments(samples, end, |(status, reason, message)| {
                    let kind = if *status == ConditionStatus::True {
                        SegmentKind::Ready
                    } else {
                        SegmentKind::Pending
                    };
                    let detail = match (reason, message.is_empty()) {
                        (None, _) => String::new(),
                        (Some(r), true) => r.as_str().to_string(),
                        (Some(r), false) => format!("{r}: {message}"),
                    };
                    (kind, status.as_str().to_string(), Text::same(detail))
                }),
            }
        })
        .filter(|lane| {
            lane.name != ConditionType::DisruptionTarget.as_str() || !lane.segments.is_empty()
        })
        .collect();
    let phase = segments(
        tl.snapshots.iter().map(|s| (s.t_ms, Some(s.status.phase))),
        end,
        |p: &PodPhase| {
            let kind = match p {
                PodPhase::Running => SegmentKind::Running,
                PodPhase::Succeeded => SegmentKind::Completed,
                PodPhase::Failed => SegmentKind::Failed,
                PodPhase::Pending | PodPhase::Unknown => SegmentKind::Pending,
            };
            (kind, p.as_str().to_string(), Text::default())
        },
    );
    let events = tl
        .events
        .iter()
        .map(|e| EventMark {
            t: e.t_ms,
            warning: e.type_ == EventType::Warning,
            reason: e.reason.as_str().to_string(),
            message: e.message.clone(),
            count: e.count,
        })
        .collect();
    Lanes {
        until,
        containers,
        conditions,
        phase,
        events,
        deleted_at: tl.deletion.map(|d| d.requested_at),
        gone_at,
        final_phase: gone_at
            .and_then(|gone| tl.status_at(gone))
            .map(|s| s.phase.as_str().to_string()),
    }
}
