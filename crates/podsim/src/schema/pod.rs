//! The Pod's fields: metadata, spec, containers, ports, env, resources, mounts, probes,
//! lifecycle hooks, tolerations and volumes — each with English and Korean docs.

use super::types::{f, fv, Drag, Obj, Range, Ty};
use crate::cluster::KubeVersion;

const PULL_POLICIES: &[&str] = &["Always", "IfNotPresent", "Never"];
const RESTART_POLICIES: &[&str] = &["Always", "OnFailure", "Never"];
const PROTOCOLS: &[&str] = &["TCP", "UDP", "SCTP"];

// ---- metadata ---------------------------------------------------------------------------

pub static OBJECT_META: Obj = Obj {
    go: "ObjectMeta",
    fields: &[
        f("name", Ty::Str,
          "The object's name, unique among objects of its kind in the namespace. For a Pod: lower case letters, digits, '-' and '.'.",
          "오브젝트 이름. 같은 네임스페이스에서 같은 종류의 오브젝트끼리 겹치면 안 됨. 파드 이름은 소문자, 숫자, '-', '.'만 쓸 수 있음."),
        f("generateName", Ty::Str,
          "A prefix the API server completes with random characters when no name is given.",
          "name이 없을 때 API 서버가 뒤에 임의 문자를 붙여 이름을 만드는 접두사."),
        f("namespace", Ty::Str,
          "The namespace the object lives in; `default` when not set.",
          "오브젝트가 속한 네임스페이스. 생략하면 `default`."),
        f("labels", Ty::StrMap,
          "Key/value tags that identify the object; Services and controllers select pods by them.",
          "오브젝트를 식별하는 키/값 레이블. 서비스나 컨트롤러가 레이블로 파드를 선택함."),
        f("annotations", Ty::StrMap,
          "Free-form key/value notes for tools and people; not used to select objects.",
          "도구나 사람을 위한 자유 형식의 키/값 메모. 오브젝트 선택에는 쓰이지 않음."),
    ],
};
pub static OBJECT_META_TY: Ty = Ty::Obj(&OBJECT_META);

// ---- probes and handlers ---------------------------------------------------------------

pub static EXEC: Obj = Obj {
    go: "ExecAction",
    fields: &[f("command", Ty::Arr(&Ty::Str),
        "The command to run inside the container, not through a shell: exit code 0 means success. Use [\"sh\", \"-c\", \"…\"] for shell syntax.",
        "컨테이너 안에서 실행할 명령. 셸을 거치지 않고 바로 실행하며 종료 코드가 0이면 성공임. 셸 문법이 필요하면 [\"sh\", \"-c\", \"…\"]로 씀.").dragged(Drag::Sleeps(Range::seconds(0, 3600)))],
};
pub static EXEC_TY: Ty = Ty::Obj(&EXEC);

pub static HTTP_HEADER: Obj = Obj {
    go: "HTTPHeader",
    fields: &[
        f("name", Ty::Str, "The header's name.", "헤더 이름."),
        f("value", Ty::Str, "The header's value.", "헤더 값."),
    ],
};
pub static HTTP_HEADER_TY: Ty = Ty::Obj(&HTTP_HEADER);

pub static HTTP_GET: Obj = Obj {
    go: "HTTPGetAction",
    fields: &[
        f(
            "path",
            Ty::Str,
            "The HTTP path to request; `/` by default.",
            "요청할 HTTP 경로. 기본값은 `/`.",
        ),
        f(
            "port",
            Ty::IntOrStr,
            "The port to connect to: a number, or the name of one of the container's ports.",
            "접속할 포트. 숫자나 컨테이너 포트의 이름을 씀.",
        ),
        f(
            "host",
            Ty::Str,
            "The host to connect to; the pod's IP by default.",
            "접속할 호스트. 기본값은 파드 IP.",
        ),
        fv(
            "scheme",
            &["HTTP", "HTTPS"],
            "HTTP or HTTPS; HTTP by default.",
            "HTTP 또는 HTTPS. 기본값은 HTTP.",
        ),
        f(
            "httpHeaders",
            Ty::Arr(&HTTP_HEADER_TY),
            "Extra headers to send with the request.",
            "요청에 함께 보낼 헤더 목록.",
        ),
    ],
};
pub static HTTP_GET_TY: Ty = Ty::Obj(&HTTP_GET);

