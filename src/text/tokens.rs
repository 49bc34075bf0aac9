//! A small tokenizer over original text: words (letters, with internal apostrophes,
//! hyphens and periods of initials), numbers (digits with internal separators) and single
//! punctuation/symbol characters. Whitespace is skipped. Spans are UTF-8 byte ranges.

/// Kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with internal `'`, `’` or `-` ("Kassym-Jomart", "Russia’s").
    Word,
    /// Digits, possibly with internal `,`, `.`, thin or no-break spaces followed by digits
    /// ("3,800", "1.5", "3 800"). A trailing separator is not included.
    Number,
    /// Any other single non-space character ("$", "%", "“", ",").
    Punct,
}

/// One token: kind and byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    /// The token's text in `src` ("" if the range is not valid there).
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }
}

/// True for apostrophes that may sit inside a word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// True for hyphens that may sit inside a word or compound.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// True for the spaces that group digits in "3 800" (no-break and thin spaces; a plain
/// space is accepted only between a 1–3 digit group and exactly three digits). Shared
/// with the figure extractor's tokenizer.
pub fn is_group_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | ' ')
}

/// Decodes the char at byte `i` of `s` ('\0' at or past the end).
#[inline]
fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes().get(i) {
        None => '\0',
        Some(&b) if b < 0x80 => b as char,
        Some(_) => s.get(i..).and_then(|t| t.chars().next()).unwrap_or('\0'),
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c == '\u{0308}' || c == '\u{0301}'
}

/// Tokenizes `text`; spans are byte offsets into `text` plus `base` (pass the offset of
/// `text` inside its document to get document offsets).
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let b = text.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    while i < n {
        let c = char_at(text, i);
        let w = c.len_utf8();
        if c.is_whitespace() {
            i += w;
            continue;
        }
        let start = i;
        if c.is_alphabetic() {
            i += w;
            loop {
                let c = char_at(text, i);
                // Letters and digits, and an apostrophe or hyphen followed by a letter.
                if is_word_char(c) || c.is_numeric() || ((is_apostrophe(c) || is_hyphen(c)) && char_at(text, i + c.len_utf8()).is_alphabetic()) {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            out.push(Token { kind: TokenKind::Word, start: base + start, end: base + i });
        } else if c.is_ascii_digit() {
            i += 1;
            let mut group_len = 1; // digits in the current group
            let mut first_group = true;
            let digit = |k: usize| b.get(k).is_some_and(|d| d.is_ascii_digit());
            loop {
                let c = char_at(text, i);
                if c.is_ascii_digit() {
                    i += 1;
                    group_len += 1;
                } else if (c == ',' || c == '.') && digit(i + 1) {
                    i += 2;
                    group_len = 1;
                    first_group = false;
                } else if is_group_space(c)
                    && (if first_group { group_len <= 3 } else { group_len == 3 })
                    && {
                        let k = i + c.len_utf8();
                        digit(k) && digit(k + 1) && digit(k + 2) && !digit(k + 3)
                    }
                {
                    // "3 800" / "3\u{202F}800": a space between digit groups.
                    i += c.len_utf8() + 3;
                    group_len = 3;
                    first_group = false;
                } else {
                    break;
                }
            }
            out.push(Token { kind: TokenKind::Number, start: base + start, end: base + i });
        } else {
            i += w;
            out.push(Token { kind: TokenKind::Punct, start: base + start, end: base + i });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(texts("Kassym-Jomart Tokaïev’s 3,800 (1.5%)"), vec![
            "Kassym-Jomart", "Tokaïev’s", "3,800", "(", "1.5", "%", ")"
        ]);
        assert_eq!(texts("3\u{202F}800 people, 26."), vec!["3\u{202F}800", "people", ",", "26", "."]);
        assert_eq!(texts("about 3 800 people"), vec!["about", "3 800", "people"]);
        assert_eq!(texts("in 2021 26 people"), vec!["in", "2021", "26", "people"]);
        assert_eq!(texts("👍 ok"), vec!["👍", "ok"]);
    }

    #[test]
    fn base_offset_is_added() {
        let t = tokenize("ab cd", 10);
        assert_eq!((t[1].start, t[1].end), (13, 15));
    }
}
