//! End to end on the five real seed articles (read from ../shared/seeds; skipped with a
//! notice when absent): every document yields figures, every span slices exactly to its
//! text, the Report round-trips through JSON, and the facts that matter are found.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use crosscheck::{analyze, EntityKind, Report, Status};

#[test]
fn seeds_end_to_end() {
    let Some(articles) = common::seeds() else { return };
    assert_eq!(articles.len(), 5);
    let report = analyze(&articles);

    assert_eq!(report.documents.len(), 5);
    for d in &report.documents {
        let n = report.figures.iter().filter(|f| f.doc == d.id).count();
        assert!(n > 0, "document {} yields figures", d.name);
    }
    common::assert_spans_slice(&report, &articles);

    let json = serde_json::to_string(&report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);

    // The seeds disagree on some counts and name one head of state in every source.
    assert!(report.facts.iter().any(|f| f.status == Status::Conflict), "a conflict is found");
    assert!(
        report.facts.iter().any(|f| f.status != Status::Single && f.figures.len() >= 2),
        "some fact is reported by several sources"
    );
    let widest_person = report
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| {
            let mut docs: Vec<usize> = e.mentions.iter().map(|m| m.doc).collect();
            docs.dedup();
            docs.len()
        })
        .max()
        .unwrap_or(0);
    assert_eq!(widest_person, 5, "one person is merged across all five sources");
    assert!(!report.quotes.is_empty());
    assert!(report.quote_groups.iter().any(|g| g.quotes.len() >= 2));
}
