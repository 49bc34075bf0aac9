// Runs the wasm core off the page's main thread, so a long analysis never freezes the page.
// Messages in: { id, op: "analyze" | "render", args }. Out: { ready, version } once, then
// { id, ok: true, result } or { id, ok: false, error, fatal }. `fatal` means the module
// trapped (a Rust panic aborts): the page then replaces this worker.

import init, { analyze, render, version } from "../pkg/crosscheck.js";

const ready = init().then(
  () => postMessage({ ready: true, version: version() }),
  (e) => postMessage({ ready: false, error: String(e && e.message ? e.message : e) }),
);

self.onmessage = async (ev) => {
  await ready;
  const { id, op, args } = ev.data;
  try {
    const result = op === "analyze" ? analyze(args[0]) : render(args[0], args[1]);
    postMessage({ id, ok: true, result });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError;
    postMessage({ id, ok: false, error: String(e && e.message ? e.message : e), fatal });
  }
};
