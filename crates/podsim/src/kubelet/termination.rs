//! How the kubelet stops containers (kuberuntime_container.go `killContainer`,
//! `killContainersWithSyncResult`, `terminationOrdering`; docs/hooks-audit.md §2): the grace
//! period a kill gets, when SIGTERM and SIGKILL go out around a preStop hook, and, for a
//! terminating pod, which containers are still to stop and when a sidecar's turn has come.
//! Pure functions.

use super::constants::MIN_GRACE_PERIOD;
use super::container_record::ContainerRecord;
use crate::model::{Container, PodSpec, Probe};
use crate::time::{Millis, SECOND};

/// Seconds (as the API writes them, negative meaning 0) to virtual milliseconds.
fn seconds(s: i64) -> Millis {
    (s.max(0) as u64).saturating_mul(SECOND)
}

/// The pod's `terminationGracePeriodSeconds` (30 s unless set).
pub fn pod_grace(spec: &PodSpec) -> Millis {
    seconds(spec.grace_seconds())
}

/// The grace period of a kill after a failed liveness or startup probe: the probe's own
/// `terminationGracePeriodSeconds` if it sets one, else the pod's.
pub fn probe_kill_grace(spec: &PodSpec, probe: Option<&Probe>) -> Millis {
    match probe.and_then(|p| p.termination_grace_period_seconds) {
        Some(s) => seconds(s),
        None => pod_grace(spec),
    }
}

/// The probe whose failure a kill answers: liveness if it failed, else startup.
pub fn failed_probe<'a>(record: &ContainerRecord, container: &'a Container) -> Option<&'a Probe> {
    if record.liveness_failed {
        container.liveness_probe.as_ref()
    } else {
        container.startup_probe.as_ref()
    }
}

/// How long a kill waits between SIGTERM and SIGKILL, once the preStop hook (and a sidecar's
/// wait for its turn) took `elapsed` of its grace period `grace` (kuberuntime_container.go
/// `killContainer`): what is left of the grace period, the elapsed time truncated to whole
/// seconds (`int64(…Seconds())`), never under `minimumGracePeriodInSeconds`.
pub fn term_to_kill(grace: Millis, elapsed: Millis) -> Millis {
    grace
        .saturating_sub(elapsed / SECOND * SECOND)
        .max(MIN_GRACE_PERIOD)
}

/// When a kill's signals go out, counted from its start: `grace` after the override, a preStop
/// hook taking `hook` (None: no hook). The hook runs only when `grace > 0`; the kubelet waits
/// for it at most `grace` — SIGTERM then, the hook left running — and SIGKILL follows after
/// what is left of the grace period, at least 2 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KillTiming {
    /// Whether the preStop hook runs.
    pub runs_pre_stop: bool,
    /// SIGTERM, after the start.
    pub term: Millis,
    /// SIGKILL, after the start.
    pub kill: Millis,
}

impl KillTiming {
    pub fn new(grace: Millis, hook: Option<Millis>) -> Self {
        let runs_pre_stop = hook.is_some() && grace > 0;
        let term = match hook {
            Some(s) if runs_pre_stop => s.min(grace),
            _ => 0,
        };
        KillTiming {
            runs_pre_stop,
            term,
            kill: term + term_to_kill(grace, term),
        }
    }
}

/// Whether sidecar `c`'s turn to get SIGTERM has come in a terminating pod
/// (`terminationOrdering.waitForTurn`): every regular container and every sidecar after it
/// has exited. `records` holds init containers first.
pub fn sidecar_turn(records: &[ContainerRecord], c: usize) -> bool {
    records.iter().enumerate().all(|(i, r)| {
        let waits_for = (!r.init) || (r.sidecar && i > c);
        !waits_for || !r.is_running()
    })
}

/// Whether a terminating pod is done: nothing runs and no start is in flight.
pub fn all_stopped(records: &[ContainerRecord]) -> bool {
    records.iter().all(|r| !r.is_running() && !r.starting)
}

