//! Units of one dimension meet: the dimension and base-unit conversion of every unit
//! (`crosscheck::figures::units::base`, generated from quantulum3's ontology with pint's
//! factors), and the comparison of figures written in different units of one dimension,
//! on sentences written for these tests.

#![cfg(not(target_arch = "wasm32"))]

use crosscheck::figures::units::base;
use crosscheck::{analyze, Article, Report, Status};

/// `v` in `unit`, expressed in the unit's base unit.
fn to_base(v: f64, unit: &str) -> (f64, &'static str) {
    let b = base(unit).unwrap_or_else(|| panic!("{unit} has a base"));
    (v * b.factor + b.offset, b.unit)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()) + 1e-9
}

/// Two amounts in two units are the same amount of one dimension.
fn meet(a: (f64, &str), b: (f64, &str)) {
    let (x, ux) = to_base(a.0, a.1);
    let (y, uy) = to_base(b.0, b.1);
    assert_eq!(ux, uy, "{a:?} and {b:?} have one base");
    assert!(close(x, y), "{a:?} = {x} {ux} but {b:?} = {y} {uy}");
}

#[test]
fn speeds_areas_lengths_and_durations_meet() {
    meet((100.0, "mile per hour"), (160.9344, "kilometre per hour"));
    meet((100.0, "mph"), (160.9344, "km/h"));
    meet((1.0, "acre"), (0.40468564224, "hectare"));
    meet((100.0, "hectare"), (1.0, "square kilometre"));
    meet((1.0, "square mile"), (2.589988110336, "km²"));
    meet((10.0, "inch"), (25.4, "centimetre"));
    meet((3.0, "feet"), (0.9144, "metre"));
    meet((2.0, "decade"), (20.0, "year"));
    meet((6.0, "months"), (180.0, "days"));
    meet((1.0, "tonne"), (1000.0, "kilogram"));
    meet((1.0, "gallon"), (3.785411784, "litre"));
}

#[test]
fn temperatures_meet_with_an_offset() {
    meet((104.0, "fahrenheit"), (40.0, "celsius"));
    meet((32.0, "°F"), (0.0, "°C"));
    meet((-40.0, "fahrenheit"), (-40.0, "celsius"));
    meet((273.15, "kelvin"), (0.0, "celsius"));
}

#[test]
fn points_and_shares() {
    // 25 basis points are a quarter of a percentage point
    meet((25.0, "basis point"), (0.25, "percentage point"));
    meet((50.0, "bp"), (0.5, "percentage point"));
    // a share written as a fraction is a percentage
    meet((0.2, "fraction"), (20.0, "percentage"));
    meet((1.0 / 6.0, "ratio"), (16.666666666666668, "percent"));
    // a percentage point is no percentage
    assert_ne!(base("percentage point").map(|b| b.unit), base("percentage").map(|b| b.unit));
}

#[test]
fn currencies_are_their_own_dimension() {
    for c in ["dollar", "euro", "pound sterling", "japanese yen", "shekel"] {
        let b = base(c).unwrap_or_else(|| panic!("{c}"));
        assert!(b.currency, "{c}");
        assert_eq!(b.dimension, c);
        assert_eq!((b.factor, b.offset), (1.0, 0.0));
    }
    assert_ne!(base("dollar").map(|b| b.dimension), base("canadian dollar").map(|b| b.dimension));
}

#[test]
fn counted_nouns_and_ambiguous_units_are_not_converted() {
    for u in ["people", "protester", "point", "degree", "dollar per barrel", "", "times"] {
        assert!(base(u).is_none() || base(u).is_some_and(|b| b.currency), "{u}: {:?}", base(u));
    }
}

fn art(name: &str, text: &str) -> Article {
    Article { name: name.into(), text: text.into() }
}

/// The fact holding the figure of document `doc` whose text contains `needle`.
fn fact_of<'a>(r: &'a Report, doc: usize, needle: &str) -> Option<&'a crosscheck::Fact> {
    let id = r.figures.iter().find(|f| f.doc == doc && f.text.contains(needle))?.id;
    r.facts.iter().find(|f| f.figures.contains(&id))
}

#[test]
fn storm_reports_in_two_unit_systems_agree() {
    let a = "Storm Ilvane batters the Norrow coast\n\nStorm Ilvane made landfall near Kestrel Point on Monday with sustained winds of 100 mph, the Norrow weather service said. The storm flattened orchards across 2,500 acres of farmland.";
    let b = "Storm Ilvane hits Norrow\n\nStorm Ilvane came ashore near Kestrel Point on Monday with sustained winds of 161 km/h, the Norrow weather service said. Orchards across 1,012 hectares of farmland were flattened.";
    let r = analyze(&[art("Imperial", a), art("Metric", b)]);
    let wind = fact_of(&r, 0, "100 mph").expect("wind fact");
    let w: Vec<&str> = wind.figures.iter().map(|&i| r.figures[i].text.as_str()).collect();
    assert!(w.iter().any(|t| t.contains("161")), "{w:?}");
    assert_ne!(wind.status, Status::Conflict, "{}", wind.note);
}

#[test]
fn heat_reports_in_fahrenheit_and_celsius_meet() {
    let a = "Heat grips Carvell\n\nTemperatures in Carvell reached 104 degrees Fahrenheit on Sunday, the city's weather office said.";
    let b = "Carvell swelters\n\nTemperatures in Carvell reached 40 degrees Celsius on Sunday, the city's weather office said.";
    let c = "Carvell heat\n\nTemperatures in Carvell reached 45 degrees Celsius on Sunday, the city's weather office said.";
    let r = analyze(&[art("A", a), art("B", b), art("C", c)]);
    let heat = fact_of(&r, 0, "104").expect("temperature fact");
    let t: Vec<&str> = heat.figures.iter().map(|&i| r.figures[i].text.as_str()).collect();
    assert!(t.iter().any(|x| x.contains("40 degrees")), "{t:?}");
    // 45 °C is not 104 °F
    assert_eq!(heat.status, Status::Conflict, "{}", heat.note);
}
