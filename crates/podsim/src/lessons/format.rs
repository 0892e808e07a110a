//! The lesson format. Every lesson is one YAML file; every learner-facing text carries both
//! languages side by side (`{en: …, ko: …}`), so a lesson is complete or visibly not.

use super::goals::Check;
use crate::sim::Scenario;
use crate::time::{Duration, Millis, MINUTE};
use serde::{Deserialize, Deserializer};

pub use crate::text::Text;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Goal {
    pub text: Text,
    #[serde(deserialize_with = "Check::from_tagged")]
    pub check: Check,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Lesson {
    /// Stable id, used in URLs (`#/lesson/first-pod`) and saved progress.
    pub id: String,
    pub order: u32,
    /// The source chapter's section this lesson follows (`5.2`), if any.
    #[serde(default)]
    pub section: Option<String>,
    pub title: Text,
    /// One line for the lesson list.
    pub summary: Text,
    /// Markdown (no raw HTML). Every lesson file has one (tests/lessons.rs); the app's
    /// embedded copy goes without (its prose is fetched, rendered at build time).
    #[serde(default)]
    pub body: Text,
    /// The manifest the editor starts with.
    pub manifest: String,
    #[serde(default)]
    pub scenario: Scenario,
    /// The Kubernetes version the lesson's texts are written for, when they quote what only
    /// that version shows: the lesson runs on it whatever version the learner picked.
    #[serde(default)]
    pub kubernetes: Option<crate::cluster::KubeVersion>,
    /// How much virtual time the lesson simulates (default 10m).
    #[serde(default = "default_until", deserialize_with = "de_duration")]
    pub until: Millis,
    /// A read-only lesson only asks the learner to look: its start already meets its goals.
    #[serde(default)]
    pub read_only: bool,
    pub goals: Vec<Goal>,
    /// Revealed one at a time.
    #[serde(default)]
    pub hints: Vec<Text>,
    /// A manifest that meets every goal.
    pub solution: String,
    /// Quotes in backticks (event reasons and messages, STATUS values, condition reasons,
    /// validation messages…) that the run of this lesson's start and solution does not
    /// produce, on purpose. Every other such quote must come from that run (tests/lesson_quotes.rs).
    #[serde(default)]
    pub not_from_the_run: Vec<OffRunQuote>,
    /// Predictions the learner makes before the task or after the goals, each answered by
    /// the engine from a run (`super::predictions`).
    #[serde(default, deserialize_with = "super::predictions::de_list")]
    pub predictions: Vec<super::predictions::Prediction>,
}

/// A quote the lesson makes that its own run does not show, and why.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OffRunQuote {
    /// The text between the backticks, exactly as the lesson writes it.
    pub quote: String,
    pub because: OffRunReason,
}

/// Why a quote is not from the lesson's run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OffRunReason {
    /// One of the values a field or column can take, named for completeness
    /// (`Unknown` among a condition's statuses).
    PossibleValue,
    /// What another manifest or scenario shows: a step between the start and the solution,
    /// another cluster, another handler.
    OtherRun,
    /// The source chapter's words, or an older release's behaviour the lesson contrasts.
    SourceChapter,
}

fn default_until() -> Millis {
    10 * MINUTE
}

fn de_duration<'de, D: Deserializer<'de>>(d: D) -> Result<Millis, D::Error> {
    Duration::deserialize(d).map(Duration::millis)
}

impl Lesson {
    pub fn from_yaml(text: &str) -> Result<Lesson, String> {
        let lesson: Lesson = crate::yaml::from_yaml_str(text)?;
        if lesson.kubernetes.is_some() && lesson.scenario.cluster.kubernetes.is_some() {
            return Err(
                "a lesson pins its version once: `kubernetes:` or `scenario.cluster.kubernetes`, not both"
                    .into(),
            );
        }
        Ok(lesson)
    }

    /// The cluster the lesson runs on when the learner chose `chosen`: the choice, with the
    /// lesson's pinned version if it pins one; a choice of nothing at all is the lesson's own
    /// scenario cluster.
    pub fn cluster_on(&self, chosen: &crate::cluster::ClusterSpec) -> crate::cluster::ClusterSpec {
        let mut c = if chosen.is_default() {
            self.scenario.cluster.clone()
        } else {
            chosen.clone()
        };
        if let Some(v) = self.kubernetes.or(self.scenario.cluster.kubernetes) {
            c.kubernetes = Some(v);
        }
        c
    }
}
