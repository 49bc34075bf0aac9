//! Splitting a cluster of one key into facts: each document gives one figure of a fact,
//! plus the figures that restate it (a headline and its body), update it (another
//! reporting time, "rose to") or compete with it (another source's estimate in the same
//! article: "1.1 million (Interior Ministry) and 3.5 million (CGT)").

use super::*;
use std::collections::BTreeMap;

/// Splits a cluster into facts with at most one figure per document (plus repeats and
/// time-ordered updates of it). See module docs, step 4.
pub(crate) fn split_per_doc(items: &[Item], members: &[usize]) -> Vec<Vec<usize>> {
    let mut remaining: Vec<usize> = members.to_vec();
    let mut facts = Vec::new();
    // Bounded work on huge inputs: at most MAX_ROUNDS facts per cluster, and the primary
    // figure of a document chosen among its first MAX_CANDIDATES.
    const MAX_ROUNDS: usize = 100;
    const MAX_CANDIDATES: usize = 200;
    // Up to this many documents, overlaps are counted pair by pair; beyond, through
    // sorted bounds (near-linear).
    const EXACT_DOCS: usize = 24;
    let mut taken: Map<usize, ()> = Map::default();
    // Per document, its [`stays_with`] counts, kept from round to round.
    let stays_counts: std::cell::RefCell<Map<usize, StaysCounts>> = Default::default();
    while !remaining.is_empty() && facts.len() < MAX_ROUNDS {
        let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &remaining {
            if let Some(it) = items.get(i) {
                by_doc.entry(it.doc).or_default().push(i);
            }
        }
        {
            let mut counts = stays_counts.borrow_mut();
            counts.retain(|d, _| by_doc.contains_key(d));
            for (&d, cands) in &by_doc {
                counts.entry(d).or_default().slide(items, cands);
            }
        }
        let stays_count = |cands: &[usize], i: usize| -> usize {
            let doc = items.get(i).map_or(usize::MAX, |it| it.doc);
            match stays_counts.borrow_mut().get_mut(&doc) {
                Some(c) => c.get(items, i),
                None => stays_with(items, cands, i),
            }
        };
        let sweep = (by_doc.len() > EXACT_DOCS).then(|| Overlaps::new(items, &by_doc));
        // (Few documents: each one's figures indexed, for exact answers without visiting
        // every figure of the others for every candidate.)
        let exact: Vec<(usize, DocIndex)> = if sweep.is_none() { by_doc.iter().map(|(&d, os)| (d, DocIndex::new(items, os))).collect() } else { Vec::new() };
        let mut fact: Vec<usize> = Vec::new();
        // Each document's primary figure and the range of `fact` it and its repeats take.
        let mut groups: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut primaries: Vec<usize> = Vec::with_capacity(by_doc.len());
        for (doc, cands) in &by_doc {
            // Overlaps with other documents first; then a written concept, a class more
            // specific than people, the value nearest another document's (so that when
            // figures conflict, "44 seats" is set against "45 seats", not "87 seats"),
            // and the first.
            type Score = (usize, bool, bool, std::cmp::Reverse<u64>, std::cmp::Reverse<usize>);
            let score = |i: usize| -> Score {
                let Some(it) = items.get(i) else { return (0, false, false, std::cmp::Reverse(u64::MAX), std::cmp::Reverse(usize::MAX)) };
                let (overlaps, nearest) = match &sweep {
                    Some(sw) => (sw.other_docs(&it.round, *doc), 0.0),
                    None => {
                        let others = || exact.iter().filter(|(d, _)| d != doc).map(|(_, ix)| ix);
                        let overlaps = others().filter(|ix| ix.overlaps(items, &it.round)).count();
                        let nearest = others().map(|ix| ix.nearest(it.value)).fold(f64::INFINITY, f64::min);
                        (overlaps, nearest)
                    }
                };
                let specific = !matches!(it.concept, Some(Concept::Class("people")));
                let near = if nearest.is_finite() { (nearest * 1e9).min(u64::MAX as f64) as u64 } else { u64::MAX };
                (overlaps + stays_count(cands, i), !it.inferred, specific, std::cmp::Reverse(near), std::cmp::Reverse(it.start))
            };
            let primary = match cands.as_slice() {
                [only] => *only,
                _ => match cands.iter().take(MAX_CANDIDATES).max_by_key(|&&i| score(i)) {
                    Some(&p) => p,
                    None => continue,
                },
            };
            primaries.push(primary);
        }
        // Each document chose on its own; a document whose choice overlaps fewer of the
        // others' choices than another of its figures does takes that one instead (one
        // outlet's "41.2%" for a party, not its "28.9%" for another, when the others'
        // choices say 41).
        if sweep.is_none() && primaries.len() >= 3 {
            let chosen = primaries.clone();
            for (slot, cands) in primaries.iter_mut().zip(by_doc.values()) {
                if cands.len() < 2 {
                    continue;
                }
                let mut best = (fit_count(items, &chosen, *slot) + stays_count(cands, *slot), *slot);
                for &i in cands.iter().take(MAX_CANDIDATES) {
                    let n = fit_count(items, &chosen, i) + stays_count(cands, i);
                    if n > best.0 {
                        best = (n, i);
                    }
                }
                *slot = best.1;
            }
        }
        for (&primary, cands) in primaries.iter().zip(by_doc.values()) {
            let Some(p) = items.get(primary) else { continue };
            let from = fact.len();
            fact.push(primary);
            for &c in cands {
                if c == primary {
                    continue;
                }
                let Some(it) = items.get(c) else { continue };
                // Another figure of the same document stays in the fact only when it
                // states the same thing: a repeat, a restatement that allows the same
                // value (a headline's "dozens" or "15" for the body's "at least 15"), or
                // an update at another time; and it names the same thing (the cluster may
                // join different things through a third: "profit climbed to $1.2bn
                // while revenue reached $8.4bn" is two facts).
                if stays(it, p) {
                    fact.push(c);
                }
            }
            groups.push((primary, from..fact.len()));
        }

        // The documents' figures must name the same thing directly, not through a third
        // figure of the cluster (a chain of shared words can join a food price to a bank
        // rate): the largest set of documents whose figures are related (directly or
        // through each other's) is kept, the others wait for the next round.
        if sweep.is_none() && groups.len() >= 2 {
            let n = groups.len();
            let mut parent: Vec<usize> = (0..n).collect();
            // Two documents' figures are related when any of the one's (its primary and
            // repeats: a headline may name less than its body) is to any of the other's.
            let members = |g: usize| groups.get(g).and_then(|(_, r)| fact.get(r.clone())).unwrap_or(&[]).iter().filter_map(|&i| items.get(i));
            for a in 0..n {
                for b in a + 1..n {
                    if members(a).any(|x| members(b).any(|y| same_thing(x, y) || related(x, y, x.dim != "count"))) {
                        topics::union(&mut parent, b, a);
                    }
                }
            }
            let roots: Vec<usize> = (0..n).map(|a| topics::find(&mut parent, a)).collect();
            let size = |r: usize| roots.iter().filter(|&&x| x == r).count();
            // The largest component; the first on ties.
            let best = roots.iter().copied().max_by_key(|&r| (size(r), std::cmp::Reverse(r))).unwrap_or(0);
            if size(best) < n {
                let keep: Vec<usize> = groups
                    .iter()
                    .zip(&roots)
                    .filter(|(_, &r)| r == best)
                    .flat_map(|((_, range), _)| fact.get(range.clone()).unwrap_or(&[]).to_vec())
                    .collect();
                fact = keep;
            }
        }
        groups.clear();
        if fact.is_empty() {
            break;
        }
        crate::sort::by_key(&mut fact, |&i| items.get(i).map_or([0; 3], |x| [int(x.doc) + 1, x.start as u64, 0]));
        taken.clear();
        taken.extend(fact.iter().map(|&i| (i, ())));
        remaining.retain(|i| !taken.contains_key(i));
        facts.push(fact);
    }
    facts
}

