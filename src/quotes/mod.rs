//! Quotes: quotation spans, speakers, and alignment across documents.
//!
//! 1. Spans ([`spans`]): text between quotation marks (straight, curly, guillemets, „…“,
//!    British single quotes outside double ones, apostrophes left alone), nested single
//!    quotes kept inside, multi-paragraph quotations joined; scare quotes of fewer than
//!    three words dropped, and terms and titles ("so-called “…”", "the film “…”", a short
//!    name-like phrase inside a sentence) are not quotations; nothing inside furniture.
//! 2. Speakers ([`speaker`]): the reporting clause after the quotation (", he said",
//!    "said X", "X said", "X, the city's mayor, said", "according to X", "says governor")
//!    or before it in its sentence ("X told Y:"), or a headline's "X: “…”". A quotation
//!    with no clause of its own continues the previous quotation of the same speaker (also
//!    in the next paragraph), else takes the subject of its sentence or of the sentence
//!    before. The speaker text is resolved to an entity by the mention that covers it, a
//!    pronoun to the last person before it of a compatible gender (known from honorifics,
//!    gendered roles and earlier pronouns) outside its own clause, and "the <role>" to the
//!    last (or, in a headline, next) person with that role. Two quotations whose named
//!    person speakers differ are never grouped.
//!    Interview transcripts ([`transcript`]): each answer turn ("A: …", "ANSWER: …", a
//!    named turn "Mayor Lind: …") is a quotation of the person interviewed (named after
//!    an interview cue in the introduction, or the turn's label), quotations inside it
//!    are part of it, and questions are not quotations.
//! 3. Alignment ([`align`]): quotations of different documents are grouped greedily by
//!    token similarity (at most one per document per group). Then each group, and each
//!    quotation left alone, is looked up among the other documents' sentences (through an
//!    index of tokens, so the work stays near-linear); a sentence that restates it becomes
//!    a quotation with `marked = false` (its trailing ", he said" clause trimmed off).

pub mod align;
pub mod spans;
pub mod speaker;
pub mod transcript;

use std::collections::{BTreeMap, HashMap};

use crate::report::{Entity, EntityKind, Quote, QuoteGroup};
use crate::text::TextDoc;
use crate::sort::{desc, float, int};

use speaker::{Attribution, SpeakerKind};

/// Tokens found in more quotations or sentences than this are not used to find
/// candidates (they say nothing about which belong together, and would make the work
/// quadratic on huge or repetitive input).
const MAX_POSTINGS: usize = 64;

/// One mention, flattened for lookups.
#[derive(Debug, Clone, Copy)]
struct Ment {
    start: usize,
    end: usize,
    entity: usize,
    person: bool,
    /// Inside a quotation of its document: a name someone said, not the antecedent of
    /// a pronoun in a reporting clause.
    quoted: bool,
}

/// Mentions by document, sorted by start.
struct Mentions {
    by_doc: HashMap<usize, Vec<Ment>, crate::hash::FnvBuild>,
}

