//! The differences between the Kubernetes versions podsim simulates (1.31 … 1.37) that touch
//! what podlab teaches, each held to its source (docs/versions.md lists them all): the
//! crash-loop back-off curve and its configurable maximum, the pod worker's requeue that
//! decides how long `Error` shows before `CrashLoopBackOff`, the PodReadyToStartContainers
//! gate, and what kubectl describe prints per version. Event wording per version is in
//! golden_start; the node controller's grace period in golden_termination.

mod common;

use common::*;
use podsim::cluster::KubeVersion;
use podsim::kubelet::events::EventReason;
use podsim::model::{ConditionType, PodPhase, WaitingReason};
use podsim::time::{Millis, MINUTE, SECOND};
use podsim::views;

fn on(v: &str, more: &str) -> String {
    format!("cluster: {{kubernetes: '{v}'{more}}}\n")
}

/// Seconds between one start of `app` and the next.
fn gaps(tl: &podsim::sim::Timeline) -> Vec<Millis> {
    starts(tl, "app")
        .windows(2)
        .map(|w| (w[1] - w[0]) / SECOND)
        .collect()
}

/// pkg/kubelet/kubelet.go `newCrashLoopBackOff` and pod_workers.go `completeWork`: with the
/// default curve (10 s doubling to 300 s) every version restarts at the nominal times: on
/// 1.34 at the 10-s syncs that fall on the expiries, on 1.35+ at the expiries themselves.
#[test]
fn the_default_back_off_is_the_same_curve_on_every_version() {
    for v in KubeVersion::ALL {
        let tl = run(&example("crashloop"), &on(v.as_str(), ""), 12 * MINUTE);
        assert_eq!(&gaps(&tl)[..7], &[0, 10, 20, 40, 80, 160, 300], "{v}");
    }
}

/// KEP-4603 (ReduceDefaultCrashLoopBackOffDecay, alpha from 1.33): 1 s doubling to 60 s.
/// On 1.33–1.34 the pod worker still re-syncs only every 10 s after an error, so the fast
/// curve is cut to 10 s steps (the reason for #133066); from 1.35 it is synced at the expiry.
/// On 1.35+ KubeletCrashLoopBackOffMax is on and defaults the maximum to 300 s, which wins
/// over the gate's 60 s (v1beta1 defaults.go; docs/versions.md §4.1).
#[test]
fn the_reduced_decay_gate() {
    let gate = ", featureGates: {ReduceDefaultCrashLoopBackOffDecay: true}";
    let tl = run(&example("crashloop"), &on("1.34", gate), 10 * MINUTE);
    assert_eq!(&gaps(&tl)[..9], &[0, 10, 10, 10, 10, 20, 40, 60, 60]);
    let tl = run(&example("crashloop"), &on("1.37", gate), 10 * MINUTE);
    // 1, 2, 4 … 256 s, capped at 300 s (+ the ~0.3 s a restart takes, truncated).
    assert_eq!(&gaps(&tl)[..10], &[0, 1, 2, 4, 8, 16, 32, 64, 128, 256]);
    // Unknown before 1.33: the kubelet refuses to start.
    let err = podsim::sim::Scenario::from_yaml(&on("1.32", gate))
        .unwrap()
        .cluster
        .resolve()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "unrecognized feature gate: ReduceDefaultCrashLoopBackOffDecay"
    );
}

