// crosscheck page: wires the source boxes to the WebAssembly core and renders its Report.
// The core (../pkg/crosscheck.js, built by scripts/build-wasm.sh) does all the analysis,
// in a worker (engine.js) that also keeps the Report; this page collects text, calls
// analyze(), and shows the rows it asks for. Work is kept on this device as it is typed
// (keep.js), and a service worker (sw.js) lets the page open without a network.

import { createSources } from "./sources.js";
import { EXAMPLE } from "./example.js";
import { showResults, hideResults, initResults, warmDrawing } from "./results.js";
import { initProvenance } from "./provenance.js";
import { loadEngine } from "./engine.js";
import { createKeeper } from "./keep.js";
import { quickSizeCheck, tooMuchText } from "./limits.js";
import { isBlank } from "./longtext.js";

const el = (id) => document.getElementById(id);
let engine = null;
let current = null;           // the articles of the analysis on screen (exports render them again)
let running = false;

function showError(message) {
  el("error-text").textContent = message;
  el("error").hidden = false;
}

function hideError() {
  el("error").hidden = true;
  el("error-text").textContent = "";
}

// Any later edit retires the Undo offer: restoring the old snapshot would drop that edit.
const keeper = createKeeper({ status: el("save-status"), onError: showError });
const sources = createSources(el("sources"), {
  onError: showError,
  onChange: (kind, id) => { markStale(); hideUndo(); keeper.changed(kind, id); },
});
keeper.attach(sources);

/** After an analysis, any edit to the sources makes the results out of date: say so. */
function markStale() {
  if (current && !el("results").hidden && el("stale").hidden) {
    el("stale").hidden = false;
    keeper.analysisStale();
  }
}

// Undo for the actions that drop text (remove a box, Clear, Load example, Forget): nothing
// typed is lost without a way back.
let undoSnapshot = null;
function offerUndo(message, snapshot) {
  if (!snapshot.some((b) => !isBlank(b.text) || b.name)) return;
  undoSnapshot = snapshot;
  el("undo-text").textContent = message;
  el("undo").hidden = false;
}
function hideUndo() {
  undoSnapshot = null;
  el("undo").hidden = true;
}
sources.onRemove((snapshot, removed) => {
  const what = removed && (removed.name || !isBlank(removed.text)) ? `Removed ${removed.name || `source ${removed.index + 1}`}.` : "Removed an empty source.";
  offerUndo(what, snapshot);
});

const STAGES = { figures: "reading figures", names: "finding names", quotations: "aligning quotations", facts: "comparing figures", report: "writing the report" };

/** The articles to analyze, or null (with a message) when every box is empty. */
function articlesToAnalyze() {
  const boxes = sources.read();
  const used = boxes.filter((b) => !isBlank(b.text));
  if (!used.length) {
    hideResults();
    current = null;
    showError(boxes.length === 1
      ? "The source box is empty: paste an article's text into it (or drop a .txt file on it), then press Analyze."
      : `All ${boxes.length} source boxes are empty: paste the text of two or more articles about the same event (or drop .txt files on the boxes), then press Analyze.`);
    document.querySelector("#sources .source-text:not([hidden])")?.focus();
    return null;
  }
  const skipped = boxes.length - used.length;
  const extra = skipped > 0 ? [`${skipped} empty source box${skipped === 1 ? " was" : "es were"} left out.`] : [];
  return { articles: used.map((b) => ({ name: b.name || `Source ${b.index + 1}`, text: b.text })), extra };
}

/**
 * Shows progress of a long analysis: percent done and the stage under way, from
 * PROGRESS_AFTER ms after the click on ("Analyzing…" until then): a short analysis
 * draws no frames of progress that would compete with the worker and with drawing its
 * results.
 */
const PROGRESS_AFTER = 150;
let analysisStart = 0;
function progress(done, stage) {
  if (performance.now() - analysisStart < PROGRESS_AFTER) return;
  const bar = el("progress");
  bar.hidden = false;
  bar.value = done;
  el("status").textContent = `Analyzing… ${Math.round(done * 100)} % (${STAGES[stage] || stage})`;
}

