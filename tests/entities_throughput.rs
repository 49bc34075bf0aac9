//! Throughput of the entity stage alone (TextDoc building excluded). Ignored by default;
//! run with: cargo test --release --test entities_throughput -- --ignored --nocapture
//! Input: the seed articles (../shared/seeds) repeated, as one big input of many documents
//! and as one huge document; a generated text when the seeds are missing.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck::entities;
use crosscheck::text::TextDoc;

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join("seeds");
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(p) {
                out.push(t);
            }
        }
    }
    if out.is_empty() {
        eprintln!("NOTICE: ../shared/seeds missing; using generated text");
        out.push("Acting President Lena Marsh met Mr. Ode in Lisbon. The Northern Grain Council (NGC) said Norway's fleet stayed in port.\n".repeat(60));
    }
    out
}

/// CPU time of this thread in seconds (Linux; falls back to 0 elsewhere), so that a busy
/// shared machine does not distort the figure.
fn thread_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn measure(label: &str, texts: &[String]) {
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t0 = Instant::now();
    let c0 = thread_cpu();
    let ents = entities::analyze(&docs);
    let cpu = thread_cpu() - c0;
    let secs = t0.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "{label}: {mb:.1} MB, wall {secs:.3}s = {:.1} MB/s, cpu {cpu:.2}s = {:.1} MB/s ({} entities)",
        mb / secs,
        mb / cpu.max(1e-3),
        ents.len()
    );
}

#[test]
#[ignore]
fn entity_stage_throughput() {
    let seeds = corpus();
    let one: usize = seeds.iter().map(String::len).sum();
    let reps = (8_000_000 / one.max(1)).max(1);
    let many: Vec<String> = (0..reps).flat_map(|_| seeds.iter().cloned()).collect();
    measure("many documents", &many);
    let huge = vec![seeds.concat().repeat(reps)];
    measure("one huge document", &huge);
}
