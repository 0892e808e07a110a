//! Golden tests of what the views make of a run: the rows `kubectl get pods -w` prints from
//! the pod's creation, and the timeline's segments with their hover text in both languages.

mod common;

use common::*;
use podsim::time::MINUTE;
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
