//! `podsim simulate FILE --output why`: every change up to an instant with its chain of
//! causes, as text. Changes that share a cause (the Created and Started events and the
//! container's new state) are told together, once.

use super::change::{changes, head, Lane};
use super::explain::explain;
use super::words::t;
use crate::schema::Lang;
use crate::sim::Timeline;
use crate::time::Millis;
use std::fmt::Write;

/// The changes up to `at` (of container `only`, when given) with their explanations.
pub fn why_text(tl: &Timeline, at: Millis, only: Option<&str>, lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    let only_index = only.and_then(|n| {
        tl.manifest
            .pod
            .spec
            .all_containers()
            .position(|(c, _)| c.name == n)
    });
    if only.is_some() && only_index.is_none() {
        return if ko {
            format!("컨테이너 {}가 없음\n", only.unwrap_or_default())
        } else {
            format!("no container {}\n", only.unwrap_or_default())
        };
    }
    // Group the changes by the cause that explains them, in time order.
    let mut groups: Vec<(Option<u32>, Vec<super::Change>)> = Vec::new();
    for ch in changes(tl).into_iter().filter(|c| c.at <= at) {
        if let Some(k) = only_index {
            let on_lane = ch.lane
                == Lane::Container {
                    container: k as u16,
                };
            let about = match ch.change {
                super::ChangeRef::Event { index } => tl
                    .events
                    .get(index as usize)
                    .and_then(|e| e.field_path.as_deref())
                    .is_some_and(|f| f.ends_with(&format!("{{{}}}", only.unwrap_or_default()))),
                _ => false,
            };
            if !on_lane && !about {
                continue;
            }
        }
        let h = head(tl, ch.change);
        match groups.iter_mut().find(|(g, _)| h.is_some() && *g == h) {
            Some((_, v)) => v.push(ch),
            None => groups.push((h, vec![ch])),
        }
    }
    let mut out = String::new();
    let mut rules: Vec<super::Rule> = Vec::new();
    // Causes told already: a chain stops at the first one (what came before is above).
    let mut told: Vec<u32> = Vec::new();
    for (_, group) in &groups {
        let Some(first) = group.first() else {
            continue;
        };
        let _ = writeln!(out, "── {} ──", t(first.at));
        for ch in group {
            let label = if ko { &ch.label.ko } else { &ch.label.en };
            let _ = writeln!(out, "• {}", label.trim());
        }
        let e = explain(tl, first.change, lang);
        let width = e
            .steps
            .iter()
            .map(|s| step_time(s.from, s.at).chars().count())
            .max()
            .unwrap_or(0);
        for s in &e.steps {
            let when = step_time(s.from, s.at);
            let pad = " ".repeat(width - when.chars().count());
            if s.cause.is_some_and(|c| told.contains(&c)) {
                let above = if ko {
                    "(위에 설명함)"
                } else {
                    "(told above)"
                };
                let _ = writeln!(out, "  ← {when}{pad}  {} {above}", s.title);
                break;
            }
            told.extend(s.cause);
            let _ = writeln!(out, "  ← {when}{pad}  {}", s.title);
            let indent = " ".repeat(width + 6);
            if !s.detail.is_empty() {
                let _ = writeln!(out, "{indent}{}", s.detail);
            }
            let mut meta = Vec::new();
            if let Some(r) = s.rule {
                meta.push(format!("[{r} · {}]", s.mirrors));
                if let Some(rule) = super::Rule::parse(r) {
                    if !rules.contains(&rule) {
                        rules.push(rule);
                    }
                }
            }
            let fields: Vec<String> = s
                .fields
                .iter()
                .map(|f| {
                    let line = f
                        .span
                        .map(|sp| format!(" @{}", sp.line))
                        .unwrap_or_default();
                    format!("{}{line}", f.describe(ko))
                })
                .collect();
            if !fields.is_empty() {
                meta.push(fields.join(", "));
            }
            if !meta.is_empty() {
                let _ = writeln!(out, "{indent}{}", meta.join(" "));
            }
        }
        out.push('\n');
    }
    if !rules.is_empty() {
        out.push_str(if ko { "규칙:\n" } else { "Rules:\n" });
        rules.sort();
        for r in rules {
            let s = r.sentence();
            let _ = writeln!(out, "  {}: {}", r.id(), if ko { &s.ko } else { &s.en });
        }
    }
    out
}

fn step_time(from: Option<Millis>, at: Millis) -> String {
    match from {
        Some(f) if f < at => format!("{} → {}", t(f), t(at)),
        _ => t(at),
    }
}
