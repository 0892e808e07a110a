//! The podsim command line:
//!
//! ```text
//! podsim simulate FILE [--scenario FILE] [--until DURATION] [--at DURATION]
//!                      [--output json|get|describe|events|logs|timeline]
//!                      [--container NAME] [--previous] [--watch] [--width N]
//! podsim validate FILE
//! ```
//!
//! DURATION is like `90s`, `5m`, `1h`. An invalid manifest exits 1 and prints one line per
//! error on stderr: `LINE:COL: MESSAGE`, worded as the apiserver words it.

use podsim::cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let out = cli::run(&args, &read);
    if !out.stdout.is_empty() {
        print!("{}", out.stdout);
    }
    if !out.stderr.is_empty() {
        eprint!("{}", out.stderr);
    }
    ExitCode::from(out.code)
}
