//! Stopping containers, as kuberuntime's killContainer does: the Killing event, the preStop
//! hook, SIGTERM after it, SIGKILL when the grace period runs out (timings from
//! `kubelet::termination`); and stopping the whole pod: every regular container, then the
//! sidecars one at a time, the last one first, until nothing runs and the pod is terminal.

use super::{Engine, Happening};
use crate::kubelet::container_record::{KillInFlight, RestartAfterKill};
use crate::kubelet::events;
use crate::kubelet::pod_actions::Kill;
use crate::kubelet::termination::{self, KillTiming, StopNext};
use crate::time::Millis;
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
            (rule, verdict),
        );
    }

    /// Stop container `c`: the Killing event, its preStop hook, SIGTERM, SIGKILL after the
    /// grace period (and where it came from). `restart`: start it again once it is gone.
    /// `why`: the rule of the kill and the cause it answers.
    pub(super) fn kill_container(
        &mut self,
        c: usize,
        message: &str,
        (grace, from): (Millis, GraceFrom),
        restart: bool,
        (rule, because): (Rule, CauseId),
    ) {
        let Some(instance) = self.running_instance(c) else {
            return;
        };
        if self.records[c].kill.is_some() {
            return;
        }
        let fp = self.field_path(c);
        let timing = KillTiming::new(grace);
        let grace_from = if timing.grace > grace {
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
                grace: timing.grace,
                grace_from,
                restart,
            },
            [because, NO_CAUSE],
        );
        self.why.containers[c].kill = why;
        self.why.containers[c].term = None;
        self.record(events::killing(message, &fp), why);
        let hook_took = self.run_pre_stop(c, instance, timing.pre_stop_budget);
        let term_at = self.now + timing.term_after(hook_took);
        let kill_at = self.now + timing.kill_after(hook_took);
        let r = &mut self.records[c];
        let previous_finish = r.last_exited().and_then(|i| i.finished_at());
        r.kill = Some(KillInFlight {
            instance,
            restart: restart.then_some(RestartAfterKill { previous_finish }),
        });
        self.at(
            term_at,
            Happening::Term {
                container: c,
                instance,
            },
        );
        self.at(
            kill_at,
            Happening::Kill {
                container: c,
                instance,
            },
        );
    }

    /// Stop the whole pod: no more starts, every container stopped in order. `why`: the rule
    /// of each kill and the cause the stop answers (the first stop's reason is kept).
    pub(super) fn stop_pod(&mut self, why: (Rule, CauseId)) {
        if !self.stopping_pod {
            self.stopping_pod = true;
            self.starts.clear();
            self.why.stopping = Some(why);
        }
        self.continue_stopping_pod();
    }

    /// The next step of stopping the pod (each sync takes one while it stops).
    pub(super) fn continue_stopping_pod(&mut self) {
        // A deletion's grace period counts down from the request; otherwise the pod's.
        let grace = match self.timeline.deletion {
            Some(d) => (
                d.deletion_timestamp.saturating_sub(self.now),
                GraceFrom::Deletion,
            ),
            None => (termination::pod_grace(self.pod.spec()), GraceFrom::Pod),
        };
        let why = self.why.stopping.unwrap_or((Rule::PodDoneStop, NO_CAUSE));
        let stop = |engine: &mut Self, c: usize| {
            let message = format!("Stopping container {}", engine.records[c].name);
            engine.kill_container(c, &message, grace, false, why);
        };
        match termination::stop_next(&self.records) {
            StopNext::Regular(containers) => {
                for c in containers {
                    stop(self, c);
                }
            }
            StopNext::Sidecar(c) => stop(self, c),
            StopNext::WaitForStarts => {}
            StopNext::Done => {
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
