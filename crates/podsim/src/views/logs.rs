//! `kubectl logs POD [-c CONTAINER] [--previous] [--timestamps]` at an instant, with kubectl's
//! and the apiserver's messages when there is nothing to show.

use super::clock::rfc3339;
use crate::model::WaitingReason;
use crate::sim::Timeline;
use crate::time::Millis;
use std::fmt::Write;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogsRequest {
    /// None: the pod's only container (kubectl defaults to the first one and says so).
    pub container: Option<String>,
    pub previous: bool,
    pub timestamps: bool,
}

/// The output (stdout and stderr merged, as kubectl shows them) or kubectl's error text.
pub fn logs(tl: &Timeline, t: Millis, req: &LogsRequest) -> Result<String, String> {
    let pod = &tl.manifest.pod;
    if !tl.exists_at(t) {
        return Err(format!(
            "Error from server (NotFound): pods \"{}\" not found",
            tl.pod_name
        ));
    }
    let names: Vec<&str> = pod
        .spec
        .all_containers()
        .map(|(c, _)| c.name.as_str())
        .collect();
    let mut out = String::new();
    let name = match &req.container {
        Some(n) => {
            if !names.contains(&n.as_str()) {
                return Err(format!(
                    "error: container {n} is not valid for pod {}",
                    tl.pod_name
                ));
            }
            n.clone()
        }
        None => {
            let first = pod
                .spec
                .containers
                .first()
                .map(|c| c.name.clone())
                .unwrap_or_default();
            if names.len() > 1 {
                let _ = writeln!(
                    out,
                    "Defaulted container \"{first}\" out of: {}",
                    names.join(", ")
                );
            }
            first
        }
    };
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
