//! ObjectMeta (ValidateObjectMeta): the name (or generateName), labels and annotations.

use super::names::{label_value, qualified_name};
use crate::api::field_error::{BadValue, FieldError};
use crate::model::ObjectMeta;

/// `name_check` is the kind's name rule (a DNS-1123 subdomain for pods).
pub fn object_meta(
    m: &ObjectMeta,
    name_check: fn(&str) -> Vec<String>,
    errs: &mut Vec<FieldError>,
) {
    if let Some(g) = m.generate_name.as_deref().filter(|g| !g.is_empty()) {
        // generateName is checked as a prefix: a trailing '-' is fine.
        for msg in name_check(&format!("{}a", g.trim_end_matches('-'))) {
            errs.push(FieldError::invalid(
                "metadata.generateName",
                BadValue::Str(g.into()),
                msg,
            ));
        }
    }
    match m.name.as_deref() {
        None | Some("") if m.generate_name.as_deref().is_none_or(str::is_empty) => errs.push(
            FieldError::required("metadata.name", "name or generateName is required"),
        ),
        Some(n) if !n.is_empty() => {
            for msg in name_check(n) {
                errs.push(FieldError::invalid(
                    "metadata.name",
                    BadValue::Str(n.into()),
                    msg,
                ));
            }
        }
        _ => {}
    }
    if let Some(ns) = m.namespace.as_deref().filter(|n| !n.is_empty()) {
        for msg in super::names::dns1123_label(ns) {
            errs.push(FieldError::invalid(
                "metadata.namespace",
                BadValue::Str(ns.into()),
                msg,
            ));
        }
    }
    labels(&m.labels, "metadata.labels", errs);
    for k in m.annotations.keys() {
        for msg in qualified_name(&k.to_lowercase()) {
            errs.push(
                FieldError::invalid("metadata.annotations", BadValue::Str(k.clone()), msg)
                    .at(format!("metadata.annotations.{k}")),
            );
        }
    }
}

/// ValidateLabels: keys are qualified names, values label values; errors name the map.
pub fn labels(
    labels: &std::collections::BTreeMap<String, String>,
    path: &str,
    errs: &mut Vec<FieldError>,
) {
    for (k, v) in labels {
        for msg in qualified_name(k) {
            errs.push(
                FieldError::invalid(path, BadValue::Str(k.clone()), msg).at(format!("{path}.{k}")),
            );
        }
        for msg in label_value(v) {
            errs.push(
                FieldError::invalid(path, BadValue::Str(v.clone()), msg).at(format!("{path}.{k}")),
            );
        }
    }
}
