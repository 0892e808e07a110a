//! One sync of the pod worker, as kuberuntime's SyncPod runs it: the status is written first
//! (the reason cache of the previous sync becomes visible), then the actions are computed
//! purely (`kubelet::pod_actions::compute`, computePodActions) and applied here: create the
//! sandbox, stop the pod, kill the containers whose probes failed, start the rest.

use super::start_container::{BackoffBasis, StartRequest};
use super::{Engine, Happening};
use crate::kubelet::constants::SANDBOX_READY_AFTER;
use crate::kubelet::pod_actions;
use crate::why::Rule;

impl Engine<'_> {
    pub(super) fn sync(&mut self) {
        if self.node_lost || !self.state.scheduled || self.state.terminal {
            return;
        }
        for (r, w) in self.records.iter_mut().zip(&mut self.why.containers) {
            if r.visible_reason != r.pending_reason {
                r.visible_reason = r.pending_reason.clone();
            }
            w.visible_wait = w.pending_wait;
        }
        self.status.due = true;
        if self.stopping_pod {
            self.continue_stopping_pod();
            return;
        }
        for c in 0..self.records.len() {
            if let Some(restart) = self.records[c].restart_after_kill.take() {
                let exited = self.why.containers[c].exited;
                self.enqueue_start(StartRequest {
                    container: c,
                    backoff: BackoffBasis::BeforeKill(restart.previous_finish),
                    why: (Rule::RestartAfterKill, exited),
                });
            }
        }
        let actions = pod_actions::compute(
            self.pod.spec(),
            &self.records,
            self.state.sandbox_ready,
            self.state.has_initialized,
        );
        if actions.create_sandbox {
            if !self.worker.sandbox_requested {
                self.worker.sandbox_requested = true;
                self.at(self.now + SANDBOX_READY_AFTER, Happening::SandboxReady);
            }
            return;
        }
        if actions.kill_pod {
            let why = self.kill_pod_reason(actions.kill_pod_why);
            self.stop_pod(why);
            return;
        }
        for kill in actions.kill {
            self.kill_for_failed_probe(kill);
        }
        for (&c, &why) in actions.start.iter().zip(&actions.start_why) {
            let why = self.start_request(c, why);
            self.enqueue_start(StartRequest {
                container: c,
                backoff: BackoffBasis::NewestExit,
                why,
            });
        }
        self.pump_starts();
    }
}
