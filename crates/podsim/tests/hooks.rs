//! Lifecycle hooks as the kubelet runs them (docs/hooks-audit.md, kuberuntime_container.go
//! `startContainer` / `killContainer` / `executePreStopHook`, lifecycle/handlers.go): what the
//! status shows while a postStart hook blocks the sync, a failing postStart, the handlers'
//! success rules, and the preStop hook's place in a kill — grace periods, SIGTERM and
//! SIGKILL, sidecars, deletion.

mod common;

use common::*;
use podsim::kubelet::events::EventReason;
use podsim::model::{ConditionType, PodPhase, WaitingReason};
use podsim::time::{Millis, MINUTE, SECOND};

fn pod(containers: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n{containers}")
}

/// The container's waiting reason in the status at `t`.
fn waiting_at(tl: &podsim::sim::Timeline, c: &str, t: Millis) -> Option<WaitingReason> {
    tl.status_at(t)?
        .container(c)?
        .state
        .waiting
        .as_ref()?
        .reason
}

/// When container `c`'s instance `k` ended.
fn finished(tl: &podsim::sim::Timeline, c: &str, k: u32) -> Millis {
    tl.logs
        .iter()
        .find(|l| l.container == c && l.restart == k)
        .and_then(|l| l.finished_at)
        .unwrap_or(Millis::MAX)
}

const SLOW_POST_START: &str = "  containers:\n  - name: web\n    image: busybox:1.36\n    command: [sh, -c, 'echo up; sleep 3600']\n    readinessProbe:\n      exec: {command: ['true']}\n      periodSeconds: 5\n    lifecycle:\n      postStart:\n        exec: {command: [sh, -c, 'sleep 20']}\n";

/// startContainer runs postStart inside the sync that started the container: until it
/// returns, the status is the one that sync began with — waiting ContainerCreating, Pod
/// Pending, not ready — although the process runs and Started is recorded.
#[test]
fn a_slow_post_start_keeps_the_container_creating() {
    let tl = run(&pod(SLOW_POST_START), "", 2 * MINUTE);
    let started = starts(&tl, "web")[0];
    let during = started + 10 * SECOND;
    assert_eq!(
        waiting_at(&tl, "web", during),
        Some(WaitingReason::ContainerCreating)
    );
    let s = tl.status_at(during).unwrap();
    assert_eq!(s.phase, PodPhase::Pending);
    assert!(!s.condition_true(ConditionType::Ready));
    assert_eq!(row_at(&tl, during, false).status, "ContainerCreating");
    // The process runs all along: its log line is there from the start.
    assert_eq!(log_text(&tl, "web", 0), "up");
    // Created and Started are recorded before the hook.
    let started_event = events(&tl, EventReason::Started)[0].0;
    assert!(started_event <= started + 1);
    // Once the hook returns: Running, and the readiness probe's first run.
    let after = started + 20 * SECOND;
    assert_eq!(tl.status_at(after).unwrap().phase, PodPhase::Running);
    let first_probe = tl
        .probes
        .iter()
        .find(|p| p.container.as_ref() == "web")
        .unwrap();
    assert_eq!(first_probe.t_ms, after, "no probe while the hook runs");
}

/// SyncPod starts the containers one after the other: the next waits for the previous
/// container's postStart to return.
#[test]
fn the_next_container_waits_for_a_post_start() {
    let text = pod(&format!(
        "{SLOW_POST_START}  - name: second\n    image: busybox:1.36\n    command: [sleep, '3600']\n"
    ));
    let tl = run(&text, "preloadedImages: [busybox:1.36]", MINUTE);
    let web = starts(&tl, "web")[0];
    let second = starts(&tl, "second")[0];
    assert!(second >= web + 20 * SECOND, "web {web}, second {second}");
}

