//! A container's resources (validateResourceRequirements, validateContainerResourceName,
//! validateResourceName, ValidateResourceQuantityValue): each name is a qualified name, then
//! a standard resource or fully qualified, then one a container may use; each quantity is
//! non-negative (and whole for integer resources); a request is at most its limit — reported
//! on `resources.requests`, not on the key — and equal to it for resources that cannot be
//! overcommitted (hugepages, extended resources), which also need a limit. Quantities are
//! printed in Kubernetes' canonical form (`2`, `500m`, `1Gi`).

use super::names::qualified_name;
use crate::api::field_error::{BadValue, FieldError};
use crate::model::{Container, Quantity};

/// `helper.IsStandardResourceName` (the names without a `/` that need no domain).
fn standard(name: &str) -> bool {
    matches!(
        name,
        "cpu"
            | "memory"
            | "ephemeral-storage"
            | "requests.cpu"
            | "requests.memory"
            | "requests.ephemeral-storage"
            | "limits.cpu"
            | "limits.memory"
            | "limits.ephemeral-storage"
            | "pods"
            | "resourcequotas"
            | "services"
            | "replicationcontrollers"
            | "secrets"
            | "persistentvolumeclaims"
            | "configmaps"
            | "storage"
            | "requests.storage"
            | "services.nodeports"
            | "services.loadbalancers"
    ) || name.starts_with("hugepages-")
        || name.starts_with("requests.hugepages-")
}

/// `helper.IsStandardContainerResourceName`.
fn standard_for_containers(name: &str) -> bool {
    matches!(name, "cpu" | "memory" | "ephemeral-storage") || name.starts_with("hugepages-")
}

/// `helper.IsNativeResource`: no domain, or a kubernetes.io one.
fn native(name: &str) -> bool {
    !name.contains('/') || name.contains("kubernetes.io/")
}

/// `helper.IsExtendedResourceName`: not native, not `requests.…`, and still a qualified name
/// with `requests.` in front (as a quota would name it).
fn extended(name: &str) -> bool {
    !native(name)
        && !name.starts_with("requests.")
        && qualified_name(&format!("requests.{name}")).is_empty()
}

/// `helper.IsOvercommitAllowed`.
fn overcommit_allowed(name: &str) -> bool {
    native(name) && !name.starts_with("hugepages-")
}

/// `validateContainerResourceName`.
fn name_errors(name: &str, path: &str, errs: &mut Vec<FieldError>) {
    let bad = |m: String, errs: &mut Vec<FieldError>| {
        errs.push(FieldError::invalid(path, BadValue::Str(name.into()), m))
    };
    // validateResourceName
    let qualified = qualified_name(name);
    let qualified_ok = qualified.is_empty();
    for m in qualified {
        bad(m, errs);
    }
    if qualified_ok && !name.contains('/') && !standard(name) {
        bad(
            "must be a standard resource type or fully qualified".into(),
            errs,
        );
    }
    if !name.contains('/') {
        if !standard_for_containers(name) {
            bad("must be a standard resource for containers".into(), errs);
        }
    } else if !native(name) && !extended(name) {
        bad(
            "doesn't follow extended resource name standard".into(),
            errs,
        );
    }
}

/// `Quantity.String()`: the canonical form (`2000m` → `2`, `1024Mi` → `1Gi`, `0.5` → `500m`),
/// or the text as written when it is no quantity.
pub fn canonical(q: &Quantity) -> String {
    let Some(milli) = q.milli_value() else {
        return q.0.clone();
    };
    let written = q.0.trim();
    let binary = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
        .iter()
        .any(|s| written.ends_with(s));
    let sign = if milli < 0 { "-" } else { "" };
    let m = milli.abs();
    if binary && m % 1000 == 0 && m / 1000 >= 1024 {
        let mut v = m / 1000;
        let mut i = 0;
        let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
        while v % 1024 == 0 && i + 1 < suffixes.len() {
            v /= 1024;
            i += 1;
        }
        return format!("{sign}{v}{}", suffixes[i]);
    }
    if m % 1000 != 0 {
        return format!("{sign}{m}m");
    }
    let mut v = m / 1000;
    let suffixes = ["", "k", "M", "G", "T", "P", "E"];
    let mut i = 0;
    while v != 0 && v % 1000 == 0 && i + 1 < suffixes.len() {
        v /= 1000;
        i += 1;
    }
    format!("{sign}{v}{}", suffixes[i])
}

