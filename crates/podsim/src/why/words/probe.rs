//! The words of a probe's runs and verdicts, and the ticks they count.

use super::*;

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

pub(super) fn verdict_words(tl: &Timeline, cause: &Cause, cname: &str, lang: Lang) -> Parts {
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
        let path = format!("{}.{field}.{f}", crate::why::fields::container_path(tl, c));
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

/// The probe run a probe record belongs to, as a container index.
pub fn probe_container(tl: &Timeline, i: usize) -> Option<usize> {
    tl.probes
        .get(i)
        .and_then(|p| container_index(tl, &p.container))
}
