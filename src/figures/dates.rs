//! Dates, years and clock times: numbers that are not counts.
//!
//! The rule (documented here, applied in `mod.rs`): a number is **not** a count when it is
//! - part of a calendar date: a month name with a day and/or year ("January 6, 2022",
//!   "Jan. 31", "6 January", "June of 2018"), or a numeric date "07/01/2022", "2022-01-06";
//!   kind `date`, value YYYYMMDD (0000 when the year is not given, 00 for no day);
//! - a clock time: "10:30", "3 p.m.", "10.45pm", "5am"; kind `time`, value hhmm (24 h);
//! - a year: four plain digits from 1900 to 2100 (or 1000–1899 after "in", "since",
//!   "from", "between", "until", "by", "of", "circa"), not after a currency sign, not
//!   followed by a unit, and not followed by a plural noun unless a year word precedes it
//!   ("in 2019", "the 2018 season", "since 1991" are years; "2000 people" is a count);
//!   decades "the 1990s" too; kind `year`, value the year;
//! - a phone number, list numbering at the start of a line, an identifier glued to
//!   letters ("COVID-19", "G7", "A2") or following a name ("Big 12", "Model 3", "S&P 500",
//!   "category 4"), or a sports score ("2-0"): dropped.
//!
//! Dates, years and times are kept as their own figures, shown but never compared with
//! counts.

use super::tokens::{Kind, Tok};


/// Every form [`month`] accepts (for the start filter of `tables`).
pub const MONTH_FORMS: &[&str] = &[
    "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august", "aug",
    "september", "sep", "sept", "october", "oct", "november", "nov", "december", "dec",
];

/// Month number of a month name or abbreviation (lowercase).
pub fn month(w: &str) -> Option<u32> {
    // most words are not months: the first three letters decide before any string compare
    // (this runs for every word)
    let b = w.as_bytes();
    if !(3..=9).contains(&b.len()) {
        return None;
    }
    let by_prefix = match (b[0], b[1], b[2]) {
        (b'j', b'a', b'n') => 1,
        (b'f', b'e', b'b') => 2,
        (b'm', b'a', b'r') => 3,
        (b'a', b'p', b'r') => 4,
        (b'm', b'a', b'y') => 5,
        (b'j', b'u', b'n') => 6,
        (b'j', b'u', b'l') => 7,
        (b'a', b'u', b'g') => 8,
        (b's', b'e', b'p') => 9,
        (b'o', b'c', b't') => 10,
        (b'n', b'o', b'v') => 11,
        (b'd', b'e', b'c') => 12,
        _ => return None,
    };
    let forms: &[&str] = match by_prefix {
        1 => &["january", "jan"],
        2 => &["february", "feb"],
        3 => &["march", "mar"],
        4 => &["april", "apr"],
        5 => &["may"],
        6 => &["june", "jun"],
        7 => &["july", "jul"],
        8 => &["august", "aug"],
        9 => &["september", "sep", "sept"],
        10 => &["october", "oct"],
        11 => &["november", "nov"],
        _ => &["december", "dec"],
    };
    forms.contains(&w).then_some(by_prefix)
}

/// A date, year or time found at a token.
#[derive(Debug, Clone)]
pub struct Found {
    pub s: usize,
    pub e: usize,
    pub next: usize,
    pub value: f64,
}

fn num(t: Option<&Tok>) -> Option<u32> {
    let t = t?;
    if t.kind != Kind::Num || !t.low.chars().all(|c| c.is_ascii_digit()) || t.low.len() > 4 {
        return None;
    }
    t.low.parse().ok()
}

fn is_year(v: u32) -> bool {
    (1000..=2100).contains(&v)
}

