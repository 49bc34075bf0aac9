//! Questions the shallow parse ([`super::phrase`]) asks about a whole document: is this
//! word written in lower case somewhere, is this capitalised word written inside a
//! sentence. Asked for every capitalised word of every parsed sentence, they scanned the
//! whole document each time: quadratic on one long paragraph or a long document
//! (issue 18). A [`Words`] answers the first few questions by scans (a document asked
//! about a few times costs no index), then from one pass over the document, built when
//! the scans' budget ([`SCANS_BEFORE_INDEX`] times the document) is spent: linear either way.
//!
//! A whole word here is what the scans matched: an occurrence with no letter or digit
//! right before or after it. For a word made only of letters and digits that is exactly a
//! maximal run of letters and digits, so the index keeps the document's runs; a word with
//! other characters inside ("co-op", "O'Neill") is answered by a scan of the document,
//! once per distinct word, and only when its first run occurs at all.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;

use crate::hash::FnvBuild;

/// What a run of letters and digits does somewhere in the document.
const SEEN: u8 = 1;
/// Some occurrence follows spaces after a lowercase letter or a comma (inside a sentence).
const INSIDE: u8 = 2;

/// The runs of letters and digits of one document, with what they do (built on first use),
/// and the answers already given for words the runs cannot answer.
pub struct Words<'a> {
    text: &'a str,
    runs: OnceCell<HashMap<&'a str, u8, FnvBuild>>,
    scanned: RefCell<HashMap<(bool, String), bool, FnvBuild>>,
    /// Bytes the first questions may still scan before the index is built: a document
    /// asked about a few times is scanned (cheaper than indexing all of its words), one
    /// asked about often is indexed; either way the work stays linear in its length.
    budget: Cell<usize>,
}

/// How many whole-document scans the first questions may make before the index is built.
const SCANS_BEFORE_INDEX: usize = 8;

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Words<'a> {
        Words { text, runs: OnceCell::new(), scanned: RefCell::new(HashMap::default()), budget: Cell::new(SCANS_BEFORE_INDEX.saturating_mul(text.len())) }
    }

    /// True when a question may still be answered by a scan (the index is not built and
    /// the budget allows one more scan), spending it.
    fn spend(&self) -> bool {
        let b = self.budget.get();
        let ok = self.runs.get().is_none() && b >= self.text.len();
        if ok {
            self.budget.set(b - self.text.len());
        }
        ok
    }

    fn runs(&self) -> &HashMap<&'a str, u8, FnvBuild> {
        self.runs.get_or_init(|| {
            let text = self.text;
            let mut m: HashMap<&'a str, u8, FnvBuild> = HashMap::default();
            let mut start: Option<usize> = None;
            for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                match (c.is_alphanumeric(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        start = None;
                        let Some(run) = text.get(s..i) else { continue };
                        let flags = m.entry(run).or_insert(0);
                        *flags |= SEEN;
                        if *flags & INSIDE == 0 && inside_sentence(text, s) {
                            *flags |= INSIDE;
                        }
                    }
                    _ => {}
                }
            }
            m
        })
    }

    /// The flags of `w` when it is one run of letters and digits (else `None`: ask a scan).
    fn flags(&self, w: &str) -> Option<u8> {
        if w.is_empty() || !w.chars().all(char::is_alphanumeric) {
            return None;
        }
        Some(self.runs().get(w).copied().unwrap_or(0))
    }

    /// Whether some run of `w`'s first run of letters and digits occurs in the document
    /// (false means `w` cannot occur as a whole word; true means it may).
    fn may_occur(&self, w: &str) -> bool {
        match w.split(|c: char| !c.is_alphanumeric()).next() {
            Some(first) if !first.is_empty() => self.runs().contains_key(first),
            _ => true,
        }
    }

    /// A scan's answer, once per distinct word and question.
    fn scan(&self, named: bool, w: &str, f: impl FnOnce() -> bool) -> bool {
        let key = (named, w.to_string());
        if let Some(&b) = self.scanned.borrow().get(&key) {
            return b;
        }
        let b = f();
        self.scanned.borrow_mut().insert(key, b);
        b
    }

    /// Whether `low` stands as a whole word in the document.
    pub fn written(&self, low: &str) -> bool {
        if self.spend() {
            return written_lower(self.text, low);
        }
        match self.flags(low) {
            Some(f) => f & SEEN != 0,
            None => self.may_occur(low) && self.scan(false, low, || written_lower(self.text, low)),
        }
    }

    /// Whether the document writes `word` capitalised inside a sentence (after a lowercase
    /// word or a comma) and never in lower case ([`named_elsewhere`]).
    pub fn named_elsewhere(&self, word: &str) -> bool {
        if self.spend() {
            return named_inside(self.text, word) && !self.written(&word.to_lowercase());
        }
        let inside = match self.flags(word) {
            Some(f) => f & INSIDE != 0,
            None => self.may_occur(word) && self.scan(true, word, || named_inside(self.text, word)),
        };
        inside && !self.written(&word.to_lowercase())
    }
}

