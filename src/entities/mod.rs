//! Entities: people, places and organisations, found per document and merged across
//! documents, one [`Entity`] per real-world entity with every spelling each source used.
//!
//! Stages (submodules):
//! - [`mentions`]: runs of capitalised words split into names, titles (kept as roles),
//!   demonyms (links, not mentions) and gazetteer places, with local kind cues; acronym
//!   definitions;
//! - confirmation (here): sentence-initial and headline-case words are kept only when the
//!   same name appears in running text elsewhere, is in the gazetteer, is a family name of
//!   a person of the document, or has a person cue (title, reporting verb, possessive);
//!   words seen lowercase anywhere in the input are dropped from the front of such names;
//! - within a document (here): same folded name; a single word or "Mr. X" joins the one
//!   multi-word person whose family name it is; an acronym joins its long form by
//!   definition ("Long Form (ABBR)", "ABBR (Long Form)", Schwartz–Hearst, see
//!   [`acronyms`]) or by initials; an acronym defined with a lowercase long form is a term
//!   ("liquefied petroleum gas (LPG)") and not an entity;
//! - organisation names with a place written next to them ("Russia's Foreign Ministry",
//!   "the Kazakh Foreign Ministry", "US State Department") are qualified by that place and
//!   grouped by (place, name), so same-named ministries of two countries stay apart; a bare
//!   "the Foreign Ministry" joins the qualified one only when one place's is written (in
//!   its document, or else in all the documents); such entities show the place in their
//!   display name when another entity has the same name ("Foreign Ministry (Russia)");
//! - a place written at the front of an organisation name qualifies it like a place next to
//!   it ("Veloria Red Cross", "Lanvik District Court"; the place may be one the documents
//!   use as a place without the gazetteer knowing it, such as a dateline's city), so the
//!   bare "Red Cross" joins it when only one place's is written;
//! - a single word read as a place in its mention ("in Jackson", a dateline) is grouped
//!   apart from the same word as a person's family name ("Mayor Anna Jackson");
//! - adjectives of places outside the gazetteer ("Korvanian" next to "Korvania") are
//!   demonyms, not mentions; in headlines only the longest part seen as a name in running
//!   text, or a gazetteer place, is kept;
//! - across documents: [`clustering`] with alias keys from [`keys`] (including variant keys
//!   of organisations and places: hyphens, British/American spellings, a known acronym
//!   spelled out, "Ministry of X" = "X Ministry", company legal suffixes), and acronyms used
//!   alone joined to the one organisation whose written initials they are;
//! - kinds from summed cues: [`kinds`].
//!
//! # Annotation guideline (what counts as a mention)
//! Named people, places (countries, regions, cities, named facilities) and organisations
//! (institutions, companies, parties, armed forces units with a name, news agencies and
//! outlets such as "AP" or "Reuters"), in the running text of the article. The span is the
//! name as written without a title or honorific ("President", "Mr.") and without a
//! possessive "'s". A country or city used in a compound ("Russia-led") is a mention of
//! the place. Demonyms and nationality adjectives ("Kazakh", "Russian", "Central Asian")
//! are not mentions. Nothing inside page furniture (date lines, bylines, photo credits,
//! captions, contributor lines, "Related" lists) is a mention.

pub mod acronyms;
pub mod clustering;
pub mod keys;
pub mod kinds;
pub mod mentions;
pub mod tables;

use tables::{HashMap, HashSet};

use crate::report::{Entity, EntityKind, Mention};
use crate::text::TextDoc;
use crate::sort::{desc, int};
use clustering::{Local, Name};
use keys::{norm_token, norm_token_into, same_token};
use mentions::{acronym_of, Candidate, Cues, Words};
use tables::tables;

/// A spelling's (parts, not shouting, count, first index) when choosing an entity's name.
/// (The second field ranks shouting 0, a lowercase first letter 1 ("ministry of the
/// Interior" after "Ministry of the Interior"), anything else 2.)
/// (The fifth field counts the documents that use the spelling, the sixth is the last of
/// them; the seventh is true for the English form of a known institution: "Red Cross"
/// rather than "Cruz Roja".)
type NameCount = (usize, u8, usize, usize, usize, usize, bool);

/// True when byte range `[s, e)` lies inside the document's furniture (sorted ranges).
fn in_furniture(doc: &TextDoc, s: usize, e: usize) -> bool {
    let f = &doc.furniture;
    let i = f.partition_point(|r| r.start <= s);
    f[..i].iter().rev().take(4).any(|r| r.start <= s && e <= r.end)
}

/// Hash of a name key (for the set of names seen in running text).
fn key_hash(k: &str) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<tables::FxHasher>::default().hash_one(k)
}

fn key_of(c: &Candidate) -> &str {
    &c.key
}

/// Articles of French, Spanish and Italian that start translated sentences ("Le président
/// ...", "La Croix-Rouge ..."): dropped from the front of a sentence-initial name.
/// (and German ones: "Das Technische Hilfswerk ...")
const ARTICLES: &[&str] = &["le", "la", "les", "el", "los", "las", "il", "lo", "gli", "das", "den", "dem", "ein", "eine"];

