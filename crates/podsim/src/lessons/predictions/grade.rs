//! Grading: a learner's guess against a prediction's true answer, with the tolerance the
//! lesson states. Pure: the same guess and answer always grade the same.

use super::answer::{instant, Answer, Value};
use super::{AnswerSpec, Prediction};
use crate::text::Text;
use crate::time::Millis;
use std::fmt;

/// What the learner answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    /// *when*: the instant marked on the timeline.
    Instant(Millis),
    /// *how many*: the number given.
    Count(u32),
    /// *which*: the index of the choice picked.
    Choice(usize),
}

/// How far the guess is from the truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distance {
    /// *when*: guess − truth in milliseconds (negative: too early).
    Time(i64),
    /// *how many*: guess − truth.
    Count(i64),
    /// *which*: the choice picked (right or not).
    Choice { chosen: usize },
}

/// A graded guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// Within the tolerance (*when*, *how many*), or the right choice (*which*).
    pub right: bool,
    pub distance: Distance,
    /// The true answer, for showing it.
    pub answer: Answer,
    /// The guess, as given.
    pub guess: Guess,
}

/// A guess that cannot be graded against this prediction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GradeError {
    /// A guess of another kind (a count for a *when* prediction, …).
    WrongKind {
        expected: &'static str,
        got: &'static str,
    },
    /// A choice index beyond the choices.
    NoSuchChoice { index: usize, choices: usize },
    /// The answer was not computed for this prediction (its kind differs).
    AnswerMismatch,
}

impl fmt::Display for GradeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GradeError::WrongKind { expected, got } => {
                write!(f, "a {got} guess for a {expected} prediction")
            }
            GradeError::NoSuchChoice { index, choices } => {
                write!(f, "choice {index} of {choices}")
            }
            GradeError::AnswerMismatch => write!(f, "the answer is of another prediction"),
        }
    }
}

impl std::error::Error for GradeError {}

impl Guess {
    fn kind(self) -> &'static str {
        match self {
            Guess::Instant(_) => "when",
            Guess::Count(_) => "howMany",
            Guess::Choice(_) => "which",
        }
    }
}

fn signed(a: u64, b: u64) -> i64 {
    let d = i64::try_from(a.abs_diff(b)).unwrap_or(i64::MAX);
    if a >= b {
        d
    } else {
        -d
    }
}

/// Grade `guess` against the true `answer` of prediction `p` (from [`super::answer`]).
pub fn grade(p: &Prediction, answer: &Answer, guess: Guess) -> Result<Grade, GradeError> {
    let (right, distance) = match (&p.answer, &answer.value, guess) {
        (AnswerSpec::When { tolerance, .. }, Value::Instant(truth), Guess::Instant(g)) => (
            g.abs_diff(*truth) <= tolerance.0,
            Distance::Time(signed(g, *truth)),
        ),
        (AnswerSpec::HowMany { tolerance, .. }, Value::Count(truth), Guess::Count(g)) => (
            g.abs_diff(*truth) <= *tolerance,
            Distance::Count(signed(u64::from(g), u64::from(*truth))),
        ),
        (AnswerSpec::Which { choices, .. }, Value::Choice { index, .. }, Guess::Choice(g)) => {
            if g >= choices.len() {
                return Err(GradeError::NoSuchChoice {
                    index: g,
                    choices: choices.len(),
                });
            }
            (g == *index, Distance::Choice { chosen: g })
        }
        (spec, value, guess) => {
            let value_kind = match value {
                Value::Instant(_) => "when",
                Value::Count(_) => "howMany",
                Value::Choice { .. } => "which",
            };
            return Err(if value_kind != spec.kind() {
                GradeError::AnswerMismatch
            } else {
                GradeError::WrongKind {
                    expected: spec.kind(),
                    got: guess.kind(),
                }
            });
        }
    };
    Ok(Grade {
        right,
        distance,
        answer: answer.clone(),
        guess,
    })
}

impl Grade {
    /// The verdict in a line: `Right: 1m15s (you marked 1m10s, 5s early).`
    pub fn note(&self, p: &Prediction) -> Text {
        let truth = self.answer.text();
        let (en_head, ko_head) = if self.right {
            ("Right", "정답")
        } else {
            ("Not this time", "오답")
        };
        match (self.distance, self.guess) {
            (Distance::Time(d), Guess::Instant(g)) => {
                let off = instant(d.unsigned_abs());
                let (en_off, ko_off) = match d {
                    0 => ("exactly".to_string(), "정확함".to_string()),
                    d if d < 0 => (format!("{off} early"), format!("{off} 이름")),
                    _ => (format!("{off} late"), format!("{off} 늦음")),
                };
                Text::new(
                    format!(
                        "{en_head}: {} (you marked {}, {en_off}).",
                        truth.en,
                        instant(g)
                    ),
                    format!(
                        "{ko_head}: {}(표시한 시점 {}, {ko_off}).",
                        truth.ko,
                        instant(g)
                    ),
                )
            }
            (Distance::Count(0), _) => Text::new(
                format!("{en_head}: {}.", truth.en),
                format!("{ko_head}: {}.", truth.ko),
            ),
            (Distance::Count(_), Guess::Count(g)) => Text::new(
                format!("{en_head}: {} (you said {g}).", truth.en),
                format!("{ko_head}: {}(답한 값 {g}).", truth.ko),
            ),
            (Distance::Choice { chosen }, _) => {
                let picked = match &p.answer {
                    AnswerSpec::Which { choices, .. } => {
                        choices.get(chosen).cloned().unwrap_or_default()
                    }
                    _ => String::new(),
                };
                if self.right {
                    Text::new(
                        format!("{en_head}: {}.", truth.en),
                        format!("{ko_head}: {}.", truth.ko),
                    )
                } else {
                    Text::new(
                        format!("{en_head}: {}, not {picked}.", truth.en),
                        format!("{ko_head}: 답은 {}임(고른 답 {picked}).", truth.ko),
                    )
                }
            }
            _ => Text::new(
                format!("{en_head}: {}.", truth.en),
                format!("{ko_head}: {}.", truth.ko),
            ),
        }
    }
}
