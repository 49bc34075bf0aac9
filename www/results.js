// The results area: summary line, notices and warnings, the sources list, and the three
// views (facts, entities, quotes). `showReport` renders one Report; nothing is recomputed.

import { h, clear, plural } from "./dom.js";
import { factsTable, entitiesTable, filterFacts, filterEntities } from "./render-table.js";
import { quotesView } from "./quotes.js";
import { setDocuments, showSpan, closeProvenance } from "./provenance.js";

const el = (id) => document.getElementById(id);

/** The summary line, from the Report's counts: "12 facts: 7 agree, 3 conflict, 2 single-source". */
export function summaryLine(summary) {
  const parts = [
    [summary.agree, "agree"], [summary.consistent, "consistent"],
    [summary.conflict, "conflict"], [summary.single, "single-source"],
  ].filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}`);
  let line = plural(summary.facts, "fact");
  if (parts.length) line += `: ${parts.join(", ")}`;
  if (summary.changing > 0) line += ` (${summary.changing} changing over time)`;
  return line;
}

function notices(report, extra) {
  const box = el("notices");
  clear(box);
  const items = [...extra.map((t) => ({ t })), ...report.notices.map((t) => ({ t }))];
  for (const d of report.documents) for (const w of d.warnings) items.push({ src: d.name, t: w });
  for (const it of items) {
    box.append(h("li", {}, it.src ? h("strong", {}, `${it.src}: `) : null, it.t));
  }
  box.hidden = items.length === 0;
}

function sourcesList(report, texts) {
  const list = el("doc-list");
  clear(list);
  const figuresPerDoc = new Map();
  for (const f of report.figures) figuresPerDoc.set(f.doc, (figuresPerDoc.get(f.doc) || 0) + 1);
  for (const d of report.documents) {
    const nFig = figuresPerDoc.get(d.id) || 0;
    list.append(h("li", {},
      h("button", {
        type: "button", class: "doc-link", dataset: { doc: String(d.id) },
        title: "Show this source's text",
        on: { click: (ev) => showSpan({ doc: d.id }, ev.currentTarget) },
      }, d.name),
      h("span", { class: "muted" }, ` ${(texts[d.id] ?? "").length.toLocaleString("en")} characters · ${plural(nFig, "figure")}`),
      d.warnings.length ? h("span", { class: "warn-dot", title: d.warnings.join(" ") }, " ⚠") : null));
  }
}

/**
 * Renders `report` (texts: the analyzed texts by document id). `extraNotices`: remarks
 * from the page itself (e.g. skipped empty boxes).
 */
export function showReport(report, texts, extraNotices = []) {
  closeProvenance();
  setDocuments(report.documents, texts);
  const show = (info, origin) => showSpan(info, origin);

  el("summary").textContent = summaryLine(report.summary);
  el("summary-more").textContent = [
    plural(report.documents.length, "source"),
    plural(report.summary.entities, "entity", "entities"),
    `${plural(report.summary.quotes, "quotation")}${report.summary.quote_groups ? ` (${plural(report.summary.quote_groups, "group")} across sources)` : ""}`,
  ].join(" · ");
  notices(report, extraNotices);
  sourcesList(report, texts);

  // Facts.
  const facts = el("facts");
  clear(facts);
  if (report.facts.length) {
    const table = factsTable(report, show);
    facts.append(h("div", { class: "table-wrap" }, table));
    filterFacts(table, el("only-conflicts").checked);
  } else {
    facts.append(h("p", { class: "empty-note" }, "No figures to compare."));
  }
  el("facts-count").textContent = report.facts.length ? `(${report.facts.length})` : "";

  // Entities.
  const ents = el("entities");
  clear(ents);
  if (report.entities.length) {
    const table = entitiesTable(report, show);
    ents.append(h("div", { class: "table-wrap" }, table));
    filterEntities(table, el("only-blind").checked);
  }
  else ents.append(h("p", { class: "empty-note" }, "No people, places or organisations found."));
  el("entities-count").textContent = report.entities.length ? `(${report.entities.length})` : "";

  // Quotes.
  const quotes = el("quotes");
  clear(quotes);
  quotes.append(quotesView(report, show));
  el("quotes-count").textContent = report.quotes.length ? `(${report.quotes.length})` : "";

  el("results").hidden = false;
}

/** Wires the facts and entities filters. */
export function initResults() {
  el("only-blind").addEventListener("change", (ev) => {
    const table = el("entities-table");
    if (table) filterEntities(table, ev.target.checked);
  });
  el("only-conflicts").addEventListener("change", (ev) => {
    const table = el("facts-table");
    if (table) filterFacts(table, ev.target.checked);
  });
}

/** Hides the results (e.g. after a failed analysis). */
export function hideResults() {
  closeProvenance();
  el("results").hidden = true;
}
