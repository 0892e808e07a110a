//! `kubectl describe pod`, laid out as kubectl's describePod writes it (pkg/describe/
//! describe.go, kubectl 1.34) and spaced by the same tabwriter, so it reads like the source
//! chapter's example: header fields, containers with state / last state / probes / env /
//! mounts, conditions, volumes, QoS, tolerations and the events table.

use super::clock::rfc1123z;
use super::tabwriter;
use crate::cluster::KubeVersion;
use crate::kubelet::events::EventType;
use crate::model::{
    ConditionStatus, ConditionType, Container, ContainerState, ContainerStatus, Pod, PodStatus,
    Probe, Volume,
};
use crate::sim::Timeline;
use crate::time::{human_duration, Millis};
use std::collections::BTreeMap;
use std::fmt::Write;

const SA_PATH: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

struct W(String);

impl W {
    fn line(&mut self, level: usize, text: &str) {
        for _ in 0..level {
            self.0.push_str("  ");
        }
        self.0.push_str(text);
        self.0.push('\n');
    }
}

/// `kubectl describe pod NAME` at instant `t`.
pub fn describe_pod(tl: &Timeline, t: Millis) -> String {
    if !tl.exists_at(t) {
        return super::kubectl::not_found(tl) + "\n";
    }
    let pod = &tl.manifest.pod;
    let empty = PodStatus::default();
    let status = tl.status_at(t).unwrap_or(&empty);
    let sa_volume = crate::ids::api_access_volume_name(&tl.uid);
    let mut w = W(String::new());
    top(&mut w, tl, pod, status, t);
    if !pod.spec.init_containers.is_empty() {
        containers(
            &mut w,
            "Init Containers",
            &pod.spec.init_containers,
            &status.init_container_statuses,
            tl,
            status,
            &sa_volume,
        );
    }
    containers(
        &mut w,
        "Containers",
        &pod.spec.containers,
        &status.container_statuses,
        tl,
        status,
        &sa_volume,
    );
    if !status.conditions.is_empty() {
        w.line(0, "Conditions:\n  Type\tStatus");
        for c in &status.conditions {
            w.line(1, &format!("{} \t{} ", c.type_, c.status));
        }
    }
    volumes(&mut w, &pod.spec.volumes, &sa_volume, tl.kubernetes);
    w.line(
        0,
        &format!(
            "QoS Class:\t{}",
            status.qos_class.as_deref().unwrap_or("BestEffort")
        ),
    );
    labels_multiline(&mut w, "Node-Selectors", &pod.spec.node_selector, "=");
    tolerations(&mut w, pod);
    let events = events_table(tl, t);
    if events.is_empty() {
        // No flush before "Events:\t<none>": it aligns with the fields above.
        w.line(0, "Events:\t<none>");
    }
    let mut text = tabwriter::format(&w.0, 0, 2);
    text.push_str(&events);
    text
}

fn top(w: &mut W, tl: &Timeline, pod: &Pod, status: &PodStatus, t: Millis) {
    w.line(0, &format!("Name:\t{}", tl.pod_name));
    w.line(0, &format!("Namespace:\t{}", tl.namespace));
    w.line(0, &format!("Priority:\t{}", pod.spec.priority.unwrap_or(0)));
    w.line(
        0,
        &format!(
            "Service Account:\t{}",
            pod.spec
                .service_account_name
                .as_deref()
                .unwrap_or("default")
        ),
    );
    match (&tl.node, status.condition_true(ConditionType::PodScheduled)) {
        (Some(node), true) => w.line(
            0,
            &format!(
                "Node:\t{}/{}",
                node,
                status.host_ip.as_deref().unwrap_or("")
            ),
        ),
        _ => w.line(0, "Node:\t<none>"),
    }
    if let Some(st) = status.start_time {
        w.line(0, &format!("Start Time:\t{}", rfc1123z(st)));
    }
    labels_multiline(w, "Labels", &pod.metadata.labels, "=");
    annotations(w, &pod.metadata.annotations);
    match tl.deletion_at(t) {
        Some(d) if !status.phase.is_terminal() => {
            w.line(
                0,
                &format!(
                    "Status:\tTerminating (lasts {})",
                    human_duration(t as i64 - d.deletion_timestamp as i64)
                ),
            );
            w.line(
                0,
                &format!("Termination Grace Period:\t{}s", d.grace_period_seconds),
            );
        }
        _ => w.line(0, &format!("Status:\t{}", status.phase)),
    }
    if let Some(r) = status.reason {
        w.line(0, &format!("Reason:\t{r}"));
    }
    if let Some(m) = status.message.as_deref().filter(|m| !m.is_empty()) {
        w.line(0, &format!("Message:\t{m}"));
    }
    let ip = status.pod_ip.as_deref().unwrap_or("");
    w.line(0, &format!("IP:\t{ip}"));
    if ip.is_empty() {
        w.line(0, "IPs:\t<none>");
    } else {
        w.line(0, "IPs:");
        w.line(1, &format!("IP:\t{ip}"));
    }
}

