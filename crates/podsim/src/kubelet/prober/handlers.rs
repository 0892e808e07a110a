//! Running a probe's handler against the simulated runtime and judging the answer the way
//! pkg/probe/{exec,http,tcp,grpc} do: exec succeeds on exit 0, httpGet on 200 ≤ status < 400,
//! tcpSocket when a connection opens, grpc when the health service answers SERVING.

use super::ProbeResult;
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
) -> ProbeOutcome {
    let timeout = (probe.timeout().max(1) as u64).saturating_mul(SECOND);
    match probe.action() {
        Some(ProbeAction::Exec(exec)) => {
            let command = expand_with_static_env(container, &exec.command);
            run_exec(runtime, id, &command, timeout, now)
        }
        Some(ProbeAction::HttpGet(http)) => run_http(runtime, container, http, now),
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
) -> ProbeOutcome {
    let req = match http_get::request(http, container, Purpose::Probe) {
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

/// A probe port: a number, or the name of one of the container's ports.
pub fn resolve_port(container: &Container, port: &IntOrString) -> Result<u16, String> {
    match container.resolve_port(port) {
        Some(p) if (1..=65535).contains(&p) => Ok(p as u16),
        Some(p) => Err(format!("invalid port number: {p}")),
        None => Err(format!("couldn't find port: {port} in {}", container.name)),
    }
}
