//! Property tests (proptest, stable Rust, seconds): on generated text, from random Unicode
//! to news-like fragments with numbers, names, quotations and markup, `analyze` and
//! `extract_figures` never panic and every report keeps the guarantees of
//! `crosscheck::invariants` (spans slice to their text in UTF-16, ids valid, numbers
//! finite). The cargo-fuzz targets in `fuzz/` check the same on demand, longer.
#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{analyze, extract_figures, invariants, Article};
use proptest::prelude::*;

/// Pieces news text is made of, and pieces that break naive scanners.
const PIECES: &[&str] = &[
    "More than 3,800 people were detained", " in Ostvik", ", officials said.", " Mara Quist", " said ",
    "“We lost everything,”", "\"no\"", " ‘quoted’ ", " (CPA) ", "Civil Protection Agency", " about 2,300 ",
    " nearly 4,000 ", " between 20 and 30 ", " dozens of ", "$1.5bn", " 5 percent", " on Jan. 5, 2031",
    " at 10:30 a.m.", " Mr. ", " U.S. ", "\n\n", "\n", ". ", "! ", "? ", " — ", "-", "'s", " 12th ", " 1/2 ",
    "<p>", "</p>", "&amp;", " Q: ", " A: ", "999999999999999999999", " é", " 北京 ", " 👍🏽", "\u{FFFD}", "\u{0}",
    "\u{2029}", "\u{200B}", ",", "(", ")", "[", "“", "”", "«", "»", "…", " 3.800 ", " 2,5 ", " -7 ", " +4% ",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?",
        1 => "[0-9]{1,4}([,.][0-9]{1,3})?",
        1 => "[a-z ]{1,12}",
        // (numbers beyond a double: 10^300 and more must never come out as null or NaN)
        1 => "[1-9][0-9]{299,320}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn analyze_keeps_its_guarantees(a in text(), b in text(), c in text()) {
        let articles = vec![
            Article { name: "a".into(), text: a },
            Article { name: String::new(), text: b },
            Article { name: "c".into(), text: c },
        ];
        let report = analyze(&articles);
        if let Err(e) = invariants::check(&articles, &report) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn extract_keeps_its_guarantees(t in text()) {
        let figures = extract_figures(&t);
        if let Err(e) = invariants::check_figures(&t, &figures) {
            prop_assert!(false, "{e}");
        }
    }

    #[test]
    fn one_long_sentence_keeps_its_guarantees(unit in text(), times in 1usize..400) {
        // Repeated without a sentence end: the long-sentence cut must fall between tokens.
        let t = unit.replace(['.', '!', '?', '\n'], " ").repeat(times);
        let articles = vec![Article { name: "a".into(), text: t }];
        let report = analyze(&articles);
        if let Err(e) = invariants::check(&articles, &report) {
            prop_assert!(false, "{e}");
        }
    }
}
