//! A message for the learner above the page: a one-off sentence (storage set aside, a damaged
//! share link, a link copied), and the notices that keep work one click away — undo after a
//! replaced text, the way back to the learner's own text after a share link opened in its own
//! copy, and the question asked before a link replaces an edited copy.

use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Notice as Said, Page};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notice: Option<Said>,
    pub dispatch: Dispatch,
    /// The page with the learner's own text (for "show my text").
    pub own: Page,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let Some(notice) = props.notice else {
        return html! {};
    };
    let lang = props.lang;
    let send = |action: fn() -> Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(action()))
    };
    let dismiss = html! {
        <button type="button" class="dismiss" onclick={send(|| Action::DismissNotice)}
                aria-label={t(lang, "dismiss")}>{"×"}</button>
    };
    let (text, actions) = match notice {
        Said::Say(key) => (t(lang, key).to_string(), html! {}),
        Said::Imported(r) => (
            t(lang, "progress.imported")
                .replace("{added}", &r.added.to_string())
                .replace("{copies}", &r.copies.to_string())
                .replace("{skipped}", &r.skipped.to_string())
                .replace("{lessons}", &r.lessons.to_string()),
            html! {},
        ),
        Said::Replaced => (
            t(lang, "replaced").to_string(),
            html! {
                <button type="button" onclick={send(|| Action::Undo)} data-testid="undo">{t(lang, "undo")}</button>
            },
        ),
        Said::SharedOpened => (
            t(lang, "shared.opened").to_string(),
            html! {
                <a class="button" href={props.own.route()} data-testid="own-text">{t(lang, "shared.own")}</a>
            },
        ),
        Said::LinkWaiting => (
            t(lang, "shared.waiting").to_string(),
            html! {
                <>
                    <button type="button" onclick={send(|| Action::AcceptLink)} data-testid="accept-link">{t(lang, "shared.accept")}</button>
                    <button type="button" onclick={send(|| Action::DeclineLink)} data-testid="decline-link">{t(lang, "shared.decline")}</button>
                </>
            },
        ),
    };
    html! {
        <div class="notice" role="status" data-testid="notice">
            <span class="notice-text">{text}</span>
            <span class="notice-actions">{actions}{dismiss}</span>
        </div>
    }
}
