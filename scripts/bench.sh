#!/usr/bin/env bash
# podlab's benchmarks: prints figures, asserts nothing about speed.
#   1. the engine natively (cargo bench): 1 h of virtual time for a 3×3-probe pod, the examples;
#   2. the built site in headless Chromium (tests/bench/browser.mjs): time to interactive,
#      first-load transfer (gzip), keystroke → redraw over 200 edits, the engine in wasm;
#   3. the first screen on a slow phone (scripts/floor.sh → tests/bench/first_screen.mjs):
#      the static lesson page and the app against the floor, interleaved, CPU throttled 4×.
# Figures and the machine are recorded by hand in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null || { echo "bench: setup failed" >&2; exit 1; }
export PATH="$PWD/node_modules/.bin:$PATH"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "$(rustc --version); $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'); node $(node --version)"
echo
echo "== engine, native (cargo bench -p podsim)"
cargo bench -q -p podsim --bench simulate 2>/dev/null
echo
echo "== site (trunk build --release), headless Chromium on loopback"
trunk build --release >/dev/null 2>&1
node scripts/sizes.mjs dist
node tests/bench/browser.mjs dist --json target/bench-browser.json
echo
echo "== first screen against the floor (CPU throttled 4×)"
scripts/floor.sh dist
