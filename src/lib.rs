//! podlab — the learner's app (Yew, client-side rendered). It renders and wires; every piece
//! of Kubernetes logic lives in the `podsim` engine.
//!
//! - [`bench`]: a measuring hook for the benchmark script.
//! - [`bridge`]: the wasm-bindgen bindings to the CodeMirror editor bundle (js/editor.js).
//! - [`state`]: the one reducer the views share; [`storage`]: saved progress in
//!   localStorage; [`share`]: share links in the URL fragment (both in docs/formats.md);
//!   [`navigation`]: history entries for in-app links, Back and Forward.
//! - [`catalog`]: the lessons embedded from `lessons/` (without their prose);
//!   [`lesson_text`]: the prose, rendered at build time and fetched on demand;
//!   [`markdown`]: the short texts (goals' hints, predictions) as nodes.
//! - [`chart`]: timeline geometry; [`i18n`]: the app's words in English and Korean.
//! - [`components`]: one Yew function component per file.
//! - [`takeover`]: the app starting on a static page and replacing it;
//!   `prerender` (native only): the static pages made at build time from those components.

pub mod bench;
pub mod bridge;
pub mod catalog;
pub mod chart;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod lesson_text;
pub mod markdown;
pub mod navigation;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod roving;
pub mod share;
pub mod state;
pub mod storage;
pub mod takeover;

/// Whether this build runs in a browser. Natively (the prerender step, its tests) the
/// components render without one: what would need it (the editor, the system's colour
/// scheme) is left for the browser to fill in.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The manifest the app starts with: the source chapter's pod-sample.yaml, spelling kept.
pub const SEED_MANIFEST: &str = "apiVersion: v1
kind: Pod
metadata:
    name: kubenetes-simple-pod
    labels:
        app: kubernetes-simple-pod
spec:
    containers:
    - name: kubenetes-simple-pod
      image: arisu1000/simple-container-app:latest
      ports:
      - containerPort: 8080
";
