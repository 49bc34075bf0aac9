// The small range plot of one fact: every figure's interval on one shared axis, one line per
// figure (time order when the fact changes over time), the consensus band shaded behind.
// Closed ends are filled dots, open ends hollow dots, unbounded ends arrows, exact values a
// single dot, the stated value a tick. Reads only the Report; computes nothing but pixels.

import { s } from "./dom.js";

const W = 240;          // total width
const LABEL = 78;       // room for source names on the left
const PAD = 8;          // inner padding right of labels and at the right edge
const ROW = 15;         // height of one figure's line
const AXIS = 16;        // height of the axis labels

const fmt = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** A short number for axis labels. */
export function shortNumber(x) {
  if (!Number.isFinite(x)) return "";
  return Math.abs(x) >= 10000 ? fmt.format(x) : String(Math.round(x * 100) / 100);
}

const finite = (x) => typeof x === "number" && Number.isFinite(x);

/** Shortens a source name to fit the label column. */
function shortName(name) {
  return name.length > 11 ? name.slice(0, 10) + "…" : name;
}

/**
 * Builds the SVG for `fact`. `report` gives figures and document names.
 * Returns null when no figure has a finite bound or value.
 */
export function rangePlot(fact, report) {
  // Time order when the fact changes (then any figure the timeline leaves out), else as given.
  const timeline = fact.changing && fact.timeline ? fact.timeline : [];
  const order = [...timeline, ...fact.figures.filter((id) => !timeline.includes(id))];
  const figs = order.map((id) => report.figures[id]).filter(Boolean);
  const nums = [];
  for (const f of figs) for (const x of [f.low, f.high, f.value]) if (finite(x)) nums.push(x);
  if (fact.consensus) for (const x of fact.consensus) if (finite(x)) nums.push(x);
  if (nums.length === 0) return null;

  let lo = Math.min(...nums), hi = Math.max(...nums);
  const span = hi - lo;
  const pad = span > 0 ? span * 0.12 : Math.max(Math.abs(lo) * 0.1, 1);
  lo -= pad; hi += pad;
  const x0 = LABEL + PAD, x1 = W - PAD;
  const x = (v) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);

  const height = figs.length * ROW + AXIS + 4;
  const names = figs.map((f) => report.documents[f.doc]?.name ?? `Source ${f.doc + 1}`);
  const svg = s("svg", {
    class: "range-plot",
    width: W, height, viewBox: `0 0 ${W} ${height}`,
    role: "img",
    "aria-label": figs.map((f, i) => `${names[i]}: ${f.text}`).join("; "),
  });

  // Consensus band.
  const plotBottom = figs.length * ROW + 2;
  if (fact.consensus) {
    const [cl, ch] = fact.consensus;
    const a = finite(cl) ? x(cl) : x0 - 2;
    const b = finite(ch) ? x(ch) : x1 + 2;
    svg.append(s("rect", {
      class: "band", x: a, y: 0, width: Math.max(b - a, 2), height: plotBottom,
    }, s("title", { text: `consensus: ${finite(cl) ? cl : "−∞"} to ${finite(ch) ? ch : "∞"}` })));
  }

  const outliers = new Set(fact.outliers || []);
  figs.forEach((f, i) => {
    const y = i * ROW + ROW / 2 + 1;
    const cls = outliers.has(f.doc) ? "fig outlier" : "fig";
    const g = s("g", { class: cls }, s("title", { text: `${names[i]}: ${f.text}${f.time ? ` (${f.time})` : ""}` }));
    g.append(s("text", { class: "name", x: 0, y: y + 4, text: shortName(names[i]) }));
    const hasLow = finite(f.low), hasHigh = finite(f.high);
    const a = hasLow ? x(f.low) : x0;
    const b = hasHigh ? x(f.high) : x1;
    if (hasLow && hasHigh && f.low === f.high) {
      g.append(s("circle", { class: "dot closed", cx: a, cy: y, r: 3.5 }));
    } else {
      g.append(s("line", { class: "bar", x1: a, y1: y, x2: b, y2: y }));
      if (!hasLow) g.append(s("path", { class: "arrow", d: `M${x0 - 2},${y} l6,-4 v8 z` }));
      if (!hasHigh) g.append(s("path", { class: "arrow", d: `M${x1 + 2},${y} l-6,-4 v8 z` }));
      if (hasLow) g.append(s("circle", { class: f.low_inclusive ? "dot closed" : "dot open", cx: a, cy: y, r: 3 }));
      if (hasHigh) g.append(s("circle", { class: f.high_inclusive ? "dot closed" : "dot open", cx: b, cy: y, r: 3 }));
      if (finite(f.value) && (!hasLow || f.value > f.low) && (!hasHigh || f.value < f.high)) {
        g.append(s("line", { class: "tick", x1: x(f.value), y1: y - 4, x2: x(f.value), y2: y + 4 }));
      }
    }
    svg.append(g);
  });

  // Axis: a base line and the two end values.
  const ay = plotBottom + 1;
  svg.append(s("line", { class: "axis", x1: x0, y1: ay, x2: x1, y2: ay }));
  const labelLo = Math.min(...nums), labelHi = Math.max(...nums);
  svg.append(s("text", { class: "axis-label", x: x(labelLo), y: ay + 12, "text-anchor": "middle", text: shortNumber(labelLo) }));
  if (labelHi !== labelLo) {
    svg.append(s("text", { class: "axis-label", x: x(labelHi), y: ay + 12, "text-anchor": "middle", text: shortNumber(labelHi) }));
  }
  return svg;
}
