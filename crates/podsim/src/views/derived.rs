//! The derived quantities a lesson is about, read off a run: per container the startup budget
//! (a startup probe's initialDelaySeconds + failureThreshold × periodSeconds), how long a
//! liveness probe takes to fail (failureThreshold × periodSeconds), the instant of its first
//! kill, the back-off ladder (the instants of its restarts and the waits between them) and
//! the time to Ready (the first instant the Pod's Ready condition is True). The app shows them
//! beside the timeline, where they move as a number is dragged.

use crate::kubelet::events::EventReason;
use crate::sim::Timeline;
use crate::time::{Millis, SECOND};
use crate::views::lanes::Lanes;

/// One container's derived quantities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContainerFigures {
    pub name: String,
    /// Startup probe: initialDelaySeconds + failureThreshold × periodSeconds, with its
    /// parts (failureThreshold, periodSeconds).
    pub startup_budget: Option<(Millis, i64, i64)>,
    /// Liveness probe: failureThreshold × periodSeconds of failures before a kill, with its
    /// parts.
    pub liveness_budget: Option<(Millis, i64, i64)>,
    /// The first `Killing` event of this container.
    pub first_kill: Option<Millis>,
    /// When each restart began.
    pub restarts: Vec<Millis>,
}

impl ContainerFigures {
    /// The waits between a container's consecutive starts (the back-off ladder, grace
    /// periods and probe time included): each restart minus the one before (the first one
    /// from `first_start`).
    pub fn gaps(&self, first_start: Millis) -> Vec<Millis> {
        let mut prev = first_start;
        self.restarts
            .iter()
            .map(|&t| {
                let gap = t.saturating_sub(prev);
                prev = t;
                gap
            })
            .collect()
    }
}

/// The derived quantities of a run.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    pub containers: Vec<ContainerFigures>,
    /// The first instant the Pod's Ready condition is True.
    pub ready_at: Option<Millis>,
}

fn budget(p: &crate::model::Probe, with_delay: bool) -> (Millis, i64, i64) {
    let (f, per) = (p.failure_threshold().max(0), p.period().max(0));
    let delay = if with_delay {
        p.initial_delay().max(0)
    } else {
        0
    };
    let secs = f.saturating_mul(per).saturating_add(delay);
    (
        u64::try_from(secs).unwrap_or(0).saturating_mul(SECOND),
        f,
        per,
    )
}

/// The derived quantities of `tl` (with its `lanes`, already drawn for the timeline).
pub fn figures(tl: &Timeline, lanes: &Lanes) -> Figures {
    let pod = &tl.manifest.pod;
    let all = pod
        .spec
        .init_containers
        .iter()
        .chain(pod.spec.containers.iter());
    let containers = all
        .map(|c| {
            let first_kill = tl
                .events
                .iter()
                .find(|e| {
                    e.reason == EventReason::Killing
                        && e.field_path
                            .as_deref()
                            .is_some_and(|f| f.ends_with(&format!("{{{}}}", c.name)))
                })
                .map(|e| e.t_ms);
            let restarts = lanes
                .containers
                .iter()
                .find(|l| l.name == c.name)
                .map(|l| l.starts.iter().skip(1).map(|(t, _)| *t).collect())
                .unwrap_or_default();
            ContainerFigures {
                name: c.name.clone(),
                startup_budget: c.startup_probe.as_ref().map(|p| budget(p, true)),
                liveness_budget: c.liveness_probe.as_ref().map(|p| budget(p, false)),
                first_kill,
                restarts,
            }
        })
        .collect();
    let ready_at = lanes
        .conditions
        .iter()
        .find(|c| c.name == "Ready")
        .and_then(|c| c.segments.iter().find(|s| s.label == "True"))
        .map(|s| s.start);
    Figures {
        containers,
        ready_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session;
    use crate::sim::Scenario;
    use crate::time::MINUTE;
    use crate::views::lanes::lanes;

    const LIVENESS: &str = "apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: PERIOD
";

    fn run(period: u32) -> Figures {
        let text = LIVENESS.replace("PERIOD", &period.to_string());
        let a = session::analyze(&text, &Scenario::default(), 5 * MINUTE);
        let tl = a.timeline.expect("runs");
        figures(&tl, &lanes(&tl))
    }

    #[test]
    fn a_longer_period_moves_the_first_kill_and_restart_later() {
        let (five, ten) = (run(5), run(10));
        let (a, b) = (&five.containers[0], &ten.containers[0]);
        assert_eq!(a.liveness_budget, Some((15 * SECOND, 3, 5)));
        assert_eq!(b.liveness_budget, Some((30 * SECOND, 3, 10)));
        let (ka, kb) = (a.first_kill.expect("a kill"), b.first_kill.expect("a kill"));
        assert!(kb > ka, "{ka} < {kb}");
        assert!(b.restarts[0] > a.restarts[0]);
        // The first restart comes one grace period (30s: sh ignores SIGTERM) after the kill.
        assert_eq!(a.restarts[0].saturating_sub(ka) / SECOND, 30);
        assert!(five.ready_at.is_some_and(|t| t < 10 * SECOND));
        assert_eq!(a.gaps(0).len(), a.restarts.len());
    }
}
