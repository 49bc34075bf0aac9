//! Entities: people, places and organisations, found per document and merged across
//! documents, one [`Entity`] per real-world entity with every spelling each source used.
//!
//! Stages (submodules):
//! - [`mentions`]: runs of capitalised words split into names, titles (kept as roles),
//!   demonyms (links, not mentions) and gazetteer places, with local kind cues; acronym
//!   definitions;
//! - confirmation ([`confirm`]): sentence-initial and headline-case words are kept only when the
//!   same name appears in running text elsewhere, is in the gazetteer, is a family name of
//!   a person of the document, or has a person cue (title, reporting verb, possessive);
//!   words seen lowercase anywhere in the input are dropped from the front of such names;
//! - within a document ([`local`]): same folded name; a single word or "Mr. X" joins the one
//!   multi-word person whose family name it is; an acronym joins its long form by
//!   definition ("Long Form (ABBR)", "ABBR (Long Form)", Schwartz–Hearst, see
//!   [`acronyms`]) or by initials; an acronym defined with a lowercase long form is a term
//!   ("liquefied petroleum gas (LPG)"), an entity of kind other;
//! - ([`qualify`]) organisation names with a place written next to them ("Russia's Foreign Ministry",
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
//! are not mentions. Inside page furniture (date lines, bylines, photo credits, captions,
//! contributor lines, "Related" lists) only an organisation's name that the running
//! text of some source also names is a mention (an agency credited for a photo, a byline's
//! outlet).

pub mod acronyms;
pub mod clustering;
pub mod keys;
pub mod kinds;
pub mod mentions;
pub mod tables;

mod confirm;
mod local;
mod qualify;

use confirm::*;
use local::*;
use qualify::*;

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

/// A name as bylines and credits give them: an acronym, a known institution or a name
/// read as an organisation ("Wire Photo Agency"), not a caption's place or person.
fn credited(c: &Candidate) -> bool {
    c.acronym || c.known_org.is_some() || (c.place.is_none() && c.cues.org > 0 && c.cues.org >= c.cues.person.max(c.cues.place))
}

/// Hash of a name key (for the set of names seen in running text).
fn key_hash(k: &str) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<tables::FxHasher>::default().hash_one(k)
}

fn key_of(c: &Candidate) -> &str {
    &c.key
}

