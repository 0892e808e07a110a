//! Feature gates, as each Kubernetes version ships them: for every gate that concerns a Pod,
//! its stage and default per version, whether it is locked to its default, and which gates it
//! depends on — from `pkg/features/kube_features.go` (versioned specs up to 1.35) and the
//! "Feature gates in Kubernetes v1.37" page for 1.36 and 1.37 (docs/versions.md §1).
//!
//! Setting gates follows component-base `featuregate.SetFromMap`: an unknown name is
//! `unrecognized feature gate: NAME`; a locked gate set to its other value is `cannot set
//! feature gate NAME to false, feature is locked to true`; from 1.35 an enabled gate whose
//! dependencies are off is `NAME is enabled, but depends on features that are disabled: [DEP]`.

use super::version::KubeVersion;
use std::collections::BTreeMap;

/// A feature gate podsim knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Gate {
    SidecarContainers,
    PodReadyToStartContainersCondition,
    ReduceDefaultCrashLoopBackOffDecay,
    KubeletCrashLoopBackOffMax,
    ContainerRestartRules,
    RestartAllContainersOnContainerExits,
    NodeDeclaredFeatures,
    PodLifecycleSleepAction,
    PodLifecycleSleepActionAllowZero,
    RelaxedEnvironmentVariableValidation,
    KubeletEnsureSecretPulledImages,
    PodObservedGenerationTracking,
    ContainerStopSignals,
    InPlacePodVerticalScaling,
    PodLevelResources,
    EnvFiles,
    HostnameOverride,
}

/// A gate's maturity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Alpha,
    Beta,
    Ga,
}

impl Stage {
    /// As the feature-gate tables print it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Alpha => "Alpha",
            Stage::Beta => "Beta",
            Stage::Ga => "GA",
        }
    }
}

/// A gate at one version: its stage, its default, and whether it is locked to that default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateSpec {
    pub stage: Stage,
    pub default: bool,
    pub locked: bool,
}

/// Does podsim simulate what the gate changes?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Simulated {
    Yes,
    /// Accepted as a kubelet accepts it, but what it changes is not simulated: the
    /// text says what podsim leaves out.
    No(&'static str),
}

/// What podsim knows about one gate.
#[derive(Debug)]
pub struct GateInfo {
    pub gate: Gate,
    pub name: &'static str,
    /// Per version, oldest first (`KubeVersion::ALL`); None where the gate does not exist.
    pub specs: [Option<GateSpec>; 7],
    /// Gates it depends on (checked from 1.35, when component-base started checking).
    pub depends_on: &'static [Gate],
    pub simulated: Simulated,
}

const NO: Option<GateSpec> = None;
const A: Option<GateSpec> = Some(GateSpec {
    stage: Stage::Alpha,
    default: false,
    locked: false,
});
const B: Option<GateSpec> = Some(GateSpec {
    stage: Stage::Beta,
    default: true,
    locked: false,
});
/// GA, locked to true (the usual spec of a GA gate until it is removed).
const GA: Option<GateSpec> = Some(GateSpec {
    stage: Stage::Ga,
    default: true,
    locked: true,
});

