//! The editor region: makes the CodeMirror editor once (during its first render, so that it
//! is on screen with the first frame), forwards every (frame-coalesced) edit to the reducer,
//! takes new text from the state when the learner switches documents (or resets, or loads a
//! solution), pushes the engine's diagnostics, completions and hover docs into the editor,
//! and can show the object as the cluster would store it. Above the editor: which copy of the
//! document is open — the learner's own text, or a copy opened from a share link.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::bridge::assist;
use crate::bridge::diagnostics::editor_diagnostics;
use crate::bridge::editor::{self, EditorCallbacks, EditorHandle};
use crate::bridge::scrub;
use crate::i18n::{t, Lang};
use crate::state::{Action, Computed, Dispatch, Origin, Page};

#[derive(Properties, PartialEq)]
pub struct EditorPaneProps {
    pub lang: Lang,
    /// The analysis of the text on screen (its text, key and diagnostics).
    pub computed: Rc<Computed>,
    /// Bumped when the editor must take its text from the state.
    pub revision: u64,
    pub page: Page,
    /// A copy opened from a share link exists beside the learner's own text.
    pub has_shared: bool,
    pub dark: bool,
    pub show_defaulted: bool,
    pub dispatch: Dispatch,
    /// The fields to highlight (UTF-16 ranges): those of the Why panel's step in focus.
    #[prop_or_default]
    pub highlights: Rc<Vec<(usize, usize)>>,
}

