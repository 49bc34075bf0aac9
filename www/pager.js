// Long lists drawn a page at a time: the first page at once, the next when the person
// scrolls near the end (or presses "Show more"), each page in a task of its own, so a
// table of 100,000 rows neither freezes the page nor fills it with millions of nodes.

import { h, afterPaint } from "./dom.js";

/** Rows drawn in the first task (a screenful: the rest are below the fold), then in each later one. */
const FIRST = 6, CHUNK = 25;
/** The default first chunk: FIRST rows. */
const firstRows = (rows) => Math.min(rows.length, FIRST);

/**
 * Appends rows to `body` from `fetch(from) -> Promise<{ total, rows }>` with
 * `draw(rows) -> Node[]`. `first`: an answer already at hand for `from = 0`. `more`:
 * where the "Show more" line goes (after `body`, or at its end when it is a <tbody>).
 * `noun`: what the rows are ("facts"), for the line. `firstCount(rows)`: how many of the
 * first answer's rows to draw in the first task (a screenful), the rest after the browser
 * has painted them. Resolves when the first page is drawn; returns `{ stop() }` to detach
 * (when the list is drawn anew).
 */
export function pageRows({ body, fetch, draw, first = null, noun = "rows", colspan = 1, firstCount = firstRows }) {
  let shown = 0, total = 0, loading = null, stopped = false;
  const isTable = body.tagName === "TBODY";
  const button = h("button", { type: "button", class: "btn small show-more" });
  const text = h("span", { class: "muted" });
  const line = isTable
    ? h("tr", { class: "more-row" }, h("td", { colspan }, text, " ", button))
    : h("p", { class: "more-row" }, text, " ", button);
  const observer = typeof IntersectionObserver === "function"
    ? new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) next(); }, { rootMargin: "600px 0px" })
    : null;

  const update = () => {
    if (shown >= total) {
      line.remove();
      observer?.disconnect();
      return;
    }
    text.textContent = `Showing ${shown.toLocaleString("en")} of ${total.toLocaleString("en")} ${noun}.`;
    button.textContent = `Show ${Math.min(total - shown, 50).toLocaleString("en")} more`;
    if (isTable) body.append(line); else body.after(line);
    // Observed afresh: an observer reports a new target's state at once, so a line still
    // in reach after a page is drawn brings the next page.
    observer?.unobserve(line);
    observer?.observe(line);
  };
  // An answer is drawn a chunk of rows a task: the first at once (the table appears in
  // the task that has the answer), the rest after.
  const add = async (answer) => {
    started = true;
    if (stopped) return;
    total = answer.total;
    for (let k = 0; k < answer.rows.length;) {
      if (k > 0) {
        // The next chunk after the browser has painted this one.
        await afterPaint();
        if (stopped) return;
      }
      const rows = answer.rows.slice(k, k + (k === 0 && shown === 0 ? Math.max(1, firstCount(answer.rows)) : CHUNK));
      k += rows.length;
      body.append(...draw(rows));
      shown += rows.length;
      if (shown === rows.length) update();
    }
    update();
  };
  let started = false;
  const next = () => {
    if (loading || stopped || (started && shown >= total)) return loading || Promise.resolve();
    started = true;
    loading = fetch(shown).then(add).finally(() => { loading = null; });
    return loading;
  };
  button.addEventListener("click", next);
  const ready = first ? (loading = add(first).finally(() => { loading = null; })) : next();
  return { ready, stop() { stopped = true; observer?.disconnect(); line.remove(); } };
}
