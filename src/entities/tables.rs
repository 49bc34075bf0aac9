//! Lookup tables for the entity stage, built once from the data files in `src/lexicon/`
//! (countries, places, demonyms, titles, organisation and place words, stopwords, known
//! institutions, given-name variants) and kept in a [`OnceLock`].
//!
//! Every key is folded with [`crate::text::fold::fold`] (lowercase, no diacritics, ASCII
//! apostrophes), so lookups take a folded string.

use std::sync::OnceLock;

use crate::lexicon::{fields, lines};
use crate::text::fold::fold;

/// A small fast hasher (the multiply-rotate scheme of rustc's FxHasher) for the entity
/// stage's many short string keys; not resistant to adversarial collisions, which is fine
/// for keys taken from one user's own articles.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

/// The 1 to 7 bytes of `rest` as a little-endian word, from at most three loads (the
/// loads overlap; overlapping bytes land at the same place).
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let byte = |i: usize| u64::from(rest.get(i).copied().unwrap_or(0));
    if n >= 4 {
        let four = |i: usize| {
            let mut b = [0u8; 4];
            if let Some(s) = rest.get(i..i + 4) {
                b.copy_from_slice(s);
            }
            u64::from(u32::from_le_bytes(b))
        };
        four(0) | four(n - 4) << (8 * (n - 4))
    } else {
        byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1))
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest) ^ (rest.len() as u64) << 56);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A set of words kept as a two-probe Bloom filter: inserting is a hash and two bit sets,
/// with no key storage. Used for "this word was seen lowercase somewhere", where a rare
/// false positive only makes the stage a little more cautious about one capitalised word.
#[derive(Debug, Clone)]
pub struct WordFilter {
    bits: Vec<u64>,
    mask: u64,
}

impl WordFilter {
    /// A filter sized for about `bytes` of text.
    pub fn for_text(bytes: usize) -> Self {
        let nbits = (bytes.saturating_mul(2)).next_power_of_two().clamp(1 << 16, 1 << 26);
        WordFilter { bits: vec![0; nbits / 64], mask: nbits as u64 - 1 }
    }

    fn probes(&self, w: &str) -> (u64, u64) {
        use std::hash::BuildHasher;
        let h = std::hash::BuildHasherDefault::<FxHasher>::default().hash_one(w);
        let h2 = h.rotate_left(32).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h & self.mask, (h2 >> 7) & self.mask)
    }

    /// Adds a word.
    pub fn insert(&mut self, w: &str) {
        let (a, b) = self.probes(w);
        for p in [a, b] {
            if let Some(x) = self.bits.get_mut((p / 64) as usize) {
                *x |= 1 << (p % 64);
            }
        }
    }

    /// True when the word was (probably) added.
    pub fn contains(&self, w: &str) -> bool {
        let (a, b) = self.probes(w);
        [a, b].iter().all(|&p| self.bits.get((p / 64) as usize).is_some_and(|x| x & (1 << (p % 64)) != 0))
    }
}

