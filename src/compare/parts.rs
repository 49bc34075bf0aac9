//! Parts and totals across facts: a fact limited to a place, a group or a named party
//! ("deaths in Kansas", "Egyptian pilgrims who died", "deaths linked to the Corvo Fire")
//! is a part of the overall fact that counts the same thing with the same event in the
//! same topic ("deaths"). Parts are listed under their total ([`Fact::parts_of`],
//! [`Fact::parts`]) and checked against it: parts of one kind (places of one level,
//! origins, named parties) are disjoint, so what they add up to can never be more than the
//! total allows. Parts adding up to less are the usual case (not every place is named);
//! parts adding up to more are a conflict the total's verdict states.
//!
//! Sums honour each figure's interval: a part "more than 30" adds its lower bound (open),
//! "about 20" its band, a part whose sources disagree the widest its figures allow.
//! Places are summed by level (countries, known regions and cities, other names) so that
//! a county is never added to the state around it.
//!
//! Everything here is linear in the number of facts: totals are indexed by key, each part
//! looks at a bounded number of candidates, and each part joins one total.

use super::interval::{describe, Interval};
use super::*;
use crate::reading::scope::{Scope, ScopeKind};

/// What a fact counts, read from its figures, for matching parts with totals.
pub(crate) struct Key {
    pub topic: usize,
    pub dim: String,
    pub event: Option<String>,
    pub concept: Option<Concept>,
    pub scope: Option<Scope>,
    pub earlier: bool,
    /// The documents giving the fact, sorted.
    pub docs: Vec<usize>,
}

impl Key {
    /// The key of a fact of items `its` (written concepts before borrowed ones).
    pub(crate) fn of(its: &[&Item]) -> Option<Key> {
        let first = its.iter().find(|i| !i.inferred && i.concept.is_some()).or(its.first())?;
        Some(Key {
            topic: first.topic,
            dim: first.dim.to_string(),
            event: its.iter().find_map(|i| i.event.clone()),
            concept: first.concept.clone(),
            scope: its.iter().find_map(|i| i.scope.as_deref().cloned()),
            earlier: its.iter().any(|i| i.earlier),
            docs: {
                let mut d: Vec<usize> = its.iter().map(|i| i.doc).collect();
                crate::sort::plain(&mut d);
                d.dedup();
                d
            },
        })
    }

    /// True when the fact can be a part or a total: a current amount of an additive
    /// dimension; a count says what happened or names its own noun ("cases"): "police"
    /// with no verb may be those deployed in one place and those hurt in another.
    fn adds_up(&self) -> bool {
        !self.earlier && additive(&self.dim) && (self.dim != "count" || self.event.is_some() || matches!(self.concept, Some(Concept::Head(_))))
    }
}

/// Most totals a part is tried against (the best-ranked first).
const MAX_CANDIDATES: usize = 8;

/// True for a dimension whose amounts add up: counts, areas, masses, volumes, energy and
/// money (a percentage, a speed or a temperature of a part says nothing about the sum).
fn additive(dim: &str) -> bool {
    matches!(dim, "count" | "km2" | "kg" | "litre" | "kilowatt hour") || crate::figures::units::base(dim).is_some_and(|b| b.currency)
}

/// True when a part counting `a` is a part of a total counting `b`.
fn same_count(a: &Option<Concept>, b: &Option<Concept>) -> bool {
    match (a, b) {
        (Some(Concept::Class(x)), Some(Concept::Class(y))) => x == y || living_pair(x, y) || living_pair(y, x),
        (Some(Concept::Head(x)), Some(Concept::Head(y))) => x == y,
        (None, None) => true,
        _ => false,
    }
}

/// Words of a place's name that make it a local unit inside a region ("Gaines County").
const LOCAL_UNITS: [&str; 8] = ["county", "district", "borough", "township", "municipality", "parish", "village", "town"];

