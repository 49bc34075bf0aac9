//! Unit tests of the figure extractor on sentences written for these tests.

use super::tables::tables;
use super::vague::VAGUE_FIRST;
use super::*;
use crate::text::TextDoc;

fn figs(text: &str) -> Vec<Figure> {
    let doc = TextDoc::new(0, text);
    extract(&doc)
}

fn quantities(text: &str) -> Vec<Figure> {
    figs(text).into_iter().filter(|f| f.kind == FigureKind::Quantity).collect()
}

fn one(text: &str) -> Figure {
    let q = quantities(text);
    assert_eq!(q.len(), 1, "{text}: {q:#?}");
    q.into_iter().next().unwrap()
}

#[test]
fn spans_are_text() {
    let t = "Rescuers said more than 3,800 people were evacuated from the valley.";
    let f = one(t);
    assert_eq!(f.text, "more than 3,800 people");
    assert_eq!(&t[f.start as usize..f.end as usize], f.text);
    assert_eq!(f.value, 3800.0);
    assert_eq!((f.low, f.high, f.low_inclusive), (Some(3800.0), None, false));
    assert_eq!(f.change, ">");
    assert_eq!(f.unit.as_deref(), Some("people"));
    assert_eq!(f.event.as_deref(), Some("evacuated"));
}

#[test]
fn separators_and_abbreviations() {
    assert_eq!(one("The dam holds 3 800 tonnes of water.").value, 3800.0);
    assert_eq!(one("The dam holds 3\u{202F}800 tonnes of water.").value, 3800.0);
    assert_eq!(one("The fund lost $77m last year.").value, 77e6);
    assert_eq!(one("The fund lost $77m last year.").unit.as_deref(), Some("dollar"));
    assert_eq!(one("Sales hit 3.8M units.").value, 3.8e6);
    assert_eq!(one("The bank raised €1.5bn in bonds.").unit.as_deref(), Some("euro"));
    assert_eq!(one("The city spent 2 mln tenge on it.").value, 2e6);
    assert_eq!(one("The race drew 5k runners.").value, 5000.0);
    assert_eq!(one("It was minus 5 degrees Celsius at dawn.").value, -5.0);
    assert_eq!(one("It was -5 degrees Celsius at dawn.").unit.as_deref(), Some("celsius"));
    assert_eq!(one("Water rose 1½ metres in the square.").value, 1.5);
}

#[test]
fn european_style() {
    let f = quantities("Die Flut traf 3.800 Häuser, und der Pegel stieg um 2,5 Meter.");
    assert_eq!(f.first().map(|f| f.value), Some(3800.0));
    assert_eq!(f.get(1).map(|f| f.value), Some(2.5));
}

#[test]
fn words_and_vague() {
    assert_eq!(one("Twenty-six miners were trapped.").value, 26.0);
    assert_eq!(one("More than a thousand residents fled.").value, 1000.0);
    assert_eq!(one("More than a thousand residents fled.").change, ">");
    assert_eq!(one("Nineteen million voters are registered.").value, 19e6);
    assert_eq!(one("The trip took one and a half hours.").value, 1.5);
    assert_eq!(one("A dozen boats sank in the harbour.").value, 12.0);
    // a comma and "&" inside a number in words, never between two numbers of a list
    assert_eq!(one("The prize was four million, three hundred & ten crowns.").value, 4_000_310.0);
    assert_eq!(quantities("They counted two million, three million and then four million ballots.").len(), 3);
    let f = one("Dozens of fishermen were rescued by the coast guard.");
    // a magnitude plural is the range of its order of magnitude (vague_quantities.tsv)
    assert_eq!((f.low, f.high, f.change.as_str()), (Some(12.0), Some(120.0), "="));
    assert_eq!(f.event.as_deref(), Some("rescued"));
    assert_eq!(f.range, Some([12.0, 120.0]));
    let f = one("Hundreds of homes were flooded overnight.");
    assert_eq!((f.low, f.high, f.range), (Some(100.0), Some(1000.0), Some([100.0, 1000.0])));
    assert_eq!(one("Tens of thousands of people marched.").low, Some(10000.0));
    let f = one("Several hundred homes were flooded overnight.");
    assert_eq!((f.value, f.low, f.high, f.range, f.change.as_str()), (300.0, Some(300.0), Some(900.0), None, "~"));
    assert_eq!(one("Three-quarters of the crop was lost.").value, 0.75);
    assert_eq!(one("A third of the voters stayed home.").value, 1.0 / 3.0);
}

#[test]
fn compounds_and_ordinals() {
    let f = one("A 180-day state of emergency was declared.");
    assert_eq!((f.value, f.unit.as_deref()), (180.0, Some("day")));
    let f = one("An 81-year-old woman was rescued.");
    assert_eq!((f.value, f.unit.as_deref()), (81.0, Some("year of age")));
    let f = one("A 7.8-magnitude quake struck the coast.");
    assert_eq!((f.value, f.unit.as_deref()), (7.8, Some("magnitude")));
    let f = one("They began a two-week strike.");
    assert_eq!((f.value, f.unit.as_deref()), (2.0, Some("week")));
    let f = one("The six-month ban ends soon.");
    assert_eq!((f.value, f.unit.as_deref()), (6.0, Some("month")));
    let all = figs("Fire broke out on the 12th floor on the third day of the heatwave.");
    assert!(all.iter().all(|f| f.kind == FigureKind::Ordinal), "{all:#?}");
    assert_eq!(all.len(), 2);
}

