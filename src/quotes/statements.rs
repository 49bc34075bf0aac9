//! A quotation's statements. Sources cut a speaker's words differently: one quotes two
//! sentences together that another quotes apart, with narration between them, or only
//! one of them. So quotations are aligned sentence by sentence ([`split`]: each sentence
//! of a marked quotation is a unit of its own, a fragment too short to compare staying
//! with its neighbour), and then put back together ([`join`]): a quotation stays whole
//! unless two of its sentences joined different groups, and two groups whose units
//! follow each other in the same quotations of every source ("S1. S2." quoted whole by
//! each) are one group of the whole quotations.

use crate::text::TextDoc;

use crate::compare::topics::find;

use super::{doc_by_id, words, Q};

/// The units of the quotations: their sentences (a quotation of one sentence is one
/// unit, the quotation itself).
pub(super) struct Units {
    pub(super) qs: Vec<Q>,
    /// The quotation each unit comes from.
    pub(super) parent: Vec<usize>,
    /// The unit is its whole quotation, whose tokens it took (see [`split`]).
    whole: Vec<bool>,
}

/// A unit has at least this many distinct tokens, else it joins its neighbour.
const MIN_UNIT_TOKENS: usize = 3;

/// Splits each quotation at the sentence starts inside it.
pub(super) fn split(docs: &[TextDoc], qs: &mut [Q]) -> Units {
    let mut out = Units { qs: Vec::with_capacity(qs.len()), parent: Vec::with_capacity(qs.len()), whole: Vec::with_capacity(qs.len()) };
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (p, q) in qs.iter_mut().enumerate() {
        cuts.clear();
        if let Some(doc) = doc_by_id(docs, q.doc) {
            pieces(doc, q, &mut cuts);
        }
        if cuts.len() <= 1 {
            // (the unit takes the quotation's tokens, and [`join`] gives them back: one
            // copy of every quotation's tokens, not three)
            let (tokens, grams) = (std::mem::take(&mut q.tokens), std::mem::take(&mut q.grams));
            out.qs.push(Q { tokens, grams, ..q.clone() });
            out.parent.push(p);
            out.whole.push(true);
            continue;
        }
        for &(s, e) in &cuts {
            let Some(doc) = doc_by_id(docs, q.doc) else { continue };
            let (tokens, grams) = words::tokens_and_trigrams(doc.text.get(s..e).unwrap_or(""));
            out.qs.push(Q { start: s, end: e, close_end: e, sentence: doc.sentence_of(s), tokens, grams, ..q.clone() });
            out.parent.push(p);
            out.whole.push(false);
        }
    }
    out
}

/// The sentences of quotation `q` as trimmed byte ranges, a short one merged into the
/// one before it (or, first, into the next).
fn pieces(doc: &TextDoc, q: &Q, out: &mut Vec<(usize, usize)>) {
    let first = doc.sentence_of(q.start);
    let mut from = q.start;
    let starts = doc.sentences.iter().skip(first + 1).map(|r| r.start).take_while(|&s| s < q.end);
    for cut in starts.chain(std::iter::once(q.end)) {
        if cut <= from {
            continue;
        }
        if let Some(r) = trim(doc.text, from, cut) {
            let short = doc.text.get(r.0..r.1).is_some_and(|t| words::tokens(t).len() < MIN_UNIT_TOKENS);
            match out.last_mut() {
                Some(last) if short => last.1 = r.1,
                _ => out.push(r),
            }
        }
        from = cut;
    }
    // A short first piece joins the second.
    if let [a, b, ..] = out.as_slice() {
        if doc.text.get(a.0..a.1).is_some_and(|t| words::tokens(t).len() < MIN_UNIT_TOKENS) {
            let merged = (a.0, b.1);
            out.remove(0);
            if let Some(x) = out.first_mut() {
                *x = merged;
            }
        }
    }
}

/// `start..end` without the spaces and quotation marks around it (a quotation that runs
/// over paragraphs reopens each with a mark), or `None` when nothing is left.
fn trim(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = text.get(start..end)?;
    let marks = |c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '‘' | '’' | '\'');
    let body = s.trim_start_matches(marks).trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '«' | '„'));
    if body.is_empty() {
        return None;
    }
    let a = start + (s.len() - s.trim_start_matches(marks).len());
    Some((a, a + body.len()))
}

