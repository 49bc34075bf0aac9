//! The figure extractor's own token view of a sentence: words (letters with internal
//! apostrophes and hyphens), numbers (digits with internal separators and digit-group
//! spaces) and single punctuation characters, each with its byte span and, for words, a
//! lowercase form. Unlike the shared tokenizer, letters and digits never join ("PS2", "A2"
//! are a word then a number), so currency codes glued to digits can be read.

use std::borrow::Cow;

/// Kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub s: usize,
    pub e: usize,
    /// Lowercase text for words (apostrophes folded to '\''); the text itself otherwise.
    /// Borrowed from the text unless folding changed it (no allocation per token).
    pub low: Cow<'a, str>,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | ' ')
}

/// Tokenizes `text[range]` (byte offsets into `text`).
pub fn tokenize(text: &str, range: std::ops::Range<usize>) -> Vec<Tok<'_>> {
    let Some(src) = text.get(range.clone()) else { return Vec::new() };
    let base = range.start;
    let cs: Vec<(usize, char)> = src.char_indices().collect();
    let n = cs.len();
    let at = |i: usize| -> char { cs.get(i).map(|&(_, c)| c).unwrap_or('\0') };
    let pos = |i: usize| -> usize { cs.get(i).map(|&(p, _)| p).unwrap_or(src.len()) };
    let mut out = Vec::with_capacity(n / 4 + 1);
    let mut i = 0;
    while i < n {
        let c = at(i);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphabetic() {
            i += 1;
            loop {
                let c = at(i);
                if c.is_alphabetic() {
                    i += 1;
                } else if (matches!(c, '\'' | '’') || is_hyphen(c)) && at(i + 1).is_alphabetic() {
                    i += 2;
                } else {
                    break;
                }
            }
            let s = base + pos(start);
            let e = base + pos(i);
            let w = text.get(s..e).unwrap_or("");
            let low = if w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'') {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }).collect())
            };
            out.push(Tok { kind: Kind::Word, s, e, low });
        } else if c.is_ascii_digit() || (c == '.' && at(i + 1).is_ascii_digit() && !at(i.wrapping_sub(1)).is_ascii_digit() && i > 0 && at(i - 1).is_whitespace()) {
            i += 1;
            let mut group_len = if c == '.' { 0 } else { 1 };
            let mut first_group = c != '.';
            loop {
                let c = at(i);
                if c.is_ascii_digit() {
                    i += 1;
                    group_len += 1;
                } else if (c == ',' || c == '.') && at(i + 1).is_ascii_digit() {
                    i += 2;
                    group_len = 1;
                    first_group = false;
                } else if is_group_space(c)
                    && (if first_group { group_len <= 3 } else { group_len == 3 })
                    && (1..=3).all(|k| at(i + k).is_ascii_digit())
                    && !at(i + 4).is_ascii_digit()
                    && !(c == ' ' && matches!(at(i + 4), ',' | '.') && at(i + 5).is_ascii_digit())
                {
                    i += 4;
                    group_len = 3;
                    first_group = false;
                } else {
                    break;
                }
            }
            let s = base + pos(start);
            let e = base + pos(i);
            out.push(Tok { kind: Kind::Num, s, e, low: Cow::Borrowed(text.get(s..e).unwrap_or("")) });
        } else {
            i += 1;
            let s = base + pos(start);
            let e = base + pos(i);
            out.push(Tok { kind: Kind::Punct, s, e, low: Cow::Borrowed(text.get(s..e).unwrap_or("")) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_letters_from_digits() {
        let t = "PS2.7m and 3\u{202F}800 twenty-six, .5";
        let v: Vec<&str> = tokenize(t, 0..t.len()).iter().map(|k| &t[k.s..k.e]).collect();
        assert_eq!(v, vec!["PS", "2.7", "m", "and", "3\u{202F}800", "twenty-six", ",", ".5"]);
    }
}
