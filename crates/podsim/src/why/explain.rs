//! "Why did that happen?" — [`explain`] walks from a change back through the causes it
//! follows from and tells each as a step, newest first: its instant, a title, the detail with
//! its arithmetic, the rule in one sentence and the upstream function it mirrors, the spec
//! fields it read (with their spans, or the default that applied) and the timeline marks to
//! highlight. The walk stops at what the learner wrote or chose: a command, a field, a fault.
//! Facts the engine did not record as causes are recomputed here (the simulation is
//! deterministic): the probe runs of a streak, the file a probe reads and who removed it.

use super::cause::{Cause, CauseId, Fact};
use super::change::{head, locate, probe_run, ChangeRef, Lane};
use super::fields::{self, FieldRef};
use super::rule::Rule;
use super::words::{self, Said};
use crate::kubelet::constants::CACHED_PULL_MS;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::ProbeAction;
use crate::schema::Lang;
use crate::sim::scenario::Action;
use crate::sim::Timeline;
use crate::time::Millis;
use serde::Serialize;

/// The most steps an explanation tells.
const MAX_STEPS: usize = 10;

/// A timeline mark to highlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mark {
    pub lane: Lane,
    pub at: Millis,
    /// The end of a stretch (a grace period, a back-off, a run of probes), if it is one.
    pub until: Option<Millis>,
    pub kind: MarkKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MarkKind {
    /// A moment: a start, an exit, a condition flip.
    Instant,
    /// A probe run (a tick on the container's lane).
    ProbeTick,
    /// An event in the events row.
    Event,
    /// A stretch: a grace period, a back-off, a pull.
    Stretch,
}

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// The recorded cause it tells (None: a fact recomputed here, a file change).
    pub cause: Option<CauseId>,
    /// When it happened; `from`: when a stretch it covers began (a run of probes, a wait).
    pub at: Millis,
    pub from: Option<Millis>,
    /// The rule's stable id (`liveness-kill`), when the step applies one.
    pub rule: Option<&'static str>,
    pub title: String,
    pub detail: String,
    /// The rule in one sentence.
    pub rule_text: String,
    /// The upstream function the rule mirrors.
    pub mirrors: &'static str,
    pub fields: Vec<FieldRef>,
    pub marks: Vec<Mark>,
}

/// The answer to "why?" for one change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Explanation {
    pub change: ChangeRef,
    pub at: Millis,
    pub lane: Lane,
    /// The change itself, in a few words (`1m15.3s liveness: Running, restartCount 1`).
    pub what: String,
    /// Newest first: the change's own cause, then what it followed from.
    pub steps: Vec<Step>,
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Ko => "ko",
    }
}

/// Rules that set the scene rather than explain: not followed past the first steps.
fn background(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::PodCreated | Rule::Scheduled | Rule::NodeNameSet | Rule::SandboxReady
    )
}

/// Rules that repeat for each instance of a crashing container: a chain stops at the second
/// of a kind for the same container (the loop before is the same story again).
fn repeats(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::RestartPolicy
            | Rule::RestartInit
            | Rule::SidecarRestart
            | Rule::RestartAfterKill
            | Rule::CrashLoopBackOff
            | Rule::LivenessKill
            | Rule::StartupKill
            | Rule::ImagePullBackOff
    )
}

/// Explain `change`: its cause and what that followed from, newest first, in `lang`.
pub fn explain(tl: &Timeline, change: ChangeRef, lang: Lang) -> Explanation {
    let (at, lane) = locate(tl, change).unwrap_or((0, Lane::Phase));
    let what = words::label(tl, change, lang);
    let mut steps: Vec<Step> = Vec::new();
    let mut roots: Vec<(CauseId, usize)> = Vec::new();
    match change {
        // A probe run: the tick itself, then its streak (from the run's cause).
        ChangeRef::Probe { index } => {
            if let Some(run) = probe_run(tl, index as usize) {
                let upto = tl.probes.get(index as usize).map_or(at, |p| p.t_ms);
                steps.push(run_step(tl, run, upto, lang));
                derived(tl, run, lang, &mut steps, &mut roots);
            }
        }
        _ => {
            if let Some(id) = head(tl, change) {
                roots.push((id, 0));
            }
        }
    }
    walk(tl, change, roots, lang, &mut steps);
    // Newest first; a stretch counts from its end.
    steps.sort_by_key(|s| std::cmp::Reverse(s.at));
    Explanation {
        change,
        at,
        lane,
        what,
        steps,
    }
}

