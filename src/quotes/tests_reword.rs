//! Tests of the same statement across rewording (translation, a rewrite that keeps few
//! words, a quotation cut differently, a partial quotation of a word) and of speakers
//! named near their quotations, on sentences written for these tests.

use super::tests::entity;
use super::*;
use crate::report::EntityKind;
use crate::text::TextDoc;

fn persons(docs: &[TextDoc], names: &[&str]) -> Vec<crate::report::Entity> {
    let refs: Vec<&TextDoc> = docs.iter().collect();
    names.iter().enumerate().map(|(i, n)| entity(i, EntityKind::Person, n, None, &refs)).collect()
}

/// The group of the quotation of `doc` that contains `words`, if any.
fn group_of(quotes: &[Quote], groups: &[QuoteGroup], doc: usize, words: &str) -> Option<usize> {
    let q = quotes.iter().find(|q| q.doc == doc && q.text.contains(words))?;
    groups.iter().position(|g| g.quotes.contains(&q.id))
}

#[test]
fn partial_quotation_of_one_word_groups_only_with_a_speaker() {
    let docs = vec![
        TextDoc::new(0, "Lina Ortiz toured the flooded district. Ortiz said the damage was “catastrophic” and promised help."),
        TextDoc::new(1, "The destruction is “catastrophic”, Ortiz told reporters on Monday."),
        TextDoc::new(2, "Families slept in “temporary” tents. The “temporary” tents leaked."),
    ];
    let ents = persons(&docs, &["Ortiz"]);
    let (quotes, groups) = analyze(&docs, &ents);
    let g0 = group_of(&quotes, &groups, 0, "catastrophic");
    assert!(g0.is_some() && g0 == group_of(&quotes, &groups, 1, "catastrophic"), "{quotes:?} {groups:?}");
    // Scare quotes without a speaker are no quotations.
    assert!(quotes.iter().all(|q| q.doc != 2), "{quotes:?}");
}

#[test]
fn a_partial_quotation_alone_is_dropped() {
    let docs = vec![TextDoc::new(0, "Ortiz said the damage was “catastrophic”."), TextDoc::new(1, "Ortiz visited the shelters.")];
    let ents = persons(&docs, &["Ortiz"]);
    let (quotes, groups) = analyze(&docs, &ents);
    assert!(quotes.is_empty() && groups.is_empty(), "{quotes:?}");
}

#[test]
fn a_description_by_age_is_the_person_just_named() {
    let docs = vec![TextDoc::new(0, "Lina Ortiz toured the district on Monday. “We will rebuild every bridge in this valley,” the 61-year-old leader said.")];
    let ents = persons(&docs, &["Lina Ortiz"]);
    let (quotes, _) = analyze(&docs, &ents);
    assert_eq!(quotes.first().and_then(|q| q.speaker), Some(0), "{quotes:?}");
}

#[test]
fn a_name_before_a_long_apposition_is_the_speaker() {
    let docs = vec![TextDoc::new(
        0,
        "Rescuers worked through the night. “We carried children out through the windows,” Petra Lund, a nurse at the clinic that took in most of the injured, told the radio.",
    )];
    let ents = persons(&docs, &["Petra Lund"]);
    let (quotes, _) = analyze(&docs, &ents);
    let q = quotes.first();
    assert_eq!(q.and_then(|q| q.speaker), Some(0), "{quotes:?}");
    assert_eq!(q.and_then(|q| q.speaker_text.as_deref()), Some("Petra Lund"));
}

#[test]
fn a_shorter_name_of_the_same_person_is_one_speaker() {
    let docs = vec![
        TextDoc::new(0, "“The runway will reopen once the wreck is removed,” Omar said."),
        TextDoc::new(1, "“The runway will reopen once the wreck has been removed,” Omar Haddad said."),
    ];
    let refs: Vec<&TextDoc> = docs.iter().collect();
    let ents = vec![entity(0, EntityKind::Person, "Omar Haddad", None, &refs[1..]), entity(1, EntityKind::Person, "Omar", None, &refs[..1])];
    assert!(mentions::same_speaker(&ents, 0, 1));
    let (_, groups) = analyze(&docs, &ents);
    assert_eq!(groups.len(), 1);
    let other = vec![entity(0, EntityKind::Person, "Omar Haddad", None, &refs[1..]), entity(1, EntityKind::Person, "Ines Paz", None, &refs[..1])];
    assert!(!mentions::same_speaker(&other, 0, 1));
}
