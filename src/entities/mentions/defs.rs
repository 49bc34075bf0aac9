//! Definitions written in brackets: "Long Form (ABBR)", "ABBR (Long Form)", a title-case
//! acronym ("Federal Emergency Management Agency (Fema)"), a translated acronym after an
//! organisation name ("General Labour Confederation (CGT)"), and a short name after an
//! organisation name ("California Department of Forestry and Fire Protection (Cal Fire)").

use super::*;

/// The acronym text with dots removed, uppercase.
pub fn acronym_of(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// An acronym as written: all capitals ("NATO", "U.S."), or capitals with single lowercase
/// letters between them that stand for minor words ("BoE" for "Bank of England", "DfE").
pub(super) fn is_acronym_word(w: &W) -> bool {
    (w.allcaps && (2..=8).contains(&w.text.chars().filter(|c| c.is_alphanumeric()).count())) || mixed_acronym(w.text)
}

/// "BoE", "DfE", "MoD": three to six ASCII letters, capitals first and last, at least two
/// capitals, and no two lowercase letters in a row.
pub(super) fn mixed_acronym(s: &str) -> bool {
    let b = s.as_bytes();
    (3..=6).contains(&b.len())
        && b.iter().all(u8::is_ascii_alphabetic)
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && b.last().is_some_and(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && !b.windows(2).any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_lowercase())
}

/// "Fema", "Nato": a title-case word of three to six ASCII letters.
pub fn title_case_word(s: &str) -> bool {
    let b = s.as_bytes();
    (3..=6).contains(&b.len()) && b.first().is_some_and(u8::is_ascii_uppercase) && b.iter().skip(1).all(u8::is_ascii_lowercase)
}

/// Finds the definitions of one sentence (which has a "(").
pub(super) fn definitions(words: &[W], out: &mut DocMentions) {
    let t = tables();
    let n = words.len();
    for k in 0..n {
        if words[k].text != "(" {
            continue;
        }
        let inner_end = match words[k + 1..].iter().position(|w| w.text == ")") {
            Some(p) => k + 1 + p,
            None => continue,
        };
        let inner = &words[k + 1..inner_end];
        if inner_end == k + 2 && is_acronym_word(&words[k + 1]) {
            let acr = &words[k + 1];
            // (a lowercase long form found by Schwartz–Hearst is a term only when no
            // organisation name stands right before the bracket: "the ultranationalist
            // Nationalist Movement Party (MHP)")
            let found = initials_before(words, k, acr, t).or_else(|| match long_before(words, k, acr) {
                Some(d) if d.term => translated_acronym(words, k, acr, t).or(Some(d)),
                Some(d) => Some(d),
                None => translated_acronym(words, k, acr, t),
            });
            if let Some(d) = found {
                out.definitions.push(d);
            }
        } else if inner_end == k + 2 && title_case_word(words[k + 1].text) {
            // "Federal Emergency Management Agency (Fema)": the word's letters are the
            // initials of the name before it.
            let acr = &words[k + 1];
            let acr_s = acronym_of(acr.text);
            let spelled = |a: usize, e: usize| {
                let long: Vec<&str> = words[a..e].iter().filter(|w| !w.punct).map(|w| w.text).collect();
                crate::entities::acronyms::initials_match(&acr_s, &long) && long.len() == acr_s.len() + long.iter().filter(|w| is_minor(w)).count()
            };
            let found = name_before(words, k, t).and_then(|(a, e)| (a..e).find(|&s| words[s].cap && spelled(s, e)).map(|s| (s, e)));
            if let Some((a, e)) = found {
                {
                    mark_acronym(out, acr.start);
                    out.definitions.push(Definition::acronym(acr_s, words[a].start..words[e - 1].end, acr));
                }
            }
        } else if inner_end > k + 2 && inner_end - k <= 12 && k > 0 && is_acronym_word(&words[k - 1]) {
            let acr = &words[k - 1];
            if inner.iter().all(|w| !w.punct || w.text == "-" || w.text == "&") && inner.first().is_some_and(|w| w.cap) {
                let long_text: Vec<&str> = inner.iter().filter(|w| !w.punct).map(|w| w.text).collect();
                let acr_s = acronym_of(acr.text);
                if crate::entities::acronyms::matches(&acr_s, &long_text) {
                    out.definitions.push(Definition::acronym(acr_s, inner[0].start..inner[inner.len() - 1].end, acr));
                }
            }
        } else if (2..=5).contains(&(inner_end - k)) {
            if let Some(d) = short_name(words, k, inner_end, t) {
                out.definitions.push(d);
            }
        }
    }
}

fn is_minor(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "for" | "in" | "on" | "de" | "du" | "des" | "la" | "le" | "&" | "to")
}

/// Marks the candidate that starts at `start` as an acronym.
fn mark_acronym(out: &mut DocMentions, start: usize) {
    if let Some(c) = out.candidates.iter_mut().rev().take(16).find(|c| c.start == start && c.n_words == 1) {
        if !c.acronym {
            c.acronym = true;
            c.cues.org += 3;
            c.cues.person = c.cues.person.min(0);
            c.cues.plain = 0;
        }
    }
}

