//! `kubectl get pods` and `kubectl get pods -w`, computed as kubectl's printPod does
//! (pkg/printers/internalversion/printers.go): READY, STATUS (Init:N/M, Init:Error,
//! PodInitializing, CrashLoopBackOff, Completed, NotReady, Terminating…), RESTARTS with
//! "(12s ago)", AGE.

use super::tabwriter;
use crate::kubelet::events::EventReason;
use crate::model::{
    ConditionStatus, ConditionType, PodCondition, PodPhase, PodSpec, PodStatus, TerminatedReason,
    WaitingReason,
};
use crate::sim::Timeline;
use crate::time::{human_duration, Millis};

/// One row of `kubectl get pods`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodRow {
    pub name: String,
    pub ready: String,
    pub status: String,
    pub restarts: String,
    pub age: String,
    pub ip: String,
    pub node: String,
}

/// STATUS, READY and RESTARTS for a pod at `now`.
pub fn pod_row(
    name: &str,
    spec: &PodSpec,
    status: &PodStatus,
    deleting: bool,
    node: Option<&str>,
    now: Millis,
) -> PodRow {
    let sidecars: Vec<&str> = spec
        .init_containers
        .iter()
        .filter(|c| c.is_restartable())
        .map(|c| c.name.as_str())
        .collect();
    let is_sidecar = |n: &str| sidecars.contains(&n);
    let total = spec.containers.len() + sidecars.len();
    let mut ready = 0;
    let mut restarts: u32 = 0;
    let mut sidecar_restarts: u32 = 0;
    let mut last_restart: Option<Millis> = None;
    let mut last_sidecar_restart: Option<Millis> = None;
    let mut reason = status.phase.as_str().to_string();
    if let Some(r) = status.reason {
        reason = r.as_str().to_string();
    }
    let mut initializing = false;
    let n_init = spec.init_containers.len();
    for (i, c) in status.init_container_statuses.iter().enumerate() {
        restarts += c.restart_count;
        let finished = c.last_state.terminated.as_ref().map(|t| t.finished_at);
        if let Some(f) = finished {
            last_restart = Some(last_restart.map_or(f, |l| l.max(f)));
        }
        if is_sidecar(&c.name) {
            sidecar_restarts += c.restart_count;
            if let Some(f) = finished {
                last_sidecar_restart = Some(last_sidecar_restart.map_or(f, |l| l.max(f)));
            }
        }
        if matches!(&c.state.terminated, Some(t) if t.exit_code == 0) {
            continue;
        }
        if is_sidecar(&c.name) && c.started == Some(true) {
            if c.ready {
                ready += 1;
            }
            continue;
        }
        if let Some(t) = &c.state.terminated {
            reason = match t.reason {
                Some(r) => format!("Init:{r}"),
                None => match t.signal.filter(|s| *s != 0) {
                    Some(s) => format!("Init:Signal:{s}"),
                    None => format!("Init:ExitCode:{}", t.exit_code),
                },
            };
        } else if let Some(r) = c
            .state
            .waiting
            .as_ref()
            .and_then(|w| w.reason)
            .filter(|r| *r != WaitingReason::PodInitializing)
        {
            reason = format!("Init:{r}");
        } else {
            reason = format!("Init:{i}/{n_init}");
        }
        initializing = true;
        break;
    }
    if !initializing || status.condition_true(ConditionType::Initialized) {
        restarts = sidecar_restarts;
        last_restart = last_sidecar_restart;
        let mut has_running = false;
        // Whether `reason` came from a container that terminated with reason Completed.
        let mut completed = false;
        for c in status.container_statuses.iter().rev() {
            restarts += c.restart_count;
            if let Some(t) = &c.last_state.terminated {
                last_restart = Some(last_restart.map_or(t.finished_at, |l| l.max(t.finished_at)));
            }
            if let Some(r) = c.state.waiting.as_ref().and_then(|w| w.reason) {
                reason = r.as_str().to_string();
                completed = false;
            } else if let Some(t) = &c.state.terminated {
                reason = match t.reason {
                    Some(r) => r.as_str().to_string(),
                    None => match t.signal.filter(|s| *s != 0) {
                        Some(s) => format!("Signal:{s}"),
                        None => format!("ExitCode:{}", t.exit_code),
                    },
                };
                completed = t.reason == Some(TerminatedReason::Completed);
            } else if c.ready && c.state.running.is_some() {
                has_running = true;
                ready += 1;
            }
        }
        if completed && has_running {
            reason = if status.condition_true(ConditionType::Ready) {
                PodPhase::Running.as_str().into()
            } else {
                "NotReady".into()
            };
        }
    }
    if deleting && !status.phase.is_terminal() {
        reason = "Terminating".into();
    }
    let restarts = match last_restart {
        Some(at) if restarts > 0 => format!(
            "{restarts} ({} ago)",
            human_duration(now as i64 - at as i64)
        ),
        _ => restarts.to_string(),
    };
    PodRow {
        name: name.to_string(),
        ready: format!("{ready}/{total}"),
        status: reason,
        restarts,
        age: human_duration(now as i64),
        ip: status.pod_ip.clone().unwrap_or_else(|| "<none>".into()),
        node: node.unwrap_or("<none>").to_string(),
    }
}

