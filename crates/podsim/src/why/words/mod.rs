//! The words of an explanation, built only when one is shown: for each cause its title ("45s
//! — Killing …") and its detail (the facts it used, with their instants, and the arithmetic:
//! `45s + 30s = 1m15s`, `10s × 2² = 40s`), in English or Korean; and a short label for each
//! change, for marks and rows.

use super::cause::{Cause, Fact, FileFact, GraceFrom};
use super::change::{container_index, head, ChangeRef};
use super::fields::{container, probe_field};
use super::rule::Rule;
use crate::kubelet::constants::BACKOFF_RESET_AFTER;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{ProbeAction, RestartPolicy};
use crate::runtime::{FileOrigin, TermResponse};
use crate::schema::Lang;
use crate::sim::scenario::Action;
use crate::sim::Timeline;
use crate::time::{Millis, HOUR, MINUTE, SECOND};

mod container;
mod label;
mod pod;
mod probe;

use container::{exit_words, kill_words, start_words};
pub use label::{label, status_field_words};
pub use pod::file_words;
use pod::{condition_words, fault_words, phase_words};
use probe::verdict_words;
pub use probe::{last_run_ticks, probe_container, probe_run_words, run_ticks};

/// An instant or a duration as the explanations write them: `45s`, `2.8s`, `1m15.3s`, `5m`,
/// `1h2m`.
pub fn t(ms: Millis) -> String {
    let (h, m) = (ms / HOUR, (ms % HOUR) / MINUTE);
    let rest = ms % MINUTE;
    let (s, frac) = (rest / SECOND, rest % SECOND);
    let secs = match frac {
        0 => format!("{s}s"),
        f if f % 100 == 0 => format!("{s}.{}s", f / 100),
        f if f % 10 == 0 => format!("{s}.{:02}s", f / 10),
        f => format!("{s}.{f:03}s"),
    };
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if rest > 0 || out.is_empty() {
        out.push_str(&secs);
    }
    out
}

/// A superscript exponent: `²`.
fn sup(n: u8) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .map(|d| DIGITS[d.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// English or Korean.
fn pick(lang: Lang, en: String, ko: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Ko => ko,
    }
}

/// `1st`, `2nd`, `3rd`, `4th`.
fn nth(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A list of instants: `35s, 40s, 45s` (the first two and the last three of a long one).
fn instants(ts: &[Millis]) -> String {
    if ts.len() <= 6 {
        return ts.iter().map(|&x| t(x)).collect::<Vec<_>>().join(", ");
    }
    let head: Vec<String> = ts[..2].iter().map(|&x| t(x)).collect();
    let tail: Vec<String> = ts[ts.len() - 3..].iter().map(|&x| t(x)).collect();
    format!("{}, …, {}", head.join(", "), tail.join(", "))
}

/// What a step says: its title, its detail and, for a step over a stretch of time, when the
/// stretch began.
#[derive(Debug, Clone, Default)]
pub struct Said {
    pub title: String,
    pub detail: String,
    pub from: Option<Millis>,
}

/// The name of container `c`.
pub fn name(tl: &Timeline, c: usize) -> String {
    container(tl, c).map(|k| k.name.clone()).unwrap_or_default()
}

/// The first line of a probe's output, as its event quotes it.
fn output_line(out: &str) -> String {
    out.lines().next().unwrap_or("").trim().to_string()
}

/// PID 1's program: the command's first word, else the image's entrypoint's, else the
/// args' (an image without an entrypoint runs them), else the image's default command's.
fn pid1(tl: &Timeline, c: usize) -> Option<String> {
    let k = container(tl, c)?;
    let image = crate::runtime::images::lookup(&[], k.image())
        .ok()
        .map(|(i, _)| i);
    let argv0 = k
        .command
        .first()
        .or(image.and_then(|i| i.entrypoint.first()))
        .or(k.args.first())
        .or(image.and_then(|i| i.cmd.first()))?;
    Some(argv0.rsplit('/').next().unwrap_or(argv0).to_string())
}

/// The container's command line as written (command and args).
fn command_line(tl: &Timeline, c: usize) -> Option<String> {
    let k = container(tl, c)?;
    let words: Vec<&str> = k
        .command
        .iter()
        .chain(&k.args)
        .map(String::as_str)
        .collect();
    if words.is_empty() {
        return None;
    }
    // `sh -c 'script'`: the script is what the container does.
    if let Some(i) = words.iter().position(|w| *w == "-c") {
        if let Some(script) = words.get(i + 1) {
            return Some(script.to_string());
        }
    }
    Some(words.join(" "))
}

/// The cause at `id`.
fn get(tl: &Timeline, id: u32) -> Option<&Cause> {
    tl.causes.get(id as usize)
}

/// The first parent of `c` that is a `rule`-kind cause.
fn parent_where<'a>(tl: &'a Timeline, c: &Cause, f: impl Fn(&Cause) -> bool) -> Option<&'a Cause> {
    c.parents().filter_map(|p| get(tl, p)).find(|p| f(p))
}

