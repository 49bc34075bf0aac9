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
mod attribute;
mod group;
mod marked;
mod mentions;
mod order;
pub mod spans;
pub mod speaker;
mod statements;
pub mod transcript;
mod unmarked;
pub mod words;

use crate::report::{Entity, Quote, QuoteGroup};
use crate::text::TextDoc;
use crate::sort::int;

use mentions::{known_genders, Mentions};

/// Tokens found in more quotations or sentences than this are not used to find
/// candidates (they say nothing about which belong together, and would make the work
/// quadratic on huge or repetitive input).
const MAX_POSTINGS: usize = 64;

/// A quotation while being built.
#[derive(Debug, Clone)]
pub(super) struct Q {
    pub(super) doc: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) close_end: usize,
    pub(super) sentence: usize,
    pub(super) speaker: Option<usize>,
    pub(super) speaker_text: Option<(usize, usize)>,
    pub(super) marked: bool,
    pub(super) tokens: Vec<words::Tok>,
    /// Runs of three tokens (marked quotations only).
    pub(super) grams: Vec<words::Tok>,
    /// A partial quotation of a word or two, kept only when another source quotes the
    /// same words of the same speaker.
    pub(super) short: bool,
}

/// Finds quotations in every document, attributes speakers (entity ids from `entities`,
/// whose mention spans are UTF-8 byte offsets) and groups the same statement across
/// documents. Quote spans are UTF-8 byte offsets. Never panics on any input.
pub fn analyze(docs: &[TextDoc], entities: &[Entity]) -> (Vec<Quote>, Vec<QuoteGroup>) {
    let mut mentions = Mentions::new(entities);
    let mut genders = known_genders(docs, entities);
    let mut qs: Vec<Q> = Vec::with_capacity(64);
    for doc in docs {
        marked::find(doc, &mut mentions, &mut genders, entities, &mut qs);
    }
    // Grouped sentence by sentence, then put back together.
    let units = statements::split(docs, &mut qs);
    let mut unit_groups = group::group_marked(&units.qs, entities);
    order::align_by_order(docs, &units.qs, &mut unit_groups, entities);
    let (mut qs, mut groups) = statements::join(docs, qs, units, unit_groups);
    unmarked::add_unmarked(docs, &mentions, &mut genders, entities, &mut qs, &mut groups);
    let (qs, groups) = drop_lone_partials(qs, groups);
    assemble(docs, qs, groups)
}

/// Drops the partial quotations of a word or two that no other source quotes (scare
/// quotes, a single source's emphasis), renumbering the groups' members.
fn drop_lone_partials(qs: Vec<Q>, mut groups: Vec<Vec<usize>>) -> (Vec<Q>, Vec<Vec<usize>>) {
    if !qs.iter().any(|q| q.short) {
        return (qs, groups);
    }
    let mut keep = vec![false; qs.len()];
    for &i in groups.iter().flatten() {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    let mut new_index = vec![usize::MAX; qs.len()];
    let mut out = Vec::with_capacity(qs.len());
    for (i, q) in qs.into_iter().enumerate() {
        if !q.short || keep.get(i).copied().unwrap_or(false) {
            if let Some(n) = new_index.get_mut(i) {
                *n = out.len();
            }
            out.push(q);
        }
    }
    for g in &mut groups {
        for i in g.iter_mut() {
            *i = new_index.get(*i).copied().unwrap_or(usize::MAX);
        }
        g.retain(|&i| i != usize::MAX);
    }
    (out, groups)
}

/// The document with id `id` (usually at position `id`).
pub(super) fn doc_by_id<'a, 'b>(docs: &'a [TextDoc<'b>], id: usize) -> Option<&'a TextDoc<'b>> {
    match docs.get(id) {
        Some(d) if d.id == id => Some(d),
        _ => docs.iter().find(|d| d.id == id),
    }
}

/// A group's similarity is that of its least similar pair of wordings among this many.
const MIN_SIM_WORDINGS: usize = 64;

/// Orders quotations by document and position, assigns ids and builds the groups.
pub(super) fn assemble(docs: &[TextDoc], qs: Vec<Q>, groups: Vec<Vec<usize>>) -> (Vec<Quote>, Vec<QuoteGroup>) {
    let mut order: Vec<usize> = (0..qs.len()).collect();
    let key = |q: &Q| (q.doc, q.start, q.end);
    // (Usually in order already: found document by document.)
    if !qs.windows(2).all(|w| matches!(w, [a, b] if key(a) <= key(b))) {
        crate::sort::by_key(&mut order, |&i| qs.get(i).map_or([0; 3], |q| [int(q.doc) + 1, int(q.start), int(q.end)]));
    }
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
            // Over the distinct wordings (the first MIN_SIM_WORDINGS of a larger group).
            let mut wordings: Vec<&[words::Tok]> = g.iter().filter_map(|&i| qs.get(i)).map(|q| q.tokens.as_slice()).collect();
            wordings.sort_unstable();
            wordings.dedup();
            wordings.truncate(MIN_SIM_WORDINGS);
            let mut min_sim: f64 = 1.0;
            for (a, x) in wordings.iter().enumerate() {
                for y in wordings.iter().skip(a + 1) {
                    min_sim = min_sim.min(align::similarity(x, y));
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
#[cfg(test)]
mod tests_reword;
