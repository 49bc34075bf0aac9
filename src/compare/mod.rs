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

mod interval;
mod lexicon;
mod time;
pub mod topics;
mod verdict;

pub use interval::{describe, fmt_num, Interval};
pub use lexicon::{concept_class, event_class, lemma, unit_conversion};

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use crate::hash::FnvBuild;

/// Hash maps with small integer keys, hashed by FNV (these are only looked up, never
/// iterated, so their order does not matter).
type Map<K, V> = HashMap<K, V, FnvBuild>;

use crate::report::{Fact, Figure, FigureKind, Status};
use crate::sort::{desc, float, int};
use crate::text::TextDoc;

/// What a figure counts, for grouping.
#[derive(Debug, Clone, PartialEq)]
enum Concept {
    /// A class from `concept_classes.tsv`.
    Class(&'static str),
    /// Some other head noun (the concept's content lemmas are the item's `words`).
    Head(String),
    /// The time since an event or state, for a duration ("30 years since independence",
    /// "three decades after independence", "since gaining independence ... three decades
    /// ago"): the lemma of what it is counted from.
    Since(String),
}

/// One comparable figure.
#[derive(Debug, Clone)]
struct Item {
    /// Index into the `figures` slice.
    idx: usize,
    /// Figure id.
    id: usize,
    doc: usize,
    /// The topic of the document (sources about one event share it).
    topic: usize,
    start: usize,
    sentence: usize,
    iv: Interval,
    /// `iv` widened to what rounds to the number as written, for an exact measure or a
    /// count written with a magnitude ("19.8 percent" is [19.75, 19.85), "$1.2 billion"
    /// is [1.15, 1.25) billion); else `iv`. What statuses are judged on.
    round: Interval,
    value: f64,
    dim: Cow<'static, str>,
    event: Option<String>,
    concept: Option<Concept>,
    inferred: bool,
    /// The word used for the head as written ("peacekeepers"), for the label.
    head_word: Option<String>,
    time: Option<time::TimeKey>,
    update: bool,
    total_cue: bool,
    /// Content lemmas of the concept text, in order, as hashes ([`word_hash`]).
    words: Vec<u64>,
    /// For measures: content lemmas of a few words either side of the figure, as sorted
    /// distinct hashes ([`word_hash`]).
    context: Vec<u64>,
}

/// Words that are not content: "the", "of", "more"...
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "of" | "in" | "on" | "at" | "to" | "for" | "from" | "with" | "and" | "or" | "by" | "its" | "their" | "his"
            | "her" | "new" | "more" | "than" | "some" | "about" | "other"
    )
}

/// True for a word that can tie two measures of one event together when it stands near
/// both: a content word, not a function word, reporting verb, magnitude ("billion"),
/// measure word or time word, which stand near any figure ("$2 billion in aid, officials
/// said" and "a $300 million loan, the ministry said" share "billion" and "said", nothing
/// about what they measure).
fn is_context_word(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(char::is_alphabetic)
        && !is_stop(w)
        && !crate::figures::is_stopword(w)
        && !matches!(
            w,
            "hundred" | "thousand" | "million" | "billion" | "trillion" | "percent" | "cent" | "per" | "point"
                | "year" | "month" | "week" | "day" | "hour" | "minute" | "today" | "yesterday" | "tomorrow"
                | "last" | "next" | "past" | "first" | "second" | "third" | "monday" | "tuesday" | "wednesday"
                | "thursday" | "friday" | "saturday" | "sunday" | "total" | "nearly" | "almost" | "least"
                | "around" | "roughly" | "over" | "under" | "another" | "further" | "record" | "level"
        )
}

/// Concept classes that are never what an unnamed count of killed, injured or detained
/// refers to (a figure's concept is not borrowed from them).
const NOT_LIVING: [&str; 6] = ["countries", "seats", "buildings", "vehicles", "aircraft", "population"];

/// True when an unnamed count with event `event` may take the concept class `class` named
/// near it: never a thing for a count of victims ("40 homes ... 12 were killed"), never
/// police or troops for a crowd ("three officers died. Tens of thousands took to the
/// streets").
fn can_borrow(event: &str, class: &str) -> bool {
    let crowd_of_forces = event == "protested" && matches!(class, "police" | "troops");
    !NOT_LIVING.contains(&class) && !crowd_of_forces
}

/// Nouns (lemmas) that name an event suffered by people, so that a count of them is a
/// count of people ("45 deaths", "300 arrests"); verbs the extractor may leave in a
/// concept ("the injured died") are not among them.
const EVENT_NOUNS: [&str; 11] = [
    "death", "fatality", "injury", "arrest", "detention", "evacuation", "casualty", "killing", "hospitalization", "hospitalisation", "disappearance",
];

/// Event classes whose unnamed counts are people ("dozens were killed").
const HUMAN_EVENTS: [&str; 11] = ["killed", "injured", "detained", "missing", "evacuated", "displaced", "rescued", "hospitalized", "stranded", "trapped", "infected"];

/// Units of a scale on which an event itself is measured ("a magnitude 7.1 earthquake"):
/// two sources' figures in such a unit measure the same thing.
const SCALE_UNITS: [&str; 3] = ["magnitude", "richter", "richter scale"];

/// Units that are measures, never the noun counted, even when the concept repeats them.
const MEASURE_UNITS: [&str; 16] = [
    "dollar", "euro", "pound", "yen", "yuan", "rouble", "ruble", "rupee", "franc", "magnitude", "richter", "degree", "point",
    "percentage", "kelvin", "celsius",
];

/// True when a unit the conversion table does not know is the noun counted ("jobs",
/// "deaths", "fans"): the concept ends with it, or there is no concept and the unit is a
/// plain word.
fn is_counted_noun(unit: &str, concept: &str) -> bool {
    let u = unit.trim();
    if u.is_empty() || MEASURE_UNITS.iter().any(|m| m.eq_ignore_ascii_case(u)) || !u.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-') {
        return false;
    }
    let last = |t: &str| t.rsplit(|c: char| !c.is_alphanumeric() && c != '-').find(|w| !w.is_empty()).map(|w| lexicon::lemma(&lexicon::fold(w)));
    let c = concept.trim();
    c.is_empty() || last(c) == last(u)
}

/// Classes of those sent to an event (troops, police, medics): counted with no verb in a
/// story about the event, they are the ones deployed (see [`attach_eventless`]).
const SENT_CLASSES: [&str; 3] = ["troops", "police", "health workers"];

/// Words that say a figure is a total of parts given elsewhere.
const TOTAL_CUES: [&str; 8] = ["a total of", "in total", "in all", "altogether", "overall", "combined", "total of", "including"];

/// Groups the figures of all documents into facts, conflicts first.
///
/// Figures keep their byte spans; facts name figures by id. Never panics on any input.
pub fn group(docs: &[TextDoc], figures: &[Figure]) -> Vec<Fact> {
    group_in_topics(docs, figures, &[])
}

/// [`group`], where figures of documents in different topics ([`topics::topics`]: sources
/// about different events) are never put into one fact. `topics[doc]` is the topic of a
/// document; documents past its end are in topic 0.
pub fn group_in_topics(docs: &[TextDoc], figures: &[Figure], topics: &[usize]) -> Vec<Fact> {
    let mut items = prepare(docs, figures);
    unwrap_weekdays(&mut items);
    for it in &mut items {
        it.topic = topics.get(it.doc).copied().unwrap_or(0);
    }
    // Items are in (document, position) order: each document's items are one run.
    let mut doc_runs: Map<usize, std::ops::Range<usize>> = Map::default();
    for (i, it) in items.iter().enumerate() {
        doc_runs.entry(it.doc).and_modify(|r| r.end = i + 1).or_insert(i..i + 1);
    }
    let clusters = cluster(&items);
    let mut facts: Vec<(Fact, usize)> = Vec::new();
    for members in clusters {
        for fact_items in split_per_doc(&items, &members) {
            let n_docs = doc_count(&items, &fact_items);
            if n_docs < 2 && !fact_items.iter().filter_map(|&i| items.get(i)).any(single_worthy) {
                continue;
            }
            let fact = judge(&items, &fact_items, figures, &doc_runs);
            facts.push((fact, n_docs));
        }
    }
    let rank = |s: Status| match s {
        Status::Conflict => 0,
        Status::Consistent => 1,
        Status::Agree => 2,
        Status::Single => 3,
    };
    crate::sort::by_key(&mut facts, |(a, na)| [rank(a.status) as u64, desc(int(*na)), a.figures.first().map_or(0, |&x| int(x) + 1)]);
    facts
        .into_iter()
        .enumerate()
        .map(|(i, (mut f, _))| {
            f.id = i;
            f
        })
        .collect()
}

/// Weekdays named without a date are ordered within the story's own week: the week is
/// taken to start after the longest run of days no figure names, so that "Sunday" (polls
/// close) comes before "Monday" (final results) when a story spans a weekend, and Monday
/// before Wednesday otherwise.
#[inline(never)]
fn unwrap_weekdays(items: &mut [Item]) {
    let mut days = [false; 8];
    for t in items.iter().filter_map(|it| it.time.filter(|t| t.scale == 0)) {
        if let Some(d) = days.get_mut(t.pos.floor().clamp(0.0, 7.0) as usize) {
            *d = true;
        }
    }
    let present: Vec<usize> = (1..=7).filter(|&d| days.get(d).copied().unwrap_or(false)).collect();
    let Some(&first) = present.first() else { return };
    let mut best = (0, first);
    for (k, &d) in present.iter().enumerate() {
        let next = present.get(k + 1).copied().unwrap_or(first + 7);
        if next - d > best.0 {
            best = (next - d, if next > 7 { next - 7 } else { next });
        }
    }
    let start = best.1 as f64;
    if start <= 1.0 {
        return;
    }
    for t in items.iter_mut().filter_map(|it| it.time.as_mut()) {
        if t.scale == 0 && t.pos.floor() < start {
            t.pos += 7.0;
        }
    }
}

fn doc_of<'a>(docs: &'a [TextDoc<'a>], id: usize) -> Option<&'a TextDoc<'a>> {
    match docs.get(id) {
        Some(d) if d.id == id => Some(d),
        _ => docs.iter().find(|d| d.id == id),
    }
}