/// Which parts are disjoint, so that their sum is bounded by the total: parts of one kind,
/// places of one level: 0 countries, 2 towns and cities of the gazetteer and local units
/// ("Gaines County"), 1 the rest (states, regions, provinces, other names). A county and
/// its state are never added together; two places of one level are taken to be apart.
fn partition(s: &Scope) -> (ScopeKind, u8) {
    let level = match s.kind {
        ScopeKind::Location => {
            let t = crate::entities::tables::tables();
            let f = crate::text::fold::fold(&s.label);
            if t.place(&f).is_some_and(|p| p.country) {
                0
            } else if t.cities.contains(&f) || f.split(' ').any(|w| LOCAL_UNITS.contains(&w)) {
                2
            } else {
                1
            }
        }
        _ => 0,
    };
    (s.kind, level)
}

/// The interval a fact allows as one value: its consensus, else (no value fits all its
/// sources) the hull of its figures' bounds.
pub(crate) fn allowed(f: &Fact) -> Interval {
    if let Some([lo, hi]) = f.consensus {
        return Interval { lo, hi, lo_inc: true, hi_inc: true };
    }
    let lo = f.bounds.iter().map(|b| b[0]).try_fold(f64::INFINITY, |m, x| x.map(|x| m.min(x)));
    let hi = f.bounds.iter().map(|b| b[1]).try_fold(f64::NEG_INFINITY, |m, x| x.map(|x| m.max(x)));
    Interval { lo: lo.filter(|x| x.is_finite()), hi: hi.filter(|x| x.is_finite()), lo_inc: true, hi_inc: true }
}

/// The smallest interval holding both `a` and `b`.
fn hull(a: &Interval, b: &Interval) -> Interval {
    let (lo, lo_inc) = match (a.lo, b.lo) {
        (Some(x), Some(y)) if interval::same(x, y) => (Some(x), a.lo_inc || b.lo_inc),
        (Some(x), Some(y)) if x < y => (Some(x), a.lo_inc),
        (Some(_), Some(y)) => (Some(y), b.lo_inc),
        _ => (None, true),
    };
    let (hi, hi_inc) = match (a.hi, b.hi) {
        (Some(x), Some(y)) if interval::same(x, y) => (Some(x), a.hi_inc || b.hi_inc),
        (Some(x), Some(y)) if x > y => (Some(x), a.hi_inc),
        (Some(_), Some(y)) => (Some(y), b.hi_inc),
        _ => (None, true),
    };
    Interval { lo, hi, lo_inc, hi_inc }
}

