//! The podlab web app's entry point: makes the start-up state and mounts the root component
//! on the page body, or in place of a static page's copy of the app (see `takeover`), or the
//! embeddable widget on the `/embed/` page (see `embed`).

use podlab::components::app::{initial_state_on, App, AppProps, Prepared};
use podlab::components::embed::{Embed, EmbedProps};
use podlab::{embed, lesson_text, navigation, takeover};

fn main() {
    if let Some(root) = takeover::embed_root() {
        let config = embed::parse(&navigation::location_hash()).unwrap_or_default();
        let props = EmbedProps {
            prepared: Prepared::new(embed::state(&config, takeover::browser_lang())),
            theme: config.theme,
            readonly: config.readonly,
        };
        yew::Renderer::<Embed>::with_root_and_props(root, props).render();
        return;
    }
    let found = takeover::find();
    // The first analysis runs here, before the renderer starts (see `Prepared`).
    let state = initial_state_on(found.as_ref().map(|s| (s.route.as_str(), s.lang)));
    // The lesson body the static page shows is the app's until the fetched text (with the
    // hints) arrives: the take-over shows no empty body.
    if let (Some(root), Some(id)) = (found.as_ref(), state.page.lesson_id()) {
        if root.route == state.page.route() && root.lang == state.lang {
            let body = root
                .element
                .query_selector(".lesson-body")
                .ok()
                .flatten()
                .filter(|b| b.get_attribute("aria-busy").is_none());
            if let Some(body) = body {
                lesson_text::seed(id, state.lang, body.inner_html());
            }
        }
    }
    let props = AppProps {
        prepared: Prepared::new(state),
    };
    match found {
        Some(root) => yew::Renderer::<App>::with_root_and_props(root.element, props).render(),
        None => yew::Renderer::<App>::with_props(props).render(),
    };
}
