//! What a measure measures, read from the sentence's structure ([`super::phrase`]):
//! `concept` is the thing measured, a common noun phrase ("net sales", "interest rate",
//! "turnover"), never a name, a date word, an adverb or a verb; `about` (NewsQuant's
//! referred concept) adds its owner and place ("Nokia net sales").
//!
//! In order, the first structure that applies:
//! 1. the noun the figure modifies: "a $150,000 contract", "a 4% stake"; a change noun
//!    passes to its complement ("a 4% rise in exports" measures exports);
//! 2. the "of" complement after it: "60% of its revenue";
//! 3. the noun phrase it completes: "a fine of $7m", "a rise of 4% in exports";
//! 4. the clause: the object of the verb that governs the figure when there is one ("cut
//!    its key rate to 4.5%"), else that verb's subject with its "of" complement ("the
//!    share of renters climbed to 41%"); the subject's owner, names and places go to
//!    `about` only ("Nokia's net sales fell 5%": concept "net sales").
//!
//! A subject that is only a name ("Velmar fell 8%") gives no concept and the name as
//! `about`.

use super::phrase::{Np, Parse, Tag};
use super::tables::change_word;

/// A measure's concept and about; None when no structure applies.
pub(super) fn measure(p: &Parse, first: usize, after: usize, money: bool, duration: bool) -> Option<(String, String)> {
    let (concept, about) = measured(p, first, after, money, duration)?;
    Some((concept, about))
}

/// The subject of the clause a figure stands in, as `about` words: the owner of what an
/// object or a complement measures ("Velmar received 44% of the votes").
/// (Who reports a figure does not own it: "unions said 85% of drivers joined".)
fn owner(p: &Parse, first: usize) -> String {
    p.governing_verb(first)
        .filter(|&(_, v)| !super::tables::tables().reporting.contains(p.toks[v].low.as_ref()) && !is_part_verb(&p.toks[v].low))
        .and_then(|(a, _)| p.subject_of(a))
        .map(|s| about_words(p, s.start, s.end))
        .unwrap_or_default()
}

/// Verbs whose subject is the part a share measures, not its owner: "card payments made
/// up 20% of spending", "exports accounted for 40% of output".
fn is_part_verb(w: &str) -> bool {
    matches!(
        w,
        "made" | "make" | "makes" | "making" | "accounted" | "account" | "accounts" | "accounting" | "represented" | "represent" | "represents" | "representing"
            | "comprised" | "comprise" | "comprises" | "constituted" | "constitute" | "constitutes" | "is" | "are" | "was" | "were" | "be" | "been"
    )
}

/// `about` with the clause's owner before it, unless it already holds it.
fn with_owner(p: &Parse, first: usize, about: String) -> String {
    let o = owner(p, first);
    if o.is_empty() || about.contains(o.as_str()) {
        about
    } else if about.is_empty() {
        o
    } else {
        format!("{o} {about}")
    }
}

/// The owner of a count that is the object of its clause: the subject of the verb that
/// governs it ("Tesla delivered 63,150 cars", "the firm said it would hire 300",
/// "..., creating up to 400 jobs" takes the main clause's subject). `Some("")` for a
/// pronoun the sentence does not resolve; None when the count governs no verb.
pub(super) fn count_owner(p: &Parse, first: usize) -> Option<String> {
    let (vstart, v) = p.governing_verb(first)?;
    // only a direct object: "rain fell on two villages" names no owner of the villages
    // (a particle of the verb may stand between: "gave up 517 yards")
    let particle = |k: usize| matches!(p.toks[k].low.as_ref(), "up" | "out" | "off" | "down" | "away" | "back") && k == v + 1;
    if (v + 1..first).any(|k| !matches!(p.tag(k), Some(Tag::Det | Tag::Adj | Tag::Adv)) && !particle(k)) {
        return None;
    }
    match p.clause_subject(vstart).0 {
        Some(s) => Some(about_words(p, s.start, s.end)).filter(|a| !a.is_empty()),
        None => (p.tag(vstart.saturating_sub(1)) == Some(Tag::Pron)).then(String::new),
    }
}

