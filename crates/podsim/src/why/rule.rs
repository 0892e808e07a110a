//! The rules the simulated kubelet (and the scheduler and controllers around it) apply, each
//! with a stable id (`liveness-kill`), one sentence in English and Korean, and the upstream
//! function it mirrors (`computePodActions`, `doBackOff`, `getPhase`…). A recorded cause
//! names its rule; the text is looked up only when an explanation is shown.

use crate::model::string_enum::string_enum;
use crate::text::Text;

string_enum! {
    /// A rule the simulation applied; the word is its stable id.
    pub enum Rule {
        // The pod object and the scheduler.
        PodCreated = "pod-created",
        Scheduled = "scheduled",
        Unschedulable = "unschedulable",
        NodeNameSet = "node-name-set",
        NodeNameUnknown = "node-name-unknown",
        SandboxReady = "sandbox-ready",
        // Starting containers (computePodActions).
        StartFirst = "start-first",
        StartAfterInit = "start-after-init",
        InitInOrder = "init-in-order",
        SidecarStart = "sidecar-start",
        RestartPolicy = "restart-policy",
        RestartInit = "restart-failed-init",
        SidecarRestart = "sidecar-restart",
        RestartAfterKill = "restart-after-kill",
        CrashLoopBackOff = "crash-loop-back-off",
        // Images.
        ImagePresent = "image-present",
        ImagePull = "image-pull",
        ImagePulled = "image-pulled",
        ImagePullFailed = "image-pull-failed",
        ImagePullBackOff = "image-pull-back-off",
        ImageNeverPull = "image-never-pull",
        InvalidImageName = "invalid-image-name",
        // The container runtime.
        ContainerConfigError = "container-config-error",
        StartError = "start-error",
        ExitCompleted = "exit-completed",
        ExitError = "exit-error",
        OomKilled = "oom-killed",
        ExitOnSigterm = "exit-on-sigterm",
        SigkillAfterGrace = "sigkill-after-grace",
        KilledOutside = "killed-outside",
        WaitingToCreate = "waiting-container-creating",
        WaitingForInit = "waiting-pod-initializing",
        // Probes (prober worker.doProbe, the thresholds).
        ProbeFailed = "probe-failed",
        ProbeErrored = "probe-errored",
        ProbeSucceeded = "probe-succeeded",
        LivenessFailed = "liveness-failed",
        StartupFailed = "startup-failed",
        StartupSucceeded = "startup-succeeded",
        ReadinessFailed = "readiness-failed",
        ReadinessSucceeded = "readiness-succeeded",
        // Stopping containers (killContainer) and hooks.
        LivenessKill = "liveness-kill",
        StartupKill = "startup-kill",
        PostStartHookFailed = "post-start-hook-failed",
        PostStartKill = "post-start-kill",
        PreStopHookFailed = "pre-stop-hook-failed",
        PodDoneStop = "pod-done-stop",
        InitFailedStop = "init-failed-stop",
        DeletionStop = "deletion-stop",
        DeadlineStop = "deadline-stop",
        // Outside the kubelet.
        PodDeleted = "pod-deleted",
        PodRemoved = "pod-removed",
        DeadlineExceeded = "deadline-exceeded",
        NodeLost = "node-lost",
        NodeNotReady = "node-not-ready",
        TaintEviction = "taint-eviction",
        ScenarioFault = "scenario-fault",
        FileChanged = "file-changed",
        // The status (getPhase, the conditions).
        PhasePendingUnscheduled = "phase-pending-unscheduled",
        PhasePendingInit = "phase-pending-init",
        PhasePendingWaiting = "phase-pending-waiting",
        PhaseRunning = "phase-running",
        PhaseRunningRestarting = "phase-running-restarting",
        PhaseSucceeded = "phase-succeeded",
        PhaseFailed = "phase-failed",
        PhaseFailedInit = "phase-failed-init",
        PhaseFailedDeadline = "phase-failed-deadline",
        PhaseKeptTerminal = "phase-kept-terminal",
        ContainersReady = "containers-ready",
        ContainersNotReady = "containers-not-ready",
        PodReady = "pod-ready",
        PodNotReadyNodeLost = "pod-not-ready-node-lost",
        Initialized = "initialized",
        NotInitialized = "not-initialized",
        PodScheduledCondition = "pod-scheduled",
        SandboxCondition = "ready-to-start-containers",
        SandboxGone = "sandbox-gone",
        DisruptionTarget = "disruption-target",
    }
}

