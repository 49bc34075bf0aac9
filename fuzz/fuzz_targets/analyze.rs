//! Fuzzes `crosscheck::analyze`: the input's bytes, read as UTF-8 (invalid sequences
//! become U+FFFD, as a page or the CLI would refuse or replace them), split at every
//! "\0\0" into up to five articles; the report must keep every guarantee of
//! `crosscheck::invariants`.
#![no_main]

use crosscheck::{analyze, invariants, Article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let articles: Vec<Article> = text
        .split("\0\0")
        .take(5)
        .enumerate()
        .map(|(i, t)| Article { name: format!("s{i}"), text: t.to_string() })
        .collect();
    let report = analyze(&articles);
    if let Err(e) = invariants::check(&articles, &report) {
        panic!("{e}");
    }
});
