//! The kubelet's numbers, each with where it comes from. Durations are virtual milliseconds.

use crate::time::{Millis, MINUTE, SECOND};

/// `initialCrashLoopBackOff` (pkg/kubelet/kubelet.go): the first back-off step.
pub const CRASH_LOOP_BACKOFF_INITIAL: Millis = 10 * SECOND;
/// `MaxContainerBackOff` (kubelet config defaults): the back-off cap.
pub const CRASH_LOOP_BACKOFF_MAX: Millis = 5 * MINUTE;
/// A back-off entry is forgotten when the container's next exit comes more than this long
/// after the entry was last advanced (`HasExpiredFunc`: 600 s, "ran 10 minutes").
pub const BACKOFF_RESET_AFTER: Millis = 10 * MINUTE;
/// `imageBackOffPeriod` / `MaxImageBackOff`: image pull back-off.
pub const IMAGE_BACKOFF_INITIAL: Millis = 10 * SECOND;
pub const IMAGE_BACKOFF_MAX: Millis = 5 * MINUTE;
/// The pod worker re-queues a pod whose sync hit an error after `backOffPeriod` (10 s; the
/// crash-loop back-off's own rule, which changed in 1.35, is in `pod_worker`).
pub const POD_WORKER_ERROR_REQUEUE: Millis = super::pod_worker::BACKOFF_PERIOD;
/// `minimumGracePeriodInSeconds`: a kill never gets less than 2 s.
pub const MIN_GRACE_PERIOD: Millis = 2 * SECOND;
/// Default `terminationGracePeriodSeconds`.
pub const DEFAULT_GRACE_PERIOD_SECONDS: i64 = 30;

/// Virtual latencies of the steps a real node takes (chosen to look like a kind/minikube
/// node; not constants of Kubernetes itself).
pub const SANDBOX_READY_AFTER: Millis = 1000;
/// Create + start of a container once its image is there.
pub const CONTAINER_START_LATENCY: Millis = 300;
/// An `imagePullPolicy: Always` pull of an image that is already on the node only checks the
/// registry for a new digest.
pub const CACHED_PULL_MS: Millis = 450;
/// How long a pull takes to fail (the registry answers: not found).
pub const FAILED_PULL_MS: Millis = 1200;

/// The node controller marks a silent node NotReady after `--node-monitor-grace-period`:
/// 40 s up to 1.31, 50 s from 1.32 (#126287, CHANGELOG-1.32).
pub fn node_monitor_grace(v: crate::cluster::KubeVersion) -> Millis {
    if v >= crate::cluster::KubeVersion::V1_32 {
        50 * SECOND
    } else {
        40 * SECOND
    }
}
/// The default `not-ready`/`unreachable` NoExecute tolerations added by admission.
pub const DEFAULT_TOLERATION_SECONDS: i64 = 300;
/// The scheduler retries an unschedulable pod at least this often (`podMaxInUnschedulablePodsDuration`).
pub const UNSCHEDULABLE_RETRY: Millis = 5 * MINUTE;
