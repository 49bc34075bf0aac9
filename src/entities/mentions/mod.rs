//! Finding mentions in one document: runs of capitalised words, split into names, titles,
//! demonyms and gazetteer places, with the local cues that later decide each entity's kind.
//!
//! A run is a sequence of capitalised words (and all-capital acronyms) joined by name
//! particles ("von der", "bin", "de", "van", "al-"), initials ("M."), abbreviations with a
//! period ("Gen.", "St."), "&", and "of" after an organisation, place-type or title word
//! ("Ministry of Defense", "Secretary of State"). A run is then split into pieces:
//! - titles and honorifics ("President", "Secretary of State", "Acting", "Mr.") become the
//!   role of the name that follows and are never part of it;
//! - demonyms ("Kazakh", "Turkish", "Central Asian") are recorded as links to their place,
//!   not as mentions (except before an organisation word: "European Commission");
//! - stopwords, months and weekdays break the run;
//! - a country before a name that contains an organisation word is its own mention
//!   ("US" + "State Department").
//!
//! Sentence-initial and headline-case words are marked weak: [`super`] keeps them only
//! when confirmed elsewhere (see `confirm` there).

mod candidate;
mod context;
mod defs;
mod lookup;
mod pieces;
mod runs;
mod words;

use candidate::*;
use context::*;
use defs::*;
use lookup::*;
use pieces::*;
use runs::*;
use words::*;

pub(crate) use lookup::{DIRECTIONS, OF_HEADS, PARTICLES, PLACE_PREPS};
pub use candidate::camel_case;
pub use defs::{acronym_of, title_case_word};


use crate::entities::tables::{
    tables, Lex, EMPTY_LEX, Tables, LEX_HONORIFIC, LEX_MULTI_FIRST, LEX_CO_AFTER_FIRST, LEX_CO_BEFORE_LAST, LEX_DIRECTION, LEX_OF_HEAD, LEX_PARTICLE, LEX_PLACE_PREP, LEX_ORG, LEX_ORG_CUE, LEX_ORG_FIRST, LEX_ACRONYM, LEX_ORG_WORD, LEX_PLACE_CUE, LEX_PLACE_WORD,
    LEX_REPORTING, LEX_STOP, LEX_TITLE, LEX_TITLE_LAST,
};
use crate::text::fold::fold;
use crate::text::tokens::{is_apostrophe, is_hyphen, TokenKind};
use crate::text::TextDoc;


/// Evidence for each kind, summed over an entity's mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cues {
    pub person: i32,
    pub place: i32,
    pub org: i32,
    /// Mentions in corporate context ("shares of X", "X's profits", "X chief executive").
    pub company: i32,
    /// Mentions with personal evidence beyond a reporting verb: a title, honorific or role
    /// before the name, "the X administration", or a name of several words.
    pub personal: i32,
    /// Mentions whose only person cue is being several capitalised words (+3 each in
    /// `person`; see [`Cues::add`]).
    pub plain: i32,
    /// Mentions written as a ship's name ("MV X", "the ferry X", "aboard the X").
    pub thing: i32,
    /// Mentions whose name is a city of the generated gazetteer (weak place evidence).
    pub city: i32,
}

impl Cues {
    pub fn add(&mut self, o: Cues) {
        // Plain several-word names count +3 for the first and +1 for each further one, so
        // a name repeated bare many times does not outweigh what its context says.
        let excess = |p: i32| (p - 1).max(0);
        let before = excess(self.plain);
        self.plain += o.plain;
        self.person += o.person - 2 * (excess(self.plain) - before);
        self.place += o.place;
        self.org += o.org;
        self.company += o.company;
        self.personal += o.personal;
        self.thing += o.thing;
        self.city += o.city;
    }
}

