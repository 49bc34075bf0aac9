//! Figures: every number in a document as an interval with unit, change, concept and event.
//!
//! The pipeline, per sentence:
//! 1. `tokens`: words, numbers and punctuation with byte spans;
//! 2. `dates`: calendar dates, clock times and years are typed as such (never counts);
//!    phone numbers, list numbering, identifiers ("COVID-19", "Big 12") and scores are
//!    dropped (the rule is written in `dates.rs`);
//! 3. `numbers`: the number grammar (digits, separators, multipliers, words, fractions,
//!    scientific notation); vague quantities ("dozens") come from `vague_quantities.tsv`;
//!    ratios ("one in five", "3 out of 4") become fractions (in `ranges`); `find` runs the
//!    scan over the tokens and drops what is not a figure; `vague` reads vague quantities;
//!    [`Sentence::quantity`] (here) calls each step below in turn on one `Reading`;
//! 4. `qualifiers`: qualifiers before/after the number (`qualifiers.tsv`) become bounds
//!    through [`bounds`], the one place where intervals and band widths are defined;
//! 5. `units`: currency signs before the number (`figure_currency_prefixes.tsv`), units after
//!    it (`units.tsv`, NewsQuant's normalized names), hyphenated compounds ("180-day",
//!    "81-year-old", "7.8-magnitude"), "per"/"a" denominators ("$3,500 a month");
//!    a count without a unit takes the counted noun phrase as unit ("26 protesters" →
//!    `protester`, "people" stays `people`);
//! 6. `ranges`: "between X and Y", "from X to Y" (a few words may separate them: "from $5
//!    on Monday to $4"), "X to Y", "X–Y", "three or four" (`range` is set only for these;
//!    `value` is then the midpoint);
//! 7. `change`: `up`/`down` when a rise/fall verb governs the amount ("rose 5%", "fell by 3",
//!    "up 2%", "+0.2%", "5% higher"); a following "to" makes it a level (`=`); otherwise
//!    the qualifier's symbol (`~`, `>`, `<`) or `=`;
//! 8. `context`: concept, event, time and attribution. The concept of a count is the
//!    counted noun phrase ("law enforcement officers"); of a measure, what it measures
//!    ("a $150,000 contract", "60 per cent of revenue", else the clause subject); a
//!    conversion in brackets ("47 feet (14 metres)") shares the concept, qualifier and
//!    change of the figure it converts.
//!
//! Quantities and ordinals inside page furniture are skipped; dates, years and times are
//! kept everywhere (shown, never compared).

pub mod bounds;
mod change;
mod concept;
mod context;
mod dates;
mod find;
mod numbers;
mod phrase;
mod qualifiers;
mod ranges;
mod tables;
pub mod units;
mod vague;
/// Function words and reporting verbs (also used by compare for context words).
pub use context::{singular, singular_into};
pub use tables::is_stopword;

/// The value of a cardinal number word ("five", "twelve"), lowercase; None for other words.
pub fn number_word(w: &str) -> Option<f64> {
    tables::tables().word(w).filter(|(_, c)| matches!(c, tables::WordClass::Unit | tables::WordClass::Ten)).map(|(v, _)| v)
}
mod tokens;
mod words;

use crate::report::{Figure, FigureKind};
use crate::text::TextDoc;
use bounds::{Bound, Interval};
use numbers::Num;
use tables::UnitClass;
use tokens::{Kind, Tok};

/// The figures of every document, in document order, with `id` (position in the list)
/// and `doc` set. Spans are UTF-8 byte offsets into each document's text.
pub fn extract_all(docs: &[TextDoc]) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    for d in docs {
        let figs = extract(d);
        let base = out.len();
        // (the first document's list is taken as it is, not copied)
        if out.is_empty() {
            out = figs;
        } else {
            out.extend(figs);
        }
        for (i, f) in out.iter_mut().enumerate().skip(base) {
            (f.id, f.doc) = (i, d.id);
        }
    }
    // (the list is kept to the end of the analysis: no spare capacity)
    out.shrink_to_fit();
    out
}

