//! PodStatus as the kubelet reports it, with Kubernetes' JSON names. Times are milliseconds
//! since the Pod was created (podsim's virtual clock), not wall-clock timestamps.

use super::string_enum::string_enum;
use serde::{Deserialize, Serialize};

pub type Millis = u64;

string_enum! {
    /// `status.phase`.
    #[derive(Default)]
    pub enum PodPhase {
        #[default]
        Pending = "Pending",
        Running = "Running",
        Succeeded = "Succeeded",
        Failed = "Failed",
        Unknown = "Unknown",
    }
}

impl PodPhase {
    /// Succeeded or Failed: a pod never leaves these.
    pub fn is_terminal(self) -> bool {
        matches!(self, PodPhase::Succeeded | PodPhase::Failed)
    }
}

string_enum! {
    /// `status.reason` of the pod as a whole.
    pub enum PodReason {
        /// activeDeadlineSeconds passed (the kubelet's active deadline handler).
        DeadlineExceeded = "DeadlineExceeded",
    }
}

string_enum! {
    /// A condition's `type`, in the order the kubelet writes them.
    pub enum ConditionType {
        DisruptionTarget = "DisruptionTarget",
        PodReadyToStartContainers = "PodReadyToStartContainers",
        Initialized = "Initialized",
        Ready = "Ready",
        ContainersReady = "ContainersReady",
        PodScheduled = "PodScheduled",
    }
}

string_enum! {
    /// A condition's `status`.
    pub enum ConditionStatus {
        True = "True",
        False = "False",
        Unknown = "Unknown",
    }
}

impl ConditionStatus {
    pub fn from_bool(ok: bool) -> Self {
        if ok {
            ConditionStatus::True
        } else {
            ConditionStatus::False
        }
    }
}

string_enum! {
    /// A condition's `reason` (pkg/kubelet/status/generate.go, the scheduler, the taint
    /// eviction controller).
    pub enum ConditionReason {
        ContainersNotReady = "ContainersNotReady",
        ContainersNotInitialized = "ContainersNotInitialized",
        PodCompleted = "PodCompleted",
        PodFailed = "PodFailed",
        UnknownContainerStatuses = "UnknownContainerStatuses",
        Unschedulable = "Unschedulable",
        DeletionByTaintManager = "DeletionByTaintManager",
    }
}

string_enum! {
    /// Why a container is waiting (`state.waiting.reason`).
    pub enum WaitingReason {
        ContainerCreating = "ContainerCreating",
        PodInitializing = "PodInitializing",
        CrashLoopBackOff = "CrashLoopBackOff",
        ErrImagePull = "ErrImagePull",
        ImagePullBackOff = "ImagePullBackOff",
        ErrImageNeverPull = "ErrImageNeverPull",
        InvalidImageName = "InvalidImageName",
        CreateContainerConfigError = "CreateContainerConfigError",
        /// The postStart hook failed (kuberuntime `ErrPostStartHook`).
        PostStartHookError = "PostStartHookError",
    }
}

string_enum! {
    /// Why a container terminated (`state.terminated.reason`).
    pub enum TerminatedReason {
        /// Exited 0.
        Completed = "Completed",
        /// Exited non-zero, or was killed by a signal.
        Error = "Error",
        /// Killed by the kernel for going over its memory limit.
        OOMKilled = "OOMKilled",
        /// Created, but its process could not be started.
        StartError = "StartError",
    }
}

impl TerminatedReason {
    /// What the runtime reports for an exit with `code` that no OOM kill caused.
    pub fn of_exit(code: i32) -> Self {
        if code == 0 {
            TerminatedReason::Completed
        } else {
            TerminatedReason::Error
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodStatus {
    pub phase: PodPhase,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<PodCondition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<PodReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(rename = "hostIP", default, skip_serializing_if = "Option::is_none")]
    pub host_ip: Option<String>,
    #[serde(rename = "podIP", default, skip_serializing_if = "Option::is_none")]
    pub pod_ip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Millis>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub init_container_statuses: Vec<ContainerStatus>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub container_statuses: Vec<ContainerStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qos_class: Option<String>,
}

impl PodStatus {
    pub fn condition(&self, type_: ConditionType) -> Option<&PodCondition> {
        self.conditions.iter().find(|c| c.type_ == type_)
    }
    pub fn condition_true(&self, type_: ConditionType) -> bool {
        self.condition(type_)
            .is_some_and(|c| c.status == ConditionStatus::True)
    }
    pub fn container(&self, name: &str) -> Option<&ContainerStatus> {
        self.init_container_statuses
            .iter()
            .chain(self.container_statuses.iter())
            .find(|c| c.name == name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PodCondition {
    #[serde(rename = "type")]
    pub type_: ConditionType,
    pub status: ConditionStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ConditionReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_transition_time: Option<Millis>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStatus {
    pub name: String,
    pub state: ContainerState,
    #[serde(default)]
    pub last_state: ContainerState,
    pub ready: bool,
    pub restart_count: u32,
    pub image: String,
    #[serde(default, rename = "imageID")]
    pub image_id: String,
    #[serde(
        default,
        rename = "containerID",
        skip_serializing_if = "Option::is_none"
    )]
    pub container_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerState {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting: Option<ContainerStateWaiting>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running: Option<ContainerStateRunning>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminated: Option<ContainerStateTerminated>,
}

impl ContainerState {
    pub fn is_empty(&self) -> bool {
        self.waiting.is_none() && self.running.is_none() && self.terminated.is_none()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStateWaiting {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<WaitingReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStateRunning {
    pub started_at: Millis,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContainerStateTerminated {
    pub exit_code: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<TerminatedReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub started_at: Millis,
    pub finished_at: Millis,
    #[serde(
        default,
        rename = "containerID",
        skip_serializing_if = "Option::is_none"
    )]
    pub container_id: Option<String>,
}
