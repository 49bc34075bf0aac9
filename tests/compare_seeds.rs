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
        if i > 0 {
            assert!(rank(r.facts[i - 1].status) <= rank(f.status));
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

/// Per-stage native time on the five seeds (on demand:
/// `cargo test --release --test compare_seeds stage_times -- --ignored --nocapture`).
/// Prints the best of many runs of each stage, in microseconds (the machine is shared).
#[test]
#[ignore]
fn stage_times_on_seeds() {
    use crosscheck::text::TextDoc;
    use std::time::Instant;
    // CROSSCHECK_DIR=<folder of .txt articles> times those instead of the seeds.
    let arts = match std::env::var("CROSSCHECK_DIR") {
        Ok(dir) => {
            let mut ps: Vec<_> = std::fs::read_dir(&dir).expect("dir").filter_map(|e| e.ok().map(|e| e.path())).collect();
            ps.sort();
            ps.iter().map(|p| crosscheck::Article { name: String::new(), text: std::fs::read_to_string(p).unwrap_or_default() }).collect()
        }
        Err(_) => match seeds() {
            Some(a) => a,
            None => return,
        },
    };
    let docs: Vec<TextDoc> = arts.iter().enumerate().map(|(i, a)| TextDoc::new(i, &a.text)).collect();
    let mut figures = Vec::new();
    for d in &docs {
        for mut f in crosscheck::figures::extract(d) {
            f.id = figures.len();
            f.doc = d.id;
            figures.push(f);
        }
    }
    let entities = crosscheck::entities::analyze(&docs);
    fn best(v: Vec<f64>) -> f64 {
        v.into_iter().fold(f64::MAX, f64::min)
    }
    let runs = if arts.len() > 20 { 3 } else { 300 };
    let time = |f: &mut dyn FnMut()| -> f64 {
        let mut v = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t0 = Instant::now();
            f();
            v.push(t0.elapsed().as_secs_f64() * 1e6);
        }
        best(v)
    };
    let t_text = time(&mut || {
        let d: Vec<TextDoc> = arts.iter().enumerate().map(|(i, a)| TextDoc::new(i, &a.text)).collect();
        std::hint::black_box(d);
    });
    let t_fig = time(&mut || {
        for d in &docs {
            std::hint::black_box(crosscheck::figures::extract(d));
        }
    });
    let t_ent = time(&mut || {
        std::hint::black_box(crosscheck::entities::analyze(&docs));
    });
    let t_quotes = time(&mut || {
        std::hint::black_box(crosscheck::quotes::analyze(&docs, &entities));
    });
    let t_cmp = time(&mut || {
        std::hint::black_box(crosscheck::compare::group(&docs, &figures));
    });
    let t_all = time(&mut || {
        std::hint::black_box(analyze(&arts));
    });
    eprintln!(
        "best us on {} articles: text {t_text:.0}  figures {t_fig:.0}  entities {t_ent:.0}  quotes {t_quotes:.0}  compare {t_cmp:.0}  analyze {t_all:.0}",
        arts.len()
    );
}

/// Only quotes and compare on the seeds, in a loop, for profiling (`perf record` the test
/// binary with `hot_loop --ignored`; STAGE=quotes or STAGE=compare picks one).
#[test]
#[ignore]
fn hot_loop_quotes_compare() {
    use crosscheck::text::TextDoc;
    let Some(arts) = seeds() else { return };
    let docs: Vec<TextDoc> = arts.iter().enumerate().map(|(i, a)| TextDoc::new(i, &a.text)).collect();
    let mut figures = Vec::new();
    for d in &docs {
        for mut f in crosscheck::figures::extract(d) {
            f.id = figures.len();
            f.doc = d.id;
            figures.push(f);
        }
    }
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
