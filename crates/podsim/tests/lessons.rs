//! Every lesson under `lessons/`: it parses; its starting manifest does not meet its goals
//! (unless the lesson is read-only) and its solution meets them all, on every version; both languages are
//! present and complete; every field path, container, probe and lesson link it refers to
//! exists; ids and orders are unique and the curriculum has the chapter's lessons in order;
//! bodies are 150–350 words and their YAML snippets are Pod fields, the same in both
//! languages. (tests/lesson_quotes.rs checks that what they quote comes from the run.)

mod common;

use podsim::cluster::{ClusterSpec, KubeVersion};
use podsim::lessons::{check_opened, Check, GoalReport, Lesson};
use podsim::session::{evaluate as evaluate_closed, evaluate_on as evaluate_on_closed, Analysis};
use podsim::sim::scenario::ScenarioEvent;
use podsim::why::ChangeRef;
use std::collections::BTreeSet;

#[path = "common/lesson_files.rs"]
mod lesson_files;

use lesson_files::load_all;

/// The reports with each `explained` goal checked as if the learner had opened "why?" on the
/// change it names (the app passes what was opened; here: the cause the goal names).
fn with_opened(lesson: &Lesson, analysis: &Analysis, reports: Vec<GoalReport>) -> Vec<GoalReport> {
    let Some(tl) = analysis.timeline.as_ref() else {
        return reports;
    };
    lesson
        .goals
        .iter()
        .zip(reports)
        .map(|(g, r)| match &g.check {
            Check::Explained { change } => match change.cause(tl) {
                Some(id) => check_opened(
                    &g.check,
                    &analysis.loaded,
                    Some(tl),
                    &[ChangeRef::Cause { index: id }],
                ),
                None => r,
            },
            _ => r,
        })
        .collect()
}

fn evaluate(lesson: &Lesson, text: &str, extra: &[ScenarioEvent]) -> (Analysis, Vec<GoalReport>) {
    let (a, r) = evaluate_closed(lesson, text, extra);
    let r = with_opened(lesson, &a, r);
    (a, r)
}

fn evaluate_on(
    lesson: &Lesson,
    text: &str,
    extra: &[ScenarioEvent],
    chosen: &ClusterSpec,
) -> (Analysis, Vec<GoalReport>) {
    let (a, r) = evaluate_on_closed(lesson, text, extra, chosen);
    let r = with_opened(lesson, &a, r);
    (a, r)
}

fn describe_failures(lesson: &Lesson, text: &str) -> (usize, Vec<String>) {
    let (analysis, reports) = evaluate(lesson, text, &[]);
    let mut failed = Vec::new();
    for (g, r) in lesson.goals.iter().zip(&reports) {
        // What the goal saw is told in every language the lesson is written in.
        assert!(
            r.note.is_complete(),
            "{}: the note for \"{}\" lacks a language: {:?}",
            lesson.id,
            g.text.en,
            r.note
        );
        if !r.met {
            failed.push(format!("{} — {}", g.text.en, r.note.en));
        }
    }
    if !analysis.is_valid() {
        failed.push(format!(
            "(diagnostics: {:?})",
            analysis
                .loaded
                .diagnostics
                .iter()
                .map(|d| d.message.clone())
                .collect::<Vec<_>>()
        ));
    }
    (reports.iter().filter(|r| r.met).count(), failed)
}