pub static TCP_SOCKET: Obj = Obj {
    go: "TCPSocketAction",
    fields: &[
        f("port", Ty::IntOrStr,
          "The port to open a TCP connection to: a number or a container port's name. Success when the connection opens.",
          "TCP 연결을 열 포트. 숫자나 컨테이너 포트 이름을 씀. 연결이 열리면 성공임."),
        f("host", Ty::Str, "The host to connect to; the pod's IP by default.", "접속할 호스트. 기본값은 파드 IP."),
    ],
};
pub static TCP_SOCKET_TY: Ty = Ty::Obj(&TCP_SOCKET);

pub static GRPC: Obj = Obj {
    go: "GRPCAction",
    fields: &[
        f(
            "port",
            Ty::Int32,
            "The port of the gRPC health service (a number; names are not allowed).",
            "gRPC 헬스 서비스의 포트 번호. 이름은 쓸 수 없음.",
        ),
        f(
            "service",
            Ty::Str,
            "The service name sent in the health check request.",
            "헬스 체크 요청에 담을 서비스 이름.",
        ),
    ],
};
pub static GRPC_TY: Ty = Ty::Obj(&GRPC);

pub static PROBE: Obj = Obj {
    go: "Probe",
    fields: &[
        f("exec", EXEC_TY, "Run a command in the container (ExecAction).", "컨테이너 안에서 명령을 실행함 (ExecAction)."),
        f("httpGet", HTTP_GET_TY, "Send an HTTP GET; a status from 200 to 399 is success (HTTPGetAction).", "HTTP GET 요청을 보냄. 상태 코드가 200 이상 400 미만이면 성공임 (HTTPGetAction)."),
        f("tcpSocket", TCP_SOCKET_TY, "Open a TCP connection; success when it opens (TCPSocketAction).", "TCP 연결을 열어 봄. 열리면 성공임 (TCPSocketAction)."),
        f("grpc", GRPC_TY, "Ask the gRPC health service; success when it answers SERVING.", "gRPC 헬스 서비스에 물어봄. SERVING으로 답하면 성공임."),
        f("initialDelaySeconds", Ty::Int32, "Seconds after the container starts before the first probe. Default 0.", "컨테이너가 시작된 후 첫 진단까지 기다리는 초. 기본값 0.").dragged(Drag::Int(Range::seconds(0, 600))),
        f("timeoutSeconds", Ty::Int32, "Seconds before one probe times out. Default 1, minimum 1.", "진단 한 번의 제한 시간(초). 기본값 1, 최솟값 1.").dragged(Drag::Int(Range::seconds(1, 120))),
        f("periodSeconds", Ty::Int32, "How often to probe, in seconds. Default 10, minimum 1.", "진단 주기(초). 기본값 10, 최솟값 1.").dragged(Drag::Int(Range::seconds(1, 300))),
        f("successThreshold", Ty::Int32, "Consecutive successes needed after a failure. Default 1; must be 1 for liveness and startup probes.", "실패 후 성공으로 판정하기까지 필요한 연속 성공 횟수. 기본값 1이며 liveness와 startup 프로브는 반드시 1.").dragged(Drag::Int(Range::times(1, 20))),
        f("failureThreshold", Ty::Int32, "Consecutive failures before the probe counts as failed. Default 3.", "실패로 판정하기까지 필요한 연속 실패 횟수. 기본값 3.").dragged(Drag::Int(Range::times(1, 30))),
        f("terminationGracePeriodSeconds", Ty::Int64, "Grace period for a kill caused by this probe (liveness and startup only); overrides the pod's.", "이 프로브 때문에 컨테이너를 종료할 때의 유예 시간(liveness, startup 전용). 파드 값보다 우선함.").dragged(Drag::Int(Range::seconds(1, 600))),
    ],
};
pub static PROBE_TY: Ty = Ty::Obj(&PROBE);

pub static SLEEP: Obj = Obj {
    go: "SleepAction",
    fields: &[f(
        "seconds",
        Ty::Int64,
        "How many seconds the hook sleeps.",
        "훅이 잠들어 있을 시간(초).",
    )
    .dragged(Drag::Int(Range::seconds(0, 600)))],
};
pub static SLEEP_TY: Ty = Ty::Obj(&SLEEP);

pub static LIFECYCLE_HANDLER: Obj = Obj {
    go: "LifecycleHandler",
    fields: &[
        f(
            "exec",
            EXEC_TY,
            "Run a command in the container.",
            "컨테이너 안에서 명령을 실행함.",
        ),
        f(
            "httpGet",
            HTTP_GET_TY,
            "Send an HTTP GET to the container.",
            "컨테이너에 HTTP GET 요청을 보냄.",
        ),
        f(
            "tcpSocket",
            TCP_SOCKET_TY,
            "Deprecated: open a TCP connection (kept for compatibility).",
            "TCP 연결을 열어 봄 (호환용, 사용 중단 예정).",
        ),
        f(
            "sleep",
            SLEEP_TY,
            "Just wait for a number of seconds.",
            "정해진 초만큼 기다리기만 함.",
        ),
    ],
};
pub static LIFECYCLE_HANDLER_TY: Ty = Ty::Obj(&LIFECYCLE_HANDLER);

