//! A measuring hook for `scripts/bench.sh`: the engine's simulate time inside the shipped
//! WebAssembly build (opt-level "z", as learners get it). Exported to JavaScript as
//! `window.wasmBindings.bench_simulate`; the app itself never calls it.

use crate::state::computed::now_ms;
use podsim::sim::{simulate, Scenario};
use wasm_bindgen::prelude::*;

/// Simulate `text` for `until_ms` of virtual time `runs` times; returns JSON
/// `{"best_ms", "mean_ms", "probes", "events"}`, or `{"error"}` when the text is not valid.
#[wasm_bindgen]
pub fn bench_simulate(text: &str, until_ms: f64, runs: u32) -> String {
    let Some(m) = podsim::api::load(text).defaulted else {
        return r#"{"error":"the manifest is not valid"}"#.into();
    };
    let scenario = Scenario::default();
    let until = until_ms.max(0.0) as u64;
    let (mut best, mut total, mut probes, mut events) = (f64::MAX, 0.0, 0, 0);
    for _ in 0..runs.max(1) {
        let t = now_ms();
        match simulate(&m, &scenario, until) {
            Ok(tl) => {
                probes = tl.probes.len();
                events = tl.events.len();
            }
            Err(e) => return serde_json::json!({ "error": e.to_string() }).to_string(),
        }
        let ms = now_ms() - t;
        best = f64::min(best, ms);
        total += ms;
    }
    serde_json::json!({
        "best_ms": best,
        "mean_ms": total / f64::from(runs.max(1)),
        "probes": probes,
        "events": events,
    })
    .to_string()
}
