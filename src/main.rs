//! The podlab web app's entry point: makes the start-up state and mounts the root component
//! on the page body.

use podlab::components::app::{initial_state, App, AppProps, Prepared};

fn main() {
    // The first analysis runs here, before the renderer starts (see `Prepared`).
    let prepared = Prepared::new(initial_state());
    yew::Renderer::<App>::with_props(AppProps { prepared }).render();
}
