//! Two timelines side by side — the same manifest run on two clusters (versions, feature
//! gates, kubelet settings) — and the first instant at which what a learner sees differs:
//! the pod's status, an event, a probe run, a log line or the deletion.
//!
//! Only the span both runs cover counts (the shorter `until`). Each record stream is
//! walked in order; its first differing record gives the stream's instant (the earlier of
//! the two records' times), and the earliest instant over all streams is the difference.
//! Everything that differs at that instant is reported, so a new wording and a new status
//! that come together are told together.

use super::timeline::{Deletion, EventRecord, ProbeRecord, Timeline};
use crate::runtime::LogLine;
use crate::time::Millis;
use serde_json::Value;

/// The first instant at which two timelines differ, and what differs then.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub at: Millis,
    /// Every aspect that differs at `at`, in the order status, event, probe, log, deletion.
    pub what: Vec<Differs>,
}

/// One aspect that differs. `left` is the first timeline's side, `right` the second's; `None`
/// where that side has no such record (the other has one more, or one earlier).
#[derive(Debug, Clone, PartialEq)]
pub enum Differs {
    /// The status in force from `at`: the fields of `kubectl get pod -o yaml` that differ
    /// (`status.phase`, `status.containerStatuses[0].state.waiting.reason`, …).
    Status { paths: Vec<String> },
    /// The first event that is not the same on both sides (time, type, reason, source,
    /// message or object): a new wording shows here as two messages at one instant.
    Event {
        left: Option<EventRecord>,
        right: Option<EventRecord>,
    },
    /// The first probe run that differs (time, container, probe, result or output).
    Probe {
        left: Option<ProbeRecord>,
        right: Option<ProbeRecord>,
    },
    /// The first log line that differs, with its container and instance (restart count).
    Log {
        left: Option<LoggedLine>,
        right: Option<LoggedLine>,
    },
    /// `kubectl delete` and its outcome as seen so far: requested on one side only, with
    /// another grace period (so another deletionTimestamp), or the object left the API on
    /// one side only or at another instant.
    Deletion {
        left: Option<Deletion>,
        right: Option<Deletion>,
    },
}

/// A log line with the container instance that wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedLine {
    pub container: String,
    pub restart: u32,
    pub line: LogLine,
}

/// The first difference between `left` and `right` within the span both cover; `None` when
/// a learner would see the same thing on both, instant by instant.
pub fn first_difference(left: &Timeline, right: &Timeline) -> Option<Difference> {
    let until = left.until.min(right.until);
    let status = status_difference(left, right, until);
    let event = first_mismatch(
        within(&left.events, until, |e| e.t_ms),
        within(&right.events, until, |e| e.t_ms),
        same_event,
        |e| e.t_ms,
    );
    let probe = first_mismatch(
        within(&left.probes, until, |p| p.t_ms),
        within(&right.probes, until, |p| p.t_ms),
        |a, b| a == b,
        |p| p.t_ms,
    );
    let (left_lines, right_lines) = (log_lines(left, until), log_lines(right, until));
    let log = first_mismatch(&left_lines, &right_lines, |a, b| a == b, |l| l.line.t);
    let deletion = deletion_difference(left, right, until);

    let at = [
        status.as_ref().map(|(t, _)| *t),
        event.as_ref().map(|m| m.at),
        probe.as_ref().map(|m| m.at),
        log.as_ref().map(|m| m.at),
        deletion.as_ref().map(|(t, _)| *t),
    ]
    .into_iter()
    .flatten()
    .min()?;

    let mut what = Vec::new();
    if let Some((t, paths)) = status {
        if t == at {
            what.push(Differs::Status { paths });
        }
    }
    if let Some(m) = event.filter(|m| m.at == at) {
        what.push(Differs::Event {
            left: m.left.cloned(),
            right: m.right.cloned(),
        });
    }
    if let Some(m) = probe.filter(|m| m.at == at) {
        what.push(Differs::Probe {
            left: m.left.cloned(),
            right: m.right.cloned(),
        });
    }
    if let Some(m) = log.filter(|m| m.at == at) {
        what.push(Differs::Log {
            left: m.left.cloned(),
            right: m.right.cloned(),
        });
    }
    if let Some((t, d)) = deletion {
        if t == at {
            what.push(d);
        }
    }
    Some(Difference { at, what })
}

/// The records of `items` (sorted by time) at or before `until`.
fn within<T>(items: &[T], until: Millis, t: impl Fn(&T) -> Millis) -> &[T] {
    &items[..items.partition_point(|i| t(i) <= until)]
}

/// Two events are the same when a learner reads the same thing: the aggregation's
/// bookkeeping (count, first occurrence) follows from the records before.
fn same_event(a: &EventRecord, b: &EventRecord) -> bool {
    a.t_ms == b.t_ms
        && a.type_ == b.type_
        && a.reason == b.reason
        && a.from == b.from
        && a.message == b.message
        && a.field_path == b.field_path
}

struct Mismatch<'a, T> {
    at: Millis,
    left: Option<&'a T>,
    right: Option<&'a T>,
}

