//! Golden tests: every manifest of ../shared/examples (copied in tests/examples) reproduces
//! the behaviour its notes describe, and the reference's worked scenarios (restart policies,
//! init failures, sidecar jobs, bad images, graceful deletion) come out as a real cluster
//! would show them.

use podsim::api;
use podsim::kubelet::prober::{ProbeKind, ProbeResult};
use podsim::sim::{simulate, Scenario, Timeline};
use podsim::time::{Millis, MINUTE, SECOND};
use podsim::views::get::pod_row;

fn example(name: &str) -> String {
    let path = format!("{}/tests/examples/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(text: &str, scenario: &str, until: Millis) -> Timeline {
    let loaded = api::load(text);
    let m = loaded
        .defaulted
        .unwrap_or_else(|| panic!("invalid: {:?}", loaded.diagnostics));
    let s = Scenario::from_yaml(scenario).expect("scenario");
    simulate(&m, &s, until).expect("simulate")
}

/// STATUS (kubectl get) at every snapshot, consecutive duplicates removed.
fn statuses(tl: &Timeline) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &tl.snapshots {
        let row = pod_row(
            &tl.pod_name,
            &tl.manifest.pod.spec,
            &s.status,
            tl.deletion_at(s.t_ms).is_some(),
            None,
            s.t_ms,
        );
        if out.last() != Some(&row.status) {
            out.push(row.status);
        }
    }
    out
}

fn events(tl: &Timeline, reason: &str) -> Vec<(Millis, String)> {
    tl.events
        .iter()
        .filter(|e| e.reason == reason)
        .map(|e| (e.t_ms, e.message.clone()))
        .collect()
}

/// Start times of every instance of a container.
fn starts(tl: &Timeline, container: &str) -> Vec<Millis> {
    tl.logs
        .iter()
        .filter(|l| l.container == container)
        .map(|l| l.started_at)
        .collect()
}

fn restarts_at(tl: &Timeline, container: &str, t: Millis) -> u32 {
    tl.status_at(t)
        .and_then(|s| s.container(container))
        .map(|c| c.restart_count)
        .unwrap_or(0)
}

#[test]
fn seed_pod_sample_runs_and_becomes_ready() {
    let tl = run(&example("seed-pod-sample"), "", 2 * MINUTE);
    let reasons: Vec<&str> = tl.events.iter().map(|e| e.reason.as_str()).collect();
    assert_eq!(
        reasons,
        ["Scheduled", "Pulling", "Pulled", "Created", "Started"]
    );
    assert_eq!(
        tl.events[0].message,
        "Successfully assigned default/kubenetes-simple-pod to node01"
    );
    assert_eq!(
        tl.events[1].message,
        "Pulling image \"arisu1000/simple-container-app:latest\""
    );
    assert_eq!(
        tl.events[3].message,
        "Created container: kubenetes-simple-pod"
    );
    assert_eq!(
        tl.events[4].message,
        "Started container kubenetes-simple-pod"
    );
    let end = tl.status_at(2 * MINUTE).unwrap();
    assert_eq!(end.phase, "Running");
    for c in [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
    ] {
        assert!(end.condition_true(c), "{c}");
    }
    let ready_at = tl
        .snapshots
        .iter()
        .find(|s| s.status.condition_true("Ready"))
        .unwrap()
        .t_ms;
    assert!(ready_at < 10 * SECOND, "ready at {ready_at}");
    assert_eq!(restarts_at(&tl, "kubenetes-simple-pod", 2 * MINUTE), 0);
}

#[test]
fn seed_init_containers_run_in_order_then_the_app() {
    let tl = run(&example("seed-init-containers"), "", MINUTE);
    assert_eq!(
        statuses(&tl),
        ["Init:0/2", "Init:1/2", "PodInitializing", "Running"]
    );
    let a = starts(&tl, "init-myservice")[0];
    let b = starts(&tl, "init-mydb")[0];
    let app = starts(&tl, "kubernetes-simple-pod")[0];
    assert!(a < b && b < app, "{a} {b} {app}");
    assert!(b - a >= 2 * SECOND, "init-myservice sleeps 2 s first");
    let log = |c: &str| {
        tl.logs.iter().find(|l| l.container == c).unwrap().lines[0]
            .text
            .clone()
    };
    assert_eq!(log("init-myservice"), "helloworld01");
    assert_eq!(log("init-mydb"), "helloworld02");
    assert_eq!(log("kubernetes-simple-pod"), "The app is running!");
    assert_eq!(tl.status_at(MINUTE).unwrap().phase, "Running");
}

