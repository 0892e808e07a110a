//! A lesson's explanation: HTML rendered at build time from its Markdown (see
//! `crate::lesson_text`), fetched on demand. While it is on its way the body says so; if it
//! cannot be had, a message with a button to try again. Its own component so that it renders
//! only when the lesson, the language or the text changes — not at every keystroke.

use crate::i18n::{t, Lang};
use crate::lesson_text::{self, use_lesson_text, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonBodyProps {
    pub id: AttrValue,
    pub lang: Lang,
}

/// What stands for a text that is not there: loading, or failed with a retry button.
pub fn missing(status: &Status, id: &str, lang: Lang) -> Html {
    match status {
        Status::Failed => {
            let retry = {
                let id = id.to_string();
                Callback::from(move |_: MouseEvent| lesson_text::retry(&id, lang))
            };
            html! {
                <p class="text-failed" role="alert" data-testid="text-failed">
                    {t(lang, "text.failed")}{" "}
                    <button type="button" onclick={retry} data-testid="text-retry">{t(lang, "text.retry")}</button>
                </p>
            }
        }
        _ => {
            html! { <p class="muted text-loading" data-testid="text-loading">{t(lang, "text.loading")}</p> }
        }
    }
}

#[component]
pub fn LessonBody(props: &LessonBodyProps) -> Html {
    let status = use_lesson_text(&props.id, props.lang);
    match &status {
        Status::Ready(text) => html! {
            <div class="lesson-body" data-testid="lesson-body">
                { Html::from_html_unchecked(AttrValue::from(text.body.clone())) }
            </div>
        },
        _ => html! {
            <div class="lesson-body" data-testid="lesson-body" aria-busy="true">
                { missing(&status, &props.id, props.lang) }
            </div>
        },
    }
}

/// The hints revealed so far (`shown` of them).
#[derive(Properties, PartialEq)]
pub struct LessonHintsProps {
    pub id: AttrValue,
    pub lang: Lang,
    pub shown: usize,
}

#[component]
pub fn LessonHints(props: &LessonHintsProps) -> Html {
    let status = use_lesson_text(&props.id, props.lang);
    if props.shown == 0 {
        return html! { <ol></ol> };
    }
    match &status {
        Status::Ready(text) if text.hints.len() >= props.shown => html! {
            <ol>
                { for text.hints.iter().take(props.shown).map(|h| html! {
                    <li>{ Html::from_html_unchecked(AttrValue::from(h.clone())) }</li>
                }) }
            </ol>
        },
        // Not here yet (or a static page's body without its hints): one line each, so the
        // list keeps its length; a failure says so once, with its retry.
        _ => {
            let failed = matches!(status, Status::Failed);
            html! {
                <>
                    <ol aria-busy={(!failed).then_some("true")}>
                        { for (0..props.shown).map(|_| html! {
                            <li class="muted text-loading">{t(props.lang, "text.loading")}</li>
                        }) }
                    </ol>
                    if failed { { missing(&status, &props.id, props.lang) } }
                </>
            }
        }
    }
}
