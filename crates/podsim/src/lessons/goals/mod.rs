//! Goal predicates a lesson checks live while the learner types: over the validation result
//! ("manifest is valid", "validation error at path …", "field … is set") and over the
//! simulated timeline ("phase at 60s is Running", "Ready becomes True within 30s", "container
//! web restarts at least once", "init containers complete in order", "STATUS shows
//! CrashLoopBackOff", "event Unhealthy seen", "readiness of web fails while Running", …).
//! The checks over the manifest are here, those over the timeline in `timeline`.

mod timeline;

use crate::api::{Loaded, Severity};
use crate::kubelet::events::EventReason;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{
    ConditionReason, ConditionStatus, ConditionType, PodPhase, TerminatedReason, WaitingReason,
};
use crate::sim::Timeline;
use crate::text::Text;
use crate::time::Duration;
use crate::why::target::ChangeSpec;
use crate::why::ChangeRef;
use serde::{Deserialize, Deserializer, Serialize};
use timeline::check_timeline;

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
    /// The learner opened the "why?" of this change (`{restart: {container: web, n: 1}}`):
    /// met when one of the explanations the front end says were opened (`check_opened`)
    /// explains it.
    Explained { change: ChangeSpec },
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

pub(super) fn report(met: bool, note: Text) -> GoalReport {
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
pub(super) fn restarts(container: &str, n: u32) -> Text {
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

/// Evaluate one check, `opened` being the changes whose "why?" the learner opened in this run
/// (an `explained` goal looks at them; every other kind ignores them).
pub fn check_opened(
    c: &Check,
    loaded: &Loaded,
    tl: Option<&Timeline>,
    opened: &[ChangeRef],
) -> GoalReport {
    match (c, tl) {
        (Check::Explained { change }, Some(tl)) => explained(change, tl, opened),
        _ => check(c, loaded, tl),
    }
}

/// An `explained` goal: met when an opened change is explained by the cause `change` names.
fn explained(change: &ChangeSpec, tl: &Timeline, opened: &[ChangeRef]) -> GoalReport {
    let what = change.describe();
    if change.cause(tl).is_none() {
        return report(
            false,
            Text::new(
                format!("{} does not happen in this run", what.en),
                format!("이 실행에서는 {}이 일어나지 않음", what.ko),
            ),
        );
    }
    let met = opened.iter().any(|&o| change.matches(tl, o));
    let note = if met {
        Text::new(
            format!("you asked why: {}", what.en),
            format!("이유를 확인함: {}", what.ko),
        )
    } else {
        Text::new(
            format!("open \"why?\" on {}", what.en),
            format!("{}에서 \"왜?\"를 열어 보기", what.ko),
        )
    };
    report(met, note)
}

/// Evaluate one check. `tl` is None when the manifest is invalid (nothing ran). An
/// `explained` goal is never met here: it needs what the learner opened (`check_opened`).
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
