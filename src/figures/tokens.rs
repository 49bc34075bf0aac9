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
    /// Whether `low` contains an ASCII hyphen ("twenty-six").
    pub dash: bool,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

use crate::text::tokens::is_group_space;

/// Tokenizes `text[range]` (byte offsets into `text`). The extractor itself reuses one
/// buffer through [`tokenize_into`]; this is the form the tests use.
#[cfg(test)]
pub fn tokenize(text: &str, range: std::ops::Range<usize>) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, None, range, &mut out);
    out
}

/// The character at byte `p` of `src` and its length in bytes; `('\0', 0)` at the end.
#[inline]
fn char_at(src: &str, p: usize) -> (char, usize) {
    match src.as_bytes().get(p) {
        None => ('\0', 0),
        Some(&b) if b < 0x80 => (b as char, 1),
        Some(_) => src.get(p..).and_then(|t| t.chars().next()).map_or(('\0', 0), |c| (c, c.len_utf8())),
    }
}

/// The end of the number starting at byte `p` of `src` (a digit, or a '.' before a digit):
/// digits with internal ',' / '.' separators and digit-group spaces ("3 800", "12 345 678"
/// with plain, no-break or thin spaces; a plain space only before a complete group).
///
/// A comma joins digits only before a complete group of three ("3,800,000") or as the one
/// decimal comma of a number ("2,5"): "12,14,16" is a list of three numbers, and so is
/// every number that follows a list comma. "4e14", "9.83e-3": a written exponent.
fn number_end(src: &str, mut p: usize) -> usize {
    let digit_at = |p: usize| src.as_bytes().get(p).is_some_and(u8::is_ascii_digit);
    let digits_from = |p: usize| src.as_bytes().get(p..).map_or(0, |r| r.iter().take_while(|b| b.is_ascii_digit()).count());
    // right after "12," of a list: commas separate numbers here
    let in_list = p >= 2 && src.as_bytes().get(p - 1) == Some(&b',') && digit_at(p - 2);
    let lead = char_at(src, p).0;
    p += 1;
    let mut group_len = if lead == '.' { 0 } else { 1 };
    let mut first_group = lead != '.';
    let mut comma_seen = false;
    loop {
        let (c, len) = char_at(src, p);
        if c.is_ascii_digit() {
            p += 1;
            group_len += 1;
        } else if c == ',' && digit_at(p + 1) {
            let k = digits_from(p + 1);
            let next_comma = src.as_bytes().get(p + 1 + k) == Some(&b',') && digit_at(p + 2 + k);
            let thousands = k == 3;
            let decimal = k <= 2 && !comma_seen && !next_comma;
            if in_list || !(thousands || decimal) {
                return p;
            }
            p += 2;
            group_len = 1;
            first_group = false;
            comma_seen = true;
        } else if (c == 'e' || c == 'E') && group_len > 0 && {
            let sign = matches!(src.as_bytes().get(p + 1), Some(b'-' | b'+'));
            let k = digits_from(p + 1 + usize::from(sign));
            k > 0 && k <= 3 && !char_at(src, p + 1 + usize::from(sign) + k).0.is_alphanumeric()
        } {
            let sign = matches!(src.as_bytes().get(p + 1), Some(b'-' | b'+'));
            return p + 1 + usize::from(sign) + digits_from(p + 1 + usize::from(sign));
        } else if c == '.' && digit_at(p + 1) {
            p += 2;
            group_len = 1;
            first_group = false;
        } else if is_group_space(c)
            && (if first_group { group_len <= 3 } else { group_len == 3 })
            && (1..=3).all(|k| digit_at(p + len + k - 1))
            && !digit_at(p + len + 3)
            && !(c == ' ' && matches!(src.as_bytes().get(p + len + 3), Some(b',' | b'.')) && digit_at(p + len + 4))
        {
            p += len + 3;
            group_len = 3;
            first_group = false;
        } else {
            return p;
        }
    }
}

