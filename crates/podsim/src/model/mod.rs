//! The typed Kubernetes objects podsim understands: a v1 Pod (spec and status) plus the
//! Services and ConfigMaps a lesson needs. Plain serde structs using Kubernetes' JSON names.

pub mod configmap;
pub mod container;
pub mod int_or_string;
pub mod manifest;
pub mod meta;
pub mod pod;
pub mod probe;
pub mod quantity;
pub mod service;
pub mod status;
pub(crate) mod string_enum;

pub use configmap::ConfigMap;
pub use container::*;
pub use int_or_string::IntOrString;
pub use manifest::Manifest;
pub use meta::ObjectMeta;
pub use pod::*;
pub use probe::*;
pub use quantity::Quantity;
pub use service::*;
pub use status::*;
