//! Warnings: accepted by the apiserver, but worth telling the learner — the apiserver's own
//! warnings (duplicate port definitions, pkg/api/pod/warnings.go) and podlab's notes about
//! what will go wrong at run time (a probe's named port that no container port has).

use crate::model::{Container, IntOrString, PodSpec, Probe};

/// A warning: the field path and the message.
pub type Warning = (String, String);

fn probe_port(p: &Probe) -> Option<(&'static str, &IntOrString)> {
    if let Some(h) = &p.http_get {
        return Some(("httpGet", &h.port));
    }
    p.tcp_socket.as_ref().map(|t| ("tcpSocket", &t.port))
}

fn named_ports(c: &Container, path: &str, out: &mut Vec<Warning>) {
    for (kind, probe) in [
        ("livenessProbe", &c.liveness_probe),
        ("readinessProbe", &c.readiness_probe),
        ("startupProbe", &c.startup_probe),
    ] {
        let Some(p) = probe else { continue };
        if let Some((handler, IntOrString::String(name))) = probe_port(p) {
            if c.resolve_port(&IntOrString::String(name.clone())).is_none() {
                out.push((
                    format!("{path}.{kind}.{handler}.port"),
                    format!(
                        "no port named \"{name}\" in container \"{}\": the kubelet cannot run this probe (Unknown)",
                        c.name
                    ),
                ));
            }
        }
    }
}

pub fn pod_warnings(spec: &PodSpec) -> Vec<Warning> {
    let mut out = Vec::new();
    // pkg/api/pod/warnings.go: a negative grace period is accepted, and treated as 1 s.
    if spec.termination_grace_period_seconds.is_some_and(|g| g < 0) {
        out.push((
            "spec.terminationGracePeriodSeconds".to_string(),
            "must be >= 0; negative values are invalid and will be treated as 1".to_string(),
        ));
    }
    let mut seen: Vec<(i64, String, String)> = Vec::new();
    for (i, c) in spec.containers.iter().enumerate() {
        let path = format!("spec.containers[{i}]");
        named_ports(c, &path, &mut out);
        for (j, p) in c.ports.iter().enumerate() {
            let proto = p.protocol.clone().unwrap_or_else(|| "TCP".into());
            let here = format!("{path}.ports[{j}]");
            if let Some((_, _, first)) = seen
                .iter()
                .find(|(port, pr, _)| *port == p.container_port && *pr == proto)
            {
                out.push((
                    here.clone(),
                    format!("duplicate port definition with {first}"),
                ));
            } else {
                seen.push((p.container_port, proto, here));
            }
        }
    }
    for (i, c) in spec.init_containers.iter().enumerate() {
        named_ports(c, &format!("spec.initContainers[{i}]"), &mut out);
    }
    out
}
