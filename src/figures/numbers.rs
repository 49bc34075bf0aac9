//! The number grammar: digits with separators (3,800; 3 800; 3.800 in European-style
//! text), decimals, fractions (1½, 1/16), multipliers after digits (5k, $77m, 1.5bn,
//! 2 mln, 19 million), and numbers in words (twenty-six, a thousand, nineteen million,
//! one and a half, a dozen, a third, three-quarters).

use super::tables::{tables, WordClass};
use super::tokens::{Kind, Tok};

/// A number read from tokens `first..next`.
#[derive(Debug, Clone)]
pub struct Num {
    pub value: f64,
    /// Byte span of the number (multiplier included).
    pub s: usize,
    pub e: usize,
    /// Index of the first token after the number.
    pub next: usize,
    /// Written in words ("twenty-six").
    pub words: bool,
    /// A multiplier word or abbreviation was applied ("million", "bn").
    pub mult: bool,
    /// The digits had no separator and no decimal part (for years).
    pub plain_int: bool,
    /// Number of digits of a plain integer.
    pub digits: usize,
    /// The unit part of a hyphenated word compound ("two-week" → "week"): byte start.
    pub compound_unit: Option<usize>,
    /// A glued unit/abbreviation letter that might be a multiplier or a unit ("5m").
    pub glued_ambiguous: Option<(usize, f64)>,
    /// The product of the multipliers applied (1 when none).
    pub factor: f64,
}

/// "a third meeting", "a fourth straight day": the ordinal word at `k` (after "a") comes
/// before its noun, so it is an ordinal, not a fraction ("a third of the vote", "cut by a
/// third", "a third more" stay fractions).
pub fn ordinal_before_noun(toks: &[Tok], k: usize) -> bool {
    let Some(w) = toks.get(k) else { return false };
    let ordinal = w.low == "third" || w.low.ends_with("th") && !w.low.starts_with("half");
    ordinal
        && toks.get(k + 1).is_some_and(|x| {
            x.kind == Kind::Word && !super::tables::is_stopword(&x.low) && !matches!(x.low.as_ref(), "of" | "more" | "less" | "fewer" | "higher" | "lower" | "last" | "next" | "this" | "since" | "in" | "on")
        })
}

/// Reads a digit string; `european` says "3.800" means 3800 and "2,5" means 2.5.
pub fn parse_digits(s: &str, european: bool) -> Option<f64> {
    // plain digits (most numbers): no separator to read, nothing to copy
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<f64>().ok();
    }
    let mut t: String = s.chars().filter(|c| !matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}' | ' ')).collect();
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    let last_group = |sep: char, t: &str| t.rsplit(sep).next().map(|g| g.len()).unwrap_or(0);
    if commas > 0 && dots > 0 {
        let lc = t.rfind(',').unwrap_or(0);
        let ld = t.rfind('.').unwrap_or(0);
        if lc > ld {
            t = t.replace('.', "").replace(',', ".");
        } else {
            t = t.replace(',', "");
        }
    } else if commas > 0 {
        if european && commas == 1 && last_group(',', &t) != 3 || !european && commas == 1 && last_group(',', &t) != 3 && last_group(',', &t) <= 2 {
            t = t.replace(',', ".");
        } else {
            t = t.replace(',', "");
        }
    } else if dots > 1 || dots == 1 && european && last_group('.', &t) == 3 && !t.starts_with('.') {
        // "1.234.567", or "3.800" in European-style text: dots group thousands
        t = t.replace('.', "");
    }
    if t.starts_with('.') {
        t.insert(0, '0');
    }
    t.parse::<f64>().ok()
}

/// Unicode vulgar fractions.
pub fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅛' => 0.125,
        _ => return None,
    })
}

fn glued(a: &Tok, b: &Tok) -> bool {
    a.e == b.s
}

/// A fraction written with a slash starting at token `i` ("3/4", "1/16"): its value and
/// end byte. Not a date ("12/04/2030"), a score or a ratio of large numbers.
fn fraction_at(toks: &[Tok], i: usize, european: bool) -> Option<(f64, usize)> {
    let (a, slash, d) = (toks.get(i)?, toks.get(i + 1)?, toks.get(i + 2)?);
    let is_date = toks.get(i + 3).is_some_and(|x| x.low == "/" && glued(d, x));
    if a.kind != Kind::Num || !matches!(slash.low.as_ref(), "/" | "⁄") || !glued(a, slash) || d.kind != Kind::Num || !glued(slash, d) || is_date {
        return None;
    }
    let (av, dv) = (parse_digits(&a.low, european)?, parse_digits(&d.low, european)?);
    (dv > 0.0 && av < dv && dv <= 1000.0).then_some((av / dv, d.e))
}

