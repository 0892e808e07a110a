//! The app's Yew function components, one per file. The root (`app`) holds the state; every
//! other component gets the part of it that it shows and a dispatcher (narrow props, so an
//! action redraws only what it changed).

pub mod app;
pub mod cluster_picker;
pub mod compare_view;
pub mod derived;
pub mod editor_pane;
pub mod embed;
pub mod faults;
pub mod goals;
pub mod header;
pub mod home;
pub mod lesson_body;
pub mod lesson_done;
pub mod lesson_pane;
pub mod notice;
pub mod pane_switcher;
pub mod playback;
pub mod prediction;
pub mod problems;
pub mod result_pane;
pub mod solution_diff;
pub mod timeline;
pub mod timeline_lanes;
pub mod timeline_legend;
pub mod timeline_marks;
pub mod timeline_overlay;
pub mod views;
pub mod why_panel;
