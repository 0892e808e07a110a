//! The discrete-event engine: one node running one Pod in virtual time. It owns the runtime,
//! the kubelet's bookkeeping and the event queue, and applies what the kubelet's pure
//! decision functions (`crate::kubelet`) decide, recording events as it goes. Each file is
//! one part of the kubelet or of the world around it:
//!
//! - `event_loop`: the loop over the queue, dispatching each happening, taking in the
//!   runtime's exits and writing the status (the status manager's side).
//! - `sync_pod`: one pod-worker sync — status first, then `pod_actions::compute` and
//!   applying its actions (kuberuntime SyncPod).
//! - `start_container`: the start actions of a sync, one at a time: back-off, image pull,
//!   create and start (kuberuntime startContainer).
//! - `container_config`: what a container is created with: environment, command, mounts.
//! - `volumes`: the pod's volumes as the runtime mounts them.
//! - `hooks`: postStart and preStop.
//! - `killing`: stopping a container (grace period, preStop, SIGTERM, SIGKILL) and the whole
//!   pod (regular containers, then sidecars last-first).
//! - `prober_manager`: one probe worker per (container, probe), ticking on its grid.
//! - `fast_forward`: steady stretches of probe ticks recorded at once.
//! - `controllers`: what runs outside the kubelet — the scheduler, deletion, the active
//!   deadline, the node controller and taint eviction.
//! - `faults`: the scenario's timed faults.
//! - `causes`: what the engine remembers to give every decision its cause (`crate::why`),
//!   and the causes of each status field that changed.

mod causes;
mod container_config;
mod controllers;
mod event_loop;
mod fast_forward;
mod faults;
mod hooks;
mod killing;
mod prober_manager;
mod start_container;
mod sync_pod;
mod volumes;

use std::rc::Rc;

use super::queue::Queue;
use super::scenario::Scenario;
use super::timeline::Timeline;
use crate::cluster::Cluster;
use crate::ids::{pod_ip, pod_uid, service_ip};
use crate::kubelet::backoff::Backoff;
use crate::kubelet::constants::BACKOFF_RESET_AFTER;
use crate::kubelet::container_record::ContainerRecord;
use crate::kubelet::events::{self, Event};
use crate::kubelet::image_manager::PullBackoffs;
use crate::kubelet::scheduler::Node;
use crate::kubelet::status::PodState;
use crate::model::{Container, ContainerStatus, Manifest, PodSpec, PodStatus};
use crate::runtime::{ContainerId, Runtime, RuntimeConfig};
use crate::time::Millis;
use prober_manager::ProbeWorker;
use start_container::StartQueue;

/// `repository@sha256:…` of `image`, as the status shows it (empty for an image the
/// registry does not know).
fn image_id(extra_images: &[crate::runtime::ImageSpec], image: &str) -> String {
    crate::runtime::images::lookup(extra_images, image)
        .map(|(_, info)| format!("{}@{}", info.repository, info.digest))
        .unwrap_or_default()
}

/// Things that happen at an instant, in the event queue.
#[derive(Debug, Clone)]
enum Happening {
    /// The scheduler tries to bind the pod.
    Schedule,
    /// The pod sandbox (and its network) is up.
    SandboxReady,
    /// The pod worker syncs (a requeue after an error or a back-off).
    Sync,
    /// The image pull for `container` ended.
    PullDone {
        container: usize,
        pull: start_container::Pull,
    },
    /// Create and start `container` (its image is there).
    Start { container: usize },
    /// A tick of probe worker `worker`, valid while its generation is `generation`.
    ProbeTick { worker: usize, generation: u64 },
    /// The next step of the kill of `instance` of `container` (its preStop hook returned, or
    /// a sidecar's wait for its turn ended).
    KillStep {
        container: usize,
        instance: ContainerId,
    },
    /// The postStart hook of `instance` of `container` returns: its sync goes on.
    PostStartDone {
        container: usize,
        instance: ContainerId,
    },
    /// `container`'s preStop hook fails now.
    PreStopFailed { container: usize },
    /// SIGKILL to `instance` of `container`, if it still runs.
    Kill {
        container: usize,
        instance: ContainerId,
    },
    /// A process of the runtime acts by itself now.
    RuntimeWake,
    /// The scenario's fault number `index`.
    Fault { index: usize },
    /// The node controller marks the silent node NotReady.
    NodeNotReady,
    /// The taint eviction controller deletes the pod.
    Evict,
    /// activeDeadlineSeconds has passed.
    Deadline,
}

/// The pod being run, as the engine reads it: the manifest and scenario, and per container
/// (init containers first) its spec and its name.
struct PodContext<'a> {
    manifest: &'a Manifest,
    scenario: &'a Scenario,
    containers: Vec<&'a Container>,
    /// Container names, shared by every probe record.
    names: Vec<Rc<str>>,
    /// `NAME_NAMESPACE(UID)`, as back-off messages name the pod.
    pod_ref: String,
}

impl<'a> PodContext<'a> {
    fn spec(&self) -> &'a PodSpec {
        &self.manifest.pod.spec
    }

    fn name(&self) -> String {
        self.manifest.pod.metadata.effective_name()
    }

    fn namespace(&self) -> &'a str {
        self.manifest.pod.metadata.effective_namespace()
    }
}

/// The status manager's state: whether a new status is due (the last one written is the
/// timeline's last snapshot), and the container statuses frozen when the active deadline
/// failed the pod.
#[derive(Default)]
struct StatusWriter {
    due: bool,
    /// After activeDeadlineSeconds the kubelet writes the Failed status once, with the
    /// container statuses of that moment (marked not ready), and does not update them again.
    frozen: Option<FrozenStatuses>,
}