/// Extracts the figures of one document. Spans are UTF-8 byte offsets into `doc.text`;
/// `id` and `doc` are set by the caller ([`extract_all`] does both).
pub fn extract(doc: &TextDoc) -> Vec<Figure> {
    let european = find::is_european(doc.text);
    let mut out = Vec::new();
    // one lowercase copy of the text: capitalized words borrow their lowercase form
    let lower = doc.text.to_ascii_lowercase();
    let mut toks = Vec::new();
    // the document's words, indexed when the parse first asks about them
    let words = words::Words::new(doc.text);
    // (the parse's memory, reused from sentence to sentence)
    let mut memo = Vec::new();
    for r in &doc.sentences {
        tokens::tokenize_into(doc.text, Some(&lower), r.clone(), &mut toks);
        if toks.is_empty() {
            continue;
        }
        // the figures go straight into `out`; the sentence's own start at `base`
        let base = out.len();
        // (an empty memory: the parse starts afresh on this sentence)
        memo.clear();
        let mut s = Sentence { doc, words: &words, toks: &toks, european, start: r.start, out, base, last: None, attribution: None, times: None, prev_unit: None, prev_points: false, tags: memo };
        s.run();
        out = s.out;
        memo = s.tags;
        units::inherit_partitive_units(doc.text, out.get_mut(base..).unwrap_or(&mut []));
    }
    // (numbers beyond what a double can compare are not figures)
    out.retain(bounds::representable);
    crate::sort::by_key(&mut out, |f| [f.start as u64, f.end as u64, 0]);
    out
}

/// Drops the possessive "'s" at the end of words ("the SUV's range" → "the SUV range").
fn strip_possessives(s: &str) -> String {
    s.split(' ').map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).filter(|x| !x.is_empty()).unwrap_or(w)).collect::<Vec<_>>().join(" ")
}

struct Sentence<'a, 'b> {
    doc: &'a TextDoc<'a>,
    /// The document's words, for the parse's questions about the whole document.
    words: &'a words::Words<'a>,
    toks: &'b [Tok<'b>],
    european: bool,
    start: usize,
    /// The figures of the document so far; this sentence's start at `base`.
    out: Vec<Figure>,
    base: usize,
    /// End byte, bound and index in `out` of the last quantity (whose change, concept and
    /// about are read there), for conversions in brackets.
    last: Option<(usize, Option<Bound>, usize)>,
    /// The time expressions of the sentence (token index, text), computed once.
    times: Option<Vec<(usize, String)>>,
    /// The sentence's attribution, computed once.
    attribution: Option<Option<String>>,
    /// Normalized unit and class of the last quantity with a unit, and whether it was a
    /// change, for bare numbers that continue it.
    prev_unit: Option<(String, UnitClass, bool)>,
    /// Whether a level in points (not a change in points) came before in the sentence.
    prev_points: bool,
    /// The tags of the sentence's shallow parse found so far (each token is tagged when
    /// a rule first reads it).
    tags: Vec<std::cell::Cell<phrase::Memo>>,
}

/// A number with everything read around it.
#[derive(Debug, Clone, Default)]
struct Quantity {
    s: usize,
    e: usize,
    value: f64,
    interval: Option<Interval>,
    bound: Option<Bound>,
    range: Option<[f64; 2]>,
    change: Option<&'static str>,
    unit: Option<String>,
    unit_text: Option<String>,
    class: Option<UnitClass>,
    /// Token index of the first token of the expression, and the first after it.
    first: usize,
    after: usize,
    /// Counted noun phrase tokens.
    np: Option<(usize, usize)>,
    /// For a suspended hyphen ("four-, five- and six-cylinder engines"), the token after the
    /// last member's compound, where the noun the figures modify starts.
    attr_after: Option<usize>,
    vague: bool,
}

