//! The podlab web app's entry point: makes the start-up state and mounts the root component
//! on the page body, or in place of a static page's copy of the app (see `takeover`).

use podlab::components::app::{initial_state_on, App, AppProps, Prepared};
use podlab::takeover;

fn main() {
    let found = takeover::find();
    // The first analysis runs here, before the renderer starts (see `Prepared`).
    let state = initial_state_on(found.as_ref().map(|s| (s.route.as_str(), s.lang)));
    let props = AppProps {
        prepared: Prepared::new(state),
    };
    match found {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root.element, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
