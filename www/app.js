// crosscheck page: wires the source boxes to the WebAssembly core and renders its Report.
// The core (../pkg/crosscheck.js, built by scripts/build-wasm.sh) does all the analysis,
// in a worker (engine.js); this page only collects text, calls analyze(), and shows what
// comes back.

import { createSources } from "./sources.js";
import { EXAMPLE } from "./example.js";
import { showReport, hideResults, initResults } from "./results.js";
import { initProvenance } from "./provenance.js";
import { loadEngine } from "./engine.js";

const el = (id) => document.getElementById(id);
let engine = null;
let current = null;   // the last Report
let currentArticles = null;   // the articles it was made from (exports render them again)
let running = false;

function showError(message) {
  const box = el("error");
  el("error-text").textContent = message;
  box.hidden = false;
}

function hideError() {
  el("error").hidden = true;
  el("error-text").textContent = "";
}

// Any later edit retires the Undo offer: restoring the old snapshot would drop that edit.
const sources = createSources(el("sources"), { onError: showError, onChange: () => { markStale(); hideUndo(); } });

/** After an analysis, any edit to the sources makes the results out of date: say so. */
function markStale() {
  if (current && !el("results").hidden) el("stale").hidden = false;
}

// Undo for the actions that drop text (remove a box, Clear, Load example): nothing typed
// is lost without a way back.
let undoSnapshot = null;
function offerUndo(message, snapshot) {
  if (!snapshot.some((b) => b.text.trim() || b.name)) return;
  undoSnapshot = snapshot;
  el("undo-text").textContent = message;
  el("undo").hidden = false;
}
function hideUndo() {
  undoSnapshot = null;
  el("undo").hidden = true;
}
sources.onRemove((snapshot, removed) => {
  const what = removed && (removed.name || removed.text.trim()) ? `Removed ${removed.name || `source ${removed.index + 1}`}.` : "Removed an empty source.";
  offerUndo(what, snapshot);
});

async function loadCore() {
  try {
    engine = await loadEngine();
    el("version").textContent = `core ${engine.version}`;
    el("analyze").disabled = false;
    el("status").textContent = "";
  } catch (e) {
    el("status").textContent = "";
    showError(`The analysis engine could not be loaded (${e.message || e}). ` +
      "Build it with scripts/build-wasm.sh and serve the repository root (scripts/serve.sh).");
  }
}

async function analyzeNow() {
  hideError();
  if (!engine) { showError("The analysis engine is not loaded yet."); return; }
  const boxes = sources.read();
  const used = boxes.filter((b) => b.text.trim() !== "");
  if (!used.length) {
    current = null;
    hideResults();
    showError(boxes.length === 1
      ? "The source box is empty: paste an article's text into it (or drop a .txt file on it), then press Analyze."
      : `All ${boxes.length} source boxes are empty: paste the text of two or more articles about the same event (or drop .txt files on the boxes), then press Analyze.`);
    document.querySelector("#sources .source-text")?.focus();
    return null;
  }
  const articles = used.map((b) => ({ name: b.name || `Source ${b.index + 1}`, text: b.text }));
  const extra = [];
  const skipped = boxes.length - used.length;
  if (skipped > 0 && used.length > 0) {
    extra.push(`${skipped} empty source box${skipped === 1 ? " was" : "es were"} left out.`);
  }
  const t0 = performance.now();
  let report;
  try {
    report = await engine.analyze(articles);
  } catch (e) {
    current = null;
    hideResults();
    showError(e && e.message ? e.message : String(e));
    return null;
  }
  const ms = performance.now() - t0;
  current = report;
  currentArticles = articles;
  try {
    showReport(report, articles.map((a) => a.text), extra);
  } catch (e) {
    showError(`The report could not be displayed: ${e.message || e}`);
    return null;
  }
  el("stale").hidden = true;
  el("timing").textContent = `Analyzed in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  el("results").scrollIntoView({ block: "start" });
  // Keyboard and screen-reader users land on the result: focus the summary line.
  el("summary").focus({ preventScroll: true });
  return "Analysis done.";
}

async function download(format) {
  if (!current || !engine) return;
  const ext = { csv: "csv", json: "json", markdown: "md" }[format];
  const type = { csv: "text/csv", json: "application/json", markdown: "text/markdown" }[format];
  let body;
  try {
    body = await engine.render(currentArticles, format);
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

function init() {
  for (let i = 0; i < 3; i++) sources.add();
  el("add-source").addEventListener("click", () => sources.add().querySelector(".source-text").focus());
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
  el("undo-btn").addEventListener("click", () => {
    if (!undoSnapshot) return;
    sources.fill(undoSnapshot);
    hideUndo();
    document.querySelector("#sources .source-text")?.focus();
  });
  el("analyze").addEventListener("click", async () => {
    if (running) return;
    running = true;
    const btn = el("analyze");
    btn.disabled = true;
    const size = sources.read().reduce((n, b) => n + b.text.length, 0);
    el("status").textContent = size > 1e6 ? `Analyzing ${(size / 1e6).toFixed(1)} million characters… (large inputs take a while)` : "Analyzing…";
    el("cancel").hidden = !engine || !engine.inWorker;
    // Let the status paint first (the core may run on this thread as a fallback).
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let done = null;
    try { done = await analyzeNow(); } finally {
      running = false;
      btn.disabled = !engine;
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
  loadCore();
}

init();