fn doc_count(items: &[Item], members: &[usize]) -> usize {
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

/// The interval a figure allows, converted by `factor`.
fn interval_of(f: &Figure, factor: f64) -> Interval {
    let (lo, hi) = match (f.low, f.high) {
        (None, None) if f.change == "=" || f.change.is_empty() => (Some(f.value), Some(f.value)),
        x => x,
    };
    let scale = |x: Option<f64>| x.map(|v| v * factor);
    let (mut lo, mut hi) = (scale(lo), scale(hi));
    let (mut lo_inc, mut hi_inc) = (f.low_inclusive || lo.is_none(), f.high_inclusive || hi.is_none());
    if let (Some(l), Some(h)) = (lo, hi) {
        if l > h {
            std::mem::swap(&mut lo, &mut hi);
            std::mem::swap(&mut lo_inc, &mut hi_inc);
        }
    }
    Interval { lo, hi, lo_inc, hi_inc }
}

/// What an exact figure allows once rounding is granted: every value that rounds to the
/// number as written, `[v - h, v + h)` with `h` half a unit of its last written digit
/// ("20 percent" allows 19.8, "$1.2 billion" allows $1.21 billion; "7.1" does not allow
/// "7.0"), converted by `factor`. Only for measures and for counts written with a
/// magnitude word ("4.2 million voters"): a plain count ("38 dead") is exact. `None` for
/// other figures (bounded by a qualifier, or written in words).
fn rounding_band(f: &Figure, factor: f64, count: bool) -> Option<Interval> {
    // ("up" and "down" say which way a figure moved; the figure itself is exact.)
    if !matches!(f.change.as_str(), "=" | "" | "up" | "down") || !f.value.is_finite() || f.value == 0.0 {
        return None;
    }
    if f.low.is_some_and(|l| !interval::same(l, f.value)) || f.high.is_some_and(|h| !interval::same(h, f.value)) {
        return None;
    }
    let t = f.text.as_str();
    // The magnitude word after the number: "1.2 billion", "$77m", "4.5bn".
    let scale = {
        let after_digits = t.trim_start_matches(|c: char| !c.is_ascii_digit()).trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        let w = after_digits.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(w));
        if is(&["trillion", "tn", "trn"]) {
            1e12
        } else if is(&["billion", "bn", "b"]) {
            1e9
        } else if is(&["million", "mn", "m", "mln"]) {
            1e6
        } else if is(&["thousand", "k"]) {
            1e3
        } else {
            1.0
        }
    };
    if count && scale == 1.0 {
        return None;
    }
    // The number as written: its first run of digits and separators.
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let run: &str = t.get(start..).unwrap_or("");
    let run = &run[..run.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(run.len())];
    let run = run.trim_end_matches(['.', ',']);
    let dp = match run.rfind(['.', ',']) {
        Some(k) => {
            let (int, frac) = (run.get(..k).unwrap_or(""), run.get(k + 1..).unwrap_or(""));
            let int: String = int.chars().filter(char::is_ascii_digit).collect();
            // The last separator is a decimal point when reading it so gives the value.
            let as_decimal = format!("{}.{}", if int.is_empty() { "0" } else { &int }, frac).parse::<f64>().ok();
            match as_decimal {
                Some(m) if interval::same(m * scale, f.value) => frac.len() as i32,
                _ => 0,
            }
        }
        None => 0,
    };
    let h = 0.5 * 10f64.powi(-dp) * scale * factor;
    let v = f.value * factor;
    if !(h.is_finite() && h > 0.0) {
        return None;
    }
    Some(Interval { lo: Some(v - h), hi: Some(v + h), lo_inc: true, hi_inc: false })
}

/// Builds the comparable items: quantity figures outside furniture, converted and keyed.
fn prepare(docs: &[TextDoc], figures: &[Figure]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(figures.len());
    // Last item per doc, for concept inference.
    let mut last_in_doc: Map<usize, usize> = Map::default();
    // Reporting time named in a sentence, computed once per sentence.
    let mut sentence_times: Map<(usize, usize), Option<time::TimeKey>> = Map::default();
    let mut order: Vec<usize> = (0..figures.len()).collect();
    crate::sort::by_key(&mut order, |&i| figures.get(i).map_or([u64::MAX, 0, 0], |f| [int(f.doc), f.start as u64, 0]));
    // Lemmas of one text at a time, and folded text, in reused buffers.
    let mut lem = lexicon::Lemmas::default();
    let (mut fb, mut fa) = (String::new(), String::new());
    for (k, &idx) in order.iter().enumerate() {
        let Some(f) = figures.get(idx) else { continue };
        // The figures right before and after in the same document (any kind): the words
        // past them are theirs, not this figure's context.
        let neighbour = |j: Option<usize>| j.and_then(|j| order.get(j)).and_then(|&i| figures.get(i)).filter(|g| g.doc == f.doc);
        let prev_end = neighbour(k.checked_sub(1)).map_or(0, |g| g.end as usize);
        let next_start = neighbour(Some(k + 1)).map_or(usize::MAX, |g| g.start as usize);
        if f.kind != FigureKind::Quantity || !f.value.is_finite() {
            continue;
        }
        let Some(doc) = doc_of(docs, f.doc) else { continue };
        let (start, end) = (f.start as usize, f.end as usize);
        if doc.in_furniture(&(start..end.max(start))) {
            continue;
        }
        // Unit and dimension.
        let unit = f.unit.as_deref().map(str::trim).filter(|u| !u.is_empty() && *u != "-");
        let mut concept_text: &str = f.concept.trim();
        let (dim, factor, offset) = match unit {
            None if is_fraction_word(&f.text) && f.value > 0.0 && f.value <= 1.0 => (Cow::Borrowed("percent"), 100.0, 0.0),
            None => (Cow::Borrowed("count"), 1.0, 0.0),
            Some(u) => match lexicon::unit_conversion(u) {
                Some((base, factor, offset)) => (Cow::Borrowed(base), factor, offset),
                None if lem.set(u).class().is_some() || u == "count" => {
                    if concept_text.is_empty() && u != "count" {
                        concept_text = u;
                    }
                    (Cow::Borrowed("count"), 1.0, 0.0)
                }
                // "1,500 jobs", "45 deaths", "12 fans": the unit is the counted noun.
                None if is_counted_noun(u, concept_text) => {
                    if concept_text.is_empty() {
                        concept_text = u;
                    }
                    (Cow::Borrowed("count"), 1.0, 0.0)
                }
                None => (Cow::Owned(u.to_lowercase()), 1.0, 0.0),
            },
        };
        // Temperatures compare in Celsius: an offset as well as a factor (both increasing,
        // so bounds stay in order).
        let shift = |iv: Interval| Interval { lo: iv.lo.map(|x| x + offset), hi: iv.hi.map(|x| x + offset), ..iv };
        let iv = shift(interval_of(f, factor));
        let round = rounding_band(f, factor, dim == "count").map(shift).unwrap_or(iv);
        let value = f.value * factor + offset;
        let mut event = f.event.as_deref().map(str::trim).filter(|e| !e.is_empty()).map(lexicon::event_class);
        // Concept.
        lem.set(concept_text);
        let mut head_word = None;
        let mut inferred = false;
        let is_content = |w: &&str| !is_stop(w) && w.chars().any(char::is_alphabetic);
        let content: Vec<u64> = lem.iter().filter(is_content).map(word_hash).collect();
        let mut concept = if let Some(c) = lem.class() {
            head_word = last_word(concept_text, &mut fb);
            Some(Concept::Class(c))
        } else {
            lem.iter().filter(is_content).last().map(|h| {
                head_word = last_word(concept_text, &mut fb);
                Concept::Head(h.to_string())
            })
        };
        // "45 deaths", "300 arrests", "dozens of injuries": the noun is the event itself,
        // and what is counted is people.
        if dim == "count" {
            if let Some(Concept::Head(h)) = &concept {
                let named = EVENT_NOUNS.contains(&h.as_str()).then(|| lexicon::event_table().get(h.as_str()).copied()).flatten().filter(|c| HUMAN_EVENTS.contains(c));
                if let Some(c) = named.filter(|c| event.as_deref().map_or(true, |e| e == *c)) {
                    event = Some(c.to_string());
                    concept = Some(Concept::Class("people"));
                    head_word = None;
                }
            }
        }
        let sent_range = doc.sentences.get(f.sentence).cloned().unwrap_or(0..0);
        if dim == "count" {
            match (&concept, event.as_deref()) {
                // "320 cases" of an outbreak: the people infected.
                (Some(Concept::Class("patients")), Some("infected")) => {
                    concept = Some(Concept::Class("people"));
                    head_word = None;
                }
                // "The disease has claimed 19 lives", "cost 40 lives": people killed (not
                // "saved 19 lives").
                (Some(Concept::Head(h)), None) if matches!(h.as_str(), "life" | "live" | "lives") => {
                    let before = tail(doc.text.get(sent_range.start.min(start)..start).unwrap_or(""), 24).to_ascii_lowercase();
                    if ["claim", "cost", "took", "taken", "lost", "toll of"].iter().any(|w| before.contains(w)) {
                        event = Some("killed".to_string());
                        concept = Some(Concept::Class("people"));
                        head_word = None;
                    }
                }
                _ => {}
            }
        }
        if concept.is_none() && event.is_some() && dim == "count" {
            // Between the previous figure (or the sentence start) and this one.
            let prev = last_in_doc.get(&f.doc).and_then(|&j| items.get(j));
            let from = prev.filter(|p| p.sentence == f.sentence).and_then(|p| figures.get(p.idx)).map(|p| p.end as usize).unwrap_or(sent_range.start);
            let between = doc.text.get(from.min(start)..start).unwrap_or("");
            let ev = event.as_deref().unwrap_or("");
            // "Security forces kill 12", "troops opened fire, killing 12": a class named
            // before the event's own verb is who did it, not who it was done to.
            let named = lem.set(between).class();
            let agent = named.is_some() && lem.iter().any(|w| lexicon::event_table().get(w).is_some_and(|c| *c == ev));
            if let Some(c) = named.filter(|c| !agent && can_borrow(ev, c)) {
                concept = Some(Concept::Class(c));
                inferred = true;
            } else if let Some(Concept::Class(c)) = prev.filter(|p| f.sentence.saturating_sub(p.sentence) <= 2).and_then(|p| p.concept.clone()) {
                if can_borrow(ev, c) {
                    concept = Some(Concept::Class(c));
                    inferred = true;
                }
            }
            if concept.is_none() && (HUMAN_EVENTS.contains(&ev) || ev == "protested") {
                // "Dozens have been killed": unnamed victims are people.
                concept = Some(Concept::Class("people"));
                inferred = true;
            }
        }
        // "120,000 demonstrators", "organisers claimed 120,000 marchers": people named by
        // the protest itself are counted as protesting (the crowd estimates of police and
        // organisers are then one fact with "45,000 people marched").
        // (Not a vague band: "hundreds of protesters" and "several thousand" at different
        // moments of a story are not one estimate.)
        let vague_band = matches!((iv.lo, iv.hi), (Some(l), Some(h)) if h >= 1.5 * l);
        if dim == "count" && !vague_band && event.is_none() && head_word.as_deref().is_some_and(|h| matches!(lexicon::lemma(h).as_str(), "protester" | "protestor" | "demonstrator" | "marcher")) {
            event = Some("protested".to_string());
        }
        // "45,000 people marched": people who protested are protesters.
        if dim == "count" && !vague_band && event.as_deref() == Some("protested") && matches!(concept, Some(Concept::Class("people"))) {
            concept = Some(Concept::Class("protesters"));
        }
        // Time and update words.
        let time = f.time.as_deref().and_then(time::key).or_else(|| {
            *sentence_times.entry((f.doc, f.sentence)).or_insert_with(|| time::key(doc.sentence_text(f.sentence)))
        });
        let before = doc.text.get(sent_range.start.min(start)..start).unwrap_or("");
        // "A country of 19 million (people)", "a city of 40,000": a population.
        if dim == "count" && event.is_none() && says_population(before) && names_residents_or_place(&concept) {
            concept = Some(Concept::Class("population"));
            head_word = Some("population".to_string());
            inferred = false;
            event = None;
        }
        // ("rose 20 percent": a change given by its amount is not an update of a tally.)
        // Tallies are updated ("the toll rose to 51"); a measure that "rose to" ("profit
        // climbed to $1.2bn") says how it moved since the last period, not that an
        // earlier report was revised.
        let update = dim == "count" && time::says_update_in(before, &mut fb);
        // "88 of the 150 seats", "out of 6.5 million registered voters": a total that
        // another count is a part of, compared only with totals.
        if dim == "count" && event.is_none() && before.trim_end().ends_with(['f', 'F', 'e', 'E']) && is_denominator(before) {
            event = Some("total".to_string());
        }
        // A duration counted from an event ("30 years since independence"): grouped by
        // that event, whatever noun the extractor took for its concept.
        if dim == "day" {
            let after_fig = doc.text.get(end.min(sent_range.end.max(end))..sent_range.end.max(end)).unwrap_or("");
            if let Some(a) = since_anchor(before, after_fig) {
                concept = Some(Concept::Since(a));
                head_word = None;
                inferred = false;
            }
        }
        let near_before = tail(before, 24);
        let after = doc.text.get(end.min(sent_range.end.max(end))..sent_range.end.max(end)).unwrap_or("");
        let near_after = head(after, 24);
        fb.clear();
        lexicon::fold_into(near_before, &mut fb);
        fa.clear();
        lexicon::fold_into(near_after, &mut fa);
        let total_cue = lexicon::has_any(&fb, &TOTAL_CUES) || lexicon::has_any(&fa, &TOTAL_CUES);
        // Context words around a measure (not a count), for matching measures whose
        // concept the extractor named differently ("180-day price cap" / "fuel price
        // limits for six months").
        let context = if dim != "count" {
            let w_before = clause_before(tail(before, 48), start.saturating_sub(prev_end));
            let w_after = clause_after(head(after, 48), next_start.saturating_sub(end));
            let mut ws: Vec<u64> = Vec::new();
            for t in [w_before, w_after] {
                lem.set(t);
                ws.extend(lem.iter().filter(|w| is_context_word(w)).map(word_hash));
            }
            ws.sort_unstable();
            ws.dedup();
            ws
        } else {
            Vec::new()
        };
        // A magnitude is the event's own measure: every source's magnitude of the main
        // shock is one fact, whatever noun the extractor took for its concept; an
        // aftershock's is another.
        let mut content = content;
        if SCALE_UNITS.contains(&dim.as_ref()) {
            fb.clear();
            lexicon::fold_into(tail(before, 60), &mut fb);
            fb.push(' ');
            lexicon::fold_into(head(after, 60), &mut fb);
            let what = if lexicon::has_any(&fb, &["aftershock", "foreshock", "after-shock"]) { "aftershock" } else { "magnitude" };
            concept = Some(Concept::Head(what.to_string()));
            head_word = Some(what.to_string());
            inferred = false;
            content = vec![word_hash(what)];
        }
        let item = Item {
            idx,
            id: f.id,
            doc: f.doc,
            topic: 0,
            start,
            sentence: f.sentence,
            iv,
            round,
            value,
            dim,
            event,
            concept,
            inferred,
            head_word,
            time,
            update,
            total_cue,
            words: content,
            context,
        };
        last_in_doc.insert(f.doc, items.len());
        items.push(item);
    }
    items
}

