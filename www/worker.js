// Runs the wasm core off the page's main thread, so a long analysis never freezes the page.
// Messages in: { id, op: "analyze" | "render", args }. Out: { ready, version } once, then
// { id, ok: true, result } or { id, ok: false, error, fatal }. `fatal` means the module
// trapped (a Rust panic aborts): the page then replaces this worker.

import init, { analyze, render, version } from "../pkg/crosscheck.js";
import { EXAMPLE } from "./example.js";

const ready = init().then(
  () => {
    postMessage({ ready: true, version: version() });
    // Warm-up, in a task of its own right after start: one analysis of the built-in
    // fiction builds the lexicon tables and has the engine compile the module's functions
    // while the person is still pasting, so their first analysis is not the slow one
    // (bench/browser_timing.mjs measures both). A request that arrives meanwhile waits
    // for it; its result is dropped.
    setTimeout(() => {
      try {
        analyze(EXAMPLE);
      } catch {
        // A failing warm-up changes nothing: the real request reports its own error.
      }
    }, 0);
  },
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
