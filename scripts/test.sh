#!/usr/bin/env bash
# podlab's one test command: runs every check and ends with a line counting the tests.
#   formatting · clippy (native and wasm32) · native tests · wasm-bindgen tests in headless
#   Chromium · release build with Trunk · browser tests (Playwright) against the built site on
#   loopback, served at / and under a sub-path · a bounded fuzz run.
# Set FUZZ_SECONDS to change the fuzz budget (default 60).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh || { echo "podlab tests: setup failed, nothing was run"; exit 1; }

export PATH="$root/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
export CARGO_TERM_COLOR=never

df -h "$root" | sed -n 2p | awk '{print "disk: " $4 " free of " $2}'
logs=$(mktemp -d)
passed=0
failed=0
failed_steps=()

# step NAME COMMAND...: run a check, keep its output, note whether it passed.
step() {
  local name=$1
  shift
  printf '\n==> %s\n' "$name"
  local log="$logs/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').log"
  local start=$SECONDS
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  # Count tests from cargo's and the browser runner's own summaries:
  #   "test result: ok. 12 passed; 0 failed; …"   and   "e2e: 5 passed, 0 failed"
  local counts
  counts=$(sed -nE -e 's/^test result: [a-zA-Z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p' \
    -e 's/^e2e: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/p' "$log" |
    awk '{p+=$1; f+=$2} END {print p+0, f+0}')
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
  if [ "$rc" -ne 0 ]; then
    failed_steps+=("$name")
    printf '<== %s FAILED (exit %s, %ss)\n' "$name" "$rc" $((SECONDS - start))
  else
    printf '<== %s ok (%ss)\n' "$name" $((SECONDS - start))
  fi
}

step "cargo fmt --check" cargo fmt --all --check
step "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)" sh -c 'cargo clippy -p podlab --target wasm32-unknown-unknown --all-targets --locked -- -D warnings && cargo clippy -p podsim --target wasm32-unknown-unknown --lib --locked -- -D warnings'
step "native tests" cargo test --workspace --locked
# The golden tests again on every older Kubernetes version podsim simulates (the native run above
# is on the newest): crates/podsim/tests/common/mod.rs reads PODSIM_TEST_KUBERNETES.
step "golden tests on Kubernetes 1.31-1.36" sh -c 'for v in 1.31 1.32 1.33 1.34 1.35 1.36; do
  echo "-- Kubernetes $v"
  PODSIM_TEST_KUBERNETES=$v cargo test -p podsim --locked --test golden_probes --test golden_restarts \
    --test golden_start --test golden_termination --test golden_views --test hooks || exit 1
done'
step "wasm tests (headless Chromium)" cargo test -p podlab --target wasm32-unknown-unknown --locked
step "release build (trunk)" sh -c 'trunk build --release && node scripts/sizes.mjs dist'
step "browser tests (Playwright)" node tests/e2e/run.mjs dist
# The same site built for a sub-path (as on a static host under /sub/path/): the deploy tests.
step "release build under /sub/path/ (trunk)" trunk build --release --public-url /sub/path/ --dist target/dist-subpath
step "browser tests under /sub/path/" env E2E_FILTER=deploy: node tests/e2e/run.mjs target/dist-subpath /sub/path/
if [ -x scripts/fuzz.sh ]; then
  step "fuzz (bounded)" scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
fi

rm -rf "$logs"
echo
df -h "$root" | sed -n 2p | awk '{print "disk: " $4 " free of " $2 " at the end"}'
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
  echo "podlab tests: $passed passed, $failed failed"
  exit 1
fi
echo "podlab tests: $passed passed, $failed failed"