#[test]
fn exec_liveness_kills_after_three_failures_and_restarts() {
    let tl = run(&example("exec-liveness"), "", 3 * MINUTE);
    let start = starts(&tl, "liveness")[0];
    let probes: Vec<_> = tl
        .probes
        .iter()
        .filter(|p| p.probe == ProbeKind::Liveness)
        .collect();
    // Passing while /tmp/healthy exists (30 s), failing after.
    for p in &probes {
        let since = p.t_ms - start;
        if since < 30 * SECOND {
            assert_eq!(p.result, ProbeResult::Success, "at {since}");
        }
    }
    let unhealthy = events(&tl, "Unhealthy");
    assert_eq!(
        unhealthy[0].1,
        "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"
    );
    let first_fail = unhealthy[0].0 - start;
    assert!(
        (30 * SECOND..=40 * SECOND).contains(&first_fail),
        "first failure {first_fail}"
    );
    let killing = events(&tl, "Killing");
    assert_eq!(
        killing[0].1,
        "Container liveness failed liveness probe, will be restarted"
    );
    assert!(
        killing[0].0 - unhealthy[0].0 >= 10 * SECOND,
        "three failures 5 s apart"
    );
    // sh ignores SIGTERM: SIGKILL after the 30 s grace, exit 137, immediate restart.
    let second = starts(&tl, "liveness")[1];
    assert_eq!(
        second - killing[0].0,
        30 * SECOND + 300,
        "restart right after SIGKILL"
    );
    let s = tl
        .status_at(second + 1000)
        .unwrap()
        .container("liveness")
        .unwrap()
        .clone();
    assert_eq!(s.restart_count, 1);
    assert_eq!(s.last_state.terminated.as_ref().unwrap().exit_code, 137);
    assert_eq!(
        s.last_state.terminated.as_ref().unwrap().reason.as_deref(),
        Some("Error")
    );
    assert!(starts(&tl, "liveness").len() >= 3, "the cycle repeats");
}

#[test]
fn http_liveness_fails_after_ten_seconds_then_crash_loops() {
    let tl = run(&example("http-liveness"), "", 3 * MINUTE);
    let start = starts(&tl, "liveness")[0];
    let unhealthy = events(&tl, "Unhealthy");
    assert_eq!(
        unhealthy[0].1,
        "Liveness probe failed: HTTP probe failed with statuscode: 500"
    );
    assert!((11 * SECOND..=15 * SECOND).contains(&(unhealthy[0].0 - start)));
    let st = starts(&tl, "liveness");
    // Kill cycles of about 18 s, restarted at once, until the back-off (20 s) exceeds it.
    assert!(st[1] - st[0] < 21 * SECOND, "{st:?}");
    assert!(st[2] - st[1] < 21 * SECOND, "{st:?}");
    assert!(st[3] - st[2] < 21 * SECOND, "{st:?}");
    assert!(
        st[4] - st[3] >= 35 * SECOND,
        "4th kill waits for the back-off: {st:?}"
    );
    assert!(statuses(&tl).contains(&"CrashLoopBackOff".to_string()));
}

#[test]
fn tcp_probes_make_it_ready_and_never_restart() {
    let tl = run(&example("tcp-liveness-readiness"), "", 2 * MINUTE);
    let start = starts(&tl, "goproxy")[0];
    let ready = tl
        .snapshots
        .iter()
        .find(|s| s.status.condition_true("Ready"))
        .unwrap()
        .t_ms;
    assert!(
        (15 * SECOND..=25 * SECOND + 1000).contains(&(ready - start)),
        "ready {}",
        ready - start
    );
    let before = tl.status_at(ready - 1).unwrap();
    assert_eq!(before.phase, "Running");
    assert_eq!(
        before.condition("Ready").unwrap().message.as_deref(),
        Some("containers with unready status: [goproxy]")
    );
    assert_eq!(restarts_at(&tl, "goproxy", 2 * MINUTE), 0);
    assert!(tl.probes.iter().all(|p| p.result == ProbeResult::Success));
}

