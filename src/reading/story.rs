//! Scopes across a story: a place or party the whole story is about is no limit, and a
//! figure left unscoped takes the scope its value shows (see each step).

use std::collections::BTreeMap;

use super::{rel_gap_of as rel_gap, Map, Reading as Item};
use crate::sort::float;

/// A place or party the whole story is about is no limit: "577 pilgrims died in Mecca"
/// in a story about the hajj in Mecca is the overall toll, "Nokia's sales" in a story
/// about Nokia are the sales. Among the figures of one dimension, event and time role in a
/// topic, a scope is dropped when its entity is named by at least half of the topic's
/// documents (two at least) and
/// - for a place: no document gives a figure for it and one for another place side by
///   side. Where one does ("279 in Texas", "38 in New Mexico"), each place is a part and
///   keeps its scope; where none does, the places are the story's own at different
///   granularity ("14 killed in Karsland", "19 dead in Dorven");
/// - for a country among places: no other country has figures (a story's country is the
///   whole when its cities have figures too: "26 killed in Kazakhstan", "dozens in
///   Almaty");
/// - for a named party: it is the only party with figures ("Nokia's sales" and "sales"),
///   or the only one of them the story is about (another company one source names in
///   passing is a side note).
#[inline(never)]
pub(crate) fn drop_story_scopes(items: &mut [Item], entities: &[crate::report::Entity], topics: &[usize]) {
    use crate::reading::scope::{Scope, ScopeKind};
    let topic_of = |d: usize| topics.get(d).copied().unwrap_or(0);
    let mut topic_docs: Map<usize, usize> = Map::default();
    let n_docs = items.iter().map(|i| i.doc + 1).max().unwrap_or(0).max(topics.len());
    for d in 0..n_docs {
        *topic_docs.entry(topic_of(d)).or_default() += 1;
    }
    // Entities named by half of their topic's documents.
    let story = |e: usize, topic: usize| -> bool {
        let Some(ent) = entities.get(e) else { return false };
        let mut docs: Vec<usize> = ent.mentions.iter().map(|m| m.doc).filter(|&d| topic_of(d) == topic).collect();
        crate::sort::plain(&mut docs);
        docs.dedup();
        let n = topic_docs.get(&topic).copied().unwrap_or(0);
        docs.len() >= 2 && 2 * docs.len() >= n
    };
    let gaz = crate::entities::tables::tables();
    let is_country = |sc: &Scope| gaz.place(&crate::text::fold::fold(&sc.label)).is_some_and(|p| p.country);
    type Key = (usize, String, String, bool);
    let key_of = |it: &Item| -> Key { (it.topic, it.dim.to_string(), it.event.clone().unwrap_or_default(), it.earlier) };
    // Per key: each document's place scopes, the countries, and the parties.
    let mut places_in_doc: BTreeMap<(Key, usize), Vec<String>> = BTreeMap::new();
    let mut countries: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    // (with the entity of each party, when it is a mention)
    let mut parties: BTreeMap<Key, Vec<(String, Option<usize>)>> = BTreeMap::new();
    let push = |v: &mut Vec<String>, k: &str| {
        if !v.iter().any(|x| x == k) {
            v.push(k.to_string());
        }
    };
    for it in items.iter() {
        let Some(sc) = it.scope.as_ref() else { continue };
        match sc.kind {
            ScopeKind::Location => {
                push(places_in_doc.entry((key_of(it), it.doc)).or_default(), &sc.key);
                if is_country(sc) {
                    push(countries.entry(key_of(it)).or_default(), &sc.key);
                }
            }
            ScopeKind::Party => {
                let v = parties.entry(key_of(it)).or_default();
                if !v.iter().any(|(k, _)| *k == sc.key) {
                    v.push((sc.key.clone(), sc.entity));
                }
            }
            _ => {}
        }
    }
    // Places that share a document with another place in a key.
    let mut beside: std::collections::BTreeSet<(Key, String)> = std::collections::BTreeSet::new();
    for ((k, _), v) in &places_in_doc {
        if v.len() >= 2 {
            for p in v {
                beside.insert((k.clone(), p.clone()));
            }
        }
    }
    let mut memo: Map<(usize, usize), bool> = Map::default();
    for it in items.iter_mut() {
        let Some(sc) = it.scope.as_ref() else { continue };
        let Some(e) = sc.entity else { continue };
        let key = key_of(it);
        let drop = match sc.kind {
            ScopeKind::Location if is_country(sc) => countries.get(&key).is_some_and(|v| v.len() == 1) || !beside.contains(&(key.clone(), sc.key.clone())),
            ScopeKind::Location => !beside.contains(&(key.clone(), sc.key.clone())),
            // The only party with figures, or the only one the story is about: another
            // party a single source names ("a rival cut 2,500 jobs") is a side note.
            ScopeKind::Party => parties.get(&key).is_some_and(|v| {
                v.len() == 1 || v.iter().filter(|(k, _)| *k != sc.key).all(|(_, pe)| !pe.is_some_and(|pe| *memo.entry((pe, it.topic)).or_insert_with(|| story(pe, it.topic))))
            }),
            _ => false,
        };
        if drop && *memo.entry((e, it.topic)).or_insert_with(|| story(e, it.topic)) {
            it.scope = None;
        }
    }
}

