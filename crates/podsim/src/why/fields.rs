//! The spec fields a cause read: which ones (from its rule, its container and its numbers)
//! and, for each, where it is in the manifest's text (a span with the editor's UTF-16
//! offsets) or, when the manifest does not write it, the default that applied.

use super::cause::{Cause, Fact, GraceFrom};
use super::rule::Rule;
use crate::api::Span;
use crate::kubelet::prober::ProbeKind;
use crate::kubelet::scheduler::filter;
use crate::model::Container;
use crate::sim::Timeline;
use serde::Serialize;
use serde_json::Value;

/// One spec field a step rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRef {
    /// The field's path in the manifest: `spec.containers[0].livenessProbe.periodSeconds`.
    pub path: String,
    /// Its value as the cluster stored it (after defaulting), as YAML writes a scalar; None
    /// for an object or a list, or a field with no value at all.
    pub value: Option<String>,
    /// Whether the manifest writes it (else a default applied, or it is not set).
    pub written: bool,
    /// Where it is in the manifest's text (when written and the timeline knows its text).
    pub span: Option<Span>,
}

impl FieldRef {
    /// `livenessProbe.periodSeconds: 5`, `spec.terminationGracePeriodSeconds (default 30)`,
    /// `spec.containers[0].args`.
    pub fn describe(&self, ko: bool) -> String {
        match (&self.value, self.written) {
            (Some(v), true) => format!("{}: {v}", self.path),
            (Some(v), false) if ko => format!("{} (기본값 {v})", self.path),
            (Some(v), false) => format!("{} (default {v})", self.path),
            (None, false) if ko => format!("{} (설정하지 않음)", self.path),
            (None, false) => format!("{} (not set)", self.path),
            (None, true) => self.path.clone(),
        }
    }
}

/// `spec.containers[i]` or `spec.initContainers[i]` for container `c` (init containers
/// first).
pub fn container_path(tl: &Timeline, c: usize) -> String {
    let n = tl.manifest.pod.spec.init_containers.len();
    if c < n {
        format!("spec.initContainers[{c}]")
    } else {
        format!("spec.containers[{}]", c - n)
    }
}

/// Container `c` of the pod (init containers first).
pub fn container(tl: &Timeline, c: usize) -> Option<&Container> {
    tl.manifest.pod.spec.all_containers().nth(c).map(|(c, _)| c)
}

/// The probe field of `kind`: `livenessProbe`, `readinessProbe`, `startupProbe`.
pub fn probe_field(kind: ProbeKind) -> &'static str {
    match kind {
        ProbeKind::Liveness => "livenessProbe",
        ProbeKind::Readiness => "readinessProbe",
        ProbeKind::Startup => "startupProbe",
    }
}

/// The handler fields of container `c`'s probe of `kind`.
pub fn probe_handler_paths(tl: &Timeline, c: usize, kind: ProbeKind) -> Vec<String> {
    let base = format!("{}.{}", container_path(tl, c), probe_field(kind));
    let Some(p) = container(tl, c).and_then(|k| match kind {
        ProbeKind::Liveness => k.liveness_probe.as_ref(),
        ProbeKind::Readiness => k.readiness_probe.as_ref(),
        ProbeKind::Startup => k.startup_probe.as_ref(),
    }) else {
        return Vec::new();
    };
    if p.exec.is_some() {
        vec![format!("{base}.exec.command")]
    } else if p.http_get.is_some() {
        vec![
            format!("{base}.httpGet.port"),
            format!("{base}.httpGet.path"),
        ]
    } else if p.tcp_socket.is_some() {
        vec![format!("{base}.tcpSocket.port")]
    } else if p.grpc.is_some() {
        vec![format!("{base}.grpc.port")]
    } else {
        Vec::new()
    }
}

