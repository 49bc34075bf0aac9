//! What a figure is about, from the words around it in its sentence:
//! - the counted noun phrase after a count ("26 protesters", "3,800 law enforcement
//!   officers", "dozens of search and rescue personnel");
//! - for a measure, money or percentage, the noun phrase it is about: an attributive
//!   noun after it ("a $150,000 contract"), the noun before "of" ("a fine of $7m"), the
//!   noun phrase after "of" ("60 per cent of its revenue"), else the subject of its clause;
//! - the event, through `events.tsv`: after the count ("26 were injured", "18 killed",
//!   "3,800 people were detained") or before it ("killing more than 2,300 people",
//!   "the death toll rose to 3,381");
//! - the time of the report ("on Thursday", "as of Friday morning", "overnight") and the
//!   attribution ("the Interior Ministry said", "according to AFP", "officials said").

use super::tables::{irregular_singular, is_stopword, tables, UnitClass};
use super::tokens::{Kind, Tok};

/// True for words that end a noun phrase because they are verbs or adverbs in practice.
fn is_verbish(w: &str) -> bool {
    is_stopword(w)
        || tables().event_first.contains(w)
        || super::tables::change_word(w).is_some()
        || tables().reporting.contains(w)
        || w.ends_with("ly")
}

/// True for a plural-looking noun ("protesters", "people", "police").
pub fn is_plural(w: &str) -> bool {
    if irregular_singular(w).is_some() || w.len() > 4 && w.ends_with("men") {
        return true;
    }
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        // words and nouns that end in "s" in the singular
        && !matches!(w, "gas" | "has" | "was" | "his" | "its" | "yes" | "bias" | "alias" | "atlas" | "canvas" | "chaos" | "lens" | "whereas" | "perhaps" | "always" | "afterwards" | "towards" | "besides" | "unless")
}

/// Singular of a noun ("protesters" → "protester", "casualties" → "casualty"). The one
/// singularisation of the crate: the compare stage's lemmas are these too.
pub fn singular(w: &str) -> String {
    let mut out = String::new();
    singular_into(w, &mut out);
    out
}

/// [`singular`], appended to `out` (no allocation of its own).
pub fn singular_into(w: &str, out: &mut String) {
    if let Some(s) = irregular_singular(w) {
        out.push_str(s);
        return;
    }
    if let Some(stem) = w.strip_suffix("men") {
        if w.len() > 5 {
            out.push_str(stem);
            out.push_str("man");
            return;
        }
    }
    if !is_plural(w) {
        out.push_str(w);
        return;
    }
    if let Some(stem) = w.strip_suffix("es") {
        if matches!(stem, "virus" | "bus" | "campus" | "bonus" | "census" | "status" | "focus" | "stimulus" | "surplus" | "consensus" | "circus" | "nucleus" | "prospectus" | "genus" | "chorus" | "fetus" | "sinus" | "cactus" | "walrus" | "octopus") {
            out.push_str(stem);
            return;
        }
    }
    if let Some(stem) = w.strip_suffix("ies").filter(|_| w.len() > 4) {
        out.push_str(stem);
        // nouns whose singular ends in "-ie" ("cookies", "movies", "calories")
        out.push_str(if is_ie_noun(stem) { "ie" } else { "y" });
        return;
    }
    // the closed class of "-f"/"-fe" nouns with "-ves" plurals ("loaves", "knives",
    // "housewives"; "olives" and "drives" are plurals of "-ve" nouns)
    if let Some((plural, sg)) = VES.iter().find(|(p, _)| w.ends_with(p) && w != "olives") {
        out.push_str(&w[..w.len() - plural.len()]);
        out.push_str(sg);
        return;
    }
    // "-oes" of "-o" nouns ("potatoes", "heroes", "volcanoes"; not "shoes", "canoes")
    if let Some(stem) = w.strip_suffix("es").filter(|st| st.ends_with('o') && st.len() >= 4 && !matches!(*st, "cano" | "tipto")) {
        out.push_str(stem);
        return;
    }
    for suf in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(suf) {
            out.push_str(&w[..w.len() - 2]);
            return;
        }
    }
    out.push_str(&w[..w.len() - 1]);
}

/// "-ves" plurals and their singular endings.
const VES: &[(&str, &str)] = &[
    ("knives", "knife"), ("wives", "wife"), ("lives", "life"), ("leaves", "leaf"), ("loaves", "loaf"), ("thieves", "thief"), ("sheaves", "sheaf"), ("halves", "half"), ("calves", "calf"),
    ("wolves", "wolf"), ("shelves", "shelf"), ("selves", "self"), ("elves", "elf"), ("scarves", "scarf"), ("wharves", "wharf"), ("hooves", "hoof"), ("dwarves", "dwarf"),
];

/// Whether `stem` + "ie" is a noun whose plural is `stem` + "ies" (most "-ies" plurals
/// are of "-y" nouns: "countries", "parties"); the diminutives and loans news counts.
fn is_ie_noun(stem: &str) -> bool {
    matches!(
        stem,
        "aunt" | "bird" | "bog" | "book" | "brown" | "cabb" | "calor" | "coll" | "cook" | "food" | "freeb" | "gen" | "goal" | "hipp" | "hood" | "hott" | "ind" | "junk" | "kidd" | "lass" | "mov" | "newb" | "old" | "pink" | "pix" | "prair" | "quick" | "rook" | "rotisser" | "self" | "smooth" | "sort" | "talk" | "tech" | "vegg" | "walk" | "yupp" | "zomb"
    )
}

/// The counted noun phrase starting at token `j`: token range `j..end`, or None.
/// Takes up to five words, stops at punctuation, numbers, function words and verbs, and
/// after the first plural noun (the head). "and" joins words inside the phrase only before
/// the head ("search and rescue personnel").
pub fn counted_np(toks: &[Tok], mut j: usize, singular_count: bool) -> Option<usize> {
    // a quoted phrase: 26 “armed criminals”
    if toks.get(j).is_some_and(|t| is_quote(&t.low)) {
        j += 1;
    }
    let mut k = j;
    let mut end = None;
    while let Some(t) = toks.get(k) {
        if k - j >= 5 || t.kind != Kind::Word {
            break;
        }
        let w = t.low.as_ref();
        if w == "and" && k > j && toks.get(k + 1).is_some_and(|x| x.kind == Kind::Word && !is_verbish(&x.low)) {
            k += 1;
            continue;
        }
        // ("five states", "30 reports": right after the number too, a plural is a noun)
        let reporting_noun = (k > j || !matches!(w, "says" | "tells" | "adds")) && tables().reporting.contains(w) && is_plural(w) && !is_stopword(w);
        // "200 arrests", "3,381 deaths", "40 casualties": plural event nouns are counted
        let event_noun = tables().event_first.contains(w) && is_plural(w) && !is_stopword(w) && !w.ends_with("ies") || matches!(w, "injuries" | "casualties" | "fatalities" | "bodies");
        // "517 rushing yards", "40 total miles": a modifier before a unit of measure
        let before_unit = !is_stopword(w) && toks.get(k + 1).is_some_and(|x| x.kind == Kind::Word && is_plural(&x.low) && tables().unit_low.contains(x.low.as_ref()));
        if is_verbish(w) && !reporting_noun && !event_noun && !before_unit && (k <= j || irregular_singular(w).is_none()) {
            break;
        }
        if w.len() == 1 {
            break;
        }
        k += 1;
        if is_plural(w) {
            end = Some(k);
            // "police officers", "security forces": an irregular plural used as modifier
            // "measles cases", "sales figures": a noun in -s right before a plural noun
            // modifies it (the plural after it is the head)
            let next_plural = toks.get(k).is_some_and(|x| x.kind == Kind::Word && is_plural(&x.low) && !is_stopword(&x.low) && (!is_verbish(&x.low) || tables().event_first.contains(x.low.as_ref())));
            let modifier = next_plural && (irregular_singular(w).is_some() || !is_verbish(w));
            if !modifier {
                break;
            }
            continue;
        }
        if singular_count {
            // "one proposal": a single noun, maybe after adjectives; stop at the first
            // word followed by a function word or punctuation
            end = Some(k);
            // "one proposal asks", "a third of the population lives": a following "-s"
            // word is a verb here
            if toks.get(k).map_or(true, |x| x.kind != Kind::Word || is_verbish(&x.low) || is_plural(&x.low)) {
                break;
            }
        }
    }
    if !singular_count {
        // a count without a plural head: "26 police" handled as irregular; otherwise the
        // last word if it ends the phrase ("2,000 military")
        if end.is_none() && k > j && toks.get(k - 1).is_some_and(|x| irregular_singular(&x.low).is_some()) {
            end = Some(k);
        }
    }
    let e = end?;
    // never end on "and"
    if toks.get(e - 1).is_some_and(|x| x.low == "and") {
        return None;
    }
    Some(e)
}