pub static LIFECYCLE: Obj = Obj {
    go: "Lifecycle",
    fields: &[
        f(
            "postStart",
            LIFECYCLE_HANDLER_TY,
            "Runs right after the container starts; if it fails, the container is killed.",
            "컨테이너가 시작된 직후 실행됨. 실패하면 컨테이너를 종료함.",
        ),
        f(
            "preStop",
            LIFECYCLE_HANDLER_TY,
            "Runs before the container is stopped, inside the grace period, before SIGTERM.",
            "컨테이너를 멈추기 전에 실행됨. 유예 시간 안에서 SIGTERM보다 먼저 실행됨.",
        ),
    ],
};
pub static LIFECYCLE_TY: Ty = Ty::Obj(&LIFECYCLE);

// ---- container parts --------------------------------------------------------------------

pub static CONTAINER_PORT: Obj = Obj {
    go: "ContainerPort",
    fields: &[
        f("name", Ty::Str, "A name for the port (at most 15 characters) that probes and Services can refer to.", "프로브나 서비스가 가리킬 수 있는 포트 이름(최대 15자)."),
        f("containerPort", Ty::Int32, "The port the container listens on, 1–65535. Containers of one pod share one IP, so each needs its own port.", "컨테이너가 요청을 받는 포트(1–65535). 파드 안 컨테이너는 IP 하나를 공유하므로 포트가 서로 달라야 함."),
        f("hostPort", Ty::Int32, "Expose the port on the node's IP too (rarely needed).", "노드 IP에도 포트를 엶 (거의 쓰지 않음)."),
        f("hostIP", Ty::Str, "The node IP to bind the host port to.", "호스트 포트를 바인딩할 노드 IP."),
        fv("protocol", PROTOCOLS, "TCP, UDP or SCTP; TCP by default.", "TCP, UDP, SCTP 중 하나. 기본값은 TCP."),
    ],
};
pub static CONTAINER_PORT_TY: Ty = Ty::Obj(&CONTAINER_PORT);

pub static FIELD_SELECTOR: Obj = Obj {
    go: "ObjectFieldSelector",
    fields: &[
        f(
            "apiVersion",
            Ty::Str,
            "The API version of the field path; v1.",
            "필드 경로의 API 버전. v1.",
        ),
        fv(
            "fieldPath",
            &[
                "metadata.name",
                "metadata.namespace",
                "metadata.uid",
                "metadata.labels['<KEY>']",
                "metadata.annotations['<KEY>']",
                "spec.nodeName",
                "spec.serviceAccountName",
                "status.hostIP",
                "status.podIP",
                "status.podIPs",
            ],
            "The pod field whose value the variable takes (downward API).",
            "환경 변수 값으로 쓸 파드 필드 (downward API).",
        ),
    ],
};
pub static FIELD_SELECTOR_TY: Ty = Ty::Obj(&FIELD_SELECTOR);

pub static CONFIG_MAP_KEY: Obj = Obj {
    go: "ConfigMapKeySelector",
    fields: &[
        f("name", Ty::Str, "The ConfigMap's name.", "컨피그맵 이름."),
        f("key", Ty::Str, "The key to read.", "읽을 키."),
        f(
            "optional",
            Ty::Bool,
            "If true, a missing ConfigMap or key is not an error.",
            "true이면 컨피그맵이나 키가 없어도 오류가 아님.",
        ),
    ],
};
pub static CONFIG_MAP_KEY_TY: Ty = Ty::Obj(&CONFIG_MAP_KEY);

pub static RESOURCE_FIELD: Obj = Obj {
    go: "ResourceFieldSelector",
    fields: &[
        f(
            "containerName",
            Ty::Str,
            "The container whose resources to read.",
            "리소스 값을 읽을 컨테이너.",
        ),
        fv(
            "resource",
            &[
                "limits.cpu",
                "limits.memory",
                "requests.cpu",
                "requests.memory",
            ],
            "Which limit or request to read.",
            "읽을 limit 또는 request.",
        ),
        f(
            "divisor",
            Ty::Quantity,
            "The unit to express it in.",
            "값을 나타낼 단위.",
        ),
    ],
};
pub static RESOURCE_FIELD_TY: Ty = Ty::Obj(&RESOURCE_FIELD);