/// The owner a count's own phrase names, before anything its verb says: a possessive
/// right before it ("the club's 18 academy players", "Velmar's 40 stores"; "its 16
/// matches" stands for the subject of its clause).
pub(super) fn possessive_owner(p: &Parse, first: usize) -> Option<String> {
    let k = skip_qualifiers(p, first);
    let before = k.checked_sub(1)?;
    if p.tag(before) == Some(Tag::Poss) {
        let mut a = before;
        while a > 0 && before - a < 4 && matches!(p.tag(a - 1), Some(Tag::Noun | Tag::Name | Tag::Adj)) {
            a -= 1;
        }
        return Some(about_words(p, a, k)).filter(|s| !s.is_empty());
    }
    if matches!(p.toks[before].low.as_ref(), "its" | "their") {
        let s = clause_subject_before(p, before)?;
        return Some(about_words(p, s.start, s.end)).filter(|s| !s.is_empty());
    }
    None
}

/// The phrase a count completes: "a survey of 1,500 voters", "a squad of 23 players".
pub(super) fn of_owner(p: &Parse, first: usize) -> Option<String> {
    let k = skip_qualifiers(p, first);
    let before = k.checked_sub(2).filter(|&b| p.toks[b + 1].low == "of")?;
    let np = p.np_ending_at(before).filter(|np| p.tag(np.head) == Some(Tag::Noun))?;
    Some(about_words(p, np.start, np.end)).filter(|s| !s.is_empty())
}

/// The owner of a count in a prepositional phrase of its clause: that clause's subject
/// ("Ardley scored nine goals in 14 games", "the outbreak sickened 80 people in five
/// states", "Arden finished with 12 points"). None when the subject is a pronoun the
/// sentence does not resolve, or itself a count ("dozens of people died at two sites").
pub(super) fn scope_owner(p: &Parse, first: usize) -> Option<String> {
    let k = skip_qualifiers(p, first);
    let prep = k.checked_sub(1)?;
    if p.tag(prep) != Some(Tag::Prep) || matches!(p.toks[prep].low.as_ref(), "of" | "by" | "than" | "to" | "per" | "between" | "about" | "around" | "over" | "under" | "up") {
        return None;
    }
    // only what the subject has ("with 40 stores") or a count set against another count
    // of its clause ("9 goals in 14 games"): a place or time of the event owns nothing
    // ("rain fell on two villages")
    let after_count = (prep.saturating_sub(4)..prep).any(|i| p.tag(i) == Some(Tag::Num));
    if p.toks[prep].low != "with" && !after_count {
        return None;
    }
    let s = clause_subject_before(p, prep)?;
    // ("dozens of people died at two sites": the subject is itself counted)
    let counted = s.start >= 2 && p.toks[s.start - 1].low == "of" && p.tag(s.start - 2) == Some(Tag::Num);
    if counted || (s.start..s.end).any(|i| p.tag(i) == Some(Tag::Num) || p.toks[i].low != "a" && super::vague::VAGUE_FIRST.contains(&p.toks[i].low.as_ref())) {
        return None;
    }
    Some(about_words(p, s.start, s.end)).filter(|s| !s.is_empty())
}

/// The words before a count that belong to its expression ("just", "about", "nearly").
fn skip_qualifiers(p: &Parse, first: usize) -> usize {
    let mut k = first;
    while k > 0 && matches!(p.toks[k - 1].low.as_ref(), "just" | "only" | "about" | "some" | "nearly" | "almost" | "around" | "roughly" | "approximately" | "estimated" | "another" | "all") {
        k -= 1;
    }
    k
}

/// The subject of the clause that token `k` stands in: the nearest verb group before it
/// (past numbers and phrases, not past a clause boundary) and that group's subject.
fn clause_subject_before(p: &Parse, k: usize) -> Option<Np> {
    let lo = k.saturating_sub(16);
    let mut j = k;
    while j > lo {
        match p.tag(j - 1)? {
            Tag::Verb | Tag::Aux => {
                let (a, _) = p.verb_group_before(j)?;
                return p.clause_subject(a).0;
            }
            Tag::Punct | Tag::Sub => return None,
            _ => j -= 1,
        }
    }
    None
}