/// Like [`tokenize`], into `out` (cleared first), so one buffer serves every sentence.
/// Works on byte positions with an ASCII fast path: no per-sentence character table.
/// `lower`, when given, is `text.to_ascii_lowercase()`: words with ASCII capitals borrow
/// their lowercase form from it instead of allocating one each.
pub fn tokenize_into<'a>(text: &'a str, lower: Option<&'a str>, range: std::ops::Range<usize>, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let Some(src) = text.get(range.clone()) else { return };
    let base = range.start;
    let bytes = src.as_bytes();
    let digit_at = |p: usize| src.as_bytes().get(p).is_some_and(u8::is_ascii_digit);
    let alpha_at = |p: usize| char_at(src, p).0.is_alphabetic();
    let mut p = 0;
    while p < src.len() {
        // plain spaces first: a fifth of the bytes
        if bytes.get(p) == Some(&b' ') {
            p += 1;
            continue;
        }
        let (c, len) = char_at(src, p);
        if len == 0 {
            break;
        }
        if c.is_whitespace() {
            p += len;
            continue;
        }
        let start = p;
        // common non-ASCII punctuation is neither whitespace nor a letter: no table lookup
        if matches!(c, '’' | '‘' | '“' | '”' | '—' | '–') {
            p += len;
            let (s, e) = (base + start, base + p);
            out.push(Tok { kind: Kind::Punct, s, e, low: Cow::Borrowed(text.get(s..e).unwrap_or("")), dash: false });
            continue;
        }
        if c.is_alphabetic() {
            // `fold`: some byte is an ASCII capital or non-ASCII (the lowercase form differs
            // or may differ from the text); `wide`: some byte is non-ASCII
            let mut wide = len > 1;
            let mut fold = wide || c.is_ascii_uppercase();
            let mut dash = false;
            p += len;
            loop {
                // a run of ASCII letters; a capital is a letter without the 0x20 bit
                let mut all_bits = 0x20u8;
                while let Some(&b) = bytes.get(p) {
                    if !b.is_ascii_alphabetic() {
                        break;
                    }
                    all_bits &= b;
                    p += 1;
                }
                fold |= all_bits & 0x20 == 0;
                match bytes.get(p) {
                    Some(&b) if b < 0x80 && b != b'\'' && b != b'-' => break,
                    None => break,
                    Some(_) => {
                        let (c, len) = char_at(src, p);
                        if matches!(c, '\'' | '’') || is_hyphen(c) {
                            if alpha_at(p + len) {
                                let l2 = char_at(src, p + len).1;
                                wide |= len > 1 || l2 > 1;
                                fold |= wide || src.as_bytes().get(p + len).is_some_and(u8::is_ascii_uppercase);
                                dash |= c == '-';
                                p += len + l2;
                            } else {
                                break;
                            }
                        } else if c.is_alphabetic() {
                            wide |= len > 1;
                            fold |= wide;
                            p += len;
                        } else {
                            break;
                        }
                    }
                }
            }
            let (s, e) = (base + start, base + p);
            let w = text.get(s..e).unwrap_or("");
            let low = if !fold {
                Cow::Borrowed(w)
            } else if !wide {
                match lower.and_then(|l| l.get(s..e)) {
                    Some(l) => Cow::Borrowed(l),
                    None => Cow::Owned(w.to_ascii_lowercase()),
                }
            } else {
                Cow::Owned(w.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }).collect())
            };
            out.push(Tok { kind: Kind::Word, s, e, low, dash });
        } else if c.is_ascii_digit()
            || (c == '.' && digit_at(p + 1) && src.get(..p).and_then(|h| h.chars().next_back()).is_some_and(char::is_whitespace))
        {
            p = number_end(src, p);
            let (s, e) = (base + start, base + p);
            out.push(Tok { kind: Kind::Num, s, e, low: Cow::Borrowed(text.get(s..e).unwrap_or("")), dash: false });
        } else {
            p += len;
            let (s, e) = (base + start, base + p);
            out.push(Tok { kind: Kind::Punct, s, e, low: Cow::Borrowed(text.get(s..e).unwrap_or("")), dash: false });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_not_one_number() {
        let t = "desks 3,5,9 and 11 cost 4,500,000 or 2,5 or 7,25 or 12,40,80";
        let v: Vec<&str> = tokenize(t, 0..t.len()).iter().filter(|k| k.kind == Kind::Num).map(|k| &t[k.s..k.e]).collect();
        assert_eq!(v, vec!["3", "5", "9", "11", "4,500,000", "2,5", "7,25", "12", "40", "80"]);
    }

    #[test]
    fn written_exponents_are_part_of_the_number() {
        let t = "about 6e23 atoms, 2.5E-4 m and 3e5x, but not 7eleven or 4e.";
        let v: Vec<&str> = tokenize(t, 0..t.len()).iter().filter(|k| k.kind == Kind::Num).map(|k| &t[k.s..k.e]).collect();
        assert_eq!(v, vec!["6e23", "2.5E-4", "3", "5", "7", "4"]);
    }

    #[test]
    fn splits_letters_from_digits() {
        let t = "PS2.7m and 3\u{202F}800 twenty-six, .5";
        let v: Vec<&str> = tokenize(t, 0..t.len()).iter().map(|k| &t[k.s..k.e]).collect();
        assert_eq!(v, vec!["PS", "2.7", "m", "and", "3\u{202F}800", "twenty-six", ",", ".5"]);
    }

    #[test]
    fn multibyte_text_keeps_spans_and_groups() {
        let t = "Tokaïev’s 3\u{00A0}800-strong x.5 — 1 234,5 ’n 12\u{2009}345\u{2009}678 a-";
        let v: Vec<(&str, Kind)> = tokenize(t, 0..t.len()).iter().map(|k| (&t[k.s..k.e], k.kind)).collect();
        let words: Vec<&str> = v.iter().map(|x| x.0).collect();
        assert_eq!(words, vec!["Tokaïev’s", "3\u{00A0}800", "-", "strong", "x", ".", "5", "—", "1", "234,5", "’", "n", "12\u{2009}345\u{2009}678", "a", "-"]);
        assert_eq!(tokenize(t, 0..t.len()).first().map(|k| k.low.to_string()), Some("tokaïev's".to_string()));
        // Any sub-range, even one cutting a character, gives spans inside the range.
        for a in 0..t.len() {
            for b in a..=t.len() {
                for k in tokenize(t, a..b) {
                    assert!(k.s >= a && k.e <= b && k.s < k.e);
                }
            }
        }
    }

    /// The tokenizer before its ASCII fast paths, to compare with.
    fn reference_into<'a>(text: &'a str, range: std::ops::Range<usize>, out: &mut Vec<Tok<'a>>) {
        out.clear();
        let Some(src) = text.get(range.clone()) else { return };
        let base = range.start;
        let digit_at = |p: usize| src.as_bytes().get(p).is_some_and(u8::is_ascii_digit);
        let alpha_at = |p: usize| char_at(src, p).0.is_alphabetic();
        let mut p = 0;
        while p < src.len() {
            let (c, len) = char_at(src, p);
            if len == 0 {
                break;
            }
            if c.is_whitespace() {
                p += len;
                continue;
            }
            let start = p;
            if c.is_alphabetic() {
                p += len;
                loop {
                    let (c, len) = char_at(src, p);
                    if c.is_alphabetic() {
                        p += len;
                    } else if (matches!(c, '\'' | '’') || is_hyphen(c)) && alpha_at(p + len) {
                        p += len + char_at(src, p + len).1;
                    } else {
                        break;
                    }
                }
                let (s, e) = (base + start, base + p);
                let w = text.get(s..e).unwrap_or("");
                let low = if w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'') {
                    Cow::Borrowed(w)
                } else {
                    Cow::Owned(w.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }).collect())
                };
                let dash = low.contains('-');
                out.push(Tok { kind: Kind::Word, s, e, low, dash });
            } else if c.is_ascii_digit()
                || (c == '.' && digit_at(p + 1) && src.get(..p).and_then(|h| h.chars().next_back()).is_some_and(char::is_whitespace))
            {
                p = number_end(src, p);
                let (s, e) = (base + start, base + p);
                out.push(Tok { kind: Kind::Num, s, e, low: Cow::Borrowed(text.get(s..e).unwrap_or("")), dash: false });
            } else {
                p += len;
                let (s, e) = (base + start, base + p);
                out.push(Tok { kind: Kind::Punct, s, e, low: Cow::Borrowed(text.get(s..e).unwrap_or("")), dash: false });
            }
        }
    }

    #[test]
    fn fast_paths_match_the_reference() {
        let alphabet: Vec<char> = "aZé’'-‐‑ .,5 \u{00A0}—“”‘x–İΩ\u{2126}KŞ0(".chars().collect();
        let mut seed = 12345u64;
        let mut texts = vec!["O’Neill’s 3\u{202F}800 X-Ray ÉCOLE naïve Straße-Brücke don't 'quote' — “yes” U.S. 2,5".to_string()];
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..(seed % 24) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            texts.push(t);
        }
        for t in &texts {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            tokenize_into(t, None, 0..t.len(), &mut a);
            let lower = t.to_ascii_lowercase();
            let mut c = Vec::new();
            tokenize_into(t, Some(&lower), 0..t.len(), &mut c);
            reference_into(t, 0..t.len(), &mut b);
            let key = |v: &Vec<Tok>| v.iter().map(|k| (k.kind, k.s, k.e, k.low.to_string(), k.dash)).collect::<Vec<_>>();
            assert_eq!(key(&a), key(&b), "{t:?}");
            assert_eq!(key(&c), key(&b), "{t:?}");
        }
    }
}