/// Integer resources (`helper.IsIntegerResourceName`): the extended ones and the object
/// counts.
fn integer_resource(name: &str) -> bool {
    !native(name)
        || matches!(
            name,
            "pods"
                | "resourcequotas"
                | "services"
                | "replicationcontrollers"
                | "secrets"
                | "configmaps"
                | "persistentvolumeclaims"
        )
}

pub fn resources(c: &Container, path: &str, errs: &mut Vec<FieldError>) {
    let Some(r) = &c.resources else { return };
    let lim_path = format!("{path}.resources.limits");
    let req_path = format!("{path}.resources.requests");
    let quantity = |name: &str, q: &Quantity, p: &str, errs: &mut Vec<FieldError>| {
        let Some(v) = q.milli_value() else { return };
        if v < 0 {
            errs.push(
                FieldError::invalid(
                    format!("{p}[{name}]"),
                    BadValue::Str(canonical(q)),
                    "must be greater than or equal to 0",
                )
                .at(format!("{p}.{name}")),
            );
        }
        if integer_resource(name) && v % 1000 != 0 {
            errs.push(
                FieldError::invalid(
                    format!("{p}[{name}]"),
                    BadValue::Str(canonical(q)),
                    "must be an integer",
                )
                .at(format!("{p}.{name}")),
            );
        }
    };
    for (k, q) in &r.limits {
        let p = format!("{lim_path}[{k}]");
        let mut e = Vec::new();
        name_errors(k, &p, &mut e);
        errs.extend(e.into_iter().map(|e| e.at(format!("{lim_path}.{k}"))));
        quantity(k, q, &lim_path, errs);
    }
    for (k, q) in &r.requests {
        let p = format!("{req_path}[{k}]");
        let mut e = Vec::new();
        name_errors(k, &p, &mut e);
        errs.extend(e.into_iter().map(|e| e.at(format!("{req_path}.{k}"))));
        quantity(k, q, &req_path, errs);
        match r.limits.get(k) {
            Some(lim) => {
                let (Some(a), Some(b)) = (q.milli_value(), lim.milli_value()) else {
                    continue;
                };
                // Reported on `requests` as a whole (reqPath), the request's own line
                // underlined.
                if a != b && !overcommit_allowed(k) {
                    errs.push(
                        FieldError::invalid(
                            &req_path,
                            BadValue::Str(canonical(q)),
                            format!("must be equal to {k} limit of {}", canonical(lim)),
                        )
                        .at(format!("{req_path}.{k}")),
                    );
                } else if a > b {
                    errs.push(
                        FieldError::invalid(
                            &req_path,
                            BadValue::Str(canonical(q)),
                            format!(
                                "must be less than or equal to {k} limit of {}",
                                canonical(lim)
                            ),
                        )
                        .at(format!("{req_path}.{k}")),
                    );
                }
            }
            None if !overcommit_allowed(k) => errs.push(
                FieldError::required(
                    &lim_path,
                    "Limit must be set for non overcommitable resources",
                )
                .at(format!("{req_path}.{k}")),
            ),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_quantities() {
        for (written, want) in [
            ("2", "2"),
            ("2000m", "2"),
            ("500m", "500m"),
            ("0.5", "500m"),
            ("1.5", "1500m"),
            ("1000", "1k"),
            ("128Mi", "128Mi"),
            ("1024Mi", "1Gi"),
            ("0.5Gi", "512Mi"),
            ("1.5Mi", "1536Ki"),
            ("100M", "100M"),
        ] {
            assert_eq!(canonical(&Quantity(written.into())), want, "{written}");
        }
    }
}
