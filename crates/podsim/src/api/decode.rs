//! Strict decoding: a YAML node tree checked against the schema the way the apiserver's
//! strict field validation and Go's encoding/json check it — every unknown field
//! (`strict decoding error: unknown field "spec.containers[0].imagee"`, with a "did you mean"
//! hint), every wrong type (`json: cannot unmarshal string into Go struct field
//! ContainerPort.spec.containers.ports.containerPort of type int32`), every bad quantity —
//! producing the JSON the typed model is read from, and an index of where each field path is.

use crate::cluster::KubeVersion;
use crate::model::Quantity;
use crate::schema::{Obj, Ty};
use crate::text::Text;
use crate::yaml::node::{ByteSpan, Node, Value};
use serde_json::{Map, Number, Value as Json};
use std::collections::HashMap;

/// Where a field path (`spec.containers[0].image`) is written: its value, and its key.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    pub map: HashMap<String, Entry>,
}

/// Where one field is: its value, its key (for mapping entries), whether it is a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub value: ByteSpan,
    pub key: Option<ByteSpan>,
    pub collection: bool,
}

fn entry(node: &Node, key: Option<ByteSpan>) -> Entry {
    Entry {
        value: node.span,
        key,
        collection: matches!(node.value, Value::Map(_) | Value::Seq(_)),
    }
}

impl SpanIndex {
    /// The span to underline for an error at `path`: the node itself; for a missing node, its
    /// nearest present parent.
    pub fn resolve(&self, path: &str) -> Option<(Entry, bool)> {
        let mut p = path.to_string();
        let mut exact = true;
        loop {
            if let Some(e) = self.map.get(&p) {
                return Some((*e, exact));
            }
            exact = false;
            let cut = match (p.rfind('.'), p.rfind('[')) {
                (Some(d), Some(b)) => d.max(b),
                (Some(d), None) => d,
                (None, Some(b)) => b,
                (None, None) => return self.map.get("").map(|e| (*e, false)),
            };
            p.truncate(cut);
        }
    }
}

/// One problem found while decoding.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    pub span: ByteSpan,
    pub path: String,
    pub message: String,
    pub hint: Option<Text>,
}

pub struct Decoded {
    pub json: Json,
    pub spans: SpanIndex,
    pub errors: Vec<DecodeError>,
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest field name version `v` knows, if close enough to be a typo.
pub fn suggest(unknown: &str, obj: &Obj, v: KubeVersion) -> Option<&'static str> {
    obj.fields
        .iter()
        .filter(|f| f.exists_in(v))
        .map(|f| (distance(unknown, f.name), f.name))
        .filter(|(d, name)| *d <= (name.len().max(unknown.len()) / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

struct Decoder<'a> {
    spans: SpanIndex,
    errors: Vec<DecodeError>,
    text: &'a str,
    /// The apiserver's version: a field newer than it is unknown.
    version: KubeVersion,
}

/// Join a JSON path without indices, as encoding/json names fields: `spec.containers.ports`.
fn go_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => skip = true,
            ']' => skip = false,
            c if !skip => out.push(c),
            _ => {}
        }
    }
    out
}

