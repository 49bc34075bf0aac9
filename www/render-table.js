// The two comparison tables: facts × sources (figures as written, status, outliers, range
// plot) and entities × sources (coverage, counts, spellings, blind spots). Both render the
// Report as it is: statuses, labels, consensus and outliers come from the core.

import { h, plural } from "./dom.js";
import { rangePlot } from "./plot.js";

export const STATUS_LABEL = {
  conflict: "Conflict",
  consistent: "Consistent",
  agree: "Agree",
  single: "Single source",
};

const STATUS_HINT = {
  conflict: "Some sources give figures that cannot both be true.",
  consistent: "The figures differ but can all be true at once.",
  agree: "All sources give the same figure.",
  single: "Only one source gives this figure.",
};

/** A status badge: colour and a text label (never colour alone). */
export function statusBadge(status) {
  return h("span", { class: `badge status-${status}`, title: STATUS_HINT[status] || "" },
    STATUS_LABEL[status] || status);
}

/**
 * The facts table. `show(spanInfo)` opens provenance:
 * `{ doc, start, end, text, what }`.
 */
export function factsTable(report, show) {
  const docs = report.documents;
  const head = h("tr", {},
    h("th", { scope: "col", class: "col-fact" }, "Fact and status"),
    docs.map((d) => h("th", { scope: "col", class: "col-doc" }, d.name)),
    h("th", { scope: "col", class: "col-plot" }, "Range"),
  );
  const body = h("tbody");
  for (const fact of report.facts) body.append(factRow(report, fact, show));
  return h("table", { class: "facts", id: "facts-table" },
    h("caption", { class: "visually-hidden" }, "Facts compared across sources"),
    h("thead", {}, head), body);
}

function factRow(report, fact, show) {
  const outliers = new Set(fact.outliers || []);
  const figs = fact.figures.map((id) => report.figures[id]).filter(Boolean);

  const label = fact.label || "(unlabelled)";
  const showUnit = fact.unit && !label.toLowerCase().includes(fact.unit.toLowerCase());
  const labelCell = h("th", { scope: "row", class: "col-fact" },
    h("div", { class: "fact-label" }, label, showUnit ? h("span", { class: "fact-unit" }, ` · ${fact.unit}`) : null),
    h("div", { class: "badges" }, statusBadge(fact.status),
      fact.changing ? h("span", { class: "badge changing", title: "The figure changed over time" }, "Changing") : null),
    outliers.size ? h("div", { class: "disagrees" }, "Disagrees: ",
      h("strong", {}, report.documents.filter((d) => outliers.has(d.id)).map((d) => d.name).join(", "))) : null,
    fact.note ? h("div", { class: "fact-note", title: fact.note }, fact.note) : null,
  );
  if (fact.changing && fact.timeline && fact.timeline.length) {
    const steps = fact.timeline.map((id) => report.figures[id]).filter(Boolean);
    const line = h("div", { class: "timeline", title: "Values in time order" });
    steps.forEach((f, i) => {
      if (i > 0) line.append(h("span", { class: "arrow-sep", "aria-hidden": "true" }, " → "));
      line.append(h("span", {}, f.text, f.time ? h("span", { class: "when" }, ` (${f.time})`) : null));
    });
    labelCell.append(line);
  }

  const cells = report.documents.map((d) => {
    const mine = figs.filter((f) => f.doc === d.id);
    // data-source names the column on phones, where each row becomes a card.
    const td = h("td", { class: ["col-doc", "cell", mine.length ? "" : "empty", outliers.has(d.id) ? "outlier" : ""], dataset: { source: d.name } });
    if (!mine.length) {
      td.append(h("span", { class: "none", title: `${d.name} gives no figure for this fact` }, "—"));
      return td;
    }
    // Long inputs can repeat a figure many times: show a few, the rest behind "more".
    const SHOWN = 4;
    let target = td;
    for (const [k, f] of mine.entries()) {
      if (k === SHOWN) {
        const extra = h("details", { class: "more" }, h("summary", {}, `${mine.length - SHOWN} more`));
        td.append(extra);
        target = extra;
      }
      target.append(h("button", {
        type: "button", class: "fig-link",
        dataset: { doc: String(f.doc), start: String(f.start), end: String(f.end), figure: String(f.id) },
        title: `Show in ${d.name}${f.attribution ? ` — according to ${f.attribution}` : ""}`,
        on: { click: (ev) => show({ doc: f.doc, start: f.start, end: f.end, sentence: f.sentence, text: f.text, what: `figure for “${fact.label}”` }, ev.currentTarget) },
      }, f.text));
      // A number in words ("hundreds", "dozens"): the interval it stands for, set apart
      // from the source's own words.
      const band = wordBand(f);
      if (band) target.append(h("span", { class: "band-hint", title: `“${f.text}” is read as ${band}` }, band));
      if (f.time) target.append(h("span", { class: "when" }, f.time));
    }
    if (outliers.has(d.id)) td.append(h("span", { class: "outlier-tag", title: "Outside what the other sources allow" }, "outlier"));
    return td;
  });

  const plot = rangePlot(fact, report);
  return h("tr", {
    class: ["fact-row", `status-${fact.status}`, fact.changing ? "changing" : ""],
    dataset: { status: fact.status, changing: String(!!fact.changing), fact: String(fact.id) },
  }, labelCell, cells, h("td", { class: "col-plot", dataset: { source: "Range" } }, plot));
}

