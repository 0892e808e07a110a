//! The worked answers of ../shared/reference/why-examples.md, asked of the simulation: the
//! instants, the rules, the arithmetic and the fields each step gives. Also what the app is
//! built on: the timeline's own annotations (grace period, back-off, 3/3), the marks a field
//! caused (the cursor on periodSeconds marks the probe runs), spans in the editor's UTF-16
//! offsets, the row of `get -w` behind a restart, and the `explained` goal.

mod common;

use podsim::lessons::{check_opened, Check};
use podsim::schema::Lang;
use podsim::session::analyze;
use podsim::sim::{Scenario, Timeline};
use podsim::time::{MINUTE, SECOND};
use podsim::why::{self, ChangeRef, Explanation, Lane, MarkKind, StatusField};

fn run(name: &str, until: u64) -> Timeline {
    analyze(&common::example(name), &Scenario::default(), until)
        .timeline
        .expect("runs")
}

/// The change of container `c`'s state at instant `t`.
fn state_at(tl: &Timeline, c: u16, t: u64) -> ChangeRef {
    let i = tl
        .snapshots
        .iter()
        .position(|s| s.t_ms == t)
        .unwrap_or_else(|| panic!("no snapshot at {t} ms"));
    ChangeRef::Status {
        snapshot: i as u32,
        field: StatusField::State { container: c },
    }
}

fn rules(e: &Explanation) -> Vec<&str> {
    e.steps.iter().filter_map(|s| s.rule).collect()
}

fn step<'e>(e: &'e Explanation, rule: &str) -> &'e why::Step {
    e.steps
        .iter()
        .find(|s| s.rule == Some(rule))
        .unwrap_or_else(|| panic!("no {rule} step in {:#?}", rules(e)))
}

fn field<'s>(s: &'s why::Step, path: &str) -> &'s why::FieldRef {
    s.fields
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no field {path} in {:?}", s.fields))
}

/// 1. exec-liveness: "why was the container restarted at 1m15s?"
#[test]
fn exec_liveness_restart() {
    let tl = run("exec-liveness", 3 * MINUTE);
    let e = why::explain(&tl, state_at(&tl, 0, 75_300), Lang::En);
    assert_eq!(
        rules(&e),
        [
            "restart-after-kill",
            "sigkill-after-grace",
            "liveness-kill",
            "liveness-failed",
            "probe-failed",
            "file-changed"
        ]
    );
    let restart = step(&e, "restart-after-kill");
    assert_eq!(restart.at, 75_300);
    assert!(
        restart.title.contains("restartCount 1"),
        "{}",
        restart.title
    );
    assert!(restart.detail.contains("No back-off wait"));
    let policy = field(restart, "spec.restartPolicy");
    assert!(!policy.written && policy.value.as_deref() == Some("Always"));
    let exit = step(&e, "sigkill-after-grace");
    assert_eq!((exit.from, exit.at), (Some(45_000), 75_000));
    assert!(exit.detail.contains("137 = 128 + 9"), "{}", exit.detail);
    assert!(exit.detail.contains("45s + 30s = 1m15s"), "{}", exit.detail);
    assert!(exit.detail.contains("PID 1 is `sh`"), "{}", exit.detail);
    let grace = field(exit, "spec.terminationGracePeriodSeconds");
    assert!(!grace.written && grace.value.as_deref() == Some("30"));
    field(exit, "spec.containers[0].args");
    let kill = step(&e, "liveness-kill");
    assert_eq!(kill.at, 45_000);
    assert!(kill
        .title
        .contains("Container liveness failed liveness probe, will be restarted"));
    let verdict = step(&e, "liveness-failed");
    assert!(
        verdict.detail.contains("(35s, 40s, 45s)"),
        "{}",
        verdict.detail
    );
    let threshold = field(verdict, "spec.containers[0].livenessProbe.failureThreshold");
    assert!(!threshold.written && threshold.value.as_deref() == Some("3"));
    let period = field(verdict, "spec.containers[0].livenessProbe.periodSeconds");
    assert!(period.written && period.value.as_deref() == Some("5"));
    let ticks: Vec<u64> = verdict
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::ProbeTick)
        .map(|m| m.at)
        .collect();
    assert_eq!(ticks, [35_000, 40_000, 45_000]);
    let failures = step(&e, "probe-failed");
    assert_eq!((failures.from, failures.at), (Some(35_000), 45_000));
    assert!(failures.detail.contains("`cat /tmp/healthy`"));
    assert!(failures.detail.contains("No such file or directory"));
    field(failures, "spec.containers[0].livenessProbe.exec.command");
    let file = step(&e, "file-changed");
    assert_eq!(file.at, 32_820, "sleep 30 after the start at 2.82s");
    assert!(file.title.contains("/tmp/healthy was removed"));
    assert!(
        file.detail.contains("`rm -f /tmp/healthy`"),
        "{}",
        file.detail
    );
    // The same in Korean.
    let ko = why::explain(&tl, state_at(&tl, 0, 75_300), Lang::Ko);
    assert_eq!(rules(&ko), rules(&e));
    assert!(step(&ko, "restart-after-kill")
        .title
        .contains("다시 시작됨"));
    assert!(step(&ko, "sigkill-after-grace")
        .detail
        .contains("SIGTERM 핸들러가 없어 무시됨"));
}

