//! Text and data views of a Pod for the learner: a summary of the manifest, and (from the
//! simulation timeline) kubectl's `get pods`, `describe pod`, events and logs.

pub mod summary;
