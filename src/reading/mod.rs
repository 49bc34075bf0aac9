//! Reading: what each figure means, read once, next to the figure: its dimension and
//! value in a base unit ("6 months" is 180 days, "140 mph" 225 km/h), what it counts or
//! measures (a class of [`lexicon`]: "law enforcement officers" are police; else the head
//! of its noun phrase), the event (killed, detained...), the scope it is limited to
//! ([`scope`]: "in Texas", "Egyptians"), when it was reported ([`time`]), and whether its
//! own source calls it an earlier value ("up from 11"). [`crate::compare`] only groups
//! and judges what this stage read.
//!
//! The words around a figure are read here and nowhere else ([`clause`]): the clause it
//! stands in, what a duration is counted from ("30 years since independence"), whether
//! it is the whole of a part ("88 of the 150 seats") or the population of a place ("a
//! country of 19 million").

pub mod clause;
pub mod group;
pub mod lexicon;
pub mod scope;
mod story;
pub mod time;
mod votes;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::compare::{interval, Interval};
use crate::hash::FnvBuild;
use crate::report::{Figure, FigureKind};
use crate::sort::int;
use crate::text::TextDoc;
use clause::{clause_after, clause_before, head, is_denominator, says_earlier, says_population, scope_window, since_anchor, tail};

/// Hash maps with small integer keys, hashed by FNV.
type Map<K, V> = HashMap<K, V, FnvBuild>;

