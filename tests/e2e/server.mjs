// A tiny static file server for the built site, on loopback only. Used by the browser tests,
// the benchmarks and scripts/serve.sh. Serves `dir` under `base` (default "/") as a static
// host does: the right MIME types, ETags, hashed files (`name-<hash>.ext`) cacheable for a
// year, and gzip when `gzip` is set (compressed once per file version, level 9). Counts
// requests and bytes sent (`stats()`).
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

export async function serve(dir, { port = 0, base = "/", headers = {}, gzip = false } = {}) {
  const root = normalize(dir);
  let stats;
  const resetStats = () => (stats = { requests: 0, bytes: 0, raw: 0, byPath: {} });
  resetStats();
  const zipped = new Map();
  const files = new Map();
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (!path.startsWith(base)) {
        res.writeHead(404).end("not found");
        return;
      }
      path = path.slice(base.length);
      if (path === "" || path.endsWith("/")) path += "index.html";
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep) && file !== root) {
        res.writeHead(403).end("forbidden");
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404).end("not found");
        return;
      }
      // Each file is read, hashed and compressed once per version (size and mtime), as a
      // static host keeps ETags and compressed copies ready instead of redoing them per request.
      const version = `${file}:${info.size}:${info.mtimeMs}`;
      let entry = files.get(version);
      if (!entry) {
        const bytes = await readFile(file);
        entry = { raw: bytes, etag: `"${createHash("sha1").update(bytes).digest("hex").slice(0, 20)}"` };
        files.set(version, entry);
      }
      const { raw, etag } = entry;
      const hashed = /-[0-9a-f]{8,}(_bg)?\.[a-z]+$/.test(file);
      const head = {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
        etag,
        vary: "accept-encoding",
        ...headers,
      };
      const count = (n, r) => {
        stats.requests++;
        stats.bytes += n;
        stats.raw += r;
        const e = (stats.byPath[path] ||= { count: 0, bytes: 0 });
        e.count++;
        e.bytes += n;
      };
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, head).end();
        count(0, 0);
        return;
      }
      let body = raw;
      if (gzip && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        if (!zipped.has(etag)) zipped.set(etag, gzipSync(raw, { level: 9 }));
        body = zipped.get(etag);
        head["content-encoding"] = "gzip";
      }
      res.writeHead(200, { ...head, "content-length": body.length });
      res.end(body);
      count(body.length, raw.length);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address();
  return {
    server,
    url: `http://127.0.0.1:${actual}${base}`,
    stats: () => structuredClone(stats),
    resetStats,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections?.();
        server.close(r);
      }),
  };
}

// `node tests/e2e/server.mjs DIR [PORT] [BASE]` serves from the command line.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080", base = "/"] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port), base, gzip: true });
  console.log(`serving ${dir} on ${url}`);
}