fn labels_multiline(w: &mut W, title: &str, labels: &BTreeMap<String, String>, sep: &str) {
    if labels.is_empty() {
        w.line(0, &format!("{title}:\t<none>"));
        return;
    }
    for (i, (k, v)) in labels.iter().enumerate() {
        if i == 0 {
            w.line(0, &format!("{title}:\t{k}{sep}{v}"));
        } else {
            w.line(0, &format!("\t{k}{sep}{v}"));
        }
    }
}

fn annotations(w: &mut W, annotations: &BTreeMap<String, String>) {
    const MAX: usize = 140;
    if annotations.is_empty() {
        w.line(0, "Annotations:\t<none>");
        return;
    }
    for (i, (k, v)) in annotations.iter().enumerate() {
        let lead = if i == 0 { "Annotations:\t" } else { "\t" };
        let v = v.trim_end_matches('\n');
        if v.len() + k.len() + 2 > MAX || v.contains('\n') {
            w.line(0, &format!("{lead}{k}:"));
            for s in v.split('\n') {
                let s: String = if s.chars().count() > MAX - 2 {
                    s.chars().take(MAX - 5).chain("...".chars()).collect()
                } else {
                    s.to_string()
                };
                w.line(0, &format!("\t  {s}"));
            }
        } else {
            w.line(0, &format!("{lead}{k}: {v}"));
        }
    }
}

