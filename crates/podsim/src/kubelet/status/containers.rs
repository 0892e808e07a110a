//! Container statuses (kubelet_pods.go convertToAPIContainerStatuses): the newest instance is
//! `state`, the one before it `lastState`; a container the kubelet failed to (re)start shows
//! the cached reason as Waiting; one never started waits as ContainerCreating, or
//! PodInitializing when the pod has init containers.

use crate::kubelet::container_record::{ContainerRecord, Instance, Waiting};
use crate::model::{
    ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting,
    ContainerStatus, WaitingReason,
};

/// The terminated state of an instance that has exited (empty while it runs).
pub fn terminated(i: &Instance) -> ContainerState {
    ContainerState {
        terminated: i.exit.as_ref().map(|exit| ContainerStateTerminated {
            exit_code: exit.code,
            signal: exit.signal,
            reason: Some(exit.reason),
            message: exit.message.clone(),
            started_at: i.started_at,
            finished_at: exit.at,
            container_id: Some(i.container_id.clone()),
        }),
        ..Default::default()
    }
}

fn waiting(reason: WaitingReason, message: Option<&str>) -> ContainerState {
    ContainerState {
        waiting: Some(ContainerStateWaiting {
            reason: Some(reason),
            message: message.filter(|m| !m.is_empty()).map(str::to_string),
        }),
        ..Default::default()
    }
}

fn cached(w: &Waiting) -> ContainerState {
    waiting(w.reason, Some(&w.message))
}

pub fn container_status(r: &ContainerRecord, pod_has_init: bool) -> ContainerStatus {
    let n = r.instances.len();
    let previous = || {
        n.checked_sub(2)
            .and_then(|k| r.instances.get(k))
            .map(terminated)
            .unwrap_or_default()
    };
    let (state, last_state, container_id) = match r.instances.last() {
        Some(cur) if cur.running() => (
            ContainerState {
                running: Some(ContainerStateRunning {
                    started_at: cur.started_at,
                }),
                ..Default::default()
            },
            previous(),
            Some(cur.container_id.clone()),
        ),
        Some(cur) => match &r.visible_reason {
            Some(w) => (cached(w), terminated(cur), Some(cur.container_id.clone())),
            None => (terminated(cur), previous(), Some(cur.container_id.clone())),
        },
        None => {
            let state = match &r.visible_reason {
                Some(w) => cached(w),
                None if pod_has_init => waiting(WaitingReason::PodInitializing, None),
                None => waiting(WaitingReason::ContainerCreating, None),
            };
            (state, ContainerState::default(), None)
        }
    };
    let running = state.running.is_some();
    ContainerStatus {
        name: r.name.clone(),
        state,
        last_state,
        ready: r.ready(),
        restart_count: r.restart_count,
        image: r.image.clone(),
        image_id: if r.instances.is_empty() {
            String::new()
        } else {
            r.image_id.clone()
        },
        container_id,
        started: Some(running && r.started),
    }
}
