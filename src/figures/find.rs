//! Finding numbers: the scan over a sentence's tokens that types dates, times, ordinals,
//! decades and years, drops what is not a figure (identifiers, phone numbers, list
//! numbering, scores, ranks, the pronoun "one") and hands every other number to
//! [`Sentence::quantity`]; and whether a text writes numbers European style.

use super::tables::{self, tables};
use super::tokens::Kind;
use super::{context, dates, numbers, FigureKind, Quantity, Reading, Sentence, UnitClass};
use super::bounds;

/// True when the text writes numbers European style ("2,5", "1.234.567", "3.800 euros"
/// with no English decimals): decimal commas are seen and no decimal point with a
/// non-three-digit group is.
pub(super) fn is_european(text: &str) -> bool {
    let b = text.as_bytes();
    let mut comma_dec = 0;
    let mut dot_dec = 0;
    let mut i = 1;
    while i + 1 < b.len() {
        // the test below needs a digit at i + 1: jump to the next digit
        if !b[i + 1].is_ascii_digit() {
            match next_digit(b, i + 2) {
                Some(j) => i = j - 1,
                None => break,
            }
            continue;
        }
        let c = b[i];
        if (c == b',' || c == b'.') && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() {
            let mut k = i + 1;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            let group = k - i - 1;
            let next_sep = k < b.len() && (b[k] == b',' || b[k] == b'.') && k + 1 < b.len() && b[k + 1].is_ascii_digit();
            if group != 3 && !next_sep {
                if c == b',' {
                    comma_dec += 1;
                } else {
                    dot_dec += 1;
                }
            }
            i = k;
            continue;
        }
        i += 1;
    }
    comma_dec > 0 && dot_dec == 0
}