/// Finds and clusters the entities of all documents. Mention spans are UTF-8 byte offsets.
pub fn analyze(docs: &[TextDoc]) -> Vec<Entity> {
    let t = tables();
    let mut lowercase_seen = tables::WordFilter::for_text(docs.iter().map(|d| d.text.len()).sum());
    let mut found: Vec<mentions::DocMentions> = docs.iter().map(|d| mentions::find(d, &mut lowercase_seen)).collect();
    // Names inside page furniture, per document, set apart until the running text is known.
    let mut furniture: Vec<Vec<Candidate>> = Vec::with_capacity(docs.len());
    for (d, f) in docs.iter().zip(found.iter_mut()) {
        let mut set_apart = Vec::new();
        if !d.furniture.is_empty() {
            let (inside, story): (Vec<Candidate>, Vec<Candidate>) =
                std::mem::take(&mut f.candidates).into_iter().partition(|c| in_furniture(d, c.start, c.end));
            f.candidates = story;
            set_apart = inside;
            f.definitions.retain(|x| !in_furniture(d, x.long_start, x.long_end));
        }
        furniture.push(set_apart);
    }
    // Title-case acronyms defined in any document ("Federal Emergency Management Agency
    // (Fema)") are acronyms wherever they are written.
    mark_defined_acronyms(docs, &mut found);
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
    // A name inside furniture is a mention only when it is an organisation's (see
    // [`credited`]) and the running text of some source names it too: the agency of a photo credit ("Photo: AFP"), the outlet of a byline ("By Ana
    // Ruiz, CNN") when a story cites them; never a photographer or an author named nowhere
    // else, nor a credit's other words.
    // (any story mention counts, a headline's or a sentence's first word too: "(Wire) —")
    let weak: HashSet<u64> = if furniture.iter().any(|f| f.iter().any(credited)) {
        found.iter().flat_map(|f| f.candidates.iter().filter(|c| c.weak_first || c.headline).map(|c| key_hash(key_of(c)))).collect()
    } else {
        HashSet::default()
    };
    let keep: Vec<Vec<Candidate>> = furniture
        .into_iter()
        .map(|v| {
            v.into_iter()
                .filter(|c| c.n_words <= 4 && credited(c) && {
                    let h = key_hash(key_of(c));
                    strong.contains(&h) || weak.contains(&h)
                })
                .collect()
        })
        .collect();
    drop(weak);
    for (f, set_apart) in found.iter_mut().zip(keep) {
        let before = f.candidates.len();
        f.candidates.extend(set_apart);
        if f.candidates.len() > before {
            crate::sort::by_key(&mut f.candidates, |c| [int(c.start), int(c.end), 0]);
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
                .map(|mut c| {
                    trim_title_modifiers(&mut c, d.text, &lowercase_seen);
                    c
                })
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
    // Per document: local groups. (The lists per group are sized by the groups found, not
    // by the candidates: a name written 10,000 times is one group.)
    let total: usize = accepted.iter().map(Vec::len).sum();
    let mut member_list: Vec<(usize, usize)> = Vec::with_capacity(total);
    let mut def_ends: Vec<(usize, &str)> = Vec::new();
    for (di, cands) in accepted.iter_mut().enumerate() {
        let defs = &found[di].definitions;
        // Terms: acronyms defined by a lowercase long form ("liquefied natural gas (LNG)",
        // "the measles, mumps and rubella (MMR) vaccine") name things, not organisations.
        let terms: HashSet<&str> = defs.iter().filter(|d| d.term).map(|d| d.acronym.as_str()).collect();
        if !terms.is_empty() {
            for c in cands.iter_mut().filter(|c| c.acronym && terms.contains(acronym_of(docs[di].text.get(c.start..c.end).unwrap_or("")).as_str())) {
                c.cues.thing += 4;
                c.cues.org = c.cues.org.min(0);
            }
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
    let grouped: Vec<_> = accepted.iter().enumerate().map(|(di, cands)| local_groups(docs.get(di), cands, &found[di].definitions)).collect();
    let n_groups: usize = grouped.iter().map(|g| g.0.len()).sum();
    let mut locals: Vec<Local> = Vec::with_capacity(n_groups);
    // The members of each local group: a range of `member_list`, (doc, candidate index).
    let mut members: Vec<std::ops::Range<usize>> = Vec::with_capacity(n_groups);
    // The distinct names of all the local groups, each group's a range (set once all are
    // built: one list instead of one per group).
    let mut all_names: Vec<Name> = Vec::with_capacity(n_groups);
    let mut name_ranges: Vec<std::ops::Range<usize>> = Vec::with_capacity(n_groups);
    for (di, (cands, (groups, acr, alias))) in accepted.iter().zip(grouped).enumerate() {
        let defs = &found[di].definitions;
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
                if let Some(r) = &c.role {
                    let h = key_hash(&crate::text::fold::fold(r));
                    if !l.roles.contains(&h) {
                        l.roles.push(h);
                    }
                }
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

/// Marks as acronyms the title-case single words ("Fema") whose capitals an acronym defined
/// in some document spells.
fn mark_defined_acronyms(docs: &[TextDoc], found: &mut [mentions::DocMentions]) {
    let defined: HashSet<&str> = found
        .iter()
        .zip(docs)
        .flat_map(|(f, d)| f.definitions.iter().filter(|x| !x.term && !x.alias).filter_map(move |x| d.text.get(x.short_start..x.short_end)))
        .filter(|w| mentions::title_case_word(w))
        .collect();
    if defined.is_empty() {
        return;
    }
    for (f, d) in found.iter_mut().zip(docs) {
        for c in f.candidates.iter_mut().filter(|c| c.n_words == 1 && !c.acronym) {
            if d.text.get(c.start..c.end).is_some_and(|w| defined.contains(w)) {
                c.acronym = true;
                c.cues.org += 3;
                c.cues.person = c.cues.person.min(0);
                c.cues.plain = 0;
            }
        }
    }
}
