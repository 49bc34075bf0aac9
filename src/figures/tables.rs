//! The word lists of the figure extractor, parsed once from the data files in
//! `src/lexicon/` (units, currency prefixes, number words, qualifiers, vague quantities,
//! events) into lookup tables held in `OnceLock`s.

use super::bounds::Bound;
use crate::lexicon::{fields, lines};
use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast hasher for the short word keys of these tables (the FxHash mixing step);
/// the tables are fixed data, so hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Fast = BuildHasherDefault<WordHasher>;
pub type HashMap<K, V> = StdHashMap<K, V, Fast>;
pub type HashSet<K> = StdHashSet<K, Fast>;

pub(super) const UNITS: &str = crate::lexicon::data!("units.tsv");
/// The generated unit ontology (`scripts/gen_units.py`): names, symbols, dimensions.
pub(super) const ONTOLOGY: &str = crate::lexicon::data!("units_ontology.tsv");
pub(super) const PREFIXES: &str = crate::lexicon::data!("figure_currency_prefixes.tsv");
pub(super) const NUMBER_WORDS: &str = crate::lexicon::data!("number_words.tsv");
pub(super) const QUALIFIERS: &str = crate::lexicon::data!("qualifiers.tsv");
pub(super) const VAGUE: &str = crate::lexicon::data!("vague_quantities.tsv");

/// Class of a unit written after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    Pct,
    Money,
    Measure,
    Time,
    Age,
}

/// One unit form.
#[derive(Debug, Clone)]
pub struct Unit {
    pub form: &'static str,
    pub norm: &'static str,
    pub class: UnitClass,
    /// Match exactly as written (short or mixed-case forms).
    pub exact: bool,
}

/// Class of a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Unit,
    Ten,
    Mult,
    Frac,
}

/// A unit's dimension and its conversion to the dimension's base unit: a value in the
/// base unit is `value * factor + offset` ("fahrenheit": celsius, 5/9, -160/9).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Base {
    /// The dimension ("length", "temperature"; a currency's is the currency itself).
    pub dimension: &'static str,
    /// The base unit's name ("km", "celsius").
    pub unit: &'static str,
    pub factor: f64,
    pub offset: f64,
    /// A currency: its own dimension, never converted into another.
    pub currency: bool,
}

/// A vague quantity ("dozens"): its words and bounds.
#[derive(Debug, Clone)]
pub struct Vague {
    pub words: Vec<&'static str>,
    pub low: f64,
    pub high: f64,
    pub value: f64,
    /// An order of magnitude ("hundreds"): a range figure [low, high] with change `=`.
    pub magnitude: bool,
}

/// A qualifier phrase.
#[derive(Debug, Clone)]
pub struct Qualifier {
    pub words: Vec<&'static str>,
    pub post: bool,
    pub bound: Bound,
}

