//! Render any serializable object as YAML the way `kubectl get -o yaml` prints it: keys in
//! sorted order (kubectl converts JSON to YAML through sorted maps), two-space indents,
//! lists of maps with `- ` at the parent's indent, strings quoted only when YAML needs it.

use serde::Serialize;
use serde_json::Value;

pub fn to_yaml<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(v) => {
            let mut out = String::new();
            emit(&v, 0, &mut out);
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out
        }
        Err(e) => format!("# cannot render: {e}\n"),
    }
}

fn indent(n: usize, out: &mut String) {
    for _ in 0..n {
        out.push(' ');
    }
}

fn emit(v: &Value, level: usize, out: &mut String) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (k, val) in map {
                indent(level, out);
                out.push_str(&scalar_text(k));
                out.push(':');
                block_value(val, level, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                indent(level, out);
                out.push_str("- ");
                match item {
                    Value::Object(m) if !m.is_empty() => {
                        let mut first = true;
                        for (k, val) in m {
                            if !first {
                                indent(level + 2, out);
                            }
                            first = false;
                            out.push_str(&scalar_text(k));
                            out.push(':');
                            block_value(val, level + 2, out);
                        }
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push('\n');
                        emit(item, level + 2, out);
                    }
                    Value::String(text) if text.contains('\n') => {
                        out.pop();
                        block_value(item, level, out);
                    }
                    other => {
                        out.push_str(&inline(other));
                        out.push('\n');
                    }
                }
            }
        }
        other => {
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
}

/// The value after `key:` — inline for scalars and empty collections, else a nested block.
fn block_value(val: &Value, level: usize, out: &mut String) {
    match val {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            emit(val, level + 2, out);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            // kubectl (go-yaml) puts "- " at the key's own indent.
            emit(val, level, out);
        }
        Value::String(s) if s.contains('\n') => {
            out.push_str(" |");
            if s.starts_with(' ') {
                out.push('2');
            }
            if !s.ends_with('\n') {
                out.push('-');
            }
            out.push('\n');
            for line in s.trim_end_matches('\n').split('\n') {
                if !line.is_empty() {
                    indent(level + 2, out);
                    out.push_str(line);
                }
                out.push('\n');
            }
        }
        other => {
            out.push(' ');
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
}

fn inline(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => scalar_text(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// A string as a YAML scalar: plain when it reads back as the same string, else double-quoted
/// as kubectl's YAML encoder does (`status: "True"`, `value: "8080"`).
pub fn scalar_text(s: &str) -> String {
    let needs_quotes = s.is_empty()
        || s.trim() != s
        || matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null" | "~"
        )
        || s.parse::<f64>().is_ok()
        || looks_like_timestamp(s)
        || s.starts_with(|c: char| ",[]{}#&*!|>'\"%@`".contains(c))
        || ["-", "?", ":"]
            .iter()
            .any(|p| s == *p || s.starts_with(&format!("{p} ")))
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(|c| c.is_control());
    if !needs_quotes {
        return s.to_string();
    }
    // A JSON string is a YAML double-quoted scalar.
    serde_json::to_string(s).unwrap_or_default()
}

/// A date or date-time (`2026-11-24`, `2026-11-24T09:00:02Z`), which YAML would read as a
/// timestamp.
fn looks_like_timestamp(s: &str) -> bool {
    let mut parts = s.splitn(3, '-');
    let (Some(y), Some(m), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
    };
    let day_len = rest.chars().take_while(char::is_ascii_digit).count();
    let after = &rest[day_len..];
    digits(y, 4..=4)
        && digits(m, 1..=2)
        && (1..=2).contains(&day_len)
        && (after.is_empty() || after.starts_with(['T', 't', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn renders_like_kubectl() {
        let v = json!({
            "spec": {"containers": [{"name": "web", "image": "nginx:1.27", "ports": [{"containerPort": 80}]}],
                     "restartPolicy": "Always"},
            "apiVersion": "v1",
            "metadata": {"labels": {}, "name": "web"}
        });
        assert_eq!(
            to_yaml(&v),
            "apiVersion: v1\nmetadata:\n  labels: {}\n  name: web\nspec:\n  containers:\n  - image: nginx:1.27\n    name: web\n    ports:\n    - containerPort: 80\n  restartPolicy: Always\n"
        );
    }

    #[test]
    fn quotes_what_yaml_would_misread() {
        assert_eq!(scalar_text("8080"), "\"8080\"");
        assert_eq!(scalar_text("true"), "\"true\"");
        assert_eq!(scalar_text(""), "\"\"");
        assert_eq!(scalar_text("a: b"), "\"a: b\"");
        assert_eq!(scalar_text("*"), "\"*\"");
        assert_eq!(scalar_text("'quoted'"), "\"'quoted'\"");
        assert_eq!(
            scalar_text("2026-11-24T09:00:02Z"),
            "\"2026-11-24T09:00:02Z\""
        );
        assert_eq!(scalar_text("2026-11-24"), "\"2026-11-24\"");
        assert_eq!(scalar_text("2026-11-24-backup"), "2026-11-24-backup");
        assert_eq!(scalar_text("nginx:1.27"), "nginx:1.27");
        assert_eq!(scalar_text("plain text"), "plain text");
        assert_eq!(scalar_text("it's"), "it's");
        assert_eq!(scalar_text("-c"), "-c");
        assert_eq!(scalar_text("- x"), "\"- x\"");
        assert_eq!(scalar_text("a\tb"), "\"a\\tb\"");
    }

    #[test]
    fn multi_line_strings_use_literal_blocks() {
        let v = json!({"args": ["sh", "-c", "echo a\necho b\n"]});
        assert_eq!(to_yaml(&v), "args:\n- sh\n- -c\n- |\n  echo a\n  echo b\n");
    }
}
