//! The discrete-event engine: one node running one Pod in virtual time. It owns the runtime,
//! the kubelet's bookkeeping and the event queue; each handled event may request a kubelet
//! sync, which — like the real pod worker — first writes the status, then computes the
//! actions (`kubelet::pod_actions::compute`) and applies them, recording events.
//! Steady stretches of probe ticks are recorded at once (`fast_forward`).

mod fast_forward;

use std::collections::VecDeque;

use super::queue::Queue;
use super::scenario::{Action, Scenario};
use super::timeline::{Deletion, InstanceLog, ProbeRecord, Timeline};
use crate::ids::{hex_id, pod_ip, pod_uid, service_ip};
use crate::kubelet::constants::*;
use crate::kubelet::container_record::{ContainerRecord, Instance, KillInFlight};
use crate::kubelet::events::{self, Event};
use crate::kubelet::image_manager::{self, PullBackoffs, PullPlan};
use crate::kubelet::pod_actions::{self, Kill};
use crate::kubelet::prober::handlers::{self, run_probe};
use crate::kubelet::prober::worker::{TickPlan, Worker};
use crate::kubelet::prober::{ProbeKind, ProbeResult};
use crate::kubelet::scheduler::{self, Node};
use crate::kubelet::status::{self, ContainerIds, PodFlags};
use crate::model::{Container, LifecycleHandler, Manifest, PodStatus, Probe};
use crate::runtime::{
    ContainerId, ContainerSpec, HttpOutcome, HttpRequest, ImageError, MountSpec, Runtime,
    RuntimeConfig, RuntimeEvent, Signal, VolumeConfig, VolumeKind,
};
use crate::time::{Millis, SECOND};

/// Things that happen at an instant.
#[derive(Debug, Clone)]
enum Ev {
    Schedule,
    SandboxReady,
    Sync,
    /// An image pull for container `c` finished.
    PullDone {
        c: usize,
        ok: Result<u64, String>,
        took: Millis,
    },
    /// Create and start container `c` (its image is there).
    Start {
        c: usize,
    },
    ProbeTick {
        w: usize,
        generation: u64,
    },
    Term {
        c: usize,
        id: ContainerId,
    },
    Kill {
        c: usize,
        id: ContainerId,
    },
    RuntimeWake,
    Fault {
        i: usize,
    },
    NodeNotReady,
    Evict,
    Deadline,
}

/// A start the pod worker will attempt, in order (image pulls are serial).
#[derive(Debug, Clone, Copy)]
struct StartRequest {
    c: usize,
    /// For a restart after a kill: the finish time the back-off check looks at (the newest
    /// exit before the kill), instead of the kill's own exit.
    previous_finish: Option<Option<Millis>>,
}

struct Ids<'a> {
    uid: &'a str,
    runtime: &'a Runtime,
}

impl ContainerIds for Ids<'_> {
    fn image_id(&self, image: &str) -> String {
        match self.runtime.image_info(image) {
            Ok(info) => format!("{}@{}", info.repository, info.digest),
            Err(_) => String::new(),
        }
    }
    fn container_id(&self, instance: u64) -> String {
        format!("containerd://{}", hex_id(self.uid, instance))
    }
}

pub struct Engine<'a> {
    manifest: &'a Manifest,
    scenario: &'a Scenario,
    containers: Vec<&'a Container>,
    /// Container names, shared by every probe record.
    container_names: Vec<std::rc::Rc<str>>,
    records: Vec<ContainerRecord>,
    workers: Vec<Worker>,
    worker_probes: Vec<&'a Probe>,
    worker_generation: Vec<u64>,
    /// Each worker's pending tick (time, queue sequence), if it has a valid one.
    tick_seq: Vec<Option<(Millis, u64)>>,
    /// Each worker's last answer, while repeating it is exact (see `fast_forward`).
    steady: Vec<Option<fast_forward::Steady>>,
    /// Record steady stretches at once (off: every tick runs its handler; the reference).
    fast_forward: bool,
    runtime: Runtime,
    nodes: Vec<Node>,
    flags: PodFlags,
    queue: Queue<Ev>,
    now: Millis,
    until: Millis,
    timeline: Timeline,
    last_status: Option<PodStatus>,
    dirty: bool,
    sync_requested: bool,
    next_sync: Option<Millis>,
    starts: VecDeque<StartRequest>,
    start_busy: bool,
    pulls: PullBackoffs,
    pod_ref: String,
    sandbox_requested: bool,
    /// Stopping everything (deleted, deadline, or all regular containers done).
    killing_pod: bool,
    kill_grace_override: Option<Millis>,
    kubelet_lost: bool,
    runtime_wake: Option<Millis>,
    /// After activeDeadlineSeconds the kubelet writes the Failed status once, with the
    /// container statuses of that moment (marked not ready), and does not update them again.
    frozen_containers: Option<(
        Vec<crate::model::ContainerStatus>,
        Vec<crate::model::ContainerStatus>,
    )>,
}

