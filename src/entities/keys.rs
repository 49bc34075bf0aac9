//! Alias keys: how two spellings of one name are recognised as the same.
//!
//! - [`norm_token`] folds diacritics and case and smooths transliteration variants:
//!   `ou`→`u`, `y`→`i`, `q`→`k`, `w`→`v`, `ph`→`f`, `kh`→`h`, `-iev`/`-yev`→`-ev`,
//!   doubled letters once ("Kassym" → "kasim", "Tokaïev" → "tokaev", "Poutine" → "putine").
//! - [`skeleton`] keeps the first letter and the consonants of a normalized token: the
//!   blocking key under which candidate spellings are compared ("jomart" and "jomorat"
//!   both give "jmrt").
//! - [`same_token`] accepts two normalized tokens with the same skeleton that are within a
//!   small edit distance (a dropped or added vowel, a final `-e`).
//! - [`same_given_name`] also accepts given-name variants (lexicon) and initials.

use super::tables::tables;
use crate::text::fold::fold;

/// Normalizes one name token for matching (see the module docs). Hyphens, apostrophes and
/// periods are removed, so "Kassym-Jomart" gives "kasimjomart".
pub fn norm_token(s: &str) -> String {
    if s.is_ascii() && s.len() <= 64 {
        let mut out = String::with_capacity(s.len());
        norm_ascii(s.as_bytes(), &mut out);
        return out;
    }
    norm_general(s)
}

/// [`norm_token`] written into `out` (cleared first), for lookups without an allocation.
pub fn norm_token_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() && s.len() <= 64 {
        norm_ascii(s.as_bytes(), out);
    } else {
        out.push_str(&norm_general(s));
    }
}

/// [`skeleton`] written into `out` (cleared first).
pub fn skeleton_into(norm: &str, out: &mut String) {
    out.clear();
    for (i, c) in norm.chars().enumerate() {
        if i == 0 || !is_vowel(c) {
            out.push(c);
        }
    }
}

/// [`norm_token`] for ASCII input, without intermediate buffers; appends to `out`.
fn norm_ascii(s: &[u8], out: &mut String) {
    let mut letters = [0u8; 64];
    let mut n = 0;
    for &b in s {
        if b.is_ascii_alphanumeric() {
            if let Some(x) = letters.get_mut(n) {
                *x = b.to_ascii_lowercase();
                n += 1;
            }
        }
    }
    let letters = &letters[..n];
    let base = out.len();
    let mut last: Option<u8> = None;
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        let next = letters.get(i + 1).copied();
        let (emit, skip) = match (c, next) {
            (b'o', Some(b'u')) => (b'u', 2),
            (b'p', Some(b'h')) => (b'f', 2),
            (b'k', Some(b'h')) => (b'h', 2),
            (b'c', Some(b'k')) => (b'k', 2),
            (b'y', _) => (b'i', 1),
            (b'q', _) => (b'k', 1),
            (b'w', _) => (b'v', 1),
            _ => (c, 1),
        };
        if last != Some(emit) {
            out.push(char::from(emit));
            last = Some(emit);
        }
        i += skip;
    }
    if out.len() - base > 4 && out.ends_with("iev") {
        out.truncate(out.len() - 3);
        out.push_str("ev");
    }
}

fn norm_general(s: &str) -> String {
    let f = fold(s);
    let letters: Vec<char> = f.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut out: Vec<char> = Vec::with_capacity(letters.len());
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        let next = letters.get(i + 1).copied();
        let (emit, skip) = match (c, next) {
            ('o', Some('u')) => ('u', 2),
            ('p', Some('h')) => ('f', 2),
            ('k', Some('h')) => ('h', 2),
            ('c', Some('k')) => ('k', 2),
            ('y', _) => ('i', 1),
            ('q', _) => ('k', 1),
            ('w', _) => ('v', 1),
            _ => (c, 1),
        };
        if out.last() != Some(&emit) {
            out.push(emit);
        }
        i += skip;
    }
    let mut s: String = out.into_iter().collect();
    if s.len() > 4 && s.ends_with("iev") {
        s.truncate(s.len() - 3);
        s.push_str("ev");
    }
    s
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The consonant skeleton of a normalized token: first letter, then its consonants.
pub fn skeleton(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    for (i, c) in norm.chars().enumerate() {
        if i == 0 || !is_vowel(c) {
            out.push(c);
        }
    }
    out
}

