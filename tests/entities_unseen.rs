//! Entity stage on news of kinds never seen (issue 16), on sentences written for these
//! tests with fictional institutions, people and places: acronyms in any case and with
//! dots, names defined in brackets, brands, outlets. Each test names the general rule it
//! checks.

mod common;

use common::{all_texts, kind, run, same};
use crosscheck::EntityKind;

#[test]
fn acronyms_with_lowercase_minor_letters_join_their_long_form_in_any_case() {
    let r = run(&[
        "The Bank of Fendia (BoF) cut its main rate on Tuesday. Officials said the BoF acted alone.",
        "Markets rose after the BOF decision, traders in Fendia said.",
    ]);
    assert!(same(&r, "Bank of Fendia", "BoF"), "{:?}", all_texts(&r));
    assert!(same(&r, "BoF", "BOF"), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "BOF"), Some(EntityKind::Org));
}

#[test]
fn a_dotted_acronym_that_lost_its_last_period_is_still_the_place() {
    let r = run(&["Inflation in the U.K fell to 2 percent, while the UK pound rose."]);
    assert!(same(&r, "U.K", "UK"), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "U.K"), Some(EntityKind::Place));
}

#[test]
fn a_title_case_acronym_defined_once_is_an_acronym_in_every_source() {
    let r = run(&[
        "Teams from the Federal Relief Management Agency (Frma) reached the coast on Friday.",
        "Frma said its crews were working through the night.",
    ]);
    assert!(same(&r, "Federal Relief Management Agency", "Frma"), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "Frma"), Some(EntityKind::Org));
}

#[test]
fn an_acronym_in_another_language_after_an_organisation_name_is_defined_by_it() {
    let r = run(&[
        "The General Workers Confederation (CGX) called a strike for Thursday.",
        "The CGX said 40,000 people marched.",
    ]);
    assert!(same(&r, "General Workers Confederation", "CGX"), "{:?}", all_texts(&r));
}

#[test]
fn a_short_name_in_brackets_after_an_organisation_is_another_name_of_it() {
    let r = run(&[
        "The Marovian Forest Fire Department (Maro Fire) said 300 crews were on the lines.",
        "Maro Fire spokesman Ilan Dorsey said the blaze was 20 percent contained.",
        "MaroFire said on Sunday that winds had eased.",
    ]);
    assert!(same(&r, "Marovian Forest Fire Department", "Maro Fire"), "{:?}", all_texts(&r));
    assert!(same(&r, "Maro Fire", "MaroFire"), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "MaroFire"), Some(EntityKind::Org));
}

#[test]
fn a_brand_in_camel_case_and_an_outlet_that_reports_are_organisations() {
    let r = run(&[
        "The storm will weaken, SkyWatch said, and Lanthorn reported that 40 homes burned. \
         Dana McCallister said she had left.",
        "SkyWatch put the losses at 12 billion, Lanthorn reported.",
    ]);
    assert_eq!(kind(&r, "SkyWatch"), Some(EntityKind::Org), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "Lanthorn"), Some(EntityKind::Org));
    assert_eq!(kind(&r, "Dana McCallister"), Some(EntityKind::Person));
}

#[test]
fn storms_winds_and_models_are_neither_people_nor_places() {
    let r = run(&[
        "Hurricane Selma hit the coast on Monday as the dry Serra winds fanned the fires. An ATR 72 plane was grounded.",
        "Hurricane Selma weakened overnight.",
    ]);
    assert_eq!(kind(&r, "Hurricane Selma"), Some(EntityKind::Other), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "Serra"), Some(EntityKind::Other));
    assert_eq!(kind(&r, "ATR"), Some(EntityKind::Other));
}

#[test]
fn a_named_fire_written_with_a_lowercase_fire_is_the_same_fire() {
    let r = run(&[
        "Crews fought the Ridgeline fire overnight, but the fire crews were tired.",
        "The Ridgeline Fire was 20 percent contained on Sunday.",
    ]);
    assert!(same(&r, "Ridgeline fire", "Ridgeline Fire"), "{:?}", all_texts(&r));
}

#[test]
fn a_newspaper_title_after_a_capital_the_is_an_organisation() {
    let r = run(&["Prices rose again, The Clarion reported on Sunday, citing officials."]);
    assert_eq!(kind(&r, "Clarion"), Some(EntityKind::Org), "{:?}", all_texts(&r));
}

#[test]
fn an_apposition_with_a_title_head_makes_a_person_not_a_place() {
    let r = run(&["\"The roads are closed,\" said Tek Omar Lund, a top district official, on Monday."]);
    assert_eq!(kind(&r, "Tek Omar Lund"), Some(EntityKind::Person), "{:?}", all_texts(&r));
}

