//! The Why panel: the answer to "why?" for one change of the run — what changed, then its
//! chain of causes, newest first, each step with its instant(s), a short title, the facts
//! and the arithmetic, the fields it read (a default when the manifest does not write it),
//! and, for the curious, the rule and the upstream function it mirrors. Hovering or focusing
//! a step highlights its fields in the editor and its marks on the timeline. When it opens,
//! the focus moves to its heading (a screen reader reads it, and a polite live region says
//! what opened); Escape or Close gives the focus back to where it was.

use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch};
use podsim::time::clock;
use podsim::why::{Explanation, Step};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WhyPanelProps {
    pub lang: Lang,
    pub explanation: Rc<Explanation>,
    /// The step hovered or focused.
    pub step: Option<usize>,
    pub dispatch: Dispatch,
}

fn when(s: &Step) -> String {
    match s.from {
        Some(from) if from < s.at => format!("{} – {}", clock(from), clock(s.at)),
        _ => clock(s.at),
    }
}

fn step_item(lang: Lang, i: usize, s: &Step, focused: bool, dispatch: &Dispatch) -> Html {
    let enter = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::WhyStep(Some(i))))
    };
    let leave = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::WhyStep(None)))
    };
    let focus = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: FocusEvent| dispatch.dispatch(Action::WhyStep(Some(i))))
    };
    let blur = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: FocusEvent| {
            // Leaving for another step (or inside this one) is not leaving the steps.
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".why-step").ok().flatten())
                .is_some();
            if !inside {
                dispatch.dispatch(Action::WhyStep(None));
            }
        })
    };
    let ko = lang == Lang::Ko;
    let fields = (!s.fields.is_empty()).then(|| {
        html! {
            <ul class="why-fields" aria-label={t(lang, "why.fields")}>
                { for s.fields.iter().map(|f| html! {
                    <li class={classes!("why-field", (!f.written).then_some("default"))} data-testid="why-field">
                        <code>{f.describe(ko)}</code>
                    </li>
                }) }
            </ul>
        }
    });
    let rule = s.rule.map(|id| {
        html! {
            <details class="why-rule">
                <summary>{t(lang, "why.rule")}</summary>
                <p>{s.rule_text.clone()}</p>
                <p class="muted"><code>{id}</code>{" · "}{t(lang, "why.mirrors")}{" "}<code>{s.mirrors}</code></p>
            </details>
        }
    });
    html! {
        <li class={classes!("why-step", focused.then_some("focused"))} data-testid="why-step" tabindex="0"
            onmouseenter={enter} onmouseleave={leave} onfocusin={focus} onfocusout={blur}>
            <span class="why-at">{when(s)}</span>
            <span class="why-title">{s.title.clone()}</span>
            if !s.detail.is_empty() {
                <p class="why-detail">{s.detail.clone()}</p>
            }
            { for fields }
            { for rule }
        </li>
    }
}

#[component]
pub fn WhyPanel(props: &WhyPanelProps) -> Html {
    let lang = props.lang;
    let e = &props.explanation;
    let heading = use_node_ref();
    // Where the focus was when the panel opened, to give it back on close.
    let opener = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let heading = heading.clone();
        let opener = opener.clone();
        use_effect_with(e.change, move |_| {
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            let from_panel = active
                .as_ref()
                .and_then(|el| el.closest(".why-panel").ok().flatten())
                .is_some();
            if !from_panel {
                *opener.borrow_mut() = active;
            }
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let close = {
        let dispatch = props.dispatch.clone();
        let opener = opener.clone();
        Rc::new(move || {
            if let Some(el) = opener.borrow_mut().take() {
                let _ = el.focus();
            }
            dispatch.dispatch(Action::CloseWhy);
        })
    };
    let onclick = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close())
    };
    let onkeydown = Callback::from(move |k: KeyboardEvent| {
        if k.key() == "Escape" {
            k.prevent_default();
            close();
        }
    });
    let steps = e
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| step_item(lang, i, s, props.step == Some(i), &props.dispatch));
    html! {
        <section class="why-panel" data-testid="why-panel" aria-labelledby="why-heading" {onkeydown}>
            <div class="why-head">
                <h3 id="why-heading" tabindex="-1" ref={heading}>
                    <span class="why-q">{t(lang, "why.title")}</span>{" "}
                    <span data-testid="why-what">{e.what.clone()}</span>
                </h3>
                <button type="button" class="why-close" {onclick} data-testid="why-close"
                        aria-label={t(lang, "why.close")}>{"✕"}</button>
            </div>
            <p class="visually-hidden" aria-live="polite">{format!("{} {}", t(lang, "why.opened"), e.what)}</p>
            if e.steps.is_empty() {
                <p class="muted">{t(lang, "why.none")}</p>
            } else {
                <p class="why-hint muted">{t(lang, "why.hint")}</p>
                <ol class="why-steps" data-testid="why-steps">{ for steps }</ol>
            }
        </section>
    }
}
