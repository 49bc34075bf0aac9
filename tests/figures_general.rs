//! The figure extractor on news it was not tuned on: sentences written for these tests in
//! several domains (earthquake, flood, shelling, election, earnings, outbreak, strike,
//! court, sports, wildfire) and styles (wire copy with a dateline, headlines, tabloid,
//! live-blog bullets, rough machine translation). All names are invented.

use crosscheck::figures::extract;
use crosscheck::text::TextDoc;
use crosscheck::{Figure, FigureKind};

fn quantities(text: &str) -> Vec<Figure> {
    let doc = TextDoc::new(0, text);
    extract(&doc).into_iter().filter(|f| f.kind == FigureKind::Quantity).collect()
}

fn find<'a>(figs: &'a [Figure], text: &str) -> &'a Figure {
    figs.iter().find(|f| f.text == text).unwrap_or_else(|| panic!("no figure {text:?} in {:#?}", figs.iter().map(|f| &f.text).collect::<Vec<_>>()))
}

/// (unit, concept, event) of the figure written `fig` in `text`.
fn read(text: &str, fig: &str) -> (Option<String>, String, Option<String>) {
    let f = quantities(text);
    let x = find(&f, fig);
    (x.unit.clone(), x.concept.clone(), x.event.clone())
}

fn event(text: &str, fig: &str) -> Option<String> {
    read(text, fig).2
}

#[test]
fn second_count_of_a_coordination_counts_the_same_noun() {
    // wire copy: the measure earlier in the sentence must not leak into the bare count
    let t = "SANTA ROSA, Veloria (Reuters) - A magnitude 6.9 earthquake hit the coast on Monday, killing at least 80 people and injuring more than 600, the civil protection agency said.";
    let (unit, concept, ev) = read(t, "more than 600");
    assert_eq!((unit.as_deref(), concept.as_str(), ev.as_deref()), (Some("people"), "people", Some("injured")));
    let t = "At least 9 civilians were killed and 31 wounded in overnight shelling of Korvik, the governor said.";
    let (unit, concept, ev) = read(t, "31");
    assert_eq!((unit.as_deref(), concept.as_str(), ev.as_deref()), (Some("civilian"), "civilians", Some("injured")));
    let t = "Two firefighters were killed and seven injured battling the blaze.";
    assert_eq!(read(t, "seven").1, "firefighters");
    // headline ellipsis with no noun at all: the events are still read
    let t = "Floods leave 40 dead and 200 hurt in Tarsonia";
    assert_eq!(event(t, "40").as_deref(), Some("killed"));
    assert_eq!(event(t, "200").as_deref(), Some("injured"));
    // not across a number of another kind or a full stop
    let t = "The quake struck at a depth of 10 km and 3 aftershocks followed.";
    assert_eq!(read(t, "3 aftershocks").1, "aftershocks");
    // nor the noun of a count after a preposition (where, not who)
    let t = "At least 30 people are dead in four states, and millions remain without power.";
    assert_ne!(read(t, "millions").1, "states");
    let t = "The storm caused 30 deaths, while millions remain without power.";
    assert_ne!(read(t, "millions").1, "deaths");
    // a bare count with no event borrows nothing
    let t = "Police arrested 30 people and seized 12 on Sunday.";
    assert_ne!(read(t, "12").0.as_deref(), Some("people"));
}

#[test]
fn a_bare_number_after_a_count_does_not_take_an_earlier_measure() {
    let t = "A 6.1-magnitude quake shook the valley, leaving 12 people dead and 140 hurt.";
    let (unit, _, ev) = read(t, "140");
    assert_ne!(unit.as_deref(), Some("magnitude"));
    assert_eq!(ev.as_deref(), Some("injured"));
}

#[test]
fn active_verb_right_before_the_number_is_the_event() {
    for (t, fig, ev) in [
        ("Quake in Veloria kills at least 212, thousands homeless", "at least 212", "killed"),
        ("Cholera outbreak kills 23 in Belmoro", "23", "killed"),
        ("Gunmen kill 14 in village raid", "14", "killed"),
        ("Police arrest 120 as pension protest turns violent", "120", "detained"),
        ("Storm injures 35 on the coast", "35", "injured"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some(ev), "{t}");
        assert_eq!(read(t, fig).1, "", "{t}: the subject is not what is counted");
    }
}

#[test]
fn a_toll_further_back_in_the_clause() {
    let t = "The death toll from Tuesday's earthquake in southern Veloria has climbed to 230, officials said.";
    assert_eq!(event(t, "230").as_deref(), Some("killed"));
    let t = "The toll from the week of flooding in the northern provinces stood at 61 on Monday.";
    assert_eq!(event(t, "61").as_deref(), Some("killed"));
    let t = "Rescuers pulled 87 people from the mud overnight, raising the number of dead to 412.";
    assert_eq!(event(t, "412").as_deref(), Some("killed"));
    // past an opening quotation mark
    let t = "An envoy said the number of Verdanian deaths had risen to “at least 450,” up from 200.";
    assert_eq!(event(t, "at least 450").as_deref(), Some("killed"));
    // a toll in another clause does not reach
    let t = "The toll was not given, and 40 people attended the meeting on the harbour front.";
    assert_eq!(event(t, "40 people").as_deref(), Some("attended"));
}