/// The field's span is where the editor shows it: UTF-16 offsets of `5` in `periodSeconds: 5`.
#[test]
fn spans_point_at_the_manifest_text() {
    let text = common::example("exec-liveness");
    let tl = run("exec-liveness", 2 * MINUTE);
    let e = why::explain(&tl, state_at(&tl, 0, 75_300), Lang::En);
    let period = field(
        step(&e, "liveness-failed"),
        "spec.containers[0].livenessProbe.periodSeconds",
    );
    let span = period.span.expect("written: a span");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let shown = String::from_utf16_lossy(&utf16[span.from_utf16..span.to_utf16]);
    assert_eq!(shown, "5");
    assert_eq!(&text[span.start..span.end], "5");
    let line = text.lines().nth(span.line as usize - 1).unwrap();
    assert_eq!(line.trim(), "periodSeconds: 5");
    // The editor's cursor on the key names the same field.
    let src = tl.source.as_ref().unwrap();
    let key = text.find("periodSeconds").unwrap();
    let cursor = text[..key + 3].encode_utf16().count();
    assert_eq!(
        src.path_at(cursor).as_deref(),
        Some("spec.containers[0].livenessProbe.periodSeconds")
    );
    let cmd = text.find("/tmp/healthy\n").unwrap();
    assert_eq!(
        src.path_at(text[..cmd].encode_utf16().count()).as_deref(),
        Some("spec.containers[0].livenessProbe.exec.command[1]")
    );
}

/// 2. crashloop: "why did the fourth restart wait 40 seconds?"
#[test]
fn crashloop_fourth_restart() {
    let tl = run("crashloop", 3 * MINUTE);
    // The fourth start: restartCount 4 at 1m14.35s (it exits at once, in the same instant).
    let e = why::explain(&tl, state_at(&tl, 0, 74_350), Lang::En);
    let start = step(&e, "restart-policy");
    assert_eq!(start.at, 74_350);
    assert!(start.title.contains("restartCount 4"), "{}", start.title);
    assert!(
        start.detail.contains("40s after its exit at 34.05s"),
        "{}",
        start.detail
    );
    let wait = step(&e, "crash-loop-back-off");
    assert_eq!(wait.at, 34_050);
    assert!(wait.detail.contains("10s × 2² = 40s"), "{}", wait.detail);
    assert!(wait.detail.contains("wait number 3"), "{}", wait.detail);
    assert!(wait.detail.contains("10m"), "the reset: {}", wait.detail);
    assert!(wait
        .marks
        .iter()
        .any(|m| (m.at, m.until) == (34_050, Some(74_050))));
    let exit = e
        .steps
        .iter()
        .find(|s| s.rule == Some("exit-error") && s.at == 34_050)
        .expect("the exit the back-off counts from");
    assert!(
        exit.detail.contains("`echo starting; exit 1`"),
        "{}",
        exit.detail
    );
    field(exit, "spec.containers[0].command");
    // The chain stops at the loop's previous turn: one start, one wait, one exit told.
    assert_eq!(
        e.steps
            .iter()
            .filter(|s| s.rule == Some("restart-policy"))
            .count(),
        1
    );
}

/// 3. seed-init-containers: "why was the Pod Pending until 9.5s?"
#[test]
fn init_containers_phase_running() {
    let tl = run("seed-init-containers", MINUTE);
    let i = tl
        .snapshots
        .iter()
        .position(|s| s.t_ms == 9_480)
        .expect("a status at 9.48s");
    let e = why::explain(
        &tl,
        ChangeRef::Status {
            snapshot: i as u32,
            field: StatusField::Phase,
        },
        Lang::En,
    );
    let at: Vec<(Option<&str>, u64)> = e.steps.iter().map(|s| (s.rule, s.at)).collect();
    assert_eq!(
        at,
        [
            (Some("phase-running"), 9_480),
            (Some("start-after-init"), 9_480),
            (Some("exit-completed"), 8_730),
            (Some("init-in-order"), 6_730),
            (Some("exit-completed"), 5_980),
            (Some("init-in-order"), 3_980),
            (Some("image-pulled"), 3_680),
        ]
    );
    let mydb = &e.steps[3];
    assert!(
        mydb.detail
            .contains("after init-myservice completed at 5.98s"),
        "{}",
        mydb.detail
    );
    let pulled = step(&e, "image-pulled");
    assert_eq!(pulled.from, Some(1_000));
    let policy = field(pulled, "spec.initContainers[0].imagePullPolicy");
    assert!(!policy.written && policy.value.as_deref() == Some("Always"));
}

