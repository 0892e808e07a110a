//! Applying a sync's start actions, one container at a time (image pulls are serial), as
//! kuberuntime's startContainer does: the CrashLoopBackOff check, the image (inspect, pull
//! per imagePullPolicy, pull back-off), then create and start — or the reason it could not,
//! which the next sync shows as the container's waiting reason.

use std::collections::VecDeque;

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

/// The start the pod worker attempts for one container.
#[derive(Debug, Clone, Copy)]
pub(super) struct StartRequest {
    pub container: usize,
    pub backoff: BackoffBasis,
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
        if self.in_crash_loop_backoff(c, req.backoff) {
            return;
        }
        let fp = self.field_path(c);
        let container = self.pod.containers[c];
        let image = container.image().to_string();
        let info = self.runtime.image_info(&image);
        if let Err(ImageError::InvalidImageName(msg)) = &info {
            let msg = msg.clone();
            self.record(events::inspect_failed(&msg, &fp));
            let waiting = Waiting::new(WaitingReason::InvalidImageName, msg);
            self.record(events::failed_error(waiting.reason.as_str(), &fp));
            self.start_failed(c, waiting, self.now + POD_WORKER_ERROR_REQUEUE);
            return;
        }
        let present = self.runtime.image_present(&image);
        match image_manager::plan(container.pull_policy(), present) {
            PullPlan::UsePresent => {
                let checked = self.cluster.enabled(Gate::KubeletEnsureSecretPulledImages);
                self.record(events::already_present(&image, checked, &fp));
                self.start_in_flight(c);
                self.at(
                    self.now + CONTAINER_START_LATENCY,
                    Happening::Start { container: c },
                );
            }
            PullPlan::NeverPull => {
                self.record(events::never_pull(&image, &fp));
                let waiting = Waiting::new(
                    WaitingReason::ErrImageNeverPull,
                    events::never_pull_message(&image),
                );
                self.record(events::failed_error(waiting.reason.as_str(), &fp));
                self.start_failed(c, waiting, self.now + POD_WORKER_ERROR_REQUEUE);
            }
            PullPlan::Pull => {
                if self.pulls.in_backoff(&image, self.now) {
                    self.record(events::backoff_pull(&image, &fp));
                    let waiting = Waiting::new(
                        WaitingReason::ImagePullBackOff,
                        events::pull_backoff_message(&image),
                    );
                    self.record(events::failed_error(waiting.reason.as_str(), &fp));
                    let expires = self.pulls.expires_at(&image).unwrap_or(self.now);
                    let requeue = expires.min(self.now + POD_WORKER_ERROR_REQUEUE);
                    self.start_failed(c, waiting, requeue);
                    return;
                }
                self.record(events::pulling(&image, &fp));
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
        r.backoff.gc(previous_exit);
        if !r.backoff.in_backoff_since(previous_exit, now) {
            r.backoff.next(now);
            return false;
        }
        let delay = r.backoff.current().unwrap_or(CRASH_LOOP_BACKOFF_INITIAL);
        let expires = r.backoff.expires_at(previous_exit).unwrap_or(now);
        let name = r.name.clone();
        let waiting = Waiting::new(
            WaitingReason::CrashLoopBackOff,
            events::crash_loop_message(delay, &name, &self.pod.pod_ref),
        );
        let fp = self.field_path(c);
        self.record(events::backoff_restart(&name, &self.pod.pod_ref, &fp));
        let requeue = pod_worker::crash_loop_requeue(self.cluster.version, now, expires);
        self.start_failed(c, waiting, requeue);
        true
    }

    pub(super) fn pull_done(&mut self, c: usize, pull: Pull) {
        let image = self.pod.containers[c].image().to_string();
        let fp = self.field_path(c);
        match pull {
            Pull::Pulled { size_bytes, took } => {
                self.runtime.set_image_present(&image);
                self.pulls.succeeded(&image);
                self.record(events::pulled(&image, took, took, size_bytes, &fp));
                self.at(
                    self.now + CONTAINER_START_LATENCY,
                    Happening::Start { container: c },
                );
            }
            Pull::Failed(err) => {
                self.record(events::failed_pull(&image, &err, &fp));
                let waiting = Waiting::new(WaitingReason::ErrImagePull, err);
                self.record(events::failed_error(waiting.reason.as_str(), &fp));
                self.pulls.failed(&image, self.now);
                self.start_ended(c);
                // The sandbox/PLEG events bring the next sync within a second.
                self.start_failed(c, waiting, self.now + SECOND);
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
        let spec = match self.container_config(c) {
            Ok(s) => s,
            Err(e) => {
                let message = e.to_string();
                self.record(events::failed_error(&message, &fp));
                let waiting = Waiting::new(WaitingReason::CreateContainerConfigError, message);
                self.start_failed(c, waiting, self.now + POD_WORKER_ERROR_REQUEUE);
                self.pump_starts();
                return;
            }
        };
        let name = self.records[c].name.clone();
        let result = self.runtime.start_container(spec, self.now);
        self.record(events::created(self.cluster.version, &name, &fp));
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
                if !r.init {
                    self.state.has_initialized = true;
                }
                self.record(events::started(self.cluster.version, &name, &fp));
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
                self.record(events::failed_error(&e.message, &fp));
                self.worker.sync_now = true;
            }
        }
        self.status.due = true;
        self.pump_starts();
    }
}
