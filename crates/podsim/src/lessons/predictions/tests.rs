//! Unit tests: predictions parse and are checked as written; true answers agree with what
//! the timeline records by other means; grading honours the tolerance at its edges.

use super::*;
use crate::kubelet::prober::{ProbeKind, ProbeResult};

/// A lesson around `crash`: a container that works 5 s, then exits 1, under `Always`, and a
/// readiness probe that succeeds while it runs.
const LESSON: &str = r#"
id: test
order: 99
title: {en: t, ko: 테스트}
summary: {en: t, ko: 테스트}
body: {en: t, ko: 테스트}
manifest: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: crash
  spec:
    containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 5; exit 1']
      readinessProbe:
        exec:
          command: ['true']
        periodSeconds: 2
scenario:
  preloadedImages: [busybox:1.36]
until: 2m
goals:
- text: {en: g, ko: 목표}
  check: {kind: valid}
solution: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: crash
  spec:
    restartPolicy: Never
    containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 5; exit 1']
"#;

fn lesson_with(predictions: &str) -> Result<Lesson, String> {
    Lesson::from_yaml(&format!("{LESSON}predictions:\n{predictions}"))
}

fn lesson() -> Lesson {
    Lesson::from_yaml(LESSON).expect("the test lesson loads")
}

/// A prediction read from YAML (its list item without the leading `- `).
fn prediction(yaml: &str) -> Result<Prediction, String> {
    let texts = "question: {en: q, ko: 질문}\nexplain: {en: e, ko: 설명}\n";
    let indented: String = format!("{texts}{yaml}")
        .lines()
        .map(|l| format!("  {l}\n"))
        .collect();
    let lesson = lesson_with(&format!("-{}", &indented[1..]))?;
    lesson
        .predictions
        .into_iter()
        .next()
        .ok_or_else(|| "no prediction".to_string())
}

fn timeline(text: &str) -> crate::sim::Timeline {
    let l = lesson();
    crate::session::analyze(text, &l.scenario, l.until)
        .timeline
        .expect("the test manifest runs")
}

#[test]
fn a_lesson_without_predictions_has_none() {
    assert!(lesson().predictions.is_empty());
}

#[test]
fn predictions_parse_with_their_defaults() {
    let p = prediction(
        "id: first-restart\nask: beforeTask\nshowUntil: 3s\nanswer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}",
    )
    .unwrap();
    assert_eq!(p.id, "first-restart");
    assert_eq!(p.ask, Ask::BeforeTask);
    assert_eq!(p.manifest, Source::Start, "the start is the default");
    assert_eq!(p.show_until(), 3000);
    assert_eq!(
        p.answer,
        AnswerSpec::When {
            moment: Moment::Restart {
                container: "app".into(),
                nth: 1
            },
            tolerance: Dur(2000)
        }
    );
    let p = prediction(
        "id: count\nask: afterGoals\nmanifest: solution\nshowUntil: 1s\nanswer: {kind: howMany, count: {kind: probeResults, container: app, probe: readiness, result: Success}, by: 30s}",
    )
    .unwrap();
    assert_eq!(p.manifest, Source::Solution);
    assert_eq!(
        p.answer,
        AnswerSpec::HowMany {
            count: Count::ProbeResults {
                container: "app".into(),
                probe: ProbeKind::Readiness,
                result: ProbeResult::Success
            },
            by: Dur(30_000),
            tolerance: 0
        }
    );
    // A literal manifest, and statuses and choices written as YAML booleans.
    let p = prediction(
        "id: w\nask: afterGoals\nmanifest: |\n  apiVersion: v1\n  kind: Pod\nshowUntil: 1s\nanswer: {kind: which, of: {kind: condition, condition: Ready, at: 9s}, choices: [True, False]}",
    )
    .unwrap();
    assert_eq!(
        p.manifest,
        Source::Literal("apiVersion: v1\nkind: Pod\n".into())
    );
    assert_eq!(
        p.answer,
        AnswerSpec::Which {
            of: Question::Condition {
                condition: ConditionType::Ready,
                at: Dur(9000)
            },
            choices: vec!["True".into(), "False".into()]
        }
    );
    let p = prediction(
        "id: c\nask: afterGoals\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: condition, condition: Ready, status: false, after: 10s}, tolerance: 2s}",
    )
    .unwrap();
    assert!(matches!(
        p.answer,
        AnswerSpec::When {
            moment: Moment::Condition {
                status: ConditionStatus::False,
                after: Some(Dur(10_000)),
                ..
            },
            ..
        }
    ));
}

