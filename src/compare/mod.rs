//! Compare: figures grouped into facts across documents, and each fact's status by
//! interval logic.
//!
//! How figures become facts:
//! 1. Only `quantity` figures outside page furniture are compared. Each is converted to a
//!    base unit (`crate::figures::units::base`, from the unit ontology: durations in days,
//!    distances in km, masses in kg, temperatures in Celsius, fractions and percentages in percent) and keyed by its event class
//!    (`events.tsv`, shared with the figures stage: "dead" = "killed") and concept class (`concept_classes.tsv`:
//!    "law enforcement officers" = "police", never = "protesters").
//! 2. A figure with no concept but an event ("another 26 were injured") takes the concept
//!    named between it and the previous figure in its sentence, else the previous
//!    figure's concept (within two sentences).
//! 3. Which figures can be facts at all (the rule for `single` rows): a count needs an event
//!    and a concept, or a specific concept other than plain "people" ("2,500 troops");
//!    a measure (days, km, percent, money...) needs a concept or an event. Other figures
//!    ("a country of 19 million", "80%" with nothing said) are shown in the text but are
//!    not made into fact rows, so the table is not crowded with numbers nobody compares.
//!    A count right after "a country of", "a city of", "a population of", "home to"
//!    ("this nation of 19 million (people)") is the population of a place: its own class.
//! 4. Sources about different events are never compared: [`topics`] splits the sources
//!    by how much their named people, places and organisations overlap, and only figures
//!    of one topic can share a fact (the report's notices say which sources stood apart).
//!    Within a topic, figures with the same base unit, event and concept class form a cluster (joined
//!    through an index of shared keys, never pair by pair, so the work stays linear in the
//!    number of figures). Within it
//!    a fact takes at most one figure per document: the one that overlaps the most other
//!    documents' figures (then the explicit concept over an inferred one, then the first;
//!    with many documents, overlaps are counted through sorted bounds).
//!    Other figures of that document stay in the fact only when they repeat the same
//!    interval (headline and body) or are time-ordered updates (another reporting time,
//!    "rose to"); the rest form further facts.
//! 5. Status: `agree` when all intervals are identical, `consistent` when a value lies in
//!    all, `conflict` otherwise, `single` for one document. The consensus is the
//!    intersection of the intervals of the largest set of documents that allow a common
//!    value; the others are the outliers (none when that set is not unique).
//! 6. Time: when figures carry different reporting times, or one says it is an update,
//!    the fact is `changing` and `timeline` orders its figures (untimed counts are placed
//!    by value: cumulative tallies only rise).
//! 7. Parts and totals: when one document says its figure is a total ("a total of",
//!    "in all", "including") and another gives, for the same event, parts that add up to
//!    it, the parts' sum replaces that document's figure when judging the status.
//! 8. Parts under totals (`parts.rs`): a fact limited to a place, group or party is linked
//!    to the overall fact of the same count, follows it in the list, and the parts of one
//!    kind are summed against it ("the parts given add up to 57, above the total 48").
//! 9. Currencies (`currency.rs`): amounts in two currencies stay two facts; when the text
//!    gives the rate ("€4.6bn ($5bn)", "$1 = 0.92 euros") the two facts are linked, side
//!    by side, and the verdict says whether they fit at that rate.

mod cluster;
pub(crate) mod interval;
mod judge;
mod label;
mod currency;
mod parts;
mod split;
pub mod topics;
mod verdict;

pub use crate::reading::lexicon::{concept_class, event_class, lemma, unit_conversion};
pub use interval::{describe, fmt_num, Interval};

use std::collections::{BTreeMap, HashMap};

use crate::hash::FnvBuild;

/// Hash maps with small integer keys, hashed by FNV (these are only looked up, never
/// iterated, so their order does not matter).
type Map<K, V> = HashMap<K, V, FnvBuild>;

use crate::reading::{lexicon, word_hash, Concept, Reading as Item, NOT_LIVING, SCALE_UNITS};
use crate::report::{Fact, Figure, Status};
use crate::sort::{desc, float, int};
use crate::text::TextDoc;
use cluster::{cluster, related};
use judge::judge;
use label::make_label;

/// Classes of those sent to an event (troops, police, medics): counted with no verb in a
/// story about the event, they are the ones deployed (see [`attach_eventless`]).
pub(crate) const SENT_CLASSES: [&str; 3] = ["troops", "police", "health workers"];

