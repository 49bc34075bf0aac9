//! Units: currency signs and codes before a number, units after it (`units.tsv`), units
//! after a system word ("US pints"), "per"/"a" denominators, hyphenated compounds
//! ("a six-cylinder engine", "two- and three-bedroom flats"), the counted noun phrase of a
//! count, and units a part takes from its whole ("280 million of the 1.5 billion shekels").
//!
//! [`base`] is the public side: every unit's dimension and its conversion to the
//! dimension's base unit, from the generated ontology (`src/lexicon/units_ontology.tsv`,
//! written by `scripts/gen_units.py` from quantulum3's units and pint's factors).

pub use super::tables::Base;
use super::tables::{self, tables, UnitClass};
use super::tokens::{Kind, Tok};
use super::{context, Figure, FigureKind, Quantity, Reading, Sentence};

/// The lowercase noun glued after a hyphen at byte `p` ("six-|cylinder"), with its end;
/// not approximations ("20-odd"), fractions ("two-thirds") or further compounds.

/// The dimension of a unit and its conversion to the dimension's base unit, by
/// normalized name ("mile per hour", "fahrenheit", "acre") or by a form a text writes
/// ("mph", "°F", "acres"); `None` for a unit that is never converted (a counted noun,
/// "degree", "point", a compound such as "dollar per barrel"). A value `v` in the unit
/// is `v * factor + offset` in the base unit: mph and km/h meet in km/h, acres and
/// hectares in km², °F and °C in Celsius, decades and years in days; a basis point is a
/// hundredth of a percentage point; "fraction" and "ratio" are percent (x 100). A
/// currency's dimension is the currency itself (`currency` is set): amounts in two
/// currencies are never converted into each other.
pub fn base(unit: &str) -> Option<Base> {
    let tb = tables();
    let u = unit.trim();
    let find = |name: &str| tb.bases.get(name).copied();
    if let Some(b) = find(u) {
        return Some(b);
    }
    let low = u.to_lowercase();
    if let Some(b) = find(&low) {
        return Some(b);
    }
    let norm = tb.form_norm.get(u).or_else(|| tb.form_norm_low.get(&low))?;
    find(norm)
}

pub(super) fn hyphen_noun(text: &str, p: usize) -> Option<(usize, &str)> {
    if p == 0 || text.get(p - 1..p) != Some("-") {
        return None;
    }
    let rest = text.get(p..)?;
    let wl = rest.find(|c: char| !c.is_ascii_lowercase()).unwrap_or(rest.len());
    let word = rest.get(..wl)?;
    let next_ok = !rest[wl..].starts_with(|c: char| c == '-' || c.is_alphanumeric());
    let not_counted = matches!(
        word,
        "off" | "odd" | "plus" | "ish" | "love" | "something" | "and" | "for" | "nil" | "all" | "way" | "sided" | "half" | "halves" | "quarter" | "quarters" | "third" | "thirds" | "fold" | "digit" | "digits" | "times"
    ) || word.ends_with("th")
        || word.ends_with("ths");
    (wl >= 3 && next_ok && !not_counted).then_some((p + wl, word))
}

/// After a dangling hyphen at byte `p` ("two-| and three-bedroom"), the byte where the
/// noun of the last member of the list starts; lists of numbers only, within a few words.
pub(super) fn suspended_hyphen(text: &str, p: usize) -> Option<usize> {
    let rest = text.get(p..)?;
    let mut n = rest.len().min(48);
    while !rest.is_char_boundary(n) {
        n -= 1;
    }
    let head = rest.get(..n)?;
    let lead = head.strip_prefix(',').or_else(|| head.strip_prefix(" and ")).or_else(|| head.strip_prefix(" or ")).or_else(|| head.strip_prefix(" to "))?;
    let mut prev_alnum = false;
    for (i, c) in lead.char_indices() {
        if c == '-' && prev_alnum && lead[i + 1..].starts_with(|c: char| c.is_ascii_lowercase()) {
            return Some(p + (head.len() - lead.len()) + i + 1);
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '-')) {
            return None;
        }
        prev_alnum = c.is_ascii_alphanumeric();
    }
    None
}

/// "raised 280 million of the 1.5 billion shekels": a scaled number without a unit takes the
/// unit of the whole it is a part of; "148 of the 300 seats": a count of part of a counted
/// whole also takes its concept.
pub(super) fn inherit_partitive_units(text: &str, out: &mut [Figure]) {
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (Some(a), Some(b)) = (head.last_mut(), tail.first()) else { continue };
        if a.kind != FigureKind::Quantity || b.kind != FigureKind::Quantity || a.unit.is_some() || b.unit.is_none() || a.end > b.start {
            continue;
        }
        let scaled = ["million", "billion", "trillion", "thousand"].iter().any(|w| a.text.to_ascii_lowercase().ends_with(w));
        let between = text.get(a.end as usize..b.start as usize).unwrap_or("");
        if !matches!(between, " of the " | " of " | " out of " | " out of the " | " of a ") {
            continue;
        }
        // "took 148 of the 300 seats", "12 of the 40 passengers": a part of a counted whole
        // counts the same noun
        let counted_whole = b.unit_text.is_some() && b.concept == b.unit_text.as_deref().unwrap_or("") && a.value <= b.value;
        if scaled {
            a.unit = b.unit.clone();
        } else if counted_whole {
            a.unit = b.unit.clone();
            a.concept = b.concept.clone();
        }
    }
}

