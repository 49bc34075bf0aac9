//! Amounts in two currencies: never one fact (a currency is its own dimension), but tied
//! side by side when the text gives the rate between them:
//! - a conversion in brackets right after an amount ("€4.6bn ($5bn)", "£40m (about
//!   $51m)"), which also ties the two facts those figures are in;
//! - a rate stated outright ("$1 = 0.92 euros", "1 euro is worth $1.08").
//!
//! With a rate, a fact in one currency and a fact in the other that count the same thing
//! (or that a bracket ties) are linked ([`crate::report::Fact::currency_links`]), placed
//! next to each other, and the verdict says whether they fit once converted at that rate,
//! the rate taken with the rounding of the figures it was read from.
//!
//! Linear: rates come from neighbouring figures, facts are indexed by currency, and each
//! fact tries a bounded number of candidates.

use super::interval::Interval;
use super::*;

/// Most candidate facts of the other currency a fact is tried against.
const MAX_CANDIDATES: usize = 8;

/// True when `dim` is a currency.
pub(crate) fn is_currency(dim: &str) -> bool {
    crate::figures::units::base(dim).is_some_and(|b| b.currency)
}

/// A rate read from the text: `to` per `from`, as an interval.
#[derive(Debug, Clone)]
pub(crate) struct Rate {
    pub topic: usize,
    pub from: String,
    pub to: String,
    pub rate: Interval,
    /// The figure ids of a bracketed conversion (amount, converted), when it is one.
    pub pair: Option<(usize, usize)>,
}

/// `b / a` for positive intervals (`None` when either is not bounded above zero).
fn ratio(b: &Interval, a: &Interval) -> Option<Interval> {
    let (al, ah, bl, bh) = (a.lo?, a.hi?, b.lo?, b.hi?);
    if al <= 0.0 || bl <= 0.0 {
        return None;
    }
    Some(Interval { lo: Some(bl / ah), hi: Some(bh / al), lo_inc: true, hi_inc: true })
}

/// `iv * r` for a positive rate (`None` ends stay unbounded).
fn times(iv: &Interval, r: &Interval) -> Interval {
    let (rl, rh) = (r.lo.unwrap_or(0.0), r.hi.unwrap_or(f64::INFINITY));
    Interval { lo: iv.lo.map(|x| x * if x >= 0.0 { rl } else { rh }), hi: iv.hi.map(|x| x * if x >= 0.0 { rh } else { rl }).filter(|x| x.is_finite()), lo_inc: true, hi_inc: true }
}

/// Words between two amounts that state a rate ("$1 = 0.92 euros").
const RATE_WORDS: [&str; 8] = ["=", "equals", "is worth", "was worth", "equal to", "is equal to", "buys", "bought"];

/// Words that may open a bracketed conversion ("(about $5bn)").
const ABOUT: [&str; 7] = ["", "about", "around", "roughly", "some", "nearly", "approximately"];

/// The rates the text gives, from neighbouring money figures of one document.
pub(crate) fn rates(docs: &[TextDoc], items: &[Item], figures: &[Figure]) -> Vec<Rate> {
    let mut out = Vec::new();
    for w in items.windows(2) {
        let [a, b] = w else { continue };
        if a.doc != b.doc || a.dim == b.dim || !is_currency(&a.dim) || !is_currency(&b.dim) {
            continue;
        }
        let (Some(fa), Some(fb), Some(doc)) = (figures.get(a.idx), figures.get(b.idx), crate::reading::doc_of(docs, a.doc)) else { continue };
        let between = doc.text.get(fa.end as usize..fb.start as usize).unwrap_or("");
        if between.len() > 24 {
            continue;
        }
        let folded = lexicon::fold(between);
        let t = folded.trim();
        let bracket = t.strip_prefix('(').is_some_and(|x| ABOUT.contains(&x.trim())) && doc.text.get(fb.end as usize..).is_some_and(|x| x.trim_start().starts_with(')'));
        let stated = RATE_WORDS.contains(&t);
        if !(bracket || stated) {
            continue;
        }
        // A rate stated outright is per one unit exactly ("$1"); its other side, and both
        // sides of a conversion, allow what rounds to them.
        let side = |x: &Item| if stated && interval::same(x.value, 1.0) { x.iv } else { x.round };
        let Some(rate) = ratio(&side(b), &side(a)) else { continue };
        out.push(Rate { topic: a.topic, from: a.dim.to_string(), to: b.dim.to_string(), rate, pair: bracket.then_some((a.id, b.id)) });
    }
    out
}

/// What [`link`] reads of a fact.
pub(crate) struct Money<'a> {
    pub topic: usize,
    pub dim: &'a str,
    pub concept: Option<&'a Concept>,
    pub allowed: Interval,
    pub figures: &'a [usize],
    /// The first figure's text as written ("200 million euros").
    pub text: &'a str,
}

