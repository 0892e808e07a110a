//! The kubelet's own bookkeeping for one container of the pod: its instances (one per start),
//! restart count, probe-derived flags, the "reason cache" of the last failed start, its
//! CrashLoopBackOff entry and any kill in flight.

use super::backoff::Backoff;
use super::constants::*;
use crate::model::{TerminatedReason, WaitingReason};
use crate::runtime::ContainerId;
use crate::time::Millis;
use serde::{Deserialize, Serialize};

/// One run of the container (a restart is a new instance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    pub id: ContainerId,
    /// `containerd://…`, as the runtime names it in the status.
    pub container_id: String,
    pub started_at: Millis,
    /// How it ended; None while it runs.
    pub exit: Option<Exit>,
}

/// How a container instance ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exit {
    pub at: Millis,
    pub code: i32,
    pub signal: Option<i32>,
    pub reason: TerminatedReason,
    pub message: Option<String>,
}

impl Instance {
    /// An instance that started at `at` and runs.
    pub fn running_since(id: ContainerId, container_id: String, at: Millis) -> Self {
        Instance {
            id,
            container_id,
            started_at: at,
            exit: None,
        }
    }

    pub fn running(&self) -> bool {
        self.exit.is_none()
    }

    pub fn finished_at(&self) -> Option<Millis> {
        self.exit.as_ref().map(|e| e.at)
    }

    /// The exit code once it has exited.
    pub fn exit_code(&self) -> Option<i32> {
        self.exit.as_ref().map(|e| e.code)
    }
}

/// Why the container is not running although the kubelet tried to start it: the waiting
/// reason and message the status shows (the kubelet's reason cache).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub reason: WaitingReason,
    pub message: String,
}

impl Waiting {
    pub fn new(reason: WaitingReason, message: impl Into<String>) -> Self {
        Waiting {
            reason,
            message: message.into(),
        }
    }
}

/// A kill the kubelet has started and not yet seen finish (kuberuntime `killContainer`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KillInFlight {
    pub instance: ContainerId,
    /// Start a replacement once it is gone (liveness/startup kills under a restarting
    /// policy: the same sync restarts it, kuberuntime SyncPod).
    pub restart: Option<RestartAfterKill>,
    /// The grace period the kill got, after the override.
    pub grace: Millis,
    /// When the kill began (its Killing event and preStop hook).
    pub started: Millis,
    /// A sidecar of a terminating pod: SIGTERM waits for its turn.
    pub ordered: bool,
    pub stage: KillStage,
}

/// Where a kill is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KillStage {
    /// The preStop hook runs; the kubelet waits for it until this instant.
    PreStop { until: Millis },
    /// A sidecar waiting for its turn since `since` (after `elapsed` of its grace period), at
    /// most until `deadline`.
    AwaitingTurn {
        since: Millis,
        elapsed: Millis,
        deadline: Millis,
    },
    /// SIGTERM sent; SIGKILL at `kill_at` if it still runs.
    Terminated { kill_at: Millis },
}

/// A postStart hook under way: the sync that started the container is blocked in it until
/// `ends_at`, when it succeeds or fails (`failure`: the handler's message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostStart {
    pub instance: ContainerId,
    pub ends_at: Millis,
    pub failure: Option<String>,
    /// A sleep hook (cut short, as a failure, when the pod is deleted); its seconds.
    pub sleep: Option<Millis>,
}

/// The restart a liveness/startup kill asks for, due once the killed instance is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestartAfterKill {
    /// The finish time the restart's back-off check looks at: the newest exit before the
    /// kill (the status SyncPod captured before killing; None when the killed instance was
    /// the first), not the kill's own exit.
    pub previous_finish: Option<Millis>,
}

#[derive(Debug, Clone)]
pub struct ContainerRecord {
    pub name: String,
    pub init: bool,
    pub sidecar: bool,
    pub image: String,
    /// `repository@sha256:…` of the image, as the status shows it once the container ran
    /// (empty when the registry does not know the image).
    pub image_id: String,
    pub instances: Vec<Instance>,
    pub restart_count: u32,
    /// A start (image pull, create, start) is in flight.
    pub starting: bool,
    /// Startup probe passed (or none) for the running instance.
    pub started: bool,
    /// Readiness result is Success (or no readiness probe) for the running instance.
    pub readiness_ok: bool,
    /// The cached liveness / startup result is Failure for the running instance.
    pub liveness_failed: bool,
    pub startup_failed: bool,
    /// The reason cache: why the last start attempt did not happen (CrashLoopBackOff,
    /// ErrImagePull, …). `visible` is what status generation reads: it takes the pending
    /// value at the start of each sync, as the real reason cache is read by the next sync.
    pub pending_reason: Option<Waiting>,
    pub visible_reason: Option<Waiting>,
    pub backoff: Backoff,
    pub kill: Option<KillInFlight>,
    /// A liveness/startup kill finished and the same sync restarts the container.
    pub restart_after_kill: Option<RestartAfterKill>,
    /// Its postStart hook runs: the kubelet does not see it as started yet.
    pub post_start: Option<PostStart>,
}

impl ContainerRecord {
    pub fn new(name: &str, init: bool, sidecar: bool, image: &str) -> Self {
        ContainerRecord {
            name: name.to_string(),
            init,
            sidecar,
            image: image.to_string(),
            image_id: String::new(),
            instances: Vec::new(),
            restart_count: 0,
            starting: false,
            started: false,
            readiness_ok: false,
            liveness_failed: false,
            startup_failed: false,
            pending_reason: None,
            visible_reason: None,
            backoff: Backoff::new(
                CRASH_LOOP_BACKOFF_INITIAL,
                CRASH_LOOP_BACKOFF_MAX,
                BACKOFF_RESET_AFTER,
            ),
            kill: None,
            restart_after_kill: None,
            post_start: None,
        }
    }

    /// A regular init container (not a sidecar).
    pub fn regular_init(&self) -> bool {
        self.init && !self.sidecar
    }

    pub fn current(&self) -> Option<&Instance> {
        self.instances.last()
    }

    pub fn running_instance(&self) -> Option<&Instance> {
        self.instances.last().filter(|i| i.running())
    }

    pub fn is_running(&self) -> bool {
        self.running_instance().is_some()
    }

    /// The running instance once its start is complete (postStart returned): what the probe
    /// workers see through the status manager.
    pub fn started_instance(&self) -> Option<&Instance> {
        self.running_instance()
            .filter(|_| self.post_start.is_none())
    }

    /// The newest instance that has exited.
    pub fn last_exited(&self) -> Option<&Instance> {
        self.instances.iter().rev().find(|i| !i.running())
    }

    /// Exited with code 0 and not running again.
    pub fn completed(&self) -> bool {
        self.current().and_then(Instance::exit_code) == Some(0)
    }

    pub fn failed(&self) -> bool {
        self.current()
            .and_then(Instance::exit_code)
            .is_some_and(|code| code != 0)
    }

    /// Ready as the prober manager reports it: a regular init container once it completed;
    /// any other container while it runs, has started and passes readiness (a container
    /// being killed stays ready until it is gone: readiness keeps probing).
    pub fn ready(&self) -> bool {
        if self.regular_init() {
            return self.completed();
        }
        self.is_running() && self.started && self.readiness_ok
    }

    pub fn instance_mut(&mut self, id: ContainerId) -> Option<&mut Instance> {
        self.instances.iter_mut().find(|i| i.id == id)
    }
}