/// Words that end a clause: context words of a measure are looked for on its side of
/// them ("Food prices rose 11 percent, while the central bank kept its rate at 9 percent":
/// "central bank" is the rate's context, not the food prices').
/// (A plain comma is no break: "Varga, 81, who ruled" keeps both sides.)
const CLAUSE_BREAKS: [&str; 6] = [";", " while ", " whereas ", " but ", ", and ", ", with "];

/// The end of `before` (text right before a figure) from the last clause break, and not
/// reaching back more than `room` bytes (to the previous figure).
fn clause_before(before: &str, room: usize) -> &str {
    let mut from = before.len().saturating_sub(room);
    while from < before.len() && !before.is_char_boundary(from) {
        from += 1;
    }
    let b = before.get(from..).unwrap_or("");
    // Break ends, from the right: one pass over the bytes, patterns tried only where one
    // can end (';', ' ').
    let bytes = b.as_bytes();
    let cut = (1..=bytes.len())
        .rev()
        .find(|&e| {
            // Every break ends in ';' or in one of "e t d h" and a space.
            let end = match bytes.get(e - 1) {
                Some(b';') => true,
                Some(b' ') => e >= 2 && matches!(bytes.get(e - 2), Some(b'e' | b't' | b'd' | b'h')),
                _ => false,
            };
            end && CLAUSE_BREAKS.iter().any(|c| e.checked_sub(c.len()).is_some_and(|k| bytes_at(bytes, k, c)))
        })
        .unwrap_or(0);
    b.get(cut..).unwrap_or(b)
}

/// True when `pat` occurs in `hay` at byte `at` (compared byte by byte: the patterns are a
/// few bytes long, shorter than a call to a general comparison).
fn bytes_at(hay: &[u8], at: usize, pat: &str) -> bool {
    let p = pat.as_bytes();
    hay.get(at..at + p.len()).is_some_and(|h| h.iter().zip(p).all(|(a, b)| a == b))
}

/// The start of `after` (text right after a figure) up to the first clause break, and not
/// past `room` bytes (to the next figure).
fn clause_after(after: &str, room: usize) -> &str {
    let mut to = room.min(after.len());
    while to > 0 && !after.is_char_boundary(to) {
        to -= 1;
    }
    let a = after.get(..to).unwrap_or("");
    // Break starts, from the left: patterns tried only where one can start (';', ' ', ',').
    let bytes = a.as_bytes();
    let cut = (0..bytes.len())
        .find(|&i| {
            // Every break starts with ';', ", " or " w" / " b".
            let start = match bytes.get(i) {
                Some(b';') => true,
                Some(b',') => bytes.get(i + 1) == Some(&b' '),
                Some(b' ') => matches!(bytes.get(i + 1), Some(b'w' | b'b')),
                _ => false,
            };
            start && CLAUSE_BREAKS.iter().any(|c| bytes_at(bytes, i, c))
        })
        .unwrap_or(a.len());
    a.get(..cut).unwrap_or(a)
}

/// Words skipped between "since"/"after" and what a duration is counted from.
fn anchor_filler(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that") || (w.len() > 5 && w.ends_with("ing"))
}

/// The head of the phrase after the filler in `words` (its last word before a
/// preposition, a number or the end, at most three words), lemmatized: "independence",
/// "revolution", "the main shock" → "shock".
fn anchor_in<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut words = words.take(8).skip_while(|w| anchor_filler(w)).peekable();
    let mut head: Option<&str> = None;
    for _ in 0..3 {
        let Some(w) = words.next_if(|w| w.len() > 1 && w.chars().all(char::is_alphabetic) && !is_stop(w) && *w != "ago") else { break };
        head = Some(w);
    }
    head.filter(|h| h.len() > 2).map(lexicon::lemma)
}

/// What a duration figure is counted from: "<figure> since/after X" right after it, or
/// "since X ... <figure> ago" in its sentence.
fn since_anchor(before: &str, after: &str) -> Option<String> {
    let fa = lexicon::fold(head(after, 60));
    let mut words = lexicon::Words::new(&fa, false);
    match words.next()? {
        "since" | "after" => anchor_in(words),
        "ago" => {
            let fb = lexicon::fold(tail(before, 120));
            let ws: Vec<&str> = lexicon::Words::new(&fb, false).collect();
            let k = ws.iter().rposition(|w| *w == "since")?;
            anchor_in(ws.get(k + 1..).unwrap_or(&[]).iter().copied())
        }
        _ => None,
    }
}

/// True when `before` (the text right before a count) makes it the whole that another
/// count is a part of: "88 of the", "out of", "out of a total of".
fn is_denominator(before: &str) -> bool {
    let b = lexicon::fold(tail(before, 40));
    let b = b.trim_end();
    if b.ends_with("out of") || b.ends_with("out of the") || b.ends_with("out of a total of") {
        return true;
    }
    let Some(x) = b.strip_suffix(" of the").or_else(|| b.strip_suffix(" of")) else { return false };
    let last = x.rsplit(' ').next().unwrap_or("");
    !last.is_empty() && last.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%')
}

/// Words right before a count that make it the population of a place.
const POPULATION_CUES: [&str; 10] = [
    "country of",
    "nation of",
    "state of",
    "republic of",
    "city of",
    "town of",
    "region of",
    "province of",
    "population of",
    "home to",
];

/// True when `before` (the text right before a figure) ends with a population cue
/// ("this country of", "a city of some").
fn says_population(before: &str) -> bool {
    let b = lexicon::fold(tail(before, 40));
    let mut b = b.trim_end();
    for q in ["some", "about", "around", "nearly", "almost", "over", "more than", "roughly", "approximately"] {
        if let Some(x) = b.strip_suffix(q).filter(|x| x.ends_with(' ')) {
            b = x.trim_end();
            break;
        }
    }
    POPULATION_CUES.iter().any(|c| b.ends_with(c) && b.len().checked_sub(c.len() + 1).and_then(|i| b.get(i..=i)).map_or(true, |ch| ch == " "))
}

/// True when a concept can be what a population counts: nothing said, people, or the
/// place itself ("a resource-rich country of 19 million").
fn names_residents_or_place(c: &Option<Concept>) -> bool {
    match c {
        None => true,
        Some(Concept::Class(k)) => matches!(*k, "people" | "countries"),
        Some(Concept::Head(h)) => ["country", "nation", "state", "republic", "city", "town", "region", "province"].contains(&h.as_str()),
        Some(Concept::Since(_)) => false,
    }
}

/// The last word of a text, folded (`scratch` holds the folded text).
fn last_word(s: &str, scratch: &mut String) -> Option<String> {
    if s.is_ascii() && !s.contains('`') {
        // Folding ASCII only lowercases it: the last run of letters, digits and '-'.
        let b = s.as_bytes();
        let in_word = |c: &u8| c.is_ascii_alphanumeric() || *c == b'-';
        let end = b.iter().rposition(in_word)? + 1;
        let start = b.get(..end).and_then(|h| h.iter().rposition(|c| !in_word(c))).map_or(0, |p| p + 1);
        return s.get(start..end).map(str::to_ascii_lowercase);
    }
    scratch.clear();
    lexicon::fold_into(s, scratch);
    scratch.split(|c: char| !(c.is_alphanumeric() || c == '-')).rfind(|w| !w.is_empty()).map(str::to_string)
}

fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    s.get(i..).unwrap_or("")
}

fn head(s: &str, n: usize) -> &str {
    let mut i = n.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    s.get(..i).unwrap_or("")
}

/// True when the item may be a fact row at all (see module docs, step 3).
/// True when a figure's text is a fraction in words or digits ("half", "two-thirds",
/// "a quarter", "3/4"), to compare with percentages.
fn is_fraction_word(text: &str) -> bool {
    let t = lexicon::fold(text);
    const WORDS: [&str; 6] = ["half", "third", "quarter", "fifth", "tenth", "fourth"];
    t.split(|c: char| !c.is_alphanumeric()).any(|w| WORDS.iter().any(|x| w == *x || w.strip_suffix('s') == Some(x)))
        || t.split_whitespace().any(|w| {
            let mut p = w.split('/');
            matches!((p.next(), p.next(), p.next()), (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() && a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit()))
        })
}

