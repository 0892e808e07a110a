//! The simulated container runtime: the world the simulated kubelet drives. Deterministic,
//! in virtual milliseconds, no wall clock. This file holds the runtime's interface — its
//! types, the `Runtime` and what the kubelet and the scenario call on it — and the
//! `HandlerRuntime` trait that probes and hooks run against.
//!
//! - `create`: creating a container (its filesystem, mounts, environment, PID 1).
//! - `residents`: the image programs that run as PID 1 or from a script (agnhost, nginx,
//!   stress…): banner, ports, warm-up, memory.
//! - `scheduler`: the process scheduler — running processes in virtual time, exits, signals.
//! - `exec`: running a command in a container (exec probes and hooks).
//! - `images`: the image catalog (data/images.yaml), references, pulls.
//! - `process`: processes (shell scripts, resident programs, `tail -f`).
//! - `shell/`: the POSIX-shell subset (brush-parser → resumable VM, busybox builtins).
//! - `fs`: per-container filesystems and shared volumes.
//! - `network`: the pod's network namespace, DNS, HTTP/TCP/gRPC.
//! - `logs`: per-instance logs.

mod create;
mod exec;
pub mod fs;
pub mod images;
pub mod logs;
pub mod network;
pub mod process;
mod residents;
mod scheduler;
pub mod shell;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use crate::model::TerminatedReason;
use crate::time::Millis;
pub use create::{service_account_files, SERVICE_ACCOUNT_DIR};
pub use fs::FileChange;
use fs::{Fs, FsView, Mount};
pub use images::{ImageError, ImageInfo, ImageSpec};
use logs::LogBuffer;
pub use logs::{LogLine, Stream};
use network::Network;
pub use network::{ContainerId, GrpcOutcome, HttpOutcome, HttpRequest};
use process::{Pid, Process};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum VolumeKind {
    EmptyDir,
    ConfigMap { files: Vec<(String, String)> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumeConfig {
    pub name: String,
    pub kind: VolumeKind,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RuntimeConfig {
    pub pod_name: String,
    pub namespace: String,
    pub pod_ip: String,
    pub node_name: String,
    pub volumes: Vec<VolumeConfig>,
    pub extra_images: Vec<ImageSpec>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MountSpec {
    pub volume: String,
    pub path: String,
    pub read_only: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerSpec {
    pub name: String,
    pub image: String,
    pub command: Vec<String>,
    pub args: Vec<String>,
    pub working_dir: Option<String>,
    pub env: Vec<(String, String)>,
    pub mounts: Vec<MountSpec>,
    pub memory_limit_bytes: Option<u64>,
}

/// The container was created but its process could not start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartError {
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Signal {
    Term,
    Kill,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuntimeEvent {
    Exited {
        id: ContainerId,
        exit_code: i32,
        /// Completed, Error or OOMKilled.
        reason: TerminatedReason,
        signal: Option<i32>,
        at: Millis,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecOutcome {
    /// None: timed out.
    pub exit_code: Option<i32>,
    /// stdout and stderr, at most 10 KiB.
    pub output: String,
    /// The runtime could not run the command at all (no such executable).
    pub could_not_start: bool,
    /// Virtual time the command took.
    pub duration_ms: Millis,
}

/// Who changed a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FileOrigin {
    /// One of the container's own processes (its command, a script it runs).
    Process,
    /// A command run in the container from outside: an exec probe or hook.
    Exec,
    /// The scenario (a fault: removeFile, createFile).
    Scenario,
}

/// A file that came into being or went away in a container, at an instant: a fact the
/// runtime keeps so that a probe reading that file can be explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEvent {
    pub at: Millis,
    pub container: ContainerId,
    pub origin: FileOrigin,
    pub change: FileChange,
}

/// What PID 1 of a container does with SIGTERM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TermResponse {
    /// The program handles it and exits.
    Exits,
    /// A shell that trapped it runs its handler.
    Trapped,
    /// Nothing handles it: PID 1 ignores a signal it has no handler for.
    Ignored,
    /// Nothing runs (the container has exited).
    NotRunning,
}

/// One container instance in the runtime.
struct RuntimeContainer {
    image: Rc<ImageSpec>,
    fs: Fs,
    mounts: Vec<Mount>,
    logs: LogBuffer,
    /// The container's environment (shared by its shells until they assign).
    env_map: Rc<BTreeMap<String, String>>,
    cwd: String,
    pid1: Pid,
    alive: bool,
    memory_limit: Option<u64>,
}

pub struct Runtime {
    cfg: RuntimeConfig,
    containers: BTreeMap<ContainerId, RuntimeContainer>,
    procs: BTreeMap<Pid, Process>,
    volumes: BTreeMap<String, Fs>,
    net: Network,
    present: BTreeSet<String>,
    next_id: ContainerId,
    next_pid: Pid,
    pending: Vec<RuntimeEvent>,
    /// Pending exits after SIGTERM: pid → (when, code).
    term_exits: BTreeMap<Pid, (Millis, i32)>,
    oom_at: BTreeMap<Pid, Millis>,
    /// Counts changes of anything a probe can observe (processes, files, ports, Services,
    /// endpoints). Equal epochs and no time boundary in between: the same answers.
    epoch: u64,
    /// Files created or removed, in order (see `FileEvent`).
    files: Vec<FileEvent>,
}

/// What probes and lifecycle hooks ask of the runtime: run a command in a container to
/// completion, and reach the pod's network.
pub trait HandlerRuntime {
    fn exec(
        &mut self,
        id: ContainerId,
        argv: &[String],
        timeout: Millis,
        now: Millis,
    ) -> ExecOutcome;
    fn http_get(&mut self, req: &HttpRequest, now: Millis) -> HttpOutcome;
    fn tcp_connect(&mut self, host: Option<&str>, port: u16, now: Millis) -> Result<(), String>;
    fn grpc_check(&mut self, port: u16, service: Option<&str>, now: Millis) -> GrpcOutcome;
}

impl HandlerRuntime for Runtime {
    fn exec(
        &mut self,
        id: ContainerId,
        argv: &[String],
        timeout: Millis,
        now: Millis,
    ) -> ExecOutcome {
        Runtime::exec(self, id, argv, timeout, now)
    }
    fn http_get(&mut self, req: &HttpRequest, now: Millis) -> HttpOutcome {
        Runtime::http_get(self, req, now)
    }
    fn tcp_connect(&mut self, host: Option<&str>, port: u16, now: Millis) -> Result<(), String> {
        Runtime::tcp_connect(self, host, port, now)
    }
    fn grpc_check(&mut self, port: u16, service: Option<&str>, now: Millis) -> GrpcOutcome {
        Runtime::grpc_check(self, port, service, now)
    }
}

impl Runtime {
    pub fn new(cfg: RuntimeConfig) -> Self {
        let mut volumes = BTreeMap::new();
        for v in &cfg.volumes {
            let mut fs = Fs::default();
            fs.dirs.insert("/".into());
            if let VolumeKind::ConfigMap { files } = &v.kind {
                for (name, content) in files {
                    fs.put(&format!("/{}", name.trim_start_matches('/')), content);
                }
            }
            volumes.insert(v.name.clone(), fs);
        }
        let net = Network::new(&cfg.pod_ip, &cfg.namespace);
        Runtime {
            cfg,
            containers: BTreeMap::new(),
            procs: BTreeMap::new(),
            volumes,
            net,
            present: BTreeSet::new(),
            next_id: 1,
            next_pid: 1,
            pending: Vec::new(),
            term_exits: BTreeMap::new(),
            oom_at: BTreeMap::new(),
            epoch: 0,
            files: Vec::new(),
        }
    }

    /// Every file created or removed so far, oldest first.
    pub fn file_events(&self) -> &[FileEvent] {
        &self.files
    }

    /// Keep the file changes a command made in container `id` at `at`.
    fn note_files(
        &mut self,
        id: ContainerId,
        at: Millis,
        origin: FileOrigin,
        journal: Vec<FileChange>,
    ) {
        self.files
            .extend(journal.into_iter().map(|change| FileEvent {
                at,
                container: id,
                origin,
                change,
            }));
    }

    // ---- images -------------------------------------------------------------------------

    pub fn image_info(&self, image: &str) -> Result<ImageInfo, ImageError> {
        images::lookup(&self.cfg.extra_images, image).map(|(_, i)| i)
    }

    fn canonical(image: &str) -> String {
        images::parse_ref(image)
            .map(|r| r.canonical())
            .unwrap_or_else(|_| image.to_string())
    }

    pub fn image_present(&self, image: &str) -> bool {
        self.image_info(image).is_ok() && self.present.contains(&Self::canonical(image))
    }

    pub fn set_image_present(&mut self, image: &str) {
        self.present.insert(Self::canonical(image));
    }

    /// The filesystem container `id` sees: its own, with its volumes mounted.
    fn view(&mut self, id: ContainerId) -> Option<FsView<'_>> {
        let c = self.containers.get_mut(&id)?;
        Some(FsView::new(&mut c.fs, &mut self.volumes, &c.mounts))
    }

    /// Write to container `id`'s log.
    fn log(&mut self, id: ContainerId, t: Millis, stream: Stream, text: &str) {
        if let Some(c) = self.containers.get_mut(&id) {
            c.logs.write(t, stream, text);
        }
    }

    /// The change counter of what probes can observe (see the field).
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The first instant after `now` at which an answer of the pod's network may change by
    /// time alone (a server finishing its warm-up, a health endpoint turning bad).
    pub fn answers_stable_until(&self, now: Millis) -> Option<Millis> {
        self.net.stable_until(now)
    }

    /// The earliest instant a process acts by itself.
    pub fn next_wake(&self) -> Option<Millis> {
        self.procs
            .values()
            .filter(|p| p.exited.is_none())
            .filter_map(|p| p.wake)
            .min()
    }

    pub fn http_get(&mut self, req: &HttpRequest, now: Millis) -> HttpOutcome {
        self.net.http(req, now)
    }

    pub fn tcp_connect(
        &mut self,
        host: Option<&str>,
        port: u16,
        now: Millis,
    ) -> Result<(), String> {
        self.net.tcp(host, port, now)
    }

    pub fn grpc_check(&mut self, port: u16, service: Option<&str>, now: Millis) -> GrpcOutcome {
        self.net.grpc(port, service, now)
    }

    pub fn logs(&self, id: ContainerId) -> &[LogLine] {
        self.containers
            .get(&id)
            .map(|c| c.logs.lines.as_slice())
            .unwrap_or(&[])
    }

    /// A Service named `name` (in the pod's namespace) now resolves to `cluster_ip`.
    pub fn add_service(&mut self, name: &str, cluster_ip: &str) {
        self.epoch += 1;
        self.net
            .services
            .insert(name.to_string(), cluster_ip.to_string());
    }

    /// The scenario removes a file from container `id` at `now`.
    pub fn remove_file(&mut self, id: ContainerId, path: &str, now: Millis) -> bool {
        self.epoch += 1;
        let p = fs::normalize("/", path);
        let Some(mut v) = self.view(id) else {
            return false;
        };
        let removed = v.remove(&p, true).is_ok();
        let journal = std::mem::take(&mut v.journal);
        self.note_files(id, now, FileOrigin::Scenario, journal);
        removed
    }

    /// The scenario writes a file in container `id` at `now`.
    pub fn write_file(&mut self, id: ContainerId, path: &str, content: &str, now: Millis) -> bool {
        self.epoch += 1;
        let p = fs::normalize("/", path);
        let Some(mut v) = self.view(id) else {
            return false;
        };
        let parent = p
            .rsplit_once('/')
            .map(|(d, _)| d.to_string())
            .unwrap_or_default();
        if !parent.is_empty() {
            let _ = v.mkdir(&parent, true);
        }
        let written = v.write(&p, content, false).is_ok();
        let journal = std::mem::take(&mut v.journal);
        self.note_files(id, now, FileOrigin::Scenario, journal);
        written
    }

    /// The HTTP endpoint `path` on `port` answers `status` from now on.
    pub fn break_endpoint(&mut self, port: u16, path: &str, status: u16) {
        self.epoch += 1;
        self.net.broken.insert((port, path.to_string()), status);
    }
}
