//! Beside the timeline, the derived quantities the lesson is about (the engine's
//! `views::derived`): a startup probe's budget, a liveness probe's failures before a kill,
//! the first kill, the restarts with the waits between them (the back-off ladder) and the
//! time to Ready. They move with the run, so with a dragged number.

use std::rc::Rc;

use podsim::lessons::predictions::answer::instant;
use podsim::views::derived::figures;
use yew::prelude::*;

use crate::i18n::{t, Lang};
use crate::state::Run;

#[derive(Properties, PartialEq)]
pub struct DerivedProps {
    pub lang: Lang,
    pub run: Rc<Run>,
}

#[component]
pub fn Derived(props: &DerivedProps) -> Html {
    let lang = props.lang;
    let f = use_memo(props.run.clone(), |run| figures(&run.timeline, &run.lanes));
    let mut rows: Vec<Html> = Vec::new();
    let row = |key: &str, testid: String, value: String| {
        html! { <div class="derived-row" data-testid={testid}><dt>{t(lang, key)}</dt><dd>{value}</dd></div> }
    };
    let named = f.containers.len() > 1;
    for c in &f.containers {
        // With more than one container, each figure says whose it is.
        let prefix = if named {
            format!("{}: ", c.name)
        } else {
            String::new()
        };
        if let Some((b, n, p)) = c.startup_budget {
            rows.push(row(
                "derived.startup",
                format!("derived-startup-{}", c.name),
                format!("{}{n} × {p}s = {}", prefix, instant(b)),
            ));
        }
        if let Some((b, n, p)) = c.liveness_budget {
            rows.push(row(
                "derived.liveness",
                format!("derived-liveness-{}", c.name),
                format!("{}{n} × {p}s = {}", prefix, instant(b)),
            ));
        }
        if let Some(k) = c.first_kill {
            rows.push(row(
                "derived.kill",
                format!("derived-kill-{}", c.name),
                format!("{}{}", prefix, instant(k)),
            ));
        }
        if !c.restarts.is_empty() {
            let first_start = props
                .run
                .lanes
                .containers
                .iter()
                .find(|l| l.name == c.name)
                .and_then(|l| l.starts.first())
                .map_or(0, |(t, _)| *t);
            let ladder: Vec<String> = c
                .restarts
                .iter()
                .zip(c.gaps(first_start))
                .take(6)
                .map(|(t, gap)| format!("{} (+{})", instant(*t), instant(gap)))
                .collect();
            let more = if c.restarts.len() > 6 { " …" } else { "" };
            rows.push(row(
                "derived.restarts",
                format!("derived-restarts-{}", c.name),
                format!("{}{}{more}", prefix, ladder.join(", ")),
            ));
        }
    }
    if let Some(r) = f.ready_at {
        rows.push(row("derived.ready", "derived-ready".into(), instant(r)));
    }
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <dl class="derived" data-testid="derived" aria-label={t(lang, "derived")}>
            { for rows }
        </dl>
    }
}
