//! Sentence segmentation for news text.
//!
//! Rules (general, not tuned to any outlet):
//! - a line break always ends a sentence (headlines, captions and credits are lines);
//! - `.`, `!`, `?`, `…` end a sentence when followed (after any closing quotes or brackets)
//!   by whitespace and then an uppercase letter, a digit or an opening quote;
//! - except after a known abbreviation ("Mr.", "Gen.", "Jan.", "U.S.") or a single-letter
//!   initial ("Edith M. Lederer").

use std::ops::Range;

/// Abbreviations that end with a period but rarely end a sentence (lowercase, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mm", "messrs", "dr", "prof", "st", "gen", "lt", "col", "maj", "capt",
    "sgt", "cpl", "adm", "cmdr", "rep", "reps", "sen", "sens", "gov", "pres", "rev", "hon",
    "jr", "sr", "vs", "v", "etc", "e.g", "i.e", "inc", "corp", "co", "ltd", "bros",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "est",
    "u.s", "u.k", "u.n", "a.m", "p.m", "mt", "ft", "fig", "vol", "art", "dept", "univ", "ave",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '‹' | '—' | '–' | '-')
}

/// The word (letters and internal periods) ending just before byte `end` of `text`.
fn word_before(text: &str, end: usize) -> &str {
    let head = text.get(..end).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    &head[start..]
}

fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() || word.len() > 8 {
        return false;
    }
    let bare = word.trim_start_matches('.');
    // Single-letter initial ("M." in "Edith M. Lederer") or dotted initials ("U.S").
    let single_upper = {
        let mut cs = word.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    single_upper || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(bare))
}

/// Bytes that can start a line break or a terminator: `\n`, `\r`, `.`, `!`, `?`, and
/// 0xE2, the lead byte of `…` and U+2029 (one table load per byte in the skip loop).
const CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t
};

/// The first byte at or after `i` that [`CANDIDATE`] marks (`b.len()` when none): eight
/// bytes at a time while a word holds none of them (prose is mostly letters and spaces),
/// then byte by byte.
#[inline]
fn next_candidate(b: &[u8], mut i: usize) -> usize {
    use super::has_byte as has;
    while let Some(x) = super::word_at(b, i) {
        if has(x, b'\n') | has(x, b'\r') | has(x, b'.') | has(x, b'!') | has(x, b'?') | has(x, 0xE2) != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && !CANDIDATE[usize::from(b[i])] {
        i += 1;
    }
    i
}

/// Decodes the char at byte `i` of `s` (None at or past the end).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|t| t.chars().next()),
    }
}

/// Splits `text` into sentence byte ranges, trimmed of surrounding whitespace; blank
/// stretches produce no sentence.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 100 + 1);
    let mut start = 0usize; // byte offset of the current sentence's start
    let push = |out: &mut Vec<Range<usize>>, a: usize, z: usize| {
        let s = &text[a..z];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if a + lead < z - trail {
            out.push(a + lead..z - trail);
        }
    };
    let mut i = 0usize;
    while i < n {
        // Only line breaks and terminators matter: skip everything else fast.
        if !CANDIDATE[usize::from(b[i])] {
            i = next_candidate(b, i + 1);
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            push(&mut out, start, i);
            start = i + c.len_utf8();
            i = start;
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            while i < n && !text.is_char_boundary(i) {
                i += 1;
            }
            continue;
        }
        // Extend over repeated terminators and closing quotes/brackets.
        let mut j = i + c.len_utf8();
        while let Some(d) = char_at(text, j) {
            if matches!(d, '.' | '!' | '?' | '…') || is_closing(d) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let end = j;
        // Need whitespace (not a line break: that is handled above) then a starter.
        let mut k = j;
        let mut saw_space = false;
        while let Some(d) = char_at(text, k) {
            if d.is_whitespace() && d != '\n' && d != '\r' {
                saw_space = true;
                k += d.len_utf8();
            } else {
                break;
            }
        }
        let next = char_at(text, k);
        let starter = match next {
            None | Some('\n') | Some('\r') => true,
            Some(d) => d.is_uppercase() || d.is_ascii_digit() || is_opening(d),
        };
        // The abbreviation test (the costly one) only where the rest would end a sentence.
        let abbreviation = || {
            c == '.' && {
                let before = word_before(text, i);
                let numbered = matches!(before, "No" | "no" | "Nos" | "nos") && next.is_some_and(|d| d.is_ascii_digit());
                numbered || is_abbreviation(before)
            }
        };
        if (saw_space || k >= n) && starter && !abbreviation() {
            push(&mut out, start, end);
            start = end;
            i = k;
            continue;
        }
        i = j;
    }
    push(&mut out, start, n);
    out
}

#[cfg(test)]
mod tests {
    use super::split;

    fn sents(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_on_terminators_and_lines() {
        assert_eq!(
            sents("Headline here\n\nMr. Smith said “No.” Then he left. 26 were hurt!"),
            vec!["Headline here", "Mr. Smith said “No.”", "Then he left.", "26 were hurt!"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sents("Edith M. Lederer met Gen. Ivanov in the U.S. on Jan. 5. It rained."),
            vec!["Edith M. Lederer met Gen. Ivanov in the U.S. on Jan. 5.", "It rained."]
        );
        assert_eq!(sents("Prices rose 2.5 percent. Fine."), vec!["Prices rose 2.5 percent.", "Fine."]);
    }

    #[test]
    fn candidate_scan_matches_the_byte_table() {
        // Every candidate byte at every position of a chunk, and none at all.
        for c in [b'\n', b'\r', b'.', b'!', b'?', 0xE2] {
            for pos in 0..20 {
                let mut v = vec![b'a'; 20];
                v[pos] = c;
                for from in 0..=pos {
                    assert_eq!(super::next_candidate(&v, from), pos, "byte {c} at {pos} from {from}");
                }
                assert_eq!(super::next_candidate(&v, pos + 1), 20);
            }
        }
        // Bytes next to the candidates (0xE1, 0xE3, '-', '/') are not candidates.
        assert_eq!(super::next_candidate(&[0xE1, 0xE3, b'-', b'/', b' ', 0x80, 0xFF, b'>', b'@'], 0), 9);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split("  \n \n").is_empty());
    }
}
