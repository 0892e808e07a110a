//! The learner's own cluster: which Kubernetes version it runs (1.31 … 1.37), which feature
//! gates are on, and the kubelet settings that change how a Pod runs. The scenario carries
//! it as written ([`ClusterSpec`], `cluster:` in docs/scenario.md); [`ClusterSpec::resolve`]
//! checks it as a kubelet checks its flags and configuration at start-up (in its words) and
//! gives the [`Cluster`] every other layer reads: the apiserver's validation, the kubelet's
//! back-off and wording, kubectl's printing.
//!
//! - `version`: [`KubeVersion`].
//! - `gates`: every gate podsim knows, per version; setting them.
//! - `kubelet_config`: the kubelet settings, their defaults, validation and the back-off.
//! - `catalog`: what the app lists — versions, their gates, the kubelet settings.

pub mod catalog;
pub mod gates;
pub mod kubelet_config;
pub mod version;

pub use gates::{Gate, GateError, GateSet};
pub use kubelet_config::{ConfigError, KubeletConfig, KubeletSettings};
pub use version::KubeVersion;

use crate::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The cluster as a scenario, a lesson or the app writes it.
///
/// ```yaml
/// cluster:
///   kubernetes: "1.35"
///   featureGates: {ReduceDefaultCrashLoopBackOffDecay: true}
///   kubelet:
///     crashLoopBackOff: {maxContainerRestartPeriod: 30s}
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClusterSpec {
    /// The Kubernetes minor version; the newest podsim knows when not set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes: Option<KubeVersion>,
    /// Feature gates set on the cluster's components (apiserver and kubelet alike).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub feature_gates: BTreeMap<String, bool>,
    /// The kubelet's configuration (the fields podsim simulates).
    #[serde(default, skip_serializing_if = "KubeletConfig::is_empty")]
    pub kubelet: KubeletConfig,
}

impl ClusterSpec {
    /// Nothing set: the newest version with its defaults.
    pub fn is_default(&self) -> bool {
        self == &ClusterSpec::default()
    }

    /// The version this spec asks for.
    pub fn version(&self) -> KubeVersion {
        self.kubernetes.unwrap_or_default()
    }

    /// Check the spec as a kubelet checks its flags and configuration at start-up.
    pub fn resolve(&self) -> Result<Cluster, ClusterError> {
        let version = self.version();
        let gates = gates::resolve(version, &self.feature_gates).map_err(ClusterError::Gates)?;
        let (kubelet, mut warnings) =
            kubelet_config::settle(version, gates, &self.kubelet).map_err(ClusterError::Kubelet)?;
        for name in self.feature_gates.keys() {
            if let Some(g) = Gate::parse(name) {
                if let gates::Simulated::No(what) = g.info().simulated {
                    warnings.push(format!(
                        "podsim accepts feature gate {name} but does not simulate what it changes: {what}"
                    ));
                }
            }
        }
        Ok(Cluster {
            version,
            gates,
            kubelet,
            warnings,
        })
    }
}

/// Why the cluster would not start, in its components' words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClusterError {
    Gates(Vec<GateError>),
    Kubelet(ConfigError),
}

impl std::fmt::Display for ClusterError {
    /// As the kubelet reports it: one error as is, several as `[a, b]`
    /// (apimachinery `utilerrors.NewAggregate`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ClusterError::Gates(errs) if errs.len() == 1 => write!(f, "{}", errs[0]),
            ClusterError::Gates(errs) => {
                let all: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
                write!(f, "[{}]", all.join(", "))
            }
            ClusterError::Kubelet(e) => write!(f, "{e}"),
        }
    }
}

/// A cluster podsim runs a Pod on: checked, small, `Copy`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub version: KubeVersion,
    pub gates: GateSet,
    pub kubelet: KubeletSettings,
    /// What the components log at start-up without stopping (an ignored setting, a gate
    /// podsim does not simulate).
    pub warnings: Vec<String>,
}

impl Default for Cluster {
    /// The newest version, every gate and setting at its default.
    fn default() -> Self {
        Cluster::of(KubeVersion::NEWEST)
    }
}

impl Cluster {
    /// Version `v` with its default gates and kubelet settings.
    pub fn of(version: KubeVersion) -> Self {
        ClusterSpec {
            kubernetes: Some(version),
            ..Default::default()
        }
        .resolve()
        .unwrap_or(Cluster {
            version,
            gates: GateSet::defaults(version),
            kubelet: KubeletSettings {
                max_container_restart_period: None,
            },
            warnings: Vec::new(),
        })
    }

    /// Whether `gate` is on.
    pub fn enabled(&self, gate: Gate) -> bool {
        self.gates.contains(gate)
    }

    /// The crash-loop back-off's first step and cap.
    pub fn crash_loop_backoff(&self) -> (Millis, Millis) {
        kubelet_config::crash_loop_backoff(self.gates, &self.kubelet)
    }

    /// At least version `v`.
    pub fn at_least(&self, v: KubeVersion) -> bool {
        self.version >= v
    }
}