/// Follow causes breadth-first from `roots`, adding a step for each.
fn walk(
    tl: &Timeline,
    change: ChangeRef,
    mut queue: Vec<(CauseId, usize)>,
    lang: Lang,
    steps: &mut Vec<Step>,
) {
    let mut seen: Vec<CauseId> = steps.iter().filter_map(|s| s.cause).collect();
    let mut kinds: Vec<(Rule, Option<u16>)> = Vec::new();
    let mut i = 0;
    while i < queue.len() && steps.len() < MAX_STEPS {
        let (id, depth) = queue[i];
        i += 1;
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let Some(cause) = tl.causes.get(id as usize) else {
            continue;
        };
        if depth > 1 && background(cause.rule) {
            continue;
        }
        if depth > 0 && repeats(cause.rule) && kinds.contains(&(cause.rule, cause.container)) {
            continue;
        }
        // A start of the same instance an exit already tells, when the exit ran by itself:
        // still a step (why it started), but an exit's start never repeats a start's kind.
        if depth > 0
            && is_start(cause.rule)
            && kinds
                .iter()
                .any(|&(r, c)| c == cause.container && r == cause.rule)
        {
            continue;
        }
        kinds.push((cause.rule, cause.container));
        match cause.rule {
            Rule::ProbeFailed | Rule::ProbeSucceeded | Rule::ProbeErrored => {
                let upto = upto_for_run(tl, id, cause, change);
                steps.push(run_step(tl, id, upto, lang));
                derived(tl, id, lang, steps, &mut queue);
            }
            _ => steps.push(cause_step(tl, id, lang)),
        }
        for p in cause.parents() {
            // A cached pull (a digest check) and the pull decision behind a pull are told
            // by the pull's own step.
            if let Some(pc) = tl.causes.get(p as usize) {
                if pc.rule == Rule::ImagePull && cause.rule == Rule::ImagePulled {
                    continue;
                }
                if pc.rule == Rule::ImagePulled
                    && matches!(pc.fact, Fact::Pull { took } if took <= CACHED_PULL_MS)
                {
                    continue;
                }
            }
            queue.push((p, depth + 1));
        }
    }
}

fn is_start(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::StartFirst
            | Rule::StartAfterInit
            | Rule::InitInOrder
            | Rule::SidecarStart
            | Rule::RestartPolicy
            | Rule::RestartInit
            | Rule::SidecarRestart
            | Rule::RestartAfterKill
    )
}

/// How far a run of probe results is told: up to the verdict it led to (the newest cause of
/// the same container that follows from it), or the change's own instant.
fn upto_for_run(tl: &Timeline, id: CauseId, run: &Cause, change: ChangeRef) -> Millis {
    let at = locate(tl, change).map_or(run.at, |(t, _)| t);
    tl.causes[id as usize..]
        .iter()
        .take_while(|c| c.at <= at.max(run.at))
        .filter(|c| c.because.contains(&id))
        .map(|c| c.at)
        .max()
        .unwrap_or(at)
}

