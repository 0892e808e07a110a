//! The status manager's side of the kubelet: build the API PodStatus from the kubelet's view
//! of its containers, as pkg/kubelet/kubelet_pods.go generateAPIPodStatus does — container
//! statuses first (containers.rs), the phase from them (phase.rs, getPhase), then the
//! conditions from both (conditions.rs, status/generate.go). Pure functions.

pub mod conditions;
pub mod containers;
pub mod phase;

use super::container_record::ContainerRecord;
use crate::model::{ConditionReason, ConditionStatus, PodPhase, PodReason, PodSpec, PodStatus};
use crate::time::Millis;

/// What the kubelet (and the controllers around it) know about the pod beyond its
/// containers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodState {
    /// Bound to a node.
    pub scheduled: bool,
    /// While unschedulable: the scheduler's message.
    pub unschedulable_message: Option<String>,
    pub sandbox_ready: bool,
    /// The kubelet has decided the pod will not run again (all regular containers done and
    /// not restarting, deleted, deadline exceeded, init failed under Never).
    pub terminal: bool,
    /// A regular container has started at some point.
    pub has_initialized: bool,
    /// A pod sync handler of the kubelet failed the pod (activeDeadlineSeconds).
    pub failed_by_kubelet: Option<PodReason>,
    pub host_ip: Option<String>,
    pub pod_ip: Option<String>,
    pub start_time: Option<Millis>,
    /// The node controller marked the node NotReady: Ready forced to False.
    pub node_not_ready: bool,
    /// Set once a controller decided to delete the pod (DisruptionTarget condition).
    pub disruption: Option<Disruption>,
}

/// Why a controller is about to delete the pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disruption {
    pub reason: ConditionReason,
    pub message: String,
}

/// The status message of a pod failed by the kubelet for `reason`.
pub fn failure_message(reason: PodReason) -> &'static str {
    match reason {
        PodReason::DeadlineExceeded => {
            "Pod was active on the node longer than the specified deadline"
        }
    }
}

/// Per-container data from the runtime that the status shows (image ID, container ID).
pub trait ContainerIds {
    fn image_id(&self, image: &str) -> String;
    fn container_id(&self, instance: u64) -> String;
}

/// Generate the API status. `prev` keeps condition transition times and a terminal phase.
pub fn generate(
    spec: &PodSpec,
    records: &[ContainerRecord],
    pod: &PodState,
    prev: Option<&PodStatus>,
    ids: &dyn ContainerIds,
    now: Millis,
) -> PodStatus {
    if !pod.scheduled {
        let mut status = PodStatus {
            phase: PodPhase::Pending,
            qos_class: Some(qos_class(spec).into()),
            ..Default::default()
        };
        status.conditions = vec![conditions::unscheduled(
            pod.unschedulable_message.as_deref(),
        )];
        conditions::carry_transition_times(&mut status.conditions, prev, now);
        return status;
    }
    let has_init = !spec.init_containers.is_empty();
    let status_of = |r: &ContainerRecord| containers::container_status(r, has_init, ids);
    let init_statuses: Vec<_> = records.iter().filter(|r| r.init).map(status_of).collect();
    let app_statuses: Vec<_> = records.iter().filter(|r| !r.init).map(status_of).collect();
    let all: Vec<_> = app_statuses.iter().chain(&init_statuses).cloned().collect();
    let mut phase = phase::get_phase(spec, &all, pod.terminal, pod.has_initialized);
    // Pods are not allowed to transition out of a terminal phase.
    if let Some(prev) = prev.filter(|p| p.phase.is_terminal()) {
        phase = prev.phase;
    }
    // A pod sync handler that evicts the pod makes it Failed with its reason.
    if pod.failed_by_kubelet.is_some() {
        phase = PodPhase::Failed;
    }
    let mut status = PodStatus {
        phase,
        reason: pod.failed_by_kubelet,
        message: pod
            .failed_by_kubelet
            .map(|r| failure_message(r).to_string()),
        host_ip: pod.host_ip.clone(),
        pod_ip: pod.pod_ip.clone(),
        start_time: pod.start_time,
        init_container_statuses: init_statuses,
        container_statuses: app_statuses,
        qos_class: Some(qos_class(spec).into()),
        ..Default::default()
    };
    let statuses = Some(all.as_slice());
    let mut ready = conditions::pod_ready(spec, statuses, phase);
    if pod.node_not_ready {
        ready.status = ConditionStatus::False;
    }
    status.conditions = pod
        .disruption
        .iter()
        .map(conditions::disruption_target)
        .chain([
            conditions::ready_to_start_containers(pod.sandbox_ready),
            conditions::initialized(spec, statuses, phase),
            ready,
            conditions::containers_ready(spec, statuses, phase),
            conditions::scheduled(),
        ])
        .collect();
    conditions::carry_transition_times(&mut status.conditions, prev, now);
    status
}

/// The QoS class: Guaranteed when every container has cpu and memory limits equal to its
/// requests; BestEffort when none sets any; Burstable otherwise.
pub fn qos_class(spec: &PodSpec) -> &'static str {
    let all: Vec<_> = spec.all_containers().map(|(c, _)| c).collect();
    let any_set = all.iter().any(|c| {
        c.resources
            .as_ref()
            .is_some_and(|r| !r.limits.is_empty() || !r.requests.is_empty())
    });
    if !any_set {
        return "BestEffort";
    }
    let guaranteed = all.iter().all(|c| {
        ["cpu", "memory"].iter().all(|res| {
            let limit = c.limit(res).and_then(|q| q.milli_value());
            let request = c.request(res).and_then(|q| q.milli_value()).or(limit);
            limit.is_some() && limit == request
        })
    });
    if guaranteed {
        "Guaranteed"
    } else {
        "Burstable"
    }
}
