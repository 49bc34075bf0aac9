//! Comparison end to end on multi-source stories written for these tests (fictional
//! places, outlets and numbers): figures that agree, conflict, update over time, and
//! figures that share a unit but count different things. Assertions are on the facts that
//! matter (which figures are compared, and how), so a better extractor does not break them.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::facts::{art, fact_of, texts};
use crosscheck::{analyze, Status};

const QUAKE_WIRE: &str = "Quake in Veloria kills at least 212\n\nSANTA LUZ, Veloria (Wire) - A magnitude 7.1 \
earthquake struck southern Veloria before dawn on Tuesday, killing at least 212 people, the civil defence \
agency said.\n\nPresident Helena Sousa said the army had deployed 3,000 soldiers to the region. Authorities \
evacuated 3,000 people from villages near the coast.";
const QUAKE_LATER: &str = "Veloria earthquake: death toll climbs to 230\n\nThe death toll from Tuesday's \
earthquake in Veloria has climbed to 230, officials in Santa Luz said on Wednesday.\n\nPresident Helena \
Sousa, who visited Santa Luz on Wednesday, said 5,000 troops were now in the area. The USGS measured the \
quake at magnitude 7.0.";
const QUAKE_TABLOID: &str = "VELORIA HORROR: 220 DEAD\n\nAt least 220 people were killed when a massive \
7.1-magnitude quake ripped through Veloria, President Helena Sousa said. Over 1,000 were hurt in Santa Luz.";

#[test]
fn quake_story_compares_troops_magnitudes_and_tolls() {
    let r = analyze(&[art("Wire", QUAKE_WIRE), art("Later", QUAKE_LATER), art("Tabloid", QUAKE_TABLOID)]);
    // Soldiers deployed and troops counted without a verb are one fact.
    let troops = fact_of(&r, 0, "3,000 soldiers").expect("troops fact");
    let t = texts(&r, troops);
    assert!(t.iter().any(|x| x.contains("5,000")), "{t:?}");
    let tl = troops.label.to_lowercase();
    assert!(tl.contains("troops") || tl.contains("soldiers"), "{}", troops.label);
    // ... and never the people evacuated, though both are 3,000.
    assert!(!t.iter().any(|x| x.contains("people")), "{t:?}");
    if let Some(ev) = fact_of(&r, 0, "3,000 people") {
        assert!(!ev.figures.iter().any(|i| troops.figures.contains(i)));
    }
    // The magnitudes measured by the sources are compared: 7.0 is set apart.
    let mag = fact_of(&r, 0, "7.1").expect("magnitude fact");
    assert!(mag.figures.len() >= 2, "{:?}", texts(&r, mag));
    if texts(&r, mag).iter().any(|x| x.contains("7.0")) {
        assert_eq!(mag.status, Status::Conflict, "{}", mag.note);
    }
    // The later toll is an update: the fact says it changes over time.
    let killed = fact_of(&r, 0, "212 people").expect("killed fact");
    let k = texts(&r, killed);
    assert!(k.iter().any(|x| x.contains("230")), "{k:?}");
    assert!(killed.changing, "{}", killed.note);
    // No fact mixes the injured with the killed.
    if let Some(hurt) = fact_of(&r, 2, "1,000") {
        assert!(!texts(&r, hurt).iter().any(|x| x.contains("212") || x.contains("230")));
    }
}

#[test]
fn percentages_of_different_things_are_not_compared() {
    let a = "Estvia inflation slows\n\nAnnual inflation in Estvia slowed to 7.2 percent in March, the statistics \
office in Tallen said. Food prices rose 11 percent, while the central bank kept its key rate at 9 percent.";
    let b = "Estvia: prices ease\n\nAnnual inflation in Estvia was 7.2% in March, the Tallen statistics office \
said. Food costs were up 10.8%. The central bank held its key rate at 9%.";
    let c = "Inflation in Estvia at 7.4%\n\nInflation in Estvia eased to 7.4 percent in March, the Tallen office \
said. The central bank rate stays at 9.5 percent, and unemployment is 6 percent.";
    let r = analyze(&[art("A", a), art("B", b), art("C", c)]);
    for f in &r.facts {
        let t = texts(&r, f);
        let has = |s: &str| t.iter().any(|x| x.contains(s));
        // Unemployment is compared with nothing; food prices never with the rates.
        assert!(!(has("6 percent") && t.len() > 1), "{}: {t:?}", f.label);
        assert!(!(has("11 percent") && (has("9%") || has("9.5"))), "{}: {t:?}", f.label);
        assert!(!(has("7.2") && (has("9%") || has("11"))), "{}: {t:?}", f.label);
    }
    // Rounding is granted: 11 percent and 10.8% do not conflict, 7.2 and 7.4 do.
    if let Some(food) = fact_of(&r, 0, "11 percent").filter(|f| f.figures.len() > 1) {
        assert_ne!(food.status, Status::Conflict, "{}", food.note);
    }
    if let Some(infl) = fact_of(&r, 2, "7.4 percent").filter(|f| f.figures.len() > 1) {
        assert_eq!(infl.status, Status::Conflict, "{}", infl.note);
    }
}

