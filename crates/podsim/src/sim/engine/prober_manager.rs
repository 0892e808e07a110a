//! The prober manager (pkg/kubelet/prober/prober_manager.go): one worker per container and
//! probe, each ticking on its own grid from the pod's admission. A tick asks the worker's
//! pure plan whether to probe, runs the handler against the runtime, records the result
//! (and its event), and feeds the thresholds; a changed verdict reaches the kubelet:
//! readiness marks the container (un)ready, a liveness or startup failure asks for a sync
//! that kills it, a startup success lets liveness and readiness begin.

use super::fast_forward::Steady;
use super::{Engine, Happening};
use crate::kubelet::events;
use crate::kubelet::prober::handlers::run_probe;
use crate::kubelet::prober::worker::{TickPlan, Worker};
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::model::{Container, Probe};
use crate::runtime::ContainerId;
use crate::sim::timeline::ProbeRecord;
use crate::time::Millis;

/// One probe worker and what the engine keeps about it.
pub(super) struct ProbeWorker<'a> {
    /// The worker's own state: thresholds, cached result, ticker.
    pub worker: Worker,
    pub probe: &'a Probe,
    /// Ticks queued under an older generation are stale.
    pub generation: u64,
    /// The tick it has queued, if a valid one is pending.
    pub pending: Option<QueuedTick>,
    /// Its last answer, while repeating it is exact (see `fast_forward`).
    pub steady: Option<Steady>,
    /// The run of equal results it is in (for an instance), with the run's cause: every
    /// event of the run points at it.
    pub run: Option<(ProbeResult, ContainerId, crate::why::CauseId)>,
}

/// A tick in the event queue: its time and queue sequence number.
#[derive(Debug, Clone, Copy)]
pub(super) struct QueuedTick {
    pub at: Millis,
    pub seq: u64,
}

/// A worker for every probe of every container (init containers first), startup, liveness,
/// readiness in that order.
pub(super) fn workers<'a>(containers: &[&'a Container]) -> Vec<ProbeWorker<'a>> {
    let mut out = Vec::new();
    for (c, container) in containers.iter().enumerate() {
        for kind in ProbeKind::ALL {
            let probe = match kind {
                ProbeKind::Liveness => container.liveness_probe.as_ref(),
                ProbeKind::Readiness => container.readiness_probe.as_ref(),
                ProbeKind::Startup => container.startup_probe.as_ref(),
            };
            if let Some(probe) = probe {
                out.push(ProbeWorker {
                    worker: Worker::new(kind, c, probe, 0),
                    probe,
                    generation: 0,
                    pending: None,
                    steady: None,
                    run: None,
                });
            }
        }
    }
    out
}

