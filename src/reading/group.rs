//! A group of people a count is limited to, read next to the figure: an age band ("105
//! cases were in children younger than 5", "130 are among people ages 5 to 17",
//! "children 4 and under accounting for 105 cases") or a vaccination status ("two cases
//! occurred in people fully vaccinated"). A count of a group is a part, never the whole
//! ("327 cases"), and two sources' counts of one group are one fact, however they write it:
//! "younger than 5", "under five", "ages 0 to 4" and "4 and under" are the same band.

use std::ops::Range;

/// A group of people: a comparable key and the words a label shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// "age 0-4", "age 65+", "vaccinated", "fully vaccinated", "unvaccinated".
    pub key: String,
    /// "aged 0–4", "aged 65 and over", "vaccinated".
    pub label: String,
}

/// Nouns for people a band or a status is said of ("children under five").
const PEOPLE: [&str; 20] = [
    "children", "kids", "people", "adults", "those", "patients", "infants", "babies", "persons", "individuals", "residents", "youths", "teenagers",
    "students", "women", "men", "girls", "boys", "toddlers", "seniors",
];

/// A word of the text with its byte range.
struct W {
    low: String,
    at: Range<usize>,
}

fn words(text: &str, window: Range<usize>) -> Vec<W> {
    let base = window.start;
    let s = text.get(window).unwrap_or("");
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let part = c.is_alphanumeric() || c == '+';
        match (start, part) {
            (None, true) => start = Some(i),
            (Some(a), false) => {
                let raw = s.get(a..i).unwrap_or("");
                out.push(W { low: crate::text::fold::fold(raw), at: base + a..base + i });
                start = None;
            }
            _ => {}
        }
        // a hyphen or dash between two numbers is a word of its own ("5-17")
        if matches!(c, '-' | '–' | '—') && start.is_none() {
            out.push(W { low: "-".into(), at: base + i..base + i + c.len_utf8() });
        }
    }
    out
}

/// The whole number a word writes ("5", "five", "17"), if small enough to be an age.
fn age(w: &str) -> Option<u32> {
    let v = w.parse::<u32>().ok().or_else(|| crate::figures::number_word(w).map(|v| v as u32))?;
    (v <= 120).then_some(v)
}

/// An age band starting at word `k` of `ws`: (first word, end word exclusive, low, high).
fn band_at(ws: &[W], k: usize) -> Option<(usize, usize, u32, u32)> {
    let low = |j: usize| ws.get(j).map_or("", |w| w.low.as_str());
    let people_before = |j: usize| (1..=3).any(|d| j >= d && PEOPLE.contains(&low(j - d)));
    let w = low(k);
    // "ages 5 to 17", "aged 5-17", "age 4 and under", "ages 65 and older"
    if matches!(w, "age" | "ages" | "aged") {
        let n = age(low(k + 1))?;
        if matches!(low(k + 2), "to" | "-" | "through" | "and") {
            if let Some(m) = age(low(k + 3)).filter(|&m| m > n) {
                return Some((k, k + 4, n, m));
            }
        }
        if matches!(low(k + 2), "and" | "or") {
            match low(k + 3) {
                "under" | "younger" | "below" => return Some((k, k + 4, 0, n)),
                "older" | "over" | "above" | "up" => return Some((k, k + 4, n, u32::MAX)),
                _ => {}
            }
        }
        return None;
    }
    // "between the ages of 5 and 17"
    if w == "between" && low(k + 1) == "the" && low(k + 2) == "ages" && low(k + 3) == "of" {
        let (n, m) = (age(low(k + 4))?, age(low(k + 6))?);
        return (matches!(low(k + 5), "and" | "to" | "-") && m > n).then_some((k, k + 7, n, m));
    }
    // "children under five", "people younger than 5", "adults over 65", "up to age 4"
    if w == "up" && low(k + 1) == "to" && low(k + 2) == "age" {
        return age(low(k + 3)).map(|n| (k, k + 4, 0, n));
    }
    // "children 4 and under", "people 65 and older"
    if let Some(n) = age(w).filter(|_| k >= 1 && PEOPLE.contains(&low(k - 1))) {
        if matches!(low(k + 1), "and" | "or") {
            match low(k + 2) {
                "under" | "younger" | "below" => return Some((k, k + 3, 0, n)),
                "older" | "over" | "above" => return Some((k, k + 3, n, u32::MAX)),
                _ => {}
            }
        }
    }
    if !people_before(k) {
        return None;
    }
    let (below, skip) = match (w, low(k + 1)) {
        ("under" | "below", _) => (true, 1),
        ("younger" | "less", "than") => (true, 2),
        ("over" | "above", _) => (false, 1),
        ("older" | "more", "than") => (false, 2),
        _ => return None,
    };
    let mut j = k + skip;
    if low(j) == "the" && low(j + 1) == "age" && low(j + 2) == "of" {
        j += 3;
    } else if low(j) == "age" {
        j += 1;
    }
    let n = age(low(j))?;
    // ("under 5 years", "over 65 years old")
    let mut e = j + 1;
    if matches!(low(e), "years" | "year") {
        e += 1;
        if low(e) == "old" {
            e += 1;
        }
    }
    Some(if below { (k, e, 0, n.checked_sub(1)?) } else { (k, e, n + 1, u32::MAX) })
}

