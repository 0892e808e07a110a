//! A plain-text report of a lesson's predictions with their computed answers, for lesson
//! authors (`podsim lesson FILE --predictions`).

use super::answer::{instant, Value};
use super::{AnswerSpec, Prediction, Source};
use crate::lessons::Lesson;
use crate::session::analyze;
use crate::time::clock;

/// What the spec asks for, in a line: `when: the 1st restart of web (± 5s)`.
fn asked(p: &Prediction) -> String {
    match &p.answer {
        AnswerSpec::When { moment, tolerance } => {
            format!(
                "when: {} (± {})",
                moment.describe().en,
                instant(tolerance.0)
            )
        }
        AnswerSpec::HowMany {
            count,
            by,
            tolerance,
        } => format!("how many: {} (± {tolerance})", count.describe(by.0).en),
        AnswerSpec::Which { of, choices } => {
            format!("which: {} — {}", of.describe().en, choices.join(" | "))
        }
    }
}

fn source(p: &Prediction) -> &'static str {
    match p.manifest {
        Source::Start => "the starting manifest",
        Source::Solution => "the solution",
        Source::Literal(_) => "a variation",
    }
}

/// The report, and whether every prediction has an answer.
pub fn report(lesson: &Lesson) -> (String, bool) {
    let mut out = String::new();
    let mut all_ok = true;
    if lesson.predictions.is_empty() {
        out.push_str("no predictions\n");
    }
    for p in &lesson.predictions {
        out.push_str(&format!(
            "prediction {} — {}, about {}, run shown until {}\n",
            p.id,
            p.ask.as_str(),
            source(p),
            clock(p.show_until())
        ));
        out.push_str(&format!("  {}\n", asked(p)));
        out.push_str(&format!("  Q (en): {}\n", p.question.en.trim()));
        out.push_str(&format!("  Q (ko): {}\n", p.question.ko.trim()));
        let analysis = analyze(p.manifest_text(lesson), &lesson.scenario, lesson.until);
        let result = match analysis.timeline.as_ref() {
            Some(tl) => super::answer_from(p, tl).map(|a| (a, tl)),
            None => Err(super::answer::no_run(analysis.clone())),
        };
        match result {
            Ok((a, tl)) => {
                let right = match (&a.value, &p.answer) {
                    (Value::Instant(_), AnswerSpec::When { moment, .. }) => {
                        format!(" ({})", moment.describe().en)
                    }
                    _ => String::new(),
                };
                out.push_str(&format!("  ✓ answer: {}{right}\n", a.text().en));
                for b in &a.basis {
                    out.push_str(&format!("      rests on: {}\n", b.describe(tl).en));
                }
            }
            Err(e) => {
                all_ok = false;
                out.push_str(&format!("  ✗ no answer: {e}\n"));
            }
        }
    }
    (out, all_ok)
}
