//! Fuzzes `crosscheck::extract_figures` (what `crosscheck extract` and the page's
//! `extractFigures` run): every figure's span must slice its text in UTF-16, ids must be
//! positions, and every number must be finite (`crosscheck::invariants::check_figures`).
#![no_main]

use crosscheck::{extract_figures, invariants};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let figures = extract_figures(&text);
    if let Err(e) = invariants::check_figures(&text, &figures) {
        panic!("{e}");
    }
});
