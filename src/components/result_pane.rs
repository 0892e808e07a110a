//! The result region: the engine's problems with the manifest (API validation, in the
//! apiserver's words), what it read (pod, containers, images, ports), and — once valid — the
//! simulated run: timeline, playback, kubectl views and faults.

use super::app::Store;
use super::faults::Faults;
use super::playback::Playback;
use super::timeline::Timeline;
use super::views::Views;
use crate::i18n::t;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultPaneProps {
    pub store: Store,
}

#[component]
pub fn ResultPane(props: &ResultPaneProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let c = &store.computed;
    let problems = c.error_count();
    html! {
        <section class="region result" aria-labelledby="result-title"
                 data-took-ms={format!("{:.2}", c.took_ms)}>
            <h2 id="result-title">{t(lang, "result")}</h2>
            if problems > 0 {
                <div class="problems" data-testid="problems" role="alert">
                    <p class="status-bad">
                        { if problems == 1 { t(lang, "problems.one").to_string() } else { format!("{problems} {}", t(lang, "problems.many")) } }
                    </p>
                    <ul>
                        { for c.diagnostics().iter().map(|d| html! {
                            <li>
                                <span class="pos">{format!("{}:{}", d.span.line, d.span.col)}</span>
                                {" "}<span class="msg">{d.message_in(lang.code()).to_string()}</span>
                                if let Some(h) = &d.hint { <span class="hint">{" — "}{crate::markdown::render_inline(h.get(lang.code()))}</span> }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            if let Some(s) = &c.summary {
                <div class="summary" data-testid="summary">
                    <p>{format!("{} ", t(lang, "pod"))}<strong data-testid="pod-name">{s.name.clone()}</strong>
                       {format!(" · {} {}", t(lang, "namespace"), s.namespace)}</p>
                    <table class="containers">
                        <thead><tr>
                            <th scope="col">{t(lang, "container")}</th><th scope="col">{t(lang, "role")}</th>
                            <th scope="col">{t(lang, "image")}</th><th scope="col">{t(lang, "ports")}</th>
                        </tr></thead>
                        <tbody>
                        { for s.containers.iter().map(|ct| html! {
                            <tr data-testid="container-row">
                                <td>{ct.name.clone()}</td>
                                <td>{ct.role.clone()}</td>
                                <td><code>{ct.image.clone()}</code></td>
                                <td>{ if ct.ports.is_empty() { "—".to_string() } else { ct.ports.join(", ") } }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some(err) = &c.analysis.sim_error {
                <p class="status-bad" role="alert">{err.clone()}</p>
            }
            if c.analysis.timeline.is_some() {
                <Playback store={store.clone()} />
                <Timeline store={store.clone()} />
                <Views store={store.clone()} />
                <Faults store={store.clone()} />
            } else if problems > 0 {
                <p class="muted">{t(lang, "invalid.nothing")}</p>
            }
        </section>
    }
}
