//! `cargo bench -p podsim --bench simulate`: time to simulate one hour of virtual time for a
//! three-container pod with three probes each at periodSeconds 1 (goal ≤ 1 ms natively), and
//! for the example manifests; and the whole analysis (parse → validate → simulate 10 min, as
//! the app runs it) of each hostile manifest of tests/common/hostile.rs (goal ≤ 100 ms). Prints
//! figures; asserts nothing about speed.

use podsim::api;
use podsim::session;
use podsim::sim::{simulate, Scenario};
use podsim::time::{Millis, HOUR, MINUTE};
use std::time::Instant;

#[path = "../tests/common/hostile.rs"]
mod hostile;

/// Shared with the browser benchmark (tests/bench/browser.mjs).
const THREE_BY_THREE: &str = include_str!("three_by_three.yaml");

fn time(label: &str, text: &str, until: Millis, runs: u32) {
    let m = api::load(text).defaulted.expect("valid");
    let s = Scenario::default();
    let tl = simulate(&m, &s, until).expect("simulate");
    let mut best = f64::MAX;
    let mut total = 0.0;
    for _ in 0..runs {
        let t = Instant::now();
        let tl = simulate(&m, &s, until).expect("simulate");
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        std::hint::black_box(tl);
        best = best.min(ms);
        total += ms;
    }
    println!(
        "{label:<44} {:>8.3} ms best {:>8.3} ms mean  ({} probe runs, {} events, {} snapshots)",
        best,
        total / runs as f64,
        tl.probes.len(),
        tl.events.len(),
        tl.snapshots.len()
    );
}

/// What "why?" costs a front end: the causes recorded (how many, how big), listing every
/// change with its label, the timeline's annotations, and explaining every change (the app
/// explains one when asked).
fn why_costs(dir: &str) {
    use podsim::schema::Lang;
    use podsim::why;
    println!(
        "why? — a cause is {} bytes; per run: causes recorded, then the cost of the queries",
        std::mem::size_of::<why::Cause>()
    );
    for (name, until) in [("exec-liveness", HOUR), ("crashloop", HOUR)] {
        let text = std::fs::read_to_string(format!("{dir}/{name}.yaml")).expect("example");
        let a = session::analyze(&text, &Scenario::default(), until);
        let tl = a.timeline.expect("runs");
        let best = |f: &dyn Fn()| {
            let mut best = f64::MAX;
            for _ in 0..5 {
                let t = Instant::now();
                f();
                best = best.min(t.elapsed().as_secs_f64() * 1000.0);
            }
            best
        };
        let changes = why::changes(&tl);
        let list = best(&|| {
            std::hint::black_box(why::changes(&tl));
        });
        let notes = best(&|| {
            std::hint::black_box(why::annotations(&tl));
        });
        let all = best(&|| {
            for c in &changes {
                std::hint::black_box(why::explain(&tl, c.change, Lang::En));
            }
        });
        println!(
            "  {name}, 1 h: {} causes, {} changes; changes() {list:.3} ms, annotations() {notes:.3} ms, explain every change {all:.3} ms ({:.4} ms each)",
            tl.causes.len(),
            changes.len(),
            all / changes.len().max(1) as f64
        );
    }
}

/// A pod of `n` busybox containers, each writing a line every 2 s and probed every 5 s.
fn many_containers(n: usize) -> String {
    let containers: String = (0..n)
        .map(|i| {
            format!(
                "  - name: c{i}\n    image: busybox:1.36\n    command: [sh, -c, 'while true; do echo tick; sleep 2; done']\n    readinessProbe:\n      exec: {{command: [cat, /etc/hostname]}}\n      periodSeconds: 5\n"
            )
        })
        .collect();
    format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: wide\nspec:\n  containers:\n{containers}"
    )
}

fn main() {
    println!(
        "podsim simulate benchmark (virtual time → real time), {} runs each",
        10
    );
    time("3 containers × 3 probes @1s, 1 h", THREE_BY_THREE, HOUR, 10);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/examples");
    for name in [
        "seed-pod-sample",
        "exec-liveness",
        "http-liveness",
        "crashloop",
        "sidecar-pod",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}.yaml")).expect("example");
        time(&format!("{name}, 10 min"), &text, 10 * MINUTE, 10);
        time(&format!("{name}, 1 h"), &text, HOUR, 5);
    }
    // Pods up to the container limit (64): each container a shell loop with an exec readiness
    // probe (the cost grows with the containers, and with them every status).
    for n in [16, 64] {
        let text = many_containers(n);
        if api::load(&text).defaulted.is_some() {
            time(
                &format!("{n} shell containers + probes, 10 min"),
                &text,
                10 * MINUTE,
                3,
            );
        } else {
            println!(
                "{:<44} refused by validation",
                format!("{n} shell containers")
            );
        }
    }
    why_costs(dir);
    let t = Instant::now();
    let text = std::fs::read_to_string(format!("{dir}/init-containers.yaml")).expect("example");
    for _ in 0..100 {
        std::hint::black_box(api::load(&text));
    }
    println!(
        "{:<44} {:>8.3} ms mean",
        "parse + default + validate (init-containers)",
        t.elapsed().as_secs_f64() * 1000.0 / 100.0
    );
    println!("hostile input, the whole analysis as the app runs it (parse → validate → 10 min)");
    for (name, text, _) in hostile::cases() {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            std::hint::black_box(session::analyze(&text, &Scenario::default(), 10 * MINUTE));
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!("  {name:<42} {best:>8.3} ms best of 5");
    }
}
