//! Parsing with serde-saphyr into the spanned node tree: every scalar's and key's location
//! comes from `serde_saphyr::Spanned`; collections span from their start to their last
//! child. Input size, nesting, node count and alias expansion are bounded so that hostile
//! input (alias bombs, deep nesting, huge files) is refused quickly with a clear message.

use super::node::{ByteSpan, Key, Node, Value};
use super::position::LineIndex;
use crate::text::Text;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// The largest manifest podsim reads.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;
/// Nesting depth limit.
pub const MAX_DEPTH: usize = 48;
/// Node count limit (after alias expansion). Parsing costs a few microseconds a node in the
/// browser on a slow machine, so this keeps the worst case (10 000 containers pasted) well
/// inside the 100 ms a keystroke may take; lesson manifests have a few hundred nodes.
pub const MAX_NODES: usize = 6_000;

/// A YAML syntax (or resource-limit) error with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    /// The message in Korean when it is podlab's own (a limit); the parser's own messages
    /// stay in English.
    pub message_ko: Option<String>,
    /// What to do about it, in every language (syntax errors a learner commonly makes).
    pub hint: Option<Box<Text>>,
    pub byte: usize,
    /// Where the offending text ends, when it is more than the character at `byte`.
    pub end: Option<usize>,
    pub line: u32,
    pub col: u32,
}

/// The raw value as serde-saphyr hands it over.
enum Raw {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<RawNode>),
    Map(Vec<(RawNode, RawNode)>),
}

struct RawNode(Spanned<Raw>);

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Spanned::<Raw>::deserialize(d).map(RawNode)
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v as i128))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Int(v as i128))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(match i128::try_from(v) {
            Ok(i) => Raw::Int(i),
            Err(_) => Raw::Float(v as f64),
        })
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(n) = a.next_element::<RawNode>()? {
            items.push(n);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(kv) = a.next_entry::<RawNode, RawNode>()? {
            entries.push(kv);
        }
        Ok(Raw::Map(entries))
    }
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 4 * MAX_NODES;
    budget.max_aliases = 2_000;
    budget.max_anchors = 2_000;
    budget.max_documents = 64;
    budget.max_recorded_anchor_events = 4 * MAX_NODES;
    let mut alias = serde_saphyr::options::AliasLimits::default();
    alias.max_total_replayed_events = 4 * MAX_NODES;
    alias.max_replay_stack_depth = 16;
    let mut o = serde_saphyr::Options::default();
    o.budget = Some(budget);
    o.alias_limits = alias;
    o.with_snippet = false;
    // Repeated keys reach the converter, which names them as kubectl does.
    o.duplicate_keys = serde_saphyr::options::DuplicateKeyPolicy::PassThrough;
    o
}

struct Converter<'a> {
    idx: &'a LineIndex<'a>,
    nodes: usize,
}

impl Converter<'_> {
    fn span_of(&self, s: &serde_saphyr::Span) -> ByteSpan {
        let (start, len) = match (s.byte_offset(), s.byte_len()) {
            (Some(o), Some(l)) => (o as usize, l as usize),
            _ => {
                let start = self.idx.byte_of_char(s.offset() as usize);
                let end = self.idx.byte_of_char((s.offset() + s.len()) as usize);
                (start, end.saturating_sub(start))
            }
        };
        let start = self.idx.clamp(start);
        ByteSpan {
            start,
            end: self.idx.clamp(start + len).max(start),
        }
    }

    fn node(&mut self, raw: RawNode, depth: usize) -> Result<Node, (Text, ByteSpan)> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err((too_many_nodes(), ByteSpan::default()));
        }
        if depth > MAX_DEPTH {
            return Err((too_deep(), ByteSpan::default()));
        }
        let spanned = raw.0;
        let mut span = self.span_of(&spanned.referenced.span());
        let value = match spanned.value {
            Raw::Null => Value::Null,
            Raw::Bool(b) => Value::Bool(b),
            Raw::Int(i) => Value::Int(i),
            Raw::Float(f) => Value::Float(f),
            Raw::Str(s) => Value::Str(s),
            Raw::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    let n = self.node(it, depth + 1)?;
                    span.end = span.end.max(n.span.end);
                    out.push(n);
                }
                Value::Seq(out)
            }
            Raw::Map(entries) => {
                let (keys, values): (Vec<Key>, Vec<RawNode>) =
                    entries.into_iter().map(|(k, v)| (self.key(k), v)).unzip();
                if let Some((first, again)) = first_repeat(&keys) {
                    let (first, again) = (&keys[first], &keys[again]);
                    return Err((self.duplicate_key(&again.text, first.span), again.span));
                }
                let mut out = Vec::with_capacity(keys.len());
                for (key, v) in keys.into_iter().zip(values) {
                    let v = self.node(v, depth + 1)?;
                    span.end = span.end.max(v.span.end).max(key.span.end);
                    out.push((key, v));
                }
                Value::Map(out)
            }
        };
        Ok(Node { value, span })
    }
}

