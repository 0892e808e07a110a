//! Golden tests: the probes of the shared examples — exec, httpGet, tcpSocket and gRPC
//! liveness and readiness, the startup probe holding the others off — with the results,
//! events, kills and restarts a real cluster shows.

mod common;

use common::*;
use podsim::kubelet::events::EventReason;
use podsim::kubelet::prober::{ProbeKind, ProbeResult};
use podsim::model::{ConditionType, PodPhase, TerminatedReason};
use podsim::time::{MINUTE, SECOND};
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
    let unhealthy = events(&tl, EventReason::Unhealthy);
    assert_eq!(
        unhealthy[0].1,
        "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"
    );
    let first_fail = unhealthy[0].0 - start;
    assert!(
        (30 * SECOND..=40 * SECOND).contains(&first_fail),
        "first failure {first_fail}"
    );
    let killing = events(&tl, EventReason::Killing);
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
        s.last_state.terminated.as_ref().unwrap().reason,
        Some(TerminatedReason::Error)
    );
    assert!(starts(&tl, "liveness").len() >= 3, "the cycle repeats");
}

#[test]
fn http_liveness_fails_after_ten_seconds_then_crash_loops() {
    let tl = run(&example("http-liveness"), "", 3 * MINUTE);
    let start = starts(&tl, "liveness")[0];
    let unhealthy = events(&tl, EventReason::Unhealthy);
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
        .find(|s| s.status.condition_true(ConditionType::Ready))
        .unwrap()
        .t_ms;
    assert!(
        (15 * SECOND..=25 * SECOND + 1000).contains(&(ready - start)),
        "ready {}",
        ready - start
    );
    let before = tl.status_at(ready - 1).unwrap();
    assert_eq!(before.phase, PodPhase::Running);
    assert_eq!(
        before
            .condition(ConditionType::Ready)
            .unwrap()
            .message
            .as_deref(),
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