/// True when a figure found in one document only is still worth a fact row: it has an
/// event, or a concept from the class lexicon other than plain "people" or "countries".
fn single_worthy(it: &Item) -> bool {
    match (&it.concept, &it.event) {
        // A whole given as the denominator of a part ("88 of the 150 seats").
        (_, Some(e)) if e == "total" => false,
        (_, Some(_)) => true,
        (Some(Concept::Class(c)), None) => !matches!(*c, "people" | "countries"),
        _ => false,
    }
}

fn groupable(it: &Item) -> bool {
    match (&it.concept, &it.event) {
        (None, None) => false,
        (None, Some(_)) => it.dim != "count",
        (Some(Concept::Class("people")), None) => it.dim != "count",
        (Some(_), _) => true,
    }
}

#[cfg(test)]
fn concepts_compatible(a: &Item, b: &Item) -> bool {
    if a.dim != "count" && a.words.iter().any(|w| b.words.contains(w)) {
        return true;
    }
    if a.dim != "count" && a.context.iter().filter(|w| b.context.contains(w)).count() >= 2 {
        return true;
    }
    match (&a.concept, &b.concept) {
        (Some(Concept::Class(x)), Some(Concept::Class(y))) => x == y,
        (Some(Concept::Since(x)), Some(Concept::Since(y))) => x == y,
        (Some(Concept::Head(h1)), Some(Concept::Head(h2))) => {
            let (w1, w2) = (&a.words, &b.words);
            if h1 == h2 {
                return true;
            }
            let overlap = w1.iter().filter(|w| w2.contains(w)).count();
            if a.dim == "count" {
                overlap >= 2
            } else {
                overlap >= 1
            }
        }
        (None, None) => a.dim != "count" && a.event.is_some(),
        _ => false,
    }
}

/// Clusters groupable items by (dimension, event, concept). Returns lists of item indices.
///
/// Within a key, two items join when their concepts are compatible (see
/// [`concepts_compatible`]); every rule there is a shared key (a class, a head word, one
/// shared concept word or two shared context words for measures, two shared concept words
/// for counts), so items are joined through an index of those keys, in time linear in the
/// number of items and keys, never pair by pair.
fn cluster(items: &[Item]) -> Vec<Vec<usize>> {
    cluster_with(items, PAIRWISE)
}

/// [`cluster`], joining pair by pair up to `pairwise` members of a key.
fn cluster_with(items: &[Item], pairwise: usize) -> Vec<Vec<usize>> {
    let mut by_key: BTreeMap<(usize, &str, &str), Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        if groupable(it) {
            by_key.entry((it.topic, it.dim.as_ref(), it.event.as_deref().unwrap_or(""))).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for ((_, dim, _), members) in by_key {
        let n = members.len();
        let mut parent: Vec<usize> = (0..n).collect();
        use topics::{find, union};
        let measure = dim != "count";
        if n <= pairwise {
            // Few members: each pair tested directly (the same relation as the keys below).
            for (a, &ia) in members.iter().enumerate() {
                for (b, &ib) in members.iter().enumerate().skip(a + 1) {
                    if let (Some(x), Some(y)) = (items.get(ia), items.get(ib)) {
                        if related(x, y, measure) {
                            union(&mut parent, b, a);
                        }
                    }
                }
            }
        } else {
            join_by_keys(items, &members, measure, &mut parent, union);
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for a in 0..n {
            let r = find(&mut parent, a);
            if let Some(&i) = members.get(a) {
                groups.entry(r).or_default().push(i);
            }
        }
        let mut gs: Vec<Vec<usize>> = groups.into_values().collect();
        crate::sort::by_key(&mut gs, |g| [g.first().map_or(0, |&x| int(x) + 1), 0, 0]);
        out.extend(gs);
    }
    attach_restated_people(items, &mut out);
    attach_lone_people(items, &mut out);
    attach_lone_class(items, &mut out);
    attach_eventless(items, &mut out);
    out
}

/// A count of a specific class with no event ("5,000 troops were now in the area") joins
/// the cluster of the same class with an event ("3,000 soldiers deployed") given by other
/// documents, when one such cluster has figures its value fits (or is near), else when one
/// is of those deployed: in a story about one event, troops, police or medics counted
/// without a verb are the ones the others say were sent ([`SENT_CLASSES`]). Other classes stay apart: "20,000
/// residents", "400 houses" or "200 gunmen" with no event may be anything.
fn attach_eventless(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    let class_of = |x: &Item| match x.concept {
        Some(Concept::Class(k)) if x.dim == "count" && SENT_CLASSES.contains(&k) => Some(k),
        _ => None,
    };
    // (topic, class) -> clusters with an event of that class (written, not borrowed).
    let mut targets: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
    for (cj, c) in clusters.iter().enumerate() {
        for o in c.iter().filter_map(|&j| items.get(j)) {
            if let Some(k) = class_of(o).filter(|_| o.event.is_some() && !o.inferred) {
                let v = targets.entry((o.topic, k)).or_default();
                if v.last() != Some(&cj) {
                    v.push(cj);
                }
            }
        }
    }
    if targets.is_empty() {
        return;
    }
    let docs_of = |c: &Vec<usize>| -> Vec<usize> {
        let mut d: Vec<usize> = c.iter().filter_map(|&j| items.get(j).map(|o| o.doc)).collect();
        crate::sort::plain(&mut d);
        d.dedup();
        d
    };
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        for (k, &i) in c.iter().enumerate() {
            let Some(p) = items.get(i).filter(|p| p.event.is_none() && !p.inferred) else { continue };
            let Some(cands) = class_of(p).and_then(|class| targets.get(&(p.topic, class))) else { continue };
            // Given by another document and not by this one.
            // Per open cluster: whether its figures fit this value (overlap or near), and
            // whether they were deployed.
            let open: Vec<(usize, bool, bool)> = cands
                .iter()
                .filter(|&&cj| cj != ci)
                .filter_map(|&cj| clusters.get(cj).map(|o| (cj, o)))
                .filter(|(_, o)| docs_of(o).binary_search(&p.doc).is_err())
                .map(|(cj, o)| {
                    let fits = o.iter().any(|&j| items.get(j).is_some_and(|x| x.iv.intersect(&p.iv).is_some() || near_values(x.value, p.value)));
                    let deployed = o.iter().any(|&j| items.get(j).is_some_and(|x| x.event.as_deref() == Some("deployed")));
                    (cj, fits, deployed)
                })
                .collect();
            // The one cluster whose values fit, else the one of troops deployed: "5,000
            // troops are in the area" is not "eight soldiers killed".
            let fitting: Vec<usize> = open.iter().filter(|t| t.1).map(|t| t.0).collect();
            let deployed: Vec<usize> = open.iter().filter(|t| t.2).map(|t| t.0).collect();
            let to = match (fitting.as_slice(), deployed.as_slice()) {
                ([t], _) => *t,
                ([], [t]) => *t,
                _ => continue,
            };
            moves.push((ci, k, to));
        }
    }
    move_members(clusters, &moves);
}

/// Up to this many members of a cluster key, items are joined pair by pair; beyond,
/// through an index of shared keys (linear in the number of items and keys).
const PAIRWISE: usize = 48;

/// True when two items of one cluster key share a key of [`join_by_keys`]: the same
/// concept (or, for measures, none and an event), or for measures one concept word or
/// two context words, or for head concepts of counts two concept words.
fn related(x: &Item, y: &Item, measure: bool) -> bool {
    let same_concept = match (&x.concept, &y.concept) {
        (Some(Concept::Class(a)), Some(Concept::Class(b))) => a == b,
        (Some(Concept::Head(a)), Some(Concept::Head(b))) => a == b,
        (Some(Concept::Since(a)), Some(Concept::Since(b))) => a == b,
        (None, None) => measure && x.event.is_some() && y.event.is_some(),
        _ => false,
    };
    if same_concept {
        return true;
    }
    if measure {
        return x.words.iter().any(|w| y.words.contains(w)) || crate::sort::intersection_len(&x.context, &y.context) >= 2;
    }
    let head = |i: &Item| matches!(i.concept, Some(Concept::Head(..)));
    if head(x) && head(y) {
        // Distinct concept words of `x` that `y` has.
        let shared = x.words.iter().enumerate().filter(|&(k, w)| !x.words.get(..k).is_some_and(|p| p.contains(w)) && y.words.contains(w)).count();
        return shared >= 2;
    }
    false
}


/// Joins the members of one cluster key (`members`, indexes into `items`) that share a
/// key, through a table from each key to the first member that had it.
fn join_by_keys(items: &[Item], members: &[usize], measure: bool, parent: &mut Vec<usize>, union: fn(&mut [usize], usize, usize)) {
    {
        // Key -> first member that had it; later members with the key join it.
        // Sized for every key up front (growing the table costs more than filling it).
        let n_keys: usize = members
            .iter()
            .filter_map(|&i| items.get(i))
            .map(|it| {
                let (w, c) = (it.words.len(), it.context.len());
                1 + if measure { w + c * c.saturating_sub(1) / 2 } else { w * w.saturating_sub(1) / 2 }
            })
            .sum();
        let mut first: Map<Key, usize> = HashMap::with_capacity_and_hasher(n_keys, Default::default());
        let mut join = |parent: &mut Vec<usize>, key: Key, a: usize| match first.get(&key) {
            Some(&b) => union(parent, a, b),
            None => {
                first.insert(key, a);
            }
        };
        let mut hashes: Vec<u64> = Vec::new();
        for (a, &ia) in members.iter().enumerate() {
            let Some(it) = items.get(ia) else { continue };
            match &it.concept {
                Some(Concept::Class(c)) => join(parent, Key::Class(word_hash(c)), a),
                Some(Concept::Head(h)) => join(parent, Key::Head(word_hash(h)), a),
                Some(Concept::Since(e)) => join(parent, Key::Since(word_hash(e)), a),
                None => {
                    if measure && it.event.is_some() {
                        join(parent, Key::Unnamed, a);
                    }
                }
            }
            let is_head = matches!(it.concept, Some(Concept::Head(..)));
            hashes.clear();
            hashes.extend_from_slice(&it.words);
            hashes.sort_unstable();
            hashes.dedup();
            if measure {
                // One shared concept word.
                for &w in &hashes {
                    join(parent, Key::Word(w), a);
                }
                // Two shared context words.
                let ctx = &it.context;
                for (x, &w1) in ctx.iter().enumerate() {
                    for &w2 in ctx.iter().skip(x + 1) {
                        join(parent, Key::ContextPair(w1, w2), a);
                    }
                }
            } else if is_head {
                // Two shared concept words between head concepts.
                for (x, &w1) in hashes.iter().enumerate() {
                    for &w2 in hashes.iter().skip(x + 1) {
                        join(parent, Key::HeadPair(w1, w2), a);
                    }
                }
            }
        }
    }
}

/// What two items of a cluster key may share to be joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Class(u64),
    Head(u64),
    Since(u64),
    /// Measures with no concept but an event.
    Unnamed,
    Word(u64),
    ContextPair(u64, u64),
    HeadPair(u64, u64),
}