#[test]
fn mistakes_are_reported_clearly() {
    let err = |yaml: &str| prediction(yaml).unwrap_err();
    let when = "answer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}";
    let e = err(&format!(
        "id: x\nask: beforeTask\nshowUntil: 1s\ncolour: red\n{when}"
    ));
    assert!(
        e.contains("prediction \"x\": unknown field `colour`"),
        "{e}"
    );
    let e = err(&format!("id: x\nask: soon\nshowUntil: 1s\n{when}"));
    assert!(e.contains("unknown variant `soon`"), "{e}");
    let e = err(&format!(
        "id: x\nask: beforeTask\nmanifest: soltion\nshowUntil: 1s\n{when}"
    ));
    assert!(
        e.contains("write `start`, `solution`, or a whole manifest"),
        "{e}"
    );
    let e = err(&format!(
        "id: First_Restart\nask: beforeTask\nshowUntil: 1s\n{when}"
    ));
    assert!(e.contains("lower-case letters, digits and dashes"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: guess}");
    assert!(e.contains("unknown variant `guess`"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, container: app, nth: 0}, tolerance: 2s}");
    assert!(e.contains("`nth` counts from 1"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, container: app}, tolerance: 0s}");
    assert!(e.contains("tolerance above 0s"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, pod: app}, tolerance: 2s}");
    assert!(e.contains("unknown field `pod`"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: condition, condition: Ready, status: Maybe}, tolerance: 2s}");
    assert!(
        e.contains("write \"True\", \"False\" or \"Unknown\""),
        "{e}"
    );
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: phase, at: 9s}, choices: [Running, Finished]}");
    assert!(e.contains("\"Finished\" is no phase"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: phase, at: 9s}, choices: [Running]}");
    assert!(e.contains("2 to 6 choices"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: phase, at: 9s}, choices: [Running, Running]}");
    assert!(e.contains("listed twice"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: containerState, container: app, at: 9s}, choices: [Running, Sleeping]}");
    assert!(e.contains("no container state"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 9s\nanswer: {kind: which, of: {kind: phase, at: 9s}, choices: [Running, Failed]}");
    assert!(e.contains("must come after `showUntil`"), "{e}");
    let e = err("id: x\nask: beforeTask\nshowUntil: 30s\nanswer: {kind: howMany, count: {kind: restarts, container: app}, by: 20s}");
    assert!(e.contains("must come after `showUntil`"), "{e}");
    let e = lesson_with(&format!(
        "- id: x\n  ask: beforeTask\n  showUntil: 1s\n  question: {{en: q, ko: \"\"}}\n  explain: {{en: e, ko: 설명}}\n  {when}\n"
    ))
    .unwrap_err();
    assert!(
        e.contains("prediction \"x\": question needs both en and ko"),
        "{e}"
    );
    // Two predictions with one id.
    let one = "- id: same\n  ask: beforeTask\n  showUntil: 1s\n  question: {en: q, ko: 질문}\n  explain: {en: e, ko: 설명}\n  answer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}\n";
    let e = lesson_with(&format!("{one}{one}")).unwrap_err();
    assert!(e.contains("two predictions have this id"), "{e}");
}

#[test]
fn an_empty_language_is_a_mistake() {
    let e = prediction(
        "id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}",
    )
    .map(|mut p| {
        p.explain.ko.clear();
        p.problems()
    })
    .unwrap();
    assert_eq!(e, ["explain needs both en and ko"]);
}

#[test]
fn when_answers_agree_with_the_containers_own_records() {
    let l = lesson();
    let tl = timeline(&l.manifest);
    // Each restart is when the next run's log begins.
    for nth in 1..=3u32 {
        let p = prediction(&format!(
            "id: r\nask: beforeTask\nshowUntil: 1s\nanswer: {{kind: when, moment: {{kind: restart, container: app, nth: {nth}}}, tolerance: 5s}}"
        ))
        .unwrap();
        let a = answer(&p, &l).unwrap();
        let run = tl
            .logs
            .iter()
            .find(|r| r.container == "app" && r.restart == nth)
            .expect("the run exists");
        assert_eq!(a.value, Value::Instant(run.started_at), "restart {nth}");
        assert_eq!(a.at, run.started_at);
        let [Basis {
            record: Record::Snapshot(i),
            t_ms,
        }] = a.basis[..]
        else {
            panic!("one snapshot: {:?}", a.basis)
        };
        assert_eq!(t_ms, run.started_at);
        assert_eq!(
            tl.snapshots[i]
                .status
                .container("app")
                .unwrap()
                .restart_count,
            nth
        );
    }
    // The first exit is when the first run's log ends, with exit code 1.
    let p = prediction("id: t\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: terminated, container: app, exitCode: 1}, tolerance: 5s}").unwrap();
    let first_run = tl.logs.iter().find(|r| r.container == "app").unwrap();
    assert_eq!(
        answer(&p, &l).unwrap().value,
        Value::Instant(first_run.finished_at.unwrap())
    );
    // `after` skips the earlier exits.
    let p = prediction("id: t\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: terminated, container: app, after: 20s}, tolerance: 5s}").unwrap();
    let later = tl
        .logs
        .iter()
        .filter_map(|r| r.finished_at)
        .find(|t| *t >= 20_000)
        .unwrap();
    assert_eq!(answer(&p, &l).unwrap().value, Value::Instant(later));
    // An event moment points at the event it found.
    let p = prediction("id: e\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: event, reason: BackOff}, tolerance: 5s}").unwrap();
    let a = answer(&p, &l).unwrap();
    let Record::Event(i) = a.basis[0].record else {
        panic!("{:?}", a.basis)
    };
    assert_eq!(tl.events[i].reason, "BackOff");
    assert!(tl.events[..i].iter().all(|e| e.reason != "BackOff"));
    // The 2nd readiness success is the 2nd such probe record.
    let p = prediction("id: p\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: probe, container: app, probe: readiness, result: Success, nth: 2}, tolerance: 5s}").unwrap();
    let second = tl
        .probes
        .iter()
        .filter(|p| &*p.container == "app" && p.result == ProbeResult::Success)
        .nth(1)
        .unwrap();
    assert_eq!(answer(&p, &l).unwrap().value, Value::Instant(second.t_ms));
}

#[test]
fn condition_and_phase_moments_are_turns() {
    let l = lesson();
    let tl = timeline(&l.manifest);
    let ready = |t: Millis| {
        tl.status_at(t)
            .and_then(|s| s.condition("Ready"))
            .map(|c| c.status.clone())
    };
    // Ready turns True, then False when the container exits, after 4s.
    let p = prediction("id: c\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: condition, condition: Ready, status: \"False\", after: 4s}, tolerance: 2s}").unwrap();
    let Value::Instant(t) = answer(&p, &l).unwrap().value else {
        panic!()
    };
    assert!(t >= 4000);
    assert_eq!(ready(t).as_deref(), Some("False"));
    assert_eq!(ready(t - 1).as_deref(), Some("True"), "it turned at {t}");
    // Under Never the phase turns Failed once, when the container exits 1.
    let p = prediction("id: f\nask: afterGoals\nmanifest: solution\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: phase, phase: Failed}, tolerance: 2s}").unwrap();
    let sol = timeline(&l.solution);
    let Value::Instant(t) = answer(&p, &l).unwrap().value else {
        panic!()
    };
    assert_eq!(sol.status_at(t).unwrap().phase, "Failed");
    assert_ne!(sol.status_at(t - 1).unwrap().phase, "Failed");
}

#[test]
fn counts_and_questions_read_the_run() {
    let l = lesson();
    let tl = timeline(&l.manifest);
    let p = prediction("id: count\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: howMany, count: {kind: restarts, container: app}, by: 1m, tolerance: 1}").unwrap();
    let a = answer(&p, &l).unwrap();
    let restarts = tl
        .status_at(60_000)
        .unwrap()
        .container("app")
        .unwrap()
        .restart_count;
    assert!(restarts >= 2, "the container crash-loops: {restarts}");
    assert_eq!(a.value, Value::Count(restarts));
    assert_eq!(a.basis.len(), restarts as usize, "one record per restart");
    let p = prediction("id: count\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: howMany, count: {kind: events, reason: BackOff}, by: 1m}").unwrap();
    let backoffs = tl
        .events
        .iter()
        .filter(|e| e.reason == "BackOff" && e.t_ms <= 60_000)
        .count();
    assert_eq!(answer(&p, &l).unwrap().value, Value::Count(backoffs as u32));
    // Which: the phase, STATUS, a condition and the container's state at 1m.
    let status = tl.status_at(60_000).unwrap();
    let state = super::answer::state_text(&status.container("app").unwrap().state).unwrap();
    let row = crate::views::get::pod_row(
        &tl.pod_name,
        &tl.manifest.pod.spec,
        status,
        false,
        None,
        60_000,
    );
    for (question, truth, other) in [
        (
            "{kind: phase, at: 1m}",
            status.phase.clone(),
            "Succeeded".to_string(),
        ),
        (
            "{kind: status, at: 1m}",
            row.status,
            "Completed".to_string(),
        ),
        (
            "{kind: containerState, container: app, at: 1m}",
            state,
            "Terminated (Completed)".to_string(),
        ),
    ] {
        let p = prediction(&format!(
            "id: w\nask: beforeTask\nshowUntil: 1s\nanswer: {{kind: which, of: {question}, choices: [\"{other}\", \"{truth}\"]}}"
        ))
        .unwrap();
        let a = answer(&p, &l).unwrap();
        assert_eq!(
            a.value,
            Value::Choice {
                index: 1,
                text: truth.clone()
            },
            "{question}"
        );
        assert_eq!(a.at, 60_000);
        // It rests on the first snapshot of the stretch that answers so.
        let Record::Snapshot(i) = a.basis[0].record else {
            panic!()
        };
        assert!(tl.snapshots[i].t_ms <= 60_000);
    }
}

#[test]
fn which_rests_on_the_start_of_its_stretch() {
    let l = lesson();
    let tl = timeline(&l.manifest);
    let p = prediction("id: w\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: phase, at: 1m}, choices: [Pending, Running]}").unwrap();
    let a = answer(&p, &l).unwrap();
    let became_running = tl
        .snapshots
        .iter()
        .find(|s| s.status.phase == "Running")
        .unwrap()
        .t_ms;
    assert_eq!(a.basis[0].t_ms, became_running);
}

#[test]
fn a_prediction_without_an_answer_says_why() {
    let l = lesson();
    let err = |yaml: &str| answer(&prediction(yaml).unwrap(), &l).unwrap_err();
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, container: web}, tolerance: 2s}");
    assert_eq!(
        e,
        PredictionError::UnknownContainer {
            container: "web".into(),
            known: vec!["app".into()]
        }
    );
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: event, reason: Killing}, tolerance: 2s}");
    assert!(
        matches!(e, PredictionError::NeverHappens { until: 120_000, .. }),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("the first Killing event does not happen"),
        "{e}"
    );
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: howMany, count: {kind: restarts, container: app}, by: 3m}");
    assert_eq!(
        e,
        PredictionError::PastTheRun {
            at: 180_000,
            until: 120_000
        }
    );
    let e = err("id: x\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: phase, at: 1m}, choices: [Pending, Succeeded]}");
    assert!(
        matches!(e, PredictionError::NotAChoice { ref answer, .. } if answer == "Running"),
        "{e}"
    );
    let e = err("id: x\nask: beforeTask\nshowUntil: 1m\nanswer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}");
    assert!(
        matches!(
            e,
            PredictionError::ShownBeforeAsked {
                show_until: 60_000,
                ..
            }
        ),
        "{e}"
    );
    let e = err("id: x\nask: beforeTask\nmanifest: |\n  apiVersion: v1\n  kind: Pod\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}");
    assert!(
        matches!(e, PredictionError::InvalidManifest { ref messages } if !messages.is_empty()),
        "{e}"
    );
}

