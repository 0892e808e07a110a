//! Roving focus (one tab stop over many items, as the ARIA authoring practices describe it):
//! which item a key press on one of them moves to, or opens. Shared by the timeline's "why?"
//! marks and the rows of `get -w` and `get events`.

use wasm_bindgen::JsCast;
use yew::KeyboardEvent;

/// What a key press on an item asks for.
pub enum Roving {
    /// Move the focus to this item.
    Move(usize),
    /// Open this item (Enter or Space).
    Open(usize),
}

/// The key press `e` on an item named by its `attr` attribute (its index) among `len` items:
/// the element pressed and what it asks, or None for a key the items do not take.
/// `horizontal`: the left and right arrows move too (the timeline's marks run left to right).
pub fn key(
    e: &KeyboardEvent,
    attr: &str,
    len: usize,
    horizontal: bool,
) -> Option<(web_sys::Element, Roving)> {
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let n = el.get_attribute(attr)?.parse::<usize>().ok()?;
    let last = len.saturating_sub(1);
    let r = match e.key().as_str() {
        "ArrowDown" => Roving::Move((n + 1).min(last)),
        "ArrowUp" => Roving::Move(n.saturating_sub(1)),
        "ArrowRight" if horizontal => Roving::Move((n + 1).min(last)),
        "ArrowLeft" if horizontal => Roving::Move(n.saturating_sub(1)),
        "Home" => Roving::Move(0),
        "End" => Roving::Move(last),
        "Enter" | " " => Roving::Open(n),
        _ => return None,
    };
    Some((el, r))
}
