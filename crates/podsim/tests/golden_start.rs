//! Golden tests: getting a pod running, as a real cluster shows it — the shared examples'
//! first minutes (events, init containers in order, waiting for Services), images that cannot
//! be pulled, pods that cannot be scheduled, the cluster's DNS, and what a container is
//! created with (its environment and command, `$(VAR)` references expanded) or why it fails
//! to start.

mod common;

use common::*;
use podsim::api;
use podsim::cluster::KubeVersion;
use podsim::kubelet::events::EventReason;
use podsim::model::{ConditionReason, ConditionStatus, ConditionType, PodPhase, TerminatedReason};
use podsim::time::{Millis, MINUTE, SECOND};
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
    // kuberuntime_container.go startContainer: "Created container %s" up to 1.32, "Created
    // container: %s" in 1.33–1.34; from 1.35 (#134043) the name is in the event's fieldPath.
    let (created, started) = match version() {
        v if v <= KubeVersion::V1_32 => (
            "Created container kubenetes-simple-pod",
            "Started container kubenetes-simple-pod",
        ),
        v if v <= KubeVersion::V1_34 => (
            "Created container: kubenetes-simple-pod",
            "Started container kubenetes-simple-pod",
        ),
        _ => ("Container created", "Container started"),
    };
    assert_eq!(tl.events[3].message, created);
    assert_eq!(tl.events[4].message, started);
    let end = tl.status_at(2 * MINUTE).unwrap();
    assert_eq!(end.phase, PodPhase::Running);
    for c in [
        ConditionType::PodReadyToStartContainers,
        ConditionType::Initialized,
        ConditionType::Ready,
        ConditionType::ContainersReady,
        ConditionType::PodScheduled,
    ] {
        assert!(end.condition_true(c), "{c}");
    }
    let ready_at = tl
        .snapshots
        .iter()
        .find(|s| s.status.condition_true(ConditionType::Ready))
        .unwrap()
        .t_ms;
    assert!(ready_at < 10 * SECOND, "ready at {ready_at}");
    assert_eq!(restarts_at(&tl, "kubenetes-simple-pod", 2 * MINUTE), 0);
}

/// The Created and Started events' words per version: `Created container web` up to 1.32,
/// `Created container: web` in 1.33–1.34 (kuberuntime_container.go, #130471), `Container
/// created` / `Container started` from 1.35 (CHANGELOG-1.35, #134043).
#[test]
fn created_and_started_are_worded_as_each_version_words_them() {
    for v in KubeVersion::ALL {
        let tl = run(
            &example("seed-pod-sample"),
            &format!("cluster: {{kubernetes: '{v}'}}"),
            MINUTE,
        );
        let created = &events(&tl, EventReason::Created)[0].1;
        let started = &events(&tl, EventReason::Started)[0].1;
        let want = match v.minor() {
            31 | 32 => (
                "Created container kubenetes-simple-pod",
                "Started container kubenetes-simple-pod",
            ),
            33 | 34 => (
                "Created container: kubenetes-simple-pod",
                "Started container kubenetes-simple-pod",
            ),
            _ => ("Container created", "Container started"),
        };
        assert_eq!((created.as_str(), started.as_str()), want, "{v}");
        // The image already on the node: KubeletEnsureSecretPulledImages (beta, on from
        // 1.35) checks the pod may use it and says so.
        let tl = run(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: busybox:1.36, command: [sleep, '3600']}\n",
            &format!("cluster: {{kubernetes: '{v}'}}\npreloadedImages: [busybox:1.36]"),
            MINUTE,
        );
        let pulled = &events(&tl, EventReason::Pulled)[0].1;
        let long = v >= KubeVersion::V1_35;
        assert_eq!(
            pulled.ends_with("and can be accessed by the pod"),
            long,
            "{v}: {pulled}"
        );
    }
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
    assert_eq!(tl.status_at(MINUTE).unwrap().phase, PodPhase::Running);
}

#[test]
fn init_containers_wait_for_their_services() {
    let scenario = "events:\n- {at: 30s, action: createService, name: myservice}\n- {at: 60s, action: createService, name: mydb}\n";
    let tl = run(&example("init-containers"), scenario, 2 * MINUTE);
    assert_eq!(
        statuses(&tl),
        ["Init:0/2", "Init:1/2", "PodInitializing", "Running"]
    );
    assert_eq!(tl.status_at(25 * SECOND).unwrap().phase, PodPhase::Pending);
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
        .condition(ConditionType::Initialized)
        .unwrap()
        .clone();
    assert_eq!(init.reason, Some(ConditionReason::ContainersNotInitialized));
    assert_eq!(
        init.message.as_deref(),
        Some("containers with incomplete status: [init-myservice init-mydb]")
    );
}

