//! Every change in every timeline the project shows has a cause: for every shared example
//! (`tests/examples`, copies of ../shared/examples) and every lesson's start, solution and
//! prediction variations (in the lesson's scenario), each event and each changed status
//! field points at a recorded cause; every status field that differs from the snapshot
//! before is listed; causes only follow earlier causes; every change explains in both
//! languages with at least one step; every field a step names is written in the manifest
//! (with a span on its text) or reported as not written (a default), and is a field of the
//! Pod schema; every row of `get pods -w` and of `get events` maps to a change.

mod common;

use podsim::lessons::Lesson;
use podsim::model::PodStatus;
use podsim::schema::Lang;
use podsim::session::analyze;
use podsim::sim::{Scenario, Timeline};
use podsim::time::{Millis, MINUTE};
use podsim::views;
use podsim::why::{self, StatusField, NO_CAUSE};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The status fields that differ between two statuses, computed here on their own.
fn differing(prev: Option<&PodStatus>, s: &PodStatus) -> Vec<StatusField> {
    let mut out = Vec::new();
    let all = |st: &PodStatus| {
        st.init_container_statuses
            .iter()
            .chain(&st.container_statuses)
            .cloned()
            .collect::<Vec<_>>()
    };
    let now = all(s);
    let before = prev.map(all).unwrap_or_default();
    for (k, c) in now.iter().enumerate() {
        let container = k as u16;
        let p = before.get(k);
        if p.is_none_or(|p| {
            p.state != c.state || p.last_state != c.last_state || p.restart_count != c.restart_count
        }) {
            out.push(StatusField::State { container });
        }
        if p.is_none_or(|p| p.ready != c.ready) {
            out.push(StatusField::Ready { container });
        }
        if p.is_none_or(|p| p.started != c.started) {
            out.push(StatusField::Started { container });
        }
    }
    if prev.is_none_or(|p| p.phase != s.phase || p.reason != s.reason) {
        out.push(StatusField::Phase);
    }
    for c in &s.conditions {
        let b = prev.and_then(|p| p.condition(c.type_));
        if b.is_none_or(|b| (b.status, b.reason, &b.message) != (c.status, c.reason, &c.message)) {
            out.push(StatusField::Condition { condition: c.type_ });
        }
    }
    out.sort();
    out
}