#[test]
fn grpc_liveness_passes() {
    let tl = run(&example("grpc-liveness"), "", 2 * MINUTE);
    let live: Vec<_> = tl
        .probes
        .iter()
        .filter(|p| p.probe == ProbeKind::Liveness)
        .collect();
    assert!(!live.is_empty());
    assert!(
        live.iter().all(|p| p.result == ProbeResult::Success),
        "{live:?}"
    );
    let start = starts(&tl, "etcd")[0];
    assert!(live[0].t_ms - start >= 10 * SECOND);
    assert_eq!(restarts_at(&tl, "etcd", 2 * MINUTE), 0);
}

#[test]
fn init_containers_wait_for_their_services() {
    let scenario = "events:\n- {at: 30s, action: createService, name: myservice}\n- {at: 60s, action: createService, name: mydb}\n";
    let tl = run(&example("init-containers"), scenario, 2 * MINUTE);
    assert_eq!(
        statuses(&tl),
        ["Init:0/2", "Init:1/2", "PodInitializing", "Running"]
    );
    assert_eq!(tl.status_at(25 * SECOND).unwrap().phase, "Pending");
    let waiting: Vec<_> = tl
        .logs
        .iter()
        .find(|l| l.container == "init-myservice")
        .unwrap()
        .lines
        .iter()
        .filter(|l| l.text == "waiting for myservice")
        .map(|l| l.t)
        .collect();
    assert!(waiting.len() >= 10);
    assert!(
        waiting.windows(2).all(|w| w[1] - w[0] == 2 * SECOND),
        "every 2 s"
    );
    let mydb = starts(&tl, "init-mydb")[0];
    assert!(
        (30 * SECOND..32 * SECOND).contains(&mydb),
        "init-mydb after myservice: {mydb}"
    );
    let app = starts(&tl, "myapp-container")[0];
    assert!(
        (60 * SECOND..63 * SECOND).contains(&app),
        "app after mydb: {app}"
    );
    let init = tl
        .status_at(20 * SECOND)
        .unwrap()
        .condition("Initialized")
        .unwrap()
        .clone();
    assert_eq!(init.reason.as_deref(), Some("ContainersNotInitialized"));
    assert_eq!(
        init.message.as_deref(),
        Some("containers with incomplete status: [init-myservice init-mydb]")
    );
}

#[test]
fn sidecar_starts_first_and_restarts_alone() {
    let scenario = "events:\n- {at: 30s, action: killContainer, container: logshipper}\n";
    let tl = run(&example("sidecar-pod"), scenario, MINUTE);
    let side = starts(&tl, "logshipper");
    let app = starts(&tl, "myapp");
    assert!(side[0] < app[0]);
    let row = |t| {
        pod_row(
            &tl.pod_name,
            &tl.manifest.pod.spec,
            tl.status_at(t).unwrap(),
            false,
            None,
            t,
        )
    };
    assert_eq!(row(20 * SECOND).ready, "2/2");
    assert_eq!(row(20 * SECOND).status, "Running");
    assert_eq!(side.len(), 2, "the sidecar is restarted");
    assert_eq!(app.len(), 1, "the app is not");
    let shipped = tl
        .logs
        .iter()
        .find(|l| l.container == "logshipper")
        .unwrap();
    assert!(shipped.lines.iter().filter(|l| l.text == "logging").count() > 5);
}

#[test]
fn startup_probe_holds_liveness_off() {
    let tl = run(&example("startup-probe"), "", 3 * MINUTE);
    assert_eq!(restarts_at(&tl, "app", 3 * MINUTE), 0, "never killed");
    let start = starts(&tl, "app")[0];
    let first_live = tl
        .probes
        .iter()
        .find(|p| p.probe == ProbeKind::Liveness)
        .unwrap();
    let startup_ok = tl
        .probes
        .iter()
        .find(|p| p.probe == ProbeKind::Startup && p.result == ProbeResult::Success)
        .unwrap();
    assert!(startup_ok.t_ms - start >= 40 * SECOND);
    assert!(
        first_live.t_ms >= startup_ok.t_ms,
        "liveness only after startup succeeded"
    );
    assert!(tl
        .probes
        .iter()
        .filter(|p| p.probe == ProbeKind::Startup)
        .any(|p| p.result == ProbeResult::Failure));
}