/// Quotation marks.
pub fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "‘" | "’" | "«" | "»" | "'")
}

/// Content words of a token range, as written, joined by spaces.
pub fn words_text(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    // at most the span of the range: one allocation
    let span = match (toks.get(a), b.checked_sub(1).and_then(|l| toks.get(l))) {
        (Some(x), Some(y)) if a < b => y.e.saturating_sub(x.s),
        _ => 0,
    };
    let mut out = String::with_capacity(span);
    for t in toks.get(a..b).unwrap_or(&[]) {
        if t.kind != Kind::Word {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text.get(t.s..t.e).unwrap_or(""));
    }
    out
}

/// A noun phrase read backwards from token `k` (inclusive): content words, stopping at
/// function words, verbs, numbers and punctuation. Returns the first token index.
fn np_before(toks: &[Tok], k: usize) -> Option<usize> {
    let mut a = k + 1;
    let mut n = 0;
    while a > 0 {
        let t = toks.get(a - 1)?;
        if t.kind != Kind::Word || is_verb_like(toks, a - 1) || n >= 4 {
            break;
        }
        a -= 1;
        n += 1;
    }
    if a <= k {
        Some(a)
    } else {
        None
    }
}

/// A noun phrase read backwards from token `k` (inclusive) that only stops at function
/// words, numbers and punctuation (up to four words).
fn np_before_loose(toks: &[Tok], k: usize) -> Option<usize> {
    let mut a = k + 1;
    while a > 0 && k + 1 - a < 4 && toks.get(a - 1).is_some_and(|t| t.kind == Kind::Word && !is_stopword(&t.low)) {
        a -= 1;
    }
    (a <= k).then_some(a)
}

