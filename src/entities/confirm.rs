//! Confirmation of weak candidates: sentence-initial and headline-case names, and words
//! written in capitals, are kept only with evidence from elsewhere in the documents.

use super::*;

/// Articles of French, Spanish and Italian that start translated sentences ("Le président
/// ...", "La Croix-Rouge ..."): dropped from the front of a sentence-initial name.
/// (and German ones: "Das Technische Hilfswerk ...")
pub(super) const ARTICLES: &[&str] = &["le", "la", "les", "el", "los", "las", "il", "lo", "gli", "das", "den", "dem", "ein", "eine"];

/// An all-capital word read as an acronym ("SORVANIA", "QUAKE", "UP to 30", "BREAKING"):
/// a name the documents write in normal case is a mention of that name; a word seen in
/// lowercase or a function word is not an entity; a word of four letters or more in an
/// all-capital sentence must be used as an acronym somewhere else. Known acronyms ("WHO",
/// "UN") and dotted ones stand.
pub(super) fn shouted(
    mut c: Candidate,
    doc: &TextDoc,
    strong: &HashSet<u64>,
    strong_names: &HashSet<u64>,
    lowercase_seen: &tables::WordFilter,
) -> Option<Candidate> {
    if !c.acronym || c.known_org.is_some() {
        return Some(c);
    }
    let written = doc.text.get(c.start..c.end).unwrap_or("");
    // (not all capitals: "BoE", "Fema" are written as acronyms, not shouted)
    if written.contains('.') || !written.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(c);
    }
    let h = key_hash(&c.key);
    if strong_names.contains(&h) {
        c.acronym = false;
        c.cues.org -= 3;
        return Some(c);
    }
    let t = tables();
    if t.stopwords.contains(c.key.as_str()) || lowercase_seen.contains(&c.key) {
        return None;
    }
    if written.len() >= 4 && (c.headline || c.weak_first || !strong.contains(&h)) && shouting_sentence(doc, c.sentence) {
        return None;
    }
    Some(c)
}

/// True when a sentence has letters and hardly any of them lowercase.
pub(super) fn shouting_sentence(doc: &TextDoc, si: usize) -> bool {
    let Some(s) = doc.sentences.get(si).and_then(|r| doc.text.get(r.clone())) else { return false };
    let (mut upper, mut lower) = (0usize, 0usize);
    for ch in s.chars() {
        if ch.is_lowercase() {
            lower += 1;
        } else if ch.is_uppercase() {
            upper += 1;
        }
    }
    upper >= 6 && lower * 10 < upper
}

