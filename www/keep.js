// Keeps the person's work on this device as they type: the sources (names and texts) are
// written to IndexedDB (store.js) shortly after each edit; the worker keeps the last
// analysis. Before writing, the size is checked against the room the browser grants;
// when the browser refuses, a message says so plainly and leaving the page asks first.

import { saveSources, loadSources, markAnalysisStale, forgetAll, roomLeft, megabytes } from "./store.js";
import { isBlank } from "./longtext.js";

const DELAY = 400;   // ms after the last edit

/** The keeper; `status` is the element that says what is kept. */
export function createKeeper({ status, onError }) {
  let sources = null;
  let started = false;
  let timer = null;
  let writing = null;
  let dirty = new Set();     // boxes whose text changed since the last save
  let all = false;           // every box to be written
  let edited = false;        // any edit (a name, a box added) since the last save began
  let failed = null;        // the message of the last failure, until a save succeeds
  let unavailable = false;  // no IndexedDB at all

  const say = (text, problem = false) => {
    status.textContent = text;
    status.classList.toggle("problem", problem);
  };

  const flush = async () => {
    timer = null;
    if (!sources || unavailable) return;
    // An edit made while the last save was being written (a name typed meanwhile) is
    // written now, unless a later flush is already due.
    if (writing) { await writing; if (timer || (!edited && !dirty.size && !all)) return; }
    const boxes = sources.read();
    const changed = all ? null : dirty;
    dirty = new Set();
    all = false;
    edited = false;
    // The room the browser grants (strings are stored as UTF-16: two bytes a character).
    const need = boxes.reduce((n, b) => n + 2 * (b.text.length + b.name.length), 0);
    const room = await roomLeft();
    if (room !== null && need > room) {
      failed = `Not kept on this device: these sources need ${megabytes(need)} and this browser lets the page keep ${megabytes(room)} more. ` +
        "They will be lost when the page closes; keep the original files.";
      say(failed, true);
      all = true;
      return;
    }
    writing = saveSources(boxes, changed).then(() => {
      failed = null;
      const chars = boxes.reduce((n, b) => n + b.text.length, 0);
      say(chars ? `Kept on this device (${megabytes(need)})` : "Nothing to keep yet");
    }, (e) => {
      const quota = e && (e.name === "QuotaExceededError" || /quota/i.test(e.message || ""));
      failed = quota
        ? `Not kept on this device: the browser refused to store ${megabytes(need)} (no room left). They will be lost when the page closes.`
        : `Not kept on this device: the browser refused (${e && e.message ? e.message : e}). They will be lost when the page closes.`;
      say(failed, true);
      all = true;
    }).finally(() => { writing = null; });
    await writing;
  };

  const schedule = () => {
    if (!started || unavailable) return;
    clearTimeout(timer);
    timer = setTimeout(flush, DELAY);
  };

  // Leaving with unsaved work asks first; a pending write is finished when the page hides.
  addEventListener("beforeunload", (ev) => {
    if (!sources) return;
    const hasText = () => sources.read().some((b) => !isBlank(b.text));
    if ((failed || unavailable) && hasText()) { ev.preventDefault(); ev.returnValue = ""; }
    else if (timer) { flush(); }
  });
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden" && timer) { clearTimeout(timer); flush(); } });

  return {
    attach(s) { sources = s; },
    /** The saved boxes, or null; says when the browser keeps nothing. */
    async restore() {
      try {
        const saved = await loadSources();
        if (saved && saved.some((b) => b.text || b.name)) say("Restored from this device");
        return saved;
      } catch (e) {
        unavailable = true;
        say(`This browser does not let the page keep your work (${e && e.message ? e.message : e}): it will be lost when the page closes.`, true);
        return null;
      }
    },
    /** From now on, edits are kept. */
    start() { started = true; },
    /** An edit: `kind` "text" / "name" of box `id`, "boxes" (added, removed), "fill" (all replaced). */
    changed(kind, id) {
      edited = true;
      if (kind === "text" && id) dirty.add(id);
      if (kind === "fill") all = true;
      schedule();
    },
    /** The sources changed after the analysis on screen. */
    analysisStale() { if (!unavailable) markAnalysisStale().catch(() => {}); },
    /** The worker kept the analysis (or found it too large to). */
    analysisKept(kept) {
      if (!kept && !failed) say("Sources kept on this device; the analysis is too large to keep and will be made again by Analyze.");
    },
    /** Writes now what is pending (tests, and before closing). */
    flush,
    /** Deletes everything kept; the page's own content is left to the caller. */
    async forget() {
      clearTimeout(timer);
      timer = null;
      if (writing) await writing.catch(() => {});
      try { await forgetAll(); say("Nothing kept on this device"); } catch (e) { onError?.(`Could not delete what this page kept: ${e.message || e}`); }
      dirty = new Set();
      all = false;
    },
  };
}
