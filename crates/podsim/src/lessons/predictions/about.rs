//! What a prediction can be about, as lessons write it and as the learner reads it:
//!
//! - a [`Moment`] (for *when*): the first instant something happens — a container's Nth
//!   restart, its start or exit, an event, a condition or the phase taking a value, a probe's
//!   Nth result of a kind;
//! - a [`Count`] (for *how many*): restarts, events, probe results up to an instant;
//! - a [`Question`] (for *which*): the phase, the STATUS column, a condition or a container's
//!   state at an instant.
//!
//! Each is written with its `kind` beside its fields (`{kind: restart, container: web}`),
//! typed once read and checked as written (`problems`); `words` says each in both languages.

use crate::kubelet::events::EventReason;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{ConditionStatus, ConditionType, PodPhase, TerminatedReason};
use crate::time::{Duration, Millis};
use serde::{Deserialize, Deserializer};

/// The first instant something happens in the run (at or after `after`, when given).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Moment {
    /// The container's `nth` restart (default 1st): the instant its restart count reaches
    /// `nth`, when its `nth` re-run begins.
    Restart {
        container: String,
        #[serde(default = "first")]
        nth: u32,
    },
    /// The container is started (its first start, or its first after `after`).
    Started {
        container: String,
        #[serde(default)]
        after: Option<Duration>,
    },
    /// The container exits (optionally with this reason and/or exit code): the instant it
    /// finished.
    Terminated {
        container: String,
        #[serde(default)]
        reason: Option<TerminatedReason>,
        #[serde(default)]
        exit_code: Option<i32>,
        #[serde(default)]
        after: Option<Duration>,
    },
    /// An event with this reason (and this text in its message) is first recorded.
    Event {
        reason: EventReason,
        #[serde(default)]
        contains: Option<String>,
        #[serde(default)]
        after: Option<Duration>,
    },
    /// The condition takes this status: the start of a stretch of time in which it has it
    /// (it had another status before, or none yet).
    Condition {
        condition: ConditionType,
        #[serde(deserialize_with = "read_condition_status")]
        status: ConditionStatus,
        #[serde(default)]
        after: Option<Duration>,
    },
    /// The phase becomes this one.
    Phase {
        phase: PodPhase,
        #[serde(default)]
        after: Option<Duration>,
    },
    /// The container's probe of this kind returns this result for the `nth` time (default 1st).
    Probe {
        container: String,
        probe: ProbeKind,
        result: ProbeResult,
        #[serde(default = "first")]
        nth: u32,
        #[serde(default)]
        after: Option<Duration>,
    },
}

/// What a *how many* prediction counts, up to its `by` instant.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Count {
    /// The container's restart count (the RESTARTS the learner reads for it).
    Restarts { container: String },
    /// Occurrences of an event with this reason (and this text in its message), each one
    /// counted, as `(x3 over 40s)` counts them.
    Events {
        reason: EventReason,
        #[serde(default)]
        contains: Option<String>,
    },
    /// Runs of the container's probe of this kind that returned this result.
    ProbeResults {
        container: String,
        probe: ProbeKind,
        result: ProbeResult,
    },
}

/// What a *which* prediction asks about one instant.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Question {
    /// The Pod's phase (`status.phase`).
    Phase { at: Duration },
    /// The STATUS column of `kubectl get pods`.
    Status { at: Duration },
    /// A condition's status.
    Condition {
        condition: ConditionType,
        at: Duration,
    },
    /// A container's state with its reason, as `describe` shows it: `Running`,
    /// `Waiting (CrashLoopBackOff)`, `Terminated (Completed)`.
    ContainerState { container: String, at: Duration },
}

fn first() -> u32 {
    1
}

/// A condition's status as lessons write it. They should quote it (`"True"`), but an
/// unquoted YAML boolean is read as the status it spells.
fn read_condition_status<'de, D: Deserializer<'de>>(d: D) -> Result<ConditionStatus, D::Error> {
    let written = serde_json::Value::deserialize(d)?;
    let status = match &written {
        serde_json::Value::Bool(true) => Some(ConditionStatus::True),
        serde_json::Value::Bool(false) => Some(ConditionStatus::False),
        serde_json::Value::String(s) => ConditionStatus::parse(s),
        _ => None,
    };
    status.ok_or_else(|| {
        let shown = match &written {
            serde_json::Value::String(s) => format!("{s:?}"),
            other => other.to_string(),
        };
        serde::de::Error::custom(format!(
            "condition status {shown}: write \"True\", \"False\" or \"Unknown\""
        ))
    })
}

/// The choices of a *which* prediction: texts, each as the learner will read it. An
/// unquoted YAML boolean or number is taken as the word or number it spells.
pub(super) fn de_choices<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let items = Vec::<serde_json::Value>::deserialize(d)?;
    items
        .into_iter()
        .map(|v| match v {
            serde_json::Value::String(s) => Ok(s),
            serde_json::Value::Bool(true) => Ok("True".into()),
            serde_json::Value::Bool(false) => Ok("False".into()),
            serde_json::Value::Number(n) => Ok(n.to_string()),
            other => Err(serde::de::Error::custom(format!(
                "a choice must be a text, not {other}"
            ))),
        })
        .collect()
}

