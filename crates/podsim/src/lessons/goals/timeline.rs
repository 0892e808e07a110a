//! The goal checks over the simulated timeline: phase, conditions, restarts, init order,
//! the STATUS column, events, probe results, terminations, logs and waiting reasons — each
//! with a note on what was seen, in English and Korean.

use super::{report, restarts, Check, GoalReport};
use crate::kubelet::events::EventReason;
use crate::model::{ContainerStatus, PodPhase, PodStatus, TerminatedReason};
use crate::sim::Timeline;
use crate::text::Text;
use crate::time::{Duration, Millis};
use crate::views::get::pod_row;

fn status_at(status: &str, t: Millis) -> Text {
    Text::new(
        format!("STATUS {status} at {}", secs(t)),
        format!("{}에 STATUS {status}", secs(t)),
    )
}

fn status_never(status: &str) -> Text {
    Text::new(
        format!("STATUS never {status}"),
        format!("STATUS가 {status}인 적 없음"),
    )
}

fn no_event(reason: EventReason) -> Text {
    Text::new(
        format!("no {reason} event"),
        format!("{reason} 이벤트 없음"),
    )
}

fn first_time(tl: &Timeline, f: impl Fn(&PodStatus) -> bool) -> Option<Millis> {
    tl.snapshots.iter().find(|s| f(&s.status)).map(|s| s.t_ms)
}

fn within_ok(t: Option<Millis>, within: Option<Duration>) -> bool {
    match (t, within) {
        (Some(t), Some(Duration(w))) => t <= w,
        (Some(_), None) => true,
        _ => false,
    }
}

fn secs(t: Millis) -> String {
    crate::time::clock(t)
}

fn statuses_of<'s>(s: &'s PodStatus, name: &str) -> Option<&'s ContainerStatus> {
    s.container(name)
}

/// STATUS column of `kubectl get pods` at each snapshot.
fn shown_statuses(tl: &Timeline) -> Vec<(Millis, String)> {
    tl.snapshots
        .iter()
        .map(|s| {
            let deleting = tl.deletion_at(s.t_ms).is_some();
            let row = pod_row(
                &tl.pod_name,
                &tl.manifest.pod.spec,
                &s.status,
                deleting,
                None,
                s.t_ms,
            );
            (s.t_ms, row.status)
        })
        .collect()
}