/// Every gate podsim knows, by name.
pub static GATES: &[GateInfo] = &[
    GateInfo {
        gate: Gate::SidecarContainers,
        name: "SidecarContainers",
        // β 1.29–1.32, GA locked 1.33 ("remove in 1.36", still listed on the 1.37 page).
        specs: [B, B, GA, GA, GA, GA, GA],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::PodReadyToStartContainersCondition,
        name: "PodReadyToStartContainersCondition",
        // β 1.29–1.36, Stable on the 1.37 page (its lock inferred).
        specs: [B, B, B, B, B, B, GA],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::ReduceDefaultCrashLoopBackOffDecay,
        name: "ReduceDefaultCrashLoopBackOffDecay",
        specs: [NO, NO, A, A, A, A, A],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::KubeletCrashLoopBackOffMax,
        name: "KubeletCrashLoopBackOffMax",
        specs: [NO, A, A, A, B, B, B],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::ContainerRestartRules,
        name: "ContainerRestartRules",
        specs: [NO, NO, NO, A, B, B, B],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::RestartAllContainersOnContainerExits,
        name: "RestartAllContainersOnContainerExits",
        specs: [NO, NO, NO, NO, A, B, B],
        depends_on: &[Gate::ContainerRestartRules, Gate::NodeDeclaredFeatures],
        simulated: Simulated::No(
            "the RestartAllContainers action of restartPolicyRules (podsim refuses that action)",
        ),
    },
    GateInfo {
        gate: Gate::NodeDeclaredFeatures,
        name: "NodeDeclaredFeatures",
        // α 1.35; on by default from 1.36, when RestartAllContainersOnContainerExits (which
        // depends on it) became beta and on (inferred: a default-on gate cannot depend on a
        // default-off one).
        specs: [NO, NO, NO, NO, A, B, B],
        depends_on: &[],
        simulated: Simulated::No("the features a node declares to the scheduler"),
    },
    GateInfo {
        gate: Gate::PodLifecycleSleepAction,
        name: "PodLifecycleSleepAction",
        specs: [B, B, B, GA, GA, GA, GA],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::PodLifecycleSleepActionAllowZero,
        name: "PodLifecycleSleepActionAllowZero",
        specs: [NO, A, B, GA, GA, GA, GA],
        depends_on: &[Gate::PodLifecycleSleepAction],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::RelaxedEnvironmentVariableValidation,
        name: "RelaxedEnvironmentVariableValidation",
        specs: [A, B, B, GA, GA, GA, GA],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::KubeletEnsureSecretPulledImages,
        name: "KubeletEnsureSecretPulledImages",
        specs: [NO, NO, A, A, B, B, B],
        depends_on: &[],
        simulated: Simulated::Yes,
    },
    GateInfo {
        gate: Gate::PodObservedGenerationTracking,
        name: "PodObservedGenerationTracking",
        specs: [NO, NO, A, B, GA, GA, GA],
        depends_on: &[],
        simulated: Simulated::No(
            "status.observedGeneration (podsim writes no observedGeneration in any version)",
        ),
    },
    GateInfo {
        gate: Gate::ContainerStopSignals,
        name: "ContainerStopSignals",
        specs: [NO, NO, A, A, A, A, A],
        depends_on: &[],
        simulated: Simulated::No("lifecycle.stopSignal (podsim's Pod has no such field)"),
    },
    GateInfo {
        gate: Gate::InPlacePodVerticalScaling,
        name: "InPlacePodVerticalScaling",
        specs: [A, A, B, B, GA, GA, GA],
        depends_on: &[],
        simulated: Simulated::No("resizing a running Pod's resources"),
    },
    GateInfo {
        gate: Gate::PodLevelResources,
        name: "PodLevelResources",
        specs: [NO, A, A, B, B, B, B],
        depends_on: &[],
        simulated: Simulated::No("spec.resources (podsim's Pod has no such field)"),
    },
    GateInfo {
        gate: Gate::EnvFiles,
        name: "EnvFiles",
        specs: [NO, NO, NO, A, B, B, B],
        depends_on: &[],
        simulated: Simulated::No("env[].valueFrom.fileKeyRef (podsim's Pod has no such field)"),
    },
    GateInfo {
        gate: Gate::HostnameOverride,
        name: "HostnameOverride",
        specs: [NO, NO, NO, A, B, B, GA],
        depends_on: &[],
        simulated: Simulated::No("spec.hostnameOverride (podsim's Pod has no such field)"),
    },
];

