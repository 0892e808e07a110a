//! Fast-forward through steady stretches. When nothing but probe ticks is due before some
//! instant, and every probe that would run there would answer exactly as it did last time —
//! the runtime's epoch has not moved since (no process ran, no file, port, Service or
//! endpoint changed, the probe itself changed nothing and read no clock) and no warm-up or
//! health deadline falls in between — the ticks up to that instant are recorded at once.
//! They give the same probe records, events and threshold counters, in the same order, as
//! handling each tick through the event queue and the handler; the stretch ends before any
//! tick whose result would change the kubelet's state (a threshold reached), so everything
//! that reacts to probes still runs the ordinary way. Tests compare both paths on every
//! example, lesson and scenario.

use super::prober_manager::QueuedTick;
use super::{Engine, Happening};
use crate::kubelet::events;
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::runtime::ContainerId;
use crate::sim::timeline::ProbeRecord;
use crate::time::{Millis, SECOND};

/// A worker's last answer, and the world it was given in.
#[derive(Debug, Clone)]
pub(super) struct Steady {
    /// The runtime's epoch before (and after) the run.
    pub epoch: u64,
    pub instance: ContainerId,
    /// The first instant at which an answer could change by time alone.
    pub valid_until: Millis,
    pub result: ProbeResult,
    pub output: String,
}

/// One worker's ticks within the stretch: its next tick and the queue order it holds there.
struct Lane {
    worker: usize,
    next: Millis,
    seq: u64,
    period: Millis,
    /// Whether its ticks run the probe (else the tick only re-arms the ticker).
    emits: bool,
}

/// What one emitting lane records at each of its ticks.
struct Repeat {
    worker: usize,
    event: Option<events::Event>,
    /// The cause of the run of results the ticks continue.
    cause: crate::why::CauseId,
    record: ProbeRecord,
}

/// Hand out the ticks before `horizon` in the event queue's order — the earliest (time,
/// sequence) first; a handled tick re-arms at time + period with a sequence number later
/// than every other, as a push would — calling `emit(lane, t)` for each. Afterwards each
/// handled lane's `next` is its first tick at or after `horizon`; returns the handled lanes
/// in the order their last ticks re-armed them (the order to queue those next ticks in).
fn replay(lanes: &mut [Lane], horizon: Millis, mut emit: impl FnMut(usize, Millis)) -> Vec<usize> {
    // Live lane indices in queue order.
    let mut order: Vec<usize> = (0..lanes.len())
        .filter(|&i| lanes[i].next < horizon)
        .collect();
    order.sort_by_key(|&i| (lanes[i].next, lanes[i].seq));
    let mut done: Vec<usize> = Vec::with_capacity(order.len());
    let (Some(&first), Some(&last)) = (order.first(), order.last()) else {
        return done;
    };
    // Every lane with the same period, all within one period of the first: the order is a
    // fixed rotation (a re-armed tick lands after every other), so hand out whole rounds.
    let period = lanes[first].period;
    if period > 0
        && order.iter().all(|&i| lanes[i].period == period)
        && lanes[last].next < lanes[first].next.saturating_add(period)
    {
        let starts: Vec<Millis> = order.iter().map(|&i| lanes[i].next).collect();
        let mut offset: Millis = 0;
        let cut = 'rounds: loop {
            for (k, &i) in order.iter().enumerate() {
                let t = starts[k].saturating_add(offset);
                if t >= horizon {
                    break 'rounds k;
                }
                emit(i, t);
            }
            offset = offset.saturating_add(period);
        };
        // Lanes from `cut` on last ran in the previous round, so they re-armed first.
        order.rotate_left(cut);
        for &i in &order {
            let l = &mut lanes[i];
            let mut t = l.next.saturating_add(offset);
            if t < horizon {
                t = t.saturating_add(period);
            }
            l.next = t;
        }
        done.extend(order);
        return done;
    }
    let mut seq = lanes.iter().map(|l| l.seq).max().unwrap_or(0);
    while let Some(&i) = order.first() {
        let t = lanes[i].next;
        emit(i, t);
        let next = t.saturating_add(lanes[i].period.max(1));
        seq += 1;
        lanes[i].next = next;
        lanes[i].seq = seq;
        order.remove(0);
        if next < horizon {
            // The newest sequence number: after every lane due at the same instant.
            let at = order.partition_point(|&j| lanes[j].next <= next);
            order.insert(at, i);
        } else {
            done.push(i);
        }
    }
    done
}

