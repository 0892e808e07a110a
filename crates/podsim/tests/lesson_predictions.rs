//! The lessons' predictions (issue 21): enough lessons have one, in both languages; every
//! prediction has a true answer the engine computes from its manifest's run; and the answer
//! is fair to a learner who reasons like the kubelet:
//!
//! - the tolerance of a *when* answer covers the timing spread a real kubelet would show
//!   for that moment, and a *how many* or *which* answer does not change within that spread
//!   of its instant (or, for a count, not by more than its tolerance);
//! - marking the last instant shown while the prediction is open is not already right.
//!
//! The timing spread of a prediction is derived from its manifest and its run, never written
//! in the lesson:
//! - at least 1 s: the kubelet notices a container's exit on its next relist (PLEG, 1 s);
//! - the period of every probe that has run by the answer's instant, of the container the
//!   prediction is about (of every container for the Pod's phase, conditions, STATUS and
//!   events): a probe-driven change comes on the probe's next tick, so a fair guess is right
//!   within one period;
//! - 10 s once a back-off has begun (a `BackOff` event by the answer's instant): up to
//!   Kubernetes 1.34 the pod worker re-syncs a pod in back-off only every 10 s (with jitter),
//!   so real restarts and pulls come up to 10–15 s after the nominal back-off.

use podsim::lessons::predictions::{answer_from, AnswerSpec, Count, Prediction, Question, Value};
use podsim::lessons::Lesson;
use podsim::session::analyze;
use podsim::sim::Timeline;
use podsim::time::{Millis, SECOND};

#[path = "common/lesson_files.rs"]
mod lesson_files;

use lesson_files::load_all;

/// How far past the lesson's `until` the fairness checks look.
const MARGIN: Millis = 20 * SECOND;

/// The prediction's manifest, run in the lesson's scenario a little past the lesson's
/// `until` (so that the spread around an instant at the very end can be checked too).
fn long_run(lesson: &Lesson, p: &Prediction) -> Timeline {
    analyze(
        p.manifest_text(lesson),
        &lesson.scenario,
        lesson.until + MARGIN,
    )
    .timeline
    .unwrap_or_else(|| panic!("{}/{}: the manifest does not run", lesson.id, p.id))
}

/// The timing spread of the prediction's answer at instant `t` (see the module comment).
fn spread(p: &Prediction, tl: &Timeline, t: Millis) -> Millis {
    let about = p.answer.container();
    let spec = &tl.manifest.pod.spec;
    let probes = tl
        .probes
        .iter()
        .filter(|r| r.t_ms <= t && about.is_none_or(|c| *r.container == *c))
        .filter_map(|r| {
            let c = spec
                .all_containers()
                .find(|(c, _)| *c.name == *r.container)?
                .0;
            let probe = match r.probe {
                podsim::kubelet::prober::ProbeKind::Liveness => c.liveness_probe.as_ref(),
                podsim::kubelet::prober::ProbeKind::Readiness => c.readiness_probe.as_ref(),
                podsim::kubelet::prober::ProbeKind::Startup => c.startup_probe.as_ref(),
            }?;
            u64::try_from(probe.period()).ok().map(|s| s * SECOND)
        })
        .max()
        .unwrap_or(0);
    let back_off = if tl
        .events
        .iter()
        .any(|e| e.reason == podsim::kubelet::events::EventReason::BackOff && e.t_ms <= t)
    {
        10 * SECOND
    } else {
        0
    };
    SECOND.max(probes).max(back_off)
}

/// A lesson duration (`45s`, `1500ms`), read as a lesson writes it.
fn dur<T: serde::de::DeserializeOwned>(text: &str) -> T {
    serde_json::from_value(serde_json::json!(text)).expect("a duration")
}

