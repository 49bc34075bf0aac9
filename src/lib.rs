//! # crosscheck
//!
//! Compares news reports of the same event. Given several articles, [`analyze`] finds every
//! figure each source gives (as an interval: value, bounds, unit, concept, event), the
//! people, places and organisations each names (merged across spellings), and the
//! quotations each attributes; then groups figures into facts and judges agreement by
//! interval logic, and aligns quotations across sources.
//!
//! The flow of data is one-way:
//!
//! ```text
//! articles -> text (sentences, furniture, offsets)
//!          -> figures / entities / quotes (per document, UTF-8 byte spans)
//!          -> compare (facts, statuses) and quote alignment (across documents)
//!          -> Report (spans converted to UTF-16 once, at the end)
//! ```
//!
//! The core is plain Rust with no WebAssembly types; `src/wasm.rs` is the only module that
//! knows wasm-bindgen, and `src/bin/crosscheck.rs` is the command-line tool.

pub mod compare;
pub mod entities;
pub mod figures;
pub mod hash;
pub mod input;
pub mod invariants;
pub mod lexicon;
pub mod quotes;
pub mod reading;
pub mod render;
pub mod report;
pub mod sort;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use report::{
    Article, Document, Entity, EntityKind, Fact, Figure, FigureKind, Mention, Quote, QuoteGroup,
    Report, Span, Status, Summary,
};

use text::{TextDoc, Utf16Map};

/// Version of the core, written into every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Analyzes a set of articles about the same event and returns the comparison.
///
/// Never fails: empty, binary-looking, HTML-looking or very short inputs are analyzed as
/// far as they can be and described in `Document::warnings` and `Report::notices`.
/// Input limits are checked by [`input::validate`] at the boundaries (page, CLI).
pub fn analyze(articles: &[Article]) -> Report {
    analyze_with_progress(articles, &mut |_, _| {})
}

/// Share of an analysis done after each stage, from the stages' measured cost
/// (`bench/stage_cost.sh`: text 0.9, figures 3.0, entities 5.3, quotes 2.5, compare 1.5
/// of 14.4 M instructions; the rest is spans and serialization).
const STAGE_DONE: [(f64, &str); 5] = [(0.06, "figures"), (0.27, "names"), (0.63, "quotations"), (0.81, "facts"), (0.91, "report")];

/// [`analyze`], calling `progress(done, next)` between stages with the share of the work
/// done (0 to 1, by the stages' measured cost) and the name of the stage that starts
/// ("figures", "names", "quotations", "facts", "report"), so a page can show progress on
/// long inputs.
pub fn analyze_with_progress(articles: &[Article], progress: &mut dyn FnMut(f64, &str)) -> Report {
    let mut stage = STAGE_DONE.iter();
    let mut step = || {
        if let Some((done, next)) = stage.next() {
            progress(*done, next);
        }
    };
    let docs: Vec<TextDoc> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut d = TextDoc::new(i, &a.text);
            d.furniture.extend(input::markup_spans(&a.text));
            sort::by_key(&mut d.furniture, |r| [sort::int(r.start), sort::int(r.end), 0]);
            d
        })
        .collect();

    // Per document: figures. Ids are positions in the final list.
    step();
    let mut figures = figures::extract_all(&docs);
    step();
    // Across documents: entities, quotes, facts (still in byte offsets).
    let entities = entities::analyze(&docs);
    step();
    let (quotes, quote_groups) = quotes::analyze(&docs, &entities);
    step();
    // Sources about different events (too few shared names) are never compared.
    let topics = compare::topics::topics(docs.len(), &entities);
    // What each figure counts or measures, its event, scope and time, read once.
    let readings = reading::read_all(&docs, &figures, &entities, &topics);
    reading::annotate(&mut figures, &readings);
    let facts = compare::group_readings(&docs, &figures, readings);
    step();

    let mut report = Report {
        version: VERSION.to_string(),
        documents: Vec::with_capacity(docs.len()),
        figures,
        entities,
        facts,
        quotes,
        quote_groups,
        summary: Summary::default(),
        notices: Vec::new(),
    };
    to_utf16(&mut report, articles, docs);
    // Notes name documents "Source N" inside the core; use the names the person gave
    // in one pass over each note (compare::name_sources).
    let names: Vec<&str> = report.documents.iter().map(|d| d.name.as_str()).collect();
    for f in &mut report.facts {
        f.note = compare::name_sources(&f.note, &names);
        f.verdict = compare::name_sources(&f.verdict, &names);
    }
    report.summary = summarize(&report);
    report.notices = input::notices(articles, &report);
    if let Some(n) = compare::topics::notice(&topics, &names) {
        report.notices.push(n);
    }
    report
}

