//! The home page: the curriculum, in order, each lesson with its summary and whether it is
//! done, plus the sandbox.

use super::app::Store;
use crate::catalog;
use crate::i18n::t;
use crate::state::{Action, Page};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub store: Store,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let store = &props.store;
    let lang = store.lang;
    let lessons = catalog::lessons();
    let go = |page: Page| {
        let store = store.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            store.dispatch(Action::Navigate(page.clone()));
        })
    };
    html! {
        <main class="home" id="main">
            <h1>{t(lang, "lessons")}</h1>
            <ol class="lesson-list" data-testid="lesson-list">
                { for lessons.iter().map(|l| {
                    let done = store.saved.done.contains(l.id);
                    let page = Page::Lesson(l.id.to_string());
                    html! {
                        <li class={classes!("lesson-card", done.then_some("done"))}>
                            <a href={page.route()} onclick={go(page.clone())} data-testid="lesson-link">
                                <span class="lesson-title">{l.title(lang.code())}</span>
                                if let Some(sec) = l.section {
                                    <span class="section">{format!("§{sec}")}</span>
                                }
                                if done {
                                    <span class="done-mark" aria-label={t(lang, "done")}>{"✓"}</span>
                                }
                            </a>
                            <p>{l.summary(lang.code())}</p>
                        </li>
                    }
                }) }
            </ol>
            <section class="sandbox-card">
                <h2><a href="#/sandbox" onclick={go(Page::Sandbox)}>{t(lang, "sandbox")}</a></h2>
                <p>{t(lang, "sandbox.intro")}</p>
            </section>
        </main>
    }
}
