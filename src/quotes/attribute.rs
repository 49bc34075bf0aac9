//! Resolving who said a quotation to an entity: a written attribution (name, pronoun,
//! role phrase), a headline's "Speaker: “…”" or "“…”: speaker verb", and the speakers of
//! an interview transcript's turns.

use std::collections::HashMap;

use crate::report::{Entity, EntityKind};
use crate::text::TextDoc;

use super::mentions::{Gender, Genders, Ment, Mentions};
use super::speaker::{self, Attribution, SpeakerKind};

/// Resolves an attribution to an entity id. `skip` is where names are not the antecedent
/// of a pronoun (the quotation and the clause around it: "Asked about Brenner, he said").
pub(super) fn resolve(a: &Attribution, doc: &TextDoc, skip: std::ops::Range<usize>, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<usize> {
    match a.kind {
        SpeakerKind::Name => mentions.covering(doc.id, a.start, a.end),
        SpeakerKind::Pronoun => {
            let g = match doc.text.get(a.start..a.end).map(str::to_lowercase).as_deref() {
                Some("he") => Some(Gender::Male),
                Some("she") => Some(Gender::Female),
                // "it", "they": an organization named in this sentence or the one before.
                _ => return mentions.last_org(doc, a.start, skip, None, entities),
            };
            let (e, sure) = mentions
                .last_person_sure(doc, a.start, skip, (None, g), genders, entities)
                .or_else(|| mentions.last_person_sure(doc, a.start, 0..0, (None, g), genders, entities))?;
            if let Some(g) = g.filter(|_| sure) {
                genders.entry(e).or_insert(g);
            }
            Some(e)
        }
        SpeakerKind::Phrase => {
            let t = doc.text.get(a.start..a.end)?.to_lowercase();
            let words: Vec<&str> = t.split_whitespace().collect();
            // "the president", "the interior minister", "the city's mayor", "governor".
            let role = match words.as_slice() {
                [w] => Some(*w),
                ["the", .., last] => Some(*last),
                _ => None,
            }?;
            // "the 69-year-old leader", "the 52-year-old": a description by age refers
            // back to the person just named (in its sentence or the two before).
            let aged = |w: &str| w.strip_suffix("-year-old").is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
            if words.first() == Some(&"the") && words.iter().any(|w| aged(w)) {
                if let Some(e) = mentions.last_person_within(doc, a.start, skip.clone(), 2) {
                    return Some(e);
                }
            }
            if !speaker::is_title_lower(role) {
                // "the organisation", "the agency": the organization just named.
                const ORG_NOUNS: [&str; 12] = ["organisation", "organization", "agency", "company", "group", "charity", "firm", "ministry", "union", "bank", "department", "programme"];
                if words.len() == 2 && ORG_NOUNS.contains(&role) {
                    let generic = matches!(role, "organisation" | "organization" | "agency" | "company" | "group" | "charity" | "firm");
                    return mentions.last_org(doc, a.start, 0..0, Some(role), entities).or_else(|| if generic { mentions.last_org(doc, a.start, 0..0, None, entities) } else { None });
                }
                return None;
            }
            mentions
                .last_person(doc, a.start, 0..0, (Some(role), None), genders, entities)
                .or_else(|| mentions.next_person_with_role(doc.id, a.end, role, entities))
        }
    }
}

/// The speaker of a headline or caption quotation "<speaker>: “…”": up to five words
/// from the line start to a colon right before the opening mark. The entity is the person
/// mentioned there, or the person with the role its last word names.
pub(super) fn colon_speaker(doc: &TextDoc, open_at: usize, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<(Option<usize>, (usize, usize))> {
    let before = doc.text.get(..open_at)?;
    if !before.trim_end().ends_with(':') {
        return None;
    }
    // The line start, looked for in the last HEAD_WINDOW bytes only (a head of at most
    // five words is shorter: the work per quotation stays bounded on one huge line).
    let from = floor_boundary(before, open_at.saturating_sub(HEAD_WINDOW));
    let window = before.get(from..)?;
    let mut line_start = match window.rfind('\n') {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => usize::MAX,
    };
    // (Or the start of its sentence: "Work went on. The minister was blunt: “…”".)
    if let Some(r) = doc.sentences.get(doc.sentence_of(open_at)) {
        if r.start < open_at && (r.start > line_start || line_start == usize::MAX && r.start >= from) {
            line_start = r.start;
        }
    }
    if line_start == usize::MAX {
        return None;
    }
    // (A bullet or dash first: "- Fire chief: “…”".)
    let line = before.get(line_start..)?;
    let body = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '—' | '·'));
    let line_start = line_start + (line.len() - body.len());
    let head = body.trim_end();
    let head = head.strip_suffix(':')?;
    let lead = head.len() - head.trim_start().len();
    let words = head.split_whitespace().count();
    if words == 0 || words > 5 || !head.trim_start().starts_with(char::is_uppercase) || head.contains(['"', '“', '”', '.', ',']) {
        return None;
    }
    let (start, end) = (line_start + lead, line_start + head.len());
    let last = head.split_whitespace().last().unwrap_or("").to_lowercase();
    let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
    if let Some(m) = mentions.covering_mention(doc.id, start, end).filter(|m| is_person(m.entity)) {
        // The name alone when other words follow it ("Varga was defiant:"), else the
        // whole head ("Mayor Ruiz:").
        let span = if m.end < end { (m.start.max(start), m.end) } else { (start, end) };
        return Some((Some(m.entity), span));
    }
    let a = Attribution { start, end, kind: SpeakerKind::Phrase, clause_end: end };
    if speaker::is_title_lower(&last) {
        let entity = resolve(&Attribution { start: end - last.len(), ..a }, doc, 0..0, mentions, genders, entities);
        return Some((entity, (start, end)));
    }
    // "The minister was blunt:": "the" and a role noun first.
    let mut words = head.split_whitespace();
    if words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        if let Some(role) = words.next().filter(|w| speaker::is_title_lower(&w.to_lowercase())) {
            let role_end = head.find(role).map_or(end, |p| line_start + p + role.len());
            let phrase = Attribution { end: role_end, clause_end: role_end, ..a };
            return Some((resolve(&phrase, doc, 0..0, mentions, genders, entities), (start, role_end)));
        }
    }
    Some((None, (start, end)))
}