#[test]
fn percentages_currencies_units() {
    let f = one("Turnout rose 5 percent in the north.");
    assert_eq!((f.unit.as_deref(), f.change.as_str()), (Some("percentage"), "up"));
    assert_eq!(one("Inflation hit 80% in May.").unit.as_deref(), Some("percentage"));
    assert_eq!(one("Prices are up 3 per cent this year.").change, "up");
    assert_eq!(one("Support fell 2 percentage points.").unit.as_deref(), Some("percentage point"));
    assert_eq!(one("The bill came to £300 in the end.").unit.as_deref(), Some("pound sterling"));
    assert_eq!(one("The cost was ¥5,000 per night.").unit.as_deref(), Some("japanese yen per night"));
    assert_eq!(one("They paid 40 million yuan for it.").unit.as_deref(), Some("chinese yuan"));
    assert_eq!(one("They paid 500 rubles for it.").unit.as_deref(), Some("russian ruble"));
    assert_eq!(one("Bread costs 300 tenge now.").unit.as_deref(), Some("kazakhstani tenge"));
    assert_eq!(one("The loan of USD 10 million was signed.").unit.as_deref(), Some("dollar"));
    assert_eq!(one("Winds reached 90 mph near the shore.").unit.as_deref(), Some("mile per hour"));
    assert_eq!(one("The river is 12 km wide here.").unit.as_deref(), Some("kilometre"));
    assert_eq!(one("It was 40°C in the shade.").unit.as_deref(), Some("celsius"));
    assert_eq!(one("The plant makes 300 MW of power.").unit.as_deref(), Some("megawatt"));
    assert_eq!(one("The rescue took 36 hours.").unit.as_deref(), Some("hour"));
    let f = one("The mayor, 64, resigned.");
    assert_eq!(f.unit.as_deref(), Some("year of age"));
}

#[test]
fn ranges() {
    let f = one("Between 20 and 30 houses burned.");
    assert_eq!(f.range, Some([20.0, 30.0]));
    assert_eq!(f.value, 25.0);
    assert_eq!(one("Rain of 50 to 80 mm is expected.").range, Some([50.0, 80.0]));
    assert_eq!(one("Rain of 50–80 mm is expected.").range, Some([50.0, 80.0]));
    assert_eq!(one("The toll went from 26 to 40 people.").range, Some([26.0, 40.0]));
    assert_eq!(one("Fines of $3 billion to $5 billion were discussed.").range, Some([3e9, 5e9]));
    assert_eq!(one("Bids of $89 to $93 billion were made.").range, Some([89e9, 93e9]));
    let y = figs("The drought lasted from 1930 to 1936 in the plains.");
    assert!(y.iter().all(|f| f.kind == FigureKind::Year) && y.len() == 2, "{y:#?}");
}

#[test]
fn qualifiers() {
    let cases: &[(&str, &str, Option<f64>, Option<f64>)] = &[
        ("At least 26 people died in the fire.", ">", Some(26.0), None),
        ("No fewer than 26 people died in the fire.", ">", Some(26.0), None),
        ("Nearly 4,000 people died in the fire.", "~", Some(3600.0), Some(4000.0)),
        ("Almost 4,000 people died in the fire.", "~", Some(3600.0), Some(4000.0)),
        ("Up to 30 people died in the fire.", "<", Some(0.0), Some(30.0)),
        ("As many as 30 people died in the fire.", "<", Some(0.0), Some(30.0)),
        ("Fewer than 30 people died in the fire.", "<", Some(0.0), Some(30.0)),
        ("Upwards of 30 people died in the fire.", ">", Some(30.0), None),
        ("In excess of 30 people died in the fire.", ">", Some(30.0), None),
        ("Just under 30 people died in the fire.", "<", Some(0.0), Some(30.0)),
        ("An estimated 30 people died in the fire.", "~", Some(27.0), Some(33.0)),
    ];
    for (t, ch, lo, hi) in cases {
        let f = one(t);
        assert_eq!(f.change, *ch, "{t}");
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        };
        assert!(close(f.low, *lo) && close(f.high, *hi), "{t}: {:?} {:?}", f.low, f.high);
        assert_eq!(f.event.as_deref(), Some("killed"), "{t}");
    }
    let f = one("About 2,300 homes were damaged.");
    assert_eq!(f.change, "~");
    let f = one("Some 500 soldiers were deployed.");
    assert_eq!((f.change.as_str(), f.event.as_deref()), ("~", Some("deployed")));
}

#[test]
fn changes() {
    assert_eq!(one("The index fell 3% on Monday.").change, "down");
    assert_eq!(one("The index dropped by 3% on Monday.").change, "down");
    assert_eq!(one("Shares jumped 12% in early trade.").change, "up");
    assert_eq!(one("Exports slid 4% last month.").change, "down");
    let f = quantities("Shares rose 5% to $84 on Friday.");
    assert_eq!(f.iter().map(|f| f.change.as_str()).collect::<Vec<_>>(), vec!["up", "="]);
    assert_eq!(one("The toll rose to 3,381 on Sunday.").change, "=");
}

