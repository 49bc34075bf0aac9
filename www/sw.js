// The page's service worker: keeps a copy of the page, its modules, the core's module and
// its wasm, so a second visit opens without a network (nothing in the page needs one).
//
// Versioned: ../pkg/sw-manifest.js (written by scripts/sw-manifest.mjs when pkg/ is built)
// lists the files and a version made from their contents. A new build changes that file,
// so the browser installs this worker again; it fills a cache named after the new version
// and, once active, deletes the caches of other versions.
//
// Requests go to the network first (so an edited page is never hidden behind an old copy)
// and the copy is refreshed from each answer; without a network, the copy answers.

const FALLBACK = {
  version: "unbuilt",
  files: ["./", "index.html", "style.css", "app.js", "engine.js", "worker.js", "view.js", "store.js", "keep.js", "limits.js",
    "sources.js", "results.js", "facts-table.js", "entities-table.js", "pager.js", "plot.js", "provenance.js", "quotes.js",
    "diff.js", "dom.js", "example.js", "../pkg/crosscheck.js", "../pkg/crosscheck_bg.wasm"],
};

let manifest = FALLBACK;
try {
  importScripts("../pkg/sw-manifest.js");
  if (self.CROSSCHECK_MANIFEST && Array.isArray(self.CROSSCHECK_MANIFEST.files)) manifest = self.CROSSCHECK_MANIFEST;
} catch {
  // No manifest (pkg/ not built by scripts/build-wasm.sh): the fallback list, unversioned.
}

const PREFIX = "crosscheck-";
const CACHE = `${PREFIX}${manifest.version}`;
const scope = self.registration.scope;
const urls = new Set(manifest.files.map((f) => new URL(f, scope).href));

self.addEventListener("install", (ev) => {
  ev.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Fresh from the network (never from the HTTP cache), all or nothing.
    await cache.addAll([...urls].map((u) => new Request(u, { cache: "reload" })));
    // The first version takes over at once; a later one waits until the person accepts
    // the page's offer to reload, so a running page never mixes old and new files.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

// The page's "Reload to use it": the waiting version takes over, then the page reloads.
self.addEventListener("message", (ev) => {
  if (ev.data === "skipWaiting") self.skipWaiting();
});

self.addEventListener("activate", (ev) => {
  ev.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (ev) => {
  const req = ev.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  url.search = "";
  url.hash = "";
  const key = url.href.endsWith("/index.html") ? url.href.slice(0, -"index.html".length) : url.href;
  if (!urls.has(key) && !urls.has(url.href)) return;
  ev.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const res = await fetch(req);
      if (res.ok) ev.waitUntil(cache.put(key, res.clone()));
      return res;
    } catch (e) {
      const copy = await cache.match(key);
      if (copy) return copy;
      throw e;
    }
  })());
});