#[test]
fn grading_honours_the_tolerance_at_its_edges() {
    let l = lesson();
    let p = prediction("id: r\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}").unwrap();
    let a = answer(&p, &l).unwrap();
    let Value::Instant(t) = a.value else { panic!() };
    let g = |guess: Millis| grade(&p, &a, Guess::Instant(guess)).unwrap();
    assert!(g(t).right);
    assert_eq!(g(t).distance, Distance::Time(0));
    assert!(g(t + 2000).right && g(t - 2000).right);
    assert!(!g(t + 2001).right && !g(t - 2001).right);
    assert_eq!(g(t - 2001).distance, Distance::Time(-2001));
    assert_eq!(g(t + 2001).distance, Distance::Time(2001));
    assert_eq!(g(t + 2001).answer, a);
    assert_eq!(
        grade(&p, &a, Guess::Count(1)),
        Err(GradeError::WrongKind {
            expected: "when",
            got: "howMany"
        })
    );

    let p = prediction("id: count\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: howMany, count: {kind: restarts, container: app}, by: 1m, tolerance: 1}").unwrap();
    let a = answer(&p, &l).unwrap();
    let Value::Count(n) = a.value else { panic!() };
    let g = |guess: u32| grade(&p, &a, Guess::Count(guess)).unwrap();
    assert!(g(n).right && g(n + 1).right && g(n - 1).right);
    assert!(!g(n + 2).right && !g(n - 2).right);
    assert_eq!(g(n + 2).distance, Distance::Count(2));
    assert_eq!(g(0).distance, Distance::Count(-i64::from(n)));

    let p = prediction("id: w\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: phase, at: 1m}, choices: [Pending, Running, Failed]}").unwrap();
    let a = answer(&p, &l).unwrap();
    assert!(grade(&p, &a, Guess::Choice(1)).unwrap().right);
    assert!(!grade(&p, &a, Guess::Choice(2)).unwrap().right);
    assert_eq!(
        grade(&p, &a, Guess::Choice(3)),
        Err(GradeError::NoSuchChoice {
            index: 3,
            choices: 3
        })
    );
    // An answer computed for another prediction is refused, not misgraded.
    let other = Answer {
        value: Value::Count(1),
        at: 0,
        basis: vec![],
    };
    assert_eq!(
        grade(&p, &other, Guess::Choice(1)),
        Err(GradeError::AnswerMismatch)
    );
}

