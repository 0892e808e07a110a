//! kubectl's views at the cursor's instant, in tabs: `kubectl get pods -w`, `kubectl
//! describe pod`, `kubectl get events`, `kubectl logs` (any container, `--previous`) and the
//! status as YAML. All text comes from the engine's views; it lands in the page as text.

use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Run};
use podsim::time::Millis;
use podsim::views::{describe, events, get, logs, status_yaml};
use std::rc::Rc;
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
    let names: Vec<String> = tl
        .manifest
        .pod
        .spec
        .all_containers()
        .map(|(c, _)| c.name.clone())
        .collect();
    let chosen = container
        .as_ref()
        .filter(|c| names.contains(c))
        .cloned()
        .or_else(|| {
            tl.manifest
                .pod
                .spec
                .containers
                .first()
                .map(|c| c.name.clone())
        });
    let (command, text) = match tab {
        "describe" => (
            format!("kubectl describe pod {}", tl.pod_name),
            describe::describe_pod(tl, at),
        ),
        "events" => ("kubectl get events".to_string(), events::get_events(tl, at)),
        "logs" => {
            let req = logs::LogsRequest {
                container: chosen.clone(),
                previous: *previous,
                timestamps: false,
            };
            let cmd = format!(
                "kubectl logs {}{}{}",
                tl.pod_name,
                chosen
                    .as_ref()
                    .map(|c| format!(" -c {c}"))
                    .unwrap_or_default(),
                if *previous { " --previous" } else { "" }
            );
            (cmd, logs::logs(tl, at, &req).unwrap_or_else(|e| e))
        }
        "status" => (
            format!("kubectl get pod {} -o yaml  # status", tl.pod_name),
            match tl.status_at(at) {
                Some(s) if tl.exists_at(at) => status_yaml::status_yaml(s),
                _ => format!(
                    "Error from server (NotFound): pods \"{}\" not found\n",
                    tl.pod_name
                ),
            },
        ),
        _ => ("kubectl get pods -w".to_string(), get::watch(tl, at)),
    };
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
                                <option value={n.clone()} selected={chosen.as_deref() == Some(n.as_str())}>{n.clone()}</option>
                            }) }
                        </select>
                        <label><input type="checkbox" checked={*previous} onchange={on_previous} data-testid="logs-previous" />{t(lang, "previous")}</label>
                    </div>
                }
                <pre class="terminal" data-testid="view-output" tabindex="0"><span class="prompt">{format!("$ {command}\n")}</span>{text}</pre>
            </div>
        </div>
    }
}
