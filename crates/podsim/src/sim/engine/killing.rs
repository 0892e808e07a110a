//! Stopping containers, as kuberuntime's killContainer does (docs/hooks-audit.md §2): the
//! Killing event and the preStop hook at once (only with a grace period above 0); SIGTERM
//! when the hook returns or the grace period runs out — for a sidecar of a terminating pod,
//! only once its turn has come (every regular container and every later sidecar gone) or
//! what is left of the grace period has passed; SIGKILL after what is then left of it, at
//! least 2 s. Stopping the whole pod starts every container's kill at once
//! (`killContainersWithSyncResult`); the pod is terminal once nothing runs. Each kill records
//! its rule and the cause it answers (`crate::why`).

use super::{Engine, Happening};
use crate::kubelet::container_record::{KillInFlight, KillStage, RestartAfterKill};
use crate::kubelet::events;
use crate::kubelet::pod_actions::Kill;
use crate::kubelet::termination;
use crate::runtime::{ContainerId, Signal};
use crate::time::{Millis, SECOND};
use crate::why::{CauseId, Fact, GraceFrom, Rule, NO_CAUSE};

impl Engine<'_> {
    /// Kill a container whose liveness or startup probe failed, with that probe's grace
    /// period (or the pod's).
    pub(super) fn kill_for_failed_probe(&mut self, kill: Kill) {
        let c = kill.container;
        let probe = termination::failed_probe(&self.records[c], self.pod.containers[c]);
        let grace = termination::probe_kill_grace(self.pod.spec(), probe);
        let from = if probe
            .and_then(|p| p.termination_grace_period_seconds)
            .is_some()
        {
            GraceFrom::Probe
        } else {
            GraceFrom::Pod
        };
        let rule = if self.records[c].liveness_failed {
            Rule::LivenessKill
        } else {
            Rule::StartupKill
        };
        let verdict = self.why.containers[c].verdict;
        self.kill_container(
            c,
            &kill.message,
            (grace, from),
            kill.restart,
            false,
            (rule, verdict),
        );
    }

    /// Stop container `c` with grace period `grace` (and where it came from): the Killing
    /// event, its preStop hook, SIGTERM, SIGKILL. `restart`: start it again once it is gone.
    /// `ordered`: a sidecar of a terminating pod, whose SIGTERM waits for its turn. `why`: the
    /// rule of the kill and the cause it answers.
    pub(super) fn kill_container(
        &mut self,
        c: usize,
        message: &str,
        (grace, from): (Millis, GraceFrom),
        restart: bool,
        ordered: bool,
        (rule, because): (Rule, CauseId),
    ) {
        let Some(instance) = self.running_instance(c) else {
            return;
        };
        if self.records[c].kill.is_some() {
            return;
        }
        let fp = self.field_path(c);
        // Without a preStop hook, SIGKILL follows SIGTERM after the grace period, at least 2 s.
        let effective = termination::term_to_kill(grace, 0);
        let grace_from = if effective > grace {
            GraceFrom::Minimum
        } else {
            from
        };
        let n = self.records[c].restart_count;
        let why = self.decide(
            rule,
            Some(c),
            Fact::Kill {
                n,
                grace: effective,
                grace_from,
                restart,
            },
            [because, NO_CAUSE],
        );
        self.why.containers[c].kill = why;
        self.why.containers[c].term = None;
        self.record(events::killing(message, &fp), why);
        let hook = if grace > 0 {
            self.run_pre_stop(c, instance)
        } else {
            None
        };
        let timing = termination::KillTiming::new(grace, hook.as_ref().map(|h| h.took));
        if let Some(h) = hook.as_ref().filter(|h| !h.succeeded()) {
            self.pre_stop_failed_at(c, self.now + h.took.min(timing.kill));
        }
        let r = &mut self.records[c];
        let previous_finish = r.last_exited().and_then(|i| i.finished_at());
        r.kill = Some(KillInFlight {
            instance,
            restart: restart.then_some(RestartAfterKill { previous_finish }),
            grace,
            started: self.now,
            ordered,
            stage: KillStage::PreStop {
                until: self.now + timing.term,
            },
        });
        self.at(
            self.now + timing.term,
            Happening::KillStep {
                container: c,
                instance,
            },
        );
    }

    /// The next step of container `c`'s kill of `instance`, due now.
    pub(super) fn kill_step(&mut self, c: usize, instance: ContainerId) {
        if self.running_instance(c) != Some(instance) {
            return;
        }
        let Some(kill) = self.records[c]
            .kill
            .clone()
            .filter(|k| k.instance == instance)
        else {
            return;
        };
        let now = self.now;
        match kill.stage {
            KillStage::PreStop { until } if until <= now => {
                let elapsed = now - kill.started;
                let left = kill.grace.saturating_sub(elapsed / SECOND * SECOND);
                if kill.ordered && left > 0 && !termination::sidecar_turn(&self.records, c) {
                    let deadline = now + left;
                    self.set_stage(
                        c,
                        KillStage::AwaitingTurn {
                            since: now,
                            elapsed,
                            deadline,
                        },
                    );
                    self.at(
                        deadline,
                        Happening::KillStep {
                            container: c,
                            instance,
                        },
                    );
                } else {
                    self.send_term(c, instance, termination::term_to_kill(kill.grace, elapsed));
                }
            }
            KillStage::AwaitingTurn {
                since,
                elapsed,
                deadline,
            } if deadline <= now || termination::sidecar_turn(&self.records, c) => {
                // waitForTurn's time comes off the grace period, truncated too.
                let left = kill
                    .grace
                    .saturating_sub(elapsed / SECOND * SECOND)
                    .saturating_sub((now - since) / SECOND * SECOND);
                self.send_term(
                    c,
                    instance,
                    left.max(crate::kubelet::constants::MIN_GRACE_PERIOD),
                );
            }
            _ => {}
        }
    }

    fn set_stage(&mut self, c: usize, stage: KillStage) {
        if let Some(k) = self.records[c].kill.as_mut() {
            k.stage = stage;
        }
    }

    /// SIGTERM now, SIGKILL `window` later if it still runs (StopContainer).
    fn send_term(&mut self, c: usize, instance: ContainerId, window: Millis) {
        let kill_at = self.now + window;
        self.set_stage(c, KillStage::Terminated { kill_at });
        // How the process answers SIGTERM explains the exit that follows.
        self.why.containers[c].term = Some(self.runtime.term_response(instance));
        self.runtime.signal(instance, Signal::Term, self.now);
        self.at(
            kill_at,
            Happening::Kill {
                container: c,
                instance,
            },
        );
    }

    /// A container exited while the pod terminates: sidecars waiting for their turn may go.
    pub(super) fn wake_waiting_sidecars(&mut self) {
        for c in (0..self.records.len()).rev() {
            let waiting = self.records[c]
                .kill
                .as_ref()
                .filter(|k| matches!(k.stage, KillStage::AwaitingTurn { .. }))
                .map(|k| k.instance);
            if let Some(instance) = waiting {
                self.kill_step(c, instance);
            }
        }
    }

    /// Stop the whole pod: no more starts, every running container's kill begins now. `why`:
    /// the rule of each kill and the cause the stop answers (the first stop's reason is kept).
    pub(super) fn stop_pod(&mut self, why: (Rule, CauseId)) {
        if !self.stopping_pod {
            self.stopping_pod = true;
            self.starts.clear();
            self.why.stopping = Some(why);
        }
        self.continue_stopping_pod();
    }

    /// The grace period the pod's termination gives each container, and where it came from:
    /// the deletion's, else the pod's (activeDeadlineSeconds, or every regular container done).
    pub(super) fn pod_kill_grace(&self) -> (Millis, GraceFrom) {
        match self.timeline.deletion {
            Some(d) => (
                (d.grace_period_seconds.max(0) as u64).saturating_mul(SECOND),
                GraceFrom::Deletion,
            ),
            None => (termination::pod_grace(self.pod.spec()), GraceFrom::Pod),
        }
    }

    /// The next step of stopping the pod (each sync while it stops): kill what runs and is
    /// not being killed yet; once nothing runs, the pod is terminal.
    pub(super) fn continue_stopping_pod(&mut self) {
        if self.worker.blocked {
            return;
        }
        let grace = self.pod_kill_grace();
        let why = self.why.stopping.unwrap_or((Rule::PodDoneStop, NO_CAUSE));
        for c in 0..self.records.len() {
            if self.records[c].is_running() && self.records[c].kill.is_none() {
                let message = format!("Stopping container {}", self.records[c].name);
                let ordered = self.records[c].sidecar;
                self.kill_container(c, &message, grace, false, ordered, why);
            }
        }
        if termination::all_stopped(&self.records) {
            // Everything has stopped: the pod is terminal, its sandbox goes away.
            self.state.terminal = true;
            self.state.sandbox_ready = false;
            self.status.due = true;
            let removed = self
                .timeline
                .deletion
                .is_some_and(|d| d.deleted_at.is_none());
            if let Some(d) = self.timeline.deletion.as_mut() {
                if d.deleted_at.is_none() {
                    d.deleted_at = Some(self.now);
                }
            }
            if removed {
                let deleted = self.timeline.pod_causes.deleted;
                let last = self.last_exit_cause();
                self.timeline.pod_causes.removed =
                    self.decide(Rule::PodRemoved, None, Fact::None, [last, deleted]);
            }
        }
    }
}

impl Engine<'_> {
    /// The newest exit of any container.
    pub(super) fn last_exit_cause(&self) -> CauseId {
        self.why
            .containers
            .iter()
            .map(|w| w.exited)
            .filter(|&e| e != NO_CAUSE)
            .max()
            .unwrap_or(NO_CAUSE)
    }
}