#[test]
fn crashloop_backs_off_10_20_40() {
    let tl = run(&example("crashloop"), "", 5 * MINUTE);
    let st = starts(&tl, "app");
    let gaps: Vec<Millis> = st.windows(2).map(|w| (w[1] - w[0]) / SECOND).collect();
    // First restart immediate, then 10 s, 20 s, 40 s, 80 s (+ the restart's own latency).
    assert_eq!(&gaps[..5], &[0, 10, 20, 40, 80], "{gaps:?}");
    let s = statuses(&tl);
    assert!(
        s.contains(&"Error".to_string()) && s.contains(&"CrashLoopBackOff".to_string()),
        "{s:?}"
    );
    assert!(tl
        .snapshots
        .iter()
        .skip(3)
        .all(|s| s.status.phase == "Running"));
    let backoff = events(&tl, "BackOff");
    assert!(backoff[0]
        .1
        .starts_with("Back-off restarting failed container app in pod crasher_default("));
    let w = tl
        .snapshots
        .iter()
        .find_map(|s| {
            s.status
                .container("app")?
                .state
                .waiting
                .clone()
                .filter(|w| w.reason.as_deref() == Some("CrashLoopBackOff"))
        })
        .unwrap();
    assert!(w
        .message
        .unwrap()
        .starts_with("back-off 10s restarting failed container=app pod=crasher_default("));
}

const ONE_SHOT: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: once}\nspec:\n  restartPolicy: POLICY\n  containers:\n  - name: task\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"echo done; sleep 5; exit CODE\"]\n";

#[test]
fn restart_policies_decide_the_phase() {
    for (policy, code, phase, status) in [
        ("Never", "0", "Succeeded", "Completed"),
        ("Never", "1", "Failed", "Error"),
        ("OnFailure", "0", "Succeeded", "Completed"),
        ("OnFailure", "1", "Running", "CrashLoopBackOff"),
        ("Always", "0", "Running", "CrashLoopBackOff"),
    ] {
        let text = ONE_SHOT.replace("POLICY", policy).replace("CODE", code);
        let tl = run(&text, "", 2 * MINUTE);
        let end = tl.status_at(2 * MINUTE).unwrap();
        assert_eq!(end.phase, phase, "{policy} exit {code}");
        assert!(
            statuses(&tl).contains(&status.to_string()),
            "{policy} exit {code}: {:?}",
            statuses(&tl)
        );
        if phase == "Succeeded" {
            let ready = end.condition("Ready").unwrap();
            assert_eq!(ready.reason.as_deref(), Some("PodCompleted"));
        }
        if phase == "Failed" {
            assert_eq!(
                end.condition("ContainersReady").unwrap().reason.as_deref(),
                Some("PodFailed")
            );
        }
    }
}

#[test]
fn failing_init_container_fails_the_pod_under_never_and_loops_otherwise() {
    let base = "apiVersion: v1\nkind: Pod\nmetadata: {name: init-fail}\nspec:\n  restartPolicy: POLICY\n  initContainers:\n  - name: check\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"echo not ready; exit 1\"]\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sleep\", \"3600\"]\n";
    let tl = run(&base.replace("POLICY", "Never"), "", MINUTE);
    assert_eq!(tl.status_at(MINUTE).unwrap().phase, "Failed");
    assert_eq!(statuses(&tl).last().unwrap(), "Init:Error");
    assert_eq!(starts(&tl, "check").len(), 1);
    let tl = run(&base.replace("POLICY", "Always"), "", 2 * MINUTE);
    assert_eq!(tl.status_at(2 * MINUTE).unwrap().phase, "Pending");
    let s = statuses(&tl);
    assert!(s.contains(&"Init:CrashLoopBackOff".to_string()), "{s:?}");
    assert!(s.contains(&"Init:Error".to_string()), "{s:?}");
    assert!(starts(&tl, "app").is_empty());
}

