//! The lessons quote their own run. Every event reason or message, STATUS value, condition
//! type, status or reason, probe result, log line or validation message a lesson writes in
//! backticks (body, hints, goals and predictions, English and Korean) must be produced by the simulation
//! of the lesson's start or solution manifest in the lesson's scenario — or be listed in the
//! lesson's `notFromTheRun`, with the reason it is not.
//!
//! The predictions' questions and explanations are checked the same way; the run of a
//! prediction about a variation (a manifest written out in the prediction) counts as the
//! lesson's run too.
//!
//! Which backtick spans are quotes of the run (`is_quote`): the text of fenced blocks is YAML
//! to copy, never a quote. An inline span is a quote when it
//! - starts with an upper-case letter (`CrashLoopBackOff`, `Readiness probe failed: …`,
//!   `Conditions:`), unless it is a field name or one of the values a field accepts
//!   (`Always`, `IfNotPresent`, `NoSchedule`: what the learner writes, not what the run says);
//! - starts with a digit but has words after it (`0/1 nodes are available: …`); bare numbers,
//!   quantities, READY and RESTARTS values (`137`, `250m`, `1/2`, `3 (12s ago)`) are not;
//! - starts with a field path, a colon and a capitalised word: a validation message
//!   (`spec.initContainers[0].readinessProbe: Forbidden: …`);
//! - starts with a lower-case letter and reads `text: more text` where the text before the
//!   colon is no field name and has no quotes, brackets or `=` (log lines and Go errors such as
//!   `bind: address already in use`), unless the span is a line of the lesson's manifests
//!   (`tier: frontend`).
//!
//! Everything else (field names and paths, YAML lines, commands, file paths, names of
//! containers and images, Korean placeholders) is not. A quote matches when it is part of one
//! line of what the run shows (a quote may be the start of a longer message); `…` in a quote
//! stands for any text. The run is: the validation messages; `kubectl get pods -w`; `kubectl
//! get events`; `kubectl describe pod` and the status as `get -o yaml` prints it, at every
//! change of the Pod; every probe result and output; every log line.

use podsim::lessons::predictions::Source;
use podsim::lessons::{Lesson, OffRunQuote, OffRunReason, Text};
use podsim::schema::{Obj, Ty};
use podsim::session::evaluate;
use podsim::views;
use std::collections::BTreeSet;

#[path = "common/lesson_files.rs"]
mod lesson_files;

use lesson_files::load_all;

// ---- which spans are quotes --------------------------------------------------------------

