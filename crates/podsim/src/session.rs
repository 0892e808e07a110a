//! One call for front ends: text in, everything the learner sees out — the engine's
//! diagnostics, the defaulted object, the simulated timeline and the lesson's goal reports.

use crate::api::{self, Loaded};
use crate::lessons::{check, GoalReport, Lesson};
use crate::sim::{self, Scenario, Timeline};
use crate::time::Millis;

#[derive(Debug, Clone)]
pub struct Analysis {
    pub loaded: Loaded,
    pub timeline: Option<Timeline>,
    /// Why the simulation did not run although the manifest is valid (e.g. too big).
    pub sim_error: Option<String>,
}

impl Analysis {
    pub fn is_valid(&self) -> bool {
        self.loaded.defaulted.is_some()
    }
}

/// Parse, validate and — when valid — simulate until `until`.
pub fn analyze(text: &str, scenario: &Scenario, until: Millis) -> Analysis {
    let loaded = api::load(text);
    let (timeline, sim_error) = match loaded.defaulted.as_ref() {
        Some(m) => match sim::simulate(m, scenario, until) {
            Ok(mut tl) => {
                // Explanations point back at the text (`crate::why`).
                tl.source = loaded.fields.clone();
                (Some(tl), None)
            }
            Err(e) => (None, Some(e.to_string())),
        },
        None => (None, None),
    };
    Analysis {
        loaded,
        timeline,
        sim_error,
    }
}

/// The lesson's goals against an analysis, `opened` being the changes whose "why?" the
/// learner opened in this run (for `explained` goals; `crate::why::ChangeRef`).
pub fn goals_opened(
    lesson: &Lesson,
    analysis: &Analysis,
    opened: &[crate::why::ChangeRef],
) -> Vec<GoalReport> {
    lesson
        .goals
        .iter()
        .map(|g| {
            crate::lessons::check_opened(
                &g.check,
                &analysis.loaded,
                analysis.timeline.as_ref(),
                opened,
            )
        })
        .collect()
}

/// The lesson's goals against an analysis.
pub fn goals(lesson: &Lesson, analysis: &Analysis) -> Vec<GoalReport> {
    lesson
        .goals
        .iter()
        .map(|g| check(&g.check, &analysis.loaded, analysis.timeline.as_ref()))
        .collect()
}

/// Analyse `text` as the lesson sets it up (its scenario plus any extra events) and check
/// its goals.
pub fn evaluate(
    lesson: &Lesson,
    text: &str,
    extra: &[sim::scenario::ScenarioEvent],
) -> (Analysis, Vec<GoalReport>) {
    let mut scenario = lesson.scenario.clone();
    scenario.events.extend(extra.iter().cloned());
    let analysis = analyze(text, &scenario, lesson.until);
    let reports = goals(lesson, &analysis);
    (analysis, reports)
}