fn measured(p: &Parse, first: usize, after: usize, money: bool, duration: bool) -> Option<(String, String)> {
    // a duration after a preposition is an adverbial ("borrow for 50 years", "over the
    // past two years"): the caller reads it
    if duration {
        let mut k = first;
        while k > 0 && matches!(p.toks[k - 1].low.as_ref(), "the" | "past" | "last" | "next" | "first" | "just" | "only") {
            k -= 1;
        }
        if k > 0 && (p.tag(k - 1) == Some(Tag::Prep) || matches!(p.toks[k - 1].low.as_ref(), "every" | "each")) {
            return None;
        }
    }
    // past a conversion in brackets: "8 miles (13 km) of new tunnels"
    let after = match p.toks.get(after) {
        Some(t) if t.low == "(" => (after + 1..(after + 10).min(p.toks.len())).find(|&k| p.toks[k].low == ")").map_or(after, |c| c + 1),
        _ => after,
    };
    attributive(p, first, after)
        .or_else(|| of_after(p, after, money).map(|(c, a)| (c, with_owner(p, first, a))))
        .or_else(|| completes(p, first, after))
        .or_else(|| clause(p, first))
}

/// Nouns that name a change of something else ("rise", "cut", "growth"): the figure
/// measures their complement.
fn is_change_noun(w: &str) -> bool {
    change_word(w).is_some() || matches!(w, "growth" | "hike" | "hikes" | "reduction" | "reductions" | "increase" | "increases" | "change" | "changes" | "decline" | "declines" | "fall" | "falls" | "drop" | "drops" | "rise" | "rises" | "jump" | "gain" | "gains" | "loss" | "losses" | "cut" | "cuts")
}

/// Words of a phrase kept for a concept (common nouns and adjectives), joined.
fn concept_words(p: &Parse, a: usize, b: usize) -> String {
    join(p.common_words(a, b).into_iter().map(|(_, w)| w))
}

/// Content words of a phrase kept for `about` (names too, no function words or noise).
fn about_words(p: &Parse, a: usize, b: usize) -> String {
    join((a..b.min(p.toks.len())).filter(|&i| p.tag(i).is_some_and(Tag::nominal) && !super::context::is_noise_word(&p.toks[i].low)).filter_map(|i| p.text.get(p.toks[i].s..p.toks[i].e)))
}

fn join<'a>(ws: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in ws.take(8) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The noun phrase after "of" at token `k` ("the rate of inflation": `inflation`).
fn of_complement(p: &Parse, k: usize) -> Option<Np> {
    (p.toks.get(k)?.low == "of").then(|| p.np_starting_at(k + 1)).flatten()
}

/// The concept of a phrase: its own words (no owner) and its "of" complement; the about:
/// every content word of the phrase and its modifiers up to `end`.
/// (A complement starting at `figure` or later is the figure itself: "the quake of
/// magnitude 5.8".)
fn reading(p: &Parse, np: Np, end: usize, figure: usize) -> Option<(String, String)> {
    let (a, b) = np.own_words();
    let mut concept = concept_words(p, a, b);
    // a change noun measures its complement: "a rise in exports", "growth of exports"
    let head_change = p.toks.get(np.head).is_some_and(|t| is_change_noun(&t.low));
    let comp = of_complement(p, np.end).or_else(|| if head_change { p.toks.get(np.end).filter(|t| t.low == "in").and_then(|_| p.np_starting_at(np.end + 1)) } else { None }).filter(|c| c.start < figure);
    if let Some(c) = comp {
        let (ca, cb) = c.own_words();
        let cw = concept_words(p, ca, cb);
        if head_change && !cw.is_empty() {
            concept = cw;
        } else if !cw.is_empty() {
            concept = if concept.is_empty() { cw } else { format!("{concept} {cw}") };
        }
    }
    let about_end = end.max(comp.map_or(np.end, |c| c.end));
    let about = about_words(p, np.start, about_end);
    (!concept.is_empty() || !about.is_empty()).then_some((concept, about))
}

