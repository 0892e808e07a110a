//! A learner's manifest: one Pod plus the Services and ConfigMaps around it.

use super::{ConfigMap, Pod, Service};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub pod: Pod,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub config_maps: Vec<ConfigMap>,
}