/// Links parts to totals in `facts` (ranked, with their keys), moves each part right after
/// its total (totals keep their rank), and writes the check into each total's fields,
/// verdict and note. Ids are positions after the move.
///
/// `companions`: pairs of facts (positions, the first ranked first) that one amount in two
/// currencies ties ([`super::currency`]), with the sentence for the first one's verdict:
/// the second follows the first, neither being a part.
pub(crate) fn link(facts: Vec<(Fact, Option<Key>)>, companions: Vec<(usize, usize, String)>) -> Vec<Fact> {
    // Totals: unscoped current facts of an additive dimension, by (topic, dim, event).
    let mut totals: Map<(usize, &str, &str), Vec<usize>> = Map::default();
    for (p, (_, k)) in facts.iter().enumerate() {
        if let Some(k) = k.as_ref().filter(|k| k.scope.is_none() && k.adds_up()) {
            let v = totals.entry((k.topic, k.dim.as_str(), k.event.as_deref().unwrap_or(""))).or_default();
            if v.len() < MAX_CANDIDATES {
                v.push(p);
            }
        }
    }
    let mut parent: Vec<Option<usize>> = vec![None; facts.len()];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); facts.len()];
    for (p, (_, k)) in facts.iter().enumerate() {
        let Some(k) = k.as_ref().filter(|k| k.scope.is_some() && k.adds_up()) else { continue };
        let Some(cands) = totals.get(&(k.topic, k.dim.as_str(), k.event.as_deref().unwrap_or(""))) else { continue };
        let total = cands.iter().copied().find(|&t| facts.get(t).and_then(|(_, tk)| tk.as_ref()).is_some_and(|tk| same_count(&k.concept, &tk.concept)));
        if let Some(t) = total {
            if let (Some(slot), Some(c)) = (parent.get_mut(p), children.get_mut(t)) {
                *slot = Some(t);
                c.push(p);
            }
        }
    }
    // Companions: the second follows the first, when neither is a part.
    let mut follower: Vec<Option<usize>> = vec![None; facts.len()];
    let mut follows: Vec<bool> = vec![false; facts.len()];
    let mut sentences: Vec<(usize, usize, String)> = Vec::new();
    for (p, q, s) in companions {
        let free = |x: usize| parent.get(x).copied().flatten().is_none();
        if free(p) && free(q) && follower.get(p).copied().flatten().is_none() && !follows.get(q).copied().unwrap_or(true) && !follows.get(p).copied().unwrap_or(true) {
            if let (Some(a), Some(b)) = (follower.get_mut(p), follows.get_mut(q)) {
                *a = Some(q);
                *b = true;
            }
        }
        sentences.push((p, q, s));
    }
    // New order: each fact that is no part, followed by its parts, then its companion and
    // the companion's parts.
    let mut order: Vec<usize> = Vec::with_capacity(facts.len());
    for p in 0..facts.len() {
        if parent.get(p).copied().flatten().is_none() && !follows.get(p).copied().unwrap_or(false) {
            order.push(p);
            order.extend(children.get(p).into_iter().flatten().copied());
            if let Some(q) = follower.get(p).copied().flatten() {
                order.push(q);
                order.extend(children.get(q).into_iter().flatten().copied());
            }
        }
    }
    let mut new_id = vec![0usize; facts.len()];
    for (i, &p) in order.iter().enumerate() {
        if let Some(s) = new_id.get_mut(p) {
            *s = i;
        }
    }
    let mut slots: Vec<Option<(Fact, Option<Key>)>> = facts.into_iter().map(Some).collect();
    let mut out: Vec<(Fact, Option<Key>)> = order.iter().filter_map(|&p| slots.get_mut(p).and_then(Option::take)).collect();
    for (i, &p) in order.iter().enumerate() {
        let parts: Vec<usize> = children.get(p).map(|c| c.iter().filter_map(|&q| new_id.get(q).copied()).collect()).unwrap_or_default();
        let of = parent.get(p).copied().flatten().and_then(|t| new_id.get(t).copied());
        if let Some((f, _)) = out.get_mut(i) {
            f.id = i;
            f.parts = parts;
            f.parts_of = of;
        }
    }
    for (p, q, s) in sentences {
        let (Some(&a), Some(&b)) = (new_id.get(p), new_id.get(q)) else { continue };
        if let Some((f, _)) = out.get_mut(a) {
            f.currency_links.push(b);
            f.verdict.push_str("; ");
            f.verdict.push_str(&s);
            let mut n = s.clone();
            if let Some(c) = n.get_mut(..1) {
                c.make_ascii_uppercase();
            }
            f.note.push(' ');
            f.note.push_str(&n);
            f.note.push('.');
        }
        if let Some((f, _)) = out.get_mut(b) {
            f.currency_links.push(a);
        }
    }
    for i in 0..out.len() {
        check(&mut out, i);
    }
    out.into_iter().map(|(f, _)| f).collect()
}