/// Everything this test holds a timeline to. Returns how many changes it explained.
fn check(label: &str, tl: &Timeline) -> usize {
    assert!(tl.source.is_some(), "{label}: the timeline knows its text");
    let n = tl.causes.len() as u32;
    // Causes follow earlier causes only, and are recorded in time order.
    for (i, c) in tl.causes.iter().enumerate() {
        for p in c.parents() {
            assert!(p < i as u32, "{label}: cause {i} follows a later cause {p}");
        }
    }
    for w in tl.causes.windows(2) {
        assert!(
            w[0].at <= w[1].at,
            "{label}: causes out of time order: {w:?}"
        );
    }
    for (i, e) in tl.events.iter().enumerate() {
        assert!(
            e.cause != NO_CAUSE && e.cause < n,
            "{label}: event {i} ({} {}) has no cause",
            e.reason,
            e.message
        );
    }
    for (i, s) in tl.snapshots.iter().enumerate() {
        let prev = i.checked_sub(1).map(|k| &tl.snapshots[k].status);
        let want = differing(prev, &s.status);
        let mut got: Vec<StatusField> = s.why.iter().map(|(f, _)| *f).collect();
        got.sort();
        assert_eq!(got, want, "{label}: snapshot {i} at {} ms", s.t_ms);
        for (f, c) in &s.why {
            assert!(
                *c != NO_CAUSE && *c < n,
                "{label}: snapshot {i} at {} ms: {f:?} has no cause",
                s.t_ms
            );
        }
    }
    // Every change explains, in both languages, with fields that exist.
    let src = tl.source.as_ref().expect("source");
    let changes = why::changes(tl);
    for ch in &changes {
        assert!(
            why::head(tl, ch.change).is_some(),
            "{label}: {:?} ({}) has no cause",
            ch.change,
            ch.label.en
        );
        assert!(!ch.label.en.is_empty() && !ch.label.ko.is_empty());
        for lang in [Lang::En, Lang::Ko] {
            let e = why::explain(tl, ch.change, lang);
            assert!(
                !e.steps.is_empty(),
                "{label}: {} explains nothing",
                ch.label.en
            );
            for s in &e.steps {
                assert!(
                    !s.title.trim().is_empty() && !s.detail.trim().is_empty(),
                    "{label}: {}: a step without words: {s:?}",
                    ch.label.en
                );
                assert!(s.marks.iter().all(|m| m.until.is_none_or(|u| u >= m.at)));
                if lang == Lang::Ko {
                    continue;
                }
                for f in &s.fields {
                    assert!(
                        common::schema_has_path(&f.path),
                        "{label}: {}: {} is no field of a Pod",
                        ch.label.en,
                        f.path
                    );
                    if f.written {
                        assert!(
                            src.written(&f.path) && f.span.is_some(),
                            "{label}: {}: {} is said to be written but has no span",
                            ch.label.en,
                            f.path
                        );
                    } else {
                        assert!(
                            !src.written(&f.path) && f.span.is_none(),
                            "{label}: {}: {} is said to be a default but is written",
                            ch.label.en,
                            f.path
                        );
                    }
                }
            }
            // Steps are told newest first.
            for w in e.steps.windows(2) {
                assert!(
                    w[0].at >= w[1].at,
                    "{label}: {}: steps out of order",
                    ch.label.en
                );
            }
        }
    }
    // Rows of `get -w` and `get events` map to changes with causes.
    let t = tl.until;
    let rows = views::get::watch(tl, t).lines().count().saturating_sub(1);
    let refs = why::watch_refs(tl, t);
    assert_eq!(refs.len(), rows, "{label}: get -w rows");
    for r in refs {
        assert!(
            why::head(tl, r).is_some(),
            "{label}: get -w row {r:?} has no cause"
        );
    }
    let events = why::event_refs(tl, t);
    assert_eq!(events.len(), tl.events_at(t).len(), "{label}: event rows");
    for (r, e) in events.iter().zip(tl.events_at(t)) {
        let why::ChangeRef::Event { index } = *r else {
            panic!("{label}: an event row maps to {r:?}");
        };
        let rec = &tl.events[index as usize];
        assert_eq!(
            (rec.reason, &rec.message, rec.t_ms),
            (e.reason, &e.message, e.last_ms)
        );
    }
    for a in why::annotations(tl) {
        assert!(a.from <= a.to, "{label}: annotation {a:?}");
        assert!(why::head(tl, a.change).is_some());
    }
    changes.len()
}

fn run(text: &str, scenario: &Scenario, until: Millis) -> Option<Timeline> {
    analyze(text, scenario, until).timeline
}

#[test]
fn every_change_of_every_example_has_a_cause() {
    let names = common::example_paths();
    let mut total = 0;
    for p in names {
        let text = std::fs::read_to_string(&p).unwrap();
        let label = p.file_name().unwrap().to_string_lossy().into_owned();
        let tl = run(&text, &Scenario::default(), 10 * MINUTE).expect("runs");
        total += check(&label, &tl);
    }
    assert!(total > 100, "{total} changes");
}

#[test]
fn every_change_of_every_lesson_has_a_cause() {
    let dir = root().join("../../lessons");
    let mut n = 0;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    for p in files {
        let lesson = Lesson::from_yaml(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let mut texts: Vec<(String, &str)> = vec![
            ("start".into(), &lesson.manifest),
            ("solution".into(), &lesson.solution),
        ];
        for pr in &lesson.predictions {
            texts.push((format!("prediction {}", pr.id), pr.manifest_text(&lesson)));
        }
        for (which, text) in texts {
            let Some(tl) = run(text, &lesson.scenario, lesson.until) else {
                continue;
            };
            check(&format!("{} ({which})", lesson.id), &tl);
            n += 1;
        }
    }
    assert!(n >= 30, "only {n} lesson runs checked");
}