/// 1. "a $150,000 contract", "its 4% stake", "a 4% rise in exports".
/// (A name before the figure is part of the phrase's about: "Tylenol 500mg tablets".)
fn attributive(p: &Parse, first: usize, after: usize) -> Option<(String, String)> {
    if !matches!(p.tag(after)?, Tag::Noun | Tag::Adj | Tag::Name) {
        return None;
    }
    let np = p.np_starting_at(after)?;
    if p.tag(np.head) != Some(Tag::Noun) {
        return None;
    }
    let (concept, about) = reading(p, np, np.end, usize::MAX)?;
    if concept.is_empty() {
        return None;
    }
    let names = first.checked_sub(1).filter(|&k| p.tag(k) == Some(Tag::Name)).and_then(|k| p.np_ending_at(k)).map(|x| about_words(p, x.start, x.end)).unwrap_or_default();
    Some((concept, if names.is_empty() { about } else { format!("{names} {about}") }))
}

/// 2. "60% of its revenue"; money "$1bn in aid" (no determiner).
fn of_after(p: &Parse, after: usize, money: bool) -> Option<(String, String)> {
    let w = p.toks.get(after)?.low.as_ref();
    let np = match w {
        "of" => p.np_starting_at(after + 1)?,
        "in" if money && p.tag(after + 1) == Some(Tag::Noun) => p.np_starting_at(after + 1)?,
        // "paid $2 million for repairs"
        "for" if money => p.np_starting_at(after + 1).filter(|x| p.tag(x.head) == Some(Tag::Noun))?,
        _ => return None,
    };
    let np = extend_forward(p, np);
    let (a, b) = np.own_words();
    let concept = concept_words(p, a, b.min(np.head + 1));
    let about = about_words(p, np.start, np.end);
    (!about.is_empty()).then_some((concept, about))
}

/// A phrase with the prepositional modifier after it: "renters in the capital".
fn extend_forward(p: &Parse, np: Np) -> Np {
    match p.toks.get(np.end).map(|t| t.low.as_ref()) {
        Some("in" | "at" | "of" | "from") if p.toks.get(np.end + 1).is_some_and(|t| t.kind != super::tokens::Kind::Num) => match p.np_starting_at(np.end + 1) {
            Some(x) => Np { end: x.end, ..np },
            None => np,
        },
        _ => np,
    }
}

/// 3. "a fine of $7m", "estimates of 64,900", "a rise of 4% in exports".
fn completes(p: &Parse, first: usize, after: usize) -> Option<(String, String)> {
    if first < 2 || !matches!(p.toks.get(first - 1)?.low.as_ref(), "of" | "worth") {
        return None;
    }
    let np = p.np_ending_at(first - 2)?;
    let head_change = p.toks.get(np.head).is_some_and(|t| is_change_noun(&t.low));
    if head_change && p.toks.get(after).is_some_and(|t| t.low == "in") {
        if let Some(c) = p.np_starting_at(after + 1) {
            let (a, b) = c.own_words();
            let concept = concept_words(p, a, b);
            if !concept.is_empty() {
                return Some((concept, about_words(p, c.start, c.end)));
            }
        }
    }
    reading(p, np, first - 1, first)
}

/// 4. The clause: the governing verb's object, else its subject.
fn clause(p: &Parse, first: usize) -> Option<(String, String)> {
    let (vstart, v) = p.governing_verb(first)?;
    // a participle clause ("..., having risen 5%", "entered the game averaging 15.9") has
    // the subject of the verb before it
    let (subject, nonfinite) = p.clause_subject(vstart);
    // (a recipient right before the amount is no object measured: "will cost taxpayers $90m")
    let recipient = |o: &Np| o.end == first && super::context::is_ditransitive(&p.toks[v].low);
    // "consumed an additional 1,000 acres": an article and adjective of the figure itself
    let own_article = |o: &Np| o.end == first && p.toks.get(o.start).is_some_and(|t| matches!(t.low.as_ref(), "a" | "an" | "another")) && o.end <= o.start + 2;
    if let Some(obj) = p.object_between(v, first).filter(|o| o.end <= first && !recipient(o) && !own_article(o)) {
        let (a, b) = obj.own_words();
        let concept = concept_words(p, a, b);
        if !concept.is_empty() {
            return Some((concept, about_words(p, obj.start, obj.end)));
        }
    }
    let Some(s) = subject else {
        // a pronoun the sentence does not resolve names nothing ("although it was trading at 90p")
        let pronoun = p.tag(vstart.saturating_sub(1)) == Some(Tag::Pron) && !nonfinite;
        return pronoun.then(|| (String::new(), String::new()));
    };
    // the subject's own phrase (before its modifiers) and its "of" complement
    let core = p.np_ending_at(s.start.max(first_core_end(p, s).saturating_sub(1)))?;
    let core = Np { start: s.start, ..core };
    reading(p, core, s.end, usize::MAX)
}

