//! Entity stage on news written for these tests (fictional places, people, ships and
//! organisations) for the errors left by the previous round: names in all-capital
//! headlines, demonyms of places the gazetteer does not know, ships and companies without
//! an organisation word, an organisation name straight before a person's name, display names
//! of translated organisations, untranslated German copy. Each test names the general rule
//! it checks.

mod common;

use common::{all_texts, entity, kind, run, same};
use crosscheck::EntityKind;

#[test]
fn a_name_in_an_all_capital_headline_is_a_mention_of_the_name_in_the_body() {
    let r = run(&[
        "FLOOD HORROR IN TERAVIA\n\nRiver levels kept rising across Teravia on Sunday, and officials in Teravia said \
         12 people had died.",
        "MARVELO'S DARKEST DAY\n\nStorms battered Marvelo overnight. Residents of Marvelo said the power was out.",
        "Quake strikes Ostenland\n\nA strong earthquake shook Ostenland on Monday.",
    ]);
    assert!(same(&r, "TERAVIA", "Teravia"), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "TERAVIA"), Some(EntityKind::Place));
    assert!(same(&r, "MARVELO", "Marvelo"), "{:?}", all_texts(&r));
    let t = all_texts(&r);
    for junk in ["FLOOD", "HORROR", "DARKEST DAY", "DARKEST"] {
        assert!(!t.iter().any(|x| x == junk), "{junk}: {t:?}");
    }
}

#[test]
fn banner_words_and_tabloid_emphasis_are_not_entities() {
    let r = run(&[
        "BREAKING: UP to 30 miners feared trapped in Kessia\n\nEXCLUSIVE\n\nLIVE UPDATE: Rescuers in Kessia \
         reached the shaft at dawn, the company said.",
        "TRAGEDY AT SEA\n\nA fishing boat sank off Kessia on Friday, and it was a DISASTER waiting to happen, \
         a disaster that locals had warned about.",
    ]);
    let t = all_texts(&r);
    for junk in ["UP", "BREAKING", "EXCLUSIVE", "LIVE", "UPDATE", "TRAGEDY", "DISASTER"] {
        assert!(!t.iter().any(|x| x == junk), "{junk}: {t:?}");
    }
    assert_eq!(kind(&r, "Kessia"), Some(EntityKind::Place), "{t:?}");
}

#[test]
fn genuine_acronyms_stand_even_in_all_capital_headlines() {
    let r = run(&[
        "UN, WHO SEND TEAMS AS NATO WAITS\n\nAid flights landed in Veloria on Tuesday.",
        "FBI JOINS HUNT FOR BOMBER\n\nInvestigators said the FBI had sent agents, and the UN condemned the attack. \
         The Veloria Rescue Agency (VRA) said the VRA would lead.",
    ]);
    let t = all_texts(&r);
    for a in ["UN", "NATO", "FBI", "VRA"] {
        assert!(t.iter().any(|x| x == a), "{a}: {t:?}");
        assert_eq!(kind(&r, a), Some(EntityKind::Org), "{a}");
    }
    assert!(same(&r, "UN", "UN"));
    assert!(same(&r, "FBI", "FBI"));
}

#[test]
fn adjectives_of_places_outside_the_gazetteer_are_demonyms_linked_to_the_place() {
    let r = run(&[
        "The Teravian army was deployed on Monday. Teravian officials said 40 people had died. Teravia has asked for \
         international help.",
        "KESSEL, Teravia (Wirepress) - The Teravian Interior Ministry said roads were cut.",
        "Teravia's Interior Ministry said on Tuesday that 41 people had died in the floods.",
    ]);
    let t = all_texts(&r);
    assert!(!t.iter().any(|x| x == "Teravian"), "a demonym is not a mention: {t:?}");
    assert_eq!(kind(&r, "Teravia"), Some(EntityKind::Place), "{t:?}");
    // the ministry named with the adjective and the one named with the country are one
    assert!(same(&r, "Teravian Interior Ministry", "Interior Ministry"), "{t:?}");
}

#[test]
fn a_demonym_shaped_given_name_is_not_taken_for_an_adjective() {
    let r = run(&["Julia Marsh said the vote was fair. Julian Brook, her rival, said Julia was wrong."]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "Julian Brook"), "{t:?}");
    assert_eq!(kind(&r, "Julian Brook"), Some(EntityKind::Person));
}

#[test]
fn ships_are_neither_people_nor_organisations() {
    let r = run(&[
        "The ferry Marisol Star was carrying 300 passengers when it ran aground. The tanker Baltic Pearl and the \
         container ship Northern Dawn joined the search.",
        "MV Marisol Star sank off the coast. Survivors were taken aboard the Kestrel Bay, a fishing trawler.",
        "The navy sent HMS Dauntless, and the Marisol Star ferry was later towed to port.",
    ]);
    let t = all_texts(&r);
    for ship in ["Marisol Star", "Baltic Pearl", "Northern Dawn", "HMS Dauntless", "Kestrel Bay"] {
        let k = kind(&r, ship);
        assert!(k != Some(EntityKind::Person) && k != Some(EntityKind::Org), "{ship}: {k:?} {t:?}");
    }
    assert!(same(&r, "MV Marisol Star", "Marisol Star"));
}

