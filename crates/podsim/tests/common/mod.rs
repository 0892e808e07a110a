//! What the engine's golden tests share: load an example manifest, simulate it, and read the
//! timeline as a learner reads a cluster — the STATUS column, the events of a reason, when
//! each container instance started, its restart count.

// Each test file uses the helpers it needs.
#![allow(dead_code)]

use podsim::api;
use podsim::cluster::KubeVersion;
use podsim::kubelet::events::EventReason;
use podsim::sim::{simulate, Scenario, Timeline};
use podsim::time::Millis;
use podsim::views::get::{pod_row, PodRow};

/// The manifests of tests/examples, in name order (at least ten).
pub fn example_paths() -> Vec<std::path::PathBuf> {
    let dir = format!("{}/tests/examples", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{} examples", names.len());
    names
}

/// Whether `spec.containers[0].livenessProbe.exec` names fields of the Pod schema (any key
/// is accepted under a map such as labels or nodeSelector).
pub fn schema_has_path(path: &str) -> bool {
    use podsim::schema::Ty;
    let mut ty = Ty::Obj(podsim::schema::root("Pod").expect("Pod schema"));
    for part in path.split('.') {
        let name = part.split('[').next().unwrap_or(part);
        let indexed = part.contains('[');
        ty = match ty {
            Ty::Obj(o) => match o.field(name) {
                Some(f) => f.ty,
                None => return false,
            },
            Ty::StrMap | Ty::QuantityMap | Ty::Any => Ty::Str,
            _ => return false,
        };
        if indexed {
            ty = match ty {
                Ty::Arr(inner) => *inner,
                _ => return false,
            };
        }
    }
    true
}

/// A manifest of tests/examples (copied from ../shared/examples).
pub fn example(name: &str) -> String {
    let path = format!("{}/tests/examples/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The version the golden tests run on when their scenario names none: the newest, or the
/// one `PODSIM_TEST_KUBERNETES` names (scripts/test.sh runs them on every version).
pub fn version() -> KubeVersion {
    match std::env::var("PODSIM_TEST_KUBERNETES") {
        Ok(v) => KubeVersion::parse(&v).unwrap_or_else(|e| panic!("PODSIM_TEST_KUBERNETES: {e}")),
        Err(_) => KubeVersion::default(),
    }
}

/// Validate, default and simulate `text` under `scenario` (YAML) until `until`, on the
/// scenario's cluster (its apiserver validates, its kubelet runs), on `version()` when the
/// scenario names no version.
pub fn run(text: &str, scenario: &str, until: Millis) -> Timeline {
    let mut s = Scenario::from_yaml(scenario).expect("scenario");
    if s.cluster.kubernetes.is_none() {
        s.cluster.kubernetes = Some(version());
    }
    let cluster = s.cluster.resolve().expect("a cluster that starts");
    let loaded = api::load_on(text, &cluster);
    let m = loaded
        .defaulted
        .unwrap_or_else(|| panic!("invalid: {:?}", loaded.diagnostics));
    simulate(&m, &s, until).expect("simulate")
}

/// The `kubectl get pods` row at `t` (`deleting`: the object has a deletion timestamp).
pub fn row_at(tl: &Timeline, t: Millis, deleting: bool) -> PodRow {
    let status = tl.status_at(t).expect("a status");
    pod_row(
        &tl.pod_name,
        &tl.manifest.pod.spec,
        status,
        deleting,
        None,
        t,
    )
}

/// STATUS (kubectl get) at every snapshot, consecutive duplicates removed.
pub fn statuses(tl: &Timeline) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &tl.snapshots {
        let row = pod_row(
            &tl.pod_name,
            &tl.manifest.pod.spec,
            &s.status,
            tl.deletion_at(s.t_ms).is_some(),
            None,
            s.t_ms,
        );
        if out.last() != Some(&row.status) {
            out.push(row.status);
        }
    }
    out
}

/// STATUS of each row `kubectl get pods -w` prints, from creation until `t`.
pub fn watch_statuses(tl: &Timeline, t: Millis) -> Vec<String> {
    podsim::views::get::watch(tl, t)
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(2).unwrap_or_default().to_string())
        .collect()
}

/// (time, message) of every event with `reason`.
pub fn events(tl: &Timeline, reason: EventReason) -> Vec<(Millis, String)> {
    tl.events
        .iter()
        .filter(|e| e.reason == reason)
        .map(|e| (e.t_ms, e.message.clone()))
        .collect()
}

/// Start times of every instance of a container.
pub fn starts(tl: &Timeline, container: &str) -> Vec<Millis> {
    tl.logs
        .iter()
        .filter(|l| l.container == container)
        .map(|l| l.started_at)
        .collect()
}

/// The container's restart count in the status at `t`.
pub fn restarts_at(tl: &Timeline, container: &str, t: Millis) -> u32 {
    tl.status_at(t)
        .and_then(|s| s.container(container))
        .map(|c| c.restart_count)
        .unwrap_or(0)
}

/// Everything a container instance logged, one line each.
pub fn log_text(tl: &Timeline, container: &str, restart: u32) -> String {
    tl.logs
        .iter()
        .find(|l| l.container == container && l.restart == restart)
        .map(|l| {
            l.lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}
