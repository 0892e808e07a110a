//! The timeline: everything the simulation recorded — every PodStatus change, event, probe
//! run (result and output) and log line, with its virtual time, and the cause of each
//! (`crate::why`) — and the queries the views need: the status, the events (aggregated as
//! the event recorder does) and the logs at any instant.

use crate::api::FieldSpans;
use crate::kubelet::events::{Component, Event, EventReason, EventType};
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{Manifest, PodStatus};
use crate::runtime::LogLine;
use crate::sim::scenario::ScenarioEvent;
use crate::time::Millis;
use crate::why::{Cause, CauseId, FileFact, StatusField, NO_CAUSE};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::rc::Rc;

/// The pod's status from `t_ms` until the next snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub t_ms: Millis,
    pub status: PodStatus,
    /// Each field that changed here (from the snapshot before, or from nothing for the
    /// first), with its cause.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<(StatusField, CauseId)>,
}

/// One occurrence of an event; `count` is the aggregated count after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub t_ms: Millis,
    #[serde(rename = "type")]
    pub type_: EventType,
    pub reason: EventReason,
    pub from: Component,
    pub message: String,
    pub count: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_path: Option<String>,
    /// When the first event of this aggregate happened.
    #[serde(skip)]
    pub first_ms: Millis,
    /// Index of the aggregate this occurrence belongs to.
    #[serde(skip)]
    pub key: u32,
    /// Why it was recorded (`Timeline::causes`).
    #[serde(default = "no_cause")]
    pub cause: CauseId,
}

fn no_cause() -> CauseId {
    NO_CAUSE
}

/// The causes of what happened to the pod object itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PodCauses {
    /// The object was created (t = 0).
    pub created: CauseId,
    /// `kubectl delete` (or an eviction) asked for its deletion.
    pub deleted: CauseId,
    /// The object was removed.
    pub removed: CauseId,
}

impl Default for PodCauses {
    fn default() -> Self {
        PodCauses {
            created: NO_CAUSE,
            deleted: NO_CAUSE,
            removed: NO_CAUSE,
        }
    }
}

/// One probe run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProbeRecord {
    pub t_ms: Millis,
    pub container: std::rc::Rc<str>,
    pub probe: ProbeKind,
    pub result: ProbeResult,
    pub output: String,
}

/// The log of one container instance (for `kubectl logs` and `--previous`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstanceLog {
    pub container: String,
    /// 0 for the first run, then the restart count of each later run.
    pub restart: u32,
    pub started_at: Millis,
    pub finished_at: Option<Millis>,
    pub lines: Vec<LogLine>,
}

/// `kubectl delete` and what followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deletion {
    pub requested_at: Millis,
    /// metadata.deletionTimestamp: requested_at + grace period.
    pub deletion_timestamp: Millis,
    pub grace_period_seconds: i64,
    /// When the object disappeared from the API (None: still Terminating at the end).
    pub deleted_at: Option<Millis>,
}

/// An aggregated event as `kubectl describe` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AggregatedEvent {
    pub type_: EventType,
    pub reason: EventReason,
    pub from: Component,
    pub message: String,
    pub field_path: Option<String>,
    pub count: u32,
    pub first_ms: Millis,
    pub last_ms: Millis,
}

/// What makes two events one aggregate: type, reason, source, message and object.
type AggregationKey = (EventType, EventReason, Component, String, Option<String>);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub pod_name: String,
    pub namespace: String,
    pub uid: String,
    pub node: Option<String>,
    /// The simulation ran until this instant.
    pub until: Millis,
    /// The manifest as the cluster stored it (defaulted), for `describe`.
    pub manifest: Manifest,
    pub snapshots: Vec<Snapshot>,
    pub events: Vec<EventRecord>,
    pub probes: Vec<ProbeRecord>,
    pub logs: Vec<InstanceLog>,
    pub deletion: Option<Deletion>,
    /// Every decision the simulation made, in order (see `crate::why`): events and status
    /// changes point here.
    #[serde(default)]
    pub causes: Vec<Cause>,
    #[serde(default)]
    pub pod_causes: PodCauses,
    /// Files created or removed in the containers (facts that explain probes).
    #[serde(default)]
    pub files: Vec<FileFact>,
    /// The scenario's timed events, which `Fact::Fault` causes index.
    #[serde(default)]
    pub faults: Vec<ScenarioEvent>,
    /// Where each field of the manifest is in its text, when the timeline came from a text
    /// (`session::analyze`): field references of explanations resolve to spans through it.
    #[serde(skip)]
    pub source: Option<Rc<FieldSpans>>,
    /// The Kubernetes version the pod ran on (kubectl's printing follows it).
    #[serde(default)]
    pub kubernetes: crate::cluster::KubeVersion,
    /// The aggregation key of each aggregate, in first-seen order.
    #[serde(skip)]
    keys: Vec<AggregationKey>,
    #[serde(skip)]
    key_index: HashMap<AggregationKey, u32>,
    #[serde(skip)]
    counts: Vec<(u32, Millis)>,
}

impl Timeline {
    pub fn new(manifest: Manifest, uid: String) -> Self {
        Timeline {
            pod_name: manifest.pod.metadata.effective_name(),
            namespace: manifest.pod.metadata.effective_namespace().to_string(),
            uid,
            node: None,
            until: 0,
            manifest,
            snapshots: Vec::new(),
            events: Vec::new(),
            probes: Vec::new(),
            logs: Vec::new(),
            deletion: None,
            causes: Vec::new(),
            pod_causes: PodCauses::default(),
            files: Vec::new(),
            faults: Vec::new(),
            source: None,
            kubernetes: crate::cluster::KubeVersion::default(),
            keys: Vec::new(),
            key_index: HashMap::new(),
            counts: Vec::new(),
        }
    }