/// The first key written again in a mapping: (where it was first, where again).
fn first_repeat(keys: &[Key]) -> Option<(usize, usize)> {
    if keys.len() <= 16 {
        return (1..keys.len()).find_map(|i| {
            (0..i)
                .find(|&j| keys[j].text == keys[i].text)
                .map(|j| (j, i))
        });
    }
    let mut seen = std::collections::HashMap::with_capacity(keys.len());
    keys.iter()
        .enumerate()
        .find_map(|(i, k)| seen.insert(k.text.as_str(), i).map(|j| (j, i)))
}

impl Converter<'_> {
    /// A mapping key as written: `y:`, `n:`, `1:` … read as bools or numbers by YAML 1.1
    /// keep their text.
    fn key(&self, k: RawNode) -> Key {
        let span = self.span_of(&k.0.referenced.span());
        let text = match k.0.value {
            Raw::Str(s) => s,
            _ => self.idx.text()[span.start..span.end].to_string(),
        };
        Key { text, span }
    }

    /// kubectl's words for a repeated key: `mapping key "kind" already defined at line 1`.
    fn duplicate_key(&self, key: &str, first: ByteSpan) -> Text {
        let line = self.idx.position(first.start).line;
        Text::same(format!(
            "mapping key {key:?} already defined at line {line}"
        ))
    }
}

fn error_at(idx: &LineIndex, byte: usize, message: Text) -> YamlError {
    let p = idx.position(byte);
    YamlError {
        hint: syntax_hint(&message.en).map(Box::new),
        message_ko: (message.ko != message.en).then_some(message.ko),
        message: message.en,
        byte: idx.clamp(byte),
        end: None,
        line: p.line,
        col: p.col,
    }
}

/// A nudge for the YAML mistakes learners make most, by the parser's message.
fn syntax_hint(message: &str) -> Option<Text> {
    let (en, ko) = if message.starts_with("mapping values are not allowed") {
        (
            "a `key: value` cannot start here: line this key up with the keys above it, and quote a value that itself contains `: `",
            "여기서는 `키: 값`을 시작할 수 없습니다. 이 키를 위쪽 키들과 같은 열에 맞추고, `: `가 들어간 값은 따옴표로 감싸세요",
        )
    } else if message.contains("did not find expected key") {
        (
            "this line is not indented like the keys of the mapping it belongs to: keys of one mapping start in the same column",
            "이 줄의 들여쓰기가 속한 매핑의 키들과 맞지 않습니다. 한 매핑의 키들은 같은 열에서 시작합니다",
        )
    } else if message.starts_with("block sequence entries are not allowed") {
        (
            "a list cannot start on the line of its key: put each `- ` item on its own line below `key:`",
            "목록은 키와 같은 줄에서 시작할 수 없습니다. `- ` 항목은 `키:` 아래 줄마다 하나씩 쓰세요",
        )
    } else if message.contains("did not find expected '-' indicator") {
        (
            "an item of this list must start with `- ` in the same column as the items above it",
            "이 목록의 항목은 위 항목들과 같은 열에서 `- `로 시작해야 합니다",
        )
    } else if message.contains("tab") && message.contains("indentation") {
        (
            "YAML indents with spaces only: replace the tab with spaces",
            "YAML은 공백으로만 들여씁니다. 탭을 공백으로 바꾸세요",
        )
    } else if message.starts_with("unclosed quote") {
        (
            "close the quote: a value that opens with `\"` or `'` ends with the same mark",
            "따옴표를 닫으세요. `\"`나 `'`로 시작한 값은 같은 따옴표로 끝나야 합니다",
        )
    } else if message.starts_with("unclosed bracket")
        || message.starts_with("mismatched bracket")
        || message.starts_with("misplaced bracket")
    {
        (
            "close each `[` with `]` and each `{` with `}`, in the order they were opened",
            "`[`는 `]`로, `{`는 `}`로, 연 순서대로 닫으세요",
        )
    } else if message.contains("after single-quoted scalar") {
        (
            "inside single quotes write a quote as two (`'it''s'`), or use double quotes",
            "작은따옴표 안에서는 따옴표를 두 번 쓰거나(`'it''s'`) 큰따옴표를 쓰세요",
        )
    } else if message.contains("unknown escape character") {
        (
            "inside double quotes a backslash starts an escape (`\\n`, `\\t`): write `\\\\` for a backslash, or use single quotes",
            "큰따옴표 안에서 백슬래시는 이스케이프(`\\n`, `\\t`)를 시작합니다. 백슬래시는 `\\\\`로 쓰거나 작은따옴표를 쓰세요",
        )
    } else if message.contains("already defined at line") {
        (
            "a key appears once in a mapping: remove one of the two, or merge them",
            "한 매핑에서 키는 한 번만 씁니다. 둘 중 하나를 지우거나 합치세요",
        )
    } else if message.contains("unknown anchor") {
        (
            "`*name` repeats what an anchor `&name` marked earlier in the same document",
            "`*이름`은 같은 문서 앞쪽에서 `&이름`으로 표시한 내용을 되풀이합니다",
        )
    } else {
        return None;
    };
    Some(Text::new(en, ko))
}

