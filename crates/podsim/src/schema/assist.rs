//! Editor assistance from the schema: the field names valid where the cursor is, the values a
//! field accepts, and a field's documentation on hover. Offsets are in UTF-16 code units, as
//! the editor counts them.

use super::cursor::{locate, split_line, Spot};
use super::types::{Field, Lang, Obj, Ty};
use crate::yaml::LineIndex;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub label: String,
    /// Text to insert instead of the label: `image: ` for a scalar (or a list of scalars,
    /// written `[…]` on the line or as a block after Enter), `livenessProbe:` for a key that
    /// opens a block (the editor then moves to the next line, indented for the first child).
    pub apply: Option<String>,
    /// What the key's value is written as, when it opens a block below the key.
    pub block: Option<Block>,
    /// The field's type, or "value".
    pub detail: String,
    pub doc: String,
    /// Where `doc` is found in a table of [`super::field_docs`] (`Container.image`): a build
    /// without the `field-docs` feature has `doc` empty and looks it up there.
    pub doc_key: String,
    /// An accepted value rather than a field name.
    pub is_value: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hover {
    pub from_utf16: usize,
    pub to_utf16: usize,
    /// `spec.containers[].image (string)`
    pub title: String,
    /// The field's documentation, then the values it accepts.
    pub body: String,
    /// Where the documentation is found in a table of [`super::field_docs`]: a build without
    /// the `field-docs` feature puts it before `body` from there.
    pub doc_key: String,
}

/// The object type at a path of keys (`[]` steps into sequence items).
pub fn object_at(root: &'static Obj, path: &[String]) -> Option<&'static Obj> {
    let mut ty = Ty::Obj(root);
    for step in path {
        ty = match (ty, step.as_str()) {
            (Ty::Arr(inner), "[]") => *inner,
            (Ty::Obj(o), key) => o.field(key)?.ty,
            _ => return None,
        };
    }
    match ty {
        Ty::Obj(o) => Some(o),
        _ => None,
    }
}

/// The shape of the block a key opens: the editor puts the cursor on the next line, one level
/// deeper, and for a list of objects starts the first item (`- `).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    /// An object or a map (`livenessProbe`, `exec`, `resources`, `labels`).
    Map,
    /// A list of objects (`containers`, `ports`, `env`).
    Seq,
}

impl Block {
    /// The block a field's value opens, if any (a scalar or a list of scalars opens none).
    pub fn of(ty: Ty) -> Option<Block> {
        match ty {
            Ty::Obj(_) | Ty::StrMap | Ty::QuantityMap | Ty::Any => Some(Block::Map),
            Ty::Arr(Ty::Obj(_)) => Some(Block::Seq),
            _ => None,
        }
    }
}

fn root_for(kind: Option<&str>) -> &'static Obj {
    kind.and_then(super::root).unwrap_or(&super::pod::POD)
}

/// What accepting a key inserts: `key:` when it opens a block (the editor adds the line
/// break and the indentation), `key: ` otherwise.
fn key_apply(f: &Field) -> String {
    match Block::of(f.ty) {
        Some(_) => format!("{}:", f.name),
        None => format!("{}: ", f.name),
    }
}

/// Completions at `utf16` in `text`.
pub fn complete(text: &str, utf16: usize, lang: Lang) -> Vec<Completion> {
    let idx = LineIndex::new(text);
    let at = idx.byte_of_utf16(utf16);
    let place = locate(text, at);
    let root = root_for(place.kind.as_deref());
    let Some(obj) = object_at(root, &place.path) else {
        return Vec::new();
    };
    match &place.spot {
        Spot::Key(prefix) => {
            let present: Vec<String> = sibling_keys(text, at);
            obj.fields
                .iter()
                .filter(|f| f.name.starts_with(prefix.as_str()) || prefix.is_empty())
                .filter(|f| f.name == prefix || !present.iter().any(|p| p == f.name))
                .map(|f| Completion {
                    label: f.name.to_string(),
                    apply: Some(key_apply(f)),
                    block: Block::of(f.ty),
                    detail: f.ty.doc_name(),
                    doc: f.doc(lang).to_string(),
                    doc_key: f.doc_key(obj),
                    is_value: false,
                })
                .collect()
        }
        Spot::Value(key) => match obj.field(key) {
            Some(f) if !f.values.is_empty() => value_completions(obj, f, f.values, lang),
            Some(f) if matches!(f.ty, Ty::Bool) => {
                value_completions(obj, f, &["true", "false"], lang)
            }
            _ => Vec::new(),
        },
    }
}

