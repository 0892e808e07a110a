//! Editor assistance from the engine's field schema: completions and hover docs for the
//! cursor's YAML path, serialised as the JSON the editor bundle expects. The wasm does not
//! carry the fields' documentation: each reply names its key and language, and the editor
//! bundle fills it in from `field-docs.LANG.json` (written by the prerender step).

use crate::i18n::Lang;
use podsim::schema;
use serde::Serialize;

#[derive(Serialize)]
struct CompletionJson<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    apply: Option<&'a str>,
    /// "map" or "seq" when accepting the key opens a block on the next line.
    #[serde(skip_serializing_if = "Option::is_none")]
    block: Option<schema::Block>,
    #[serde(rename = "type")]
    kind: &'a str,
    detail: &'a str,
    info: &'a str,
    /// Where `info` is found in the field docs the editor fetches, when it is not built in.
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    lang: &'a str,
}

/// The key under which the editor finds a field's documentation in the table it fetches, when
/// this build does not carry the documentation itself.
fn fetched_doc(key: &str) -> Option<&str> {
    (!schema::FIELD_DOCS_BUILT_IN).then_some(key)
}

#[derive(Serialize)]
struct HoverJson<'a> {
    from: usize,
    to: usize,
    title: &'a str,
    body: &'a str,
    /// As for completions: the documentation to put before `body`, when it is not built in.
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    lang: &'a str,
}

fn schema_lang(lang: Lang) -> schema::Lang {
    match lang {
        Lang::En => schema::Lang::En,
        Lang::Ko => schema::Lang::Ko,
    }
}

/// Completions at a UTF-16 offset, as JSON.
pub fn completions_json(text: &str, pos: usize, lang: Lang) -> String {
    let items = schema::complete(text, pos, schema_lang(lang));
    let out: Vec<CompletionJson> = items
        .iter()
        .map(|c| CompletionJson {
            label: &c.label,
            apply: c.apply.as_deref(),
            block: c.block,
            kind: if c.is_value { "enum" } else { "property" },
            detail: &c.detail,
            info: &c.doc,
            key: fetched_doc(&c.doc_key),
            lang: lang.code(),
        })
        .collect();
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".into())
}

/// Hover docs at a UTF-16 offset, as JSON ("" when there is nothing to say).
pub fn hover_json(text: &str, pos: usize, lang: Lang) -> String {
    match schema::hover(text, pos, schema_lang(lang)) {
        Some(h) => serde_json::to_string(&HoverJson {
            from: h.from_utf16,
            to: h.to_utf16,
            title: &h.title,
            body: &h.body,
            key: fetched_doc(&h.doc_key),
            lang: lang.code(),
        })
        .unwrap_or_default(),
        None => String::new(),
    }
}
