//! Lifecycle hooks (pkg/kubelet/lifecycle/handlers.go `HandlerRunner`): what a postStart or
//! preStop handler does — exec a command in the container, send the `httpGet` request (the
//! same request a probe would send: `http_get::request`), open a TCP connection, or sleep —
//! and whether it succeeded, with the virtual time it took.

use super::http_get::{self, Purpose};
use super::prober::handlers::resolve_port;
use crate::cluster::KubeVersion;
use crate::model::{Container, LifecycleHandler};
use crate::runtime::{ContainerId, HandlerRuntime, HttpOutcome, HttpRequest};
use crate::time::{Millis, SECOND};

/// What a hook does, decided from its handler before anything runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HookAction {
    Exec(Vec<String>),
    HttpGet(HttpRequest),
    TcpSocket {
        host: Option<String>,
        port: u16,
    },
    Sleep(Millis),
    /// The handler cannot run (a port name the container does not have).
    Invalid(String),
    /// No handler set (validation refuses this; nothing to do).
    Nothing,
}

/// The action of `hook` in `container`.
pub fn action(hook: &LifecycleHandler, container: &Container, v: KubeVersion) -> HookAction {
    if let Some(exec) = &hook.exec {
        return HookAction::Exec(exec.command.clone());
    }
    if let Some(http) = &hook.http_get {
        return match http_get::request(http, container, Purpose::Lifecycle, v) {
            Ok(req) => HookAction::HttpGet(req),
            Err(e) => HookAction::Invalid(e),
        };
    }
    if let Some(tcp) = &hook.tcp_socket {
        return match resolve_port(container, &tcp.port) {
            Ok(port) => HookAction::TcpSocket {
                host: tcp.host.clone(),
                port,
            },
            Err(e) => HookAction::Invalid(e),
        };
    }
    if let Some(sleep) = &hook.sleep {
        return HookAction::Sleep((sleep.seconds.max(0) as u64).saturating_mul(SECOND));
    }
    HookAction::Nothing
}

/// How a hook run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HookRun {
    pub succeeded: bool,
    /// Virtual time it took, at most its budget.
    pub took: Millis,
}

/// Run `action` in container instance `id` at `now`, for at most `budget`.
pub fn run(
    runtime: &mut (impl HandlerRuntime + ?Sized),
    action: &HookAction,
    id: ContainerId,
    budget: Millis,
    now: Millis,
) -> HookRun {
    let done = |succeeded: bool, took: Millis| HookRun {
        succeeded,
        took: took.min(budget),
    };
    match action {
        HookAction::Exec(command) => {
            let out = runtime.exec(id, command, budget.max(SECOND), now);
            done(
                out.exit_code == Some(0) && !out.could_not_start,
                out.duration_ms,
            )
        }
        HookAction::HttpGet(req) => match runtime.http_get(req, now) {
            HttpOutcome::Response { status, .. } => done((200..400).contains(&status), 0),
            HttpOutcome::Error(_) => done(false, 0),
        },
        HookAction::TcpSocket { host, port } => {
            done(runtime.tcp_connect(host.as_deref(), *port, now).is_ok(), 0)
        }
        HookAction::Sleep(d) => done(true, *d),
        HookAction::Invalid(_) => done(false, 0),
        HookAction::Nothing => done(true, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HttpGetAction, HttpHeader, IntOrString};
    use crate::runtime::{ExecOutcome, GrpcOutcome};

    /// A runtime that answers every request with 200 and remembers what it was sent.
    #[derive(Default)]
    struct Recorder {
        requests: Vec<HttpRequest>,
    }

    impl HandlerRuntime for Recorder {
        fn exec(&mut self, _: ContainerId, _: &[String], _: Millis, _: Millis) -> ExecOutcome {
            ExecOutcome {
                exit_code: Some(0),
                output: String::new(),
                could_not_start: false,
                duration_ms: 0,
            }
        }
        fn http_get(&mut self, req: &HttpRequest, _: Millis) -> HttpOutcome {
            self.requests.push(req.clone());
            HttpOutcome::Response {
                status: 200,
                body: String::new(),
            }
        }
        fn tcp_connect(&mut self, _: Option<&str>, _: u16, _: Millis) -> Result<(), String> {
            Ok(())
        }
        fn grpc_check(&mut self, _: u16, _: Option<&str>, _: Millis) -> GrpcOutcome {
            GrpcOutcome::Serving
        }
    }

    /// A hook's `httpGet` sends its `httpHeaders`, as a probe's does (podsim dropped them
    /// before hooks and probes shared one request builder).
    #[test]
    fn an_http_hook_sends_its_headers() {
        let hook = LifecycleHandler {
            http_get: Some(HttpGetAction {
                path: Some("/drain".into()),
                port: IntOrString::Int(8080),
                host: None,
                scheme: None,
                http_headers: vec![HttpHeader {
                    name: "Authorization".into(),
                    value: "Bearer drain".into(),
                }],
            }),
            ..Default::default()
        };
        let mut runtime = Recorder::default();
        let act = action(&hook, &Container::default(), KubeVersion::V1_34);
        let run = run(&mut runtime, &act, 1, 30 * SECOND, 0);
        assert!(run.succeeded);
        let sent = &runtime.requests[0];
        assert_eq!(sent.path, "/drain");
        assert!(
            sent.headers
                .contains(&("Authorization".to_string(), "Bearer drain".to_string())),
            "{:?}",
            sent.headers
        );
        assert!(sent
            .headers
            .contains(&("User-Agent".to_string(), "kube-lifecycle/1.34".to_string())));
    }

    #[test]
    fn sleep_and_exec_take_their_time_within_the_budget() {
        let hook = LifecycleHandler {
            sleep: Some(crate::model::SleepAction { seconds: 90 }),
            ..Default::default()
        };
        let act = action(&hook, &Container::default(), KubeVersion::V1_34);
        let run = run(&mut Recorder::default(), &act, 1, 30 * SECOND, 0);
        assert_eq!(
            run,
            HookRun {
                succeeded: true,
                took: 30 * SECOND
            }
        );
    }
}
