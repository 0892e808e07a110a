#!/usr/bin/env bash
# Build the site (release) and serve it on http://127.0.0.1:8080 (PORT=… to change).
# Runs scripts/setup.sh first, which installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/sizes.mjs dist
exec node tests/e2e/server.mjs dist "${PORT:-8080}" /
