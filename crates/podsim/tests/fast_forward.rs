//! The fast path through steady stretches of probe ticks gives exactly the timeline of the
//! exhaustive path (every tick through the event queue and its handler): same snapshots,
//! events with their counts, probe records in the same order, logs. Checked on every shared
//! example, every lesson (start and solution, under its own scenario), the benchmark pod, and
//! pods built to sit on each edge of a stretch: thresholds, warm-ups, health deadlines,
//! initial delays, probes that change the world or read the clock, faults and deletion.

mod common;

use podsim::api;
use podsim::kubelet::events::EventReason;
use podsim::lessons::Lesson;
use podsim::model::ConditionType;
use podsim::sim::{simulate, simulate_exhaustive, Scenario, Timeline};
use podsim::time::{Millis, HOUR, MINUTE};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn both(label: &str, text: &str, scenario: &Scenario, until: Millis) -> Timeline {
    let loaded = api::load(text);
    let Some(m) = loaded.defaulted else {
        panic!("{label}: invalid: {:?}", loaded.diagnostics);
    };
    let fast = simulate(&m, scenario, until).expect("simulate");
    let slow = simulate_exhaustive(&m, scenario, until).expect("simulate");
    assert_eq!(fast.probes.len(), slow.probes.len(), "{label}: probe runs");
    for (i, (f, s)) in fast.probes.iter().zip(&slow.probes).enumerate() {
        assert_eq!(f, s, "{label}: probe record {i}");
    }
    assert_eq!(fast.events.len(), slow.events.len(), "{label}: events");
    for (i, (f, s)) in fast.events.iter().zip(&slow.events).enumerate() {
        assert_eq!(f, s, "{label}: event {i}");
    }
    assert_eq!(fast.snapshots, slow.snapshots, "{label}: snapshots");
    assert_eq!(fast, slow, "{label}: timeline");
    fast
}

fn scenario(yaml: &str) -> Scenario {
    Scenario::from_yaml(yaml).expect("scenario")
}

#[test]
fn every_example_for_ten_minutes_and_an_hour() {
    let names = common::example_paths();
    for p in names {
        let text = std::fs::read_to_string(&p).unwrap();
        let label = p.file_name().unwrap().to_string_lossy().into_owned();
        for until in [10 * MINUTE, HOUR] {
            both(&label, &text, &Scenario::default(), until);
        }
    }
}

#[test]
fn every_lesson_start_and_solution() {
    let dir = root().join("../../lessons");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "yaml") {
            continue;
        }
        let lesson = Lesson::from_yaml(&std::fs::read_to_string(&p).unwrap()).unwrap();
        for (which, text) in [("start", &lesson.manifest), ("solution", &lesson.solution)] {
            if api::load(text).defaulted.is_none() {
                continue;
            }
            let label = format!("{} ({which})", lesson.id);
            both(&label, text, &lesson.scenario, lesson.until);
            n += 1;
        }
    }
    assert!(n >= 20, "only {n} lesson manifests simulated");
}

#[test]
fn the_benchmark_pod_for_an_hour() {
    let text = std::fs::read_to_string(root().join("benches/three_by_three.yaml")).unwrap();
    let tl = both("3×3", &text, &Scenario::default(), HOUR);
    assert!(tl.probes.len() > 20_000);
}

const EDGES: &str = r#"
apiVersion: v1
kind: Pod
metadata:
  name: edges
spec:
  containers:
  - name: web
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe: {httpGet: {path: /healthz, port: 8080}, periodSeconds: 3, failureThreshold: 4}
    readinessProbe: {httpGet: {path: /, port: 8080}, periodSeconds: 2, successThreshold: 3}
  - name: shell
    image: busybox:1.36
    command: [sh, -c, "touch /tmp/ok; sleep 45; rm /tmp/ok; sleep 3600"]
    readinessProbe: {exec: {command: [cat, /tmp/ok]}, periodSeconds: 1, failureThreshold: 2}
    livenessProbe: {exec: {command: [sh, -c, "date | grep -q ' UTC'"]}, periodSeconds: 7, failureThreshold: 2}
    startupProbe: {exec: {command: [ls, /tmp]}, periodSeconds: 2, initialDelaySeconds: 3}
  - name: counter
    image: busybox:1.36
    command: [sh, -c, "sleep 3600"]
    livenessProbe: {exec: {command: [sh, -c, "echo x >> /tmp/n; test $(wc -l < /tmp/n) -lt 40"]}, periodSeconds: 5}
    readinessProbe: {tcpSocket: {port: 9999}, periodSeconds: 4, initialDelaySeconds: 9}
  - name: redis
    image: redis:7
    readinessProbe: {tcpSocket: {port: 6379}, periodSeconds: 1, timeoutSeconds: 2}
    livenessProbe: {grpc: {port: 6379}, periodSeconds: 11, failureThreshold: 30}
"#;

#[test]
fn pods_on_the_edges_of_a_stretch() {
    both("edges", EDGES, &Scenario::default(), 20 * MINUTE);
}

#[test]
fn faults_inside_steady_stretches() {
    let s = scenario(
        r#"
events:
- {at: 61s, action: failEndpoint, port: 8080, path: /, status: 503}
- {at: 95500ms, action: removeFile, container: shell, path: /tmp}
- {at: 130s, action: createFile, container: counter, path: /tmp/x, content: "1"}
- {at: 150s, action: killContainer, container: redis}
- {at: 4m, action: createService, name: later}
- {at: 6m, action: deletePod, gracePeriodSeconds: 20}
"#,
    );
    both("edges + faults", EDGES, &s, 10 * MINUTE);
    let bench = std::fs::read_to_string(root().join("benches/three_by_three.yaml")).unwrap();
    let s = scenario(
        r#"
events:
- {at: 10m, action: failEndpoint, port: 8081, path: /healthz}
- {at: 20m, action: killContainer, container: cache}
- {at: 30m, action: loseNode}
"#,
    );
    both("3×3 + faults", &bench, &s, HOUR);
}

#[test]
fn probes_that_read_the_clock() {
    // Ready in the first half of every minute, not in the second.
    let text = r#"
apiVersion: v1
kind: Pod
metadata: {name: clock}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "sleep 7200"]
    readinessProbe:
      periodSeconds: 1
      exec:
        command:
        - sh
        - -c
        - 'case "$(date)" in *:[0-2]?\ UTC*) exit 0;; esac; exit 1'
"#;
    let tl = both("clock", text, &Scenario::default(), 10 * MINUTE);
    let flips = tl
        .snapshots
        .windows(2)
        .filter(|w| {
            w[0].status.condition_true(ConditionType::Ready)
                != w[1].status.condition_true(ConditionType::Ready)
        })
        .count();
    assert!(flips >= 15, "Ready flipped {flips} times in 10 minutes");
}

#[test]
fn a_readiness_probe_that_fails_for_an_hour() {
    let text = r#"
apiVersion: v1
kind: Pod
metadata: {name: never-ready}
spec:
  containers:
  - name: app
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /missing, port: 80}, periodSeconds: 1}
    livenessProbe: {tcpSocket: {port: 81}, periodSeconds: 1, failureThreshold: 100000}
"#;
    let tl = both("never ready", text, &Scenario::default(), HOUR);
    let unhealthy = tl
        .events
        .iter()
        .filter(|e| e.reason == EventReason::Unhealthy)
        .count();
    assert!(unhealthy > 7_000, "{unhealthy} Unhealthy events");
}
