// Aligned quotations: each quote group side by side across sources, with the words that
// differ from the first source's version highlighted; quotations found in one source only
// are listed below. Speakers, grouping and word differences come from the view
// (www/view.js), a page of groups at a time.

import { h, plural } from "./dom.js";
import { pageRows } from "./pager.js";

/** "87% similar"; rounded down, so quotations that differ never read "100% similar". */
export function similarityText(similarity, identical) {
  if (identical) return "identical";
  return `${Math.min(99, Math.floor(similarity * 100))}% similar`;
}

function quoteBlock(q, names) {
  const docName = names[q.doc] ?? `Source ${q.doc + 1}`;
  const text = h("button", {
    type: "button", class: "quote-text",
    dataset: { doc: String(q.doc), start: String(q.start), end: String(q.end), sent: q.sent ? q.sent.join(",") : "", what: "quotation" },
  });
  if (q.segments) {
    for (const seg of q.segments) text.append(seg.changed ? h("span", { class: "chg" }, seg.text) : seg.text);
  } else {
    text.append(q.text);
  }
  return h("div", { class: ["quote", q.marked ? "" : "unmarked"], dataset: { quote: String(q.id) } },
    h("div", { class: "quote-source" }, docName,
      q.speaker_text ? h("span", { class: "said-by" }, ` — ${q.speaker_text}`) : null,
      q.marked ? null : h("span", { class: "tag" }, "paraphrase: found without quotation marks")),
    text);
}

/**
 * Draws the quotations into `box`: `counts` from the view's head ({ groups, singles,
 * quotes }); `view(method, params)` gives pages. Resolves when the first pages are drawn.
 */
export function quotesView(box, { counts, names, view, show }) {
  box.replaceChildren();
  box.onclick = (ev) => {
    const b = ev.target.closest("button.quote-text");
    if (!b) return;
    const d = b.dataset;
    show({ doc: +d.doc, start: +d.start, end: +d.end, sent: d.sent ? d.sent.split(",").map(Number) : null, what: d.what }, b);
  };
  const waits = [];
  if (counts.groups) {
    const list = h("div", { class: "quote-groups" });
    box.append(list, h("p", { class: "legend" },
      h("span", { class: "chg" }, "Highlighted"), " words differ from the first source's wording; the similarity is that of the least similar pair."));
    waits.push(pageRows({
      body: list, noun: "quotation groups",
      fetch: (from) => view("groups", { from }),
      draw: (rows) => rows.map((g) => h("article", { class: "quote-group", dataset: { group: String(g.id) } },
        h("header", {},
          h("span", { class: "speaker" }, g.speaker),
          h("span", { class: "similarity" }, similarityText(g.similarity, g.identical)),
          h("span", { class: "muted" }, plural(g.quotes.length, "source"))),
        h("div", { class: "quote-row" }, g.quotes.map((q) => quoteBlock(q, names))))),
    }).ready);
  }
  if (counts.singles) {
    const list = h("div", { class: "quote-list" });
    box.append(h("details", { class: "single-quotes", open: counts.groups === 0 },
      h("summary", {}, `Quotations in one source only (${counts.singles.toLocaleString("en")})`), list));
    waits.push(pageRows({
      body: list, noun: "quotations",
      fetch: (from) => view("singles", { from }),
      draw: (rows) => rows.map((q) => quoteBlock(q, names)),
    }).ready);
  }
  if (!counts.quotes) box.append(h("p", { class: "empty-note" }, "No quotations found."));
  return Promise.all(waits);
}
