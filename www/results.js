// The results area: summary line, notices and warnings, the sources list, and the three
// views (facts, entities, quotes). The facts table is drawn first, in the task that
// receives the analysis; the rest follows in later tasks, so the table is on screen as
// soon as possible and no task runs long. Nothing is recomputed: rows come from the view
// (www/view.js) of the Report, wherever it lives.

import { h, clear, plural, nextTask, afterPaint } from "./dom.js";
import { factsTable, filterCount } from "./facts-table.js";
import { entitiesTable } from "./entities-table.js";
import { quotesView } from "./quotes.js";
import { setDocuments, showSpan, closeProvenance } from "./provenance.js";
import { localView } from "./engine.js";

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

function notices(head, extra) {
  const box = el("notices");
  clear(box);
  const items = [...extra.map((t) => ({ t })), ...head.notices.map((t) => ({ t }))];
  for (const d of head.documents) for (const w of d.warnings) items.push({ src: d.name, t: w });
  for (const it of items) box.append(h("li", {}, it.src ? h("strong", {}, `${it.src}: `) : null, it.t));
  box.hidden = items.length === 0;
}

function sourcesList(head) {
  const list = el("doc-list");
  clear(list);
  for (const d of head.documents) {
    list.append(h("li", {},
      h("span", { class: "src-key", "aria-hidden": "true" }, String(d.id + 1)), " ",
      h("button", { type: "button", class: "doc-link", dataset: { doc: String(d.id) } }, d.name),
      h("span", { class: "muted" }, ` ${d.length.toLocaleString("en")} characters · ${plural(d.figures, "figure")}`),
      d.warnings.length ? h("span", { class: "warn-dot" }, ` ⚠ ${plural(d.warnings.length, "warning")} (see above)`) : null));
  }
}

let shown = null;   // { view, names, head }: what is on screen
let drawing = 0;    // increases with each showResults: a newer one stops an older one

/**
 * Shows an analysis: `first` = { head, facts } (the view's head and first page of fact
 * rows), `view(method, params)` answers for more rows, `texts` are the analyzed texts by
 * document id (for the source panel). Draws the summary and the facts table now, then
 * `onTable()` is called; returns a promise for when every section is drawn.
 */
export async function showResults(first, { view, texts, extra = [], onTable = null }) {
  const run = ++drawing;
  const { head } = first;
  const names = head.documents.map((d) => d.name);
  shown = { view, names, head };
  closeProvenance();
  setDocuments(head.documents, texts);

  el("summary").textContent = summaryLine(head.summary);
  el("summary-more").textContent = [
    plural(head.documents.length, "source"),
    plural(head.counts.entities, "entity", "entities"),
    `${plural(head.counts.quotes, "quotation")}${head.counts.groups ? ` (${plural(head.counts.groups, "group")} across sources)` : ""}`,
  ].join(" · ");
  el("facts-count").textContent = `(${head.counts.facts.toLocaleString("en")})`;
  el("facts-filter-count").textContent = filterCount(head.counts.notable, head.counts.facts);
  el("entities-count").textContent = `(${head.counts.entities.toLocaleString("en")})`;
  el("blind-count").textContent = `(${head.counts.blind.toLocaleString("en")})`;
  el("quotes-count").textContent = `(${head.counts.quotes.toLocaleString("en")})`;
  for (const id of ["entities", "quotes"]) clear(el(id));
  // The notices and the list of sources sit above the table: drawn with it (a few lines),
  // so that nothing above the table moves it once it is on screen.
  notices(head, extra);
  sourcesList(head);

  // 1. The facts table.
  el("results").hidden = false;
  const facts = el("facts");
  let ready = Promise.resolve();
  if (head.counts.facts) {
    const only = el("only-conflicts").checked;
    const answer = only ? await view("facts", { only: true }) : first.facts;
    if (run !== drawing) return;
    fitTables(names.length);
    ready = factsTable(facts, { first: answer, names, view, only, show: showSpan }).ready;
  } else {
    facts.replaceChildren(h("p", { class: "empty-note" }, "No figures to compare."));
  }
  onTable?.();
  // 2. The rest, each in a task of its own, once the table is on screen.
  await afterPaint();
  await ready;
  if (run !== drawing) return;
  if (head.counts.entities) {
    await entitiesTable(el("entities"), { names, view, only: () => el("only-blind").checked, show: showSpan }).ready;
  } else {
    el("entities").replaceChildren(h("p", { class: "empty-note" }, "No people, places or organisations found."));
  }
  await nextTask();
  if (run !== drawing) return;
  await quotesView(el("quotes"), { counts: head.counts, names, view, show: showSpan });
}

