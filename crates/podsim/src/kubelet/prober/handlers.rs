//! Running a probe's handler against the simulated runtime and judging the answer the way
//! pkg/probe/{exec,http,tcp,grpc} do: exec succeeds on exit 0, httpGet on 200 ≤ status < 400,
//! tcpSocket when a connection opens, grpc when the health service answers SERVING.

use super::ProbeResult;
use crate::cluster::KubeVersion;
use crate::kubelet::environment::expand_with_static_env;
use crate::kubelet::http_get::{self, Purpose};
use crate::model::{Container, HttpGetAction, IntOrString, Probe, ProbeAction};
use crate::runtime::{ContainerId, GrpcOutcome, HandlerRuntime, HttpOutcome};
use crate::time::{Millis, SECOND};

/// The outcome of one probe run: its result and the text the kubelet would log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeOutcome {
    pub result: ProbeResult,
    pub output: String,
}

impl ProbeOutcome {
    fn new(result: ProbeResult, output: impl Into<String>) -> Self {
        ProbeOutcome {
            result,
            output: output.into(),
        }
    }
}

/// Run `probe` for the container instance `id` at `now`.
pub fn run_probe(
    runtime: &mut (impl HandlerRuntime + ?Sized),
    probe: &Probe,
    container: &Container,
    id: ContainerId,
    now: Millis,
    v: KubeVersion,
) -> ProbeOutcome {
    let timeout = (probe.timeout().max(1) as u64).saturating_mul(SECOND);
    match probe.action() {
        Some(ProbeAction::Exec(exec)) => {
            let command = expand_with_static_env(container, &exec.command);
            run_exec(runtime, id, &command, timeout, now)
        }
        Some(ProbeAction::HttpGet(http)) => run_http(runtime, container, http, now, v),
        Some(ProbeAction::TcpSocket(tcp)) => match resolve_port(container, &tcp.port) {
            Ok(port) => match runtime.tcp_connect(tcp.host.as_deref(), port, now) {
                Ok(()) => ProbeOutcome::new(ProbeResult::Success, ""),
                Err(e) => ProbeOutcome::new(ProbeResult::Failure, e),
            },
            Err(e) => ProbeOutcome::new(ProbeResult::Unknown, e),
        },
        Some(ProbeAction::Grpc(grpc)) => {
            let port = u16::try_from(grpc.port).unwrap_or(0);
            match runtime.grpc_check(port, grpc.service.as_deref(), now) {
                GrpcOutcome::Serving => ProbeOutcome::new(ProbeResult::Success, ""),
                GrpcOutcome::NotServing(msg) | GrpcOutcome::Error(msg) => {
                    ProbeOutcome::new(ProbeResult::Failure, msg)
                }
            }
        }
        None => ProbeOutcome::new(ProbeResult::Unknown, "missing probe handler"),
    }
}

/// Exec: the command runs in the container (not through a shell); exit 0 is Success.
pub fn run_exec(
    runtime: &mut (impl HandlerRuntime + ?Sized),
    id: ContainerId,
    command: &[String],
    timeout: Millis,
    now: Millis,
) -> ProbeOutcome {
    let out = runtime.exec(id, command, timeout, now);
    let text = out.output.trim_end_matches('\n').to_string();
    if out.could_not_start {
        // The runtime could not run the command at all: an error, not a failed check.
        return ProbeOutcome::new(ProbeResult::Unknown, text);
    }
    match out.exit_code {
        Some(0) => ProbeOutcome::new(ProbeResult::Success, text),
        Some(_) => ProbeOutcome::new(ProbeResult::Failure, text),
        None => ProbeOutcome::new(
            ProbeResult::Failure,
            format!(
                "command timed out: \"{}\" timed out after {}s",
                command.join(" "),
                timeout / SECOND
            ),
        ),
    }
}

