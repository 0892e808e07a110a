//! Applying a sync's start actions, one container at a time (image pulls are serial), as
//! kuberuntime's startContainer does: the CrashLoopBackOff check, the image (inspect, pull
//! per imagePullPolicy, pull back-off), then create and start — or the reason it could not,
//! which the next sync shows as the container's waiting reason.

use std::collections::VecDeque;

use super::causes::backoff_step;
use super::{Engine, Happening};
use crate::cluster::Gate;
use crate::ids::hex_id;
use crate::kubelet::constants::*;
use crate::kubelet::container_record::{Exit, Instance, Waiting};
use crate::kubelet::events;
use crate::kubelet::image_manager::{self, PullPlan};
use crate::kubelet::pod_worker;
use crate::model::{TerminatedReason, WaitingReason};
use crate::runtime::{ContainerId, ImageError};
use crate::time::{Millis, SECOND};
use crate::why::{CauseId, Fact, Rule, NO_CAUSE};

/// The start the pod worker attempts for one container.
#[derive(Debug, Clone, Copy)]
pub(super) struct StartRequest {
    pub container: usize,
    pub backoff: BackoffBasis,
    /// Why it is started (the rule), and the cause that follows from.
    pub why: (Rule, CauseId),
}

/// Which exit the CrashLoopBackOff check measures the back-off from.
#[derive(Debug, Clone, Copy)]
pub(super) enum BackoffBasis {
    /// The newest exit the sync saw.
    NewestExit,
    /// A restart after a liveness/startup kill: the newest exit before the kill (the status
    /// SyncPod captured before killing), if there was one — not the kill's own exit.
    BeforeKill(Option<Millis>),
}

/// The starts waiting their turn, and whether one is in flight.
#[derive(Debug, Default)]
pub(super) struct StartQueue {
    waiting: VecDeque<StartRequest>,
    in_flight: bool,
}

impl StartQueue {
    /// Drop every start not yet begun (the pod is stopping).
    pub fn clear(&mut self) {
        self.waiting.clear();
    }
}

/// How an image pull ended.
#[derive(Debug, Clone)]
pub(super) enum Pull {
    Pulled { size_bytes: u64, took: Millis },
    Failed(String),
}

/// The ID the runtime gives container instance `id` of pod `uid`, as the status shows it.
fn container_id(uid: &str, id: ContainerId) -> String {
    format!("containerd://{}", hex_id(uid, id))
}

fn image_error_text(e: &ImageError) -> String {
    match e {
        ImageError::InvalidImageName(m) | ImageError::NotFound(m) => m.clone(),
    }
}

