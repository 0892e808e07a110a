//! Volumes (ValidateVolumes): unique DNS-label names, exactly one source, sane config-map items.

use super::names::dns1123_label;
use crate::api::field_error::{BadValue, FieldError};
use crate::model::Volume;
use std::collections::BTreeSet;

pub fn volumes(vols: &[Volume], errs: &mut Vec<FieldError>) {
    let mut names = BTreeSet::new();
    for (i, v) in vols.iter().enumerate() {
        let path = format!("spec.volumes[{i}]");
        if v.name.is_empty() {
            errs.push(FieldError::required(format!("{path}.name"), ""));
        } else {
            for m in dns1123_label(&v.name) {
                errs.push(FieldError::invalid(
                    format!("{path}.name"),
                    BadValue::Str(v.name.clone()),
                    m,
                ));
            }
            if !names.insert(v.name.clone()) {
                errs.push(FieldError::duplicate(
                    format!("{path}.name"),
                    BadValue::Str(v.name.clone()),
                ));
            }
        }
        let mut n = 0;
        for (name, present) in [
            ("emptyDir", v.empty_dir.is_some()),
            ("configMap", v.config_map.is_some()),
            ("projected", v.projected.is_some()),
        ] {
            if present {
                n += 1;
                if n > 1 {
                    errs.push(FieldError::forbidden(
                        format!("{path}.{name}"),
                        "may not specify more than 1 volume type",
                    ));
                }
            }
        }
        if n == 0 {
            errs.push(FieldError::required(&path, "must specify a volume type"));
        }
        if let Some(cm) = &v.config_map {
            if cm.name.is_empty() {
                errs.push(FieldError::required(format!("{path}.configMap.name"), ""));
            }
            for (j, it) in cm.items.iter().enumerate() {
                if it.key.is_empty() {
                    errs.push(FieldError::required(
                        format!("{path}.configMap.items[{j}].key"),
                        "",
                    ));
                }
                if it.path.is_empty() {
                    errs.push(FieldError::required(
                        format!("{path}.configMap.items[{j}].path"),
                        "",
                    ));
                } else if it.path.starts_with('/') || it.path.split('/').any(|p| p == "..") {
                    errs.push(FieldError::invalid(
                        format!("{path}.configMap.items[{j}].path"),
                        BadValue::Str(it.path.clone()),
                        if it.path.starts_with('/') {
                            "must be a relative path"
                        } else {
                            "must not contain '..'"
                        },
                    ));
                }
            }
        }
    }
}
