//! The engine's side of "why?" (`crate::why`): what it remembers between decisions so that
//! each new cause can point at the ones it follows from — per container the cause of its
//! start, exit, readiness, pending start and waits; for the pod its scheduling, sandbox and
//! why it is stopping — and, when the status is written, the cause of each field that
//! changed. Causes are created only at transitions: a steady run of probe results is one
//! cause, reused by every event it records.

use super::Engine;
use crate::kubelet::pod_actions::{KillPodWhy, StartWhy};
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::kubelet::status::phase::{self, PhaseRule};
use crate::model::{
    ConditionStatus, ConditionType, ContainerState, ContainerStatus, PodCondition, PodPhase,
    PodStatus, WaitingReason,
};
use crate::runtime::{ContainerId, TermResponse};
use crate::time::Millis;
use crate::why::{Cause, CauseId, Fact, Rule, StatusField, NO_CAUSE};

/// How `status_causes` finds the cause of a container's state changed in the write so far.
type StateOf = dyn Fn(&[(StatusField, CauseId)], usize) -> Option<CauseId>;

/// What the engine remembers about one container's causes.
#[derive(Debug, Clone)]
pub(super) struct ContainerWhy {
    /// The start the pod worker asked for and what it follows from.
    pub request: Option<(Rule, CauseId)>,
    /// The image pull of the start under way (when one took time).
    pub pulled: CauseId,
    /// The pull decision of the start under way, and the last failed pull.
    pub pull: CauseId,
    pub pull_failed: CauseId,
    /// The crash-loop wait before the start under way: (the exit it counts from, cause).
    pub wait: Option<(Millis, CauseId)>,
    /// The start under way follows a back-off that had been forgotten (10 minutes run).
    pub backoff_reset: bool,
    /// The start and the exit of the newest instances.
    pub started: CauseId,
    pub exited: CauseId,
    /// What made `started` true (the start, or the startup probe's success).
    pub started_ok: CauseId,
    /// Why the last start attempt did not happen: as the records' reason cache, pending
    /// then visible at the next sync.
    pub pending_wait: CauseId,
    pub visible_wait: CauseId,
    /// Why `ready` is what it is.
    pub ready: CauseId,
    /// The liveness/startup verdict a kill answers.
    pub verdict: CauseId,
    /// The kill in flight, and what PID 1 did with its SIGTERM.
    pub kill: CauseId,
    pub term: Option<TermResponse>,
    /// A SIGKILL the scenario sent (killContainer).
    pub outside_kill: CauseId,
    /// Why it waits before its first start (ContainerCreating, PodInitializing).
    pub first_wait: CauseId,
}

impl Default for ContainerWhy {
    fn default() -> Self {
        ContainerWhy {
            request: None,
            pulled: NO_CAUSE,
            pull: NO_CAUSE,
            pull_failed: NO_CAUSE,
            wait: None,
            backoff_reset: false,
            started: NO_CAUSE,
            exited: NO_CAUSE,
            started_ok: NO_CAUSE,
            pending_wait: NO_CAUSE,
            visible_wait: NO_CAUSE,
            ready: NO_CAUSE,
            verdict: NO_CAUSE,
            kill: NO_CAUSE,
            term: None,
            outside_kill: NO_CAUSE,
            first_wait: NO_CAUSE,
        }
    }
}

/// What the engine remembers about the pod's causes.
#[derive(Debug, Clone)]
pub(super) struct Why {
    pub containers: Vec<ContainerWhy>,
    /// Scheduled (or the last unschedulable verdict).
    pub scheduled: CauseId,
    pub sandbox: CauseId,
    /// Why the whole pod is being stopped: the rule for each kill, and the cause.
    pub stopping: Option<(Rule, CauseId)>,
    pub deadline: CauseId,
    pub node_lost: CauseId,
    pub node_not_ready: CauseId,
    pub eviction: CauseId,
    /// The cause in force of each condition, by `ConditionType` index.
    pub conditions: [CauseId; 6],
}

