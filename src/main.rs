//! The podlab web app's entry point: mounts the root component on the page body.

fn main() {
    yew::Renderer::<podlab::components::app::App>::new().render();
}