fn containers(
    w: &mut W,
    label: &str,
    specs: &[Container],
    statuses: &[ContainerStatus],
    tl: &Timeline,
    pod_status: &PodStatus,
    sa_volume: &str,
) {
    w.line(0, &format!("{label}:"));
    for c in specs {
        let st = statuses.iter().find(|s| s.name == c.name);
        w.line(1, &format!("{}:", c.name));
        if let Some(s) = st {
            w.line(
                2,
                &format!("Container ID:\t{}", s.container_id.as_deref().unwrap_or("")),
            );
        }
        w.line(2, &format!("Image:\t{}", c.image()));
        if let Some(s) = st {
            w.line(2, &format!("Image ID:\t{}", s.image_id));
        }
        // kubectl 1.34 added the port's name (`80/TCP (http)`), to host ports too.
        let named = tl.kubernetes >= KubeVersion::V1_34;
        let port = |number: i64, p: &crate::model::ContainerPort| {
            let proto = p.protocol.as_deref().unwrap_or("TCP");
            match p.name.as_deref().filter(|n| named && !n.is_empty()) {
                Some(n) => format!("{number}/{proto} ({n})"),
                None => format!("{number}/{proto}"),
            }
        };
        let ports: Vec<String> = c.ports.iter().map(|p| port(p.container_port, p)).collect();
        let host_ports: Vec<String> = c
            .ports
            .iter()
            .map(|p| port(p.host_port.unwrap_or(0), p))
            .collect();
        match ports.len() {
            0 => w.line(2, "Port:\t<none>"),
            1 => w.line(2, &format!("Port:\t{}", ports[0])),
            _ => w.line(2, &format!("Ports:\t{}", ports.join(", "))),
        }
        match host_ports.len() {
            0 => w.line(2, "Host Port:\t<none>"),
            1 => w.line(2, &format!("Host Port:\t{}", host_ports[0])),
            _ => w.line(2, &format!("Host Ports:\t{}", host_ports.join(", "))),
        }
        if !c.command.is_empty() {
            w.line(2, "Command:");
            for part in &c.command {
                for s in part.split('\n') {
                    w.line(3, s);
                }
            }
        }
        if !c.args.is_empty() {
            w.line(2, "Args:");
            for part in &c.args {
                for s in part.split('\n') {
                    w.line(3, s);
                }
            }
        }
        if let Some(s) = st {
            state(w, "State", &s.state);
            if s.last_state.terminated.is_some() {
                state(w, "Last State", &s.last_state);
            }
            w.line(
                2,
                &format!("Ready:\t{}", ConditionStatus::from_bool(s.ready)),
            );
            w.line(2, &format!("Restart Count:\t{}", s.restart_count));
        }
        if let Some(r) = &c.resources {
            if !r.limits.is_empty() {
                w.line(2, "Limits:");
                for (k, q) in &r.limits {
                    w.line(3, &format!("{k}:\t{q}"));
                }
            }
            if !r.requests.is_empty() {
                w.line(2, "Requests:");
                for (k, q) in &r.requests {
                    w.line(3, &format!("{k}:\t{q}"));
                }
            }
        }
        for (title, p) in [
            ("Liveness", &c.liveness_probe),
            ("Readiness", &c.readiness_probe),
            ("Startup", &c.startup_probe),
        ] {
            if let Some(p) = p {
                w.line(
                    2,
                    &format!("{title}:\t{}", describe_probe(p, tl.kubernetes)),
                );
            }
        }
        if !c.env_from.is_empty() {
            w.line(2, "Environment Variables from:");
            for e in &c.env_from {
                if let Some(cm) = &e.config_map_ref {
                    let optional = cm.optional.unwrap_or(false);
                    match e.prefix.as_deref().filter(|p| !p.is_empty()) {
                        None => w.line(3, &format!("{}\tConfigMap\tOptional: {optional}", cm.name)),
                        Some(p) => w.line(
                            3,
                            &format!(
                                "{}\tConfigMap with prefix '{p}'\tOptional: {optional}",
                                cm.name
                            ),
                        ),
                    }
                }
            }
        }
        if c.env.is_empty() {
            w.line(2, "Environment:\t<none>");
        } else {
            w.line(2, "Environment:");
            for e in &c.env {
                match &e.value_from {
                    None => {
                        for (i, s) in e.value.as_deref().unwrap_or("").split('\n').enumerate() {
                            if i == 0 {
                                w.line(3, &format!("{}:\t{s}", e.name));
                            } else {
                                w.line(3, &format!("\t{s}"));
                            }
                        }
                    }
                    Some(src) => {
                        if let Some(f) = &src.field_ref {
                            let v = field_value(tl, pod_status, &f.field_path);
                            w.line(
                                3,
                                &format!(
                                    "{}:\t{v} ({}:{})",
                                    e.name,
                                    f.api_version.as_deref().unwrap_or("v1"),
                                    f.field_path
                                ),
                            );
                        } else if let Some(r) = &src.resource_field_ref {
                            w.line(3, &format!("{}:\t ({})", e.name, r.resource));
                        } else if let Some(k) = &src.config_map_key_ref {
                            w.line(
                                3,
                                &format!(
                                    "{}:\t<set to the key '{}' of config map '{}'>\tOptional: {}",
                                    e.name,
                                    k.key,
                                    k.name,
                                    k.optional.unwrap_or(false)
                                ),
                            );
                        }
                    }
                }
            }
        }
        let mut mounts: Vec<(String, String, bool, Option<String>)> = c
            .volume_mounts
            .iter()
            .map(|m| {
                (
                    m.mount_path.clone(),
                    m.name.clone(),
                    m.read_only.unwrap_or(false),
                    m.sub_path.clone(),
                )
            })
            .collect();
        if !mounts.iter().any(|m| m.0 == SA_PATH) {
            mounts.push((SA_PATH.into(), sa_volume.into(), true, None));
        }
        mounts.sort_by(|a, b| a.0.cmp(&b.0));
        w.line(2, "Mounts:");
        for (path, name, ro, sub) in mounts {
            let mut flags = vec![if ro {
                "ro".to_string()
            } else {
                "rw".to_string()
            }];
            if let Some(s) = sub.filter(|s| !s.is_empty()) {
                flags.push(format!("path={s:?}"));
            }
            w.line(3, &format!("{path} from {name} ({})", flags.join(",")));
        }
    }
}

