//! (see the module docs of [`super`])

use super::*;

#[cfg(test)]
pub(crate) fn concepts_compatible(a: &Item, b: &Item) -> bool {
    if a.dim != "count" && a.words.iter().any(|w| b.words.contains(w)) {
        return true;
    }
    if a.dim != "count" && a.context.iter().filter(|w| b.context.contains(w)).count() >= 2 {
        return true;
    }
    match (&a.concept, &b.concept) {
        (Some(Concept::Class(x)), Some(Concept::Class(y))) => x == y,
        (Some(Concept::Since(x)), Some(Concept::Since(y))) => x == y,
        (Some(Concept::Head(h1)), Some(Concept::Head(h2))) => {
            let (w1, w2) = (&a.words, &b.words);
            if h1 == h2 {
                return true;
            }
            let overlap = w1.iter().filter(|w| w2.contains(w)).count();
            if a.dim == "count" {
                overlap >= 2
            } else {
                overlap >= 1
            }
        }
        (None, None) => a.dim != "count" && a.event.is_some(),
        _ => false,
    }
}

/// Clusters groupable items by (dimension, event, concept). Returns lists of item indices.
///
/// Within a key, two items join when their concepts are compatible (see
/// [`concepts_compatible`]); every rule there is a shared key (a class, a head word, one
/// shared concept word or two shared context words for measures, two shared concept words
/// for counts), so items are joined through an index of those keys, in time linear in the
/// number of items and keys, never pair by pair.
pub(crate) fn cluster(items: &[Item]) -> Vec<Vec<usize>> {
    cluster_with(items, PAIRWISE)
}

