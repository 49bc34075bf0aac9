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
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches('.');
    // Single-letter initial ("M." in "Edith M. Lederer") or dotted initials ("U.S").
    let single_upper = {
        let mut cs = word.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    single_upper || ABBREVIATIONS.contains(&lower)
}

/// Splits `text` into sentence byte ranges, trimmed of surrounding whitespace; blank
/// stretches produce no sentence.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut start = 0usize; // byte offset of the current sentence's start
    let mut i = 0usize;
    let push = |out: &mut Vec<Range<usize>>, a: usize, b: usize| {
        let s = &text[a..b];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if a + lead < b - trail {
            out.push(a + lead..b - trail);
        }
    };
    while i < n {
        let (p, c) = chars[i];
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            push(&mut out, start, p);
            start = p + c.len_utf8();
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < n && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closing(chars[j].1)) {
                j += 1;
            }
            let end = chars.get(j).map(|&(q, _)| q).unwrap_or(text.len());
            // Need whitespace (not a line break: that is handled above) then a starter.
            let mut k = j;
            let mut saw_space = false;
            while k < n && chars[k].1.is_whitespace() && chars[k].1 != '\n' && chars[k].1 != '\r' {
                saw_space = true;
                k += 1;
            }
            let next = chars.get(k).map(|&(_, c)| c);
            let starter = match next {
                None => true,
                Some('\n') | Some('\r') => true,
                Some(c) => c.is_uppercase() || c.is_ascii_digit() || is_opening(c),
            };
            let before = word_before(text, p);
            let numbered = matches!(before, "No" | "no" | "Nos" | "nos") && next.is_some_and(|c| c.is_ascii_digit());
            let abbreviation = c == '.' && (is_abbreviation(before) || numbered);
            if (saw_space || k >= n) && starter && !abbreviation {
                push(&mut out, start, end);
                start = end;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, text.len());
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
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split("  \n \n").is_empty());
    }
}
