//! The cluster the run is on (issue 20): the Kubernetes version (1.31 … 1.37), and under
//! "kubelet settings" the feature gates that version knows (stage, default; locked ones shown
//! but disabled, with why) and `crashLoopBackOff.maxContainerRestartPeriod`; a lesson's pinned
//! version; and "compare with…", which runs the same text on a second version. Every change
//! re-simulates at once. What each version has comes from `podsim::cluster::catalog`.

use crate::i18n::{t, Lang};
use crate::state::cluster::gate_on;
use crate::state::{Action, Dispatch};
use podsim::cluster::catalog;
use podsim::cluster::gates::Stage;
use podsim::cluster::kubelet_config::GoDuration;
use podsim::cluster::{ClusterSpec, KubeVersion};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClusterPickerProps {
    pub lang: Lang,
    /// The cluster the run is on.
    pub spec: ClusterSpec,
    /// The version the lesson pins, if any.
    pub pinned: Option<KubeVersion>,
    /// The learner changed something (the reset button is then enabled).
    pub customised: bool,
    /// The version the run is compared with.
    pub compare: Option<KubeVersion>,
    /// Shown open (kept in the state: a new run redraws the region).
    pub open: bool,
    pub dispatch: Dispatch,
}

fn stage(lang: Lang, s: Stage) -> &'static str {
    match s {
        Stage::Alpha => t(lang, "cluster.alpha"),
        Stage::Beta => t(lang, "cluster.beta"),
        Stage::Ga => "GA",
    }
}

fn version_of(value: &str) -> Option<KubeVersion> {
    KubeVersion::parse(value).ok()
}

