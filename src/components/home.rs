//! The lesson list: the curriculum in order, each lesson with its summary, the source
//! chapter's section it follows and whether it is done, then the sandbox. It says once what
//! "the source chapter" and its "§" marks are.

use crate::catalog;
use crate::i18n::{t, Lang};
use crate::state::{Origin, Page};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub lang: Lang,
    /// The lessons done.
    pub done: Rc<BTreeSet<String>>,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let lang = props.lang;
    let lessons = catalog::lessons();
    let count = lessons.iter().filter(|l| props.done.contains(l.id)).count();
    html! {
        <main class="home" id="main" tabindex="-1">
            <h1>{t(lang, "lessons")}</h1>
            <p class="intro">{t(lang, "source.intro")}</p>
            <p class="progress-line" data-testid="course-progress">
                {t(lang, "course.progress").replace("{done}", &count.to_string()).replace("{total}", &lessons.len().to_string())}
            </p>
            <ol class="lesson-list" data-testid="lesson-list">
                { for lessons.iter().map(|l| {
                    let done = props.done.contains(l.id);
                    html! {
                        <li class={classes!("lesson-card", done.then_some("done"))}>
                            <a href={Page::lesson(l.id).route()} data-testid="lesson-link">
                                <span class="lesson-title">{l.title(lang.code())}</span>
                                if let Some(sec) = l.section {
                                    <span class="section">{format!("§{sec}")}</span>
                                }
                                if done {
                                    <span class="done-mark">{"✓"}<span class="visually-hidden">{format!(" ({})", t(lang, "done"))}</span></span>
                                }
                            </a>
                            <p>{l.summary(lang.code())}</p>
                        </li>
                    }
                }) }
            </ol>
            <section class="sandbox-card" aria-labelledby="sandbox-card-title">
                <h2 id="sandbox-card-title"><a href={Page::Sandbox(Origin::Own).route()}>{t(lang, "sandbox")}</a></h2>
                <p>{t(lang, "sandbox.intro")}</p>
            </section>
        </main>
    }
}
