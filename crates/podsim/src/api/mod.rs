//! What the apiserver does with a manifest, in one call — [`load`]: parse the YAML, decode
//! every document strictly against its kind's schema, apply the defaults, validate, and
//! report every problem in the apiserver's words with the span of the text to underline.
//!
//! - `decode`: strict decoding (unknown fields, types, quantities) and the span index.
//! - `defaults`: defaulting and admission.
//! - `disabled_fields`: fields a disabled feature gate drops before validation.
//! - `validation`: the validation rules.
//! - `field_error`: the `PATH: TYPE: DETAIL` error format.
//! - `field_hints`: what to write instead, beside the common validation errors.
//! - `look_alikes`: the hint for a no-break or full-width space, or a full-width colon, where
//!   YAML needs a space or a `:`.

pub mod decode;
pub mod defaults;
pub mod disabled_fields;
pub mod field_error;
pub mod field_hints;
pub mod field_spans;
pub mod look_alikes;
pub mod validation;

use crate::cluster::Cluster;
use crate::model::{ConfigMap, Manifest, Pod, Service};
use crate::schema;
use crate::text::Text;
use crate::yaml::node::ByteSpan;
use crate::yaml::{parse_documents, LineIndex, Node, Value};
use decode::{decode, SpanIndex};
use field_error::FieldError;
pub use field_spans::FieldSpans;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// A place in the text: byte offsets, 1-based line/column (in characters), and UTF-16
/// offsets for the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
    pub from_utf16: usize,
    pub to_utf16: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The field path the message is about, when there is one.
    pub path: Option<String>,
    /// The apiserver's words, e.g. `spec.containers[0].image: Required value`.
    pub message: String,
    /// The message in Korean, when it is podlab's own words (a limit podlab sets); the
    /// apiserver's, kubectl's and the YAML parser's stay in English, as a cluster prints them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_ko: Option<String>,
    /// A nudge for the learner (`did you mean "image"?`), in every language.
    pub hint: Option<Text>,
    pub span: Span,
}

