//! (see the module docs of [`super`])

use super::*;

pub(crate) fn short_text(f: Option<&Figure>) -> String {
    let mut s = String::new();
    push_short_text(&mut s, f);
    s
}

/// Appends a figure's text with its whitespace collapsed, cut to 57 characters and "…"
/// when longer than 60.
pub(crate) fn push_short_text(out: &mut String, f: Option<&Figure>) {
    let t = f.map(|f| f.text.trim()).unwrap_or("");
    // ASCII text whose only whitespace is single spaces is its own collapsed form.
    if t.len() <= 60 && t.bytes().all(|b| b.is_ascii() && (b == b' ' || !char::from(b).is_whitespace())) && !t.contains("  ") {
        out.push_str(t);
        return;
    }
    let from = out.len();
    for (k, w) in t.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    let added = out.get(from..).unwrap_or("");
    if added.len() > 60 && added.chars().count() > 60 {
        let cut = added.char_indices().nth(57).map_or(added.len(), |(i, _)| i);
        out.truncate(from + cut);
        out.push('…');
    }
}

/// Sum of intervals (counts: a missing lower bound counts as 0).
pub(crate) fn sum_intervals(ivs: &[Interval]) -> Interval {
    let mut lo = Some(0.0);
    let mut hi = Some(0.0);
    let (mut lo_inc, mut hi_inc) = (true, true);
    for i in ivs {
        lo = lo.map(|a| a + i.lo.unwrap_or(0.0).max(0.0));
        lo_inc &= i.lo.is_none() || i.lo_inc;
        hi = match (hi, i.hi) {
            (Some(a), Some(b)) => Some(a + b),
            _ => None,
        };
        hi_inc &= i.hi_inc;
    }
    Interval { lo, hi, lo_inc, hi_inc: hi_inc || hi.is_none() }
}

