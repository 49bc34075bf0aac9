//! Which sources are about the same event, so that figures of different events are never
//! compared ("7 people killed" in a flood and "dozens killed" in a riot are not one fact).
//!
//! Rule (general, no word lists): two sources report the same event when the people,
//! places and organisations they name overlap enough: the cosine similarity of their
//! entity mention counts (entities already merged across spellings) is at least
//! [`SAME_EVENT`]. Reports of one event name the same few actors again and again
//! (on our five seed reports the pairs score 0.51 to 0.87); different stories that
//! happen to name one country or one company score far lower (0 to 0.32 on unrelated
//! news sentences). Sources that share many distinct names ([`SAME_NAMES`], two fifths
//! of the shorter list) are one event too, whatever their counts. Sources joined through
//! such pairs form one topic. A source that
//! names no entity at all cannot be judged: it joins the largest topic (all are one
//! topic when none names any).

use crate::report::Entity;

/// Minimum cosine similarity of two sources' entity mention counts for "same event".
pub const SAME_EVENT: f64 = 0.35;

/// Two sources that share at least this many distinct names, two fifths or more of the
/// names of the one that names fewer, report the same event whatever their mention
/// counts.
pub const SAME_NAMES: usize = 4;

/// The topic of each of `n_docs` documents: the smallest document index of its topic.
/// Every document gets topic 0 when there is only one topic.
pub fn topics(n_docs: usize, entities: &[Entity]) -> Vec<usize> {
    // Sparse mention counts: per document, (name, count); per name, its documents. A name
    // is an entity's name with case and diacritics folded: the stage keeps a shouted
    // headline's "SORVANIA" apart from "Sorvania" (it cannot tell its kind), but as
    // evidence of what a source is about they are one name.
    let mut per_doc: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n_docs];
    let mut docs_of: Vec<Vec<(usize, f64)>> = Vec::with_capacity(entities.len());
    let mut name_index: std::collections::HashMap<String, usize, crate::hash::FnvBuild> =
        std::collections::HashMap::with_capacity_and_hasher(entities.len(), crate::hash::FnvBuild);
    for ent in entities {
        let key = crate::text::fold::fold(&ent.name).to_lowercase();
        let next = docs_of.len();
        let e = *name_index.entry(key).or_insert(next);
        if e == next {
            docs_of.push(Vec::new());
        }
        if let Some(ds) = docs_of.get_mut(e) {
            for m in &ent.mentions {
                match ds.last_mut() {
                    Some((d, c)) if *d == m.doc => *c += 1.0,
                    _ => ds.push((m.doc, 1.0)),
                }
            }
        }
    }
    for (e, ds) in docs_of.iter_mut().enumerate() {
        // Mentions are listed documents in order, but one name can have several entities:
        // merge repeats.
        crate::sort::by_key(ds, |&(d, _)| [crate::sort::int(d), 0, 0]);
        ds.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 += b.1;
                true
            } else {
                false
            }
        });
        for &(d, c) in ds.iter() {
            if let Some(v) = per_doc.get_mut(d) {
                v.push((e, c));
            }
        }
    }
    let norm: Vec<f64> = per_doc.iter().map(|v| v.iter().map(|(_, c)| c * c).sum::<f64>().sqrt()).collect();

    let mut parent: Vec<usize> = (0..n_docs).collect();
    // Dot products of document `a` with every later document, accumulated through the
    // entities `a` names (work: the sum over entities of their documents squared).
    let mut dot = vec![0.0f64; n_docs];
    // Distinct names `a` shares with each later document.
    let mut shared = vec![0usize; n_docs];
    let mut touched: Vec<usize> = Vec::new();
    for a in 0..n_docs {
        for &(e, ca) in per_doc.get(a).map_or(&[][..], |v| v.as_slice()) {
            for &(b, cb) in docs_of.get(e).map_or(&[][..], |v| v.as_slice()) {
                if b > a {
                    if let Some(slot) = dot.get_mut(b) {
                        if *slot == 0.0 {
                            touched.push(b);
                        }
                        *slot += ca * cb;
                    }
                    if let Some(n) = shared.get_mut(b) {
                        *n += 1;
                    }
                }
            }
        }
        for &b in &touched {
            let (na, nb) = (norm.get(a).copied().unwrap_or(0.0), norm.get(b).copied().unwrap_or(0.0));
            let d = dot.get(b).copied().unwrap_or(0.0);
            // (Or many of the same names, each said once or twice: a wire that lists the
            // cities and unions of a day of strikes shares few mentions but many names.)
            let k = shared.get(b).copied().unwrap_or(0);
            let fewest = per_doc.get(a).map_or(0, Vec::len).min(per_doc.get(b).map_or(0, Vec::len));
            let many_names = k >= SAME_NAMES && 5 * k >= 2 * fewest;
            if na > 0.0 && nb > 0.0 && (d / (na * nb) >= SAME_EVENT || many_names) {
                union(&mut parent, a, b);
            }
            if let Some(slot) = dot.get_mut(b) {
                *slot = 0.0;
            }
            if let Some(n) = shared.get_mut(b) {
                *n = 0;
            }
        }
        touched.clear();
    }
    // Documents that name no entity join the largest topic of those that do.
    let mut size = vec![0usize; n_docs];
    for d in 0..n_docs {
        if norm.get(d).is_some_and(|&n| n > 0.0) {
            let r = find(&mut parent, d);
            if let Some(s) = size.get_mut(r) {
                *s += 1;
            }
        }
    }
    let largest = (0..n_docs).max_by_key(|&r| (size.get(r).copied().unwrap_or(0), std::cmp::Reverse(r)));
    // (When no document names an entity, they are all one topic.)
    let big = largest.filter(|&r| size.get(r).is_some_and(|&s| s > 0)).unwrap_or(0);
    {
        for d in 0..n_docs {
            if norm.get(d).is_some_and(|&n| n == 0.0) {
                union(&mut parent, d, big);
            }
        }
    }
    // Topic id = smallest document index in the topic.
    let mut smallest: Vec<usize> = (0..n_docs).collect();
    for d in 0..n_docs {
        let r = find(&mut parent, d);
        if let Some(s) = smallest.get_mut(r) {
            *s = (*s).min(d);
        }
    }
    (0..n_docs).map(|d| smallest.get(find(&mut parent, d)).copied().unwrap_or(0)).collect()
}

