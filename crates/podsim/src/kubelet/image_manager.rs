//! The image manager's decision for one container start (pkg/kubelet/images/image_manager.go):
//! pull or not per imagePullPolicy and what is on the node, and the per-image pull back-off.

use super::backoff::Backoff;
use super::constants::*;
use crate::model::PullPolicy;
use crate::time::Millis;
use std::collections::BTreeMap;

/// What to do about the image before creating the container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PullPlan {
    /// Present and the policy allows using it: `Container image "X" already present on machine`.
    UsePresent,
    /// Pull it (Always, or IfNotPresent and missing).
    Pull,
    /// Missing with `imagePullPolicy: Never`: ErrImageNeverPull.
    NeverPull,
}

pub fn plan(policy: PullPolicy, present: bool) -> PullPlan {
    match (policy, present) {
        (PullPolicy::Always, _) => PullPlan::Pull,
        (PullPolicy::Never, false) => PullPlan::NeverPull,
        (_, true) => PullPlan::UsePresent,
        (_, false) => PullPlan::Pull,
    }
}

/// Per-image pull back-off (ErrImagePull → ImagePullBackOff).
#[derive(Debug, Clone, Default)]
pub struct PullBackoffs {
    entries: BTreeMap<String, (Backoff, Millis)>,
}

impl PullBackoffs {
    /// Still inside the back-off window of the last failed pull of `image`?
    pub fn in_backoff(&self, image: &str, now: Millis) -> bool {
        self.entries
            .get(image)
            .is_some_and(|(b, failed_at)| b.in_backoff_since(*failed_at, now))
    }

    /// The current back-off of `image`: its delay and the failed pull it counts from.
    pub fn entry(&self, image: &str) -> Option<(Millis, Millis)> {
        let (b, failed_at) = self.entries.get(image)?;
        Some((b.current()?, *failed_at))
    }

    pub fn expires_at(&self, image: &str) -> Option<Millis> {
        self.entries
            .get(image)
            .and_then(|(b, failed_at)| b.expires_at(*failed_at))
    }

    /// A pull failed at `now`: advance the back-off.
    pub fn failed(&mut self, image: &str, now: Millis) {
        let entry = self.entries.entry(image.to_string()).or_insert_with(|| {
            (
                Backoff::new(
                    IMAGE_BACKOFF_INITIAL,
                    IMAGE_BACKOFF_MAX,
                    BACKOFF_RESET_AFTER,
                ),
                now,
            )
        });
        entry.0.gc(now);
        entry.0.next(now);
        entry.1 = now;
    }

    pub fn succeeded(&mut self, image: &str) {
        self.entries.remove(image);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies() {
        assert_eq!(plan(PullPolicy::Always, true), PullPlan::Pull);
        assert_eq!(plan(PullPolicy::IfNotPresent, true), PullPlan::UsePresent);
        assert_eq!(plan(PullPolicy::IfNotPresent, false), PullPlan::Pull);
        assert_eq!(plan(PullPolicy::Never, true), PullPlan::UsePresent);
        assert_eq!(plan(PullPolicy::Never, false), PullPlan::NeverPull);
    }

    #[test]
    fn pull_backoff_doubles() {
        let mut b = PullBackoffs::default();
        b.failed("x", 0);
        assert!(b.in_backoff("x", 9_999));
        assert!(!b.in_backoff("x", 10_000));
        b.failed("x", 10_000);
        assert_eq!(b.expires_at("x"), Some(30_000));
    }
}