pub struct Tables {
    /// Units after a number, longest form first.
    pub units: Vec<Unit>,
    /// Unit forms matched exactly, and the forms matched in any case (lowercase).
    pub unit_exact: HashSet<&'static str>,
    pub unit_low: HashSet<String>,
    /// Indexes into `units`: forms of two bytes or more by (lowercase first character,
    /// second byte as it may be written: both cases for a case-insensitive form), forms of
    /// one byte by their lowercase first character. Every long form sorts before every
    /// one-byte form, so a bucket followed by the short list keeps the order of `units`.
    pub units_by_first2: HashMap<(char, u8), Vec<usize>>,
    pub units_short: HashMap<char, Vec<usize>>,
    /// Dimension and conversion of each unit, by normalized name.
    pub bases: HashMap<&'static str, Base>,
    /// Normalized name of each form: exact forms as written, the others lowercase.
    pub form_norm: HashMap<&'static str, &'static str>,
    pub form_norm_low: HashMap<String, &'static str>,
    /// Symbols read only inside a compound symbol ("A" in "A/cm2"), with their unit.
    pub unit_parts: HashMap<&'static str, &'static str>,
    /// Nationality adjectives and nouns, lowercase ("nepali", "indian"), from
    /// `countries.tsv` and `demonyms.tsv`: "53 Nepali" counts people.
    pub demonyms: HashSet<String>,
    /// Currency prefixes, longest first: (form, normalized).
    pub prefixes: Vec<(&'static str, &'static str)>,
    /// The last bytes of the prefix forms (every byte when a form is empty).
    pub prefix_last: [bool; 256],
    pub words: HashMap<&'static str, (f64, WordClass)>,
    /// Bits set for the (length, first byte, last byte) of every key of `words`: most
    /// words of a sentence are rejected by one bit test before any hashing.
    pub word_sig: Vec<u64>,
    /// The same bits for every word that can start a figure at a word token (see
    /// [`Tables::may_start`]).
    pub start_sig: Vec<u64>,
    /// Multiplier abbreviations after digits ("k", "m", "bn", "million").
    pub abbrs: HashMap<&'static str, f64>,
    /// Plural nouns after which a glued "m"/"b" is million/billion ("1.2m people").
    pub scaled_nouns: HashSet<&'static str>,
    /// Qualifiers, longest first.
    pub qualifiers: Vec<Qualifier>,
    /// Vague quantities, longest first.
    pub vague: Vec<Vague>,
    /// Event words and phrases → normalized event; phrases longest first.
    pub events: Vec<(Vec<&'static str>, &'static str)>,
    pub event_first: HashSet<&'static str>,
    /// Indexes into `events` by first word, longest phrase first.
    pub events_by_first: HashMap<&'static str, Vec<usize>>,
    /// Event words that count only right before the number ("cut 1,500 jobs").
    pub event_adjacent: HashSet<&'static str>,
    /// Event words read only after the count ("30 were held", not "the stadium held 38,000").
    pub event_after_only: HashSet<&'static str>,
    /// Words that are an event only for a count of buildings ("250 homes lost").
    pub event_buildings: HashMap<&'static str, &'static str>,
    /// Gatherings people take part in or join ("took part in the march") → event.
    pub event_joined: HashMap<&'static str, &'static str>,
    pub reporting: HashSet<&'static str>,
}

const WORD_SIG_BITS: usize = 32 * 27 * 27;

fn word_sig_index(w: &str) -> usize {
    let b = w.as_bytes();
    let slot = |c: Option<&u8>| c.filter(|c| c.is_ascii_lowercase()).map_or(26, |c| usize::from(c - b'a'));
    b.len().min(31) * 729 + slot(b.first()) * 27 + slot(b.last())
}

impl Tables {
    /// The number word `w` ("six", "hundred", "third") with its value and class.
    pub fn word(&self, w: &str) -> Option<(f64, WordClass)> {
        let i = word_sig_index(w);
        if self.word_sig.get(i / 64).map_or(true, |x| x & (1 << (i % 64)) == 0) {
            return None;
        }
        self.words.get(w).copied()
    }

    /// False when a word token (lowercase) cannot start a date, a vague quantity, an
    /// ordinal or a number in words: its (length, first byte, last byte) before any hyphen
    /// matches none of the words those readings start with (month forms, vague quantity
    /// starters, ordinal words, "a"/"an" and the number words). One bit test, no hashing.
    /// `dash` says whether `low` contains an ASCII hyphen.
    pub fn may_start(&self, low: &str, dash: bool) -> bool {
        let i = word_sig_index(if dash { super::numbers::before_hyphen(low) } else { low });
        self.start_sig.get(i / 64).map_or(true, |x| x & (1 << (i % 64)) != 0)
    }
}

/// The class the tables name with `c`.
fn class_of(c: &str) -> Option<UnitClass> {
    Some(match c {
        "pct" => UnitClass::Pct,
        "money" => UnitClass::Money,
        "time" => UnitClass::Time,
        "age" => UnitClass::Age,
        "measure" => UnitClass::Measure,
        _ => return None,
    })
}

/// Whether a form matches only as written: short forms ("m", "M", "Hz") and symbols or
/// codes with a capital inside a word ("USD", "kWh", "mL"); names, capitalized or not
/// ("Celsius", "Canadian dollars"), match in any case.
fn exact_form(form: &str) -> bool {
    form.chars().count() <= 2 || form.split(' ').any(|w| w.chars().skip(1).any(char::is_uppercase))
}

