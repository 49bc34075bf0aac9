//! What a figure measures and whom it is about, read from the sentence's structure, on
//! sentences written for these tests (all names invented): vague amounts of a unit,
//! relative clauses with and without commas.

use crosscheck::figures::extract;
use crosscheck::text::TextDoc;
use crosscheck::{Figure, FigureKind};

fn find(text: &str, fig: &str) -> Figure {
    let doc = TextDoc::new(0, text);
    let figs: Vec<Figure> = extract(&doc).into_iter().filter(|f| f.kind == FigureKind::Quantity).collect();
    figs.iter().find(|f| f.text == fig).cloned().unwrap_or_else(|| panic!("no figure {fig:?} in {:?}", figs.iter().map(|f| &f.text).collect::<Vec<_>>()))
}

#[test]
fn a_vague_amount_of_a_unit_is_a_measure_of_what_the_clause_names() {
    // the unit after "of" is the unit, not what is counted: the clause says what it measures
    let f = find("The ash forms a haze that drifts hundreds of kilometres over the gulf.", "hundreds of kilometres");
    assert_eq!(f.unit.as_deref(), Some("kilometre"));
    assert_eq!((f.concept.as_str(), f.about.as_str()), ("haze", "haze"));
    let f = find("Rebuilding the quay will cost tens of millions of dollars, the port authority said.", "tens of millions of dollars");
    assert_eq!(f.unit.as_deref(), Some("dollar"));
    assert_ne!(f.concept, "dollars");
    // after a scale, pounds are money
    let f = find("The syndicate lost millions of pounds on the bond.", "millions of pounds");
    assert_eq!(f.unit.as_deref(), Some("pound sterling"));
    // a vague count still counts its noun
    let f = find("Thousands of commuters were stranded.", "Thousands of commuters");
    assert_eq!(f.unit.as_deref(), Some("commuter"));
}

#[test]
fn the_verb_after_a_relative_pronoun_heads_the_clause() {
    // "crosses" is the verb of the relative clause: the line runs 40 km, not the valley
    let f = find("A fault line that crosses the valley runs 40 kilometres.", "40 kilometres");
    assert_eq!(f.about, "fault line");
}

#[test]
fn a_relative_clause_without_commas_does_not_give_the_subject() {
    let f = find("The turbine that powers the mill produced 40 megawatts last year.", "40 megawatts");
    assert_eq!(f.about, "turbine");
    let f = find("The dredger which cleared the channel removed 9,000 tonnes of silt.", "9,000 tonnes");
    assert!(f.about.starts_with("dredger"), "{:?}", f.about);
    // a verb that reports a finding takes a clause, not an object
    let f = find("The audit that found rents rose 5% was published on Monday.", "5%");
    assert_eq!(f.about, "rents");
}

#[test]
fn they_in_a_later_clause_stands_for_the_plural_noun_before_it() {
    let f = find("The tender lifted the bonds sharply and they were up 3% by the close.", "3%");
    assert_eq!(f.about, "bonds");
    assert_eq!(f.concept, "bonds");
}

#[test]
fn a_unit_after_a_modifier_is_a_measure_of_the_clause() {
    // the modifier may look like a verb form ("rushing") or a change word
    let f = find("The Hawks defence conceded 412 rushing yards to Kelby State.", "412 rushing yards");
    assert_eq!(f.unit.as_deref(), Some("yard"));
    assert!(f.about.contains("defence"), "{:?}", f.about);
    let f = find("The relay team swam 800 extra metres in training.", "800 extra metres");
    assert_eq!(f.unit.as_deref(), Some("metre"));
    assert!(f.about.contains("relay team"), "{:?}", f.about);
}

#[test]
fn a_vague_count_is_about_its_owner_like_a_number() {
    // "thousands of X" is a count, not a selection ("two of the X")
    let f = find("Thieves copied the tax files of millions of savers in May.", "millions of savers");
    assert_eq!(f.about, "tax files");
    let f = find("The brewery's drivers delivered thousands of kegs that week.", "thousands of kegs");
    assert!(f.about.contains("drivers"), "{:?}", f.about);
}

#[test]
fn a_ticker_in_brackets_after_the_subject_is_not_the_subject() {
    let f = find("Carrow Mills (CRW.L) fell 6.5% on Tuesday.", "6.5%");
    assert!(f.about.contains("Carrow"), "{:?}", f.about);
}

#[test]
fn a_second_verb_after_and_shares_the_first_ones_subject() {
    let f = find("The new kettle holds 2 litres and costs $40.", "$40");
    assert_eq!(f.about, "new kettle");
    let f = find("Harlow Foods hired 300 drivers and opened 12 depots.", "12 depots");
    assert_eq!(f.about, "Harlow Foods");
}

#[test]
fn a_predicate_is_not_what_a_figure_is_about() {
    let f = find("It is quite cheap, costing only $20 a month.", "$20 a month");
    assert!(!f.about.contains("cheap"), "{:?}", f.about);
    let f = find("It is very fast and can reach 300 km/h.", "300 km/h");
    assert!(!f.about.contains("fast"), "{:?}", f.about);
    // a gerund names an activity
    let f = find("In Orra, testing between 2014 and 2017 came back at 4 ppb.", "4 ppb");
    assert!(f.about.contains("testing"), "{:?}", f.about);
}