fn word_hash(w: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FnvBuild.build_hasher();
    h.write(w.as_bytes());
    h.finish()
}

/// A count of "people" that restates, in the same document, a count of a more specific
/// living class with the same event and value ("Security forces kill 12" in a headline,
/// "killing 12 people", then "12 protesters" in the body) joins that class's cluster: it
/// is the same figure, said twice.
fn attach_restated_people(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    let specific = |x: &Item| matches!(x.concept, Some(Concept::Class(k)) if k != "people" && !NOT_LIVING.contains(&k) && k != "population");
    // (doc, event, value) -> clusters holding a specific living class with them.
    type Found = Vec<(usize, usize)>;
    let mut by_key: Map<(usize, &str, u64), Found> = Map::default();
    for (cj, c) in clusters.iter().enumerate() {
        for &j in c {
            if let Some(o) = items.get(j).filter(|o| specific(o) && o.dim == "count") {
                if let Some(e) = o.event.as_deref() {
                    by_key.entry((o.doc, e, o.value.to_bits())).or_default().push((cj, j));
                }
            }
        }
    }
    if by_key.is_empty() {
        return;
    }
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        for (k, &i) in c.iter().enumerate() {
            let Some(p) = items.get(i).filter(|p| p.concept == Some(Concept::Class("people")) && p.dim == "count") else { continue };
            let Some(e) = p.event.as_deref() else { continue };
            let Some(found) = by_key.get(&(p.doc, e, p.value.to_bits())) else { continue };
            let mut targets: Vec<usize> = found.iter().filter(|&&(cj, j)| cj != ci && items.get(j).is_some_and(|o| nested(&o.iv, &p.iv))).map(|t| t.0).collect();
            targets.dedup();
            if let [t] = targets.as_slice() {
                moves.push((ci, k, *t));
            }
        }
    }
    move_members(clusters, &moves);
}

/// Moves member `k` of cluster `from` to cluster `to`, for each `(from, k, to)` (listed
/// in the order of the clusters and members), then drops the clusters left empty.
fn move_members(clusters: &mut Vec<Vec<usize>>, moves: &[(usize, usize, usize)]) {
    for &(from, k, to) in moves {
        let Some(&i) = clusters.get(from).and_then(|c| c.get(k)) else { continue };
        if let Some(t) = clusters.get_mut(to) {
            t.push(i);
        }
    }
    for &(from, k, _) in moves.iter().rev() {
        if let Some(c) = clusters.get_mut(from) {
            if k < c.len() {
                c.remove(k);
            }
        }
    }
    clusters.retain(|c| !c.is_empty());
}

/// A count of plain "people" given by one document only ("more than 1,000 people were
/// injured") joins the one cluster of a more specific living class with the same event
/// whose figures in other documents allow its value ("more than a thousand protesters
/// injured") or come near it ([`near_values`]: "12 people killed", "15 protesters
/// killed"), when exactly one such cluster exists or one's value is clearly the nearest
/// (judged on figures whose concept is written, not borrowed from context, unless the
/// count's own is borrowed too); else it stays alone.
fn attach_lone_people(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    // People written or left unnamed ("wounding dozens"): both are the victims the
    // other sources name more precisely.
    let is_people = |i: usize| items.get(i).is_some_and(|x| x.concept == Some(Concept::Class("people")) && x.event.is_some());
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        if c.is_empty() || !c.iter().all(|&i| is_people(i)) {
            continue;
        }
        let docs: Vec<usize> = c.iter().filter_map(|&i| items.get(i).map(|x| x.doc)).collect();
        if docs.iter().any(|d| Some(d) != docs.first()) {
            continue;
        }
        let Some(p) = c.first().and_then(|&i| items.get(i)) else { continue };
        let fits = |o: &Item| {
            o.doc != p.doc
                && o.topic == p.topic
                && (!o.inferred || p.inferred)
                && o.dim == p.dim
                && o.event == p.event
                && matches!(o.concept, Some(Concept::Class(k)) if k != "people" && !NOT_LIVING.contains(&k))
                && (o.iv.intersect(&p.iv).is_some() || near_values(o.value, p.value))
        };
        // Each candidate cluster with the relative distance of its nearest fitting value.
        let targets: Vec<(usize, f64)> = clusters
            .iter()
            .enumerate()
            .filter(|(cj, _)| *cj != ci)
            .filter_map(|(cj, other)| {
                let d = other
                    .iter()
                    .filter_map(|&j| items.get(j))
                    .filter(|o| fits(o))
                    .map(|o| rel_gap(o.value, p.value))
                    .fold(f64::INFINITY, f64::min);
                d.is_finite().then_some((cj, d))
            })
            .collect();
        // One candidate; or, of several ("more than 1,000 people injured" fits both "more
        // than a thousand protesters" and "more than 700 officers"), the one whose value
        // is clearly the nearest (at most half the distance of any other).
        let best = targets.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((t, d)) = best {
            if targets.iter().all(|&(cj, e)| cj == t || d <= 0.5 * e) {
                moves.push((ci, t));
            }
        }
    }
    for (from, to) in moves {
        let moved = clusters.get_mut(from).map(std::mem::take).unwrap_or_default();
        if let Some(t) = clusters.get_mut(to) {
            t.extend(moved);
        }
    }
    clusters.retain(|c| !c.is_empty());
}

/// The other way round from [`attach_lone_people`]: a count of a specific living class
/// given by one document only ("more than 300 demonstrators arrested") joins the one
/// cluster of people with the same event written by other documents ("350 people
/// detained", "280 people arrested") when its value fits one of them and its document
/// gives no count of people for that event (then the two would be a part and a total).
/// Counts that name no one ("200,000 stranded") stand for people the same way.
fn attach_lone_class(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    let living = |x: &Item| matches!(x.concept, Some(Concept::Class(k)) if k != "people" && k != "population" && !NOT_LIVING.contains(&k));
    let written_people = |x: &Item| x.concept == Some(Concept::Class("people")) && !x.inferred;
    // ("200,000 stranded", "roughly 150,000 stranded": counts that name no one are the
    // people the lone class names, when none of them is written as people.)
    let all_unnamed = |c: &Vec<usize>| c.iter().all(|&j| items.get(j).is_some_and(|o| o.inferred));
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        let Some(p) = c.first().and_then(|&i| items.get(i)) else { continue };
        if p.event.is_none() || p.dim != "count" || !c.iter().all(|&i| items.get(i).is_some_and(|x| x.doc == p.doc && living(x) && !x.inferred)) {
            continue;
        }
        let targets: Vec<usize> = clusters
            .iter()
            .enumerate()
            .filter(|(cj, other)| {
                *cj != ci
                    && !other.iter().any(|&j| items.get(j).is_some_and(|o| o.doc == p.doc))
                    && other.iter().all(|&j| items.get(j).is_some_and(|o| o.topic == p.topic && o.dim == p.dim && o.event == p.event && o.concept == Some(Concept::Class("people"))))
                    && other.iter().any(|&j| items.get(j).is_some_and(|o| (written_people(o) || all_unnamed(other)) && c.iter().any(|&i| items.get(i).is_some_and(|x| x.iv.intersect(&o.iv).is_some()))))
            })
            .map(|(cj, _)| cj)
            .collect();
        if let [t] = targets.as_slice() {
            moves.push((ci, *t));
        }
    }
    for (from, to) in moves {
        let moved = clusters.get_mut(from).map(std::mem::take).unwrap_or_default();
        if let Some(t) = clusters.get_mut(to) {
            t.extend(moved);
        }
    }
    clusters.retain(|c| !c.is_empty());
}

