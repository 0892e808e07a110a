//! The simulation: run a validated, defaulted manifest on one simulated node for a span of
//! virtual time, under a scenario, and record everything in a [`Timeline`].
//!
//! - `compare`: the first difference between two timelines (one manifest on two clusters).
//! - `engine/`: the discrete-event engine driving the kubelet and the runtime, one file per
//!   part of the kubelet (sync, starts, kills, prober, hooks…) or of the world around it.
//! - `queue`: the event queue.
//! - `scenario`: nodes, images and timed faults around the pod.
//! - `timeline`: what was recorded, and the queries at an instant.

pub mod compare;
pub mod engine;
pub mod queue;
pub mod scenario;
pub mod timeline;

pub use compare::{first_difference, Difference, Differs};
pub use scenario::Scenario;
pub use timeline::Timeline;

use crate::model::Manifest;
use crate::text::Text;
use crate::time::{Millis, HOUR};

/// The longest span podsim simulates in one run.
pub const MAX_UNTIL: Millis = 24 * HOUR;
/// The most containers (init and app) podlab simulates in one pod — and so, checked before
/// decoding (`api::load`), the most it accepts: a pod of 64 busy containers simulates ten
/// minutes in about 60 ms natively, one of 256 takes 0.5 – 0.7 s, far past the 100 ms a
/// keystroke may cost (BENCHMARKS.md).
pub const MAX_CONTAINERS: usize = 64;

/// What podlab says about a pod of `count` containers, more than it simulates.
pub fn too_many_containers(count: usize) -> Text {
    Text::new(
        format!(
            "this pod has {count} containers; podlab simulates pods of up to {MAX_CONTAINERS} containers (init containers included)"
        ),
        format!(
            "이 파드의 컨테이너는 {count}개입니다. podlab은 컨테이너가 {MAX_CONTAINERS}개(init 컨테이너 포함)까지인 파드를 시뮬레이션합니다"
        ),
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimError {
    TooManyContainers(usize),
    /// The scenario's cluster would not start (a refused feature gate or kubelet setting).
    Cluster(crate::cluster::ClusterError),
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::TooManyContainers(n) => f.write_str(&too_many_containers(*n).en),
            SimError::Cluster(e) => write!(f, "the cluster does not start: {e}"),
        }
    }
}

/// Simulate `manifest` (already defaulted and valid) from its creation until `until`.
pub fn simulate(
    manifest: &Manifest,
    scenario: &Scenario,
    until: Millis,
) -> Result<Timeline, SimError> {
    check(manifest, scenario)?;
    Ok(engine::Engine::new(manifest, scenario, until.min(MAX_UNTIL)).run())
}

/// `simulate`, with every probe tick run through its handler one by one instead of steady
/// stretches recorded at once: the reference that tests hold the fast path to.
pub fn simulate_exhaustive(
    manifest: &Manifest,
    scenario: &Scenario,
    until: Millis,
) -> Result<Timeline, SimError> {
    check(manifest, scenario)?;
    Ok(
        engine::Engine::new(manifest, scenario, until.min(MAX_UNTIL))
            .exhaustive()
            .run(),
    )
}

fn check(manifest: &Manifest, scenario: &Scenario) -> Result<(), SimError> {
    scenario.cluster.resolve().map_err(SimError::Cluster)?;
    let n = manifest.pod.spec.containers.len() + manifest.pod.spec.init_containers.len();
    if n > MAX_CONTAINERS {
        return Err(SimError::TooManyContainers(n));
    }
    Ok(())
}