pub static ENV_SOURCE: Obj = Obj {
    go: "EnvVarSource",
    fields: &[
        f(
            "fieldRef",
            FIELD_SELECTOR_TY,
            "Take the value from a field of the pod.",
            "파드의 필드에서 값을 가져옴.",
        ),
        f(
            "configMapKeyRef",
            CONFIG_MAP_KEY_TY,
            "Take the value from a key of a ConfigMap.",
            "컨피그맵의 키에서 값을 가져옴.",
        ),
        f(
            "resourceFieldRef",
            RESOURCE_FIELD_TY,
            "Take the value from the container's limits or requests.",
            "컨테이너의 limits나 requests에서 값을 가져옴.",
        ),
    ],
};
pub static ENV_SOURCE_TY: Ty = Ty::Obj(&ENV_SOURCE);

pub static ENV_VAR: Obj = Obj {
    go: "EnvVar",
    fields: &[
        f("name", Ty::Str, "The variable's name.", "환경 변수 이름."),
        f(
            "value",
            Ty::Str,
            "The variable's value; `$(OTHER)` expands a variable defined before it.",
            "환경 변수 값. `$(OTHER)`로 앞에서 정의한 변수를 참조할 수 있음.",
        ),
        f(
            "valueFrom",
            ENV_SOURCE_TY,
            "Take the value from the pod's fields or a ConfigMap instead.",
            "값을 파드 필드나 컨피그맵에서 가져옴.",
        ),
    ],
};
pub static ENV_VAR_TY: Ty = Ty::Obj(&ENV_VAR);

pub static CONFIG_MAP_ENV: Obj = Obj {
    go: "ConfigMapEnvSource",
    fields: &[
        f("name", Ty::Str, "The ConfigMap's name.", "컨피그맵 이름."),
        f(
            "optional",
            Ty::Bool,
            "If true, a missing ConfigMap is not an error.",
            "true이면 컨피그맵이 없어도 오류가 아님.",
        ),
    ],
};
pub static CONFIG_MAP_ENV_TY: Ty = Ty::Obj(&CONFIG_MAP_ENV);

pub static ENV_FROM: Obj = Obj {
    go: "EnvFromSource",
    fields: &[
        f(
            "prefix",
            Ty::Str,
            "A prefix added to every variable's name.",
            "모든 변수 이름 앞에 붙일 접두사.",
        ),
        f(
            "configMapRef",
            CONFIG_MAP_ENV_TY,
            "Every key of this ConfigMap becomes a variable.",
            "이 컨피그맵의 모든 키를 환경 변수로 만듦.",
        ),
    ],
};
pub static ENV_FROM_TY: Ty = Ty::Obj(&ENV_FROM);

pub static RESOURCES: Obj = Obj {
    go: "ResourceRequirements",
    fields: &[
        f("limits", Ty::QuantityMap, "The most the container may use: cpu (e.g. 500m) and memory (e.g. 128Mi). Above its memory limit it is OOMKilled.", "컨테이너가 쓸 수 있는 최대치. cpu(예: 500m)와 memory(예: 128Mi). 메모리 한도를 넘으면 OOMKilled로 종료됨.").dragged(Drag::Resources),
        f("requests", Ty::QuantityMap, "What the scheduler reserves for the container on a node: a pod only goes where its requests fit.", "스케줄러가 노드에 예약하는 양. 요청량이 들어갈 자리가 있는 노드에만 파드가 배치됨.").dragged(Drag::Resources),
    ],
};
pub static RESOURCES_TY: Ty = Ty::Obj(&RESOURCES);

pub static VOLUME_MOUNT: Obj = Obj {
    go: "VolumeMount",
    fields: &[
        f(
            "name",
            Ty::Str,
            "The name of a volume of the pod.",
            "파드에 정의한 볼륨 이름.",
        ),
        f(
            "mountPath",
            Ty::Str,
            "Where the volume appears inside the container.",
            "컨테이너 안에서 볼륨이 보일 경로.",
        ),
        f(
            "readOnly",
            Ty::Bool,
            "Mount read-only.",
            "읽기 전용으로 마운트함.",
        ),
        f(
            "subPath",
            Ty::Str,
            "Mount only this path inside the volume.",
            "볼륨 안의 이 경로만 마운트함.",
        ),
    ],
};
pub static VOLUME_MOUNT_TY: Ty = Ty::Obj(&VOLUME_MOUNT);

