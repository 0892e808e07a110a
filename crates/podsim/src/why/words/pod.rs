//! The words of the Pod's own changes: its phase, its conditions, the faults done to it and
//! the files its containers wrote or removed.

use super::*;

pub(super) fn fault_words(tl: &Timeline, cause: &Cause, lang: Lang) -> Parts {
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

pub(super) fn phase_words(tl: &Timeline, cause: &Cause, lang: Lang) -> Parts {
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

pub(super) fn condition_words(tl: &Timeline, cause: &Cause, lang: Lang) -> Parts {
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
