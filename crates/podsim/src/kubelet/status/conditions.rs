//! Pod conditions, as pkg/kubelet/status/generate.go computes them from the container
//! statuses and the phase: ContainersReady, Ready, Initialized, PodReadyToStartContainers —
//! plus PodScheduled=False from the scheduler and DisruptionTarget from a controller. Pure
//! functions of their inputs; `super::generate` puts them in the kubelet's order.

use super::{ByName, Disruption};
use crate::model::{
    ConditionReason, ConditionStatus, ConditionType, ContainerStatus, PodCondition, PodPhase,
    PodSpec, PodStatus,
};
use crate::time::Millis;

fn condition(
    type_: ConditionType,
    ok: bool,
    reason: Option<ConditionReason>,
    message: Option<String>,
) -> PodCondition {
    PodCondition {
        type_,
        status: ConditionStatus::from_bool(ok),
        reason,
        message,
        last_transition_time: None,
    }
}

/// Go's `%s` of a `[]string`: `[a b c]`.
fn go_list(names: &[&str]) -> String {
    format!("[{}]", names.join(" "))
}

/// `containers with unknown status: [a], containers with unready status: [b]` (only the
/// parts that have names), or None when every container is known and ready.
fn unready_message(unknown: &[&str], unready: &[&str], unready_word: &str) -> Option<String> {
    let mut parts = Vec::new();
    if !unknown.is_empty() {
        parts.push(format!(
            "containers with unknown status: {}",
            go_list(unknown)
        ));
    }
    if !unready.is_empty() {
        parts.push(format!(
            "containers with {unready_word} status: {}",
            go_list(unready)
        ));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `GenerateContainersReadyCondition`: every sidecar and regular container ready. `statuses`
/// None: the kubelet knows no container status at all.
pub fn containers_ready(
    spec: &PodSpec,
    statuses: Option<&[ContainerStatus]>,
    phase: PodPhase,
) -> PodCondition {
    let Some(statuses) = statuses else {
        return condition(
            ConditionType::ContainersReady,
            false,
            Some(ConditionReason::UnknownContainerStatuses),
            None,
        );
    };
    let (mut unknown, mut unready) = (Vec::new(), Vec::new());
    let by_name = ByName::new(statuses);
    let sidecars = spec.init_containers.iter().filter(|c| c.is_restartable());
    for c in sidecars.chain(&spec.containers) {
        match by_name.get(&c.name) {
            Some(s) if !s.ready => unready.push(c.name.as_str()),
            Some(_) => {}
            None => unknown.push(c.name.as_str()),
        }
    }
    if (phase == PodPhase::Succeeded && unknown.is_empty()) || phase == PodPhase::Failed {
        let reason = if phase == PodPhase::Failed {
            ConditionReason::PodFailed
        } else {
            ConditionReason::PodCompleted
        };
        return condition(ConditionType::ContainersReady, false, Some(reason), None);
    }
    match unready_message(&unknown, &unready, "unready") {
        Some(message) => condition(
            ConditionType::ContainersReady,
            false,
            Some(ConditionReason::ContainersNotReady),
            Some(message),
        ),
        None => condition(ConditionType::ContainersReady, true, None, None),
    }
}

/// `GeneratePodReadyCondition`, from the pod's ContainersReady: the same status, reason and
/// message under the Ready name (podsim models no readiness gates, so a True ContainersReady
/// makes Ready True).
pub fn pod_ready(containers_ready: &PodCondition) -> PodCondition {
    PodCondition {
        type_: ConditionType::Ready,
        ..containers_ready.clone()
    }
}

/// `isInitContainerInitialized`: a sidecar once it has started, a regular init container
/// once it is ready (it completed).
fn init_container_initialized(sidecar: bool, status: &ContainerStatus) -> bool {
    if sidecar {
        status.started == Some(true)
    } else {
        status.ready
    }
}

/// `HasAnyRegularContainerStarted`: a regular container is running or has terminated.
fn any_regular_container_started(spec: &PodSpec, by_name: &ByName) -> bool {
    spec.containers.iter().any(|c| {
        by_name
            .get(&c.name)
            .is_some_and(|s| s.state.running.is_some() || s.state.terminated.is_some())
    })
}

/// `GeneratePodInitializedCondition`.
pub fn initialized(
    spec: &PodSpec,
    statuses: Option<&[ContainerStatus]>,
    phase: PodPhase,
) -> PodCondition {
    let statuses = match statuses {
        Some(s) => s,
        None if !spec.init_containers.is_empty() => {
            return condition(
                ConditionType::Initialized,
                false,
                Some(ConditionReason::UnknownContainerStatuses),
                None,
            );
        }
        None => &[],
    };
    let (mut unknown, mut incomplete) = (Vec::new(), Vec::new());
    let by_name = ByName::new(statuses);
    for c in &spec.init_containers {
        match by_name.get(&c.name) {
            None => unknown.push(c.name.as_str()),
            Some(s) if !init_container_initialized(c.is_restartable(), s) => {
                incomplete.push(c.name.as_str())
            }
            Some(_) => {}
        }
    }
    if phase == PodPhase::Succeeded && unknown.is_empty() {
        return condition(
            ConditionType::Initialized,
            true,
            Some(ConditionReason::PodCompleted),
            None,
        );
    }
    if any_regular_container_started(spec, &by_name) {
        return condition(ConditionType::Initialized, true, None, None);
    }
    match unready_message(&unknown, &incomplete, "incomplete") {
        Some(message) => condition(
            ConditionType::Initialized,
            false,
            Some(ConditionReason::ContainersNotInitialized),
            Some(message),
        ),
        None => condition(ConditionType::Initialized, true, None, None),
    }
}

/// `GeneratePodReadyToStartContainersCondition`: True once the sandbox exists with its
/// network (no reason when False, as in 1.29 – 1.34).
pub fn ready_to_start_containers(sandbox_ready: bool) -> PodCondition {
    condition(
        ConditionType::PodReadyToStartContainers,
        sandbox_ready,
        None,
        None,
    )
}

/// The scheduler's PodScheduled=False, reason Unschedulable, with its FitError message.
pub fn unscheduled(message: Option<&str>) -> PodCondition {
    condition(
        ConditionType::PodScheduled,
        false,
        Some(ConditionReason::Unschedulable),
        message.map(str::to_string),
    )
}

/// PodScheduled=True, which the kubelet always writes.
pub fn scheduled() -> PodCondition {
    condition(ConditionType::PodScheduled, true, None, None)
}

/// DisruptionTarget=True, written by the controller that decided to delete the pod.
pub fn disruption_target(d: &Disruption) -> PodCondition {
    condition(
        ConditionType::DisruptionTarget,
        true,
        Some(d.reason),
        Some(d.message.clone()),
    )
}

/// Keep each condition's lastTransitionTime while its status does not change.
pub fn carry_transition_times(conds: &mut [PodCondition], prev: Option<&PodStatus>, now: Millis) {
    for c in conds.iter_mut() {
        let before = prev.and_then(|p| p.condition(c.type_));
        c.last_transition_time = match before {
            Some(b) if b.status == c.status => b.last_transition_time.or(Some(now)),
            _ => Some(now),
        };
    }
}
