//! Vague quantities: "dozens", "tens of thousands", "several hundred", "a handful" read
//! from `vague_quantities.tsv` into a range (magnitude plurals) or a band.

use super::tables::{self, tables, UnitClass};
use super::tokens::Kind;
use super::{bounds, context, Quantity, Sentence};

/// The words a vague quantity can start with (checked first by `vague_at`).
pub(crate) const VAGUE_FIRST: &[&str] = &["a", "several", "dozens", "scores", "hundreds", "thousands", "tens", "millions", "billions", "trillions", "single-digit", "double-digit", "triple-digit", "single", "double", "triple"];

impl<'a, 'b> Sentence<'a, 'b> {
    /// Vague quantities at word token `i` ("dozens", "tens of thousands", "several").
    pub(super) fn vague_at(&mut self, i: usize) -> Option<usize> {
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
        // "a few days", and after "of" a unit written out: "hundreds of miles", "tens of
        // millions of dollars" measure something (what, the clause says), they count no noun
        let measured = |(_, u): &(usize, &tables::Unit)| matches!(u.class, UnitClass::Time | UnitClass::Measure | UnitClass::Money);
        let of_unit = || {
            let of = self.toks.get(j.checked_sub(1)?).filter(|t| t.low == "of")?;
            self.unit_at(of.e, true).filter(|(u_end, _)| self.text().get(of.e..*u_end).is_some_and(|w| w.trim().len() > 2 && w.trim().chars().all(char::is_alphabetic)))
        };
        if let Some((u_end, u)) = self.unit_at(e, true).filter(measured).or_else(|| of_unit().filter(measured)) {
            // ("tens of millions of pounds" is money: see `pounds_sterling`)
            let sterling = q.range.is_some() && self.pounds_sterling(u.norm, u_end);
            q.unit = Some(if sterling { "pound sterling" } else { u.norm }.to_string());
            q.unit_text = self.text().get(e..u_end).map(|s| s.trim().trim_start_matches("of ").to_string());
            q.class = Some(if sterling { UnitClass::Money } else { u.class });
            q.e = u_end;
            q.after = self.tok_after(u_end);
        } else {
            self.count_np(&mut q, j, false);
        }
        self.finish(q);
        Some(self.out_next(j))
    }

    pub(super) fn out_next(&self, j: usize) -> usize {
        let last_e = self.own().last().map(|f| f.end as usize).unwrap_or(0);
        let mut k = j;
        while self.toks.get(k).is_some_and(|t| t.s < last_e) {
            k += 1;
        }
        k
    }
}
