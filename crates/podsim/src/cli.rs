//! The podsim CLI as a pure function from arguments (and a file reader) to stdout, stderr and
//! an exit code, so that it is tested without spawning processes. `src/bin/podsim.rs` wires
//! it to the real process.

use crate::api;
use crate::cluster::{Cluster, ClusterSpec, KubeVersion};
use crate::schema::Lang;
use crate::sim::{self, Scenario, Timeline};
use crate::time::{parse_duration, Millis, MINUTE};
use crate::views;
use crate::why;
use serde_json::json;

pub const USAGE: &str = "usage:
  podsim simulate FILE [--scenario FILE] [--until DURATION] [--at DURATION]
                       [--output json|get|describe|events|logs|timeline|why]
                       [--container NAME] [--previous] [--watch] [--width N]
                       [--lang en|ko] [CLUSTER]
  podsim validate FILE [CLUSTER]
  podsim lesson FILE [--solution] [--at DURATION] [--output get|describe|events|logs|timeline|why]
                     [--lang en|ko] [CLUSTER]
  podsim lesson FILE --predictions

CLUSTER: [--kubernetes 1.31…1.37] [--feature-gates Name=true,Name2=false]
         [--kubelet-config FILE]   (a KubeletConfiguration: featureGates, crashLoopBackOff)
DURATION is like 90s, 5m or 1h. Defaults: --until 10m, --at the end, --output timeline,
--kubernetes the newest (1.37; a lesson may pin its own).
";

/// The cluster options every command takes, applied over a scenario's cluster: the version,
/// then the kubelet config file, then `--feature-gates` (flags win over the file, as for a
/// kubelet).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct ClusterOptions {
    kubernetes: Option<String>,
    feature_gates: Option<String>,
    kubelet_config: Option<String>,
}