/// True when the text between two figures leaves or enters a bracket ("14 m (46 ft); 12"),
/// or holds a semicolon, colon, quotation mark or dash: what follows is another clause. A
/// whole bracket between them that only names or abbreviates ("113 gigapascals (GPa) ...
/// between 50 and 70") is not; one that holds an aside of its own ("40 m tall (its base
/// is wider) and 12 remain": three words or more) is.
fn crosses_clause(gap: &str) -> bool {
    let mut depth = 0i32;
    let mut open = 0;
    for (i, c) in gap.char_indices() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    open = i + 1;
                }
                depth += 1;
            }
            ')' | ']' => {
                depth -= 1;
                if depth < 0 || depth == 0 && gap.get(open..i).is_some_and(|inner| inner.split_whitespace().count() >= 3) {
                    return true;
                }
            }
            ';' | ':' | '"' | '“' | '”' | '—' | '–' => return true,
            _ => {}
        }
    }
    depth != 0 || gap.contains(" - ")
}

impl<'a, 'b> Sentence<'a, 'b> {
    /// True when the figure ending at byte `prev_end` sits in a relative clause set off by
    /// a comma (", which struck at a depth of 10 km,") that closes before byte `next`: the
    /// number after it belongs to the main clause ("... measured 6.1").
    fn leaves_relative_clause(&self, prev_end: usize, next: usize) -> bool {
        let text = self.text();
        let (Some(before), Some(gap)) = (text.get(self.start.min(prev_end)..prev_end), text.get(prev_end.min(next)..next)) else { return false };
        if !gap.contains(',') {
            return false;
        }
        let opened = [", which ", ", who ", ", whose ", ", where "].iter().filter_map(|w| before.rfind(w)).max();
        opened.is_some_and(|o| !before.get(o + 1..).is_some_and(|x| x.contains([',', ';', '(', ')'])))
    }
}

/// "^2", "^3", "2", "²", " squared", " cubed" right after a unit at byte `e` ("m/s2",
/// "A/cm²"): (end byte, "square" or "cubic").
fn power_after(text: &str, e: usize) -> Option<(usize, &'static str)> {
    let rest = text.get(e..)?;
    for (w, p) in [("^2", "square"), ("^3", "cubic"), ("2", "square"), ("3", "cubic"), ("²", "square"), ("³", "cubic"), (" squared", "square"), (" cubed", "cubic")] {
        if rest.starts_with(w) && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some((e + w.len(), p));
        }
    }
    None
}

/// " on the Celsius scale" (or "in degrees Fahrenheit" is read as a unit already) at byte
/// `e`: the temperature scale a bare degree is on.
fn scale_after(text: &str, e: usize) -> Option<&'static str> {
    let rest = text.get(e..)?.trim_start();
    let rest = rest.get(..rest.len().min(32))?;
    let r = ["on the ", "On the "].iter().find_map(|p| rest.strip_prefix(p))?;
    let (word, after) = r.split_once(' ')?;
    if !after.starts_with("scale") {
        return None;
    }
    match word.to_ascii_lowercase().as_str() {
        "celsius" | "centigrade" => Some("celsius"),
        "fahrenheit" => Some("fahrenheit"),
        "kelvin" => Some("kelvin"),
        _ => None,
    }
}

/// The square of a time unit, which names an acceleration's denominator ("m/s2"), or of
/// a small length, a current or power density's ("A/cm2", "W/mm2"), but is no unit in the
/// table.
fn squares(power: &str, norm: &str) -> Option<&'static str> {
    match (power, norm) {
        ("square", "centimetre") => Some("square centimetre"),
        ("square", "millimetre") => Some("square millimetre"),
        ("square", "second") => Some("square second"),
        ("square", "minute") => Some("square minute"),
        ("square", "hour") => Some("square hour"),
        _ => None,
    }
}

impl<'a, 'b> Sentence<'a, 'b> {
    /// A currency sign or code ending right before byte `s` (one space allowed):
    /// (start byte, normalized name).
    pub(super) fn currency_before(&self, s: usize) -> Option<(usize, &'static str)> {
        let head = self.text().get(self.start..s)?;
        let trimmed = head.strip_suffix(' ').unwrap_or(head);
        let tb = tables();
        // no form ends with the last byte: no form is a suffix
        if trimmed.as_bytes().last().is_some_and(|&b| !tb.prefix_last[usize::from(b)]) {
            return None;
        }
        for &(form, norm) in &tb.prefixes {
            // a dollar sign with a country's letters in any case ("a$ 5 bn", "Hk$"); codes
            // and other letters as written ("RM", "Rs")
            let any_case = form.contains('$');
            let cut = trimmed.len().checked_sub(form.len()).filter(|&c| trimmed.is_char_boundary(c));
            let rest = match cut {
                Some(c) if any_case && trimmed.get(c..).is_some_and(|t| t.eq_ignore_ascii_case(form)) => trimmed.get(..c),
                _ => trimmed.strip_suffix(form),
            };
            if let Some(rest) = rest {
                let ok_before = rest.chars().next_back().map_or(true, |c| !c.is_alphanumeric());
                let letters = form.chars().all(|c| c.is_alphabetic() || c == '.');
                if ok_before && (!letters || head.len() == trimmed.len() || form.len() >= 3) {
                    return Some((self.start + rest.len(), norm));
                }
            }
        }
        None
    }

