//! The pod phase, computed as the kubelet's getPhase does (pkg/kubelet/kubelet_pods.go):
//! count regular init containers, sidecars and regular containers by state, then decide.

use crate::kubelet::container_record::ContainerRecord;
use crate::model::PodSpec;

/// The state of a container as getPhase sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Running,
    /// Terminated with this exit code.
    Terminated(i32),
    /// Waiting, with the exit code of a last termination if there was one.
    Waiting(Option<i32>),
}

fn seen(r: &ContainerRecord) -> Seen {
    match r.current() {
        Some(i) if i.running() => Seen::Running,
        Some(i) if r.visible_reason.is_some() => Seen::Waiting(Some(i.exit_code)),
        Some(i) => Seen::Terminated(i.exit_code),
        None => Seen::Waiting(None),
    }
}

pub fn get_phase(
    spec: &PodSpec,
    records: &[ContainerRecord],
    pod_is_terminal: bool,
    pod_has_initialized: bool,
) -> &'static str {
    let mut pending_initialization = 0;
    let mut failed_initialization = 0;
    // Every container the kubelet tracks has a status, so none is "unknown" here.
    let unknown = 0;
    let (mut running, mut waiting, mut stopped, mut succeeded) = (0, 0, 0, 0);

    for r in records.iter().filter(|r| r.regular_init()) {
        match seen(r) {
            Seen::Running => pending_initialization += 1,
            Seen::Terminated(code) => {
                if code != 0 {
                    failed_initialization += 1;
                }
            }
            Seen::Waiting(Some(code)) => {
                if code != 0 {
                    failed_initialization += 1;
                }
            }
            Seen::Waiting(None) => pending_initialization += 1,
        }
    }
    for r in records.iter().filter(|r| r.sidecar) {
        match seen(r) {
            Seen::Running => {
                running += 1;
                if !r.started {
                    pending_initialization += 1;
                }
            }
            Seen::Terminated(_) | Seen::Waiting(Some(_)) => {}
            Seen::Waiting(None) => {
                pending_initialization += 1;
                waiting += 1;
            }
        }
    }
    let mut any_regular_started = false;
    for r in records.iter().filter(|r| !r.init) {
        any_regular_started |= r.ever_started();
        match seen(r) {
            Seen::Running => running += 1,
            Seen::Terminated(code) => {
                stopped += 1;
                if code == 0 {
                    succeeded += 1;
                }
            }
            Seen::Waiting(Some(_)) => stopped += 1,
            Seen::Waiting(None) => waiting += 1,
        }
    }

    let policy = spec.restart_policy();
    if failed_initialization > 0 && policy == "Never" {
        return "Failed";
    }
    if pending_initialization > 0 && !(any_regular_started || pod_has_initialized) {
        return "Pending";
    }
    if waiting > 0 {
        return "Pending";
    }
    if running > 0 && unknown == 0 {
        return "Running";
    }
    if running == 0 && stopped > 0 && unknown == 0 {
        if pod_is_terminal {
            return if stopped == succeeded {
                "Succeeded"
            } else {
                "Failed"
            };
        }
        if policy == "Always" {
            return "Running";
        }
        if stopped == succeeded {
            return "Succeeded";
        }
        if policy == "Never" {
            return "Failed";
        }
        return "Running";
    }
    "Pending"
}
