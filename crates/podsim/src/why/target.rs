//! A change named in a lesson's words rather than by its place in one timeline — "the first
//! restart of liveness", "the phase becoming Running" — so that a goal can ask whether the
//! learner opened its explanation: [`ChangeSpec::matches`] tells whether an opened
//! [`ChangeRef`] is explained by the cause the spec names (the Started event, the container's
//! new Running state and the restart mark of one restart all are).

use super::cause::{CauseId, Fact};
use super::change::{container_index, head, ChangeRef};
use super::rule::Rule;
use crate::kubelet::events::EventReason;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{ConditionStatus, ConditionType, PodPhase};
use crate::sim::Timeline;
use crate::text::Text;
use serde::Deserialize;

fn first() -> u32 {
    1
}

/// A change as a lesson names it (`{restart: {container: liveness, n: 1}}`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum ChangeSpec {
    /// The `n`-th restart of the container (its start with restartCount `n`).
    Restart {
        container: String,
        #[serde(default = "first")]
        n: u32,
    },
    /// The `n`-th kill of the container (Killing).
    Kill {
        container: String,
        #[serde(default = "first")]
        n: u32,
    },
    /// The `n`-th exit of the container.
    Exit {
        container: String,
        #[serde(default = "first")]
        n: u32,
    },
    /// The `n`-th CrashLoopBackOff wait of the container.
    BackOff {
        container: String,
        #[serde(default = "first")]
        n: u32,
    },
    /// The `n`-th verdict of the container's probe reaching `result` (its threshold).
    Probe {
        container: String,
        probe: ProbeKind,
        result: ProbeResult,
        #[serde(default = "first")]
        n: u32,
    },
    /// The phase becoming `phase`.
    Phase { phase: PodPhase },
    /// A condition taking `status`.
    Condition {
        condition: ConditionType,
        status: ConditionStatus,
    },
    /// The first event with this reason.
    Event { reason: EventReason },
}

impl ChangeSpec {
    /// The cause the spec names in `tl`, if it happened.
    pub fn cause(&self, tl: &Timeline) -> Option<CauseId> {
        let nth = |container: &str, n: u32, f: &dyn Fn(&super::Cause) -> bool| {
            let c = container_index(tl, container)?;
            tl.causes
                .iter()
                .enumerate()
                .filter(|(_, x)| x.container() == Some(c) && f(x))
                .nth(n.checked_sub(1)? as usize)
                .map(|(i, _)| i as CauseId)
        };
        match self {
            ChangeSpec::Restart { container, n } => nth(
                container,
                1,
                &|x| matches!(x.fact, Fact::Instance { n: k, .. } if k == *n),
            ),
            ChangeSpec::Kill { container, n } => {
                nth(container, *n, &|x| matches!(x.fact, Fact::Kill { .. }))
            }
            ChangeSpec::Exit { container, n } => nth(container, *n, &|x| {
                matches!(x.fact, Fact::Exit { .. }) && x.rule != Rule::StartError
            }),
            ChangeSpec::BackOff { container, n } => {
                nth(container, *n, &|x| x.rule == Rule::CrashLoopBackOff)
            }
            ChangeSpec::Probe {
                container,
                probe,
                result,
                n,
            } => nth(container, *n, &|x| {
                matches!(
                    x.rule,
                    Rule::LivenessFailed
                        | Rule::StartupFailed
                        | Rule::StartupSucceeded
                        | Rule::ReadinessFailed
                        | Rule::ReadinessSucceeded
                ) && matches!(x.fact, Fact::Probe { kind, result: r, .. } if kind == *probe && r == *result)
            }),
            ChangeSpec::Phase { phase } => tl
                .causes
                .iter()
                .position(|x| matches!(x.fact, Fact::Phase { phase: p } if p == *phase))
                .map(|i| i as CauseId),
            ChangeSpec::Condition { condition, status } => tl
                .causes
                .iter()
                .position(|x| {
                    matches!(x.fact, Fact::Condition { condition: c, status: s }
                        if c == *condition && ConditionStatus::from_bool(s) == *status)
                })
                .map(|i| i as CauseId),
            ChangeSpec::Event { reason } => tl
                .events
                .iter()
                .find(|e| e.reason == *reason)
                .map(|e| e.cause),
        }
    }

    /// Whether opening `opened` explained the change the spec names.
    pub fn matches(&self, tl: &Timeline, opened: ChangeRef) -> bool {
        match (self.cause(tl), head(tl, opened)) {
            (Some(want), Some(got)) => want == got,
            _ => false,
        }
    }

    /// What the spec names, in words.
    pub fn describe(&self) -> Text {
        match self {
            ChangeSpec::Restart { container, n } => Text::new(
                format!("restart {n} of {container}"),
                format!("{container}의 {n}번째 재시작"),
            ),
            ChangeSpec::Kill { container, n } => Text::new(
                format!("kill {n} of {container}"),
                format!("{container}의 {n}번째 종료(Killing)"),
            ),
            ChangeSpec::Exit { container, n } => Text::new(
                format!("exit {n} of {container}"),
                format!("{container}의 {n}번째 종료"),
            ),
            ChangeSpec::BackOff { container, n } => Text::new(
                format!("back-off {n} of {container}"),
                format!("{container}의 {n}번째 백오프"),
            ),
            ChangeSpec::Probe {
                container,
                probe,
                result,
                ..
            } => Text::same(format!(
                "{container} {} {}",
                probe.as_str(),
                result.as_str()
            )),
            ChangeSpec::Phase { phase } => {
                Text::new(format!("phase {phase}"), format!("단계 {phase}"))
            }
            ChangeSpec::Condition { condition, status } => {
                Text::same(format!("{condition} {status}"))
            }
            ChangeSpec::Event { reason } => Text::same(reason.as_str()),
        }
    }
}