fn too_many_nodes() -> Text {
    Text::new(
        format!("the YAML has more than {MAX_NODES} nodes; podlab reads smaller manifests"),
        format!(
            "YAML의 노드가 {MAX_NODES}개를 넘습니다. podlab은 이보다 작은 매니페스트를 읽습니다"
        ),
    )
}

fn too_deep() -> Text {
    Text::new(
        format!("the YAML nests deeper than {MAX_DEPTH} levels; a Pod manifest needs far fewer"),
        format!("YAML이 {MAX_DEPTH}단계보다 깊게 중첩되어 있습니다. 파드 매니페스트에는 훨씬 적은 단계면 충분합니다"),
    )
}

/// Turn serde-saphyr's error text into a learner's message (without its location prefix).
fn clean_message(e: &serde_saphyr::Error, has_aliases: bool) -> Text {
    let text = e.without_snippet().to_string();
    let first = text.lines().next().unwrap_or_default().trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // "line 2 column 4: mapping values are not allowed in this context"
    let msg = match first.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") => rest,
        _ => first,
    };
    // "… at line 2, column 4": the position is reported separately.
    let msg = match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(", column ") => &msg[..i],
        _ => msg,
    };
    let lower = msg.to_ascii_lowercase();
    if lower.contains("recursion limit") || lower.contains("depth") && lower.contains("budget") {
        return too_deep();
    }
    let over_budget =
        lower.contains("budget") || lower.contains("alias") && lower.contains("limit");
    if over_budget && !has_aliases {
        return too_many_nodes();
    }
    if over_budget {
        return Text::new(
            format!(
                "the YAML expands too much: its anchors and aliases (`&a`, `*a`) make more \
                 than {MAX_NODES} nodes"
            ),
            format!(
                "YAML이 너무 많이 불어납니다: 앵커와 별칭(`&a`, `*a`)이 노드를 {MAX_NODES}개보다 \
                 많이 만듭니다"
            ),
        );
    }
    Text::same(msg)
}

/// Parse every document of `text`. Empty documents are skipped.
pub fn parse_documents(text: &str) -> Result<Vec<Node>, YamlError> {
    let idx = LineIndex::new(text);
    if text.len() > MAX_INPUT_BYTES {
        return Err(error_at(
            &idx,
            0,
            Text::new(
                format!(
                    "the manifest is {:.1} KB; podlab reads manifests up to {} KB",
                    text.len() as f64 / 1024.0,
                    MAX_INPUT_BYTES / 1024
                ),
                format!(
                    "매니페스트가 {:.1} KB입니다. podlab은 {} KB까지의 매니페스트를 읽습니다",
                    text.len() as f64 / 1024.0,
                    MAX_INPUT_BYTES / 1024
                ),
            ),
        ));
    }
    let raws: Vec<Option<RawNode>> = match serde_saphyr::from_multiple_with_options(text, options())
    {
        Ok(v) => v,
        Err(e) => {
            let byte = e
                .location()
                .map(|l| idx.byte_of_line_col(l.line() as u32, l.column() as u32))
                .unwrap_or(0);
            return Err(error_at(&idx, byte, clean_message(&e, text.contains('*'))));
        }
    };
    let mut conv = Converter {
        idx: &idx,
        nodes: 0,
    };
    let mut out = Vec::new();
    for raw in raws.into_iter().flatten() {
        match conv.node(raw, 0) {
            Ok(n) if n.value == Value::Null => {}
            Ok(n) => out.push(n),
            Err((msg, at)) => {
                return Err(YamlError {
                    end: (at.end > at.start).then_some(at.end),
                    ..error_at(&idx, at.start, msg)
                })
            }
        }
    }
    Ok(out)
}

