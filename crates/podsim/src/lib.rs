//! podsim — podlab's engine. Everything Kubernetes lives here, with no web dependency:
//!
//! - [`cluster`]: the learner's cluster — Kubernetes version, feature gates, kubelet settings.
//! - [`yaml`]: YAML text → a node tree where every node knows its source span.
//! - [`model`]: the typed v1 objects (Pod, Service, ConfigMap) and PodStatus.
//! - [`schema`]: every modelled field with its docs (en/ko) and accepted values.
//! - [`api`]: what the apiserver does — strict decoding, defaulting, validation.
//! - [`runtime`]: a simulated container runtime (images, processes, shell, files, network).
//! - [`kubelet`]: the simulated kubelet (sync loop, prober, status, back-off, events).
//! - [`sim`]: the discrete-event simulation, its scenario and the recorded timeline.
//! - [`views`]: kubectl-style text views (get, describe, events, logs) and the text chart.
//! - [`why`]: the cause of every change on the timeline, and its explanation.
//! - [`lessons`]: the lesson format and the goal checker.
//! - [`text`]: text in English and Korean side by side.

pub mod api;
pub mod cli;
pub mod cluster;
pub mod ids;
pub mod kubelet;
pub mod lessons;
pub mod model;
pub mod runtime;
pub mod schema;
pub mod session;
pub mod sim;
pub mod text;
pub mod time;
pub mod views;
pub mod why;
pub mod yaml;
