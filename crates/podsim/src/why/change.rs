//! What can be asked "why?": a [`ChangeRef`] names one change recorded in the timeline — an
//! event occurrence, a status field that changed at a snapshot, a probe run, or a decision
//! itself — and [`changes`] lists them all with their instant, their lane on the timeline
//! (the lanes of `views::lanes`) and a short label. `watch_refs` and `event_refs` give the
//! change behind each row of `kubectl get pods -w` and of `kubectl get events`.

use super::cause::{CauseId, Fact, StatusField, NO_CAUSE};
use super::rule::Rule;
use super::words;
use crate::kubelet::prober::ProbeResult;
use crate::model::ConditionType;
use crate::schema::Lang;
use crate::sim::Timeline;
use crate::text::Text;
use crate::time::Millis;
use crate::views::get::{watch_rows, RowSource};
use serde::{Deserialize, Serialize};

/// Where on the timeline a change is drawn: the lanes of `views::lanes::Lanes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Lane {
    /// A container's lane: its index in `Lanes::containers` (init containers first).
    Container { container: u16 },
    /// A condition's lane (`Lanes::conditions`, by its type).
    Condition { condition: ConditionType },
    /// The phase lane (the pod object's creation, deletion and removal are drawn there too).
    Phase,
    /// The events row.
    Events,
}

/// One change in the timeline that can be asked "why?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ChangeRef {
    /// An event occurrence: `Timeline::events[index]`.
    Event { index: u32 },
    /// A status field that changed at `Timeline::snapshots[snapshot]`.
    Status { snapshot: u32, field: StatusField },
    /// A probe run: `Timeline::probes[index]`.
    Probe { index: u32 },
    /// A decision itself: `Timeline::causes[index]` (each step of an explanation, and the
    /// pod's creation, deletion and removal).
    Cause { index: u32 },
}

/// A change with where and when it is drawn, and a short label (both languages) for a mark's
/// accessible name or a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub change: ChangeRef,
    pub at: Millis,
    pub lane: Lane,
    pub label: Text,
}

/// The lane of a status field.
pub fn field_lane(field: StatusField) -> Lane {
    match field {
        StatusField::Phase => Lane::Phase,
        StatusField::Condition { condition } => Lane::Condition { condition },
        StatusField::State { container }
        | StatusField::Ready { container }
        | StatusField::Started { container } => Lane::Container { container },
    }
}

/// The instant and lane of a change (None: the reference does not name anything).
pub fn locate(tl: &Timeline, change: ChangeRef) -> Option<(Millis, Lane)> {
    match change {
        ChangeRef::Event { index } => tl
            .events
            .get(index as usize)
            .map(|e| (e.t_ms, Lane::Events)),
        ChangeRef::Status { snapshot, field } => tl
            .snapshots
            .get(snapshot as usize)
            .map(|s| (s.t_ms, field_lane(field))),
        ChangeRef::Probe { index } => {
            let p = tl.probes.get(index as usize)?;
            let c = container_index(tl, &p.container)?;
            Some((
                p.t_ms,
                Lane::Container {
                    container: c as u16,
                },
            ))
        }
        ChangeRef::Cause { index } => {
            let c = tl.causes.get(index as usize)?;
            let lane = match c.container {
                Some(container) => Lane::Container { container },
                None => match c.fact {
                    Fact::Condition { condition, .. } => Lane::Condition { condition },
                    _ => Lane::Phase,
                },
            };
            Some((c.at, lane))
        }
    }
}

/// The index (init containers first) of the container named `name`.
pub fn container_index(tl: &Timeline, name: &str) -> Option<usize> {
    tl.manifest
        .pod
        .spec
        .all_containers()
        .position(|(c, _)| c.name == name)
}

/// The cause a change is explained by (None when it has none: a probe run with no run
/// cause, which cannot happen in a timeline the engine made).
pub fn head(tl: &Timeline, change: ChangeRef) -> Option<CauseId> {
    let id = match change {
        ChangeRef::Event { index } => tl.events.get(index as usize)?.cause,
        ChangeRef::Status { snapshot, field } => {
            tl.snapshots
                .get(snapshot as usize)?
                .why
                .iter()
                .find(|(f, _)| *f == field)?
                .1
        }
        ChangeRef::Probe { index } => probe_run(tl, index as usize)?,
        ChangeRef::Cause { index } => index,
    };
    (id != NO_CAUSE && (id as usize) < tl.causes.len()).then_some(id)
}

/// The cause of the run of results probe run `i` belongs to: the newest run cause of its
/// container, probe and result at or before it.
pub fn probe_run(tl: &Timeline, i: usize) -> Option<CauseId> {
    let p = tl.probes.get(i)?;
    let c = container_index(tl, &p.container)?;
    let end = tl.causes.partition_point(|x| x.at <= p.t_ms);
    tl.causes[..end]
        .iter()
        .rposition(|x| {
            x.container() == Some(c)
                && matches!(
                    (x.rule, x.fact),
                    (Rule::ProbeFailed | Rule::ProbeSucceeded | Rule::ProbeErrored,
                     Fact::Probe { kind, result, .. }) if kind == p.probe && result == p.result
                )
        })
        .map(|k| k as CauseId)
}

