//! Text and data views of a Pod for the learner: a summary of the manifest, and (from the
//! simulation timeline) kubectl's `get pods` (and `-w`), `describe pod`, `get events` and
//! `logs`, plus a compact text chart of the timeline.

// (wip) pub mod chart;
pub mod clock;
// (wip) pub mod describe;
// (wip) pub mod events;
// (wip) pub mod get;
// (wip) pub mod logs;
// (wip) pub mod lanes;
pub mod summary;
pub mod tabwriter;
pub mod to_yaml;