/// A calendar date starting at token `i`.
pub fn date_at(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let t = toks.get(i)?;
    // Month first: "January 6, 2022", "Jan. 31", "June of 2018", "November 2019"
    if t.kind == Kind::Word {
        let m = month(&t.low)?;
        // "May" and "March" are also words: they need a number right after.
        let mut j = i + 1;
        if toks.get(j).is_some_and(|x| x.low == ".") && t.low.len() <= 4 {
            j += 1;
        }
        if let Some(d) = num(toks.get(j)) {
            if (1..=31).contains(&d) && toks.get(j).is_some_and(|x| x.low.len() <= 2) {
                let mut e = toks.get(j).map(|x| x.e).unwrap_or(t.e);
                let mut k = j + 1;
                // ordinal suffix "6th"
                if toks.get(k).is_some_and(|x| matches!(x.low.as_ref(), "st" | "nd" | "rd" | "th") && x.s == e) {
                    e = toks.get(k).map(|x| x.e).unwrap_or(e);
                    k += 1;
                }
                let mut y = 0;
                if toks.get(k).is_some_and(|x| x.low == ",") {
                    if let Some(yy) = num(toks.get(k + 1)).filter(|&v| is_year(v)) {
                        y = yy;
                        e = toks.get(k + 1).map(|x| x.e).unwrap_or(e);
                        k += 2;
                    }
                } else if let Some(yy) = num(toks.get(k)).filter(|&v| is_year(v)) {
                    y = yy;
                    e = toks.get(k).map(|x| x.e).unwrap_or(e);
                    k += 1;
                }
                return Some(Found { s: t.s, e, next: k, value: (y * 10000 + m * 100 + d) as f64 });
            }
            if is_year(d) && toks.get(j).is_some_and(|x| x.low.len() == 4) {
                let e = toks.get(j).map(|x| x.e).unwrap_or(t.e);
                return Some(Found { s: t.s, e, next: j + 1, value: (d * 10000 + m * 100) as f64 });
            }
        }
        if toks.get(j).is_some_and(|x| x.low == "of") {
            if let Some(y) = num(toks.get(j + 1)).filter(|&v| is_year(v)) {
                let e = toks.get(j + 1).map(|x| x.e).unwrap_or(t.e);
                return Some(Found { s: t.s, e, next: j + 2, value: (y * 10000 + m * 100) as f64 });
            }
        }
        return None;
    }
    // Day first: "6 January 2022", "6th of January"
    if let Some(d) = num(Some(t)).filter(|d| (1..=31).contains(d)) {
        let mut j = i + 1;
        if toks.get(j).is_some_and(|x| matches!(x.low.as_ref(), "st" | "nd" | "rd" | "th") && x.s == t.e) {
            j += 1;
        }
        if toks.get(j).is_some_and(|x| x.low == "of") {
            j += 1;
        }
        let mt = toks.get(j)?;
        if mt.kind == Kind::Word {
            let m = month(&mt.low)?;
            if m == 5 && mt.low == "may" && text.get(mt.s..mt.e) == Some("may") {
                return None;
            }
            let mut e = mt.e;
            let mut k = j + 1;
            if toks.get(k).is_some_and(|x| x.low == ".") && mt.low.len() <= 4 {
                e = toks.get(k).map(|x| x.e).unwrap_or(e);
                k += 1;
            }
            let mut y = 0;
            if let Some(yy) = num(toks.get(k)).filter(|&v| is_year(v)) {
                y = yy;
                e = toks.get(k).map(|x| x.e).unwrap_or(e);
                k += 1;
            }
            return Some(Found { s: t.s, e, next: k, value: (y * 10000 + m * 100 + d) as f64 });
        }
    }
    // Numeric: 07/01/2022, 2022-01-06
    if t.kind == Kind::Num {
        let sep = toks.get(i + 1)?;
        if matches!(sep.low.as_ref(), "/" | "-") && sep.s == t.e {
            let b = toks.get(i + 2)?;
            let sep2 = toks.get(i + 3)?;
            let c = toks.get(i + 4)?;
            if b.kind == Kind::Num && c.kind == Kind::Num && sep2.low == sep.low && b.s == sep.e && sep2.s == b.e && c.s == sep2.e {
                let (x, y, z) = (num(Some(t))?, num(Some(b))?, num(Some(c))?);
                let v = if t.low.len() == 4 {
                    x * 10000 + y * 100 + z
                } else if c.low.len() == 4 && (1..=31).contains(&x) && (1..=31).contains(&y) {
                    // ambiguous day/month order: keep as written, month-first when it fits
                    let (m, d) = if x <= 12 { (x, y) } else { (y, x) };
                    z * 10000 + m * 100 + d
                } else {
                    return None;
                };
                return Some(Found { s: t.s, e: c.e, next: i + 5, value: v as f64 });
            }
        }
    }
    None
}

