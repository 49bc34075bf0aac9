//! Facts that belong together without being one fact, on stories written for these tests
//! (fictional places, people and outlets): parts shown under their total and checked
//! against it, the article's own date as the time of its undated figures, amounts in two
//! currencies tied by a rate the text gives, and labels that name their scope once.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::facts::{art, fact_of};
use crosscheck::{analyze, Report};

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

const STORM_WIRE: &str = "Storm Ilse has killed at least 48 people across the Plains, officials said on Sunday. \
In Kansas, 20 people died, while 15 were killed in Nebraska, state emergency officials said.";
const STORM_DAILY: &str = "The death toll from Storm Ilse stood at 48 on Sunday. Twenty-two people died in Kansas, \
the governor's office said, and 14 people were killed in Nebraska.";
const STORM_POST: &str = "At least 48 people have been killed by Storm Ilse, the National Weather Service said. \
The storm tore through Kansas and Nebraska over the weekend. In Iowa, nine people died when the river burst its banks.";

#[test]
fn parts_sit_under_their_total_and_add_up_within_it() {
    let r = analyze(&[art("Wire", STORM_WIRE), art("Daily", STORM_DAILY), art("Post", STORM_POST)]);
    let total = fact_of(&r, 0, "48").expect("total");
    let kansas = fact_of(&r, 0, "20 people").expect("Kansas deaths");
    let nebraska = fact_of(&r, 0, "15").expect("Nebraska deaths");
    let iowa = fact_of(&r, 2, "nine").expect("Iowa deaths");
    assert_eq!(total.parts_of, None);
    for p in [kansas, nebraska, iowa] {
        assert_eq!(p.parts_of, Some(total.id), "{}", p.label);
        assert!(total.parts.contains(&p.id), "{}", p.label);
        // Parts follow their total in the Report's order (the page indents them there).
        assert!(p.id > total.id && p.id <= total.id + total.parts.len(), "{} at {}", p.label, p.id);
    }
    // Kansas 20-22, Nebraska 14-15, Iowa 9: at most 46, within the total of at least 48.
    let sum = total.parts_sum.expect("sum");
    assert_eq!(sum[0], Some(43.0), "{:?}", sum);
    assert!(!total.parts_exceed, "{}", total.verdict);
    assert!(total.verdict.contains("parts"), "{}", total.verdict);
    // The Markdown table marks a part under its total.
    let md = crosscheck::render::render(&r, crosscheck::render::Format::Markdown);
    assert!(md.contains("| ↳ People killed in Kansas |"), "{md}");
}

#[test]
fn parts_above_their_total_are_a_stated_conflict() {
    let r = analyze(&[
        art("Wire", "A total of 48 people died in the floods, the Morvania interior ministry said on Monday. In Bavaria, 30 people were killed, and 27 died in Saxony."),
        art("Daily", "Floods in Morvania have killed 48 people, the interior ministry said."),
    ]);
    let total = fact_of(&r, 1, "48").expect("total");
    assert_eq!(total.parts.len(), 2, "{:?}", labels(&r));
    assert!(total.parts_exceed, "{}", total.verdict);
    assert_eq!(total.parts_sum, Some([Some(57.0), Some(57.0)]));
    assert!(total.verdict.contains("add up to 57, above the total 48"), "{}", total.verdict);
    // An unbounded part ("more than 30") still counts its lower bound.
    let r = analyze(&[
        art("Wire", "The Morvania floods have killed 48 people, the interior ministry said. More than 30 people were killed in Bavaria, and at least 20 died in Saxony."),
        art("Daily", "The Morvania floods killed 48 people, officials said."),
    ]);
    let total = fact_of(&r, 1, "48").expect("total");
    assert!(total.parts_exceed, "{}", total.verdict);
    // Parts from other sources only, above the figure: the figure may be a part whose
    // limit went unsaid; no conflict is claimed, the note says so.
    let r = analyze(&[
        art("Wire", "The Morvania floods have killed 48 people, the interior ministry said."),
        art("Daily", "In Bavaria, 30 people were killed by the Morvania floods, and 27 died in Saxony, officials said."),
    ]);
    let total = fact_of(&r, 0, "48").expect("total");
    assert_eq!(total.parts.len(), 2, "{:?}", labels(&r));
    assert!(!total.parts_exceed && !total.verdict.contains("conflict"), "{}", total.verdict);
    assert!(total.note.contains("may be a part"), "{}", total.note);
    // Parts below the total are no conflict: "about 20" in Kessel and 10 in Ostra.
    let r = analyze(&[
        art("Wire", "The Morvania floods have killed 48 people, the interior ministry said. About 20 people were killed in Bavaria, and 10 died in Saxony."),
        art("Daily", "The Morvania floods killed 48 people, officials said."),
    ]);
    let total = fact_of(&r, 1, "48").expect("total");
    assert!(!total.parts_exceed, "{}", total.verdict);
}