async function analyzeNow(t0) {
  hideError();
  if (!engine) { showError("The analysis engine is not loaded yet."); return null; }
  const input = articlesToAnalyze();
  if (!input) return null;
  const { articles, extra } = input;
  // Text that cannot fit is refused here, before it is copied to the worker and the module.
  const units = articles.reduce((n, a) => n + a.text.length, 0);
  if (quickSizeCheck(units, engine.limits) === "over") {
    showError(tooMuchText(units, engine.limits, true));
    return null;
  }
  if (units > 1e6) el("status").textContent = `Analyzing ${(units / 1e6).toFixed(1)} million characters…`;
  let first;
  try {
    performance.mark("crosscheck:sent");
    first = await engine.analyze(articles, progress);
    performance.mark("crosscheck:analyzed");
  } catch (e) {
    current = null;
    hideResults();
    showError(e && e.message ? e.message : String(e));
    return null;
  }
  current = articles;
  el("stale").hidden = true;
  el("progress").hidden = true;
  el("status").textContent = "Showing the results…";
  try {
    await showResults(first, {
      view: engine.view, texts: articles.map((a) => a.text), extra,
      onTable: () => {
        performance.mark("crosscheck:table");
        // Keyboard and screen-reader users land on the result: focus the summary line.
        el("summary").focus({ preventScroll: true });
        el("results").scrollIntoView({ block: "start" });
      },
    });
  } catch (e) {
    showError(`The report could not be displayed: ${e.message || e}`);
    return null;
  } finally {
    // Drawn: now the analysis is written to this device (not while drawing).
    engine.keep();
  }
  const ms = performance.now() - t0;
  el("timing").textContent = `Analyzed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  return "Analysis done.";
}

async function download(format) {
  if (!current || !engine) return;
  const ext = { csv: "csv", json: "json", markdown: "md" }[format];
  const type = { csv: "text/csv", json: "application/json", markdown: "text/markdown" }[format];
  let body;
  try {
    body = await engine.render(current, format);
  } catch (e) {
    showError(`Export failed: ${e.message || e}`);
    return;
  }
  // A byte-order mark makes spreadsheet programs (Excel) read the CSV as UTF-8.
  const parts = format === "csv" ? ["\uFEFF", body] : [body];
  const url = URL.createObjectURL(new Blob(parts, { type: `${type};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `crosscheck-report.${ext}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function loadCore() {
  try {
    engine = await loadEngine();
    engine.onKept = (kept) => keeper.analysisKept(kept);
    el("version").textContent = `core ${engine.version}`;
    el("analyze").disabled = false;
    el("status").textContent = "";
  } catch (e) {
    el("status").textContent = "";
    showError(`The analysis engine could not be loaded (${e.message || e}). ` +
      "Build it with scripts/build-wasm.sh and serve the repository root (scripts/serve.sh).");
    return;
  }
  // Once the engine is warm, the drawing code is warmed too, in idle time.
  engine.warmed.then(() => {
    const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
    // (The page's root says when: data-engine="warm", for anyone timing a first analysis.)
    idle(() => {
      const done = () => { document.documentElement.dataset.engine = "warm"; };
      if (!running && engine.sample) warmDrawing(engine.sample).catch(() => {}).finally(done);
      else done();
    });
  });
  // The last analysis, when one is kept on this device.
  try {
    const saved = await engine.restore();
    if (saved && el("results").hidden && !running) {
      const boxes = sources.read().filter((b) => !isBlank(b.text));
      current = boxes.map((b) => ({ name: b.name || `Source ${b.index + 1}`, text: b.text }));
      await showResults(saved, { view: engine.view, texts: current.map((a) => a.text) });
      el("stale").hidden = !saved.stale;
      el("timing").textContent = "Restored from this device";
    }
  } catch {
    // Nothing kept, or it could not be read: the page starts without results.
  }
}

/** Files dropped anywhere on the page fill empty boxes; nothing dropped navigates away. */
function initDrop() {
  const hasFiles = (ev) => [...(ev.dataTransfer?.types || [])].includes("Files");
  const editable = (t) => t instanceof Element && t.closest("textarea, input[type=text]");
  let depth = 0;
  document.addEventListener("dragenter", (ev) => { if (hasFiles(ev)) { depth++; document.body.classList.add("drop-target"); } });
  document.addEventListener("dragleave", (ev) => { if (hasFiles(ev) && --depth <= 0) { depth = 0; document.body.classList.remove("drop-target"); } });
  document.addEventListener("dragover", (ev) => {
    // Files anywhere, and anything outside a text field: handled here, never by the browser.
    if (hasFiles(ev) || !editable(ev.target)) {
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = hasFiles(ev) ? "copy" : "none";
    }
  });
  document.addEventListener("drop", (ev) => {
    depth = 0;
    document.body.classList.remove("drop-target");
    const files = [...(ev.dataTransfer?.files || [])];
    if (files.length) {
      ev.preventDefault();
      hideError();
      sources.addFiles(files, null);
    } else if (!editable(ev.target)) {
      ev.preventDefault();
    }
  });
}

/** Registers the service worker (sw.js): the page then opens without a network. */
function initOffline() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register("sw.js", { scope: "./" }).then((reg) => {
    // A new version installed while this one runs: offer to switch.
    reg.addEventListener("updatefound", () => {
      const next = reg.installing;
      next?.addEventListener("statechange", () => {
        if (next.state === "installed" && navigator.serviceWorker.controller) el("update").hidden = false;
      });
    });
    el("update-reload").addEventListener("click", () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
      if (reg.waiting) reg.waiting.postMessage("skipWaiting");
      else location.reload();
    });
  }).catch((e) => console.info(`crosscheck: no offline copy (${e.message || e})`));
}

async function init() {
  const saved = await keeper.restore();
  if (saved && saved.length) sources.fill(saved);
  else for (let i = 0; i < 3; i++) sources.add();
  keeper.start();
  el("add-source").addEventListener("click", () => sources.add().querySelector(".source-name").focus());
  el("load-example").addEventListener("click", () => {
    hideError();
    const before = sources.read();
    sources.fill(EXAMPLE);
    offerUndo("The example replaced your sources.", before);
  });
  el("clear-all").addEventListener("click", () => {
    hideError(); hideResults(); current = null;
    const before = sources.read();
    sources.fill([{}, {}, {}]);
    offerUndo("Cleared all sources.", before);
    document.querySelector("#sources .source-text")?.focus();
  });
  el("forget").addEventListener("click", async () => {
    hideError();
    const before = sources.read();
    await keeper.forget();
    hideResults(); current = null;
    sources.fill([{}, {}, {}]);
    offerUndo("Everything kept on this device was deleted, and the page emptied.", before);
  });
  el("undo-btn").addEventListener("click", () => {
    if (!undoSnapshot) return;
    sources.fill(undoSnapshot);
    hideUndo();
    document.querySelector("#sources .source-text")?.focus();
  });
  el("analyze").addEventListener("click", async () => {
    if (running) return;
    const t0 = performance.now();
    analysisStart = t0;
    running = true;
    const btn = el("analyze");
    btn.disabled = true;
    el("status").textContent = "Analyzing…";
    el("timing").textContent = "";
    el("cancel").hidden = !engine || !engine.inWorker;
    // On the main thread (no worker), let the status paint before the core blocks it.
    if (engine && !engine.inWorker) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let done = null;
    try { done = await analyzeNow(t0); } finally {
      running = false;
      btn.disabled = !engine;
      el("progress").hidden = true;
      // A short line for screen readers (the status region is polite and live).
      el("status").textContent = done || "";
      el("cancel").hidden = true;
    }
  });
  // Ctrl+Enter (⌘+Enter) in a source box analyzes, without leaving the keyboard.
  el("sources").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !el("analyze").disabled) {
      ev.preventDefault();
      el("analyze").click();
    }
  });
  el("cancel").addEventListener("click", () => { if (engine) engine.cancel(); });
  el("error-close").addEventListener("click", hideError);
  for (const btn of document.querySelectorAll("[data-export]")) {
    btn.addEventListener("click", () => download(btn.dataset.export));
  }
  initResults();
  initProvenance();
  initDrop();
  initOffline();
  loadCore();
}

init();