#[test]
fn sheltering_fleeing_and_hospital_events() {
    for (t, fig, ev) in [
        ("Some 18,000 people spent the night in tents, according to the Red Cross.", "Some 18,000 people", "displaced"),
        ("About 20,000 residents are living in temporary shelters, the Red Cross said.", "About 20,000 residents", "displaced"),
        ("Some 9,500 people spent the night outdoors for fear of aftershocks.", "Some 9,500 people", "displaced"),
        ("Wildfire forces 30,000 to flee in Calderon", "30,000", "displaced"),
        ("Another 19 were rushed to hospital with serious injuries.", "19", "hospitalized"),
        ("15 protesters were taken to hospital after the clashes.", "15 protesters", "hospitalized"),
        ("Five teachers were among the injured, the mayor said.", "Five teachers", "injured"),
        ("Among the dead were 14 children, the ministry said.", "14 children", "killed"),
        ("Emergency services said a further 12 are missing.", "12", "missing"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some(ev), "{t}");
    }
    // "in tents" needs the count to be living there, not a plain location elsewhere
    assert_eq!(event("The fair sold 300 tickets for shows in tents on the green.", "300 tickets"), None);
}

#[test]
fn magnitude_is_about_the_quake() {
    let t = "A magnitude 7.1 earthquake struck southern Veloria before dawn on Tuesday.";
    assert_eq!(read(t, "7.1").1, "earthquake");
    let t = "The USGS measured the quake at magnitude 7.0.";
    let (unit, concept, _) = read(t, "7.0");
    assert_eq!((unit.as_deref(), concept.as_str()), (Some("magnitude"), "quake"));
    let t = "A 6.4-magnitude earthquake shook the mountainous north of Marvasia on Sunday.";
    assert_eq!(read(t, "6.4-magnitude").1, "earthquake");
    // rough machine translation
    let t = "In the province the earthquake of magnitude 5.8 has caused death of 12 persons.";
    assert_eq!(read(t, "5.8").1, "earthquake");
}

#[test]
fn glued_m_before_a_counted_noun_is_million() {
    let f = quantities("1.2m people are without clean water, the UN said.");
    let x = find(&f, "1.2m people");
    assert_eq!((x.value, x.unit.as_deref()), (1.2e6, Some("people")));
    let f = quantities("The agency has delivered 3m doses so far.");
    assert_eq!(find(&f, "3m doses").value, 3e6);
    // metres stay metres
    let f = quantities("The river rose 2m overnight.");
    assert_eq!(find(&f, "2m").unit.as_deref(), Some("metre"));
    let f = quantities("A 5m wall was built around the plant.");
    assert_eq!(find(&f, "5m").unit.as_deref(), Some("metre"));
}

#[test]
fn others_after_a_count_are_the_same_noun() {
    let t = "MIRREN, Osland, March 3 (AFP) - A car bomb tore through a market on Saturday, killing five people and wounding 12 others, police said.";
    let (unit, concept, ev) = read(t, "12 others");
    assert_eq!((unit.as_deref(), concept.as_str(), ev.as_deref()), (Some("people"), "people", Some("injured")));
    assert_eq!(event("A police spokesman said two of the dead were children.", "two").as_deref(), Some("killed"));
}

#[test]
fn joined_counts_share_the_event_after_them() {
    let t = "Around 600 soldiers and 150 boats were deployed to help with evacuations.";
    assert_eq!(event(t, "Around 600 soldiers").as_deref(), Some("deployed"));
    assert_eq!(event(t, "150 boats").as_deref(), Some("deployed"));
    // a comma list of separate clauses does not share
    let t = "The town has 5,000 residents, and 200 homes were destroyed.";
    assert_eq!(event(t, "5,000 residents"), None);
}

#[test]
fn a_part_of_a_counted_whole() {
    let t = "Kovac's party also took 148 of the 300 seats in parliament.";
    let (unit, concept, _) = read(t, "148");
    assert_eq!((unit.as_deref(), concept.as_str()), (Some("seat"), "seats"));
}

#[test]
fn verbs_of_other_clauses_and_phrasal_verbs() {
    // "cut" is a job cut only right before the count
    let t = "Storm Hera has left ten people dead and cut power to 250,000 homes, the ministry said.";
    assert_eq!(event(t, "250,000 homes"), None);
    assert_eq!(event(t, "ten people").as_deref(), Some("killed"));
    assert_eq!(event("The firm plans to cut 1,500 jobs.", "1,500 jobs").as_deref(), Some("fired"));
    // "shot down" is no fall
    let f = quantities("The army said it had shot down 14 drones overnight.");
    assert_eq!(find(&f, "14 drones").change, "=");
    // present-tense headline verbs
    assert_eq!(event("Government deploys 2,000 extra troops to the region", "2,000 extra troops").as_deref(), Some("deployed"));
    assert_eq!(event("Tens of thousands of teachers walked out over pay.", "Tens of thousands of teachers").as_deref(), Some("protested"));
}

#[test]
fn machine_translated_copy() {
    let t = "In the result of the flooding 150 persons received injuries. More than 10 thousand houses were flooded, and 5 thousand persons were evacuated to the safe places.";
    assert_eq!(event(t, "150 persons").as_deref(), Some("injured"));
    assert_eq!(event(t, "More than 10 thousand houses").as_deref(), Some("damaged"));
    assert_eq!(event(t, "5 thousand persons").as_deref(), Some("evacuated"));
    let t = "Wounded are 97 persons, from them 20 children.";
    assert_eq!(event(t, "97 persons").as_deref(), Some("injured"));
}

#[test]
fn counts_of_cases_reaching_a_level() {
    let t = "The number of measles cases in Ardenia has passed 3,000, the health ministry said.";
    assert_eq!(read(t, "3,000"), (None, String::new(), Some("infected".to_string())));
    assert_eq!(event("Measles cases top 3,000 in Ardenia", "3,000").as_deref(), Some("infected"));
    assert_eq!(event("Death toll hits 300 as rescuers search rubble", "300").as_deref(), Some("killed"));
}

