//! Reporting times of figures, made comparable: "Thursday" < "Friday morning" <
//! "Friday night"; "January 6" < "Jan. 7". Weekdays and calendar dates are two separate
//! scales (without the publication date they cannot be ordered against each other).
//! Also the words that say a number was updated ("rose to", "climbed to").

/// A comparable time: a scale and a position on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeKey {
    /// 0 = day of the week, 1 = day of the year.
    pub scale: u8,
    pub pos: f64,
}

const WEEKDAYS: [(&str, f64); 7] = [
    ("monday", 1.0),
    ("tuesday", 2.0),
    ("wednesday", 3.0),
    ("thursday", 4.0),
    ("friday", 5.0),
    ("saturday", 6.0),
    ("sunday", 7.0),
];

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Parts of the day, as a fraction of the day.
const PARTS: [(&str, f64); 8] = [
    ("early", 0.1),
    ("overnight", 0.05),
    ("dawn", 0.2),
    ("morning", 0.3),
    ("midday", 0.5),
    ("afternoon", 0.6),
    ("evening", 0.75),
    ("night", 0.85),
];

/// Words right before a number that say it is an update of an earlier one ("the death toll
/// rose to", "climbs to", "has reached", "a new toll of"), in the tenses headlines and
/// live copy use.
pub const UPDATE_WORDS: [&str; 38] = [
    "bringing the toll to",
    "bringing the death toll to",
    "bringing the total to",
    "taking the toll to",
    "taking the death toll to",
    "pushing the toll to",
    "rose to",
    "risen to",
    "rises to",
    "rising to",
    "climbed to",
    "climbs to",
    "climbing to",
    "increased to",
    "increases to",
    "jumped to",
    "jumps to",
    "grew to",
    "grows to",
    "soared to",
    "soars to",
    "mounted to",
    "mounts to",
    "swelled to",
    "swells to",
    "up to now",
    "now stands at",
    "now at",
    "has reached",
    "reached",
    "reaches",
    "updated",
    "revised up to",
    "revised upward to",
    "new toll of",
    "new death toll of",
    "latest toll of",
    "raised the toll to",
];

/// Parses a time expression (or any text) for a weekday with an optional part of the day,
/// else a month-and-day date. Returns the first found.
pub fn key(text: &str) -> Option<TimeKey> {
    let first = first_candidate(text)?;
    // Read from two words before the first candidate (see `scan_start`).
    scan(text.get(scan_start(text, first)..).unwrap_or(text))
}

/// A position before `at` from which [`scan`] reads the same words from two words before
/// `at` on: an ASCII byte other than a letter or digit (never inside a word) with two
/// stretches holding an ASCII letter or digit (so at least two words) between it and
/// `at`; else 0.
fn scan_start(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let (mut k, mut stretches, mut alnum) = (at.min(b.len()), 0, false);
    while k > 0 {
        k -= 1;
        let c = b.get(k).copied().unwrap_or(0);
        if c.is_ascii_alphanumeric() {
            alnum = true;
        } else if c.is_ascii() && alnum {
            stretches += 1;
            alnum = false;
            if stretches >= 2 {
                return k;
            }
        }
    }
    0
}