/// KEP-5593: `crashLoopBackOff.maxContainerRestartPeriod` caps the back-off (and lowers the
/// first step to it when smaller), with KubeletCrashLoopBackOffMax (alpha 1.32, beta 1.35).
#[test]
fn the_configurable_maximum() {
    let max =
        |p: &str| format!(", kubelet: {{crashLoopBackOff: {{maxContainerRestartPeriod: {p}}}}}");
    let tl = run(&example("crashloop"), &on("1.37", &max("30s")), 5 * MINUTE);
    assert_eq!(&gaps(&tl)[..6], &[0, 10, 20, 30, 30, 30]);
    let tl = run(&example("crashloop"), &on("1.37", &max("5s")), 2 * MINUTE);
    assert_eq!(&gaps(&tl)[..5], &[0, 5, 5, 5, 5]);
    // 1.32–1.34 need the gate turned on; without it the kubelet refuses the setting.
    let gate = ", featureGates: {KubeletCrashLoopBackOffMax: true}";
    let tl = run(
        &example("crashloop"),
        &on("1.33", &format!("{gate}{}", max("20s"))),
        5 * MINUTE,
    );
    assert_eq!(&gaps(&tl)[..5], &[0, 10, 20, 20, 20]);
    let a = podsim::session::analyze(
        &example("crashloop"),
        &podsim::sim::Scenario::from_yaml(&on("1.33", &max("20s"))).unwrap(),
        MINUTE,
    );
    assert!(a.timeline.is_none());
    assert_eq!(
        a.sim_error.as_deref(),
        Some("the cluster does not start: invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set")
    );
}

/// pod_workers.go `completeWork`: up to 1.34 a sync that hits the back-off is retried 10 s
/// later, and that sync writes the status with the reason cache's `CrashLoopBackOff`; from
/// 1.35 (#133066) the retry waits for the back-off to run out (at most 1 min), so the exit's
/// `Error` stays on show and `CrashLoopBackOff` only flashes as the restart begins — what a
/// 1.37 cluster shows (docs/versions.md §4.3). BackOff events follow the syncs.
#[test]
fn how_long_error_shows_before_crash_loop_back_off() {
    let status_at = |tl: &podsim::sim::Timeline, t| row_at(tl, t, false).status;
    let exits = |tl: &podsim::sim::Timeline| -> Vec<Millis> {
        tl.logs.iter().filter_map(|l| l.finished_at).collect()
    };
    let old = run(&example("crashloop"), &on("1.34", ""), 5 * MINUTE);
    let new = run(&example("crashloop"), &on("1.37", ""), 5 * MINUTE);
    let third_exit = exits(&old)[2];
    assert_eq!(third_exit, exits(&new)[2]);
    // The third run exits at once; its back-off is 20 s.
    assert_eq!(
        status_at(&old, third_exit + 12 * SECOND),
        "CrashLoopBackOff"
    );
    assert_eq!(status_at(&new, third_exit + 12 * SECOND), "Error");
    // On 1.37 CrashLoopBackOff still shows, for the instant the restart begins.
    assert!(statuses(&new).contains(&"CrashLoopBackOff".to_string()));
    // A 5-minute back-off: the 1-minute resync shows CrashLoopBackOff after a minute.
    let long = run(&example("crashloop"), &on("1.37", ""), 20 * MINUTE);
    let (exit, next) = (exits(&long)[6], starts(&long, "app")[7]);
    assert!(
        (300 * SECOND..301 * SECOND).contains(&(next - exit)),
        "{}",
        next - exit
    );
    assert_eq!(status_at(&long, exit + 59 * SECOND), "Error");
    assert_eq!(status_at(&long, exit + 61 * SECOND), "CrashLoopBackOff");
    // BackOff events: every 10 s on 1.34, once per wait (plus the minute resyncs) on 1.37.
    let count = |tl: &podsim::sim::Timeline| events(tl, EventReason::BackOff).len();
    assert!(
        count(&old) > count(&new),
        "{} vs {}",
        count(&old),
        count(&new)
    );
    let waiting = new.snapshots.iter().find_map(|s| {
        s.status
            .container("app")?
            .state
            .waiting
            .clone()
            .filter(|w| w.reason == Some(WaitingReason::CrashLoopBackOff))
    });
    assert!(waiting.is_some());
}

