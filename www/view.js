// The Report as the page reads it: rows for the two tables and groups for the quotations,
// made by joining the Report's ids to its objects. It runs where the Report lives: in the
// worker after an analysis (so a Report of hundreds of thousands of items never crosses to
// the page's main thread whole) and on the main thread for a Report handed to
// showReport(). It answers a page of rows at a time, so the page draws a few hundred rows
// per task. It reshapes and judges nothing: statuses, verdicts, consensus, outliers,
// timelines and quote groups come from the core as they are.
//
// No DOM here: plain data in, plain data out (structured-clonable).

import { diffGroup } from "./diff.js";

/** Rows per answer, unless asked otherwise: a page a task draws well within 100 ms. */
export const PAGE = 50;
/** Figures shown in one cell before "N more"; the rest are listed on demand up to MAX_CELL. */
export const SHOWN = 4;
const MAX_CELL = 60;
/** Distinct spellings listed per entity cell. */
const MAX_SPELLINGS = 8;
/** Steps of a timeline listed under a changing fact. */
const MAX_STEPS = 12;
/** Figures drawn in one range plot. */
export const MAX_LINES = 12;

const finite = (x) => typeof x === "number" && Number.isFinite(x);
const num = (x) => x.toLocaleString("en", { maximumFractionDigits: 1 });

/** "100–1,000" for a range written without digits ("hundreds of people"), else "" (a
 * duration in words, "six months", is not a range). */
export function wordBand(f) {
  if (!f.range || /\d/.test(f.text) || !finite(f.low) || !finite(f.high) || !(f.high > f.low)) return "";
  return `${num(f.low)}–${num(f.high)}`;
}

/** The label as a heading: first letter capitalised ("people killed" → "People killed"). */
export function displayLabel(label) {
  const t = (label || "").trim();
  return t ? t[0].toUpperCase() + t.slice(1) : "(Unlabelled fact)";
}

/**
 * True when an entity is a blind spot: most sources name it (more than half), but not
 * all. An entity named by one source of six says nothing about the other five.
 */
export function isBlindSpot(coverage, sources) {
  return sources > 1 && coverage < sources && coverage * 2 > sources;
}

