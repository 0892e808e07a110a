//! The true answer of a prediction, computed from the run of its manifest, with the records
//! of the timeline it rests on (so a front end can mark them and link them to the "why?"
//! of that instant). Nothing here is written by hand in a lesson: change the manifest and
//! the answer follows.

use super::about::{ConditionStatus, Count, Moment, Question};
use super::{AnswerSpec, Prediction};
use crate::lessons::Lesson;
use crate::model::{ContainerState, ContainerStateTerminated, PodStatus};
use crate::session::{analyze, Analysis};
use crate::sim::Timeline;
use crate::text::Text;
use crate::time::{clock, Millis};
use crate::views::get::pod_row;
use std::fmt;

/// A prediction's true answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub value: Value,
    /// The instant the answer is about: the moment itself (*when*), `by` (*how many*), the
    /// question's instant (*which*).
    pub at: Millis,
    /// The records of the timeline the answer rests on, oldest first: the record of the
    /// moment (*when*); every counted occurrence (*how many*); the status snapshot in force
    /// at the instant, with the instant it began (*which*).
    pub basis: Vec<Basis>,
}

/// The value of a true answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// *when*: the instant of the moment.
    Instant(Millis),
    /// *how many*: the count by the instant.
    Count(u32),
    /// *which*: the right choice (its index among the lesson's choices, and its text).
    Choice { index: usize, text: String },
}

/// One record of the timeline an answer rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Basis {
    /// When it happened (for a container's start or exit, the container's own
    /// `startedAt`/`finishedAt`, which the status snapshot reports).
    pub t_ms: Millis,
    pub record: Record,
}

/// Where a record is in the [`Timeline`]: an index into one of its lists. The run is
/// deterministic, so the index holds for every simulation of the same manifest, scenario
/// and `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// `timeline.snapshots[i]`: a status change.
    Snapshot(usize),
    /// `timeline.events[i]`: one occurrence of an event.
    Event(usize),
    /// `timeline.probes[i]`: one probe run.
    Probe(usize),
}

/// Why a prediction has no answer: a mistake in the lesson, reported to its author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PredictionError {
    /// The prediction's manifest does not pass validation.
    InvalidManifest { messages: Vec<String> },
    /// The manifest is valid but was not simulated (too big, …).
    NotSimulated { reason: String },
    /// The prediction names a container the manifest does not have.
    UnknownContainer {
        container: String,
        known: Vec<String>,
    },
    /// The moment does not happen within the run.
    NeverHappens { what: String, until: Millis },
    /// The instant asked about is beyond the end of the run.
    PastTheRun { at: Millis, until: Millis },
    /// What the question asks about does not exist at its instant.
    Absent { what: String },
    /// The computed answer is not among the choices.
    NotAChoice {
        answer: String,
        choices: Vec<String>,
    },
    /// The answer falls inside the part of the run shown while the prediction is open.
    ShownBeforeAsked { at: Millis, show_until: Millis },
}

impl fmt::Display for PredictionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PredictionError::InvalidManifest { messages } => {
                write!(f, "the manifest is invalid: {}", messages.join("; "))
            }
            PredictionError::NotSimulated { reason } => {
                write!(f, "the manifest was not simulated: {reason}")
            }
            PredictionError::UnknownContainer { container, known } => write!(
                f,
                "the manifest has no container {container:?} (it has {})",
                known.join(", ")
            ),
            PredictionError::NeverHappens { what, until } => {
                write!(f, "{what} does not happen by the end of the run ({})", clock(*until))
            }
            PredictionError::PastTheRun { at, until } => write!(
                f,
                "{} is after the end of the run ({}): raise the lesson's `until`",
                clock(*at),
                clock(*until)
            ),
            PredictionError::Absent { what } => write!(f, "{what}: nothing to answer"),
            PredictionError::NotAChoice { answer, choices } => write!(
                f,
                "the answer is {answer:?}, which is not among the choices {choices:?}"
            ),
            PredictionError::ShownBeforeAsked { at, show_until } => write!(
                f,
                "the answer ({}) is inside the run shown while the prediction is open (until {}): lower `showUntil`",
                instant(*at),
                clock(*show_until)
            ),
        }
    }
}

impl std::error::Error for PredictionError {}

/// An instant as a learner reads it: `45s`, `1m15s`, `2.5s`, `1m15.3s` (to a tenth of a
/// second, trailing `.0` left out).
pub fn instant(t: Millis) -> String {
    let tenths = t.saturating_add(50) / 100;
    let whole = clock(tenths / 10 * 1000);
    match tenths % 10 {
        0 => whole,
        d => format!("{}.{d}s", whole.trim_end_matches('s')),
    }
}

