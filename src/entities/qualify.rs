//! Per-document context of candidates: long forms widened to their definitions,
//! organisation names qualified by the place written next to them, and adjectives of
//! places outside the gazetteer.

use super::*;

/// A long form proven by its acronym may start before the candidate: "Scottish National
/// Party (SNP)" was split as demonym + "National Party". Widen such a candidate to the long
/// form when only capitalised words lie between.
pub(super) fn widen_to_long_forms(text: &str, cands: &mut Vec<Candidate>, defs: &[mentions::Definition]) {
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for d in defs.iter().filter(|d| !d.term) {
        let i = cands.partition_point(|c| c.end < d.long_end);
        let Some(c) = cands.get_mut(i) else { continue };
        if c.acronym || c.end != d.long_end || c.start <= d.long_start {
            continue;
        }
        let gap = match text.get(d.long_start..c.start) {
            Some(g) => g,
            None => continue,
        };
        let gap_words: Vec<&str> = gap.split_whitespace().collect();
        let t = tables();
        let ok = |w: &&str| w.chars().next().is_some_and(char::is_uppercase) && !t.stopwords.contains(&crate::text::fold::fold(w));
        // (function words of a long name may lie between: "Organization for Security and
        // Co-operation in" + "Europe (OSCE)")
        let function = |w: &&str| LONG_FORM_FUNCTION_WORDS.contains(w);
        let caps = gap_words.iter().filter(|w| ok(w)).count();
        if gap_words.is_empty() || gap_words.len() > 8 || caps == 0 || (caps < gap_words.len() && caps < 2) || !gap_words.iter().all(|w| ok(w) || function(w)) {
            continue;
        }
        let mut starts = Vec::new();
        let mut key = String::new();
        let mut n = 0;
        for (off, w) in gap.split_whitespace().map(|w| (w.as_ptr() as usize - gap.as_ptr() as usize, w)) {
            starts.push(d.long_start + off);
            if n > 0 {
                key.push(' ');
            }
            key.push_str(&crate::text::fold::fold(w));
            n += 1;
        }
        starts.extend(c.word_starts.iter().copied());
        if c.n_words > 0 {
            key.push(' ');
            key.push_str(&c.key);
        }
        c.start = d.long_start;
        c.word_starts = starts;
        c.n_words += n;
        c.key = key;
        c.role = None;
        if caps < gap_words.len() {
            // (a long name with function words is an institution; names found inside it
            // are parts of it: "Security")
            c.cues.org += 6;
            covered.push((d.long_start, d.long_end));
        }
    }
    if !covered.is_empty() {
        // (also a name that runs into it from before: "US Centers for Disease Control" +
        // "and Prevention (CDC)")
        cands.retain(|c| !covered.iter().any(|&(a, b)| c.end > a && c.end <= b && c.start < b && !(c.start == a && c.end == b)));
    }
}

/// Lowercase words a long form may hold between its capitalised words.
pub(super) const LONG_FORM_FUNCTION_WORDS: &[&str] = &["and", "for", "of", "in", "on", "the", "to", "de", "du", "des", "la", "le", "el", "y", "et", "und", "für", "pour", "para", "del"];

