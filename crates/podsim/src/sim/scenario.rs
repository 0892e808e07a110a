//! The scenario: everything around the Pod that a lesson sets up, as data beside the manifest
//! — the cluster (Kubernetes version, feature gates, kubelet settings), the nodes, extra images, images already on the node, and things that happen at a time
//! (a Service appears, a container is killed, an endpoint breaks, a file disappears, the node
//! is lost, the pod is deleted). Format documented in docs/scenario.md.

use crate::cluster::ClusterSpec;
use crate::kubelet::scheduler::Node;
use crate::runtime::ImageSpec;
use crate::time::{Duration, Millis};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// The Kubernetes version, feature gates and kubelet settings (the newest version with
    /// its defaults when not set).
    #[serde(default, skip_serializing_if = "ClusterSpec::is_default")]
    pub cluster: ClusterSpec,
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

/// Something that happens at a time, written as the time beside the action and its fields
/// (`{at: 20s, action: killContainer, container: web}`) in lessons, saved work and share
/// links: read and written through [`crate::yaml::tagged`].
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioEvent {
    pub at: Millis,
    pub action: Action,
}

impl<'de> Deserialize<'de> for ScenarioEvent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut fields = serde_json::Map::deserialize(d)?;
        let at = fields
            .remove("at")
            .ok_or_else(|| D::Error::missing_field("at"))?;
        let at = Duration::deserialize(at)
            .map_err(D::Error::custom)?
            .millis();
        let action =
            crate::yaml::tagged::from_tagged(fields, "action").map_err(D::Error::custom)?;
        Ok(ScenarioEvent { at, action })
    }
}

impl Serialize for ScenarioEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeMap};
        let fields =
            crate::yaml::tagged::to_tagged(&self.action, "action").map_err(S::Error::custom)?;
        let mut map = s.serialize_map(Some(fields.len() + 1))?;
        map.serialize_entry("at", &Duration(self.at))?;
        for (k, v) in &fields {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The form saved work and share links hold (written by earlier builds too).
    fn saved() -> serde_json::Value {
        json!([
            {"at": "20s", "action": "killContainer", "container": "web"},
            {"at": "1500ms", "action": "loseNode"},
            {"at": "1m", "action": "deletePod"},
            {"at": "2m", "action": "deletePod", "gracePeriodSeconds": 5},
            {"at": "3m", "action": "failEndpoint", "port": 8080},
        ])
    }

    #[test]
    fn events_read_the_time_beside_the_action_and_its_fields() {
        let events: Vec<ScenarioEvent> = serde_json::from_value(saved()).unwrap();
        let want = vec![
            ScenarioEvent {
                at: 20_000,
                action: Action::KillContainer {
                    container: "web".into(),
                },
            },
            ScenarioEvent {
                at: 1_500,
                action: Action::LoseNode,
            },
            ScenarioEvent {
                at: 60_000,
                action: Action::DeletePod {
                    grace_period_seconds: None,
                },
            },
            ScenarioEvent {
                at: 120_000,
                action: Action::DeletePod {
                    grace_period_seconds: Some(5),
                },
            },
            ScenarioEvent {
                at: 180_000,
                action: Action::FailEndpoint {
                    port: 8080,
                    path: "/".into(),
                    status: 500,
                },
            },
        ];
        assert_eq!(events, want);
        // Written back in the same form (defaults spelled out), and read back the same.
        let written = serde_json::to_value(&events).unwrap();
        assert_eq!(written[0], saved()[0]);
        assert_eq!(written[1], saved()[1]);
        assert_eq!(written[2], json!({"at": "60s", "action": "deletePod"}));
        assert_eq!(
            written[4],
            json!({"at": "180s", "action": "failEndpoint", "port": 8080, "path": "/", "status": 500})
        );
        let again: Vec<ScenarioEvent> = serde_json::from_value(written).unwrap();
        assert_eq!(again, want);
        // From text, as share links and localStorage hand it over; old spelling still read.
        let text = r#"{"at": 3, "action": "deletePod", "grace_period_seconds": 0}"#;
        let e: ScenarioEvent = serde_json::from_str(text).unwrap();
        assert_eq!(e.at, 3_000);
        assert_eq!(
            e.action,
            Action::DeletePod {
                grace_period_seconds: Some(0)
            }
        );
    }

    #[test]
    fn bad_events_say_what_is_wrong() {
        let err = |v: serde_json::Value| {
            serde_json::from_value::<ScenarioEvent>(v)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(err(json!({"action": "loseNode"})), "missing field `at`");
        assert_eq!(err(json!({"at": "1s"})), "missing field `action`");
        assert!(err(json!({"at": "1s", "action": "explode"}))
            .starts_with("unknown variant `explode`, expected one of `createService`"));
        assert_eq!(
            err(json!({"at": "1s", "action": "killContainer"})),
            "missing field `container`"
        );
        assert!(err(json!({"at": "soon", "action": "loseNode"})).contains("soon"));
    }
}
