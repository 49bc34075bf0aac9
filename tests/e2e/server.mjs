// The static server and Chromium flags shared by the end-to-end test and the screenshot
// script: serves a directory on a free 127.0.0.1 port with the right MIME types
// (application/wasm in particular); / redirects to /www/.

import http from "node:http";
import fs from "node:fs";
import path from "node:path";

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync",
  // window.gc(), for a test that builds a large object and must not time its collection.
  "--js-flags=--expose-gc",
];

const MIME = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * Serves `root`; resolves to the listening http.Server (port in server.address().port).
 * `www`: another directory to serve as /www/ (to run a test or a benchmark on another
 * version of the page, e.g. the one before a change).
 */
export function startServer(root, { www } = {}) {
  const server = http.createServer((req, res) => {
    let url;
    try { url = new URL(req.url, "http://127.0.0.1"); } catch { res.writeHead(400).end(); return; }
    if (url.pathname === "/") { res.writeHead(302, { Location: "/www/" }).end(); return; }
    let rel;
    try { rel = decodeURIComponent(url.pathname); } catch { res.writeHead(400).end(); return; }
    if (rel.endsWith("/")) rel += "index.html";
    const [base, sub] = www && (rel === "/www" || rel.startsWith("/www/")) ? [www, rel.slice(4)] : [root, rel];
    const file = path.resolve(base, "." + sub);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { "Content-Type": "text/plain" }).end("not found"); return; }
      res.writeHead(200, {
        "Content-Type": MIME[path.extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
