//! Bindings from Rust to the JavaScript side of the page.

pub mod assist;
pub mod diagnostics;
pub mod editor;
pub mod files;
pub mod merge;
pub mod scrub;