/// Splits a cluster into facts with at most one figure per document (plus repeats and
/// time-ordered updates of it). See module docs, step 4.
fn split_per_doc(items: &[Item], members: &[usize]) -> Vec<Vec<usize>> {
    let mut remaining: Vec<usize> = members.to_vec();
    let mut facts = Vec::new();
    // Bounded work on huge inputs: at most MAX_ROUNDS facts per cluster, and the primary
    // figure of a document chosen among its first MAX_CANDIDATES.
    const MAX_ROUNDS: usize = 100;
    const MAX_CANDIDATES: usize = 200;
    // Up to this many documents, overlaps are counted pair by pair; beyond, through
    // sorted bounds (near-linear).
    const EXACT_DOCS: usize = 24;
    let mut taken: Map<usize, ()> = Map::default();
    while !remaining.is_empty() && facts.len() < MAX_ROUNDS {
        let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &remaining {
            if let Some(it) = items.get(i) {
                by_doc.entry(it.doc).or_default().push(i);
            }
        }
        let sweep = (by_doc.len() > EXACT_DOCS).then(|| Overlaps::new(items, &by_doc));
        let mut fact: Vec<usize> = Vec::new();
        // Each document's primary figure and the range of `fact` it and its repeats take.
        let mut groups: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut primaries: Vec<usize> = Vec::with_capacity(by_doc.len());
        for (doc, cands) in &by_doc {
            // Overlaps with other documents first; then a written concept, a class more
            // specific than people, the value nearest another document's (so that when
            // figures conflict, "44 seats" is set against "45 seats", not "87 seats"),
            // and the first.
            type Score = (usize, bool, bool, std::cmp::Reverse<u64>, std::cmp::Reverse<usize>);
            let score = |i: usize| -> Score {
                let Some(it) = items.get(i) else { return (0, false, false, std::cmp::Reverse(u64::MAX), std::cmp::Reverse(usize::MAX)) };
                let (overlaps, nearest) = match &sweep {
                    Some(sw) => (sw.other_docs(&it.round, *doc), 0.0),
                    None => {
                        let others = || by_doc.iter().filter(|(d, _)| *d != doc);
                        let overlaps = others().filter(|(_, os)| os.iter().any(|&o| items.get(o).is_some_and(|x| x.round.intersect(&it.round).is_some()))).count();
                        let nearest = others()
                            .flat_map(|(_, os)| os.iter().filter_map(|&o| items.get(o)))
                            .map(|x| rel_gap(x.value, it.value))
                            .fold(f64::INFINITY, f64::min);
                        (overlaps, nearest)
                    }
                };
                let specific = !matches!(it.concept, Some(Concept::Class("people")));
                let near = if nearest.is_finite() { (nearest * 1e9).min(u64::MAX as f64) as u64 } else { u64::MAX };
                (overlaps, !it.inferred, specific, std::cmp::Reverse(near), std::cmp::Reverse(it.start))
            };
            let primary = match cands.as_slice() {
                [only] => *only,
                _ => match cands.iter().take(MAX_CANDIDATES).max_by_key(|&&i| score(i)) {
                    Some(&p) => p,
                    None => continue,
                },
            };
            primaries.push(primary);
        }
        // Each document chose on its own; a document whose choice overlaps fewer of the
        // others' choices than another of its figures does takes that one instead (one
        // outlet's "41.2%" for a party, not its "28.9%" for another, when the others'
        // choices say 41).
        if sweep.is_none() && primaries.len() >= 3 {
            let chosen = primaries.clone();
            for (slot, cands) in primaries.iter_mut().zip(by_doc.values()) {
                if cands.len() < 2 {
                    continue;
                }
                let mut best = (fit_count(items, &chosen, *slot), *slot);
                for &i in cands.iter().take(MAX_CANDIDATES) {
                    let n = fit_count(items, &chosen, i);
                    if n > best.0 {
                        best = (n, i);
                    }
                }
                *slot = best.1;
            }
        }
        for (&primary, cands) in primaries.iter().zip(by_doc.values()) {
            let Some(p) = items.get(primary) else { continue };
            let from = fact.len();
            fact.push(primary);
            for &c in cands {
                if c == primary {
                    continue;
                }
                let Some(it) = items.get(c) else { continue };
                // Another figure of the same document stays in the fact only when it
                // states the same thing: a repeat, a restatement that allows the same
                // value (a headline's "dozens" or "15" for the body's "at least 15"), or
                // an update at another time; and it names the same thing (the cluster may
                // join different things through a third: "profit climbed to $1.2bn
                // while revenue reached $8.4bn" is two facts).
                let repeat = it.iv.identical(&p.iv);
                let restated = nested(&it.iv, &p.iv) || (is_vague(it) || is_vague(p)) && it.iv.intersect(&p.iv).is_some();
                let timed = match (it.time, p.time) {
                    (Some(a), Some(b)) => a.scale == b.scale && (a.pos - b.pos).abs() >= 0.2,
                    _ => false,
                };
                // (The same value said twice in one document, in one cluster, is one figure
                // said twice — a headline and its body — whatever nouns the two name.)
                if repeat || (restated || timed || it.update || p.update) && same_thing(it, p) {
                    fact.push(c);
                }
            }
            groups.push((primary, from..fact.len()));
        }
        // The documents' figures must name the same thing directly, not through a third
        // figure of the cluster (a chain of shared words can join a food price to a bank
        // rate): the largest set of documents whose figures are related (directly or
        // through each other's) is kept, the others wait for the next round.
        if sweep.is_none() && groups.len() >= 2 {
            let n = groups.len();
            let mut parent: Vec<usize> = (0..n).collect();
            // Two documents' figures are related when any of the one's (its primary and
            // repeats: a headline may name less than its body) is to any of the other's.
            let members = |g: usize| groups.get(g).and_then(|(_, r)| fact.get(r.clone())).unwrap_or(&[]).iter().filter_map(|&i| items.get(i));
            for a in 0..n {
                for b in a + 1..n {
                    if members(a).any(|x| members(b).any(|y| same_thing(x, y) || related(x, y, x.dim != "count"))) {
                        topics::union(&mut parent, b, a);
                    }
                }
            }
            let roots: Vec<usize> = (0..n).map(|a| topics::find(&mut parent, a)).collect();
            let size = |r: usize| roots.iter().filter(|&&x| x == r).count();
            // The largest component; the first on ties.
            let best = roots.iter().copied().max_by_key(|&r| (size(r), std::cmp::Reverse(r))).unwrap_or(0);
            if size(best) < n {
                let keep: Vec<usize> = groups
                    .iter()
                    .zip(&roots)
                    .filter(|(_, &r)| r == best)
                    .flat_map(|((_, range), _)| fact.get(range.clone()).unwrap_or(&[]).to_vec())
                    .collect();
                fact = keep;
            }
        }
        groups.clear();
        if fact.is_empty() {
            break;
        }
        crate::sort::by_key(&mut fact, |&i| items.get(i).map_or([0; 3], |x| [int(x.doc) + 1, x.start as u64, 0]));
        taken.clear();
        taken.extend(fact.iter().map(|&i| (i, ())));
        remaining.retain(|i| !taken.contains_key(i));
        facts.push(fact);
    }
    facts
}

/// How far apart two values are, relative to the larger in size (at least 1): 0 when
/// equal, near 1 when one is tiny beside the other.
fn rel_gap(a: f64, b: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(1.0)
}

/// True when two counts are within a quarter of the larger of each other ("12 people
/// killed" and "15 protesters killed" may be one toll told by two sources; "20 people" and
/// "3 police" may not).
fn near_values(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.25 * a.abs().max(b.abs())
}

/// True when `a` is plain people and `b` a more specific class of living beings.
fn living_pair(a: &str, b: &str) -> bool {
    a == "people" && b != "population" && !NOT_LIVING.contains(&b)
}

/// True when one interval lies inside the other (bounds included as they are).
fn nested(a: &Interval, b: &Interval) -> bool {
    a.intersect(b).is_some_and(|x| x.identical(a) || x.identical(b))
}

/// True for a vague count: a band both ends of which are given ("dozens", "hundreds",
/// "about 300").
fn is_vague(it: &Item) -> bool {
    matches!((it.iv.lo, it.iv.hi), (Some(l), Some(h)) if h > l)
}

