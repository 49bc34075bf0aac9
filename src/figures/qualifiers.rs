//! Qualifiers and bounds of a number: what is written before it (currency, sign,
//! "more than", "about", "between"), after it ("or more", "-plus"), and the interval the
//! whole reading allows (through [`super::bounds`], where the band widths live).

use super::bounds::{self, Bound};
use super::tables::tables;
use super::{Reading, Sentence};

impl<'a, 'b> Sentence<'a, 'b> {
    /// Before the number: a currency sign or code ("$", "US$", "EUR", also after a
    /// minus sign), a sign ("-5", "+0.2%", "minus three"), a qualifier ("more than",
    /// "about", "sub-") and "between"/"from" opening a range.
    pub(super) fn read_before(&self, r: &mut Reading) {
        let text = self.text();
        r.cur = if r.num.words { None } else { self.currency_before(r.num.s) };
        let mut neg_after_currency = false;
        if r.cur.is_none() && !r.num.words && text.get(..r.num.s).is_some_and(|h| h.ends_with('-') || h.ends_with('−')) {
            let sign_len = text.get(..r.num.s).and_then(|h| h.chars().next_back()).map(char::len_utf8).unwrap_or(1);
            if let Some(c) = self.currency_before(r.num.s - sign_len) {
                if c.0 + 4 >= r.num.s - sign_len {
                    r.cur = Some(c);
                    neg_after_currency = true;
                }
            }
        }
        r.pre_s = r.cur.map(|c| c.0).unwrap_or(r.num.s);
        r.negative = false;
        let mut plus = false;
        if let Some(c) = text.get(self.start..r.pre_s).and_then(|h| h.chars().next_back()) {
            let before_sign = text.get(self.start..r.pre_s - c.len_utf8()).and_then(|h| h.chars().next_back());
            let free = before_sign.map_or(true, |b| b.is_whitespace() || matches!(b, '(' | '[' | ':' | '='));
            if matches!(c, '-' | '−' | '–') && free {
                r.negative = true;
                r.pre_s -= c.len_utf8();
            } else if c == '+' && free {
                plus = true;
                r.pre_s -= 1;
            }
        }
        r.k = self.tok_at(r.pre_s); // first token of what we have so far
        // signs in words: "minus three degrees", "inflation was negative 1.5 percent" (not
        // "tested negative 3 times")
        let tested = r.k > 1 && matches!(self.low(r.k - 2), "tested" | "test" | "tests" | "testing");
        let sign_word = |w: &str| w == "minus" || w == "negative" && !tested;
        if r.k > 0 && sign_word(self.low(r.k - 1)) || (r.k > 1 && self.low(r.k - 1) == "-" && self.low(r.k - 2) == "minus") {
            r.negative = true;
            r.k = if sign_word(self.low(r.k - 1)) { r.k - 1 } else { r.k - 2 };
            r.pre_s = self.toks[r.k].s;
        }
        if r.negative || neg_after_currency {
            r.value = -r.value;
        }
        r.bound = None;
        for qf in tables().qualifiers.iter().filter(|q| !q.post) {
            let n = qf.words.len();
            if r.k < n {
                continue;
            }
            if qf.words.iter().enumerate().all(|(o, w)| self.low(r.k - n + o) == *w) {
                // "some" and "over"/"under" as plain words: "over the years" never reaches
                // here; "some" only directly before a number
                r.bound = Some(qf.bound);
                r.k -= n;
                r.pre_s = self.toks[r.k].s;
                // "fell from a peak of 5.25 percent": the earlier level itself, exact
                if r.k > 0 && self.low(r.k - 1) == "from" && qf.words.iter().any(|w| matches!(*w, "maximum" | "peak" | "high" | "record" | "minimum" | "low")) {
                    r.bound = None;
                }
                break;
            }
        }
        // "sub-7 nanometre"
        if r.bound.is_none() && r.k >= 2 && self.low(r.k - 1) == "-" && self.low(r.k - 2) == "sub" && self.toks[r.k - 1].s == self.toks[r.k - 2].e {
            r.bound = Some(Bound::Lt);
            r.k -= 2;
            r.pre_s = self.toks[r.k].s;
        }
        r.range_intro = if r.k > 0 && matches!(self.low(r.k - 1), "between" | "from") { Some(self.low(r.k - 1).to_string()) } else { None };
        // "between the ages of 4 and 6"
        if r.range_intro.is_none() && r.k >= 4 && self.low(r.k - 1) == "of" && matches!(self.low(r.k - 2), "ages" | "age") && self.low(r.k - 3) == "the" && self.low(r.k - 4) == "between" {
            r.range_intro = Some("between".to_string());
        }
        if plus {
            r.change = Some("up");
        }
    }

