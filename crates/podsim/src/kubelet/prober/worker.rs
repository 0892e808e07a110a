//! One probe worker (pkg/kubelet/prober/worker.go): its tick grid, what gates a tick, and the
//! consecutive-result thresholds that turn raw results into the cached result the kubelet
//! acts on. Pure state; the engine runs the handler and feeds the raw result in.

use super::{ProbeKind, ProbeResult};
use crate::model::Probe;
use crate::runtime::ContainerId;
use crate::time::{Millis, SECOND};

#[derive(Debug, Clone)]
pub struct Worker {
    pub kind: ProbeKind,
    /// Index of the container in the pod's container list (init containers first).
    pub container: usize,
    pub period: Millis,
    pub initial_delay_seconds: i64,
    pub success_threshold: u32,
    pub failure_threshold: u32,
    /// The next tick of the worker's ticker (anchored when the pod was admitted).
    pub next_tick: Millis,
    /// The container instance this worker last saw.
    pub instance: Option<ContainerId>,
    /// The result the kubelet acts on, for `instance`.
    pub cached: Option<ProbeResult>,
    last_result: Option<ProbeResult>,
    result_run: u32,
    /// After a liveness/startup failure, the worker waits for a new container.
    pub on_hold: bool,
}

/// What a tick should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickPlan {
    /// Run the handler now.
    Probe,
    /// Nothing to do at this tick.
    Skip,
}

impl Worker {
    pub fn new(kind: ProbeKind, container: usize, probe: &Probe, admitted_at: Millis) -> Self {
        Worker {
            kind,
            container,
            period: (probe.period().max(1) as u64).saturating_mul(SECOND),
            initial_delay_seconds: probe.initial_delay().max(0),
            success_threshold: probe.success_threshold().clamp(1, 1_000_000) as u32,
            failure_threshold: probe.failure_threshold().clamp(1, 1_000_000) as u32,
            // The worker probes once when it starts, then every period.
            next_tick: admitted_at,
            instance: None,
            cached: None,
            last_result: None,
            result_run: 0,
            on_hold: false,
        }
    }

    /// The result a fresh container starts with: readiness Failure, liveness Success,
    /// startup Unknown.
    pub fn initial_result(kind: ProbeKind) -> ProbeResult {
        match kind {
            ProbeKind::Readiness => ProbeResult::Failure,
            ProbeKind::Liveness => ProbeResult::Success,
            ProbeKind::Startup => ProbeResult::Unknown,
        }
    }

    /// A new container instance: reset the cached result and the counters, leave hold.
    pub fn observe_instance(&mut self, id: ContainerId) {
        if self.instance != Some(id) {
            self.instance = Some(id);
            self.cached = Some(Self::initial_result(self.kind));
            self.last_result = None;
            self.result_run = 0;
            self.on_hold = false;
        }
    }

    /// Forget the instance (container gone): the next one starts from scratch.
    pub fn clear(&mut self) {
        self.instance = None;
        self.cached = None;
        self.last_result = None;
        self.result_run = 0;
        self.on_hold = false;
    }

    /// Decide a tick. `running`: the container's current instance id and start time, if it
    /// runs; `started`: its startup probe has succeeded (or it has none).
    pub fn plan(
        &mut self,
        now: Millis,
        running: Option<(ContainerId, Millis)>,
        started: bool,
    ) -> TickPlan {
        let Some((id, started_at)) = running else {
            return TickPlan::Skip;
        };
        self.observe_instance(id);
        if self.on_hold {
            return TickPlan::Skip;
        }
        // `int32(time.Since(startedAt).Seconds()) < initialDelaySeconds`
        let since = (now.saturating_sub(started_at) / SECOND) as i64;
        if since < self.initial_delay_seconds {
            return TickPlan::Skip;
        }
        match self.kind {
            ProbeKind::Startup if started => TickPlan::Skip,
            ProbeKind::Liveness | ProbeKind::Readiness if !started => TickPlan::Skip,
            _ => TickPlan::Probe,
        }
    }