fn field_value(tl: &Timeline, status: &PodStatus, path: &str) -> String {
    let meta = &tl.manifest.pod.metadata;
    match path {
        "metadata.name" => tl.pod_name.clone(),
        "metadata.namespace" => tl.namespace.clone(),
        "metadata.uid" => tl.uid.clone(),
        "spec.nodeName" => tl.node.clone().unwrap_or_default(),
        "spec.serviceAccountName" => "default".into(),
        "status.podIP" | "status.podIPs" => status.pod_ip.clone().unwrap_or_default(),
        "status.hostIP" | "status.hostIPs" => status.host_ip.clone().unwrap_or_default(),
        p => p
            .strip_prefix("metadata.labels['")
            .and_then(|k| k.strip_suffix("']"))
            .and_then(|k| meta.labels.get(k).cloned())
            .unwrap_or_default(),
    }
}

fn state(w: &mut W, name: &str, s: &ContainerState) {
    if let Some(r) = &s.running {
        w.line(2, &format!("{name}:\tRunning"));
        w.line(3, &format!("Started:\t{}", rfc1123z(r.started_at)));
    } else if let Some(wt) = &s.waiting {
        w.line(2, &format!("{name}:\tWaiting"));
        if let Some(r) = wt.reason {
            w.line(3, &format!("Reason:\t{r}"));
        }
    } else if let Some(t) = &s.terminated {
        w.line(2, &format!("{name}:\tTerminated"));
        if let Some(r) = t.reason {
            w.line(3, &format!("Reason:\t{r}"));
        }
        if let Some(m) = t.message.as_deref().filter(|m| !m.is_empty()) {
            w.line(3, &format!("Message:\t{m}"));
        }
        w.line(3, &format!("Exit Code:\t{}", t.exit_code));
        if let Some(sig) = t.signal.filter(|s| *s > 0) {
            w.line(3, &format!("Signal:\t{sig}"));
        }
        w.line(3, &format!("Started:\t{}", rfc1123z(t.started_at)));
        w.line(3, &format!("Finished:\t{}", rfc1123z(t.finished_at)));
    } else {
        w.line(2, &format!("{name}:\tWaiting"));
    }
}

/// kubectl's DescribeProbe: `exec [cat /tmp/healthy] delay=5s timeout=1s period=5s
/// #success=1 #failure=3`; kubectl 1.37 spells the thresholds out (`successThreshold=1
/// failureThreshold=3`, k8s.io/kubectl v0.37.0-beta.0).
pub fn describe_probe(p: &Probe, v: KubeVersion) -> String {
    let (success, failure) = if v >= KubeVersion::V1_37 {
        ("successThreshold", "failureThreshold")
    } else {
        ("#success", "#failure")
    };
    let attrs = format!(
        "delay={}s timeout={}s period={}s {success}={} {failure}={}",
        p.initial_delay(),
        p.timeout(),
        p.period(),
        p.success_threshold(),
        p.failure_threshold()
    );
    if let Some(e) = &p.exec {
        format!("exec [{}] {attrs}", e.command.join(" "))
    } else if let Some(h) = &p.http_get {
        let scheme = h.scheme.as_deref().unwrap_or("HTTP").to_lowercase();
        let host = h.host.as_deref().unwrap_or("");
        let host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        format!(
            "http-get {scheme}://{host}:{}{} {attrs}",
            h.port,
            h.path.as_deref().unwrap_or("")
        )
    } else if let Some(t) = &p.tcp_socket {
        format!(
            "tcp-socket {}:{} {attrs}",
            t.host.as_deref().unwrap_or(""),
            t.port
        )
    } else if let Some(g) = &p.grpc {
        format!(
            "grpc <pod>:{} {} {attrs}",
            g.port,
            g.service.as_deref().unwrap_or("")
        )
    } else {
        format!("unknown {attrs}")
    }
}