#[test]
fn rates_over_any_unit_or_noun() {
    // any unit of measure after "a"/"per", any noun after "per"
    assert_eq!(fig_text("Barley closed at $5.85 a bushel.", "$5.85 a bushel").unit.as_deref(), Some("dollar per bushel"));
    assert_eq!(fig_text("Offices in the tower rent for $61 a square foot.", "$61 a square foot").unit.as_deref(), Some("dollar per square foot"));
    assert_eq!(fig_text("The clinic charges $85 per visit.", "$85 per visit").unit.as_deref(), Some("dollar per visit"));
    assert_eq!(fig_text("Tolls rose to 3.10 euros per crossing.", "3.10 euros per crossing").unit.as_deref(), Some("euro per crossing"));
    // a time after "a" stays a time: "a year ago"
    assert_eq!(fig_text("Profit was $9 million a year ago.", "$9 million").unit.as_deref(), Some("dollar"));
}

#[test]
fn a_verb_that_moves_its_object_by_points_of_a_share() {
    // points of a share move like the share: the verb gives the direction
    assert_eq!(fig_text("The Riksmark bank raised its deposit rate by 25 basis points to 2.5%.", "25 basis points").change, "up");
    assert_eq!(fig_text("Lawmakers cut the payroll levy by two percentage points this spring.", "two percentage points").change, "down");
    // money moved by such a verb is still the amount, not a change ("raised $40m")
    assert_eq!(fig_text("The club raised $40 million from its fans.", "$40 million").change, "=");
}

#[test]
fn concepts_and_events() {
    let f = one("Officials said 26 protesters were detained in the capital.");
    assert_eq!((f.concept.as_str(), f.event.as_deref()), ("protesters", Some("detained")));
    let f = one("Police deployed 3,000 law enforcement officers to the square.");
    assert_eq!((f.concept.as_str(), f.event.as_deref()), ("law enforcement officers", Some("deployed")));
    let f = one("The blast injured 26, the governor said.");
    assert_eq!(f.event.as_deref(), Some("injured"));
    let f = one("The death toll rose to 3,381 on Sunday.");
    assert_eq!(f.event.as_deref(), Some("killed"));
    let f = one("The storm hit the coast, killing more than 2,300 people.");
    assert_eq!(f.event.as_deref(), Some("killed"));
    let q = quantities("The clashes left 18 killed and 748 wounded.");
    assert_eq!(q.iter().map(|f| f.event.as_deref()).collect::<Vec<_>>(), vec![Some("killed"), Some("injured")]);
    let f = one("The rally drew 12 search and rescue personnel.");
    assert_eq!(f.concept, "search and rescue personnel");
    let f = one("As many as 40 were held in custody.");
    assert_eq!(f.event.as_deref(), Some("detained"));
}

#[test]
fn not_counts() {
    let all = figs("On January 6, 2022, at 10:30, the office at 555-123-4567 said the Big 12 and COVID-19 rules from 2019 held.");
    let q: Vec<_> = all.iter().filter(|f| f.kind == FigureKind::Quantity).collect();
    assert!(q.is_empty(), "{q:#?}");
    assert!(all.iter().any(|f| f.kind == FigureKind::Date && f.value == 20220106.0));
    assert!(all.iter().any(|f| f.kind == FigureKind::Time && f.value == 1030.0));
    assert!(all.iter().any(|f| f.kind == FigureKind::Year && f.value == 2019.0));
    let all = figs("Related Posts\nFlood toll reaches 40 in river towns\n");
    assert!(all.iter().all(|f| f.kind != FigureKind::Quantity), "{all:#?}");
    let all = figs("1. Apples from the north\n2. Pears from the south\n");
    assert!(all.is_empty(), "{all:#?}");
    let all = figs("The game ended 2-0 after extra time.");
    assert!(all.is_empty(), "{all:#?}");
    assert_eq!(one("Some 2000 people attended.").value, 2000.0);
}

#[test]
fn time_and_attribution() {
    let f = one("At least 12 people died overnight, the Health Ministry said.");
    assert_eq!(f.time.as_deref(), Some("overnight"));
    assert_eq!(f.attribution.as_deref(), Some("the Health Ministry"));
    let f = one("According to Reuters, 40 people were arrested on Thursday.");
    assert_eq!(f.time.as_deref(), Some("Thursday"));
    assert_eq!(f.attribution.as_deref(), Some("Reuters"));
}

#[test]
fn no_panics_on_odd_input() {
    for t in ["", "   ", "🙂 5 🙂", "数字 3 800 人", "<p>12</p>", "$", "1/0", "-", "99999999999999999999999999", "a a a a", "1.2.3.4.5", "½", "between 5 and", "from 1 to", "12-", "−3", "++5", "5%%", "US$", "the 1990s", "Jan. 99"] {
        let _ = figs(t);
    }
}

