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

use super::tables::{
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
    pub vessel: i32,
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
        self.vessel += o.vessel;
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

/// A word of a sentence after merging dotted acronyms and abbreviation periods.
#[derive(Debug, Clone)]
struct W<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// Folded text, periods removed, possessive removed.
    key: &'a str,
    /// What the key is in the tables; `None` until looked up (plain lowercase words are
    /// looked up only when a rule asks, see [`W::lx`]).
    lex: std::cell::Cell<Option<&'static Lex>>,
    cap: bool,
    allcaps: bool,
    possessive: bool,
    /// Hyphenated compound with a lowercase tail ("Russia-led"): only the head is kept.
    compound: bool,
    punct: bool,
}

impl W<'_> {
    /// What the word's key is in the tables.
    #[inline]
    fn lx(&self, t: &'static Tables) -> &'static Lex {
        match self.lex.get() {
            Some(l) => l,
            None => {
                let l = t.lex(self.key);
                self.lex.set(Some(l));
                l
            }
        }
    }

    /// True when the word's key has any of the `LEX_*` flags.
    #[inline]
    fn is(&self, t: &'static Tables, flags: u32) -> bool {
        self.lx(t).is(flags)
    }
}

pub(super) const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "el", "dos",
    "das", "ter", "zu", "y", "st",
];
pub(super) const OF_HEADS: &[&str] = &[
    "republic", "kingdom", "university", "bank", "ministry", "department", "council", "organization", "organisation",
    "court", "commonwealth", "federation", "union", "league", "association", "institute", "school", "college",
    "church", "city", "gulf", "bay", "sea", "isle", "cape", "lake", "strait", "state", "states", "house", "office",
    "party", "people's", "chamber", "board", "bureau", "commission", "committee", "fund", "agency", "academy",
    "museum", "sisters", "brothers", "friends", "secretary", "minister", "chief", "head", "director", "governor",
    "mayor", "president", "prime", "duke", "prince", "king", "queen", "emir", "sultan", "archbishop", "bishop",
];
/// Place words that start place names ("River Selm", "Lake Tana", "Mount Oro").
pub(super) const PLACE_HEADS: &[&str] = &["river", "lake", "mount", "mt", "cape", "port", "gulf", "bay", "isle", "fort", "strait"];
pub(super) const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "greater", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern",
];
pub(super) const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "across", "outside", "inside", "from", "to", "into", "throughout", "around", "through",
    // translated copy: French, Spanish, Portuguese, Italian
    // (folded; not "à"/"a", which folds to the English article)
    "dans", "pres", "en", "cerca", "desde", "hacia", "perto", "vicino",
];

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "«" | "'" | "(" | "[" | "—" | "–" | ":")
}

/// Strips a trailing possessive from a word's text; returns (text, possessive).
fn strip_possessive(t: &str) -> (&str, bool) {
    if !matches!(t.as_bytes().last(), Some(b's') | Some(b'S')) {
        return (t, false);
    }
    for suf in ["'s", "’s", "ʼs", "'S", "’S"] {
        if let Some(h) = t.strip_suffix(suf) {
            if !h.is_empty() {
                return (h, true);
            }
        }
    }
    (t, false)
}

/// The acronym of a word written with a French elided article or preposition before it
/// ("l'ONU", "L’OTAN", "d'OMS" → "ONU", "OTAN", "OMS"): two to eight capitals after it.
fn elided_acronym(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b'l' | b'L' | b'd' | b'D')) || b.len() < 4 {
        return None;
    }
    let rest = s.get(1..)?;
    let rest = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('’'))?;
    (2..=8).contains(&rest.len()).then_some(rest).filter(|r| r.bytes().all(|x| x.is_ascii_uppercase()))
}

fn first_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True for words written "al-Assad", "el-Sisi", "bin-Salman": a lowercase particle joined
/// by a hyphen to a capitalised name.
fn particle_hyphen_name(s: &str) -> bool {
    let mut parts = s.splitn(2, is_hyphen);
    let head = parts.next().unwrap_or("");
    let tail = parts.next().unwrap_or("");
    matches!(head, "al" | "el" | "ad" | "as" | "an" | "ash" | "at" | "az" | "bin" | "ben" | "abu" | "ibn" | "ul")
        && first_upper(tail)
}

/// ASCII letters and digits.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// A token of one sentence, as [`scan`] writes it.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    /// The token's text (a slice of the document).
    text: &'a str,
    /// Byte offset of the token in the document.
    start: usize,
    kind: TokenKind,
    /// A word of lowercase ASCII letters only (most words of any text).
    lower: bool,
}

