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
//! - `cause`: the compact records (ids, indices, small numbers; no text) the engine writes
//!   into the timeline (`sim::engine::causes` keeps what the next decisions follow from).
//! - `change`: what can be asked "why?" (`ChangeRef`), with its lane on the timeline, and the
//!   change behind each row of `get pods -w` and `get events`.
//! - `fields`: the spec fields a cause read, resolved to spans in the text or defaults.
//! - `words`: titles and details in English and Korean, built only when shown.
//! - `explain`: the walk from a change back through its causes, as steps.
//! - `annotations`: what the timeline marks unasked (grace periods, back-offs, killing
//!   failure runs) and what a field caused.
//! - `target`: a change as a lesson names it, for the `explained` goal.
//! - `print`: `podsim simulate --output why`.
//!
//! `rule` and `cause` are data the engine records (below `sim`); the rest reads a
//! `Timeline`. docs/why.md is the design and the API the app builds on.

pub mod cause;
pub mod rule;

pub use cause::{Cause, CauseId, Fact, FileFact, GraceFrom, StatusField, NO_CAUSE};
pub use rule::Rule;
pub mod annotations;
pub mod change;
pub mod explain;
pub mod fields;
pub mod print;
pub mod target;
pub mod words;

pub use annotations::{annotations, caused_by_field, Annotation, AnnotationKind};
pub use change::{changes, event_refs, head, watch_refs, Change, ChangeRef, Lane};
pub use explain::{explain, Explanation, Mark, MarkKind, Step};
pub use fields::FieldRef;