/// True when two items of one cluster name the same thing themselves (not through a
/// third): the same class, head or anchor, a concept borrowed from that class, or for
/// measures one shared concept word.
fn same_thing(a: &Item, b: &Item) -> bool {
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

/// Counts, for a query interval, the other documents whose figures overlap it, through
/// sorted bounds: each document's intervals are merged into disjoint segments, and the
/// segments that overlap a query are all those minus the ones ending before it and the
/// ones starting after it (bounds taken as closed). Used for clusters of many documents.
struct Overlaps {
    /// Segment lower bounds, sorted (-inf when open).
    los: Vec<f64>,
    /// Segment upper bounds, sorted (+inf when open).
    his: Vec<f64>,
    /// Each document's segments.
    per_doc: Map<usize, Vec<(f64, f64)>>,
}

impl Overlaps {
    fn new(items: &[Item], by_doc: &BTreeMap<usize, Vec<usize>>) -> Self {
        let mut los = Vec::new();
        let mut his = Vec::new();
        let mut per_doc = Map::default();
        for (&doc, members) in by_doc {
            let mut segs: Vec<(f64, f64)> = members.iter().filter_map(|&i| items.get(i)).map(|it| bounds(&it.round)).collect();
            crate::sort::by_key(&mut segs, |a| [float(a.0), 0, 0]);
            let mut merged: Vec<(f64, f64)> = Vec::with_capacity(segs.len());
            for (lo, hi) in segs {
                match merged.last_mut() {
                    Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                    _ => merged.push((lo, hi)),
                }
            }
            for &(lo, hi) in &merged {
                los.push(lo);
                his.push(hi);
            }
            per_doc.insert(doc, merged);
        }
        crate::sort::floats(&mut los);
        crate::sort::floats(&mut his);
        Overlaps { los, his, per_doc }
    }

    fn other_docs(&self, iv: &Interval, doc: usize) -> usize {
        let (lo, hi) = bounds(iv);
        let ending_before = self.his.partition_point(|&h| h < lo);
        let starting_after = self.los.len() - self.los.partition_point(|&l| l <= hi);
        let all = self.los.len().saturating_sub(ending_before + starting_after);
        let own = self.per_doc.get(&doc).map(|v| v.iter().filter(|&&(l, h)| h >= lo && l <= hi).count()).unwrap_or(0);
        all.saturating_sub(own)
    }
}

/// An interval's bounds as closed numbers (open ends infinite).
fn bounds(iv: &Interval) -> (f64, f64) {
    (iv.lo.unwrap_or(f64::NEG_INFINITY), iv.hi.unwrap_or(f64::INFINITY))
}

/// How a note names a document; [`crate::analyze`] replaces it with the document's name.
pub fn source_name(doc: usize) -> String {
    let mut s = String::with_capacity(10);
    push_source_name(&mut s, doc);
    s
}

/// Appends [`source_name`] of `doc` to `out`.
fn push_source_name(out: &mut String, doc: usize) {
    out.push_str("Source ");
    push_uint(out, doc + 1);
}

/// Appends the decimal digits of `n` to `out` (without the formatter).
fn push_uint(out: &mut String, n: usize) {
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

fn short_text(f: Option<&Figure>) -> String {
    let mut s = String::new();
    push_short_text(&mut s, f);
    s
}

/// Appends a figure's text with its whitespace collapsed, cut to 57 characters and "…"
/// when longer than 60.
fn push_short_text(out: &mut String, f: Option<&Figure>) {
    let t = f.map(|f| f.text.trim()).unwrap_or("");
    // ASCII text whose only whitespace is single spaces is its own collapsed form.
    if t.len() <= 60 && t.bytes().all(|b| b.is_ascii() && (b == b' ' || !char::from(b).is_whitespace())) && !t.contains("  ") {
        out.push_str(t);
        return;
    }
    let from = out.len();
    for (k, w) in t.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    let added = out.get(from..).unwrap_or("");
    if added.len() > 60 && added.chars().count() > 60 {
        let cut = added.char_indices().nth(57).map_or(added.len(), |(i, _)| i);
        out.truncate(from + cut);
        out.push('…');
    }
}

/// Sum of intervals (counts: a missing lower bound counts as 0).
fn sum_intervals(ivs: &[Interval]) -> Interval {
    let mut lo = Some(0.0);
    let mut hi = Some(0.0);
    let (mut lo_inc, mut hi_inc) = (true, true);
    for i in ivs {
        lo = lo.map(|a| a + i.lo.unwrap_or(0.0).max(0.0));
        lo_inc &= i.lo.is_none() || i.lo_inc;
        hi = match (hi, i.hi) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        hi_inc &= i.hi_inc;
    }
    Interval { lo, hi, lo_inc, hi_inc: hi_inc || hi.is_none() }
}

/// Computes status, consensus, outliers, time order and the note of one fact.
fn judge(items: &[Item], members: &[usize], figures: &[Figure], doc_runs: &Map<usize, std::ops::Range<usize>>) -> Fact {
    let its: Vec<&Item> = members.iter().filter_map(|&i| items.get(i)).collect();
    let mut ivs: Vec<Interval> = its.iter().map(|i| i.round).collect();
    // The figures the status is judged on (parallel to `ivs` and `groups`).
    let mut judged: Vec<&Item> = its.clone();
    let mut groups: Vec<usize> = its.iter().map(|i| i.doc).collect();
    let n_docs = doc_count(items, members);
    let fig = |it: &Item| figures.get(it.idx);
    let integral = its.first().is_some_and(|i| i.dim == "count");

    // Parts and totals (step 7).
    let mut parts_note = String::new();
    if n_docs >= 2 && integral && intersect_all_ok(&ivs).is_none() {
        for (ti, t) in its.iter().enumerate() {
            if !t.total_cue {
                continue;
            }
            for (pi, p) in its.iter().enumerate() {
                if p.doc == t.doc || pi == ti {
                    continue;
                }
                let run = doc_runs.get(&p.doc).cloned().unwrap_or(0..0);
                let parts: Vec<&Item> = items
                    .get(run)
                    .unwrap_or(&[])
                    .iter()
                    .filter(|o| {
                        o.doc == p.doc
                            && o.dim == p.dim
                            && o.event == p.event
                            && o.event.is_some()
                            && o.sentence.abs_diff(p.sentence) <= 1
                            && (o.idx == p.idx || o.concept != p.concept || matches!(o.concept, Some(Concept::Head(_))) && o.words != p.words)
                    })
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let sum = sum_intervals(&parts.iter().map(|o| o.iv).collect::<Vec<_>>());
                if sum.intersect(&t.iv).is_some() {
                    if let Some(slot) = ivs.get_mut(pi) {
                        *slot = sum;
                    }
                    let list: Vec<String> = parts.iter().map(|o| fmt_num(o.value)).collect();
                    parts_note = format!(
                        " {} gives parts ({}) that add up to the total in {}.",
                        source_name(p.doc),
                        list.join(" + "),
                        source_name(t.doc)
                    );
                }
            }
        }
    }

    // A figure its own source updates at a later named time ("39 percent" at 23:30
    // Sunday, "41 percent" on Monday) is superseded: the status is judged without it.
    let superseded: Vec<bool> = if n_docs >= 2 && its.len() <= 64 { its.iter().map(|i| superseded_in(i, &its)).collect() } else { Vec::new() };
    if superseded.contains(&true) && superseded.contains(&false) {
        drop_marked(&mut judged, &superseded);
        drop_marked(&mut ivs, &superseded);
        drop_marked(&mut groups, &superseded);
    }
    // Agreement is judged on the figures as written (before rounding is granted), unless
    // parts replaced a figure.
    let all_identical = if parts_note.is_empty() {
        judged.windows(2).all(|w| matches!(w, [a, b] if a.iv.identical(&b.iv)))
    } else {
        ivs.windows(2).all(|w| matches!(w, [a, b] if a.identical(b)))
    };
    let common = intersect_all_ok(&ivs);
    let mut status = if n_docs < 2 {
        Status::Single
    } else if all_identical {
        Status::Agree
    } else if common.is_some() {
        Status::Consistent
    } else {
        Status::Conflict
    };
    let (mut consensus_iv, mut outliers) = match status {
        Status::Conflict => match interval::best_cover(&ivs, &groups) {
            Some((docs_in, members_in)) => {
                let sel: Vec<Interval> = members_in.iter().filter_map(|&i| ivs.get(i).copied()).collect();
                let mut outl: Vec<usize> = groups.iter().copied().filter(|d| !docs_in.contains(d)).collect();
                crate::sort::plain(&mut outl);
                outl.dedup();
                (interval::intersect_all(&sel), outl)
            }
            None => (None, Vec::new()),
        },
        _ => (common, Vec::new()),
    };

    // Time (step 6).
    let on_scale = |s: u8| its.iter().filter(|i| i.time.is_some_and(|t| t.scale == s)).count();
    let scale = if on_scale(0) >= on_scale(1) { 0 } else { 1 };
    let mut times: Vec<f64> = its.iter().filter_map(|i| i.time.filter(|t| t.scale == scale).map(|t| t.pos)).collect();
    crate::sort::floats(&mut times);
    times.dedup_by(|a, b| (*a - *b).abs() < 0.2);
    // One dated report against undated ones: when the undated figures agree among
    // themselves and the dated ones all lie below them (or all above), the dated ones are
    // read as an earlier report of a tally.
    let is_dated = |i: &Item| i.time.is_some_and(|t| t.scale == scale);
    // (Only for counts: tallies grow as they are updated; a measure such as a wind speed
    // or a price is not a tally.)
    let split_by_time = status == Status::Conflict && integral && {
        let dated = || judged.iter().filter(|i| is_dated(i)).map(|i| i.value);
        let undated = || judged.iter().filter(|i| !is_dated(i)).map(|i| i.value);
        let undated_agree = interval::intersect_all(&judged.iter().zip(ivs.iter()).filter(|(i, _)| !is_dated(i)).map(|(_, v)| *v).collect::<Vec<_>>()).is_some();
        undated_agree
            && dated().next().is_some()
            && undated().next().is_some()
            && (dated().all(|d| undated().all(|u| d < u)) || dated().all(|d| undated().all(|u| d > u)))
    };
    let changing = n_docs + its.len() > 2
        && !all_identical
        && (times.len() >= 2 || split_by_time || (its.iter().any(|i| i.update) && its.len() >= 2));
    // A tally reported at two or more named times whose figures only rise with time (and
    // agree at any one time) is not a conflict: each source was right when it reported.
    // The consensus is then what the latest reports allow. (One dated figure against
    // undated ones is only a guess at the order: it stays a conflict.)
    let explained_by_time = changing && status == Status::Conflict && integral && times.len() >= 2 && its.len() <= 64 && rises_with_time(&judged, &ivs, scale);
    if explained_by_time {
        status = Status::Consistent;
        let latest = judged.iter().filter_map(|i| i.time.filter(|t| t.scale == scale).map(|t| t.pos)).fold(f64::NEG_INFINITY, f64::max);
        let last: Vec<Interval> = judged.iter().zip(ivs.iter()).filter(|(i, _)| i.time.is_some_and(|t| t.scale == scale && (t.pos - latest).abs() < 0.2)).map(|(_, v)| *v).collect();
        consensus_iv = interval::intersect_all(&last);
        outliers.clear();
    }
    let mut timeline: Vec<usize> = Vec::new();
    if changing {
        // Timed figures by value, with the latest time among those up to each value.
        let mut timed: Vec<(f64, f64)> = its.iter().filter_map(|i| i.time.filter(|t| t.scale == scale).map(|t| (i.value, t.pos + 0.01))).collect();
        crate::sort::by_key(&mut timed, |a| [float(a.0), 0, 0]);
        let mut run_max = f64::NEG_INFINITY;
        for t in &mut timed {
            run_max = run_max.max(t.1);
            t.1 = run_max;
        }
        let mut keyed: Vec<(f64, f64, usize, usize)> = its
            .iter()
            .map(|i| {
                let k = match i.time.filter(|t| t.scale == scale) {
                    Some(t) => t.pos,
                    None => match timed.partition_point(|(v, _)| *v <= i.value) {
                        0 => f64::NEG_INFINITY,
                        n => timed.get(n - 1).map(|t| t.1).unwrap_or(f64::NEG_INFINITY),
                    },
                };
                (k, i.value, i.start, i.id)
            })
            .collect();
        crate::sort::by_key(&mut keyed, |a| [float(a.0), float(a.1), int(a.2)]);
        timeline = keyed.into_iter().map(|k| k.3).collect();
    }

    // Label.
    let event = its.iter().find_map(|i| i.event.clone());
    let label = make_label(&its, event.as_deref(), figures);
    let dim: &str = its.first().map_or("", |i| i.dim.as_ref());
    let unit = if dim == "count" {
        let unit_of = |i: &&Item| fig(i).and_then(|f| f.unit.as_deref());
        match its.first().map(unit_of) {
            Some(Some(u)) if its.iter().all(|i| unit_of(i) == Some(u)) => Some(u.to_string()),
            _ => None,
        }
    } else {
        Some(dim.to_string())
    };

    // Note.
    // "Source 1: a, b (when); Source 2: c", written into one string.
    // A figure a source repeats word for word is listed once with a count ("two days
    // (×3)"): a long page can repeat one figure thousands of times.
    let mut listing = String::with_capacity(48 * its.len() + 64);
    let mut last_doc = usize::MAX;
    let (mut piece, mut prev_piece) = (String::new(), String::new());
    let mut repeats = 0usize;
    let flush = |listing: &mut String, repeats: &mut usize| {
        if *repeats > 0 {
            listing.push_str(" (×");
            push_uint(listing, *repeats + 1);
            listing.push(')');
            *repeats = 0;
        }
    };
    for (k, it) in its.iter().enumerate() {
        piece.clear();
        push_short_text(&mut piece, fig(it));
        if let Some(t) = fig(it).and_then(|f| f.time.as_deref()) {
            piece.push_str(" (");
            piece.push_str(t.trim());
            piece.push(')');
        }
        if it.doc == last_doc && piece == prev_piece {
            repeats += 1;
            continue;
        }
        flush(&mut listing, &mut repeats);
        if it.doc == last_doc {
            listing.push_str(", ");
        } else {
            if k > 0 {
                listing.push_str("; ");
            }
            push_source_name(&mut listing, it.doc);
            listing.push_str(": ");
        }
        listing.push_str(&piece);
        std::mem::swap(&mut piece, &mut prev_piece);
        last_doc = it.doc;
    }
    flush(&mut listing, &mut repeats);
    // Temperatures are judged in Celsius; they are described in the unit of the first
    // source that gives one, the other in brackets ("more than 100 °F (37.8 °C)").
    let fahrenheit_first = (dim == "celsius").then(|| its.first().and_then(|i| fig(i)).is_some_and(|f| f.unit.as_deref() == Some("fahrenheit")));
    let any_fahrenheit = its.iter().any(|i| fig(i).is_some_and(|f| f.unit.as_deref() == Some("fahrenheit")));
    let allow = |iv: &Interval| match fahrenheit_first {
        Some(f_first) => describe_temperature(iv, f_first, any_fahrenheit),
        None => describe(iv, integral),
    };
    let mut note = match status {
        Status::Single => {
            let mut n = String::with_capacity(listing.len() + 32);
            n.push_str("Only ");
            push_source_name(&mut n, its.first().map(|i| i.doc).unwrap_or(0));
            n.push_str(" gives this figure: ");
            n.push_str(listing.split_once(": ").map(|x| x.1).unwrap_or(&listing));
            n.push('.');
            n
        }
        Status::Agree => listing + " — agree.",
        Status::Consistent if explained_by_time => {
            let mut n = listing;
            n.push_str(" — consistent over time: later reports give higher figures, none contradicts another of its time");
            if let Some(c) = &consensus_iv {
                n.push_str(" (latest: ");
                n.push_str(&allow(c));
                n.push(')');
            }
            n.push('.');
            n
        }
        Status::Consistent => match &common {
            Some(c) => {
                let mut n = listing;
                n.push_str(" — consistent (all allow ");
                n.push_str(&allow(c));
                n.push_str(").");
                n
            }
            None => listing + " — consistent.",
        },
        Status::Conflict => {
            if outliers.is_empty() {
                listing + " — conflict: no value fits all sources, and no majority agrees on one."
            } else {
                let names: Vec<String> = outliers.iter().map(|&d| source_name(d)).collect();
                let cons = consensus_iv.as_ref().map(allow).unwrap_or_else(|| "no common value".to_string());
                format!(
                    "{listing} — conflict: {} {} outside what the others allow ({}).",
                    names.join(" and "),
                    if names.len() == 1 { "is" } else { "are" },
                    cons
                )
            }
        }
    };
    note.push_str(&parts_note);
    let verdict = verdict::verdict(&verdict::Judged { its: &its, figures, status, outliers: &outliers, consensus: consensus_iv.as_ref(), over_time: explained_by_time, changing, parts: &parts_note, describe: &allow });
    if changing {
        let by_id: Map<usize, &Item> = its.iter().map(|i| (i.id, *i)).collect();
        // One step per value: the same number said again (a headline and its body, two
        // outlets) is shown once, by its first wording with a time if any.
        let ordered: Vec<&Item> = timeline.iter().filter_map(|&id| by_id.get(&id).copied()).collect();
        let mut steps: Vec<String> = Vec::new();
        let mut k = 0;
        while let Some(first) = ordered.get(k) {
            let run_len = ordered.get(k..).unwrap_or(&[]).iter().take_while(|i| interval::same(i.value, first.value)).count().max(1);
            let run = ordered.get(k..k + run_len).unwrap_or(&[]);
            let shown = run.iter().find(|i| fig(i).is_some_and(|f| f.time.is_some())).unwrap_or(first);
            let t = short_text(fig(shown));
            steps.push(match fig(shown).and_then(|f| f.time.as_deref()) {
                Some(w) => format!("{t} ({})", w.trim()),
                None => t,
            });
            k += run_len;
        }
        note.push_str(&format!(" Reported at different times, the figure changes: {}.", steps.join(" → ")));
    }

    let mut sorted: Vec<&Item> = its.clone();
    crate::sort::by_key(&mut sorted, |i| [int(i.doc), i.start as u64, 0]);
    Fact {
        id: 0,
        label,
        event,
        unit,
        bounds: sorted.iter().map(|i| [i.iv.lo, i.iv.hi]).collect(),
        figures: sorted.iter().map(|i| i.id).collect(),
        status,
        consensus: consensus_iv.map(|c| [c.lo, c.hi]),
        outliers,
        changing,
        timeline,
        note,
        verdict,
    }
}

/// Drops the entries of `v` whose position `drop` marks (parallel lists are filtered alike).
fn drop_marked<T>(v: &mut Vec<T>, drop: &[bool]) {
    let mut k = 0;
    v.retain(|_| {
        let keep = !drop.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
}

/// True when `it` has a named time and another figure of its document in `its` a later one.
#[inline(never)]
fn superseded_in(it: &Item, its: &[&Item]) -> bool {
    let Some(t) = it.time else { return false };
    its.iter().any(|j| j.doc == it.doc && j.time.is_some_and(|u| u.scale == t.scale && u.pos >= t.pos + 0.2))
}

/// How many of the figures `chosen` (of other documents) overlap figure `i`.
#[inline(never)]
fn fit_count(items: &[Item], chosen: &[usize], i: usize) -> usize {
    let Some(it) = items.get(i) else { return 0 };
    chosen.iter().filter_map(|&c| items.get(c)).filter(|c| c.doc != it.doc && c.round.intersect(&it.round).is_some()).count()
}

/// True when the figures of a fact (intervals `ivs`, parallel to `its`) fit a tally that
/// only rises with time on time scale `scale`: figures of one time overlap, no earlier
/// figure lies wholly above a later one, and every undated figure overlaps a dated one.
#[inline(never)]
fn rises_with_time(its: &[&Item], ivs: &[Interval], scale: u8) -> bool {
    let timed: Vec<(f64, &Interval)> = its.iter().zip(ivs).filter_map(|(i, v)| i.time.filter(|t| t.scale == scale).map(|t| (t.pos, v))).collect();
    let pairs_ok = timed.iter().all(|(pa, a)| {
        timed.iter().all(|(pb, b)| {
            let apart = a.intersect(b).is_none();
            if (pa - pb).abs() < 0.2 {
                !apart
            } else {
                !(pa < pb && apart && bounds(a).0 >= bounds(b).1)
            }
        })
    });
    pairs_ok
        && its.iter().zip(ivs).filter(|(i, _)| !i.time.is_some_and(|t| t.scale == scale)).all(|(_, v)| timed.iter().any(|(_, t)| v.intersect(t).is_some()))
}

/// A temperature interval held in Celsius, described for a reader: at most one decimal
/// (whole degrees stay whole), in Fahrenheit first when `fahrenheit_first`, with the other
/// scale in brackets when any source wrote Fahrenheit: "104 °F (40 °C)", "37.8–40 °C".
#[inline(never)]
fn describe_temperature(iv: &Interval, fahrenheit_first: bool, any_fahrenheit: bool) -> String {
    let tenth = |x: f64| (x * 10.0).round() / 10.0;
    let shown = |to_f: bool| {
        let conv = |x: f64| tenth(if to_f { x * 9.0 / 5.0 + 32.0 } else { x });
        let mut d = describe(&Interval { lo: iv.lo.map(conv), hi: iv.hi.map(conv), ..*iv }, false);
        d.push_str(if to_f { " °F" } else { " °C" });
        d
    };
    let mut first = shown(fahrenheit_first);
    if any_fahrenheit {
        first.push_str(" (");
        first.push_str(&shown(!fahrenheit_first));
        first.push(')');
    }
    first
}

fn intersect_all_ok(ivs: &[Interval]) -> Option<Interval> {
    interval::intersect_all(ivs)
}

/// The label of a measure whose concept is not in the class lexicon: among the concepts
/// and the words the figures are about ("net profit", "Norvex Corp", "Chipmaker Norvex"),
/// the phrase whose last word the most figures name, preferring a common noun (a word
/// written in lower case somewhere, as "profit" in "Norvex profit") to a name, then the
/// fewest capitalised words, then the shortest: "net profit". At most five words.
fn measure_label(its: &[&Item], figures: &[Figure]) -> String {
    let texts: Vec<Vec<&str>> = its
        .iter()
        .filter_map(|i| figures.get(i.idx))
        .map(|f| [f.concept.trim(), f.about.trim()].into_iter().filter(|t| !t.is_empty()).collect())
        .collect();
    // Each figure's words as lemmas, once; and the words written in lower case somewhere.
    let words = |t: &str| t.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).map(|w| lexicon::lemma(&lexicon::fold(w))).collect::<Vec<String>>();
    let lemmas: Vec<Vec<String>> = texts.iter().map(|ts| ts.iter().flat_map(|t| words(t)).collect()).collect();
    let lower: Vec<&str> = texts.iter().flatten().flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-')).filter(|w| !w.is_empty() && !w.chars().any(char::is_uppercase)).collect();
    type Key = (bool, usize, std::cmp::Reverse<usize>, std::cmp::Reverse<usize>);
    let mut best: Option<(Key, &str)> = None;
    for t in texts.iter().flatten() {
        let Some(w) = t.rsplit(|c: char| !c.is_alphanumeric() && c != '-').find(|w| !w.is_empty()) else { continue };
        let lw = lexicon::lemma(&lexicon::fold(w));
        let support = lemmas.iter().filter(|ls| ls.contains(&lw)).count();
        let common = lower.iter().any(|x| x.eq_ignore_ascii_case(w)) && !is_verb_like(w);
        let caps = t.split_whitespace().filter(|x| x.chars().next().is_some_and(char::is_uppercase)).count();
        let key = (common, support, std::cmp::Reverse(caps), std::cmp::Reverse(t.len()));
        if best.as_ref().map_or(true, |(k, _)| key > *k) {
            best = Some((key, t));
        }
    }
    best.map(|(_, t)| lexicon::fold(t).split_whitespace().take(5).collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

/// True for a word that ends a clause rather than names a thing ("won", "rose",
/// "slowed", "said"): the extractor sometimes leaves the verb in a measure's concept
/// ("Renewal Party won").
fn is_verb_like(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    const VERBS: [&str; 22] = [
        "won", "took", "got", "was", "were", "is", "are", "has", "had", "have", "said", "says", "rose", "fell", "grew", "slows", "rises",
        "falls", "grows", "gained", "lost", "put",
    ];
    VERBS.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")) || lexicon::event_table().contains_key(w.as_str())
}

/// The name (a run of capitalised words, "Renewal Party") that the most figures' `about`
/// texts give, when at least two of them give it.
#[inline(never)]
fn most_named<'a>(its: &[&Item], figures: &'a [Figure]) -> Option<&'a str> {
    let mut counts: Vec<(&'a str, usize)> = Vec::new();
    for f in its.iter().filter_map(|i| figures.get(i.idx)) {
        let t = f.about.as_str();
        let mut from: Option<usize> = None;
        let mut to = 0;
        let mut pos = 0;
        for w in t.split(' ') {
            let capital = w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase) && !w.contains('\'');
            if capital {
                from.get_or_insert(pos);
                to = pos + w.len();
            }
            if !capital || pos + w.len() >= t.len() {
                if let Some(run) = from.take().and_then(|a| t.get(a..to)) {
                    match counts.iter_mut().find(|c| c.0 == run) {
                        Some(c) => c.1 += 1,
                        None => counts.push((run, 1)),
                    }
                }
            }
            pos += w.len() + 1;
        }
    }
    counts.into_iter().filter(|c| c.1 >= 2).max_by_key(|c| (c.1, c.0.len())).map(|c| c.0)
}

/// A readable label: "police killed", "troops deployed", "net profit (dollar)".
fn make_label(its: &[&Item], event: Option<&str>, figures: &[Figure]) -> String {
    // The most specific class when the fact joins people with a class of them.
    let first = its.iter().find(|i| matches!(i.concept, Some(Concept::Class(c)) if c != "people")).or(its.first());
    let concept = match first.and_then(|i| i.concept.clone()) {
        Some(Concept::Class(c)) => {
            // The word every source uses, when they all use the same; else the class name.
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for i in its.iter().filter(|i| !i.inferred) {
                if let Some(w) = &i.head_word {
                    *counts.entry(w.clone()).or_default() += 1;
                }
            }
            let total: usize = counts.values().sum();
            match counts.into_iter().max_by_key(|(_, n)| *n) {
                Some((w, n)) if n == total && total >= 1 && lexicon::concept_table().get(lexicon::lemma(&w).as_str()) == Some(&c) => w,
                _ => c.to_string(),
            }
        }
        Some(Concept::Since(e)) => format!("time since {e}"),
        Some(Concept::Head(..)) if its.first().is_some_and(|i| i.dim != "count") => measure_label(its, figures),
        Some(Concept::Head(..)) => {
            // The shortest concept text as written.
            its.iter()
                .filter_map(|i| figures.get(i.idx).map(|f| lexicon::fold(f.concept.trim())))
                .filter(|c| !c.is_empty())
                .min_by_key(|c| c.len())
                .map(|c| c.split_whitespace().take(5).collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        }
        None => String::new(),
    };
    let dim = its.first().map_or("count", |i| i.dim.as_ref());
    // "41 percent of the vote": a share of the vote, not a number of voters; named after
    // the party or candidate most of the figures are about, when they say.
    if dim == "percent" && matches!(first.and_then(|i| i.concept.as_ref()), Some(Concept::Class("voters"))) {
        let mut label = most_named(its, figures).map(|n| n.to_string() + " ").unwrap_or_default();
        label.push_str("share of the vote (percent)");
        return label;
    }
    if dim == "year of age" {
        return "age".to_string();
    }
    if SCALE_UNITS.contains(&dim) {
        // "magnitude", "aftershock magnitude".
        return match its.first().and_then(|i| i.concept.clone()) {
            Some(Concept::Head(h)) if h != "magnitude" => format!("{h} magnitude"),
            _ => "magnitude".to_string(),
        };
    }
    // ("protesters", not "protesters protested": the class says the event)
    let says_event = event == Some("protested") && matches!(first.and_then(|i| i.concept.as_ref()), Some(Concept::Class("protesters")));
    let mut label = match (concept.is_empty(), event) {
        (false, Some(_)) if says_event => concept,
        (false, Some(e)) => format!("{concept} {e}"),
        (false, None) => concept,
        (true, Some(e)) => e.to_string(),
        (true, None) => dim.to_string(),
    };
    if dim != "count" {
        label.push_str(&format!(" ({dim})"));
    }
    label
}

#[cfg(test)]
mod tests;