impl Answer {
    /// The answer in words: `1m15s`, `3`, `Running`.
    pub fn text(&self) -> Text {
        match &self.value {
            Value::Instant(t) => Text::same(instant(*t)),
            Value::Count(n) => Text::same(n.to_string()),
            Value::Choice { text, .. } => Text::same(text.clone()),
        }
    }
}

/// Simulate the prediction's manifest as the lesson sets it up (its scenario, its `until`)
/// and compute the true answer. A front end that already has that run uses [`answer_from`].
pub fn answer(p: &Prediction, lesson: &Lesson) -> Result<Answer, PredictionError> {
    let analysis = analyze(p.manifest_text(lesson), &lesson.scenario, lesson.until);
    let Some(tl) = analysis.timeline.as_ref() else {
        return Err(no_run(analysis));
    };
    answer_from(p, tl)
}

/// Why an analysis has no run to answer from.
pub(super) fn no_run(analysis: Analysis) -> PredictionError {
    match analysis.sim_error {
        Some(reason) if analysis.is_valid() => PredictionError::NotSimulated { reason },
        _ => PredictionError::InvalidManifest {
            messages: analysis
                .loaded
                .diagnostics
                .iter()
                .filter(|d| matches!(d.severity, crate::api::Severity::Error))
                .map(|d| d.message.clone())
                .collect(),
        },
    }
}

/// The true answer of the prediction, read off the run of its manifest.
pub fn answer_from(p: &Prediction, tl: &Timeline) -> Result<Answer, PredictionError> {
    if let Some(c) = p.answer.container() {
        let known: Vec<String> = tl
            .manifest
            .pod
            .spec
            .all_containers()
            .map(|(c, _)| c.name.clone())
            .collect();
        if !known.iter().any(|k| k == c) {
            return Err(PredictionError::UnknownContainer {
                container: c.to_string(),
                known,
            });
        }
    }
    match &p.answer {
        AnswerSpec::When { moment, .. } => {
            let basis = moment_in(moment, tl)?;
            if basis.t_ms <= p.show_until() {
                return Err(PredictionError::ShownBeforeAsked {
                    at: basis.t_ms,
                    show_until: p.show_until(),
                });
            }
            Ok(Answer {
                value: Value::Instant(basis.t_ms),
                at: basis.t_ms,
                basis: vec![basis],
            })
        }
        AnswerSpec::HowMany { count, by, .. } => {
            within_run(by.0, tl)?;
            let basis = counted(count, by.0, tl);
            let n = match count {
                // The restart count the status reports (a count, not a list of instants
                // the learner saw: both agree, as each restart is one status change).
                Count::Restarts { container } => tl
                    .status_at(by.0)
                    .and_then(|s| s.container(container))
                    .map_or(0, |c| c.restart_count),
                _ => u32::try_from(basis.len()).unwrap_or(u32::MAX),
            };
            Ok(Answer {
                value: Value::Count(n),
                at: by.0,
                basis,
            })
        }
        AnswerSpec::Which { of, choices } => {
            let at = of.at();
            within_run(at, tl)?;
            let (text, basis) = question_in(of, tl)?;
            let index = choices.iter().position(|c| *c == text).ok_or_else(|| {
                PredictionError::NotAChoice {
                    answer: text.clone(),
                    choices: choices.clone(),
                }
            })?;
            Ok(Answer {
                value: Value::Choice { index, text },
                at,
                basis: vec![basis],
            })
        }
    }
}

fn within_run(at: Millis, tl: &Timeline) -> Result<(), PredictionError> {
    if at > tl.until {
        Err(PredictionError::PastTheRun {
            at,
            until: tl.until,
        })
    } else {
        Ok(())
    }
}

/// Every terminated record a status shows for a container (current state, then last state).
fn terminations<'s>(s: &'s PodStatus, container: &str) -> Vec<&'s ContainerStateTerminated> {
    s.container(container)
        .map(|c| {
            [
                c.state.terminated.as_ref(),
                c.last_state.terminated.as_ref(),
            ]
            .into_iter()
            .flatten()
            .collect()
        })
        .unwrap_or_default()
}

/// The status of a condition in a snapshot, if the Pod reports the condition.
fn condition_status(s: &PodStatus, condition: &str) -> Option<ConditionStatus> {
    let status = s.condition(condition)?.status.as_str();
    ConditionStatus::ALL
        .into_iter()
        .find(|c| c.as_str() == status)
}

