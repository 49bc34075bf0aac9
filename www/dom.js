// Small DOM builders. Everything the page shows is built from nodes; text (article text in
// particular) only ever goes in as text nodes / textContent, never as HTML.

/**
 * Creates an element. `attrs`: `class`, `dataset` (object), `on` (object of event
 * listeners), `text` (textContent), anything else via setAttribute. Children: nodes or
 * strings (strings become text nodes); null/undefined/false are skipped; arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes (same conventions as `h`). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

function applyAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === "text") el.textContent = String(v);
    else if (k === "innerHTML") throw new Error("innerHTML is not allowed");
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

/** Appends children (nodes, strings, arrays of them) to `el`. */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Removes every child of `el`. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** "1 source" / "3 sources". */
export function plural(n, word, pluralWord = word + "s") {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Yields to the browser: the next task. */
export const nextTask = () => new Promise((r) => setTimeout(r, 0));

/**
 * Resolves once what is drawn so far has been painted: in a task after the second
 * animation frame from now (the second frame starts once the first has been painted and
 * handed to the compositor), so work that follows does not delay that paint. A page
 * that draws no frames (hidden) goes on after a second.
 */
export function afterPaint() {
  return new Promise((resolve) => {
    let done = false;
    const go = () => { if (!done) { done = true; resolve(); } };
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(go, 0)));
    setTimeout(go, 1000);
  });
}
