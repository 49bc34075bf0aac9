//! Quotations on the five seed articles (read from ../shared/seeds; skipped when absent):
//! the shoot-to-kill order is found in every source that quotes it, aligned across the
//! translations, and found again where one source dropped the quotation marks.

use crosscheck::analyze;

mod common;
use common::seeds;

#[test]
fn seed_quotes_align_across_sources() {
    let Some(arts) = seeds() else {
        eprintln!("SKIP: ../shared/seeds not found");
        return;
    };
    let r = analyze(&arts);
    assert!(r.quotes.len() >= 20, "{} quotes", r.quotes.len());
    // Every quote's text is its span (UTF-16 after analyze).
    for q in &r.quotes {
        let text = &arts[q.doc].text;
        let u16: Vec<u16> = text.encode_utf16().collect();
        let slice = String::from_utf16_lossy(&u16[q.start as usize..q.end as usize]);
        assert_eq!(slice, q.text);
        assert!(!q.text.starts_with('“') && !q.text.ends_with('”'), "marks excluded: {:?}", q.text);
    }
    // The order to shoot: one group with quotations from at least three sources, one of
    // them found without quotation marks.
    let order = r
        .quote_groups
        .iter()
        .find(|g| g.quotes.iter().any(|&i| r.quotes[i].text.contains("to shoot to kill without warning")))
        .expect("a group for the shoot order");
    let docs: std::collections::BTreeSet<usize> = order.quotes.iter().map(|&i| r.quotes[i].doc).collect();
    assert!(docs.len() >= 3, "{order:?}");
    assert!(order.quotes.iter().any(|&i| !r.quotes[i].marked), "an unmarked restatement");
    // At most one quotation per source in a group.
    for g in &r.quote_groups {
        let mut ds: Vec<usize> = g.quotes.iter().map(|&i| r.quotes[i].doc).collect();
        let n = ds.len();
        ds.dedup();
        assert_eq!(ds.len(), n, "{g:?}");
        assert!(g.similarity > 0.0 && g.similarity <= 1.0);
    }
    // Unrelated statements stay apart: no group mixes the order with the Chinese offer.
    assert!(!order.quotes.iter().any(|&i| r.quotes[i].text.contains("China")));
}
