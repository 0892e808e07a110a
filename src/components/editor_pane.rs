//! The editor region: mounts the CodeMirror editor once, forwards every (frame-coalesced)
//! edit to the reducer, and pushes the engine's diagnostics back into the editor.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::bridge::editor::{self, EditorCallbacks, EditorHandle};
use crate::state::Analysis;

#[derive(Properties, PartialEq)]
pub struct EditorPaneProps {
    /// The text the editor starts with (later changes come from the learner).
    pub initial: AttrValue,
    pub analysis: Rc<Analysis>,
    pub on_change: Callback<String>,
}

struct Mounted {
    handle: EditorHandle,
    _callbacks: EditorCallbacks,
}

#[component]
pub fn EditorPane(props: &EditorPaneProps) -> Html {
    let host = use_node_ref();
    let mounted: Rc<RefCell<Option<Mounted>>> = use_mut_ref(|| None);
    let load_error = use_state(|| None::<String>);
    // The latest callback, so the JS closure created once always reaches the current one.
    let on_change = use_mut_ref(|| props.on_change.clone());
    *on_change.borrow_mut() = props.on_change.clone();

    {
        let host = host.clone();
        let mounted = mounted.clone();
        let initial = props.initial.to_string();
        let on_change = on_change.clone();
        let load_error = load_error.clone();
        use_effect_with((), move |_| {
            if let Some(parent) = host.cast::<web_sys::Element>() {
                let callbacks = EditorCallbacks {
                    on_change: Closure::new(move |text: String| {
                        let cb = on_change.borrow().clone();
                        cb.emit(text);
                    }),
                    complete: Closure::new(|_text: String, _pos: u32| String::from("[]")),
                    hover: Closure::new(|_text: String, _pos: u32| String::new()),
                };
                match editor::create(&parent, &initial, "Pod manifest (YAML)", &callbacks) {
                    Ok(handle) => {
                        *mounted.borrow_mut() = Some(Mounted {
                            handle,
                            _callbacks: callbacks,
                        })
                    }
                    Err(e) => load_error.set(Some(
                        e.as_string()
                            .unwrap_or_else(|| "the editor could not start".into()),
                    )),
                }
            }
            move || {
                if let Some(m) = mounted.borrow_mut().take() {
                    m.handle.destroy();
                }
            }
        });
    }

    {
        let mounted = mounted.clone();
        use_effect_with(props.analysis.clone(), move |analysis| {
            if let Some(m) = mounted.borrow().as_ref() {
                m.handle.set_diagnostics(&analysis.editor_diagnostics());
            }
        });
    }

    html! {
        <section class="region editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{"Manifest"}</h2>
            if let Some(err) = &*load_error {
                <p class="error" role="alert">{err}</p>
            }
            <div class="editor-host" ref={host}></div>
        </section>
    }
}