/// A figure with no scope takes the scope of figures of the same thing, event and time
/// role that give its value ("his state has 11 confirmed deaths" and "11 deaths in North
/// Carolina"; "16 killed" and "LA wildfires kill 16"): the story's own place or
/// organisation is often named in one sentence and left out of the next. The value must
/// fit one of theirs and be within 2 % of it, and the scoped figures must agree on one
/// scope; a total that merely fits a lower bound of a part ("1,301" and "over 600
/// Egyptians") is far from its value and keeps no scope.
#[inline(never)]
pub(crate) fn adopt_scopes(items: &mut [Item]) {
    type K<'a> = (usize, &'a str, &'a str, bool);
    let key = |it: &Item| (it.topic, it.dim.to_string(), it.event.clone().unwrap_or_default(), it.earlier);
    // Scoped items by key, sorted by value.
    let mut scoped: BTreeMap<(usize, String, String, bool), Vec<usize>> = BTreeMap::new();
    // (With the figures said to be wholes over many places: another source that gives
    // the value "in five states" says it is no one place's.)
    for (i, it) in items.iter().enumerate() {
        if (it.scope.is_some() || it.wide) && super::comparable(it) {
            scoped.entry(key(it)).or_default().push(i);
        }
    }
    if scoped.is_empty() {
        return;
    }
    for v in scoped.values_mut() {
        crate::sort::by_key(v, |&i| [items.get(i).map_or(0, |x| float(x.value)), 0, 0]);
    }
    let _: Option<K> = None;
    let mut adopt: Vec<(usize, crate::reading::scope::Scope)> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if it.scope.is_some() || it.wide || !super::comparable(it) {
            continue;
        }
        let Some(cands) = scoped.get(&key(it)) else { continue };
        let lo = it.value - 0.02 * it.value.abs();
        let from = cands.partition_point(|&j| items.get(j).map_or(true, |x| x.value < lo));
        let mut found: Option<&crate::reading::scope::Scope> = None;
        let mut clash = false;
        for &j in cands.get(from..).unwrap_or(&[]) {
            let Some(x) = items.get(j) else { continue };
            if rel_gap(x.value, it.value) > 0.02 {
                break;
            }
            if x.round.intersect(&it.round).is_none() || !crate::compare::related_readings(x, it) {
                continue;
            }
            if x.wide {
                clash = true;
            }
            match (found, x.scope.as_ref()) {
                (None, Some(sc)) => found = Some(sc),
                (Some(a), Some(b)) if a.key != b.key => clash = true,
                _ => {}
            }
        }
        if let (Some(sc), false) = (found, clash) {
            adopt.push((i, sc.clone()));
        }
    }
    for (i, sc) in adopt {
        if let Some(it) = items.get_mut(i) {
            it.scope = Some(Box::new(sc));
        }
    }
}