#[test]
fn a_sidecar_job_completes() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: sidecar-job}\nspec:\n  restartPolicy: Never\n  initContainers:\n  - name: logger\n    image: busybox:1.36\n    restartPolicy: Always\n    command: [\"sh\", \"-c\", \"sleep 3600\"]\n  containers:\n  - name: main\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"sleep 10; exit 0\"]\n";
    let tl = run(text, "", 2 * MINUTE);
    let main_done = tl
        .snapshots
        .iter()
        .find(|s| {
            s.status
                .container("main")
                .is_some_and(|c| c.state.terminated.is_some())
        })
        .unwrap()
        .t_ms;
    let during = tl.status_at(main_done + 5 * SECOND).unwrap();
    assert_eq!(during.phase, "Running", "the sidecar is being stopped");
    let row = pod_row(
        &tl.pod_name,
        &tl.manifest.pod.spec,
        during,
        false,
        None,
        main_done,
    );
    assert_eq!(
        (row.ready.as_str(), row.status.as_str()),
        ("1/2", "Completed")
    );
    let killing = events(&tl, "Killing");
    assert_eq!(killing[0].1, "Stopping container logger");
    let end = tl.status_at(2 * MINUTE).unwrap();
    assert_eq!(end.phase, "Succeeded");
    let logger = end.container("logger").unwrap();
    assert_eq!(
        logger.state.terminated.as_ref().unwrap().exit_code,
        137,
        "sleep ignores SIGTERM"
    );
    let done = tl
        .snapshots
        .iter()
        .find(|s| s.status.phase == "Succeeded")
        .unwrap()
        .t_ms;
    assert_eq!(done - killing[0].0, 30 * SECOND);
}

#[test]
fn a_missing_image_backs_off() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: badimage}\nspec:\n  containers:\n  - name: app\n    image: nginx:does-not-exist\n";
    let tl = run(text, "", 3 * MINUTE);
    let pulls: Vec<Millis> = events(&tl, "Pulling").iter().map(|e| e.0).collect();
    let gaps: Vec<Millis> = pulls
        .windows(2)
        .map(|w| (w[1] - w[0] + 500) / SECOND)
        .collect();
    assert!(gaps.len() >= 3, "{pulls:?}");
    assert!(
        gaps[1] > gaps[0] && gaps[2] > gaps[1],
        "back-off grows: {gaps:?}"
    );
    let failed = events(&tl, "Failed");
    assert!(failed[0]
        .1
        .starts_with("Failed to pull image \"nginx:does-not-exist\": rpc error: code = NotFound"));
    assert_eq!(failed[1].1, "Error: ErrImagePull");
    assert!(failed.iter().any(|f| f.1 == "Error: ImagePullBackOff"));
    let s = statuses(&tl);
    assert!(
        s.contains(&"ErrImagePull".to_string()) && s.contains(&"ImagePullBackOff".to_string()),
        "{s:?}"
    );
    assert_eq!(tl.status_at(3 * MINUTE).unwrap().phase, "Pending");
    assert_eq!(restarts_at(&tl, "app", 3 * MINUTE), 0);
}

