//! How the quotes stage grows with its input, on the shapes that could make it quadratic
//! (issue 18), against plain articles. Every text is generated here (our own fictional
//! sentences), so the bench needs nothing from `../shared/`.
//!
//! Shapes, each at 0.5, 1 and 2 MB (or the sizes in MB given as arguments):
//! - `articles`: plain news articles (named speakers, pronouns, reported speech,
//!   figures), analysed in sets of five sources as the page gets them: the baseline;
//! - `repeated quote, one line`: one unattributed quotation repeated on a single line;
//! - `different quotes, one line`: different quotations on a single line;
//! - `one paragraph`: attributed quotations and narration in one huge paragraph;
//! - `unclosed marks`: opening quotation marks that never close, on one line;
//! - `many sources`: one short source per quotation, every one quoting the same
//!   statement (a wire story reprinted), all in one analysis;
//! - `many sources, reworded`: the same, each source changing two of its twelve words.
//!
//! For each it prints the quotes stage's seconds per MB (best of three runs; the
//! entities it needs are found once, outside the timing) and, with `WHOLE=1`, the whole
//! analysis's. A linear stage keeps its s/MB as the size doubles; the target is the worst
//! shape within 2x the s/MB of `articles`.
//!
//! Run: `cargo bench --bench quotes_scaling [-- 0.5 1 2]` (`SHAPE=articles` for one shape).

use crosscheck::text::TextDoc;
use crosscheck::{analyze, Article};
use std::time::Instant;

/// A small deterministic generator (xorshift64*), so every run measures the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const FIRST: [&str; 12] = ["Mara", "Tomas", "Ines", "Pavel", "Lea", "Jonas", "Amira", "Bruno", "Kaito", "Sofia", "Oren", "Greta"];
const LAST: [&str; 12] = ["Quist", "Ferrell", "Okonjo", "Drummond", "Sandoval", "Varga", "Lindqvist", "Moreau", "Haddad", "Castellan", "Brannock", "Ilves"];
const PLACES: [&str; 8] = ["Brennmoor", "Calder Rise", "Ostvik", "Marrowby", "Tessaly", "Quenford", "Dunmere", "Port Idris"];
const ROLES: [&str; 6] = ["the mayor", "the regional governor", "a fire service spokeswoman", "the head of the civil protection agency", "a union leader", "the interior minister"];
const NOUNS: [&str; 12] = ["bridge", "river", "school", "harbour", "road", "shelter", "clinic", "dam", "market", "station", "farm", "ferry"];
const VERBS: [&str; 10] = ["rebuild", "reopen", "inspect", "protect", "repair", "evacuate", "close", "check", "clear", "guard"];
const SAID: [&str; 6] = ["said", "told reporters", "warned", "added", "explained", "said on Tuesday"];

/// A made-up content word from syllables (about 4,000 of them), so that the statements of
/// one set share few words, as real quotations do.
fn word(r: &mut Rng) -> String {
    const SYL: [&str; 16] = ["ka", "mo", "ren", "ti", "lo", "san", "vi", "dor", "pe", "lu", "gar", "ni", "ba", "tes", "fo", "rim"];
    (0..2 + r.below(2)).map(|_| SYL[r.below(16) as usize]).collect()
}

/// A quotation of eight to twelve words, different for most seeds.
fn statement(r: &mut Rng) -> String {
    let mut s = String::from(["We", "They", "The town", "Our crews", "Nobody"][r.below(5) as usize]);
    for k in 0..6 + r.below(5) {
        s.push(' ');
        if k % 3 == 1 {
            s += ["will", "the", "of", "and", "in", "must"][r.below(6) as usize];
        } else {
            s += &word(r);
        }
    }
    s
}

/// One plain article of about 3 KB.
fn article(r: &mut Rng) -> String {
    let place = r.pick(&PLACES);
    let (f, l) = (r.pick(&FIRST), r.pick(&LAST));
    let mut s = format!(
        "Floods hit {place}\n\nFloods in {place} killed at least {} people on Tuesday and forced {} residents from their homes, officials said.\n\n",
        r.below(40) + 2,
        r.below(3000) + 100
    );
    for _ in 0..4 {
        let (f2, l2) = (r.pick(&FIRST), r.pick(&LAST));
        s += &format!("“{},” {} {f} {l}, {}, {}. ", statement(r), if r.below(2) == 0 { "said" } else { "added" }, r.pick(&ROLES), r.pick(&["speaking at the town hall", "after a visit", "on Monday"]));
        s += &format!("“{}.”\n\n", statement(r));
        s += &format!("{f2} {l2} said that crews had cleared {} roads and that {} people were still missing in the {} area.\n\n", r.below(80), r.below(60), r.pick(&NOUNS));
        s += &format!("“{},” {} {}. More than {} homes were damaged, according to {}.\n\n", statement(r), if r.below(2) == 0 { "she" } else { "he" }, r.pick(&SAID), r.below(5000), r.pick(&ROLES));
    }
    s
}

/// Repeats `piece(r)` until `bytes`, joined by `sep`.
fn fill(bytes: usize, sep: &str, r: &mut Rng, mut piece: impl FnMut(&mut Rng) -> String) -> String {
    let mut s = String::with_capacity(bytes + 256);
    while s.len() < bytes {
        s += &piece(r);
        s += sep;
    }
    s
}