#[test]
fn grades_read_as_sentences() {
    let l = lesson();
    let p = prediction("id: r\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: when, moment: {kind: restart, container: app}, tolerance: 2s}").unwrap();
    let mut a = answer(&p, &l).unwrap();
    a.value = Value::Instant(75_300);
    let note = grade(&p, &a, Guess::Instant(70_000)).unwrap().note(&p);
    assert_eq!(
        note.en,
        "Not this time: 1m15.3s (you marked 1m10s, 5.3s early)."
    );
    assert_eq!(note.ko, "오답: 1m15.3s(표시한 시점 1m10s, 5.3s 이름).");
    let note = grade(&p, &a, Guess::Instant(76_000)).unwrap().note(&p);
    assert_eq!(note.en, "Right: 1m15.3s (you marked 1m16s, 0.7s late).");
    let p = prediction("id: w\nask: beforeTask\nshowUntil: 1s\nanswer: {kind: which, of: {kind: phase, at: 1m}, choices: [Pending, Running]}").unwrap();
    let a = answer(&p, &l).unwrap();
    let note = grade(&p, &a, Guess::Choice(0)).unwrap().note(&p);
    assert_eq!(note.en, "Not this time: Running, not Pending.");
    assert_eq!(note.ko, "오답: 답은 Running임(고른 답 Pending).");
}