/// Read a typed value (lessons, scenarios, the image catalog) from YAML: parsed once into the
/// node tree, then handed to serde through JSON. Errors name the line when the YAML is bad,
/// and the field when the data does not fit.
pub fn from_yaml_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let docs = parse_documents(text).map_err(|e| format!("{}:{}: {}", e.line, e.col, e.message))?;
    let json = match docs.first() {
        Some(n) => crate::api::decode::to_json(n),
        None => serde_json::Value::Null,
    };
    serde_json::from_value(json).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_keys_and_scalars() {
        let text = "kind: Pod\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
        let docs = parse_documents(text).unwrap();
        let spec = docs[0].get("spec").unwrap();
        let c = &match &spec.get("containers").unwrap().value {
            Value::Seq(s) => s.clone(),
            _ => panic!(),
        }[0];
        let image = c.get("image").unwrap();
        assert_eq!(&text[image.span.start..image.span.end], "nginx");
        let ks = c.key_span("image").unwrap();
        assert_eq!(&text[ks.start..ks.end], "image");
        assert_eq!(
            &text[c.span.start..c.span.end],
            "name: web\n    image: nginx"
        );
    }

    #[test]
    fn yaml11_bool_keys_keep_their_text() {
        let docs = parse_documents("y: 1\nn: 2\n").unwrap();
        assert!(docs[0].get("y").is_some());
        assert!(docs[0].get("n").is_some());
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse_documents("a: b\n  c: d\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 4));
        assert_eq!(e.message, "mapping values are not allowed in this context");
    }

    #[test]
    fn repeated_keys_are_named_as_kubectl_names_them() {
        let e = parse_documents("kind: Pod\nspec:\n  a: 1\nkind: Pod\n").unwrap_err();
        assert_eq!(e.message, "mapping key \"kind\" already defined at line 1");
        assert_eq!((e.line, e.col), (4, 1));
        assert!(e.hint.is_some());
        // A long mapping (looked up by hash): the first repeat, in the order written.
        let mut long: String = (0..20).map(|i| format!("k{i}: v\n")).collect();
        long.push_str("k3: again\nk1: again\n");
        let e = parse_documents(&long).unwrap_err();
        assert_eq!(e.message, "mapping key \"k3\" already defined at line 4");
        assert_eq!(
            (e.line, e.col, e.end),
            (21, 1, Some(long.find("k3: again").unwrap() + 2))
        );
        // The same key in two different mappings is fine.
        assert!(parse_documents("a: {x: 1}\nb: {x: 2}\n").is_ok());
    }

    #[test]
    fn common_syntax_errors_come_with_a_hint_in_both_languages() {
        for text in [
            "a: b\n  c: d\n",
            "kind: Pod\nspec:\n  containers:\n  - name: a\n   image: b\n",
            "kind: Pod\nspec:\n\tcontainers: []\n",
            "kind: \"Pod\nspec: {}\n",
            "a: [b, c\n",
            "a: 'it's'\n",
            "a:\n  - b\n  c: d\n",
            "a: - b\n",
        ] {
            let e = parse_documents(text).unwrap_err();
            let hint = e
                .hint
                .unwrap_or_else(|| panic!("no hint for {:?}", e.message));
            assert!(!hint.en.is_empty() && hint.ko != hint.en, "{}", e.message);
        }
    }

    #[test]
    fn multi_document_and_empty_documents() {
        let docs = parse_documents("---\na: 1\n---\n---\nb: 2\n").unwrap();
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn hostile_inputs_are_refused() {
        let big = "a: b\n".repeat(60_000);
        assert!(parse_documents(&big)
            .unwrap_err()
            .message
            .contains("up to 256 KB"));
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        assert!(parse_documents(&deep).is_err());
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..10 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb.push_str(&format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let t = std::time::Instant::now();
        assert!(parse_documents(&bomb).is_err());
        assert!(t.elapsed().as_millis() < 2000);
    }
}