impl Why {
    pub fn new(containers: usize) -> Self {
        Why {
            containers: vec![ContainerWhy::default(); containers],
            scheduled: NO_CAUSE,
            sandbox: NO_CAUSE,
            stopping: None,
            deadline: NO_CAUSE,
            node_lost: NO_CAUSE,
            node_not_ready: NO_CAUSE,
            eviction: NO_CAUSE,
            conditions: [NO_CAUSE; 6],
        }
    }
}

fn condition_index(t: ConditionType) -> usize {
    ConditionType::ALL.iter().position(|&c| c == t).unwrap_or(0)
}

/// The status of container `k` (init containers first) in `s`.
fn container_status(s: &PodStatus, k: usize) -> Option<&ContainerStatus> {
    let n = s.init_container_statuses.len();
    if k < n {
        s.init_container_statuses.get(k)
    } else {
        s.container_statuses.get(k - n)
    }
}

/// The back-off step of `delay`: how many times `initial` was doubled, and whether the
/// delay is held at `max`.
pub(super) fn backoff_step(delay: Millis, initial: Millis, max: Millis) -> (u8, bool) {
    let mut step = 0u8;
    let mut d = initial.max(1);
    while d < delay && step < 63 {
        d = d.saturating_mul(2);
        step += 1;
    }
    (step, delay >= max)
}