/// The speaker of a headline whose quotation comes first: "“We will not yield”: defiant
/// minister rejects calls", "‘…’: Ruiz vows inquiry". The quotation opens its line, a
/// colon follows it and the line is short; the speaker is the person mentioned in the
/// first four words after the colon, or the first role noun among them (resolved to the
/// person with that role).
pub(super) fn colon_after(doc: &TextDoc, open_at: usize, close_end: usize, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<(Option<usize>, (usize, usize))> {
    let before = doc.text.get(..open_at)?;
    // Only spaces and bullets between the line start and the opening mark.
    let lead = before.trim_end_matches(|c: char| c != '\n' && (c.is_whitespace() || matches!(c, '-' | '*' | '•')));
    if !(lead.is_empty() || lead.ends_with('\n')) {
        return None;
    }
    // The rest of the line, when it is short (looked for in a bounded window).
    let rest = doc.text.get(close_end..)?;
    let window = rest.get(..floor_boundary(rest, HEAD_WINDOW * 2)).unwrap_or(rest);
    let line = match window.find('\n') {
        Some(p) => window.get(..p)?,
        None if window.len() == rest.len() => window,
        None => return None,
    };
    let after = line.trim_start().strip_prefix(':')?;
    if after.split_whitespace().nth(12).is_some() {
        return None;
    }
    let base = close_end + (line.len() - after.len());
    let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
    let mut at = 0;
    for w in after.split_whitespace().take(4) {
        let ws = at + after.get(at..)?.find(w)?;
        at = ws + w.len();
        let word = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let (s, e) = (base + ws, base + ws + word.len());
        if let Some(m) = mentions.covering_mention(doc.id, s, e).filter(|m| is_person(m.entity)) {
            return Some((Some(m.entity), (m.start, m.end)));
        }
        if speaker::is_title_lower(&word.to_lowercase()) {
            let a = Attribution { start: s, end: e, kind: SpeakerKind::Phrase, clause_end: e };
            return Some((resolve(&a, doc, 0..0, mentions, genders, entities), (s, e)));
        }
    }
    None
}

/// Phrases that introduce the person interviewed ("We spoke to fire chief Dana Orr", "in
/// an interview with X", "X sat down with the Courier"), lowercase ASCII.
pub(super) const INTERVIEW_CUES: [&str; 16] = [
    "interview with", "interviewed", "spoke to", "spoke with", "speaks to", "speaks with", "talked to", "talked with", "talks to", "talks with", "sat down with",
    "sits down with", "conversation with", "asked", "q&a with", "questions to",
];

/// The person interviewed in a transcript whose first turn starts at `first_turn`: in
/// the introduction before it, the person named after an interview cue in its sentence
/// ("We spoke to fire chief Dana Orr"), else the person named before the cue in that
/// sentence ("Dana Orr spoke to the Courier"), else the person named most often in the
/// introduction (the first of them on a tie).
pub(super) fn interviewee(doc: &TextDoc, first_turn: usize, mentions: &Mentions) -> Option<usize> {
    let intro = doc.text.get(..first_turn)?;
    let persons: Vec<Ment> = mentions.by_doc.get(&doc.id)?.iter().filter(|m| m.person && m.end <= first_turn).copied().collect();
    if persons.is_empty() {
        return None;
    }
    let low = intro.to_ascii_lowercase();
    let low = low.as_str();
    let mut cues: Vec<(usize, usize)> = INTERVIEW_CUES.iter().flat_map(|c| low.match_indices(c).map(|(p, m)| (p, p + m.len()))).collect();
    crate::sort::by_key(&mut cues, |&(a, b)| [a as u64, b as u64, 0]);
    // (The first few cues: an introduction names the person early.)
    for (cs, ce) in cues.into_iter().take(16) {
        let sentence = doc.sentences.get(doc.sentence_of(cs)).cloned().unwrap_or(0..first_turn);
        if let Some(m) = persons.iter().find(|m| m.start >= ce && m.start < ce + 80 && m.start < sentence.end) {
            return Some(m.entity);
        }
        if let Some(m) = persons.iter().rev().find(|m| m.end <= cs && m.start >= sentence.start) {
            return Some(m.entity);
        }
    }
    let mut counts: HashMap<usize, usize, crate::hash::FnvBuild> = HashMap::default();
    for m in &persons {
        *counts.entry(m.entity).or_default() += 1;
    }
    let mut best: Option<(usize, usize)> = None; // (count, entity)
    for m in &persons {
        let n = counts.get(&m.entity).copied().unwrap_or(0);
        if best.map_or(true, |(b, _)| n > b) {
            best = Some((n, m.entity));
        }
    }
    best.map(|(_, e)| e)
}

/// True when the introduction of a transcript (the text before `first_turn`) says it is
/// an interview ("Interview:", "we spoke to", "talked with", …).
pub(super) fn says_interview(doc: &TextDoc, first_turn: usize) -> bool {
    let low = doc.text.get(..first_turn).unwrap_or("").to_ascii_lowercase();
    // ("asked" alone is no sign: "frequently asked questions".)
    low.contains("interview") || INTERVIEW_CUES.iter().filter(|&&c| c != "asked").any(|c| low.contains(c))
}

/// True when words speak in the first person ("I", "we", "my", "our", …).
pub(super) fn first_person(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').any(|w| {
        let w = w.split(['\'', '’']).next().unwrap_or("");
        w == "I" || ["we", "my", "our", "me", "us"].iter().any(|p| p.eq_ignore_ascii_case(w))
    })
}

