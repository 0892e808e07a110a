//! What the apiserver drops before validating a new Pod when a field's feature gate is off
//! (pkg/api/pod/util.go `dropDisabledFields`, for a create: no old pod uses the field):
//! an init container's `restartPolicy` without SidecarContainers; a container's
//! `restartPolicy` (but an init container's `Always`) and `restartPolicyRules` without
//! ContainerRestartRules (from 1.34, the release that added them); a lifecycle hook's
//! `sleep` without PodLifecycleSleepAction — a hook left with no handler goes, and a
//! lifecycle left empty. The apiserver says nothing; podlab says what was dropped.

use crate::cluster::{Cluster, Gate, KubeVersion};
use crate::model::{Container, Lifecycle, Pod};

/// One field the apiserver dropped, and the gate that was off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub path: String,
    pub gate: Gate,
}

fn each_container(pod: &mut Pod, mut f: impl FnMut(&mut Container, String, bool)) {
    for (i, c) in pod.spec.init_containers.iter_mut().enumerate() {
        f(c, format!("spec.initContainers[{i}]"), true);
    }
    for (i, c) in pod.spec.containers.iter_mut().enumerate() {
        f(c, format!("spec.containers[{i}]"), false);
    }
}

/// Drop what `cluster` has disabled from `pod`; what was dropped.
pub fn drop_disabled(pod: &mut Pod, cluster: &Cluster) -> Vec<Dropped> {
    let mut out = Vec::new();
    if !cluster.enabled(Gate::SidecarContainers) {
        for (i, c) in pod.spec.init_containers.iter_mut().enumerate() {
            if c.restart_policy.take().is_some() {
                out.push(Dropped {
                    path: format!("spec.initContainers[{i}].restartPolicy"),
                    gate: Gate::SidecarContainers,
                });
            }
        }
    }
    if cluster.version >= KubeVersion::V1_34 && !cluster.enabled(Gate::ContainerRestartRules) {
        // dropContainerRestartRules
        each_container(pod, |c, path, init| {
            let keep = init && c.is_restartable();
            if !keep && c.restart_policy.take().is_some() {
                out.push(Dropped {
                    path: format!("{path}.restartPolicy"),
                    gate: Gate::ContainerRestartRules,
                });
            }
            if !c.restart_policy_rules.is_empty() {
                c.restart_policy_rules.clear();
                out.push(Dropped {
                    path: format!("{path}.restartPolicyRules"),
                    gate: Gate::ContainerRestartRules,
                });
            }
        });
    }
    if !cluster.enabled(Gate::PodLifecycleSleepAction) {
        // dropPodLifecycleSleepAction
        each_container(pod, |c, path, _| {
            let Some(l) = c.lifecycle.as_mut() else {
                return;
            };
            drop_sleep(l, &path, &mut out);
            if l.post_start.is_none() && l.pre_stop.is_none() {
                c.lifecycle = None;
            }
        });
    }
    out
}

fn drop_sleep(l: &mut Lifecycle, path: &str, out: &mut Vec<Dropped>) {
    for (name, hook) in [
        ("postStart", &mut l.post_start),
        ("preStop", &mut l.pre_stop),
    ] {
        let Some(h) = hook.as_mut() else { continue };
        if h.sleep.take().is_some() {
            out.push(Dropped {
                path: format!("{path}.lifecycle.{name}.sleep"),
                gate: Gate::PodLifecycleSleepAction,
            });
            if h.exec.is_none() && h.http_get.is_none() && h.tcp_socket.is_none() {
                *hook = None;
            }
        }
    }
}
