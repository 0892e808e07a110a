//! The engine's loop: take the next instant's happenings off the queue and dispatch each,
//! let the runtime catch up and take in the exits it reports (PLEG), run the pod worker's
//! sync when one is due, then write the status if anything changed (the status manager).

use super::{Engine, FrozenStatuses, Happening};
use crate::ids::pod_ip;
use crate::kubelet::container_record::{Exit, Waiting};
use crate::kubelet::status;
use crate::runtime::{ContainerId, RuntimeEvent, Signal, TermResponse};
use crate::sim::timeline::{InstanceLog, Timeline};
use crate::time::Millis;
use crate::why::{Cause, Fact, FileFact, Rule, NO_CAUSE};

impl Engine<'_> {
    /// Run the simulation to `until` and hand back the timeline.
    pub fn run(mut self) -> Timeline {
        self.timeline.pod_causes.created =
            self.decide(Rule::PodCreated, None, Fact::None, [NO_CAUSE; 2]);
        self.at(0, Happening::Schedule);
        for (index, f) in self.pod.scenario.events.iter().enumerate() {
            self.queue.push(f.at, Happening::Fault { index });
        }
        loop {
            if self.fast_forward {
                self.skip_steady_stretch();
            }
            let Some(t) = self.queue.peek_time() else {
                break;
            };
            if t > self.until {
                break;
            }
            self.now = t;
            self.advance_runtime();
            loop {
                while self.queue.peek_time() == Some(t) {
                    if let Some((_, h)) = self.queue.pop() {
                        self.handle(h);
                        self.advance_runtime();
                    }
                }
                // A sync blocked in a postStart hook holds every other sync back.
                if self.worker.sync_now && !self.worker.blocked {
                    self.worker.sync_now = false;
                    self.sync();
                    self.advance_runtime();
                    continue;
                }
                if self.queue.peek_time() != Some(t) {
                    break;
                }
            }
            // No status is written while a sync is blocked (it is written when it returns).
            if self.status.due && !self.worker.blocked {
                self.write_status();
            }
            self.schedule_runtime_wake();
        }
        self.finish()
    }

    fn handle(&mut self, h: Happening) {
        if self.node_lost
            && !matches!(
                h,
                Happening::NodeNotReady | Happening::Evict | Happening::Fault { .. }
            )
        {
            return;
        }
        match h {
            Happening::Schedule => self.schedule(),
            Happening::SandboxReady => {
                let scheduled = self.why.scheduled;
                self.why.sandbox =
                    self.decide(Rule::SandboxReady, None, Fact::None, [scheduled, NO_CAUSE]);
                self.state.sandbox_ready = true;
                self.state.pod_ip = Some(pod_ip(&self.timeline.uid));
                self.status.due = true;
                self.worker.sync_now = true;
            }
            Happening::Sync => {
                if self.worker.next_sync == Some(self.now) {
                    self.worker.next_sync = None;
                }
                self.worker.sync_now = true;
            }
            Happening::PullDone { container, pull } => self.pull_done(container, pull),
            Happening::Start { container } => self.start_container(container),
            Happening::ProbeTick { worker, generation } => self.probe_tick(worker, generation),
            Happening::KillStep {
                container,
                instance,
            } => self.kill_step(container, instance),
            Happening::PostStartDone {
                container,
                instance,
            } => self.post_start_done(container, instance),
            Happening::PreStopFailed { container } => self.pre_stop_failed(container),
            Happening::Kill {
                container,
                instance,
            } => self.signal_if_running(container, instance, Signal::Kill),
            Happening::RuntimeWake => {
                if self.runtime_wake == Some(self.now) {
                    self.runtime_wake = None;
                }
            }
            Happening::Fault { index } => self.fault(index),
            Happening::NodeNotReady => self.node_not_ready(),
            Happening::Evict => self.evict(),
            Happening::Deadline => self.deadline(),
        }
    }

    fn signal_if_running(&mut self, c: usize, instance: ContainerId, signal: Signal) {
        if self.running_instance(c) == Some(instance) {
            self.runtime.signal(instance, signal, self.now);
        }
    }

    /// Ask the pod worker to sync again at `t` (keeps only the earliest pending request).
    pub(super) fn requeue(&mut self, t: Millis) {
        if self
            .worker
            .next_sync
            .is_some_and(|s| s <= t && s >= self.now)
        {
            return;
        }
        self.worker.next_sync = Some(t);
        self.at(t, Happening::Sync);
    }

    /// Record why container `c` is not running (the waiting reason and its cause) and ask
    /// for a sync after `t`.
    pub(super) fn start_failed(
        &mut self,
        c: usize,
        waiting: Waiting,
        requeue_at: Millis,
        why: crate::why::CauseId,
    ) {
        self.records[c].pending_reason = Some(waiting);
        self.why.containers[c].pending_wait = why;
        self.requeue(requeue_at);
    }

    fn finish(mut self) -> Timeline {
        // The files created and removed, by container and instance.
        let owner = |id: ContainerId| {
            self.records
                .iter()
                .enumerate()
                .find_map(|(c, r)| r.instances.iter().position(|i| i.id == id).map(|n| (c, n)))
        };
        let files: Vec<FileFact> = self
            .runtime
            .file_events()
            .iter()
            .filter_map(|e| {
                let (c, n) = owner(e.container)?;
                Some(FileFact {
                    at: e.at,
                    container: u16::try_from(c).ok()?,
                    instance: u32::try_from(n).ok()?,
                    path: e.change.path.clone(),
                    created: e.change.created,
                    origin: e.origin,
                    command: e.change.command.as_deref().map(str::to_string),
                })
            })
            .collect();
        self.timeline.files = files;
        // Hand every container instance's log to the timeline.
        for r in &self.records {
            for (k, inst) in r.instances.iter().enumerate() {
                let lines = self.runtime.logs(inst.id).to_vec();
                self.timeline.logs.push(InstanceLog {
                    container: r.name.clone(),
                    restart: k as u32,
                    started_at: inst.started_at,
                    finished_at: inst.finished_at(),
                    lines,
                });
            }
        }
        self.timeline.logs.sort_by_key(|l| l.started_at);
        self.timeline
    }

    fn write_status(&mut self) {
        self.status.due = false;
        let mut status = status::generate(
            self.pod.spec(),
            &self.records,
            &self.state,
            self.last_status(),
            self.now,
        );
        if let Some(frozen) = &self.status.frozen {
            status.init_container_statuses = frozen.init.clone();
            status.container_statuses = frozen.app.clone();
        }
        if self.last_status() == Some(&status) {
            return;
        }
        let why = self.status_causes(&status);
        self.timeline.record_status(self.now, status, why);
    }

    /// Freeze the container statuses of the last status, marked not ready.
    pub(super) fn freeze_container_statuses(&mut self) {
        if let Some(last) = self.last_status() {
            let unready = |v: &[crate::model::ContainerStatus]| {
                v.iter()
                    .cloned()
                    .map(|mut c| {
                        c.ready = false;
                        c
                    })
                    .collect()
            };
            self.status.frozen = Some(FrozenStatuses {
                init: unready(&last.init_container_statuses),
                app: unready(&last.container_statuses),
            });
        }
    }

    fn schedule_runtime_wake(&mut self) {
        if self.node_lost {
            return;
        }
        if let Some(w) = self.runtime.next_wake() {
            let w = w.max(self.now + 1);
            if self.runtime_wake.is_none_or(|s| s <= self.now || w < s) {
                self.runtime_wake = Some(w);
                self.queue.push(w, Happening::RuntimeWake);
            }
        }
    }

    /// Let the runtime catch up to `now` and take in the exits it reports.
    pub(super) fn advance_runtime(&mut self) {
        if self.node_lost {
            return;
        }
        for _ in 0..8 {
            let exits = self.runtime.advance(self.now);
            if exits.is_empty() {
                break;
            }
            for e in exits {
                let RuntimeEvent::Exited {
                    id,
                    exit_code,
                    reason,
                    signal,
                    at,
                } = e;
                self.on_exit(id, exit_code, reason, signal, at);
            }
        }
    }

    /// A container instance exited (the PLEG's ContainerDied): note it and sync.
    fn on_exit(
        &mut self,
        id: ContainerId,
        code: i32,
        reason: crate::model::TerminatedReason,
        signal: Option<i32>,
        at: Millis,
    ) {
        let Some(c) = self
            .records
            .iter()
            .position(|r| r.instances.iter().any(|i| i.id == id && i.running()))
        else {
            return;
        };
        let at = at.min(self.now);
        let stopping_pod = self.stopping_pod;
        // Why it exited: the kubelet's kill (SIGTERM answered, or SIGKILL when the grace ran
        // out), a kill from outside, or its command ending by itself.
        let w = &self.why.containers[c];
        let killed = self.records[c]
            .kill
            .as_ref()
            .is_some_and(|k| k.instance == id);
        let (rule, because) = if killed {
            let rule = if signal == Some(9) || (code == 137 && w.term != Some(TermResponse::Exits))
            {
                Rule::SigkillAfterGrace
            } else {
                Rule::ExitOnSigterm
            };
            (rule, w.kill)
        } else if w.outside_kill != NO_CAUSE {
            (Rule::KilledOutside, w.outside_kill)
        } else if reason == crate::model::TerminatedReason::OOMKilled {
            (Rule::OomKilled, w.started)
        } else if code == 0 {
            (Rule::ExitCompleted, w.started)
        } else {
            (Rule::ExitError, w.started)
        };
        let n = self.records[c]
            .instances
            .iter()
            .position(|i| i.id == id)
            .unwrap_or(0) as u32;
        let term = if killed { w.term } else { None };
        let mut cause = Cause::new(at, rule, Some(c), Fact::Exit { n, code, term });
        cause.because[0] = because;
        let exited = self.cause(cause);
        let w = &mut self.why.containers[c];
        w.exited = exited;
        w.ready = exited;
        w.started_ok = NO_CAUSE;
        let r = &mut self.records[c];
        if let Some(inst) = r.instance_mut(id) {
            inst.exit = Some(Exit {
                at,
                code,
                signal,
                reason,
                message: None,
            });
        }
        r.started = false;
        r.readiness_ok = false;
        r.liveness_failed = false;
        r.startup_failed = false;
        if let Some(kill) = r.kill.take() {
            if kill.instance == id && !stopping_pod {
                r.restart_after_kill = kill.restart;
            }
        }
        self.status.due = true;
        self.worker.sync_now = true;
        if stopping_pod {
            self.wake_waiting_sidecars();
        }
    }
}
