// The facts table: one row per fact, one column per source, and the range plot. The first
// cell leads with the verdict the core wrote (status and reason in one line, never cut);
// the per-source figures sit in the cells and, for a figure that changed, the values in
// time order below the verdict. Rows come a page at a time from the view (www/view.js).

import { h, plural } from "./dom.js";
import { rangePlot, wirePlots, plotHeight } from "./plot.js";
import { pageRows } from "./pager.js";
import { displayLabel } from "./view.js";

export const STATUS_LABEL = {
  conflict: "Conflict",
  consistent: "Consistent",
  agree: "Agree",
  single: "Single source",
};

/** A status badge: colour and a text label (never colour alone). */
export function statusBadge(status, text = STATUS_LABEL[status] || status) {
  return h("span", { class: `badge status-${status}` }, text);
}

/** The source's key (its number in the table), as shown in headers, cells and plots. */
export function sourceKey(doc) {
  return h("span", { class: "src-key", "aria-hidden": "true" }, String(doc + 1));
}

/**
 * The verdict line: the core's verdict as it is, its status part ("Conflict", "Consistent
 * over time") set as a badge and the reason after it.
 */
export function verdictLine(row) {
  const v = row.verdict || "";
  const k = v.indexOf(" — ");
  const head = k > 0 ? v.slice(0, k) : (STATUS_LABEL[row.status] || row.status);
  const reason = k > 0 ? v.slice(k + 3) : v;
  return h("p", { class: "verdict" }, statusBadge(row.status, head),
    h("span", { class: "visually-hidden" }, " — "),
    h("span", { class: "reason" }, reason));
}

/**
 * Draws the facts table into `box` from the first page `first` ({ total, rows }), asking
 * `view("facts", { from, only })` for more. `names`: source names by document id;
 * `show(span, origin)` opens a span in its source. Returns `{ table, ready }`.
 */
export function factsTable(box, { first, names, view, only, show }) {
  const plots = new WeakMap();
  const colgroup = h("colgroup", {},
    h("col", { class: "col-fact" }),
    names.map(() => h("col", { class: "col-doc" })),
    h("col", { class: "col-plot" }));
  const head = h("tr", {},
    h("th", { scope: "col", class: "col-fact" }, "Fact and verdict"),
    names.map((name, d) => h("th", { scope: "col", class: "col-doc" }, sourceKey(d), " ", name)),
    h("th", { scope: "col", class: "col-plot" }, "Range"),
  );
  const body = h("tbody");
  const table = h("table", { class: "facts", id: "facts-table" },
    h("caption", { class: "visually-hidden" }, "Facts compared across sources"),
    colgroup, h("thead", {}, head), body);
  box.replaceChildren(table);

  const draw = (rows) => rows.map((row) => {
    const tr = factRow(row, names);
    const svg = tr.querySelector("svg.range-plot");
    if (svg) plots.set(svg, { plot: row.plot, names });
    return tr;
  });
  const pager = pageRows({
    body, first, draw, noun: "facts", colspan: names.length + 2, firstCount: rowsToFill,
    fetch: (from) => view("facts", { from, only }),
  });
  // One set of listeners for every row, present and to come.
  table.addEventListener("click", (ev) => {
    const b = ev.target.closest("button.fig-link");
    if (b) show(spanOf(b), b);
  });
  table.addEventListener("toggle", (ev) => {
    if (ev.target.matches?.("details.more") && ev.target.open) fillMore(ev.target, view);
  }, true);
  wirePlots(table, (svg) => plots.get(svg));
  return { table, ready: pager.ready, stop: pager.stop };
}

/**
 * How many rows fill the window: the first task draws those and the browser paints them
 * before the rest are drawn. A row is at least as tall as its range plot (a line per
 * figure, the axis, the readout, the padding), so rows are counted until their plots
 * alone fill the window's height: never fewer than the window shows, at most six.
 */
export function rowsToFill(rows) {
  const room = window.innerHeight || 800;
  let height = 0, n = 0;
  for (const row of rows) {
    if (n === 6 || height >= room) break;
    height += plotHeight(row.plot) + 34;
    n++;
  }
  return n;
}

/** The span a figure button stands for (its data attributes). */
export function spanOf(b) {
  const d = b.dataset;
  return {
    doc: +d.doc, start: +d.start, end: +d.end,
    sent: d.sent ? d.sent.split(",").map(Number) : null,
    what: d.what || "",
  };
}

