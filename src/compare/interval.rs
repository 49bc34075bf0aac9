//! Interval logic for comparing figures: a figure allows an interval of values (bounds may
//! be open or missing); two figures agree when their intervals are identical, are
//! consistent when a common value exists, conflict when not. Also the consensus: the
//! point allowed by the most sources, and the interval they all allow.

/// An interval of allowed values; `None` ends are unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: Option<f64>,
    pub hi: Option<f64>,
    pub lo_inc: bool,
    pub hi_inc: bool,
}

/// Relative tolerance for "equal" values (floating point after unit conversion).
const EPS: f64 = 1e-9;

/// True when `a` and `b` are equal within a relative tolerance.
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= EPS * a.abs().max(b.abs()).max(1.0)
}

impl Interval {
    /// A single exact value.
    pub fn exact(v: f64) -> Self {
        Interval { lo: Some(v), hi: Some(v), lo_inc: true, hi_inc: true }
    }

    /// True when `p` lies in the interval.
    pub fn contains(&self, p: f64) -> bool {
        let lo_ok = match self.lo {
            None => true,
            Some(l) => p > l && !same(p, l) || self.lo_inc && same(p, l),
        };
        let hi_ok = match self.hi {
            None => true,
            Some(h) => p < h && !same(p, h) || self.hi_inc && same(p, h),
        };
        lo_ok && hi_ok
    }

    /// True when both intervals allow exactly the same values.
    pub fn identical(&self, o: &Interval) -> bool {
        let eq = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (None, None) => true,
            (Some(x), Some(y)) => same(x, y),
            _ => false,
        };
        eq(self.lo, o.lo)
            && eq(self.hi, o.hi)
            && (self.lo.is_none() || self.lo_inc == o.lo_inc)
            && (self.hi.is_none() || self.hi_inc == o.hi_inc)
    }

    /// The intersection of two intervals, or `None` when they share no value.
    pub fn intersect(&self, o: &Interval) -> Option<Interval> {
        let (lo, lo_inc) = match (self.lo, o.lo) {
            (None, None) => (None, true),
            (Some(a), None) => (Some(a), self.lo_inc),
            (None, Some(b)) => (Some(b), o.lo_inc),
            (Some(a), Some(b)) => {
                if same(a, b) {
                    (Some(a), self.lo_inc && o.lo_inc)
                } else if a > b {
                    (Some(a), self.lo_inc)
                } else {
                    (Some(b), o.lo_inc)
                }
            }
        };
        let (hi, hi_inc) = match (self.hi, o.hi) {
            (None, None) => (None, true),
            (Some(a), None) => (Some(a), self.hi_inc),
            (None, Some(b)) => (Some(b), o.hi_inc),
            (Some(a), Some(b)) => {
                if same(a, b) {
                    (Some(a), self.hi_inc && o.hi_inc)
                } else if a < b {
                    (Some(a), self.hi_inc)
                } else {
                    (Some(b), o.hi_inc)
                }
            }
        };
        let r = Interval { lo, hi, lo_inc, hi_inc };
        match (lo, hi) {
            (Some(l), Some(h)) if same(l, h) => (lo_inc && hi_inc).then_some(r),
            (Some(l), Some(h)) if l > h => None,
            _ => Some(r),
        }
    }
}

/// The intersection of all intervals, or `None` when they have no common value.
pub fn intersect_all(items: &[Interval]) -> Option<Interval> {
    let mut it = items.iter();
    let mut acc = *it.next()?;
    for i in it {
        acc = acc.intersect(i)?;
    }
    Some(acc)
}

/// The candidate points where coverage can change: every bound, and a point between and
/// beyond each pair of consecutive bounds.
fn candidate_points(items: &[Interval]) -> Vec<f64> {
    let mut bounds: Vec<f64> = items.iter().flat_map(|i| [i.lo, i.hi]).flatten().filter(|x| x.is_finite()).collect();
    crate::sort::floats(&mut bounds);
    bounds.dedup_by(|a, b| same(*a, *b));
    let mut pts = Vec::with_capacity(bounds.len() * 2 + 2);
    if let (Some(first), Some(last)) = (bounds.first(), bounds.last()) {
        pts.push(first - first.abs().max(1.0));
        pts.push(last + last.abs().max(1.0));
    } else {
        pts.push(0.0);
    }
    for w in bounds.windows(2) {
        if let [a, b] = w {
            pts.push((a + b) / 2.0);
        }
    }
    pts.extend(bounds);
    pts
}

/// The largest set of groups (e.g. documents) that allow a common value: `groups[i]` is
/// the group of `items[i]`; a group is covered at a point when any of its items contains
/// it. Returns the covered groups (sorted) and the indices of the items that contain the
/// point, or `None` when the best coverage is tied between different sets of groups (no
/// majority to name) or the input is empty.
pub fn best_cover(items: &[Interval], groups: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    if items.len() > 64 {
        return best_cover_sweep(items, groups);
    }
    best_cover_plain(items, groups)
}

