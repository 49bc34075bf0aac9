//! Hostile input the limits accept (issue 18): numbers beyond what a double holds, and
//! the guarantees every report keeps on them (no `null` or NaN where the contract says
//! number, the person told why).

use crosscheck::{analyze, extract_figures, Article};

fn article(text: &str) -> Article {
    Article { name: "a".into(), text: text.into() }
}

/// Every number of the Report that the contract (`www/report.d.ts`) types as `number`,
/// or `number | null` with `null` meaning "unbounded", must be finite in JSON.
fn assert_numbers_finite(r: &crosscheck::Report) {
    for f in &r.figures {
        assert!(f.value.is_finite(), "value of {:?}", f.text);
        for x in [f.low, f.high].into_iter().flatten().chain(f.range.into_iter().flatten()) {
            assert!(x.is_finite(), "bound of {:?}", f.text);
        }
    }
    for fact in &r.facts {
        for x in fact.bounds.iter().flatten().flatten().chain(fact.consensus.iter().flatten().flatten()) {
            assert!(x.is_finite(), "fact {:?}", fact.label);
        }
    }
    for g in &r.quote_groups {
        assert!(g.similarity.is_finite());
    }
}

#[test]
fn numbers_beyond_a_double_are_refused_with_a_reason() {
    let nines = "9".repeat(309);
    let zeros = format!("1{}", "0".repeat(309));
    let grouped = format!("1{}", ",000".repeat(110));
    for big in [&nines, &zeros, &grouped] {
        let text = format!("Officials said {big} people were evacuated from Ostvik on Monday. Another 40 people were hurt.");
        let r = analyze(&[article(&text), article("In Ostvik, 40 people were hurt on Monday, officials said.")]);
        assert_numbers_finite(&r);
        let json = serde_json::to_string(&r).expect("serializes");
        assert!(!json.contains("\"value\":null"), "{json}");
        // The number is not a figure; the ordinary one next to it still is.
        assert!(r.figures.iter().all(|f| !f.text.contains("999") && !f.text.contains("000,000")), "{:?}", r.figures);
        assert!(r.figures.iter().any(|f| f.value == 40.0 && f.doc == 0));
        // ... and the source says why.
        assert!(r.documents[0].warnings.iter().any(|w| w.contains("digits") && w.contains("10^300")), "{:?}", r.documents[0].warnings);
        assert!(r.documents[1].warnings.iter().all(|w| !w.contains("digits")));
        // Alone, through `extract` too.
        let alone = extract_figures(&text);
        assert!(alone.iter().all(|f| f.value.is_finite() && !f.text.contains("999") && !f.text.contains("000,000")), "{alone:?}");
    }
}

#[test]
fn the_largest_kept_figures_stay_finite_through_comparison() {
    // 10^300 itself is kept; converting it between units (days and years, metres and
    // kilometres) and banding it ("about") stays finite.
    let big = format!("1{}", "0".repeat(300));
    let a = format!("About {big} years have passed since the flood in Ostvik, and the river rose {big} kilometres.");
    let b = format!("Nearly {big} days have passed since the flood in Ostvik, and the river rose {big} metres.");
    let r = analyze(&[article(&a), article(&b)]);
    assert!(r.figures.iter().any(|f| f.value == 1e300), "{:?}", r.figures.iter().map(|f| &f.text).collect::<Vec<_>>());
    assert_numbers_finite(&r);
}
