#!/usr/bin/env bash
# Fuzz podsim's whole input pipeline (fuzz/fuzz_targets/load.rs) for a bounded time.
# Usage: scripts/fuzz.sh [SECONDS]   (default 60). Needs the nightly toolchain and cargo-fuzz
# (scripts/setup.sh installs cargo-fuzz). New interesting inputs go to fuzz/corpus/load; a crash
# is saved under fuzz/artifacts/ and fails the run.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-60}
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
corpus=$(mktemp -d)
cp corpus/load/* "$corpus"/
cargo +nightly fuzz build load -O 2>&1 | tail -n 2
cargo +nightly fuzz run load "$corpus" corpus/load -O -- \
  -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=2048 -timeout=10 2>&1 |
  grep -E "^#[0-9]+ *(DONE|INITED)|Done [0-9]+ runs|ERROR|panicked|SUMMARY|deadly signal" || true
status=${PIPESTATUS[0]}
rm -rf "$corpus"
if [ -d artifacts/load ] && [ -n "$(ls -A artifacts/load 2>/dev/null)" ]; then
  echo "fuzz: crash inputs saved in fuzz/artifacts/load" >&2
  exit 1
fi
echo "fuzz: no crash in ${seconds}s"
exit "$status"