// ---- container restart rules (KEP-5307) --------------------------------------------------

pub static RESTART_RULE_EXIT_CODES: Obj = Obj {
    go: "ContainerRestartRuleOnExitCodes",
    fields: &[
        fv("operator", &["In", "NotIn"], "In: the rule matches when the exit code is one of values; NotIn: when it is none of them.", "In: 종료 코드가 values 중 하나이면 규칙이 맞음. NotIn: values 중 어느 것도 아니면 맞음."),
        f("values", Ty::Arr(&Ty::Int32), "The exit codes (at most 255).", "종료 코드 목록(최대 255개)."),
    ],
};
pub static RESTART_RULE_EXIT_CODES_TY: Ty = Ty::Obj(&RESTART_RULE_EXIT_CODES);

pub static RESTART_RULE: Obj = Obj {
    go: "ContainerRestartRule",
    fields: &[
        fv(
            "action",
            &["Restart"],
            "What to do when the rule matches: Restart the container.",
            "규칙이 맞을 때 할 일: 컨테이너를 재시작(Restart)함.",
        ),
        f(
            "exitCodes",
            RESTART_RULE_EXIT_CODES_TY,
            "The exit codes the rule matches.",
            "규칙이 맞는 종료 코드.",
        ),
    ],
};
pub static RESTART_RULE_TY: Ty = Ty::Obj(&RESTART_RULE);

// ---- container --------------------------------------------------------------------------

pub static CONTAINER: Obj = Obj {
    go: "Container",
    fields: &[
        f("name", Ty::Str, "The container's name: unique in the pod (init containers included), a DNS label.", "컨테이너 이름. 파드 안에서(초기화 컨테이너 포함) 고유해야 하며 DNS 레이블 형식임."),
        f("image", Ty::Str, "The container image to run, e.g. nginx:1.27. Without a tag, `latest` is meant.", "실행할 컨테이너 이미지. 예: nginx:1.27. 태그가 없으면 `latest`를 뜻함."),
        fv("imagePullPolicy", PULL_POLICIES, "When to pull the image: Always, IfNotPresent or Never. Defaults to Always for `latest` or no tag, else IfNotPresent.", "이미지를 언제 받을지 정함: Always, IfNotPresent, Never. 태그가 `latest`이거나 없으면 Always, 아니면 IfNotPresent가 기본값."),
        f("command", Ty::Arr(&Ty::Str), "Replaces the image's ENTRYPOINT.", "이미지의 ENTRYPOINT를 대신함.").dragged(Drag::Sleeps(Range::seconds(0, 3600))),
        f("args", Ty::Arr(&Ty::Str), "Replaces the image's CMD (the arguments to the entrypoint).", "이미지의 CMD(엔트리포인트에 넘길 인자)를 대신함.").dragged(Drag::Sleeps(Range::seconds(0, 3600))),
        f("workingDir", Ty::Str, "The working directory of the process.", "프로세스의 작업 디렉터리."),
        f("ports", Ty::Arr(&CONTAINER_PORT_TY), "The ports the container listens on (informational, but probes and Services can name them).", "컨테이너가 여는 포트 목록. 정보 제공용이지만 프로브와 서비스가 이름으로 가리킬 수 있음."),
        f("env", Ty::Arr(&ENV_VAR_TY), "Environment variables.", "환경 변수 목록."),
        f("envFrom", Ty::Arr(&ENV_FROM_TY), "Environment variables from every key of a ConfigMap.", "컨피그맵의 모든 키를 환경 변수로 가져옴."),
        f("resources", RESOURCES_TY, "CPU and memory requests and limits.", "CPU와 메모리의 요청량(requests)과 한도(limits)."),
        f("volumeMounts", Ty::Arr(&VOLUME_MOUNT_TY), "Volumes of the pod mounted into this container.", "이 컨테이너에 마운트할 파드의 볼륨."),
        f("livenessProbe", PROBE_TY, "Is the container alive? When it fails failureThreshold times in a row, the kubelet kills the container and restarts it per restartPolicy.", "컨테이너가 살아 있는지 진단함. 연속으로 failureThreshold번 실패하면 kubelet이 컨테이너를 종료하고 재시작 정책에 따라 재시작함."),
        f("readinessProbe", PROBE_TY, "Can the container serve requests? Until it succeeds the container is not Ready and gets no Service traffic; it never restarts anything.", "컨테이너가 요청을 처리할 수 있는지 진단함. 성공하기 전까지 Ready가 아니어서 서비스 트래픽을 받지 않으며, 재시작을 일으키지는 않음."),
        f("startupProbe", PROBE_TY, "Has a slow-starting container started? Liveness and readiness probes wait until it succeeds.", "느리게 시작하는 컨테이너가 시작을 마쳤는지 진단함. 성공할 때까지 liveness와 readiness 프로브는 기다림."),
        f("lifecycle", LIFECYCLE_TY, "postStart and preStop hooks.", "postStart와 preStop 훅."),
        f("terminationMessagePath", Ty::Str, "File whose content becomes the termination message. Default /dev/termination-log.", "내용이 종료 메시지가 되는 파일. 기본값 /dev/termination-log."),
        fv("terminationMessagePolicy", &["File", "FallbackToLogsOnError"], "Where the termination message comes from: File, or FallbackToLogsOnError.", "종료 메시지를 어디서 가져올지 정함: File 또는 FallbackToLogsOnError."),
        fv("restartPolicy", RESTART_POLICIES, "On an init container, `Always` turns it into a sidecar that starts before the app containers and keeps running beside them. From Kubernetes 1.34 (ContainerRestartRules) any container may set Always, OnFailure or Never to override the pod's restartPolicy.", "초기화 컨테이너에 `Always`로 설정하면 앱 컨테이너보다 먼저 시작해 함께 계속 실행되는 사이드카가 됨. 쿠버네티스 1.34부터(ContainerRestartRules) 어느 컨테이너든 Always, OnFailure, Never로 파드의 restartPolicy를 덮어쓸 수 있음."),
        f("restartPolicyRules", Ty::Arr(&RESTART_RULE_TY), "Rules checked in order when the container exits: the first whose exitCodes match decides (action Restart restarts it, even under restartPolicy Never). Needs the container's own restartPolicy. Kubernetes 1.34+ (ContainerRestartRules).", "컨테이너가 종료되면 순서대로 확인하는 규칙. exitCodes가 맞는 첫 규칙이 결정함(action이 Restart면 restartPolicy가 Never여도 재시작함). 컨테이너 자체의 restartPolicy가 있어야 함. 쿠버네티스 1.34 이상(ContainerRestartRules).").since(KubeVersion::V1_34),
        f("stdin", Ty::Bool, "Keep stdin open.", "표준 입력을 열어 둠."),
        f("tty", Ty::Bool, "Allocate a terminal.", "터미널을 할당함."),
    ],
};
pub static CONTAINER_TY: Ty = Ty::Obj(&CONTAINER);