    /// Record a cause; returns its id.
    pub fn cause(&mut self, c: Cause) -> CauseId {
        let id = CauseId::try_from(self.causes.len()).unwrap_or(NO_CAUSE);
        self.causes.push(c);
        id
    }

    /// Record an event at `t` because of `cause`, aggregating identical ones (same source,
    /// object, type, reason and message) into a count, as client-go's event correlator does.
    pub fn record_event(&mut self, t: Millis, e: Event, cause: CauseId) {
        let k = (
            e.type_,
            e.reason,
            e.from,
            e.message.clone(),
            e.field_path.clone(),
        );
        let key = match self.key_index.get(&k) {
            Some(&key) => key,
            None => {
                let key = self.keys.len() as u32;
                self.keys.push(k.clone());
                self.key_index.insert(k, key);
                self.counts.push((0, t));
                key
            }
        };
        let entry = &mut self.counts[key as usize];
        entry.0 += 1;
        self.events.push(EventRecord {
            t_ms: t,
            type_: e.type_,
            reason: e.reason,
            from: e.from,
            message: e.message,
            count: entry.0,
            field_path: e.field_path,
            first_ms: entry.1,
            key,
            cause,
        });
    }

    /// Record the status written at `t`, with the causes of the fields that changed (`why`,
    /// against the status before the one it replaces when `t` is the last snapshot's
    /// instant: see `status_before`).
    pub fn record_status(
        &mut self,
        t: Millis,
        status: PodStatus,
        why: Vec<(StatusField, CauseId)>,
    ) {
        if self.snapshots.last().map(|s| &s.status) == Some(&status) {
            return;
        }
        match self.snapshots.last_mut() {
            Some(last) if last.t_ms == t => {
                last.status = status;
                last.why = why;
            }
            _ => self.snapshots.push(Snapshot {
                t_ms: t,
                status,
                why,
            }),
        }
    }

    /// The status a status written at `t` changes: the last snapshot's, or when that one is
    /// at `t` itself (and will be replaced), the one before it.
    pub fn status_before(&self, t: Millis) -> Option<&PodStatus> {
        let n = self.snapshots.len();
        match self.snapshots.last() {
            Some(last) if last.t_ms == t => n.checked_sub(2).map(|i| &self.snapshots[i].status),
            Some(last) => Some(&last.status),
            None => None,
        }
    }

    /// The pod's status at `t` (the newest snapshot at or before it).
    pub fn status_at(&self, t: Millis) -> Option<&PodStatus> {
        let i = self.snapshots.partition_point(|s| s.t_ms <= t);
        i.checked_sub(1).map(|i| &self.snapshots[i].status)
    }

    /// Index of the snapshot in force at `t`.
    pub fn snapshot_index_at(&self, t: Millis) -> Option<usize> {
        self.snapshots
            .partition_point(|s| s.t_ms <= t)
            .checked_sub(1)
    }

    /// Whether the pod object exists at `t` (not yet deleted).
    pub fn exists_at(&self, t: Millis) -> bool {
        !matches!(self.deletion, Some(Deletion { deleted_at: Some(d), .. }) if d <= t)
    }

    /// The deletion in force at `t`, if `kubectl delete` happened by then.
    pub fn deletion_at(&self, t: Millis) -> Option<&Deletion> {
        self.deletion.as_ref().filter(|d| d.requested_at <= t)
    }

    /// Events up to `t`, aggregated, sorted by when they last happened (oldest first).
    pub fn events_at(&self, t: Millis) -> Vec<AggregatedEvent> {
        let end = self.events.partition_point(|e| e.t_ms <= t);
        let mut latest: Vec<Option<&EventRecord>> = vec![None; self.keys.len()];
        for e in &self.events[..end] {
            latest[e.key as usize] = Some(e);
        }
        let mut out: Vec<(usize, AggregatedEvent)> = latest
            .into_iter()
            .flatten()
            .map(|e| {
                (
                    e.key as usize,
                    AggregatedEvent {
                        type_: e.type_,
                        reason: e.reason,
                        from: e.from,
                        message: e.message.clone(),
                        field_path: e.field_path.clone(),
                        count: e.count,
                        first_ms: e.first_ms,
                        last_ms: e.t_ms,
                    },
                )
            })
            .collect();
        out.sort_by_key(|(k, e)| (e.last_ms, *k));
        out.into_iter().map(|(_, e)| e).collect()
    }

    /// Probe runs up to `t`.
    pub fn probes_until(&self, t: Millis) -> &[ProbeRecord] {
        let end = self.probes.partition_point(|p| p.t_ms <= t);
        &self.probes[..end]
    }

    /// The log instance of `container` in force at `t` (`previous`: the one before it).
    pub fn instance_log_at(
        &self,
        container: &str,
        t: Millis,
        previous: bool,
    ) -> Option<&InstanceLog> {
        let runs: Vec<&InstanceLog> = self
            .logs
            .iter()
            .filter(|l| l.container == container && l.started_at <= t)
            .collect();
        let n = runs.len();
        if previous {
            n.checked_sub(2).map(|i| runs[i])
        } else {
            runs.last().copied()
        }
    }

    /// The instants at which anything happened (status change or event), sorted, deduplicated:
    /// for "previous/next event" navigation.
    pub fn moments(&self) -> Vec<Millis> {
        let mut m: Vec<Millis> = self
            .snapshots
            .iter()
            .map(|s| s.t_ms)
            .chain(self.events.iter().map(|e| e.t_ms))
            .collect();
        m.sort_unstable();
        m.dedup();
        m
    }
}