/// Union-find: the root of `x` in `p` (halving the path on the way).
pub(crate) fn find(p: &mut [usize], mut x: usize) -> usize {
    while let Some(&px) = p.get(x) {
        if px == x {
            break;
        }
        let gp = p.get(px).copied().unwrap_or(px);
        if let Some(slot) = p.get_mut(x) {
            *slot = gp;
        }
        x = px;
    }
    x
}

/// Union-find: joins the sets of `a` and `b` (the smaller root becomes the parent).
pub(super) fn union(p: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(p, a), find(p, b));
    if ra != rb {
        if let Some(s) = p.get_mut(ra.max(rb)) {
            *s = ra.min(rb);
        }
    }
}

/// A plain-language notice when the sources fall into more than one topic, naming the
/// sources outside the largest one; `None` when they are all about one event.
pub fn notice(topics: &[usize], names: &[&str]) -> Option<String> {
    let mut count = vec![0usize; topics.len()];
    for &t in topics {
        if let Some(c) = count.get_mut(t) {
            *c += 1;
        }
    }
    let distinct = count.iter().filter(|&&c| c > 0).count();
    if distinct < 2 {
        return None;
    }
    if count.iter().all(|&c| c <= 1) {
        return Some(
            "No two sources name enough of the same people, places or organisations: they seem to be about different events, so no figure is compared across them."
                .to_string(),
        );
    }
    let main = (0..count.len()).max_by_key(|&t| (count.get(t).copied().unwrap_or(0), std::cmp::Reverse(t)))?;
    let others: Vec<&str> = topics
        .iter()
        .enumerate()
        .filter(|&(_, &t)| t != main)
        .map(|(d, _)| names.get(d).copied().unwrap_or("?"))
        .collect();
    Some(if let [one] = others.as_slice() {
        format!("{one} names hardly any of the people, places or organisations the other sources name: it seems to be about another event, so its figures are not compared with theirs.")
    } else {
        format!(
            "{} name hardly any of the people, places or organisations the other sources name: they seem to be about other events, so their figures are not compared with the others'.",
            others.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{EntityKind, Mention};

    fn entity(id: usize, docs: &[(usize, usize)]) -> Entity {
        let mut mentions = Vec::new();
        for &(doc, n) in docs {
            for _ in 0..n {
                mentions.push(Mention { doc, ..Default::default() });
            }
        }
        Entity { id, kind: EntityKind::Place, name: format!("E{id}"), mentions, ..Default::default() }
    }

    #[test]
    fn same_actors_one_topic_other_actors_another() {
        // Docs 0-2 name the same town and agency; doc 3 names other ones and, once, a
        // country doc 0 also names; doc 4 names nothing.
        let ents = vec![
            entity(0, &[(0, 6), (1, 4), (2, 5)]),
            entity(1, &[(0, 3), (1, 2), (2, 1)]),
            entity(2, &[(3, 7)]),
            entity(3, &[(3, 4)]),
            entity(4, &[(0, 1), (3, 1)]),
        ];
        let t = topics(5, &ents);
        assert_eq!(t, vec![0, 0, 0, 3, 0]);
        let n = notice(&t, &["A", "B", "C", "D", "E"]).unwrap();
        assert!(n.starts_with("D names hardly any"), "{n}");
        assert_eq!(notice(&[0, 0, 0], &["A", "B", "C"]), None);
        let n = notice(&[0, 0, 2, 3], &["A", "B", "C", "D"]).unwrap();
        assert!(n.starts_with("C, D name hardly any"), "{n}");
        let n = notice(&[0, 1, 2], &["A", "B", "C"]).unwrap();
        assert!(n.starts_with("No two sources"), "{n}");
    }

    #[test]
    fn many_shared_names_said_once_are_one_topic() {
        // Doc 1 names six of doc 0's eight names once each; doc 0 names one of them
        // often (a low cosine); doc 2 shares only two names with either.
        let mut ents = vec![entity(0, &[(0, 12)])];
        for i in 1..7 {
            ents.push(entity(i, &[(0, 1), (1, 1)]));
        }
        ents.push(entity(7, &[(0, 1), (2, 3)]));
        ents.push(entity(8, &[(1, 1), (2, 3)]));
        for i in 9..13 {
            ents.push(entity(i, &[(1, 1)]));
            ents.push(entity(i + 10, &[(2, 2)]));
        }
        let t = topics(3, &ents);
        assert_eq!(t, vec![0, 0, 2]);
    }

    #[test]
    fn no_entities_anywhere_is_one_topic() {
        assert_eq!(topics(3, &[]), vec![0, 0, 0]);
        assert!(topics(0, &[]).is_empty());
    }
}