/// The inline code spans of a Markdown text, outside fenced blocks.
fn code_spans(markdown: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    prose
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// What a learner writes in a manifest: the schema's field names and the values its fields
/// accept.
struct Vocabulary {
    fields: BTreeSet<&'static str>,
    values: BTreeSet<&'static str>,
}

impl Vocabulary {
    fn new() -> Self {
        let mut v = Vocabulary {
            fields: BTreeSet::new(),
            values: BTreeSet::new(),
        };
        let mut seen = BTreeSet::new();
        for kind in ["Pod", "Service", "ConfigMap"] {
            if let Some(root) = podsim::schema::root(kind) {
                v.walk(root, &mut seen);
            }
        }
        v
    }

    fn walk(&mut self, obj: &'static Obj, seen: &mut BTreeSet<&'static str>) {
        if !seen.insert(obj.go) {
            return;
        }
        for f in obj.fields {
            self.fields.insert(f.name);
            self.values.extend(f.values.iter().copied());
            let mut ty = &f.ty;
            while let Ty::Arr(inner) = ty {
                ty = inner;
            }
            if let Ty::Obj(o) = ty {
                self.walk(o, seen);
            }
        }
    }
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// `137`, `250m`, `100Mi`, `1/2`, `1.27.9`, `3 (12s ago)`: a number, not a message.
fn number_shaped(s: &str) -> bool {
    let head: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/'))
        .collect();
    let rest = s[head.len()..].trim();
    let unit: String = head
        .chars()
        .skip_while(|c| c.is_ascii_digit() || matches!(c, '.' | '/'))
        .collect();
    let restarts = rest.starts_with('(') && rest.ends_with(" ago)");
    unit.len() <= 2
        && unit.chars().all(|c| c.is_ascii_alphabetic())
        && (rest.is_empty() || restarts)
}

/// Whether a backtick span quotes what the run shows (see the module comment).
fn is_quote(span: &str, vocab: &Vocabulary, manifests: &str) -> bool {
    let s = span.trim();
    let Some(first) = s.chars().next() else {
        return false;
    };
    if has_hangul(s) {
        return false;
    }
    if first.is_ascii_uppercase() {
        let word = s.trim_end_matches(':');
        return !(vocab.values.contains(word) || vocab.fields.contains(word));
    }
    if first.is_ascii_digit() {
        return !number_shaped(s);
    }
    if first.is_ascii_lowercase() {
        let Some((key, rest)) = s.split_once(": ") else {
            return false;
        };
        // The apiserver's `spec.initContainers[0].readinessProbe: Forbidden: …`.
        let path = key.contains(['.', '[']) && !key.contains(char::is_whitespace);
        if path && rest.starts_with(|c: char| c.is_ascii_uppercase()) {
            return true;
        }
        let code_like = key.contains(['\'', '"', '[', ']', '{', '}', '=']);
        let in_manifest = manifests.lines().any(|l| {
            l.trim()
                .trim_start_matches("- ")
                .trim_end()
                .eq(s.trim_start_matches("- "))
        });
        return !code_like && !vocab.fields.contains(key) && !in_manifest;
    }
    false
}

/// The manifests a lesson runs: its start, its solution and the variations its
/// predictions are about.
fn manifests_of(lesson: &Lesson) -> Vec<&str> {
    let mut out = vec![lesson.manifest.as_str(), lesson.solution.as_str()];
    for p in &lesson.predictions {
        if let Source::Literal(text) = &p.manifest {
            out.push(text);
        }
    }
    out
}

/// Every quote of the lesson's texts (body, hints, goals, predictions' questions and
/// explanations; both languages), once.
fn quotes_of(lesson: &Lesson, vocab: &Vocabulary) -> BTreeSet<String> {
    let manifests = manifests_of(lesson).join("\n");
    let mut texts: Vec<&Text> = vec![&lesson.body];
    texts.extend(lesson.hints.iter());
    texts.extend(lesson.goals.iter().map(|g| &g.text));
    for p in &lesson.predictions {
        texts.extend([&p.question, &p.explain]);
    }
    let mut out = BTreeSet::new();
    for t in texts {
        for s in code_spans(&t.en).into_iter().chain(code_spans(&t.ko)) {
            if is_quote(&s, vocab, &manifests) {
                out.insert(s);
            }
        }
    }
    out
}

// ---- what the run shows -------------------------------------------------------------------

/// The lines a learner can read in the run of `text` in the lesson's scenario.
fn run_lines(lesson: &Lesson, text: &str) -> Vec<String> {
    let (analysis, _) = evaluate(lesson, text, &[]);
    let mut lines = Vec::new();
    for d in &analysis.loaded.diagnostics {
        lines.push(d.message.clone());
        lines.extend(d.message_ko.clone());
    }
    if let Some(e) = &analysis.sim_error {
        lines.push(e.clone());
    }
    let Some(tl) = analysis.timeline.as_ref() else {
        return lines;
    };
    let end = tl.until;
    let mut text = views::get::watch(tl, end);
    text.push_str(&views::events::get_events(tl, end));
    let mut moments: Vec<u64> = tl.snapshots.iter().map(|s| s.t_ms).collect();
    if let Some(d) = tl.deletion {
        moments.push(d.requested_at);
    }
    moments.push(end);
    moments.sort_unstable();
    moments.dedup();
    for t in moments {
        text.push_str(&without_commands(&views::describe::describe_pod(tl, t)));
    }
    for s in &tl.snapshots {
        text.push_str(&views::status_yaml::status_yaml(&s.status));
    }
    lines.extend(text.lines().map(str::to_string));
    for e in &tl.events {
        lines.push(format!("{} {}", e.reason, e.message));
    }
    for p in &tl.probes {
        lines.push(p.result.as_str().to_string());
        lines.push(p.output.clone());
    }
    for log in &tl.logs {
        lines.extend(log.lines.iter().map(|l| l.text.clone()));
    }
    lines
}

/// Whether `quote` is part of one of `lines`, starting and ending at word boundaries
/// (`BackOff` is not part of `CrashLoopBackOff`); `…` stands for any text.
fn shown(quote: &str, lines: &[String]) -> bool {
    let parts: Vec<&str> = quote
        .split('…')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let open_start = !word(first.chars().next()) || quote.trim_start().starts_with('…');
    let open_end = !word(last.chars().last()) || quote.trim_end().ends_with('…');
    lines.iter().any(|line| {
        line.match_indices(*first).any(|(start, _)| {
            if !open_start && word(line[..start].chars().last()) {
                return false;
            }
            let mut rest = &line[start..];
            for (i, p) in parts.iter().enumerate() {
                let Some(at) = rest.find(p) else {
                    return false;
                };
                if i + 1 == parts.len() && !open_end && word(rest[at + p.len()..].chars().next()) {
                    return false;
                }
                rest = &rest[at + p.len()..];
            }
            true
        })
    })
}

/// `describe` without the command and arguments it echoes from the manifest: a quote of a
/// script is not a quote of the run.
fn without_commands(describe: &str) -> String {
    let mut out = String::new();
    let mut echo_indent: Option<usize> = None;
    for line in describe.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(i) = echo_indent {
            if indent > i {
                continue;
            }
            echo_indent = None;
        }
        if matches!(line.trim(), "Command:" | "Args:") {
            echo_indent = Some(indent);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The run of the lesson's start, of its solution and of its predictions' variations.
fn lesson_run(lesson: &Lesson) -> Vec<String> {
    manifests_of(lesson)
        .into_iter()
        .flat_map(|m| run_lines(lesson, m))
        .collect()
}

/// What is wrong with the lesson's quotes, given the lines of its run.
fn problems(name: &str, lesson: &Lesson, run: &[String], vocab: &Vocabulary) -> Vec<String> {
    let quotes = quotes_of(lesson, vocab);
    let marked =
        |q: &str| -> Option<&OffRunQuote> { lesson.not_from_the_run.iter().find(|m| m.quote == q) };
    let mut out = Vec::new();
    for q in &quotes {
        match (marked(q), shown(q, run)) {
            (None, false) => out.push(format!(
                "{name}: `{q}` is not in the run of the start or the solution (fix the text, or list it under notFromTheRun)"
            )),
            (Some(m), true) => out.push(format!(
                "{name}: `{q}` is listed under notFromTheRun ({:?}) but the run shows it",
                m.because
            )),
            _ => {}
        }
    }
    for m in &lesson.not_from_the_run {
        if !quotes.contains(&m.quote) {
            out.push(format!(
                "{name}: notFromTheRun lists `{}`, which the lesson does not quote",
                m.quote
            ));
        }
    }
    out
}

#[test]
fn every_quote_comes_from_the_run_or_is_marked() {
    let vocab = Vocabulary::new();
    let mut all = Vec::new();
    let (mut checked, mut marked) = (0, 0);
    for (name, lesson) in load_all() {
        let run = lesson_run(&lesson);
        let quotes = quotes_of(&lesson, &vocab);
        marked += lesson.not_from_the_run.len();
        checked += quotes.len() - lesson.not_from_the_run.len().min(quotes.len());
        all.extend(problems(&name, &lesson, &run, &vocab));
    }
    println!("quotes checked against the run: {checked}; marked as not from the run: {marked}");
    assert!(all.is_empty(), "\n{}", all.join("\n"));
    assert!(
        checked > 0,
        "no quote found at all: the classifier is broken"
    );
}

/// Changing one word of any quote the test checks makes the test fail: the changed span is
/// still read as a quote, and the run does not show it.
#[test]
fn a_quote_changed_by_one_word_fails() {
    let vocab = Vocabulary::new();
    let mut tried = 0;
    for (name, lesson) in load_all() {
        let run = lesson_run(&lesson);
        let manifests = manifests_of(&lesson).join("\n");
        for q in quotes_of(&lesson, &vocab) {
            if lesson.not_from_the_run.iter().any(|m| m.quote == q) {
                continue;
            }
            let words: Vec<&str> = q.split(' ').collect();
            for i in 0..words.len() {
                if words[i].chars().all(|c| !c.is_alphanumeric()) {
                    continue;
                }
                // The word itself changes; the punctuation around it stays.
                let w = words[i];
                let core = w.trim_matches(|c: char| !c.is_alphanumeric());
                let upper = core.starts_with(|c: char| c.is_ascii_uppercase());
                let mut changed = words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
                changed[i] = w.replacen(core, if upper { "Zork" } else { "zork" }, 1);
                let changed = changed.join(" ");
                assert!(
                    is_quote(&changed, &vocab, &manifests),
                    "{name}: `{changed}` (from `{q}`) is no longer read as a quote"
                );
                assert!(
                    !shown(&changed, &run),
                    "{name}: `{changed}` (from `{q}`) is still found in the run"
                );
                // The whole lesson check fails too, naming the changed quote.
                let mut altered = lesson.clone();
                altered.body.en = altered
                    .body
                    .en
                    .replace(&format!("`{q}`"), &format!("`{changed}`"));
                for h in &mut altered.hints {
                    h.en = h.en.replace(&format!("`{q}`"), &format!("`{changed}`"));
                }
                let found = problems(&name, &altered, &run, &vocab);
                if altered.body.en != lesson.body.en
                    || altered
                        .hints
                        .iter()
                        .zip(&lesson.hints)
                        .any(|(a, b)| a.en != b.en)
                {
                    assert!(
                        found.iter().any(|p| p.contains(&format!("`{changed}`"))),
                        "{name}: changing `{q}` to `{changed}` went unnoticed"
                    );
                }
                tried += 1;
            }
        }
    }
    println!("one-word changes tried: {tried}");
    assert!(tried > 0);
}

/// A lesson whose event message is altered by one word fails, and one that marks a quote
/// its run does show fails too.
#[test]
fn an_altered_lesson_fails() {
    let vocab = Vocabulary::new();
    let (name, lesson) = load_all()
        .into_iter()
        .find(|(_, l)| l.id == "liveness")
        .expect("the liveness lesson");
    let run = lesson_run(&lesson);
    assert!(problems(&name, &lesson, &run, &vocab).is_empty());
    let right = "`Container liveness failed liveness probe, will be restarted`";
    let wrong = "`Container liveness failed readiness probe, will be restarted`";
    assert!(lesson.body.en.contains(right));
    let mut altered = lesson.clone();
    altered.body.en = altered.body.en.replace(right, wrong);
    let found = problems(&name, &altered, &run, &vocab);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("failed readiness probe"), "{found:?}");

    let mut marked = lesson.clone();
    marked.not_from_the_run.push(OffRunQuote {
        quote: "Unhealthy".into(),
        because: OffRunReason::OtherRun,
    });
    let found = problems(&name, &marked, &run, &vocab);
    assert!(
        found.iter().any(|p| p.contains("but the run shows it")),
        "{found:?}"
    );

    let mut stale = lesson.clone();
    stale.not_from_the_run.push(OffRunQuote {
        quote: "NotQuotedAnywhere".into(),
        because: OffRunReason::PossibleValue,
    });
    let found = problems(&name, &stale, &run, &vocab);
    assert!(
        found.iter().any(|p| p.contains("does not quote")),
        "{found:?}"
    );
}

#[test]
fn the_classifier_tells_quotes_from_code() {
    let vocab = Vocabulary::new();
    let manifests = "metadata:\n  labels:\n    tier: frontend\n";
    for quote in [
        "CrashLoopBackOff",
        "Init:1/2",
        "Readiness probe failed: …",
        "Conditions:",
        "0/1 nodes are available: 1 Insufficient cpu.",
        "bind: address already in use",
        "SIGTERM: saving state",
        "spec.containers[0].image: Required value",
    ] {
        assert!(is_quote(quote, &vocab, manifests), "{quote:?} is a quote");
    }
    for code in [
        "metadata.labels.app",
        "ports[].containerPort",
        "restartPolicy: Never",
        "  exec:",
        "- containerPort: 80",
        "Always",
        "IfNotPresent",
        "NoSchedule",
        "250m",
        "1/2",
        "3 (12s ago)",
        "1.27.9",
        "cat /tmp/healthy",
        "kubectl describe pod",
        "--http-port=N",
        "/tmp/ready",
        "web",
        "tier: frontend",
        "trap 'echo \"SIGTERM: saving state\"; exit 0' TERM",
        "httpGet: {path: /, port: 80}",
        "키: 값",
    ] {
        assert!(
            !is_quote(code, &vocab, manifests),
            "{code:?} is not a quote"
        );
    }
}

#[test]
fn an_ellipsis_stands_for_any_text() {
    let lines = vec!["Failed to pull image \"nginx:1.27.9\": rpc error: not found".to_string()];
    assert!(shown("Failed to pull image \"…\": … not found", &lines));
    assert!(!shown("Failed to pull image \"…\": … was found", &lines));
    assert!(shown("Failed to pull", &lines));
    assert!(!shown("pull Failed", &lines));
    let status = vec!["web   0/1   CrashLoopBackOff   1 (10s ago)   33s".to_string()];
    assert!(shown("CrashLoopBackOff", &status));
    assert!(!shown("BackOff", &status));
    assert!(!shown("CrashLoop", &status));
    assert!(!shown("Success", &["Successfully assigned".to_string()]));
}

/// A prediction's explanation is held to the run too: a log line altered by one word fails.
#[test]
fn an_altered_prediction_fails() {
    let vocab = Vocabulary::new();
    let (name, lesson) = load_all()
        .into_iter()
        .find(|(_, l)| l.id == "graceful-termination")
        .expect("the graceful-termination lesson");
    let run = lesson_run(&lesson);
    assert!(problems(&name, &lesson, &run, &vocab).is_empty());
    let right = "`SIGTERM: saving state`";
    let mut altered = lesson.clone();
    let p = altered
        .predictions
        .iter_mut()
        .find(|p| p.explain.en.contains(right))
        .expect("a prediction quotes the log line");
    p.explain.en = p.explain.en.replace(right, "`SIGTERM: saving stuff`");
    let found = problems(&name, &altered, &run, &vocab);
    assert!(
        found.iter().any(|f| f.contains("`SIGTERM: saving stuff`")),
        "{found:?}"
    );
}
