//! Tolerations (ValidateTolerations): keys, operators, values and effects. The value of an
//! `Exists` toleration that has one is printed as the value from 1.32 (#128119); 1.31
//! passed the whole toleration, printed in Go syntax.

use super::names::{label_value, qualified_name};
use crate::api::field_error::{BadValue, FieldError};
use crate::cluster::KubeVersion;
use crate::model::{TaintEffect, Toleration};

/// Go's `%#v` of a `core.Toleration`, as a 1.31 apiserver printed it.
fn go_struct(t: &Toleration) -> String {
    let s = |v: &Option<String>| crate::api::field_error::go_quote(v.as_deref().unwrap_or(""));
    let seconds = match t.toleration_seconds {
        Some(n) => format!("(*int64)({n})"),
        None => "(*int64)(nil)".into(),
    };
    format!(
        "core.Toleration{{Key:{}, Operator:{}, Value:{}, Effect:{}, TolerationSeconds:{seconds}}}",
        s(&t.key),
        s(&t.operator),
        s(&t.value),
        s(&t.effect)
    )
}

pub fn tolerations(tols: &[Toleration], v: KubeVersion, errs: &mut Vec<FieldError>) {
    for (i, t) in tols.iter().enumerate() {
        let path = format!("spec.tolerations[{i}]");
        let key = t.key.as_deref().unwrap_or("");
        let op = t.operator.as_deref().unwrap_or("");
        let value = t.value.as_deref().unwrap_or("");
        let effect = t.effect.as_deref().unwrap_or("");
        if !key.is_empty() {
            for m in qualified_name(key) {
                errs.push(FieldError::invalid(
                    format!("{path}.key"),
                    BadValue::Str(key.into()),
                    m,
                ));
            }
        }
        if key.is_empty() && op != "Exists" {
            errs.push(FieldError::invalid(
                format!("{path}.operator"),
                BadValue::Str(op.into()),
                "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
            ));
        }
        if t.toleration_seconds.is_some()
            && TaintEffect::parse(effect) != Some(TaintEffect::NoExecute)
        {
            errs.push(FieldError::invalid(
                format!("{path}.effect"),
                BadValue::Str(effect.into()),
                "effect must be 'NoExecute' when `tolerationSeconds` is set",
            ));
        }
        match op {
            "" | "Equal" => {
                let msgs = label_value(value);
                if !msgs.is_empty() {
                    errs.push(FieldError::invalid(
                        format!("{path}.operator"),
                        BadValue::Str(value.into()),
                        msgs.join(";"),
                    ));
                }
            }
            "Exists" => {
                if !value.is_empty() {
                    let bad = if v >= KubeVersion::V1_32 {
                        BadValue::Str(value.into())
                    } else {
                        BadValue::Raw(go_struct(t))
                    };
                    errs.push(FieldError::invalid(
                        format!("{path}.operator"),
                        bad,
                        "value must be empty when `operator` is 'Exists'",
                    ));
                }
            }
            other => errs.push(FieldError::not_supported(
                format!("{path}.operator"),
                BadValue::Str(other.into()),
                &["Equal", "Exists"],
            )),
        }
        if !effect.is_empty() && TaintEffect::parse(effect).is_none() {
            errs.push(FieldError::not_supported(
                format!("{path}.effect"),
                BadValue::Str(effect.into()),
                TaintEffect::NAMES,
            ));
        }
    }
}
