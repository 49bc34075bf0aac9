//! Figures: every number in a document as an interval with unit, change, concept and event.
//!
//! The pipeline, per sentence:
//! 1. `tokens`: words, numbers and punctuation with byte spans;
//! 2. `dates`: calendar dates, clock times and years are typed as such (never counts);
//!    phone numbers, list numbering, identifiers ("COVID-19", "Big 12") and scores are
//!    dropped (the rule is written in `dates.rs`);
//! 3. `numbers`: the number grammar (digits, separators, multipliers, words, fractions,
//!    scientific notation); vague quantities ("dozens") come from `vague_quantities.tsv`;
//!    ratios ("one in five", "3 out of 4") become fractions;
//! 4. qualifiers before/after the number (`qualifiers.tsv`) become bounds through
//!    [`bounds`], the one place where intervals and band widths are defined;
//! 5. units: currency signs before the number (`figure_currency_prefixes.tsv`), units after
//!    it (`units.tsv`, NewsQuant's normalized names), hyphenated compounds ("180-day",
//!    "81-year-old", "7.8-magnitude"), "per"/"a" denominators ("$3,500 a month");
//!    a count without a unit takes the counted noun phrase as unit ("26 protesters" →
//!    `protester`, "people" stays `people`);
//! 6. ranges: "between X and Y", "from X to Y" (a few words may separate them: "from $5
//!    on Monday to $4"), "X to Y", "X–Y", "three or four" (`range` is set only for these;
//!    `value` is then the midpoint);
//! 7. change: `up`/`down` when a rise/fall verb governs the amount ("rose 5%", "fell by 3",
//!    "up 2%", "+0.2%", "5% higher"); a following "to" makes it a level (`=`); otherwise
//!    the qualifier's symbol (`~`, `>`, `<`) or `=`;
//! 8. `context`: concept, event, time and attribution. The concept of a count is the
//!    counted noun phrase ("law enforcement officers"); of a measure, what it measures
//!    ("a $150,000 contract", "60 per cent of revenue", else the clause subject); a
//!    conversion in brackets ("47 feet (14 metres)") shares the concept, qualifier and
//!    change of the figure it converts.
//!
//! Quantities and ordinals inside page furniture are skipped; dates, years and times are
//! kept everywhere (shown, never compared).

pub mod bounds;
mod context;
mod dates;
mod numbers;
mod tables;
/// Function words and reporting verbs (also used by compare for context words).
pub use context::{singular, singular_into};
pub use tables::is_stopword;
mod tokens;

use crate::report::{Figure, FigureKind};
use crate::text::TextDoc;
use bounds::{Bound, Interval};
use numbers::Num;
use tables::{tables, UnitClass};
use tokens::{Kind, Tok};

/// The figures of every document, in document order, with `id` (position in the list)
/// and `doc` set. Spans are UTF-8 byte offsets into each document's text.
pub fn extract_all(docs: &[TextDoc]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for d in docs {
        let figs = extract(d);
        let base = out.len();
        // (the first document's list is taken as it is, not copied)
        if out.is_empty() {
            out = figs;
        } else {
            out.extend(figs);
        }
        for (i, f) in out.iter_mut().enumerate().skip(base) {
            (f.id, f.doc) = (i, d.id);
        }
    }
    // (the list is kept to the end of the analysis: no spare capacity)
    out.shrink_to_fit();
    out
}

/// Extracts the figures of one document. Spans are UTF-8 byte offsets into `doc.text`;
/// `id` and `doc` are set by the caller ([`extract_all`] does both).
pub fn extract(doc: &TextDoc) -> Vec<Figure> {
    let european = is_european(doc.text);
    let mut out = Vec::new();
    // one lowercase copy of the text: capitalized words borrow their lowercase form
    let lower = doc.text.to_ascii_lowercase();
    let mut toks = Vec::new();
    for r in &doc.sentences {
        tokens::tokenize_into(doc.text, Some(&lower), r.clone(), &mut toks);
        if toks.is_empty() {
            continue;
        }
        // the figures go straight into `out`; the sentence's own start at `base`
        let base = out.len();
        let mut s = Sentence { doc, toks: &toks, european, start: r.start, out, base, last: None, attribution: None, times: None, prev_unit: None, prev_points: false };
        s.run();
        out = s.out;
        inherit_partitive_units(doc.text, out.get_mut(base..).unwrap_or(&mut []));
    }
    // (numbers beyond what a double can compare are not figures)
    out.retain(bounds::representable);
    crate::sort::by_key(&mut out, |f| [f.start as u64, f.end as u64, 0]);
    out
}