#[test]
fn outlets_told_a_statement_rivals_and_shops_are_organisations_not_places() {
    let r = run(&[
        "A spokeswoman confirmed to Orbis that its rival Quorra had cut 900 jobs, and a Brightwater restaurant closed.",
    ]);
    assert_eq!(kind(&r, "Orbis"), Some(EntityKind::Org), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "Quorra"), Some(EntityKind::Org));
    assert_eq!(kind(&r, "Brightwater"), Some(EntityKind::Org));
}

#[test]
fn religious_buildings_and_reservoirs_are_places() {
    let r = run(&["Pilgrims gathered at the Grand Mosque while the Santa Liora Reservoir stood empty."]);
    assert_eq!(kind(&r, "Grand Mosque"), Some(EntityKind::Place), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "Santa Liora Reservoir"), Some(EntityKind::Place));
}

#[test]
fn a_title_joined_by_and_is_part_of_a_party_name() {
    let r = run(&["The Justice and Renewal Party won 40 seats, and its rivals conceded."]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "Justice and Renewal Party"), "{t:?}");
    assert_eq!(kind(&r, "Justice and Renewal Party"), Some(EntityKind::Org));
}

#[test]
fn a_group_nouns_possessive_stays_inside_an_organisation_name() {
    let r = run(&["Voters backed the People's Unity Front, while the Republican People’s Party lost ground."]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "People's Unity Front"), "{t:?}");
    assert!(t.iter().any(|x| x == "Republican People’s Party"), "{t:?}");
}

#[test]
fn a_country_before_a_known_institution_is_its_own_mention() {
    let r = run(&[
        "The U.S. Federal Reserve held rates steady, while the United States economy grew.",
        "The Federal Reserve System (FRS) said inflation was easing.",
    ]);
    assert!(same(&r, "U.S.", "United States"), "{:?}", all_texts(&r));
    assert!(same(&r, "Federal Reserve", "Federal Reserve System"), "{:?}", all_texts(&r));
    assert!(!same(&r, "U.S.", "Federal Reserve"));
}

#[test]
fn banks_compounded_in_one_word_and_price_indices() {
    let r = run(&["The Valdorbank raised its rate after the Retail Price Index (RPI) rose 3 percent."]);
    assert_eq!(kind(&r, "Valdorbank"), Some(EntityKind::Org), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "Retail Price Index"), Some(EntityKind::Other));
}

#[test]
fn an_acronym_after_an_airline_name_is_the_aircraft_model() {
    let r = run(&["A Brava Airlines ATR 42 crashed near the coast; the ATR-42 had flown since 2009."]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "Brava Airlines"), "{t:?}");
    assert_eq!(kind(&r, "Brava Airlines"), Some(EntityKind::Org));
    assert_eq!(kind(&r, "ATR"), Some(EntityKind::Other), "{t:?}");
}

#[test]
fn a_family_name_written_as_spaced_initials_is_one_name() {
    let r = run(&[
        "The plane was flown by captain Omar K C, officials said.",
        "Captain Omar KC had 20 years of experience, while Captain Dev KC was off duty.",
    ]);
    assert!(same(&r, "Omar K C", "Omar KC"), "{:?}", all_texts(&r));
    assert!(!same(&r, "Omar KC", "Dev KC"));
}

#[test]
fn common_nouns_before_a_title_belong_to_the_title() {
    let r = run(&[
        "CalVerde Operations Chief Rina Solt said the fire had jumped the road. CalVerde operations crews withdrew.",
        "A Cal Verde spokesman said 300 firefighters were on the lines.",
    ]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "CalVerde"), "{t:?}");
    assert!(same(&r, "CalVerde", "Cal Verde"), "{t:?}");
    assert_eq!(kind(&r, "Rina Solt"), Some(EntityKind::Person));
}

#[test]
fn each_name_of_a_list_before_fires_is_a_fire() {
    let r = run(&[
        "The Dunmore fire and the Ashby Fire spread overnight.",
        "Crews held the Dunmore (60% contained) and Ashby (40% contained) fires on Sunday.",
    ]);
    assert!(same(&r, "Dunmore fire", "Dunmore"), "{:?}", all_texts(&r));
    assert!(same(&r, "Ashby Fire", "Ashby"), "{:?}", all_texts(&r));
    assert!(!same(&r, "Dunmore", "Ashby"));
}

