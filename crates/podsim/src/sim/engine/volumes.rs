//! The pod's volumes as the runtime mounts them (the kubelet's volume manager, reduced to
//! what podsim models): an emptyDir, a ConfigMap's keys as files (all of them, or the
//! `items` chosen, under their paths), and the service-account volume admission projects.

use crate::model::{ConfigMapVolumeSource, Container, Manifest};
use crate::runtime::{service_account_files, MountSpec, VolumeConfig, VolumeKind};

/// Every volume of the pod, with its files.
pub(super) fn volumes(manifest: &Manifest, namespace: &str) -> Vec<VolumeConfig> {
    manifest
        .pod
        .spec
        .volumes
        .iter()
        .map(|v| VolumeConfig {
            name: v.name.clone(),
            kind: match &v.config_map {
                Some(cm) => VolumeKind::ConfigMap {
                    files: config_map_files(manifest, cm),
                },
                // The service-account volume: what admission projects into it.
                None if v.projected.is_some() => VolumeKind::ConfigMap {
                    files: service_account_files(namespace),
                },
                None => VolumeKind::EmptyDir,
            },
        })
        .collect()
}

/// The files a ConfigMap volume shows: each key (or each chosen item) under its path.
fn config_map_files(manifest: &Manifest, source: &ConfigMapVolumeSource) -> Vec<(String, String)> {
    let Some(cm) = manifest
        .config_maps
        .iter()
        .find(|m| m.metadata.name.as_deref() == Some(source.name.as_str()))
    else {
        return Vec::new();
    };
    cm.data
        .iter()
        .filter_map(|(key, value)| {
            let path = if source.items.is_empty() {
                key.clone()
            } else {
                source.items.iter().find(|it| &it.key == key)?.path.clone()
            };
            Some((path, value.clone()))
        })
        .collect()
}

/// Where `container` mounts which volume.
pub(super) fn mounts(container: &Container) -> Vec<MountSpec> {
    container
        .volume_mounts
        .iter()
        .map(|m| MountSpec {
            volume: m.name.clone(),
            path: m.mount_path.clone(),
            read_only: m.read_only.unwrap_or(false),
        })
        .collect()
}