/// The sources of one shape at about `bytes`, as sets of sources analysed together.
fn shape(name: &str, bytes: usize) -> Vec<Vec<String>> {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    match name {
        "articles" => {
            let all = fill(bytes, "\u{0}", &mut r, article);
            let arts: Vec<String> = all.split('\u{0}').filter(|a| !a.is_empty()).map(str::to_string).collect();
            arts.chunks(5).map(<[String]>::to_vec).collect()
        }
        "repeated quote, one line" => vec![vec![fill(bytes, " ", &mut r, |_| "“We will not give up on this town.”".to_string())]],
        "different quotes, one line" => vec![vec![fill(bytes, " ", &mut r, |r| format!("“{}.”", statement(r)))]],
        "one paragraph" => vec![vec![fill(bytes, " ", &mut r, |r| {
            let (f, l) = (r.pick(&FIRST), r.pick(&LAST));
            match r.below(4) {
                0 => format!("“{},” {f} {l} said.", statement(r)),
                1 => format!("“{},” {} {}.", statement(r), r.pick(&["he", "she"]), r.pick(&SAID)),
                2 => format!("Crews worked through the night in {}. “{}.”", r.pick(&PLACES), statement(r)),
                _ => format!("{f} {l}, {}, told reporters: “{}.”", r.pick(&ROLES), statement(r)),
            }
        })]],
        "unclosed marks" => vec![vec![fill(bytes, " ", &mut r, |r| format!("“{} {} {}", r.pick(&VERBS), r.pick(&NOUNS), r.pick(&PLACES)))]],
        "many sources" => {
            let docs: Vec<String> = (0..bytes / 120)
                .map(|_| format!("“The water is still rising along the old harbour road,” {} {} said.\n", r.pick(&FIRST), r.pick(&LAST)))
                .collect();
            vec![docs]
        }
        "many sources, reworded" => {
            let base: Vec<String> = (0..12).map(|_| word(&mut r)).collect();
            let docs: Vec<String> = (0..bytes / 120)
                .map(|_| {
                    let mut w = base.clone();
                    for _ in 0..2 {
                        let k = r.below(12) as usize;
                        w[k] = word(&mut r);
                    }
                    format!("“{},” {} {} said.\n", w.join(" "), r.pick(&FIRST), r.pick(&LAST))
                })
                .collect();
            vec![docs]
        }
        _ => Vec::new(),
    }
}

const SHAPES: [&str; 7] = ["articles", "repeated quote, one line", "different quotes, one line", "one paragraph", "unclosed marks", "many sources", "many sources, reworded"];

/// Seconds of the quotes stage on `sets` (best of three), and of the whole analysis
/// (once, when `whole`).
fn measure(sets: &[Vec<String>], whole: bool) -> (f64, Option<f64>) {
    let mut best = f64::INFINITY;
    let prepared: Vec<(Vec<TextDoc>, Vec<crosscheck::report::Entity>)> = sets
        .iter()
        .map(|texts| {
            let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
            let ents = crosscheck::entities::analyze(&docs);
            (docs, ents)
        })
        .collect();
    for _ in 0..3 {
        let t0 = Instant::now();
        let mut n = 0;
        for (docs, ents) in &prepared {
            n += crosscheck::quotes::analyze(docs, ents).0.len();
        }
        std::hint::black_box(n);
        best = best.min(t0.elapsed().as_secs_f64());
    }
    let all = whole.then(|| {
        let t0 = Instant::now();
        for texts in sets {
            let arts: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article { name: format!("s{i}"), text: t.clone() }).collect();
            std::hint::black_box(analyze(&arts).quotes.len());
        }
        t0.elapsed().as_secs_f64()
    });
    (best, all)
}

fn main() {
    let sizes: Vec<f64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).filter(|&x: &f64| x > 0.0).collect();
    let sizes = if sizes.is_empty() { vec![0.5, 1.0, 2.0] } else { sizes };
    let whole = std::env::var("WHOLE").is_ok_and(|v| v == "1");
    println!("quotes stage, seconds per MB (best of 3){}", if whole { "; whole analysis once" } else { "" });
    let mut base: Option<f64> = None;
    let mut worst: (f64, &str) = (0.0, "");
    // (`SHAPE=<name>` measures one shape only, for a profiler.)
    let only = std::env::var("SHAPE").ok();
    for name in SHAPES.into_iter().filter(|n| only.as_deref().map_or(true, |o| o == *n)) {
        let mut line = format!("{name:<28}");
        let mut per_mb = Vec::new();
        for &mb in &sizes {
            let sets = shape(name, (mb * 1e6) as usize);
            let bytes: usize = sets.iter().flatten().map(String::len).sum();
            let mbs = bytes as f64 / 1e6;
            let (q, all) = measure(&sets, whole);
            per_mb.push(q / mbs);
            line += &format!("  {mbs:.1} MB {:.3} s/MB", q / mbs);
            if let Some(a) = all {
                line += &format!(" (all {:.2})", a / mbs);
            }
        }
        let last = per_mb.last().copied().unwrap_or(0.0);
        let first = per_mb.first().copied().unwrap_or(0.0);
        line += &format!("  growth x{:.2}", if first > 0.0 { last / first } else { 0.0 });
        if name == "articles" {
            base = Some(last);
        } else if let Some(b) = base.filter(|&b| b > 0.0) {
            line += &format!("  vs articles x{:.2}", last / b);
            if last / b > worst.0 {
                worst = (last / b, name);
            }
        }
        println!("{line}");
    }
    println!("worst shape: {} at x{:.2} the s/MB of articles (target: at most x2)", worst.1, worst.0);
}
