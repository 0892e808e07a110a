//! When the pod worker syncs a pod again after a sync that hit an error
//! (pkg/kubelet/pod_workers.go `completeWork`): the rule changed in 1.35, and it decides how
//! long a crash-looping container shows `Error` before `CrashLoopBackOff`, and how late a
//! restart comes after its back-off ran out.
//!
//! - Up to 1.34: `wait.Jitter(backOffPeriod, 0.5)` — 10 s (to 15 s) after any error, the
//!   crash-loop back-off included. A back-off that ends between two of those syncs waits for
//!   the next one.
//! - From 1.35 (#133066 "Propagate backoff duration for crashloop backoff"): the back-off
//!   error carries its expiry, and the pod is synced again when it runs out — at most
//!   `resyncInterval` (1 min) later — plus up to 50 % jitter of that wait.
//!
//! podsim is deterministic: it takes the nominal times, without the jitter (a real restart
//! comes up to 5 s later up to 1.34, up to half the remaining wait later from 1.35).

use crate::cluster::KubeVersion;
use crate::time::{Millis, MINUTE, SECOND};

/// `backOffPeriod`: the requeue after a sync error.
pub const BACKOFF_PERIOD: Millis = 10 * SECOND;
/// `resyncInterval` (the kubelet's `syncFrequency`, 1 min by default).
pub const RESYNC_INTERVAL: Millis = MINUTE;

/// When the pod is synced again after a sync at `now` found a container in crash-loop
/// back-off until `expires`.
pub fn crash_loop_requeue(v: KubeVersion, now: Millis, expires: Millis) -> Millis {
    if v >= KubeVersion::V1_35 {
        now + expires.saturating_sub(now).min(RESYNC_INTERVAL)
    } else {
        now + BACKOFF_PERIOD
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// pod_workers.go `completeWork` before and after #133066.
    #[test]
    fn the_requeue_after_a_crash_loop_back_off() {
        // 1.34: every 10 s, whatever the back-off; a 1 s back-off waits 10 s.
        assert_eq!(crash_loop_requeue(KubeVersion::V1_34, 5_000, 6_000), 15_000);
        assert_eq!(
            crash_loop_requeue(KubeVersion::V1_34, 5_000, 305_000),
            15_000
        );
        // 1.35: when it runs out, never more than a minute later.
        assert_eq!(crash_loop_requeue(KubeVersion::V1_35, 5_000, 6_000), 6_000);
        assert_eq!(
            crash_loop_requeue(KubeVersion::V1_37, 5_000, 305_000),
            65_000
        );
        assert_eq!(crash_loop_requeue(KubeVersion::V1_37, 5_000, 4_000), 5_000);
    }
}