#[test]
fn killed_and_injured_and_crowds_stay_apart_in_a_crackdown() {
    let a = "Security forces kill 12 in Sarn\n\nBELGRA, Sarn (Wire) - Security forces opened fire on protesters \
in Belgra on Friday, killing 12 people and wounding 40, rights groups said. Police arrested more than 300 \
demonstrators.";
    let b = "Sarn crackdown: 15 dead\n\nAt least 15 protesters were killed and 80 injured in Belgra on Friday, a \
rights group said. Authorities in Sarn said 350 people had been detained. Tens of thousands took to the streets.";
    let r = analyze(&[art("A", a), art("B", b)]);
    for f in &r.facts {
        let t = texts(&r, f);
        let has = |s: &str| t.iter().any(|x| x.contains(s));
        assert!(!(has("12") && (has("80") || has("40"))), "killed with injured: {t:?}");
        assert!(!(has("15") && has("80")), "killed with injured: {t:?}");
        assert!(!(has("Tens of thousands") && (has("15") || has("350") || has("12"))), "crowd with victims: {t:?}");
    }
    let killed = fact_of(&r, 1, "At least 15 protesters").expect("killed fact");
    assert!(texts(&r, killed).iter().any(|x| x.contains("12")), "{:?} {:?}", texts(&r, killed), r.facts.iter().map(|f| (&f.label, texts(&r, f))).collect::<Vec<_>>());
    assert_eq!(killed.status, Status::Conflict);
}

#[test]
fn a_source_about_another_event_is_set_apart() {
    let flood = "Floods in Drovia kill 17\n\nKASTEL, Drovia (Wire) - Flash floods have killed 17 people in eastern \
Drovia and forced 12,000 from their homes, the Drovia civil protection agency said. The army sent 300 soldiers \
to Kastel.";
    let r = analyze(&[art("Wire", QUAKE_WIRE), art("Later", QUAKE_LATER), art("Flood", flood)]);
    assert!(r.notices.iter().any(|n| n.contains("Flood")), "{:?}", r.notices);
    for f in &r.facts {
        let docs: Vec<usize> = f.figures.iter().map(|&i| r.figures[i].doc).collect();
        assert!(!(docs.contains(&2) && docs.iter().any(|&d| d != 2)), "{}: {:?}", f.label, texts(&r, f));
    }
}

/// A count of plain people that fits two other sources' class facts goes to the one whose
/// value is clearly the nearest: "more than 1,000 people were injured" is the "more than a
/// thousand protesters" of another outlet, not its "more than 700 officers".
#[test]
fn lone_people_count_joins_the_nearest_of_two_class_facts() {
    let a = "Unrest in Dorvania\n\nPolice in Kessel said more than 700 officers were injured in the riots on \
Friday. Another 30 protesters were injured, the ministry said.";
    let b = "Dorvania clashes\n\nMore than a thousand protesters were injured in Kessel, hospital staff said. \
A total of 740 officers were injured, police said.";
    let c = "Kessel riots\n\nAuthorities in Dorvania said more than 1,000 people were injured in the clashes \
in Kessel. Twenty rioters were injured on Saturday, police added.";
    let r = analyze(&[art("A", a), art("B", b), art("C", c)]);
    let f = fact_of(&r, 2, "more than 1,000 people").expect("the people count is in a fact");
    let t = texts(&r, f);
    assert!(t.iter().any(|x| x.contains("a thousand protesters")), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("officers")), "{t:?}");
}

#[test]
fn fans_supporters_spectators_and_rescuers_written_differently_are_one_fact() {
    let wire = "Stadium quake: rescuers race against time\n\nDERVAN, Kestria (AP) - Rescuers - 1,500 of them - \
worked through the night in Dervan on Tuesday, the emergency ministry said. About 40,000 fans had packed \
the stadium before the quake.";
    let paper = "Kestria quake: search goes on\n\n1,500-strong rescue teams combed the ruins of Dervan on \
Tuesday, the emergency ministry said. Some 40,000 supporters were in the stadium when the ground shook.";
    let blog = "LIVE: Dervan digs out\n\n- The emergency ministry says 1,200 rescuers are working in Dervan.\n\
- The stadium held 38,000 spectators at the time.";
    let r = analyze(&[art("Wire", wire), art("Paper", paper), art("Blog", blog)]);
    let crowd = fact_of(&r, 0, "40,000 fans").expect("crowd fact");
    let t = texts(&r, crowd);
    assert!(t.iter().any(|x| x.contains("supporters")) && t.iter().any(|x| x.contains("spectators")), "{t:?}");
    // a stadium that held a crowd detained nobody
    assert!(crowd.event.is_none(), "{:?}", crowd.event);
    let rescue = fact_of(&r, 0, "1,500").expect("rescuers fact");
    let t = texts(&r, rescue);
    assert!(t.iter().any(|x| x.contains("-strong")) && t.iter().any(|x| x.contains("1,200 rescuers")), "{t:?}");
    // the crowd and the rescuers stay apart
    assert!(!rescue.figures.iter().any(|i| crowd.figures.contains(i)));
}