/// [`cluster`], joining pair by pair up to `pairwise` members of a key.
pub(crate) fn cluster_with(items: &[Item], pairwise: usize) -> Vec<Vec<usize>> {
    let mut by_key: BTreeMap<(usize, &str, &str, &str, bool), Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        if groupable(it) {
            by_key.entry((it.topic, it.dim.as_ref(), it.event.as_deref().unwrap_or(""), it.scope.as_ref().map_or("", |s| s.key.as_str()), it.earlier)).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for ((_, dim, _, _, _), members) in by_key {
        let n = members.len();
        let mut parent: Vec<usize> = (0..n).collect();
        use topics::{find, union};
        let measure = dim != "count";
        if n <= pairwise {
            // Few members: each pair tested directly (the same relation as the keys below).
            for (a, &ia) in members.iter().enumerate() {
                for (b, &ib) in members.iter().enumerate().skip(a + 1) {
                    if let (Some(x), Some(y)) = (items.get(ia), items.get(ib)) {
                        if related(x, y, measure) {
                            union(&mut parent, b, a);
                        }
                    }
                }
            }
        } else {
            join_by_keys(items, &members, measure, &mut parent, union);
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for a in 0..n {
            let r = find(&mut parent, a);
            if let Some(&i) = members.get(a) {
                groups.entry(r).or_default().push(i);
            }
        }
        let mut gs: Vec<Vec<usize>> = groups.into_values().collect();
        crate::sort::by_key(&mut gs, |g| [g.first().map_or(0, |&x| int(x) + 1), 0, 0]);
        out.extend(gs);
    }
    attach_restated_people(items, &mut out);
    attach_lone_people(items, &mut out);
    attach_lone_class(items, &mut out);
    attach_eventless(items, &mut out);
    attach_same_value(items, &mut out);
    out
}

/// A figure read with no event whose value is distinctive ([`distinctive_key`]) joins the
/// one cluster where another document gives that same value with an event ("323 of the
/// casualties were Egyptians" with "323 Egyptian pilgrims died"), in the same dimension
/// and a compatible scope (the same, or none on one side).
pub(crate) fn attach_same_value(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    // (topic, dim, value) -> (cluster, doc, scope) of figures with an event.
    let mut with_event: BTreeMap<(usize, &str, u64), Vec<(usize, usize, Option<&str>)>> = BTreeMap::new();
    for (cj, c) in clusters.iter().enumerate() {
        for o in c.iter().filter_map(|&j| items.get(j)) {
            if let Some(k) = distinctive_key(o).filter(|_| o.event.is_some() && !o.earlier) {
                with_event.entry((o.topic, o.dim.as_ref(), k)).or_default().push((cj, o.doc, o.scope.as_ref().map(|s| s.key.as_str())));
            }
        }
    }
    if with_event.is_empty() {
        return;
    }
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        for (k, &i) in c.iter().enumerate() {
            let Some(p) = items.get(i).filter(|p| p.event.is_none() && !p.earlier) else { continue };
            let Some(key) = distinctive_key(p) else { continue };
            let Some(cands) = with_event.get(&(p.topic, p.dim.as_ref(), key)) else { continue };
            let mine = p.scope.as_ref().map(|s| s.key.as_str());
            let mut to: Vec<usize> = cands
                .iter()
                .filter(|(cj, doc, sc)| *cj != ci && *doc != p.doc && (mine.is_none() || sc.is_none() || *sc == mine))
                .map(|t| t.0)
                .collect();
            to.dedup();
            if let [t] = to.as_slice() {
                moves.push((ci, k, *t));
            }
        }
    }
    move_members(clusters, &moves);
}

/// A count of a specific class with no event ("5,000 troops were now in the area") joins
/// the cluster of the same class with an event ("3,000 soldiers deployed") given by other
/// documents, when one such cluster has figures its value fits (or is near), else when one
/// is of those deployed: in a story about one event, troops, police or medics counted
/// without a verb are the ones the others say were sent ([`SENT_CLASSES`]). Other classes stay apart: "20,000
/// residents", "400 houses" or "200 gunmen" with no event may be anything.
pub(crate) fn attach_eventless(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    // Any class but plain people (a count of people with no verb may be anyone); only the
    // classes of those sent fall back on the cluster of those deployed.
    fn class_of(x: &Item) -> Option<&str> {
        match &x.concept {
        Some(Concept::Class(k)) if x.dim == "count" && !matches!(*k, "people" | "population" | "countries") => Some(*k),
        // A thing named by its own noun ("50,000 doses"), matched by that noun.
        Some(Concept::Head(h)) if x.dim == "count" && h.len() > 2 => Some(h.as_str()),
        _ => None,
        }
    }
    let scope_of = |x: &Item| x.scope.as_ref().map_or(String::new(), |s| s.key.clone());
    // (topic, class, scope) -> clusters with an event of that class (written, not borrowed).
    let mut targets: BTreeMap<(usize, &str, String), Vec<usize>> = BTreeMap::new();
    for (cj, c) in clusters.iter().enumerate() {
        for o in c.iter().filter_map(|&j| items.get(j)) {
            if let Some(k) = class_of(o).filter(|_| o.event.is_some() && !o.inferred && !o.earlier) {
                let v = targets.entry((o.topic, k, scope_of(o))).or_default();
                if v.last() != Some(&cj) {
                    v.push(cj);
                }
            }
        }
    }
    if targets.is_empty() {
        return;
    }
    // Each cluster's documents and whether it has figures deployed, once (not once per
    // figure that looks at it: quadratic when one source has thousands of both).
    let docs_of = |c: &Vec<usize>| -> Vec<usize> {
        let mut d: Vec<usize> = c.iter().filter_map(|&j| items.get(j).map(|o| o.doc)).collect();
        crate::sort::plain(&mut d);
        d.dedup();
        d
    };
    let docs: Vec<Vec<usize>> = clusters.iter().map(docs_of).collect();
    let deployed_in: Vec<bool> = clusters.iter().map(|o| o.iter().any(|&j| items.get(j).is_some_and(|x| x.event.as_deref() == Some("deployed")))).collect();
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        for (k, &i) in c.iter().enumerate() {
            let Some(p) = items.get(i).filter(|p| p.event.is_none() && !p.inferred && !p.earlier) else { continue };
            let Some(cands) = class_of(p).and_then(|class| targets.get(&(p.topic, class, scope_of(p)))) else { continue };
            // Given by another document and not by this one.
            // Per open cluster: whether its figures fit this value (overlap or near), and
            // whether they were deployed.
            let open: Vec<(usize, bool, bool)> = cands
                .iter()
                .filter(|&&cj| cj != ci)
                .filter_map(|&cj| clusters.get(cj).map(|o| (cj, o)))
                .filter(|&(cj, _)| docs.get(cj).is_some_and(|d| d.binary_search(&p.doc).is_err()))
                .map(|(cj, o)| {
                    let fits = o.iter().any(|&j| items.get(j).is_some_and(|x| x.iv.intersect(&p.iv).is_some() || near_values(x.value, p.value)));
                    (cj, fits, deployed_in.get(cj).copied().unwrap_or(false))
                })
                .collect();
            // The one cluster whose values fit, else the one of troops deployed: "5,000
            // troops are in the area" is not "eight soldiers killed".
            let fitting: Vec<usize> = open.iter().filter(|t| t.1).map(|t| t.0).collect();
            let deployed: Vec<usize> = open.iter().filter(|t| t.2).map(|t| t.0).collect();
            let sent = class_of(p).is_some_and(|k| SENT_CLASSES.contains(&k));
            let to = match (fitting.as_slice(), deployed.as_slice()) {
                ([t], _) => *t,
                ([], [t]) if sent => *t,
                _ => continue,
            };
            moves.push((ci, k, to));
        }
    }
    move_members(clusters, &moves);
}

