// The small range plot of one fact: every figure's interval on one shared axis, one line per
// figure (time order when the fact changes over time), the consensus band shaded behind.
// Closed ends are filled dots, open ends hollow dots, unbounded ends arrows, exact values a
// single dot, the stated value a tick. Each line is labelled with its source's key (the
// number in the source's column header, "1"), so long names are never cut; pointing at a
// line or moving the keyboard focus onto it (Tab to the plot, then ↑ ↓) writes the
// source's full name and its figure under the plot. Draws the lines www/view.js made
// from the Report; computes nothing but pixels.

import { s, h } from "./dom.js";

const W = 240;          // total width
const KEY = 18;         // room for the source keys on the left
const PAD = 8;          // inner padding right of the keys and at the right edge
const ROW = 15;         // height of one figure's line
const AXIS = 16;        // height of the axis labels
const READOUT = 17;     // the readout line under the plot (.plot-readout: 1.3em of 0.78rem)

const fmt = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** A short number for axis labels. */
export function shortNumber(x) {
  if (!Number.isFinite(x)) return "";
  return Math.abs(x) >= 10000 ? fmt.format(x) : String(Math.round(x * 100) / 100);
}

const finite = (x) => typeof x === "number" && Number.isFinite(x);

/** "121 or more", "135–149", "exactly 9": a line's interval in words, for the readout. */
export function intervalWords(line) {
  if (line.otherUnit) return `in ${line.otherUnit}, not on this axis`;
  const lo = finite(line.low) ? line.low : null, hi = finite(line.high) ? line.high : null;
  if (lo !== null && hi !== null && lo === hi) return `exactly ${plain.format(lo)}`;
  if (lo !== null && hi !== null) return `${plain.format(lo)} to ${plain.format(hi)}`;
  if (lo !== null) return `${line.lowInc ? "at least" : "more than"} ${plain.format(lo)}`;
  if (hi !== null) return `${line.highInc ? "at most" : "less than"} ${plain.format(hi)}`;
  return "any value";
}

/** The readout text of line `i` of `plot`: "1 Valley Courier: More than 120 residents (more than 120), Saturday". */
export function readoutText(plot, i, names) {
  const l = plot.lines[i];
  if (!l) return "";
  return `${l.doc + 1} ${names[l.doc] ?? `Source ${l.doc + 1}`}: ${l.text} (${intervalWords(l)})${l.time ? `, ${l.time}` : ""}`;
}

/** Height in pixels of a fact's plot with its readout line under it. */
export function plotHeight(plot) {
  return (plot?.lines?.length || 0) * ROW + AXIS + 4 + READOUT;
}

/**
 * The plot of one fact: `{ svg, readout }` inside a wrapper element, or null when no line
 * has a finite bound. `plot` is a fact row's `plot` (www/view.js); `names`: source names
 * by document id.
 */