#[test]
fn instants_and_ordinals_read_well() {
    use super::answer::instant;
    use super::words::ordinal;
    assert_eq!(instant(0), "0s");
    assert_eq!(instant(45_000), "45s");
    assert_eq!(instant(75_300), "1m15.3s");
    assert_eq!(instant(2_520), "2.5s");
    assert_eq!(instant(59_960), "1m00s");
    assert!(instant(Millis::MAX).ends_with('s'), "no overflow");
    assert_eq!(
        [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal),
        ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
    );
}

#[test]
fn moments_describe_themselves_in_both_languages() {
    let m = Moment::Restart {
        container: "web".into(),
        nth: 2,
    };
    assert_eq!(m.describe().en, "the 2nd restart of web");
    assert_eq!(m.describe().ko, "web의 2번째 재시작");
    let m = Moment::Condition {
        condition: ConditionType::Ready,
        status: ConditionStatus::False,
        after: Some(Dur(60_000)),
    };
    assert_eq!(m.describe().en, "Ready turns False after 1m00s");
    assert!(m.describe().is_complete());
    let c = Count::Events {
        reason: "Pulling".into(),
        contains: None,
    };
    assert_eq!(c.describe(120_000).en, "Pulling events by 2m00s");
    let q = Question::Status { at: Dur(30_000) };
    assert_eq!(q.describe().ko, "30s 시점의 STATUS");
}
