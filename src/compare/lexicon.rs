//! Lookup tables for comparing figures, built once from the data files in `src/lexicon/`:
//! concept classes (what is counted), event classes (what happened to it) and unit
//! conversions (what a measure is converted to before comparing).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{fields, lines};

const CONCEPT_CLASSES: &str = include_str!("../lexicon/concept_classes.tsv");
const EVENTS: &str = include_str!("../lexicon/compare_events.tsv");
const UNITS: &str = include_str!("../lexicon/compare_units.tsv");

/// [`crate::text::fold::fold`] with a fast path for ASCII runs (the same output: ASCII is
/// lowercased, a backtick becomes an apostrophe); other characters go through
/// [`crate::text::fold::fold_char`].
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if c == '`' { '\'' } else { c.to_ascii_lowercase() });
        } else {
            crate::text::fold::fold_char(c, &mut out);
        }
    }
    out
}

/// Light English lemma of one lowercase word for matching count nouns: plural `-ies` →
/// `-y`, `-men` → `-man`, a final `-s` dropped (not `-ss`, `-us`, `-is`).
pub fn lemma(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 4 && w.ends_with("men") {
        return format!("{}man", &w[..n - 3]);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// Splits folded text into lowercase lemmatized words (letters, digits, `'`, `-`, `/`, `%`).
pub fn lemmas(text: &str) -> Vec<String> {
    let folded = fold(text);
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '/' || c == '%'))
        .filter(|w| !w.is_empty())
        .map(|w| lemma(w.trim_end_matches("'s").trim_matches('-')))
        .filter(|w| !w.is_empty())
        .collect()
}

fn phrase_key(phrase: &str) -> String {
    lemmas(phrase).join(" ")
}

/// Word or phrase (lemmatized, space-joined) → concept class name.
pub fn concept_table() -> &'static HashMap<String, &'static str> {
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for l in lines(CONCEPT_CLASSES) {
            let mut f = fields(l);
            let Some(class) = f.next() else { continue };
            m.insert(phrase_key(class), class);
            for member in f {
                if !member.is_empty() {
                    m.insert(phrase_key(member), class);
                }
            }
        }
        m
    })
}

/// Word or phrase (lowercase) → event class name.
pub fn event_table() -> &'static HashMap<String, &'static str> {
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for l in lines(EVENTS) {
            let mut f = fields(l);
            let Some(class) = f.next() else { continue };
            m.insert(class.to_string(), class);
            for member in f {
                if !member.is_empty() {
                    m.insert(member.to_string(), class);
                }
            }
        }
        m
    })
}

/// Unit name (lowercase) → (base unit, factor).
pub fn unit_table() -> &'static HashMap<&'static str, (&'static str, f64)> {
    static T: OnceLock<HashMap<&'static str, (&'static str, f64)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for l in lines(UNITS) {
            let f: Vec<&'static str> = fields(l).collect();
            if let (Some(name), Some(base), Some(factor)) = (f.first(), f.get(1), f.get(2)) {
                if let Ok(x) = factor.parse::<f64>() {
                    m.insert(*name, (*base, x));
                }
            }
        }
        m
    })
}

/// The concept class of a concept text: the rightmost word or phrase (up to three words)
/// listed in `concept_classes.tsv`, longest phrase first.
pub fn concept_class(concept: &str) -> Option<&'static str> {
    class_in_words(&lemmas(concept))
}

/// As [`concept_class`], on words already lemmatized.
pub fn class_in_words(words: &[String]) -> Option<&'static str> {
    let t = concept_table();
    for end in (0..words.len()).rev() {
        for len in (1..=3usize).rev() {
            if len > end + 1 {
                continue;
            }
            let Some(slice) = words.get(end + 1 - len..=end) else { continue };
            if let Some(c) = t.get(&slice.join(" ")) {
                return Some(c);
            }
        }
    }
    None
}

/// The event class of a normalized event word ("dead" → "killed"); unknown words stay as
/// they are (lowercased).
pub fn event_class(event: &str) -> String {
    let e = event.trim().to_lowercase();
    if let Some(c) = event_table().get(e.as_str()) {
        return c.to_string();
    }
    if let Some(c) = event_table().get(lemma(&e).as_str()) {
        return c.to_string();
    }
    e
}

/// Base unit and factor for a unit name; `None` for units not in the table.
pub fn unit_conversion(unit: &str) -> Option<(&'static str, f64)> {
    let u = unit.trim().to_lowercase();
    unit_table().get(u.as_str()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_fold_equals_fold() {
        for t in ["Tokaïev SAID `hi` — 12 km", "ÉLAN ß 北京 🙂 A-b", "", "plain ascii TEXT 42%"] {
            assert_eq!(fold(t), crate::text::fold::fold(t));
        }
    }

    #[test]
    fn lemmas_strip_plurals() {
        assert_eq!(lemma("officers"), "officer");
        assert_eq!(lemma("casualties"), "casualty");
        assert_eq!(lemma("policemen"), "policeman");
        assert_eq!(lemma("police"), "police");
        assert_eq!(lemma("status"), "status");
    }

    #[test]
    fn classes_keep_police_and_protesters_apart() {
        assert_eq!(concept_class("law enforcement officers"), Some("police"));
        assert_eq!(concept_class("police"), Some("police"));
        assert_eq!(concept_class("security personnel"), Some("police"));
        assert_eq!(concept_class("protesters"), Some("protesters"));
        assert_eq!(concept_class("riot participants"), Some("people"));
        assert_eq!(concept_class("people"), Some("people"));
        assert_eq!(concept_class("medical personnel"), Some("health workers"));
        assert_eq!(concept_class("peacekeepers"), Some("troops"));
        assert_eq!(concept_class("the quick brown"), None);
    }

    #[test]
    fn events_and_units() {
        assert_eq!(event_class("dead"), "killed");
        assert_eq!(event_class("Wounded"), "injured");
        assert_eq!(event_class("arrested"), "detained");
        assert_eq!(event_class("exploded"), "exploded");
        assert_eq!(unit_conversion("month"), Some(("day", 30.0)));
        assert_eq!(unit_conversion("mile").map(|u| u.0), Some("km"));
        assert_eq!(unit_conversion("dollar"), None);
    }
}
