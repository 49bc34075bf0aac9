//! Facts that belong together without being one fact, on stories written for these tests
//! (fictional places, people and outlets): parts shown under their total and checked
//! against it, the article's own date as the time of its undated figures, amounts in two
//! currencies tied by a rate the text gives, and labels that name their scope once.

#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{analyze, Article, Report};

fn art(name: &str, text: &str) -> Article {
    Article { name: name.into(), text: text.into() }
}

/// The fact holding the figure of document `doc` whose text contains `needle`.
fn fact_of<'a>(r: &'a Report, doc: usize, needle: &str) -> Option<&'a crosscheck::Fact> {
    let id = r.figures.iter().find(|f| f.doc == doc && f.text.contains(needle))?.id;
    r.facts.iter().find(|f| f.figures.contains(&id))
}

fn labels(r: &Report) -> Vec<&str> {
    r.facts.iter().map(|f| f.label.as_str()).collect()
}

#[test]
fn a_candidate_share_names_the_candidate_once() {
    let r = analyze(&[
        art("Wire", "Andrej Voss won 52.3 percent of the vote in Tarnovia's runoff, the election board said on Monday. His rival Petra Lind took 46.1 percent of the vote."),
        art("Daily", "Tarnovia has a new president: Andrej Voss took 52 percent of the vote, according to the election board. Petra Lind won 46 percent of the vote and conceded."),
        art("Post", "With all ballots counted, Andrej Voss had 52.3% of the vote and Petra Lind had 46.1% of the vote, the Tarnovia election board said."),
    ]);
    let voss = fact_of(&r, 0, "52.3").expect("Voss share");
    // The name once: "Andrej Voss share of the vote (%)", not "... — Andrej Voss (%)".
    assert_eq!(voss.label.matches("Voss").count(), 1, "{}", voss.label);
    assert!(voss.label.contains("share of the vote"), "{}", voss.label);
    let lind = fact_of(&r, 0, "46.1").expect("Lind share");
    assert_eq!(lind.label.matches("Lind").count(), 1, "{}", lind.label);
    assert_ne!(voss.label, lind.label, "{:?}", labels(&r));
}
