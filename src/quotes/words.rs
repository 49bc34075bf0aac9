//! Words of a statement as tokens: folded, lowercased, stopwords and reporting verbs
//! dropped, lightly stemmed, and hashed to 64 bits (read eight bytes at a time where the
//! text is ASCII); token sets, runs of three tokens, and the small open-addressing maps
//! and sets the alignment steps use.

use std::collections::HashSet;
use std::sync::OnceLock;

const STOPWORDS: &str = crate::lexicon::data!("quote_stopwords.txt");

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

use crate::hash::FnvBuild;

/// A token: a 64-bit hash of the normalized word (no allocation per word; a
/// collision between two different words is negligible at news sizes).
pub type Tok = u64;

fn fnv(s: &str) -> Tok {
    word_hash(s.as_bytes())
}

/// The 64-bit hash of a word's bytes (the one tokens are made of): eight bytes per
/// multiply (most words take one), then a final mix so that every bit of the result
/// depends on every byte.
pub fn word_hash(bytes: &[u8]) -> Tok {
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

/// The normalized tokens of a text in order (stopwords and reporting verbs dropped).
fn sequence(text: &str) -> Vec<Tok> {
    // About one token per six bytes of news text.
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 6 + 4);
    sequence_into(text, &mut out);
    out
}

/// A map from tokens to small numbers, by open addressing on the token itself (tokens
/// are already well-mixed hashes): a lookup is a mask and a compare or two, with no
/// hashing. Its capacity is fixed when it is made.
pub struct TokMap {
    keys: Vec<Tok>,
    vals: Vec<u32>,
    mask: usize,
    /// The value of token 0 (0 marks an empty cell).
    zero: Option<u32>,
    len: usize,
}

impl TokMap {
    /// A map for up to `n` tokens.
    pub fn with_capacity(n: usize) -> Self {
        let cap = (n.saturating_mul(2)).max(16).next_power_of_two();
        TokMap { keys: vec![0; cap], vals: vec![0; cap], mask: cap - 1, zero: None, len: 0 }
    }

    /// Number of tokens in the map.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the map holds no token.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The value of `t`.
    #[inline]
    pub fn get(&self, t: Tok) -> Option<u32> {
        if t == 0 {
            return self.zero;
        }
        let mut i = (t as usize) & self.mask;
        loop {
            match self.keys.get(i) {
                Some(&k) if k == t => return self.vals.get(i).copied(),
                Some(&0) | None => return None,
                _ => i = (i + 1) & self.mask,
            }
        }
    }

    /// The value of `t`, inserting `v` when absent (the map grows as needed).
    pub fn get_or_insert(&mut self, t: Tok, v: u32) -> u32 {
        match self.slot(t) {
            Some(i) => self.vals.get(i).copied().unwrap_or(v),
            None => {
                self.put(t, v);
                v
            }
        }
    }

    /// Sets the value of `t` (inserting it when absent).
    pub fn set(&mut self, t: Tok, v: u32) {
        match self.slot(t) {
            Some(i) => {
                if let Some(x) = self.vals.get_mut(i) {
                    *x = v;
                }
            }
            None => self.put(t, v),
        }
    }

    /// The cell holding `t` (not for token 0, which lives apart).
    fn slot(&self, t: Tok) -> Option<usize> {
        if t == 0 {
            return None;
        }
        let mut i = (t as usize) & self.mask;
        loop {
            match self.keys.get(i) {
                Some(&k) if k == t => return Some(i),
                Some(&0) | None => return None,
                _ => i = (i + 1) & self.mask,
            }
        }
    }

