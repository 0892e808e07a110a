//! The learner's own cluster (issue 20): the Kubernetes version, feature gates and kubelet
//! settings a document runs on, as saved with it and carried by share links
//! ([`ClusterChoice`], docs/formats.md), the cluster a document actually runs on
//! ([`effective`]: a lesson's pinned version unless the learner chose another), and the
//! changes the picker makes. What a cluster accepts, and its refusals, are the engine's
//! (`podsim::cluster`).

use std::collections::BTreeMap;

use podsim::cluster::catalog;
use podsim::cluster::kubelet_config::{GoDuration, KubeletConfig};
use podsim::cluster::{ClusterSpec, KubeVersion};
use podsim::lessons::Lesson;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

/// What the learner chose for one document; every field absent means "as the lesson sets it
/// up" (its pinned version, its scenario's cluster), else the newest version's defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterChoice {
    /// The Kubernetes minor version (`"1.35"`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    pub kubernetes: Option<KubeVersion>,
    /// Feature gates set to something else than the version's default.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "lenient"
    )]
    pub feature_gates: BTreeMap<String, bool>,
    /// Kubelet settings (`crashLoopBackOff.maxContainerRestartPeriod`).
    #[serde(
        default,
        skip_serializing_if = "KubeletConfig::is_empty",
        deserialize_with = "lenient"
    )]
    pub kubelet: KubeletConfig,
}

/// A field written by a podlab that knew more (a version, a setting this build lacks) reads
/// as absent: the document still opens, on the default cluster, instead of being set aside.
fn lenient<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let value = serde_json::Value::deserialize(d)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

impl ClusterChoice {
    pub fn is_default(&self) -> bool {
        self == &ClusterChoice::default()
    }

    /// The choice as a scenario's `cluster:` writes it.
    pub fn spec(&self) -> ClusterSpec {
        ClusterSpec {
            kubernetes: self.kubernetes,
            feature_gates: self.feature_gates.clone(),
            kubelet: self.kubelet.clone(),
        }
    }
}

/// The cluster a document runs on: the learner's choice; in a lesson, the lesson's own
/// cluster when nothing was chosen, and its pinned version unless the learner chose one.
pub fn effective(choice: &ClusterChoice, lesson: Option<&Lesson>) -> ClusterSpec {
    let chosen = choice.spec();
    match lesson {
        None => chosen,
        Some(l) => {
            let mut c = l.cluster_on(&chosen);
            if let Some(v) = choice.kubernetes {
                c.kubernetes = Some(v);
            }
            c
        }
    }
}

/// The version a lesson pins, if any.
pub fn pinned(lesson: Option<&Lesson>) -> Option<KubeVersion> {
    lesson.and_then(|l| l.kubernetes.or(l.scenario.cluster.kubernetes))
}

/// Another version chosen: gates the new version does not know, or locks, are dropped (the
/// kubelet would refuse them); the kubelet setting stays (its refusal, if any, is shown).
pub fn set_version(choice: &mut ClusterChoice, version: Option<KubeVersion>) {
    choice.kubernetes = version;
    let v = version.unwrap_or_default();
    let rows = catalog::gates(v);
    choice
        .feature_gates
        .retain(|name, _| rows.iter().any(|r| r.name == name && !r.locked));
}

/// A gate set (`Some`) or back to its default (`None`) on version `v`: a value equal to the
/// default is not kept.
pub fn set_gate(choice: &mut ClusterChoice, v: KubeVersion, name: &str, on: Option<bool>) {
    let default = catalog::gates(v)
        .into_iter()
        .find(|r| r.name == name)
        .map(|r| r.default);
    match on {
        Some(on) if Some(on) != default => {
            choice.feature_gates.insert(name.to_string(), on);
        }
        _ => {
            choice.feature_gates.remove(name);
        }
    }
}

/// The crash-loop back-off's maximum, or unset.
pub fn set_max_restart(choice: &mut ClusterChoice, period: Option<GoDuration>) {
    choice
        .kubelet
        .crash_loop_back_off
        .max_container_restart_period = period;
}

/// Whether gate `name` is on in `spec` (its setting, else its version's default).
pub fn gate_on(spec: &ClusterSpec, name: &str) -> bool {
    spec.feature_gates.get(name).copied().unwrap_or_else(|| {
        catalog::gates(spec.version())
            .into_iter()
            .find(|r| r.name == name)
            .is_some_and(|r| r.default)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_documents_and_unknown_values_read_as_the_default_cluster() {
        let c: ClusterChoice = serde_json::from_str("{}").unwrap();
        assert!(c.is_default());
        let c: ClusterChoice = serde_json::from_str(
            r#"{"kubernetes":"1.99","featureGates":{"X":"yes"},"kubelet":{"nope":1}}"#,
        )
        .unwrap();
        assert!(c.is_default(), "{c:?}");
        let c: ClusterChoice = serde_json::from_str(
            r#"{"kubernetes":"1.33","featureGates":{"ReduceDefaultCrashLoopBackOffDecay":true},
                "kubelet":{"crashLoopBackOff":{"maxContainerRestartPeriod":"30s"}}}"#,
        )
        .unwrap();
        assert_eq!(c.kubernetes, Some(KubeVersion::V1_33));
        // 1.33 has the setting but not its gate on: the kubelet refuses, as the picker shows.
        assert!(c
            .spec()
            .resolve()
            .unwrap_err()
            .to_string()
            .contains("FeatureGate KubeletCrashLoopBackOffMax not enabled"));
        assert_eq!(
            serde_json::to_value(&c).unwrap(),
            serde_json::json!({"kubernetes": "1.33",
                "featureGates": {"ReduceDefaultCrashLoopBackOffDecay": true},
                "kubelet": {"crashLoopBackOff": {"maxContainerRestartPeriod": "30s"}}})
        );
    }

    #[test]
    fn changing_version_drops_gates_it_does_not_know_or_locks() {
        let mut c = ClusterChoice::default();
        set_gate(&mut c, KubeVersion::V1_32, "SidecarContainers", Some(false));
        set_gate(
            &mut c,
            KubeVersion::V1_34,
            "ReduceDefaultCrashLoopBackOffDecay",
            Some(true),
        );
        assert_eq!(c.feature_gates.len(), 2);
        set_version(&mut c, Some(KubeVersion::V1_33));
        // SidecarContainers is locked from 1.33; Reduce… exists from 1.33.
        assert_eq!(
            c.feature_gates.keys().collect::<Vec<_>>(),
            ["ReduceDefaultCrashLoopBackOffDecay"]
        );
        set_version(&mut c, Some(KubeVersion::V1_32));
        assert!(c.feature_gates.is_empty());
        // Setting a gate to its default keeps nothing.
        set_gate(&mut c, KubeVersion::V1_32, "SidecarContainers", Some(true));
        assert!(c.feature_gates.is_empty());
        assert!(gate_on(&c.spec(), "SidecarContainers"));
    }
}
