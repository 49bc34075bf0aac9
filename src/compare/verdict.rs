//! The verdict of one fact: its status and the reason for it in one line, for the head
//! of a table row ("Conflict — Source 3 (about 80) is below what the other two allow
//! (121–149)"). The page shows it whole and never re-derives it; the per-source values
//! stay in the cells and the longer [`crate::report::Fact::note`] keeps the full listing.
//!
//! Documents are named "Source N" here, like the note; [`crate::analyze`] puts the names
//! the person gave in their place ([`super::name_sources`]).

use super::interval::Interval;
use super::judge::push_short_text;
use super::{bounds, push_source_name, Item};
use crate::report::{Figure, Status};

/// Most outlier sources a verdict names; the rest are counted ("and 2 more").
const MAX_NAMED: usize = 3;
/// Most figures of one outlier quoted in its brackets.
const MAX_TEXTS: usize = 2;

/// What [`verdict`] reads: the fact as `judge` decided it.
pub(super) struct Judged<'a> {
    /// Every figure of the fact.
    pub its: &'a [&'a Item],
    pub figures: &'a [Figure],
    pub status: Status,
    /// Documents outside the consensus, sorted.
    pub outliers: &'a [usize],
    /// What the sources (all of them, or all but the outliers) jointly allow.
    pub consensus: Option<&'a Interval>,
    /// A conflict explained by time: later reports of a tally give higher figures.
    pub over_time: bool,
    /// The figures were reported at different times (the row shows them in time order).
    pub changing: bool,
    /// The sentence about parts adding up to a total, when one applies (else empty).
    pub parts: &'a str,
    /// How an interval is written for a reader (integers, temperatures in the source's scale).
    pub describe: &'a dyn Fn(&Interval) -> String,
}

/// The one-line verdict: the status word, a dash, and why.
pub(super) fn verdict(j: &Judged) -> String {
    let mut docs: Vec<usize> = j.its.iter().map(|i| i.doc).collect();
    crate::sort::plain(&mut docs);
    docs.dedup();
    let n = docs.len();
    let allowed = || j.consensus.map(|c| (j.describe)(c));
    let mut out = String::with_capacity(96);
    match j.status {
        Status::Single => {
            out.push_str("Single source — only ");
            push_source_name(&mut out, docs.first().copied().unwrap_or(0));
            out.push_str(" gives this figure");
        }
        Status::Agree => {
            out.push_str("Agree — ");
            out.push_str(&all_sources(n));
            out.push_str(" say ");
            out.push_str(&agreed(j));
        }
        // A tally that only grows: the figures differ (a conflict for a reader comparing
        // them as today's), and the reason is time.
        Status::Consistent | Status::Conflict if j.over_time => {
            out.push_str(if j.status == Status::Conflict { "Conflict over time — the figures differ, but later reports give higher figures" } else { "Consistent over time — later reports give higher figures" });
            if let Some(c) = allowed() {
                out.push_str("; latest: ");
                out.push_str(&c);
            }
        }
        Status::Consistent => {
            out.push_str("Consistent — ");
            // What the figures as written all allow; when only rounding makes them fit
            // ("44.88%" and "44.9%"), the widened interval would read oddly: say so instead.
            match written_common(j, &[]) {
                Some(c) => {
                    out.push_str(&(j.describe)(&c));
                    out.push_str(" fits ");
                    out.push_str(&all_sources(n));
                }
                None => {
                    out.push_str(&all_sources(n));
                    out.push_str(" can be true at once, allowing for rounding");
                }
            }
        }
        Status::Conflict => conflict(j, &docs, &mut out),
    }
    if j.changing && !j.over_time && j.status != Status::Single {
        out.push_str("; reported at different times");
    }
    let parts = j.parts.trim().trim_end_matches('.');
    if !parts.is_empty() {
        out.push_str("; ");
        out.push_str(parts);
    }
    out
}