// ---- spec -------------------------------------------------------------------------------

pub static TOLERATION: Obj = Obj {
    go: "Toleration",
    fields: &[
        f("key", Ty::Str, "The taint key this toleration matches; empty with Exists matches all.", "이 톨러레이션이 맞출 테인트 키. 비워 두고 Exists를 쓰면 모든 테인트에 맞음."),
        fv("operator", &["Exists", "Equal"], "Exists (any value) or Equal (the value must match). Default Equal.", "Exists(값 무관) 또는 Equal(값이 같아야 함). 기본값 Equal."),
        f("value", Ty::Str, "The taint value to match (with Equal).", "맞출 테인트 값 (Equal일 때)."),
        fv("effect", &["NoSchedule", "PreferNoSchedule", "NoExecute"], "Which taint effect it tolerates; empty means all.", "허용할 테인트 효과. 비우면 모든 효과."),
        f("tolerationSeconds", Ty::Int64, "For NoExecute: how long the pod stays bound after the taint appears (e.g. 300 for a lost node).", "NoExecute일 때 테인트가 생긴 뒤 파드가 노드에 남아 있을 시간(초). 예: 노드 유실 시 300.").dragged(Drag::Int(Range::seconds(0, 3600))),
    ],
};
pub static TOLERATION_TY: Ty = Ty::Obj(&TOLERATION);

pub static EMPTY_DIR: Obj = Obj {
    go: "EmptyDirVolumeSource",
    fields: &[
        fv(
            "medium",
            &["", "Memory"],
            "Where the directory lives: node disk (empty) or Memory (tmpfs).",
            "디렉터리를 둘 곳. 비우면 노드 디스크, Memory면 tmpfs.",
        ),
        f(
            "sizeLimit",
            Ty::Quantity,
            "The most space the volume may use.",
            "볼륨이 쓸 수 있는 최대 용량.",
        ),
    ],
};
pub static EMPTY_DIR_TY: Ty = Ty::Obj(&EMPTY_DIR);