pub(super) fn check_timeline(c: &Check, tl: &Timeline) -> GoalReport {
    match c {
        Check::PhaseAt { at, phase } => {
            let now = tl.status_at(at.0).map(|s| s.phase).unwrap_or_default();
            report(
                now == *phase,
                Text::new(
                    format!("phase at {} is {now}", secs(at.0)),
                    format!("{}의 phase: {now}", secs(at.0)),
                ),
            )
        }
        Check::PhaseReached { phase, within } => {
            let t = first_time(tl, |s| s.phase == *phase);
            let ok = within_ok(t, *within);
            report(
                ok,
                match t {
                    Some(t) => Text::new(
                        format!("{phase} at {}", secs(t)),
                        format!("{}에 {phase}", secs(t)),
                    ),
                    None => Text::new(format!("never {phase}"), format!("{phase}인 적 없음")),
                },
            )
        }
        Check::Condition {
            condition,
            status,
            within,
        } => {
            let t = first_time(tl, |s| {
                s.condition(*condition).is_some_and(|c| c.status == *status)
            });
            report(
                within_ok(t, *within),
                match t {
                    Some(t) => Text::new(
                        format!("{condition}={status} at {}", secs(t)),
                        format!("{}에 {condition}={status}", secs(t)),
                    ),
                    None => Text::new(
                        format!("{condition} never {status}"),
                        format!("{condition}: {status}인 적 없음"),
                    ),
                },
            )
        }
        Check::ConditionAt {
            condition,
            status,
            at,
        } => {
            let now = tl
                .status_at(at.0)
                .and_then(|s| s.condition(*condition))
                .map(|c| c.status);
            let at = secs(at.0);
            report(
                now == Some(*status),
                match now {
                    Some(now) => Text::new(
                        format!("{condition} at {at} is {now}"),
                        format!("{at}의 {condition}: {now}"),
                    ),
                    None => Text::new(
                        format!("{condition} at {at} is absent"),
                        format!("{at}에 {condition} 없음"),
                    ),
                },
            )
        }
        Check::ConditionNever { condition, reason } => {
            let became_true = first_time(tl, |s| s.condition_true(*condition));
            let reason_seen = reason.is_none_or(|r| {
                tl.snapshots.iter().any(|s| {
                    s.status
                        .condition(*condition)
                        .is_some_and(|c| c.reason == Some(r))
                })
            });
            report(
                became_true.is_none() && reason_seen,
                match became_true {
                    Some(t) => Text::new(
                        format!("{condition} became True at {}", secs(t)),
                        format!("{}에 {condition}=True", secs(t)),
                    ),
                    None => Text::new(
                        format!("{condition} stays False"),
                        format!("{condition}: 계속 False"),
                    ),
                },
            )
        }
        Check::RestartsAtLeast {
            container,
            count,
            within,
        } => {
            let t = first_time(tl, |s| {
                statuses_of(s, container).is_some_and(|c| c.restart_count >= *count)
            });
            let max = tl
                .snapshots
                .iter()
                .filter_map(|s| statuses_of(&s.status, container).map(|c| c.restart_count))
                .max()
                .unwrap_or(0);
            report(within_ok(t, *within), restarts(container, max))
        }
        Check::NeverRestarts { container } => {
            let max = tl
                .snapshots
                .iter()
                .filter_map(|s| statuses_of(&s.status, container).map(|c| c.restart_count))
                .max();
            match max {
                None => report(
                    false,
                    Text::new(
                        format!("{container} never ran"),
                        format!("{container}: 실행된 적 없음"),
                    ),
                ),
                Some(0) => report(
                    tl.logs.iter().any(|l| &l.container == container),
                    Text::new(
                        format!("{container} was never restarted"),
                        format!("{container}: 재시작 없음"),
                    ),
                ),
                Some(n) => report(false, restarts(container, n)),
            }
        }
        Check::InitOrder { containers } => {
            let done: Vec<Option<Millis>> = containers
                .iter()
                .map(|name| {
                    first_time(tl, |s| {
                        statuses_of(s, name)
                            .and_then(|c| c.state.terminated.as_ref())
                            .is_some_and(|t| t.exit_code == 0)
                    })
                })
                .collect();
            let app_start = tl
                .logs
                .iter()
                .filter(|l| {
                    tl.manifest
                        .pod
                        .spec
                        .containers
                        .iter()
                        .any(|c| c.name == l.container)
                })
                .map(|l| l.started_at)
                .min();
            let all_done = done.iter().all(Option::is_some);
            let ordered = done
                .windows(2)
                .all(|w| matches!(w, [Some(a), Some(b)] if a <= b));
            let before_app = match (done.last().copied().flatten(), app_start) {
                (Some(last), Some(app)) => last <= app,
                _ => false,
            };
            report(
                all_done && ordered && before_app,
                if !all_done {
                    Text::new(
                        "not every init container completed",
                        "완료되지 않은 init 컨테이너가 있습니다",
                    )
                } else if !before_app {
                    Text::new(
                        "the app containers did not start after them",
                        "앱 컨테이너가 그 뒤에 시작되지 않았습니다",
                    )
                } else {
                    Text::new(
                        "completed in order, then the app started",
                        "차례대로 완료된 뒤 앱이 시작되었습니다",
                    )
                },
            )
        }
        Check::StatusShown { status, within } => {
            let t = shown_statuses(tl)
                .into_iter()
                .find(|(_, s)| s == status)
                .map(|(t, _)| t);
            report(
                within_ok(t, *within),
                match t {
                    Some(t) => status_at(status, t),
                    None => status_never(status),
                },
            )
        }
        Check::StatusNeverShown { status } => {
            let t = shown_statuses(tl)
                .into_iter()
                .find(|(_, s)| s == status)
                .map(|(t, _)| t);
            report(
                t.is_none(),
                match t {
                    Some(t) => status_at(status, t),
                    None => status_never(status),
                },
            )
        }
        Check::EventSeen {
            reason,
            contains,
            within,
        } => {
            let e = tl.events.iter().find(|e| {
                e.reason == *reason
                    && contains
                        .as_ref()
                        .is_none_or(|t| e.message.contains(t.as_str()))
            });
            report(
                within_ok(e.map(|e| e.t_ms), *within),
                match e {
                    Some(e) => Text::new(
                        format!("{} at {}: {}", e.reason, secs(e.t_ms), e.message),
                        format!("{}에 {}: {}", secs(e.t_ms), e.reason, e.message),
                    ),
                    None => no_event(*reason),
                },
            )
        }
        Check::EventNotSeen { reason } => {
            let e = tl.events.iter().find(|e| e.reason == *reason);
            report(
                e.is_none(),
                match e {
                    Some(e) => Text::new(
                        format!("{} at {}", e.reason, secs(e.t_ms)),
                        format!("{}에 {}", secs(e.t_ms), e.reason),
                    ),
                    None => no_event(*reason),
                },
            )
        }
        Check::ProbeResult {
            container,
            probe,
            result,
        } => {
            let p = tl
                .probes
                .iter()
                .find(|p| *p.container == **container && p.probe == *probe && p.result == *result);
            report(
                p.is_some(),
                match p {
                    Some(p) => Text::new(
                        format!(
                            "{} probe {} at {}",
                            probe.as_str(),
                            result.as_str(),
                            secs(p.t_ms)
                        ),
                        format!(
                            "{}에 {} 프로브 {}",
                            secs(p.t_ms),
                            probe.as_str(),
                            result.as_str()
                        ),
                    ),
                    None => Text::new(
                        format!("no {} {} result", probe.as_str(), result.as_str()),
                        format!("{} 프로브의 {} 결과 없음", probe.as_str(), result.as_str()),
                    ),
                },
            )
        }
        Check::NotReadyWhileRunning { container } => {
            let t = first_time(tl, |s| {
                s.phase == PodPhase::Running
                    && statuses_of(s, container)
                        .is_some_and(|c| c.state.running.is_some() && !c.ready)
            });
            report(
                t.is_some(),
                match t {
                    Some(t) => Text::new(
                        format!("{container} running but not ready at {}", secs(t)),
                        format!("{}에 {container}: 실행 중이지만 준비되지 않음", secs(t)),
                    ),
                    None => Text::new(
                        format!("{container} was never running and unready"),
                        format!("{container}: 실행 중이면서 준비되지 않은 때가 없음"),
                    ),
                },
            )
        }
        Check::Terminated {
            container,
            reason,
            exit_code,
        } => {
            let hit = tl.snapshots.iter().find_map(|s| {
                let c = statuses_of(&s.status, container)?;
                [
                    c.state.terminated.as_ref(),
                    c.last_state.terminated.as_ref(),
                ]
                .into_iter()
                .flatten()
                .find(|t| {
                    reason.is_none_or(|r| t.reason == Some(r))
                        && exit_code.is_none_or(|e| t.exit_code == e)
                })
                .map(|t| {
                    let r = t.reason.map(TerminatedReason::as_str).unwrap_or_default();
                    (s.t_ms, t.exit_code, r)
                })
            });
            report(
                hit.is_some(),
                match hit {
                    Some((t, code, r)) => Text::new(
                        format!("{container} exited {code} ({r}) by {}", secs(t)),
                        format!("{}까지 {container} 종료: 코드 {code} ({r})", secs(t)),
                    ),
                    None => Text::new(
                        format!("{container} did not terminate that way"),
                        format!("{container}: 그렇게 종료된 적 없음"),
                    ),
                },
            )
        }
        Check::LogContains { container, text } => {
            let found = tl
                .logs
                .iter()
                .filter(|l| &l.container == container)
                .flat_map(|l| l.lines.iter())
                .find(|l| l.text.contains(text.as_str()));
            report(
                found.is_some(),
                match found {
                    Some(l) => Text::new(
                        format!("logged at {}", secs(l.t)),
                        format!("{}에 로그에 남음", secs(l.t)),
                    ),
                    None => Text::new(
                        format!("{container} never logged {text:?}"),
                        format!("{container}의 로그에 {text:?} 없음"),
                    ),
                },
            )
        }
        Check::WaitingReason { container, reason } => {
            let t = first_time(tl, |s| {
                statuses_of(s, container)
                    .and_then(|c| c.state.waiting.as_ref())
                    .is_some_and(|w| w.reason == Some(*reason))
            });
            report(
                t.is_some(),
                match t {
                    Some(t) => Text::new(
                        format!("{container} waiting: {reason} at {}", secs(t)),
                        format!("{}에 {container} 대기: {reason}", secs(t)),
                    ),
                    None => Text::new(
                        format!("{container} never waiting with {reason}"),
                        format!("{container}: {reason} 대기 없음"),
                    ),
                },
            )
        }
        Check::Explained { change } => explained_alone(change, tl),
        Check::Valid
        | Check::Invalid { .. }
        | Check::FieldSet { .. }
        | Check::ContainerCount { .. } => report(
            false,
            Text::new("not a timeline check", "타임라인 검사가 아닙니다"),
        ),
    }
}

/// An `explained` goal with nothing opened (`check` rather than `check_opened`): not met.
fn explained_alone(change: &crate::why::target::ChangeSpec, tl: &Timeline) -> GoalReport {
    super::check_opened(
        &Check::Explained {
            change: change.clone(),
        },
        &crate::api::Loaded::default(),
        Some(tl),
        &[],
    )
}
