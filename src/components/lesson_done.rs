//! The success message, beside the work once every goal is met: the lesson is complete, and
//! the next lesson is one click away — or, after the last one, the course is complete and its
//! summary waits in the lesson region. On a phone it stays above the region switcher.

use crate::catalog;
use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Page, Pane};
use podsim::lessons::Lesson;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct LessonDoneProps {
    pub lang: Lang,
    pub lesson: Rc<Lesson>,
    pub done: Rc<BTreeSet<String>>,
    /// The goals were met in a copy opened from a share link.
    pub shared: bool,
    pub dispatch: Dispatch,
}

impl PartialEq for LessonDoneProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.lesson, &other.lesson)
            && self.lang == other.lang
            && self.done == other.done
            && self.shared == other.shared
            && self.dispatch == other.dispatch
    }
}

#[component]
pub fn LessonDone(props: &LessonDoneProps) -> Html {
    let lang = props.lang;
    let code = lang.code();
    let next = catalog::next_after(&props.lesson.id);
    let to_summary = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::ShowPane(Pane::Lesson));
            // Once the lesson region is drawn (on a phone it was hidden).
            gloo_timers::callback::Timeout::new(0, || {
                if let Some(el) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("course-summary"))
                {
                    el.scroll_into_view();
                }
            })
            .forget();
        })
    };
    let compare = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CompareSolution))
    };
    let message = match (next, props.shared) {
        (_, true) => t(lang, "lesson.done.shared"),
        (Some(_), false) => t(lang, "lesson.done"),
        (None, false) => t(lang, "course.complete"),
    };
    html! {
        <div class="lesson-done" role="status" data-testid="lesson-done">
            <p><span class="done-mark" aria-hidden="true">{"✓ "}</span>{message}</p>
            <button type="button" onclick={compare} data-testid="compare-solution">{t(lang, "solution.compare")}</button>
            if let Some(n) = next {
                <a class="button primary" href={Page::lesson(n.id).route()} data-testid="next-lesson">
                    {format!("{} → {}", t(lang, "lesson.next"), n.title(code))}
                </a>
            } else {
                <button type="button" class="primary" onclick={to_summary} data-testid="show-summary">
                    {t(lang, "course.summary")}
                </button>
            }
        </div>
    }
}
