//! Companies named without an organisation word ("Halvorsen", "Brightwater") are told from
//! people by corporate context, and same-named ministries of different countries are kept
//! apart. Fixtures are invented sentences about fictional firms and events.

mod common;

use common::{run, entity, kind};
use crosscheck::{Entity, EntityKind, Report};

#[test]
fn lone_name_with_stock_and_spokesperson_context_is_an_org() {
    let r = run(&["Halvorsen said on Tuesday that quarterly profits rose by a fifth. Shares of Halvorsen \
                   fell 3% in early trading, and a spokeswoman for Halvorsen declined to comment."]);
    assert_eq!(kind(&r, "Halvorsen"), Some(EntityKind::Org), "{:?}", r.entities);
}

#[test]
fn possessive_profits_and_chief_executive_make_an_org() {
    let r = run(&["Brightwater's profits doubled last year, the water utility reported. Brightwater chief \
                   executive Mara Lind told analysts that prices would stay flat."]);
    assert_eq!(kind(&r, "Brightwater"), Some(EntityKind::Org), "{:?}", r.entities);
    let lind = entity(&r, "Mara Lind").expect("Mara Lind");
    assert_eq!(lind.kind, EntityKind::Person);
}

#[test]
fn job_phrases_before_a_name_make_an_org() {
    let r = run(&["Prices could climb further, said Tomas Reyes, an analyst at Quorrel. The chief executive \
                   of Vantrell, Ines Hale, said demand had slowed."]);
    assert_eq!(kind(&r, "Quorrel"), Some(EntityKind::Org), "{:?}", r.entities);
    assert_eq!(kind(&r, "Vantrell"), Some(EntityKind::Org), "{:?}", r.entities);
    assert_eq!(kind(&r, "Tomas Reyes"), Some(EntityKind::Person));
    assert_eq!(kind(&r, "Ines Hale"), Some(EntityKind::Person));
}

#[test]
fn reporting_verb_alone_does_not_outweigh_company_cues() {
    let r = run(&[
        "Selmarix said it would cut 400 jobs. Selmarix said the cuts would fall mostly on its plants.",
        "Selmarix shares dropped 8% after the announcement.",
    ]);
    assert_eq!(kind(&r, "Selmarix"), Some(EntityKind::Org), "{:?}", r.entities);
}

#[test]
fn people_stay_people_near_corporate_words() {
    // A titled or fully named person is a person even when a company word follows.
    let r = run(&["Mr. Tallis said shares would recover. Union leader Ada Okonkwo said the strike would go on, \
                   and Okonkwo said workers' pay had not kept up with the company's profits."]);
    assert_eq!(kind(&r, "Tallis"), Some(EntityKind::Person), "{:?}", r.entities);
    assert_eq!(kind(&r, "Okonkwo"), Some(EntityKind::Person), "{:?}", r.entities);
    // A lone name with only a reporting verb stays a person.
    let r = run(&["Feldmann said the vote would be close. Feldmann said he would not concede early."]);
    assert_eq!(kind(&r, "Feldmann"), Some(EntityKind::Person), "{:?}", r.entities);
}

#[test]
fn a_spokesperson_for_a_named_person_keeps_the_person() {
    let r = run(&["Mara Lind said the council would meet. A spokeswoman for Lind said the date was not set."]);
    assert_eq!(kind(&r, "Lind"), Some(EntityKind::Person), "{:?}", r.entities);
}

fn ministries<'a>(r: &'a Report, name: &str) -> Vec<&'a Entity> {
    r.entities.iter().filter(|e| e.mentions.iter().any(|m| m.text == name)).collect()
}

#[test]
fn same_named_ministries_of_two_countries_stay_apart() {
    let r = run(&["Grain exports were halted on Monday, the Chilean Agriculture Ministry said. Peru's \
                   Agriculture Ministry said it would send inspectors, and the Chilean Agriculture Ministry \
                   later welcomed them."]);
    let ms = ministries(&r, "Agriculture Ministry");
    assert_eq!(ms.len(), 2, "{:?}", r.entities);
    let chile = ms.iter().find(|e| e.mentions.len() == 2).expect("the Chilean ministry twice");
    assert!(chile.name.contains("Chile"), "{}", chile.name);
}

#[test]
fn bare_ministry_joins_the_only_qualified_one() {
    let r = run(&["Kenya's Interior Ministry ordered the roads closed. Later, the Interior Ministry said \
                   that 40 people had been rescued from the floods."]);
    let ms = ministries(&r, "Interior Ministry");
    assert_eq!(ms.len(), 1, "{:?}", r.entities);
    assert_eq!(ms[0].mentions.len(), 2);
}

#[test]
fn bare_ministry_with_two_countries_joins_neither() {
    let r = run(&[
        "The Russian Foreign Ministry said talks would resume. The Kazakh Foreign Ministry said it had \
         not been told. The Foreign Ministry did not say when.",
        "Russia's Foreign Ministry repeated the offer on Friday.",
    ]);
    let ms = ministries(&r, "Foreign Ministry");
    assert_eq!(ms.len(), 3, "{:?}", r.entities);
    let russian = ms.iter().find(|e| e.mentions.iter().any(|m| m.doc == 1)).expect("Russian ministry");
    assert_eq!(russian.mentions.len(), 2, "both sources' Russian ministry merge");
}
