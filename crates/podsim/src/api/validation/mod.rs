//! Validation with the apiserver's field paths and words (pkg/apis/core/validation), as the
//! chosen Kubernetes version's apiserver validates, with its feature gates
//! ([`Options`], PodValidationOptions): `meta` (names, labels), `spec` (the pod spec, in the
//! apiserver's order), `containers`, `env`, `resources`, `restart_rules` (KEP-5307),
//! `probes` (probes and lifecycle hooks), `volumes`, `tolerations`, `objects` (Service,
//! ConfigMap), `names` (the syntax rules and their messages) and `warnings`.

pub mod containers;
pub mod env;
pub mod meta;
pub mod names;
pub mod objects;
pub mod probes;
pub mod resources;
pub mod restart_rules;
pub mod spec;
pub mod tolerations;
pub mod volumes;
pub mod warnings;

use super::field_error::FieldError;
use crate::cluster::{Cluster, Gate, KubeVersion};
use crate::model::Pod;

/// What the apiserver's validation depends on (`GetValidationOptionsFromPodSpecAndMeta`
/// for a create: the feature gates; and the version, for messages that changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub version: KubeVersion,
    /// AllowPodLifecycleSleepActionZeroValue (gate PodLifecycleSleepActionAllowZero).
    pub sleep_zero: bool,
    /// AllowContainerRestartPolicyRules (gate ContainerRestartRules).
    pub restart_rules: bool,
    /// AllowRestartAllContainers (gate RestartAllContainersOnContainerExits).
    pub restart_all: bool,
    /// AllowRelaxedEnvironmentVariableValidation (gate RelaxedEnvironmentVariableValidation).
    pub relaxed_env: bool,
}

impl Options {
    pub fn of(cluster: &Cluster) -> Self {
        Options {
            version: cluster.version,
            sleep_zero: cluster.enabled(Gate::PodLifecycleSleepActionAllowZero),
            restart_rules: cluster.enabled(Gate::ContainerRestartRules),
            restart_all: cluster.enabled(Gate::RestartAllContainersOnContainerExits),
            relaxed_env: cluster.enabled(Gate::RelaxedEnvironmentVariableValidation),
        }
    }
}

impl Default for Options {
    /// The newest version with its default gates.
    fn default() -> Self {
        Options::of(&Cluster::default())
    }
}

/// Every error the apiserver reports for creating this (defaulted) pod, in its order.
pub fn validate_pod(pod: &Pod, opts: &Options) -> Vec<FieldError> {
    let mut errs = Vec::new();
    meta::object_meta(&pod.metadata, names::dns1123_subdomain, &mut errs);
    spec::pod_spec(&pod.spec, opts, &mut errs);
    errs
}