/// [`key`] without the quick rejection.
fn scan(text: &str) -> Option<TimeKey> {
    // Words compared without case on the text as written (no folded copy: the names
    // looked for are ASCII).
    // The two words before the current one, for "overnight Friday".
    let mut before: [&str; 2] = ["", ""];
    // A weekday in the possessive ("Tuesday's earthquake", "Sunday's election") names the
    // day of the event, not of the report: skipped.
    let mut words = super::lexicon::Words::new(text, false);
    let mut i = 0usize;
    while let Some(w) = words.next() {
        let this = i;
        i += 1;
        let back = before;
        before = [back[1], w];
        let b = w.as_bytes();
        // Quick rejection: every weekday has 6 to 9 letters and ends in "day"; every
        // month starts with the three letters of its abbreviation.
        let (Some(&b0), Some(&b1), Some(&b2)) = (b.first(), b.get(1), b.get(2)) else { continue };
        let day = (6..=9).contains(&b.len()) && b.get(b.len() - 3..).is_some_and(|t| t.eq_ignore_ascii_case(b"day"));
        if day {
            if let Some(&(_, d)) = WEEKDAYS.iter().find(|(n, _)| n.eq_ignore_ascii_case(w)) {
                // "Friday morning", "Friday night"; "overnight" before or after.
                // The words from two before to two after (five from the first word).
                let prev = back.get(2 - this.min(2)..).unwrap_or(&[]);
                let near = prev.iter().copied().chain(std::iter::once(w)).chain(words.clone().take(4 - prev.len()));
                let part = PARTS.iter().find(|(p, _)| near.clone().any(|x| x.eq_ignore_ascii_case(p))).map(|&(_, f)| f).unwrap_or(0.5);
                let found = TimeKey { scale: 0, pos: d + part };
                if words.clone().next().is_some_and(|n| n.eq_ignore_ascii_case("s")) {
                    continue;
                }
                return Some(found);
            }
        }
        // `| 0x20` lowercases ASCII letters and turns no other byte into one.
        let m = [b0 | 0x20, b1 | 0x20, b2 | 0x20];
        if let Some(mi) = MONTHS.iter().position(|x| x.as_bytes() == m) {
            if w.len() == 3 || is_month_name(w) {
                if let Some(day) = words.clone().next().and_then(|d| d.parse::<u32>().ok()).filter(|d| (1..=31).contains(d)) {
                    return Some(TimeKey { scale: 1, pos: mi as f64 * 31.0 + day as f64 });
                }
            }
        }
    }
    None
}

/// Where the first word [`key`] could answer from starts (`None`: it finds nothing), told
/// by one cheap pass over the runs of ASCII letters and digits: every word [`key`] answers
/// from (a weekday; a month followed by a day number) is all ASCII, so it is such a run,
/// and so is the day number after it.
fn first_candidate(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0usize;
    let mut after_month: Option<usize> = None;
    while i < b.len() {
        if !b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
            continue;
        }
        let s = i;
        while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        let w = b.get(s..i).unwrap_or(&[]);
        if let Some(m) = after_month.filter(|_| w.first().is_some_and(u8::is_ascii_digit)) {
            if std::str::from_utf8(w).ok().and_then(|d| d.parse::<u32>().ok()).is_some_and(|d| (1..=31).contains(&d)) {
                return Some(m);
            }
        }
        let n = w.len();
        // Every weekday ends in "day".
        if (6..=9).contains(&n)
            && w.get(n - 3..).is_some_and(|t| t.eq_ignore_ascii_case(b"day"))
            && WEEKDAYS.iter().any(|(d, _)| d.as_bytes().eq_ignore_ascii_case(w))
        {
            return Some(s);
        }
        after_month = match w {
            [b0, b1, b2, ..] if n <= 9 => {
                let m = [b0 | 0x20, b1 | 0x20, b2 | 0x20];
                (MONTHS.iter().any(|x| x.as_bytes() == m) && (n == 3 || std::str::from_utf8(w).is_ok_and(is_month_name))).then_some(s)
            }
            _ => None,
        };
    }
    None
}

fn is_month_name(w: &str) -> bool {
    const FULL: [&str; 13] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "sept",
    ];
    FULL.iter().any(|f| f.eq_ignore_ascii_case(w))
}

/// Words that open a line giving an article's own date ("Published March 3, 2031",
/// "Updated: 12 Jan 2025 10:32").
const DATE_LINE_WORDS: [&str; 6] = ["published", "updated", "posted", "dated", "last updated", "first published"];

