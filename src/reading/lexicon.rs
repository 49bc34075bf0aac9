//! Lookup tables for comparing figures, built once from the data files in `src/lexicon/`:
//! concept classes (what is counted), event classes (what happened to it) and unit
//! conversions (what a measure is converted to before comparing).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{fields, lines};
use crate::hash::FnvBuild;

const CONCEPT_CLASSES: &str = crate::lexicon::data!("concept_classes.tsv");

/// Events that two sources report of one fact under different names: "40 casualties" is
/// compared with "40 injured", hostages "freed"/"released" with people "rescued".
const SAME_EVENT: [(&str, &str); 2] = [("casualties", "injured"), ("released", "rescued")];

/// The event class of a normalized event (see [`SAME_EVENT`]).
fn same_event(e: &'static str) -> &'static str {
    SAME_EVENT.iter().find(|(a, _)| *a == e).map_or(e, |&(_, b)| b)
}

/// [`crate::text::fold::fold`] with a fast path for ASCII runs (the same output: ASCII is
/// lowercased, a backtick becomes an apostrophe); other characters go through
/// [`crate::text::fold::fold_char`].
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if c == '`' { '\'' } else { c.to_ascii_lowercase() });
        } else {
            crate::text::fold::fold_char(c, &mut out);
        }
    }
    out
}

/// Lemma of one lowercase word for matching count nouns: the word without the
/// punctuation around it, in the singular of the figures stage
/// ([`crate::figures::singular`]: "officers" → "officer", "casualties" → "casualty",
/// "policemen" → "policeman", "boxes" → "box", "gas" → "gas").
pub fn lemma(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    crate::figures::singular_into(word.trim_matches(|c: char| !c.is_alphanumeric()), &mut s);
    s
}

/// The lemmas of a text (see [`lemmas`]) in one buffer, without a string per word;
/// reusable.
#[derive(Default)]
pub struct Lemmas {
    buf: String,
    folded: String,
    spans: Vec<(usize, usize)>,
    /// Phrases looked up in the class table.
    phrase: String,
}

impl Lemmas {
    /// Replaces the contents with the lemmas of `text`.
    pub fn set(&mut self, text: &str) -> &mut Self {
        self.buf.clear();
        self.spans.clear();
        self.folded.clear();
        fold_into(text, &mut self.folded);
        for w in Words::new(&self.folded, true) {
            let mut w = w;
            while let Some(x) = w.strip_suffix("'s") {
                w = x;
            }
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            let from = self.buf.len();
            crate::figures::singular_into(w, &mut self.buf);
            self.spans.push((from, self.buf.len()));
        }
        self
    }

    /// The lemmas in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.spans.iter().map(|&(a, b)| self.buf.get(a..b).unwrap_or(""))
    }

    /// Number of lemmas.
    fn count(&self) -> usize {
        self.spans.len()
    }

    /// The lemma at `i`.
    pub fn get(&self, i: usize) -> &str {
        self.spans.get(i).and_then(|&(a, b)| self.buf.get(a..b)).unwrap_or("")
    }

    /// The concept class named in these lemmas (see [`concept_class`]).
    pub fn class(&mut self) -> Option<&'static str> {
        let mut phrase = std::mem::take(&mut self.phrase);
        let c = class_in(self.count(), |i| self.get(i), &mut phrase);
        self.phrase = phrase;
        c
    }
}

/// The words of a text: maximal runs of alphanumeric characters (with `lemma_chars`,
/// also `'`, `-`, `/` and `%`), as [`str::split`] with that test would give them, without
/// empty pieces; ASCII bytes are told by a table.
#[derive(Clone)]
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
    lemma_chars: bool,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, lemma_chars: bool) -> Self {
        Words { text, pos: 0, lemma_chars }
    }

    /// True when the character at byte `i` belongs to a word; its length in bytes.
    #[inline]
    fn word_char(&self, i: usize) -> Option<(bool, usize)> {
        let b = *self.text.as_bytes().get(i)?;
        match WORD_CLASS[usize::from(b)] {
            1 => Some((true, 1)),
            2 => Some((self.lemma_chars, 1)),
            0 => Some((false, 1)),
            _ => {
                let c = self.text.get(i..)?.chars().next()?;
                Some((c.is_alphanumeric(), c.len_utf8()))
            }
        }
    }
}

/// By byte: 1 ASCII letter or digit, 2 `'` `-` `/` `%`, 3 not ASCII, 0 any other.
const WORD_CLASS: [u8; 256] = {
    let mut t = [3u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            1
        } else if c == b'\'' || c == b'-' || c == b'/' || c == b'%' {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            let (w, n) = self.word_char(self.pos)?;
            if w {
                break;
            }
            self.pos += n;
        }
        let start = self.pos;
        while let Some((true, n)) = self.word_char(self.pos) {
            self.pos += n;
        }
        self.text.get(start..self.pos)
    }
}