/// The grace period a `kubectl delete` gives, in seconds: the request's own, else the pod's;
/// a negative one means 1 s; a pod that never got a node, or that is already terminal, is
/// removed at once (0).
pub fn deletion_grace_seconds(
    spec: &PodSpec,
    requested: Option<i64>,
    scheduled: bool,
    terminal: bool,
) -> i64 {
    if !scheduled || terminal {
        return 0;
    }
    let grace = requested.unwrap_or_else(|| spec.grace_seconds());
    if grace < 0 {
        1
    } else {
        grace
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubelet::container_record::Instance;

    /// killContainer: no preStop when the grace period is 0; SIGTERM at once, SIGKILL 2 s on.
    #[test]
    fn a_kill_never_gets_less_than_two_seconds() {
        let t = KillTiming::new(0, Some(5 * SECOND));
        assert!(!t.runs_pre_stop);
        assert_eq!((t.term, t.kill), (0, 2 * SECOND));
        let t = KillTiming::new(30 * SECOND, None);
        assert_eq!((t.term, t.kill), (0, 30 * SECOND));
    }

    /// executePreStopHook returns the whole seconds it took; the rest of the grace period,
    /// at least 2 s, goes to StopContainer (docs/hooks-audit.md §2.2).
    #[test]
    fn signals_around_a_pre_stop_hook() {
        let g = 30 * SECOND;
        // A quick hook: SIGTERM when it is done, SIGKILL at the end of the grace period.
        let t = KillTiming::new(g, Some(5 * SECOND));
        assert_eq!((t.term, t.kill), (5 * SECOND, 30 * SECOND));
        // A fraction of a second is not taken off the grace period.
        let t = KillTiming::new(g, Some(5_400));
        assert_eq!((t.term, t.kill), (5_400, 30_400));
        // Within 2 s of the end: SIGKILL 2 s after SIGTERM, past the grace period.
        let t = KillTiming::new(g, Some(29 * SECOND));
        assert_eq!((t.term, t.kill), (29 * SECOND, 31 * SECOND));
        // A hook that outlives the grace period: SIGTERM at the grace period, SIGKILL 2 s on.
        let t = KillTiming::new(g, Some(60 * SECOND));
        assert_eq!((t.term, t.kill), (30 * SECOND, 32 * SECOND));
    }

    fn record(name: &str, init: bool, sidecar: bool, running: bool) -> ContainerRecord {
        let mut r = ContainerRecord::new(name, init, sidecar, "busybox");
        if running {
            r.instances
                .push(Instance::running_since(1, String::new(), 0));
        }
        r
    }

    /// terminationOrdering: a sidecar waits for every regular container and every sidecar
    /// started after it.
    #[test]
    fn a_sidecars_turn() {
        let mut records = vec![
            record("side-a", true, true, true),
            record("side-b", true, true, true),
            record("app", false, false, true),
        ];
        assert!(!sidecar_turn(&records, 0));
        assert!(!sidecar_turn(&records, 1));
        records[2] = record("app", false, false, false);
        assert!(!sidecar_turn(&records, 0));
        assert!(sidecar_turn(&records, 1));
        records[1] = record("side-b", true, true, false);
        assert!(sidecar_turn(&records, 0));
        assert!(!all_stopped(&records));
        records[0] = record("side-a", true, true, false);
        assert!(all_stopped(&records));
        records[0].starting = true;
        assert!(!all_stopped(&records));
    }

    #[test]
    fn deletion_grace() {
        let spec = PodSpec {
            termination_grace_period_seconds: Some(45),
            ..Default::default()
        };
        assert_eq!(deletion_grace_seconds(&spec, None, true, false), 45);
        assert_eq!(deletion_grace_seconds(&spec, Some(5), true, false), 5);
        assert_eq!(deletion_grace_seconds(&spec, Some(-3), true, false), 1);
        assert_eq!(deletion_grace_seconds(&spec, None, false, false), 0);
        assert_eq!(deletion_grace_seconds(&spec, None, true, true), 0);
    }
}
