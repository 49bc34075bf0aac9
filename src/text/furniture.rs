//! Page furniture: lines of a pasted web page that are not the story — date lines, bylines,
//! photo credits and captions, "Related" lists, share/advertisement labels. Figures and
//! entities inside furniture are not compared (a caption's date is not a count; a
//! photographer is not a person in the story).
//!
//! Rules are about the shape of a line, never about particular outlets or names:
//! - a line that is only a date ("Friday, June 9, 2023", "07/01/2022", "Jan. 7, 2022");
//! - a byline: "By First Last[, First Last | and First Last]" with at most 8 words;
//! - a credit: a short line of capitalised words separated by " / " or " | ", or one that
//!   starts with "Photo:", "Image:", "Credit:", "File photo:", "Source:", or is in brackets
//!   starting with "(Photo" / "(AP Photo";
//! - a caption started by "File photo:" / "Photo:" runs to the end of its line;
//! - labels: "Related", "Related Posts", "Read more", "Advertisement", "Share", and the
//!   following short lines of a "Related" block (up to the first line over 12 words);
//! - contributor lines: "... contributed to this report", "Reporting by ...";
//! - captions: a line ending in a parenthesised credit after its last sentence
//!   ("... on Monday. (Wire Agency)"), and the block of lines just before a credit line
//!   (at most three lines, separated from it by at most one blank line) when it has two or
//!   more lines or reads like a caption ("poses", "are seen", "(L)", ", right,");
//! - author boxes: a short line repeated on the next line, and the line right after it;
//! - comment forms: "Please enter your comment!", "Leave a reply".

use std::ops::Range;

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
/// True for a month name or abbreviation, or a weekday, written in any case ("March",
/// "SEPT", "monday").
pub fn is_month_or_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.len() <= 9 && MONTHS.iter().chain(WEEKDAYS).any(|m| m.eq_ignore_ascii_case(w))
}
const LABELS: &[&str] = &[
    "related", "related posts", "related articles", "related stories", "read more", "read also",
    "see also", "advertisement", "share", "share this", "share this article", "more from",
    "recommended", "most read", "trending", "subscribe", "sign up", "latest news", "related news",
    "latest", "more stories", "you may also like", "please enter your comment",
    "please enter your name here", "please enter your email address here", "leave a reply",
    "leave a comment", "comments", "tags",
];
const CONTRIBUTOR_CUES: &[&str] = &[
    "contributed to this report", "contributed reporting", "contributed to this story",
    "contributed to this article", "reporting by ", "editing by ", "writing by ", "additional reporting",
];
const CAPTION_CUES: &[&str] = &[
    " poses ", " pose ", " is seen ", " are seen ", " stands ", " stand ", " pictured", "(l)", "(r)",
    ", right,", ", left,", ", center,", ", centre,", " gestures ", " looks on", " walk past ", " walks past ",
];
const CAPTION_PREFIXES: &[&str] = &[
    "file photo:", "photo:", "photo caption:", "image:", "credit:", "source:", "photograph:", "caption:",
    "(photo", "(ap photo", "(reuters", "(afp", "(getty", "picture:", "video:", "watch:",
];

/// True when the line is nothing but a date (weekday, month, day, year, separators).
pub fn is_date_line(line: &str) -> bool {
    if line.len() > 80 || line.split_whitespace().count() > 8 {
        return false;
    }
    let ws = || line.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty());
    let n = ws().take(7).count();
    if n == 0 || n > 6 {
        return false;
    }
    let mut has_month_or_slash = line.contains('/') || line.contains('.') && line.chars().filter(|c| c.is_ascii_digit()).count() >= 6;
    let mut has_digit = false;
    for w in ws() {
        // Lowercase only what is not ASCII (the lists are ASCII; most words are too).
        let folded;
        let w = if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
            w
        } else {
            folded = w.to_lowercase();
            folded.as_str()
        };
        if MONTHS.contains(&w) {
            has_month_or_slash = true;
        } else if w.chars().all(|c| c.is_ascii_digit()) {
            has_digit = true;
        } else if WEEKDAYS.contains(&w) || ["updated", "published", "am", "pm", "gmt", "utc", "th", "st", "nd", "rd"].contains(&w) {
        } else {
            return false;
        }
    }
    has_digit && has_month_or_slash
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True for "By First Last" bylines.
pub fn is_byline(line: &str) -> bool {
    let t = line.trim();
    let rest = match t.strip_prefix("By ").or_else(|| t.strip_prefix("by ")).or_else(|| t.strip_prefix("BY ")) {
        Some(r) => r,
        None => return false,
    };
    let ws: Vec<&str> = rest.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 8 || t.ends_with('.') && !ws.last().is_some_and(|w| w.len() <= 3) {
        return false;
    }
    ws.iter().all(|w| {
        let w = w.trim_matches(|c: char| c == ',' || c == '|');
        w.is_empty() || is_capitalised(w) || w == "and" || w == "in" || w == "&"
    })
}

