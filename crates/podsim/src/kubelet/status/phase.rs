//! The pod phase, computed as the kubelet's getPhase does (pkg/kubelet/kubelet_pods.go, the
//! 1.35+ form with ContainerRestartRules): count regular init containers, sidecars and regular
//! containers by the state their API status shows, then decide. A container without a status
//! counts as unknown. Whether a stopped container will restart is `ContainerShouldRestart`
//! (its restart rules, its own restartPolicy, the pod's): with the gate off the apiserver has
//! dropped the container's rules and policy, and the result is the pre-gate getPhase's
//! (a failed init container fails the pod under Never; stopped containers restart under
//! Always, failed ones under OnFailure).

use super::ByName;
use crate::model::{ContainerStatus, PodPhase, PodSpec};

/// A container's status as getPhase reads it.
enum Seen {
    Running,
    /// Terminated with this exit code.
    Terminated(i32),
    /// Waiting after a termination with this exit code (restarting, or in back-off).
    Restarting(i32),
    /// Waiting to start for the first time.
    Waiting,
    /// No state at all.
    Unknown,
}

fn seen(s: &ContainerStatus) -> Seen {
    if s.state.running.is_some() {
        Seen::Running
    } else if let Some(t) = &s.state.terminated {
        Seen::Terminated(t.exit_code)
    } else if s.state.waiting.is_some() {
        match &s.last_state.terminated {
            Some(t) => Seen::Restarting(t.exit_code),
            None => Seen::Waiting,
        }
    } else {
        Seen::Unknown
    }
}

/// `getPhase(pod, allStatuses, podIsTerminal, podHasInitialized)`: `statuses` holds the init
/// and app containers' statuses in any order; `pod_has_initialized`: a regular container of
/// the pod has started at some point.
pub fn get_phase(
    spec: &PodSpec,
    statuses: &[ContainerStatus],
    pod_is_terminal: bool,
    pod_has_initialized: bool,
) -> PodPhase {
    let by_name = ByName::new(statuses);
    let status = |name: &str| by_name.get(name).map(seen);
    let mut pending_regular_init = 0;
    let mut pending_sidecars = 0;
    let policy = spec.restart_policy();
    let mut failed_initialization_not_restartable = 0;
    for c in spec.init_containers.iter().filter(|c| !c.is_restartable()) {
        match status(&c.name) {
            Some(Seen::Terminated(code) | Seen::Restarting(code)) => {
                if code != 0 && !c.should_restart(policy, code) {
                    failed_initialization_not_restartable += 1;
                }
            }
            Some(Seen::Running | Seen::Waiting | Seen::Unknown) | None => pending_regular_init += 1,
        }
    }
    let (mut unknown, mut running, mut waiting, mut stopped, mut succeeded) = (0, 0, 0, 0, 0);
    for c in spec.init_containers.iter().filter(|c| c.is_restartable()) {
        let Some(s) = by_name.get(&c.name) else {
            unknown += 1;
            continue;
        };
        match seen(s) {
            Seen::Running => {
                if s.started != Some(true) {
                    pending_sidecars += 1;
                }
                running += 1;
            }
            // Terminated sidecars do not count for the phase.
            Seen::Terminated(_) | Seen::Restarting(_) => {}
            Seen::Waiting => {
                pending_sidecars += 1;
                waiting += 1;
            }
            Seen::Unknown => {
                pending_sidecars += 1;
                unknown += 1;
            }
        }
    }
    let mut stopped_not_restartable = 0;
    for c in &spec.containers {
        match status(&c.name) {
            Some(Seen::Running) => running += 1,
            Some(Seen::Terminated(code)) => {
                stopped += 1;
                if !c.should_restart(policy, code) {
                    stopped_not_restartable += 1;
                }
                if code == 0 {
                    succeeded += 1;
                }
            }
            Some(Seen::Restarting(code)) => {
                stopped += 1;
                if !c.should_restart(policy, code) {
                    stopped_not_restartable += 1;
                }
            }
            Some(Seen::Waiting) => waiting += 1,
            Some(Seen::Unknown) | None => unknown += 1,
        }
    }

    if failed_initialization_not_restartable > 0 {
        return PodPhase::Failed;
    }
    if pending_regular_init > 0 || (pending_sidecars > 0 && !pod_has_initialized) || waiting > 0 {
        return PodPhase::Pending;
    }
    if running > 0 && unknown == 0 {
        return PodPhase::Running;
    }
    if running == 0 && stopped > 0 && unknown == 0 {
        if pod_is_terminal {
            return if stopped == succeeded {
                PodPhase::Succeeded
            } else {
                PodPhase::Failed
            };
        }
        // At least one container is on its way to a restart.
        if stopped != stopped_not_restartable {
            return PodPhase::Running;
        }
        return if stopped == succeeded {
            PodPhase::Succeeded
        } else {
            PodPhase::Failed
        };
    }
    PodPhase::Pending
}
