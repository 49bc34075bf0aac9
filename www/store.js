// Work kept on this device, in the browser's IndexedDB (localStorage holds only a few MB
// of text and blocks the page while it writes). Used by the page (the sources) and by the
// worker (the last analysis, which can be large and never needs to cross to the page).
//
// Database "crosscheck", version 1:
//   meta  key "sources":  { boxes: [{ id, name }] }   the boxes in order and their names
//         key "analysis": { report, stale, at }        the last Report
//   texts key box id:     the text of that box (a string), or for a long text (a
//                         LongText) { pieces: n, gen }, its pieces under "id#gen#k"
// A name edit rewrites the small "sources" record only; a text edit rewrites that box's
// text only. A long text is written a piece per transaction, each in a task of its own,
// so the page never copies 50 MB in one go; its old pieces go once the new ones are in.

import { LongText } from "./longtext.js";

const DB = "crosscheck";
const VERSION = 1;

let opening = null;

/** The database, opened once; rejects where IndexedDB is missing or refused. */
export function open() {
  if (opening) return opening;
  opening = new Promise((resolve, reject) => {
    if (typeof indexedDB === "undefined") { reject(new Error("this browser has no IndexedDB")); return; }
    let req;
    try { req = indexedDB.open(DB, VERSION); } catch (e) { reject(e); return; }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta");
      if (!db.objectStoreNames.contains("texts")) db.createObjectStore("texts");
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the database: step aside.
      db.onversionchange = () => { db.close(); opening = null; };
      resolve(db);
    };
    req.onerror = () => reject(req.error || new Error("the database could not be opened"));
    req.onblocked = () => reject(new Error("the database is blocked by another tab"));
  });
  opening.catch(() => { opening = null; });
  return opening;
}

/** Runs `fn(stores)` in one transaction over `names`; resolves when it commits. */
async function tx(names, mode, fn) {
  const db = await open();
  return new Promise((resolve, reject) => {
    let t;
    try { t = db.transaction(names, mode); } catch (e) { reject(e); return; }
    let result;
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error || new Error("the transaction failed"));
    t.onabort = () => reject(t.error || new Error("the transaction was aborted"));
    const stores = Object.fromEntries(names.map((n) => [n, t.objectStore(n)]));
    try {
      result = fn(stores);
    } catch (e) {
      t.abort();
      reject(e);
    }
  });
}

const request = (r) => new Promise((resolve, reject) => {
  r.onsuccess = () => resolve(r.result);
  r.onerror = () => reject(r.error);
});

/**
 * Saves the boxes `[{ id, name, text }]` in order. `changed`: ids whose text changed since
 * the last save (all when null); texts of boxes no longer present are deleted.
 */
export async function saveSources(boxes, changed = null) {
  const keep = new Set(boxes.map((b) => b.id));
  const write = (b) => !changed || changed.has(b.id);
  const db = await open();
  const existing = await new Promise((resolve, reject) => {
    const r = db.transaction(["texts"], "readonly").objectStore("texts").getAllKeys();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  // Long texts: the pieces first, one per transaction.
  const gen = Date.now().toString(36);
  for (const b of boxes) {
    if (!write(b) || typeof b.text === "string") continue;
    for (const [k, piece] of b.text.pieces.entries()) {
      await tx(["texts"], "readwrite", ({ texts }) => { texts.put(piece, `${b.id}#${gen}#${k}`); });
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  return tx(["meta", "texts"], "readwrite", ({ meta, texts }) => {
    meta.put({ boxes: boxes.map((b) => ({ id: b.id, name: b.name })) }, "sources");
    for (const b of boxes) {
      if (write(b)) texts.put(typeof b.text === "string" ? b.text : { pieces: b.text.pieces.length, gen }, b.id);
    }
    // Gone: texts of removed boxes, and the old pieces of rewritten ones.
    for (const k of existing) {
      const owner = String(k).split("#")[0];
      if (!keep.has(owner) || (k !== owner && write({ id: owner }))) texts.delete(k);
    }
  });
}

/** The saved boxes `[{ id, name, text }]`, or null when nothing is saved. */
export async function loadSources() {
  const db = await open();
  const t = db.transaction(["meta", "texts"], "readonly");
  const meta = await request(t.objectStore("meta").get("sources"));
  if (!meta || !Array.isArray(meta.boxes)) return null;
  const texts = t.objectStore("texts");
  const out = [];
  for (const b of meta.boxes) {
    let text = (await request(texts.get(b.id))) || "";
    if (typeof text === "object" && text.pieces) {
      const pieces = [];
      for (let k = 0; k < text.pieces; k++) pieces.push((await request(texts.get(`${b.id}#${text.gen}#${k}`))) || "");
      text = new LongText(pieces);
    }
    out.push({ id: b.id, name: b.name || "", text: typeof text === "string" || text instanceof LongText ? text : "" });
  }
  return out;
}

/** Saves the last analysis (`report`); `stale` when the sources changed since. */
export function saveAnalysis(report) {
  return tx(["meta"], "readwrite", ({ meta }) => { meta.put({ report, stale: false, at: Date.now() }, "analysis"); });
}

/** Marks the saved analysis as out of date (the sources changed), keeping it. */
export async function markAnalysisStale() {
  const db = await open();
  const t = db.transaction(["meta"], "readwrite");
  const store = t.objectStore("meta");
  const cur = await request(store.get("analysis"));
  if (cur && !cur.stale) store.put({ ...cur, stale: true }, "analysis");
  return new Promise((resolve, reject) => { t.oncomplete = resolve; t.onerror = () => reject(t.error); });
}

/** The saved analysis `{ report, stale, at }`, or null. */
export async function loadAnalysis() {
  const db = await open();
  return (await request(db.transaction(["meta"], "readonly").objectStore("meta").get("analysis"))) || null;
}

/** Deletes the last analysis only. */
export function forgetAnalysis() {
  return tx(["meta"], "readwrite", ({ meta }) => { meta.delete("analysis"); });
}

/** Deletes everything this page keeps on the device. */
export function forgetAll() {
  return tx(["meta", "texts"], "readwrite", ({ meta, texts }) => { meta.clear(); texts.clear(); });
}

/**
 * Room left for this site, in bytes, as the browser estimates it (null when it does not
 * say). Strings are stored as UTF-16: two bytes a character.
 */
export async function roomLeft() {
  try {
    const { usage = 0, quota } = await navigator.storage.estimate();
    return typeof quota === "number" ? Math.max(0, quota - usage) : null;
  } catch {
    return null;
  }
}

/** A size for people: "12.4 MB" (decimal megabytes, as browsers and disks count). */
export function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}