/// How many of the figures `chosen` (of other documents) overlap figure `i`.
#[inline(never)]
pub(crate) fn fit_count(items: &[Item], chosen: &[usize], i: usize) -> usize {
    let Some(it) = items.get(i) else { return 0 };
    chosen.iter().filter_map(|&c| items.get(c)).filter(|c| c.doc != it.doc && c.round.intersect(&it.round).is_some()).count()
}

/// Counts, for a query interval, the other documents whose figures overlap it, through
/// sorted bounds: each document's intervals are merged into disjoint segments, and the
/// segments that overlap a query are all those minus the ones ending before it and the
/// ones starting after it (bounds taken as closed). Used for clusters of many documents.
pub(crate) struct Overlaps {
    /// Segment lower bounds, sorted (-inf when open).
    los: Vec<f64>,
    /// Segment upper bounds, sorted (+inf when open).
    his: Vec<f64>,
    /// Each document's segments.
    per_doc: Map<usize, Vec<(f64, f64)>>,
}

impl Overlaps {
    fn new(items: &[Item], by_doc: &BTreeMap<usize, Vec<usize>>) -> Self {
        let mut los = Vec::new();
        let mut his = Vec::new();
        let mut per_doc = Map::default();
        for (&doc, members) in by_doc {
            let mut segs: Vec<(f64, f64)> = members.iter().filter_map(|&i| items.get(i)).map(|it| bounds(&it.round)).collect();
            crate::sort::by_key(&mut segs, |a| [float(a.0), 0, 0]);
            let mut merged: Vec<(f64, f64)> = Vec::with_capacity(segs.len());
            for (lo, hi) in segs {
                match merged.last_mut() {
                    Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
                    _ => merged.push((lo, hi)),
                }
            }
            for &(lo, hi) in &merged {
                los.push(lo);
                his.push(hi);
            }
            per_doc.insert(doc, merged);
        }
        crate::sort::floats(&mut los);
        crate::sort::floats(&mut his);
        Overlaps { los, his, per_doc }
    }

