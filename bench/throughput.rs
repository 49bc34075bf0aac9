//! Throughput of each stage, natively, on the seed articles repeated to about 10 MB
//! (read from ../shared/seeds; our own fictional fixture when that is absent).
//!
//! Run: `cargo bench --bench throughput` (release profile). Prints MB/s per stage and the
//! process's peak resident memory.
//!
//! On a shared machine wall-clock times are noisy; instruction counts are not. With
//! `STAGE=<text|figures|entities|quotes|compare|analyze|json>` the bench only runs that stage
//! on one set of sources (`RUNS` times, default 1000), so that
//! `STAGE=entities perf stat -e instructions:u target/release/deps/throughput-*` gives a
//! repeatable cost per stage (subtract a `STAGE=none` run for the set-up).

use crosscheck::text::TextDoc;
use crosscheck::{analyze, Article};
use std::path::PathBuf;
use std::time::Instant;

const TARGET_BYTES: usize = 10_000_000;

fn corpus() -> (Vec<String>, &'static str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
        .unwrap_or_default();
    files.sort();
    let texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if texts.is_empty() {
        eprintln!("NOTICE: ../shared/seeds not found: measuring on the built-in fictional fixture");
        let t = "Floods in the town of Brennmoor killed at least 7 people on Tuesday, the regional \
emergency service said. “We lost everything,” said Mara Quist, a café owner. More than 120 \
residents were evacuated and about 300 homes were damaged, according to the Civil Protection \
Agency (CPA). Nearly 150 people were evacuated overnight, officials said.\n";
        return (vec![t.to_string()], "fixture");
    }
    (texts, "seeds")
}

fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

fn report(stage: &str, bytes: usize, secs: f64) {
    println!("{stage:<28} {:>8.1} MB/s   ({:.1} MB in {:.3} s)", bytes as f64 / 1e6 / secs, bytes as f64 / 1e6, secs);
}

/// Median time of `f` over `runs` calls, in milliseconds (the median resists a loaded
/// machine better than the mean).
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[t.len() / 2]
}

/// One set of sources (the seeds as the page gets them): milliseconds per stage.
fn per_set(texts: &[String]) {
    const RUNS: usize = 200;
    println!("one set of {} sources ({} bytes), median of {RUNS} runs:", texts.len(), texts.iter().map(String::len).sum::<usize>());
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let figs = crosscheck::figures::extract_all(&docs);
    let ents = crosscheck::entities::analyze(&docs);
    let arts: Vec<Article> = texts.iter().map(|t| Article { name: String::new(), text: t.clone() }).collect();
    let report = analyze(&arts);
    let stages: [(&str, f64); 7] = [
        ("text", median_ms(RUNS, || drop(texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect::<Vec<_>>()))),
        ("figures", median_ms(RUNS, || drop(docs.iter().flat_map(crosscheck::figures::extract).collect::<Vec<_>>()))),
        ("entities", median_ms(RUNS, || drop(crosscheck::entities::analyze(&docs)))),
        ("quotes", median_ms(RUNS, || drop(crosscheck::quotes::analyze(&docs, &ents)))),
        ("compare", median_ms(RUNS, || drop(crosscheck::compare::group(&docs, &figs)))),
        ("analyze (all)", median_ms(RUNS, || drop(analyze(&arts)))),
        ("report to JSON", median_ms(RUNS, || drop(serde_json::to_string(&report)))),
    ];
    for (name, ms) in stages {
        println!("  {name:<26} {ms:>8.3} ms");
    }
}

/// Runs one stage `RUNS` times on one set of sources (see the module comment).
fn one_stage(stage: &str, texts: &[String]) {
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(1000);
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let figs = crosscheck::figures::extract_all(&docs);
    let ents = crosscheck::entities::analyze(&docs);
    let arts: Vec<Article> = texts.iter().map(|t| Article { name: String::new(), text: t.clone() }).collect();
    let report = analyze(&arts);
    let mut n = 0usize;
    for _ in 0..runs {
        n += match stage {
            "text" => texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t).sentences.len()).sum(),
            "figures" => docs.iter().map(|d| crosscheck::figures::extract(d).len()).sum(),
            "entities" => crosscheck::entities::analyze(&docs).len(),
            "quotes" => crosscheck::quotes::analyze(&docs, &ents).0.len(),
            "compare" => crosscheck::compare::group(&docs, &figs).len(),
            "analyze" => analyze(&arts).figures.len(),
            "json" => serde_json::to_string(&report).map(|s| s.len()).unwrap_or(0),
            _ => 0,
        };
    }
    println!("STAGE={stage}: {runs} runs on one set of {} sources ({n} items in all)", texts.len());
}

fn main() {
    let (texts, source) = corpus();
    if let Ok(stage) = std::env::var("STAGE") {
        one_stage(&stage, &texts);
        return;
    }
    // Documents of natural size, repeated until ~10 MB in all.
    let mut docs: Vec<String> = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for t in &texts {
            total += t.len();
            docs.push(t.clone());
        }
    }
    println!("corpus: {source}, {} documents, {:.1} MB", docs.len(), total as f64 / 1e6);

    let t0 = Instant::now();
    let tdocs: Vec<TextDoc> = docs.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    report("text (sentences, furniture)", total, t0.elapsed().as_secs_f64());

    let t0 = Instant::now();
    let mut n = 0;
    for d in &tdocs {
        n += crosscheck::figures::extract(d).len();
    }
    report("figures::extract", total, t0.elapsed().as_secs_f64());
    println!("  ({n} figures)");

    // Entities: per batch of one event's sources (5 documents), as the page would.
    let t0 = Instant::now();
    let mut n = 0;
    for chunk in tdocs.chunks(texts.len().max(1)) {
        n += crosscheck::entities::analyze(chunk).len();
    }
    report("entities::analyze (per set)", total, t0.elapsed().as_secs_f64());
    println!("  ({n} entities)");

    let t0 = Instant::now();
    let mut n = 0;
    for chunk in docs.chunks(texts.len().max(1)) {
        let arts: Vec<Article> = chunk.iter().map(|t| Article { name: String::new(), text: t.clone() }).collect();
        n += analyze(&arts).facts.len();
    }
    report("analyze (per set of sources)", total, t0.elapsed().as_secs_f64());
    println!("  ({n} facts)");

    per_set(&texts);

    if let Some(k) = peak_rss_kib() {
        println!("peak resident memory: {:.1} MiB", k as f64 / 1024.0);
    }
}
