//! Golden tests: containers that exit — CrashLoopBackOff's 10 s, 20 s, 40 s…, the restart
//! policy deciding the phase, failing init containers, sidecars restarted alone and stopped
//! when the job is done, the OOM killer.

mod common;

use common::*;
use podsim::kubelet::events::EventReason;
use podsim::model::{ConditionReason, ConditionType, PodPhase, TerminatedReason, WaitingReason};
use podsim::time::{Millis, MINUTE, SECOND};
use podsim::views::get::pod_row;
const ONE_SHOT: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: once}\nspec:\n  restartPolicy: POLICY\n  containers:\n  - name: task\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"echo done; sleep 5; exit CODE\"]\n";

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
        .all(|s| s.status.phase == PodPhase::Running));
    let backoff = events(&tl, EventReason::BackOff);
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
                .filter(|w| w.reason == Some(WaitingReason::CrashLoopBackOff))
        })
        .unwrap();
    assert!(w
        .message
        .unwrap()
        .starts_with("back-off 10s restarting failed container=app pod=crasher_default("));
}

#[test]
fn restart_policies_decide_the_phase() {
    for (policy, code, phase, status) in [
        ("Never", "0", PodPhase::Succeeded, "Completed"),
        ("Never", "1", PodPhase::Failed, "Error"),
        ("OnFailure", "0", PodPhase::Succeeded, "Completed"),
        ("OnFailure", "1", PodPhase::Running, "CrashLoopBackOff"),
        ("Always", "0", PodPhase::Running, "CrashLoopBackOff"),
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
        if phase == PodPhase::Succeeded {
            let ready = end.condition(ConditionType::Ready).unwrap();
            assert_eq!(ready.reason, Some(ConditionReason::PodCompleted));
        }
        if phase == PodPhase::Failed {
            assert_eq!(
                end.condition(ConditionType::ContainersReady)
                    .unwrap()
                    .reason,
                Some(ConditionReason::PodFailed)
            );
        }
    }
}

#[test]
fn failing_init_container_fails_the_pod_under_never_and_loops_otherwise() {
    let base = "apiVersion: v1\nkind: Pod\nmetadata: {name: init-fail}\nspec:\n  restartPolicy: POLICY\n  initContainers:\n  - name: check\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"echo not ready; exit 1\"]\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sleep\", \"3600\"]\n";
    let tl = run(&base.replace("POLICY", "Never"), "", MINUTE);
    assert_eq!(tl.status_at(MINUTE).unwrap().phase, PodPhase::Failed);
    assert_eq!(statuses(&tl).last().unwrap(), "Init:Error");
    assert_eq!(starts(&tl, "check").len(), 1);
    let tl = run(&base.replace("POLICY", "Always"), "", 2 * MINUTE);
    assert_eq!(tl.status_at(2 * MINUTE).unwrap().phase, PodPhase::Pending);
    let s = statuses(&tl);
    assert!(s.contains(&"Init:CrashLoopBackOff".to_string()), "{s:?}");
    assert!(s.contains(&"Init:Error".to_string()), "{s:?}");
    assert!(starts(&tl, "app").is_empty());
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
    assert_eq!(
        during.phase,
        PodPhase::Running,
        "the sidecar is being stopped"
    );
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
    let killing = events(&tl, EventReason::Killing);
    assert_eq!(killing[0].1, "Stopping container logger");
    let end = tl.status_at(2 * MINUTE).unwrap();
    assert_eq!(end.phase, PodPhase::Succeeded);
    let logger = end.container("logger").unwrap();
    assert_eq!(
        logger.state.terminated.as_ref().unwrap().exit_code,
        137,
        "sleep ignores SIGTERM"
    );
    let done = tl
        .snapshots
        .iter()
        .find(|s| s.status.phase == PodPhase::Succeeded)
        .unwrap()
        .t_ms;
    assert_eq!(done - killing[0].0, 30 * SECOND);
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
    assert_eq!(
        (t.exit_code, t.reason),
        (137, Some(TerminatedReason::OOMKilled))
    );
}