#[test]
fn the_timeline_annotates_grace_back_off_and_the_killing_run() {
    let tl = run("exec-liveness", 3 * MINUTE);
    let a = why::annotations(&tl);
    let lane = Lane::Container { container: 0 };
    let first = |k: why::AnnotationKind| {
        a.iter()
            .find(|x| x.kind == k)
            .unwrap_or_else(|| panic!("no {k:?} in {a:?}"))
    };
    let grace = first(why::AnnotationKind::GracePeriod);
    assert_eq!((grace.lane, grace.from, grace.to), (lane, 45_000, 75_000));
    assert_eq!(grace.label.en, "grace 30s");
    let run3 = first(why::AnnotationKind::FailureRun);
    assert_eq!((run3.from, run3.to), (35_000, 45_000));
    assert_eq!(run3.label.en, "3/3");
    let tl = run("crashloop", 3 * MINUTE);
    let waits: Vec<(u64, u64, String)> = why::annotations(&tl)
        .into_iter()
        .filter(|x| x.kind == why::AnnotationKind::BackOff)
        .map(|x| (x.from, x.to, x.label.en))
        .collect();
    assert_eq!(
        waits[..3],
        [
            (3_450, 13_750, "back-off 10s".to_string()),
            (13_750, 34_050, "back-off 20s".to_string()),
            (34_050, 74_350, "back-off 40s".to_string()),
        ]
    );
}

#[test]
fn a_field_marks_what_it_caused() {
    let tl = run("exec-liveness", 3 * MINUTE);
    let period = why::caused_by_field(&tl, "spec.containers[0].livenessProbe.periodSeconds");
    let ticks = period
        .iter()
        .filter(|m| m.kind == MarkKind::ProbeTick)
        .count();
    assert_eq!(ticks, tl.probes.len(), "every liveness run");
    assert!(
        period
            .iter()
            .any(|m| m.kind == MarkKind::Instant && m.at == 45_000),
        "the verdict it timed"
    );
    let grace = why::caused_by_field(&tl, "spec.terminationGracePeriodSeconds");
    assert!(grace.iter().any(|m| m.at == 75_000), "the SIGKILL exit");
    assert!(grace.iter().all(|m| m.kind != MarkKind::ProbeTick));
    assert!(why::caused_by_field(&tl, "spec.nodeSelector").is_empty());
    // An item of the probe's command: its runs, and the kill they led to.
    let cmd = why::caused_by_field(&tl, "spec.containers[0].livenessProbe.exec.command[1]");
    assert!(cmd.iter().any(|m| m.kind == MarkKind::ProbeTick));
    // The container's whole command (the script that removes the file): its exits.
    let args = why::caused_by_field(&tl, "spec.containers[0].args");
    assert!(
        args.iter().any(|m| m.at == 75_000),
        "the SIGKILL exit of sh"
    );
}

#[test]
fn rows_map_to_their_changes() {
    let tl = run("exec-liveness", 3 * MINUTE);
    let rows: Vec<String> = podsim::views::get::watch(&tl, 80 * SECOND)
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect();
    let refs = why::watch_refs(&tl, 80 * SECOND);
    let restarted = rows
        .iter()
        .position(|r| r.contains("1 (0s ago)"))
        .expect("the restart row");
    assert_eq!(refs[restarted], state_at(&tl, 0, 75_300));
    // The Killing row of `get events` explains the kill.
    let events = tl.events_at(80 * SECOND);
    let k = events
        .iter()
        .position(|e| e.reason.as_str() == "Killing")
        .unwrap();
    let e = why::explain(&tl, why::event_refs(&tl, 80 * SECOND)[k], Lang::En);
    assert_eq!(e.steps[0].rule, Some("liveness-kill"));
}

