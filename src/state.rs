//! The app's shared state and its reducer: the manifest text and what the engine made of it.
//! Every view reads from here; the editor writes edits here.

use podsim::api::{self, Diagnostic, Severity};
use podsim::views::summary::{summarize, PodSummary};
use std::rc::Rc;
use yew::Reducible;

use crate::bridge::editor::EditorDiagnostic;

/// What the engine says about one version of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub summary: Option<PodSummary>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn of(text: &str) -> Self {
        let loaded = api::load(text);
        Analysis {
            summary: loaded.manifest.as_ref().map(summarize),
            diagnostics: loaded.diagnostics,
        }
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| matches!(d.severity, Severity::Error))
            .count()
    }

    /// The diagnostics in the editor's terms (UTF-16 offsets).
    pub fn editor_diagnostics(&self) -> Vec<EditorDiagnostic> {
        self.diagnostics
            .iter()
            .map(|d| EditorDiagnostic {
                from: d.span.from_utf16,
                to: d.span.to_utf16,
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                message: match &d.hint {
                    Some(h) => format!("{} ({})", d.message, h),
                    None => d.message.clone(),
                },
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub text: String,
    pub analysis: Rc<Analysis>,
}

pub enum Action {
    /// The learner changed the manifest text.
    Edit(String),
}

impl AppState {
    pub fn new(text: &str) -> Self {
        AppState {
            text: text.to_string(),
            analysis: Rc::new(Analysis::of(text)),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(text) => {
                if text == self.text {
                    return self;
                }
                Rc::new(AppState {
                    analysis: Rc::new(Analysis::of(&text)),
                    text,
                })
            }
        }
    }
}