#[test]
fn evacuated_and_displaced_counts_are_not_merged() {
    let a = "Storm Lena nears coast\n\nOfficials said 10,000 people were evacuated from the coast on Friday ahead of the storm.";
    let b = "Lena leaves trail of ruin\n\nThe storm forced 10,500 people to flee their homes on Sunday, officials said.";
    let c = "Coast braces for Lena\n\nSome 10,000 residents were evacuated on Friday, the mayor said.";
    let r = analyze(&[art("A", a), art("B", b), art("C", c)]);
    let ev = fact_of(&r, 0, "10,000 people").expect("evacuation fact");
    assert_eq!(ev.event.as_deref(), Some("evacuated"));
    let t = texts(&r, ev);
    assert!(t.iter().any(|x| x.contains("10,000 residents")), "{t:?}");
    assert!(!t.iter().any(|x| x.contains("10,500")), "{t:?}");
}

#[test]
fn plane_crash_compares_passengers_crew_and_survivors_in_hospital() {
    let wire = "Plane crash near Ostrava Field kills 112\n\nMERIDEL, Sorvania (Reuters) - A passenger jet carrying \
126 people crashed on approach to Ostrava Field airport on Saturday, killing at least 112, the civil aviation \
authority said. The aircraft had 119 passengers and seven crew on board. Fourteen survivors were taken to hospital.";
    let tabloid = "SORVANIA AIR DISASTER: 110 DEAD\n\nAt least 110 people died when Flight 407 went down in fog near Ostrava Field in Sorvania on \
Saturday. The Airbus was carrying 120 passengers and six crew members, the airline said. Sixteen people survived \
the crash, and 16 were hospitalised.";
    let r = analyze(&[art("Wire", wire), art("Tabloid", tabloid)]);
    let crew = fact_of(&r, 0, "seven crew").expect("crew fact");
    assert!(texts(&r, crew).iter().any(|x| x.contains("six crew members")), "{:?}", texts(&r, crew));
    let pax = fact_of(&r, 0, "119 passengers").expect("passengers fact");
    assert!(texts(&r, pax).iter().any(|x| x.contains("120 passengers")));
    assert!(!pax.figures.iter().any(|i| crew.figures.contains(i)));
    // survivors in hospital and people in hospital are one fact
    let hosp = fact_of(&r, 0, "Fourteen survivors").expect("hospital fact");
    assert!(texts(&r, hosp).contains(&"16"), "{:?}", texts(&r, hosp));
    // the dead are never joined with the survivors
    let dead = fact_of(&r, 1, "At least 110 people").expect("dead fact");
    assert!(!dead.figures.iter().any(|i| hosp.figures.contains(i)));
}

#[test]
fn police_and_organisers_crowd_estimates_are_one_conflicting_fact() {
    let a = "Tens of thousands march in Korvik\n\nKORVIK, Estaria (AP) - Around 45,000 people marched through Korvik on \
Saturday against the pension reform, according to police. Police detained 23 protesters.";
    let b = "Korvik: 120,000 on the streets, say unions\n\nUnions said 120,000 demonstrators were in Korvik for the \
pension reform march on Saturday. Twenty-three people were arrested.";
    let c = "Pension protest draws crowds to Korvik\n\nOrganisers claimed 120,000 marchers in Korvik on Saturday against \
the pension reform. Eighteen people were detained, police said.";
    let r = analyze(&[art("Wire", a), art("Unions", b), art("Paper", c)]);
    let crowd = fact_of(&r, 0, "45,000 people").expect("crowd fact");
    let t = texts(&r, crowd);
    assert!(t.iter().any(|x| x.contains("demonstrators")) && t.iter().any(|x| x.contains("marchers")), "{t:?}");
    assert_eq!(crowd.label, "Protesters");
    assert_ne!(crowd.status, Status::Agree);
    // the arrests stay apart from the crowd
    let held = fact_of(&r, 0, "23 protesters").expect("detained fact");
    assert!(!held.figures.iter().any(|i| crowd.figures.contains(i)));
}

