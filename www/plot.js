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
const MAX_LINES = 12;   // most figures drawn in one plot

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
  const all = order.map((id) => report.figures[id]).filter(Boolean);
  // A fact repeated many times (long inputs) keeps the plot small: the first MAX_LINES.
  const figs = all.slice(0, MAX_LINES);
  const more = all.length - figs.length;
  // Each figure's interval in the fact's unit. A figure written in another unit ("six months"
  // in a fact counted in days) is only drawn when the Report gives its converted bounds
  // (`fact.bounds`, parallel to `fact.figures`, when the core provides it): the page does
  // no unit conversion of its own.
  const iv = figs.map((f) => {
    const k = fact.figures.indexOf(f.id);
    const b = fact.bounds && fact.bounds[k];
    if (b) return { low: b[0], high: b[1], value: finite(b[2]) ? b[2] : null };
    if (fact.unit && f.unit && f.unit !== fact.unit) return null;
    return { low: f.low, high: f.high, value: f.value };
  });
  const nums = [];
  for (const b of iv) if (b) for (const x of [b.low, b.high, b.value]) if (finite(x)) nums.push(x);
  if (fact.consensus) for (const x of fact.consensus) if (finite(x)) nums.push(x);
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
  const x0 = LABEL + PAD, x1 = W - PAD;
  const x = (v) => {
    const p = x0 + ((t(v) - lo) / (hi - lo)) * (x1 - x0);
    return Math.min(x1 + 2, Math.max(x0 - 2, Number.isFinite(p) ? p : x0));
  };

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
    }, s("title", { text: `consensus: ${finite(cl) ? shortNumber(cl) : "−∞"} to ${finite(ch) ? shortNumber(ch) : "∞"}` })));
  }

  const outliers = new Set(fact.outliers || []);
  figs.forEach((f, i) => {
    const y = i * ROW + ROW / 2 + 1;
    const cls = outliers.has(f.doc) ? "fig outlier" : "fig";
    const g = s("g", { class: cls }, s("title", { text: `${names[i]}: ${f.text}${f.time ? ` (${f.time})` : ""}` }));
    g.append(s("text", { class: "name", x: 0, y: y + 4, text: shortName(names[i]) }));
    const v = iv[i];
    if (!v) {
      g.append(s("text", { class: "other-unit", x: x0, y: y + 4, text: `in ${f.unit}: not on this axis` }));
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
      if (hasLow) g.append(s("circle", { class: f.low_inclusive ? "dot closed" : "dot open", cx: a, cy: y, r: 3 }));
      if (hasHigh) g.append(s("circle", { class: f.high_inclusive ? "dot closed" : "dot open", cx: b, cy: y, r: 3 }));
      // (A range states no single value: no tick at its midpoint.)
      if (!f.range && finite(v.value) && (!hasLow || v.value > v.low) && (!hasHigh || v.value < v.high)) {
        g.append(s("line", { class: "tick", x1: x(v.value), y1: y - 4, x2: x(v.value), y2: y + 4 }));
      }
    }
    svg.append(g);
  });

  // Axis: a base line and the two end values.
  const ay = plotBottom + 1;
  svg.append(s("line", { class: "axis", x1: x0, y1: ay, x2: x1, y2: ay }));
  if (more > 0) svg.append(s("text", { class: "axis-label", x: 0, y: ay + 12, text: `+${more} more` }));
  const labelLo = min, labelHi = max;
  if (log && more <= 0) svg.append(s("text", { class: "axis-label", x: 0, y: ay + 12, text: "log scale" }));
  svg.append(s("text", { class: "axis-label", x: x(labelLo), y: ay + 12, "text-anchor": "middle", text: shortNumber(labelLo) }));
  if (labelHi !== labelLo) {
    svg.append(s("text", { class: "axis-label", x: x(labelHi), y: ay + 12, "text-anchor": "middle", text: shortNumber(labelHi) }));
  }
  return svg;
}