/// "Conflict — Source 3 (about 80) is below what the other two allow (121–149)".
fn conflict(j: &Judged, docs: &[usize], out: &mut String) {
    out.push_str("Conflict — ");
    let Some(cons) = j.consensus.filter(|_| !j.outliers.is_empty()) else {
        if let [a, b] = docs {
            // Two sources, one figure each side: name both.
            push_with_values(out, j, *a, None);
            out.push_str(" and ");
            push_with_values(out, j, *b, None);
            out.push_str(" cannot both be right");
        } else {
            out.push_str("no value fits all ");
            out.push_str(&count_word(docs.len()));
            out.push_str(" sources, and no majority agrees on one");
        }
        return;
    };
    // Each outlier above or below what the others allow (by its offending figures), in
    // one pass over the figures (a fact can hold thousands, and as many outliers).
    let mut above: Vec<Option<Option<bool>>> = vec![None; j.outliers.len()];
    for it in j.its.iter().filter(|i| i.round.intersect(cons).is_none()) {
        let Ok(k) = j.outliers.binary_search(&it.doc) else { continue };
        let up = bounds(&it.round).0 >= bounds(cons).1;
        if let Some(slot) = above.get_mut(k) {
            *slot = match *slot {
                None => Some(Some(up)),
                Some(Some(a)) if a == up => Some(Some(a)),
                _ => Some(None),
            };
        }
    }
    let sides: Vec<(usize, Option<bool>)> = j.outliers.iter().zip(above).map(|(&d, a)| (d, a.flatten())).collect();
    let named = sides.len().min(MAX_NAMED);
    let same_side = sides.first().and_then(|s| s.1).filter(|&a| sides.iter().all(|s| s.1 == Some(a)));
    for (k, &(d, side)) in sides.iter().take(named).enumerate() {
        if k > 0 {
            out.push_str(if k + 1 == named && sides.len() <= MAX_NAMED { " and " } else { ", " });
        }
        push_with_values(out, j, d, Some(cons));
        // Two outliers on different sides: "A (80) is below and B (300) above".
        if same_side.is_none() && sides.len() == 2 {
            match (k, side) {
                (0, Some(a)) => out.push_str(if a { " is above" } else { " is below" }),
                (1, Some(a)) => out.push_str(if a { " above" } else { " below" }),
                _ => {}
            }
        }
    }
    if sides.len() > named {
        out.push_str(" and ");
        out.push_str(&(sides.len() - named).to_string());
        out.push_str(" more");
    }
    let others = docs.len().saturating_sub(sides.len());
    let plural = sides.len() > 1;
    match same_side {
        Some(up) => {
            out.push_str(if plural { " are " } else { " is " });
            out.push_str(if up { "above" } else { "below" });
        }
        None if sides.len() == 2 && sides.iter().all(|s| s.1.is_some()) => {}
        None => out.push_str(if plural { " fall outside" } else { " falls outside" }),
    }
    out.push_str(" what ");
    if others == 1 {
        out.push_str("the other source allows");
    } else {
        out.push_str("the other ");
        out.push_str(&count_word(others));
        out.push_str(" allow");
    }
    out.push_str(" (");
    // As written; where only rounding makes the others agree, the rounded interval, said so.
    match written_common(j, j.outliers) {
        Some(c) => out.push_str(&(j.describe)(&c)),
        None => {
            out.push_str(&(j.describe)(cons));
            out.push_str(", allowing for rounding");
        }
    }
    out.push(')');
}

/// What the figures as written (not widened for rounding) of every source but `skip`
/// (sorted) all allow, when they share a value.
fn written_common(j: &Judged, skip: &[usize]) -> Option<Interval> {
    let ivs: Vec<Interval> = j.its.iter().filter(|i| skip.binary_search(&i.doc).is_err()).map(|i| i.iv).collect();
    if ivs.is_empty() {
        return None;
    }
    super::interval::intersect_all(&ivs)
}