    /// How many equal results in a row the worker has counted (the one fed last included).
    pub fn run_length(&self) -> u32 {
        self.result_run
    }

    /// Feed a raw result. Returns the new cached result when it changed.
    /// Unknown results are thrown away (no threshold counting).
    pub fn record(&mut self, result: ProbeResult) -> Option<ProbeResult> {
        if result == ProbeResult::Unknown {
            return None;
        }
        if self.last_result == Some(result) {
            self.result_run = self.result_run.saturating_add(1);
        } else {
            self.last_result = Some(result);
            self.result_run = 1;
        }
        if (result == ProbeResult::Failure && self.result_run < self.failure_threshold)
            || (result == ProbeResult::Success && self.result_run < self.success_threshold)
        {
            return None;
        }
        let changed = self.cached != Some(result);
        self.cached = Some(result);
        if matches!(self.kind, ProbeKind::Liveness | ProbeKind::Startup)
            && result == ProbeResult::Failure
        {
            self.on_hold = true;
            self.result_run = 0;
        }
        changed.then_some(result)
    }

    /// If `result` kept coming, at which run from now `record` would change something (the
    /// cached result, or the hold after a liveness/startup failure); None: never.
    pub fn runs_until_change(&self, result: ProbeResult) -> Option<u32> {
        if result == ProbeResult::Unknown {
            return None;
        }
        let holds = matches!(self.kind, ProbeKind::Liveness | ProbeKind::Startup)
            && result == ProbeResult::Failure;
        if self.cached == Some(result) && !holds {
            return None;
        }
        let threshold = match result {
            ProbeResult::Failure => self.failure_threshold,
            _ => self.success_threshold,
        };
        let run = if self.last_result == Some(result) {
            self.result_run
        } else {
            0
        };
        Some(threshold.saturating_sub(run).max(1))
    }

    /// Advance the ticker past `now`.
    pub fn advance_tick(&mut self, now: Millis) {
        while self.next_tick <= now {
            self.next_tick = self.next_tick.saturating_add(self.period);
        }
    }