/// A failing postStart: FailedPostStartHook (the message stays out of the event), the kill
/// with message FailedPostStartHook, PostStartHookError with the handler's message as the
/// waiting reason, then a restart subject to the crash-loop back-off like a crash.
#[test]
fn a_failing_post_start_kills_the_container_and_backs_off() {
    let text = pod("  containers:\n  - name: web\n    image: busybox:1.36\n    command: [sleep, '3600']\n    lifecycle:\n      postStart:\n        exec: {command: [sh, -c, 'echo no; exit 1']}\n");
    let tl = run(&text, "", 3 * MINUTE);
    let failed = events(&tl, EventReason::FailedPostStartHook);
    assert_eq!(failed[0].1, "PostStartHook failed");
    let killing = events(&tl, EventReason::Killing);
    assert_eq!(killing[0].1, "FailedPostStartHook");
    let waiting = tl
        .snapshots
        .iter()
        .find_map(|s| {
            let w = s.status.container("web")?.state.waiting.clone()?;
            (w.reason == Some(WaitingReason::PostStartHookError)).then_some(w)
        })
        .expect("PostStartHookError shows");
    let m = waiting.message.unwrap();
    assert!(
        m.starts_with("Exec lifecycle hook ([sh -c echo no; exit 1]) for Container \"web\" in Pod \"p_default("),
        "{m}"
    );
    assert!(m.ends_with(")\" failed - error: command 'sh -c echo no; exit 1' exited with 1: no\n, message: \"no\\n\""), "{m}");
    // Restarted like a crash: at once, then after 10 s, 20 s … of back-off.
    let s = starts(&tl, "web");
    assert!(s.len() >= 4, "{s:?}");
    let gaps: Vec<Millis> = (1..4)
        .map(|k| s[k] - finished(&tl, "web", k as u32 - 1))
        .collect();
    assert!(
        gaps[0] < 2 * SECOND && (10 * SECOND..12 * SECOND).contains(&gaps[1]),
        "{gaps:?}"
    );
    assert!(statuses(&tl).contains(&"CrashLoopBackOff".to_string()));
}

/// handlers.go: an HTTP hook succeeds on any response (nginx's 404 included) and fails on a
/// transport error (nothing listening yet); a tcpSocket hook is never run and always fails.
#[test]
fn http_hooks_succeed_on_any_answer_tcp_hooks_never() {
    // `second` starts once its image is pulled, when nginx (beside it) listens.
    let http = pod("  containers:\n  - name: web\n    image: nginx:1.27\n  - name: second\n    image: busybox:1.36\n    command: [sleep, '3600']\n    lifecycle:\n      postStart:\n        httpGet: {path: /nope, port: 80}\n");
    let tl = run(&http, "", MINUTE);
    assert!(events(&tl, EventReason::FailedPostStartHook).is_empty());
    // nginx's own hook fires as it starts, before it listens: connection refused.
    let own = pod("  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        httpGet: {path: /, port: 80}\n");
    let tl = run(&own, "", MINUTE);
    assert!(!events(&tl, EventReason::FailedPostStartHook).is_empty());
    let tcp = pod("  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        tcpSocket: {port: 80}\n");
    let tl = run(&tcp, "", MINUTE);
    assert!(!events(&tl, EventReason::FailedPostStartHook).is_empty());
}

/// Deleting the pod while an exec postStart runs: the sync is blocked, no SIGTERM until the
/// hook returns (issue #116032); a sleep postStart is cut short by the deletion, a failure.
#[test]
fn deleting_during_a_post_start() {
    let tl = run(
        &pod(SLOW_POST_START),
        "events:\n- {at: 5s, action: deletePod, gracePeriodSeconds: 2}\n",
        2 * MINUTE,
    );
    let hook_end = starts(&tl, "web")[0] + 20 * SECOND;
    let killing = events(&tl, EventReason::Killing);
    assert_eq!(killing[0].0, hook_end, "the kill waits for the hook");
    assert!(
        tl.exists_at(hook_end - 1),
        "still Terminating past its 2 s grace period"
    );
    let sleeper = pod("  containers:\n  - name: web\n    image: busybox:1.36\n    command: [sleep, '3600']\n    lifecycle:\n      postStart:\n        sleep: {seconds: 25}\n");
    let tl = run(
        &sleeper,
        "events:\n- {at: 10s, action: deletePod}\n",
        MINUTE,
    );
    let failed = events(&tl, EventReason::FailedPostStartHook);
    assert_eq!(failed[0].0, 10 * SECOND);
    assert_eq!(
        events(&tl, EventReason::Killing)[0],
        (10 * SECOND, "FailedPostStartHook".to_string())
    );
}

/// The status the kubelet writes after SIGTERM is what the runtime reports: the exit at
/// SIGKILL is 137, at a prompt SIGTERM 143 for a shell trap; the times below are the
/// signals'.
fn exits(tl: &podsim::sim::Timeline) -> Vec<Millis> {
    tl.logs.iter().filter_map(|l| l.finished_at).collect()
}

/// killContainer / executePreStopHook (docs/hooks-audit.md §2.2): SIGTERM when the hook
/// returns, at the grace period G at the latest (the hook is not stopped); SIGKILL after what
/// is left of G — the hook's time truncated to whole seconds — and at least 2 s.
#[test]
fn pre_stop_and_the_grace_period() {
    // A PID 1 that ignores SIGTERM, so that SIGKILL's time shows as the exit.
    let with_hook = |seconds: u32| {
        pod(&format!("  terminationGracePeriodSeconds: 10\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    lifecycle:\n      preStop:\n        sleep: {{seconds: {seconds}}}\n"))
    };
    let deleted_at = 60 * SECOND;
    let scenario = "events:\n- {at: 60s, action: deletePod}\n";
    for (s, kill) in [(3, 10), (9, 11), (10, 12)] {
        let tl = run(&with_hook(s), scenario, 2 * MINUTE);
        assert_eq!(
            exits(&tl),
            [deleted_at + kill * SECOND],
            "preStop {s}s of 10s"
        );
    }
    // A hook that outlives the grace period (sleep ≤ G is all validation allows; an exec
    // hook may run longer): SIGTERM at G, SIGKILL 2 s later.
    let long = pod("  terminationGracePeriodSeconds: 10\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    lifecycle:\n      preStop:\n        exec: {command: [sh, -c, 'sleep 40']}\n");
    let tl = run(&long, scenario, 2 * MINUTE);
    assert_eq!(exits(&tl), [deleted_at + 12 * SECOND]);
}

