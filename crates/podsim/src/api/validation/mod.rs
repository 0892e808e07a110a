//! Validation with the apiserver's field paths and words (pkg/apis/core/validation):
//! `meta` (names, labels), `spec` (the pod spec, in the apiserver's order), `containers`,
//! `probes` (probes and lifecycle hooks), `volumes`, `tolerations`, `objects` (Service,
//! ConfigMap), `names` (the syntax rules and their messages) and `warnings`.

pub mod containers;
pub mod meta;
pub mod names;
pub mod objects;
pub mod probes;
pub mod spec;
pub mod tolerations;
pub mod volumes;
pub mod warnings;

use super::field_error::FieldError;
use crate::model::Pod;

/// Every error the apiserver reports for creating this (defaulted) pod, in its order.
pub fn validate_pod(pod: &Pod) -> Vec<FieldError> {
    let mut errs = Vec::new();
    meta::object_meta(&pod.metadata, names::dns1123_subdomain, &mut errs);
    spec::pod_spec(&pod.spec, &mut errs);
    errs
}