/// A noun phrase read forwards from token `j`: skips a determiner or possessive, takes
/// content words (up to five).
fn np_after(toks: &[Tok], mut j: usize) -> Option<(usize, usize)> {
    while toks.get(j).is_some_and(|t| matches!(t.low.as_ref(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "all" | "this" | "that" | "these" | "those")) {
        j += 1;
    }
    let mut k = j;
    while let Some(t) = toks.get(k) {
        if t.kind != Kind::Word || is_stopword(&t.low) || tables().reporting.contains(t.low.as_ref()) || k - j >= 5 {
            break;
        }
        k += 1;
    }
    if k > j {
        Some((j, k))
    } else {
        None
    }
}

/// Words that start a new clause when looking back for a subject.
fn is_clause_break(t: &Tok) -> bool {
    match t.kind {
        Kind::Punct => matches!(t.low.as_ref(), "," | ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”"),
        Kind::Word => matches!(t.low.as_ref(), "while" | "whereas" | "but" | "after" | "although" | "though" | "which" | "who" | "when" | "and" | "as" | "because" | "since" | "with"),
        Kind::Num => false,
    }
}

/// Words that are never the concept of a measure: times, dimensions, function words.
pub(super) fn is_noise_word(w: &str) -> bool {
    is_concept_noise(w)
}

fn is_concept_noise(w: &str) -> bool {
    is_stopword(w)
        || super::dates::month(w).is_some()
        || matches!(
            w,
            "year" | "years" | "week" | "weeks" | "month" | "months" | "day" | "days" | "today" | "yesterday"
                | "tomorrow" | "far" | "last" | "next" | "ago" | "monday" | "tuesday" | "wednesday" | "thursday"
                | "friday" | "saturday" | "sunday" | "wide" | "long" | "high" | "tall" | "deep" | "thick" | "old"
                | "away" | "apart" | "each" | "meanwhile" | "however" | "overall" | "well" | "just" | "barely"
                | "nearly" | "around" | "roughly" | "currently" | "now" | "morning" | "evening" | "night"
                | "quarter" | "half" | "time" | "times" | "point" | "points" | "percent" | "cent" | "cents"
                | "dollars" | "euros" | "pounds" | "nevertheless" | "alternatively" | "instead" | "also"
                | "million" | "billion" | "thousand" | "trillion" | "hundred" | "versus" | "double" | "twice"
                | "back" | "exactly" | "only" | "almost" | "some" | "overnight" | "tonight"
        )
}

/// A verb in practice for finding subjects: listed verbs, "-ed" words and "-ing" words
/// not after a determiner.
fn is_verb_like(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    let w = t.low.as_ref();
    if is_verbish(w) && !matches!(w, "of") {
        return true;
    }
    let prev_det = k > 0 && toks.get(k - 1).is_some_and(|p| matches!(p.low.as_ref(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "this" | "that"));
    if w.len() >= 4 && w.ends_with("ed") && !prev_det && !matches!(w, "need" | "seed" | "feed" | "speed" | "bed" | "shed") {
        return true;
    }
    if w.len() > 5 && w.ends_with("ing") && !prev_det {
        return true;
    }
    // a base form after "to" or a modal: "to close", "will study", "can borrow"
    if k > 0 && toks.get(k - 1).is_some_and(|p| matches!(p.low.as_ref(), "to" | "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must" | "did" | "does" | "do" | "not")) && !prev_det {
        return true;
    }
    matches!(w, "stands" | "came" | "comes" | "seem" | "seems" | "works" | "stay" | "stays"
        | "orbits" | "threatens" | "isnt" | "dont" | "didnt" | "doesnt" | "wont" | "cant" | "looks" | "remains"
        | "becomes" | "became" | "gets" | "got" | "sees" | "saw" | "puts" | "sets" | "lets" | "keeps" | "kept")
        || matches!(w, "has" | "have" | "had" | "is" | "are" | "was" | "were" | "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must" | "says" | "said" | "means" | "makes" | "gets" | "takes" | "shows" | "hides" | "costs" | "cost" | "employs" | "expects" | "plans" | "needs" | "wants" | "comes" | "goes" | "trades" | "offers" | "holds" | "owns" | "runs" | "pays" | "spends" | "hosts" | "covers")
}

/// Content words of tokens `a..b` that are not noise, joined by spaces (at most `max`,
/// the last ones).
fn content(text: &str, toks: &[Tok], a: usize, b: usize, max: usize) -> String {
    // the last `max` words in a ring on the stack, then joined by spaces (one allocation)
    const RING: usize = 8;
    let mut out = String::new();
    if max > RING {
        let ws: Vec<&str> = content_words(text, toks, a, b).collect();
        return ws[ws.len().saturating_sub(max)..].join(" ");
    }
    if max == 0 {
        return out;
    }
    let mut ring = [""; RING];
    let mut n = 0;
    for w in content_words(text, toks, a, b) {
        ring[n % max] = w;
        n += 1;
    }
    let kept = n.saturating_sub(max)..n;
    out.reserve(kept.clone().map(|i| ring[i % max].len() + 1).sum());
    for i in kept {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(ring[i % max]);
    }
    out
}

/// Whether [`content`] of the range is not empty (no string built).
fn has_content(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    content_words(text, toks, a, b).next().is_some()
}

/// The words [`content`] keeps, in order.
fn content_words<'t>(text: &'t str, toks: &'t [Tok], a: usize, b: usize) -> impl Iterator<Item = &'t str> + 't {
    let tb = tables();
    toks.get(a..b)
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(move |(i, t)| {
            t.kind == Kind::Word
                && !is_concept_noise(&t.low)
                && t.low.len() > 1
                // units and number words of other figures: "(11 km)", "five-year", "40min"
                && !(a + i > 0
                    && toks.get(a + i - 1).is_some_and(|p| p.kind == Kind::Num)
                    && (tb.unit_exact.contains(text.get(t.s..t.e).unwrap_or("")) || tb.unit_low.contains(t.low.as_ref()) || toks.get(a + i - 1).is_some_and(|p| p.e == t.s)))
                && tb.word(super::numbers::before_hyphen(&t.low)).is_none()
        })
        .filter_map(move |(i, t)| {
            // a name with a glued number: "TA-125", "F-16"
            let glued = toks.get(a + i + 1).filter(|h| h.s == t.e && h.low == "-").and_then(|h| toks.get(a + i + 2).filter(|n| n.kind == Kind::Num && n.s == h.e && a + i + 2 < b));
            text.get(t.s..glued.map_or(t.e, |n| n.e))
        })
}

/// True when `w` is written as a unit of measure or currency word ("cents", "miles").
fn is_unit_word(w: &str) -> bool {
    tables().unit_low.contains(w)
}

/// What a measure is about (NewsQuant's referred concept): as its concept
/// ([`measure_words`]), and
/// also past a conversion in brackets ("8 miles (13 km) of new tunnels"), "in NP" only
/// for money ("$1 billion in gains", not "three years in prison"), and the subject of the
/// verb that governs the figure ("Pension Credit was set to rise by 10.1 percent", "a
/// disorderly exit would cost it $800 million") before the clause subject.
/// None when only the clause subject is left (the caller computes it once for concept
/// and about).
pub fn measure_about(text: &str, toks: &[Tok], first: usize, after: usize, class: Option<UnitClass>) -> Option<String> {
    let mut after = after;
    if toks.get(after).is_some_and(|t| t.low == "(") {
        if let Some(close) = (after + 1..(after + 10).min(toks.len())).find(|&k| toks[k].low == ")") {
            after = close + 1;
        }
    }
    let prev = if first > 0 { toks.get(first - 1) } else { None };
    // a duration after a preposition belongs to the noun before it ("a grounding for three
    // months") or to nothing ("borrow for fifty years", "over the past two years")
    if class == Some(UnitClass::Time) {
        let mut p = first;
        while p > 0 && toks.get(p - 1).is_some_and(|t| matches!(t.low.as_ref(), "the" | "past" | "last" | "next" | "first" | "just" | "only")) {
            p -= 1;
        }
        if p > 0 && toks.get(p - 1).is_some_and(|t| matches!(t.low.as_ref(), "for" | "over" | "within" | "during" | "after" | "since")) {
            let noun_before = p >= 2 && toks[p - 1].low == "for" && toks.get(p - 2).is_some_and(|t| t.kind == Kind::Word && !is_stopword(&t.low) && !is_verb(text, toks, p - 2) && !is_concept_noise(&t.low));
            return Some(if noun_before { np_before(toks, p - 2).map(|a| content(text, toks, a, p - 1, 5)).unwrap_or_default() } else { String::new() });
        }
    }
    // "Nasdaq +0.8%", "Unite Group, down 68p", "a grant worth up to $8m": the name or noun
    // right before the figure (past a rise/fall word and one comma)
    let mut p = first;
    let capital = |k: usize| toks.get(k).and_then(|t| text.get(t.s..t.e)).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    let mut comma = false;
    if p > 0 && toks.get(p - 1).is_some_and(|t| matches!(t.low.as_ref(), "up" | "down" | "worth")) {
        p -= 1;
        if p > 0 && toks[p - 1].low == "," && toks[p].low != "worth" {
            p -= 1;
            comma = true;
        }
    }
    // "additional investments over 35 GWh", "pulled the sector 0.7 percent lower": a noun
    // right before a figure that opens with a qualifier or closes with higher/lower
    let qualified = toks.get(first).is_some_and(|t| matches!(t.low.as_ref(), "over" | "under" | "nearly" | "almost" | "about" | "around" | "roughly" | "more" | "less" | "fewer" | "above" | "below" | "approximately" | "some"));
    let comparative = toks.get(after).is_some_and(|t| matches!(t.low.as_ref(), "higher" | "lower"));
    let object_np = |a: usize| {
        // an object noun phrase: after a determiner or a verb, not a time ("in the past")
        a > 0
            && toks.get(a - 1).is_some_and(|d| matches!(d.low.as_ref(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our") || is_verb(text, toks, a - 1) && !is_ditransitive(&d.low))
            && !matches!(toks[p - 1].low.as_ref(), "past" | "future" | "period" | "time" | "year" | "month" | "week" | "day")
    };
    let loose = p == first && !capital(p.wrapping_sub(1)) && (qualified || comparative);
    if p > 0 && (p < first && (!comma || capital(p - 1)) || p == first && (capital(p - 1) || qualified || comparative)) {
        if let Some(t) = toks.get(p - 1) {
            if t.kind == Kind::Word && !is_stopword(&t.low) && !is_verb(text, toks, p - 1) {
                if let Some(a) = np_before(toks, p - 1).filter(|&a| !loose || object_np(a)) {
                    let c = content(text, toks, a, p, 5);
                    if !c.is_empty() {
                        return Some(c);
                    }
                }
            }
        }
    }
    if let Some(c) = bracket_owner(text, toks, first, after) {
        return Some(c);
    }
    // "12 C melting point", "a 5% operating margin": an "-ing" modifier before a noun
    if let (Some(t), Some(n)) = (toks.get(after), toks.get(after + 1)) {
        let det_before = prev.map_or(true, |p| matches!(p.low.as_ref(), "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"));
        if det_before && t.kind == Kind::Word && t.low.ends_with("ing") && n.kind == Kind::Word && !is_stopword(&n.low) && !is_verb(text, toks, after + 1) {
            if let Some((a, b)) = np_after(toks, after) {
                let c = content(text, toks, a, b, 5);
                if !c.is_empty() {
                    return Some(c);
                }
            }
        }
    }
    measure_words(text, toks, first, after, true, class == Some(UnitClass::Money))
}

/// "47.7% for her challenger", "41.2 per cent for the opposition Alliance": the share a
/// named party or candidate got (a name, or a possessive before the noun); None otherwise
/// ("5% for the year").
pub fn share_for(text: &str, toks: &[Tok], after: usize) -> Option<String> {
    if toks.get(after)?.low != "for" {
        return None;
    }
    let possessive = toks.get(after + 1).is_some_and(|t| matches!(t.low.as_ref(), "her" | "his" | "their" | "its"));
    let (a, b) = np_after(toks, after + 1)?;
    let named = (a..b).any(|k| toks.get(k).and_then(|t| text.get(t.s..t.e)).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase())));
    // "for the year ending Oct. 31", "for the first quarter": a period, not a party
    let period = (a..b).any(|k| toks.get(k).is_some_and(|t| !is_stopword(&t.low) && is_concept_noise(&t.low) || super::dates::month(&t.low).is_some()));
    if !(named || possessive) || period {
        return None;
    }
    Some(content(text, toks, a, b, 5)).filter(|c| !c.is_empty())
}

/// The concept (or, with `about`, the about) of a measure (money, percentage, unit of
/// measure) spanning tokens `first..after`, by its local patterns; None when only the
/// clause subject ([`clause_subject`]) is left.
pub fn measure_words(text: &str, toks: &[Tok], first: usize, after: usize, about: bool, money: bool) -> Option<String> {
    // attributive: "a $150,000 contract", "a 6kW electric motor"
    if let Some(t) = toks.get(after) {
        if t.kind == Kind::Word && !is_verbish(&t.low) && !is_concept_noise(&t.low) && !is_verb_like(toks, after) {
            if let Some((a, mut b)) = np_after(toks, after) {
                // "a 7.8-magnitude earthquake struck": the noun phrase ends at its verb
                b = (a + 1..b).find(|&k| is_verb(text, toks, k) && super::tables::change_word(&toks[k].low).is_none()).unwrap_or(b);
                if a == after {
                    let c = content(text, toks, a, b, 5);
                    if !c.is_empty() {
                        return Some(c);
                    }
                }
            }
        }
    }
    // "<num> of NP": "60 per cent of its revenue"; money "in NP": "$1 billion in gains"
    if toks.get(after).is_some_and(|t| matches!(t.low.as_ref(), "of" | "in")) {
        if let Some((a, b)) = np_after(toks, after + 1) {
            // "85% of train drivers joined the walkout": the noun phrase ends at its verb
            // (a gerund is a noun here: "20 percent of personal spending")
            let b = (a + 1..b).find(|&k| is_verb(text, toks, k) && !toks[k].low.ends_with("ing") || toks[k].low.ends_with("ed") && is_plural(&toks[k - 1].low)).unwrap_or(b);
            let c = content(text, toks, a, b, 5);
            let capital = toks.get(a).and_then(|t| text.get(t.s..t.e)).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            // "in gains", "in funding" (no determiner), not "in the event of"
            let bare = !about || a == after + 1;
            if !c.is_empty() && (toks[after].low == "of" || !capital && money && bare) {
                return Some(c);
            }
        }
    }
    // money "for NP": "paid $100 million for work", "$5 for a ticket"
    if about && money && toks.get(after).is_some_and(|t| t.low == "for") {
        if let Some((a, b)) = np_after(toks, after + 1) {
            let c = content(text, toks, a, b, 5);
            if !c.is_empty() {
                return Some(c);
            }
        }
    }
    // "NP of <num>": "a fine of $7m", "a speed of 15 mph"; also "NP at/to/was <num>"
    // ("punishable by three years": an adjective before "by" is not what is measured)
    let adjective_before = first >= 2 && {
        let w = toks[first - 2].low.as_ref();
        ["able", "ible", "ful", "ous", "ive"].iter().any(|x| w.ends_with(x))
    };
    if first >= 2 && !(about && adjective_before) {
        let p = &toks[first - 1];
        if matches!(p.low.as_ref(), "of" | "at" | "was" | "is" | "were" | "are" | "reached" | "hit" | "totaled" | "totalled" | "stood" | "by" | "to") {
            // "a lake that is about 9 km long": the noun before "that"
            let mut end = first - 2;
            if matches!(p.low.as_ref(), "is" | "was" | "are" | "were") && end >= 1 && matches!(toks[end].low.as_ref(), "that" | "which" | "who") {
                end -= 1;
            }
            // "the positivity rate stood at 6.3 percent", "turnout climbed to 71%": the noun
            // before the verb
            if matches!(p.low.as_ref(), "at" | "to" | "by") && end >= 1 && (is_verb(text, toks, end) || toks[end].low.ends_with("ed")) && toks[end - 1].kind == Kind::Word {
                end -= 1;
            }
            // after "of" the word before is a noun even when it looks like a verb
            // ("estimates of 64,900")
            let a0 = if about && p.low == "of" { np_before_loose(toks, end) } else { np_before(toks, end) };
            if let Some(a) = a0 {
                let end_excl = end + 1;
                if !toks[a..end_excl].iter().any(|t| is_unit_word(&t.low)) {
                    let c = content(text, toks, a, end_excl, 5);
                    if !c.is_empty() {
                        return Some(c);
                    }
                }
            }
        }
    }
    if about {
        if let Some(s) = verb_subject(text, toks, first) {
            return Some(s);
        }
    }
    None
}

/// Content words at the start of the clause containing token `first`, up to its verb.
pub fn clause_subject(text: &str, toks: &[Tok], first: usize) -> String {
    // bounded work on degenerate, very long "sentences"
    subject_at(text, toks, first, if toks.len() > 2000 { 2 } else { 12 })
}

fn subject_at(text: &str, toks: &[Tok], first: usize, tries: u8) -> String {
    let mut start = first.saturating_sub(if toks.len() > 2000 { 30 } else { 200 });
    let mut k = first;
    while k > start {
        if is_clause_break(&toks[k - 1]) {
            start = k;
            break;
        }
        k -= 1;
    }
    let mut j = start;
    // skip leading function words and verbs of a subordinate opening
    while j < first && toks.get(j).is_some_and(|t| t.kind == Kind::Word && is_concept_noise(&t.low)) {
        j += 1;
    }
    let mut e = j;
    while e < first {
        let Some(t) = toks.get(e) else { break };
        if t.kind == Kind::Num {
            // "From 1850 to 1900 sea ice shrank": restart after numbers
            if !has_content(text, toks, j, e) || toks.get(e + 1).is_some_and(|x| x.kind == Kind::Word && !is_verb_like(toks, e + 1)) && e + 1 < first {
                j = e + 1;
                e += 1;
                continue;
            }
            break;
        }
        if t.kind == Kind::Word && is_verb_like(toks, e) {
            break;
        }
        e += 1;
    }
    let s = content(text, toks, j, e, 5);
    if s.is_empty() && start > 0 && tries > 0 {
        // the clause has no subject: try the clause before it
        return subject_at(text, toks, start - 1, tries - 1);
    }
    s
}

/// An adverb in "-ly" ("officially", "nearly"), not a noun ("family", "supply", "Italy").
fn is_ly_adverb(text: &str, t: &Tok) -> bool {
    let w = t.low.as_ref();
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(w, "family" | "supply" | "assembly" | "rally" | "ally" | "anomaly" | "monopoly" | "reply" | "belly" | "jelly" | "bully" | "july" | "italy" | "butterfly" | "lily" | "holly" | "homily" | "emily" | "kelly" | "sally" | "billy" | "molly" | "polly" | "dolly")
        && text.get(t.s..t.e).is_some_and(|x| x.starts_with(|c: char| c.is_lowercase()))
}

/// A verb for finding who or what a figure belongs to: auxiliaries and common verbs that
/// are also function words ("has", "was", "said", "rose"), else a verb in practice that is
/// not a function word ("scored", "employs", "announced").
fn is_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else { return false };
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.low.as_ref();
    if matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "has" | "have" | "had" | "having" | "do" | "does" | "did" | "will" | "would" | "shall" | "should"
            | "can" | "could" | "may" | "might" | "must" | "said" | "says" | "say" | "told" | "got" | "get" | "gets" | "went" | "go" | "goes" | "came" | "come" | "comes"
            | "made" | "make" | "makes" | "took" | "take" | "takes" | "rose" | "fell" | "saw" | "see" | "sees" | "left" | "remain" | "remained" | "remains" | "reached"
            | "reach" | "hit" | "totaled" | "totalled" | "total" | "won" | "wins" | "win" | "sold" | "sells" | "bought" | "buys" | "spent" | "spends" | "paid" | "pays"
            | "built" | "builds" | "gave" | "gives" | "kept" | "keeps" | "held" | "holds" | "led" | "leads" | "brought" | "brings" | "sent" | "sends" | "ran" | "runs"
            | "beat" | "beats" | "drew" | "draws" | "found" | "finds" | "became" | "becomes" | "employs" | "owns" | "hosts" | "serves" | "includes" | "contains"
            | "houses" | "lost" | "loses" | "needs" | "uses" | "wrote" | "writes" | "bore" | "sank" | "shot" | "struck" | "caught" | "taught" | "fought"
            | "spoke" | "began" | "stood" | "sat" | "drove" | "flew" | "threw" | "knew" | "thought" | "sought" | "felt" | "meant" | "heard" | "fled"
            | "met" | "stole" | "chose" | "froze" | "woke" | "wore" | "tore" | "swore" | "hid" | "rode" | "rang" | "sang" | "swam" | "drank" | "shrank"
            | "shook" | "broke" | "grew" | "slept"
    ) {
        return true;
    }
    // "was set to rise", "funds which range from": a lowercase word after an auxiliary
    // or a relative pronoun
    let lower = text.get(t.s..t.e).is_some_and(|x| x.starts_with(|c: char| c.is_lowercase()));
    if lower && !is_stopword(w) && k > 0 && toks.get(k - 1).is_some_and(|p| matches!(p.low.as_ref(), "was" | "were" | "is" | "are" | "been" | "be" | "has" | "have" | "had" | "which" | "who")) && !w.ends_with("'s") {
        return true;
    }
    // "a squad that contained", "the firm which employed": a past form after a pronoun
    if w.len() >= 4 && w.ends_with("ed") && k > 0 && toks.get(k - 1).is_some_and(|p| is_relative(&p.low) || matches!(p.low.as_ref(), "it" | "he" | "she" | "they" | "we" | "i" | "you")) {
        return true;
    }
    // "EPA-rated", "so-called": hyphenated words are modifiers
    !is_stopword(w) && !w.contains('-') && !is_ly_adverb(text, t) && is_verb_like(toks, k)
}

/// Verbs with an indirect object before the amount: "cost buyers $42,500".
pub(super) fn is_ditransitive(w: &str) -> bool {
    matches!(w, "cost" | "costs" | "charge" | "charged" | "charges" | "pay" | "paid" | "pays" | "owe" | "owes" | "owed" | "give" | "gave" | "gives" | "offer" | "offered" | "offers" | "save" | "saved" | "saves")
}

/// Words that open a relative clause: "Ford, which has ...", "a squad that contained ...".
fn is_relative(w: &str) -> bool {
    matches!(w, "which" | "who" | "that" | "whom" | "whose" | "where")
}

/// Words that end the subject of a clause when reading backwards from its verb.
fn ends_subject(t: &Tok) -> bool {
    match t.kind {
        Kind::Punct => !matches!(t.low.as_ref(), "'" | "’" | "&" | "." | "-" | "/"),
        // a year may sit inside a subject ("sampling between 2014 and 2017"), other numbers
        // belong to other figures
        Kind::Num => !(t.low.len() == 4 && (t.low.starts_with("19") || t.low.starts_with("20")) && t.low.bytes().all(|b| b.is_ascii_digit())),
        Kind::Word => {
            is_relative(&t.low)
                || matches!(
                    t.low.as_ref(),
                    "while" | "whereas" | "but" | "although" | "though" | "because" | "when" | "if" | "unless" | "as" | "since" | "after" | "before" | "so" | "than" | "until" | "whether" | "once"
                )
        }
    }
}

/// The last noun phrase of tokens `a..b` that has content: runs of words split at
/// function words ("Since the start of last season Chris Wood" → "Chris Wood", "Dell on
/// Monday" → "Dell").
fn last_np(text: &str, toks: &[Tok], a: usize, b: usize) -> String {
    let run_start = |e: usize| {
        let mut s = e;
        while s > a && toks.get(s - 1).is_some_and(|t| !(t.kind == Kind::Word && is_stopword(&t.low))) {
            s -= 1;
        }
        s
    };
    let mut e = b;
    while e > a {
        let s = run_start(e);
        if has_content(text, toks, s, e) {
            // "the pace of price increases": the head before "of" joins; "tuned by a
            // supplier": a noun after another preposition is not the subject when a noun
            // comes before it
            let prep = s > a + 1 && toks.get(s - 1).is_some_and(|t| matches!(t.low.as_ref(), "of" | "by" | "in" | "for" | "with" | "from" | "at" | "on" | "into" | "under" | "over" | "through" | "between" | "among"));
            if prep {
                let s2 = run_start(s - 1);
                if has_content(text, toks, s2, s - 1) {
                    return if toks[s - 1].low == "of" { content(text, toks, s2, e, 5) } else { content(text, toks, s2, s - 1, 5) };
                }
            }
            return content(text, toks, s, e, 5);
        }
        e = s.saturating_sub(1).max(a);
        if s == a {
            break;
        }
    }
    String::new()
}

/// The subject of the verb that governs a figure starting at token `first`, when a verb
/// comes right before it ("Chris Wood has scored 22 goals" → "Chris Wood", "Dell
/// announced plans to lay off 6,650 employees" → "Dell", "Ford, which has 13,000 workers"
/// → "Ford"); None when no verb governs it (the figure is itself a subject, or stands in
/// a noun phrase).
pub fn verb_subject(text: &str, toks: &[Tok], first: usize) -> Option<String> {
    let lo = first.saturating_sub(30);
    // adverbs and determiners between the verb and the figure: "contained just 17"
    let mut k = first;
    let mut skipped = 0;
    while k > lo {
        let t = toks.get(k - 1)?;
        if is_verb(text, toks, k - 1) {
            break;
        }
        // "will cost buyers $42,500", "paid staff $300": an indirect object
        let indirect = t.kind == Kind::Word && !is_stopword(&t.low) && skipped == 0 && k >= 2 && is_ditransitive(&toks[k - 2].low);
        let skippable = indirect || t.kind == Kind::Word && skipped < 3 && (matches!(t.low.as_ref(), "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "another" | "just" | "only" | "some" | "record" | "estimated" | "all" | "over" | "it" | "them" | "him" | "us" | "me") || skipped == 0 && matches!(t.low.as_ref(), "by" | "to" | "at" | "worth" | "from") || matches!(t.low.as_ref(), "up" | "down" | "off" | "out" | "back") || is_ly_adverb(text, t));
        if !skippable {
            return None;
        }
        skipped += 1;
        k -= 1;
    }
    if k == lo {
        return None;
    }
    verb_group_subject(text, toks, k, lo, 2)
}

/// The subject of the verb group ending before token `k` (see [`verb_subject`]); a
/// pronoun subject of a clause governed by another verb ("the company said it has") is
/// replaced by that verb's subject, at most `depth` times.
fn verb_group_subject(text: &str, toks: &[Tok], mut k: usize, lo: usize, depth: u8) -> Option<String> {
    // the verb group: verbs, auxiliaries, "to", particles, negation, adverbs
    while k > lo && toks.get(k - 1).is_some_and(|t| is_verb(text, toks, k - 1) || matches!(t.low.as_ref(), "to" | "not" | "also" | "off" | "up" | "out" | "back" | "then" | "still" | "never" | "further" | "already" | "even") || is_ly_adverb(text, t)) {
        k -= 1;
    }
    let vstart = k;
    // a participle clause ("..., having risen by 5%") belongs to the main clause
    if toks.get(vstart).is_some_and(|t| t.low == "having" || t.low == "being" || t.low.ends_with("ing") && vstart > 0 && toks[vstart - 1].low == ",") {
        return None;
    }
    let subject_pronoun = |t: &Tok| matches!(t.low.as_ref(), "it" | "he" | "she" | "they" | "we" | "i" | "you");
    // "the voltage across it was": a pronoun after a preposition is not the subject
    let after_prep = vstart >= 2 && matches!(toks[vstart - 2].low.as_ref(), "across" | "of" | "in" | "on" | "at" | "to" | "for" | "with" | "from" | "by" | "about" | "behind" | "inside" | "into" | "over" | "under" | "through" | "near" | "beyond" | "within" | "without" | "against" | "between" | "among");
    if vstart > lo && toks.get(vstart - 1).is_some_and(subject_pronoun) && !after_prep {
        // "the company said it has": the subject of the verb before the pronoun
        if depth > 0 && vstart - 1 > lo && is_verb(text, toks, vstart - 2) {
            return verb_group_subject(text, toks, vstart - 1, lo, depth - 1);
        }
        return Some(String::new());
    }
    let mut a = vstart;
    // "the TA-125 lost": a number glued to a name by a hyphen is part of the name
    let glued_name = |k: usize| k >= 2 && toks[k].kind == Kind::Num && toks[k - 1].low == "-" && toks[k - 1].e == toks[k].s && toks[k - 2].e == toks[k - 1].s && toks[k - 2].kind == Kind::Word;
    while a > lo && toks.get(a - 1).is_some_and(|t| (!ends_subject(t) || glued_name(a - 1)) && !is_verb(text, toks, a - 1)) {
        a -= 1;
    }
    // a gerund opening the clause is a noun: ", sampling between 2014 and 2017 came back"
    if a > lo + 1 && toks.get(a - 1).is_some_and(|t| t.low.ends_with("ing")) && toks.get(a - 2).is_some_and(ends_subject) {
        a -= 1;
    }
    let s = last_np(text, toks, a, vstart);
    if !s.is_empty() {
        return Some(s);
    }
    // a relative clause: the noun before the pronoun, past a comma or a bracket
    if a > 0 && a == vstart && toks.get(a - 1).is_some_and(|t| matches!(t.low.as_ref(), "which" | "who" | "that" | "whom")) {
        let mut b = a - 1;
        if b > 0 && toks[b - 1].low == "," {
            b -= 1;
        }
        if b > 0 && toks[b - 1].low == ")" {
            while b > 0 && toks[b - 1].low != "(" && a - b < 8 {
                b -= 1;
            }
            b = b.saturating_sub(1);
        }
        if b > 0 {
            if let Some(s0) = np_before(toks, b - 1) {
                return Some(content(text, toks, s0, b, 5));
            }
        }
    }
    None
}

/// What an age is about: the noun phrase after it ("the 81-year-old former president" →
/// "former president"), else as for any measure (None: the clause subject).
pub fn age_about(text: &str, toks: &[Tok], first: usize, after: usize) -> Option<String> {
    if toks.get(after).is_some_and(|t| t.kind == Kind::Word && !is_stopword(&t.low)) {
        if let Some((a, b)) = np_after(toks, after) {
            let b = (a + 1..b).find(|&k| is_verb(text, toks, k)).unwrap_or(b);
            let c = content(text, toks, a, b, 5);
            if !c.is_empty() {
                return Some(c);
            }
        }
    }
    measure_about(text, toks, first, after, Some(UnitClass::Age))
}

/// "John Smith (0.5 WAR)", "Acme (5%)": a figure alone in brackets after a noun phrase is
/// about that noun phrase.
fn bracket_owner(text: &str, toks: &[Tok], first: usize, after: usize) -> Option<String> {
    if first < 2 || toks[first - 1].low != "(" || toks.get(after).map_or(true, |t| t.low != ")") {
        return None;
    }
    let t = toks.get(first - 2)?;
    if t.kind != Kind::Word || is_stopword(&t.low) {
        return None;
    }
    let a = np_before(toks, first - 2)?;
    Some(content(text, toks, a, first - 1, 5)).filter(|c| !c.is_empty())
}

/// What a count is about (NewsQuant's referred concept): never the counted noun itself
/// (that is its unit) but its owner or subject: "five seasons of a show" → the show, "a
/// survey of seven countries" → the survey, "the firm has 300 staff" → the firm; empty
/// when the count is itself the subject or nothing names an owner ("26 protesters were
/// killed", "there are two options"). `np_end` is the token after the counted noun.
/// `owner`: the subject of the clause the count is the object of, read from the sentence's
/// parse (`concept::count_owner`); the older word scan when the parse gives none.
pub fn count_about(text: &str, toks: &[Tok], first: usize, np_end: usize, owner: Option<String>) -> String {
    if let Some(c) = bracket_owner(text, toks, first, np_end) {
        return c;
    }
    // "officials said 300 workers were laid off": the count is the subject of its clause
    if toks.get(np_end).is_some_and(|t| matches!(t.low.as_ref(), "were" | "was" | "are" | "is" | "have" | "has" | "had" | "will" | "would" | "could" | "can" | "may" | "might" | "must" | "should")) {
        return String::new();
    }
    // "one of the largest dinosaurs", "two of its ships": a selection, not a count of
    // something owned ("thousands of parcels", "tens of thousands of pilgrims" are counts)
    if toks.get(first + 1).is_some_and(|t| t.low == "of") && toks.get(first + 2).is_some_and(|t| matches!(t.low.as_ref(), "the" | "its" | "their" | "his" | "her" | "our" | "your" | "my" | "these" | "those" | "them" | "us" | "whom" | "which")) {
        return String::new();
    }
    // "<count> <noun> of <NP>"
    if toks.get(np_end).is_some_and(|t| t.low == "of") {
        if let Some((a, b)) = np_after(toks, np_end + 1) {
            let c = content(text, toks, a, b, 5);
            if !c.is_empty() {
                return c;
            }
        }
    }
    // "<NP> of <count>": "a survey of seven countries", "a run of seven games"; also
    // "price cuts on 50 products", "the home port for 60 fishermen"
    let mut p = first;
    while p > 0 && toks.get(p - 1).is_some_and(|t| matches!(t.low.as_ref(), "just" | "only" | "about" | "some")) {
        p -= 1;
    }
    if p >= 2 && matches!(toks[p - 1].low.as_ref(), "on" | "in" | "for") && toks.get(p - 2).is_some_and(|t| t.kind == Kind::Word && !is_stopword(&t.low) && !is_verb(text, toks, p - 2)) {
        // not the noun of another count: "32 goals in 36 games"
        if let Some(a) = np_before(toks, p - 2).filter(|&a| (a == 0 || toks[a - 1].kind != Kind::Num) && (a..p - 1).all(|i| super::number_word(&toks[i].low).is_none())) {
            let c = content(text, toks, a, p - 1, 5);
            if !c.is_empty() {
                return c;
            }
        }
    }
    if first >= 2 && toks[first - 1].low == "of" {
        if let Some(a) = np_before(toks, first - 2) {
            let c = content(text, toks, a, first - 1, 5);
            if !c.is_empty() {
                return c;
            }
        }
    }
    owner.or_else(|| verb_subject(text, toks, first)).unwrap_or_default()
}

/// Looks for an event word in tokens `a..b` (left to right); returns the normalized event
/// and its token index.
fn event_in(toks: &[Tok], a: usize, b: usize, backwards: bool) -> Option<(&'static str, usize)> {
    let tb = tables();
    let at = |k: usize| {
        let t = toks.get(k)?;
        let cands = tb.events_by_first.get(t.low.as_ref())?;
        cands.iter().filter_map(|&i| tb.events.get(i)).find(|(ws, _)| ws.iter().enumerate().skip(1).all(|(o, w)| toks.get(k + o).is_some_and(|x| x.low == *w))).map(|(_, e)| (*e, k))
    };
    if backwards {
        (a..b).rev().find_map(at)
    } else {
        (a..b).find_map(at)
    }
}

/// Plural heads of counted phrases that name buildings, for the events `events.tsv` marks
/// "buildings" ("250 homes lost").
const BUILDINGS: &[&str] = &["homes", "houses", "buildings", "dwellings", "structures", "residences", "properties", "cabins", "flats", "apartments", "farmhouses", "cottages"];

/// The event of a count whose event word is "burned": buildings burned are destroyed
/// ("the blaze burned 200 homes"), people burned are injured ("12 people were burned",
/// "three firefighters suffered burns" is injured already); other things keep "burned".
pub fn burned_count(toks: &[Tok], np: Option<(usize, usize)>) -> &'static str {
    let head = np.and_then(|(a, b)| if b > a { toks.get(b - 1) } else { None }).map_or("", |t| t.low.as_ref());
    if BUILDINGS.contains(&head) {
        "destroyed"
    } else if head.is_empty() || PEOPLE.contains(&head) {
        "injured"
    } else {
        "burned"
    }
}

/// Plural heads of counted phrases that name people, for `burned_count`.
const PEOPLE: &[&str] = &[
    "people", "persons", "residents", "civilians", "villagers", "workers", "firefighters", "children",
    "adults", "men", "women", "passengers", "patients", "students", "tourists", "soldiers", "officers",
    "volunteers", "miners", "others", "victims", "guests", "employees", "crew", "pilgrims",
];

/// At token `k`, "took part in (the) X" / "joined (the) X" where X is a gathering marked
/// "joined" in `events.tsv` (up to two words before it: "joined the anti-war march"): its event.
fn joined_gathering(toks: &[Tok], k: usize) -> Option<&'static str> {
    let w = |i: usize| toks.get(i).map_or("", |t| t.low.as_ref());
    let mut j = match w(k) {
        "took" | "take" | "takes" | "taking" | "taken" if w(k + 1) == "part" && w(k + 2) == "in" => k + 3,
        "joined" | "join" | "joins" | "joining" => k + 1,
        _ => return None,
    };
    if matches!(w(j), "the" | "a" | "an" | "this" | "that" | "these" | "their" | "its" | "weekend" | "sunday" | "saturday") {
        j += 1;
    }
    let joined = &tables().event_joined;
    (j..j + 3).take_while(|&i| toks.get(i).is_some_and(|t| t.kind == Kind::Word)).find_map(|i| joined.get(w(i)).copied())
}

/// The event of a count at tokens `first..after` (after = first token after the number,
/// its unit and its noun phrase).
pub fn event_of(text: &str, toks: &[Tok], first: usize, np: Option<(usize, usize)>, after: usize) -> Option<&'static str> {
    // inside the counted phrase: "3,381 deaths", "26 fatalities"
    if let Some((a, b)) = np {
        if let Some((e, _)) = event_in(toks, a, b, false) {
            return Some(e);
        }
    }
    // after: skip auxiliaries and adverbs, then an event word
    let mut after_weak = None;
    let mut k = after;
    let mut steps = 0;
    while let Some(t) = toks.get(k) {
        if steps > 5 {
            break;
        }
        if t.kind == Kind::Num {
            break;
        }
        if is_quote(&t.low) {
            k += 1;
            continue;
        }
        // "5,000 took part in the march", "3,000 joined the rally": the gathering names the
        // event (before the plain "took part", which is attending)
        if let Some(e) = joined_gathering(toks, k) {
            return Some(e);
        }
        if let Some((e, _)) = event_in(toks, k, k + 1, false) {
            // A state or a place the people were taken from ("23 miners trapped
            // underground", "87 people from the rubble", "300 people to safety") leaves the
            // event to a verb before the count when there is one ("evacuated 300 people to
            // safety"); freeing people who were trapped is a rescue, not a release.
            let weak = matches!(e, "trapped" | "stranded") || matches!(t.low.as_ref(), "from" | "to");
            if !weak {
                return Some(e);
            }
            after_weak = Some(e);
            break;
        }
        // "250 homes lost", "120 homes were lost": lost buildings are destroyed
        if let Some(e) = tables().event_buildings.get(t.low.as_ref()) {
            if np.is_some_and(|(a, b)| b > a && toks.get(b - 1).is_some_and(|h| BUILDINGS.contains(&h.low.as_ref()))) {
                return Some(e);
            }
        }
        // A place or body named after the counted phrase: "120 residents of Brennmoor were
        // evacuated", "40 people in Ostvik Province were killed" (a preposition, then up
        // to three capitalised words).
        if matches!(t.low.as_ref(), "of" | "in" | "from" | "near" | "at" | "across") {
            let capitalised = |j: usize| {
                toks.get(j).is_some_and(|x| x.kind != Kind::Num && text.get(x.s..x.e).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase))
            };
            let mut j = k + 1;
            if toks.get(j).is_some_and(|x| x.low == "the") {
                j += 1;
            }
            let name_start = j;
            while j < name_start + 3 && capitalised(j) {
                j += 1;
            }
            if j > name_start {
                k = j;
                steps += 1;
                continue;
            }
        }
        let aux = matches!(
            t.low.as_ref(),
            "were" | "was" | "have" | "has" | "had" | "been" | "are" | "is" | "being" | "be" | "reportedly"
                | "also" | "later" | "all" | "now" | "so" | "far" | "who" | "that" | "of" | "them"
                | "whom" | "confirmed" | "officially" | "either" | "seriously" | "critically" | "badly"
                | "slightly" | "severely" | "fatally" | "or" | "people" | "others" | "more" | "in"
                | "remain" | "remained" | "remains" | "still" | "feared" | "believed"
                // "18,000 people spent the night in tents", "are living in shelters"
                | "spent" | "spend" | "spending" | "living" | "sheltering" | "staying" | "currently" | "temporarily"
                // "150 persons received injuries", "suffered burns"
                | "received" | "suffered" | "sustained" | "with" | "considered" | "listed" | "presumed"
        );
        if !aux {
            break;
        }
        k += 1;
        steps += 1;
    }
    // before: up to eight words back in the same clause, no other number in between
    match (event_before(toks, first), after_weak) {
        (Some("released"), Some(_)) => Some("rescued"),
        (Some(e), _) => Some(e),
        (None, w) => w,
    }
}

