//! Facts on the five seed articles (read from ../shared/seeds; skipped when absent, and
//! when no figures extractor is built in yet). Asserts on the facts that matter, not on
//! whole reports.

use crosscheck::{analyze, Report, Status};

mod common;
use common::seeds;

fn fact_docs(r: &Report, f: &crosscheck::Fact) -> std::collections::BTreeSet<usize> {
    f.figures.iter().map(|&i| r.figures[i].doc).collect()
}

#[test]
fn seed_facts_are_grouped_and_judged() {
    let Some(arts) = seeds() else {
        eprintln!("SKIP: ../shared/seeds not found");
        return;
    };
    let r = analyze(&arts);
    if r.figures.is_empty() {
        eprintln!("SKIP: no figures extracted (figures extractor not built in)");
        assert!(r.facts.is_empty());
        return;
    }
    // Invariants: ids, one fact per figure, sorted by status, figures are quantities.
    let mut seen = std::collections::HashSet::new();
    let rank = |s: Status| match s {
        Status::Conflict => 0,
        Status::Consistent => 1,
        Status::Agree => 2,
        Status::Single => 3,
    };
    for (i, f) in r.facts.iter().enumerate() {
        assert_eq!(f.id, i);
        for &g in &f.figures {
            assert!(seen.insert(g), "figure {g} in two facts");
            assert_eq!(r.figures[g].kind, crosscheck::FigureKind::Quantity);
        }
        // Facts that are no part are sorted by status; each part follows its total.
        match f.parts_of {
            None => {
                if let Some(prev) = r.facts[..i].iter().rev().find(|p| p.parts_of.is_none()) {
                    assert!(rank(prev.status) <= rank(f.status));
                }
            }
            Some(t) => {
                assert!(t < i && r.facts[t].parts.contains(&i));
                assert!(r.facts[t + 1..i].iter().all(|p| p.parts_of == Some(t)));
            }
        }
        assert!(!f.note.is_empty());
        assert_eq!(f.status == Status::Single, fact_docs(&r, f).len() == 1);
    }
    // Police and protesters killed are two facts, each given by at least three sources.
    let killed: Vec<&crosscheck::Fact> = r.facts.iter().filter(|f| f.event.as_deref() == Some("killed") && fact_docs(&r, f).len() >= 3).collect();
    assert!(killed.len() >= 2, "{killed:?}");
    for f in &killed {
        let texts: Vec<String> = f.figures.iter().map(|&i| r.figures[i].text.to_lowercase()).collect();
        let police = texts.iter().any(|t| t.contains("police") || t.contains("law enforcement"));
        let protesters = texts.iter().any(|t| t.contains("protesters"));
        assert!(!(police && protesters), "{texts:?}");
    }
    // The detention count differs between a Thursday report and later ones: a fact that
    // changes over time, not only a conflict.
    let detained = r.facts.iter().find(|f| f.event.as_deref() == Some("detained") && fact_docs(&r, f).len() >= 3).expect("people detained");
    assert!(detained.changing, "{detained:?}");
    assert_eq!(detained.timeline.len(), detained.figures.len());
}

/// Only quotes and compare on the seeds, in a loop, for profiling (`perf record` the test
/// binary with `hot_loop --ignored`; STAGE=quotes or STAGE=compare picks one).
#[test]
#[ignore]
fn hot_loop_quotes_compare() {
    use crosscheck::text::TextDoc;
    let Some(arts) = seeds() else { return };
    let docs: Vec<TextDoc> = arts.iter().enumerate().map(|(i, a)| TextDoc::new(i, &a.text)).collect();
    let figures = crosscheck::figures::extract_all(&docs);
    let entities = crosscheck::entities::analyze(&docs);
    let stage = std::env::var("STAGE").unwrap_or_default();
    for _ in 0..3000 {
        if stage != "compare" {
            std::hint::black_box(crosscheck::quotes::analyze(&docs, &entities));
        }
        if stage != "quotes" {
            std::hint::black_box(crosscheck::compare::group(&docs, &figures));
        }
    }
}