/// True when `s` starts with the lowercase ASCII `prefix`, ignoring ASCII case.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// True when `hay` contains the lowercase ASCII `needle`, ignoring ASCII case (no
/// allocation: lines can be whole paragraphs).
fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    h.len() >= n.len()
        && (0..=h.len() - n.len()).any(|i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// True for photo credits: "Name / Agency", "Agency | Agency", "Photo: ...".
pub fn is_credit(line: &str) -> bool {
    let t = line.trim();
    credit_with(t, scan(t.as_bytes()))
}

/// [`is_credit`] of a trimmed line whose bytes `s` has scanned.
fn credit_with(t: &str, s: Scan) -> bool {
    if CAPTION_PREFIXES.iter().any(|p| starts_with_ci(t, p)) {
        return true;
    }
    // The scan saw the separator bytes: most lines have neither.
    if !(s.slash && t.contains(" / ") || s.pipe && t.contains(" | ")) {
        return false;
    }
    let ws: Vec<&str> = t.split_whitespace().filter(|w| *w != "/" && *w != "|").collect();
    !ws.is_empty()
        && ws.len() <= 12
        && !t.ends_with('.')
        && ws.iter().all(|w| is_capitalised(w) || w.chars().all(|c| !c.is_alphabetic()))
}

/// True for lines that credit contributors ("X and Y contributed to this report").
pub fn is_contributor_line(line: &str) -> bool {
    contributor_with(line, scan(line.as_bytes()))
}

/// [`is_contributor_line`] of a line whose bytes `s` has scanned.
fn contributor_with(line: &str, s: Scan) -> bool {
    // Every cue contains one of the scan's stems; an all-capitals line is checked in full.
    if !s.stem && line.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    word_count(line, 61) <= 60 && CONTRIBUTOR_CUES.iter().any(|c| contains_ci(line, c))
}

/// What one pass over a line's bytes finds for the rules that would otherwise each read a
/// whole paragraph: a contributor-cue stem ("ontribut", "eporting", "iting by") and the
/// `/` and `|` of credit separators.
#[derive(Clone, Copy, Default)]
struct Scan {
    stem: bool,
    slash: bool,
    pipe: bool,
}

/// One pass over `b`, eight bytes at a time while a word holds none of `b`, `p`, `/`, `|`
/// (the rare letters every stem contains at a fixed place), byte by byte otherwise.
fn scan(b: &[u8]) -> Scan {
    use super::has_byte as has;
    let at = |from: Option<usize>, pat: &[u8]| from.and_then(|f| b.get(f..f + pat.len())).is_some_and(|w| w == pat);
    let mut s = Scan::default();
    let mut i = 0usize;
    while i < b.len() {
        while let Some(x) = super::word_at(b, i) {
            if has(x, b'b') | has(x, b'p') | has(x, b'/') | has(x, b'|') != 0 {
                break;
            }
            i += 8;
        }
        let stop = (i + 8).min(b.len());
        while i < stop {
            match b[i] {
                b'b' => s.stem = s.stem || at(i.checked_sub(5), b"ontribut") || at(i.checked_sub(6), b"iting by"),
                b'p' => s.stem = s.stem || at(i.checked_sub(1), b"eporting"),
                b'/' => s.slash = true,
                b'|' => s.pipe = true,
                _ => {}
            }
            i += 1;
        }
    }
    s
}

/// True when `b` contains "ontribut", "eporting" or "iting by".
#[cfg(test)]
fn has_contributor_stem(b: &[u8]) -> bool {
    scan(b).stem
}

/// Number of whitespace-separated words in `s`, counting no further than `cap`.
pub fn word_count(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let space = if b < 0x80 {
            (b as char).is_whitespace()
        } else if b >= 0xC0 {
            // A multi-byte character starts here: decode it only to ask about whitespace.
            s.get(i..).and_then(|t| t.chars().next()).is_some_and(char::is_whitespace)
        } else {
            false // continuation byte: part of the character already classified
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n >= cap {
                return n;
            }
        }
    }
    n
}