/// The event named before a count (see [`event_of`]): a verb in the same clause, or a toll
/// further back that a level verb leads to.
fn event_before(toks: &[Tok], first: usize) -> Option<&'static str> {
    let mut lo = first.saturating_sub(8);
    let mut k = first;
    // the count the verb is looked for before (an earlier count of a coordination, see below)
    let mut anchor = first;
    while k > lo {
        let t = &toks[k - 1];
        // "carrying 120 passengers and six crew members", "killing 12 soldiers and three
        // civilians": a second count joined by "and" right after the first one's noun
        // shares its verb
        if t.low == "and" && k == first && anchor == first {
            let mut j = k - 1;
            while j + 5 > k && j > 0 && toks[j - 1].kind == Kind::Word && !is_verbish(&toks[j - 1].low) {
                j -= 1;
            }
            if j + 1 < k && j > 0 && toks[j - 1].kind == Kind::Num {
                anchor = j - 1;
                k = anchor;
                lo = anchor.saturating_sub(8);
                continue;
            }
        }
        // (a clause joined by "and" has its own verb: "left ten dead and cut power to 250,000 homes")
        // (nor past a subordinate clause: "87 were injured as tens of thousands clashed",
        // nor past another number in words: "freed four of the 15 miners")
        if t.kind == Kind::Num
            || matches!(t.low.as_ref(), ";" | ":" | "." | "(" | ")" | "," | "and" | "as" | "when" | "while" | "whereas" | "because" | "but" | "although" | "though" | "until" | "before")
            || tables().word(super::numbers::before_hyphen(&t.low)).is_some_and(|(_, c)| c != super::tables::WordClass::Frac)
        {
            break;
        }
        // before the number only verbs and "toll" count ("killing 26", "the toll rose to
        // 40"), not plural nouns ("demonstrations began when ... one type")
        // ("X kills 212": a "-s" verb right before the number; "the deaths of 26")
        let adjacent = k == anchor || k + 1 == anchor && toks.get(k).is_some_and(|x| x.low == "of");
        if !is_plural(&t.low) || adjacent {
            if let Some((e, _)) = event_in(toks, k - 1, k, true) {
                if (adjacent || !tables().event_adjacent.contains(t.low.as_ref())) && !tables().event_after_only.contains(t.low.as_ref()) {
                    return Some(e);
                }
            }
        }
        k -= 1;
    }
    // "the death toll from Tuesday's earthquake in the south has climbed to 230": a toll
    // further back in the same clause, when a level verb or preposition leads to the number
    // (past an opening quotation mark: had risen to “at least 600”)
    let mut first = first;
    while first > 0 && toks.get(first - 1).is_some_and(|t| matches!(t.low.as_ref(), "“" | "\"" | "‘" | "'" | "«")) {
        first -= 1;
    }
    let level_lead = first > 0
        && toks.get(first - 1).is_some_and(|t| {
            matches!(
                t.low.as_ref(),
                "to" | "at" | "reached" | "reach" | "reaches" | "hit" | "hits" | "passed" | "pass" | "passes" | "topped" | "top" | "tops" | "exceeded" | "exceed" | "exceeds"
                    | "near" | "nears" | "neared" | "surpassed" | "surpass" | "surpasses" | "is" | "was" | "stands" | "stood"
            )
        });
    if level_lead {
        let lo = first.saturating_sub(16);
        let mut k = first - 1;
        while k > lo {
            let t = &toks[k - 1];
            if t.kind == Kind::Num || matches!(t.low.as_ref(), ";" | ":" | "." | "(" | ")" | "," | "and" | "but" | "while" | "as") {
                break;
            }
            // "the toll", "the number of measles cases ... has passed 3,000"
            if t.low == "toll" || is_plural(&t.low) && !tables().event_adjacent.contains(t.low.as_ref()) {
                if let Some((e, _)) = event_in(toks, k - 1, k, true) {
                    return Some(e);
                }
            }
            k -= 1;
        }
    }
    None
}

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// The time the sentence gives for its figures ("Thursday", "Friday morning",
/// "overnight", "as of Friday"), nearest to token `at`.
pub fn time_of(text: &str, toks: &[Tok], at: usize) -> Option<String> {
    let mut best: Option<(usize, usize, usize)> = None; // (distance, s, e)
    let lo = at.saturating_sub(60);
    let hi = (at + 60).min(toks.len());
    for (k, t) in toks.iter().enumerate().take(hi).skip(lo) {
        if t.kind != Kind::Word {
            continue;
        }
        let w = t.low.as_ref();
        let (s, mut e) = (t.s, t.e);
        let found = if WEEKDAYS.contains(&w) {
            if let Some(n) = toks.get(k + 1) {
                if DAY_PARTS.contains(&n.low.as_ref()) {
                    e = n.e;
                }
            }
            true
        } else if matches!(w, "overnight" | "yesterday" | "today" | "tonight") {
            true
        } else if w.len() > 3 && toks.get(k + 1).is_some_and(|n| n.kind == Kind::Num && n.low.len() <= 2) && super::dates::month(w).is_some() {
            // "on January 6", "as of Jan 7"
            e = toks.get(k + 1).map(|n| n.e).unwrap_or(e);
            true
        } else if (w == "last" || w == "this" || w == "earlier" || w == "later")
            && toks.get(k + 1).is_some_and(|n| matches!(n.low.as_ref(), "night" | "week" | "weekend" | "morning" | "evening" | "month" | "year"))
        {
            e = toks.get(k + 1).map(|n| n.e).unwrap_or(e);
            true
        } else {
            false
        };
        if !found {
            continue;
        }
        let d = k.abs_diff(at);
        if best.map_or(true, |b| d < b.0) {
            best = Some((d, s, e));
        }
    }
    best.and_then(|(_, s, e)| text.get(s..e)).map(str::to_string)
}

