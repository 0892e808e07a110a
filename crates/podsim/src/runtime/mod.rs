//! The simulated container runtime: the world the simulated kubelet drives. Deterministic,
//! in virtual milliseconds, no wall clock.
//!
//! - `images`: the image catalog (data/images.yaml), references, pulls.
//! - `process`: processes (shell scripts, resident programs, `tail -f`).
//! - `shell/`: the POSIX-shell subset (brush-parser → resumable VM, busybox builtins).
//! - `fs`: per-container filesystems and shared volumes.
//! - `network`: the pod's network namespace, DNS, HTTP/TCP/gRPC.
//! - `logs`: per-instance logs.

pub mod fs;
pub mod images;
pub mod logs;
pub mod network;
pub mod process;
pub mod shell;

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use crate::time::Millis;
use fs::{Fs, FsView, Mount};
use images::OnTerm;
pub use images::{ImageError, ImageInfo, ImageSpec};
use logs::LogBuffer;
pub use logs::{LogLine, Stream};
pub use network::{ContainerId, GrpcOutcome, HttpOutcome, HttpRequest};
use network::{ListenKind, Listener, Network};
use process::{Body, Pid, Process, Resident};
use serde::{Deserialize, Serialize};
use shell::builtins::{program_name, Cx, APPLETS};
use shell::compile::{Piece, Program, SimpleCmd, Word};
use shell::vm::{Vm, Yield};

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
        reason: String,
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

struct Ctr {
    name: String,
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
    containers: BTreeMap<ContainerId, Ctr>,
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
}

const EXEC_OUTPUT_MAX: usize = 10 * 1024;
/// What `stress` uses besides its `--vm-bytes` (its own and its worker's code, libc, stacks):
/// a hog sized exactly at the limit still crosses it, as in a real cgroup.
const STRESS_BASELINE_BYTES: u64 = 2 * 1024 * 1024;
/// The most processes one container may run at once (a fork bomb stops here).
const MAX_PROCESSES: usize = 64;
/// Sleeps shorter than this (`sleep 0`, `sleep 0.01`) in a loop are simulated as a busy loop.
const SHORT_SLEEP: Millis = 100;

fn oci_not_found(name: &str) -> String {
    format!(
        "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: \"{name}\": executable file not found in $PATH: unknown"
    )
}

fn is_shell(name: &str) -> bool {
    matches!(
        name,
        "sh" | "/bin/sh" | "bash" | "/bin/bash" | "ash" | "/bin/ash" | "/bin/busybox"
    )
}

/// A program that runs `argv` literally (no shell parsing), for exec'ing a plain command.
fn literal_program(argv: &[String]) -> Program {
    use shell::compile::Op;
    Program {
        ops: vec![Op::Run {
            stages: Rc::new(vec![SimpleCmd {
                words: argv
                    .iter()
                    .map(|a| Word {
                        pieces: vec![Piece::Quoted(a.clone())],
                    })
                    .collect(),
                ..Default::default()
            }]),
            tail: true,
        }],
        slots: 0,
    }
}

