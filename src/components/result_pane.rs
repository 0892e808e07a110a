//! The result region: what the engine read from the manifest — the Pod's name and its
//! containers with image and ports — or the list of problems to fix.

use std::rc::Rc;
use yew::prelude::*;

use crate::state::Analysis;

#[derive(Properties, PartialEq)]
pub struct ResultPaneProps {
    pub analysis: Rc<Analysis>,
}

#[component]
pub fn ResultPane(props: &ResultPaneProps) -> Html {
    let a = &props.analysis;
    let problems = a.error_count();
    html! {
        <section class="region result" aria-labelledby="result-title" aria-live="polite">
            <h2 id="result-title">{"Result"}</h2>
            if problems > 0 {
                <div class="problems" data-testid="problems">
                    <p class="status-bad">
                        { if problems == 1 { "1 problem".to_string() } else { format!("{problems} problems") } }
                    </p>
                    <ul>
                        { for a.diagnostics.iter().map(|d| html! {
                            <li>
                                <span class="pos">{format!("{}:{}", d.span.line, d.span.col)}</span>
                                {" "}{&d.message}
                                if let Some(h) = &d.hint { <span class="hint">{format!(" — {h}")}</span> }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            if let Some(s) = &a.summary {
                <div class="summary" data-testid="summary">
                    <p>{"Pod "}<strong data-testid="pod-name">{&s.name}</strong>
                       {format!(" in namespace {}", s.namespace)}</p>
                    <table class="containers">
                        <thead><tr><th>{"Container"}</th><th>{"Role"}</th><th>{"Image"}</th><th>{"Ports"}</th></tr></thead>
                        <tbody>
                        { for s.containers.iter().map(|c| html! {
                            <tr data-testid="container-row">
                                <td>{&c.name}</td>
                                <td>{&c.role}</td>
                                <td><code>{&c.image}</code></td>
                                <td>{ if c.ports.is_empty() { "—".to_string() } else { c.ports.join(", ") } }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
