//! The result region: the engine's problems with the manifest (API validation, in the
//! apiserver's words) and the run — what was read of the Pod, playback, the timeline, the
//! kubectl views and the faults. While the text is invalid (a key half typed), the last valid
//! run stays on screen, dimmed and marked out of date, with the problems laid over its top,
//! so the region keeps its height.

use super::compare_view::CompareView;
use super::derived::Derived;
use super::faults::Faults;
use super::playback::Playback;
use super::problems::Problems;
use super::timeline::Timeline;
use super::timeline_overlay::Overlay;
use super::views::Views;
use super::why_panel::WhyPanel;
use crate::i18n::{t, Lang};
use crate::state::{Computed, Dispatch, Why};
use podsim::sim::scenario::ScenarioEvent;
use podsim::time::Millis;
use podsim::views::summary::PodSummary;
use podsim::why::Mark;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultPaneProps {
    pub lang: Lang,
    pub computed: Rc<Computed>,
    pub cursor: Millis,
    pub playing: bool,
    pub speed: u32,
    pub tab: &'static str,
    pub faults: Vec<ScenarioEvent>,
    pub dispatch: Dispatch,
    /// An open prediction: its card above the run and, once started, its overlay on the
    /// timeline (the faults panel is then left out: the run is the prediction's).
    #[prop_or_default]
    pub prediction: Option<(Html, Option<Rc<Overlay>>)>,
    /// Shown first in the region: the cluster the run is on (`ClusterPicker`).
    #[prop_or_default]
    pub children: Html,
    /// The Why panel's state.
    #[prop_or_default]
    pub why: Why,
    /// What the field under the editor's cursor caused.
    #[prop_or_default]
    pub caused: Rc<Vec<Mark>>,
}

fn summary_table(lang: Lang, s: &PodSummary) -> Html {
    html! {
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
                        <td>{crate::i18n::role(lang, &ct.role).to_string()}</td>
                        <td><code>{ct.image.clone()}</code></td>
                        <td>{ if ct.ports.is_empty() { "—".to_string() } else { ct.ports.join(", ") } }</td>
                    </tr>
                }) }
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ResultPane(props: &ResultPaneProps) -> Html {
    let lang = props.lang;
    let c = &props.computed;
    let problems = c.error_count();
    let dispatch = props.dispatch.clone();
    let problems_box = (problems > 0).then(|| {
        html! { <Problems {lang} computed={c.clone()} over_run={c.stale} /> }
    });
    let compare = c.compared.as_ref().map(|compared| {
        html! {
            <CompareView {lang} cluster={c.cluster.clone()} run={c.fresh_run().cloned()}
                         diagnostics={c.diagnostics().to_vec()} compared={compared.clone()}
                         until={c.until} />
        }
    });
    // While a prediction's run is on screen, no "why?" (it would tell the answer) and no
    // faults (the run is the prediction's).
    let no_prediction = props.prediction.as_ref().is_none_or(|p| p.1.is_none());
    let body = match &c.run {
        Some(run) => {
            let until = c.until;
            // While stale, the summary is the run's: everything shown belongs together.
            let summary = if c.stale {
                run.summary.as_ref()
            } else {
                c.summary.as_ref()
            };
            html! {
                <div class={classes!("run", c.stale.then_some("stale"))} data-testid="run"
                     data-stale={c.stale.to_string()} inert={c.stale}>
                    <Playback {lang} cursor={props.cursor} {until} playing={props.playing}
                              speed={props.speed} dispatch={dispatch.clone()} />
                    <Timeline {lang} run={run.clone()} {until} cursor={props.cursor}
                              doc={c.key.clone()} faults={props.faults.len()}
                              dispatch={dispatch.clone()} why={no_prediction}
                              open={props.why.open_change()} highlight={Rc::new(props.why.marks())}
                              caused={props.caused.clone()}
                              overlay={props.prediction.as_ref().and_then(|p| p.1.clone())} />
                    if let Some(explanation) = &props.why.shown {
                        <WhyPanel {lang} explanation={explanation.clone()} step={props.why.step}
                                  dispatch={dispatch.clone()} />
                    }
                    <Derived {lang} run={run.clone()} />
                    <Views {lang} run={run.clone()} at={props.cursor} tab={props.tab} why={no_prediction}
                           dispatch={dispatch.clone()} />
                    { for summary.map(|s| summary_table(lang, s)) }
                    if no_prediction {
                        <Faults {lang} run={run.clone()} faults={props.faults.clone()}
                                at={props.cursor} dispatch={dispatch.clone()} />
                    }
                </div>
            }
        }
        None => html! {
            <>
                { for c.summary.as_ref().map(|s| summary_table(lang, s)) }
                if let Some(err) = &c.sim_error {
                    <p class="status-bad" role="alert" data-testid="sim-error">{err.clone()}</p>
                } else if problems > 0 {
                    <p class="muted">{t(lang, "invalid.nothing")}</p>
                }
            </>
        },
    };
    if !crate::IN_BROWSER {
        // A static page (prerender) reserves the run's place instead of drawing it: its
        // thousand elements cost the reader's browser more to lay out than the text, and the
        // app draws the run there as it takes the page over.
        return html! {
            <section class="region result" id="pane-run" aria-labelledby="result-title">
                <h2 id="result-title">{t(lang, "result")}</h2>
                { for props.prediction.as_ref().map(|p| p.0.clone()) }
                <div class="result-body result-reserved" data-testid="result-reserved">
                    <p class="muted">{t(lang, "result.reserved")}</p>
                </div>
            </section>
        };
    }
    html! {
        <section class="region result" id="pane-run" aria-labelledby="result-title"
                 data-took-ms={format!("{:.2}", c.took_ms)}>
            <h2 id="result-title">{t(lang, "result")}</h2>
            { for props.prediction.as_ref().map(|p| p.0.clone()) }
            <div class="result-body">
                { props.children.clone() }
                { for problems_box }
                { for compare }
                { body }
            </div>
        </section>
    }
}
