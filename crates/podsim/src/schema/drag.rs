//! Numbers a learner can drag in the editor: every number of a Pod manifest that changes the
//! run — probe timings and thresholds, grace periods, the active deadline, toleration
//! seconds, a lifecycle `sleep`, each `sleep N` in a command line, resource requests and
//! limits — with where it is in the text, its value, and the range a drag keeps it in.
//!
//! Which fields can be dragged, and their ranges, are the schema's ([`Field::drag`]); this
//! file finds them in a text and narrows the ranges where validation ties two numbers
//! together (a request stays at or below its limit) or forbids a field in its place
//! (`successThreshold` of a liveness or startup probe must stay 1, a readiness probe has no
//! `terminationGracePeriodSeconds`). A number outside its range (typed by hand) is still
//! offered: the first step brings it back inside.

use super::pod::POD;
use super::types::{Drag, Field, Range, Ty, Unit, CPU_RANGE, MEMORY_RANGE};
use crate::model::Quantity;
use crate::yaml::node::ByteSpan;
use crate::yaml::{parse_documents, LineIndex, Node, Value};

/// One number the learner can drag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draggable {
    /// Where its digits (and unit) are, in UTF-16 code units (the editor's offsets).
    pub from_utf16: usize,
    pub to_utf16: usize,
    /// The field it belongs to: `spec.containers[0].livenessProbe.periodSeconds`,
    /// `spec.containers[0].resources.limits.memory`; for a `sleep N`, the command line's
    /// item (`spec.containers[0].args[2]`).
    pub path: String,
    /// A short name for labels: `periodSeconds`, `memory`, `sleep`.
    pub name: String,
    /// Its value now, in the range's unit.
    pub value: i64,
    /// Where a drag may take it.
    pub range: Range,
}

impl Draggable {
    /// The number as the manifest writes it at value `v`: `20`, `150m`, `96Mi`.
    pub fn text_for(&self, v: i64) -> String {
        format!("{v}{}", self.range.unit.suffix())
    }

    /// `v` moved by `steps` steps (big steps when `big`), kept inside the range.
    pub fn stepped(&self, v: i64, steps: i64, big: bool) -> i64 {
        let step = if big {
            self.range.big_step
        } else {
            self.range.step
        };
        v.saturating_add(step.saturating_mul(steps))
            .clamp(self.range.min, self.range.max)
    }
}

/// Every draggable number of `text`, in the order written. An unreadable text has none; a
/// text with other problems keeps those of its numbers that can be found.
pub fn draggables(text: &str) -> Vec<Draggable> {
    let Ok(docs) = parse_documents(text) else {
        return Vec::new();
    };
    let mut finder = Finder {
        text,
        idx: LineIndex::new(text),
        out: Vec::new(),
    };
    for doc in &docs {
        if doc.get("kind").and_then(Node::as_str) == Some("Pod") {
            finder.walk(doc, &Ty::Obj(&POD), "", "");
        }
    }
    finder.out
}

struct Finder<'a> {
    text: &'a str,
    idx: LineIndex<'a>,
    out: Vec<Draggable>,
}

