//! The engine's problems with the manifest, each at its line and column in the apiserver's
//! words with podlab's hint beside it. Over an out-of-date run it says so, and lies over the
//! run's top instead of pushing it down.

use crate::i18n::{t, Lang};
use crate::markdown;
use crate::state::Computed;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub lang: Lang,
    pub computed: Rc<Computed>,
    /// Shown over the last valid run (which stays below, out of date).
    pub over_run: bool,
}

#[component]
pub fn Problems(props: &ProblemsProps) -> Html {
    let lang = props.lang;
    let c = &props.computed;
    let problems = c.error_count();
    let count = if problems == 1 {
        t(lang, "problems.one").to_string()
    } else {
        t(lang, "problems.many").replace("{n}", &problems.to_string())
    };
    html! {
        <div class={classes!("problems", props.over_run.then_some("over-run"))} data-testid="problems">
            <p class="status-bad">{count}</p>
            if props.over_run {
                <p class="stale-note" data-testid="stale-note">{t(lang, "run.stale")}</p>
            }
            <ul>
                { for c.diagnostics().iter().map(|d| html! {
                    <li>
                        <span class="pos">{format!("{}:{}", d.span.line, d.span.col)}</span>
                        {" "}<span class="msg">{d.message_in(lang.code()).to_string()}</span>
                        if let Some(h) = &d.hint { <span class="hint">{" — "}{markdown::render_inline(h.get(lang.code()))}</span> }
                    </li>
                }) }
            </ul>
        </div>
    }
}