#[component]
pub fn ClusterPicker(props: &ClusterPickerProps) -> Html {
    let lang = props.lang;
    let spec = &props.spec;
    let v = spec.version();
    let dispatch = props.dispatch.clone();
    let period_error = use_state(|| None::<String>);

    let on_version = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(Action::SetVersion(version_of(&value)));
        })
    };
    let on_compare = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(Action::CompareWith(version_of(&value)));
        })
    };
    let on_period = {
        let dispatch = dispatch.clone();
        let period_error = period_error.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let value = value.trim();
            if value.is_empty() {
                period_error.set(None);
                dispatch.dispatch(Action::SetMaxRestart(None));
                return;
            }
            match GoDuration::parse(value) {
                Ok(d) => {
                    period_error.set(None);
                    dispatch.dispatch(Action::SetMaxRestart(Some(d)));
                }
                Err(why) => period_error.set(Some(why)),
            }
        })
    };
    // The summary opens and closes it through the state (a click, or Enter/Space on it).
    let toggle = {
        let dispatch = dispatch.clone();
        let open = props.open;
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            dispatch.dispatch(Action::ShowCluster(!open));
        })
    };
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ResetCluster))
    };

    let gates = catalog::gates(v);
    let summary = format!(
        "{} {}{}",
        t(lang, "cluster.summary"),
        v.as_str(),
        if props.customised {
            format!(" · {}", t(lang, "cluster.changed"))
        } else {
            String::new()
        }
    );
    let gate_rows = gates.iter().map(|row| {
        let on = gate_on(spec, row.name);
        let name = row.name.to_string();
        let onchange = {
            let dispatch = dispatch.clone();
            let name = name.clone();
            Callback::from(move |e: Event| {
                let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
                dispatch.dispatch(Action::SetGate(name.clone(), Some(checked)));
            })
        };
        let id = format!("gate-{}", row.name);
        let default = if row.default {
            t(lang, "cluster.default-on")
        } else {
            t(lang, "cluster.default-off")
        };
        html! {
            <li class={classes!("gate", row.locked.then_some("locked"))} data-gate={name.clone()}>
                <input type="checkbox" id={id.clone()} checked={on} disabled={row.locked}
                       {onchange} data-testid={id.clone()} />
                <label for={id}><code>{row.name}</code></label>
                <span class="muted">{format!(" {} · {}", stage(lang, row.stage), default)}</span>
                if row.locked {
                    <span class="muted gate-why" data-testid="gate-locked">
                        {format!(" — {}", t(lang, "cluster.locked"))}
                    </span>
                }
                if let Some(what) = row.not_simulated {
                    <span class="muted gate-why" title={what}>{format!(" — {}", t(lang, "cluster.not-simulated"))}</span>
                }
            </li>
        }
    });
    let settings = catalog::kubelet_settings();
    let setting_rows = settings.iter().map(|s| {
        let current = spec
            .kubelet
            .crash_loop_back_off
            .max_container_restart_period
            .map(|d| d.to_string())
            .unwrap_or_default();
        let known = v >= s.since;
        html! {
            <div class="setting">
                <label for="max-restart"><code>{s.path}</code></label>
                <input type="text" id="max-restart" size="8" value={current} placeholder={s.default}
                       disabled={!known} onchange={on_period.clone()} data-testid="max-restart"
                       aria-describedby="max-restart-help" />
                <p class="muted" id="max-restart-help">
                    {s.what.get(lang.code()).to_string()}
                    {format!(" {} {}; {} {} ({} {}).", t(lang, "cluster.accepts"), s.accepts,
                             t(lang, "cluster.needs"), s.gate, t(lang, "cluster.since"), s.since.as_str())}
                </p>
                if let Some(err) = &*period_error {
                    <p class="status-bad" role="alert" data-testid="max-restart-error">{err.clone()}</p>
                }
            </div>
        }
    });
    let pin_note = props.pinned.map(|p| {
        if p == v {
            html! { <p class="muted" data-testid="cluster-pin">{format!("{} {}.", t(lang, "cluster.pinned"), p.as_str())}</p> }
        } else {
            html! { <p class="note" data-testid="cluster-pin">{format!("{} {}.", t(lang, "cluster.pinned-other"), p.as_str())}</p> }
        }
    });
    let version_label = |k: KubeVersion| {
        let mut label = k.as_str().to_string();
        if k == KubeVersion::NEWEST {
            label.push_str(&format!(" ({})", t(lang, "cluster.newest")));
        }
        if Some(k) == props.pinned {
            label.push_str(&format!(" ({})", t(lang, "cluster.lesson")));
        }
        label
    };
    html! {
        <details class="cluster" data-testid="cluster" aria-label={t(lang, "cluster")}
                 open={props.open}>
            <summary data-testid="cluster-summary" onclick={toggle}>{summary}</summary>
            <div class="cluster-row">
                <label for="cluster-version">{t(lang, "cluster.version")}</label>
                <select id="cluster-version" onchange={on_version} data-testid="cluster-version">
                    { for catalog::versions().iter().map(|k| html! {
                        <option value={k.as_str()} selected={*k == v}>{version_label(*k)}</option>
                    }) }
                </select>
                <button type="button" onclick={reset} disabled={!props.customised} data-testid="cluster-reset">
                    {t(lang, "cluster.reset")}
                </button>
            </div>
            { for pin_note }
            <fieldset class="kubelet-settings">
                <legend>{t(lang, "cluster.kubelet")}</legend>
                { for setting_rows }
                <p class="muted">{t(lang, "cluster.gates")}</p>
                <ul class="gates" data-testid="gates">{ for gate_rows }</ul>
            </fieldset>
            <div class="cluster-row">
                <label for="compare-with">{t(lang, "compare.with")}</label>
                <select id="compare-with" onchange={on_compare} data-testid="compare-with">
                    <option value="" selected={props.compare.is_none()}>{t(lang, "compare.none")}</option>
                    { for catalog::versions().iter().map(|k| html! {
                        <option value={k.as_str()} selected={Some(*k) == props.compare}>
                            {format!("{} ({})", k.as_str(), t(lang, "compare.defaults"))}
                        </option>
                    }) }
                </select>
            </div>
        </details>
    }
}