/// What the editor's callbacks (made once) need from the latest render.
struct Latest {
    dispatch: Dispatch,
    lang: Lang,
    /// The field under the cursor last reported (reported again only when it changes).
    field: Option<String>,
    computed: Rc<Computed>,
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

fn make_editor(latest: &Rc<RefCell<Latest>>, props: &EditorPaneProps) -> Slot {
    let (on_change_latest, complete_latest, hover_latest, cursor_latest) = (
        latest.clone(),
        latest.clone(),
        latest.clone(),
        latest.clone(),
    );
    let callbacks = EditorCallbacks {
        on_change: Closure::new(move |text: String| {
            let dispatch = on_change_latest.borrow().dispatch.clone();
            dispatch.dispatch(Action::Edit(text));
        }),
        complete: Closure::new(move |text: String, pos: u32| {
            let lang = complete_latest.borrow().lang;
            assist::completions_json(&text, pos as usize, lang)
        }),
        hover: Closure::new(move |text: String, pos: u32| {
            let lang = hover_latest.borrow().lang;
            assist::hover_json(&text, pos as usize, lang)
        }),
        draggables: Closure::new(|text: String| scrub::draggables_json(&text)),
        // The field under the cursor, for the timeline to mark what it caused.
        on_cursor: Closure::new(move |pos: u32| {
            let mut l = cursor_latest.borrow_mut();
            // A cursor just after a value (at the end of its line) is on that value: the
            // deeper of the fields at the cursor and just before it.
            let source = l
                .computed
                .run
                .as_ref()
                .and_then(|r| r.timeline.source.clone());
            let field = source.and_then(|s| {
                let at = s.path_at(pos as usize);
                let before = pos.checked_sub(1).and_then(|p| s.path_at(p as usize));
                match (at, before) {
                    (Some(a), Some(b)) => Some(if b.len() > a.len() { b } else { a }),
                    (a, b) => a.or(b),
                }
            });
            if field != l.field {
                l.field = field.clone();
                let dispatch = l.dispatch.clone();
                drop(l);
                dispatch.dispatch(Action::CursorField(field));
            }
        }),
    };
    let aria = (
        t(props.lang, "editor.label"),
        t(props.lang, "editor.description"),
    );
    match editor::create(
        None,
        &props.computed.key,
        &props.computed.text,
        aria,
        props.dark,
        &callbacks,
    ) {
        Ok(handle) => Slot {
            mounted: Some(Mounted {
                handle,
                _callbacks: callbacks,
                loaded: (props.computed.key.clone(), props.revision),
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

/// Which copy is open, when a copy opened from a share link exists beside the own text.
fn copy_switch(lang: Lang, page: &Page) -> Html {
    let shared = page.copy() == Origin::Shared;
    let item = |origin: Origin, key: &str, testid: &str| {
        let here = page.copy() == origin;
        html! {
            <a href={page.with_copy(origin).route()} aria-current={here.then_some("page")}
               class={classes!("copy", here.then_some("active"))} data-testid={testid.to_string()}>
                {t(lang, key)}
            </a>
        }
    };
    html! {
        <div class={classes!("copy-switch", shared.then_some("shared"))} data-testid="copy-switch">
            <span class="copy-label">{t(lang, if shared { "copy.shared.note" } else { "copy.own.note" })}</span>
            <span class="copy-links">
                { item(Origin::Own, "copy.own", "copy-own") }
                { item(Origin::Shared, "copy.shared", "copy-shared") }
            </span>
        </div>
    }
}

#[component]
pub fn EditorPane(props: &EditorPaneProps) -> Html {
    let lang = props.lang;
    // The latest dispatcher and language for the JS closures created once.
    let latest = use_mut_ref(|| Latest {
        dispatch: props.dispatch.clone(),
        lang,
        field: None,
        computed: props.computed.clone(),
    });
    {
        let mut l = latest.borrow_mut();
        l.dispatch = props.dispatch.clone();
        l.lang = lang;
        l.computed = props.computed.clone();
    }
    let slot: Rc<RefCell<Slot>> = {
        let latest = latest.clone();
        // Without a browser (the static pages) there is no editor: the text stands in for it.
        use_mut_ref(move || match crate::IN_BROWSER {
            true => make_editor(&latest, props),
            false => Slot {
                mounted: None,
                error: None,
            },
        })
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

    // Text pushed from the state: another document, or a reset/solution/share/undo in this
    // one (the state recomputes whenever it bumps the revision, so the analysis holds it).
    {
        let mounted = slot.clone();
        let key = props.computed.key.clone();
        let text = props.computed.text.clone();
        use_effect_with((key, props.revision), move |(key, revision)| {
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
        use_effect_with((props.computed.clone(), lang), move |(computed, lang)| {
            if let Some(m) = mounted.borrow().mounted.as_ref() {
                m.handle
                    .set_diagnostics(&editor_diagnostics(computed.diagnostics(), *lang));
            }
        });
    }

    // The editor's accessible name follows the UI language.
    {
        let mounted = slot.clone();
        use_effect_with(lang, move |lang| {
            if let Some(m) = mounted.borrow().mounted.as_ref() {
                m.handle
                    .set_aria(t(*lang, "editor.label"), t(*lang, "editor.description"));
            }
        });
    }

    // The fields of the Why panel's step in focus, marked (and scrolled into view).
    {
        let mounted = slot.clone();
        use_effect_with(props.highlights.clone(), move |ranges| {
            if let Some(m) = mounted.borrow().mounted.as_ref() {
                m.handle.set_highlights(ranges, true);
            }
        });
    }

    // Dark editor in a dark page.
    {
        let mounted = slot.clone();
        use_effect_with(props.dark, move |dark| {
            if let Some(m) = mounted.borrow().mounted.as_ref() {
                m.handle.set_dark(*dark);
            }
        });
    }

    let on_defaulted = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ToggleDefaulted))
    };
    let defaulted = props.show_defaulted.then(|| {
        props
            .computed
            .loaded
            .defaulted
            .as_ref()
            .map(podsim::api::defaulted_yaml)
    });
    let switch = (props.has_shared || props.page.copy() == Origin::Shared)
        .then(|| copy_switch(lang, &props.page));

    html! {
        <section class="region editor" id="pane-editor" aria-labelledby="editor-title">
            <h2 id="editor-title">{t(lang, "manifest")}</h2>
            { for switch }
            if let Some(err) = &load_error {
                <p class="error" role="alert">{err}</p>
            }
            <div class="editor-host">
                if let Some(dom) = editor_dom {
                    { Html::VRef(dom) }
                } else if !crate::IN_BROWSER {
                    <pre class="editor-static" data-testid="static-manifest">{ &props.computed.text }</pre>
                }
            </div>
            <label class="toggle">
                <input type="checkbox" checked={props.show_defaulted} onchange={on_defaulted}
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