#[test]
fn a_level_reached_by_a_change_has_its_concept() {
    let t = "Norvane Industries said on Tuesday its quarterly profit fell 12% to $3.4bn, while revenue rose 3 per cent to $21.7 billion.";
    let f = quantities(t);
    assert_eq!(find(&f, "12%").concept, "quarterly profit");
    assert_eq!(find(&f, "$3.4bn").concept, "quarterly profit");
    assert_eq!(find(&f, "$3.4bn").about, "quarterly profit");
    assert_eq!(find(&f, "$21.7 billion").concept, "revenue");
    // a percentage "in NP" is not about that NP
    let f = quantities("Shares in the company dropped 6.5% in early trading.");
    assert_ne!(find(&f, "6.5%").concept, "early trading");
}

#[test]
fn prison_terms_share_one_concept() {
    let t = "Ex-mayor jailed for 8 years over bribery\n\nA former mayor of Lusk was sentenced to eight years in prison on Friday for taking bribes. Prosecutors had sought 12 years. Four co-defendants received sentences of between two and five years. Rask faces a 15-year sentence in a second case.";
    let f = quantities(t);
    for fig in ["8 years", "eight years", "12 years", "between two and five years", "15-year"] {
        assert_eq!(find(&f, fig).concept, "prison sentence", "{fig}");
    }
    // other durations are not terms
    let f = quantities("The mayor served 8 years in office before the bribery case.");
    assert_ne!(find(&f, "8 years").concept, "prison sentence");
    let f = quantities("The company is seeking 5 years of tax relief.");
    assert_ne!(find(&f, "5 years").concept, "prison sentence");
}

#[test]
fn vote_shares_and_race_times() {
    let f = quantities("Candidate Ana Kovac won 52.3% of the vote against 47.7% for her challenger, Ivo Marn.");
    assert_eq!(find(&f, "52.3%").concept, "vote");
    assert_eq!(find(&f, "47.7%").concept, "challenger");
    let f = quantities("The ruling party got 48 per cent, against 41.2 per cent for the opposition Alliance.");
    assert_eq!(find(&f, "41.2 per cent").concept, "opposition Alliance");
    // a period is not a party
    let f = quantities("The benchmark rose about 8 per cent for the quarter ending Sept. 30.");
    assert_ne!(find(&f, "about 8 per cent").concept, "Sept");
    // a race time is one time expression, no count of 37
    let doc = TextDoc::new(0, "Kiprono won the marathon in 2:04:37 on Sunday.");
    let all = extract(&doc);
    assert!(all.iter().any(|f| f.kind == FigureKind::Time && f.text == "2:04:37"), "{all:#?}");
    assert!(!all.iter().any(|f| f.kind == FigureKind::Quantity));
}

#[test]
fn live_blog_and_wire_furniture() {
    // a wire slug number is no figure
    let t = "UPDATE 2-Ferry capsizes off Lantau coast, dozens feared dead";
    let f = quantities(t);
    assert!(!f.iter().any(|x| x.text == "2"), "{f:#?}");
    assert_eq!(find(&f, "dozens").event.as_deref(), Some("killed"));
    // bullets
    let t = "- Rebels shelled the port city overnight; 7 dead, 22 injured (local officials)\n- UN: 45,000 displaced since fighting began\n- Army says 300 fighters killed in a week of clashes";
    assert_eq!(event(t, "7").as_deref(), Some("killed"));
    assert_eq!(event(t, "22").as_deref(), Some("injured"));
    assert_eq!(event(t, "45,000").as_deref(), Some("displaced"));
    assert_eq!(event(t, "300 fighters").as_deref(), Some("killed"));
}

#[test]
fn events_do_not_reach_across_clauses_or_other_numbers() {
    let t = "Three people died and 87 were injured on Sunday as tens of thousands of demonstrators clashed with police.";
    assert_eq!(event(t, "tens of thousands of demonstrators"), None);
    assert_eq!(event(t, "87").as_deref(), Some("injured"));
    let t = "Rescuers have freed four of the 15 miners trapped by a collapse at the mine.";
    assert_ne!(event(t, "15 miners").as_deref(), Some("released"));
    assert_eq!(event(t, "four").as_deref(), Some("released"));
    // "reported" before a clause is not an auxiliary
    let t = "Several local shops reported that bodies were lying in the street.";
    assert_eq!(event(t, "Several local shops"), None);
    let t = "Six persons are considered missing after the landslide.";
    assert_eq!(event(t, "Six persons").as_deref(), Some("missing"));
}

#[test]
fn restated_counts_keep_the_event() {
    // an earlier value of the same toll
    let t = "The death toll rose to 17 from 12 on Tuesday.";
    assert_eq!(event(t, "17").as_deref(), Some("killed"));
    assert_eq!(event(t, "12").as_deref(), Some("killed"));
    // a part of a count, with its own noun
    let t = "Officials said 1,300 people had been rescued, 450 of them children.";
    assert_eq!(read(t, "450"), (Some("child".to_string()), "children".to_string(), Some("rescued".to_string())));
    // without a noun, the noun of the whole
    let t = "Police detained 80 protesters on Friday, 12 of whom were later charged.";
    assert_eq!(read(t, "12").1, "protesters");
    assert_eq!(event(t, "12").as_deref(), Some("charged"));
    // a bare number after "from" restates only a count with an event
    let t = "The museum drew 300 visitors from 12 on Monday.";
    assert_eq!(event(t, "12"), None);
}

#[test]
fn stranded_passengers() {
    let t = "More than 900 flights were cancelled and 40,000 passengers stranded.";
    assert_eq!(event(t, "40,000 passengers").as_deref(), Some("stranded"));
}

#[test]
fn plural_multipliers_of_translated_copy() {
    // "5 millions of euros" (French/Spanish/Italian word order in a rough translation)
    let f = quantities("The Union has unblocked an aid of 5 millions of euros for the flooded north.");
    let aid = find(&f, "5 millions of euros");
    assert_eq!(aid.value, 5e6);
    assert_eq!(aid.unit.as_deref(), Some("euro"));
    let f = quantities("Some 3 millions of persons were affected by the drought.");
    assert_eq!(find(&f, "Some 3 millions of persons").value, 3e6);
    // the English vague plural is unchanged
    let f = quantities("Millions of people watched the final.");
    assert!(f.iter().all(|x| x.value != 1.0 && x.value != 3e6));
}

