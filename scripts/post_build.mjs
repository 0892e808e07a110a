// Trunk post_build hook: makes the built site strict and offline-capable.
//
// 1. Moves Trunk's inline start-up module into its own file (`boot-<hash>.js`), so that the
//    page runs no inline script at all.
// 2. Writes a strict Content-Security-Policy into index.html: scripts only from the site
//    itself, `'wasm-unsafe-eval'` for WebAssembly, no inline script, no plugins, no requests
//    to other origins.
// 2c. Writes the embeddable widget's page (embed/index.html).
// 2b. Writes the static pages (lessons, lesson list) and the lessons' texts
//     (lesson-text/<hash>/<id>.<lang>.json, fetched by the app on demand) with the prerender
//     step.
// 3. Writes `sw.js`, a service worker that precaches every shipped file, so the site works
//    offline after the first visit; its cache name is a hash of the shipped files, so a new
//    build replaces the old cache.
// 4. Writes `.br` and `.gz` copies beside each hashed file (and each lesson text).
//
// Trunk runs it with TRUNK_STAGING_DIR (the site about to be published) and TRUNK_PUBLIC_URL.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
const publicUrl = process.env.TRUNK_PUBLIC_URL || process.argv[3] || "/";
if (!dir) {
  console.error("post_build: TRUNK_STAGING_DIR is not set");
  process.exit(1);
}
const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  // CodeMirror sets style attributes (tab-size, gutter heights); attributes cannot run code.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const sha = (data) => createHash("sha256").update(data).digest("hex").slice(0, 16);

const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

// 1. Inline module scripts → files. The start-up module compiles the WebAssembly while the
//    editor bundle evaluates, and starts the app once that bundle has run.
html = html.replace(/<script type="?module"?>([\s\S]*?)<\/script>/g, (_, inline) => {
  const code = inline.replace(
    /const wasm = await init\(\{ module_or_path: ('[^']+') \}\);/,
    (_m, url) => `const wasmUrl = ${url};
// Compile while the rest of the page loads; fall back to wasm-bindgen's own loading (e.g. a
// server that does not send application/wasm).
const compiled = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null);
// The editor bundle (an async script) builds its first editor as soon as it arrives; the app
// starts once it has run (or failed to load: the page's load event waits for it either way).
if (!window.PodlabEditor && document.readyState !== "complete") {
  await new Promise((resolve) => {
    addEventListener("podlab-editor", resolve, { once: true });
    addEventListener("load", resolve, { once: true });
  });
}
const wasm = await init({ module_or_path: (await compiled) ?? wasmUrl });`,
  );
  if (code === inline) {
    console.error("post_build: Trunk's start-up script changed shape; update scripts/post_build.mjs");
    process.exit(1);
  }
  // The service worker starts once the page is idle: installing it compiles sw.js and
  // re-reads every file for its cache, work that would otherwise compete with the app's
  // first render for the CPU.
  const registration = `
if ("serviceWorker" in navigator && location.protocol !== "file:" && !document.getElementById("podlab-embed")) {
  const register = () =>
    navigator.serviceWorker.register(${JSON.stringify(`${base}sw.js`)}, { scope: ${JSON.stringify(base)} }).catch(() => {});
  if ("requestIdleCallback" in window) requestIdleCallback(register, { timeout: 3000 });
  else setTimeout(register, 1000);
}`;
  const body = code.trim() + "\n" + registration.trim() + "\n";
  const name = `boot-${sha(body)}.js`;
  writeFileSync(join(dir, name), body);
  return `<script type="module" src="${base}${name}"></script>`;
});
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("post_build: index.html still has an inline script");
  process.exit(1);
}

// 1b. Start the big downloads first: the WebAssembly preload, the glue module and the
//     start-up module go to the top of <head>; the editor bundle becomes an async script, so
//     it no longer blocks the parser and does its set-up while the WebAssembly downloads.
{
  const early = [];
  html = html.replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, (tag) => {
    early.push(tag);
    return "";
  });
  html = html.replace(/<script type="module" src="[^"]*"><\/script>/g, (tag) => {
    early.push(tag);
    return "";
  });
  let deferred = 0;
  html = html.replace(/<script src="([^"]*editor-[^"]*\.js)"([^>]*)><\/script>/, (_m, src, rest) => {
    deferred++;
    return `<script async src="${src}"${rest}></script>`;
  });
  if (early.length < 3 || deferred !== 1) {
    console.error(`post_build: expected the wasm preload, the glue module, the start-up script and the editor bundle (found ${early.length} and ${deferred})`);
    process.exit(1);
  }
  html = html.replace(/(<title>[\s\S]*?<\/title>)/, `$1\n    ${early.join("\n    ")}`);
}

