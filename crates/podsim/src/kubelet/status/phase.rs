//! The pod phase, computed as the kubelet's getPhase does (pkg/kubelet/kubelet_pods.go, the
//! 1.35+ form with ContainerRestartRules): count regular init containers, sidecars and regular
//! containers by the state their API status shows, then decide. A container without a status
//! counts as unknown. Whether a stopped container will restart is `ContainerShouldRestart`
//! (its restart rules, its own restartPolicy, the pod's): with the gate off the apiserver has
//! dropped the container's rules and policy, and the result is the pre-gate getPhase's
//! (a failed init container fails the pod under Never; stopped containers restart under
//! Always, failed ones under OnFailure). `get_phase_why` also says which rule decided, and for
//! which container.

use super::ByName;
use crate::model::{ContainerStatus, PodPhase, PodSpec};

/// A container's status as getPhase reads it.
#[derive(Clone, Copy)]
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

/// Which of getPhase's rules decided the phase, with the container that decided it (its
/// name in the spec) where one did: the phase's reason, for `crate::why`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseWhy<'a> {
    pub rule: PhaseRule,
    pub container: Option<&'a str>,
}

/// getPhase's rules, in the order it tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseRule {
    /// A regular init container failed and will not restart (restartPolicy Never, or its
    /// own restart rules).
    FailedInit,
    /// A regular init container has not completed.
    PendingInit,
    /// A sidecar has not started, before the pod initialised.
    PendingSidecar,
    /// A container waits to start for the first time.
    PendingWaiting,
    /// A container runs (and every container's state is known).
    Running,
    /// Every container stopped; restartPolicy will start them again.
    RunningRestarting,
    /// Every container stopped with 0, none restarts.
    Succeeded,
    /// Every container stopped, one with an error, none restarts.
    Failed,
    /// A container's state is unknown.
    Unknown,
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
    get_phase_why(spec, statuses, pod_is_terminal, pod_has_initialized).0
}

/// `get_phase` with the rule that decided it.
pub fn get_phase_why<'a>(
    spec: &'a PodSpec,
    statuses: &[ContainerStatus],
    pod_is_terminal: bool,
    pod_has_initialized: bool,
) -> (PodPhase, PhaseWhy<'a>) {
    let by_name = ByName::new(statuses);
    let status = |name: &str| by_name.get(name).map(seen);
    let mut pending_regular_init = 0;
    let mut pending_sidecars = 0;
    let policy = spec.restart_policy();
    let mut failed_initialization_not_restartable = 0;
    // The first container of each kind that decides a rule.
    let (mut first_failed_init, mut first_pending_init, mut first_pending_sidecar) =
        (None, None, None);
    let (mut first_waiting, mut first_running, mut first_restarting, mut last_stopped) =
        (None, None, None, None);
    let mut first_error = None;
    for c in spec.init_containers.iter().filter(|c| !c.is_restartable()) {
        match status(&c.name) {
            Some(Seen::Terminated(code) | Seen::Restarting(code)) => {
                if code != 0 && !c.should_restart(policy, code) {
                    failed_initialization_not_restartable += 1;
                    first_failed_init.get_or_insert(c.name.as_str());
                }
            }
            Some(Seen::Running | Seen::Waiting | Seen::Unknown) | None => {
                pending_regular_init += 1;
                first_pending_init.get_or_insert(c.name.as_str());
            }
        }
    }
    let (mut unknown, mut running, mut waiting, mut stopped, mut succeeded) = (0, 0, 0, 0, 0);
    for c in spec.init_containers.iter().filter(|c| c.is_restartable()) {
        let Some(s) = by_name.get(&c.name) else {
            unknown += 1;
            continue;
        };
        let name = Some(c.name.as_str());
        match seen(s) {
            Seen::Running => {
                if s.started != Some(true) {
                    pending_sidecars += 1;
                    first_pending_sidecar = first_pending_sidecar.or(name);
                }
                running += 1;
                first_running = first_running.or(name);
            }
            // Terminated sidecars do not count for the phase.
            Seen::Terminated(_) | Seen::Restarting(_) => {}
            Seen::Waiting => {
                pending_sidecars += 1;
                first_pending_sidecar = first_pending_sidecar.or(name);
                waiting += 1;
            }
            Seen::Unknown => {
                pending_sidecars += 1;
                first_pending_sidecar = first_pending_sidecar.or(name);
                unknown += 1;
            }
        }
    }
    let mut stopped_not_restartable = 0;
    for c in &spec.containers {
        let name = Some(c.name.as_str());
        match status(&c.name) {
            Some(Seen::Running) => {
                running += 1;
                first_running = first_running.or(name);
            }
            Some(seen @ (Seen::Terminated(code) | Seen::Restarting(code))) => {
                stopped += 1;
                last_stopped = name;
                if c.should_restart(policy, code) {
                    first_restarting = first_restarting.or(name);
                } else {
                    stopped_not_restartable += 1;
                }
                // Only a terminated container counts as succeeded (or failed); one waiting
                // to restart counts as stopped alone.
                if matches!(seen, Seen::Terminated(_)) {
                    if code == 0 {
                        succeeded += 1;
                    } else {
                        first_error = first_error.or(name);
                    }
                }
            }
            Some(Seen::Waiting) => {
                waiting += 1;
                first_waiting = first_waiting.or(name);
            }
            Some(Seen::Unknown) | None => unknown += 1,
        }
    }

    let why = |rule: PhaseRule, container: Option<&'a str>| PhaseWhy { rule, container };
    if failed_initialization_not_restartable > 0 {
        return (
            PodPhase::Failed,
            why(PhaseRule::FailedInit, first_failed_init),
        );
    }
    if pending_regular_init > 0 {
        return (
            PodPhase::Pending,
            why(PhaseRule::PendingInit, first_pending_init),
        );
    }
    if pending_sidecars > 0 && !pod_has_initialized {
        return (
            PodPhase::Pending,
            why(PhaseRule::PendingSidecar, first_pending_sidecar),
        );
    }
    if waiting > 0 {
        return (
            PodPhase::Pending,
            why(PhaseRule::PendingWaiting, first_waiting),
        );
    }
    if running > 0 && unknown == 0 {
        return (PodPhase::Running, why(PhaseRule::Running, first_running));
    }
    if running == 0 && stopped > 0 && unknown == 0 {
        let done = |ok: bool| {
            if ok {
                (PodPhase::Succeeded, why(PhaseRule::Succeeded, last_stopped))
            } else {
                (
                    PodPhase::Failed,
                    why(PhaseRule::Failed, first_error.or(last_stopped)),
                )
            }
        };
        if pod_is_terminal {
            return done(stopped == succeeded);
        }
        // At least one container is on its way to a restart.
        if stopped != stopped_not_restartable {
            return (
                PodPhase::Running,
                why(PhaseRule::RunningRestarting, first_restarting),
            );
        }
        return done(stopped == succeeded);
    }
    (PodPhase::Pending, why(PhaseRule::Unknown, None))
}
