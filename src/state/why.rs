//! "Why?" in the app: which change the Why panel explains (and its explanation, built once
//! when it opens or the language changes), which of its steps is hovered or focused (its
//! fields are highlighted in the editor and its marks on the timeline).

use std::rc::Rc;

use podsim::schema;
use podsim::sim::Timeline;
use podsim::why::{caused_by_field, explain, ChangeRef, Explanation, Mark};

use crate::i18n::Lang;

/// The engine's language for the app's.
pub fn engine_lang(lang: Lang) -> schema::Lang {
    match lang {
        Lang::En => schema::Lang::En,
        Lang::Ko => schema::Lang::Ko,
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Why {
    /// The explanation shown in the Why panel.
    pub shown: Option<Rc<Explanation>>,
    /// The step hovered or focused (an index into its steps).
    pub step: Option<usize>,
    /// The field under the editor's cursor (its path) and what it caused in the run.
    pub field: Option<String>,
    pub caused: Rc<Vec<Mark>>,
}

impl Why {
    /// Open the panel on `change` of `tl`.
    pub fn open(&mut self, tl: &Timeline, change: ChangeRef, lang: Lang) {
        self.shown = Some(Rc::new(explain(tl, change, engine_lang(lang))));
        self.step = None;
    }

    /// The cursor is on `field` (a path, or none): mark what it caused in `tl`.
    pub fn point_at(&mut self, tl: Option<&Timeline>, field: Option<String>) {
        self.caused = Rc::new(match (tl, field.as_deref()) {
            (Some(tl), Some(path)) => caused_by_field(tl, path),
            _ => Vec::new(),
        });
        self.field = field;
    }

    pub fn close(&mut self) {
        self.shown = None;
        self.step = None;
    }

    /// The same change told again in `lang`.
    pub fn relang(&mut self, tl: Option<&Timeline>, lang: Lang) {
        match (self.shown.as_ref().map(|e| e.change), tl) {
            (Some(change), Some(tl)) => {
                let step = self.step;
                self.open(tl, change, lang);
                self.step = step;
            }
            _ => self.close(),
        }
    }

    pub fn open_change(&self) -> Option<ChangeRef> {
        self.shown.as_ref().map(|e| e.change)
    }

    /// The step hovered or focused, if any.
    fn focused(&self) -> Option<&podsim::why::Step> {
        self.shown.as_ref()?.steps.get(self.step?)
    }

    /// The editor ranges (UTF-16) of the fields the focused step read in `tl`'s manifest. A
    /// field the manifest does not write (a default applied) shows the nearest field around
    /// it that is written: `livenessProbe` for its default `failureThreshold`.
    pub fn field_ranges(&self, tl: Option<&Timeline>) -> Vec<(usize, usize)> {
        let Some(step) = self.focused() else {
            return Vec::new();
        };
        let source = tl.and_then(|tl| tl.source.as_deref());
        let mut out: Vec<(usize, usize)> = step
            .fields
            .iter()
            .filter_map(|f| {
                let span = f.span.or_else(|| {
                    let source = source?;
                    let mut path = parent(&f.path);
                    while let Some(p) = path {
                        if let Some(span) = source.span(p) {
                            return Some(span);
                        }
                        path = parent(p);
                    }
                    None
                })?;
                Some((span.from_utf16, span.to_utf16))
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The timeline marks of the focused step.
    pub fn marks(&self) -> Vec<Mark> {
        self.focused().map(|s| s.marks.clone()).unwrap_or_default()
    }
}

/// The path of the field holding `path` (`a.b[0].c` → `a.b[0]` → `a.b` → `a`), none at the top.
fn parent(path: &str) -> Option<&str> {
    let cut = path.rfind(['.', '['])?;
    (cut > 0).then(|| &path[..cut])
}

#[cfg(test)]
mod tests {
    use super::parent;

    #[test]
    fn parents_walk_up_fields_and_indexes() {
        let p = "spec.containers[0].livenessProbe.failureThreshold";
        assert_eq!(parent(p), Some("spec.containers[0].livenessProbe"));
        assert_eq!(
            parent("spec.containers[0].livenessProbe"),
            Some("spec.containers[0]")
        );
        assert_eq!(parent("spec.containers[0]"), Some("spec.containers"));
        assert_eq!(parent("spec"), None);
    }
}