/// What container `c` runs: its `command` and `args` as written (`command` alone when it
/// has no args), or the image's own (`image`).
pub fn program_paths(tl: &Timeline, c: usize) -> Vec<String> {
    let base = container_path(tl, c);
    let Some(k) = container(tl, c) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !k.command.is_empty() {
        out.push(format!("{base}.command"));
    }
    if !k.args.is_empty() {
        out.push(format!("{base}.args"));
    }
    if out.is_empty() {
        out.push(format!("{base}.image"));
    }
    out
}

/// The paths of the fields a cause read.
pub fn paths(tl: &Timeline, cause: &Cause) -> Vec<String> {
    use Rule::*;
    let c = cause.container();
    let base = c.map(|c| container_path(tl, c)).unwrap_or_default();
    let probe = |kind: ProbeKind, f: &str| format!("{base}.{}.{f}", probe_field(kind));
    let spec = |f: &str| format!("spec.{f}");
    let mut out: Vec<String> = Vec::new();
    match cause.rule {
        Scheduled | Unschedulable => {
            let filters = match cause.fact {
                Fact::Schedule { filters } => filters,
                _ => 0,
            };
            let all = tl.manifest.pod.spec.all_containers().count();
            for (bit, resource) in [(filter::CPU, "cpu"), (filter::MEMORY, "memory")] {
                if filters & bit != 0 {
                    for k in 0..all {
                        out.push(format!(
                            "{}.resources.requests.{resource}",
                            container_path(tl, k)
                        ));
                    }
                }
            }
            if filters & filter::SELECTOR != 0 {
                out.push(spec("nodeSelector"));
            }
            if filters & filter::TAINT != 0 {
                out.push(spec("tolerations"));
            }
        }
        NodeNameSet | NodeNameUnknown => out.push(spec("nodeName")),
        StartAfterInit | InitInOrder => out.push(spec("initContainers")),
        SidecarStart | SidecarRestart => out.push(format!("{base}.restartPolicy")),
        RestartPolicy | RestartInit | RestartAfterKill | CrashLoopBackOff => {
            out.push(spec("restartPolicy"))
        }
        ImagePresent | ImagePull | ImagePulled | ImageNeverPull => {
            out.push(format!("{base}.image"));
            out.push(format!("{base}.imagePullPolicy"));
        }
        ImagePullFailed | ImagePullBackOff | InvalidImageName => out.push(format!("{base}.image")),
        ContainerConfigError => {
            for f in ["env", "envFrom", "volumeMounts"] {
                out.push(format!("{base}.{f}"));
            }
        }
        StartError | ExitCompleted | ExitError => {
            if let Some(c) = c {
                out.extend(program_paths(tl, c));
            }
        }
        OomKilled => out.push(format!("{base}.resources.limits.memory")),
        SigkillAfterGrace | ExitOnSigterm => {
            // The grace period (from the kill) and the program that got SIGTERM.
            if let Some(k) = kill_of(tl, cause) {
                out.extend(grace_paths(tl, k));
            }
            if let Some(c) = c {
                out.extend(program_paths(tl, c));
            }
        }
        ProbeFailed | ProbeErrored | ProbeSucceeded => {
            if let (Some(c), Fact::Probe { kind, .. }) = (c, cause.fact) {
                out.extend(probe_handler_paths(tl, c, kind));
            }
        }
        LivenessFailed | StartupFailed | ReadinessFailed => {
            if let Fact::Probe { kind, .. } = cause.fact {
                out.push(probe(kind, "failureThreshold"));
                out.push(probe(kind, "periodSeconds"));
            }
        }
        StartupSucceeded | ReadinessSucceeded => {
            if let Fact::Probe { kind, .. } = cause.fact {
                out.push(probe(kind, "successThreshold"));
                out.push(probe(kind, "periodSeconds"));
                out.push(probe(kind, "initialDelaySeconds"));
            }
        }
        LivenessKill | StartupKill | PostStartKill | PodDoneStop | InitFailedStop
        | DeletionStop | DeadlineStop => out.extend(grace_paths(tl, cause)),
        PostStartHookFailed => out.push(format!("{base}.lifecycle.postStart")),
        PreStopHookFailed => out.push(format!("{base}.lifecycle.preStop")),
        PodDeleted => out.push(spec("terminationGracePeriodSeconds")),
        DeadlineExceeded | PhaseFailedDeadline => out.push(spec("activeDeadlineSeconds")),
        TaintEviction => out.push(spec("tolerations")),
        PhaseRunningRestarting | PhaseSucceeded | PhaseFailed | PhaseFailedInit => {
            out.push(spec("restartPolicy"))
        }
        PhasePendingInit | NotInitialized | Initialized | WaitingForInit => {
            out.push(spec("initContainers"))
        }
        _ => {}
    }
    out
}

