//! The pod spec as a whole (ValidatePodSpec), in the apiserver's order: volumes, containers,
//! init containers, restartPolicy, dnsPolicy, nodeSelector, names, activeDeadlineSeconds,
//! hostname, tolerations, termination grace.

use super::names::{dns1123_label, dns1123_subdomain, inclusive_range};
use super::{containers, meta, tolerations, volumes};
use crate::api::field_error::{BadValue, FieldError};
use crate::model::{PodSpec, RestartPolicy};

pub fn pod_spec(spec: &PodSpec, errs: &mut Vec<FieldError>) {
    volumes::volumes(&spec.volumes, errs);
    containers::app_containers(&spec.containers, &spec.volumes, errs);
    containers::init_containers(&spec.init_containers, &spec.containers, &spec.volumes, errs);
    match spec.restart_policy.as_deref() {
        None | Some("") => errs.push(FieldError::required("spec.restartPolicy", "")),
        Some(p) if RestartPolicy::parse(p).is_some() => {}
        Some(other) => errs.push(FieldError::not_supported(
            "spec.restartPolicy",
            BadValue::Str(other.into()),
            RestartPolicy::NAMES,
        )),
    }
    match spec.dns_policy.as_deref() {
        Some("ClusterFirstWithHostNet" | "ClusterFirst" | "Default" | "None") => {}
        None | Some("") => errs.push(FieldError::required("spec.dnsPolicy", "")),
        Some(other) => errs.push(FieldError::not_supported(
            "spec.dnsPolicy",
            BadValue::Str(other.into()),
            &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
        )),
    }
    meta::labels(&spec.node_selector, "spec.nodeSelector", errs);
    if let Some(sa) = spec
        .service_account_name
        .as_deref()
        .filter(|s| !s.is_empty())
    {
        for m in dns1123_subdomain(sa) {
            errs.push(FieldError::invalid(
                "spec.serviceAccountName",
                BadValue::Str(sa.into()),
                m,
            ));
        }
    }
    if let Some(n) = spec.node_name.as_deref().filter(|s| !s.is_empty()) {
        for m in dns1123_subdomain(n) {
            errs.push(FieldError::invalid(
                "spec.nodeName",
                BadValue::Str(n.into()),
                m,
            ));
        }
    }
    if let Some(a) = spec.active_deadline_seconds {
        if !(1..=i32::MAX as i64).contains(&a) {
            errs.push(FieldError::invalid(
                "spec.activeDeadlineSeconds",
                BadValue::Int(a),
                inclusive_range(1, i32::MAX as i64),
            ));
        }
    }
    if let Some(h) = spec.hostname.as_deref().filter(|s| !s.is_empty()) {
        for m in dns1123_label(h) {
            errs.push(FieldError::invalid(
                "spec.hostname",
                BadValue::Str(h.into()),
                m,
            ));
        }
    }
    if let Some(s) = spec.subdomain.as_deref().filter(|s| !s.is_empty()) {
        for m in dns1123_label(s) {
            errs.push(FieldError::invalid(
                "spec.subdomain",
                BadValue::Str(s.into()),
                m,
            ));
        }
    }
    tolerations::tolerations(&spec.tolerations, errs);
    if let Some(g) = spec.termination_grace_period_seconds {
        if g < 0 {
            errs.push(FieldError::invalid(
                "spec.terminationGracePeriodSeconds",
                BadValue::Int(g),
                "must be greater than or equal to 0",
            ));
        }
    }
}