/// Puts the quotations back together after their units were grouped (`groups`: lists
/// of unit indices): the quotations, each whole or cut where its units joined different
/// groups, and their groups.
pub(super) fn join(docs: &[TextDoc], qs: Vec<Q>, mut units: Units, groups: Vec<Vec<usize>>) -> (Vec<Q>, Vec<Vec<usize>>) {
    let n = units.qs.len();
    let mut group_of: Vec<Option<usize>> = vec![None; n];
    for (g, members) in groups.iter().enumerate() {
        for &u in members {
            if let Some(x) = group_of.get_mut(u) {
                *x = Some(g);
            }
        }
    }
    // The next unit of the same quotation that is in a group.
    let parent = |u: usize| units.parent.get(u).copied();
    let next_grouped = |u: usize| (u + 1..n).take_while(|&v| parent(v) == parent(u)).find(|&v| group_of.get(v).copied().flatten().is_some());
    // Groups whose units follow each other in the same quotations are one.
    let mut root: Vec<usize> = (0..groups.len()).collect();
    for (g, members) in groups.iter().enumerate() {
        let Some(h) = members.first().and_then(|&u| next_grouped(u)).and_then(|v| group_of.get(v).copied().flatten()) else { continue };
        let parallel = h != g
            && groups.get(h).is_some_and(|m| m.len() == members.len())
            && members.iter().all(|&u| next_grouped(u).and_then(|v| group_of.get(v).copied().flatten()) == Some(h));
        if parallel {
            let (a, b) = (find(&mut root, g), find(&mut root, h));
            if a != b {
                if let Some(x) = root.get_mut(b) {
                    *x = a;
                }
            }
        }
    }
    // Parts: runs of a quotation's units, cut between two units of different groups.
    let mut out: Vec<Q> = Vec::with_capacity(qs.len());
    let mut part_groups: Vec<Option<usize>> = Vec::with_capacity(qs.len());
    let mut u = 0;
    while u < n {
        let p = parent(u).unwrap_or(0);
        let mut end = u + 1;
        while end < n && parent(end) == Some(p) {
            end += 1;
        }
        // Units u..end of quotation p.
        let mut part_start = u;
        let mut part_group: Option<usize> = None;
        for v in u..end {
            let g = group_of.get(v).copied().flatten().map(|g| find(&mut root, g));
            if let (Some(a), Some(b)) = (part_group, g) {
                if a != b {
                    push_part(docs, &qs, &mut units.qs, &units.whole, p, part_start..v, u..end, &mut out);
                    part_groups.push(part_group);
                    part_start = v;
                    part_group = None;
                }
            }
            part_group = part_group.or(g);
        }
        push_part(docs, &qs, &mut units.qs, &units.whole, p, part_start..end, u..end, &mut out);
        part_groups.push(part_group);
        u = end;
    }
    let mut by_group: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, g) in part_groups.iter().enumerate() {
        if let Some(v) = g.and_then(|g| by_group.get_mut(g)) {
            v.push(i);
        }
    }
    by_group.retain(|v| v.len() >= 2);
    (out, by_group)
}

/// Appends the part of quotation `p` made of units `range` (of its units `all`, in
/// `unit_qs`): the quotation itself when the range holds all its units (with the tokens
/// its unit took, when the unit is the whole quotation: `whole`).
#[allow(clippy::too_many_arguments)]
fn push_part(docs: &[TextDoc], qs: &[Q], unit_qs: &mut [Q], whole: &[bool], p: usize, range: std::ops::Range<usize>, all: std::ops::Range<usize>, out: &mut Vec<Q>) {
    let Some(q) = qs.get(p) else { return };
    if range == all {
        let mut q = q.clone();
        if let (1, Some(true), Some(unit)) = (all.len(), whole.get(all.start).copied(), unit_qs.get_mut(all.start)) {
            (q.tokens, q.grams) = (std::mem::take(&mut unit.tokens), std::mem::take(&mut unit.grams));
        }
        out.push(q);
        return;
    }
    let units = &*unit_qs;
    let (Some(a), Some(b)) = (units.get(range.start), range.end.checked_sub(1).and_then(|l| units.get(l))) else { return };
    let Some(doc) = doc_by_id(docs, q.doc) else { return };
    let (tokens, grams) = words::tokens_and_trigrams(doc.text.get(a.start..b.end).unwrap_or(""));
    // (The last part ends where the quotation closed.)
    let close_end = if range.end == all.end { q.close_end } else { b.end };
    out.push(Q { start: a.start, end: b.end, close_end, sentence: a.sentence, tokens, grams, ..q.clone() });
}
