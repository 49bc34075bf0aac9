//! Speed of the figure extractor alone, min of several runs (robust to a busy machine):
//! `cargo test --release --test figures_speed -- --ignored --nocapture`. Reads the seed
//! articles from ../shared/seeds and skips with a notice when they are missing.

use crosscheck::text::TextDoc;
use std::path::PathBuf;
use std::time::Instant;

#[test]
#[ignore]
fn figures_speed_min_of_runs() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect())
        .unwrap_or_default();
    files.sort();
    let texts: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    if texts.is_empty() {
        eprintln!("NOTICE: ../shared/seeds not found; figures speed test skipped");
        return;
    }
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut best = f64::MAX;
    let mut n = 0;
    for _ in 0..15 {
        let t0 = Instant::now();
        for _ in 0..40 {
            for d in &docs {
                n += crosscheck::figures::extract(d).len();
            }
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!("figures::extract min of 15 runs: {:.1} MB/s ({n} figures)", (bytes * 40) as f64 / 1e6 / best);
}
