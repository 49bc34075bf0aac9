//! Aligning the same statement across sources: quotations and sentences reduced to sets
//! of normalized tokens (folded, lowercased, stopwords dropped, light stemming), compared
//! by the mean of Dice and containment, so that a translation that rewords a few words, or
//! a source that quotes only part of a statement, still matches.

use std::collections::HashSet;
use std::sync::OnceLock;

const STOPWORDS: &str = include_str!("../lexicon/quote_stopwords.txt");

fn stopwords() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| crate::lexicon::lines(STOPWORDS).collect())
}

/// Stopwords and reporting verbs in one set: the words [`tokens`] drops.
fn dropped() -> &'static HashSet<&'static str, FnvBuild> {
    static S: OnceLock<HashSet<&'static str, FnvBuild>> = OnceLock::new();
    S.get_or_init(|| {
        let mut s: HashSet<&'static str, FnvBuild> = stopwords().iter().copied().collect();
        s.extend(crate::lexicon::lines(crate::lexicon::REPORTING_VERBS).flat_map(crate::lexicon::fields).filter(|f| !f.is_empty()));
        s
    })
}

/// Light English stemming: common inflectional suffixes stripped, keeping 3+ letters
/// ("ordered" → "order", "warning" → "warn", "terrorists" → "terrorist").
pub fn stem(w: &str) -> String {
    stem_cow(w).into_owned()
}

fn stem_cow(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let n = w.len();
    let mut base: Cow<'_, str> = Cow::Borrowed(w);
    for suf in ["ies", "ing", "ed", "s", "ly"] {
        if w.ends_with(suf) && n >= suf.len() + 3 && !w.ends_with("ss") && !w.ends_with("us") {
            let cut = w.get(..n - suf.len()).unwrap_or(w);
            base = if suf == "ies" { Cow::Owned(format!("{cut}y")) } else { Cow::Borrowed(cut) };
            break;
        }
    }
    if base.len() > 3 && base.ends_with('e') {
        base = match base {
            Cow::Borrowed(b) => Cow::Borrowed(b.get(..b.len() - 1).unwrap_or(b)),
            Cow::Owned(mut o) => {
                o.pop();
                Cow::Owned(o)
            }
        };
    }
    base
}

/// FNV-1a hashing for small keys (words, token hashes): much faster than SipHash, and
/// these tables hold no keys an attacker could choose to collide at scale.
#[derive(Default, Clone, Copy)]
pub struct FnvBuild;

/// The hasher behind [`FnvBuild`].
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(0x0100_0000_01b3);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