const num = (x) => x.toLocaleString("en", { maximumFractionDigits: 1 });

/** "100–1,000" for a range written without digits ("hundreds of people"), else "" (a
 * duration in words, "six months", is not a range). */
export function wordBand(f) {
  const ok = (x) => typeof x === "number" && Number.isFinite(x);
  if (!f.range || /\d/.test(f.text) || !ok(f.low) || !ok(f.high) || !(f.high > f.low)) return "";
  return `${num(f.low)}–${num(f.high)}`;
}

/** Hides rows that are neither conflicts nor changing when `only` is true. */
export function filterFacts(table, only) {
  for (const tr of table.querySelectorAll("tbody tr")) {
    tr.hidden = only && !(tr.dataset.status === "conflict" || tr.dataset.changing === "true");
  }
  filteredOut(table, only, "No conflicts and no figures that change over time: every fact is shown when the filter is off.");
}

/** Hides entities every source mentions when `only` is true (keeps the blind spots). */
export function filterEntities(table, only) {
  for (const tr of table.querySelectorAll("tbody tr")) tr.hidden = only && !tr.classList.contains("blind");
  filteredOut(table, only, "No blind spots: every source mentions every entity.");
}

/** Says so, after the table, when a filter hides every row (an empty table is confusing). */
function filteredOut(table, only, message) {
  const wrap = table.parentElement;
  if (!wrap) return;
  let note = wrap.nextElementSibling;
  if (!note || !note.classList.contains("filter-empty")) {
    note = h("p", { class: "empty-note filter-empty", role: "status" });
    wrap.after(note);
  }
  const none = only && !table.querySelector("tbody tr:not([hidden])");
  note.textContent = none ? message : "";
  note.hidden = !none;
}

const KIND_ORDER = { person: 0, org: 1, place: 2, other: 3 };
const KIND_LABEL = { person: "Person", org: "Organisation", place: "Place", other: "Other" };