impl Decoder<'_> {
    /// A scalar exactly as written.
    fn literal(&self, node: &Node) -> String {
        self.text
            .get(node.span.start..node.span.end)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    fn type_error(&mut self, node: &Node, path: &str, parent_go: &str, ty: &Ty, what: String) {
        let field = path.rsplit('.').next().unwrap_or(path);
        let field = field.split('[').next().unwrap_or(field);
        let hint = type_hint(node, ty, field, &self.literal(node));
        self.errors.push(DecodeError {
            span: node.span,
            path: path.to_string(),
            message: format!(
                "json: cannot unmarshal {what} into Go struct field {parent_go}.{} of type {}",
                go_path(path),
                ty.go_name()
            ),
            hint,
        });
    }

    fn value(&mut self, node: &Node, ty: &Ty, path: &str, parent_go: &str) -> Option<Json> {
        let json_type = node.json_type();
        match (ty, &node.value) {
            (_, Value::Null) => None,
            (Ty::Any, _) => Some(to_json(node)),
            (Ty::Obj(obj), Value::Map(_)) => Some(self.object(node, obj, path)),
            (Ty::Arr(inner), Value::Seq(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let p = format!("{path}[{i}]");
                    self.spans.map.insert(p.clone(), entry(item, None));
                    // An element that failed to decode (already reported) is left out.
                    if let Some(v) = self.value(item, inner, &p, parent_go) {
                        out.push(v);
                    }
                }
                Some(Json::Array(out))
            }
            (Ty::StrMap, Value::Map(entries)) | (Ty::QuantityMap, Value::Map(entries)) => {
                let mut m = Map::new();
                for (k, v) in entries {
                    let p = format!("{path}.{}", k.text);
                    self.spans.map.insert(p.clone(), entry(v, Some(k.span)));
                    let elem = if matches!(ty, Ty::QuantityMap) {
                        Ty::Quantity
                    } else {
                        Ty::Str
                    };
                    match (&elem, &v.value) {
                        (Ty::Str, Value::Str(s)) => {
                            m.insert(k.text.clone(), Json::String(s.clone()));
                        }
                        (Ty::Str, Value::Null) => {
                            m.insert(k.text.clone(), Json::String(String::new()));
                        }
                        (Ty::Str, _) => {
                            self.errors.push(DecodeError {
                                span: v.span,
                                path: p,
                                message: format!(
                                    "json: cannot unmarshal {} into Go struct field {parent_go}.{} of type string",
                                    v.json_type(),
                                    go_path(path)
                                ),
                                hint: Some(Text::new(
                                    "quote it to make it a string",
                                    "따옴표로 감싸 문자열로 만드세요",
                                )),
                            });
                        }
                        _ => {
                            if let Some(q) = self.value(v, &Ty::Quantity, &p, parent_go) {
                                m.insert(k.text.clone(), q);
                            }
                        }
                    }
                }
                Some(Json::Object(m))
            }
            (Ty::Str, Value::Str(s)) => Some(Json::String(s.clone())),
            (Ty::Bool, Value::Bool(b)) => Some(Json::Bool(*b)),
            (Ty::Int32 | Ty::Int64, Value::Int(i)) => {
                let (lo, hi) = if matches!(ty, Ty::Int32) {
                    (i32::MIN as i128, i32::MAX as i128)
                } else {
                    (i64::MIN as i128, i64::MAX as i128)
                };
                if *i < lo || *i > hi {
                    let literal = self.literal(node);
                    self.type_error(node, path, parent_go, ty, format!("number {literal}"));
                    return None;
                }
                Some(Json::Number(Number::from(*i as i64)))
            }
            (Ty::Int32 | Ty::Int64, Value::Float(_)) => {
                let literal = self.literal(node);
                self.type_error(node, path, parent_go, ty, format!("number {literal}"));
                None
            }
            (Ty::IntOrStr, Value::Int(i)) => {
                if *i < i32::MIN as i128 || *i > i32::MAX as i128 {
                    self.type_error(node, path, parent_go, &Ty::Int32, format!("number {i}"));
                    return None;
                }
                Some(Json::Number(Number::from(*i as i64)))
            }
            (Ty::IntOrStr, Value::Str(s)) => Some(Json::String(s.clone())),
            (Ty::Quantity, Value::Str(_) | Value::Int(_) | Value::Float(_)) => {
                let text = match &node.value {
                    Value::Str(s) => s.clone(),
                    Value::Int(i) => i.to_string(),
                    Value::Float(f) => f.to_string(),
                    _ => String::new(),
                };
                if Quantity(text.clone()).is_valid() {
                    Some(Json::String(text))
                } else {
                    self.errors.push(DecodeError {
                        span: node.span,
                        path: path.to_string(),
                        message: crate::model::quantity::QUANTITY_ERROR.to_string(),
                        hint: Some(Text::new(
                            "e.g. 500m or 0.5 for cpu, 128Mi or 1Gi for memory",
                            "예: cpu는 500m 또는 0.5, memory는 128Mi 또는 1Gi",
                        )),
                    });
                    None
                }
            }
            _ => {
                self.type_error(node, path, parent_go, ty, json_type.to_string());
                None
            }
        }
    }

    fn object(&mut self, node: &Node, obj: &'static Obj, path: &str) -> Json {
        let mut out = Map::new();
        let Value::Map(entries) = &node.value else {
            return Json::Object(out);
        };
        for (i, (k, v)) in entries.iter().enumerate() {
            let p = if path.is_empty() {
                k.text.clone()
            } else {
                format!("{path}.{}", k.text)
            };
            self.spans.map.insert(p.clone(), entry(v, Some(k.span)));
            match obj.field_in(&k.text, self.version) {
                Some(f) => {
                    if let Some(j) = self.value(v, &f.ty, &p, obj.go) {
                        out.insert(k.text.clone(), j);
                    }
                }
                None => {
                    let before = i.checked_sub(1).map(|j| entries[j].0.text.as_str());
                    let hint = suggest(&k.text, obj, self.version)
                        .map(|s| {
                            Text::new(
                                format!("did you mean \"{s}\"?"),
                                format!("혹시 \"{s}\"인가요?"),
                            )
                        })
                        .or_else(|| belongs_above(&k.text, before, obj));
                    self.errors.push(DecodeError {
                        span: k.span,
                        path: p.clone(),
                        message: format!("strict decoding error: unknown field \"{p}\""),
                        hint,
                    });
                }
            }
        }
        Json::Object(out)
    }
}