impl Gate {
    /// What podsim knows about this gate.
    pub fn info(self) -> &'static GateInfo {
        // GATES lists every gate once, in declaration order (tested).
        &GATES[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The gate's spec at `v`, None where it does not exist.
    pub fn spec(self, v: KubeVersion) -> Option<GateSpec> {
        self.info().specs[v.index()]
    }

    /// The gate named `name` (exact, as the kubelet compares), if podsim knows it.
    pub fn parse(name: &str) -> Option<Gate> {
        GATES.iter().find(|g| g.name == name).map(|g| g.gate)
    }
}

impl std::fmt::Display for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which gates are on: a set, small and `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct GateSet(u32);

impl GateSet {
    /// Every gate at its default for version `v`.
    pub fn defaults(v: KubeVersion) -> Self {
        let mut set = GateSet(0);
        for g in GATES {
            if g.specs[v.index()].is_some_and(|s| s.default) {
                set.insert(g.gate);
            }
        }
        set
    }

    pub fn contains(self, g: Gate) -> bool {
        self.0 & (1 << g as u32) != 0
    }

    fn insert(&mut self, g: Gate) {
        self.0 |= 1 << g as u32;
    }

    fn remove(&mut self, g: Gate) {
        self.0 &= !(1 << g as u32);
    }

    fn set(&mut self, g: Gate, on: bool) {
        if on {
            self.insert(g)
        } else {
            self.remove(g)
        }
    }
}

/// Why a set of gates was refused, in the kubelet's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateError {
    /// `unrecognized feature gate: NAME`
    Unrecognized(String),
    /// `cannot set feature gate NAME to false, feature is locked to true`
    Locked { gate: Gate, value: bool },
    /// `NAME is enabled, but depends on features that are disabled: [A B]`
    Dependencies { gate: Gate, disabled: Vec<Gate> },
    /// `--feature-gates` syntax: `missing bool value for NAME`.
    MissingValue(String),
    /// `--feature-gates` syntax: `invalid value of NAME=VALUE, err: strconv.ParseBool: parsing "VALUE": invalid syntax`.
    InvalidValue { name: String, value: String },
}

impl std::fmt::Display for GateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GateError::Unrecognized(name) => write!(f, "unrecognized feature gate: {name}"),
            GateError::Locked { gate, value } => write!(
                f,
                "cannot set feature gate {gate} to {value}, feature is locked to {}",
                !value
            ),
            GateError::Dependencies { gate, disabled } => {
                let names: Vec<&str> = disabled.iter().map(|g| g.name()).collect();
                write!(
                    f,
                    "{gate} is enabled, but depends on features that are disabled: [{}]",
                    names.join(" ")
                )
            }
            GateError::MissingValue(name) => write!(f, "missing bool value for {name}"),
            GateError::InvalidValue { name, value } => write!(
                f,
                "invalid value of {name}={value}, err: strconv.ParseBool: parsing {value:?}: invalid syntax"
            ),
        }
    }
}

/// Go's `strconv.ParseBool`.
fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Read a `--feature-gates` value: `A=true,B=false` (featuregate `Set`).
pub fn parse_flag(value: &str) -> Result<BTreeMap<String, bool>, GateError> {
    let mut out = BTreeMap::new();
    for item in value.split(',').filter(|s| !s.is_empty()) {
        let (k, v) = match item.split_once('=') {
            Some((k, v)) => (k.trim(), v.trim()),
            None => return Err(GateError::MissingValue(item.trim().to_string())),
        };
        let b = parse_bool(v).ok_or_else(|| GateError::InvalidValue {
            name: k.to_string(),
            value: v.to_string(),
        })?;
        out.insert(k.to_string(), b);
    }
    Ok(out)
}

/// The gates of version `v` with `overrides` applied (`SetFromMap`). Names are taken in
/// sorted order (a kubelet takes them in Go's random map order; the first unknown name
/// stops it either way).
pub fn resolve(
    v: KubeVersion,
    overrides: &BTreeMap<String, bool>,
) -> Result<GateSet, Vec<GateError>> {
    let mut set = GateSet::defaults(v);
    let mut errs = Vec::new();
    for (name, &value) in overrides {
        let Some((gate, spec)) = Gate::parse(name).and_then(|g| Some((g, g.spec(v)?))) else {
            // Early return on an unknown feature, as upstream does.
            errs.push(GateError::Unrecognized(name.clone()));
            return Err(errs);
        };
        if spec.locked && spec.default != value {
            errs.push(GateError::Locked { gate, value });
            continue;
        }
        set.set(gate, value);
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    if v >= KubeVersion::V1_35 {
        for g in GATES {
            if !set.contains(g.gate) {
                continue;
            }
            let disabled: Vec<Gate> = g
                .depends_on
                .iter()
                .copied()
                .filter(|d| !set.contains(*d))
                .collect();
            if !disabled.is_empty() {
                errs.push(GateError::Dependencies {
                    gate: g.gate,
                    disabled,
                });
            }
        }
    }
    if errs.is_empty() {
        Ok(set)
    } else {
        Err(errs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KubeVersion::*;

    fn gates(pairs: &[(&str, bool)]) -> BTreeMap<String, bool> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn the_table_lists_every_gate_once_in_order() {
        for (i, g) in GATES.iter().enumerate() {
            assert_eq!(g.gate as usize, i, "{}", g.name);
            assert_eq!(format!("{:?}", g.gate), g.name);
            assert_eq!(Gate::parse(g.name), Some(g.gate));
        }
        assert!(GATES.len() <= 32, "GateSet is a u32");
    }

    /// kube_features.go (1.35 specs): KubeletCrashLoopBackOffMax α 1.32, β 1.35;
    /// ReduceDefaultCrashLoopBackOffDecay α 1.33; SidecarContainers GA and locked in 1.33.
    #[test]
    fn defaults_follow_the_versioned_specs() {
        let on = |v, g| GateSet::defaults(v).contains(g);
        assert!(!on(V1_34, Gate::KubeletCrashLoopBackOffMax));
        assert!(on(V1_35, Gate::KubeletCrashLoopBackOffMax));
        assert!(!on(V1_37, Gate::ReduceDefaultCrashLoopBackOffDecay));
        assert!(on(V1_31, Gate::SidecarContainers));
        assert!(!on(V1_34, Gate::ContainerRestartRules));
        assert!(on(V1_35, Gate::ContainerRestartRules));
        assert!(!on(V1_31, Gate::RelaxedEnvironmentVariableValidation));
        assert!(on(V1_32, Gate::RelaxedEnvironmentVariableValidation));
        assert_eq!(Gate::ReduceDefaultCrashLoopBackOffDecay.spec(V1_32), None);
        assert_eq!(
            Gate::SidecarContainers.spec(V1_33),
            Some(GateSpec {
                stage: Stage::Ga,
                default: true,
                locked: true
            })
        );
    }

    /// component-base featuregate `unsafeSetFromMap`, same text at v0.31.0 … v0.37.0-beta.0.
    #[test]
    fn refusals_in_the_kubelets_words() {
        let err = |v, pairs: &[(&str, bool)]| {
            resolve(v, &gates(pairs))
                .unwrap_err()
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            err(V1_37, &[("SidecarContainer", true)]),
            ["unrecognized feature gate: SidecarContainer"]
        );
        // A gate that does not exist yet in that version is unknown there.
        assert_eq!(
            err(V1_32, &[("ReduceDefaultCrashLoopBackOffDecay", true)]),
            ["unrecognized feature gate: ReduceDefaultCrashLoopBackOffDecay"]
        );
        assert_eq!(
            err(V1_33, &[("SidecarContainers", false)]),
            ["cannot set feature gate SidecarContainers to false, feature is locked to true"]
        );
        // From 1.35 a gate whose dependencies are off is refused.
        assert_eq!(
            err(V1_35, &[("RestartAllContainersOnContainerExits", true)]),
            ["RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: [NodeDeclaredFeatures]"]
        );
        assert_eq!(
            err(V1_36, &[("ContainerRestartRules", false)]),
            ["RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: [ContainerRestartRules]"]
        );
    }

    #[test]
    fn accepted_settings_change_the_set() {
        let set = resolve(V1_31, &gates(&[("SidecarContainers", false)])).unwrap();
        assert!(!set.contains(Gate::SidecarContainers));
        // Setting a locked gate to its locked value is allowed.
        let set = resolve(V1_34, &gates(&[("SidecarContainers", true)])).unwrap();
        assert!(set.contains(Gate::SidecarContainers));
        let set = resolve(
            V1_33,
            &gates(&[("ReduceDefaultCrashLoopBackOffDecay", true)]),
        )
        .unwrap();
        assert!(set.contains(Gate::ReduceDefaultCrashLoopBackOffDecay));
    }

    /// featuregate `Set`: `missing bool value for %s`, `invalid value of %s=%s, err: %v`.
    #[test]
    fn the_flag_syntax() {
        assert_eq!(
            parse_flag("A=true, B=false,,C=1").unwrap(),
            gates(&[("A", true), ("B", false), ("C", true)])
        );
        assert_eq!(
            parse_flag("A").unwrap_err().to_string(),
            "missing bool value for A"
        );
        assert_eq!(
            parse_flag("A=yes").unwrap_err().to_string(),
            "invalid value of A=yes, err: strconv.ParseBool: parsing \"yes\": invalid syntax"
        );
    }
}
