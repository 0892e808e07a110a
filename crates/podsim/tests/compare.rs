//! One manifest on two clusters (sim::first_difference, session::compare): the first instant
//! at which the runs differ and what differs then — a wording that changed between versions,
//! a back-off that a kubelet setting shortens, a field one apiserver does not know.

mod common;

use common::*;
use podsim::cluster::ClusterSpec;
use podsim::kubelet::events::EventReason;
use podsim::session;
use podsim::sim::{first_difference, Differs, Scenario};
use podsim::time::{MINUTE, SECOND};

fn on(v: &str, more: &str) -> String {
    format!("cluster: {{kubernetes: '{v}'{more}}}\n")
}

fn spec(yaml: &str) -> ClusterSpec {
    Scenario::from_yaml(yaml).expect("scenario").cluster
}

/// A run compared with itself, or with a run on a version that behaves and words the same
/// for this pod, has no difference.
#[test]
fn the_same_run_has_no_difference() {
    let tl = run(&example("crashloop"), &on("1.37", ""), 5 * MINUTE);
    assert_eq!(first_difference(&tl, &tl), None);
    // 1.35 and 1.36 print and time this pod alike (tests/snapshots: one file for both).
    let a = run(&example("crashloop"), &on("1.35", ""), 5 * MINUTE);
    let b = run(&example("crashloop"), &on("1.36", ""), 5 * MINUTE);
    assert_eq!(first_difference(&a, &b), None);
}

/// kuberuntime_container.go startContainer: `Created container: app` in 1.34, `Container
/// created` from 1.35 (#134043). Nothing differs before the first Created event; there the
/// two messages are told side by side.
#[test]
fn a_changed_wording_is_the_first_difference() {
    let old = run(&example("crashloop"), &on("1.34", ""), 5 * MINUTE);
    let new = run(&example("crashloop"), &on("1.35", ""), 5 * MINUTE);
    let created = events(&old, EventReason::Created)[0].0;
    let d = first_difference(&old, &new).expect("a difference");
    assert_eq!(d.at, created);
    let event = d
        .what
        .iter()
        .find_map(|w| match w {
            Differs::Event { left, right } => Some((left.clone(), right.clone())),
            _ => None,
        })
        .expect("an event differs");
    assert_eq!(
        event.0.map(|e| e.message),
        Some("Created container: app".to_string())
    );
    assert_eq!(
        event.1.map(|e| e.message),
        Some("Container created".to_string())
    );
}

/// KEP-4603 (KubeletCrashLoopBackOffMax, beta and on from 1.35): a kubelet whose
/// maxContainerRestartPeriod is 15 s restarts the third time 15 s after the second exit
/// instead of 20 s. The first difference is then, on the status, where the container
/// starts on one side only.
#[test]
fn a_shorter_back_off_differs_at_the_earlier_restart() {
    let default = run(&example("crashloop"), &on("1.37", ""), 3 * MINUTE);
    let capped = run(
        &example("crashloop"),
        &on(
            "1.37",
            ", kubelet: {crashLoopBackOff: {maxContainerRestartPeriod: 15s}}",
        ),
        3 * MINUTE,
    );
    let (a, b) = (starts(&default, "app"), starts(&capped, "app"));
    let diverge = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .expect("the starts diverge");
    assert!(diverge >= 2, "the first two starts come before any cap");
    let d = first_difference(&default, &capped).expect("a difference");
    // Everything before the earlier of the two diverging starts is the same.
    assert!(d.at <= a[diverge].min(b[diverge]));
    assert!(d.at > a[diverge - 1]);
    let paths = d
        .what
        .iter()
        .find_map(|w| match w {
            Differs::Status { paths } => Some(paths.clone()),
            _ => None,
        })
        .expect("the status differs");
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("status.containerStatuses[0].state")),
        "{paths:?}"
    );
}

/// Only the span both runs cover counts: a run that goes on longer shows nothing new.
#[test]
fn only_the_common_span_counts() {
    let short = run(&example("crashloop"), &on("1.37", ""), MINUTE);
    let long = run(&example("crashloop"), &on("1.37", ""), 5 * MINUTE);
    assert_eq!(first_difference(&short, &long), None);
    assert_eq!(first_difference(&long, &short), None);
}

/// A deletion with another grace period (5 s against 30 s for a shell that ignores
/// SIGTERM): its deletionTimestamp differs from the request on.
#[test]
fn the_object_leaving_sooner_is_a_difference() {
    let pod = |grace: u32| {
        format!("apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  terminationGracePeriodSeconds: {grace}\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'sleep 3600']\n")
    };
    let scenario = "events:\n- {at: 20s, action: deletePod}\n";
    let a = run(&pod(30), scenario, 2 * MINUTE);
    let b = run(&pod(5), scenario, 2 * MINUTE);
    let d = first_difference(&a, &b).expect("a difference");
    // Up to the delete the runs are the same; the deletion timestamp differs at once.
    assert_eq!(d.at, 20 * SECOND);
    let Some(Differs::Deletion { left, right }) = d.what.first() else {
        panic!("the deletion differs first: {:?}", d.what);
    };
    assert_eq!(left.map(|x| x.grace_period_seconds), Some(30));
    assert_eq!(right.map(|x| x.grace_period_seconds), Some(5));
}

/// session::compare: restartPolicyRules (KEP-5307) is a field the 1.33 apiserver does not
/// know (strict decoding refuses it) and 1.35's validates; only the newer side simulates.
#[test]
fn a_field_one_version_refuses_is_a_validation_difference() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, 'exit 42']\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes: {operator: In, values: [42]}\n";
    let c = session::compare(
        text,
        &Scenario::default(),
        &spec(&on("1.33", "")),
        &spec(&on("1.35", "")),
        MINUTE,
    );
    assert!(!c.left.is_valid());
    assert!(c.right.is_valid());
    assert!(c.validation_differs());
    assert_eq!(c.first, None, "nothing to compare instant by instant");
    // The same text on two versions that accept it alike.
    let same = session::compare(
        text,
        &Scenario::default(),
        &spec(&on("1.35", "")),
        &spec(&on("1.36", "")),
        MINUTE,
    );
    assert!(!same.validation_differs());
    assert!(same.left.timeline.is_some() && same.right.timeline.is_some());
}