impl Engine<'_> {
    /// Record a cause now; returns its id.
    pub(super) fn cause(&mut self, c: Cause) -> CauseId {
        self.timeline.cause(c)
    }

    /// A cause at this instant about container `c` (or the pod).
    pub(super) fn decide(
        &mut self,
        rule: Rule,
        container: Option<usize>,
        fact: Fact,
        because: [CauseId; 2],
    ) -> CauseId {
        let mut c = Cause::new(self.now, rule, container, fact);
        c.because = because;
        self.timeline.cause(c)
    }

    /// The cause a start of container `c` follows from, for the rule `why` gives.
    pub(super) fn start_request(&self, c: usize, why: StartWhy) -> (Rule, CauseId) {
        let w = &self.why.containers;
        // What a start in its turn waited for: a regular init container's completion, a
        // sidecar's start (its startup probe's success).
        let waited_for = |after: Option<usize>| match after {
            Some(a) if self.records[a].sidecar => w[a].started_ok,
            Some(a) => w[a].exited,
            None => self.why.sandbox,
        };
        match why {
            StartWhy::First { after } => {
                let rule = if after.is_some() {
                    Rule::StartAfterInit
                } else {
                    Rule::StartFirst
                };
                (rule, waited_for(after))
            }
            StartWhy::InitInOrder { after } => (Rule::InitInOrder, waited_for(after)),
            StartWhy::Sidecar {
                restart: true,
                after: _,
            } => (Rule::SidecarRestart, w[c].exited),
            StartWhy::Sidecar {
                restart: false,
                after,
            } => (Rule::SidecarStart, waited_for(after)),
            StartWhy::Restart => (Rule::RestartPolicy, w[c].exited),
            StartWhy::RestartInit => (Rule::RestartInit, w[c].exited),
        }
    }

    /// Why the pod stops as a whole, as computePodActions decided.
    pub(super) fn kill_pod_reason(&self, why: Option<KillPodWhy>) -> (Rule, CauseId) {
        match why {
            Some(KillPodWhy::InitFailed(i)) => {
                (Rule::InitFailedStop, self.why.containers[i].exited)
            }
            _ => {
                // The last regular container to finish.
                let last = (0..self.records.len())
                    .filter(|&k| !self.records[k].init)
                    .map(|k| self.why.containers[k].exited)
                    .filter(|&e| e != NO_CAUSE)
                    .max()
                    .unwrap_or(NO_CAUSE);
                (Rule::PodDoneStop, last)
            }
        }
    }

    /// The cause of worker `w`'s result now: the run of equal results it continues, or a
    /// new one. One cause per run, whatever its length.
    pub(super) fn probe_run_cause(
        &mut self,
        w: usize,
        instance: ContainerId,
        result: ProbeResult,
    ) -> CauseId {
        if let Some((r, i, cause)) = self.probes[w].run {
            if r == result && i == instance {
                return cause;
            }
        }
        let kind = self.probes[w].worker.kind;
        let c = self.probes[w].worker.container;
        let rule = match result {
            ProbeResult::Success => Rule::ProbeSucceeded,
            ProbeResult::Failure => Rule::ProbeFailed,
            ProbeResult::Unknown => Rule::ProbeErrored,
        };
        let threshold = match result {
            ProbeResult::Success => self.probes[w].worker.success_threshold,
            _ => self.probes[w].worker.failure_threshold,
        };
        // A run of results is a root: what it rests on (a file the probe reads, an endpoint
        // the scenario broke) is a fact `why::explain` finds when asked.
        let cause = self.decide(
            rule,
            Some(c),
            Fact::Probe {
                kind,
                result,
                run: 1,
                threshold,
            },
            [NO_CAUSE; 2],
        );
        self.probes[w].run = Some((result, instance, cause));
        cause
    }

    /// A worker's verdict changed to `result` (its cached result): the verdict's cause.
    pub(super) fn verdict_cause(&mut self, w: usize, result: ProbeResult) -> CauseId {
        let worker = &self.probes[w].worker;
        let (kind, c) = (worker.kind, worker.container);
        let threshold = match result {
            ProbeResult::Success => worker.success_threshold,
            _ => worker.failure_threshold,
        };
        // A liveness or startup failure resets the count as it holds: a changed verdict has
        // just reached its threshold.
        let run = match worker.run_length() {
            0 => threshold,
            n => n,
        };
        let rule = match (kind, result) {
            (ProbeKind::Liveness, _) => Rule::LivenessFailed,
            (ProbeKind::Startup, ProbeResult::Success) => Rule::StartupSucceeded,
            (ProbeKind::Startup, _) => Rule::StartupFailed,
            (ProbeKind::Readiness, ProbeResult::Success) => Rule::ReadinessSucceeded,
            (ProbeKind::Readiness, _) => Rule::ReadinessFailed,
        };
        let run_cause = self.probes[w].run.map_or(NO_CAUSE, |(_, _, cause)| cause);
        self.decide(
            rule,
            Some(c),
            Fact::Probe {
                kind,
                result,
                run,
                threshold,
            },
            [run_cause, NO_CAUSE],
        )
    }

    /// The causes of the fields of `status` that changed since the status it follows (all
    /// of them for the first), for the snapshot about to be written.
    pub(super) fn status_causes(&mut self, status: &PodStatus) -> Vec<(StatusField, CauseId)> {
        let (changed, prev_phase) = {
            let prev = self.timeline.status_before(self.now);
            (changed_fields(prev, status), prev.map(|p| p.phase))
        };
        let frozen = self.status.frozen.is_some();
        let mut out = Vec::with_capacity(changed.len());
        // Containers first: the phase and the conditions point at them.
        for &f in &changed {
            let cause = match f {
                StatusField::State { container } => {
                    let k = usize::from(container);
                    if frozen {
                        self.why.deadline
                    } else {
                        self.state_cause(k, container_status(status, k))
                    }
                }
                StatusField::Ready { .. } if frozen => self.why.deadline,
                StatusField::Ready { container } => {
                    let k = usize::from(container);
                    match self.why.containers[k].ready {
                        NO_CAUSE => self.state_cause(k, container_status(status, k)),
                        ready => ready,
                    }
                }
                StatusField::Started { container } => {
                    let k = usize::from(container);
                    let w = &self.why.containers[k];
                    let c = match container_status(status, k).and_then(|s| s.started) {
                        Some(true) => w.started_ok,
                        _ if w.exited != NO_CAUSE && !self.records[k].is_running() => w.exited,
                        _ => w.started,
                    };
                    match c {
                        NO_CAUSE => self.state_cause(k, container_status(status, k)),
                        c => c,
                    }
                }
                _ => continue,
            };
            out.push((f, cause));
        }
        let state_of = |out: &[(StatusField, CauseId)], k: usize| {
            out.iter()
                .find(|(f, _)| {
                    *f == StatusField::State {
                        container: k as u16,
                    }
                })
                .map(|&(_, c)| c)
        };
        if changed.contains(&StatusField::Phase) {
            let cause = self.phase_cause(status, prev_phase, &out, &state_of);
            out.push((StatusField::Phase, cause));
        }
        // ContainersReady before Ready, which follows it.
        let mut conditions: Vec<ConditionType> = changed
            .iter()
            .filter_map(|f| match f {
                StatusField::Condition { condition } => Some(*condition),
                _ => None,
            })
            .collect();
        conditions.sort_by_key(|&c| c != ConditionType::ContainersReady);
        for condition in conditions {
            let cause = self.condition_cause(status, condition, &out);
            self.why.conditions[condition_index(condition)] = cause;
            out.push((StatusField::Condition { condition }, cause));
        }
        out
    }

    /// Why container `k` is in the state `s` shows.
    fn state_cause(&mut self, k: usize, s: Option<&ContainerStatus>) -> CauseId {
        let w = &self.why.containers[k];
        let Some(s) = s else {
            return w.started;
        };
        if s.state.running.is_some() {
            return w.started;
        }
        if s.state.terminated.is_some() {
            return w.exited;
        }
        let reason = s.state.waiting.as_ref().and_then(|w| w.reason);
        match reason {
            Some(WaitingReason::ContainerCreating | WaitingReason::PodInitializing)
                if self.records[k].instances.is_empty() =>
            {
                if w.first_wait == NO_CAUSE {
                    let rule = if reason == Some(WaitingReason::PodInitializing) {
                        Rule::WaitingForInit
                    } else {
                        Rule::WaitingToCreate
                    };
                    let because = if self.why.sandbox != NO_CAUSE {
                        self.why.sandbox
                    } else {
                        self.why.scheduled
                    };
                    let id = self.decide(rule, Some(k), Fact::None, [because, NO_CAUSE]);
                    self.why.containers[k].first_wait = id;
                }
                self.why.containers[k].first_wait
            }
            _ if w.visible_wait != NO_CAUSE => w.visible_wait,
            _ if w.exited != NO_CAUSE => w.exited,
            _ => w.first_wait,
        }
    }

    /// The container index of the container named `name`.
    fn index_of(&self, name: &str) -> Option<usize> {
        self.records.iter().position(|r| r.name == name)
    }

    fn phase_cause(
        &mut self,
        status: &PodStatus,
        prev: Option<PodPhase>,
        out: &[(StatusField, CauseId)],
        state_of: &StateOf,
    ) -> CauseId {
        let phase = status.phase;
        let fact = Fact::Phase { phase };
        if self.state.failed_by_kubelet.is_some() {
            return self.decide(
                Rule::PhaseFailedDeadline,
                None,
                fact,
                [self.why.deadline, NO_CAUSE],
            );
        }
        if !self.state.scheduled {
            return self.decide(
                Rule::PhasePendingUnscheduled,
                None,
                fact,
                [self.why.scheduled, NO_CAUSE],
            );
        }
        if prev.is_some_and(PodPhase::is_terminal) {
            return self.decide(Rule::PhaseKeptTerminal, None, fact, [NO_CAUSE; 2]);
        }
        let all: Vec<ContainerStatus> = status
            .init_container_statuses
            .iter()
            .chain(&status.container_statuses)
            .cloned()
            .collect();
        let (_, why) = phase::get_phase_why(
            self.pod.spec(),
            &all,
            self.state.terminal,
            self.state.has_initialized,
        );
        let rule = match why.rule {
            PhaseRule::FailedInit => Rule::PhaseFailedInit,
            PhaseRule::PendingInit | PhaseRule::PendingSidecar => Rule::PhasePendingInit,
            PhaseRule::PendingWaiting | PhaseRule::Unknown => Rule::PhasePendingWaiting,
            PhaseRule::Running => Rule::PhaseRunning,
            PhaseRule::RunningRestarting => Rule::PhaseRunningRestarting,
            PhaseRule::Succeeded => Rule::PhaseSucceeded,
            PhaseRule::Failed => Rule::PhaseFailed,
        };
        let mut k = why.container.and_then(|n| self.index_of(n));
        // A phase that counts the containers that stopped or run changed with the one that
        // changed in this write (the app container that started after its sidecar).
        if matches!(
            why.rule,
            PhaseRule::Running
                | PhaseRule::RunningRestarting
                | PhaseRule::Succeeded
                | PhaseRule::Failed
        ) {
            let changed = out.iter().find_map(|(f, _)| match f {
                StatusField::State { container } => Some(usize::from(*container)),
                _ => None,
            });
            let running =
                |k: usize| container_status(status, k).is_some_and(|s| s.state.running.is_some());
            if let Some(c) = changed.filter(|&c| why.rule != PhaseRule::Running || running(c)) {
                k = Some(c);
            }
        }
        let because = k
            .and_then(|k| state_of(out, k).or_else(|| self.container_state_cause(k)))
            .unwrap_or(NO_CAUSE);
        let mut c = Cause::new(self.now, rule, k, fact);
        c.because[0] = because;
        self.cause(c)
    }

    /// The cause of container `k`'s current state when it did not change in this write.
    fn container_state_cause(&self, k: usize) -> Option<CauseId> {
        let w = &self.why.containers[k];
        let r = &self.records[k];
        let c = if r.is_running() {
            w.started
        } else if r.instances.is_empty() {
            if w.visible_wait != NO_CAUSE {
                w.visible_wait
            } else {
                w.first_wait
            }
        } else if w.visible_wait != NO_CAUSE {
            w.visible_wait
        } else {
            w.exited
        };
        (c != NO_CAUSE).then_some(c)
    }

    fn condition_cause(
        &mut self,
        status: &PodStatus,
        condition: ConditionType,
        out: &[(StatusField, CauseId)],
    ) -> CauseId {
        let Some(cond) = status.condition(condition) else {
            return NO_CAUSE;
        };
        let ok = cond.status == ConditionStatus::True;
        let fact = Fact::Condition {
            condition,
            status: ok,
        };
        let phase_cause = out
            .iter()
            .find(|(f, _)| *f == StatusField::Phase)
            .map(|&(_, c)| c);
        let ready_of = |k: usize| {
            out.iter()
                .find(|(f, _)| {
                    *f == StatusField::Ready {
                        container: k as u16,
                    }
                })
                .map(|&(_, c)| c)
        };
        let mut container = None;
        let (rule, because) = match condition {
            ConditionType::PodScheduled => (Rule::PodScheduledCondition, self.why.scheduled),
            ConditionType::PodReadyToStartContainers => {
                if ok {
                    (Rule::SandboxCondition, self.why.sandbox)
                } else if self.state.terminal {
                    (
                        Rule::SandboxGone,
                        self.why.stopping.map_or(NO_CAUSE, |(_, c)| c),
                    )
                } else {
                    (Rule::SandboxCondition, self.why.scheduled)
                }
            }
            ConditionType::Initialized => {
                if ok {
                    // The last init container to complete (or the first app container's
                    // start).
                    let last_init = (0..self.records.len())
                        .filter(|&k| self.records[k].init)
                        .map(|k| {
                            if self.records[k].sidecar {
                                self.why.containers[k].started_ok
                            } else {
                                self.why.containers[k].exited
                            }
                        })
                        .filter(|&c| c != NO_CAUSE)
                        .max();
                    let app = (0..self.records.len())
                        .filter(|&k| !self.records[k].init)
                        .map(|k| self.why.containers[k].started)
                        .filter(|&c| c != NO_CAUSE)
                        .min();
                    (
                        Rule::Initialized,
                        last_init.or(app).unwrap_or(self.why.sandbox),
                    )
                } else {
                    let k = (0..self.records.len()).find(|&k| {
                        self.records[k].init
                            && container_status(status, k).is_none_or(|s| {
                                if self.records[k].sidecar {
                                    s.started != Some(true)
                                } else {
                                    !s.ready
                                }
                            })
                    });
                    container = k;
                    let because = k
                        .and_then(|k| self.container_state_cause(k))
                        .unwrap_or(self.why.scheduled);
                    (Rule::NotInitialized, because)
                }
            }
            ConditionType::ContainersReady => {
                if let (false, Some(pc)) = (ok, phase_cause.filter(|_| status.phase.is_terminal()))
                {
                    (Rule::ContainersNotReady, pc)
                } else if ok {
                    // The container that became ready last.
                    let last = (0..self.records.len())
                        .filter(|&k| !self.records[k].regular_init())
                        .map(|k| ready_of(k).unwrap_or(self.why.containers[k].ready))
                        .filter(|&c| c != NO_CAUSE)
                        .max()
                        .unwrap_or(NO_CAUSE);
                    (Rule::ContainersReady, last)
                } else {
                    let k = (0..self.records.len()).find(|&k| {
                        !self.records[k].regular_init()
                            && container_status(status, k).is_none_or(|s| !s.ready)
                    });
                    container = k;
                    let because = k
                        .map(|k| {
                            ready_of(k)
                                .or_else(|| {
                                    let r = self.why.containers[k].ready;
                                    (r != NO_CAUSE).then_some(r)
                                })
                                .or_else(|| self.container_state_cause(k))
                                .unwrap_or(NO_CAUSE)
                        })
                        .unwrap_or(NO_CAUSE);
                    (Rule::ContainersNotReady, because)
                }
            }
            ConditionType::Ready => {
                if !ok && self.state.node_not_ready {
                    (Rule::PodNotReadyNodeLost, self.why.node_not_ready)
                } else {
                    let cr = out
                        .iter()
                        .find(|(f, _)| {
                            *f == StatusField::Condition {
                                condition: ConditionType::ContainersReady,
                            }
                        })
                        .map(|&(_, c)| c)
                        .unwrap_or(
                            self.why.conditions[condition_index(ConditionType::ContainersReady)],
                        );
                    (Rule::PodReady, cr)
                }
            }
            ConditionType::DisruptionTarget => (Rule::DisruptionTarget, self.why.eviction),
        };
        let mut c = Cause::new(self.now, rule, container, fact);
        c.because[0] = because;
        self.cause(c)
    }
}