pub static KEY_TO_PATH: Obj = Obj {
    go: "KeyToPath",
    fields: &[
        f("key", Ty::Str, "The ConfigMap key.", "컨피그맵 키."),
        f(
            "path",
            Ty::Str,
            "The file name it becomes in the volume.",
            "볼륨 안에서 쓸 파일 이름.",
        ),
        f("mode", Ty::Int32, "File mode bits.", "파일 권한 비트."),
    ],
};
pub static KEY_TO_PATH_TY: Ty = Ty::Obj(&KEY_TO_PATH);

pub static CONFIG_MAP_VOLUME: Obj = Obj {
    go: "ConfigMapVolumeSource",
    fields: &[
        f(
            "name",
            Ty::Str,
            "The ConfigMap whose keys become files.",
            "키를 파일로 만들 컨피그맵.",
        ),
        f(
            "items",
            Ty::Arr(&KEY_TO_PATH_TY),
            "Only these keys, under these file names.",
            "이 키들만 지정한 파일 이름으로 만듦.",
        ),
        f(
            "defaultMode",
            Ty::Int32,
            "File mode bits; 0644 by default.",
            "파일 권한 비트. 기본값 0644.",
        ),
        f(
            "optional",
            Ty::Bool,
            "If true, a missing ConfigMap is not an error.",
            "true이면 컨피그맵이 없어도 오류가 아님.",
        ),
    ],
};
pub static CONFIG_MAP_VOLUME_TY: Ty = Ty::Obj(&CONFIG_MAP_VOLUME);

pub static VOLUME: Obj = Obj {
    go: "Volume",
    fields: &[
        f("name", Ty::Str, "The volume's name, referred to by volumeMounts.", "볼륨 이름. volumeMounts에서 이 이름으로 가리킴."),
        f("emptyDir", EMPTY_DIR_TY, "An empty directory created with the pod and shared by its containers; it survives container restarts and goes away with the pod.", "파드와 함께 만들어져 컨테이너끼리 공유하는 빈 디렉터리. 컨테이너가 재시작돼도 남고 파드가 사라지면 함께 사라짐."),
        f("configMap", CONFIG_MAP_VOLUME_TY, "The keys of a ConfigMap as files.", "컨피그맵의 키를 파일로 보여 줌."),
        f("projected", Ty::Any, "Several sources in one volume (the service-account token volume uses it).", "여러 소스를 한 볼륨에 모음 (서비스 어카운트 토큰 볼륨이 사용함)."),
    ],
};
pub static VOLUME_TY: Ty = Ty::Obj(&VOLUME);

pub static POD_SPEC: Obj = Obj {
    go: "PodSpec",
    fields: &[
        f("containers", Ty::Arr(&CONTAINER_TY), "The app containers, started together once the init containers are done. At least one.", "앱 컨테이너 목록. 초기화 컨테이너가 모두 끝난 뒤 함께 시작됨. 하나 이상 필요함."),
        f("initContainers", Ty::Arr(&CONTAINER_TY), "Containers that run one at a time, in order, to completion before the app containers start; retried until they succeed (unless restartPolicy is Never).", "앱 컨테이너보다 먼저 하나씩 순서대로 끝까지 실행되는 컨테이너. 성공할 때까지 재시작함 (restartPolicy가 Never가 아니라면)."),
        fv("restartPolicy", RESTART_POLICIES, "When the kubelet restarts exited containers: Always (default), OnFailure (non-zero exit only) or Never.", "종료된 컨테이너를 kubelet이 언제 재시작할지 정함: Always(기본값), OnFailure(0이 아닌 종료 코드일 때만), Never."),
        f("terminationGracePeriodSeconds", Ty::Int64, "Seconds between SIGTERM (after preStop) and SIGKILL when the pod stops. Default 30.", "파드를 멈출 때 (preStop 후) SIGTERM과 SIGKILL 사이의 유예 시간(초). 기본값 30.").dragged(Drag::Int(Range::seconds(0, 600))),
        f("activeDeadlineSeconds", Ty::Int64, "After this many seconds the kubelet stops the pod: Failed with reason DeadlineExceeded.", "이 시간(초)이 지나면 kubelet이 파드를 멈춤. 이유가 DeadlineExceeded인 Failed가 됨.").dragged(Drag::Int(Range::seconds(1, 3600))),
        fv("dnsPolicy", &["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"], "How the pod resolves names. Default ClusterFirst.", "파드의 이름 해석 방식. 기본값 ClusterFirst."),
        f("nodeSelector", Ty::StrMap, "Labels a node must have for the pod to be scheduled there.", "파드가 배치될 노드가 가져야 할 레이블."),
        f("serviceAccountName", Ty::Str, "The service account the pod runs as; `default` by default.", "파드가 사용할 서비스 어카운트. 기본값은 `default`."),
        f("nodeName", Ty::Str, "Put the pod on this node directly, bypassing the scheduler.", "스케줄러를 거치지 않고 이 노드에 바로 배치함."),
        f("hostNetwork", Ty::Bool, "Use the node's network namespace.", "노드의 네트워크 네임스페이스를 사용함."),
        f("hostname", Ty::Str, "The pod's hostname; the pod name by default.", "파드의 호스트 이름. 기본값은 파드 이름."),
        f("subdomain", Ty::Str, "With hostname, gives the pod a DNS name under a headless Service.", "hostname과 함께 쓰면 헤드리스 서비스 아래의 DNS 이름이 생김."),
        f("schedulerName", Ty::Str, "Which scheduler places the pod. Default default-scheduler.", "파드를 배치할 스케줄러. 기본값 default-scheduler."),
        f("tolerations", Ty::Arr(&TOLERATION_TY), "Taints the pod tolerates; two 300 s NoExecute tolerations are added for not-ready and unreachable nodes.", "파드가 견디는 테인트 목록. not-ready와 unreachable 노드에 대한 300초짜리 NoExecute 톨러레이션 두 개가 자동으로 추가됨."),
        f("priority", Ty::Int32, "The pod's priority (set by admission from priorityClassName).", "파드 우선순위 (priorityClassName에 따라 어드미션이 설정함)."),
        f("priorityClassName", Ty::Str, "The PriorityClass that sets the pod's priority.", "파드 우선순위를 정하는 PriorityClass."),
        f("enableServiceLinks", Ty::Bool, "Inject Services as environment variables. Default true.", "서비스 정보를 환경 변수로 넣을지 정함. 기본값 true."),
        f("securityContext", Ty::Any, "Pod-level security settings.", "파드 수준의 보안 설정."),
        f("volumes", Ty::Arr(&VOLUME_TY), "Volumes the containers can mount.", "컨테이너가 마운트할 수 있는 볼륨 목록."),
    ],
};
pub static POD_SPEC_TY: Ty = Ty::Obj(&POD_SPEC);