/// Up to this many members of a cluster key, items are joined pair by pair; beyond,
/// through an index of shared keys (linear in the number of items and keys).
pub(crate) const PAIRWISE: usize = 48;

/// True when two items of one cluster key share a key of [`join_by_keys`]: the same
/// concept (or, for measures, none and an event), or for measures one concept word or
/// two context words, or for head concepts of counts two concept words.
pub(crate) fn related(x: &Item, y: &Item, measure: bool) -> bool {
    let same_concept = match (&x.concept, &y.concept) {
        (Some(Concept::Class(a)), Some(Concept::Class(b))) => a == b,
        (Some(Concept::Head(a)), Some(Concept::Head(b))) => a == b,
        (Some(Concept::Since(a)), Some(Concept::Since(b))) => a == b,
        (None, None) => measure && x.event.is_some() && y.event.is_some(),
        _ => false,
    };
    // Durations since two different events stay apart whatever their values.
    let named_apart = matches!((&x.concept, &y.concept), (Some(Concept::Since(_)), Some(Concept::Since(_))));
    if same_concept || !named_apart && distinctive_key(x).is_some_and(|k| distinctive_key(y) == Some(k)) {
        return true;
    }
    if measure {
        return x.words.iter().any(|w| y.words.contains(w)) || crate::sort::intersection_len(&x.context, &y.context) >= 2;
    }
    let head = |i: &Item| matches!(i.concept, Some(Concept::Head(..)));
    if head(x) && head(y) {
        // Distinct concept words of `x` that `y` has.
        let shared = x.words.iter().enumerate().filter(|&(k, w)| !x.words.get(..k).is_some_and(|p| p.contains(w)) && y.words.contains(w)).count();
        return shared >= 2;
    }
    false
}