fn container_problems(container: &str) -> Option<String> {
    container
        .trim()
        .is_empty()
        .then(|| "the container's name is empty".to_string())
}

/// The `after` of a moment, if it has one.
fn moment_after(m: &Moment) -> Option<Millis> {
    match m {
        Moment::Restart { .. } => None,
        Moment::Started { after, .. }
        | Moment::Terminated { after, .. }
        | Moment::Event { after, .. }
        | Moment::Condition { after, .. }
        | Moment::Phase { after, .. }
        | Moment::Probe { after, .. } => after.map(Duration::millis),
    }
}

impl Moment {
    /// Read a moment as lessons write it, its `kind` beside its fields.
    pub fn from_tagged<'de, D: Deserializer<'de>>(d: D) -> Result<Moment, D::Error> {
        let fields = serde_json::Map::deserialize(d)?;
        crate::yaml::tagged::from_tagged(fields, "kind").map_err(serde::de::Error::custom)
    }

    /// The container the moment is about, if it is about one.
    pub fn container(&self) -> Option<&str> {
        match self {
            Moment::Restart { container, .. }
            | Moment::Started { container, .. }
            | Moment::Terminated { container, .. }
            | Moment::Probe { container, .. } => Some(container),
            Moment::Event { .. } | Moment::Condition { .. } | Moment::Phase { .. } => None,
        }
    }

    /// Where the search for the moment starts (0 unless `after` is given).
    pub fn after(&self) -> Millis {
        moment_after(self).unwrap_or(0)
    }

    pub(super) fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .container()
            .and_then(container_problems)
            .into_iter()
            .collect();
        match self {
            Moment::Restart { nth, .. } | Moment::Probe { nth, .. } if *nth == 0 => {
                out.push("`nth` counts from 1".into())
            }
            _ => {}
        }
        out
    }
}

impl Count {
    /// Read a count as lessons write it, its `kind` beside its fields.
    pub fn from_tagged<'de, D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        let fields = serde_json::Map::deserialize(d)?;
        crate::yaml::tagged::from_tagged(fields, "kind").map_err(serde::de::Error::custom)
    }

    /// The container the count is about, if it is about one.
    pub fn container(&self) -> Option<&str> {
        match self {
            Count::Restarts { container } | Count::ProbeResults { container, .. } => {
                Some(container)
            }
            Count::Events { .. } => None,
        }
    }

    pub(super) fn problems(&self) -> Vec<String> {
        self.container()
            .and_then(container_problems)
            .into_iter()
            .collect()
    }
}

/// `Running`, `Waiting`, `Terminated`, optionally followed by ` (Reason)`.
fn is_container_state(choice: &str) -> bool {
    let (state, reason) = match choice.split_once(" (") {
        Some((s, r)) => (s, r.strip_suffix(')')),
        None => (choice, Some("x")),
    };
    matches!(state, "Running" | "Waiting" | "Terminated")
        && reason.is_some_and(|r| !r.is_empty() && !r.contains(['(', ')']))
}

impl Question {
    /// Read a question as lessons write it, its `kind` beside its fields.
    pub fn from_tagged<'de, D: Deserializer<'de>>(d: D) -> Result<Question, D::Error> {
        let fields = serde_json::Map::deserialize(d)?;
        crate::yaml::tagged::from_tagged(fields, "kind").map_err(serde::de::Error::custom)
    }

    /// The instant the question is about.
    pub fn at(&self) -> Millis {
        match self {
            Question::Phase { at }
            | Question::Status { at }
            | Question::Condition { at, .. }
            | Question::ContainerState { at, .. } => at.millis(),
        }
    }

    /// The container the question is about, if it is about one.
    pub fn container(&self) -> Option<&str> {
        match self {
            Question::ContainerState { container, .. } => Some(container),
            _ => None,
        }
    }

    pub(super) fn problems(&self, choices: &[String]) -> Vec<String> {
        let mut out: Vec<String> = self
            .container()
            .and_then(container_problems)
            .into_iter()
            .collect();
        if !(2..=6).contains(&choices.len()) {
            out.push(format!(
                "a `which` answer needs 2 to 6 choices, not {}",
                choices.len()
            ));
        }
        for (i, c) in choices.iter().enumerate() {
            if c.trim().is_empty() {
                out.push("a choice is empty".into());
            } else if choices[..i].contains(c) {
                out.push(format!("the choice {c:?} is listed twice"));
            }
            let valid = match self {
                Question::Phase { .. } => PodPhase::parse(c).is_some(),
                Question::Condition { .. } => ConditionStatus::parse(c).is_some(),
                Question::ContainerState { .. } => is_container_state(c),
                Question::Status { .. } => !c.contains(char::is_whitespace),
            };
            if !valid {
                out.push(match self {
                    Question::Phase { .. } => format!("the choice {c:?} is no phase (Pending, Running, Succeeded, Failed, Unknown)"),
                    Question::Condition { .. } => format!("the choice {c:?} is no condition status (True, False, Unknown)"),
                    Question::ContainerState { .. } => format!("the choice {c:?} is no container state: write Running, Waiting (Reason) or Terminated (Reason)"),
                    Question::Status { .. } => format!("the choice {c:?} is no STATUS value (one word, as `kubectl get pods` prints it)"),
                });
            }
        }
        out
    }
}