/// Levenshtein distance between two short strings (characters).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > 64 || b.len() > 64 {
        return usize::from(a != b) * a.len().max(b.len());
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// True when two normalized tokens are spellings of the same name: equal, or the same
/// consonant skeleton (so they differ only in vowels) and at most one edit apart (two for
/// tokens of six letters or more: "jomart"/"jomorat", "putin"/"putine").
pub fn same_token(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let d = edit_distance(a, b);
    let limit = if a.len().min(b.len()) >= 6 { 2 } else { 1 };
    if a.len().min(b.len()) < 4 {
        return false;
    }
    d <= limit && skeleton(a) == skeleton(b)
}

/// True when two given names (normalized tokens, possibly several joined) are the same
/// person's given name: same spelling by [`same_token`], given-name variants, or an initial
/// matching a full name ("e" / "edith").
pub fn same_given_name(a: &str, b: &str) -> bool {
    if same_token(a, b) {
        return true;
    }
    if (a.len() == 1 && b.starts_with(a)) || (b.len() == 1 && a.starts_with(b)) {
        return true;
    }
    let t = tables();
    matches!((t.given_names.get(a), t.given_names.get(b)), (Some(x), Some(y)) if x == y)
}

/// Folded key of a whole name: folded words joined by single spaces, "the" dropped,
/// possessive removed.
pub fn fold_key(name: &str) -> String {
    let f = fold(name);
    let f = f.strip_suffix("'s").unwrap_or(&f);
    f.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && *w != "the")
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Legal and group suffixes of company names, dropped from a variant key when a word is left
/// ("Halvorsen Group", "Brightwater Energy Inc", "Castellan Capital Ltd", "Federal Reserve
/// System").
const COMPANY_SUFFIXES: &[&str] = &[
    "group", "inc", "incorporated", "ltd", "limited", "plc", "llc", "corp", "corporation", "co", "company", "ag", "sa",
    "asa", "nv", "bv", "gmbh", "holdings", "holding", "ab", "spa", "oyj", "se", "system",
];

/// Organisation heads that take "of" ("Ministry of Health" = "Health Ministry").
const OF_HEADS: &[&str] = &["ministry", "department", "bureau", "office", "agency", "university", "commission", "council"];

/// One word of a variant key: British and American spellings of organisation names made one
/// ("organisation" / "organization", "defence" / "defense", "centre" / "center", "labour" /
/// "labor", "programme" / "program").
fn spelling_into(w: &str, out: &mut String) {
    let stem = w.strip_suffix("'s").unwrap_or(w);
    let mapped: std::borrow::Cow<str> = if let Some(p) = stem.strip_suffix("isation") {
        format!("{p}ization").into()
    } else if let Some(p) = stem.strip_suffix("isations") {
        format!("{p}izations").into()
    } else {
        match stem {
            "defence" => "defense".into(),
            "offence" => "offense".into(),
            "centre" => "center".into(),
            "centres" => "centers".into(),
            "labour" => "labor".into(),
            "programme" => "program".into(),
            "programmes" => "programs".into(),
            "harbour" => "harbor".into(),
            "theatre" => "theater".into(),
            _ => stem.into(),
        }
    };
    out.push_str(&mapped);
}

