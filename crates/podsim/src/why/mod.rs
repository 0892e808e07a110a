//! "Why?" — every change on the timeline carries its cause.
//!
//! The engine records a [`Cause`] wherever the simulated kubelet decides something (the pure
//! decision functions of `crate::kubelet` return their reason with their decision; the engine
//! turns it into a cause): `Timeline::causes` holds them in order, every event and every
//! changed status field points at one, and each cause points at the causes it follows from —
//! "restarted at 1m15s" ← "killed at 45s: liveness failed" ← "3rd failure in a row" ← "`cat
//! /tmp/healthy` exited 1" ← "the script ran `rm -f /tmp/healthy` at 32.8s".
//!
//! - `rule`: the rules, with their stable ids, sentences (en, ko) and the upstream functions
//!   they mirror.
//! - `cause`: the compact records (ids, indices, small numbers; no text).

pub mod cause;
pub mod rule;

pub use cause::{Cause, CauseId, Fact, FileFact, GraceFrom, StatusField, NO_CAUSE};
pub use rule::Rule;
pub mod change;
pub mod explain;
pub mod fields;
pub mod print;
pub mod target;
pub mod words;

pub use change::{changes, event_refs, head, watch_refs, Change, ChangeRef, Lane};
pub use explain::{
    annotations, caused_by_field, explain, Annotation, AnnotationKind, Explanation, Mark, MarkKind,
    Step,
};
pub use fields::FieldRef;