/// An all-capital word read as an acronym ("SORVANIA", "QUAKE", "UP to 30", "BREAKING"):
/// a name the documents write in normal case is a mention of that name; a word seen in
/// lowercase or a function word is not an entity; a word of four letters or more in an
/// all-capital sentence must be used as an acronym somewhere else. Known acronyms ("WHO",
/// "UN") and dotted ones stand.
fn shouted(
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
    if written.contains('.') || !written.bytes().all(|b| b.is_ascii_alphabetic()) {
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
fn shouting_sentence(doc: &TextDoc, si: usize) -> bool {
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
fn confirm(
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
fn headline_part(c: &Candidate, text: &str, strong: &HashSet<u64>, strong_names: &HashSet<u64>, droppable: &dyn Fn(&str) -> bool) -> Option<Candidate> {
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

/// Finds and clusters the entities of all documents. Mention spans are UTF-8 byte offsets.
pub fn analyze(docs: &[TextDoc]) -> Vec<Entity> {
    let t = tables();
    let mut lowercase_seen = tables::WordFilter::for_text(docs.iter().map(|d| d.text.len()).sum());
    let mut found: Vec<mentions::DocMentions> = docs.iter().map(|d| mentions::find(d, &mut lowercase_seen)).collect();
    for (d, f) in docs.iter().zip(found.iter_mut()) {
        if !d.furniture.is_empty() {
            f.candidates.retain(|c| !in_furniture(d, c.start, c.end));
            f.definitions.retain(|x| !in_furniture(d, x.long_start, x.long_end));
        }
    }
    // Names seen in running text (not sentence-initial, not headline).
    let mut strong: HashSet<u64> =
        HashSet::with_capacity_and_hasher(found.iter().map(|f| f.candidates.len()).sum(), Default::default());
    // (and, apart, those written as names rather than in capitals: "Sorvania" makes a
    // headline's "SORVANIA" a mention of it)
    let mut strong_names: HashSet<u64> = HashSet::default();
    for f in &found {
        for c in &f.candidates {
            if !c.weak_first && !c.headline {
                let h = key_hash(key_of(c));
                strong.insert(h);
                if !c.acronym {
                    strong_names.insert(h);
                    // (and a person's family name: "DROZD CLAIMS WIN" after "Pavel Drozd")
                    if c.n_words >= 2 && c.cues.person > c.org_or_place() {
                        if let Some(last) = c.last_word() {
                            strong_names.insert(key_hash(last));
                        }
                    }
                }
            }
        }
    }
    // Adjectives of names of the documents that the gazetteer does not know ("Sorvanian"
    // next to "Sorvania"): the name is a place, the adjective a demonym (not a mention).
    let (demonym_adjs, demonym_places) = unknown_demonyms(&found, &mut String::new());
    // Confirm weak candidates; family names of each document's people.
    let mut accepted: Vec<Vec<Candidate>> = Vec::with_capacity(docs.len());
    let mut scratch = String::new();
    for (d, f) in docs.iter().zip(found.iter_mut()) {
        let surnames: HashSet<String> = f
            .candidates
            .iter()
            .filter(|c| !c.weak_first && !c.headline && c.n_words >= 2 && c.cues.person > c.org_or_place())
            .filter_map(|c| c.last_word().map(norm_token))
            .collect();
        let cands = std::mem::take(&mut f.candidates);
        accepted.push(
            cands
                .into_iter()
                .filter_map(|c| shouted(c, d, &strong, &strong_names, &lowercase_seen))
                .filter(|c| demonym_adjs.is_empty() || c.n_words != 1 || c.acronym || !demonym_adjs.contains(c.key.as_str()))
                .map(|mut c| {
                    if c.n_words == 1 && !c.acronym && !demonym_places.is_empty() && demonym_places.contains(c.key.as_str()) {
                        c.cues.place += 6;
                        c.weak_first = false;
                        c.headline = false;
                    }
                    c
                })
                .filter_map(|c| confirm(c, d.text, &strong, &strong_names, &surnames, &lowercase_seen, &mut scratch))
                .collect(),
        );
    }
    // Names that read as places over all the documents (a place not in the gazetteer, such
    // as a dateline's city, may qualify an organisation: "Veloria Red Cross").
    let place_keys: HashSet<String> = {
        // (gazetteer places are found by the gazetteer itself)
        let some: HashSet<&str> =
            accepted.iter().flatten().filter(|c| c.cues.place > 0 && c.place.is_none() && !c.acronym && c.n_words <= 3).map(|c| c.key.as_str()).collect();
        let mut sums: HashMap<&str, Cues> = HashMap::default();
        for c in accepted.iter().flatten().filter(|c| !some.is_empty() && some.contains(c.key.as_str())) {
            sums.entry(c.key.as_str()).or_default().add(c.cues);
        }
        let mut keys: HashSet<String> =
            sums.into_iter().filter(|(_, x)| x.place >= 3 && x.place > x.person && x.place > x.org).map(|(k, _)| k.to_string()).collect();
        keys.extend(demonym_places.iter().cloned());
        keys
    };
    // Adjectives of places outside the gazetteer ("Korvanian" next to "Korvania") are
    // demonyms, not mentions.
    if !place_keys.is_empty() {
        for cands in accepted.iter_mut() {
            cands.retain(|c| !(c.n_words == 1 && !c.acronym && c.place.is_none() && c.known_org.is_none() && is_demonym_of(&c.key, &place_keys, &mut scratch)));
        }
    }
    // Per document: local groups.
    let total: usize = accepted.iter().map(Vec::len).sum();
    let mut locals: Vec<Local> = Vec::with_capacity(total);
    // The members of each local group: a range of `member_list`, (doc, candidate index).
    let mut members: Vec<std::ops::Range<usize>> = Vec::with_capacity(total);
    let mut member_list: Vec<(usize, usize)> = Vec::with_capacity(total);
    let mut def_ends: Vec<(usize, &str)> = Vec::new();
    // The distinct names of all the local groups, each group's a range (set once all are
    // built: one list instead of one per group).
    let mut all_names: Vec<Name> = Vec::with_capacity(total);
    let mut name_ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(total);
    for (di, cands) in accepted.iter_mut().enumerate() {
        let defs = &found[di].definitions;
        // Terms: acronyms defined by a lowercase long form are not entities.
        let terms: HashSet<&str> = defs.iter().filter(|d| d.term).map(|d| d.acronym.as_str()).collect();
        if !terms.is_empty() {
            cands.retain(|c| !(c.acronym && terms.contains(acronym_of(&docs[di].text[c.start..c.end]).as_str())));
        }
        widen_to_long_forms(docs[di].text, cands, defs);
        qualify(docs[di].text, cands, &found[di].demonym_ends, &place_keys);
    }
    // The acronyms used in the documents (only those are worth spelling out).
    let used_acronyms: HashSet<String> =
        accepted.iter().enumerate().flat_map(|(di, v)| v.iter().filter(|c| c.acronym).map(move |c| acronym_of(docs[di].text.get(c.start..c.end).unwrap_or("")))).collect();
    let mut spell_buf = (String::new(), String::new());
    let mut spelled_keys: Vec<&str> = Vec::new();
    let acronym_initials: Vec<char> = {
        let mut v: Vec<char> = used_acronyms.iter().filter_map(|a| a.chars().next()).collect();
        crate::sort::plain(&mut v);
        v.dedup();
        v
    };
    for (di, cands) in accepted.iter().enumerate() {
        let defs = &found[di].definitions;
        let (groups, acr, alias) = local_groups(docs.get(di), cands, defs);
        // (long form end, acronym) of the definitions, by end (stable: in definition order).
        def_ends.clear();
        def_ends.extend(defs.iter().filter(|d| !d.term).map(|d| (d.long_end, d.acronym.as_str())));
        crate::sort::by_key(&mut def_ends, |x| [x.0 as u64, 0, 0]);
        for g in groups.iter() {
            let mut l = Local { doc: di, ..Default::default() };
            let n0 = all_names.len();
            for &ci in g {
                let c = &cands[ci];
                l.cues.add(c.cues);
                if c.place.is_some() {
                    l.place = l.place.or(c.place);
                }
                if c.known_org.is_some() {
                    l.known_org = l.known_org.or(c.known_org);
                }
                if c.acronym {
                    let a = acr[ci].clone();
                    if !l.acronyms.contains(&a) {
                        l.acronyms.push(a);
                    }
                } else {
                    let name = Name { key: &c.key, n: c.n_words };
                    if !all_names.get(n0..).unwrap_or(&[]).iter().any(|n| n.words().eq(c.words())) {
                        all_names.push(name);
                    }
                    if let Some(q) = c.qualifier.as_deref() {
                        let base = if c.base_key.is_empty() { c.key.as_str() } else { c.base_key.as_str() };
                        if !l.qualified.iter().any(|(x, b)| *x == q && *b == base) {
                            l.qualified.push((q, base));
                        }
                    }
                    if (c.qualifier.is_some() || alias.get(ci).copied().unwrap_or(false)) && !l.unkeyed.iter().any(|n| n.words().eq(c.words())) {
                        l.unkeyed.push(name);
                    }
                }
            }
            // Acronyms defined for this group's long form.
            for &ci in g {
                let c = &cands[ci];
                if c.acronym {
                    continue;
                }
                let from = def_ends.partition_point(|x| x.0 < c.end);
                for &(_, a) in def_ends.get(from..).unwrap_or(&[]).iter().take_while(|x| x.0 == c.end) {
                    if !l.acronyms.iter().any(|x| x == a) {
                        l.acronyms.push(a.to_string());
                    }
                }
            }
            // Acronyms spelled by the group's organisation names as written (those used
            // somewhere).
            spelled_keys.clear();
            for &ci in g.iter().filter(|_| !used_acronyms.is_empty()) {
                let c = &cands[ci];
                if c.acronym || c.cues.org < 6 || c.cues.org < c.cues.person || spelled_keys.contains(&c.key.as_str()) {
                    continue;
                }
                spelled_keys.push(&c.key);
                let initial = c.key.chars().next().map_or(' ', |x| x.to_ascii_uppercase());
                let from_place = ci.checked_sub(1).and_then(|p| cands.get(p)).is_some_and(|p| p.place.is_some());
                if !from_place && !acronym_initials.contains(&initial) {
                    continue;
                }
                // A place written just before ("U.S." + "Geological Survey").
                let from = ci
                    .checked_sub(1)
                    .and_then(|p| cands.get(p))
                    .filter(|p| p.place.is_some() && docs[di].text.get(p.end..c.start) == Some(" "))
                    .map_or(c.start, |p| p.start);
                acronyms::spelled_push(docs[di].text.get(from..c.end).unwrap_or(""), &mut spell_buf, |a| used_acronyms.contains(a), &mut l.spelled);
            }
            name_ranges.push(n0..all_names.len());
            if l.known_org.is_none() && all_names.len() == n0 {
                if let Some(a) = l.acronyms.first() {
                    l.known_org = t.org_acronyms.get(a).copied();
                }
            }
            let m0 = member_list.len();
            member_list.extend(g.iter().map(|&ci| (di, ci)));
            members.push(m0..member_list.len());
            locals.push(l);
        }
    }
    for (l, r) in locals.iter_mut().zip(&name_ranges) {
        l.names = all_names.get(r.clone()).unwrap_or(&[]);
    }
    let roots = clustering::cluster(&locals);
    // Gather clusters.
    // Root -> cluster number (a table filled as before, so that its order of iteration,
    // which is the order of the entities before sorting, is unchanged); each cluster's
    // local groups in increasing order.
    let mut by_root: HashMap<usize, usize> = HashMap::default();
    let mut cluster_of: Vec<usize> = Vec::with_capacity(roots.len());
    let mut sizes: Vec<usize> = Vec::new();
    for r in &roots {
        let next = sizes.len();
        let g = *by_root.entry(*r).or_insert(next);
        if g == next {
            sizes.push(0);
        }
        if let Some(x) = sizes.get_mut(g) {
            *x += 1;
        }
        cluster_of.push(g);
    }
    let clusters = Groups::from_labels(&cluster_of, &sizes);
    let mut entities: Vec<Entity> = Vec::with_capacity(by_root.len());
    let mut firsts: Vec<(usize, usize)> = Vec::with_capacity(by_root.len());
    let mut qualifiers: Vec<Option<&str>> = Vec::with_capacity(by_root.len());
    let mut ms: Vec<&Candidate> = Vec::new();
    let mut docs_of: Vec<(usize, &Candidate)> = Vec::new();
    let mut counts: Vec<(usize, NameCount)> = Vec::new();
    for &g in by_root.values() {
        let group = clusters.get(g);
        let mut cues = Cues::default();
        ms.clear();
        docs_of.clear();
        let mut known: Option<&str> = None;
        for &li in group {
            cues.add(locals[li].cues);
            known = known.or(locals[li].known_org);
            for &(d, ci) in member_list.get(members[li].clone()).unwrap_or(&[]) {
                if let Some(c) = accepted.get(d).and_then(|v| v.get(ci)) {
                    ms.push(c);
                    docs_of.push((d, c));
                }
            }
        }
        if docs_of.is_empty() {
            continue;
        }
        crate::sort::by_key(&mut docs_of, |(d, c)| [int(*d), c.start as u64, 0]);
        let kind = kinds::decide(&cues);
        let person = kind == EntityKind::Person;
        let mentions: Vec<Mention> = docs_of
            .iter()
            .map(|(d, c)| Mention {
                doc: *d,
                start: c.start as u32,
                end: c.end as u32,
                text: docs[*d].text.get(c.start..c.end).unwrap_or("").to_string(),
                sentence: c.sentence,
                role: if person { c.role.clone() } else { None },
            })
            .collect();
        // Name: the fullest, most common non-acronym spelling.
        // text -> (parts, not shouting, count, order)
        // (a small list: every entry has its own first index, so the order of the list
        // does not matter for the choice)
        // (index of the first mention of each spelling, counts)
        counts.clear();
        for (i, ((d, c), m)) in docs_of.iter().zip(&mentions).enumerate() {
            if c.acronym {
                continue;
            }
            if let Some(e) = counts.iter_mut().find(|e| mentions.get(e.0).is_some_and(|x| x.text == m.text)) {
                e.1 .2 += 1;
                if e.1 .5 != *d {
                    e.1 .4 += 1;
                    e.1 .5 = *d;
                }
                continue;
            }
            let parts = m.text.split(|ch: char| ch.is_whitespace() || ch == '-').filter(|p| !p.is_empty()).count();
            let shouting = m.text.chars().filter(|ch| ch.is_alphabetic()).count() > 3 && !m.text.chars().any(char::is_lowercase);
            let rank = if shouting { 0 } else if m.text.chars().next().is_some_and(char::is_lowercase) { 1 } else { 2 };
            let english = known.is_some_and(|k| k.eq_ignore_ascii_case(&m.text));
            counts.push((i, (parts, rank, 1, i, 1, *d, english)));
        }
        let name = counts
            .iter()
            .max_by(|a, b| {
                // (the English form of a known institution, then the fullest spelling,
                // not shouting, used by the most sources, most often, first)
                (a.1 .6, a.1 .0, a.1 .1, a.1 .4, a.1 .2, std::cmp::Reverse(a.1 .3))
                    .cmp(&(b.1 .6, b.1 .0, b.1 .1, b.1 .4, b.1 .2, std::cmp::Reverse(b.1 .3)))
            })
            .and_then(|(i, _)| mentions.get(*i))
            .map(|m| m.text.clone())
            .or_else(|| mentions.first().map(|m| m.text.clone()))
            .unwrap_or_default();
        let name = if counts.iter().all(|v| v.1 .1 == 0) && !counts.is_empty() { title_case(&name) } else { name };
        let mut acr_counts: Vec<(String, usize)> = Vec::new();
        for (d, c) in &docs_of {
            if c.acronym {
                let a = acronym_of(docs[*d].text.get(c.start..c.end).unwrap_or(""));
                match acr_counts.iter_mut().find(|e| e.0 == a) {
                    Some(e) => e.1 += 1,
                    None => acr_counts.push((a, 1)),
                }
            }
        }
        let acronym = acr_counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|x| x.0);
        let mut role_counts: Vec<(String, usize)> = Vec::new();
        for m in &mentions {
            if let Some(r) = &m.role {
                match role_counts.iter_mut().find(|(x, _)| x == r) {
                    Some(e) => e.1 += 1,
                    None => role_counts.push((r.clone(), 1)),
                }
            }
        }
        crate::sort::by_key(&mut role_counts, |r| [desc(r.1 as u64), 0, 0]);
        let first = (mentions[0].doc, mentions[0].start as usize);
        let mut place_of: Option<&str> = None;
        for c in &ms {
            if let Some(q) = c.qualifier.as_deref() {
                place_of = match place_of {
                    None => Some(q),
                    Some(p) if p == q => Some(p),
                    Some(_) => Some(""),
                };
            }
        }
        qualifiers.push(place_of.filter(|p| !p.is_empty()));
        firsts.push(first);
        entities.push(Entity {
            id: 0,
            kind,
            name,
            acronym,
            roles: role_counts.into_iter().map(|x| x.0).collect(),
            mentions,
        });
    }
    // Two entities of one display name told apart by their place: "Foreign Ministry (Russia)".
    let shared_name: Vec<bool> = {
        let mut name_counts: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(entities.len(), Default::default());
        for e in &entities {
            *name_counts.entry(e.name.as_str()).or_default() += 1;
        }
        entities.iter().map(|e| name_counts.get(e.name.as_str()).is_some_and(|&n| n > 1)).collect()
    };
    for ((e, q), shared) in entities.iter_mut().zip(&qualifiers).zip(shared_name) {
        if let Some(q) = q {
            if shared {
                e.name = format!("{} ({q})", e.name);
            }
        }
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    let ndocs = |e: &Entity| {
        let mut d: Vec<usize> = e.mentions.iter().map(|m| m.doc).collect();
        d.dedup();
        d.len()
    };
    let keys: Vec<(usize, usize)> = entities.iter().map(|e| (ndocs(e), e.mentions.len())).collect();
    // Most sources first, then most mentions, then first appearance.
    crate::sort::by_key(&mut order, |&a| {
        let (docs, mentions) = keys.get(a).copied().unwrap_or_default();
        let (doc, start) = firsts.get(a).copied().unwrap_or_default();
        [desc(((docs as u64) << 32) | mentions as u64), int(doc), int(start)]
    });
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    for (id, i) in order.into_iter().enumerate() {
        if let Some(mut e) = slots[i].take() {
            e.id = id;
            out.push(e);
        }
    }
    out
}

/// A long form proven by its acronym may start before the candidate: "Scottish National
/// Party (SNP)" was split as demonym + "National Party". Widen such a candidate to the long
/// form when only capitalised words lie between.
fn widen_to_long_forms(text: &str, cands: &mut Vec<Candidate>, defs: &[mentions::Definition]) {
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
const LONG_FORM_FUNCTION_WORDS: &[&str] = &["and", "for", "of", "in", "on", "the", "to", "de", "du", "des", "la", "le", "el", "y", "et", "und", "für", "pour", "para", "del"];

/// Gives an organisation-word name the place it belongs to when that place is written next
/// to it: a leading demonym inside the name ("Kazakh Parliament"), a demonym just before it
/// ("the Russian" + "Foreign Ministry"), or a place just before it, possessive or not
/// ("Russia's Foreign Ministry", "US State Department").
fn qualify(text: &str, cands: &mut [Candidate], demonym_ends: &[(usize, &'static str)], place_keys: &HashSet<String>) {
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
fn place_prefix(c: &Candidate, place_keys: &HashSet<String>) -> Option<(usize, std::borrow::Cow<'static, str>, bool)> {
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
fn unknown_demonyms(found: &[mentions::DocMentions], probe: &mut String) -> (HashSet<String>, HashSet<String>) {
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
fn is_demonym_of(w: &str, places: &HashSet<String>, probe: &mut String) -> bool {
    demonym_base(w, |x| places.contains(x), probe)
}

/// True when folded word `w` is shaped like an adjective of a place (see [`demonym_base`]).
fn demonym_shaped(w: &str) -> bool {
    w.len() >= 5 && matches!(w.as_bytes().last(), Some(b'n' | b'e' | b'h' | b'i'))
}

/// True when folded word `w` is an adjective of a word for which `is_base` holds; `probe`
/// then holds that word ("sorvanian" → "sorvania").
fn demonym_base(w: &str, is_base: impl Fn(&str) -> bool, probe: &mut String) -> bool {
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
fn title_case(s: &str) -> String {
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

impl Candidate {
    fn org_or_place(&self) -> i32 {
        self.cues.org.max(self.cues.place)
    }
}

/// Groups one document's candidates: same folded name; single words and "Mr. X" with the
/// one person whose family name they are; acronyms with their long forms. Returns the
/// groups (candidate indices) and each candidate's acronym string ("" for names).
fn local_groups(
    doc: Option<&TextDoc>,
    cands: &[Candidate],
    defs: &[mentions::Definition],
) -> (Groups, Vec<String>, Vec<bool>) {
    let text = doc.map(|d| d.text).unwrap_or("");
    let n = cands.len();
    // Qualified organisation names ("Russia's Foreign Ministry") are grouped by place and
    // name, so two countries' ministries of one name stay apart.
    let eff: Vec<std::borrow::Cow<str>> = cands
        .iter()
        .map(|c| match c.qualifier.as_deref() {
            Some(q) => std::borrow::Cow::Owned(format!("{q}\u{1}{}", if c.base_key.is_empty() { &c.key } else { &c.base_key })),
            // A single word read as a place here ("in Jackson", a dateline) is kept apart
            // from the same word as a person's family name ("Mayor Anna Jackson").
            None if placeish(c) => std::borrow::Cow::Owned(format!("{}\u{2}", c.key)),
            None => std::borrow::Cow::Borrowed(c.key.as_str()),
        })
        .collect();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    fn union(p: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    }
    let acr: Vec<String> =
        cands.iter().map(|c| if c.acronym { acronym_of(text.get(c.start..c.end).unwrap_or("")) } else { String::new() }).collect();
    // Same folded name (acronyms by acronym). `reps` holds one candidate per distinct name.
    let mut by_key: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    let mut by_acr: HashMap<&str, usize> = HashMap::default();
    let mut reps: Vec<usize> = Vec::with_capacity(n);
    let mut cued: Vec<bool> = vec![false; n]; // reps of single words with a person cue
    for (i, c) in cands.iter().enumerate() {
        let map = if c.acronym { &mut by_acr } else { &mut by_key };
        let k: &str = if c.acronym { acr[i].as_str() } else { eff[i].as_ref() };
        let rep = match map.get(k) {
            Some(&j) => {
                union(&mut parent, i, j);
                j
            }
            None => {
                map.insert(k, i);
                reps.push(i);
                i
            }
        };
        if c.reporting || c.honorific || c.role.is_some() {
            if let Some(x) = cued.get_mut(rep) {
                *x = true;
            }
        }
    }
    // A bare name ("the Foreign Ministry") joins the qualified one of the same name when
    // only one place's is written in the document; it is then an alias (not a name key
    // across documents).
    let mut alias = vec![false; n];
    let mut quals: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    for &r in &reps {
        let c = &cands[r];
        if let Some(q) = c.qualifier.as_deref() {
            let base = if c.base_key.is_empty() { c.key.as_str() } else { c.base_key.as_str() };
            let v = quals.entry(base).or_default();
            if !v.iter().any(|x| x.0 == q) {
                v.push((q, r));
            }
        }
    }
    if !quals.is_empty() {
        for (i, c) in cands.iter().enumerate() {
            if c.qualifier.is_some() || c.acronym {
                continue;
            }
            if let Some(v) = quals.get(c.key.as_str()) {
                if let [(_, r)] = v.as_slice() {
                    union(&mut parent, i, *r);
                    alias[i] = true;
                }
            }
        }
    }
    // Family names of multi-word people in this document, blocked by skeleton.
    let person_like = |c: &Candidate| {
        c.n_words >= 2 && !c.acronym && c.place.is_none() && c.known_org.is_none() && c.cues.person >= c.org_or_place() && c.cues.person > 0
    };
    let mut person_reps: Vec<bool> = vec![false; n];
    for c in cands.iter() {
        if person_like(c) {
            if let Some(&r) = by_key.get(key_of(c)) {
                if let Some(x) = person_reps.get_mut(r) {
                    *x = true;
                }
            }
        }
    }
    // Normalized family and given names of the people, written into one buffer:
    // (family, its skeleton, given name) as byte ranges, and the person.
    let (mut w, mut skel) = (String::new(), String::new());
    let mut names_buf = String::new();
    type Span = std::ops::Range<usize>;
    // (family and its skeleton, given name, person)
    type PersonSpans = (Option<(Span, Span)>, Option<Span>, usize);
    let mut spans: Vec<PersonSpans> = Vec::new();
    let push = |buf: &mut String, s: &str| -> Span {
        let a = buf.len();
        buf.push_str(s);
        a..buf.len()
    };
    for &r in &reps {
        if !person_reps.get(r).copied().unwrap_or(false) {
            continue;
        }
        let c = &cands[r];
        let fam = c.last_word().map(|last| {
            keys::norm_token_into(last, &mut w);
            keys::skeleton_into(&w, &mut skel);
            (push(&mut names_buf, &w), push(&mut names_buf, &skel))
        });
        let given = c.first_word().map(|first| {
            keys::norm_token_into(first, &mut w);
            push(&mut names_buf, &w)
        });
        spans.push((fam, given, r));
    }
    // skeleton -> (family, person); given name -> people (in the order of `reps`).
    let mut families: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    let mut firsts: HashMap<&str, Vec<usize>> = HashMap::default();
    for (fam, given, r) in &spans {
        if let Some((f, k)) = fam {
            families.entry(names_buf.get(k.clone()).unwrap_or("")).or_default().push((names_buf.get(f.clone()).unwrap_or(""), *r));
        }
        if let Some(g) = given {
            firsts.entry(names_buf.get(g.clone()).unwrap_or("")).or_default().push(*r);
        }
    }
    // The one root of the sets of `v`, if they are all in one set.
    fn distinct_root(p: &mut [usize], v: impl Iterator<Item = usize>) -> Option<usize> {
        let mut root = None;
        let mut many = false;
        for j in v {
            let r = find(p, j);
            match root {
                None => root = Some(r),
                Some(x) if x == r => {}
                Some(_) => many = true,
            }
        }
        root.filter(|_| !many)
    }
    for &i in reps.iter().filter(|_| !families.is_empty() || !firsts.is_empty()) {
        let c = &cands[i];
        if c.n_words != 1 || c.acronym || c.place.is_some() || placeish(c) {
            continue;
        }
        keys::norm_token_into(c.first_word().unwrap_or(""), &mut w);
        keys::skeleton_into(&w, &mut skel);
        // Same family name, allowing transliteration variants ("Nazarbaïev" / "Nazarbayev").
        let same_family = |v: &&Vec<(&str, usize)>| v.iter().any(|(f, _)| same_token(f, &w));
        let hit = match families.get(skel.as_str()).filter(same_family) {
            Some(v) => distinct_root(&mut parent, v.iter().filter(|(f, _)| same_token(f, &w)).map(|(_, r)| *r)),
            None if cued.get(i).copied().unwrap_or(false) => {
                distinct_root(&mut parent, firsts.get(w.as_str()).into_iter().flatten().copied())
            }
            None => None,
        };
        if let Some(r) = hit {
            union(&mut parent, i, r);
        }
    }
    // Short names of organisations: "Labour" with "Labour Party", when unique.
    let mut org_prefix: HashMap<&str, Vec<usize>> = HashMap::default();
    let t = tables();
    for &r in &reps {
        let c = &cands[r];
        // (not an organisation named after a place written at its front: "Nordhavn
        // University Hospital" is not "Nordhavn")
        if c.acronym || c.place.is_some() || c.n_words < 2 || c.cues.org < 6 || c.qualifier.is_some() {
            continue;
        }
        // The words up to the last one that is not an organisation word, joined by spaces:
        // a prefix of the key (no word holds a space).
        let (mut keep, mut keep_end, mut count, mut at) = (0, 0, 0, 0);
        for w in c.words() {
            count += 1;
            at += w.len();
            if !t.is_org_word(w) {
                keep = count;
                keep_end = at;
            }
            at += 1;
        }
        if keep > 0 && keep < count {
            org_prefix.entry(c.key.get(..keep_end).unwrap_or("")).or_default().push(r);
        }
        // ("the Courier" with "the Daily Courier": the name after a newspaper's head, when
        // no organisation word follows)
        // (only a newspaper's head: "Real Vantoria" is not "Vantoria")
        let lead = c.words().take_while(|w| matches!(*w, "daily" | "weekly")).count();
        if lead > 0 && lead < count && !c.words().skip(lead).any(|w| t.is_org_word(w)) {
            let at: usize = c.words().take(lead).map(|w| w.len() + 1).sum();
            if let Some(rest) = c.key.get(at..).filter(|r| r.len() >= 3) {
                org_prefix.entry(rest).or_default().push(r);
            }
        }
    }
    if !org_prefix.is_empty() {
        for &i in &reps {
            let c = &cands[i];
            if c.acronym || c.place.is_some() || c.cues.place >= 6 || c.words().any(|w| t.is_org_word(w)) {
                continue;
            }
            if let Some(v) = org_prefix.get(c.key.as_str()) {
                if let Some(r) = distinct_root(&mut parent, v.iter().copied()) {
                    union(&mut parent, i, r);
                }
            }
        }
    }
    // Acronyms: definitions first, then initials of a long form of the document.
    let mut linked: HashSet<&str> = HashSet::default();
    // Candidates are in text order: find the one ending at the long form's end, or the
    // one covering it, by binary search.
    let long_at = |d: &mentions::Definition| -> Option<usize> {
        let i = cands.partition_point(|c| c.start < d.long_start.saturating_sub(400));
        cands[i..]
            .iter()
            .take_while(|c| c.start <= d.long_end)
            .position(|c| !c.acronym && ((c.end == d.long_end && c.start >= d.long_start) || (c.start <= d.long_start && d.long_end <= c.end)))
            .map(|p| p + i)
    };
    for d in defs.iter().filter(|d| !d.term) {
        if let Some(l) = long_at(d) {
            if let Some(&a) = by_acr.get(d.acronym.as_str()) {
                union(&mut parent, a, l);
            }
            linked.insert(d.acronym.as_str());
        }
    }
    // Long forms of the document by their initials (first letter, then the rest sorted),
    // needed only for acronyms not linked by a definition.
    let unlinked = reps.iter().any(|&i| cands[i].acronym && !linked.contains(acr[i].as_str()));
    let mut chars: Vec<char> = Vec::new();
    let mut initials_buf = String::new();
    let mut initials_of: Vec<(usize, usize, usize)> = Vec::new();
    for &i in reps.iter().filter(|_| unlinked) {
        let c = &cands[i];
        if !c.acronym && c.words().filter(|w| !matches!(*w, "of" | "the" | "and")).count() >= 2 && c.n_words <= 12 {
            let a = initials_buf.len();
            acronyms::initials_key_push(c.words(), &mut chars, &mut initials_buf);
            initials_of.push((a, initials_buf.len(), i));
        }
    }
    let mut by_initials: HashMap<&str, Vec<usize>> = HashMap::default();
    for &(a, b, i) in &initials_of {
        by_initials.entry(initials_buf.get(a..b).unwrap_or("")).or_default().push(i);
    }
    let mut key = String::new();
    for &i in &reps {
        if !cands[i].acronym || linked.contains(acr[i].as_str()) {
            continue;
        }
        key.clear();
        acronyms::acronym_key_push(&acr[i], &mut chars, &mut key);
        if let Some(r) = distinct_root(&mut parent, by_initials.get(key.as_str()).into_iter().flatten().copied()) {
            union(&mut parent, i, r);
        }
    }
    // Groups in the order of their first member.
    let mut slot = vec![usize::MAX; n];
    let mut label = Vec::with_capacity(n);
    let mut sizes: Vec<usize> = Vec::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = match slot.get(r).copied() {
            Some(g) if g != usize::MAX => g,
            _ => {
                if let Some(x) = slot.get_mut(r) {
                    *x = sizes.len();
                }
                sizes.push(0);
                sizes.len() - 1
            }
        };
        if let Some(x) = sizes.get_mut(g) {
            *x += 1;
        }
        label.push(g);
    }
    (Groups::from_labels(&label, &sizes), acr, alias)
}

/// A single word with place cues and no person cue in this mention ("in Jackson",
/// "JACKSON, Mississippi (AP) -"), not a gazetteer place.
fn placeish(c: &Candidate) -> bool {
    c.n_words == 1 && !c.acronym && c.place.is_none() && c.cues.place >= 3 && c.cues.person <= 0 && !c.possessive && !c.reporting && !c.honorific && c.role.is_none()
}

/// Items 0..n split into numbered groups, each group's items in increasing order, all in
/// one list.
struct Groups {
    items: Vec<usize>,
    /// Where each group starts in `items` (and, last, the end).
    starts: Vec<usize>,
}

impl Groups {
    /// From each item's group number (`labels`) and each group's size.
    fn from_labels(labels: &[usize], sizes: &[usize]) -> Self {
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0;
        for &s in sizes {
            starts.push(at);
            at += s;
        }
        starts.push(at);
        let mut next: Vec<usize> = starts.clone();
        let mut items = vec![0; labels.len()];
        for (i, &g) in labels.iter().enumerate() {
            if let Some(p) = next.get_mut(g) {
                if let Some(x) = items.get_mut(*p) {
                    *x = i;
                }
                *p += 1;
            }
        }
        Groups { items, starts }
    }

    /// The items of group `g`.
    fn get(&self, g: usize) -> &[usize] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The groups in order.
    fn iter(&self) -> impl Iterator<Item = &[usize]> {
        self.starts.windows(2).map(|w| self.items.get(w[0]..w[1]).unwrap_or(&[]))
    }
}