/** The entities table, sortable by name, kind and coverage. */
export function entitiesTable(report, show) {
  const docs = report.documents;
  const rows = report.entities.map((e, index) => entityRow(report, e, index, show));
  const body = h("tbody", {}, rows.map((r) => r.tr));

  const sortKeys = {
    name: (r) => r.entity.name.toLowerCase(),
    kind: (r) => KIND_ORDER[r.entity.kind] ?? 9,
    coverage: (r) => r.coverage,
  };
  const headers = {};
  let state = { key: null, dir: 1 };
  const sortBy = (key) => {
    const dir = state.key === key ? -state.dir : (key === "coverage" ? -1 : 1);
    state = { key, dir };
    const k = sortKeys[key];
    const sorted = [...rows].sort((a, b) => {
      const x = k(a), y = k(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir || a.index - b.index;
    });
    for (const r of sorted) body.append(r.tr);
    for (const [name, th] of Object.entries(headers)) {
      th.setAttribute("aria-sort", name === key ? (dir === 1 ? "ascending" : "descending") : "none");
    }
  };
  const sortHeader = (key, label, cls) => {
    const th = h("th", { scope: "col", class: cls, "aria-sort": "none" },
      h("button", { type: "button", class: "sort", dataset: { sort: key }, on: { click: () => sortBy(key) } },
        label, h("span", { class: "sort-icon", "aria-hidden": "true" })));
    headers[key] = th;
    return th;
  };
  const head = h("tr", {},
    sortHeader("name", "Entity", "col-entity"),
    sortHeader("kind", "Kind", "col-kind"),
    sortHeader("coverage", "Sources", "col-coverage"),
    docs.map((d) => h("th", { scope: "col", class: "col-doc" }, d.name)),
  );
  return h("table", { class: "entities", id: "entities-table" },
    h("caption", { class: "visually-hidden" }, "Entities named by each source"),
    h("thead", {}, head), body);
}

function entityRow(report, e, index, show) {
  const docs = report.documents;
  const grouped = new Map();
  for (const m of e.mentions) {
    if (!grouped.has(m.doc)) grouped.set(m.doc, []);
    grouped.get(m.doc).push(m);
  }
  const byDoc = docs.map((d) => grouped.get(d.id) || []);
  const coverage = byDoc.filter((ms) => ms.length > 0).length;
  const missing = docs.filter((d, i) => byDoc[i].length === 0).map((d) => d.name);
  const blind = docs.length > 1 && missing.length > 0;

  const nameCell = h("th", { scope: "row", class: "col-entity" },
    h("span", { class: "entity-name" }, e.name),
    e.acronym && e.acronym !== e.name ? h("span", { class: "acronym" }, ` (${e.acronym})`) : null,
    e.roles && e.roles.length ? h("div", { class: "roles" }, e.roles.join(", ")) : null,
    blind ? h("div", { class: "blind-tag", title: "Sources that never mention this entity" },
      `not in ${missing.join(", ")}`) : null,
  );
  const cells = docs.map((d, i) => {
    const ms = byDoc[i];
    if (!ms.length) {
      return h("td", { class: "col-doc cell missing", dataset: { source: d.name } },
        h("span", { class: "none" }, "not mentioned"));
    }
    // Distinct spellings in order of first use, each linked to its first mention.
    const firsts = new Map();
    for (const m of ms) {
      if (!firsts.has(m.text)) firsts.set(m.text, { m, n: 0 });
      firsts.get(m.text).n++;
    }
    const td = h("td", { class: "col-doc cell", dataset: { source: d.name } },
      h("span", { class: "count", title: plural(ms.length, "mention") }, `×${ms.length}`));
    for (const [text, { m, n }] of firsts) {
      td.append(h("button", {
        type: "button", class: "mention-link",
        dataset: { doc: String(m.doc), start: String(m.start), end: String(m.end) },
        title: `${plural(n, "mention")} spelled this way in ${d.name}${m.role ? ` (as ${m.role})` : ""}`,
        on: { click: (ev) => show({ doc: m.doc, start: m.start, end: m.end, sentence: m.sentence, text: m.text, what: `mention of ${e.name}` }, ev.currentTarget) },
      }, text));
    }
    return td;
  });
  const tr = h("tr", {
    class: ["entity-row", blind ? "blind" : ""],
    dataset: { kind: e.kind, coverage: String(coverage), entity: String(e.id) },
  }, nameCell,
  h("td", { class: "col-kind", dataset: { source: "Kind" } }, h("span", { class: `kind kind-${e.kind}` }, KIND_LABEL[e.kind] || e.kind)),
  h("td", { class: "col-coverage", dataset: { source: "Sources" } }, `${coverage} of ${docs.length}`),
  cells);
  return { tr, entity: e, coverage, index };
}
