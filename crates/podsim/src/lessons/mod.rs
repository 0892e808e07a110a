//! Lessons as data and the goal checker.
//!
//! - `format`: one lesson = one YAML file under `lessons/` (id, order, title and body in
//!   English and Korean, starting manifest, scenario, goals, hints, solution).
//! - `goals`: the goal predicates over the validation result and the simulated timeline.
//! - `predictions`: predictions the learner makes about a run, their true answers computed
//!   from the run, and grading.

pub mod format;
pub mod goals;
pub mod predictions;

pub use format::{Lesson, OffRunQuote, OffRunReason, Text};
pub use goals::{check, check_opened, Check, GoalReport};
pub use predictions::Prediction;
