//! "Why did that happen?" — [`explain`] walks from a change back through the causes it
//! follows from and tells each as a step, newest first: its instant, a title, the detail with
//! its arithmetic, the rule in one sentence and the upstream function it mirrors, the spec
//! fields it read (with their spans, or the default that applied) and the timeline marks to
//! highlight. The walk stops at what the learner wrote or chose: a command, a field, a fault.
//! Facts the engine did not record as causes are recomputed here (the simulation is
//! deterministic): the probe runs of a streak, the file a probe reads and who removed it.

use super::cause::{Cause, CauseId, Fact};
use super::change::{field_lane, head, locate, probe_run, ChangeRef, Lane};
use super::fields::{self, FieldRef};
use super::rule::Rule;
use super::words::{self, Said};
use crate::kubelet::constants::CACHED_PULL_MS;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{ConditionType, ProbeAction};
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
fn marks(tl: &Timeline, id: CauseId, cause: &Cause, said: &Said) -> Vec<Mark> {
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

/// A grace period, a back-off, a failure run that triggered a kill: what the timeline marks
/// by itself, without a click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub kind: AnnotationKind,
    pub lane: Lane,
    pub from: Millis,
    pub to: Millis,
    /// `grace 30s`, `back-off 40s`, `3/3`.
    pub label: crate::text::Text,
    /// What to open "why?" on.
    pub change: ChangeRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AnnotationKind {
    /// From Killing to the exit (or to the end of the grace period).
    GracePeriod,
    /// From an exit to the next start, while CrashLoopBackOff holds it back.
    BackOff,
    /// The run of probe failures that reached failureThreshold and killed the container.
    FailureRun,
}

/// The timeline's big moments, annotated: grace periods, back-off waits, killing failure
/// runs.
pub fn annotations(tl: &Timeline) -> Vec<Annotation> {
    use crate::text::Text;
    let mut out = Vec::new();
    // Who follows from whom: each cause's children.
    let mut child: Vec<Vec<CauseId>> = vec![Vec::new(); tl.causes.len()];
    for (i, c) in tl.causes.iter().enumerate() {
        for p in c.parents() {
            if let Some(v) = child.get_mut(p as usize) {
                v.push(i as CauseId);
            }
        }
    }
    let end = tl.until;
    for (i, c) in tl.causes.iter().enumerate() {
        let id = i as CauseId;
        let Some(container) = c.container else {
            continue;
        };
        let lane = Lane::Container { container };
        let first_child = |f: &dyn Fn(&Cause) -> bool| {
            child[i]
                .iter()
                .filter_map(|&k| tl.causes.get(k as usize))
                .find(|k| f(k))
                .map(|k| k.at)
        };
        match c.fact {
            Fact::Kill { grace, .. } => {
                let exit = first_child(&|k| matches!(k.fact, Fact::Exit { .. }));
                let to = exit.unwrap_or((c.at + grace).min(end));
                let secs = words::t(grace);
                out.push(Annotation {
                    kind: AnnotationKind::GracePeriod,
                    lane,
                    from: c.at,
                    to,
                    label: Text::new(format!("grace {secs}"), format!("유예 {secs}")),
                    change: ChangeRef::Cause { index: id },
                });
            }
            Fact::Wait { delay, since, .. } if c.rule == Rule::CrashLoopBackOff => {
                let start = first_child(&|k| matches!(k.fact, Fact::Instance { .. }));
                let to = start.unwrap_or((since + delay).min(end));
                let d = words::t(delay);
                out.push(Annotation {
                    kind: AnnotationKind::BackOff,
                    lane,
                    from: since,
                    to,
                    label: Text::new(format!("back-off {d}"), format!("백오프 {d}")),
                    change: ChangeRef::Cause { index: id },
                });
            }
            Fact::Probe {
                kind,
                result: ProbeResult::Failure,
                run,
                threshold,
            } if matches!(c.rule, Rule::LivenessFailed | Rule::StartupFailed) => {
                let killed = first_child(&|k| matches!(k.fact, Fact::Kill { .. }));
                if killed.is_none() {
                    continue;
                }
                let ticks = words::last_run_ticks(
                    tl,
                    usize::from(container),
                    kind,
                    ProbeResult::Failure,
                    c.at,
                    run,
                );
                let from = ticks.first().copied().unwrap_or(c.at);
                out.push(Annotation {
                    kind: AnnotationKind::FailureRun,
                    lane,
                    from,
                    to: c.at,
                    label: Text::same(format!("{run}/{threshold}")),
                    change: ChangeRef::Cause { index: id },
                });
            }
            _ => {}
        }
    }
    out
}

/// What the field at `path` (as the editor's cursor names it) caused: a mark for every
/// change whose cause read it (or a field inside it), and every probe run of a probe it is
/// part of.
pub fn caused_by_field(tl: &Timeline, path: &str) -> Vec<Mark> {
    // `a` is `b` or inside it.
    let under = |a: &str, b: &str| {
        a.strip_prefix(b)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
    };
    // A field read by a cause: the cursor's, one inside it (the cursor on `livenessProbe`),
    // or one holding it (the cursor on an item of `command`).
    let inside = |p: &str| under(p, path) || under(path, p);
    let mut out: Vec<Mark> = Vec::new();
    let mut reads: Vec<bool> = Vec::with_capacity(tl.causes.len());
    for c in &tl.causes {
        reads.push(fields::paths(tl, c).iter().any(|p| inside(p)));
    }
    // The decisions that read it (a verdict, a kill's grace period, a back-off)…
    for (i, c) in tl.causes.iter().enumerate() {
        if !reads[i] || c.rule == Rule::ProbeFailed || c.rule == Rule::ProbeSucceeded {
            continue;
        }
        let said = words::Said::default();
        out.extend(
            marks(tl, i as CauseId, c, &said)
                .into_iter()
                .filter(|m| !matches!(m.kind, MarkKind::Event | MarkKind::ProbeTick)),
        );
    }
    // …and the changes they explain.
    for ch in super::change::changes(tl) {
        if matches!(ch.change, ChangeRef::Probe { .. }) {
            continue;
        }
        if head(tl, ch.change).is_some_and(|id| reads.get(id as usize) == Some(&true)) {
            let kind = match ch.change {
                ChangeRef::Event { .. } => MarkKind::Event,
                _ => MarkKind::Instant,
            };
            out.push(Mark {
                lane: ch.lane,
                at: ch.at,
                until: None,
                kind,
            });
        }
    }
    // Every tick of a probe the field belongs to.
    let all = tl.manifest.pod.spec.all_containers().count();
    for c in 0..all {
        let base = fields::container_path(tl, c);
        for kind in ProbeKind::ALL {
            let probe_path = format!("{base}.{}", fields::probe_field(kind));
            if !inside(&probe_path) {
                continue;
            }
            let name = words::name(tl, c);
            out.extend(
                tl.probes
                    .iter()
                    .filter(|p| *p.container == *name && p.probe == kind)
                    .map(|p| Mark {
                        lane: Lane::Container {
                            container: c as u16,
                        },
                        at: p.t_ms,
                        until: None,
                        kind: MarkKind::ProbeTick,
                    }),
            );
        }
    }
    // One mark per moment (a decision and the change it explains often coincide).
    let mut seen: Vec<Mark> = Vec::new();
    out.retain(|m| {
        if m.kind == MarkKind::ProbeTick {
            return true;
        }
        if seen.contains(m) {
            return false;
        }
        seen.push(*m);
        true
    });
    out.sort_by_key(|m| m.at);
    out
}

/// The lane of a status field (re-exported for front ends drawing a step's field).
pub fn lane_of(field: super::StatusField) -> Lane {
    field_lane(field)
}

/// Whether a condition has a lane of its own in `views::lanes` (the others are drawn in the
/// phase lane).
pub fn has_lane(condition: ConditionType) -> bool {
    matches!(
        condition,
        ConditionType::PodScheduled
            | ConditionType::Initialized
            | ConditionType::ContainersReady
            | ConditionType::Ready
    )
}
