//! Saving a text as a file and reading a file the learner picked (js/progress_file.js): the
//! saved progress, exported and imported.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Offer `text` as a download named `name`.
    #[wasm_bindgen(catch, js_namespace = PodlabEditor)]
    pub fn download(name: &str, text: &str) -> Result<(), JsValue>;

    /// Read the file chosen in `input`; `done` gets its text, or null.
    #[wasm_bindgen(catch, js_namespace = PodlabEditor, js_name = readFile)]
    pub fn read_file(
        input: &web_sys::HtmlInputElement,
        done: &js_sys::Function,
    ) -> Result<(), JsValue>;
}
