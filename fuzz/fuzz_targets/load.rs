//! Fuzz the whole pipeline a learner's text goes through: parse → decode → default →
//! validate, then — when valid — ten minutes of simulation, as the app runs a sandbox pod
//! (which runs the manifest's shell scripts), and the editor's completion and hover at a
//! position. Nothing may panic, and nothing may take seconds.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = podsim::api::load(text);
    if let Some(m) = &loaded.defaulted {
        // As long as the app simulates a sandbox pod: a run that takes seconds here would
        // freeze the learner's page (the fuzz run's timeout reports it).
        let _ = podsim::sim::simulate(m, &Default::default(), 10 * 60_000);
    }
    let pos = text.encode_utf16().count() / 2;
    let _ = podsim::schema::complete(text, pos, podsim::schema::Lang::En);
    let _ = podsim::schema::hover(text, pos, podsim::schema::Lang::Ko);
});