/// The fields of `new` that differ from `prev` (every field when there is none).
fn changed_fields(prev: Option<&PodStatus>, new: &PodStatus) -> Vec<StatusField> {
    let mut out = Vec::new();
    let containers = new.init_container_statuses.len() + new.container_statuses.len();
    for k in 0..containers {
        let Some(n) = container_status(new, k) else {
            continue;
        };
        let p = prev.and_then(|p| container_status(p, k));
        let container = k as u16;
        let same_state = p.is_some_and(|p| {
            same(&p.state, &n.state)
                && p.last_state == n.last_state
                && p.restart_count == n.restart_count
        });
        if !same_state {
            out.push(StatusField::State { container });
        }
        if p.is_none_or(|p| p.ready != n.ready) {
            out.push(StatusField::Ready { container });
        }
        if p.is_none_or(|p| p.started != n.started) {
            out.push(StatusField::Started { container });
        }
    }
    if prev.is_none_or(|p| p.phase != new.phase || p.reason != new.reason) {
        out.push(StatusField::Phase);
    }
    for c in &new.conditions {
        let before = prev.and_then(|p| p.condition(c.type_));
        if before.is_none_or(|b| !same_condition(b, c)) {
            out.push(StatusField::Condition { condition: c.type_ });
        }
    }
    out
}

fn same(a: &ContainerState, b: &ContainerState) -> bool {
    a == b
}

fn same_condition(a: &PodCondition, b: &PodCondition) -> bool {
    a.status == b.status && a.reason == b.reason && a.message == b.message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{MINUTE, SECOND};

    #[test]
    fn back_off_steps() {
        let s = |d| backoff_step(d, 10 * SECOND, 5 * MINUTE);
        assert_eq!(s(10 * SECOND), (0, false));
        assert_eq!(s(40 * SECOND), (2, false));
        assert_eq!(s(160 * SECOND), (4, false));
        assert_eq!(s(5 * MINUTE), (5, true));
    }
}