/// The kill an exit answers (its first parent, when that is a kill).
fn kill_of<'a>(tl: &'a Timeline, exit: &Cause) -> Option<&'a Cause> {
    exit.parents()
        .filter_map(|p| tl.causes.get(p as usize))
        .find(|k| matches!(k.fact, Fact::Kill { .. }))
}

/// The field a kill's grace period came from.
fn grace_paths(tl: &Timeline, kill: &Cause) -> Vec<String> {
    match kill.fact {
        Fact::Kill {
            grace_from: GraceFrom::Probe,
            ..
        } => {
            let c = kill.container().unwrap_or(0);
            let kind = if kill.rule == Rule::StartupKill {
                ProbeKind::Startup
            } else {
                ProbeKind::Liveness
            };
            vec![format!(
                "{}.{}.terminationGracePeriodSeconds",
                container_path(tl, c),
                probe_field(kind)
            )]
        }
        Fact::Kill {
            grace_from: GraceFrom::Deletion,
            ..
        } => Vec::new(),
        _ => vec!["spec.terminationGracePeriodSeconds".into()],
    }
}

/// The value at `path` in `doc` (`a.b[0].c`).
fn lookup<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = doc;
    for part in path.split('.') {
        let (name, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            v = v.get(name)?;
        }
        for idx in rest.split('[').filter(|s| !s.is_empty()) {
            let i: usize = idx.trim_end_matches(']').parse().ok()?;
            v = v.get(i)?;
        }
    }
    Some(v)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Resolve `paths` against the timeline's manifest (values after defaulting) and its text
/// (spans, and whether written).
pub fn resolve(tl: &Timeline, paths: &[String]) -> Vec<FieldRef> {
    if paths.is_empty() {
        return Vec::new();
    }
    let pod = serde_json::to_value(&tl.manifest.pod).unwrap_or_default();
    let mut out: Vec<FieldRef> = Vec::new();
    for path in paths {
        if out.iter().any(|f| &f.path == path) {
            continue;
        }
        let value = lookup(&pod, path);
        let written = match &tl.source {
            Some(src) => src.written(path),
            // Without the text, a value present after defaulting counts as written.
            None => value.is_some(),
        };
        // A field neither written nor given a value by defaulting (an optional list or
        // object left out) is only worth naming when the rule reads it by its absence.
        out.push(FieldRef {
            path: path.clone(),
            value: value.and_then(scalar),
            written,
            span: tl.source.as_ref().and_then(|s| s.span(path)),
        });
    }
    out
}

/// The fields of `cause`, resolved; fields neither written nor defaulted are left out
/// unless nothing else is left.
pub fn of_cause(tl: &Timeline, cause: &Cause) -> Vec<FieldRef> {
    let all = resolve(tl, &paths(tl, cause));
    // Per-container fields listed for every container (requests, a config's sources) only
    // where a container writes them, unless none does.
    let each = |f: &FieldRef| {
        [
            ".resources.requests.cpu",
            ".resources.requests.memory",
            ".env",
            ".envFrom",
            ".volumeMounts",
        ]
        .iter()
        .any(|s| f.path.ends_with(s))
    };
    let useful: Vec<FieldRef> = all
        .iter()
        .filter(|f| f.written || !each(f))
        .cloned()
        .collect();
    if useful.is_empty() {
        all
    } else {
        useful
    }
}
