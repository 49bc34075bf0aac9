//! Aligning statements by their order. A speaker's statements come in the same order in
//! every source that reports them (a translation or a rewrite keeps the order even when
//! it keeps few words). Between two statements that two sources share (anchors), the
//! statements of the same speaker left alone in each are the same statement when they
//! share some content words: one word when each source has exactly one statement
//! between the same two anchors, two words (not words of the whole story, which every
//! source uses) and a looser similarity otherwise. The evidence is the speaker (the same
//! entity in both sources), the order, and the words; never the order alone.

use crate::report::Entity;
use crate::text::TextDoc;

use super::mentions::same_speaker;
use super::{align, words, Q};

/// How far (in statements of one speaker) anchors are looked for around a statement.
const REACH: usize = 8;

/// How many members of a large group are looked at for other sources.
const MEMBERS: usize = 64;

/// Adds to `groups` (lists of indices into `units`, one per document each) the
/// statements that order and shared words align. Units of one document are in order.
pub(super) fn align_by_order(docs: &[TextDoc], units: &[Q], groups: &mut Vec<Vec<usize>>, entities: &[Entity]) {
    let n = units.len();
    let mut group_of: Vec<Option<usize>> = vec![None; n];
    for (g, m) in groups.iter().enumerate() {
        for &u in m {
            if let Some(x) = group_of.get_mut(u) {
                *x = Some(g);
            }
        }
    }
    // A statement of no known speaker takes its group's (when the group's known
    // speakers are one): "…, the 69-year-old leader said" quoted by others as Erdogan's.
    let mut speaker: Vec<Option<usize>> = units.iter().map(|q| q.speaker).collect();
    for m in groups.iter() {
        let known: Vec<usize> = m.iter().filter_map(|&u| units.get(u).and_then(|q| q.speaker)).collect();
        let Some(&first) = known.first() else { continue };
        if known.iter().all(|&s| same_speaker(entities, s, first)) {
            for &u in m {
                if let Some(s @ None) = speaker.get_mut(u) {
                    *s = Some(first);
                }
            }
        }
    }
    // Each document's statements by speaker, in order: runs of `seqs` (sorted by
    // document, speaker and position), found by (document, speaker).
    let mut seqs: Vec<usize> = (0..n).filter(|&u| speaker.get(u).copied().flatten().is_some()).collect();
    let key = |u: usize| (units.get(u).map_or(0, |q| q.doc), speaker.get(u).copied().flatten().unwrap_or(0));
    crate::sort::by_key(&mut seqs, |&u| [key(u).0 as u64, key(u).1 as u64, units.get(u).map_or(0, |q| q.start as u64)]);
    let mut runs: Vec<((usize, usize), std::ops::Range<usize>)> = Vec::new();
    let mut run_of = words::TokMap::with_capacity(seqs.len());
    let mut pos_in_seq: Vec<usize> = vec![usize::MAX; n];
    let mut at = 0;
    for run in seqs.chunk_by(|&a, &b| key(a) == key(b)) {
        let Some(&first) = run.first() else { continue };
        run_of.set(words::pair_key(key(first).0 as u64, key(first).1 as u64), runs.len() as u32);
        runs.push((key(first), at..at + run.len()));
        for (k, &u) in run.iter().enumerate() {
            if let Some(p) = pos_in_seq.get_mut(u) {
                *p = k;
            }
        }
        at += run.len();
    }
    let seq_of = |d: usize, s: usize| -> &[usize] {
        run_of.get(words::pair_key(d as u64, s as u64)).and_then(|r| runs.get(r as usize)).and_then(|(_, r)| seqs.get(r.clone())).unwrap_or(&[])
    };
    // (group, document) -> the group's unit in that document.
    let mut member_of = words::TokMap::with_capacity(n);
    for (g, m) in groups.iter().enumerate() {
        for &u in m {
            if let Some(q) = units.get(u) {
                member_of.set(words::pair_key(g as u64, q.doc as u64), u as u32);
            }
        }
    }
    let member = |g: usize, d: usize| member_of.get(words::pair_key(g as u64, d as u64)).map(|u| u as usize);
    let story = story_words(docs, units);
    // Candidate pairs (score, x, y), x in an earlier document than y.
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for ((d, s), range) in &runs {
        let (d, s) = (*d, *s);
        let seq = seqs.get(range.clone()).unwrap_or(&[]);
        for (k, &x) in seq.iter().enumerate() {
            // Documents (with their speaker) that share a group with a statement near x.
            cands.clear();
            let near = seq.get(k.saturating_sub(REACH)..(k + 1 + REACH).min(seq.len())).unwrap_or(&[]);
            for g in near.iter().filter_map(|&u| group_of.get(u).copied().flatten()) {
                for &v in groups.get(g).map_or(&[][..], |m| &m[..m.len().min(MEMBERS)]) {
                    let Some(q) = units.get(v) else { continue };
                    if let Some(s2) = speaker.get(v).copied().flatten().filter(|&s2| q.doc > d && same_speaker(entities, s, s2)) {
                        cands.push((q.doc, s2));
                    }
                }
            }
            crate::sort::by_key(&mut cands, |&(a, b)| [a as u64, b as u64, 0]);
            cands.dedup();
            for &(d2, s2) in &cands {
                let seq2 = seq_of(d2, s2);
                if group_of.get(x).copied().flatten().is_some_and(|g| member(g, d2).is_some()) {
                    continue;
                }
                // The anchors around x: the nearest statements before and after it whose
                // group has a statement in d2 (as positions in seq and seq2).
                let shared = |u: usize| group_of.get(u).copied().flatten().and_then(|g| member(g, d2));
                let pos2 = |v: usize| pos_in_seq.get(v).copied().filter(|&j| seq2.get(j) == Some(&v));
                let before = (k.saturating_sub(REACH)..k).rev().find_map(|i| seq.get(i).and_then(|&u| shared(u)).and_then(pos2).map(|j| (i, j)));
                let after = (k + 1..(k + 1 + REACH).min(seq.len())).find_map(|i| seq.get(i).and_then(|&u| shared(u)).and_then(pos2).map(|j| (i, j)));
                if before.is_none() && after.is_none() {
                    continue;
                }
                // d2's statements between the anchors (its whole reach on an open side).
                let lo2 = before.map_or(after.map_or(0, |(_, j)| j.saturating_sub(REACH)), |(_, j)| j + 1);
                let hi2 = after.map_or((lo2 + REACH).min(seq2.len()), |(_, j)| j);
                if hi2 <= lo2 || hi2 - lo2 > REACH {
                    continue;
                }
                let gap1 = after.map_or(seq.len(), |(i, _)| i) - before.map_or(0, |(i, _)| i + 1);
                let gap2 = hi2 - lo2;
                // How firmly the place pins the pair: between the same two anchors, one
                // statement on each side; next to one anchor, one on each side; or more.
                let place = match (before.is_some() && after.is_some(), gap1 == 1 && gap2 == 1) {
                    (true, true) => Place::Between,
                    (false, true) => Place::Next,
                    _ => Place::Open,
                };
                for &y in seq2.get(lo2..hi2).unwrap_or(&[]) {
                    // (Not a statement already grouped with one of d.)
                    if group_of.get(y).copied().flatten().is_some_and(|g| member(g, d).is_some()) {
                        continue;
                    }
                    let (Some(a), Some(b)) = (units.get(x), units.get(y)) else { continue };
                    // (Never a partial quotation of a word or two: too few words to tell.)
                    if a.short || b.short {
                        continue;
                    }
                    if let Some(score) = evidence(&a.tokens, &b.tokens, &story, place) {
                        pairs.push((score, x, y));
                    }
                }
            }
        }
    }
    if pairs.is_empty() {
        return;
    }
    crate::sort::by_key(&mut pairs, |p| [crate::sort::desc(crate::sort::float(p.0)), p.1 as u64, p.2 as u64]);
    // Best first; a statement joins one group, and a group holds one per document. (The
    // smaller group moves into the larger; which documents a group holds is one set.)
    let mut gdocs = words::TokMap::with_capacity(n);
    for (g, m) in groups.iter().enumerate() {
        for q in m.iter().filter_map(|&u| units.get(u)) {
            gdocs.set(words::pair_key(g as u64, q.doc as u64), 1);
        }
    }
    for (_, x, y) in pairs {
        let (gx, gy) = (group_of.get(x).copied().flatten(), group_of.get(y).copied().flatten());
        if gx.is_some() && gx == gy {
            continue;
        }
        // A unit alone becomes a group of one.
        let mut group = |u: usize, g: Option<usize>, groups: &mut Vec<Vec<usize>>| -> usize {
            g.unwrap_or_else(|| {
                groups.push(vec![u]);
                let id = groups.len() - 1;
                if let Some(s) = group_of.get_mut(u) {
                    *s = Some(id);
                }
                if let Some(q) = units.get(u) {
                    gdocs.set(words::pair_key(id as u64, q.doc as u64), 1);
                }
                id
            })
        };
        let (a, b) = (group(x, gx, groups), group(y, gy, groups));
        let size = |g: usize| groups.get(g).map_or(0, Vec::len);
        let (into, from) = if size(a) >= size(b) { (a, b) } else { (b, a) };
        let overlap = groups.get(from).into_iter().flatten().filter_map(|&u| units.get(u)).any(|q| gdocs.get(words::pair_key(into as u64, q.doc as u64)).is_some());
        // Every statement shares a word with every other (on a large group, with its
        // first ones): a group is never a chain of statements that share nothing.
        let apart = || {
            let (f, t) = (groups.get(from).map_or(&[][..], |m| &m[..m.len().min(MEMBERS)]), groups.get(into).map_or(&[][..], |m| &m[..m.len().min(MEMBERS)]));
            f.iter().any(|&u| t.iter().any(|&v| matches!((units.get(u), units.get(v)), (Some(a), Some(b)) if align::overlap(&a.tokens, &b.tokens) == 0)))
        };
        if overlap || apart() {
            continue;
        }
        let moved = groups.get_mut(from).map(std::mem::take).unwrap_or_default();
        for &u in &moved {
            if let Some(s) = group_of.get_mut(u) {
                *s = Some(into);
            }
            if let Some(q) = units.get(u) {
                gdocs.set(words::pair_key(into as u64, q.doc as u64), 1);
            }
        }
        if let Some(v) = groups.get_mut(into) {
            v.extend(moved);
        }
    }
    groups.retain(|g| g.len() >= 2);
}