impl Tok<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The number of lowercase ASCII letters at the start of `b`, eight bytes at a time.
#[inline]
fn lowercase_run(b: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        let low = v & LOW7;
        // Per byte: high bit of (x + 0x1f) is x >= 'a'; of (x + 0x05) is x >= '{'; the
        // low seven bits cannot carry into the next byte.
        let lower = (low + 0x1f1f_1f1f_1f1f_1f1f) & !(low + 0x0505_0505_0505_0505) & !v & HIGH;
        if lower != HIGH {
            return i + ((!lower & HIGH).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
    }
    i
}

/// True for characters of the General Punctuation block (U+2000–U+206F: typographic
/// spaces, dashes, quotes), none of which is a letter or a digit: curly quotes and dashes
/// are common in news text, and this spares them the Unicode table lookups.
#[inline]
fn general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// `c.is_alphabetic()`, quick for General Punctuation.
#[inline]
fn is_alpha(c: char) -> bool {
    !general_punctuation(c) && c.is_alphabetic()
}

/// `c.is_alphanumeric()`, quick for General Punctuation.
#[inline]
fn is_alnum(c: char) -> bool {
    !general_punctuation(c) && c.is_alphanumeric()
}

/// Tokenizes `text[range]` into `out` (cleared first) with the same word rules as
/// [`crate::text::tokens::tokenize`] (letters with internal apostrophes and hyphens; digits
/// with internal separators; single other characters), without its per-call buffers.
fn scan<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let s = match text.get(start..end) {
        Some(s) => s,
        None => return,
    };
    let b = s.as_bytes();
    let n = b.len();
    let ch = |i: usize| -> Option<char> { s.get(i..).and_then(|r| r.chars().next()) };
    let is_alpha_at = |i: usize| -> bool {
        match b.get(i) {
            Some(x) if x.is_ascii() => x.is_ascii_alphabetic(),
            Some(_) => ch(i).is_some_and(is_alpha),
            None => false,
        }
    };
    let mut push = |kind: TokenKind, s0: usize, i: usize, lower: bool| {
        out.push(Tok { text: s.get(s0..i).unwrap_or(""), start: start + s0, kind, lower });
    };
    let mut i = 0;
    while i < n {
        let x = b[i];
        if x.is_ascii() {
            if x.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if x.is_ascii_alphabetic() {
                let s0 = i;
                i += 1;
                // Lowercase letters first (all of most words).
                i += lowercase_run(b.get(i..).unwrap_or(&[]));
                let lower_end = i;
                loop {
                    // Plain letters and digits first (most of a word).
                    while b.get(i).is_some_and(|&y| ASCII_ALNUM[usize::from(y)]) {
                        i += 1;
                    }
                    match b.get(i) {
                        Some(y) if y.is_ascii_alphanumeric() => i += 1,
                        Some(b'\'') | Some(b'-') if is_alpha_at(i + 1) => i += 1,
                        Some(y) if !y.is_ascii() => {
                            let c = ch(i).unwrap_or(' ');
                            let inner = (is_apostrophe(c) || is_hyphen(c)) && is_alpha_at(i + c.len_utf8());
                            if is_alnum(c) || ('\u{0300}'..='\u{036F}').contains(&c) || inner {
                                i += c.len_utf8();
                            } else {
                                break;
                            }
                        }
                        _ => break,
                    }
                }
                // Step over a multi-byte letter reached by "i += 2" after an apostrophe.
                while b.get(i).is_some_and(|&y| (y as i8) < -0x40) {
                    i += 1;
                }
                push(TokenKind::Word, s0, i, x.is_ascii_lowercase() && i == lower_end);
                continue;
            }
            if x.is_ascii_digit() {
                let s0 = i;
                i += 1;
                while i < n && (b[i].is_ascii_digit() || ((b[i] == b',' || b[i] == b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit))) {
                    i += 1;
                }
                push(TokenKind::Number, s0, i, false);
                continue;
            }
            push(TokenKind::Punct, i, i + 1, false);
            i += 1;
            continue;
        }
        // Non-ASCII character.
        let c = ch(i).unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if is_alpha(c) {
            let s0 = i;
            i += len;
            while let Some(d) = ch(i) {
                let inner = (is_apostrophe(d) || is_hyphen(d)) && is_alpha_at(i + d.len_utf8());
                if is_alnum(d) || ('\u{0300}'..='\u{036F}').contains(&d) || inner {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            push(TokenKind::Word, s0, i, false);
            continue;
        }
        push(TokenKind::Punct, i, i + len, false);
        i += len;
    }
}

/// Appends the words of one sentence's tokens to `out`; returns whether one is "(". Keys that are not a slice of the
/// text are written to `keybuf` and listed in `owned` as (word index, key range); the
/// caller points them at `keybuf` once the whole document is built.
///
/// Every word of three letters or more that starts lowercase goes into `lowercase_seen`
/// (without a possessive "'s").
fn build_words<'a>(
    text: &'a str,
    toks: &[Tok<'a>],
    keybuf: &mut String,
    owned: &mut Vec<(usize, usize, usize)>,
    out: &mut Vec<W<'a>>,
    lowercase_seen: &mut super::tables::WordFilter,
) -> bool {
    let mut paren = false;
    let mut i = 0;
    let tok_text = |k: usize| toks.get(k).map(|tk| tk.text).unwrap_or("");
    while i < toks.len() {
        let tk = toks[i];
        let s = tk.text;
        if tk.kind != TokenKind::Word {
            paren |= s == "(";
            out.push(W {
                start: tk.start,
                end: tk.end(),
                text: s,
                key: "",
                lex: std::cell::Cell::new(Some(&EMPTY_LEX)),
                cap: false,
                allcaps: false,
                possessive: false,
                compound: false,
                punct: tk.kind == TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        // Fast path: a plain lowercase ASCII word (most of any text; never the start of a
        // dotted acronym, whose letters are capitals).
        if tk.lower {
            // (no apostrophe, so no possessive to strip)
            if s.len() > 2 {
                lowercase_seen.insert(s);
            }
            out.push(W {
                start: tk.start,
                end: tk.end(),
                text: s,
                key: s,
                lex: std::cell::Cell::new(None),
                cap: false,
                allcaps: false,
                possessive: false,
                compound: false,
                punct: false,
            });
            i += 1;
            continue;
        }
        // Words of one or two letters are not needed: a weak single word needs positive
        // evidence anyway, and short function words are stopwords.
        if s.len() > 2 {
            let lower = match s.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => s.chars().next().is_some_and(char::is_lowercase),
            };
            if lower {
                lowercase_seen.insert(if s.ends_with('s') { strip_possessive(s).0 } else { s });
            }
        }
        // Dotted acronym: U . S . [A .]
        let single_upper = |k: usize| {
            toks.get(k).is_some_and(|x| x.kind == TokenKind::Word) && {
                let w = tok_text(k);
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
            }
        };
        if single_upper(i) && tok_text(i + 1) == "." && single_upper(i + 2) && tok_text(i + 3) == "." {
            let mut j = i;
            let k0 = keybuf.len();
            while single_upper(j) && tok_text(j + 1) == "." {
                keybuf.extend(tok_text(j).chars().flat_map(char::to_lowercase));
                j += 2;
            }
            owned.push((out.len(), k0, keybuf.len()));
            let end = toks.get(j - 1).map(Tok::end).unwrap_or(tk.end());
            out.push(W {
                start: tk.start,
                end,
                text: text.get(tk.start..end).unwrap_or(""),
                key: "",
                lex: std::cell::Cell::new(None),
                cap: true,
                allcaps: true,
                possessive: false,
                compound: false,
                punct: false,
            });
            i = j;
            continue;
        }
        let (mut body, possessive) = strip_possessive(s);
        // French elided article before an acronym ("l'ONU", "L’OTAN", "d'OMS"): the name is
        // the acronym.
        let mut wstart = tk.start;
        if let Some(acr) = elided_acronym(body) {
            wstart += body.len() - acr.len();
            body = acr;
        }
        let mut compound = false;
        // "Russia-led", "Soviet-era": keep the capitalised head of a compound with a
        // lowercase tail. (Only when the head itself has no lowercase-led part: "Energy-rich"
        // keeps "Energy", dropped later as an unconfirmed word.)
        let mut shape = body.is_ascii().then(|| AsciiShape::of(body.as_bytes()));
        match shape {
            Some(sh) => {
                let b = body.as_bytes();
                if let Some(p) = sh.last_hyphen {
                    if b.get(p + 1).is_some_and(u8::is_ascii_lowercase) && b.first().is_some_and(u8::is_ascii_uppercase) {
                        body = body.get(..p).unwrap_or(body).trim_end_matches('-');
                        compound = true;
                        shape = Some(AsciiShape::of(body.as_bytes()));
                    }
                }
            }
            None => {
                if let Some(p) = body.rfind(is_hyphen) {
                    let tail = &body[p..];
                    let tail = tail.trim_start_matches(is_hyphen);
                    if tail.chars().next().is_some_and(char::is_lowercase) && first_upper(body) {
                        let head = &body[..p];
                        body = head.trim_end_matches(is_hyphen);
                        compound = true;
                        shape = body.is_ascii().then(|| AsciiShape::of(body.as_bytes()));
                    }
                }
            }
        }
        let end = wstart + body.len();
        // The key, and (capitalised, all capitals, short, all capitals of 2+ characters).
        let (key, cap, allcaps, short, caps_long): (&'a str, bool, bool, bool, bool) = match shape {
            Some(sh) => {
                let key = if sh.plain_key {
                    body
                } else {
                    let k0 = keybuf.len();
                    if !sh.dot {
                        keybuf.push_str(body);
                        if let Some(k) = keybuf.get_mut(k0..) {
                            k.make_ascii_lowercase();
                        }
                    } else {
                        keybuf.extend(body.bytes().filter(|&b| b != b'.').map(|b| char::from(b.to_ascii_lowercase())));
                    }
                    owned.push((out.len(), k0, keybuf.len()));
                    ""
                };
                let b = body.as_bytes();
                let cap = b.first().is_some_and(u8::is_ascii_uppercase) || (sh.last_hyphen.is_some() && particle_hyphen_name(body));
                let no_lower = !sh.any_lower;
                (key, cap, sh.letters >= 2 && no_lower, b.len() <= 4, b.len() >= 2 && no_lower)
            }
            None => {
                let k0 = keybuf.len();
                for c in body.chars() {
                    crate::text::fold::fold_char(c, keybuf);
                }
                if keybuf.get(k0..).is_some_and(|k| k.contains('.')) {
                    let k: String = keybuf.get(k0..).unwrap_or("").chars().filter(|&c| c != '.').collect();
                    keybuf.truncate(k0);
                    keybuf.push_str(&k);
                }
                owned.push((out.len(), k0, keybuf.len()));
                let cap = first_upper(body) || particle_hyphen_name(body);
                let letters = body.chars().filter(|c| c.is_alphabetic()).count();
                let allcaps = letters >= 2 && body.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
                ("", cap, allcaps, body.chars().count() <= 4, allcaps_long(body))
            }
        };
        let mut w = W { start: wstart, end, text: body, key, lex: std::cell::Cell::new(None), cap, allcaps, possessive, compound, punct: false };
        // Abbreviation or initial followed by a period and a capitalised word: keep the
        // period ("M. Lederer", "Gen. Ivanov", "St. Petersburg").
        if cap
            && !possessive
            && !compound
            && short
            // (a company suffix ends the name: "Castellan Capital Ltd. Regulators ...")
            && !["ltd", "inc", "corp", "plc", "llc"].iter().any(|x| body.eq_ignore_ascii_case(x))
            && !caps_long
            && tok_text(i + 1) == "."
            && toks.get(i + 2).is_some_and(|x| x.kind == TokenKind::Word && first_upper(x.text))
        {
            if let Some(dot) = toks.get(i + 1) {
                w.end = dot.end();
                w.text = text.get(w.start..w.end).unwrap_or(body);
                out.push(w);
                i += 2;
                continue;
            }
        }
        out.push(w);
        i += 1;
    }
    paren
}

/// What one pass over the bytes of an ASCII word tells [`build_words`].
#[derive(Clone, Copy)]
struct AsciiShape {
    /// Byte offset of the last '-'.
    last_hyphen: Option<usize>,
    /// Has a '.'.
    dot: bool,
    /// Number of letters.
    letters: usize,
    /// Has a lowercase letter.
    any_lower: bool,
    /// Only lowercase letters, '-' and '\'': the word is its own key.
    plain_key: bool,
}

impl AsciiShape {
    fn of(b: &[u8]) -> Self {
        let mut sh = AsciiShape { last_hyphen: None, dot: false, letters: 0, any_lower: false, plain_key: true };
        for (i, &x) in b.iter().enumerate() {
            match x {
                b'a'..=b'z' => {
                    sh.letters += 1;
                    sh.any_lower = true;
                }
                b'A'..=b'Z' => {
                    sh.letters += 1;
                    sh.plain_key = false;
                }
                b'-' => sh.last_hyphen = Some(i),
                b'\'' => {}
                b'.' => {
                    sh.dot = true;
                    sh.plain_key = false;
                }
                _ => sh.plain_key = false,
            }
        }
        sh
    }
}

fn allcaps_long(s: &str) -> bool {
    s.chars().count() >= 2 && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// True when the sentence is in headline case: at least three longer words, most of them
/// capitalised, and no final period.
fn is_headline(words: &[W], sentence_text: &str) -> bool {
    // A sentence all in capitals ("SORVANIA'S DARKEST DAY.", "TRAGEDY AT SEA"): a banner.
    let mut shouted = 0;
    let all_caps = words.iter().filter(|w| !w.punct).all(|w| {
        let caps = w.allcaps && w.text.len() >= 2;
        shouted += usize::from(caps);
        caps || !w.text.bytes().any(|b| b.is_ascii_alphabetic())
    });
    if all_caps && shouted >= 2 && !sentence_text.bytes().any(|b| b.is_ascii_lowercase()) {
        return true;
    }
    if sentence_text.trim_end().ends_with(['.', '"', '”', '?', '!']) {
        return false;
    }
    let (mut long, mut caps) = (0usize, 0usize);
    for w in words.iter().filter(|w| !w.punct && w.text.len() > 3 && w.text.chars().nth(3).is_some()) {
        long += 1;
        caps += usize::from(w.cap);
    }
    long >= 3 && caps * 4 >= long * 3
}

/// A piece of a run before it becomes a candidate.
struct Piece {
    from: usize, // index into words (inclusive)
    to: usize,   // exclusive
    role: Option<(usize, usize)>,
    honorific: bool,
    cap_title: bool,
    place: Option<&'static str>,
    /// Directional word + gazetteer place ("West Kazakhstan").
    place_cue: bool,
}

/// Finds the candidates, definitions and demonym links of one document.
///
/// `lowercase_seen` receives every lowercase word of the document (for the confirmation of
/// sentence-initial words across the corpus).
pub fn find(doc: &TextDoc, lowercase_seen: &mut super::tables::WordFilter) -> DocMentions {
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

fn title_len(words: &[W], k: usize, end: usize, t: &'static Tables) -> Option<(usize, bool)> {
    let w0 = words.get(k)?;
    let longest = if w0.is(t, LEX_MULTI_FIRST) { t.max_title_words } else { 1 };
    if longest == 1 {
        let w = Some(w0).filter(|w| k < end && w.cap && !w.punct)?;
        let l = w.lx(t);
        return l.is(LEX_TITLE).then(|| (1, l.is(LEX_HONORIFIC)));
    }
    let mut best = None;
    let mut buf = PhraseBuf::new();
    for n in 1..=longest {
        let i = k + n - 1;
        if i >= end {
            break;
        }
        let w = &words[i];
        if w.punct || (n == 1 && !w.cap) {
            break;
        }
        if n > 1 {
            buf.push(" ");
        }
        buf.push(w.key);
        let hit = if n == 1 {
            let l = w.lx(t);
            l.is(LEX_TITLE).then(|| l.is(LEX_HONORIFIC))
        } else {
            buf.as_str().and_then(|key| t.titles.get(key).copied())
        };
        if let Some(h) = hit {
            // A title must end on a capitalised word inside a run.
            if w.cap {
                best = Some((n, h));
            }
        }
        if w.possessive {
            break;
        }
    }
    best
}

/// A phrase key built on the stack (no table key is longer than its capacity; a longer
/// phrase matches nothing).
struct PhraseBuf {
    buf: [u8; 120],
    len: usize,
    overflow: bool,
}

impl PhraseBuf {
    fn new() -> Self {
        PhraseBuf { buf: [0; 120], len: 0, overflow: false }
    }

    fn push(&mut self, s: &str) {
        let end = self.len + s.len();
        match self.buf.get_mut(self.len..end) {
            Some(dst) if !self.overflow => {
                dst.copy_from_slice(s.as_bytes());
                self.len = end;
            }
            _ => self.overflow = true,
        }
    }

    fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }

    /// The words `k..k + n` joined by single spaces.
    fn of(words: &[W], k: usize, n: usize) -> Self {
        let mut b = PhraseBuf::new();
        for (j, w) in words.get(k..k + n).unwrap_or(&[]).iter().enumerate() {
            if j > 0 {
                b.push(" ");
            }
            b.push(w.key);
        }
        b
    }
}

fn place_len(words: &[W], k: usize, end: usize, t: &'static Tables) -> Option<(usize, &'static str, bool)> {
    let w0 = words.get(k)?;
    if !w0.is(t, LEX_MULTI_FIRST) {
        // One word: the word itself.
        return w0.lx(t).place.filter(|_| k < end).map(|p| (1, p.canonical, p.country));
    }
    let longest = 4;
    let phrase = Phrase::of(words, k, longest.min(end.saturating_sub(k)));
    let whole = phrase.buf.as_str();
    for n in (1..=longest).rev() {
        if k + n > end {
            continue;
        }
        if words[k..k + n - 1].iter().any(|w| w.possessive || w.compound) {
            continue;
        }
        let p = if n == 1 {
            w0.lx(t).place
        } else if !phrase.buf.overflow {
            phrase.first(whole, n).and_then(|key| t.place(key).copied())
        } else {
            PhraseBuf::of(words, k, n).as_str().and_then(|key| t.place(key).copied())
        };
        if let Some(p) = p {
            return Some((n, p.canonical, p.country));
        }
    }
    None
}

/// The words `k..k + m` joined by single spaces, built and checked once, and the byte
/// length of each shorter prefix of whole words.
struct Phrase {
    buf: PhraseBuf,
    /// Byte length after 1, 2, 3, 4 words.
    ends: [usize; 4],
    m: usize,
}

impl Phrase {
    fn of(words: &[W], k: usize, m: usize) -> Self {
        let mut buf = PhraseBuf::new();
        let mut ends = [0; 4];
        let m = m.min(4);
        for (j, w) in words.get(k..k + m).unwrap_or(&[]).iter().enumerate() {
            if j > 0 {
                buf.push(" ");
            }
            buf.push(w.key);
            if let Some(e) = ends.get_mut(j) {
                *e = buf.len;
            }
        }
        Phrase { buf, ends, m }
    }

    /// The first `n` words joined (as [`PhraseBuf::of`] would build them); `whole` is
    /// [`PhraseBuf::as_str`] of the phrase, checked once. Returns `None` when the phrase
    /// did not fit the buffer (build the shorter one alone then).
    fn first<'s>(&self, whole: Option<&'s str>, n: usize) -> Option<&'s str> {
        whole.and_then(|w| w.get(..*self.ends.get(n.checked_sub(1)?)?)).filter(|_| n <= self.m)
    }
}

fn demonym_len(words: &[W], k: usize, end: usize, t: &'static Tables) -> Option<(usize, &'static str)> {
    let w0 = words.get(k)?;
    if !w0.is(t, LEX_MULTI_FIRST) {
        // One word: the word itself.
        return w0.lx(t).demonym.filter(|_| k < end).map(|p| (1, p));
    }
    let longest = 3;
    let phrase = Phrase::of(words, k, longest.min(end.saturating_sub(k)));
    let whole = phrase.buf.as_str();
    for n in (1..=longest).rev() {
        if k + n > end {
            continue;
        }
        if words[k..k + n - 1].iter().any(|w| w.possessive || w.compound) {
            continue;
        }
        let p = if n == 1 {
            w0.lx(t).demonym
        } else if !phrase.buf.overflow {
            phrase.first(whole, n).and_then(|key| t.demonyms.get(key).copied())
        } else {
            PhraseBuf::of(words, k, n).as_str().and_then(|key| t.demonyms.get(key).copied())
        };
        if let Some(p) = p {
            return Some((n, p));
        }
    }
    None
}

fn is_particle(w: &W) -> bool {
    // (every particle has one to five letters: most words need no lookup)
    !w.cap && (1..=MAX_PARTICLE_LEN).contains(&w.key.len()) && w.is(tables(), LEX_PARTICLE)
}

/// The length of the longest of [`PARTICLES`].
const MAX_PARTICLE_LEN: usize = {
    let mut m = 0;
    let mut i = 0;
    while i < PARTICLES.len() {
        if PARTICLES[i].len() > m {
            m = PARTICLES[i].len();
        }
        i += 1;
    }
    m
};

fn starts_name(w: &W) -> bool {
    !w.punct && w.cap
}

/// Finds the candidates and definitions of one sentence (`paren`: the sentence has a "(",
/// so it may define an acronym).
#[allow(clippy::too_many_arguments)]
fn sentence(doc: &TextDoc, si: usize, words: &[W], headline: bool, paren: bool, t: &'static Tables, out: &mut DocMentions, pieces: &mut Vec<Piece>) {
    let n = words.len();
    // Index of the first word (not punctuation) of the sentence.
    let first_word = words.iter().position(|w| !w.punct).unwrap_or(n);
    // A wire dateline ("SANTA LUZ, Veloria (Reuters) -", "GENEVA -"): its names are places.
    let dateline_end = if headline { 0 } else { dateline_end(words, first_word) };
    let mut i = 0;
    while i < n {
        if !starts_name(&words[i]) {
            // Acronym definition with the acronym first: "ABBR (Long Form)".
            i += 1;
            continue;
        }
        let mut start = i;
        let mut j = i + 1;
        if !(words[i].possessive || words[i].compound) {
            while j < n {
                let w = &words[j];
                if w.punct {
                    if w.text == "&" && words.get(j + 1).is_some_and(starts_name) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                if w.cap {
                    j += 1;
                    if w.possessive || w.compound {
                        break;
                    }
                    continue;
                }
                // Particles between capitalised words ("Ursula von der Leyen").
                if is_particle(w) {
                    let mut k = j;
                    while k < n && is_particle(&words[k]) {
                        k += 1;
                    }
                    // ("Cruz Roja y la Media Luna Roja": "y" + article joins two names)
                    let conj = k - j == 2 && matches!(w.key, "y" | "e");
                    if words.get(k).is_some_and(starts_name) && k - j <= 2 && !conj {
                        j = k;
                        continue;
                    }
                    break;
                }
                // "Department of Forestry and Fire Protection", "Ministry of Trade and
                // Industry": "and" after "organisation word of X", before one to three
                // capitalised words that end the run and are a portfolio (not "the Ministry
                // of Health and Anna Berg").
                if w.key == "and"
                    && !words[j - 1].possessive
                    && words[i..j].iter().any(|x| x.key == "of")
                    && words[i..j].iter().any(|x| x.is(t, LEX_ORG_WORD))
                {
                    let mut k = j + 1;
                    while k < n && k <= j + 3 && words[k].cap && !words[k].punct && !words[k].possessive {
                        k += 1;
                    }
                    let ends = !words.get(k).is_some_and(|x| x.cap && !x.punct);
                    let portfolio = k > j + 1 && PhraseBuf::of(words, j + 1, k - j - 1).as_str().is_some_and(|p| t.portfolios.contains(p));
                    if ends && portfolio {
                        j += 1;
                        continue;
                    }
                }
                // "Disaster and Emergency Management Authority": "and" inside an
                // organisation name (the capitalised words after it reach an organisation
                // word), not between two places.
                if w.key == "and"
                    && !words[j - 1].possessive
                    && words[j - 1].lx(t).place.is_none()
                    && !words[i..j].iter().any(|x| x.is(t, LEX_ORG_WORD))
                {
                    let mut k = j + 1;
                    let mut org = false;
                    while k < n && k <= j + 4 && words[k].cap && !words[k].punct {
                        org |= words[k].is(t, LEX_ORG_WORD);
                        if words[k].possessive {
                            break;
                        }
                        k += 1;
                    }
                    if org && words[j + 1].lx(t).place.is_none() {
                        j += 1;
                        continue;
                    }
                }
                // "Committee to Protect Journalists", "Campaign to End Hunger": "to" after an
                // organisation word, before two or more capitalised words (not a place).
                // ("Federal Office for Civil Protection", "Office for National Statistics")
                // (only after heads that take them, and not before another organisation:
                // "sell Brightwater Energy to Castellan Capital")
                let heads: &[&str] = if w.key == "to" { TO_HEADS } else if w.key == "for" { FOR_HEADS } else { &[] };
                if heads.contains(&words[j - 1].key) && !words[j - 1].possessive {
                    let mut k = j + 1;
                    while k < n && words[k].cap && !words[k].punct && !words[k].allcaps {
                        k += 1;
                        if words[k - 1].possessive {
                            break;
                        }
                    }
                    let plain = |x: &W| x.lx(t).place.is_none() && x.lx(t).demonym.is_none() && !x.is(t, LEX_STOP | LEX_TITLE | LEX_ORG_WORD);
                    if k >= j + 3 && words[j + 1..k].iter().all(plain) {
                        j += 1;
                        continue;
                    }
                }
                if w.key == "of" {
                    let prev = &words[j - 1];
                    let head_ok = prev.is(t, LEX_ORG_WORD)
                        || prev.is(t, LEX_PLACE_CUE)
                        || prev.is(t, LEX_OF_HEAD)
                        || (prev.is(t, LEX_TITLE) && !prev.is(t, LEX_HONORIFIC));
                    let mut k = j + 1;
                    if words.get(k).is_some_and(|x| x.key == "the" && !x.cap) {
                        k += 1;
                    }
                    if head_ok && !prev.possessive && words.get(k).is_some_and(starts_name) {
                        j = k;
                        continue;
                    }
                }
                break;
            }
        }
        // A portfolio after a lowercase ministry word ("the ministry of the Interior", "the
        // department of Health") is the end of the ministry's name; after a lowercase
        // minister's title ("the minister of Foreign Affairs") it is no name of its own.
        match portfolio_head(words, start, j, t) {
            Some((h, true)) => start = h,
            Some((_, false)) => {
                i = j;
                continue;
            }
            None => {}
        }
        // (the story's first word after a dateline is sentence-initial too: "... (dpa) -
        // Floodwaters swept ...")
        let after_dateline = (2..=16).contains(&start)
            && matches!(words[start - 1].text, "-" | "—" | "–")
            && (dateline_end > 0 || words[start - 2].text == ")");
        // (a capitalised word after a company suffix's period that the sentence splitter
        // read as an abbreviation's, "... Castellan Capital Ltd. Regulators have", may start
        // a sentence)
        let initial = start == first_word
            || after_dateline
            || (start > 1
                && words[start - 1].text == "."
                && matches!(words[start - 2].key, "ltd" | "inc" | "corp" | "plc" | "llc"))
            || (start > 0 && words[start - 1].punct && is_opening_quote(words[start - 1].text));
        split_run(doc, si, words, start, j, initial, headline, start < dateline_end, t, out, pieces);
        i = j.max(start + 1);
    }
    // Definitions: "... Long Form (ABBR)" and "ABBR (Long Form)".
    if !paren {
        return;
    }
    for k in 0..n {
        if words[k].text != "(" {
            continue;
        }
        let inner_end = match words[k + 1..].iter().position(|w| w.text == ")") {
            Some(p) => k + 1 + p,
            None => continue,
        };
        if inner_end == k + 2 && is_acronym_word(&words[k + 1]) {
            let acr = &words[k + 1];
            if let Some(d) = long_before(words, k, acr) {
                out.definitions.push(d);
            }
        } else if inner_end > k + 2 && inner_end - k <= 12 && k > 0 && is_acronym_word(&words[k - 1]) {
            let acr = &words[k - 1];
            let inner = &words[k + 1..inner_end];
            if inner.iter().all(|w| !w.punct || w.text == "-" || w.text == "&") && inner.first().is_some_and(|w| w.cap) {
                let long_text: Vec<&str> = inner.iter().filter(|w| !w.punct).map(|w| w.text).collect();
                let acr_s = acronym_of(acr.text);
                if super::acronyms::matches(&acr_s, &long_text) {
                    out.definitions.push(Definition {
                        acronym: acr_s,
                        long_start: inner[0].start,
                        long_end: inner[inner.len() - 1].end,
                        term: false,
                    });
                }
            }
        }
    }
}

/// Lowercase words that take a portfolio to name a ministry ("ministry of the Interior").
const PORTFOLIO_HEADS: &[&str] = &["ministry", "ministries", "department", "ministerio", "ministere", "ministero"];
/// Lowercase titles that take a portfolio ("minister of the Interior").
const PORTFOLIO_TITLES: &[&str] = &["minister", "ministers", "secretary", "ministre", "ministro"];

/// When the run `words[start..end]` is a government portfolio after a lowercase ministry
/// word or minister's title and "of" or "of the": the index of that word, and true for a
/// ministry (part of the name) or false for a title.
fn portfolio_head(words: &[W], start: usize, end: usize, t: &'static Tables) -> Option<(usize, bool)> {
    let mut k = start.checked_sub(1)?;
    if words.get(k)?.key == "the" {
        k = k.checked_sub(1)?;
    }
    if words.get(k)?.key != "of" {
        return None;
    }
    let head = words.get(k.checked_sub(1)?)?;
    if head.cap || head.punct {
        return None;
    }
    let ministry = PORTFOLIO_HEADS.contains(&head.key);
    if !ministry && !PORTFOLIO_TITLES.contains(&head.key) {
        return None;
    }
    let run = words.get(start..end)?;
    if run.len() > 3 || run.iter().any(|w| w.punct || w.possessive) {
        return None;
    }
    let phrase = PhraseBuf::of(words, start, end - start);
    phrase.as_str().is_some_and(|p| t.portfolios.contains(p)).then_some((k - 1, ministry))
}

/// The end (word index) of the place names of a wire dateline at the start of a sentence, or 0: one to four
/// capitalised words, optionally ", " and one to three more (country or region; twice at
/// most), optionally an agency in brackets, then a dash ("SANTA LUZ, Veloria (Reuters) -",
/// "GENEVA (AP) —", "Lyon, France –"). A dateline in capitals may end at its
/// bracketed agency without a dash ("OSLO (Reuters) A ...").
fn dateline_end(words: &[W], first: usize) -> usize {
    // (quick test: a comma, bracket or dash among the first five words)
    if !words.iter().skip(first + 1).take(5).any(|w| w.punct && matches!(w.text, "," | "(" | "-" | "—" | "–" | "‒" | "―")) {
        return 0;
    }
    let name_run = |mut k: usize, max: usize| -> (usize, bool) {
        let (from, mut caps) = (k, true);
        while k < words.len() && k - from < max {
            let w = &words[k];
            if w.punct || !(w.cap || (k > from && is_particle(w))) {
                break;
            }
            caps &= w.allcaps || w.text.len() < 2 || is_particle(w);
            k += 1;
        }
        (k, caps && k > from)
    };
    let (mut k, caps) = name_run(first, 4);
    if k == first {
        return 0;
    }
    let mut parts = 1;
    let mut names_end = k;
    while parts < 3 && words.get(k).is_some_and(|w| w.text == ",") {
        // A date after the places ("KASTRO, Marendia, March 4 (AP) —", "LYON, France,
        // Tuesday -"): the month or weekday, then day and year numbers and commas.
        if words.get(k + 1).is_some_and(|w| !w.punct && crate::text::furniture::is_month_or_weekday(w.text)) {
            names_end = k;
            k += 2;
            while words.get(k).is_some_and(|w| w.text == "." || w.text.bytes().all(|b| b.is_ascii_digit()) || w.text == "," && words.get(k + 1).is_some_and(|n| n.text.bytes().all(|b| b.is_ascii_digit()))) {
                k += 1;
            }
            parts += 1;
            break;
        }
        let (e, _) = name_run(k + 1, 3);
        if e == k + 1 {
            return 0;
        }
        k = e;
        names_end = k;
        parts += 1;
    }
    let mut agency = false;
    if words.get(k).is_some_and(|w| w.text == "(") {
        let close = words.iter().skip(k + 1).take(5).position(|w| w.text == ")");
        match close {
            Some(p) if p > 0 && p <= 3 && words.get(k + 1).is_some_and(|w| !w.punct) => {
                k += p + 2;
                agency = true;
            }
            _ => return 0,
        }
    }
    let dash = words.get(k).is_some_and(|w| w.punct && matches!(w.text, "-" | "—" | "–" | "‒" | "―"));
    // (without a dash, the story must go on with a capital: "OSLO (Reuters) Shares ...")
    let next_cap = words.get(k).is_some_and(|w| w.cap && !w.punct);
    if (dash && (caps || parts > 1 || agency)) || (caps && agency && next_cap) {
        names_end
    } else {
        0
    }
}

/// The acronym text with dots removed, uppercase.
pub fn acronym_of(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

fn is_acronym_word(w: &W) -> bool {
    w.allcaps && (2..=8).contains(&w.text.chars().filter(|c| c.is_alphanumeric()).count())
}

/// Schwartz–Hearst: the long form before "(" at `paren` for acronym `acr`.
fn long_before(words: &[W], paren: usize, acr: &W) -> Option<Definition> {
    let acr_s = acronym_of(acr.text);
    let len = acr_s.chars().count();
    let max_words = (len + 5).min(len * 2);
    // Candidate words: those before the paren, in the same clause (stop at punctuation
    // other than hyphens).
    let mut from = paren;
    let mut count = 0;
    while from > 0 && count < max_words {
        let w = &words[from - 1];
        if w.punct && w.text != "-" && w.text != "&" {
            break;
        }
        from -= 1;
        if !w.punct {
            count += 1;
        }
    }
    let cand: Vec<&W> = words[from..paren].iter().filter(|w| !w.punct).collect();
    if cand.is_empty() {
        return None;
    }
    let texts: Vec<&str> = cand.iter().map(|w| w.text).collect();
    let first = super::acronyms::schwartz_hearst(&acr_s, &texts).or_else(|| {
        // Relaxed match for garbled acronyms: over the trailing capitalised words.
        let caps_from = texts.iter().rposition(|w| !first_upper(w) && !matches!(*w, "of" | "the" | "and" | "for" | "de"));
        let mut s = caps_from.map(|p| p + 1).unwrap_or(0);
        while texts.get(s).is_some_and(|w| !first_upper(w) || tables().stopwords.contains(&fold(w))) {
            s += 1;
        }
        let tail = texts.get(s..).unwrap_or(&[]);
        (tail.len() >= 2 && super::acronyms::relaxed(&acr_s, tail)).then_some(s)
    })?;
    let w0 = cand.get(first)?;
    let last = cand.last()?;
    let term = !first_upper(w0.text);
    Some(Definition { acronym: acr_s, long_start: w0.start, long_end: last.end, term })
}

#[allow(clippy::too_many_arguments)]
fn split_run(
    doc: &TextDoc,
    si: usize,
    words: &[W],
    start: usize,
    end: usize,
    initial: bool,
    headline: bool,
    dateline: bool,
    t: &'static Tables,
    out: &mut DocMentions,
    pieces: &mut Vec<Piece>,
) {
    pieces.clear();
    let mut cur: Option<usize> = None; // start index of current piece
    let mut role: Option<(usize, usize)> = None;
    let mut honorific = false;
    let mut cap_title = false;
    // Lowercase title(s) right before the run ("spokesman X", "press secretary X").
    if start > 0 && words.get(start - 1).is_some_and(|w| !w.cap && !w.punct && w.is(t, LEX_TITLE_LAST)) {
        let mut k = start;
        let mut best = None;
        while k > 0 && start - k < t.max_title_words {
            let w = &words[k - 1];
            if w.punct || w.cap {
                break;
            }
            let phrase = PhraseBuf::of(words, k - 1, start - k + 1);
            if let Some(&h) = phrase.as_str().and_then(|key| t.titles.get(key)) {
                best = Some((k - 1, h));
            }
            k -= 1;
        }
        if let Some((b, h)) = best {
            if h {
                honorific = true;
            } else {
                role = Some((b, start));
            }
        }
    }
    let flush = |pieces: &mut Vec<Piece>, cur: &mut Option<usize>, to: usize, role: &mut Option<(usize, usize)>, honorific: &mut bool, cap_title: &mut bool, place: Option<&'static str>| {
        if let Some(mut from) = cur.take() {
            let mut to = to;
            while from < to && (is_particle(&words[from]) || words[from].key == "of" || words[from].key == "the" || words[from].punct) {
                from += 1;
            }
            while to > from && (is_particle(&words[to - 1]) || words[to - 1].key == "of" || words[to - 1].key == "the" || words[to - 1].punct) {
                to -= 1;
            }
            if from < to {
                pieces.push(Piece { from, to, role: role.take(), honorific: *honorific, cap_title: *cap_title, place, place_cue: false });
            }
        }
        *role = None;
        *honorific = false;
        *cap_title = false;
    };
    let mut k = start;
    while k < end {
        let w = &words[k];
        if cur.is_none() && !w.compound {
            // A title followed only by organisation words is a name: "Premier League",
            // "General Assembly".
            let org_rest = |len: usize| {
                k + len < end && words[k + len..end].iter().all(|x| !x.punct && x.is(t, LEX_ORG_WORD) && !x.is(t, LEX_TITLE))
            };
            if let Some((len, h)) = title_len(words, k, end, t).filter(|&(len, h)| h || !org_rest(len)) {
                // "General Motors"-style names are rare next to real titles; a title that
                // ends the run is dropped ("the Kazakh President").
                if h {
                    honorific = true;
                } else {
                    role = Some(match role {
                        Some((a, _)) if a < k => (a, k + len),
                        _ => (k, k + len),
                    });
                    cap_title = true;
                }
                k += len;
                continue;
            }
        } else if !w.compound {
            // ("Jackson General Hospital": a title followed only by organisation words is
            // part of the name)
            let org_rest = |len: usize| {
                k + len < end && words[k + len..end].iter().all(|x| !x.punct && x.is(t, LEX_ORG_WORD) && !x.is(t, LEX_TITLE))
            };
            if let Some((len, h)) = title_len(words, k, end, t).filter(|&(len, h)| h || !org_rest(len)) {
                // A title inside a run ends the piece before it ("UN Secretary General X").
                let is_last = k + len >= end;
                if !is_last {
                    flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                    if h {
                        honorific = true;
                    } else {
                        role = Some((k, k + len));
                        cap_title = true;
                    }
                    k += len;
                    continue;
                }
            }
        }
        if let Some((len, place)) = demonym_len(words, k, end, t) {
            let gaz = place_len(words, k, end, t).map(|p| p.0).unwrap_or(0);
            if gaz < len {
                let next_org = words.get(k + len).is_some_and(|x| k + len < end && x.is(t, LEX_ORG_WORD) && !x.is(t, LEX_STOP));
                if cur.is_none() && next_org && !words[k + len - 1].possessive {
                    cur = Some(k);
                    k += len;
                    continue;
                }
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                if !place.is_empty() {
                    out.demonym_links.push((w.start, place));
                    if let Some(last) = words.get(k + len - 1) {
                        out.demonym_ends.push((last.end, place));
                    }
                }
                k += len;
                continue;
            }
        }
        // A multi-word place that starts with a stopword ("New York", "NEW YORK").
        let stop_place = w.cap
            && w.is(t, LEX_STOP)
            && place_len(words, k, end, t).is_some_and(|p| p.0 >= 2 || w.allcaps);
        // "the WHO said": a known acronym spelled like a stopword, in text that is not
        // all capitals.
        let stop_acronym = w.allcaps
            && t.org_acronyms.contains_key(w.text)
            && [k.checked_sub(1), Some(k + 1)].iter().flatten().filter_map(|&x| words.get(x)).all(|x| x.punct || !x.allcaps);
        // "Doctors Without Borders", "Campaign Against Arms Trade": a capitalised preposition
        // between capitalised words of running text belongs to a title-case name.
        let inner_prep = cur.is_some()
            && !headline
            && !w.allcaps
            && INNER_PREPS.contains(&w.key)
            && k + 1 < end
            && words.get(k + 1).is_some_and(|x| x.cap && !x.punct && !x.is(t, LEX_STOP));
        if (w.cap && !stop_place && !stop_acronym && !inner_prep && w.is(t, LEX_STOP)) || (w.cap && k > start && is_capitalised_verb(w, t)) {
            flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
            k += 1;
            continue;
        }
        // Directional word + gazetteer place: one place ("West Kazakhstan").
        if cur.is_none() && w.is(t, LEX_DIRECTION) {
            if let Some((len, _, _)) = place_len(words, k + 1, end, t).filter(|_| !w.possessive) {
                pieces.push(Piece { from: k, to: k + 1 + len, role: None, honorific: false, cap_title: false, place: None, place_cue: true });
                role = None;
                k += 1 + len;
                continue;
            }
            if k + 1 >= end || words[k].possessive {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                k += 1;
                continue;
            }
        }
        if let Some((len, canonical, country)) = place_len(words, k, end, t) {
            let after_of = k > 0 && words[k - 1].key == "of" && cur.is_some();
            if cur.is_some() && !after_of && (country || w.allcaps) {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
            }
            if cur.is_none() {
                // A country before a name with an organisation word is a separate mention.
                let rest_has_org = words[k + len..end].iter().any(|x| x.is(t, LEX_ORG_WORD))
                    && words[k + len..end].iter().any(|x| !x.is(t, LEX_ORG_WORD) && x.cap);
                let ends_here = k + len >= end || words[k + len - 1].possessive || words[k + len - 1].compound;
                if ends_here || (country && rest_has_org) || title_len(words, k + len, end, t).is_some() {
                    let r = role.take();
                    pieces.push(Piece { from: k, to: k + len, role: r, honorific, cap_title, place: Some(canonical), place_cue: false });
                    honorific = false;
                    cap_title = false;
                    k += len;
                    continue;
                }
                cur = Some(k);
            }
            k += len;
            continue;
        }
        if w.compound {
            // Compound head that is not a place or demonym ("Energy-rich"): a known
            // institution stays ("Kremlin-backed"), anything else is dropped.
            if cur.is_none() && w.is(t, LEX_ORG) {
                pieces.push(Piece { from: k, to: k + 1, role: None, honorific: false, cap_title: false, place: None, place_cue: false });
            } else {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                if cur.is_none() && !pieces.last().is_some_and(|p| p.to == k + 1) {
                    // Keep whatever was before; the compound is not a name.
                }
            }
            k += 1;
            continue;
        }
        // An organisation name of two words or more straight before a person's name
        // ("Coast Guard Ingrid Vastola", "Interior Ministry Sergei Ivanov"): the
        // organisation is used as a title; two pieces.
        if let Some(from) = cur {
            let plain = |x: &W| {
                x.cap && !x.punct && !x.allcaps && !x.is(t, LEX_ORG_WORD | LEX_PLACE_WORD | LEX_STOP | LEX_TITLE)
                    && x.lx(t).place.is_none() && x.lx(t).demonym.is_none()
            };
            if !headline
                && k >= from + 2
                && (2..=3).contains(&(end - k))
                && words.get(k - 1).is_some_and(|o| o.is(t, LEX_ORG_WORD) && !o.is(t, LEX_TITLE) && !o.possessive && !o.allcaps)
                && words[from..k].iter().all(|x| x.cap && !x.punct)
                && words[k..end].iter().all(plain)
            {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                cur = Some(k);
                cap_title = true;
                k += 1;
                continue;
            }
        }
        if cur.is_none() {
            cur = Some(k);
        }
        k += 1;
    }
    flush(pieces, &mut cur, end, &mut role, &mut honorific, &mut cap_title, None);
    for p in pieces.drain(..) {
        make_candidate(doc, si, words, p, start, initial, headline, dateline, t, out);
    }
}

/// Prefixes of ships' names ("MV Marisol Star", "HMS Dauntless"), folded.
const VESSEL_PREFIXES: &[&str] = &["mv", "ms", "mt", "hms", "uss", "rms", "ss", "hmas", "hmcs", "hmnzs", "ins", "fv", "rv", "sv", "my", "lng", "cgc"];

/// Common nouns for ships written right before a ship's name ("the ferry X", "the tanker
/// X", "the cruise liner X").
const VESSEL_NOUNS: &[&str] = &[
    "ferry", "ship", "vessel", "tanker", "freighter", "liner", "yacht", "superyacht", "trawler", "frigate", "destroyer",
    "submarine", "cruiser", "corvette", "warship", "icebreaker", "tugboat", "tug", "barge", "containership", "steamer",
    "schooner", "catamaran", "boat", "dredger",
];

/// Organisation heads followed by "to" + capitalised words in a name ("Committee to Protect
/// Journalists", "Campaign to End Hunger").
const TO_HEADS: &[&str] = &["committee", "campaign", "coalition", "alliance", "foundation", "movement", "fund", "network", "initiative"];
/// Organisation heads followed by "for" + capitalised words in a name ("Federal Office for
/// Civil Protection", "Centers for Disease Control", "Commission for Human Rights").
const FOR_HEADS: &[&str] = &[
    "office", "agency", "commission", "ministry", "department", "council", "centre", "center", "centres", "centers",
    "committee", "institute", "bureau", "fund", "organisation", "organization", "association", "society", "foundation",
    "coalition", "commissioner", "authority", "board",
];

/// Prepositions written capitalised inside title-case organisation names ("Doctors Without
/// Borders", "Médecins Sans Frontières"), and "to" of "Committee to Protect Journalists":
/// no person's name has them.
const INNER_PREPS: &[&str] = &["without", "against", "sans", "sin", "ohne", "sem", "senza"];

/// True when words before `from` or after `to` are corporate context from
/// `entity_company_cues.txt` ("shares of", "spokeswoman for"; "shares", "chief executive").
fn company_context(words: &[W], from: usize, to: usize, t: &'static Tables) -> bool {
    // Every phrase after the name starts with the word right after it, and every phrase
    // before it ends with the word right before it: most names are ruled out by one lookup.
    let after_possible = words.get(to).is_some_and(|w| !w.punct && w.is(t, LEX_CO_AFTER_FIRST));
    let before_possible = from.checked_sub(1).and_then(|b| words.get(b)).is_some_and(|w| w.is(t, LEX_CO_BEFORE_LAST));
    if !after_possible && !before_possible {
        return false;
    }
    let mut after = PhraseBuf::new();
    for (j, w) in words.get(to..).unwrap_or(&[]).iter().take(4).enumerate() {
        if !after_possible {
            break;
        }
        if w.punct {
            break;
        }
        if j > 0 {
            after.push(" ");
        }
        after.push(w.key);
        if after.as_str().is_some_and(|k| t.company_after.contains(k)) {
            return true;
        }
    }
    for n in 2..=4 {
        if !before_possible {
            break;
        }
        let Some(a) = from.checked_sub(n) else { break };
        let ws = &words[a..from];
        if ws.iter().any(|w| w.punct) {
            break;
        }
        if PhraseBuf::of(words, a, n).as_str().is_some_and(|k| t.company_before.contains(k)) {
            return true;
        }
    }
    false
}

/// Capitalised past-tense reporting verbs that end a run ("Reuters Noted"); "Said" is also
/// a name and is left alone.
fn is_capitalised_verb(w: &W, t: &'static Tables) -> bool {
    let key = w.key;
    key != "said" && key.len() > 3 && (key.ends_with("ed") || key.ends_with('s')) && w.is(t, LEX_REPORTING)
}

#[allow(clippy::too_many_arguments)]
fn make_candidate(
    doc: &TextDoc,
    si: usize,
    words: &[W],
    p: Piece,
    run_start: usize,
    initial: bool,
    headline: bool,
    dateline: bool,
    t: &'static Tables,
    out: &mut DocMentions,
) {
    let ws = &words[p.from..p.to];
    let (first, last) = match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => (a, b),
        _ => return,
    };
    // Single letters are not names.
    if ws.len() == 1 && first.text.chars().filter(|c| c.is_alphanumeric()).take(2).count() < 2 {
        return;
    }
    // One capitalised word that begins a title going on in lowercase is not a name ("The
    // Prime minister Ivo Castel", "the Foreign minister said": translated or informal copy).
    if ws.len() == 1 && words.get(p.to).is_some_and(|w| !w.cap && !w.punct) {
        for n in 2..=t.max_title_words {
            if words.get(p.from..p.from + n).is_some_and(|run| run.iter().skip(1).any(|w| w.punct || w.cap)) {
                break;
            }
            let phrase = PhraseBuf::of(words, p.from, n);
            if phrase.as_str().is_some_and(|key| t.titles.contains_key(key)) {
                return;
            }
        }
    }
    let start = first.start;
    let end = last.end;
    let all_type_words = ws
        .iter()
        .filter(|w| !w.punct)
        .all(|w| w.is(t, LEX_ORG_WORD | LEX_PLACE_WORD) || w.key == "of" || w.key == "the" || w.key == "and");
    // (but "Harbor City Hawks": a place and an organisation word in three words or more
    // name a team or an institution)
    // (nor "Coast Guard", "Harbour Police": a place word before an organisation word that
    // ends the name)
    let mixed = (ws.len() >= 3 && ws.iter().any(|w| w.is(t, LEX_PLACE_WORD)) && ws.iter().any(|w| w.is(t, LEX_ORG_WORD)))
        || (ws.len() == 2 && ws[0].is(t, LEX_PLACE_WORD) && !ws[0].is(t, LEX_ORG_WORD) && ws[1].is(t, LEX_ORG_WORD) && !ws[1].is(t, LEX_PLACE_WORD));
    if all_type_words && p.place.is_none() && !mixed {
        return;
    }
    let mut n_words = 0usize;
    let mut last_key = "";
    let mut key = String::with_capacity(end - start);
    let mut has_org_word = false;
    for w in ws.iter().filter(|w| !w.punct) {
        if !key.is_empty() || n_words > 0 {
            key.push(' ');
        }
        key.push_str(w.key);
        n_words += 1;
        last_key = w.key;
        has_org_word |= w.is(t, LEX_ORG_WORD) || (n_words > 1 && (matches!(w.key, "to" | "for") || INNER_PREPS.contains(&w.key)));
    }
    let last_place_word = ws.iter().rev().find(|w| !w.punct).is_some_and(|w| w.is(t, LEX_PLACE_WORD));
    // (a name of several words can be a place or a known institution only when its first
    // word starts one: most names need no lookup)
    let first_word = ws.iter().find(|w| !w.punct);
    let key_place = if n_words == 1 {
        first_word.and_then(|w| w.lx(t).place)
    } else if first_word.is_some_and(|w| w.is(t, LEX_MULTI_FIRST)) {
        t.place(&key).copied()
    } else {
        None
    };
    let acronym = ws.len() == 1 && is_acronym_word(first) && p.place.is_none() && key_place.is_none() && !dateline;
    let place = p.place.or_else(|| key_place.map(|pl| pl.canonical));
    let org_flag = if n_words == 1 { LEX_ORG } else { LEX_ORG_FIRST };
    let known_org = first_word.filter(|w| w.is(t, org_flag)).and_then(|_| t.orgs.get(&key).copied()).or_else(|| {
        // (an acronym's folded key is marked in the tables: most names need no lookup)
        if ws.len() == 1 && first.is(t, LEX_ACRONYM) {
            if first.text.bytes().any(|b| b == b'.') {
                let written: String = first.text.chars().filter(|c| *c != '.').collect();
                t.org_acronyms.get(&written).copied()
            } else {
                t.org_acronyms.get(first.text).copied()
            }
        } else {
            None
        }
    });
    let mut cues = Cues::default();
    if place.is_some() || dateline {
        cues.place += 10;
    } else if p.place_cue {
        cues.place += 8;
    } else if known_org.is_some() {
        cues.org += 10;
    }
    // ("Transparency International", "Amnesty International": an organisation, while
    // "Nordhavn International Airport" is a place)
    if (has_org_word || (n_words >= 2 && last_key == "international")) && place.is_none() {
        cues.org += 6;
    }
    // "River Selm", "Lake Tana", "Mount Oro", "Port Ellis": a place head before a name.
    let first_place_head = n_words >= 2 && PLACE_HEADS.contains(&first.key) && !has_org_word;
    if first_place_head && place.is_none() {
        cues.place += 6;
    }
    if n_words >= 2
        && last_place_word
        && n_words > 0 && last_key != "capital"
        && !has_org_word
    {
        cues.place += 6;
    }
    if acronym && place.is_none() {
        cues.org += 3;
    }
    if p.cap_title || p.honorific {
        cues.person += 8;
        cues.personal += 1;
    } else if p.role.is_some() {
        cues.person += 3;
        cues.personal += 1;
    }
    // A lowercase place word right after the name: "the Sava river", "the Orla valley".
    if words.get(p.to).is_some_and(|w| !w.cap && !w.punct && (PLACE_HEADS.contains(&w.key) || w.is(t, LEX_PLACE_WORD))) && !has_org_word {
        cues.place += 6;
    }
    // Context before the piece.
    let prev = |k: usize| -> Option<&W> { p.from.checked_sub(k).and_then(|i| words.get(i)) };
    if p.from == run_start {
        // Coordinated with names after a place preposition: "in X, Y and Z".
        let mut k = p.from;
        let mut crossed = false;
        while k > 0 {
            let b = &words[k - 1];
            if b.cap || b.text == "," || b.key == "and" || b.key == "or" {
                crossed |= !b.cap;
                k -= 1;
                continue;
            }
            if crossed && !b.punct && b.is(t, LEX_PLACE_PREP) && p.from - k <= 12 {
                cues.place += 2;
            }
            break;
        }
        if let Some(b) = prev(1) {
            if !b.cap && !b.punct {
                if b.is(t, LEX_PLACE_PREP) {
                    // "in", "near", "outside" before a name say place more than "at",
                    // "from" or "to" (which also come before people and companies).
                    cues.place += if matches!(b.key, "at" | "from" | "to" | "into" | "through") { 2 } else { 3 };
                }
                if b.key == "of" {
                    if let Some(b2) = prev(2) {
                        if b2.is(t, LEX_PLACE_CUE) {
                            cues.place += 8;
                        } else if b2.is(t, LEX_ORG_CUE) {
                            cues.org += 6;
                        } else if !b2.cap && matches!(b2.key, "mayor" | "mayors" | "governor" | "governors" | "prefect") {
                            // "the mayor of X", "the governor of X": a town or region
                            cues.place += 8;
                        }
                    }
                }
                if b.key == "the" && n_words == 1 {
                    cues.person -= 3;
                }
                if b.is(t, LEX_ORG_CUE) {
                    cues.org += 6;
                }
                if b.is(t, LEX_PLACE_CUE) && b.key != "state" {
                    cues.place += 6;
                }
            } else if b.text == "," {
                if let Some(b2) = prev(2) {
                    if b2.is(t, LEX_PLACE_CUE) {
                        cues.place += 6; // "the capital, X"
                    }
                }
            }
        }
    }
    // Context after.
    let next = |k: usize| -> Option<&W> { words.get(p.to + k - 1) };
    let mut reporting = false;
    if let Some(a) = next(1) {
        if !a.punct && !a.cap {
            if a.is(t, LEX_ORG_CUE) {
                cues.org += 6; // "the X broadcaster"
            }
            if a.key == "administration" && n_words == 1 {
                cues.person += 6; // "the X administration"
                cues.personal += 1;
            }
        }
        if !a.punct && !a.cap && a.is(t, LEX_REPORTING) {
            reporting = true;
        }
        if a.text == "," {
            if let Some(a2) = next(2) {
                // ("Jackson, Mississippi, on Monday": a region or state in apposition too)
                let apposed = |pl: super::tables::Place| pl.country || next(3).map_or(true, |a3| a3.punct);
                if a2.cap && a2.lx(t).place.is_some_and(apposed) && place.is_none() {
                    cues.place += 6; // "X, Country"
                }
                if a2.key == "the" || a2.key == "a" || a2.key == "an" {
                    // ", the economic capital" / ", a city of"
                    for k in 3..=5 {
                        if let Some(a3) = next(k) {
                            if a3.punct {
                                break;
                            }
                            if a3.is(t, LEX_PLACE_CUE) && a3.key != "state" {
                                cues.place += 4;
                                break;
                            }
                            if a3.is(t, LEX_ORG_CUE) {
                                cues.org += 4;
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
    // A ship: a vessel prefix ("MV X", "HMS X"), a vessel noun before or after it ("the
    // ferry X", "the tanker X", "the X ferry"), "aboard the X".
    let vessel = place.is_none()
        && !dateline
        && known_org.is_none()
        && !has_org_word
        && !p.cap_title
        && !p.honorific
        && p.role.is_none()
        && ((n_words >= 2 && VESSEL_PREFIXES.contains(&first.key))
            || (p.from == run_start
                && prev(1).is_some_and(|b| !b.cap && !b.punct && (VESSEL_NOUNS.contains(&b.key) || (b.key == "carrier" && prev(2).is_some_and(|b2| b2.key == "aircraft")))))
            || (p.from == run_start
                && prev(1).is_some_and(|b| b.key == "the" && !b.cap)
                && prev(2).is_some_and(|b2| matches!(b2.key, "aboard" | "onboard")))
            || next(1).is_some_and(|a| !a.cap && !a.punct && VESSEL_NOUNS.contains(&a.key) && a.key != "boat" && a.key != "ship"));
    if vessel {
        cues.vessel += 1;
    }
    // Corporate context: "shares of X", "a spokeswoman for X", "X's profits", "X chief
    // executive" (not for gazetteer places, known institutions or names with a type word).
    let company = place.is_none() && !dateline && !p.place_cue && known_org.is_none() && !has_org_word && !p.cap_title && !p.honorific
        && company_context(words, p.from, p.to, t);
    if company {
        cues.org += 4;
        cues.company += 1;
    }
    if !acronym && place.is_none() && !dateline && !first_place_head && known_org.is_none() && !has_org_word && !p.place_cue {
        let nw = n_words;
        // ("analysts at Goldman Sachs": several words in corporate context are a company)
        // (no person's name has a digit: "Airbus A320", "Galaxy S24")
        // (nor is "the Ridge Fire", nor "Transparency International")
        let not_personal = matches!(last_key, "fire" | "fires" | "blaze" | "storm" | "flood" | "floods" | "quake" | "earthquake" | "international")
            || ws.iter().any(|w| w.key.bytes().any(|b| b.is_ascii_digit()));
        if (2..=5).contains(&nw) && !last_place_word && !company && !not_personal && !vessel {
            cues.person += 3;
            cues.personal += 1;
            cues.plain += 1;
        }
        if reporting && !vessel {
            cues.person += 2;
        }
    }
    let role = p.role.and_then(|(a, b)| {
        let (s, e) = (words.get(a)?.start, words.get(b.checked_sub(1)?)?.end);
        doc.text.get(s..e).map(str::to_string)
    });
    let weak_first = initial
        && !dateline
        && (p.from == run_start
            || words[run_start..p.from].iter().all(|w| w.is(t, LEX_STOP) && !w.allcaps && !matches!(w.key, "the" | "a" | "an")));
    // Word starts are read only when leading words of a weak name are dropped.
    let word_starts = if (weak_first || headline) && n_words > 1 {
        let mut v = Vec::with_capacity(n_words);
        v.extend(ws.iter().filter(|w| !w.punct).map(|w| w.start));
        v
    } else {
        Vec::new()
    };
    out.candidates.push(Candidate {
        start,
        end,
        sentence: si,
        role,
        honorific: p.honorific,
        key,
        n_words,
        word_starts,
        weak_first,
        headline,
        acronym,
        place,
        known_org,
        possessive: last.possessive,
        reporting,
        qualifier: None,
        base_key: String::new(),
        cues,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let doc = TextDoc::new(0, text);
        let mut seen = super::super::tables::WordFilter::for_text(1000);
        let m = find(&doc, &mut seen);
        m.candidates.iter().map(|c| (text[c.start..c.end].to_string(), c.role.clone())).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        names(text).into_iter().map(|x| x.0).collect()
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
        let doc = TextDoc::new(0, "The World Flood Agency (WFA) and the Northern Grain Council (NCG) met on the liquefied natural gas (LNG) price.");
        let mut seen = super::super::tables::WordFilter::for_text(1000);
        let m = find(&doc, &mut seen);
        let d: Vec<(String, &str, bool)> =
            m.definitions.iter().map(|d| (d.acronym.clone(), &doc.text[d.long_start..d.long_end], d.term)).collect();
        assert!(d.contains(&("WFA".into(), "World Flood Agency", false)), "{d:?}");
        assert!(d.contains(&("NCG".into(), "Northern Grain Council", false)), "{d:?}");
        assert!(d.contains(&("LNG".into(), "liquefied natural gas", true)), "{d:?}");
    }
}

#[cfg(test)]
mod scan_tests {
    use super::scan;
    use crate::text::tokens::tokenize;

    #[test]
    fn scan_matches_the_shared_tokenizer_on_words() {
        for t in [
            "Kassym-Jomart Tokaïev’s 3,800 (1.5%) O'Neill al-Hamadi",
            "Émile Zola, 北京 met 東京; Ölüdeniz—İzmir re-elected it's",
            "a'b -x x- 'quoted' x'ёж ё'x",
            "plain words, Capitals and x2 “quoted” — dashes’ ’tis don’t U.S. officials",
        ] {
            let mut mine = Vec::new();
            scan(t, 0, t.len(), &mut mine);
            let theirs: Vec<String> = tokenize(t, 0)
                .iter()
                .filter(|k| k.kind == crate::text::tokens::TokenKind::Word)
                .map(|k| t[k.start..k.end].to_string())
                .collect();
            let ours: Vec<String> =
                mine.iter().filter(|k| k.kind == crate::text::tokens::TokenKind::Word).map(|k| t[k.start..k.end()].to_string()).collect();
            assert_eq!(ours, theirs, "{t}");
            for k in &mine {
                assert_eq!(k.lower, k.kind == crate::text::tokens::TokenKind::Word && k.text.bytes().all(|b| b.is_ascii_lowercase()), "{t}");
            }
        }
    }

    #[test]
    fn lowercase_runs() {
        for t in ["", "a", "abcdefgh", "abcdefghij", "abcdefghijklmnop q", "abcdefgZ", "abc’s", "abcdefghi{", "`abc", "zzzzzzzzzzzzzzzzzzzzzz9", "aé"] {
            let naive = t.bytes().take_while(u8::is_ascii_lowercase).count();
            assert_eq!(super::lowercase_run(t.as_bytes()), naive, "{t}");
        }
        for x in 0..=255u8 {
            let b = [b'a', b'b', b'c', b'd', b'e', b'f', b'g', x, b'a'];
            assert_eq!(super::lowercase_run(&b), if x.is_ascii_lowercase() { 9 } else { 7 }, "{x}");
            let b = [x; 8];
            assert_eq!(super::lowercase_run(&b), if x.is_ascii_lowercase() { 8 } else { 0 }, "{x}");
        }
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(super::general_punctuation(c));
            assert!(!c.is_alphabetic() && !c.is_alphanumeric(), "{c:?}");
        }
        assert!(!super::general_punctuation('\u{1FFF}') && !super::general_punctuation('\u{2070}'));
    }
}

#[cfg(test)]
mod demonym_tests {
    use super::*;

    #[test]
    fn demonyms_are_recorded_as_links() {
        let doc = TextDoc::new(0, "Turkish rescuers and Kenyan medics reached the Central Asian border town.");
        let mut seen = super::super::tables::WordFilter::for_text(1000);
        let m = find(&doc, &mut seen);
        let links: Vec<&str> = m.demonym_links.iter().map(|l| l.1).collect();
        assert_eq!(links, vec!["Turkey", "Kenya", "Central Asia"]);
        assert!(m.candidates.is_empty(), "demonyms are not mentions");
    }
}
