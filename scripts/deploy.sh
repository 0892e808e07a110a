#!/usr/bin/env bash
# Build the site for a static host and copy it there, in one command:
#   scripts/deploy.sh DEST [PUBLIC_URL]
# DEST is a local directory (e.g. a web server's root) or an rsync/scp target
# (user@host:/var/www/podlab). PUBLIC_URL is the path the site is served under (default "/",
# e.g. "/podlab/" for https://example.org/podlab/). Any static host works: the site is plain
# files, makes no request to any other origin, and works offline after the first visit.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:?usage: scripts/deploy.sh DEST [PUBLIC_URL]}
public_url=${2:-/}
scripts/setup.sh >/dev/null
export PATH="$PWD/node_modules/.bin:$PATH"
out=target/deploy
rm -rf "$out"
trunk build --release --public-url "$public_url" --dist "$out"
node scripts/sizes.mjs "$out"
# The build wrote every lesson's page (English and Korean), the lesson list and the embed page.
pages=$(find "$out/lessons" "$out/ko/lessons" -name index.html | wc -l)
[ -f "$out/embed/index.html" ] && [ "$pages" -gt 2 ] || { echo "deploy: the static pages or the embed page are missing" >&2; exit 1; }
echo "deploy: $pages static pages and embed/"
case "$dest" in
  *:*)
    if command -v rsync >/dev/null; then rsync -a --delete "$out"/ "$dest"/; else scp -r "$out"/. "$dest"/; fi
    ;;
  *)
    mkdir -p "$dest"
    cp -R "$out"/. "$dest"/
    ;;
esac
echo "deployed to $dest (served under $public_url)"
