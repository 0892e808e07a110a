//! The kubectl commands the views answer, as a learner would type them, and what each prints
//! at an instant: the one place that words kubectl's command lines and the apiserver's
//! `Error from server (NotFound)` for a pod that is gone.

use super::logs::LogsRequest;
use super::{describe, events, get, logs, status_yaml};
use crate::sim::Timeline;
use crate::time::Millis;

/// One of the views, as the kubectl command that prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `kubectl get pods -w`, from the pod's creation.
    WatchPods,
    /// `kubectl describe pod NAME`.
    DescribePod,
    /// `kubectl get events`.
    GetEvents,
    /// `kubectl logs NAME [-c CONTAINER] [--previous]`.
    Logs(LogsRequest),
    /// `kubectl get pod NAME -o yaml`, its status part.
    StatusYaml,
}

impl Command {
    /// The command line, as typed after the prompt.
    pub fn line(&self, tl: &Timeline) -> String {
        let pod = &tl.pod_name;
        match self {
            Command::WatchPods => "kubectl get pods -w".into(),
            Command::DescribePod => format!("kubectl describe pod {pod}"),
            Command::GetEvents => "kubectl get events".into(),
            Command::Logs(req) => {
                let mut line = format!("kubectl logs {pod}");
                if let Some(c) = &req.container {
                    line.push_str(&format!(" -c {c}"));
                }
                if req.previous {
                    line.push_str(" --previous");
                }
                if req.timestamps {
                    line.push_str(" --timestamps");
                }
                line
            }
            Command::StatusYaml => format!("kubectl get pod {pod} -o yaml  # status"),
        }
    }

    /// What the command prints at `at` (an error is printed as kubectl prints it).
    pub fn output(&self, tl: &Timeline, at: Millis) -> String {
        match self {
            Command::WatchPods => get::watch(tl, at),
            Command::DescribePod => describe::describe_pod(tl, at),
            Command::GetEvents => events::get_events(tl, at),
            Command::Logs(req) => logs::logs(tl, at, req).unwrap_or_else(|e| e + "\n"),
            Command::StatusYaml => match tl.status_at(at) {
                Some(s) if tl.exists_at(at) => status_yaml::status_yaml(s),
                _ => not_found(tl) + "\n",
            },
        }
    }
}

/// The apiserver's answer for a pod that no longer exists.
pub fn not_found(tl: &Timeline) -> String {
    format!(
        "Error from server (NotFound): pods \"{}\" not found",
        tl.pod_name
    )
}
