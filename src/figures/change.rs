//! Change: `up`/`down` when a rise/fall verb governs the amount ("rose 5%", "fell by 3",
//! "up 2%", "5% higher"); `~` for an average.

use super::tables::{self, UnitClass};
use super::tokens::Kind;
use super::{FigureKind, Reading, Sentence};

impl<'a, 'b> Sentence<'a, 'b> {
    /// A rise/fall verb before the amount ("rose 5%", "fell by 3", "grow sales by 35 per
    /// cent"), "averaged", and a bare "by" that continues the direction of the figure before.
    pub(super) fn change_before(&self, r: &mut Reading) {
        {
            let mut c = r.k;
            // "by a further 3%", "by another 2 points", "by an additional 40"
            let mut b = c;
            while b > 0 && c - b < 2 && matches!(self.low(b - 1), "a" | "an" | "another" | "further" | "additional" | "extra") {
                b -= 1;
            }
            if b > 0 && b < c && self.low(b - 1) == "by" && matches!(self.low(c - 1), "another" | "further" | "additional" | "extra") {
                c = b;
            }
            if c > 0 && self.low(c - 1) == "by" {
                c -= 1;
            }
            // (a share, or points of one: "by 50 basis points", "by two percentage points")
            let pct = self.text().get(r.num.e..).is_some_and(|t| {
                t.starts_with('%')
                    || t.starts_with(" per cent")
                    || t.starts_with(" percent")
                    || t.strip_prefix("pc").is_some_and(|x| !x.starts_with(char::is_alphabetic))
                    || [" basis point", " percentage point", " point", " bps", "bps", " bp ", "bp "].iter().any(|p| t.starts_with(p))
            });
            if c > 0 {
                if let Some(ch) = tables::change_word(self.low(c - 1)) {
                    // "up" before a currency or number: "up 5%", "rose 5%"; not "gave up"
                    let phrasal = matches!(self.low(c - 1), "up" | "down")
                        && c >= 2
                        && matches!(self.low(c - 2), "gave" | "give" | "gives" | "giving" | "given" | "set" | "sets" | "took" | "take" | "picked" | "pick" | "made" | "make" | "put" | "puts" | "turned" | "turn" | "signed" | "sign" | "stepped" | "shut" | "lined" | "backed" | "broke" | "break" | "wound" | "showed" | "show" | "shot" | "shoots" | "shooting" | "brought" | "bring" | "knocked" | "tracked" | "hunted" | "gunned" | "mowed" | "cut" | "cuts" | "cutting" | "called" | "handed" | "played" | "rounded" | "locked" | "sealed" | "tied" | "blew" | "blown");
                    if !phrasal {
                        r.change = Some(ch);
                    }
                } else if c == r.k && c >= 2 && pct {
                    // "raised prices 8%", "cut its workforce 10%": a verb that moves its
                    // object, right before the object and a percentage
                    for b in (c.saturating_sub(3)..c).rev() {
                        let w = self.low(b);
                        if let Some(ch) = moving_verb(w).filter(|_| b + 1 < c) {
                            r.change = Some(ch);
                            break;
                        }
                        let det = matches!(w, "the" | "its" | "their" | "his" | "her" | "our");
                        if self.toks[b].kind != Kind::Word || !det && tables::is_stopword(w) {
                            break;
                        }
                    }
                } else if c < r.k && c >= 2 {
                    // "grow sales by 35 per cent", "cut the risk of death by 23%": a
                    // rise/fall verb a few words before "by", past the object it moves
                    for b in (c.saturating_sub(6)..c).rev() {
                        let w = self.low(b);
                        if self.toks[b].kind != Kind::Word || w == "to" {
                            break;
                        }
                        // (a verb that moves its object gives a relative change only: "cuts
                        // costs by €1bn" is the saving, the same fact as "saves €1bn")
                        if let Some(ch) = tables::change_word(w).filter(|_| !matches!(w, "up" | "down" | "higher" | "lower")).or_else(|| moving_verb(w).filter(|_| pct)) {
                            r.change = Some(ch);
                            break;
                        }
                    }
                }
            }
        }
        // "averaged 7.3 points", "averaging 15.9 degrees": an average is approximate
        if r.change.is_none() && r.bound.is_none() && r.k > 0 && matches!(self.low(r.k - 1), "averaged" | "averaging" | "averages") {
            r.change = Some("~");
        }
        // "A fell 2%, B by 3%": a bare "by" continues the direction of the figure before
        if r.change.is_none() && r.k > 0 && self.low(r.k - 1) == "by" {
            if let Some(prev) = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity) {
                if matches!(prev.change.as_str(), "up" | "down") && prev.sentence == self.doc.sentence_of(r.num.s) {
                    r.change = if prev.change == "up" { Some("up") } else { Some("down") };
                }
            }
        }
    }

    /// "5% higher", "12 cents lower": a change written after the amount.
    pub(super) fn change_after(&self, r: &mut Reading) {
        // "12 cents lower", "40 points higher" (but "2 metres higher than the wall" compares)
        let moved_unit = r.unit.as_ref().is_some_and(|u| u.2 == UnitClass::Pct || matches!(u.2, UnitClass::Money | UnitClass::Measure) && self.low(r.after_tok + 1) != "than");
        if r.change.is_none() && matches!(self.low(r.after_tok), "higher" | "lower") && moved_unit {
            r.change = Some(if self.low(r.after_tok) == "higher" { "up" } else { "down" });
        }
    }
}

/// The direction of a verb that moves its object by an amount ("raised its dividend by 5%",
/// "cut the risk by 23%", "lifted output 3%"), in any form (generated from the lemmas).
/// Only for a percentage or points of one: "raised $40m" is money raised, not a rise, and "cut costs by
/// €1bn" names the saving.
fn moving_verb(w: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    const UP: &[&str] = &["raise", "increase", "boost", "lift", "hike", "grow", "expand", "widen"];
    const DOWN: &[&str] = &["cut", "reduce", "lower", "trim", "slash", "shrink", "narrow", "decrease", "lessen", "curb", "pare"];
    let t = T.get_or_init(|| {
        let mut m = HashMap::new();
        for (lemmas, ch) in [(UP, "up"), (DOWN, "down")] {
            for l in lemmas {
                for f in crate::lexicon::forms::verb_forms(l) {
                    m.entry(f).or_insert(ch);
                }
            }
        }
        m
    });
    t.get(w).copied()
}