#[test]
fn graceful_deletion_with_a_pre_stop_hook() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: graceful}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"sleep 3600\"]\n    lifecycle:\n      preStop:\n        exec:\n          command: [\"sh\", \"-c\", \"sleep 5\"]\n";
    let tl = run(
        text,
        "events:\n- {at: 100s, action: deletePod}\n",
        3 * MINUTE,
    );
    let d = tl.deletion.unwrap();
    assert_eq!(d.deletion_timestamp, 130 * SECOND);
    let row = pod_row(
        &tl.pod_name,
        &tl.manifest.pod.spec,
        tl.status_at(110 * SECOND).unwrap(),
        true,
        None,
        110 * SECOND,
    );
    assert_eq!(row.status, "Terminating");
    assert_eq!(
        events(&tl, "Killing")[0],
        (100 * SECOND, "Stopping container app".to_string())
    );
    assert_eq!(d.deleted_at, Some(130 * SECOND));
    let last = tl.status_at(130 * SECOND).unwrap();
    assert_eq!(last.phase, "Failed");
    assert_eq!(
        last.container("app")
            .unwrap()
            .state
            .terminated
            .as_ref()
            .unwrap()
            .exit_code,
        137
    );
    assert!(!tl.exists_at(131 * SECOND));
    // `kubectl get pods -w`: the terminal status is written (MODIFIED), then the object is
    // deleted (DELETED) showing that state once more; nothing after.
    let watch = podsim::views::get::watch(&tl, 3 * MINUTE);
    let rows: Vec<Vec<&str>> = watch
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let n = rows.len();
    assert_eq!(
        rows[n - 3],
        ["graceful", "1/1", "Terminating", "0", "100s"],
        "{watch}"
    );
    assert_eq!(
        rows[n - 2],
        ["graceful", "0/1", "Error", "0", "2m10s"],
        "{watch}"
    );
    assert_eq!(rows[n - 1], rows[n - 2], "{watch}");
    // The timeline's lanes end when the object is gone.
    let lanes = podsim::views::lanes::lanes(&tl);
    assert_eq!(lanes.gone_at, Some(130 * SECOND));
    let ends: Vec<Millis> = lanes
        .containers
        .iter()
        .flat_map(|c| &c.segments)
        .chain(lanes.conditions.iter().flat_map(|c| &c.segments))
        .chain(&lanes.phase)
        .map(|s| s.end)
        .collect();
    assert_eq!(ends.iter().max(), Some(&(130 * SECOND)), "{ends:?}");
    // The terminal status lasts only the instant before removal: the phase band ends Running.
    let last = lanes.phase.last().unwrap();
    assert_eq!((last.label.as_str(), last.end), ("Running", 130 * SECOND));
    assert_eq!(lanes.final_phase.as_deref(), Some("Failed"));
    // So does the CLI's text chart (2 s a column: the pod is gone from column 65).
    let chart = podsim::views::chart::chart(&tl, 3 * MINUTE, 90);
    let phase = chart.lines().find(|l| l.starts_with("phase")).unwrap();
    let cells: Vec<char> = phase.chars().rev().take(90).collect::<Vec<_>>();
    let cells: String = cells.into_iter().rev().collect();
    assert_eq!(cells.trim_end().len(), 65, "{chart}");
    assert!(cells.trim_end().ends_with('R'), "{chart}");
}

#[test]
fn a_trap_makes_termination_prompt() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: polite}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"trap 'echo bye; exit 0' TERM; sleep 3600 & wait\"]\n";
    let tl = run(
        text,
        "events:\n- {at: 60s, action: deletePod}\n",
        2 * MINUTE,
    );
    let d = tl.deletion.unwrap();
    assert!(d.deleted_at.unwrap() < 61 * SECOND, "{d:?}");
    assert_eq!(
        tl.status_at(2 * MINUTE).map(|s| s.phase.clone()),
        Some("Succeeded".into())
    );
    let log = &tl.logs[0].lines;
    assert_eq!(log.last().unwrap().text, "bye");
}

#[test]
fn unschedulable_pods_say_why() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: \"4\"\n";
    let tl = run(text, "", MINUTE);
    let s = tl.status_at(MINUTE).unwrap();
    assert_eq!(s.phase, "Pending");
    let c = s.condition("PodScheduled").unwrap();
    assert_eq!(c.status, "False");
    assert_eq!(c.reason.as_deref(), Some("Unschedulable"));
    assert!(c
        .message
        .as_deref()
        .unwrap()
        .starts_with("0/1 nodes are available: 1 Insufficient cpu."));
    assert_eq!(events(&tl, "FailedScheduling").len(), 1);
    assert!(tl.logs.is_empty());
}

#[test]
fn oom_kill_above_the_memory_limit() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: memory-demo}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: stress\n    image: polinux/stress\n    command: [\"stress\"]\n    args: [\"--vm\", \"1\", \"--vm-bytes\", \"250M\", \"--vm-hang\", \"1\"]\n    resources:\n      limits:\n        memory: 100Mi\n";
    let tl = run(text, "", MINUTE);
    let c = tl
        .status_at(MINUTE)
        .unwrap()
        .container("stress")
        .unwrap()
        .clone();
    let t = c.state.terminated.unwrap();
    assert_eq!((t.exit_code, t.reason.as_deref()), (137, Some("OOMKilled")));
}

