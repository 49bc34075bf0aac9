//! Memory proportional to the input on every shape (issue 18): the heap an analysis needs
//! at its peak, per byte of input, counted by a global allocator of this test binary.
//!
//! Dense tokens once cost ~100 bytes of heap per input byte (every comma of a 48 MiB
//! input became a word record), which trapped the wasm module on inputs the limits
//! accept. The budget here is native (8-byte `usize`, so about twice what the same
//! records take in wasm32): [`BUDGET`] bytes of peak heap per input byte, besides the
//! input itself. Run with `--nocapture` to see each shape's figure.
#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{analyze, extract_figures, Article};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// What the wasm build's allocator (free lists of small blocks in 8-byte classes up to 256
/// bytes, never given back, see `src/wasm.rs`) would hold: large blocks in use plus, per
/// class, the most blocks ever in use at once.
static LARGE: AtomicUsize = AtomicUsize::new(0);
static CLASS_NOW: [AtomicUsize; 32] = [const { AtomicUsize::new(0) }; 32];
static CLASS_MAX: [AtomicUsize; 32] = [const { AtomicUsize::new(0) }; 32];
static HELD_PEAK: AtomicUsize = AtomicUsize::new(0);

fn class(size: usize) -> Option<usize> {
    (size <= 256).then(|| size.saturating_sub(1) / 8)
}

fn held() -> usize {
    LARGE.load(Relaxed) + (0..32).map(|c| CLASS_MAX[c].load(Relaxed) * (c + 1) * 8).sum::<usize>()
}

fn on_alloc(size: usize) {
    let now = CURRENT.fetch_add(size, Relaxed) + size;
    PEAK.fetch_max(now, Relaxed);
    match class(size) {
        Some(c) => {
            let n = CLASS_NOW[c].fetch_add(1, Relaxed) + 1;
            if n > CLASS_MAX[c].load(Relaxed) {
                CLASS_MAX[c].store(n, Relaxed);
                HELD_PEAK.fetch_max(held(), Relaxed);
            }
        }
        None => {
            LARGE.fetch_add(size, Relaxed);
            HELD_PEAK.fetch_max(held(), Relaxed);
        }
    }
}

