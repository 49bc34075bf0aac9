//! Grouping marked quotations across documents: the same statement quoted by several
//! sources, found through an index of tokens so that the work stays near-linear.


use crate::report::{Entity, EntityKind};
use crate::sort::{desc, float, int};

use super::mentions::same_speaker;
use super::{align, words, Q, MAX_POSTINGS};

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
pub(super) fn group_marked(qs: &[Q], entities: &[Entity]) -> Vec<Vec<usize>> {
    let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
    // Classes of identical token sets, one quotation per document each.
    let classes = Classes::new(qs);
    // Classes are numbered by their first quotation, in order.
    let rep = |c: usize| classes.first(c).and_then(|i| qs.get(i));
    let docs_of = |c: usize| classes.members(c).filter_map(|i| qs.get(i).map(|q| q.doc));
    // Candidate pairs through a token index: (token, class) sorted, so that each token's
    // classes are one run (in class order), and the pairs of classes that share a token
    // are counted by sorting them too (no table or list per token).
    let n_postings: usize = (0..classes.len()).filter_map(rep).map(|q| q.tokens.len()).sum();
    let mut postings: Vec<(words::Tok, usize)> = Vec::with_capacity(n_postings);
    for c in 0..classes.len() {
        postings.extend(rep(c).map(|q| q.tokens.as_slice()).unwrap_or(&[]).iter().map(|&t| (t, c)));
    }
    postings.sort_unstable();
    // The runs of tokens used, in token order until the budget is spent, by token. (The
    // map is sized by the tokens that can have a run, not by the postings: a statement
    // repeated ten thousand times has a few dozen tokens.)
    let can_run = postings.chunk_by(|a, b| a.0 == b.0).filter(|p| (2..=MAX_POSTINGS).contains(&p.len())).count();
    let mut run_of = words::TokMap::with_capacity(can_run);
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
    // (each class's tokens, in class order, read from its quotation: no copy of the
    // postings in class order)
    for i in 0..classes.len() {
        for &t in rep(i).map(|q| q.tokens.as_slice()).unwrap_or(&[]) {
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
            let same_doc = classes.len_of(i) == 1 && classes.len_of(j) == 1 && rep(i).map(|q| q.doc) == rep(j).map(|q| q.doc);
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
    // Groups of classes: every class starts as its own group; a pair merges two groups,
    // the smaller into the larger (so that each class moves O(log n) times).
    let mut groups = ClassGroups::new(qs, &classes, is_person);
    for (_, i, j) in pairs {
        let (Some(gi), Some(gj)) = (groups.of(i), groups.of(j)) else { continue };
        if gi == gj {
            continue;
        }
        let (mi, mj) = (groups.members(gi), groups.members(gj));
        // One quotation per document in a group.
        if groups.docs_overlap(gi, gj, &docs_of) {
            continue;
        }
        // Every pair across the merge at least loosely similar (on large groups, each
        // class of the smaller one against a sample of the larger one).
        let (small, large) = if mi.len() <= mj.len() { (mi, mj) } else { (mj, mi) };
        let sample: Vec<usize> = if small.len() * large.len() <= LOOSE_PAIRS {
            large.to_vec()
        } else {
            large.iter().take(LOOSE_SAMPLE / 2).chain(large.iter().rev().take(LOOSE_SAMPLE / 2)).copied().collect()
        };
        let loose = small.iter().all(|&a| {
            sample.iter().all(|&b| match (rep(a), rep(b)) {
                (Some(x), Some(y)) => align::similarity(&x.tokens, &y.tokens) >= 0.35,
                _ => false,
            })
        });
        // Two persons named as speakers: two statements, however alike their words.
        let (si, sj) = (groups.speakers(gi), groups.speakers(gj));
        if !loose || si.iter().any(|&a| sj.iter().any(|&b| !same_speaker(entities, a, b))) {
            continue;
        }
        // A partial quotation of a word or two joins only the same speaker's words.
        let partial = |m: &[usize]| m.iter().any(|&c| rep(c).is_some_and(|q| q.short));
        if (partial(mi) || partial(mj)) && (si.is_empty() || sj.is_empty()) {
            continue;
        }
        groups.merge(gi, gj, &docs_of);
    }
    // Groups of two or more classes, or one class quoted by several documents in words
    // that can be compared (two tokens or more), by their first class; classes to
    // quotations.
    let mut out: Vec<(usize, Vec<usize>)> = groups
        .into_groups()
        .filter(|g| g.len() >= 2 || g.first().is_some_and(|&c| classes.len_of(c) >= 2 && one_class_group(qs, &classes, c, entities)))
        .map(|g| (g.iter().copied().min().unwrap_or(0), g.iter().flat_map(|&c| classes.members(c)).collect::<Vec<usize>>()))
        .collect();
    crate::sort::by_key(&mut out, |(first, _)| [int(*first), 0, 0]);
    out.into_iter().map(|(_, g)| g).filter(|g| g.len() >= 2).collect()
}

/// True when class `c` (the same words quoted by several documents) is a group by
/// itself: words that can be compared (two tokens or more), or a partial quotation of a
/// word or two that every source gives to the same person.
fn one_class_group(qs: &[Q], classes: &Classes, c: usize, entities: &[Entity]) -> bool {
    let Some(first) = classes.first(c).and_then(|i| qs.get(i)) else { return false };
    if !first.short {
        return align::same_statement(&first.tokens, &first.tokens);
    }
    let Some(s) = first.speaker else { return false };
    !first.tokens.is_empty() && classes.members(c).all(|i| qs.get(i).and_then(|q| q.speaker).is_some_and(|x| same_speaker(entities, s, x)))
}

/// Above this many pairs of classes, merging two groups checks their similarity on a
/// sample of the larger group ([`LOOSE_SAMPLE`] classes: its first and last ones).
const LOOSE_PAIRS: usize = 4096;
const LOOSE_SAMPLE: usize = 64;

/// Quotations with identical token sets, one per document per class: the n-th quotation
/// of some words in a document joins the n-th class of those words. Members are chained
/// (no list per class).
struct Classes {
    /// First and last quotation of each class.
    ends: Vec<(usize, usize)>,
    len: Vec<u32>,
    /// The next quotation of the same class (`usize::MAX` at the end).
    next: Vec<usize>,
}

impl Classes {
    fn new(qs: &[Q]) -> Self {
        let mut c = Classes { ends: Vec::new(), len: Vec::new(), next: vec![usize::MAX; qs.len()] };
        // (words, n) -> the n-th class of those words; (words, doc) -> how many times the
        // document quoted them so far. The words go by a hash of their token set (tokens
        // are 64-bit hashes already: a collision of two sets is negligible).
        let mut nth = words::TokMap::with_capacity(qs.len());
        let mut seen = words::TokMap::with_capacity(qs.len());
        for (i, q) in qs.iter().enumerate() {
            let set = q.tokens.iter().fold(words::word_hash(&(q.tokens.len() as u64).to_le_bytes()), |h, &t| (h ^ t).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29));
            let n = seen.get(words::pair_key(set, q.doc as u64)).unwrap_or(0);
            seen.set(words::pair_key(set, q.doc as u64), n + 1);
            let slot = words::pair_key(set ^ 0x5555_5555_5555_5555, u64::from(n));
            match nth.get(slot).map(|k| k as usize) {
                Some(k) => {
                    if let Some(e) = c.ends.get_mut(k) {
                        if let Some(x) = c.next.get_mut(e.1) {
                            *x = i;
                        }
                        e.1 = i;
                    }
                    if let Some(l) = c.len.get_mut(k) {
                        *l += 1;
                    }
                }
                None => {
                    nth.set(slot, c.ends.len() as u32);
                    c.ends.push((i, i));
                    c.len.push(1);
                }
            }
        }
        c
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn len_of(&self, c: usize) -> usize {
        self.len.get(c).map_or(0, |&l| l as usize)
    }

    fn first(&self, c: usize) -> Option<usize> {
        self.ends.get(c).map(|e| e.0)
    }

    /// The quotations of class `c`, in order.
    fn members(&self, c: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.first(c), |&i| self.next.get(i).copied().filter(|&n| n != usize::MAX))
    }
}

/// Disjoint groups of classes, each with its person speakers, merged smaller into
/// larger; which documents each group holds is one set of (group, document) pairs.
struct ClassGroups {
    /// Group of each class.
    of: Vec<usize>,
    /// Classes of each group of two or more (empty for a class alone or once merged).
    members: Vec<Vec<usize>>,
    /// 0..n, for a class alone as a slice.
    ids: Vec<usize>,
    /// (group, document) pairs, as [`words::pair_key`]s.
    docs: words::TokMap,
    /// Distinct person speakers of each group.
    speakers: Vec<Vec<usize>>,
}

impl ClassGroups {
    fn new(qs: &[Q], classes: &Classes, is_person: impl Fn(usize) -> bool) -> Self {
        let n = classes.len();
        let mut docs = words::TokMap::with_capacity(qs.len());
        let mut speakers = Vec::with_capacity(n);
        for c in 0..n {
            let mut s: Vec<usize> = Vec::new();
            for i in classes.members(c) {
                let Some(q) = qs.get(i) else { continue };
                docs.get_or_insert(words::pair_key(c as u64, q.doc as u64), 1);
                if let Some(e) = q.speaker.filter(|&e| is_person(e) && !s.contains(&e)) {
                    s.push(e);
                }
            }
            speakers.push(s);
        }
        ClassGroups { of: (0..n).collect(), members: vec![Vec::new(); n], ids: (0..n).collect(), docs, speakers }
    }

    fn of(&self, class: usize) -> Option<usize> {
        self.of.get(class).copied()
    }

    fn members(&self, g: usize) -> &[usize] {
        match self.members.get(g) {
            Some(m) if !m.is_empty() => m,
            _ if self.of(g) == Some(g) => self.ids.get(g..=g).unwrap_or(&[]),
            _ => &[],
        }
    }

    fn speakers(&self, g: usize) -> &[usize] {
        self.speakers.get(g).map_or(&[], Vec::as_slice)
    }

    /// True when the two groups share a document (the smaller one's looked up in the
    /// larger one's).
    fn docs_overlap<I: Iterator<Item = usize>>(&self, a: usize, b: usize, docs_of: &impl Fn(usize) -> I) -> bool {
        let (small, large) = if self.members(a).len() <= self.members(b).len() { (a, b) } else { (b, a) };
        self.members(small).iter().flat_map(|&c| docs_of(c)).any(|d| self.docs.get(words::pair_key(large as u64, d as u64)).is_some())
    }

    /// Moves the smaller of groups `a` and `b` into the larger.
    fn merge<I: Iterator<Item = usize>>(&mut self, a: usize, b: usize, docs_of: &impl Fn(usize) -> I) {
        let (into, from) = if self.members(a).len() >= self.members(b).len() { (a, b) } else { (b, a) };
        let moved: Vec<usize> = self.members(from).to_vec();
        let kept: Vec<usize> = self.members(into).to_vec();
        for &c in &moved {
            if let Some(g) = self.of.get_mut(c) {
                *g = into;
            }
            for d in docs_of(c) {
                self.docs.get_or_insert(words::pair_key(into as u64, d as u64), 1);
            }
        }
        if let Some(m) = self.members.get_mut(from) {
            m.clear();
        }
        if let Some(m) = self.members.get_mut(into) {
            if m.is_empty() {
                *m = kept;
            }
            m.extend(moved);
        }
        let speakers = self.speakers.get_mut(from).map(std::mem::take).unwrap_or_default();
        if let Some(s) = self.speakers.get_mut(into) {
            for x in speakers {
                if !s.contains(&x) {
                    s.push(x);
                }
            }
        }
    }

    /// The groups' classes (each group once).
    fn into_groups(self) -> impl Iterator<Item = Vec<usize>> {
        let ClassGroups { of, members, .. } = self;
        members.into_iter().enumerate().filter_map(move |(g, m)| {
            if !m.is_empty() {
                Some(m)
            } else if of.get(g) == Some(&g) {
                Some(vec![g])
            } else {
                None
            }
        })
    }
}
