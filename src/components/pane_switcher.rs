//! On a phone, one region fills the screen and this bar, fixed at the bottom within reach of
//! a thumb, switches between them: the lesson (with how many goals are met), the manifest, and
//! the run (with how many problems the manifest has). Hidden where the regions sit side by side.

use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Pane};
use podsim::lessons::GoalReport;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PaneSwitcherProps {
    pub lang: Lang,
    pub pane: Pane,
    pub dispatch: Dispatch,
    pub goals: Rc<Vec<GoalReport>>,
    pub problems: usize,
    /// The run shown is from an earlier text.
    pub stale: bool,
}

#[component]
pub fn PaneSwitcher(props: &PaneSwitcherProps) -> Html {
    let lang = props.lang;
    let met = props.goals.iter().filter(|g| g.met).count();
    // A badge: what it shows, what a screen reader hears after it, its colour.
    type Badge = (String, &'static str, &'static str);
    let tab = |pane: Pane, id: &str, key: &str, badge: Option<Badge>| {
        let dispatch = props.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::ShowPane(pane));
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
        let selected = props.pane == pane;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()}
                    aria-controls={format!("pane-{id}")} id={format!("show-{id}")}
                    class={classes!(selected.then_some("active"))} {onclick}
                    data-testid={format!("show-{id}")}>
                <span>{t(lang, key)}</span>
                if let Some((text, said, class)) = badge {
                    <span class={classes!("badge", class)}>{text}</span>
                    <span class="visually-hidden">{said}</span>
                }
            </button>
        }
    };
    let goals = (!props.goals.is_empty()).then(|| {
        let all = met == props.goals.len();
        (
            format!("{met}/{}", props.goals.len()),
            t(lang, "badge.goals"),
            if all { "good" } else { "muted" },
        )
    });
    let problems = (props.problems > 0)
        .then(|| (props.problems.to_string(), t(lang, "badge.problems"), "bad"));
    let stale = props
        .stale
        .then(|| ("!".to_string(), t(lang, "badge.stale"), "bad"));
    html! {
        <div class="pane-switcher" role="tablist" aria-label={t(lang, "panes")} data-testid="pane-switcher">
            { tab(Pane::Lesson, "lesson", "pane.lesson", goals) }
            { tab(Pane::Editor, "editor", "manifest", problems) }
            { tab(Pane::Run, "run", "pane.run", stale) }
        </div>
    }
}
