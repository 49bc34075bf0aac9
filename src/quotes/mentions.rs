//! Who is mentioned where, for attributing quotations: each document's mentions in
//! order (persons marked, those inside quotations marked), the last person or organization
//! before a position, the subject of a sentence, and what is known of each person's gender
//! (honorifics, gendered roles, pronouns after a mention).

use std::collections::HashMap;

use crate::report::{Entity, EntityKind};
use crate::text::TextDoc;

use super::doc_by_id;
use super::spans;

/// One mention, flattened for lookups.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ment {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) entity: usize,
    pub(super) person: bool,
    /// Inside a quotation of its document: a name someone said, not the antecedent of
    /// a pronoun in a reporting clause.
    pub(super) quoted: bool,
}

/// Mentions by document, sorted by start.
pub(super) struct Mentions {
    pub(super) by_doc: HashMap<usize, Vec<Ment>, crate::hash::FnvBuild>,
}

impl Mentions {
    pub(super) fn new(entities: &[Entity]) -> Self {
        let mut by_doc: HashMap<usize, Vec<Ment>, crate::hash::FnvBuild> = HashMap::default();
        for (id, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                by_doc.entry(m.doc).or_default().push(Ment {
                    start: m.start as usize,
                    end: m.end as usize,
                    entity: id,
                    person: e.kind == EntityKind::Person,
                    quoted: false,
                });
            }
        }
        for v in by_doc.values_mut() {
            crate::sort::by_key(v, |m| [crate::sort::int(m.start), crate::sort::int(m.end), 0]);
        }
        Mentions { by_doc }
    }

    /// Marks the mentions of `doc` that lie inside one of `spans` (sorted by start; a
    /// partial quotation of a word or two does not count).
    pub(super) fn mark_quoted(&mut self, doc: usize, spans: &[spans::RawQuote]) {
        let Some(v) = self.by_doc.get_mut(&doc) else { return };
        let mut k = 0;
        for m in v.iter_mut() {
            while spans.get(k).is_some_and(|r| r.end <= m.start) {
                k += 1;
            }
            m.quoted = spans.iter().skip(k).take_while(|r| r.start <= m.start).any(|r| !r.short && m.end <= r.end);
        }
    }

    /// The entity whose mention overlaps `start..end` most (persons preferred).
    pub(super) fn covering(&self, doc: usize, start: usize, end: usize) -> Option<usize> {
        self.covering_mention(doc, start, end).map(|m| m.entity)
    }

    /// The mention (persons preferred) that overlaps `start..end` most, as [`Self::covering`].
    pub(super) fn covering_mention(&self, doc: usize, start: usize, end: usize) -> Option<Ment> {
        let v = self.by_doc.get(&doc)?;
        let from = v.partition_point(|m| m.end <= start.saturating_sub(200));
        v.iter()
            .skip(from)
            .take_while(|m| m.start < end)
            .filter(|m| m.start < end && m.end > start)
            .max_by_key(|m| (m.end.min(end) - m.start.max(start), m.person))
            .copied()
    }

    /// The last person mentioned before `pos` (and not in `skip`), optionally one whose
    /// entity has a role ending in the word `role` ("minister" finds "Interior
    /// Minister"), and not known to be of another gender than `gender`.
    pub(super) fn last_person(&self, doc: &TextDoc, pos: usize, skip: std::ops::Range<usize>, rg: (Option<&str>, Option<Gender>), genders: &Genders, entities: &[Entity]) -> Option<usize> {
        self.last_person_sure(doc, pos, skip, rg, genders, entities).map(|(e, _)| e)
    }

    /// [`Self::last_person`], and whether the choice was clear (the person's gender was
    /// known, or no other person of unknown gender was mentioned just before): only a
    /// clear choice teaches the person's gender.
    pub(super) fn last_person_sure(&self, doc: &TextDoc, pos: usize, skip: std::ops::Range<usize>, (role, gender): (Option<&str>, Option<Gender>), genders: &Genders, entities: &[Entity]) -> Option<(usize, bool)> {
        let sentence_of = |p: usize| doc.sentence_of(p);
        let v = self.by_doc.get(&doc.id)?;
        let upto = v.partition_point(|m| m.end <= pos);
        let before = v.get(..upto)?;
        // A person's gender: known, or told by a pronoun after one of their mentions.
        let gender_of = |e: usize| genders.get(&e).copied().or_else(|| gender.and_then(|_| pronoun_evidence(doc, before, e, pos)));
        let mut fits = before
            .iter()
            .rev()
            .filter(|m| m.person && !m.quoted && !(m.start >= skip.start && m.start < skip.end))
            // (The last persons named only: the work per quotation stays bounded.)
            .take(PERSONS_LOOKED_AT)
            .filter(|m| has_role(entities, m.entity, role) && gender.map_or(true, |g| gender_of(m.entity).map_or(true, |x| x == g)));
        let first = fits.next()?;
        // A person known to be of the pronoun's gender goes before one of unknown gender
        // mentioned after them in the same sentence or the one before it in its paragraph
        // ("Mrs. Ruiz met army chief Tomas Berg. “…,” she said").
        let Some(g) = gender else { return Some((first.entity, true)) };
        if gender_of(first.entity) == Some(g) {
            return Some((first.entity, true));
        }
        let second = fits.find(|m| m.entity != first.entity);
        let near = |m: &Ment| {
            let (a, b) = (sentence_of(m.start), sentence_of(first.start));
            a == b || (a + 1 == b && !doc.text.get(m.end..first.start).unwrap_or("\n").contains('\n'))
        };
        match second {
            Some(m) if gender_of(m.entity) == Some(g) && near(m) => Some((m.entity, true)),
            Some(m) => Some((first.entity, sentence_of(first.start).saturating_sub(sentence_of(m.start)) > 2)),
            None => Some((first.entity, true)),
        }
    }

    /// The last person mentioned before `pos` (not quoted, not in `skip`) in the sentence
    /// of `pos` or the `back` sentences before it.
    pub(super) fn last_person_within(&self, doc: &TextDoc, pos: usize, skip: std::ops::Range<usize>, back: usize) -> Option<usize> {
        let v = self.by_doc.get(&doc.id)?;
        let upto = v.partition_point(|m| m.end <= pos);
        let from = doc.sentences.get(doc.sentence_of(pos).saturating_sub(back)).map_or(0, |r| r.start);
        v.get(..upto)?
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
            .take(PERSONS_LOOKED_AT)
            .find(|m| m.person && !m.quoted && !skip.contains(&m.start))
            .map(|m| m.entity)
    }

    /// The last organization mentioned before `pos` (not in `skip`, not quoted) in the
    /// sentence of `pos` or the one before it; with `word`, one whose name has that word
    /// ("the ministry" is the "Interior Ministry").
    pub(super) fn last_org(&self, doc: &TextDoc, pos: usize, skip: std::ops::Range<usize>, word: Option<&str>, entities: &[Entity]) -> Option<usize> {
        let v = self.by_doc.get(&doc.id)?;
        let upto = v.partition_point(|m| m.end <= pos);
        let from = doc.sentences.get(doc.sentence_of(pos).saturating_sub(1)).map_or(0, |r| r.start);
        v.get(..upto)?
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
            .take(PERSONS_LOOKED_AT)
            .filter(|m| !m.quoted && !skip.contains(&m.start))
            .find(|m| {
                entities.get(m.entity).is_some_and(|e| {
                    e.kind == EntityKind::Org && word.map_or(true, |w| e.name.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
                })
            })
            .map(|m| m.entity)
    }

    /// The first person mentioned after `pos` whose entity has a role ending in `role`
    /// (a headline's "…, says governor" names the governor further down).
    pub(super) fn next_person_with_role(&self, doc: usize, pos: usize, role: &str, entities: &[Entity]) -> Option<usize> {
        let v = self.by_doc.get(&doc)?;
        let from = v.partition_point(|m| m.start < pos);
        v.get(from..)?.iter().filter(|m| m.person).take(PERSONS_LOOKED_AT).find(|m| has_role(entities, m.entity, Some(role))).map(|m| m.entity)
    }

    /// The first person mentioned in `range` of `doc`, when few words come before it
    /// (the subject of the sentence: "Tal spoke to supporters.", "11:10 - Mayor Ivan
    /// Horvat said…").
    pub(super) fn subject_in(&self, doc: &TextDoc, range: std::ops::Range<usize>) -> Option<(usize, (usize, usize))> {
        let v = self.by_doc.get(&doc.id)?;
        let from = v.partition_point(|m| m.start < range.start);
        // Not an object ("Asked about Ruiz, …", "Ruiz's order"); an introductory clause
        // before a comma may come first ("Asked about Ruiz's order, UN spokesman Ivo Kral …").
        // (Among its first mentions only: the subject comes early, and the work per
        // quotation stays bounded in a huge sentence.)
        let m = v.get(from..)?.iter().take_while(|m| m.end <= range.end).take(SUBJECT_MENTIONS).find(|m| {
            if !m.person {
                return false;
            }
            let prev = doc.text.get(range.start..m.start).and_then(|t| t.split_whitespace().next_back()).unwrap_or("");
            let after = doc.text.get(m.end..).unwrap_or("");
            !matches!(prev, "about" | "with" | "to" | "for" | "by" | "of" | "from" | "against" | "on" | "at" | "and") && !after.starts_with(['\'', '’'])
        })?;
        let before = doc.text.get(range.start..m.start)?;
        // The words after the last comma, looked for in a bounded window (more than six
        // words would not fit in it).
        let from = super::attribute::floor_boundary(before, before.len().saturating_sub(240));
        let window = before.get(from..)?;
        let before = match window.rsplit_once(',') {
            Some((_, b)) => b,
            None if from == 0 => window,
            None => return None,
        };
        // Capitalized words (titles, a time, a dash) and at most three lowercase words.
        let lower_words = before.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
        (before.split_whitespace().count() <= 6 && lower_words <= 3 && !before.contains(['"', '“', '”', '«', '»'])).then_some((m.entity, (m.start, m.end)))
    }
}