/// Whether an `about` read for the figure at token `first` names no thing: one or two
/// words ending in a verb, an adjective or an adverb of the sentence ("35% slept", "it is
/// quite cheap, costing $20", "isn't so impressive until it hits 500 C"). Such a reading
/// is a clause's predicate, not what the figure is about.
pub(super) fn names_nothing(p: &Parse, about: &str, first: usize) -> bool {
    let mut ws = about.split(' ');
    let Some(last) = ws.next_back() else { return false };
    // (two words are a phrase unless the first is a degree word: "quite cheap")
    let first_word = ws.next();
    if about.is_empty() || ws.next().is_some() || last.ends_with("ing") || first_word.is_some_and(|w| !is_degree(&w.to_lowercase())) {
        return false;
    }
    // (the nearest occurrence, before the figure or just after it)
    let is_last = |k: &usize| p.toks.get(*k).and_then(|t| p.text.get(t.s..t.e)) == Some(last);
    let Some(k) = (first.saturating_sub(30)..first).rev().find(is_last).or_else(|| (first..first + 6).find(is_last)) else { return false };
    // (an "-ing" form is kept: a gerund names an activity, "sampling came back at 4 ppb",
    // a modifier what is measured, "a 650 C melting point")
    let degree = k > 0 && is_degree(&p.toks[k - 1].low);
    degree || matches!(p.tag(k), Some(Tag::Adj | Tag::Adv | Tag::Verb | Tag::Aux))
}

fn is_degree(w: &str) -> bool {
    matches!(w, "so" | "quite" | "very" | "too" | "rather" | "fairly" | "pretty" | "extremely" | "really" | "relatively")
}