fn row_at(tl: &Timeline, t: Millis) -> Option<PodRow> {
    if !tl.exists_at(t) {
        return None;
    }
    status_row(tl, t)
}

/// The row of the status recorded by `t`, whether or not the object still exists then.
fn status_row(tl: &Timeline, t: Millis) -> Option<PodRow> {
    let status = tl.status_at(t)?;
    let node = if status.condition_true(ConditionType::PodScheduled) {
        tl.node.as_deref()
    } else {
        None
    };
    Some(pod_row(
        &tl.pod_name,
        &tl.manifest.pod.spec,
        status,
        tl.deletion_at(t).is_some(),
        node,
        t,
    ))
}

/// What a row of `kubectl get pods -w` shows: where its state comes from in the timeline
/// (so that a front end can ask "why?" of each row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowSource {
    /// The object as created, before any status.
    Created,
    /// The scheduler's binding, before the kubelet's first status.
    Bound,
    /// The status recorded in `Timeline::snapshots[i]`.
    Status(usize),
    /// The deletion request (`Terminating`).
    Deletion,
    /// The object removed (the watch's DELETED event).
    Removed,
}

/// What a watch started at creation prints before the kubelet's first status: the object as
/// created (no status yet: `Pending`), then — unless `spec.nodeName` was set — the scheduler's
/// binding (PodScheduled=True, still `Pending`). An unschedulable pod's first status is the
/// scheduler's own update, so only the created object comes before it.
fn before_the_kubelet(tl: &Timeline) -> Vec<(PodRow, RowSource)> {
    let spec = &tl.manifest.pod.spec;
    let row = |status: &PodStatus, t: Millis| pod_row(&tl.pod_name, spec, status, false, None, t);
    let created = PodStatus::default();
    let mut rows = vec![(row(&created, 0), RowSource::Created)];
    let bound = tl
        .events
        .iter()
        .find(|e| e.reason == EventReason::Scheduled)
        .map(|e| e.t_ms);
    if let (None, Some(t)) = (&spec.node_name, bound) {
        let scheduled = PodStatus {
            conditions: vec![PodCondition {
                type_: ConditionType::PodScheduled,
                status: ConditionStatus::True,
                reason: None,
                message: None,
                last_transition_time: Some(t),
            }],
            ..created
        };
        rows.push((row(&scheduled, t), RowSource::Bound));
    }
    rows
}

