//! The scheduler's filter step for one pod over the scenario's nodes: nodeName, nodeSelector,
//! taints and tolerations, and resource fit (cpu, memory, pods). When nothing fits, the
//! message is the scheduler's FitError text, e.g.
//! `0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.`

use crate::cluster::KubeVersion;
use crate::model::{PodSpec, Quantity, TaintEffect};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Node {
    pub name: String,
    #[serde(default = "default_cpu")]
    pub cpu: Quantity,
    #[serde(default = "default_memory")]
    pub memory: Quantity,
    #[serde(default = "default_pods")]
    pub pods: u32,
    /// Pods already running there, as requested cpu/memory (to make a node "full").
    #[serde(default)]
    pub used_cpu: Option<Quantity>,
    #[serde(default)]
    pub used_memory: Option<Quantity>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub taints: Vec<Taint>,
    #[serde(default = "default_ip")]
    pub internal_ip: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Taint {
    pub key: String,
    #[serde(default)]
    pub value: String,
    pub effect: TaintEffect,
}

fn default_cpu() -> Quantity {
    Quantity("2".into())
}
fn default_memory() -> Quantity {
    Quantity("4Gi".into())
}
fn default_pods() -> u32 {
    110
}
fn default_ip() -> String {
    "172.18.0.2".into()
}

impl Node {
    /// The single node a scenario gets unless it lists its own: `node01`, 2 cpu, 4Gi.
    pub fn default_node() -> Node {
        Node {
            name: "node01".into(),
            cpu: default_cpu(),
            memory: default_memory(),
            pods: default_pods(),
            used_cpu: None,
            used_memory: None,
            labels: BTreeMap::new(),
            taints: Vec::new(),
            internal_ip: default_ip(),
        }
    }

    /// Labels every node carries, plus the scenario's.
    pub fn all_labels(&self) -> BTreeMap<String, String> {
        let mut l = self.labels.clone();
        l.entry("kubernetes.io/hostname".into())
            .or_insert_with(|| self.name.clone());
        l.entry("kubernetes.io/os".into())
            .or_insert_with(|| "linux".into());
        l.entry("kubernetes.io/arch".into())
            .or_insert_with(|| "amd64".into());
        l
    }
}

/// The pod's effective request of a resource, in milli-units: the larger of the sum over app
/// containers and sidecars and the largest regular init container (+ the sidecars before it).
pub fn pod_request(spec: &PodSpec, resource: &str) -> i128 {
    let req = |c: &crate::model::Container| {
        c.request(resource)
            .or_else(|| c.limit(resource))
            .and_then(Quantity::milli_value)
            .unwrap_or(0)
            .max(0)
    };
    let mut sidecars = 0i128;
    let mut init_peak = 0i128;
    for c in &spec.init_containers {
        if c.is_restartable() {
            sidecars += req(c);
        } else {
            init_peak = init_peak.max(sidecars + req(c));
        }
    }
    let app: i128 = spec.containers.iter().map(req).sum::<i128>() + sidecars;
    app.max(init_peak)
}

/// The filters that can reject a node, as bits (`Unschedulable::filters`).
pub mod filter {
    pub const TAINT: u8 = 1;
    pub const SELECTOR: u8 = 2;
    pub const CPU: u8 = 4;
    pub const MEMORY: u8 = 8;
    pub const PODS: u8 = 16;
}

/// Why no node fits: the FitError message, and which filters rejected a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unschedulable {
    pub message: String,
    pub filters: u8,
}

/// The filter bit of a reason `reasons` gives.
fn filter_of(reason: &str) -> u8 {
    match reason {
        r if r.starts_with("node(s) had untolerated taint") => filter::TAINT,
        r if r.starts_with("node(s) didn't match") => filter::SELECTOR,
        "Insufficient cpu" => filter::CPU,
        "Insufficient memory" => filter::MEMORY,
        "Too many pods" => filter::PODS,
        _ => 0,
    }
}

/// Why one node does not fit, as the scheduler's filter plugins say it. The plugins run in
/// the default profile's order (TaintToleration, NodeAffinity, NodeResourcesFit) and the
/// first one that rejects the node gives the reasons: a node is counted once.
fn reasons(spec: &PodSpec, node: &Node, v: KubeVersion) -> Vec<(String, bool)> {
    // (reason, whether preemption could help)
    for t in &node.taints {
        if t.effect == TaintEffect::PreferNoSchedule {
            continue;
        }
        if !spec
            .tolerations
            .iter()
            .any(|tol| tol.tolerates(&t.key, &t.value, t.effect))
        {
            // 1.35 (#134740) stopped naming the taint: `untolerated taint(s)`.
            let reason = if v >= KubeVersion::V1_35 {
                "node(s) had untolerated taint(s)".to_string()
            } else {
                format!("node(s) had untolerated taint {{{}: {}}}", t.key, t.value)
            };
            return vec![(reason, false)];
        }
    }
    let labels = node.all_labels();
    if !spec
        .node_selector
        .iter()
        .all(|(k, v)| labels.get(k) == Some(v))
    {
        return vec![(
            "node(s) didn't match Pod's node affinity/selector".to_string(),
            false,
        )];
    }
    // NodeResourcesFit: every missing resource, in one status.
    let mut out = Vec::new();
    if node.pods == 0 {
        out.push(("Too many pods".to_string(), true));
    }
    let used = |q: &Option<Quantity>| q.as_ref().and_then(Quantity::milli_value).unwrap_or(0);
    let cpu_free = node.cpu.milli_value().unwrap_or(0) - used(&node.used_cpu);
    let mem_free = node.memory.milli_value().unwrap_or(0) - used(&node.used_memory);
    if pod_request(spec, "cpu") > cpu_free {
        out.push(("Insufficient cpu".to_string(), true));
    }
    if pod_request(spec, "memory") > mem_free {
        out.push(("Insufficient memory".to_string(), true));
    }
    out
}

