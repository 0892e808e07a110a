//! The one HTTP request an `httpGet` action sends, for a probe and for a lifecycle hook
//! alike (pkg/probe/http/request.go `NewRequestForHTTPGetAction`): the port resolved against
//! the container's named ports, the path (default `/`), the scheme, the pod IP when no host
//! is given, the action's `httpHeaders`, and `User-Agent: kube-probe/1.37` (or
//! `kube-lifecycle/1.37`: the kubelet's major.minor version) and `Accept: */*` unless the
//! headers set them.

use super::prober::handlers::resolve_port;
use crate::cluster::KubeVersion;
use crate::model::{Container, HttpGetAction};
use crate::runtime::HttpRequest;

/// Who sends the request: the `User-Agent` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Probe,
    Lifecycle,
}

impl Purpose {
    fn user_agent(self, v: KubeVersion) -> String {
        let who = match self {
            Purpose::Probe => "probe",
            Purpose::Lifecycle => "lifecycle",
        };
        format!("kube-{who}/{v}")
    }
}

/// The request `http` sends from `container`'s pod; Err: the port names no port of the
/// container (the error the kubelet reports).
pub fn request(
    http: &HttpGetAction,
    container: &Container,
    purpose: Purpose,
    v: KubeVersion,
) -> Result<HttpRequest, String> {
    let port = resolve_port(container, &http.port)?;
    let mut headers: Vec<(String, String)> = http
        .http_headers
        .iter()
        .map(|h| (h.name.clone(), h.value.clone()))
        .collect();
    // Go's http.Header matches names case-insensitively.
    let given = |headers: &[(String, String)], name: &str| {
        headers
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case(name))
    };
    if given(&headers, "User-Agent").is_none() {
        headers.push(("User-Agent".into(), purpose.user_agent(v)));
    }
    match given(&headers, "Accept") {
        None => headers.push(("Accept".into(), "*/*".into())),
        // Set but empty: no Accept header at all.
        Some(i) if headers[i].1.is_empty() => {
            headers.retain(|(k, _)| !k.eq_ignore_ascii_case("Accept"));
        }
        Some(_) => {}
    }
    Ok(HttpRequest {
        host: http.host.clone().filter(|h| !h.is_empty()),
        port,
        path: http
            .path
            .clone()
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "/".into()),
        scheme: http.scheme.clone().unwrap_or_else(|| "HTTP".into()),
        headers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ContainerPort, HttpHeader, IntOrString};

    fn action(headers: &[(&str, &str)]) -> HttpGetAction {
        HttpGetAction {
            path: Some("/healthz".into()),
            port: IntOrString::String("http".into()),
            host: None,
            scheme: None,
            http_headers: headers
                .iter()
                .map(|(n, v)| HttpHeader {
                    name: n.to_string(),
                    value: v.to_string(),
                })
                .collect(),
        }
    }

    fn web() -> Container {
        Container {
            name: "web".into(),
            ports: vec![ContainerPort {
                name: Some("http".into()),
                container_port: 8080,
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn headers_and_defaults() {
        let req = request(
            &action(&[("X-Probe", "1")]),
            &web(),
            Purpose::Lifecycle,
            KubeVersion::V1_34,
        );
        let req = req.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(req.port, 8080);
        assert_eq!(req.path, "/healthz");
        assert_eq!(
            req.headers,
            [
                ("X-Probe".to_string(), "1".to_string()),
                ("User-Agent".to_string(), "kube-lifecycle/1.34".to_string()),
                ("Accept".to_string(), "*/*".to_string()),
            ]
        );
        let probe = request(
            &action(&[("accept", "")]),
            &web(),
            Purpose::Probe,
            KubeVersion::V1_37,
        );
        let probe = probe.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            probe.headers,
            [("User-Agent".to_string(), "kube-probe/1.37".to_string())],
            "an empty Accept removes the header"
        );
    }

    #[test]
    fn an_unknown_port_name_is_an_error() {
        let mut a = action(&[]);
        a.port = IntOrString::String("metrics".into());
        assert!(request(&a, &web(), Purpose::Probe, KubeVersion::NEWEST).is_err());
    }
}