#[test]
fn a_long_family_name_one_letter_wrong_is_the_same_person() {
    let r = run(&[
        "Opposition leader Rustem Karaballioglu conceded on Monday.",
        "Karaballiogu told supporters the count was unfair, and Rustem Karabaliioglu thanked them.",
        "Rustem Karaballioglu will run again.",
    ]);
    assert!(same(&r, "Rustem Karaballioglu", "Karaballiogu"), "{:?}", all_texts(&r));
    assert!(same(&r, "Rustem Karaballioglu", "Rustem Karabaliioglu"), "{:?}", all_texts(&r));
}

#[test]
fn a_given_name_one_letter_wrong_joins_only_when_the_title_agrees() {
    let r = run(&[
        "Interior Minister Gerald Vantreau said 140 officers were hurt.",
        "Interior Minister Gerard Vantreau announced new patrols.",
        "Finance Minister Gerart Vantreau, his cousin, declined to comment.",
    ]);
    let e = |doc: usize| r.entities.iter().position(|e| e.mentions.iter().any(|m| m.doc == doc && m.text.ends_with("Vantreau")));
    assert_eq!(e(0), e(1), "{:?}", all_texts(&r));
    assert_ne!(e(1), e(2), "{:?}", all_texts(&r));
}

#[test]
fn a_translated_acronym_after_a_party_name_is_not_a_term_of_the_words_before() {
    let r = run(&[
        "It will rule with the ultranationalist National Unity Movement (MUN), officials said.",
        "The MUN won 50 seats.",
    ]);
    assert!(same(&r, "National Unity Movement", "MUN"), "{:?}", all_texts(&r));
}

#[test]
fn a_city_of_the_gazetteer_is_a_place_only_without_other_evidence() {
    let r = run(&[
        "Volunteers handed out water at the Chattanooga shelter on Sunday.",
        "Mayor Lena Jackson said the Chattanooga shelters were full. Jackson said more beds would come.",
    ]);
    assert_eq!(kind(&r, "Chattanooga"), Some(EntityKind::Place), "{:?}", all_texts(&r));
    assert_eq!(kind(&r, "Lena Jackson"), Some(EntityKind::Person));
    assert!(same(&r, "Lena Jackson", "Jackson"), "{:?}", all_texts(&r));
}

#[test]
fn a_short_form_of_one_institution_or_facility_joins_it() {
    let r = run(&[
        "Flames neared the H. Lorne Ashcombe Museum and the Varna Bay International Airport, the Civil Aviation Board of Peru said.",
        "The Ashcombe Museum closed, flights left Varna Bay Airport, and the Civil Aviation Board gave no date.",
    ]);
    assert!(same(&r, "H. Lorne Ashcombe Museum", "Ashcombe Museum"), "{:?}", all_texts(&r));
    assert!(same(&r, "Varna Bay International Airport", "Varna Bay Airport"), "{:?}", all_texts(&r));
    assert!(same(&r, "Civil Aviation Board of Peru", "Civil Aviation Board"), "{:?}", all_texts(&r));
}

#[test]
fn a_short_form_shared_by_two_institutions_joins_neither() {
    let r = run(&[
        "Smoke reached the Ida Ashcombe Museum and the Henry Ashcombe Museum on Friday.",
        "The Ashcombe Museum said its paintings were safe.",
    ]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "Ashcombe Museum"), "{t:?}");
    assert!(!same(&r, "Ida Ashcombe Museum", "Henry Ashcombe Museum"), "{t:?}");
    assert!(!same(&r, "Ashcombe Museum", "Ida Ashcombe Museum"), "{t:?}");
    assert!(!same(&r, "Ashcombe Museum", "Henry Ashcombe Museum"), "{t:?}");
}

#[test]
fn the_capitalised_name_whose_initials_are_the_bracketed_acronym_is_its_long_form() {
    // End to end (the long form itself is checked in entities::mentions' unit test of the
    // same name: Schwartz-Hearst alone would stop at "Support").
    let r = run(&[
        "The federal Social Support Administration (SSA) paid 2 million claims in May.",
        "The SSA said claims would rise, and the Social Support Administration hired staff.",
    ]);
    let t = all_texts(&r);
    assert!(same(&r, "Social Support Administration", "SSA"), "{t:?}");
    assert!(!t.iter().any(|x| x == "Support Administration"), "{t:?}");
    assert_eq!(kind(&r, "SSA"), Some(EntityKind::Org));
}

