//! Field errors as apimachinery prints them (pkg/util/validation/field/errors.go):
//! `PATH: TYPE: VALUE: DETAIL`, e.g. `spec.containers[0].image: Required value` or
//! `spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"`.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum BadValue {
    Str(String),
    Int(i64),
    Bool(bool),
    /// Printed as is (e.g. a JSON rendering).
    Raw(String),
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadValue::Str(s) => write!(f, "{}", go_quote(s)),
            BadValue::Int(i) => write!(f, "{i}"),
            BadValue::Bool(b) => write!(f, "{b}"),
            BadValue::Raw(s) => f.write_str(s),
        }
    }
}

/// Go's `%q` for a string.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[derive(Debug, Clone, PartialEq)]
pub enum ErrorType {
    Required,
    Forbidden,
    TooLong,
    Invalid(BadValue),
    NotSupported(BadValue, Vec<String>),
    Duplicate(BadValue),
    NotFound(BadValue),
    TooMany(BadValue),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub path: String,
    pub kind: ErrorType,
    pub detail: String,
    /// A more precise place to underline than `path` (e.g. the one bad label of
    /// `metadata.labels`), when the apiserver reports the parent.
    pub locate: Option<String>,
}

impl FieldError {
    pub fn required(path: impl Into<String>, detail: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            kind: ErrorType::Required,
            detail: detail.into(),
            locate: None,
        }
    }
    pub fn forbidden(path: impl Into<String>, detail: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            kind: ErrorType::Forbidden,
            detail: detail.into(),
            locate: None,
        }
    }
    pub fn invalid(path: impl Into<String>, value: BadValue, detail: impl Into<String>) -> Self {
        FieldError {
            path: path.into(),
            kind: ErrorType::Invalid(value),
            detail: detail.into(),
            locate: None,
        }
    }
    pub fn not_supported(path: impl Into<String>, value: BadValue, supported: &[&str]) -> Self {
        FieldError {
            path: path.into(),
            kind: ErrorType::NotSupported(value, supported.iter().map(|s| s.to_string()).collect()),
            detail: String::new(),
            locate: None,
        }
    }
    pub fn duplicate(path: impl Into<String>, value: BadValue) -> Self {
        FieldError {
            path: path.into(),
            kind: ErrorType::Duplicate(value),
            detail: String::new(),
            locate: None,
        }
    }
    pub fn not_found(path: impl Into<String>, value: BadValue) -> Self {
        FieldError {
            path: path.into(),
            kind: ErrorType::NotFound(value),
            detail: String::new(),
            locate: None,
        }
    }

    /// Underline `path` instead of the error's own path.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.locate = Some(path.into());
        self
    }

    /// The type's label: `Required value`, `Invalid value`…
    pub fn type_label(&self) -> &'static str {
        match self.kind {
            ErrorType::Required => "Required value",
            ErrorType::Forbidden => "Forbidden",
            ErrorType::TooLong => "Too long",
            ErrorType::Invalid(_) => "Invalid value",
            ErrorType::NotSupported(..) => "Unsupported value",
            ErrorType::Duplicate(_) => "Duplicate value",
            ErrorType::NotFound(_) => "Not found",
            ErrorType::TooMany(_) => "Too many",
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.type_label())?;
        match &self.kind {
            ErrorType::Invalid(v)
            | ErrorType::Duplicate(v)
            | ErrorType::NotFound(v)
            | ErrorType::TooMany(v) => write!(f, ": {v}")?,
            ErrorType::NotSupported(v, supported) => {
                write!(f, ": {v}")?;
                if !supported.is_empty() {
                    let quoted: Vec<String> = supported.iter().map(|s| go_quote(s)).collect();
                    write!(f, ": supported values: {}", quoted.join(", "))?;
                }
            }
            _ => {}
        }
        if !self.detail.is_empty() {
            write!(f, ": {}", self.detail)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_apimachinery() {
        assert_eq!(
            FieldError::required("spec.containers[0].image", "").to_string(),
            "spec.containers[0].image: Required value"
        );
        assert_eq!(
            FieldError::not_supported("spec.restartPolicy", BadValue::Str("Sometimes".into()), &["Always", "OnFailure", "Never"]).to_string(),
            "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""
        );
        assert_eq!(
            FieldError::invalid(
                "spec.containers[0].livenessProbe.successThreshold",
                BadValue::Int(2),
                "must be 1"
            )
            .to_string(),
            "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"
        );
        assert_eq!(
            FieldError::forbidden("spec.initContainers[0].readinessProbe", "may not be set for init containers without restartPolicy=Always").to_string(),
            "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always"
        );
    }
}
