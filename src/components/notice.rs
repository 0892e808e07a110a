//! A one-off message for the learner (storage was reset, a share link was damaged, a link
//! was copied), dismissible.

use super::app::Store;
use crate::i18n::t;
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub store: Store,
}

#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    let Some(key) = props.store.notice else {
        return html! {};
    };
    let lang = props.store.lang;
    let onclick = {
        let store = props.store.clone();
        Callback::from(move |_| store.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="notice" role="status" data-testid="notice">
            <span>{t(lang, key)}</span>
            <button type="button" {onclick} aria-label={t(lang, "dismiss")}>{"×"}</button>
        </div>
    }
}
