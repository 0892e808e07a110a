//! What a manifest declares at a glance: the Pod's name, its containers with image and ports,
//! and the other objects beside it. The app's result region shows this while the learner types.

use crate::model::Manifest;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PodSummary {
    pub name: String,
    pub namespace: String,
    pub containers: Vec<ContainerSummary>,
    pub services: Vec<String>,
    pub config_maps: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerSummary {
    pub name: String,
    /// `init`, `sidecar` or `app`.
    pub role: String,
    pub image: String,
    /// Ports as kubectl describe writes them: `8080/TCP`, with the name when set.
    pub ports: Vec<String>,
}

pub fn summarize(manifest: &Manifest) -> PodSummary {
    let pod = &manifest.pod;
    let containers = pod
        .spec
        .all_containers()
        .map(|(c, init)| ContainerSummary {
            name: c.name.clone(),
            role: match (init, c.is_restartable()) {
                (true, true) => "sidecar",
                (true, false) => "init",
                _ => "app",
            }
            .to_string(),
            image: c.image().to_string(),
            ports: c
                .ports
                .iter()
                .map(|p| {
                    let proto = p.protocol.as_deref().unwrap_or("TCP");
                    match &p.name {
                        Some(n) => format!("{}/{} ({})", p.container_port, proto, n),
                        None => format!("{}/{}", p.container_port, proto),
                    }
                })
                .collect(),
        })
        .collect();
    PodSummary {
        name: pod.metadata.effective_name(),
        namespace: pod.metadata.effective_namespace().to_string(),
        containers,
        services: names(manifest.services.iter().map(|s| &s.metadata)),
        config_maps: names(manifest.config_maps.iter().map(|c| &c.metadata)),
    }
}

fn names<'a>(metas: impl Iterator<Item = &'a crate::model::ObjectMeta>) -> Vec<String> {
    metas.map(|m| m.effective_name()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Container, ContainerPort, Pod};

    #[test]
    fn summarizes_roles_images_and_ports() {
        let mut pod = Pod::default();
        pod.metadata.name = Some("web".into());
        pod.spec.init_containers.push(Container {
            name: "setup".into(),
            image: Some("busybox:1.36".into()),
            ..Default::default()
        });
        pod.spec.init_containers.push(Container {
            name: "logs".into(),
            image: Some("alpine".into()),
            restart_policy: Some("Always".into()),
            ..Default::default()
        });
        pod.spec.containers.push(Container {
            name: "app".into(),
            image: Some("nginx:1.27".into()),
            ports: vec![ContainerPort {
                name: Some("http".into()),
                container_port: 80,
                ..Default::default()
            }],
            ..Default::default()
        });
        let s = summarize(&Manifest {
            pod,
            ..Default::default()
        });
        assert_eq!(s.name, "web");
        assert_eq!(s.namespace, "default");
        let roles: Vec<_> = s.containers.iter().map(|c| c.role.as_str()).collect();
        assert_eq!(roles, ["init", "sidecar", "app"]);
        assert_eq!(s.containers[2].ports, ["80/TCP (http)"]);
        assert_eq!(s.containers[1].image, "alpine");
    }
}