/// Every time expression of a sentence, as (token index, text).
pub fn times_in(text: &str, toks: &[Tok]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != Kind::Word || !t.low.starts_with(['m', 't', 'w', 'f', 's', 'o', 'y', 'l', 'e', 'j', 'a', 'n', 'd']) {
            continue;
        }
        if let Some(s) = time_of(text, toks.get(k..k + 2).unwrap_or(toks.get(k..).unwrap_or(&[])), 0) {
            if toks.get(k).is_some_and(|x| s.starts_with(text.get(x.s..x.e).unwrap_or("\u{0}"))) {
                out.push((k, s));
            }
        }
    }
    out
}

/// The time expression nearest to token `at`.
pub fn nearest_time(times: &[(usize, String)], at: usize) -> Option<String> {
    times.iter().min_by_key(|(k, _)| k.abs_diff(at)).map(|(_, s)| s.clone())
}

/// Whether the lowercase form of `w` is one of the ASCII words `set` (no lowercase copy:
/// the characters are compared as they are lowered).
fn lower_is_any(w: &str, set: &[&str]) -> bool {
    // ASCII words lowercase byte by byte (the set's words are lowercase ASCII)
    if w.is_ascii() {
        return set.iter().any(|t| w.eq_ignore_ascii_case(t));
    }
    set.iter().any(|t| w.chars().flat_map(char::to_lowercase).eq(t.chars()))
}