/// [`best_cover`] point by point, for few items.
fn best_cover_plain(items: &[Interval], groups: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut best: Option<(Vec<usize>, Vec<usize>)> = None;
    let mut tied = false;
    for p in candidate_points(items) {
        let members: Vec<usize> = (0..items.len()).filter(|&i| items.get(i).is_some_and(|x| x.contains(p))).collect();
        let mut gs: Vec<usize> = members.iter().filter_map(|&i| groups.get(i).copied()).collect();
        crate::sort::plain(&mut gs);
        gs.dedup();
        if gs.is_empty() {
            continue;
        }
        match &best {
            None => best = Some((gs, members)),
            Some((bg, bm)) => {
                if gs.len() > bg.len() || (gs.len() == bg.len() && gs == *bg && members.len() > bm.len()) {
                    tied = false;
                    best = Some((gs, members));
                } else if gs.len() == bg.len() && gs != *bg {
                    tied = true;
                }
            }
        }
    }
    if tied {
        None
    } else {
        best
    }
}

/// Formats a number for a note: thousands separators, no needless decimals.
/// [`best_cover`] for many items, in O(n log n): each item covers a contiguous run of the
/// sorted candidate points; a sweep over the points keeps, per group, how many of its
/// items are active, and a hash of the set of covered groups. Ties: the best coverage is
/// tied when two different sets of groups reach the largest number of groups.
fn best_cover_sweep(items: &[Interval], groups: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut pts = candidate_points(items);
    crate::sort::floats(&mut pts);
    pts.dedup();
    let n = pts.len();
    // Per point index: items starting and ending there.
    let mut start_at: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    let mut end_at: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
    for (i, it) in items.iter().enumerate() {
        // Points a..b are those not below the lower bound and not above the upper bound;
        // only the ones equal to an open bound are left out (checked at the ends).
        let a = pts.partition_point(|&p| it.lo.is_some_and(|l| p < l && !same(p, l)));
        let b = pts.partition_point(|&p| it.hi.map_or(true, |h| p < h || same(p, h)));
        let a = (a..b).find(|&k| pts.get(k).is_some_and(|&p| it.contains(p)));
        if let Some(a) = a {
            let b = (a..b).rev().find(|&k| pts.get(k).is_some_and(|&p| it.contains(p))).unwrap_or(a);
            if let (Some(s), Some(e)) = (start_at.get_mut(a), end_at.get_mut(b + 1)) {
                s.push(i);
                e.push(i);
            }
        }
    }
    let mix = |g: usize| -> u64 {
        let mut x = (g as u64).wrapping_add(0x9e37_79b9_7f4a_7c15);
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    };
    let mut active: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let (mut covered, mut members, mut hash) = (0usize, 0usize, 0u64);
    // Best: (groups covered, set hash, members, point index); tied when another set of
    // groups reaches the same count.
    let mut best: Option<(usize, u64, usize, usize)> = None;
    let mut tied = false;
    for k in 0..n {
        for &i in end_at.get(k).map(Vec::as_slice).unwrap_or(&[]) {
            let g = groups.get(i).copied().unwrap_or(usize::MAX);
            members -= 1;
            if let Some(c) = active.get_mut(&g) {
                *c -= 1;
                if *c == 0 {
                    covered -= 1;
                    hash ^= mix(g);
                }
            }
        }
        for &i in start_at.get(k).map(Vec::as_slice).unwrap_or(&[]) {
            let g = groups.get(i).copied().unwrap_or(usize::MAX);
            members += 1;
            let c = active.entry(g).or_insert(0);
            *c += 1;
            if *c == 1 {
                covered += 1;
                hash ^= mix(g);
            }
        }
        if covered == 0 {
            continue;
        }
        match best {
            None => best = Some((covered, hash, members, k)),
            Some((bc, bh, bm, _)) => {
                if covered > bc {
                    tied = false;
                    best = Some((covered, hash, members, k));
                } else if covered == bc && hash == bh {
                    if members > bm {
                        best = Some((covered, hash, members, k));
                    }
                } else if covered == bc {
                    tied = true;
                }
            }
        }
    }
    if tied {
        return None;
    }
    let (_, _, _, k) = best?;
    let p = *pts.get(k)?;
    let members: Vec<usize> = (0..items.len()).filter(|&i| items.get(i).is_some_and(|x| x.contains(p))).collect();
    let mut gs: Vec<usize> = members.iter().filter_map(|&i| groups.get(i).copied()).collect();
    crate::sort::plain(&mut gs);
    gs.dedup();
    Some((gs, members))
}

