//! Sentence segmentation for news text.
//!
//! Rules (general, not tuned to any outlet):
//! - a line break always ends a sentence (headlines, captions and credits are lines);
//! - `.`, `!`, `?`, `…` end a sentence when followed (after any closing quotes or brackets)
//!   by whitespace and then an uppercase letter, a digit or an opening quote;
//! - except after a known abbreviation ("Mr.", "Gen.", "Jan.", "U.S.") or a single-letter
//!   initial ("Edith M. Lederer");
//! - a stretch longer than [`MAX_SENTENCE_BYTES`] with no end (a pasted table, a text with
//!   no punctuation, hostile input) is cut into pieces at most that long, between two
//!   tokens (at whitespace when there is any), so that every per-sentence step of every
//!   stage works on a bounded piece: its memory and any work it does per pair of words
//!   stay constant per sentence, and linear in the text.

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

/// Longest sentence the splitter returns, in bytes. News sentences are far shorter (the
/// longest of our development articles has about 600 bytes); only text with no sentence
/// ends reaches it.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// The word (letters and internal periods) ending just before byte `end` of `text`; only
/// its last few characters matter ([`is_abbreviation`] takes at most 8 bytes), so the scan
/// stops after 16 characters and the word is then longer than any abbreviation.
fn word_before(text: &str, end: usize) -> &str {
    let head = text.get(..end).unwrap_or("");
    let mut start = head.len();
    for (k, (i, c)) in head.char_indices().rev().enumerate() {
        if !(c.is_alphabetic() || c == '.') || k == 16 {
            break;
        }
        start = i;
    }
    &head[start..]
}

/// True when byte `p` of `b` (0 < p < len) is between two tokens for every tokenizer of the
/// crate: whitespace on either side, two punctuation marks, a letter then a mark that never
/// continues a word (not `'` or `-`), or a mark that never joins a word or number (not `'`,
/// `-`, `,`, `.`) then a letter or digit. Non-ASCII bytes are never a cut.
fn token_boundary(b: &[u8], p: usize) -> bool {
    let (Some(&x), Some(&y)) = (b.get(p.wrapping_sub(1)), b.get(p)) else { return false };
    if !x.is_ascii() || !y.is_ascii() {
        return false;
    }
    let mark = |c: u8| c.is_ascii_punctuation();
    let joins = |c: u8| matches!(c, b'\'' | b'-' | b',' | b'.');
    x.is_ascii_whitespace()
        || y.is_ascii_whitespace()
        || (mark(x) && mark(y))
        || (x.is_ascii_alphabetic() && mark(y) && !matches!(y, b'\'' | b'-'))
        || (mark(x) && !joins(x) && y.is_ascii_alphanumeric())
}

/// Where to cut a stretch `a..z` of `text` longer than [`MAX_SENTENCE_BYTES`]: the last
/// whitespace after a comma, semicolon or colon in the second half of the allowed length,
/// else the last whitespace there, else the last token boundary, else the last character
/// boundary (one token longer than the limit).
fn cut_point(text: &str, a: usize, z: usize) -> usize {
    let b = text.as_bytes();
    let hi = (a + MAX_SENTENCE_BYTES).min(z);
    let lo = a + MAX_SENTENCE_BYTES / 2;
    let ws = |p: usize| b.get(p).is_some_and(u8::is_ascii_whitespace);
    let after_clause = |p: usize| ws(p) && matches!(b.get(p.wrapping_sub(1)), Some(b',' | b';' | b':'));
    let tests: [&dyn Fn(usize) -> bool; 3] = [&after_clause, &ws, &|p| token_boundary(b, p)];
    for test in tests {
        if let Some(p) = (lo..hi).rev().find(|&p| test(p)) {
            return p;
        }
    }
    (lo..hi).rev().find(|&p| text.is_char_boundary(p)).unwrap_or(hi)
}

/// Pushes the trimmed range `a..z` of `text`, cut into pieces of at most
/// [`MAX_SENTENCE_BYTES`] (see [`cut_point`]).
fn push_sentence(text: &str, out: &mut Vec<Range<usize>>, mut a: usize, z: usize) {
    loop {
        let s = text.get(a..z).unwrap_or("");
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        let (a1, z1) = (a + lead, z - trail);
        if a1 >= z1 {
            return;
        }
        if z1 - a1 <= MAX_SENTENCE_BYTES {
            out.push(a1..z1);
            return;
        }
        let p = cut_point(text, a1, z1);
        let piece = text.get(a1..p).unwrap_or("").trim_end();
        out.push(a1..a1 + piece.len());
        a = p;
    }
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
    let push = |out: &mut Vec<Range<usize>>, a: usize, z: usize| push_sentence(text, out, a, z);
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
    fn long_stretches_are_cut_between_tokens() {
        // No sentence end at all: pieces of at most the limit, cut at whitespace after a
        // clause when there is one, and covering every token.
        let text = "Mara Quist, Tomas Ferrell and the Ostvik Port Authority met 1,200 workers; ".repeat(400);
        let r = split(&text);
        assert!(r.len() > 1);
        for (k, s) in r.iter().enumerate() {
            assert!(s.len() <= super::MAX_SENTENCE_BYTES);
            if k + 1 < r.len() {
                assert!(text[..s.end].ends_with(';') || text[..s.end].ends_with(','), "{:?}", &text[s.end - 10..s.end]);
            }
        }
        let joined: String = r.iter().map(|s| &text[s.clone()]).collect::<Vec<_>>().join(" ");
        assert_eq!(joined.split_whitespace().count(), text.split_whitespace().count());
        // No whitespace: cut between punctuation marks, or between a word and a comma.
        for unit in [",", "a,", "(A)", "é"] {
            let text = unit.repeat(20_000);
            let r = split(&text);
            assert!(r.iter().all(|s| s.len() <= super::MAX_SENTENCE_BYTES && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)));
            assert_eq!(r.iter().map(|s| s.len()).sum::<usize>(), text.len(), "{unit}");
        }
        // A number is never cut inside: "1,2,3,..." has no boundary but is one token; the
        // cut then falls on a character boundary.
        let text = "1,".repeat(5000);
        assert!(split(&text).iter().all(|s| s.len() <= super::MAX_SENTENCE_BYTES));
    }

    #[test]
    fn short_sentences_are_never_cut() {
        let s = "The river rose 2 metres, officials said; more than 120 residents were evacuated. ".repeat(40);
        let r = split(&s);
        assert_eq!(r.len(), 40);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split("  \n \n").is_empty());
    }
}
