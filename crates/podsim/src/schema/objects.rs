//! The other objects a lesson may put beside its Pod: a Service (so that names resolve and
//! traffic has somewhere to go) and a ConfigMap (for env vars and volumes).

use super::pod::OBJECT_META_TY;
use super::types::{f, fv, Obj, Ty};

pub static SERVICE_PORT: Obj = Obj {
    go: "ServicePort",
    fields: &[
        f("name", Ty::Str, "The port's name.", "포트 이름."),
        fv(
            "protocol",
            &["TCP", "UDP", "SCTP"],
            "TCP, UDP or SCTP; TCP by default.",
            "TCP, UDP, SCTP 중 하나. 기본값 TCP.",
        ),
        f(
            "port",
            Ty::Int32,
            "The port the Service listens on.",
            "서비스가 받는 포트.",
        ),
        f(
            "targetPort",
            Ty::IntOrStr,
            "The pods' port (number or name) traffic goes to; the same as port by default.",
            "트래픽을 보낼 파드의 포트(번호나 이름). 기본값은 port와 같음.",
        ),
        f(
            "nodePort",
            Ty::Int32,
            "For NodePort Services: the port on every node.",
            "NodePort 서비스에서 모든 노드에 열리는 포트.",
        ),
        f(
            "appProtocol",
            Ty::Str,
            "The application protocol (a hint).",
            "애플리케이션 프로토콜 (참고용).",
        ),
    ],
};
pub static SERVICE_PORT_TY: Ty = Ty::Obj(&SERVICE_PORT);

pub static SERVICE_SPEC: Obj = Obj {
    go: "ServiceSpec",
    fields: &[
        f(
            "selector",
            Ty::StrMap,
            "Pods with all these labels (and Ready) receive the Service's traffic.",
            "이 레이블을 모두 가진 (그리고 Ready인) 파드가 서비스 트래픽을 받음.",
        ),
        f(
            "ports",
            Ty::Arr(&SERVICE_PORT_TY),
            "The Service's ports.",
            "서비스 포트 목록.",
        ),
        fv(
            "type",
            &["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
            "How the Service is exposed. Default ClusterIP.",
            "서비스를 노출하는 방식. 기본값 ClusterIP.",
        ),
        f(
            "clusterIP",
            Ty::Str,
            "The Service's virtual IP; assigned when not set.",
            "서비스의 가상 IP. 비우면 자동으로 할당됨.",
        ),
    ],
};
pub static SERVICE_SPEC_TY: Ty = Ty::Obj(&SERVICE_SPEC);

pub static SERVICE: Obj = Obj {
    go: "Service",
    fields: &[
        f(
            "apiVersion",
            Ty::Str,
            "The API version: v1 for a Service.",
            "API 버전. 서비스는 v1.",
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
            "The Service's name (it becomes a DNS name), namespace and labels.",
            "서비스 이름(DNS 이름이 됨), 네임스페이스, 레이블.",
        ),
        f(
            "spec",
            SERVICE_SPEC_TY,
            "Which pods the Service selects and on which ports.",
            "서비스가 선택할 파드와 포트.",
        ),
        f(
            "status",
            Ty::Any,
            "Written by the cluster; ignored on create.",
            "클러스터가 기록하는 상태. 생성할 때는 무시됨.",
        ),
    ],
};

pub static CONFIG_MAP: Obj = Obj {
    go: "ConfigMap",
    fields: &[
        f(
            "apiVersion",
            Ty::Str,
            "The API version: v1 for a ConfigMap.",
            "API 버전. 컨피그맵은 v1.",
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
            "The ConfigMap's name and labels.",
            "컨피그맵 이름과 레이블.",
        ),
        f(
            "data",
            Ty::StrMap,
            "Key/value configuration for pods to read as env vars or files.",
            "파드가 환경 변수나 파일로 읽을 키/값 설정.",
        ),
        f(
            "binaryData",
            Ty::StrMap,
            "Binary values, base64-encoded.",
            "base64로 인코딩한 바이너리 값.",
        ),
        f(
            "immutable",
            Ty::Bool,
            "If true, the data can never change.",
            "true이면 데이터를 바꿀 수 없음.",
        ),
    ],
};
