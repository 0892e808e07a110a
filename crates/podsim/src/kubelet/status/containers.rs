//! Container statuses (kubelet_pods.go convertToAPIContainerStatuses): the newest instance is
//! `state`, the one before it `lastState`; a container the kubelet failed to (re)start shows
//! the cached reason as Waiting; one never started waits as ContainerCreating, or
//! PodInitializing when the pod has init containers.

use super::ContainerIds;
use crate::kubelet::container_record::{ContainerRecord, Instance};
use crate::model::{
    ContainerState, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting,
    ContainerStatus,
};

pub fn terminated(i: &Instance, ids: &dyn ContainerIds) -> ContainerState {
    ContainerState {
        terminated: Some(ContainerStateTerminated {
            exit_code: i.exit_code,
            signal: i.signal,
            reason: Some(i.reason.clone()),
            message: i.message.clone(),
            started_at: i.started_at,
            finished_at: i.finished_at.unwrap_or(i.started_at),
            container_id: Some(ids.container_id(i.id)),
        }),
        ..Default::default()
    }
}

fn waiting(reason: &str, message: Option<&str>) -> ContainerState {
    ContainerState {
        waiting: Some(ContainerStateWaiting {
            reason: Some(reason.to_string()),
            message: message.filter(|m| !m.is_empty()).map(str::to_string),
        }),
        ..Default::default()
    }
}

pub fn container_status(
    r: &ContainerRecord,
    pod_has_init: bool,
    ids: &dyn ContainerIds,
) -> ContainerStatus {
    let n = r.instances.len();
    let (state, last_state, container_id) = match r.instances.last() {
        Some(cur) if cur.running() => (
            ContainerState {
                running: Some(ContainerStateRunning {
                    started_at: cur.started_at,
                }),
                ..Default::default()
            },
            n.checked_sub(2)
                .and_then(|k| r.instances.get(k))
                .map(|p| terminated(p, ids))
                .unwrap_or_default(),
            Some(ids.container_id(cur.id)),
        ),
        Some(cur) => match &r.visible_reason {
            Some((reason, message)) => (
                waiting(reason, Some(message)),
                terminated(cur, ids),
                Some(ids.container_id(cur.id)),
            ),
            None => (
                terminated(cur, ids),
                n.checked_sub(2)
                    .and_then(|k| r.instances.get(k))
                    .map(|p| terminated(p, ids))
                    .unwrap_or_default(),
                Some(ids.container_id(cur.id)),
            ),
        },
        None => {
            let state = match &r.visible_reason {
                Some((reason, message)) => waiting(reason, Some(message)),
                None if pod_has_init => waiting("PodInitializing", None),
                None => waiting("ContainerCreating", None),
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
            ids.image_id(&r.image)
        },
        container_id,
        started: Some(running && r.started),
    }
}