/// Converts every byte span of `report` to UTF-16 and fills `documents`. The documents'
/// sentence and furniture lists are converted where they lie (the wasm build reuses their
/// memory), not copied: one sentence per two bytes is possible input.
fn to_utf16(report: &mut Report, articles: &[Article], docs: Vec<TextDoc>) {
    let maps: Vec<Utf16Map> = articles.iter().map(|a| Utf16Map::new(&a.text)).collect();
    let conv = |doc: usize, b: u32| -> u32 { maps.get(doc).map(|m| m.to_utf16(b as usize)).unwrap_or(b) };
    for (i, (a, d)) in articles.iter().zip(docs).enumerate() {
        let m = &maps[i];
        let span = |r: &std::ops::Range<usize>| Span { start: m.to_utf16(r.start), end: m.to_utf16(r.end) };
        report.documents.push(Document {
            id: i,
            name: if a.name.trim().is_empty() { format!("Source {}", i + 1) } else { a.name.trim().to_string() },
            length: m.len_utf16(),
            sentences: d.sentences.into_iter().map(|r| span(&r)).collect(),
            furniture: d.furniture.into_iter().map(|r| span(&r)).collect(),
            warnings: input::warnings(&a.text),
        });
    }
    for f in &mut report.figures {
        f.start = conv(f.doc, f.start);
        f.end = conv(f.doc, f.end);
    }
    for e in &mut report.entities {
        for m in &mut e.mentions {
            m.start = conv(m.doc, m.start);
            m.end = conv(m.doc, m.end);
        }
    }
    for q in &mut report.quotes {
        q.start = conv(q.doc, q.start);
        q.end = conv(q.doc, q.end);
    }
}

/// Counts for the summary line.
fn summarize(r: &Report) -> Summary {
    let count = |s: Status| r.facts.iter().filter(|f| f.status == s).count();
    Summary {
        facts: r.facts.len(),
        agree: count(Status::Agree),
        consistent: count(Status::Consistent),
        conflict: count(Status::Conflict),
        single: count(Status::Single),
        changing: r.facts.iter().filter(|f| f.changing).count(),
        entities: r.entities.len(),
        quotes: r.quotes.len(),
        quote_groups: r.quote_groups.len(),
    }
}

/// Extracts the figures of one text on its own (no comparison): what `crosscheck extract`
/// prints per input line. Spans are UTF-16 code units of `text`; `doc` is 0.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    let mut doc = TextDoc::new(0, text);
    doc.furniture.extend(input::markup_spans(text));
    sort::by_key(&mut doc.furniture, |r| [sort::int(r.start), sort::int(r.end), 0]);
    let map = Utf16Map::new(text);
    figures::extract(&doc)
        .into_iter()
        .enumerate()
        .map(|(i, mut f)| {
            f.id = i;
            f.doc = 0;
            f.start = map.to_utf16(f.start as usize);
            f.end = map.to_utf16(f.end as usize);
            f
        })
        .collect()
}

/// Helpers for the crate's own unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    /// Each seed article of ../shared/seeds repeated `times` times (paragraph-separated),
    /// in file order; `None`, with a notice, when the seeds are absent.
    pub fn repeated_seeds(times: usize) -> Option<Vec<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
        let Ok(rd) = std::fs::read_dir(&dir) else {
            eprintln!("seeds not found at {}: skipping", dir.display());
            return None;
        };
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        Some(paths.iter().map(|p| vec![std::fs::read_to_string(p).unwrap_or_default(); times].join("\n\n")).collect())
    }

    /// Best time of `runs` calls of `f`, in microseconds (for the on-demand step timings).
    pub fn best_us(runs: usize, f: &mut dyn FnMut()) -> f64 {
        (0..runs)
            .map(|_| {
                let t0 = std::time::Instant::now();
                f();
                t0.elapsed().as_secs_f64() * 1e6
            })
            .fold(f64::MAX, f64::min)
    }
}