#[test]
fn a_lost_node_marks_the_pod_not_ready_then_evicts_it() {
    let tl = run(
        &example("seed-pod-sample"),
        "events:\n- {at: 60s, action: loseNode}\n",
        10 * MINUTE,
    );
    let at = |t| tl.status_at(t).unwrap().clone();
    assert!(
        at(90 * SECOND).condition_true("Ready"),
        "still Ready until the node controller notices"
    );
    assert!(!at(101 * SECOND).condition_true("Ready"));
    assert_eq!(events(&tl, "NodeNotReady").len(), 1);
    let evict = events(&tl, "TaintManagerEviction");
    assert_eq!(
        evict[0],
        (
            400 * SECOND,
            "Marking for deletion Pod default/kubenetes-simple-pod".to_string()
        )
    );
    let row = pod_row(
        &tl.pod_name,
        &tl.manifest.pod.spec,
        &at(500 * SECOND),
        true,
        None,
        500 * SECOND,
    );
    assert_eq!(row.status, "Terminating");
    assert!(
        tl.exists_at(10 * MINUTE),
        "an unreachable kubelet never confirms the deletion"
    );
}

#[test]
fn active_deadline_fails_the_pod() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: deadline}\nspec:\n  activeDeadlineSeconds: 30\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sleep\", \"3600\"]\n";
    let tl = run(text, "", 2 * MINUTE);
    let end = tl.status_at(2 * MINUTE).unwrap();
    assert_eq!(end.phase, "Failed");
    assert_eq!(end.reason.as_deref(), Some("DeadlineExceeded"));
    assert_eq!(
        events(&tl, "DeadlineExceeded")[0].1,
        "Pod was active on the node longer than the specified deadline"
    );
    let row = pod_row(
        &tl.pod_name,
        &tl.manifest.pod.spec,
        end,
        false,
        None,
        2 * MINUTE,
    );
    assert_eq!(row.status, "DeadlineExceeded");
}

/// `kubectl delete pod --grace-period=5`: the scenario's `gracePeriodSeconds` overrides the
/// pod's 30 s; a process that ignores SIGTERM is killed 5 s later (exit 137).
#[test]
fn delete_with_a_shorter_grace_period() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: stubborn}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"trap '' TERM; while true; do sleep 1; done\"]\n";
    let tl = run(
        text,
        "events:\n- {at: 60s, action: deletePod, gracePeriodSeconds: 5}\n",
        2 * MINUTE,
    );
    let d = tl.deletion.unwrap();
    assert_eq!(d.grace_period_seconds, 5);
    assert_eq!(d.deletion_timestamp, 65 * SECOND);
    let gone = d.deleted_at.unwrap();
    assert!((65 * SECOND..67 * SECOND).contains(&gone), "{d:?}");
    let last = &tl.snapshots.last().unwrap().status;
    let t = last.container_statuses[0]
        .state
        .terminated
        .as_ref()
        .unwrap();
    assert_eq!((t.exit_code, t.finished_at), (137, 65 * SECOND));
}