    /// A qualifier after the number (and its unit): "or more", "-plus", "+".
    pub(super) fn post_qualifier(&self, r: &mut Reading) {
        let text = self.text();
        r.after_tok = self.tok_after(r.e);
        if r.bound.is_none() {
            let rest = text.get(r.e..).unwrap_or("");
            if rest.starts_with('+') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
                r.bound = Some(Bound::Ge);
                r.e += 1;
                r.after_tok = self.tok_after(r.e);
            } else if rest.starts_with("-plus") {
                r.bound = Some(Bound::Ge);
                r.e += 5;
                r.after_tok = self.tok_after(r.e);
            } else {
                for qf in tables().qualifiers.iter().filter(|q| q.post) {
                    // "50 percent plus one vote" is arithmetic, not "or more"
                    let sum = qf.words == ["plus"] && self.toks.get(r.after_tok + 1).is_some_and(|t| t.kind == super::tokens::Kind::Num || tables().word(&t.low).is_some());
                    if !sum && qf.words.iter().enumerate().all(|(o, w)| self.low(r.after_tok + o) == *w) {
                        // "or more" only when it closes the phrase
                        r.bound = Some(qf.bound);
                        r.e = self.toks[r.after_tok + qf.words.len() - 1].e;
                        r.after_tok += qf.words.len();
                        break;
                    }
                }
            }
        }
    }

    /// The interval and change symbol of the reading from its qualifier, range and change.
    pub(super) fn settle_bounds(&self, r: &mut Reading) {
        let nonneg = !matches!(r.q.unit.as_deref(), Some("celsius" | "fahrenheit" | "degree")) && r.change.is_none() && r.value >= 0.0;
        // "rain fell over 48 hours": "over" a duration is during it, not more than it ("for
        // over 48 hours", "in over two years" are more)
        if r.bound == Some(Bound::Gt) && self.low(r.k) == "over" && r.q.class == Some(super::tables::UnitClass::Time) {
            let before = if r.k > 0 { self.low(r.k - 1) } else { "" };
            if !matches!(before, "for" | "in" | "after" | "lasted" | "lasting" | "last" | "lasts" | "took" | "take" | "takes" | "spent" | "within" | "than" | "of" | "just" | "well" | "since") {
                r.bound = None;
                // (the verb before governs the event: "rain fell over 48 hours")
                r.change = None;
            }
        }
        // a range carries its own bounds; "about 25–40" stays an approximation
        let approx_range = r.range.is_some() && matches!(r.bound, Some(Bound::About | Bound::Near));
        if r.range.is_some() {
            r.bound = None;
        }
        r.q.bound = r.bound;
        r.q.range = r.range.map(|[a, b]| if a <= b { [a, b] } else { [b, a] });
        r.q.interval = Some(match (r.q.range, r.uncertainty) {
            (Some([a, b]), _) => bounds::range(a, b),
            // "2,000.45±0.01": the interval the uncertainty gives
            (None, Some(u)) if r.bound.is_none() => bounds::range(r.value - u, r.value + u),
            _ => bounds::bounds(r.value, r.bound.unwrap_or(Bound::Exact), nonneg),
        });
        r.q.change = Some(r.change.unwrap_or_else(|| if approx_range { "~" } else { r.bound.map(Bound::change).unwrap_or("=") }));
        if let Some([a, b]) = r.q.range {
            r.q.value = (a + b) / 2.0;
        }
    }
}