impl Finder<'_> {
    /// Walk `node` of type `ty` at `path`; `key` is the name it has in its parent.
    fn walk(&mut self, node: &Node, ty: &Ty, path: &str, key: &str) {
        match (ty, &node.value) {
            (Ty::Obj(obj), Value::Map(entries)) => {
                for (k, v) in entries {
                    let Some(field) = obj.field(&k.text) else {
                        continue;
                    };
                    let child = if path.is_empty() {
                        k.text.clone()
                    } else {
                        format!("{path}.{}", k.text)
                    };
                    if let Some(drag) = field.drag {
                        self.field(field, drag, v, &child, (key, node));
                    }
                    self.walk(v, &field.ty, &child, &k.text);
                }
            }
            (Ty::Arr(item), Value::Seq(items)) => {
                for (i, v) in items.iter().enumerate() {
                    self.walk(v, item, &format!("{path}[{i}]"), key);
                }
            }
            _ => {}
        }
    }

    /// A draggable field's node at `path`, in `parent` (its name and its node).
    fn field(
        &mut self,
        field: &Field,
        drag: Drag,
        node: &Node,
        path: &str,
        (parent, parent_node): (&str, &Node),
    ) {
        let forbidden = match field.name {
            "successThreshold" => matches!(parent, "livenessProbe" | "startupProbe"),
            "terminationGracePeriodSeconds" => parent == "readinessProbe",
            _ => false,
        };
        if forbidden {
            return;
        }
        match drag {
            Drag::Int(range) => {
                if let Value::Int(v) = node.value {
                    if let (Ok(v), Some(span)) = (i64::try_from(v), self.digits(node.span)) {
                        self.push(span, path, field.name, v, range);
                    }
                }
            }
            Drag::Sleeps(range) => {
                if let Value::Seq(items) = &node.value {
                    for (i, item) in items.iter().enumerate() {
                        if matches!(item.value, Value::Str(_)) {
                            self.sleeps(item.span, &format!("{path}[{i}]"), range);
                        }
                    }
                }
            }
            Drag::Resources => {
                let other = if field.name == "limits" {
                    "requests"
                } else {
                    "limits"
                };
                self.resources(node, parent_node.get(other), path, field.name)
            }
        }
    }

    fn push(&mut self, span: ByteSpan, path: &str, name: &str, value: i64, range: Range) {
        self.out.push(Draggable {
            from_utf16: self.idx.position(span.start).utf16,
            to_utf16: self.idx.position(span.end).utf16,
            path: path.to_string(),
            name: name.to_string(),
            value,
            range,
        });
    }

    /// The run of digits inside a scalar's span (an integer written plainly).
    fn digits(&self, span: ByteSpan) -> Option<ByteSpan> {
        let slice = self.text.get(span.start..span.end)?;
        let start = slice.find(|c: char| c.is_ascii_digit())?;
        let len = slice[start..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(slice.len() - start);
        Some(ByteSpan {
            start: span.start + start,
            end: span.start + start + len,
        })
    }

    /// Every `sleep N` (whole seconds) inside a command line's item.
    fn sleeps(&mut self, span: ByteSpan, path: &str, range: Range) {
        let Some(slice) = self.text.get(span.start..span.end) else {
            return;
        };
        for (at, _) in slice.match_indices("sleep") {
            let before = slice[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-') {
                continue;
            }
            let rest = &slice[at + "sleep".len()..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            if gap == 0 {
                continue;
            }
            let digits = &rest[gap..];
            let len = digits
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(digits.len());
            let after = digits[len..].chars().next();
            if len == 0 || after.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '_') {
                continue;
            }
            let Ok(value) = digits[..len].parse::<i64>() else {
                continue;
            };
            let start = span.start + at + "sleep".len() + gap;
            self.push(
                ByteSpan {
                    start,
                    end: start + len,
                },
                path,
                "sleep",
                value,
                range,
            );
        }
    }

    /// The cpu and memory of a `limits` or `requests` map; a request is kept at or below
    /// its limit, a limit at or above its request (validation refuses the rest).
    fn resources(&mut self, node: &Node, other: Option<&Node>, path: &str, part: &str) {
        let Value::Map(entries) = &node.value else {
            return;
        };
        let sibling: Vec<(String, Quantity)> = match other.map(|n| &n.value) {
            Some(Value::Map(entries)) => entries
                .iter()
                .filter_map(|(k, v)| Some((k.text.clone(), self.quantity(v)?.0)))
                .collect(),
            _ => Vec::new(),
        };
        for (k, v) in entries {
            let (range, written) = match k.text.as_str() {
                "cpu" => (CPU_RANGE, self.quantity(v)),
                "memory" => (MEMORY_RANGE, self.quantity(v)),
                _ => continue,
            };
            let Some((value, span)) =
                written.and_then(|(q, span)| Some((in_unit(&q, range.unit)?, span)))
            else {
                continue;
            };
            let mut range = range;
            if let Some(bound) = sibling
                .iter()
                .find(|(name, _)| *name == k.text)
                .and_then(|(_, q)| in_unit(q, range.unit))
            {
                if part == "requests" {
                    range.max = range.max.min(bound);
                } else {
                    range.min = range.min.max(bound);
                }
            }
            if range.min > range.max {
                continue;
            }
            self.push(span, &format!("{path}.{}", k.text), &k.text, value, range);
        }
    }

    /// A quantity node's text and the span of its characters (quotes left out).
    fn quantity(&self, node: &Node) -> Option<(Quantity, ByteSpan)> {
        let slice = self.text.get(node.span.start..node.span.end)?;
        let written = match &node.value {
            Value::Str(s) => s.trim().to_string(),
            Value::Int(_) | Value::Float(_) => slice.trim().to_string(),
            _ => return None,
        };
        let at = slice.find(written.as_str())?;
        let start = node.span.start + at;
        Some((
            Quantity(written.clone()),
            ByteSpan {
                start,
                end: start + written.len(),
            },
        ))
    }
}