#[test]
fn names_in_bylines_and_credits_are_mentions_only_when_a_story_names_them() {
    let r = run(&[
        "By Tomas Verhoef, Kestrel News\n\nFloodwaters closed 40 roads in the valley on Monday, Kestrel News reported.\n\nPhoto: Orla Pike / Lumen Agency\n\nThe river rose two metres overnight.",
        "The Lumen Agency said 300 homes were flooded.",
    ]);
    let t = all_texts(&r);
    let kestrel = r.entities.iter().find(|e| e.mentions.iter().any(|m| m.text == "Kestrel News")).expect("Kestrel News");
    assert_eq!(kestrel.mentions.iter().filter(|m| m.doc == 0).count(), 2, "{t:?}");
    assert!(r.entities.iter().any(|e| e.mentions.iter().any(|m| m.doc == 0 && m.text == "Lumen Agency") && e.mentions.iter().any(|m| m.doc == 1)), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("Verhoef") || x.contains("Orla")), "{t:?}");
}

#[test]
fn an_acronym_of_lowercase_terms_is_one_thing_in_every_source_even_from_a_list() {
    let r = run(&[
        "Clinics ran out of the tetanus, diphtheria, and pertussis (TDP) vaccine on Friday.",
        "Few children had the tetanus-diphtheria-pertussis (TDP) shot, nurses said.",
        "The TDP vaccine is free, the Velm Health Board said.",
    ]);
    let t = all_texts(&r);
    let e = r.entities.iter().find(|e| e.mentions.iter().any(|m| m.text == "TDP")).expect("TDP is an entity");
    assert_eq!(e.mentions.iter().map(|m| m.doc).collect::<std::collections::BTreeSet<_>>().len(), 3, "{t:?}");
    assert_eq!(e.kind, EntityKind::Other, "{t:?}");
    assert_eq!(kind(&r, "Velm Health Board"), Some(EntityKind::Org));
}

#[test]
fn the_agency_in_a_datelines_brackets_is_an_organisation() {
    let r = run(&[
        "Corvale, May 3 (Wirenet) - At least 12 people died in floods on Monday, officials said.",
        "PORTSEA, Marendia (Lumora) - Rescuers reached the villages on Tuesday.",
    ]);
    let t = all_texts(&r);
    assert_eq!(kind(&r, "Wirenet"), Some(EntityKind::Org), "{t:?}");
    assert_eq!(kind(&r, "Lumora"), Some(EntityKind::Org), "{t:?}");
    assert_eq!(kind(&r, "Corvale"), Some(EntityKind::Place), "{t:?}");
}

#[test]
fn a_university_of_a_place_comma_a_city_is_one_campus_name() {
    let r = run(&[
        "Scientists at the University of Veloria, Chattanooga said the water was safe.",
        "The UVC team, like the University of Marendia, Dallas and Houston, tested 40 wells.",
        "Staff of the University of Kestrel, Norway, agreed.",
    ]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "University of Veloria, Chattanooga"), "{t:?}");
    assert!(same(&r, "University of Veloria, Chattanooga", "UVC"), "{t:?}");
    // (a list after the comma, or a country, is not a campus)
    assert!(t.iter().any(|x| x == "University of Marendia"), "{t:?}");
    assert!(t.iter().any(|x| x == "University of Kestrel"), "{t:?}");
    assert_eq!(kind(&r, "University of Kestrel"), Some(EntityKind::Org), "{t:?}");
    assert_eq!(kind(&r, "Norway"), Some(EntityKind::Place), "{t:?}");
}

#[test]
fn a_dash_glued_between_a_dateline_and_the_story_splits_them() {
    let r = run(&[
        "Kastro, Upper Marendia-Relatives searched the hospitals on Monday.",
        "Floods hit Upper Marendia again, and Rolls-Royce closed a plant there.",
    ]);
    let t = all_texts(&r);
    assert!(t.iter().any(|x| x == "Upper Marendia"), "{t:?}");
    assert!(r.entities.iter().any(|e| e.mentions.iter().any(|m| m.doc == 0 && m.text == "Upper Marendia") && e.mentions.iter().any(|m| m.doc == 1)), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("Relatives")), "{t:?}");
    assert_eq!(kind(&r, "Kastro"), Some(EntityKind::Place), "{t:?}");
    assert!(t.iter().any(|x| x == "Rolls-Royce"), "{t:?}");
}

#[test]
fn a_fire_named_after_a_canyon_is_a_fire_and_its_bare_name_joins_it() {
    let r = run(&[
        "The Tarn Canyon fire has burned 9,000 acres, officials said.",
        "Crews held the line in Tarn Canyon overnight.",
    ]);
    let t = all_texts(&r);
    assert!(same(&r, "Tarn Canyon fire", "Tarn Canyon"), "{t:?}");
    let one = run(&["The Tarn Canyon fire has burned 9,000 acres, officials said."]);
    assert_eq!(kind(&one, "Tarn Canyon fire"), Some(EntityKind::Other), "{:?}", all_texts(&one));
}