impl Diagnostic {
    /// The message as a learner reading `lang` ("en", "ko") sees it.
    pub fn message_in(&self, lang: &str) -> &str {
        match (&self.message_ko, lang) {
            (Some(ko), "ko") => ko,
            _ => &self.message,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// The objects as written (decoded), when the text could be read at all.
    pub manifest: Option<Manifest>,
    /// The objects as the cluster stores them; only when there is no error.
    pub defaulted: Option<Manifest>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the Pod's fields are in the text, when it could be decoded.
    pub fields: Option<Rc<FieldSpans>>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
    pub fn is_valid(&self) -> bool {
        self.defaulted.is_some()
    }
}

fn make_span(idx: &LineIndex, start: usize, end: usize) -> Span {
    let a = idx.position(start);
    let b = idx.position(end.max(start));
    Span {
        start: idx.clamp(start),
        end: idx.clamp(end.max(start)),
        line: a.line,
        col: a.col,
        end_line: b.line,
        end_col: b.col,
        from_utf16: a.utf16,
        to_utf16: b.utf16,
    }
}

/// The span to underline for a field path: the value for scalars, the key for collections;
/// for a missing field, its parent's key (or the parent's first line).
fn span_for(idx: &LineIndex, spans: &SpanIndex, path: &str) -> Span {
    let Some((e, exact)) = spans.resolve(path) else {
        return make_span(idx, 0, idx.line_end(0));
    };
    let first_line = |s: ByteSpan| (s.start, idx.line_end(s.start).min(s.end.max(s.start + 1)));
    let (a, b) = if exact && !e.collection && e.value.end > e.value.start {
        (e.value.start, e.value.end)
    } else if let Some(k) = e.key {
        (k.start, k.end)
    } else {
        first_line(e.value)
    };
    make_span(idx, a, b)
}

struct DocResult {
    index: SpanIndex,
}

fn diag(
    severity: Severity,
    path: Option<String>,
    message: String,
    hint: Option<Text>,
    span: Span,
) -> Diagnostic {
    Diagnostic {
        severity,
        path,
        message,
        message_ko: None,
        hint,
        span,
    }
}

fn field_diag(
    idx: &LineIndex,
    spans: &SpanIndex,
    e: &FieldError,
    severity: Severity,
) -> Diagnostic {
    let at = e.locate.as_deref().unwrap_or(&e.path);
    diag(
        severity,
        Some(e.path.clone()),
        e.to_string(),
        field_hints::hint(e),
        span_for(idx, spans, at),
    )
}

/// Counted on the parsed tree, before any decoding, so that a pod of hundreds of containers
/// is answered at once: more than the simulation takes (`sim::MAX_CONTAINERS`) is refused.
fn too_many_containers(idx: &LineIndex, doc: &Node) -> Option<Diagnostic> {
    let spec = doc.get("spec")?;
    let len = |key: &str| match spec.get(key).map(|n| &n.value) {
        Some(Value::Seq(items)) => items.len(),
        _ => 0,
    };
    let count = len("containers") + len("initContainers");
    if count <= crate::sim::MAX_CONTAINERS {
        return None;
    }
    let at = spec
        .get("containers")
        .or_else(|| spec.get("initContainers"))
        .map_or(spec.span.start, |n| n.span.start);
    let message = crate::sim::too_many_containers(count);
    Some(Diagnostic {
        message_ko: Some(message.ko),
        ..diag(
            Severity::Error,
            Some("spec.containers".into()),
            message.en,
            None,
            make_span(idx, at, idx.line_end(at)),
        )
    })
}

/// What a valid pod asks for that podsim does not simulate: the RestartAllContainers action
/// of restartPolicyRules (KEP-5532, on by default from 1.36). podlab refuses it in its own
/// words rather than run it wrong.
fn not_simulated(idx: &LineIndex, spans: &SpanIndex, pod: &Pod) -> Option<Diagnostic> {
    let (i, j, init) = pod
        .spec
        .all_containers()
        .enumerate()
        .find_map(|(n, (c, init))| {
            let j = c
                .restart_policy_rules
                .iter()
                .position(|r| r.action == "RestartAllContainers")?;
            Some((n, j, init))
        })?;
    let inits = pod.spec.init_containers.len();
    let path = if init {
        format!("spec.initContainers[{i}].restartPolicyRules[{j}].action")
    } else {
        format!(
            "spec.containers[{}].restartPolicyRules[{j}].action",
            i - inits
        )
    };
    let text = Text::new(
        "podsim does not simulate the RestartAllContainers action (KEP-5532) yet: a cluster that has it would restart the whole pod; here, use action: Restart",
        "podsim은 아직 RestartAllContainers 동작(KEP-5532)을 시뮬레이션하지 않음. 이 동작이 있는 클러스터는 파드 전체를 재시작함. 여기서는 action: Restart를 씀",
    );
    Some(Diagnostic {
        message_ko: Some(text.ko),
        ..diag(
            Severity::Error,
            Some(path.clone()),
            text.en,
            None,
            span_for(idx, spans, &path),
        )
    })
}

/// podlab's note on a field the apiserver dropped (it says nothing itself).
fn dropped_note(d: &disabled_fields::Dropped, cluster: &Cluster) -> Text {
    let v = cluster.version;
    Text::new(
        format!(
            "podlab: the apiserver dropped {} without a word: feature gate {} is off on this Kubernetes {v} cluster",
            d.path, d.gate
        ),
        format!(
            "podlab: 이 쿠버네티스 {v} 클러스터는 기능 게이트 {}가 꺼져 있어 API 서버가 {}를 아무 말 없이 버림",
            d.gate, d.path
        ),
    )
}

/// Parse, decode, default and validate `text` as the newest version's apiserver, with its
/// default feature gates, does.
pub fn load(text: &str) -> Loaded {
    load_on(text, &Cluster::default())
}

/// Parse, decode, default and validate `text` as `cluster`'s apiserver does: a field its
/// version does not know is unknown; a field whose feature gate is off is dropped.
pub fn load_on(text: &str, cluster: &Cluster) -> Loaded {
    let mut out = load_unexplained(text, cluster);
    look_alikes::explain(text, &mut out.diagnostics);
    out
}

fn load_unexplained(text: &str, cluster: &Cluster) -> Loaded {
    let idx = LineIndex::new(text);
    let mut out = Loaded::default();
    let docs = match parse_documents(text) {
        Ok(d) => d,
        Err(e) => {
            let end = {
                let next = text[e.byte..]
                    .chars()
                    .next()
                    .map(char::len_utf8)
                    .unwrap_or(0);
                let one = (e.byte + next).min(idx.line_end(e.byte).max(e.byte));
                e.end.map_or(one, |end| end.max(one))
            };
            out.diagnostics.push(Diagnostic {
                message_ko: e.message_ko,
                ..diag(
                    Severity::Error,
                    None,
                    e.message,
                    e.hint.map(|h| *h),
                    make_span(&idx, e.byte, end),
                )
            });
            return out;
        }
    };
    if docs.is_empty() {
        out.diagnostics.push(diag(
            Severity::Error,
            None,
            "the manifest is empty: write a Pod (apiVersion: v1, kind: Pod)".into(),
            None,
            make_span(&idx, 0, 0),
        ));
        return out;
    }
    let mut pods: Vec<(Pod, DocResult)> = Vec::new();
    let mut services: Vec<(Service, DocResult)> = Vec::new();
    let mut config_maps: Vec<(ConfigMap, DocResult)> = Vec::new();
    let mut decode_failed = false;
    for doc in &docs {
        let Value::Map(_) = &doc.value else {
            out.diagnostics.push(diag(
                Severity::Error,
                None,
                format!("a manifest document must be a mapping (apiVersion, kind, metadata, …), not a {}", doc.json_type()),
                None,
                make_span(&idx, doc.span.start, idx.line_end(doc.span.start)),
            ));
            decode_failed = true;
            continue;
        };
        let key_or_doc = |k: &str| match doc.key_span(k) {
            Some(s) => make_span(&idx, s.start, s.end),
            None => make_span(&idx, doc.span.start, idx.line_end(doc.span.start)),
        };
        let value_span = |k: &str| match doc.get(k) {
            Some(v) if v.span.end > v.span.start => make_span(&idx, v.span.start, v.span.end),
            _ => key_or_doc(k),
        };
        // kind and apiVersion must be strings before anything else can be read.
        let mut not_string = false;
        for key in ["apiVersion", "kind"] {
            if let Some(v) = doc.get(key).filter(|v| v.as_str().is_none()) {
                out.diagnostics.push(diag(
                    Severity::Error,
                    Some(key.into()),
                    format!(
                        "json: cannot unmarshal {} into Go struct field TypeMeta.{key} of type string",
                        v.json_type()
                    ),
                    Some(if key == "kind" {
                        Text::new("write `kind: Pod`", "`kind: Pod`라고 쓰세요")
                    } else {
                        Text::new("write `apiVersion: v1`", "`apiVersion: v1`이라고 쓰세요")
                    }),
                    value_span(key),
                ));
                not_string = true;
            }
        }
        if not_string {
            decode_failed = true;
            continue;
        }
        let kind = doc.get("kind").and_then(Node::as_str).unwrap_or("");
        let api_version = doc.get("apiVersion").and_then(Node::as_str).unwrap_or("");
        if kind.is_empty() {
            out.diagnostics.push(diag(
                Severity::Error,
                Some("kind".into()),
                "kind not set".into(),
                Some(Text::new("add `kind: Pod`", "`kind: Pod`를 넣으세요")),
                key_or_doc("kind"),
            ));
            decode_failed = true;
            continue;
        }
        if api_version.is_empty() {
            out.diagnostics.push(diag(
                Severity::Error,
                Some("apiVersion".into()),
                "apiVersion not set".into(),
                Some(Text::new(
                    "add `apiVersion: v1`",
                    "`apiVersion: v1`을 넣으세요",
                )),
                key_or_doc("apiVersion"),
            ));
            decode_failed = true;
            continue;
        }
        let Some(root) = schema::root(kind) else {
            // `kind: pod`: kinds are case-sensitive, and kubectl finds no such kind.
            let cased = ["Pod", "Service", "ConfigMap"]
                .into_iter()
                .find(|k| k.eq_ignore_ascii_case(kind));
            let (message, hint) = match cased {
                Some(k) => (
                    format!("no matches for kind \"{kind}\" in version \"{api_version}\""),
                    Text::new(
                        format!("kinds are case-sensitive: write `kind: {k}`"),
                        format!("kind는 대소문자를 구분합니다. `kind: {k}`라고 쓰세요"),
                    ),
                ),
                None => (
                    format!("kind \"{kind}\" is not supported here"),
                    Text::new(
                        "podlab simulates one Pod, with the Services and ConfigMaps it uses (kinds: Pod, Service, ConfigMap)",
                        "podlab은 파드 하나와, 그 파드가 쓰는 서비스와 컨피그맵을 시뮬레이션합니다 (kind: Pod, Service, ConfigMap)",
                    ),
                ),
            };
            out.diagnostics.push(diag(
                Severity::Error,
                Some("kind".into()),
                message,
                Some(hint),
                value_span("kind"),
            ));
            decode_failed = true;
            continue;
        };
        if api_version != "v1" {
            out.diagnostics.push(diag(
                Severity::Error,
                Some("apiVersion".into()),
                format!("no matches for kind \"{kind}\" in version \"{api_version}\""),
                Some(Text::new(
                    format!("{kind} is in apiVersion v1"),
                    format!("{kind}의 apiVersion은 v1입니다"),
                )),
                value_span("apiVersion"),
            ));
            decode_failed = true;
            continue;
        }
        if kind == "Pod" {
            if let Some(d) = too_many_containers(&idx, doc) {
                out.diagnostics.push(d);
                return out;
            }
        }
        let decoded = decode(doc, root, text, cluster.version);
        for e in &decoded.errors {
            out.diagnostics.push(diag(
                Severity::Error,
                Some(e.path.clone()),
                e.message.clone(),
                e.hint.clone(),
                make_span(&idx, e.span.start, e.span.end),
            ));
        }
        decode_failed |= !decoded.errors.is_empty();
        let mut json = decoded.json;
        if let Some(m) = json.as_object_mut() {
            m.remove("status");
        }
        let result = DocResult {
            index: decoded.spans,
        };
        let parsed = match kind {
            "Pod" => serde_json::from_value::<Pod>(json).map(|p| pods.push((p, result))),
            "Service" => {
                serde_json::from_value::<Service>(json).map(|s| services.push((s, result)))
            }
            _ => serde_json::from_value::<ConfigMap>(json).map(|c| config_maps.push((c, result))),
        };
        if let Err(e) = parsed {
            out.diagnostics.push(diag(
                Severity::Error,
                None,
                format!("{kind} in version \"v1\" cannot be handled as a {kind}: {e}"),
                None,
                make_span(&idx, doc.span.start, idx.line_end(doc.span.start)),
            ));
            decode_failed = true;
        }
    }
    if pods.len() != 1 {
        let (msg, hint, at) = match pods.len() {
            0 => (
                "no Pod in the manifest".to_string(),
                Text::new(
                    "podlab needs exactly one document with `kind: Pod`",
                    "podlab에는 `kind: Pod`인 문서가 꼭 하나 있어야 합니다",
                ),
                0,
            ),
            n => (
                format!("{n} Pods in the manifest"),
                Text::new(
                    "podlab simulates exactly one Pod",
                    "podlab은 파드를 하나만 시뮬레이션합니다",
                ),
                pods[1]
                    .1
                    .index
                    .map
                    .get("")
                    .map(|e| e.value.start)
                    .unwrap_or(0),
            ),
        };
        if !decode_failed || pods.len() > 1 {
            out.diagnostics.push(diag(
                Severity::Error,
                None,
                msg,
                Some(hint),
                make_span(&idx, at, idx.line_end(at)),
            ));
        }
        return out;
    }
    let Some((pod, pod_doc)) = pods.into_iter().next() else {
        return out;
    };
    let manifest = Manifest {
        pod,
        services: services.iter().map(|(s, _)| s.clone()).collect(),
        config_maps: config_maps.iter().map(|(c, _)| c.clone()).collect(),
    };
    if decode_failed {
        // The apiserver stops at decoding: nothing was validated yet.
        out.manifest = Some(manifest);
        return out;
    }
    let mut defaulted = manifest.clone();
    defaults::default_manifest(&mut defaulted);
    let mut errors = 0;
    for d in disabled_fields::drop_disabled(&mut defaulted.pod, cluster) {
        let text = dropped_note(&d, cluster);
        out.diagnostics.push(Diagnostic {
            message_ko: Some(text.ko),
            ..diag(
                Severity::Warning,
                Some(d.path.clone()),
                text.en,
                None,
                span_for(&idx, &pod_doc.index, &d.path),
            )
        });
    }
    let opts = validation::Options::of(cluster);
    for e in validation::validate_pod(&defaulted.pod, &opts) {
        out.diagnostics
            .push(field_diag(&idx, &pod_doc.index, &e, Severity::Error));
        errors += 1;
    }
    for ((_, doc), s) in services.iter().zip(&defaulted.services) {
        let mut errs = Vec::new();
        validation::objects::service(s, &mut errs);
        for e in errs {
            out.diagnostics
                .push(field_diag(&idx, &doc.index, &e, Severity::Error));
            errors += 1;
        }
    }
    for ((_, doc), c) in config_maps.iter().zip(&defaulted.config_maps) {
        let mut errs = Vec::new();
        validation::objects::config_map(c, &mut errs);
        for e in errs {
            out.diagnostics
                .push(field_diag(&idx, &doc.index, &e, Severity::Error));
            errors += 1;
        }
    }
    if errors == 0 {
        if let Some(d) = not_simulated(&idx, &pod_doc.index, &defaulted.pod) {
            out.diagnostics.push(d);
            errors += 1;
        }
    }
    for (path, msg) in validation::warnings::pod_warnings(&defaulted.pod.spec) {
        out.diagnostics.push(diag(
            Severity::Warning,
            Some(path.clone()),
            format!("{path}: {msg}"),
            None,
            span_for(&idx, &pod_doc.index, &path),
        ));
    }
    if errors == 0 && !decode_failed {
        out.defaulted = Some(defaulted);
    }
    out.manifest = Some(manifest);
    out.fields = Some(Rc::new(FieldSpans::new(text, pod_doc.index)));
    out
}

/// The objects as `kubectl get -o yaml` would print them (keys sorted), one document each,
/// with what the apiserver adds on create: `metadata.creationTimestamp`, `resourceVersion`
/// and `uid` on every object; on the pod also `spec.serviceAccount` (the deprecated copy of
/// `serviceAccountName`) and the status it starts with, `phase: Pending` and its `qosClass`.
pub fn defaulted_yaml(m: &Manifest) -> String {
    let meta = &m.pod.metadata;
    let pod_uid = crate::ids::pod_uid(meta.effective_namespace(), &meta.effective_name());
    let created = |value: serde_json::Value,
                   kind: &str,
                   meta: &crate::model::ObjectMeta,
                   nth: usize| {
        let mut value = value;
        if let Some(obj) = value.get_mut("metadata").and_then(|v| v.as_object_mut()) {
            obj.insert(
                "creationTimestamp".into(),
                crate::views::clock::rfc3339(0).into(),
            );
            obj.insert(
                "resourceVersion".into(),
                crate::ids::resource_version(&pod_uid, nth).into(),
            );
            let uid =
                crate::ids::object_uid(kind, meta.effective_namespace(), &meta.effective_name());
            obj.insert("uid".into(), uid.into());
        }
        crate::views::to_yaml::to_yaml(&value)
    };
    let mut pod = serde_json::to_value(&m.pod).unwrap_or_default();
    if let Some(spec) = pod.get_mut("spec").and_then(|v| v.as_object_mut()) {
        if let Some(sa) = spec.get("serviceAccountName").cloned() {
            spec.insert("serviceAccount".into(), sa);
        }
    }
    if let Some(obj) = pod.as_object_mut() {
        obj.insert(
            "status".into(),
            serde_json::json!({
                "phase": "Pending",
                "qosClass": crate::kubelet::status::qos_class(&m.pod.spec),
            }),
        );
    }
    let mut docs = vec![created(pod, "Pod", meta, 0)];
    let others = m
        .services
        .iter()
        .map(|s| {
            (
                serde_json::to_value(s).unwrap_or_default(),
                "Service",
                &s.metadata,
            )
        })
        .chain(m.config_maps.iter().map(|c| {
            (
                serde_json::to_value(c).unwrap_or_default(),
                "ConfigMap",
                &c.metadata,
            )
        }));
    for (i, (value, kind, meta)) in others.enumerate() {
        docs.push(created(value, kind, meta, i + 1));
    }
    docs.join("---\n")
}
