//! A pod's status as `kubectl get pod -o yaml` prints it: times as RFC 3339 strings (the
//! engine keeps virtual milliseconds), `lastProbeTime: null` on every condition, and the
//! `hostIPs` / `podIPs` lists beside `hostIP` / `podIP`.

use super::clock::rfc3339;
use super::to_yaml::to_yaml;
use crate::model::PodStatus;
use serde_json::{json, Map, Value};

/// The fields that hold times.
const TIME_FIELDS: [&str; 5] = [
    "lastProbeTime",
    "lastTransitionTime",
    "startTime",
    "startedAt",
    "finishedAt",
];

/// `status:` and what follows, as YAML.
pub fn status_yaml(status: &PodStatus) -> String {
    let mut v = serde_json::to_value(status).unwrap_or(Value::Null);
    times_as_text(&mut v);
    if let Some(obj) = v.as_object_mut() {
        if let Some(conds) = obj.get_mut("conditions").and_then(Value::as_array_mut) {
            for c in conds.iter_mut().filter_map(Value::as_object_mut) {
                c.entry("lastProbeTime").or_insert(Value::Null);
            }
        }
        for (one, many) in [("hostIP", "hostIPs"), ("podIP", "podIPs")] {
            if let Some(ip) = obj.get(one).cloned() {
                obj.insert(many.into(), json!([{ "ip": ip }]));
            }
        }
    }
    let mut wrapped = Map::new();
    wrapped.insert("status".into(), v);
    to_yaml(&wrapped)
}

fn times_as_text(v: &mut Value) {
    match v {
        Value::Object(obj) => {
            for (k, field) in obj.iter_mut() {
                match field.as_u64() {
                    Some(ms) if TIME_FIELDS.contains(&k.as_str()) => {
                        *field = Value::String(rfc3339(ms));
                    }
                    _ => times_as_text(field),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(times_as_text),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ConditionStatus, ConditionType, ContainerState, ContainerStateRunning, ContainerStatus,
        PodCondition, PodPhase,
    };

    #[test]
    fn prints_like_kubectl_get_o_yaml() {
        let status = PodStatus {
            phase: PodPhase::Running,
            conditions: vec![PodCondition {
                type_: ConditionType::Ready,
                status: ConditionStatus::True,
                reason: None,
                message: None,
                last_transition_time: Some(2_820),
            }],
            host_ip: Some("172.18.0.2".into()),
            pod_ip: Some("10.244.0.5".into()),
            start_time: Some(0),
            container_statuses: vec![ContainerStatus {
                name: "web".into(),
                ready: true,
                state: ContainerState {
                    running: Some(ContainerStateRunning { started_at: 2_820 }),
                    ..Default::default()
                },
                ..Default::default()
            }],
            ..Default::default()
        };
        let y = status_yaml(&status);
        for line in [
            "status:\n",
            "  - lastProbeTime: null\n    lastTransitionTime: \"2026-11-24T09:00:02Z\"\n    status: \"True\"\n    type: Ready\n",
            "        startedAt: \"2026-11-24T09:00:02Z\"\n",
            "  hostIP: 172.18.0.2\n  hostIPs:\n  - ip: 172.18.0.2\n",
            "  podIP: 10.244.0.5\n  podIPs:\n  - ip: 10.244.0.5\n",
            "  startTime: \"2026-11-24T09:00:00Z\"\n",
        ] {
            assert!(y.contains(line), "{line:?} in\n{y}");
        }
    }
}
