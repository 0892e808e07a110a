//! The root component: the page header and the three regions (lesson, editor, result),
//! wired to the one shared reducer.

use yew::prelude::*;

use super::editor_pane::EditorPane;
use super::lesson_pane::LessonPane;
use super::result_pane::ResultPane;
use crate::state::{Action, AppState};
use crate::SEED_MANIFEST;

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState::new(SEED_MANIFEST));
    let on_change = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::Edit(text)))
    };
    html! {
        <div class="app">
            <header class="app-header">
                <h1 class="brand">{"podlab"}</h1>
                <p class="tagline">{"Watch a simulated kubelet run your Pod"}</p>
            </header>
            <main class="regions">
                <LessonPane />
                <EditorPane
                    initial={state.text.clone()}
                    analysis={state.analysis.clone()}
                    {on_change}
                />
                <ResultPane analysis={state.analysis.clone()} />
            </main>
        </div>
    }
}