    /// A unit written at byte `p` (after a number): (end byte, unit). `spaced_ok` allows
    /// one space before it.
    pub(super) fn unit_at(&self, p: usize, spaced_ok: bool) -> Option<(usize, &'static tables::Unit)> {
        let rest = self.text().get(p..)?;
        let (skip, r) = if let Some(r) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\u{00A0}')).or_else(|| rest.strip_prefix('\u{202F}')) {
            if !spaced_ok {
                return None;
            }
            (rest.len() - r.len(), r)
        } else if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('‑')) {
            (rest.len() - r.len(), r)
        } else {
            (0, rest)
        };
        let first = r.chars().next()?.to_lowercase().next()?;
        let tb = tables();
        // the candidates whose first character and second byte can match (in the order of
        // `units`: longest first)
        let long = r.as_bytes().get(1).and_then(|&b| tb.units_by_first2.get(&(first, b)));
        let cands = long.into_iter().flatten().chain(tb.units_short.get(&first).into_iter().flatten());
        // the first 24 characters, borrowed (computed for the first candidate)
        let mut head_cache: Option<&str> = None;
        // non-exact forms have no capitals, so an ASCII fold is enough to match them
        for u in cands.filter_map(|&i| tb.units.get(i)) {
            let head = *head_cache.get_or_insert_with(|| r.get(..r.char_indices().nth(24).map_or(r.len(), |(i, _)| i)).unwrap_or(r));
            let m = if u.exact { head.starts_with(u.form) } else { head.as_bytes().get(..u.form.len()).is_some_and(|h| h.eq_ignore_ascii_case(u.form.as_bytes())) };
            if !m {
                continue;
            }
            let after = head.get(u.form.len()..).unwrap_or("");
            let nc = after.chars().next();
            // (a unit of measure may carry a glued power: "m/s2", the caller reads it)
            let power = || matches!(u.class, UnitClass::Measure | UnitClass::Time) && power_after(head, u.form.len()).is_some();
            if nc.is_some_and(|c| c.is_alphanumeric() || c == '\'' && after.chars().nth(1).is_some_and(char::is_alphanumeric)) && !power() {
                continue;
            }
            // one-letter lowercase units and "min"/"h" must be glued: "5m", "3min"
            let letters = u.form.chars().count();
            // "5 p.m." is a time, never a price
            if u.form == "p" && (after.starts_with(".m") || after.starts_with(". m")) {
                continue;
            }
            // except a price in pence in a market report: "down 68 p at 1112 p"
            let spaced_p = u.form == "p" && skip == 1 && (nc.is_none() || after.starts_with([' ', ',', ';', ')']) || after.strip_prefix('.').is_some_and(|r| r.is_empty() || r.starts_with(' ')));
            if skip > 0 && letters == 1 && u.form.chars().all(|c| c.is_lowercase()) && !spaced_p {
                continue;
            }
            // "C"/"F"/"W"/"V" spaced must not start a sentence-like word ("5 C." ok)
            return Some((p + skip + u.form.len(), u));
        }
        None
    }

    /// A compound symbol the table does not list, after a number at byte `p` (one space
    /// allowed), as quantulum3 reads it: a symbol over a unit ("1.3 A/cm2": ampere per
    /// square centimetre; "A" alone is no unit, see the ontology's parts) or two symbols
    /// glued into a product, the first a capital ("45 Js": joule second). Temperatures and
    /// currencies are never factors. (end byte, name)
    pub(super) fn compound_symbol(&self, p: usize) -> Option<(usize, String)> {
        let rest = self.text().get(p..)?;
        let (skip, r) = rest.strip_prefix(' ').map_or((0, rest), |r| (1, r));
        let wl = r.bytes().take_while(u8::is_ascii_alphabetic).count();
        let w = r.get(..wl).filter(|w| (1..=4).contains(&w.len()))?;
        let tb = tables();
        // (a part is a factor only over a slash: "Up 5 At Close" is a headline)
        let factor = |s: &str, part: bool| -> Option<&'static str> {
            let n = tb.form_norm.get(s).or_else(|| if part { tb.unit_parts.get(s) } else { None }).copied()?;
            tb.bases.get(n).filter(|b| !b.currency && b.dimension != "temperature").map(|_| n)
        };
        let after = r.get(wl..).unwrap_or("");
        if after.starts_with('/') {
            let num = tb.unit_parts.get(w).copied().filter(|_| factor(w, true).is_some())?;
            let (e, den) = self.per_denominator(p + skip + wl)?;
            return Some((e, format!("{num} per {den}")));
        }
        if after.starts_with(|c: char| c.is_alphanumeric()) || !w.starts_with(|c: char| c.is_ascii_uppercase()) || wl < 2 {
            return None;
        }
        (1..wl).find_map(|i| {
            let (a, b) = (w.get(..i)?, w.get(i..)?);
            Some((p + skip + wl, format!("{} {}", factor(a, false)?, factor(b, false)?)))
        })
    }

    /// The unit of the number after "and" / "or" / "," at token `j`, when that number
    /// has a unit of measure, money, time or a percentage ("45 and 50 mg").
    pub(super) fn shared_unit(&self, j: usize) -> Option<&'static tables::Unit> {
        if !matches!(self.low(j), "and" | "or" | ",") {
            return None;
        }
        let t = self.toks.get(j + 1).filter(|t| t.kind == Kind::Num)?;
        let b = super::numbers::digits_at(self.text(), self.toks, j + 1, self.european).filter(|b| b.s == t.s)?;
        self.unit_at(b.e, true).map(|(_, u)| u).filter(|u| u.class != UnitClass::Age)
    }

    /// Whether the sentence names electricity (a capacitor, a charge, a battery, a
    /// circuit), where "F" and "C" after a number are farads and coulombs.
    fn names_electricity(&self) -> bool {
        self.toks.iter().any(|t| {
            let w: &str = t.low.as_ref();
            w.starts_with("capacit") || w.starts_with("electr") || matches!(w, "charge" | "charged" | "circuit" | "battery" | "batteries" | "farad" | "farads" | "coulomb" | "coulombs" | "voltage")
        })
    }

    /// An uncertainty right after a number at byte `e`: "±0.01", " ± 2", " +/- 1e-5",
    /// "+-3": (end byte, its value).
    pub(super) fn uncertainty_at(&self, e: usize) -> Option<(usize, f64)> {
        let rest = self.text().get(e..)?;
        let r = rest.strip_prefix(' ').unwrap_or(rest);
        let sign = ["±", "+/-", "+-", "+/−"].into_iter().find(|s| r.starts_with(s))?;
        let after = e + (rest.len() - r.len()) + sign.len();
        let j = self.tok_after(after);
        let t = self.toks.get(j).filter(|t| t.kind == Kind::Num && (t.s == after || t.s == after + 1))?;
        let n = super::numbers::digits_at(self.text(), self.toks, j, self.european)?;
        (n.s == t.s && n.value >= 0.0).then_some((n.e, n.value))
    }

    /// Inches written "in" ("2 1/2 in thick", "a 2 in." at the end) or with a straight or
    /// curly double quote glued to the number that closes no quotation ("a 9\" plate"):
    /// (end byte, as written). `num_s` is where the number starts.
    pub(super) fn inches_at(&self, e: usize, num_s: usize) -> Option<(usize, &'a str)> {
        let text = self.text();
        let rest = text.get(e..)?;
        if let Some(r) = rest.strip_prefix(" in") {
            let next = r.split(|c: char| !c.is_ascii_alphabetic()).find(|w| !w.is_empty()).unwrap_or("");
            let end = r.is_empty() || r.starts_with(['.', ',', ';', ':', ')']) && !r.starts_with(".5") && !r.get(1..).is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()));
            let measure = r.starts_with(' ') && matches!(next, "thick" | "long" | "wide" | "tall" | "deep" | "high" | "across" | "diameter" | "thickness" | "length" | "width" | "height" | "depth");
            if end || measure {
                return Some((e + 3, "in"));
            }
        }
        // a double quote glued to the number closes a quotation when an odd number of
        // quotation marks (not inch marks) came before it in the sentence
        if rest.starts_with('"') && !rest[1..].starts_with(|c: char| c.is_alphanumeric()) {
            let before = text.get(self.start..num_s)?;
            let opening = before.char_indices().filter(|&(i, c)| c == '"' && !before[..i].ends_with(|d: char| d.is_ascii_digit())).count();
            if opening % 2 == 0 {
                return Some((e + 1, "\""));
            }
        }
        None
    }

    /// A unit starting at token `j`, maybe after a system word ("US pint", "imperial
    /// gallons", "US fluid ounce"): (end byte, unit, unit as written).
    pub(super) fn qualified_unit(&self, j: usize) -> Option<(usize, &'static tables::Unit, String)> {
        let start = self.toks.get(j)?.s;
        let mut k = j;
        while k < j + 2 && matches!(self.low(k), "us" | "uk" | "imperial" | "fluid" | "metric" | "u.s.") {
            k += 1;
        }
        let t = self.toks.get(k)?;
        if t.kind != Kind::Word {
            return None;
        }
        let (ue, u) = self.unit_at(t.s, false)?;
        if k == j && !matches!(u.class, UnitClass::Measure | UnitClass::Time) {
            return None;
        }
        Some((ue, u, self.text().get(start..ue).unwrap_or("").to_string()))
    }

    /// A denominator after a money or measure unit at byte `e`: " per barrel", " a month",
    /// "/kg". Returns (end byte, normalized denominator).
    pub(super) fn per_denominator(&self, e: usize) -> Option<(usize, &'static str)> {
        const DEN: &[&str] = &[
            "square foot", "square metre", "square meter", "sq m", "sq ft", "share", "barrel", "gallon", "ounce", "gram",
            "kilogram", "kg", "tonne", "ton", "month", "year", "day", "week", "hour", "night", "person", "head", "litre",
            "liter", "capita", "mile", "kilometre", "kilometer", "km", "kwh", "unit", "seat", "ticket", "pound", "bushel",
            "mmbtu", "century", "decade", "second", "minute",
        ];
        let rest = self.text().get(e..)?;
        // the first 20 characters, lowercased into a buffer on the stack (no allocation)
        let head = rest.get(..rest.char_indices().nth(20).map_or(rest.len(), |(i, _)| i)).unwrap_or(rest);
        // "kg/cm³", "W/min": any unit of measure or time after a slash
        let slash_unit = || {
            let (ue, u) = rest.strip_prefix('/').and_then(|_| self.unit_at(e + 1, false)).filter(|(_, u)| matches!(u.class, UnitClass::Measure | UnitClass::Time))?;
            // "J/m^2": the square of the denominator
            // ("m/s2": a square second is no unit of its own, but names the denominator)
            let square = power_after(self.text(), ue).and_then(|(pe, p)| tables().bases.get_key_value(format!("{p} {}", u.norm).as_str()).map(|(k, _)| (pe, *k)).or_else(|| squares(p, u.norm).map(|n| (pe, n))));
            Some(square.unwrap_or((ue, u.norm)))
        };
        if !head.is_ascii() && !head.chars().take(16).all(|c| c.is_ascii()) {
            return slash_unit();
        }
        let mut buf = [0u8; 80];
        let lb = buf.get_mut(..head.len())?;
        lb.copy_from_slice(head.as_bytes());
        lb.make_ascii_lowercase();
        let rl = std::str::from_utf8(lb).ok()?;
        for lead in [" per ", " a ", " an ", "/"] {
            let Some(r) = rl.strip_prefix(lead) else { continue };
            let Some(d) = DEN.iter().find(|d| r.starts_with(**d) && !r[d.len()..].starts_with(|c: char| c.is_alphanumeric() && c != 's')) else {
                if lead == "/" {
                    return slash_unit();
                }
                continue;
            };
            let mut dl = d.len();
            if r[dl..].starts_with('s') && !r[dl + 1..].starts_with(|c: char| c.is_alphanumeric()) {
                dl += 1;
            }
            let time_like = matches!(*d, "month" | "year" | "day" | "week" | "hour" | "night" | "century" | "decade" | "second" | "minute");
            if (lead == " a " || lead == " an ") && !(time_like || matches!(*d, "share" | "barrel" | "gallon" | "ounce" | "gram" | "person" | "head" | "pound" | "tonne" | "ton" | "kilogram" | "litre" | "liter")) {
                return None;
            }
            // "$6.8 billion a year earlier" is a time, not a rate
            let after = r[dl..].trim_start();
            if time_like && ["earlier", "ago", "later", "before", "after", "on", "from"].iter().any(|w| after.starts_with(w)) {
                return None;
            }
            let dn = match *d {
                "sq m" | "square meter" => "square metre",
                "sq ft" => "square foot",
                "kg" => "kilogram",
                "liter" => "litre",
                "kilometer" | "km" => "kilometre",
                "kwh" => "kilowatt hour",
                "mmbtu" => "mega british thermal unit",
                x => x,
            };
            return Some((e + lead.len() + dl, dn));
        }
        None
    }

    /// A denominator [`Sentence::per_denominator`] does not list, after a money or measure
    /// unit at byte `e`: any unit of measure or time of the ontology after "per", "a" or
    /// "an" ("$28 a square foot", "$6 a bushel"), any common noun after "per" ("$1,200 per
    /// dose", "2.40 euros per trip"). Returns (end byte, normalized denominator).
    pub(super) fn noun_denominator(&self, e: usize) -> Option<(usize, String)> {
        let rest = self.text().get(e..)?;
        let lead = [" per ", " a ", " an "].into_iter().find(|l| rest.get(..l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l)))?;
        let p = e + lead.len() - 1;
        // (a time after "a" is read by `per_denominator`, which knows "a year ago")
        if let Some((ue, u)) = self.unit_at(p, true).filter(|(_, u)| u.class == UnitClass::Measure || u.class == UnitClass::Time && lead == " per ") {
            return Some((ue, u.norm.to_string()));
        }
        if lead != " per " {
            return None;
        }
        let t = self.toks.get(self.tok_after(p))?;
        let ok = t.kind == Kind::Word && t.s == p + 1 && t.low.len() > 2 && !tables::is_stopword(&t.low) && t.low != "cent" && t.low.chars().all(|c| c.is_alphabetic() || c == '-');
        ok.then(|| (t.e, context::singular(&t.low)))
    }

    /// "40 million pounds", "tens of millions of pounds": after a scale word, pounds not
    /// followed by "of" (which names what weighs: "2 million pounds of beef") are money.
    pub(super) fn pounds_sterling(&self, norm: &str, unit_end: usize) -> bool {
        norm == "pound-mass" && self.low(self.tok_after(unit_end)) != "of"
    }

    /// Reads the counted noun phrase after token `j` into `q` (unit = its singular head).
    pub(super) fn count_np(&self, q: &mut Quantity, j: usize, singular: bool) {
        if let Some(end) = context::counted_np(self.toks, j, singular) {
            let s = self.toks[j].s;
            let e = self.toks[end - 1].e;
            let written = self.text().get(s..e).unwrap_or("").to_string();
            // the normalized unit drops function words: "Kia and Hyundai vehicles" → "kia hyundai vehicle"
            let content = |t: &&Tok| t.kind == Kind::Word && !matches!(t.low.as_ref(), "and" | "of" | "or");
            let toks = self.toks.get(j..end).unwrap_or(&[]);
            let last = toks.iter().rposition(|t| content(&t));
            let mut norm = String::with_capacity(written.len() + 2);
            for (o, t) in toks.iter().enumerate().filter(|(_, t)| content(t)) {
                let w: &str = t.low.as_ref();
                let w = tables::superlative_base(w).unwrap_or(w);
                if !norm.is_empty() {
                    norm.push(' ');
                }
                if Some(o) == last {
                    context::singular_into(w, &mut norm);
                } else {
                    norm.push_str(w);
                }
            }
            q.unit = Some(norm);
            q.unit_text = Some(written);
            // (a unit of measure counts no noun: what it measures, the clause says)
            let mut measure = false;
            // "517 rushing yards", "50 previous years": the head is a unit of measure (not
            // a capitalized name: "eight straight World Cups")
            let named = |t: &&Tok| self.text().get(t.s..t.e).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            if let Some(head) = last.and_then(|o| toks.get(o)).filter(|t| !named(t)).map(|t| t.low.as_ref()) {
                // (`unit_low` holds every non-exact form: one hash lookup before the scan)
                let tb = tables();
                if let Some(u) = tb.unit_low.contains(head).then(|| tb.units.iter().find(|u| !u.exact && u.form.eq_ignore_ascii_case(head) && u.class != UnitClass::Pct)).flatten() {
                    // "tens of millions of pounds" is money (see `pounds_sterling`)
                    let sterling = q.vague && q.range.is_some() && self.pounds_sterling(u.norm, e);
                    q.unit = Some(if sterling { "pound sterling" } else { u.norm }.to_string());
                    q.class = Some(if sterling { UnitClass::Money } else { u.class });
                    measure = true;
                }
            }
            // a rate over time: "3,000 tests a day", "40 flights per week" (the unit only)
            if let Some((_, dn)) = self.per_denominator(e) {
                if matches!(dn, "day" | "week" | "month" | "year" | "hour" | "night" | "minute" | "second" | "decade" | "century") {
                    if let Some(u) = q.unit.as_mut() {
                        u.push_str(" per ");
                        u.push_str(dn);
                    }
                }
            }
            q.np = (!measure).then_some((j, end));
            // a quoted counted phrase (26 “armed criminals”) is the concept; the figure's
            // text stops before the opening quote so that it never holds half a quotation
            if !self.toks.get(j).is_some_and(|t| context::is_quote(&t.low)) {
                q.e = q.e.max(e);
            }
            q.after = end;
        }
    }

    /// After the number: a glued "m"/"b" read as million or metre, the currency, the unit
    /// after it ("5 km", "US pints"), ages ("-year-old", "aged"), "magnitude", "per"
    /// denominators and hyphenated compounds ("a six-cylinder engine").
    pub(super) fn unit_after(&self, r: &mut Reading) {
        let text = self.text();
        r.age_pre = r.k > 0 && matches!(self.low(r.k - 1), "aged" | "age");
        // "a magnitude 6.4 earthquake"
        r.magnitude_pre = r.k > 0 && self.low(r.k - 1) == "magnitude";
        r.scaled_glued = false;
        if let Some((ge, m)) = r.num.glued_ambiguous {
            // "$5m", "1.2m people", "3m doses": million; "a 5m wall", "15m waves": metres
            let scaled_noun = text.get(ge..).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| {
                let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                tables().scaled_nouns.contains(w)
            });
            // "60m euros", "3m pounds": a currency word after the letter makes it million
            let money_after = self.unit_at(ge, true).is_some_and(|(_, u)| u.class == UnitClass::Money || u.norm == "pound-mass");
            if r.cur.is_some() || scaled_noun || money_after {
                r.value *= m;
                r.e = ge;
                r.q.after = self.tok_after(r.e);
                r.scaled_glued = true;
            }
        }

        // "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5 km/s2": the uncertainty, then the unit
        if let Some((ue, u)) = self.uncertainty_at(r.e) {
            r.uncertainty = Some(u);
            r.e = ue;
        }
        if let Some((_, norm)) = r.cur {
            let written = text.get(r.cur.map(|c| c.0).unwrap_or(0)..r.num.s).unwrap_or("").trim().to_string();
            r.unit = Some((norm.to_string(), written, UnitClass::Money));
        }
        if let Some(cu) = r.num.compound_unit {
            if let Some((ue, u)) = self.unit_at(cu, false) {
                r.unit = Some((u.norm.to_string(), text.get(cu..ue).unwrap_or("").to_string(), u.class));
                r.e = ue;
            }
        }
        if r.unit.is_none() || r.cur.is_some() {
            if let Some((ue, u)) = self.unit_at(r.e, true) {
                if r.cur.is_none() {
                    let (norm, class) = if (r.num.mult || r.scaled_glued) && self.pounds_sterling(u.norm, ue) { ("pound sterling", UnitClass::Money) } else { (u.norm, u.class) };
                    r.unit = Some((norm.to_string(), text.get(r.e..ue).unwrap_or("").trim_start_matches([' ', '-']).to_string(), class));
                    r.e = ue;
                }
            }
        }
        // "one US fluid ounce", "5 imperial gallons": a unit after a system word
        if r.unit.is_none() && r.cur.is_none() {
            if let Some((ue, u, w)) = self.qualified_unit(self.tok_after(r.e)) {
                r.unit = Some((u.norm.to_string(), w, u.class));
                r.e = ue;
            }
        }
        // "2 1/2 in thick", "a 9\" plate": inches written "in" or with a double quote
        if r.unit.is_none() && r.cur.is_none() {
            if let Some((ue, w)) = self.inches_at(r.e, r.num.s) {
                r.unit = Some(("inch".to_string(), w.to_string(), UnitClass::Measure));
                r.e = ue;
            }
        }
        // "1.3 A/cm2", "45 Js": a compound symbol the table does not list
        if r.unit.is_none() && r.cur.is_none() {
            if let Some((ue, name)) = self.compound_symbol(r.e) {
                r.unit = Some((name, text.get(r.e..ue).unwrap_or("").trim_start().to_string(), UnitClass::Measure));
                r.e = ue;
            }
        }
        // "4 km squared", "4km^3": the square or cube of a length
        if let Some((n, w, UnitClass::Measure)) = &mut r.unit {
            if let Some((ue, power)) = power_after(text, r.e) {
                // ("m/s2": the power of a compound's denominator)
                let name = match n.split_once(" per ") {
                    Some((a, b)) => format!("{a} per {power} {b}"),
                    None => format!("{power} {n}"),
                };
                if let Some((&norm, _)) = tables().bases.get_key_value(name.as_str()) {
                    *w = format!("{w}{}", text.get(r.e..ue).unwrap_or(""));
                    *n = norm.to_string();
                    r.e = ue;
                }
            }
        }
        // "−40° on the Celsius scale": the scale named after a bare degree
        if let Some((n, _, _)) = &mut r.unit {
            if n == "degree" {
                if let Some(scale) = scale_after(text, r.e) {
                    *n = scale.to_string();
                }
            }
        }
        // "absolute zero": the lowest temperature, 0 K
        if r.unit.is_none() && r.cur.is_none() && r.value == 0.0 && r.num.words && r.k > 0 && self.low(r.k - 1) == "absolute" {
            r.unit = Some(("kelvin".to_string(), String::new(), UnitClass::Measure));
        }
        // ages: "years old", "-year-old", "two months old", "a four-day-old calf", "aged 9
        // months": a duration counted from birth
        if let Some((n, w, c)) = &r.unit {
            if *c == UnitClass::Time && matches!(n.as_str(), "year" | "month" | "week" | "day") {
                let rest = text.get(r.e..).unwrap_or("");
                let old = ["-old", " old"].into_iter().find(|suf| rest.starts_with(suf) && !rest[suf.len()..].starts_with(|c: char| c.is_alphanumeric()));
                if old.is_some() || r.age_pre {
                    let suf = old.unwrap_or("");
                    r.unit = Some((format!("{n} of age"), format!("{w}{suf}"), UnitClass::Age));
                    r.e += suf.len();
                }
            }
        }
        if r.age_pre && r.unit.is_none() {
            r.unit = Some(("year of age".to_string(), String::new(), UnitClass::Age));
        }
        if r.magnitude_pre && r.unit.is_none() {
            r.unit = Some(("magnitude".to_string(), String::new(), UnitClass::Measure));
        }
        // "a quarter-point cut", "half a point": rates move in fractions of a percentage
        // point (an index never moves a quarter of a point)
        if let Some((n, _, c)) = &mut r.unit {
            if n == "point" && r.value > 0.0 && r.value < 1.0 && r.num.words {
                *n = "percentage point".to_string();
                *c = UnitClass::Pct;
            }
        }
        if r.unit.is_none() && r.k > 0 && self.low(r.k - 1) == "category" {
            r.unit = Some(("category".to_string(), String::new(), UnitClass::Measure));
        }
        // "2.5 F" in a sentence about a capacitor is farads, "5 C" of charge coulombs: the
        // capital letter alone is a temperature only where nothing electric is named
        if let Some((n, w, _)) = &mut r.unit {
            if matches!((n.as_str(), w.as_str()), ("fahrenheit", "F") | ("celsius", "C")) && self.names_electricity() {
                *n = if n == "fahrenheit" { "farad" } else { "coulomb" }.to_string();
            }
        }
        // per-denominators: "$3,500 a month", "$58 per barrel", "cents per share", and a
        // second one: "J/m^2 per year"
        if let Some((n, w, c)) = &mut r.unit {
            if matches!(c, UnitClass::Money | UnitClass::Measure) {
                if let Some((end, dn)) = self.per_denominator(r.e) {
                    *n = format!("{n} per {dn}");
                    *w = format!("{w}{}", text.get(r.e..end).unwrap_or(""));
                    r.e = end;
                    if let Some((end, dn)) = self.per_denominator(r.e).filter(|(_, dn)| !n.ends_with(dn)) {
                        *n = format!("{n} per {dn}");
                        *w = format!("{w}{}", text.get(r.e..end).unwrap_or(""));
                        r.e = end;
                    }
                } else if let Some((end, dn)) = self.noun_denominator(r.e) {
                    *n = format!("{n} per {dn}");
                    *w = format!("{w}{}", text.get(r.e..end).unwrap_or(""));
                    r.e = end;
                } else if let Some(close) = text.get(r.e..).filter(|r| r.starts_with(" (")).and_then(|r| r.get(..r.len().min(40))).and_then(|r| r.find(')')) {
                    // "4 billion rupees ($48 million) a year": the rate after a conversion
                    if text.get(r.e + 2..r.e + close).is_some_and(|b| !b.contains('(')) {
                        if let Some((_, dn)) = self.per_denominator(r.e + close + 1) {
                            *n = format!("{n} per {dn}");
                        }
                    }
                }
            }
        }
        // "a six-cylinder engine", "a 10-storey block": the hyphenated noun is what is counted
        if r.unit.is_none() && r.cur.is_none() {
            let p = r.num.compound_unit.or_else(|| text.get(r.e..).filter(|r| r.starts_with('-')).map(|_| r.e + 1));
            if let Some(p) = p {
                if let Some((we, word)) = hyphen_noun(text, p) {
                    // "a 3,000-strong force": the number counts the members of what follows
                    if !word.eq_ignore_ascii_case("strong") {
                        r.unit = Some((context::singular(word), word.to_string(), UnitClass::Measure));
                    }
                    r.e = we;
                } else if let Some(q2) = suspended_hyphen(text, p) {
                    // "two- and three-bedroom flats", "10- and 30-year bonds": the unit of the last
                    if let Some((ue, u)) = self.unit_at(q2, false) {
                        r.unit = Some((u.norm.to_string(), String::new(), u.class));
                        r.q.attr_after = Some(self.tok_after(ue));
                    } else if let Some((we, word)) = hyphen_noun(text, q2) {
                        r.unit = Some((context::singular(word), String::new(), UnitClass::Measure));
                        r.q.attr_after = Some(self.tok_after(we));
                    }
                }
            }
        }
    }

    /// Without a unit: the counted noun phrase ("26 protesters", "a third of the
    /// population"), a person's age ("she turned 40"), the unit of the figure before in the
    /// sentence ("between 50 and 70" after "113 gigapascals"), "Smith, 45,".
    pub(super) fn unit_of_count(&self, r: &mut Reading) {
        r.q.s = if r.range.is_some() && r.range_intro.is_some() && r.k > 0 { self.toks[r.k - 1].s } else { r.pre_s };
        r.q.e = r.e;
        r.q.value = r.value;
        r.q.after = r.after_tok;
        r.q.first = r.k;
        // "measured the quake at magnitude 7.0": the context is read around "magnitude"
        if r.magnitude_pre && r.unit.as_ref().is_some_and(|u| u.0 == "magnitude") {
            r.q.first = r.k - 1;
        }
        if let Some((n, w, c)) = r.unit.take() {
            r.q.unit = Some(n);
            r.q.unit_text = if w.is_empty() { None } else { Some(w) };
            r.q.class = Some(c);
        } else {
            let mut j = r.after_tok;
            // "a third of the population", "1/16 of a pint", "two of the victims":
            // the noun after the determiner
            let partitive = r.num.words && matches!(self.low(j + 1), "the" | "its" | "their" | "his" | "her" | "our" | "these" | "those");
            let partitive = partitive && self.low(j) == "of";
            if self.low(j) == "of" && (r.num.words && r.num.mult || r.value < 1.0 || partitive) {
                j += 1;
                while matches!(self.low(j), "the" | "its" | "their" | "all" | "his" | "her" | "a" | "an" | "our" | "these" | "those") {
                    j += 1;
                }
                // "two of the nine races": the whole is a figure of its own
                if partitive && (self.toks.get(j).is_some_and(|t| t.kind == Kind::Num) || super::number_word(self.low(j)).is_some()) {
                    j = r.after_tok;
                }
            }
            // "1/16 of a pint", "a quarter of an hour": a fraction of a unit
            let fraction_unit = if j > r.after_tok && r.value > 0.0 && r.value < 1.0 {
                self.qualified_unit(j).filter(|(_, u, _)| matches!(u.class, UnitClass::Measure | UnitClass::Time))
            } else {
                None
            };
            // "given 45 and 50 mg", "5 or 10 percent": a bare number shares the unit of the
            // number joined to it
            let shared = if fraction_unit.is_none() && !self.toks.get(r.after_tok).is_some_and(|t| t.kind == Kind::Word && !matches!(t.low.as_ref(), "and" | "or")) {
                self.shared_unit(r.after_tok)
            } else {
                None
            };
            if let Some(u) = shared {
                r.q.unit = Some(u.norm.to_string());
                r.q.class = Some(u.class);
            } else if let Some((_, u, w)) = fraction_unit {
                r.q.unit = Some(u.norm.to_string());
                r.q.unit_text = Some(w);
                r.q.class = Some(u.class);
            } else {
                // "one of the best speakers" has a plural head; "one proposal" not
                self.count_np(&mut r.q, j, r.value > 0.0 && r.value <= 1.0 && !partitive);
            }
            if r.q.np.is_none() && r.q.unit.is_none() {
                let integer = r.value.fract() == 0.0 && (1.0..=120.0).contains(&r.value);
                let next_content = self.toks.get(r.after_tok).is_some_and(|t| t.kind == Kind::Word && !tables::is_stopword(&t.low) && !matches!(t.low.as_ref(), "last" | "next" | "this" | "a" | "an"));
                // "she turned 40", "he will be 35 by then": a person's age
                let verb = if r.k > 0 { self.low(r.k - 1) } else { "" };
                let person = |i: usize| matches!(self.low(i), "he" | "she" | "i");
                let age = integer && !next_content && r.k >= 2 && match verb {
                    "is" | "was" | "turned" | "turns" | "turning" => person(r.k - 2),
                    "be" => r.k >= 3 && person(r.k - 3) && matches!(self.low(r.k - 2), "will" | "would" | "to"),
                    _ => false,
                };
                // "life expectancy in the region is about 71": an age in years
                let life_expectancy = integer && (r.k.saturating_sub(10)..r.k).any(|b| self.low(b) == "life" && matches!(self.low(b + 1), "expectancy" | "expectancies"));
                // "a day or two", "another pick or two": the noun before "or" is counted
                let or_noun = (r.num.words && !next_content && r.k >= 3 && self.low(r.k - 1) == "or" && matches!(self.low(r.k - 3), "a" | "an" | "another" | "one"))
                    .then(|| &self.toks[r.k - 2])
                    .filter(|t| t.kind == Kind::Word && !tables::is_stopword(&t.low) && !context::is_plural(&t.low) && t.low.len() > 1);
                if age || life_expectancy {
                    r.q.unit = Some("year of age".to_string());
                    // a life expectancy is about the expectancy, not a person
                    r.q.class = Some(if age { UnitClass::Age } else { UnitClass::Measure });
                } else if let Some(t) = or_noun {
                    if let Some((_, u)) = self.unit_at(t.s, false).filter(|(ue, _)| *ue == t.e) {
                        r.q.unit = Some(u.norm.to_string());
                        r.q.class = Some(u.class);
                    } else {
                        r.q.unit = Some(t.low.to_string());
                    }
                } else if let Some((n, c, was_change)) = self.prev_unit.clone() {
                    // "reached 113 gigapascals, while diamonds score between 50 and 70", "2
                    // percent, B fell by 1": a bare number takes the measure of the figure
                    // before it in the sentence; not a level after a change ("rose 8% to 3.65")
                    let level_after_change = was_change && matches!(if r.k > 0 { self.low(r.k - 1) } else { "" }, "to" | "at");
                    // ("38.4% of the vote and 112 of the 300 seats": a part of a whole takes
                    // the whole's unit, see `inherit_partitive_units`)
                    // ("two of the teams" counts teams; "a 5-4 vote" counts votes)
                    let a = r.after_tok;
                    let partitive = self.low(a) == "of" || super::find::is_tally_noun(self.low(a)) || self.low(a) == "-" && super::find::is_tally_noun(self.low(a + 2));
                    // "a 9\" rack of 360-ish plates": an approximate number with its own noun
                    let ish = self.low(a) == "-" && self.low(a + 1) == "ish";
                    // a unit never crosses a bracket, a quotation, a semicolon or a dash
                    // ("9 in (23 cm); 12 were sold", "it is 5 km, he said \"and 9 more\"")
                    let prev_end = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity).map_or(self.start, |f| f.end as usize);
                    let crossed = self.text().get(prev_end.min(r.pre_s)..r.pre_s).is_some_and(crosses_clause) || self.leaves_relative_clause(prev_end, r.pre_s);
                    if matches!(c, UnitClass::Measure | UnitClass::Pct) && !next_content && !level_after_change && !partitive && !ish && !crossed && r.range_intro.as_deref() != Some("from") {
                        r.q.unit = Some(n);
                        r.q.class = Some(c);
                    } else if level_after_change && !next_content && self.prev_points {
                        // "A fell 1% to 3,410 points, B lost 2% to 902": index levels in points
                        r.q.unit = Some("point".to_string());
                        r.q.class = Some(UnitClass::Measure);
                    }
                }
            }
            if r.q.np.is_none() && r.q.unit.is_none() {
                // "Smith, 45," apposition age
                if r.k > 0 && self.low(r.k - 1) == "," && self.low(r.after_tok) == "," && (1.0..=120.0).contains(&r.value) && r.value.fract() == 0.0 && r.k >= 2 {
                    let pw = &self.toks[r.k - 2];
                    if pw.kind == Kind::Word && !tables::is_stopword(&pw.low) {
                        r.q.unit = Some("year of age".to_string());
                        r.q.class = Some(UnitClass::Age);
                    }
                }
            }
        }
    }
}
