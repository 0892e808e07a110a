//! The lesson region: the lesson's text, its goals with their live state, hints revealed one
//! at a time, reset and solution buttons, and the way to the next lesson once done. In the
//! sandbox it explains what the sandbox is.

use super::app::Store;
use super::goals::Goals;
use super::lesson_body::LessonBody;
use crate::catalog;
use crate::i18n::t;
use crate::markdown;
use crate::state::{Action, Page};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonPaneProps {
    pub store: Store,
}

#[component]
pub fn LessonPane(props: &LessonPaneProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let code = lang.code();
    let Some(lesson) = store.lesson() else {
        return html! {
            <section class="region lesson" aria-labelledby="lesson-title">
                <h2 id="lesson-title">{t(lang, "sandbox")}</h2>
                <p>{t(lang, "sandbox.intro")}</p>
            </section>
        };
    };
    let doc = store.doc();
    let shown = doc.hints.min(lesson.hints.len());
    let on_hint = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::RevealHint))
    };
    let on_reset = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::ResetDoc))
    };
    let on_solution = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::ShowSolution))
    };
    let done = store.computed.all_goals_met();
    let next = catalog::next_after(&lesson.id);
    html! {
        <section class="region lesson" aria-labelledby="lesson-title" data-testid="lesson">
            <h2 id="lesson-title">
                if let Some(sec) = &lesson.section { <span class="section">{format!("§{sec} ")}</span> }
                {lesson.title.get(code)}
            </h2>
            <LessonBody lesson={lesson.clone()} {lang} />
            if lesson.read_only {
                <p class="readonly-note">{t(lang, "lesson.readonly")}</p>
            }
            <Goals store={store.clone()} lesson={lesson.clone()} />
            if done {
                <div class="lesson-done" role="status" data-testid="lesson-done">
                    <p>{t(lang, "lesson.done")}</p>
                    if let Some(n) = next {
                        <a class="button primary" href={Page::Lesson(n.id.to_string()).route()}
                           data-testid="next-lesson">
                            {format!("{} → {}", t(lang, "lesson.next"), n.title(code))}
                        </a>
                    }
                </div>
            }
            <div class="hints">
                <h3>{t(lang, "hints")}</h3>
                <ol>
                    { for lesson.hints.iter().take(shown).map(|h| html! { <li>{ markdown::render(h.get(code)) }</li> }) }
                </ol>
                if shown < lesson.hints.len() {
                    <button type="button" onclick={on_hint} data-testid="hint">{t(lang, "hint.next")}</button>
                } else if !lesson.hints.is_empty() {
                    <p class="muted">{t(lang, "hint.none")}</p>
                }
            </div>
            <div class="lesson-actions">
                <button type="button" onclick={on_reset} data-testid="reset">{t(lang, "reset")}</button>
                <button type="button" onclick={on_solution} data-testid="solution">{t(lang, "solution.show")}</button>
            </div>
        </section>
    }
}
