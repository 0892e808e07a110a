//! Goal predicates a lesson checks live while the learner types: over the validation result
//! ("manifest is valid", "validation error at path …", "field … is set") and over the
//! simulated timeline ("phase at 60s is Running", "Ready becomes True within 30s", "container
//! web restarts at least once", "init containers complete in order", "STATUS shows
//! CrashLoopBackOff", "event Unhealthy seen", "readiness of web fails while Running", …).

use crate::api::{Loaded, Severity};
use crate::kubelet::events::EventReason;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{
    ConditionReason, ConditionStatus, ConditionType, PodPhase, PodStatus, TerminatedReason,
    WaitingReason,
};
use crate::sim::Timeline;
use crate::text::Text;
use crate::time::{Duration, Millis};
use crate::views::get::pod_row;
use serde::{Deserialize, Deserializer, Serialize};

/// One checkable goal, written in a lesson as its kind beside its fields
/// (`{kind: phaseAt, at: 30s, phase: Running}`): see [`Check::from_tagged`] and
/// [`crate::yaml::tagged`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Check {
    /// The manifest passes the apiserver's validation.
    Valid,
    /// The manifest is rejected, optionally with an error at `path` whose message contains
    /// `contains`.
    Invalid {
        #[serde(default)]
        path: Option<String>,
        #[serde(default)]
        contains: Option<String>,
    },
    /// A field is set in the manifest as written (`spec.containers[1].ports[0].containerPort`),
    /// optionally to a value (compared as text).
    FieldSet {
        path: String,
        #[serde(default)]
        equals: Option<String>,
    },
    /// The pod has at least `min` (and at most `max`) app containers.
    ContainerCount {
        #[serde(default)]
        min: Option<usize>,
        #[serde(default)]
        max: Option<usize>,
    },
    /// The phase at an instant.
    PhaseAt { at: Duration, phase: PodPhase },
    /// The phase is reached at some point (within a time, if given).
    PhaseReached {
        phase: PodPhase,
        #[serde(default)]
        within: Option<Duration>,
    },
    /// A condition takes a status (within a time, if given).
    Condition {
        condition: ConditionType,
        status: ConditionStatus,
        #[serde(default)]
        within: Option<Duration>,
    },
    /// A condition's status at an instant.
    ConditionAt {
        condition: ConditionType,
        status: ConditionStatus,
        at: Duration,
    },
    /// A condition stays False the whole time, with this reason if given.
    ConditionNever {
        condition: ConditionType,
        #[serde(default)]
        reason: Option<ConditionReason>,
    },
    /// The container's restart count reaches `count` (within a time, if given).
    RestartsAtLeast {
        container: String,
        count: u32,
        #[serde(default)]
        within: Option<Duration>,
    },
    /// The container is never restarted.
    NeverRestarts { container: String },
    /// Init containers complete in this order, all before any app container starts.
    InitOrder { containers: Vec<String> },
    /// `kubectl get pods` shows this STATUS at some point (within a time, if given).
    StatusShown {
        status: String,
        #[serde(default)]
        within: Option<Duration>,
    },
    /// `kubectl get pods` never shows this STATUS.
    StatusNeverShown { status: String },
    /// An event with this reason (and message text) happens (within a time, if given).
    EventSeen {
        reason: EventReason,
        #[serde(default)]
        contains: Option<String>,
        #[serde(default)]
        within: Option<Duration>,
    },
    /// No event with this reason ever happens.
    EventNotSeen { reason: EventReason },
    /// A probe of the container returns this result at least once.
    ProbeResult {
        container: String,
        probe: ProbeKind,
        result: ProbeResult,
    },
    /// The container is Running but not ready at some instant while the pod is Running.
    NotReadyWhileRunning { container: String },
    /// The container terminates with this reason and/or exit code.
    Terminated {
        container: String,
        #[serde(default)]
        reason: Option<TerminatedReason>,
        #[serde(default)]
        exit_code: Option<i32>,
    },
    /// The container's logs contain this text.
    LogContains { container: String, text: String },
    /// The container is waiting with this reason at some point (ErrImagePull, …).
    WaitingReason {
        container: String,
        reason: WaitingReason,
    },
}

impl Check {
    /// Read a goal as lessons write it, its `kind` beside its fields.
    pub fn from_tagged<'de, D: Deserializer<'de>>(d: D) -> Result<Check, D::Error> {
        let fields = serde_json::Map::deserialize(d)?;
        crate::yaml::tagged::from_tagged(fields, "kind").map_err(serde::de::Error::custom)
    }
}

/// Whether a goal is met, with a short note on what was seen, in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalReport {
    pub met: bool,
    pub note: Text,
}

fn report(met: bool, note: Text) -> GoalReport {
    GoalReport { met, note }
}

/// `1 error`, `2 errors`.
fn count_of(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

/// `restarted once`, `restarted 3 times` / `재시작 3회`.
fn restarts(container: &str, n: u32) -> Text {
    let en = match n {
        1 => format!("{container} restarted once"),
        n => format!("{container} restarted {n} times"),
    };
    Text::new(en, format!("{container} 재시작 {n}회"))
}

fn unparsed() -> Text {
    Text::new(
        "the manifest does not parse",
        "매니페스트를 읽을 수 없습니다",
    )
}

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

/// Walk `spec.containers[1].ports[0].containerPort` in a JSON value.
fn field<'v>(v: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    let mut cur = v;
    for part in path.split('.') {
        let (name, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            cur = cur.get(name)?;
        }
        let mut rest = rest;
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            let idx: usize = stripped[..end].parse().ok()?;
            cur = cur.get(idx)?;
            rest = &stripped[end + 1..];
        }
    }
    Some(cur)
}

