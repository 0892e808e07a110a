//! Lifecycle hooks (pkg/kubelet/lifecycle/handlers.go `HandlerRunner.Run`): what a postStart
//! or preStop handler does and whether it succeeded, with the virtual time it took and the
//! message the kubelet keeps when it failed (the waiting message of PostStartHookError):
//!
//! - `exec`: the command in the container, with no timeout (`RunInContainer(…, 0)`); any
//!   exit but 0 fails.
//! - `httpGet`: the same request a probe sends (`http_get::request`); any HTTP response
//!   succeeds, whatever its status code — only a transport error fails.
//! - `sleep`: the seconds pass; only the sync's context being cancelled (the pod is deleted)
//!   ends it early, as a failure.
//! - `tcpSocket`: never supported as a hook — it always fails (`invalid handler`).

use super::http_get::{self, Purpose};
use crate::cluster::KubeVersion;
use crate::model::{Container, LifecycleHandler};
use crate::runtime::{ContainerId, HandlerRuntime, HttpOutcome, HttpRequest};
use crate::time::{Millis, SECOND};

/// What a hook does, decided from its handler before anything runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HookAction {
    Exec(Vec<String>),
    HttpGet {
        /// The path as written (the message names it).
        path: String,
        request: Result<HttpRequest, String>,
    },
    /// `tcpSocket`, kept in the API but never run: the handler is printed in the error.
    TcpSocket {
        handler: String,
    },
    Sleep(Millis),
    /// No handler set (validation refuses this; nothing to do).
    Nothing,
}

/// Go's generated `String()` of the handler (`&LifecycleHandler{…}`), as the kubelet's
/// `invalid handler: %v` prints it for a tcpSocket hook.
fn handler_string(h: &LifecycleHandler) -> String {
    let tcp = match &h.tcp_socket {
        Some(t) => format!(
            "&TCPSocketAction{{Port:{},Host:{},}}",
            t.port,
            t.host.as_deref().unwrap_or("")
        ),
        None => "nil".into(),
    };
    format!("&LifecycleHandler{{Exec:nil,HTTPGet:nil,TCPSocket:{tcp},Sleep:nil,}}")
}

/// The action of `hook` in `container`.
pub fn action(hook: &LifecycleHandler, container: &Container, v: KubeVersion) -> HookAction {
    if let Some(exec) = &hook.exec {
        return HookAction::Exec(exec.command.clone());
    }
    if let Some(http) = &hook.http_get {
        return HookAction::HttpGet {
            path: http.path.clone().unwrap_or_default(),
            request: http_get::request(http, container, Purpose::Lifecycle, v),
        };
    }
    if hook.tcp_socket.is_some() {
        return HookAction::TcpSocket {
            handler: handler_string(hook),
        };
    }
    if let Some(sleep) = &hook.sleep {
        return HookAction::Sleep((sleep.seconds.max(0) as u64).saturating_mul(SECOND));
    }
    HookAction::Nothing
}

/// How a hook run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookRun {
    /// Virtual time it took (for an unfinished one: the budget it was given).
    pub took: Millis,
    /// None: it succeeded. Some: the message the kubelet keeps (`msg` of `HandlerRunner.Run`).
    pub failure: Option<String>,
}

impl HookRun {
    pub fn succeeded(&self) -> bool {
        self.failure.is_none()
    }
}

/// Who runs the hook, as its failure message names them: container name and `format.Pod`.
#[derive(Debug, Clone, Copy)]
pub struct HookContext<'a> {
    pub container: &'a str,
    /// `NAME_NAMESPACE(UID)`.
    pub pod_ref: &'a str,
}

/// Go's `%v` of a `[]string`: `[sh -c exit 1]`.
fn go_slice(v: &[String]) -> String {
    format!("[{}]", v.join(" "))
}

/// Run `action` in container instance `id` at `now`. `budget`: how long the simulation still
/// runs (an exec hook has no timeout of its own).
pub fn run(
    runtime: &mut (impl HandlerRuntime + ?Sized),
    action: &HookAction,
    cx: HookContext,
    id: ContainerId,
    budget: Millis,
    now: Millis,
) -> HookRun {
    let ok = |took: Millis| HookRun {
        took,
        failure: None,
    };
    let who = format!("for Container {:?} in Pod {:?}", cx.container, cx.pod_ref);
    match action {
        HookAction::Exec(command) => {
            let out = runtime.exec(id, command, budget.max(SECOND), now);
            let error = if out.could_not_start {
                Some(out.output.clone())
            } else {
                match out.exit_code {
                    Some(0) => None,
                    // CRI ExecSync: `command '%s' exited with %d: %s` (stderr).
                    Some(code) => Some(format!(
                        "command '{}' exited with {code}: {}",
                        command.join(" "),
                        out.output
                    )),
                    // Still running when the simulation ends.
                    None => return ok(budget),
                }
            };
            match error {
                None => ok(out.duration_ms),
                Some(e) => HookRun {
                    took: out.duration_ms,
                    failure: Some(format!(
                        "Exec lifecycle hook ({}) {who} failed - error: {e}, message: {}",
                        go_slice(command),
                        crate::api::field_error::go_quote(&out.output)
                    )),
                },
            }
        }
        HookAction::HttpGet { path, request } => {
            let error = match request {
                Err(e) => Some(e.clone()),
                Ok(req) => match runtime.http_get(req, now) {
                    HttpOutcome::Response { .. } => None,
                    HttpOutcome::Error(e) => Some(e),
                },
            };
            match error {
                None => ok(0),
                Some(e) => HookRun {
                    took: 0,
                    failure: Some(format!(
                        "HTTP lifecycle hook ({path}) {who} failed - error: {e}"
                    )),
                },
            }
        }
        HookAction::TcpSocket { handler } => HookRun {
            took: 0,
            failure: Some(format!("Cannot run handler: invalid handler: {handler}")),
        },
        HookAction::Sleep(d) => ok(*d),
        HookAction::Nothing => ok(0),
    }
}

