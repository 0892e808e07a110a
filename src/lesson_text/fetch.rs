//! The browser side of the lesson-text store: fetching a text from the site's own origin
//! (under its public path, `<meta name="podlab-base">`), and waiting for the page to load and
//! the browser to be idle.

use super::LessonText;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The site's public path, ending in `/`.
fn base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=podlab-base]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|b| b.ends_with('/'))
        .unwrap_or_else(|| "/".into())
}

/// The text at `path` (relative to the site's root); None when it cannot be had or read.
pub async fn text(path: &str) -> Option<LessonText> {
    let window = web_sys::window()?;
    let url = format!("{}{path}", base());
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    if !response.ok() {
        return None;
    }
    let body = JsFuture::from(response.text().ok()?).await.ok()?;
    serde_json::from_str(&body.as_string()?).ok()
}

/// A mark in the page's performance timeline (what the browser tests order requests by).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Run `f` in the browser's next idle period (or soon, where there are none).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let f = Closure::once_into_js(f);
    if window.request_idle_callback(f.unchecked_ref()).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 50);
    }
}

/// Run `f` in an idle period after the page's load event.
pub fn when_loaded_and_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let complete = window
        .document()
        .is_some_and(|d| d.ready_state() == "complete");
    if complete {
        when_idle(f);
        return;
    }
    let on_load = Closure::once_into_js(move || when_idle(f));
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
        "load",
        on_load.unchecked_ref(),
        &options,
    );
}
