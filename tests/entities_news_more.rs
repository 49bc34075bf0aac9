//! Entity stage on more multi-source news written for these tests (fictional places, people
//! and organisations): a plane crash with an airline and aviation authorities, a US-style
//! wildfire, a corporate takeover with banks and a regulator, a court ruling, a football
//! report and machine-translated wire copy. Each test names the general rule it checks.

mod common;

use common::{all_texts, entity, kind, run, same};
use crosscheck::EntityKind;

#[test]
fn clubs_and_teams_are_organisations_apart_from_their_city() {
    let r = run(&[
        "Real Vantoria beat Kessel United 2-1 on Saturday to go top of the table. Supporters of the Harbor City Hawks \
         gathered outside the stadium in Harbor City before the game.",
        "Real Vantoria fans celebrated in Vantoria until dawn. Northgate Rovers lost again.",
    ]);
    for team in ["Real Vantoria", "Kessel United", "Harbor City Hawks", "Northgate Rovers"] {
        assert_eq!(kind(&r, team), Some(EntityKind::Org), "{team}");
    }
    assert!(same(&r, "Real Vantoria", "Real Vantoria"));
    assert!(!same(&r, "Real Vantoria", "Vantoria"), "the club is not its city");
    assert!(!same(&r, "Harbor City Hawks", "Harbor City"), "the team is not its city");
}

#[test]
fn organisation_names_with_function_words_are_one_name() {
    let r = run(&[
        "Doctors Without Borders said its clinic was shelled. Reporters Without Borders and the Committee to Protect \
         Journalists condemned the arrest, and the Federal Office for Civil Protection sent tents.",
        "The Calidora Department of Forestry and Fire Protection said the Ridge Fire was contained.",
    ]);
    let t = all_texts(&r);
    for name in [
        "Doctors Without Borders",
        "Reporters Without Borders",
        "Committee to Protect Journalists",
        "Federal Office for Civil Protection",
        "Calidora Department of Forestry and Fire Protection",
    ] {
        assert!(t.contains(&name.to_string()), "{name}: {t:?}");
        assert_eq!(kind(&r, name), Some(EntityKind::Org), "{name}");
    }
    for part in ["Borders", "Protect Journalists", "Civil Protection", "Fire Protection"] {
        assert!(!t.contains(&part.to_string()), "{part}: {t:?}");
    }
    assert_ne!(kind(&r, "Ridge Fire"), Some(EntityKind::Person), "a named fire is not a person");
}

#[test]
fn and_after_an_organisation_of_x_does_not_swallow_a_person() {
    let r = run(&["The Ministry of Health and Anna Berg, its spokeswoman, gave different figures."]);
    let t = all_texts(&r);
    assert!(t.contains(&"Ministry of Health".to_string()) && t.contains(&"Anna Berg".to_string()), "{t:?}");
}

#[test]
fn translated_names_of_international_organisations_join_the_english_ones() {
    let r = run(&[
        "MADRID (EFE) - La Cruz Roja y la ONU enviaron ayuda a Morvaia. La OTAN y la OMS se reunieron. La UE aprobó un paquete.",
        "Selon la Croix-Rouge, l'ONU a demandé une trêve. L’OTAN a réagi.",
        "The Red Cross and the United Nations sent aid to Morvaia, the UN said. NATO and the WHO met in Brussels. \
         The EU approved an aid package.",
    ]);
    assert!(same(&r, "Cruz Roja", "Red Cross") && same(&r, "Croix-Rouge", "Red Cross"));
    assert!(same(&r, "ONU", "United Nations") && same(&r, "UN", "ONU"));
    assert!(same(&r, "OTAN", "NATO"));
    assert!(same(&r, "OMS", "WHO"));
    assert!(same(&r, "UE", "EU"));
    let t = all_texts(&r);
    assert!(!t.iter().any(|x| x.starts_with("L'") || x.starts_with("l'") || x.starts_with("L’")), "elided article kept: {t:?}");
    assert_eq!(kind(&r, "OTAN"), Some(EntityKind::Org));
}

#[test]
fn ministry_of_the_portfolio_is_one_organisation_and_mayor_of_x_a_place() {
    let r = run(&[
        "A spokesman for the ministry of the Interior said 40 people were detained. The mayor of Kastro said the \
         town was calm. The minister of Transport, Olav Brekke, promised an inquiry.",
        "The Ministry of the Interior later confirmed the figure. The Interior Ministry gave no names.",
    ]);
    let t = all_texts(&r);
    assert!(!t.contains(&"Interior".to_string()), "no bare portfolio: {t:?}");
    assert!(!t.contains(&"Transport".to_string()), "no bare portfolio: {t:?}");
    assert!(same(&r, "ministry of the Interior", "Ministry of the Interior"));
    assert!(same(&r, "Ministry of the Interior", "Interior Ministry"));
    assert_eq!(entity(&r, "ministry of the Interior").map(|e| e.name.as_str()), Some("Ministry of the Interior"));
    assert_eq!(kind(&r, "Kastro"), Some(EntityKind::Place), "the mayor of X: X is a town");
    assert_eq!(kind(&r, "Olav Brekke"), Some(EntityKind::Person));
}

