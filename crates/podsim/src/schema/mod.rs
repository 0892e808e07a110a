//! The field schema of everything podsim models: for each field its JSON name, type, a short
//! explanation in English and Korean, and the values it accepts. One table serves the strict
//! decoder (unknown fields, wrong types), editor completion and hover help.
//!
//! - `types`: the schema's building blocks.
//! - `pod`, `objects`: the tables (Pod; Service and ConfigMap).
//! - `cursor`: which field the editor's cursor is on, from (possibly half-typed) YAML text.
//! - `assist`: completion and hover built on the above.
//! - `drag`: the numbers of a manifest a learner can drag in the editor, with their ranges.

pub mod assist;
pub mod cursor;
pub mod drag;
pub mod objects;
pub mod pod;
pub mod types;

pub use assist::{complete, hover, Block, Completion, Hover};
pub use drag::{draggables, Draggable};
pub use types::{Drag, Field, Lang, Obj, Range, Ty, Unit};

/// The schema of a top-level object by its kind.
pub fn root(kind: &str) -> Option<&'static Obj> {
    match kind {
        "Pod" => Some(&pod::POD),
        "Service" => Some(&objects::SERVICE),
        "ConfigMap" => Some(&objects::CONFIG_MAP),
        _ => None,
    }
}

/// Kinds podlab understands.
pub const KINDS: [&str; 3] = ["Pod", "Service", "ConfigMap"];
