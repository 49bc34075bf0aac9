//! The guarantees every [`Report`] keeps, whatever the input: checked by the property
//! tests (`tests/properties.rs`) and the fuzz targets (`fuzz/`), never at run time.
//!
//! - every span is inside its document, `start <= end`, in UTF-16 code units, on character
//!   boundaries, and slices the document's text to exactly the item's `text`;
//! - every `id` is the item's position, and every id an item names exists;
//! - every number the contract types as `number` is finite (`null` bounds mean
//!   "unbounded", so they must never stand for an overflow);
//! - sentences are in order and do not overlap.

use crate::report::{Article, Figure, Report};

/// The UTF-16 code units of a text and a slice of them as a `String` (what JavaScript's
/// `text.slice(start, end)` returns), or `None` when the span cuts a surrogate pair.
struct Units(Vec<u16>);

impl Units {
    fn slice(&self, start: u32, end: u32) -> Option<String> {
        String::from_utf16(self.0.get(start as usize..end as usize)?).ok()
    }
}

/// Checks `report` (of `articles`) against every guarantee above.
///
/// # Errors
/// The first guarantee broken, in words.
pub fn check(articles: &[Article], report: &Report) -> Result<(), String> {
    let units: Vec<Units> = articles.iter().map(|a| Units(a.text.encode_utf16().collect())).collect();
    if report.documents.len() != articles.len() {
        return Err(format!("{} documents for {} articles", report.documents.len(), articles.len()));
    }
    let span = |what: &str, doc: usize, start: u32, end: u32, text: Option<&str>| -> Result<(), String> {
        let u = units.get(doc).ok_or_else(|| format!("{what}: document {doc} does not exist"))?;
        if start > end || end as usize > u.0.len() {
            return Err(format!("{what}: span {start}..{end} outside 0..{}", u.0.len()));
        }
        let s = u.slice(start, end).ok_or_else(|| format!("{what}: span {start}..{end} cuts a character"))?;
        match text {
            Some(t) if t != s => Err(format!("{what}: span {start}..{end} slices to {s:?}, text is {t:?}")),
            _ => Ok(()),
        }
    };
    for (i, d) in report.documents.iter().enumerate() {
        if d.id != i || d.length as usize != units[i].0.len() {
            return Err(format!("document {i}: id {} length {}", d.id, d.length));
        }
        let mut last_end = 0;
        for s in &d.sentences {
            span("sentence", i, s.start, s.end, None)?;
            if s.start < last_end || s.start == s.end {
                return Err(format!("document {i}: sentence {}..{} overlaps or is empty", s.start, s.end));
            }
            last_end = s.end;
        }
        for f in &d.furniture {
            span("furniture", i, f.start, f.end, None)?;
        }
    }
    for (i, f) in report.figures.iter().enumerate() {
        if f.id != i {
            return Err(format!("figure {i} has id {}", f.id));
        }
        span("figure", f.doc, f.start, f.end, Some(&f.text))?;
        figure_numbers(f)?;
        sentence_index("figure", report, f.doc, f.sentence)?;
    }
    for (i, e) in report.entities.iter().enumerate() {
        if e.id != i {
            return Err(format!("entity {i} has id {}", e.id));
        }
        for m in &e.mentions {
            span("mention", m.doc, m.start, m.end, Some(&m.text))?;
            sentence_index("mention", report, m.doc, m.sentence)?;
        }
    }
    for (i, q) in report.quotes.iter().enumerate() {
        if q.id != i {
            return Err(format!("quote {i} has id {}", q.id));
        }
        span("quote", q.doc, q.start, q.end, Some(&q.text))?;
        if q.speaker.is_some_and(|s| s >= report.entities.len()) {
            return Err(format!("quote {i}: speaker {:?} does not exist", q.speaker));
        }
    }
    for (i, g) in report.quote_groups.iter().enumerate() {
        if g.id != i || g.quotes.iter().any(|&q| q >= report.quotes.len()) || !g.similarity.is_finite() {
            return Err(format!("quote group {i}: {g:?}"));
        }
    }
    for (i, fact) in report.facts.iter().enumerate() {
        if fact.id != i || fact.figures.iter().chain(&fact.timeline).any(|&f| f >= report.figures.len()) {
            return Err(format!("fact {i}: id {} or a figure that does not exist", fact.id));
        }
        if fact.outliers.iter().any(|&d| d >= report.documents.len()) {
            return Err(format!("fact {i}: an outlier document that does not exist"));
        }
        let ends = fact.bounds.iter().flatten().chain(fact.consensus.iter().flatten());
        if ends.flatten().any(|x| !x.is_finite()) {
            return Err(format!("fact {i}: a bound that is not finite"));
        }
    }
    Ok(())
}

/// Checks the figures of `extract_figures(text)` (document 0 of `text`).
///
/// # Errors
/// The first guarantee broken, in words.
pub fn check_figures(text: &str, figures: &[Figure]) -> Result<(), String> {
    let units = Units(text.encode_utf16().collect());
    for (i, f) in figures.iter().enumerate() {
        if f.id != i || f.doc != 0 {
            return Err(format!("figure {i}: id {} doc {}", f.id, f.doc));
        }
        if f.start > f.end || f.end as usize > units.0.len() {
            return Err(format!("figure {i}: span {}..{} outside 0..{}", f.start, f.end, units.0.len()));
        }
        if units.slice(f.start, f.end).as_deref() != Some(f.text.as_str()) {
            return Err(format!("figure {i}: span {}..{} does not slice to {:?}", f.start, f.end, f.text));
        }
        figure_numbers(f)?;
    }
    Ok(())
}

fn figure_numbers(f: &Figure) -> Result<(), String> {
    let ends = [f.low, f.high].into_iter().flatten().chain(f.range.into_iter().flatten());
    if !f.value.is_finite() || ends.clone().any(|x| !x.is_finite()) {
        return Err(format!("figure {:?}: a number that is not finite", f.text));
    }
    if matches!((f.low, f.high), (Some(l), Some(h)) if l > h) {
        return Err(format!("figure {:?}: low {:?} above high {:?}", f.text, f.low, f.high));
    }
    Ok(())
}

fn sentence_index(what: &str, report: &Report, doc: usize, sentence: usize) -> Result<(), String> {
    let n = report.documents.get(doc).map_or(0, |d| d.sentences.len());
    if sentence >= n.max(1) {
        return Err(format!("{what}: sentence {sentence} of document {doc}, which has {n}"));
    }
    Ok(())
}