/// The article's own date, from the date figures of its text (`dates`: byte span and
/// value YYYYMMDD, in text order): the first date that
/// - follows "Published", "Updated", "Posted" or "Dated" at the start of its line;
/// - is a line of its own (a date, maybe with a weekday or clock time: at most 40 bytes)
///   among the text's first five lines;
/// - or opens a dateline: first in its line or after a place and a comma, followed by an
///   agency in brackets and a dash, or a dash ("Sept. 29 (Wire) —", "Dunmore,
///   March 5 - ").
///
/// On the day-of-year scale of [`key`] (the year is not compared). `None` when the text
/// carries no date of its own.
pub fn article_date(text: &str, dates: impl Iterator<Item = (usize, usize, f64)>) -> Option<TimeKey> {
    // Where the text's fifth non-empty line ends (a date line of its own comes before).
    let mut top_end = 0usize;
    let mut seen = 0;
    for l in text.split_inclusive('\n') {
        top_end += l.len();
        if !l.trim().is_empty() {
            seen += 1;
            if seen == 5 {
                break;
            }
        }
    }
    // (A bounded number of candidates: the article's date is among its first dates.)
    for (s, e, v) in dates.take(64) {
        let (month, day) = (((v as u64) / 100) % 100, (v as u64) % 100);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            continue;
        }
        let line_start = text.get(..s).and_then(|t| t.rfind('\n')).map_or(0, |k| k + 1);
        let line_end = text.get(e..).and_then(|t| t.find('\n')).map_or(text.len(), |k| e + k);
        let before = text.get(line_start..s).unwrap_or("");
        let after = text.get(e..line_end).unwrap_or("");
        let lead = super::lexicon::fold(before.trim_start());
        let opens_line = DATE_LINE_WORDS.iter().any(|w| lead.starts_with(w)) && before.len() <= 40;
        let own_line = line_start < top_end && line_end - line_start <= 40;
        let a = after.trim_start();
        let a = match a.strip_prefix('(') {
            Some(rest) => rest.find(')').and_then(|k| rest.get(k + 1..)).unwrap_or("").trim_start(),
            None => a,
        };
        // ("DUNMORE, March 3 (Wire) —": a place and a comma at most before the date.)
        let b = before.trim();
        let dash = a.starts_with(['—', '–']) || a.starts_with("- ") || a.starts_with("--");
        let dateline = dash && b.len() <= 40 && (b.is_empty() || b.ends_with(',')) && !b.chars().any(|c| c.is_ascii_digit());
        if opens_line || own_line || dateline {
            return Some(TimeKey { scale: 1, pos: (month - 1) as f64 * 31.0 + day as f64 });
        }
    }
    None
}

/// True when `before` (the text right before a figure) ends with an update phrase.
#[cfg(test)]
pub fn says_update(before: &str) -> bool {
    says_update_in(before, &mut String::new())
}