    fn other_docs(&self, iv: &Interval, doc: usize) -> usize {
        let (lo, hi) = bounds(iv);
        let ending_before = self.his.partition_point(|&h| h < lo);
        let starting_after = self.los.len() - self.los.partition_point(|&l| l <= hi);
        let all = self.los.len().saturating_sub(ending_before + starting_after);
        let own = self.per_doc.get(&doc).map(|v| v.iter().filter(|&&(l, h)| h >= lo && l <= hi).count()).unwrap_or(0);
        all.saturating_sub(own)
    }
}

/// One document's figures in a cluster of few documents, indexed for [`split_per_doc`]'s
/// two questions about a candidate figure of another document: does any of these figures
/// share a value with it (`round.intersect`), and how near is the nearest value
/// (`rel_gap`). The answers are those of a loop over every figure; the work is a binary
/// search and, for overlaps, the few figures near the query.
struct DocIndex {
    /// (lower bound, upper bound, item) of each figure's `round`, by lower bound.
    by_lo: Vec<(f64, f64, usize)>,
    /// Per position of `by_lo`: the largest upper bound up to it, and its position.
    run_max: Vec<(f64, usize)>,
    /// The figures' values, sorted.
    values: Vec<f64>,
}

impl DocIndex {
    fn new(items: &[Item], members: &[usize]) -> DocIndex {
        let mut by_lo: Vec<(f64, f64, usize)> = members.iter().filter_map(|&i| items.get(i).map(|it| (bounds(&it.round), i))).map(|((l, h), i)| (l, h, i)).collect();
        crate::sort::by_key(&mut by_lo, |e| [float(e.0), 0, 0]);
        let mut run_max: Vec<(f64, usize)> = Vec::with_capacity(by_lo.len());
        for (k, e) in by_lo.iter().enumerate() {
            let top = match run_max.last() {
                Some(&(m, at)) if m >= e.1 => (m, at),
                _ => (e.1, k),
            };
            run_max.push(top);
        }
        let mut values: Vec<f64> = members.iter().filter_map(|&i| items.get(i)).map(|it| it.value).collect();
        crate::sort::floats(&mut values);
        DocIndex { by_lo, run_max, values }
    }

    /// Whether any figure of the document shares a value with `q` (as
    /// `figure.round.intersect(q)` says). Only figures whose bounds come within a margin
    /// of `q` can (the margin is far wider than `interval::same`'s tolerance); each is
    /// checked with `intersect` itself: first the one reaching highest, then the others
    /// from the highest lower bound down while any before them reaches `q`.
    fn overlaps(&self, items: &[Item], q: &Interval) -> bool {
        let margin = |x: f64| 1e-6 * x.abs().max(1.0);
        let (ql, qh) = bounds(q);
        let (top_lo, reach) = (qh + margin(qh), ql - margin(ql));
        let p = self.by_lo.partition_point(|e| e.0 <= top_lo);
        let Some(&(top, at)) = p.checked_sub(1).and_then(|k| self.run_max.get(k)) else { return false };
        if top < reach {
            return false;
        }
        let hit = |k: usize| self.by_lo.get(k).and_then(|e| items.get(e.2)).is_some_and(|o| o.round.intersect(q).is_some());
        if hit(at) {
            return true;
        }
        for k in (0..p).rev() {
            if self.run_max.get(k).map_or(true, |m| m.0 < reach) {
                break;
            }
            if hit(k) {
                return true;
            }
        }
        false
    }

    /// The least `rel_gap(x, v)` over the document's values `x` (infinity when none).
    /// Between `-max(|v|, 1)` and `max(|v|, 1)` the divisor of `rel_gap` is constant, so
    /// the gap shrinks as `x` nears `v`; beyond, on the far side of zero from `v`, it
    /// shrinks as `x` goes further out (`1 + |v| / |x|`), and on `v`'s side it grows. So
    /// the least is at the values next to `v` on either side or at the two extremes.
    fn nearest(&self, v: f64) -> f64 {
        let k = self.values.partition_point(|&x| x < v);
        [k.checked_sub(1), Some(k), Some(0), self.values.len().checked_sub(1)]
            .into_iter()
            .flatten()
            .filter_map(|j| self.values.get(j))
            .map(|&x| rel_gap(x, v))
            .fold(f64::INFINITY, f64::min)
    }
}

