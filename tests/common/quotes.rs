//! Helpers of the quotation tests on our own news (quotes_general, quotes_styles,
//! quotes_transcripts).

use crosscheck::{analyze, Article, Quote, Report};

/// The report of `texts`, one article each (named s0, s1, ...).
pub fn run(texts: &[&str]) -> Report {
    let arts: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article { name: format!("s{i}"), text: t.to_string() }).collect();
    analyze(&arts)
}

/// The quotation whose text contains `part`.
pub fn quote<'a>(r: &'a Report, part: &str) -> &'a Quote {
    r.quotes.iter().find(|q| q.text.contains(part)).unwrap_or_else(|| panic!("no quote with {part:?} in {:#?}", r.quotes))
}

/// The name of the speaker entity of the quotation containing `part`.
pub fn speaker(r: &Report, part: &str) -> Option<String> {
    quote(r, part).speaker.and_then(|s| r.entities.get(s)).map(|e| e.name.clone())
}

/// The texts of all quotations.
pub fn texts(r: &Report) -> Vec<String> {
    r.quotes.iter().map(|q| q.text.clone()).collect()
}