#[test]
fn news_regressions() {
    let q = quantities("A magnitude 6.4 quake hit the valley, killing at least 112 people, the civil defence agency said.");
    assert_eq!(q[0].unit.as_deref(), Some("magnitude"));
    assert_eq!(q[1].event.as_deref(), Some("killed"));
    assert_eq!(q[1].attribution.as_deref(), Some("the civil defence agency"));
    let q = quantities("Nine boats were found and 27 sailors remain missing, the navy said.");
    assert_eq!(q.last().and_then(|f| f.event.as_deref()), Some("missing"));
    let f = one("Riot police fired tear gas at a crowd of about 2,000 fans.");
    assert_eq!(f.event, None);
    let f = one("Gold fell from $1,900 on Monday to $1,850 on Friday.");
    assert_eq!(f.range, Some([1850.0, 1900.0]));
    let y = figs("Mileage rose in 2008 to 29 mpg.");
    assert!(y.iter().any(|f| f.kind == FigureKind::Year) && y.iter().any(|f| f.value == 29.0 && f.range.is_none()), "{y:#?}");
}

#[test]
fn attribution_forms() {
    let f = one("Local radio quoted regional health officials as saying that 14 climbers were rescued.");
    assert_eq!(f.attribution.as_deref(), Some("regional health officials"));
    let f = one("The brewery, a family firm, announced Monday that half of its staff would strike.");
    assert_eq!(f.attribution, None);
    let f = one("The fund was backed by several former colonial powers.");
    assert_eq!(f.text, "several former colonial powers");
}

#[test]
fn time_from_dates() {
    let f = one("As of March 3, 412 homes were still without power.");
    assert_eq!(f.time.as_deref(), Some("March 3"));
}

#[test]
fn event_nouns_are_counted() {
    let f = one("Police made over 200 arrests in the port city.");
    assert_eq!((f.text.as_str(), f.event.as_deref()), ("over 200 arrests", Some("detained")));
    let f = one("The storm caused 31 deaths and cut power.");
    assert_eq!(f.event.as_deref(), Some("killed"));
    let f = one("A ticket costs about 28 US cents.");
    assert_eq!(f.unit.as_deref(), Some("cent"));
}

#[test]
fn ratios_and_addresses() {
    let f = one("One in five voters stayed home.");
    assert!((f.value - 0.2).abs() < 1e-12, "{f:?}");
    let f = one("Three out of four shops were shut.");
    assert_eq!(f.value, 0.75);
    assert!(quantities("The office at 16-18 Harbour Street reopened.").is_empty());
    assert_eq!(one("Turnout rose in 2019 to 61%.").value, 61.0);
}

#[test]
fn change_in_lists() {
    let q = quantities("Oil fell 2%, gas by 3% and coal by 1%.");
    assert_eq!(q.iter().map(|f| f.change.as_str()).collect::<Vec<_>>(), vec!["down", "down", "down"]);
    assert_eq!(one("The forecast was revised upward by 40 tonnes.").change, "up");
}

#[test]
fn codes_decades_and_bodies() {
    assert!(quantities("Call 0800 123 4567 for help.").is_empty());
    let q = quantities("Two men in their 40s were charged.");
    assert_eq!(q[0].unit.as_deref(), Some("man"));
    let all = figs("Two men in their 40s were charged.");
    assert!(all.iter().any(|f| f.unit.as_deref() == Some("year of age") && f.high == Some(49.0)), "{all:#?}");
    let f = one("Divers have recovered 14 bodies so far.");
    // Bodies recovered are their own count, not the death toll (see reading's classes).
    assert_eq!((f.text.as_str(), f.event.as_deref()), ("14 bodies", Some("recovered")));
}

#[test]
fn more_movement_verbs() {
    assert_eq!(one("Rents skyrocketed 40% after the flood.").change, "up");
    assert_eq!(one("The trade gap widened 7% in March.").change, "up");
    assert_eq!(one("The council hiked fares by 10 percent.").change, "up");
    assert_eq!(one("Ticket sales tanked 35% during the strike.").change, "down");
    assert_eq!(one("The lead narrowed 3 points overnight.").change, "down");
    assert_eq!(one("The airline slashed 800 jobs this spring.").change, "down");
    // a level reached is not a change
    assert_eq!(one("Turnout stood at 61 percent.").change, "=");
}

#[test]
fn superlatives_in_counted_units_are_lemmatized() {
    let f = one("It was one of the deadliest storms on record.");
    assert_eq!((f.value, f.unit.as_deref()), (1.0, Some("deadly storm")));
    let f = one("She owns two of the best vineyards in the valley.");
    assert_eq!(f.unit.as_deref(), Some("good vineyard"));
    // the head noun is never touched, even when it ends in -est
    assert_eq!(one("Police counted 40 protests.").unit.as_deref(), Some("protest"));
}

#[test]
fn counted_rates_over_time() {
    assert_eq!(one("The clinic ran 2,500 tests a day during the outbreak.").unit.as_deref(), Some("test per day"));
    assert_eq!(one("The airport handles 40 flights per hour.").unit.as_deref(), Some("flight per hour"));
    // a time, not a rate
    assert_eq!(one("Police arrested 12 protesters a day after the vote.").unit.as_deref(), Some("protester"));
    assert_eq!(one("The town lost 300 homes a year ago.").unit.as_deref(), Some("home"));
}