/// Writes the variant key of a name's folded words to `out` (see [`super::clustering`]):
/// words split at hyphens and joined by spaces, spellings made one, a known institution's
/// acronym as the first word spelled out ("UN Security Council"), "X of Y" written "Y X"
/// when X is an organisation head, and (for organisations) a company's legal suffix dropped.
/// Returns false when nothing is left.
pub fn variant_key_into<'w>(words: impl Iterator<Item = &'w str>, org: bool, out: &mut String) -> bool {
    let t = tables();
    // (at most 16 words; longer names are not worth a variant key)
    let mut ws: [&str; 16] = [""; 16];
    let mut n = 0;
    for w in words {
        for p in w.split(['-', '\u{2010}', '\u{2011}']).filter(|p| !p.is_empty()) {
            match ws.get_mut(n) {
                Some(x) => *x = p,
                None => return false,
            }
            n += 1;
        }
    }
    let mut ws = &ws[..n];
    if org {
        while ws.len() > 1 && ws.last().is_some_and(|w| COMPANY_SUFFIXES.contains(w)) {
            ws = &ws[..ws.len() - 1];
        }
    }
    // "river selm" -> "selm" (places only: "Port Ellis" stays)
    if !org && ws.len() == 2 && ws.first().is_some_and(|w| matches!(*w, "river" | "lake" | "mount" | "mt")) {
        ws = &ws[1..];
    }
    // "ministry of health" -> "health ministry"
    let (body, head) = match ws {
        [head, of, rest @ ..] if *of == "of" && !rest.is_empty() && OF_HEADS.contains(head) => (rest, Some(*head)),
        _ => (ws, None),
    };
    if body.is_empty() {
        return false;
    }
    let start = out.len();
    let mut first = true;
    for (i, w) in body.iter().filter(|w| head.is_none() || **w != "the").chain(head.iter()).enumerate() {
        if !first {
            out.push(' ');
        }
        first = false;
        // A known institution's acronym first: "un security council".
        if i == 0 && ws.len() > 1 && (2..=5).contains(&w.len()) {
            let mut b = [0u8; 5];
            let upper = b.get_mut(..w.len()).map(|d| {
                d.copy_from_slice(w.as_bytes());
                d.make_ascii_uppercase();
                &*d
            });
            if let Some(long) = upper.and_then(|u| std::str::from_utf8(u).ok()).and_then(|u| t.org_acronyms.get(u)) {
                out.push_str(&fold(long).replace('-', " "));
                continue;
            }
        }
        spelling_into(w, out);
    }
    out.len() > start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_matches_the_general_one() {
        for w in ["Kassym-Jomart", "Tokayev", "O'Neill", "Phuket", "McKinnon", "Nazarbayev", "Qasim", "WOUTER", "abc123", "Schuck", "a"] {
            assert_eq!(norm_token(w), norm_general(w), "{w}");
        }
    }

    #[test]
    fn transliteration_variants_share_keys() {
        assert_eq!(norm_token("Tokaïev"), norm_token("Tokayev"));
        assert_eq!(norm_token("Kassym"), norm_token("Qasim"));
        assert_eq!(norm_token("Noursoultan"), norm_token("Nursultan"));
        assert_eq!(norm_token("Nazarbaïev"), norm_token("Nazarbayev"));
        assert!(same_token(&norm_token("Jomart"), &norm_token("Jomorat")));
        assert!(same_token(&norm_token("Poutine"), &norm_token("Putin")));
        assert!(same_token(&norm_token("Stéphane"), &norm_token("Stephane")));
    }

    #[test]
    fn different_names_differ() {
        assert!(!same_token(&norm_token("Lee"), &norm_token("Li")));
        assert!(!same_token(&norm_token("Hansen"), &norm_token("Jansen")));
        assert!(!same_token(&norm_token("Mendez"), &norm_token("Menendez")));
        assert!(!same_token(&norm_token("Kim"), &norm_token("Kin")));
        assert!(!same_token(&norm_token("Marin"), &norm_token("Martin")));
    }

    #[test]
    fn given_name_variants() {
        assert!(same_given_name(&norm_token("Stephen"), &norm_token("Stéphane")));
        assert!(same_given_name(&norm_token("Dmitri"), &norm_token("Dmitry")));
        assert!(same_given_name("e", &norm_token("Edith")));
        assert!(!same_given_name(&norm_token("Anna"), &norm_token("Maria")));
    }

    #[test]
    fn fold_keys() {
        assert_eq!(fold_key("the Interior Ministry"), "interior ministry");
        assert_eq!(fold_key("Nur-Sultan"), "nur sultan");
    }
}