export function rangePlot(plot, names) {
  const lines = plot.lines;
  const nums = [];
  for (const b of lines) if (!b.otherUnit) for (const x of [b.low, b.high, b.value]) if (finite(x)) nums.push(x);
  if (plot.consensus) for (const x of plot.consensus) if (finite(x)) nums.push(x);
  if (nums.length === 0) return null;

  // Linear axis, or logarithmic when the values are positive and span 30× or more
  // ("18" next to "more than a thousand").
  const min = Math.min(...nums), max = Math.max(...nums);
  const log = min > 0 && max / min >= 30;
  const t = log ? Math.log10 : (v) => v;
  let lo = t(min), hi = t(max);
  const span = hi - lo;
  const pad = span > 0 ? span * 0.12 : Math.max(Math.abs(lo) * 0.1, 1);
  lo -= pad; hi += pad;
  const x0 = KEY + PAD, x1 = W - PAD;
  const x = (v) => {
    const p = x0 + ((t(v) - lo) / (hi - lo)) * (x1 - x0);
    return Math.min(x1 + 2, Math.max(x0 - 2, Number.isFinite(p) ? p : x0));
  };

  const height = plotHeight(plot) - READOUT;
  const svg = s("svg", {
    class: "range-plot", width: W, height, viewBox: `0 0 ${W} ${height}`,
    role: "img", tabindex: "0", focusable: "true",
    "aria-label": `Range plot. ${lines.map((_, i) => readoutText(plot, i, names)).join("; ")}`,
  });

  // Consensus band.
  const plotBottom = lines.length * ROW + 2;
  if (plot.consensus) {
    const [cl, ch] = plot.consensus;
    const a = finite(cl) ? x(cl) : x0 - 2;
    const b = finite(ch) ? x(ch) : x1 + 2;
    svg.append(s("rect", { class: "band", x: a, y: 0, width: Math.max(b - a, 2), height: plotBottom }));
  }

  const outliers = new Set(plot.outliers || []);
  lines.forEach((v, i) => {
    const y = i * ROW + ROW / 2 + 1;
    const g = s("g", { class: outliers.has(v.doc) ? "fig outlier" : "fig", "data-line": String(i) });
    // A transparent strip the whole row high: easy to point at.
    g.append(s("rect", { class: "hit", x: 0, y: y - ROW / 2, width: W, height: ROW }));
    g.append(s("text", { class: "key", x: 2, y: y + 4, text: String(v.doc + 1) }));
    if (v.otherUnit) {
      g.append(s("text", { class: "other-unit", x: x0, y: y + 4, text: `in ${v.otherUnit}: not on this axis` }));
      svg.append(g);
      return;
    }
    const hasLow = finite(v.low), hasHigh = finite(v.high);
    const a = hasLow ? x(v.low) : x0;
    const b = hasHigh ? x(v.high) : x1;
    if (hasLow && hasHigh && v.low === v.high) {
      g.append(s("circle", { class: "dot closed", cx: a, cy: y, r: 3.5 }));
    } else {
      g.append(s("line", { class: "bar", x1: a, y1: y, x2: b, y2: y }));
      if (!hasLow) g.append(s("path", { class: "arrow", d: `M${x0 - 2},${y} l6,-4 v8 z` }));
      if (!hasHigh) g.append(s("path", { class: "arrow", d: `M${x1 + 2},${y} l-6,-4 v8 z` }));
      if (hasLow) g.append(s("circle", { class: v.lowInc ? "dot closed" : "dot open", cx: a, cy: y, r: 3 }));
      if (hasHigh) g.append(s("circle", { class: v.highInc ? "dot closed" : "dot open", cx: b, cy: y, r: 3 }));
      // (A range states no single value: no tick at its midpoint.)
      if (!v.range && finite(v.value) && (!hasLow || v.value > v.low) && (!hasHigh || v.value < v.high)) {
        g.append(s("line", { class: "tick", x1: x(v.value), y1: y - 4, x2: x(v.value), y2: y + 4 }));
      }
    }
    svg.append(g);
  });

  // Axis: a base line and the two end values.
  const ay = plotBottom + 1;
  svg.append(s("line", { class: "axis", x1: x0, y1: ay, x2: x1, y2: ay }));
  if (plot.more > 0) svg.append(s("text", { class: "axis-label", x: 0, y: ay + 12, text: `+${plot.more} more` }));
  else if (log) svg.append(s("text", { class: "axis-label", x: 0, y: ay + 12, text: "log" }));
  svg.append(s("text", { class: "axis-label", x: x(min), y: ay + 12, "text-anchor": "middle", text: shortNumber(min) }));
  if (max !== min) svg.append(s("text", { class: "axis-label", x: x(max), y: ay + 12, "text-anchor": "middle", text: shortNumber(max) }));

  const readout = h("p", { class: "plot-readout" });
  return h("div", { class: "plot" }, svg, readout);
}

/**
 * Wires every plot inside `root` (once, by delegation): pointing at a line, or focusing the
 * plot and moving with ↑ ↓, highlights the line and writes its source and figure under
 * the plot. `lookup(svg)` gives `{ plot, names }` for a plot element.
 */
export function wirePlots(root, lookup) {
  const show = (svg, i) => {
    const info = lookup(svg);
    if (!info) return;
    const n = info.plot.lines.length;
    const k = Math.max(0, Math.min(n - 1, i));
    svg.dataset.active = String(k);
    for (const g of svg.querySelectorAll("g.fig")) g.classList.toggle("active", g.dataset.line === String(k));
    const out = svg.parentElement?.querySelector(".plot-readout");
    if (out) out.textContent = readoutText(info.plot, k, info.names);
  };
  const clearPlot = (svg) => {
    if (document.activeElement === svg) return;
    for (const g of svg.querySelectorAll("g.fig.active")) g.classList.remove("active");
    const out = svg.parentElement?.querySelector(".plot-readout");
    if (out) out.textContent = "";
  };
  root.addEventListener("pointerover", (ev) => {
    const g = ev.target.closest?.("svg.range-plot g.fig");
    if (g) show(g.ownerSVGElement, +g.dataset.line);
  });
  root.addEventListener("pointerout", (ev) => {
    const svg = ev.target.closest?.("svg.range-plot");
    if (svg && !svg.contains(ev.relatedTarget)) clearPlot(svg);
  });
  root.addEventListener("focusin", (ev) => {
    const svg = ev.target.closest?.("svg.range-plot");
    if (svg) show(svg, +(svg.dataset.active || 0));
  });
  root.addEventListener("focusout", (ev) => {
    const svg = ev.target.closest?.("svg.range-plot");
    if (svg) setTimeout(() => { if (!svg.matches(":hover")) clearPlot(svg); }, 0);
  });
  root.addEventListener("keydown", (ev) => {
    const svg = ev.target.closest?.("svg.range-plot");
    if (!svg || !["ArrowDown", "ArrowUp", "Home", "End"].includes(ev.key)) return;
    ev.preventDefault();
    const cur = +(svg.dataset.active || 0);
    const n = svg.querySelectorAll("g.fig").length;
    show(svg, ev.key === "ArrowDown" ? cur + 1 : ev.key === "ArrowUp" ? cur - 1 : ev.key === "Home" ? 0 : n - 1);
  });
}