impl ClusterOptions {
    /// Take `arg` (and its value) if it is a cluster option.
    fn take(
        &mut self,
        arg: &str,
        value: &mut dyn FnMut(&str) -> Result<String, String>,
    ) -> Result<bool, String> {
        match arg {
            "--kubernetes" => self.kubernetes = Some(value(arg)?),
            "--feature-gates" => self.feature_gates = Some(value(arg)?),
            "--kubelet-config" => self.kubelet_config = Some(value(arg)?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// `spec` with these options applied; notes (settings podsim ignores) beside it.
    fn apply(
        &self,
        mut spec: ClusterSpec,
        read: &dyn Fn(&str) -> Result<String, String>,
    ) -> Result<(ClusterSpec, Vec<String>), String> {
        let mut notes = Vec::new();
        if let Some(v) = &self.kubernetes {
            spec.kubernetes = Some(KubeVersion::parse(v).map_err(|e| e.to_string())?);
        }
        if let Some(path) = &self.kubelet_config {
            let text = read(path)?;
            let file = crate::cluster::kubelet_config::read_file(&text)
                .map_err(|e| format!("{path}: {e}"))?;
            spec.feature_gates.extend(file.feature_gates);
            spec.kubelet = file.config;
            notes.extend(file.notes);
        }
        if let Some(flag) = &self.feature_gates {
            let gates = crate::cluster::gates::parse_flag(flag).map_err(|e| {
                format!("invalid argument {flag:?} for \"--feature-gates\" flag: {e}")
            })?;
            spec.feature_gates.extend(gates);
        }
        Ok((spec, notes))
    }
}

/// The cluster `spec` describes, checked; its start-up warnings and `notes` as stderr lines.
fn start_cluster(spec: &ClusterSpec, notes: &[String]) -> Result<(Cluster, String), Output> {
    match spec.resolve() {
        Ok(c) => {
            let mut stderr = String::new();
            for w in notes.iter().chain(&c.warnings) {
                stderr.push_str(&format!("podsim: {w}\n"));
            }
            Ok((c, stderr))
        }
        Err(e) => Err(Output::error(format!(
            "podsim: the cluster does not start: {e}\n"
        ))),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

impl Output {
    fn ok(stdout: String) -> Self {
        Output {
            stdout,
            stderr: String::new(),
            code: 0,
        }
    }
    fn usage_error(msg: &str) -> Self {
        Output {
            stdout: String::new(),
            stderr: format!("podsim: {msg}\n\n{USAGE}"),
            code: 2,
        }
    }
    fn error(msg: String) -> Self {
        Output {
            stdout: String::new(),
            stderr: msg,
            code: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Options {
    file: String,
    scenario: Option<String>,
    until: Millis,
    at: Option<Millis>,
    output: String,
    container: Option<String>,
    previous: bool,
    watch: bool,
    width: usize,
    lang: Lang,
    cluster: ClusterOptions,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        file: String::new(),
        scenario: None,
        until: 10 * MINUTE,
        at: None,
        output: "timeline".into(),
        container: None,
        previous: false,
        watch: false,
        width: 72,
        lang: Lang::En,
        cluster: ClusterOptions::default(),
    };
    let mut it = args.iter();
    let mut file = None;
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        if o.cluster.take(a, &mut |name: &str| value(name))? {
            continue;
        }
        match a.as_str() {
            "--scenario" => o.scenario = Some(value("--scenario")?),
            "--until" => o.until = parse_duration(&value("--until")?)?,
            "--at" => o.at = Some(parse_duration(&value("--at")?)?),
            "--output" | "-o" => o.output = value("--output")?,
            "--container" | "-c" => o.container = Some(value("--container")?),
            "--width" => {
                o.width = value("--width")?
                    .parse()
                    .map_err(|_| "--width needs a number".to_string())?
            }
            "--lang" => {
                o.lang = match value("--lang")?.as_str() {
                    "en" => Lang::En,
                    "ko" => Lang::Ko,
                    other => return Err(format!("unknown language {other:?}: use en or ko")),
                }
            }
            "--previous" | "-p" => o.previous = true,
            "--watch" | "-w" => o.watch = true,
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => {
                if file.replace(s.to_string()).is_some() {
                    return Err("only one FILE".into());
                }
            }
        }
    }
    o.file = file.ok_or("missing FILE")?;
    if ![
        "json", "get", "describe", "events", "logs", "timeline", "why",
    ]
    .contains(&o.output.as_str())
    {
        return Err(format!(
            "unknown output {:?}: use json, get, describe, events, logs, timeline or why",
            o.output
        ));
    }
    if o.until > sim::MAX_UNTIL {
        return Err("--until is at most 24h".into());
    }
    Ok(o)
}

/// `LINE:COL: MESSAGE` lines for a manifest's errors.
pub fn format_diagnostics(loaded: &api::Loaded) -> String {
    let mut s = String::new();
    for d in &loaded.diagnostics {
        if matches!(d.severity, api::Severity::Error) {
            s.push_str(&format!("{}:{}: {}", d.span.line, d.span.col, d.message));
            if let Some(h) = &d.hint {
                s.push_str(&format!(" ({})", h.en));
            }
            s.push('\n');
        }
    }
    s
}

/// Run the CLI. `read` reads a file's text.
pub fn run(args: &[String], read: &dyn Fn(&str) -> Result<String, String>) -> Output {
    let (cmd, rest) = match args.split_first() {
        Some((c, r)) => (c.as_str(), r),
        None => return Output::usage_error("missing command"),
    };
    match cmd {
        "simulate" => simulate_cmd(rest, read),
        "validate" => validate_cmd(rest, read),
        "lesson" => lesson_cmd(rest, read),
        "help" | "--help" | "-h" => Output::ok(USAGE.into()),
        c => Output::usage_error(&format!("unknown command {c:?}")),
    }
}

fn validate_cmd(args: &[String], read: &dyn Fn(&str) -> Result<String, String>) -> Output {
    let mut options = ClusterOptions::default();
    let mut file = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match options.take(a, &mut value) {
            Ok(true) => continue,
            Ok(false) => {}
            Err(e) => return Output::usage_error(&e),
        }
        if a.starts_with('-') || file.replace(a.clone()).is_some() {
            return Output::usage_error("validate takes one FILE");
        }
    }
    let Some(file) = file else {
        return Output::usage_error("validate takes one FILE");
    };
    let (spec, notes) = match options.apply(ClusterSpec::default(), read) {
        Ok(s) => s,
        Err(e) => return Output::error(format!("podsim: {e}\n")),
    };
    let (cluster, cluster_notes) = match start_cluster(&spec, &notes) {
        Ok(c) => c,
        Err(out) => return out,
    };
    let text = match read(&file) {
        Ok(t) => t,
        Err(e) => return Output::error(format!("podsim: {e}\n")),
    };
    let loaded = api::load_on(&text, &cluster);
    match loaded.defaulted {
        Some(_) => {
            // The apiserver's warnings, as kubectl prints them on stderr.
            let mut out = Output::ok(format!("{file}: valid\n"));
            out.stderr = cluster_notes + &format_warnings(&loaded);
            out
        }
        None => Output::error(cluster_notes + &format_diagnostics(&loaded)),
    }
}

/// `Warning: …` lines, as kubectl prints the apiserver's warnings.
pub fn format_warnings(loaded: &api::Loaded) -> String {
    loaded
        .diagnostics
        .iter()
        .filter(|d| matches!(d.severity, api::Severity::Warning))
        .map(|d| format!("Warning: {}\n", d.message))
        .collect()
}

/// Check a lesson file: its goals against the starting manifest (or the solution).
fn lesson_cmd(args: &[String], read: &dyn Fn(&str) -> Result<String, String>) -> Output {
    let mut file = None;
    let mut solution = false;
    let mut output = None;
    let mut at = None;
    let mut predictions = false;
    let mut lang = Lang::En;
    let mut options = ClusterOptions::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let taken = options.take(a, &mut |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        });
        match taken {
            Ok(true) => continue,
            Ok(false) => {}
            Err(e) => return Output::usage_error(&e),
        }
        match a.as_str() {
            "--solution" => solution = true,
            "--predictions" => predictions = true,
            "--lang" => {
                lang = match it.next().map(String::as_str) {
                    Some("ko") => Lang::Ko,
                    Some("en") => Lang::En,
                    _ => return Output::usage_error("--lang needs en or ko"),
                }
            }
            "--output" | "-o" => output = it.next().cloned(),
            "--at" => match it.next().map(|v| parse_duration(v)) {
                Some(Ok(t)) => at = Some(t),
                _ => return Output::usage_error("--at needs a duration"),
            },
            s if s.starts_with('-') => return Output::usage_error(&format!("unknown option {s}")),
            s => file = Some(s.to_string()),
        }
    }
    let Some(file) = file else {
        return Output::usage_error("lesson needs a FILE");
    };
    let lesson = match read(&file).and_then(|t| crate::lessons::Lesson::from_yaml(&t)) {
        Ok(l) => l,
        Err(e) => return Output::error(format!("podsim: {file}: {e}\n")),
    };
    if predictions {
        // Each prediction with the answer the engine computes (exit 1 if one has none).
        let (report, all_ok) = crate::lessons::predictions::report::report(&lesson);
        let mut out = Output::ok(report);
        out.code = u8::from(!all_ok);
        return out;
    }
    let text = if solution {
        &lesson.solution
    } else {
        &lesson.manifest
    };
    let (chosen, notes) = match options.apply(ClusterSpec::default(), read) {
        Ok(s) => s,
        Err(e) => return Output::error(format!("podsim: {e}\n")),
    };
    let on = lesson.cluster_on(&chosen);
    let stderr = match start_cluster(&on, &notes) {
        Ok((_, stderr)) => stderr,
        Err(out) => return out,
    };
    let (analysis, reports) = crate::session::evaluate_on(&lesson, text, &[], &chosen);
    let mut out = String::new();
    if let Some(view) = output {
        let Some(tl) = analysis.timeline.as_ref() else {
            return Output::error(format_diagnostics(&analysis.loaded));
        };
        let t = at.unwrap_or(lesson.until);
        out.push_str(&match view.as_str() {
            "get" => views::get::watch(tl, t),
            "describe" => views::describe::describe_pod(tl, t),
            "events" => views::events::get_events(tl, t),
            "why" => why::print::why_text(tl, t, None, lang),
            "logs" => views::logs::logs(tl, t, &Default::default()).unwrap_or_else(|e| e + "\n"),
            _ => views::chart::chart(tl, lesson.until, 72),
        });
    }
    out.push_str(&format_diagnostics(&analysis.loaded));
    let mut met = 0;
    for (g, r) in lesson.goals.iter().zip(&reports) {
        met += usize::from(r.met);
        out.push_str(&format!(
            "{} {} — {}\n",
            if r.met { "✓" } else { "✗" },
            g.text.en,
            r.note.en
        ));
    }
    out.push_str(&format!(
        "{met}/{} goals met ({}, Kubernetes {})\n",
        reports.len(),
        if solution { "solution" } else { "start" },
        on.version()
    ));
    let mut out = Output::ok(out);
    out.stderr = stderr;
    out
}

fn simulate_cmd(args: &[String], read: &dyn Fn(&str) -> Result<String, String>) -> Output {
    let o = match parse_options(args) {
        Ok(o) => o,
        Err(e) => return Output::usage_error(&e),
    };
    let text = match read(&o.file) {
        Ok(t) => t,
        Err(e) => return Output::error(format!("podsim: {e}\n")),
    };
    let mut scenario = match &o.scenario {
        None => Scenario::default(),
        Some(path) => match read(path).and_then(|t| Scenario::from_yaml(&t)) {
            Ok(s) => s,
            Err(e) => return Output::error(format!("podsim: {e}\n")),
        },
    };
    let notes = match o.cluster.apply(scenario.cluster.clone(), read) {
        Ok((spec, notes)) => {
            scenario.cluster = spec;
            notes
        }
        Err(e) => return Output::error(format!("podsim: {e}\n")),
    };
    let (cluster, stderr) = match start_cluster(&scenario.cluster, &notes) {
        Ok(c) => c,
        Err(out) => return out,
    };
    let loaded = api::load_on(&text, &cluster);
    let Some(manifest) = loaded.defaulted.as_ref() else {
        return Output::error(stderr + &format_diagnostics(&loaded));
    };
    let mut tl = match sim::simulate(manifest, &scenario, o.until) {
        Ok(tl) => tl,
        Err(e) => return Output::error(format!("podsim: {e}\n")),
    };
    tl.source = loaded.fields.clone();
    let at = o.at.unwrap_or(o.until).min(o.until);
    let mut out = simulate_output(&o, &tl, at);
    out.stderr = stderr + &out.stderr;
    out
}

fn simulate_output(o: &Options, tl: &Timeline, at: Millis) -> Output {
    match o.output.as_str() {
        "json" => Output::ok(to_json(tl) + "\n"),
        "get" if o.watch => Output::ok(views::get::watch(tl, at)),
        "get" => Output::ok(views::get::get_pods(tl, at, false)),
        "describe" => Output::ok(views::describe::describe_pod(tl, at)),
        "events" => Output::ok(views::events::get_events(tl, at)),
        "why" => Output::ok(why::print::why_text(tl, at, o.container.as_deref(), o.lang)),
        "logs" => {
            let req = views::logs::LogsRequest {
                container: o.container.clone(),
                previous: o.previous,
                timestamps: false,
            };
            match views::logs::logs(tl, at, &req) {
                Ok(s) => Output::ok(s),
                Err(e) => Output::error(e + "\n"),
            }
        }
        _ => Output::ok(views::chart::chart(tl, o.until, o.width)),
    }
}

/// The `--output json` contract: snapshots, events (each occurrence with its aggregated
/// count) and probe runs; and the causes (`crate::why`): each snapshot's `why` (the changed
/// fields with their cause), each event's `cause`, and the `causes` themselves (an index
/// into that list; `null` for none).
pub fn to_json(tl: &Timeline) -> String {
    let cause = |id: why::CauseId| (id != why::NO_CAUSE).then_some(id);
    let snapshots: Vec<_> = tl
        .snapshots
        .iter()
        .map(|s| {
            let changed: Vec<_> = s
                .why
                .iter()
                .map(|(f, c)| json!({"field": f, "cause": cause(*c)}))
                .collect();
            json!({"t_ms": s.t_ms, "status": s.status, "why": changed})
        })
        .collect();
    let names: Vec<&str> = tl
        .manifest
        .pod
        .spec
        .all_containers()
        .map(|(c, _)| c.name.as_str())
        .collect();
    let causes: Vec<_> = tl
        .causes
        .iter()
        .map(|c| {
            let because: Vec<u32> = c.parents().collect();
            json!({
                "t_ms": c.at,
                "rule": c.rule.id(),
                "container": c.container().and_then(|k| names.get(k)),
                "fact": c.fact,
                "because": because,
            })
        })
        .collect();
    let events: Vec<_> = tl
        .events
        .iter()
        .map(|e| {
            json!({
                "t_ms": e.t_ms,
                "type": e.type_.as_str(),
                "reason": e.reason,
                "from": e.from,
                "message": e.message,
                "count": e.count,
                "cause": cause(e.cause),
            })
        })
        .collect();
    let probes: Vec<_> = tl
        .probes
        .iter()
        .map(|p| {
            json!({
                "t_ms": p.t_ms,
                "container": p.container,
                "probe": p.probe.as_str(),
                "result": p.result.as_str(),
                "output": p.output,
            })
        })
        .collect();
    let files: Vec<_> = tl
        .files
        .iter()
        .map(|f| {
            json!({
                "t_ms": f.at,
                "container": names.get(usize::from(f.container)),
                "instance": f.instance,
                "path": f.path,
                "created": f.created,
                "origin": f.origin,
                "command": f.command,
            })
        })
        .collect();
    json!({
        "snapshots": snapshots,
        "events": events,
        "probes": probes,
        "causes": causes,
        "files": files,
    })
    .to_string()
}
