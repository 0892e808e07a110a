//! Defaulting, as the apiserver (pkg/apis/core/v1/defaults.go) and its admission plugins
//! (ServiceAccount, DefaultTolerationSeconds, Priority) fill in a Pod, so the app can show
//! the object as the cluster would store it and the simulation runs what the cluster runs.

use crate::ids;
use crate::model::TaintEffect;
use crate::model::{
    Container, HttpGetAction, Manifest, Pod, Probe, Toleration, Volume, VolumeMount,
};
use serde_json::json;

/// The tag an image reference implies: `latest` when it has neither tag nor digest.
pub fn image_tag(image: &str) -> Option<&str> {
    if image.contains('@') {
        return None; // pinned by digest
    }
    let last_slash = image.rfind('/').map(|i| i + 1).unwrap_or(0);
    match image[last_slash..].rfind(':') {
        Some(i) => Some(&image[last_slash + i + 1..]),
        None => Some("latest"),
    }
}

/// `Always` for `:latest` or untagged images, `IfNotPresent` otherwise.
pub fn default_pull_policy(image: &str) -> &'static str {
    match image_tag(image) {
        Some("latest") => "Always",
        _ => "IfNotPresent",
    }
}

pub const SA_MOUNT_PATH: &str = crate::runtime::SERVICE_ACCOUNT_DIR;

fn default_probe(p: &mut Probe) {
    p.timeout_seconds.get_or_insert(1);
    p.period_seconds.get_or_insert(10);
    p.success_threshold.get_or_insert(1);
    p.failure_threshold.get_or_insert(3);
    if let Some(h) = &mut p.http_get {
        default_http_get(h);
    }
    if let Some(g) = &mut p.grpc {
        g.service.get_or_insert_with(String::new);
    }
    // Zero values are defaulted before validation (periodSeconds: 0 becomes 10).
    for v in [
        &mut p.timeout_seconds,
        &mut p.period_seconds,
        &mut p.success_threshold,
        &mut p.failure_threshold,
    ] {
        if *v == Some(0) {
            *v = None;
        }
    }
    p.timeout_seconds.get_or_insert(1);
    p.period_seconds.get_or_insert(10);
    p.success_threshold.get_or_insert(1);
    p.failure_threshold.get_or_insert(3);
}

fn default_http_get(h: &mut HttpGetAction) {
    if h.path.as_deref().is_none_or(str::is_empty) {
        h.path = Some("/".into());
    }
    if h.scheme.as_deref().is_none_or(str::is_empty) {
        h.scheme = Some("HTTP".into());
    }
}

fn default_container(c: &mut Container, sa_volume: &str) {
    if c.image_pull_policy.as_deref().is_none_or(str::is_empty) {
        c.image_pull_policy = Some(default_pull_policy(c.image()).into());
    }
    c.termination_message_path
        .get_or_insert_with(|| "/dev/termination-log".into());
    c.termination_message_policy
        .get_or_insert_with(|| "File".into());
    for p in &mut c.ports {
        if p.protocol.as_deref().is_none_or(str::is_empty) {
            p.protocol = Some("TCP".into());
        }
    }
    for p in [
        &mut c.liveness_probe,
        &mut c.readiness_probe,
        &mut c.startup_probe,
    ]
    .into_iter()
    .flatten()
    {
        default_probe(p);
    }
    if let Some(l) = &mut c.lifecycle {
        for h in [&mut l.post_start, &mut l.pre_stop].into_iter().flatten() {
            if let Some(g) = &mut h.http_get {
                default_http_get(g);
            }
        }
    }
    if let Some(r) = &mut c.resources {
        // Requests default to limits where a limit is set and no request is.
        for (k, v) in r.limits.clone() {
            r.requests.entry(k).or_insert(v);
        }
    }
    if !c
        .volume_mounts
        .iter()
        .any(|m| m.mount_path == SA_MOUNT_PATH)
    {
        c.volume_mounts.push(VolumeMount {
            name: sa_volume.to_string(),
            mount_path: SA_MOUNT_PATH.into(),
            read_only: Some(true),
            sub_path: None,
        });
    }
}