/// The unit forms, longest first (ours from `units.tsv` before the ontology's, so that
/// our reading of a form wins), and the dimension of every unit of the ontology.
fn read_units() -> (Vec<Unit>, HashMap<&'static str, Base>, HashMap<&'static str, &'static str>) {
    let mut units = Vec::new();
    // the forms taken: exact ones as written, the others lowercase
    let mut seen: HashSet<&'static str> = HashSet::default();
    let mut seen_low: HashSet<String> = HashSet::default();
    for l in lines(UNITS) {
        let f: Vec<&str> = fields(l).collect();
        let (Some(&form), Some(&norm), Some(class)) = (f.first(), f.get(1), f.get(2).and_then(|c| class_of(c))) else { continue };
        let exact = exact_form(form);
        if if exact { seen.insert(form) } else { seen_low.insert(form.to_ascii_lowercase()) } {
            units.push(Unit { form, norm, class, exact });
        }
    }
    let mut bases: HashMap<&'static str, Base> = HashMap::default();
    let mut parts: HashMap<&'static str, &'static str> = HashMap::default();
    for l in lines(ONTOLOGY) {
        let f: Vec<&str> = l.split('\t').collect();
        let (Some(&name), Some(class)) = (f.first(), f.get(1).and_then(|c| class_of(c))) else { continue };
        let num = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok());
        if let (Some(&dimension), Some(&unit), Some(factor)) = (f.get(2), f.get(3), num(4)) {
            if !dimension.is_empty() {
                bases.insert(name, Base { dimension, unit, factor, offset: num(5).unwrap_or(0.0), currency: class == UnitClass::Money });
            }
        }
        let names = f.get(6).into_iter().flat_map(|x| x.split('|')).map(|n| (n, exact_form(n)));
        let symbols = f.get(7).into_iter().flat_map(|x| x.split('|')).map(|n| (n, true));
        for part in f.get(8).into_iter().flat_map(|x| x.split('|')).filter(|x| !x.is_empty()) {
            parts.insert(part, name);
        }
        for (form, exact) in names.chain(symbols) {
            let new = !form.is_empty() && if exact { seen.insert(form) } else { seen_low.insert(form.to_ascii_lowercase()) };
            if new {
                units.push(Unit { form, norm: name, class, exact });
            }
        }
    }
    // a currency the ontology lacks ("shekel") is its own dimension too
    for u in units.iter().filter(|u| u.class == UnitClass::Money) {
        bases.entry(u.norm).or_insert(Base { dimension: u.norm, unit: u.norm, factor: 1.0, offset: 0.0, currency: true });
    }
    crate::sort::by_key(&mut units, |u| [crate::sort::desc(u.form.len() as u64), 0, 0]);
    (units, bases, parts)
}

pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(build)
}

