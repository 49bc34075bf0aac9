//! The words around a figure: its clause (for context words and scopes), what a duration
//! is counted from, and the cues that make a count a whole, a population or an earlier
//! value.

use super::lexicon;
use super::is_stop;

/// The part of a figure's sentence its scope is read in: from the end of the figure before
/// it (`prev_end`) to the start of the one after (`next_start`), cut at clause breaks
/// (";", " while ", " whereas ", " but ").
pub(crate) fn scope_window(text: &str, sent: std::ops::Range<usize>, prev_end: usize, next_start: usize, start: usize, end: usize) -> std::ops::Range<usize> {
    let mut a = sent.start.max(if prev_end <= start { prev_end } else { 0 });
    let mut b = sent.end.min(next_start.max(end));
    const BREAKS: [&str; 4] = [";", " while ", " whereas ", " but "];
    if let Some(before) = text.get(a..start) {
        if let Some(k) = BREAKS.iter().filter_map(|br| before.rfind(br).map(|k| k + br.len())).max() {
            a += k;
        }
    }
    if let Some(after) = text.get(end..b) {
        if let Some(k) = BREAKS.iter().filter_map(|br| after.find(br)).min() {
            b = end + k;
        }
    }
    a.min(start)..b.max(end)
}

/// True when the words right before a figure (`before`, its sentence up to it) or after it
/// say its own source has replaced it: "up from 11", "down from 5.25%", "the previous
/// rate of 5.25", "the previous interest rate of 5.25", "previously confirmed at 11",
/// "from 35 to 38" (35), "lowered it from a peak of 5.25%", "to 5%, from the 16-year
/// high of 5.25%". Not a report made before that nothing replaces ("the state had
/// previously reported four cases").
pub(crate) fn says_earlier(before: &str, after: &str) -> bool {
    let b = lexicon::fold(tail(before, 64));
    let b = b.trim_end();
    let ws: Vec<&str> = b.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let last = |k: usize| ws.len().checked_sub(k + 1).and_then(|i| ws.get(i)).copied().unwrap_or("");
    // Skip a qualifier and an article: "up from more than 300", "the previous confirmed 11".
    let mut k = 0;
    while matches!(last(k), "more" | "than" | "about" | "around" | "some" | "nearly" | "almost" | "over" | "at" | "least" | "the" | "a" | "an" | "confirmed" | "official" | "tally" | "toll" | "figure" | "count" | "of" | "total" | "reported" | "rate" | "level" | "an estimated") && k < 6 {
        k += 1;
    }
    let w = last(k);
    // ("had previously reported four": a perfect tense tells of a report made before,
    // not of one replaced; "was previously put at 11" is replaced)
    let perfect = w == "previously" && matches!(last(k + 1), "had" | "has" | "have") && !matches!(last(0), "at" | "as");
    if matches!(w, "previous" | "previously" | "prior" | "earlier" | "former" | "old") && !perfect {
        return true;
    }
    const CHANGE: [&str; 23] = [
        "up", "down", "increase", "increased", "rise", "rose", "risen", "fell", "fallen", "decreased", "decline", "declined", "dropped", "jumped", "climbed", "grew", "reduced", "cut", "lowered", "lower", "raised", "raise", "revised",
    ];
    if w == "from" {
        let p = last(k + 1);
        // ("lowered it from 5.25%", "cut rates from 5.25%": the verb's object between)
        if CHANGE.contains(&p) || matches!(p, "it" | "them" | "rates" | "rate" | "prices" | "price") && CHANGE.contains(&last(k + 2)) {
            return true;
        }
        // "from 35 to 38": the first number of a change.
        let a = lexicon::fold(head(after, 16));
        return a.trim_start().starts_with("to ") && a.trim_start().get(3..).is_some_and(|x| x.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    }
    // A noun phrase ending in "of" right before the figure ("the previous interest rate of",
    // "from a peak of", "from the 16-year high of"): what stands before the phrase says it.
    if last(0) == "of" {
        for j in 1..=4 {
            let x = last(j);
            // (a number ends the phrase; a compound with one is an adjective: "16-year")
            if x.is_empty() || x.chars().all(|c| c.is_ascii_digit()) || matches!(x, "to" | "and" | "or" | "by") {
                break;
            }
            // "the previous (interest) rate of"
            if matches!(x, "previous" | "prior" | "former") {
                return true;
            }
            // "from a peak of": after a change verb (and its object: "lowered it from",
            // "cut rates from"), or after a comma that follows the new level ("to 5%, from").
            if x == "from" {
                let tail_b = b.rfind(" from ").and_then(|i| b.get(..i)).unwrap_or("").trim_end();
                let after_comma = tail_b.ends_with(',');
                let verb_near = (1..=3).any(|q| CHANGE.contains(&last(j + q)));
                return after_comma || verb_near;
            }
        }
    }
    // "previously confirmed at 11", "previously put at 11": "previously" with a participle
    // that sets the figure; not "had previously reported four cases".
    let n = ws.len();
    (1..=3).any(|d| n > d && ws.get(n - 1 - d) == Some(&"previously") && matches!(ws.last(), Some(&("at" | "as"))))
}

/// Words that end a clause: context words of a measure are looked for on its side of
/// them ("Food prices rose 11 percent, while the central bank kept its rate at 9 percent":
/// "central bank" is the rate's context, not the food prices').
/// (A plain comma is no break: "Varga, 81, who ruled" keeps both sides.)
/// The source a figure is given to in brackets right after it (and its noun): "1.1
/// million demonstrators (Interior Ministry) and 3.5 million (CGT)", "(police)". One to
/// four words with no digits, a name or a word for an authority; `None` otherwise ("(€13
/// billion)", "(about 20 miles)", "(see below)").
pub(crate) fn bracket_source(after: &str) -> Option<&str> {
    let mut rest = after.trim_start();
    // the counted noun: up to three lowercase words
    for _ in 0..3 {
        if rest.starts_with('(') {
            break;
        }
        let w_end = rest.find(|c: char| !(c.is_alphabetic() || c == '-')).unwrap_or(rest.len());
        let w = rest.get(..w_end).unwrap_or("");
        if w.is_empty() || !w.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        rest = rest.get(w_end..).unwrap_or("").trim_start();
    }
    let inner = rest.strip_prefix('(')?;
    let close = inner.get(..inner.len().min(48))?.find(')')?;
    let src = inner.get(..close)?.trim();
    let words: Vec<&str> = src.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || src.chars().any(|c| c.is_ascii_digit() || matches!(c, '%' | '$' | '€' | '£' | ',' | ';' | ':' | '=')) {
        return None;
    }
    let authority = |w: &str| matches!(w.to_lowercase().as_str(), "police" | "organisers" | "organizers" | "unions" | "union" | "authorities" | "officials" | "government" | "ministry" | "prefecture" | "firefighters");
    let named = words.first().is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    let last = words.last().copied().unwrap_or("");
    // "(see below)", "(about)": neither a name nor an authority
    if named && !matches!(last.to_lowercase().as_str(), "est" | "approx" | "estimate" | "estimated" | "reported") || words.iter().any(|w| authority(w)) {
        Some(src)
    } else {
        None
    }
}

pub(crate) const CLAUSE_BREAKS: [&str; 6] = [";", " while ", " whereas ", " but ", ", and ", ", with "];

/// The end of `before` (text right before a figure) from the last clause break, and not
/// reaching back more than `room` bytes (to the previous figure).
pub(crate) fn clause_before(before: &str, room: usize) -> &str {
    let mut from = before.len().saturating_sub(room);
    while from < before.len() && !before.is_char_boundary(from) {
        from += 1;
    }
    let b = before.get(from..).unwrap_or("");
    // Break ends, from the right: one pass over the bytes, patterns tried only where one
    // can end (';', ' ').
    let bytes = b.as_bytes();
    let cut = (1..=bytes.len())
        .rev()
        .find(|&e| {
            // Every break ends in ';' or in one of "e t d h" and a space.
            let end = match bytes.get(e - 1) {
                Some(b';') => true,
                Some(b' ') => e >= 2 && matches!(bytes.get(e - 2), Some(b'e' | b't' | b'd' | b'h')),
                _ => false,
            };
            end && CLAUSE_BREAKS.iter().any(|c| e.checked_sub(c.len()).is_some_and(|k| bytes_at(bytes, k, c)))
        })
        .unwrap_or(0);
    b.get(cut..).unwrap_or(b)
}

/// True when `pat` occurs in `hay` at byte `at` (compared byte by byte: the patterns are a
/// few bytes long, shorter than a call to a general comparison).
pub(crate) fn bytes_at(hay: &[u8], at: usize, pat: &str) -> bool {
    let p = pat.as_bytes();
    hay.get(at..at + p.len()).is_some_and(|h| h.iter().zip(p).all(|(a, b)| a == b))
}

/// The start of `after` (text right after a figure) up to the first clause break, and not
/// past `room` bytes (to the next figure).
pub(crate) fn clause_after(after: &str, room: usize) -> &str {
    let mut to = room.min(after.len());
    while to > 0 && !after.is_char_boundary(to) {
        to -= 1;
    }
    let a = after.get(..to).unwrap_or("");
    // Break starts, from the left: patterns tried only where one can start (';', ' ', ',').
    let bytes = a.as_bytes();
    let cut = (0..bytes.len())
        .find(|&i| {
            // Every break starts with ';', ", " or " w" / " b".
            let start = match bytes.get(i) {
                Some(b';') => true,
                Some(b',') => bytes.get(i + 1) == Some(&b' '),
                Some(b' ') => matches!(bytes.get(i + 1), Some(b'w' | b'b')),
                _ => false,
            };
            start && CLAUSE_BREAKS.iter().any(|c| bytes_at(bytes, i, c))
        })
        .unwrap_or(a.len());
    a.get(..cut).unwrap_or(a)
}

/// Words skipped between "since"/"after" and what a duration is counted from.
pub(crate) fn anchor_filler(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that") || (w.len() > 5 && w.ends_with("ing"))
}

/// The head of the phrase after the filler in `words` (its last word before a
/// preposition, a number or the end, at most three words), lemmatized: "independence",
/// "revolution", "the main shock" → "shock".
pub(crate) fn anchor_in<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut words = words.take(8).skip_while(|w| anchor_filler(w)).peekable();
    let mut head: Option<&str> = None;
    for _ in 0..3 {
        let Some(w) = words.next_if(|w| w.len() > 1 && w.chars().all(char::is_alphabetic) && !is_stop(w) && *w != "ago") else { break };
        head = Some(w);
    }
    head.filter(|h| h.len() > 2).map(lexicon::lemma)
}

