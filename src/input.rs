//! Checks on raw input: limits, and plain-language warnings for input that is empty,
//! binary, HTML or not in a language the extractors read. Nothing here rejects an article
//! except [`validate`], which the boundaries (page, CLI) call before analysis.

use crate::report::{Article, Report};
use std::ops::Range;

/// Most articles one analysis accepts.
pub const MAX_ARTICLES: usize = 5_000;
/// Most bytes of text one analysis accepts, all articles together (64 MiB).
pub const MAX_TOTAL_BYTES: usize = 64 << 20;

/// An input the core refuses, with a message for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Checks the limits on a whole input.
///
/// # Errors
/// When there are no articles, more than [`MAX_ARTICLES`], or more than
/// [`MAX_TOTAL_BYTES`] of text in all (texts and names, in UTF-8).
pub fn validate(articles: &[Article]) -> Result<(), InputError> {
    if articles.is_empty() {
        return Err(InputError("No articles to analyze: add at least one source.".into()));
    }
    if articles.len() > MAX_ARTICLES {
        return Err(too_many_articles(articles.len()));
    }
    let total: usize = articles.iter().map(|a| a.text.len() + a.name.len()).sum();
    if total > MAX_TOTAL_BYTES {
        return Err(too_much_text(total));
    }
    Ok(())
}

/// The refusal of `n` articles (more than [`MAX_ARTICLES`]).
pub fn too_many_articles(n: usize) -> InputError {
    InputError(format!("Too many articles: {n} given, at most {MAX_ARTICLES} can be analyzed at once."))
}

/// The refusal of `bytes` bytes of text (more than [`MAX_TOTAL_BYTES`]), stated in MiB, the
/// unit of the limit (1 MiB = 1,048,576 bytes).
pub fn too_much_text(bytes: usize) -> InputError {
    InputError(format!(
        "Too much text: {:.1} MiB given, at most {} MiB can be analyzed at once (all sources together). Remove some sources or shorten them.",
        bytes as f64 / (1 << 20) as f64,
        MAX_TOTAL_BYTES >> 20
    ))
}

/// Character statistics of a text, gathered in one pass (ASCII bytes without decoding).
#[derive(Debug, Default, Clone, Copy)]
struct CharStats {
    chars: usize,
    /// Control characters other than whitespace, and U+FFFD replacement characters.
    control: usize,
    letters: usize,
    latin_letters: usize,
}

/// For each ASCII byte: bit 0 a letter, bit 1 a control character other than whitespace.
const ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let u = b as u8;
        let letter = (u | 0x20).wrapping_sub(b'a') < 26;
        let control = (u < 0x20 && !matches!(u, b'\t' | b'\n' | b'\r' | 0x0c)) || u == 0x7f;
        t[b] = letter as u8 | ((control as u8) << 1);
        b += 1;
    }
    t
};

fn char_stats(text: &str) -> CharStats {
    let mut st = CharStats::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            // Branch-free counts for the common case (ASCII), from a table.
            let k = ASCII_CLASS[usize::from(b)];
            st.chars += 1;
            st.letters += usize::from(k & 1);
            st.latin_letters += usize::from(k & 1);
            st.control += usize::from(k >> 1);
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else { break };
        st.chars += 1;
        if (c.is_control() && !c.is_whitespace()) || c == '\u{FFFD}' {
            st.control += 1;
        } else if c.is_alphabetic() {
            st.letters += 1;
            if (c as u32) < 0x0250 || (0x1E00..0x1F00).contains(&(c as u32)) {
                st.latin_letters += 1;
            }
        }
        i += c.len_utf8();
    }
    st
}

/// True when the text looks like HTML markup rather than article text.
pub fn looks_like_html(text: &str) -> bool {
    let tags = markup_tag_count(text);
    tags >= 3 || text.trim_start().starts_with("<!") || tags >= 2 && text.contains("</")
}

/// The number of tags, counting no further than 3 (all [`looks_like_html`] asks).
fn markup_tag_count(text: &str) -> usize {
    let mut n = 0;
    for_each_tag(text, |_| {
        n += 1;
        n < 3
    });
    n
}

/// Byte ranges of HTML/XML tags (`<p>`, `</div>`, `<img src=x>`) and comments. Only
/// sequences that look like tags count: `<` followed by a letter, `/` or `!`.
fn tag_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for_each_tag(text, |r| {
        out.push(r);
        true
    });
    out
}

