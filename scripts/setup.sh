#!/usr/bin/env bash
# Idempotent setup for a fresh machine of podlab's kind (Rust toolchain, Node/npm, apt as root).
# Installs only what is missing, only from the package registries (crates.io, npm, Debian):
#   wasm32 target · Trunk 0.21 · wasm-bindgen-cli (= Cargo.lock's wasm-bindgen) · npm ci ·
#   Chromium + chromedriver · cargo-fuzz (the nightly toolchain must already be there).
# Ends with a clear message naming anything it could not install, and exit status 1 then.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
log() { printf 'setup: %s\n' "$*"; }

have() { command -v "$1" >/dev/null 2>&1; }

# 1. The wasm32 target.
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  :
else
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || missing+=("rust target wasm32-unknown-unknown")
fi

# 2. Trunk 0.21 (0.22 needs a newer rustc than this machine's).
if have trunk && trunk --version 2>/dev/null | grep -q ' 0\.21\.'; then
  :
else
  log "installing trunk 0.21 (takes about 8 minutes on 2 cores)"
  cargo install trunk --version '~0.21' --locked || missing+=("trunk 0.21 (cargo install trunk --version '~0.21' --locked)")
fi

# 3. wasm-bindgen-cli, exactly the version of wasm-bindgen in Cargo.lock.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg" ]; then
  missing+=("wasm-bindgen version (not found in Cargo.lock)")
elif have wasm-bindgen && wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  :
else
  log "installing wasm-bindgen-cli $wbg"
  # Without --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$wbg" || missing+=("wasm-bindgen-cli $wbg")
fi

# 4. npm packages (CodeMirror, esbuild, binaryen's wasm-opt, playwright-core) from the lock file.
if ! have npm; then
  missing+=("node and npm (install Node.js 20 or newer)")
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/wasm-opt ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error || missing+=("npm packages (npm ci)")
fi

# 5. Chromium and chromedriver from Debian, for wasm-bindgen-test and Playwright.
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  :
else
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  log "installing chromium and chromium-driver from apt"
  if $sudo apt-get update -qq >/dev/null && \
     DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null; then
    :
  fi
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing+=("chromium and chromium-driver (apt-get install -y chromium chromium-driver, as root)")
fi

# 6. cargo-fuzz, for the bounded fuzz run (needs the nightly toolchain, which cannot be fetched here).
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  if ! cargo fuzz --version >/dev/null 2>&1; then
    log "installing cargo-fuzz"
    cargo install cargo-fuzz --locked || missing+=("cargo-fuzz (cargo install cargo-fuzz --locked)")
  fi
else
  missing+=("the nightly Rust toolchain (needed by cargo fuzz)")
fi

# 7. Crates for offline builds (Trunk's offline mode makes cargo offline too).
cargo fetch --locked >/dev/null 2>&1 || cargo fetch >/dev/null || missing+=("crates (cargo fetch)")

if [ ${#missing[@]} -gt 0 ]; then
  printf '\nsetup: could not install:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
log "everything is in place"
