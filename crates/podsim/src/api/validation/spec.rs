//! The pod spec as a whole (ValidatePodSpec), in the apiserver's order: volumes, containers,
//! init containers, restartPolicy, dnsPolicy, nodeSelector, serviceAccountName, nodeName,
//! activeDeadlineSeconds, hostname, subdomain, tolerations, priorityClassName — then the
//! pod-only checks (validateContainersOnlyForPod: no whitespace around an image).
//! A negative terminationGracePeriodSeconds is no error: a warning (warnings.rs).

use super::names::{dns1123_label, dns1123_subdomain, inclusive_range};
use super::{containers, meta, tolerations, volumes, Options};
use crate::api::field_error::{BadValue, FieldError};
use crate::model::{Container, PodSpec, RestartPolicy};

pub fn pod_spec(spec: &PodSpec, opts: &Options, errs: &mut Vec<FieldError>) {
    if spec.termination_grace_period_seconds.is_none() {
        errs.push(FieldError::required(
            "spec.terminationGracePeriodSeconds",
            "",
        ));
    }
    let grace = spec.termination_grace_period_seconds;
    let valid_volumes = volumes::volumes(&spec.volumes, errs);
    containers::app_containers(&spec.containers, &valid_volumes, grace, opts, errs);
    containers::init_containers(
        &spec.init_containers,
        &spec.containers,
        &valid_volumes,
        grace,
        opts,
        errs,
    );
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
    let subdomain_field = |value: Option<&str>, path: &str, errs: &mut Vec<FieldError>| {
        if let Some(v) = value.filter(|s| !s.is_empty()) {
            for m in dns1123_subdomain(v) {
                errs.push(FieldError::invalid(path, BadValue::Str(v.into()), m));
            }
        }
    };
    subdomain_field(
        spec.service_account_name.as_deref(),
        "spec.serviceAccountName",
        errs,
    );
    subdomain_field(spec.node_name.as_deref(), "spec.nodeName", errs);
    if let Some(a) = spec.active_deadline_seconds {
        if !(1..=i32::MAX as i64).contains(&a) {
            errs.push(FieldError::invalid(
                "spec.activeDeadlineSeconds",
                BadValue::Int(a),
                inclusive_range(1, i32::MAX as i64),
            ));
        }
    }
    let label_field = |value: Option<&str>, path: &str, errs: &mut Vec<FieldError>| {
        if let Some(v) = value.filter(|s| !s.is_empty()) {
            for m in dns1123_label(v) {
                errs.push(FieldError::invalid(path, BadValue::Str(v.into()), m));
            }
        }
    };
    label_field(spec.hostname.as_deref(), "spec.hostname", errs);
    label_field(spec.subdomain.as_deref(), "spec.subdomain", errs);
    tolerations::tolerations(&spec.tolerations, opts.version, errs);
    subdomain_field(
        spec.priority_class_name.as_deref(),
        "spec.priorityClassName",
        errs,
    );
    // validateContainersOnlyForPod: checked on a Pod, not on a pod template.
    only_for_pod(&spec.containers, "spec.containers", errs);
    only_for_pod(&spec.init_containers, "spec.initContainers", errs);
}

fn only_for_pod(containers: &[Container], path: &str, errs: &mut Vec<FieldError>) {
    for (i, c) in containers.iter().enumerate() {
        let image = c.image();
        if image.len() != image.trim().len() {
            errs.push(FieldError::invalid(
                format!("{path}[{i}].image"),
                BadValue::Str(image.into()),
                "must not have leading or trailing whitespace",
            ));
        }
    }
}