/// Go's `%v` of a float64 (`strconv.FormatFloat(f, 'g', -1, 64)`): `0.5`, `301`, `1e+06`.
pub fn go_float(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    // Rust's `{:e}` is the shortest round-tripping form, as Go's precision -1.
    let sci = format!("{:e}", v.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if v < 0.0 { "-" } else { "" };
    if !(-4..6).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{frac}e{esign}{:02}", exp.abs());
    }
    let point = exp + 1; // digits before the decimal point
    let text = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(yaml: &str) -> ClusterSpec {
        crate::yaml::from_yaml_str(yaml).expect("a cluster spec")
    }

    #[test]
    fn go_floats() {
        for (v, s) in [
            (0.5, "0.5"),
            (301.0, "301"),
            (1.0, "1"),
            (0.001, "0.001"),
            (0.00001, "1e-05"),
            (100000.0, "100000"),
            (1e6, "1e+06"),
            (1234567.0, "1.234567e+06"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(go_float(v), s, "{v}");
        }
    }

    #[test]
    fn the_default_cluster_is_the_newest_version() {
        let c = ClusterSpec::default().resolve().unwrap();
        assert_eq!(c.version, KubeVersion::V1_37);
        assert_eq!(c, Cluster::default());
        assert!(c.warnings.is_empty());
    }

    /// pkg/kubelet/kubelet.go `newCrashLoopBackOff` with v1beta1 defaults.go (period 300 s
    /// when KubeletCrashLoopBackOffMax is on and unset).
    #[test]
    fn the_back_off_curve_per_version_and_settings() {
        let curve = |yaml: &str| spec(yaml).resolve().unwrap().crash_loop_backoff();
        assert_eq!(curve("kubernetes: '1.31'"), (10_000, 300_000));
        assert_eq!(curve("kubernetes: '1.34'"), (10_000, 300_000));
        assert_eq!(curve("{}"), (10_000, 300_000));
        assert_eq!(
            curve("{kubernetes: '1.34', featureGates: {ReduceDefaultCrashLoopBackOffDecay: true}}"),
            (1_000, 60_000)
        );
        // 1.35+: the Max gate is on, so the defaulted 300 s period wins over Reduce's 60 s.
        assert_eq!(
            curve("{featureGates: {ReduceDefaultCrashLoopBackOffDecay: true}}"),
            (1_000, 300_000)
        );
        assert_eq!(
            curve("{kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 30s}}}"),
            (10_000, 30_000)
        );
        assert_eq!(
            curve("{kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 5s}}}"),
            (5_000, 5_000)
        );
        assert_eq!(
            curve("{featureGates: {ReduceDefaultCrashLoopBackOffDecay: true}, kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 30s}}}"),
            (1_000, 30_000)
        );
        assert_eq!(
            curve("{kubernetes: '1.33', featureGates: {KubeletCrashLoopBackOffMax: true}, kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 1m}}}"),
            (10_000, 60_000)
        );
    }

    /// pkg/kubelet/apis/config/validation/validation.go: the period is 1 s … 300 s and needs
    /// its gate; k8s.io/kubelet v0.31.0 has no crashLoopBackOff field (lenient decoding).
    #[test]
    fn kubelet_settings_are_checked_as_the_kubelet_checks_them() {
        let err = |yaml: &str| spec(yaml).resolve().unwrap_err().to_string();
        assert_eq!(
            err("{kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 301s}}}"),
            "invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: 301 seconds) must be set between 1s and 300s"
        );
        assert_eq!(
            err("{kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 500ms}}}"),
            "invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: 0.5 seconds) must be set between 1s and 300s"
        );
        assert_eq!(
            err("{kubernetes: '1.34', kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 30s}}}"),
            "invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set"
        );
        let c = spec(
            "{kubernetes: '1.31', kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 30s}}}",
        )
        .resolve()
        .unwrap();
        assert_eq!(c.crash_loop_backoff(), (10_000, 300_000));
        assert_eq!(
            c.warnings,
            ["using lenient decoding as strict decoding failed: strict decoding error: unknown field \"crashLoopBackOff\""]
        );
        assert_eq!(
            err("{featureGates: {SidecarContainers: false, Nope: true}}"),
            "unrecognized feature gate: Nope"
        );
        // Several refusals at once, as utilerrors.NewAggregate prints them.
        assert_eq!(
            err("{kubernetes: '1.34', featureGates: {PodLifecycleSleepAction: false, SidecarContainers: false}}"),
            "[cannot set feature gate PodLifecycleSleepAction to false, feature is locked to true, cannot set feature gate SidecarContainers to false, feature is locked to true]"
        );
    }

    #[test]
    fn an_unsimulated_gate_is_accepted_with_a_warning() {
        let c = spec("{featureGates: {InPlacePodVerticalScaling: true}}")
            .resolve()
            .unwrap();
        assert!(c.warnings[0].starts_with(
            "podsim accepts feature gate InPlacePodVerticalScaling but does not simulate"
        ));
    }
}