/// The attribution a reading's figure names, if any.
fn figures_attr(it: &Item) -> Option<&str> {
    it.attribution.as_deref()
}

/// True when figure `it` of a document stays in the fact whose figure of that document is
/// `p`: it states the same thing, as a repeat, a restatement that allows the same value
/// (a headline's "dozens" or "15" for the body's "at least 15"), an update at another time
/// or with an update word ("rose to"), or a competing estimate from another named source
/// ("1.089 million (Interior Ministry) and 3.5 million (CGT)"); and it names the same
/// thing (the cluster may join different things through a third: "profit climbed to
/// $1.2bn while revenue reached $8.4bn" is two facts). The same value said twice in one
/// document, in one cluster, is one figure said twice, whatever nouns the two name.
pub(crate) fn stays(it: &Item, p: &Item) -> bool {
    let repeat = it.iv.identical(&p.iv);
    // (Rounding granted: "51.8 degrees Celsius (125 Fahrenheit)" restates one value.)
    let restated = nested(&it.iv, &p.iv) || nested(&it.round, &p.round) || (is_vague(it) || is_vague(p)) && it.iv.intersect(&p.iv).is_some();
    let timed = match (it.time, p.time) {
        (Some(a), Some(b)) => a.scale == b.scale && (a.pos - b.pos).abs() >= 0.2,
        _ => false,
    };
    let competing = match (figures_attr(it), figures_attr(p)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    };
    let converted = it.converts == Some(p.id) || p.converts == Some(it.id);
    repeat || converted || (restated || timed || it.update || p.update || competing) && same_thing(it, p)
}

/// How many of a document's first figures [`stays_with`] looks at.
const STAYS_WINDOW: usize = 64;

/// [`stays_with`] for one document over the rounds of [`split_per_doc`]: the counts of
/// the figures asked about, kept while the window (the document's first figures left)
/// changes by a few figures a round, instead of counted again over the whole window for
/// every candidate in every round.
#[derive(Default)]
struct StaysCounts {
    window: Vec<usize>,
    counts: Map<usize, usize>,
}

impl StaysCounts {
    /// Moves the window to the document's figures left (`cands`, in their order): the
    /// counts are corrected for the figures that left it and came into it, or dropped
    /// when many did.
    fn slide(&mut self, items: &[Item], cands: &[usize]) {
        let new = cands.get(..STAYS_WINDOW).unwrap_or(cands);
        if new == self.window.as_slice() {
            return;
        }
        let (mut old_sorted, mut new_sorted) = (self.window.clone(), new.to_vec());
        crate::sort::plain(&mut old_sorted);
        crate::sort::plain(&mut new_sorted);
        let gone: Vec<usize> = old_sorted.iter().copied().filter(|c| new_sorted.binary_search(c).is_err()).collect();
        let came: Vec<usize> = new_sorted.iter().copied().filter(|c| old_sorted.binary_search(c).is_err()).collect();
        if gone.len() + came.len() > 16 {
            self.counts.clear();
        } else {
            // (figures no longer the document's are never asked about again)
            let mut left: Vec<usize> = cands.to_vec();
            crate::sort::plain(&mut left);
            self.counts.retain(|i, _| left.binary_search(i).is_ok());
            let stays_i = |c: usize, i: usize, p: &Item| c != i && items.get(c).is_some_and(|it| stays(it, p));
            for (&i, n) in self.counts.iter_mut() {
                let Some(p) = items.get(i) else { continue };
                *n = n.saturating_sub(gone.iter().filter(|&&c| stays_i(c, i, p)).count());
                *n += came.iter().filter(|&&c| stays_i(c, i, p)).count();
            }
        }
        self.window.clear();
        self.window.extend_from_slice(new);
    }

    /// [`stays_with`] of figure `i` over the window.
    fn get(&mut self, items: &[Item], i: usize) -> usize {
        let window = &self.window;
        *self.counts.entry(i).or_insert_with(|| stays_with(items, window, i))
    }
}

/// How many other figures of its document (`cands`) would stay with figure `i` in a fact
/// ([`stays`]): a document's figure that its headline, body and updates all restate is
/// the one to compare ("1,301" with "at least 1,300" and "more than 1,100"), not a figure
/// for a part of the story ("577 for the two busiest days").
pub(crate) fn stays_with(items: &[Item], cands: &[usize], i: usize) -> usize {
    let Some(p) = items.get(i) else { return 0 };
    cands.iter().take(STAYS_WINDOW).filter(|&&c| c != i).filter_map(|&c| items.get(c)).filter(|it| stays(it, p)).count()
}
