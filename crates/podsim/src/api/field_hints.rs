//! Hints beside the apiserver's validation errors, for the mistakes learners make most: a
//! value in the wrong case, a name with capitals or underscores, a probe with no handler or
//! two, a liveness probe's successThreshold, a missing image or name, a repeated name. The
//! message stays the apiserver's; the hint says what to write, in English and Korean.

use super::field_error::{BadValue, ErrorType, FieldError};
use crate::text::Text;

/// A name the apiserver accepts, made from one it refused: lowercase, every other character
/// a '-', no '-' at either end (and '.' kept where a subdomain allows it).
fn fixed_name(name: &str, dots: bool) -> String {
    let mapped: String = name
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-') => c,
            '.' if dots => '.',
            _ => '-',
        })
        .collect();
    mapped.trim_matches(|c| c == '-' || c == '.').to_string()
}

/// `spec.containers[N].name` or `spec.initContainers[N].name`: a container's own name.
fn container_name_path(path: &str) -> bool {
    let Some(rest) = path
        .strip_prefix("spec.containers[")
        .or_else(|| path.strip_prefix("spec.initContainers["))
    else {
        return false;
    };
    rest.strip_suffix("].name")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

pub fn hint(e: &FieldError) -> Option<Text> {
    let last = e.path.rsplit('.').next().unwrap_or(&e.path);
    let field = last.split('[').next().unwrap_or(last);
    match &e.kind {
        ErrorType::NotSupported(BadValue::Str(v), supported) => {
            let s = supported.iter().find(|s| s.eq_ignore_ascii_case(v))?;
            Some(Text::new(
                format!("values are case-sensitive: write `{s}`"),
                format!("값은 대소문자를 구분합니다. `{s}`라고 쓰세요"),
            ))
        }
        ErrorType::Invalid(BadValue::Str(v)) if e.detail.contains("RFC 1123") => {
            let fixed = fixed_name(v, e.detail.contains("subdomain"));
            (!fixed.is_empty() && fixed != *v).then(|| {
                Text::new(
                    format!("names use lowercase letters, digits and '-': for example `{fixed}`"),
                    format!("이름에는 소문자, 숫자, '-'만 씁니다. 예: `{fixed}`"),
                )
            })
        }
        ErrorType::Required if e.detail == "must specify a handler type" => Some(Text::new(
            "say how to check: add one of `exec`, `httpGet`, `tcpSocket` or `grpc`",
            "검사 방법을 정하세요: `exec`, `httpGet`, `tcpSocket`, `grpc` 중 하나를 넣습니다",
        )),
        ErrorType::Forbidden if e.detail == "may not specify more than 1 handler type" => {
            Some(Text::new(
                "a probe checks one way: keep one of `exec`, `httpGet`, `tcpSocket` or `grpc`",
                "프로브는 한 가지 방법으로 검사합니다. `exec`, `httpGet`, `tcpSocket`, `grpc` 중 하나만 남기세요",
            ))
        }
        ErrorType::Invalid(_) if field == "successThreshold" && e.detail == "must be 1" => {
            Some(Text::new(
                "liveness and startup probes succeed on one success: write `successThreshold: 1` or leave it out; a readiness probe may ask for more",
                "활성 프로브와 스타트업 프로브는 한 번 성공하면 성공입니다. `successThreshold: 1`로 쓰거나 빼세요. 준비성 프로브는 더 크게 둘 수 있습니다",
            ))
        }
        ErrorType::Forbidden
            if e.detail.starts_with("may not be set for init containers without restartPolicy=Always") =>
        {
            Some(Text::new(
                format!("an init container runs to completion, so it has no `{field}`: remove it, or make this a sidecar with `restartPolicy: Always`"),
                format!("초기화 컨테이너는 끝날 때까지 실행되므로 `{field}`가 없습니다. 빼거나, `restartPolicy: Always`를 주어 사이드카로 만드세요"),
            ))
        }
        ErrorType::Forbidden
            if field == "restartPolicy" && e.detail == "may not be set for non-init containers" =>
        {
            Some(Text::new(
                "an app container restarts as the pod's `spec.restartPolicy` says: remove this line; to run it beside the app as a sidecar, move the container under `initContainers:`",
                "앱 컨테이너는 파드의 `spec.restartPolicy`대로 재시작합니다. 이 줄을 빼세요. 앱 옆에서 사이드카로 돌리려면 이 컨테이너를 `initContainers:` 아래로 옮기세요",
            ))
        }
        ErrorType::Required if field == "image" => Some(Text::new(
            "say which image to run, e.g. `image: nginx:1.27`",
            "실행할 이미지를 적으세요. 예: `image: nginx:1.27`",
        )),
        ErrorType::Required if container_name_path(&e.path) => Some(Text::new(
            "every container needs a name, e.g. `- name: web`",
            "컨테이너마다 이름이 필요합니다. 예: `- name: web`",
        )),
        ErrorType::Duplicate(_) if container_name_path(&e.path) => {
            Some(Text::new(
                "each container, init containers included, needs a name of its own",
                "컨테이너마다(초기화 컨테이너 포함) 서로 다른 이름이 필요합니다",
            ))
        }
        _ => None,
    }
}