/// The state of one number being read by [`Sentence::quantity`]'s steps.
struct Reading {
    num: Num,
    /// What is pushed in the end.
    q: Quantity,
    /// The value so far (sign, glued multiplier, ratio applied) and the end byte so far.
    value: f64,
    e: usize,
    /// Currency before the number: (start byte, normalized name).
    cur: Option<(usize, &'static str)>,
    negative: bool,
    /// Start byte and first token of the expression (sign and qualifier included).
    pre_s: usize,
    k: usize,
    bound: Option<Bound>,
    /// "between" or "from" before the number.
    range_intro: Option<String>,
    change: Option<&'static str>,
    /// "aged 9", "magnitude 6.4".
    age_pre: bool,
    magnitude_pre: bool,
    /// A glued "m"/"b" was read as a multiplier ("$5m").
    scaled_glued: bool,
    /// (normalized, as written, class).
    unit: Option<(String, String, UnitClass)>,
    /// The first token after what was read so far.
    after_tok: usize,
    range: Option<[f64; 2]>,
    /// "2,000.45±0.01": the uncertainty written after the number.
    uncertainty: Option<f64>,
}

impl Reading {
    fn new(i: usize, num: Num) -> Reading {
        let q = Quantity { s: num.s, e: num.e, value: num.value, first: i, after: num.next, ..Default::default() };
        Reading { value: num.value, e: num.e, pre_s: num.s, k: i, after_tok: num.next, q, num, cur: None, negative: false, bound: None, range_intro: None, change: None, age_pre: false, magnitude_pre: false, scaled_glued: false, unit: None, range: None, uncertainty: None }
    }
}

impl<'a, 'b> Sentence<'a, 'b> {
    fn text(&self) -> &'a str {
        self.doc.text
    }