/// Computes status, consensus, outliers, time order and the note of one fact.
pub(crate) fn judge(items: &[Item], members: &[usize], figures: &[Figure], doc_runs: &Map<usize, std::ops::Range<usize>>) -> Fact {
    let its: Vec<&Item> = members.iter().filter_map(|&i| items.get(i)).collect();
    let mut ivs: Vec<Interval> = its.iter().map(|i| i.round).collect();
    // The figures the status is judged on (parallel to `ivs` and `groups`).
    let mut judged: Vec<&Item> = its.clone();
    let mut groups: Vec<usize> = its.iter().map(|i| i.doc).collect();
    let n_docs = doc_count(items, members);
    let fig = |it: &Item| figures.get(it.idx);
    let integral = its.first().is_some_and(|i| i.dim == "count");

    // Parts and totals (step 7).
    let mut parts_note = String::new();
    if n_docs >= 2 && integral && intersect_all_ok(&ivs).is_none() {
        for (ti, t) in its.iter().enumerate() {
            if !t.total_cue {
                continue;
            }
            for (pi, p) in its.iter().enumerate() {
                if p.doc == t.doc || pi == ti {
                    continue;
                }
                let run = doc_runs.get(&p.doc).cloned().unwrap_or(0..0);
                let parts: Vec<&Item> = items
                    .get(run)
                    .unwrap_or(&[])
                    .iter()
                    .filter(|o| {
                        o.doc == p.doc
                            && o.dim == p.dim
                            && o.event == p.event
                            && o.event.is_some()
                            && o.sentence.abs_diff(p.sentence) <= 1
                            && (o.idx == p.idx || o.concept != p.concept || matches!(o.concept, Some(Concept::Head(_))) && o.words != p.words)
                    })
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let sum = sum_intervals(&parts.iter().map(|o| o.iv).collect::<Vec<_>>());
                if sum.intersect(&t.iv).is_some() {
                    if let Some(slot) = ivs.get_mut(pi) {
                        *slot = sum;
                    }
                    let list: Vec<String> = parts.iter().map(|o| fmt_num(o.value)).collect();
                    parts_note = format!(
                        " {} gives parts ({}) that add up to the total in {}.",
                        source_name(p.doc),
                        list.join(" + "),
                        source_name(t.doc)
                    );
                }
            }
        }
    }

    // A figure its own source updates at a later named time ("39 percent" at 23:30
    // Sunday, "41 percent" on Monday) is superseded: the status is judged without it.
    let superseded: Vec<bool> = if n_docs >= 2 && its.len() <= 64 { its.iter().map(|i| superseded_in(i, &its)).collect() } else { Vec::new() };
    if superseded.contains(&true) && superseded.contains(&false) {
        drop_marked(&mut judged, &superseded);
        drop_marked(&mut ivs, &superseded);
        drop_marked(&mut groups, &superseded);
    }
    // Agreement is judged on the figures as written (before rounding is granted), unless
    // parts replaced a figure.
    let all_identical = if parts_note.is_empty() {
        judged.windows(2).all(|w| matches!(w, [a, b] if a.iv.identical(&b.iv)))
    } else {
        ivs.windows(2).all(|w| matches!(w, [a, b] if a.identical(b)))
    };
    let common = intersect_all_ok(&ivs);
    let status = if n_docs < 2 {
        Status::Single
    } else if all_identical {
        Status::Agree
    } else if common.is_some() {
        Status::Consistent
    } else {
        Status::Conflict
    };
    let (mut consensus_iv, mut outliers) = match status {
        Status::Conflict => match interval::best_cover(&ivs, &groups) {
            Some((docs_in, members_in)) => {
                let sel: Vec<Interval> = members_in.iter().filter_map(|&i| ivs.get(i).copied()).collect();
                let mut outl: Vec<usize> = groups.iter().copied().filter(|d| docs_in.binary_search(d).is_err()).collect();
                crate::sort::plain(&mut outl);
                outl.dedup();
                (interval::intersect_all(&sel), outl)
            }
            None => (None, Vec::new()),
        },
        _ => (common, Vec::new()),
    };

    // Time (step 6).
    let on_scale = |s: u8| its.iter().filter(|i| i.time.is_some_and(|t| t.scale == s)).count();
    // (With no time named at all, the articles' own dates give the order, on the scale of dates.)
    let scale = match (on_scale(0), on_scale(1)) {
        (0, 0) if its.iter().any(|i| i.article_time.is_some()) => 1,
        (a, b) if a >= b => 0,
        _ => 1,
    };
    let mut times: Vec<f64> = its.iter().filter_map(|i| i.time.filter(|t| t.scale == scale).map(|t| t.pos)).collect();
    crate::sort::floats(&mut times);
    times.dedup_by(|a, b| (*a - *b).abs() < 0.2);
    // One dated report against undated ones: when the undated figures agree among
    // themselves and the dated ones all lie below them (or all above), the dated ones are
    // read as an earlier report of a tally.
    let is_dated = |i: &Item| i.time.is_some_and(|t| t.scale == scale);
    // (Only for counts: tallies grow as they are updated; a measure such as a wind speed
    // or a price is not a tally.)
    let split_by_time = status == Status::Conflict && integral && {
        let dated = || judged.iter().filter(|i| is_dated(i)).map(|i| i.value);
        let undated = || judged.iter().filter(|i| !is_dated(i)).map(|i| i.value);
        let undated_agree = interval::intersect_all(&judged.iter().zip(ivs.iter()).filter(|(i, _)| !is_dated(i)).map(|(_, v)| *v).collect::<Vec<_>>()).is_some();
        undated_agree
            && dated().next().is_some()
            && undated().next().is_some()
            && (all_below(dated(), undated()) || all_below(undated(), dated()))
    };
    let changing = n_docs + its.len() > 2
        && !all_identical
        && (times.len() >= 2 || split_by_time || (its.iter().any(|i| i.update) && its.len() >= 2));
    // A tally reported at two or more named times whose figures only rise with time (and
    // agree at any one time): the values conflict as written (the status stays what
    // interval logic says), but each source was right when it reported, and the note says
    // so. The consensus is then what the latest reports allow. (One dated figure against
    // undated ones is only a guess at the order: no such explanation.)
    let explained_by_time = changing && status == Status::Conflict && integral && times.len() >= 2 && its.len() <= 64 && rises_with_time(&judged, &ivs, scale);
    if explained_by_time {
        let latest = judged.iter().filter_map(|i| i.time.filter(|t| t.scale == scale).map(|t| t.pos)).fold(f64::NEG_INFINITY, f64::max);
        let last: Vec<Interval> = judged.iter().zip(ivs.iter()).filter(|(i, _)| i.time.is_some_and(|t| t.scale == scale && (t.pos - latest).abs() < 0.2)).map(|(_, v)| *v).collect();
        consensus_iv = interval::intersect_all(&last);
        outliers.clear();
    }
    let mut timeline: Vec<usize> = Vec::new();
    if changing {
        // Timed figures by value, with the latest time among those up to each value.
        // A figure with no time of its own is placed at its article's date, when that is
        // on the scale of the others' times.
        let when = |i: &Item| i.time.filter(|t| t.scale == scale).or_else(|| i.article_time.filter(|t| i.time.is_none() && t.scale == scale));
        let mut timed: Vec<(f64, f64)> = its.iter().filter_map(|i| when(i).map(|t| (i.value, t.pos + 0.01))).collect();
        crate::sort::by_key(&mut timed, |a| [float(a.0), 0, 0]);
        let mut run_max = f64::NEG_INFINITY;
        for t in &mut timed {
            run_max = run_max.max(t.1);
            t.1 = run_max;
        }
        let mut keyed: Vec<(f64, f64, usize, usize)> = its
            .iter()
            .map(|i| {
                let k = match when(i) {
                    Some(t) => t.pos,
                    None => match timed.partition_point(|(v, _)| *v <= i.value) {
                        0 => f64::NEG_INFINITY,
                        n => timed.get(n - 1).map(|t| t.1).unwrap_or(f64::NEG_INFINITY),
                    },
                };
                (k, i.value, i.start, i.id)
            })
            .collect();
        crate::sort::by_key(&mut keyed, |a| [float(a.0), float(a.1), int(a.2)]);
        timeline = keyed.into_iter().map(|k| k.3).collect();
    }

    // Label.
    let event = its.iter().find_map(|i| i.event.clone());
    let label = label::display(&make_label(&its, event.as_deref(), figures), &its);
    let dim: &str = its.first().map_or("", |i| i.dim.as_ref());
    let unit = if dim == "count" {
        let unit_of = |i: &&Item| fig(i).and_then(|f| f.unit.as_deref());
        match its.first().map(unit_of) {
            Some(Some(u)) if its.iter().all(|i| unit_of(i) == Some(u)) => Some(u.to_string()),
            _ => None,
        }
    } else {
        Some(dim.to_string())
    };

    // Note.
    // "Source 1: a, b (when); Source 2: c", written into one string.
    // A figure a source repeats word for word is listed once with a count ("two days
    // (×3)"): a long page can repeat one figure thousands of times.
    let mut listing = String::with_capacity(48 * its.len() + 64);
    let mut last_doc = usize::MAX;
    let (mut piece, mut prev_piece) = (String::new(), String::new());
    let mut repeats = 0usize;
    let flush = |listing: &mut String, repeats: &mut usize| {
        if *repeats > 0 {
            listing.push_str(" (×");
            push_uint(listing, *repeats + 1);
            listing.push(')');
            *repeats = 0;
        }
    };
    for (k, it) in its.iter().enumerate() {
        piece.clear();
        push_short_text(&mut piece, fig(it));
        if let Some(t) = fig(it).and_then(|f| f.time.as_deref()) {
            piece.push_str(" (");
            piece.push_str(t.trim());
            piece.push(')');
        }
        if it.doc == last_doc && piece == prev_piece {
            repeats += 1;
            continue;
        }
        flush(&mut listing, &mut repeats);
        if it.doc == last_doc {
            listing.push_str(", ");
        } else {
            if k > 0 {
                listing.push_str("; ");
            }
            push_source_name(&mut listing, it.doc);
            listing.push_str(": ");
        }
        listing.push_str(&piece);
        std::mem::swap(&mut piece, &mut prev_piece);
        last_doc = it.doc;
    }
    flush(&mut listing, &mut repeats);
    // Temperatures are judged in Celsius; they are described in the unit of the first
    // source that gives one, the other in brackets ("more than 100 °F (37.8 °C)").
    let fahrenheit_first = (dim == "celsius").then(|| its.first().and_then(|i| fig(i)).is_some_and(|f| f.unit.as_deref() == Some("fahrenheit")));
    let any_fahrenheit = its.iter().any(|i| fig(i).is_some_and(|f| f.unit.as_deref() == Some("fahrenheit")));
    let allow = |iv: &Interval| match fahrenheit_first {
        Some(f_first) => describe_temperature(iv, f_first, any_fahrenheit),
        None => describe(iv, integral),
    };
    let mut note = match status {
        Status::Single => {
            let mut n = String::with_capacity(listing.len() + 32);
            n.push_str("Only ");
            push_source_name(&mut n, its.first().map(|i| i.doc).unwrap_or(0));
            n.push_str(" gives this figure: ");
            n.push_str(listing.split_once(": ").map(|x| x.1).unwrap_or(&listing));
            n.push('.');
            n
        }
        Status::Agree => listing + " — agree.",
        Status::Conflict if explained_by_time => {
            let mut n = listing;
            n.push_str(" — the figures differ, but they rise with time: later reports give higher figures, none contradicts another of its time");
            if let Some(c) = &consensus_iv {
                n.push_str(" (latest: ");
                n.push_str(&allow(c));
                n.push(')');
            }
            n.push('.');
            n
        }
        Status::Consistent => match &common {
            Some(c) => {
                let mut n = listing;
                n.push_str(" — consistent (all allow ");
                n.push_str(&allow(c));
                n.push_str(").");
                n
            }
            None => listing + " — consistent.",
        },
        Status::Conflict => {
            if outliers.is_empty() {
                listing + " — conflict: no value fits all sources, and no majority agrees on one."
            } else {
                let names: Vec<String> = outliers.iter().map(|&d| source_name(d)).collect();
                let cons = consensus_iv.as_ref().map(allow).unwrap_or_else(|| "no common value".to_string());
                format!(
                    "{listing} — conflict: {} {} outside what the others allow ({}).",
                    names.join(" and "),
                    if names.len() == 1 { "is" } else { "are" },
                    cons
                )
            }
        }
    };
    note.push_str(&parts_note);
    let verdict = verdict::verdict(&verdict::Judged { its: &its, figures, status, outliers: &outliers, consensus: consensus_iv.as_ref(), over_time: explained_by_time, changing, parts: &parts_note, describe: &allow });
    if changing {
        let by_id: Map<usize, &Item> = its.iter().map(|i| (i.id, *i)).collect();
        // One step per value: the same number said again (a headline and its body, two
        // outlets) is shown once, by its first wording with a time if any.
        let ordered: Vec<&Item> = timeline.iter().filter_map(|&id| by_id.get(&id).copied()).collect();
        let mut steps: Vec<String> = Vec::new();
        let mut k = 0;
        while let Some(first) = ordered.get(k) {
            let run_len = ordered.get(k..).unwrap_or(&[]).iter().take_while(|i| interval::same(i.value, first.value)).count().max(1);
            let run = ordered.get(k..k + run_len).unwrap_or(&[]);
            let shown = run.iter().find(|i| fig(i).is_some_and(|f| f.time.is_some())).unwrap_or(first);
            let t = short_text(fig(shown));
            steps.push(match fig(shown).and_then(|f| f.time.as_deref()) {
                Some(w) => format!("{t} ({})", w.trim()),
                None => t,
            });
            k += run_len;
        }
        note.push_str(&format!(" Reported at different times, the figure changes: {}.", steps.join(" → ")));
    }

    let mut sorted: Vec<&Item> = its.clone();
    crate::sort::by_key(&mut sorted, |i| [int(i.doc), i.start as u64, 0]);
    Fact {
        id: 0,
        label,
        event,
        unit,
        bounds: sorted.iter().map(|i| [i.iv.lo, i.iv.hi]).collect(),
        figures: sorted.iter().map(|i| i.id).collect(),
        status,
        consensus: consensus_iv.map(|c| [c.lo, c.hi]),
        outliers,
        changing,
        timeline,
        note,
        verdict,
        ..Fact::default()
    }
}

