//! The scenario: everything around the Pod that a lesson sets up, as data beside the manifest
//! — the nodes, extra images, images already on the node, and things that happen at a time
//! (a Service appears, a container is killed, an endpoint breaks, a file disappears, the node
//! is lost, the pod is deleted). Format documented in docs/scenario.md.

use crate::kubelet::scheduler::Node;
use crate::runtime::ImageSpec;
use crate::time::{parse_duration, Millis};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// The cluster's nodes; empty means one default node `node01` (2 cpu, 4Gi, 110 pods).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nodes: Vec<Node>,
    /// Images the catalog does not know, in the runtime's image format.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<ImageSpec>,
    /// Images already on the node when the pod arrives (no pull for IfNotPresent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preloaded_images: Vec<String>,
    /// Things that happen, each at a time after the pod was created.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<ScenarioEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioEvent {
    #[serde(deserialize_with = "de_duration", serialize_with = "ser_duration")]
    pub at: Millis,
    #[serde(flatten)]
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "action",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Action {
    /// A Service named `name` now exists (nslookup finds it).
    CreateService { name: String },
    /// SIGKILL the container's process (exit 137), as an OOM kill or `kill -9` would.
    KillContainer { container: String },
    /// The HTTP endpoint `path` on `port` answers `status` from now on.
    FailEndpoint {
        port: u16,
        #[serde(default = "root_path")]
        path: String,
        #[serde(default = "status_500")]
        status: u16,
    },
    /// Remove a file from the container's filesystem.
    RemoveFile { container: String, path: String },
    /// Create (or overwrite) a file in the container's filesystem.
    CreateFile {
        container: String,
        path: String,
        #[serde(default)]
        content: String,
    },
    /// The node stops reporting (network partition, power loss).
    LoseNode,
    /// `kubectl delete pod`, with the pod's grace period unless one is given.
    DeletePod {
        /// `gracePeriodSeconds` (the spelling of earlier saved work is still read).
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            alias = "grace_period_seconds"
        )]
        grace_period_seconds: Option<i64>,
    },
}

fn root_path() -> String {
    "/".into()
}
fn status_500() -> u16 {
    500
}

fn de_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Millis, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        N(u64),
        S(String),
    }
    match Raw::deserialize(d)? {
        Raw::N(secs) => secs
            .checked_mul(1000)
            .ok_or_else(|| serde::de::Error::custom("duration too large")),
        Raw::S(s) => parse_duration(&s).map_err(serde::de::Error::custom),
    }
}

fn ser_duration<S: Serializer>(ms: &Millis, s: S) -> Result<S::Ok, S::Error> {
    if ms.is_multiple_of(1000) {
        s.serialize_str(&format!("{}s", ms / 1000))
    } else {
        s.serialize_str(&format!("{ms}ms"))
    }
}

impl Scenario {
    /// Parse a scenario from YAML (or JSON).
    pub fn from_yaml(text: &str) -> Result<Scenario, String> {
        if text.trim().is_empty() {
            return Ok(Scenario::default());
        }
        crate::yaml::from_yaml_str(text).map_err(|e| format!("scenario: {e}"))
    }

    pub fn nodes(&self) -> Vec<Node> {
        if self.nodes.is_empty() {
            vec![Node::default_node()]
        } else {
            self.nodes.clone()
        }
    }
}