#[test]
fn plane_crash_airline_authorities_and_city_hospital() {
    let r = run(&[
        "NORDHAVN, Estmark (Reuters) - A passenger plane operated by Skyline Air crashed after take-off from Nordhavn \
         International Airport on Monday, the Estmark Civil Aviation Authority said. The Airbus A320 was bound for Kessel.",
        "Forty-one people died when a Skyline Air jet came down east of Nordhavn. The Civil Aviation Authority (CAA) opened \
         an investigation. Interior Minister Petra Lund visited survivors at Nordhavn University Hospital.",
    ]);
    assert_eq!(kind(&r, "Skyline Air"), Some(EntityKind::Org));
    assert!(same(&r, "NORDHAVN", "Nordhavn"));
    assert!(!same(&r, "Nordhavn", "Nordhavn University Hospital"), "a city is not its hospital");
    assert_eq!(kind(&r, "Nordhavn"), Some(EntityKind::Place));
    assert_eq!(kind(&r, "Nordhavn International Airport"), Some(EntityKind::Place));
    assert_ne!(kind(&r, "Airbus A320"), Some(EntityKind::Person), "no person's name has a digit");
    assert!(same(&r, "CAA", "Civil Aviation Authority"));
}

#[test]
fn takeover_banks_regulator_and_company_suffix_before_a_new_sentence() {
    let r = run(&[
        "LONDON, May 12 (Reuters) - Halvorsen Group agreed to buy rival Castellan Capital, in a deal advised by Goldman \
         Sachs and Barclays. Analysts at Morgan Stanley called the price fair. Transparency International said nothing.",
        "Britain's watchdog will examine the takeover of Castellan Capital Ltd. Regulators have 40 days to decide.",
    ]);
    for org in ["Goldman Sachs", "Barclays", "Morgan Stanley", "Transparency International"] {
        assert_eq!(kind(&r, org), Some(EntityKind::Org), "{org}");
    }
    let t = all_texts(&r);
    assert!(!t.iter().any(|x| x.contains("Regulators")), "a company suffix's period ends the name: {t:?}");
    assert!(same(&r, "Castellan Capital", "Castellan Capital Ltd"));
}

#[test]
fn wildfire_sheriff_title_is_a_role() {
    let r = run(&["\"It jumped the highway in minutes,\" said Dorado County Sheriff Ray Okafor. Sheriff Okafor ordered evacuations."]);
    let e = entity(&r, "Ray Okafor").expect("the sheriff");
    assert_eq!(e.kind, EntityKind::Person);
    assert!(!all_texts(&r).iter().any(|x| x.contains("Sheriff")), "title kept out of the name");
}

#[test]
fn foreign_spellings_of_major_cities_join_the_english_name() {
    let r = run(&[
        "La OTAN y la OMS se reunieron en Bruselas el martes.",
        "Les ministres se sont réunis à Varsovie puis à Genève.",
        "NATO and WHO officials met in Brussels on Tuesday, then flew to Warsaw and Geneva.",
    ]);
    assert!(same(&r, "Bruselas", "Brussels"));
    assert!(same(&r, "Varsovie", "Warsaw"));
    assert!(same(&r, "Genève", "Geneva"));
    assert_eq!(kind(&r, "Bruselas"), Some(EntityKind::Place));
}

#[test]
fn occupations_before_a_name_are_roles_not_name_words() {
    // Features and science stories name people by their trade: "Engineer X", "Glaciologist Y".
    let r = run(&[
        "Engineer Hana Kolar said the cables had corroded for years. Glaciologist Mira Hansen, who has studied \
         the shelf since 2004, said the crack was new.",
        "Kolar told the inquiry that inspections were rushed, and epidemiologist Tomas Brel agreed.",
    ]);
    let kolar = entity(&r, "Hana Kolar").expect("Hana Kolar without her trade");
    assert_eq!(kolar.name, "Hana Kolar");
    assert!(kolar.roles.iter().any(|x| x.eq_ignore_ascii_case("engineer")), "{:?}", kolar.roles);
    assert!(same(&r, "Hana Kolar", "Kolar"));
    assert_eq!(kind(&r, "Mira Hansen"), Some(EntityKind::Person));
    assert_eq!(kind(&r, "Tomas Brel"), Some(EntityKind::Person));
    let t = all_texts(&r);
    assert!(!t.iter().any(|m| m.starts_with("Engineer") || m.starts_with("Glaciologist")), "{t:?}");
}

#[test]
fn a_capitals_other_spellings_are_one_place() {
    // countries.tsv lists former spellings as capitals; entity_places.txt says they are one city.
    let r = run(&[
        "Missiles struck Kyiv overnight, the city's mayor said.",
        "KIEV (Wire) - Air raid sirens sounded across Kiev before dawn.",
    ]);
    assert!(same(&r, "Kyiv", "Kiev"));
    assert_eq!(kind(&r, "Kyiv"), Some(EntityKind::Place));
}
