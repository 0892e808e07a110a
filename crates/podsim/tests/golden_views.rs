//! Golden tests of what the views make of a run: the rows `kubectl get pods -w` prints from
//! the pod's creation, and the timeline's segments with their hover text in both languages.

mod common;

use common::*;
use podsim::time::MINUTE;
use podsim::views::kubectl::Command;
use podsim::views::logs::LogsRequest;
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

/// `kubectl logs POD` without `-c`: the container the default-container annotation names,
/// else the first app container — said on a `Defaulted container` line listing them all, app
/// containers first, init containers marked `(init)` (kubectl's logsForObject and
/// podcmd.AllContainerNames). The command line shown is the one typed.
#[test]
fn logs_without_a_container_default_as_kubectl_does() {
    let pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\nANNOTATIONS\nspec:\n  initContainers:\n  - {name: setup, image: busybox, command: [sh, -c, 'echo set up']}\n  containers:\n  - {name: web, image: busybox, command: [sh, -c, 'echo web; sleep 3600']}\n  - {name: helper, image: busybox, command: [sh, -c, 'echo helper; sleep 3600']}\n";
    let logs = |annotations: &str| {
        let tl = run(&pod.replace("ANNOTATIONS", annotations), "", MINUTE);
        let view = Command::Logs(LogsRequest::default());
        (view.line(&tl), view.output(&tl, MINUTE))
    };
    assert_eq!(
        logs(""),
        (
            "kubectl logs two".to_string(),
            "Defaulted container \"web\" out of: web, helper, setup (init)\nweb\n".to_string()
        )
    );
    let annotated = "  annotations: {kubectl.kubernetes.io/default-container: helper}";
    assert_eq!(logs(annotated).1, "helper\n");
    let missing = "  annotations: {kubectl.kubernetes.io/default-container: nope}";
    assert_eq!(
        logs(missing).1,
        "Default container name \"nope\" not found in pod two\nDefaulted container \"web\" out of: web, helper, setup (init)\nweb\n"
    );
    let tl = run(&pod.replace("ANNOTATIONS", ""), "", MINUTE);
    let picked = Command::Logs(LogsRequest {
        container: Some("setup".into()),
        previous: false,
        timestamps: false,
    });
    assert_eq!(
        (picked.line(&tl), picked.output(&tl, MINUTE)),
        (
            "kubectl logs two -c setup".to_string(),
            "set up\n".to_string()
        )
    );
}