#[test]
fn companies_named_by_their_trade_are_organisations() {
    let r = run(&[
        "Halvern Sound Lines, which operates the route, said it was cooperating. Nordic Shipping and Atlas Logistics \
         said their schedules were disrupted, and Meridian Telecom restored service.",
    ]);
    for co in ["Halvern Sound Lines", "Nordic Shipping", "Atlas Logistics", "Meridian Telecom"] {
        assert_eq!(kind(&r, co), Some(EntityKind::Org), "{co}: {:?}", all_texts(&r));
    }
}

#[test]
fn an_organisation_name_straight_before_a_persons_name_is_two_entities() {
    let r = run(&[
        "Coast Guard Ingrid Vastola said the search would go on overnight. \"We will not stop,\" said Coast Guard \
         spokeswoman Ingrid Vastola.",
        "Red Cross official Ana Ruiz said shelters were full. Interior Ministry Sergei Volkov told reporters the \
         roads were closed.",
        "Manchester United Football Club said the match was off, and Halden Rovers said nothing.",
    ]);
    let t = all_texts(&r);
    assert_eq!(kind(&r, "Coast Guard"), Some(EntityKind::Org), "{t:?}");
    assert_eq!(kind(&r, "Ingrid Vastola"), Some(EntityKind::Person), "{t:?}");
    assert_eq!(entity(&r, "Ingrid Vastola").map(|e| e.mentions.len()), Some(2), "{t:?}");
    assert_eq!(kind(&r, "Ana Ruiz"), Some(EntityKind::Person), "{t:?}");
    assert_eq!(kind(&r, "Red Cross"), Some(EntityKind::Org), "{t:?}");
    assert_eq!(kind(&r, "Sergei Volkov"), Some(EntityKind::Person), "{t:?}");
    assert_eq!(kind(&r, "Interior Ministry"), Some(EntityKind::Org), "{t:?}");
    assert!(t.iter().any(|x| x == "Manchester United Football Club"), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("Guard Ingrid")), "{t:?}");
}

#[test]
fn a_translated_institution_is_shown_under_its_english_name() {
    let r = run(&[
        "La Cruz Roja dijo que 40 personas murieron. La Cruz Roja envió tiendas y la Cruz Roja pidió ayuda.",
        "The Red Cross said 40 people died.",
    ]);
    let e = entity(&r, "Cruz Roja").expect("entity");
    assert!(same(&r, "Cruz Roja", "Red Cross"));
    assert_eq!(e.name, "Red Cross");
}

#[test]
fn the_spelling_most_sources_use_names_the_entity() {
    let r = run(&[
        "Kyiv said the talks would resume. Officials in Kiev said so too, and Kiev confirmed it, and Kiev waited.",
        "Kyiv said nothing more on Monday.",
        "Shelling was heard in Kyiv overnight.",
    ]);
    let e = entity(&r, "Kiev").expect("entity");
    assert_eq!(e.name, "Kyiv");
}

#[test]
fn untranslated_german_copy_does_not_make_common_nouns_entities() {
    let r = run(&[
        "Die Polizei sagte, Menschen seien in Teravia gestorben. Die Feuerwehr half den Menschen in Kessel. Laut \
         Angaben der Behörden gab es viele Opfer. Das Technische Hilfswerk schickte Helfer.",
        "Police in Teravia said people had died in Kessel.",
    ]);
    let t = all_texts(&r);
    for junk in ["Die Polizei", "Polizei", "Menschen", "Die Feuerwehr", "Feuerwehr", "Opfer", "Behörden", "Laut"] {
        assert!(!t.iter().any(|x| x == junk), "{junk}: {t:?}");
    }
    assert!(same(&r, "Teravia", "Teravia"), "{t:?}");
    assert!(t.iter().any(|x| x == "Technische Hilfswerk"), "{t:?}");
}

#[test]
fn a_defined_long_form_with_function_words_is_one_organisation() {
    let r = run(&[
        "Observers from the Organization for Security and Co-operation in Europe (OSCE) said the vote in Ostrava was \
         orderly. The OSCE will publish its report on Friday.",
        "The OSCE said it saw no major fraud.",
    ]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "Organization for Security and Co-operation in Europe"), "{t:?}");
    assert!(same(&r, "Organization for Security and Co-operation in Europe", "OSCE"));
    assert_eq!(kind(&r, "OSCE"), Some(EntityKind::Org));
    assert!(!t.iter().any(|x| x == "Security" || x == "Europe"), "{t:?}");
}

#[test]
fn a_long_form_after_a_country_and_a_newspapers_short_name() {
    let r = run(&[
        "The US Centers for Disease Control and Prevention (CDC) said it was monitoring the outbreak. The CDC sent \
         two experts.",
        "Locals told the Daily Courier that hospitals were full. A nurse told the Courier she had not slept.",
    ]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "Centers for Disease Control and Prevention"), "{t:?}");
    assert!(!t.iter().any(|x| x == "US Centers for Disease Control"), "{t:?}");
    assert!(same(&r, "CDC", "Centers for Disease Control and Prevention"));
    assert!(same(&r, "Courier", "Daily Courier"), "{t:?}");
}
