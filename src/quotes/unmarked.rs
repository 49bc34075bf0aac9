//! Unmarked restatements: sentences of other documents that restate a group's quotations
//! (or a lone quotation) without quotation marks, each made a quotation with
//! `marked = false` (its reporting clause trimmed off and used as its speaker).

use std::collections::{BTreeMap, HashMap};

use crate::report::{Entity, EntityKind};
use crate::sort::int;
use crate::text::TextDoc;

use super::attribute::resolve;
use super::mentions::{Genders, Mentions};
use super::speaker::{self, Attribution, SpeakerKind};
use super::{align, words, doc_by_id, spans, Q, MAX_POSTINGS};

/// How many of a group's quotations judge a sentence's fit (a large group's first ones).
const MEMBERS_JUDGED: usize = 64;

/// A sentence eligible to be matched as an unmarked restatement.
pub(super) struct Sent {
    pub(super) doc: usize,
    pub(super) idx: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Number of distinct tokens.
    pub(super) n: usize,
    /// Where its tokens that some target quotation has (sorted) are in the shared list.
    pub(super) hits: std::ops::Range<usize>,
}

/// Looks for sentences in other documents that restate a group's quotations (or a lone
/// quotation) without quotation marks; each becomes an unmarked quotation in that group.
///
/// Only the tokens of the quotations looked for matter: every sentence is tokenized once
/// into a reused buffer, and keeps its number of distinct tokens and those of its tokens
/// that some target has; the similarity rules need no more (a target's tokens are all
/// among them), except when two sentences are joined, where both are tokenized again.
pub(super) fn add_unmarked(docs: &[TextDoc], mentions: &Mentions, genders: &mut Genders, entities: &[Entity], qs: &mut Vec<Q>, groups: &mut Vec<Vec<usize>>) {
    // Targets: every group, then every marked quotation in no group.
    let mut grouped = vec![false; qs.len()];
    for &i in groups.iter().flatten() {
        if let Some(g) = grouped.get_mut(i) {
            *g = true;
        }
    }
    let mut targets: Vec<(Option<usize>, Vec<usize>)> = groups.iter().enumerate().map(|(g, m)| (Some(g), m.clone())).collect();
    {
        let mut seen: std::collections::HashSet<(usize, &[words::Tok]), crate::hash::FnvBuild> = std::collections::HashSet::default();
        for (i, q) in qs.iter().enumerate() {
            if !grouped.get(i).copied().unwrap_or(true) && q.marked && !q.short && q.tokens.len() >= 2 {
                // The same words quoted again in the same document need no second search.
                if !seen.insert((q.doc, q.tokens.as_slice())) {
                    continue;
                }
                targets.push((None, vec![i]));
            }
        }
    }
    if targets.is_empty() {
        return;
    }
    // Every token of a target, numbered (its slot).
    let n_target_tokens: usize = targets.iter().flat_map(|(_, m)| m.iter()).filter_map(|&m| qs.get(m)).map(|q| q.tokens.len()).sum();
    let mut slot_of = words::TokMap::with_capacity(n_target_tokens);
    for (_, members) in &targets {
        for q in members.iter().filter_map(|&m| qs.get(m)) {
            for &t in &q.tokens {
                let next = slot_of.len() as u32;
                slot_of.get_or_insert(t, next);
            }
        }
    }
    // Sentences outside quotations and furniture.
    let n_sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    let mut sents: Vec<Sent> = Vec::with_capacity(n_sentences);
    // (About four target tokens per sentence.)
    let mut hits: Vec<words::Tok> = Vec::with_capacity(n_sentences * 4);
    // (slot, sentence) for every target token in a sentence.
    let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(n_sentences * 4);
    let mut buf: Vec<words::Tok> = Vec::with_capacity(256);
    let mut seen = words::TokSet::default();
    let mut quoted_by_doc: HashMap<usize, Vec<(usize, usize)>, crate::hash::FnvBuild> = HashMap::default();
    for (i, q) in qs.iter().enumerate() {
        // (A partial quotation in no group is dropped later: its sentence may still
        // restate a statement, "warned that the toll “will rise” as …".)
        if q.short && !grouped.get(i).copied().unwrap_or(false) {
            continue;
        }
        quoted_by_doc.entry(q.doc).or_default().push((q.start, q.end));
    }
    for doc in docs {
        let mut quoted: Vec<(usize, usize)> = quoted_by_doc.remove(&doc.id).unwrap_or_default();
        crate::sort::by_key(&mut quoted, |&(a, b)| [a as u64, b as u64, 0]);
        // Furniture and quotations are sorted: walk them alongside the sentences.
        let furniture: std::borrow::Cow<[std::ops::Range<usize>]> = if doc.furniture.windows(2).all(|p| matches!(p, [a, b] if (a.start, a.end) <= (b.start, b.end))) {
            std::borrow::Cow::Borrowed(&doc.furniture)
        } else {
            let mut f = doc.furniture.clone();
            crate::sort::by_key(&mut f, |f| [int(f.start), int(f.end), 0]);
            std::borrow::Cow::Owned(f)
        };
        let (mut qi, mut fi) = (0usize, 0usize);
        for (idx, r) in doc.sentences.iter().enumerate() {
            while quoted.get(qi).is_some_and(|&(_, e)| e <= r.start) {
                qi += 1;
            }
            while furniture.get(fi).is_some_and(|f| f.end <= r.start) {
                fi += 1;
            }
            if r.end <= r.start || r.end - r.start > 1500 {
                continue;
            }
            let in_furniture = furniture.iter().skip(fi).take_while(|f| f.start <= r.start).any(|f| r.end <= f.end);
            if in_furniture {
                continue;
            }
            let overlaps_quote = quoted.iter().skip(qi).take_while(|&&(s, _)| s < r.end).any(|&(s, e)| s < r.end && e > r.start);
            if overlaps_quote {
                continue;
            }
            buf.clear();
            words::sequence_into(doc.text.get(r.clone()).unwrap_or(""), &mut buf);
            // Distinct tokens counted, and those some target has kept, without sorting
            // the sentence's tokens (only its few hits are sorted).
            let (from, pairs_from) = (hits.len(), pairs.len());
            seen.start(buf.len());
            let mut n = 0;
            for &t in &buf {
                if !seen.insert(t) {
                    continue;
                }
                n += 1;
                if let Some(slot) = slot_of.get(t) {
                    hits.push(t);
                    pairs.push((slot as usize, sents.len()));
                }
            }
            if n < 2 {
                hits.truncate(from);
                pairs.truncate(pairs_from);
                continue;
            }
            if let Some(h) = hits.get_mut(from..) {
                h.sort_unstable();
            }
            sents.push(Sent { doc: doc.id, idx, start: r.start, end: r.end, n, hits: from..hits.len() });
        }
    }
    // Slot -> sentences holding that token, in sentence order (counting sort of `pairs`).
    let mut offsets: Vec<usize> = vec![0; slot_of.len() + 1];
    for &(slot, _) in &pairs {
        if let Some(o) = offsets.get_mut(slot + 1) {
            *o += 1;
        }
    }
    for k in 1..offsets.len() {
        let prev = offsets.get(k - 1).copied().unwrap_or(0);
        if let Some(o) = offsets.get_mut(k) {
            *o += prev;
        }
    }
    let mut post: Vec<usize> = vec![0; pairs.len()];
    {
        let mut fill: Vec<usize> = offsets.clone();
        for &(slot, s) in &pairs {
            if let Some(f) = fill.get_mut(slot) {
                if let Some(p) = post.get_mut(*f) {
                    *p = s;
                }
                *f += 1;
            }
        }
    }
    let postings = |t: words::Tok| -> &[usize] {
        let Some(slot) = slot_of.get(t).map(|s| s as usize) else { return &[] };
        let (a, b) = (offsets.get(slot).copied().unwrap_or(0), offsets.get(slot + 1).copied().unwrap_or(0));
        post.get(a..b).unwrap_or(&[])
    };
    let hits_of = |s: &Sent| -> &[words::Tok] { hits.get(s.hits.clone()).unwrap_or(&[]) };
    // All the tokens of a sentence (for the rare joins of two sentences).
    let full_tokens = |s: &Sent| -> Vec<words::Tok> {
        doc_by_id(docs, s.doc).and_then(|d| d.text.get(s.start..s.end)).map(words::tokens).unwrap_or_default()
    };
    // Sentences are in (document, position) order: a neighbour is next to it in `sents`.
    let by_pos = |doc: usize, idx: usize, near: usize| -> Option<usize> {
        [near.checked_sub(1), Some(near + 1)].into_iter().flatten().find(|&k| sents.get(k).is_some_and(|s| s.doc == doc && s.idx == idx))
    };
    // Candidate counts per sentence, reused for every quotation.
    let mut counts: Vec<u32> = vec![0; sents.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut cand: Vec<(usize, u32)> = Vec::new();
    let mut used: Vec<bool> = vec![false; sents.len()];
    let mut budget: usize = 2_000_000;
    for (g, members) in targets {
        if budget == 0 {
            break;
        }
        let mut docs_in: Vec<usize> = members.iter().filter_map(|&m| qs.get(m).map(|q| q.doc)).collect();
        crate::sort::plain(&mut docs_in);
        docs_in.dedup();
        // (A large group is judged on its first members.)
        let judged = members.get(..members.len().min(MEMBERS_JUDGED)).unwrap_or(&[]);
        // Best (similarity, first sentence, last sentence, quote tokens) per other doc.
        let mut best: BTreeMap<usize, (f64, usize, usize, usize)> = BTreeMap::new();
        for &m in &members {
            let Some(q) = qs.get(m) else { continue };
            for &t in &q.tokens {
                let post = postings(t);
                if post.len() > MAX_POSTINGS {
                    continue;
                }
                budget = budget.saturating_sub(post.len());
                for &s in post {
                    if let Some(c) = counts.get_mut(s) {
                        if *c == 0 {
                            touched.push(s);
                        }
                        *c += 1;
                    }
                }
            }
            // In sentence order (the order of `touched` is not).
            crate::sort::plain(&mut touched);
            cand.clear();
            cand.extend(touched.drain(..).map(|s| (s, counts.get_mut(s).map(std::mem::take).unwrap_or(0))));
            for &(s, n) in &cand {
                if n < 2 || used.get(s).copied().unwrap_or(true) {
                    continue;
                }
                let Some(st) = sents.get(s) else { continue };
                if docs_in.binary_search(&st.doc).is_ok() {
                    continue;
                }
                budget = budget.saturating_sub(1);
                if budget == 0 {
                    break;
                }
                let inter = align::overlap(&q.tokens, hits_of(st));
                if !align::restates_n(inter, q.tokens.len(), st.n) {
                    continue;
                }
                let sim = align::similarity_n(inter, q.tokens.len(), st.n);
                let e = best.entry(st.doc).or_insert((0.0, s, s, m));
                if sim > e.0 {
                    *e = (sim, s, s, m);
                }
            }
        }
        // A statement split over two sentences: extend the best sentence to a neighbour
        // that adds to the match.
        // (Judged against every quotation of the group: one source may quote both
        // sentences, another only one.)
        for (_, first, last, _) in best.values_mut() {
            let Some(st) = sents.get(*first) else { continue };
            for nb in [st.idx.checked_sub(1), Some(st.idx + 1)].into_iter().flatten() {
                let Some(ni) = by_pos(st.doc, nb, *first) else { continue };
                if used.get(ni).copied().unwrap_or(true) {
                    continue;
                }
                let Some(ns) = sents.get(ni) else { continue };
                // The union of both sentences' tokens: its target tokens and its size.
                let mut union: Option<(Vec<words::Tok>, usize)> = None;
                let adds = judged.iter().filter_map(|&m| qs.get(m)).any(|q| {
                    if align::overlap(&q.tokens, hits_of(ns)) < 3 {
                        return false;
                    }
                    let (uh, un) = union.get_or_insert_with(|| {
                        let mut h: Vec<words::Tok> = hits_of(st).iter().chain(hits_of(ns)).copied().collect();
                        h.sort_unstable();
                        h.dedup();
                        let mut all = full_tokens(st);
                        all.extend(full_tokens(ns));
                        all.sort_unstable();
                        all.dedup();
                        (h, all.len())
                    });
                    let lq = q.tokens.len();
                    align::similarity_n(align::overlap(&q.tokens, uh), lq, *un)
                        > align::similarity_n(align::overlap(&q.tokens, hits_of(st)), lq, st.n) + 0.05
                });
                if adds {
                    if nb < st.idx {
                        *first = ni;
                    } else {
                        *last = ni;
                    }
                }
            }
        }
        if best.is_empty() {
            continue;
        }
        // The group's person speakers, once.
        let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
        let mut person_speakers: Vec<usize> = members.iter().filter_map(|&m| qs.get(m).and_then(|x| x.speaker)).filter(|&e| is_person(e)).collect();
        crate::sort::plain(&mut person_speakers);
        person_speakers.dedup();
        let mut new_ids = Vec::new();
        for (d, (_, first, last, _)) in best {
            let (Some(a), Some(b)) = (sents.get(first), sents.get(last)) else { continue };
            if used.get(first).copied().unwrap_or(true) || used.get(last).copied().unwrap_or(true) {
                continue;
            }
            let Some(doc) = doc_by_id(docs, d) else { continue };
            let Some(q) = unmarked_quote(doc, a.start, b.end, a.idx, mentions, genders, entities) else { continue };
            // (What is left once its clause is trimmed off must still share words with
            // the quotations.)
            if !judged.iter().filter_map(|&m| qs.get(m)).any(|x| align::overlap(&x.tokens, &q.tokens) >= 2) {
                continue;
            }
            if q.speaker.filter(|&s| is_person(s)).is_some_and(|s| person_speakers.iter().any(|&x| x != s)) {
                continue;
            }
            for u in [first, last] {
                if let Some(x) = used.get_mut(u) {
                    *x = true;
                }
            }
            new_ids.push(qs.len());
            qs.push(q);
        }
        if new_ids.is_empty() {
            continue;
        }
        match g {
            Some(g) => {
                if let Some(v) = groups.get_mut(g) {
                    v.extend(new_ids);
                }
            }
            None => {
                let mut v = members.clone();
                v.extend(new_ids);
                groups.push(v);
            }
        }
    }
}

/// Builds an unmarked quotation from a sentence span: trailing attribution (", he said")
/// trimmed off and used as the speaker.
pub(super) fn unmarked_quote(doc: &TextDoc, start: usize, end: usize, sentence: usize, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<Q> {
    let text = doc.text.get(start..end)?;
    let mut span_end = start + text.trim_end().len();
    let mut attr: Option<Attribution> = None;
    // Rightmost ',', '?' or '!' followed by an attribution that ends the sentence.
    for (i, c) in text.char_indices().rev() {
        if !matches!(c, ',' | '?' | '!') {
            continue;
        }
        let after = start + i + c.len_utf8();
        if let Some(a) = speaker::after_quote(doc.text, after).or_else(|| pronoun_tail(doc.text, after, end)) {
            let rest = doc.text.get(a.end..end).unwrap_or("");
            // (Not "…, said the government “fully supports” the decision": a clause that
            // ends its sentence holds no quotation.)
            if rest.trim().len() <= 40 && !rest.contains(['"', '“', '”', '«', '»', '„']) {
                span_end = if c == ',' { start + i } else { after };
                attr = Some(a);
                break;
            }
        }
        if span_end - (start + i) > 120 {
            break;
        }
    }
    if attr.is_none() {
        attr = speaker::after_quote(doc.text, span_end).filter(|a| doc.text.get(span_end..a.start).is_some_and(|g| g.len() <= 4));
    }
    let mut s = start;
    let body = doc.text.get(s..span_end)?;
    s += body.len() - body.trim_start().len();
    // (An interview answer's label: "A: …".)
    if let Some(rest) = doc.text.get(s..span_end).and_then(|b| b.strip_prefix("A:")) {
        s = span_end - rest.trim_start().len();
    }
    if attr.is_none() {
        // A leading reporting clause: "Governor Ana Ruiz said (that) rescuers were ...".
        if let Some(a) = speaker::after_quote(doc.text, s).filter(|a| a.clause_end < span_end && a.start < s + 60) {
            let rest = doc.text.get(a.clause_end..span_end).unwrap_or("");
            let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ':');
            let verb = doc.text.get(..a.clause_end).and_then(|t| t.split_whitespace().last()).unwrap_or("").to_lowercase();
            let trimmed = skip_object(&verb, trimmed);
            let trimmed = trimmed.strip_prefix("that ").unwrap_or(trimmed);
            if trimmed.split_whitespace().count() >= spans::MIN_WORDS {
                s = span_end - trimmed.len();
                attr = Some(a);
            }
        }
    }
    let body = doc.text.get(s..span_end)?.trim_end();
    let span_end = s + body.len();
    if span_end <= s || spans::MIN_WORDS > body.split_whitespace().count() {
        return None;
    }
    let speaker = attr.as_ref().and_then(|a| resolve(a, doc, start..end, mentions, genders, entities));
    Some(Q {
        doc: doc.id,
        start: s,
        end: span_end,
        close_end: span_end,
        sentence,
        speaker,
        speaker_text: attr.map(|a| (a.start, a.end)),
        marked: false,
        tokens: words::tokens(body),
        grams: Vec::new(),
        short: false,
    })
}

/// The words of a reported statement after its verb's object: "told reporters (that) …",
/// "told the BBC …", "said on Friday that …", "told a news conference in the capital
/// that …" (up to a "that" within six words).
pub(super) fn skip_object<'t>(verb: &str, rest: &'t str) -> &'t str {
    let mut words = rest.split_whitespace();
    let mut ahead = rest;
    for _ in 0..6 {
        let Some(w) = words.next() else { break };
        if w.ends_with(['.', ';', ':', '?', '!']) {
            break;
        }
        let Some(p) = ahead.find(w) else { break };
        ahead = ahead.get(p + w.len()..).unwrap_or("");
        if w == "that" {
            return ahead.trim_start();
        }
    }
    if !matches!(verb, "told" | "tells" | "telling" | "tell") {
        return rest;
    }
    // The object: "reporters", "the BBC", "Reuters", "state television".
    let mut out = rest.trim_start();
    let first = out.split_whitespace().next().unwrap_or("");
    if matches!(first, "the" | "a" | "an") {
        out = out.get(first.len()..).unwrap_or("").trim_start();
    }
    let mut n = 0;
    while let Some(w) = out.split_whitespace().next().filter(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        out = out.get(w.len()..).unwrap_or("").trim_start();
        n += 1;
        if n >= 4 || w.ends_with(',') {
            break;
        }
    }
    if n == 0 {
        let w = out.split_whitespace().next().unwrap_or("");
        if w.ends_with('s') && w.chars().all(char::is_lowercase) {
            out = out.get(w.len()..).unwrap_or("").trim_start();
        }
    }
    out.trim_start_matches(',').trim_start()
}

/// A garbled attribution ", he <word>." ending a sentence: the pronoun is the speaker.
pub(super) fn pronoun_tail(text: &str, from: usize, end: usize) -> Option<Attribution> {
    let all = text.get(from..end)?;
    // (A comma outside the closing mark: "”, she fumed.")
    let tail = all.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let from = from + (all.len() - tail.len());
    // Exactly two words (counted without allocating).
    let mut words = tail.split_whitespace().map(|w| w.trim_matches(|c: char| !super::words::is_alnum(c)));
    // (The pronoun first: most clauses are ruled out by it.)
    let p = words.next()?;
    let p = if p.eq_ignore_ascii_case("he") { "he" } else if p.eq_ignore_ascii_case("she") { "she" } else { return None };
    let (Some(w), None) = (words.next(), words.next()) else { return None };
    match p {
        "he" | "she" if w.chars().all(char::is_alphabetic) && !w.is_empty() => {
            let lead = tail.len() - tail.trim_start().len();
            let start = from + lead;
            {
                let end = start + 2 + usize::from(p == "she");
                Some(Attribution { start, end, kind: SpeakerKind::Pronoun, clause_end: end })
            }
        }
        _ => None,
    }
}