/// One candidate mention (byte offsets into the document).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    /// Title written before the name, as written ("President", "spokesman").
    pub role: Option<String>,
    /// Mr./Ms./Dr.-style honorific before the name.
    pub honorific: bool,
    /// Number of name words (folded, possessive removed); the words are the `key` split at
    /// its spaces (see [`Candidate::words`]).
    pub n_words: usize,
    /// Byte offset where each name word starts (filled only for weak names of several
    /// words, the only ones whose leading words may be dropped).
    pub word_starts: Vec<usize>,
    /// The name words joined by single spaces.
    pub key: String,
    /// The first word is the sentence's first word (or follows an opening quote).
    pub weak_first: bool,
    /// The sentence is in headline case.
    pub headline: bool,
    /// One all-capital word of 2–6 characters ("CSTO", "U.N.").
    pub acronym: bool,
    /// Gazetteer place (canonical name), when the whole name is one.
    pub place: Option<&'static str>,
    /// Known institution (display long form), when the whole name is one.
    pub known_org: Option<&'static str>,
    /// Written with a possessive ("Russia's").
    pub possessive: bool,
    /// Followed by a reporting verb ("X said").
    pub reporting: bool,
    /// Followed by a capitalised title ("CalFire Operations" + "Chief X"): trailing common
    /// nouns may belong to the title (see `confirm::trim_title_modifiers`).
    pub before_title: bool,
    /// The country or place an organisation-word name belongs to, when written next to it
    /// ("Russia's Foreign Ministry", "the Russian Foreign Ministry", "US State Department");
    /// set in [`super::analyze`].
    pub qualifier: Option<std::borrow::Cow<'static, str>>,
    /// The name without a leading demonym, when `qualifier` came from one inside the name
    /// ("Kazakh Parliament" → "parliament"); otherwise empty (use `key`).
    pub base_key: String,
    pub cues: Cues,
}

impl Candidate {
    /// The name words (folded, possessive removed): `key` split at its spaces (no word
    /// contains a space).
    pub fn words(&self) -> Words<'_> {
        Words { rest: &self.key, left: self.n_words }
    }

    /// The first name word.
    pub fn first_word(&self) -> Option<&str> {
        self.words().next()
    }

    /// The last name word.
    pub fn last_word(&self) -> Option<&str> {
        if self.n_words == 0 {
            None
        } else {
            Some(self.key.bytes().rposition(|b| b == b' ').and_then(|p| self.key.get(p + 1..)).unwrap_or(&self.key))
        }
    }

    /// The key without its first word ("" for a single word).
    pub fn key_after_first(&self) -> &str {
        self.key.bytes().position(|b| b == b' ').and_then(|p| self.key.get(p + 1..)).unwrap_or("")
    }
}

/// The words of a candidate's key (see [`Candidate::words`]).
#[derive(Clone)]
pub struct Words<'a> {
    rest: &'a str,
    left: usize,
}

impl<'a> Words<'a> {
    /// The first `n` words of `key` (words split at single spaces).
    pub fn new(key: &'a str, n: usize) -> Self {
        Words { rest: key, left: n }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        match self.rest.bytes().position(|b| b == b' ') {
            Some(p) => {
                let w = self.rest.get(..p).unwrap_or("");
                self.rest = self.rest.get(p + 1..).unwrap_or("");
                Some(w)
            }
            None => Some(std::mem::take(&mut self.rest)),
        }
    }
}

/// A definition "Long Form (ABBR)" or "ABBR (Long Form)" found in a sentence.
#[derive(Debug, Clone)]
pub struct Definition {
    /// The acronym, dots removed.
    pub acronym: String,
    /// Byte span of the long form chosen by Schwartz–Hearst (or the whole capitalised run).
    pub long_start: usize,
    pub long_end: usize,
    /// The long form starts with a lowercase word: a term ("liquefied petroleum gas"),
    /// not a name.
    pub term: bool,
    /// Byte span of the short form (the acronym, or the short name in brackets).
    pub short_start: usize,
    pub short_end: usize,
    /// The short form is a name of one or more words, not an acronym ("California
    /// Department of Forestry and Fire Protection (Cal Fire)"); `acronym` is empty.
    pub alias: bool,
}