/// Reads a number starting at token `i` written in digits.
pub fn digits_at(text: &str, toks: &[Tok], i: usize, european: bool) -> Option<Num> {
    let t = toks.get(i)?;
    if t.kind != Kind::Num {
        let c = text.get(t.s..t.e)?.chars().next()?;
        let v = vulgar(c)?;
        return Some(Num { value: v, s: t.s, e: t.e, next: i + 1, words: false, mult: false, plain_int: false, digits: 0, compound_unit: None, glued_ambiguous: None, factor: 1.0 });
    }
    let raw = text.get(t.s..t.e)?;
    let mut value = parse_digits(raw, european)?;
    let plain_int = raw.chars().all(|c| c.is_ascii_digit());
    let mut n = Num { value, s: t.s, e: t.e, next: i + 1, words: false, mult: false, plain_int, digits: if plain_int { raw.len() } else { 0 }, compound_unit: None, glued_ambiguous: None, factor: 1.0 };
    let mut j = i + 1;
    // 1½
    if let Some(nt) = toks.get(j) {
        if glued(t, nt) && nt.kind == Kind::Punct {
            if let Some(f) = text.get(nt.s..nt.e).and_then(|s| s.chars().next()).and_then(vulgar) {
                value += f;
                n.value = value;
                n.e = nt.e;
                n.plain_int = false;
                j += 1;
            } else if let Some((f, e)) = fraction_at(toks, i, european) {
                // 1/16: a fraction (not a date such as 12/04/2030)
                n.value = f;
                n.e = e;
                n.plain_int = false;
                j += 2;
            }
        }
    }
    // "7 3/4", "2 1/2": a whole number and a fraction, one space apart
    if n.plain_int && n.digits <= 4 {
        if let Some((f, e)) = toks.get(j).filter(|x| x.kind == Kind::Num && x.s == t.e + 1).and_then(|_| fraction_at(toks, j, european)) {
            if f < 1.0 {
                n.value = value + f;
                n.e = e;
                n.plain_int = false;
                j += 3;
            }
        }
    }
    // scientific notation: "1.99×10-30", "6.02x10^23"; another base needs the caret:
    // "8x2^10"
    if let (Some(x), Some(ten)) = (toks.get(j), toks.get(j + 1)) {
        let times = matches!(x.low.as_ref(), "×" | "x") && glued(&toks[j - 1], x);
        let caret = toks.get(j + 2).is_some_and(|c| c.low == "^" && glued(ten, c));
        let base = (ten.kind == Kind::Num && ten.low.len() <= 2).then(|| ten.low.parse::<u8>().ok()).flatten().filter(|&b| b == 10 || caret && b >= 2);
        if let (true, Some(base), true) = (times, base, glued(x, ten)) {
            let mut k = j + 2;
            if caret {
                k += 1;
            }
            let mut sign = 1.0;
            if toks.get(k).is_some_and(|c| matches!(c.low.as_ref(), "-" | "−") && c.s == toks[k - 1].e) {
                sign = -1.0;
                k += 1;
            }
            if let Some(ex) = toks.get(k).filter(|c| c.kind == Kind::Num && c.s == toks[k - 1].e && c.low.len() <= 3) {
                if let Ok(p) = ex.low.parse::<i32>() {
                    n.value *= f64::from(base).powi(sign as i32 * p);
                    n.e = ex.e;
                    n.plain_int = false;
                    j = k + 1;
                }
            }
        }
    }
    // multipliers: glued or spaced abbreviations and words
    let tb = tables();
    let mut first = true;
    while let Some(nt) = toks.get(j) {
        if nt.kind != Kind::Word {
            break;
        }
        let prev_e = if j > 0 { toks.get(j - 1).map(|p| p.e).unwrap_or(0) } else { 0 };
        let is_glued = prev_e == nt.s;
        let w = text.get(nt.s..nt.e).unwrap_or("");
        let m = if is_glued {
            tb.abbrs.get(w).copied()
        } else {
            let head = before_hyphen(&nt.low);
            if head.len() < nt.low.len() && matches!(head, "thousand" | "million" | "billion" | "trillion") {
                // "400 million-year-old", "1.8 billion-mile": multiplier, then a unit
                let m = tb.abbrs.get(head).copied().unwrap_or(1.0);
                n.value *= m;
                n.factor *= m;
                n.mult = true;
                n.plain_int = false;
                n.e = nt.s + head.len();
                n.compound_unit = Some(nt.s + head.len() + 1);
                j += 1;
                break;
            }
            // "5 millions of euros", "2 billions of dollars": the plural multiplier of
            // machine-translated copy (French, Spanish, Italian), read as "5 million"; the
            // "of" goes with it so that the unit or noun after is found.
            // Right after digits the plural is never vague ("5,3 millions", "1,2 milliards
            // euros"): the "of" is taken only when there is one.
            if first && matches!(nt.low.as_ref(), "millions" | "billions" | "trillions" | "milliards") {
                let m = tb.abbrs.get(nt.low.trim_end_matches('s')).copied().unwrap_or(1.0);
                n.value *= m;
                n.factor *= m;
                n.mult = true;
                n.plain_int = false;
                if toks.get(j + 1).is_some_and(|o| o.low == "of") {
                    n.e = toks.get(j + 1).map_or(nt.e, |o| o.e);
                    j += 2;
                } else {
                    n.e = nt.e;
                    j += 1;
                }
                break;
            }
            match nt.low.as_ref() {
                "thousand" | "million" | "billion" | "trillion" | "milliard" | "mrd" | "mln" | "bln" | "bn" | "mn" | "tn" | "tln" | "trn" | "lakh" | "crore" => tb.abbrs.get(nt.low.as_ref()).copied(),
                // "7.5 k": a lowercase k after a space (a capital K may be kelvin)
                "k" if w == "k" && !toks.get(j + 1).is_some_and(|x| x.s == nt.e && x.kind == Kind::Word) => Some(1000.0),
                "hundred" => Some(100.0),
                // "four dozen", "four dozens": twelves
                "dozen" | "dozens" if first => Some(12.0),
                _ => None,
            }
        };
        let Some(m) = m else { break };
        if is_glued && matches!(w, "m" | "T") {
            // "5m" may be five metres or five million, "7T" a trillion or a name: decided
            // by the caller (a currency, a scaled noun)
            n.glued_ambiguous = Some((nt.e, m));
            break;
        }
        n.value *= m;
        n.factor *= m;
        n.mult = true;
        n.plain_int = false;
        n.e = nt.e;
        j += 1;
        first = false;
    }
    n.next = j;
    Some(n)
}