    /// Inserts `t`, absent, with `v`; doubles the table first when it is half full.
    fn put(&mut self, t: Tok, v: u32) {
        if t == 0 {
            if self.zero.is_none() {
                self.len += 1;
            }
            self.zero = Some(v);
            return;
        }
        if (self.len + 1) * 2 > self.keys.len() {
            let cap = (self.keys.len() * 2).max(16);
            let old = std::mem::replace(self, TokMap { keys: vec![0; cap], vals: vec![0; cap], mask: cap - 1, zero: None, len: 0 });
            self.zero = old.zero;
            self.len = usize::from(old.zero.is_some());
            for (&k, &x) in old.keys.iter().zip(&old.vals) {
                if k != 0 {
                    self.put(k, x);
                }
            }
        }
        let mut i = (t as usize) & self.mask;
        while let Some(&k) = self.keys.get(i) {
            if k == 0 {
                if let (Some(k), Some(x)) = (self.keys.get_mut(i), self.vals.get_mut(i)) {
                    *k = t;
                    *x = v;
                }
                self.len += 1;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// One well-mixed token for a pair of numbers (a document and a position, a group and a
/// document), for keys of a [`TokMap`].
#[inline]
pub fn pair_key(a: u64, b: u64) -> Tok {
    let h = (a ^ 0x51_7cc1_b727_220a).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ b;
    let h = (h ^ (h >> 31)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 29)
}

/// A set of tokens that is emptied in constant time: each cell is stamped with the round
/// that filled it, and a new round ([`TokSet::start`]) makes every cell empty.
#[derive(Default)]
pub struct TokSet {
    keys: Vec<Tok>,
    stamps: Vec<u32>,
    round: u32,
}

impl TokSet {
    /// Empties the set, for up to `n` tokens.
    pub fn start(&mut self, n: usize) {
        let cap = n.saturating_mul(2).max(16).next_power_of_two();
        if cap > self.keys.len() || self.round == u32::MAX {
            let cap = cap.max(self.keys.len());
            self.keys = vec![0; cap];
            self.stamps = vec![0; cap];
            self.round = 0;
        }
        self.round += 1;
    }

    /// Adds `t`; true when it was not in the set.
    #[inline]
    pub fn insert(&mut self, t: Tok) -> bool {
        let mask = self.keys.len().wrapping_sub(1);
        let mut i = (t as usize) & mask;
        loop {
            match (self.stamps.get_mut(i), self.keys.get_mut(i)) {
                (Some(s), Some(k)) if *s != self.round => {
                    *s = self.round;
                    *k = t;
                    return true;
                }
                (Some(_), Some(k)) if *k == t => return false,
                (Some(_), Some(_)) => i = (i + 1) & mask,
                // No room (never, after `start`): counted as new.
                _ => return true,
            }
        }
    }
}

/// Hashes of the dropped words, for a lookup without comparing strings.
fn dropped_hashes() -> &'static TokMap {
    static S: OnceLock<TokMap> = OnceLock::new();
    S.get_or_init(|| {
        let d = dropped();
        let mut m = TokMap::with_capacity(d.len());
        for w in d {
            m.get_or_insert(fnv(w), 0);
        }
        m
    })
}

/// ASCII letters and digits lowercased; 0 for every other byte.
const LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            t[b] = (b as u8).to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// [`fnv`] of the first `n` bytes of `buf`, whose bytes from `n` on are zero (a chunk
/// read whole then equals one whose missing bytes were shifted in as zeros).
#[inline]
fn fnv_padded(buf: &[u8; 32], n: usize) -> Tok {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (n as u64);
    for c in buf.chunks_exact(8).take(n.div_ceil(8)) {
        let v = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        h = (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    h = (h ^ (h >> 32)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 31)
}

/// The token of a whole ASCII word of letters and digits (1 to 32 bytes, any case), or
/// `None` when it is dropped: the same as lowercasing it and going through [`stem_cow`]
/// and [`fnv`], without a string. (`b | 0x20` lowercases ASCII letters and leaves digits.)
#[cfg(test)]
fn ascii_token(word: &[u8], drop: &TokMap) -> Option<Tok> {
    let mut buf = [0u8; 32];
    for (d, &x) in buf.iter_mut().zip(word) {
        *d = x | 0x20;
    }
    lower_token(buf, word.len().min(32), drop)
}

/// As [`ascii_token`], for the lowercased word in the first `n` bytes of `buf` (the rest
/// zero).
#[inline]
fn lower_token(mut buf: [u8; 32], n: usize, drop: &TokMap) -> Option<Tok> {
    let h = fnv_padded(&buf, n);
    if drop.get(h).is_some() {
        return None;
    }
    let w = buf.get(..n).unwrap_or(&[]);
    // stem_cow on bytes: the stem is a prefix of the word, or a prefix and "y". Its
    // suffixes ("ies", "ing", "ed", "s", "ly", never after "ss" or "us") are told apart by
    // the last letter.
    let mut m = n;
    let mut y = false;
    let last = w.last().copied().unwrap_or(0);
    let prev = if n >= 2 { w.get(n - 2).copied().unwrap_or(0) } else { 0 };
    match last {
        b's' if prev != b's' && prev != b'u' => {
            if n >= 6 && prev == b'e' && w.get(n - 3) == Some(&b'i') {
                m = n - 3;
                y = true;
            } else if n >= 4 {
                m = n - 1;
            }
        }
        b'g' if n >= 6 && prev == b'n' && w.get(n - 3) == Some(&b'i') => m = n - 3,
        b'd' if n >= 5 && prev == b'e' => m = n - 2,
        b'y' if n >= 5 && prev == b'l' => m = n - 2,
        _ => {}
    }
    if !y && m > 3 && w.get(m - 1) == Some(&b'e') {
        m -= 1;
    }
    let len = m + usize::from(y);
    if len == n {
        return Some(h);
    }
    for b in buf.iter_mut().skip(m).take(n - m) {
        *b = 0;
    }
    if y {
        if let Some(b) = buf.get_mut(m) {
            *b = b'y';
        }
    }
    Some(fnv_padded(&buf, len))
}

/// [`fnv_padded`] of a word of `n` bytes (at most 16) held in `w` (two little-endian
/// chunks, the bytes from `n` on zero).
#[inline]
fn hash_reg(w: [u64; 2], n: usize) -> Tok {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (n as u64);
    for &c in w.iter().take(n.div_ceil(8)) {
        h = (h ^ c).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    h = (h ^ (h >> 32)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 31)
}

/// The low `k` bytes of a chunk (`k` at most 8).
#[inline]
fn low_bytes(c: u64, k: usize) -> u64 {
    if k >= 8 {
        c
    } else {
        c & ((1u64 << (8 * k)) - 1)
    }
}

/// [`lower_token`] of a lowercased word of 1 to 15 bytes held in `w` (two little-endian
/// chunks, the bytes from `n` on zero), in registers.
#[inline]
fn reg_token(w: [u64; 2], n: usize, drop: &TokMap) -> Option<Tok> {
    let h = hash_reg(w, n);
    if drop.get(h).is_some() {
        return None;
    }
    let [w0, w1] = w;
    let byte = |k: usize| -> u8 {
        if k < 8 {
            (w0 >> (8 * k)) as u8
        } else {
            (w1 >> (8 * (k & 7))) as u8
        }
    };
    let last = byte(n.wrapping_sub(1) & 15);
    let prev = if n >= 2 { byte(n - 2) } else { 0 };
    let mut m = n;
    let mut y = false;
    match last {
        b's' if prev != b's' && prev != b'u' => {
            if n >= 6 && prev == b'e' && byte(n - 3) == b'i' {
                m = n - 3;
                y = true;
            } else if n >= 4 {
                m = n - 1;
            }
        }
        b'g' if n >= 6 && prev == b'n' && byte(n - 3) == b'i' => m = n - 3,
        b'd' if n >= 5 && prev == b'e' => m = n - 2,
        b'y' if n >= 5 && prev == b'l' => m = n - 2,
        _ => {}
    }
    if !y && m > 3 && byte(m - 1) == b'e' {
        m -= 1;
    }
    if m == n {
        return Some(h);
    }
    // (m < n <= 15: the stem and its "y" stay inside the two chunks.)
    let mut stem = [low_bytes(w0, m), if m > 8 { low_bytes(w1, m - 8) } else { 0 }];
    if y {
        if m < 8 {
            stem[0] |= u64::from(b'y') << (8 * m);
        } else {
            stem[1] |= u64::from(b'y') << (8 * (m - 8));
        }
    }
    Some(hash_reg(stem, m + usize::from(y)))
}

/// `char::is_alphanumeric`, answered at once for the general punctuation block (dashes,
/// typographic quotation marks and apostrophes, spaces: none is alphanumeric) that news
/// text is full of, instead of through the Unicode tables.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// One byte repeated in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first byte from `i` on that is not an ASCII separator (ASCII and not lowercased to a
/// word character by [`LOWER`]): what follows a word before the next one starts.
#[inline]
fn skip_separators(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|&x| x.is_ascii() && LOWER[usize::from(x)] == 0) {
        i += 1;
    }
    i
}

/// Eight bytes of `bytes` from `at`, little-endian, zero past the end.
#[inline]
fn load8(bytes: &[u8], at: usize) -> u64 {
    let mut t = [0u8; 8];
    match bytes.get(at..at + 8) {
        Some(c) => t.copy_from_slice(c),
        None => {
            for (d, &x) in t.iter_mut().zip(bytes.get(at..).unwrap_or(&[])) {
                *d = x;
            }
        }
    }
    u64::from_le_bytes(t)
}

/// The high bit of every byte of `v` that is an ASCII letter or digit (eight bytes at
/// once: each test adds a constant to the 7-bit value of every byte, which never carries
/// into the next byte).
#[inline]
fn alnum_bits(v: u64) -> u64 {
    let a = v & !HIGH;
    let l = a | (0x20 * ONES);
    let letter = l.wrapping_add((0x80 - 0x61) * ONES) & !l.wrapping_add((0x80 - 0x7b) * ONES);
    let digit = a.wrapping_add((0x80 - 0x30) * ONES) & !a.wrapping_add((0x80 - 0x3a) * ONES);
    (letter | digit) & !v & HIGH
}

/// The run of ASCII letters and digits starting at `at`: its first 32 bytes lowercased
/// (the rest of the buffer zero) and its whole length. Reads eight bytes at a time.
#[inline]
fn ascii_word(bytes: &[u8], at: usize) -> ([u8; 32], usize) {
    let mut buf = [0u8; 32];
    let mut n = 0usize;
    loop {
        let v = load8(bytes, at + n);
        let stop = !alnum_bits(v) & HIGH;
        let k = if stop == 0 { 8 } else { (stop.trailing_zeros() / 8) as usize };
        // ASCII letters lowercased (`| 0x20`; digits already have that bit), cut after
        // the run.
        let keep = if k == 8 { u64::MAX } else { (1u64 << (8 * k)) - 1 };
        let lower = ((v & !HIGH) | (0x20 * ONES)) & keep;
        if let Some(d) = buf.get_mut(n..n + 8) {
            d.copy_from_slice(&lower.to_le_bytes());
        }
        n += k;
        if k < 8 {
            return (buf, n);
        }
    }
}

/// Appends the normalized tokens of `text` to `out`. A word of ASCII letters and digits
/// (the common case) is lowercased into a stack buffer and hashed straight from it;
/// words with other characters are folded into a reusable buffer. Each word is hashed
/// once, and again only when stemming changes it.
pub fn sequence_into(text: &str, out: &mut Vec<Tok>) {
    let drop = dropped_hashes();
    let emit = |w: &str, out: &mut Vec<Tok>| {
        if w.is_empty() {
            return;
        }
        let h = fnv(w);
        if drop.get(h).is_none() {
            let st = stem_cow(w);
            // Stemming only shortens a word, or turns "-ies" into "-y": same length, same word.
            out.push(if st.len() == w.len() { h } else { fnv(&st) });
        }
    };
    let mut word = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if LOWER[usize::from(b)] != 0 && word.is_empty() {
            // A word of up to seven ASCII letters and digits ended by an ASCII byte (most
            // words): its eight bytes read at once, lowercased and hashed in a register.
            let v = load8(bytes, i);
            let stop = !alnum_bits(v) & HIGH;
            // (Up to fifteen: a second chunk when the first is all word.)
            let (w, n) = if stop != 0 {
                let n = (stop.trailing_zeros() / 8) as usize;
                ([low_bytes((v & !HIGH) | (0x20 * ONES), n), 0], n)
            } else {
                let v1 = load8(bytes, i + 8);
                let stop1 = !alnum_bits(v1) & HIGH;
                let n1 = if stop1 != 0 { (stop1.trailing_zeros() / 8) as usize } else { 8 };
                ([(v & !HIGH) | (0x20 * ONES), low_bytes((v1 & !HIGH) | (0x20 * ONES), n1)], 8 + n1)
            };
            if n < 16 {
                let e = i + n;
                if bytes.get(e).map_or(true, |x| x.is_ascii()) {
                    if let Some(t) = reg_token(w, n, drop) {
                        out.push(t);
                    }
                    i = e;
                    i = skip_separators(bytes, i);
                    continue;
                }
            }
            let (buf, n) = ascii_word(bytes, i);
            let e = i + n;
            // Whole ASCII word of a usual length, ended by an ASCII byte or the end...
            let mut next = e;
            if n <= 32 && bytes.get(e).is_some_and(|x| !x.is_ascii()) {
                // ... or by a character that folds to a separator (a typographic
                // apostrophe, a dash, a quotation mark), which is consumed with it.
                if let Some(c) = text.get(e..).and_then(|t| t.chars().next()) {
                    crate::text::fold::fold_char(c, &mut word);
                    if word.chars().any(|x| !is_alnum(x)) {
                        next = e + c.len_utf8();
                    }
                    word.clear();
                }
            }
            if n <= 32 && (next > e || bytes.get(e).map_or(true, |x| x.is_ascii())) {
                if let Some(t) = lower_token(buf, n, drop) {
                    out.push(t);
                }
                i = next;
                // The ASCII separators after it (with no word pending, each would only
                // be stepped over).
                i = skip_separators(bytes, i);
                continue;
            }
        }
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                word.push(char::from(b.to_ascii_lowercase()));
            } else if !word.is_empty() {
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
        if word.get(before..).is_some_and(|added| added.chars().any(|x| !is_alnum(x))) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ascii_fast_path_equals_the_string_path() {
        let drop = dropped_hashes();
        let words = [
            "Houses", "FLOODED", "cities", "ties", "press", "status", "warning", "ordered", "damaged", "Rescue", "the", "SAID",
            "a", "ab", "abc", "sing", "bed", "ies", "flies", "lies", "gently", "fly", "were", "make", "made", "12", "2022s", "x7",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF", "abcdefghijklmnopqrstuvwxyzabcies", "abcdefghies", "abcdefgh", "abcdefghs", "e", "ee", "tree",
            "dies", "studies", "bus", "glass", "needed", "ed", "red", "bed", "only", "ly", "ring", "king", "things", "seeing", "agreed",
            "axes", "yes", "ings", "EDS", "Sing", "ties", "cries", "eyes", "tomatoes", "12s", "1990s", "carefully", "ugly", "fed",
        ];
        for w in words {
            let lw = w.to_ascii_lowercase();
            let slow = drop.get(fnv(&lw)).is_none().then(|| fnv(&stem_cow(&lw)));
            assert_eq!(ascii_token(w.as_bytes(), drop), slow, "{w} {}", stem_cow(&lw));
        }
    }

    #[test]
    fn short_words_hashed_in_a_register_equal_the_buffer_path() {
        let drop = dropped_hashes();
        let words = [
            "a", "ab", "abc", "the", "said", "ties", "flies", "lies", "dies", "cries", "ing", "sing", "seeing", "bed", "red", "fed", "ed", "agreed", "ly",
            "only", "ugly", "fly", "gently", "press", "bus", "status", "make", "made", "were", "tree", "ee", "e", "axes", "yes", "eyes", "12", "1990s", "12s",
            "x7", "houses", "ordered", "warning", "rescue", "cities", "studies", "glass", "ings", "eds", "oes", "aies",
        ];
        for w in words {
            let b = w.as_bytes();
            let mut buf = [0u8; 32];
            let mut v = 0u64;
            for (k, &x) in b.iter().enumerate() {
                buf[k] = x;
                v |= u64::from(x) << (8 * k);
            }
            assert_eq!(reg_token([v, 0], b.len(), drop), lower_token(buf, b.len(), drop), "{w}");
        }
    }

    #[test]
    fn words_of_two_chunks_hashed_in_registers_equal_the_buffer_path() {
        let drop = dropped_hashes();
        for w in [
            "abcdefgh", "answered", "announced", "abcdefghs", "abcdefgies", "abcdefghies", "politicians", "demonstrating", "emergencies", "reportedly",
            "authorities", "protesters", "situations", "abcdefghijklmno", "abcdefghijklies", "abcdefghijklmed", "abcdefghijkling", "abcdefgheed",
            "abcdefgly", "abcdefgles", "acknowledged", "12345678", "123456789s", "abcdefghe",
        ] {
            let b = w.as_bytes();
            let mut buf = [0u8; 32];
            let mut v = [0u64; 2];
            for (k, &x) in b.iter().enumerate() {
                buf[k] = x;
                v[k / 8] |= u64::from(x) << (8 * (k % 8));
            }
            assert_eq!(reg_token(v, b.len(), drop), lower_token(buf, b.len(), drop), "{w}");
        }
    }

    #[test]
    fn ascii_words_read_eight_bytes_at_a_time() {
        let text = b"Hello, WORLD42 a\x7fb @[`{ 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ \xc3\xa9t\xc3\xa9 x";
        let mut at = 0;
        while at < text.len() {
            let mut n = 0;
            let mut want = [0u8; 32];
            while let Some(&x) = text.get(at + n).filter(|x| x.is_ascii_alphanumeric()) {
                if let Some(d) = want.get_mut(n) {
                    *d = x.to_ascii_lowercase();
                }
                n += 1;
            }
            assert_eq!(ascii_word(text, at), (want, n), "at {at}");
            at += 1;
        }
    }

    #[test]
    fn token_set_counts_distinct_tokens_per_round() {
        let mut s = TokSet::default();
        for round in 0..40u64 {
            let toks: Vec<Tok> = (0..(round % 23 + 1)).map(|k| (k * 7 + round) % 13 * 0x1000_0001).collect();
            s.start(toks.len());
            let distinct = toks.iter().filter(|&&t| s.insert(t)).count();
            let mut sorted = toks.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(distinct, sorted.len());
        }
    }

    #[test]
    fn token_map() {
        let mut m = TokMap::with_capacity(3);
        assert!(m.is_empty());
        for (k, t) in [5u64, 0, 21, 5 + 64, u64::MAX].into_iter().enumerate() {
            assert_eq!(m.get_or_insert(t, k as u32), k as u32);
        }
        assert_eq!(m.get_or_insert(21, 9), 2);
        assert_eq!(m.len(), 5);
        assert_eq!((m.get(5), m.get(0), m.get(69), m.get(u64::MAX), m.get(7)), (Some(0), Some(1), Some(3), Some(4), None));
        // The map grows past its first capacity and keeps every key; `set` overwrites.
        let mut m = TokMap::with_capacity(2);
        for k in 0..1000u64 {
            m.set(pair_key(k, 7), k as u32);
        }
        m.set(pair_key(3, 7), 99);
        assert_eq!(m.len(), 1000);
        assert_eq!((m.get(pair_key(3, 7)), m.get(pair_key(999, 7)), m.get(pair_key(7, 3))), (Some(99), Some(999), None));
    }

    #[test]
    fn general_punctuation_is_not_alphanumeric() {
        for c in '\u{2000}'..='\u{206F}' {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
        for c in ['a', 'É', '北', '1', '٣', '—', '’', '«', ' ', '\u{2070}', '\u{2071}'] {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
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