/// Every change in the timeline that can be asked "why?", in time order: each changed status
/// field, each event, the first probe run of each run of equal results (and every failing or
/// erroring run, each of which is also an event), and the pod's creation, deletion and removal.
pub fn changes(tl: &Timeline) -> Vec<Change> {
    let mut out = Vec::new();
    let label = |change: ChangeRef| {
        Text::new(
            words::label(tl, change, Lang::En),
            words::label(tl, change, Lang::Ko),
        )
    };
    let pc = tl.pod_causes;
    for id in [pc.created, pc.deleted, pc.removed] {
        if let Some(c) = tl.causes.get(id as usize) {
            let change = ChangeRef::Cause { index: id };
            out.push(Change {
                change,
                at: c.at,
                lane: Lane::Phase,
                label: label(change),
            });
        }
    }
    for (i, s) in tl.snapshots.iter().enumerate() {
        for &(field, _) in &s.why {
            let change = ChangeRef::Status {
                snapshot: i as u32,
                field,
            };
            out.push(Change {
                change,
                at: s.t_ms,
                lane: field_lane(field),
                label: label(change),
            });
        }
    }
    for (i, e) in tl.events.iter().enumerate() {
        let change = ChangeRef::Event { index: i as u32 };
        out.push(Change {
            change,
            at: e.t_ms,
            lane: Lane::Events,
            label: label(change),
        });
    }
    // One mark per run of equal results of a probe, plus every failure (or error).
    let mut last: Vec<(
        std::rc::Rc<str>,
        crate::kubelet::prober::ProbeKind,
        ProbeResult,
    )> = Vec::new();
    for (i, p) in tl.probes.iter().enumerate() {
        let key = (p.container.clone(), p.probe);
        let pos = last.iter().position(|(c, k, _)| (c, *k) == (&key.0, key.1));
        let new_run = match pos {
            Some(j) if last[j].2 == p.result => false,
            Some(j) => {
                last[j].2 = p.result;
                true
            }
            None => {
                last.push((key.0, key.1, p.result));
                true
            }
        };
        if new_run || p.result != ProbeResult::Success {
            let change = ChangeRef::Probe { index: i as u32 };
            if let Some((at, lane)) = locate(tl, change) {
                out.push(Change {
                    change,
                    at,
                    lane,
                    label: label(change),
                });
            }
        }
    }
    out.sort_by_key(|c| c.at);
    out
}

/// The change behind each row `views::get::watch(tl, t)` prints after its header, in order.
pub fn watch_refs(tl: &Timeline, t: Millis) -> Vec<ChangeRef> {
    watch_rows(tl, t)
        .into_iter()
        .map(|(_, source)| match source {
            RowSource::Created => ChangeRef::Cause {
                index: tl.pod_causes.created,
            },
            RowSource::Bound => tl
                .events
                .iter()
                .position(|e| e.reason == crate::kubelet::events::EventReason::Scheduled)
                .map(|i| ChangeRef::Event { index: i as u32 })
                .unwrap_or(ChangeRef::Cause {
                    index: tl.pod_causes.created,
                }),
            RowSource::Status(i) => status_row_ref(tl, i),
            RowSource::Deletion => ChangeRef::Cause {
                index: tl.pod_causes.deleted,
            },
            RowSource::Removed => ChangeRef::Cause {
                index: tl.pod_causes.removed,
            },
        })
        .collect()
}

/// The change a status row stands for: the most telling field that changed there (a
/// container's state, then its readiness, the phase, the conditions).
pub fn status_row_ref(tl: &Timeline, snapshot: usize) -> ChangeRef {
    let why = tl
        .snapshots
        .get(snapshot)
        .map(|s| s.why.as_slice())
        .unwrap_or(&[]);
    let rank = |f: &StatusField| match f {
        StatusField::State { .. } => 0,
        StatusField::Ready { .. } => 1,
        StatusField::Phase => 2,
        StatusField::Condition {
            condition: ConditionType::Ready,
        } => 3,
        StatusField::Started { .. } => 4,
        StatusField::Condition { .. } => 5,
    };
    let field = why
        .iter()
        .map(|(f, _)| *f)
        .min_by_key(rank)
        .unwrap_or(StatusField::Phase);
    ChangeRef::Status {
        snapshot: snapshot as u32,
        field,
    }
}

/// The change behind each row of `views::events::get_events(tl, t)` (and of the events of
/// `describe`), in the order `Timeline::events_at(t)` gives them: each row's newest
/// occurrence.
pub fn event_refs(tl: &Timeline, t: Millis) -> Vec<ChangeRef> {
    let end = tl.events.partition_point(|e| e.t_ms <= t);
    let mut latest: Vec<(u32, usize)> = Vec::new();
    for (i, e) in tl.events[..end].iter().enumerate() {
        match latest.iter_mut().find(|(k, _)| *k == e.key) {
            Some(l) => l.1 = i,
            None => latest.push((e.key, i)),
        }
    }
    latest.sort_by_key(|&(k, i)| (tl.events[i].t_ms, k));
    latest
        .into_iter()
        .map(|(_, i)| ChangeRef::Event { index: i as u32 })
        .collect()
}