/// The end of the first phrase of a subject widened by its modifiers.
fn first_core_end(p: &Parse, s: Np) -> usize {
    let mut k = s.start;
    while k < s.end && p.tag(k).is_some_and(Tag::in_np) {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn read(s: &str, fig: &str) -> (String, String) {
        let t = tokenize(s, 0..s.len());
        let p = Parse::new(s, &t);
        let first = t.iter().position(|x| &s[x.s..x.e] == fig).unwrap();
        let mut after = first + 1;
        while t.get(after).is_some_and(|x| matches!(x.low.as_ref(), "%" | "percent" | "million" | "bn" | "$" | "degrees")) {
            after += 1;
        }
        let first = if first > 0 && matches!(t[first - 1].low.as_ref(), "$" | "about") { first - 1 } else { first };
        measure(&p, first, after, s.contains('$'), false).unwrap_or_default()
    }

    #[test]
    fn owner_goes_to_about_the_measured_noun_to_concept() {
        assert_eq!(read("Velmar's net exports fell 3% in May.", "3"), ("net exports".into(), "Velmar's net exports".into()));
        let (c, a) = read("Kestrel, the Danish brewer, said profit rose 6%.", "6");
        assert_eq!((c.as_str(), a.as_str()), ("profit", "profit"));
        let (c, a) = read("Shares of Ostrava Mining rose 12% on Monday.", "12");
        assert_eq!(c, "Shares");
        assert!(a.contains("Ostrava Mining"), "{a}");
    }

    #[test]
    fn a_name_alone_is_no_concept() {
        // (a sentence's first word is a name when the story writes it capitalised elsewhere)
        let (c, a) = read("Velmar slid 8% after the warning. Traders sold Velmar all day.", "8");
        assert_eq!((c.as_str(), a.as_str()), ("", "Velmar"));
        let (c, a) = read("Shares of Velmar slid 8%.", "8");
        assert_eq!((c.as_str(), a.as_str()), ("Shares", "Shares Velmar"));
        let (c, _) = read("Turnover slid 8% after the warning. Quarterly turnover has fallen for a year.", "8");
        assert_eq!(c, "Turnover");
    }

    #[test]
    fn the_object_of_the_verb() {
        let (c, a) = read("The Bank of Marendia cut its main lending rate to 4.5% on Thursday.", "4.5");
        assert_eq!((c.as_str(), a.as_str()), ("main lending rate", "main lending rate"));
        // the amount of the change stands between the level and its verb
        let (c, _) = read("The Bank of Marendia is lowering the deposit rate by 0.25 percentage points to 3.75 percent.", "3.75");
        assert_eq!(c, "deposit rate");
        let (c, _) = read("The Bank of Marendia lowered its policy rate by 25 basis points, to 3.75 percent a year.", "3.75");
        assert_eq!(c, "policy rate");
        // a comparison of periods after the figure is no noun it modifies
        let (c, _) = read("Net sales at Kestrel declined 20% year-on-year.", "20");
        assert_eq!(c, "Net sales");
    }

    #[test]
    fn modified_and_complemented_nouns() {
        assert_eq!(read("The group signed a $150 million contract.", "150").0, "contract");
        assert_eq!(read("It reported a 4% rise in exports to Asia.", "4").0, "exports");
        assert_eq!(read("The club paid a fine of $7 million.", "7").0, "fine");
        assert_eq!(read("Households spent 30 percent of their income on rent.", "30").0, "income");
        assert_eq!(read("The share of renters in the capital climbed to 41%.", "41").0, "share renters");
    }

    fn owner_of(s: &str, fig: &str) -> Option<String> {
        let t = tokenize(s, 0..s.len());
        let p = Parse::new(s, &t);
        count_owner(&p, t.iter().position(|x| &s[x.s..x.e] == fig).unwrap())
    }

    #[test]
    fn the_owner_of_a_counted_object() {
        assert_eq!(owner_of("The Orvana plant assembled 4,200 tractors last year.", "4,200").as_deref(), Some("Orvana plant"));
        // through a reported clause and a participle clause
        assert_eq!(owner_of("The brewery said it would hire 40 drivers.", "40").as_deref(), Some("brewery"));
        assert_eq!(owner_of("The mill closed its doors, cutting 300 jobs.", "300").as_deref(), Some("mill"));
        assert_eq!(owner_of("Varga has used the break to rest, losing 6 kilos.", "6").as_deref(), Some("Varga"));
        // past a particle; a person's pronoun in a later clause
        assert_eq!(owner_of("A defence that gave up 410 yards lost again.", "410").as_deref(), Some("defence"));
        assert_eq!(owner_of("Varga runs a small farm, where she keeps 40 goats.", "40").as_deref(), Some("Varga"));
        assert_eq!(owner_of("Later, Varga bought a farm, where she keeps 40 goats.", "40").as_deref(), Some("Varga"));
        assert_eq!(owner_of("The farm is small, but she keeps 40 goats.", "40").as_deref(), Some(""));
        // an unresolved pronoun names no owner; a count after a preposition has none
        assert_eq!(owner_of("They would need to hire 40 drivers.", "40").as_deref(), Some(""));
        assert_eq!(owner_of("Hail fell on two villages.", "two"), None);
    }

    #[test]
    fn the_owner_of_a_share_is_who_holds_it() {
        assert_eq!(read("Velmar won 44% of the seats.", "44").1, "Velmar seats");
        // not who reports it, nor the part the share is
        assert_eq!(read("Dockers said 70% of the cranes stood idle.", "70").1, "cranes");
        assert_eq!(read("Rail freight made up 12% of all haulage.", "12").1, "haulage");
        // a determiner opens a phrase: the complement is not the figure's own unit word
        // (the figure starts at its unit word here, as "magnitude 6.1" does)
        assert_eq!(read("On the coast the quake of magnitude 6.1 flattened two barns.", "magnitude").0, "quake");
    }

    #[test]
    fn thermometers_not_the_place() {
        let (c, a) = read("Thermometers in Torvik, Marendia, showed 47 degrees on Friday.", "47");
        assert_eq!(c, "Thermometers");
        assert!(a.contains("Torvik"), "{a}");
    }
}