/// Groups the figures of all documents into facts, conflicts first.
///
/// Figures keep their byte spans; facts name figures by id. Never panics on any input.
pub fn group(docs: &[TextDoc], figures: &[Figure]) -> Vec<Fact> {
    let readings = crate::reading::read_all(docs, figures, &[], &[]);
    group_readings(docs, figures, readings)
}

/// Groups figures into facts from what [`crate::reading::read_all`] read of them: figures of
/// documents in different topics (sources about different events) are never put into one
/// fact.
pub fn group_readings(docs: &[TextDoc], figures: &[Figure], items: Vec<Item>) -> Vec<Fact> {
    // Items are in (document, position) order: each document's items are one run.
    let mut doc_runs: Map<usize, std::ops::Range<usize>> = Map::default();
    for (i, it) in items.iter().enumerate() {
        doc_runs.entry(it.doc).and_modify(|r| r.end = i + 1).or_insert(i..i + 1);
    }
    let clusters = cluster(&items);
    let mut facts: Vec<(Fact, usize, Option<parts::Key>)> = Vec::new();
    for members in clusters {
        for fact_items in split::split_per_doc(&items, &members) {
            let n_docs = doc_count(&items, &fact_items);
            if n_docs < 2 && !fact_items.iter().filter_map(|&i| items.get(i)).any(single_worthy) {
                continue;
            }
            let fact = judge(&items, &fact_items, figures, &doc_runs);
            let its: Vec<&Item> = fact_items.iter().filter_map(|&i| items.get(i)).collect();
            facts.push((fact, n_docs, parts::Key::of(&its)));
        }
    }
    let rank = |s: Status| match s {
        Status::Conflict => 0,
        Status::Consistent => 1,
        Status::Agree => 2,
        Status::Single => 3,
    };
    crate::sort::by_key(&mut facts, |(a, na, _)| [rank(a.status) as u64, desc(int(*na)), a.figures.first().map_or(0, |&x| int(x) + 1)]);
    // No two rows with one label: a label given twice names its first figure as written.
    {
        let mut seen: Map<String, usize> = Map::default();
        for (f, _, _) in &facts {
            *seen.entry(f.label.clone()).or_default() += 1;
        }
        for (f, _, _) in &mut facts {
            if seen.get(&f.label).is_some_and(|&n| n > 1) {
                let first = f.figures.first().and_then(|&i| figures.get(i)).map(|x| x.text.trim().to_string()).unwrap_or_default();
                f.label = format!("{} — “{}”", f.label, first);
            }
        }
    }
    // One amount in two currencies, tied by a rate the text gives.
    let rates = currency::rates(docs, &items, figures);
    let companions = {
        let money: Vec<currency::Money> = facts
            .iter()
            .map(|(f, _, k)| currency::Money {
                topic: k.as_ref().map_or(0, |k| k.topic),
                dim: k.as_ref().map_or("", |k| k.dim.as_str()),
                concept: k.as_ref().and_then(|k| k.concept.as_ref()),
                allowed: parts::allowed(f),
                figures: &f.figures,
                text: f.figures.first().and_then(|&i| figures.get(i)).map_or("", |x| x.text.as_str()),
            })
            .collect();
        currency::link(&money, &rates)
    };
    // Parts under their totals, checked against them; ids are final positions.
    parts::link(facts.into_iter().map(|(f, _, k)| (f, k)).collect(), companions)
}




pub(crate) fn doc_count(items: &[Item], members: &[usize]) -> usize {
    let docs = || members.iter().filter_map(|&i| items.get(i).map(|x| x.doc));
    // Members in document order (as facts are): count the changes, without a copy.
    if docs().zip(docs().skip(1)).all(|(a, b)| a <= b) {
        return docs().zip(docs().skip(1)).filter(|(a, b)| a != b).count() + usize::from(docs().next().is_some());
    }
    let mut ds: Vec<usize> = docs().collect();
    crate::sort::plain(&mut ds);
    ds.dedup();
    ds.len()
}

/// True when a figure found in one document only is still worth a fact row: it has an
/// event, or a concept from the class lexicon other than plain "people" or "countries".
pub(crate) fn single_worthy(it: &Item) -> bool {
    match (&it.concept, &it.event) {
        // A whole given as the denominator of a part ("88 of the 150 seats").
        (_, Some(e)) if e == "total" => false,
        (_, Some(_)) => true,
        (Some(Concept::Class(c)), None) => !matches!(*c, "people" | "countries"),
        _ => false,
    }
}

/// True when two readings of one key name the same thing (see [`cluster::related`]).
pub(crate) fn related_readings(x: &Item, y: &Item) -> bool {
    related(x, y, x.dim != "count")
}

