// A tiny static file server for the built site, on loopback only. Used by the browser tests
// and the benchmarks. Serves `dir` under `base` (default "/"), with the right MIME types and
// the site's Content-Security-Policy header.
import { createServer } from "node:http";
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

export async function serve(dir, { port = 0, base = "/", headers = {} } = {}) {
  const root = normalize(dir);
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
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-cache",
        ...headers,
      });
      res.end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address();
  return { server, url: `http://127.0.0.1:${actual}${base}`, close: () => new Promise((r) => server.close(r)) };
}

// `node tests/e2e/server.mjs DIR [PORT] [BASE]` serves from the command line.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080", base = "/"] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port), base });
  console.log(`serving ${dir} on ${url}`);
}
