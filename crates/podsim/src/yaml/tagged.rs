//! Enums written with their kind beside their fields, as lessons, scenarios and saved work
//! write them (`{kind: phaseAt, at: 30s, phase: Running}`, `{at: 20s, action: killContainer,
//! container: web}`). serde's internally tagged derive reads that form by buffering every
//! field first, and its generated code was the largest in the shipped WebAssembly; here the
//! fields are moved under the kind (`{phaseAt: {at: 30s, phase: Running}}`) and read with
//! the externally tagged derive, which gives the same messages.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// Read `T` (an externally tagged enum) from `fields`, whose `tag` entry names the variant.
pub fn from_tagged<T: DeserializeOwned>(
    mut fields: Map<String, Value>,
    tag: &str,
) -> Result<T, String> {
    let kind = match fields.remove(tag) {
        Some(Value::String(kind)) => kind,
        Some(_) => return Err(format!("`{tag}` must be a string")),
        None => return Err(format!("missing field `{tag}`")),
    };
    // Nothing beside the kind: a unit variant (`{kind: valid}`), or one whose fields all
    // have defaults.
    if fields.is_empty() {
        if let Ok(v) = serde_json::from_value(Value::String(kind.clone())) {
            return Ok(v);
        }
    }
    let mut tagged = Map::new();
    tagged.insert(kind, Value::Object(fields));
    serde_json::from_value(Value::Object(tagged)).map_err(|e| e.to_string())
}

/// Write `value` (an externally tagged enum) as its fields with the variant under `tag`.
pub fn to_tagged<T: Serialize>(value: &T, tag: &str) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    match serde_json::to_value(value).map_err(|e| e.to_string())? {
        Value::String(kind) => {
            out.insert(tag.into(), Value::String(kind));
        }
        Value::Object(outer) => {
            for (kind, fields) in outer {
                out.insert(tag.into(), Value::String(kind));
                if let Value::Object(fields) = fields {
                    out.extend(fields);
                }
            }
        }
        other => return Err(format!("not an enum: {other}")),
    }
    Ok(out)
}
