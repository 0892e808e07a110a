//! Volumes (ValidateVolumes, validateVolumeSource, validateConfigMapVolumeSource,
//! validateKeyToPath): per volume, its source's errors first, then its name (required, a
//! DNS label), then a duplicate name; only a volume with no error is added to the set the
//! volume mounts are checked against. Local paths (ValidateLocalNonReservedPath,
//! validateLocalDescendingPath) are shared with volumeMounts' subPath.

use super::names::dns1123_label;
use crate::api::field_error::{BadValue, FieldError};
use crate::model::Volume;
use std::collections::BTreeSet;

/// `fileModeErrorMsg`.
const FILE_MODE: &str = "must be a number between 0 and 0777 (octal), both inclusive";

fn mode(m: Option<i64>, path: String, errs: &mut Vec<FieldError>) {
    if let Some(m) = m.filter(|m| !(0..=0o777).contains(m)) {
        errs.push(FieldError::invalid(path, BadValue::Int(m), FILE_MODE));
    }
}

/// `validateLocalDescendingPath`: not absolute, no `..` element — each reported.
pub fn local_descending_path(p: &str, path: &str, errs: &mut Vec<FieldError>) {
    if p.starts_with('/') {
        errs.push(FieldError::invalid(
            path,
            BadValue::Str(p.into()),
            "must be a relative path",
        ));
    }
    if p.split('/').any(|part| part == "..") {
        errs.push(FieldError::invalid(
            path,
            BadValue::Str(p.into()),
            "must not contain '..'",
        ));
    }
}

/// `ValidateLocalNonReservedPath`: a local descending path that does not start with `..`.
fn local_non_reserved_path(p: &str, path: &str, errs: &mut Vec<FieldError>) {
    local_descending_path(p, path, errs);
    if p.starts_with("..") {
        errs.push(FieldError::invalid(
            path,
            BadValue::Str(p.into()),
            "must not start with '..'",
        ));
    }
}

/// The volume source's errors (validateVolumeSource).
fn source(v: &Volume, path: &str, errs: &mut Vec<FieldError>) {
    let mut n = 0;
    for (name, present) in [
        ("emptyDir", v.empty_dir.is_some()),
        ("configMap", v.config_map.is_some()),
        ("projected", v.projected.is_some()),
    ] {
        if !present {
            continue;
        }
        if n > 0 {
            errs.push(FieldError::forbidden(
                format!("{path}.{name}"),
                "may not specify more than 1 volume type",
            ));
            continue;
        }
        n += 1;
        if name == "configMap" {
            if let Some(cm) = &v.config_map {
                let cp = format!("{path}.configMap");
                if cm.name.is_empty() {
                    errs.push(FieldError::required(format!("{cp}.name"), ""));
                }
                mode(cm.default_mode, format!("{cp}.defaultMode"), errs);
                for (j, it) in cm.items.iter().enumerate() {
                    let ip = format!("{cp}.items[{j}]");
                    if it.key.is_empty() {
                        errs.push(FieldError::required(format!("{ip}.key"), ""));
                    }
                    if it.path.is_empty() {
                        errs.push(FieldError::required(format!("{ip}.path"), ""));
                    }
                    local_non_reserved_path(&it.path, &format!("{ip}.path"), errs);
                    mode(it.mode, format!("{ip}.mode"), errs);
                }
            }
        }
    }
    if n == 0 {
        errs.push(FieldError::required(path, "must specify a volume type"));
    }
}

/// Validate the volumes; the names of the valid ones (what mounts may refer to).
pub fn volumes(vols: &[Volume], errs: &mut Vec<FieldError>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (i, v) in vols.iter().enumerate() {
        let path = format!("spec.volumes[{i}]");
        let mut el = Vec::new();
        source(v, &path, &mut el);
        if v.name.is_empty() {
            el.push(FieldError::required(format!("{path}.name"), ""));
        } else {
            for m in dns1123_label(&v.name) {
                el.push(FieldError::invalid(
                    format!("{path}.name"),
                    BadValue::Str(v.name.clone()),
                    m,
                ));
            }
        }
        if names.contains(&v.name) {
            el.push(FieldError::duplicate(
                format!("{path}.name"),
                BadValue::Str(v.name.clone()),
            ));
        }
        if el.is_empty() {
            names.insert(v.name.clone());
        } else {
            errs.append(&mut el);
        }
    }
    names
}