/// Who the sentence attributes its figures to: "according to X", "X said", "said X".
pub fn attribution_of(text: &str, toks: &[Tok]) -> Option<String> {
    let a = attribution_raw(text, toks)?;
    // a time word is not a source: "announced Thursday that ..."
    let trimmed = a
        .split(' ')
        .filter(|w| !lower_is_any(w, WEEKDAYS) && !lower_is_any(w, &["on", "today", "yesterday", "tonight"]))
        .collect::<Vec<_>>()
        .join(" ");
    let t = trimmed.trim();
    if t.is_empty() || lower_is_any(t, &["the", "a", "an"]) {
        None
    } else {
        Some(t.to_string())
    }
}

fn attribution_raw(text: &str, toks: &[Tok]) -> Option<String> {
    let tb = tables();
    // "quoted X as saying", "citing X"
    for (k, t) in toks.iter().enumerate() {
        if matches!(t.low.as_ref(), "quoted" | "citing" | "cited") {
            let a = k + 1;
            let mut b = a;
            while let Some(x) = toks.get(b) {
                if x.kind != Kind::Word || b - a >= 6 || matches!(x.low.as_ref(), "as" | "that" | "who" | "on" | "in" | "and") {
                    break;
                }
                b += 1;
            }
            let ends_well = t.low != "quoted" || toks.get(b).is_some_and(|x| x.low == "as");
            if b > a && ends_well {
                return text.get(toks[a].s..toks[b - 1].e).map(str::to_string);
            }
        }
    }
    // according to X
    for (k, t) in toks.iter().enumerate() {
        if t.low == "according" && toks.get(k + 1).is_some_and(|x| x.low == "to") {
            let a = k + 2;
            let mut b = a;
            while let Some(x) = toks.get(b) {
                if b - a >= 8 || x.kind == Kind::Num {
                    break;
                }
                if x.kind == Kind::Punct && !matches!(x.low.as_ref(), "'" | "’" | "&" | ".") {
                    break;
                }
                if x.kind == Kind::Word && b > a && matches!(x.low.as_ref(), "on" | "in" | "at" | "which" | "who" | "that" | "as" | "and" | "after" | "because" | "citing" | "for" | "since") {
                    break;
                }
                b += 1;
            }
            if b > a {
                let s = toks[a].s;
                let e = toks[b - 1].e;
                return text.get(s..e).map(|x| x.trim_end_matches('.').to_string());
            }
        }
    }
    // X said / said X
    for (k, t) in toks.iter().enumerate() {
        // (the short list first: most words fail it before any hashing)
        if t.kind != Kind::Word || !matches!(t.low.as_ref(), "said" | "says" | "say" | "told" | "reported" | "reports" | "announced" | "stated" | "confirmed" | "estimated" | "estimates" | "added" | "noted" | "claimed" | "wrote" | "tweeted" | "posted" | "cited") {
            continue;
        }
        if !tb.reporting.contains(t.low.as_ref()) {
            continue;
        }
        // "loss estimates ranged from", "the reports were": a noun, the subject of
        // another verb, not a reporting verb
        if matches!(t.low.as_ref(), "estimates" | "reports") && toks.get(k + 1).is_some_and(|n| n.kind == Kind::Word && (n.low.len() >= 4 && n.low.ends_with("ed") || matches!(n.low.as_ref(), "is" | "are" | "was" | "were" | "have" | "has" | "had"))) {
            continue;
        }
        // backwards: the noun phrase before the verb
        let mut a = k;
        while a > 0 {
            let x = &toks[a - 1];
            let ok = match x.kind {
                Kind::Word => {
                    let cap = text.get(x.s..x.e).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
                    // "the coastguard said": a lowercase noun after "the"
                    let after_the = a >= 2 && toks.get(a - 2).is_some_and(|d| d.low == "the") && !is_verbish(&x.low) && !x.low.ends_with("ly");
                    cap || after_the || matches!(x.low.as_ref(), "the" | "of" | "officials" | "official" | "police" | "ministry" | "authorities" | "spokesman" | "spokeswoman" | "spokesperson" | "government" | "office" | "agency" | "sources" | "witnesses" | "residents" | "media" | "state" | "local" | "health" | "interior" | "military" | "service" | "department" | "committee" | "news" | "officers" | "organizers" | "organisers" | "activists" | "group" | "prosecutors" | "prosecutor")
                }
                _ => x.low == "’" || x.low == "'",
            };
            if !ok || k - a >= 7 {
                break;
            }
            a -= 1;
        }
        // "the civil defence agency said": lowercase nouns back to a "the" within six words
        if a == k || toks.get(a).is_some_and(|x| x.low != "the") {
            let mut b = a;
            while b > 0 && k - b < 6 {
                let x = &toks[b - 1];
                if x.kind != Kind::Word || is_verb_like(toks, b - 1) && x.low != "the" {
                    break;
                }
                b -= 1;
                if x.low == "the" {
                    a = b;
                    break;
                }
            }
        }
        while a < k && toks.get(a).is_some_and(|x| matches!(x.low.as_ref(), "of")) {
            a += 1;
        }
        // a sentence-initial capital alone ("The", "But") is not a source
        if a < k {
            let s = toks[a].s;
            let e = toks[k - 1].e;
            let cand = text.get(s..e).unwrap_or("");
            if !lower_is_any(cand, &["the", "he", "she", "it", "they", "but", "and", "we", "i"]) && cand.chars().any(|c| c.is_alphabetic()) {
                return Some(cand.to_string());
            }
        }
        // forwards: "said the Interior Ministry", "said officials"
        let a = k + 1;
        let mut b = a;
        while let Some(x) = toks.get(b) {
            if x.kind != Kind::Word || b - a >= 6 {
                break;
            }
            let cap = text.get(x.s..x.e).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            if !(cap || matches!(x.low.as_ref(), "the" | "of" | "officials" | "police" | "ministry" | "authorities" | "spokesman" | "spokeswoman" | "a" | "an" | "government" | "agency")) {
                break;
            }
            b += 1;
        }
        if b > a {
            let s = toks[a].s;
            let e = toks[b - 1].e;
            let cand = text.get(s..e).unwrap_or("");
            if !lower_is_any(cand, &["the", "a", "an", "of"]) {
                return Some(cand.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn lower_is_any_matches_to_lowercase() {
        for w in ["MONDAY", "The", "the", "Them", "\u{212A}", "İt", "ΣA", "", "on", "On "] {
            for set in [WEEKDAYS, &["the", "a", "an", "k", "it", "on", ""][..]] {
                assert_eq!(lower_is_any(w, set), set.contains(&w.to_lowercase().as_str()), "{w}");
            }
        }
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("protesters"), "protester");
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("people"), "people");
        assert_eq!(singular("fishermen"), "fisherman");
        assert_eq!(singular("boxes"), "box");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("gas"), "gas");
        assert_eq!(singular("ties"), "tie");
        // "-ie" nouns are no "-y" nouns
        assert_eq!(singular("cookies"), "cookie");
        assert_eq!(singular("movies"), "movie");
        assert_eq!(singular("calories"), "calorie");
        assert_eq!(singular("parties"), "party");
        assert_eq!(singular("studies"), "study");
        assert_eq!(singular("persons"), "people");
        assert_eq!(singular("men"), "man");
        // "-ves" plurals of "-f"/"-fe" nouns, not of "-ve" nouns
        assert_eq!(singular("loaves"), "loaf");
        assert_eq!(singular("midwives"), "midwife");
        assert_eq!(singular("shelves"), "shelf");
        assert_eq!(singular("olives"), "olive");
        assert_eq!(singular("drives"), "drive");
        // "-oes" plurals of "-o" nouns, not of "-oe" nouns
        assert_eq!(singular("tomatoes"), "tomato");
        assert_eq!(singular("heroes"), "hero");
        assert_eq!(singular("shoes"), "shoe");
        assert_eq!(singular("canoes"), "canoe");
    }

    #[test]
    fn counted_phrases() {
        let s = "26 law enforcement officers were hurt";
        let t = tokenize(s, 0..s.len());
        assert_eq!(counted_np(&t, 1, false), Some(4));
        let s = "9 search and rescue personnel";
        let t = tokenize(s, 0..s.len());
        assert_eq!(counted_np(&t, 1, false), Some(5));
        let s = "26 were injured";
        let t = tokenize(s, 0..s.len());
        assert_eq!(counted_np(&t, 1, false), None);
        assert_eq!(event_of(s, &t, 0, None, 1), Some("injured"));
        for s in ["120 residents of Brennmoor were evacuated", "40 people in the Ostvik Province were killed"] {
            let t = tokenize(s, 0..s.len());
            let np = counted_np(&t, 1, false);
            assert!(np.is_some(), "{s}");
            let after = np.map_or(2, |e| e);
            assert!(event_of(s, &t, 0, Some((1, after)), after).is_some(), "{s}");
        }
        // not past a lowercase phrase ("residents of nearby towns were ...") nor a number
        let s = "120 residents of 3 towns were evacuated";
        let t = tokenize(s, 0..s.len());
        assert_eq!(event_of(s, &t, 0, Some((1, 2)), 2), None);
    }

    #[test]
    fn time_and_attribution() {
        let s = "Police said on Friday morning that 40 people were held, according to the Harbour Gazette.";
        let t = tokenize(s, 0..s.len());
        assert_eq!(time_of(s, &t, 5).as_deref(), Some("Friday morning"));
        assert_eq!(attribution_of(s, &t).as_deref(), Some("the Harbour Gazette"));
        let s = "At least 12 died overnight, the Health Ministry said.";
        let t = tokenize(s, 0..s.len());
        assert_eq!(attribution_of(s, &t).as_deref(), Some("the Health Ministry"));
        assert_eq!(time_of(s, &t, 2).as_deref(), Some("overnight"));
    }
}