fn on_free(size: usize) {
    CURRENT.fetch_sub(size, Relaxed);
    match class(size) {
        Some(c) => drop(CLASS_NOW[c].fetch_sub(1, Relaxed)),
        None => drop(LARGE.fetch_sub(size, Relaxed)),
    }
}

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            on_alloc(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        on_free(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            on_free(layout.size());
            on_alloc(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Most bytes of peak heap per input byte, natively, besides the input.
const BUDGET: f64 = 8.0;

/// Peak heap above what was in use before `f`, in bytes.
fn peak_of(f: impl FnOnce()) -> usize {
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    f();
    PEAK.load(Relaxed).saturating_sub(base)
}

/// `unit` repeated to about `bytes` bytes.
fn fill(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// Inputs of about `bytes` bytes each that are dense in tokens: one token per byte or two,
/// sentences, brackets, numbers with nothing to count. None of them holds much to report,
/// so each must stay within [`BUDGET`].
fn token_shapes(bytes: usize) -> Vec<(&'static str, String)> {
    vec![
        ("commas", fill(",", bytes)),
        ("a-dot", fill("a. ", bytes)),
        ("letters", fill("a ", bytes)),
        ("capitals", fill("A ", bytes)),
        ("dense numbers", fill("7 12, 3.5 1,200 ", bytes)),
        ("quotes", fill("\"We left.\" ", bytes)),
        ("brackets", fill("(A) ", bytes)),
        ("open brackets", fill("(", bytes)),
        ("newlines", fill("\n", bytes)),
        ("one word", fill("a", bytes)),
        ("digits", fill("9", bytes)),
        ("non-ASCII", fill("é— ", bytes)),
    ]
}

/// Inputs dense in what the extractors report (a name or a figure every few words): their
/// memory follows what is found (the Report itself is several times such an input), and
/// is printed, not held to [`BUDGET`].
fn finding_shapes(bytes: usize) -> Vec<(&'static str, String)> {
    vec![
        ("dense names", fill("Mara Quist, Ostvik Port Authority and Tomas Ferrell. ", bytes)),
        ("numbers with words", fill("More than 3,800 people were detained and 12 killed. ", bytes)),
    ]
}

/// Each stage's own peak on the articles, in bytes per input byte (what to mend first).
fn stages(articles: &[Article]) -> String {
    use crosscheck::{compare, entities, figures, quotes, reading, text::TextDoc};
    let n: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut docs = Vec::new();
    let text = peak_of(|| docs = articles.iter().enumerate().map(|(i, a)| TextDoc::new(i, &a.text)).collect());
    let mut figs = Vec::new();
    let fig = peak_of(|| figs = figures::extract_all(&docs));
    let mut ents = Vec::new();
    let find = peak_of(|| {
        let mut seen = entities::tables::WordFilter::for_text(n);
        drop(docs.iter().map(|d| entities::mentions::find(d, &mut seen)).collect::<Vec<_>>())
    });
    let ent = peak_of(|| ents = entities::analyze(&docs));
    let quo = peak_of(|| drop(quotes::analyze(&docs, &ents)));
    let mut tops = Vec::new();
    let top = peak_of(|| tops = compare::topics::topics(docs.len(), &ents));
    let cmp = peak_of(|| {
        let readings = reading::read_all(&docs, &figs, &ents, &tops);
        drop(compare::group_readings(&docs, &figs, readings))
    });
    let r = analyze(articles);
    let json = peak_of(|| drop(serde_json::to_vec(&r)));
    let b = |x: usize| x as f64 / n as f64;
    format!(
        "text {:.1} figures {:.1} entities {:.1} (finding mentions {:.1}) quotes {:.1} topics {:.1} compare {:.1} json {:.1}",
        b(text), b(fig), b(ent), b(find), b(quo), b(top), b(cmp), b(json)
    )
}

/// Peak heap of `analyze` (with a short second source) and of `extract_figures`, per byte
/// of `text`, and the stages' line.
fn measure(text: String) -> (f64, String) {
    let n = text.len() as f64;
    let articles = vec![
        Article { name: "a".into(), text },
        Article { name: "b".into(), text: "Floods in Ostvik killed 7 people, Mara Quist said.".into() },
    ];
    let full = peak_of(|| drop(analyze(&articles)));
    let fig = peak_of(|| drop(extract_figures(&articles[0].text)));
    let line = format!("analyze {:6.2} B/B   extract {:6.2} B/B   ({})", full as f64 / n, fig as f64 / n, stages(&articles));
    (full.max(fig) as f64 / n, line)
}

#[test]
fn peak_heap_per_input_byte_is_bounded_on_dense_shapes() {
    // Big enough that per-document constants vanish, small enough for a debug build.
    let bytes = 1 << 20;
    let mut worst = (0.0f64, "");
    for (name, text) in token_shapes(bytes) {
        let (per, line) = measure(text);
        println!("{name:<20} {line}");
        if per > worst.0 {
            worst = (per, name);
        }
    }
    for (name, text) in finding_shapes(bytes) {
        println!("{name:<20} {} (follows what is found)", measure(text).1);
    }
    assert!(worst.0 <= BUDGET, "peak heap {:.1} bytes per input byte on '{}' (budget {BUDGET})", worst.0, worst.1);
}

/// Each stage's peak on the `*.txt` files of `$MEMORY_DIR` as one set of sources (e.g. a
/// shape written by `bench/shapes.py`): `MEMORY_DIR=dir cargo test --release --test memory
/// -- --ignored --nocapture`.
#[test]
#[ignore]
fn stages_of_a_directory() {
    let Ok(dir) = std::env::var("MEMORY_DIR") else {
        eprintln!("MEMORY_DIR not set: nothing to measure");
        return;
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("MEMORY_DIR readable").filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| Article { name: p.display().to_string(), text: std::fs::read_to_string(p).unwrap_or_default() })
        .collect();
    let n: usize = articles.iter().map(|a| a.text.len()).sum();
    let held0 = held();
    let full = peak_of(|| drop(analyze(&articles)));
    println!("with the wasm allocator's free lists: {:.2} B/B", (HELD_PEAK.load(Relaxed) - held0) as f64 / n as f64);
    // (the stages alone with MEMORY_STAGES=1; without, a heap profiler's peak is analyze's)
    let stages = if std::env::var_os("MEMORY_STAGES").is_some() { stages(&articles) } else { String::new() };
    println!("{} sources, {n} bytes: analyze {:.2} B/B {stages}", articles.len(), full as f64 / n as f64);
}
