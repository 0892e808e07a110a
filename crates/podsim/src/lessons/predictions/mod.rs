//! Predictions: the learner says what the run will do before seeing it, then sees it.
//!
//! A lesson may list `predictions:`. Each one is about one manifest (the lesson's start, its
//! solution, or a variation written out in full) run in the lesson's scenario; it asks a
//! question whose true answer the engine computes from that run, so no answer is ever
//! written by hand:
//!
//! - *when* — the learner marks an instant on the timeline ("when is the container first
//!   restarted?"); right within a stated tolerance;
//! - *how many* — a count by an instant ("how many restarts by 2m?"); right within a stated
//!   tolerance;
//! - *which* — one of a few choices about an instant ("the phase at 30s?").
//!
//! While a prediction is open the app shows the run only up to `showUntil`; once answered it
//! shows the rest, the grade and the explanation. Modules:
//!
//! - this file: the prediction as a lesson writes it, parsed and checked with the lesson;
//! - `about`: what a prediction can be about (moments, counts, questions), typed and checked;
//! - `words`: what a prediction asks, in words (both languages);
//! - `answer`: the true answer, computed from the run, with the records it rests on;
//! - `grade`: a learner's guess against the true answer;
//! - `report`: the predictions of a lesson with their answers, as text (the CLI's).
//!
//! Typical use by a front end: [`Prediction::manifest_text`] gives the manifest to simulate
//! (with the lesson's scenario and `until`); [`answer_from`] reads the true answer off that
//! run (or [`answer`] does both); [`grade`] compares the learner's [`Guess`] with it.

pub mod about;
pub mod answer;
pub mod grade;
pub mod report;
pub mod words;

pub use about::{ConditionStatus, ConditionType, Count, Moment, Phase, Question};
pub use answer::{answer, answer_from, Answer, Basis, PredictionError, Record, Value};
pub use grade::{grade, Distance, Grade, GradeError, Guess};

use super::goals::Dur;
use super::Lesson;
use crate::text::Text;
use crate::time::Millis;
use serde::{Deserialize, Deserializer};

/// One prediction of a lesson.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Prediction {
    /// Stable within the lesson (lower-case letters, digits, dashes): the key of saved
    /// progress, so never renamed once published.
    pub id: String,
    /// When the app asks it.
    pub ask: Ask,
    /// Which manifest the prediction is about (default: the lesson's starting manifest).
    #[serde(default)]
    pub manifest: Source,
    pub question: Text,
    /// While the prediction is open, the run is shown only up to this instant.
    pub show_until: Dur,
    /// What kind of answer is asked for; the true answer is computed from the run.
    #[serde(deserialize_with = "AnswerSpec::from_tagged")]
    pub answer: AnswerSpec,
    /// Shown once the learner answered: how to reason the answer out.
    pub explain: Text,
}

/// When a prediction is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Ask {
    /// When the lesson opens, before the learner changes anything.
    BeforeTask,
    /// Once every goal is met, usually about a variation, to take the lesson further.
    AfterGoals,
}

impl Ask {
    pub fn as_str(self) -> &'static str {
        match self {
            Ask::BeforeTask => "beforeTask",
            Ask::AfterGoals => "afterGoals",
        }
    }
}

/// The manifest a prediction is about. Whatever it is, it runs in the lesson's scenario
/// until the lesson's `until`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Source {
    /// The lesson's starting manifest (`manifest: start`, the default).
    #[default]
    Start,
    /// The lesson's solution (`manifest: solution`).
    Solution,
    /// A manifest written out in full as a block scalar (`manifest: |`): a variation.
    Literal(String),
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.trim() {
            "start" => Ok(Source::Start),
            "solution" => Ok(Source::Solution),
            _ if s.contains('\n') => Ok(Source::Literal(s)),
            other => Err(serde::de::Error::custom(format!(
                "manifest {other:?}: write `start`, `solution`, or a whole manifest as a block scalar (`manifest: |`)"
            ))),
        }
    }
}

/// The kind of answer a prediction asks for, as the lesson writes it
/// (`{kind: when, moment: {…}, tolerance: 5s}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum AnswerSpec {
    /// The learner marks the instant of `moment`; right within ± `tolerance`.
    When {
        #[serde(deserialize_with = "Moment::from_tagged")]
        moment: Moment,
        tolerance: Dur,
    },
    /// The learner says how many of `count` happened by the instant `by`; right within
    /// ± `tolerance`.
    HowMany {
        #[serde(deserialize_with = "Count::from_tagged")]
        count: Count,
        by: Dur,
        #[serde(default)]
        tolerance: u32,
    },
    /// The learner picks one of `choices` as the answer to `of`; exactly one is right.
    Which {
        #[serde(deserialize_with = "Question::from_tagged")]
        of: Question,
        #[serde(deserialize_with = "about::de_choices")]
        choices: Vec<String>,
    },
}