#[test]
fn a_missing_image_backs_off() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: badimage}\nspec:\n  containers:\n  - name: app\n    image: nginx:does-not-exist\n";
    let tl = run(text, "", 3 * MINUTE);
    let pulls: Vec<Millis> = events(&tl, EventReason::Pulling)
        .iter()
        .map(|e| e.0)
        .collect();
    let gaps: Vec<Millis> = pulls
        .windows(2)
        .map(|w| (w[1] - w[0] + 500) / SECOND)
        .collect();
    assert!(gaps.len() >= 3, "{pulls:?}");
    assert!(
        gaps[1] > gaps[0] && gaps[2] > gaps[1],
        "back-off grows: {gaps:?}"
    );
    let failed = events(&tl, EventReason::Failed);
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
    assert_eq!(tl.status_at(3 * MINUTE).unwrap().phase, PodPhase::Pending);
    assert_eq!(restarts_at(&tl, "app", 3 * MINUTE), 0);
}

#[test]
fn unschedulable_pods_say_why() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: \"4\"\n";
    let tl = run(text, "", MINUTE);
    let s = tl.status_at(MINUTE).unwrap();
    assert_eq!(s.phase, PodPhase::Pending);
    let c = s.condition(ConditionType::PodScheduled).unwrap();
    assert_eq!(c.status, ConditionStatus::False);
    assert_eq!(c.reason, Some(ConditionReason::Unschedulable));
    assert!(c
        .message
        .as_deref()
        .unwrap()
        .starts_with("0/1 nodes are available: 1 Insufficient cpu."));
    assert_eq!(events(&tl, EventReason::FailedScheduling).len(), 1);
    assert!(tl.logs.is_empty());
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

/// Kubernetes expands `$(VAR)` in env values and in command and args, and `$$` is an escaped
/// `$` (third_party/forked/golang/expansion/expand.go): `$$(A)` reaches the container as the
/// literal `$(A)`, `$$$$` as `$$`; an env value sees the variables declared before it.
#[test]
fn dollar_dollar_is_an_escaped_dollar_in_env_and_args() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: expand}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    env:\n    - {name: A, value: one}\n    - {name: B, value: \"$(A)-$$(A)-$(LATER)\"}\n    - {name: LATER, value: two}\n    command: [\"sh\", \"-c\", \"echo \\\"$B\\\"; echo '$(A) $$(A) $$$$ $(NONE)'\"]\n";
    let tl = run(text, "", MINUTE);
    assert_eq!(
        log_text(&tl, "app", 0),
        "one-$(A)-$(LATER)\none $(A) $$ $(NONE)"
    );
}

/// A script the shell cannot parse starts and fails as `sh` does (issue 17): the container
/// terminates with reason Error and exit code 2, and sh's own message is in its logs — not a
/// StartError.
#[test]
fn a_script_sh_cannot_parse_runs_and_exits_2() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: typo}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [\"sh\", \"-c\", \"echo \\\"unterminated\"]\n";
    let tl = run(text, "", MINUTE);
    let app = tl
        .status_at(MINUTE)
        .and_then(|s| s.container("app"))
        .cloned();
    let t = app.and_then(|c| c.state.terminated).expect("terminated");
    assert_eq!((t.exit_code, t.reason), (2, Some(TerminatedReason::Error)));
    assert_eq!(
        log_text(&tl, "app", 0),
        "sh: syntax error: unterminated quoted string"
    );
    assert_eq!(events(&tl, EventReason::Started).len(), 1, "it started");
    assert_eq!(
        tl.status_at(MINUTE).map(|s| s.phase),
        Some(PodPhase::Failed)
    );
}

/// A half-typed `sleep` (no operand: busybox prints its usage and returns 1 at once) turns a
/// wait loop into a busy loop. It still prints its lines all along, and it still notices the
/// Service within a second of its creation: the long-busy slices run fewer shell steps
/// (runtime/scheduler.rs `LONG_BUSY_AFTER`) without standing for more time than 1 s.
#[test]
fn a_busy_wait_loop_keeps_printing_and_notices_the_service_within_a_second() {
    let text = example("init-containers").replace("sleep 2;", "sleep;");
    assert!(text.contains("sleep; done"), "the example's loops changed");
    let scenario = "events:\n- {at: 5m, action: createService, name: myservice}\n- {at: 5m, action: createService, name: mydb}\n";
    let tl = run(&text, scenario, 8 * MINUTE);
    let log = tl
        .logs
        .iter()
        .find(|l| l.container == "init-myservice")
        .expect("the first init container ran");
    let finished = log
        .finished_at
        .expect("it completed once the Service existed");
    assert!(
        (5 * MINUTE..5 * MINUTE + SECOND).contains(&finished),
        "finished at {finished} ms"
    );
    // Its output runs up to the end: the waiting line and sleep's usage, in its last second.
    let last: Vec<&str> = log
        .lines
        .iter()
        .filter(|l| l.t + SECOND >= 5 * MINUTE)
        .map(|l| l.text.as_str())
        .collect();
    assert!(
        last.iter().any(|t| t.contains("waiting for myservice")),
        "{last:?}"
    );
    assert!(last.iter().any(|t| t.contains("sleep: usage")), "{last:?}");
}