/// STATUS of each row `kubectl get pods -w` prints, from creation until `t`.
fn watch_statuses(tl: &Timeline, t: Millis) -> Vec<String> {
    podsim::views::get::watch(tl, t)
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(2).unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_watch_from_creation_shows_the_object_before_the_kubelet_does() {
    // Created (no status), bound by the scheduler (still Pending), then the kubelet's status.
    let web = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n";
    let tl = run(web, "", MINUTE);
    let s = watch_statuses(&tl, MINUTE);
    assert_eq!(s[..3], ["Pending", "Pending", "ContainerCreating"], "{s:?}");
    assert_eq!(s.last().map(String::as_str), Some("Running"), "{s:?}");
    // With spec.nodeName there is no binding: the kubelet's status follows the created object.
    let pinned = web.replace("spec:\n", "spec:\n  nodeName: node01\n");
    let s = watch_statuses(&run(&pinned, "", MINUTE), MINUTE);
    assert_eq!(s[..2], ["Pending", "ContainerCreating"], "{s:?}");
    // Unschedulable: the created object, then the scheduler's PodScheduled=False update.
    let big = web.replace(
        "image: nginx:1.27\n",
        "image: nginx:1.27\n    resources:\n      requests:\n        cpu: \"4\"\n",
    );
    let s = watch_statuses(&run(&big, "", MINUTE), MINUTE);
    assert_eq!(s, ["Pending", "Pending"], "{s:?}");
}

#[test]
fn nslookup_answers_with_the_services_cluster_ip() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: a\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"nslookup pinned; nslookup given\"]\n";
    let services = "---\napiVersion: v1\nkind: Service\nmetadata: {name: pinned}\nspec:\n  clusterIP: 10.96.7.7\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Service\nmetadata: {name: given}\nspec:\n  ports:\n  - port: 80\n";
    let text = format!("{pod}{services}");
    let loaded = api::load(&text);
    let m = loaded.defaulted.expect("valid");
    // The IP defaulting gave the second Service is the one the cluster's DNS answers with.
    let given = m.services[1].spec.cluster_ip.clone().expect("defaulted");
    let tl = run(&text, "", MINUTE);
    let log: Vec<String> = tl.logs[0].lines.iter().map(|l| l.text.clone()).collect();
    let log = log.join("\n");
    assert!(log.contains("10.96.7.7"), "{log}");
    assert!(log.contains(&given), "{given} in {log}");
    // The stored objects keep the API's field names.
    let yaml = api::defaulted_yaml(&m);
    assert!(yaml.contains("  clusterIP: 10.96.7.7\n"), "{yaml}");
    // What the apiserver adds on create.
    for field in [
        "  creationTimestamp: \"2026-11-24T09:00:00Z\"\n",
        &format!("  uid: {}\n", tl.uid),
        "  serviceAccount: default\n  serviceAccountName: default\n",
        "status:\n  phase: Pending\n  qosClass: BestEffort\n",
    ] {
        assert!(yaml.contains(field), "{field:?} in {yaml}");
    }
    // Every object gets its own uid and a resourceVersion (a decimal string), in the order
    // they are created.
    let versions: Vec<u64> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("  resourceVersion: \""))
        .map(|v| {
            v.trim_end_matches('"')
                .parse()
                .expect("a decimal resourceVersion")
        })
        .collect();
    assert_eq!(versions.len(), 3, "{yaml}");
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    let uids: std::collections::BTreeSet<&str> =
        yaml.lines().filter(|l| l.starts_with("  uid: ")).collect();
    assert_eq!(uids.len(), 3, "{yaml}");
    let with_host_ip = text.replace(
        "  - name: a\n",
        "  - name: a\n    ports:\n    - {containerPort: 80, hostPort: 8080, hostIP: 127.0.0.1}\n",
    );
    let m = api::load(&with_host_ip).defaulted.expect("valid");
    assert_eq!(
        m.pod.spec.containers[0].ports[0].host_ip.as_deref(),
        Some("127.0.0.1")
    );
    assert!(api::defaulted_yaml(&m).contains("hostIP: 127.0.0.1"));
}

/// What a segment's hover says is in both languages where podlab words it (ready or not, the
/// exit code) and the kubelet's own message where the kubelet wrote one.
#[test]
fn segment_details_are_in_english_and_korean() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: d\nspec:\n  restartPolicy: Never\n  containers:\n  - name: web\n    image: nginx\n  - name: job\n    image: busybox\n    command: [sh, -c, 'sleep 5; exit 3']\n";
    let tl = run(pod, "events: []", MINUTE);
    let lanes = podsim::views::lanes::lanes(&tl);
    let lane = |name: &str| {
        lanes
            .containers
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no lane {name}"))
    };
    let web = lane("web").segments.last().unwrap();
    assert_eq!(web.label, "Running");
    assert_eq!(
        (web.detail.en.as_str(), web.detail.ko.as_str()),
        ("ready", "준비됨")
    );
    let job = lane("job").segments.last().unwrap();
    assert_eq!(job.label, "Error");
    assert_eq!(
        (job.detail.en.as_str(), job.detail.ko.as_str()),
        ("exit code 3", "종료 코드 3")
    );
    // A condition's reason is the kubelet's, the same in both languages.
    let ready = lanes.conditions.iter().find(|c| c.name == "Ready").unwrap();
    let last = ready.segments.last().unwrap();
    assert_eq!(last.label, "False");
    assert!(last.detail.en.starts_with("ContainersNotReady"), "{last:?}");
    assert_eq!(last.detail.en, last.detail.ko);
}