#[test]
fn there_are_at_least_fifteen_lessons_with_unique_ids_and_orders() {
    let all = load_all();
    assert!(all.len() >= 15, "only {} lessons", all.len());
    let ids: BTreeSet<_> = all.iter().map(|(_, l)| l.id.clone()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate lesson ids");
    let orders: BTreeSet<_> = all.iter().map(|(_, l)| l.order).collect();
    assert_eq!(orders.len(), all.len(), "duplicate lesson orders");
    for (name, l) in &all {
        // File names start with the zero-padded order, so `ls lessons/` reads as the curriculum.
        assert!(
            name.starts_with(&format!("{:02}-", l.order)),
            "{name}: file name should start with {:02}-",
            l.order
        );
        assert!(
            l.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{name}: id {:?} must be lower-case letters, digits and dashes",
            l.id
        );
    }
}

#[test]
fn the_chapter_lessons_come_first_in_the_chapter_order() {
    let mut all = load_all();
    all.sort_by_key(|(_, l)| l.order);
    let sections: Vec<String> = all
        .iter()
        .take(8)
        .map(|(_, l)| l.section.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        sections,
        ["5.2", "5.1", "5.3", "5.3", "5.4", "5.4", "5.4", "5.5"],
        "the first eight lessons follow the source chapter"
    );
}

#[test]
fn starting_manifests_do_not_meet_their_goals_and_solutions_do() {
    for (name, lesson) in load_all() {
        assert!(!lesson.goals.is_empty(), "{name}: no goals");
        let (met, failed) = describe_failures(&lesson, &lesson.solution);
        assert!(
            failed.is_empty(),
            "{name}: the solution misses goals:\n  {}",
            failed.join("\n  ")
        );
        assert_eq!(met, lesson.goals.len());
        let (met_start, _) = describe_failures(&lesson, &lesson.manifest);
        if lesson.read_only {
            assert_eq!(
                met_start,
                lesson.goals.len(),
                "{name}: a read-only lesson must meet its goals from the start"
            );
        } else {
            assert!(
                met_start < lesson.goals.len(),
                "{name}: the starting manifest already meets every goal"
            );
            assert_ne!(
                lesson.manifest.trim(),
                lesson.solution.trim(),
                "{name}: the solution is the starting manifest"
            );
        }
    }
}

/// The learner may run a lesson on any version the app offers (session::evaluate_on): unless
/// the lesson pins its version, its solution meets its goals on each of them and its
/// starting manifest does not meet them all.
#[test]
fn solutions_meet_their_goals_on_every_version() {
    for (name, lesson) in load_all() {
        for v in KubeVersion::ALL {
            let chosen = ClusterSpec {
                kubernetes: Some(v),
                ..Default::default()
            };
            let (_, reports) = evaluate_on(&lesson, &lesson.solution, &[], &chosen);
            let missed: Vec<&str> = lesson
                .goals
                .iter()
                .zip(&reports)
                .filter(|(_, r)| !r.met)
                .map(|(g, _)| g.text.en.as_str())
                .collect();
            assert!(
                missed.is_empty(),
                "{name} on {v}: the solution misses {missed:?}"
            );
            if !lesson.read_only {
                let (_, start) = evaluate_on(&lesson, &lesson.manifest, &[], &chosen);
                assert!(
                    start.iter().any(|r| !r.met),
                    "{name} on {v}: the starting manifest meets every goal"
                );
            }
        }
    }
}

#[test]
fn both_languages_are_present_and_complete() {
    for (name, l) in load_all() {
        let mut texts = vec![
            ("title", &l.title),
            ("summary", &l.summary),
            ("body", &l.body),
        ];
        for g in &l.goals {
            texts.push(("goal", &g.text));
        }
        for h in &l.hints {
            texts.push(("hint", h));
        }
        for (what, t) in texts {
            assert!(t.is_complete(), "{name}: {what} lacks a language: {t:?}");
            // Korean text is Korean: it has Hangul in it.
            assert!(
                t.ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                "{name}: {what} in Korean has no Hangul: {:?}",
                t.ko
            );
        }
        assert!(!l.hints.is_empty() || l.read_only, "{name}: no hints");
        // The bodies say as much in both languages: the same code spans appear in each.
        let codes = |s: &str| -> BTreeSet<String> {
            prose(s)
                .split('`')
                .skip(1)
                .step_by(2)
                .map(|c| c.to_string())
                .collect()
        };
        let (en, ko) = (codes(&l.body.en), codes(&l.body.ko));
        let missing: Vec<_> = en.difference(&ko).collect();
        assert!(
            missing.len() * 4 <= en.len().max(1),
            "{name}: the Korean body leaves out much of the English body's code: {missing:?}"
        );
    }
}

/// A body's text outside its fenced blocks.
fn prose(markdown: &str) -> String {
    fenced_split(markdown).0
}

/// A body's fenced blocks (without the fences).
fn snippets(markdown: &str) -> Vec<String> {
    fenced_split(markdown).1
}

fn fenced_split(markdown: &str) -> (String, Vec<String>) {
    let mut prose = String::new();
    let mut blocks = Vec::new();
    let mut block: Option<String> = None;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            match block.take() {
                Some(b) => blocks.push(b),
                None => block = Some(String::new()),
            }
            continue;
        }
        let target = block.as_mut().unwrap_or(&mut prose);
        target.push_str(line);
        target.push('\n');
    }
    (prose, blocks)
}