/// What a worker's next tick would do.
enum Tick {
    /// Nothing (container not running, on hold, gated by the startup probe, deletion).
    Idle,
    /// Nothing until the initial delay ends at this instant.
    IdleUntil(Millis),
    /// Run the probe, which would answer as last time.
    Repeat,
    /// Anything else: the stretch must end before this tick.
    Stop,
}

impl Engine<'_> {
    /// Record the steady stretch that starts at the next event, if there is one.
    pub(super) fn skip_steady_stretch(&mut self) {
        if self.node_lost || self.state.terminal || self.worker.sync_now || self.status.due {
            return;
        }
        let mut horizon = self.until.saturating_add(1);
        let mut first = Millis::MAX;
        for (t, _, h) in self.queue.pending() {
            match h {
                Happening::ProbeTick { worker, generation } => {
                    if *generation == self.probes[*worker].generation {
                        first = first.min(t);
                    }
                }
                _ => horizon = horizon.min(t),
            }
        }
        if first >= horizon {
            return;
        }
        if let Some(t) = self.runtime.next_wake() {
            horizon = horizon.min(t);
        }
        let mut lanes: Vec<Lane> = Vec::new();
        for w in 0..self.probes.len() {
            let Some(QueuedTick { at: t, seq }) = self.probes[w].pending else {
                continue;
            };
            let emits = match self.tick_at(w, t) {
                Tick::Idle => false,
                Tick::IdleUntil(d) => {
                    horizon = horizon.min(d);
                    false
                }
                Tick::Repeat => {
                    let worker = &self.probes[w].worker;
                    if let Some(s) = &self.probes[w].steady {
                        horizon = horizon.min(s.valid_until);
                        if let Some(k) = worker.runs_until_change(s.result) {
                            // The k-th run from here changes state: it runs the ordinary way.
                            let kth = t.saturating_add(worker.period.saturating_mul(k as u64 - 1));
                            horizon = horizon.min(kth);
                        }
                    }
                    true
                }
                Tick::Stop => {
                    horizon = horizon.min(t);
                    false
                }
            };
            lanes.push(Lane {
                worker: w,
                next: t,
                seq,
                period: self.probes[w].worker.period,
                emits,
            });
        }
        lanes.retain(|l| l.next < horizon);
        if lanes.is_empty() {
            return;
        }
        let runs: u64 = lanes
            .iter()
            .filter(|l| l.emits)
            .map(|l| (horizon - l.next).div_ceil(l.period))
            .sum();
        self.timeline
            .probes
            .reserve(usize::try_from(runs).unwrap_or(0));
        // What each emitting lane records at every tick (its answer never changes here).
        let repeats: Vec<Option<Repeat>> = lanes
            .iter()
            .map(|l| l.emits.then(|| self.repeat_of(l.worker)).flatten())
            .collect();
        let (timeline, probes) = (&mut self.timeline, &mut self.probes);
        let order = replay(&mut lanes, horizon, |i, t| {
            if let Some(r) = &repeats[i] {
                if let Some(e) = &r.event {
                    timeline.record_event(t, e.clone(), r.cause);
                }
                let mut rec = r.record.clone();
                rec.t_ms = t;
                timeline.probes.push(rec);
                let changed = probes[r.worker].worker.record(r.record.result);
                debug_assert_eq!(changed, None, "a steady stretch never changes state");
            }
        });
        // The old ticks stay queued under a stale generation; the new ones replace them, in
        // the order the last ticks of the stretch handed them out.
        for i in order {
            let (w, next) = (lanes[i].worker, lanes[i].next);
            self.probes[w].generation += 1;
            self.probes[w].worker.next_tick = next;
            self.push_tick(w, next);
        }
    }

    /// What worker `w`'s tick at `t` would do (`probe_tick` and `Worker::plan`, without
    /// their effects).
    fn tick_at(&self, w: usize, t: Millis) -> Tick {
        let worker = &self.probes[w].worker;
        let c = worker.container;
        if self.stopping() && worker.kind != ProbeKind::Readiness {
            return Tick::Idle;
        }
        let Some(inst) = self.records[c].started_instance() else {
            return Tick::Idle;
        };
        if worker.instance != Some(inst.id) {
            return Tick::Stop;
        }
        if worker.on_hold {
            return Tick::Idle;
        }
        let delay_end = inst
            .started_at
            .saturating_add((worker.initial_delay_seconds.max(0) as u64).saturating_mul(SECOND));
        if t < delay_end {
            return Tick::IdleUntil(delay_end);
        }
        let started = self.records[c].started;
        match worker.kind {
            ProbeKind::Startup if started => return Tick::Idle,
            ProbeKind::Liveness | ProbeKind::Readiness if !started => return Tick::Idle,
            _ => {}
        }
        match &self.probes[w].steady {
            Some(s)
                if s.epoch == self.runtime.epoch()
                    && s.instance == inst.id
                    && t < s.valid_until =>
            {
                Tick::Repeat
            }
            _ => Tick::Stop,
        }
    }

    /// What worker `w` records at each tick of the stretch: `run_worker_probe` without the
    /// handler, whose answer is the last one.
    fn repeat_of(&self, w: usize) -> Option<Repeat> {
        let s = self.probes[w].steady.as_ref()?;
        let kind = self.probes[w].worker.kind;
        let c = self.probes[w].worker.container;
        let event = events::probe_result(
            self.cluster.version,
            kind,
            s.result,
            &s.output,
            &self.field_path(c),
        );
        // A steady answer comes after a run of it began (the run's cause exists).
        let cause = match self.probes[w].run {
            Some((result, instance, cause)) if result == s.result && instance == s.instance => {
                cause
            }
            _ => crate::why::NO_CAUSE,
        };
        Some(Repeat {
            worker: w,
            event,
            cause,
            record: ProbeRecord {
                t_ms: 0,
                container: self.pod.names[c].clone(),
                probe: kind,
                result: s.result,
                output: s.output.clone(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::queue::Queue;

    fn lane(worker: usize, next: Millis, seq: u64, period: Millis) -> Lane {
        Lane {
            worker,
            next,
            seq,
            period,
            emits: true,
        }
    }

    type Ticks = Vec<(usize, Millis)>;

    /// The real queue: pop the earliest, push its next tick, until the horizon. Returns the
    /// ticks handled and the ticks re-armed past the horizon, in order.
    fn reference(lanes: &[Lane], horizon: Millis) -> (Ticks, Ticks) {
        let mut q: Queue<usize> = Queue::default();
        let mut sorted: Vec<&Lane> = lanes.iter().collect();
        sorted.sort_by_key(|l| l.seq);
        for l in sorted {
            q.push(l.next, l.worker);
        }
        let mut emitted = Vec::new();
        let mut requeued = Vec::new();
        while let Some((t, w)) = q.pop() {
            if t >= horizon {
                continue;
            }
            emitted.push((w, t));
            let next = t + lanes[w].period;
            if next < horizon {
                q.push(next, w);
            } else {
                requeued.push((w, next));
            }
        }
        (emitted, requeued)
    }

    fn check(mut lanes: Vec<Lane>, horizon: Millis) {
        let (want, want_requeued) = reference(&lanes, horizon);
        let mut got = Vec::new();
        let order = replay(&mut lanes, horizon, |i, t| got.push((i, t)));
        assert_eq!(got, want, "emission order");
        let requeued: Vec<(usize, Millis)> = order.iter().map(|&i| (i, lanes[i].next)).collect();
        assert_eq!(requeued, want_requeued, "re-arm order");
    }

    #[test]
    fn replay_matches_the_queue() {
        // One period: rotations, ties at the same instant in sequence order, horizons that
        // cut a round at its start, inside it and at its end.
        for horizon in [10_000, 9_999, 9_200] {
            let lanes = vec![
                lane(0, 1000, 5, 1000),
                lane(1, 1000, 3, 1000),
                lane(2, 1500, 1, 1000),
            ];
            check(lanes, horizon);
        }
        check(vec![lane(0, 0, 2, 1000), lane(1, 999, 1, 1000)], 1);
        // Spread wider than a period, several periods, a lone lane.
        check(vec![lane(0, 0, 1, 1000), lane(1, 2500, 2, 1000)], 7_000);
        check(
            vec![
                lane(0, 0, 9, 1000),
                lane(1, 0, 4, 2000),
                lane(2, 500, 1, 3000),
                lane(3, 2000, 2, 1000),
            ],
            60_000,
        );
        check(vec![lane(0, 42, 1, 7000)], 1_000_000);
    }
}
