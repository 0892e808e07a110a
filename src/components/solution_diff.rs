//! "Show the solution" as a diff: the learner's text against the lesson's solution (changed
//! lines highlighted; side by side on a wide screen, inline on a narrow one), with the offer
//! to apply it as one undoable step — the learner's text is never replaced silently. Once
//! every goal is met, the same view compares the learner's answer with the solution.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::bridge::merge::{show_diff, DiffHandle, DiffOptions};
use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch};

#[derive(Properties, PartialEq)]
pub struct SolutionDiffProps {
    pub lang: Lang,
    pub mine: Rc<str>,
    pub solution: Rc<str>,
    /// Every goal is met: a comparison, not a way out.
    pub done: bool,
    pub dispatch: Dispatch,
}

/// A diff on screen and the callback it may call.
type Shown = (DiffHandle, Closure<dyn FnMut(String)>);

/// Where one column reads better than two.
fn is_narrow() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 720px)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[component]
pub fn SolutionDiff(props: &SolutionDiffProps) -> Html {
    let lang = props.lang;
    let host = use_node_ref();
    let error = use_state(|| None::<String>);
    let shown: Rc<RefCell<Option<Shown>>> = use_mut_ref(|| None);
    {
        let host = host.clone();
        let error = error.clone();
        let deps = (props.mine.clone(), props.solution.clone(), lang);
        use_effect_with(deps, move |(mine, solution, lang)| {
            let on_error = {
                let error = error.clone();
                Closure::<dyn FnMut(String)>::new(move |m: String| error.set(Some(m)))
            };
            if let Some(el) = host.cast::<web_sys::Element>() {
                el.set_inner_html("");
                let options = DiffOptions {
                    mine,
                    solution,
                    narrow: is_narrow(),
                    labels: (t(*lang, "diff.mine"), t(*lang, "diff.solution")),
                };
                match show_diff(&el, &options, &on_error) {
                    Ok(handle) => *shown.borrow_mut() = Some((handle, on_error)),
                    Err(_) => error.set(Some(t(*lang, "diff.unavailable").to_string())),
                }
            }
            move || {
                if let Some((handle, _closure)) = shown.borrow_mut().take() {
                    handle.destroy();
                }
            }
        });
    }
    let send = |a: fn() -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(a()))
    };
    let same = props.mine == props.solution;
    html! {
        <section class="solution-diff" aria-labelledby="diff-title" data-testid="solution-diff">
            <h3 id="diff-title">{t(lang, if props.done { "diff.compare" } else { "diff.title" })}</h3>
            <p class="diff-legend muted">
                <span class="diff-mine">{t(lang, "diff.mine")}</span>{" → "}
                <span class="diff-solution">{t(lang, "diff.solution")}</span>
            </p>
            if let Some(e) = &*error {
                <p class="status-bad" role="alert">{e.clone()}</p>
            }
            <div class="diff-host" ref={host} data-testid="diff-host"></div>
            <div class="diff-actions">
                if same {
                    <p class="muted" data-testid="diff-same">{t(lang, "diff.same")}</p>
                } else if !props.done {
                    <button type="button" class="primary" onclick={send(|| Action::ShowSolution)}
                            data-testid="solution-apply">{t(lang, "diff.apply")}</button>
                }
                <button type="button" onclick={send(|| Action::CloseDiff)} data-testid="diff-close">{t(lang, "diff.close")}</button>
            </div>
        </section>
    }
}
