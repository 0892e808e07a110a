//! wasm-bindgen bindings to `window.PodlabEditor` (js/editor.js, bundled by esbuild): create a
//! CodeMirror editor, tell it which document it shows and what that document's text now is,
//! push diagnostics. Data crosses as strings and JSON, so the JS side never sees a Rust type.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// One CodeMirror editor instance.
    pub type EditorHandle;

    #[wasm_bindgen(js_namespace = PodlabEditor, js_name = create)]
    fn create_raw(parent: Option<&web_sys::Element>, options: &js_sys::Object) -> EditorHandle;

    /// The editor's root element (to place it in the page when made without a parent).
    #[wasm_bindgen(method, getter)]
    pub fn dom(this: &EditorHandle) -> web_sys::Element;

    #[wasm_bindgen(method, js_name = getText)]
    pub fn get_text(this: &EditorHandle) -> String;

    /// The editor shows document `key` and its text is now `text`. For the document already
    /// shown the change is one undo step (a reset, a solution, a share link: Ctrl+Z brings
    /// the learner's text back). For another document the editor keeps the one it leaves
    /// (text, cursor, undo history) and takes it back when that document is shown again.
    #[wasm_bindgen(method)]
    pub fn show(this: &EditorHandle, key: &str, text: &str);

    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics_json(this: &EditorHandle, json: &str);

    #[wasm_bindgen(method, js_name = setDark)]
    pub fn set_dark(this: &EditorHandle, dark: bool);

    #[wasm_bindgen(method, js_name = setHighlights)]
    fn set_highlights_json(this: &EditorHandle, json: &str, scroll: bool);

    #[wasm_bindgen(method)]
    pub fn cursor(this: &EditorHandle) -> u32;

    #[wasm_bindgen(method, js_name = setCursor)]
    pub fn set_cursor(this: &EditorHandle, pos: u32);

    #[wasm_bindgen(method)]
    pub fn focus(this: &EditorHandle);

    /// Undo the last change in the editor (for an "Undo" button beside a notice, as Ctrl+Z
    /// does from the keyboard); false when there was nothing to undo.
    #[wasm_bindgen(method)]
    pub fn undo(this: &EditorHandle) -> bool;

    /// Redo the last change undone; false when there was none.
    #[wasm_bindgen(method)]
    pub fn redo(this: &EditorHandle) -> bool;

    /// The editor's accessible name and description (they follow the UI language).
    #[wasm_bindgen(method, js_name = setAria)]
    pub fn set_aria(this: &EditorHandle, label: &str, description: &str);

    #[wasm_bindgen(method)]
    pub fn destroy(this: &EditorHandle);
}

/// A diagnostic as the editor wants it: UTF-16 offsets into the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditorDiagnostic {
    pub from: usize,
    pub to: usize,
    pub severity: &'static str,
    pub message: String,
}

/// The Rust callbacks an editor calls: text changes (coalesced per animation frame),
/// completion requests, hover requests and the draggable numbers (all answer with JSON).
pub struct EditorCallbacks {
    pub on_change: Closure<dyn FnMut(String)>,
    pub complete: Closure<dyn FnMut(String, u32) -> String>,
    pub hover: Closure<dyn FnMut(String, u32) -> String>,
    /// The numbers of a text that can be dragged (JSON, see `bridge::scrub`).
    pub draggables: Closure<dyn FnMut(String) -> String>,
    /// The cursor moved (UTF-16 offset; at most once per animation frame).
    pub on_cursor: Closure<dyn FnMut(u32)>,
}

/// Create an editor inside `parent` (or detached, to be placed through `dom()`), showing
/// document `key` with text `doc`. The callbacks must outlive the editor: keep them with the
/// handle.
pub fn create(
    parent: Option<&web_sys::Element>,
    key: &str,
    doc: &str,
    aria: (&str, &str),
    dark: bool,
    callbacks: &EditorCallbacks,
) -> Result<EditorHandle, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"key".into(), &key.into())?;
    js_sys::Reflect::set(&options, &"doc".into(), &doc.into())?;
    js_sys::Reflect::set(&options, &"dark".into(), &dark.into())?;
    js_sys::Reflect::set(&options, &"ariaLabel".into(), &aria.0.into())?;
    js_sys::Reflect::set(&options, &"ariaDescription".into(), &aria.1.into())?;
    js_sys::Reflect::set(
        &options,
        &"onChange".into(),
        callbacks.on_change.as_ref().unchecked_ref(),
    )?;
    js_sys::Reflect::set(
        &options,
        &"complete".into(),
        callbacks.complete.as_ref().unchecked_ref(),
    )?;
    js_sys::Reflect::set(
        &options,
        &"hover".into(),
        callbacks.hover.as_ref().unchecked_ref(),
    )?;
    js_sys::Reflect::set(
        &options,
        &"draggables".into(),
        callbacks.draggables.as_ref().unchecked_ref(),
    )?;
    js_sys::Reflect::set(
        &options,
        &"onCursor".into(),
        callbacks.on_cursor.as_ref().unchecked_ref(),
    )?;
    let has_bundle = js_sys::Reflect::has(&js_sys::global(), &"PodlabEditor".into())?;
    if !has_bundle {
        return Err(JsValue::from_str(
            "the editor bundle (editor.js) is not loaded",
        ));
    }
    Ok(create_raw(parent, &options))
}

impl EditorHandle {
    pub fn set_diagnostics(&self, diagnostics: &[EditorDiagnostic]) {
        let json = serde_json::to_string(diagnostics).unwrap_or_else(|_| "[]".into());
        self.set_diagnostics_json(&json);
    }

    /// Mark the fields a "why?" step read (UTF-16 ranges; js/highlight.js), the first one
    /// scrolled into view when `scroll`; an empty list clears the marks.
    pub fn set_highlights(&self, ranges: &[(usize, usize)], scroll: bool) {
        let json = serde_json::to_string(ranges).unwrap_or_else(|_| "[]".into());
        self.set_highlights_json(&json, scroll);
    }
}
