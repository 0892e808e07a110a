//! The engine's diagnostics in the editor's terms: UTF-16 offsets, a severity name, and the
//! message with its hint in the UI's language.

use crate::bridge::editor::EditorDiagnostic;
use crate::i18n::Lang;
use podsim::api::{Diagnostic, Severity};

/// The diagnostics as the editor shows them (underlines and their tooltips).
pub fn editor_diagnostics(diagnostics: &[Diagnostic], lang: Lang) -> Vec<EditorDiagnostic> {
    diagnostics
        .iter()
        .map(|d| EditorDiagnostic {
            from: d.span.from_utf16,
            to: d.span.to_utf16,
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            message: match &d.hint {
                Some(h) => format!("{} ({})", d.message_in(lang.code()), h.get(lang.code())),
                None => d.message_in(lang.code()).to_string(),
            },
        })
        .collect()
}