fn volumes(w: &mut W, vols: &[Volume], sa_volume: &str, version: KubeVersion) {
    w.line(0, "Volumes:");
    for v in vols {
        w.line(1, &format!("{}:", v.name));
        if let Some(cm) = &v.config_map {
            w.line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
            w.line(2, &format!("Name:\t{}", cm.name));
            w.line(2, &format!("Optional:\t{}", cm.optional.unwrap_or(false)));
        } else if v.name.starts_with("kube-api-access-") {
            api_access(w, version);
        } else {
            let ed = v.empty_dir.clone().unwrap_or_default();
            w.line(
                2,
                "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
            );
            w.line(2, &format!("Medium:\t{}", ed.medium.unwrap_or_default()));
            w.line(
                2,
                &format!(
                    "SizeLimit:\t{}",
                    ed.size_limit
                        .map(|q| q.0)
                        .unwrap_or_else(|| "<unset>".into())
                ),
            );
        }
    }
    if !vols.iter().any(|v| v.name.starts_with("kube-api-access-")) {
        w.line(1, &format!("{sa_volume}:"));
        api_access(w, version);
    }
}

/// The projected service-account volume; kubectl up to 1.32 printed the ConfigMap source's
/// `Optional` pointer as `ConfigMapOptional:  <nil>`, 1.33 as `Optional:  false`.
fn api_access(w: &mut W, v: KubeVersion) {
    w.line(
        2,
        "Type:\tProjected (a volume that contains injected data from multiple sources)",
    );
    w.line(2, "TokenExpirationSeconds:\t3607");
    w.line(2, "ConfigMapName:\tkube-root-ca.crt");
    if v >= KubeVersion::V1_33 {
        w.line(2, "Optional:\tfalse");
    } else {
        w.line(2, "ConfigMapOptional:\t<nil>");
    }
    w.line(2, "DownwardAPI:\ttrue");
}

fn tolerations(w: &mut W, pod: &Pod) {
    let tols = &pod.spec.tolerations;
    if tols.is_empty() {
        w.line(0, "Tolerations:\t<none>");
        return;
    }
    for (i, t) in tols.iter().enumerate() {
        let mut s = String::new();
        s.push_str(t.key.as_deref().unwrap_or(""));
        if let Some(v) = t.value.as_deref().filter(|v| !v.is_empty()) {
            let _ = write!(s, "={v}");
        }
        if let Some(e) = t.effect.as_deref().filter(|e| !e.is_empty()) {
            let _ = write!(s, ":{e}");
        }
        if t.operator.as_deref() == Some("Exists") && t.value.as_deref().unwrap_or("").is_empty() {
            if t.key.as_deref().unwrap_or("").is_empty()
                && t.effect.as_deref().unwrap_or("").is_empty()
            {
                s.push_str("op=Exists");
            } else {
                s.push_str(" op=Exists");
            }
        }
        if let Some(secs) = t.toleration_seconds {
            let _ = write!(s, " for {secs}s");
        }
        if i == 0 {
            w.line(0, &format!("Tolerations:\t{s}"));
        } else {
            w.line(0, &format!("\t{s}"));
        }
    }
}

/// The events table (flushed separately from the rest, as kubectl does).
fn events_table(tl: &Timeline, t: Millis) -> String {
    let events = tl.events_at(t);
    if events.is_empty() {
        return String::new();
    }
    let mut text = String::from(
        "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n",
    );
    // kubectl 1.35 (#133627) puts the involved object's fieldPath before the message.
    let with_path = tl.kubernetes >= KubeVersion::V1_35;
    for e in events {
        let first = human_duration(t as i64 - e.first_ms as i64);
        let age = if e.count > 1 {
            format!(
                "{} (x{} over {first})",
                human_duration(t as i64 - e.last_ms as i64),
                e.count
            )
        } else {
            first
        };
        let _ = writeln!(
            text,
            "  {}\t{}\t{}\t{}\t{}",
            match e.type_ {
                EventType::Normal => "Normal",
                EventType::Warning => "Warning",
            },
            e.reason,
            age,
            e.from,
            match e
                .field_path
                .as_deref()
                .filter(|p| with_path && !p.is_empty())
            {
                Some(p) => format!("{p}: {}", e.message.trim()),
                None => e.message.trim().to_string(),
            }
        );
    }
    tabwriter::format(&text, 0, 2)
}