/// Pick a node, or explain why none fits, in version `v`'s scheduler's words.
pub fn schedule(spec: &PodSpec, nodes: &[Node], v: KubeVersion) -> Result<usize, String> {
    schedule_why(spec, nodes, v).map_err(|u| u.message)
}

/// `schedule`, saying which filters rejected the nodes when none fits.
pub fn schedule_why(
    spec: &PodSpec,
    nodes: &[Node],
    v: KubeVersion,
) -> Result<usize, Unschedulable> {
    if let Some(name) = spec.node_name.as_deref().filter(|n| !n.is_empty()) {
        // The scheduler is bypassed; only that node's kubelet will ever run the pod.
        return nodes
            .iter()
            .position(|n| n.name == name)
            .ok_or_else(|| Unschedulable {
                message: format!("node \"{name}\" not found"),
                filters: 0,
            });
    }
    let mut histogram: BTreeMap<String, usize> = BTreeMap::new();
    let mut helpful = 0usize;
    let mut filters = 0u8;
    for (i, node) in nodes.iter().enumerate() {
        let r = reasons(spec, node, v);
        if r.is_empty() {
            return Ok(i);
        }
        if r.iter().all(|(_, preemptable)| *preemptable) {
            helpful += 1;
        }
        for (reason, _) in r {
            filters |= filter_of(&reason);
            *histogram.entry(reason).or_default() += 1;
        }
    }
    let n = nodes.len();
    let mut parts: Vec<String> = histogram
        .into_iter()
        .map(|(reason, count)| format!("{count} {reason}"))
        .collect();
    parts.sort();
    let mut msg = if parts.is_empty() {
        format!("0/{n} nodes are available.")
    } else {
        format!("0/{n} nodes are available: {}.", parts.join(", "))
    };
    let mut post = Vec::new();
    if helpful > 0 {
        post.push(format!(
            "{helpful} No preemption victims found for incoming pod"
        ));
    }
    if n - helpful > 0 {
        post.push(format!(
            "{} Preemption is not helpful for scheduling",
            n - helpful
        ));
    }
    post.sort();
    msg.push_str(&format!(
        " preemption: 0/{n} nodes are available: {}.",
        post.join(", ")
    ));
    Err(Unschedulable {
        message: msg,
        filters,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    const NEWEST: KubeVersion = KubeVersion::NEWEST;
    use crate::model::{Container, ResourceRequirements, Toleration};

    fn pod_with_cpu(cpu: &str) -> PodSpec {
        let mut requests = BTreeMap::new();
        requests.insert("cpu".to_string(), Quantity(cpu.into()));
        PodSpec {
            containers: vec![Container {
                name: "app".into(),
                resources: Some(ResourceRequirements {
                    requests,
                    ..Default::default()
                }),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn fits_the_default_node() {
        assert_eq!(
            schedule(&pod_with_cpu("500m"), &[Node::default_node()], NEWEST),
            Ok(0)
        );
    }

    #[test]
    fn insufficient_cpu_message() {
        assert_eq!(
            schedule(&pod_with_cpu("3"), &[Node::default_node()], NEWEST),
            Err("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.".into())
        );
    }

    #[test]
    fn selector_and_taint_messages() {
        let mut spec = pod_with_cpu("100m");
        spec.node_selector.insert("disktype".into(), "ssd".into());
        let mut tainted = Node::default_node();
        tainted.name = "node02".into();
        tainted.labels.insert("disktype".into(), "ssd".into());
        tainted.taints.push(Taint {
            key: "dedicated".into(),
            value: "gpu".into(),
            effect: TaintEffect::NoSchedule,
        });
        let nodes = [Node::default_node(), tainted];
        // Up to 1.34 the taint is named; from 1.35 (#134740) it is not.
        assert_eq!(
            schedule(&spec, &nodes, KubeVersion::V1_34),
            Err("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.".into())
        );
        assert_eq!(
            schedule(&spec, &nodes, KubeVersion::V1_35),
            Err("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.".into())
        );
        spec.tolerations.push(Toleration {
            key: Some("dedicated".into()),
            operator: Some("Equal".into()),
            value: Some("gpu".into()),
            effect: Some("NoSchedule".into()),
            toleration_seconds: None,
        });
        assert_eq!(schedule(&spec, &nodes, NEWEST), Ok(1));
    }

    /// A node is counted under the first filter that rejects it only.
    #[test]
    fn each_node_is_counted_once_by_its_first_failing_filter() {
        let mut spec = pod_with_cpu("6");
        spec.node_selector.insert("pool".into(), "batch".into());
        let mut batch = Node::default_node();
        batch.name = "batch01".into();
        batch.labels.insert("pool".into(), "batch".into());
        let nodes = [Node::default_node(), batch];
        assert_eq!(
            schedule(&spec, &nodes, NEWEST),
            Err("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.".into())
        );
    }

    #[test]
    fn init_containers_count_by_their_peak() {
        let mut spec = pod_with_cpu("500m");
        spec.init_containers = pod_with_cpu("1500m").containers;
        assert_eq!(pod_request(&spec, "cpu"), 1500);
    }
}
