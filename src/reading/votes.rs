//! Votes: the two sides of a split vote, read as the majority and the minority.
//!
//! "The board backed the cut by a 7-2 vote", "seven members voted for the cut, while two
//! wanted to hold", "Of the nine members, seven voted in favour and two were against": in
//! each, the larger count is the side that carried the vote and the smaller the side that
//! lost, however the outlet words it. A sentence that speaks of a vote (vote, voted,
//! voting, margin, in favour, against, dissent...) and gives exactly two small whole
//! counts besides the body's own size ("the nine-member board", "of the nine members")
//! has its larger count read as event "in the majority" and its smaller as "in the
//! minority", both counting votes (a fact "Votes in the majority"). The body itself (a board or committee named as the
//! counts' scope) is the whole, not a part of it.

use super::Reading;
use crate::text::TextDoc;

/// Event of the side that carried a vote.
pub(crate) const MAJORITY: &str = "in the majority";
/// Event of the side that lost a vote.
pub(crate) const MINORITY: &str = "in the minority";

/// True when a sentence speaks of a vote.
fn speaks_of_vote(sentence: &str) -> bool {
    let s = crate::text::fold::fold(sentence);
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "vote" | "votes" | "voted" | "voting" | "margin" | "dissent" | "dissented" | "dissenting" | "dissenters" | "favour" | "favor" | "abstained"))
}

/// True when a figure can be one side of a vote: an exact whole count, small, not the
/// body's size ("nine-strong", "of the nine members", a total).
fn may_be_side(it: &Reading, text: &str) -> bool {
    let exact = it.iv.lo == Some(it.value) && it.iv.hi == Some(it.value);
    let t = text.to_ascii_lowercase();
    it.dim == "count" && exact && it.value.fract() == 0.0 && it.value >= 0.0 && it.value < 1000.0 && it.event.as_deref() != Some("total") && !t.contains("strong") && !t.contains("member ")
}

/// Reads the sides of split votes in `items` (all of one run of documents, in document
/// and position order). `texts[i]` is the written text of item `i`'s figure.
pub(crate) fn read_votes(items: &mut [Reading], docs: &[TextDoc], texts: &[&str]) {
    let mut k = 0;
    while k < items.len() {
        let (doc, sentence) = match items.get(k) {
            Some(it) => (it.doc, it.sentence),
            None => break,
        };
        let mut j = k;
        while items.get(j).is_some_and(|x| x.doc == doc && x.sentence == sentence) {
            j += 1;
        }
        let sentence_text = super::doc_of(docs, doc).map_or("", |d| d.sentence_text(sentence));
        if j - k >= 2 && speaks_of_vote(sentence_text) {
            let mut sides: Vec<usize> = (k..j).filter(|&i| items.get(i).zip(texts.get(i)).is_some_and(|(it, t)| may_be_side(it, t))).collect();
            // "Of the nine members, seven voted for and two against": a count that is the
            // sum of the two others is the body's size.
            if let [a, b, c] = sides[..] {
                let v = |i: usize| items.get(i).map_or(f64::NAN, |x| x.value);
                if let Some(size) = [(a, b, c), (b, a, c), (c, a, b)].iter().find(|(s, x, y)| v(*s) == v(*x) + v(*y)).map(|t| t.0) {
                    sides.retain(|&i| i != size);
                }
            }
            if let [a, b] = sides[..] {
                let (va, vb) = (items.get(a).map_or(0.0, |x| x.value), items.get(b).map_or(0.0, |x| x.value));
                if va != vb {
                    let (major, minor) = if va > vb { (a, b) } else { (b, a) };
                    for (i, ev) in [(major, MAJORITY), (minor, MINORITY)] {
                        if let Some(it) = items.get_mut(i) {
                            it.event = Some(ev.to_string());
                            it.concept = Some(super::Concept::Class("votes"));
                            it.words = vec![super::word_hash("vote")];
                            it.head_word = Some("votes".to_string());
                            it.inferred = false;
                            // (the body that voted is the whole)
                            if it.scope.as_ref().is_some_and(|s| !s.place) {
                                it.scope = None;
                            }
                        }
                    }
                }
            }
        }
        k = j.max(k + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_sentences() {
        assert!(speaks_of_vote("The board backed the cut by a 7-2 vote."));
        assert!(speaks_of_vote("Seven were in favour and two against."));
        assert!(!speaks_of_vote("Seven people died and two were hurt."));
    }
}