/// True for a line ending in a parenthesised credit after its last sentence:
/// "... on Monday. (Wire Agency)".
pub fn ends_with_credit(line: &str) -> bool {
    let t = line.trim_end();
    let Some(body) = t.strip_suffix(')') else { return false };
    let Some(open) = body.rfind('(') else { return false };
    let inner = &body[open + 1..];
    let before = body[..open].trim_end();
    let ws: Vec<&str> = inner.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 4
        && ws.iter().all(|w| is_capitalised(w) || *w == "/" || *w == "via")
        && before.ends_with(['.', '”', '"', '!', '?'])
        && before.split_whitespace().count() >= 3
}

/// True when a line reports what someone said ("..., officials said."): story text.
fn reports_speech(line: &str) -> bool {
    let padded = format!(" {line} ");
    [" said", " says ", " told ", " according to "].iter().any(|c| contains_ci(&padded, c))
}

fn looks_like_caption(line: &str) -> bool {
    let padded = format!(" {line} ");
    CAPTION_CUES.iter().any(|c| contains_ci(&padded, c))
}

struct Line {
    range: Range<usize>,
    /// Index of the previous non-blank line and whether blank lines lie between.
    blank_before: usize,
}

/// Finds furniture lines in `text`, as byte ranges of the trimmed lines.
pub fn find(text: &str) -> Vec<Range<usize>> {
    // Non-blank lines with the number of blank lines before each.
    let mut lines: Vec<Line> = Vec::new();
    let mut offset = 0usize;
    let mut blanks = 0usize;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            blanks += 1;
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        lines.push(Line { range: line_start + lead..line_start + lead + trimmed.len(), blank_before: blanks });
        blanks = 0;
    }
    let get = |l: &Line| text.get(l.range.clone()).unwrap_or("");
    let mut marked = vec![false; lines.len()];
    let mut in_related = false;
    for (i, l) in lines.iter().enumerate() {
        let trimmed = get(l);
        // The label this short line is, in any case ("Related Posts:", "READ MORE").
        let label = if trimmed.len() <= 48 {
            let t = trimmed.trim_end_matches([':', '!', '.']);
            let folded = (!t.is_ascii()).then(|| t.to_lowercase());
            let t = folded.as_deref().unwrap_or(t);
            LABELS.iter().copied().find(|l| l.eq_ignore_ascii_case(t))
        } else {
            None
        };
        // Word count, capped (the rules only ask "at most 16" and "at most 6"), and only
        // counted where a rule asks.
        let n_words = || word_count(trimmed, 17);
        if let Some(lower) = label {
            in_related = lower.starts_with("related") || lower == "more from" || lower == "recommended" || lower == "most read" || lower.starts_with("latest");
            marked[i] = true;
            continue;
        }
        if in_related && n_words() <= 16 && !trimmed.ends_with('.') {
            marked[i] = true;
            continue;
        }
        in_related = false;
        let scanned = scan(trimmed.as_bytes());
        if is_date_line(trimmed) || is_byline(trimmed) || contributor_with(trimmed, scanned) || ends_with_credit(trimmed) {
            marked[i] = true;
        }
        if credit_with(trimmed, scanned) {
            marked[i] = true;
            // The caption block just before the credit.
            if l.blank_before <= 1 && i > 0 {
                let mut first = i - 1;
                while first > 0 && lines[first].blank_before == 0 && i - first < 3 {
                    first -= 1;
                }
                // `first` starts the block (it has blank lines before it or is line 0).
                let block_len = i - first;
                // (a block that reports speech is the story's paragraphs, not a caption:
                // captions describe a picture; text with single line breaks between
                // paragraphs has no blank line to close the block)
                let speech = (first..i).any(|k| reports_speech(get(&lines[k])));
                let caption = (2..=3).contains(&block_len) && !speech || looks_like_caption(get(&lines[i - 1]));
                if caption && (lines[first].blank_before > 0 || first == 0) {
                    for m in marked.iter_mut().take(i).skip(first) {
                        *m = true;
                    }
                }
            }
        }
        // Author box: a short line repeated on the next line, and the line after them.
        if i + 1 < lines.len() && lines[i + 1].blank_before == 0 && get(&lines[i + 1]) == trimmed && !trimmed.ends_with('.') && n_words() <= 6 {
            marked[i] = true;
            marked[i + 1] = true;
            if let Some(next) = lines.get(i + 2) {
                if next.blank_before == 0 {
                    marked[i + 2] = true;
                }
            }
        }
    }
    lines.into_iter().zip(marked).filter(|(_, m)| *m).map(|(l, _)| l.range).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_counts_stop_at_the_cap() {
        assert_eq!(word_count("", 5), 0);
        assert_eq!(word_count("  one\u{00A0}two\tthree  ", 10), 3);
        assert_eq!(word_count("a b c d e f", 4), 4);
        assert_eq!(word_count("Tokaïev’s “word” 👍", 10), 3);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Monday, March 3, 2031"));
        assert!(is_date_line("12/04/2030"));
        assert!(is_date_line("Jan. 7, 2029"));
        assert!(!is_date_line("26 people died on Monday"));
        assert!(!is_date_line("March"));
    }

    #[test]
    fn bylines_and_credits() {
        assert!(is_byline("by Jane Q. Reporter"));
        assert!(is_byline("By Ann Lee and Bo Park"));
        assert!(!is_byline("By Tuesday, the river had risen two metres."));
        assert!(is_credit("Pat Doe / Northwind Agency"));
        assert!(is_credit("Photo: a flooded street in the old town"));
        assert!(!is_credit("The ratio was 3 / 4 of the vote, officials said."));
    }

    #[test]
    fn finds_lines_with_offsets() {
        let t = "Monday, March 3, 2031\n\nBy Ann Lee\n\nThe river rose 2 metres.\nPat Doe / Wire\nRelated Posts\nOther story headline\n";
        let f: Vec<&str> = find(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(f, vec!["Monday, March 3, 2031", "By Ann Lee", "Pat Doe / Wire", "Related Posts", "Other story headline"]);
    }

    #[test]
    fn contributor_lines_and_inline_credits() {
        assert!(is_contributor_line("Wire writers Ann Lee in Oslo and Bo Park contributed to this report."));
        assert!(!is_contributor_line("The river rose two metres overnight."));
        assert!(is_contributor_line("Additional reporting in Lima: Rosa Quispe."));
        assert!(is_contributor_line("Writing by Ana Ruiz; editing by Tom Holt"));
        for (line, stem) in [("contributors", true), ("reporting", true), ("waiting by", true), ("by", false), ("report", false), ("contribute", true), ("contrib", false), ("ob", false)] {
            assert_eq!(has_contributor_stem(line.as_bytes()), stem, "{line}");
        }
        // The scan finds stems and separators wherever they fall relative to its 8-byte steps.
        for pad in 0..10 {
            let line = format!("{}Reporting by Ann Lee | Wire / Desk", "x".repeat(pad));
            let s = scan(line.as_bytes());
            assert!(s.stem && s.slash && s.pipe, "{line}");
            let plain = format!("{}The river rose two metres overnight", "x".repeat(pad));
            let s = scan(plain.as_bytes());
            assert!(!s.stem && !s.slash && !s.pipe, "{plain}");
        }
        assert!(ends_with_credit("Rescuers searched the flooded valley on Monday. (Wire Agency)"));
        assert!(!ends_with_credit("Rescuers joined the Northern Grain Council (NGC)"));
        assert!(!ends_with_credit("The council (NGC) met."));
    }

    #[test]
    fn caption_blocks_before_credits() {
        let t = "The river rose 2 metres on Monday.\n\nFlood in the valley\nA man walks past a flooded shop in Riverton on May 2.\n\nPat Doe / Wire\n\nOfficials said the water would fall.\n";
        let f: Vec<&str> = find(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(f, vec!["Flood in the valley", "A man walks past a flooded shop in Riverton on May 2.", "Pat Doe / Wire"]);
        // Paragraphs that report speech, with single line breaks and no blank line before
        // the credit, are the story
        let t3 = "Officials said 40 homes were flooded.\nAt least 12 people were rescued, the mayor said.\nPhoto: Wire\nThe water fell.\n";
        let f3: Vec<&str> = find(t3).into_iter().map(|r| &t3[r]).collect();
        assert_eq!(f3, vec!["Photo: Wire"]);
        // A body paragraph before a credit is kept unless it reads like a caption.
        let t2 = "Officials said the water would fall by Friday.\n\nPat Doe / Wire\n";
        let f2: Vec<&str> = find(t2).into_iter().map(|r| &t2[r]).collect();
        assert_eq!(f2, vec!["Pat Doe / Wire"]);
    }

    #[test]
    fn author_boxes_and_comment_forms() {
        let t = "The river fell.\n\nDaily Valley Desk\nDaily Valley Desk\nDaily Valley is a news site for the valley.\nLatest news\n\nPlease enter your comment!\n";
        let f: Vec<&str> = find(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(f, vec!["Daily Valley Desk", "Daily Valley Desk", "Daily Valley is a news site for the valley.", "Latest news", "Please enter your comment!"]);
    }
}
