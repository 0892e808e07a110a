//! The status manager's side of the kubelet: build the API PodStatus from the kubelet's view
//! of its containers, as pkg/kubelet/kubelet_pods.go generateAPIPodStatus does — container
//! statuses first (containers.rs), the phase from them (phase.rs, getPhase), then the
//! conditions from both (conditions.rs, status/generate.go). Pure functions.

pub mod conditions;
pub mod containers;
pub mod phase;

use super::container_record::ContainerRecord;
use crate::model::ContainerStatus;
use crate::model::{ConditionReason, ConditionStatus, PodPhase, PodReason, PodSpec, PodStatus};
use crate::time::Millis;
use std::collections::HashMap;

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
    /// The PodReadyToStartContainersCondition gate is off (a learner's choice on 1.31 – 1.36):
    /// the kubelet writes no PodReadyToStartContainers condition.
    pub no_ready_to_start_condition: bool,
}

/// Why a controller is about to delete the pod.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disruption {
    pub reason: ConditionReason,
    pub message: String,
}

/// Container statuses looked up by container name, as getPhase and the conditions look up
/// each container of the spec (`podutil.GetContainerStatus`): by a scan for a few, by an
/// index for a wide pod, so that a status stays linear in the number of containers.
pub struct ByName<'a> {
    statuses: &'a [ContainerStatus],
    index: Option<HashMap<&'a str, usize>>,
}

impl<'a> ByName<'a> {
    pub fn new(statuses: &'a [ContainerStatus]) -> Self {
        let index = (statuses.len() > 8).then(|| {
            let mut index = HashMap::with_capacity(statuses.len());
            for (i, s) in statuses.iter().enumerate() {
                // The first status of a name wins, as a scan would find it.
                index.entry(s.name.as_str()).or_insert(i);
            }
            index
        });
        ByName { statuses, index }
    }

    pub fn get(&self, name: &str) -> Option<&'a ContainerStatus> {
        match &self.index {
            Some(index) => index.get(name).map(|&i| &self.statuses[i]),
            None => self.statuses.iter().find(|s| s.name == name),
        }
    }
}

/// The status message of a pod failed by the kubelet for `reason`.
pub fn failure_message(reason: PodReason) -> &'static str {
    match reason {
        PodReason::DeadlineExceeded => {
            "Pod was active on the node longer than the specified deadline"
        }
    }
}

/// Generate the API status. `prev` keeps condition transition times and a terminal phase.
pub fn generate(
    spec: &PodSpec,
    records: &[ContainerRecord],
    pod: &PodState,
    prev: Option<&PodStatus>,
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
    // Every container's status, init containers first (getPhase and the conditions find
    // them by name), split into the two lists once they are read.
    let mut all: Vec<_> = records
        .iter()
        .map(|r| containers::container_status(r, has_init))
        .collect();
    let inits = records.iter().filter(|r| r.init).count();
    let mut phase = phase::get_phase(spec, &all, pod.terminal, pod.has_initialized);
    // Pods are not allowed to transition out of a terminal phase.
    if let Some(prev) = prev.filter(|p| p.phase.is_terminal()) {
        phase = prev.phase;
    }
    // A pod sync handler that evicts the pod makes it Failed with its reason.
    if pod.failed_by_kubelet.is_some() {
        phase = PodPhase::Failed;
    }
    let statuses = Some(all.as_slice());
    let containers_ready = conditions::containers_ready(spec, statuses, phase);
    let mut ready = conditions::pod_ready(&containers_ready);
    if pod.node_not_ready {
        ready.status = ConditionStatus::False;
    }
    let conditions = pod
        .disruption
        .iter()
        .map(conditions::disruption_target)
        .chain(
            (!pod.no_ready_to_start_condition)
                .then(|| conditions::ready_to_start_containers(pod.sandbox_ready)),
        )
        .chain([
            conditions::initialized(spec, statuses, phase),
            ready,
            containers_ready,
            conditions::scheduled(),
        ])
        .collect();
    let app_statuses = all.split_off(inits);
    let mut status = PodStatus {
        phase,
        conditions,
        reason: pod.failed_by_kubelet,
        message: pod
            .failed_by_kubelet
            .map(|r| failure_message(r).to_string()),
        host_ip: pod.host_ip.clone(),
        pod_ip: pod.pod_ip.clone(),
        start_time: pod.start_time,
        init_container_statuses: all,
        container_statuses: app_statuses,
        qos_class: Some(qos_class(spec).into()),
    };
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
