//! Two numbers read as one figure: ranges ("between X and Y", "from X to Y", "X-Y",
//! "three or four", "$3 billion to $5 billion") and ratios ("one in five", "3 out of 4").

use super::tables::UnitClass;
use super::tokens::Kind;
use super::{numbers, FigureKind, Reading, Sentence};

impl<'a, 'b> Sentence<'a, 'b> {
    /// Ranges: "X to Y", "X-Y", "between X and Y", "from X to Y", "three or four". Two years
    /// ("1990-1993") are pushed as years: then the token to continue at.
    pub(super) fn range_after(&mut self, r: &mut Reading) -> Option<usize> {
        let text = self.text();
        r.range = None;
        let tok_after_num = r.after_tok;
        // "from $36,040 on Monday to $34,935": a few words may separate "from X" and "to Y"
        if r.range_intro.as_deref() == Some("from") && self.low(r.after_tok) != "to" {
            let mut k2 = r.after_tok;
            while k2 < r.after_tok + 6
                && self.toks.get(k2).is_some_and(|t| {
                    let abbrev_dot = t.low == "." && k2 > 0 && self.toks[k2 - 1].kind == Kind::Word && self.toks[k2 - 1].low.len() == 1;
                    !matches!(t.low.as_ref(), "," | ";" | "." | "to" | "(" | ")" | "and" | "from" | "-" | "–" | "—") || abbrev_dot
                })
            {
                k2 += 1;
            }
            if self.low(k2) == "to" && self.toks.get(k2 + 1).is_some_and(|t| t.kind == Kind::Num || t.kind == Kind::Punct) {
                r.after_tok = k2;
            }
        }
        // "1.3 A/cm2 to 0.03 A/cm2": a unit the tables do not know, written compactly
        // right after both numbers, makes "N unit to N unit" a range all the same
        let mut unknown_unit: Option<&str> = None;
        if r.unit.is_none() && r.cur.is_none() && (r.change.is_none() || r.range_intro.is_some()) {
            let a = tok_after_num;
            let mut k2 = a;
            while k2 < a + 4 && self.toks.get(k2).is_some_and(|t| t.low != "to" && (k2 == a && t.kind != Kind::Num || k2 > a && text.get(self.toks[k2 - 1].e..t.s) == Some(""))) {
                k2 += 1;
            }
            if k2 > a && self.low(k2) == "to" {
                let gap = text.get(r.e..self.toks[a].s).unwrap_or("");
                let w = text.get(self.toks[a].s..self.toks[k2 - 1].e).unwrap_or("");
                // (a symbol, not a word: "A/cm2", "mg/L", "MWh", never "widgets")
                let symbol = w.bytes().any(|b| b.is_ascii_alphabetic()) && w.bytes().any(|b| !b.is_ascii_lowercase());
                let again = self.toks.get(k2 + 1).filter(|t| t.kind == Kind::Num).and_then(|t| text.get(t.e..)).and_then(|r| r.strip_prefix(' ')).is_some_and(|r| r.starts_with(w));
                if gap == " " && symbol && again && w.len() <= 12 {
                    unknown_unit = Some(w);
                    r.after_tok = k2;
                }
            }
        }
        let year_start = r.num.plain_int && r.num.digits == 4 && r.unit.is_none() && r.cur.is_none() && (1800.0..=2100.0).contains(&r.num.value);
        // "an 8- to 16-metre mirror": a dangling hyphen before "to" (the unit is the far end's)
        if self.toks.get(r.after_tok).is_some_and(|t| t.low == "-" && t.s == r.e) && self.low(r.after_tok + 1) == "to" {
            r.after_tok += 1;
        }
        // "between 800 million euros ($843 million) and 1.2 billion euros": a conversion in
        // brackets after the near end
        if r.range_intro.is_some() && self.low(r.after_tok) == "(" {
            if let Some(close) = (r.after_tok + 1..r.after_tok + 10).find(|&k| self.low(k) == ")") {
                if matches!(self.low(close + 1), "and" | "to") {
                    r.after_tok = close + 1;
                }
            }
        }
        let conn = self.toks.get(r.after_tok).map(|t| t.low.as_ref()).unwrap_or("");
        // "a 4-5 vote" is a tally of two counts, not a range
        let tally = super::find::is_tally_noun(self.low(r.after_tok + 2));
        let conn_ok = match conn {
            "-" | "–" | "—" => !tally && self.toks.get(r.after_tok).is_some_and(|t| t.s == r.e || text.get(r.e..t.s) == Some(" ")),
            // after a rise/fall verb "to" gives the new level ("rose 5% to $84"), unless
            // the amount has no unit of its own ("fell by 1 to 1.5 degrees")
            "to" => r.change.is_none() || r.range_intro.is_some() || r.unit.is_none(),
            "and" => r.range_intro.as_deref() == Some("between"),
            // "three or four years", "3 or 4 km": two numbers, the second larger
            "or" => r.num.words || r.num.plain_int && self.toks.get(r.after_tok + 1).is_some_and(|t| t.kind == Kind::Num),
            _ => false,
        };
        if conn_ok {
            let j = r.after_tok + 1;
            // "in 2008 to 29 mpg": a year does not start a range of something else
            let b_is_year = self.toks.get(j).is_some_and(|t| t.kind == Kind::Num && t.low.len() == 4 && t.low.bytes().all(|b| b.is_ascii_digit()));
            let j = if year_start && !b_is_year { usize::MAX } else { j };
            let b_num = match self.toks.get(j).map(|t| t.kind) {
                Some(Kind::Num) => numbers::digits_at(text, self.toks, j, self.european),
                Some(Kind::Word) => numbers::words_at(text, self.toks, j),
                Some(Kind::Punct) => {
                    // "$3 billion to $5 billion"
                    let jt = &self.toks[j];
                    let signed = matches!(jt.low.as_ref(), "-" | "−") && self.toks.get(j + 1).is_some_and(|t| t.kind == Kind::Num && t.s == jt.e);
                    if self.currency_before(self.toks.get(j + 1).map(|t| t.s).unwrap_or(0)).is_some_and(|c| c.0 == jt.s) {
                        numbers::digits_at(text, self.toks, j + 1, self.european)
                    } else if signed && (r.negative || r.range_intro.is_some()) {
                        // "from -18 to -34 °C": a negative far end (after a negative or
                        // "from"/"between": "5-10" stays a dash)
                        numbers::digits_at(text, self.toks, j + 1, self.european).map(|mut b| {
                            b.value = -b.value;
                            b
                        })
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
                    if r.cur.is_some() {
                        bv *= m;
                        b_end = ge;
                    }
                }
                let b_unit = self.unit_at(b_end, true);
                let b_cur = if b.words { None } else { self.currency_before(b.s) };
                let mut av = r.value;
                if !r.num.mult && b.mult && av.abs() < 1000.0 && av <= b.value / b.factor {
                    // "$89 to $93 billion", "1 to 2 thousand": B's multiplier applies to A
                    av = r.value * b.factor;
                }
                let is_dash = matches!(conn, "-" | "–" | "—");
                let ok = !(is_dash && bv < av) || r.range_intro.is_some();
                let b_norm = b_cur.map(|c| c.1).or(b_unit.map(|u| u.1.norm));
                let unit_conflict = match (&r.unit, b_norm) {
                    (Some(u), Some(bn)) => u.0 != bn && !u.0.starts_with(&format!("{bn} per")),
                    // ("raised the age by two years to 64": an amount "by" which something
                    // moved, then the level it reached)
                    (Some(_), None) => (r.change.is_some() || r.k > 0 && self.low(r.k - 1) == "by") && conn == "to",
                    (None, Some(_)) => b_cur.is_some() && r.cur.is_none(),
                    _ => false,
                } || conn == "or" && !(b.words == r.num.words && bv > av && bv < 1000.0);
                // years: "1990-1993", "between 2014 and 2017"
                let yearish = r.num.plain_int && r.num.digits == 4 && b.plain_int && b.digits == 4 && r.unit.is_none() && b_unit.is_none();
                if ok && !unit_conflict && !yearish {
                    if r.unit.is_none() {
                        if let Some((ue, u)) = b_unit {
                            let w = text.get(b_end..ue).unwrap_or("").trim().to_string();
                            r.unit = Some((u.norm.to_string(), w, u.class));
                            b_end = ue;
                        }
                    } else if let Some((ue, bu)) = b_unit {
                        if r.unit.as_ref().is_some_and(|u| u.0 == bu.norm) {
                            b_end = ue;
                        }
                    }
                    if let Some(w) = unknown_unit.filter(|_| r.unit.is_none()) {
                        r.unit = Some((w.to_string(), w.to_string(), UnitClass::Measure));
                        b_end += 1 + w.len();
                    } else if let Some((_, w, _)) = r.unit.as_ref().filter(|u| !u.1.is_empty() && u.0.contains(" per ")) {
                        // "from 5 kWh/kg to 7 kWh/kg": the whole unit again after the far end
                        let again = text.get(b_end..).map(|r| r.strip_prefix(' ').unwrap_or(r)).and_then(|r| r.strip_prefix(w.as_str()));
                        if let Some(r) = again.filter(|r| !r.starts_with(|c: char| c.is_alphanumeric())) {
                            b_end = text.len() - r.len();
                        }
                    }
                    r.range = Some([av, bv]);
                    r.value = av;
                    r.e = b_end;
                    if let Some((n, w, c)) = &mut r.unit {
                        if matches!(c, UnitClass::Money | UnitClass::Measure) && !n.contains(" per ") {
                            if let Some((end, dn)) = self.per_denominator(r.e) {
                                *n = format!("{n} per {dn}");
                                *w = format!("{w}{}", text.get(r.e..end).unwrap_or(""));
                                r.e = end;
                            }
                        }
                    }
                    r.after_tok = self.tok_after(r.e);
                } else if yearish && ok {
                    self.push_typed(FigureKind::Year, r.num.s, r.num.e, r.num.value);
                    self.push_typed(FigureKind::Year, b.s, b.e, b.value);
                    return Some(b.next);
                }
            }
        }
        None
    }

    /// Ratios: "one in five", "3 out of 4" become a fraction.
    pub(super) fn ratio(&self, r: &mut Reading) {
        let text = self.text();
        // ("as much as one in six staff": a ratio may be qualified)
        if r.range.is_none() && r.unit.is_none() && r.value > 0.0 && r.value.fract() == 0.0 {
            let (skip, ok) = match self.low(r.after_tok) {
                "in" => (1, true),
                "out" if self.low(r.after_tok + 1) == "of" => (2, true),
                _ => (0, false),
            };
            if ok {
                let j = r.after_tok + skip;
                let b = match self.toks.get(j).map(|t| t.kind) {
                    Some(Kind::Num) => numbers::digits_at(text, self.toks, j, self.european).filter(|b| b.plain_int && b.digits < 4),
                    Some(Kind::Word) => numbers::words_at(text, self.toks, j).filter(|b| !b.mult),
                    _ => None,
                };
                if let Some(b) = b.filter(|b| b.value > r.value && b.value <= 1000.0 && b.value.fract() == 0.0) {
                    r.value /= b.value;
                    r.e = b.e;
                    r.after_tok = b.next;
                    r.unit = None;
                }
            }
        }
    }
}
