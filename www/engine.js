// The analysis engine as the page sees it: the wasm core (../pkg/crosscheck.js) running in
// a Web Worker (worker.js), behind promises. Falls back to running the core on the main
// thread when a module worker cannot be started. `cancel()` stops a running analysis by
// replacing the worker; a worker whose module trapped is replaced the same way.

const WORKER_URL = new URL("./worker.js", import.meta.url);

function startWorker() {
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
      if (ev.data && ev.data.ready) resolve({ worker, version: ev.data.version });
      else { worker.terminate(); reject(new Error(ev.data && ev.data.error ? ev.data.error : "the worker did not start")); }
    };
    worker.addEventListener("message", onFirst);
    worker.addEventListener("error", (ev) => { ev.preventDefault(); worker.terminate(); reject(new Error(ev.message || "the worker could not load the core")); }, { once: true });
  });
}

/** An engine whose calls run in a worker. */
async function workerEngine() {
  let current = await startWorker();
  let nextId = 1;
  const pending = new Map();
  const listen = (w) => w.addEventListener("message", (ev) => {
    const { id, ok, result, error, fatal } = ev.data;
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (ok) p.resolve(result);
    else {
      p.reject(new Error(error));
      if (fatal) restart();
    }
  });
  listen(current.worker);
  const restart = () => {
    current.worker.terminate();
    for (const p of pending.values()) p.reject(new Error("Analysis cancelled."));
    pending.clear();
    current = { worker: null, version: current.version, starting: startWorker().then((c) => { current = c; listen(c.worker); return c; }) };
  };
  const call = async (op, args) => {
    if (!current.worker) await current.starting;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      current.worker.postMessage({ id, op, args });
    });
  };
  return {
    version: current.version,
    inWorker: true,
    analyze: (articles) => call("analyze", [articles]),
    render: (articles, format) => call("render", [articles, format]),
    cancel: restart,
  };
}

/** An engine on the main thread (same API). */
async function mainThreadEngine() {
  const wasm = await import("../pkg/crosscheck.js");
  await wasm.default();
  return {
    version: wasm.version(),
    inWorker: false,
    analyze: async (articles) => wasm.analyze(articles),
    render: async (articles, format) => wasm.render(articles, format),
    cancel: () => {},
  };
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