/// What a figure counts, for grouping.
#[derive(Debug, Clone, PartialEq)]
pub enum Concept {
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
pub struct Reading {
    /// Index into the `figures` slice.
    pub(crate) idx: usize,
    /// Figure id.
    pub(crate) id: usize,
    pub(crate) doc: usize,
    /// The topic of the document (sources about one event share it).
    pub(crate) topic: usize,
    pub(crate) start: usize,
    pub(crate) sentence: usize,
    pub(crate) iv: Interval,
    /// `iv` widened to what rounds to the number as written, for an exact measure or a
    /// count written with a magnitude ("19.8 percent" is [19.75, 19.85), "$1.2 billion"
    /// is [1.15, 1.25) billion); else `iv`. What statuses are judged on.
    pub(crate) round: Interval,
    pub(crate) value: f64,
    pub(crate) dim: Cow<'static, str>,
    pub(crate) event: Option<String>,
    pub(crate) concept: Option<Concept>,
    pub(crate) inferred: bool,
    /// The word used for the head as written ("peacekeepers"), for the label.
    pub(crate) head_word: Option<String>,
    pub(crate) time: Option<time::TimeKey>,
    /// The date of the figure's article ([`time::article_date`]): when the figure names
    /// no time of its own, where a timeline puts it.
    pub(crate) article_time: Option<time::TimeKey>,
    pub(crate) update: bool,
    pub(crate) total_cue: bool,
    /// What the figure is limited to ("in Texas", "Egyptians"): see [`crate::reading::scope`].
    /// (Boxed: most figures have none, and a reading is kept per figure.)
    pub(crate) scope: Option<Box<crate::reading::scope::Scope>>,
    /// The figure's clause says it is counted over many places ("in five states",
    /// "nationwide"): a whole, never given one place's scope ([`scope::says_wide`]).
    pub(crate) wide: bool,
    /// Who the figure's sentence attributes it to ("the Interior Ministry").
    pub(crate) attribution: Option<String>,
    /// An earlier value its own source supersedes ("up from 11", "the previous rate of 5.25").
    pub(crate) earlier: bool,
    /// The id of the figure right before this one that it restates in another unit, in
    /// brackets ("140 mph (225 km/h)", "1,000 acres (400 hectares)"): one measure written
    /// twice, whose reading (what, event, scope, time) it shares.
    pub(crate) converts: Option<usize>,
    /// Content lemmas of the concept text, in order, as hashes ([`word_hash`]).
    pub(crate) words: Vec<u64>,
    /// Significant digits of the value as written, before any conversion ("5.25%" three,
    /// "25 years" two, though 9,125 days has four).
    pub(crate) digits: u8,
    /// For measures: content lemmas of a few words either side of the figure, as sorted
    /// distinct hashes ([`word_hash`]).
    pub(crate) context: Vec<u64>,
}

/// Words that are not content: "the", "of", "more"...
pub(crate) fn is_stop(w: &str) -> bool {
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
pub(crate) fn is_context_word(w: &str) -> bool {
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
pub(crate) const NOT_LIVING: [&str; 6] = ["countries", "seats", "buildings", "vehicles", "aircraft", "population"];

/// True when an unnamed count with event `event` may take the concept class `class` named
/// near it: never a thing for a count of victims ("40 homes ... 12 were killed"), never
/// police or troops for a crowd ("three officers died. Tens of thousands took to the
/// streets").
pub(crate) fn can_borrow(event: &str, class: &str) -> bool {
    let crowd_of_forces = event == "protested" && matches!(class, "police" | "troops");
    !NOT_LIVING.contains(&class) && !crowd_of_forces
}

/// Nouns (lemmas) that name an event suffered by people, so that a count of them is a
/// count of people ("45 deaths", "300 arrests"); verbs the extractor may leave in a
/// concept ("the injured died") are not among them.
pub(crate) const EVENT_NOUNS: [&str; 12] = [
    "death", "fatality", "injury", "arrest", "detention", "evacuation", "casualty", "killing", "hospitalization", "hospitalisation", "disappearance", "mortality",
];

/// Event classes whose unnamed counts are people ("dozens were killed").
pub(crate) const HUMAN_EVENTS: [&str; 11] = ["killed", "injured", "detained", "missing", "evacuated", "displaced", "rescued", "hospitalized", "stranded", "trapped", "infected"];

/// Units of a scale on which an event itself is measured ("a magnitude 7.1 earthquake"):
/// two sources' figures in such a unit measure the same thing.
pub(crate) const SCALE_UNITS: [&str; 3] = ["magnitude", "richter", "richter scale"];

/// Units that are measures, never the noun counted, even when the concept repeats them.
pub(crate) const MEASURE_UNITS: [&str; 16] = [
    "dollar", "euro", "pound", "yen", "yuan", "rouble", "ruble", "rupee", "franc", "magnitude", "richter", "degree", "point",
    "percentage", "kelvin", "celsius",
];

/// True when a unit the conversion table does not know is the noun counted ("jobs",
/// "deaths", "fans"): the concept ends with it, or there is no concept and the unit is a
/// plain word.
pub(crate) fn is_counted_noun(unit: &str, concept: &str) -> bool {
    let u = unit.trim();
    if u.is_empty() || MEASURE_UNITS.iter().any(|m| m.eq_ignore_ascii_case(u)) || !u.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’')) {
        return false;
    }
    let last = |t: &str| t.rsplit(|c: char| !c.is_alphanumeric() && c != '-').find(|w| !w.is_empty()).map(|w| lexicon::lemma(&lexicon::fold(w)));
    let c = concept.trim();
    c.is_empty() || last(c) == last(u)
}

/// Words that say a figure is a total of parts given elsewhere.
pub(crate) const TOTAL_CUES: [&str; 8] = ["a total of", "in total", "in all", "altogether", "overall", "combined", "total of", "including"];

pub(crate) fn doc_of<'a>(docs: &'a [TextDoc<'a>], id: usize) -> Option<&'a TextDoc<'a>> {
    match docs.get(id) {
        Some(d) if d.id == id => Some(d),
        _ => docs.iter().find(|d| d.id == id),
    }
}

/// The interval a figure allows, converted by `factor`.
pub(crate) fn interval_of(f: &Figure, factor: f64) -> Interval {
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
pub(crate) fn rounding_band(f: &Figure, factor: f64, count: bool) -> Option<Interval> {
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
pub fn read(docs: &[TextDoc], figures: &[Figure], entities: &[crate::report::Entity]) -> Vec<Reading> {
    read_with_groups(docs, figures, entities).0
}

/// [`read`], with the group of people each count is limited to, where one is named next to
/// it ([`group::read`]): (item index, group), in item order. The groups join the scopes
/// once the story's own scopes are dropped ([`add_groups`]).
fn read_with_groups(docs: &[TextDoc], figures: &[Figure], entities: &[crate::report::Entity]) -> (Vec<Reading>, Vec<(usize, group::Group)>) {
    let mut groups = Vec::new();
    // (one per quantity at most: dates, years and times are not read)
    let mut items: Vec<Reading> = Vec::with_capacity(figures.iter().filter(|f| f.kind == FigureKind::Quantity).count());
    // Each document's mentions, sorted by start (byte offsets), for scopes.
    let mut named: Vec<Vec<crate::reading::scope::Named>> = vec![Vec::new(); docs.len()];
    for (ei, e) in entities.iter().enumerate() {
        for m in &e.mentions {
            if let Some(v) = named.get_mut(m.doc) {
                v.push(crate::reading::scope::Named { start: m.start as usize, end: m.end as usize, entity: ei });
            }
        }
    }
    for v in &mut named {
        crate::sort::by_key(v, |m| [m.start as u64, m.end as u64, 0]);
    }
    // Each document's own date, from its date figures (figures are in document order).
    // (Figures come in document order, and in text order within one.)
    let mut doc_dates: Vec<Vec<(usize, usize, f64)>> = vec![Vec::new(); docs.len()];
    for f in figures.iter().filter(|f| f.kind == FigureKind::Date) {
        // (Documents are in id order: `docs[id]` is document `id`.)
        if let Some(v) = doc_dates.get_mut(f.doc).filter(|_| docs.get(f.doc).is_some_and(|d| d.id == f.doc)) {
            v.push((f.start as usize, f.end as usize, f.value));
        }
    }
    let article_times: Vec<Option<time::TimeKey>> = docs.iter().zip(doc_dates).map(|(d, dates)| time::article_date(d.text, dates.into_iter())).collect();
    // Last item per doc, for concept inference.
    let mut last_in_doc: Map<usize, usize> = Map::default();
    // Reporting time named in a sentence, computed once per sentence.
    let mut sentence_times: Map<(usize, usize), Option<time::TimeKey>> = Map::default();
    // Per document, whether it names Fahrenheit and Celsius (for bare "degrees").
    let mut doc_scales: Map<usize, (bool, bool)> = Map::default();
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
        let mut unit = f.unit.as_deref().map(str::trim).filter(|u| !u.is_empty() && *u != "-");
        if unit.is_some_and(|u| matches!(u, "degree" | "degrees")) {
            let scales = *doc_scales.entry(f.doc).or_insert_with(|| named_scales(doc.text));
            unit = bare_degrees(doc, f.sentence, f.value, scales).or(unit);
        }
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
        // "412,000 marchers (Labour Office) and 1.2 million (TLU)": a bare count's concept
        // is never the source in brackets before it.
        let sent_start = doc.sentences.get(f.sentence).map_or(0, |r| r.start);
        if unit.is_none() && !concept_text.is_empty() {
            let before = doc.text.get(prev_end.max(sent_start).min(start)..start).unwrap_or("");
            if before.find('(').zip(before.rfind(')')).is_some_and(|(a, b)| before.get(a + 1..b).is_some_and(|inside| inside.contains(concept_text))) {
                concept_text = "";
            }
        }
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
        // A temperature is the story's temperature unless the text says which.
        if dim == "celsius" && !matches!(concept, Some(Concept::Class(_))) {
            concept = Some(Concept::Class("temperatures"));
        }
        // "660 Egyptians", "four Russians": people, from a country (their scope).
        if dim == "count" {
            if let Some(Concept::Head(h)) = &concept {
                if crate::entities::tables::tables().demonyms.get(h.as_str()).is_some_and(|c| !c.is_empty()) {
                    concept = Some(Concept::Class("people"));
                }
            }
        }
        // "317 of the dead", "the deceased": people killed.
        if dim == "count" && event.is_none() && matches!(concept, Some(Concept::Class("people"))) && head_word.as_deref().is_some_and(|h| matches!(h, "dead" | "deceased")) {
            event = Some("killed".to_string());
        }
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
        // Ellipsis: a bare count coordinated with the count before it in its sentence
        // ("Five deaths were linked to the Corvo Fire, and 11 to the Ashby Fire",
        // "two in Texas and four in New Mexico") counts the same thing and the same event.
        if dim == "count" && unit.is_none() && (event.is_none() || concept.is_none()) {
            if let Some(p) = last_in_doc.get(&f.doc).and_then(|&j| items.get(j)).filter(|p| p.sentence == f.sentence && p.dim == "count" && (event.is_none() || p.event == event)) {
                let between = figures.get(p.idx).and_then(|pf| doc.text.get((pf.end as usize).min(start)..start)).unwrap_or("");
                let lb = lexicon::fold(between);
                let coordinated = between.len() < 120 && (lb.contains(" and ") || lb.contains(',') || lb.contains(" while ") || lb.contains(" whereas ") || lb.starts_with("and "));
                if coordinated && (p.event.is_some() || p.concept.is_some()) {
                    event = p.event.clone();
                    concept = p.concept.clone();
                    inferred = true;
                }
            }
        }
        // A part of a count named before: "Six of the new toll were from the Corvo Fire",
        // "30 of them were treated in hospital", "212 of those who drowned": what the part
        // counts is what the whole counted (its event, when the part names none).
        if dim == "count" && unit.is_none() && (event.is_none() || concept.is_none()) {
            let after_fig = lexicon::fold(clause::head(doc.text.get(end..sent_range.end.max(end)).unwrap_or(""), 40));
            let a = after_fig.trim_start();
            let anaphoric = ["of them", "of those", "of these", "of the total", "of the new total", "of the toll", "of the dead", "of the victims", "of the tally", "of whom"].iter().any(|p| a.starts_with(p));
            if anaphoric {
                let whole = last_in_doc
                    .get(&f.doc)
                    .and_then(|&j| items.get(..=j))
                    .and_then(|prev| prev.iter().rev().take(8).find(|p| p.doc == f.doc && p.dim == "count" && p.event.is_some() && f.sentence.saturating_sub(p.sentence) <= 3));
                if let Some(w) = whole {
                    if event.is_none() {
                        event = w.event.clone();
                    }
                    if concept.is_none() || event == w.event {
                        concept = w.concept.clone();
                    }
                    inferred = true;
                }
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
            // "the death toll was as high as 900", "the number of the dead rose to 40": the
            // event's own noun before the figure says it counts people.
            let event_noun = HUMAN_EVENTS.contains(&ev) && lem.iter().any(|w| (EVENT_NOUNS.contains(&w) || w == "dead") && lexicon::event_table().get(w).is_some_and(|c| *c == ev));
            if matches!(named, None | Some("people")) && event_noun {
                concept = Some(Concept::Class("people"));
                inferred = true;
            } else if let Some(c) = named.filter(|c| !agent && can_borrow(ev, c)) {
                concept = Some(Concept::Class(c));
                inferred = true;
            } else if let Some(Concept::Class(c)) = prev.filter(|p| f.sentence.saturating_sub(p.sentence) <= 2).and_then(|p| p.concept.clone()) {
                if can_borrow(ev, c) {
                    concept = Some(Concept::Class(c));
                    inferred = true;
                }
            }
            if concept.is_none() && (HUMAN_EVENTS.contains(&ev) || matches!(ev, "protested" | "affected")) {
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
        let window = scope_window(doc.text, sent_range.clone(), prev_end, next_start, start, end);
        let scope = crate::reading::scope::read(doc.text, window.clone(), start..end, named.get(f.doc).map_or(&[][..], |v| v.as_slice()), entities, f.attribution.as_deref(), dim != "count").map(Box::new);
        // "Mara Quist garnered 0.4%", "the Renewal Party won 41%": a share a named party
        // won, with no other noun, is its share of the vote.
        if dim == "percent" && !matches!(concept, Some(Concept::Class(_))) {
            if let Some(sc) = scope.as_ref().filter(|s| s.kind == crate::reading::scope::ScopeKind::Party) {
                let ct = lexicon::fold(concept_text);
                let names_only = ct.is_empty() || lexicon::fold(&sc.label).contains(ct.trim()) || sc.key.contains(ct.trim());
                let w = lexicon::fold(tail(before, 24));
                let verb = w.split(|c: char| !c.is_alphabetic()).filter(|x| !x.is_empty()).last().unwrap_or("");
                if names_only && matches!(verb, "won" | "wins" | "garnered" | "garners" | "received" | "receives" | "got" | "gets" | "took" | "takes" | "secured" | "secures" | "obtained" | "polled" | "captured" | "collected") {
                    concept = Some(Concept::Class("voters"));
                    content = vec![word_hash("vote")];
                    head_word = None;
                }
            }
        }
        // "the fire is 11% contained", "11% containment": a share of a state reached
        // measures that state, whoever is its subject.
        if dim == "percent" {
            if let Some((stem, written)) = state_after(after).or_else(|| match &concept {
                Some(Concept::Head(h)) => h.strip_suffix("ment").filter(|st| st.len() > 3).map(|st| (st.to_string(), h.clone())),
                _ => None,
            }) {
                content = vec![word_hash(&stem)];
                concept = Some(Concept::Head(stem));
                head_word = Some(written);
                inferred = false;
            }
        }
        let wide = scope.is_none() && {
            let clause = scope_window(doc.text, sent_range.clone(), 0, usize::MAX, start, end);
            let ms = named.get(f.doc).map_or(&[][..], |v| v.as_slice());
            crate::reading::scope::says_wide(doc.text, clause.clone(), start..end) || crate::reading::scope::names_place_list(doc.text, window.clone(), ms, entities)
        };
        let earlier = says_earlier(before, after);
        // A source in brackets right after a count is that count's own ("1.1 million
        // (Interior Ministry) and 3.5 million (CGT)": two estimates of one crowd).
        let attribution = match (dim == "count").then(|| clause::bracket_source(after)).flatten() {
            Some(src) => Some(lexicon::fold(src)),
            None => f.attribution.as_ref().map(|a| lexicon::fold(a)),
        };
        // "winds of 140 mph (225 km/h)": a conversion in brackets restates the measure
        // right before it, and reads as it does.
        let mut converts = None;
        let (mut scope, mut wide, mut time) = (scope, wide, time);
        if dim != "count" {
            let prev = last_in_doc.get(&f.doc).and_then(|&j| items.get(j)).filter(|p| p.dim == dim && p.sentence == f.sentence);
            if let Some((p, pf)) = prev.and_then(|p| figures.get(p.idx).filter(|pf| pf.end as usize == prev_end).map(|pf| (p, pf))) {
                let between = doc.text.get((pf.end as usize).min(start)..start).unwrap_or("").trim();
                if between == "(" || between == "[" {
                    converts = Some(p.id);
                    event = p.event.clone();
                    concept = p.concept.clone();
                    head_word = p.head_word.clone();
                    content = p.words.clone();
                    inferred = p.inferred;
                    scope = p.scope.clone();
                    wide = p.wide;
                    time = p.time.or(time);
                }
            }
            // "cut the rate to 5%, down from 5.25%", "to 5%, from the ten-year high of
            // 5.25%": the level a measure left measures what its new level measures (the
            // measure of its dimension last before it in the sentence, a few figures back
            // at most).
            if earlier && converts.is_none() {
                let level = items.iter().rev().take(4).take_while(|p| p.doc == f.doc && p.sentence == f.sentence).find(|p| p.dim == dim && !p.earlier);
                let joined = level.and_then(|p| figures.get(p.idx)).is_some_and(|pf| {
                    let between = doc.text.get((pf.end as usize).min(start)..start).unwrap_or("");
                    between.len() < 64 && lexicon::fold(between).split(|c: char| !c.is_alphanumeric()).any(|w| w == "from")
                });
                if let Some(p) = level.filter(|p| joined && p.concept.is_some()) {
                    event = p.event.clone();
                    concept = p.concept.clone();
                    head_word = p.head_word.clone();
                    content = p.words.clone();
                    inferred = p.inferred;
                    scope = p.scope.clone();
                }
            }
        }
        let item = Reading {
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
            article_time: article_times.get(f.doc).copied().flatten().filter(|_| docs.get(f.doc).is_some_and(|d| d.id == f.doc)),
            update,
            total_cue,
            scope,
            wide,
            earlier,
            converts,
            attribution,
            words: content,
            digits: significant_digits(f.value).min(255) as u8,
            context,
        };
        if item.dim == "count" {
            let clause = scope_window(doc.text, sent_range.clone(), 0, usize::MAX, start, end);
            if let Some(g) = group::read(doc.text, clause, start..end) {
                groups.push((items.len(), g));
            }
        }
        last_in_doc.insert(f.doc, items.len());
        items.push(item);
    }
    (items, groups)
}

/// Adds each count's group of people to its scope: "aged 0–4" alone, or "Texas, aged
/// 0–4" with a place. A group is a part: its counts join only counts of the same group
/// and scope.
fn add_groups(items: &mut [Reading], groups: Vec<(usize, group::Group)>) {
    use scope::{Scope, ScopeKind};
    for (i, g) in groups {
        let Some(it) = items.get_mut(i) else { continue };
        it.scope = Some(Box::new(match it.scope.take() {
            Some(sc) => Scope { key: format!("{}/{}", sc.key, g.key), label: format!("{}, {}", sc.label, g.label), ..*sc },
            None => Scope { kind: ScopeKind::Group, key: g.key, label: g.label, entity: None, place: false },
        }));
    }
}

/// The scale of a temperature given in bare "degrees" ("the temperature reached 125
/// degrees"): a sentence about heat or cold means a temperature; above 60 it can only be
/// Fahrenheit (no air on Earth reaches 60 °C), else the scale the article names elsewhere,
/// else Celsius. None when the sentence is not about a temperature (angles, latitudes).
fn bare_degrees(doc: &TextDoc, sentence: usize, value: f64, (f, c): (bool, bool)) -> Option<&'static str> {
    let s = lexicon::fold(doc.sentence_text(sentence));
    const HEAT: [&str; 9] = ["temperat", "heat", "mercury", "thermometer", " hot", "warm", "cold", "freez", "scorch"];
    if !HEAT.iter().any(|w| s.contains(w)) {
        return None;
    }
    if value > 60.0 {
        return Some("fahrenheit");
    }
    Some(if f && !c { "fahrenheit" } else { "celsius" })
}

/// A state a share was reached in, written right after the figure as a participle
/// ("11% contained", "40% completed", "80% vaccinated"): (its stem, the word as written).
/// Not a participle that starts a clause of its own ("5% compared with", "3% owned by").
fn state_after(after: &str) -> Option<(String, String)> {
    let mut ws = after.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty());
    let first = ws.next()?;
    let w = first.trim_end_matches(|c: char| !c.is_alphabetic());
    let low = lexicon::fold(w);
    let stem = low.strip_suffix("ed").filter(|st| st.len() > 3 && st.chars().all(|c| c.is_ascii_lowercase()))?;
    let clause_ends = w.len() < first.len();
    let next = ws.next().map(lexicon::fold).unwrap_or_default();
    if !clause_ends && matches!(next.as_str(), "by" | "with" | "to" | "from" | "in" | "on" | "at" | "for" | "against") {
        return None;
    }
    Some((stem.to_string(), low.clone()))
}

/// Whether a text names Fahrenheit and Celsius anywhere (one pass each).
fn named_scales(text: &str) -> (bool, bool) {
    let has = |a: &str, b: &str, sym: &[&str]| text.contains(a) || text.contains(b) || sym.iter().any(|x| text.contains(x));
    (has("Fahrenheit", "fahrenheit", &["°F", "ºF"]), has("Celsius", "celsius", &["°C", "ºC"]))
}

/// True when the item may be a fact row at all (see module docs, step 3).
/// True when a figure's text is a fraction in words or digits ("half", "two-thirds",
/// "a quarter", "3/4"), to compare with percentages.
/// Significant digits of a value as written in decimal (5.25 has three, 1,089,000 four,
/// 4,000 one).
pub(crate) fn significant_digits(v: f64) -> usize {
    if !v.is_finite() {
        return 0;
    }
    let s = format!("{}", v.abs());
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

pub(crate) fn is_fraction_word(text: &str) -> bool {
    let t = lexicon::fold(text);
    const WORDS: [&str; 6] = ["half", "third", "quarter", "fifth", "tenth", "fourth"];
    t.split(|c: char| !c.is_alphanumeric()).any(|w| WORDS.iter().any(|x| w == *x || w.strip_suffix('s') == Some(x)))
        || t.split_whitespace().any(|w| {
            let mut p = w.split('/');
            matches!((p.next(), p.next(), p.next()), (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty() && a.chars().all(|c| c.is_ascii_digit()) && b.chars().all(|c| c.is_ascii_digit()))
        })
}

/// The last word of a text, folded (`scratch` holds the folded text).
pub(crate) fn last_word(s: &str, scratch: &mut String) -> Option<String> {
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

/// True when a concept can be what a population counts: nothing said, people, or the
/// place itself ("a resource-rich country of 19 million").
pub(crate) fn names_residents_or_place(c: &Option<Concept>) -> bool {
    match c {
        None => true,
        Some(Concept::Class(k)) => matches!(*k, "people" | "countries"),
        Some(Concept::Head(h)) => ["country", "nation", "state", "republic", "city", "town", "region", "province"].contains(&h.as_str()),
        Some(Concept::Since(_)) => false,
    }
}

pub(crate) fn word_hash(w: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = FnvBuild.build_hasher();
    h.write(w.as_bytes());
    h.finish()
}

/// Weekdays named without a date are ordered within the story's own week: the week is
/// taken to start after the longest run of days no figure names, so that "Sunday" (polls
/// close) comes before "Monday" (final results) when a story spans a weekend, and Monday
/// before Wednesday otherwise.
#[inline(never)]
pub(crate) fn unwrap_weekdays(items: &mut [Reading]) {
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

/// Reads every figure of every document (see the module docs) and writes what was read
/// onto the figures the Report shows (`scope`, `earlier`). `topics[doc]` is the topic of a
/// document (sources about one event share one; documents past its end are in topic 0).
pub fn read_all(docs: &[TextDoc], figures: &[Figure], entities: &[crate::report::Entity], topics: &[usize]) -> Vec<Reading> {
    let (mut items, groups) = read_with_groups(docs, figures, entities);
    {
        let texts: Vec<&str> = items.iter().map(|it| figures.get(it.idx).map_or("", |f| f.text.as_str())).collect();
        votes::read_votes(&mut items, docs, &texts);
    }
    unwrap_weekdays(&mut items);
    for it in &mut items {
        it.topic = topics.get(it.doc).copied().unwrap_or(0);
    }
    story::drop_story_scopes(&mut items, entities, topics);
    story::adopt_scopes(&mut items);
    add_groups(&mut items, groups);
    if std::env::var_os("CROSSCHECK_DEBUG").is_some() {
        for it in &items {
            let f = figures.get(it.idx);
            eprintln!("d{} {:?} dim={} ev={:?} concept={:?} scope={:?} earlier={} time={:?}", it.doc, f.map(|f| f.text.as_str()), it.dim, it.event, it.concept, it.scope.as_ref().map(|s| &s.key), it.earlier, it.time.map(|t| t.pos));
        }
    }
    items
}

/// Writes each reading's scope and time role onto its figure.
pub fn annotate(figures: &mut [Figure], readings: &[Reading]) {
    for r in readings {
        if let Some(f) = figures.get_mut(r.idx) {
            f.scope = r.scope.as_ref().map(|s| s.label.clone());
            f.earlier = r.earlier;
            // The event as read in context ("claimed 16 lives" is killed; "11 from the
            // Ashby Fire" after "Five deaths ..." is killed too).
            if r.event.as_deref().is_some_and(|e| e != "total") {
                f.event = r.event.clone();
            }
        }
    }
}

/// True when a reading may be grouped with others at all.
pub(crate) fn comparable(it: &Reading) -> bool {
    crate::compare::groupable(it)
}

/// [`crate::compare`]'s relative gap.
pub(crate) fn rel_gap_of(a: f64, b: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(1.0)
}