#[test]
fn a_figure_a_source_repeats_is_listed_once_with_a_count() {
    // Live blogs and pasted pages repeat the same line; the note must not.
    let para = "Officials said 40 people were killed in the floods in Ostvik. ";
    let r = analyze(&[
        art("Live blog", &format!("Floods in Ostvik\n\n{}", para.repeat(30))),
        art("Wire", "OSTVIK (Wire) - At least 38 people were killed in the floods in Ostvik, officials said."),
    ]);
    let f = fact_of(&r, 0, "40 people").expect("killed fact");
    assert!(f.note.contains("40 people (×30)"), "{}", f.note);
    assert!(f.note.matches("40 people").count() == 1, "{}", f.note);
    assert!(f.note.contains("At least 38 people"), "{}", f.note);
}

#[test]
fn fahrenheit_and_celsius_temperatures_are_one_fact() {
    // Heat-wave copy: one outlet writes Celsius, an American one Fahrenheit.
    let r = analyze(&[
        art("Wire", "TORVIK, Marendia (Wire) - Temperatures reached 44 degrees Celsius in Torvik on Monday, the weather service said."),
        art("US daily", "Thermometers in Torvik, Marendia, climbed to 111F on Monday, the hottest day on record."),
        art("Tabloid", "Marendia roasts: the mercury hit 47C in Torvik on Monday."),
    ]);
    let f = fact_of(&r, 0, "44 degrees Celsius").expect("temperature fact");
    let t = texts(&r, f);
    assert!(t.contains(&"111F"), "{t:?}");
    assert!(t.iter().any(|x| x.contains("47C")), "{t:?}");
    // 111 °F is 43.9 °C: the wire and the daily agree; 47 °C is the outlier.
    assert_eq!(f.status, Status::Conflict, "{}", f.note);
    let tabloid = r.figures.iter().find(|x| x.doc == 2 && x.text.contains("47")).map(|x| x.id);
    assert!(f.outliers.contains(&2), "{} {:?}", f.note, tabloid);
    // A temperature scale is no entity.
    assert!(!r.entities.iter().any(|e| e.name.eq_ignore_ascii_case("celsius")), "{:?}", r.entities.iter().map(|e| &e.name).collect::<Vec<_>>());
}

#[test]
fn a_shouted_headline_name_still_ties_a_source_to_the_story() {
    // A tabloid names the country only in an all-capitals headline; the two reports are
    // one story and their tolls are compared.
    let r = analyze(&[
        art("Wire", "Plane crash kills 40 in Sorvania\n\nA passenger plane crashed on approach to Ostrava Field in northern \
Sorvania on Sunday, killing 40 of the 126 people on board, the civil aviation authority said."),
        art("Tabloid", "40 DEAD AS JET CRASHES IN SORVANIA\n\nAt least 40 people died when a jet operated by Skyline crashed on \
Sunday. Rescuers pulled 86 survivors from the wreckage, airline spokesman Tomas Vidic said."),
    ]);
    let f = fact_of(&r, 1, "At least 40 people").expect("tabloid toll");
    assert!(f.figures.iter().any(|&i| r.figures[i].doc == 0), "{}", f.note);
    assert_ne!(f.status, Status::Single, "{}", f.note);
}

// An outbreak told by five outlets over three days (wire with a dateline, tabloid, live
// blog with timestamps, broadsheet, machine-translated copy).
const OUTBREAK_WIRE: &str = "Cholera outbreak in Karsland kills 14\n\nDORVEN, Karsland (Northwire) - A cholera \
outbreak in northern Karsland has killed 14 people and infected 320 since last week, the health ministry said on \
Monday.\n\nHealth Minister Adela Tomsic said 85 patients were being treated in hospital in Dorven. The World \
Health Organization said it was sending 50,000 doses of oral vaccine.";
const OUTBREAK_TABLOID: &str = "DEADLY CHOLERA STALKS DORVEN: 19 DEAD\n\nThe killer bug has now claimed 19 lives, \
with more than 400 people struck down, officials admitted on Wednesday.\n\nTerrified locals told us the hospital \
is overflowing. Health Minister Adela Tomsic begged residents to boil their water.";
const OUTBREAK_BLOG: &str = "Karsland cholera outbreak - live updates\n\n09:12 Tuesday: The health ministry now \
counts 16 deaths and 351 cases of cholera in the Dorven region.\n\n10:40 Tuesday: Around 90 people remain in \
hospital, according to Adela Tomsic, the health minister.\n\n13:05 Tuesday: The World Health Organization \
confirmed its shipment of 50,000 vaccine doses.";
const OUTBREAK_PAPER: &str = "In Karsland's north, a familiar disease returns\n\nDorven's water system has been \
failing for a decade. This week the consequences became visible: by Tuesday evening, 16 people had died of \
cholera, according to figures from the health ministry led by Adela Tomsic.";
const OUTBREAK_MT: &str = "Cholera in Karsland: the number of the dead rises to 19\n\nThe epidemic of cholera in \
the region of Dorven has made 19 dead people, communicated the ministry of health on Wednesday. The minister \
Adela Tomsic has declared it.";

