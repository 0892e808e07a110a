//! Text and data views of a Pod for the learner: a summary of the manifest, and (from the
//! simulation timeline) kubectl's `get pods` (and `-w`), `describe pod`, `get events` and
//! `logs`, the status as `get -o yaml` prints it, plus a compact text chart of the timeline;
//! `kubectl` names each view by its command line.

pub mod chart;
pub mod clock;
pub mod derived;
pub mod describe;
pub mod events;
pub mod get;
pub mod kubectl;
pub mod lanes;
pub mod logs;
pub mod status_yaml;
pub mod summary;
pub mod tabwriter;
pub mod to_yaml;
