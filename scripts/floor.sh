#!/usr/bin/env bash
# The floor under podlab's budgets: builds tests/bench/floor (the smallest app made of the
# components podlab's issues require: Yew, serde-saphyr, brush-parser, CodeMirror) the way the
# site is built (release profile, wasm-bindgen, wasm-opt -Oz, esbuild --minify), then measures
# it beside the built site (default ./dist), interleaved, with the CPU throttled 4×
# (tests/bench/first_screen.mjs): first contentful paint, time to interactive against the
# floor's, and the first load's bytes (brotli, gzip) with each file's share.
# Usage: scripts/floor.sh [SITE_DIST] [LOADS]   (prints figures; asserts nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
site=${1:-dist}
work=target/floor
out=$work/dist
rm -rf "$out" && mkdir -p "$work" "$out"
cp -r tests/bench/floor/Cargo.toml tests/bench/floor/src "$work/"
# The same crate versions as podlab's own build (cargo drops what the floor does not use).
cp Cargo.lock "$work/Cargo.lock"
cargo build -q --release --offline --target wasm32-unknown-unknown \
  --manifest-path "$work/Cargo.toml" --target-dir target/floor-target
wasm-bindgen --target web --no-typescript --out-dir "$work/bindgen" \
  target/floor-target/wasm32-unknown-unknown/release/floor.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types \
  "$work/bindgen/floor_bg.wasm" -o "$out/floor_bg.wasm"
cp "$work/bindgen/floor.js" tests/bench/floor/index.html tests/bench/floor/boot.js "$out/"
esbuild tests/bench/floor/editor.js --bundle --minify --format=iife --target=es2020 \
  --log-level=warning --outfile="$out/editor.js"
node scripts/sizes.mjs "$out"
[ -f "$site/index.html" ] || { echo "floor: no built site at $site (trunk build --release)" >&2; exit 1; }
node tests/bench/first_screen.mjs "$out" "$site" "${2:-10}" --json target/bench-first-screen.json