/// What a duration figure is counted from: "<figure> since/after X" right after it, or
/// "since X ... <figure> ago" in its sentence.
pub(crate) fn since_anchor(before: &str, after: &str) -> Option<String> {
    let fa = lexicon::fold(head(after, 60));
    let mut words = lexicon::Words::new(&fa, false);
    match words.next()? {
        "since" | "after" => anchor_in(words),
        "ago" => {
            let fb = lexicon::fold(tail(before, 120));
            let ws: Vec<&str> = lexicon::Words::new(&fb, false).collect();
            let k = ws.iter().rposition(|w| *w == "since")?;
            anchor_in(ws.get(k + 1..).unwrap_or(&[]).iter().copied())
        }
        _ => None,
    }
}

/// True when `before` (the text right before a count) makes it the whole that another
/// count is a part of: "88 of the", "out of", "out of a total of".
pub(crate) fn is_denominator(before: &str) -> bool {
    let b = lexicon::fold(tail(before, 40));
    let b = b.trim_end();
    if b.ends_with("out of") || b.ends_with("out of the") || b.ends_with("out of a total of") {
        return true;
    }
    let Some(x) = b.strip_suffix(" of the").or_else(|| b.strip_suffix(" of")) else { return false };
    let last = x.rsplit(' ').next().unwrap_or("");
    !last.is_empty() && last.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '%')
}

