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

impl Engine<'_> {
    /// Kill a container whose liveness or startup probe failed, with that probe's grace
    /// period (or the pod's).
    pub(super) fn kill_for_failed_probe(&mut self, kill: Kill) {
        let c = kill.container;
        let probe = termination::failed_probe(&self.records[c], self.pod.containers[c]);
        let grace = termination::probe_kill_grace(self.pod.spec(), probe);
        self.kill_container(c, &kill.message, grace, kill.restart);
    }

    /// Stop container `c`: the Killing event, its preStop hook, SIGTERM, SIGKILL after the
    /// grace period. `restart`: start it again once it is gone.
    pub(super) fn kill_container(&mut self, c: usize, message: &str, grace: Millis, restart: bool) {
        let Some(instance) = self.running_instance(c) else {
            return;
        };
        if self.records[c].kill.is_some() {
            return;
        }
        let fp = self.field_path(c);
        self.record(events::killing(message, &fp));
        let timing = KillTiming::new(grace);
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

    /// Stop the whole pod: no more starts, every container stopped in order.
    pub(super) fn stop_pod(&mut self) {
        if !self.stopping_pod {
            self.stopping_pod = true;
            self.starts.clear();
        }
        self.continue_stopping_pod();
    }

    /// The next step of stopping the pod (each sync takes one while it stops).
    pub(super) fn continue_stopping_pod(&mut self) {
        // A deletion's grace period counts down from the request; otherwise the pod's.
        let grace = match self.timeline.deletion {
            Some(d) => d.deletion_timestamp.saturating_sub(self.now),
            None => termination::pod_grace(self.pod.spec()),
        };
        let stop = |engine: &mut Self, c: usize| {
            let message = format!("Stopping container {}", engine.records[c].name);
            engine.kill_container(c, &message, grace, false);
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
                if let Some(d) = self.timeline.deletion.as_mut() {
                    if d.deleted_at.is_none() {
                        d.deleted_at = Some(self.now);
                    }
                }
            }
        }
    }
}