/// Keys already written in the mapping the cursor is in: same key indent, same item.
/// Completions for a field's value: each of `values` that is not empty.
fn value_completions(owner: &Obj, f: &Field, values: &[&str], lang: Lang) -> Vec<Completion> {
    values
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| Completion {
            label: v.to_string(),
            apply: None,
            block: None,
            detail: format!("{} value", f.name),
            doc: f.doc(lang).to_string(),
            doc_key: f.doc_key(owner),
            is_value: true,
        })
        .collect()
}

fn sibling_keys(text: &str, at: usize) -> Vec<String> {
    let line_start = text[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = at + text[at..].find('\n').unwrap_or(text.len() - at);
    let line = &text[line_start..line_end];
    let here = split_line(line);
    let indent = if line.trim().is_empty() {
        at - line_start
    } else {
        here.key_indent
    };
    let mut keys = Vec::new();
    let content = |l: &str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    if here.dash.is_none() {
        for l in text[..line_start].lines().rev().filter(|l| content(l)) {
            let p = split_line(l);
            if p.key_indent < indent {
                break;
            }
            if p.key_indent == indent {
                keys.extend(p.key.map(str::to_string));
                if p.dash.is_some() {
                    break;
                }
            }
        }
    }
    for l in text[line_end.min(text.len())..]
        .lines()
        .filter(|l| content(l))
    {
        let p = split_line(l);
        if p.key_indent < indent || p.dash.is_some_and(|d| d < indent) {
            break;
        }
        if p.key_indent == indent {
            keys.extend(p.key.map(str::to_string));
        }
    }
    keys
}

/// Documentation of the field (or value) under the cursor.
pub fn hover(text: &str, utf16: usize, lang: Lang) -> Option<Hover> {
    let idx = LineIndex::new(text);
    let at = idx.byte_of_utf16(utf16);
    let place = locate(text, at);
    if place.word.0 == place.word.1 {
        return None;
    }
    let root = root_for(place.kind.as_deref());
    let obj = object_at(root, &place.path)?;
    let key = match &place.spot {
        Spot::Key(k) | Spot::Value(k) => k.clone(),
    };
    let field = obj.field(&key)?;
    let mut path = String::new();
    for p in &place.path {
        if p == "[]" {
            path.push_str("[]");
        } else {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(p);
        }
    }
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(field.name);
    let mut body = field.doc(lang).to_string();
    let values: Vec<&str> = field
        .values
        .iter()
        .copied()
        .filter(|v| !v.is_empty())
        .collect();
    if !values.is_empty() {
        body.push_str(match lang {
            Lang::En => "\nValues: ",
            Lang::Ko => "\n가능한 값: ",
        });
        body.push_str(&values.join(", "));
    }
    Some(Hover {
        from_utf16: idx.position(place.word.0).utf16,
        to_utf16: idx.position(place.word.1).utf16,
        title: format!("{path} ({})", field.ty.doc_name()),
        body,
        doc_key: field.doc_key(obj),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(text: &str, marker: &str) -> (String, usize) {
        let i = text.find(marker).unwrap();
        let t = text.replacen(marker, "", 1);
        let u = t[..i].encode_utf16().count();
        (t, u)
    }

    #[test]
    fn completes_container_fields() {
        let (t, u) = pos(
            "kind: Pod\nspec:\n  containers:\n  - name: web\n    ima|\n",
            "|",
        );
        let labels: Vec<_> = complete(&t, u, Lang::En)
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert_eq!(labels, ["image", "imagePullPolicy"]);
    }

    #[test]
    fn keys_that_open_a_block_say_which_block() {
        let (t, u) = pos(
            "spec:\n  containers:\n  - name: web\n    image: busybox\n    |\n",
            "|",
        );
        let c = complete(&t, u, Lang::En);
        let get = |name: &str| c.iter().find(|c| c.label == name).cloned().unwrap();
        for (name, apply, block) in [
            ("livenessProbe", "livenessProbe:", Some(Block::Map)),
            ("resources", "resources:", Some(Block::Map)),
            ("ports", "ports:", Some(Block::Seq)),
            ("env", "env:", Some(Block::Seq)),
            ("command", "command: ", None),
            ("imagePullPolicy", "imagePullPolicy: ", None),
        ] {
            let got = get(name);
            assert_eq!(
                (got.apply.as_deref(), got.block),
                (Some(apply), block),
                "{name}"
            );
        }
        // Inside a probe: the handler opens a map, the timing fields are scalars.
        let (t, u) = pos(
            "spec:\n  containers:\n  - name: web\n    livenessProbe:\n      |\n",
            "|",
        );
        let c = complete(&t, u, Lang::En);
        let exec = c.iter().find(|c| c.label == "exec").unwrap();
        assert_eq!(exec.block, Some(Block::Map));
        let period = c.iter().find(|c| c.label == "periodSeconds").unwrap();
        assert_eq!(
            (period.apply.as_deref(), period.block),
            (Some("periodSeconds: "), None)
        );
        // Values open nothing.
        let (t, u) = pos("spec:\n  restartPolicy: |\n", "|");
        assert!(complete(&t, u, Lang::En)
            .iter()
            .all(|c| c.block.is_none() && c.apply.is_none()));
    }

    #[test]
    fn skips_fields_already_written() {
        let (t, u) = pos("spec:\n  containers:\n  - name: web\n    |\n", "|");
        let labels: Vec<_> = complete(&t, u, Lang::En)
            .into_iter()
            .map(|c| c.label)
            .collect();
        assert!(labels.contains(&"image".to_string()));
        assert!(!labels.contains(&"name".to_string()));
    }

    #[test]
    fn completes_enum_values_in_korean() {
        let (t, u) = pos("# 한글 주석\nspec:\n  restartPolicy: |\n", "|");
        let c = complete(&t, u, Lang::Ko);
        let labels: Vec<_> = c.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Always", "OnFailure", "Never"]);
        assert!(c[0].doc.contains("재시작"));
    }

    #[test]
    fn hovers_a_field() {
        let (t, u) = pos(
            "spec:\n  containers:\n  - name: web\n    live|nessProbe:\n",
            "|",
        );
        let h = hover(&t, u, Lang::En).unwrap();
        assert_eq!(h.title, "spec.containers[].livenessProbe (Probe)");
        assert!(h.body.contains("kills the container"));
        assert_eq!(
            &t.encode_utf16().collect::<Vec<_>>()[h.from_utf16..h.to_utf16],
            "livenessProbe"
                .encode_utf16()
                .collect::<Vec<_>>()
                .as_slice()
        );
    }

    #[test]
    fn hover_counts_utf16_after_korean() {
        let (t, u) = pos("# 파드 🚀\nspec:\n  restart|Policy: Always\n", "|");
        let h = hover(&t, u, Lang::Ko).unwrap();
        assert!(h.body.contains("가능한 값: Always, OnFailure, Never"));
        let units: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(
            String::from_utf16_lossy(&units[h.from_utf16..h.to_utf16]),
            "restartPolicy"
        );
    }
}
