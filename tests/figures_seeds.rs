//! End-to-end checks of the figure extractor: on the seed articles (read from
//! ../shared/seeds, skipped with a notice when missing) and on text written for the tests.

use crosscheck::figures::extract;
use crosscheck::text::TextDoc;
use crosscheck::{Figure, FigureKind};
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join("seeds");
    if d.is_dir() {
        Some(d)
    } else {
        eprintln!("NOTICE: {} not found; seed figure tests skipped", d.display());
        None
    }
}

fn seed(name_prefix: &str) -> Option<String> {
    let d = seeds_dir()?;
    let entry = std::fs::read_dir(&d).ok()?.flatten().find(|e| e.file_name().to_string_lossy().starts_with(name_prefix))?;
    std::fs::read_to_string(entry.path()).ok()
}

fn quantities(text: &str) -> Vec<Figure> {
    let doc = TextDoc::new(0, text);
    extract(&doc).into_iter().filter(|f| f.kind == FigureKind::Quantity).collect()
}

fn find<'a>(figs: &'a [Figure], text: &str) -> &'a Figure {
    figs.iter().find(|f| f.text == text).unwrap_or_else(|| panic!("no figure {text:?} in {:#?}", figs.iter().map(|f| &f.text).collect::<Vec<_>>()))
}

#[test]
fn seed_counts_with_bounds_and_events() {
    let Some(t) = seed("000") else { return };
    let f = quantities(&t);
    let detained = find(&f, "more than 3,800 people");
    assert_eq!((detained.low, detained.high, detained.low_inclusive), (Some(3800.0), None, false));
    assert_eq!(detained.event.as_deref(), Some("detained"));
    assert_eq!(find(&f, "26 protesters").event.as_deref(), Some("killed"));
    assert_eq!(find(&f, "180-day").unit.as_deref(), Some("day"));
    let dozens = find(&f, "dozens");
    assert_eq!((dozens.low, dozens.high, dozens.event.as_deref()), (Some(12.0), Some(120.0), Some("killed")));
    // the date line at the top is a date, not a count
    let doc = TextDoc::new(0, &t);
    let all = extract(&doc);
    assert!(all.iter().any(|f| f.kind == FigureKind::Date));
    assert!(!all.iter().any(|f| f.kind == FigureKind::Quantity && f.value == 2023.0));
}

#[test]
fn seed_words_and_qualifiers() {
    if let Some(t) = seed("001") {
        let f = quantities(&t);
        let k = find(&f, "more than a thousand protesters");
        assert_eq!((k.value, k.change.as_str(), k.event.as_deref()), (1000.0, ">", Some("injured")));
        assert_eq!(find(&f, "81-year-old").unit.as_deref(), Some("year of age"));
    }
    if let Some(t) = seed("002") {
        let f = quantities(&t);
        let n = f.iter().find(|f| f.text.starts_with("nearly 4,000")).expect("nearly 4,000");
        assert_eq!((n.low, n.high, n.event.as_deref()), (Some(3600.0), Some(4000.0), Some("detained")));
        assert_eq!(find(&f, "some 2,500 peacekeepers").event.as_deref(), Some("deployed"));
    }
    if let Some(t) = seed("003") {
        let f = quantities(&t);
        assert_eq!(find(&f, "six months").unit.as_deref(), Some("month"));
        assert_eq!(find(&f, "about 2,300 people").change, "~");
    }
}

#[test]
fn spans_are_exact_on_every_seed() {
    let Some(d) = seeds_dir() else { return };
    for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
        let Ok(t) = std::fs::read_to_string(e.path()) else { continue };
        let doc = TextDoc::new(0, &t);
        for f in extract(&doc) {
            assert_eq!(t.get(f.start as usize..f.end as usize), Some(f.text.as_str()));
            assert!(f.low.map_or(true, |l| f.high.map_or(true, |h| l <= h)), "{f:?}");
        }
    }
}

#[test]
fn time_and_attribution_fields() {
    let t = "The coastguard said on Tuesday evening that 14 sailors were rescued overnight.";
    let f = quantities(t);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].attribution.as_deref(), Some("The coastguard"));
    assert_eq!(f[0].event.as_deref(), Some("rescued"));
    assert!(f[0].time.is_some());
}

#[test]
fn throughput_is_reasonable() {
    // about 2 MB of news-like text with many numbers; printed, not asserted on speed
    let para = "On Monday, officials said more than 3,800 people were detained and 26 were injured; \
                prices rose 5% to $84 while about 2,300 homes, worth $1.5bn, lost power for 180 days.\n";
    let text = para.repeat(2_000_000 / para.len());
    let start = std::time::Instant::now();
    let n = quantities(&text).len();
    let secs = start.elapsed().as_secs_f64();
    eprintln!("figures: {:.1} MB/s ({} figures)", text.len() as f64 / 1e6 / secs, n);
    assert!(n > 1000);
}

#[test]
fn degenerate_inputs_do_not_hang_or_panic() {
    let long_line = "1 2 3 4 5 6 7 8 9 10 , ".repeat(2_000);
    let start = std::time::Instant::now();
    let _ = quantities(&long_line);
    assert!(start.elapsed().as_secs() < 20);
    for t in ["\u{0}\u{1}12", "１２３", "٣٤٥ people", "12\u{0301}3", "€€€5", "5-", "-5-", "$-", "from to", "between and"] {
        let _ = quantities(t);
    }
}