#[test]
fn people_pulled_from_rubble_or_water_are_rescued() {
    // wire copy, broadsheet, tabloid, live blog, caption
    let cases = [
        ("KORVAN, Tarsonia (AFP) - Rescuers pulled 87 people from the rubble of a market on Tuesday, officials said.", "87 people"),
        ("Firefighters pulled 14 people from burning houses overnight.", "14 people"),
        ("Twelve survivors were pulled alive from the collapsed hotel in the early hours.", "Twelve survivors"),
        ("HERO CHOPPER CREWS: Helicopters plucked 40 residents from rooftops as the river burst its banks", "40 residents"),
        ("- 09:41 Some 300 people have been airlifted to safety from the valley, the army says.", "Some 300 people"),
        ("Coastguards winched 9 fishermen to safety off the coast of Meridel (pictured).", "9 fishermen"),
        ("Soldiers freed 23 miners trapped underground for four days.", "23 miners"),
        ("Five people were found alive under the debris on Thursday.", "Five people"),
    ];
    for (t, fig) in cases {
        assert_eq!(event(t, fig).as_deref(), Some("rescued"), "{t}");
    }
    // the verb before the count wins over "to safety": an evacuation stays one
    assert_eq!(event("Police evacuated 300 people to safety before the dam broke.", "300 people").as_deref(), Some("evacuated"));
    // hostages freed by their captors are released, not rescued
    assert_eq!(event("The rebels freed 12 hostages on Friday.", "12 hostages").as_deref(), Some("released"));
    // bodies taken from the rubble are bodies recovered (a count of its own, not the toll)
    assert_eq!(event("Workers recovered 40 bodies from the rubble.", "40 bodies").as_deref(), Some("recovered"));
    // still trapped: no rescue
    assert_eq!(event("About 200 people were trapped in the mall.", "About 200 people").as_deref(), Some("trapped"));
}

#[test]
fn a_trailing_multiplier_and_unit_cover_the_whole_range() {
    // broadsheet economics copy: the far end is itself a range
    let f = quantities("The ministry expects defence spending to rise from 24.2 to 33-35 billion euros by 2030.");
    let x = find(&f, "from 24.2 to 33-35 billion euros");
    assert_eq!((x.range, x.unit.as_deref()), (Some([24.2e9, 35e9]), Some("euro")));
    // wire copy: the multiplier of the second number applies to the first
    let f = quantities("LONDON (Reuters) - Between 3 and 5 million people could lose power, the grid operator said.");
    assert_eq!(find(&f, "Between 3 and 5 million people").range, Some([3e6, 5e6]));
    let f = quantities("Revenue grew from 1.2 to 1.5 billion dollars in a year.");
    assert_eq!(find(&f, "from 1.2 to 1.5 billion dollars").range, Some([1.2e9, 1.5e9]));
    // "N unit to N unit" with a compound symbol (science desk), read by its parts
    let f = quantities("In the new cell the current density fell from 1.3 A/cm2 to 0.03 A/cm2 within hours.");
    let x = find(&f, "from 1.3 A/cm2 to 0.03 A/cm2");
    assert_eq!((x.range, x.unit.as_deref()), (Some([0.03, 1.3]), Some("ampere per square centimetre")));
    // or with a symbol the tables do not know at all, as written
    let f = quantities("Conductivity in the lake fell from 40 uS/cm to 12 uS/cm within hours.");
    let x = find(&f, "from 40 uS/cm to 12 uS/cm");
    assert_eq!((x.range, x.unit.as_deref()), (Some([12.0, 40.0]), Some("uS/cm")));
    // a compound unit repeated after the far end belongs to the range
    let f = quantities("Storage density rose from 5 kWh/kg to 7 kWh/kg.");
    assert_eq!(find(&f, "from 5 kWh/kg to 7 kWh/kg").range, Some([5.0, 7.0]));
    // a word (not a symbol) is not taken as a unit of a range of its own
    let f = quantities("The club went from 5 wins to 7 losses.");
    assert!(f.iter().all(|x| x.unit.as_deref() != Some("wins")), "{:?}", f.iter().map(|x| &x.text).collect::<Vec<_>>());
}

#[test]
fn strength_of_a_force_counts_members_and_held_before_a_count_is_no_detention() {
    let f = quantities("A 3,000-strong force was sent to the border on Monday.");
    let x = f.iter().find(|x| x.text.starts_with("3,000-strong")).expect("3,000-strong");
    assert_ne!(x.unit.as_deref(), Some("strong"));
    assert_eq!(event("The arena held 18,000 spectators for the final.", "18,000 spectators"), None);
    assert_eq!(event("Some 30 people were held overnight, police said.", "Some 30 people").as_deref(), Some("detained"));
}

#[test]
fn evacuated_before_and_displaced_after_stay_different_events() {
    // before a storm: an evacuation (wire, live blog, headline)
    for (t, fig) in [
        ("MIRANDA BAY, Sorvania (AP) - About 5,000 residents were evacuated ahead of the storm, officials said.", "About 5,000 residents"),
        ("- 18:02 Authorities have ordered 12,000 people to evacuate before landfall.", "12,000 people"),
        ("Hurricane Lena: 80,000 under evacuation orders", "80,000"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some("evacuated"), "{t}");
    }
    // forced out by the disaster or the fighting: displaced
    for (t, fig) in [
        ("More than 10,000 people were forced to flee their homes when the river burst its banks.", "More than 10,000 people"),
        ("The fighting has uprooted 40,000 people since March, the UN said.", "40,000 people"),
        ("Some 2,000 families were driven from their homes by the lava.", "Some 2,000 families"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some("displaced"), "{t}");
    }
}

