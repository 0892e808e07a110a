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
    let tab = |pane: Pane, id: &str, key: &str, badge: Option<(String, &'static str)>| {
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
                if let Some((text, class)) = badge {
                    <span class={classes!("badge", class)}>{text}</span>
                }
            </button>
        }
    };
    let goals = (!props.goals.is_empty()).then(|| {
        let all = met == props.goals.len();
        (
            format!("{met}/{}", props.goals.len()),
            if all { "good" } else { "muted" },
        )
    });
    let problems = match (props.problems, props.stale) {
        (0, _) => None,
        (n, _) => Some((n.to_string(), "bad")),
    };
    html! {
        <div class="pane-switcher" role="tablist" aria-label={t(lang, "panes")} data-testid="pane-switcher">
            { tab(Pane::Lesson, "lesson", "pane.lesson", goals) }
            { tab(Pane::Editor, "editor", "manifest", problems.clone()) }
            { tab(Pane::Run, "run", "pane.run", problems.map(|_| ("!".to_string(), "bad"))) }
        </div>
    }
}
