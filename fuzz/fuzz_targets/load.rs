//! Fuzz the whole pipeline a learner's text goes through: parse → decode → default →
//! validate, then — when valid — two minutes of simulation (which runs the manifest's shell
//! scripts), and the editor's completion and hover at a position. Nothing may panic, and
//! nothing may take seconds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = podsim::api::load(text);
    if let Some(m) = &loaded.defaulted {
        // Two minutes: long enough for a script that stalls the simulation to hit the fuzz
        // run's timeout, short enough to keep the fuzzer fast (the app simulates ten; the
        // seeds are run for ten by crates/podsim/tests/runtime_world.rs).
        let _ = podsim::sim::simulate(m, &Default::default(), 2 * 60_000);
    }
    let pos = text.encode_utf16().count() / 2;
    let _ = podsim::schema::complete(text, pos, podsim::schema::Lang::En);
    let _ = podsim::schema::hover(text, pos, podsim::schema::Lang::Ko);
});