fn build() -> Tables {
    let (units, bases, unit_parts) = read_units();
    let mut form_norm: HashMap<&'static str, &'static str> = HashMap::default();
    let mut form_norm_low: HashMap<String, &'static str> = HashMap::default();
    for u in &units {
        if u.exact {
            form_norm.entry(u.form).or_insert(u.norm);
        } else {
            form_norm_low.entry(u.form.to_ascii_lowercase()).or_insert(u.norm);
        }
    }
    let mut prefixes: Vec<(&str, &str)> = lines(PREFIXES)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((*f.first()?, f.get(1)?.trim()))
        })
        .collect();
    crate::sort::by_key(&mut prefixes, |p| [crate::sort::desc(p.0.len() as u64), 0, 0]);
    let mut words = HashMap::default();
    let mut abbrs = HashMap::default();
    let mut scaled_nouns = HashSet::default();
    for l in lines(NUMBER_WORDS) {
        let f: Vec<&str> = fields(l).collect();
        let (Some(&w), Some(v), Some(&c)) = (f.first(), f.get(1).and_then(|v| v.parse::<f64>().ok()), f.get(2)) else { continue };
        match c {
            "abbr" => {
                abbrs.insert(w, v);
            }
            "scaled" => {
                scaled_nouns.insert(w);
            }
            "unit" => {
                words.insert(w, (v, WordClass::Unit));
            }
            "ten" => {
                words.insert(w, (v, WordClass::Ten));
            }
            "mult" => {
                words.insert(w, (v, WordClass::Mult));
            }
            _ => {
                words.insert(w, (v, WordClass::Frac));
            }
        }
    }
    let mut qualifiers = Vec::new();
    for l in lines(QUALIFIERS) {
        let f: Vec<&str> = fields(l).collect();
        let (Some(&p), Some(&pos), Some(b)) = (f.first(), f.get(1), f.get(2).and_then(|b| Bound::from_name(b))) else { continue };
        qualifiers.push(Qualifier { words: p.split(' ').collect(), post: pos == "post", bound: b });
    }
    crate::sort::by_key(&mut qualifiers, |q| [crate::sort::desc(q.words.len() as u64), 0, 0]);
    let mut vague = Vec::new();
    for l in lines(VAGUE) {
        let f: Vec<&str> = fields(l).collect();
        let num = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok());
        let magnitude = f.get(3) == Some(&"range");
        let (Some(&p), Some(low), Some(high)) = (f.first(), num(1), num(2)) else { continue };
        let Some(value) = (if magnitude { Some((low + high) / 2.0) } else { num(3) }) else { continue };
        vague.push(Vague { words: p.split(' ').collect(), low, high, value, magnitude });
    }
    crate::sort::by_key(&mut vague, |v| [crate::sort::desc(v.words.len() as u64), 0, 0]);
    let mut events = Vec::new();
    let mut event_first = HashSet::default();
    let mut event_adjacent = HashSet::default();
    let mut event_after_only = HashSet::default();
    let mut event_buildings = HashMap::default();
    let mut event_joined = HashMap::default();
    for ef in crate::lexicon::events::entries() {
        let (p, e) = (ef.words, ef.event);
        // (names of events for comparing, never searched for in text; words read by one rule)
        match ef.flag {
            Some("label") => continue,
            Some("buildings") => {
                event_buildings.insert(p, e);
                continue;
            }
            Some("joined") => {
                event_joined.insert(p, e);
                continue;
            }
            _ => {}
        }
        let ws: Vec<&str> = p.split(' ').collect();
        if ef.flag == Some("adjacent") {
            event_adjacent.insert(p);
        }
        if ef.flag == Some("after") {
            event_after_only.insert(p);
        }
        if let Some(w) = ws.first() {
            event_first.insert(*w);
        }
        events.push((ws, e));
    }
    crate::sort::by_key(&mut events, |e| [crate::sort::desc(e.0.len() as u64), 0, 0]);
    let mut events_by_first: HashMap<&'static str, Vec<usize>> = HashMap::default();
    for (i, (ws, _)) in events.iter().enumerate() {
        if let Some(w) = ws.first() {
            events_by_first.entry(*w).or_default().push(i);
        }
    }
    let reporting = lines(crate::lexicon::REPORTING_VERBS).flat_map(fields).filter(|w| !w.is_empty()).collect();
    let mut units_by_first2: HashMap<(char, u8), Vec<usize>> = HashMap::default();
    let mut units_short: HashMap<char, Vec<usize>> = HashMap::default();
    for (i, u) in units.iter().enumerate() {
        if let Some(c) = u.form.chars().next() {
            for l in c.to_lowercase() {
                match u.form.as_bytes().get(1) {
                    None => units_short.entry(l).or_default().push(i),
                    Some(&f1) => {
                        units_by_first2.entry((l, f1)).or_default().push(i);
                        if !u.exact && f1.is_ascii_alphabetic() {
                            let other = if f1.is_ascii_lowercase() { f1.to_ascii_uppercase() } else { f1.to_ascii_lowercase() };
                            units_by_first2.entry((l, other)).or_default().push(i);
                        }
                    }
                }
            }
        }
    }
    let unit_exact = units.iter().filter(|u| u.exact).map(|u| u.form).collect();
    let unit_low = units.iter().filter(|u| !u.exact).map(|u| u.form.to_ascii_lowercase()).collect();
    let mut word_sig = vec![0u64; WORD_SIG_BITS / 64 + 1];
    for w in words.keys() {
        let i = word_sig_index(w);
        if let Some(x) = word_sig.get_mut(i / 64) {
            *x |= 1 << (i % 64);
        }
    }
    let mut start_sig = word_sig.clone();
    let starters = super::dates::MONTH_FORMS.iter().chain(super::numbers::ORDINAL_WORDS).chain(super::vague::VAGUE_FIRST).chain(&["a", "an", "one", "half"]);
    for w in starters {
        let i = word_sig_index(w);
        if let Some(x) = start_sig.get_mut(i / 64) {
            *x |= 1 << (i % 64);
        }
    }
    let mut prefix_last = [false; 256];
    for (form, _) in &prefixes {
        match form.as_bytes().last() {
            Some(&b) => prefix_last[usize::from(b)] = true,
            None => prefix_last = [true; 256],
        }
    }
    let demonyms = lines(crate::lexicon::data!("countries.tsv"))
        .filter_map(|l| l.split('\t').nth(1))
        .flat_map(|d| d.split('|'))
        .chain(lines(crate::lexicon::data!("demonyms.tsv")).filter_map(|l| l.split('\t').next()))
        .filter(|d| !d.is_empty())
        .map(str::to_lowercase)
        .collect();
    Tables { demonyms, units, bases, form_norm, form_norm_low, unit_parts, unit_exact, unit_low, units_by_first2, units_short, prefixes, prefix_last, words, word_sig, start_sig, abbrs, scaled_nouns, qualifiers, vague, events, event_first, events_by_first, event_adjacent, event_after_only, event_buildings, event_joined, reporting }
}