/// A sleep hook cut short by the pod's deletion (`runSleepHandler`: the context is done).
pub fn sleep_cancelled(seconds: Millis, cx: HookContext) -> String {
    format!(
        "Sleep lifecycle hook ({}) for Container {:?} in Pod {:?} failed - error: container terminated before sleep hook finished",
        seconds / SECOND,
        cx.container,
        cx.pod_ref
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{HttpGetAction, HttpHeader, IntOrString, TcpSocketAction};
    use crate::runtime::{ExecOutcome, GrpcOutcome};

    /// A runtime that answers every request with `status` and remembers what it was sent.
    struct Recorder {
        requests: Vec<HttpRequest>,
        status: u16,
        exit: i32,
    }

    impl Default for Recorder {
        fn default() -> Self {
            Recorder {
                requests: Vec::new(),
                status: 200,
                exit: 0,
            }
        }
    }

    impl HandlerRuntime for Recorder {
        fn exec(&mut self, _: ContainerId, _: &[String], _: Millis, _: Millis) -> ExecOutcome {
            ExecOutcome {
                exit_code: Some(self.exit),
                output: if self.exit == 0 {
                    String::new()
                } else {
                    "boom\n".into()
                },
                could_not_start: false,
                duration_ms: 1500,
            }
        }
        fn http_get(&mut self, req: &HttpRequest, _: Millis) -> HttpOutcome {
            self.requests.push(req.clone());
            HttpOutcome::Response {
                status: self.status,
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

    const CX: HookContext = HookContext {
        container: "web",
        pod_ref: "p_default(uid)",
    };

    fn http_hook(path: &str) -> LifecycleHandler {
        LifecycleHandler {
            http_get: Some(HttpGetAction {
                path: Some(path.into()),
                port: IntOrString::Int(8080),
                host: None,
                scheme: None,
                http_headers: vec![HttpHeader {
                    name: "Authorization".into(),
                    value: "Bearer drain".into(),
                }],
            }),
            ..Default::default()
        }
    }

    /// A hook's `httpGet` sends its `httpHeaders`, as a probe's does (podsim dropped them
    /// before hooks and probes shared one request builder).
    #[test]
    fn an_http_hook_sends_its_headers() {
        let mut runtime = Recorder::default();
        let act = action(
            &http_hook("/drain"),
            &Container::default(),
            KubeVersion::V1_34,
        );
        let run = run(&mut runtime, &act, CX, 1, 30 * SECOND, 0);
        assert!(run.succeeded());
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

    /// handlers.go `runHTTPHandler` returns the transport error only: a 500 succeeds.
    #[test]
    fn an_http_hook_succeeds_on_any_response() {
        let mut runtime = Recorder {
            status: 500,
            ..Default::default()
        };
        let act = action(&http_hook("/x"), &Container::default(), KubeVersion::NEWEST);
        assert!(run(&mut runtime, &act, CX, 1, SECOND, 0).succeeded());
    }

    /// handlers.go `Run`: `default: … fmt.Errorf("invalid handler: %v", handler)`.
    #[test]
    fn a_tcp_socket_hook_always_fails() {
        let hook = LifecycleHandler {
            tcp_socket: Some(TcpSocketAction {
                port: IntOrString::Int(8080),
                host: None,
            }),
            ..Default::default()
        };
        let act = action(&hook, &Container::default(), KubeVersion::NEWEST);
        let run = run(&mut Recorder::default(), &act, CX, 1, SECOND, 0);
        assert_eq!(
            run.failure.as_deref(),
            Some("Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:8080,Host:,},Sleep:nil,}")
        );
    }

    /// handlers.go: `Exec lifecycle hook (%v) for Container %q in Pod %q failed - error: %v,
    /// message: %q`, the error being CRI ExecSync's `command '%s' exited with %d: %s`.
    #[test]
    fn an_exec_hook_failure_message() {
        let hook = LifecycleHandler {
            exec: Some(crate::model::ExecAction {
                command: vec!["sh".into(), "-c".into(), "exit 1".into()],
            }),
            ..Default::default()
        };
        let act = action(&hook, &Container::default(), KubeVersion::NEWEST);
        let mut runtime = Recorder {
            exit: 1,
            ..Default::default()
        };
        let run = run(&mut runtime, &act, CX, 1, SECOND, 0);
        assert_eq!(run.took, 1500);
        assert_eq!(
            run.failure.as_deref(),
            Some("Exec lifecycle hook ([sh -c exit 1]) for Container \"web\" in Pod \"p_default(uid)\" failed - error: command 'sh -c exit 1' exited with 1: boom\n, message: \"boom\\n\"")
        );
    }

    #[test]
    fn sleep_takes_its_time() {
        let hook = LifecycleHandler {
            sleep: Some(crate::model::SleepAction { seconds: 90 }),
            ..Default::default()
        };
        let act = action(&hook, &Container::default(), KubeVersion::NEWEST);
        let run = run(&mut Recorder::default(), &act, CX, 1, 30 * SECOND, 0);
        assert_eq!(
            run,
            HookRun {
                took: 90 * SECOND,
                failure: None
            }
        );
        assert_eq!(
            sleep_cancelled(90 * SECOND, CX),
            "Sleep lifecycle hook (90) for Container \"web\" in Pod \"p_default(uid)\" failed - error: container terminated before sleep hook finished"
        );
    }
}
