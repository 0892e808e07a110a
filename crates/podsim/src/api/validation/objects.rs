//! The objects beside the Pod: a Service (DNS-1035 name, ports) and a ConfigMap (name, keys).
//! Paths are relative to their own document.

use super::meta::object_meta;
use super::names::{config_key, dns1035_label, dns1123_subdomain, port_num};
use crate::api::field_error::{BadValue, FieldError};
use crate::model::{ConfigMap, IntOrString, Service};

pub fn service(s: &Service, errs: &mut Vec<FieldError>) {
    object_meta(&s.metadata, dns1035_label, errs);
    let t = s.spec.type_.as_deref().unwrap_or("ClusterIP");
    if !matches!(
        t,
        "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName"
    ) {
        errs.push(FieldError::not_supported(
            "spec.type",
            BadValue::Str(t.into()),
            &["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
        ));
    }
    if s.spec.ports.is_empty()
        && t != "ExternalName"
        && s.spec.cluster_ip.as_deref() != Some("None")
    {
        errs.push(FieldError::required("spec.ports", ""));
    }
    for (i, p) in s.spec.ports.iter().enumerate() {
        let path = format!("spec.ports[{i}]");
        if s.spec.ports.len() > 1 && p.name.as_deref().is_none_or(str::is_empty) {
            errs.push(FieldError::required(format!("{path}.name"), ""));
        }
        for m in port_num(p.port) {
            errs.push(FieldError::invalid(
                format!("{path}.port"),
                BadValue::Int(p.port),
                m,
            ));
        }
        if let Some(IntOrString::Int(tp)) = p.target_port {
            for m in port_num(tp) {
                errs.push(FieldError::invalid(
                    format!("{path}.targetPort"),
                    BadValue::Int(tp),
                    m,
                ));
            }
        }
    }
}

pub fn config_map(c: &ConfigMap, errs: &mut Vec<FieldError>) {
    object_meta(&c.metadata, dns1123_subdomain, errs);
    // ValidateConfigMap: `data[KEY]`, then a key also in binaryData, then binaryData's keys.
    for k in c.data.keys() {
        for m in config_key(k) {
            errs.push(
                FieldError::invalid(format!("data[{k}]"), BadValue::Str(k.clone()), m)
                    .at(format!("data.{k}")),
            );
        }
        if c.binary_data.contains_key(k) {
            errs.push(
                FieldError::invalid(
                    format!("data[{k}]"),
                    BadValue::Str(k.clone()),
                    "duplicate of key present in binaryData",
                )
                .at(format!("data.{k}")),
            );
        }
    }
    for k in c.binary_data.keys() {
        for m in config_key(k) {
            errs.push(
                FieldError::invalid(format!("binaryData[{k}]"), BadValue::Str(k.clone()), m)
                    .at(format!("binaryData.{k}")),
            );
        }
    }
}
