//! The pod's network namespace: one IP for every container; servers bind ports (a second
//! bind of the same port fails); HTTP, TCP and gRPC health requests to the pod IP or
//! localhost reach whichever container listens, answered by its behaviour at that virtual
//! time; the cluster DNS knows the Services the scenario created.

use super::images::HttpSpec;
use crate::time::Millis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub type ContainerId = u64;

#[derive(Debug, Clone, PartialEq)]
pub enum ListenKind {
    Http(HttpSpec),
    Tcp,
    Grpc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub port: u16,
    pub owner: ContainerId,
    pub kind: ListenKind,
    /// When the owning process started (for time-dependent behaviour).
    pub started_at: Millis,
    /// From when connections are accepted (warm-up).
    pub ready_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpRequest {
    /// None: the pod IP.
    pub host: Option<String>,
    pub port: u16,
    pub path: String,
    pub scheme: String,
    pub headers: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HttpOutcome {
    Response {
        status: u16,
        body: String,
    },
    /// The request did not get a response (Go's error text).
    Error(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum GrpcOutcome {
    Serving,
    NotServing(String),
    Error(String),
}

/// "address already in use"
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PortInUse(pub u16);

#[derive(Debug, Clone, Default)]
pub struct Network {
    pub pod_ip: String,
    pub namespace: String,
    pub listeners: Vec<Listener>,
    /// Service short name → cluster IP.
    pub services: BTreeMap<String, String>,
    /// (port, path) → status, from a "break endpoint" fault.
    pub broken: BTreeMap<(u16, String), u16>,
}

impl Network {
    pub fn new(pod_ip: &str, namespace: &str) -> Self {
        Network {
            pod_ip: pod_ip.to_string(),
            namespace: namespace.to_string(),
            ..Default::default()
        }
    }

    /// Bind a port; Err when another container of the pod already has it.
    pub fn bind(&mut self, l: Listener) -> Result<(), PortInUse> {
        if self.listeners.iter().any(|o| o.port == l.port) {
            return Err(PortInUse(l.port));
        }
        self.listeners.push(l);
        Ok(())
    }

    pub fn release(&mut self, owner: ContainerId) {
        self.listeners.retain(|l| l.owner != owner);
    }

    /// Whether `host` is this pod.
    fn is_local(&self, host: Option<&str>) -> bool {
        match host {
            None => true,
            Some(h) => {
                h.is_empty()
                    || h == self.pod_ip
                    || h == "localhost"
                    || h == "127.0.0.1"
                    || h == "0.0.0.0"
                    || h == "::1"
            }
        }
    }

    fn listener(&self, port: u16, now: Millis) -> Option<&Listener> {
        self.listeners
            .iter()
            .find(|l| l.port == port && l.ready_at <= now)
    }

    fn host_text(&self, host: Option<&str>) -> String {
        match host {
            None | Some("") => self.pod_ip.clone(),
            Some(h) => h.to_string(),
        }
    }

    /// The first instant after `now` at which some answer changes by time alone: a
    /// listener's warm-up ends (`ready_at`), or a `healthy_for` endpoint turns to 500.
    pub fn stable_until(&self, now: Millis) -> Option<Millis> {
        self.listeners
            .iter()
            .flat_map(|l| {
                let sick_at = match &l.kind {
                    // `age > limit`, age in whole seconds since the start.
                    ListenKind::Http(HttpSpec {
                        healthy_for: Some(limit),
                        ..
                    }) => Some(
                        l.started_at
                            .saturating_add(limit.saturating_add(1).saturating_mul(1000)),
                    ),
                    _ => None,
                };
                [Some(l.ready_at), sick_at]
            })
            .flatten()
            .filter(|&t| t > now)
            .min()
    }

    pub fn tcp(&self, host: Option<&str>, port: u16, now: Millis) -> Result<(), String> {
        let h = self.host_text(host);
        if !self.is_local(host) {
            return Err(format!("dial tcp {h}:{port}: i/o timeout"));
        }
        match self.listener(port, now) {
            Some(_) => Ok(()),
            None => Err(format!("dial tcp {h}:{port}: connect: connection refused")),
        }
    }

    pub fn http(&self, req: &HttpRequest, now: Millis) -> HttpOutcome {
        let url = || {
            format!(
                "{}://{}:{}{}",
                req.scheme.to_lowercase(),
                self.host_text(req.host.as_deref()),
                req.port,
                req.path
            )
        };
        let h = || self.host_text(req.host.as_deref());
        if !self.is_local(req.host.as_deref()) {
            return HttpOutcome::Error(format!(
                "Get \"{}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                url()
            ));
        }
        let Some(l) = self.listener(req.port, now) else {
            return HttpOutcome::Error(format!(
                "Get \"{}\": dial tcp {}:{}: connect: connection refused",
                url(),
                h(),
                req.port
            ));
        };
        let path = req.path.split('?').next().unwrap_or("/");
        if let Some(status) = (!self.broken.is_empty())
            .then(|| self.broken.get(&(req.port, path.to_string())))
            .flatten()
        {
            return HttpOutcome::Response {
                status: *status,
                body: format!("error: {status}"),
            };
        }
        match &l.kind {
            ListenKind::Http(spec) => {
                let age = now.saturating_sub(l.started_at) / 1000;
                if path == "/healthz" {
                    if let Some(limit) = spec.healthy_for {
                        if age > limit {
                            return HttpOutcome::Response {
                                status: 500,
                                body: format!("error: {}", age),
                            };
                        }
                        return HttpOutcome::Response { status: 200, body: "ok".into() };
                    }
                }
                let status = spec.routes.get(path).copied().unwrap_or(spec.default);
                HttpOutcome::Response {
                    status,
                    body: if status < 400 { "OK".into() } else { "404 page not found".into() },
                }
            }
            _ => HttpOutcome::Error(format!(
                "Get \"{}\": net/http: HTTP/1.x transport connection broken: malformed HTTP response",
                url()
            )),
        }
    }

    pub fn grpc(&self, port: u16, service: Option<&str>, now: Millis) -> GrpcOutcome {
        match self.listener(port, now) {
            Some(Listener {
                kind: ListenKind::Grpc,
                ..
            }) => match service {
                Some(s) if !s.is_empty() && s != "liveness" && s != "readiness" => {
                    GrpcOutcome::NotServing(format!(
                        "rpc error: code = NotFound desc = unknown service {s}"
                    ))
                }
                _ => GrpcOutcome::Serving,
            },
            Some(_) => GrpcOutcome::Error("timeout: health rpc did not complete within 1s".into()),
            None => GrpcOutcome::Error(format!(
                "timeout: failed to connect service \"{}:{port}\" within 1s",
                self.pod_ip
            )),
        }
    }

    /// Resolve a name as the pod's DNS would (search path `NS.svc.cluster.local`).
    pub fn resolve(&self, name: &str) -> Option<(String, String)> {
        let name = name.trim_end_matches('.');
        if name == "kubernetes" || name.starts_with("kubernetes.default") {
            return Some((
                "kubernetes.default.svc.cluster.local".into(),
                "10.96.0.1".into(),
            ));
        }
        let mut parts = name.split('.');
        let short = parts.next()?;
        let ns = parts.next().unwrap_or(&self.namespace);
        let rest: Vec<&str> = parts.collect();
        let suffix_ok = rest.is_empty() || rest == ["svc"] || rest == ["svc", "cluster", "local"];
        if !suffix_ok || ns != self.namespace {
            return None;
        }
        self.services
            .get(short)
            .map(|ip| (format!("{short}.{ns}.svc.cluster.local"), ip.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn http(port: u16) -> Listener {
        Listener {
            port,
            owner: 1,
            kind: ListenKind::Http(HttpSpec {
                port,
                routes: [("/".to_string(), 200)].into(),
                default: 404,
                healthy_for: Some(10),
                ..Default::default()
            }),
            started_at: 0,
            ready_at: 100,
        }
    }

    #[test]
    fn one_port_one_listener() {
        let mut n = Network::new("10.244.0.5", "default");
        assert!(n.bind(http(80)).is_ok());
        assert!(n.bind(http(80)).is_err());
        n.release(1);
        assert!(n.bind(http(80)).is_ok());
    }

    #[test]
    fn http_answers_by_time() {
        let mut n = Network::new("10.244.0.5", "default");
        n.bind(http(8080)).unwrap();
        let req = |path: &str| HttpRequest {
            host: None,
            port: 8080,
            path: path.into(),
            scheme: "HTTP".into(),
            headers: vec![],
        };
        assert!(
            matches!(n.http(&req("/"), 50), HttpOutcome::Error(e) if e.contains("connection refused"))
        );
        assert!(matches!(
            n.http(&req("/healthz"), 9_000),
            HttpOutcome::Response { status: 200, .. }
        ));
        assert!(matches!(
            n.http(&req("/healthz"), 11_000),
            HttpOutcome::Response { status: 500, .. }
        ));
        assert!(matches!(
            n.http(&req("/nope"), 1_000),
            HttpOutcome::Response { status: 404, .. }
        ));
        n.broken.insert((8080, "/".into()), 503);
        assert!(matches!(
            n.http(&req("/"), 1_000),
            HttpOutcome::Response { status: 503, .. }
        ));
        assert_eq!(
            n.tcp(None, 9999, 1_000),
            Err("dial tcp 10.244.0.5:9999: connect: connection refused".into())
        );
    }

    #[test]
    fn dns() {
        let mut n = Network::new("10.244.0.5", "default");
        assert_eq!(n.resolve("myservice"), None);
        n.services.insert("myservice".into(), "10.96.1.2".into());
        assert_eq!(
            n.resolve("myservice.default.svc.cluster.local").unwrap().1,
            "10.96.1.2"
        );
        assert_eq!(
            n.resolve("myservice").unwrap().0,
            "myservice.default.svc.cluster.local"
        );
        assert_eq!(n.resolve("myservice.other"), None);
    }
}
