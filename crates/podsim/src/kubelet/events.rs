//! Event reasons and message texts, worded as Kubernetes 1.34's kubelet, scheduler and
//! controllers word them (pkg/kubelet/events/event.go and the callers).

use crate::time::{go_duration, Millis};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventType {
    Normal,
    Warning,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Normal => "Normal",
            EventType::Warning => "Warning",
        }
    }
}

/// One event as a component emits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub type_: EventType,
    pub reason: String,
    /// The reporting component: `kubelet`, `default-scheduler`, `node-controller`, …
    pub from: String,
    pub message: String,
    /// The container the event is about (`spec.containers{web}`), if any.
    pub field_path: Option<String>,
}

pub const KUBELET: &str = "kubelet";
pub const SCHEDULER: &str = "default-scheduler";
pub const NODE_CONTROLLER: &str = "node-controller";
pub const TAINT_EVICTION: &str = "taint-eviction-controller";

fn ev(
    type_: EventType,
    reason: &str,
    from: &str,
    message: String,
    field_path: Option<String>,
) -> Event {
    Event {
        type_,
        reason: reason.to_string(),
        from: from.to_string(),
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
        "Scheduled",
        SCHEDULER,
        format!("Successfully assigned {namespace}/{pod} to {node}"),
        None,
    )
}

pub fn failed_scheduling(message: &str) -> Event {
    ev(
        EventType::Warning,
        "FailedScheduling",
        SCHEDULER,
        message.to_string(),
        None,
    )
}

pub fn pulling(image: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        "Pulling",
        KUBELET,
        format!("Pulling image \"{image}\""),
        Some(fp.into()),
    )
}

/// `Successfully pulled image "X" in 2.68s (2.68s including waiting). Image size: N bytes.`
pub fn pulled(image: &str, took: Millis, with_waiting: Millis, size: u64, fp: &str) -> Event {
    ev(
        EventType::Normal,
        "Pulled",
        KUBELET,
        format!(
            "Successfully pulled image \"{image}\" in {} ({} including waiting). Image size: {size} bytes.",
            go_duration(took),
            go_duration(with_waiting)
        ),
        Some(fp.into()),
    )
}

pub fn already_present(image: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        "Pulled",
        KUBELET,
        format!("Container image \"{image}\" already present on machine"),
        Some(fp.into()),
    )
}

pub fn failed_pull(image: &str, error: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "Failed",
        KUBELET,
        format!("Failed to pull image \"{image}\": {error}"),
        Some(fp.into()),
    )
}

/// `Error: ErrImagePull`, `Error: ImagePullBackOff`, `Error: <config error>`.
pub fn failed_error(what: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "Failed",
        KUBELET,
        format!("Error: {what}"),
        Some(fp.into()),
    )
}

pub fn backoff_pull(image: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        "BackOff",
        KUBELET,
        format!("Back-off pulling image \"{image}\""),
        Some(fp.into()),
    )
}

pub fn never_pull(image: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "ErrImageNeverPull",
        KUBELET,
        format!("Container image \"{image}\" is not present with pull policy of Never"),
        Some(fp.into()),
    )
}

pub fn inspect_failed(message: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "InspectFailed",
        KUBELET,
        message.to_string(),
        Some(fp.into()),
    )
}

/// 1.33–1.34 wording (`Created container X` up to 1.32, `Container created` from 1.35).
pub fn created(name: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        "Created",
        KUBELET,
        format!("Created container: {name}"),
        Some(fp.into()),
    )
}

pub fn started(name: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        "Started",
        KUBELET,
        format!("Started container {name}"),
        Some(fp.into()),
    )
}

pub fn killing(message: &str, fp: &str) -> Event {
    ev(
        EventType::Normal,
        "Killing",
        KUBELET,
        message.to_string(),
        Some(fp.into()),
    )
}

/// `Liveness probe failed: OUTPUT` (Readiness, Startup).
pub fn unhealthy(kind: &str, output: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "Unhealthy",
        KUBELET,
        format!("{kind} probe failed: {output}"),
        Some(fp.into()),
    )
}

/// A probe that could not be run at all (result Unknown): `Readiness probe errored and resulted
/// in unknown state: ERROR`, pkg/kubelet/prober/prober.go since Kubernetes 1.33 (#125901; up
/// to 1.32 it read `Readiness probe errored: ERROR`).
pub fn probe_errored(kind: &str, error: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "Unhealthy",
        KUBELET,
        format!("{kind} probe errored and resulted in unknown state: {error}"),
        Some(fp.into()),
    )
}

pub fn probe_warning(kind: &str, output: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "ProbeWarning",
        KUBELET,
        format!("{kind} probe warning: {output}"),
        Some(fp.into()),
    )
}

/// `Back-off restarting failed container NAME in pod NAME_NAMESPACE(UID)`.
pub fn backoff_restart(name: &str, pod_ref: &str, fp: &str) -> Event {
    ev(
        EventType::Warning,
        "BackOff",
        KUBELET,
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
        "FailedPostStartHook",
        KUBELET,
        "PostStartHook failed".into(),
        Some(fp.into()),
    )
}

pub fn failed_pre_stop(fp: &str) -> Event {
    ev(
        EventType::Warning,
        "FailedPreStopHook",
        KUBELET,
        "PreStopHook failed".into(),
        Some(fp.into()),
    )
}

pub fn deadline_exceeded() -> Event {
    ev(
        EventType::Normal,
        "DeadlineExceeded",
        KUBELET,
        "Pod was active on the node longer than the specified deadline".into(),
        None,
    )
}

pub fn node_not_ready() -> Event {
    ev(
        EventType::Warning,
        "NodeNotReady",
        NODE_CONTROLLER,
        "Node is not ready".into(),
        None,
    )
}

pub fn taint_eviction(namespace: &str, pod: &str) -> Event {
    ev(
        EventType::Normal,
        "TaintManagerEviction",
        TAINT_EVICTION,
        format!("Marking for deletion Pod {namespace}/{pod}"),
        None,
    )
}

pub fn failed_create_config(error: &str, fp: &str) -> Event {
    failed_error(error, fp)
}
