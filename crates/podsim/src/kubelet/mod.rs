//! The simulated kubelet, split by responsibility as the real one is:
//!
//! - `pod_actions`: what to do next, from the spec and the observed containers (pure).
//! - `status`: the API PodStatus — phase, conditions, container statuses (pure).
//! - `prober`: probe workers and their handlers.
//! - `container_record`: the kubelet's per-container bookkeeping.
//! - `backoff`, `image_manager`: CrashLoopBackOff and image-pull back-off.
//! - `scheduler`: the scheduler's node filter (runs before the kubelet sees the pod).
//! - `events`: event reasons and message texts.
//! - `constants`: the numbers, with their sources.
//!
//! The engine that drives them in virtual time lives in `crate::sim`.

pub mod backoff;
pub mod constants;
pub mod container_record;
pub mod events;
pub mod image_manager;
pub mod pod_actions;
pub mod prober;
pub mod scheduler;
pub mod status;