#[test]
fn an_explained_goal_needs_the_explanation_opened() {
    let text = common::example("exec-liveness");
    let a = analyze(&text, &Scenario::default(), 3 * MINUTE);
    let tl = a.timeline.as_ref().unwrap();
    let goal: Check = Check::from_tagged(serde_json::json!({
        "kind": "explained",
        "change": {"restart": {"container": "liveness", "n": 1}}
    }))
    .expect("reads");
    assert!(!check_opened(&goal, &a.loaded, Some(tl), &[]).met);
    // Opening the Started event of the first restart, or its new state, meets it.
    let started = tl
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.reason.as_str() == "Started")
        .nth(1)
        .map(|(i, _)| ChangeRef::Event { index: i as u32 })
        .unwrap();
    assert!(check_opened(&goal, &a.loaded, Some(tl), &[started]).met);
    assert!(check_opened(&goal, &a.loaded, Some(tl), &[state_at(tl, 0, 75_300)]).met);
    // Another change does not.
    let first_start = state_at(tl, 0, 2_820);
    let report = check_opened(&goal, &a.loaded, Some(tl), &[first_start]);
    assert!(!report.met);
    assert!(
        report.note.en.contains("restart 1 of liveness"),
        "{}",
        report.note.en
    );
    // Without a timeline the goal is not met; a change that never happens says so.
    let never: Check = Check::from_tagged(serde_json::json!({
        "kind": "explained",
        "change": {"restart": {"container": "liveness", "n": 9}}
    }))
    .unwrap();
    let r = check_opened(&never, &a.loaded, Some(tl), &[started]);
    assert!(
        !r.met && r.note.en.contains("does not happen"),
        "{}",
        r.note.en
    );
}

/// The CLI: `--output why` for one container and in Korean; `--output json` keeps its fields
/// and adds the causes.
#[test]
fn the_cli_tells_why() {
    let file = format!(
        "{}/tests/examples/exec-liveness.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let cli = |extra: &[&str]| {
        let mut args: Vec<String> = ["simulate", file.as_str(), "--until", "2m"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        let out = podsim::cli::run(&args, &|p| {
            std::fs::read_to_string(p).map_err(|e| e.to_string())
        });
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let why = cli(&["--output", "why", "--container", "liveness", "--at", "80s"]);
    assert!(
        why.contains("liveness started again (restartCount 1)"),
        "{why}"
    );
    assert!(why.contains("[restart-after-kill · kuberuntime computePodActions]"));
    assert!(
        !why.contains("PodScheduled True"),
        "only the container's changes"
    );
    let ko = cli(&["--output", "why", "--lang", "ko", "--at", "80s"]);
    assert!(ko.contains("liveness 다시 시작됨(restartCount 1)"), "{ko}");
    assert!(ko.contains("규칙:"));
    let none = cli(&["--output", "why", "--container", "nope"]);
    assert_eq!(none, "no container nope\n");
    let json: serde_json::Value = serde_json::from_str(&cli(&["--output", "json"])).unwrap();
    let causes = json["causes"].as_array().expect("causes");
    let killing = json["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reason"] == "Killing")
        .expect("a Killing event");
    assert_eq!(
        killing["message"],
        "Container liveness failed liveness probe, will be restarted"
    );
    let k = killing["cause"].as_u64().expect("its cause") as usize;
    assert_eq!(causes[k]["rule"], "liveness-kill");
    assert_eq!(causes[k]["container"], "liveness");
    let verdict = causes[k]["because"][0].as_u64().unwrap() as usize;
    assert_eq!(causes[verdict]["rule"], "liveness-failed");
    assert_eq!(causes[verdict]["fact"]["probe"]["run"], 3);
    assert!(json["snapshots"][0]["why"]
        .as_array()
        .is_some_and(|w| !w.is_empty()));
    assert!(json["files"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "/tmp/healthy"
            && f["created"] == false
            && f["command"] == "rm -f /tmp/healthy"));
}

/// The back-off's numbers in an explanation are the cluster's (KEP-5593's
/// `crashLoopBackOff.maxContainerRestartPeriod`, docs/versions.md §4.1): with a 30 s maximum
/// the fourth restart waits 30 s, not 40 s, and the explanation says the wait was capped at
/// 30s rather than quoting the default 5m.
#[test]
fn crashloop_back_off_follows_the_cluster() {
    let scenario = Scenario::from_yaml(
        "cluster: {kubernetes: '1.37', kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 30s}}}\n",
    )
    .expect("scenario");
    let tl = analyze(&common::example("crashloop"), &scenario, 3 * MINUTE)
        .timeline
        .expect("runs");
    let s = tl
        .snapshots
        .iter()
        .find(|s| {
            s.status
                .container_statuses
                .first()
                .is_some_and(|c| c.restart_count == 4)
        })
        .expect("a fourth restart");
    let e = why::explain(&tl, state_at(&tl, 0, s.t_ms), Lang::En);
    let wait = step(&e, "crash-loop-back-off");
    assert!(wait.detail.contains("up to 30s"), "{}", wait.detail);
    assert!(wait.detail.contains("wait is 30s"), "{}", wait.detail);
    assert!(!wait.detail.contains("5m"), "{}", wait.detail);
    let ko = why::explain(&tl, state_at(&tl, 0, s.t_ms), Lang::Ko);
    assert!(
        step(&ko, "crash-loop-back-off").detail.contains("최대 30s"),
        "{}",
        step(&ko, "crash-loop-back-off").detail
    );
}