/// The part of a word before its first hyphen ("twenty-six" → "twenty"); a byte scan, as
/// this runs for every word of every sentence.
pub fn before_hyphen(w: &str) -> &str {
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i] != b'-' {
        i += 1;
    }
    w.get(..i).unwrap_or(w)
}

/// Every word [`ordinal_word`] reads (for the start filter of `tables`).
pub const ORDINAL_WORDS: &[&str] = &[
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
    "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
    "fortieth", "fiftieth", "hundredth", "thousandth",
];

/// Value of one number word part ("twenty", "six", "hundred") from the tables.
fn word_value(w: &str) -> Option<(f64, WordClass)> {
    tables().word(w)
}

/// Reads a number written in words starting at token `i`.
pub fn words_at(text: &str, toks: &[Tok], i: usize) -> Option<Num> {
    let t0 = toks.get(i)?;
    if t0.kind != Kind::Word {
        return None;
    }
    let head = before_hyphen(&t0.low);
    if !matches!(head, "a" | "an") && word_value(head).is_none() {
        return None;
    }
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut any = false;
    let mut j = i;
    let mut e = t0.s;
    let mut compound_unit = None;
    let mut frac_seen = false;
    let mut mult_seen = false;
    let mut last_mult = 1.0;
    // "a"/"an" before a multiplier or fraction word: "a thousand", "a dozen", "a third"
    if matches!(t0.low.as_ref(), "a" | "an") {
        let nx = toks.get(i + 1)?;
        let (_, c) = word_value(before_hyphen(&nx.low)).or_else(|| ordinal_fraction(before_hyphen(&nx.low), 1.0))?;
        if !matches!(c, WordClass::Mult | WordClass::Frac) {
            return None;
        }
        if nx.low.starts_with("half") && toks.get(i + 2).is_some_and(|x| x.kind == Kind::Word && !matches!(x.low.as_ref(), "of" | "a" | "an" | "the" | "million" | "billion" | "dozen")) && !toks.get(i + 2).is_some_and(|x| x.low.ends_with('s')) {
            return None; // "a half day": leave it
        }
        if ordinal_before_noun(toks, i + 1) {
            return None;
        }
        current = 1.0;
        any = true;
        j = i + 1;
    }
    while let Some(t) = toks.get(j) {
        if t.kind != Kind::Word {
            break;
        }
        // "and" inside a number: "one hundred and five", "one and a half"
        if t.low == "and" && any {
            let nx = toks.get(j + 1);
            let nx2 = toks.get(j + 2);
            if nx.is_some_and(|x| x.low == "a") && nx2.is_some_and(|x| x.low == "half") {
                current += 0.5;
                e = nx2.map(|x| x.e).unwrap_or(e);
                j += 3;
                frac_seen = true;
                continue;
            }
            if mult_seen && nx.and_then(|x| word_value(before_hyphen(&x.low))).is_some_and(|(_, c)| matches!(c, WordClass::Unit | WordClass::Ten)) {
                j += 1;
                continue;
            }
            break;
        }
        // "two point five": decimals read digit by digit
        if t.low == "point" && any && !frac_seen {
            let mut k = j + 1;
            let (mut frac, mut scale) = (0.0, 0.1);
            while let Some((v, WordClass::Unit)) = toks.get(k).filter(|x| x.kind == Kind::Word).and_then(|x| word_value(&x.low)).filter(|(v, _)| *v < 10.0) {
                frac += v * scale;
                scale /= 10.0;
                k += 1;
            }
            if k == j + 1 {
                break;
            }
            current += frac;
            e = toks.get(k - 1).map_or(e, |x| x.e);
            j = k;
            continue;
        }
        // the parts between hyphens, without collecting them
        let n_parts = t.low.bytes().filter(|&b| b == b'-').count() + 1;
        let mut consumed_parts = 0;
        for (k, p) in t.low.split('-').enumerate() {
            // "three sixteenths", "one sixth": an ordinal after a count is a denominator
            let ordinal = || if any && k == 0 { ordinal_fraction(p, current).filter(|_| !(p.ends_with('h') && ordinal_before_noun(toks, j))) } else { None };
            let Some((v, c)) = word_value(p).or_else(ordinal) else { break };
            match c {
                WordClass::Unit | WordClass::Ten => {
                    if frac_seen {
                        break;
                    }
                    current += v;
                }
                WordClass::Mult => {
                    if !any {
                        break;
                    }
                    if current == 0.0 {
                        current = 1.0;
                    }
                    if v >= 1000.0 {
                        total += current * v;
                        current = 0.0;
                    } else {
                        current *= v;
                    }
                    mult_seen = true;
                    last_mult = v;
                }
                WordClass::Frac => {
                    // "half" alone is 0.5; "third" needs a count before it ("a third",
                    // "two-thirds"), else it is an ordinal.
                    if !any && k == 0 && !p.starts_with("half") {
                        break;
                    }
                    if any && current == 0.0 && total == 0.0 {
                        break;
                    }
                    if !any && k == 0 {
                        current = 0.5;
                    } else if current == 0.0 {
                        current = v;
                    } else {
                        // divided by the denominator: "seven tenths" is 0.7, not 7 x 0.1
                        current /= (1.0 / v).round();
                    }
                    frac_seen = true;
                }
            }
            any = true;
            consumed_parts = k + 1;
        }
        if consumed_parts == 0 {
            break;
        }
        if consumed_parts < n_parts {
            // "two-week": the rest of the word is a unit; "a third-party" is no number, but
            // "a quarter-point", "a half-mile" are a fraction of a unit
            let rest = t.low.splitn(consumed_parts + 1, '-').last().unwrap_or("");
            if frac_seen && !tables().unit_low.contains(rest) {
                return None;
            }
            let tw = text.get(t.s..t.e).unwrap_or("");
            let mut b = 0;
            let mut seen = 0;
            for (bi, ch) in tw.char_indices() {
                if ch == '-' || ch == '‐' || ch == '‑' {
                    seen += 1;
                    if seen == consumed_parts {
                        b = bi;
                        break;
                    }
                }
            }
            e = t.s + b;
            compound_unit = Some(t.s + b + 1);
            j += 1;
            break;
        }
        e = t.e;
        j += 1;
        if frac_seen && !mult_seen {
            // "a third of", "two-thirds": stop; but allow "half a million"? rare
        }
    }
    if !any || e <= t0.s {
        return None;
    }
    let value = total + current;
    let factor = if mult_seen { last_mult } else { 1.0 };
    Some(Num { value, s: t0.s, e, next: j, words: true, mult: mult_seen, plain_int: false, digits: 0, compound_unit, glued_ambiguous: None, factor })
}

