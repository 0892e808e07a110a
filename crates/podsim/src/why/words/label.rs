//! The short label of each change (for marks and rows) and the words of a status field.

use super::*;

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
    field: crate::why::StatusField,
    lang: Lang,
) -> String {
    use crate::why::StatusField;
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
