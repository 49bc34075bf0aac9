//! Comparison end to end on stories written for these tests (fictional outlets and
//! numbers, real US states from the gazetteer): counts of a group of people (an age
//! band, a vaccination status) are parts, one fact across wordings; a breakdown after a
//! dash counts what its head counts; a level a rate left is that rate's earlier value.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::facts::{art, fact_of, texts};
use crosscheck::analyze;

#[test]
fn an_age_band_is_a_part_and_one_fact_across_wordings() {
    let a = "Flu in Kansas\n\nKansas has reported 400 flu cases since January, health officials said on Monday. \
Some 60 cases have been in children younger than 5.";
    let b = "Kansas flu update\n\nKansas has reported 400 cases since January, officials said. Children 4 and under \
account for 60 cases.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let band = fact_of(&r, 0, "60 cases").expect("age band fact");
    let t = texts(&r, band);
    assert_eq!(t.iter().filter(|x| x.contains("60")).count(), 2, "{t:?} {}", band.label);
    assert!(!t.iter().any(|x| x.contains("400")), "{t:?}");
    assert!(band.label.contains("0–4"), "{}", band.label);
    let total = fact_of(&r, 0, "400 flu cases").expect("total fact");
    assert!(!texts(&r, total).iter().any(|x| x.contains("60")), "{:?}", texts(&r, total));
}

#[test]
fn a_breakdown_after_a_dash_counts_what_its_head_counts() {
    let a = "Flu spreads\n\nSix flu cases were found in people who had received at least one dose – two in Kansas \
and four in Iowa, officials said.";
    let b = "Flu in two states\n\nSix cases were in people with at least one dose: two in Kansas and four in Iowa.";
    let r = analyze(&[art("A", a), art("B", b)]);
    for part in ["two", "four"] {
        let f = fact_of(&r, 0, part).expect("part fact");
        let t = texts(&r, f);
        assert_eq!(t.len(), 2, "{part}: {t:?} {}", f.label);
        assert!(f.label.contains("vaccinated"), "{}", f.label);
    }
    let whole = fact_of(&r, 0, "Six flu cases").expect("whole fact");
    assert!(!texts(&r, whole).iter().any(|x| *x == "two" || *x == "four"), "{:?}", texts(&r, whole));
}

#[test]
fn each_state_of_a_list_is_its_counts_scope() {
    // Nebraska is a place because the gazetteer lists every US state; "confirmed and
    // suspected" inside the noun phrase does not cut the scope off; "had previously
    // reported" is a report made before, not a value replaced.
    let a = "Flu in the Plains\n\nKansas has reported 400 cases, Iowa has reported 90 cases and Nebraska had \
previously reported six cases, officials said on Monday.";
    let b = "Plains flu\n\nIn nearby Nebraska, the total number of confirmed and suspected flu cases has increased \
to eleven, officials said on Friday.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let ne = fact_of(&r, 0, "six cases").expect("Nebraska fact");
    let t = texts(&r, ne);
    assert!(t.contains(&"eleven"), "{t:?} {}", ne.label);
    assert!(!t.iter().any(|x| x.contains("400") || x.contains("90")), "{t:?}");
    assert!(ne.label.contains("Nebraska"), "{}", ne.label);
}

#[test]
fn a_noun_in_s_before_a_plural_modifies_it() {
    let a = "Mumps in Iowa\n\nIowa has confirmed 43 mumps cases, officials said.";
    let b = "Iowa update\n\nIowa has reported 43 cases of mumps, the health department said.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let f = fact_of(&r, 0, "43").expect("cases fact");
    assert_eq!(texts(&r, f).len(), 2, "{:?} {}", texts(&r, f), f.label);
}

#[test]
fn the_level_a_rate_left_is_that_rates_earlier_value() {
    let a = "Ostvia cuts rates\n\nThe central bank of Ostvia cut its main rate to 4%, down from 4.25%, on Thursday.";
    let b = "Rate cut in Ostvia\n\nOstvia's central bank lowered its main rate by a quarter point to 4%, from the \
ten-year high of 4.25%, on Thursday.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let old = fact_of(&r, 0, "4.25%").expect("earlier rate fact");
    let t = texts(&r, old);
    assert_eq!(t.iter().filter(|x| x.contains("4.25")).count(), 2, "{t:?} {}", old.label);
    assert!(!t.iter().any(|x| *x == "4%"), "{t:?}");
    let new = fact_of(&r, 0, "4%").expect("rate fact");
    assert_eq!(texts(&r, new).iter().filter(|x| **x == "4%").count(), 2, "{:?}", texts(&r, new));
}
