//! The public API on our own fixtures: UTF-16 spans with accents, curly quotes and emoji;
//! bad input (empty, binary, HTML, mixed scripts, huge) gives warnings, never a panic.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use crosscheck::{analyze, extract_figures, input, Article, Report};

fn art(name: &str, text: &str) -> Article {
    Article { name: name.into(), text: text.into() }
}

const FLOOD_A: &str = "Floods in Brennmoor 🌊 killed at least 7 people on Tuesday, the regional \
emergency service said. “We lost everything,” said Mara Quist, a café owner. More than 120 \
residents were evacuated and about 300 homes were damaged.";
const FLOOD_B: &str = "Nine people died in the Brennmoor floods, officials said on Wednesday. \
Nearly 150 residents were evacuated, according to the Brennmoor Civil Protection Agency (BCPA). \
“We have lost everything,” Mara Quist told reporters — her café’s 👍 sign washed away.";

#[test]
fn spans_are_utf16_and_report_round_trips() {
    let articles = vec![art("Ledger", FLOOD_A), art("", FLOOD_B)];
    let report = analyze(&articles);
    assert_eq!(report.documents[1].name, "Source 2");
    common::assert_spans_slice(&report, &articles);
    let back: Report = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(back, report);
    for (i, f) in report.figures.iter().enumerate() {
        assert_eq!(f.id, i);
    }
}

#[test]
fn extract_figures_spans_are_utf16() {
    let text = "Café 👍 owners said 26 people — “more than 3,800” — were held.";
    for f in extract_figures(text) {
        assert_eq!(common::slice_utf16(text, f.start, f.end), f.text);
    }
}

#[test]
fn bad_input_is_described_not_fatal() {
    let html = "<p>At least <b>12</b> people were hurt.</p><img src=x onerror=alert(1)><script>alert(2)</script>";
    let binary: String = (0u8..=255).map(|b| b as char).collect::<String>() + "\u{0}\u{1}\u{2}";
    let articles = vec![
        art("empty", ""),
        art("binary", &binary),
        art("html", html),
        art("mixed", "Москва 北京 Tokaïev 3,800 👍 \u{202E}rtl\u{202C}"),
    ];
    let report = analyze(&articles);
    common::assert_spans_slice(&report, &articles);
    assert!(report.documents[0].warnings.iter().any(|w| w.contains("empty")));
    assert!(report.documents[1].warnings.iter().any(|w| w.contains("binary")));
    assert!(report.documents[2].warnings.iter().any(|w| w.contains("HTML")));
    // Nothing inside a tag is taken as a figure or a name.
    for f in report.figures.iter().filter(|f| f.doc == 2) {
        assert!(!f.text.contains('<') && !f.text.contains('>'), "{f:?}");
    }
    assert!(input::validate(&[]).is_err());
}

#[test]
fn huge_input_is_handled() {
    let big = FLOOD_A.repeat(5_000); // ~1 MB
    let report = analyze(&[art("big", &big), art("b", FLOOD_B)]);
    assert_eq!(report.documents.len(), 2);
}

#[test]
fn destroyed_and_damaged_are_different_facts() {
    let report = analyze(&[
        art("a", "The flood destroyed 34 houses in the valley, officials said on Monday."),
        art("b", "About 40 houses were damaged by the flood, the mayor said on Monday."),
    ]);
    let house_facts: Vec<_> = report.facts.iter().filter(|f| f.label.to_lowercase().contains("house")).collect();
    assert!(house_facts.iter().all(|f| f.status == crosscheck::Status::Single), "{house_facts:?}");
    assert!(!report.facts.iter().any(|f| f.status == crosscheck::Status::Conflict));
}

/// Another event entirely (our own fiction): a mine collapse, with a death toll that the
/// flood's would "agree" with if figures of different events were compared.
const MINE: &str = "A tunnel collapsed at the Kessler Deep mine near Ostvik on Monday, killing \
at least 8 people, the Ostvik Mining Authority said. Rescue crews from Halden pulled 14 \
workers out alive. “The shaft gave way without warning,” said Ostvik mayor Jonas Brekke. \
The Ostvik Mining Authority said about 40 miners were underground when the Kessler Deep \
tunnel failed.";

#[test]
fn sources_about_different_events_are_not_compared() {
    // Same event: the two flood reports share a fact.
    let same = analyze(&[art("A", FLOOD_A), art("B", FLOOD_B)]);
    assert!(same.facts.iter().any(|f| f.status != crosscheck::Status::Single), "{:#?}", same.facts);
    assert!(!same.notices.iter().any(|n| n.contains("another event")), "{:?}", same.notices);
    // Different events: the flood's "at least 7 people killed" and the mine's "at least
    // 8 people killed" must not become one fact, and the notice says why.
    let report = analyze(&[art("Flood", FLOOD_A), art("Flood 2", FLOOD_B), art("Mine", MINE)]);
    for f in &report.facts {
        let docs: std::collections::BTreeSet<usize> = f.figures.iter().map(|&id| report.figures[id].doc).collect();
        assert!(!(docs.contains(&2) && docs.len() > 1), "a fact mixes the events: {f:#?}");
    }
    assert!(report.facts.iter().any(|f| f.status != crosscheck::Status::Single), "the floods still agree");
    assert!(
        report.notices.iter().any(|n| n.starts_with("Mine names hardly any") && n.contains("another event")),
        "{:?}",
        report.notices
    );
}

#[test]
fn stock_shares_are_a_count_not_a_fraction() {
    // Our own fiction: a number of shares is not a percentage of anything.
    let a = "Ferrox Mining sold 30 million shares in Halden on Monday, the Ferrox board said. \
Ferrox shares rose 57% in Halden trading.";
    let b = "Ferrox Mining shares jumped 55% in Halden on Monday after Ferrox sold 30 million shares, \
the Ferrox board said.";
    let report = analyze(&[art("A", a), art("B", b)]);
    for f in &report.facts {
        let texts: Vec<&str> = f.figures.iter().map(|&id| report.figures[id].text.as_str()).collect();
        let shares = texts.iter().any(|t| t.contains("shares"));
        let percent = texts.iter().any(|t| t.contains('%'));
        assert!(!(shares && percent), "shares compared with a percentage: {texts:?}");
    }
}

#[test]
fn measures_are_not_joined_by_words_that_stand_near_any_figure() {
    // Our own fiction, one event: an aid package and a loan are different facts, though
    // both sentences end "on Monday, officials said" (words that stand near any figure;
    // two shared words near two measures used to join them).
    let a = "Floods hit Halden and the Tessel valley. The government approved $2 billion \
in flood aid on Monday, officials said.";
    let b = "Floods hit Halden and the Tessel valley. The central bank granted a $300 million \
loan to farmers on Monday, officials said.";
    let report = analyze(&[art("A", a), art("B", b)]);
    for f in &report.facts {
        let texts: Vec<&str> = f.figures.iter().map(|&id| report.figures[id].text.as_str()).collect();
        assert!(texts.len() < 2, "aid and loan made one fact: {texts:?} ({:?})", f.status);
    }
}