#[test]
fn a_second_count_joined_by_and_shares_the_verb_of_the_first() {
    let t = "The Airbus was carrying 120 passengers and six crew members, the airline said.";
    assert_eq!(event(t, "120 passengers").as_deref(), Some("aboard"));
    assert_eq!(event(t, "six crew members").as_deref(), Some("aboard"));
    let t = "GUNMEN KILL 12 SOLDIERS AND THREE CIVILIANS IN AMBUSH";
    assert_eq!(event(t, "THREE CIVILIANS").as_deref(), Some("killed"));
    // a second verb of its own keeps the second count apart
    assert_eq!(event("Police arrested 30 people and seized 12 rifles.", "12 rifles"), None);
    assert_eq!(event("The storm left ten dead and cut power to 250,000 homes.", "250,000 homes"), None);
    // survivors and people on board
    assert_eq!(event("Sixteen people survived the crash, officials said.", "Sixteen people").as_deref(), Some("survived"));
    assert_eq!(event("There were 126 people on board, including 7 crew.", "126 people").as_deref(), Some("aboard"));
    assert_eq!(event("Rescuers pulled 9 people alive from the wreckage.", "9 people").as_deref(), Some("rescued"));
}

#[test]
fn translated_copy_plural_multipliers_without_of_and_milliards() {
    let f = quantities("Damage is estimated at 1,2 milliards euros, the prefecture said.");
    let x = find(&f, "1,2 milliards euros");
    assert_eq!((x.value, x.unit.as_deref()), (1.2e9, Some("euro")));
    let f = quantities("Some 5,3 millions people live in the region.");
    assert_eq!(find(&f, "Some 5,3 millions people").value, 5.3e6);
    let f = quantities("The budget reaches 2 milliard dollars.");
    assert_eq!(find(&f, "2 milliard dollars").value, 2e9);
    // a wildfire report: "destroying 240 homes" is destruction
    assert_eq!(event("The fire burned 12,000 hectares, destroying 240 homes.", "240 homes").as_deref(), Some("destroyed"));
}

type Magnitude = (Option<[f64; 2]>, Option<f64>, Option<f64>, String, Option<String>);

/// (range, low, high, change, unit) of the figure written `fig` in `text`.
fn magnitude(text: &str, fig: &str) -> Magnitude {
    let f = quantities(text);
    let x = find(&f, fig);
    assert_eq!(x.text, &text[x.start as usize..x.end as usize]);
    (x.range, x.low, x.high, x.change.clone(), x.unit.clone())
}

#[test]
fn magnitude_plurals_are_decade_ranges() {
    // (sentence, figure text, lo, hi): with and without "of", at sentence start, headlines
    let cases: &[(&str, &str, f64, f64)] = &[
        ("Dozens of fishing boats were wrecked when the typhoon made landfall.", "Dozens of fishing boats", 12.0, 120.0),
        ("Rescuers pulled dozens from the flooded metro station.", "dozens", 12.0, 120.0),
        ("FERRY SINKS OFF CORVALE, DOZENS MISSING", "DOZENS", 12.0, 120.0),
        ("Hundreds of nurses walked off the job at three hospitals in Tarvik.", "Hundreds of nurses", 100.0, 1000.0),
        ("The landslide buried hundreds of homes in the valley overnight.", "hundreds of homes", 100.0, 1000.0),
        ("Hundreds evacuated as wildfire nears Pellham", "Hundreds", 100.0, 1000.0),
        ("Thousands of fans packed the stadium for the final.", "Thousands of fans", 1000.0, 10000.0),
        ("VANTOR, Estaria (AP) - Thousands fled their homes on Tuesday as the river rose.", "Thousands", 1000.0, 10000.0),
        ("Tens of thousands of voters queued for hours in the heat.", "Tens of thousands of voters", 1e4, 1e5),
        ("The outbreak has infected tens of thousands across the region.", "tens of thousands", 1e4, 1e5),
        ("Hundreds of thousands of households lost power after the storm.", "Hundreds of thousands of households", 1e5, 1e6),
        ("Millions of commuters faced delays as rail workers struck.", "Millions of commuters", 1e6, 1e7),
        ("Tens of millions of viewers watched the debate.", "Tens of millions of viewers", 1e7, 1e8),
        ("The app has been downloaded hundreds of millions of times.", "hundreds of millions of times", 1e8, 1e9),
        ("Billions of locusts swept across the plains.", "Billions of locusts", 1e9, 1e10),
    ];
    for &(t, fig, lo, hi) in cases {
        let (range, low, high, change, _) = magnitude(t, fig);
        assert_eq!((range, low, high, change.as_str()), (Some([lo, hi]), Some(lo), Some(hi), "="), "{t}");
        let v = quantities(t).into_iter().find(|f| f.text == fig).map(|f| f.value);
        assert_eq!(v, Some((lo + hi) / 2.0), "{t}");
    }
}

#[test]
fn magnitude_plurals_with_money_and_units() {
    let (range, _, _, change, unit) = magnitude("The scheme cost taxpayers hundreds of millions of dollars, auditors said.", "hundreds of millions of dollars");
    assert_eq!((range, change.as_str(), unit.as_deref()), (Some([1e8, 1e9]), "=", Some("dollar")));
    let (range, _, _, _, unit) = magnitude("Tens of billions of euros will be spent on the grid.", "Tens of billions of euros");
    assert_eq!((range, unit.as_deref()), (Some([1e10, 1e11]), Some("euro")));
    let (range, _, _, _, unit) = magnitude("Millions of litres of sewage spilled into the bay.", "Millions of litres");
    assert_eq!((range, unit.as_deref()), (Some([1e6, 1e7]), Some("litre")));
    // the event still comes from the verb
    assert_eq!(event("Hundreds of protesters were detained overnight.", "Hundreds of protesters").as_deref(), Some("detained"));
    assert_eq!(event("Dozens were killed when the bridge collapsed.", "Dozens").as_deref(), Some("killed"));
}