/// The first instant of a moment in the run.
fn moment_in(m: &Moment, tl: &Timeline) -> Result<Basis, PredictionError> {
    let after = m.after();
    let snap = |i: usize, t: Millis| Basis {
        t_ms: t,
        record: Record::Snapshot(i),
    };
    let found = match m {
        Moment::Restart { container, nth } => tl.snapshots.iter().enumerate().find_map(|(i, s)| {
            s.status
                .container(container)
                .filter(|c| c.restart_count >= *nth)
                .map(|_| snap(i, s.t_ms))
        }),
        Moment::Started { container, .. } => tl.snapshots.iter().enumerate().find_map(|(i, s)| {
            let c = s.status.container(container)?;
            let started = c.state.running.as_ref()?.started_at;
            (started >= after).then(|| snap(i, started))
        }),
        Moment::Terminated {
            container,
            reason,
            exit_code,
            ..
        } => tl
            .snapshots
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                terminations(&s.status, container)
                    .into_iter()
                    .map(move |t| (i, t))
            })
            .filter(|(_, t)| {
                t.finished_at >= after
                    && reason
                        .as_ref()
                        .is_none_or(|r| t.reason.as_deref() == Some(r.as_str()))
                    && exit_code.is_none_or(|c| t.exit_code == c)
            })
            // A record stays in `lastState` for a while: the earliest exit, first seen.
            .min_by_key(|(_, t)| t.finished_at)
            .map(|(i, t)| snap(i, t.finished_at)),
        Moment::Event {
            reason, contains, ..
        } => tl
            .events
            .iter()
            .enumerate()
            .find(|(_, e)| {
                e.t_ms >= after
                    && e.reason == *reason
                    && contains
                        .as_ref()
                        .is_none_or(|c| e.message.contains(c.as_str()))
            })
            .map(|(i, e)| Basis {
                t_ms: e.t_ms,
                record: Record::Event(i),
            }),
        Moment::Condition {
            condition, status, ..
        } => {
            let mut before = None;
            tl.snapshots.iter().enumerate().find_map(|(i, s)| {
                let now = condition_status(&s.status, condition.as_str());
                let turned = now == Some(*status) && before != Some(*status);
                before = now;
                (turned && s.t_ms >= after).then(|| snap(i, s.t_ms))
            })
        }
        Moment::Phase { phase, .. } => {
            let mut before = None;
            tl.snapshots.iter().enumerate().find_map(|(i, s)| {
                let now = s.status.phase.as_str();
                let turned = now == phase.as_str() && before != Some(now);
                before = Some(now);
                (turned && s.t_ms >= after).then(|| snap(i, s.t_ms))
            })
        }
        Moment::Probe {
            container,
            probe,
            result,
            nth,
            ..
        } => tl
            .probes
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.t_ms >= after
                    && *p.container == **container
                    && p.probe == *probe
                    && p.result == *result
            })
            .nth(usize::try_from(nth.saturating_sub(1)).unwrap_or(usize::MAX))
            .map(|(i, p)| Basis {
                t_ms: p.t_ms,
                record: Record::Probe(i),
            }),
    };
    found.ok_or_else(|| PredictionError::NeverHappens {
        what: m.describe().en,
        until: tl.until,
    })
}

/// Every occurrence a count counts, up to `by`.
fn counted(c: &Count, by: Millis, tl: &Timeline) -> Vec<Basis> {
    match c {
        Count::Restarts { container } => {
            let mut before = 0;
            tl.snapshots
                .iter()
                .enumerate()
                .take_while(|(_, s)| s.t_ms <= by)
                .filter_map(|(i, s)| {
                    let n = s.status.container(container)?.restart_count;
                    let more = n > before;
                    before = before.max(n);
                    more.then_some(Basis {
                        t_ms: s.t_ms,
                        record: Record::Snapshot(i),
                    })
                })
                .collect()
        }
        Count::Events { reason, contains } => tl
            .events
            .iter()
            .enumerate()
            .take_while(|(_, e)| e.t_ms <= by)
            .filter(|(_, e)| {
                e.reason == *reason
                    && contains
                        .as_ref()
                        .is_none_or(|t| e.message.contains(t.as_str()))
            })
            .map(|(i, e)| Basis {
                t_ms: e.t_ms,
                record: Record::Event(i),
            })
            .collect(),
        Count::ProbeResults {
            container,
            probe,
            result,
        } => tl
            .probes
            .iter()
            .enumerate()
            .take_while(|(_, p)| p.t_ms <= by)
            .filter(|(_, p)| {
                *p.container == **container && p.probe == *probe && p.result == *result
            })
            .map(|(i, p)| Basis {
                t_ms: p.t_ms,
                record: Record::Probe(i),
            })
            .collect(),
    }
}