/// "Source 3 (about 80, Sunday)": a source and its figures (those outside `cons` when
/// given), each distinct text once, with the time it names.
fn push_with_values(out: &mut String, j: &Judged, doc: usize, cons: Option<&Interval>) {
    push_source_name(out, doc);
    let mine: Vec<&&Item> = j.its.iter().filter(|i| i.doc == doc).collect();
    let off: Vec<&&Item> = match cons {
        Some(c) if mine.iter().any(|i| i.round.intersect(c).is_none()) => mine.into_iter().filter(|i| i.round.intersect(c).is_none()).collect(),
        _ => mine,
    };
    // The time a figure names, when the fact's figures do not all name the same one.
    let time_of = |i: &Item| j.figures.get(i.idx).and_then(|f| f.time.as_deref()).map(str::trim).filter(|w| !w.is_empty());
    let one_time = j.its.first().map(|i| time_of(i)).is_some_and(|t| j.its.iter().all(|i| time_of(i) == t));
    // Each text once (with the time it names, when one of its mentions names one).
    let mut texts: Vec<(String, Option<&str>)> = Vec::new();
    let mut more = 0usize;
    for it in off {
        let mut t = String::new();
        push_short_text(&mut t, j.figures.get(it.idx));
        let when = time_of(it).filter(|_| !one_time);
        if t.is_empty() {
            continue;
        }
        if let Some(seen) = texts.iter_mut().find(|(x, _)| *x == t) {
            seen.1 = seen.1.or(when);
        } else if texts.len() < MAX_TEXTS {
            texts.push((t, when));
        } else {
            more += 1;
        }
    }
    let texts: Vec<String> = texts
        .into_iter()
        .map(|(t, w)| match w {
            Some(w) => format!("{t}, {w}"),
            None => t,
        })
        .collect();
    if texts.is_empty() {
        return;
    }
    out.push_str(" (");
    out.push_str(&texts.join("; "));
    if more > 0 {
        out.push_str("; …");
    }
    out.push(')');
}

/// What agreeing sources say: their words when all wrote the same ("dozens", "34
/// houses"), else the value as written (not widened for rounding).
fn agreed(j: &Judged) -> String {
    let text = |i: &&Item| j.figures.get(i.idx).map(|f| f.text.trim().to_lowercase());
    let first = j.its.first().and_then(text);
    match first {
        Some(t) if !t.is_empty() && j.its.iter().all(|i| text(i).as_deref() == Some(t.as_str())) => {
            let mut s = String::new();
            push_short_text(&mut s, j.its.first().and_then(|i| j.figures.get(i.idx)));
            s
        }
        _ => {
            let value = j.its.first().map(|i| (j.describe)(&i.iv)).unwrap_or_else(|| "the same".into());
            // A number in words ("Dozens", "dozens of people"): the shortest wording, then
            // the interval it stands for.
            let words = j.its.iter().filter_map(|i| j.figures.get(i.idx)).map(|f| f.text.trim()).filter(|t| !t.is_empty() && !t.bytes().any(|b| b.is_ascii_digit())).min_by_key(|t| t.len());
            // (A single number in words, "five", needs no brackets.)
            match words {
                Some(w) if w.len() <= 40 && value.contains(['–', ' ']) => format!("{} ({value})", w.to_lowercase()),
                Some(w) if w.len() <= 40 => w.to_lowercase(),
                _ => value,
            }
        }
    }
}

/// "both sources", "all three sources", "all 12 sources".
fn all_sources(n: usize) -> String {
    if n == 2 {
        "both sources".into()
    } else {
        format!("all {} sources", count_word(n))
    }
}

/// Small counts in words ("three"), larger ones in digits.
fn count_word(n: usize) -> String {
    const WORDS: [&str; 11] = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    WORDS.get(n).map_or_else(|| n.to_string(), |w| (*w).to_string())
}

#[cfg(test)]
mod tests {
    use crate::report::{Article, Report, Status};

    fn report(texts: &[&str]) -> Report {
        let articles: Vec<Article> = texts.iter().enumerate().map(|(i, t)| Article { name: format!("Outlet {}", (b'A' + i as u8) as char), text: (*t).into() }).collect();
        crate::analyze(&articles)
    }