pub fn fmt_num(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if (x - x.round()).abs() < 1e-9 && x.abs() < 1e15 {
        let n = x.round() as i64;
        let s = n.unsigned_abs().to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if n < 0 {
            out.insert(0, '-');
        }
        out
    } else {
        let s = format!("{:.3}", x);
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Describes an interval in words; `integral` turns open integer bounds into closed ones
/// ("more than 3,800" and "fewer than 4,000" allow 3,801–3,999).
pub fn describe(i: &Interval, integral: bool) -> String {
    let (mut lo, mut hi, mut lo_inc, mut hi_inc) = (i.lo, i.hi, i.lo_inc, i.hi_inc);
    if integral {
        if let Some(l) = lo {
            if !lo_inc && (l - l.round()).abs() < 1e-9 {
                lo = Some(l.round() + 1.0);
                lo_inc = true;
            } else if lo_inc {
                lo = Some(l.ceil());
            } else {
                lo = Some(l.ceil());
                lo_inc = true;
            }
        }
        if let Some(h) = hi {
            if !hi_inc && (h - h.round()).abs() < 1e-9 {
                hi = Some(h.round() - 1.0);
                hi_inc = true;
            } else {
                hi = Some(h.floor());
                hi_inc = true;
            }
        }
    }
    match (lo, hi) {
        (Some(l), Some(h)) if same(l, h) => fmt_num(l),
        (Some(l), Some(h)) => {
            if lo_inc && hi_inc {
                format!("{}–{}", fmt_num(l), fmt_num(h))
            } else {
                format!(
                    "{} {} and {} {}",
                    if lo_inc { "at least" } else { "more than" },
                    fmt_num(l),
                    if hi_inc { "at most" } else { "less than" },
                    fmt_num(h)
                )
            }
        }
        (Some(l), None) => format!("{} {}", if lo_inc { "at least" } else { "more than" }, fmt_num(l)),
        (None, Some(h)) => format!("{} {}", if hi_inc { "at most" } else { "less than" }, fmt_num(h)),
        (None, None) => "any value".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(lo: Option<f64>, hi: Option<f64>, lo_inc: bool, hi_inc: bool) -> Interval {
        Interval { lo, hi, lo_inc, hi_inc }
    }

    #[test]
    fn open_bounds_matter() {
        let more_than = iv(Some(3800.0), None, false, false);
        assert!(!more_than.contains(3800.0));
        assert!(more_than.contains(3801.0));
        let at_least = iv(Some(26.0), None, true, false);
        assert!(at_least.contains(26.0));
        assert!(Interval::exact(70.0).intersect(&iv(Some(70.0), None, false, false)).is_none());
        let nearly = iv(Some(3600.0), Some(4000.0), true, false);
        let both = more_than.intersect(&nearly).expect("overlap");
        assert_eq!(describe(&both, true), "3,801–3,999");
    }

    #[test]
    fn sweep_cover_matches_point_by_point() {
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..200 {
            let n = 5 + (round % 40) as usize * 3;
            let mut items = Vec::new();
            let mut groups = Vec::new();
            for _ in 0..n {
                let a = next(60) as f64;
                let b = a + next(20) as f64;
                let lo = if next(6) == 0 { None } else { Some(a) };
                let hi = if next(6) == 0 { None } else { Some(b) };
                items.push(Interval { lo, hi, lo_inc: next(3) > 0, hi_inc: next(3) > 0 });
                groups.push(next(12) as usize);
            }
            let plain = best_cover_plain(&items, &groups);
            let sweep = best_cover_sweep(&items, &groups);
            match (&plain, &sweep) {
                (Some(p), Some(s)) => assert_eq!(p.0.len(), s.0.len(), "{items:?}"),
                (None, None) => {}
                // The point-by-point scan may forget a tie seen before a better point of
                // the same set; both agree whenever the best set is unique.
                (Some(_), None) => {}
                (None, Some(s)) => panic!("sweep found {s:?} where the plain scan found a tie: {items:?} {groups:?}"),
            }
        }
    }

    #[test]
    fn best_cover_finds_majority_and_ties() {
        let items = [Interval::exact(26.0), Interval::exact(26.0), Interval::exact(30.0)];
        let (groups, members) = best_cover(&items, &[0, 1, 2]).expect("majority");
        assert_eq!(groups, vec![0, 1]);
        assert_eq!(members, vec![0, 1]);
        let tie = [Interval::exact(1.0), Interval::exact(2.0)];
        assert!(best_cover(&tie, &[0, 1]).is_none());
    }

    #[test]
    fn numbers_format() {
        assert_eq!(fmt_num(3800.0), "3,800");
        assert_eq!(fmt_num(1234567.0), "1,234,567");
        assert_eq!(fmt_num(2.5), "2.5");
        assert_eq!(fmt_num(-1000.0), "-1,000");
    }
}