fn band_group(lo: u32, hi: u32) -> Group {
    if hi == u32::MAX {
        Group { key: format!("age {lo}+"), label: format!("aged {lo} and over") }
    } else {
        Group { key: format!("age {lo}-{hi}"), label: format!("aged {lo}–{hi}") }
    }
}

/// A vaccination status said of people at word `k` ("people fully vaccinated", "those
/// who are unvaccinated"): (end word exclusive, group).
fn status_at(ws: &[W], k: usize) -> Option<(usize, Group)> {
    let low = |j: usize| ws.get(j).map_or("", |w| w.low.as_str());
    let w = low(k);
    let (un, stem) = if let Some(r) = w.strip_prefix("un") { (true, r) } else { (false, w) };
    if !matches!(stem, "vaccinated" | "immunized" | "immunised" | "inoculated") {
        return None;
    }
    let not = k >= 1 && matches!(low(k - 1), "not") || k >= 2 && low(k - 2) == "not";
    let fully = k >= 1 && low(k - 1) == "fully";
    let g = if un || not {
        Group { key: "unvaccinated".into(), label: "unvaccinated".into() }
    } else if fully {
        Group { key: "fully vaccinated".into(), label: "fully vaccinated".into() }
    } else {
        Group { key: "vaccinated".into(), label: "vaccinated".into() }
    };
    Some((k + 1, g))
}

/// Doses of a vaccine said of people, ending at word `k` ("who had at least one dose",
/// "receiving two doses"): (first word, group). One dose or more is vaccinated, two or
/// all doses fully vaccinated.
fn doses_at(ws: &[W], k: usize) -> Option<(usize, Group)> {
    let low = |j: usize| ws.get(j).map_or("", |w| w.low.as_str());
    if !matches!(low(k), "dose" | "doses") || k == 0 {
        return None;
    }
    let n = low(k - 1);
    let mut a = k - 1;
    if k >= 3 && low(k - 3) == "at" && low(k - 2) == "least" {
        a = k - 3;
    }
    let g = match n {
        "one" | "1" | "a" | "single" | "first" => Group { key: "vaccinated".into(), label: "vaccinated".into() },
        "two" | "2" | "both" | "all" | "second" => Group { key: "fully vaccinated".into(), label: "fully vaccinated".into() },
        _ => return None,
    };
    // ("at least one dose" is one or more: vaccinated)
    let g = if a + 3 == k { Group { key: "vaccinated".into(), label: "vaccinated".into() } } else { g };
    Some((a, g))
}

/// True when `between` (from a group to a count after it) is a dash or colon and the
/// parallel parts before the count: "–", ": two in Texas and ", "— 12 in Leeds, ".
fn breakdown(between: &str) -> bool {
    let t = between.trim_start();
    let Some(rest) = t.strip_prefix(['–', '—', ':']) else { return false };
    let mut rest = rest.trim_start();
    while !rest.is_empty() {
        let seg_end = [" and ", ", "].iter().filter_map(|sep| rest.find(sep).map(|i| (i, sep.len()))).min();
        let Some((i, n)) = seg_end else { return false };
        let seg = rest.get(..i).unwrap_or("");
        let mut ws = seg.split_whitespace();
        let num = ws.next().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == ',') || crate::figures::number_word(&w.to_lowercase()).is_some());
        let prep = ws.next().is_some_and(|w| matches!(w, "in" | "at" | "from"));
        if !(num && prep) || ws.count() > 4 {
            return false;
        }
        rest = rest.get(i + n..).unwrap_or("");
    }
    true
}