#[test]
fn an_outbreak_toll_rising_over_the_days_is_not_a_conflict() {
    let r = analyze(&[
        art("Wire", OUTBREAK_WIRE),
        art("Tabloid", OUTBREAK_TABLOID),
        art("Blog", OUTBREAK_BLOG),
        art("Paper", OUTBREAK_PAPER),
        art("MT", OUTBREAK_MT),
    ]);
    // 14 on Monday, 16 on Tuesday, 19 on Wednesday: one fact, changing; the values
    // conflict as written (interval logic), and the note says they rise with time (no
    // source contradicts another of its day).
    let killed = fact_of(&r, 0, "14 people").expect("killed fact");
    let t = texts(&r, killed);
    assert!(t.iter().any(|x| x.contains("16")) && t.iter().any(|x| x.contains("19")), "{t:?}");
    assert!(killed.changing, "{}", killed.note);
    assert_eq!(killed.status, Status::Conflict, "{}", killed.note);
    assert!(killed.note.contains("rise with time"), "{}", killed.note);
    assert!(killed.outliers.is_empty(), "{}", killed.note);
    assert!(killed.label.contains("killed"), "{}", killed.label);
    // "claimed 19 lives" is the toll too, never a row of its own.
    assert!(killed.figures.iter().any(|&i| r.figures[i].text.contains("19 lives")), "{t:?}");
    // Vaccine doses are compared with doses only.
    let doses = fact_of(&r, 0, "50,000").expect("doses");
    assert_eq!(doses.status, Status::Agree, "{}", doses.note);
    assert!(!texts(&r, doses).iter().any(|x| x.contains("14") || x.contains("16")));
    // The sick are never compared with the dead.
    for f in &r.facts {
        let t = texts(&r, f);
        assert!(!(t.iter().any(|x| x.contains("320") || x.contains("351")) && t.iter().any(|x| x.contains("16") || x.contains("19"))), "{}: {t:?}", f.label);
    }
}

#[test]
fn a_toll_revised_down_at_a_later_time_stays_a_conflict() {
    let a = "Landslide in Pellin\n\nPELLIN, Osterra (Northwire) - A landslide buried part of the village of \
Pellin, killing 31 people, the regional governor said on Monday.";
    let b = "Pellin landslide\n\nRescuers in Pellin said on Tuesday that 22 people had been killed, after several \
of those first counted as dead were found alive.";
    let c = "Pellin: 31 dead\n\nThe regional governor of Pellin said on Monday that 31 people were killed.";
    let r = analyze(&[art("Wire", a), art("Blog", b), art("Paper", c)]);
    let killed = fact_of(&r, 0, "31 people").expect("killed fact");
    assert!(texts(&r, killed).iter().any(|x| x.contains("22")), "{:?}", texts(&r, killed));
    assert_eq!(killed.status, Status::Conflict, "{}", killed.note);
}

#[test]
fn stranded_travellers_written_and_unnamed_are_one_fact_in_an_air_strike() {
    let wire = "Air traffic strike grounds flights across Tessaly\n\nLORAN, Tessaly (Northwire) - A 24-hour strike by \
air traffic controllers forced the cancellation of 1,200 flights across Tessaly on Friday, leaving about 150,000 \
passengers stranded, the aviation authority said.";
    let tabloid = "HOLIDAY HELL! 200,000 STRANDED AS CONTROLLERS WALK OUT\n\nFurious families were left sleeping on \
airport floors in Loran after striking controllers axed more than 1,400 flights across Tessaly.";
    let paper = "Tessaly's skies fall silent\n\nFriday's strike by air traffic controllers in Tessaly was the largest \
in a decade. Loran's aviation authority counted 1,200 cancelled flights, and roughly 150,000 were stranded.";
    let r = analyze(&[art("Wire", wire), art("Tabloid", tabloid), art("Paper", paper)]);
    let stranded = fact_of(&r, 0, "150,000 passengers").expect("stranded fact");
    let t = texts(&r, stranded);
    assert!(t.iter().any(|x| x.contains("200,000")) && t.iter().any(|x| x.contains("roughly")), "{t:?}");
    assert_eq!(stranded.status, Status::Conflict, "{}", stranded.note);
    assert_eq!(stranded.outliers, vec![1], "{}", stranded.note);
    assert!(stranded.label.contains("stranded"), "{}", stranded.label);
    // Flights are never compared with travellers.
    let flights = fact_of(&r, 0, "1,200 flights").expect("flights");
    assert!(!texts(&r, flights).iter().any(|x| x.contains("150,000")));
}

