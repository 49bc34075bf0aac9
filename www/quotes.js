// Aligned quotations: each quote group side by side across sources, with the words that
// differ from the first source's version highlighted; quotations found in one source only
// are listed below. Speakers and grouping come from the Report.

import { h, plural } from "./dom.js";
import { diffGroup } from "./diff.js";

function speakerName(report, speaker, quotes) {
  if (speaker !== null && speaker !== undefined && report.entities[speaker]) return report.entities[speaker].name;
  const q = quotes.find((q) => q.speaker !== null && report.entities[q.speaker]);
  if (q) return report.entities[q.speaker].name;
  // No entity: the fullest way a source wrote the speaker ("Okafor-Lind" rather than "he").
  const written = quotes.map((q) => q.speaker_text).filter(Boolean).sort((a, b) => b.length - a.length);
  return written.length ? written[0] : "Unknown speaker";
}

/** "87% similar"; rounded down, so quotations that differ never read "100% similar". */
export function similarityText(similarity, quotes) {
  const same = quotes.every((q) => q.text === quotes[0].text);
  if (same) return "identical";
  return `${Math.min(99, Math.floor(similarity * 100))}% similar`;
}

function quoteBlock(report, q, segments, show) {
  const doc = report.documents[q.doc];
  const docName = doc ? doc.name : `Source ${q.doc + 1}`;
  const text = h("button", {
    type: "button", class: "quote-text",
    dataset: { doc: String(q.doc), start: String(q.start), end: String(q.end) },
    title: `Show in ${docName}`,
    on: { click: (ev) => show({ doc: q.doc, start: q.start, end: q.end, sentence: q.sentence, text: q.text, what: "quotation" }, ev.currentTarget) },
  });
  if (segments) {
    for (const seg of segments) text.append(seg.changed ? h("span", { class: "chg" }, seg.text) : seg.text);
  } else {
    text.append(q.text);
  }
  return h("div", { class: ["quote", q.marked ? "" : "unmarked"], dataset: { quote: String(q.id) } },
    h("div", { class: "quote-source" }, docName,
      q.speaker_text ? h("span", { class: "said-by" }, ` — ${q.speaker_text}`) : null,
      q.marked ? null : h("span", { class: "tag", title: "Found without quotation marks: a reported sentence" }, "paraphrase")),
    text);
}

/** The quotes section content. */
export function quotesView(report, show) {
  const wrap = h("div", { class: "quotes-view" });
  const grouped = new Set();
  for (const g of report.quote_groups) {
    const quotes = g.quotes.map((id) => report.quotes[id]).filter(Boolean);
    quotes.forEach((q) => grouped.add(q.id));
    const diffs = diffGroup(quotes.map((q) => q.text));
    const card = h("article", { class: "quote-group", dataset: { group: String(g.id) } },
      h("header", {},
        h("span", { class: "speaker" }, speakerName(report, g.speaker, quotes)),
        h("span", { class: "similarity", title: "Similarity of the least similar pair" },
          similarityText(g.similarity, quotes)),
        h("span", { class: "muted" }, plural(quotes.length, "source"))),
      h("div", { class: "quote-row" }, quotes.map((q, i) => quoteBlock(report, q, diffs[i], show))));
    wrap.append(card);
  }
  if (report.quote_groups.length) {
    wrap.append(h("p", { class: "legend" },
      h("span", { class: "chg" }, "highlighted"), " words differ from the first source's wording."));
  }
  const singles = report.quotes.filter((q) => !grouped.has(q.id));
  if (singles.length) {
    const list = h("div", { class: "quote-list" }, singles.map((q) => quoteBlock(report, q, null, show)));
    wrap.append(h("details", { class: "single-quotes", open: report.quote_groups.length === 0 },
      h("summary", {}, `Quotations in one source only (${singles.length})`), list));
  }
  if (!report.quotes.length) wrap.append(h("p", { class: "empty-note" }, "No quotations found."));
  return wrap;
}
