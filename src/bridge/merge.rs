//! The solution diff (js/merge_loader.js, js/merge_view.js): the learner's text against the
//! lesson's solution, with `@codemirror/merge`, whose bundle the page fetches on first use.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A diff on screen.
    pub type DiffHandle;

    #[wasm_bindgen(catch, js_namespace = PodlabEditor, js_name = showDiff)]
    fn show_diff_raw(
        parent: &web_sys::Element,
        options: &js_sys::Object,
    ) -> Result<DiffHandle, JsValue>;

    #[wasm_bindgen(method)]
    pub fn destroy(this: &DiffHandle);
}

/// What a diff shows and says.
pub struct DiffOptions<'a> {
    pub mine: &'a str,
    pub solution: &'a str,
    /// Inline (one column) rather than side by side.
    pub narrow: bool,
    /// The accessible names of the two texts.
    pub labels: (&'a str, &'a str),
}

/// Show a diff inside `parent`; `on_error` hears why its code could not be loaded. The
/// closure must outlive the handle.
pub fn show_diff(
    parent: &web_sys::Element,
    o: &DiffOptions,
    on_error: &Closure<dyn FnMut(String)>,
) -> Result<DiffHandle, JsValue> {
    let options = js_sys::Object::new();
    let labels = js_sys::Object::new();
    js_sys::Reflect::set(&labels, &"mine".into(), &o.labels.0.into())?;
    js_sys::Reflect::set(&labels, &"solution".into(), &o.labels.1.into())?;
    js_sys::Reflect::set(&options, &"mine".into(), &o.mine.into())?;
    js_sys::Reflect::set(&options, &"solution".into(), &o.solution.into())?;
    js_sys::Reflect::set(&options, &"narrow".into(), &o.narrow.into())?;
    js_sys::Reflect::set(&options, &"labels".into(), &labels)?;
    js_sys::Reflect::set(
        &options,
        &"onError".into(),
        on_error.as_ref().unchecked_ref(),
    )?;
    show_diff_raw(parent, &options)
}