/// Marks for a cause: its moment (or stretch) on its lane, and the events it recorded.
pub(super) fn marks(tl: &Timeline, id: CauseId, cause: &Cause, said: &Said) -> Vec<Mark> {
    let lane = match (cause.container, cause.fact) {
        (Some(container), _) => Lane::Container { container },
        (None, Fact::Condition { condition, .. }) => Lane::Condition { condition },
        _ => Lane::Phase,
    };
    let mut out = Vec::new();
    match cause.fact {
        Fact::Kill { grace, .. } => out.push(Mark {
            lane,
            at: cause.at,
            until: Some(cause.at + grace),
            kind: MarkKind::Stretch,
        }),
        Fact::Wait { delay, since, .. } => out.push(Mark {
            lane,
            at: since,
            until: Some(since + delay),
            kind: MarkKind::Stretch,
        }),
        Fact::Condition { condition, .. } => out.push(Mark {
            lane: Lane::Condition { condition },
            at: cause.at,
            until: None,
            kind: MarkKind::Instant,
        }),
        Fact::Phase { .. } => out.push(Mark {
            lane: Lane::Phase,
            at: cause.at,
            until: None,
            kind: MarkKind::Instant,
        }),
        _ => match said.from {
            Some(from) if from < cause.at => out.push(Mark {
                lane,
                at: from,
                until: Some(cause.at),
                kind: MarkKind::Stretch,
            }),
            _ => out.push(Mark {
                lane,
                at: cause.at,
                until: None,
                kind: MarkKind::Instant,
            }),
        },
    }
    // The verdict's probe runs.
    if let (
        Some(c),
        Fact::Probe {
            kind, result, run, ..
        },
    ) = (cause.container(), cause.fact)
    {
        if !matches!(
            cause.rule,
            Rule::ProbeFailed | Rule::ProbeSucceeded | Rule::ProbeErrored
        ) {
            let ticks = words::last_run_ticks(tl, c, kind, result, cause.at, run);
            out.extend(ticks.iter().map(|&at| Mark {
                lane,
                at,
                until: None,
                kind: MarkKind::ProbeTick,
            }));
        }
    }
    out.extend(
        tl.events
            .iter()
            .filter(|e| e.cause == id)
            .take(8)
            .map(|e| Mark {
                lane: Lane::Events,
                at: e.t_ms,
                until: None,
                kind: MarkKind::Event,
            }),
    );
    out
}

/// The step of a recorded cause.
pub fn cause_step(tl: &Timeline, id: CauseId, lang: Lang) -> Step {
    let Some(cause) = tl.causes.get(id as usize) else {
        return empty_step(id);
    };
    let said = words::said(tl, id, lang);
    Step {
        cause: Some(id),
        at: cause.at,
        marks: marks(tl, id, cause, &said),
        from: said.from.filter(|&f| f < cause.at),
        rule: Some(cause.rule.id()),
        title: said.title,
        detail: said.detail,
        rule_text: cause.rule.sentence().get(lang_code(lang)).to_string(),
        mirrors: cause.rule.mirrors(),
        fields: fields::of_cause(tl, cause),
    }
}

fn empty_step(id: CauseId) -> Step {
    Step {
        cause: Some(id),
        at: 0,
        from: None,
        rule: None,
        title: String::new(),
        detail: String::new(),
        rule_text: String::new(),
        mirrors: "",
        fields: Vec::new(),
        marks: Vec::new(),
    }
}

/// The step of a run of probe results, told up to `upto`.
fn run_step(tl: &Timeline, id: CauseId, upto: Millis, lang: Lang) -> Step {
    let Some(run) = tl.causes.get(id as usize) else {
        return empty_step(id);
    };
    let c = run.container().unwrap_or(0);
    let cname = words::name(tl, c);
    let (title, detail, from) = words::probe_run_words(tl, run, &cname, upto, lang);
    let (kind, result) = match run.fact {
        Fact::Probe { kind, result, .. } => (kind, result),
        _ => (ProbeKind::Liveness, ProbeResult::Unknown),
    };
    let ticks = words::run_ticks(tl, c, kind, result, run.at, upto.max(run.at));
    let at = ticks.last().copied().unwrap_or(run.at);
    let lane = Lane::Container {
        container: c as u16,
    };
    let mut marks: Vec<Mark> = ticks
        .iter()
        .map(|&t| Mark {
            lane,
            at: t,
            until: None,
            kind: MarkKind::ProbeTick,
        })
        .collect();
    marks.extend(
        tl.events
            .iter()
            .filter(|e| e.cause == id && e.t_ms <= at)
            .take(8)
            .map(|e| Mark {
                lane: Lane::Events,
                at: e.t_ms,
                until: None,
                kind: MarkKind::Event,
            }),
    );
    Step {
        cause: Some(id),
        at,
        from,
        rule: Some(run.rule.id()),
        title,
        detail,
        rule_text: run.rule.sentence().get(lang_code(lang)).to_string(),
        mirrors: run.rule.mirrors(),
        fields: fields::of_cause(tl, run),
        marks,
    }
}