/// `HashMap` with [`FxHasher`].
pub type HashMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`].
pub type HashSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FxHasher>>;

const COUNTRIES: &str = crate::lexicon::data!("countries.tsv");
const PLACES: &str = crate::lexicon::data!("entity_places.txt");
const DEMONYMS: &str = crate::lexicon::data!("demonyms.tsv");
const TITLES: &str = crate::lexicon::data!("titles.txt");
const ORG_WORDS: &str = crate::lexicon::data!("org_words.txt");
const PLACE_WORDS: &str = crate::lexicon::data!("entity_place_words.txt");
const STOPWORDS: &str = crate::lexicon::data!("entity_stopwords.txt");
const STARTERS: &str = crate::lexicon::data!("entity_starters.txt");
const ORGS: &str = crate::lexicon::data!("entity_orgs.txt");
const GIVEN_NAMES: &str = crate::lexicon::data!("given_names_variants.tsv");
const COMPANY_CUES: &str = crate::lexicon::data!("entity_company_cues.txt");
const PORTFOLIOS: &str = crate::lexicon::data!("entity_portfolios.txt");
const CITIES: &str = crate::lexicon::data!("gazetteer_cities.txt");
const REGIONS: &str = crate::lexicon::data!("gazetteer_regions.txt");

/// A gazetteer place: its display name and whether it is a country.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// Canonical display name ("United States" for "US", "U.S.", "America").
    pub canonical: &'static str,
    /// True for countries and territories (countries.tsv first column).
    pub country: bool,
}


/// All the tables of the entity stage.
#[derive(Debug)]
pub struct Tables {
    /// Folded place name → place.
    pub places: HashMap<String, Place>,
    /// Folded demonym (singular and plural) → canonical place name ("" when none).
    pub demonyms: HashMap<String, &'static str>,
    /// Folded titles (multi-word joined with single spaces) → honorific flag.
    pub titles: HashMap<String, bool>,
    /// Longest title length in words.
    pub max_title_words: usize,
    /// Organisation words; value true when the word also works as a lowercase type cue.
    pub org_words: HashMap<String, bool>,
    /// Place words; value true when the word also works as a lowercase "X of" cue.
    pub place_words: HashMap<String, bool>,
    /// Stopwords (folded).
    pub stopwords: HashSet<String>,
    /// Common nouns that start sentences ("officials", "police"), folded.
    pub starters: HashSet<String>,
    /// Known institutions: folded long form → display long form.
    pub orgs: HashMap<String, &'static str>,
    /// Known institutions' acronyms as written, dots removed ("UN", "Fed") → long form.
    pub org_acronyms: HashMap<String, &'static str>,
    /// Last words of known institutions of several words ("cross" of "Red Cross").
    pub org_tails: HashSet<String>,
    /// Given name (normalized by [`super::keys::norm_token`]) → variant group id.
    pub given_names: HashMap<String, u32>,
    /// Last words of titles (to skip the backward title scan before most names).
    pub title_last: HashSet<String>,
    /// First words of multi-word places, demonyms and titles (to skip longer lookups).
    pub multi_first: HashSet<String>,
    /// Reporting verbs (every form, lowercase).
    pub reporting_verbs: HashSet<&'static str>,
    /// Every single folded word of the tables above → what it is, so a word is looked up
    /// once ([`Lex`]) instead of once per table.
    pub lex: HashMap<String, Lex>,
    /// Corporate context after a name ("shares", "chief executive"), words joined by spaces.
    pub company_after: HashSet<String>,
    /// Corporate context before a name ("shares of", "spokeswoman for").
    pub company_before: HashSet<String>,
    /// Government portfolios ("interior", "foreign affairs"), words joined by spaces.
    pub portfolios: HashSet<String>,
    /// Cities and towns of the generated GeoNames gazetteer (folded): weak evidence of a
    /// place, used only when a name has no other cue.
    pub cities: HashSet<String>,
}

/// What one folded word is in the tables (flags `LEX_*`, with the data of single-word
/// places, demonyms and titles).
#[derive(Debug, Clone, Copy)]
pub struct Lex {
    pub flags: u32,
    /// The place, when the word alone is a gazetteer place.
    pub place: Option<Place>,
    /// The demonym's place ("" when none), when the word alone is a demonym.
    pub demonym: Option<&'static str>,
}

/// A word of no table.
pub static EMPTY_LEX: Lex = Lex { flags: 0, place: None, demonym: None };

pub const LEX_STOP: u32 = 1;
pub const LEX_ORG_WORD: u32 = 1 << 1;
/// Organisation word that is also a lowercase type cue (`org_words` value true).
pub const LEX_ORG_CUE: u32 = 1 << 2;
pub const LEX_PLACE_WORD: u32 = 1 << 3;
/// Place word that is also a lowercase "X of" cue (`place_words` value true).
pub const LEX_PLACE_CUE: u32 = 1 << 4;
pub const LEX_MULTI_FIRST: u32 = 1 << 5;
pub const LEX_TITLE_LAST: u32 = 1 << 6;
/// A one-word title (honorific or not: see `LEX_HONORIFIC`).
pub const LEX_TITLE: u32 = 1 << 7;
pub const LEX_HONORIFIC: u32 = 1 << 8;
/// A known institution's whole folded name.
pub const LEX_ORG: u32 = 1 << 9;
pub const LEX_REPORTING: u32 = 1 << 10;
pub const LEX_STARTER: u32 = 1 << 11;
/// First word of a corporate-context phrase after a name (`company_after`).
pub const LEX_CO_AFTER_FIRST: u32 = 1 << 12;
/// Last word of a corporate-context phrase before a name (`company_before`).
pub const LEX_CO_BEFORE_LAST: u32 = 1 << 13;
/// Name particle ("von", "de", "bin"; see `mentions::PARTICLES`).
pub const LEX_PARTICLE: u32 = 1 << 14;
/// Head word that takes "of" inside a name ("Ministry of", "Secretary of").
pub const LEX_OF_HEAD: u32 = 1 << 15;
/// Direction word ("North", "Central") that may precede a place.
pub const LEX_DIRECTION: u32 = 1 << 16;
/// Place preposition ("in", "near").
pub const LEX_PLACE_PREP: u32 = 1 << 17;
/// First word of a known institution's name of several words (`orgs`).
pub const LEX_ORG_FIRST: u32 = 1 << 18;
/// A known institution's acronym, folded ("un" of "UN" and "U.N.", "fed").
pub const LEX_ACRONYM: u32 = 1 << 19;

impl Lex {
    /// True when any of `flags` is set.
    #[inline]
    pub fn is(&self, flags: u32) -> bool {
        self.flags & flags != 0
    }
}

/// The tables, built on first use.
pub fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(build)
}

fn plural(s: &str) -> String {
    if s.ends_with("sh") || s.ends_with("ch") || s.ends_with('s') || s.ends_with('i') || s.ends_with("ese") {
        s.to_string()
    } else {
        format!("{s}s")
    }
}

fn build() -> Tables {
    let mut places = HashMap::default();
    let mut demonyms = HashMap::default();
    let mut capitals: Vec<&str> = Vec::new();
    for line in lines(COUNTRIES) {
        let mut cols = line.split('\t');
        let names = cols.next().unwrap_or("");
        let dems = cols.next().unwrap_or("");
        let caps = cols.next().unwrap_or("");
        let canonical = names.split('|').next().unwrap_or("").trim();
        if canonical.is_empty() {
            continue;
        }
        for n in names.split('|').map(str::trim).filter(|n| !n.is_empty()) {
            places.insert(fold(n), Place { canonical, country: true });
        }
        for d in dems.split('|').map(str::trim).filter(|d| !d.is_empty()) {
            let f = fold(d);
            demonyms.insert(plural(&f), canonical);
            demonyms.insert(f, canonical);
        }
        capitals.extend(caps.split('|').map(str::trim).filter(|c| !c.is_empty()));
    }
    // Places before capitals: a line of entity_places.txt can give a capital's other
    // spellings ("Kyiv|Kiev"), which countries.tsv lists as capitals of their own.
    for line in lines(PLACES).chain(lines(REGIONS)) {
        let canonical = line.split('|').next().unwrap_or("").trim();
        for n in line.split('|').map(str::trim).filter(|n| !n.is_empty()) {
            places.entry(fold(n)).or_insert(Place { canonical, country: false });
        }
    }
    for c in capitals {
        places.entry(fold(c)).or_insert(Place { canonical: c, country: false });
    }
    for line in lines(DEMONYMS) {
        let mut f = fields(line);
        let d = f.next().unwrap_or("");
        let p = f.next().unwrap_or("");
        if d.is_empty() {
            continue;
        }
        let fd = fold(d);
        demonyms.insert(plural(&fd), p);
        demonyms.insert(fd, p);
    }
    let mut titles = HashMap::default();
    let mut max_title_words = 1;
    for line in lines(TITLES) {
        let (t, honorific) = match line.strip_suffix('*') {
            Some(t) => (t.trim(), true),
            None => (line, false),
        };
        let t = fold(t).replace('.', "");
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        max_title_words = max_title_words.max(t.split(' ').count());
        titles.insert(t, honorific);
    }
    let marked = |data: &'static str| -> HashMap<String, bool> {
        lines(data)
            .map(|l| match l.strip_suffix('>') {
                Some(w) => (fold(w.trim()), true),
                None => (fold(l), false),
            })
            .collect()
    };
    let org_words = marked(ORG_WORDS);
    let place_words = marked(PLACE_WORDS);
    let stopwords: HashSet<String> = lines(STOPWORDS).map(fold).collect();
    let starters: HashSet<String> = lines(STARTERS).map(fold).collect();
    let mut orgs = HashMap::default();
    let mut org_acronyms = HashMap::default();
    for line in lines(ORGS) {
        let mut f = fields(line);
        let long = f.next().unwrap_or("");
        if long.is_empty() {
            continue;
        }
        let acr = f.next().filter(|a| !a.is_empty());
        // (a translated name stands for the English institution it names)
        let same_as = f.next().filter(|e| !e.is_empty()).unwrap_or(long);
        orgs.insert(fold(long), same_as);
        if let Some(a) = acr {
            org_acronyms.entry(a.replace('.', "")).or_insert(same_as);
        }
    }
    let org_tails: HashSet<String> = orgs.keys().filter(|k| k.contains(' ')).filter_map(|k| k.rsplit(' ').next()).map(str::to_string).collect();
    let mut given_names = HashMap::default();
    for (i, line) in lines(GIVEN_NAMES).enumerate() {
        for n in fields(line).filter(|n| !n.is_empty()) {
            given_names.entry(super::keys::norm_token(n)).or_insert(i as u32);
        }
    }
    let reporting_verbs: HashSet<&'static str> = lines(crate::lexicon::REPORTING_VERBS).flat_map(fields).filter(|w| !w.is_empty()).collect();
    let mut multi_first = HashSet::default();
    for k in places.keys().chain(demonyms.keys()).chain(titles.keys()) {
        if let Some((first, _)) = k.split_once(' ') {
            multi_first.insert(first.to_string());
        }
    }
    let title_last: HashSet<String> = titles.keys().filter_map(|k| k.rsplit(' ').next()).map(str::to_string).collect();
    let mut lex: HashMap<String, Lex> = HashMap::default();
    let mut mark = |k: &str, f: u32| {
        if !k.contains(' ') {
            lex.entry(k.to_string()).or_insert(EMPTY_LEX).flags |= f;
        }
    };
    for k in &stopwords {
        mark(k, LEX_STOP);
    }
    for (k, &cue) in &org_words {
        mark(k, LEX_ORG_WORD | if cue { LEX_ORG_CUE } else { 0 });
    }
    for (k, &cue) in &place_words {
        mark(k, LEX_PLACE_WORD | if cue { LEX_PLACE_CUE } else { 0 });
    }
    for k in &multi_first {
        mark(k, LEX_MULTI_FIRST);
    }
    for k in &title_last {
        mark(k, LEX_TITLE_LAST);
    }
    for (k, &h) in &titles {
        mark(k, LEX_TITLE | if h { LEX_HONORIFIC } else { 0 });
    }
    for k in orgs.keys() {
        mark(k, LEX_ORG);
        if let Some((first, _)) = k.split_once(' ') {
            mark(first, LEX_ORG_FIRST);
        }
    }
    for k in &reporting_verbs {
        mark(k, LEX_REPORTING);
    }
    for k in org_acronyms.keys() {
        mark(&fold(k), LEX_ACRONYM);
    }
    for k in &starters {
        mark(k, LEX_STARTER);
    }
    for (k, p) in &places {
        if !k.contains(' ') {
            lex.entry(k.clone()).or_insert(EMPTY_LEX).place = Some(*p);
        }
    }
    for (k, d) in &demonyms {
        if !k.contains(' ') {
            lex.entry(k.clone()).or_insert(EMPTY_LEX).demonym = Some(*d);
        }
    }
    let mut company_after = HashSet::default();
    let mut company_before = HashSet::default();
    for line in lines(COMPANY_CUES) {
        let norm = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(w) = line.strip_prefix("...") {
            company_after.insert(norm(w));
        } else if let Some(w) = line.strip_suffix("...") {
            company_before.insert(norm(w));
        }
    }
    use super::mentions::{DIRECTIONS, OF_HEADS, PARTICLES, PLACE_PREPS};
    for (list, f) in [(PARTICLES, LEX_PARTICLE), (OF_HEADS, LEX_OF_HEAD), (DIRECTIONS, LEX_DIRECTION), (PLACE_PREPS, LEX_PLACE_PREP)] {
        for k in list {
            lex.entry(k.to_string()).or_insert(EMPTY_LEX).flags |= f;
        }
    }
    for k in &company_after {
        let first = k.split(' ').next().unwrap_or("");
        lex.entry(first.to_string()).or_insert(EMPTY_LEX).flags |= LEX_CO_AFTER_FIRST;
    }
    for k in &company_before {
        let last = k.rsplit(' ').next().unwrap_or("");
        lex.entry(last.to_string()).or_insert(EMPTY_LEX).flags |= LEX_CO_BEFORE_LAST;
    }
    let portfolios = lines(PORTFOLIOS).map(|l| fold(l).split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let cities: HashSet<String> = lines(CITIES).map(fold).collect();
    Tables {
        cities,
        portfolios,
        company_after,
        company_before,
        lex,
        title_last,
        multi_first,
        places,
        demonyms,
        titles,
        max_title_words,
        org_words,
        place_words,
        stopwords,
        starters,
        orgs,
        org_acronyms,
        org_tails,
        given_names,
        reporting_verbs,
    }
}

impl Tables {
    /// What folded word `w` is in the tables ([`EMPTY_LEX`] when nothing).
    #[inline]
    pub fn lex(&self, w: &str) -> &Lex {
        self.lex.get(w).unwrap_or(&EMPTY_LEX)
    }

    /// The place named by folded `key`, if it is in the gazetteer.
    pub fn place(&self, key: &str) -> Option<&Place> {
        self.places.get(key)
    }

    /// True when folded `w` is an organisation word.
    pub fn is_org_word(&self, w: &str) -> bool {
        self.org_words.contains_key(w)
    }

    /// True when folded `w` is a place word ("square", "airport").
    pub fn is_place_word(&self, w: &str) -> bool {
        self.place_words.contains_key(w)
    }

    /// True when folded `w` is a reporting verb form.
    pub fn is_reporting_verb(&self, w: &str) -> bool {
        self.reporting_verbs.contains(w)
    }
}

#[cfg(test)]
mod tests {
    use super::tables;

    #[test]
    fn tables_load() {
        let t = tables();
        assert_eq!(t.place("us").map(|p| p.canonical), Some("United States"));
        assert!(t.place("paris").is_some_and(|p| !p.country));
        assert_eq!(t.demonyms.get("turkish").copied(), Some("Turkey"));
        assert_eq!(t.demonyms.get("kenyans").copied(), Some("Kenya"));
        assert!(t.titles.contains_key("secretary of state"));
        assert_eq!(t.titles.get("mr").copied(), Some(true));
        assert!(t.is_org_word("ministry"));
        assert!(t.is_place_word("airport"));
        assert!(t.stopwords.contains("friday"));
        assert_eq!(t.org_acronyms.get("UN").copied(), Some("United Nations"));
        assert_eq!(t.given_names.get("stefane"), t.given_names.get("stefen"));
        assert!(t.is_reporting_verb("said"));
    }

    #[test]
    fn tail_words() {
        for n in 1..8usize {
            let rest: Vec<u8> = (0..n as u8).map(|i| 0xA1 + 7 * i).collect();
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(&rest);
            assert_eq!(super::tail_word(&rest), u64::from_le_bytes(b), "{n}");
        }
    }

    #[test]
    fn word_filter() {
        let mut f = super::WordFilter::for_text(1000);
        for w in ["officials", "river", "protests"] {
            f.insert(w);
        }
        assert!(f.contains("river") && f.contains("officials"));
        let misses = ["rivers", "official", "norway", "lagos", "tokyo", "quito"].iter().filter(|w| f.contains(w)).count();
        assert_eq!(misses, 0);
    }
}