/// True when every value of `a` is below every value of `b` (`a.all(|x| b.all(|y| x < y))`),
/// in one pass over each: the largest of `a` below the smallest of `b`. A NaN (never
/// below anything) on either side makes it false, as the pairwise test would when both
/// sides have values.
pub(crate) fn all_below(a: impl Iterator<Item = f64>, b: impl Iterator<Item = f64>) -> bool {
    let (Some(hi), Some(lo)) = (max_or_nan(a), min_or_nan(b)) else { return true };
    hi < lo
}

/// The largest value, NaN when any is NaN; `None` when there are none.
fn max_or_nan(mut it: impl Iterator<Item = f64>) -> Option<f64> {
    let first = it.next()?;
    Some(it.fold(first, |m, x| if m.is_nan() || x.is_nan() { f64::NAN } else { m.max(x) }))
}

/// The smallest value, NaN when any is NaN; `None` when there are none.
fn min_or_nan(mut it: impl Iterator<Item = f64>) -> Option<f64> {
    let first = it.next()?;
    Some(it.fold(first, |m, x| if m.is_nan() || x.is_nan() { f64::NAN } else { m.min(x) }))
}

/// Drops the entries of `v` whose position `drop` marks (parallel lists are filtered alike).
pub(crate) fn drop_marked<T>(v: &mut Vec<T>, drop: &[bool]) {
    let mut k = 0;
    v.retain(|_| {
        let keep = !drop.get(k).copied().unwrap_or(false);
        k += 1;
        keep
    });
}

