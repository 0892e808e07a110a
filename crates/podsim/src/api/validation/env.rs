//! A container's environment (ValidateEnv, validateEnvVarValueFrom,
//! validateObjectFieldSelector, validateContainerResourceFieldSelector,
//! validateContainerResourceDivisor, validateConfigMapKeySelector, ValidateEnvFrom): names
//! (strict up to 1.31, relaxed from 1.32 with RelaxedEnvironmentVariableValidation), then
//! each source's own errors, then how many sources there are.

use super::names::{
    config_key, dns1123_subdomain, env_var_name, env_var_name_strict, qualified_name,
};
use super::Options;
use crate::api::field_error::{BadValue, FieldError};
use crate::model::{Container, ObjectFieldSelector, ResourceFieldSelector};

/// The downward-API paths env vars may read without a subscript.
const FIELD_PATHS: [&str; 9] = [
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.serviceAccountName",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// Every label `ConvertDownwardAPIFieldLabel` accepts for v1 (pkg/apis/core/pods).
const CONVERTIBLE: [&str; 14] = [
    "metadata.annotations",
    "metadata.labels",
    "metadata.name",
    "metadata.namespace",
    "metadata.uid",
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.serviceAccountName",
    "spec.schedulerName",
    "status.phase",
    "status.hostIP",
    "status.hostIPs",
    "status.podIP",
    "status.podIPs",
];

/// `SplitMaybeSubscriptedPath`: `metadata.labels['app']` → (`metadata.labels`, `app`).
fn split_subscript(p: &str) -> Option<(&str, &str)> {
    let inner = p.strip_suffix("']")?;
    let (path, sub) = inner.split_once("['")?;
    Some((path, sub))
}

fn name_errors(name: &str, opts: &Options) -> Vec<String> {
    if opts.relaxed_env {
        env_var_name(name)
    } else {
        env_var_name_strict(name)
    }
}

fn field_selector(f: &ObjectFieldSelector, path: &str, errs: &mut Vec<FieldError>) {
    let fp = &f.field_path;
    if fp.is_empty() {
        errs.push(FieldError::required(format!("{path}.fieldPath"), ""));
        return;
    }
    // ConvertDownwardAPIFieldLabel
    let converted = match split_subscript(fp) {
        Some(("metadata.annotations" | "metadata.labels", _)) => Ok(()),
        Some(_) => Err(format!("field label does not support subscript: {fp}")),
        None if CONVERTIBLE.contains(&fp.as_str()) || fp == "spec.host" => Ok(()),
        None => Err(format!("field label not supported: {fp}")),
    };
    if let Err(e) = converted {
        errs.push(FieldError::invalid(
            format!("{path}.fieldPath"),
            BadValue::Str(fp.clone()),
            format!("error converting fieldPath: {e}"),
        ));
        return;
    }
    match split_subscript(fp) {
        Some(("metadata.annotations", sub)) => {
            for m in qualified_name(&sub.to_lowercase()) {
                errs.push(FieldError::invalid(
                    path,
                    BadValue::Str(sub.to_lowercase()),
                    m,
                ));
            }
        }
        Some((_, sub)) => {
            for m in qualified_name(sub) {
                errs.push(FieldError::invalid(path, BadValue::Str(sub.into()), m));
            }
        }
        None => {
            let p = if fp == "spec.host" {
                "spec.nodeName"
            } else {
                fp
            };
            if !FIELD_PATHS.contains(&p) {
                errs.push(FieldError::not_supported(
                    format!("{path}.fieldPath"),
                    BadValue::Str(p.into()),
                    &FIELD_PATHS,
                ));
            }
        }
    }
}

/// The resources a resourceFieldRef may read, sorted as `sets.List` prints them.
const RESOURCES: [&str; 6] = [
    "limits.cpu",
    "limits.ephemeral-storage",
    "limits.memory",
    "requests.cpu",
    "requests.ephemeral-storage",
    "requests.memory",
];

fn resource_selector(r: &ResourceFieldSelector, path: &str, errs: &mut Vec<FieldError>) {
    let res = r.resource.as_str();
    if res.is_empty() {
        errs.push(FieldError::required(format!("{path}.resource"), ""));
    } else if !RESOURCES.contains(&res)
        && !res.starts_with("requests.hugepages-")
        && !res.starts_with("limits.hugepages-")
    {
        errs.push(FieldError::not_supported(
            format!("{path}.resource"),
            BadValue::Str(res.into()),
            &RESOURCES,
        ));
    }
    // validateContainerResourceDivisor: the bad value printed is the resource's name.
    let Some(divisor) = &r.divisor else { return };
    if divisor.milli_value() == Some(0) {
        return;
    }
    let canonical = super::resources::canonical(divisor);
    const MEMORY: [&str; 13] = [
        "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei",
    ];
    let all = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";
    let bad = |what: String, errs: &mut Vec<FieldError>| {
        errs.push(FieldError::invalid(
            format!("{path}.divisor"),
            BadValue::Str(res.into()),
            what,
        ))
    };
    match res {
        "limits.cpu" | "requests.cpu" if !["1m", "1"].contains(&canonical.as_str()) => bad(
            "only divisor's values 1m and 1 are supported with the cpu resource".into(),
            errs,
        ),
        "limits.memory" | "requests.memory" if !MEMORY.contains(&canonical.as_str()) => bad(
            format!("only divisor's values {all} are supported with the memory resource"),
            errs,
        ),
        "limits.ephemeral-storage" | "requests.ephemeral-storage"
            if !MEMORY.contains(&canonical.as_str()) =>
        {
            bad(
                format!(
                    "only divisor's values {all} are supported with the local ephemeral storage resource"
                ),
                errs,
            )
        }
        _ => {}
    }
}

pub fn env(c: &Container, path: &str, opts: &Options, errs: &mut Vec<FieldError>) {
    for (i, e) in c.env.iter().enumerate() {
        let ip = format!("{path}.env[{i}]");
        if e.name.is_empty() {
            errs.push(FieldError::required(format!("{ip}.name"), ""));
        } else {
            for m in name_errors(&e.name, opts) {
                errs.push(FieldError::invalid(
                    format!("{ip}.name"),
                    BadValue::Str(e.name.clone()),
                    m,
                ));
            }
        }
        let Some(src) = &e.value_from else { continue };
        let vp = format!("{ip}.valueFrom");
        let mut n = 0;
        if let Some(f) = &src.field_ref {
            n += 1;
            field_selector(f, &format!("{vp}.fieldRef"), errs);
        }
        if let Some(r) = &src.resource_field_ref {
            n += 1;
            resource_selector(r, &format!("{vp}.resourceFieldRef"), errs);
        }
        if let Some(k) = &src.config_map_key_ref {
            n += 1;
            let kp = format!("{vp}.configMapKeyRef");
            // ValidateSecretName (a DNS subdomain) reports an empty name as invalid.
            for m in dns1123_subdomain(&k.name) {
                errs.push(FieldError::invalid(
                    format!("{kp}.name"),
                    BadValue::Str(k.name.clone()),
                    m,
                ));
            }
            if k.key.is_empty() {
                errs.push(FieldError::required(format!("{kp}.key"), ""));
            } else {
                for m in config_key(&k.key) {
                    errs.push(FieldError::invalid(
                        format!("{kp}.key"),
                        BadValue::Str(k.key.clone()),
                        m,
                    ));
                }
            }
        }
        if n == 0 {
            errs.push(FieldError::invalid(&vp, BadValue::Str(String::new()), "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
        } else if e.value.as_deref().is_some_and(|v| !v.is_empty()) {
            errs.push(FieldError::invalid(
                &vp,
                BadValue::Str(String::new()),
                "may not be specified when `value` is not empty",
            ));
        } else if n > 1 {
            errs.push(FieldError::invalid(
                &vp,
                BadValue::Str(String::new()),
                "may not have more than one field specified at a time",
            ));
        }
    }
    for (i, e) in c.env_from.iter().enumerate() {
        let ip = format!("{path}.envFrom[{i}]");
        if let Some(prefix) = e.prefix.as_deref().filter(|p| !p.is_empty()) {
            for m in name_errors(prefix, opts) {
                errs.push(FieldError::invalid(
                    format!("{ip}.prefix"),
                    BadValue::Str(prefix.into()),
                    m,
                ));
            }
        }
        match &e.config_map_ref {
            Some(r) if r.name.is_empty() => {
                errs.push(FieldError::required(format!("{ip}.configMapRef.name"), ""))
            }
            Some(r) => {
                // ValidateConfigMapName(name, prefix=true): a trailing '-' is allowed.
                for m in dns1123_subdomain(&format!("{}a", r.name.trim_end_matches('-'))) {
                    errs.push(FieldError::invalid(
                        format!("{ip}.configMapRef.name"),
                        BadValue::Str(r.name.clone()),
                        m,
                    ));
                }
            }
            // Reported on the list, not the entry.
            None => errs.push(FieldError::invalid(
                format!("{path}.envFrom"),
                BadValue::Str(String::new()),
                "must specify one of: `configMapRef` or `secretRef`",
            )),
        }
    }
}
