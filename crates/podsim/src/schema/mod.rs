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

/// Whether this build carries the fields' documentation (the `field-docs` feature).
pub const FIELD_DOCS_BUILT_IN: bool = cfg!(feature = "field-docs");

/// Every field of every object type reachable from a kind, with the object type it is in;
/// each object type once.
pub fn every_field() -> Vec<(&'static Obj, &'static Field)> {
    fn walk(
        obj: &'static Obj,
        seen: &mut Vec<*const Obj>,
        out: &mut Vec<(&'static Obj, &'static Field)>,
    ) {
        if seen.contains(&(obj as *const Obj)) {
            return;
        }
        seen.push(obj);
        for f in obj.fields {
            out.push((obj, f));
            let mut ty = &f.ty;
            while let Ty::Arr(inner) = ty {
                ty = inner;
            }
            if let Ty::Obj(o) = ty {
                walk(o, seen, out);
            }
        }
    }
    let (mut seen, mut out) = (Vec::new(), Vec::new());
    for obj in KINDS.iter().filter_map(|kind| root(kind)) {
        walk(obj, &mut seen, &mut out);
    }
    out
}

/// Every field's documentation in `lang`, by [`Field::doc_key`] (`Container.image`), for a
/// build without the `field-docs` feature to load when the editor first asks (the site writes
/// it at build time). Empty without that feature.
pub fn field_docs(lang: Lang) -> std::collections::BTreeMap<String, &'static str> {
    every_field()
        .into_iter()
        .filter(|(_, f)| !f.doc(lang).is_empty())
        .map(|(owner, f)| (f.doc_key(owner), f.doc(lang)))
        .collect()
}

/// Kinds podlab understands.
pub const KINDS: [&str; 3] = ["Pod", "Service", "ConfigMap"];

#[cfg(all(test, feature = "field-docs"))]
mod tests {
    use super::*;

    #[test]
    fn every_documented_field_is_in_the_table_under_its_key() {
        for lang in [Lang::En, Lang::Ko] {
            let table = field_docs(lang);
            let fields = every_field();
            assert!(fields.len() > 100, "{} fields", fields.len());
            for (owner, f) in fields {
                if f.doc(lang).is_empty() {
                    continue;
                }
                // Two object types of the same Go name would share keys: their docs must agree.
                assert_eq!(
                    table.get(&f.doc_key(owner)).copied(),
                    Some(f.doc(lang)),
                    "{}",
                    f.doc_key(owner)
                );
            }
        }
        assert!(field_docs(Lang::Ko)["Container.image"].contains("이미지"));
    }

    #[test]
    fn completions_and_hover_name_their_docs() {
        let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    imagePullPolicy: \n";
        let table = field_docs(Lang::En);
        let at = text.find("image:").expect("image") + 2;
        let h = hover(text, text[..at].encode_utf16().count(), Lang::En).expect("hover on image");
        assert_eq!(h.doc_key, "Container.image");
        assert!(h.body.starts_with(table["Container.image"]));
        let end = text.len() - 1;
        let values = complete(text, text[..end].encode_utf16().count(), Lang::En);
        assert!(values.iter().any(|c| c.label == "IfNotPresent"));
        for c in values {
            assert_eq!(c.doc, table[c.doc_key.as_str()], "{}", c.label);
        }
    }
}