/// True when `it` has a named time and another figure of its document in `its` a later one.
#[inline(never)]
pub(crate) fn superseded_in(it: &Item, its: &[&Item]) -> bool {
    let Some(t) = it.time else { return false };
    its.iter().any(|j| j.doc == it.doc && j.time.is_some_and(|u| u.scale == t.scale && u.pos >= t.pos + 0.2))
}

/// True when the figures of a fact (intervals `ivs`, parallel to `its`) fit a tally that
/// only rises with time on time scale `scale`: figures of one time overlap, no earlier
/// figure lies wholly above a later one, and every undated figure overlaps a dated one.
#[inline(never)]
pub(crate) fn rises_with_time(its: &[&Item], ivs: &[Interval], scale: u8) -> bool {
    let timed: Vec<(f64, &Interval)> = its.iter().zip(ivs).filter_map(|(i, v)| i.time.filter(|t| t.scale == scale).map(|t| (t.pos, v))).collect();
    let pairs_ok = timed.iter().all(|(pa, a)| {
        timed.iter().all(|(pb, b)| {
            let apart = a.intersect(b).is_none();
            if (pa - pb).abs() < 0.2 {
                !apart
            } else {
                !(pa < pb && apart && bounds(a).0 >= bounds(b).1)
            }
        })
    });
    pairs_ok
        && its.iter().zip(ivs).filter(|(i, _)| !i.time.is_some_and(|t| t.scale == scale)).all(|(_, v)| timed.iter().any(|(_, t)| v.intersect(t).is_some()))
}

