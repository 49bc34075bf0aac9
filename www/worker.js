// Runs the wasm core off the page's main thread, so a long analysis never freezes the page,
// and keeps the last Report here: the page asks for the rows it shows (www/view.js), so a
// Report of hundreds of thousands of items is never copied to the main thread whole.
//
// Messages in: { id, op, args }, op one of
//   "analyze" [articles]         -> { head, facts } (the first page of fact rows); progress
//                                   on the way: { id, progress: 0..1, stage }
//   "view"    [method, params]   -> what view[method](params) answers
//   "render"  [articles, format] -> the export text
//   "show"    [report]           -> { head, facts } of a Report given whole (kept here)
//   "restore" []                 -> { head, facts, stale } of the analysis kept on this
//                                   device, or null
//   "keep"    []                 -> null; keeps the last analysis on this device now (the
//                                   page asks once it has drawn it; else a few seconds
//                                   after the analysis), then { kept, of: id }
//   "part"    [key, k, piece]    -> (no answer) piece k of a long text that a later call
//                                   names as { parts: key, count }
// Out: { ready, version, limits } once, then { id, ok: true, result } or
// { id, ok: false, error, fatal }. `fatal` means the module trapped (a Rust panic aborts):
// the page then replaces this worker.

import init, { analyze, render, version, limits } from "../pkg/crosscheck.js";
import { EXAMPLE } from "./example.js";
import { WARMUP } from "./warmup.js";
import { makeView } from "./view.js";
import { saveAnalysis, loadAnalysis, forgetAnalysis } from "./store.js";
import { tooMuchText, utf8Length } from "./limits.js";

let view = null;
let lim = null;
let inputChars = 0;
/** Pieces of long texts on their way from the page: key -> [piece, ...]. */
const parts = new Map();

/** The articles with each long text put together from its pieces. */
function whole(articles) {
  if (!Array.isArray(articles)) return articles;
  return articles.map((a) => {
    const t = a && a.text;
    if (!t || typeof t !== "object" || !t.parts) return a;
    const pieces = parts.get(t.parts);
    parts.delete(t.parts);
    if (!pieces || pieces.length !== t.count || pieces.includes(undefined)) throw new Error(`The text of ${a.name || "a source"} did not arrive whole: press Analyze again.`);
    return { name: a.name, text: pieces.join("") };
  });
}

const ready = init().then(
  () => {
    lim = limits();
    postMessage({ ready: true, version: version(), limits: lim });
    warmUp();
  },
  (e) => postMessage({ ready: false, error: String(e && e.message ? e.message : e) }),
);

// Warm-up, right after start, while the person is still pasting, so that their first
// analysis is not the slow one (bench/page_first_table.mjs measures it). The browser runs a
// WebAssembly function first as quickly compiled code and compiles it again, optimised, in
// background threads once it has run a while (its tier-up budget); optimised code that
// sees a call it was not made for (another closure behind an indirect call) is thrown away
// and compiled again. So the warm-up analyses the built-in fiction (www/example.js,
// www/warmup.js) the way a request does (with a progress callback: without one the core
// takes another closure) and WARM_RUNS times, each in a task of its own (an analysis asked
// for meanwhile goes first and ends the warm-up): the largest functions (names,
// quotations, figures, comparison) are optimised before the first click instead of during
// it, on the machine's cores the page needs to draw. The example's rows go to the page,
// which draws them once off screen to warm its own code the same way.
const WARM_RUNS = 14;
let warming = null;
function warmUp() {
  let sample = null, run = 0;
  const done = () => { warming = null; postMessage({ warm: true, sample }); };
  const step = () => {
    try {
      const v = makeView(analyze(run % 2 ? WARMUP : EXAMPLE, () => {}));
      if (run === 0) sample = { head: v.head(), facts: v.facts(), entities: v.entities(), groups: v.groups(), singles: v.singles() };
      else v.facts();
    } catch {
      // A failing warm-up changes nothing: the real request reports its own error.
    }
    if (++run < WARM_RUNS) warming = { timer: setTimeout(step, 0), done };
    else done();
  };
  warming = { timer: setTimeout(step, 0), done };
}