/// An unknown field that is a field of the object (or list item) written just above it: its
/// line is not indented enough (`name:` at the level of `containers:`).
fn belongs_above(key: &str, before: Option<&str>, obj: &Obj) -> Option<Text> {
    let above = obj.field(before?)?;
    let (inner, item) = match &above.ty {
        Ty::Obj(o) => (*o, false),
        Ty::Arr(Ty::Obj(o)) => (*o, true),
        _ => return None,
    };
    inner.field(key)?;
    let name = above.name;
    Some(if item {
        Text::new(
            format!("`{key}` is a field of each item of `{name}` above: indent it under that item's `- `"),
            format!("`{key}`는 위 `{name}` 항목의 필드입니다. 그 항목의 `- ` 아래로 들여 쓰세요"),
        )
    } else {
        Text::new(
            format!("`{key}` is a field of `{name}` above: indent it under `{name}:`"),
            format!("`{key}`는 위 `{name}`의 필드입니다. `{name}:` 아래로 들여 쓰세요"),
        )
    })
}

/// What to write instead, for the type mistakes learners make: a number in quotes, a command
/// written as one string, a list written as a mapping, a string value left unquoted.
fn type_hint(node: &Node, ty: &Ty, field: &str, literal: &str) -> Option<Text> {
    match (ty, &node.value) {
        (Ty::Int32 | Ty::Int64 | Ty::IntOrStr, Value::Str(s)) if s.trim().parse::<i64>().is_ok() => {
            let n = s.trim();
            Some(Text::new(
                format!("write the number without quotes: `{n}`"),
                format!("숫자는 따옴표 없이 쓰세요: `{n}`"),
            ))
        }
        (Ty::Int32 | Ty::Int64, Value::Str(s)) => Some(whole_number_hint(field, s.trim())),
        (Ty::Int32 | Ty::IntOrStr, Value::Int(_)) => Some(Text::new(
            "a number here must fit in 32 bits: at most 2147483647",
            "여기 쓰는 숫자는 32비트에 들어가야 합니다: 2147483647 이하",
        )),
        (Ty::Int32 | Ty::Int64, Value::Float(_)) => Some(Text::new(
            "write a whole number",
            "정수로 쓰세요",
        )),
        (Ty::Arr(Ty::Str), Value::Str(s)) => {
            let quoted = |words: &[String]| {
                let words: Vec<String> = words.iter().map(|w| format!("{w:?}")).collect();
                format!("[{}]", words.join(", "))
            };
            Some(match as_argv(s) {
                Some(words) => {
                    let list = quoted(&words);
                    Text::new(
                        format!("write a list, one item per word: `{list}`"),
                        format!("단어마다 항목 하나인 목록으로 쓰세요: `{list}`"),
                    )
                }
                None => {
                    let list = quoted(&["sh".into(), "-c".into(), s.clone()]);
                    Text::new(
                        format!("write a list; this line needs a shell to run it: `{list}`"),
                        format!("목록으로 쓰세요. 이 줄은 셸이 실행해야 합니다: `{list}`"),
                    )
                }
            })
        }
        (Ty::Arr(Ty::Obj(_)), Value::Map(_)) => Some(Text::new(
            "write a list: put `- ` before the first field of each item",
            "목록으로 쓰세요: 항목마다 첫 필드 앞에 `- `를 붙입니다",
        )),
        (Ty::Arr(_), _) => Some(Text::new(
            "write a list: one `- item` per line, or `[a, b]`",
            "목록으로 쓰세요: 한 줄에 `- 항목` 하나씩, 또는 `[a, b]`",
        )),
        (Ty::Str, Value::Int(_) | Value::Float(_) | Value::Bool(_)) => Some(Text::new(
            format!("quote it to make it a string: `\"{literal}\"`"),
            format!("따옴표로 감싸 문자열로 만드세요: `\"{literal}\"`"),
        )),
        (Ty::Bool, Value::Str(s)) if matches!(s.as_str(), "true" | "false") => Some(Text::new(
            format!("write `{s}` without quotes"),
            format!("`{s}`는 따옴표 없이 쓰세요"),
        )),
        (Ty::Obj(_) | Ty::StrMap | Ty::QuantityMap, Value::Str(s)) if s.contains(':') => {
            Some(Text::new(
                "write the fields on their own lines below it, indented, as `key: value` with a space after each `:`",
                "필드는 그 아래 줄에 들여 써서 `키: 값` 꼴로, `:` 뒤에 공백을 두고 쓰세요",
            ))
        }
        _ => None,
    }
}