/// How many mentions a speaker is looked for among, back from a pronoun or a role (or,
/// for an organization, in its sentence and the one before), or forward from a headline.
const PERSONS_LOOKED_AT: usize = 256;

/// How many mentions at the start of a sentence [`Mentions::subject_in`] looks at.
const SUBJECT_MENTIONS: usize = 16;

/// Known gender of a person entity, for resolving "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

pub(super) type Genders = HashMap<usize, Gender, crate::hash::FnvBuild>;

/// Gendered honorifics and role nouns ("Mrs", "spokeswoman", "king").
pub(super) const MALE_WORDS: [&str; 16] = [
    "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "businessman", "congressman", "councilman", "herr", "monsieur", "emperor", "sultan", "sheikh", "father",
];
pub(super) const FEMALE_WORDS: [&str; 19] = [
    "mrs", "ms", "miss", "mme", "mlle", "madam", "madame", "lady", "dame", "queen", "princess", "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "councilwoman", "frau", "empress", "actress",
];

pub(super) fn gender_of_word(w: &str) -> Option<Gender> {
    let l = w.trim_end_matches('.');
    if l.len() < 2 || l.len() > 13 {
        return None;
    }
    if MALE_WORDS.iter().any(|m| m.eq_ignore_ascii_case(l)) {
        Some(Gender::Male)
    } else if FEMALE_WORDS.iter().any(|m| m.eq_ignore_ascii_case(l)) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Genders known from roles ("spokeswoman") and from honorifics written before a mention
/// ("Mrs. Ruiz").
pub(super) fn known_genders(docs: &[TextDoc], entities: &[Entity]) -> Genders {
    let mut g: Genders = HashMap::default();
    for (id, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        let from_roles = e.roles.iter().filter_map(|r| r.split_whitespace().last().and_then(gender_of_word)).next();
        let from_text = || {
            e.mentions.iter().find_map(|m| {
                let d = doc_by_id(docs, m.doc)?;
                let s = m.start as usize;
                let before = d.text.get(s.saturating_sub(8).min(s)..s).or_else(|| d.text.get(..s).and_then(|t| t.get(t.len().saturating_sub(4)..)))?;
                before.split_whitespace().last().and_then(gender_of_word)
            })
        };
        if let Some(x) = from_roles.or_else(from_text) {
            g.insert(id, x);
        }
    }
    g
}

/// The gender told by a third-person pronoun ("he", "his", "her", …) after a mention of
/// person `entity` (among `before`, the mentions before `pos`), before the next person
/// is mentioned and outside quotations ("Water Minister Karl Moen visited the town. His
/// deputy, …": a man). Only the text up to the first quotation mark is read.
pub(super) fn pronoun_evidence(doc: &TextDoc, before: &[Ment], entity: usize, pos: usize) -> Option<Gender> {
    // (Only the mentions of the last few paragraphs: the work stays bounded.)
    let lo = before.partition_point(|m| m.start.saturating_add(3000) < pos);
    let before = before.get(lo..).unwrap_or(&[]);
    if before.last().map_or(true, |m| m.start.saturating_add(3000) < pos) {
        return None;
    }
    for (k, m) in before.iter().enumerate().filter(|(_, m)| m.entity == entity && !m.quoted) {
        let next = before.get(k + 1..).and_then(|r| r.iter().find(|x| x.person && x.entity != entity)).map_or(pos, |x| x.start);
        let mut end = next.min(pos).min(m.end + 300).max(m.end);
        while end > m.end && !doc.text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(window) = doc.text.get(m.end..end) else { continue };
        let window = window.split(['"', '“', '”', '«', '»', '„', '‘']).next().unwrap_or("");
        // A subject pronoun ("…, he said", "He left"), or a possessive opening a sentence
        // ("His deputy, …"); not an object ("Brandt defended him": someone else).
        let mut sentence_start = false;
        for w in window.split(|c: char| c.is_whitespace()) {
            let core = w.trim_matches(|c: char| !c.is_alphabetic());
            match core {
                "he" | "He" => return Some(Gender::Male),
                "she" | "She" => return Some(Gender::Female),
                "His" if sentence_start => return Some(Gender::Male),
                "Her" if sentence_start => return Some(Gender::Female),
                _ => {}
            }
            sentence_start = w.ends_with(['.', '!', '?']);
        }
    }
    None
}

/// True when entity `id` has a role with the word `role` (or `role` is `None`).
pub(super) fn has_role(entities: &[Entity], id: usize, role: Option<&str>) -> bool {
    match role {
        None => true,
        // (Any word of the role: "the minister" is the "Interior Minister", "Norvex
        // chief" the "chief executive".)
        Some(r) => entities.get(id).is_some_and(|e| e.roles.iter().any(|x| x.split_whitespace().any(|l| l.eq_ignore_ascii_case(r)))),
    }
}

/// True when speakers `a` and `b` (entity ids) are one: the same entity, or two persons
/// one of whose names is made of words of the other's ("Ajay" and "Ajay Rana KC" in two
/// sources, which the entity stage left apart). Two persons of different names are two
/// speakers.
pub(super) fn same_speaker(entities: &[Entity], a: usize, b: usize) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (entities.get(a), entities.get(b)) else { return false };
    if x.kind != EntityKind::Person || y.kind != EntityKind::Person {
        return false;
    }
    let words = |s: &str| -> Vec<String> { s.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).map(crate::text::fold::fold).collect() };
    let (wx, wy) = (words(&x.name), words(&y.name));
    let (short, long) = if wx.len() <= wy.len() { (&wx, &wy) } else { (&wy, &wx) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}