/// Calls `f` with each tag's byte range until it returns false.
fn for_each_tag(text: &str, mut f: impl FnMut(Range<usize>) -> bool) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // str::find(char) searches a word at a time (memchr).
        match text.get(i..).and_then(|t| t.find('<')) {
            Some(k) => i += k,
            None => break,
        }
        if b[i] == b'<' && i + 1 < b.len() && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'/' || b[i + 1] == b'!') {
            if let Some(k) = b[i + 1..].iter().take(2000).position(|&c| c == b'>' || c == b'<') {
                let j = i + 1 + k;
                if b[j] == b'>' {
                    if !f(i..j + 1) {
                        return;
                    }
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Spans the extractors must skip: the tags of HTML-looking text (never the text between
/// them, which is kept and analyzed as plain text).
pub fn markup_spans(text: &str) -> Vec<Range<usize>> {
    if looks_like_html(text) { tag_spans(text) } else { Vec::new() }
}

/// Plain-language warnings about one article.
pub fn warnings(text: &str) -> Vec<String> {
    let mut w = Vec::new();
    let trimmed = text.trim();
    if trimmed.is_empty() {
        w.push("This source is empty.".to_string());
        return w;
    }
    // Only "fewer than 15" matters: stop counting there.
    let words = trimmed.split_ascii_whitespace().take(15).count();
    if words < 15 {
        let unit = if words == 1 { "word" } else { "words" };
        w.push(format!("This source is very short ({words} {unit}): few facts can be found in it."));
    }
    let st = char_stats(text);
    if st.control * 100 > st.chars {
        w.push("This source contains binary or garbled characters; it may not be text.".to_string());
    }
    if looks_like_html(text) {
        w.push("This source looks like HTML: tags were shown as text and skipped, never run.".to_string());
    }
    if let Some(digits) = longest_numeral(text).filter(|&d| d > MAX_NUMERAL_DIGITS) {
        w.push(format!(
            "This source contains a number written with {digits} digits: numbers beyond 10^300 are more than crosscheck can compare, and are not listed among the figures."
        ));
    }
    if st.letters > 0 && st.latin_letters * 2 < st.letters {
        w.push("This source does not look like English: crosscheck reads English text, so few facts, names or quotes will be found in it.".to_string());
    }
    w
}

/// Most digits of a number the figures stage keeps (its magnitude limit,
/// [`crate::figures::bounds::MAX_MAGNITUDE`], is 10^300).
pub const MAX_NUMERAL_DIGITS: usize = 300;

/// The most digits in one written number of `text` (digits joined by single `,` or `.`
/// separators count as one number), when it has any digit.
fn longest_numeral(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let (mut best, mut run) = (0usize, 0usize);
    for (i, &c) in b.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
            best = best.max(run);
        } else if !(matches!(c, b',' | b'.') && run > 0 && b.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            run = 0;
        }
    }
    (best > 0).then_some(best)
}

/// Notices on the input as a whole, from the finished report.
pub fn notices(articles: &[Article], report: &Report) -> Vec<String> {
    let mut n = Vec::new();
    let non_empty = articles.iter().filter(|a| !a.text.trim().is_empty()).count();
    if non_empty < 2 {
        n.push("Only one source has text: there is nothing to compare yet.".to_string());
    } else {
        let shared = report.facts.iter().filter(|f| f.status != crate::report::Status::Single).count();
        if shared == 0 {
            n.push("No figure is reported by more than one source: these articles may be about different events, or report different aspects.".to_string());
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        assert!(validate(&[]).is_err());
        assert!(validate(&[Article { name: String::new(), text: "x".into() }]).is_ok());
        // The limit is stated in the unit it is set in.
        let big = Article { name: String::new(), text: "a".repeat(MAX_TOTAL_BYTES + (6 << 20)) };
        let msg = validate(std::slice::from_ref(&big)).unwrap_err().0;
        assert!(msg.contains("70.0 MiB given, at most 64 MiB"), "{msg}");
        let many = vec![Article { name: String::new(), text: "x".into() }; MAX_ARTICLES + 1];
        assert!(validate(&many).unwrap_err().0.contains("at most 5000"));
    }

    #[test]
    fn html_and_binary_and_script() {
        let html = "<p>Hello</p><img src=x onerror=alert(1)><script>alert(1)</script>";
        assert!(looks_like_html(html));
        let spans = markup_spans(html);
        assert_eq!(&html[spans[0].clone()], "<p>");
        assert!(warnings(html).iter().any(|w| w.contains("HTML")));
        assert!(!looks_like_html("3 < 4 and 5 > 2"));
        assert!(warnings("\u{0}\u{1}\u{2}abc").iter().any(|w| w.contains("binary")));
        assert!(warnings("Москва заявила, что в городе погибли люди и многие ранены вчера вечером в центре").iter().any(|w| w.contains("English")));
        assert_eq!(warnings("   "), vec!["This source is empty.".to_string()]);
        assert!(warnings("Floods.").iter().any(|w| w.contains("(1 word)")));
        assert!(warnings("Floods hit Ostvik.").iter().any(|w| w.contains("(3 words)")));
    }
}