pub(crate) fn groupable(it: &Item) -> bool {
    match (&it.concept, &it.event) {
        (None, None) => false,
        (None, Some(_)) => it.dim != "count",
        // People with no verb may be anyone, unless the clause limits them ("five
        // Indians", "nationals of Nepal").
        (Some(Concept::Class("people")), None) => it.dim != "count" || it.scope.is_some(),
        (Some(_), _) => true,
    }
}

/// How far apart two values are, relative to the larger in size (at least 1): 0 when
/// equal, near 1 when one is tiny beside the other.
pub(crate) fn rel_gap(a: f64, b: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(1.0)
}

/// True when two counts are within a quarter of the larger of each other ("12 people
/// killed" and "15 protesters killed" may be one toll told by two sources; "20 people" and
/// "3 police" may not).
pub(crate) fn near_values(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.25 * a.abs().max(b.abs())
}

/// True when `a` is plain people and `b` a more specific class of living beings.
pub(crate) fn living_pair(a: &str, b: &str) -> bool {
    a == "people" && b != "population" && !NOT_LIVING.contains(&b)
}

/// True when one interval lies inside the other (bounds included as they are).
pub(crate) fn nested(a: &Interval, b: &Interval) -> bool {
    a.intersect(b).is_some_and(|x| x.identical(a) || x.identical(b))
}

/// True for a vague count: a band both ends of which are given ("dozens", "hundreds",
/// "about 300").
pub(crate) fn is_vague(it: &Item) -> bool {
    matches!((it.iv.lo, it.iv.hi), (Some(l), Some(h)) if h > l)
}

/// True when two items of one cluster name the same thing themselves (not through a
/// third): the same class, head or anchor, a concept borrowed from that class, or for
/// measures one shared concept word.
pub(crate) fn same_thing(a: &Item, b: &Item) -> bool {
    match (&a.concept, &b.concept) {
        // People and a living class were put in one cluster by a rule (the same count
        // said twice, or a lone count of people): the same thing.
        (Some(Concept::Class(x)), Some(Concept::Class(y))) => x == y || living_pair(x, y) || living_pair(y, x),
        (Some(Concept::Since(x)), Some(Concept::Since(y))) => x == y,
        (Some(Concept::Head(x)), Some(Concept::Head(y))) if x == y => true,
        (None, None) => true,
        _ => a.words.iter().any(|w| b.words.contains(w)),
    }
}

/// An interval's bounds as closed numbers (open ends infinite).
pub(crate) fn bounds(iv: &Interval) -> (f64, f64) {
    (iv.lo.unwrap_or(f64::NEG_INFINITY), iv.hi.unwrap_or(f64::INFINITY))
}

/// How a note names a document; [`crate::analyze`] replaces it with the document's name.
pub fn source_name(doc: usize) -> String {
    let mut s = String::with_capacity(10);
    push_source_name(&mut s, doc);
    s
}

/// Appends [`source_name`] of `doc` to `out`.
pub(crate) fn push_source_name(out: &mut String, doc: usize) {
    out.push_str("Source ");
    push_uint(out, doc + 1);
}

/// Appends the decimal digits of `n` to `out` (without the formatter).
pub(crate) fn push_uint(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let (mut n, mut k) = (n, digits.len());
    loop {
        k -= 1;
        if let Some(d) = digits.get_mut(k) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || k == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(digits.get(k..).unwrap_or(&[])).unwrap_or(""));
}

/// Replaces every "Source N" of a note (see [`source_name`]) by `names[N - 1]`, in one pass
/// over the note (replacing name by name would take time proportional to documents times
/// note length, and notes of facts given by many documents are long). Numbers with no
/// name, or with an empty one, are left as they are.
pub fn name_sources(note: &str, names: &[&str]) -> String {
    const P: &str = "Source ";
    let mut out = String::with_capacity(note.len());
    let mut rest = note;
    while let Some(k) = rest.find(P) {
        let (before, from) = rest.split_at(k);
        out.push_str(before);
        let after = from.get(P.len()..).unwrap_or("");
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let name = after.get(..digits).and_then(|d| d.parse::<usize>().ok()).and_then(|n| n.checked_sub(1)).and_then(|i| names.get(i)).filter(|n| !n.is_empty());
        match name {
            Some(n) => {
                out.push_str(n);
                rest = after.get(digits..).unwrap_or("");
            }
            None => {
                out.push_str(P);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;