/// The first index at which the two sequences differ; its instant is the earlier of the
/// two records' times (the one present when the other side has run out).
fn first_mismatch<'a, T>(
    left: &'a [T],
    right: &'a [T],
    same: impl Fn(&T, &T) -> bool,
    t: impl Fn(&T) -> Millis,
) -> Option<Mismatch<'a, T>> {
    let i = left
        .iter()
        .zip(right)
        .position(|(a, b)| !same(a, b))
        .unwrap_or_else(|| left.len().min(right.len()));
    let (l, r) = (left.get(i), right.get(i));
    let at = match (l, r) {
        (Some(a), Some(b)) => t(a).min(t(b)),
        (Some(a), None) => t(a),
        (None, Some(b)) => t(b),
        (None, None) => return None,
    };
    Some(Mismatch {
        at,
        left: l,
        right: r,
    })
}

/// Every log line up to `until`, in the order they were written (instances by start).
fn log_lines(tl: &Timeline, until: Millis) -> Vec<LoggedLine> {
    let mut lines: Vec<LoggedLine> = tl
        .logs
        .iter()
        .flat_map(|l| {
            l.lines.iter().filter(|x| x.t <= until).map(|x| LoggedLine {
                container: l.container.clone(),
                restart: l.restart,
                line: x.clone(),
            })
        })
        .collect();
    // Stable: lines of one instant keep the instances' order.
    lines.sort_by_key(|l| l.line.t);
    lines
}

/// The first instant (a snapshot's time on either side) at which the statuses differ, with
/// the differing fields.
fn status_difference(
    left: &Timeline,
    right: &Timeline,
    until: Millis,
) -> Option<(Millis, Vec<String>)> {
    let mut instants: Vec<Millis> = left
        .snapshots
        .iter()
        .chain(&right.snapshots)
        .map(|s| s.t_ms)
        .filter(|&t| t <= until)
        .collect();
    instants.sort_unstable();
    instants.dedup();
    instants.into_iter().find_map(|t| {
        let (a, b) = (left.status_at(t), right.status_at(t));
        if a == b {
            return None;
        }
        let json = |s: Option<&crate::model::PodStatus>| {
            s.and_then(|s| serde_json::to_value(s).ok())
                .unwrap_or(Value::Null)
        };
        let mut paths = Vec::new();
        diff_paths("status", &json(a), &json(b), &mut paths);
        if paths.is_empty() {
            // Equal as YAML although not as values: nothing a learner would see.
            return None;
        }
        Some((t, paths))
    })
}

/// The paths under `path` at which `a` and `b` differ: the deepest field present on both
/// sides, or the field one side lacks.
fn diff_paths(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    if a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let (va, vb) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                diff_paths(&format!("{path}.{k}"), va, vb, out);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            for i in 0..x.len().max(y.len()) {
                let (va, vb) = (
                    x.get(i).unwrap_or(&Value::Null),
                    y.get(i).unwrap_or(&Value::Null),
                );
                diff_paths(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        _ => out.push(path.to_string()),
    }
}

/// The deletion on each side as seen up to `until`, if it differs: from the instant it was
/// requested when the request differs (its time, grace period or deletionTimestamp), else
/// from the first instant the object is gone on one side only.
fn deletion_difference(
    left: &Timeline,
    right: &Timeline,
    until: Millis,
) -> Option<(Millis, Differs)> {
    let seen = |tl: &Timeline| {
        tl.deletion
            .filter(|d| d.requested_at <= until)
            .map(|d| Deletion {
                deleted_at: d.deleted_at.filter(|&t| t <= until),
                ..d
            })
    };
    let (l, r) = (seen(left), seen(right));
    if l == r {
        return None;
    }
    let request = |d: &Deletion| (d.requested_at, d.deletion_timestamp, d.grace_period_seconds);
    let earliest = |a: Option<Millis>, b: Option<Millis>| a.into_iter().chain(b).min();
    let at = if l.as_ref().map(request) != r.as_ref().map(request) {
        earliest(l.map(|d| d.requested_at), r.map(|d| d.requested_at))
    } else {
        earliest(l.and_then(|d| d.deleted_at), r.and_then(|d| d.deleted_at))
    }?;
    Some((at, Differs::Deletion { left: l, right: r }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_name_the_deepest_differing_fields() {
        let a = json!({"phase": "Running", "containerStatuses": [
            {"name": "web", "ready": true, "state": {"running": {"startedAt": 1}}}]});
        let b = json!({"phase": "Running", "containerStatuses": [
            {"name": "web", "ready": false, "state": {"waiting": {"reason": "CrashLoopBackOff"}}},
            {"name": "log"}]});
        let mut out = Vec::new();
        diff_paths("status", &a, &b, &mut out);
        assert_eq!(
            out,
            [
                "status.containerStatuses[0].ready",
                "status.containerStatuses[0].state.running",
                "status.containerStatuses[0].state.waiting",
                "status.containerStatuses[1]",
            ]
        );
        out.clear();
        diff_paths("status", &a, &a, &mut out);
        assert!(out.is_empty());
    }
}
