//! The simulation: run a validated, defaulted manifest on one simulated node for a span of
//! virtual time, under a scenario, and record everything in a [`Timeline`].
//!
//! - `engine/`: the discrete-event engine driving the kubelet and the runtime, one file per
//!   part of the kubelet (sync, starts, kills, prober, hooks…) or of the world around it.
//! - `queue`: the event queue.
//! - `scenario`: nodes, images and timed faults around the pod.
//! - `timeline`: what was recorded, and the queries at an instant.

pub mod engine;
pub mod queue;
pub mod scenario;
pub mod timeline;

pub use scenario::Scenario;
pub use timeline::Timeline;

use crate::model::Manifest;
use crate::time::{Millis, HOUR};

/// The longest span podsim simulates in one run.
pub const MAX_UNTIL: Millis = 24 * HOUR;
/// The most containers (init + app) podsim simulates in one pod.
pub const MAX_CONTAINERS: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SimError {
    TooManyContainers(usize),
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::TooManyContainers(n) => write!(
                f,
                "this pod has {n} containers; podlab simulates pods of up to {MAX_CONTAINERS} containers"
            ),
        }
    }
}

/// Simulate `manifest` (already defaulted and valid) from its creation until `until`.
pub fn simulate(
    manifest: &Manifest,
    scenario: &Scenario,
    until: Millis,
) -> Result<Timeline, SimError> {
    check(manifest)?;
    Ok(engine::Engine::new(manifest, scenario, until.min(MAX_UNTIL)).run())
}

/// `simulate`, with every probe tick run through its handler one by one instead of steady
/// stretches recorded at once: the reference that tests hold the fast path to.
pub fn simulate_exhaustive(
    manifest: &Manifest,
    scenario: &Scenario,
    until: Millis,
) -> Result<Timeline, SimError> {
    check(manifest)?;
    Ok(
        engine::Engine::new(manifest, scenario, until.min(MAX_UNTIL))
            .exhaustive()
            .run(),
    )
}

fn check(manifest: &Manifest) -> Result<(), SimError> {
    let n = manifest.pod.spec.containers.len() + manifest.pod.spec.init_containers.len();
    if n > MAX_CONTAINERS {
        return Err(SimError::TooManyContainers(n));
    }
    Ok(())
}