/// The sum check of the total at `i` against its parts (see the module docs).
fn check(facts: &mut [(Fact, Option<Key>)], i: usize) {
    let Some((total, _)) = facts.get(i) else { return };
    if total.parts.is_empty() {
        return;
    }
    let integral = facts.get(i).and_then(|(_, k)| k.as_ref()).map_or(true, |k| k.dim == "count");
    let t = allowed(total);
    // Parts by partition, in order: (partition, part positions).
    let mut groups: Vec<((ScopeKind, u8), Vec<usize>)> = Vec::new();
    for &q in &total.parts {
        let Some(s) = facts.get(q).and_then(|(_, k)| k.as_ref()).and_then(|k| k.scope.as_ref()) else { continue };
        let key = partition(s);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.1.push(q),
            None => groups.push((key, vec![q])),
        }
    }
    // Each partition's sum; the one reported: the first that exceeds, else the largest.
    let sums: Vec<(Interval, bool, &Vec<usize>)> = groups
        .iter()
        .map(|(_, qs)| {
            // Facts of one scope are alternatives for one part (two estimates, two
            // moments): the part allows what any of them allows.
            let mut ivs: Vec<Interval> = Vec::new();
            let mut slot_of: Map<&str, usize> = Map::default();
            for &q in qs.iter() {
                let Some((f, Some(k))) = facts.get(q) else { continue };
                let key = k.scope.as_ref().map_or("", |s| s.key.as_str());
                let iv = allowed(f);
                match slot_of.get(key).and_then(|&j| ivs.get_mut(j)) {
                    Some(b) => *b = hull(b, &iv),
                    None => {
                        slot_of.insert(key, ivs.len());
                        ivs.push(iv);
                    }
                }
            }
            let sum = judge::sum_intervals(&ivs);
            let over = match (sum.lo, t.hi) {
                (Some(l), Some(h)) => l > h + 1e-9 * h.abs().max(1.0) || (interval::same(l, h) && !(sum.lo_inc && t.hi_inc)),
                _ => false,
            };
            (sum, over, qs)
        })
        .collect();
    let Some((sum, over, qs)) = sums.iter().find(|s| s.1).or_else(|| sums.iter().max_by_key(|s| (s.2.len(), std::cmp::Reverse(s.2.first().copied())))) else { return };
    let (sum, over) = (*sum, *over);
    // Parts above a figure are a conflict when some source gives both the figure and a
    // part (it calls the figure the whole of those parts); else the figure may itself be
    // a part whose limit the text left unsaid ("the fire has burned 14,000 acres" beside
    // another fire's 23,000): the note says so, the verdict does not call it a conflict.
    let total_docs = facts.get(i).and_then(|(_, k)| k.as_ref()).map_or(&[][..], |k| k.docs.as_slice());
    let shares_doc = qs.iter().filter_map(|&q| facts.get(q)).filter_map(|(_, k)| k.as_ref()).any(|k| k.docs.iter().any(|d| total_docs.binary_search(d).is_ok()));
    let conflict = over && shares_doc;
    let mut names: Vec<String> = Vec::new();
    let mut named: Map<&str, usize> = Map::default();
    for s in qs.iter().filter_map(|&q| facts.get(q)).filter_map(|(_, k)| k.as_ref()?.scope.as_ref()) {
        if named.insert(s.label.as_str(), 0).is_none() {
            names.push(s.label.clone());
        }
    }
    // (A long list is cut: the first five places and a count of the rest.)
    if names.len() > 5 {
        let more = names.len() - 5;
        names.truncate(5);
        names.push(format!("{more} more"));
    }
    let (s_txt, t_txt) = (describe(&sum, integral), describe(&t, integral));
    let what = if names.len() == 1 { format!("the part given ({})", names.join("")) } else { format!("the parts given ({})", names.join(", ")) };
    let verb = if names.len() == 1 { "comes to" } else { "add up to" };
    let sentence = if conflict {
        format!("conflict: {what} {verb} {s_txt}, above the total {t_txt}")
    } else if over {
        format!("{what} {verb} {s_txt}, above this figure ({t_txt}): it may be a part itself")
    } else if sum.identical(&t) {
        format!("{what} {verb} the total, {t_txt}")
    } else if bounds(&sum).1 <= bounds(&t).1 {
        format!("{what} {verb} {s_txt}, within the total {t_txt}")
    } else {
        format!("{what} {verb} {s_txt} of the total {t_txt}")
    };
    if let Some((f, _)) = facts.get_mut(i) {
        f.parts_sum = Some([sum.lo, sum.hi]);
        f.parts_exceed = conflict;
        // A part within the total is shown by its place under it; the verdict speaks of
        // several parts, or of a conflict.
        if conflict || (names.len() >= 2 && !over) {
            f.verdict.push_str("; ");
            f.verdict.push_str(&sentence);
        }
        let mut s = sentence;
        if let Some(c) = s.get_mut(..1) {
            c.make_ascii_uppercase();
        }
        f.note.push(' ');
        f.note.push_str(&s);
        f.note.push('.');
    }
}
