//! The lesson list: the curriculum in order, each lesson with its summary, the source
//! chapter's section it follows and whether it is done, then the sandbox. It says once what
//! "the source chapter" and its "§" marks are.

use crate::bridge::files;
use crate::catalog;
use crate::i18n::{t, Lang};
use crate::state::{Action, Dispatch, Origin, Page};
use crate::storage;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub lang: Lang,
    /// The lessons done.
    pub done: Rc<BTreeSet<String>>,
    /// Per lesson: predictions answered right the first time, and answered.
    #[prop_or_default]
    pub predictions: Rc<BTreeMap<String, (usize, usize)>>,
    /// Save the progress to a file.
    #[prop_or_default]
    pub on_export: Callback<()>,
    #[prop_or_default]
    pub dispatch: Option<Dispatch>,
}

/// Read the file picked in the import field and hand it to the reducer.
fn import_from(input: web_sys::HtmlInputElement, dispatch: Dispatch) {
    let done = Closure::once_into_js(move |text: JsValue| {
        let file = text
            .as_string()
            .and_then(|raw| storage::parse(Some(&raw)).ok().flatten());
        dispatch.dispatch(Action::ImportProgress(file.map(Box::new)));
    });
    let _ = files::read_file(&input, done.unchecked_ref());
    // The same file can be picked again.
    input.set_value("");
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    let lang = props.lang;
    let lessons = catalog::lessons();
    let count = lessons.iter().filter(|l| props.done.contains(l.id)).count();
    let on_export = props.on_export.reform(|_: MouseEvent| ());
    let on_import = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = dispatch.clone() {
                import_from(e.target_unchecked_into(), d);
            }
        })
    };
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
                            if let Some((right, answered)) = props.predictions.get(l.id).filter(|(_, a)| *a > 0) {
                                <p class="lesson-predictions" data-testid="lesson-predictions">
                                    {format!("{right}/{answered} {}", t(lang, "predictions.right"))}
                                </p>
                            }
                            <p>{l.summary(lang.code())}</p>
                        </li>
                    }
                }) }
            </ol>
            <section class="progress-files" aria-label={t(lang, "progress.export")}>
                <p class="muted">{t(lang, "progress.files")}</p>
                <button type="button" onclick={on_export} data-testid="progress-export">{t(lang, "progress.export")}</button>
                <label class="button">
                    {t(lang, "progress.import")}
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                           onchange={on_import} data-testid="progress-import" />
                </label>
            </section>
            <section class="sandbox-card" aria-labelledby="sandbox-card-title">
                <h2 id="sandbox-card-title"><a href={Page::Sandbox(Origin::Own).route()}>{t(lang, "sandbox")}</a></h2>
                <p>{t(lang, "sandbox.intro")}</p>
            </section>
        </main>
    }
}