/// Joins the members of one cluster key (`members`, indexes into `items`) that share a
/// key, through a table from each key to the first member that had it.
pub(crate) fn join_by_keys(items: &[Item], members: &[usize], measure: bool, parent: &mut Vec<usize>, union: fn(&mut [usize], usize, usize)) {
    {
        // Key -> first member that had it; later members with the key join it.
        // Sized for every key up front (growing the table costs more than filling it).
        let n_keys: usize = members
            .iter()
            .filter_map(|&i| items.get(i))
            .map(|it| {
                let (w, c) = (it.words.len(), it.context.len());
                1 + if measure { w + c * c.saturating_sub(1) / 2 } else { w * w.saturating_sub(1) / 2 }
            })
            .sum();
        let mut first: Map<Key, usize> = HashMap::with_capacity_and_hasher(n_keys, Default::default());
        let mut join = |parent: &mut Vec<usize>, key: Key, a: usize| match first.get(&key) {
            Some(&b) => union(parent, a, b),
            None => {
                first.insert(key, a);
            }
        };
        let mut hashes: Vec<u64> = Vec::new();
        for (a, &ia) in members.iter().enumerate() {
            let Some(it) = items.get(ia) else { continue };
            match &it.concept {
                Some(Concept::Class(c)) => join(parent, Key::Class(word_hash(c)), a),
                Some(Concept::Head(h)) => join(parent, Key::Head(word_hash(h)), a),
                Some(Concept::Since(e)) => join(parent, Key::Since(word_hash(e)), a),
                None => {
                    if measure && it.event.is_some() {
                        join(parent, Key::Unnamed, a);
                    }
                }
            }
            if let Some(k) = distinctive_key(it) {
                join(parent, Key::Value(k), a);
            }
            let is_head = matches!(it.concept, Some(Concept::Head(..)));
            hashes.clear();
            hashes.extend_from_slice(&it.words);
            hashes.sort_unstable();
            hashes.dedup();
            if measure {
                // One shared concept word.
                for &w in &hashes {
                    join(parent, Key::Word(w), a);
                }
                // Two shared context words.
                let ctx = &it.context;
                for (x, &w1) in ctx.iter().enumerate() {
                    for &w2 in ctx.iter().skip(x + 1) {
                        join(parent, Key::ContextPair(w1, w2), a);
                    }
                }
            } else if is_head {
                // Two shared concept words between head concepts.
                for (x, &w1) in hashes.iter().enumerate() {
                    for &w2 in hashes.iter().skip(x + 1) {
                        join(parent, Key::HeadPair(w1, w2), a);
                    }
                }
            }
        }
    }
}

/// What two items of a cluster key may share to be joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    Class(u64),
    Head(u64),
    Since(u64),
    /// Measures with no concept but an event.
    Unnamed,
    Word(u64),
    ContextPair(u64, u64),
    HeadPair(u64, u64),
    /// The same distinctive value, written the same way ([`distinctive_key`]).
    Value(u64),
}

/// A key for a figure whose value is too specific to be met by chance in one story: three
/// or more significant digits ("5.25%", "44.88%", "€1.089 million", "323"), an exact
/// interval, one bound of it ("at least 323"), or a range whose ends are as specific
/// ("$135 billion to $150 billion"). Two such figures of one cluster key, with
/// the same interval, are the same figure whatever nouns their sentences give it ("the
/// previous rate of 5.25", "a 16-year high of 5.25%"). `None` for other figures.
pub(crate) fn distinctive_key(it: &Item) -> Option<u64> {
    if it.digits < 3 {
        return None;
    }
    let exact = it.iv.lo.is_some() && it.iv.lo == it.iv.hi && it.iv.lo_inc && it.iv.hi_inc;
    // One bound of such a value, written the same ("at least 323", "more than 323"), is
    // as specific: keyed apart from the exact value.
    let shape = match (it.iv.lo, it.iv.hi) {
        _ if exact => 0,
        (Some(l), None) if l == it.value => 1 + u64::from(it.iv.lo_inc),
        (None, Some(h)) if h == it.value => 3 + u64::from(it.iv.hi_inc),
        // A range with both ends written ("$135 billion to $150 billion"): both ends.
        (Some(l), Some(h)) if l < h && crate::reading::significant_digits(h) >= 2 => return Some(l.to_bits().rotate_left(3) ^ h.to_bits().rotate_left(29) ^ 5),
        _ => return None,
    };
    Some(it.value.to_bits().rotate_left(3) ^ shape)
}