impl std::hash::BuildHasher for FnvBuild {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

/// A token: a 64-bit hash of the normalized word (no allocation per word; a
/// collision between two different words is negligible at news sizes).
pub type Tok = u64;

fn fnv(s: &str) -> Tok {
    // Eight bytes per multiply (most words take one), then a final mix so that every bit
    // of the result depends on every byte.
    let bytes = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (bytes.len() as u64);
    for chunk in bytes.chunks(8) {
        // Bytes shifted into place (a copy into a buffer would stall on reading it back).
        let v = chunk.iter().enumerate().fold(0u64, |v, (k, &b)| v | (u64::from(b) << (8 * k)));
        h = (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    h = (h ^ (h >> 32)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 31)
}

/// The normalized token set of a text, sorted and deduplicated. Reporting verbs are
/// dropped too: they belong to the attribution, not to the statement.
pub fn tokens(text: &str) -> Vec<Tok> {
    let mut out = sequence(text);
    out.sort_unstable();
    out.dedup();
    out
}

/// Hashes of every run of three consecutive normalized tokens, sorted and deduplicated:
/// a shared run ("negotiations … criminals … murderers", "high combat readiness") is
/// strong evidence of the same statement even when the rest was reworded.
pub fn trigrams(text: &str) -> Vec<Tok> {
    trigram_set(&sequence(text))
}

/// Sorted, deduplicated hashes of the runs of three consecutive tokens of `seq`.
fn trigram_set(seq: &[Tok]) -> Vec<Tok> {
    let mut out: Vec<Tok> = seq
        .windows(3)
        .map(|w| w.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &t| (h ^ t).wrapping_mul(0x0100_0000_01b3)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// True when two quotations share a run of three tokens and are at least somewhat
/// similar overall (0.35).
pub fn shares_run<T: Ord>(a_tokens: &[T], b_tokens: &[T], a_grams: &[Tok], b_grams: &[Tok]) -> bool {
    overlap(a_grams, b_grams) >= 1 && similarity(a_tokens, b_tokens) >= 0.35
}

/// The normalized tokens of a text in order (stopwords and reporting verbs dropped).
fn sequence(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    sequence_into(text, &mut out);
    out
}

/// Hashes of the dropped words, for a lookup without comparing strings.
fn dropped_hashes() -> &'static HashSet<Tok, FnvBuild> {
    static S: OnceLock<HashSet<Tok, FnvBuild>> = OnceLock::new();
    S.get_or_init(|| dropped().iter().map(|w| fnv(w)).collect())
}

/// Appends the normalized tokens of `text` to `out`. A word of ASCII letters and digits
/// (the common case) is lowercased into a stack buffer and hashed straight from it;
/// words with other characters are folded into a reusable buffer. Each word is hashed
/// once, and again only when stemming changes it.
fn sequence_into(text: &str, out: &mut Vec<Tok>) {
    let drop = dropped_hashes();
    let emit = |w: &str, out: &mut Vec<Tok>| {
        if w.is_empty() {
            return;
        }
        let h = fnv(w);
        if !drop.contains(&h) {
            let st = stem_cow(w);
            // Stemming only shortens a word, or turns "-ies" into "-y": same length, same word.
            out.push(if st.len() == w.len() { h } else { fnv(&st) });
        }
    };
    let mut word = String::with_capacity(32);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if word.is_empty() && b.is_ascii_alphanumeric() {
            let mut e = i;
            while bytes.get(e).is_some_and(|x| x.is_ascii_alphanumeric()) {
                e += 1;
            }
            // Whole ASCII word (not continued by a non-ASCII letter) of a usual length.
            if e - i <= 32 && bytes.get(e).map_or(true, |x| x.is_ascii()) {
                let mut buf = [0u8; 32];
                let src = bytes.get(i..e).unwrap_or(&[]);
                for (d, &x) in buf.iter_mut().zip(src) {
                    *d = x.to_ascii_lowercase();
                }
                if let Ok(w) = std::str::from_utf8(buf.get(..src.len()).unwrap_or(&[])) {
                    emit(w, out);
                }
                i = e;
                continue;
            }
        }
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                word.push(char::from(b.to_ascii_lowercase()));
            } else {
                emit(&word, out);
                word.clear();
            }
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else { break };
        i += c.len_utf8();
        let before = word.len();
        crate::text::fold::fold_char(c, &mut word);
        // Folding may yield separators (typographic apostrophes, dashes).
        if word.get(before..).is_some_and(|added| added.chars().any(|x| !x.is_alphanumeric())) {
            word.truncate(before);
            emit(&word, out);
            word.clear();
        }
    }
    emit(&word, out);
}

/// The token set and the trigram set of a text, from one pass (see [`tokens`] and
/// [`trigrams`]).
pub fn tokens_and_trigrams(text: &str) -> (Vec<Tok>, Vec<Tok>) {
    let seq = sequence(text);
    let grams = trigram_set(&seq);
    let mut toks = seq;
    toks.sort_unstable();
    toks.dedup();
    (toks, grams)
}

/// Size of the intersection of two sorted sets.
pub fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Similarity of two token sets in 0..1: the mean of Dice and containment.
pub fn similarity<T: Ord>(a: &[T], b: &[T]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let inter = overlap(a, b) as f64;
    let dice = 2.0 * inter / (la + lb) as f64;
    let cont = inter / la.min(lb) as f64;
    (dice + cont) / 2.0
}

/// Dice coefficient of two token sets.
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * overlap(a, b) as f64 / (a.len() + b.len()) as f64
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
    let inter = overlap(quote, sentence);
    (inter >= 4 && similarity(quote, sentence) >= 0.55 && dice(quote, sentence) >= 0.4)
        || (inter >= 2 && dice(quote, sentence) >= 0.75)
        || (inter >= 3 && inter * 4 >= sentence.len() * 3)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn tokens_and_trigrams_in_one_pass() {
        for t in ["“We have LOST everything,” said the baker — again’s Ölüdeniz 北京 🙂", "", "a b c d e f", "café CAFÉS naïve-ly ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKL cities"] {
            assert_eq!(tokens_and_trigrams(t), (tokens(t), trigrams(t)));
        }
        assert_eq!(tokens("Houses FLOODED"), tokens("house flood"));
        assert_eq!(tokens("Cafés"), tokens("cafe"));
        assert_eq!(tokens("CITIES"), tokens("city"));
        let long = "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKL";
        assert_eq!(tokens(long), tokens(&long.to_lowercase()));
        assert_eq!(tokens(long).len(), 1);
        assert!(tokens("the and of said").is_empty());
    }

    #[test]
    fn stems() {
        assert_eq!(stem("ordered"), "order");
        assert_eq!(stem("houses"), stem("house"));
        assert_eq!(stem("damaged"), stem("damage"));
        assert_eq!(stem("warning"), "warn");
        assert_eq!(stem("cities"), "city");
        assert_eq!(stem("press"), "press");
    }
}
