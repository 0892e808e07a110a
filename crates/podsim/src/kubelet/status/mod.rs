//! The status manager's side of the kubelet: build the API PodStatus from the kubelet's view
//! of its containers (pkg/kubelet/kubelet_pods.go generateAPIPodStatus, status/generate.go).
//! Pure functions: phase.rs (getPhase), conditions.rs, containers.rs (container statuses).

pub mod conditions;
pub mod containers;
pub mod phase;

use super::container_record::ContainerRecord;
use crate::model::{PodSpec, PodStatus};
use crate::time::Millis;

/// What the kubelet (and the controllers around it) know about the pod beyond its containers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodFlags {
    /// Bound to a node; None while unschedulable: the scheduler's message.
    pub scheduled: bool,
    pub unschedulable_message: Option<String>,
    pub sandbox_ready: bool,
    /// The kubelet has decided the pod will not run again (all regular containers done and
    /// not restarting, deleted, deadline exceeded, init failed under Never).
    pub terminal: bool,
    /// A regular container has started at some point.
    pub has_initialized: bool,
    pub reason: Option<String>,
    pub message: Option<String>,
    pub host_ip: Option<String>,
    pub pod_ip: Option<String>,
    pub start_time: Option<Millis>,
    /// The node controller marked the node NotReady: Ready forced to False.
    pub node_not_ready: bool,
    /// DisruptionTarget condition (reason, message) once a controller decided to evict.
    pub disruption: Option<(String, String)>,
    /// The kubelet no longer reports (node lost): the status stays as it was.
    pub frozen: bool,
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
    flags: &PodFlags,
    prev: Option<&PodStatus>,
    ids: &dyn ContainerIds,
    now: Millis,
) -> PodStatus {
    if !flags.scheduled {
        let mut status = PodStatus {
            phase: "Pending".into(),
            qos_class: Some(qos_class(spec).into()),
            ..Default::default()
        };
        status.conditions = vec![conditions::unscheduled(
            flags.unschedulable_message.as_deref(),
        )];
        conditions::carry_transition_times(&mut status.conditions, prev, now);
        return status;
    }
    let has_init = !spec.init_containers.is_empty();
    let init_statuses: Vec<_> = records
        .iter()
        .filter(|r| r.init)
        .map(|r| containers::container_status(r, has_init, ids))
        .collect();
    let app_statuses: Vec<_> = records
        .iter()
        .filter(|r| !r.init)
        .map(|r| containers::container_status(r, has_init, ids))
        .collect();
    let mut phase =
        phase::get_phase(spec, records, flags.terminal, flags.has_initialized).to_string();
    if let Some(prev) = prev {
        if matches!(prev.phase.as_str(), "Failed" | "Succeeded") {
            phase = prev.phase.clone();
        }
    }
    if flags.reason.as_deref() == Some("DeadlineExceeded") {
        phase = "Failed".into();
    }
    let mut status = PodStatus {
        phase,
        reason: flags.reason.clone(),
        message: flags.message.clone(),
        host_ip: flags.host_ip.clone(),
        pod_ip: flags.pod_ip.clone(),
        start_time: flags.start_time,
        init_container_statuses: init_statuses,
        container_statuses: app_statuses,
        qos_class: Some(qos_class(spec).into()),
        ..Default::default()
    };
    status.conditions = conditions::generate(spec, records, &status, flags);
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
