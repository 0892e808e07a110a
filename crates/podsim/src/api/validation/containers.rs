//! Containers (validateContainers, validateInitContainers, validateContainerCommon): names,
//! image, ports, env, volume mounts, pull policy, resources, probes and lifecycle — and what
//! regular init containers may not have.

use super::names::{dns1123_label, env_var_name, port_name, port_num};
use super::probes;
use crate::api::field_error::{BadValue, FieldError};
use crate::model::{Container, PullPolicy, Quantity, RestartPolicy, Volume};
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

const FIELD_PATHS: [&str; 9] = [
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

fn env(c: &Container, path: &str, errs: &mut Vec<FieldError>) {
    for (i, e) in c.env.iter().enumerate() {
        let ip = format!("{path}.env[{i}]");
        if e.name.is_empty() {
            errs.push(FieldError::required(format!("{ip}.name"), ""));
        } else {
            for m in env_var_name(&e.name) {
                errs.push(FieldError::invalid(
                    format!("{ip}.name"),
                    BadValue::Str(e.name.clone()),
                    m,
                ));
            }
        }
        let Some(src) = &e.value_from else { continue };
        let vp = format!("{ip}.valueFrom");
        let n = [
            src.field_ref.is_some(),
            src.config_map_key_ref.is_some(),
            src.resource_field_ref.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        if e.value.as_deref().is_some_and(|v| !v.is_empty()) && n > 0 {
            errs.push(FieldError::invalid(
                &vp,
                BadValue::Str(String::new()),
                "may not be specified when `value` is not empty",
            ));
        }
        if n == 0 {
            errs.push(FieldError::invalid(&vp, BadValue::Str(String::new()), "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        } else if n > 1 {
            errs.push(FieldError::invalid(
                &vp,
                BadValue::Str(String::new()),
                "may not have more than one field specified at a time",
            ));
        }
        if let Some(f) = &src.field_ref {
            let fp = &f.field_path;
            let subscripted = ["metadata.labels['", "metadata.annotations['"]
                .iter()
                .any(|p| fp.starts_with(p) && fp.ends_with("']"));
            if fp.is_empty() {
                errs.push(FieldError::required(format!("{vp}.fieldRef.fieldPath"), ""));
            } else if !subscripted && !FIELD_PATHS.contains(&fp.as_str()) {
                let mut supported: Vec<&str> = FIELD_PATHS.to_vec();
                supported.extend(["metadata.annotations", "metadata.labels"]);
                supported.sort_unstable();
                errs.push(FieldError::not_supported(
                    format!("{vp}.fieldRef.fieldPath"),
                    BadValue::Str(fp.clone()),
                    &supported,
                ));
            }
        }
        if let Some(k) = &src.config_map_key_ref {
            if k.name.is_empty() {
                errs.push(FieldError::required(
                    format!("{vp}.configMapKeyRef.name"),
                    "",
                ));
            }
            if k.key.is_empty() {
                errs.push(FieldError::required(
                    format!("{vp}.configMapKeyRef.key"),
                    "",
                ));
            }
        }
        if let Some(r) = &src.resource_field_ref {
            let ok = [
                "limits.cpu",
                "limits.memory",
                "limits.ephemeral-storage",
                "requests.cpu",
                "requests.memory",
                "requests.ephemeral-storage",
            ];
            if !ok.contains(&r.resource.as_str()) {
                errs.push(FieldError::not_supported(
                    format!("{vp}.resourceFieldRef.resource"),
                    BadValue::Str(r.resource.clone()),
                    &ok,
                ));
            }
        }
    }
    for (i, e) in c.env_from.iter().enumerate() {
        let ip = format!("{path}.envFrom[{i}]");
        match &e.config_map_ref {
            Some(r) if r.name.is_empty() => {
                errs.push(FieldError::required(format!("{ip}.configMapRef.name"), ""))
            }
            Some(_) => {}
            None => errs.push(FieldError::invalid(
                &ip,
                BadValue::Str(String::new()),
                "must specify one of: `configMapRef` or `secretRef`",
            )),
        }
    }
}

fn mounts(c: &Container, volumes: &[Volume], path: &str, errs: &mut Vec<FieldError>) {
    let mut paths = BTreeSet::new();
    for (i, m) in c.volume_mounts.iter().enumerate() {
        let ip = format!("{path}.volumeMounts[{i}]");
        if m.name.is_empty() {
            errs.push(FieldError::required(format!("{ip}.name"), ""));
        } else if !volumes.iter().any(|v| v.name == m.name) {
            errs.push(FieldError::not_found(
                format!("{ip}.name"),
                BadValue::Str(m.name.clone()),
            ));
        }
        if m.mount_path.is_empty() {
            errs.push(FieldError::required(format!("{ip}.mountPath"), ""));
        } else if !paths.insert(m.mount_path.clone()) {
            errs.push(FieldError::invalid(
                format!("{ip}.mountPath"),
                BadValue::Str(m.mount_path.clone()),
                "must be unique",
            ));
        }
    }
}

fn resources(c: &Container, path: &str, errs: &mut Vec<FieldError>) {
    let Some(r) = &c.resources else { return };
    let standard = |k: &str| {
        matches!(k, "cpu" | "memory" | "ephemeral-storage")
            || k.starts_with("hugepages-")
            || k.contains('/')
    };
    for (part, map) in [("limits", &r.limits), ("requests", &r.requests)] {
        for (k, q) in map {
            let p = format!("{path}.resources.{part}[{k}]");
            if !standard(k) {
                errs.push(
                    FieldError::invalid(
                        &p,
                        BadValue::Str(k.clone()),
                        "must be a standard resource type or fully qualified",
                    )
                    .at(format!("{path}.resources.{part}.{k}")),
                );
                continue;
            }
            if q.milli_value().is_some_and(|v| v < 0) {
                errs.push(
                    FieldError::invalid(
                        &p,
                        BadValue::Str(q.0.clone()),
                        "must be greater than or equal to 0",
                    )
                    .at(format!("{path}.resources.{part}.{k}")),
                );
            }
        }
    }
    for (k, req) in &r.requests {
        if let Some(lim) = r.limits.get(k) {
            let (Some(a), Some(b)) = (Quantity::milli_value(req), Quantity::milli_value(lim))
            else {
                continue;
            };
            if a > b {
                errs.push(
                    FieldError::invalid(
                        format!("{path}.resources.requests[{k}]"),
                        BadValue::Str(req.0.clone()),
                        format!("must be less than or equal to {k} limit of {}", lim.0),
                    )
                    .at(format!("{path}.resources.requests.{k}")),
                );
            }
        }
    }
}

/// What every container (init, sidecar, app) must satisfy.
fn common(c: &Container, volumes: &[Volume], path: &str, errs: &mut Vec<FieldError>) {
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
    env(c, path, errs);
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
    resources(c, path, errs);
}

fn probes_and_hooks(c: &Container, path: &str, errs: &mut Vec<FieldError>) {
    if let Some(l) = &c.lifecycle {
        probes::lifecycle(l, &format!("{path}.lifecycle"), errs);
    }
    probes::liveness_or_startup(&c.liveness_probe, &format!("{path}.livenessProbe"), errs);
    probes::readiness(&c.readiness_probe, &format!("{path}.readinessProbe"), errs);
    probes::liveness_or_startup(&c.startup_probe, &format!("{path}.startupProbe"), errs);
}

pub fn app_containers(containers: &[Container], volumes: &[Volume], errs: &mut Vec<FieldError>) {
    if containers.is_empty() {
        errs.push(FieldError::required("spec.containers", ""));
        return;
    }
    let mut names = BTreeSet::new();
    for (i, c) in containers.iter().enumerate() {
        let path = format!("spec.containers[{i}]");
        common(c, volumes, &path, errs);
        if !names.insert(c.name.clone()) {
            errs.push(FieldError::duplicate(
                format!("{path}.name"),
                BadValue::Str(c.name.clone()),
            ));
        }
        probes_and_hooks(c, &path, errs);
        if c.restart_policy.is_some() {
            errs.push(FieldError::forbidden(
                format!("{path}.restartPolicy"),
                "may not be set for non-init containers",
            ));
        }
    }
}

pub fn init_containers(
    inits: &[Container],
    apps: &[Container],
    volumes: &[Volume],
    errs: &mut Vec<FieldError>,
) {
    let mut names: BTreeSet<String> = apps.iter().map(|c| c.name.clone()).collect();
    for (i, c) in inits.iter().enumerate() {
        let path = format!("spec.initContainers[{i}]");
        common(c, volumes, &path, errs);
        let mut sidecar = false;
        if let Some(rp) = &c.restart_policy {
            if c.is_restartable() {
                sidecar = true;
            } else {
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
        if sidecar {
            probes_and_hooks(c, &path, errs);
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