/// The same prediction asked about another instant (its `by` or its question's `at`).
fn at_instant(p: &Prediction, t: Millis) -> Prediction {
    let mut q = p.clone();
    match &mut q.answer {
        AnswerSpec::HowMany { by, .. } => *by = dur(&format!("{t}ms")),
        AnswerSpec::Which { of, .. } => match of {
            Question::Phase { at }
            | Question::Status { at }
            | Question::Condition { at, .. }
            | Question::ContainerState { at, .. } => *at = dur(&format!("{t}ms")),
        },
        AnswerSpec::When { .. } => {}
    }
    q
}

/// Every instant in `[from, to]` at which the run changes, and both ends.
fn instants(tl: &Timeline, from: Millis, to: Millis) -> Vec<Millis> {
    let mut out: Vec<Millis> = tl
        .moments()
        .into_iter()
        .chain(tl.probes.iter().map(|p| p.t_ms))
        .filter(|t| (from..=to).contains(t))
        .collect();
    out.extend([from, to]);
    out.sort_unstable();
    out.dedup();
    out
}

/// What is unfair about a prediction, given the run of its manifest.
fn unfair(lesson: &Lesson, p: &Prediction) -> Vec<String> {
    let tl = long_run(lesson, p);
    let name = format!("{}/{}", lesson.id, p.id);
    let mut out = Vec::new();
    let truth = match answer_from(p, &tl) {
        Ok(a) => a,
        Err(e) => return vec![format!("{name}: {e}")],
    };
    let s = spread(p, &tl, truth.at);
    let tolerance = match &p.answer {
        AnswerSpec::When { tolerance, .. } => format!("± {}ms", tolerance.0),
        AnswerSpec::HowMany { tolerance, .. } => format!("± {tolerance}"),
        AnswerSpec::Which { .. } => "stable".into(),
    };
    println!(
        "{name}: {} at {}ms, spread {s}ms, {tolerance}",
        truth.text().en,
        truth.at
    );
    match (&p.answer, &truth.value) {
        (AnswerSpec::When { tolerance, .. }, Value::Instant(t)) => {
            if tolerance.0 < s {
                out.push(format!(
                    "{name}: tolerance {}ms is below the timing spread {s}ms of this moment",
                    tolerance.0
                ));
            }
            if t.saturating_sub(tolerance.0) < p.show_until() {
                out.push(format!(
                    "{name}: marking the last instant shown ({}ms) is already right (answer {t}ms ± {}ms)",
                    p.show_until(),
                    tolerance.0
                ));
            }
        }
        (AnswerSpec::HowMany { tolerance, .. }, Value::Count(n)) => {
            for t in instants(&tl, truth.at.saturating_sub(s), truth.at + s) {
                match answer_from(&at_instant(p, t), &tl).map(|a| a.value) {
                    Ok(Value::Count(m)) if m.abs_diff(*n) <= *tolerance => {}
                    other => out.push(format!(
                        "{name}: by {t}ms the count is {other:?}, not {n} ± {tolerance}: within the spread {s}ms of `by`"
                    )),
                }
            }
        }
        (AnswerSpec::Which { .. }, Value::Choice { text, .. }) => {
            for t in instants(&tl, truth.at.saturating_sub(s), truth.at + s) {
                match answer_from(&at_instant(p, t), &tl).map(|a| a.value) {
                    Ok(Value::Choice { text: other, .. }) if other == *text => {}
                    other => out.push(format!(
                        "{name}: at {t}ms the answer is {other:?}, not {text:?}: on a knife-edge within {s}ms of the question's instant"
                    )),
                }
            }
        }
        (spec, value) => out.push(format!("{name}: {value:?} answers no {}", spec.kind())),
    }
    out
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn at_least_eight_lessons_predict_in_both_languages() {
    let all = load_all();
    let with: Vec<&str> = all
        .iter()
        .filter(|(_, l)| !l.predictions.is_empty())
        .map(|(_, l)| l.id.as_str())
        .collect();
    println!(
        "lessons with predictions: {} ({}); predictions: {}",
        with.len(),
        with.join(", "),
        all.iter().map(|(_, l)| l.predictions.len()).sum::<usize>()
    );
    assert!(
        with.len() >= 8,
        "only {} lessons predict: {with:?}",
        with.len()
    );
    for (name, l) in &all {
        for p in &l.predictions {
            for (what, t) in [("question", &p.question), ("explain", &p.explain)] {
                assert!(t.is_complete(), "{name}/{}: {what} lacks a language", p.id);
                assert!(
                    has_hangul(&t.ko),
                    "{name}/{}: {what} in Korean has no Hangul",
                    p.id
                );
            }
        }
    }
}

#[test]
fn every_prediction_has_a_computed_answer() {
    let mut problems = Vec::new();
    let mut answered = 0;
    for (_, l) in load_all() {
        for p in &l.predictions {
            match podsim::lessons::predictions::answer(p, &l) {
                Ok(a) => {
                    answered += 1;
                    assert!(!matches!(a.value, Value::Instant(_)) || !a.basis.is_empty());
                }
                Err(e) => problems.push(format!("{}/{}: {e}", l.id, p.id)),
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    assert!(answered > 0);
}

#[test]
fn tolerances_are_fair_to_a_real_kubelet() {
    let mut problems = Vec::new();
    for (_, l) in load_all() {
        for p in &l.predictions {
            problems.extend(unfair(&l, p));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The checks above catch an unfair prediction: a tolerance below the probe period, a
/// question on a knife-edge, a count that moves within the spread.
#[test]
fn unfair_predictions_are_caught() {
    let all = load_all();
    let find = |lesson: &str, id: &str| {
        let (_, l) = all
            .iter()
            .find(|(_, l)| l.id == lesson)
            .unwrap_or_else(|| panic!("lesson {lesson}"));
        let p = l
            .predictions
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("{lesson}/{id}"))
            .clone();
        (l.clone(), p)
    };
    // A tolerance of 2s for a restart the 10-second liveness probe decides.
    let (l, mut p) = find("startup-probes", "first-restart-without-startup-probe");
    assert!(unfair(&l, &p).is_empty());
    if let AnswerSpec::When { tolerance, .. } = &mut p.answer {
        *tolerance = dur("2s");
    }
    let found = unfair(&l, &p);
    assert!(
        found
            .iter()
            .any(|f| f.contains("below the timing spread 10000ms")),
        "{found:?}"
    );
    // Ready asked about right when the readiness probe turns it.
    let (l, p) = find("readiness", "not-ready-after-the-file-is-gone");
    let tl = long_run(&l, &p);
    let Ok(Value::Instant(turn)) = answer_from(&p, &tl).map(|a| a.value) else {
        panic!()
    };
    let mut q = p.clone();
    q.answer = AnswerSpec::Which {
        of: Question::Condition {
            condition: podsim::model::ConditionType::Ready,
            at: dur(&format!("{}ms", turn + 1000)),
        },
        choices: vec!["True".into(), "False".into()],
    };
    let found = unfair(&l, &q);
    assert!(found.iter().any(|f| f.contains("knife-edge")), "{found:?}");
    // Restarts counted just after one happened, with no tolerance.
    let (l, mut p) = find("restart-policies", "restarts-under-always");
    if let AnswerSpec::HowMany {
        by,
        tolerance,
        count,
    } = &mut p.answer
    {
        assert!(matches!(count, Count::Restarts { .. }));
        *by = dur("45s");
        *tolerance = 0;
    }
    let found = unfair(&l, &p);
    assert!(found.iter().any(|f| f.contains("not 3 ± 0")), "{found:?}");
    // Marking the end of the shown run is right when the tolerance reaches back to it.
    let (l, mut p) = find("graceful-termination", "exit-with-a-trap");
    if let AnswerSpec::When { tolerance, .. } = &mut p.answer {
        *tolerance = dur("8s");
    }
    let found = unfair(&l, &p);
    assert!(
        found.iter().any(|f| f.contains("already right")),
        "{found:?}"
    );
}
