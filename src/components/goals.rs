//! The lesson's goals, each with its live state (met or not, and what the engine saw).

use crate::i18n::{t, Lang};
use podsim::lessons::{GoalReport, Lesson};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct GoalsProps {
    pub lang: Lang,
    pub lesson: Rc<Lesson>,
    pub reports: Rc<Vec<GoalReport>>,
}

impl PartialEq for GoalsProps {
    fn eq(&self, other: &Self) -> bool {
        // Lessons are parsed once and shared; reports compare by value (an edit that changes
        // no goal's state or note does not redraw them).
        Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.lang == other.lang
            && self.reports == other.reports
    }
}

#[component]
pub fn Goals(props: &GoalsProps) -> Html {
    let lang = props.lang;
    let reports = &props.reports;
    let met_count = reports.iter().filter(|r| r.met).count();
    html! {
        <div class="goals">
            <h3>{t(lang, "goals")}{" "}<span class="goal-count" data-testid="goal-count">{format!("{met_count}/{}", props.lesson.goals.len())}</span></h3>
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