// 2. The Content-Security-Policy, first thing in <head> after the charset.
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, "");
html = html.replace(
  /(<meta charset="utf-8"\s*\/?>)/i,
  `$1\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
);
// 2a. The site's public path, for what the app writes out whole (the embed snippet).
html = html.replace(/(<meta name="viewport"[^>]*>)/, `$1\n    <meta name="podlab-base" content="${base}" />`);
writeFileSync(indexPath, html);

// 2c. The embeddable widget's page (embed/): the same files, the widget instead of the app
//     (src/components/embed.rs). It registers no service worker (the start-up script looks
//     for #podlab-embed) and saves nothing. Not for search engines.
{
  let embed = html
    .replace(/<title>[\s\S]*?<\/title>/, "<title>podlab — a Pod run by a simulated kubelet</title>\n    <meta name=\"robots\" content=\"noindex\" />")
    .replace(/<body>[\s\S]*<\/body>/, '<body class="embedded"><div id="podlab-embed"></div></body>');
  if (!embed.includes('id="podlab-embed"')) {
    console.error("post_build: could not make the embed page");
    process.exit(1);
  }
  mkdirSync(join(dir, "embed"), { recursive: true });
  writeFileSync(join(dir, "embed", "index.html"), embed);
}

// 2b. The static pages (`cargo run --bin prerender`, src/prerender/): every lesson in
//     English (lessons/ID/) and Korean (ko/lessons/ID/) and the lesson list, each the page
//     above with its own language, title and description and the app's static copy, which
//     the app takes over when it starts.
{
  const run = spawnSync(
    "cargo",
    ["run", "--quiet", "--locked", "--offline", "--bin", "prerender", "--", dir, base],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  if (run.status !== 0) {
    console.error("post_build: the prerender step failed");
    process.exit(1);
  }
}

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// 2d. The static pages need no request before their text is painted: the stylesheet is
//     inlined (allowed by its hash in the page's CSP, so the policy still forbids any other
//     inline style). Measured and not kept: running the editor bundle only after the first
//     paint (preloaded, injected by the start-up module) painted no sooner and made the page
//     interactive ≈ 100 ms later (4× CPU throttle, interleaved; BENCHMARKS.md).
{
  let pages = 0;
  for (const p of files(dir).filter((p) => p.endsWith(".html"))) {
    let page = readFileSync(p, "utf8");
    if (!page.includes('id="podlab-static"')) continue;
    const sheet = page.match(/<link rel="stylesheet" href="([^"]+)"[^>]*>/);
    if (sheet) {
      const css = readFileSync(join(dir, sheet[1].slice(base.length)), "utf8");
      const hash = createHash("sha256").update(css).digest("base64");
      page = page
        .replace(sheet[0], () => `<style>${css}</style>`)
        .replace("style-src 'self';", `style-src 'self' 'sha256-${hash}';`);
    }
    if (!page.includes("<style>") || !page.includes("'sha256-")) {
      console.error(`post_build: could not prepare the static page ${relative(dir, p)} for a first paint`);
      process.exit(1);
    }
    writeFileSync(p, page);
    pages++;
  }
  if (pages === 0) {
    console.error("post_build: no static page found to prepare");
    process.exit(1);
  }
}

// 3. The service worker.
const shipped = files(dir)
  .map((p) => relative(dir, p).split("\\").join("/"))
  .filter((p) => p !== "sw.js")
  // The static pages are fetched when visited (and kept then), not precached.
  .filter((p) => !/^(ko\/)?lessons\//.test(p))
  .sort();
const version = sha(shipped.map((p) => p + ":" + sha(readFileSync(join(dir, p)))).join("\n"));
const precache = shipped.map((p) => (p === "index.html" ? base : base + p));
const sw = `// podlab's service worker (generated by scripts/post_build.mjs): precaches every file of
// this build so the site works offline after the first visit. Pages are network-first (a new
// build shows at once when online), the hashed files cache-first.
const CACHE = "podlab-${version}";
const PRECACHE = ${JSON.stringify(precache, null, 0)};
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("podlab-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    event.respondWith(
      fetch(req)
        .then((res) => {
          const copy = res.clone();
          if (res.ok) caches.open(CACHE).then((c) => c.put(req, copy));
          return res;
        })
        // Offline: the page as last seen, else the app's own page (it starts on the last
        // page the learner saw).
        .catch(() =>
          caches.match(req, { cacheName: CACHE })
            .then((hit) => hit || caches.match(${JSON.stringify(base)}, { cacheName: CACHE })),
        ),
    );
    return;
  }
  event.respondWith(caches.match(req, { cacheName: CACHE }).then((hit) => hit || fetch(req)));
});
`;
writeFileSync(join(dir, "sw.js"), sw);

// 4. Pre-compressed copies beside each hashed file (`name-<hash>.ext.br` and `.gz`, brotli at
//    its best quality, gzip at 9), for hosts that serve them as they are (nginx's
//    gzip_static / brotli_static, Caddy's precompressed). Not precached: the service worker
//    asks for the plain file and the browser negotiates the encoding.
let compressed = 0;
// The lesson texts (lesson-text/<hash>/…, src/lesson_text/) are hashed by their folder.
for (const p of shipped.filter((p) => /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/.test(p) || /^lesson-text\/[0-9a-f]{16}\//.test(p))) {
  const data = readFileSync(join(dir, p));
  writeFileSync(
    join(dir, p + ".br"),
    brotliCompressSync(data, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  );
  writeFileSync(join(dir, p + ".gz"), gzipSync(data, { level: 9 }));
  compressed++;
}
console.log(`post_build: CSP set, ${precache.length} files precached by sw.js (cache podlab-${version}), ${compressed} files pre-compressed (.br, .gz)`);
