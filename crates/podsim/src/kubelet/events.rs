//! Event reasons and message texts, worded as each Kubernetes version's kubelet, scheduler
//! and controllers word them (pkg/kubelet/events/event.go and the callers); where the words
//! changed between 1.31 and 1.37 the function takes the version (docs/versions.md §9).

use super::prober::{ProbeKind, ProbeResult};
use crate::cluster::KubeVersion;
use crate::model::string_enum::string_enum;
use crate::time::{go_duration, Millis};
use serde::{Deserialize, Serialize};

string_enum! {
    /// An event's `type`.
    pub enum EventType {
        Normal = "Normal",
        Warning = "Warning",
    }
}

string_enum! {
    /// An event's `reason`, as the component that emits it spells it.
    pub enum EventReason {
        Scheduled = "Scheduled",
        FailedScheduling = "FailedScheduling",
        Pulling = "Pulling",
        Pulled = "Pulled",
        Failed = "Failed",
        BackOff = "BackOff",
        ErrImageNeverPull = "ErrImageNeverPull",
        InspectFailed = "InspectFailed",
        Created = "Created",
        Started = "Started",
        Killing = "Killing",
        Unhealthy = "Unhealthy",
        FailedPostStartHook = "FailedPostStartHook",
        FailedPreStopHook = "FailedPreStopHook",
        DeadlineExceeded = "DeadlineExceeded",
        NodeNotReady = "NodeNotReady",
        TaintManagerEviction = "TaintManagerEviction",
    }
}

string_enum! {
    /// The component that reports an event (its `source` / `reportingController`).
    pub enum Component {
        Kubelet = "kubelet",
        Scheduler = "default-scheduler",
        NodeController = "node-controller",
        TaintEvictionController = "taint-eviction-controller",
    }
}

/// One event as a component emits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub type_: EventType,
    pub reason: EventReason,
    pub from: Component,
    pub message: String,
    /// The container the event is about (`spec.containers{web}`), if any.
    pub field_path: Option<String>,
}

fn ev(
    type_: EventType,
    reason: EventReason,
    from: Component,
    message: String,
    field_path: Option<String>,
) -> Event {
    Event {
        type_,
        reason,
        from,
        message,
        field_path,
    }
}

/// `spec.containers{NAME}` / `spec.initContainers{NAME}`: the involved object's fieldPath.
pub fn field_path(name: &str, init: bool) -> String {
    if init {
        format!("spec.initContainers{{{name}}}")
    } else {
        format!("spec.containers{{{name}}}")
    }
}

pub fn scheduled(namespace: &str, pod: &str, node: &str) -> Event {
    ev(
        EventType::Normal,
        EventReason::Scheduled,
        Component::Scheduler,
        format!("Successfully assigned {namespace}/{pod} to {node}"),
        None,
    )
}

pub fn failed_scheduling(message: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::FailedScheduling,
        Component::Scheduler,
        message.to_string(),
        None,
    )
}

pub fn pulling(image: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        EventReason::Pulling,
        Component::Kubelet,
        format!("Pulling image \"{image}\""),
        Some(fp.into()),
    )
}

/// `Successfully pulled image "X" in 2.68s (2.68s including waiting). Image size: N bytes.`
pub fn pulled(image: &str, took: Millis, with_waiting: Millis, size: u64, fp: &str) -> Event {
    ev(
        EventType::Normal,
        EventReason::Pulled,
        Component::Kubelet,
        format!(
            "Successfully pulled image \"{image}\" in {} ({} including waiting). Image size: {size} bytes.",
            go_duration(took),
            go_duration(with_waiting)
        ),
        Some(fp.into()),
    )
}

/// `Container image "X" already present on machine`; with KubeletEnsureSecretPulledImages
/// on (beta, on by default from 1.35) the image manager checks the pod may use the image and
/// says so: `… already present on machine and can be accessed by the pod`.
pub fn already_present(image: &str, access_checked: bool, fp: &str) -> Event {
    let suffix = if access_checked {
        " and can be accessed by the pod"
    } else {
        ""
    };
    ev(
        EventType::Normal,
        EventReason::Pulled,
        Component::Kubelet,
        format!("Container image \"{image}\" already present on machine{suffix}"),
        Some(fp.into()),
    )
}

pub fn failed_pull(image: &str, error: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::Failed,
        Component::Kubelet,
        format!("Failed to pull image \"{image}\": {error}"),
        Some(fp.into()),
    )
}

/// `Error: ErrImagePull`, `Error: ImagePullBackOff`, `Error: <config error>`.
pub fn failed_error(what: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::Failed,
        Component::Kubelet,
        format!("Error: {what}"),
        Some(fp.into()),
    )
}