/// The story's words: tokens of the statements that most sources (more than half, and
/// three at least) use in their own narration, outside quotations ("inflation" in a
/// central bank's story). Two statements sharing them are no more alike for it.
fn story_words(docs: &[TextDoc], units: &[Q]) -> Vec<words::Tok> {
    let n_tokens: usize = units.iter().map(|q| q.tokens.len()).sum();
    let mut slot_of = words::TokMap::with_capacity(n_tokens);
    for q in units {
        for &t in &q.tokens {
            let next = slot_of.len() as u32;
            slot_of.get_or_insert(t, next);
        }
    }
    let mut df: Vec<u32> = vec![0; slot_of.len()];
    let mut last_doc: Vec<usize> = vec![usize::MAX; slot_of.len()];
    let mut spans: Vec<(usize, usize, usize)> = units.iter().map(|q| (q.doc, q.start, q.end)).collect();
    crate::sort::by_key(&mut spans, |s| [s.0 as u64, s.1 as u64, s.2 as u64]);
    let mut buf: Vec<words::Tok> = Vec::new();
    for doc in docs {
        let from = spans.partition_point(|s| s.0 < doc.id);
        let quoted = spans.get(from..).unwrap_or(&[]);
        let quoted = quoted.get(..quoted.partition_point(|s| s.0 == doc.id)).unwrap_or(&[]);
        let mut k = 0;
        for r in &doc.sentences {
            while quoted.get(k).is_some_and(|s| s.2 <= r.start) {
                k += 1;
            }
            if quoted.iter().skip(k).take_while(|s| s.1 < r.end).any(|s| s.1 < r.end && s.2 > r.start) {
                continue;
            }
            buf.clear();
            words::sequence_into(doc.text.get(r.clone()).unwrap_or(""), &mut buf);
            for &t in &buf {
                let Some(slot) = slot_of.get(t).map(|x| x as usize) else { continue };
                if last_doc.get(slot) != Some(&doc.id) {
                    if let (Some(l), Some(c)) = (last_doc.get_mut(slot), df.get_mut(slot)) {
                        *l = doc.id;
                        *c += 1;
                    }
                }
            }
        }
    }
    let need = (docs.len() / 2 + 1).max(3) as u32;
    let mut out: Vec<words::Tok> = units.iter().flat_map(|q| q.tokens.iter().copied()).filter(|&t| slot_of.get(t).and_then(|s| df.get(s as usize)).is_some_and(|&c| c >= need)).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Where a statement stands against the anchors two sources share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Between the same two anchors, the only statement there in each source.
    Between,
    /// Next to the same anchor (nothing else of the speaker on its other side within
    /// reach), the only one there in each source.
    Next,
    /// Among other statements between or near the anchors.
    Open,
}

/// The score of two statements of one speaker at `place` in two sources, or `None` when
/// their words are too few: one shared word between two anchors; two shared words and a
/// similarity of 0.25 next to one; elsewhere two shared words that are not the story's,
/// and the same similarity.
fn evidence(a: &[words::Tok], b: &[words::Tok], story: &[words::Tok], place: Place) -> Option<f64> {
    let inter = align::overlap(a, b);
    let sim = align::similarity_n(inter, a.len(), b.len());
    let ok = match place {
        Place::Between => inter >= 1,
        Place::Next => inter >= 2 && sim >= 0.25,
        Place::Open => inter.saturating_sub(shared_story(a, b, story)) >= 2 && sim >= 0.25,
    };
    let bonus = match place {
        Place::Between => 2.0,
        Place::Next => 1.0,
        Place::Open => 0.0,
    };
    ok.then_some(sim + bonus)
}

/// How many tokens of both `a` and `b` are story words.
fn shared_story(a: &[words::Tok], b: &[words::Tok], story: &[words::Tok]) -> usize {
    a.iter().filter(|t| b.binary_search(t).is_ok() && story.binary_search(t).is_ok()).count()
}