/// When the pod is gone at `t`: the kubelet removes the object only once it has written the
/// pod's terminal status, so that update (MODIFIED) comes first unless it was printed already;
/// then the DELETED event shows the last state once more.
fn rows_at_removal(tl: &Timeline, t: Millis, last: Option<&PodRow>) -> Vec<(PodRow, RowSource)> {
    let terminal = tl.status_at(t).is_some_and(|s| s.phase.is_terminal());
    let same = |a: &PodRow, b: &PodRow| {
        (&a.ready, &a.status, &a.restarts) == (&b.ready, &b.status, &b.restarts)
    };
    let mut rows = Vec::new();
    let final_row = match (terminal.then(|| status_row(tl, t)).flatten(), last) {
        (Some(f), Some(l)) if same(&f, l) => l.clone(),
        (Some(f), _) => {
            let i = tl.snapshot_index_at(t).unwrap_or(0);
            rows.push((f.clone(), RowSource::Status(i)));
            f
        }
        (None, Some(l)) => l.clone(),
        (None, None) => return rows,
    };
    rows.push((
        PodRow {
            age: human_duration(t as i64),
            ..final_row
        },
        RowSource::Removed,
    ));
    rows
}

fn line(r: &PodRow, wide: bool) -> String {
    if wide {
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t<none>\t<none>\n",
            r.name, r.ready, r.status, r.restarts, r.age, r.ip, r.node
        )
    } else {
        format!(
            "{}\t{}\t{}\t{}\t{}\n",
            r.name, r.ready, r.status, r.restarts, r.age
        )
    }
}

const HEADER: &str = "NAME\tREADY\tSTATUS\tRESTARTS\tAGE\n";
const HEADER_WIDE: &str =
    "NAME\tREADY\tSTATUS\tRESTARTS\tAGE\tIP\tNODE\tNOMINATED NODE\tREADINESS GATES\n";

/// `kubectl get pods` (`-o wide` with `wide`) at instant `t`.
pub fn get_pods(tl: &Timeline, t: Millis, wide: bool) -> String {
    match row_at(tl, t) {
        None => "No resources found in default namespace.\n".replace("default", &tl.namespace),
        Some(r) => {
            let mut text = String::from(if wide { HEADER_WIDE } else { HEADER });
            text.push_str(&line(&r, wide));
            tabwriter::format(&text, 6, 3)
        }
    }
}

/// `kubectl get pods -w` from creation until `t`: the header with the first row, then one
/// line per update of the pod — also updates that change no column, as kubectl prints every
/// MODIFIED event — each flushed on its own, so columns need not line up.
pub fn watch(tl: &Timeline, t: Millis) -> String {
    let mut out = String::new();
    for (i, (row, _)) in watch_rows(tl, t).into_iter().enumerate() {
        let text = if i == 0 {
            format!("{HEADER}{}", line(&row, false))
        } else {
            line(&row, false)
        };
        out.push_str(&tabwriter::format(&text, 6, 3));
    }
    out
}

/// The rows `watch` prints (after the header), each with where its state comes from.
pub fn watch_rows(tl: &Timeline, t: Millis) -> Vec<(PodRow, RowSource)> {
    let mut out: Vec<(PodRow, RowSource)> = Vec::new();
    let mut last: Option<PodRow> = None;
    let requested = tl.deletion_at(t).map(|d| d.requested_at);
    let mut moments: Vec<Millis> = tl
        .snapshots
        .iter()
        .map(|s| s.t_ms)
        .filter(|&m| m <= t)
        .collect();
    if let Some(d) = tl.deletion_at(t) {
        moments.push(d.requested_at);
        if let Some(gone) = d.deleted_at.filter(|&g| g <= t) {
            moments.push(gone);
        }
    }
    moments.sort_unstable();
    moments.dedup();
    let print = |(row, source): (PodRow, RowSource),
                 out: &mut Vec<(PodRow, RowSource)>,
                 last: &mut Option<PodRow>| {
        *last = Some(row.clone());
        out.push((row, source));
    };
    if !moments.is_empty() {
        for row in before_the_kubelet(tl) {
            print(row, &mut out, &mut last);
        }
    }
    for m in moments {
        let gone = !tl.exists_at(m);
        let rows = if gone {
            rows_at_removal(tl, m, last.as_ref())
        } else {
            let source = match tl.snapshot_index_at(m) {
                _ if requested == Some(m) => RowSource::Deletion,
                Some(i) => RowSource::Status(i),
                None => RowSource::Created,
            };
            row_at(tl, m).map(|r| (r, source)).into_iter().collect()
        };
        for row in rows {
            print(row, &mut out, &mut last);
        }
        if gone {
            break;
        }
    }
    out
}
