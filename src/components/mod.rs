//! The app's Yew function components, one per file.

pub mod app;
pub mod editor_pane;
pub mod lesson_pane;
pub mod result_pane;