impl Mentions {
    fn new(entities: &[Entity]) -> Self {
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

    /// Marks the mentions of `doc` that lie inside one of `spans` (sorted by start).
    fn mark_quoted(&mut self, doc: usize, spans: &[spans::RawQuote]) {
        let Some(v) = self.by_doc.get_mut(&doc) else { return };
        let mut k = 0;
        for m in v.iter_mut() {
            while spans.get(k).is_some_and(|r| r.end <= m.start) {
                k += 1;
            }
            m.quoted = spans.iter().skip(k).take_while(|r| r.start <= m.start).any(|r| m.end <= r.end);
        }
    }

    /// The entity whose mention overlaps `start..end` most (persons preferred).
    fn covering(&self, doc: usize, start: usize, end: usize) -> Option<usize> {
        self.covering_mention(doc, start, end).map(|m| m.entity)
    }

    /// The mention (persons preferred) that overlaps `start..end` most, as [`Self::covering`].
    fn covering_mention(&self, doc: usize, start: usize, end: usize) -> Option<Ment> {
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
    fn last_person(&self, doc: &TextDoc, pos: usize, skip: std::ops::Range<usize>, rg: (Option<&str>, Option<Gender>), genders: &Genders, entities: &[Entity]) -> Option<usize> {
        self.last_person_sure(doc, pos, skip, rg, genders, entities).map(|(e, _)| e)
    }

    /// [`Self::last_person`], and whether the choice was clear (the person's gender was
    /// known, or no other person of unknown gender was mentioned just before): only a
    /// clear choice teaches the person's gender.
    fn last_person_sure(&self, doc: &TextDoc, pos: usize, skip: std::ops::Range<usize>, (role, gender): (Option<&str>, Option<Gender>), genders: &Genders, entities: &[Entity]) -> Option<(usize, bool)> {
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

    /// The last organization mentioned before `pos` (not in `skip`, not quoted) in the
    /// sentence of `pos` or the one before it; with `word`, one whose name has that word
    /// ("the ministry" is the "Interior Ministry").
    fn last_org(&self, doc: &TextDoc, pos: usize, skip: std::ops::Range<usize>, word: Option<&str>, entities: &[Entity]) -> Option<usize> {
        let v = self.by_doc.get(&doc.id)?;
        let upto = v.partition_point(|m| m.end <= pos);
        let from = doc.sentences.get(doc.sentence_of(pos).saturating_sub(1)).map_or(0, |r| r.start);
        v.get(..upto)?
            .iter()
            .rev()
            .take_while(|m| m.start >= from)
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
    fn next_person_with_role(&self, doc: usize, pos: usize, role: &str, entities: &[Entity]) -> Option<usize> {
        let v = self.by_doc.get(&doc)?;
        let from = v.partition_point(|m| m.start < pos);
        v.get(from..)?.iter().filter(|m| m.person).find(|m| has_role(entities, m.entity, Some(role))).map(|m| m.entity)
    }

    /// The first person mentioned in `range` of `doc`, when few words come before it
    /// (the subject of the sentence: "Tal spoke to supporters.", "11:10 - Mayor Ivan
    /// Horvat said…").
    fn subject_in(&self, doc: &TextDoc, range: std::ops::Range<usize>) -> Option<(usize, (usize, usize))> {
        let v = self.by_doc.get(&doc.id)?;
        let from = v.partition_point(|m| m.start < range.start);
        // Not an object ("Asked about Ruiz, …", "Ruiz's order"); an introductory clause
        // before a comma may come first ("Asked about Ruiz's order, UN spokesman Ivo Kral …").
        let m = v.get(from..)?.iter().take_while(|m| m.end <= range.end).find(|m| {
            let prev = doc.text.get(range.start..m.start).and_then(|t| t.split_whitespace().last()).unwrap_or("");
            let after = doc.text.get(m.end..).unwrap_or("");
            m.person && !matches!(prev, "about" | "with" | "to" | "for" | "by" | "of" | "from" | "against" | "on" | "at" | "and") && !after.starts_with(['\'', '’'])
        })?;
        let before = doc.text.get(range.start..m.start)?;
        let before = before.rsplit_once(',').map_or(before, |(_, b)| b);
        // Capitalized words (titles, a time, a dash) and at most three lowercase words.
        let lower_words = before.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
        (before.split_whitespace().count() <= 6 && lower_words <= 3 && !before.contains(['"', '“', '”', '«', '»'])).then_some((m.entity, (m.start, m.end)))
    }
}

/// Known gender of a person entity, for resolving "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

type Genders = HashMap<usize, Gender, crate::hash::FnvBuild>;

/// Gendered honorifics and role nouns ("Mrs", "spokeswoman", "king").
const MALE_WORDS: [&str; 16] = [
    "mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "businessman", "congressman", "councilman", "herr", "monsieur", "emperor", "sultan", "sheikh", "father",
];
const FEMALE_WORDS: [&str; 19] = [
    "mrs", "ms", "miss", "mme", "mlle", "madam", "madame", "lady", "dame", "queen", "princess", "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "councilwoman", "frau", "empress", "actress",
];

fn gender_of_word(w: &str) -> Option<Gender> {
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
fn known_genders(docs: &[TextDoc], entities: &[Entity]) -> Genders {
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
fn pronoun_evidence(doc: &TextDoc, before: &[Ment], entity: usize, pos: usize) -> Option<Gender> {
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
fn has_role(entities: &[Entity], id: usize, role: Option<&str>) -> bool {
    match role {
        None => true,
        // (Any word of the role: "the minister" is the "Interior Minister", "Norvex
        // chief" the "chief executive".)
        Some(r) => entities.get(id).is_some_and(|e| e.roles.iter().any(|x| x.split_whitespace().any(|l| l.eq_ignore_ascii_case(r)))),
    }
}

/// A quotation while being built.
#[derive(Debug, Clone)]
struct Q {
    doc: usize,
    start: usize,
    end: usize,
    close_end: usize,
    sentence: usize,
    speaker: Option<usize>,
    speaker_text: Option<(usize, usize)>,
    marked: bool,
    tokens: Vec<align::Tok>,
    /// Runs of three tokens (marked quotations only).
    grams: Vec<align::Tok>,
}

/// Resolves an attribution to an entity id. `skip` is where names are not the antecedent
/// of a pronoun (the quotation and the clause around it: "Asked about Brenner, he said").
fn resolve(a: &Attribution, doc: &TextDoc, skip: std::ops::Range<usize>, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<usize> {
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
fn colon_speaker(doc: &TextDoc, open_at: usize, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<(Option<usize>, (usize, usize))> {
    let before = doc.text.get(..open_at)?;
    let mut line_start = before.rfind('\n').map_or(0, |p| p + 1);
    // (Or the start of its sentence: "Work went on. The minister was blunt: “…”".)
    if let Some(r) = doc.sentences.get(doc.sentence_of(open_at)) {
        if r.start > line_start && r.start < open_at {
            line_start = r.start;
        }
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
fn colon_after(doc: &TextDoc, open_at: usize, close_end: usize, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<(Option<usize>, (usize, usize))> {
    let before = doc.text.get(..open_at)?;
    let line_before = before.get(before.rfind('\n').map_or(0, |p| p + 1)..)?;
    if !line_before.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•')).is_empty() {
        return None;
    }
    let line = doc.text.get(close_end..)?.split('\n').next()?;
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
const INTERVIEW_CUES: [&str; 16] = [
    "interview with", "interviewed", "spoke to", "spoke with", "speaks to", "speaks with", "talked to", "talked with", "talks to", "talks with", "sat down with",
    "sits down with", "conversation with", "asked", "q&a with", "questions to",
];

/// The person interviewed in a transcript whose first turn starts at `first_turn`: in
/// the introduction before it, the person named after an interview cue in its sentence
/// ("We spoke to fire chief Dana Orr"), else the person named before the cue in that
/// sentence ("Dana Orr spoke to the Courier"), else the person named most often in the
/// introduction (the first of them on a tie).
fn interviewee(doc: &TextDoc, first_turn: usize, mentions: &Mentions) -> Option<usize> {
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
fn says_interview(doc: &TextDoc, first_turn: usize) -> bool {
    let low = doc.text.get(..first_turn).unwrap_or("").to_ascii_lowercase();
    // ("asked" alone is no sign: "frequently asked questions".)
    low.contains("interview") || INTERVIEW_CUES.iter().filter(|&&c| c != "asked").any(|c| low.contains(c))
}

/// True when words speak in the first person ("I", "we", "my", "our", …).
fn first_person(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').any(|w| {
        let w = w.split(['\'', '’']).next().unwrap_or("");
        w == "I" || ["we", "my", "our", "me", "us"].iter().any(|p| p.eq_ignore_ascii_case(w))
    })
}

/// The speaker of a named transcript turn ("Mayor Lind:"): the person mentioned in the
/// label, else the person of this document whose name ends with the label's last word,
/// else the person with the role the label names ("Chief:"), else the interviewee when
/// the label is a role.
fn turn_speaker(doc: &TextDoc, label: (usize, usize), mentions: &Mentions, genders: &mut Genders, entities: &[Entity], intro_person: Option<usize>) -> Option<usize> {
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

/// The last two words of `text` (split at whitespace), last first: the same as
/// `text.rsplit(char::is_whitespace).filter(|w| !w.is_empty())`, by trimming.
fn last_two_words(text: &str) -> (Option<&str>, Option<&str>) {
    let Some((w0, at)) = last_word(text) else { return (None, None) };
    (Some(w0), text.get(..at).and_then(last_word).map(|(w, _)| w))
}

/// The last word of `text` (split at whitespace) and where it starts.
fn last_word(text: &str) -> Option<(&str, usize)> {
    let t = text.trim_end();
    let start = t.rfind(char::is_whitespace).map_or(0, |p| p + t.get(p..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8));
    let w = t.get(start..)?;
    (!w.is_empty()).then_some((w, start))
}

/// True when a quotation is a title or a term in quotation marks, not words someone
/// said: after "so-called", "dubbed", a work noun ("the film “…”"), or a short name-like
/// phrase inside a sentence (“a new “anti-corruption court””, all words capitalized).
fn is_term(text: &str, raw: &spans::RawQuote) -> bool {
    let body = text.get(raw.start..raw.end).unwrap_or("");
    let before = text.get(..raw.open_at).unwrap_or("");
    let (w0, w1) = last_two_words(before);
    let (w0, w1) = (w0.map(speaker::lower), w1.map(speaker::lower));
    let prev = w0.as_deref().unwrap_or("");
    let prev2 = w1.as_deref();
    if before.trim_end().ends_with(':') || before.trim_end().ends_with(',') {
        return false;
    }
    const INTRO: [&str; 12] = ["so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "codenamed", "code-named", "hashtag", "slogan", "motto", "banner"];
    const WORKS: [&str; 22] = [
        "film", "movie", "book", "novel", "song", "single", "album", "play", "series", "show", "documentary", "opera", "poem", "painting", "exhibition", "programme",
        "program", "musical", "memoir", "operation", "campaign", "hit",
    ];
    if INTRO.contains(&prev) || WORKS.contains(&prev) || (prev == "as" && prev2 == Some("known")) || (prev == "called" && prev2 == Some("so")) {
        return true;
    }
    let trimmed = body.trim_end_matches(|c: char| !c.is_alphanumeric());
    let has_punct = trimmed.contains(['.', ',', ';', '?', '!', ':']);
    let n_words = body.split_whitespace().count();
    // Inside a sentence: a lowercase word (not a verb of saying, "that" or "as") just before.
    let mid_sentence = prev.chars().next().is_some_and(char::is_lowercase)
        && !speaker::is_verb_lower(prev.trim_matches(|c: char| !c.is_alphanumeric()))
        && !matches!(prev, "that" | "as" | "was" | "is" | "were" | "are" | "be" | "of" | "to" | "it" | "them" | "him" | "her" | "us");
    if !mid_sentence || has_punct {
        return false;
    }
    // A title: every word capitalized but short function words.
    let small = |w: &str| matches!(w, "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "for" | "at" | "by" | "with" | "de" | "la" | "le");
    let title_case = n_words >= 2 && body.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) || small(w));
    // A short term after a determiner or adjective: "a new “anti-corruption court”".
    const DETS: [&str; 10] = ["a", "an", "the", "its", "their", "his", "her", "our", "new", "this"];
    // ("what they called an “anti-terrorist operation”" is their word: a quotation.)
    let named_by_verb = prev2.is_some_and(speaker::is_verb_lower);
    title_case || (n_words <= 2 && DETS.contains(&prev) && !named_by_verb)
}

/// Finds quotations in every document, attributes speakers (entity ids from `entities`,
/// whose mention spans are UTF-8 byte offsets) and groups the same statement across
/// documents. Quote spans are UTF-8 byte offsets. Never panics on any input.
pub fn analyze(docs: &[TextDoc], entities: &[Entity]) -> (Vec<Quote>, Vec<QuoteGroup>) {
    let mut mentions = Mentions::new(entities);
    let mut genders = known_genders(docs, entities);
    let mut qs: Vec<Q> = Vec::with_capacity(64);
    for doc in docs {
        let mut prev: Option<usize> = None; // index in qs of the previous quote in this doc
        let (mut raws, dash_lines) = spans::find_all(doc.text);
        let dialogue = spans::dash_dialogue(doc.text, &dash_lines);
        if !dialogue.is_empty() {
            raws.extend(dialogue);
            crate::sort::by_key(&mut raws, |r| [crate::sort::int(r.open_at), crate::sort::int(r.start), 0]);
        }
        // An interview transcript's turns: its answers are quotations of their own,
        // quotations inside them are part of them.
        let turns = transcript::find(doc.text);
        if !raws.is_empty() {
            mentions.mark_quoted(doc.id, &raws);
        }
        let answers: Vec<&transcript::Turn> = turns.iter().filter(|(_, a)| *a).map(|(t, _)| t).collect();
        let mut next_answer = 0usize;
        for raw in raws {
            if doc.in_furniture(&(raw.start..raw.end)) || is_term(doc.text, &raw) {
                continue;
            }
            // (Answers are in order, and so are the quotations.)
            while answers.get(next_answer).is_some_and(|t| t.end < raw.open_at) {
                next_answer += 1;
            }
            if answers.get(next_answer).is_some_and(|t| raw.open_at >= t.start && raw.end <= t.end) {
                continue;
            }
            let sentence = doc.sentence_of(raw.start);
            let open_sentence = doc.sentence_of(raw.open_at);
            let open_sentence_start = doc.sentences.get(open_sentence).map(|r| r.start).unwrap_or(0);
            let mut sent_start = open_sentence_start;
            // The clause before a quotation starts after the previous quotation.
            if let Some(p) = prev.and_then(|p| qs.get(p)) {
                if p.close_end > sent_start && p.close_end <= raw.open_at {
                    sent_start = p.close_end;
                }
            }
            let body = doc.text.get(raw.start..raw.end).unwrap_or("");
            // A quotation that ends its sentence ("….”) followed by a capitalized word:
            // the next sentence starts there ("He added that …" is not its clause).
            let next_cap = doc.text.get(raw.close_end..).and_then(|t| t.trim_start_matches([' ', '\t']).chars().next()).is_some_and(char::is_uppercase);
            let after = if body.ends_with('.') && next_cap {
                None
            } else {
                // ("“…,” she fumed." with a verb of no list: the pronoun still speaks.)
                let sentence_end = doc.sentences.get(doc.sentence_of(raw.close_end)).map_or(raw.close_end, |r| r.end);
                speaker::after_quote(doc.text, raw.close_end).or_else(|| pronoun_tail(doc.text, raw.close_end, sentence_end.max(raw.close_end)))
            };
            let attr = after.or_else(|| speaker::before_quote(doc.text, sent_start, raw.open_at));
            // Names in the quotation and its clause are not the antecedent of a pronoun.
            let clause_end = attr.map_or(raw.close_end, |a| a.end.max(raw.close_end));
            let (mut spk, mut spk_text) = match attr {
                Some(a) => (resolve(&a, doc, sent_start.min(open_sentence_start)..clause_end, &mentions, &mut genders, entities), Some((a.start, a.end))),
                None => (None, None),
            };
            let personal = |a: &Attribution| doc.text.get(a.start..a.end).is_some_and(|p| p.eq_ignore_ascii_case("he") || p.eq_ignore_ascii_case("she"));
            if spk.is_none() && attr.is_some_and(|a| a.kind == SpeakerKind::Pronoun && personal(&a)) {
                // No person before the pronoun (a speaker the entity stage did not take
                // for a person): the previous quotation's speaker.
                spk = prev.and_then(|p| qs.get(p)).and_then(|p| p.speaker);
            }
            let starts_sentence = doc
                .sentences
                .get(open_sentence)
                .and_then(|r| doc.text.get(r.start..raw.open_at.max(r.start)))
                .is_some_and(|t| t.trim().is_empty() || t.trim_end().ends_with(['-', '—', '–']) && t.len() < 24);
            if spk_text.is_none() {
                // Continuation of the previous quotation ("“…,” she said. “…”"), also in
                // the next paragraph when nothing but its clause comes between.
                if let Some(p) = prev.and_then(|p| qs.get(p)).filter(|_| starts_sentence) {
                    let gap = doc.text.get(p.close_end.min(raw.open_at)..raw.open_at).unwrap_or("x");
                    let gap_sentences = doc.sentence_of(raw.open_at).saturating_sub(doc.sentence_of(p.close_end));
                    if gap_sentences <= 1 && gap.len() <= 160 || gap.trim().is_empty() {
                        spk = p.speaker;
                        spk_text = p.speaker_text;
                    }
                }
            }
            if spk_text.is_none() {
                // A headline or caption "Norvex chief: “…”", "Mayor Ruiz: ‘…’": the words
                // before the colon at the start of the line.
                if let Some((e, span)) = colon_speaker(doc, raw.open_at, &mentions, &mut genders, entities) {
                    spk = e;
                    spk_text = Some(span);
                }
            }
            if spk_text.is_none() {
                // A headline "“…”: defiant minister rejects calls to resign".
                if let Some((e, span)) = colon_after(doc, raw.open_at, raw.close_end, &mentions, &mut genders, entities) {
                    spk = e;
                    spk_text = Some(span);
                }
            }
            if spk.is_none() {
                // A second quotation in the sentence of one with a speaker ("He said
                // crews were “…” and warned: “…”").
                if let Some(p) = prev.and_then(|p| qs.get(p)).filter(|p| p.speaker.is_some() && doc.sentence_of(p.start) == open_sentence) {
                    spk = p.speaker;
                    if spk_text.is_none() {
                        spk_text = p.speaker_text;
                    }
                }
            }
            // A quotation inside a sentence with no clause of its own ("…, telling crowds
            // that “…”", "Ward expects “two difficult quarters”"): the sentence's subject.
            let inside = !doc.text.get(sent_start..raw.open_at).unwrap_or("").trim().is_empty();
            if spk.is_none() && inside && attr.map_or(true, |a| a.end <= raw.open_at) {
                // "X claimed victory, telling crowds that “…”": the subject of the sentence.
                if let Some((e, span)) = mentions.subject_in(doc, open_sentence_start..raw.open_at) {
                    spk = Some(e);
                    spk_text = Some(span);
                }
            }
            if spk_text.is_none() && starts_sentence && open_sentence > 0 {
                // No clause: the speaker named at the head of the sentence before, in the
                // same paragraph or in one that ends with a colon ("Tal spoke to
                // supporters. “…”").
                if let Some(r) = doc.sentences.get(open_sentence - 1) {
                    let gap = doc.text.get(r.end.min(raw.open_at)..raw.open_at).unwrap_or("\n");
                    let prev_text = doc.text.get(r.clone()).unwrap_or("");
                    if !gap.contains('\n') || prev_text.trim_end().ends_with(':') {
                        if let Some((e, span)) = mentions.subject_in(doc, r.clone()) {
                            spk = Some(e);
                            spk_text = Some(span);
                        }
                    }
                }
            }
            let (tokens, grams) = align::tokens_and_trigrams(body);
            prev = Some(qs.len());
            qs.push(Q {
                doc: doc.id,
                start: raw.start,
                end: raw.end,
                close_end: raw.close_end,
                sentence,
                speaker: spk,
                speaker_text: spk_text,
                marked: true,
                tokens,
                grams,
            });
        }
        if let Some((first, _)) = turns.first() {
            let intro_person = interviewee(doc, first.label_span.0, &mentions);
            let mut label_speakers: HashMap<&str, Option<usize>, crate::hash::FnvBuild> = HashMap::default();
            // Answers under "A:" with no word of an interview before them and mostly not
            // in the first person are an explainer's ("Q: What is a recession? A: Two
            // quarters of …"): the newsroom's words, not a quotation.
            let letters: Vec<&&transcript::Turn> = answers.iter().filter(|t| t.label != transcript::Label::Name).collect();
            let explainer = !letters.is_empty()
                && !says_interview(doc, first.label_span.0)
                && letters.iter().filter(|t| doc.text.get(t.start..t.end).is_some_and(first_person)).count() * 2 < letters.len();
            for t in answers {
                if explainer && t.label != transcript::Label::Name {
                    continue;
                }
                if doc.in_furniture(&(t.start..t.end)) {
                    continue;
                }
                // (An answer printed in quotation marks: the words inside them.)
                let body = doc.text.get(t.start..t.end).unwrap_or("");
                let inner = body.trim_start_matches(['"', '“', '«', '„']).trim_end_matches(['"', '”', '»', '“']);
                let start = t.start + (body.len() - body.trim_start_matches(['"', '“', '«', '„']).len());
                let end = start + inner.len();
                if !spans::has_words(inner, spans::MIN_WORDS) {
                    continue;
                }
                let (spk, spk_text) = match t.label {
                    transcript::Label::Name => {
                        // (Each label resolved once: a long transcript repeats them.)
                        let key = doc.text.get(t.label_span.0..t.label_span.1).unwrap_or("");
                        let spk = match label_speakers.get(key) {
                            Some(&e) => e,
                            None => {
                                let e = turn_speaker(doc, t.label_span, &mentions, &mut genders, entities, intro_person);
                                label_speakers.insert(key, e);
                                e
                            }
                        };
                        // (A label that names nobody known and is no full name is no speaker.)
                        let label = doc.text.get(t.label_span.0..t.label_span.1).unwrap_or("");
                        if spk.is_none() && label.split_whitespace().nth(1).is_none() {
                            continue;
                        }
                        (spk, Some(t.label_span))
                    }
                    _ => (intro_person, None),
                };
                let (tokens, grams) = align::tokens_and_trigrams(inner);
                qs.push(Q { doc: doc.id, start, end, close_end: t.end, sentence: doc.sentence_of(start), speaker: spk, speaker_text: spk_text, marked: true, tokens, grams });
            }
        }
    }

    let mut groups = group_marked(&qs, entities);
    add_unmarked(docs, &mentions, &mut genders, entities, &mut qs, &mut groups);
    assemble(docs, qs, groups)
}

/// Greedy grouping of marked quotations: pairs that state the same thing, highest Dice
/// first (so that whole statements pair with whole statements before a short fragment
/// is taken into a long quotation), one quotation per document per group, every pair
/// across a merge at least loosely similar (0.35). Two quotations state the same thing
/// when [`align::same_statement`] says so or they share a run of three tokens.
///
/// Quotations with the same token set (the same words quoted by many sources) are first
/// taken together as one class: its first quotation in each document (the others are
/// classes of their own). Pairs are then found and merged between classes, so that a
/// statement quoted by hundreds of sources is one entry of the token index, not hundreds
/// (which would put its tokens over [`MAX_POSTINGS`]), and the merges compare classes.
fn group_marked(qs: &[Q], entities: &[Entity]) -> Vec<Vec<usize>> {
    let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
    // Classes of identical token sets, one quotation per document each.
    let mut classes: Vec<Vec<usize>> = Vec::new();
    {
        let mut open: HashMap<&[align::Tok], Vec<usize>, crate::hash::FnvBuild> = HashMap::default();
        for (i, q) in qs.iter().enumerate() {
            let slot = open.entry(q.tokens.as_slice()).or_default();
            // The first class of this token set without this document takes it.
            let target = slot.iter().copied().find(|&c| classes.get(c).is_some_and(|m| !m.iter().any(|&x| qs.get(x).map(|o| o.doc) == Some(q.doc))));
            match target {
                Some(c) => {
                    if let Some(m) = classes.get_mut(c) {
                        m.push(i);
                    }
                }
                None => {
                    slot.push(classes.len());
                    classes.push(vec![i]);
                }
            }
        }
    }
    // Classes are numbered by their first quotation, in order.
    let rep = |c: usize| classes.get(c).and_then(|m| m.first()).and_then(|&i| qs.get(i));
    let docs_of = |c: usize| classes.get(c).into_iter().flatten().filter_map(|&i| qs.get(i).map(|q| q.doc));
    // Candidate pairs through a token index: (token, class) sorted, so that each token's
    // classes are one run (in class order), and the pairs of classes that share a token
    // are counted by sorting them too (no table or list per token).
    let n_postings: usize = (0..classes.len()).filter_map(rep).map(|q| q.tokens.len()).sum();
    let mut postings: Vec<(align::Tok, usize)> = Vec::with_capacity(n_postings);
    for c in 0..classes.len() {
        postings.extend(rep(c).map(|q| q.tokens.as_slice()).unwrap_or(&[]).iter().map(|&t| (t, c)));
    }
    // (In class order as made: kept so, for counting pairs class by class.)
    let by_class = postings.clone();
    postings.sort_unstable();
    // The runs of tokens used, in token order until the budget is spent, by token.
    let mut run_of = align::TokMap::with_capacity(postings.len());
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut budget: usize = 2_000_000;
    let mut at = 0usize;
    for post in postings.chunk_by(|a, b| a.0 == b.0) {
        let r = at..at + post.len();
        at += post.len();
        // A token shared by very many quotations says nothing about which belong together.
        if post.len() > MAX_POSTINGS {
            continue;
        }
        budget = budget.saturating_sub(post.len() * post.len() / 2);
        if budget == 0 {
            break;
        }
        if let (true, Some(&(t, _))) = (post.len() >= 2, post.first()) {
            run_of.get_or_insert(t, runs.len() as u32);
            runs.push(r);
        }
    }
    // Pairs of classes that share two of those tokens, counted class by class (each
    // token's run is in class order: the classes after this one follow it), in (i, j)
    // order.
    let mut count: Vec<u32> = vec![0; classes.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for class_post in by_class.chunk_by(|a, b| a.1 == b.1) {
        let Some(&(_, i)) = class_post.first() else { continue };
        for &(t, _) in class_post {
            let Some(run) = run_of.get(t).and_then(|r| runs.get(r as usize)).and_then(|r| postings.get(r.clone())) else { continue };
            let from = run.partition_point(|&(_, c)| c <= i);
            for &(_, j) in run.get(from..).unwrap_or(&[]) {
                if let Some(c) = count.get_mut(j) {
                    if *c == 0 {
                        touched.push(j);
                    }
                    *c += 1;
                }
            }
        }
        crate::sort::plain(&mut touched);
        for &j in &touched {
            let n = count.get_mut(j).map(std::mem::take).unwrap_or(0);
            // Two single quotations of one document are never a pair.
            let same_doc = classes.get(i).is_some_and(|m| m.len() == 1)
                && classes.get(j).is_some_and(|m| m.len() == 1)
                && rep(i).map(|q| q.doc) == rep(j).map(|q| q.doc);
            if n < 2 || same_doc {
                continue;
            }
            let (Some(a), Some(b)) = (rep(i), rep(j)) else { continue };
            if align::same_statement(&a.tokens, &b.tokens) || align::shares_run(&a.tokens, &b.tokens, &a.grams, &b.grams) {
                pairs.push((align::dice(&a.tokens, &b.tokens), i, j));
            }
        }
        touched.clear();
    }
    crate::sort::by_key(&mut pairs, |x| [desc(float(x.0)), int(x.1), int(x.2)]);
    // Groups of classes; a class of two or more documents is a group from the start.
    let mut group_of: Vec<Option<usize>> = vec![None; classes.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (c, m) in classes.iter().enumerate() {
        if m.len() >= 2 && rep(c).is_some_and(|q| align::same_statement(&q.tokens, &q.tokens)) {
            if let Some(g) = group_of.get_mut(c) {
                *g = Some(groups.len());
            }
            groups.push(vec![c]);
        }
    }
    // (Buffers reused from pair to pair.)
    let (mut di, mut si, mut sj): (Vec<usize>, Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new(), Vec::new());
    for (_, i, j) in pairs {
        let gi = group_of.get(i).copied().flatten();
        let gj = group_of.get(j).copied().flatten();
        if gi.is_some() && gi == gj {
            continue;
        }
        let (ci, cj) = ([i], [j]);
        let mi: &[usize] = gi.and_then(|g| groups.get(g)).map_or(&ci, Vec::as_slice);
        let mj: &[usize] = gj.and_then(|g| groups.get(g)).map_or(&cj, Vec::as_slice);
        di.clear();
        di.extend(mi.iter().flat_map(|&c| docs_of(c)));
        crate::sort::plain(&mut di);
        let docs_overlap = mj.iter().flat_map(|&c| docs_of(c)).any(|d| di.binary_search(&d).is_ok());
        if docs_overlap {
            continue;
        }
        let loose = mi.iter().all(|&a| {
            mj.iter().all(|&b| match (rep(a), rep(b)) {
                (Some(x), Some(y)) => align::similarity(&x.tokens, &y.tokens) >= 0.35,
                _ => false,
            })
        });
        // Two persons named as speakers: two statements, however alike their words.
        let speakers = |m: &[usize], out: &mut Vec<usize>| {
            out.clear();
            out.extend(m.iter().filter_map(|&c| classes.get(c)).flatten().filter_map(|&i| qs.get(i).and_then(|q| q.speaker)).filter(|&e| is_person(e)));
        };
        speakers(mi, &mut si);
        speakers(mj, &mut sj);
        if !loose || si.iter().any(|a| sj.iter().any(|b| a != b)) {
            continue;
        }
        let merged: Vec<usize> = mi.iter().chain(mj).copied().collect();
        let target = match (gi, gj) {
            (Some(g), Some(h)) => {
                if let Some(v) = groups.get_mut(h) {
                    v.clear();
                }
                g
            }
            (Some(g), None) | (None, Some(g)) => g,
            (None, None) => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        for &m in &merged {
            if let Some(s) = group_of.get_mut(m) {
                *s = Some(target);
            }
        }
        if let Some(v) = groups.get_mut(target) {
            *v = merged;
        }
    }
    // Classes to quotations.
    let mut out: Vec<Vec<usize>> = groups.into_iter().map(|g| g.iter().flat_map(|&c| classes.get(c).cloned().unwrap_or_default()).collect::<Vec<usize>>()).collect();
    out.retain(|g| g.len() >= 2);
    out
}

/// A sentence eligible to be matched as an unmarked restatement.
struct Sent {
    doc: usize,
    idx: usize,
    start: usize,
    end: usize,
    /// Number of distinct tokens.
    n: usize,
    /// Where its tokens that some target quotation has (sorted) are in the shared list.
    hits: std::ops::Range<usize>,
}

/// Looks for sentences in other documents that restate a group's quotations (or a lone
/// quotation) without quotation marks; each becomes an unmarked quotation in that group.
///
/// Only the tokens of the quotations looked for matter: every sentence is tokenized once
/// into a reused buffer, and keeps its number of distinct tokens and those of its tokens
/// that some target has; the similarity rules need no more (a target's tokens are all
/// among them), except when two sentences are joined, where both are tokenized again.
fn add_unmarked(docs: &[TextDoc], mentions: &Mentions, genders: &mut Genders, entities: &[Entity], qs: &mut Vec<Q>, groups: &mut Vec<Vec<usize>>) {
    // Targets: every group, then every marked quotation in no group.
    let mut grouped = vec![false; qs.len()];
    for &i in groups.iter().flatten() {
        if let Some(g) = grouped.get_mut(i) {
            *g = true;
        }
    }
    let mut targets: Vec<(Option<usize>, Vec<usize>)> = groups.iter().enumerate().map(|(g, m)| (Some(g), m.clone())).collect();
    {
        let mut seen: std::collections::HashSet<(usize, &[align::Tok]), crate::hash::FnvBuild> = std::collections::HashSet::default();
        for (i, q) in qs.iter().enumerate() {
            if !grouped.get(i).copied().unwrap_or(true) && q.marked && q.tokens.len() >= 2 {
                // The same words quoted again in the same document need no second search.
                if !seen.insert((q.doc, q.tokens.as_slice())) {
                    continue;
                }
                targets.push((None, vec![i]));
            }
        }
    }
    if targets.is_empty() {
        return;
    }
    // Every token of a target, numbered (its slot).
    let n_target_tokens: usize = targets.iter().flat_map(|(_, m)| m.iter()).filter_map(|&m| qs.get(m)).map(|q| q.tokens.len()).sum();
    let mut slot_of = align::TokMap::with_capacity(n_target_tokens);
    for (_, members) in &targets {
        for q in members.iter().filter_map(|&m| qs.get(m)) {
            for &t in &q.tokens {
                let next = slot_of.len() as u32;
                slot_of.get_or_insert(t, next);
            }
        }
    }
    // Sentences outside quotations and furniture.
    let n_sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut sents: Vec<Sent> = Vec::with_capacity(n_sentences);
    // (About four target tokens per sentence.)
    let mut hits: Vec<align::Tok> = Vec::with_capacity(n_sentences * 4);
    // (slot, sentence) for every target token in a sentence.
    let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(n_sentences * 4);
    let mut buf: Vec<align::Tok> = Vec::with_capacity(256);
    let mut seen = align::TokSet::default();
    let mut quoted_by_doc: HashMap<usize, Vec<(usize, usize)>, crate::hash::FnvBuild> = HashMap::default();
    for q in qs.iter() {
        quoted_by_doc.entry(q.doc).or_default().push((q.start, q.end));
    }
    for doc in docs {
        let mut quoted: Vec<(usize, usize)> = quoted_by_doc.remove(&doc.id).unwrap_or_default();
        crate::sort::by_key(&mut quoted, |&(a, b)| [a as u64, b as u64, 0]);
        // Furniture and quotations are sorted: walk them alongside the sentences.
        let furniture: std::borrow::Cow<[std::ops::Range<usize>]> = if doc.furniture.windows(2).all(|p| matches!(p, [a, b] if (a.start, a.end) <= (b.start, b.end))) {
            std::borrow::Cow::Borrowed(&doc.furniture)
        } else {
            let mut f = doc.furniture.clone();
            crate::sort::by_key(&mut f, |f| [int(f.start), int(f.end), 0]);
            std::borrow::Cow::Owned(f)
        };
        let (mut qi, mut fi) = (0usize, 0usize);
        for (idx, r) in doc.sentences.iter().enumerate() {
            while quoted.get(qi).is_some_and(|&(_, e)| e <= r.start) {
                qi += 1;
            }
            while furniture.get(fi).is_some_and(|f| f.end <= r.start) {
                fi += 1;
            }
            if r.end <= r.start || r.end - r.start > 1500 {
                continue;
            }
            let in_furniture = furniture.iter().skip(fi).take_while(|f| f.start <= r.start).any(|f| r.end <= f.end);
            if in_furniture {
                continue;
            }
            let overlaps_quote = quoted.iter().skip(qi).take_while(|&&(s, _)| s < r.end).any(|&(s, e)| s < r.end && e > r.start);
            if overlaps_quote {
                continue;
            }
            buf.clear();
            align::sequence_into(doc.text.get(r.clone()).unwrap_or(""), &mut buf);
            // Distinct tokens counted, and those some target has kept, without sorting
            // the sentence's tokens (only its few hits are sorted).
            let (from, pairs_from) = (hits.len(), pairs.len());
            seen.start(buf.len());
            let mut n = 0;
            for &t in &buf {
                if !seen.insert(t) {
                    continue;
                }
                n += 1;
                if let Some(slot) = slot_of.get(t) {
                    hits.push(t);
                    pairs.push((slot as usize, sents.len()));
                }
            }
            if n < 2 {
                hits.truncate(from);
                pairs.truncate(pairs_from);
                continue;
            }
            if let Some(h) = hits.get_mut(from..) {
                h.sort_unstable();
            }
            sents.push(Sent { doc: doc.id, idx, start: r.start, end: r.end, n, hits: from..hits.len() });
        }
    }
    // Slot -> sentences holding that token, in sentence order (counting sort of `pairs`).
    let mut offsets: Vec<usize> = vec![0; slot_of.len() + 1];
    for &(slot, _) in &pairs {
        if let Some(o) = offsets.get_mut(slot + 1) {
            *o += 1;
        }
    }
    for k in 1..offsets.len() {
        let prev = offsets.get(k - 1).copied().unwrap_or(0);
        if let Some(o) = offsets.get_mut(k) {
            *o += prev;
        }
    }
    let mut post: Vec<usize> = vec![0; pairs.len()];
    {
        let mut fill: Vec<usize> = offsets.clone();
        for &(slot, s) in &pairs {
            if let Some(f) = fill.get_mut(slot) {
                if let Some(p) = post.get_mut(*f) {
                    *p = s;
                }
                *f += 1;
            }
        }
    }
    let postings = |t: align::Tok| -> &[usize] {
        let Some(slot) = slot_of.get(t).map(|s| s as usize) else { return &[] };
        let (a, b) = (offsets.get(slot).copied().unwrap_or(0), offsets.get(slot + 1).copied().unwrap_or(0));
        post.get(a..b).unwrap_or(&[])
    };
    let hits_of = |s: &Sent| -> &[align::Tok] { hits.get(s.hits.clone()).unwrap_or(&[]) };
    // All the tokens of a sentence (for the rare joins of two sentences).
    let full_tokens = |s: &Sent| -> Vec<align::Tok> {
        doc_by_id(docs, s.doc).and_then(|d| d.text.get(s.start..s.end)).map(align::tokens).unwrap_or_default()
    };
    // Sentences are in (document, position) order: a neighbour is next to it in `sents`.
    let by_pos = |doc: usize, idx: usize, near: usize| -> Option<usize> {
        [near.checked_sub(1), Some(near + 1)].into_iter().flatten().find(|&k| sents.get(k).is_some_and(|s| s.doc == doc && s.idx == idx))
    };
    // Candidate counts per sentence, reused for every quotation.
    let mut counts: Vec<u32> = vec![0; sents.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut cand: Vec<(usize, u32)> = Vec::new();
    let mut used: Vec<bool> = vec![false; sents.len()];
    let mut budget: usize = 2_000_000;
    for (g, members) in targets {
        if budget == 0 {
            break;
        }
        let docs_in: Vec<usize> = members.iter().filter_map(|&m| qs.get(m).map(|q| q.doc)).collect();
        // Best (similarity, first sentence, last sentence, quote tokens) per other doc.
        let mut best: BTreeMap<usize, (f64, usize, usize, usize)> = BTreeMap::new();
        for &m in &members {
            let Some(q) = qs.get(m) else { continue };
            for &t in &q.tokens {
                let post = postings(t);
                if post.len() > MAX_POSTINGS {
                    continue;
                }
                budget = budget.saturating_sub(post.len());
                for &s in post {
                    if let Some(c) = counts.get_mut(s) {
                        if *c == 0 {
                            touched.push(s);
                        }
                        *c += 1;
                    }
                }
            }
            // In sentence order (the order of `touched` is not).
            crate::sort::plain(&mut touched);
            cand.clear();
            cand.extend(touched.drain(..).map(|s| (s, counts.get_mut(s).map(std::mem::take).unwrap_or(0))));
            for &(s, n) in &cand {
                if n < 2 || used.get(s).copied().unwrap_or(true) {
                    continue;
                }
                let Some(st) = sents.get(s) else { continue };
                if docs_in.contains(&st.doc) {
                    continue;
                }
                budget = budget.saturating_sub(1);
                if budget == 0 {
                    break;
                }
                let inter = align::overlap(&q.tokens, hits_of(st));
                if !align::restates_n(inter, q.tokens.len(), st.n) {
                    continue;
                }
                let sim = align::similarity_n(inter, q.tokens.len(), st.n);
                let e = best.entry(st.doc).or_insert((0.0, s, s, m));
                if sim > e.0 {
                    *e = (sim, s, s, m);
                }
            }
        }
        // A statement split over two sentences: extend the best sentence to a neighbour
        // that adds to the match.
        // (Judged against every quotation of the group: one source may quote both
        // sentences, another only one.)
        for (_, first, last, _) in best.values_mut() {
            let Some(st) = sents.get(*first) else { continue };
            for nb in [st.idx.checked_sub(1), Some(st.idx + 1)].into_iter().flatten() {
                let Some(ni) = by_pos(st.doc, nb, *first) else { continue };
                if used.get(ni).copied().unwrap_or(true) {
                    continue;
                }
                let Some(ns) = sents.get(ni) else { continue };
                // The union of both sentences' tokens: its target tokens and its size.
                let mut union: Option<(Vec<align::Tok>, usize)> = None;
                let adds = members.iter().filter_map(|&m| qs.get(m)).any(|q| {
                    if align::overlap(&q.tokens, hits_of(ns)) < 3 {
                        return false;
                    }
                    let (uh, un) = union.get_or_insert_with(|| {
                        let mut h: Vec<align::Tok> = hits_of(st).iter().chain(hits_of(ns)).copied().collect();
                        h.sort_unstable();
                        h.dedup();
                        let mut all = full_tokens(st);
                        all.extend(full_tokens(ns));
                        all.sort_unstable();
                        all.dedup();
                        (h, all.len())
                    });
                    let lq = q.tokens.len();
                    align::similarity_n(align::overlap(&q.tokens, uh), lq, *un)
                        > align::similarity_n(align::overlap(&q.tokens, hits_of(st)), lq, st.n) + 0.05
                });
                if adds {
                    if nb < st.idx {
                        *first = ni;
                    } else {
                        *last = ni;
                    }
                }
            }
        }
        if best.is_empty() {
            continue;
        }
        let mut new_ids = Vec::new();
        for (d, (_, first, last, _)) in best {
            let (Some(a), Some(b)) = (sents.get(first), sents.get(last)) else { continue };
            if used.get(first).copied().unwrap_or(true) || used.get(last).copied().unwrap_or(true) {
                continue;
            }
            let Some(doc) = doc_by_id(docs, d) else { continue };
            let Some(q) = unmarked_quote(doc, a.start, b.end, a.idx, mentions, genders, entities) else { continue };
            // (What is left once its clause is trimmed off must still share words with
            // the quotations.)
            if !members.iter().filter_map(|&m| qs.get(m)).any(|x| align::overlap(&x.tokens, &q.tokens) >= 2) {
                continue;
            }
            let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
            if q.speaker.filter(|&s| is_person(s)).is_some_and(|s| members.iter().filter_map(|&m| qs.get(m).and_then(|x| x.speaker)).any(|x| x != s && is_person(x))) {
                continue;
            }
            for u in [first, last] {
                if let Some(x) = used.get_mut(u) {
                    *x = true;
                }
            }
            new_ids.push(qs.len());
            qs.push(q);
        }
        if new_ids.is_empty() {
            continue;
        }
        match g {
            Some(g) => {
                if let Some(v) = groups.get_mut(g) {
                    v.extend(new_ids);
                }
            }
            None => {
                let mut v = members.clone();
                v.extend(new_ids);
                groups.push(v);
            }
        }
    }
}

/// Builds an unmarked quotation from a sentence span: trailing attribution (", he said")
/// trimmed off and used as the speaker.
fn unmarked_quote(doc: &TextDoc, start: usize, end: usize, sentence: usize, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<Q> {
    let text = doc.text.get(start..end)?;
    let mut span_end = start + text.trim_end().len();
    let mut attr: Option<Attribution> = None;
    // Rightmost ',', '?' or '!' followed by an attribution that ends the sentence.
    for (i, c) in text.char_indices().rev() {
        if !matches!(c, ',' | '?' | '!') {
            continue;
        }
        let after = start + i + c.len_utf8();
        if let Some(a) = speaker::after_quote(doc.text, after).or_else(|| pronoun_tail(doc.text, after, end)) {
            let rest = doc.text.get(a.end..end).unwrap_or("");
            // (Not "…, said the government “fully supports” the decision": a clause that
            // ends its sentence holds no quotation.)
            if rest.trim().len() <= 40 && !rest.contains(['"', '“', '”', '«', '»', '„']) {
                span_end = if c == ',' { start + i } else { after };
                attr = Some(a);
                break;
            }
        }
        if span_end - (start + i) > 120 {
            break;
        }
    }
    if attr.is_none() {
        attr = speaker::after_quote(doc.text, span_end).filter(|a| doc.text.get(span_end..a.start).is_some_and(|g| g.len() <= 4));
    }
    let mut s = start;
    let body = doc.text.get(s..span_end)?;
    s += body.len() - body.trim_start().len();
    // (An interview answer's label: "A: …".)
    if let Some(rest) = doc.text.get(s..span_end).and_then(|b| b.strip_prefix("A:")) {
        s = span_end - rest.trim_start().len();
    }
    if attr.is_none() {
        // A leading reporting clause: "Governor Ana Ruiz said (that) rescuers were ...".
        if let Some(a) = speaker::after_quote(doc.text, s).filter(|a| a.clause_end < span_end && a.start < s + 60) {
            let rest = doc.text.get(a.clause_end..span_end).unwrap_or("");
            let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
            let verb = doc.text.get(..a.clause_end).and_then(|t| t.split_whitespace().last()).unwrap_or("").to_lowercase();
            let trimmed = skip_object(&verb, trimmed);
            let trimmed = trimmed.strip_prefix("that ").unwrap_or(trimmed);
            if trimmed.split_whitespace().count() >= spans::MIN_WORDS {
                s = span_end - trimmed.len();
                attr = Some(a);
            }
        }
    }
    let body = doc.text.get(s..span_end)?.trim_end();
    let span_end = s + body.len();
    if span_end <= s || spans::MIN_WORDS > body.split_whitespace().count() {
        return None;
    }
    let speaker = attr.as_ref().and_then(|a| resolve(a, doc, start..end, mentions, genders, entities));
    Some(Q {
        doc: doc.id,
        start: s,
        end: span_end,
        close_end: span_end,
        sentence,
        speaker,
        speaker_text: attr.map(|a| (a.start, a.end)),
        marked: false,
        tokens: align::tokens(body),
        grams: Vec::new(),
    })
}

/// The words of a reported statement after its verb's object: "told reporters (that) …",
/// "told the BBC …", "said on Friday that …", "told a news conference in the capital
/// that …" (up to a "that" within six words).
fn skip_object<'t>(verb: &str, rest: &'t str) -> &'t str {
    let mut words = rest.split_whitespace();
    let mut ahead = rest;
    for _ in 0..6 {
        let Some(w) = words.next() else { break };
        if w.ends_with(['.', ';', ':', '?', '!']) {
            break;
        }
        let Some(p) = ahead.find(w) else { break };
        ahead = ahead.get(p + w.len()..).unwrap_or("");
        if w == "that" {
            return ahead.trim_start();
        }
    }
    if !matches!(verb, "told" | "tells" | "telling" | "tell") {
        return rest;
    }
    // The object: "reporters", "the BBC", "Reuters", "state television".
    let mut out = rest.trim_start();
    let first = out.split_whitespace().next().unwrap_or("");
    if matches!(first, "the" | "a" | "an") {
        out = out.get(first.len()..).unwrap_or("").trim_start();
    }
    let mut n = 0;
    while let Some(w) = out.split_whitespace().next().filter(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        out = out.get(w.len()..).unwrap_or("").trim_start();
        n += 1;
        if n >= 4 || w.ends_with(',') {
            break;
        }
    }
    if n == 0 {
        let w = out.split_whitespace().next().unwrap_or("");
        if w.ends_with('s') && w.chars().all(char::is_lowercase) {
            out = out.get(w.len()..).unwrap_or("").trim_start();
        }
    }
    out.trim_start_matches(',').trim_start()
}

/// A garbled attribution ", he <word>." ending a sentence: the pronoun is the speaker.
fn pronoun_tail(text: &str, from: usize, end: usize) -> Option<Attribution> {
    let all = text.get(from..end)?;
    // (A comma outside the closing mark: "”, she fumed.")
    let tail = all.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let from = from + (all.len() - tail.len());
    // Exactly two words (counted without allocating).
    let mut words = tail.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let (Some(p), Some(w), None) = (words.next(), words.next(), words.next()) else { return None };
    let p = if p.eq_ignore_ascii_case("he") { "he" } else if p.eq_ignore_ascii_case("she") { "she" } else { "" };
    match p {
        "he" | "she" if w.chars().all(char::is_alphabetic) && !w.is_empty() => {
            let lead = tail.len() - tail.trim_start().len();
            let start = from + lead;
            {
                let end = start + 2 + usize::from(p == "she");
                Some(Attribution { start, end, kind: SpeakerKind::Pronoun, clause_end: end })
            }
        }
        _ => None,
    }
}

/// The document with id `id` (usually at position `id`).
fn doc_by_id<'a, 'b>(docs: &'a [TextDoc<'b>], id: usize) -> Option<&'a TextDoc<'b>> {
    match docs.get(id) {
        Some(d) if d.id == id => Some(d),
        _ => docs.iter().find(|d| d.id == id),
    }
}

/// Orders quotations by document and position, assigns ids and builds the groups.
fn assemble(docs: &[TextDoc], qs: Vec<Q>, groups: Vec<Vec<usize>>) -> (Vec<Quote>, Vec<QuoteGroup>) {
    let mut order: Vec<usize> = (0..qs.len()).collect();
    crate::sort::by_key(&mut order, |&i| qs.get(i).map_or([0; 3], |q| [int(q.doc) + 1, int(q.start), int(q.end)]));
    let mut new_id = vec![0usize; qs.len()];
    for (n, &i) in order.iter().enumerate() {
        if let Some(s) = new_id.get_mut(i) {
            *s = n;
        }
    }
    let text_of = |q: &Q| -> String {
        doc_by_id(docs, q.doc).and_then(|d| d.text.get(q.start..q.end)).unwrap_or("").to_string()
    };
    let span_text = |q: &Q, r: (usize, usize)| -> Option<String> {
        doc_by_id(docs, q.doc).and_then(|d| d.text.get(r.0..r.1)).map(str::to_string)
    };
    let quotes: Vec<Quote> = order
        .iter()
        .enumerate()
        .filter_map(|(n, &i)| {
            let q = qs.get(i)?;
            Some(Quote {
                id: n,
                doc: q.doc,
                start: q.start as u32,
                end: q.end as u32,
                text: text_of(q),
                sentence: q.sentence,
                speaker: q.speaker,
                speaker_text: q.speaker_text.and_then(|r| span_text(q, r)),
                marked: q.marked,
            })
        })
        .collect();
    let mut out_groups: Vec<QuoteGroup> = groups
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|g| {
            let mut min_sim: f64 = 1.0;
            for (a, &i) in g.iter().enumerate() {
                for &j in g.iter().skip(a + 1) {
                    if let (Some(x), Some(y)) = (qs.get(i), qs.get(j)) {
                        min_sim = min_sim.min(align::similarity(&x.tokens, &y.tokens));
                    }
                }
            }
            let speakers: Vec<usize> = g.iter().filter_map(|&i| qs.get(i).and_then(|q| q.speaker)).collect();
            let speaker = match speakers.first() {
                Some(&s) if speakers.iter().all(|&x| x == s) => Some(s),
                _ => None,
            };
            let mut ids: Vec<usize> = g.iter().filter_map(|&i| new_id.get(i).copied()).collect();
            crate::sort::plain(&mut ids);
            QuoteGroup { id: 0, quotes: ids, speaker, similarity: (min_sim * 1000.0).round() / 1000.0 }
        })
        .collect();
    crate::sort::by_key(&mut out_groups, |g| [g.quotes.first().map_or(0, |&q| int(q) + 1), 0, 0]);
    for (i, g) in out_groups.iter_mut().enumerate() {
        g.id = i;
    }
    (quotes, out_groups)
}

#[cfg(test)]
mod tests;
