//! Containers (validateContainers, validateInitContainers, validateContainerCommon): names,
//! image, termination message policy, ports, env (env.rs), volume mounts, pull policy,
//! resources (resources.rs), probes and lifecycle (probes.rs), the container's own restart
//! policy (restart_rules.rs) and host port conflicts — in the apiserver's order.

use super::names::{dns1123_label, port_name, port_num};
use super::{env, probes, resources, restart_rules, volumes, Options};
use crate::api::field_error::{BadValue, FieldError};
use crate::model::{Container, PullPolicy, RestartPolicy};
use std::collections::BTreeSet;

fn ports(c: &Container, path: &str, errs: &mut Vec<FieldError>) {
    let mut names = BTreeSet::new();
    for (i, p) in c.ports.iter().enumerate() {
        let ip = format!("{path}.ports[{i}]");
        if let Some(n) = p.name.as_deref().filter(|n| !n.is_empty()) {
            let msgs = port_name(n);
            if !msgs.is_empty() {
                for m in msgs {
                    errs.push(FieldError::invalid(
                        format!("{ip}.name"),
                        BadValue::Str(n.into()),
                        m,
                    ));
                }
            } else if !names.insert(n.to_string()) {
                errs.push(FieldError::duplicate(
                    format!("{ip}.name"),
                    BadValue::Str(n.into()),
                ));
            }
        }
        if p.container_port == 0 {
            errs.push(FieldError::required(format!("{ip}.containerPort"), ""));
        } else {
            for m in port_num(p.container_port) {
                errs.push(FieldError::invalid(
                    format!("{ip}.containerPort"),
                    BadValue::Int(p.container_port),
                    m,
                ));
            }
        }
        if let Some(h) = p.host_port.filter(|h| *h != 0) {
            for m in port_num(h) {
                errs.push(FieldError::invalid(
                    format!("{ip}.hostPort"),
                    BadValue::Int(h),
                    m,
                ));
            }
        }
        match p.protocol.as_deref() {
            None | Some("") => errs.push(FieldError::required(format!("{ip}.protocol"), "")),
            Some("TCP" | "UDP" | "SCTP") => {}
            Some(other) => errs.push(FieldError::not_supported(
                format!("{ip}.protocol"),
                BadValue::Str(other.into()),
                &["SCTP", "TCP", "UDP"],
            )),
        }
    }
}

/// `ValidateVolumeMounts`: an empty name is Required and also Not found (the lookup runs
/// anyway, and only valid volumes are there); mount paths are unique, the empty one
/// included; a subPath's errors are reported on `volumeMounts.subPath`, without the index.
fn mounts(c: &Container, volumes: &BTreeSet<String>, path: &str, errs: &mut Vec<FieldError>) {
    let mut paths = BTreeSet::new();
    for (i, m) in c.volume_mounts.iter().enumerate() {
        let ip = format!("{path}.volumeMounts[{i}]");
        if m.name.is_empty() {
            errs.push(FieldError::required(format!("{ip}.name"), ""));
        }
        if !volumes.contains(&m.name) {
            errs.push(FieldError::not_found(
                format!("{ip}.name"),
                BadValue::Str(m.name.clone()),
            ));
        }
        if m.mount_path.is_empty() {
            errs.push(FieldError::required(format!("{ip}.mountPath"), ""));
        }
        if !paths.insert(m.mount_path.clone()) {
            errs.push(FieldError::invalid(
                format!("{ip}.mountPath"),
                BadValue::Str(m.mount_path.clone()),
                "must be unique",
            ));
        }
        if let Some(sub) = m.sub_path.as_deref().filter(|s| !s.is_empty()) {
            let mut e = Vec::new();
            volumes::local_descending_path(sub, &format!("{path}.volumeMounts.subPath"), &mut e);
            errs.extend(e.into_iter().map(|e| e.at(format!("{ip}.subPath"))));
        }
    }
}

/// What every container (init, sidecar, app) must satisfy (validateContainerCommon).
fn common(
    c: &Container,
    volumes: &BTreeSet<String>,
    path: &str,
    opts: &Options,
    errs: &mut Vec<FieldError>,
) {
    let np = format!("{path}.name");
    if c.name.is_empty() {
        errs.push(FieldError::required(&np, ""));
    } else {
        for m in dns1123_label(&c.name) {
            errs.push(FieldError::invalid(&np, BadValue::Str(c.name.clone()), m));
        }
    }
    if c.image().is_empty() {
        errs.push(FieldError::required(format!("{path}.image"), ""));
    }
    match c.termination_message_policy.as_deref() {
        Some("File" | "FallbackToLogsOnError") => {}
        None | Some("") => errs.push(FieldError::required(
            format!("{path}.terminationMessagePolicy"),
            "",
        )),
        Some(other) => errs.push(FieldError::not_supported(
            format!("{path}.terminationMessagePolicy"),
            BadValue::Str(other.into()),
            &["File", "FallbackToLogsOnError"],
        )),
    }
    ports(c, path, errs);
    env::env(c, path, opts, errs);
    mounts(c, volumes, path, errs);
    match c.image_pull_policy.as_deref() {
        None | Some("") => errs.push(FieldError::required(format!("{path}.imagePullPolicy"), "")),
        Some(p) if PullPolicy::parse(p).is_some() => {}
        Some(other) => errs.push(FieldError::not_supported(
            format!("{path}.imagePullPolicy"),
            BadValue::Str(other.into()),
            PullPolicy::NAMES,
        )),
    }
    resources::resources(c, path, errs);
}