/// True when any of `needles` occurs in `hay`: one pass over `hay`, comparing the
/// needles only where one of them could start (these texts are a few dozen bytes, too
/// short for a searcher worth building).
pub fn has_any(hay: &str, needles: &[&str]) -> bool {
    // The first bytes of the needles, as a set of 256 bits.
    let mut firsts = [0u64; 4];
    for n in needles {
        match n.as_bytes().first() {
            Some(&b) => {
                if let Some(w) = firsts.get_mut(usize::from(b >> 6)) {
                    *w |= 1 << (b & 63);
                }
            }
            None => return true,
        }
    }
    let h = hay.as_bytes();
    h.iter().enumerate().any(|(i, &b)| {
        firsts.get(usize::from(b >> 6)).is_some_and(|w| w >> (b & 63) & 1 == 1) && {
            let rest = h.get(i..).unwrap_or(&[]);
            needles.iter().any(|n| rest.starts_with(n.as_bytes()))
        }
    })
}

/// [`fold`] appended to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() && !s.contains('`') {
        let from = out.len();
        out.push_str(s);
        if let Some(t) = out.get_mut(from..) {
            t.make_ascii_lowercase();
        }
        return;
    }
    out.reserve(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // A run of ASCII (other than '`') copied and lowercased at once, then one other
        // character folded.
        let k = rest.bytes().position(|b| !b.is_ascii() || b == b'`').unwrap_or(rest.len());
        let (run, tail) = rest.split_at(k);
        let from = out.len();
        out.push_str(run);
        if let Some(t) = out.get_mut(from..) {
            t.make_ascii_lowercase();
        }
        let mut chars = tail.chars();
        match chars.next() {
            Some('`') => out.push('\''),
            Some(c) => crate::text::fold::fold_char(c, out),
            None => {}
        }
        rest = chars.as_str();
    }
}

/// Splits folded text into lowercase lemmatized words (letters, digits, `'`, `-`, `/`, `%`).
pub fn lemmas(text: &str) -> Vec<String> {
    let mut l = Lemmas::default();
    l.set(text);
    l.iter().map(str::to_string).collect()
}

fn phrase_key(phrase: &str) -> String {
    lemmas(phrase).join(" ")
}

/// Word or phrase (lemmatized, space-joined) → concept class name.
pub fn concept_table() -> &'static HashMap<String, &'static str, FnvBuild> {
    static T: OnceLock<HashMap<String, &'static str, FnvBuild>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: HashMap<String, &'static str, FnvBuild> = HashMap::default();
        for l in lines(CONCEPT_CLASSES) {
            let mut f = fields(l);
            let Some(class) = f.next() else { continue };
            m.insert(phrase_key(class), class);
            for member in f {
                if !member.is_empty() {
                    m.insert(phrase_key(member), class);
                }
            }
        }
        m
    })
}

/// Word or phrase (lowercase) → event class name: the words and phrases of `events.tsv`,
/// the lemma of each word, and each normalized event itself.
pub fn event_table() -> &'static HashMap<String, &'static str, FnvBuild> {
    static T: OnceLock<HashMap<String, &'static str, FnvBuild>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m: HashMap<String, &'static str, FnvBuild> = HashMap::default();
        for ef in crate::lexicon::events::entries() {
            let (word, event) = (ef.words, ef.event);
            let class = same_event(event);
            m.insert(event.to_string(), class);
            m.insert(word.to_string(), class);
            if !word.contains(' ') {
                m.entry(lemma(word)).or_insert(class);
            }
        }
        m
    })
}

/// The concept class of a concept text: the rightmost word or phrase (up to three words)
/// listed in `concept_classes.tsv`, longest phrase first.
pub fn concept_class(concept: &str) -> Option<&'static str> {
    Lemmas::default().set(concept).class()
}

/// [`concept_class`] on `n` lemmas given by `word`: phrases are built in one reused
/// buffer.
fn class_in<'a>(n: usize, word: impl Fn(usize) -> &'a str, phrase: &mut String) -> Option<&'static str> {
    let t = concept_table();
    for end in (0..n).rev() {
        for len in (1..=3usize).rev() {
            if len > end + 1 {
                continue;
            }
            phrase.clear();
            for k in end + 1 - len..=end {
                if k > end + 1 - len {
                    phrase.push(' ');
                }
                phrase.push_str(word(k));
            }
            if let Some(c) = t.get(phrase.as_str()) {
                return Some(c);
            }
        }
    }
    None
}