/// An ordinal word read as a fraction's denominator after a count: plural after any count
/// ("three sixteenths", "seven hundredths"), singular after one ("one sixth", "a
/// twentieth"): (1/n, frac). Halves, thirds, quarters, fifths and tenths are number words.
fn ordinal_fraction(w: &str, count: f64) -> Option<(f64, WordClass)> {
    let (singular, plural) = match w.strip_suffix('s') {
        Some(x) => (x, true),
        None => (w, false),
    };
    let n = ordinal_word(singular).filter(|&n| n >= 3.0)?;
    (plural || count == 1.0).then_some((1.0 / n, WordClass::Frac))
}

/// Ordinal words ("third day") and their rank.
pub fn ordinal_word(w: &str) -> Option<f64> {
    if !(w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd")) {
        return None;
    }
    const O: &[&str] = &[
        "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];
    if let Some(i) = O.iter().position(|o| *o == w) {
        return Some(i as f64);
    }
    Some(match w {
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn d(s: &str) -> f64 {
        let t = tokenize(s, 0..s.len());
        digits_at(s, &t, 0, false).map(|n| n.value).unwrap_or(f64::NAN)
    }
    fn w(s: &str) -> f64 {
        let t = tokenize(s, 0..s.len());
        words_at(s, &t, 0).map(|n| n.value).unwrap_or(f64::NAN)
    }

    #[test]
    fn digits() {
        assert_eq!(d("3,800"), 3800.0);
        assert_eq!(d("3\u{202F}800"), 3800.0);
        assert_eq!(d("3 800 people"), 3800.0);
        assert_eq!(d("1.5bn"), 1.5e9);
        assert_eq!(d("5k"), 5000.0);
        assert_eq!(d("2 mln"), 2e6);
        assert_eq!(d("19 million"), 19e6);
        assert_eq!(d("2.5 billion"), 2.5e9);
        assert_eq!(d("1½"), 1.5);
        assert_eq!(d("1/16"), 0.0625);
        assert_eq!(d("4 hundred million"), 4e8);
        assert!((d("1.99×10−30") - 1.99e-30).abs() < 1e-40);
        assert_eq!(d("6x10^3"), 6000.0);
        assert_eq!(parse_digits("3.800", true), Some(3800.0));
        assert_eq!(parse_digits("3.800", false), Some(3.8));
        assert_eq!(parse_digits("2,5", true), Some(2.5));
        assert_eq!(parse_digits("1.234.567", false), Some(1234567.0));
        assert_eq!(parse_digits(".001", false), Some(0.001));
    }

    #[test]
    fn words() {
        assert_eq!(w("twenty-six people"), 26.0);
        assert_eq!(w("a thousand"), 1000.0);
        assert_eq!(w("nineteen million"), 19e6);
        assert_eq!(w("one and a half"), 1.5);
        assert_eq!(w("a dozen"), 12.0);
        assert_eq!(w("three-quarters"), 0.75);
        assert_eq!(w("a third of"), 1.0 / 3.0);
        assert_eq!(w("two hundred and five"), 205.0);
        assert_eq!(w("half of"), 0.5);
        assert!(w("third day").is_nan());
        let s = "two-week";
        let t = tokenize(s, 0..s.len());
        let n = words_at(s, &t, 0).unwrap();
        assert_eq!((n.value, n.e, n.compound_unit), (2.0, 3, Some(4)));
    }
}