#[test]
fn hyphenated_counted_nouns() {
    let f = one("The family moved into a 10-storey tower last spring.");
    assert_eq!((f.value, f.unit.as_deref(), f.text.as_str()), (10.0, Some("storey"), "10-storey"));
    let f = one("The sedan comes with a six-cylinder engine.");
    assert_eq!((f.value, f.unit.as_deref()), (6.0, Some("cylinder")));
    assert_eq!(one("A 12-member jury heard the case.").unit.as_deref(), Some("member"));
    // units stay units, and approximations or fractions are not counted nouns
    assert_eq!(one("They began a two-week strike.").unit.as_deref(), Some("week"));
    assert_ne!(one("The bridge has 20-odd spans.").unit.as_deref(), Some("odd"));
    assert_ne!(one("It is a 3-D model.").unit.as_deref(), Some("d"));
}

#[test]
fn suspended_hyphens_share_the_last_unit() {
    let all = quantities("Buyers can pick two-, three- and four-bedroom houses.");
    let units: Vec<_> = all.iter().map(|f| (f.value, f.unit.clone().unwrap_or_default())).collect();
    assert_eq!(units, vec![(2.0, "bedroom".to_string()), (3.0, "bedroom".to_string()), (4.0, "bedroom".to_string())]);
    let all = quantities("The bank sold 10- and 30-year bonds.");
    assert_eq!(all.first().and_then(|f| f.unit.as_deref()), Some("year"));
}

#[test]
fn suspended_hyphen_scan_is_utf8_safe() {
    let _ = figs("Pick two- and ééééééééééééééééééééééééééééééééééééé-bedroom 🏠 three-, 🏠🏠 four-");
    let _ = figs("5-, 6-");
    let _ = figs("7-");
}

#[test]
fn partitive_scaled_numbers_take_the_whole_unit() {
    let all = quantities("The fund has spent 300 million of the 2 billion euros it was promised.");
    assert_eq!(all.first().map(|f| (f.value, f.unit.as_deref())), Some((3e8, Some("euro"))));
    // a plain count is left alone
    let all = quantities("Only 3 of the 20 euros were left.");
    assert_eq!(all.first().and_then(|f| f.unit.as_deref()), None);
}

/// The figure whose text is `t` in `text`.
fn fig_text(text: &str, t: &str) -> Figure {
    quantities(text).into_iter().find(|f| f.text == t).unwrap_or_else(|| panic!("{t:?} not in {:#?}", quantities(text)))
}

#[test]
fn about_of_counts_is_the_owner_not_the_counted_noun() {
    // the owner: subject of the verb, relative clauses, pronoun after a reporting verb
    assert_eq!(fig_text("The Harbour Ferry Company has 420 employees on the island.", "420 employees").about, "Harbour Ferry Company");
    assert_eq!(fig_text("Maria Lopez has scored 31 goals this season.", "31 goals").about, "Maria Lopez");
    assert_eq!(fig_text("Northwind, which employs 900 people, said it would expand.", "900 people").about, "Northwind");
    assert_eq!(fig_text("The mill also said it has more than 300 customers abroad.", "more than 300 customers").about, "mill");
    assert_eq!(fig_text("Brightwater on Tuesday announced plans to lay off 250 workers.", "250 workers").about, "Brightwater");
    // "X of <count>" and "<count> of X"
    assert_eq!(fig_text("A poll of 1,200 voters found little change.", "1,200 voters").about, "poll");
    assert_eq!(fig_text("Three episodes of the drama were filmed in Lisbon.", "Three episodes").about, "drama");
    // the count is itself the subject, or stands alone: nothing owns it
    assert_eq!(fig_text("Forty miners were rescued from the shaft.", "Forty miners").about, "");
    assert_eq!(fig_text("There are four candidates in the race.", "four candidates").about, "");
    assert_eq!(fig_text("It was one of the strongest storms on record.", "one of the strongest storms").about, "");
    assert_eq!(fig_text("Rain fell on two villages near the coast.", "two villages").about, "");
    // concept (used for grouping) stays the counted noun
    assert_eq!(fig_text("Maria Lopez has scored 31 goals this season.", "31 goals").concept, "goals");
}

#[test]
fn a_part_of_a_counted_whole_in_words_is_two_figures() {
    // "four of the nine": the whole is a figure of its own, not the part's noun
    let q = quantities("The crew repaired four of the nine pumps by noon.");
    let v: Vec<(f64, Option<&str>)> = q.iter().map(|f| (f.value, f.unit.as_deref())).collect();
    assert_eq!(v, vec![(4.0, Some("pump")), (9.0, Some("pump"))]);
    let q = quantities("Two of its three reactors were shut.");
    assert_eq!(q.iter().map(|f| f.value).collect::<Vec<_>>(), vec![2.0, 3.0]);
}

