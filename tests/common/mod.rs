//! Shared helpers for the native integration tests.
#![allow(dead_code)]

use crosscheck::{Article, Report};
use std::path::PathBuf;

/// The five seed articles from ../shared/seeds, or `None` (with a visible notice) when this
/// clone has no ../shared.
pub fn seeds() -> Option<Vec<Article>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(_) => {
            eprintln!("NOTICE: ../shared/seeds not found: skipping the seed-article test");
            return None;
        }
    };
    files.sort();
    Some(
        files
            .iter()
            .map(|p| Article {
                name: p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                text: std::fs::read_to_string(p).expect("seed is UTF-8"),
            })
            .collect(),
    )
}

/// Slices `text` by UTF-16 code units, as JavaScript's `slice` would.
pub fn slice_utf16(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (start as usize, end as usize);
    assert!(s <= e && e <= units.len(), "span {s}..{e} out of 0..{}", units.len());
    String::from_utf16(&units[s..e]).expect("span on UTF-16 character boundaries")
}

/// Asserts every span of the report slices (UTF-16) to its text.
pub fn assert_spans_slice(report: &Report, articles: &[Article]) {
    for f in &report.figures {
        assert_eq!(slice_utf16(&articles[f.doc].text, f.start, f.end), f.text, "figure {f:?}");
    }
    for e in &report.entities {
        for m in &e.mentions {
            assert_eq!(slice_utf16(&articles[m.doc].text, m.start, m.end), m.text, "mention {m:?}");
        }
    }
    for q in &report.quotes {
        assert_eq!(slice_utf16(&articles[q.doc].text, q.start, q.end), q.text, "quote {q:?}");
    }
    for d in &report.documents {
        let n = articles[d.id].text.encode_utf16().count() as u32;
        assert_eq!(d.length, n);
        for s in d.sentences.iter().chain(&d.furniture) {
            assert!(s.start <= s.end && s.end <= n);
            slice_utf16(&articles[d.id].text, s.start, s.end);
        }
    }
}

/// Analyzes `texts` as sources named s0, s1, ... (entity tests).
pub fn run(texts: &[&str]) -> Report {
    let arts: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article { name: format!("s{i}"), text: t.to_string() }).collect();
    crosscheck::analyze(&arts)
}

/// The entity one of whose mentions is written exactly `text`.
pub fn entity<'a>(r: &'a Report, text: &str) -> Option<&'a crosscheck::Entity> {
    r.entities.iter().find(|e| e.mentions.iter().any(|m| m.text == text))
}

/// The kind of the entity with a mention written exactly `text`.
pub fn kind(r: &Report, text: &str) -> Option<crosscheck::EntityKind> {
    entity(r, text).map(|e| e.kind)
}

/// True when mentions written `a` and `b` belong to one entity.
pub fn same(r: &Report, a: &str, b: &str) -> bool {
    match (entity(r, a), entity(r, b)) {
        (Some(x), Some(y)) => x.id == y.id,
        _ => false,
    }
}

/// Every mention's text.
pub fn all_texts(r: &Report) -> Vec<String> {
    r.entities.iter().flat_map(|e| e.mentions.iter().map(|m| m.text.clone())).collect()
}
pub mod facts;
pub mod quotes;