fn default_tolerations(tols: &mut Vec<Toleration>) {
    for key in [
        "node.kubernetes.io/not-ready",
        "node.kubernetes.io/unreachable",
    ] {
        let covered = tols.iter().any(|t| {
            t.tolerates(key, "", TaintEffect::NoExecute)
                && (t.effect.as_deref() == Some("NoExecute")
                    || t.effect.as_deref().is_none_or(str::is_empty))
        });
        if !covered {
            tols.push(Toleration {
                key: Some(key.into()),
                operator: Some("Exists".into()),
                value: None,
                effect: Some("NoExecute".into()),
                toleration_seconds: Some(300),
            });
        }
    }
}

/// The admission-added service-account volume.
pub fn api_access_volume(name: &str) -> Volume {
    Volume {
        name: name.to_string(),
        empty_dir: None,
        config_map: None,
        projected: Some(json!({
            "defaultMode": 420,
            "sources": [
                {"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
                {"downwardAPI": {"items": [{"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}, "path": "namespace"}]}}
            ]
        })),
    }
}

/// Fill in every default of a Pod.
pub fn default_pod(pod: &mut Pod) {
    let meta = &mut pod.metadata;
    if meta.namespace.as_deref().is_none_or(str::is_empty) {
        meta.namespace = Some("default".into());
    }
    let uid = ids::pod_uid(meta.effective_namespace(), &meta.effective_name());
    let sa_volume = ids::api_access_volume_name(&uid);
    let spec = &mut pod.spec;
    spec.restart_policy.get_or_insert_with(|| "Always".into());
    spec.termination_grace_period_seconds.get_or_insert(30);
    spec.dns_policy.get_or_insert_with(|| "ClusterFirst".into());
    spec.scheduler_name
        .get_or_insert_with(|| "default-scheduler".into());
    spec.security_context.get_or_insert_with(|| json!({}));
    spec.enable_service_links.get_or_insert(true);
    spec.service_account_name
        .get_or_insert_with(|| "default".into());
    spec.priority.get_or_insert(0);
    spec.preemption_policy
        .get_or_insert_with(|| "PreemptLowerPriority".into());
    default_tolerations(&mut spec.tolerations);
    for v in &mut spec.volumes {
        if v.empty_dir.is_none() && v.config_map.is_none() && v.projected.is_none() {
            v.empty_dir = Some(Default::default());
        }
        if let Some(cm) = &mut v.config_map {
            cm.default_mode.get_or_insert(420);
        }
    }
    if !spec
        .volumes
        .iter()
        .any(|v| v.name.starts_with("kube-api-access-"))
    {
        spec.volumes.push(api_access_volume(&sa_volume));
    }
    for c in spec
        .init_containers
        .iter_mut()
        .chain(spec.containers.iter_mut())
    {
        default_container(c, &sa_volume);
    }
}

/// Fill in the defaults of everything in a manifest.
pub fn default_manifest(m: &mut Manifest) {
    default_pod(&mut m.pod);
    for s in &mut m.services {
        if s.metadata.namespace.as_deref().is_none_or(str::is_empty) {
            s.metadata.namespace = Some("default".into());
        }
        s.spec.type_.get_or_insert_with(|| "ClusterIP".into());
        s.spec
            .cluster_ip
            .get_or_insert_with(|| ids::service_ip(&s.metadata.effective_name()));
        for p in &mut s.spec.ports {
            p.protocol.get_or_insert_with(|| "TCP".into());
            if p.target_port.is_none() {
                p.target_port = Some(crate::model::IntOrString::Int(p.port));
            }
        }
    }
    for c in &mut m.config_maps {
        if c.metadata.namespace.as_deref().is_none_or(str::is_empty) {
            c.metadata.namespace = Some("default".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pull_policy_follows_the_tag() {
        assert_eq!(default_pull_policy("nginx"), "Always");
        assert_eq!(default_pull_policy("nginx:latest"), "Always");
        assert_eq!(default_pull_policy("nginx:1.27"), "IfNotPresent");
        assert_eq!(default_pull_policy("localhost:5000/app"), "Always");
        assert_eq!(default_pull_policy("localhost:5000/app:v2"), "IfNotPresent");
        assert_eq!(default_pull_policy("nginx@sha256:abc"), "IfNotPresent");
    }
}