fn probes_and_hooks(
    c: &Container,
    path: &str,
    grace: Option<i64>,
    opts: &Options,
    errs: &mut Vec<FieldError>,
) {
    if let Some(l) = &c.lifecycle {
        probes::lifecycle(l, &format!("{path}.lifecycle"), grace, opts, errs);
    }
    probes::liveness_or_startup(&c.liveness_probe, &format!("{path}.livenessProbe"), errs);
    probes::readiness(&c.readiness_probe, &format!("{path}.readinessProbe"), errs);
    probes::liveness_or_startup(&c.startup_probe, &format!("{path}.startupProbe"), errs);
}

/// `AccumulateUniqueHostPorts`: `PROTOCOL/HOSTIP/PORT` once per list; `list_path` with the
/// index given (init containers are checked one by one, each as index 0: an upstream quirk).
fn host_ports<'c>(
    containers: impl Iterator<Item = (usize, &'c Container)>,
    list_path: &str,
    errs: &mut Vec<FieldError>,
) {
    let mut seen = BTreeSet::new();
    for (ci, c) in containers {
        for (pi, p) in c.ports.iter().enumerate() {
            let Some(port) = p.host_port.filter(|p| *p != 0) else {
                continue;
            };
            let key = format!(
                "{}/{}/{port}",
                p.protocol.as_deref().unwrap_or(""),
                p.host_ip.as_deref().unwrap_or("")
            );
            if !seen.insert(key.clone()) {
                errs.push(FieldError::duplicate(
                    format!("{list_path}[{ci}].ports[{pi}].hostPort"),
                    BadValue::Str(key),
                ));
            }
        }
    }
}

pub fn app_containers(
    containers: &[Container],
    volumes: &BTreeSet<String>,
    grace: Option<i64>,
    opts: &Options,
    errs: &mut Vec<FieldError>,
) {
    if containers.is_empty() {
        errs.push(FieldError::required("spec.containers", ""));
        return;
    }
    let mut names = BTreeSet::new();
    for (i, c) in containers.iter().enumerate() {
        let path = format!("spec.containers[{i}]");
        common(c, volumes, &path, opts, errs);
        if !names.insert(c.name.clone()) {
            errs.push(FieldError::duplicate(
                format!("{path}.name"),
                BadValue::Str(c.name.clone()),
            ));
        }
        probes_and_hooks(c, &path, grace, opts, errs);
        if opts.restart_rules {
            restart_rules::validate(c, &path, opts, errs);
        } else if c.restart_policy.is_some() {
            errs.push(FieldError::forbidden(
                format!("{path}.restartPolicy"),
                "may not be set for non-init containers",
            ));
        }
    }
    host_ports(containers.iter().enumerate(), "spec.containers", errs);
}

pub fn init_containers(
    inits: &[Container],
    apps: &[Container],
    volumes: &BTreeSet<String>,
    grace: Option<i64>,
    opts: &Options,
    errs: &mut Vec<FieldError>,
) {
    let mut names: BTreeSet<String> = apps.iter().map(|c| c.name.clone()).collect();
    for (i, c) in inits.iter().enumerate() {
        let path = format!("spec.initContainers[{i}]");
        common(c, volumes, &path, opts, errs);
        if opts.restart_rules {
            restart_rules::validate(c, &path, opts, errs);
        } else if let Some(rp) = &c.restart_policy {
            if !c.is_restartable() {
                errs.push(FieldError::not_supported(
                    format!("{path}.restartPolicy"),
                    BadValue::Str(rp.clone()),
                    &[RestartPolicy::Always.as_str()],
                ));
            }
        }
        if names.contains(&c.name) {
            errs.push(FieldError::duplicate(
                format!("{path}.name"),
                BadValue::Str(c.name.clone()),
            ));
        } else if !c.name.is_empty() {
            names.insert(c.name.clone());
        }
        host_ports(std::iter::once((0, c)), "spec.initContainers", errs);
        if c.is_restartable() {
            probes_and_hooks(c, &path, grace, opts, errs);
        } else {
            const WHY: &str = "may not be set for init containers without restartPolicy=Always";
            if c.lifecycle.is_some() {
                errs.push(FieldError::forbidden(format!("{path}.lifecycle"), WHY));
            }
            if c.liveness_probe.is_some() {
                errs.push(FieldError::forbidden(format!("{path}.livenessProbe"), WHY));
            }
            if c.readiness_probe.is_some() {
                errs.push(FieldError::forbidden(format!("{path}.readinessProbe"), WHY));
            }
            if c.startup_probe.is_some() {
                errs.push(FieldError::forbidden(format!("{path}.startupProbe"), WHY));
            }
        }
    }
}
