//! The lesson's goals, each with its live state (met or not, and what the engine saw).

use super::app::Store;
use crate::i18n::t;
use podsim::lessons::Lesson;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GoalsProps {
    pub store: Store,
    pub lesson: Rc<Lesson>,
}

#[component]
pub fn Goals(props: &GoalsProps) -> Html {
    let lang = props.store.lang;
    let reports = &props.store.computed.goals;
    html! {
        <div class="goals">
            <h3>{t(lang, "goals")}</h3>
            <ul data-testid="goals">
                { for props.lesson.goals.iter().enumerate().map(|(i, g)| {
                    let report = reports.get(i);
                    let met = report.is_some_and(|r| r.met);
                    html! {
                        <li class={classes!("goal", if met { "met" } else { "unmet" })}
                            data-testid="goal" data-met={met.to_string()}>
                            <span class="goal-mark" aria-hidden="true">{ if met { "✓" } else { "○" } }</span>
                            <span class="goal-text">{g.text.get(lang.code())}</span>
                            if let Some(r) = report {
                                <span class="goal-note">{r.note.get(lang.code())}</span>
                            }
                            <span class="visually-hidden">{ if met { t(lang, "goal.met") } else { t(lang, "goal.unmet") } }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