#[test]
fn about_of_counts_from_their_own_phrase_and_clause() {
    // a possessive before the count owns it, even when the count is its clause's subject;
    // "its" stands for the clause's subject
    assert_eq!(fig_text("The orchestra's 64 musicians will tour Chile in May.", "64 musicians").about, "orchestra");
    assert_eq!(fig_text("Nordholm's 230 branches stayed open on Sunday.", "230 branches").about, "Nordholm");
    assert_eq!(fig_text("The relay squad lost four of its nine races this year.", "nine races").about, "relay squad");
    // the phrase a count completes, before the clause it is the subject of
    assert_eq!(fig_text("A panel of 12 judges has ruled on the appeal.", "12 judges").about, "panel");
    // a count joined to a count before it shares its owner
    assert_eq!(fig_text("The depot stores 300 buses and 45 trams.", "45 trams").about, "depot");
    // the level a change reached
    assert_eq!(fig_text("The town's workforce grew by 6% to 18,000 workers.", "18,000 workers").about, "town workforce");
    // a count set against another count of its clause, or what the subject has ("with")
    assert_eq!(fig_text("Ilse Varga has won 21 races in 30 starts.", "30 starts").about, "Ilse Varga");
    assert_eq!(fig_text("Ilse Varga has won nine races in 30 starts.", "30 starts").about, "Ilse Varga");
    assert_eq!(fig_text("The virus has infected 90 patients in four hospitals.", "four hospitals").about, "virus");
    assert_eq!(fig_text("Lakeside Retail ended the year with 52 stores.", "52 stores").about, "Lakeside Retail");
    // a place or a time of the event owns nothing; a counted subject is no owner
    assert_eq!(fig_text("Hail fell on three farms near the lake.", "three farms").about, "");
    assert_eq!(fig_text("Hundreds of fans gathered outside three stadiums.", "three stadiums").about, "");
}

#[test]
fn about_of_measures() {
    // the subject of the verb that governs the figure
    assert_eq!(fig_text("The river authority said the water level was set to rise by 40 centimetres.", "40 centimetres").about, "water level");
    assert_eq!(fig_text("Analysts warned that a national strike would cost it $300 million.", "$300 million").about, "national strike");
    assert_eq!(fig_text("Bank shares, which were up 2.5%, led the market.", "2.5%").about, "Bank shares");
    // names right before a figure, in brackets, or before a rise/fall word
    assert_eq!(fig_text("Markets at noon: Zeta +0.4% Omega +0.9%.", "+0.9%").about, "Omega");
    assert_eq!(fig_text("Best keepers: Ravi Patel (12 saves), Sam Cole (9 saves).", "12 saves").about, "Ravi Patel");
    assert_eq!(fig_text("The worst performers were Redline Foods, down 12p at 340p.", "12p").about, "Redline Foods");
    // conversions in brackets share what they are about; so do figures joined by "and"
    let t = "The tunnel runs for 5 miles (8 km) of new track.";
    // (the clause's subject owns what the figure measures: it is part of the about)
    assert_eq!(fig_text(t, "5 miles").about, "tunnel new track");
    assert_eq!(fig_text(t, "8 km").about, "tunnel new track");
    assert_eq!(fig_text("Tests came back at 3 ppm and 5 ppm in the wells.", "5 ppm").about, fig_text("Tests came back at 3 ppm and 5 ppm in the wells.", "3 ppm").about);
    // money "in NP" without a determiner; a duration after a verb and "for" has no owner
    assert_eq!(fig_text("The startup raised $4 million in funding.", "$4 million").about, "startup funding");
    assert_eq!(fig_text("The bank can lend for thirty years at a fixed rate.", "thirty years").about, "");
    assert_eq!(fig_text("The airport faced a closure for more than two weeks.", "more than two weeks").about, "closure");
    // "-ing" modifiers after a figure that opens the phrase
    assert_eq!(fig_text("The alloy has a 650 C melting point.", "650 C").about, "melting");
}

#[test]
fn units_from_context() {
    // a fraction of a unit, and a unit after a system word
    let f = fig_text("A cup holds roughly 1/4 of a gallon of soup.", "roughly 1/4");
    assert_eq!(f.unit.as_deref(), Some("gallon"));
    assert_eq!(one("The tank leaks 3 imperial gallons a day.").unit.as_deref(), Some("gallon per day"));
    // a person's age after "turned", "will be"
    assert_eq!(one("She turned 40 in May.").unit.as_deref(), Some("year of age"));
    assert_eq!(one("He will be 62 next week.").unit.as_deref(), Some("year of age"));
    assert_eq!(one("It was 62 on the scale.").unit, None);
    // a bare number continues the measure of the figure before it in the sentence
    let t = "The first route is 120 kilometres long and the second only 45.";
    assert_eq!(fig_text(t, "45").unit.as_deref(), Some("kilometre"));
    let t = "Coal output rose 3 percent while gas output fell by 2.";
    assert_eq!(fig_text(t, "2").unit.as_deref(), Some("percentage"));
    // but not a level after a change, nor a number followed by its own noun
    assert_eq!(fig_text("Shares of Corvid rose 8% to 3.65 on Friday.", "3.65").unit, None);
    assert_eq!(fig_text("The lake is 9 km wide and has 3 islands.", "3 islands").unit.as_deref(), Some("island"));
    assert_ne!(fig_text("This rack holds 12\" 200-ish trays.", "200").unit.as_deref(), Some("inch"));
    // a power glued to a unit after a slash: an acceleration, a flow per area
    assert_eq!(one("The sled slowed at 6.5 m/s2 on the ramp.").unit.as_deref(), Some("metre per square second"));
    assert_eq!(one("The sled slowed at 6.5 m/s² on the ramp.").unit.as_deref(), Some("metre per square second"));
    assert_eq!(one("The filter passes 40 L/m2 an hour.").unit.as_deref(), Some("litre per square metre per hour"));
    // a capital K glued to a number is kelvin where the sentence speaks of temperatures,
    // thousands elsewhere
    let f = fig_text("The furnace ran at 900 °C (1,652 °F, 1,173.15K) all week.", "1,173.15K");
    assert_eq!((f.value, f.unit.as_deref()), (1173.15, Some("kelvin")));
    assert_eq!(one("She earns 85K a year.").value, 85000.0);
    // a bare degree on a named scale; absolute zero
    assert_eq!(one("Helium boils at −268.9° on the Celsius scale.").unit.as_deref(), Some("celsius"));
    assert_eq!(one("Near absolute zero, the gas stops moving.").unit.as_deref(), Some("kelvin"));
}