/// The first ASCII digit at or after byte `k`, eight bytes at a time: a word has a byte
/// below 10 after XOR with b'0' exactly when one of its bytes is a digit.
fn next_digit(b: &[u8], mut k: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = b.get(k..k + 8).and_then(|s| <[u8; 8]>::try_from(s).ok()) {
        let x = u64::from_le_bytes(chunk) ^ (ONES * 0x30);
        if x.wrapping_sub(ONES * 10) & !x & (ONES * 0x80) != 0 {
            break;
        }
        k += 8;
    }
    while let Some(c) = b.get(k) {
        if c.is_ascii_digit() {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// Nouns a pair of counts joined by a dash is a tally of ("a 5-4 vote", "a 6-3 ruling").
pub(super) fn is_tally_noun(w: &str) -> bool {
    matches!(w, "vote" | "votes" | "margin" | "majority" | "split" | "decision" | "ruling" | "verdict" | "tally")
}

impl<'a, 'b> Sentence<'a, 'b> {
    pub(super) fn run(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        let tb = tables();
        while i < n {
            let t = &self.toks[i];
            // Most tokens cannot start anything: a word whose signature matches no starting
            // word (no month, vague quantity, ordinal or number word: every check below
            // would say no), and ASCII punctuation (no date, time or vulgar fraction).
            let skip = match t.kind {
                Kind::Word => !tb.may_start(&t.low, t.dash),
                Kind::Punct => t.low.len() == 1,
                Kind::Num => false,
            };
            if skip {
                i += 1;
                continue;
            }
            if let Some(f) = dates::date_at(self.text(), self.toks, i) {
                self.push_typed(FigureKind::Date, f.s, f.e, f.value);
                i = f.next.max(i + 1);
                continue;
            }
            if let Some(f) = dates::time_at(self.text(), self.toks, i) {
                self.push_typed(FigureKind::Time, f.s, f.e, f.value);
                i = f.next.max(i + 1);
                continue;
            }
            if t.kind == Kind::Num {
                if let Some(skip) = self.not_a_number(i) {
                    i = skip.max(i + 1);
                    continue;
                }
                // ordinals "12th", decades "1990s"
                if let Some(nt) = self.toks.get(i + 1) {
                    if nt.s == t.e && nt.kind == Kind::Word {
                        if matches!(nt.low.as_ref(), "st" | "nd" | "rd" | "th") {
                            let v = numbers::parse_digits(&t.low, false).unwrap_or(0.0);
                            self.push_typed(FigureKind::Ordinal, t.s, nt.e, v);
                            i += 2;
                            continue;
                        }
                        // "in their 40s": an age decade
                        if nt.low == "s" && i > 0 && matches!(self.low(i - 1), "their" | "his" | "her" | "early" | "mid" | "late") && matches!(t.low.as_ref(), "20" | "30" | "40" | "50" | "60" | "70" | "80" | "90") {
                            let v = numbers::parse_digits(&t.low, false).unwrap_or(0.0);
                            let q = Quantity {
                                s: t.s,
                                e: nt.e,
                                value: v,
                                interval: Some(bounds::range(v, v + 9.0)),
                                change: Some("~"),
                                unit: Some("year of age".to_string()),
                                class: Some(UnitClass::Age),
                                first: i,
                                after: i + 2,
                                ..Default::default()
                            };
                            self.finish(q);
                            i += 2;
                            continue;
                        }
                        if nt.low == "s" && t.low.len() == 4 && t.low.chars().all(|c| c.is_ascii_digit()) && (t.low.starts_with("1") || t.low.starts_with("20")) {
                            let v = numbers::parse_digits(&t.low, false).unwrap_or(0.0);
                            self.push_typed(FigureKind::Year, t.s, nt.e, v);
                            i += 2;
                            continue;
                        }
                    }
                }
            }
            if t.kind == Kind::Word {
                if let Some(next) = self.vague_at(i) {
                    i = next.max(i + 1);
                    continue;
                }
                if let Some(v) = numbers::ordinal_word(&t.low) {
                    let a_frac = i > 0 && matches!(self.low(i - 1), "a" | "one" | "two" | "three") && !(self.low(i - 1) == "a" && numbers::ordinal_before_noun(self.toks, i));
                    if !a_frac && t.low != "first" && self.toks.get(i + 1).is_some_and(|x| x.kind == Kind::Word) {
                        self.push_typed(FigureKind::Ordinal, t.s, t.e, v);
                        i += 1;
                        continue;
                    }
                }
            }
            let num = match t.kind {
                Kind::Num => numbers::digits_at(self.text(), self.toks, i, self.european),
                Kind::Word => {
                    if self.is_pronoun_one(i) || self.is_rank(i) || t.low == "half" && i > 0 && matches!(self.low(i - 1), "this" | "the" | "first" | "second" | "each" | "every" | "last" | "next") {
                        None
                    } else {
                        numbers::words_at(self.text(), self.toks, i).or_else(|| self.one_unit(i))
                    }
                }
                Kind::Punct => numbers::digits_at(self.text(), self.toks, i, self.european),
            };
            let Some(num) = num else {
                i += 1;
                continue;
            };
            let next = self.quantity(i, num);
            i = next.max(i + 1);
        }
    }

    /// "a gallon of milk", "a kilo of rice", "a penny.": "a"/"an" before a unit of measure
    /// or money followed by "of" or the end of a clause is one of that unit (read by
    /// [`Sentence::quantity`] like "one"), and so is a duration after "for" ("for almost a
    /// year"). Not "a mile away", "a degree of", "a point", "a year ago".
    fn one_unit(&self, i: usize) -> Option<numbers::Num> {
        let t = self.toks.get(i)?;
        // (one hash lookup first: most words after "a" are no unit)
        if !matches!(t.low.as_ref(), "a" | "an") || !self.toks.get(i + 1).is_some_and(|x| tables().unit_low.contains(x.low.as_ref())) {
            return None;
        }
        let (ue, u) = self.unit_at(t.e, true)?;
        let unit_tok = self.toks.get(i + 1).filter(|x| x.e == ue)?;
        // "unchanged for a year", "on hold for almost a decade": a duration after "for"
        let mut k = i;
        while k > 0 && matches!(self.low(k - 1), "almost" | "nearly" | "about" | "around" | "over" | "more" | "than" | "less" | "under" | "just" | "roughly") {
            k -= 1;
        }
        // (not "for a second time": the unit is then an ordinal before its noun)
        let after = self.toks.get(i + 2);
        let ends = after.map_or(true, |x| x.kind != Kind::Word || tables::is_stopword(&x.low));
        let duration = u.class == UnitClass::Time && k > 0 && self.low(k - 1) == "for" && ends && !matches!(self.low(i + 2), "ago" | "earlier" | "later" | "before" | "after");
        if duration {
            return Some(numbers::Num { value: 1.0, s: t.s, e: t.e, next: i + 1, words: true, mult: false, plain_int: false, digits: 0, compound_unit: None, glued_ambiguous: None, factor: 1.0 });
        }
        let measure = matches!(u.class, UnitClass::Measure | UnitClass::Money) && !matches!(u.norm, "degree" | "point" | "count" | "ton");
        let next = self.low(i + 2);
        // ("a kibibyte is 1,024 bytes": a unit defined)
        let ends = next.is_empty() || matches!(next, "of" | "." | "," | ";" | "!" | "?" | ")" | "is" | "equals");
        // (a singular written unit: "a gallon", not "a gallons"; no symbol: "a km")
        let word = unit_tok.low.len() > 3 && !unit_tok.low.ends_with('s');
        (measure && ends && word).then(|| numbers::Num { value: 1.0, s: t.s, e: t.e, next: i + 1, words: true, mult: false, plain_int: false, digits: 0, compound_unit: None, glued_ambiguous: None, factor: 1.0 })
    }

    /// A sports result verb just before token `i`, team names skipped: "won 35-21", "beat
    /// Pellham City 102-98", "ended 1-1".
    fn result_verb_before(&self, i: usize) -> bool {
        let text = self.text();
        let mut k = i;
        let mut names = 0;
        while k > 0 && names <= 4 {
            let t = &self.toks[k - 1];
            if matches!(t.low.as_ref(), "won" | "win" | "wins" | "beat" | "beats" | "defeated" | "defeat" | "defeats" | "lost" | "lose" | "loses" | "drew" | "ended" | "finished" | "edged" | "thrashed" | "routed" | "downed" | "trailed" | "led" | "leading" | "trailing" | "overcame") {
                return true;
            }
            let capitalised = t.kind == Kind::Word && text.get(t.s..t.e).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            // "edged the Hawks 98-95"
            if !(capitalised || t.low == "the" && names > 0) {
                return false;
            }
            names += 1;
            k -= 1;
        }
        false
    }

    /// "one" as a pronoun ("no one", "the one", "one another") is not a number.
    fn is_pronoun_one(&self, i: usize) -> bool {
        if self.low(i) != "one" {
            return false;
        }
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        let next = self.low(i + 1);
        // "only one in three trains": a ratio, never the pronoun
        let ratio_at = |j: usize| self.toks.get(j).is_some_and(|t| t.kind == Kind::Num || tables().words.contains_key(t.low.as_ref()));
        if next == "in" && ratio_at(i + 2) || next == "out" && self.low(i + 2) == "of" && ratio_at(i + 3) {
            return false;
        }
        // "only one sixth of the loans": a fraction, never the pronoun
        if numbers::words_at(self.text(), self.toks, i).is_some_and(|n| n.value < 1.0) {
            return false;
        }
        matches!(prev, "no" | "the" | "this" | "that" | "any" | "every" | "each" | "which" | "someone" | "anyone" | "everyone" | "only" | "last" | "other" | "same" | "little")
            || matches!(next, "another" | "day" | "thing" | "way" | "time" | "," | "." | "who" | "that" | "which")
            || self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Num)
    }

    /// A rank, not an amount: "slipped into the bottom three", "a place in the top 10 of
    /// the table"; "the top three seeds" still counts seeds.
    pub(super) fn is_rank(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        i >= 2
            && matches!(self.low(i - 1), "top" | "bottom")
            && self.low(i - 2) == "the"
            && !self.toks.get(i + 1).is_some_and(|x| x.kind == Kind::Word && !tables::is_stopword(&x.low))
            && self.unit_at(t.e, true).is_none()
    }

    /// Numbers that are not figures at token `i` (a `Num` token): identifiers, phone
    /// numbers, list numbering, scores. Returns the token index to continue at.
    pub(super) fn not_a_number(&self, i: usize) -> Option<usize> {
        let t = &self.toks[i];
        let text = self.text();
        let prev = if i > 0 { self.toks.get(i - 1) } else { None };
        // identifiers glued to letters: "G7", "A2", "COVID-19", "F-16"
        if let Some(p) = prev {
            // a two-letter code glued to one digit is a name, not money: "PS5", "HK1"
            let code_digit = p.low.len() == 2 && t.low.len() == 1 && !self.toks.get(i + 1).is_some_and(|x| x.s == t.e && matches!(x.low.as_ref(), "." | "," | "m" | "bn" | "k"));
            if p.e == t.s && p.kind == Kind::Word && (self.currency_before(t.s).is_none() || code_digit) {
                return Some(self.skip_glued(i));
            }
            if p.e == t.s && matches!(p.low.as_ref(), "-" | "‐" | "‑") && i >= 2 {
                let pp = &self.toks[i - 2];
                if pp.kind == Kind::Word && pp.e == p.s && !matches!(pp.low.as_ref(), "minus" | "mid" | "pre" | "post" | "late" | "early" | "end" | "over" | "under" | "since" | "by" | "sub" | "now" | "about" | "some" | "nearly" | "around") && !tables().words.contains_key(pp.low.as_ref()) {
                    return Some(self.skip_glued(i));
                }
            }
            // "COVID -19": a minus sign right after a capitalized word is part of a name
        if let (Some(p), true) = (prev, i >= 2) {
            let pp = &self.toks[i - 2];
            if p.e == t.s && matches!(p.low.as_ref(), "-" | "‑") && pp.kind == Kind::Word && pp.e + 1 == p.s {
                let w = text.get(pp.s..pp.e).unwrap_or("");
                if w.len() >= 2 && w.chars().all(|c| c.is_uppercase()) {
                    return Some(i + 1);
                }
            }
        }
        // a wire slug: "UPDATE 2-Ferry capsizes"
        if let Some(p) = prev {
            if p.low == "update" && text.get(p.s..p.e) == Some("UPDATE") {
                return Some(self.skip_glued(i));
            }
        }
        // "#1", "No. 5"
            if p.low == "#" && p.e == t.s || p.low == "." && i >= 2 && matches!(self.toks[i - 2].low.as_ref(), "no" | "nos") {
                return Some(i + 1);
            }
        }
        // a Num glued to following letters that are not a unit, a multiplier or a suffix:
        // "5G", "3D", "4x4", "737Max"
        if let Some(nt) = self.toks.get(i + 1) {
            if nt.s == t.e && nt.kind == Kind::Word {
                let w = text.get(nt.s..nt.e).unwrap_or("");
                let known = tables().abbrs.contains_key(w)
                    || matches!(nt.low.as_ref(), "st" | "nd" | "rd" | "th" | "s" | "am" | "pm")
                    || nt.low == "x" && (self.low(i + 2) == "10" || self.low(i + 3) == "^")
                    || self.unit_at(t.e, false).is_some()
                    || (nt.low.starts_with("year") || nt.low.starts_with("month") || nt.low.starts_with("day") || nt.low.starts_with("week"));
                if !known {
                    return Some(i + 2);
                }
            }
        }
        // leading zeros ("0800") and runs of bare numbers ("0800 123 4567") are codes
        if t.low.len() >= 3 && t.low.starts_with('0') && t.low.bytes().all(|b| b.is_ascii_digit()) {
            let mut k = i + 1;
            while self.toks.get(k).is_some_and(|x| x.kind == Kind::Num) {
                k += 1;
            }
            return Some(k);
        }
        if self.toks.get(i + 1).is_some_and(|x| x.kind == Kind::Num) && self.toks.get(i + 2).is_some_and(|x| x.kind == Kind::Num) {
            let mut k = i + 1;
            while self.toks.get(k).is_some_and(|x| x.kind == Kind::Num) {
                k += 1;
            }
            return Some(k);
        }
        // list numbering: first token of a line followed by "." or ")"
        // (a line break always ends a sentence, so the first token of a line is the first
        // of its sentence)
        if i == 0 {
            if let Some(nt) = self.toks.get(i + 1) {
                if nt.s == t.e && matches!(nt.low.as_ref(), "." | ")") && text.get(nt.e..).is_some_and(|r| r.starts_with(' ')) && t.low.len() <= 2 {
                    return Some(i + 2);
                }
            }
        }
        // phone numbers: three or more digit groups joined by - . or spaces with a
        // leading "+" or "(ddd)"
        if prev.is_some_and(|p| p.low == "+" && p.e == t.s) && self.toks.get(i + 1).is_some_and(|x| x.kind == Kind::Num || x.low == "(") && !self.low(i + 1).is_empty() && self.toks.get(i + 1).is_some_and(|x| x.low != "%") {
            let mut k = i + 1;
            while self.toks.get(k).is_some_and(|x| x.kind == Kind::Num || matches!(x.low.as_ref(), "(" | ")" | "-")) {
                k += 1;
            }
            if k > i + 2 {
                return Some(k);
            }
        }
        let mut k = i;
        let mut groups = 1;
        while self.toks.get(k + 1).is_some_and(|x| x.low == "-" && x.s == self.toks[k].e) && self.toks.get(k + 2).is_some_and(|x| x.kind == Kind::Num && x.s == self.toks[k + 1].e) {
            k += 2;
            groups += 1;
        }
        if groups >= 3 {
            return Some(k + 1);
        }
        // addresses "16-18 Harbour Street": a dash pair before a capitalized name
        if groups == 2 {
            let nt = self.toks.get(i + 3);
            let nw = nt.and_then(|x| text.get(x.s..x.e)).unwrap_or("");
            if nt.is_some_and(|x| x.kind == Kind::Word && !context::is_plural(&x.low) && dates::month(&x.low).is_none())
                && nw.starts_with(|c: char| c.is_uppercase())
                && self.unit_at(self.toks[i + 2].e, true).is_none()
            {
                return Some(i + 3);
            }
        }
        // a tally of votes ("a 5-4 vote", "by a 7-2 margin"): two counts, never a score
        if groups == 2 && is_tally_noun(self.low(i + 3)) {
            return None;
        }
        // scores "2-0", "3-2" with no unit: the second is not larger and both are small
        if groups == 2 {
            let a = numbers::parse_digits(&t.low, false).unwrap_or(-1.0);
            let b = numbers::parse_digits(&self.toks[i + 2].low, false).unwrap_or(-1.0);
            let after = self.toks[i + 2].e;
            // (larger scores after a result verb or before a result noun: "won 35-21", "beat
            // Corvale 102-98", "a 35-21 win")
            let result = a <= 200.0 && (self.low(i + 3) == "win" || self.low(i + 3) == "victory" || self.low(i + 3) == "defeat" || self.low(i + 3) == "loss" || self.result_verb_before(i));
            // (a loss may be written loser first: "lost 2-3 to Corvale"; not "lost 2-3 seats")
            let counted_after = self.toks.get(i + 3).is_some_and(|x| x.kind == Kind::Word && context::is_plural(&x.low));
            let lost = result && b <= 200.0 && !counted_after && self.result_verb_before(i);
            if a.fract() == 0.0 && b.fract() == 0.0 && (a <= 20.0 || a == b || result) && a < 1000.0 && (b <= a || lost) && self.unit_at(after, true).is_none() {
                return Some(i + 3);
            }
        }
        // a second number right after a count word is a model name: "two new 737 Max jets"
        if i >= 2 && t.low.len() >= 3 && t.low.bytes().all(|b| b.is_ascii_digit()) {
            let count_before = |k: usize| self.toks.get(k).is_some_and(|x| x.kind == Kind::Word && tables().words.get(x.low.as_ref()).is_some_and(|w| matches!(w.1, tables::WordClass::Unit | tables::WordClass::Ten)));
            let cap_next = self.toks.get(i + 1).and_then(|x| text.get(x.s..x.e)).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            if cap_next && (count_before(i - 1) || count_before(i - 2) && self.toks[i - 1].kind == Kind::Word && !tables::is_stopword(&self.toks[i - 1].low)) {
                return Some(i + 1);
            }
        }
        // identifiers before a name: "787 Dreamliner", "49 Zorro Ranch Road", "11 Pro":
        // a plain integer followed by a capitalized singular word that is not a unit and
        // not followed by a plural noun ("3 Russian soldiers" is a count)
        if t.low.chars().all(|c| c.is_ascii_digit()) && self.unit_at(t.e, true).is_none() && self.currency_before(t.s).is_none() && self.compound_symbol(t.e).is_none() {
            if let Some(nt) = self.toks.get(i + 1) {
                let nw = text.get(nt.s..nt.e).unwrap_or("");
                let cap = nt.kind == Kind::Word && nw.starts_with(|c: char| c.is_uppercase()) && nt.s > t.e;
                // ("53 Nepali, five Indian": people of a nationality are counted)
                if cap && !context::is_plural(&nt.low) && dates::month(&nt.low).is_none() && !tables().demonyms.contains(nt.low.as_ref()) {
                    let mut k = i + 2;
                    while self.toks.get(k).is_some_and(|x| x.kind == Kind::Word && text.get(x.s..x.e).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))) {
                        k += 1;
                    }
                    let count_after = self.toks.get(k).is_some_and(|x| x.kind == Kind::Word && context::is_plural(&x.low)) || self.toks.get(k - 1).is_some_and(|x| context::is_plural(&x.low));
                    if !count_after {
                        return Some(i + 1);
                    }
                }
            }
        }
        if self.is_rank(i) {
            return Some(i + 1);
        }
        // identifiers after a name or a label word: "Big 12", "Model 3", "S&P 500",
        // "category 4", "Article 5"
        if let Some(p) = prev {
            // "a Category 4 hurricane": a storm's category is a measure on its scale
            if p.low == "category" && t.low.len() == 1 {
                return None;
            }
            if p.kind == Kind::Word && p.e < t.s {
                let pw = text.get(p.s..p.e).unwrap_or("");
                let label = matches!(
                    p.low.as_ref(),
                    "level" | "grade" | "phase" | "article" | "section" | "chapter" | "page" | "room" | "gate"
                        | "route" | "highway" | "flight" | "unit" | "model" | "platform" | "version" | "channel"
                        | "stage" | "episode" | "season" | "round" | "game" | "type" | "class" | "paragraph" | "clause"
                        | "line" | "terminal" | "pier" | "block" | "building" | "apartment" | "suite" | "exit" | "no"
                );
                let capital = pw.chars().any(|c| c.is_uppercase())
                    && i >= 2
                    && dates::month(&p.low).is_none()
                    && !tables::is_stopword(&p.low)
                    && !tables().qualifiers.iter().any(|q| q.words.last() == Some(&p.low.as_ref()))
                    && self.currency_before(t.s).is_none()
                    && !(pw.chars().all(|c| c.is_uppercase()) && pw.len() > 4)
                    && !tables().words.contains_key(p.low.as_ref());
                if (label || capital && self.unit_at(t.e, true).is_none() && self.inches_at(t.e, t.s).is_none()) && tables::change_word(&p.low).is_none() {
                    // "Big 12" but not "Smith, 45," (age apposition) or "Tesla 3%"
                    if !self.toks.get(i + 1).is_some_and(|x| matches!(x.low.as_ref(), "%" | "million" | "billion" | "thousand")) {
                        return Some(i + 1);
                    }
                }
            }
        }
        None
    }

    fn skip_glued(&self, i: usize) -> usize {
        let mut k = i;
        while self.toks.get(k + 1).is_some_and(|x| x.s == self.toks[k].e && x.low != "," && x.low != "." && x.low != ")") {
            k += 1;
        }
        k + 1
    }

    /// Four plain digits that are a year ("in 2019", "2019 results"): pushed as a year, then
    /// the token to continue at.
    pub(super) fn year_of(&mut self, r: &Reading) -> Option<usize> {
        let text = self.text();
        if r.range.is_none() && r.num.plain_int && r.num.digits == 4 && r.cur.is_none() && r.unit.is_none() && !r.negative {
            let y = r.num.value;
            let prev = if r.k > 0 { self.low(r.k - 1) } else { "" };
            let year_word = matches!(prev, "in" | "since" | "from" | "between" | "until" | "till" | "by" | "of" | "circa" | "c." | "during" | "and" | "to" | "year" | "before" | "after" | "early" | "late" | "mid" | "summer" | "winter" | "spring" | "autumn" | "fall" | "fiscal" | "end");
            let next_plural = self.toks.get(r.after_tok).is_some_and(|t| t.kind == Kind::Word && context::is_plural(&t.low) && text.get(t.s..t.e).is_some_and(|w| w.starts_with(|c: char| c.is_lowercase())) && !t.low.ends_with("'s"));
            if r.bound.is_none() && ((1900.0..=2100.0).contains(&y) && (!next_plural || year_word) || ((1000.0..1900.0).contains(&y) || (2100.0..=2200.0).contains(&y)) && year_word) {
                self.push_typed(FigureKind::Year, r.num.s, r.num.e, y);
                return Some(r.num.next);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-bytes-at-a-time digit search finds the same digit as a byte loop.
    #[test]
    fn next_digit_matches_a_byte_loop() {
        let t = "abc, def. The 3 men / 12,5 km — ’x’ 0 and 9:/;\u{00e9}1 ".repeat(3);
        let b = t.as_bytes();
        for k in 0..=b.len() + 2 {
            let slow = (k..b.len()).find(|&j| b[j].is_ascii_digit());
            assert_eq!(next_digit(b, k), slow, "{k}");
        }
        assert!(is_european("Prices rose 2,5 per cent to 1.234.567 euros."));
        assert!(!is_european("Prices rose 2,5 per cent and 3.75 percent."));
        assert!(!is_european("It cost 3,800 dollars, or 3.8 thousand."));
    }
}