#[test]
fn an_election_keeps_each_party_share_apart_and_reads_results_night_in_order() {
    let wire = "Renewal Party wins Mirovia election with 41 percent\n\nVALSK, Mirovia (Northwire) - The opposition \
Renewal Party won Sunday's parliamentary election in Mirovia with 41 percent of the vote, the central election \
commission said on Monday.\n\nTurnout was 63 percent, the commission said. The governing Unity Bloc took 29 \
percent of the vote.";
    let tabloid = "MAREK LANDSLIDE IN MIROVIA!\n\nIlona Marek's Renewal Party stormed to victory with 41.2% of the \
vote, crushing the Unity Bloc, which slumped to 28.9%. Turnout was 62.8%.";
    let blog = "Mirovia election night - live\n\n23:30 Sunday: The Renewal Party leads with 39 percent, against 31 \
percent for the Unity Bloc.\n\n08:15 Monday: Final results from Valsk: Renewal Party 41 percent, Unity Bloc 29 \
percent. Turnout 63 percent.";
    let paper = "Mirovia turns the page\n\nOn Sunday voters in Mirovia ended twelve years of Unity Bloc rule: Ilona \
Marek's Renewal Party took 41 percent. Turnout, at 63 percent, was the highest in Valsk's memory. The Unity \
Bloc fell to 29 percent.";
    let r = analyze(&[art("Wire", wire), art("Tabloid", tabloid), art("Blog", blog), art("Paper", paper)]);
    // Each party's share is its own fact: 41.2% with the 41s, 28.9% with the 29s.
    let renewal = fact_of(&r, 1, "41.2%").expect("renewal share");
    let t = texts(&r, renewal);
    assert!(!t.iter().any(|x| x.contains("29") || x.contains("28.9") || x.contains("63")), "{t:?}");
    assert!(t.len() >= 4, "{t:?}");
    let unity = fact_of(&r, 1, "28.9%").expect("unity share");
    assert!(!texts(&r, unity).iter().any(|x| x.contains("41")), "{:?}", texts(&r, unity));
    // The results-night figure (Sunday 23:30) is superseded by the same blog's final
    // result on Monday: no conflict, and Sunday comes before Monday.
    assert_eq!(renewal.status, Status::Consistent, "{}", renewal.note);
    assert_eq!(unity.status, Status::Consistent, "{}", unity.note);
    assert!(renewal.changing, "{}", renewal.note);
    let first = renewal.timeline.first().map(|&i| r.figures[i].text.as_str());
    assert_eq!(first, Some("39 percent"), "{}", renewal.note);
    // Labelled as a share of the vote, named after the party.
    assert!(renewal.label.contains("share of the vote") && renewal.label.contains("Renewal"), "{}", renewal.label);
    // Turnout is never a party's share.
    let turnout = fact_of(&r, 0, "63 percent").expect("turnout");
    assert!(!texts(&r, turnout).iter().any(|x| x.contains("41") || x.contains("29")));
}

#[test]
fn burned_areas_of_one_wildfire_in_two_sources_are_one_fact() {
    // Wildfire copy: "the fire burned", "the blaze has charred", acres in both.
    let r = analyze(&[
        art("Wire", "DUNMORE, Calvaria (Wire) - The Rook Canyon fire has burned 30,000 acres since Friday, fire officials in Dunmore said on Monday."),
        art("Daily", "The blaze in Rook Canyon, Calvaria, has charred more than 28,000 acres and forced 2,000 people from their homes near Dunmore."),
    ]);
    let f = fact_of(&r, 0, "30,000 acres").expect("burned-area fact");
    let t = texts(&r, f);
    assert!(t.iter().any(|x| x.contains("28,000 acres")), "{t:?} {}", f.note);
    assert_eq!(f.status, Status::Consistent, "{}", f.note);
}

#[test]
fn two_estimates_of_one_crowd_in_brackets_are_one_fact_in_conflict() {
    let a = "Strike in Carvel\n\nThe tenth day of the strike drew between 412,000 marchers (Labour Office) and \
1.2 million (TLU) across Carvel on Thursday.";
    let b = "Carvel strike\n\nMore than 400,000 people marched across Carvel on Thursday, the Labour Office said.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let f = fact_of(&r, 0, "412,000").expect("crowd fact");
    let t = texts(&r, f);
    assert!(t.iter().any(|x| x.contains("1.2 million")), "{t:?}");
    assert!(t.iter().any(|x| x.contains("400,000")), "{t:?}");
    assert_eq!(f.status, Status::Conflict, "{}", f.note);
}

