//! Pod conditions (pkg/kubelet/status/generate.go), in the order the kubelet writes them:
//! PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled — with
//! DisruptionTarget first when a controller set it.

use super::PodFlags;
use crate::kubelet::container_record::ContainerRecord;
use crate::model::{PodCondition, PodSpec, PodStatus};
use crate::time::Millis;

fn cond(type_: &str, ok: bool, reason: Option<&str>, message: Option<String>) -> PodCondition {
    PodCondition {
        type_: type_.to_string(),
        status: if ok { "True" } else { "False" }.to_string(),
        reason: reason.map(str::to_string),
        message,
        last_transition_time: None,
    }
}

/// Go's `%s` of a `[]string`: `[a b c]`.
fn go_list(names: &[&str]) -> String {
    format!("[{}]", names.join(" "))
}

pub fn unscheduled(message: Option<&str>) -> PodCondition {
    cond(
        "PodScheduled",
        false,
        Some("Unschedulable"),
        message.map(str::to_string),
    )
}

pub fn generate(
    spec: &PodSpec,
    records: &[ContainerRecord],
    status: &PodStatus,
    flags: &PodFlags,
) -> Vec<PodCondition> {
    let mut out = Vec::new();
    if let Some((reason, message)) = &flags.disruption {
        out.push(cond(
            "DisruptionTarget",
            true,
            Some(reason),
            Some(message.clone()),
        ));
    }
    out.push(cond(
        "PodReadyToStartContainers",
        flags.sandbox_ready,
        None,
        None,
    ));
    out.push(initialized(spec, records, status));
    let containers_ready = containers_ready(records, status);
    let mut ready = containers_ready.clone();
    ready.type_ = "Ready".into();
    if flags.node_not_ready {
        ready.status = "False".into();
    }
    out.push(ready);
    out.push(containers_ready);
    out.push(cond("PodScheduled", true, None, None));
    out
}

fn initialized(spec: &PodSpec, records: &[ContainerRecord], status: &PodStatus) -> PodCondition {
    if spec.init_containers.is_empty() {
        return cond("Initialized", true, None, None);
    }
    if status.phase == "Succeeded" {
        return cond("Initialized", true, Some("PodCompleted"), None);
    }
    if records.iter().any(|r| !r.init && r.ever_started()) {
        return cond("Initialized", true, None, None);
    }
    let incomplete: Vec<&str> = records
        .iter()
        .filter(|r| r.init)
        .filter(|r| {
            if r.sidecar {
                !(r.is_running() && r.started)
            } else {
                !r.completed()
            }
        })
        .map(|r| r.name.as_str())
        .collect();
    if incomplete.is_empty() {
        cond("Initialized", true, None, None)
    } else {
        cond(
            "Initialized",
            false,
            Some("ContainersNotInitialized"),
            Some(format!(
                "containers with incomplete status: {}",
                go_list(&incomplete)
            )),
        )
    }
}

fn containers_ready(records: &[ContainerRecord], status: &PodStatus) -> PodCondition {
    match status.phase.as_str() {
        "Succeeded" => return cond("ContainersReady", false, Some("PodCompleted"), None),
        "Failed" => return cond("ContainersReady", false, Some("PodFailed"), None),
        _ => {}
    }
    let unready: Vec<&str> = records
        .iter()
        .filter(|r| !r.regular_init())
        .filter(|r| !r.ready())
        .map(|r| r.name.as_str())
        .collect();
    if unready.is_empty() {
        cond("ContainersReady", true, None, None)
    } else {
        cond(
            "ContainersReady",
            false,
            Some("ContainersNotReady"),
            Some(format!(
                "containers with unready status: {}",
                go_list(&unready)
            )),
        )
    }
}

/// Keep each condition's lastTransitionTime while its status does not change.
pub fn carry_transition_times(conds: &mut [PodCondition], prev: Option<&PodStatus>, now: Millis) {
    for c in conds.iter_mut() {
        let before = prev.and_then(|p| p.condition(&c.type_));
        c.last_transition_time = match before {
            Some(b) if b.status == c.status => b.last_transition_time.or(Some(now)),
            _ => Some(now),
        };
    }
}