impl Definition {
    /// Acronym `acronym`, written at `short`, defines the name at bytes `long` (not a term).
    fn acronym(acronym: String, long: std::ops::Range<usize>, short: &words::W) -> Self {
        Definition { acronym, long_start: long.start, long_end: long.end, term: false, short_start: short.start, short_end: short.end, alias: false }
    }
}

/// Everything found in one document.
#[derive(Debug, Default)]
pub struct DocMentions {
    pub candidates: Vec<Candidate>,
    pub definitions: Vec<Definition>,
    /// Places linked by demonyms ("Kazakh" → Kazakhstan): (byte offset, place).
    pub demonym_links: Vec<(usize, &'static str)>,
    /// The same links by the byte offset where the demonym ends (to qualify the name that
    /// follows: "Russian" + "Foreign Ministry").
    pub demonym_ends: Vec<(usize, &'static str)>,
}

/// Finds the candidates, definitions and demonym links of one document.
///
/// `lowercase_seen` receives every lowercase word of the document (for the confirmation of
/// sentence-initial words across the corpus).
pub fn find(doc: &TextDoc, lowercase_seen: &mut crate::entities::tables::WordFilter) -> DocMentions {
    let t = tables();
    let mut out = DocMentions::default();
    // About one candidate per 60 bytes of news text: no regrowth of these large records.
    out.candidates.reserve((doc.text.len() / 48 + 8).min(1 << 14));
    let text = doc.text;
    let mut toks: Vec<Tok> = Vec::with_capacity(256);
    let mut pieces: Vec<Piece> = Vec::with_capacity(8);
    out.demonym_links.reserve(16);
    out.demonym_ends.reserve(16);
    // One sentence at a time (sentences are bounded in length, see
    // `crate::text::sentences`), so that memory follows what is found, not the words
    // scanned. Keys that are not slices of the text live in `keybuf` (one buffer for the
    // sentence instead of one string per word).
    let mut owned: Vec<(usize, usize, usize)> = Vec::with_capacity(16);
    for (si, range) in doc.sentences.iter().enumerate() {
        let stext = match text.get(range.clone()) {
            Some(s) => s,
            None => continue,
        };
        scan(text, range.start, range.end, &mut toks);
        split_glued_dash(&mut toks, t);
        let mut words: Vec<W> = Vec::with_capacity(toks.len());
        let mut keybuf = String::with_capacity(stext.len() / 3 + 16);
        owned.clear();
        let paren = build_words(text, &toks, &mut keybuf, &mut owned, &mut words, lowercase_seen);
        let headline = is_headline(&words, stext);
        for &(i, a, b) in &owned {
            if let Some(w) = words.get_mut(i) {
                w.key = keybuf.get(a..b).unwrap_or("");
            }
        }
        for w in words.iter_mut() {
            if w.cap {
                w.lx(t);
            }
        }
        sentence(doc, si, &words, headline, paren, t, &mut out, &mut pieces);
    }
    // (the reserve above is several times what most documents fill: give it back, as the
    // candidates of every document are held until all are found)
    out.candidates.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let doc = TextDoc::new(0, text);
        let mut seen = crate::entities::tables::WordFilter::for_text(1000);
        let m = find(&doc, &mut seen);
        m.candidates.iter().map(|c| (text[c.start..c.end].to_string(), c.role.clone())).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        names(text).into_iter().map(|x| x.0).collect()
    }

    /// The acronym definitions of `text`: (acronym, long form, is a term).
    fn defs(text: &str) -> Vec<(String, String, bool)> {
        let doc = TextDoc::new(0, text);
        let mut seen = crate::entities::tables::WordFilter::for_text(1000);
        let m = find(&doc, &mut seen);
        m.definitions.iter().map(|d| (d.acronym.clone(), doc.text[d.long_start..d.long_end].to_string(), d.term)).collect()
    }

    fn def(acronym: &str, long: &str, term: bool) -> (String, String, bool) {
        (acronym.to_string(), long.to_string(), term)
    }

    #[test]
    fn titles_are_roles_not_names() {
        let n = names("Flooding hit the coast as French President Marie Dubois met US Secretary of State Tom Reyes.");
        assert!(n.contains(&("Marie Dubois".into(), Some("President".into()))), "{n:?}");
        assert!(n.contains(&("Tom Reyes".into(), Some("Secretary of State".into()))), "{n:?}");
        assert!(n.contains(&("US".into(), None)), "{n:?}");
        assert!(!n.iter().any(|x| x.0.contains("French")));
    }

    #[test]
    fn particles_initials_hyphens_apostrophes() {
        let t = texts("Officials said Anna von der Berg, Jean-Luc O'Neill and Mary K. Holt visited Ali al-Hamadi.");
        assert!(t.contains(&"Anna von der Berg".to_string()), "{t:?}");
        assert!(t.contains(&"Jean-Luc O'Neill".to_string()), "{t:?}");
        assert!(t.contains(&"Mary K. Holt".to_string()), "{t:?}");
        assert!(t.contains(&"Ali al-Hamadi".to_string()), "{t:?}");
    }

    #[test]
    fn possessives_and_compounds() {
        let t = texts("Norway's fishing fleet joined a Sweden-led effort with Finnish boats.");
        assert_eq!(t, vec!["Norway", "Sweden"]);
    }

    #[test]
    fn lowercase_roles_and_org_split() {
        let n = names("The storm hit Peru, Interior Ministry spokesman Luis Campos told reporters.");
        assert!(n.contains(&("Luis Campos".into(), Some("spokesman".into()))), "{n:?}");
        assert!(n.iter().any(|x| x.0 == "Interior Ministry"), "{n:?}");
    }

    #[test]
    fn country_before_org_is_separate() {
        let t = texts("The quake was felt in Chile, the Chile Interior Ministry said, and the Lima Times wrote.");
        assert!(t.contains(&"Interior Ministry".to_string()), "{t:?}");
        assert!(t.contains(&"Lima Times".to_string()), "{t:?}");
    }

    #[test]
    fn acronym_definitions() {
        let d = defs("The World Flood Agency (WFA) and the Northern Grain Council (NCG) met on the liquefied natural gas (LNG) price.");
        assert!(d.contains(&def("WFA", "World Flood Agency", false)), "{d:?}");
        assert!(d.contains(&def("NCG", "Northern Grain Council", false)), "{d:?}");
        assert!(d.contains(&def("LNG", "liquefied natural gas", true)), "{d:?}");
    }

    #[test]
    fn the_capitalised_name_with_the_acronyms_initials_is_its_long_form() {
        // (Schwartz–Hearst alone finds the second S inside "Administration" and stops at
        // "Support")
        let d = defs("The federal Social Support Administration (SSA) paid the claims.");
        assert_eq!(d, vec![def("SSA", "Social Support Administration", false)]);
    }

    #[test]
    fn a_list_of_lowercase_terms_defines_an_acronym_as_a_term() {
        let d = defs("Officials, doctors and nurses urged the tetanus, diphtheria, and pertussis (TDP) shot.");
        assert_eq!(d, vec![def("TDP", "tetanus, diphtheria, and pertussis", true)]);
    }
}

#[cfg(test)]
mod demonym_tests {
    use super::*;

    #[test]
    fn demonyms_are_recorded_as_links() {
        let doc = TextDoc::new(0, "Turkish rescuers and Kenyan medics reached the Central Asian border town.");
        let mut seen = crate::entities::tables::WordFilter::for_text(1000);
        let m = find(&doc, &mut seen);
        let links: Vec<&str> = m.demonym_links.iter().map(|l| l.1).collect();
        assert_eq!(links, vec!["Turkey", "Kenya", "Central Asia"]);
        assert!(m.candidates.is_empty(), "demonyms are not mentions");
    }
}