/// Words that never belong to the noun phrase of what is counted, and that end a clause
/// subject when looking for what a measure is about.
pub fn is_stopword(w: &str) -> bool {
    // the set, and the (length, first byte, last byte) bits of its words: most content
    // words are rejected by one bit test before any hashing
    static S: OnceLock<(HashSet<&'static str>, Vec<u64>)> = OnceLock::new();
    let (set, sig) = S.get_or_init(|| {
        let set: HashSet<&'static str> = [
            "a", "an", "the", "this", "that", "these", "those", "its", "it", "his", "her", "their", "our",
            "my", "your", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without", "into",
            "onto", "over", "under", "about", "around", "after", "before", "since", "during", "until",
            "than", "as", "and", "or", "but", "nor", "so", "yet", "if", "while", "when", "where",
            "which", "who", "whom", "whose", "what", "that", "there", "here", "is", "are", "was",
            "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
            "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no",
            "also", "only", "just", "still", "even", "all", "some", "more", "most", "less", "least",
            "each", "every", "per", "via", "among", "amid", "across", "against", "between", "through",
            "including", "he", "she", "they", "we", "i", "you", "them", "him", "us", "me", "said",
            "says", "say", "told", "according", "reportedly", "then", "now", "up", "down", "out",
            "off", "again", "already", "ago", "later", "earlier", "very", "too", "both", "either",
            "other", "another", "such", "own", "same", "than", "like", "because", "although",
            "though", "whether", "within", "upon", "toward", "towards", "near", "nearly", "almost",
            "approximately", "roughly", "least", "many", "much", "few", "several", "one", "ones",
            "got", "get", "gets", "went", "go", "goes", "came", "come", "comes", "made", "make",
            "makes", "took", "take", "takes", "rose", "fell", "saw", "see", "sees", "left", "remain",
            "remained", "remains", "total", "totaled", "totalled", "reached", "reach", "hit",
            "behind", "beside", "beneath", "above", "below", "inside", "outside", "along",
            "throughout", "despite", "except", "worth", "ever", "never", "whereby", "whilst",
        ]
        .into_iter()
        .collect();
        let mut sig = vec![0u64; WORD_SIG_BITS / 64 + 1];
        for w in &set {
            let i = word_sig_index(w);
            if let Some(x) = sig.get_mut(i / 64) {
                *x |= 1 << (i % 64);
            }
        }
        (set, sig)
    });
    let i = word_sig_index(w);
    sig.get(i / 64).is_some_and(|x| x & (1 << (i % 64)) != 0) && set.contains(w)
}

