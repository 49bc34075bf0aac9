//! Unit tests of grouping and judging, on figures built by hand from sentences written
//! for these tests (fictional floods, earthquakes, strikes).

use super::*;
use crate::reading::{read as prepare, Reading as Item};
use crate::reading::clause::*;
use crate::reading::*;
use super::cluster::*;
use super::judge::*;
use super::label::*;
use crate::report::{Figure, FigureKind, Status};
use crate::text::TextDoc;

/// Builds a figure for the first occurrence of `span` in `doc` (after `from`).
pub(crate) struct Fb {
    pub f: Figure,
}

impl Fb {
    pub fn new(doc: &TextDoc, span: &str, value: f64) -> Fb {
        let start = doc.text.find(span).unwrap_or(0);
        let end = start + span.len();
        Fb {
            f: Figure {
                id: 0,
                doc: doc.id,
                start: start as u32,
                end: end as u32,
                text: span.to_string(),
                sentence: doc.sentence_of(start),
                kind: FigureKind::Quantity,
                value,
                low: Some(value),
                high: Some(value),
                low_inclusive: true,
                high_inclusive: true,
                range: None,
                change: "=".into(),
                unit: None,
                unit_text: None,
                concept: String::new(),
                about: String::new(),
                event: None,
                time: None,
                attribution: None,
                scope: None,
                earlier: false,
            },
        }
    }
    pub fn concept(mut self, c: &str) -> Self {
        self.f.concept = c.into();
        self
    }
    pub fn event(mut self, e: &str) -> Self {
        self.f.event = Some(e.into());
        self
    }
    pub fn unit(mut self, u: &str) -> Self {
        self.f.unit = Some(u.into());
        self
    }
    pub fn time(mut self, t: &str) -> Self {
        self.f.time = Some(t.into());
        self
    }
    pub fn more_than(mut self) -> Self {
        self.f.low_inclusive = false;
        self.f.high = None;
        self.f.change = ">".into();
        self
    }
    pub fn at_least(mut self) -> Self {
        self.f.high = None;
        self.f.change = ">".into();
        self
    }
    pub fn nearly(mut self) -> Self {
        self.f.low = Some(self.f.value * 0.9);
        self.f.high_inclusive = false;
        self.f.change = "~".into();
        self
    }
    pub fn about(mut self) -> Self {
        self.f.low = Some(self.f.value * 0.9);
        self.f.high = Some(self.f.value * 1.1);
        self.f.change = "~".into();
        self
    }
    /// A range figure: "hundreds of people" is [100, 1000], change "=", value the midpoint.
    pub fn range(mut self, lo: f64, hi: f64) -> Self {
        self.f.low = Some(lo);
        self.f.high = Some(hi);
        self.f.range = Some([lo, hi]);
        self.f.value = (lo + hi) / 2.0;
        self.f.change = "=".into();
        self
    }
    pub fn kind(mut self, k: FigureKind) -> Self {
        self.f.kind = k;
        self
    }
}

fn ids(mut figs: Vec<Figure>) -> Vec<Figure> {
    figs.sort_by_key(|f| (f.doc, f.start));
    for (i, f) in figs.iter_mut().enumerate() {
        f.id = i;
    }
    figs
}

fn fact_with<'a>(facts: &'a [Fact], figs: &[Figure], text: &str, doc: usize) -> Option<&'a Fact> {
    let id = figs.iter().find(|f| f.doc == doc && f.text == text)?.id;
    facts.iter().find(|f| f.figures.contains(&id))
}

#[test]
fn police_and_protesters_stay_apart_and_synonyms_join() {
    let a = TextDoc::new(0, "Officials said 12 protesters were killed and 5 police officers died in the clashes.");
    let b = TextDoc::new(1, "At least 12 demonstrators died, while 5 law enforcement officers were killed.");
    let c = TextDoc::new(2, "The ministry said 7 security personnel were killed.");
    let figs = ids(vec![
        Fb::new(&a, "12 protesters", 12.0).concept("protesters").event("killed").f,
        Fb::new(&a, "5 police officers", 5.0).concept("police officers").event("dead").f,
        Fb::new(&b, "At least 12 demonstrators", 12.0).concept("demonstrators").event("dead").at_least().f,
        Fb::new(&b, "5 law enforcement officers", 5.0).concept("law enforcement officers").event("killed").f,
        Fb::new(&c, "7 security personnel", 7.0).concept("security personnel").event("killed").f,
    ]);
    let docs = vec![a, b, c];
    let facts = group(&docs, &figs);
    let prot = fact_with(&facts, &figs, "12 protesters", 0).expect("protesters fact");
    assert_eq!(prot.figures.len(), 2);
    assert_eq!(prot.status, Status::Consistent);
    assert_eq!(prot.label, "Protesters killed");
    let police = fact_with(&facts, &figs, "5 police officers", 0).expect("police fact");
    assert_eq!(police.figures.len(), 3, "{police:?}");
    assert_eq!(police.status, Status::Conflict);
    assert_eq!(police.outliers, vec![2]);
    assert_eq!(police.consensus, Some([Some(5.0), Some(5.0)]));
    assert!(police.label.ends_with("killed"));
    // Conflicts come first.
    assert_eq!(facts.first().map(|f| f.status), Some(Status::Conflict));
    // A figure belongs to at most one fact.
    let mut all: Vec<usize> = facts.iter().flat_map(|f| f.figures.clone()).collect();
    let n = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), n);
}

#[test]
fn people_and_riot_participants_detained_are_one_fact() {
    let a = TextDoc::new(0, "Police said more than 3,800 people have been detained.");
    let b = TextDoc::new(1, "Nearly 4,000 riot participants had been detained, authorities said.");
    let figs = ids(vec![
        Fb::new(&a, "more than 3,800 people", 3800.0).concept("people").event("detained").more_than().f,
        Fb::new(&b, "Nearly 4,000 riot participants", 4000.0).concept("riot participants").event("detained").nearly().f,
    ]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1);
    let f = &facts[0];
    assert_eq!(f.status, Status::Consistent);
    assert_eq!(f.label, "People detained");
    assert!(f.note.contains("3,801–3,999"), "{}", f.note);
    assert_eq!(f.consensus, Some([Some(3800.0), Some(4000.0)]));
}

#[test]
fn equal_values_agree_and_single_rows_follow_the_rule() {
    let a = TextDoc::new(0, "The flood destroyed 40 homes. The region has 2 million people.");
    let b = TextDoc::new(1, "Forty homes were destroyed by the flood. Some 300 people live there.");
    let figs = ids(vec![
        Fb::new(&a, "40 homes", 40.0).concept("homes").event("destroyed").f,
        Fb::new(&a, "2 million people", 2e6).concept("people").f,
        Fb::new(&b, "Forty homes", 40.0).concept("homes").event("destroyed").f,
        Fb::new(&b, "300 people", 300.0).concept("people").about().f,
    ]);
    let facts = group(&[a, b], &figs);
    // "people" with no event is not a fact row; the homes are one agreeing fact.
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].status, Status::Agree);
    assert_eq!(facts[0].label, "Homes destroyed");
}