#[test]
fn other_vague_words_keep_their_single_value() {
    for (t, fig, v, lo, hi) in [
        ("Several hundred miners staged a sit-in underground.", "Several hundred miners", 300.0, 300.0, 900.0),
        ("Several thousand people gathered outside parliament.", "Several thousand people", 3000.0, 3000.0, 9000.0),
        ("A handful of shops reopened on Monday.", "A handful of shops", 5.0, 2.0, 9.0),
        ("Scores of villagers were evacuated by boat.", "Scores of villagers", 40.0, 40.0, 99.0),
    ] {
        let f = quantities(t);
        let x = find(&f, fig);
        assert_eq!((x.value, x.low, x.high, x.range, x.change.as_str()), (v, Some(lo), Some(hi), None, "~"), "{t}");
    }
    // a qualified number word is no vague magnitude
    let f = quantities("More than a thousand residents were moved to shelters.");
    let x = find(&f, "More than a thousand residents");
    assert_eq!((x.value, x.range, x.change.as_str()), (1000.0, None, ">"));
}

#[test]
fn burned_areas_have_the_burned_event() {
    for (t, fig) in [
        ("The fire has burned 30,000 acres since Friday, officials said.", "30,000 acres"),
        ("Blazes scorched 12,000 hectares of pine forest in the south.", "12,000 hectares"),
        ("PELLHAM, Corvale (Reuters) - The wildfire has charred more than 4,500 square kilometres, the agency said.", "more than 4,500 square kilometres"),
        ("Bushfire burns 80,000 hectares as heatwave grips state", "80,000 hectares"),
        ("About 800 hectares were burned before the wind dropped.", "About 800 hectares"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some("burned"), "{t}");
    }
    // an area with no land event has none; people burned to death are killed
    assert_eq!(event("The park covers 30,000 acres of wetland.", "30,000 acres"), None);
    assert_eq!(event("The farm sold 300 acres to the council.", "300 acres"), None);
    assert_eq!(event("Four people were burned to death in the bus.", "Four people").as_deref(), Some("killed"));
}

#[test]
fn taking_part_in_or_joining_a_gathering_is_protesting() {
    for (t, fig) in [
        ("Some 5,000 people took part in the march on Saturday.", "Some 5,000 people"),
        ("An estimated 20,000 took part in the protest in the capital, organisers said.", "An estimated 20,000"),
        ("About 3,000 joined the rally outside parliament.", "About 3,000"),
        ("More than 500 teachers took part in the demonstration.", "More than 500 teachers"),
        ("Thousands took part in protests across the country.", "Thousands"),
        ("Around 10,000 people marched through the capital on Sunday.", "Around 10,000 people"),
        ("LIVE: 800 nurses join the strike at city hospitals", "800 nurses"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some("protested"), "{t}");
    }
    // joining something else, taking part in something else
    assert_eq!(event("About 300 volunteers joined the search for the missing boy.", "About 300 volunteers"), None);
    // (taking part in talks is attending them, not protesting)
    assert_eq!(event("Some 40 countries took part in the talks.", "Some 40 countries").as_deref(), Some("attended"));
}

#[test]
fn an_included_count_shares_the_event_of_its_whole() {
    let t = "The plane had 126 people on board, including 7 crew.";
    let (unit, concept, ev) = read(t, "7 crew");
    assert_eq!((unit.as_deref(), concept.as_str(), ev.as_deref()), (Some("crew"), "crew", Some("aboard")));
    let t = "The car bomb tore through the market, killing 40 people, including 12 children.";
    let (_, concept, ev) = read(t, "12 children");
    assert_eq!((concept.as_str(), ev.as_deref()), ("children", Some("killed")));
    let t = "At least 61 miners were rescued, among them 9 foreign workers, the ministry said.";
    assert_eq!(event(t, "9 foreign workers").as_deref(), Some("rescued"));
    // no including word: the second count is on its own
    let t = "The ferry was carrying 300 passengers. The port has 12 cranes.";
    assert_eq!(event(t, "12 cranes"), None);
}

#[test]
fn lost_and_razed_buildings_are_destroyed() {
    for (t, fig) in [
        ("250 homes lost as wildfire sweeps through hills", "250 homes"),
        ("Officials said 120 homes were lost in the blaze.", "120 homes"),
        ("The storm razed 80 houses in the coastal village.", "80 houses"),
        ("The earthquake flattened 300 buildings in the old town.", "300 buildings"),
        ("About 1,200 homes were reduced to rubble by the shelling.", "About 1,200 homes"),
        ("Nearly 60 houses burned to the ground overnight.", "Nearly 60 houses"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some("destroyed"), "{t}");
    }
    // lost seats and jobs are not destroyed buildings
    assert_ne!(event("The ruling party lost 12 seats in the election.", "12 seats").as_deref(), Some("destroyed"));
    assert_ne!(event("Some 5,000 jobs were lost at the plant.", "Some 5,000 jobs").as_deref(), Some("destroyed"));
}

#[test]
fn figure_text_never_holds_half_a_quotation() {
    for (t, fig, concept) in [
        ("Police said nearly 4,000 \u{201c}riot participants\u{201d} had been detained.", "nearly 4,000", "riot participants"),
        ("Officials said 300 \"rioters\" were arrested overnight.", "300", "rioters"),
        ("The ministry counted 26 \u{2018}armed criminals\u{2019} among the dead.", "26", "armed criminals"),
    ] {
        let f = quantities(t);
        let x = find(&f, fig);
        assert_eq!(x.concept, concept, "{t}");
        assert_eq!(x.text, &t[x.start as usize..x.end as usize]);
        assert!(!x.text.starts_with(['"', '\u{201c}', '\u{2018}']) && !x.text.ends_with(['"', '\u{201c}', '\u{2018}', '\u{201d}', '\u{2019}']), "{t}");
    }
}

