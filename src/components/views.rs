//! kubectl's views at the cursor's instant, in tabs: `kubectl get pods -w`, `kubectl
//! describe pod`, `kubectl get events`, `kubectl logs` (any container, `--previous`) and the
//! status as YAML. All text — the command lines too — comes from the engine's views; it lands
//! in the page as text.

use crate::i18n::{t, Lang};
use crate::roving::{self, Roving};
use crate::state::{Action, Dispatch, Run};
use podsim::time::Millis;
use podsim::views::kubectl::Command;
use podsim::views::logs;
use podsim::why::{event_refs, watch_refs, ChangeRef};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewsProps {
    pub lang: Lang,
    pub run: Rc<Run>,
    /// The instant shown.
    pub at: Millis,
    /// The view shown (one of `state::TABS`).
    pub tab: &'static str,
    pub dispatch: Dispatch,
    /// Rows of `get pods -w` and `get events` open the Why panel (click, tap, or Enter
    /// after the arrow keys moved the one focusable row).
    #[prop_or_default]
    pub why: bool,
}

/// Focus row `n` of the view beside `from`.
fn focus_row(from: &web_sys::Element, n: usize) {
    let Some(pre) = from.closest("pre").ok().flatten() else {
        return;
    };
    if let Some(el) = pre
        .query_selector(&format!("[data-row=\"{n}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The output with each row after the header a button that opens the Why panel on `refs`.
fn rows_html(
    text: &str,
    refs: &[ChangeRef],
    active: &UseStateHandle<usize>,
    dispatch: &Dispatch,
) -> Html {
    let lines: Vec<&str> = text.lines().collect();
    let current = (**active).min(refs.len().saturating_sub(1));
    let onkeydown = {
        let refs = refs.to_vec();
        let active = active.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some((el, r)) = roving::key(&e, "data-row", refs.len(), false) else {
                return;
            };
            e.prevent_default();
            match r {
                Roving::Open(n) => {
                    if let Some(c) = refs.get(n) {
                        dispatch.dispatch(Action::OpenWhy(*c));
                    }
                }
                Roving::Move(next) => {
                    active.set(next);
                    focus_row(&el, next);
                }
            }
        })
    };
    let rows = lines.iter().skip(1).zip(refs).enumerate().map(|(i, (line, c))| {
        let onclick = {
            let dispatch = dispatch.clone();
            let active = active.clone();
            let c = *c;
            Callback::from(move |_: MouseEvent| {
                active.set(i);
                dispatch.dispatch(Action::OpenWhy(c));
            })
        };
        html! {
            <><span class="view-row" role="button" data-testid="view-row" data-row={i.to_string()}
                  tabindex={if i == current { "0" } else { "-1" }} {onclick}>{line.to_string()}</span>{"\n"}</>
        }
    });
    html! {
        <span class="view-rows" {onkeydown}>
            {format!("{}\n", lines.first().copied().unwrap_or_default())}
            { for rows }
        </span>
    }
}

const TABS: [(&str, &str); 5] = [
    ("get", "view.get"),
    ("describe", "view.describe"),
    ("events", "view.events"),
    ("logs", "view.logs"),
    ("status", "view.status"),
];

#[component]
pub fn Views(props: &ViewsProps) -> Html {
    let lang = props.lang;
    let container = use_state(|| None::<String>);
    let previous = use_state(|| false);
    let tl = &props.run.timeline;
    let at = props.at;
    let tab = props.tab;
    let names = logs::container_names(tl);
    // The learner's pick; none: kubectl's default container, which the command leaves out.
    let picked = container.as_ref().filter(|c| names.contains(c)).cloned();
    let shown = picked
        .clone()
        .or_else(|| logs::default_container(tl).map(str::to_string));
    let view = match tab {
        "describe" => Command::DescribePod,
        "events" => Command::GetEvents,
        "logs" => Command::Logs(logs::LogsRequest {
            container: picked,
            previous: *previous,
            timestamps: false,
        }),
        "status" => Command::StatusYaml,
        _ => Command::WatchPods,
    };
    let (command, text) = (view.line(tl), view.output(tl, at));
    let row_active = use_state_eq(|| 0usize);
    let refs = match (props.why, tab) {
        (true, "get") => watch_refs(tl, at),
        (true, "events") => event_refs(tl, at),
        _ => Vec::new(),
    };
    let rows = (!refs.is_empty() && text.lines().count() == refs.len() + 1)
        .then(|| rows_html(&text, &refs, &row_active, &props.dispatch));
    let select_tab = |id: &'static str| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::SetTab(id)))
    };
    let on_container = {
        let container = container.clone();
        Callback::from(move |e: Event| {
            container.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let on_previous = {
        let previous = previous.clone();
        Callback::from(move |e: Event| {
            previous.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    html! {
        <div class="views">
            <div class="tabs" role="tablist" aria-label="kubectl">
                { for TABS.iter().map(|(id, key)| html! {
                    <button type="button" role="tab" id={format!("tab-{id}")} aria-selected={(tab == *id).to_string()}
                            aria-controls="view-panel" class={classes!((tab == *id).then_some("active"))}
                            onclick={select_tab(id)} data-testid={format!("tab-{id}")}>
                        {t(lang, key)}
                    </button>
                }) }
            </div>
            <div class="view-panel" id="view-panel" role="tabpanel" aria-labelledby={format!("tab-{tab}")}>
                if tab == "logs" {
                    <div class="logs-tools">
                        <select onchange={on_container} aria-label={t(lang, "container")} data-testid="logs-container">
                            { for names.iter().map(|n| html! {
                                <option value={n.clone()} selected={shown.as_deref() == Some(n.as_str())}>{n.clone()}</option>
                            }) }
                        </select>
                        <label><input type="checkbox" checked={*previous} onchange={on_previous} data-testid="logs-previous" />{t(lang, "previous")}</label>
                    </div>
                }
                <pre class="terminal" data-testid="view-output" tabindex="0"><span class="prompt">{format!("$ {command}\n")}</span>
                    if let Some(rows) = rows { {rows} } else { {text} }
                </pre>
            </div>
        </div>
    }
}