/** The view of `report`: see the methods below. */
export function makeView(report) {
  const docs = report.documents;
  const n = docs.length;
  const figures = report.figures;
  const sent = (doc, i) => {
    const s = docs[doc]?.sentences?.[i];
    return s ? [s.start, s.end] : null;
  };
  const figureOut = (f) => ({
    id: f.id, doc: f.doc, start: f.start, end: f.end, text: f.text, sent: sent(f.doc, f.sentence),
    time: f.time || null, attribution: f.attribution || null, band: wordBand(f),
  });

  // Facts: ids of the rows the "only conflicts and changes" filter keeps, made once.
  let notable = null;
  const notableIds = () => notable ??= report.facts.filter((f) => f.status === "conflict" || f.changing).map((f) => f.id);

  const factRow = (fact) => {
    const figs = fact.figures.map((id, k) => [figures[id], k]).filter(([f]) => f);
    const byDoc = Array.from({ length: n }, () => []);
    for (const [f] of figs) byDoc[f.doc]?.push(f);
    const cells = byDoc.map((mine) => ({
      figs: mine.slice(0, SHOWN).map(figureOut),
      total: mine.length,
    }));
    // The values in time order: a value said again right after (a headline and its body,
    // a long page repeating it) is one step; at most MAX_STEPS steps, the rest counted.
    const timeline = [];
    let moreSteps = 0;
    if (fact.changing && fact.timeline?.length) {
      let prev = null;
      for (const id of fact.timeline) {
        const f = figures[id];
        if (!f) continue;
        const key = `${f.text}|${f.time}|${f.doc}`;
        if (key === prev) continue;
        prev = key;
        if (timeline.length < MAX_STEPS) timeline.push({ text: f.text, time: f.time || null, doc: f.doc });
        else moreSteps++;
      }
    }
    return {
      id: fact.id, label: fact.label, unit: fact.unit, status: fact.status, changing: !!fact.changing,
      verdict: fact.verdict || fact.note || "", outliers: fact.outliers || [],
      cells, timeline, moreSteps, plot: plotLines(fact, figs),
      // A part of another fact (the core puts parts right after their total).
      partOf: fact.parts_of ?? null,
      partOfLabel: fact.parts_of != null ? report.facts[fact.parts_of]?.label ?? "" : "",
      parts: fact.parts?.length || 0,
    };
  };

  // The plot's lines: time order when the fact changes (then the figures the timeline
  // leaves out), else as given; each figure's interval in the fact's unit (`fact.bounds`,
  // from the core: the page converts no units).
  const plotLines = (fact, figs) => {
    const timeline = fact.changing && fact.timeline ? fact.timeline : [];
    const inTimeline = new Set(timeline);
    const order = [...timeline, ...fact.figures.filter((id) => !inTimeline.has(id))];
    const index = new Map(fact.figures.map((id, k) => [id, k]));
    const all = order.map((id) => figures[id]).filter(Boolean);
    const lines = all.slice(0, MAX_LINES).map((f) => {
      const k = index.get(f.id);
      const b = fact.bounds && fact.bounds[k];
      const line = { doc: f.doc, text: f.text, time: f.time || null, range: !!f.range, lowInc: f.low_inclusive, highInc: f.high_inclusive };
      if (b) return { ...line, low: b[0], high: b[1], value: finite(b[2]) ? b[2] : null };
      if (fact.unit && f.unit && f.unit !== fact.unit) return { ...line, otherUnit: f.unit };
      return { ...line, low: f.low, high: f.high, value: f.value };
    });
    return { lines, more: all.length - lines.length, consensus: fact.consensus || null, outliers: fact.outliers || [], log: null };
  };

  // Entities: how many sources name each, and which are blind spots, made once in one
  // pass over the mentions (typed arrays: a Report can hold a hundred thousand entities).
  let cov = null, blindOf = null, blindCount = 0;
  const info = () => {
    if (cov) return;
    const E = report.entities.length;
    cov = new Int32Array(E);
    blindOf = new Uint8Array(E);
    const stamp = new Int32Array(n).fill(-1);
    report.entities.forEach((e, i) => {
      let c = 0;
      for (const m of e.mentions) if (m.doc < n && stamp[m.doc] !== i) { stamp[m.doc] = i; c++; }
      cov[i] = c;
      if (isBlindSpot(c, n)) { blindOf[i] = 1; blindCount++; }
    });
  };
  const KIND_ORDER = { person: 0, org: 1, place: 2, other: 3 };
  const sorted = new Map();
  const entityOrder = (sort, dir, only) => {
    const key = `${sort}|${dir}|${only}`;
    if (sorted.has(key)) return sorted.get(key);
    info();
    const ents = report.entities;
    let ids = ents.map((_, i) => i);
    if (only) ids = ids.filter((i) => blindOf[i]);
    const k = sort === "name" ? (i) => ents[i].name.toLowerCase()
      : sort === "kind" ? (i) => KIND_ORDER[ents[i].kind] ?? 9
        : sort === "coverage" ? (i) => cov[i] : null;
    if (k) {
      const keys = new Map(ids.map((i) => [i, k(i)]));
      ids.sort((a, b) => { const x = keys.get(a), y = keys.get(b); return (x < y ? -1 : x > y ? 1 : 0) * dir || a - b; });
    }
    sorted.set(key, ids);
    return ids;
  };
  const entityRow = (index) => {
    const e = report.entities[index];
    info();
    const coverage = cov[index], blind = !!blindOf[index];
    const byDoc = Array.from({ length: n }, () => ({ count: 0, spellings: [], more: 0 }));
    for (const m of e.mentions) {
      const c = byDoc[m.doc];
      if (!c) continue;
      c.count++;
      const s = c.spellings.find((x) => x.text === m.text);
      if (s) s.n++;
      else if (c.spellings.length < MAX_SPELLINGS) c.spellings.push({ text: m.text, n: 1, doc: m.doc, start: m.start, end: m.end, sent: sent(m.doc, m.sentence), role: m.role || null });
      else c.more++;
    }
    return {
      id: e.id, name: e.name, kind: e.kind, acronym: e.acronym, roles: e.roles || [], coverage, blind,
      missing: blind ? docs.filter((d, i) => byDoc[i].count === 0).map((d) => d.name) : [],
      cells: byDoc,
    };
  };

  // Quotations: groups with their quotes and word differences; the rest, one source each.
  const quoteOut = (q) => ({
    id: q.id, doc: q.doc, start: q.start, end: q.end, text: q.text, sent: sent(q.doc, q.sentence),
    speaker_text: q.speaker_text || null, marked: q.marked !== false,
  });
  let singles = null;
  const singleIds = () => {
    if (singles) return singles;
    const grouped = new Set();
    for (const g of report.quote_groups) for (const id of g.quotes) grouped.add(id);
    singles = report.quotes.filter((q) => !grouped.has(q.id)).map((q) => q.id);
    return singles;
  };
  const speakerName = (speaker, quotes) => {
    const ents = report.entities;
    if (speaker !== null && speaker !== undefined && ents[speaker]) return ents[speaker].name;
    const q = quotes.find((q) => q.speaker !== null && q.speaker !== undefined && ents[q.speaker]);
    if (q) return ents[q.speaker].name;
    // No entity: the fullest way a source wrote the speaker ("Okafor-Lind" rather than "he").
    const written = quotes.map((q) => q.speaker_text).filter(Boolean).sort((a, b) => b.length - a.length);
    return written.length ? written[0] : "Unknown speaker";
  };

  const slice = (ids, from, count) => ids.slice(Math.max(0, from | 0), Math.max(0, from | 0) + (count || PAGE));

  return {
    /** Summary, notices, sources and counts: what the page shows above the tables. */
    head() {
      const perDoc = new Array(n).fill(0);
      for (const f of figures) if (f.doc < n) perDoc[f.doc]++;
      info();
      const blind = blindCount;
      return {
        version: report.version,
        summary: report.summary,
        notices: report.notices || [],
        documents: docs.map((d, i) => ({ id: d.id, name: d.name, length: d.length, warnings: d.warnings || [], figures: perDoc[i] })),
        counts: { facts: report.facts.length, notable: notableIds().length, entities: report.entities.length, blind, quotes: report.quotes.length, groups: report.quote_groups.length, singles: singleIds().length },
      };
    },
    /** Fact rows `from`..`from+count`; `only`: conflicts and changing facts only. */
    facts({ from = 0, count = PAGE, only = false } = {}) {
      const ids = only ? notableIds() : null;
      const total = ids ? ids.length : report.facts.length;
      const pick = ids ? slice(ids, from, count).map((id) => report.facts[id]) : slice(report.facts, from, count);
      return { total, from, rows: pick.map(factRow) };
    },
    /** The figures of one fact's cell after the first SHOWN (its "N more" list), at most MAX_CELL. */
    cell({ fact, doc }) {
      const f = report.facts[fact];
      if (!f) return [];
      return f.figures.map((id) => figures[id]).filter((g) => g && g.doc === doc).slice(SHOWN, SHOWN + MAX_CELL).map(figureOut);
    },
    /** Entity rows sorted by `sort` ("name", "kind", "coverage" or none) in `dir` (1 / -1). */
    entities({ from = 0, count = PAGE, sort = null, dir = 1, only = false } = {}) {
      const ids = entityOrder(sort, dir, only);
      return { total: ids.length, from, rows: slice(ids, from, count).map(entityRow) };
    },
    /** Quote groups `from`..`from+count`, each with its quotes and word differences. */
    groups({ from = 0, count = PAGE } = {}) {
      const gs = report.quote_groups.slice(from, from + count);
      return {
        total: report.quote_groups.length, from,
        rows: gs.map((g) => {
          const quotes = g.quotes.map((id) => report.quotes[id]).filter(Boolean);
          const diffs = diffGroup(quotes.map((q) => q.text));
          return {
            id: g.id, similarity: g.similarity, speaker: speakerName(g.speaker, quotes),
            identical: quotes.every((q) => q.text === quotes[0].text),
            quotes: quotes.map((q, i) => ({ ...quoteOut(q), segments: diffs[i] || null })),
          };
        }),
      };
    },
    /** Quotations in one source only, `from`..`from+count`. */
    singles({ from = 0, count = PAGE } = {}) {
      const ids = singleIds();
      return { total: ids.length, from, rows: slice(ids, from, count).map((id) => quoteOut(report.quotes[id])) };
    },
  };
}