/// A number written as a word (`five`, `ten`), in English.
fn number_word(word: &str) -> Option<u32> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let word = word.to_ascii_lowercase();
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return u32::try_from(n).ok();
    }
    match word.as_str() {
        "fifteen" => Some(15),
        "twenty" => Some(20),
        "thirty" => Some(30),
        "sixty" => Some(60),
        _ => None,
    }
}

/// What to write where a whole number is expected and `written` is not one: the number in
/// digits for a number word, the seconds alone for a duration in a `…Seconds` field, else an
/// example.
fn whole_number_hint(field: &str, written: &str) -> Text {
    let seconds_field = field.ends_with("Seconds");
    if let Some(n) = number_word(written) {
        return Text::new(
            format!("write the number in digits, without quotes: `{field}: {n}`"),
            format!("숫자는 따옴표 없이 아라비아 숫자로 쓰세요: `{field}: {n}`"),
        );
    }
    if let Some(secs) = crate::time::parse_duration(written)
        .ok()
        .filter(|ms| seconds_field && ms % crate::time::SECOND == 0)
        .map(|ms| ms / crate::time::SECOND)
    {
        return Text::new(
            format!("`{field}` counts seconds: write the number alone, `{field}: {secs}`"),
            format!("`{field}`는 초 단위입니다. 숫자만 쓰세요: `{field}: {secs}`"),
        );
    }
    if seconds_field {
        return Text::new(
            format!("`{field}` takes a whole number of seconds, e.g. `{field}: 10`"),
            format!("`{field}`에는 초 단위 정수를 씁니다. 예: `{field}: 10`"),
        );
    }
    Text::new(
        format!("`{field}` takes a whole number, e.g. `{field}: 3`"),
        format!("`{field}`에는 정수를 씁니다. 예: `{field}: 3`"),
    )
}