#[test]
fn undated_figures_take_their_article_date_in_a_timeline() {
    // The later article gives the lower toll (a revision); by value the timeline would read
    // 35 → 40, by the articles' own dates it reads 40 (March 3) → 35 (March 5).
    let r = analyze(&[
        art("Wire", "DUNMORE, March 5 (Wire) — The death toll from the Velna mine collapse rose to 35, officials in Dunmore said."),
        art("Daily", "Velna mine collapse\nPublished March 3, 2031\n\nThe death toll from the Velna mine collapse in Dunmore rose to 40, rescuers said."),
    ]);
    let f = fact_of(&r, 0, "35").expect("toll");
    assert!(f.changing, "{}", f.note);
    let order: Vec<&str> = f.timeline.iter().map(|&i| r.figures[i].text.as_str()).collect();
    assert_eq!(order, ["40", "35"], "{}", f.note);
    // With no date of its own, an article's figures keep today's order (by value).
    let r = analyze(&[
        art("Wire", "The death toll from the Velna mine collapse rose to 35, officials in Dunmore said."),
        art("Daily", "The death toll from the Velna mine collapse in Dunmore rose to 40, rescuers said."),
    ]);
    let f = fact_of(&r, 0, "35").expect("toll");
    let order: Vec<&str> = f.timeline.iter().map(|&i| r.figures[i].text.as_str()).collect();
    assert_eq!(order, ["35", "40"], "{}", f.note);
}

#[test]
fn amounts_in_two_currencies_sit_side_by_side_at_the_rate_the_text_gives() {
    let r = analyze(&[
        art("Wire", "Velnor Motors will invest €4.6bn ($5bn) in a new battery plant near Dunmore, the company said on Monday."),
        art("Daily", "Velnor Motors said it would invest $5 billion in the battery plant in Dunmore."),
        art("Post", "The carmaker Velnor Motors plans to invest 4.6 billion euros in the Dunmore plant."),
    ]);
    let euros = fact_of(&r, 0, "4.6bn").expect("euro fact");
    let dollars = fact_of(&r, 0, "5bn").expect("dollar fact");
    // Still two facts (no rate is assumed), linked, next to each other.
    assert_ne!(euros.id, dollars.id);
    assert!(fact_of(&r, 2, "4.6 billion").is_some_and(|f| f.id == euros.id));
    assert!(fact_of(&r, 1, "5 billion").is_some_and(|f| f.id == dollars.id));
    assert_eq!(euros.currency_links, [dollars.id]);
    assert_eq!(dollars.currency_links, [euros.id]);
    assert_eq!(euros.id.abs_diff(dollars.id), 1);
    let first = if euros.id < dollars.id { euros } else { dollars };
    assert!(first.verdict.contains("which fits at the rate the text gives"), "{}", first.verdict);
    // No rate in the text: two currencies stay apart, unlinked.
    let r = analyze(&[
        art("Wire", "Velnor Motors will invest €4.6bn in a new battery plant near Dunmore, the company said."),
        art("Daily", "Velnor Motors said it would invest $5 billion in the battery plant in Dunmore."),
    ]);
    assert!(r.facts.iter().all(|f| f.currency_links.is_empty()), "{:?}", labels(&r));
}

#[test]
fn a_rate_stated_outright_ties_amounts_that_fit_it() {
    let text_rate = "The Karsland ministry set aside 200 million euros for flood relief on Monday. At the current exchange rate, $1 = 0.92 euros.";
    let r = analyze(&[
        art("Wire", text_rate),
        art("Daily", "The Karsland ministry set aside about $217 million for flood relief, officials said."),
        art("Post", "Karsland has set aside 200 million euros for flood relief, the ministry said."),
        art("Herald", "The Karsland ministry will spend $217 million on flood relief."),
    ]);
    let euros = fact_of(&r, 0, "200 million").expect("euro fact");
    let dollars = fact_of(&r, 1, "217 million").expect("dollar fact");
    assert_eq!(euros.currency_links, [dollars.id]);
    assert!(euros.verdict.contains("1 euro = 1.09 dollar") || dollars.verdict.contains("1 dollar = 0.92 euro"), "{} / {}", euros.verdict, dollars.verdict);
    // An amount the rate does not fit is not tied to it.
    let r = analyze(&[
        art("Wire", text_rate),
        art("Daily", "The Karsland ministry set aside $400 million for flood relief, officials said."),
        art("Post", "Karsland has set aside 200 million euros for flood relief, the ministry said."),
        art("Herald", "The Karsland ministry will spend $400 million on flood relief."),
    ]);
    assert!(r.facts.iter().all(|f| f.currency_links.is_empty()), "{:?}", labels(&r));
}
