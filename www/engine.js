// The analysis engine as the page sees it: the wasm core (../pkg/crosscheck.js) running in
// a Web Worker (worker.js), behind promises. The worker keeps the last Report and answers
// for the rows the page shows (`view`). Falls back to running the core on the main thread
// when a module worker cannot be started. `cancel()` stops a running analysis by replacing
// the worker; a worker whose module trapped is replaced the same way.
//
// API: { version, limits, inWorker, warm, warmed (a promise), sample (the example's rows, once warm),
//        analyze(articles, onProgress) -> { head, facts }, view(method, params),
//        render(articles, format), restore() -> { head, facts, stale } | null,
//        show(report) -> { head, facts } (a Report given whole, kept by the engine),
//        keep() (keep the last analysis on this device now: once it is drawn), cancel() }

import { makeView } from "./view.js";
import { tooMuchText, utf8Length } from "./limits.js";

const WORKER_URL = new URL("./worker.js", import.meta.url);

function startWorker(onWarm) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(WORKER_URL, { type: "module" });
    } catch (e) {
      reject(e);
      return;
    }
    const onFirst = (ev) => {
      worker.removeEventListener("message", onFirst);
      if (ev.data && ev.data.ready) resolve({ worker, version: ev.data.version, limits: ev.data.limits });
      else { worker.terminate(); reject(new Error(ev.data && ev.data.error ? ev.data.error : "the worker did not start")); }
    };
    worker.addEventListener("message", onFirst);
    worker.addEventListener("message", (ev) => { if (ev.data && ev.data.warm) onWarm(ev.data.sample); });
    worker.addEventListener("error", (ev) => { ev.preventDefault(); worker.terminate(); reject(new Error(ev.message || "the worker could not load the core")); }, { once: true });
  });
}

/** An engine whose calls run in a worker. */
async function workerEngine() {
  let warmed = null;
  const engine = { inWorker: true, warm: false };
  const warm = new Promise((r) => { warmed = r; });
  const onWarm = (sample) => { engine.warm = true; engine.sample = sample; warmed(); };
  let current = await startWorker(onWarm);
  let nextId = 1;
  const pending = new Map();
  const listen = (w) => w.addEventListener("message", (ev) => {
    const { id, ok, result, error, fatal, progress, stage, kept, of } = ev.data;
    if (of !== undefined) { engine.onKept?.(kept, of); return; }
    const p = pending.get(id);
    if (!p) return;
    if (progress !== undefined) { p.onProgress?.(progress, stage); return; }
    pending.delete(id);
    if (ok) p.resolve(result);
    else {
      p.reject(new Error(error));
      if (fatal) restart(false);
    }
  });
  listen(current.worker);
  const restart = (cancelled = true) => {
    current.worker?.terminate();
    for (const p of pending.values()) p.reject(new Error(cancelled ? "Analysis cancelled." : "The analysis engine stopped; it has been restarted."));
    pending.clear();
    const { version, limits } = current;
    current = { worker: null, version, limits, starting: startWorker(() => {}).then((c) => { current = c; listen(c.worker); return c; }) };
  };
  // A long text (a LongText) goes to the worker a piece per task, so the main thread never
  // copies it whole; the article then names its pieces.
  let nextKey = 1;
  const send = async (articles) => {
    const out = [];
    for (const a of articles) {
      if (typeof a.text === "string") { out.push(a); continue; }
      const key = `t${nextKey++}`;
      for (const [k, piece] of a.text.pieces.entries()) {
        if (!current.worker) await current.starting;
        current.worker.postMessage({ op: "part", args: [key, k, piece] });
        await new Promise((r) => setTimeout(r, 0));
      }
      out.push({ name: a.name, text: { parts: key, count: a.text.pieces.length } });
    }
    return out;
  };
  const call = async (op, args, onProgress) => {
    if (!current.worker) await current.starting;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      current.worker.postMessage({ id, op, args });
    });
  };
  return Object.assign(engine, {
    version: current.version,
    limits: current.limits,
    warmed: warm,
    analyze: async (articles, onProgress) => call("analyze", [await send(articles)], onProgress),
    view: (method, params) => call("view", [method, params]),
    render: async (articles, format) => call("render", [await send(articles), format]),
    restore: () => call("restore", []),
    show: (report) => call("show", [report]),
    keep: () => call("keep", []).catch(() => {}),
    cancel: () => restart(true),
  });
}

/** An engine on the main thread (same API; the page may freeze on long inputs). */
async function mainThreadEngine() {
  const wasm = await import("../pkg/crosscheck.js");
  await wasm.default();
  const store = await import("./store.js");
  const limits = wasm.limits();
  let view = null;
  const whole = (articles) => articles.map((a) => (typeof a.text === "string" ? a : { name: a.name, text: a.text.slice() }));
  const check = (articles) => {
    const why = tooMuchText(articles.reduce((n, a) => n + utf8Length(a.text || ""), 0), limits);
    if (why) throw new Error(why);
  };
  return {
    version: wasm.version(),
    limits,
    inWorker: false,
    warm: true,
    warmed: Promise.resolve(),
    analyze: async (articles, onProgress) => {
      articles = whole(articles);
      check(articles);
      const report = wasm.analyze(articles, onProgress);
      view = makeView(report);
      store.saveAnalysis(report).catch(() => {});
      return { head: view.head(), facts: view.facts() };
    },
    view: async (method, params) => {
      if (!view) throw new Error("No analysis to show: press Analyze.");
      return view[method](params);
    },
    render: async (articles, format) => { articles = whole(articles); check(articles); return wasm.render(articles, format); },
    restore: async () => {
      const saved = await store.loadAnalysis().catch(() => null);
      if (!saved || !saved.report) return null;
      view = makeView(saved.report);
      return { head: view.head(), facts: view.facts(), stale: !!saved.stale };
    },
    show: async (report) => {
      view = makeView(report);
      return { head: view.head(), facts: view.facts() };
    },
    keep: async () => {},
    cancel: () => {},
  };
}

/** A view of a Report held on this thread (render-only checks, fixtures), same API as `engine.view`. */
export function localView(report) {
  const v = makeView(report);
  return (method, params) => Promise.resolve(v[method](params));
}

/** Loads the engine: in a worker when possible, else on the main thread. */
export async function loadEngine() {
  try {
    return await workerEngine();
  } catch (e) {
    console.warn(`crosscheck: running the core on the main thread (${e.message || e})`);
    return mainThreadEngine();
  }
}