/// The speaker of a named transcript turn ("Mayor Lind:"): the person mentioned in the
/// label, else the person of this document whose name ends with the label's last word,
/// else the person with the role the label names ("Chief:"), else the interviewee when
/// the label is a role.
pub(super) fn turn_speaker(doc: &TextDoc, label: (usize, usize), mentions: &Mentions, genders: &mut Genders, entities: &[Entity], intro_person: Option<usize>) -> Option<usize> {
    let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
    if let Some(e) = mentions.covering(doc.id, label.0, label.1).filter(|&e| is_person(e)) {
        return Some(e);
    }
    let text = doc.text.get(label.0..label.1)?;
    let last = text.split_whitespace().last()?.trim_end_matches('.');
    if let Some(v) = mentions.by_doc.get(&doc.id) {
        let named = v.iter().filter(|m| m.person).map(|m| m.entity).find(|&e| {
            entities.get(e).is_some_and(|x| x.name.split_whitespace().last().is_some_and(|w| w.eq_ignore_ascii_case(last)))
        });
        if named.is_some() {
            return named;
        }
    }
    let role = last.to_lowercase();
    if speaker::is_title_lower(&role) {
        let a = Attribution { start: label.1 - last.len(), end: label.1, kind: SpeakerKind::Phrase, clause_end: label.1 };
        return resolve(&a, doc, 0..0, mentions, genders, entities).or(intro_person);
    }
    None
}

/// How far back a headline's speaker ("Fire chief: “…”") is looked for, in bytes.
const HEAD_WINDOW: usize = 256;

/// The largest char boundary of `text` at or below `at`.
pub(super) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