/// Gives an organisation-word name the place it belongs to when that place is written next
/// to it: a leading demonym inside the name ("Kazakh Parliament"), a demonym just before it
/// ("the Russian" + "Foreign Ministry"), or a place just before it, possessive or not
/// ("Russia's Foreign Ministry", "US State Department").
pub(super) fn qualify(text: &str, cands: &mut [Candidate], demonym_ends: &[(usize, &'static str)], place_keys: &HashSet<String>) {
    let t = tables();
    use std::borrow::Cow;
    let mut sources: Vec<(usize, Cow<'static, str>)> = demonym_ends.iter().map(|&(e, p)| (e, Cow::Borrowed(p))).collect();
    sources.extend(cands.iter().filter_map(|c| c.place.map(|p| (c.end, Cow::Borrowed(p)))));
    // (names that read as places in the documents: "Sorvania's Interior Ministry")
    if !place_keys.is_empty() {
        sources.extend(
            cands
                .iter()
                .filter(|c| c.n_words == 1 && c.place.is_none() && !c.acronym && place_keys.contains(c.key.as_str()))
                .map(|c| (c.end, Cow::Owned(title_case(&c.key)))),
        );
    }
    crate::sort::by_key(&mut sources, |s| [s.0 as u64, 0, 0]);
    let mut probe = String::new();
    for c in cands.iter_mut() {
        if c.acronym || c.place.is_some() || c.known_org.is_some() {
            continue;
        }
        // A place written as the first words of an organisation name: "Veloria Red Cross"
        // (a known institution's name after a place), "Lanvik District Court".
        let has_org_word = c.words().any(|w| t.is_org_word(w));
        if c.n_words >= 2 && (has_org_word || c.last_word().is_some_and(|w| t.org_tails.contains(w))) {
            if let Some((p, q, known)) = place_prefix(c, place_keys) {
                if known {
                    c.cues.org += 6;
                }
                c.qualifier = Some(q);
                c.base_key = c.key.get(p + 1..).unwrap_or("").to_string();
                continue;
            }
        }
        if !has_org_word {
            continue;
        }
        if c.n_words >= 2 {
            if let Some(&p) = c.first_word().and_then(|w| t.demonyms.get(w)).filter(|p| !p.is_empty()) {
                c.qualifier = Some(std::borrow::Cow::Borrowed(p));
                c.base_key = c.key_after_first().to_string();
                continue;
            }
            // The adjective of a place of the documents ("the Sorvanian Interior Ministry").
            if !place_keys.is_empty() && c.first_word().is_some_and(|w| is_demonym_of(w, place_keys, &mut probe)) {
                c.qualifier = Some(Cow::Owned(title_case(&probe)));
                c.base_key = c.key_after_first().to_string();
                continue;
            }
        }
        let j = sources.partition_point(|s| s.0 <= c.start);
        if let Some((e, p)) = j.checked_sub(1).and_then(|j| sources.get(j)) {
            let gap = text.get(*e..c.start).unwrap_or("x");
            let gap = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")).unwrap_or(gap);
            if !gap.is_empty() && gap.len() <= 2 && gap.bytes().all(|b| b == b' ') {
                c.qualifier = Some(p.clone());
            }
        }
    }
}

/// The place that starts an organisation name, when the rest is a known institution ("Red
/// Cross") or holds an organisation word: (byte length of the place's part of the key, the
/// place's display name, whether the rest is a known institution). The place is a
/// gazetteer place or a name that reads as a place in the documents (`place_keys`).
pub(super) fn place_prefix(c: &Candidate, place_keys: &HashSet<String>) -> Option<(usize, std::borrow::Cow<'static, str>, bool)> {
    let t = tables();
    let key = c.key.as_str();
    let mut at = 0;
    for (i, w) in c.words().enumerate() {
        at += w.len();
        if i + 1 >= c.n_words || i >= 3 {
            break;
        }
        let (prefix, rest) = (key.get(..at)?, key.get(at + 1..)?);
        at += 1;
        let q = match t.place(prefix) {
            Some(pl) => std::borrow::Cow::Borrowed(pl.canonical),
            None if place_keys.contains(prefix) => std::borrow::Cow::Owned(title_case(prefix)),
            None => continue,
        };
        let known = rest.contains(' ') && t.orgs.contains_key(rest);
        if known || Words::new(rest, c.n_words - i - 1).any(|w| t.is_org_word(w)) {
            return Some((prefix.len(), q, known));
        }
    }
    None
}

/// Single-word names of the documents that are adjectives of other single-word names
/// outside the gazetteer ("sorvanian" of "sorvania", "teravian" of "teravia"): (the
/// adjectives, the names they make places). A name with a person's cue (title, honorific,
/// reporting verb) is no place.
pub(super) fn unknown_demonyms(found: &[mentions::DocMentions], probe: &mut String) -> (HashSet<String>, HashSet<String>) {
    let (mut adjs, mut places) = (HashSet::default(), HashSet::default());
    let single = |c: &&Candidate| c.n_words == 1 && !c.acronym && c.place.is_none() && c.known_org.is_none();
    let shaped = |c: &&Candidate| single(c) && c.role.is_none() && !c.honorific && demonym_shaped(&c.key);
    if !found.iter().flat_map(|f| f.candidates.iter()).any(|c| shaped(&c)) {
        return (adjs, places);
    }
    let mut bases: HashSet<&str> = HashSet::default();
    let mut personal: HashSet<&str> = HashSet::default();
    for c in found.iter().flat_map(|f| f.candidates.iter()).filter(single) {
        if c.role.is_some() || c.honorific || c.reporting {
            personal.insert(c.key.as_str());
        } else {
            bases.insert(c.key.as_str());
        }
    }
    for c in found.iter().flat_map(|f| f.candidates.iter()).filter(shaped) {
        if adjs.contains(c.key.as_str()) {
            continue;
        }
        // (the adjective is itself one of the single words: not its own base)
        if demonym_base(&c.key, |x| x != c.key && bases.contains(x) && !personal.contains(x), probe) {
            adjs.insert(c.key.clone());
            places.insert(probe.clone());
        }
    }
    (adjs, places)
}

/// True when folded word `w` is an adjective of one of `places` (folded single words):
/// "korvanian" of "korvania", "marvalian" of "marvale", "tambolese" of "tambola".
pub(super) fn is_demonym_of(w: &str, places: &HashSet<String>, probe: &mut String) -> bool {
    demonym_base(w, |x| places.contains(x), probe)
}

/// True when folded word `w` is shaped like an adjective of a place (see [`demonym_base`]).
pub(super) fn demonym_shaped(w: &str) -> bool {
    w.len() >= 5 && matches!(w.as_bytes().last(), Some(b'n' | b'e' | b'h' | b'i'))
}

/// True when folded word `w` is an adjective of a word for which `is_base` holds; `probe`
/// then holds that word ("sorvanian" → "sorvania").
pub(super) fn demonym_base(w: &str, is_base: impl Fn(&str) -> bool, probe: &mut String) -> bool {
    if !demonym_shaped(w) || is_base(w) {
        return false;
    }
    for suf in ["ian", "ean", "an", "n", "ese", "ish", "i"] {
        let Some(stem) = w.strip_suffix(suf) else { continue };
        if stem.len() < 3 {
            continue;
        }
        for end in ["", "a", "e", "ia", "y"] {
            probe.clear();
            probe.push_str(stem);
            probe.push_str(end);
            if probe != w && is_base(probe.as_str()) {
                return true;
            }
        }
    }
    false
}

/// "NEW YORK" → "New York" (display only, for names seen only in capitals).
pub(super) fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}