pub static POD: Obj = Obj {
    go: "Pod",
    fields: &[
        f(
            "apiVersion",
            Ty::Str,
            "The API version: v1 for a Pod.",
            "API 버전. 파드는 v1.",
        ),
        fv(
            "kind",
            &["Pod", "Service", "ConfigMap"],
            "The object's kind.",
            "오브젝트 종류.",
        ),
        f(
            "metadata",
            OBJECT_META_TY,
            "The object's name, namespace, labels and annotations.",
            "오브젝트의 이름, 네임스페이스, 레이블, 어노테이션.",
        ),
        f(
            "spec",
            POD_SPEC_TY,
            "What the pod should run: containers, restart policy, volumes, scheduling.",
            "파드가 실행할 내용: 컨테이너, 재시작 정책, 볼륨, 스케줄링.",
        ),
        f(
            "status",
            Ty::Any,
            "Written by the kubelet, not by you: ignored when creating a pod.",
            "kubelet이 기록하는 상태. 파드를 만들 때 적어도 무시됨.",
        ),
    ],
};

/// Every field of every object type reachable from the Pod, for completeness checks.
pub fn all_objects() -> Vec<&'static Obj> {
    vec![
        &POD,
        &OBJECT_META,
        &POD_SPEC,
        &CONTAINER,
        &CONTAINER_PORT,
        &ENV_VAR,
        &ENV_SOURCE,
        &FIELD_SELECTOR,
        &CONFIG_MAP_KEY,
        &RESOURCE_FIELD,
        &ENV_FROM,
        &CONFIG_MAP_ENV,
        &RESOURCES,
        &VOLUME_MOUNT,
        &PROBE,
        &EXEC,
        &HTTP_GET,
        &HTTP_HEADER,
        &TCP_SOCKET,
        &GRPC,
        &LIFECYCLE,
        &LIFECYCLE_HANDLER,
        &SLEEP,
        &TOLERATION,
        &VOLUME,
        &EMPTY_DIR,
        &CONFIG_MAP_VOLUME,
        &KEY_TO_PATH,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::types::Field;

    #[test]
    fn every_field_has_docs_in_both_languages() {
        for o in all_objects() {
            for fd in o.fields {
                let Field { name, en, ko, .. } = fd;
                assert!(en.len() > 5, "{}.{name} en", o.go);
                assert!(
                    ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                    "{}.{name} ko",
                    o.go
                );
            }
        }
    }
}
