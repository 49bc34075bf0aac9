// The entities table: one row per person, place or organisation, with the spellings each
// source used, sortable by name, kind and coverage. A blind spot is an entity most sources
// name and some leave out (www/view.js, isBlindSpot). Rows come a page at a time from the
// view, sorted and filtered there.

import { h, plural } from "./dom.js";
import { pageRows } from "./pager.js";
import { sourceKey } from "./facts-table.js";

export const KIND_LABEL = { person: "Person", org: "Organisation", place: "Place", other: "Other" };

/**
 * Draws the entities table into `box`; `view("entities", { from, sort, dir, only })` gives
 * rows. `only()`: whether the blind-spot filter is on. Returns `{ table, ready, redraw }`.
 */
export function entitiesTable(box, { names, view, only, show }) {
  let state = { sort: null, dir: 1 };
  const headers = {};
  const sortHeader = (key, label, cls) => {
    const th = h("th", { scope: "col", class: cls, "aria-sort": "none" },
      h("button", { type: "button", class: "sort", dataset: { sort: key } },
        label, h("span", { class: "sort-icon", "aria-hidden": "true" })));
    headers[key] = th;
    return th;
  };
  const head = h("tr", {},
    sortHeader("name", "Entity", "col-entity"),
    sortHeader("kind", "Kind", "col-kind"),
    sortHeader("coverage", "Sources", "col-coverage"),
    names.map((name, d) => h("th", { scope: "col", class: "col-doc" }, sourceKey(d), " ", name)),
  );
  const colgroup = h("colgroup", {}, h("col", { class: "col-entity" }), h("col", { class: "col-kind" }), h("col", { class: "col-coverage" }),
    names.map(() => h("col", { class: "col-doc" })));
  let body = h("tbody");
  const table = h("table", { class: "entities", id: "entities-table" },
    h("caption", { class: "visually-hidden" }, "Entities named by each source"),
    colgroup, h("thead", {}, head), body);
  box.replaceChildren(table);

  let pager = null;
  const redraw = () => {
    pager?.stop();
    const fresh = h("tbody");
    body.replaceWith(fresh);
    body = fresh;
    const params = { sort: state.sort, dir: state.dir, only: only() };
    pager = pageRows({
      body, noun: "entities", colspan: names.length + 3,
      draw: (rows) => rows.map((r) => entityRow(r, names)),
      fetch: (from) => view("entities", { ...params, from }),
    });
    return pager.ready.then(() => afterDraw(table, params.only));
  };
  table.addEventListener("click", (ev) => {
    const sort = ev.target.closest("button.sort");
    if (sort) {
      const key = sort.dataset.sort;
      const dir = state.sort === key ? -state.dir : (key === "coverage" ? -1 : 1);
      state = { sort: key, dir };
      for (const [name, th] of Object.entries(headers)) {
        th.setAttribute("aria-sort", name === key ? (dir === 1 ? "ascending" : "descending") : "none");
      }
      redraw();
      return;
    }
    const b = ev.target.closest("button.mention-link");
    if (b) {
      const d = b.dataset;
      show({ doc: +d.doc, start: +d.start, end: +d.end, sent: d.sent ? d.sent.split(",").map(Number) : null, what: d.what }, b);
    }
  });
  return { table, ready: redraw(), redraw };
}

/** Says so, after the table, when the filter leaves no row (an empty table is confusing). */
function afterDraw(table, only) {
  let note = table.nextElementSibling;
  if (!note || !note.classList.contains("filter-empty")) {
    note = h("p", { class: "empty-note filter-empty", role: "status" });
    table.after(note);
  }
  const none = only && !table.querySelector("tbody tr.entity-row");
  note.textContent = none ? "No blind spots: no entity that most sources name is left out by the others." : "";
  note.hidden = !none;
}

function entityRow(r, names) {
  const nameCell = h("th", { scope: "row", class: "col-entity" },
    h("span", { class: "entity-name" }, r.name),
    r.acronym && r.acronym !== r.name ? h("span", { class: "acronym" }, ` (${r.acronym})`) : null,
    r.roles.length ? h("div", { class: "roles" }, r.roles.join(", ")) : null,
    r.blind ? h("div", { class: "blind-tag" }, `Blind spot: not in ${r.missing.join(", ")}`) : null,
  );
  const cells = r.cells.map((c, d) => {
    if (!c.count) {
      return h("td", { class: "col-doc cell missing", dataset: { source: names[d], key: String(d + 1) } },
        h("span", { class: "none" }, "not mentioned"));
    }
    const td = h("td", { class: "col-doc cell", dataset: { source: names[d], key: String(d + 1) } },
      h("span", { class: "count" }, `×${c.count}`, h("span", { class: "visually-hidden" }, ` ${plural(c.count, "mention")}`)));
    for (const sp of c.spellings) {
      td.append(h("button", {
        type: "button", class: ["mention-link", sp.text === r.name ? "same" : ""],
        dataset: { doc: String(sp.doc), start: String(sp.start), end: String(sp.end), sent: sp.sent ? sp.sent.join(",") : "", what: `mention of ${r.name}` },
      }, sp.text));
    }
    if (c.more) td.append(h("span", { class: "count" }, `+${c.more} spellings`));
    return td;
  });
  return h("tr", {
    class: ["entity-row", r.blind ? "blind" : ""],
    dataset: { kind: r.kind, coverage: String(r.coverage), entity: String(r.id) },
  }, nameCell,
  h("td", { class: "col-kind", dataset: { source: "Kind", key: "" } }, h("span", { class: `kind kind-${r.kind}` }, KIND_LABEL[r.kind] || r.kind)),
  h("td", { class: "col-coverage", dataset: { source: "Sources", key: "" } }, `${r.coverage} of ${names.length}`),
  cells);
}