/// The group of people the count at `fig` is limited to, read in its clause `window` of
/// `text`: an age band or a vaccination status next to the figure, linked to it only by
/// the words of the clause ("105 cases have been in children younger than 5"; "children 4
/// and under accounting for 105 cases"), not one that says the whole count is of that
/// group ("nine cases, all among those who are unvaccinated") nor one of another count
/// of the sentence ("95 are among people ages 0 to 4 and 130 among people ages 5 to 17").
pub fn read(text: &str, window: Range<usize>, fig: Range<usize>) -> Option<Group> {
    let ws = words(text, window);
    let mut best: Option<(usize, Group)> = None;
    for k in 0..ws.len() {
        let (a, e, g) = if let Some((a, e, lo, hi)) = band_at(&ws, k) {
            (a, e, band_group(lo, hi))
        } else if let Some((e, g)) = status_at(&ws, k) {
            (k, e, g)
        } else if let Some((a, g)) = doses_at(&ws, k) {
            (a, k + 1, g)
        } else {
            continue;
        };
        let (Some(first), Some(last)) = (ws.get(a), e.checked_sub(1).and_then(|l| ws.get(l))) else { continue };
        let span = first.at.start..last.at.end;
        if span.start < fig.end && span.end > fig.start {
            continue;
        }
        let between = if span.start >= fig.end { text.get(fig.end..span.start) } else { text.get(span.end..fig.start) }.unwrap_or("");
        // linked by the clause's own words: no break, no other number, not "all among"
        let bw: Vec<String> = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(crate::text::fold::fold).collect();
        // (a group before the figure is its subject, joined by a verb: "children under
        // five account for 60"; after "and", it is the last count's)
        let before = span.end <= fig.start;
        // a breakdown after a dash or colon shares the group ("... who had one dose: two
        // in Texas and four in Ohio")
        if before && breakdown(between) {
            let dist = between.len();
            if best.as_ref().map_or(true, |(d, _)| dist < *d) {
                best = Some((dist, g));
            }
            continue;
        }
        let broken = between.contains([',', ';', ':', '(', ')', '—'])
            || before && bw.iter().any(|w| matches!(w.as_str(), "and" | "or"))
            || bw.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()) || crate::figures::number_word(w).is_some() || matches!(w.as_str(), "all" | "most" | "none" | "while" | "but" | "whereas"))
            || bw.len() > 12;
        if broken {
            continue;
        }
        let dist = between.len();
        if best.as_ref().map_or(true, |(d, _)| dist < *d) {
            best = Some((dist, g));
        }
    }
    best.map(|(_, g)| g)
}

#[cfg(test)]
mod tests {
    use super::read;

    fn group(s: &str, fig: &str) -> Option<String> {
        let at = s.find(fig).expect("figure in sentence");
        read(s, 0..s.len(), at..at + fig.len()).map(|g| g.key)
    }

    #[test]
    fn an_age_band_is_read_in_every_wording() {
        assert_eq!(group("Some 60 cases have been in children younger than 5.", "60 cases").as_deref(), Some("age 0-4"));
        assert_eq!(group("Some 60 cases were in children under five.", "60 cases").as_deref(), Some("age 0-4"));
        assert_eq!(group("Sixty cases are among people ages 0 to 4.", "Sixty cases").as_deref(), Some("age 0-4"));
        assert_eq!(group("Children 4 and under account for 60 cases.", "60 cases").as_deref(), Some("age 0-4"));
        assert_eq!(group("There were 60 cases among children up to age 4.", "60 cases").as_deref(), Some("age 0-4"));
        assert_eq!(group("About 80 are among young people aged 5-17.", "80").as_deref(), Some("age 5-17"));
        assert_eq!(group("About 80 are among young people between the ages of 5 and 17.", "80").as_deref(), Some("age 5-17"));
        assert_eq!(group("Twelve of the dead were adults over 65.", "Twelve").as_deref(), Some("age 66+"));
        assert_eq!(group("Twelve of the dead were people aged 65 and older.", "Twelve").as_deref(), Some("age 65+"));
    }

    #[test]
    fn each_count_of_a_sentence_takes_its_own_band() {
        let s = "Sixty cases are among people ages 0 to 4 and 80 are among people ages 5 to 17.";
        assert_eq!(group(s, "Sixty cases").as_deref(), Some("age 0-4"));
        assert_eq!(group(s, "80").as_deref(), Some("age 5-17"));
    }

    #[test]
    fn a_vaccination_status_of_a_part() {
        assert_eq!(group("Just three cases occurred in people fully vaccinated.", "three cases").as_deref(), Some("fully vaccinated"));
        assert_eq!(group("Six cases were found in people who had been vaccinated.", "Six cases").as_deref(), Some("vaccinated"));
        assert_eq!(group("Forty cases were in unvaccinated children.", "Forty cases").as_deref(), Some("unvaccinated"));
        assert_eq!(group("Six cases were in people who had received at least one dose.", "Six cases").as_deref(), Some("vaccinated"));
        assert_eq!(group("Only three cases involved people with records of both doses.", "three cases").as_deref(), Some("fully vaccinated"));
    }

    #[test]
    fn a_breakdown_shares_the_group() {
        let s = "Six cases were in people who had at least one dose: two in Kansas and four in Iowa.";
        assert_eq!(group(s, "two").as_deref(), Some("vaccinated"));
        assert_eq!(group(s, "four").as_deref(), Some("vaccinated"));
        let s = "Six cases were in people who had at least one dose – two in Kansas, four in Iowa.";
        assert_eq!(group(s, "four").as_deref(), Some("vaccinated"));
    }

    #[test]
    fn not_a_group() {
        // the whole count is of that group: it stays the total
        assert_eq!(group("The state has nine cases, all among those who are unvaccinated.", "nine cases"), None);
        // a share under a figure, not people
        assert_eq!(group("Inflation stayed under 5 percent while 300 jobs went.", "300 jobs"), None);
        assert_eq!(group("The outbreak has reached 400 cases in three states.", "400 cases"), None);
        // an age of one person
        assert_eq!(group("A girl aged 9 was among the 12 injured.", "12 injured"), None);
    }
}
