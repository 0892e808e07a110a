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

/// The probe runs of container `c`'s `kind` probe with `result`, in a row, from `from` up
/// to `upto`.
pub fn run_ticks(
    tl: &Timeline,
    c: usize,
    kind: ProbeKind,
    result: ProbeResult,
    from: Millis,
    upto: Millis,
) -> Vec<Millis> {
    let Some(cname) = container(tl, c).map(|k| k.name.as_str()) else {
        return Vec::new();
    };
    let start = tl.probes.partition_point(|p| p.t_ms < from);
    let mut out = Vec::new();
    for p in &tl.probes[start..] {
        if p.t_ms > upto {
            break;
        }
        if &*p.container != cname || p.probe != kind {
            continue;
        }
        if p.result != result {
            break;
        }
        out.push(p.t_ms);
    }
    out
}

/// The last `run` results of container `c`'s `kind` probe equal to `result` at or before
/// `upto`, in a row (errors in between skipped, as the thresholds skip them): the run a
/// verdict counted.
pub fn last_run_ticks(
    tl: &Timeline,
    c: usize,
    kind: ProbeKind,
    result: ProbeResult,
    upto: Millis,
    run: u32,
) -> Vec<Millis> {
    let Some(cname) = container(tl, c).map(|k| k.name.as_str()) else {
        return Vec::new();
    };
    let end = tl.probes.partition_point(|p| p.t_ms <= upto);
    let mut out: Vec<Millis> = tl.probes[..end]
        .iter()
        .rev()
        .filter(|p| &*p.container == cname && p.probe == kind)
        .take_while(|p| p.result == result || p.result == ProbeResult::Unknown)
        .filter(|p| p.result == result)
        .take(run as usize)
        .map(|p| p.t_ms)
        .collect();
    out.reverse();
    out
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

fn start_words(tl: &Timeline, cause: &Cause, cname: &str, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let (n, reset) = match cause.fact {
        Fact::Instance { n, backoff_reset } => (n, backoff_reset),
        _ => (0, false),
    };
    let title = if n == 0 {
        l(format!("{cname} started"), format!("{cname} 시작됨"))
    } else {
        l(
            format!("{cname} started again (restartCount {n})"),
            format!("{cname} 다시 시작됨(restartCount {n})"),
        )
    };
    let parent = cause.parents().next().and_then(|p| get(tl, p));
    let pulled = parent_where(tl, cause, |p| p.rule == Rule::ImagePulled);
    let mut detail = match (cause.rule, parent) {
        (Rule::RestartAfterKill, _) => l(
            format!("The kubelet restarts a container it killed for a failed probe in the same sync that killed it: {}. No back-off wait: back-off counts from a container that exited by itself, and this one was still running when that sync began.", policy_words(tl, Lang::En)),
            format!("프로브 실패로 종료시킨 컨테이너는 같은 동기화에서 다시 시작함. {}. 백오프 대기는 없음: 백오프는 스스로 종료된 컨테이너를 기준으로 세는데, 이 동기화가 시작될 때 컨테이너는 아직 실행 중이었음.", policy_words(tl, Lang::Ko)),
        ),
        (Rule::RestartPolicy | Rule::RestartInit | Rule::SidecarRestart, Some(p)) => {
            let policy = policy_words(tl, lang);
            match p.fact {
                Fact::Wait { delay, since, .. } => l(
                    format!("{policy}. Its back-off had run out: {} after its exit at {} ({} + {} = {}).", t(delay), t(since), t(since), t(delay), t(since + delay)),
                    format!("{policy}. 백오프가 끝남: {}에 종료되고 {} 뒤({} + {} = {})임.", t(since), t(delay), t(since), t(delay), t(since + delay)),
                ),
                Fact::Exit { code, .. } => l(
                    format!("{policy}, so exit code {code} at {} is followed by a restart. This was the first restart after a while: no back-off wait yet (it starts with the next exit).", t(p.at)),
                    format!("{policy}. 그래서 {}의 종료 코드 {code} 뒤 다시 시작함. 최근 첫 재시작이라 백오프 대기는 아직 없음(다음 종료부터 기다림).", t(p.at)),
                ),
                _ => policy,
            }
        }
        (Rule::InitInOrder, Some(p)) if p.container() != cause.container() && p.container().is_some() => {
            let prev = name(tl, p.container().unwrap_or(0));
            l(
                format!("Init containers run one at a time, in the order listed: it started only after {prev} completed at {}.", t(p.at)),
                format!("초기화 컨테이너는 나열된 순서대로 하나씩 실행됨. {prev}가 {}에 완료된 뒤에야 시작함.", t(p.at)),
            )
        }
        (Rule::InitInOrder, _) => l(
            "It is the first init container: it runs before anything else.".into(),
            "첫 번째 초기화 컨테이너라 다른 컨테이너보다 먼저 실행됨.".into(),
        ),
        (Rule::StartAfterInit, Some(p)) => {
            let prev = name(tl, p.container().unwrap_or(0));
            l(
                format!("App containers start once every init container is done: the last one, {prev}, was done at {}.", t(p.at)),
                format!("앱 컨테이너는 모든 초기화 컨테이너가 끝나야 시작함. 마지막인 {prev}가 {}에 끝남.", t(p.at)),
            )
        }
        (Rule::SidecarStart, _) => l(
            "It is a sidecar (an init container with restartPolicy: Always): it starts in its turn and keeps running beside the app containers.".into(),
            "사이드카(restartPolicy: Always인 초기화 컨테이너)라서 차례에 시작해 앱 컨테이너와 함께 계속 실행됨.".into(),
        ),
        (_, Some(p)) => l(
            format!("It had never run; the sandbox was ready at {}.", t(p.at)),
            format!("한 번도 실행된 적 없음. 샌드박스는 {}에 준비됨.", t(p.at)),
        ),
        _ => String::new(),
    };
    if let Some(p) = pulled {
        let took = match p.fact {
            Fact::Pull { took } => took,
            _ => 0,
        };
        detail.push(' ');
        if took <= crate::kubelet::constants::CACHED_PULL_MS {
            detail.push_str(&l(
                format!("imagePullPolicy is Always: the kubelet asked the registry for a newer image first ({} → {}, {}).", t(p.at.saturating_sub(took)), t(p.at), t(took)),
                format!("imagePullPolicy가 Always라서 먼저 레지스트리에 새 이미지가 있는지 확인함({} → {}, {}).", t(p.at.saturating_sub(took)), t(p.at), t(took)),
            ));
        } else {
            detail.push_str(&l(
                format!(
                    "Its image was pulled first ({} → {}, {}).",
                    t(p.at.saturating_sub(took)),
                    t(p.at),
                    t(took)
                ),
                format!(
                    "먼저 이미지를 풀함({} → {}, {}).",
                    t(p.at.saturating_sub(took)),
                    t(p.at),
                    t(took)
                ),
            ));
        }
    }
    if reset {
        detail.push(' ');
        detail.push_str(&l(
            "Its back-off had been reset: it had run 10 minutes without exiting.".into(),
            "10분 동안 종료 없이 실행되어 백오프가 초기화되었음.".into(),
        ));
    }
    (title, detail, None)
}

fn exit_words(tl: &Timeline, cause: &Cause, cname: &str, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let c = cause.container().unwrap_or(0);
    let (code, term) = match cause.fact {
        Fact::Exit { code, term, .. } => (code, term),
        _ => (0, None),
    };
    let started = parent_where(tl, cause, |p| matches!(p.fact, Fact::Instance { .. }));
    let ran: String = started
        .filter(|s| s.at < cause.at)
        .map(|s| {
            l(
                format!(
                    " It ran from {} to {} ({}).",
                    t(s.at),
                    t(cause.at),
                    t(cause.at.saturating_sub(s.at))
                ),
                format!(
                    " {}부터 {}까지 실행됨({}).",
                    t(s.at),
                    t(cause.at),
                    t(cause.at.saturating_sub(s.at))
                ),
            )
        })
        .unwrap_or_default();
    let cmd = command_line(tl, c);
    let cmd_en = cmd
        .as_ref()
        .map(|c| format!("The command `{c}`"))
        .unwrap_or_else(|| "Its program".into());
    let cmd_ko = cmd
        .as_ref()
        .map(|c| format!("명령 `{c}`"))
        .unwrap_or_else(|| "이미지 프로그램".into());
    let from = started.map(|s| s.at);
    match cause.rule {
        Rule::ExitCompleted => (
            l(format!("{cname} exited with 0 (Completed)"), format!("{cname} 종료 코드 0으로 종료됨(Completed)")),
            l(format!("{cmd_en} finished.{}", ran), format!("{cmd_ko}이 끝남.{}", ran)),
            from,
        ),
        Rule::ExitError => {
            let restarts = tl.manifest.pod.spec.restart_policy().restarts_after(code);
            let more = if restarts {
                l(format!(" {}: it is restarted whatever its exit code.", policy_words(tl, Lang::En)), format!(" {}: 종료 코드와 상관없이 다시 시작함.", policy_words(tl, Lang::Ko)))
            } else {
                String::new()
            };
            (
                l(format!("{cname} exited with {code} (Error)"), format!("{cname} 종료 코드 {code}로 종료됨(Error)")),
                l(
                    format!("{cmd_en} ended with exit code {code}.{}{more}", ran),
                    format!("{cmd_ko}이 종료 코드 {code}로 끝남.{}{more}", ran),
                ),
                from,
            )
        }
        Rule::OomKilled => {
            let limit = container(tl, c)
                .and_then(|k| k.limit("memory"))
                .map(|q| q.0.clone())
                .unwrap_or_default();
            (
                l(format!("{cname} exited with 137 (OOMKilled)"), format!("{cname} 종료 코드 137로 종료됨(OOMKilled)")),
                l(
                    format!("137 = 128 + 9: the kernel killed it for using more memory than its limit {limit}."),
                    format!("137 = 128 + 9: 메모리 한도 {limit}를 넘어 커널이 종료시킴."),
                ),
                from,
            )
        }
        Rule::KilledOutside => (
            l(format!("{cname} killed (137)"), format!("{cname} 강제 종료됨(137)")),
            l(
                "137 = 128 + 9: SIGKILL from outside the kubelet (the scenario), like an OOM kill or `kill -9`.".into(),
                "137 = 128 + 9: kubelet 밖(시나리오)에서 보낸 SIGKILL임. OOM 종료나 `kill -9`과 같음.".into(),
            ),
            from,
        ),
        _ => {
            let kill = parent_where(tl, cause, |p| matches!(p.fact, Fact::Kill { .. }));
            let (kill_at, grace) = match kill.map(|k| (k.at, k.fact)) {
                Some((at, Fact::Kill { grace, .. })) => (at, grace),
                _ => (cause.at, 0),
            };
            let prog = pid1(tl, c).unwrap_or_else(|| "the image's program".into());
            let shell = matches!(prog.as_str(), "sh" | "bash" | "ash" | "dash");
            if cause.rule == Rule::SigkillAfterGrace {
                let why_en = match term {
                    Some(TermResponse::Ignored) if shell => format!("the container's PID 1 is `{prog}`, which has no handler for SIGTERM and so ignores it"),
                    Some(TermResponse::Ignored) => format!("its PID 1 `{prog}` has no handler for SIGTERM and so ignores it"),
                    Some(TermResponse::Trapped) => "its shell trapped SIGTERM but did not exit in time".to_string(),
                    _ => "it did not exit in time".to_string(),
                };
                let why_ko = match term {
                    Some(TermResponse::Ignored) => format!("PID 1인 `{prog}`에 SIGTERM 핸들러가 없어 무시됨"),
                    Some(TermResponse::Trapped) => "셸이 SIGTERM을 트랩했지만 제때 종료하지 않음".to_string(),
                    _ => "제때 종료하지 않음".to_string(),
                };
                (
                    l(format!("{cname} exited with 137 (SIGKILL)"), format!("{cname} 종료 코드 137(SIGKILL)로 종료됨")),
                    l(
                        format!("137 = 128 + 9. The kubelet sent SIGTERM at {}; {why_en}. After the grace period of {} ({} + {} = {}) the runtime sent SIGKILL.", t(kill_at), t(grace), t(kill_at), t(grace), t(cause.at)),
                        format!("137 = 128 + 9. kubelet이 {}에 SIGTERM을 보냈지만 {why_ko}. 유예 시간 {}가 지난 뒤({} + {} = {}) SIGKILL로 종료됨.", t(kill_at), t(grace), t(kill_at), t(grace), t(cause.at)),
                    ),
                    Some(kill_at),
                )
            } else {
                let sig = if code == 143 {
                    l(" 143 = 128 + 15 (SIGTERM).".into(), " 143 = 128 + 15(SIGTERM).".into())
                } else {
                    String::new()
                };
                (
                    l(format!("{cname} exited with {code} after SIGTERM"), format!("{cname} SIGTERM 뒤 종료 코드 {code}로 종료됨")),
                    l(
                        format!("The kubelet sent SIGTERM at {}; `{prog}` handles it and exited {} later, within the grace period of {}.{sig}", t(kill_at), t(cause.at.saturating_sub(kill_at)), t(grace)),
                        format!("kubelet이 {}에 SIGTERM을 보냄. `{prog}`가 이를 처리해 {} 뒤 유예 시간 {} 안에 종료됨.{sig}", t(kill_at), t(cause.at.saturating_sub(kill_at)), t(grace)),
                    ),
                    Some(kill_at),
                )
            }
        }
    }
}

/// A run of probe results up to `upto`.
pub fn probe_run_words(tl: &Timeline, run: &Cause, cname: &str, upto: Millis, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let c = run.container().unwrap_or(0);
    let Fact::Probe { kind, result, .. } = run.fact else {
        return Default::default();
    };
    let ticks = run_ticks(tl, c, kind, result, run.at, upto.max(run.at));
    let n = ticks.len().max(1);
    let last = ticks.last().copied().unwrap_or(run.at);
    let output = {
        let end = tl.probes.partition_point(|p| p.t_ms <= last);
        tl.probes[..end]
            .iter()
            .rev()
            .find(|p| &*p.container == cname && p.probe == kind)
            .map(|p| output_line(&p.output))
            .unwrap_or_default()
    };
    let field = probe_field(kind);
    let probe = container(tl, c).and_then(|k| match kind {
        ProbeKind::Liveness => k.liveness_probe.as_ref(),
        ProbeKind::Readiness => k.readiness_probe.as_ref(),
        ProbeKind::Startup => k.startup_probe.as_ref(),
    });
    let (what_en, what_ko) = match probe.and_then(|p| p.action()) {
        Some(ProbeAction::Exec(e)) => {
            let cmd = e.command.join(" ");
            match result {
                ProbeResult::Success => (
                    format!("`{cmd}` exited 0"),
                    format!("`{cmd}`가 종료 코드 0으로 끝남"),
                ),
                _ => (
                    format!("`{cmd}` failed: \"{output}\". An exec probe succeeds only on exit 0"),
                    format!(
                        "`{cmd}`가 실패함: \"{output}\". exec 프로브는 종료 코드가 0일 때만 성공임"
                    ),
                ),
            }
        }
        Some(ProbeAction::HttpGet(h)) => {
            let path = h.path.clone().unwrap_or_else(|| "/".into());
            match result {
                ProbeResult::Success => (format!("GET {path} answered 200–399"), format!("GET {path}가 200–399로 응답함")),
                _ => (
                    format!("GET {path}: \"{output}\". An HTTP probe succeeds on a status from 200 to 399"),
                    format!("GET {path}: \"{output}\". HTTP 프로브는 상태 코드가 200–399일 때만 성공임"),
                ),
            }
        }
        Some(ProbeAction::TcpSocket(_)) => match result {
            ProbeResult::Success => ("the TCP connection opened".into(), "TCP 연결이 열림".into()),
            _ => (
                format!("the TCP connection failed: \"{output}\""),
                format!("TCP 연결 실패: \"{output}\""),
            ),
        },
        Some(ProbeAction::Grpc(_)) => match result {
            ProbeResult::Success => (
                "the gRPC health service answered SERVING".into(),
                "gRPC 헬스 서비스가 SERVING으로 응답함".into(),
            ),
            _ => (
                format!("gRPC health check: \"{output}\""),
                format!("gRPC 헬스 체크: \"{output}\""),
            ),
        },
        None => (output.clone(), output.clone()),
    };
    let (verb_en, verb_ko) = match result {
        ProbeResult::Success => ("succeeded", "성공함"),
        ProbeResult::Failure => ("failed", "실패함"),
        ProbeResult::Unknown => ("errored", "오류가 남"),
    };
    let title = if n == 1 {
        l(
            format!("{field} {verb_en} at {}", t(last)),
            format!("{}에 {field} {verb_ko}", t(last)),
        )
    } else {
        l(
            format!("{field} {verb_en} {n} times: {}", instants(&ticks)),
            format!("{field} {n}번 {verb_ko}: {}", instants(&ticks)),
        )
    };
    let mut detail = l(format!("{what_en}."), format!("{what_ko}."));
    // An exec probe reading a file nothing has created yet (in this instance).
    if let (ProbeResult::Failure, Some(ProbeAction::Exec(e))) =
        (result, probe.and_then(|p| p.action()))
    {
        let instance = tl
            .logs
            .iter()
            .filter(|g| g.container == cname && g.started_at <= run.at)
            .map(|g| g.restart)
            .max();
        for path in e
            .command
            .iter()
            .flat_map(|w| w.split_whitespace())
            .filter(|w| w.starts_with('/'))
        {
            let ever = tl.files.iter().any(|f| {
                f.path == path
                    && f.at <= run.at
                    && (usize::from(f.container) != c || Some(f.instance) == instance)
            });
            if !ever {
                detail.push(' ');
                detail.push_str(&l(
                    format!("Nothing had created {path} yet."),
                    format!("아직 아무것도 {path}를 만들지 않았음."),
                ));
            }
        }
    }
    let from = (n > 1).then_some(ticks[0]);
    (title, detail, from)
}

fn verdict_words(tl: &Timeline, cause: &Cause, cname: &str, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let c = cause.container().unwrap_or(0);
    let Fact::Probe {
        kind,
        result,
        run,
        threshold,
    } = cause.fact
    else {
        return Default::default();
    };
    let field = probe_field(kind);
    let probe = container(tl, c).and_then(|k| match kind {
        ProbeKind::Liveness => k.liveness_probe.as_ref(),
        ProbeKind::Readiness => k.readiness_probe.as_ref(),
        ProbeKind::Startup => k.startup_probe.as_ref(),
    });
    let period = probe.map(|p| p.period()).unwrap_or(10);
    let delay = probe.map(|p| p.initial_delay()).unwrap_or(0);
    let written = |f: &str| {
        let path = format!("{}.{field}.{f}", super::fields::container_path(tl, c));
        tl.source.as_ref().is_none_or(|s| s.written(&path))
    };
    // The run that reached the threshold.
    let ticks = last_run_ticks(tl, c, kind, result, cause.at, run);
    let _ = cname;
    let (threshold_name, default_threshold) = match result {
        ProbeResult::Success => ("successThreshold", 1),
        _ => ("failureThreshold", 3),
    };
    let th_en = if written(threshold_name) {
        format!("{threshold_name} {threshold}")
    } else {
        format!("{threshold_name} (default {default_threshold})")
    };
    let th_ko = if written(threshold_name) {
        format!("{threshold_name} {threshold}")
    } else {
        format!("{threshold_name}(기본값 {default_threshold})")
    };
    let every_en = format!("one probe every {period}s");
    let every_ko = format!("{period}초마다 진단함");
    let (title, detail) = match (kind, result) {
        (_, ProbeResult::Failure) => (
            l(
                format!("{field} failed {run} times in a row"),
                format!("{field}가 연속 {run}번 실패함"),
            ),
            l(
                format!(
                    "The {} failure in a row ({}) reached {th_en}; {every_en}.",
                    nth(run),
                    instants(&ticks)
                ),
                format!(
                    "연속 {run}번째 실패({})로 {th_ko}에 도달함. {every_ko}.",
                    instants(&ticks)
                ),
            ),
        ),
        (_, _) => {
            let first = ticks.first().copied().unwrap_or(cause.at);
            let started = tl
                .causes
                .iter()
                .rev()
                .find(|s| {
                    s.at <= cause.at
                        && s.container == cause.container
                        && matches!(s.fact, Fact::Instance { .. })
                })
                .map(|s| s.at);
            let delay_en = match (started, delay) {
                (Some(s), d) if d > 0 => format!(" The first probe may run {d}s after the start at {} (initialDelaySeconds {d}); {every_en}.", t(s)),
                _ => format!(" {}.", every_en[..1].to_uppercase() + &every_en[1..]),
            };
            let delay_ko = match (started, delay) {
                (Some(s), d) if d > 0 => format!(
                    " 첫 진단은 {} 시작 뒤 {d}s부터임(initialDelaySeconds {d}). {every_ko}.",
                    t(s)
                ),
                _ => format!(" {every_ko}."),
            };
            let effect_en = match kind {
                ProbeKind::Startup => {
                    " The container counts as started: liveness and readiness probes begin."
                }
                _ => " The container is ready.",
            };
            let effect_ko = match kind {
                ProbeKind::Startup => {
                    " 컨테이너가 시작된 것으로 보고 livenessProbe와 readinessProbe가 시작됨."
                }
                _ => " 컨테이너가 준비됨.",
            };
            let last = ticks.last().copied().unwrap_or(cause.at);
            let en = if run == 1 {
                format!("It succeeded at {}, reaching {th_en}.", t(last))
            } else {
                format!(
                    "The {} success in a row ({}) reached {th_en}.",
                    nth(run),
                    instants(&ticks)
                )
            };
            let ko = if run == 1 {
                format!("{}에 성공해 {th_ko}에 도달함.", t(last))
            } else {
                format!(
                    "연속 {run}번째 성공({})으로 {th_ko}에 도달함.",
                    instants(&ticks)
                )
            };
            let _ = first;
            (
                l(format!("{field} succeeded"), format!("{field} 성공")),
                l(
                    format!("{en}{effect_en}{delay_en}"),
                    format!("{ko}{effect_ko}{delay_ko}"),
                ),
            )
        }
    };
    let from = (ticks.len() > 1).then(|| ticks[0]);
    (title, detail, from)
}

fn kill_words(tl: &Timeline, id: u32, cause: &Cause, cname: &str, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let Fact::Kill {
        grace,
        grace_from,
        restart,
        ..
    } = cause.fact
    else {
        return Default::default();
    };
    let msg = event_message(tl, id, "Killing").unwrap_or_default();
    let written = tl
        .source
        .as_ref()
        .is_none_or(|s| s.written("spec.terminationGracePeriodSeconds"));
    let (from_en, from_ko) = match grace_from {
        GraceFrom::Pod if written => (
            "spec.terminationGracePeriodSeconds".to_string(),
            "spec.terminationGracePeriodSeconds".to_string(),
        ),
        GraceFrom::Pod => (
            "terminationGracePeriodSeconds not set: default 30s".to_string(),
            "terminationGracePeriodSeconds를 설정하지 않아 기본값 30s".to_string(),
        ),
        GraceFrom::Probe => (
            "the probe's own terminationGracePeriodSeconds".to_string(),
            "프로브의 terminationGracePeriodSeconds".to_string(),
        ),
        GraceFrom::Deletion => (
            "what is left of the deletion's grace period".to_string(),
            "삭제 유예 시간의 남은 부분".to_string(),
        ),
        GraceFrom::Minimum => (
            "raised to the 2s minimum".to_string(),
            "최소값 2s로 올림".to_string(),
        ),
    };
    let end = cause.at + grace;
    let then_en = if restart {
        " It will be restarted once it is gone."
    } else {
        ""
    };
    let then_ko = if restart {
        " 종료되면 다시 시작됨."
    } else {
        ""
    };
    (
        l(format!("Killing {cname}: \"{msg}\""), format!("{cname} 종료 시작(Killing): \"{msg}\"")),
        l(
            format!("Grace period {} ({from_en}): SIGTERM now (after any preStop hook), SIGKILL at {} ({} + {}) if it still runs.{then_en}", t(grace), t(end), t(cause.at), t(grace)),
            format!("유예 시간 {}({from_ko}). 지금(preStop 훅이 있으면 그 뒤) SIGTERM을 보내고, {}({} + {})에도 실행 중이면 SIGKILL을 보냄.{then_ko}", t(grace), t(end), t(cause.at), t(grace)),
        ),
        None,
    )
}

fn fault_words(tl: &Timeline, cause: &Cause, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let Fact::Fault { index } = cause.fact else {
        return Default::default();
    };
    let Some(f) = tl.faults.get(usize::from(index)) else {
        return Default::default();
    };
    let (en, ko) = match &f.action {
        Action::CreateService { name } => (
            format!("Service {name} created"),
            format!("서비스 {name} 생성됨"),
        ),
        Action::KillContainer { container } => (
            format!("{container} killed from outside (SIGKILL)"),
            format!("외부에서 {container} 강제 종료(SIGKILL)"),
        ),
        Action::FailEndpoint { port, path, status } => (
            format!("port {port} {path} now answers {status}"),
            format!("포트 {port} {path}가 이제 {status}로 응답함"),
        ),
        Action::RemoveFile { container, path } => (
            format!("{path} removed from {container}"),
            format!("{container}에서 {path} 삭제됨"),
        ),
        Action::CreateFile {
            container, path, ..
        } => (
            format!("{path} created in {container}"),
            format!("{container}에 {path} 생성됨"),
        ),
        Action::LoseNode => ("the node is lost".into(), "노드가 끊김".into()),
        Action::DeletePod {
            grace_period_seconds,
        } => match grace_period_seconds {
            Some(g) => (
                format!("kubectl delete pod --grace-period={g}"),
                format!("kubectl delete pod --grace-period={g}"),
            ),
            None => ("kubectl delete pod".into(), "kubectl delete pod".into()),
        },
    };
    (
        l(en, ko),
        l(
            "The lesson's scenario did this at this instant.".into(),
            "레슨 시나리오가 이 시점에 실행함.".into(),
        ),
        None,
    )
}

/// A file fact, as a step: created or removed, by which command or by the scenario.
pub fn file_words(tl: &Timeline, f: &FileFact, lang: Lang) -> Said {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let c = usize::from(f.container);
    let cname = name(tl, c);
    let started = tl
        .logs
        .iter()
        .filter(|g| g.container == cname && g.restart == f.instance)
        .map(|g| g.started_at)
        .next();
    let (title, title_ko) = if f.created {
        (
            format!("{} was created", f.path),
            format!("{} 파일이 만들어짐", f.path),
        )
    } else {
        (
            format!("{} was removed", f.path),
            format!("{} 파일이 지워짐", f.path),
        )
    };
    let after: String = started
        .map(|s| {
            l(
                format!(
                    ", {} after the container started at {}",
                    t(f.at.saturating_sub(s)),
                    t(s)
                ),
                format!(
                    "(컨테이너가 {}에 시작되고 {} 뒤)",
                    t(s),
                    t(f.at.saturating_sub(s))
                ),
            )
        })
        .unwrap_or_default();
    let detail = match (f.origin, &f.command) {
        (FileOrigin::Scenario, _) => l(
            "The lesson's scenario did it.".into(),
            "레슨 시나리오가 실행함.".into(),
        ),
        (FileOrigin::Exec, Some(cmd)) => l(
            format!("An exec (a probe or hook) ran `{cmd}` at {}.", t(f.at)),
            format!("exec(프로브나 훅)가 {}에 `{cmd}`를 실행함.", t(f.at)),
        ),
        (_, Some(cmd)) => l(
            format!(
                "The container's script ran `{cmd}` at {}{}.",
                t(f.at),
                after
            ),
            format!(
                "컨테이너 스크립트가 {}에 `{cmd}`를 실행함{}.",
                t(f.at),
                after
            ),
        ),
        (_, None) => l(format!("At {}.", t(f.at)), format!("{}에 일어남.", t(f.at))),
    };
    Said {
        title: l(title, title_ko),
        detail,
        from: None,
    }
}

fn phase_words(tl: &Timeline, cause: &Cause, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let Fact::Phase { phase } = cause.fact else {
        return Default::default();
    };
    let parent_id = cause.parents().next();
    let parent = parent_id.and_then(|p| get(tl, p));
    let who = cause.container().map(|c| name(tl, c));
    let basis = match (parent, &who) {
        (Some(p), Some(_)) => {
            let p_said = said(tl, parent_id.unwrap_or(0), lang);
            l(
                format!(" At {}: {}.", t(p.at), p_said.title),
                format!(" {}: {}.", t(p.at), p_said.title),
            )
        }
        _ => String::new(),
    };
    let policy = tl.manifest.pod.spec.restart_policy();
    let rule = match cause.rule {
        Rule::PhaseRunningRestarting => l(
            format!("Every container has exited, but restartPolicy {policy} will start them again."),
            format!("모든 컨테이너가 종료되었지만 restartPolicy {policy}에 따라 다시 시작됨."),
        ),
        Rule::PhaseSucceeded if policy != RestartPolicy::Always => l(
            format!("Every container exited 0 and restartPolicy {policy} does not restart them."),
            format!("모든 컨테이너가 종료 코드 0으로 끝났고 restartPolicy {policy}는 다시 시작하지 않음."),
        ),
        _ => cause.rule.sentence().get(match lang {
            Lang::En => "en",
            Lang::Ko => "ko",
        }).to_string(),
    };
    (
        l(format!("phase {phase}"), format!("단계 {phase}")),
        format!("{rule}{basis}"),
        None,
    )
}

fn condition_words(tl: &Timeline, cause: &Cause, lang: Lang) -> Parts {
    let l = |en: String, ko: String| pick(lang, en, ko);
    let Fact::Condition { condition, status } = cause.fact else {
        return Default::default();
    };
    let word = if status { "True" } else { "False" };
    let parent_id = cause.parents().next();
    let parent = parent_id.and_then(|p| get(tl, p));
    let who = cause.container().map(|c| name(tl, c));
    let detail = match (cause.rule, parent, &who) {
        (Rule::ContainersNotReady, Some(p), Some(w)) => {
            let p_said = said(tl, parent_id.unwrap_or(0), lang);
            l(
                format!("{w} is not ready. At {}: {}.", t(p.at), p_said.title),
                format!("{w}가 준비되지 않음. {}: {}.", t(p.at), p_said.title),
            )
        }
        (Rule::ContainersReady, Some(p), _) => {
            let pc = p.container().map(|c| name(tl, c)).unwrap_or_default();
            l(
                format!("Every container is ready; the last, {pc}, at {}.", t(p.at)),
                format!("모든 컨테이너가 준비됨. 마지막은 {}의 {pc}임.", t(p.at)),
            )
        }
        (Rule::NotInitialized, _, Some(w)) => l(
            format!("{w} has not completed yet."),
            format!("{w}가 아직 완료되지 않음."),
        ),
        (Rule::PodScheduledCondition, Some(p), _) if !status => l(
            format!(
                "No node fits yet (FailedScheduling at {}): the scheduler tries again later.",
                t(p.at)
            ),
            format!(
                "아직 맞는 노드가 없음({}에 FailedScheduling). 스케줄러가 나중에 다시 시도함.",
                t(p.at)
            ),
        ),
        (Rule::PodScheduledCondition, _, _) if status => l(
            format!(
                "The Pod is bound to {}.",
                tl.node.clone().unwrap_or_default()
            ),
            format!("파드가 {}에 바인딩됨.", tl.node.clone().unwrap_or_default()),
        ),
        (Rule::Initialized, _, _) if tl.manifest.pod.spec.init_containers.is_empty() => l(
            "The Pod has no init containers: nothing to wait for.".into(),
            "파드에 초기화 컨테이너가 없어 기다릴 것이 없음.".into(),
        ),
        (Rule::SandboxCondition, _, _) if !status => l(
            "The sandbox is not set up yet.".into(),
            "샌드박스가 아직 준비되지 않음.".into(),
        ),
        (Rule::Initialized, Some(p), _)
            if p.rule == Rule::SidecarStart || p.rule == Rule::StartupSucceeded =>
        {
            let pc = p.container().map(|c| name(tl, c)).unwrap_or_default();
            l(
                format!(
                    "Every init container is done; the last, the sidecar {pc}, started at {}.",
                    t(p.at)
                ),
                format!(
                    "모든 초기화 컨테이너가 끝남. 마지막인 사이드카 {pc}가 {}에 시작됨.",
                    t(p.at)
                ),
            )
        }
        (Rule::Initialized, Some(p), _) => {
            let pc = p.container().map(|c| name(tl, c)).unwrap_or_default();
            l(
                format!(
                    "Every init container is done; the last, {pc}, at {}.",
                    t(p.at)
                ),
                format!(
                    "모든 초기화 컨테이너가 끝남. 마지막은 {}의 {pc}임.",
                    t(p.at)
                ),
            )
        }
        (Rule::PodReady, Some(p), _) => l(
            format!(
                "It follows ContainersReady, which turned {} at {}.",
                if status { "True" } else { "False" },
                t(p.at)
            ),
            format!(
                "ContainersReady를 따름. ContainersReady가 {}에 {}가 됨.",
                t(p.at),
                if status { "True" } else { "False" }
            ),
        ),
        _ => cause
            .rule
            .sentence()
            .get(match lang {
                Lang::En => "en",
                Lang::Ko => "ko",
            })
            .to_string(),
    };
    (
        l(format!("{condition} {word}"), format!("{condition} {word}")),
        detail,
        None,
    )
}

/// A short label for a change: its title, at its instant.
pub fn label(tl: &Timeline, change: ChangeRef, lang: Lang) -> String {
    match change {
        ChangeRef::Event { index } => match tl.events.get(index as usize) {
            Some(e) => format!("{} {}: {}", t(e.t_ms), e.reason, e.message),
            None => String::new(),
        },
        ChangeRef::Probe { index } => match tl.probes.get(index as usize) {
            Some(p) => {
                let field = probe_field(p.probe);
                let r = match (p.result, lang) {
                    (ProbeResult::Success, Lang::En) => "success",
                    (ProbeResult::Failure, Lang::En) => "failure",
                    (ProbeResult::Unknown, Lang::En) => "error",
                    (ProbeResult::Success, Lang::Ko) => "성공",
                    (ProbeResult::Failure, Lang::Ko) => "실패",
                    (ProbeResult::Unknown, Lang::Ko) => "오류",
                };
                format!("{} {} {field} {r}", t(p.t_ms), p.container)
            }
            None => String::new(),
        },
        ChangeRef::Status { snapshot, field } => {
            let Some(s) = tl.snapshots.get(snapshot as usize) else {
                return String::new();
            };
            let what = status_field_words(tl, &s.status, field, lang);
            format!("{} {what}", t(s.t_ms))
        }
        ChangeRef::Cause { .. } => match head(tl, change) {
            Some(id) => {
                let s = said(tl, id, lang);
                let at = get(tl, id).map_or(0, |c| c.at);
                format!("{} {}", t(at), s.title)
            }
            None => String::new(),
        },
    }
}

/// What a status field reads: `liveness: Running (restartCount 1)`, `Ready False`.
pub fn status_field_words(
    _tl: &Timeline,
    status: &crate::model::PodStatus,
    field: super::StatusField,
    lang: Lang,
) -> String {
    use super::StatusField;
    let cstatus = |k: u16| {
        let n = status.init_container_statuses.len();
        let k = usize::from(k);
        if k < n {
            status.init_container_statuses.get(k)
        } else {
            status.container_statuses.get(k - n)
        }
    };
    match field {
        StatusField::Phase => match lang {
            Lang::En => format!("phase {}", status.phase),
            Lang::Ko => format!("단계 {}", status.phase),
        },
        StatusField::Condition { condition } => {
            let s = status
                .condition(condition)
                .map(|c| c.status.as_str())
                .unwrap_or("");
            format!("{condition} {s}")
        }
        StatusField::State { container } => {
            let Some(cs) = cstatus(container) else {
                return String::new();
            };
            let state = if cs.state.running.is_some() {
                "Running".to_string()
            } else if let Some(term) = &cs.state.terminated {
                let reason = term.reason.map(|r| r.as_str()).unwrap_or("Terminated");
                format!("Terminated ({reason}, {})", term.exit_code)
            } else {
                let reason = cs
                    .state
                    .waiting
                    .as_ref()
                    .and_then(|w| w.reason)
                    .map(|r| r.as_str())
                    .unwrap_or("");
                format!("Waiting ({reason})")
            };
            format!("{}: {state}, restartCount {}", cs.name, cs.restart_count)
        }
        StatusField::Ready { container } => match (cstatus(container), lang) {
            (Some(cs), Lang::En) => format!("{} ready: {}", cs.name, cs.ready),
            (Some(cs), Lang::Ko) if cs.ready => format!("{} 준비됨(ready)", cs.name),
            (Some(cs), Lang::Ko) => format!("{} 준비 안 됨(ready: false)", cs.name),
            (None, _) => String::new(),
        },
        StatusField::Started { container } => match (cstatus(container), lang) {
            (Some(cs), Lang::En) => format!("{} started: {}", cs.name, cs.started.unwrap_or(false)),
            (Some(cs), Lang::Ko) if cs.started == Some(true) => {
                format!("{} 시작됨(started)", cs.name)
            }
            (Some(cs), Lang::Ko) => format!("{} 시작 안 됨(started: false)", cs.name),
            (None, _) => String::new(),
        },
    }
    .trim()
    .to_string()
}

/// The probe run a probe record belongs to, as a container index.
pub fn probe_container(tl: &Timeline, i: usize) -> Option<usize> {
    tl.probes
        .get(i)
        .and_then(|p| container_index(tl, &p.container))
}

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