/** Ends the warm-up (a request has come: it goes first). */
function stopWarmUp() {
  if (!warming) return;
  clearTimeout(warming.timer);
  warming.done();
}

/** Refuses text over the limit before it is copied into the module. */
function checkSize(articles) {
  if (!Array.isArray(articles)) return;
  let bytes = 0;
  for (const a of articles) bytes += utf8Length(a && typeof a.text === "string" ? a.text : "");
  const why = tooMuchText(bytes, lim);
  if (why) throw new Error(why);
}

/** Keeps the Report on this device, when it is not too large to; never fails the call. */
async function keep(report) {
  try {
    const items = report.figures.length + report.quotes.length + report.entities.reduce((n, e) => n + e.mentions.length, 0) +
      report.documents.reduce((n, d) => n + d.sentences.length, 0);
    // About 100 bytes an item once stored; a Report past ~200 MB is analyzed again instead.
    if (items > 2_000_000) { await forgetAnalysis(); return false; }
    await saveAnalysis(report);
    return true;
  } catch {
    return false;
  }
}

/** The Report waiting to be kept: { report, id, timer }. */
let toKeep = null;
const KEEP_AFTER = 3000;
function keepLater(report, id) {
  if (toKeep) clearTimeout(toKeep.timer);
  toKeep = { report, id, timer: setTimeout(keepNow, KEEP_AFTER) };
}
function keepNow() {
  if (!toKeep) return;
  const { report, id, timer } = toKeep;
  clearTimeout(timer);
  toKeep = null;
  keep(report).then((kept) => postMessage({ kept, of: id }));
}

const ops = {
  async analyze([input], id) {
    const articles = whole(input);
    inputChars = articles.reduce((n, a) => n + (typeof a?.text === "string" ? a.text.length : 0), 0);
    checkSize(articles);
    view = null;
    const report = analyze(articles, (done, stage) => postMessage({ id, progress: done, stage }));
    view = makeView(report);
    const result = { head: view.head(), facts: view.facts() };
    // Kept once the page has drawn it (it says so: "keep"), so that writing it does not
    // compete with drawing; or after KEEP_AFTER ms, whichever comes first.
    keepLater(report, id);
    return result;
  },
  keep() {
    keepNow();
    return null;
  },
  view([method, params]) {
    if (!view || typeof view[method] !== "function") throw new Error("No analysis to show: press Analyze.");
    return view[method](params);
  },
  render([input, format]) {
    const articles = whole(input);
    checkSize(articles);
    return render(articles, format);
  },
  show([report]) {
    if (!report || !Array.isArray(report.facts) || !Array.isArray(report.documents)) throw new Error("That is not a crosscheck Report.");
    view = makeView(report);
    return { head: view.head(), facts: view.facts() };
  },
  async restore() {
    let saved = null;
    try { saved = await loadAnalysis(); } catch { return null; }
    if (!saved || !saved.report || !Array.isArray(saved.report.facts)) return null;
    view = makeView(saved.report);
    return { head: view.head(), facts: view.facts(), stale: !!saved.stale };
  },
};

self.onmessage = async (ev) => {
  const { id, op, args } = ev.data;
  // A piece of a long text: kept until the call that names it (no answer).
  if (op === "part") {
    const [key, k, piece] = args;
    if (!parts.has(key)) parts.set(key, []);
    parts.get(key)[k] = piece;
    return;
  }
  await ready;
  if (op === "analyze") stopWarmUp();
  try {
    if (!ops[op]) throw new Error(`unknown operation ${op}`);
    const result = await ops[op](args || [], id);
    postMessage({ id, ok: true, result });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError;
    let error = String(e && e.message ? e.message : e);
    if (fatal) {
      view = null;
      // A trap ("unreachable", "memory access out of bounds") on a large input is the
      // module running out of memory: say so, with the size.
      const chars = op === "analyze" ? inputChars : 0;
      error = `The analysis engine stopped (${error})${chars > 1e6 ? `: ${(chars / 1e6).toFixed(1)} million characters are probably more than it has memory for` : ""}. ` +
        "It has been restarted; try less text at once.";
    }
    postMessage({ id, ok: false, error, fatal });
  }
};