/// A temperature interval held in Celsius, described for a reader: at most one decimal
/// (whole degrees stay whole), in Fahrenheit first when `fahrenheit_first`, with the other
/// scale in brackets when any source wrote Fahrenheit: "104 °F (40 °C)", "37.8–40 °C".
#[inline(never)]
pub(crate) fn describe_temperature(iv: &Interval, fahrenheit_first: bool, any_fahrenheit: bool) -> String {
    let tenth = |x: f64| (x * 10.0).round() / 10.0;
    let shown = |to_f: bool| {
        let conv = |x: f64| tenth(if to_f { x * 9.0 / 5.0 + 32.0 } else { x });
        let mut d = describe(&Interval { lo: iv.lo.map(conv), hi: iv.hi.map(conv), ..*iv }, false);
        d.push_str(if to_f { " °F" } else { " °C" });
        d
    };
    let mut first = shown(fahrenheit_first);
    if any_fahrenheit {
        first.push_str(" (");
        first.push_str(&shown(!fahrenheit_first));
        first.push(')');
    }
    first
}

pub(crate) fn intersect_all_ok(ivs: &[Interval]) -> Option<Interval> {
    interval::intersect_all(ivs)
}

#[cfg(test)]
mod tests {
    use super::all_below;

    /// The one-pass test answers as the pairwise one does, NaN and empty sides included.
    #[test]
    fn all_below_agrees_with_the_pairwise_test() {
        let cases: [(&[f64], &[f64]); 8] = [
            (&[1.0, 2.0], &[3.0, 4.0]),
            (&[1.0, 3.0], &[3.0, 4.0]),
            (&[5.0], &[3.0, 4.0]),
            (&[], &[1.0]),
            (&[1.0], &[]),
            (&[1.0, f64::NAN], &[3.0]),
            (&[1.0], &[f64::NAN, 3.0]),
            (&[-0.0], &[0.0]),
        ];
        for (a, b) in cases {
            let pairwise = a.iter().all(|x| b.iter().all(|y| x < y));
            assert_eq!(all_below(a.iter().copied(), b.iter().copied()), pairwise, "{a:?} below {b:?}");
        }
    }
}