/**
 * Draws `sample` (the built-in example's rows, from the worker's warm-up) once, while the
 * person is still pasting, so their first Analyze does not pay for what a first drawing
 * costs: the drawing code is compiled, and the facts section (heading, legend, table) is
 * laid out once off screen and invisible, as wide as the real one, which fills the
 * browser's caches of fonts, text shaping and styles (the first table's layout then
 * takes about half as long). Nothing is shown; the copy is removed in the next task and
 * has no ids (nothing can find it).
 */
export async function warmDrawing(sample) {
  if (!sample) return;
  const names = sample.head.documents.map((d) => d.name);
  const view = (method) => Promise.resolve({ ...sample[method], rows: [] });
  const noop = () => {};
  const section = el("facts").closest("section");
  const stage = section.cloneNode(true);
  const box = stage.querySelector("#facts");
  factsTable(box, { first: sample.facts, names, view, only: false, show: noop });
  for (const n of [stage, ...stage.querySelectorAll("[id]")]) n.removeAttribute("id");
  stage.classList.add("offstage");
  stage.setAttribute("aria-hidden", "true");
  const main = el("results").parentElement;
  const pad = getComputedStyle(main);
  const width = main.clientWidth - parseFloat(pad.paddingLeft) - parseFloat(pad.paddingRight);
  stage.style.width = `${width}px`;
  box.classList.toggle("cards", width < MIN_WIDTH.facts(names.length));
  await nextTask();
  main.append(stage);
  void stage.offsetHeight;
  await nextTask();
  stage.remove();
  await entitiesTable(document.createElement("div"), { names, view: (m) => Promise.resolve(sample[m]), only: () => false, show: noop }).ready;
  await nextTask();
  await quotesView(document.createElement("div"), { counts: sample.head.counts, names, view: (m) => Promise.resolve(sample[m]), show: noop });
}

/**
 * Renders a whole Report held on this thread (a fixture, or a Report from elsewhere):
 * `texts` by document id, `extraNotices` remarks from the page itself.
 */
export function showReport(report, texts, extraNotices = []) {
  const view = localView(report);
  return Promise.all([view("head"), view("facts", {})]).then(([head, facts]) =>
    showResults({ head, facts }, { view, texts, extra: extraNotices }));
}

/**
 * Tables narrower than their columns need become cards (one per row, cells labelled
 * with their source), instead of cutting columns off or scrolling inside the page.
 */
const MIN_WIDTH = { facts: (n) => 240 + n * 105 + 250, entities: (n) => 220 + 90 + 70 + n * 105 };
let resize = null, sources = 1;
export function fitTables(n = sources) {
  sources = n;
  // Each box's section is observed (its own size is known even while an off-screen
  // section skips laying out its content); the box is as wide as its section.
  const apply = (entries) => {
    for (const e of entries) {
      const box = e.target.querySelector("#facts, #entities");
      if (box) box.classList.toggle("cards", e.contentRect.width < MIN_WIDTH[box.id](sources));
    }
  };
  // A ResizeObserver runs after layout and before paint, so reading the width costs no
  // layout of its own.
  if (!resize && typeof ResizeObserver === "function") {
    resize = new ResizeObserver(apply);
    resize.observe(el("facts").parentElement);
    resize.observe(el("entities").parentElement);
  }
  // When the number of sources changed, measure again (an observer reports a target's
  // size as soon as it is observed).
  for (const id of ["facts", "entities"]) {
    const box = el(id);
    if (resize && box.dataset.sources !== String(sources)) {
      box.dataset.sources = String(sources);
      resize.unobserve(box.parentElement);
      resize.observe(box.parentElement);
    }
  }
}

/** Wires the facts and entities filters and the source list. */
export function initResults() {
  el("only-blind").addEventListener("change", () => {
    const table = el("entities-table");
    if (table && shown) entitiesTable(el("entities"), { names: shown.names, view: shown.view, only: () => el("only-blind").checked, show: showSpan });
  });
  el("only-conflicts").addEventListener("change", async (ev) => {
    if (!shown || !shown.head.counts.facts) return;
    const only = ev.target.checked;
    const answer = await shown.view("facts", { only });
    factsTable(el("facts"), { first: answer, names: shown.names, view: shown.view, only, show: showSpan });
    const none = only && answer.total === 0;
    let note = el("facts").querySelector(".filter-empty");
    if (none && !note) el("facts").append(note = h("p", { class: "empty-note filter-empty", role: "status" }));
    if (note) note.textContent = none ? "No conflicts and no figures that change over time: every fact is shown when the filter is off." : "";
  });
  el("doc-list").addEventListener("click", (ev) => {
    const b = ev.target.closest("button.doc-link");
    if (b) showSpan({ doc: +b.dataset.doc }, b);
  });
}

/** Hides the results (e.g. after a failed analysis). */
export function hideResults() {
  closeProvenance();
  drawing++;
  el("results").hidden = true;
}