/// A trap on SIGTERM shows when SIGTERM comes: right after the preStop hook, not at once.
#[test]
fn sigterm_comes_after_the_pre_stop_hook() {
    let text = pod("  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, \"trap 'echo TERM; exit 0' TERM; while true; do sleep 1; done\"]\n    lifecycle:\n      preStop:\n        sleep: {seconds: 4}\n");
    let tl = run(
        &text,
        "events:\n- {at: 60s, action: deletePod}\n",
        2 * MINUTE,
    );
    let e = exits(&tl)[0];
    assert!((64 * SECOND..66 * SECOND).contains(&e), "{e}");
    assert!(log_text(&tl, "app", 0).ends_with("TERM"));
}

/// killContainersWithSyncResult starts every container's kill at once — Killing events and
/// preStop hooks, sidecars' included — and terminationOrdering holds a sidecar's SIGTERM until
/// the regular containers are gone.
#[test]
fn sidecars_are_told_at_once_and_signalled_last() {
    let text = pod("  initContainers:\n  - name: log\n    image: busybox:1.36\n    restartPolicy: Always\n    command: [sh, -c, \"trap 'exit 0' TERM; while true; do sleep 1; done\"]\n    lifecycle:\n      preStop:\n        exec: {command: [sh, -c, 'echo flushing']}\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, \"trap 'sleep 5; exit 0' TERM; while true; do sleep 1; done\"]\n");
    let tl = run(
        &text,
        "events:\n- {at: 60s, action: deletePod}\n",
        2 * MINUTE,
    );
    let killing: Vec<Millis> = events(&tl, EventReason::Killing)
        .iter()
        .map(|e| e.0)
        .collect();
    assert_eq!(killing, [60 * SECOND, 60 * SECOND], "both told at once");
    let app_exit = finished(&tl, "app", 0);
    let log_exit = finished(&tl, "log", 0);
    assert!((65 * SECOND..67 * SECOND).contains(&app_exit), "{app_exit}");
    assert!(
        log_exit >= app_exit,
        "the sidecar's SIGTERM waits for the app"
    );
    assert!(
        log_exit < app_exit + 3 * SECOND,
        "and comes as soon as the app is gone"
    );
}

/// executePreStopHook records FailedPreStopHook when the hook fails, not when the kill
/// starts.
#[test]
fn a_failed_pre_stop_is_recorded_when_it_fails() {
    let text = pod("  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    lifecycle:\n      preStop:\n        exec: {command: [sh, -c, 'sleep 3; exit 2']}\n");
    let tl = run(
        &text,
        "events:\n- {at: 60s, action: deletePod}\n",
        2 * MINUTE,
    );
    let failed = events(&tl, EventReason::FailedPreStopHook);
    assert_eq!(failed, [(63 * SECOND, "PreStopHook failed".to_string())]);
}

/// activeDeadlineSeconds is acted on by a sync (the pod sync handlers' ShouldEvict in
/// generateAPIPodStatus, kubelet_pods.go): while a postStart blocks the sync, nothing
/// happens; the deadline fails and stops the pod when the hook returns (docs/hooks-audit.md
/// §2.4, inferred from the code).
#[test]
fn the_active_deadline_waits_for_a_post_start() {
    let text = pod(&SLOW_POST_START.replace(
        "  containers:\n",
        "  activeDeadlineSeconds: 10\n  containers:\n",
    ));
    let tl = run(&text, "preloadedImages: [busybox:1.36]", MINUTE);
    let hook_end = starts(&tl, "web")[0] + 20 * SECOND;
    let deadline = events(&tl, EventReason::DeadlineExceeded);
    assert_eq!(deadline.len(), 1);
    assert_eq!(deadline[0].0, hook_end);
    assert_eq!(tl.status_at(hook_end - 1).unwrap().phase, PodPhase::Pending);
    assert_eq!(
        events(&tl, EventReason::Killing)[0].0,
        hook_end,
        "the kill starts with the deadline"
    );
    assert_eq!(tl.status_at(MINUTE).unwrap().phase, PodPhase::Failed);
}