/// A command line split into its words as a shell would (quotes group, and are removed), when
/// it needs nothing else from a shell: no variables, pipes, redirections or lists.
fn as_argv(line: &str) -> Option<Vec<String>> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, c) if c.is_whitespace() => words.extend(word.take()),
            (None, '$' | '|' | '&' | ';' | '<' | '>' | '(' | ')' | '`' | '\\' | '*' | '?') => {
                return None
            }
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    (quote.is_none() && !words.is_empty()).then_some(words)
}

/// Any node as plain JSON (for `Any` fields).
pub fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => i64::try_from(*i)
            .map(|i| Json::Number(Number::from(i)))
            .unwrap_or_else(|_| Json::String(i.to_string())),
        Value::Float(f) => Number::from_f64(*f).map(Json::Number).unwrap_or(Json::Null),
        Value::Str(s) => Json::String(s.clone()),
        Value::Seq(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| (k.text.clone(), to_json(v)))
                .collect(),
        ),
    }
}

/// Decode one document against the schema of its kind, as version `version`'s apiserver
/// knows it.
pub fn decode(node: &Node, root: &'static Obj, text: &str, version: KubeVersion) -> Decoded {
    let mut d = Decoder {
        spans: SpanIndex::default(),
        errors: Vec::new(),
        text,
        version,
    };
    d.spans.map.insert(String::new(), entry(node, None));
    let json = d.object(node, root, "");
    Decoded {
        json,
        spans: d.spans,
        errors: d.errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::pod::POD;
    use crate::yaml::parse_documents;

    fn run(text: &str) -> Decoded {
        let docs = parse_documents(text).unwrap();
        decode(&docs[0], &POD, text, KubeVersion::NEWEST)
    }

    #[test]
    fn unknown_fields_all_reported_with_hints() {
        let d = run("spec:\n  containers:\n  - name: a\n    imagee: x\n    portz: []\n");
        let msgs: Vec<_> = d.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "strict decoding error: unknown field \"spec.containers[0].imagee\"",
                "strict decoding error: unknown field \"spec.containers[0].portz\""
            ]
        );
        let hint = |i: usize| d.errors[i].hint.as_ref().map(|h| h.en.as_str());
        assert_eq!(hint(0), Some("did you mean \"image\"?"));
        assert_eq!(hint(1), Some("did you mean \"ports\"?"));
        assert!(d.errors[0].hint.as_ref().is_some_and(Text::is_complete));
    }

    #[test]
    fn type_errors_in_go_words() {
        let d =
            run("spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: \"8080\"\n");
        assert_eq!(
            d.errors[0].message,
            "json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32"
        );
        let d = run("spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 99999999999999999999\n");
        assert!(
            d.errors[0]
                .message
                .contains("cannot unmarshal number 99999999999999999999"),
            "{:?}",
            d.errors
        );
        let d = run("spec:\n  containers: web\n");
        assert_eq!(
            d.errors[0].message,
            "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container"
        );
        let d = run("metadata:\n  labels:\n    version: 1\n");
        assert!(d.errors[0].message.contains("of type string"));
    }

    #[test]
    fn bad_quantities() {
        let d = run(
            "spec:\n  containers:\n  - name: a\n    resources:\n      limits:\n        cpu: lots\n",
        );
        assert!(d.errors[0].message.starts_with("quantities must match"));
    }

    #[test]
    fn span_index_resolves_missing_paths_to_parents() {
        let text = "spec:\n  containers:\n  - name: a\n";
        let d = run(text);
        let (e, exact) = d.spans.resolve("spec.containers[0].image").unwrap();
        assert!(!exact);
        assert_eq!(&text[e.value.start..e.value.start + 4], "name");
    }
}