#[test]
fn sports_results_are_scores_not_figures() {
    for t in [
        "Corvale beat Pellham 3-1 on Saturday to move clear at the top.",
        "The Lions won 35-21 on Sunday.",
        "Tarvik Rovers beat Pellham City 102-98 in overtime.",
        "The team's 35-21 win lifted them to second in the table.",
        "The final ended 1-1 after extra time.",
    ] {
        let f = quantities(t);
        assert!(!f.iter().any(|x| x.text.contains("35") || x.text.contains("102") || x.text.contains("98") || x.text == "3" || x.text == "1" || x.range.is_some()), "{t}: {:?}", f.iter().map(|x| &x.text).collect::<Vec<_>>());
    }
    // a count of points is still a figure
    let f = quantities("The Lions scored 28 points in the second half.");
    assert_eq!(find(&f, "28 points").value, 28.0);
    // a range of large numbers without a result word stays a range
    let f = quantities("Ticket prices for the final range from 21 to 35 euros.");
    assert!(f.iter().any(|x| x.range == Some([21.0, 35.0])));
}

#[test]
fn one_in_n_after_only_is_a_ratio() {
    let f = quantities("Rail operators ran only one in three trains during the strike.");
    let x = find(&f, "one in three trains");
    assert!((x.value - 1.0 / 3.0).abs() < 1e-9);
    let f = quantities("Only one in five voters backed the plan, the poll found.");
    assert!((find(&f, "one in five voters").value - 0.2).abs() < 1e-9);
    // the pronoun stays a pronoun
    assert!(quantities("She was the only one in charge of the ward.").is_empty());
}

#[test]
fn a_part_of_a_counted_whole_is_not_the_measure_before_it() {
    let t = "The Social Democrats won 38.4% of the vote and 112 of the 300 seats.";
    let (unit, concept, _) = read(t, "112");
    assert_eq!((unit.as_deref(), concept.as_str()), (Some("seat"), "seats"));
    let t = "Prices rose 2.1% in May and 14 of the 20 regions saw higher rents.";
    assert_eq!(read(t, "14").0.as_deref(), Some("region"));
    // a bare number joined to a percentage still shares it
    let t = "Shares in Norvane rose 4.2% and Kessel gained 3.1.";
    assert_eq!(read(t, "3.1").0.as_deref(), Some("percentage"));
}

#[test]
fn vaccinated_people_are_counted_as_vaccinated() {
    assert_eq!(event("So far 2.3 million people have been vaccinated, officials said.", "2.3 million people").as_deref(), Some("vaccinated"));
    assert_eq!(event("Health workers inoculated 40,000 children in a week.", "40,000 children").as_deref(), Some("vaccinated"));
    assert_eq!(event("Some 12,000 residents were jabbed at the stadium on Sunday.", "Some 12,000 residents").as_deref(), Some("vaccinated"));
}

#[test]
fn headline_and_transport_events() {
    for (t, fig, ev) in [
        ("Tarvik flood forces 450 from homes", "450", "displaced"),
        ("Storm leaves 30,000 without power", "30,000", "affected"),
        ("The quake destroyed 1,200 homes and left 30,000 without shelter.", "30,000", "displaced"),
        ("Some 600 flights were cancelled and 90,000 passengers affected, the airport said.", "Some 600 flights", "cancelled"),
        ("Airlines cancelled 1,400 flights on Tuesday as controllers walked out.", "1,400 flights", "cancelled"),
        ("Ten schools were closed and 3,200 pupils sent home.", "3,200 pupils", "affected"),
    ] {
        assert_eq!(event(t, fig).as_deref(), Some(ev), "{t}");
    }
    // troops sent to a region are still deployed
    assert_eq!(event("The government sent 2,000 troops to the border.", "2,000 troops").as_deref(), Some("deployed"));
}

#[test]
fn a_loss_written_loser_first_is_a_score() {
    let f = quantities("Pellham lost 2-3 to Corvale after leading 2-0 at half-time.");
    assert!(f.iter().all(|x| x.range.is_none()), "{:?}", f.iter().map(|x| &x.text).collect::<Vec<_>>());
    // a range of counted things after "lost" is still a range
    let f = quantities("The party lost 2-3 seats in each of the northern districts.");
    assert!(f.iter().any(|x| x.range == Some([2.0, 3.0])));
}

#[test]
fn pounds_after_a_scale_word_are_money() {
    let unit = |t: &str, fig: &str| read(t, fig).0;
    assert_eq!(unit("The deal is worth 40 million pounds, the club said.", "40 million pounds").as_deref(), Some("pound sterling"));
    assert_eq!(unit("LONDON (Reuters) - The club spent 60m pounds on players this summer.", "60m pounds").as_deref(), Some("pound sterling"));
    assert_eq!(unit("The deal is worth tens of millions of pounds, sources said.", "tens of millions of pounds").as_deref(), Some("pound sterling"));
    assert_eq!(unit("The club spent 60m euros on players.", "60m euros").as_deref(), Some("euro"));
    // weights stay weights: no scale word, or "of" naming what weighs
    assert_eq!(unit("Police seized 40 pounds of cocaine at the port.", "40 pounds").as_deref(), Some("pound-mass"));
    assert_eq!(unit("Some 2 million pounds of beef were recalled.", "Some 2 million pounds").as_deref(), Some("pound-mass"));
    assert_eq!(unit("Hundreds of pounds of explosives were found in the van.", "Hundreds of pounds").as_deref(), Some("pound-mass"));
    assert_eq!(unit("The 200m final starts at eight.", "200m").as_deref(), Some("metre"));
}