/// A count of "people" that restates, in the same document, a count of a more specific
/// living class with the same event and value ("Security forces kill 12" in a headline,
/// "killing 12 people", then "12 protesters" in the body) joins that class's cluster: it
/// is the same figure, said twice.
pub(crate) fn attach_restated_people(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    let specific = |x: &Item| matches!(x.concept, Some(Concept::Class(k)) if k != "people" && !NOT_LIVING.contains(&k) && k != "population");
    // (doc, event, value) -> clusters holding a specific living class with them.
    type Found = Vec<(usize, usize)>;
    let mut by_key: Map<(usize, &str, u64), Found> = Map::default();
    for (cj, c) in clusters.iter().enumerate() {
        for &j in c {
            if let Some(o) = items.get(j).filter(|o| specific(o) && o.dim == "count") {
                if let Some(e) = o.event.as_deref() {
                    by_key.entry((o.doc, e, o.value.to_bits())).or_default().push((cj, j));
                }
            }
        }
    }
    if by_key.is_empty() {
        return;
    }
    let mut moves: Vec<(usize, usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        for (k, &i) in c.iter().enumerate() {
            let Some(p) = items.get(i).filter(|p| p.concept == Some(Concept::Class("people")) && p.dim == "count") else { continue };
            let Some(e) = p.event.as_deref() else { continue };
            let Some(found) = by_key.get(&(p.doc, e, p.value.to_bits())) else { continue };
            let mut targets: Vec<usize> = found.iter().filter(|&&(cj, j)| cj != ci && items.get(j).is_some_and(|o| nested(&o.iv, &p.iv))).map(|t| t.0).collect();
            targets.dedup();
            if let [t] = targets.as_slice() {
                moves.push((ci, k, *t));
            }
        }
    }
    move_members(clusters, &moves);
}

/// Moves member `k` of cluster `from` to cluster `to`, for each `(from, k, to)` (listed
/// in the order of the clusters and members), then drops the clusters left empty.
pub(crate) fn move_members(clusters: &mut Vec<Vec<usize>>, moves: &[(usize, usize, usize)]) {
    for &(from, k, to) in moves {
        let Some(&i) = clusters.get(from).and_then(|c| c.get(k)) else { continue };
        if let Some(t) = clusters.get_mut(to) {
            t.push(i);
        }
    }
    for &(from, k, _) in moves.iter().rev() {
        if let Some(c) = clusters.get_mut(from) {
            if k < c.len() {
                c.remove(k);
            }
        }
    }
    clusters.retain(|c| !c.is_empty());
}