fn statuses_of<'s>(s: &'s PodStatus, name: &str) -> Option<&'s crate::model::ContainerStatus> {
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

/// Evaluate one check. `tl` is None when the manifest is invalid (nothing ran).
pub fn check(c: &Check, loaded: &Loaded, tl: Option<&Timeline>) -> GoalReport {
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| matches!(d.severity, Severity::Error))
        .collect();
    match c {
        Check::Valid => {
            if errors.is_empty() && loaded.defaulted.is_some() {
                report(
                    true,
                    Text::new(
                        "the API server accepts the manifest",
                        "API 서버가 매니페스트를 받아들입니다",
                    ),
                )
            } else {
                {
                    let n = errors.len().max(1);
                    report(
                        false,
                        Text::new(count_of(n, "error"), format!("오류 {n}개")),
                    )
                }
            }
        }
        Check::Invalid { path, contains } => {
            let hit = errors.iter().find(|d| {
                path.as_ref().is_none_or(|p| {
                    d.path.as_deref() == Some(p.as_str()) || d.message.starts_with(&format!("{p}:"))
                }) && contains
                    .as_ref()
                    .is_none_or(|t| d.message.contains(t.as_str()))
            });
            match hit {
                Some(d) => report(true, Text::same(d.message.clone())),
                None => report(false, Text::new("no such error", "그런 오류가 없습니다")),
            }
        }
        Check::FieldSet { path, equals } => {
            let Some(m) = loaded.manifest.as_ref() else {
                return report(false, unparsed());
            };
            let v = match serde_json::to_value(&m.pod) {
                Ok(v) => v,
                Err(_) => return report(false, unparsed()),
            };
            match (field(&v, path), equals) {
                (None, _) | (Some(serde_json::Value::Null), _) => report(
                    false,
                    Text::new(
                        format!("{path} is not set"),
                        format!("{path}: 설정되지 않음"),
                    ),
                ),
                (Some(found), Some(want)) => {
                    let text = match found {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    report(&text == want, Text::same(format!("{path} = {text}")))
                }
                (Some(found), None) => report(true, Text::same(format!("{path} = {found}"))),
            }
        }
        Check::ContainerCount { min, max } => {
            let n = loaded
                .manifest
                .as_ref()
                .map(|m| m.pod.spec.containers.len())
                .unwrap_or(0);
            let ok = min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m);
            report(
                ok,
                Text::new(count_of(n, "container"), format!("컨테이너 {n}개")),
            )
        }
        _ => {
            let Some(tl) = tl else {
                return report(
                    false,
                    Text::new(
                        "fix the manifest first: nothing runs yet",
                        "먼저 매니페스트를 고치세요: 아직 아무것도 실행되지 않습니다",
                    ),
                );
            };
            check_timeline(c, tl)
        }
    }
}

fn check_timeline(c: &Check, tl: &Timeline) -> GoalReport {
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
        Check::Valid
        | Check::Invalid { .. }
        | Check::FieldSet { .. }
        | Check::ContainerCount { .. } => report(
            false,
            Text::new("not a timeline check", "타임라인 검사가 아닙니다"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_walk_json() {
        let v = serde_json::json!({"spec": {"containers": [{"name": "a"}, {"ports": [{"containerPort": 80}]}]}});
        assert_eq!(
            field(&v, "spec.containers[1].ports[0].containerPort"),
            Some(&serde_json::json!(80))
        );
        assert_eq!(
            field(&v, "spec.containers[0].name"),
            Some(&serde_json::json!("a"))
        );
        assert_eq!(field(&v, "spec.containers[2]"), None);
        assert_eq!(field(&v, "spec.containers[x]"), None);
    }

    #[test]
    fn notes_count_in_words() {
        assert_eq!(count_of(1, "error"), "1 error");
        assert_eq!(count_of(3, "container"), "3 containers");
        assert_eq!(restarts("web", 1).en, "web restarted once");
        assert_eq!(restarts("web", 0).en, "web restarted 0 times");
        assert_eq!(restarts("web", 4).ko, "web 재시작 4회");
    }

    #[test]
    fn checks_parse_from_yaml() {
        let read = |yaml: &str| {
            let v: serde_json::Value = crate::yaml::from_yaml_str(yaml).unwrap();
            Check::from_tagged(v).map_err(|e| e.to_string())
        };
        let c = read("kind: restartsAtLeast\ncontainer: web\ncount: 1\nwithin: 2m\n").unwrap();
        assert_eq!(read("kind: valid\n"), Ok(Check::Valid));
        assert_eq!(
            read("kind: invalid\n"),
            Ok(Check::Invalid {
                path: None,
                contains: None
            })
        );
        let err = |yaml: &str| read(yaml).unwrap_err();
        assert!(
            err("kind: vaild\n").starts_with("unknown variant `vaild`, expected one of `valid`")
        );
        assert_eq!(err("container: web\n"), "missing field `kind`");
        assert_eq!(err("kind: 3\n"), "`kind` must be a string");
        assert!(err("kind: neverRestarts\ncontainer: a\ncount: 1\n")
            .starts_with("unknown field `count`, expected `container`"));
        assert_eq!(err("kind: neverRestarts\n"), "missing field `container`");
        assert_eq!(
            c,
            Check::RestartsAtLeast {
                container: "web".into(),
                count: 1,
                within: Some(Duration(120_000))
            }
        );
    }
}
