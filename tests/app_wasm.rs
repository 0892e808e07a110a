//! Component tests in a real browser (wasm-bindgen-test, headless Chromium): the app renders
//! the engine's results — the seed Pod's summary, the simulated run's kubectl views — and
//! reports a missing editor bundle instead of failing silently.
#![cfg(target_arch = "wasm32")]

use podlab::components::app::App;
use wasm_bindgen_test::*;
use yew::scheduler;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let _ = web_sys::window().unwrap().location().set_hash("#/sandbox");
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

async fn settle() {
    scheduler::flush().await;
    for _ in 0..3 {
        gloo_timers::future::TimeoutFuture::new(10).await;
        scheduler::flush().await;
    }
}

#[wasm_bindgen_test]
async fn sandbox_summarises_the_seed_pod() {
    let host = mount();
    yew::Renderer::<App>::with_root(host.clone()).render();
    settle().await;
    let name = host
        .query_selector("[data-testid=pod-name]")
        .unwrap()
        .expect("pod name shown");
    assert_eq!(name.text_content().unwrap(), "kubenetes-simple-pod");
    let row = host
        .query_selector("[data-testid=container-row]")
        .unwrap()
        .expect("a container row");
    let row = row.text_content().unwrap();
    assert!(
        row.contains("arisu1000/simple-container-app:latest"),
        "{row}"
    );
    assert!(row.contains("8080/TCP"), "{row}");
}

#[wasm_bindgen_test]
async fn the_simulation_is_shown_as_kubectl_output() {
    let host = mount();
    yew::Renderer::<App>::with_root(host.clone()).render();
    settle().await;
    let out = host
        .query_selector("[data-testid=view-output]")
        .unwrap()
        .expect("kubectl output");
    let text = out.text_content().unwrap();
    assert!(text.contains("kubectl get pods -w"), "{text}");
    assert!(text.contains("NAME"), "{text}");
    let timeline = host.query_selector("[data-testid=timeline-svg]").unwrap();
    assert!(timeline.is_some(), "the timeline is drawn");
}

#[wasm_bindgen_test]
async fn a_missing_editor_bundle_is_reported() {
    let host = mount();
    yew::Renderer::<App>::with_root(host.clone()).render();
    settle().await;
    let alert = host.query_selector(".editor [role=alert]").unwrap();
    let text = alert
        .map(|a| a.text_content().unwrap_or_default())
        .unwrap_or_default();
    assert!(text.contains("editor bundle"), "got {text:?}");
}