/// [`says_update`] with a scratch buffer for the folded text.
pub fn says_update_in(before: &str, scratch: &mut String) -> bool {
    let mut from = before.len().saturating_sub(48);
    while from > 0 && !before.is_char_boundary(from) {
        from -= 1;
    }
    scratch.clear();
    super::lexicon::fold_into(before.get(from..).unwrap_or(""), scratch);
    let b = scratch.trim_end();
    let b = ["more than", "at least", "nearly", "almost", "about", "around", "some", "over"]
        .iter()
        .find_map(|q| b.strip_suffix(q).filter(|x| x.ends_with(' ')).map(str::trim_end))
        .unwrap_or(b);
    UPDATE_WORDS.iter().any(|w| b.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_parts_order() {
        let thu = key("Thursday").expect("thu");
        let fri_m = key("Friday morning").expect("fri");
        let fri_n = key("on Friday night").expect("fri night");
        assert!(thu.pos < fri_m.pos && fri_m.pos < fri_n.pos);
        let d1 = key("January 6").expect("jan 6");
        let d2 = key("Jan. 7").expect("jan 7");
        assert_eq!(d1.scale, 1);
        assert!(d1.pos < d2.pos);
        assert!(key("later").is_none());
        assert_eq!(key("FRIDAY NIGHT"), key("friday night"));
        assert_eq!(key("Sept. 3, when"), key("sept 3"));
        assert!(key("Mayday 3").is_none());
        // The part of the day is looked for from two words before to two after.
        assert_eq!(key("Sunday was calm until late night").map(|k| k.pos), Some(7.5));
        assert_eq!(key("late night Sunday").map(|k| k.pos), Some(7.85));
        assert_eq!(key("night came late on Sunday").map(|k| k.pos), Some(7.5));
        assert_eq!(key("on Sunday, in the evening").map(|k| k.pos), Some(7.75));
        assert_eq!(key("Early Sunday").map(|k| k.pos), Some(7.1));
    }

    #[test]
    fn quick_rejection_keeps_every_answer() {
        for t in [
            "Thursday", "on Friday night", "Jan. 7", "January 6", "Sept. 3, when", "May 12", "may 40", "it may 5 fall", "Mayday 3",
            "Éfriday", "friday2", "the 3rd of March 4", "no time here", "", "🙂 Sunday 🙂", "dec. 31", "Decemberr 3", "mar 0", "MAR 31",
            "a long sentence that says late at night on Sunday things happened", "overnight — Friday", "x overnight—Friday",
            "late night éFriday, then Saturday", "word word early — — Sunday", "early é Sunday", "at dawn 12 Jan 5",
            "the evening of May 3 in a town where late at night Friday came",
        ] {
            assert_eq!(key(t), scan(t), "{t}");
        }
    }

    #[test]
    fn possessive_weekday_is_the_event_not_the_report() {
        // The day of the event named in the possessive gives way to the reporting day.
        let k = key("The toll from Tuesday's earthquake has climbed to 230, officials said on Wednesday");
        assert_eq!(k.map(|k| k.pos), Some(3.5));
        let k = key("The toll from Saturday\u{2019}s floods rose, officials said on Sunday night");
        assert_eq!(k.map(|k| k.pos), Some(7.85));
        // Alone, it is no reporting time either.
        assert_eq!(key("Tuesday's vote"), None);
        assert_eq!(key("Friday's count"), scan("Friday's count"));
    }

    #[test]
    fn an_article_carries_its_own_date() {
        // Dates found in the text (byte span and YYYYMMDD), as the figures stage gives them.
        let date = |text: &str, needle: &str, v: f64| {
            let s = text.find(needle).unwrap_or(0);
            article_date(text, std::iter::once((s, s + needle.len(), v)))
        };
        let mar3 = Some(TimeKey { scale: 1, pos: 2.0 * 31.0 + 3.0 });
        let t = "Published March 3, 2031\nThe toll rose to 35.";
        assert_eq!(date(t, "March 3, 2031", 20310303.0), mar3);
        let t = "Mine collapse in Velna\nUpdated: March 3, 2031 10:32\nThe toll rose to 35.";
        assert_eq!(date(t, "March 3, 2031", 20310303.0), mar3);
        let t = "Mine collapse in Velna\nMarch 3, 2031\n\nThe toll rose to 35.";
        assert_eq!(date(t, "March 3, 2031", 20310303.0), mar3);
        let t = "DUNMORE, March 3 (Wire) — The toll rose to 35.";
        assert_eq!(date(t, "March 3", 303.0), mar3);
        let t = "March 3 - The toll rose to 35.";
        assert_eq!(date(t, "March 3", 303.0), mar3);
        // A date inside the story is the date of an event, not the article's.
        let t = "Mine collapse in Velna\nThe mine, which reopened on March 3, 2031 after repairs, collapsed.";
        assert_eq!(date(t, "March 3, 2031", 20310303.0), None);
        let t = "Officials said 12 people died on March 3 (local time) - the worst day.";
        assert_eq!(date(t, "March 3", 303.0), None);
        // A month with no day orders nothing.
        let t = "Published March 2031\nText.";
        assert_eq!(date(t, "March 2031", 20310300.0), None);
    }

    #[test]
    fn update_words() {
        assert!(says_update("Veloria earthquake: death toll climbs to "));
        assert!(says_update("Deaths from cholera rose to nearly "));
        assert!(says_update("The number of flood victims rises to at least "));
        assert!(says_update("officials gave a new death toll of "));
        assert!(!says_update("the ministry said some "));
        assert!(says_update("the death toll rose to "));
        assert!(says_update("officials said the number had risen to more than"));
        assert!(!says_update("police said "));
    }
}