/// Verbs and words that say a number rose (`up`) or fell (`down`) by the amount that
/// follows them ("rose 5%", "fell by 3"). A following "to" turns the amount into a level.
pub fn change_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "rose" | "rise" | "rises" | "rising" | "risen" | "increased" | "increase" | "increases"
        | "increasing" | "jumped" | "jump" | "jumps" | "gained" | "gain" | "gains" | "gaining"
        | "climbed" | "climb" | "climbs" | "grew" | "grow" | "grows" | "grown" | "up" | "added"
        | "adds" | "advanced" | "advances" | "surged" | "surge" | "surges" | "soared" | "soar"
        | "soars" | "rallied" | "spiked" | "boosted" | "higher" | "lifted" | "jumping" | "surging"
        | "soaring" | "climbing" | "advancing" | "rallying" | "growing" | "upward" | "upwards"
        | "inched" | "edged" | "firmed" | "strengthened" | "skyrocketed" | "rocketed" | "leapt"
        | "leaped" | "widened" | "swelled" | "ballooned" | "hiked" | "rebounded"
        | "recovered" | "appreciated" | "expanded" | "expands" | "accelerated" => "up",
        "fell" | "fall" | "falls" | "falling" | "fallen" | "dropped" | "drop" | "drops"
        | "dropping" | "declined" | "decline" | "declines" | "decreased" | "decrease"
        | "decreases" | "slid" | "slide" | "slides" | "lost" | "lose" | "loses" | "losing"
        | "down" | "plunged" | "plunge" | "plunges" | "plummeted" | "tumbled" | "tumble"
        | "sank" | "sink" | "sinks" | "slipped" | "slip" | "slips" | "shed" | "sheds"
        | "eased" | "eases" | "dipped" | "dip" | "dips" | "retreated" | "slumped" | "slump"
        | "crashed" | "shrank" | "shrunk" | "contracted" | "lower" | "weakened" | "cut"
        | "reduced" | "lowered" | "trimmed" | "plummeting" | "plunging" | "sliding" | "slipping"
        | "tumbling" | "declining" | "decreasing" | "dipping" | "easing" | "sinking" | "shedding"
        | "slumping" | "shrinking" | "downward" | "downwards" | "slashed" | "dived" | "tanked"
        | "sagged" | "skidded" | "narrowed" | "dwindled" | "softened" | "depreciated" | "slowed" => "down",
        _ => return None,
    })
}

/// Base form of a common superlative adjective inside a counted noun phrase ("one of the
/// best screens" has the unit "good screen", as a lemmatizer would write it).
pub fn superlative_base(w: &str) -> Option<&'static str> {
    Some(match w {
        "best" => "good",
        "worst" => "bad",
        "largest" => "large",
        "biggest" => "big",
        "greatest" => "great",
        "highest" => "high",
        "lowest" => "low",
        "smallest" => "small",
        "proudest" => "proud",
        "latest" => "late",
        "newest" => "new",
        "oldest" => "old",
        "youngest" => "young",
        "longest" => "long",
        "strongest" => "strong",
        "fastest" => "fast",
        "richest" => "rich",
        "poorest" => "poor",
        "deadliest" => "deadly",
        "busiest" => "busy",
        "hottest" => "hot",
        "coldest" => "cold",
        "wettest" => "wet",
        "driest" => "dry",
        "tallest" => "tall",
        "heaviest" => "heavy",
        "worthiest" => "worthy",
        "wealthiest" => "wealthy",
        "safest" => "safe",
        "closest" => "close",
        _ => return None,
    })
}

/// Irregular plural nouns counted in news (their singular form).
pub fn irregular_singular(w: &str) -> Option<&'static str> {
    Some(match w {
        "people" => "people",
        "persons" => "people",
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "police" => "police",
        "personnel" => "personnel",
        "staff" => "staff",
        "military" => "military",
        "crew" => "crew",
        "cattle" => "cattle",
        "sheep" => "sheep",
        "fish" => "fish",
        "deer" => "deer",
        "aircraft" => "aircraft",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "data" => "data",
        "media" => "media",
        "series" => "series",
        "species" => "species",
        "news" => "news",
        _ => return None,
    })
}
