//! Grouping marked quotations across documents: the same statement quoted by several
//! sources, found through an index of tokens so that the work stays near-linear.

use std::collections::HashMap;

use crate::report::{Entity, EntityKind};
use crate::sort::{desc, float, int};

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
    let mut classes: Vec<Vec<usize>> = Vec::new();
    {
        let mut open: HashMap<&[words::Tok], Vec<usize>, crate::hash::FnvBuild> = HashMap::default();
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
    let mut postings: Vec<(words::Tok, usize)> = Vec::with_capacity(n_postings);
    for c in 0..classes.len() {
        postings.extend(rep(c).map(|q| q.tokens.as_slice()).unwrap_or(&[]).iter().map(|&t| (t, c)));
    }
    // (In class order as made: kept so, for counting pairs class by class.)
    let by_class = postings.clone();
    postings.sort_unstable();
    // The runs of tokens used, in token order until the budget is spent, by token.
    let mut run_of = words::TokMap::with_capacity(postings.len());
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
