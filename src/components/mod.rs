//! The app's Yew function components, one per file.

pub mod app;
pub mod editor_pane;
pub mod faults;
pub mod goals;
pub mod header;
pub mod home;
pub mod lesson_body;
pub mod lesson_pane;
pub mod notice;
pub mod playback;
pub mod result_pane;
pub mod timeline;
pub mod timeline_lanes;
pub mod views;
