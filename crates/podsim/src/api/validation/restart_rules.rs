//! A container's own `restartPolicy` and its `restartPolicyRules` (KEP-5307), as the
//! apiserver validates them once ContainerRestartRules is on (1.34 alpha, 1.35 beta):
//! `validateContainerRestartPolicy` (PR #132642). With the gate off the apiserver drops both
//! fields before validation (`dropContainerRestartRules`, api/disabled_fields.rs); up to 1.33
//! `restartPolicyRules` is an unknown field and a regular container's `restartPolicy` is
//! Forbidden (containers.rs).
//!
//! The messages of the operator, action, exitCodes and list sizes are from the PR and
//! #137136 (1.36 turned the two "Too long … bytes" into "Too many … items"); the one for rules
//! without a container restartPolicy was not found upstream (docs/validation-audit.md).

use super::Options;
use crate::api::field_error::{BadValue, ErrorType, FieldError};
use crate::cluster::KubeVersion;
use crate::model::{Container, RestartPolicy};

/// Too many items in a list: `Too long: may not be more than N bytes` up to 1.35 (the
/// apiserver used field.TooLong), `Too many: COUNT: must have at most N items` from 1.36.
fn too_many(path: String, count: usize, max: usize, v: KubeVersion) -> FieldError {
    if v >= KubeVersion::V1_36 {
        FieldError {
            path,
            kind: ErrorType::TooMany(BadValue::Int(count as i64)),
            detail: format!("must have at most {max} items"),
            locate: None,
        }
    } else {
        FieldError {
            path,
            kind: ErrorType::TooLong,
            detail: format!("may not be more than {max} bytes"),
            locate: None,
        }
    }
}

/// `validateContainerRestartPolicy` for container `c` at `path` (gate on). `sidecar_allowed`:
/// an init container (whose restartPolicy Always makes it a sidecar).
pub fn validate(c: &Container, path: &str, opts: &Options, errs: &mut Vec<FieldError>) {
    let pp = format!("{path}.restartPolicy");
    match c.restart_policy.as_deref() {
        Some(p) if RestartPolicy::parse(p).is_some() => {}
        Some(p) => errs.push(FieldError::not_supported(
            &pp,
            BadValue::Str(p.into()),
            RestartPolicy::NAMES,
        )),
        None if !c.restart_policy_rules.is_empty() => errs.push(FieldError::required(
            &pp,
            "must be specified when restartPolicyRules are specified",
        )),
        None => {}
    }
    let rules = &c.restart_policy_rules;
    let rp = format!("{path}.restartPolicyRules");
    if rules.len() > 20 {
        errs.push(too_many(rp.clone(), rules.len(), 20, opts.version));
    }
    let actions: &[&str] = if opts.restart_all {
        &["Restart", "RestartAllContainers"]
    } else {
        &["Restart"]
    };
    for (i, rule) in rules.iter().enumerate() {
        let ip = format!("{rp}[{i}]");
        if !actions.contains(&rule.action.as_str()) {
            errs.push(FieldError::not_supported(
                format!("{ip}.action"),
                BadValue::Str(rule.action.clone()),
                actions,
            ));
        }
        match &rule.exit_codes {
            Some(e) => {
                let ep = format!("{ip}.exitCodes");
                if !matches!(e.operator.as_str(), "In" | "NotIn") {
                    errs.push(FieldError::not_supported(
                        format!("{ep}.operator"),
                        BadValue::Str(e.operator.clone()),
                        &["In", "NotIn"],
                    ));
                }
                if e.values.len() > 255 {
                    errs.push(too_many(
                        format!("{ep}.values"),
                        e.values.len(),
                        255,
                        opts.version,
                    ));
                }
            }
            None => errs.push(FieldError::required(
                format!("{ip}.exitCodes"),
                "must be specified",
            )),
        }
    }
}