/// Keeps a weak (sentence-initial or headline) candidate only when confirmed; may drop
/// leading words seen lowercase elsewhere. Returns the candidate to keep, if any.
pub(super) fn confirm(
    mut c: Candidate,
    text: &str,
    strong: &HashSet<u64>,
    strong_names: &HashSet<u64>,
    surnames: &HashSet<String>,
    lowercase_seen: &tables::WordFilter,
    scratch: &mut String,
) -> Option<Candidate> {
    let t = tables();
    // A single capitalised word that is also used lowercase ("Internet", "Price") needs the
    // same confirmation as a sentence-initial one.
    let ambiguous = c.n_words == 1 && !c.acronym && c.first_word().is_some_and(|w| lowercase_seen.contains(w));
    if !c.weak_first && !c.headline && !ambiguous {
        return Some(c);
    }
    if ambiguous && !c.weak_first && !c.headline && (c.cues.place >= 2 || c.role.is_some() || c.honorific) {
        return Some(c);
    }
    let droppable = |w: &str| t.stopwords.contains(w) || t.starters.contains(w) || lowercase_seen.contains(w);
    let mut dropped = false;
    loop {
        // An acronym left after dropping words ("La UE", "La OTAN": translated copy).
        if dropped && c.n_words == 1 {
            let written = text.get(c.start..c.end).unwrap_or("");
            if (2..=8).contains(&written.len()) && written.bytes().all(|b| b.is_ascii_uppercase()) {
                c.acronym = true;
                c.known_org = t.org_acronyms.get(written).copied();
                c.cues.org += if c.known_org.is_some() { 10 } else { 3 };
                return Some(c);
            }
        }
        if (strong.contains(&key_hash(&c.key)) && !ambiguous) || c.place.is_some() || c.known_org.is_some() {
            return Some(c);
        }
        // A known institution left after dropping words ("Le Croissant-Rouge"), or an
        // acronym ("La UE", "La OTAN": translated copy).
        if dropped && c.known_org.is_none() {
            if let Some(&o) = t.orgs.get(c.key.as_str()) {
                c.known_org = Some(o);
                c.cues.org += 10;
                return Some(c);
            }
        }
        if c.n_words == 1 && !surnames.is_empty() && {
            norm_token_into(&c.key, scratch);
            surnames.contains(scratch.as_str())
        } {
            return Some(c);
        }
        if c.headline {
            return headline_part(&c, text, strong, strong_names, &droppable);
        }
        let first = c.first_word()?;
        let first_droppable = droppable(first);
        // A leading article of translated copy ("Le Croissant-Rouge", "La Cruz Roja"), or a
        // lowercase particle left after a dropped word ("Selon la Croix-Rouge"), goes first.
        let article = c.n_words > 1 && (ARTICLES.contains(&first) || (dropped && mentions::PARTICLES.contains(&first)));
        if c.n_words > 1 {
            // "Interior Ministry said ...": a name ending in an organisation word stands.
            // (but not "Selon la Croix-Rouge": a dropped word before a particle)
            // (an article straight after a sentence's first word: "Selon la", "Según el")
            let before_particle = c.words().nth(1).is_some_and(|w| {
                (first_droppable && mentions::PARTICLES.contains(&w)) || (ARTICLES.contains(&w) && !ARTICLES.contains(&first))
            });
            if !article && !before_particle && c.last_word().is_some_and(|w| t.is_org_word(w)) {
                return Some(c);
            }
            if first_droppable || article || before_particle {
                dropped = true;
                // "Residents of X", "Shares of X" at the start of a sentence: the dropped
                // word is the type cue it would have been in lowercase.
                if c.words().nth(1) == Some("of") {
                    let l = t.lex(first);
                    if l.is(tables::LEX_PLACE_CUE) {
                        c.cues.place += 8;
                    } else if l.is(tables::LEX_ORG_CUE) {
                        c.cues.org += 6;
                    }
                }
                if let Some(p) = c.key.bytes().position(|b| b == b' ') {
                    c.key.drain(..=p);
                }
                c.n_words -= 1;
                if !c.word_starts.is_empty() {
                    c.word_starts.remove(0);
                }
                c.start = *c.word_starts.first()?;
                c.role = None;
                if c.n_words == 1 && c.cues.person >= 3 && !c.honorific {
                    c.cues.person -= 3;
                    c.cues.plain = (c.cues.plain - 1).max(0);
                }
                continue;
            }
            return Some(c);
        }
        if first_droppable {
            return None;
        }
        return (c.reporting || c.possessive || c.role.is_some() || c.honorific || c.acronym || c.cues.company > 0).then_some(c);
    }
}