/// Pairs of facts (positions in `facts`, the first ranked first) giving one amount in two
/// currencies, with the sentence for the first one's verdict.
pub(crate) fn link(facts: &[Money], rates: &[Rate]) -> Vec<(usize, usize, String)> {
    if rates.is_empty() {
        return Vec::new();
    }
    // Facts by (topic, currency); the fact of each figure id.
    let mut by_cur: Map<(usize, &str), Vec<usize>> = Map::default();
    let mut fact_of: Map<usize, usize> = Map::default();
    let mut linked: Vec<bool> = vec![false; facts.len()];
    for (p, m) in facts.iter().enumerate() {
        if is_currency(m.dim) {
            by_cur.entry((m.topic, m.dim)).or_default().push(p);
            for &id in m.figures {
                fact_of.insert(id, p);
            }
        }
    }
    // One rate per (topic, from, to): the widest the text allows, both ways; the rates
    // from each currency in the order first read.
    let mut table: Map<(usize, &str), Vec<(&str, Interval)>> = Map::default();
    for r in rates {
        let inv = Interval { lo: r.rate.hi.map(|h| 1.0 / h), hi: r.rate.lo.map(|l| 1.0 / l), lo_inc: true, hi_inc: true };
        for (f, t, iv) in [(r.from.as_str(), r.to.as_str(), r.rate), (r.to.as_str(), r.from.as_str(), inv)] {
            let v = table.entry((r.topic, f)).or_default();
            match v.iter_mut().find(|x| x.0 == t) {
                Some(e) => {
                    e.1.lo = e.1.lo.zip(iv.lo).map(|(x, y)| x.min(y));
                    e.1.hi = e.1.hi.zip(iv.hi).map(|(x, y)| x.max(y));
                }
                None => v.push((t, iv)),
            }
        }
    }
    let rate_of = |topic: usize, from: &str, to: &str| table.get(&(topic, from)).and_then(|v| v.iter().find(|x| x.0 == to)).map(|x| x.1);
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut add = |p: usize, q: usize, pairs: &mut Vec<(usize, usize)>| {
        let (p, q) = (p.min(q), p.max(q));
        if p != q && linked.get(p) == Some(&false) && linked.get(q) == Some(&false) {
            for x in [p, q] {
                if let Some(l) = linked.get_mut(x) {
                    *l = true;
                }
            }
            pairs.push((p, q));
        }
    };
    // Facts a bracket ties.
    for r in rates {
        if let Some((a, b)) = r.pair {
            if let (Some(&p), Some(&q)) = (fact_of.get(&a), fact_of.get(&b)) {
                add(p, q, &mut pairs);
            }
        }
    }
    // Facts of one thing in two currencies with a rate between them, whose amounts fit.
    for (p, m) in facts.iter().enumerate() {
        if !is_currency(m.dim) || m.concept.is_none() {
            continue;
        }
        for &(to, r) in table.get(&(m.topic, m.dim)).map_or(&[][..], |v| v.as_slice()) {
            let Some(cands) = by_cur.get(&(m.topic, to)) else { continue };
            let conv = times(&m.allowed, &r);
            if let Some(&q) = cands.iter().take(MAX_CANDIDATES).find(|&&q| facts.get(q).is_some_and(|o| o.concept == m.concept && o.allowed.intersect(&conv).is_some())) {
                add(p, q, &mut pairs);
            }
        }
    }
    pairs
        .into_iter()
        .filter_map(|(p, q)| {
            let (a, b) = (facts.get(p)?, facts.get(q)?);
            let r = rate_of(a.topic, a.dim, b.dim)?;
            let conv = times(&a.allowed, &r);
            let fits = conv.intersect(&b.allowed).is_some();
            let mid = |iv: &Interval| match (iv.lo, iv.hi) {
                (Some(l), Some(h)) => Some((l + h) / 2.0),
                (l, h) => l.or(h),
            };
            let rate = mid(&r).map(|x| format!("1 {} = {} {}", a.dim, fmt_rate(x), b.dim)).unwrap_or_default();
            let said = b.text.trim();
            let s = if fits {
                format!("also given in {} ({said}), which fits at the rate the text gives ({rate})", b.dim)
            } else {
                format!("also given in {} ({said}), which does not fit at the rate the text gives ({rate}: {})", b.dim, compact(&conv))
            };
            Some((p, q, s))
        })
        .collect()
}

/// An interval in words a reader takes in: three significant digits, "million" and
/// "billion" ("4.55–4.65 billion").
fn compact(iv: &Interval) -> String {
    let top = iv.hi.or(iv.lo).unwrap_or(0.0).abs();
    let (div, word) = if top >= 1e9 { (1e9, " billion") } else if top >= 1e6 { (1e6, " million") } else { (1.0, "") };
    let f = |x: f64| fmt_rate(x / div);
    let body = match (iv.lo, iv.hi) {
        (Some(l), Some(h)) if fmt_rate(l / div) == fmt_rate(h / div) => f(l),
        (Some(l), Some(h)) => format!("{}–{}", f(l), f(h)),
        (Some(l), None) => format!("at least {}", f(l)),
        (None, Some(h)) => format!("at most {}", f(h)),
        (None, None) => "any amount".to_string(),
    };
    body + word
}

/// A rate with three significant digits ("0.92", "1.09", "157").
fn fmt_rate(x: f64) -> String {
    if !x.is_finite() || x <= 0.0 {
        return fmt_num(x);
    }
    let digits = (2 - x.log10().floor() as i32).max(0) as usize;
    let s = format!("{x:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_amounts_read_in_three_digits() {
        assert_eq!(fmt_rate(1.0869565), "1.09");
        assert_eq!(fmt_rate(0.92), "0.92");
        assert_eq!(fmt_rate(157.34), "157");
        let iv = |lo: f64, hi: f64| Interval { lo: Some(lo), hi: Some(hi), lo_inc: true, hi_inc: true };
        assert_eq!(compact(&iv(4.55e9, 4.65e9)), "4.55–4.65 billion");
        assert_eq!(compact(&iv(2.17e8, 2.17e8)), "217 million");
        // The rate of a conversion carries the rounding of both amounts.
        let r = ratio(&iv(4.95, 5.05), &iv(4.55, 4.65)).expect("rate");
        assert!(r.lo.is_some_and(|l| (l - 4.95 / 4.65).abs() < 1e-12) && r.hi.is_some_and(|h| (h - 5.05 / 4.55).abs() < 1e-12));
        assert!(ratio(&iv(1.0, 2.0), &iv(0.0, 1.0)).is_none());
        assert_eq!(times(&iv(10.0, 20.0), &iv(2.0, 3.0)).lo, Some(20.0));
    }
}
