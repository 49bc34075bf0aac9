//! Companies named without an organisation word ("Halvorsen", "Brightwater") are told from
//! people by corporate context, and same-named ministries of different countries are kept
//! apart. Fixtures are invented sentences about fictional firms and events.

use crosscheck::{analyze, Article, Entity, EntityKind, Report};

fn run(texts: &[&str]) -> Report {
    let arts: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article { name: format!("s{i}"), text: t.to_string() }).collect();
    analyze(&arts)
}

fn entity<'a>(r: &'a Report, text: &str) -> Option<&'a Entity> {
    r.entities.iter().find(|e| e.mentions.iter().any(|m| m.text == text))
}

fn kind(r: &Report, text: &str) -> Option<EntityKind> {
    entity(r, text).map(|e| e.kind)
}

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