/// The longest part of a headline run that is a name seen in running text or a gazetteer
/// place ("FLOODS SWAMP NORTHERN TERAVIA" → "TERAVIA"; "Castaria Quake Toll" → "Castaria").
pub(super) fn headline_part(c: &Candidate, text: &str, strong: &HashSet<u64>, strong_names: &HashSet<u64>, droppable: &dyn Fn(&str) -> bool) -> Option<Candidate> {
    let t = tables();
    let words: Vec<&str> = c.words().collect();
    let n = words.len();
    if n < 2 || c.word_starts.len() != n || n > 12 {
        return None;
    }
    let mut key = String::new();
    // Longest parts first; a part must not start or end with a stopword.
    for len in (1..n).rev() {
        for a in 0..=n - len {
            let b = a + len;
            if t.stopwords.contains(words[a]) || t.stopwords.contains(words[b - 1]) || (len == 1 && droppable(words[a]) && t.lex(words[a]).place.is_none()) {
                continue;
            }
            key.clear();
            for (i, w) in words[a..b].iter().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                key.push_str(w);
            }
            let place = if b - a == 1 { t.lex(&key).place } else { t.place(&key).copied() };
            // A known acronym ("UN, WHO SEND TEAMS AS NATO WAITS").
            let known = if b - a == 1 {
                let at = *c.word_starts.get(a)?;
                let rest = text.get(at..)?;
                let w = &rest[..rest.bytes().position(|x| !x.is_ascii_alphabetic()).unwrap_or(rest.len())];
                (w.len() >= 2 && w.bytes().all(|x| x.is_ascii_uppercase())).then(|| t.org_acronyms.get(w).copied()).flatten()
            } else {
                None
            };
            let h = key_hash(&key);
            let named = strong.contains(&h) || (b - a == 1 && strong_names.contains(&h));
            if !named && place.is_none() && known.is_none() {
                continue;
            }
            // The span: from the first kept word to the end of the last one.
            let start = *c.word_starts.get(a)?;
            let last = *c.word_starts.get(b - 1)?;
            let tail = text.get(last..c.end.max(last))?;
            let len = tail
                .char_indices()
                .find(|&(_, ch)| !(ch.is_alphanumeric() || ch == '.' || ch == '-' || ch == '\'' || ch == '’'))
                .map_or(tail.len(), |(i, _)| i);
            let mut end = last + len;
            let word = text.get(last..end)?;
            for suf in ["'s", "’s", "'S", "’S"] {
                if word.len() > suf.len() && word.ends_with(suf) {
                    end -= suf.len();
                }
            }
            let mut out = c.clone();
            out.start = start;
            out.end = end;
            out.key = key;
            out.n_words = b - a;
            out.word_starts = c.word_starts.get(a..b)?.to_vec();
            out.role = None;
            out.cues = Cues::default();
            out.place = place.map(|p| p.canonical);
            if out.place.is_some() {
                out.cues.place += 10;
            } else if known.is_some() {
                out.acronym = true;
                out.known_org = known;
                out.cues.org += 10;
            }
            return Some(out);
        }
    }
    None
}

/// "CalFire Operations Chief X", "Acme Marketing Director Y": the last words of a name
/// written before a capitalised title that are common nouns seen in lowercase in the
/// documents ("operations", "marketing") belong to the title, not to the name.
pub(super) fn trim_title_modifiers(c: &mut Candidate, text: &str, lowercase_seen: &tables::WordFilter) {
    let t = tables();
    while c.before_title && c.n_words >= 2 && !c.acronym && c.place.is_none() && c.known_org.is_none() {
        let Some(last) = c.last_word() else { return };
        if !lowercase_seen.contains(last) || t.is_org_word(last) || t.is_place_word(last) {
            return;
        }
        let Some(cut) = c.key.rfind(' ') else { return };
        let Some(sp) = text.get(c.start..c.end).and_then(|w| w.trim_end().rfind(char::is_whitespace)) else { return };
        let written = text.get(c.start..c.start + sp).unwrap_or("").trim_end();
        c.end = c.start + written.len();
        c.key.truncate(cut);
        c.n_words -= 1;
        c.word_starts.truncate(c.n_words);
        c.role = None;
        // (what was a plain name of several words is one word now)
        if c.n_words == 1 && c.cues.plain > 0 {
            c.cues.person -= 3;
            c.cues.plain -= 1;
            c.cues.personal -= 1;
            if text.get(c.start..c.end).is_some_and(mentions::camel_case) {
                c.cues.org += 4;
            }
        }
    }
}
