//! The words of a container's start, exit and kill.

use super::*;

pub(super) fn start_words(tl: &Timeline, cause: &Cause, cname: &str, lang: Lang) -> Parts {
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

pub(super) fn exit_words(tl: &Timeline, cause: &Cause, cname: &str, lang: Lang) -> Parts {
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

pub(super) fn kill_words(tl: &Timeline, id: u32, cause: &Cause, cname: &str, lang: Lang) -> Parts {
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
