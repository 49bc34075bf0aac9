//! The number grammar and unit reading on sentences written for these tests: signs in
//! words, mixed numbers, fractions with ordinal denominators, "dozens" as a multiplier,
//! abbreviated multipliers, lists never merged, "point" decimals, written exponents and
//! uncertainties, ages in every unit, units in any case and spelling, currencies with
//! country prefixes in any case, compound units, and units never carried across a
//! bracket or clause. All names are invented.

use crosscheck::figures::extract;
use crosscheck::text::TextDoc;
use crosscheck::{Figure, FigureKind};

fn quantities(text: &str) -> Vec<Figure> {
    let doc = TextDoc::new(0, text);
    extract(&doc).into_iter().filter(|f| f.kind == FigureKind::Quantity).collect()
}

fn find(text: &str, fig: &str) -> Figure {
    let figs = quantities(text);
    figs.iter().find(|f| f.text == fig).cloned().unwrap_or_else(|| panic!("no figure {fig:?} in {:?}", figs.iter().map(|f| &f.text).collect::<Vec<_>>()))
}

/// (value, unit) of the figure written `fig` in `text`.
fn vu(text: &str, fig: &str) -> (f64, Option<String>) {
    let f = find(text, fig);
    (f.value, f.unit)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn assert_vu(text: &str, fig: &str, value: f64, unit: Option<&str>) {
    let (v, u) = vu(text, fig);
    assert!(close(v, value), "{fig}: {v} != {value}");
    assert_eq!(u.as_deref(), unit, "{fig}");
}

#[test]
fn signs_in_words_and_symbols() {
    assert_vu("Core prices in Marvane were negative 0.8 percent in March.", "negative 0.8 percent", -0.8, Some("percentage"));
    assert_vu("Overnight the valley fell to minus 12 degrees Celsius.", "minus 12 degrees Celsius", -12.0, Some("celsius"));
    assert_vu("The lake froze at −4 °C.", "−4 °C", -4.0, Some("celsius"));
    assert_vu("By dawn the pass was at minus three degrees.", "minus three degrees", -3.0, Some("degree"));
    assert_vu("Output growth was negative 1.5 per cent last year.", "negative 1.5 per cent", -1.5, Some("percentage"));
    // "tested negative" is a result, not a sign
    assert_vu("The striker tested negative 2 times last week.", "2 times", 2.0, Some("count"));
}

#[test]
fn mixed_numbers_and_slash_fractions() {
    assert_vu("Each tile is 7 3/4 inches wide.", "7 3/4 inches", 7.75, Some("inch"));
    assert_vu("The recipe takes 1 1/2 cups of oat flour.", "1 1/2 cups", 1.5, Some("cup"));
    // a date is no fraction
    assert!(quantities("The hearing moved to 12/05/2031 in Dorvik.").iter().all(|f| !f.text.contains('/')));
}

#[test]
fn fractions_with_ordinal_denominators() {
    assert!(close(find("Three sixteenths of the harvest was lost.", "Three sixteenths").value, 3.0 / 16.0));
    assert!(close(find("Seven tenths of the seats went to the Greens.", "Seven tenths of the seats").value, 0.7));
    assert!(close(find("Only one sixth of the loans were repaid.", "one sixth of the loans").value, 1.0 / 6.0));
    assert!(close(find("A twentieth of the budget goes to parks.", "A twentieth").value, 0.05));
    // an ordinal before its noun stays an ordinal
    assert!(quantities("It was a sixth straight defeat for Pellham.").is_empty());
}

#[test]
fn dozens_multiply_the_number_before() {
    assert_eq!(find("Volunteers packed four dozen crates.", "four dozen crates").value, 48.0);
    assert_eq!(find("Volunteers packed four dozens crates.", "four dozens crates").value, 48.0);
    assert_eq!(find("The bakery sold 3 dozen loaves.", "3 dozen loaves").value, 36.0);
    assert_vu("The class baked four dozens of cookies.", "four dozens of cookies", 48.0, Some("cookie"));
}

#[test]
fn abbreviated_multipliers() {
    assert_eq!(find("Orvane's sales reached 3.4b last year.", "3.4b").value, 3.4e9);
    assert_eq!(find("The fund raised 7.5 k from fans.", "7.5 k").value, 7500.0);
    assert_eq!(find("The plan costs 2 tln roubles.", "2 tln roubles").value, 2e12);
    assert_eq!(find("Its debt is $1.2T, officials said.", "$1.2T").value, 1.2e12);
    // a capital T after digits without a currency is a name
    assert!(!quantities("The new Velo 7T phone sold well.").iter().any(|f| f.value > 1e9));
}

#[test]
fn lists_are_never_one_number() {
    let f = quantities("Cabins 12,14,16 and 20 were flooded.");
    assert!(f.iter().all(|x| x.value < 100.0), "{:?}", f.iter().map(|x| (&x.text, x.value)).collect::<Vec<_>>());
    let f = quantities("Lots 3,5,9 went unsold.");
    assert!(f.iter().all(|x| x.value < 10.0), "{:?}", f.iter().map(|x| (&x.text, x.value)).collect::<Vec<_>>());
    // thousands and one decimal comma still join
    assert_eq!(find("The port handled 4,500,000 tonnes.", "4,500,000 tonnes").value, 4.5e6);
}

#[test]
fn point_decimals_in_words() {
    assert_vu("The beam is two point five metres long.", "two point five metres", 2.5, Some("metre"));
    assert_eq!(find("About three point two million people voted.", "About three point two million people").value, 3.2e6);
}

#[test]
fn exponents_and_uncertainties() {
    assert_vu("The sample held 6e23 atoms.", "6e23 atoms", 6e23, Some("atom"));
    let f = find("The rod weighs 12.5±0.2 kilograms.", "12.5±0.2 kilograms");
    assert_eq!((f.value, f.unit.as_deref()), (12.5, Some("kilogram")));
    assert!(close(f.low.unwrap_or(0.0), 12.3) && close(f.high.unwrap_or(0.0), 12.7));
    let f = find("The drift was 3 +/- 1 mm a year.", "3 +/- 1 mm a year");
    assert_eq!((f.low, f.high), (Some(2.0), Some(4.0)));
}

#[test]
fn ages_in_every_unit() {
    assert_vu("A boy aged 9 months was rescued.", "9 months", 9.0, Some("month of age"));
    assert_vu("The foal was two weeks old.", "two weeks old", 2.0, Some("week of age"));
    assert_vu("Rangers found a four-day-old calf.", "four-day-old", 4.0, Some("day of age"));
    assert_vu("Her daughter, three months old, was unhurt.", "three months old", 3.0, Some("month of age"));
    assert_vu("A 71-year-old driver was arrested.", "71-year-old", 71.0, Some("year of age"));
    // a duration is no age
    assert_vu("The strike lasted 9 months.", "9 months", 9.0, Some("month"));
}

#[test]
fn units_in_any_case_and_scale_letters() {
    assert_vu("The pool was 31 celsius at noon.", "31 celsius", 31.0, Some("celsius"));
    assert_vu("Forecasters expect 70 degrees f on Sunday.", "70 degrees f", 70.0, Some("fahrenheit"));
    assert_vu("The cellar stays at 12 deg C all year.", "12 deg C", 12.0, Some("celsius"));
    assert_vu("The cellar stays at 12 deg c all year.", "12 deg c", 12.0, Some("celsius"));
    assert_vu("Gusts reached 90 KILOMETRES PER HOUR.", "90 KILOMETRES PER HOUR", 90.0, Some("kilometre per hour"));
    assert_vu("The valve holds 30 psi.", "30 psi", 30.0, Some("pound per square inch"));
    assert_vu("The tank holds 200 hectolitres.", "200 hectolitres", 200.0, Some("hectolitre"));
    assert_vu("The panel made 50 Wh on Monday.", "50 Wh", 50.0, Some("watt hour"));
    // symbols keep their case: "5 MB" is megabytes, "5 mb" is not megabits
    assert_vu("The file is 5 MB.", "5 MB", 5.0, Some("megabyte"));
}

#[test]
fn currencies_with_country_prefixes_and_adjectives() {
    assert_vu("The mine cost 30 million canadian dollars.", "30 million canadian dollars", 3e7, Some("canadian dollar"));
    assert_vu("The mine cost 30 million Canadian Dollars.", "30 million Canadian Dollars", 3e7, Some("canadian dollar"));
    assert_vu("Exports rose to a$ 5 bn in May.", "a$ 5 bn", 5e9, Some("australian dollar"));
    assert_vu("Exports rose to HK$3bn in May.", "HK$3bn", 3e9, Some("hong kong dollar"));
    assert_vu("Exports rose to C$40m in May.", "C$40m", 4e7, Some("canadian dollar"));
    assert_vu("The deal is worth R$ 2 billion.", "R$ 2 billion", 2e9, Some("brazilian real"));
    assert_vu("The deal is worth 2 billion dollars.", "2 billion dollars", 2e9, Some("dollar"));
    assert_vu("The deal is worth CHF 90 million.", "CHF 90 million", 9e7, Some("swiss franc"));
}

#[test]
fn compound_symbols_the_table_does_not_list() {
    // a symbol that is no unit alone ("A" is a grade) over a unit
    assert_vu("The electrode carried 2.5 A/cm2 at peak.", "2.5 A/cm2", 2.5, Some("ampere per square centimetre"));
    assert_vu("The panel bears 40 N/m2 of wind load.", "40 N/m2", 40.0, Some("newton per square metre"));
    // two symbols glued into a product, the first a capital
    assert_vu("The pulse delivered 12 Js in total.", "12 Js", 12.0, Some("joule second"));
    // a headline's capitalised words are no symbols
    assert!(quantities("Stocks Rise 5 At Open As Banks Gain").iter().all(|f| f.unit.is_none()));
}

#[test]
fn powers_compounds_and_inches() {
    assert_vu("The reservoir holds 4 km cubed of water.", "4 km cubed", 4.0, Some("cubic kilometre"));
    assert_vu("The reservoir holds 4km^3 of water.", "4km^3", 4.0, Some("cubic kilometre"));
    assert_vu("The alloy's density is 7.9 g/cm³.", "7.9 g/cm³", 7.9, Some("gram per cubic centimetre"));
    assert_vu("The board is 2 1/2 in thick.", "2 1/2 in", 2.5, Some("inch"));
    assert_vu("The crack is 3 in.", "3 in", 3.0, Some("inch"));
    assert_vu("They bought a 9\" skillet.", "9\"", 9.0, Some("inch"));
    // "in" before a place or a time is the preposition
    assert_vu("Police arrested 3 in Dorvik.", "3", 3.0, None);
    // a quotation mark that closes a quotation is no inch mark
    assert!(quantities("\"We counted 9\" the mayor said.").iter().all(|f| f.unit.as_deref() != Some("inch")));
}

#[test]
fn ranges_of_suspended_and_negative_numbers() {
    let f = find("Engineers plan an 8- to 12-metre sea wall.", "8- to 12-metre");
    assert_eq!((f.range, f.unit.as_deref()), (Some([8.0, 12.0]), Some("metre")));
    let f = find("Nights ranged from -8 °C to -15 °C in the pass.", "from -8 °C to -15 °C");
    assert_eq!((f.range, f.unit.as_deref()), (Some([-15.0, -8.0]), Some("celsius")));
    let f = find("The tremor was felt 3 or 4 km away.", "3 or 4 km");
    assert_eq!(f.range, Some([3.0, 4.0]));
}

#[test]
fn a_unit_is_one_of_it() {
    assert_vu("Smugglers sold a kilo of resin for cash.", "a kilo", 1.0, Some("kilogram"));
    assert_vu("The storm left a foot of snow in Orra.", "a foot", 1.0, Some("foot"));
    // not a distance or an idiom
    assert!(quantities("The shop is a mile from the station.").is_empty());
    assert!(quantities("There is a degree of doubt.").is_empty());
}

#[test]
fn shared_units_and_unit_boundaries() {
    assert_vu("Patients were given 40 and 60 mg of the drug.", "40", 40.0, Some("milligram"));
    assert_vu("Rates rose by 5 or 10 percent.", "5 or 10 percent", 7.5, Some("percentage"));
    // no unit across a closing bracket and a semicolon
    let f = quantities("The hull is 14 m (46 ft); 12 were sold.");
    assert_eq!(f.iter().find(|x| x.text == "12").and_then(|x| x.unit.clone()), None);
    // nor past a bracket that holds an aside of its own (an abbreviation is no aside)
    let f = quantities("The mast is 30 m high (the old one was lower) and 9 remain.");
    assert_eq!(f.iter().find(|x| x.text == "9").and_then(|x| x.unit.clone()), None);
    let f = quantities("The alloy reached 90 gigapascals (GPa), while steel scores between 20 and 40.");
    assert_eq!(f.iter().find(|x| x.value == 30.0).and_then(|x| x.unit.clone()).as_deref(), Some("gigapascal"));
    // nor out of a relative clause set off by commas into the main clause
    let f = quantities("The tremor, which began at a depth of 8 km, registered 5.2 on Friday.");
    assert_eq!(f.iter().find(|x| x.value == 5.2).and_then(|x| x.unit.clone()).as_deref(), None);
    // nor onto a part of a group ("two of the crews")
    let f = quantities("The barge is 40 m long, and two of the crews left.");
    assert!(f.iter().all(|x| x.value != 2.0 || x.unit.as_deref() != Some("metre")));
}

#[test]
fn capital_scale_letters_read_in_context() {
    // a capital letter alone is a temperature, unless the sentence is about electricity
    assert_vu("It was 30 F in Orra at dawn.", "30 F", 30.0, Some("fahrenheit"));
    assert_vu("The new capacitor holds 4.7 F.", "4.7 F", 4.7, Some("farad"));
    assert_vu("The battery moved a charge of 12 C.", "12 C", 12.0, Some("coulomb"));
}

#[test]
fn other_bases_second_denominators_and_inverses() {
    assert_eq!(find("The chip stores 4x2^10 bits.", "4x2^10 bits").value, 4096.0);
    assert_vu("The roof gets 30 J/m^2 per day.", "30 J/m^2 per day", 30.0, Some("joule per square metre per day"));
    assert_vu("The rotor spins at 50 s-1.", "50 s-1", 50.0, Some("inverse second"));
    assert_vu("A kilowatt is a thousand watts.", "A kilowatt", 1.0, Some("kilowatt"));
}

#[test]
fn tallies_categories_and_nationalities_are_counts() {
    let f = quantities("The council approved the budget by a 7-2 vote.");
    assert!(f.iter().any(|x| x.value == 7.0) && f.iter().any(|x| x.value == 2.0), "{:?}", f.iter().map(|x| &x.text).collect::<Vec<_>>());
    assert!(f.iter().all(|x| x.range.is_none()));
    let f = quantities("The panel rejected it in a narrow 4-5 vote.");
    assert!(f.iter().all(|x| x.range.is_none()));
    assert_vu("Storm Ilvane came ashore as a Category 3 hurricane.", "3", 3.0, Some("category"));
    let f = quantities("The bus carried 31 Peruvian and four Chilean tourists.");
    assert!(f.iter().any(|x| x.value == 31.0), "{:?}", f.iter().map(|x| &x.text).collect::<Vec<_>>());
    // a score is still no figure
    assert!(quantities("Corvale beat Pellham 2-1 on Sunday.").is_empty());
}

#[test]
fn durations_written_with_a() {
    assert_vu("The plant has been idle for a year, its owner said.", "a year", 1.0, Some("year"));
    let f = find("Talks have stalled for almost a decade.", "almost a decade");
    assert_eq!((f.value, f.high, f.change.as_str()), (1.0, Some(1.0), "~"));
    // not a time ago, nor an ordinal
    assert!(quantities("Prices rose for a second time on Friday.").is_empty());
    assert!(quantities("Prices were higher a year ago.").is_empty());
}

#[test]
fn qualified_ratios_digit_counts_and_fractions_of_a_point() {
    let f = find("As many as one in five drivers failed the test.", "As many as one in five drivers");
    assert!(close(f.value, 0.2) && f.high.is_some_and(|h| close(h, 0.2)));
    let f = find("Unemployment hit double-digit levels in Orra.", "double-digit levels");
    assert_eq!(f.range, Some([10.0, 99.0]));
    assert_vu("The central bank made a quarter-point cut.", "a quarter-point", 0.25, Some("percentage point"));
    assert_vu("The central bank made a half-point cut.", "half-point", 0.5, Some("percentage point"));
}

#[test]
fn spans_bounds_and_arithmetic() {
    // "over" a duration is during it; "for over" is more than it
    let f = find("Snow fell over 36 hours in the pass.", "over 36 hours");
    assert_eq!((f.low, f.high), (Some(36.0), Some(36.0)));
    let f = find("The siege lasted for over 36 hours.", "over 36 hours");
    assert_eq!(f.high, None);
    // "plus one" is arithmetic
    let f = find("A motion needs 50 percent plus one vote to pass.", "50 percent");
    assert_eq!((f.low, f.high), (Some(50.0), Some(50.0)));
    // the earlier level a rate fell from is exact
    let f = find("The rate came down from a maximum of 6.5 percent.", "a maximum of 6.5 percent");
    assert_eq!((f.low, f.high), (Some(6.5), Some(6.5)));
    // "between the ages of" opens a range; a conversion in brackets may sit inside it
    assert_eq!(find("Pupils between the ages of 11 and 14 sat the test.", "of 11 and 14").range, Some([11.0, 14.0]));
    let f = quantities("Savings of between 40 million euros ($43 million) and 60 million euros are planned.");
    assert!(f.iter().any(|x| x.range == Some([4e7, 6e7])), "{:?}", f.iter().map(|x| &x.text).collect::<Vec<_>>());
    // an amount "by" which something moved, then its level: two figures
    let f = quantities("The reform lifts the pension age by three years to 67.");
    assert!(f.iter().any(|x| x.value == 3.0 && x.range.is_none()) && f.iter().any(|x| x.value == 67.0), "{:?}", f.iter().map(|x| (&x.text, x.value)).collect::<Vec<_>>());
}

#[test]
fn verbs_that_move_their_object_give_the_direction() {
    let ch = |text: &str, fig: &str| find(text, fig).change;
    assert_eq!(ch("The vaccine cut the rate of infection by 41 percent.", "41 percent"), "down");
    assert_eq!(ch("Tarnow Bank raised its payout by 6%.", "6%"), "up");
    assert_eq!(ch("The mill lifts output 4% a year.", "4%"), "up");
    assert_eq!(ch("Exports shrank by a further 2.2%.", "2.2%"), "down");
    // money raised is no rise, and a change noun before a copula states a size
    assert_eq!(ch("The startup raised $12 million by June.", "$12 million"), "=");
    // an amount of money cut is the saving ("cuts costs by €2bn" is "saves €2bn")
    assert_eq!(ch("Verdane cuts costs by €2bn over three years.", "€2bn"), "=");
    assert_eq!(ch("The rise in rents was 7%.", "7%"), "=");
}
