//! Golden tests: a pod that ends — `kubectl delete` with its grace period and preStop hook, a
//! trap that makes it prompt, activeDeadlineSeconds, and a node that stops reporting.

mod common;

use common::*;
use podsim::kubelet::events::EventReason;
use podsim::model::{ConditionType, PodPhase, PodReason};
use podsim::time::{Millis, MINUTE, SECOND};
use podsim::views::get::pod_row;
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
        events(&tl, EventReason::Killing)[0],
        (100 * SECOND, "Stopping container app".to_string())
    );
    assert_eq!(d.deleted_at, Some(130 * SECOND));
    let last = tl.status_at(130 * SECOND).unwrap();
    assert_eq!(last.phase, PodPhase::Failed);
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
        tl.status_at(2 * MINUTE).map(|s| s.phase),
        Some(PodPhase::Succeeded)
    );
    let log = &tl.logs[0].lines;
    assert_eq!(log.last().unwrap().text, "bye");
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

#[test]
fn active_deadline_fails_the_pod() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: deadline}\nspec:\n  activeDeadlineSeconds: 30\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sleep\", \"3600\"]\n";
    let tl = run(text, "", 2 * MINUTE);
    let end = tl.status_at(2 * MINUTE).unwrap();
    assert_eq!(end.phase, PodPhase::Failed);
    assert_eq!(end.reason, Some(PodReason::DeadlineExceeded));
    assert_eq!(
        events(&tl, EventReason::DeadlineExceeded)[0].1,
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

/// The node controller's `--node-monitor-grace-period` was 40 s up to 1.31 and is 50 s from
/// 1.32 (#126287, CHANGELOG-1.32); the taint eviction comes the pod's 300 s toleration later.
#[test]
fn a_lost_node_marks_the_pod_not_ready_then_evicts_it() {
    for (v, grace) in [("1.31", 40), ("1.32", 50), ("1.37", 50)] {
        let tl = run(
            &example("seed-pod-sample"),
            &format!("cluster: {{kubernetes: '{v}'}}\nevents:\n- {{at: 60s, action: loseNode}}\n"),
            10 * MINUTE,
        );
        let at = |t| tl.status_at(t).unwrap().clone();
        let not_ready = (60 + grace) * SECOND;
        assert!(
            at(not_ready - 1).condition_true(ConditionType::Ready),
            "{v}: still Ready until the node controller notices"
        );
        assert!(!at(not_ready).condition_true(ConditionType::Ready), "{v}");
        assert_eq!(events(&tl, EventReason::NodeNotReady).len(), 1);
        let evict = events(&tl, EventReason::TaintManagerEviction);
        assert_eq!(
            evict[0],
            (
                not_ready + 300 * SECOND,
                "Marking for deletion Pod default/kubenetes-simple-pod".to_string()
            ),
            "{v}"
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
}