#[test]
fn about_objects_pronouns_possessives() {
    // an object right before a qualified figure or one closing with higher/lower
    assert_eq!(fig_text("The utility will build new turbines over 40 MW next year.", "over 40 MW").about, "new turbines");
    assert_eq!(fig_text("Two lenders dragged the banking index 1.2 percent lower.", "1.2 percent").about, "banking index");
    // a noun before "of" even when it looks like a verb
    assert_eq!(fig_text("Sales missed analyst forecasts of 5,200 units.", "5,200 units").about, "analyst forecasts");
    // a pronoun subject names no owner; an object pronoun is not a subject
    assert_eq!(fig_text("Although it was trading at more than 90p, few sold.", "more than 90p").about, "");
    assert_eq!(fig_text("The mill said it was trading at more than 90p.", "more than 90p").about, "mill");
    assert_eq!(fig_text("The current through it was 3 amps.", "3 amps").about, "current");
    // a count of named things is about the subject that has or makes them
    assert_eq!(fig_text("The Kestrel plant shipped 4,000 Vela pumps in May.", "4,000 Vela pumps").about, "Kestrel plant");
    assert_eq!(fig_text("Orvana delivered 12,400 Model 7s in March.", "12,400").about, "Orvana");
    // an indirect object is skipped on the way to the verb
    assert_eq!(fig_text("The new bridge will cost taxpayers $90 million.", "$90 million").about, "new bridge");
    // possessives are dropped
    assert_eq!(fig_text("The museum's budget rose 4% this year.", "4%").about, "museum budget");
    // averages are approximate
    assert_eq!(fig_text("She averaged 21.4 points a game.", "21.4 points").change, "~");
}

#[test]
fn about_ranges_dashes_and_compounds() {
    // "which range from": the noun before the relative pronoun
    assert_eq!(fig_text("The annual fees, which range from 2 per cent to 3 per cent, are gone.", "from 2 per cent to 3 per cent").about, "annual fees");
    // a figure after a standalone dash elaborates the one before
    let t = "The dam lifts the reservoir level by 4 metres - from 20 metres to 24 metres.";
    assert_eq!(fig_text(t, "from 20 metres to 24 metres").about, fig_text(t, "4 metres").about);
    // money "for NP"
    assert_eq!(fig_text("The council paid $2 million for repairs.", "$2 million").about, "council repairs");
    assert_eq!(fig_text("The council paid $2 million for repairs.", "$2 million").concept, "repairs");
    // an adjective before "by" is not what is measured
    assert_eq!(fig_text("The offence is punishable by five years in jail.", "five years").about, "offence");
    // suspended hyphens share the noun after the last member
    let t = "Buyers can pick two-, three- and four-door models.";
    assert_eq!(fig_text(t, "two").about, "models");
}

#[test]
fn about_ages_attributes_and_reported_counts() {
    assert_eq!(fig_text("The 67-year-old retired judge spoke first.", "67-year-old").about, "retired judge");
    assert_eq!(fig_text("A 6.1-magnitude tremor shook the valley.", "6.1-magnitude").about, "tremor");
    assert_eq!(fig_text("A 5% pay rise was agreed.", "5%").about, "pay rise");
    // a count that is the subject of a reported clause has no owner
    assert_eq!(fig_text("Rescuers said 140 people were missing.", "140 people").about, "");
    assert_eq!(fig_text("The league said it has 30 teams.", "30 teams").about, "league");
}

#[test]
fn share_prices_in_pence_and_sports_stats() {
    // NewsQuant names a price written "p" a point, glued or after one space
    assert_eq!(one("The miner's shares closed at 243.5p on Tuesday.").unit.as_deref(), Some("point"));
    let t = "Among the fallers, Ravel Homes lost 14 p at 386 p, and Carrow dropped 2.5 p.";
    assert_eq!(fig_text(t, "14 p").unit.as_deref(), Some("point"));
    assert_eq!(fig_text(t, "386 p").unit.as_deref(), Some("point"));
    assert_eq!(fig_text(t, "2.5 p").unit.as_deref(), Some("point"));
    // spelled-out pence stay pennies; "p.m." is a time, and a spaced "p" before a word is no unit
    assert_eq!(one("A stamp now costs 95 pence at the counter.").unit.as_deref(), Some("penny"));
    assert!(quantities("The ferry left at 5 p.m. sharp.").iter().all(|f| f.unit.as_deref() != Some("point")));
    // wins above replacement, written in capitals only
    assert_eq!(fig_text("The shortstop was worth 2.1 WAR last season.", "2.1 WAR").unit.as_deref(), Some("win above replacement"));
    assert_ne!(one("Rebels fought 7 war campaigns.").unit.as_deref(), Some("win above replacement"));
}