#[test]
fn a_toll_named_by_its_event_noun_counts_people_not_the_bodies_counted_before() {
    // A count of bodies two sentences before does not lend its noun to the death toll.
    let a = "Ferry disaster off Ostvik\n\nDivers said about 300 bodies were at the harbour morgue. \
Unofficial reports put the death toll as high as 700. On Friday an official said the number of Ostvik dead had risen to over 450.";
    let b = "Ostvik ferry toll\n\nAt least 450 people died when the ferry sank off Ostvik, the coastguard said on Friday.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let toll = fact_of(&r, 1, "At least 450").expect("toll fact");
    assert!(texts(&r, toll).contains(&"over 450"), "{:?}", texts(&r, toll));
    assert!(!texts(&r, toll).iter().any(|t| t.contains("bodies")), "{:?}", texts(&r, toll));
}

#[test]
fn the_sides_of_a_split_vote_are_the_majority_and_the_minority_however_worded() {
    let a = "Ostvik central bank cuts rate\n\nThe Ostvik central bank cut its rate to 3% on Thursday by a 7-2 vote of its board.";
    let b = "Rate cut in Ostvik\n\nOf the nine members of the board, seven voted in favour of the cut, while two wanted to keep the rate unchanged.";
    let c = "Ostvik trims rate\n\nSeven of the bank's board members voted to lower the rate, and two were against it.";
    let r = analyze(&[art("A", a), art("B", b), art("C", c)]);
    let major = fact_of(&r, 1, "seven").expect("majority fact");
    let t = texts(&r, major);
    assert_eq!(t.len(), 3, "{t:?}");
    assert!(t.contains(&"7") && t.contains(&"seven") && t.iter().any(|x| x.starts_with("Seven")), "{t:?}");
    assert!(major.label.contains("majority"), "{}", major.label);
    let minor = fact_of(&r, 1, "two").expect("minority fact");
    assert_eq!(texts(&r, minor).len(), 3, "{:?}", texts(&r, minor));
    assert_ne!(major.id, minor.id);
    // The board's size is neither.
    assert!(fact_of(&r, 1, "nine").is_none_or(|f| f.id != major.id && f.id != minor.id));
}

#[test]
fn a_bare_count_after_a_bracketed_source_counts_what_the_count_before_it_counts() {
    let a = "Ostvia marches\n\nThe ninth day of protest gathered between 412,000 marchers (Interior) and 1.2 million (TLU) across Ostvia.";
    let b = "Ostvia strike day\n\nThe union said 1.2 million people marched across the country on Thursday.";
    let c = "Ostvia protests\n\nThe ministry counted 412,000 protesters nationwide on Thursday.";
    let r = analyze(&[art("A", a), art("B", b), art("C", c)]);
    let crowd = fact_of(&r, 1, "1.2 million").expect("crowd fact");
    let t = texts(&r, crowd);
    assert!(t.contains(&"1.2 million") && t.iter().any(|x| x.starts_with("412,000")), "{t:?}");
    assert_eq!(crowd.status, Status::Conflict, "{}", crowd.note);
}

#[test]
fn the_story_company_is_no_scope_when_another_company_is_named_in_passing() {
    let a = "Velmar to cut jobs\n\nVelmar will cut up to 9,000 jobs by 2027, the telecoms group said on Thursday. \
Its rival Corvant cut 2,500 jobs last year.";
    let b = "Velmar job cuts\n\nThe Finnish telecoms group Velmar plans to cut up to 9,000 jobs, chief executive Anna Lind said.";
    let c = "Velmar announces cuts\n\nUp to 9,000 jobs will be cut at Velmar, Anna Lind told reporters on Thursday.";
    let r = analyze(&[art("A", a), art("B", b), art("C", c)]);
    let jobs = fact_of(&r, 1, "9,000").expect("jobs fact");
    assert_eq!(texts(&r, jobs).len(), 3, "{:?} {}", texts(&r, jobs), jobs.label);
    assert!(fact_of(&r, 0, "2,500").is_none_or(|f| f.id != jobs.id));
}

#[test]
fn an_unnamed_count_left_without_power_counts_people() {
    let a = "Storm Veda\n\nStorm Veda killed 30 people, while some 2.1 million remain without power on Sunday.";
    let b = "Veda aftermath\n\nNearly 2 million people were without power on Sunday after Storm Veda, officials said.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let power = fact_of(&r, 1, "Nearly 2 million").expect("power fact");
    assert!(texts(&r, power).contains(&"some 2.1 million"), "{:?}", texts(&r, power));
}