/// A container's state as a choice reads it: `Running`, `Waiting (CrashLoopBackOff)`,
/// `Terminated (Completed)`.
pub fn state_text(state: &ContainerState) -> Option<String> {
    let with = |name: &str, reason: Option<&String>| match reason {
        Some(r) => format!("{name} ({r})"),
        None => name.to_string(),
    };
    if state.running.is_some() {
        Some("Running".into())
    } else if let Some(w) = &state.waiting {
        Some(with("Waiting", w.reason.as_ref()))
    } else {
        state
            .terminated
            .as_ref()
            .map(|t| with("Terminated", t.reason.as_ref()))
    }
}

/// The answer to a question in snapshot `i` (the STATUS column also depends on whether a
/// deletion was requested by then).
fn value_in(q: &Question, tl: &Timeline, i: usize) -> Option<String> {
    let snapshot = tl.snapshots.get(i)?;
    let s = &snapshot.status;
    match q {
        Question::Phase { .. } => Some(s.phase.clone()),
        Question::Status { .. } => {
            let t = snapshot.t_ms.max(
                q.at().min(
                    tl.snapshots
                        .get(i + 1)
                        .map_or(Millis::MAX, |n| n.t_ms.saturating_sub(1)),
                ),
            );
            let deleting = tl.deletion_at(t).is_some();
            Some(pod_row(&tl.pod_name, &tl.manifest.pod.spec, s, deleting, None, t).status)
        }
        Question::Condition { condition, .. } => {
            condition_status(s, condition.as_str()).map(|c| c.as_str().to_string())
        }
        Question::ContainerState { container, .. } => {
            s.container(container).and_then(|c| state_text(&c.state))
        }
    }
}

/// The answer to a question at its instant, and the first snapshot of the stretch of time
/// in which the answer was the same (when it became so).
fn question_in(q: &Question, tl: &Timeline) -> Result<(String, Basis), PredictionError> {
    let at = q.at();
    let absent = |what: &str| PredictionError::Absent {
        what: format!("{what} at {}", clock(at)),
    };
    if !tl.exists_at(at) {
        return Err(absent("the Pod no longer exists"));
    }
    let i = tl
        .snapshot_index_at(at)
        .ok_or_else(|| absent("the Pod has no status yet"))?;
    let text = value_in(q, tl, i).ok_or_else(|| {
        absent(&match q {
            Question::Condition { condition, .. } => {
                format!("the Pod reports no {} condition", condition.as_str())
            }
            Question::ContainerState { container, .. } => format!("{container} has no state"),
            _ => "no status".to_string(),
        })
    })?;
    let mut first = i;
    while first > 0 && value_in(q, tl, first - 1).as_deref() == Some(text.as_str()) {
        first -= 1;
    }
    Ok((
        text,
        Basis {
            t_ms: tl.snapshots[first].t_ms,
            record: Record::Snapshot(first),
        },
    ))
}

impl Basis {
    /// The record in words, for a list of what the answer rests on:
    /// `Killing event at 45s: …`, `liveness probe of web: Failure at 45s`, `status at 1m15s`.
    pub fn describe(&self, tl: &Timeline) -> Text {
        let at = instant(self.t_ms);
        match self.record {
            Record::Event(i) => match tl.events.get(i) {
                Some(e) => Text::new(
                    format!("{} event at {at}: {}", e.reason, e.message),
                    format!("{at}에 {} 이벤트: {}", e.reason, e.message),
                ),
                None => Text::new(format!("an event at {at}"), format!("{at}의 이벤트")),
            },
            Record::Probe(i) => match tl.probes.get(i) {
                Some(p) => Text::new(
                    format!(
                        "{} probe of {}: {} at {at}",
                        p.probe.as_str(),
                        p.container,
                        p.result.as_str()
                    ),
                    format!(
                        "{at}에 {}의 {} 프로브: {}",
                        p.container,
                        p.probe.as_str(),
                        p.result.as_str()
                    ),
                ),
                None => Text::new(format!("a probe at {at}"), format!("{at}의 프로브")),
            },
            Record::Snapshot(_) => Text::new(format!("status at {at}"), format!("{at}의 상태")),
        }
    }
}