impl<'a> Engine<'a> {
    pub fn new(manifest: &'a Manifest, scenario: &'a Scenario, until: Millis) -> Self {
        let pod = &manifest.pod;
        let name = pod.metadata.effective_name();
        let namespace = pod.metadata.effective_namespace().to_string();
        let uid = pod_uid(&namespace, &name);
        let containers: Vec<&Container> = pod.spec.all_containers().map(|(c, _)| c).collect();
        let records = pod
            .spec
            .all_containers()
            .map(|(c, init)| {
                ContainerRecord::new(&c.name, init, init && c.is_restartable(), c.image())
            })
            .collect();
        let mut workers = Vec::new();
        let mut worker_probes = Vec::new();
        for (i, c) in containers.iter().enumerate() {
            for kind in ProbeKind::ALL {
                let probe = match kind {
                    ProbeKind::Liveness => c.liveness_probe.as_ref(),
                    ProbeKind::Readiness => c.readiness_probe.as_ref(),
                    ProbeKind::Startup => c.startup_probe.as_ref(),
                };
                if let Some(p) = probe {
                    workers.push(Worker::new(kind, i, p, 0));
                    worker_probes.push(p);
                }
            }
        }
        let pod_ip = pod_ip(&uid);
        let volumes = pod
            .spec
            .volumes
            .iter()
            .map(|v| VolumeConfig {
                name: v.name.clone(),
                kind: match &v.config_map {
                    None if v.projected.is_some() => VolumeKind::ConfigMap {
                        // The service-account volume: what admission projects into it.
                        files: vec![
                            ("namespace".into(), namespace.clone()),
                            ("token".into(), "eyJhbGciOiJSUzI1NiIsImtpZCI6InBvZGxhYiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDpkZWZhdWx0In0.c2ltdWxhdGVk".into()),
                            ("ca.crt".into(), "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIBADAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwprdWJlcm5ldGVz\n-----END CERTIFICATE-----\n".into()),
                        ],
                    },
                    Some(cm) => VolumeKind::ConfigMap {
                        files: manifest
                            .config_maps
                            .iter()
                            .find(|m| m.metadata.name.as_deref() == Some(cm.name.as_str()))
                            .map(|m| {
                                m.data
                                    .iter()
                                    .filter(|(k, _)| {
                                        cm.items.is_empty() || cm.items.iter().any(|it| &it.key == *k)
                                    })
                                    .map(|(k, v)| {
                                        let path = cm
                                            .items
                                            .iter()
                                            .find(|it| &it.key == k)
                                            .map(|it| it.path.clone())
                                            .unwrap_or_else(|| k.clone());
                                        (path, v.clone())
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                    },
                    None => VolumeKind::EmptyDir,
                },
            })
            .collect();
        let nodes = scenario.nodes();
        let mut runtime = Runtime::new(RuntimeConfig {
            pod_name: name.clone(),
            namespace: namespace.clone(),
            pod_ip: pod_ip.clone(),
            node_name: String::new(),
            volumes,
            extra_images: scenario.images.clone(),
        });
        for image in &scenario.preloaded_images {
            runtime.set_image_present(image);
        }
        for svc in &manifest.services {
            let svc_name = svc.metadata.effective_name();
            // The cluster IP the Service was given (defaulting fills one in).
            let ip = svc
                .spec
                .cluster_ip
                .clone()
                .unwrap_or_else(|| service_ip(&svc_name));
            runtime.add_service(&svc_name, svc.metadata.effective_namespace(), &ip);
        }
        let n_workers = workers.len();
        let mut timeline = Timeline::new(manifest.clone(), uid.clone());
        timeline.until = until;
        let flags = PodFlags {
            pod_ip: None,
            ..Default::default()
        };
        let _ = pod_ip;
        Engine {
            manifest,
            scenario,
            container_names: containers
                .iter()
                .map(|c| std::rc::Rc::from(c.name.as_str()))
                .collect(),
            containers,
            records,
            workers,
            worker_probes,
            worker_generation: vec![0; n_workers],
            tick_seq: vec![None; n_workers],
            steady: vec![None; n_workers],
            fast_forward: true,
            runtime,
            nodes,
            flags,
            queue: Queue::default(),
            now: 0,
            until,
            timeline,
            last_status: None,
            dirty: true,
            sync_requested: false,
            next_sync: None,
            starts: VecDeque::new(),
            start_busy: false,
            pulls: PullBackoffs::default(),
            pod_ref: format!("{name}_{namespace}({uid})"),
            sandbox_requested: false,
            killing_pod: false,
            kill_grace_override: None,
            kubelet_lost: false,
            runtime_wake: None,
            frozen_containers: None,
        }
    }

    fn spec(&self) -> &'a crate::model::PodSpec {
        &self.manifest.pod.spec
    }

    fn pod_name(&self) -> String {
        self.manifest.pod.metadata.effective_name()
    }

    fn namespace(&self) -> &'a str {
        self.manifest.pod.metadata.effective_namespace()
    }

    fn field_path(&self, c: usize) -> String {
        events::field_path(&self.records[c].name, self.records[c].init)
    }

    fn record(&mut self, e: Event) {
        self.timeline.record_event(self.now, e);
    }

    fn at(&mut self, t: Millis, e: Ev) {
        self.queue.push(t.max(self.now), e);
    }

    /// Ask the pod worker to sync again at `t` (keeps only the earliest pending request).
    fn requeue(&mut self, t: Millis) {
        if self.next_sync.is_some_and(|s| s <= t && s >= self.now) {
            return;
        }
        self.next_sync = Some(t);
        self.at(t, Ev::Sync);
    }

    /// Run every probe tick through its handler, one by one: no fast-forward through steady
    /// stretches. Slower; the reference the fast path is tested against.
    pub fn exhaustive(mut self) -> Self {
        self.fast_forward = false;
        self
    }

    /// Run the simulation to `until` and hand back the timeline.
    pub fn run(mut self) -> Timeline {
        self.at(0, Ev::Schedule);
        for (i, f) in self.scenario.events.iter().enumerate() {
            self.queue.push(f.at, Ev::Fault { i });
        }
        loop {
            if self.fast_forward {
                self.skip_steady_stretch();
            }
            let Some(t) = self.queue.peek_time() else {
                break;
            };
            if t > self.until {
                break;
            }
            self.now = t;
            self.advance_runtime();
            loop {
                while self.queue.peek_time() == Some(t) {
                    if let Some((_, ev)) = self.queue.pop() {
                        self.handle(ev);
                        self.advance_runtime();
                    }
                }
                if self.sync_requested {
                    self.sync_requested = false;
                    self.sync();
                    self.advance_runtime();
                    continue;
                }
                if self.queue.peek_time() != Some(t) {
                    break;
                }
            }
            if self.dirty {
                self.write_status();
            }
            self.schedule_runtime_wake();
        }
        self.finish()
    }

    fn finish(mut self) -> Timeline {
        // Hand every container instance's log to the timeline.
        for r in &self.records {
            for (k, inst) in r.instances.iter().enumerate() {
                let lines = self.runtime.logs(inst.id).to_vec();
                self.timeline.logs.push(InstanceLog {
                    container: r.name.clone(),
                    restart: k as u32,
                    started_at: inst.started_at,
                    finished_at: inst.finished_at,
                    lines,
                });
            }
        }
        self.timeline.logs.sort_by_key(|l| l.started_at);
        self.timeline
    }

    fn write_status(&mut self) {
        self.dirty = false;
        let ids = Ids {
            uid: &self.timeline.uid,
            runtime: &self.runtime,
        };
        let mut status = status::generate(
            self.spec(),
            &self.records,
            &self.flags,
            self.last_status.as_ref(),
            &ids,
            self.now,
        );
        if let Some((init, app)) = &self.frozen_containers {
            status.init_container_statuses = init.clone();
            status.container_statuses = app.clone();
        }
        if self.last_status.as_ref() != Some(&status) {
            self.timeline.record_status(self.now, status.clone());
            self.last_status = Some(status);
        }
    }

    fn schedule_runtime_wake(&mut self) {
        if self.kubelet_lost {
            return;
        }
        if let Some(w) = self.runtime.next_wake() {
            let w = w.max(self.now + 1);
            if self.runtime_wake.is_none_or(|s| s <= self.now || w < s) {
                self.runtime_wake = Some(w);
                self.queue.push(w, Ev::RuntimeWake);
            }
        }
    }

    /// Let the runtime catch up to `now` and take in the exits it reports.
    fn advance_runtime(&mut self) {
        if self.kubelet_lost {
            return;
        }
        for _ in 0..8 {
            let evs = self.runtime.advance(self.now);
            if evs.is_empty() {
                break;
            }
            for e in evs {
                let RuntimeEvent::Exited {
                    id,
                    exit_code,
                    reason,
                    signal,
                    at,
                } = e;
                self.on_exit(id, exit_code, &reason, signal, at);
            }
        }
    }

    fn on_exit(
        &mut self,
        id: ContainerId,
        code: i32,
        reason: &str,
        signal: Option<i32>,
        at: Millis,
    ) {
        let Some(c) = self
            .records
            .iter()
            .position(|r| r.instances.iter().any(|i| i.id == id && i.running()))
        else {
            return;
        };
        let at = at.min(self.now);
        let r = &mut self.records[c];
        if let Some(inst) = r.instance_mut(id) {
            inst.finished_at = Some(at);
            inst.exit_code = code;
            inst.signal = signal;
            inst.reason = reason.to_string();
        }
        r.started = false;
        r.readiness_ok = false;
        r.liveness_failed = false;
        r.startup_failed = false;
        if let Some(kill) = r.kill.take() {
            if kill.instance == id && kill.restart && !self.killing_pod {
                // Restarted by the sync that killed it (kuberuntime SyncPod).
                r.restart_after_kill = Some(kill.previous_finish);
            }
        }
        self.dirty = true;
        self.sync_requested = true;
    }

    fn handle(&mut self, ev: Ev) {
        if self.kubelet_lost && !matches!(ev, Ev::NodeNotReady | Ev::Evict | Ev::Fault { .. }) {
            return;
        }
        match ev {
            Ev::Schedule => self.schedule(),
            Ev::SandboxReady => {
                self.flags.sandbox_ready = true;
                self.flags.pod_ip = Some(self.runtime_pod_ip());
                self.dirty = true;
                self.sync_requested = true;
            }
            Ev::Sync => {
                if self.next_sync == Some(self.now) {
                    self.next_sync = None;
                }
                self.sync_requested = true;
            }
            Ev::PullDone { c, ok, took } => self.pull_done(c, ok, took),
            Ev::Start { c } => self.start_container(c),
            Ev::ProbeTick { w, generation } => self.probe_tick(w, generation),
            Ev::Term { c, id } => {
                if self.records[c].running_instance().map(|i| i.id) == Some(id) {
                    self.runtime.signal(id, Signal::Term, self.now);
                }
            }
            Ev::Kill { c, id } => {
                if self.records[c].running_instance().map(|i| i.id) == Some(id) {
                    self.runtime.signal(id, Signal::Kill, self.now);
                }
            }
            Ev::RuntimeWake => {
                if self.runtime_wake == Some(self.now) {
                    self.runtime_wake = None;
                }
            }
            Ev::Fault { i } => self.fault(i),
            Ev::NodeNotReady => self.node_not_ready(),
            Ev::Evict => self.evict(),
            Ev::Deadline => self.deadline(),
        }
    }

    fn runtime_pod_ip(&self) -> String {
        pod_ip(&self.timeline.uid)
    }

    // ---- scheduling -------------------------------------------------------------------

    fn schedule(&mut self) {
        match scheduler::schedule(self.spec(), &self.nodes) {
            Ok(n) => {
                let node = self.nodes[n].clone();
                if self.spec().node_name.as_deref().unwrap_or("").is_empty() {
                    let e = events::scheduled(self.namespace(), &self.pod_name(), &node.name);
                    self.record(e);
                }
                self.timeline.node = Some(node.name.clone());
                self.flags.scheduled = true;
                self.flags.unschedulable_message = None;
                self.flags.host_ip = Some(node.internal_ip.clone());
                self.flags.start_time = Some(self.now);
                self.dirty = true;
                self.sync_requested = true;
                if let Some(ads) = self.spec().active_deadline_seconds {
                    if ads > 0 {
                        let t = self.now.saturating_add((ads as u64).saturating_mul(SECOND));
                        self.at(t, Ev::Deadline);
                    }
                }
                self.start_workers();
            }
            Err(msg) => {
                if self
                    .spec()
                    .node_name
                    .as_deref()
                    .is_some_and(|n| !n.is_empty())
                {
                    // nodeName bypasses the scheduler: nobody will ever run or report it.
                    self.dirty = false;
                    self.timeline.record_status(
                        self.now,
                        PodStatus {
                            phase: "Pending".into(),
                            ..Default::default()
                        },
                    );
                    return;
                }
                let e = events::failed_scheduling(&msg);
                self.record(e);
                self.flags.unschedulable_message = Some(msg);
                self.dirty = true;
                self.at(self.now + UNSCHEDULABLE_RETRY, Ev::Schedule);
            }
        }
    }

    fn start_workers(&mut self) {
        for w in 0..self.workers.len() {
            self.workers[w].next_tick = self.now;
            self.push_tick(w, self.now);
        }
    }

    /// Queue worker `w`'s next tick at `t` under its current generation.
    fn push_tick(&mut self, w: usize, t: Millis) {
        let t = t.max(self.now);
        let generation = self.worker_generation[w];
        let seq = self.queue.push(t, Ev::ProbeTick { w, generation });
        self.tick_seq[w] = Some((t, seq));
    }

    // ---- the sync loop ------------------------------------------------------------------

    fn sync(&mut self) {
        if self.kubelet_lost || !self.flags.scheduled || self.flags.terminal {
            return;
        }
        // Status first (the reason cache of the previous sync becomes visible), then actions.
        for r in &mut self.records {
            if r.visible_reason != r.pending_reason {
                r.visible_reason = r.pending_reason.clone();
            }
        }
        self.dirty = true;
        if self.killing_pod {
            self.continue_kill_pod();
            return;
        }
        for c in 0..self.records.len() {
            if let Some(previous_finish) = self.records[c].restart_after_kill.take() {
                self.enqueue_start(StartRequest {
                    c,
                    previous_finish: Some(previous_finish),
                });
            }
        }
        let has_initialized = self.flags.has_initialized;
        let actions = pod_actions::compute(
            self.spec(),
            &self.records,
            self.flags.sandbox_ready,
            has_initialized,
        );
        if actions.create_sandbox {
            if !self.sandbox_requested {
                self.sandbox_requested = true;
                self.at(self.now + SANDBOX_READY_AFTER, Ev::SandboxReady);
            }
            return;
        }
        if actions.kill_pod {
            self.begin_kill_pod(None);
            return;
        }
        for k in actions.kill {
            self.begin_probe_kill(k);
        }
        for c in actions.start {
            self.enqueue_start(StartRequest {
                c,
                previous_finish: None,
            });
        }
        self.pump_starts();
    }

    fn enqueue_start(&mut self, req: StartRequest) {
        if self.records[req.c].starting || self.starts.iter().any(|s| s.c == req.c) {
            return;
        }
        self.starts.push_back(req);
        self.pump_starts();
    }

    /// Begin the next queued start unless one is in flight (image pulls are serial).
    fn pump_starts(&mut self) {
        while !self.start_busy {
            let Some(req) = self.starts.pop_front() else {
                return;
            };
            self.begin_start(req);
        }
    }

    fn begin_start(&mut self, req: StartRequest) {
        let c = req.c;
        if self.killing_pod || self.records[c].is_running() {
            return;
        }
        let fp = self.field_path(c);
        // CrashLoopBackOff: measured from the newest exit the sync saw.
        let prev = match req.previous_finish {
            Some(p) => p,
            None => self.records[c].last_exited().and_then(|i| i.finished_at),
        };
        if let Some(prev) = prev {
            let now = self.now;
            let r = &mut self.records[c];
            r.backoff.gc(prev);
            if r.backoff.in_backoff_since(prev, now) {
                let delay = r.backoff.current().unwrap_or(CRASH_LOOP_BACKOFF_INITIAL);
                let expires = r.backoff.expires_at(prev).unwrap_or(now);
                let name = r.name.clone();
                r.pending_reason = Some((
                    "CrashLoopBackOff".into(),
                    events::crash_loop_message(delay, &name, &self.pod_ref),
                ));
                let e = events::backoff_restart(&name, &self.pod_ref, &fp);
                self.record(e);
                self.requeue(expires.min(now + POD_WORKER_ERROR_REQUEUE));
                return;
            }
            r.backoff.next(now);
        }
        let image = self.containers[c].image().to_string();
        let policy = self.containers[c]
            .image_pull_policy
            .clone()
            .unwrap_or_else(|| "IfNotPresent".into());
        let info = self.runtime.image_info(&image);
        if let Err(ImageError::InvalidImageName(msg)) = &info {
            let msg = msg.clone();
            self.record(events::inspect_failed(&msg, &fp));
            self.record(events::failed_error("InvalidImageName", &fp));
            self.records[c].pending_reason = Some(("InvalidImageName".into(), msg));
            self.requeue(self.now + POD_WORKER_ERROR_REQUEUE);
            return;
        }
        let present = self.runtime.image_present(&image);
        match image_manager::plan(&policy, present) {
            PullPlan::UsePresent => {
                self.record(events::already_present(&image, &fp));
                self.records[c].starting = true;
                self.start_busy = true;
                self.at(self.now + CONTAINER_START_LATENCY, Ev::Start { c });
            }
            PullPlan::NeverPull => {
                self.record(events::never_pull(&image, &fp));
                self.record(events::failed_error("ErrImageNeverPull", &fp));
                self.records[c].pending_reason = Some((
                    "ErrImageNeverPull".into(),
                    format!("Container image \"{image}\" is not present with pull policy of Never"),
                ));
                self.requeue(self.now + POD_WORKER_ERROR_REQUEUE);
            }
            PullPlan::Pull => {
                if self.pulls.in_backoff(&image, self.now) {
                    self.record(events::backoff_pull(&image, &fp));
                    self.record(events::failed_error("ImagePullBackOff", &fp));
                    self.records[c].pending_reason = Some((
                        "ImagePullBackOff".into(),
                        format!("Back-off pulling image \"{image}\""),
                    ));
                    let expires = self.pulls.expires_at(&image).unwrap_or(self.now);
                    self.requeue(expires.min(self.now + POD_WORKER_ERROR_REQUEUE));
                    return;
                }
                self.record(events::pulling(&image, &fp));
                let (ok, took) = match &info {
                    Ok(i) if present => (Ok(i.size_bytes), CACHED_PULL_MS),
                    Ok(i) => (Ok(i.size_bytes), i.pull_ms.max(1)),
                    Err(e) => (Err(image_error_text(e)), 1200),
                };
                self.records[c].starting = true;
                self.start_busy = true;
                self.at(self.now + took, Ev::PullDone { c, ok, took });
            }
        }
    }

    fn pull_done(&mut self, c: usize, ok: Result<u64, String>, took: Millis) {
        let image = self.containers[c].image().to_string();
        let fp = self.field_path(c);
        match ok {
            Ok(size) => {
                self.runtime.set_image_present(&image);
                self.pulls.succeeded(&image);
                self.record(events::pulled(&image, took, took, size, &fp));
                self.at(self.now + CONTAINER_START_LATENCY, Ev::Start { c });
            }
            Err(err) => {
                self.record(events::failed_pull(&image, &err, &fp));
                self.record(events::failed_error("ErrImagePull", &fp));
                self.pulls.failed(&image, self.now);
                self.records[c].pending_reason = Some(("ErrImagePull".into(), err));
                self.records[c].starting = false;
                self.start_busy = false;
                // The sandbox/PLEG events bring the next sync within a second.
                self.requeue(self.now + SECOND);
                self.pump_starts();
            }
        }
    }

    fn container_spec(&self, c: usize) -> Result<ContainerSpec, String> {
        let container = self.containers[c];
        let pod = &self.manifest.pod;
        let mut env: Vec<(String, String)> = vec![
            ("HOSTNAME".into(), self.pod_name()),
            ("KUBERNETES_SERVICE_HOST".into(), "10.96.0.1".into()),
            ("KUBERNETES_SERVICE_PORT".into(), "443".into()),
            ("KUBERNETES_PORT".into(), "tcp://10.96.0.1:443".into()),
        ];
        for from in &container.env_from {
            if let Some(cm_ref) = &from.config_map_ref {
                match self.config_map(&cm_ref.name) {
                    Some(cm) => {
                        for (k, v) in &cm.data {
                            env.push((
                                format!("{}{k}", from.prefix.as_deref().unwrap_or("")),
                                v.clone(),
                            ));
                        }
                    }
                    None if cm_ref.optional == Some(true) => {}
                    None => return Err(format!("configmap \"{}\" not found", cm_ref.name)),
                }
            }
        }
        for var in &container.env {
            let value = match (&var.value, &var.value_from) {
                (_, Some(src)) => {
                    if let Some(f) = &src.field_ref {
                        self.field_ref(&f.field_path)
                    } else if let Some(k) = &src.config_map_key_ref {
                        match self.config_map(&k.name) {
                            Some(cm) => match cm.data.get(&k.key) {
                                Some(v) => v.clone(),
                                None if k.optional == Some(true) => continue,
                                None => {
                                    return Err(format!(
                                        "couldn't find key {} in ConfigMap {}/{}",
                                        k.key,
                                        self.namespace(),
                                        k.name
                                    ))
                                }
                            },
                            None if k.optional == Some(true) => continue,
                            None => return Err(format!("configmap \"{}\" not found", k.name)),
                        }
                    } else if let Some(r) = &src.resource_field_ref {
                        let q = match r.resource.as_str() {
                            "limits.cpu" => container.limit("cpu"),
                            "limits.memory" => container.limit("memory"),
                            "requests.cpu" => container.request("cpu"),
                            "requests.memory" => container.request("memory"),
                            _ => None,
                        };
                        q.and_then(|q| q.value())
                            .map(|v| v.to_string())
                            .unwrap_or_default()
                    } else {
                        String::new()
                    }
                }
                (Some(v), None) => expand_env_refs(v, &env),
                (None, None) => String::new(),
            };
            env.push((var.name.clone(), value));
        }
        let mounts = container
            .volume_mounts
            .iter()
            .map(|m| MountSpec {
                volume: m.name.clone(),
                path: m.mount_path.clone(),
                read_only: m.read_only.unwrap_or(false),
            })
            .collect();
        let _ = pod;
        Ok(ContainerSpec {
            name: container.name.clone(),
            image: container.image().to_string(),
            command: container.command.clone(),
            args: container.args.clone(),
            working_dir: container.working_dir.clone(),
            env,
            mounts,
            memory_limit_bytes: container
                .limit("memory")
                .and_then(|q| q.value())
                .and_then(|v| u64::try_from(v).ok()),
        })
    }

    fn config_map(&self, name: &str) -> Option<&'a crate::model::ConfigMap> {
        self.manifest
            .config_maps
            .iter()
            .find(|m| m.metadata.name.as_deref() == Some(name))
    }

    /// The downward API values a `fieldRef` can read.
    fn field_ref(&self, path: &str) -> String {
        let meta = &self.manifest.pod.metadata;
        match path {
            "metadata.name" => self.pod_name(),
            "metadata.namespace" => self.namespace().to_string(),
            "metadata.uid" => self.timeline.uid.clone(),
            "spec.nodeName" => self.timeline.node.clone().unwrap_or_default(),
            "spec.serviceAccountName" => self
                .spec()
                .service_account_name
                .clone()
                .unwrap_or_else(|| "default".into()),
            "status.podIP" | "status.podIPs" => self.flags.pod_ip.clone().unwrap_or_default(),
            "status.hostIP" | "status.hostIPs" => self.flags.host_ip.clone().unwrap_or_default(),
            p => {
                let label = |prefix: &str| {
                    p.strip_prefix(prefix)
                        .and_then(|rest| rest.strip_prefix("['"))
                        .and_then(|rest| rest.strip_suffix("']"))
                        .map(str::to_string)
                };
                if let Some(k) = label("metadata.labels") {
                    meta.labels.get(&k).cloned().unwrap_or_default()
                } else if let Some(k) = label("metadata.annotations") {
                    meta.annotations.get(&k).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            }
        }
    }

    fn start_container(&mut self, c: usize) {
        self.start_busy = false;
        self.records[c].starting = false;
        if self.killing_pod || self.kubelet_lost {
            self.pump_starts();
            return;
        }
        let fp = self.field_path(c);
        let spec = match self.container_spec(c) {
            Ok(s) => s,
            Err(msg) => {
                self.record(events::failed_create_config(&msg, &fp));
                self.records[c].pending_reason = Some(("CreateContainerConfigError".into(), msg));
                self.requeue(self.now + POD_WORKER_ERROR_REQUEUE);
                self.pump_starts();
                return;
            }
        };
        let name = self.records[c].name.clone();
        let result = self.runtime.start_container(spec, self.now);
        self.record(events::created(&name, &fp));
        let now = self.now;
        let r = &mut self.records[c];
        if !r.instances.is_empty() {
            r.restart_count += 1;
        }
        r.pending_reason = None;
        r.visible_reason = None;
        match result {
            Ok(id) => {
                r.instances.push(Instance {
                    id,
                    started_at: now,
                    finished_at: None,
                    exit_code: 0,
                    signal: None,
                    reason: String::new(),
                    message: None,
                });
                let container = self.containers[c];
                r.started = container.startup_probe.is_none();
                r.readiness_ok = container.readiness_probe.is_none();
                r.liveness_failed = false;
                r.startup_failed = false;
                if !r.init {
                    self.flags.has_initialized = true;
                }
                self.record(events::started(&name, &fp));
                // PLEG sees the new container: the pod worker syncs again.
                self.sync_requested = true;
                for w in 0..self.workers.len() {
                    if self.workers[w].container == c {
                        self.workers[w].clear();
                        if self.workers[w].kind == ProbeKind::Readiness {
                            self.manual_probe(w);
                        }
                    }
                }
                if let Some(hook) = container
                    .lifecycle
                    .as_ref()
                    .and_then(|l| l.post_start.as_ref())
                {
                    let grace = self.pod_grace();
                    let (ok, _took) = self.run_hook(c, id, hook, grace);
                    if !ok {
                        self.record(events::failed_post_start(&fp));
                        let restart =
                            self.spec().restart_policy() != "Never" || self.records[c].sidecar;
                        self.begin_kill(c, "FailedPostStartHook", self.pod_grace(), restart, false);
                    }
                }
            }
            Err(e) => {
                // The runtime created the container but could not start its process.
                let id = (1u64 << 40) + r.instances.len() as u64 + (c as u64) * 1000;
                r.instances.push(Instance {
                    id,
                    started_at: now,
                    finished_at: Some(now),
                    exit_code: 128,
                    signal: None,
                    reason: "StartError".into(),
                    message: Some(e.message.clone()),
                });
                r.started = false;
                self.record(events::failed_error(&e.message, &fp));
                self.sync_requested = true;
            }
        }
        self.dirty = true;
        self.pump_starts();
    }

    fn pod_grace(&self) -> Millis {
        (self.spec().grace_seconds().max(0) as u64).saturating_mul(SECOND)
    }

    /// Run a lifecycle hook in container `c`; returns (succeeded, how long it took).
    fn run_hook(
        &mut self,
        c: usize,
        id: ContainerId,
        hook: &LifecycleHandler,
        budget: Millis,
    ) -> (bool, Millis) {
        if let Some(exec) = &hook.exec {
            let out = self
                .runtime
                .exec(id, &exec.command, budget.max(SECOND), self.now);
            let took = out.duration_ms.min(budget);
            return (out.exit_code == Some(0) && !out.could_not_start, took);
        }
        if let Some(sleep) = &hook.sleep {
            let took = (sleep.seconds.max(0) as u64).saturating_mul(SECOND);
            return (true, took.min(budget));
        }
        if let Some(http) = &hook.http_get {
            let port = match handlers::resolve_port(self.containers[c], &http.port) {
                Ok(p) => p,
                Err(_) => return (false, 0),
            };
            let req = HttpRequest {
                host: http.host.clone(),
                port,
                path: http.path.clone().unwrap_or_else(|| "/".into()),
                scheme: http.scheme.clone().unwrap_or_else(|| "HTTP".into()),
                headers: Vec::new(),
            };
            return match self.runtime.http_get(&req, self.now) {
                HttpOutcome::Response { status, .. } => ((200..400).contains(&status), 0),
                HttpOutcome::Error(_) => (false, 0),
            };
        }
        if let Some(tcp) = &hook.tcp_socket {
            let ok = handlers::resolve_port(self.containers[c], &tcp.port).is_ok_and(|p| {
                self.runtime
                    .tcp_connect(tcp.host.as_deref(), p, self.now)
                    .is_ok()
            });
            return (ok, 0);
        }
        (true, 0)
    }

    // ---- killing ------------------------------------------------------------------------

    fn begin_probe_kill(&mut self, k: Kill) {
        let grace = self.probe_grace(k.container);
        self.begin_kill(k.container, &k.message, grace, k.restart, false);
    }

    /// The grace period of a liveness/startup kill: the probe's own, else the pod's.
    fn probe_grace(&self, c: usize) -> Millis {
        let r = &self.records[c];
        let container = self.containers[c];
        let probe = if r.liveness_failed {
            container.liveness_probe.as_ref()
        } else {
            container.startup_probe.as_ref()
        };
        match probe.and_then(|p| p.termination_grace_period_seconds) {
            Some(s) => (s.max(0) as u64).saturating_mul(SECOND),
            None => self.pod_grace(),
        }
    }

    /// Stop container `c`: Killing event, preStop hook, SIGTERM, SIGKILL after the grace period.
    fn begin_kill(
        &mut self,
        c: usize,
        message: &str,
        grace: Millis,
        restart: bool,
        for_good: bool,
    ) {
        let Some(inst) = self.records[c].running_instance().cloned() else {
            return;
        };
        if self.records[c].kill.is_some() {
            return;
        }
        let fp = self.field_path(c);
        self.record(events::killing(message, &fp));
        let grace = grace.max(MIN_GRACE_PERIOD);
        let mut hook_ms = 0;
        if let Some(hook) = self.containers[c]
            .lifecycle
            .as_ref()
            .and_then(|l| l.pre_stop.as_ref())
        {
            let (ok, took) = self.run_hook(c, inst.id, hook, grace + PRESTOP_EXTENSION);
            if !ok {
                self.record(events::failed_pre_stop(&fp));
            }
            hook_ms = took;
        }
        let term_at = self.now + hook_ms.min(grace + PRESTOP_EXTENSION);
        let kill_at = if hook_ms >= grace {
            self.now + grace + PRESTOP_EXTENSION
        } else {
            self.now + grace
        };
        let previous_finish = self.records[c].last_exited().and_then(|i| i.finished_at);
        let r = &mut self.records[c];
        r.kill = Some(KillInFlight {
            instance: inst.id,
            term_at,
            kill_at,
            restart,
            previous_finish,
        });
        r.stopped_for_good |= for_good;
        self.at(term_at, Ev::Term { c, id: inst.id });
        self.at(kill_at, Ev::Kill { c, id: inst.id });
    }

    /// The whole pod stops: regular containers first, then sidecars in reverse order.
    fn begin_kill_pod(&mut self, grace: Option<Millis>) {
        if !self.killing_pod {
            self.killing_pod = true;
            self.kill_grace_override = grace;
            self.starts.clear();
        }
        self.continue_kill_pod();
    }

    fn continue_kill_pod(&mut self) {
        let grace = match (self.kill_grace_override, self.timeline.deletion) {
            (Some(g), _) => g,
            (None, Some(d)) => d.deletion_timestamp.saturating_sub(self.now),
            (None, None) => self.pod_grace(),
        };
        let regular_running: Vec<usize> = (0..self.records.len())
            .filter(|&c| !self.records[c].sidecar && self.records[c].is_running())
            .collect();
        if !regular_running.is_empty() {
            for c in regular_running {
                let msg = format!("Stopping container {}", self.records[c].name);
                self.begin_kill(c, &msg, grace, false, true);
            }
            return;
        }
        // Sidecars, last one first, one at a time.
        if let Some(c) = (0..self.records.len())
            .rev()
            .find(|&c| self.records[c].sidecar && self.records[c].is_running())
        {
            let msg = format!("Stopping container {}", self.records[c].name);
            self.begin_kill(c, &msg, grace, false, true);
            return;
        }
        if self.records.iter().any(|r| r.starting) {
            return;
        }
        // Everything has stopped: the pod is terminal, its sandbox goes away.
        self.flags.terminal = true;
        self.flags.sandbox_ready = false;
        self.dirty = true;
        if let Some(d) = self.timeline.deletion.as_mut() {
            if d.deleted_at.is_none() {
                d.deleted_at = Some(self.now);
            }
        }
    }

    // ---- probes -------------------------------------------------------------------------

    /// Run a worker now, outside its grid (readiness when a container starts, or after the
    /// startup probe succeeds), and restart its ticker from here.
    fn manual_probe(&mut self, w: usize) {
        self.worker_generation[w] += 1;
        self.workers[w].next_tick = self.now;
        self.push_tick(w, self.now);
    }

    fn probe_tick(&mut self, w: usize, generation: u64) {
        if generation != self.worker_generation[w] {
            return;
        }
        self.tick_seq[w] = None;
        if self.flags.terminal {
            return;
        }
        let kind = self.workers[w].kind;
        let c = self.workers[w].container;
        let deleting = self.timeline.deletion.is_some() || self.killing_pod;
        let running = self.records[c]
            .running_instance()
            .map(|i| (i.id, i.started_at));
        let started = self.records[c].started;
        let plan = if deleting && kind != ProbeKind::Readiness {
            TickPlan::Skip
        } else {
            self.workers[w].plan(self.now, running, started)
        };
        if plan == TickPlan::Probe {
            if let Some((id, _)) = running {
                self.run_worker_probe(w, c, id);
            }
        }
        let worker = &mut self.workers[w];
        if worker.next_tick <= self.now {
            worker.advance_tick(self.now);
        }
        let next = worker.next_tick;
        self.push_tick(w, next);
    }

    fn run_worker_probe(&mut self, w: usize, c: usize, id: ContainerId) {
        let kind = self.workers[w].kind;
        let probe = self.worker_probes[w];
        let container = self.containers[c];
        let epoch = self.runtime.epoch();
        let outcome = run_probe(&mut self.runtime, probe, container, id, self.now);
        // The same world (nothing changed, not even by this probe) gives the same answer,
        // until the next instant at which answers change by time alone.
        self.steady[w] = (self.runtime.epoch() == epoch).then(|| fast_forward::Steady {
            epoch,
            instance: id,
            valid_until: self
                .runtime
                .answers_stable_until(self.now)
                .unwrap_or(Millis::MAX),
            result: outcome.result,
            output: outcome.output.clone(),
        });
        match outcome.result {
            ProbeResult::Failure => {
                let fp = self.field_path(c);
                self.record(events::unhealthy(kind.title(), &outcome.output, &fp))
            }
            ProbeResult::Unknown => {
                let fp = self.field_path(c);
                self.record(events::probe_errored(kind.title(), &outcome.output, &fp))
            }
            ProbeResult::Success => {}
        }
        self.timeline.probes.push(ProbeRecord {
            t_ms: self.now,
            container: self.container_names[c].clone(),
            probe: kind,
            result: outcome.result,
            output: outcome.output,
        });
        let changed = self.workers[w].record(outcome.result);
        let cached = self.workers[w].cached;
        let r = &mut self.records[c];
        match kind {
            ProbeKind::Readiness => {
                let ok = cached == Some(ProbeResult::Success);
                if r.readiness_ok != ok {
                    r.readiness_ok = ok;
                    self.dirty = true;
                }
            }
            ProbeKind::Liveness => {
                if changed == Some(ProbeResult::Failure) {
                    r.liveness_failed = true;
                    self.sync_requested = true;
                }
            }
            ProbeKind::Startup => match changed {
                Some(ProbeResult::Success) => {
                    r.started = true;
                    self.dirty = true;
                    self.sync_requested = true;
                    for other in 0..self.workers.len() {
                        if self.workers[other].container == c
                            && self.workers[other].kind == ProbeKind::Readiness
                        {
                            self.manual_probe(other);
                        }
                    }
                }
                Some(ProbeResult::Failure) => {
                    r.startup_failed = true;
                    self.sync_requested = true;
                }
                _ => {}
            },
        }
    }

    // ---- the world around the pod --------------------------------------------------------

    fn container_index(&self, name: &str) -> Option<usize> {
        self.records.iter().position(|r| r.name == name)
    }

    fn fault(&mut self, i: usize) {
        let Some(f) = self.scenario.events.get(i) else {
            return;
        };
        match &f.action {
            Action::CreateService { name } => {
                let ip = service_ip(name);
                let ns = self.namespace();
                self.runtime.add_service(name, ns, &ip);
            }
            Action::KillContainer { container } => {
                if self.kubelet_lost {
                    return;
                }
                if let Some(id) = self
                    .container_index(container)
                    .and_then(|c| self.records[c].running_instance().map(|i| i.id))
                {
                    self.runtime.signal(id, Signal::Kill, self.now);
                }
            }
            Action::FailEndpoint { port, path, status } => {
                self.runtime.break_endpoint(*port, path, *status, self.now);
            }
            Action::RemoveFile { container, path } => {
                if let Some(id) = self
                    .container_index(container)
                    .and_then(|c| self.records[c].running_instance().map(|i| i.id))
                {
                    self.runtime.remove_file(id, path);
                }
            }
            Action::CreateFile {
                container,
                path,
                content,
            } => {
                if let Some(id) = self
                    .container_index(container)
                    .and_then(|c| self.records[c].running_instance().map(|i| i.id))
                {
                    self.runtime.write_file(id, path, content);
                }
            }
            Action::LoseNode => {
                if self.kubelet_lost || !self.flags.scheduled {
                    return;
                }
                self.kubelet_lost = true;
                self.at(self.now + NODE_MONITOR_GRACE, Ev::NodeNotReady);
            }
            Action::DeletePod {
                grace_period_seconds,
            } => self.delete_pod(*grace_period_seconds),
        }
    }

    fn delete_pod(&mut self, grace_override: Option<i64>) {
        if self.timeline.deletion.is_some() {
            return;
        }
        let mut grace_s = grace_override.unwrap_or_else(|| self.spec().grace_seconds());
        if grace_s < 0 {
            grace_s = 1;
        }
        let terminal = matches!(
            self.last_status.as_ref().map(|s| s.phase.as_str()),
            Some("Succeeded") | Some("Failed")
        );
        if !self.flags.scheduled || terminal {
            grace_s = 0;
        }
        let grace = (grace_s as u64).saturating_mul(SECOND);
        self.timeline.deletion = Some(Deletion {
            requested_at: self.now,
            deletion_timestamp: self.now + grace,
            grace_period_seconds: grace_s,
            deleted_at: if grace_s == 0 && (!self.flags.scheduled || terminal) {
                Some(self.now)
            } else {
                None
            },
        });
        self.dirty = true;
        if self.kubelet_lost || !self.flags.scheduled || terminal {
            return;
        }
        self.begin_kill_pod(None);
    }

    fn deadline(&mut self) {
        if self.flags.terminal || self.killing_pod {
            return;
        }
        self.flags.reason = Some("DeadlineExceeded".into());
        self.flags.message =
            Some("Pod was active on the node longer than the specified deadline".into());
        self.record(events::deadline_exceeded());
        self.dirty = true;
        if let Some(last) = &self.last_status {
            let unready = |v: &Vec<crate::model::ContainerStatus>| {
                v.iter()
                    .cloned()
                    .map(|mut c| {
                        c.ready = false;
                        c
                    })
                    .collect::<Vec<_>>()
            };
            self.frozen_containers = Some((
                unready(&last.init_container_statuses),
                unready(&last.container_statuses),
            ));
        }
        self.begin_kill_pod(None);
    }

    fn node_not_ready(&mut self) {
        self.flags.node_not_ready = true;
        self.record(events::node_not_ready());
        self.dirty = true;
        // The unreachable:NoExecute taint: evicted after the toleration's seconds.
        let toleration = self
            .spec()
            .tolerations
            .iter()
            .find(|t| t.tolerates("node.kubernetes.io/unreachable", "", "NoExecute"));
        match toleration {
            None => self.at(self.now, Ev::Evict),
            Some(t) => {
                if let Some(s) = t.toleration_seconds {
                    let t = self.now + (s.max(0) as u64).saturating_mul(SECOND);
                    self.at(t, Ev::Evict);
                }
            }
        }
    }

    fn evict(&mut self) {
        if self.timeline.deletion.is_some() {
            return;
        }
        let name = self.pod_name();
        let e = events::taint_eviction(self.namespace(), &name);
        self.record(e);
        self.flags.disruption = Some((
            "DeletionByTaintManager".into(),
            "Taint manager: deleting due to NoExecute taint".into(),
        ));
        self.delete_pod(None);
    }
}

fn image_error_text(e: &ImageError) -> String {
    match e {
        ImageError::InvalidImageName(m) | ImageError::NotFound(m) => m.clone(),
    }
}

/// `$(VAR)` references in env values, expanded from the variables defined before.
fn expand_env_refs(value: &str, env: &[(String, String)]) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find("$(") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(')') {
            Some(j) => {
                let name = &after[..j];
                match env.iter().rev().find(|(k, _)| k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push_str("$(");
                        out.push_str(name);
                        out.push(')');
                    }
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_refs_expand() {
        let env = vec![("A".to_string(), "x".to_string())];
        assert_eq!(expand_env_refs("$(A)-$(B)", &env), "x-$(B)");
    }
}