/// `Back-off pulling image "X"`: the BackOff event's message and the ImagePullBackOff
/// waiting message.
pub fn pull_backoff_message(image: &str) -> String {
    format!("Back-off pulling image \"{image}\"")
}

pub fn backoff_pull(image: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        EventReason::BackOff,
        Component::Kubelet,
        pull_backoff_message(image),
        Some(fp.into()),
    )
}

/// The ErrImageNeverPull event's message and waiting message.
pub fn never_pull_message(image: &str) -> String {
    format!("Container image \"{image}\" is not present with pull policy of Never")
}

pub fn never_pull(image: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::ErrImageNeverPull,
        Component::Kubelet,
        never_pull_message(image),
        Some(fp.into()),
    )
}

pub fn inspect_failed(message: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::InspectFailed,
        Component::Kubelet,
        message.to_string(),
        Some(fp.into()),
    )
}

/// `Created container web` up to 1.32, `Created container: web` in 1.33–1.34 (#130471),
/// `Container created` from 1.35 (#134043: the name is in the event's fieldPath).
pub fn created(v: KubeVersion, name: &str, fp: &str) -> Event {
    let message = if v >= KubeVersion::V1_35 {
        "Container created".to_string()
    } else if v >= KubeVersion::V1_33 {
        format!("Created container: {name}")
    } else {
        format!("Created container {name}")
    };
    ev(
        EventType::Normal,
        EventReason::Created,
        Component::Kubelet,
        message,
        Some(fp.into()),
    )
}

/// `Started container web` up to 1.34, `Container started` from 1.35 (#134043).
pub fn started(v: KubeVersion, name: &str, fp: &str) -> Event {
    let message = if v >= KubeVersion::V1_35 {
        "Container started".to_string()
    } else {
        format!("Started container {name}")
    };
    ev(
        EventType::Normal,
        EventReason::Started,
        Component::Kubelet,
        message,
        Some(fp.into()),
    )
}

pub fn killing(message: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        EventReason::Killing,
        Component::Kubelet,
        message.to_string(),
        Some(fp.into()),
    )
}

/// The event a probe run records (pkg/kubelet/prober/prober.go `probe`): a failure is
/// `Unhealthy` `Liveness probe failed: OUTPUT`; a probe that could not run at all (result
/// Unknown) is `Unhealthy` `Liveness probe errored and resulted in unknown state: ERROR`
/// (since Kubernetes 1.33, #125901; up to 1.32 it read `Liveness probe errored: ERROR`); a
/// success records nothing.
pub fn probe_result(
    v: KubeVersion,
    kind: ProbeKind,
    result: ProbeResult,
    output: &str,
    fp: &str,
) -> Option<Event> {
    let what = match result {
        ProbeResult::Success => return None,
        ProbeResult::Failure => "failed",
        ProbeResult::Unknown if v >= KubeVersion::V1_33 => "errored and resulted in unknown state",
        ProbeResult::Unknown => "errored",
    };
    Some(ev(
        EventType::Warning,
        EventReason::Unhealthy,
        Component::Kubelet,
        format!("{} probe {what}: {output}", kind.title()),
        Some(fp.into()),
    ))
}

/// `Back-off restarting failed container NAME in pod NAME_NAMESPACE(UID)`.
pub fn backoff_restart(name: &str, pod_ref: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::BackOff,
        Component::Kubelet,
        format!("Back-off restarting failed container {name} in pod {pod_ref}"),
        Some(fp.into()),
    )
}

/// The waiting message of a container in CrashLoopBackOff.
pub fn crash_loop_message(backoff: Millis, name: &str, pod_ref: &str) -> String {
    format!(
        "back-off {} restarting failed container={name} pod={pod_ref}",
        go_duration(backoff)
    )
}

pub fn failed_post_start(fp: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::FailedPostStartHook,
        Component::Kubelet,
        "PostStartHook failed".into(),
        Some(fp.into()),
    )
}

pub fn failed_pre_stop(fp: &str) -> Event {
    ev(
        EventType::Warning,
        EventReason::FailedPreStopHook,
        Component::Kubelet,
        "PreStopHook failed".into(),
        Some(fp.into()),
    )
}

pub fn deadline_exceeded() -> Event {
    ev(
        EventType::Normal,
        EventReason::DeadlineExceeded,
        Component::Kubelet,
        super::status::failure_message(crate::model::PodReason::DeadlineExceeded).into(),
        None,
    )
}

pub fn node_not_ready() -> Event {
    ev(
        EventType::Warning,
        EventReason::NodeNotReady,
        Component::NodeController,
        "Node is not ready".into(),
        None,
    )
}

pub fn taint_eviction(namespace: &str, pod: &str) -> Event {
    ev(
        EventType::Normal,
        EventReason::TaintManagerEviction,
        Component::TaintEvictionController,
        format!("Marking for deletion Pod {namespace}/{pod}"),
        None,
    )
}
