// Provenance: shows a source's text (a string or a LongText) with one span highlighted and
// scrolled into view. A long text is shown as a window around the span (a few thousand characters either side,
// cut at line breaks), with buttons that widen it, so opening the panel on a 50 MB source
// lays out pages, not the whole text. The text is built from text nodes and one <mark>,
// so nothing in an article is ever parsed as HTML.

import { h, clear } from "./dom.js";

let docs = [];   // [{ name, text }] by document id
const el = (id) => document.getElementById(id);

/** Characters shown either side of the span before "Show more"; texts up to WHOLE are shown whole. */
export const CONTEXT = 4000;
const WHOLE = 3 * CONTEXT;

/** Sets the documents the panel can show (names from the Report, texts as analyzed). */
export function setDocuments(documents, texts) {
  // A text that is not the one analyzed (edited since a kept analysis) cannot show spans.
  docs = documents.map((d, i) => ({ name: d.name, text: texts[i] ?? "", changed: typeof d.length === "number" && (texts[i] ?? "").length !== d.length }));
}

let lastOrigin = null;  // the element that opened the panel, to give focus back
let current = null;     // { doc, start, end, sent, what, from, to }

/** Closes the panel. */
export function closeProvenance() {
  const panel = el("provenance");
  const hadFocus = panel.contains(document.activeElement);
  panel.hidden = true;
  current = null;
  clear(el("prov-text"));
  if (hadFocus && lastOrigin && lastOrigin.isConnected) lastOrigin.focus();
  document.body.classList.remove("prov-open");
  for (const b of document.querySelectorAll(".is-current")) b.classList.remove("is-current");
}

/**
 * `at` moved back (or forward, `dir` 1) to just after a line break within `reach`. Reads
 * only that stretch of `text` (a string or a LongText).
 */
function snap(text, at, dir, reach = 400) {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  if (dir < 0) {
    const from = Math.max(0, at - reach);
    const k = text.slice(from, at + 1).lastIndexOf("\n");
    return k >= 0 ? from + k + 1 : at;
  }
  const k = text.slice(at, at + reach + 1).indexOf("\n");
  return k >= 0 ? at + k + 1 : at;
}

/**
 * Opens the panel on document `doc`; highlights `[start, end)` (UTF-16 code units) when
 * given, and lights up the sentence `sent` ([start, end]) around it. `what` describes the
 * span ("figure for …"); `origin` is the clicked element.
 */
export function showSpan({ doc, start, end, sent, what }, origin) {
  const d = docs[doc];
  if (!d) return;
  const text = d.text;
  if (d.changed) {
    current = { doc, start: null, end: null, sent: null, what, from: 0, to: 0 };
    el("prov-title").textContent = d.name;
    el("prov-what").textContent = "This source was edited after the analysis: press Analyze to see its figures in the text.";
    clear(el("prov-text"));
    el("prov-live").textContent = `${d.name}: edited since the analysis.`;
    el("provenance").hidden = false;
    document.body.classList.add("prov-open");
    lastOrigin = origin || null;
    return;
  }
  const valid = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length;
  const s0 = valid ? start : 0, e0 = valid ? end : 0;
  const from = text.length <= WHOLE ? 0 : snap(text, Math.max(0, s0 - CONTEXT), -1);
  const to = text.length <= WHOLE ? text.length : snap(text, Math.min(text.length, e0 + CONTEXT), 1);
  current = { doc, start: valid ? start : null, end: valid ? end : null, sent: valid && Array.isArray(sent) ? sent : null, what, from, to };
  el("prov-title").textContent = d.name;
  if (valid) {
    el("prov-what").textContent = what ? `${what[0].toUpperCase()}${what.slice(1)}, highlighted below` : "Highlighted below";
  } else {
    el("prov-what").textContent = start === undefined ? `${text.length.toLocaleString("en")} characters` : "That passage is outside this text.";
  }
  draw();
  // Screen readers hear the sentence that holds the span (the focus stays on the cell).
  const [ss, se] = current.sent && current.sent[0] <= start && end <= current.sent[1] && current.sent[1] <= text.length ? current.sent : [start, end];
  el("prov-live").textContent = valid ? `${d.name}: ${text.slice(ss, se)}` : `${d.name} opened.`;
  const panel = el("provenance");
  panel.hidden = false;
  document.body.classList.add("prov-open");
  for (const b of document.querySelectorAll(".is-current")) b.classList.remove("is-current");
  if (origin) origin.classList.add("is-current");
  lastOrigin = origin || null;
  const body = el("prov-text");
  const mark = el("prov-mark");
  // Centre the mark inside the panel's scrolling text (the page itself does not jump).
  if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 2 + mark.offsetHeight / 2);
  else body.scrollTop = 0;
}

/** Draws the current window of text (with "more above / below" buttons when cut). */
function draw() {
  const c = current;
  const text = docs[c.doc].text;
  const body = el("prov-text");
  clear(body);
  const more = (dir) => h("button", {
    type: "button", class: "btn small ghost prov-more", dataset: { dir: String(dir) },
    on: { click: () => widen(dir) },
  }, dir < 0 ? `Show earlier text (${c.from.toLocaleString("en")} characters before)` : `Show later text (${(text.length - c.to).toLocaleString("en")} characters after)`);
  if (c.from > 0) body.append(more(-1), document.createTextNode("…"));
  const piece = (a, b) => document.createTextNode(text.slice(a, b));
  if (c.start !== null) {
    const mark = h("mark", { id: "prov-mark" }, text.slice(c.start, c.end));
    const sent = c.sent;
    if (sent && sent[0] <= c.start && c.end <= sent[1] && sent[0] >= c.from && sent[1] <= c.to) {
      body.append(piece(c.from, sent[0]),
        h("span", { class: "sentence" }, piece(sent[0], c.start), mark, piece(c.end, sent[1])),
        piece(sent[1], c.to));
    } else {
      body.append(piece(c.from, c.start), mark, piece(c.end, c.to));
    }
  } else {
    body.append(piece(c.from, c.to));
  }
  if (c.to < text.length) body.append(document.createTextNode("…"), more(1));
}

/** Shows CONTEXT more characters before (dir -1) or after (dir 1), keeping what is in view. */
function widen(dir) {
  const c = current;
  if (!c) return;
  const text = docs[c.doc].text;
  const body = el("prov-text");
  const before = body.scrollHeight - body.scrollTop;
  if (dir < 0) c.from = snap(text, Math.max(0, c.from - 2 * CONTEXT), -1);
  else c.to = snap(text, Math.min(text.length, c.to + 2 * CONTEXT), 1);
  draw();
  // Text added above pushes the view down: keep the same text under the reader's eyes.
  if (dir < 0) body.scrollTop = body.scrollHeight - before;
  body.querySelector(`.prov-more[data-dir="${dir}"]`)?.focus({ preventScroll: true });
}

/** Wires the close button and the Escape key. */
export function initProvenance() {
  el("prov-close").addEventListener("click", closeProvenance);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !el("provenance").hidden) closeProvenance();
  });
}