impl Rule {
    /// The stable id (`liveness-kill`).
    pub fn id(self) -> &'static str {
        self.as_str()
    }

    /// The upstream function (or component) this rule mirrors, for the curious.
    pub fn mirrors(self) -> &'static str {
        use Rule::*;
        match self {
            PodCreated => "kube-apiserver: create",
            Scheduled | Unschedulable => "kube-scheduler schedulePod (Filter plugins)",
            NodeNameSet | NodeNameUnknown => "kubelet HandlePodAdditions (spec.nodeName)",
            SandboxReady => "kuberuntime computePodActions → createPodSandbox",
            StartFirst | StartAfterInit | RestartPolicy | RestartAfterKill => {
                "kuberuntime computePodActions"
            }
            InitInOrder | RestartInit | SidecarStart | SidecarRestart => {
                "kuberuntime computeInitContainerActions"
            }
            CrashLoopBackOff => "kuberuntime doBackOff",
            ImagePresent | ImagePull | ImagePulled | ImagePullFailed | ImageNeverPull
            | InvalidImageName => "images imageManager.EnsureImageExists",
            ImagePullBackOff => "images imageManager.EnsureImageExists (backOff)",
            ContainerConfigError => "kuberuntime generateContainerConfig",
            StartError => "kuberuntime startContainer",
            ExitCompleted | ExitError | OomKilled | KilledOutside => {
                "container runtime (PLEG ContainerDied)"
            }
            ExitOnSigterm | SigkillAfterGrace => "kuberuntime killContainer",
            WaitingToCreate | WaitingForInit => "kubelet convertToAPIContainerStatuses",
            ProbeFailed | ProbeErrored | ProbeSucceeded => "prober worker.doProbe",
            LivenessFailed | StartupFailed | StartupSucceeded | ReadinessFailed
            | ReadinessSucceeded => "prober worker.doProbe (thresholds)",
            LivenessKill | StartupKill | PostStartKill | PodDoneStop | InitFailedStop
            | DeletionStop | DeadlineStop => "kuberuntime killContainer",
            PostStartHookFailed | PreStopHookFailed => "lifecycle handlerRunner.Run",
            PodDeleted => "kube-apiserver: delete (graceful)",
            PodRemoved => "kubelet status manager: canBeDeleted",
            DeadlineExceeded => "kubelet activeDeadlineHandler",
            NodeLost => "scenario: the node stops reporting",
            NodeNotReady => "node lifecycle controller (monitorNodeHealth)",
            TaintEviction => "taint eviction controller",
            ScenarioFault | FileChanged => "scenario / container runtime",
            PhasePendingUnscheduled
            | PhasePendingInit
            | PhasePendingWaiting
            | PhaseRunning
            | PhaseRunningRestarting
            | PhaseSucceeded
            | PhaseFailed
            | PhaseFailedInit => "kubelet getPhase",
            PhaseFailedDeadline | PhaseKeptTerminal => "kubelet generateAPIPodStatus",
            ContainersReady | ContainersNotReady => "status GenerateContainersReadyCondition",
            PodReady | PodNotReadyNodeLost => "status GeneratePodReadyCondition",
            Initialized | NotInitialized => "status GeneratePodInitializedCondition",
            PodScheduledCondition => "kube-scheduler bind / kubelet",
            SandboxCondition | SandboxGone => "status GeneratePodReadyToStartContainersCondition",
            DisruptionTarget => "taint eviction controller (DisruptionTarget)",
        }
    }

    /// The rule in one sentence.
    pub fn sentence(self) -> Text {
        use Rule::*;
        let (en, ko) = match self {
            PodCreated => (
                "The apiserver stored the Pod; the scheduler and then a kubelet take it from there.",
                "apiserver가 파드를 저장함. 이후 스케줄러와 kubelet이 이어받음.",
            ),
            Scheduled => (
                "The scheduler binds the Pod to the first node that passes every filter: taints, node selector, free resources.",
                "스케줄러는 테인트, 노드 셀렉터, 남은 리소스 필터를 모두 통과한 노드에 파드를 바인딩함.",
            ),
            Unschedulable => (
                "No node passes the scheduler's filters: the Pod stays Pending and the scheduler retries later.",
                "스케줄러 필터를 통과하는 노드가 없으면 파드는 Pending에 머물고 스케줄러가 나중에 다시 시도함.",
            ),
            NodeNameSet => (
                "spec.nodeName bypasses the scheduler: the named node's kubelet runs the Pod.",
                "spec.nodeName을 쓰면 스케줄러를 거치지 않고 그 노드의 kubelet이 파드를 실행함.",
            ),
            NodeNameUnknown => (
                "spec.nodeName names a node that does not exist: no kubelet ever picks the Pod up, so it stays Pending.",
                "spec.nodeName이 없는 노드를 가리키면 어떤 kubelet도 파드를 맡지 않아 계속 Pending임.",
            ),
            SandboxReady => (
                "Before any container, the kubelet creates the Pod sandbox with its network (the Pod IP).",
                "kubelet은 컨테이너보다 먼저 네트워크(파드 IP)를 갖춘 파드 샌드박스를 만듦.",
            ),
            StartFirst => (
                "A container that has never run is started once the sandbox is up.",
                "한 번도 실행되지 않은 컨테이너는 샌드박스가 준비되면 시작됨.",
            ),
            StartAfterInit => (
                "App containers start only after every init container has completed (and every sidecar has started).",
                "앱 컨테이너는 모든 초기화 컨테이너가 완료되고 사이드카가 시작된 뒤에야 시작됨.",
            ),
            InitInOrder => (
                "Init containers run one at a time, in the order listed; each starts only after the one before it exits 0.",
                "초기화 컨테이너는 나열된 순서대로 하나씩 실행됨. 앞의 컨테이너가 종료 코드 0으로 끝나야 다음이 시작됨.",
            ),
            SidecarStart => (
                "An init container with restartPolicy: Always is a sidecar: it starts in its turn and keeps running; the next container waits until it has started.",
                "restartPolicy: Always인 초기화 컨테이너는 사이드카임. 차례가 되면 시작해 계속 실행되고, 다음 컨테이너는 사이드카가 시작될 때까지 기다림.",
            ),
            RestartPolicy => (
                "An exited container is started again when the Pod's restartPolicy allows it: Always for any exit code, OnFailure for a non-zero one.",
                "종료된 컨테이너는 파드의 restartPolicy가 허용하면 다시 시작됨. Always는 종료 코드와 상관없이, OnFailure는 0이 아닐 때만 재시작함.",
            ),
            RestartInit => (
                "A failed init container is run again (restartPolicy Always or OnFailure) before anything after it.",
                "실패한 초기화 컨테이너는 restartPolicy가 Always나 OnFailure이면 뒤의 컨테이너보다 먼저 다시 실행됨.",
            ),
            SidecarRestart => (
                "A sidecar is restarted whenever it exits, whatever the Pod's restartPolicy.",
                "사이드카는 파드의 restartPolicy와 상관없이 종료될 때마다 다시 시작됨.",
            ),
            RestartAfterKill => (
                "A container killed for a failed liveness or startup probe is started again in the same sync, with no back-off wait: back-off counts from a container that exited by itself.",
                "livenessProbe나 startupProbe 실패로 종료시킨 컨테이너는 같은 동기화에서 백오프 대기 없이 다시 시작됨. 백오프는 스스로 종료된 컨테이너를 기준으로 셈.",
            ),
            CrashLoopBackOff => (
                "After an exit, the kubelet waits before the next restart: by default 10s, doubling after each restart up to 5m (the cluster's version and kubelet settings can change both numbers), reset once the container has run for 10 minutes.",
                "종료 뒤 kubelet은 다음 재시작까지 기다림. 기본값은 10s에서 시작해 재시작마다 두 배로 늘고 최대 5m이며(클러스터 버전과 kubelet 설정에 따라 두 값이 달라질 수 있음), 컨테이너가 10분 동안 실행되면 초기화됨.",
            ),
            ImagePresent => (
                "With imagePullPolicy IfNotPresent (or Never), an image already on the node is used as it is.",
                "imagePullPolicy가 IfNotPresent(또는 Never)이면 노드에 이미 있는 이미지를 그대로 씀.",
            ),
            ImagePull => (
                "The kubelet pulls the image when imagePullPolicy is Always, or IfNotPresent and the node does not have it.",
                "imagePullPolicy가 Always이거나, IfNotPresent인데 노드에 이미지가 없으면 kubelet이 이미지를 풀함.",
            ),
            ImagePulled => (
                "The pull finished; the container is created next.",
                "풀이 끝나면 다음으로 컨테이너가 생성됨.",
            ),
            ImagePullFailed => (
                "The registry refused the pull: the container waits with ErrImagePull.",
                "레지스트리가 풀을 거부하면 컨테이너는 ErrImagePull로 대기함.",
            ),
            ImagePullBackOff => (
                "After a failed pull the kubelet waits before pulling again: 10s, doubling up to 5m (ImagePullBackOff).",
                "풀에 실패하면 kubelet은 다시 풀하기 전에 기다림. 10s에서 두 배씩 늘어 최대 5m임(ImagePullBackOff).",
            ),
            ImageNeverPull => (
                "imagePullPolicy: Never uses only images already on the node; a missing one is ErrImageNeverPull.",
                "imagePullPolicy: Never는 노드에 있는 이미지만 씀. 없으면 ErrImageNeverPull임.",
            ),
            InvalidImageName => (
                "An image reference that cannot be parsed is never pulled: InvalidImageName.",
                "해석할 수 없는 이미지 참조는 풀하지 않음: InvalidImageName.",
            ),
            ContainerConfigError => (
                "The container cannot be created while its configuration refers to something missing (a ConfigMap, a key): CreateContainerConfigError.",
                "설정이 없는 대상(컨피그맵, 키)을 가리키면 컨테이너를 만들 수 없음: CreateContainerConfigError.",
            ),
            StartError => (
                "The runtime created the container but could not start its command (exit code 128, StartError).",
                "런타임이 컨테이너는 만들었지만 명령을 시작하지 못함(종료 코드 128, StartError).",
            ),
            ExitCompleted => (
                "The container's command ended with exit code 0: Completed.",
                "컨테이너 명령이 종료 코드 0으로 끝남: Completed.",
            ),
            ExitError => (
                "The container's command ended with a non-zero exit code: Error.",
                "컨테이너 명령이 0이 아닌 종료 코드로 끝남: Error.",
            ),
            OomKilled => (
                "The container used more memory than its limit: the kernel killed it (137, OOMKilled).",
                "컨테이너가 메모리 한도를 넘어 커널이 종료시킴(137, OOMKilled).",
            ),
            ExitOnSigterm => (
                "The kubelet stops a container with SIGTERM first; a program that handles it exits on its own.",
                "kubelet은 먼저 SIGTERM으로 컨테이너를 멈추게 함. 이를 처리하는 프로그램은 스스로 종료됨.",
            ),
            SigkillAfterGrace => (
                "A container still running when its grace period ends is killed with SIGKILL: exit code 137 = 128 + 9.",
                "유예 시간이 끝날 때까지 실행 중인 컨테이너는 SIGKILL로 종료됨: 종료 코드 137 = 128 + 9.",
            ),
            KilledOutside => (
                "The container's process was killed from outside the kubelet (SIGKILL, 137).",
                "kubelet 밖에서 컨테이너 프로세스를 종료시킴(SIGKILL, 137).",
            ),
            WaitingToCreate => (
                "A container not yet started waits as ContainerCreating while the kubelet prepares it (sandbox, image).",
                "아직 시작되지 않은 컨테이너는 kubelet이 샌드박스와 이미지를 준비하는 동안 ContainerCreating으로 대기함.",
            ),
            WaitingForInit => (
                "In a Pod with init containers, a container not yet started waits as PodInitializing.",
                "초기화 컨테이너가 있는 파드에서 아직 시작되지 않은 컨테이너는 PodInitializing으로 대기함.",
            ),
            ProbeFailed => (
                "A probe fails when its check fails: an exec command exits non-zero, an HTTP status is not 200–399, a TCP connection is refused, a gRPC service is not SERVING.",
                "검사가 실패하면 프로브가 실패함: exec 명령의 종료 코드가 0이 아니거나, HTTP 상태가 200–399가 아니거나, TCP 연결이 거부되거나, gRPC 서비스가 SERVING이 아닐 때임.",
            ),
            ProbeErrored => (
                "A probe that could not run at all gives Unknown, which the thresholds ignore.",
                "아예 실행되지 못한 프로브는 Unknown이 되고, 임계값 계산에서 무시됨.",
            ),
            ProbeSucceeded => (
                "A probe succeeds when its check passes (exit 0, HTTP 200–399, a TCP connection, SERVING).",
                "검사를 통과하면 프로브가 성공함(종료 코드 0, HTTP 200–399, TCP 연결, SERVING).",
            ),
            LivenessFailed => (
                "Liveness fails after failureThreshold failures in a row, one every periodSeconds.",
                "livenessProbe는 periodSeconds마다 진단해 연속 failureThreshold번 실패하면 실패로 판정됨.",
            ),
            StartupFailed => (
                "The startup probe fails after failureThreshold failures in a row: the container never finished starting.",
                "startupProbe가 연속 failureThreshold번 실패하면 컨테이너가 시작을 끝내지 못한 것으로 판정됨.",
            ),
            StartupSucceeded => (
                "Once the startup probe succeeds, the container counts as started: liveness and readiness probes begin.",
                "startupProbe가 성공하면 컨테이너가 시작된 것으로 보고 livenessProbe와 readinessProbe가 진단을 시작함.",
            ),
            ReadinessFailed => (
                "Readiness fails after failureThreshold failures in a row: the container is not ready (and no longer receives Service traffic).",
                "readinessProbe가 연속 failureThreshold번 실패하면 컨테이너는 준비되지 않은 상태가 됨(서비스 트래픽을 받지 않음).",
            ),
            ReadinessSucceeded => (
                "Readiness succeeds after successThreshold successes in a row: the container is ready.",
                "readinessProbe가 연속 successThreshold번 성공하면 컨테이너가 준비된 상태가 됨.",
            ),
            LivenessKill => (
                "A container whose liveness probe failed is killed and, unless restartPolicy is Never, restarted.",
                "livenessProbe가 실패한 컨테이너는 종료되고, restartPolicy가 Never가 아니면 다시 시작됨.",
            ),
            StartupKill => (
                "A container whose startup probe failed is killed and, unless restartPolicy is Never, restarted.",
                "startupProbe가 실패한 컨테이너는 종료되고, restartPolicy가 Never가 아니면 다시 시작됨.",
            ),
            PostStartHookFailed => (
                "A postStart hook runs right after the container starts; if it fails, the container is killed.",
                "postStart 훅은 컨테이너가 시작된 직후 실행되고, 실패하면 컨테이너가 종료됨.",
            ),
            PostStartKill => (
                "A container whose postStart hook failed is killed (and restarted per restartPolicy).",
                "postStart 훅이 실패한 컨테이너는 종료됨(restartPolicy에 따라 재시작됨).",
            ),
            PreStopHookFailed => (
                "A failed preStop hook is reported; the container is stopped anyway.",
                "preStop 훅이 실패해도 보고만 하고 컨테이너는 그대로 멈춤.",
            ),
            PodDoneStop => (
                "Once every regular container is done for good, the kubelet stops the sidecars, the last one first.",
                "일반 컨테이너가 모두 완전히 끝나면 kubelet은 사이드카를 마지막 것부터 멈춤.",
            ),
            InitFailedStop => (
                "An init container that fails under restartPolicy: Never fails the whole Pod.",
                "restartPolicy: Never에서 초기화 컨테이너가 실패하면 파드 전체가 실패함.",
            ),
            DeletionStop => (
                "A deleted Pod's containers get SIGTERM, then SIGKILL when the grace period ends; sidecars stop after the regular containers.",
                "삭제된 파드의 컨테이너는 SIGTERM을 받고 유예 시간이 끝나면 SIGKILL을 받음. 사이드카는 일반 컨테이너 뒤에 멈춤.",
            ),
            DeadlineStop => (
                "After activeDeadlineSeconds the kubelet fails the Pod and stops its containers.",
                "activeDeadlineSeconds가 지나면 kubelet은 파드를 실패 처리하고 컨테이너를 멈춤.",
            ),
            PodDeleted => (
                "kubectl delete sets a deletion timestamp: the grace period counts from now.",
                "kubectl delete는 삭제 타임스탬프를 설정함. 유예 시간은 이때부터 셈.",
            ),
            PodRemoved => (
                "The Pod object is removed once its containers have stopped (at once if nothing ran it).",
                "컨테이너가 모두 멈추면(실행한 노드가 없으면 즉시) 파드 객체가 제거됨.",
            ),
            DeadlineExceeded => (
                "activeDeadlineSeconds counts from the Pod's start; when it runs out the Pod fails with DeadlineExceeded.",
                "activeDeadlineSeconds는 파드 시작부터 셈. 시간이 다 되면 파드는 DeadlineExceeded로 실패함.",
            ),
            NodeLost => (
                "The node stopped reporting: the kubelet's decisions no longer reach the apiserver.",
                "노드가 보고를 멈춰 kubelet의 결정이 더 이상 apiserver에 전달되지 않음.",
            ),
            NodeNotReady => (
                "A node silent for the node-monitor grace period (40s) is marked NotReady and tainted unreachable.",
                "노드 모니터 유예 시간(40s) 동안 응답이 없는 노드는 NotReady로 표시되고 unreachable 테인트가 붙음.",
            ),
            TaintEviction => (
                "A NoExecute taint evicts the Pods that do not tolerate it, after their tolerationSeconds.",
                "NoExecute 테인트는 이를 용인하지 않는 파드를 tolerationSeconds가 지난 뒤 축출함.",
            ),
            ScenarioFault => (
                "Something outside the Pod happened, as the lesson's scenario says.",
                "레슨 시나리오에 적힌 대로 파드 밖에서 일이 일어남.",
            ),
            FileChanged => (
                "A file in the container was created or removed; probes that read it see the change.",
                "컨테이너 안의 파일이 만들어지거나 지워짐. 이 파일을 읽는 프로브는 그 변화를 봄.",
            ),
            PhasePendingUnscheduled => (
                "A Pod not yet bound to a node is Pending.",
                "아직 노드에 바인딩되지 않은 파드는 Pending임.",
            ),
            PhasePendingInit => (
                "A Pod is Pending while an init container has not completed.",
                "초기화 컨테이너가 완료되지 않은 동안 파드는 Pending임.",
            ),
            PhasePendingWaiting => (
                "A Pod is Pending while one of its containers is waiting to start for the first time.",
                "컨테이너 하나라도 처음 시작을 기다리는 동안 파드는 Pending임.",
            ),
            PhaseRunning => (
                "A Pod is Running once it is bound to a node and at least one of its containers runs.",
                "노드에 바인딩되고 컨테이너가 하나라도 실행 중이면 파드는 Running임.",
            ),
            PhaseRunningRestarting => (
                "A Pod whose containers have all exited stays Running while restartPolicy will start them again.",
                "컨테이너가 모두 종료되어도 restartPolicy에 따라 다시 시작될 것이면 파드는 Running에 머묾.",
            ),
            PhaseSucceeded => (
                "A Pod Succeeded when every container exited 0 and none will be restarted.",
                "모든 컨테이너가 종료 코드 0으로 끝나고 다시 시작되지 않으면 파드는 Succeeded임.",
            ),
            PhaseFailed => (
                "A Pod Failed when every container has stopped, at least one with an error, and none will be restarted.",
                "모든 컨테이너가 멈추고 그중 하나라도 오류로 끝났으며 다시 시작되지 않으면 파드는 Failed임.",
            ),
            PhaseFailedInit => (
                "A Pod Failed when an init container failed and restartPolicy is Never.",
                "restartPolicy가 Never인데 초기화 컨테이너가 실패하면 파드는 Failed임.",
            ),
            PhaseFailedDeadline => (
                "A Pod the kubelet failed (activeDeadlineSeconds) is Failed, with that reason.",
                "kubelet이 실패 처리한 파드(activeDeadlineSeconds)는 그 이유와 함께 Failed임.",
            ),
            PhaseKeptTerminal => (
                "A Pod never leaves a terminal phase (Succeeded or Failed).",
                "파드는 종료 단계(Succeeded, Failed)를 벗어나지 않음.",
            ),
            ContainersReady => (
                "ContainersReady is True when every container (and sidecar) is ready.",
                "모든 컨테이너(사이드카 포함)가 준비되면 ContainersReady가 True임.",
            ),
            ContainersNotReady => (
                "ContainersReady is False while any container is not ready: not running, not started, or failing readiness.",
                "컨테이너 하나라도 준비되지 않으면(실행 중이 아님, 시작 전, readinessProbe 실패) ContainersReady가 False임.",
            ),
            PodReady => (
                "Ready follows ContainersReady (podlab models no readiness gates).",
                "Ready는 ContainersReady를 따름(podlab은 readiness gate를 다루지 않음).",
            ),
            PodNotReadyNodeLost => (
                "The node controller sets Ready to False on the Pods of a NotReady node.",
                "노드 컨트롤러는 NotReady 노드에 있는 파드의 Ready를 False로 바꿈.",
            ),
            Initialized => (
                "Initialized is True once every init container has completed (sidecars: started), or a regular container has started.",
                "모든 초기화 컨테이너가 완료되면(사이드카는 시작되면) 또는 일반 컨테이너가 시작되면 Initialized가 True임.",
            ),
            NotInitialized => (
                "Initialized is False while an init container has not completed.",
                "초기화 컨테이너가 완료되지 않은 동안 Initialized가 False임.",
            ),
            PodScheduledCondition => (
                "PodScheduled tells whether the Pod is bound to a node.",
                "PodScheduled는 파드가 노드에 바인딩되었는지를 나타냄.",
            ),
            SandboxCondition => (
                "PodReadyToStartContainers is True once the sandbox and its network are up.",
                "샌드박스와 네트워크가 준비되면 PodReadyToStartContainers가 True임.",
            ),
            SandboxGone => (
                "When the Pod is done, the kubelet removes its sandbox: PodReadyToStartContainers turns False.",
                "파드가 끝나면 kubelet이 샌드박스를 지워 PodReadyToStartContainers가 False가 됨.",
            ),
            DisruptionTarget => (
                "A controller about to delete the Pod marks it with DisruptionTarget.",
                "파드를 삭제하려는 컨트롤러는 DisruptionTarget 컨디션을 붙임.",
            ),
        };
        Text::new(en, ko)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_an_id_a_sentence_in_both_languages_and_a_source() {
        let mut ids = std::collections::BTreeSet::new();
        for r in Rule::ALL {
            assert!(ids.insert(r.id()), "{} twice", r.id());
            assert!(
                r.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.id()
            );
            let s = r.sentence();
            assert!(s.is_complete(), "{}", r.id());
            assert!(
                s.ko.chars().any(|c| ('가'..='힣').contains(&c)),
                "{}: Korean",
                r.id()
            );
            assert!(!r.mirrors().is_empty());
            assert_eq!(Rule::parse(r.id()), Some(*r));
        }
    }
}