/// Kubernetes' `$(VAR)` expansion in command and args.
fn expand_k8s_refs(s: &str, env: &[(String, String)]) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("$(") {
        out.push_str(&rest[..i]);
        if rest[i..].starts_with("$$(") {
            out.push_str("$(");
            rest = &rest[i + 3..];
            continue;
        }
        let after = &rest[i + 2..];
        match after.find(')') {
            Some(j) if after[..j].chars().all(|c| c.is_alphanumeric() || c == '_') => {
                match env.iter().rev().find(|(k, _)| k == &after[..j]) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[i..i + 2 + j + 1]),
                }
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str("$(");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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
        }
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

    // ---- containers ---------------------------------------------------------------------

    fn compiled(&mut self, script: &str) -> Result<Rc<Program>, String> {
        shell::compile::compile_cached(script).map_err(|e| e.0)
    }

    fn base_fs(&self, image: &ImageSpec) -> Fs {
        let mut fs = Fs::new();
        for (p, c) in &image.files {
            fs.put(p, c);
        }
        fs.put("/etc/hostname", &format!("{}\n", self.cfg.pod_name));
        fs.put(
            "/etc/hosts",
            &format!(
                "127.0.0.1\tlocalhost\n{}\t{}\n",
                self.cfg.pod_ip, self.cfg.pod_name
            ),
        );
        fs.put(
            "/etc/resolv.conf",
            &format!(
                "search {ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n",
                ns = self.cfg.namespace
            ),
        );
        let sa = "/var/run/secrets/kubernetes.io/serviceaccount";
        fs.put(&format!("{sa}/namespace"), &self.cfg.namespace);
        fs.put(&format!("{sa}/token"), "eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZGxhYiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpkZWZhdWx0In0.c2ltdWxhdGVk");
        fs.put(&format!("{sa}/ca.crt"), "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIBADAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwprdWJlcm5ldGVz\n-----END CERTIFICATE-----\n");
        fs
    }

    /// Create and start a container instance.
    pub fn start_container(
        &mut self,
        spec: ContainerSpec,
        now: Millis,
    ) -> Result<ContainerId, StartError> {
        self.epoch += 1;
        let (image, _) =
            images::lookup(&self.cfg.extra_images, &spec.image).map_err(|e| StartError {
                message: match e {
                    ImageError::InvalidImageName(m) | ImageError::NotFound(m) => m,
                },
            })?;
        let image = image.clone();
        let (entry, cmd) = if !spec.command.is_empty() {
            (spec.command.clone(), spec.args.clone())
        } else if !spec.args.is_empty() {
            (image.entrypoint.clone(), spec.args.clone())
        } else {
            (image.entrypoint.clone(), image.cmd.clone())
        };
        let argv: Vec<String> = entry
            .into_iter()
            .chain(cmd)
            .map(|a| expand_k8s_refs(&a, &spec.env))
            .collect();
        if argv.is_empty() {
            return Err(StartError {
                message: "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: no command specified: unknown".into(),
            });
        }
        let id = self.next_id;
        self.next_id += 1;
        let mut fs = self.base_fs(&image);
        let cwd = spec
            .working_dir
            .clone()
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| "/".into());
        fs.mkdir_p(&cwd);
        let mounts: Vec<Mount> = spec
            .mounts
            .iter()
            .map(|m| Mount {
                volume: m.volume.clone(),
                path: fs::normalize("/", &m.path),
                read_only: m.read_only,
            })
            .collect();
        for m in &mounts {
            fs.mkdir_p(&m.path);
            self.volumes.entry(m.volume.clone()).or_insert_with(|| {
                let mut v = Fs::default();
                v.dirs.insert("/".into());
                v
            });
        }
        let mut env = vec![
            (
                "PATH".to_string(),
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
            ),
            ("HOME".into(), "/root".into()),
        ];
        env.extend(spec.env.iter().cloned());
        let pid = self.next_pid;
        self.next_pid += 1;
        self.containers.insert(
            id,
            Ctr {
                name: spec.name.clone(),
                image: Rc::new(image.clone()),
                fs,
                mounts,
                logs: LogBuffer::default(),
                env_map: Rc::new(env.iter().cloned().collect()),
                cwd: cwd.clone(),
                pid1: pid,
                alive: true,
                memory_limit: spec.memory_limit_bytes,
            },
        );
        let body = match self.body_for(id, &argv, &image, &env, &cwd) {
            Ok(b) => b,
            Err(message) => {
                if let Some(c) = self.containers.get_mut(&id) {
                    c.alive = false;
                }
                return Err(StartError { message });
            }
        };
        self.procs.insert(
            pid,
            Process {
                pid,
                container: id,
                parent: None,
                body,
                wake: Some(now),
                waiting_for: None,
                exited: None,
                busy: 0,
                same_instant: 0,
                last_run: 0,
            },
        );
        if let Some(Body::Resident(_)) = self.procs.get(&pid).map(|p| &p.body) {
            self.start_resident(pid, now);
        }
        Ok(id)
    }

    /// What PID 1 runs for `argv`.
    fn body_for(
        &mut self,
        id: ContainerId,
        argv: &[String],
        image: &ImageSpec,
        env: &[(String, String)],
        cwd: &str,
    ) -> Result<Body, String> {
        let name = argv[0].as_str();
        if is_shell(name) && image.shell {
            let mut it = argv[1..].iter();
            let mut script = None;
            let mut rest: Vec<String> = Vec::new();
            while let Some(a) = it.next() {
                if a == "-c" {
                    script = it.next().cloned();
                    rest.extend(it.by_ref().cloned());
                    break;
                } else if !a.starts_with('-') {
                    let path = fs::normalize(cwd, a);
                    let text = self.view(id).and_then(|mut v| v.read(&path).ok());
                    match text {
                        Some(t) => {
                            script = Some(t);
                            rest.push(a.clone());
                            rest.extend(it.by_ref().cloned());
                        }
                        None => return Err(format!("failed to create containerd task: sh: can't open '{a}': No such file or directory")),
                    }
                    break;
                }
            }
            let script = script.unwrap_or_default();
            let prog = self.compiled(&script)?;
            let mut pos = if rest.is_empty() {
                vec![name.to_string()]
            } else {
                rest
            };
            if pos.is_empty() {
                pos.push(name.into());
            }
            return Ok(Body::Shell(Box::new(Vm::new(prog, pos, env, cwd))));
        }
        if let Some(key) = program_name(name, image) {
            let spec = image.programs.get(key).cloned().unwrap_or_default();
            if spec.exec {
                // An entrypoint wrapper that execs its arguments (or the image's CMD).
                let inner: Vec<String> = if argv.len() > 1 {
                    argv[1..].to_vec()
                } else {
                    image.cmd.clone()
                };
                if inner.is_empty() {
                    return Err(oci_not_found(name));
                }
                return self.body_for(id, &inner, image, env, cwd);
            }
            return Ok(Body::Resident(Box::new(Resident {
                name: key.to_string(),
                spec,
                args: argv[1..].to_vec(),
                started_at: 0,
            })));
        }
        let applet = name.rsplit('/').next().unwrap_or(name);
        if image.shell && APPLETS.contains(&applet) {
            let prog = Rc::new(literal_program(argv));
            return Ok(Body::Shell(Box::new(Vm::new(
                prog,
                vec![name.to_string()],
                env,
                cwd,
            ))));
        }
        Err(oci_not_found(name))
    }

    fn view(&mut self, id: ContainerId) -> Option<FsView<'_>> {
        let c = self.containers.get_mut(&id)?;
        Some(FsView::new(&mut c.fs, &mut self.volumes, &c.mounts))
    }

    /// Start a resident program: banner, ports (after warm-up), memory.
    fn start_resident(&mut self, pid: Pid, now: Millis) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        let container = p.container;
        let Body::Resident(r) = &mut p.body else {
            return;
        };
        r.started_at = now;
        // A subcommand picks the behaviour (agnhost liveness …).
        if !r.spec.subcommands.is_empty() {
            let sub = r.args.first().cloned().unwrap_or_default();
            match r.spec.subcommands.get(&sub) {
                Some(s) => {
                    r.spec = s.clone();
                    r.name = format!("{} {sub}", r.name);
                }
                None => {
                    let msg = format!("Error: unknown command \"{sub}\" for \"agnhost\"\nRun 'agnhost --help' for usage.\n");
                    self.log(container, now, Stream::Stderr, &msg);
                    self.exit_process(pid, 1, now);
                    return;
                }
            }
        }
        let Some(Body::Resident(r)) = self.procs.get(&pid).map(|p| p.body.clone()) else {
            return;
        };
        let flag = |f: &Option<String>, default: u16| -> u16 {
            f.as_ref()
                .and_then(|flag| {
                    r.args.iter().enumerate().find_map(|(i, a)| {
                        if a == flag {
                            r.args.get(i + 1).and_then(|v| v.parse().ok())
                        } else {
                            a.strip_prefix(&format!("{flag}="))
                                .and_then(|v| v.parse().ok())
                        }
                    })
                })
                .unwrap_or(default)
        };
        let ready_at = now + r.spec.warmup_ms;
        let mut wants: Vec<(u16, ListenKind)> = Vec::new();
        if let Some(h) = &r.spec.http {
            let mut h2 = h.clone();
            h2.port = flag(&h.port_flag, h.port);
            wants.push((h2.port, ListenKind::Http(h2)));
        }
        if let Some(t) = &r.spec.tcp {
            wants.push((flag(&t.port_flag, t.port), ListenKind::Tcp));
        }
        if let Some(g) = &r.spec.grpc {
            wants.push((flag(&g.port_flag, g.port), ListenKind::Grpc));
        }
        // `{port}` in a banner is the port the program really listens on (flags included).
        let first_port = wants.first().map(|w| w.0.to_string()).unwrap_or_default();
        for line in &r.spec.banner {
            let line = line.replace("{port}", &first_port);
            self.log(container, now, Stream::Stdout, &format!("{line}\n"));
        }
        for (port, kind) in wants {
            let l = Listener {
                port,
                owner: container,
                kind,
                started_at: now,
                ready_at,
            };
            if self.net.bind(l).is_err() {
                let msg = r
                    .spec
                    .bind_error
                    .clone()
                    .unwrap_or_else(|| "listen tcp :{port}: bind: address already in use".into())
                    .replace("{port}", &port.to_string());
                self.log(container, now, Stream::Stderr, &format!("{msg}\n"));
                self.exit_process(pid, 1, now);
                return;
            }
        }
        if let Some(code) = r.spec.exit {
            self.exit_process(pid, code, now);
            return;
        }
        if r.spec.stress.is_some() {
            let bytes = stress_bytes(&r.args);
            let limit = self.containers.get(&container).and_then(|c| c.memory_limit);
            self.log(
                container,
                now,
                Stream::Stdout,
                "stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n",
            );
            if let (Some(b), Some(l)) = (bytes, limit) {
                // The container's memory is the hog's allocation plus the programs themselves.
                if b.saturating_add(STRESS_BASELINE_BYTES) > l {
                    self.oom_at.insert(pid, now + 800);
                    if let Some(p) = self.procs.get_mut(&pid) {
                        p.wake = Some(now + 800);
                    }
                    return;
                }
            }
        }
        if let Some(p) = self.procs.get_mut(&pid) {
            p.wake = None;
        }
    }

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

    /// Run everything due up to `now`; returns the containers that exited.
    pub fn advance(&mut self, now: Millis) -> Vec<RuntimeEvent> {
        for _ in 0..200_000 {
            let next = self
                .procs
                .values()
                .filter(|p| p.exited.is_none())
                .filter_map(|p| p.wake.filter(|w| *w <= now).map(|w| (w, p.pid)))
                .min();
            let Some((at, pid)) = next else { break };
            self.epoch += 1;
            self.step(pid, at);
        }
        std::mem::take(&mut self.pending)
    }

    fn step(&mut self, pid: Pid, clock: Millis) {
        if let Some((at, code)) = self.term_exits.get(&pid).copied() {
            if at <= clock {
                self.term_exits.remove(&pid);
                self.exit_process(pid, code, at);
                return;
            }
        }
        if let Some(at) = self.oom_at.get(&pid).copied() {
            if at <= clock {
                self.oom_at.remove(&pid);
                if let Some(id) = self.procs.get(&pid).map(|p| p.container) {
                    self.container_exit(id, 137, "OOMKilled", at);
                }
                return;
            }
        }
        let Some(proc_) = self.procs.get_mut(&pid) else {
            return;
        };
        let container = proc_.container;
        match &mut proc_.body {
            Body::Resident(_) => {
                proc_.wake = None;
            }
            Body::Follow { path, pos, .. } => {
                let path = path.clone();
                let from = *pos;
                proc_.wake = Some(clock + 1000);
                let text = self.view(container).and_then(|mut v| v.read(&path).ok());
                if let Some(t) = text {
                    let new_pos = t.len();
                    if new_pos > from && t.is_char_boundary(from) {
                        let fresh = t[from..].to_string();
                        self.log(container, clock, Stream::Stdout, &fresh);
                    }
                    if let Some(Body::Follow { pos, .. }) =
                        self.procs.get_mut(&pid).map(|p| &mut p.body)
                    {
                        *pos = new_pos;
                    }
                }
            }
            Body::Shell(_) => self.step_shell(pid, clock),
        }
    }

    /// The virtual time a busy process's next slice stands for (1 ms, 2 ms, 4 ms … 1 s,
    /// doubling with each busy slice in a row), counting this one.
    fn busy_slice(&mut self, pid: Pid) -> Millis {
        let Some(p) = self.procs.get_mut(&pid) else {
            return 1;
        };
        let slice = (1u64 << p.busy.min(10)).min(1000);
        p.busy = p.busy.saturating_add(1);
        slice
    }

    fn step_shell(&mut self, pid: Pid, clock: Millis) {
        let Some(proc_) = self.procs.get_mut(&pid) else {
            return;
        };
        let container = proc_.container;
        let Body::Shell(vm) = &mut proc_.body else {
            return;
        };
        let mut vm = std::mem::replace(
            vm,
            Box::new(Vm::new(Rc::new(Program::default()), vec![], &[], "/")),
        );
        let y = {
            let Some(c) = self.containers.get_mut(&container) else {
                return;
            };
            let mut cx = Cx {
                fs: FsView::new(&mut c.fs, &mut self.volumes, &c.mounts),
                net: &self.net,
                clock,
                hostname: &self.cfg.pod_name,
                image: &c.image,
                read_clock: false,
            };
            let y = vm.run(&mut cx);
            for (s, t) in vm.output.drain(..) {
                c.logs.write(clock, s, &t);
            }
            y
        };
        let mut next_wake = None;
        let mut exit = None;
        let mut become_body = None;
        match y {
            Yield::Sleep(d) if d >= SHORT_SLEEP => {
                next_wake = Some(clock.saturating_add(d));
                vm.resume_with(0);
                if let Some(p) = self.procs.get_mut(&pid) {
                    p.busy = 0;
                }
            }
            Yield::Sleep(d) => {
                // `sleep 0` (or a few ms) in a loop spins nearly as fast as a busy loop, and
                // is simulated as one: the sleep, or the busy slice if longer.
                next_wake = Some(clock + d.max(self.busy_slice(pid)));
                vm.resume_with(0);
            }
            Yield::Budget => {
                // A busy loop: its observable behaviour repeats, so later slices stand for
                // more virtual time (1 ms, 2 ms, 4 ms … 1 s) instead of burning real time.
                next_wake = Some(clock + self.busy_slice(pid));
            }
            Yield::Exit(code) => exit = Some(code),
            Yield::Program { argv, replace } => {
                let image = self
                    .containers
                    .get(&container)
                    .map(|c| c.image.clone())
                    .unwrap_or_default();
                let key = program_name(&argv[0], &image)
                    .unwrap_or(&argv[0])
                    .to_string();
                let spec = image.programs.get(&key).cloned().unwrap_or_default();
                let resident = Resident {
                    name: key,
                    spec,
                    args: argv[1..].to_vec(),
                    started_at: clock,
                };
                if replace {
                    become_body = Some(Body::Resident(Box::new(resident)));
                } else {
                    let child = self.spawn(
                        container,
                        Some(pid),
                        Body::Resident(Box::new(resident)),
                        clock,
                    );
                    if let Some(p) = self.procs.get_mut(&pid) {
                        p.waiting_for = Some(vec![child]);
                    }
                    self.start_resident(child, clock);
                }
            }
            Yield::Follow { path, from } => {
                become_body = Some(Body::Follow {
                    path,
                    pos: from,
                    vm: vm.clone(),
                });
            }
            Yield::WaitChildren => {
                let children: Vec<Pid> = self
                    .procs
                    .values()
                    .filter(|p| p.parent == Some(pid) && p.exited.is_none())
                    .map(|p| p.pid)
                    .collect();
                if children.is_empty() {
                    next_wake = Some(clock);
                    vm.resume_with(0);
                } else if let Some(p) = self.procs.get_mut(&pid) {
                    p.waiting_for = Some(children);
                }
            }
            Yield::Spawn(prog) => {
                let live = self
                    .procs
                    .values()
                    .filter(|p| p.container == container && p.exited.is_none())
                    .count();
                if live >= MAX_PROCESSES {
                    self.log(
                        container,
                        clock,
                        Stream::Stderr,
                        "sh: can't fork: Resource temporarily unavailable\n",
                    );
                    vm.resume_with(2);
                } else {
                    let child_vm = vm.fork(prog);
                    self.spawn(container, Some(pid), Body::Shell(Box::new(child_vm)), clock);
                }
                // Starting a process takes time; a loop that only spawns backs off like a busy loop.
                next_wake = Some(clock + self.busy_slice(pid));
            }
            Yield::Kill {
                pid: target,
                signal,
            } => {
                let sig = if signal == "KILL" {
                    Signal::Kill
                } else {
                    Signal::Term
                };
                let pid1 = self.containers.get(&container).map(|c| c.pid1);
                let is_pid1 = target == 1 || Some(target as Pid) == pid1;
                let status = if is_pid1 && pid1 == Some(pid) && sig == Signal::Term {
                    // The shell signals itself: its trap runs right after `kill`.
                    vm.signal("TERM");
                    0
                } else if is_pid1 {
                    self.signal(container, sig, clock);
                    0
                } else if self
                    .procs
                    .get(&(target as Pid))
                    .is_some_and(|p| p.container == container && p.exited.is_none())
                {
                    let code = if sig == Signal::Kill { 137 } else { 143 };
                    self.exit_process(target as Pid, code, clock);
                    0
                } else {
                    self.log(
                        container,
                        clock,
                        Stream::Stderr,
                        &format!("sh: kill: can't kill pid {target}: No such process\n"),
                    );
                    1
                };
                vm.resume_with(status);
                next_wake = Some(clock);
            }
        }
        if let Some(code) = exit {
            if let Some(p) = self.procs.get_mut(&pid) {
                p.body = Body::Shell(vm);
            }
            self.exit_process(pid, code, clock);
            return;
        }
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        if p.exited.is_some() {
            return;
        }
        match become_body {
            Some(Body::Resident(r)) => {
                p.body = Body::Resident(r);
                p.wake = None;
                self.start_resident(pid, clock);
            }
            Some(Body::Follow { path, pos, .. }) => {
                p.body = Body::Follow { path, pos, vm };
                p.wake = Some(clock + 1000);
            }
            _ => {
                p.body = Body::Shell(vm);
                p.wake = next_wake;
            }
        }
    }

    fn spawn(
        &mut self,
        container: ContainerId,
        parent: Option<Pid>,
        body: Body,
        now: Millis,
    ) -> Pid {
        let pid = self.next_pid;
        self.next_pid += 1;
        self.procs.insert(
            pid,
            Process {
                pid,
                container,
                parent,
                body,
                wake: Some(now),
                waiting_for: None,
                exited: None,
                busy: 0,
                same_instant: 0,
                last_run: 0,
            },
        );
        pid
    }

    fn exit_process(&mut self, pid: Pid, code: i32, at: Millis) {
        let Some(p) = self.procs.get_mut(&pid) else {
            return;
        };
        if p.exited.is_some() {
            return;
        }
        p.exited = Some(code);
        p.wake = None;
        let container = p.container;
        let parent = p.parent;
        if self
            .containers
            .get(&container)
            .is_some_and(|c| c.pid1 == pid)
        {
            let reason = if code == 0 { "Completed" } else { "Error" };
            self.container_exit(container, code, reason, at);
            return;
        }
        // A finished child is reaped; PID 1 goes with its container.
        self.procs.remove(&pid);
        if let Some(pp) = parent {
            if let Some(parent) = self.procs.get_mut(&pp) {
                if let Some(w) = &mut parent.waiting_for {
                    w.retain(|c| *c != pid);
                    if w.is_empty() {
                        parent.waiting_for = None;
                        parent.wake = Some(at);
                        if let Body::Shell(vm) = &mut parent.body {
                            vm.resume_with(code);
                        }
                    }
                }
            }
        }
    }

    fn container_exit(&mut self, id: ContainerId, code: i32, reason: &str, at: Millis) {
        let Some(c) = self.containers.get_mut(&id) else {
            return;
        };
        if !c.alive {
            return;
        }
        c.alive = false;
        c.logs.flush(at);
        for p in self.procs.values_mut().filter(|p| p.container == id) {
            if p.exited.is_none() {
                p.exited = Some(code);
                p.wake = None;
            }
        }
        self.procs.retain(|_, p| p.container != id);
        self.net.release(id);
        self.pending.push(RuntimeEvent::Exited {
            id,
            exit_code: code,
            reason: reason.to_string(),
            signal: None,
            at,
        });
    }

    /// Send a signal to the container's PID 1 (SIGKILL ends everything at once).
    pub fn signal(&mut self, id: ContainerId, sig: Signal, now: Millis) {
        self.epoch += 1;
        let Some(pid1) = self.containers.get(&id).filter(|c| c.alive).map(|c| c.pid1) else {
            return;
        };
        match sig {
            Signal::Kill => self.container_exit(id, 137, "Error", now),
            Signal::Term => {
                let Some(p) = self.procs.get_mut(&pid1) else {
                    return;
                };
                match &mut p.body {
                    Body::Resident(r) => {
                        if let OnTerm::Exit(code) = r.on_term() {
                            self.term_exits.insert(pid1, (now + 100, code));
                            p.wake = Some(now + 100);
                        }
                    }
                    Body::Shell(vm) => {
                        if vm.signal("TERM") && p.waiting_for.is_some() {
                            // `wait` (or a foreground program) is interrupted by a trapped signal.
                            p.waiting_for = None;
                            p.wake = Some(now);
                        }
                        // Otherwise PID 1 ignores it, or the trap runs after the current command.
                    }
                    Body::Follow { .. } => {}
                }
            }
        }
    }

    pub fn is_running(&self, id: ContainerId) -> bool {
        self.containers.get(&id).is_some_and(|c| c.alive)
    }

    /// Run a command in a running container (exec probe, exec hook), to completion.
    pub fn exec(
        &mut self,
        id: ContainerId,
        argv: &[String],
        timeout_ms: Millis,
        now: Millis,
    ) -> ExecOutcome {
        let not_started = |msg: String| ExecOutcome {
            exit_code: None,
            output: msg,
            could_not_start: true,
            duration_ms: 0,
        };
        let Some(c) = self.containers.get(&id).filter(|c| c.alive) else {
            return not_started("container not running".into());
        };
        let Some(name) = argv.first() else {
            return not_started("rpc error: code = Unknown desc = failed to exec in container: no command specified".into());
        };
        let image = c.image.clone();
        let env_map = c.env_map.clone();
        let cwd = c.cwd.clone();
        let applet = name.rsplit('/').next().unwrap_or(name);
        let runnable = image.shell
            && (is_shell(name)
                || APPLETS.contains(&applet)
                || program_name(name, &image).is_some());
        let prog = if runnable {
            Rc::new(literal_program(argv))
        } else {
            return not_started(format!(
                "rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: \"{name}\": executable file not found in $PATH: unknown"
            ));
        };
        if !is_shell(name) && program_name(name, &image).is_none() {
            // A plain command (cat, test, ls…): no shell needed.
            if let Some(o) = self.exec_applet(id, argv, &image, &env_map, &cwd, now) {
                return o;
            }
        }
        let mut vm = Vm::with_vars(prog, vec![name.clone()], env_map, &cwd);
        let mut elapsed: Millis = 0;
        let mut output = String::new();
        let mut result = None;
        let mut kills = Vec::new();
        let mut touched = false;
        for _ in 0..10_000 {
            let y = {
                let Some(c) = self.containers.get_mut(&id) else {
                    break;
                };
                let mut cx = Cx {
                    fs: FsView::new(&mut c.fs, &mut self.volumes, &c.mounts),
                    net: &self.net,
                    clock: now + elapsed,
                    hostname: &self.cfg.pod_name,
                    image: &image,
                    read_clock: false,
                };
                let y = vm.run(&mut cx);
                touched |= cx.touched_world();
                y
            };
            for (_, t) in vm.output.drain(..) {
                if output.len() < EXEC_OUTPUT_MAX {
                    output.push_str(&t);
                }
            }
            match y {
                Yield::Exit(code) => {
                    result = Some(code);
                    break;
                }
                Yield::Sleep(d) => {
                    elapsed = elapsed.saturating_add(d);
                    vm.resume_with(0);
                }
                Yield::Budget => elapsed += 1,
                Yield::Kill { pid, signal } => {
                    kills.push((pid, signal));
                    vm.resume_with(0);
                }
                Yield::Spawn(_) | Yield::WaitChildren => vm.resume_with(0),
                Yield::Program { .. } | Yield::Follow { .. } => {
                    elapsed = timeout_ms;
                }
            }
            if elapsed >= timeout_ms {
                break;
            }
        }
        output.truncate(output.floor_char_boundary(EXEC_OUTPUT_MAX));
        // An exec that wrote, read the clock, took time or signalled may answer differently
        // next time: the world is no longer the one earlier answers were given in.
        if touched || elapsed > 0 || !kills.is_empty() {
            self.epoch += 1;
        }
        for (pid, signal) in kills {
            if pid == 1 {
                let sig = if signal == "KILL" {
                    Signal::Kill
                } else {
                    Signal::Term
                };
                self.signal(id, sig, now + elapsed.min(timeout_ms));
            }
        }
        let timed_out = result.is_none() || elapsed > timeout_ms;
        ExecOutcome {
            exit_code: if timed_out { None } else { result },
            output,
            could_not_start: false,
            duration_ms: elapsed.min(timeout_ms.max(elapsed)),
        }
    }

    /// Run one busybox applet directly (the common exec probe); None when it needs time or
    /// the world (sleep, tail -f, kill…), which the shell path handles.
    fn exec_applet(
        &mut self,
        id: ContainerId,
        argv: &[String],
        image: &ImageSpec,
        env: &BTreeMap<String, String>,
        cwd: &str,
        now: Millis,
    ) -> Option<ExecOutcome> {
        let c = self.containers.get_mut(&id)?;
        let mut cx = Cx {
            fs: FsView::new(&mut c.fs, &mut self.volumes, &c.mounts),
            net: &self.net,
            clock: now,
            hostname: &self.cfg.pod_name,
            image,
            read_clock: false,
        };
        let o = shell::builtins::run(&argv[0], &argv[1..], None, env, cwd, &mut cx);
        if cx.touched_world() {
            self.epoch += 1;
        }
        if o.action.is_some() {
            return None;
        }
        let mut output = o.stdout;
        output.push_str(&o.stderr);
        output.truncate(output.floor_char_boundary(EXEC_OUTPUT_MAX));
        Some(ExecOutcome {
            exit_code: Some(o.status),
            output,
            could_not_start: false,
            duration_ms: 0,
        })
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

    pub fn container_name(&self, id: ContainerId) -> Option<&str> {
        self.containers.get(&id).map(|c| c.name.as_str())
    }

    pub fn add_service(&mut self, name: &str, _namespace: &str, cluster_ip: &str) {
        self.epoch += 1;
        self.net
            .services
            .insert(name.to_string(), cluster_ip.to_string());
    }

    pub fn remove_file(&mut self, id: ContainerId, path: &str) -> bool {
        self.epoch += 1;
        let p = fs::normalize("/", path);
        self.view(id)
            .is_some_and(|mut v| v.remove(&p, true).is_ok())
    }

    pub fn write_file(&mut self, id: ContainerId, path: &str, content: &str) -> bool {
        self.epoch += 1;
        let p = fs::normalize("/", path);
        match self.view(id) {
            Some(mut v) => {
                let parent = p
                    .rsplit_once('/')
                    .map(|(d, _)| d.to_string())
                    .unwrap_or_default();
                if !parent.is_empty() {
                    let _ = v.mkdir(&parent, true);
                }
                v.write(&p, content, false).is_ok()
            }
            None => false,
        }
    }

    pub fn break_endpoint(&mut self, port: u16, path: &str, status: u16, _now: Millis) {
        self.epoch += 1;
        self.net.broken.insert((port, path.to_string()), status);
    }
}

/// `--vm-bytes 150M` → bytes.
fn stress_bytes(args: &[String]) -> Option<u64> {
    let i = args.iter().position(|a| a == "--vm-bytes")?;
    let v = args.get(i + 1)?;
    let (num, unit) = v.split_at(v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len()));
    let n: u64 = num.parse().ok()?;
    let mult = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" => 1024,
        "M" => 1024 * 1024,
        "G" => 1024 * 1024 * 1024,
        _ => return None,
    };
    n.checked_mul(mult)
}