impl Engine<'_> {
    /// The pod was admitted: every worker probes once now, then on its period.
    pub(super) fn start_probe_workers(&mut self) {
        for w in 0..self.probes.len() {
            self.probes[w].worker.next_tick = self.now;
            self.push_tick(w, self.now);
        }
    }

    /// Queue worker `w`'s next tick at `t` under its current generation.
    pub(super) fn push_tick(&mut self, w: usize, t: Millis) {
        let at = t.max(self.now);
        let generation = self.probes[w].generation;
        let seq = self.queue.push(
            at,
            Happening::ProbeTick {
                worker: w,
                generation,
            },
        );
        self.probes[w].pending = Some(QueuedTick { at, seq });
    }

    /// Run worker `w` now, outside its grid (readiness when a container starts, or after the
    /// startup probe succeeds), and restart its ticker from here.
    fn manual_probe(&mut self, w: usize) {
        self.probes[w].generation += 1;
        self.probes[w].worker.next_tick = self.now;
        self.push_tick(w, self.now);
    }

    /// Container `c` started a new instance: its workers start from scratch, readiness at
    /// once.
    pub(super) fn container_started(&mut self, c: usize) {
        for w in 0..self.probes.len() {
            if self.probes[w].worker.container == c {
                self.probes[w].worker.clear();
                if self.probes[w].worker.kind == ProbeKind::Readiness {
                    self.manual_probe(w);
                }
            }
        }
    }

    pub(super) fn probe_tick(&mut self, w: usize, generation: u64) {
        if generation != self.probes[w].generation {
            return;
        }
        self.probes[w].pending = None;
        if self.state.terminal {
            return;
        }
        let kind = self.probes[w].worker.kind;
        let c = self.probes[w].worker.container;
        // The worker reads the status manager: a container in its postStart hook has not
        // started yet.
        let running = self.records[c]
            .started_instance()
            .map(|i| (i.id, i.started_at));
        let plan = if self.stopping() && kind != ProbeKind::Readiness {
            TickPlan::Skip
        } else {
            let started = self.records[c].started;
            self.probes[w].worker.plan(self.now, running, started)
        };
        if plan == TickPlan::Probe {
            if let Some((id, _)) = running {
                self.run_worker_probe(w, id);
            }
        }
        let worker = &mut self.probes[w].worker;
        if worker.next_tick <= self.now {
            worker.advance_tick(self.now);
        }
        let next = worker.next_tick;
        self.push_tick(w, next);
    }

    fn run_worker_probe(&mut self, w: usize, id: ContainerId) {
        let kind = self.probes[w].worker.kind;
        let c = self.probes[w].worker.container;
        let epoch = self.runtime.epoch();
        let outcome = run_probe(
            &mut self.runtime,
            self.probes[w].probe,
            self.pod.containers[c],
            id,
            self.now,
            self.cluster.version,
        );
        // The same world (nothing changed, not even by this probe) gives the same answer,
        // until the next instant at which answers change by time alone.
        self.probes[w].steady = (self.runtime.epoch() == epoch).then(|| Steady {
            epoch,
            instance: id,
            valid_until: self
                .runtime
                .answers_stable_until(self.now)
                .unwrap_or(Millis::MAX),
            result: outcome.result,
            output: outcome.output.clone(),
        });
        let fp = self.field_path(c);
        let run = self.probe_run_cause(w, id, outcome.result);
        let v = self.cluster.version;
        if let Some(e) = events::probe_result(v, kind, outcome.result, &outcome.output, &fp) {
            self.record(e, run);
        }
        self.timeline.probes.push(ProbeRecord {
            t_ms: self.now,
            container: self.pod.names[c].clone(),
            probe: kind,
            result: outcome.result,
            output: outcome.output,
        });
        let changed = self.probes[w].worker.record(outcome.result);
        let cached = self.probes[w].worker.cached;
        self.verdict(w, changed, cached);
    }

    /// What the kubelet does with worker `w`'s verdict: `changed` is the new cached result
    /// when it changed, `cached` the result in force.
    fn verdict(&mut self, w: usize, changed: Option<ProbeResult>, cached: Option<ProbeResult>) {
        let (c, kind) = (self.probes[w].worker.container, self.probes[w].worker.kind);
        match (kind, changed) {
            (ProbeKind::Readiness, _) => {
                let ok = cached == Some(ProbeResult::Success);
                if self.records[c].readiness_ok != ok {
                    let verdict = self.verdict_cause(
                        w,
                        if ok {
                            ProbeResult::Success
                        } else {
                            ProbeResult::Failure
                        },
                    );
                    self.why.containers[c].ready = verdict;
                    self.records[c].readiness_ok = ok;
                    self.status.due = true;
                }
            }
            (ProbeKind::Liveness, Some(ProbeResult::Failure)) => {
                self.why.containers[c].verdict = self.verdict_cause(w, ProbeResult::Failure);
                self.records[c].liveness_failed = true;
                self.worker.sync_now = true;
            }
            (ProbeKind::Startup, Some(ProbeResult::Success)) => {
                let verdict = self.verdict_cause(w, ProbeResult::Success);
                let cw = &mut self.why.containers[c];
                cw.started_ok = verdict;
                cw.ready = verdict;
                self.records[c].started = true;
                self.status.due = true;
                self.worker.sync_now = true;
                for other in 0..self.probes.len() {
                    let o = &self.probes[other].worker;
                    if o.container == c && o.kind == ProbeKind::Readiness {
                        self.manual_probe(other);
                    }
                }
            }
            (ProbeKind::Startup, Some(ProbeResult::Failure)) => {
                self.why.containers[c].verdict = self.verdict_cause(w, ProbeResult::Failure);
                self.records[c].startup_failed = true;
                self.worker.sync_now = true;
            }
            _ => {}
        }
    }
}
