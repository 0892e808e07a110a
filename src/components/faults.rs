//! Fault buttons: each adds a scenario event at the cursor time — kill a container (exit
//! 137), break an HTTP endpoint, delete a file, lose the node, delete the pod, create a
//! Service — and the engine recomputes the timeline from there.

use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Run};
use podsim::sim::scenario::{Action as Fault, ScenarioEvent};
use podsim::time::{clock, Millis};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FaultsProps {
    pub lang: Lang,
    pub run: Rc<Run>,
    /// The faults already added.
    pub faults: Vec<ScenarioEvent>,
    /// Where a new fault happens: the playhead.
    pub at: Millis,
    pub dispatch: Dispatch,
}

/// A scheduled fault as the list shows it.
fn describe(f: &Fault, lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    match f {
        Fault::CreateService { name } if ko => format!("Service {name} 생성"),
        Fault::CreateService { name } => format!("create Service {name}"),
        Fault::KillContainer { container } if ko => format!("{container} 강제 종료"),
        Fault::KillContainer { container } => format!("kill {container}"),
        Fault::FailEndpoint { port, path, status } => format!("HTTP :{port}{path} → {status}"),
        Fault::RemoveFile { container, path } if ko => format!("{container}의 {path} 삭제"),
        Fault::RemoveFile { container, path } => format!("rm {path} in {container}"),
        Fault::CreateFile {
            container, path, ..
        } if ko => format!("{container}에 {path} 생성"),
        Fault::CreateFile {
            container, path, ..
        } => format!("touch {path} in {container}"),
        Fault::LoseNode if ko => "노드 유실".into(),
        Fault::LoseNode => "node lost".into(),
        Fault::DeletePod { .. } => "kubectl delete pod".into(),
    }
}

#[component]
pub fn Faults(props: &FaultsProps) -> Html {
    let lang = props.lang;
    let container = use_state(String::new);
    let port = use_state(|| "8080".to_string());
    let path = use_state(|| "/".to_string());
    let file = use_state(|| "/tmp/healthy".to_string());
    let service = use_state(|| "myservice".to_string());
    let tl = &props.run.timeline;
    let names: Vec<String> = tl
        .manifest
        .pod
        .spec
        .all_containers()
        .map(|(c, _)| c.name.clone())
        .collect();
    let target = if names.contains(&container) {
        (*container).clone()
    } else {
        names.first().cloned().unwrap_or_default()
    };
    let add = |make: Box<dyn Fn() -> Option<Fault>>| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            if let Some(f) = make() {
                dispatch.dispatch(Action::AddFault(f));
            }
        })
    };
    let input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_container = {
        let container = container.clone();
        Callback::from(move |e: Event| {
            container.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let kill = {
        let c = target.clone();
        add(Box::new(move || {
            Some(Fault::KillContainer {
                container: c.clone(),
            })
        }))
    };
    let endpoint = {
        let (port, path) = ((*port).clone(), (*path).clone());
        add(Box::new(move || {
            Some(Fault::FailEndpoint {
                port: port.trim().parse().ok()?,
                path: if path.starts_with('/') {
                    path.clone()
                } else {
                    format!("/{path}")
                },
                status: 500,
            })
        }))
    };
    let rm = {
        let (c, f) = (target.clone(), (*file).clone());
        add(Box::new(move || {
            Some(Fault::RemoveFile {
                container: c.clone(),
                path: f.clone(),
            })
        }))
    };
    let node = add(Box::new(|| Some(Fault::LoseNode)));
    let delete = add(Box::new(|| {
        Some(Fault::DeletePod {
            grace_period_seconds: None,
        })
    }));
    let svc = {
        let name = (*service).clone();
        add(Box::new(move || {
            let n = name.trim().to_string();
            (!n.is_empty()).then_some(Fault::CreateService { name: n })
        }))
    };
    let clear = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ClearFaults))
    };
    let at = clock(props.at);
    let faults = &props.faults;
    html! {
        <details class="faults" open={!faults.is_empty()} aria-label={t(lang, "faults")}>
            <summary>{format!("{} @ {at}", t(lang, "faults"))}</summary>
            <p class="muted">{t(lang, "faults.intro")}</p>
            <div class="fault-row">
                <select onchange={on_container} aria-label={t(lang, "container")} data-testid="fault-container">
                    { for names.iter().map(|n| html! { <option value={n.clone()} selected={*n == target}>{n.clone()}</option> }) }
                </select>
                <button type="button" onclick={kill} data-testid="fault-kill">{t(lang, "fault.kill")}</button>
            </div>
            <div class="fault-row">
                <input type="text" size="10" value={(*file).clone()} oninput={input(&file)} aria-label={t(lang, "fault.file.path")} data-testid="fault-file-path" />
                <button type="button" onclick={rm} data-testid="fault-file">{t(lang, "fault.file")}</button>
            </div>
            <div class="fault-row">
                <input type="text" size="5" value={(*port).clone()} oninput={input(&port)} aria-label={t(lang, "fault.port")} data-testid="fault-port" />
                <input type="text" size="8" value={(*path).clone()} oninput={input(&path)} aria-label={t(lang, "fault.http.path")} data-testid="fault-http-path" />
                <button type="button" onclick={endpoint} data-testid="fault-endpoint">{t(lang, "fault.endpoint")}</button>
            </div>
            <div class="fault-row">
                <input type="text" size="10" value={(*service).clone()} oninput={input(&service)} aria-label={t(lang, "fault.service.name")} data-testid="fault-service-name" />
                <button type="button" onclick={svc} data-testid="fault-service">{t(lang, "fault.service")}</button>
            </div>
            <div class="fault-row">
                <button type="button" onclick={node} data-testid="fault-node">{t(lang, "fault.node")}</button>
                <button type="button" onclick={delete} data-testid="fault-delete">{t(lang, "fault.delete")}</button>
            </div>
            if !faults.is_empty() {
                <h4>{t(lang, "fault.list")}</h4>
                <ul class="fault-list" data-testid="fault-list">
                    { for faults.iter().enumerate().map(|(i, f)| {
                        // The fault's instant, draggable (a finger, a mouse, or the arrow keys).
                        let oninput = {
                            let dispatch = props.dispatch.clone();
                            Callback::from(move |e: InputEvent| {
                                let input: HtmlInputElement = e.target_unchecked_into();
                                if let Ok(v) = input.value().parse::<u64>() {
                                    dispatch.dispatch(Action::MoveFault(i, v));
                                }
                            })
                        };
                        let what = describe(&f.action, lang);
                        html! {
                            <li>
                                {format!("{} — {}", clock(f.at), what)}
                                <input type="range" min="0" max={tl.until.to_string()} step="1000"
                                       value={f.at.to_string()} {oninput} class="fault-at"
                                       aria-label={format!("{}: {}", t(lang, "fault.at"), what)}
                                       data-testid={format!("fault-at-{i}")} />
                            </li>
                        }
                    }) }
                </ul>
                <button type="button" onclick={clear} data-testid="fault-clear">{t(lang, "fault.clear")}</button>
            }
        </details>
    }
}