/// A clock time starting at token `i`: "10:30", "3 p.m.", "10.45pm", "5am".
pub fn time_at(text: &str, toks: &[Tok], i: usize) -> Option<Found> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num {
        return None;
    }
    let mut h: u32;
    let mut mnt: u32 = 0;
    let mut e = t.e;
    let mut j = i + 1;
    let mut clock = false;
    if let Some((a, b)) = t.low.split_once('.') {
        // "10.45pm": only with am/pm after
        h = a.parse().ok()?;
        mnt = b.parse().ok()?;
        if b.len() != 2 {
            return None;
        }
    } else {
        h = t.low.parse().ok()?;
        if toks.get(j).is_some_and(|x| x.low == ":" && x.s == t.e) {
            let m = toks.get(j + 1)?;
            if m.kind == Kind::Num && m.s == t.e + 1 && m.low.len() == 2 {
                mnt = m.low.parse().ok()?;
                e = m.e;
                j += 2;
                clock = true;
                // "2:04:37": hours, minutes and seconds (a race time) are one expression
                if toks.get(j).is_some_and(|x| x.low == ":" && x.s == e) {
                    if let Some(sec) = toks.get(j + 1).filter(|x| x.kind == Kind::Num && x.s == e + 1 && x.low.len() == 2) {
                        e = sec.e;
                        j += 2;
                    }
                }
            } else {
                return None;
            }
        }
    }
    if h > 24 || mnt > 59 {
        return None;
    }
    // am / pm / a.m. / p.m.
    let rest = text.get(e..).unwrap_or("");
    let rest_trim = rest.strip_prefix(' ').unwrap_or(rest);
    let skipped = rest.len() - rest_trim.len();
    let lower: String = rest_trim.chars().take(5).collect::<String>().to_lowercase();
    let mut pm = None;
    for (form, is_pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if lower.starts_with(form) && !lower[form.len()..].starts_with(|c: char| c.is_alphabetic()) {
            pm = Some((form.len(), is_pm));
            break;
        }
    }
    if let Some((len, is_pm)) = pm {
        if h > 12 {
            return None;
        }
        if is_pm && h < 12 {
            h += 12;
        }
        let end = e + skipped + len;
        // skip the tokens that make up "p.m."
        while toks.get(j).is_some_and(|x| x.s < end) {
            j += 1;
        }
        // a final "." of "p.m." may be the sentence end: keep it in the span anyway
        return Some(Found { s: t.s, e: end, next: j, value: (h * 100 + mnt) as f64 });
    }
    if clock {
        return Some(Found { s: t.s, e, next: j, value: (h * 100 + mnt) as f64 });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn date(s: &str) -> Option<f64> {
        let t = tokenize(s, 0..s.len());
        date_at(s, &t, 0).map(|f| f.value)
    }
    fn time(s: &str) -> Option<f64> {
        let t = tokenize(s, 0..s.len());
        time_at(s, &t, 0).map(|f| f.value)
    }

    #[test]
    fn dates() {
        assert_eq!(date("January 6, 2022 was cold"), Some(20220106.0));
        assert_eq!(date("Jan. 31"), Some(131.0));
        assert_eq!(date("6 January 2022"), Some(20220106.0));
        assert_eq!(date("June of 2018"), Some(20180600.0));
        assert_eq!(date("07/01/2022"), Some(20220701.0));
        assert_eq!(date("May be"), None);
        assert_eq!(date("26 people"), None);
    }

    #[test]
    fn times() {
        assert_eq!(time("10:30 local"), Some(1030.0));
        assert_eq!(time("3 p.m. Friday"), Some(1500.0));
        assert_eq!(time("10.45pm"), Some(2245.0));
        assert_eq!(time("5am"), Some(500.0));
        assert_eq!(time("26 people"), None);
        assert_eq!(time("3.5 percent"), None);
    }
}