/// True when the word at byte `s` follows one or more spaces after a lowercase letter or a
/// comma ("shares of Velmar", "in June, Velmar").
fn inside_sentence(text: &str, s: usize) -> bool {
    let Some(head) = text.get(..s) else { return false };
    let before = head.trim_end_matches(' ');
    before.len() < s && before.ends_with(|c: char| c.is_lowercase() || c == ',')
}

/// True when `s..e` of `text` has no letter or digit right before or after it.
fn whole(text: &str, s: usize, e: usize) -> bool {
    !text.get(..s).is_some_and(|h| h.ends_with(|c: char| c.is_alphanumeric())) && !text.get(e..).is_some_and(|t| t.starts_with(|c: char| c.is_alphanumeric()))
}

/// Whether the lowercase word `low` stands as a whole word in `text` (by a scan).
pub fn written_lower(text: &str, low: &str) -> bool {
    text.match_indices(low).any(|(s, _)| whole(text, s, s + low.len()))
}

/// Whether `word` stands as a whole word inside a sentence of `text` (by a scan).
fn named_inside(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(s, _)| whole(text, s, s + word.len()) && inside_sentence(text, s))
}

/// Whether the document writes `word` capitalised inside a sentence (after a lowercase
/// word or a comma) and never in lower case: a sentence's first word is then a name
/// ("Velmar slid 8%" in a story that says "shares of Velmar"). By scans, for one sentence
/// parsed on its own (what the index must answer alike).
#[cfg(test)]
pub fn named_elsewhere(text: &str, word: &str) -> bool {
    named_inside(text, word) && !written_lower(text, &word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "Harlan Dray said on Monday that shares of Velmar fell. Velmar slid 8%. \
                       The co-op lost 3%, and Co-op members left for Bel-Air. In June, Ostra grew; the fire spread \
                       near the Corvo Fire station. Élan rose. \u{130}zmir grew.";

    /// The index answers every word of the document as the scans do.
    #[test]
    fn the_index_answers_as_the_scans() {
        let words = Words::new(DOC);
        let mut asked = 0;
        for w in DOC.split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | '%')).filter(|w| !w.is_empty()) {
            for q in [w.to_string(), w.to_lowercase()] {
                assert_eq!(words.written(&q), written_lower(DOC, &q), "written {q:?}");
                assert_eq!(words.named_elsewhere(&q), named_elsewhere(DOC, &q), "named {q:?}");
                asked += 1;
            }
        }
        assert!(asked > 40);
        for q in ["Velmar", "Ostra", "Bel-Air"] {
            assert!(words.named_elsewhere(q), "{q}");
        }
        for q in ["Harlan", "Fire", "fire", "Zorn", "The", "Co-op"] {
            assert!(!words.named_elsewhere(q), "{q}");
        }
        assert!(words.written("fire") && words.written("co-op") && !words.written("corvo") && !words.written("vel"));
        // (the first questions were scanned, the later ones answered by the index)
        assert!(words.runs.get().is_some());
        let few = Words::new(DOC);
        assert!(few.written("fire") && few.named_elsewhere("Velmar"));
        assert!(few.runs.get().is_none(), "a document asked about twice is not indexed");
    }
}