#[test]
fn a_share_a_candidate_won_with_no_other_noun_is_a_share_of_the_vote() {
    let a = "Ostvia votes\n\nWith most ballots counted, Mara Quist had received 0.44 percent of the votes, the election board said.";
    let b = "Ostvia election\n\nMara Quist garnered 0.43%, state television reported.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let share = fact_of(&r, 1, "0.43%").expect("share fact");
    assert!(texts(&r, share).contains(&"0.44 percent"), "{:?} {}", texts(&r, share), share.label);
}

#[test]
fn a_conversion_in_brackets_restates_the_measure_before_it() {
    // The conversion is rounded on its own (132 mph is 212.4 km/h), and only the first
    // unit names the event: the bracket still restates the same wind and the same area.
    let a = "Storm Orla reaches the coast\n\nStorm Orla came ashore on Friday with winds of 132 miles per hour \
(212 km/h), forecasters said. The Brennock fire has burned 2,000 acres (800 hectares) of forest, rangers said.";
    let b = "Orla batters coast\n\nOrla hit the coast on Friday with sustained winds of 132 mph. The Brennock fire \
burned about 800 hectares of forest, according to the rangers.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let wind = fact_of(&r, 0, "132 miles").expect("wind fact");
    let t = texts(&r, wind);
    assert!(t.iter().any(|x| x.contains("212 km/h")), "{t:?}");
    assert!(t.iter().any(|x| x.contains("132 mph")), "{t:?}");
    let area = fact_of(&r, 1, "800 hectares").expect("area fact");
    let t = texts(&r, area);
    assert!(t.iter().any(|x| x.contains("2,000 acres")) && t.iter().any(|x| x.contains("(800") || *x == "800 hectares"), "{t:?}");
    assert_eq!(t.iter().filter(|x| x.contains("800 hectares")).count(), 2, "{t:?}");
}

#[test]
fn bare_degrees_of_heat_take_the_scale_the_value_allows() {
    // No air reaches 60 degrees Celsius: a bare 118 degrees of heat is Fahrenheit, and it
    // meets 47.8 °C (118 °F) in the other source.
    let a = "Heat grips Tarvos\n\nThe temperature in Tarvos reached 118 degrees on Sunday, officials said.";
    let b = "Tarvos swelters\n\nTemperatures in Tarvos hit 47.8°C on Sunday, the weather office said.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let heat = fact_of(&r, 0, "118 degrees").expect("temperature fact");
    let t = texts(&r, heat);
    assert!(t.iter().any(|x| x.contains("47.8")), "{t:?}");
    assert_ne!(heat.status, Status::Conflict, "{}", heat.note);
    // An angle is no temperature.
    let c = "Tarvos team turns\n\nThe Tarvos council made a 180 degrees turn on the bridge plan on Sunday.";
    let r = analyze(&[art("A", a), art("C", c)]);
    if let Some(f) = fact_of(&r, 1, "180") {
        assert!(!texts(&r, f).iter().any(|x| x.contains("118")), "{:?}", texts(&r, f));
    }
}

#[test]
fn a_base_verb_right_before_a_count_is_its_event() {
    // A headline's present tense ("fires destroy 900 homes") names the same event as the
    // body's past tense, so headline and body are one figure of one fact.
    let a = "Brennock fires destroy 900 homes\n\nWildfires near Brennock have destroyed 900 homes, rangers said on Monday.";
    let b = "Brennock blaze\n\nMore than 900 homes were destroyed by the fires near Brennock, rangers said.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let f = fact_of(&r, 0, "900 homes").expect("homes fact");
    let t = texts(&r, f);
    assert_eq!(t.iter().filter(|x| x.contains("900")).count(), 3, "{t:?}");
    assert_eq!(f.event.as_deref(), Some("destroyed"), "{}", f.label);
}

#[test]
fn a_share_of_a_state_reached_measures_that_state() {
    // "12% contained" and "12% containment" measure one thing, whoever the subject is;
    // the fire's area burned, in percent of nothing, is not it.
    let a = "Corvo fire grows\n\nThe Corvo fire has burned 9,000 acres with 12% containment, rangers said on Sunday.";
    let b = "Corvo fire update\n\nThe Corvo fire is only 12% contained, according to the rangers on Sunday. Humidity fell to 8%.";
    let r = analyze(&[art("A", a), art("B", b)]);
    let f = fact_of(&r, 0, "12%").expect("containment fact");
    let t = texts(&r, f);
    assert_eq!(t.iter().filter(|x| x.contains("12%")).count(), 2, "{t:?}");
    assert!(!t.iter().any(|x| x.contains("8%")), "{t:?}");
    assert_eq!(f.status, Status::Agree, "{}", f.note);
}
