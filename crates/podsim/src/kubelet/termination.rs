//! How the kubelet stops containers (kuberuntime_container.go `killContainer`,
//! `killContainersWithSyncResult`; sidecar ordering from KEP-753): the grace period a kill
//! gets, when SIGTERM and SIGKILL go out around a preStop hook, and the order in which a
//! terminating pod's containers stop. Pure functions.

use super::constants::{MIN_GRACE_PERIOD, PRESTOP_EXTENSION};
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

/// When a kill's signals go out, counted from the moment it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KillTiming {
    /// The grace period actually given (never under the 2 s minimum).
    pub grace: Millis,
    /// What a preStop hook may take before SIGTERM goes out regardless.
    pub pre_stop_budget: Millis,
}

impl KillTiming {
    pub fn new(grace: Millis) -> Self {
        let grace = grace.max(MIN_GRACE_PERIOD);
        KillTiming {
            grace,
            pre_stop_budget: grace + PRESTOP_EXTENSION,
        }
    }

    /// SIGTERM: after the preStop hook (which took `hook_took`), at the latest when its
    /// budget runs out.
    pub fn term_after(&self, hook_took: Millis) -> Millis {
        hook_took.min(self.pre_stop_budget)
    }

    /// SIGKILL: when the grace period ends — with the one-off 2 s extension when the preStop
    /// hook used the whole grace period.
    pub fn kill_after(&self, hook_took: Millis) -> Millis {
        if hook_took >= self.grace {
            self.pre_stop_budget
        } else {
            self.grace
        }
    }
}

/// What a terminating pod stops next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StopNext {
    /// These regular containers, all at once.
    Regular(Vec<usize>),
    /// This sidecar: once every regular container is gone, the last one first, one at a time.
    Sidecar(usize),
    /// Nothing runs, but a start is still in flight: wait for it.
    WaitForStarts,
    /// Everything has stopped.
    Done,
}

/// The next step of stopping the whole pod. `records` holds init containers first.
pub fn stop_next(records: &[ContainerRecord]) -> StopNext {
    let regular: Vec<usize> = (0..records.len())
        .filter(|&c| !records[c].sidecar && records[c].is_running())
        .collect();
    if !regular.is_empty() {
        return StopNext::Regular(regular);
    }
    if let Some(c) = (0..records.len())
        .rev()
        .find(|&c| records[c].sidecar && records[c].is_running())
    {
        return StopNext::Sidecar(c);
    }
    if records.iter().any(|r| r.starting) {
        return StopNext::WaitForStarts;
    }
    StopNext::Done
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

    #[test]
    fn a_kill_never_gets_less_than_two_seconds() {
        let t = KillTiming::new(0);
        assert_eq!(t.grace, 2 * SECOND);
        assert_eq!(t.kill_after(0), 2 * SECOND);
    }

    #[test]
    fn a_slow_pre_stop_hook_gets_two_more_seconds() {
        let t = KillTiming::new(30 * SECOND);
        // A quick hook: SIGTERM when it is done, SIGKILL at the end of the grace period.
        assert_eq!(t.term_after(5 * SECOND), 5 * SECOND);
        assert_eq!(t.kill_after(5 * SECOND), 30 * SECOND);
        // A hook that outlives the grace period: cut at grace + 2 s, SIGKILL then too.
        assert_eq!(t.term_after(60 * SECOND), 32 * SECOND);
        assert_eq!(t.kill_after(60 * SECOND), 32 * SECOND);
    }

    fn record(name: &str, sidecar: bool, running: bool) -> ContainerRecord {
        let mut r = ContainerRecord::new(name, sidecar, sidecar, "busybox");
        if running {
            r.instances
                .push(Instance::running_since(1, String::new(), 0));
        }
        r
    }

    #[test]
    fn regular_containers_stop_first_then_sidecars_last_first() {
        let mut records = vec![
            record("side-a", true, true),
            record("side-b", true, true),
            record("app", false, true),
            record("worker", false, true),
        ];
        assert_eq!(stop_next(&records), StopNext::Regular(vec![2, 3]));
        records.truncate(2);
        assert_eq!(stop_next(&records), StopNext::Sidecar(1));
        records.truncate(1);
        assert_eq!(stop_next(&records), StopNext::Sidecar(0));
        records[0] = record("side-a", true, false);
        records[0].starting = true;
        assert_eq!(stop_next(&records), StopNext::WaitForStarts);
        records[0].starting = false;
        assert_eq!(stop_next(&records), StopNext::Done);
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