/// The event message recorded with cause `id` and reason `reason`, if any.
fn event_message(tl: &Timeline, id: u32, reason: &str) -> Option<String> {
    tl.events
        .iter()
        .find(|e| e.cause == id && e.reason.as_str() == reason)
        .map(|e| e.message.clone())
}

fn policy_words(tl: &Timeline, lang: Lang) -> String {
    let spec = &tl.manifest.pod.spec;
    let p = spec.restart_policy();
    let default = tl
        .source
        .as_ref()
        .is_some_and(|s| !s.written("spec.restartPolicy"));
    match (lang, default) {
        (Lang::En, true) => format!("restartPolicy is {p} (the default: not set)"),
        (Lang::En, false) => format!("restartPolicy is {p}"),
        (Lang::Ko, true) => format!("restartPolicy가 {p}임(설정하지 않아 기본값)"),
        (Lang::Ko, false) => format!("restartPolicy가 {p}임"),
    }
}

/// What a cause says.
pub fn said(tl: &Timeline, id: u32, lang: Lang) -> Said {
    let Some(cause) = get(tl, id) else {
        return Said::default();
    };
    let c = cause.container().unwrap_or(0);
    let cname = name(tl, c);
    let at = cause.at;
    let l = |en: String, ko: String| pick(lang, en, ko);
    use Rule::*;
    let (title, detail, from) = match cause.rule {
        PodCreated => (
            l("Pod created".into(), "파드가 생성됨".into()),
            l(
                format!("kubectl created the Pod {}.", tl.pod_name),
                format!("kubectl이 파드 {}를 생성함.", tl.pod_name),
            ),
            None,
        ),
        Scheduled | NodeNameSet => {
            let node = tl.node.clone().unwrap_or_default();
            let d = if cause.rule == NodeNameSet {
                l(
                    format!("spec.nodeName names {node}: no scheduler involved."),
                    format!("spec.nodeName이 {node}를 지정해 스케줄러를 거치지 않음."),
                )
            } else {
                l(
                    format!("{node} passed every filter (taints, node selector, resources)."),
                    format!("{node}가 모든 필터(테인트, 노드 셀렉터, 리소스)를 통과함."),
                )
            };
            (
                l(format!("bound to {node}"), format!("{node}에 바인딩됨")),
                d,
                None,
            )
        }
        Unschedulable => {
            let msg = event_message(tl, id, "FailedScheduling").unwrap_or_default();
            (
                l("FailedScheduling".into(), "FailedScheduling: 스케줄링 실패".into()),
                l(
                    format!("The scheduler found no node: \"{msg}\" It tries again later; the Pod stays Pending."),
                    format!("스케줄러가 노드를 찾지 못함: \"{msg}\" 나중에 다시 시도하며 파드는 Pending에 머묾."),
                ),
                None,
            )
        }
        NodeNameUnknown => (
            l("no kubelet takes the Pod".into(), "파드를 맡는 kubelet이 없음".into()),
            l(
                "spec.nodeName names a node that is not in the cluster.".into(),
                "spec.nodeName이 클러스터에 없는 노드를 가리킴.".into(),
            ),
            None,
        ),
        SandboxReady => (
            l("sandbox ready".into(), "샌드박스 준비됨".into()),
            l(
                format!("The kubelet set up the Pod's sandbox and network in {} after binding.", t(at.saturating_sub(parent_at(tl, cause)))),
                format!("바인딩 뒤 {} 만에 kubelet이 파드의 샌드박스와 네트워크를 준비함.", t(at.saturating_sub(parent_at(tl, cause)))),
            ),
            None,
        ),
        StartFirst | StartAfterInit | InitInOrder | SidecarStart | RestartPolicy | RestartInit
        | SidecarRestart | RestartAfterKill => start_words(tl, cause, &cname, lang),
        CrashLoopBackOff => {
            let Fact::Wait { delay, since, step, capped, initial, max } = cause.fact else {
                return Said::default();
            };
            let ladder = if capped {
                l(
                    format!("{} × 2{} would pass the cap, so the wait is {}", t(initial), sup(step), t(delay)),
                    format!("{} × 2{}은 상한을 넘으므로 대기 시간은 {}임", t(initial), sup(step), t(delay)),
                )
            } else {
                format!("{} × 2{} = {}", t(initial), sup(step), t(delay))
            };
            (
                l(
                    format!("back-off {} before restarting {cname} (CrashLoopBackOff)", t(delay)),
                    format!("{cname} 재시작 전 백오프 {}(CrashLoopBackOff)", t(delay)),
                ),
                l(
                    format!(
                        "It exited at {}: the next start waits until {} ({} + {}). Each restart of a crashing container doubles the wait, from {}, up to {}: this is wait number {}, {ladder}. It resets once the container has run for {} without exiting. Meanwhile STATUS shows CrashLoopBackOff.",
                        t(since), t(since + delay), t(since), t(delay), t(initial), t(max), step + 1, t(BACKOFF_RESET_AFTER)
                    ),
                    format!(
                        "{}에 종료됨. 다음 시작은 {}({} + {})까지 기다림. 계속 실패하는 컨테이너는 재시작할 때마다 대기 시간이 {}에서 두 배씩 늘어 최대 {}임. 이번이 {}번째 대기로 {ladder}. 컨테이너가 종료 없이 {} 실행되면 초기화됨. 그동안 STATUS는 CrashLoopBackOff임.",
                        t(since), t(since + delay), t(since), t(delay), t(initial), t(max), step + 1, t(BACKOFF_RESET_AFTER)
                    ),
                ),
                Some(since),
            )
        }
        ImagePresent => {
            let k = container(tl, c);
            let image = k.map(|k| k.image().to_string()).unwrap_or_default();
            let policy = k.map(|k| k.pull_policy().as_str()).unwrap_or("IfNotPresent");
            (
                l(format!("image {image} already on the node"), format!("이미지 {image}가 이미 노드에 있음")),
                l(
                    format!("imagePullPolicy is {policy}: the image on the node is used, nothing is pulled."),
                    format!("imagePullPolicy가 {policy}라서 노드의 이미지를 그대로 쓰고 풀하지 않음."),
                ),
                None,
            )
        }
        ImagePull => {
            let k = container(tl, c);
            let image = k.map(|k| k.image().to_string()).unwrap_or_default();
            let always = k.is_some_and(|k| k.pull_policy() == crate::model::PullPolicy::Always);
            let latest = crate::api::defaults::image_tag(&image) == Some("latest");
            let d = match (always, latest) {
                (true, true) => l(
                    "imagePullPolicy is Always (the default for `:latest` or no tag): every start pulls, even when the image is on the node.".into(),
                    "imagePullPolicy가 Always임(`:latest`이거나 태그가 없을 때의 기본값). 노드에 이미지가 있어도 시작할 때마다 풀함.".into(),
                ),
                (true, false) => l(
                    "imagePullPolicy is Always: every start pulls.".into(),
                    "imagePullPolicy가 Always라서 시작할 때마다 풀함.".into(),
                ),
                _ => l(
                    "The image is not on the node yet (imagePullPolicy IfNotPresent).".into(),
                    "이미지가 아직 노드에 없음(imagePullPolicy IfNotPresent).".into(),
                ),
            };
            (l(format!("pulling {image}"), format!("{image} 풀 시작")), d, None)
        }
        ImagePulled => {
            let took = match cause.fact {
                Fact::Pull { took } => took,
                _ => 0,
            };
            let image = container(tl, c).map(|k| k.image().to_string()).unwrap_or_default();
            let why = cause
                .parents()
                .next()
                .map(|p| said(tl, p, lang).detail)
                .unwrap_or_default();
            (
                l(format!("image {image} pulled"), format!("이미지 {image} 풀 완료")),
                l(
                    format!("The pull took {} ({} → {}). {why}", t(took), t(at.saturating_sub(took)), t(at)),
                    format!("풀에 {} 걸림({} → {}). {why}", t(took), t(at.saturating_sub(took)), t(at)),
                ),
                Some(at.saturating_sub(took)),
            )
        }
        ImagePullFailed => {
            let msg = event_message(tl, id, "Failed").unwrap_or_default();
            (
                l("image pull failed (ErrImagePull)".into(), "이미지 풀 실패(ErrImagePull)".into()),
                l(format!("\"{msg}\""), format!("\"{msg}\"")),
                None,
            )
        }
        ImagePullBackOff => {
            let (delay, since, max) = match cause.fact {
                Fact::Wait { delay, since, max, .. } => (delay, since, max),
                _ => (0, at, crate::kubelet::constants::IMAGE_BACKOFF_MAX),
            };
            (
                l(format!("image pull back-off {}", t(delay)), format!("이미지 풀 백오프 {}", t(delay))),
                l(
                    format!("The pull failed at {}: the next try waits until {} ({} + {}), doubling after each failure up to {}. STATUS shows ImagePullBackOff.", t(since), t(since + delay), t(since), t(delay), t(max)),
                    format!("{}에 풀이 실패해 다음 시도는 {}({} + {})까지 기다림. 실패할 때마다 두 배로 늘어 최대 {}임. STATUS는 ImagePullBackOff임.", t(since), t(since + delay), t(since), t(delay), t(max)),
                ),
                Some(since),
            )
        }
        ImageNeverPull | InvalidImageName | ContainerConfigError => {
            let reason = match cause.rule {
                ImageNeverPull => "ErrImageNeverPull",
                InvalidImageName => "InvalidImageName",
                _ => "CreateContainerConfigError",
            };
            let msg = tl
                .events
                .iter()
                .find(|e| e.cause == id && e.message != format!("Error: {reason}"))
                .map(|e| e.message.clone())
                .unwrap_or_default();
            (
                l(format!("{cname} cannot start: {reason}"), format!("{cname} 시작 불가: {reason}")),
                l(format!("\"{msg}\""), format!("\"{msg}\"")),
                None,
            )
        }
        StartError => {
            let msg = event_message(tl, id, "Failed").unwrap_or_default();
            (
                l(format!("{cname} could not start (128, StartError)"), format!("{cname} 시작 실패(128, StartError)")),
                l(
                    format!("The runtime created the container but could not start its command: \"{msg}\""),
                    format!("런타임이 컨테이너는 만들었지만 명령을 시작하지 못함: \"{msg}\""),
                ),
                None,
            )
        }
        ExitCompleted | ExitError | OomKilled | ExitOnSigterm | SigkillAfterGrace | KilledOutside => {
            exit_words(tl, cause, &cname, lang)
        }
        WaitingToCreate => (
            l(format!("{cname} waiting: ContainerCreating"), format!("{cname} 대기: ContainerCreating")),
            l(
                "The kubelet is preparing it (sandbox, image) and has not started it yet.".into(),
                "kubelet이 샌드박스와 이미지를 준비하는 중이라 아직 시작하지 않음.".into(),
            ),
            None,
        ),
        WaitingForInit => (
            l(format!("{cname} waiting: PodInitializing"), format!("{cname} 대기: PodInitializing")),
            l(
                "It waits until the init containers have completed.".into(),
                "초기화 컨테이너가 완료될 때까지 기다림.".into(),
            ),
            None,
        ),
        ProbeFailed | ProbeErrored | ProbeSucceeded => probe_run_words(tl, cause, &cname, cause.at, lang),
        LivenessFailed | StartupFailed | StartupSucceeded | ReadinessFailed | ReadinessSucceeded => {
            verdict_words(tl, cause, &cname, lang)
        }
        LivenessKill | StartupKill | PostStartKill | PodDoneStop | InitFailedStop | DeletionStop
        | DeadlineStop => kill_words(tl, id, cause, &cname, lang),
        PostStartHookFailed | PreStopHookFailed => {
            let (hook, ev) = if cause.rule == PostStartHookFailed {
                ("postStart", "FailedPostStartHook")
            } else {
                ("preStop", "FailedPreStopHook")
            };
            (
                l(format!("{cname}: {ev}"), format!("{cname}: {ev}")),
                l(
                    format!("Its {hook} hook failed."),
                    format!("{hook} 훅이 실패함."),
                ),
                None,
            )
        }
        PodDeleted => {
            let grace = match cause.fact {
                Fact::Deletion { grace_seconds } => grace_seconds,
                _ => 0,
            };
            let end = at + (grace.max(0) as u64) * SECOND;
                        (
                l(
                    format!("deletion requested (grace period {grace}s)"),
                    format!("삭제 요청됨(유예 시간 {grace}s)"),
                ),
                l(
                    format!("The Pod got a deletion timestamp: grace period {grace}s, until {} ({} + {grace}s).", t(end), t(at)),
                    format!("파드에 삭제 타임스탬프가 붙음. 유예 시간 {grace}s, {}({} + {grace}s)까지임.", t(end), t(at)),
                ),
                None,
            )
        }
        PodRemoved => (
            l("Pod removed".into(), "파드가 제거됨".into()),
            l(
                "Every container had stopped: the object is gone from the API.".into(),
                "모든 컨테이너가 멈춰 API에서 객체가 사라짐.".into(),
            ),
            None,
        ),
        DeadlineExceeded => {
            let ads = tl.manifest.pod.spec.active_deadline_seconds.unwrap_or(0);
            let start = parent_at(tl, cause);
            (
                l("DeadlineExceeded".into(), "DeadlineExceeded".into()),
                l(
                    format!("activeDeadlineSeconds {ads}: the Pod started at {}, {} + {ads}s = {}.", t(start), t(start), t(at)),
                    format!("activeDeadlineSeconds가 {ads}임. 파드가 {}에 시작해 {} + {ads}s = {}임.", t(start), t(start), t(at)),
                ),
                None,
            )
        }
        NodeLost => (
            l("the node stopped reporting".into(), "노드가 보고를 멈춤".into()),
            l("The scenario cut the node off.".into(), "시나리오가 노드를 끊음.".into()),
            None,
        ),
        NodeNotReady => (
            l("node NotReady".into(), "노드 NotReady".into()),
            l(
                format!("Silent since {}: after the node-monitor grace period (40s) the node controller marked it NotReady.", t(parent_at(tl, cause))),
                format!("{}부터 응답이 없어 노드 모니터 유예 시간(40s) 뒤 노드 컨트롤러가 NotReady로 표시함.", t(parent_at(tl, cause))),
            ),
            None,
        ),
        TaintEviction => (
            l("TaintManagerEviction".into(), "TaintManagerEviction".into()),
            l(
                format!("The node's unreachable:NoExecute taint evicts the Pod once its toleration runs out ({} after NotReady).", t(at.saturating_sub(parent_at(tl, cause)))),
                format!("노드의 unreachable:NoExecute 테인트가 톨러레이션 시간이 지나자({} 뒤) 파드를 축출함.", t(at.saturating_sub(parent_at(tl, cause)))),
            ),
            None,
        ),
        ScenarioFault | FileChanged => fault_words(tl, cause, lang),
        PhasePendingUnscheduled | PhasePendingInit | PhasePendingWaiting | PhaseRunning
        | PhaseRunningRestarting | PhaseSucceeded | PhaseFailed | PhaseFailedInit
        | PhaseFailedDeadline | PhaseKeptTerminal => phase_words(tl, cause, lang),
        ContainersReady | ContainersNotReady | PodReady | PodNotReadyNodeLost | Initialized
        | NotInitialized | PodScheduledCondition | SandboxCondition | SandboxGone
        | DisruptionTarget => condition_words(tl, cause, lang),
    };
    Said {
        title,
        detail,
        from,
    }
}

/// When the main parent of `c` happened (its own instant when it has none).
fn parent_at(tl: &Timeline, c: &Cause) -> Millis {
    c.parents()
        .filter_map(|p| get(tl, p))
        .map(|p| p.at)
        .next()
        .unwrap_or(c.at)
}

/// The initial delay a back-off ladder started from.
type Parts = (String, String, Option<Millis>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_as_the_examples_write_them() {
        assert_eq!(t(45_000), "45s");
        assert_eq!(t(2_800), "2.8s");
        assert_eq!(t(75_300), "1m15.3s");
        assert_eq!(t(74_350), "1m14.35s");
        assert_eq!(t(60_000), "1m");
        assert_eq!(t(300_000), "5m");
        assert_eq!(t(0), "0s");
        assert_eq!(t(3_723_000), "1h2m3s");
        assert_eq!(sup(2), "²");
        assert_eq!(nth(3), "3rd");
        assert_eq!(nth(11), "11th");
    }
}
