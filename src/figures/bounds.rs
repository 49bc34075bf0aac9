//! Qualifiers to bounds: the ONE place where the interval a qualified number allows is
//! written down. Every other part of the figure extractor asks [`bounds`] for the interval.
//!
//! | qualifier (examples)                              | interval            | change |
//! |---------------------------------------------------|---------------------|--------|
//! | none: "26"                                        | [v, v]              | `=`    |
//! | `Gt`: more than, over, above, in excess of        | (v, ∞)              | `>`    |
//! | `Ge`: at least, no fewer than, "or more"          | [v, ∞)              | `>`    |
//! | `Lt`: less than, fewer than, under, below         | [floor, v)          | `<`    |
//! | `Le`: up to, as many as, at most, no more than    | [floor, v]          | `<`    |
//! | `Near`: nearly, almost, close to, just shy of     | [v − 10 %, v)       | `~`    |
//! | `About`: about, around, some, roughly, an estimated | [v − 10 %, v + 10 %] | `~`  |
//! | vague word: "several", "scores", "a handful" (see `vague_quantities.tsv`) | [lo, hi] | `~` |
//! | magnitude plural: "dozens" [12, 120], "hundreds" [100, 1000] (same file) | [lo, hi] | `=` |
//! | explicit range: "between 20 and 30", "20–30"      | [lo, hi]            | `=`    |
//!
//! `floor` is 0 when the quantity cannot be negative (counts of people or things, money,
//! percentages of a whole, lengths, durations: every unit class except temperatures and
//! changes), and unbounded (`None`) otherwise. The band widths are [`NEAR_BAND`] and
//! [`ABOUT_BAND`]. For a negative value the bands are mirrored so low ≤ high.

/// How far below the stated value "nearly"/"almost" may go: 10 % of it.
pub const NEAR_BAND: f64 = 0.10;
/// The relative half-width of the band for "about"/"around"/"roughly": ±10 %.
pub const ABOUT_BAND: f64 = 0.10;

/// The kind of bound a qualifier puts on a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    Gt,
    Ge,
    Lt,
    Le,
    Near,
    About,
}

impl Bound {
    /// Parses the bound names used in `qualifiers.tsv`.
    pub fn from_name(s: &str) -> Option<Bound> {
        Some(match s {
            "gt" => Bound::Gt,
            "ge" => Bound::Ge,
            "lt" => Bound::Lt,
            "le" => Bound::Le,
            "near" => Bound::Near,
            "about" => Bound::About,
            "exact" => Bound::Exact,
            _ => return None,
        })
    }

    /// NewsQuant's change symbol for this bound.
    pub fn change(self) -> &'static str {
        match self {
            Bound::Exact => "=",
            Bound::Gt | Bound::Ge => ">",
            Bound::Lt | Bound::Le => "<",
            Bound::Near | Bound::About => "~",
        }
    }
}

/// An interval: `low`/`high` (`None` = unbounded) and whether each end is included.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

/// The interval a number `v` with bound `b` allows. `nonneg` says the quantity cannot be
/// negative (then "less than"/"up to" start at 0 rather than being unbounded below).
pub fn bounds(v: f64, b: Bound, nonneg: bool) -> Interval {
    let floor = if nonneg && v >= 0.0 { Some(0.0) } else { None };
    let half = (v * ABOUT_BAND).abs();
    let (lo_band, hi_band) = (v - half, v + half);
    match b {
        Bound::Exact => Interval { low: Some(v), high: Some(v), low_inclusive: true, high_inclusive: true },
        Bound::Gt => Interval { low: Some(v), high: None, low_inclusive: false, high_inclusive: false },
        Bound::Ge => Interval { low: Some(v), high: None, low_inclusive: true, high_inclusive: false },
        Bound::Lt => Interval { low: floor, high: Some(v), low_inclusive: floor.is_some(), high_inclusive: false },
        Bound::Le => Interval { low: floor, high: Some(v), low_inclusive: floor.is_some(), high_inclusive: true },
        Bound::Near => {
            let d = (v * NEAR_BAND).abs();
            Interval { low: Some(v - d), high: Some(v), low_inclusive: true, high_inclusive: v == 0.0 }
        }
        Bound::About => Interval { low: Some(lo_band), high: Some(hi_band), low_inclusive: true, high_inclusive: true },
    }
}

/// The interval of an explicit range or a vague quantity `[lo, hi]` (both ends included).
pub fn range(lo: f64, hi: f64) -> Interval {
    let (a, b) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    Interval { low: Some(a), high: Some(b), low_inclusive: true, high_inclusive: true }
}

/// Largest magnitude a figure may have (value, bounds, range ends): 10^300. A double holds
/// up to about 1.8 × 10^308; unit conversions multiply by at most a few thousand and
/// intervals add at most a few figures, so nothing derived from a figure this size can
/// overflow to an infinity (which JSON would write as `null`, read as "unbounded").
pub const MAX_MAGNITUDE: f64 = 1e300;

/// True when every number of `f` is finite and at most [`MAX_MAGNITUDE`]: figures that are
/// not ("999…9" with 309 digits, "1 followed by 309 zeros") are refused, never reported
/// with `null` or NaN where the Report promises a number; `input::warnings` tells the
/// person why.
pub fn representable(f: &crate::report::Figure) -> bool {
    let ok = |x: f64| x.is_finite() && x.abs() <= MAX_MAGNITUDE;
    ok(f.value) && f.low.map_or(true, ok) && f.high.map_or(true, ok) && f.range.map_or(true, |[a, b]| ok(a) && ok(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_open_bounds() {
        let i = bounds(26.0, Bound::Exact, true);
        assert_eq!((i.low, i.high), (Some(26.0), Some(26.0)));
        let i = bounds(26.0, Bound::Ge, true);
        assert_eq!((i.low, i.high, i.low_inclusive), (Some(26.0), None, true));
        let i = bounds(3800.0, Bound::Gt, true);
        assert_eq!((i.low, i.high, i.low_inclusive), (Some(3800.0), None, false));
        let i = bounds(30.0, Bound::Le, true);
        assert_eq!((i.low, i.high, i.high_inclusive), (Some(0.0), Some(30.0), true));
        let i = bounds(30.0, Bound::Lt, false);
        assert_eq!((i.low, i.high, i.high_inclusive), (None, Some(30.0), false));
    }

    #[test]
    fn bands() {
        let i = bounds(4000.0, Bound::Near, true);
        assert_eq!((i.low, i.high, i.high_inclusive), (Some(3600.0), Some(4000.0), false));
        let i = bounds(2300.0, Bound::About, true);
        assert!((i.low.unwrap() - 2070.0).abs() < 1e-9 && (i.high.unwrap() - 2530.0).abs() < 1e-9);
        let i = bounds(-10.0, Bound::About, false);
        assert!(i.low.unwrap() < i.high.unwrap());
    }

    #[test]
    fn changes_and_names() {
        assert_eq!(Bound::from_name("gt").map(Bound::change), Some(">"));
        assert_eq!(Bound::from_name("le").map(Bound::change), Some("<"));
        assert_eq!(Bound::from_name("about").map(Bound::change), Some("~"));
        assert_eq!(Bound::from_name("nope"), None);
        assert_eq!(range(30.0, 20.0).low, Some(20.0));
    }
}