/// What a run of probe results rests on that the engine did not record as a cause: the file
/// an exec probe reads (created or removed, by which command), the endpoint the scenario
/// broke. File steps are added to `steps`; fault causes are queued.
fn derived(
    tl: &Timeline,
    run_id: CauseId,
    lang: Lang,
    steps: &mut Vec<Step>,
    queue: &mut Vec<(CauseId, usize)>,
) {
    let Some(run) = tl.causes.get(run_id as usize) else {
        return;
    };
    let Some(c) = run.container() else {
        return;
    };
    let Fact::Probe { kind, result, .. } = run.fact else {
        return;
    };
    let Some(probe) = fields::container(tl, c).and_then(|k| match kind {
        ProbeKind::Liveness => k.liveness_probe.as_ref(),
        ProbeKind::Readiness => k.readiness_probe.as_ref(),
        ProbeKind::Startup => k.startup_probe.as_ref(),
    }) else {
        return;
    };
    match probe.action() {
        Some(ProbeAction::Exec(e)) => {
            let paths: Vec<&str> = e
                .command
                .iter()
                .flat_map(|w| w.split_whitespace())
                .map(|w| w.trim_matches(|ch| ch == '\'' || ch == '"' || ch == ';'))
                .filter(|w| w.starts_with('/'))
                .collect();
            // The instance the run probed: the newest start of the container before it.
            let cname = words::name(tl, c);
            let instance = tl
                .logs
                .iter()
                .filter(|l| l.container == cname && l.started_at <= run.at)
                .map(|l| l.restart)
                .max();
            let want_created = result == ProbeResult::Success;
            let fact = tl
                .files
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.at <= run.at
                        && f.created == want_created
                        && paths.contains(&f.path.as_str())
                        && (usize::from(f.container) != c || Some(f.instance) == instance)
                })
                .max_by_key(|(_, f)| (usize::from(f.container) == c, f.at));
            if let Some((_, f)) = fact {
                let said = words::file_words(tl, f, lang);
                let lane = Lane::Container {
                    container: f.container,
                };
                let cpaths = if f.origin == crate::runtime::FileOrigin::Process {
                    fields::program_paths(tl, usize::from(f.container))
                } else {
                    Vec::new()
                };
                steps.push(Step {
                    cause: None,
                    at: f.at,
                    from: None,
                    rule: Some(Rule::FileChanged.id()),
                    title: said.title,
                    detail: said.detail,
                    rule_text: Rule::FileChanged
                        .sentence()
                        .get(lang_code(lang))
                        .to_string(),
                    mirrors: Rule::FileChanged.mirrors(),
                    fields: fields::resolve(tl, &cpaths),
                    marks: vec![Mark {
                        lane,
                        at: f.at,
                        until: None,
                        kind: MarkKind::Instant,
                    }],
                });
            }
        }
        Some(ProbeAction::HttpGet(h)) => {
            let port = match &h.port {
                crate::model::IntOrString::Int(p) => Some(*p),
                crate::model::IntOrString::String(name) => fields::container(tl, c)
                    .and_then(|k| k.resolve_port(&crate::model::IntOrString::String(name.clone()))),
            };
            let fault = tl.causes[..run_id as usize].iter().rposition(|x| {
                matches!(x.fact, Fact::Fault { index }
                    if tl.faults.get(usize::from(index)).is_some_and(|f| matches!(&f.action,
                        Action::FailEndpoint { port: p, .. } if Some(i64::from(*p)) == port)))
            });
            if let Some(f) = fault {
                queue.push((f as CauseId, 1));
            }
        }
        _ => {}
    }
}