/// PodReadyToStartContainersCondition: beta and on 1.29–1.36, GA in 1.37; turned off (1.31
/// – 1.36), the kubelet writes no PodReadyToStartContainers condition (generate.go is only
/// called with the gate on).
#[test]
fn the_ready_to_start_condition_follows_its_gate() {
    let has = |tl: &podsim::sim::Timeline| {
        tl.status_at(MINUTE)
            .unwrap()
            .condition(ConditionType::PodReadyToStartContainers)
            .is_some()
    };
    let off = ", featureGates: {PodReadyToStartContainersCondition: false}";
    assert!(has(&run(
        &example("seed-pod-sample"),
        &on("1.31", ""),
        MINUTE
    )));
    assert!(!has(&run(
        &example("seed-pod-sample"),
        &on("1.31", off),
        MINUTE
    )));
    assert!(!has(&run(
        &example("seed-pod-sample"),
        &on("1.36", off),
        MINUTE
    )));
    let err = podsim::sim::Scenario::from_yaml(&on("1.37", off))
        .unwrap()
        .cluster
        .resolve()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot set feature gate PodReadyToStartContainersCondition to false, feature is locked to true"
    );
}

/// k8s.io/kubectl pkg/describe/describe.go per tag: v0.33.0 prints the projected ConfigMap
/// source's `Optional: false` (v0.32.0 `ConfigMapOptional: <nil>`); v0.34.0 names container
/// ports (`8080/TCP (http)`); v0.35.0 puts the event's fieldPath before its message;
/// v0.37.0-beta.0 spells the probe thresholds out.
#[test]
fn kubectl_describe_per_version() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports: [{name: http, containerPort: 80}]\n    readinessProbe: {httpGet: {path: /, port: http}}\n";
    let describe = |v: &str| {
        let tl = run(pod, &on(v, ""), MINUTE);
        views::describe::describe_pod(&tl, MINUTE)
    };
    let d31 = describe("1.31");
    assert!(
        d31.contains("    ConfigMapOptional:       <nil>\n"),
        "{d31}"
    );
    assert!(d31.contains("    Port:           80/TCP\n"), "{d31}");
    assert!(d31.contains("#success=1 #failure=3"), "{d31}");
    assert!(
        d31.contains("  kubelet            Created container web\n"),
        "{d31}"
    );
    let d34 = describe("1.34");
    assert!(
        d34.contains("    Optional:                false\n"),
        "{d34}"
    );
    assert!(d34.contains("    Port:           80/TCP (http)\n"), "{d34}");
    assert!(
        d34.contains("  kubelet            Created container: web\n"),
        "{d34}"
    );
    let d36 = describe("1.36");
    assert!(
        d36.contains("  kubelet            spec.containers{web}: Container created\n"),
        "{d36}"
    );
    assert!(d36.contains("#success=1 #failure=3"), "{d36}");
    let d37 = describe("1.37");
    assert!(
        d37.contains("successThreshold=1 failureThreshold=3"),
        "{d37}"
    );
    // `get events` prints the message alone.
    let tl = run(pod, &on("1.37", ""), MINUTE);
    let events = views::events::get_events(&tl, MINUTE);
    assert!(events.contains("   Container created\n"), "{events}");
    assert!(
        !events.contains("spec.containers{web}: Container created"),
        "{events}"
    );
}