#[test]
fn durations_compare_after_conversion() {
    let a = TextDoc::new(0, "The government set a 180-day cap on bread prices.");
    let b = TextDoc::new(1, "Bread prices will be capped for six months.");
    let c = TextDoc::new(2, "The strike lasted 3 weeks.");
    let figs = ids(vec![
        Fb::new(&a, "180-day", 180.0).unit("day").concept("cap on bread prices").f,
        Fb::new(&b, "six months", 6.0).unit("month").concept("bread prices capped").f,
        Fb::new(&c, "3 weeks", 3.0).unit("week").concept("strike").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let f = facts.iter().find(|f| f.figures.len() == 2).expect("a two-source fact");
    assert_eq!(f.status, Status::Agree);
    assert_eq!(f.unit.as_deref(), Some("day"));
    // A duration with neither event nor a lexicon concept is not a row of its own.
    assert_eq!(facts.iter().filter(|f| f.status == Status::Single).count(), 0);
}

#[test]
fn distances_and_percentages_convert() {
    let a = TextDoc::new(0, "The quake struck 16 km from the town. Turnout was 50 percent.");
    let b = TextDoc::new(1, "The quake hit about 10 miles from the town. Half of voters turned out.");
    let figs = ids(vec![
        Fb::new(&a, "16 km", 16.0).unit("kilometre").concept("from the town").event("struck").f,
        Fb::new(&a, "50 percent", 50.0).unit("percentage").concept("turnout").f,
        Fb::new(&b, "about 10 miles", 10.0).unit("mile").concept("from the town").event("struck").about().f,
        Fb::new(&b, "Half", 0.5).unit("fraction").concept("voters turnout").f,
    ]);
    let facts = group(&[a, b], &figs);
    let dist = fact_with(&facts, &figs, "16 km", 0).expect("distance");
    assert_eq!(dist.figures.len(), 2);
    assert_eq!(dist.status, Status::Consistent, "{}", dist.note);
    let pct = fact_with(&facts, &figs, "50 percent", 0).expect("percent");
    assert_eq!(pct.figures.len(), 2);
    assert_eq!(pct.status, Status::Agree, "{}", pct.note);
}

#[test]
fn different_times_make_a_changing_fact() {
    let a = TextDoc::new(0, "On Thursday the ministry said about 2,300 people were arrested.");
    let b = TextDoc::new(1, "By Friday more than 3,800 people had been detained.");
    let c = TextDoc::new(2, "The toll of detained rose to 4,100 people.");
    let figs = ids(vec![
        Fb::new(&a, "about 2,300 people", 2300.0).concept("people").event("arrested").time("Thursday").about().f,
        Fb::new(&b, "more than 3,800 people", 3800.0).concept("people").event("detained").time("Friday").more_than().f,
        Fb::new(&c, "4,100 people", 4100.0).concept("people").event("detained").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    assert_eq!(facts.len(), 1);
    let f = &facts[0];
    assert!(f.changing, "{f:?}");
    // A tally that only rises from one named time to the next: its values conflict as
    // written, and the note says they rise with time.
    assert_eq!(f.status, Status::Conflict, "{}", f.note);
    assert!(f.note.contains("rise with time"), "{}", f.note);
    assert_eq!(f.timeline, vec![0, 1, 2]);
    assert!(f.note.contains("changes"), "{}", f.note);
}

#[test]
fn empty_concept_borrows_from_context_not_from_far_words() {
    // "Another 9 were injured" is about the protesters of the sentence before, even though
    // the police are named there too.
    let a = TextDoc::new(0, "Officials said 4 protesters were killed by police. Another 9 were injured.");
    let b = TextDoc::new(1, "Nine protesters were injured and four were killed.");
    let figs = ids(vec![
        Fb::new(&a, "4 protesters", 4.0).concept("protesters").event("killed").f,
        Fb::new(&a, "Another 9", 9.0).event("injured").f,
        Fb::new(&b, "Nine protesters", 9.0).concept("protesters").event("injured").f,
        Fb::new(&b, "four", 4.0).event("killed").f,
    ]);
    let facts = group(&[a, b], &figs);
    let inj = fact_with(&facts, &figs, "Another 9", 0).expect("injured");
    assert_eq!(inj.figures.len(), 2, "{facts:?}");
    assert_eq!(inj.status, Status::Agree);
    assert_eq!(inj.label, "Protesters injured");
    let killed = fact_with(&facts, &figs, "4 protesters", 0).expect("killed");
    assert_eq!(killed.figures.len(), 2);
}

#[test]
fn parts_and_totals_are_not_a_conflict() {
    let a = TextDoc::new(0, "A total of 30 people were killed in the storm.");
    let b = TextDoc::new(1, "The storm killed 20 people in the north and 10 children in the south.");
    let figs = ids(vec![
        Fb::new(&a, "30 people", 30.0).concept("people").event("killed").f,
        Fb::new(&b, "20 people", 20.0).concept("people").event("killed").f,
        Fb::new(&b, "10 children", 10.0).concept("children").event("killed").f,
    ]);
    let facts = group(&[a, b], &figs);
    let f = fact_with(&facts, &figs, "30 people", 0).expect("total");
    assert_eq!(f.figures.len(), 2);
    assert_ne!(f.status, Status::Conflict, "{}", f.note);
    assert!(f.note.contains("parts"), "{}", f.note);
}

#[test]
fn one_figure_per_doc_unless_repeated_or_timed() {
    let a = TextDoc::new(0, "Storm kills 8 people. The storm killed 8 people, and later 3 people died in hospital.");
    let b = TextDoc::new(1, "Eight people were killed by the storm.");
    let figs = ids(vec![
        Fb::new(&a, "8 people", 8.0).concept("people").event("killed").f,
        {
            let mut f = Fb::new(&a, "8 people", 8.0).concept("people").event("killed").f;
            let second = a.text[10..].find("8 people").map(|p| p + 10).unwrap_or(0);
            f.start = second as u32;
            f.end = (second + 8) as u32;
            f.sentence = a.sentence_of(second);
            f
        },
        Fb::new(&a, "3 people", 3.0).concept("people").event("died").f,
        Fb::new(&b, "Eight people", 8.0).concept("people").event("killed").f,
    ]);
    let facts = group(&[a, b], &figs);
    let main = facts.iter().find(|f| f.figures.len() == 3).expect("headline, body and other source");
    assert_eq!(main.status, Status::Agree);
    assert!(!main.figures.contains(&1) || !main.figures.contains(&2) || main.figures.len() == 3);
    let three = fact_with(&facts, &figs, "3 people", 0).expect("the 3 is its own fact");
    assert_eq!(three.status, Status::Single);
}

#[test]
fn non_quantities_and_unrelated_figures_do_not_agree_falsely() {
    let a = TextDoc::new(0, "The election was held on March 3. Turnout was 61 percent.");
    let b = TextDoc::new(1, "The earthquake killed 61 people on March 3.");
    let figs = ids(vec![
        Fb::new(&a, "March 3", 20240303.0).kind(FigureKind::Date).f,
        Fb::new(&a, "61 percent", 61.0).unit("percentage").concept("turnout").f,
        Fb::new(&b, "61 people", 61.0).concept("people").event("killed").f,
        Fb::new(&b, "March 3", 20240303.0).kind(FigureKind::Date).f,
    ]);
    let facts = group(&[a, b], &figs);
    assert!(facts.iter().all(|f| f.status == Status::Single), "{facts:?}");
    // Only the count with an event is a single row; the bare percentage is not.
    assert_eq!(facts.len(), 1);
    assert_eq!(facts[0].label, "People killed");
}

#[test]
fn junk_input_never_panics() {
    let a = TextDoc::new(0, "");
    let mut f = Fb::new(&a, "x", f64::NAN).f;
    f.start = 999;
    f.end = 5;
    f.doc = 7;
    let mut g = Fb::new(&a, "", 1.0).concept("people").event("killed").f;
    g.low = Some(5.0);
    g.high = Some(1.0);
    g.sentence = 42;
    let facts = group(&[a], &[f, g]);
    assert!(facts.len() <= 1);
    assert!(group(&[], &[]).is_empty());
}

#[test]
fn one_dated_earlier_report_against_undated_ones_is_changing() {
    let a = TextDoc::new(0, "The ministry said on Monday that 40 people had been arrested.");
    let b = TextDoc::new(1, "More than 90 people have been detained so far.");
    let c = TextDoc::new(2, "Police have detained 95 people.");
    let figs = ids(vec![
        Fb::new(&a, "40 people", 40.0).concept("people").event("arrested").time("Monday").f,
        Fb::new(&b, "More than 90 people", 90.0).concept("people").event("detained").more_than().f,
        Fb::new(&c, "95 people", 95.0).concept("people").event("detained").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    assert_eq!(facts.len(), 1);
    assert!(facts[0].changing, "{:?}", facts[0]);
    assert_eq!(facts[0].timeline, vec![0, 1, 2]);
    assert_eq!(facts[0].outliers, vec![0]);
}

#[test]
fn unnamed_victims_are_people_not_the_nearest_noun() {
    let a = TextDoc::new(0, "The storm hit the nation this week, leaving dozens dead.");
    let b = TextDoc::new(1, "Dozens of people were killed by the storm.");
    let mut dozens_a = Fb::new(&a, "dozens", 24.0).event("dead").f;
    dozens_a.high = Some(99.0);
    let mut dozens_b = Fb::new(&b, "Dozens of people", 24.0).concept("people").event("killed").f;
    dozens_b.high = Some(99.0);
    let figs = ids(vec![dozens_a, dozens_b]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].label, "People killed");
    assert_eq!(facts[0].status, Status::Agree);
}

#[test]
fn measures_match_on_nearby_words_when_concepts_differ() {
    let a = TextDoc::new(0, "Officials announced a 180-day cap on bread and flour prices.");
    let b = TextDoc::new(1, "The cabinet froze bread and flour prices for six months.");
    let c = TextDoc::new(2, "A two-week state of emergency was declared in the capital.");
    let figs = ids(vec![
        Fb::new(&a, "180-day", 180.0).unit("day").concept("cap").f,
        Fb::new(&b, "six months", 6.0).unit("month").concept("cabinet").f,
        Fb::new(&c, "two-week", 2.0).unit("week").concept("state of emergency").event("declared").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let cap = fact_with(&facts, &figs, "180-day", 0).expect("cap");
    assert_eq!(cap.figures, vec![0, 1], "{facts:?}");
    assert_eq!(cap.status, Status::Agree);
    let emergency = fact_with(&facts, &figs, "two-week", 2).expect("emergency");
    assert_eq!(emergency.status, Status::Single);
}

#[test]
fn lone_people_count_joins_the_one_matching_specific_class() {
    let a = TextDoc::new(0, "More than 500 strikers were injured in the clashes.");
    let b = TextDoc::new(1, "Over 500 people were injured, and 30 police officers were hurt.");
    let c = TextDoc::new(2, "Police said 31 officers were injured.");
    let figs = ids(vec![
        Fb::new(&a, "More than 500 strikers", 500.0).concept("protesters").event("injured").more_than().f,
        Fb::new(&b, "Over 500 people", 500.0).concept("people").event("injured").more_than().f,
        Fb::new(&b, "30 police officers", 30.0).concept("police officers").event("injured").f,
        Fb::new(&c, "31 officers", 31.0).concept("officers").event("injured").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let inj = fact_with(&facts, &figs, "Over 500 people", 1).expect("people");
    assert_eq!(inj.figures, vec![0, 1], "{facts:?}");
    assert_eq!(inj.status, Status::Agree);
    let police = fact_with(&facts, &figs, "31 officers", 2).expect("police");
    assert_eq!(police.status, Status::Conflict);
}

/// Speed of grouping on the seeds repeated 50 times, figures from the built-in extractor
/// (on demand: `cargo test --release --lib compare_speed -- --ignored --nocapture`).
#[test]
#[ignore]
fn compare_speed_on_repeated_seeds() {
    let Some(texts) = crate::test_support::repeated_seeds(50) else { return };
    let size: usize = texts.iter().map(String::len).sum();
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let figs = crate::figures::extract_all(&docs);
    // Best of five runs: the machine is shared.
    let mut dt = f64::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t0 = std::time::Instant::now();
        let facts = group(&docs, &figs);
        dt = dt.min(t0.elapsed().as_secs_f64());
        out = Some(facts);
    }
    let Some(facts) = out else { return };
    eprintln!("compare: {} figures -> {} facts, {:.2} MB in {:.3} s = {:.1} MB/s", figs.len(), facts.len(), size as f64 / 1e6, dt, size as f64 / 1e6 / dt);
}

#[test]
fn fraction_words_compare_with_percentages() {
    let a = TextDoc::new(0, "Half of the oil field was shut, the company said.");
    let b = TextDoc::new(1, "The company shut 50 percent of the oil field.");
    let figs = ids(vec![
        Fb::new(&a, "Half", 0.5).concept("oil field").event("shut").f,
        Fb::new(&b, "50 percent", 50.0).unit("percentage").concept("oil field").event("shut").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].status, Status::Agree);
    assert_eq!(facts[0].unit.as_deref(), Some("percent"));
}

#[test]
fn random_figures_never_panic_and_keep_invariants() {
    let texts = ["Some 20 people were killed on Friday. 🙂 北京 rose to 30.", "", "A total of 5 police were hurt; 3 children died.\n\nAbout 7 km away."];
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let units = [None, Some("day"), Some("month"), Some("mile"), Some("percentage"), Some("dollar"), Some("people"), Some(""), Some("-")];
    let concepts = ["", "people", "police", "protesters", "price cap", "the", "北京", "🙂"];
    let events = [None, Some("killed"), Some("injured"), Some(""), Some("DEAD")];
    let values = [0.0, 1.0, 5.0, 20.0, 30.0, -3.0, f64::NAN, f64::INFINITY, 1e300];
    let mut seed: u64 = 42;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..200 {
        let mut figs = Vec::new();
        for id in 0..12 {
            let doc = next(4); // doc 3 does not exist
            let v = values[next(values.len())];
            figs.push(Figure {
                id,
                doc,
                start: next(80) as u32,
                end: next(80) as u32,
                text: "x".into(),
                sentence: next(5),
                kind: if next(5) == 0 { FigureKind::Date } else { FigureKind::Quantity },
                value: v,
                low: if next(3) == 0 { None } else { Some(values[next(values.len())]) },
                high: if next(3) == 0 { None } else { Some(values[next(values.len())]) },
                low_inclusive: next(2) == 0,
                high_inclusive: next(2) == 0,
                range: None,
                change: ["=", "~", ">", "<", "up", ""][next(6)].into(),
                unit: units[next(units.len())].map(str::to_string),
                unit_text: None,
                concept: concepts[next(concepts.len())].into(),
                about: String::new(),
                event: events[next(events.len())].map(str::to_string),
                time: if next(3) == 0 { Some(["Friday", "Thursday night", "Jan. 5", "北京"][next(4)].into()) } else { None },
                attribution: None,
                scope: None,
                earlier: false,
            });
        }
        let facts = group(&docs, &figs);
        let mut seen = std::collections::HashSet::new();
        for (i, f) in facts.iter().enumerate() {
            assert_eq!(f.id, i);
            assert!(!f.figures.is_empty());
            for &g in &f.figures {
                assert!(seen.insert(g));
            }
            if f.changing {
                assert_eq!(f.timeline.len(), f.figures.len());
            }
        }
    }
}

/// The index-based clustering gives the same partition as comparing every pair of items
/// of a key with `concepts_compatible` (on the seeds' figures, when present).
#[test]
fn indexed_clusters_equal_pairwise_clusters() {
    let Some(texts) = crate::test_support::repeated_seeds(1) else { return };
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let figs = crate::figures::extract_all(&docs);
    let items = prepare(&docs, &figs, &[]);
    let mut fast = cluster(&items);
    assert_eq!(cluster_with(&items, 0), cluster_with(&items, usize::MAX), "keys and pairs join alike");
    // Pairwise: union of compatible pairs within (dim, event), then lone people attached.
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            x = p[x];
        }
        x
    }
    for a in 0..n {
        for b in (a + 1)..n {
            let (x, y) = (&items[a], &items[b]);
            let scope = |i: &Item| i.scope.as_ref().map(|s| s.key.clone());
            if groupable(x) && groupable(y) && x.dim == y.dim && x.event == y.event && scope(x) == scope(y) && x.earlier == y.earlier && concepts_compatible(x, y) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                parent[ra] = rb;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for a in (0..n).filter(|&a| groupable(&items[a])) {
        let r = find(&mut parent, a);
        groups.entry(r).or_default().push(a);
    }
    let mut slow: Vec<Vec<usize>> = groups.into_values().collect();
    attach_restated_people(&items, &mut slow);
    attach_lone_people(&items, &mut slow);
    attach_lone_class(&items, &mut slow);
    attach_eventless(&items, &mut slow);
    let norm = |v: &mut Vec<Vec<usize>>| {
        for g in v.iter_mut() {
            g.sort_unstable();
        }
        v.retain(|g| !g.is_empty());
        v.sort();
    };
    norm(&mut fast);
    norm(&mut slow);
    assert!(!slow.is_empty());
    assert_eq!(fast, slow);
}

#[test]
fn sources_named_in_one_pass() {
    let names = ["quake.txt", "", "wire"];
    assert_eq!(
        name_sources("Source 1: 12; Source 3: 14 — conflict: Source 10 and Source 2 disagree. Source", &names),
        "quake.txt: 12; wire: 14 — conflict: Source 10 and Source 2 disagree. Source"
    );
    assert_eq!(name_sources("", &names), "");
    assert_eq!(name_sources("Source 0 Source x Source 99999999999999999999999", &names), "Source 0 Source x Source 99999999999999999999999");
}

/// Time of each step of `group` on the seeds (on demand:
/// `cargo test --release --lib compare_steps -- --ignored --nocapture`).
#[test]
#[ignore]
fn compare_steps_on_seeds() {
    let Some(texts) = crate::test_support::repeated_seeds(1) else { return };
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let figs = crate::figures::extract_all(&docs);
    let best = |f: &mut dyn FnMut()| crate::test_support::best_us(200, f);
    let items = prepare(&docs, &figs, &[]);
    let clusters = cluster(&items);
    let t_prep = best(&mut || drop(std::hint::black_box(prepare(&docs, &figs, &[]))));
    let t_cluster = best(&mut || drop(std::hint::black_box(cluster(&items))));
    drop(clusters);
    let t_all = best(&mut || drop(std::hint::black_box(group(&docs, &figs))));
    eprintln!("{} figures, {} items: prepare {t_prep:.0} us, cluster {t_cluster:.0} us, group {t_all:.0} us", figs.len(), items.len());
}

#[test]
fn populations_of_a_place_are_one_fact() {
    let a = TextDoc::new(0, "Unrest shook this island nation of 4 million people on Sunday.");
    let b = TextDoc::new(1, "Strikes spread across the mountainous nation of 4 million, officials said.");
    let c = TextDoc::new(2, "About 4 million people were evacuated from the coast.");
    let figs = ids(vec![
        Fb::new(&a, "4 million people", 4e6).unit("people").concept("people").f,
        Fb::new(&b, "4 million", 4e6).concept("mountainous nation").f,
        Fb::new(&c, "About 4 million people", 4e6).unit("people").concept("people").event("evacuated").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let pop = facts.iter().find(|f| f.label == "Population").expect("population fact");
    assert_eq!(pop.figures, vec![0, 1], "{facts:?}");
    assert_eq!(pop.status, Status::Agree);
    assert!(says_population("a city of some "));
    assert!(!says_population("the capacity of "));
    assert!(!says_population("the mayor of "));
}

/// Many documents (the counting through sorted bounds): each document's figure that
/// agrees with the most others is chosen, the odd one out of a document forms its own
/// fact, and the majority names the outliers.
#[test]
fn many_documents_choose_the_agreeing_figure() {
    let texts: Vec<String> = (0..40)
        .map(|i| {
            if i % 10 == 3 {
                "Floods killed 19 people on Monday. Floods killed 41 people in all.".to_string()
            } else {
                "Floods killed 41 people on Monday, officials said.".to_string()
            }
        })
        .collect();
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let mut figs = Vec::new();
    for d in &docs {
        for (span, v) in [("19 people", 19.0), ("41 people", 41.0)] {
            if d.text.contains(span) {
                figs.push(Fb::new(d, span, v).unit("people").concept("people").event("killed").f);
            }
        }
    }
    let figs = ids(figs);
    let facts = group(&docs, &figs);
    let main = facts.iter().max_by_key(|f| f.figures.len()).expect("fact");
    assert_eq!(main.figures.len(), 40, "{main:?}");
    assert!(main.figures.iter().all(|&i| figs[i].value == 41.0));
    assert_eq!(main.status, Status::Agree);
    let rest: Vec<&Fact> = facts.iter().filter(|f| f.id != main.id).collect();
    assert_eq!(rest.len(), 1, "{facts:?}");
    assert_eq!(rest[0].figures.len(), 4);
}

#[test]
fn durations_since_the_same_event_are_one_fact() {
    // Three sources count the years since independence in three ways, each with another
    // noun next to the figure; a fourth counts the years since a flood: another fact.
    let a = TextDoc::new(0, "The island republic celebrated 25 years since independence with a parade.");
    let b = TextDoc::new(1, "It was the worst storm since winning independence from the old empire 25 years ago, officials said.");
    let c = TextDoc::new(2, "The fishing economy remains fragile twenty-five years after independence.");
    let d = TextDoc::new(3, "Farmers have rebuilt their villages 25 years after the great flood.");
    let docs = [a, b, c, d];
    let figs = ids(vec![
        Fb::new(&docs[0], "25 years", 25.0).unit("year").concept("island republic").f,
        Fb::new(&docs[1], "25 years", 25.0).unit("year").concept("worst storm").f,
        Fb::new(&docs[2], "twenty-five years", 25.0).unit("year").concept("fishing economy").f,
        Fb::new(&docs[3], "25 years", 25.0).unit("year").concept("villages").f,
    ]);
    let facts = group(&docs, &figs);
    let f = fact_with(&facts, &figs, "25 years", 0).expect("a fact");
    assert_eq!(f.figures.len(), 3, "{facts:?}");
    assert_eq!(f.status, Status::Agree);
    assert!(f.label.contains("since independence"), "{}", f.label);
    assert!(!f.figures.contains(&3));
    assert_eq!(since_anchor("", " after the great flood."), Some("flood".to_string()));
    assert_eq!(since_anchor("the first ", " of the strike"), None);
}

#[test]
fn last_word_ascii_path_equals_folded_path() {
    for s in ["", "  ", "Riot POLICE", "law-enforcement officers!", "x - ", "ab12 34", "--", "a,b,", "café staff", "`quoted` word`"] {
        let folded = lexicon::fold(s);
        let want = folded.split(|c: char| !(c.is_alphanumeric() || c == '-')).rfind(|w| !w.is_empty()).map(str::to_string);
        assert_eq!(last_word(s, &mut String::new()), want, "{s}");
    }
}

#[test]
fn troops_counted_without_a_verb_join_the_troops_sent() {
    // Wire copy says the soldiers were deployed; a later report only says how many are
    // there. Same class (soldiers = troops): one fact, reported at different times.
    let a = TextDoc::new(0, "The army deployed 3,000 soldiers to the region on Tuesday. Some 18,000 people slept in tents.");
    let b = TextDoc::new(1, "The president said 5,000 troops were now in the area on Wednesday. Two soldiers were killed.");
    let figs = ids(vec![
        Fb::new(&a, "3,000 soldiers", 3000.0).concept("soldiers").unit("soldier").event("deployed").time("Tuesday").f,
        Fb::new(&a, "18,000 people", 18000.0).concept("people").about().f,
        Fb::new(&b, "5,000 troops", 5000.0).concept("troops").unit("troop").time("Wednesday").f,
        Fb::new(&b, "Two soldiers", 2.0).concept("soldiers").event("killed").f,
    ]);
    let facts = group(&[a, b], &figs);
    let f = fact_with(&facts, &figs, "3,000 soldiers", 0).expect("troops fact");
    assert_eq!(f.figures, vec![0, 2], "{facts:?}");
    assert_eq!(f.label, "Troops deployed");
    assert!(f.changing, "{}", f.note);
    // The soldiers killed are not the soldiers sent.
    let k = fact_with(&facts, &figs, "Two soldiers", 1).expect("killed fact");
    assert_eq!(k.figures.len(), 1);
}

#[test]
fn eventless_counts_of_other_classes_stay_apart() {
    // "200 gunmen" with no verb is not the "50 gunmen killed"; nor residents the evacuated.
    let a = TextDoc::new(0, "Police said 50 gunmen were killed and 3,000 people were evacuated.");
    let b = TextDoc::new(1, "About 200 gunmen attacked the town, where 3,000 residents live.");
    let figs = ids(vec![
        Fb::new(&a, "50 gunmen", 50.0).concept("gunmen").event("killed").f,
        Fb::new(&a, "3,000 people", 3000.0).concept("people").event("evacuated").f,
        Fb::new(&b, "About 200 gunmen", 200.0).concept("gunmen").about().f,
        Fb::new(&b, "3,000 residents", 3000.0).concept("residents").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert!(facts.iter().all(|f| f.figures.len() == 1), "{facts:?}");
}

#[test]
fn magnitudes_of_one_quake_are_one_fact() {
    // The extractor names odd concepts for magnitudes ("USGS", "struck southern ...");
    // the unit is enough. 7.1 against 7.0 is a conflict; an aftershock is another fact.
    let a = TextDoc::new(0, "A magnitude 7.1 earthquake struck southern Veloria. A magnitude 5.4 aftershock followed.");
    let b = TextDoc::new(1, "The USGS measured the quake at magnitude 7.0.");
    let c = TextDoc::new(2, "Le séisme de magnitude 7,1 a frappé la Vélorie.");
    let figs = ids(vec![
        Fb::new(&a, "7.1", 7.1).unit("magnitude").concept("earthquake struck southern Veloria").f,
        Fb::new(&a, "5.4", 5.4).unit("magnitude").concept("aftershock").f,
        Fb::new(&b, "7.0", 7.0).unit("magnitude").concept("USGS").f,
        Fb::new(&c, "7,1", 7.1).unit("magnitude").concept("séisme").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let f = fact_with(&facts, &figs, "7.1", 0).expect("magnitude fact");
    assert_eq!(f.figures, vec![0, 2, 3], "{facts:?}");
    assert_eq!(f.status, Status::Conflict);
    assert_eq!(f.outliers, vec![1]);
    assert_eq!(f.label, "Magnitude");
    assert!(fact_with(&facts, &figs, "5.4", 0).map_or(true, |f| f.figures.len() == 1));
}

#[test]
fn counted_nouns_as_units_are_counts_and_death_nouns_are_people() {
    // "45 deaths" is 45 people killed; "1,500 jobs" is a count of jobs, labelled without
    // a unit in brackets.
    let a = TextDoc::new(0, "Cholera has killed 45 people, the ministry said. The plant will cut 1,500 jobs.");
    let b = TextDoc::new(1, "Officials reported 45 deaths. The company said 1,500 jobs would go.");
    let figs = ids(vec![
        Fb::new(&a, "45 people", 45.0).concept("people").unit("people").event("killed").f,
        Fb::new(&a, "1,500 jobs", 1500.0).concept("jobs").unit("job").event("fired").f,
        Fb::new(&b, "45 deaths", 45.0).concept("deaths").unit("death").event("killed").f,
        Fb::new(&b, "1,500 jobs", 1500.0).concept("jobs").unit("job").event("fired").f,
    ]);
    let facts = group(&[a, b], &figs);
    let k = fact_with(&facts, &figs, "45 people", 0).expect("killed");
    assert_eq!(k.figures.len(), 2, "{facts:?}");
    assert_eq!(k.label, "People killed");
    assert_eq!(k.status, Status::Agree);
    let j = fact_with(&facts, &figs, "1,500 jobs", 0).expect("jobs");
    assert_eq!(j.figures.len(), 2);
    assert!(!j.label.contains('('), "{}", j.label);
}

#[test]
fn a_higher_toll_reported_later_is_an_update() {
    // "climbs to" (present tense, headlines) says the count was updated.
    let a = TextDoc::new(0, "The quake killed at least 38 people, officials said.");
    let b = TextDoc::new(1, "Marenta quake: death toll climbs to 51");
    let figs = ids(vec![
        Fb::new(&a, "at least 38 people", 38.0).concept("people").event("killed").at_least().f,
        Fb::new(&b, "51", 51.0).event("killed").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1);
    assert!(facts[0].changing, "{}", facts[0].note);
    assert_eq!(facts[0].timeline, vec![0, 1]);
}

#[test]
fn people_restating_a_specific_count_join_it() {
    // Headline "kill 12", body "killing 12 people" and "12 protesters": one figure said
    // three ways, compared with the other outlets' protesters.
    let a = TextDoc::new(0, "Sarn crackdown: 12 dead. Troops fired on a march on Friday, killing 12 people. The 12 protesters were shot.");
    let b = TextDoc::new(1, "At least 15 protesters were killed in Friday's crackdown.");
    let figs = ids(vec![
        Fb::new(&a, "12", 12.0).event("killed").f,
        Fb::new(&a, "12 people", 12.0).concept("people").event("killed").f,
        Fb::new(&a, "12 protesters", 12.0).concept("protesters").event("killed").f,
        Fb::new(&b, "At least 15 protesters", 15.0).concept("protesters").event("killed").at_least().f,
    ]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].figures, vec![0, 1, 2, 3]);
    assert_eq!(facts[0].label, "Protesters killed");
    assert_eq!(facts[0].status, Status::Conflict);
}

#[test]
fn a_lone_class_count_joins_the_people_of_the_others() {
    // One outlet says demonstrators, the others people: one fact of arrests. The
    // headline's vague "hundreds" stays with its body's "350 people".
    let a = TextDoc::new(0, "Police arrested more than 300 demonstrators.");
    let b = TextDoc::new(1, "Sarn crackdown: hundreds arrested. Authorities said 350 people had been detained.");
    let c = TextDoc::new(2, "The government said 280 people were arrested.");
    let figs = ids(vec![
        Fb::new(&a, "more than 300 demonstrators", 300.0).concept("demonstrators").event("arrested").more_than().f,
        Fb::new(&b, "hundreds", 200.0).event("arrested").f,
        Fb::new(&b, "350 people", 350.0).concept("people").event("detained").f,
        Fb::new(&c, "280 people", 280.0).concept("people").event("arrested").f,
    ]);
    let mut figs = figs;
    figs[1].high = Some(999.0);
    figs[1].change = "~".into();
    let facts = group(&[a, b, c], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].figures, vec![0, 1, 2, 3]);
    assert_eq!(facts[0].status, Status::Conflict);
    assert!(facts[0].label.ends_with("detained"), "{}", facts[0].label);
}

#[test]
fn a_part_and_a_total_of_one_source_are_not_joined() {
    // The source that gives both people and demonstrators keeps them apart.
    let a = TextDoc::new(0, "In all 20 people were killed, among them 12 demonstrators.");
    let b = TextDoc::new(1, "At least 18 people died.");
    let figs = ids(vec![
        Fb::new(&a, "20 people", 20.0).concept("people").event("killed").f,
        Fb::new(&a, "12 demonstrators", 12.0).concept("demonstrators").event("killed").f,
        Fb::new(&b, "At least 18 people", 18.0).concept("people").event("died").at_least().f,
    ]);
    let facts = group(&[a, b], &figs);
    let f = fact_with(&facts, &figs, "20 people", 0).expect("people");
    assert_eq!(f.figures, vec![0, 2], "{facts:?}");
}

#[test]
fn a_crowd_does_not_borrow_police() {
    let a = TextDoc::new(0, "Three officers died. Tens of thousands took to the streets.");
    let b = TextDoc::new(1, "Some 30,000 people marched in the capital.");
    let figs = ids(vec![
        Fb::new(&a, "Three officers", 3.0).concept("officers").event("killed").f,
        Fb::new(&a, "Tens of thousands", 20000.0).event("protested").f,
        Fb::new(&b, "Some 30,000 people", 30000.0).concept("people").event("marched").about().f,
    ]);
    let mut figs = figs;
    figs[1].high = Some(99999.0);
    figs[1].change = "~".into();
    let facts = group(&[a, b], &figs);
    let f = fact_with(&facts, &figs, "Tens of thousands", 0).expect("crowd");
    assert_eq!(f.figures, vec![1, 2], "{facts:?}");
    // people who marched are protesters
    assert_eq!(f.label, "Protesters");
}

#[test]
fn one_source_never_puts_two_things_in_one_fact() {
    // "climbed to" marks an update, but the revenue is not the profit.
    let a = TextDoc::new(0, "Norvex said net profit was $1.2 billion on revenue of $8.4 billion.");
    let b = TextDoc::new(1, "Norvex's quarterly profit climbed to $1.2bn while revenue reached $8.4bn.");
    let figs = ids(vec![
        Fb::new(&a, "$1.2 billion", 1.2e9).unit("dollar").concept("net profit").f,
        Fb::new(&a, "$8.4 billion", 8.4e9).unit("dollar").concept("revenue").f,
        Fb::new(&b, "$1.2bn", 1.2e9).unit("dollar").concept("quarterly profit").f,
        Fb::new(&b, "$8.4bn", 8.4e9).unit("dollar").concept("revenue").f,
    ]);
    let facts = group(&[a, b], &figs);
    for f in &facts {
        let vals: Vec<f64> = f.figures.iter().map(|&i| figs[i].value).collect();
        assert!(vals.windows(2).all(|w| w[0] == w[1]), "{} mixes {vals:?}", f.label);
    }
    assert_eq!(facts.iter().filter(|f| f.figures.len() == 2).count(), 2, "{facts:?}");
}

#[test]
fn rounded_measures_allow_what_rounds_to_them() {
    // "20 percent" is a rounding of "19.8 percent"; "$1.2 billion" of "$1.21 billion";
    // but "7.1" is not "7.0", and a plain count "38" is exact.
    let a = TextDoc::new(0, "Net profit rose 20 percent to $1.2 billion. Shares rose 7%.");
    let b = TextDoc::new(1, "Net profit was up 19.8 percent at $1.21 billion. Shares rose 9 percent.");
    let figs = ids(vec![
        Fb::new(&a, "20 percent", 20.0).unit("percentage").concept("net profit").f,
        Fb::new(&a, "$1.2 billion", 1.2e9).unit("dollar").concept("net profit").f,
        Fb::new(&a, "7%", 7.0).unit("percentage").concept("shares").f,
        Fb::new(&b, "19.8 percent", 19.8).unit("percentage").concept("net profit").f,
        Fb::new(&b, "$1.21 billion", 1.21e9).unit("dollar").concept("net profit").f,
        Fb::new(&b, "9 percent", 9.0).unit("percentage").concept("shares").f,
    ]);
    let facts = group(&[a, b], &figs);
    let pct = fact_with(&facts, &figs, "20 percent", 0).expect("percent");
    assert_eq!(pct.figures, vec![0, 3], "{facts:?}");
    assert_eq!(pct.status, Status::Consistent, "{}", pct.note);
    assert_eq!(pct.label, "Net profit (%)");
    // The figures' own bounds are shown unchanged.
    assert_eq!(pct.bounds, vec![[Some(20.0), Some(20.0)], [Some(19.8), Some(19.8)]]);
    let usd = fact_with(&facts, &figs, "$1.2 billion", 0).expect("dollars");
    assert_eq!(usd.status, Status::Consistent, "{}", usd.note);
    let shares = fact_with(&facts, &figs, "7%", 0).expect("shares");
    assert_eq!(shares.status, Status::Conflict);
}

#[test]
fn rounding_band_reads_the_number_as_written() {
    let f = |text: &str, v: f64| {
        let mut f = Figure { text: text.into(), value: v, low: Some(v), high: Some(v), change: "=".into(), ..Default::default() };
        f.low_inclusive = true;
        f
    };
    let band = |text: &str, v: f64, count: bool| rounding_band(&f(text, v), 1.0, count).map(|i| (i.lo.unwrap_or(0.0), i.hi.unwrap_or(0.0)));
    let close = |a: Option<(f64, f64)>, b: (f64, f64)| a.is_some_and(|a| (a.0 - b.0).abs() < 1e-6 * b.0.abs().max(1.0) && (a.1 - b.1).abs() < 1e-6 * b.1.abs().max(1.0));
    assert!(close(band("7.1", 7.1, false), (7.05, 7.15)));
    assert!(close(band("7,1", 7.1, false), (7.05, 7.15)));
    assert!(close(band("7.0", 7.0, false), (6.95, 7.05)));
    assert!(close(band("$77m", 77e6, false), (76.5e6, 77.5e6)));
    assert!(close(band("4.2 million people", 4.2e6, true), (4.15e6, 4.25e6)));
    assert!(close(band("1,500 km", 1500.0, false), (1499.5, 1500.5)));
    assert_eq!(band("38 people", 38.0, true), None);
    assert_eq!(band("half", 0.5, false), None);
    let mut approx = f("about 30", 30.0);
    approx.change = "~".into();
    approx.low = Some(27.0);
    assert!(rounding_band(&approx, 1.0, false).is_none());
}

#[test]
fn a_denominator_is_not_the_seats_won() {
    // "88 of the 150 seats": the 150 is the size of the parliament, not a result; and
    // when results conflict, the nearest figures are set against each other.
    let a = TextDoc::new(0, "Unity took 88 of the 150 seats, and Renewal 44 seats.");
    let b = TextDoc::new(1, "Unity won 87 seats and Renewal 45 seats.");
    let figs = ids(vec![
        Fb::new(&a, "150 seats", 150.0).concept("seats").unit("seat").f,
        Fb::new(&a, "44 seats", 44.0).concept("seats").unit("seat").f,
        Fb::new(&b, "87 seats", 87.0).concept("seats").unit("seat").f,
        Fb::new(&b, "45 seats", 45.0).concept("seats").unit("seat").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert!(fact_with(&facts, &figs, "150 seats", 0).is_none(), "{facts:?}");
    let f = fact_with(&facts, &figs, "44 seats", 0).expect("seats");
    assert_eq!(f.figures, vec![1, 3]);
}

#[test]
fn measures_of_different_things_in_one_sentence_stay_apart() {
    // Words past a clause break or another figure belong to that figure: food prices are
    // not the central bank's rate nor unemployment; the headline and body repeat of one
    // source's inflation stays one figure.
    let a = TextDoc::new(0, "Inflation slowed to 7.2 percent. Food prices rose 11 percent, while the central bank kept its key rate at 9 percent.");
    let b = TextDoc::new(1, "Annual inflation was 7.2% in March. Food costs were up 10.8%. The central bank held its benchmark rate at 9%.");
    let c = TextDoc::new(2, "Inflation in Estvia at 7.4%. Inflation in Estvia eased to 7.4 percent. The central bank rate stays at 9.5 percent, and unemployment is 6 percent.");
    let figs = ids(vec![
        Fb::new(&a, "7.2 percent", 7.2).unit("percentage").concept("Inflation").f,
        Fb::new(&a, "11 percent", 11.0).unit("percentage").concept("Food prices").f,
        Fb::new(&a, "9 percent", 9.0).unit("percentage").concept("key rate").f,
        Fb::new(&b, "7.2%", 7.2).unit("percentage").concept("Annual inflation").f,
        Fb::new(&b, "10.8%", 10.8).unit("percentage").concept("Food").f,
        Fb::new(&b, "9%", 9.0).unit("percentage").concept("benchmark rate").f,
        Fb::new(&c, "7.4%", 7.4).unit("percentage").concept("Estvia").f,
        Fb::new(&c, "7.4 percent", 7.4).unit("percentage").concept("Inflation").f,
        Fb::new(&c, "9.5 percent", 9.5).unit("percentage").concept("central bank rate").f,
        Fb::new(&c, "6 percent", 6.0).unit("percentage").concept("unemployment").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let food = fact_with(&facts, &figs, "11 percent", 0).expect("food");
    assert_eq!(food.figures, vec![1, 4], "{facts:?}");
    assert_eq!(food.status, Status::Consistent);
    assert!(fact_with(&facts, &figs, "6 percent", 2).map_or(true, |f| f.figures.len() == 1), "{facts:?}");
    let rate = fact_with(&facts, &figs, "9 percent", 0).expect("rate");
    assert_eq!(rate.figures, vec![2, 5, 8]);
    let infl = fact_with(&facts, &figs, "7.2 percent", 0).expect("inflation");
    assert_eq!(infl.figures, vec![0, 3, 6, 7]);
    assert_eq!(infl.label, "Inflation (%)");
}

#[test]
fn clause_context_stops_at_breaks_and_neighbours() {
    assert_eq!(clause_before("Food costs rose; the central bank rate stays at ", 100), " the central bank rate stays at ");
    assert_eq!(clause_before("prices rose 9 percent and unemployment is ", 20), "and unemployment is ");
    assert_eq!(clause_after(", while the central bank kept its rate", 100), ",");
    assert_eq!(clause_after(", who had ruled since 1989", 17), ", who had ruled s");
    assert_eq!(clause_before("Varga, ", 100), "Varga, ");
    assert_eq!(clause_after("é😀 abc", 2), "é");
}

#[test]
fn the_agent_of_a_killing_is_not_its_victim() {
    // "Security forces kill 12": the 12 are not police. Their toll is compared with the
    // other outlet's protesters killed, near enough to be the same toll told twice.
    let a = TextDoc::new(0, "Security forces kill 12 in Sarn. Troops fired on a march, killing 12 people.");
    let b = TextDoc::new(1, "At least 15 protesters were killed on Friday.");
    let figs = ids(vec![
        Fb::new(&a, "12", 12.0).event("killed").f,
        Fb::new(&a, "12 people", 12.0).concept("people").event("killed").f,
        Fb::new(&b, "At least 15 protesters", 15.0).concept("protesters").event("killed").at_least().f,
    ]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].figures, vec![0, 1, 2]);
    assert_eq!(facts[0].label, "Protesters killed");
    assert_eq!(facts[0].status, Status::Conflict);
}

#[test]
fn a_lone_people_count_far_from_a_class_count_stays_apart() {
    // 20 people killed in all is not the 3 police killed another outlet gives.
    let a = TextDoc::new(0, "The clashes left 20 people dead.");
    let b = TextDoc::new(1, "Three police officers were killed in the clashes.");
    let figs = ids(vec![
        Fb::new(&a, "20 people", 20.0).concept("people").event("killed").f,
        Fb::new(&b, "Three police officers", 3.0).concept("police officers").event("killed").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert!(facts.iter().all(|f| f.figures.len() == 1), "{facts:?}");
}

#[test]
fn a_measure_is_not_read_as_a_growing_tally() {
    // Wind speeds from a dated and an undated report conflict; nothing says they changed.
    let a = TextDoc::new(0, "The cyclone made landfall on Thursday with winds of 180 km/h.");
    let b = TextDoc::new(1, "Winds of 200 km/h were recorded at the airport.");
    let figs = ids(vec![
        Fb::new(&a, "180 km/h", 180.0).unit("km/h").concept("winds").time("Thursday").f,
        Fb::new(&b, "200 km/h", 200.0).unit("km/h").concept("winds").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].status, Status::Conflict);
    assert!(!facts[0].changing, "{}", facts[0].note);
}

#[test]
fn an_update_note_shows_each_value_once() {
    let a = TextDoc::new(0, "Floods kill 17. Flash floods have killed 17 people, officials said on Monday.");
    let b = TextDoc::new(1, "The toll climbed to 23 on Tuesday, officials said.");
    let figs = ids(vec![
        Fb::new(&a, "17", 17.0).event("killed").f,
        Fb::new(&a, "17 people", 17.0).concept("people").event("killed").time("Monday").f,
        Fb::new(&b, "23", 23.0).event("killed").time("Tuesday").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert!(facts[0].changing);
    assert!(facts[0].note.ends_with("the figure changes: 17 people (Monday) → 23 (Tuesday)."), "{}", facts[0].note);
}

#[test]
fn troops_in_the_area_are_not_the_soldiers_killed() {
    let a = TextDoc::new(0, "Eight soldiers were killed near the border.");
    let b = TextDoc::new(1, "Some 5,000 troops are in the area.");
    let figs = ids(vec![
        Fb::new(&a, "Eight soldiers", 8.0).concept("soldiers").event("killed").f,
        Fb::new(&b, "Some 5,000 troops", 5000.0).concept("troops").about().f,
    ]);
    let facts = group(&[a, b], &figs);
    assert!(facts.iter().all(|f| f.figures.len() == 1), "{facts:?}");
}

#[test]
fn a_measure_label_is_a_noun_not_a_verb() {
    let a = TextDoc::new(0, "The opposition Renewal Party won 31 percent.");
    let b = TextDoc::new(1, "The Renewal Party won 30.9% of the vote.");
    let figs = ids(vec![
        Fb::new(&a, "31 percent", 31.0).unit("percentage").concept("opposition Renewal Party won").f,
        Fb::new(&b, "30.9%", 30.9).unit("percentage").concept("Renewal Party won").f,
    ]);
    let mut figs = figs;
    figs[0].about = "opposition Renewal Party".into();
    figs[1].about = "Renewal Party".into();
    let facts = group(&[a, b], &figs);
    assert_eq!(facts.len(), 1, "{facts:?}");
    assert_eq!(facts[0].label, "Renewal party (%)");
    assert_eq!(facts[0].status, Status::Consistent);
    assert!(is_verb_like("Slowed") && !is_verb_like("speed") && !is_verb_like("revenue"));
}

#[test]
fn fahrenheit_notes_round_and_name_the_source_unit_first() {
    // Heatwave: two sources in Fahrenheit, one in Celsius; compared in Celsius, but the
    // note shows the sources' own unit first and never three decimals.
    let a = TextDoc::new(0, "The mercury hit more than 100 degrees Fahrenheit in Marlow County on Monday.");
    let b = TextDoc::new(1, "Marlow County recorded a temperature of 104 degrees Fahrenheit, forecasters said.");
    let c = TextDoc::new(2, "A temperature of 40 °C was recorded in Marlow County.");
    let figs = ids(vec![
        Fb::new(&a, "more than 100 degrees Fahrenheit", 100.0).unit("fahrenheit").concept("temperature").more_than().f,
        Fb::new(&b, "104 degrees Fahrenheit", 104.0).unit("fahrenheit").concept("temperature").f,
        Fb::new(&c, "40 °C", 40.0).unit("celsius").concept("temperature").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let t = fact_with(&facts, &figs, "104 degrees Fahrenheit", 1).expect("temperature");
    assert_eq!(t.figures.len(), 3, "{facts:?}");
    assert_eq!(t.status, Status::Consistent, "{}", t.note);
    assert!(t.note.contains("°F (") && t.note.contains("°C)"), "{}", t.note);
    let allow = t.note.split_once("allow").map(|x| x.1).unwrap_or("");
    assert!(allow.find("°F").unwrap_or(usize::MAX) < allow.find("°C").unwrap_or(0), "{}", t.note);
    // No number in the note has more than one decimal.
    let long_decimal = t.note.split(|c: char| !(c.is_ascii_digit() || c == '.')).any(|w| w.split_once('.').is_some_and(|(_, d)| d.len() > 1));
    assert!(!long_decimal, "{}", t.note);
    // Whole degrees in, whole degrees out.
    let hot = Interval::exact(40.0);
    assert_eq!(describe_temperature(&hot, true, true), "104 °F (40 °C)");
    let above = Interval { lo: Some((100.0 - 32.0) * 5.0 / 9.0), hi: None, lo_inc: false, hi_inc: false };
    assert_eq!(describe_temperature(&above, true, true), "more than 100 °F (more than 37.8 °C)");
    assert_eq!(describe_temperature(&Interval::exact(21.5), false, false), "21.5 °C");
}

#[test]
fn vague_magnitude_ranges_are_intervals() {
    // "Hundreds" is [100, 1000]: it allows "about 300" and "more than 250", not "2,000";
    // the note quotes the source's words, never the bounds as if the source said them.
    let a = TextDoc::new(0, "Hundreds of people were evacuated from Ostrel after the dam failed on Sunday.");
    let b = TextDoc::new(1, "About 300 people were evacuated from Ostrel, the mayor said.");
    let c = TextDoc::new(2, "Rescuers in Ostrel evacuated more than 250 people from the valley.");
    let d = TextDoc::new(3, "In Ostrel, 2,000 people were evacuated by boat and helicopter.");
    let figs = ids(vec![
        Fb::new(&a, "Hundreds of people", 0.0).range(100.0, 1000.0).concept("people").event("evacuated").f,
        Fb::new(&b, "About 300 people", 300.0).about().concept("people").event("evacuated").f,
        Fb::new(&c, "more than 250 people", 250.0).more_than().concept("people").event("evacuated").f,
        Fb::new(&d, "2,000 people", 2000.0).concept("people").event("evacuated").f,
    ]);
    let facts = group(&[a, b, c, d], &figs);
    let ev = fact_with(&facts, &figs, "Hundreds of people", 0).expect("evacuated");
    assert_eq!(ev.figures.len(), 4, "{facts:?}");
    assert_eq!(ev.status, Status::Conflict, "{}", ev.note);
    assert_eq!(ev.outliers, vec![3], "{}", ev.note);
    assert_eq!(ev.bounds.first(), Some(&[Some(100.0), Some(1000.0)]));
    assert!(ev.note.contains("Hundreds of people"), "{}", ev.note);
    assert!(!ev.note.contains("550") && !ev.note.contains("100 to 1"), "{}", ev.note);
    assert!(ev.note.contains("270–330"), "{}", ev.note);
    assert!(!ev.changing, "{}", ev.note);
    // Two vague bands that overlap are consistent, not agreeing.
    let a = TextDoc::new(0, "Dozens of homes were destroyed in Ostrel.");
    let b = TextDoc::new(1, "Hundreds of homes were destroyed in Ostrel.");
    let figs = ids(vec![
        Fb::new(&a, "Dozens of homes", 0.0).range(12.0, 120.0).concept("homes").event("destroyed").f,
        Fb::new(&b, "Hundreds of homes", 0.0).range(100.0, 1000.0).concept("homes").event("destroyed").f,
    ]);
    let facts = group(&[a, b], &figs);
    let homes = fact_with(&facts, &figs, "Dozens of homes", 0).expect("homes");
    assert_eq!(homes.figures.len(), 2, "{facts:?}");
    assert_eq!(homes.status, Status::Consistent, "{}", homes.note);
    assert!(homes.note.contains("100–120"), "{}", homes.note);
}

#[test]
fn a_distinctive_value_written_in_two_sources_is_one_figure_whatever_its_nouns() {
    // Two outlets give the old rate with different nouns; a round value is not enough.
    let a = TextDoc::new(0, "The previous lending rate of 5.15% had stood for a year. Growth was 2%.");
    let b = TextDoc::new(1, "The bank came down from a nine-year high of 5.15% on Thursday. Unemployment was 2%.");
    let c = TextDoc::new(2, "Of the ferry's dead, 317 were islanders.");
    let d = TextDoc::new(3, "The sinking killed 317 passengers off Ostvik.");
    let figs = ids(vec![
        Fb::new(&a, "5.15%", 5.15).unit("percent").concept("previous lending rate").f,
        Fb::new(&a, "2%", 2.0).unit("percent").concept("growth").f,
        Fb::new(&b, "5.15%", 5.15).unit("percent").concept("nine-year high").f,
        Fb::new(&b, "2%", 2.0).unit("percent").concept("unemployment").f,
        Fb::new(&c, "317", 317.0).concept("islanders").f,
        Fb::new(&d, "317 passengers", 317.0).concept("passengers").event("killed").f,
    ]);
    let facts = group(&[a, b, c, d], &figs);
    let rate = fact_with(&facts, &figs, "5.15%", 0).expect("rate fact");
    assert_eq!(rate.figures, vec![0, 2], "{facts:?}");
    // 2% growth and 2% unemployment stay apart.
    assert!(fact_with(&facts, &figs, "2%", 0).is_none_or(|f| !f.figures.contains(&3)), "{facts:?}");
    let dead = fact_with(&facts, &figs, "317 passengers", 3).expect("dead fact");
    assert_eq!(dead.figures, vec![4, 5], "{facts:?}");
    // One bound of a distinctive value, written the same in two sources, is one figure too.
    let a = TextDoc::new(0, "At least 317 of the ferry's dead were islanders.");
    let b = TextDoc::new(1, "The sinking killed at least 317 islanders off Ostvik.");
    let c = TextDoc::new(2, "The sinking killed 317 people off Ostvik.");
    let figs = ids(vec![
        Fb::new(&a, "At least 317", 317.0).at_least().concept("dead").f,
        Fb::new(&b, "at least 317 islanders", 317.0).at_least().concept("islanders").event("killed").f,
        Fb::new(&c, "317 people", 317.0).concept("people").event("killed").f,
    ]);
    let facts = group(&[a, b, c], &figs);
    let dead = fact_with(&facts, &figs, "at least 317 islanders", 1).expect("dead fact");
    assert!(dead.figures.contains(&0), "{facts:?}");
    // A range with both ends as specific, in two sources, whatever the nouns.
    let a = TextDoc::new(0, "Economic losses are put between $135 billion and $150 billion.");
    let b = TextDoc::new(1, "The forecaster's range runs from $135 billion to $150 billion.");
    let figs = ids(vec![
        Fb::new(&a, "between $135 billion and $150 billion", 135e9).range(135e9, 150e9).unit("dollar").concept("economic losses").f,
        Fb::new(&b, "from $135 billion to $150 billion", 135e9).range(135e9, 150e9).unit("dollar").concept("range").f,
    ]);
    let facts = group(&[a, b], &figs);
    assert!(fact_with(&facts, &figs, "from $135 billion to $150 billion", 1).is_some_and(|f| f.figures == vec![0, 1]), "{facts:?}");
}

#[test]
fn significant_digits_of_values() {
    assert_eq!(significant_digits(5.25), 3);
    assert_eq!(significant_digits(1_089_000.0), 4);
    assert_eq!(significant_digits(4000.0), 1);
    assert_eq!(significant_digits(0.025), 2);
    assert_eq!(significant_digits(323.0), 3);
}