/// The event class of a normalized event word ("dead" → "killed"); unknown words stay as
/// they are (lowercased).
pub fn event_class(event: &str) -> String {
    let e = event.trim().to_lowercase();
    if let Some(c) = event_table().get(e.as_str()) {
        return c.to_string();
    }
    if let Some(c) = event_table().get(lemma(&e).as_str()) {
        return c.to_string();
    }
    e
}

/// Base unit, factor and offset for a unit name or form (a value `v` is `v * factor +
/// offset` in the base unit), from the figures stage's unit ontology
/// ([`crate::figures::units::base`]); `None` for units that are not converted, and for
/// currencies, which are compared only with the same currency.
pub fn unit_conversion(unit: &str) -> Option<(&'static str, f64, f64)> {
    crate::figures::units::base(unit).filter(|b| !b.currency).map(|b| (b.unit, b.factor, b.offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_as_str_split() {
        for t in ["Tokaïev's 12-km/h 40% — a  b", "", "  ", "北京 🙂 x'y -z- /", "É-l'an%%"] {
            for lemma_chars in [false, true] {
                let split: Vec<&str> = t
                    .split(|c: char| !(c.is_alphanumeric() || lemma_chars && matches!(c, '\'' | '-' | '/' | '%')))
                    .filter(|w| !w.is_empty())
                    .collect();
                assert_eq!(Words::new(t, lemma_chars).collect::<Vec<_>>(), split, "{t}");
            }
        }
    }

    #[test]
    fn needles_found_in_one_pass() {
        let needles = ["a total of", "in all", "total of", "combined"];
        for hay in ["", "in al", "a tota of", "xx in all", "totally total of", "recombined", "at a total o"] {
            assert_eq!(has_any(hay, &needles), needles.iter().any(|n| hay.contains(n)), "{hay}");
        }
        assert!(has_any("abc", &[""]));
    }

    #[test]
    fn fast_fold_equals_fold() {
        for t in ["Tokaïev SAID `hi` — 12 km", "ÉLAN ß 北京 🙂 A-b", "", "plain ascii TEXT 42%"] {
            assert_eq!(fold(t), crate::text::fold::fold(t));
            let mut into = String::from("x");
            fold_into(t, &mut into);
            assert_eq!(into, format!("x{}", fold(t)));
        }
    }

    #[test]
    fn lemmas_strip_plurals() {
        assert_eq!(lemma("officers"), "officer");
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("policemen"), "policeman");
        assert_eq!(lemma("police"), "police");
        assert_eq!(lemma("status"), "status");
        // the figures stage's singular: short words and "-es" plurals agree with it
        for w in ["gas", "boxes", "buses", "persons", "men", "ties", "news", "fishermen"] {
            assert_eq!(lemma(w), crate::figures::singular(w), "{w}");
        }
        assert_eq!(lemma("gas"), "gas");
        assert_eq!(lemma("boxes"), "box");
    }

    #[test]
    fn classes_keep_police_and_protesters_apart() {
        assert_eq!(concept_class("law enforcement officers"), Some("police"));
        assert_eq!(concept_class("police"), Some("police"));
        assert_eq!(concept_class("security personnel"), Some("police"));
        assert_eq!(concept_class("protesters"), Some("protesters"));
        assert_eq!(concept_class("riot participants"), Some("people"));
        assert_eq!(concept_class("people"), Some("people"));
        assert_eq!(concept_class("medical personnel"), Some("health workers"));
        assert_eq!(concept_class("peacekeepers"), Some("troops"));
        assert_eq!(concept_class("the quick brown"), None);
    }

    #[test]
    fn events_and_units() {
        assert_eq!(event_class("dead"), "killed");
        assert_eq!(event_class("Wounded"), "injured");
        assert_eq!(event_class("arrested"), "detained");
        assert_eq!(event_class("exploded"), "exploded");
        // one lexicon with the figures stage: its words and their lemmas
        assert_eq!(event_class("injuries"), "injured");
        assert_eq!(event_class("injury"), "injured");
        assert_eq!(event_class("casualties"), "injured");
        assert_eq!(event_class("released"), "rescued");
        assert_eq!(event_class("stormed"), "attacked");
        assert_eq!(event_class("plucked"), "rescued");
        assert_eq!(unit_conversion("month"), Some(("day", 30.0, 0.0)));
        assert_eq!(unit_conversion("mile").map(|u| u.0), Some("km"));
        assert_eq!(unit_conversion("dollar"), None);
        // one unit lexicon: the forms of a converted unit convert too, money never does
        assert_eq!(unit_conversion("days"), Some(("day", 1.0, 0.0)));
        assert_eq!(unit_conversion("km/h"), unit_conversion("kilometre per hour"));
        assert_eq!(unit_conversion("fraction"), Some(("percent", 100.0, 0.0)));
        assert_eq!(unit_conversion("pound sterling"), None);
    }
}
