//! What a container is created with (kuberuntime generateContainerConfig): its environment
//! and its expanded command and args (`kubelet::environment`, reading the downward API
//! values of this moment), its mounts (`volumes`) and its memory limit.

use super::Engine;
use crate::kubelet::environment::{self, ConfigError, PodFields};
use crate::runtime::ContainerSpec;

impl Engine<'_> {
    pub(super) fn container_config(&self, c: usize) -> Result<ContainerSpec, ConfigError> {
        let container = self.pod.containers[c];
        let pod = &self.pod.manifest.pod;
        let name = self.pod.name();
        let fields = PodFields {
            meta: &pod.metadata,
            name: &name,
            namespace: self.pod.namespace(),
            uid: &self.timeline.uid,
            node_name: self.timeline.node.as_deref().unwrap_or(""),
            service_account_name: pod
                .spec
                .service_account_name
                .as_deref()
                .unwrap_or("default"),
            pod_ip: self.state.pod_ip.as_deref().unwrap_or(""),
            host_ip: self.state.host_ip.as_deref().unwrap_or(""),
        };
        let env =
            environment::make_environment(container, &self.pod.manifest.config_maps, &fields)?;
        let (command, args) = environment::command_and_args(container, &env);
        Ok(ContainerSpec {
            name: container.name.clone(),
            image: container.image().to_string(),
            command,
            args,
            working_dir: container.working_dir.clone(),
            env,
            mounts: super::volumes::mounts(container),
            memory_limit_bytes: container
                .limit("memory")
                .and_then(|q| q.value())
                .and_then(|v| u64::try_from(v).ok()),
        })
    }
}
