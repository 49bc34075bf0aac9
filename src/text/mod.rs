//! Text handling shared by every extractor: the per-document view ([`TextDoc`]), the
//! UTF-8 → UTF-16 offset map ([`Utf16Map`]), sentence segmentation ([`sentences`]),
//! a small tokenizer ([`tokens`]), page-furniture detection ([`furniture`]) and
//! diacritic folding ([`fold`]).
//!
//! The core never rewrites an article: extractors read the original text and report
//! UTF-8 byte ranges into it; [`crate::analyze`] converts them to UTF-16 once.

pub mod fold;
pub mod furniture;
pub mod offsets;
pub mod sentences;
pub mod tokens;

pub use offsets::Utf16Map;
pub use tokens::{Token, TokenKind};

use std::ops::Range;

/// The eight bytes of `b` from `i` as one little-endian word (`None` when fewer are left):
/// with [`has_byte`], scanners test eight bytes at a time for the few they stop at.
#[inline]
pub(crate) fn word_at(b: &[u8], i: usize) -> Option<u64> {
    let chunk = b.get(i..i.checked_add(8)?)?;
    <[u8; 8]>::try_from(chunk).ok().map(u64::from_le_bytes)
}

/// Non-zero exactly when some byte of the word `x` equals `c` (the classic zero-byte test
/// on `x ^ c`, repeated in every byte).
#[inline]
pub(crate) fn has_byte(x: u64, c: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let y = x ^ (ONES * u64::from(c));
    y.wrapping_sub(ONES) & !y & HIGHS
}

/// One document as the extractors see it: the original text, its sentences and the
/// page furniture found in it, all as UTF-8 byte ranges.
#[derive(Debug, Clone)]
pub struct TextDoc<'a> {
    /// Document id (input position).
    pub id: usize,
    /// Original text.
    pub text: &'a str,
    /// Sentence byte ranges, in order, covering all non-blank text.
    pub sentences: Vec<Range<usize>>,
    /// Byte ranges of bylines, credits, captions, date lines, "Related" lists.
    pub furniture: Vec<Range<usize>>,
}

impl<'a> TextDoc<'a> {
    /// Segments `text` into sentences and finds its page furniture.
    pub fn new(id: usize, text: &'a str) -> Self {
        let sentences = sentences::split(text);
        let furniture = furniture::find(text);
        TextDoc { id, text, sentences, furniture }
    }

    /// Index of the sentence containing byte `pos` (the last sentence starting at or before
    /// it; 0 when there is none).
    pub fn sentence_of(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|s| s.start.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// The text of sentence `i`, or "" when out of range.
    pub fn sentence_text(&self, i: usize) -> &'a str {
        self.sentences.get(i).and_then(|r| self.text.get(r.clone())).unwrap_or("")
    }

    /// True when byte range `r` lies inside page furniture. `furniture` is sorted by start
    /// (furniture lines come in text order; callers that add ranges sort again): a binary
    /// search, then the few ranges starting last at or before `r` (ranges overlap only
    /// where a markup span meets a furniture line), so a long document costs no more per
    /// question than a short one.
    pub fn in_furniture(&self, r: &Range<usize>) -> bool {
        let f = &self.furniture;
        let i = f.partition_point(|x| x.start <= r.start);
        f[..i].iter().rev().take(8).any(|x| r.end <= x.end)
    }
}

#[cfg(test)]
mod tests {
    use super::TextDoc;

    #[test]
    fn furniture_membership() {
        let text = "Monday, March 3, 2031\n\nThe river rose 2 metres.\n\nPat Doe / Wire\n";
        let doc = TextDoc::new(0, text);
        let at = |s: &str| {
            let i = text.find(s).unwrap_or(0);
            i..i + s.len()
        };
        assert!(doc.in_furniture(&at("March 3")));
        assert!(doc.in_furniture(&at("Pat Doe / Wire")));
        assert!(!doc.in_furniture(&at("2 metres")));
        assert!(!doc.in_furniture(&(0..text.len())));
        // Many furniture lines: each answer still looks at the right one.
        let long = "The river rose 2 metres.\n\nPat Doe / Wire\n\n".repeat(500);
        let doc = TextDoc::new(0, &long);
        assert!(doc.furniture.len() >= 500);
        let last = long.rfind("Pat Doe").unwrap_or(0);
        assert!(doc.in_furniture(&(last..last + 7)));
        let metres = long.rfind("2 metres").unwrap_or(0);
        assert!(!doc.in_furniture(&(metres..metres + 8)));
    }
}