/// KEP-5307 (ContainerRestartRules, beta from 1.35): pkg/api/v1/pod/util.go
/// `ContainerShouldRestart` — the first rule whose exit codes match decides, else the
/// container's own restartPolicy, else the pod's; restarts keep the crash-loop back-off.
#[test]
fn container_restart_rules() {
    let job = |code: i32| {
        format!("apiVersion: v1\nkind: Pod\nmetadata: {{name: job}}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 2; exit {code}']\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes: {{operator: In, values: [42]}}\n")
    };
    // Exit 42 matches: restarted under the pod's Never, with the 0, 10, 20 … back-off.
    let tl = run(&job(42), "", 3 * MINUTE);
    let s = starts(&tl, "app");
    assert!(s.len() >= 4, "{s:?}");
    let gaps: Vec<Millis> = s.windows(2).map(|w| (w[1] - w[0]) / SECOND).collect();
    assert_eq!(&gaps[..3], &[2, 12, 22], "run 2 s + back-off 0, 10, 20 s");
    // getPhase (kubelet_pods.go, 1.35+): a stopped container that ContainerShouldRestart
    // keeps the pod Running, whatever the pod's Never says — in back-off as after an exit.
    for t in [s[1] - SECOND, s[1] + 3 * SECOND, s[2] + 3 * SECOND] {
        assert_eq!(tl.status_at(t).unwrap().phase, PodPhase::Running, "at {t}");
    }
    // Exit 1 does not: the container's own Never decides; the pod fails.
    let tl = run(&job(1), "", MINUTE);
    assert_eq!(starts(&tl, "app").len(), 1);
    assert_eq!(row_at(&tl, MINUTE, false).status, "Error");
    assert_eq!(tl.status_at(MINUTE).unwrap().phase, PodPhase::Failed);
    // An init container's rule: restarted while it exits 42, the pod Pending meanwhile (not
    // Failed, as a failed init container under Never makes it without the rule).
    let init = "apiVersion: v1\nkind: Pod\nmetadata: {name: init}\nspec:\n  restartPolicy: Never\n  initContainers:\n  - name: setup\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 2; exit 42']\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes: {operator: In, values: [42]}\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sleep, '3600']\n";
    let tl = run(init, "", MINUTE);
    assert!(starts(&tl, "setup").len() > 1);
    assert_eq!(tl.status_at(MINUTE).unwrap().phase, PodPhase::Pending);
    assert_eq!(
        run(init, &on("1.34", ""), MINUTE)
            .status_at(MINUTE)
            .unwrap()
            .phase,
        PodPhase::Failed,
        "1.34: the rules were dropped"
    );
    // On 1.34 the gate is off: the apiserver dropped the rules, the pod's Never rules.
    let tl = run(&job(42), &on("1.34", ""), MINUTE);
    assert_eq!(starts(&tl, "app").len(), 1);
    // A container's own OnFailure under a pod's Never.
    let own = "apiVersion: v1\nkind: Pod\nmetadata: {name: own}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 2; exit 3']\n    restartPolicy: OnFailure\n";
    assert!(starts(&run(own, "", MINUTE), "app").len() > 1);
}

/// computePodActions after a liveness kill (1.35+): the container's own restartPolicy
/// decides, its rules are not evaluated (the container was running when killed). Nothing
/// left to run: KillPod, whose kills say `Stopping container`.
#[test]
fn a_probe_kill_follows_the_containers_own_policy() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n    restartPolicy: Never\n    livenessProbe:\n      exec: {command: [cat, /nope]}\n      periodSeconds: 5\n";
    let tl = run(pod, "", 2 * MINUTE);
    assert_eq!(starts(&tl, "app").len(), 1, "killed once, not restarted");
    let killing = events(&tl, EventReason::Killing);
    assert_eq!(killing[0].1, "Stopping container app");
}

/// KEP-5532's RestartAllContainers action (beta, on from 1.36) is valid there but podsim
/// does not simulate it: refused in podlab's words. On 1.35 (gate off) the apiserver
/// refuses the action itself.
#[test]
fn restart_all_containers_is_refused_in_podlabs_words() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: RestartAllContainers\n      exitCodes: {operator: In, values: [42]}\n";
    let l = podsim::api::load(pod);
    assert!(!l.is_valid());
    assert!(l.diagnostics[0]
        .message
        .starts_with("podsim does not simulate the RestartAllContainers action"));
    let l = podsim::api::load_on(pod, &podsim::cluster::Cluster::of(KubeVersion::V1_35));
    assert_eq!(
        l.diagnostics[0].message,
        "spec.containers[0].restartPolicyRules[0].action: Unsupported value: \"RestartAllContainers\": supported values: \"Restart\""
    );
}