/// Words right before a count that make it the population of a place.
pub(crate) const POPULATION_CUES: [&str; 10] = [
    "country of",
    "nation of",
    "state of",
    "republic of",
    "city of",
    "town of",
    "region of",
    "province of",
    "population of",
    "home to",
];

/// True when `before` (the text right before a figure) ends with a population cue
/// ("this country of", "a city of some").
pub(crate) fn says_population(before: &str) -> bool {
    let b = lexicon::fold(tail(before, 40));
    let mut b = b.trim_end();
    for q in ["some", "about", "around", "nearly", "almost", "over", "more than", "roughly", "approximately"] {
        if let Some(x) = b.strip_suffix(q).filter(|x| x.ends_with(' ')) {
            b = x.trim_end();
            break;
        }
    }
    POPULATION_CUES.iter().any(|c| b.ends_with(c) && b.len().checked_sub(c.len() + 1).and_then(|i| b.get(i..=i)).map_or(true, |ch| ch == " "))
}

pub(crate) fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    s.get(i..).unwrap_or("")
}

pub(crate) fn head(s: &str, n: usize) -> &str {
    let mut i = n.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    s.get(..i).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::{bracket_source, says_earlier};

    #[test]
    fn an_earlier_value_is_one_its_source_replaced() {
        assert!(says_earlier("The toll rose to 14, up from ", ""));
        assert!(says_earlier("The toll, previously put at ", " deaths, rose"));
        assert!(says_earlier("The previous lending rate of ", "% had held for a year"));
        assert!(says_earlier("The bank lowered it from a peak of ", "% to 4%"));
        assert!(says_earlier("The bank cut its rate to 4%, from the ten-year high of ", "%."));
        assert!(says_earlier("The bank cut its rate to 4%, from the 10-year high of ", "%."));
        assert!(says_earlier("The decision to lower it from ", " percent"));
        assert!(says_earlier("The count increased from ", " to 38"));
        // a report made before, that nothing in the sentence replaces
        assert!(!says_earlier("Kansas had previously reported ", " cases."));
        assert!(!says_earlier("The state has reported ", " cases."));
        // a noun phrase with "of" that says nothing of a change
        assert!(!says_earlier("The storm left a trail of ", " destroyed homes."));
        assert!(!says_earlier("The fire grew to an area of ", " acres."));
    }

    #[test]
    fn a_source_in_brackets_after_a_count() {
        assert_eq!(bracket_source(" marchers (Harbour Police) and 90,000 (unions)"), Some("Harbour Police"));
        assert_eq!(bracket_source(" (TLU) by the organisers' count"), Some("TLU"));
        assert_eq!(bracket_source(" people (police) took part"), Some("police"));
        // not sources: amounts, notes, a noun too far away
        assert_eq!(bracket_source(" (€13.4 billion to €89.5 billion)"), None);
        assert_eq!(bracket_source(" (about 20 miles)"), None);
        assert_eq!(bracket_source(" people were seen on the streets (Harbour Police)"), None);
        assert_eq!(bracket_source(" Marendians (12%) fled"), None);
    }
}