struct FrozenStatuses {
    init: Vec<ContainerStatus>,
    app: Vec<ContainerStatus>,
}

/// The pod worker's requests: a sync due at this instant, the earliest requeue pending, and
/// whether a sync is blocked (in a postStart hook): nothing else of the pod is synced, and no
/// status is written, until it returns.
#[derive(Default)]
struct PodWorker {
    sync_now: bool,
    next_sync: Option<Millis>,
    sandbox_requested: bool,
    blocked: bool,
}

pub struct Engine<'a> {
    pod: PodContext<'a>,
    /// The cluster the pod runs on: version, feature gates, kubelet settings.
    cluster: Cluster,
    runtime: Runtime,
    /// The instant a RuntimeWake is queued for, if any.
    runtime_wake: Option<Millis>,
    nodes: Vec<Node>,
    queue: Queue<Happening>,
    now: Millis,
    until: Millis,
    /// Record steady stretches at once (off: every tick runs its handler; the reference).
    fast_forward: bool,
    timeline: Timeline,
    // The kubelet.
    records: Vec<ContainerRecord>,
    state: PodState,
    status: StatusWriter,
    worker: PodWorker,
    starts: StartQueue,
    pulls: PullBackoffs,
    probes: Vec<ProbeWorker<'a>>,
    /// The whole pod is being stopped (deleted, deadline, or all regular containers done).
    stopping_pod: bool,
    /// The node stopped reporting: the kubelet's decisions no longer reach the API.
    node_lost: bool,
    /// The causes the next decisions follow from.
    why: causes::Why,
}

impl<'a> Engine<'a> {
    pub fn new(manifest: &'a Manifest, scenario: &'a Scenario, until: Millis) -> Self {
        let pod = &manifest.pod;
        let name = pod.metadata.effective_name();
        let namespace = pod.metadata.effective_namespace().to_string();
        let uid = pod_uid(&namespace, &name);
        let containers: Vec<&Container> = pod.spec.all_containers().map(|(c, _)| c).collect();
        let extra_images = &scenario.images;
        // `simulate` refused a cluster that does not start.
        let cluster = scenario
            .cluster
            .resolve()
            .unwrap_or_else(|_| Cluster::of(scenario.cluster.version()));
        let (backoff_initial, backoff_max) = cluster.crash_loop_backoff();
        let records = pod
            .spec
            .all_containers()
            .map(|(c, init)| {
                let mut r =
                    ContainerRecord::new(&c.name, init, init && c.is_restartable(), c.image());
                r.image_id = image_id(extra_images, c.image());
                r.backoff = Backoff::new(backoff_initial, backoff_max, BACKOFF_RESET_AFTER);
                r
            })
            .collect();
        let probes = prober_manager::workers(&containers);
        let mut runtime = Runtime::new(RuntimeConfig {
            pod_name: name.clone(),
            namespace: namespace.clone(),
            pod_ip: pod_ip(&uid),
            node_name: String::new(),
            volumes: volumes::volumes(manifest, &namespace),
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
            runtime.add_service(&svc_name, &ip);
        }
        let mut timeline = Timeline::new(manifest.clone(), uid.clone());
        timeline.until = until;
        timeline.faults = scenario.events.clone();
        let why = causes::Why::new(containers.len());
        timeline.kubernetes = cluster.version;
        let state = PodState {
            no_ready_to_start_condition: !cluster
                .enabled(crate::cluster::Gate::PodReadyToStartContainersCondition),
            ..Default::default()
        };
        Engine {
            cluster,
            pod: PodContext {
                manifest,
                scenario,
                names: containers
                    .iter()
                    .map(|c| Rc::from(c.name.as_str()))
                    .collect(),
                containers,
                pod_ref: format!("{name}_{namespace}({uid})"),
            },
            runtime,
            runtime_wake: None,
            nodes: scenario.nodes(),
            queue: Queue::default(),
            now: 0,
            until,
            fast_forward: true,
            timeline,
            records,
            state,
            status: StatusWriter {
                due: true,
                ..Default::default()
            },
            worker: PodWorker::default(),
            starts: StartQueue::default(),
            pulls: PullBackoffs::default(),
            probes,
            stopping_pod: false,
            node_lost: false,
            why,
        }
    }

    /// Run every probe tick through its handler, one by one: no fast-forward through steady
    /// stretches. Slower; the reference the fast path is tested against.
    pub fn exhaustive(mut self) -> Self {
        self.fast_forward = false;
        self
    }

    /// The event's `spec.containers{NAME}` field path for container `c`.
    fn field_path(&self, c: usize) -> String {
        events::field_path(&self.records[c].name, self.records[c].init)
    }

    /// Record event `e` now, because of `cause`.
    fn record(&mut self, e: Event, cause: crate::why::CauseId) {
        self.timeline.record_event(self.now, e, cause);
    }

    fn at(&mut self, t: Millis, h: Happening) {
        self.queue.push(t.max(self.now), h);
    }

    /// The last status written (the status manager's cache, and the API's copy).
    fn last_status(&self) -> Option<&PodStatus> {
        self.timeline.snapshots.last().map(|s| &s.status)
    }

    /// Whether the pod is being deleted or stopped as a whole.
    fn stopping(&self) -> bool {
        self.timeline.deletion.is_some() || self.stopping_pod
    }

    /// The running instance of container `c`, if any.
    fn running_instance(&self, c: usize) -> Option<ContainerId> {
        self.records[c].running_instance().map(|i| i.id)
    }
}