    fn fact_with<'a>(r: &'a Report, event: &str) -> &'a crate::report::Fact {
        r.facts.iter().find(|f| f.event.as_deref() == Some(event)).unwrap_or_else(|| panic!("no {event} fact in {:#?}", r.facts))
    }

    // Stories written for these tests (fictional towns, agencies and outlets).

    #[test]
    fn a_conflict_names_the_outlier_its_value_and_what_the_others_allow() {
        let r = report(&[
            "Floods in the town of Qarvel killed 41 people on Tuesday, the Qarvel Relief Office said.",
            "The Qarvel Relief Office said 41 people were killed by the floods in Qarvel.",
            "At least 47 people were killed in the Qarvel floods, the Qarvel Relief Office said.",
        ]);
        let f = fact_with(&r, "killed");
        assert_eq!(f.status, Status::Conflict, "{f:#?}");
        assert_eq!(f.verdict, "Conflict — Outlet C (At least 47 people) is above what the other two allow (41)", "{f:#?}");
        assert!(!f.verdict.contains('\n'));
    }

    #[test]
    fn agreement_and_single_sources_are_one_short_line() {
        let r = report(&[
            "Storms in the port of Lindqvist destroyed 34 houses on Monday, the Lindqvist Harbour Authority said. At least 60 people were injured in Lindqvist, the authority said.",
            "The Lindqvist Harbour Authority said 34 houses were destroyed by the storm in Lindqvist.",
        ]);
        let f = fact_with(&r, "destroyed");
        assert_eq!(f.status, Status::Agree, "{f:#?}");
        assert_eq!(f.verdict, "Agree — both sources say 34 houses");
        let single = r.facts.iter().find(|f| f.status == Status::Single).unwrap_or_else(|| panic!("no single-source fact: {:#?}", r.facts));
        assert_eq!(single.verdict, "Single source — only Outlet A gives this figure");
    }

    #[test]
    fn consistent_figures_say_what_they_all_allow() {
        let r = report(&[
            "More than 120 residents were evacuated from Tessaly on Saturday, the Tessaly Civil Agency said.",
            "Nearly 150 people were evacuated from Tessaly, the Tessaly Civil Agency said.",
        ]);
        let f = fact_with(&r, "evacuated");
        assert_eq!(f.status, Status::Consistent, "{f:#?}");
        assert_eq!(f.verdict, "Consistent — 135–149 fits both sources", "{f:#?}");
    }

    #[test]
    fn a_rising_tally_says_it_rises_over_time_with_the_latest_figure() {
        let r = report(&[
            "The Brennmoor Rescue Service said on Monday that 12 people had died in the landslide in Brennmoor.",
            "By Wednesday the death toll in the Brennmoor landslide had risen to 19, the Brennmoor Rescue Service said.",
            "On Tuesday the Brennmoor Rescue Service said 15 people had died in the Brennmoor landslide.",
        ]);
        let f = r.facts.iter().find(|f| f.changing).unwrap_or_else(|| panic!("no changing fact: {:#?}", r.facts));
        // The figures differ (a conflict as today's figures) and the verdict says why.
        assert_eq!(f.status, Status::Conflict, "{f:#?}");
        assert!(f.verdict.starts_with("Conflict over time — the figures differ, but later reports give higher figures; latest: 19"), "{}", f.verdict);
    }

    #[test]
    fn figures_that_fit_only_by_rounding_say_so_instead_of_an_odd_interval() {
        let r = report(&[
            "The Unity Bloc won 41.2 percent of the vote in the Mirovia election, the Mirovia election commission said.",
            "The Unity Bloc took 41 percent of the vote in the Mirovia election, the Mirovia election commission said.",
        ]);
        let f = r.facts.iter().find(|f| f.figures.len() == 2).unwrap_or_else(|| panic!("no shared fact: {:#?}", r.facts));
        assert_eq!(f.status, Status::Consistent, "{f:#?}");
        assert_eq!(f.verdict, "Consistent — both sources can be true at once, allowing for rounding");
    }

    #[test]
    fn the_same_words_in_both_sources_are_said_as_the_first_wrote_them() {
        let r = report(&[
            "Five people were killed when the Calder Rise bridge collapsed, the Calder Rise police said.",
            "The Calder Rise police said five people were killed in the Calder Rise bridge collapse.",
        ]);
        let f = fact_with(&r, "killed");
        assert_eq!(f.verdict, "Agree — both sources say Five people", "{f:#?}");
    }

    #[test]
    fn verdicts_use_the_names_given() {
        let r = report(&[
            "Floods in the town of Qarvel killed 41 people on Tuesday, the Qarvel Relief Office said.",
            "The Qarvel Relief Office said 41 people were killed by the floods in Qarvel.",
            "At least 47 people were killed in the Qarvel floods, the Qarvel Relief Office said.",
        ]);
        for f in &r.facts {
            assert!(!f.verdict.contains("Source "), "placeholder left: {}", f.verdict);
            assert!(!f.verdict.is_empty());
        }
    }
}
