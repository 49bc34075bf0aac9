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

/// Three statements of one speaker; the middle one reworded in the second source.
fn three_statements(middle: &str) -> Vec<TextDoc<'_>> {
    let _ = middle;
    vec![
        TextDoc::new(
            0,
            "“We have opened twelve shelters across the valley tonight,” Diallo said. “The dam on the upper river is holding, but engineers are watching it hour by hour,” Diallo added. “Every family will receive food and blankets by Friday,” Diallo said.",
        ),
        TextDoc::new(1, middle),
    ]
}

#[test]
fn a_rewording_between_two_shared_statements_is_the_same_statement() {
    let b = "“We opened twelve shelters across the valley tonight,” Diallo said. “For now the barrier upstream resists, and engineers check on it constantly,” Diallo said. “Each family will get food and blankets by Friday,” Diallo said.";
    let docs = three_statements(b);
    let ents = persons(&docs, &["Diallo"]);
    let (quotes, groups) = analyze(&docs, &ents);
    assert_eq!(groups.len(), 3, "{quotes:?} {groups:?}");
    let g = group_of(&quotes, &groups, 0, "dam on the upper river");
    assert!(g.is_some() && g == group_of(&quotes, &groups, 1, "barrier upstream"), "{groups:?}");
}

#[test]
fn order_alone_never_groups_two_statements() {
    let b = "“We opened twelve shelters across the valley tonight,” Diallo said. “Nobody could have imagined such a night,” Diallo said. “Each family will get food and blankets by Friday,” Diallo said.";
    let docs = three_statements(b);
    let ents = persons(&docs, &["Diallo"]);
    let (quotes, groups) = analyze(&docs, &ents);
    assert_eq!(groups.len(), 2, "{quotes:?} {groups:?}");
    assert_eq!(group_of(&quotes, &groups, 1, "Nobody could"), None);
}

#[test]
fn another_speakers_statement_is_not_aligned_by_order() {
    let b = "“We opened twelve shelters across the valley tonight,” Diallo said. “For now the barrier upstream resists, and engineers check on it constantly,” Keita said. “Each family will get food and blankets by Friday,” Diallo said.";
    let docs = three_statements(b);
    let ents = persons(&docs, &["Diallo", "Keita"]);
    let (quotes, groups) = analyze(&docs, &ents);
    assert_eq!(group_of(&quotes, &groups, 1, "barrier upstream"), None, "{groups:?}");
}

#[test]
fn a_quotation_cut_differently_is_aligned_sentence_by_sentence() {
    let docs = vec![
        TextDoc::new(0, "“The water came into the houses within minutes. We lost everything we owned in one night,” Keita said."),
        TextDoc::new(1, "“The water came into the houses within minutes,” Keita said, standing in the mud of her street. “We lost everything we owned in one night.”"),
        TextDoc::new(2, "“The water came into the houses within minutes. We lost everything we owned in one night,” Keita said."),
    ];
    let ents = persons(&docs, &["Keita"]);
    let (quotes, groups) = analyze(&docs, &ents);
    assert_eq!(groups.len(), 2, "{quotes:?} {groups:?}");
    let first = group_of(&quotes, &groups, 1, "water came").and_then(|g| groups.get(g));
    let second = group_of(&quotes, &groups, 1, "lost everything").and_then(|g| groups.get(g));
    assert!(first.is_some_and(|g| g.quotes.len() == 3) && second.is_some_and(|g| g.quotes.len() == 3), "{groups:?}");
    // Quoted whole by every source: the whole quotations are one group.
    let whole = [docs[0].clone(), docs[2].clone()];
    let whole = [TextDoc::new(0, whole[0].text), TextDoc::new(1, whole[1].text)];
    let (quotes, groups) = analyze(&whole, &persons(&whole, &["Keita"]));
    assert_eq!((quotes.len(), groups.len()), (2, 1), "{quotes:?}");
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
