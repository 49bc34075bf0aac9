//! Helpers of the comparison tests on stories written for them (compare_general,
//! compare_parts).

use crosscheck::{Article, Fact, Report};

/// An article named `name`.
pub fn art(name: &str, text: &str) -> Article {
    Article { name: name.into(), text: text.into() }
}

/// The fact holding the figure of document `doc` whose text contains `needle`.
pub fn fact_of<'a>(r: &'a Report, doc: usize, needle: &str) -> Option<&'a Fact> {
    let id = r.figures.iter().find(|f| f.doc == doc && f.text.contains(needle))?.id;
    r.facts.iter().find(|f| f.figures.contains(&id))
}

/// The texts of a fact's figures.
pub fn texts<'a>(r: &'a Report, f: &Fact) -> Vec<&'a str> {
    f.figures.iter().map(|&i| r.figures[i].text.as_str()).collect()
}
