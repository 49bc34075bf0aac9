// Provenance: shows a source's text with one span highlighted and scrolled into view.
// The text is built from three nodes — text before, <mark>, text after — so nothing in an
// article is ever parsed as HTML.

import { clear } from "./dom.js";

let docs = [];   // [{ name, text, sentences }] by document id
const el = (id) => document.getElementById(id);

/** Sets the documents the panel can show (names from the Report, texts as analyzed). */
export function setDocuments(documents, texts) {
  docs = documents.map((d, i) => ({ name: d.name, text: texts[i] ?? "", sentences: d.sentences || [] }));
}

/** Closes the panel. */
let lastOrigin = null;  // the element that opened the panel, to give focus back

export function closeProvenance() {
  const panel = el("provenance");
  const hadFocus = panel.contains(document.activeElement);
  panel.hidden = true;
  if (hadFocus && lastOrigin && lastOrigin.isConnected) lastOrigin.focus();
  document.body.classList.remove("prov-open");
  for (const b of document.querySelectorAll(".is-current")) b.classList.remove("is-current");
}

/**
 * Opens the panel on document `doc`; highlights `[start, end)` (UTF-16 code units) when
 * given. `what` describes the span ("figure for …"); `origin` is the clicked element.
 */
export function showSpan({ doc, start, end, sentence, what }, origin) {
  const d = docs[doc];
  if (!d) return;
  const panel = el("provenance");
  const body = el("prov-text");
  el("prov-title").textContent = d.name;
  clear(body);
  const text = d.text;
  const valid = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length;
  let mark = null;
  if (valid && start !== undefined) {
    mark = document.createElement("mark");
    mark.id = "prov-mark";
    mark.textContent = text.slice(start, end);
    // The sentence around the span gets a light background, for context.
    const sent = docs[doc].sentences[sentence];
    if (sent && sent.start <= start && end <= sent.end && sent.end <= text.length) {
      const around = document.createElement("span");
      around.className = "sentence";
      around.append(document.createTextNode(text.slice(sent.start, start)), mark, document.createTextNode(text.slice(end, sent.end)));
      body.append(document.createTextNode(text.slice(0, sent.start)), around, document.createTextNode(text.slice(sent.end)));
    } else {
      body.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
    }
    // What was clicked, in words; the exact offsets (UTF-16) only in the tooltip.
    el("prov-what").textContent = what ? `${what[0].toUpperCase()}${what.slice(1)}, highlighted below` : "Highlighted below";
    el("prov-what").title = `characters ${start}–${end} of ${text.length.toLocaleString("en")}`;
  } else {
    body.append(document.createTextNode(text));
    el("prov-what").textContent = start === undefined ? `${text.length.toLocaleString("en")} characters` : "That passage is outside this text.";
    el("prov-what").title = "";
  }
  // Screen readers hear the sentence that holds the span (the focus stays on the cell).
  const sent = mark ? d.sentences[sentence] : null;
  const said = sent && sent.start <= start && end <= sent.end && sent.end <= text.length
    ? text.slice(sent.start, sent.end) : (mark ? text.slice(start, end) : "");
  el("prov-live").textContent = said ? `${d.name}: ${said}` : `${d.name} opened.`;
  panel.hidden = false;
  document.body.classList.add("prov-open");
  for (const b of document.querySelectorAll(".is-current")) b.classList.remove("is-current");
  if (origin) origin.classList.add("is-current");
  lastOrigin = origin || null;
  // Centre the mark inside the panel's scrolling text (the page itself does not jump).
  if (mark) body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 2 + mark.offsetHeight / 2);
  else body.scrollTop = 0;
}

/** Wires the close button and the Escape key. */
export function initProvenance() {
  el("prov-close").addEventListener("click", closeProvenance);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !el("provenance").hidden) closeProvenance();
  });
}
