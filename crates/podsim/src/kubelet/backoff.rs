//! Exponential back-off with client-go's semantics (util/flowcontrol/backoff.go), used for
//! CrashLoopBackOff (per container) and image pulls (per image).
//!
//! - `next(now)`: the first call creates the entry at the initial delay; each later call
//!   doubles it, up to the cap. An entry idle for longer than the reset window starts over.
//! - `in_backoff_since(event_time, now)`: `now - event_time < current delay`.

use crate::time::Millis;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backoff {
    pub initial: Millis,
    pub max: Millis,
    pub reset_after: Millis,
    /// Current delay and when it was last advanced; None until the first `next`.
    entry: Option<(Millis, Millis)>,
}

impl Backoff {
    pub fn new(initial: Millis, max: Millis, reset_after: Millis) -> Self {
        Backoff {
            initial,
            max,
            reset_after,
            entry: None,
        }
    }

    /// The current delay, if the entry exists.
    pub fn current(&self) -> Option<Millis> {
        self.entry.map(|(d, _)| d)
    }

    /// Forget the entry when the event comes after the reset window (`HasExpiredFunc`).
    pub fn gc(&mut self, event_time: Millis) {
        if let Some((_, last)) = self.entry {
            if event_time.saturating_sub(last) > self.reset_after {
                self.entry = None;
            }
        }
    }

    /// Advance: create the entry at the initial delay, or double it (capped).
    pub fn next(&mut self, now: Millis) -> Millis {
        let delay = match self.entry {
            None => self.initial,
            Some((d, _)) => d.saturating_mul(2).min(self.max),
        };
        self.entry = Some((delay, now));
        delay
    }

    /// Whether `now` is still inside the back-off window that started at `event_time`.
    pub fn in_backoff_since(&self, event_time: Millis, now: Millis) -> bool {
        match self.entry {
            Some((d, _)) => now.saturating_sub(event_time) < d,
            None => false,
        }
    }

    /// When the window that started at `event_time` ends.
    pub fn expires_at(&self, event_time: Millis) -> Option<Millis> {
        self.entry.map(|(d, _)| event_time + d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubelet::constants::*;

    fn crash() -> Backoff {
        Backoff::new(
            CRASH_LOOP_BACKOFF_INITIAL,
            CRASH_LOOP_BACKOFF_MAX,
            BACKOFF_RESET_AFTER,
        )
    }

    #[test]
    fn doubles_to_the_cap() {
        let mut b = crash();
        let steps: Vec<_> = (0..8).map(|i| b.next(i * 1000) / 1000).collect();
        assert_eq!(steps, [10, 20, 40, 80, 160, 300, 300, 300]);
    }

    #[test]
    fn no_entry_means_no_backoff() {
        let b = crash();
        assert!(!b.in_backoff_since(0, 1));
        assert_eq!(b.current(), None);
    }

    #[test]
    fn window_is_measured_from_the_event() {
        let mut b = crash();
        b.next(0);
        assert!(b.in_backoff_since(5_000, 14_999));
        assert!(!b.in_backoff_since(5_000, 15_000));
        assert_eq!(b.expires_at(5_000), Some(15_000));
    }

    #[test]
    fn resets_after_ten_quiet_minutes() {
        let mut b = crash();
        b.next(0);
        b.next(1_000);
        b.gc(1_000 + 600_000);
        assert_eq!(b.current(), Some(20_000), "exactly 600 s is not expired");
        b.gc(1_000 + 600_001);
        assert_eq!(b.current(), None);
        assert_eq!(b.next(700_000), 10_000);
    }
}