/// The lowercase noun glued after a hyphen at byte `p` ("six-|cylinder"), with its end;
/// not approximations ("20-odd"), fractions ("two-thirds") or further compounds.
fn hyphen_noun(text: &str, p: usize) -> Option<(usize, &str)> {
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
fn suspended_hyphen(text: &str, p: usize) -> Option<usize> {
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
fn inherit_partitive_units(text: &str, out: &mut [Figure]) {
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

/// Drops the possessive "'s" at the end of words ("the SUV's range" → "the SUV range").
fn strip_possessives(s: &str) -> String {
    s.split(' ').map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).filter(|x| !x.is_empty()).unwrap_or(w)).collect::<Vec<_>>().join(" ")
}

/// True when the text writes numbers European style ("2,5", "1.234.567", "3.800 euros"
/// with no English decimals): decimal commas are seen and no decimal point with a
/// non-three-digit group is.
fn is_european(text: &str) -> bool {
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

/// The words a vague quantity can start with (checked first by `vague_at`).
pub(crate) const VAGUE_FIRST: &[&str] = &["a", "several", "dozens", "scores", "hundreds", "thousands", "tens", "millions", "billions", "trillions"];

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

struct Sentence<'a, 'b> {
    doc: &'a TextDoc<'a>,
    toks: &'b [Tok<'b>],
    european: bool,
    start: usize,
    /// The figures of the document so far; this sentence's start at `base`.
    out: Vec<Figure>,
    base: usize,
    /// End byte, bound and index in `out` of the last quantity (whose change, concept and
    /// about are read there), for conversions in brackets.
    last: Option<(usize, Option<Bound>, usize)>,
    /// The time expressions of the sentence (token index, text), computed once.
    times: Option<Vec<(usize, String)>>,
    /// The sentence's attribution, computed once.
    attribution: Option<Option<String>>,
    /// Normalized unit and class of the last quantity with a unit, and whether it was a
    /// change, for bare numbers that continue it.
    prev_unit: Option<(String, UnitClass, bool)>,
    /// Whether a level in points (not a change in points) came before in the sentence.
    prev_points: bool,
}

/// A number with everything read around it.
#[derive(Debug, Clone, Default)]
struct Quantity {
    s: usize,
    e: usize,
    value: f64,
    interval: Option<Interval>,
    bound: Option<Bound>,
    range: Option<[f64; 2]>,
    change: Option<&'static str>,
    unit: Option<String>,
    unit_text: Option<String>,
    class: Option<UnitClass>,
    /// Token index of the first token of the expression, and the first after it.
    first: usize,
    after: usize,
    /// Counted noun phrase tokens.
    np: Option<(usize, usize)>,
    /// For a suspended hyphen ("four-, five- and six-cylinder engines"), the token after the
    /// last member's compound, where the noun the figures modify starts.
    attr_after: Option<usize>,
    vague: bool,
}

impl<'a, 'b> Sentence<'a, 'b> {
    fn text(&self) -> &'a str {
        self.doc.text
    }


    /// The figures of this sentence so far.
    fn own(&self) -> &[Figure] {
        self.out.get(self.base..).unwrap_or(&[])
    }

    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.low.as_ref()).unwrap_or("")
    }

    fn push_typed(&mut self, kind: FigureKind, s: usize, e: usize, value: f64) {
        if kind == FigureKind::Ordinal && self.doc.in_furniture(&(s..e)) {
            return;
        }
        let text = self.text().get(s..e).unwrap_or("").to_string();
        self.out.push(Figure {
            start: s as u32,
            end: e as u32,
            text,
            sentence: self.doc.sentence_of(s),
            kind,
            value,
            low: Some(value),
            high: Some(value),
            low_inclusive: true,
            high_inclusive: true,
            change: "=".to_string(),
            ..Figure::default()
        });
    }

    fn run(&mut self) {
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
                        numbers::words_at(self.text(), self.toks, i)
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
        matches!(prev, "no" | "the" | "this" | "that" | "any" | "every" | "each" | "which" | "someone" | "anyone" | "everyone" | "only" | "last" | "other" | "same" | "little")
            || matches!(next, "another" | "day" | "thing" | "way" | "time" | "," | "." | "who" | "that" | "which")
            || self.toks.get(i + 1).is_some_and(|t| t.kind == Kind::Num)
    }

    /// Numbers that are not figures at token `i` (a `Num` token): identifiers, phone
    /// numbers, list numbering, scores. Returns the token index to continue at.
    /// A rank, not an amount: "slipped into the bottom three", "a place in the top 10 of
    /// the table"; "the top three seeds" still counts seeds.
    fn is_rank(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        i >= 2
            && matches!(self.low(i - 1), "top" | "bottom")
            && self.low(i - 2) == "the"
            && !self.toks.get(i + 1).is_some_and(|x| x.kind == Kind::Word && !tables::is_stopword(&x.low))
            && self.unit_at(t.e, true).is_none()
    }

    fn not_a_number(&self, i: usize) -> Option<usize> {
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
                    || nt.low == "x" && self.low(i + 2) == "10"
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
        if t.low.chars().all(|c| c.is_ascii_digit()) && self.unit_at(t.e, true).is_none() && self.currency_before(t.s).is_none() {
            if let Some(nt) = self.toks.get(i + 1) {
                let nw = text.get(nt.s..nt.e).unwrap_or("");
                let cap = nt.kind == Kind::Word && nw.starts_with(|c: char| c.is_uppercase()) && nt.s > t.e;
                if cap && !context::is_plural(&nt.low) && dates::month(&nt.low).is_none() {
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
            if p.kind == Kind::Word && p.e < t.s {
                let pw = text.get(p.s..p.e).unwrap_or("");
                let label = matches!(
                    p.low.as_ref(),
                    "category" | "level" | "grade" | "phase" | "article" | "section" | "chapter" | "page" | "room" | "gate"
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
                if (label || capital && self.unit_at(t.e, true).is_none()) && tables::change_word(&p.low).is_none() {
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

    /// A currency sign or code ending right before byte `s` (one space allowed):
    /// (start byte, normalized name).
    fn currency_before(&self, s: usize) -> Option<(usize, &'static str)> {
        let head = self.text().get(self.start..s)?;
        let trimmed = head.strip_suffix(' ').unwrap_or(head);
        let tb = tables();
        // no form ends with the last byte: no form is a suffix
        if trimmed.as_bytes().last().is_some_and(|&b| !tb.prefix_last[usize::from(b)]) {
            return None;
        }
        for &(form, norm) in &tb.prefixes {
            if let Some(rest) = trimmed.strip_suffix(form) {
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
    fn unit_at(&self, p: usize, spaced_ok: bool) -> Option<(usize, &'static tables::Unit)> {
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
            if nc.is_some_and(|c| c.is_alphanumeric() || c == '\'' && after.chars().nth(1).is_some_and(char::is_alphanumeric)) {
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

    /// A unit starting at token `j`, maybe after a system word ("US pint", "imperial
    /// gallons", "US fluid ounce"): (end byte, unit, unit as written).
    fn qualified_unit(&self, j: usize) -> Option<(usize, &'static tables::Unit, String)> {
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
    fn per_denominator(&self, e: usize) -> Option<(usize, &'static str)> {
        const DEN: &[&str] = &[
            "square foot", "square metre", "square meter", "sq m", "sq ft", "share", "barrel", "gallon", "ounce", "gram",
            "kilogram", "kg", "tonne", "ton", "month", "year", "day", "week", "hour", "night", "person", "head", "litre",
            "liter", "capita", "mile", "kilometre", "kilometer", "km", "kwh", "unit", "seat", "ticket", "pound", "bushel",
            "mmbtu", "century", "decade", "second", "minute",
        ];
        let rest = self.text().get(e..)?;
        // the first 20 characters, lowercased into a buffer on the stack (no allocation)
        let head = rest.get(..rest.char_indices().nth(20).map_or(rest.len(), |(i, _)| i)).unwrap_or(rest);
        if !head.is_ascii() && !head.chars().take(16).all(|c| c.is_ascii()) {
            return None;
        }
        let mut buf = [0u8; 80];
        let lb = buf.get_mut(..head.len())?;
        lb.copy_from_slice(head.as_bytes());
        lb.make_ascii_lowercase();
        let rl = std::str::from_utf8(lb).ok()?;
        for lead in [" per ", " a ", " an ", "/"] {
            let Some(r) = rl.strip_prefix(lead) else { continue };
            let Some(d) = DEN.iter().find(|d| r.starts_with(**d) && !r[d.len()..].starts_with(|c: char| c.is_alphanumeric() && c != 's')) else { continue };
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

    /// "40 million pounds", "tens of millions of pounds": after a scale word, pounds not
    /// followed by "of" (which names what weighs: "2 million pounds of beef") are money.
    fn pounds_sterling(&self, norm: &str, unit_end: usize) -> bool {
        norm == "pound-mass" && self.low(self.tok_after(unit_end)) != "of"
    }

    /// Vague quantities at word token `i` ("dozens", "tens of thousands", "several").
    fn vague_at(&mut self, i: usize) -> Option<usize> {
        let tb = tables();
        if !VAGUE_FIRST.contains(&self.low(i)) {
            return None;
        }
        let v = tb.vague.iter().find(|v| v.words.iter().enumerate().all(|(o, w)| self.low(i + o) == *w))?;
        // "several tens of thousands", "a few hundreds of thousands": the magnitude is the figure
        if !v.magnitude && tb.vague.iter().any(|m| m.magnitude && m.words.len() > 1 && m.words.iter().enumerate().all(|(o, w)| self.low(i + v.words.len() + o) == *w)) {
            return None;
        }
        let mut j = i + v.words.len();
        let (mut lo, mut hi, mut val) = (v.low, v.high, v.value);
        let mut e = self.toks.get(j - 1)?.e;
        // "thousands upon thousands", "hundreds and hundreds": one figure
        if v.magnitude && matches!(self.low(j), "upon" | "and") && v.words.iter().enumerate().all(|(o, w)| self.low(j + 1 + o) == *w) {
            j += 1 + v.words.len();
            e = self.toks.get(j - 1)?.e;
        }
        // "several hundred", "a few thousand" (never after a magnitude: "hundreds" is one)
        if let Some(m) = if v.magnitude { None } else { match self.low(j) {
            "hundred" => Some(100.0),
            "thousand" => Some(1e3),
            "million" => Some(1e6),
            "billion" => Some(1e9),
            "dozen" => Some(12.0),
            _ => None,
        } } {
            lo *= m;
            hi *= m;
            val *= m;
            e = self.toks[j].e;
            j += 1;
        } else if v.words.len() == 1 && matches!(v.words[0], "several" | "scores") && self.low(j) != "of" {
            // "several former Soviet states": a plural noun within four words
            let plural_soon = (j..j + 4).any(|k| self.toks.get(k).is_some_and(|x| x.kind == Kind::Word && context::is_plural(&x.low)))
                && (j..j + 4).take_while(|&k| self.toks.get(k).is_some_and(|x| x.kind == Kind::Word)).count() > 0;
            if !plural_soon || v.words[0] == "scores" {
                return None;
            }
        }
        // plural vague words need "of" or a noun: "hundreds of people", "thousands fled"
        if self.low(j) == "of" {
            j += 1;
        }
        // a figure needs what it counts or an event near it; "a few days" keeps its unit
        let mut q = Quantity { s: self.toks[i].s, e, value: val, first: i, after: j, vague: true, ..Default::default() };
        q.interval = Some(bounds::range(lo, hi));
        // a magnitude plural is the range of its order of magnitude (`vague_quantities.tsv`)
        if v.magnitude {
            q.range = Some([lo, hi]);
            q.change = Some("=");
        } else {
            q.change = Some("~");
        }
        // a qualifier before: "more than a dozen" is words, not vague; "nearly several" rare
        if let Some((u_end, u)) = self.unit_at(e, true).filter(|(_, u)| matches!(u.class, UnitClass::Time | UnitClass::Measure | UnitClass::Money)) {
            q.unit = Some(u.norm.to_string());
            q.unit_text = self.text().get(e..u_end).map(|s| s.trim().to_string());
            q.class = Some(u.class);
            q.e = u_end;
            q.after = self.tok_after(u_end);
        } else {
            self.count_np(&mut q, j, false);
        }
        self.finish(q);
        Some(self.out_next(j))
    }

    fn out_next(&self, j: usize) -> usize {
        let last_e = self.own().last().map(|f| f.end as usize).unwrap_or(0);
        let mut k = j;
        while self.toks.get(k).is_some_and(|t| t.s < last_e) {
            k += 1;
        }
        k
    }

    /// Index of the first token starting at or after byte `b`.
    fn tok_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.s < b)
    }

    /// Index of the token starting at byte `b` (or the first after it).
    fn tok_at(&self, b: usize) -> usize {
        self.tok_after(b)
    }

    /// Reads the counted noun phrase after token `j` into `q` (unit = its singular head).
    fn count_np(&self, q: &mut Quantity, j: usize, singular: bool) {
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
            // "517 rushing yards", "50 previous years": the head is a unit of measure
            if let Some(head) = last.and_then(|o| toks.get(o)).map(|t| t.low.as_ref()) {
                // (`unit_low` holds every non-exact form: one hash lookup before the scan)
                let tb = tables();
                if let Some(u) = tb.unit_low.contains(head).then(|| tb.units.iter().find(|u| !u.exact && u.form == head && u.class != UnitClass::Pct)).flatten() {
                    // "tens of millions of pounds" is money (see `pounds_sterling`)
                    let sterling = q.vague && q.range.is_some() && self.pounds_sterling(u.norm, e);
                    q.unit = Some(if sterling { "pound sterling" } else { u.norm }.to_string());
                    q.class = Some(if sterling { UnitClass::Money } else { u.class });
                    q.np = None;
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
            q.np = Some((j, end));
            // a quoted counted phrase (26 “armed criminals”) is the concept; the figure's
            // text stops before the opening quote so that it never holds half a quotation
            if !self.toks.get(j).is_some_and(|t| context::is_quote(&t.low)) {
                q.e = q.e.max(e);
            }
            q.after = end;
        }
    }

    /// Builds the quantity whose number starts at token `i`; returns the next token index.
    fn quantity(&mut self, i: usize, num: Num) -> usize {
        let text = self.text();
        let mut q = Quantity { s: num.s, e: num.e, value: num.value, first: i, after: num.next, ..Default::default() };
        let mut value = num.value;
        let mut e = num.e;
        // --- before the number: currency, sign, qualifier, change verb
        let mut cur = if num.words { None } else { self.currency_before(num.s) };
        let mut neg_after_currency = false;
        if cur.is_none() && !num.words && text.get(..num.s).is_some_and(|h| h.ends_with('-') || h.ends_with('−')) {
            let sign_len = text.get(..num.s).and_then(|h| h.chars().next_back()).map(char::len_utf8).unwrap_or(1);
            if let Some(c) = self.currency_before(num.s - sign_len) {
                if c.0 + 4 >= num.s - sign_len {
                    cur = Some(c);
                    neg_after_currency = true;
                }
            }
        }
        let mut pre_s = cur.map(|c| c.0).unwrap_or(num.s);
        let mut negative = false;
        let mut plus = false;
        if let Some(c) = text.get(self.start..pre_s).and_then(|h| h.chars().next_back()) {
            let before_sign = text.get(self.start..pre_s - c.len_utf8()).and_then(|h| h.chars().next_back());
            let free = before_sign.map_or(true, |b| b.is_whitespace() || matches!(b, '(' | '[' | ':' | '='));
            if matches!(c, '-' | '−' | '–') && free {
                negative = true;
                pre_s -= c.len_utf8();
            } else if c == '+' && free {
                plus = true;
                pre_s -= 1;
            }
        }
        let mut k = self.tok_at(pre_s); // first token of what we have so far
        if k > 0 && self.low(k - 1) == "minus" || (k > 1 && self.low(k - 1) == "-" && self.low(k - 2) == "minus") {
            negative = true;
            k = if self.low(k - 1) == "minus" { k - 1 } else { k - 2 };
            pre_s = self.toks[k].s;
        }
        if negative || neg_after_currency {
            value = -value;
        }
        let mut bound = None;
        for qf in tables().qualifiers.iter().filter(|q| !q.post) {
            let n = qf.words.len();
            if k < n {
                continue;
            }
            if qf.words.iter().enumerate().all(|(o, w)| self.low(k - n + o) == *w) {
                // "some" and "over"/"under" as plain words: "over the years" never reaches
                // here; "some" only directly before a number
                bound = Some(qf.bound);
                k -= n;
                pre_s = self.toks[k].s;
                break;
            }
        }
        // "sub-7 nanometre"
        if bound.is_none() && k >= 2 && self.low(k - 1) == "-" && self.low(k - 2) == "sub" && self.toks[k - 1].s == self.toks[k - 2].e {
            bound = Some(Bound::Lt);
            k -= 2;
            pre_s = self.toks[k].s;
        }
        let range_intro = if k > 0 && matches!(self.low(k - 1), "between" | "from") { Some(self.low(k - 1).to_string()) } else { None };
        let mut change: Option<&'static str> = None;
        if plus {
            change = Some("up");
        }
        {
            let mut c = k;
            if c > 0 && self.low(c - 1) == "by" {
                c -= 1;
            }
            if c > 0 {
                if let Some(ch) = tables::change_word(self.low(c - 1)) {
                    // "up" before a currency or number: "up 5%", "rose 5%"; not "gave up"
                    let phrasal = matches!(self.low(c - 1), "up" | "down")
                        && c >= 2
                        && matches!(self.low(c - 2), "gave" | "give" | "gives" | "giving" | "given" | "set" | "sets" | "took" | "take" | "picked" | "pick" | "made" | "make" | "put" | "puts" | "turned" | "turn" | "signed" | "sign" | "stepped" | "shut" | "lined" | "backed" | "broke" | "break" | "wound" | "showed" | "show" | "shot" | "shoots" | "shooting" | "brought" | "bring" | "knocked" | "tracked" | "hunted" | "gunned" | "mowed" | "cut" | "cuts" | "cutting" | "called" | "handed" | "played" | "rounded" | "locked" | "sealed" | "tied" | "blew" | "blown");
                    if !phrasal {
                        change = Some(ch);
                    }
                } else if c < k && c >= 2 {
                    // "grow sales by 35 per cent": a rise/fall verb a few words before "by"
                    for b in (c.saturating_sub(4)..c).rev() {
                        let w = self.low(b);
                        if self.toks[b].kind != Kind::Word || w == "to" {
                            break;
                        }
                        if let Some(ch) = tables::change_word(w).filter(|_| !matches!(w, "up" | "down" | "higher" | "lower")) {
                            change = Some(ch);
                            break;
                        }
                    }
                }
            }
        }
        // "averaged 7.3 points", "averaging 15.9 degrees": an average is approximate
        if change.is_none() && bound.is_none() && k > 0 && matches!(self.low(k - 1), "averaged" | "averaging" | "averages") {
            change = Some("~");
        }
        // "A fell 2%, B by 3%": a bare "by" continues the direction of the figure before
        if change.is_none() && k > 0 && self.low(k - 1) == "by" {
            if let Some(prev) = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity) {
                if matches!(prev.change.as_str(), "up" | "down") && prev.sentence == self.doc.sentence_of(num.s) {
                    change = if prev.change == "up" { Some("up") } else { Some("down") };
                }
            }
        }
        let age_pre = k > 0 && matches!(self.low(k - 1), "aged" | "age");
        // "a magnitude 6.4 earthquake"
        let magnitude_pre = k > 0 && self.low(k - 1) == "magnitude";
        // --- after the number
        let mut scaled_glued = false;
        if let Some((ge, m)) = num.glued_ambiguous {
            // "$5m", "1.2m people", "3m doses": million; "a 5m wall", "15m waves": metres
            let scaled_noun = text.get(ge..).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| {
                let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
                tables().scaled_nouns.contains(w)
            });
            // "60m euros", "3m pounds": a currency word after the letter makes it million
            let money_after = self.unit_at(ge, true).is_some_and(|(_, u)| u.class == UnitClass::Money || u.norm == "pound-mass");
            if cur.is_some() || scaled_noun || money_after {
                value *= m;
                e = ge;
                q.after = self.tok_after(e);
                scaled_glued = true;
            }
        }
        let mut unit: Option<(String, String, UnitClass)> = None; // (norm, written, class)
        if let Some((_, norm)) = cur {
            let written = text.get(cur.map(|c| c.0).unwrap_or(0)..num.s).unwrap_or("").trim().to_string();
            unit = Some((norm.to_string(), written, UnitClass::Money));
        }
        if let Some(cu) = num.compound_unit {
            if let Some((ue, u)) = self.unit_at(cu, false) {
                unit = Some((u.norm.to_string(), text.get(cu..ue).unwrap_or("").to_string(), u.class));
                e = ue;
            }
        }
        if unit.is_none() || cur.is_some() {
            if let Some((ue, u)) = self.unit_at(e, true) {
                if cur.is_none() {
                    let (norm, class) = if (num.mult || scaled_glued) && self.pounds_sterling(u.norm, ue) { ("pound sterling", UnitClass::Money) } else { (u.norm, u.class) };
                    unit = Some((norm.to_string(), text.get(e..ue).unwrap_or("").trim_start_matches([' ', '-']).to_string(), class));
                    e = ue;
                }
            }
        }
        // "one US fluid ounce", "5 imperial gallons": a unit after a system word
        if unit.is_none() && cur.is_none() {
            if let Some((ue, u, w)) = self.qualified_unit(self.tok_after(e)) {
                unit = Some((u.norm.to_string(), w, u.class));
                e = ue;
            }
        }
        // "years old" / "-year-old": age
        if let Some((n, w, c)) = &unit {
            if *c == UnitClass::Time && n == "year" {
                let rest = text.get(e..).unwrap_or("");
                for suf in ["-old", " old"] {
                    if rest.starts_with(suf) && !rest[suf.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                        unit = Some(("year of age".to_string(), format!("{w}{suf}"), UnitClass::Age));
                        e += suf.len();
                        break;
                    }
                }
            }
        }
        if age_pre && unit.is_none() {
            unit = Some(("year of age".to_string(), String::new(), UnitClass::Age));
        }
        if magnitude_pre && unit.is_none() {
            unit = Some(("magnitude".to_string(), String::new(), UnitClass::Measure));
        }
        // per-denominators: "$3,500 a month", "$58 per barrel", "cents per share"
        if let Some((n, w, c)) = &mut unit {
            if matches!(c, UnitClass::Money | UnitClass::Measure) {
                if let Some((end, dn)) = self.per_denominator(e) {
                    *n = format!("{n} per {dn}");
                    *w = format!("{w}{}", text.get(e..end).unwrap_or(""));
                    e = end;
                } else if let Some(close) = text.get(e..).filter(|r| r.starts_with(" (")).and_then(|r| r.get(..r.len().min(40))).and_then(|r| r.find(')')) {
                    // "4 billion rupees ($48 million) a year": the rate after a conversion
                    if text.get(e + 2..e + close).is_some_and(|b| !b.contains('(')) {
                        if let Some((_, dn)) = self.per_denominator(e + close + 1) {
                            *n = format!("{n} per {dn}");
                        }
                    }
                }
            }
        }
        // "a six-cylinder engine", "a 10-storey block": the hyphenated noun is what is counted
        if unit.is_none() && cur.is_none() {
            let p = num.compound_unit.or_else(|| text.get(e..).filter(|r| r.starts_with('-')).map(|_| e + 1));
            if let Some(p) = p {
                if let Some((we, word)) = hyphen_noun(text, p) {
                    // "a 3,000-strong force": the number counts the members of what follows
                    if !word.eq_ignore_ascii_case("strong") {
                        unit = Some((context::singular(word), word.to_string(), UnitClass::Measure));
                    }
                    e = we;
                } else if let Some(q2) = suspended_hyphen(text, p) {
                    // "two- and three-bedroom flats", "10- and 30-year bonds": the unit of the last
                    if let Some((ue, u)) = self.unit_at(q2, false) {
                        unit = Some((u.norm.to_string(), String::new(), u.class));
                        q.attr_after = Some(self.tok_after(ue));
                    } else if let Some((we, word)) = hyphen_noun(text, q2) {
                        unit = Some((context::singular(word), String::new(), UnitClass::Measure));
                        q.attr_after = Some(self.tok_after(we));
                    }
                }
            }
        }
        // post qualifiers: "or more", "-plus", "+"
        let mut after_tok = self.tok_after(e);
        if bound.is_none() {
            let rest = text.get(e..).unwrap_or("");
            if rest.starts_with('+') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
                bound = Some(Bound::Ge);
                e += 1;
                after_tok = self.tok_after(e);
            } else if rest.starts_with("-plus") {
                bound = Some(Bound::Ge);
                e += 5;
                after_tok = self.tok_after(e);
            } else {
                for qf in tables().qualifiers.iter().filter(|q| q.post) {
                    if qf.words.iter().enumerate().all(|(o, w)| self.low(after_tok + o) == *w) {
                        // "or more" only when it closes the phrase
                        bound = Some(qf.bound);
                        e = self.toks[after_tok + qf.words.len() - 1].e;
                        after_tok += qf.words.len();
                        break;
                    }
                }
            }
        }
        // "5% higher/lower"
        // "12 cents lower", "40 points higher" (but "2 metres higher than the wall" compares)
        let moved_unit = unit.as_ref().is_some_and(|u| u.2 == UnitClass::Pct || matches!(u.2, UnitClass::Money | UnitClass::Measure) && self.low(after_tok + 1) != "than");
        if change.is_none() && matches!(self.low(after_tok), "higher" | "lower") && moved_unit {
            change = Some(if self.low(after_tok) == "higher" { "up" } else { "down" });
        }
        // --- ranges: "X to Y", "X-Y", "between X and Y", "from X to Y"
        let mut range = None;
        let tok_after_num = after_tok;
        // "from $36,040 on Monday to $34,935": a few words may separate "from X" and "to Y"
        if range_intro.as_deref() == Some("from") && self.low(after_tok) != "to" {
            let mut k2 = after_tok;
            while k2 < after_tok + 6
                && self.toks.get(k2).is_some_and(|t| {
                    let abbrev_dot = t.low == "." && k2 > 0 && self.toks[k2 - 1].kind == Kind::Word && self.toks[k2 - 1].low.len() == 1;
                    !matches!(t.low.as_ref(), "," | ";" | "." | "to" | "(" | ")" | "and" | "from" | "-" | "–" | "—") || abbrev_dot
                })
            {
                k2 += 1;
            }
            if self.low(k2) == "to" && self.toks.get(k2 + 1).is_some_and(|t| t.kind == Kind::Num || t.kind == Kind::Punct) {
                after_tok = k2;
            }
        }
        // "1.3 A/cm2 to 0.03 A/cm2": a unit the tables do not know, written compactly
        // right after both numbers, makes "N unit to N unit" a range all the same
        let mut unknown_unit: Option<&str> = None;
        if unit.is_none() && cur.is_none() && (change.is_none() || range_intro.is_some()) {
            let a = tok_after_num;
            let mut k2 = a;
            while k2 < a + 4 && self.toks.get(k2).is_some_and(|t| t.low != "to" && (k2 == a && t.kind != Kind::Num || k2 > a && text.get(self.toks[k2 - 1].e..t.s) == Some(""))) {
                k2 += 1;
            }
            if k2 > a && self.low(k2) == "to" {
                let gap = text.get(e..self.toks[a].s).unwrap_or("");
                let w = text.get(self.toks[a].s..self.toks[k2 - 1].e).unwrap_or("");
                // (a symbol, not a word: "A/cm2", "mg/L", "MWh", never "widgets")
                let symbol = w.bytes().any(|b| b.is_ascii_alphabetic()) && w.bytes().any(|b| !b.is_ascii_lowercase());
                let again = self.toks.get(k2 + 1).filter(|t| t.kind == Kind::Num).and_then(|t| text.get(t.e..)).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| r.starts_with(w));
                if gap == " " && symbol && again && w.len() <= 12 {
                    unknown_unit = Some(w);
                    after_tok = k2;
                }
            }
        }
        let year_start = num.plain_int && num.digits == 4 && unit.is_none() && cur.is_none() && (1800.0..=2100.0).contains(&num.value);
        let conn = self.toks.get(after_tok).map(|t| t.low.as_ref()).unwrap_or("");
        let conn_ok = match conn {
            "-" | "–" | "—" => self.toks.get(after_tok).is_some_and(|t| t.s == e || text.get(e..t.s) == Some(" ")),
            // after a rise/fall verb "to" gives the new level ("rose 5% to $84"), unless
            // the amount has no unit of its own ("fell by 1 to 1.5 degrees")
            "to" => change.is_none() || range_intro.is_some() || unit.is_none(),
            "and" => range_intro.as_deref() == Some("between"),
            // "three or four years": two numbers in words, the second larger
            "or" => num.words,
            _ => false,
        };
        if conn_ok {
            let j = after_tok + 1;
            // "in 2008 to 29 mpg": a year does not start a range of something else
            let b_is_year = self.toks.get(j).is_some_and(|t| t.kind == Kind::Num && t.low.len() == 4 && t.low.bytes().all(|b| b.is_ascii_digit()));
            let j = if year_start && !b_is_year { usize::MAX } else { j };
            let b_num = match self.toks.get(j).map(|t| t.kind) {
                Some(Kind::Num) => numbers::digits_at(text, self.toks, j, self.european),
                Some(Kind::Word) => numbers::words_at(text, self.toks, j),
                Some(Kind::Punct) => {
                    // "$3 billion to $5 billion"
                    let jt = &self.toks[j];
                    if self.currency_before(self.toks.get(j + 1).map(|t| t.s).unwrap_or(0)).is_some_and(|c| c.0 == jt.s) {
                        numbers::digits_at(text, self.toks, j + 1, self.european)
                    } else {
                        None
                    }
                }
                None => None,
            };
            // "from 24.2 to 33-35 billion euros": the far end is itself a range; its last
            // number (with the multiplier and unit) ends the whole range
            let b_num = b_num.map(|b| {
                let dash = self.toks.get(b.next).filter(|t| matches!(t.low.as_ref(), "-" | "–") && t.s == b.e);
                let c = dash.filter(|d| self.toks.get(b.next + 1).is_some_and(|t| t.kind == Kind::Num && t.s == d.e)).and_then(|_| numbers::digits_at(text, self.toks, b.next + 1, self.european));
                match c {
                    Some(c) if !b.mult && c.value / c.factor >= b.value => c,
                    _ => b,
                }
            });
            // the unknown unit must follow the far end too
            let b_num = match unknown_unit {
                Some(w) => b_num.filter(|b| {
                    text.get(b.e..).and_then(|r| r.strip_prefix(' ')).and_then(|r| r.strip_prefix(w)).is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
                }),
                None => b_num,
            };
            if let Some(b) = b_num {
                let mut bv = b.value;
                let mut b_end = b.e;
                if let Some((ge, m)) = b.glued_ambiguous {
                    if cur.is_some() {
                        bv *= m;
                        b_end = ge;
                    }
                }
                let b_unit = self.unit_at(b_end, true);
                let b_cur = if b.words { None } else { self.currency_before(b.s) };
                let mut av = value;
                if !num.mult && b.mult && av.abs() < 1000.0 && av <= b.value / b.factor {
                    // "$89 to $93 billion", "1 to 2 thousand": B's multiplier applies to A
                    av = value * b.factor;
                }
                let is_dash = matches!(conn, "-" | "–" | "—");
                let ok = !(is_dash && bv < av) || range_intro.is_some();
                let b_norm = b_cur.map(|c| c.1).or(b_unit.map(|u| u.1.norm));
                let unit_conflict = match (&unit, b_norm) {
                    (Some(u), Some(bn)) => u.0 != bn && !u.0.starts_with(&format!("{bn} per")),
                    (Some(_), None) => change.is_some() && conn == "to",
                    (None, Some(_)) => b_cur.is_some() && cur.is_none(),
                    _ => false,
                } || conn == "or" && !(b.words && bv > av);
                // years: "1990-1993", "between 2014 and 2017"
                let yearish = num.plain_int && num.digits == 4 && b.plain_int && b.digits == 4 && unit.is_none() && b_unit.is_none();
                if ok && !unit_conflict && !yearish {
                    if unit.is_none() {
                        if let Some((ue, u)) = b_unit {
                            let w = text.get(b_end..ue).unwrap_or("").trim().to_string();
                            unit = Some((u.norm.to_string(), w, u.class));
                            b_end = ue;
                        }
                    } else if let Some((ue, bu)) = b_unit {
                        if unit.as_ref().is_some_and(|u| u.0 == bu.norm) {
                            b_end = ue;
                        }
                    }
                    if let Some(w) = unknown_unit.filter(|_| unit.is_none()) {
                        unit = Some((w.to_string(), w.to_string(), UnitClass::Measure));
                        b_end += 1 + w.len();
                    } else if let Some((_, w, _)) = unit.as_ref().filter(|u| !u.1.is_empty() && u.0.contains(" per ")) {
                        // "from 5 kWh/kg to 7 kWh/kg": the whole unit again after the far end
                        let again = text.get(b_end..).map(|r| r.strip_prefix(' ').unwrap_or(r)).and_then(|r| r.strip_prefix(w.as_str()));
                        if let Some(r) = again.filter(|r| !r.starts_with(|c: char| c.is_alphanumeric())) {
                            b_end = text.len() - r.len();
                        }
                    }
                    range = Some([av, bv]);
                    value = av;
                    e = b_end;
                    if let Some((n, w, c)) = &mut unit {
                        if matches!(c, UnitClass::Money | UnitClass::Measure) && !n.contains(" per ") {
                            if let Some((end, dn)) = self.per_denominator(e) {
                                *n = format!("{n} per {dn}");
                                *w = format!("{w}{}", text.get(e..end).unwrap_or(""));
                                e = end;
                            }
                        }
                    }
                    after_tok = self.tok_after(e);
                } else if yearish && ok {
                    self.push_typed(FigureKind::Year, num.s, num.e, num.value);
                    self.push_typed(FigureKind::Year, b.s, b.e, b.value);
                    return b.next;
                }
            }
        }
        // --- ratios: "one in five", "3 out of 4" → a fraction
        if range.is_none() && unit.is_none() && bound.is_none() && value > 0.0 && value.fract() == 0.0 {
            let (skip, ok) = match self.low(after_tok) {
                "in" => (1, true),
                "out" if self.low(after_tok + 1) == "of" => (2, true),
                _ => (0, false),
            };
            if ok {
                let j = after_tok + skip;
                let b = match self.toks.get(j).map(|t| t.kind) {
                    Some(Kind::Num) => numbers::digits_at(text, self.toks, j, self.european).filter(|b| b.plain_int && b.digits < 4),
                    Some(Kind::Word) => numbers::words_at(text, self.toks, j).filter(|b| !b.mult),
                    _ => None,
                };
                if let Some(b) = b.filter(|b| b.value > value && b.value <= 1000.0 && b.value.fract() == 0.0) {
                    value /= b.value;
                    e = b.e;
                    after_tok = b.next;
                    unit = None;
                }
            }
        }
        // --- years: four plain digits
        if range.is_none() && num.plain_int && num.digits == 4 && cur.is_none() && unit.is_none() && !negative {
            let y = num.value;
            let prev = if k > 0 { self.low(k - 1) } else { "" };
            let year_word = matches!(prev, "in" | "since" | "from" | "between" | "until" | "till" | "by" | "of" | "circa" | "c." | "during" | "and" | "to" | "year" | "before" | "after" | "early" | "late" | "mid" | "summer" | "winter" | "spring" | "autumn" | "fall" | "fiscal" | "end");
            let next_plural = self.toks.get(after_tok).is_some_and(|t| t.kind == Kind::Word && context::is_plural(&t.low) && text.get(t.s..t.e).is_some_and(|w| w.starts_with(|c: char| c.is_lowercase())) && !t.low.ends_with("'s"));
            if bound.is_none() && ((1900.0..=2100.0).contains(&y) && (!next_plural || year_word) || ((1000.0..1900.0).contains(&y) || (2100.0..=2200.0).contains(&y)) && year_word) {
                self.push_typed(FigureKind::Year, num.s, num.e, y);
                return num.next;
            }
        }
        // --- counted noun phrase (no unit): "26 protesters", "dozens of people"
        q.s = if range.is_some() && range_intro.is_some() && k > 0 { self.toks[k - 1].s } else { pre_s };
        q.e = e;
        q.value = value;
        q.after = after_tok;
        q.first = k;
        // "measured the quake at magnitude 7.0": the context is read around "magnitude"
        if magnitude_pre && unit.as_ref().is_some_and(|u| u.0 == "magnitude") {
            q.first = k - 1;
        }
        if let Some((n, w, c)) = unit {
            q.unit = Some(n);
            q.unit_text = if w.is_empty() { None } else { Some(w) };
            q.class = Some(c);
        } else {
            let mut j = after_tok;
            // "a third of the population", "1/16 of a pint", "two of the victims":
            // the noun after the determiner
            let partitive = num.words && matches!(self.low(j + 1), "the" | "its" | "their" | "his" | "her" | "our" | "these" | "those");
            let partitive = partitive && self.low(j) == "of";
            if self.low(j) == "of" && (num.words && num.mult || value < 1.0 || partitive) {
                j += 1;
                while matches!(self.low(j), "the" | "its" | "their" | "all" | "his" | "her" | "a" | "an" | "our" | "these" | "those") {
                    j += 1;
                }
            }
            // "1/16 of a pint", "a quarter of an hour": a fraction of a unit
            let fraction_unit = if j > after_tok && value > 0.0 && value < 1.0 {
                self.qualified_unit(j).filter(|(_, u, _)| matches!(u.class, UnitClass::Measure | UnitClass::Time))
            } else {
                None
            };
            if let Some((_, u, w)) = fraction_unit {
                q.unit = Some(u.norm.to_string());
                q.unit_text = Some(w);
                q.class = Some(u.class);
            } else {
                // "one of the best speakers" has a plural head; "one proposal" not
                self.count_np(&mut q, j, value > 0.0 && value <= 1.0 && !partitive);
            }
            if q.np.is_none() && q.unit.is_none() {
                let integer = value.fract() == 0.0 && (1.0..=120.0).contains(&value);
                let next_content = self.toks.get(after_tok).is_some_and(|t| t.kind == Kind::Word && !tables::is_stopword(&t.low) && !matches!(t.low.as_ref(), "last" | "next" | "this" | "a" | "an"));
                // "she turned 40", "he will be 35 by then": a person's age
                let verb = if k > 0 { self.low(k - 1) } else { "" };
                let person = |i: usize| matches!(self.low(i), "he" | "she" | "i");
                let age = integer && !next_content && k >= 2 && match verb {
                    "is" | "was" | "turned" | "turns" | "turning" => person(k - 2),
                    "be" => k >= 3 && person(k - 3) && matches!(self.low(k - 2), "will" | "would" | "to"),
                    _ => false,
                };
                // "life expectancy in the region is about 71": an age in years
                let life_expectancy = integer && (k.saturating_sub(10)..k).any(|b| self.low(b) == "life" && matches!(self.low(b + 1), "expectancy" | "expectancies"));
                // "a day or two", "another pick or two": the noun before "or" is counted
                let or_noun = (num.words && !next_content && k >= 3 && self.low(k - 1) == "or" && matches!(self.low(k - 3), "a" | "an" | "another" | "one"))
                    .then(|| &self.toks[k - 2])
                    .filter(|t| t.kind == Kind::Word && !tables::is_stopword(&t.low) && !context::is_plural(&t.low) && t.low.len() > 1);
                if age || life_expectancy {
                    q.unit = Some("year of age".to_string());
                    // a life expectancy is about the expectancy, not a person
                    q.class = Some(if age { UnitClass::Age } else { UnitClass::Measure });
                } else if let Some(t) = or_noun {
                    if let Some((_, u)) = self.unit_at(t.s, false).filter(|(ue, _)| *ue == t.e) {
                        q.unit = Some(u.norm.to_string());
                        q.class = Some(u.class);
                    } else {
                        q.unit = Some(t.low.to_string());
                    }
                } else if let Some((n, c, was_change)) = self.prev_unit.clone() {
                    // "reached 113 gigapascals, while diamonds score between 50 and 70", "2
                    // percent, B fell by 1": a bare number takes the measure of the figure
                    // before it in the sentence; not a level after a change ("rose 8% to 3.65")
                    let level_after_change = was_change && matches!(if k > 0 { self.low(k - 1) } else { "" }, "to" | "at");
                    // ("38.4% of the vote and 112 of the 300 seats": a part of a whole takes
                    // the whole's unit, see `inherit_partitive_units`)
                    let is_num = |j: usize| self.toks.get(j).is_some_and(|t| t.kind == Kind::Num);
                    let partitive = self.low(after_tok) == "of" && (is_num(after_tok + 1) || self.low(after_tok + 1) == "the" && is_num(after_tok + 2));
                    if matches!(c, UnitClass::Measure | UnitClass::Pct) && !next_content && !level_after_change && !partitive && range_intro.as_deref() != Some("from") {
                        q.unit = Some(n);
                        q.class = Some(c);
                    } else if level_after_change && !next_content && self.prev_points {
                        // "A fell 1% to 3,410 points, B lost 2% to 902": index levels in points
                        q.unit = Some("point".to_string());
                        q.class = Some(UnitClass::Measure);
                    }
                }
            }
            if q.np.is_none() && q.unit.is_none() {
                // "Smith, 45," apposition age
                if k > 0 && self.low(k - 1) == "," && self.low(after_tok) == "," && (1.0..=120.0).contains(&value) && value.fract() == 0.0 && k >= 2 {
                    let pw = &self.toks[k - 2];
                    if pw.kind == Kind::Word && !tables::is_stopword(&pw.low) {
                        q.unit = Some("year of age".to_string());
                        q.class = Some(UnitClass::Age);
                    }
                }
            }
        }
        // --- bounds
        let nonneg = !matches!(q.unit.as_deref(), Some("celsius" | "fahrenheit" | "degree")) && change.is_none() && value >= 0.0;
        // a range carries its own bounds; "about 25–40" stays an approximation
        let approx_range = range.is_some() && matches!(bound, Some(Bound::About | Bound::Near));
        if range.is_some() {
            bound = None;
        }
        q.bound = bound;
        q.range = range.map(|[a, b]| if a <= b { [a, b] } else { [b, a] });
        q.interval = Some(match q.range {
            Some([a, b]) => bounds::range(a, b),
            None => bounds::bounds(value, bound.unwrap_or(Bound::Exact), nonneg),
        });
        q.change = Some(change.unwrap_or_else(|| if approx_range { "~" } else { bound.map(Bound::change).unwrap_or("=") }));
        if let Some([a, b]) = q.range {
            q.value = (a + b) / 2.0;
        }
        let next = q.after.max(num.next);
        self.finish(q);
        next
    }

    /// A duration that is a prison term: a sentencing word just before it ("jailed for",
    /// "sentenced to", "prosecutors sought", "terms of") or a prison phrase right after it
    /// ("in prison", "behind bars", "sentence").
    fn is_prison_term(&self, q: &Quantity) -> bool {
        const STRONG: &[&str] = &["sentenced", "sentencing", "jailed", "jails", "jail", "imprisoned", "imprisonment", "prison", "sentence", "sentences", "term", "terms"];
        const WEAK: &[&str] = &["sought", "seeks", "seeking", "faces", "facing", "face", "demanded", "requested"];
        let words_before = || (q.first.saturating_sub(4)..q.first).rev().take_while(|&k| self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)).map(|k| self.low(k));
        let a = q.after;
        let after = matches!((self.low(a), self.low(a + 1)), ("in", "prison" | "jail" | "custody") | ("behind", "bars") | ("of", "imprisonment" | "prison" | "jail") | ("prison" | "jail", "term" | "sentence"))
            || matches!(self.low(a), "sentence" | "imprisonment");
        // "prosecutors had sought 12 years": only where prison was just mentioned
        let prison_near = || {
            let from = q.s.saturating_sub(300);
            let from = (from..q.s).find(|&b| self.text().is_char_boundary(b)).unwrap_or(q.s);
            self.text().get(from..q.s).is_some_and(|h| {
                let h = h.to_ascii_lowercase();
                h.contains("prison") || h.contains("jail") || h.contains("sentenc")
            })
        };
        after || words_before().any(|w| STRONG.contains(&w)) || words_before().any(|w| WEAK.contains(&w)) && prison_near()
    }

    /// "profit fell 12% to $3.4bn", "shares rose 5 cents to $4.10": a money or measure
    /// figure right after " to " a change figure of the sentence is the level the changed
    /// thing reached: (concept, about) of that change.
    fn level_of_change(&self, q: &Quantity) -> Option<(String, String)> {
        if !matches!(q.class, Some(UnitClass::Money | UnitClass::Measure | UnitClass::Pct)) || q.np.is_some() {
            return None;
        }
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        if !matches!(prev.change.as_str(), "up" | "down") || prev.end as usize > q.s || prev.about.is_empty() {
            return None;
        }
        let gap = self.text().get(prev.end as usize..q.s)?;
        matches!(gap, " to " | ", to " | " to a " | " to an ").then(|| (prev.concept.clone(), prev.about.clone()))
    }

    /// For a bare count with an event ("... and 31 wounded", "... and injuring 310"), the
    /// unit and concept of the count it is coordinated with: the previous figure of the
    /// sentence, a count of a noun with its own event, joined by "and" or a comma with no
    /// other number between.
    fn elliptical_count(&self, q: &Quantity, has_event: bool, concept: &str) -> Option<(String, String)> {
        // "killing five people and wounding 12 others": "others" names no noun of its own
        let others = q.np.is_some_and(|(a, b)| b == a + 1 && matches!(self.low(a), "others" | "more"));
        if !has_event || q.np.is_some() && !others || q.class.is_some() || !concept.is_empty() && !others || q.unit.is_some() && !others {
            return None;
        }
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        if prev.event.is_none() || prev.concept.is_empty() || prev.end as usize > q.s {
            return None;
        }
        let unit = prev.unit.clone()?;
        let gap = self.text().get(prev.end as usize..q.s)?;
        let joined = gap.len() <= 48 && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '(' | ')')) && (gap.contains(" and ") || gap.starts_with(", ") || gap.starts_with(" and"));
        joined.then(|| (unit, prev.concept.clone()))
    }

    /// A bare count that restates the count before it: its earlier value ("the toll rose to
    /// 17 from 12") or a part of it ("1,300 people were rescued, 450 of them children"):
    /// (unit, concept, event) of that count, the part's own noun when it names one.
    fn restated_count(&self, q: &Quantity) -> Option<(Option<String>, String, String)> {
        if q.np.is_some() || q.unit.is_some() || q.class.is_some() || q.vague {
            return None;
        }
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        let event = prev.event.clone()?;
        if prev.end as usize > q.s {
            return None;
        }
        let gap = self.text().get(prev.end as usize..q.s)?;
        if gap == " from " {
            return Some((prev.unit.clone(), prev.concept.clone(), event));
        }
        // "215 new cases overnight, bringing the total to 8,940": a running total of the same
        // event (not of the same noun: the total is not new cases)
        if gap.len() <= 64 && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':')) {
            let g = gap.trim_end().to_ascii_lowercase();
            let verb = ["bringing", "taking", "raising", "pushing", "lifting", "brings", "takes", "raises", "pushes"].iter().any(|v| g.contains(v));
            let total = [" the total", " the toll", " the tally", " the death toll", " the number", " the count"].iter().any(|w| g.contains(w));
            if verb && total && g.ends_with(" to") {
                return Some((None, String::new(), event));
            }
        }
        let clean = gap.len() <= 48 && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '(' | ')'));
        let part = clean && (gap.ends_with(", ") || gap.ends_with(" and ")) && self.low(q.after) == "of" && matches!(self.low(q.after + 1), "them" | "whom" | "those");
        if !part {
            return None;
        }
        match self.toks.get(q.after + 2).filter(|t| t.kind == Kind::Word && context::is_plural(&t.low) && !tables::is_stopword(&t.low)) {
            Some(t) => Some((Some(context::singular(&t.low)), self.text().get(t.s..t.e).unwrap_or("").to_string(), event)),
            None => Some((prev.unit.clone(), prev.concept.clone(), event)),
        }
    }

    /// The event of the count a count is included in: "300 passengers, including 45
    /// children", "40 people were killed, among them 12 children".
    fn including_event(&self, q: &Quantity) -> Option<String> {
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        let event = prev.event.clone()?;
        let gap = self.text().get(prev.end as usize..q.s)?;
        if gap.len() > 40 || gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '(' | ')')) {
            return None;
        }
        // the gap after the head count's phrase ends with the including words
        let tail = gap.rsplit(',').next().unwrap_or(gap).trim();
        let ok = gap.contains(',') && ["including", "among them", "among whom", "among those", "among which"].iter().any(|l| tail.eq_ignore_ascii_case(l));
        ok.then_some(event)
    }

    /// Fills concept, event, time and attribution and pushes the figure.
    fn finish(&mut self, mut q: Quantity) {
        if self.doc.in_furniture(&(q.s..q.e)) {
            return;
        }
        let text = self.text();
        // a conversion in brackets takes the qualifier of the figure it converts:
        // "just under 296 hp (224 kW)", "cooled by 2 to 3 degrees Celsius (3.6 to 5.4 F)"
        let mut inherited_concept = None;
        let mut inherited_about = None;
        if let Some((le, lb, li)) = self.last {
            let (lc, lconcept, labout) = self.out.get(li).map_or(("=", "", ""), |f| (f.change.as_str(), f.concept.as_str(), f.about.as_str()));
            let gap = text.get(le..q.s).unwrap_or("x");
            let conversion = matches!(gap, " (" | "(" | " [" | " / " | "/");
            if conversion && q.np.is_none() && !lconcept.is_empty() {
                inherited_concept = Some(lconcept.to_string());
            }
            // "came back at 4 ppb and 2 ppb": a figure joined to the one before shares its about
            // (a dash must stand alone: "four-, five- and six-cylinder" are suspended hyphens)
            let joined = q.np.is_none() && !gap.starts_with(['-', '–', '—']) && !gap.trim().is_empty() && gap.split_whitespace().all(|w| matches!(w, "-" | "–" | "—" | "and" | "or" | "to" | "at" | "end" | "close" | "closed" | "finish" | "finished" | "settle" | "settled" | "wide" | "long" | "high" | "deep" | "tall" | "thick"));
            if conversion && q.np.is_none() || joined {
                // "four fillets (1lb)": the counted noun is what the conversion is about
                inherited_about = [labout, lconcept].into_iter().find(|a| !a.is_empty()).map(str::to_string);
            }
            if conversion && q.bound.is_none() && q.change == Some("=") && !q.vague {
                if let Some(b) = lb.filter(|_| q.range.is_none()) {
                    let nonneg = q.value >= 0.0;
                    q.interval = Some(bounds::bounds(q.value, b, nonneg));
                    q.bound = Some(b);
                }
                q.change = match lc {
                    "up" => Some("up"),
                    "down" => Some("down"),
                    ">" => Some(">"),
                    "<" => Some("<"),
                    "~" => Some("~"),
                    _ => Some("="),
                };
            }
        }
        let is_count = q.class.is_none();
        // "profit fell 12% to $3.4bn": a level reached by a change has its concept and about
        let level_of_change = self.level_of_change(&q);
        let share_for = if q.class == Some(UnitClass::Pct) { context::share_for(text, self.toks, q.after) } else { None };
        // an area takes the events of land: "the fire has burned 30,000 acres"
        let area = q.class == Some(UnitClass::Measure) && matches!(q.unit.as_deref(), Some("acre" | "hectare" | "square kilometre" | "square mile" | "square metre" | "square foot"));
        let count_event = if is_count || q.vague {
            context::event_of(self.text(), self.toks, q.first, q.np, q.after)
                .map(|e| if e == "burned" { context::burned_count(self.toks, q.np) } else { e })
        } else if area {
            context::event_of(self.text(), self.toks, q.first, None, q.after).filter(|e| matches!(*e, "burned" | "destroyed" | "damaged" | "affected"))
        } else {
            None
        };
        // the clause subject is the last resort of both concept and about: computed once
        let mut subject: Option<String> = None;
        let mut clause_subject = |first: usize| subject.get_or_insert_with(|| context::clause_subject(text, self.toks, first)).clone();
        // what a measure is about, also the concept's fallback: computed once
        let mut measured: Option<Option<String>> = None;
        let toks = self.toks;
        let mut measure_about = || measured.get_or_insert_with(|| context::measure_about(text, toks, q.first, q.attr_after.unwrap_or(q.after), q.class)).clone();
        let concept = if let Some((a, b)) = q.np {
            context::words_text(text, self.toks, a, b)
        } else if let Some(c) = inherited_concept {
            c
        } else if is_count && (count_event.is_some() || q.vague) {
            // "26 were injured": the sentence does not say who
            String::new()
        } else if q.class == Some(UnitClass::Age) {
            // "a 50-year-old man", "Smith, 45,"
            let nt = self.toks.get(q.after);
            if nt.is_some_and(|t| t.kind == Kind::Word && !tables::is_stopword(&t.low)) {
                context::words_text(text, self.toks, q.after, q.after + 1)
            } else {
                context::measure_words(text, self.toks, q.first, q.after, false, true).unwrap_or_else(|| clause_subject(q.first))
            }
        } else if let Some(c) = level_of_change.as_ref().map(|l| l.0.clone()) {
            c
        } else if let Some(c) = share_for.clone() {
            c
        } else if q.class == Some(UnitClass::Time) && self.is_prison_term(&q) {
            // "jailed for 8 years", "sentenced to eight years in prison", "a 15-year
            // sentence": one concept whatever the wording, so that terms are compared
            "prison sentence".to_string()
        } else {
            // "in NP" names what money is spent on ("$1bn in aid"), not what a percentage
            // or a count measures ("fell 6.5% in early trading"); the subject of the verb
            // that governs the figure before the subject of the whole clause ("Norvane said
            // its profit fell 12%")
            let money = q.class == Some(UnitClass::Money);
            context::measure_words(text, self.toks, q.first, q.after, false, money)
                .or_else(|| if q.class.is_some() { measure_about().filter(|s| !s.is_empty()) } else { None })
                .unwrap_or_else(|| clause_subject(q.first))
        };
        let about = match q.np {
            Some((_, b)) if is_count => context::count_about(text, self.toks, q.first, b),
            Some(_) => concept.clone(),
            None => {
                if let Some(a) = inherited_about {
                    a
                } else if let Some((_, a)) = level_of_change {
                    a
                } else if let Some(a) = share_for {
                    a
                } else if concept.is_empty() && is_count && (count_event.is_some() || q.vague) {
                    concept.clone()
                } else if q.class == Some(UnitClass::Age) {
                    context::age_about(text, self.toks, q.first, q.after).unwrap_or_else(|| clause_subject(q.first))
                } else {
                    measure_about().unwrap_or_else(|| clause_subject(q.first))
                }
            }
        };
        // "Apple's revenue" is about "Apple revenue"
        let about = if about.contains("'s") || about.contains("’s") { strip_possessives(&about) } else { about };
        let event = count_event.map(str::to_string);
        // "600 soldiers and 150 boats were deployed": the event after the second of two
        // joined counts is the first's too
        if let (Some(ev), Some(_)) = (&event, q.np) {
            let start = self.base;
            if let Some(prev) = self.out.get_mut(start..).and_then(|o| o.iter_mut().rev().find(|f| f.kind == FigureKind::Quantity)) {
                let counted = prev.unit_text.is_some() && prev.unit_text.as_deref() == Some(prev.concept.as_str());
                if counted && prev.event.is_none() && text.get(prev.end as usize..q.s) == Some(" and ") {
                    prev.event = Some(ev.clone());
                }
            }
        }
        // "killing 57 people and injuring 310", "9 civilians were killed and 31 wounded": the
        // second count of a coordination counts the noun of the first
        let (concept, about) = match self.elliptical_count(&q, count_event.is_some(), &concept) {
            Some((unit, c)) => {
                q.unit = Some(unit);
                (c, String::new())
            }
            None => (concept, about),
        };
        // (a part with an event of its own keeps it: "80 protesters, 12 of whom were charged")
        let (concept, about, event) = match (event.is_none() || concept.is_empty() && q.unit.is_none()).then(|| self.restated_count(&q)).flatten() {
            Some((unit, c, ev)) => {
                q.unit = unit;
                (c, String::new(), event.or(Some(ev)))
            }
            None => (concept, about, event),
        };
        // "126 people on board, including 7 crew", "killing 40 people, including 12 children":
        // the included count shares the event of the count it is part of
        let event = if event.is_none() && is_count { self.including_event(&q) } else { event };
        self.last = Some((q.e, q.bound, self.out.len()));

        if self.times.is_none() {
            self.times = Some(context::times_in(text, self.toks));
        }
        let time = self.times.as_deref().and_then(|ts| context::nearest_time(ts, q.first));
        if self.attribution.is_none() {
            self.attribution = Some(context::attribution_of(text, self.toks));
        }
        let attribution = self.attribution.clone().flatten();
        if let (Some(u), Some(c)) = (&q.unit, q.class) {
            self.prev_unit = Some((u.clone(), c, matches!(q.change, Some("up" | "down"))));
            self.prev_points |= u == "point" && c == UnitClass::Measure && !matches!(q.change, Some("up" | "down"));
        } else if q.class.is_none() && q.unit.is_some() {
            // a count came last: a bare number after it continues the count, not an
            // earlier measure ("a magnitude 7.1 quake killed 212 people and injured 1,400")
            self.prev_unit = None;
        }
        let iv = q.interval.unwrap_or(bounds::bounds(q.value, Bound::Exact, true));
        self.out.push(Figure {
            start: q.s as u32,
            end: q.e as u32,
            text: text.get(q.s..q.e).unwrap_or("").to_string(),
            sentence: self.doc.sentence_of(q.s),
            kind: FigureKind::Quantity,
            value: q.value,
            low: iv.low,
            high: iv.high,
            low_inclusive: iv.low_inclusive,
            high_inclusive: iv.high_inclusive,
            range: q.range,
            change: q.change.unwrap_or("=").to_string(),
            unit: q.unit,
            unit_text: q.unit_text,
            concept,
            about,
            event,
            time,
            attribution,
            ..Figure::default()
        });
    }
}

#[cfg(test)]
mod tests;
