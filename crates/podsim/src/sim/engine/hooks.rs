//! Lifecycle hooks in the engine, as kuberuntime runs them (docs/hooks-audit.md):
//!
//! - postStart runs inside the sync that started the container (`startContainer`, step 4):
//!   that sync — the pod worker — is blocked until the hook returns. No status is written
//!   meanwhile (the container still shows as it did when the sync began: ContainerCreating,
//!   or its last waiting reason), no probe of it runs, nothing else of the pod starts, and a
//!   deletion waits (a sleep hook is cut short by it, as a failure). A failure: the
//!   `FailedPostStartHook` event, the container killed with its grace period (preStop
//!   included), `PostStartHookError` with the handler's message as its waiting reason; the
//!   next start follows the restart policy and the crash-loop back-off like any exit.
//! - preStop runs at the start of a kill (killing.rs); a failure is the `FailedPreStopHook`
//!   event, recorded when the hook fails; the kill goes on.
//!
//! What a hook does and whether it succeeded is `kubelet::lifecycle`.

use super::{Engine, Happening};
use crate::kubelet::container_record::{PostStart, Waiting};
use crate::kubelet::events;
use crate::kubelet::lifecycle::{self, HookAction, HookContext, HookRun};
use crate::model::{LifecycleHandler, WaitingReason};
use crate::runtime::ContainerId;
use crate::time::Millis;
use crate::why::{Fact, Rule, NO_CAUSE};

impl Engine<'_> {
    fn hook(
        &self,
        c: usize,
        pick: fn(&crate::model::Lifecycle) -> Option<&LifecycleHandler>,
    ) -> Option<HookAction> {
        let container = self.pod.containers[c];
        let handler = container.lifecycle.as_ref().and_then(pick)?;
        Some(lifecycle::action(handler, container, self.cluster.version))
    }

    /// Run a hook in container `c`'s `instance` now.
    fn run_hook(&mut self, c: usize, action: &HookAction, instance: ContainerId) -> HookRun {
        let cx = HookContext {
            container: &self.records[c].name,
            pod_ref: &self.pod.pod_ref,
        };
        let budget = self.until.saturating_sub(self.now) + 1;
        lifecycle::run(&mut self.runtime, action, cx, instance, budget, self.now)
    }

    /// The sync that started container `c` runs its postStart hook, if it has one, and stays
    /// blocked in it until it returns. Whether it has one.
    pub(super) fn begin_post_start(&mut self, c: usize, instance: ContainerId) -> bool {
        let Some(action) = self.hook(c, |l| l.post_start.as_ref()) else {
            return false;
        };
        let run = self.run_hook(c, &action, instance);
        let sleep = match action {
            HookAction::Sleep(d) => Some(d),
            _ => None,
        };
        let ends_at = self.now.saturating_add(run.took);
        self.records[c].post_start = Some(PostStart {
            instance,
            ends_at,
            failure: run.failure,
            sleep,
        });
        self.worker.blocked = true;
        self.at(
            ends_at,
            Happening::PostStartDone {
                container: c,
                instance,
            },
        );
        true
    }

    /// A deletion reaches a pod whose sync is blocked in a postStart hook: a sleep hook ends at
    /// once, failed (`runSleepHandler`: the context is done); any other hook runs on and the
    /// kubelet only acts on the deletion once it returns (issue #116032).
    pub(super) fn cancel_post_start_sleep(&mut self) {
        let Some(c) = self.records.iter().position(|r| r.post_start.is_some()) else {
            return;
        };
        let name = self.records[c].name.clone();
        let cx = HookContext {
            container: &name,
            pod_ref: &self.pod.pod_ref,
        };
        let now = self.now;
        let Some(ps) = self.records[c].post_start.as_mut() else {
            return;
        };
        let Some(seconds) = ps.sleep else { return };
        if ps.ends_at > now {
            ps.ends_at = now;
            ps.failure = Some(lifecycle::sleep_cancelled(seconds, cx));
            let instance = ps.instance;
            self.at(
                now,
                Happening::PostStartDone {
                    container: c,
                    instance,
                },
            );
        }
    }

    /// Container `c`'s postStart hook returned: the sync goes on. Success: the container is
    /// started (its probes begin, its status is written, the next container may start).
    /// Failure: FailedPostStartHook, the kill, PostStartHookError.
    pub(super) fn post_start_done(&mut self, c: usize, instance: ContainerId) {
        let Some(ps) = self.records[c]
            .post_start
            .take_if(|p| p.instance == instance)
        else {
            return;
        };
        if ps.ends_at > self.now {
            // A cancelled sleep rescheduled it earlier; this is the stale one.
            self.records[c].post_start = Some(ps);
            return;
        }
        self.worker.blocked = false;
        self.status.due = true;
        self.worker.sync_now = true;
        match ps.failure {
            None => self.container_started(c),
            Some(message) => {
                let fp = self.field_path(c);
                let started = self.why.containers[c].started;
                let why = self.decide(
                    Rule::PostStartHookFailed,
                    Some(c),
                    Fact::None,
                    [started, NO_CAUSE],
                );
                self.record(events::failed_post_start(&fp), why);
                self.records[c].pending_reason =
                    Some(Waiting::new(WaitingReason::PostStartHookError, message));
                // setTerminationGracePeriod: the deletion's grace period, else the pod's.
                let grace = self.pod_kill_grace();
                self.kill_container(
                    c,
                    "FailedPostStartHook",
                    grace,
                    false,
                    false,
                    (Rule::PostStartKill, why),
                );
            }
        }
        self.pump_starts();
    }

    /// Run container `c`'s preStop hook in `instance`, if it has one: how long it takes, and
    /// when it fails (the FailedPreStopHook event is recorded then, `fail_by` at the latest:
    /// the hook cannot outlive the container's SIGKILL).
    pub(super) fn run_pre_stop(&mut self, c: usize, instance: ContainerId) -> Option<HookRun> {
        let action = self.hook(c, |l| l.pre_stop.as_ref())?;
        Some(self.run_hook(c, &action, instance))
    }

    /// The preStop hook's failure, recorded when it fails.
    pub(super) fn pre_stop_failed_at(&mut self, c: usize, at: Millis) {
        self.at(at, Happening::PreStopFailed { container: c });
    }

    pub(super) fn pre_stop_failed(&mut self, c: usize) {
        let fp = self.field_path(c);
        let kill = self.why.containers[c].kill;
        let why = self.decide(
            Rule::PreStopHookFailed,
            Some(c),
            Fact::None,
            [kill, NO_CAUSE],
        );
        self.record(events::failed_pre_stop(&fp), why);
    }
}
