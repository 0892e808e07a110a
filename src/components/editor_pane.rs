//! The editor region: makes the CodeMirror editor once (during its first render, so that it
//! is on screen with the first frame), forwards every (frame-coalesced) edit to the reducer,
//! takes new text from the state when the learner switches documents (or resets, or loads a
//! solution), pushes the engine's diagnostics, completions and hover docs into the editor,
//! and can show the object as the cluster would store it.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use super::app::{is_dark, Store};
use crate::bridge::assist;
use crate::bridge::editor::{self, EditorCallbacks, EditorHandle};
use crate::i18n::t;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct EditorPaneProps {
    pub store: Store,
}

struct Mounted {
    handle: EditorHandle,
    _callbacks: EditorCallbacks,
    /// The (document, revision) whose text the editor holds.
    loaded: (String, u64),
}

/// The editor of one EditorPane: made during its first render, detached, and placed in the
/// page with that render (so it is on screen with the first frame and costs no extra layout).
struct Slot {
    mounted: Option<Mounted>,
    /// Why there is no editor.
    error: Option<String>,
}

fn make_editor(latest: &Rc<RefCell<Store>>) -> Slot {
    let (on_change_store, complete_store, hover_store) =
        (latest.clone(), latest.clone(), latest.clone());
    let callbacks = EditorCallbacks {
        on_change: Closure::new(move |text: String| {
            let store = on_change_store.borrow().clone();
            store.dispatch(Action::Edit(text));
        }),
        complete: Closure::new(move |text: String, pos: u32| {
            let lang = complete_store.borrow().lang;
            assist::completions_json(&text, pos as usize, lang)
        }),
        hover: Closure::new(move |text: String, pos: u32| {
            let lang = hover_store.borrow().lang;
            assist::hover_json(&text, pos as usize, lang)
        }),
    };
    let store = latest.borrow().clone();
    let doc = store.doc();
    let aria = (
        t(store.lang, "editor.label"),
        t(store.lang, "editor.description"),
    );
    let dark = is_dark(store.saved.theme);
    match editor::create(
        None,
        &store.page.doc_key(),
        &doc.text,
        aria,
        dark,
        &callbacks,
    ) {
        Ok(handle) => Slot {
            mounted: Some(Mounted {
                handle,
                _callbacks: callbacks,
                loaded: (store.page.doc_key(), store.revision),
            }),
            error: None,
        },
        Err(e) => Slot {
            mounted: None,
            error: Some(
                e.as_string()
                    .unwrap_or_else(|| "the editor could not start".into()),
            ),
        },
    }
}

#[component]
pub fn EditorPane(props: &EditorPaneProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    // The latest store and language for the JS closures created once.
    let latest = use_mut_ref(|| store.clone());
    *latest.borrow_mut() = store.clone();
    let slot: Rc<RefCell<Slot>> = {
        let latest = latest.clone();
        use_mut_ref(move || make_editor(&latest))
    };
    let editor_dom: Option<web_sys::Node> = slot
        .borrow()
        .mounted
        .as_ref()
        .map(|m| m.handle.dom().into());
    let load_error = slot.borrow().error.clone();
    {
        let slot = slot.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(m) = slot.borrow_mut().mounted.take() {
                    m.handle.destroy();
                }
            }
        });
    }

    // Text pushed from the state: another document, or a reset/solution/share in this one.
    {
        let mounted = slot.clone();
        let key = store.page.doc_key();
        let revision = store.revision;
        let text = store.doc().text;
        use_effect_with((key, revision), move |(key, revision)| {
            if let Some(m) = mounted.borrow_mut().mounted.as_mut() {
                if m.loaded != (key.clone(), *revision) {
                    m.handle.show(key, &text);
                }
                m.loaded = (key.clone(), *revision);
            }
        });
    }

    // Diagnostics for the text the engine just analysed, hints in the UI's language.
    {
        let mounted = slot.clone();
        use_effect_with(
            (store.computed.clone(), store.lang),
            move |(computed, lang)| {
                if let Some(m) = mounted.borrow().mounted.as_ref() {
                    m.handle
                        .set_diagnostics(&computed.editor_diagnostics(*lang));
                }
            },
        );
    }

    // The editor's accessible name follows the UI language.
    {
        let mounted = slot.clone();
        use_effect_with(store.lang, move |lang| {
            if let Some(m) = mounted.borrow().mounted.as_ref() {
                m.handle
                    .set_aria(t(*lang, "editor.label"), t(*lang, "editor.description"));
            }
        });
    }

    // Dark editor in a dark page.
    {
        let mounted = slot.clone();
        let dark = is_dark(store.saved.theme);
        use_effect_with(dark, move |dark| {
            if let Some(m) = mounted.borrow().mounted.as_ref() {
                m.handle.set_dark(*dark);
            }
        });
    }

    let on_defaulted = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::ToggleDefaulted))
    };
    let defaulted = store.saved.show_defaulted.then(|| {
        store
            .computed
            .analysis
            .loaded
            .defaulted
            .as_ref()
            .map(podsim::api::defaulted_yaml)
    });

    html! {
        <section class="region editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{t(lang, "manifest")}</h2>
            if let Some(err) = &load_error {
                <p class="error" role="alert">{err}</p>
            }
            <div class="editor-host">{ for editor_dom.map(Html::VRef) }</div>
            <label class="toggle">
                <input type="checkbox" checked={store.saved.show_defaulted} onchange={on_defaulted}
                       data-testid="show-defaulted" />
                {t(lang, "defaulted.show")}
            </label>
            if let Some(d) = defaulted {
                <pre class="defaulted" data-testid="defaulted" tabindex="0">
                    { d.unwrap_or_else(|| t(lang, "invalid.nothing").to_string()) }
                </pre>
            }
        </section>
    }
}
