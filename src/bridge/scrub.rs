//! The numbers of a manifest the learner can drag in the editor (js/scrub.js), from the
//! engine's schema (`podsim::schema::drag`), as the JSON the editor bundle expects: where each
//! number is (UTF-16 offsets), its value, and the range and steps a drag keeps it in.

use podsim::schema::{draggables, Draggable};
use serde::Serialize;

#[derive(Debug, Serialize, PartialEq)]
pub struct DraggableJson<'a> {
    pub from: usize,
    pub to: usize,
    pub name: &'a str,
    pub value: i64,
    pub min: i64,
    pub max: i64,
    pub step: i64,
    /// The step with Shift held.
    pub big: i64,
    /// What follows the digits: `m`, `Mi` or nothing.
    pub suffix: &'static str,
}

impl<'a> From<&'a Draggable> for DraggableJson<'a> {
    fn from(d: &'a Draggable) -> Self {
        DraggableJson {
            from: d.from_utf16,
            to: d.to_utf16,
            name: &d.name,
            value: d.value,
            min: d.range.min,
            max: d.range.max,
            step: d.range.step,
            big: d.range.big_step,
            suffix: d.range.unit.suffix(),
        }
    }
}

/// The draggable numbers of `text`, as JSON ("[]" when there are none).
pub fn draggables_json(text: &str) -> String {
    let all = draggables(text);
    let out: Vec<DraggableJson> = all.iter().map(DraggableJson::from).collect();
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".into())
}