/// "the ultranationalist Nationalist Movement Party (NMP)": the capitalised name right
/// before the bracket whose initials are the acronym's letters is the long form (before
/// Schwartz–Hearst, which could reach back into lowercase words that hold the letters).
fn initials_before(words: &[W], paren: usize, acr: &W, t: &'static Tables) -> Option<Definition> {
    let acr_s = acronym_of(acr.text);
    let mut a = paren;
    while a > 0 {
        let w = &words[a - 1];
        if w.punct || w.possessive || !(w.cap || (a < paren && matches!(w.key, "of" | "and" | "for" | "the" | "de" | "du" | "des") && words[a].cap)) {
            break;
        }
        a -= 1;
    }
    let long: Vec<&str> = words.get(a..paren)?.iter().map(|w| w.text).collect();
    let from = (0..long.len()).find(|&s| words[a + s].cap && !words[a + s].is(t, LEX_STOP) && crate::entities::acronyms::initials_match(&acr_s, &long[s..]))?;
    Some(Definition::acronym(acr_s, words[a + from].start..words[paren - 1].end, acr))
}

/// The organisation name written right before the "(" at `paren`: capitalised words and
/// the function words of a long name between them, ending in the word before the bracket;
/// (start, end) word indices. `None` when the words hold no organisation word.
fn name_before(words: &[W], paren: usize, t: &'static Tables) -> Option<(usize, usize)> {
    let mut a = paren;
    while a > 0 {
        let w = &words[a - 1];
        if w.punct || w.possessive || !(w.cap || (a < paren && matches!(w.key, "of" | "and" | "for" | "the" | "de" | "du" | "des") && words[a].cap)) {
            break;
        }
        a -= 1;
    }
    // (not a capitalised article: "The General Workers Confederation")
    while a < paren && (!words[a].cap || words[a].is(t, LEX_STOP)) {
        a += 1;
    }
    let ws = words.get(a..paren)?;
    (ws.len() >= 2 && ws.iter().any(|w| w.is(t, LEX_ORG_WORD)) && !ws.last()?.possessive).then_some((a, paren))
}

/// "General Labour Confederation (CGT)", "Good Party (IYI)": an acronym in another
/// language's words after an organisation name (one with an organisation word). Not an
/// acronym known for another institution ("the Interior Ministry (AFP)"), nor a place.
fn translated_acronym(words: &[W], paren: usize, acr: &W, t: &'static Tables) -> Option<Definition> {
    let acr_s = acronym_of(acr.text);
    if acr_s.len() < 2 || t.org_acronyms.contains_key(acr_s.as_str()) || acr.lx(t).place.is_some() {
        return None;
    }
    let (a, e) = name_before(words, paren, t)?;
    Some(Definition::acronym(acr_s, words[a].start..words[e - 1].end, acr))
}

/// "California Department of Forestry and Fire Protection (Cal Fire)", "New Welfare Party
/// (Yeniden Refah)": one to three capitalised words in brackets straight after an
/// organisation name are another name of it. Not a place, a known institution, a title or a
/// word with digits.
fn short_name(words: &[W], paren: usize, close: usize, t: &'static Tables) -> Option<Definition> {
    let inner = words.get(paren + 1..close)?;
    if inner.is_empty() || !inner.iter().all(|w| w.cap && !w.punct && !w.allcaps && !w.possessive) {
        return None;
    }
    if inner.iter().any(|w| w.text.bytes().any(|b| b.is_ascii_digit()) || w.is(t, LEX_STOP | LEX_TITLE | LEX_ORG) || w.lx(t).place.is_some() || w.lx(t).demonym.is_some()) {
        return None;
    }
    let (a, e) = name_before(words, paren, t)?;
    let first = inner.first()?;
    let last = inner.last()?;
    Some(Definition {
        acronym: String::new(),
        long_start: words[a].start,
        long_end: words[e - 1].end,
        term: false,
        short_start: first.start,
        short_end: last.end,
        alias: true,
    })
}

/// Schwartz–Hearst: the long form before "(" at `paren` for acronym `acr`.
pub(super) fn long_before(words: &[W], paren: usize, acr: &W) -> Option<Definition> {
    let acr_s = acronym_of(acr.text);
    let len = acr_s.chars().count();
    let max_words = (len + 5).min(len * 2);
    // Candidate words: those before the paren, in the same clause (stop at punctuation
    // other than hyphens).
    let mut from = paren;
    let mut count = 0;
    while from > 0 && count < max_words {
        let w = &words[from - 1];
        // (a comma inside a list of lowercase terms: "measles, mumps, and rubella (MMR)")
        let list_comma = w.text == "," && from >= 2 && words.get(from).is_some_and(|n| !n.cap && !n.punct) && !words[from - 2].cap && !words[from - 2].punct;
        if w.punct && w.text != "-" && w.text != "&" && !list_comma {
            break;
        }
        from -= 1;
        if !w.punct {
            count += 1;
        }
    }
    let cand: Vec<&W> = words[from..paren].iter().filter(|w| !w.punct).collect();
    if cand.is_empty() {
        return None;
    }
    let texts: Vec<&str> = cand.iter().map(|w| w.text).collect();
    let first = crate::entities::acronyms::schwartz_hearst(&acr_s, &texts).or_else(|| {
        // Relaxed match for garbled acronyms: over the trailing capitalised words.
        let caps_from = texts.iter().rposition(|w| !first_upper(w) && !matches!(*w, "of" | "the" | "and" | "for" | "de"));
        let mut s = caps_from.map(|p| p + 1).unwrap_or(0);
        while texts.get(s).is_some_and(|w| !first_upper(w) || tables().stopwords.contains(&fold(w))) {
            s += 1;
        }
        let tail = texts.get(s..).unwrap_or(&[]);
        (tail.len() >= 2 && crate::entities::acronyms::relaxed(&acr_s, tail)).then_some(s)
    })?;
    let w0 = cand.get(first)?;
    let last = cand.last()?;
    let term = !first_upper(w0.text);
    Some(Definition { acronym: acr_s, long_start: w0.start, long_end: last.end, term, short_start: acr.start, short_end: acr.end, alias: false })
}