fn run_http(
    runtime: &mut (impl HandlerRuntime + ?Sized),
    container: &Container,
    http: &HttpGetAction,
    now: Millis,
    v: KubeVersion,
) -> ProbeOutcome {
    let req = match http_get::request(http, container, Purpose::Probe, v) {
        Ok(req) => req,
        Err(e) => return ProbeOutcome::new(ProbeResult::Unknown, e),
    };
    match runtime.http_get(&req, now) {
        HttpOutcome::Response { status, .. } if (200..400).contains(&status) => {
            ProbeOutcome::new(ProbeResult::Success, "")
        }
        HttpOutcome::Response { status, .. } => ProbeOutcome::new(
            ProbeResult::Failure,
            format!("HTTP probe failed with statuscode: {status}"),
        ),
        HttpOutcome::Error(e) => ProbeOutcome::new(ProbeResult::Failure, e),
    }
}

/// A probe port: a number, or the name of one of the container's ports. A name that no port
/// of the container has is then read as a number, the "last ditch effort" of
/// pkg/probe/util.go `ResolveContainerPort` (Kubernetes 1.34–1.36), so the error the kubelet
/// reports is Go's `strconv.Atoi` one: `strconv.Atoi: parsing "http": invalid syntax`.
pub fn resolve_port(container: &Container, port: &IntOrString) -> Result<u16, String> {
    let number = match port {
        IntOrString::Int(n) => *n,
        IntOrString::String(name) => match container.resolve_port(port) {
            Some(n) => n,
            None => atoi(name)?,
        },
    };
    match u16::try_from(number) {
        Ok(p) if p > 0 => Ok(p),
        _ => Err(format!("invalid port number: {number}")),
    }
}

/// Go's `strconv.Atoi` on a 64-bit platform, with its error text.
fn atoi(s: &str) -> Result<i64, String> {
    use std::num::IntErrorKind;
    s.parse::<i64>().map_err(|e| {
        let why = match e.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => "value out of range",
            _ => "invalid syntax",
        };
        format!("strconv.Atoi: parsing {s:?}: {why}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ContainerPort;

    fn web(ports: &[(Option<&str>, i64)]) -> Container {
        Container {
            name: "web".into(),
            ports: ports
                .iter()
                .map(|(name, n)| ContainerPort {
                    name: name.map(str::to_string),
                    container_port: *n,
                    ..ContainerPort::default()
                })
                .collect(),
            ..Container::default()
        }
    }

    #[test]
    fn a_named_port_resolves_to_its_number() {
        let c = web(&[(Some("http"), 80)]);
        assert_eq!(
            resolve_port(&c, &IntOrString::String("http".into())),
            Ok(80)
        );
        assert_eq!(resolve_port(&c, &IntOrString::Int(8080)), Ok(8080));
    }

    /// pkg/probe/util.go: a name no port has is parsed as a number, and Go's error is what the
    /// kubelet reports (`… errored and resulted in unknown state: strconv.Atoi: …`).
    #[test]
    fn a_name_no_port_has_fails_as_strconv_atoi_does() {
        let c = web(&[(None, 80)]);
        assert_eq!(
            resolve_port(&c, &IntOrString::String("http".into())),
            Err("strconv.Atoi: parsing \"http\": invalid syntax".to_string())
        );
        // The last-ditch parse succeeds on digits, and the range check still applies.
        assert_eq!(
            resolve_port(&c, &IntOrString::String("8080".into())),
            Ok(8080)
        );
        assert_eq!(
            resolve_port(&c, &IntOrString::String("70000".into())),
            Err("invalid port number: 70000".to_string())
        );
        assert_eq!(
            resolve_port(&c, &IntOrString::String("99999999999999999999".into())),
            Err("strconv.Atoi: parsing \"99999999999999999999\": value out of range".to_string())
        );
        assert_eq!(
            resolve_port(&c, &IntOrString::Int(0)),
            Err("invalid port number: 0".to_string())
        );
    }
}
