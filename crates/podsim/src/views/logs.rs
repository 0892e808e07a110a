//! `kubectl logs POD [-c CONTAINER] [--previous] [--timestamps]` at an instant, with kubectl's
//! and the apiserver's messages when there is nothing to show.

use super::clock::rfc3339;
use crate::model::WaitingReason;
use crate::sim::Timeline;
use crate::time::Millis;
use std::fmt::Write;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogsRequest {
    /// None: kubectl's default container (see `default_container`), which it names on a
    /// `Defaulted container` line when the pod has others.
    pub container: Option<String>,
    pub previous: bool,
    pub timestamps: bool,
}

/// The annotation that picks the container kubectl uses when none is named.
const DEFAULT_CONTAINER_ANNOTATION: &str = "kubectl.kubernetes.io/default-container";

/// The container `kubectl logs POD` reads when none is named (podcmd
/// `FindOrDefaultContainerByName`): the one the `kubectl.kubernetes.io/default-container`
/// annotation names, else the first app container.
pub fn default_container(tl: &Timeline) -> Option<&str> {
    let spec = &tl.manifest.pod.spec;
    annotated_default(tl)
        .filter(|n| spec.all_containers().any(|(c, _)| c.name == *n))
        .or_else(|| spec.containers.first().map(|c| c.name.as_str()))
}

/// The container the default-container annotation names, if it names one.
fn annotated_default(tl: &Timeline) -> Option<&str> {
    let annotations = &tl.manifest.pod.metadata.annotations;
    annotations
        .get(DEFAULT_CONTAINER_ANNOTATION)
        .map(String::as_str)
        .filter(|n| !n.is_empty())
}

/// Every container's name, init containers first (the order of the logs view's choices).
pub fn container_names(tl: &Timeline) -> Vec<String> {
    let spec = &tl.manifest.pod.spec;
    spec.all_containers().map(|(c, _)| c.name.clone()).collect()
}

/// Every container of the pod, as kubectl lists them (`AllContainerNames`): app containers,
/// then init containers marked `(init)`.
fn all_container_names(tl: &Timeline) -> String {
    let spec = &tl.manifest.pod.spec;
    spec.containers
        .iter()
        .map(|c| c.name.clone())
        .chain(
            spec.init_containers
                .iter()
                .map(|c| format!("{} (init)", c.name)),
        )
        .collect::<Vec<_>>()
        .join(", ")
}

/// The output (stdout and stderr merged, as kubectl shows them) or kubectl's error text.
pub fn logs(tl: &Timeline, t: Millis, req: &LogsRequest) -> Result<String, String> {
    let pod = &tl.manifest.pod;
    if !tl.exists_at(t) {
        return Err(super::kubectl::not_found(tl));
    }
    let names: Vec<&str> = pod
        .spec
        .all_containers()
        .map(|(c, _)| c.name.as_str())
        .collect();
    // kubectl's logsForObject: the container asked for, else the annotated default, else the
    // first app container — saying so on stderr, merged here as a terminal shows it.
    let mut out = String::new();
    let mut name = req.container.clone();
    if name.is_none() {
        if let Some(d) = annotated_default(tl) {
            if names.contains(&d) {
                name = Some(d.to_string());
            } else {
                let _ = writeln!(
                    out,
                    "Default container name \"{d}\" not found in pod {}",
                    tl.pod_name
                );
            }
        }
    }
    let name = match name {
        Some(n) => n,
        None => {
            let first = pod.spec.containers.first().map(|c| c.name.clone());
            let first = first.unwrap_or_default();
            if pod.spec.containers.len() > 1 || !pod.spec.init_containers.is_empty() {
                let _ = writeln!(
                    out,
                    "Defaulted container \"{first}\" out of: {}",
                    all_container_names(tl)
                );
            }
            first
        }
    };
    if !names.contains(&name.as_str()) {
        return Err(format!(
            "error: container {name} is not valid for pod {}",
            tl.pod_name
        ));
    }
    let Some(log) = tl.instance_log_at(&name, t, req.previous) else {
        if req.previous {
            return Err(format!(
                "Error from server (BadRequest): previous terminated container \"{name}\" in pod \"{}\" not found",
                tl.pod_name
            ));
        }
        let reason = tl
            .status_at(t)
            .and_then(|s| s.container(&name))
            .and_then(|c| c.state.waiting.as_ref())
            .and_then(|w| w.reason)
            .unwrap_or(WaitingReason::ContainerCreating);
        let kind = if pod.spec.init_containers.iter().any(|c| c.name == name) {
            "init container"
        } else {
            "container"
        };
        return Err(format!(
            "Error from server (BadRequest): {kind} \"{name}\" in pod \"{}\" is waiting to start: {reason}",
            tl.pod_name
        ));
    };
    for l in log.lines.iter().take_while(|l| l.t <= t) {
        if req.timestamps {
            let _ = write!(
                out,
                "{} ",
                rfc3339(l.t).replace('Z', &format!(".{:03}000000Z", l.t % 1000))
            );
        }
        out.push_str(&l.text);
        if !l.text.ends_with('\n') {
            out.push('\n');
        }
    }
    Ok(out)
}
