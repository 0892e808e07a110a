//! The lesson region: where the learner is in the course ("5 of 15", the previous and next
//! lessons), the lesson's text, what its source-chapter section mark means, its goals with
//! their live state, hints revealed one at a time, reset and solution, and — at the end of
//! the last lesson — the course's summary. In the sandbox it explains what the sandbox is.

use super::goals::Goals;
use super::lesson_body::{LessonBody, LessonHints};
use crate::catalog;
use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Origin, Page};
use podsim::lessons::{GoalReport, Lesson};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonPaneProps {
    pub lang: Lang,
    /// None: the sandbox.
    pub lesson: Option<Rc<Lesson>>,
    pub goals: Rc<Vec<GoalReport>>,
    pub hints_shown: usize,
    pub dispatch: Dispatch,
    /// The lessons done.
    pub done: Rc<BTreeSet<String>>,
}

/// "Lesson 5 of 15" and the links to the lessons before and after.
fn course_position(lang: Lang, id: &str) -> Html {
    let lessons = catalog::lessons();
    let Some(i) = lessons.iter().position(|l| l.id == id) else {
        return html! {};
    };
    let code = lang.code();
    let prev = i.checked_sub(1).and_then(|p| lessons.get(p));
    let next = lessons.get(i + 1);
    let position = t(lang, "lesson.position")
        .replace("{n}", &(i + 1).to_string())
        .replace("{total}", &lessons.len().to_string());
    html! {
        <nav class="lesson-nav" aria-label={t(lang, "nav.lesson")}>
            if let Some(p) = prev {
                <a class="prev" href={Page::lesson(p.id).route()} rel="prev" data-testid="prev-lesson">
                    <span aria-hidden="true">{"← "}</span>
                    <span class="visually-hidden">{t(lang, "lesson.prev")}{": "}</span>{p.title(code)}
                </a>
            } else {
                <span class="prev"></span>
            }
            <span class="position" data-testid="lesson-position">{position}</span>
            if let Some(n) = next {
                <a class="next" href={Page::lesson(n.id).route()} rel="next" data-testid="next-lesson-top">
                    <span class="visually-hidden">{t(lang, "lesson.next")}{": "}</span>{n.title(code)}
                    <span aria-hidden="true">{" →"}</span>
                </a>
            } else {
                <span class="next"></span>
            }
        </nav>
    }
}

/// What a lesson's "§5.4" means; open by default in the first lesson that carries one.
fn source_note(lang: Lang, lesson: &Lesson) -> Html {
    let Some(section) = &lesson.section else {
        return html! {};
    };
    let first = catalog::lessons()
        .iter()
        .find(|l| l.section.is_some())
        .is_some_and(|l| l.id == lesson.id);
    html! {
        <details class="source-note" open={first} data-testid="source-note"
                 aria-label={t(lang, "source.chapter")}>
            <summary>{format!("§{section} · {}", t(lang, "source.chapter"))}</summary>
            <p>{t(lang, "source.explain").replace("{section}", section)}</p>
        </details>
    }
}

/// The end of the course: every lesson, done or not, and where to go on.
fn course_summary(lang: Lang, done: &BTreeSet<String>) -> Html {
    let lessons = catalog::lessons();
    let count = lessons.iter().filter(|l| done.contains(l.id)).count();
    let code = lang.code();
    html! {
        <section class="course-summary" id="course-summary" aria-labelledby="course-summary-title"
                 data-testid="course-summary">
            <h3 id="course-summary-title">{t(lang, "course.done")}</h3>
            <p>{t(lang, "course.progress").replace("{done}", &count.to_string()).replace("{total}", &lessons.len().to_string())}</p>
            <ol>
                { for lessons.iter().map(|l| {
                    let is_done = done.contains(l.id);
                    html! {
                        <li class={classes!(is_done.then_some("done"))}>
                            <a href={Page::lesson(l.id).route()}>{l.title(code)}</a>
                            {" — "}{l.summary(code)}
                            if is_done { <span class="done-mark">{" ✓"}</span> }
                        </li>
                    }
                }) }
            </ol>
            <p>{t(lang, "course.next")}{" "}<a href={Page::Sandbox(Origin::Own).route()}>{t(lang, "sandbox")}</a></p>
        </section>
    }
}

#[component]
pub fn LessonPane(props: &LessonPaneProps) -> Html {
    let lang = props.lang;
    let code = lang.code();
    let Some(lesson) = props.lesson.clone() else {
        return html! {
            <section class="region lesson" id="pane-lesson" aria-labelledby="lesson-title">
                <h2 id="lesson-title" tabindex="-1">{t(lang, "sandbox")}</h2>
                <p>{t(lang, "sandbox.intro")}</p>
            </section>
        };
    };
    let hints = catalog::entry(&lesson.id).map_or(0, |e| e.hints);
    let shown = props.hints_shown.min(hints);
    let id = AttrValue::from(lesson.id.clone());
    let send = |action: fn() -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action()))
    };
    let all_met = !props.goals.is_empty() && props.goals.iter().all(|g| g.met);
    let last = catalog::next_after(&lesson.id).is_none();
    html! {
        <section class="region lesson" id="pane-lesson" aria-labelledby="lesson-title" data-testid="lesson">
            { course_position(lang, &lesson.id) }
            <h2 id="lesson-title" tabindex="-1">{lesson.title.get(code)}</h2>
            { source_note(lang, &lesson) }
            <LessonBody id={id.clone()} {lang} />
            if lesson.read_only {
                <p class="readonly-note">{t(lang, "lesson.readonly")}</p>
            }
            <Goals {lang} lesson={lesson.clone()} reports={props.goals.clone()} />
            <div class="hints">
                <h3>{t(lang, "hints")}</h3>
                <LessonHints {id} {lang} {shown} />
                if shown < hints {
                    <button type="button" onclick={send(|| Action::RevealHint)} data-testid="hint">{t(lang, "hint.next")}</button>
                } else if hints > 0 {
                    <p class="muted">{t(lang, "hint.none")}</p>
                }
            </div>
            <div class="lesson-actions">
                <button type="button" onclick={send(|| Action::ResetDoc)} data-testid="reset">{t(lang, "reset")}</button>
                <button type="button" onclick={send(|| Action::CompareSolution)} data-testid="solution">{t(lang, "solution.show")}</button>
            </div>
            if last && all_met {
                { course_summary(lang, &props.done) }
            }
        </section>
    }
}
