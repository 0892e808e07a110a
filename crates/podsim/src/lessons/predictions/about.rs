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

use super::super::goals::Dur;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::time::Millis;
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
        after: Option<Dur>,
    },
    /// The container exits (optionally with this reason and/or exit code): the instant it
    /// finished.
    Terminated {
        container: String,
        #[serde(default)]
        reason: Option<String>,
        #[serde(default)]
        exit_code: Option<i32>,
        #[serde(default)]
        after: Option<Dur>,
    },
    /// An event with this reason (and this text in its message) is first recorded.
    Event {
        reason: String,
        #[serde(default)]
        contains: Option<String>,
        #[serde(default)]
        after: Option<Dur>,
    },
    /// The condition takes this status: the start of a stretch of time in which it has it
    /// (it had another status before, or none yet).
    Condition {
        condition: ConditionType,
        status: ConditionStatus,
        #[serde(default)]
        after: Option<Dur>,
    },
    /// The phase becomes this one.
    Phase {
        phase: Phase,
        #[serde(default)]
        after: Option<Dur>,
    },
    /// The container's probe of this kind returns this result for the `nth` time (default 1st).
    Probe {
        container: String,
        probe: ProbeKind,
        result: ProbeResult,
        #[serde(default = "first")]
        nth: u32,
        #[serde(default)]
        after: Option<Dur>,
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
        reason: String,
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
    Phase { at: Dur },
    /// The STATUS column of `kubectl get pods`.
    Status { at: Dur },
    /// A condition's status.
    Condition { condition: ConditionType, at: Dur },
    /// A container's state with its reason, as `describe` shows it: `Running`,
    /// `Waiting (CrashLoopBackOff)`, `Terminated (Completed)`.
    ContainerState { container: String, at: Dur },
}

/// A Pod phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Phase {
    Pending,
    Running,
    Succeeded,
    Failed,
    /// Named for completeness (a distractor): current Kubernetes never sets it.
    Unknown,
}

/// A Pod condition type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ConditionType {
    PodScheduled,
    PodReadyToStartContainers,
    Initialized,
    ContainersReady,
    Ready,
    DisruptionTarget,
}

/// A condition's status. Lessons should quote it (`"True"`), but an unquoted YAML boolean
/// is read as the status it spells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionStatus {
    True,
    False,
    Unknown,
}

fn first() -> u32 {
    1
}

impl Phase {
    pub const ALL: [Phase; 5] = [
        Phase::Pending,
        Phase::Running,
        Phase::Succeeded,
        Phase::Failed,
        Phase::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Running => "Running",
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
            Phase::Unknown => "Unknown",
        }
    }
}

impl ConditionType {
    pub fn as_str(self) -> &'static str {
        match self {
            ConditionType::PodScheduled => "PodScheduled",
            ConditionType::PodReadyToStartContainers => "PodReadyToStartContainers",
            ConditionType::Initialized => "Initialized",
            ConditionType::ContainersReady => "ContainersReady",
            ConditionType::Ready => "Ready",
            ConditionType::DisruptionTarget => "DisruptionTarget",
        }
    }
}

impl ConditionStatus {
    pub const ALL: [ConditionStatus; 3] = [
        ConditionStatus::True,
        ConditionStatus::False,
        ConditionStatus::Unknown,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConditionStatus::True => "True",
            ConditionStatus::False => "False",
            ConditionStatus::Unknown => "Unknown",
        }
    }
}

impl<'de> Deserialize<'de> for ConditionStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Bool(true) => Ok(ConditionStatus::True),
            serde_json::Value::Bool(false) => Ok(ConditionStatus::False),
            serde_json::Value::String(s) => ConditionStatus::ALL
                .into_iter()
                .find(|c| c.as_str() == s)
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "condition status {s:?}: write \"True\", \"False\" or \"Unknown\""
                    ))
                }),
            other => Err(serde::de::Error::custom(format!(
                "condition status {other}: write \"True\", \"False\" or \"Unknown\""
            ))),
        }
    }
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
        | Moment::Probe { after, .. } => after.map(|d| d.0),
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
            Moment::Event { reason, .. } if reason.trim().is_empty() => {
                out.push("the event's reason is empty".into())
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
        let mut out: Vec<String> = self
            .container()
            .and_then(container_problems)
            .into_iter()
            .collect();
        if let Count::Events { reason, .. } = self {
            if reason.trim().is_empty() {
                out.push("the event's reason is empty".into());
            }
        }
        out
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
            | Question::ContainerState { at, .. } => at.0,
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
                Question::Phase { .. } => Phase::ALL.iter().any(|p| p.as_str() == c),
                Question::Condition { .. } => ConditionStatus::ALL.iter().any(|s| s.as_str() == c),
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
