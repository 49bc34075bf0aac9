//! Synonyms when comparing two statements: two translations of one statement often
//! differ by a synonym ("repeal the law" / "rescind the statute"). The lexicon
//! (`src/lexicon/quote_synonyms.txt`, generated from WordNet by
//! `scripts/gen_quote_synonyms.py`) lists synsets of general English words; each word is
//! read into a token as quotations are ([`super::words::tokens`]: folded, stemmed), and
//! two different tokens match when they share a synset.

use std::sync::OnceLock;

use super::words::{self, Tok, TokMap};

const LEXICON: &str = crate::lexicon::data!("quote_synonyms.txt");

/// Each token of the lexicon and the synsets it is in.
struct Synsets {
    /// Token -> its range in `sets`.
    index: TokMap,
    ranges: Vec<(u32, u32)>,
    /// Synset numbers, each token's sorted.
    sets: Vec<u32>,
}

fn synsets() -> &'static Synsets {
    static S: OnceLock<Synsets> = OnceLock::new();
    S.get_or_init(|| {
        let mut pairs: Vec<(Tok, u32)> = Vec::new();
        for (k, line) in crate::lexicon::lines(LEXICON).enumerate() {
            for w in line.split_whitespace() {
                // (A word the stage drops has no token.)
                if let [t] = words::tokens(w).as_slice() {
                    pairs.push((*t, k as u32));
                }
            }
        }
        crate::sort::by_key(&mut pairs, |p| [p.0, u64::from(p.1), 0]);
        pairs.dedup();
        let mut index = TokMap::with_capacity(pairs.len());
        let mut ranges = Vec::new();
        let mut at = 0u32;
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            if let Some(&(t, _)) = run.first() {
                index.get_or_insert(t, ranges.len() as u32);
                ranges.push((at, at + run.len() as u32));
            }
            at += run.len() as u32;
        }
        Synsets { index, ranges, sets: pairs.into_iter().map(|(_, k)| k).collect() }
    })
}

impl Synsets {
    fn of(&self, t: Tok) -> &[u32] {
        let Some(&(a, b)) = self.index.get(t).and_then(|i| self.ranges.get(i as usize)) else { return &[] };
        self.sets.get(a as usize..b as usize).unwrap_or(&[])
    }
}

/// The number of tokens of `a` matched in `b` (both sorted sets): the tokens they share,
/// plus pairs of tokens (one of each, each used once) that share a synset.
pub fn matched(a: &[Tok], b: &[Tok]) -> usize {
    let exact = crate::sort::intersection_len(a, b);
    if exact == a.len().min(b.len()) {
        return exact;
    }
    let s = synsets();
    // The tokens of each side that the other lacks and that have synsets.
    let rest = |x: &[Tok], y: &[Tok]| -> Vec<&[u32]> { x.iter().filter(|t| y.binary_search(t).is_err()).map(|&t| s.of(t)).filter(|v| !v.is_empty()).collect() };
    let (ra, rb) = (rest(a, b), rest(b, a));
    if ra.is_empty() || rb.is_empty() {
        return exact;
    }
    let mut used = vec![false; rb.len()];
    let mut more = 0;
    for x in &ra {
        let hit = rb.iter().enumerate().find(|(j, y)| !used.get(*j).copied().unwrap_or(true) && crate::sort::intersection_len(x, y) > 0).map(|(j, _)| j);
        if let Some(u) = hit.and_then(|j| used.get_mut(j)) {
            *u = true;
            more += 1;
        }
    }
    exact + more
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::tokens;

    #[test]
    fn synonyms_count_as_shared_words() {
        let a = tokens("They will repeal the law quickly");
        let b = tokens("They will rescind the statute rapidly");
        assert_eq!(crate::sort::intersection_len(&a, &b), 0);
        assert_eq!(matched(&a, &b), 2, "repeal~rescind, quickly~rapidly; law~statute at that sense count only when listed");
        // Each token matches once, and unrelated words do not.
        let c = tokens("quickly quickly rapidly");
        assert_eq!(matched(&tokens("rapidly"), &c), 1);
        assert_eq!(matched(&tokens("harbour bread"), &tokens("violin cloud")), 0);
        // Inflected forms are stemmed first: "children" ~ "kids".
        assert!(matched(&tokens("the small kids"), &tokens("little child")) >= 2);
    }

    #[test]
    fn every_lexicon_line_has_two_tokens() {
        for line in crate::lexicon::lines(LEXICON).take(2000) {
            let n: Vec<Tok> = line.split_whitespace().filter_map(|w| tokens(w).first().copied()).collect();
            assert!(n.len() >= 2, "{line}");
        }
    }
}
