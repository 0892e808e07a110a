//! One call for front ends: text in, everything the learner sees out — the engine's
//! diagnostics, the defaulted object, the simulated timeline and the lesson's goal reports —
//! on the cluster the scenario describes (version, feature gates, kubelet settings).

use crate::api::{self, Loaded};
use crate::cluster::{Cluster, ClusterSpec};
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

/// Parse, validate and — when valid — simulate until `until`, on the scenario's cluster. A
/// cluster that does not start (a refused feature gate or kubelet setting) is `sim_error`,
/// in the kubelet's words; the manifest is then validated by that version with its defaults.
pub fn analyze(text: &str, scenario: &Scenario, until: Millis) -> Analysis {
    let cluster = match scenario.cluster.resolve() {
        Ok(c) => c,
        Err(e) => {
            return Analysis {
                loaded: api::load_on(text, &Cluster::of(scenario.cluster.version())),
                timeline: None,
                sim_error: Some(sim::SimError::Cluster(e).to_string()),
            }
        }
    };
    let loaded = api::load_on(text, &cluster);
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

/// One text on two clusters, for the compare view: each side's analysis and the first
/// instant at which their runs differ.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub left: Analysis,
    pub right: Analysis,
    /// When both sides simulated: `None` when every instant looks the same on both.
    pub first: Option<sim::Difference>,
}

impl Comparison {
    /// Whether the two apiservers answer the text differently (one refuses what the other
    /// accepts, or in other words, or with other warnings).
    pub fn validation_differs(&self) -> bool {
        self.left.loaded.diagnostics != self.right.loaded.diagnostics
    }
}

/// Analyse `text` under `scenario` on the `left` and on the `right` cluster (the scenario's
/// own cluster is replaced by each) until `until`, and find the first difference.
pub fn compare(
    text: &str,
    scenario: &Scenario,
    left: &ClusterSpec,
    right: &ClusterSpec,
    until: Millis,
) -> Comparison {
    let on = |cluster: &ClusterSpec| {
        let mut s = scenario.clone();
        s.cluster = cluster.clone();
        analyze(text, &s, until)
    };
    let (left, right) = (on(left), on(right));
    let first = match (&left.timeline, &right.timeline) {
        (Some(a), Some(b)) => sim::first_difference(a, b),
        _ => None,
    };
    Comparison { left, right, first }
}

/// The lesson's goals against an analysis.
pub fn goals(lesson: &Lesson, analysis: &Analysis) -> Vec<GoalReport> {
    lesson
        .goals
        .iter()
        .map(|g| check(&g.check, &analysis.loaded, analysis.timeline.as_ref()))
        .collect()
}

/// Analyse `text` as the lesson sets it up (its scenario, on its cluster, plus any extra
/// events) and check its goals.
pub fn evaluate(
    lesson: &Lesson,
    text: &str,
    extra: &[sim::scenario::ScenarioEvent],
) -> (Analysis, Vec<GoalReport>) {
    evaluate_on(lesson, text, extra, &lesson.scenario.cluster)
}

/// `evaluate` on the cluster the learner chose — except the version a lesson pins, which
/// wins over the choice (the lesson's texts are written for it).
pub fn evaluate_on(
    lesson: &Lesson,
    text: &str,
    extra: &[sim::scenario::ScenarioEvent],
    chosen: &ClusterSpec,
) -> (Analysis, Vec<GoalReport>) {
    let mut scenario = lesson.scenario.clone();
    scenario.cluster = lesson.cluster_on(chosen);
    scenario.events.extend(extra.iter().cloned());
    let analysis = analyze(text, &scenario, lesson.until);
    let reports = goals(lesson, &analysis);
    (analysis, reports)
}
