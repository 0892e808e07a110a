//! What happens to the pod outside the kubelet's sync loop: the scheduler binds it (or says
//! why not and retries); `kubectl delete` sets its deletion timestamp; the kubelet's active
//! deadline handler fails it; the node controller marks a silent node NotReady and the taint
//! eviction controller deletes the pod once its toleration runs out.

use super::{Engine, Happening};
use crate::kubelet::constants::{node_monitor_grace, UNSCHEDULABLE_RETRY};
use crate::kubelet::events;
use crate::kubelet::scheduler;
use crate::kubelet::status::Disruption;
use crate::kubelet::termination;
use crate::model::{ConditionReason, PodPhase, PodReason, PodStatus, TaintEffect};
use crate::sim::timeline::Deletion;
use crate::time::SECOND;
use crate::why::{CauseId, Fact, Rule, StatusField, NO_CAUSE};

/// The taint the node controller puts on a node that stopped reporting.
const UNREACHABLE_TAINT: &str = "node.kubernetes.io/unreachable";

impl Engine<'_> {
    pub(super) fn schedule(&mut self) {
        let spec = self.pod.spec();
        let node_name_set = spec.node_name.as_deref().is_some_and(|n| !n.is_empty());
        let created = self.timeline.pod_causes.created;
        match scheduler::schedule_why(spec, &self.nodes, self.cluster.version) {
            Ok(n) => {
                let node = self.nodes[n].clone();
                let rule = if node_name_set {
                    Rule::NodeNameSet
                } else {
                    Rule::Scheduled
                };
                let why = self.decide(
                    rule,
                    None,
                    Fact::Schedule { filters: 0 },
                    [created, NO_CAUSE],
                );
                self.why.scheduled = why;
                if !node_name_set {
                    let e = events::scheduled(self.pod.namespace(), &self.pod.name(), &node.name);
                    self.record(e, why);
                }
                self.timeline.node = Some(node.name.clone());
                self.state.scheduled = true;
                self.state.unschedulable_message = None;
                self.state.host_ip = Some(node.internal_ip.clone());
                self.state.start_time = Some(self.now);
                self.status.due = true;
                self.worker.sync_now = true;
                if let Some(ads) = spec.active_deadline_seconds.filter(|s| *s > 0) {
                    let t = self.now.saturating_add((ads as u64).saturating_mul(SECOND));
                    self.at(t, Happening::Deadline);
                }
                self.start_probe_workers();
            }
            Err(_) if node_name_set => {
                // nodeName bypasses the scheduler: nobody will ever run or report it.
                self.status.due = false;
                let why = self.decide(Rule::NodeNameUnknown, None, Fact::None, [created, NO_CAUSE]);
                self.why.scheduled = why;
                let phase = self.decide(
                    Rule::PhasePendingUnscheduled,
                    None,
                    Fact::Phase {
                        phase: PodPhase::Pending,
                    },
                    [why, NO_CAUSE],
                );
                self.timeline.record_status(
                    self.now,
                    PodStatus {
                        phase: PodPhase::Pending,
                        ..Default::default()
                    },
                    vec![(StatusField::Phase, phase)],
                );
            }
            Err(u) => {
                let why = self.decide(
                    Rule::Unschedulable,
                    None,
                    Fact::Schedule { filters: u.filters },
                    [created, NO_CAUSE],
                );
                self.why.scheduled = why;
                let message = u.message;
                self.record(events::failed_scheduling(&message), why);
                self.state.unschedulable_message = Some(message);
                self.status.due = true;
                self.at(self.now + UNSCHEDULABLE_RETRY, Happening::Schedule);
            }
        }
    }

    /// `kubectl delete pod` (with the request's grace period, if it gave one), because of
    /// `because` (the scenario's event, or an eviction).
    pub(super) fn delete_pod(&mut self, requested_grace_seconds: Option<i64>, because: CauseId) {
        if self.timeline.deletion.is_some() {
            return;
        }
        let terminal = self.last_status().is_some_and(|s| s.phase.is_terminal());
        let scheduled = self.state.scheduled;
        let grace_s = termination::deletion_grace_seconds(
            self.pod.spec(),
            requested_grace_seconds,
            scheduled,
            terminal,
        );
        let grace = (grace_s as u64).saturating_mul(SECOND);
        // Nothing runs it (never bound, or already terminal): the object goes at once.
        let removed_now = !scheduled || terminal;
        self.timeline.deletion = Some(Deletion {
            requested_at: self.now,
            deletion_timestamp: self.now + grace,
            grace_period_seconds: grace_s,
            deleted_at: removed_now.then_some(self.now),
        });
        let deleted = self.decide(
            Rule::PodDeleted,
            None,
            Fact::Deletion {
                grace_seconds: grace_s,
            },
            [because, NO_CAUSE],
        );
        self.timeline.pod_causes.deleted = deleted;
        if removed_now {
            self.timeline.pod_causes.removed =
                self.decide(Rule::PodRemoved, None, Fact::None, [deleted, NO_CAUSE]);
        }
        self.status.due = true;
        if self.node_lost || removed_now {
            return;
        }
        // A sync blocked in a postStart hook acts on it once the hook returns.
        self.cancel_post_start_sleep();
        self.stop_pod((Rule::DeletionStop, deleted));
    }

    /// activeDeadlineSeconds passed: the kubelet fails the pod and stops it.
    pub(super) fn deadline(&mut self) {
        if self.state.terminal || self.stopping_pod {
            return;
        }
        // The deadline is checked by a sync: a sync blocked in a postStart hook checks it
        // once the hook returns.
        if let Some(ends) = self
            .records
            .iter()
            .find_map(|r| r.post_start.as_ref().map(|p| p.ends_at))
        {
            self.at(ends, Happening::Deadline);
            return;
        }
        self.state.failed_by_kubelet = Some(PodReason::DeadlineExceeded);
        let scheduled = self.why.scheduled;
        let why = self.decide(
            Rule::DeadlineExceeded,
            None,
            Fact::None,
            [scheduled, NO_CAUSE],
        );
        self.why.deadline = why;
        self.record(events::deadline_exceeded(), why);
        self.status.due = true;
        self.freeze_container_statuses();
        self.stop_pod((Rule::DeadlineStop, why));
    }

    /// The node controller marks the node NotReady; the unreachable:NoExecute taint evicts
    /// the pod after its toleration's seconds (at once without a toleration).
    pub(super) fn node_not_ready(&mut self) {
        self.state.node_not_ready = true;
        let lost = self.why.node_lost;
        let why = self.decide(Rule::NodeNotReady, None, Fact::None, [lost, NO_CAUSE]);
        self.why.node_not_ready = why;
        self.record(events::node_not_ready(), why);
        self.status.due = true;
        let toleration = self
            .pod
            .spec()
            .tolerations
            .iter()
            .find(|t| t.tolerates(UNREACHABLE_TAINT, "", TaintEffect::NoExecute));
        match toleration {
            None => self.at(self.now, Happening::Evict),
            Some(t) => {
                if let Some(s) = t.toleration_seconds {
                    let t = self.now + (s.max(0) as u64).saturating_mul(SECOND);
                    self.at(t, Happening::Evict);
                }
            }
        }
    }

    pub(super) fn evict(&mut self) {
        if self.timeline.deletion.is_some() {
            return;
        }
        let e = events::taint_eviction(self.pod.namespace(), &self.pod.name());
        let not_ready = self.why.node_not_ready;
        let why = self.decide(Rule::TaintEviction, None, Fact::None, [not_ready, NO_CAUSE]);
        self.why.eviction = why;
        self.record(e, why);
        self.state.disruption = Some(Disruption {
            reason: ConditionReason::DeletionByTaintManager,
            message: "Taint manager: deleting due to NoExecute taint".into(),
        });
        self.delete_pod(None, why);
    }

    /// The scenario's LoseNode: the kubelet stops reporting; the node controller notices.
    pub(super) fn lose_node(&mut self, because: CauseId) {
        if self.node_lost || !self.state.scheduled {
            return;
        }
        self.node_lost = true;
        self.why.node_lost = self.decide(Rule::NodeLost, None, Fact::None, [because, NO_CAUSE]);
        let grace = node_monitor_grace(self.cluster.version);
        self.at(self.now + grace, Happening::NodeNotReady);
    }
}
