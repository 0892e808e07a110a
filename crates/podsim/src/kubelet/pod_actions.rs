//! What the kubelet should do next for the pod, computed purely from the spec and its view of
//! the containers — the shape of kuberuntime's computePodActions: which containers to start
//! (init containers one at a time, sidecars in order, then the app containers), which to kill
//! (failed liveness/startup probes), and whether the whole pod is done — each decision with
//! its reason (`StartWhy`, `KillPodWhy`), which the engine records as the cause of what
//! follows (`crate::why`). Whether an exited container starts again follows its restart rules
//! and own restartPolicy when it has them (KEP-5307: `Container::should_restart`), else the
//! pod's restartPolicy.

use super::container_record::ContainerRecord;
use crate::model::{PodSpec, RestartPolicy};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kill {
    pub container: usize,
    /// The Killing event's message.
    pub message: String,
    /// Start a replacement once it has exited.
    pub restart: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PodActions {
    pub create_sandbox: bool,
    /// Stop everything and run nothing more (the pod is terminal).
    pub kill_pod: bool,
    /// Containers to (re)start, in order (indices into the records).
    pub start: Vec<usize>,
    pub kill: Vec<Kill>,
    /// Why each container of `start` is started (the same order).
    pub start_why: Vec<StartWhy>,
    /// Why the whole pod is stopped, when `kill_pod`.
    pub kill_pod_why: Option<KillPodWhy>,
}

/// Why computePodActions starts a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartWhy {
    /// An app container that has never run (`after`: the last init container it waited for).
    First { after: Option<usize> },
    /// The next regular init container (`after`: the one before it, which completed).
    InitInOrder { after: Option<usize> },
    /// A sidecar, started in its turn or restarted after it exited.
    Sidecar { restart: bool, after: Option<usize> },
    /// An exited app container that restartPolicy restarts.
    Restart,
    /// A failed regular init container run again.
    RestartInit,
}

/// Why computePodActions stops the whole pod.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KillPodWhy {
    /// This regular init container failed under restartPolicy: Never.
    InitFailed(usize),
    /// Every regular container is done and none restarts.
    AllDone,
}

impl PodActions {
    fn start(&mut self, container: usize, why: StartWhy) {
        self.start.push(container);
        self.start_why.push(why);
    }
}

fn busy(r: &ContainerRecord) -> bool {
    r.starting || r.kill.is_some()
}

fn probe_kill(r: &ContainerRecord, i: usize, restart: bool) -> Option<Kill> {
    let what = if r.liveness_failed {
        "liveness"
    } else if r.startup_failed {
        "startup"
    } else {
        return None;
    };
    let message = if r.sidecar {
        format!("Init container {} failed {what} probe", r.name)
    } else if restart {
        format!(
            "Container {} failed {what} probe, will be restarted",
            r.name
        )
    } else {
        format!("Container {} failed {what} probe", r.name)
    };
    Some(Kill {
        container: i,
        message,
        restart,
    })
}

