//! Lifecycle hooks in the engine: postStart right after a container starts (a failure is
//! the FailedPostStartHook event and a kill), preStop before SIGTERM (a failure is the
//! FailedPreStopHook event; the kill goes on). What a hook does and whether it succeeded is
//! `kubelet::lifecycle`.

use super::Engine;
use crate::kubelet::events;
use crate::kubelet::lifecycle;
use crate::kubelet::termination;
use crate::model::{LifecycleHandler, RestartPolicy};
use crate::runtime::ContainerId;
use crate::time::Millis;

impl Engine<'_> {
    fn hook(
        &self,
        c: usize,
        pick: fn(&crate::model::Lifecycle) -> Option<&LifecycleHandler>,
    ) -> Option<lifecycle::HookAction> {
        let container = self.pod.containers[c];
        let handler = container.lifecycle.as_ref().and_then(pick)?;
        Some(lifecycle::action(handler, container, self.cluster.version))
    }

    /// Run container `c`'s postStart hook in `instance`, if it has one; a failure kills it.
    pub(super) fn run_post_start(&mut self, c: usize, instance: ContainerId) {
        let Some(action) = self.hook(c, |l| l.post_start.as_ref()) else {
            return;
        };
        let grace = termination::pod_grace(self.pod.spec());
        let run = lifecycle::run(&mut self.runtime, &action, instance, grace, self.now);
        if !run.succeeded {
            let fp = self.field_path(c);
            self.record(events::failed_post_start(&fp));
            let restart =
                self.pod.spec().restart_policy() != RestartPolicy::Never || self.records[c].sidecar;
            self.kill_container(c, "FailedPostStartHook", grace, restart);
        }
    }

    /// Run container `c`'s preStop hook in `instance` within `budget`, if it has one;
    /// returns the time it took.
    pub(super) fn run_pre_stop(
        &mut self,
        c: usize,
        instance: ContainerId,
        budget: Millis,
    ) -> Millis {
        let Some(action) = self.hook(c, |l| l.pre_stop.as_ref()) else {
            return 0;
        };
        let run = lifecycle::run(&mut self.runtime, &action, instance, budget, self.now);
        if !run.succeeded {
            let fp = self.field_path(c);
            self.record(events::failed_pre_stop(&fp));
        }
        run.took
    }
}