#[test]
fn repeated_magnitude_words_are_one_figure() {
    let f = quantities("Thousands upon thousands of pilgrims crowded the square.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].range, Some([1000.0, 10000.0]));
    let f = quantities("Hundreds and hundreds of volunteers filled sandbags through the night.");
    assert_eq!((f.len(), f.first().map(|x| x.text.as_str())), (1, Some("Hundreds and hundreds of volunteers")));
}

#[test]
fn a_third_before_its_noun_is_an_ordinal() {
    let all = |t: &str| extract(&TextDoc::new(0, t));
    for t in ["Estaria's central bank held its benchmark rate at 5.25% for a third meeting.", "Prices rose for a fourth straight month, the data showed."] {
        let f = all(t);
        assert!(f.iter().any(|x| x.kind == FigureKind::Ordinal), "{t}");
        assert!(!f.iter().any(|x| x.kind == FigureKind::Quantity && x.value < 1.0), "{t}");
    }
    assert!((find(&quantities("A third of voters stayed home."), "A third of voters").value - 1.0 / 3.0).abs() < 1e-9);
    assert!((find(&quantities("The plant cut output by a fifth."), "a fifth").value - 0.2).abs() < 1e-9);
}

#[test]
fn a_running_total_keeps_the_event_not_the_noun() {
    let t = "Health authorities confirmed 215 new cases overnight, bringing the total to 8,940.";
    let (unit, concept, ev) = read(t, "8,940");
    assert_eq!((unit, concept.as_str(), ev.as_deref()), (None, "", Some("infected")));
    let t = "Rescuers found 12 more bodies on Friday, taking the death toll to 97.";
    assert_eq!(event(t, "97").as_deref(), Some("killed"));
}

#[test]
fn a_result_verb_before_the_team_reads_a_score() {
    let f = quantities("The Tigers edged the Hawks 98-95 to lead the series 3-2.");
    assert!(f.is_empty(), "{:?}", f.iter().map(|x| &x.text).collect::<Vec<_>>());
}

#[test]
fn a_measured_noun_phrase_ends_at_its_verb() {
    let about = |t: &str, fig: &str| find(&quantities(t), fig).about.clone();
    assert_eq!(about("The test positivity rate stood at 6.3 percent on Friday.", "6.3 percent"), "test positivity rate");
    assert_eq!(about("Unions said 85% of train drivers joined the walkout.", "85%"), "train drivers");
    assert_eq!(about("Turnout climbed to 71% in the capital.", "71%"), "Turnout");
    // a gerund is the noun: "personal spending"
    assert_eq!(about("Card payments made up just under 20 percent of personal spending last year.", "just under 20 percent"), "personal spending");
}

#[test]
fn translated_magnitude_phrases() {
    for (t, fig, lo, hi) in [
        ("Several tens of thousands of people gathered in the square.", "tens of thousands of people", 1e4, 1e5),
        ("Some hundreds of thousand residents remain without water.", "hundreds of thousand residents", 1e5, 1e6),
        ("Tens of thousand of workers went on strike, the union said.", "Tens of thousand of workers", 1e4, 1e5),
        ("The ministry said dozens of thousands of hectares burned.", "dozens of thousands of hectares", 12000.0, 120000.0),
    ] {
        let f = quantities(t);
        assert_eq!(find(&f, fig).range, Some([lo, hi]), "{t}");
        assert_eq!(f.len(), 1, "{t}");
    }
    // "several" before a plain multiplier keeps its own reading
    assert_eq!(find(&quantities("Several thousand people gathered."), "Several thousand people").value, 3000.0);
}

#[test]
fn burned_people_are_injured_and_burned_buildings_destroyed() {
    // "burned" is the event of an area; counted people who were burned are injured, and
    // buildings burned are destroyed ("burned to death" stays killed).
    assert_eq!(event("Twelve people were burned when the tanker exploded.", "Twelve people").as_deref(), Some("injured"));
    assert_eq!(event("KAROLIN, Vostria (Wire) - Three firefighters were burned on Sunday.", "Three firefighters").as_deref(), Some("injured"));
    assert_eq!(event("The blaze burned 200 homes in the valley overnight.", "200 homes").as_deref(), Some("destroyed"));
    assert_eq!(event("Four hikers were burned to death on the ridge.", "Four hikers").as_deref(), Some("killed"));
    assert_eq!(event("The fire has burned 30,000 acres since Friday.", "30,000 acres").as_deref(), Some("burned"));
}

#[test]
fn a_plural_that_is_also_a_reporting_verb_is_counted_after_a_number() {
    // "states" and "reports" are verbs elsewhere; right after a number they are the noun.
    let (unit, concept, _) = read("At least 30 people are dead in four states.", "four states");
    assert_eq!((unit.as_deref(), concept.as_str()), (Some("state"), "states"));
    let (unit, _, _) = read("The agency received 12 reports of flooding.", "12 reports");
    assert_eq!(unit.as_deref(), Some("report"));
}

#[test]
fn layoff_verbs_in_every_form_are_the_fired_event() {
    assert_eq!(event("Velmar will slash up to 3,000 jobs by 2027.", "up to 3,000 jobs").as_deref(), Some("fired"));
    assert_eq!(event("Velmar plans to shed as many as 1,200 jobs.", "as many as 1,200 jobs").as_deref(), Some("fired"));
    assert_eq!(event("The mill axed 40 jobs last week.", "40 jobs").as_deref(), Some("fired"));
    // (not a count after another word: "slashed prices for 300 customers")
    assert_ne!(event("The shop slashed prices for 300 customers.", "300 customers").as_deref(), Some("fired"));
}