/// A count of plain "people" given by one document only ("more than 1,000 people were
/// injured") joins the one cluster of a more specific living class with the same event
/// whose figures in other documents allow its value ("more than a thousand protesters
/// injured") or come near it ([`near_values`]: "12 people killed", "15 protesters
/// killed"), when exactly one such cluster exists or one's value is clearly the nearest
/// (judged on figures whose concept is written, not borrowed from context, unless the
/// count's own is borrowed too); else it stays alone.
pub(crate) fn attach_lone_people(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    // People written or left unnamed ("wounding dozens"): both are the victims the
    // other sources name more precisely.
    let is_people = |i: usize| items.get(i).is_some_and(|x| x.concept == Some(Concept::Class("people")) && x.event.is_some());
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        if c.is_empty() || !c.iter().all(|&i| is_people(i)) {
            continue;
        }
        let docs: Vec<usize> = c.iter().filter_map(|&i| items.get(i).map(|x| x.doc)).collect();
        if docs.iter().any(|d| Some(d) != docs.first()) {
            continue;
        }
        let Some(p) = c.first().and_then(|&i| items.get(i)) else { continue };
        let fits = |o: &Item| {
            o.doc != p.doc
                && o.topic == p.topic
                && (!o.inferred || p.inferred)
                && o.dim == p.dim
                && o.event == p.event
                && matches!(o.concept, Some(Concept::Class(k)) if k != "people" && !NOT_LIVING.contains(&k))
                && (o.iv.intersect(&p.iv).is_some() || near_values(o.value, p.value))
        };
        // Each candidate cluster with the relative distance of its nearest fitting value.
        let targets: Vec<(usize, f64)> = clusters
            .iter()
            .enumerate()
            .filter(|(cj, _)| *cj != ci)
            .filter_map(|(cj, other)| {
                let d = other
                    .iter()
                    .filter_map(|&j| items.get(j))
                    .filter(|o| fits(o))
                    .map(|o| rel_gap(o.value, p.value))
                    .fold(f64::INFINITY, f64::min);
                d.is_finite().then_some((cj, d))
            })
            .collect();
        // One candidate; or, of several ("more than 1,000 people injured" fits both "more
        // than a thousand protesters" and "more than 700 officers"), the one whose value
        // is clearly the nearest (at most half the distance of any other).
        let best = targets.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((t, d)) = best {
            if targets.iter().all(|&(cj, e)| cj == t || d <= 0.5 * e) {
                moves.push((ci, t));
            }
        }
    }
    for (from, to) in moves {
        let moved = clusters.get_mut(from).map(std::mem::take).unwrap_or_default();
        if let Some(t) = clusters.get_mut(to) {
            t.extend(moved);
        }
    }
    clusters.retain(|c| !c.is_empty());
}

/// The other way round from [`attach_lone_people`]: a count of a specific living class
/// given by one document only ("more than 300 demonstrators arrested") joins the one
/// cluster of people with the same event written by other documents ("350 people
/// detained", "280 people arrested") when its value fits one of them and its document
/// gives no count of people for that event (then the two would be a part and a total).
/// Counts that name no one ("200,000 stranded") stand for people the same way.
pub(crate) fn attach_lone_class(items: &[Item], clusters: &mut Vec<Vec<usize>>) {
    let living = |x: &Item| matches!(x.concept, Some(Concept::Class(k)) if k != "people" && k != "population" && !NOT_LIVING.contains(&k));
    let written_people = |x: &Item| x.concept == Some(Concept::Class("people")) && !x.inferred;
    // ("200,000 stranded", "roughly 150,000 stranded": counts that name no one are the
    // people the lone class names, when none of them is written as people.)
    let all_unnamed = |c: &Vec<usize>| c.iter().all(|&j| items.get(j).is_some_and(|o| o.inferred));
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        let Some(p) = c.first().and_then(|&i| items.get(i)) else { continue };
        if p.event.is_none() || p.dim != "count" || !c.iter().all(|&i| items.get(i).is_some_and(|x| x.doc == p.doc && living(x) && !x.inferred)) {
            continue;
        }
        let targets: Vec<usize> = clusters
            .iter()
            .enumerate()
            .filter(|(cj, other)| {
                *cj != ci
                    && !other.iter().any(|&j| items.get(j).is_some_and(|o| o.doc == p.doc))
                    && other.iter().all(|&j| items.get(j).is_some_and(|o| o.topic == p.topic && o.dim == p.dim && o.event == p.event && o.concept == Some(Concept::Class("people"))))
                    && other.iter().any(|&j| items.get(j).is_some_and(|o| (written_people(o) || all_unnamed(other)) && c.iter().any(|&i| items.get(i).is_some_and(|x| x.iv.intersect(&o.iv).is_some()))))
            })
            .map(|(cj, _)| cj)
            .collect();
        if let [t] = targets.as_slice() {
            moves.push((ci, *t));
        }
    }
    for (from, to) in moves {
        let moved = clusters.get_mut(from).map(std::mem::take).unwrap_or_default();
        if let Some(t) = clusters.get_mut(to) {
            t.extend(moved);
        }
    }
    clusters.retain(|c| !c.is_empty());
}