impl AnswerSpec {
    /// Read an answer as lessons write it, its `kind` beside its fields.
    pub fn from_tagged<'de, D: Deserializer<'de>>(d: D) -> Result<AnswerSpec, D::Error> {
        let fields = serde_json::Map::deserialize(d)?;
        crate::yaml::tagged::from_tagged(fields, "kind").map_err(serde::de::Error::custom)
    }

    /// `when`, `howMany` or `which`.
    pub fn kind(&self) -> &'static str {
        match self {
            AnswerSpec::When { .. } => "when",
            AnswerSpec::HowMany { .. } => "howMany",
            AnswerSpec::Which { .. } => "which",
        }
    }

    /// The container the answer is about, if it is about one.
    pub fn container(&self) -> Option<&str> {
        match self {
            AnswerSpec::When { moment, .. } => moment.container(),
            AnswerSpec::HowMany { count, .. } => count.container(),
            AnswerSpec::Which { of, .. } => of.container(),
        }
    }
}

impl Prediction {
    /// The text of the manifest this prediction is about.
    pub fn manifest_text<'l>(&'l self, lesson: &'l Lesson) -> &'l str {
        match &self.manifest {
            Source::Start => &lesson.manifest,
            Source::Solution => &lesson.solution,
            Source::Literal(text) => text,
        }
    }

    /// The instant the run is shown up to while the prediction is open.
    pub fn show_until(&self) -> Millis {
        self.show_until.0
    }

    /// What is wrong with the prediction as written, without running anything: its id,
    /// its choices, its numbers. (What needs the run — whether the moment happens, whether
    /// the right answer is among the choices — is [`answer`]'s to say.)
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.id.is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            out.push(format!(
                "id {:?} must be lower-case letters, digits and dashes",
                self.id
            ));
        }
        for (what, t) in [("question", &self.question), ("explain", &self.explain)] {
            if !t.is_complete() {
                out.push(format!("{what} needs both en and ko"));
            }
        }
        match &self.answer {
            AnswerSpec::When { moment, tolerance } => {
                out.extend(moment.problems());
                if tolerance.0 == 0 {
                    out.push("a `when` answer needs a tolerance above 0s: nobody marks an instant to the millisecond".into());
                }
            }
            AnswerSpec::HowMany { count, by, .. } => {
                out.extend(count.problems());
                if by.0 <= self.show_until.0 {
                    out.push(format!(
                        "`by` ({}) must come after `showUntil` ({}): the count would be shown before it is asked",
                        crate::time::clock(by.0),
                        crate::time::clock(self.show_until.0)
                    ));
                }
            }
            AnswerSpec::Which { of, choices } => {
                out.extend(of.problems(choices));
                if of.at() <= self.show_until.0 {
                    out.push(format!(
                        "the question's instant ({}) must come after `showUntil` ({}): the answer would be shown before it is asked",
                        crate::time::clock(of.at()),
                        crate::time::clock(self.show_until.0)
                    ));
                }
            }
        }
        out
    }
}

/// Read a lesson's `predictions:` and check each one as written (see
/// [`Prediction::problems`]) and that ids are unique, so a lesson with a broken prediction
/// does not load.
pub fn de_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Prediction>, D::Error> {
    let items = Vec::<serde_json::Value>::deserialize(d)?;
    let mut list = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let name = match item.get("id").and_then(|id| id.as_str()) {
            Some(id) => format!("prediction {id:?}"),
            None => format!("prediction {}", i + 1),
        };
        let p: Prediction = serde_json::from_value(item)
            .map_err(|e| serde::de::Error::custom(format!("{name}: {e}")))?;
        list.push(p);
    }
    let mut seen = std::collections::BTreeSet::new();
    for p in &list {
        if let Some(problem) = p.problems().into_iter().next() {
            return Err(serde::de::Error::custom(format!(
                "prediction {:?}: {problem}",
                p.id
            )));
        }
        if !seen.insert(p.id.as_str()) {
            return Err(serde::de::Error::custom(format!(
                "prediction {:?}: two predictions have this id",
                p.id
            )));
        }
    }
    Ok(list)
}

#[cfg(test)]
mod tests;
