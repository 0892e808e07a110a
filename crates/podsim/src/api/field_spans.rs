//! Where each field of the Pod is in the manifest's text, kept after loading so that what the
//! simulation explains can point back at the YAML: a field path (`spec.containers[0].livenessProbe.periodSeconds`)
//! → its span, with the UTF-16 offsets the editor counts in. A path with no span was not
//! written: the apiserver's default applied.

use super::decode::SpanIndex;
use super::Span;
use crate::yaml::LineIndex;
use std::rc::Rc;

/// The Pod document's field spans and the text they are in.
#[derive(Debug, Clone)]
pub struct FieldSpans {
    text: Rc<str>,
    index: SpanIndex,
}

impl PartialEq for FieldSpans {
    /// The spans follow from the text.
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl FieldSpans {
    pub fn new(text: &str, index: SpanIndex) -> Self {
        FieldSpans {
            text: Rc::from(text),
            index,
        }
    }

    /// Whether the manifest writes the field at `path` (exactly that path).
    pub fn written(&self, path: &str) -> bool {
        self.index.map.contains_key(path)
    }

    /// The span of the field at `path` as written: the value for a scalar, the key for a
    /// mapping or list (its first line). None when the manifest does not write it.
    pub fn span(&self, path: &str) -> Option<Span> {
        let e = self.index.map.get(path)?;
        let (a, b) = match e.key {
            Some(k) if e.collection || e.value.end <= e.value.start => (k.start, k.end),
            _ => (e.value.start, e.value.end),
        };
        let idx = LineIndex::new(&self.text);
        let (pa, pb) = (idx.position(a), idx.position(b.max(a)));
        Some(Span {
            start: idx.clamp(a),
            end: idx.clamp(b.max(a)),
            line: pa.line,
            col: pa.col,
            end_line: pb.line,
            end_col: pb.col,
            from_utf16: pa.utf16,
            to_utf16: pb.utf16,
        })
    }

    /// The path of the innermost field at UTF-16 offset `utf16` (the editor's cursor): the
    /// field whose key or value holds it, the deepest one when they nest.
    pub fn path_at(&self, utf16: usize) -> Option<String> {
        let idx = LineIndex::new(&self.text);
        let byte = idx.byte_of_utf16(utf16);
        self.index
            .map
            .iter()
            .filter(|(path, _)| !path.is_empty())
            .filter(|(_, e)| {
                let on_key = e.key.is_some_and(|k| k.start <= byte && byte <= k.end);
                on_key || (e.value.start <= byte && byte < e.value.end.max(e.value.start + 1))
            })
            .max_by_key(|(path, _)| (path.len(), path.as_str()))
            .map(|(path, _)| path.clone())
    }

    /// Every written field path, sorted (for tests and tools).
    pub fn paths(&self) -> Vec<&str> {
        let mut p: Vec<&str> = self.index.map.keys().map(String::as_str).collect();
        p.sort_unstable();
        p
    }
}
