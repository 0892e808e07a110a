//! What the app lists for the learner to choose from: the versions podsim simulates, each
//! version's feature gates (stage, default, locked, simulated or not) and the kubelet
//! settings, with what each changes.

use super::gates::{Simulated, Stage, GATES};
use super::version::KubeVersion;
use crate::text::Text;

/// One gate as a version ships it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateRow {
    pub name: &'static str,
    pub stage: Stage,
    pub default: bool,
    /// Setting it to the other value stops the kubelet.
    pub locked: bool,
    /// None when podsim simulates what it changes; else what podsim leaves out.
    pub not_simulated: Option<&'static str>,
}

/// The versions podsim simulates, oldest first.
pub fn versions() -> &'static [KubeVersion] {
    &KubeVersion::ALL
}

/// The gates version `v` knows, by name.
pub fn gates(v: KubeVersion) -> Vec<GateRow> {
    let mut rows: Vec<GateRow> = GATES
        .iter()
        .filter_map(|g| {
            let spec = g.specs[v.index()]?;
            Some(GateRow {
                name: g.name,
                stage: spec.stage,
                default: spec.default,
                locked: spec.locked,
                not_simulated: match g.simulated {
                    Simulated::Yes => None,
                    Simulated::No(what) => Some(what),
                },
            })
        })
        .collect();
    rows.sort_by_key(|r| r.name);
    rows
}

/// A kubelet setting podsim simulates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingRow {
    /// Its path in a KubeletConfiguration.
    pub path: &'static str,
    /// The first version that has it.
    pub since: KubeVersion,
    /// The gate it needs.
    pub gate: &'static str,
    /// Its default, as the kubelet writes it.
    pub default: &'static str,
    /// The values it accepts.
    pub accepts: &'static str,
    pub what: Text,
}

/// The kubelet settings podsim simulates.
pub fn kubelet_settings() -> Vec<SettingRow> {
    vec![SettingRow {
        path: "crashLoopBackOff.maxContainerRestartPeriod",
        since: KubeVersion::V1_32,
        gate: "KubeletCrashLoopBackOffMax",
        default: "5m0s",
        accepts: "1s to 300s",
        what: Text::new(
            "The longest a crash-looping container waits before its next restart (the back-off cap).",
            "크래시 루프에 빠진 컨테이너가 다음 재시작까지 기다리는 최대 시간(백오프 상한).",
        ),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_version_lists_its_own_gates() {
        let names = |v| gates(v).into_iter().map(|r| r.name).collect::<Vec<_>>();
        assert!(!names(KubeVersion::V1_31).contains(&"ContainerRestartRules"));
        assert!(names(KubeVersion::V1_34).contains(&"ContainerRestartRules"));
        let sidecars = |v| {
            gates(v)
                .into_iter()
                .find(|r| r.name == "SidecarContainers")
                .unwrap()
        };
        assert!(!sidecars(KubeVersion::V1_32).locked);
        assert!(sidecars(KubeVersion::V1_33).locked);
        assert_eq!(sidecars(KubeVersion::V1_33).stage, Stage::Ga);
        assert_eq!(versions().len(), 7);
        assert_eq!(kubelet_settings()[0].since, KubeVersion::V1_32);
    }
}