    /// A manual trigger runs the probe now and restarts the ticker from here.
    pub fn reset_ticker(&mut self, now: Millis) {
        self.next_tick = now.saturating_add(self.period);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(period: i64, delay: i64, success: i64, failure: i64) -> Probe {
        Probe {
            period_seconds: Some(period),
            initial_delay_seconds: Some(delay),
            success_threshold: Some(success),
            failure_threshold: Some(failure),
            ..Default::default()
        }
    }

    #[test]
    fn liveness_fails_after_threshold_and_holds() {
        let mut w = Worker::new(ProbeKind::Liveness, 0, &probe(5, 0, 1, 3), 0);
        assert_eq!(w.plan(5_000, Some((1, 0)), true), TickPlan::Probe);
        assert_eq!(w.cached, Some(ProbeResult::Success));
        assert_eq!(w.record(ProbeResult::Failure), None);
        assert_eq!(w.record(ProbeResult::Failure), None);
        assert_eq!(w.record(ProbeResult::Failure), Some(ProbeResult::Failure));
        assert!(w.on_hold);
        assert_eq!(w.plan(10_000, Some((1, 0)), true), TickPlan::Skip);
        // A new container releases the hold and starts from Success again.
        assert_eq!(w.plan(15_000, Some((2, 14_000)), true), TickPlan::Probe);
        assert_eq!(w.cached, Some(ProbeResult::Success));
    }

    #[test]
    fn readiness_needs_success_threshold_and_starts_as_failure() {
        let mut w = Worker::new(ProbeKind::Readiness, 0, &probe(10, 0, 2, 3), 0);
        w.observe_instance(7);
        assert_eq!(w.cached, Some(ProbeResult::Failure));
        assert_eq!(w.record(ProbeResult::Success), None);
        assert_eq!(w.record(ProbeResult::Success), Some(ProbeResult::Success));
        assert_eq!(w.record(ProbeResult::Failure), None);
        assert_eq!(
            w.record(ProbeResult::Success),
            None,
            "run was broken, success counts from 1 again"
        );
        assert!(!w.on_hold, "readiness never holds");
    }

    #[test]
    fn unknown_is_discarded() {
        let mut w = Worker::new(ProbeKind::Liveness, 0, &probe(1, 0, 1, 1), 0);
        w.observe_instance(1);
        assert_eq!(w.record(ProbeResult::Unknown), None);
        assert_eq!(w.cached, Some(ProbeResult::Success));
    }

    #[test]
    fn initial_delay_uses_whole_seconds_since_start() {
        let mut w = Worker::new(ProbeKind::Liveness, 0, &probe(5, 5, 1, 3), 0);
        assert_eq!(
            w.plan(5_900, Some((1, 1_000)), true),
            TickPlan::Skip,
            "4.9 s → 4 < 5"
        );
        assert_eq!(w.plan(6_000, Some((1, 1_000)), true), TickPlan::Probe);
    }

    #[test]
    fn startup_gates_the_others() {
        let mut l = Worker::new(ProbeKind::Liveness, 0, &probe(1, 0, 1, 3), 0);
        let mut s = Worker::new(ProbeKind::Startup, 0, &probe(1, 0, 1, 3), 0);
        assert_eq!(l.plan(1_000, Some((1, 0)), false), TickPlan::Skip);
        assert_eq!(s.plan(1_000, Some((1, 0)), false), TickPlan::Probe);
        assert_eq!(s.plan(2_000, Some((1, 0)), true), TickPlan::Skip);
        assert_eq!(l.plan(2_000, Some((1, 0)), true), TickPlan::Probe);
    }

    #[test]
    fn runs_until_change_counts_to_the_threshold() {
        let mut w = Worker::new(ProbeKind::Liveness, 0, &probe(1, 0, 1, 3), 0);
        w.observe_instance(1);
        assert_eq!(w.runs_until_change(ProbeResult::Success), None);
        assert_eq!(w.runs_until_change(ProbeResult::Unknown), None);
        assert_eq!(w.runs_until_change(ProbeResult::Failure), Some(3));
        w.record(ProbeResult::Failure);
        assert_eq!(w.runs_until_change(ProbeResult::Failure), Some(2));
        w.record(ProbeResult::Failure);
        assert_eq!(w.runs_until_change(ProbeResult::Failure), Some(1));
        assert_eq!(w.record(ProbeResult::Failure), Some(ProbeResult::Failure));

        let mut r = Worker::new(ProbeKind::Readiness, 0, &probe(1, 0, 2, 3), 0);
        r.observe_instance(1);
        assert_eq!(
            r.runs_until_change(ProbeResult::Failure),
            None,
            "readiness starts as Failure: more failures change nothing"
        );
        assert_eq!(r.runs_until_change(ProbeResult::Success), Some(2));
        r.record(ProbeResult::Success);
        assert_eq!(r.runs_until_change(ProbeResult::Success), Some(1));
        assert_eq!(r.record(ProbeResult::Success), Some(ProbeResult::Success));
        assert_eq!(r.runs_until_change(ProbeResult::Success), None);
        // Each prediction is what `record` then does.
        for _ in 0..2 {
            assert_eq!(r.record(ProbeResult::Failure), None);
        }
        assert_eq!(r.runs_until_change(ProbeResult::Failure), Some(1));
        assert_eq!(r.record(ProbeResult::Failure), Some(ProbeResult::Failure));
    }

    #[test]
    fn ticker_keeps_its_grid() {
        let mut w = Worker::new(ProbeKind::Liveness, 0, &probe(10, 0, 1, 3), 0);
        w.advance_tick(0);
        assert_eq!(w.next_tick, 10_000);
        w.advance_tick(35_000);
        assert_eq!(w.next_tick, 40_000);
        w.reset_ticker(41_000);
        assert_eq!(w.next_tick, 51_000);
    }
}