function figButton(f, what) {
  return h("button", {
    type: "button", class: "fig-link",
    dataset: { doc: String(f.doc), start: String(f.start), end: String(f.end), figure: String(f.id), sent: f.sent ? f.sent.join(",") : "", what },
  }, f.text);
}

/** A figure in a cell: its words (a button to its source), and what the Report adds. */
function appendFigure(target, f, what) {
  target.append(figButton(f, what));
  // A number in words ("hundreds", "dozens"): the interval it stands for, apart from
  // the source's own words.
  if (f.band) target.append(h("span", { class: "band-hint" }, `read as ${f.band}`));
  if (f.time) target.append(h("span", { class: "when" }, f.time));
  if (f.attribution) target.append(h("span", { class: "attrib" }, `according to ${f.attribution}`));
}

/** Fills a cell's "N more" list the first time it is opened. */
async function fillMore(details, view) {
  if (details.dataset.filled) return;
  details.dataset.filled = "1";
  const figs = await view("cell", { fact: +details.dataset.fact, doc: +details.dataset.doc });
  for (const f of figs) appendFigure(details, f, details.dataset.what);
  const total = +/\d+/.exec(details.querySelector("summary").textContent)[0];
  if (total > figs.length) details.append(h("span", { class: "when" }, `and ${total - figs.length} more in the text`));
}

function factRow(row, names) {
  const outliers = new Set(row.outliers);
  const label = displayLabel(row.label);
  const showUnit = row.unit && !label.toLowerCase().includes(row.unit.toLowerCase());
  const part = row.partOf !== null && row.partOf !== undefined;
  const labelCell = h("th", { scope: "row", class: "col-fact" },
    part ? h("span", { class: "part-of" }, `Part of ${displayLabel(row.partOfLabel)}`) : null,
    h("div", { class: "fact-label" }, label, showUnit ? h("span", { class: "fact-unit" }, ` · ${row.unit}`) : null),
    verdictLine(row),
    row.changing && !/over time/.test(row.verdict) ? h("span", { class: "badge changing" }, "Changing over time") : null,
  );
  if (row.timeline.length) {
    const list = h("ol", { class: "timeline", "aria-label": "Values in time order" });
    for (const step of row.timeline) {
      list.append(h("li", {}, step.text, step.time ? h("span", { class: "when" }, ` (${step.time})`) : null,
        h("span", { class: "by" }, ` ${names[step.doc] ?? ""}`)));
    }
    if (row.moreSteps) list.append(h("li", { class: "more-steps" }, `… and ${row.moreSteps.toLocaleString("en")} more`));
    labelCell.append(list);
  }
  const what = `figure for “${label}”`;
  const cells = row.cells.map((c, d) => {
    // data-source / data-key name the column on narrow screens, where each row is a card.
    const td = h("td", { class: ["col-doc", "cell", c.total ? "" : "empty", outliers.has(d) ? "outlier" : ""], dataset: { source: names[d], key: String(d + 1) } });
    if (!c.total) {
      td.append(h("span", { class: "none" }, "—"), h("span", { class: "visually-hidden" }, `${names[d]} gives no figure for this fact`));
      return td;
    }
    for (const f of c.figs) appendFigure(td, f, what);
    // The rest (a long text can repeat a figure thousands of times) only when asked for.
    if (c.total > c.figs.length) td.append(h("details", { class: "more", dataset: { fact: String(row.id), doc: String(d), what } }, h("summary", {}, `${c.total - c.figs.length} more`)));
    if (outliers.has(d)) td.append(h("span", { class: "outlier-tag" }, "outlier"));
    return td;
  });
  const plot = rangePlot(row.plot, names);
  return h("tr", {
    class: ["fact-row", `status-${row.status}`, row.changing ? "changing" : "", part ? "part" : "", row.parts ? "total" : ""],
    dataset: { status: row.status, changing: String(row.changing), fact: String(row.id), ...(part ? { partOf: String(row.partOf) } : {}) },
  }, labelCell, cells, h("td", { class: "col-plot", dataset: { source: "Range", key: "" } }, plot || h("span", { class: "none" }, "—")));
}

/** "2 conflicts and changes of 14 facts" for the filter's label. */
export function filterCount(notable, total) {
  return `(${notable} of ${plural(total, "fact")})`;
}
