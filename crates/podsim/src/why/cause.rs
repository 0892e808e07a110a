//! What the engine records when the simulated kubelet decides something: a [`Cause`] — the
//! instant, the [`Rule`] applied, the container it is about, a few typed numbers
//! ([`Fact`]) and up to two earlier causes it follows from. Compact (indices and small
//! numbers, no text), appended to `Timeline::causes` in the order they happen and
//! referenced by index ([`CauseId`]) from events, status changes and other causes.

use super::rule::Rule;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{ConditionType, PodPhase};
use crate::runtime::{FileOrigin, TermResponse};
use crate::time::Millis;
use serde::{Deserialize, Serialize};

/// An index into `Timeline::causes`.
pub type CauseId = u32;

/// No cause (a root, or a record made before causes existed).
pub const NO_CAUSE: CauseId = u32::MAX;

/// One decision, with what it followed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cause {
    pub at: Millis,
    pub rule: Rule,
    /// The container it is about: its index with the init containers first (the order of
    /// `PodSpec::all_containers` and of the timeline's container lanes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<u16>,
    pub fact: Fact,
    /// The causes this one follows from ([`NO_CAUSE`] where there is none), the main one
    /// first.
    pub because: [CauseId; 2],
}

impl Cause {
    pub fn new(at: Millis, rule: Rule, container: Option<usize>, fact: Fact) -> Cause {
        Cause {
            at,
            rule,
            container: container.and_then(|c| u16::try_from(c).ok()),
            fact,
            because: [NO_CAUSE; 2],
        }
    }

    pub fn because(mut self, a: CauseId) -> Cause {
        self.because[0] = a;
        self
    }

    pub fn and(mut self, b: CauseId) -> Cause {
        if self.because[0] == NO_CAUSE {
            self.because[0] = b;
        } else {
            self.because[1] = b;
        }
        self
    }

    /// The causes it follows from.
    pub fn parents(&self) -> impl Iterator<Item = CauseId> + '_ {
        self.because.iter().copied().filter(|&c| c != NO_CAUSE)
    }

    pub fn container(&self) -> Option<usize> {
        self.container.map(usize::from)
    }
}

/// The numbers a cause used or computed, by kind of decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Fact {
    None,
    /// A container instance: `n` is the restart count it runs with (0: the first run).
    Instance {
        n: u32,
        /// The crash-loop back-off had been forgotten (the container ran 10 minutes).
        backoff_reset: bool,
    },
    /// Instance `n` exited with `code`; `term`: what its PID 1 did with SIGTERM, when the
    /// kubelet had sent one.
    Exit {
        n: u32,
        code: i32,
        term: Option<TermResponse>,
    },
    /// A back-off wait: `delay` counted from `since` (the exit, or the failed pull); the
    /// delay is the `initial` one doubled `step` times (`capped`: held at `max`), as this
    /// cluster's kubelet sets them.
    Wait {
        delay: Millis,
        since: Millis,
        step: u8,
        capped: bool,
        initial: Millis,
        max: Millis,
    },
    /// A probe's result (a run of them) or verdict: `run` results in a row, against
    /// `threshold` (failureThreshold or successThreshold).
    Probe {
        kind: ProbeKind,
        result: ProbeResult,
        run: u32,
        threshold: u32,
    },
    /// A kill of instance `n` with `grace` (what set it: `grace_from`).
    Kill {
        n: u32,
        grace: Millis,
        grace_from: GraceFrom,
        restart: bool,
    },
    /// An image pull that took `took`.
    Pull {
        took: Millis,
    },
    /// The pod's phase became `phase`.
    Phase {
        phase: PodPhase,
    },
    /// A condition took `status` (True: `true`).
    Condition {
        condition: ConditionType,
        status: bool,
    },
    /// The scenario's event number `index` (`Timeline::faults`).
    Fault {
        index: u16,
    },
    /// `kubectl delete` with this grace period.
    Deletion {
        grace_seconds: i64,
    },
    /// Which scheduler filters rejected nodes (bits of `kubelet::scheduler::filter`).
    Schedule {
        filters: u8,
    },
    /// A file change: `Timeline::files[index]`.
    File {
        index: u32,
    },
}

/// Where a kill's grace period came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GraceFrom {
    /// `spec.terminationGracePeriodSeconds` (or its default, 30).
    Pod,
    /// The failed probe's own `terminationGracePeriodSeconds`.
    Probe,
    /// What was left of the deletion's grace period.
    Deletion,
    /// Raised to the 2 s minimum.
    Minimum,
}

/// A field of the pod's status that changed at a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum StatusField {
    /// `status.phase` (with `reason` and `message`).
    Phase,
    /// A condition (its status, reason or message).
    Condition { condition: ConditionType },
    /// A container's `state` (and `lastState`, `restartCount`), by container index.
    State { container: u16 },
    /// A container's `ready`.
    Ready { container: u16 },
    /// A container's `started`.
    Started { container: u16 },
}

impl StatusField {
    pub fn container(self) -> Option<usize> {
        match self {
            StatusField::State { container }
            | StatusField::Ready { container }
            | StatusField::Started { container } => Some(usize::from(container)),
            _ => None,
        }
    }
}

/// A file created or removed in a container instance, as the runtime saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileFact {
    pub at: Millis,
    /// The container (init containers first) and its instance (restart count).
    pub container: u16,
    pub instance: u32,
    pub path: String,
    pub created: bool,
    pub origin: FileOrigin,
    /// The command line that did it, when a shell ran it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
}