/// A quantity in a drag unit: millicores, or MiB rounded to the nearest (at least 1).
fn in_unit(q: &Quantity, unit: Unit) -> Option<i64> {
    let milli = q.milli_value()?;
    let v = match unit {
        Unit::MilliCpu => milli,
        Unit::MiB => {
            let mib = 1_048_576_000i128;
            ((milli + mib / 2) / mib).max(1)
        }
        Unit::Seconds | Unit::Times => return None,
    };
    i64::try_from(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const POD_TEXT: &str = "apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  terminationGracePeriodSeconds: 30
  activeDeadlineSeconds: 600
  containers:
  - name: web
    image: busybox:1.36
    args:
    - /bin/sh
    - -c
    - touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600
    resources:
      requests: {cpu: 250m, memory: \"64Mi\"}
      limits:
        cpu: 1
        memory: 128Mi
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
      successThreshold: 1
    readinessProbe:
      exec:
        command: [\"sh\", \"-c\", \"sleep 2; test -f /tmp/healthy\"]
      successThreshold: 2
";

    fn by_path<'d>(all: &'d [Draggable], path: &str) -> Vec<&'d Draggable> {
        all.iter().filter(|d| d.path == path).collect()
    }

    fn at(text: &str, d: &Draggable) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16_lossy(&units[d.from_utf16..d.to_utf16])
    }

    #[test]
    fn finds_every_number_that_changes_the_run() {
        let all = draggables(POD_TEXT);
        let names: Vec<(&str, &str)> = all
            .iter()
            .map(|d| (d.name.as_str(), d.path.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                (
                    "terminationGracePeriodSeconds",
                    "spec.terminationGracePeriodSeconds"
                ),
                ("activeDeadlineSeconds", "spec.activeDeadlineSeconds"),
                ("sleep", "spec.containers[0].args[2]"),
                ("sleep", "spec.containers[0].args[2]"),
                ("cpu", "spec.containers[0].resources.requests.cpu"),
                ("memory", "spec.containers[0].resources.requests.memory"),
                ("cpu", "spec.containers[0].resources.limits.cpu"),
                ("memory", "spec.containers[0].resources.limits.memory"),
                (
                    "initialDelaySeconds",
                    "spec.containers[0].livenessProbe.initialDelaySeconds"
                ),
                (
                    "periodSeconds",
                    "spec.containers[0].livenessProbe.periodSeconds"
                ),
                ("sleep", "spec.containers[0].readinessProbe.exec.command[2]"),
                (
                    "successThreshold",
                    "spec.containers[0].readinessProbe.successThreshold"
                ),
            ]
        );
        let texts: Vec<String> = all.iter().map(|d| at(POD_TEXT, d)).collect();
        assert_eq!(
            texts,
            ["30", "600", "30", "600", "250m", "64Mi", "1", "128Mi", "5", "5", "2", "2"]
        );
    }

    #[test]
    fn values_and_ranges_come_from_the_schema_and_validation() {
        let all = draggables(POD_TEXT);
        let period = by_path(&all, "spec.containers[0].livenessProbe.periodSeconds")[0];
        assert_eq!(
            (period.value, period.range.min, period.range.step),
            (5, 1, 1)
        );
        assert_eq!(period.range.big_step, 10);
        assert_eq!(
            period.stepped(5, -10, false),
            1,
            "never below validation's minimum"
        );
        assert_eq!(period.stepped(5, 2, true), 25);
        assert_eq!(period.text_for(20), "20");
        // A request stays at or below its limit; the limit at or above the request.
        let req_cpu = by_path(&all, "spec.containers[0].resources.requests.cpu")[0];
        assert_eq!((req_cpu.value, req_cpu.range.max), (250, 1000));
        assert_eq!(req_cpu.text_for(260), "260m");
        let lim_mem = by_path(&all, "spec.containers[0].resources.limits.memory")[0];
        assert_eq!((lim_mem.value, lim_mem.range.min), (128, 64));
        assert_eq!(lim_mem.stepped(128, -100, false), 64);
        assert_eq!(lim_mem.text_for(96), "96Mi");
        let lim_cpu = by_path(&all, "spec.containers[0].resources.limits.cpu")[0];
        assert_eq!((lim_cpu.value, lim_cpu.range.min), (1000, 250));
        // successThreshold must stay 1 on a liveness probe: not offered there.
        assert!(by_path(&all, "spec.containers[0].livenessProbe.successThreshold").is_empty());
    }

    #[test]
    fn block_scalars_and_multibyte_text_keep_offsets_right() {
        let text = "kind: Pod\nmetadata:\n  name: p # 파드\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n    command:\n    - sh\n    - -c\n    - |\n      echo 시작; sleep 45\n      usleep 3; sleep 0.5; sleep 7s; sleep  12\n";
        let all = draggables(text);
        let texts: Vec<String> = all.iter().map(|d| at(text, d)).collect();
        assert_eq!(texts, ["45", "12"]);
        assert_eq!(all[0].value, 45);
    }

    #[test]
    fn wrong_types_and_unreadable_texts_offer_nothing_false() {
        assert!(draggables("kind: Pod\nspec: [").is_empty());
        let text = "kind: Pod\nspec:\n  terminationGracePeriodSeconds: \"30\"\n  activeDeadlineSeconds: 99999999999999999999999\n";
        assert!(draggables(text).is_empty());
        // Not a Pod: nothing.
        assert!(
            draggables("kind: Service\nspec:\n  terminationGracePeriodSeconds: 3\n").is_empty()
        );
    }

    #[test]
    fn the_lessons_numbers_are_found() {
        let lesson = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../lessons/05-liveness.yaml"
        ))
        .unwrap_or_default();
        let solution = lesson
            .split("solution: |\n")
            .nth(1)
            .and_then(|s| s.split("\npredictions:").next())
            .unwrap_or_default()
            .lines()
            .map(|l| l.strip_prefix("  ").unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n");
        let all = draggables(&solution);
        assert!(all
            .iter()
            .any(|d| d.name == "periodSeconds" && d.value == 5));
        assert_eq!(all.iter().filter(|d| d.name == "sleep").count(), 2);
    }
}
