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
//!   following short lines of a "Related" block (up to the first line over 12 words).

use std::ops::Range;

const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
const LABELS: &[&str] = &[
    "related", "related posts", "related articles", "related stories", "read more", "read also",
    "see also", "advertisement", "share", "share this", "share this article", "more from",
    "recommended", "most read", "trending", "subscribe", "sign up",
];
const CAPTION_PREFIXES: &[&str] = &[
    "file photo:", "photo:", "image:", "credit:", "source:", "photograph:", "caption:",
    "(photo", "(ap photo", "(reuters", "(afp", "(getty", "picture:", "video:", "watch:",
];

fn words(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// True when the line is nothing but a date (weekday, month, day, year, separators).
pub fn is_date_line(line: &str) -> bool {
    let ws = words(line);
    if ws.is_empty() || ws.len() > 6 {
        return false;
    }
    let mut has_month_or_slash = line.contains('/') || line.contains('.') && line.chars().filter(|c| c.is_ascii_digit()).count() >= 6;
    let mut has_digit = false;
    for w in &ws {
        if MONTHS.contains(&w.as_str()) {
            has_month_or_slash = true;
        } else if w.chars().all(|c| c.is_ascii_digit()) {
            has_digit = true;
        } else if WEEKDAYS.contains(&w.as_str()) || w == "updated" || w == "published" || w == "am" || w == "pm" || w == "gmt" || w == "utc" || w == "th" || w == "st" || w == "nd" || w == "rd" {
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

/// True for photo credits: "Name / Agency", "Agency | Agency", "Photo: ...".
pub fn is_credit(line: &str) -> bool {
    let t = line.trim();
    let lower = t.to_lowercase();
    if CAPTION_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if !(t.contains(" / ") || t.contains(" | ")) {
        return false;
    }
    let ws: Vec<&str> = t.split_whitespace().filter(|w| *w != "/" && *w != "|").collect();
    !ws.is_empty()
        && ws.len() <= 12
        && !t.ends_with('.')
        && ws.iter().all(|w| is_capitalised(w) || w.chars().all(|c| !c.is_alphabetic()))
}

/// Finds furniture lines in `text`, as byte ranges of the trimmed lines.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0usize;
    let mut in_related = false;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let range = line_start + lead..line_start + lead + trimmed.len();
        let lower = trimmed.trim_end_matches(':').to_lowercase();
        let n_words = trimmed.split_whitespace().count();
        if LABELS.contains(&lower.as_str()) {
            in_related = lower.starts_with("related") || lower == "more from" || lower == "recommended" || lower == "most read";
            out.push(range);
            continue;
        }
        if in_related && n_words <= 16 && !trimmed.ends_with('.') {
            out.push(range);
            continue;
        }
        in_related = false;
        if is_date_line(trimmed) || is_byline(trimmed) || is_credit(trimmed) {
            out.push(range);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
