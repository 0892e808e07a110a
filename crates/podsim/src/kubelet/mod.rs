//! The simulated kubelet, split by responsibility as the real one is:
//!
//! - `pod_actions`: what to do next, from the spec and the observed containers (pure;
//!   kuberuntime's computePodActions).
//! - `status`: the API PodStatus — container statuses, phase (getPhase), conditions (pure).
//! - `prober`: probe workers and their handlers.
//! - `pod_worker`: when a pod is synced again after an error (the crash-loop requeue).
//! - `termination`: grace periods, SIGTERM/SIGKILL timing, the order containers stop (pure).
//! - `lifecycle`: postStart/preStop handlers.
//! - `http_get`: the one HTTP request of an `httpGet` action (probes and hooks).
//! - `environment`: a container's environment, command and args; `expansion`: `$(VAR)`.
//! - `container_record`: the kubelet's per-container bookkeeping.
//! - `backoff`, `image_manager`: CrashLoopBackOff and image-pull back-off.
//! - `scheduler`: the scheduler's node filter (runs before the kubelet sees the pod).
//! - `events`: event reasons and message texts.
//! - `constants`: the numbers, with their sources.
//!
//! The engine that drives them in virtual time, and applies what they decide, lives in
//! `crate::sim::engine`.

pub mod backoff;
pub mod constants;
pub mod container_record;
pub mod environment;
pub mod events;
pub mod expansion;
pub mod http_get;
pub mod image_manager;
pub mod lifecycle;
pub mod pod_actions;
pub mod pod_worker;
pub mod prober;
pub mod scheduler;
pub mod status;
pub mod termination;
