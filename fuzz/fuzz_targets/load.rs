//! Fuzz the whole pipeline a learner's text goes through: parse → decode → default →
//! validate, then — when valid — a short simulation (which runs the manifest's shell
//! scripts), and the editor's completion and hover at a position. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = podsim::api::load(text);
    if let Some(m) = &loaded.defaulted {
        let _ = podsim::sim::simulate(m, &Default::default(), 30_000);
    }
    let pos = text.encode_utf16().count() / 2;
    let _ = podsim::schema::complete(text, pos, podsim::schema::Lang::En);
    let _ = podsim::schema::hover(text, pos, podsim::schema::Lang::Ko);
});