/// `records` holds the init containers first, then the app containers, in spec order.
/// `sandbox_ready`: the pod sandbox exists. `has_initialized`: an app container started once.
pub fn compute(
    spec: &PodSpec,
    records: &[ContainerRecord],
    sandbox_ready: bool,
    has_initialized: bool,
) -> PodActions {
    let mut actions = PodActions::default();
    if !sandbox_ready {
        actions.create_sandbox = true;
        return actions;
    }
    let policy = spec.restart_policy();
    let containers: Vec<&crate::model::Container> = spec.all_containers().map(|(c, _)| c).collect();
    let container = |i: usize| containers.get(i).copied();

    // Init containers: one at a time, sidecars kept running.
    let mut init_done = true;
    // The init container before the one looked at (what a start waited for).
    let mut previous: Option<usize> = None;
    for (i, r) in records.iter().enumerate().filter(|(_, r)| r.init) {
        let after = previous.replace(i);
        if r.sidecar {
            if busy(r) {
                if !r.started && !has_initialized {
                    init_done = false;
                    break;
                }
                continue;
            }
            if r.is_running() {
                if let Some(k) = probe_kill(r, i, true) {
                    actions.kill.push(k);
                    continue;
                }
                if !r.started && !has_initialized {
                    init_done = false;
                    break;
                }
                continue;
            }
            // Never started, or exited: sidecars are always restarted.
            let restart = r.current().is_some();
            actions.start(i, StartWhy::Sidecar { restart, after });
            if !has_initialized {
                init_done = false;
                break;
            }
            continue;
        }
        if has_initialized {
            continue; // regular init containers never run again once the pod initialised
        }
        if r.completed() {
            continue;
        }
        init_done = false;
        if busy(r) || r.is_running() {
            break;
        }
        if let Some(code) = r.current().and_then(|i| i.exit_code()).filter(|c| *c != 0) {
            let restart = container(i).map_or(policy != RestartPolicy::Never, |c| {
                c.should_restart(policy, code)
            });
            if !restart {
                actions.kill_pod = true;
                actions.kill_pod_why = Some(KillPodWhy::InitFailed(i));
                return actions;
            }
            actions.start(i, StartWhy::RestartInit);
            break;
        }
        actions.start(i, StartWhy::InitInOrder { after });
        break;
    }
    if !init_done {
        return actions;
    }
    let last_init = previous;

    // App containers.
    let mut keep = 0;
    for (i, r) in records.iter().enumerate().filter(|(_, r)| !r.init) {
        if busy(r) {
            keep += 1;
            continue;
        }
        if r.is_running() {
            keep += 1;
            let restarting = container(i).map_or(policy != RestartPolicy::Never, |c| {
                c.restarts_after_probe_kill(policy)
            });
            if let Some(k) = probe_kill(r, i, restarting) {
                if !restarting {
                    keep -= 1;
                }
                actions.kill.push(k);
            }
            continue;
        }
        match r.current() {
            None => {
                keep += 1;
                let after = if has_initialized { None } else { last_init };
                actions.start(i, StartWhy::First { after });
            }
            Some(last) => {
                let restart = last.exit_code().is_none_or(|code| {
                    container(i).map_or(policy.restarts_after(code), |c| {
                        c.should_restart(policy, code)
                    })
                });
                if restart {
                    keep += 1;
                    actions.start(i, StartWhy::Restart);
                }
            }
        }
    }
    if keep == 0 {
        // Every regular container is done for good: stop the sidecars, the pod is terminal.
        actions.kill_pod = true;
        actions.kill_pod_why = Some(KillPodWhy::AllDone);
        actions.start.clear();
        actions.start_why.clear();
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubelet::container_record::{Exit, Instance};
    use crate::model::{Container, TerminatedReason};

    fn spec(
        init: &[(&str, bool)],
        app: &[&str],
        policy: RestartPolicy,
    ) -> (PodSpec, Vec<ContainerRecord>) {
        let mut spec = PodSpec {
            restart_policy: Some(policy.as_str().into()),
            ..Default::default()
        };
        let mut recs = Vec::new();
        for (name, sidecar) in init {
            spec.init_containers.push(Container {
                name: name.to_string(),
                restart_policy: sidecar.then(|| RestartPolicy::Always.as_str().into()),
                ..Default::default()
            });
            recs.push(ContainerRecord::new(name, true, *sidecar, "busybox"));
        }
        for name in app {
            spec.containers.push(Container {
                name: name.to_string(),
                ..Default::default()
            });
            recs.push(ContainerRecord::new(name, false, false, "busybox"));
        }
        (spec, recs)
    }

    fn run(r: &mut ContainerRecord, id: u64) {
        r.instances
            .push(Instance::running_since(id, String::new(), 0));
        r.started = true;
    }

    fn exit(r: &mut ContainerRecord, code: i32) {
        if let Some(i) = r.instances.last_mut() {
            i.exit = Some(Exit {
                at: 1,
                code,
                signal: None,
                reason: TerminatedReason::of_exit(code),
                message: None,
            });
        }
    }

    #[test]
    fn sandbox_first() {
        let (s, r) = spec(&[], &["app"], RestartPolicy::Always);
        assert!(compute(&s, &r, false, false).create_sandbox);
    }

    #[test]
    fn init_containers_run_one_at_a_time() {
        let (s, mut r) = spec(
            &[("a", false), ("b", false)],
            &["app"],
            RestartPolicy::Always,
        );
        assert_eq!(compute(&s, &r, true, false).start, vec![0]);
        run(&mut r[0], 1);
        assert!(compute(&s, &r, true, false).start.is_empty());
        exit(&mut r[0], 0);
        assert_eq!(compute(&s, &r, true, false).start, vec![1]);
        run(&mut r[1], 2);
        exit(&mut r[1], 0);
        assert_eq!(compute(&s, &r, true, false).start, vec![2]);
    }

    #[test]
    fn failed_init_retries_or_fails_the_pod() {
        let (s, mut r) = spec(&[("a", false)], &["app"], RestartPolicy::Always);
        run(&mut r[0], 1);
        exit(&mut r[0], 1);
        assert_eq!(compute(&s, &r, true, false).start, vec![0]);
        let (s, mut r) = spec(&[("a", false)], &["app"], RestartPolicy::Never);
        run(&mut r[0], 1);
        exit(&mut r[0], 1);
        assert!(compute(&s, &r, true, false).kill_pod);
    }

    #[test]
    fn sidecar_must_be_started_before_the_next() {
        let (s, mut r) = spec(
            &[("side", true), ("b", false)],
            &["app"],
            RestartPolicy::Always,
        );
        assert_eq!(compute(&s, &r, true, false).start, vec![0]);
        run(&mut r[0], 1);
        r[0].started = false;
        assert!(compute(&s, &r, true, false).start.is_empty());
        r[0].started = true;
        assert_eq!(compute(&s, &r, true, false).start, vec![1]);
    }

    #[test]
    fn restart_policies_for_app_containers() {
        for (policy, code, restart) in [
            (RestartPolicy::Always, 0, true),
            (RestartPolicy::Always, 1, true),
            (RestartPolicy::OnFailure, 0, false),
            (RestartPolicy::OnFailure, 1, true),
            (RestartPolicy::Never, 1, false),
        ] {
            let (s, mut r) = spec(&[], &["app"], policy);
            run(&mut r[0], 1);
            exit(&mut r[0], code);
            let a = compute(&s, &r, true, true);
            assert_eq!(a.start == vec![0], restart, "{policy} exit {code}");
            assert_eq!(a.kill_pod, !restart, "{policy} exit {code}");
        }
    }

    #[test]
    fn liveness_failure_kills_with_the_kubelet_message() {
        let (s, mut r) = spec(&[], &["web"], RestartPolicy::Always);
        run(&mut r[0], 1);
        r[0].liveness_failed = true;
        let a = compute(&s, &r, true, true);
        assert_eq!(
            a.kill,
            vec![Kill {
                container: 0,
                message: "Container web failed liveness probe, will be restarted".into(),
                restart: true
            }]
        );
        let (s, mut r) = spec(&[], &["web"], RestartPolicy::Never);
        run(&mut r[0], 1);
        r[0].startup_failed = true;
        assert_eq!(
            compute(&s, &r, true, true).kill[0].message,
            "Container web failed startup probe"
        );
    }

    #[test]
    fn sidecars_stop_when_the_app_is_done() {
        let (s, mut r) = spec(&[("side", true)], &["main"], RestartPolicy::Never);
        run(&mut r[0], 1);
        run(&mut r[1], 2);
        exit(&mut r[1], 0);
        let a = compute(&s, &r, true, true);
        assert!(a.kill_pod);
        assert!(a.start.is_empty());
    }
}