/// A YAML snippet without its comments (they are translated; the YAML is not).
fn without_comments(yaml: &str) -> String {
    yaml.lines()
        .map(|l| match l.find(" #") {
            Some(i) => l[..i].trim_end(),
            None if l.trim_start().starts_with('#') => "",
            None => l.trim_end(),
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Bodies are 150–350 words (English, snippets included), and every fenced snippet is YAML
/// made of Pod fields, the same in both languages apart from its comments.
#[test]
fn bodies_are_the_right_length_and_their_snippets_are_pod_yaml() {
    use podsim::schema::Ty;
    let mut fields = BTreeSet::new();
    let mut todo = vec![podsim::schema::root("Pod").expect("Pod schema")];
    let mut seen = BTreeSet::new();
    while let Some(o) = todo.pop() {
        if !seen.insert(o.go) {
            continue;
        }
        for f in o.fields {
            fields.insert(f.name);
            let mut ty = &f.ty;
            while let Ty::Arr(inner) = ty {
                ty = inner;
            }
            if let Ty::Obj(inner) = ty {
                todo.push(inner);
            }
        }
    }
    // Keys under these fields are names the user chooses, not fields.
    let maps = [
        "labels",
        "annotations",
        "nodeSelector",
        "requests",
        "limits",
    ];
    fn keys<'a>(v: &'a serde_json::Value, parent: &str, maps: &[&str], out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, child) in m {
                    if !maps.contains(&parent) {
                        out.push(k);
                    }
                    keys(child, k, maps, out);
                }
            }
            serde_json::Value::Array(items) => {
                for i in items {
                    keys(i, parent, maps, out);
                }
            }
            _ => {}
        }
    }
    for (name, l) in load_all() {
        let words = l.body.en.split_whitespace().count();
        assert!(
            (150..=350).contains(&words),
            "{name}: the English body has {words} words (150–350, snippets included)"
        );
        let (en, ko) = (snippets(&l.body.en), snippets(&l.body.ko));
        assert_eq!(
            en.iter().map(|s| without_comments(s)).collect::<Vec<_>>(),
            ko.iter().map(|s| without_comments(s)).collect::<Vec<_>>(),
            "{name}: the Korean body's snippets differ from the English ones (comments aside)"
        );
        for snippet in &en {
            let value: serde_json::Value = podsim::yaml::from_yaml_str(snippet)
                .unwrap_or_else(|e| panic!("{name}: snippet is not YAML ({e}):\n{snippet}"));
            let mut found = Vec::new();
            keys(&value, "", &maps, &mut found);
            for k in found {
                assert!(
                    fields.contains(k),
                    "{name}: snippet key {k:?} is no field of a Pod:\n{snippet}"
                );
            }
        }
    }
}

/// Lesson links in bodies and hints (`#/lesson/<id>`) point at lessons that exist.
#[test]
fn lesson_links_point_at_existing_lessons() {
    let all = load_all();
    let ids: BTreeSet<_> = all.iter().map(|(_, l)| l.id.clone()).collect();
    for (name, l) in &all {
        let mut texts: Vec<&str> = vec![&l.body.en, &l.body.ko];
        for h in &l.hints {
            texts.push(&h.en);
            texts.push(&h.ko);
        }
        for t in texts {
            for part in t.split("#/lesson/").skip(1) {
                let id: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                assert!(ids.contains(&id), "{name}: link to unknown lesson {id:?}");
            }
        }
    }
}

fn solution_json(l: &Lesson) -> serde_json::Value {
    let (analysis, _) = evaluate(l, &l.solution, &[]);
    let m = analysis.loaded.defaulted.expect("solution is valid");
    serde_json::to_value(&m.pod).unwrap()
}

/// Field paths the goals check exist in the model's schema, and the containers they name
/// exist in the solution.
#[test]
fn goals_refer_to_fields_and_containers_that_exist() {
    for (name, l) in load_all() {
        let pod = solution_json(&l);
        let mut names: BTreeSet<String> = BTreeSet::new();
        for key in ["containers", "initContainers"] {
            if let Some(list) = pod["spec"][key].as_array() {
                for c in list {
                    names.insert(c["name"].as_str().unwrap_or_default().to_string());
                }
            }
        }
        for g in &l.goals {
            let container = match &g.check {
                Check::RestartsAtLeast { container, .. }
                | Check::NeverRestarts { container }
                | Check::ProbeResult { container, .. }
                | Check::NotReadyWhileRunning { container }
                | Check::Terminated { container, .. }
                | Check::LogContains { container, .. }
                | Check::WaitingReason { container, .. } => Some(container.clone()),
                _ => None,
            };
            if let Some(c) = container {
                assert!(
                    names.contains(&c),
                    "{name}: goal {:?} names container {c:?}, not in the solution ({names:?})",
                    g.text.en
                );
            }
            if let Check::InitOrder { containers } = &g.check {
                for c in containers {
                    assert!(names.contains(c), "{name}: init container {c:?} unknown");
                }
            }
            let path = match &g.check {
                Check::FieldSet { path, .. } => Some(path.clone()),
                Check::Invalid { path: Some(p), .. } => Some(p.clone()),
                _ => None,
            };
            if let Some(p) = path {
                assert!(
                    common::schema_has_path(&p),
                    "{name}: goal {:?} refers to {p:?}, which the Pod schema does not have",
                    g.text.en
                );
            }
        }
    }
}