#[test]
fn levels_rates_and_expectancies() {
    // a level after a change continues an earlier index level in points
    let t = "The main board fell 2% to 3,410 points, while the tech board lost 1.5% to 902.";
    assert_eq!(fig_text(t, "902").unit.as_deref(), Some("point"));
    assert_eq!(fig_text("Shares of Corvid rose 8% to 3.65 on Friday.", "3.65").unit, None);
    // a rate written after a bracketed conversion belongs to the figure before the bracket
    let t = "Farmers lose 4 billion rupees ($48 million) a year to the blight.";
    assert_eq!(fig_text(t, "4 billion rupees").unit.as_deref(), Some("indian rupee per year"));
    assert_eq!(one("Farmers lose 4 billion rupees (a record) every year to the blight.").unit.as_deref(), Some("indian rupee"));
    // a life expectancy is an age in years
    let t = "Life expectancy for women in the valley is about 81, officials said.";
    assert_eq!(fig_text(t, "about 81").unit.as_deref(), Some("year of age"));
    // "over than" is a misspelt "more than"
    assert_eq!(one("The agency serves over than 40% of the region.").change, ">");
}

#[test]
fn ranks_are_not_amounts() {
    assert!(quantities("The club has slid into the bottom three after a poor run.").is_empty());
    assert!(quantities("Her film stayed in the top 10 for a month.").iter().all(|f| f.value != 10.0));
    assert_eq!(one("The top three seeds all lost on Sunday.").value, 3.0);
    assert_eq!(one("The top 5 banks hold most deposits.").unit.as_deref(), Some("bank"));
}

#[test]
fn a_noun_or_two() {
    let t = "The coach hopes to add a striker or two before the deadline.";
    assert_eq!(fig_text(t, "two").unit.as_deref(), Some("striker"));
    let t = "Repairs should take a week or two, the mayor said.";
    assert_eq!(fig_text(t, "two").unit.as_deref(), Some("week"));
    // not after a plural or a function word
    assert!(quantities("Bring cakes or two loaves.").iter().all(|f| f.unit.as_deref() != Some("cake")));
}

#[test]
fn more_rise_and_fall_verbs() {
    assert_eq!(one("The rand rebounded 1.2% against the dollar.").change, "up");
    assert_eq!(one("Output expanded 3.4 percent in the third quarter.").change, "up");
    assert_eq!(one("The lira depreciated 6% in a week.").change, "down");
    assert_eq!(one("Copper softened 0.8% on Monday.").change, "down");
    // a level after the verb stays a level
    assert_eq!(one("Membership expanded to 31 countries.").change, "=");
}

#[test]
fn amounts_higher_or_lower() {
    assert_eq!(fig_text("The stock closed 35 cents lower at $12.10.", "35 cents").change, "down");
    assert_eq!(fig_text("The index ended 41 points higher on Friday.", "41 points").change, "up");
    assert_eq!(one("The new dam is 4 metres higher than the old one.").change, "=");
}

#[test]
fn rebounds_are_counted_not_a_rise() {
    assert_eq!(fig_text("She had 12 points and 9 rebounds.", "9 rebounds").unit.as_deref(), Some("rebound"));
}

/// The start filter of `run` never rejects a word that a reading could start with: every
/// word of the figure lexicons (and some made-up ones) that the filter rejects is no month,
/// ordinal, number word or vague quantity starter.
#[test]
fn start_filter_rejects_only_inert_words() {
    let tb = tables();
    let events: Vec<&str> = crate::lexicon::events::entries().iter().map(|e| e.words).collect();
    let lex = [tables::UNITS, tables::PREFIXES, tables::NUMBER_WORDS, tables::QUALIFIERS, tables::VAGUE, &events.join("\n")].join("\n");
    let extra = "a an one half third-quarter twenty-first may-day sept jan thousandth Dozens zzz élan naïve";
    let mut rejected = 0;
    for w in lex.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')).chain(extra.split(' ')).filter(|w| !w.is_empty()) {
        let w = w.to_lowercase();
        if tb.may_start(&w, w.contains('-')) {
            continue;
        }
        rejected += 1;
        assert!(dates::month(&w).is_none(), "{w}");
        assert!(numbers::ordinal_word(&w).is_none(), "{w}");
        assert!(tb.word(numbers::before_hyphen(&w)).is_none(), "{w}");
        assert!(!VAGUE_FIRST.contains(&w.as_str()) && !matches!(numbers::before_hyphen(&w), "a" | "an"), "{w}");
    }
    assert!(rejected > 100, "the filter should reject most words, rejected {rejected}");
    assert!(tb.may_start("twenty-six", true) && tb.may_start("september", false) && tb.may_start("dozens", false) && tb.may_start("fortieth", false));
}

#[test]
fn barely_hedges_the_number() {
    // "barely"/"scarcely" before a number say it is only just reached: an approximation
    let f = one("The ferry line now carries barely 4,200 passengers a week.");
    assert_eq!((f.value, f.change.as_str()), (4200.0, "~"));
    let f = one("Turnout in the river district was scarcely 31%.");
    assert_eq!((f.value, f.change.as_str()), (31.0, "~"));
    // without the hedge the count stays exact
    assert_eq!(one("The ferry line now carries 4,200 passengers a week.").change, "=");
}