    /// The figures of this sentence so far.
    fn own(&self) -> &[Figure] {
        self.out.get(self.base..).unwrap_or(&[])
    }

    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.low.as_ref()).unwrap_or("")
    }

    fn push_typed(&mut self, kind: FigureKind, s: usize, e: usize, value: f64) {
        if kind == FigureKind::Ordinal && self.doc.in_furniture(&(s..e)) {
            return;
        }
        let text = self.text().get(s..e).unwrap_or("").to_string();
        self.out.push(Figure {
            start: s as u32,
            end: e as u32,
            text,
            sentence: self.doc.sentence_of(s),
            kind,
            value,
            low: Some(value),
            high: Some(value),
            low_inclusive: true,
            high_inclusive: true,
            change: "=".to_string(),
            ..Figure::default()
        });
    }

    /// Index of the first token starting at or after byte `b`.
    fn tok_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.s < b)
    }

    /// Index of the token starting at byte `b` (or the first after it).
    fn tok_at(&self, b: usize) -> usize {
        self.tok_after(b)
    }

    /// Runs `f` on the sentence's shallow parse (tagged once per sentence, when a figure
    /// first needs it).
    fn with_parse<R>(&mut self, f: impl FnOnce(&phrase::Parse) -> R) -> R {
        let parse = phrase::Parse::resume(self.doc.text, self.toks, std::mem::take(&mut self.tags), self.words);
        let r = f(&parse);
        self.tags = parse.into_memo();
        r
    }

    /// Builds the quantity whose number starts at token `i`, step by step (each step in
    /// its own module); returns the next token index.
    fn quantity(&mut self, i: usize, num: Num) -> usize {
        let mut r = Reading::new(i, num);
        self.read_before(&mut r); // qualifiers.rs
        self.change_before(&mut r); // change.rs
        self.unit_after(&mut r); // units.rs
        self.post_qualifier(&mut r); // qualifiers.rs
        self.change_after(&mut r); // change.rs
        if let Some(next) = self.range_after(&mut r) {
            return next; // ranges.rs: two years
        }
        self.ratio(&mut r); // ranges.rs
        if let Some(next) = self.year_of(&r) {
            return next; // find.rs
        }
        self.unit_of_count(&mut r); // units.rs
        self.settle_bounds(&mut r); // qualifiers.rs
        let next = r.q.after.max(r.num.next);
        self.finish(r.q);
        next
    }

    /// A duration that is a prison term: a sentencing word just before it ("jailed for",
    /// "sentenced to", "prosecutors sought", "terms of") or a prison phrase right after it
    /// ("in prison", "behind bars", "sentence").
    fn is_prison_term(&self, q: &Quantity) -> bool {
        const STRONG: &[&str] = &["sentenced", "sentencing", "jailed", "jails", "jail", "imprisoned", "imprisonment", "prison", "sentence", "sentences", "term", "terms"];
        const WEAK: &[&str] = &["sought", "seeks", "seeking", "faces", "facing", "face", "demanded", "requested"];
        let words_before = || (q.first.saturating_sub(4)..q.first).rev().take_while(|&k| self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)).map(|k| self.low(k));
        let a = q.after;
        let after = matches!((self.low(a), self.low(a + 1)), ("in", "prison" | "jail" | "custody") | ("behind", "bars") | ("of", "imprisonment" | "prison" | "jail") | ("prison" | "jail", "term" | "sentence"))
            || matches!(self.low(a), "sentence" | "imprisonment");
        // "prosecutors had sought 12 years": only where prison was just mentioned
        let prison_near = || {
            let from = q.s.saturating_sub(300);
            let from = (from..q.s).find(|&b| self.text().is_char_boundary(b)).unwrap_or(q.s);
            self.text().get(from..q.s).is_some_and(|h| {
                let h = h.to_ascii_lowercase();
                h.contains("prison") || h.contains("jail") || h.contains("sentenc")
            })
        };
        after || words_before().any(|w| STRONG.contains(&w)) || words_before().any(|w| WEAK.contains(&w)) && prison_near()
    }

    /// "profit fell 12% to $3.4bn", "shares rose 5 cents to $4.10": a money or measure
    /// figure right after " to " a change figure of the sentence is the level the changed
    /// thing reached: (concept, about) of that change.
    fn level_of_change(&self, q: &Quantity) -> Option<(String, String)> {
        if !matches!(q.class, Some(UnitClass::Money | UnitClass::Measure | UnitClass::Pct)) || q.np.is_some() {
            return None;
        }
        self.reached_by_change(q)
    }

    /// (concept, about) of the change figure right before `q` when `q` is the level it
    /// reached ("grew by 2% to 5.6 million people").
    fn reached_by_change(&self, q: &Quantity) -> Option<(String, String)> {
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        if !matches!(prev.change.as_str(), "up" | "down") || prev.end as usize > q.s || prev.about.is_empty() {
            return None;
        }
        let gap = self.text().get(prev.end as usize..q.s)?;
        matches!(gap, " to " | ", to " | " to a " | " to an ").then(|| (prev.concept.clone(), prev.about.clone()))
    }

    /// The about of the count right before `q` when the two are joined by "and", "or" or
    /// a comma ("carries 800 passengers and 120 cars").
    fn joined_count_about(&self, q: &Quantity) -> Option<String> {
        let prev = self.own().last().filter(|f| f.kind == FigureKind::Quantity && !f.about.is_empty())?;
        let counted = prev.unit_text.is_some() && prev.unit_text.as_deref() == Some(prev.concept.as_str());
        let gap = self.text().get(prev.end as usize..q.s)?;
        (counted && matches!(gap, " and " | " or " | ", " | ", and ")).then(|| prev.about.clone())
    }

    /// For a bare count with an event ("... and 31 wounded", "... and injuring 310"), the
    /// unit and concept of the count it is coordinated with: the previous figure of the
    /// sentence, a count of a noun with its own event, joined by "and" or a comma with no
    /// other number between.
    fn elliptical_count(&self, q: &Quantity, has_event: bool, concept: &str) -> Option<(String, String)> {
        // "killing five people and wounding 12 others": "others" names no noun of its own
        let others = q.np.is_some_and(|(a, b)| b == a + 1 && matches!(self.low(a), "others" | "more"));
        if !has_event || q.np.is_some() && !others || q.class.is_some() || !concept.is_empty() && !others || q.unit.is_some() && !others {
            return None;
        }
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        if prev.event.is_none() || prev.concept.is_empty() || prev.end as usize > q.s {
            return None;
        }
        let unit = prev.unit.clone()?;
        // ("dead in five states, millions without power": a count after a preposition is
        // where, not who)
        // (only the last words: lowercasing all the text before it is quadratic in one long source)
        let before_prev = crate::reading::clause::tail(self.text().get(..prev.start as usize).unwrap_or("").trim_end(), 16).to_ascii_lowercase();
        if ["in", "across", "from", "over", "throughout", "at"].iter().any(|p| before_prev.strip_suffix(p).is_some_and(|r| r.ends_with(' '))) {
            return None;
        }
        let gap = self.text().get(prev.end as usize..q.s)?;
        // (", while millions ...": a clause of its own)
        let own_clause = [" while ", " whereas ", " but ", " as "].iter().any(|w| gap.contains(w));
        let joined = gap.len() <= 48 && !own_clause && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '(' | ')')) && (gap.contains(" and ") || gap.starts_with(", ") || gap.starts_with(" and"));
        joined.then(|| (unit, prev.concept.clone()))
    }

    /// A bare count that restates the count before it: its earlier value ("the toll rose to
    /// 17 from 12") or a part of it ("1,300 people were rescued, 450 of them children"):
    /// (unit, concept, event) of that count, the part's own noun when it names one.
    fn restated_count(&self, q: &Quantity) -> Option<(Option<String>, String, String)> {
        if q.np.is_some() || q.unit.is_some() || q.class.is_some() || q.vague {
            return None;
        }
        // "six cases were in people who had a dose – two in Texas and four in Ohio": bare
        // counts after a dash or colon that ends the count's clause break it down (the
        // count with an event last before it in the sentence, no digits between)
        let before_q = crate::reading::clause::tail(self.text().get(..q.s).unwrap_or(""), 8).trim_end();
        if before_q.ends_with(['–', '—', ':']) {
            // (the first such count of the sentence: the clause's subject, not a count inside
            // its phrases: "who had at least one dose")
            let sentence = self.doc.sentence_of(q.s);
            let head = self.own().iter().rev().take_while(|f| f.sentence == sentence).filter(|f| f.kind == FigureKind::Quantity && (f.end as usize) <= q.s && f.event.is_some()).last();
            if let Some(h) = head {
                let gap = self.text().get(h.end as usize..q.s).unwrap_or("");
                if gap.len() <= 120 && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | '(' | ')')) {
                    return Some((h.unit.clone(), h.concept.clone(), h.event.clone().unwrap_or_default()));
                }
            }
        }
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        let event = prev.event.clone()?;
        if prev.end as usize > q.s {
            return None;
        }
        let gap = self.text().get(prev.end as usize..q.s)?;
        if gap == " from " {
            return Some((prev.unit.clone(), prev.concept.clone(), event));
        }
        // "215 new cases overnight, bringing the total to 8,940": a running total of the same
        // event (not of the same noun: the total is not new cases)
        if gap.len() <= 64 && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':')) {
            let g = gap.trim_end().to_ascii_lowercase();
            let verb = ["bringing", "taking", "raising", "pushing", "lifting", "brings", "takes", "raises", "pushes"].iter().any(|v| g.contains(v));
            let total = [" the total", " the toll", " the tally", " the death toll", " the number", " the count"].iter().any(|w| g.contains(w));
            if verb && total && g.ends_with(" to") {
                return Some((None, String::new(), event));
            }
        }
        // each count after such a breakdown, in a parallel list ("two in Texas and four ...")
        let no_digit = !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | '(' | ')'));
        let g = gap.trim_start();
        let parallel = no_digit
            && gap.len() <= 40
            && (g.starts_with("in ") || g.starts_with("at ") || g.starts_with("from "))
            && (gap.ends_with(" and ") || gap.ends_with(", "))
            && !g.trim_end().trim_end_matches(',').trim_end_matches(" and").contains(',');
        if parallel && self.dash_part(prev) {
            return Some((prev.unit.clone(), prev.concept.clone(), event));
        }
        let clean = gap.len() <= 48 && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '(' | ')'));
        let part = clean && (gap.ends_with(", ") || gap.ends_with(" and ")) && self.low(q.after) == "of" && matches!(self.low(q.after + 1), "them" | "whom" | "those");
        if !part {
            return None;
        }
        match self.toks.get(q.after + 2).filter(|t| t.kind == Kind::Word && context::is_plural(&t.low) && !tables::is_stopword(&t.low)) {
            Some(t) => Some((Some(context::singular(&t.low)), self.text().get(t.s..t.e).unwrap_or("").to_string(), event)),
            None => Some((prev.unit.clone(), prev.concept.clone(), event)),
        }
    }

    /// True when the count `f` (of this document) is a bare count after a dash or colon
    /// that follows another count ([`Self::restated_count`]'s breakdown).
    fn dash_part(&self, f: &Figure) -> bool {
        let before = crate::reading::clause::tail(self.text().get(..f.start as usize).unwrap_or(""), 8);
        before.trim_end().ends_with(['–', '—', ':'])
    }

    /// The event of the count a count is included in: "300 passengers, including 45
    /// children", "40 people were killed, among them 12 children".
    fn including_event(&self, q: &Quantity) -> Option<String> {
        let prev = self.own().iter().rev().find(|f| f.kind == FigureKind::Quantity)?;
        let event = prev.event.clone()?;
        let gap = self.text().get(prev.end as usize..q.s)?;
        if gap.len() > 40 || gap.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '(' | ')')) {
            return None;
        }
        // the gap after the head count's phrase ends with the including words
        let tail = gap.rsplit(',').next().unwrap_or(gap).trim();
        let ok = gap.contains(',') && ["including", "among them", "among whom", "among those", "among which"].iter().any(|l| tail.eq_ignore_ascii_case(l));
        ok.then_some(event)
    }

    /// Fills concept, event, time and attribution and pushes the figure.
    fn finish(&mut self, mut q: Quantity) {
        if self.doc.in_furniture(&(q.s..q.e)) {
            return;
        }
        let text = self.text();
        // a conversion in brackets takes the qualifier of the figure it converts:
        // "just under 296 hp (224 kW)", "cooled by 2 to 3 degrees Celsius (3.6 to 5.4 F)"
        let mut inherited_concept = None;
        let mut inherited_about = None;
        if let Some((le, lb, li)) = self.last {
            let (lc, lconcept, labout) = self.out.get(li).map_or(("=", "", ""), |f| (f.change.as_str(), f.concept.as_str(), f.about.as_str()));
            let gap = text.get(le..q.s).unwrap_or("x");
            let conversion = matches!(gap, " (" | "(" | " [" | " / " | "/");
            if conversion && q.np.is_none() && !lconcept.is_empty() {
                inherited_concept = Some(lconcept.to_string());
            }
            // "came back at 4 ppb and 2 ppb": a figure joined to the one before shares its about
            // (a dash must stand alone: "four-, five- and six-cylinder" are suspended hyphens)
            let joined = q.np.is_none() && !gap.starts_with(['-', '–', '—']) && !gap.trim().is_empty() && gap.split_whitespace().all(|w| matches!(w, "-" | "–" | "—" | "and" | "or" | "to" | "at" | "end" | "close" | "closed" | "finish" | "finished" | "settle" | "settled" | "wide" | "long" | "high" | "deep" | "tall" | "thick"));
            if conversion && q.np.is_none() || joined {
                // "four fillets (1lb)": the counted noun is what the conversion is about
                inherited_about = [labout, lconcept].into_iter().find(|a| !a.is_empty()).map(str::to_string);
            }
            if conversion && q.bound.is_none() && q.change == Some("=") && !q.vague {
                if let Some(b) = lb.filter(|_| q.range.is_none()) {
                    let nonneg = q.value >= 0.0;
                    q.interval = Some(bounds::bounds(q.value, b, nonneg));
                    q.bound = Some(b);
                }
                q.change = match lc {
                    "up" => Some("up"),
                    "down" => Some("down"),
                    ">" => Some(">"),
                    "<" => Some("<"),
                    "~" => Some("~"),
                    _ => Some("="),
                };
            }
        }
        let is_count = q.class.is_none();
        // "profit fell 12% to $3.4bn": a level reached by a change has its concept and about
        let level_of_change = self.level_of_change(&q);
        let share_for = if q.class == Some(UnitClass::Pct) { context::share_for(text, self.toks, q.after) } else { None };
        // an area takes the events of land: "the fire has burned 30,000 acres"
        let area = q.class == Some(UnitClass::Measure) && matches!(q.unit.as_deref(), Some("acre" | "hectare" | "square kilometre" | "square mile" | "square metre" | "square foot"));
        let count_event = if is_count || q.vague {
            context::event_of(self.text(), self.toks, q.first, q.np, q.after)
                .map(|e| if e == "burned" { context::burned_count(self.toks, q.np) } else { e })
        } else if area {
            context::event_of(self.text(), self.toks, q.first, None, q.after).filter(|e| matches!(*e, "burned" | "destroyed" | "damaged" | "affected"))
        } else {
            None
        };
        // what a measure measures, from the sentence's structure (concept.rs)
        // (a bare count with no event reads as a measure: "Tesla delivered 63,150 Model 3s")
        let bare_count = q.class.is_none() && q.unit.is_none() && count_event.is_none() && !q.vague;
        let structural = if (q.class.is_some_and(|c| c != UnitClass::Age) || bare_count) && q.np.is_none() && inherited_concept.is_none() {
            let (money, duration) = (q.class == Some(UnitClass::Money), q.class == Some(UnitClass::Time));
            self.with_parse(|p| concept::measure(p, q.first, q.attr_after.unwrap_or(q.after), money, duration))
        } else {
            None
        };
        // a bare count's owner is the subject of its clause ("Norvik shipped 40 K9 pumps")
        let bare_owner = if bare_count && q.np.is_none() { self.with_parse(|p| concept::count_owner(p, q.first)).filter(|o| !o.is_empty()) } else { None };
        // the clause subject is the last resort of both concept and about: computed once
        let mut subject: Option<String> = None;
        let mut clause_subject = |first: usize| subject.get_or_insert_with(|| context::clause_subject(text, self.toks, first)).clone();
        // what a measure is about, also the concept's fallback: computed once
        let mut measured: Option<Option<String>> = None;
        let toks = self.toks;
        let mut measure_about = || measured.get_or_insert_with(|| context::measure_about(text, toks, q.first, q.attr_after.unwrap_or(q.after), q.class)).clone();
        let concept = if let Some((a, b)) = q.np {
            context::words_text(text, self.toks, a, b)
        } else if let Some(c) = inherited_concept {
            c
        } else if is_count && (count_event.is_some() || q.vague) {
            // "26 were injured": the sentence does not say who
            String::new()
        } else if q.class == Some(UnitClass::Age) {
            // "a 50-year-old man", "Smith, 45,"
            let nt = self.toks.get(q.after);
            if nt.is_some_and(|t| t.kind == Kind::Word && !tables::is_stopword(&t.low)) {
                context::words_text(text, self.toks, q.after, q.after + 1)
            } else {
                context::measure_words(text, self.toks, q.first, q.after, false, true).unwrap_or_else(|| clause_subject(q.first))
            }
        } else if let Some(c) = level_of_change.as_ref().map(|l| l.0.clone()) {
            c
        } else if let Some(c) = share_for.clone() {
            c
        } else if q.class == Some(UnitClass::Time) && self.is_prison_term(&q) {
            // "jailed for 8 years", "sentenced to eight years in prison", "a 15-year
            // sentence": one concept whatever the wording, so that terms are compared
            "prison sentence".to_string()
        } else {
            // "in NP" names what money is spent on ("$1bn in aid"), not what a percentage
            // or a count measures ("fell 6.5% in early trading"); the subject of the verb
            // that governs the figure before the subject of the whole clause ("Norvane said
            // its profit fell 12%")
            let money = q.class == Some(UnitClass::Money);
            // (a subject that is only a name gives the parse no concept: the older reading
            // then names it, so that "the Unity Bloc slumped to 29%" groups with its share)
            if let Some((c, _)) = structural.as_ref().filter(|s| !s.0.is_empty()) {
                c.clone()
            } else {
            context::measure_words(text, self.toks, q.first, q.after, false, money)
                .or_else(|| if q.class.is_some() { measure_about().filter(|s| !s.is_empty()) } else { None })
                .unwrap_or_else(|| clause_subject(q.first))
            }
        };
        let about = match q.np {
            Some((_, b)) if is_count => match self.with_parse(|p| concept::possessive_owner(p, q.first)) {
                Some(o) => o,
                None => {
                    let owner = self.with_parse(|p| concept::count_owner(p, q.first));
                    let about = context::count_about(text, self.toks, q.first, b, owner);
                    if about.is_empty() {
                        // "grew by 2% to 5.6 million people": the level of a change; "sells
                        // 400 loaves and 250 rolls": a count joined to the count before it;
                        // "a survey of 1,500 voters": the phrase it completes; "scored 9 goals in 14 games": a
                        // count in a phrase of its clause
                        self.reached_by_change(&q)
                            .map(|(_, a)| a)
                            .or_else(|| self.joined_count_about(&q))
                            .or_else(|| self.with_parse(|p| concept::of_owner(p, q.first)))
                            .or_else(|| self.with_parse(|p| concept::scope_owner(p, q.first)))
                            .unwrap_or(about)
                    } else {
                        about
                    }
                }
            },
            Some(_) => concept.clone(),
            None => {
                if let Some(a) = inherited_about {
                    a
                } else if let Some((_, a)) = level_of_change {
                    a
                } else if let Some(a) = share_for {
                    a
                } else if concept.is_empty() && is_count && (count_event.is_some() || q.vague) {
                    concept.clone()
                } else if q.class == Some(UnitClass::Age) {
                    context::age_about(text, self.toks, q.first, q.after).unwrap_or_else(|| clause_subject(q.first))
                } else if let Some(o) = bare_owner {
                    o
                } else if let Some((_, a)) = structural.filter(|s| !s.1.is_empty()) {
                    a
                } else {
                    measure_about().unwrap_or_else(|| clause_subject(q.first))
                }
            }
        };
        // "Apple's revenue" is about "Apple revenue"
        let about = if about.contains("'s") || about.contains("’s") { strip_possessives(&about) } else { about };
        // a predicate is no thing ("35% slept", "so impressive")
        let about = if !about.is_empty() && self.with_parse(|p| concept::names_nothing(p, &about, q.first)) { String::new() } else { about };
        let event = count_event.map(str::to_string);
        // "600 soldiers and 150 boats were deployed": the event after the second of two
        // joined counts is the first's too
        if let (Some(ev), Some(_)) = (&event, q.np) {
            let start = self.base;
            if let Some(prev) = self.out.get_mut(start..).and_then(|o| o.iter_mut().rev().find(|f| f.kind == FigureKind::Quantity)) {
                let counted = prev.unit_text.is_some() && prev.unit_text.as_deref() == Some(prev.concept.as_str());
                if counted && prev.event.is_none() && text.get(prev.end as usize..q.s) == Some(" and ") {
                    prev.event = Some(ev.clone());
                }
            }
        }
        // "killing 57 people and injuring 310", "9 civilians were killed and 31 wounded": the
        // second count of a coordination counts the noun of the first
        let (concept, about) = match self.elliptical_count(&q, count_event.is_some(), &concept) {
            Some((unit, c)) => {
                q.unit = Some(unit);
                (c, String::new())
            }
            None => (concept, about),
        };
        // (a part with an event of its own keeps it: "80 protesters, 12 of whom were charged")
        let (concept, about, event) = match (event.is_none() || concept.is_empty() && q.unit.is_none()).then(|| self.restated_count(&q)).flatten() {
            Some((unit, c, ev)) => {
                q.unit = unit;
                (c, String::new(), event.or(Some(ev)))
            }
            None => (concept, about, event),
        };
        // "126 people on board, including 7 crew", "killing 40 people, including 12 children":
        // the included count shares the event of the count it is part of
        let event = if event.is_none() && is_count { self.including_event(&q) } else { event };
        self.last = Some((q.e, q.bound, self.out.len()));

        if self.times.is_none() {
            self.times = Some(context::times_in(text, self.toks));
        }
        let time = self.times.as_deref().and_then(|ts| context::nearest_time(ts, q.first));
        if self.attribution.is_none() {
            self.attribution = Some(context::attribution_of(text, self.toks));
        }
        let attribution = self.attribution.clone().flatten();
        if let (Some(u), Some(c)) = (&q.unit, q.class) {
            self.prev_unit = Some((u.clone(), c, matches!(q.change, Some("up" | "down"))));
            self.prev_points |= u == "point" && c == UnitClass::Measure && !matches!(q.change, Some("up" | "down"));
        } else if q.class.is_none() && q.unit.is_some() {
            // a count came last: a bare number after it continues the count, not an
            // earlier measure ("a magnitude 7.1 quake killed 212 people and injured 1,400")
            self.prev_unit = None;
        }
        let iv = q.interval.unwrap_or(bounds::bounds(q.value, Bound::Exact, true));
        self.out.push(Figure {
            start: q.s as u32,
            end: q.e as u32,
            text: text.get(q.s..q.e).unwrap_or("").to_string(),
            sentence: self.doc.sentence_of(q.s),
            kind: FigureKind::Quantity,
            value: q.value,
            low: iv.low,
            high: iv.high,
            low_inclusive: iv.low_inclusive,
            high_inclusive: iv.high_inclusive,
            range: q.range,
            change: q.change.unwrap_or("=").to_string(),
            unit: q.unit,
            unit_text: q.unit_text,
            concept,
            about,
            event,
            time,
            attribution,
            ..Figure::default()
        });
    }
}

#[cfg(test)]
mod tests;