impl Engine<'_> {
    pub(super) fn enqueue_start(&mut self, req: StartRequest) {
        let c = req.container;
        if self.records[c].starting || self.starts.waiting.iter().any(|s| s.container == c) {
            return;
        }
        self.starts.waiting.push_back(req);
        self.pump_starts();
    }

    /// Begin the next queued start unless one is in flight (or the sync is blocked in a
    /// postStart hook).
    pub(super) fn pump_starts(&mut self) {
        while !self.starts.in_flight && !self.worker.blocked {
            let Some(req) = self.starts.waiting.pop_front() else {
                return;
            };
            self.begin_start(req);
        }
    }

    /// Container `c`'s start (pull or create) is under way.
    fn start_in_flight(&mut self, c: usize) {
        self.records[c].starting = true;
        self.starts.in_flight = true;
    }

    /// Container `c`'s start ended (started, or failed): let the next one begin.
    fn start_ended(&mut self, c: usize) {
        self.records[c].starting = false;
        self.starts.in_flight = false;
    }

    fn begin_start(&mut self, req: StartRequest) {
        let c = req.container;
        if self.stopping_pod || self.records[c].is_running() {
            return;
        }
        self.why.containers[c].request = Some(req.why);
        if self.in_crash_loop_backoff(c, req.backoff) {
            return;
        }
        let request = self.start_cause_basis(c);
        let fp = self.field_path(c);
        let container = self.pod.containers[c];
        let image = container.image().to_string();
        let info = self.runtime.image_info(&image);
        if let Err(ImageError::InvalidImageName(msg)) = &info {
            let msg = msg.clone();
            let why = self.decide(
                Rule::InvalidImageName,
                Some(c),
                Fact::None,
                [request, NO_CAUSE],
            );
            self.record(events::inspect_failed(&msg, &fp), why);
            let waiting = Waiting::new(WaitingReason::InvalidImageName, msg);
            self.record(events::failed_error(waiting.reason.as_str(), &fp), why);
            self.start_failed(c, waiting, self.now + POD_WORKER_ERROR_REQUEUE, why);
            return;
        }
        let present = self.runtime.image_present(&image);
        match image_manager::plan(container.pull_policy(), present) {
            PullPlan::UsePresent => {
                let checked = self.cluster.enabled(Gate::KubeletEnsureSecretPulledImages);
                let why = self.decide(Rule::ImagePresent, Some(c), Fact::None, [request, NO_CAUSE]);
                self.record(events::already_present(&image, checked, &fp), why);
                self.why.containers[c].pulled = NO_CAUSE;
                self.start_in_flight(c);
                self.at(
                    self.now + CONTAINER_START_LATENCY,
                    Happening::Start { container: c },
                );
            }
            PullPlan::NeverPull => {
                let why = self.decide(
                    Rule::ImageNeverPull,
                    Some(c),
                    Fact::None,
                    [request, NO_CAUSE],
                );
                self.record(events::never_pull(&image, &fp), why);
                let waiting = Waiting::new(
                    WaitingReason::ErrImageNeverPull,
                    events::never_pull_message(&image),
                );
                self.record(events::failed_error(waiting.reason.as_str(), &fp), why);
                self.start_failed(c, waiting, self.now + POD_WORKER_ERROR_REQUEUE, why);
            }
            PullPlan::Pull => {
                if self.pulls.in_backoff(&image, self.now) {
                    let fact = match self.pulls.entry(&image) {
                        Some((delay, since)) => {
                            let (step, capped) =
                                backoff_step(delay, IMAGE_BACKOFF_INITIAL, IMAGE_BACKOFF_MAX);
                            Fact::Wait {
                                delay,
                                since,
                                step,
                                capped,
                                initial: IMAGE_BACKOFF_INITIAL,
                                max: IMAGE_BACKOFF_MAX,
                            }
                        }
                        None => Fact::None,
                    };
                    let failed = self.why.containers[c].pull_failed;
                    let why =
                        self.decide(Rule::ImagePullBackOff, Some(c), fact, [failed, NO_CAUSE]);
                    self.record(events::backoff_pull(&image, &fp), why);
                    let waiting = Waiting::new(
                        WaitingReason::ImagePullBackOff,
                        events::pull_backoff_message(&image),
                    );
                    self.record(events::failed_error(waiting.reason.as_str(), &fp), why);
                    let expires = self.pulls.expires_at(&image).unwrap_or(self.now);
                    let requeue = expires.min(self.now + POD_WORKER_ERROR_REQUEUE);
                    self.start_failed(c, waiting, requeue, why);
                    return;
                }
                // A pull after a failed one follows its back-off too.
                let failed = self.why.containers[c].pull_failed;
                let why = self.decide(Rule::ImagePull, Some(c), Fact::None, [request, failed]);
                self.why.containers[c].pull = why;
                self.record(events::pulling(&image, &fp), why);
                let (pull, took) = match &info {
                    Ok(i) if present => (
                        Pull::Pulled {
                            size_bytes: i.size_bytes,
                            took: CACHED_PULL_MS,
                        },
                        CACHED_PULL_MS,
                    ),
                    Ok(i) => {
                        let took = i.pull_ms.max(1);
                        let pull = Pull::Pulled {
                            size_bytes: i.size_bytes,
                            took,
                        };
                        (pull, took)
                    }
                    Err(e) => (Pull::Failed(image_error_text(e)), FAILED_PULL_MS),
                };
                self.start_in_flight(c);
                self.at(self.now + took, Happening::PullDone { container: c, pull });
            }
        }
    }

    /// The CrashLoopBackOff check (kuberuntime doBackOff): still inside the back-off window
    /// of the exit `basis` names — the BackOff event, the waiting reason, a requeue when it
    /// ends. Otherwise the back-off steps on and the start goes ahead.
    fn in_crash_loop_backoff(&mut self, c: usize, basis: BackoffBasis) -> bool {
        let previous_exit = match basis {
            BackoffBasis::BeforeKill(finish) => finish,
            BackoffBasis::NewestExit => self.records[c].last_exited().and_then(|i| i.finished_at()),
        };
        let Some(previous_exit) = previous_exit else {
            return false;
        };
        let now = self.now;
        let r = &mut self.records[c];
        let had_entry = r.backoff.current().is_some();
        r.backoff.gc(previous_exit);
        if !r.backoff.in_backoff_since(previous_exit, now) {
            // The back-off was forgotten: the container had run long enough.
            let reset = had_entry && r.backoff.current().is_none();
            r.backoff.next(now);
            self.why.containers[c].backoff_reset = reset;
            return false;
        }
        let delay = r.backoff.current().unwrap_or(CRASH_LOOP_BACKOFF_INITIAL);
        let (initial, max) = (r.backoff.initial, r.backoff.max);
        let expires = r.backoff.expires_at(previous_exit).unwrap_or(now);
        let name = r.name.clone();
        let waiting = Waiting::new(
            WaitingReason::CrashLoopBackOff,
            events::crash_loop_message(delay, &name, &self.pod.pod_ref),
        );
        // One wait per exit: every sync inside its window repeats it.
        let why = match self.why.containers[c].wait {
            Some((since, why)) if since == previous_exit => why,
            _ => {
                let (step, capped) = backoff_step(delay, initial, max);
                let exited = self.why.containers[c].exited;
                let why = self.decide(
                    Rule::CrashLoopBackOff,
                    Some(c),
                    Fact::Wait {
                        delay,
                        since: previous_exit,
                        step,
                        capped,
                        initial,
                        max,
                    },
                    [exited, NO_CAUSE],
                );
                self.why.containers[c].wait = Some((previous_exit, why));
                why
            }
        };
        let fp = self.field_path(c);
        self.record(events::backoff_restart(&name, &self.pod.pod_ref, &fp), why);
        let requeue = pod_worker::crash_loop_requeue(self.cluster.version, now, expires);
        self.start_failed(c, waiting, requeue, why);
        true
    }

    /// What the start under way of container `c` follows from: the crash-loop wait it sat
    /// out, else the reason it was asked for.
    fn start_cause_basis(&self, c: usize) -> CauseId {
        let w = &self.why.containers[c];
        match (w.wait, w.request) {
            (Some((_, wait)), _) => wait,
            (None, Some((_, because))) => because,
            (None, None) => NO_CAUSE,
        }
    }

    pub(super) fn pull_done(&mut self, c: usize, pull: Pull) {
        let image = self.pod.containers[c].image().to_string();
        let fp = self.field_path(c);
        match pull {
            Pull::Pulled { size_bytes, took } => {
                self.runtime.set_image_present(&image);
                self.pulls.succeeded(&image);
                let pull = self.why.containers[c].pull;
                let why = self.decide(
                    Rule::ImagePulled,
                    Some(c),
                    Fact::Pull { took },
                    [pull, NO_CAUSE],
                );
                self.why.containers[c].pulled = why;
                self.record(events::pulled(&image, took, took, size_bytes, &fp), why);
                self.at(
                    self.now + CONTAINER_START_LATENCY,
                    Happening::Start { container: c },
                );
            }
            Pull::Failed(err) => {
                let pull = self.why.containers[c].pull;
                let why = self.decide(Rule::ImagePullFailed, Some(c), Fact::None, [pull, NO_CAUSE]);
                self.why.containers[c].pull_failed = why;
                self.record(events::failed_pull(&image, &err, &fp), why);
                let waiting = Waiting::new(WaitingReason::ErrImagePull, err);
                self.record(events::failed_error(waiting.reason.as_str(), &fp), why);
                self.pulls.failed(&image, self.now);
                self.start_ended(c);
                // The sandbox/PLEG events bring the next sync within a second.
                self.start_failed(c, waiting, self.now + SECOND, why);
                self.pump_starts();
            }
        }
    }

    /// Create and start container `c` (kuberuntime startContainer, after the image).
    pub(super) fn start_container(&mut self, c: usize) {
        self.start_ended(c);
        if self.stopping_pod || self.node_lost {
            self.pump_starts();
            return;
        }
        let fp = self.field_path(c);
        let request = self.start_cause_basis(c);
        let spec = match self.container_config(c) {
            Ok(s) => s,
            Err(e) => {
                let message = e.to_string();
                let why = self.decide(
                    Rule::ContainerConfigError,
                    Some(c),
                    Fact::None,
                    [request, NO_CAUSE],
                );
                self.record(events::failed_error(&message, &fp), why);
                let waiting = Waiting::new(WaitingReason::CreateContainerConfigError, message);
                self.start_failed(c, waiting, self.now + POD_WORKER_ERROR_REQUEUE, why);
                self.pump_starts();
                return;
            }
        };
        let name = self.records[c].name.clone();
        let result = self.runtime.start_container(spec, self.now);
        // The start: the rule it was asked for, after its wait (or its reason) and its pull.
        let n = self.records[c].restart_count + u32::from(!self.records[c].instances.is_empty());
        let w = &mut self.why.containers[c];
        let rule = w.request.map_or(Rule::StartFirst, |(rule, _)| rule);
        let fact = Fact::Instance {
            n,
            backoff_reset: std::mem::take(&mut w.backoff_reset),
        };
        let pulled = std::mem::replace(&mut w.pulled, NO_CAUSE);
        w.wait = None;
        w.request = None;
        w.pending_wait = NO_CAUSE;
        w.visible_wait = NO_CAUSE;
        let why = if result.is_ok() {
            self.decide(rule, Some(c), fact, [request, pulled])
        } else {
            let code = 128;
            self.decide(
                Rule::StartError,
                Some(c),
                Fact::Exit {
                    n,
                    code,
                    term: None,
                },
                [request, pulled],
            )
        };
        self.record(events::created(self.cluster.version, &name, &fp), why);
        let now = self.now;
        let uid = &self.timeline.uid;
        let r = &mut self.records[c];
        if !r.instances.is_empty() {
            r.restart_count += 1;
        }
        r.pending_reason = None;
        r.visible_reason = None;
        match result {
            Ok(id) => {
                r.instances
                    .push(Instance::running_since(id, container_id(uid, id), now));
                let container = self.pod.containers[c];
                r.started = container.startup_probe.is_none();
                r.readiness_ok = container.readiness_probe.is_none();
                r.liveness_failed = false;
                r.startup_failed = false;
                let no_startup_probe = r.started;
                if !r.init {
                    self.state.has_initialized = true;
                }
                let w = &mut self.why.containers[c];
                w.started = why;
                w.ready = why;
                w.kill = NO_CAUSE;
                w.term = None;
                w.outside_kill = NO_CAUSE;
                w.started_ok = if no_startup_probe { why } else { NO_CAUSE };
                self.record(events::started(self.cluster.version, &name, &fp), why);
                // PLEG sees the new container: the pod worker syncs again.
                self.worker.sync_now = true;
                // The sync goes on, or stays in the postStart hook until it returns.
                if self.begin_post_start(c, id) {
                    return;
                }
                self.container_started(c);
            }
            Err(e) => {
                // The runtime created the container but could not start its process.
                let id = (1u64 << 40) + r.instances.len() as u64 + (c as u64) * 1000;
                r.instances.push(Instance {
                    id,
                    container_id: container_id(uid, id),
                    started_at: now,
                    exit: Some(Exit {
                        at: now,
                        code: 128,
                        signal: None,
                        reason: TerminatedReason::StartError,
                        message: Some(e.message.clone()),
                    }),
                });
                r.started = false;
                let w = &mut self.why.containers[c];
                w.exited = why;
                w.ready = why;
                self.record(events::failed_error(&e.message, &fp), why);
                self.worker.sync_now = true;
            }
        }
        self.status.due = true;
        self.pump_starts();
    }
}
