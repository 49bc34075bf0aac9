//! Acronyms: recognising definitions and linking acronyms to long forms.
//!
//! - [`schwartz_hearst`] is the algorithm of Schwartz & Hearst (2003): match the acronym's
//!   characters right to left against the words before "(ABBR)", the first character at the
//!   start of a word; the long form starts at the word where the match ends.
//! - [`relaxed`] accepts garbled or translated acronyms for a definition made in the text
//!   itself ("Collective Defence Pact (CPDC)"): same first letter, and every letter of the
//!   acronym is the initial of some word of the long form.
//! - [`initials_match`] links an undefined acronym to a long form of the same document when
//!   the acronym is the initials of the long form's words in some order ("CTSO" next to
//!   "Collective Security Treaty Organization"). String distance between two acronyms is
//!   never used: two acronyms join only through a long form.

/// Words that do not give initials ("Organization *of the* Petroleum Exporting Countries").
const MINOR: &[&str] = &["of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "&", "to"];

/// Schwartz–Hearst: the index of the first word of the long form for `acr` in `words`
/// (the words just before the parenthesis), or `None`.
pub fn schwartz_hearst(acr: &str, words: &[&str]) -> Option<usize> {
    let joined = words.join(" ");
    let long: Vec<char> = joined.chars().flat_map(char::to_lowercase).collect();
    let short: Vec<char> = acr.chars().flat_map(char::to_lowercase).collect();
    if short.len() < 2 || long.is_empty() || !short[0].is_alphanumeric() {
        return None;
    }
    let mut s = short.len() as isize - 1;
    let mut l = long.len() as isize - 1;
    while s >= 0 {
        let c = short[s as usize];
        if !c.is_alphanumeric() {
            s -= 1;
            continue;
        }
        while l >= 0
            && (long[l as usize] != c || (s == 0 && l > 0 && long[(l - 1) as usize].is_alphanumeric()))
        {
            l -= 1;
        }
        if l < 0 {
            return None;
        }
        l -= 1;
        s -= 1;
    }
    // l+1 is where the first character matched; find its word.
    let pos = (l + 1) as usize;
    let mut acc = 0usize;
    for (i, w) in words.iter().enumerate() {
        let n = w.chars().count();
        if pos < acc + n + 1 {
            // The long form must not be the acronym itself or longer than allowed.
            return Some(i);
        }
        acc += n + 1;
    }
    None
}

fn initials(words: &[&str]) -> Vec<char> {
    words
        .iter()
        .filter(|w| !MINOR.iter().any(|m| m.eq_ignore_ascii_case(w)))
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Relaxed definition check (see module docs).
pub fn relaxed(acr: &str, words: &[&str]) -> bool {
    let ini = initials(words);
    let a: Vec<char> = acr.chars().flat_map(char::to_uppercase).filter(|c| c.is_alphanumeric()).collect();
    if a.len() < 2 || ini.is_empty() || a.first() != ini.first() {
        return false;
    }
    let diff = (a.len() as isize - ini.len() as isize).abs();
    diff <= 1 && a.iter().all(|c| ini.contains(c))
}

/// True when `words` is a long form of `acr` by either check.
pub fn matches(acr: &str, words: &[&str]) -> bool {
    schwartz_hearst(acr, words) == Some(0) || relaxed(acr, words)
}

/// True when the acronym is the words' initials in some order, first letter first.
pub fn initials_match(acr: &str, words: &[&str]) -> bool {
    let mut ini = initials(words);
    let mut a: Vec<char> = acr.chars().flat_map(char::to_uppercase).filter(|c| c.is_alphanumeric()).collect();
    if a.len() < 2 || a.len() != ini.len() || a.first() != ini.first() {
        return false;
    }
    crate::sort::plain(&mut ini);
    crate::sort::plain(&mut a);
    a == ini
}

/// Key under which [`initials_match`] holds: first initial, then the other initials
/// sorted (for blocking long forms by their initials).
pub fn initials_key(words: &[&str]) -> String {
    sorted_key(initials(words))
}

/// [`initials_key`] of `words`, appended to `out` (`chars` is scratch).
pub fn initials_key_push<'w>(words: impl Iterator<Item = &'w str>, chars: &mut Vec<char>, out: &mut String) {
    chars.clear();
    for w in words.filter(|w| !MINOR.iter().any(|m| m.eq_ignore_ascii_case(w))) {
        if let Some(c) = w.chars().find(|c| c.is_alphanumeric()) {
            chars.extend(c.to_uppercase());
        }
    }
    sorted_key_push(chars, out);
}

/// [`acronym_key`] of `acr`, appended to `out` (`chars` is scratch).
pub fn acronym_key_push(acr: &str, chars: &mut Vec<char>, out: &mut String) {
    chars.clear();
    chars.extend(acr.chars().flat_map(char::to_uppercase).filter(|c| c.is_alphanumeric()));
    sorted_key_push(chars, out);
}

fn sorted_key_push(v: &mut [char], out: &mut String) {
    if v.len() < 2 {
        return;
    }
    if let Some(rest) = v.get_mut(1..) {
        crate::sort::plain(rest);
    }
    out.extend(v.iter());
}

/// The same key for an acronym.
pub fn acronym_key(acr: &str) -> String {
    sorted_key(acr.chars().flat_map(char::to_uppercase).filter(|c| c.is_alphanumeric()).collect())
}

fn sorted_key(mut v: Vec<char>) -> String {
    if v.len() < 2 {
        return String::new();
    }
    crate::sort::plain(&mut v[1..]);
    v.into_iter().collect()
}

/// Pushes to `out` the acronyms a name spells as written (at least three letters, not
/// already listed, and accepted by `wanted`): the initial of each word but minor ones, every
/// letter of a word written in capitals or with dots ("U.S." gives "US"), and, when a word
/// has a hyphen, also the initials of its parts ("Agence France-Presse" gives "AFP").
/// `scratch` holds two buffers reused between calls.
pub fn spelled_push(name: &str, scratch: &mut (String, String), wanted: impl Fn(&str) -> bool, out: &mut Vec<String>) {
    let (whole, parts) = scratch;
    whole.clear();
    parts.clear();
    for w in name.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || MINOR.iter().any(|m| m.eq_ignore_ascii_case(w)) {
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphanumeric());
        let n = letters.clone().count();
        if (2..=5).contains(&n) && letters.clone().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
            whole.extend(letters.clone());
            parts.extend(letters);
            continue;
        }
        if let Some(c) = w.chars().next() {
            whole.extend(c.to_uppercase());
        }
        for p in w.split(['-', '\u{2010}']) {
            if let Some(c) = p.chars().find(|c| c.is_alphanumeric()) {
                parts.extend(c.to_uppercase());
            }
        }
    }
    for a in [&*whole, &*parts] {
        if a.len() >= 3 && wanted(a) && !out.iter().any(|x| x == a) {
            out.push(a.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelled_acronyms() {
        let (mut v, mut s) = (Vec::new(), Default::default());
        for name in ["U.S. Geological Survey", "Agence France-Presse", "Organization of the Petroleum Exporting Countries", "Red Cross"] {
            spelled_push(name, &mut s, |_| true, &mut v);
        }
        spelled_push("World Flood Agency", &mut s, |a| a != "WFA", &mut v);
        assert_eq!(v, vec!["USGS", "AFP", "OPEC"]);
    }

    #[test]
    fn schwartz_hearst_finds_long_form() {
        let w = ["the", "new", "World", "Flood", "Agency"];
        assert_eq!(schwartz_hearst("WFA", &w), Some(2));
        assert_eq!(schwartz_hearst("LNG", &["on", "the", "liquefied", "natural", "gas"]), Some(2));
        assert_eq!(schwartz_hearst("XYZ", &["World", "Flood", "Agency"]), None);
    }

    #[test]
    fn relaxed_and_initials() {
        assert!(relaxed("RBR", &["Regional", "Rescue", "Board"]));
        assert!(!relaxed("QBR", &["Regional", "Rescue", "Board"]));
        assert!(initials_match("RBR", &["Regional", "Rescue", "Board"]));
        assert!(initials_match("NFO", &["National", "Farmers", "Organisation"]));
        assert!(!initials_match("NFOX", &["National", "Farmers", "Organisation"]));
        assert!(!initials_match("FNO", &["National", "Farmers", "Organisation"]));
        assert!(initials_match("OPEC", &["Organization", "of", "the", "Petroleum", "Exporting", "Countries"]));
        assert_eq!(initials_key(&["Regional", "Rescue", "Board"]), acronym_key("RBR"));
        let (mut chars, mut a, mut b) = (Vec::new(), String::from("x"), String::from("x"));
        initials_key_push(["Organization", "of", "the", "Petroleum", "Exporting", "Countries"].into_iter(), &mut chars, &mut a);
        acronym_key_push("O.P.E.C.", &mut chars, &mut b);
        assert_eq!(a, format!("x{}", initials_key(&["Organization", "of", "the", "Petroleum", "Exporting", "Countries"])));
        assert_eq!(a, b);
        assert_ne!(initials_key(&["National", "Farmers", "Organisation"]), acronym_key("FNO"));
    }
}
