//! Lookups of the words at a position in the tables: titles, gazetteer places, demonyms,
//! name particles; phrase keys built on the stack.

use super::*;

pub(crate) const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "el", "dos",
    "das", "ter", "zu", "y", "st",
];
pub(crate) const OF_HEADS: &[&str] = &[
    "republic", "kingdom", "university", "bank", "ministry", "department", "council", "organization", "organisation",
    "court", "commonwealth", "federation", "union", "league", "association", "institute", "school", "college",
    "church", "city", "gulf", "bay", "sea", "isle", "cape", "lake", "strait", "state", "states", "house", "office",
    "party", "people's", "chamber", "board", "bureau", "commission", "committee", "fund", "agency", "academy",
    "museum", "sisters", "brothers", "friends", "secretary", "minister", "chief", "head", "director", "governor",
    "mayor", "president", "prime", "duke", "prince", "king", "queen", "emir", "sultan", "archbishop", "bishop",
];
/// Place words that start place names ("River Selm", "Lake Tana", "Mount Oro").
pub(crate) const PLACE_HEADS: &[&str] = &["river", "lake", "mount", "mt", "cape", "port", "gulf", "bay", "isle", "fort", "strait"];
pub(crate) const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
    "greater", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
    "southwestern",
];
pub(crate) const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "across", "outside", "inside", "from", "to", "into", "throughout", "around", "through",
    // translated copy: French, Spanish, Portuguese, Italian
    // (folded; not "à"/"a", which folds to the English article)
    "dans", "pres", "en", "cerca", "desde", "hacia", "perto", "vicino",
];

pub(super) fn title_len(words: &[W], k: usize, end: usize, t: &'static Tables) -> Option<(usize, bool)> {
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
pub(super) struct PhraseBuf {
    buf: [u8; 120],
    len: usize,
    overflow: bool,
}

impl PhraseBuf {
    pub(super) fn new() -> Self {
        PhraseBuf { buf: [0; 120], len: 0, overflow: false }
    }

    pub(super) fn push(&mut self, s: &str) {
        let end = self.len + s.len();
        match self.buf.get_mut(self.len..end) {
            Some(dst) if !self.overflow => {
                dst.copy_from_slice(s.as_bytes());
                self.len = end;
            }
            _ => self.overflow = true,
        }
    }

    pub(super) fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }

    /// The words `k..k + n` joined by single spaces.
    pub(super) fn of(words: &[W], k: usize, n: usize) -> Self {
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

pub(super) fn place_len(words: &[W], k: usize, end: usize, t: &'static Tables) -> Option<(usize, &'static str, bool)> {
    longest_match(words, k, end, 4, t, |w| w.lx(t).place, |key| t.place(key).copied()).map(|(n, p)| (n, p.canonical, p.country))
}

/// The longest run of at most `longest` words from `k` (before `end`) that a table knows:
/// `one` looks up a single word, `many` a phrase of words joined by single spaces. A
/// phrase never runs past a possessive or a compound word inside it. Returns the number
/// of words and the entry.
fn longest_match<T>(words: &[W], k: usize, end: usize, longest: usize, t: &'static Tables, one: impl Fn(&W) -> Option<T>, many: impl Fn(&str) -> Option<T>) -> Option<(usize, T)> {
    let w0 = words.get(k)?;
    if !w0.is(t, LEX_MULTI_FIRST) {
        // One word: the word itself.
        return one(w0).filter(|_| k < end).map(|p| (1, p));
    }
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
            one(w0)
        } else if !phrase.buf.overflow {
            phrase.first(whole, n).and_then(&many)
        } else {
            PhraseBuf::of(words, k, n).as_str().and_then(&many)
        };
        if let Some(p) = p {
            return Some((n, p));
        }
    }
    None
}

/// The words `k..k + m` joined by single spaces, built and checked once, and the byte
/// length of each shorter prefix of whole words.
pub(super) struct Phrase {
    buf: PhraseBuf,
    /// Byte length after 1, 2, 3, 4 words.
    ends: [usize; 4],
    m: usize,
}

impl Phrase {
    pub(super) fn of(words: &[W], k: usize, m: usize) -> Self {
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
    pub(super) fn first<'s>(&self, whole: Option<&'s str>, n: usize) -> Option<&'s str> {
        whole.and_then(|w| w.get(..*self.ends.get(n.checked_sub(1)?)?)).filter(|_| n <= self.m)
    }
}

pub(super) fn demonym_len(words: &[W], k: usize, end: usize, t: &'static Tables) -> Option<(usize, &'static str)> {
    longest_match(words, k, end, 3, t, |w| w.lx(t).demonym, |key| t.demonyms.get(key).copied())
}

pub(super) fn is_particle(w: &W) -> bool {
    // (every particle has one to five letters: most words need no lookup)
    !w.cap && (1..=MAX_PARTICLE_LEN).contains(&w.key.len()) && w.is(tables(), LEX_PARTICLE)
}

/// The length of the longest of [`PARTICLES`].
pub(super) const MAX_PARTICLE_LEN: usize = {
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

pub(super) fn starts_name(w: &W) -> bool {
    !w.punct && w.cap
}
