//! Aligning the same statement across sources: quotations and sentences reduced to sets
//! of normalized tokens (folded, lowercased, stopwords dropped, light stemming), compared
//! by the mean of Dice and containment, so that a translation that rewords a few words, or
//! a source that quotes only part of a statement, still matches.

use super::words::Tok;

/// True when two quotations share a run of three tokens and are at least somewhat
/// similar overall (0.35).
pub fn shares_run<T: Ord>(a_tokens: &[T], b_tokens: &[T], a_grams: &[Tok], b_grams: &[Tok]) -> bool {
    overlap(a_grams, b_grams) >= 1 && similarity(a_tokens, b_tokens) >= 0.35
}

/// Size of the intersection of two sorted sets.
pub fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    crate::sort::intersection_len(a, b)
}

/// Similarity of two token sets in 0..1: the mean of Dice and containment.
pub fn similarity<T: Ord>(a: &[T], b: &[T]) -> f64 {
    similarity_n(overlap(a, b), a.len(), b.len())
}

/// [`similarity`] from the sizes of the two sets and of their intersection.
pub fn similarity_n(inter: usize, la: usize, lb: usize) -> f64 {
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let inter = inter as f64;
    let dice = 2.0 * inter / (la + lb) as f64;
    let cont = inter / la.min(lb) as f64;
    (dice + cont) / 2.0
}

/// Dice coefficient of two token sets.
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    dice_n(overlap(a, b), a.len(), b.len())
}

/// [`dice`] from the sizes of the two sets and of their intersection.
pub fn dice_n(inter: usize, la: usize, lb: usize) -> f64 {
    if la == 0 || lb == 0 {
        return 0.0;
    }
    2.0 * inter as f64 / (la + lb) as f64
}

/// True when two quotations state the same thing. Short quotations (up to three tokens)
/// must be wholly contained in the other, and not lost in a much longer one (Dice 0.3); longer ones need three shared tokens and a
/// similarity of at least 0.5.
pub fn same_statement<T: Ord>(a: &[T], b: &[T]) -> bool {
    let m = a.len().min(b.len());
    let inter = overlap(a, b);
    if m < 2 || inter < 2 {
        return false;
    }
    if m <= 3 {
        // Wholly contained; or, for three tokens, two shared with a set about as small
        // ("largely restored in all regions" / "basically restored in all regions").
        return (inter == m && dice(a, b) >= 0.3) || (m == 3 && inter == 2 && dice(a, b) >= 0.5);
    }
    inter >= 3 && similarity(a, b) >= 0.5
}

/// True when an unmarked sentence restates a quotation: stricter than between two
/// quotations (four shared tokens, similarity 0.55 and Dice 0.4, so that a short quote is
/// not found inside any long sentence; or nearly the same short set; or a short sentence
/// made at least three quarters of the quotation's words).
pub fn restates<T: Ord>(quote: &[T], sentence: &[T]) -> bool {
    restates_n(overlap(quote, sentence), quote.len(), sentence.len())
}

/// [`restates`] from the sizes of the quotation's and the sentence's token sets and of
/// their intersection.
pub fn restates_n(inter: usize, lq: usize, ls: usize) -> bool {
    (inter >= 4 && similarity_n(inter, lq, ls) >= 0.55 && dice_n(inter, lq, ls) >= 0.4)
        // Nearly all of the quotation inside a longer sentence that adds who said it
        // ("Norvex Bank's chief executive Helen Ward has warned investors that …").
        || (inter >= 4 && inter * 5 >= lq * 4 && dice_n(inter, lq, ls) >= 0.3)
        || (inter >= 2 && dice_n(inter, lq, ls) >= 0.75)
        || (inter >= 3 && inter * 4 >= ls * 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::words::{tokens, trigrams};

    #[test]
    fn reworded_translations_match() {
        let a = tokens("I have ordered the rescue teams and the army to search every house without delay.");
        let b = tokens("I ordered the rescuers and the military to search all houses without delay");
        assert!(same_statement(&a, &b), "{a:?} {b:?} {}", similarity(&a, &b));
        let c = tokens("Prices of bread will stay frozen until the summer.");
        assert!(!same_statement(&a, &c));
    }

    #[test]
    fn short_quotes_need_containment() {
        let a = tokens("search every house");
        let b = tokens("we will search every house in the valley tonight");
        assert!(same_statement(&a, &b));
        let c = tokens("search the river");
        assert!(!same_statement(&c, &b));
        let d = tokens("calm largely restored in the north");
        let e = tokens("calm was mostly restored in the north");
        assert!(same_statement(&d, &e));
        let f = tokens("fighting resumed in the north");
        assert!(!same_statement(&d, &f));
    }

    #[test]
    fn shared_runs_of_three_tokens() {
        let a = "What deal could we make with thieves and liars? They will be punished very soon.";
        let b = "What kind of deal can we make with thieves, with liars? It will be done.";
        let (ta, tb) = (tokens(a), tokens(b));
        assert!(shares_run(&ta, &tb, &trigrams(a), &trigrams(b)));
        let c = "Thieves stole the deal papers and liars hid them.";
        assert!(!shares_run(&ta, &tokens(c), &trigrams(a), &trigrams(c)));
    }
}
