//! Scope: the part of the world a figure is limited to, read from its clause.
//!
//! "11 deaths in North Carolina", "Texas has reported 279 cases", "Egypt's toll",
//! "660 Egyptians", "138 people from Indonesia", "Five deaths were linked to the Corvo
//! Fire", "Erdogan won 49.5%", "15 foreigners": each figure is about a place, a group or a
//! named thing smaller than the story, and never the same fact as the story's overall
//! figure. What counts as a scope:
//! - a named entity in the figure's clause (its window: the text between the figures
//!   before and after it in the sentence, cut at clause breaks), written
//!   - after a scope preposition ("in", "at", "from", "across", "throughout", "inside",
//!     "within", "of", "among"; "to" only after "linked", "attributed", "related",
//!     "due", "tied", "connected"), or "alone" after the name;
//!   - as the clause's subject or possessor before the figure ("Texas has reported",
//!     "Nokia's sales", "the Ashby fire is 15% contained");
//!   but never the source of the figure: a name before or after a reporting verb ("the
//!   ministry said", "said Cal Fire", "according to AFP", "a spokesman for X"), or the
//!   figure's attribution; a subject that "reported" or "confirmed" a count is its scope
//!   only when it is a place ("Texas has reported 279 cases");
//! - a demonym in the clause ("Egyptian pilgrims", "660 Egyptians", "Jordanians"), read
//!   as its country, unless it qualifies a source ("Egyptian officials said");
//! - foreigners as a group ("15 foreigners", "foreign nationals").
//!
//! The nearest candidate to the figure wins. The scope's key folds spelling, and a
//! country named by its name or its demonym has one key ("Indonesia", "Indonesians").

use std::ops::Range;

use crate::report::{Entity, EntityKind};

/// A mention of an entity, in byte offsets of its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub start: usize,
    pub end: usize,
    /// Index of the entity in the entities list.
    pub entity: usize,
}

/// How a scope limits a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScopeKind {
    /// Where: a place after "in", "at", "across"... or a place as the clause's subject
    /// ("Texas has reported").
    Location,
    /// Who by origin: a demonym ("Egyptians", "Jordanian pilgrims"), "from X", "nationals
    /// of X".
    Origin,
    /// Foreigners as a group.
    Foreign,
    /// A named party the figure belongs to: a candidate's share, a company's sales, a
    /// fire's area.
    Party,
    /// A group of people by age or status ("children younger than 5", "people fully
    /// vaccinated"; see [`super::group`]).
    Group,
}

/// What a figure is limited to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub kind: ScopeKind,
    /// Comparable key: folded place or entity name; "foreign" for foreigners.
    pub key: String,
    /// For people: the name as the report shows it ("Texas", "Egypt").
    pub label: String,
    /// The entity named, when the scope is a mention.
    pub entity: Option<usize>,
    /// True when the scope is a place (a gazetteer place, a place entity or a demonym's
    /// country).
    pub place: bool,
}

/// Prepositions that limit a figure to what follows them.
const SCOPE_PREPS: [&str; 10] = ["in", "at", "from", "across", "throughout", "inside", "within", "of", "among", "for"];

/// Words before "to" that make it a scope ("linked to the Corvo Fire").
const TO_SCOPE: [&str; 8] = ["linked", "attributed", "related", "due", "tied", "connected", "blamed", "traced"];

/// Verbs that make the name before them the source of the figure, not its scope.
const SOURCE_VERBS: [&str; 24] = [
    "said", "says", "say", "told", "tells", "announced", "announces", "stated", "states", "added", "adds", "estimated", "estimates",
    "wrote", "writes", "tweeted", "posted", "claimed", "claims", "warned", "warns", "quoted", "cited", "according",
];

/// Verbs that make the name before them the source when it is not a place ("the agency
/// reported 20 cases" is its source, "Texas has reported 279 cases" its scope).
const TALLY_VERBS: [&str; 12] = [
    "reported", "reports", "report", "confirmed", "confirms", "confirm", "recorded", "records", "registered", "registers", "counted", "counts",
];

/// Words after a demonym that make it a source, not a scope ("Egyptian officials said").
const SOURCE_NOUNS: [&str; 16] = [
    "officials", "official", "authorities", "authority", "government", "ministry", "media", "president", "leader", "spokesman",
    "spokeswoman", "spokesperson", "sources", "source", "diplomat", "diplomats",
];

/// Nouns of a reckoning: a name that owns one ("Vantor's early estimate is $3bn", "the
/// agency's latest figures show 40") is the figure's source, not its scope.
const RECKONING_NOUNS: [&str; 18] = [
    "estimate", "estimates", "forecast", "forecasts", "projection", "projections", "figures", "figure", "count", "tally", "data",
    "calculation", "calculations", "analysis", "survey", "poll", "statistics", "numbers",
];

/// Words before "for" that make the name after it the source ("a spokesman for the
/// agency"), not what the figure is for ("49% for Erdogan").
const SOURCE_FOR: [&str; 9] = ["spokesman", "spokeswoman", "spokesperson", "official", "representative", "director", "head", "chief", "statement"];

/// Words that may stand between a subject and its verb ("Texas has also reported").
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "has" | "have" | "had" | "is" | "was" | "were" | "are" | "also" | "previously" | "now" | "earlier" | "so" | "far" | "on" | "late"
            | "officially" | "initially" | "then" | "already" | "will" | "would" | "could" | "may" | "might"
    )
}

fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "today" | "yesterday")
}

/// Lowercase words of `s`, in order (letters, digits, apostrophes inside words).
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| crate::text::fold::fold(w).replace('’', "'"))
        .collect()
}

/// True when `name` (as written) is part of the attribution text.
fn in_attribution(name: &str, attribution: Option<&str>) -> bool {
    attribution.is_some_and(|a| !name.is_empty() && a.contains(name))
}

/// The scope of the figure at `fig`, read in `window` (byte offsets of `text`).
/// `named` are the document's mentions sorted by start.
pub fn read(text: &str, window: Range<usize>, fig: Range<usize>, named: &[Named], entities: &[Entity], attribution: Option<&str>, measure: bool) -> Option<Scope> {
    let mut best: Option<(usize, Scope)> = None;
    let mut offer = |dist: usize, s: Scope| {
        if best.as_ref().map_or(true, |(d, _)| dist < *d) {
            best = Some((dist, s));
        }
    };
    // Named entities in the window. A place right after another, set off by a comma, is
    // where the first lies ("Torvik, Marendia, climbed to 111F"): the first is the
    // scope, and the pair reads as one name.
    let in_window = mentions_in(named, &window);
    let is_place = |m: &Named| entities.get(m.entity).is_some_and(|e| e.kind == EntityKind::Place);
    // Places in a coordinated list ("in Verdania, Ostvia and Tellmark"): none of them
    // limits the figure (it is counted over all of them, see [`place_list`]).
    let listed = place_list(text, &window, in_window, entities);
    let in_window: Vec<Named> = in_window.iter().filter(|m| !listed.contains(&m.start)).copied().collect();
    let mut merged: Vec<Named> = Vec::with_capacity(in_window.len());
    for m in in_window {
        if let Some(last) = merged.last_mut() {
            if is_place(last) && is_place(&m) && text.get(last.end..m.start).is_some_and(|b| b.trim() == ",") {
                last.end = m.end;
                continue;
            }
        }
        merged.push(m);
    }
    for m in merged.iter() {
        if m.start < fig.end && m.end > fig.start {
            continue;
        }
        let Some(e) = entities.get(m.entity) else { continue };
        let name = text.get(m.start..m.end).unwrap_or("");
        if in_attribution(name, attribution) {
            continue;
        }
        let mut before_words = words(text.get(window.start..m.start).unwrap_or(""));
        while before_words.last().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "this" | "that" | "his" | "her")) {
            before_words.pop();
        }
        let after_text = text.get(m.end..window.end).unwrap_or("");
        let after_words = words(after_text);
        let prev = before_words.last().map(String::as_str).unwrap_or("");
        let prev2 = before_words.len().checked_sub(2).and_then(|k| before_words.get(k)).map(String::as_str).unwrap_or("");
        // The source named after a reporting verb ("said Cal Fire", "according to AFP").
        if SOURCE_VERBS.contains(&prev) || SOURCE_VERBS.contains(&prev2) && prev == "to" || prev == "by" {
            continue;
        }
        // The name's verb: the first word after it that is not a possessive tail, an
        // auxiliary or a word of a time ("on Monday").
        let mut verb = "";
        for w in after_words.iter().take(6) {
            let w = w.as_str();
            if w == "'s" || w == "s" || is_aux(w) || is_weekday(w) {
                continue;
            }
            verb = w;
            break;
        }
        let place = e.kind == EntityKind::Place;
        if SOURCE_VERBS.contains(&verb) || (TALLY_VERBS.contains(&verb) && !place) {
            continue;
        }
        // "the ministry's figures showed", "Indonesia's health ministry said": a source.
        if after_words.iter().take(4).any(|w| SOURCE_VERBS.contains(&w.as_str())) && m.end <= fig.start {
            continue;
        }
        let before_fig = m.end <= fig.start;
        // "Vantor's preliminary estimate is ...": the owner of a reckoning is its source.
        if before_fig && after_words.first().is_some_and(|w| w == "'s" || w == "s") && after_words.iter().skip(1).take(3).any(|w| RECKONING_NOUNS.contains(&w.as_str())) {
            continue;
        }
        // A name before the figure belongs to another clause when a coordination stands
        // between them ("... linked to the Corvo Fire, and 11 from the Ashby Fire").
        if before_fig {
            let between = crate::text::fold::fold(text.get(m.end..fig.start).unwrap_or(""));
            if coordinated(text.get(m.end..fig.start).unwrap_or("")) || between.contains(", while") || between.contains(" whereas ") || between.starts_with(" and") || between.contains(", with ") {
                continue;
            }
            // Nor across a dateline or a bracket ("ASHEVILLE, N.C. — At least 90 people",
            // "(UPI) -- At least 64 people").
            if between.contains(['(', ')', '—', '–', '−', ':', '\n', '|']) || between.contains("--") || between.trim_start().starts_with('-') {
                continue;
            }
        }
        // A phrase of the clause before, ended by a comma ("were from the Corvo Fire,
        // 11 from the Ashby Fire"), is not this figure's; a phrase that opens the window
        // is ("In Florida, 11 people died").
        let between_txt = if before_fig { text.get(m.end..fig.start).unwrap_or("") } else { "" };
        // (a clause that goes on from the place's: "..., where 40 cases were confirmed",
        // "..., bringing the total to 43")
        let goes_on = {
            let b = crate::text::fold::fold(between_txt.trim_start());
            let b = b.trim_start_matches(',').trim_start();
            b.starts_with("where ") || ["bringing", "raising", "taking", "pushing", "lifting"].iter().any(|v| b.starts_with(v) && b.len() < v.len() + 40)
        };
        let comma_between = before_fig && between_txt.contains(',') && !goes_on;
        // ("In nearby Ostvia, ...": a preposition and adjectives open the window)
        let opens_window = before_words.len() <= 1
            || before_words.len() <= 3 && before_words.first().is_some_and(|w| SCOPE_PREPS.contains(&w.as_str())) && before_words.iter().skip(1).all(|w| w.chars().all(char::is_lowercase) && !SCOPE_PREPS.contains(&w.as_str()));
        // A name that is the subject of a count is its scope only when it is an
        // organisation or a person ("Nokia will cut 14,000 jobs", "the AKP won 266
        // seats"), not a vehicle or product ("the ATR turboprop carrying 72 people"); any
        // named subject of a measure is ("the Ashby Fire is 15% contained").
        let subject_ok = measure || matches!(e.kind, EntityKind::Org | EntityKind::Person) || after_words.first().is_some_and(|w| w == "'s" || w == "s");
        let ok = if comma_between && !opens_window && SCOPE_PREPS.contains(&prev) {
            false
        } else if SCOPE_PREPS.contains(&prev) {
            !(prev == "for" && SOURCE_FOR.contains(&prev2))
        } else if prev == "to" {
            TO_SCOPE.contains(&prev2)
        } else if after_words.first().is_some_and(|w| w == "alone") {
            true
        } else if before_fig && (subject_ok || place) {
            // A subject or possessor before the figure: no preposition before it (an
            // article is fine), nor "and" joining it to another subject ("Verdania and
            // Ostvia have 300 cases"), unless the "and" opens a clause of its own after a
            // comma (", and Ostvia has reported four cases").
            let before_txt = text.get(window.start..m.start).unwrap_or("").trim_end();
            let joined = before_txt.strip_suffix("and").or_else(|| before_txt.strip_suffix("or")).map(str::trim_end);
            // (the words before "and" end another name: coordinated subjects)
            let after_name = joined.is_some_and(|j| merged.iter().any(|n| n.end == window.start + j.len()));
            let new_clause = !verb.is_empty() && joined.is_some() && !after_name;
            new_clause || !matches!(
                prev,
                "with" | "against" | "toward" | "towards" | "into" | "via" | "after" | "before" | "since" | "than" | "like" | "near" | "on" | "over"
                    | "under" | "between" | "behind" | "beyond" | "about" | "to" | "by" | "through" | "around" | "and" | "or"
            )
        } else {
            false
        };
        if !ok {
            continue;
        }
        let dist = if before_fig { fig.start - m.end } else { m.start.saturating_sub(fig.end) };
        let mut sc = scope_of_entity(e, m.entity);
        sc.kind = if !sc.place {
            ScopeKind::Party
        } else if prev == "of" && matches!(prev2, "nationals" | "citizens" | "natives") {
            ScopeKind::Origin
        } else {
            ScopeKind::Location
        };
        offer(dist, sc);
    }
    // "his state has 11 deaths", "in her country": the place last named before.
    if let Some((dist, sc)) = pronoun_place(text, window.clone(), fig.clone(), named, entities) {
        offer(dist, sc);
    }
    // Demonyms and foreigners in the window.
    let t = crate::entities::tables::tables();
    let wtext = text.get(window.clone()).unwrap_or("");
    let toks: Vec<(usize, &str)> = wtext
        .split_inclusive(|c: char| !(c.is_alphanumeric() || c == '-'))
        .scan(0usize, |at, piece| {
            let s = *at;
            *at += piece.len();
            Some((s, piece.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '-'))))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (k, &(off, w)) in toks.iter().enumerate() {
        let pos = window.start + off;
        // (A demonym may be the figure's own noun: "660 Egyptians".)
        if pos < fig.end && pos + w.len() > fig.start && w.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let low = crate::text::fold::fold(w);
        let next = toks.get(k + 1).map(|x| crate::text::fold::fold(x.1)).unwrap_or_default();
        let dist = if pos + w.len() <= fig.start { fig.start - (pos + w.len()) } else if pos >= fig.end { pos - fig.end } else { 0 };
        if matches!(low.as_str(), "foreigners" | "foreigner") || (low == "foreign" && !SOURCE_NOUNS.contains(&next.as_str()) && !matches!(next.as_str(), "minister" | "ministry" | "affairs" | "office" | "policy")) {
            offer(dist, Scope { kind: ScopeKind::Foreign, key: "foreign".into(), label: "foreigners".into(), entity: None, place: false });
            continue;
        }
        if !w.starts_with(char::is_uppercase) || SOURCE_NOUNS.contains(&next.as_str()) {
            continue;
        }
        // Near the figure and in its clause ("660 Egyptians", "Egyptians accounted for 658
        // deaths", "323 of those who died were Egyptians"), not a demonym of another
        // phrase ("70 planes ... alongside Kazakh security forces").
        let gap = if pos >= fig.end { text.get(fig.end..pos) } else if pos + w.len() <= fig.start { text.get(pos + w.len()..fig.start) } else { Some("") };
        if dist > 48 || gap.map_or(true, |g| g.contains([',', ';', '(', ')']) || g.contains(" and ")) {
            continue;
        }
        // Two-word demonyms first ("South Korean").
        let two = format!("{low} {next}");
        let country = t.demonyms.get(two.as_str()).or_else(|| t.demonyms.get(low.as_str())).copied().filter(|c| !c.is_empty());
        if let Some(c) = country {
            let next2 = toks.get(k + 2).map(|x| crate::text::fold::fold(x.1)).unwrap_or_default();
            if t.demonyms.contains_key(two.as_str()) && SOURCE_NOUNS.contains(&next2.as_str()) {
                continue;
            }
            offer(dist, Scope { kind: ScopeKind::Origin, key: place_key(c), label: c.to_string(), entity: None, place: true });
        }
    }
    best.map(|(_, s)| s)
}

/// True when `between` (the text from a name to its figure) has an "and" that joins
/// clauses or phrases ("..., and 11 from", "Ostvia and 40 in"), not one that joins two
/// words inside the figure's noun phrase ("the number of confirmed and probable cases has
/// risen to nine": lowercase words on both sides, more words after it, no comma before).
fn coordinated(between: &str) -> bool {
    between.match_indices(" and ").any(|(i, _)| {
        let before = between.get(..i).unwrap_or("");
        let after = between.get(i + 5..).unwrap_or("");
        let prev = before.rsplit(' ').next().unwrap_or("");
        let mut next = after.split(' ').filter(|w| !w.is_empty());
        let first = next.next().unwrap_or("");
        let lower = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-') && !matches!(w, "the" | "a" | "an" | "its" | "their");
        let inside = lower(prev) && !prev.ends_with(',') && lower(first) && next.count() >= 2;
        !inside
    })
}

/// The mentions of `named` (sorted by start) that lie inside `window`.
fn mentions_in<'n>(named: &'n [Named], window: &Range<usize>) -> &'n [Named] {
    let from = named.partition_point(|m| m.start < window.start);
    let rest = named.get(from..).unwrap_or(&[]);
    rest.get(..rest.iter().take_while(|m| m.end <= window.end).count()).unwrap_or(rest)
}

/// Starts of the place mentions of `ms` (sorted, those of `window`) that stand in a
/// coordinated list of places: two or more joined by commas, "and" or "or", with "and"
/// or "or" somewhere in the chain ("Verdania, Ostvia and Tellmark"; not "Torvik,
/// Marendia", a city and its country). None when "each" distributes the figure over
/// them ("one each from Verdania, Ostvia and Tellmark": each place has its own).
fn place_list(text: &str, window: &Range<usize>, ms: &[Named], entities: &[Entity]) -> Vec<usize> {
    if crate::text::fold::fold(text.get(window.clone()).unwrap_or("")).split(|c: char| !c.is_alphanumeric()).any(|w| w == "each") {
        return Vec::new();
    }
    let is_place = |m: &Named| entities.get(m.entity).is_some_and(|e| e.kind == EntityKind::Place);
    let mut out = Vec::new();
    let mut k = 0;
    while k < ms.len() {
        let mut j = k;
        let mut coordinated = false;
        while let (Some(a), Some(b)) = (ms.get(j), ms.get(j + 1)) {
            if !is_place(a) || !is_place(b) {
                break;
            }
            let gap = crate::text::fold::fold(text.get(a.end..b.start).unwrap_or("").trim());
            match gap.as_str() {
                "," => {}
                "and" | "or" | ", and" | ", or" | ",and" => coordinated = true,
                _ => break,
            }
            j += 1;
        }
        if coordinated && j > k {
            out.extend(ms.get(k..=j).unwrap_or(&[]).iter().map(|m| m.start));
        }
        k = j + 1;
    }
    out
}

/// True when the figure's window names a coordinated list of places (see [`place_list`]):
/// the figure is counted over all of them, a whole.
pub fn names_place_list(text: &str, window: Range<usize>, named: &[Named], entities: &[Entity]) -> bool {
    !place_list(text, &window, mentions_in(named, &window), entities).is_empty()
}

/// A place named by a possessive pronoun and a place noun in the figure's clause ("the
/// governor said his state has 11 deaths", "deaths in their country"), as its subject
/// or possessor before the figure or after a scope preposition: the place named last
/// before the clause in the document (within a few sentences), a country for
/// "country" or "nation", another place for "state", "province", "city"... With the
/// distance from the figure.
fn pronoun_place(text: &str, window: Range<usize>, fig: Range<usize>, named: &[Named], entities: &[Entity]) -> Option<(usize, Scope)> {
    const NOUNS: [&str; 10] = ["state", "country", "nation", "province", "city", "county", "region", "town", "district", "territory"];
    let wtext = text.get(window.clone())?;
    let lower = wtext.to_ascii_lowercase();
    let mut found: Option<(usize, &str)> = None;
    for pron in ["his ", "her ", "their ", "its "] {
        for (k, _) in lower.match_indices(pron) {
            let at_word = k == 0 || !lower.as_bytes().get(k - 1).is_some_and(u8::is_ascii_alphanumeric);
            let rest = lower.get(k + pron.len()..).unwrap_or("");
            let noun = rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            let end = window.start + k + pron.len() + noun.len();
            if !at_word || !NOUNS.contains(&noun) {
                continue;
            }
            let pos = window.start + k;
            let ok = if end <= fig.start {
                // a subject or possessor: no preposition but a scope one before it
                let before = words(text.get(window.start..pos).unwrap_or(""));
                before.last().map_or(true, |w| SCOPE_PREPS.contains(&w.as_str()) || !matches!(w.as_str(), "to" | "with" | "for" | "by" | "on" | "over" | "than" | "about"))
            } else if pos >= fig.end {
                let before = words(text.get(fig.end..pos).unwrap_or(""));
                before.last().is_some_and(|w| matches!(w.as_str(), "in" | "across" | "throughout" | "from" | "within"))
            } else {
                false
            };
            if ok {
                let noun_static = NOUNS.iter().find(|n| **n == noun).copied().unwrap_or("state");
                found = Some((pos, noun_static));
            }
        }
    }
    let (pos, noun) = found?;
    let want_country = matches!(noun, "country" | "nation");
    let gaz = crate::entities::tables::tables();
    // Mentions before the window, last first, within about five sentences.
    let upto = named.partition_point(|m| m.end <= window.start);
    let place = named.get(..upto)?.iter().rev().take_while(|m| window.start.saturating_sub(m.end) <= 600).find(|m| {
        entities.get(m.entity).is_some_and(|e| {
            let country = gaz.place(&crate::text::fold::fold(&e.name)).is_some_and(|p| p.country);
            e.kind == EntityKind::Place && country == want_country
        })
    })?;
    let e = entities.get(place.entity)?;
    let dist = if pos < fig.start { fig.start - pos } else { pos - fig.end };
    let mut sc = scope_of_entity(e, place.entity);
    sc.kind = ScopeKind::Location;
    sc.place = true;
    Some((dist, sc))
}

/// Plural nouns of places a whole is made of ("five states", "several countries").
const REGION_NOUNS: [&str; 14] = [
    "states", "countries", "provinces", "regions", "counties", "cities", "territories", "districts", "nations", "prefectures",
    "municipalities", "islands", "towns", "communities",
];

/// True when a figure's clause (`window`, with the figure at `fig`) says it is counted
/// over many places: "in five states", "across several countries", "nationwide",
/// "across the country". Such a figure is a whole, and never takes one place's scope
/// from another source's sentence.
pub fn says_wide(text: &str, window: Range<usize>, fig: Range<usize>) -> bool {
    // (The clause only: from the last comma before the figure to the first after it.)
    let before = text.get(window.start..fig.start).unwrap_or("");
    let after = text.get(fig.end..window.end).unwrap_or("");
    let w = words(before.rsplit(',').next().unwrap_or(""));
    let a = words(after.split(',').next().unwrap_or(""));
    let all: Vec<&str> = w.iter().chain(a.iter()).map(String::as_str).collect();
    if all.iter().any(|x| matches!(*x, "nationwide" | "countrywide" | "statewide" | "worldwide" | "globally")) {
        return true;
    }
    let quantifier = |x: &str| {
        x.chars().all(|c| c.is_ascii_digit())
            || crate::figures::number_word(x).is_some_and(|n| n >= 2.0)
            || matches!(x, "several" | "multiple" | "many" | "numerous" | "various" | "all" | "dozens" | "hundreds" | "both")
    };
    all.windows(2).enumerate().any(|(k, p)| {
        let [p0, p1] = p else { return false };
        let prep = |i: usize| all.get(i).is_some_and(|x| matches!(*x, "in" | "across" | "throughout" | "over" | "from"));
        // "across the country", "all over the nation"
        (matches!(*p0, "the") && matches!(*p1, "country" | "nation" | "region" | "world" | "globe") && k > 0 && prep(k - 1))
            // "in five states", "across several southern states", "in all 50 states"
            || REGION_NOUNS.contains(p1) && (quantifier(p0) && k > 0 && prep(k - 1))
            || REGION_NOUNS.contains(p1) && k >= 2 && quantifier(all.get(k - 1).copied().unwrap_or("")) && prep(k - 2)
    })
}

/// The scope an entity names: its gazetteer place when it is one, else its display name.
fn scope_of_entity(e: &Entity, id: usize) -> Scope {
    let t = crate::entities::tables::tables();
    let folded = crate::text::fold::fold(&e.name);
    let gaz = t.place(&folded).map(|p| p.canonical);
    let label = gaz.unwrap_or(e.name.as_str()).to_string();
    let place = gaz.is_some() || e.kind == EntityKind::Place;
    let key = if place { place_key(&label) } else { party_key(&label) };
    Scope { kind: ScopeKind::Location, key, label, entity: Some(id), place }
}

/// Words of an event's own name that a story drops and keeps in turn ("the Ashby Fire",
/// "the Ashby fire", "Ashby"; "Storm Veda", "Veda").
const EVENT_NAME_WORDS: [&str; 16] = [
    "fire", "fires", "wildfire", "blaze", "complex", "storm", "hurricane", "typhoon", "cyclone", "tornado", "earthquake", "quake", "flood",
    "floods", "outbreak", "eruption",
];

/// The comparable key of a non-place name: folded, without the words of an event's own
/// name ("Corvo Fire" and "Corvo" are one party of a wildfire story).
pub fn party_key(name: &str) -> String {
    let f = crate::text::fold::fold(name);
    let kept: Vec<&str> = f.split(' ').filter(|w| !w.is_empty() && !EVENT_NAME_WORDS.contains(w)).collect();
    if kept.is_empty() {
        f
    } else {
        kept.join(" ")
    }
}

/// The comparable key of a place name: folded, without a trailing administrative word
/// ("Los Angeles County" and "Los Angeles" are one place for a news story).
pub fn place_key(name: &str) -> String {
    let f = party_key(name);
    for w in [" county", " city", " province", " state", " region", " district", " prefecture", " governorate", " municipality"] {
        if let Some(x) = f.strip_suffix(w).filter(|x| !x.is_empty()) {
            return x.to_string();
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Mention;

    fn ent(name: &str, kind: EntityKind) -> Entity {
        Entity { id: 0, kind, name: name.to_string(), acronym: None, roles: vec![], mentions: vec![Mention::default()] }
    }

    /// The scope of the figure `fig` (a substring) in sentence `s`, with `names` marked as
    /// mentions of entities of the given kinds.
    fn scope(s: &str, fig: &str, names: &[(&str, EntityKind)]) -> Option<String> {
        let a = s.find(fig).unwrap();
        let entities: Vec<Entity> = names.iter().map(|(n, k)| ent(n, *k)).collect();
        let mut named: Vec<Named> = names.iter().enumerate().filter_map(|(i, (n, _))| s.find(n).map(|p| Named { start: p, end: p + n.len(), entity: i })).collect();
        named.sort_by_key(|m| m.start);
        read(s, 0..s.len(), a..a + fig.len(), &named, &entities, None, false).map(|x| x.key)
    }

    #[test]
    fn places_after_prepositions_and_as_subjects() {
        let p = EntityKind::Place;
        assert_eq!(scope("At least 9 storm deaths were confirmed in Verdania.", "9", &[("Verdania", p)]).as_deref(), Some("verdania"));
        assert_eq!(scope("Verdania has reported 279 cases so far.", "279", &[("Verdania", p)]).as_deref(), Some("verdania"));
        assert_eq!(scope("About 400 people marched in Port Alba alone.", "400", &[("Port Alba", p)]).as_deref(), Some("port alba"));
        assert_eq!(scope("Nine deaths were linked to the Corvo Fire.", "Nine", &[("Corvo Fire", EntityKind::Other)]).as_deref(), Some("corvo"));
        // A clause of its own after ", and"; coordinated subjects share no single scope.
        let s = "Verdania has reported 279 cases, Ostvia has reported 42 cases, and Tellmark has reported four cases.";
        let names = [("Verdania", p), ("Ostvia", p), ("Tellmark", p)];
        assert_eq!(scope(s, "four", &names).as_deref(), Some("tellmark"));
        assert_eq!(scope("Verdania and Tellmark have reported 300 cases.", "300", &[("Verdania", p), ("Tellmark", p)]), None);
        let r = EntityKind::Person;
        let s = "Mara Quist had 52.1% of the votes and Tomas Ferrell had 47%.";
        assert_eq!(scope(s, "47%", &[("Mara Quist", r), ("Tomas Ferrell", r)]).as_deref(), Some("tomas ferrell"));
    }

    #[test]
    fn lists_relative_clauses_and_opening_phrases() {
        let p = EntityKind::Place;
        let names = [("Verdania", p), ("Ostvia", p), ("Tellmark", p)];
        assert_eq!(scope("In all, 355 cases were reported in Verdania, Ostvia and Tellmark.", "355", &names), None);
        assert_eq!(scope("There was one national each of Verdania, Ostvia and Tellmark.", "one", &names).as_deref(), Some("verdania"));
        assert_eq!(scope("The virus reached Ostvia, where 43 cases were confirmed.", "43", &names).as_deref(), Some("ostvia"));
        assert_eq!(scope("A new case was confirmed in Ostvia, bringing the total to 43.", "43", &names).as_deref(), Some("ostvia"));
        assert_eq!(scope("In nearby Tellmark, the number of cases has increased to nine.", "nine", &names).as_deref(), Some("tellmark"));
        // A place in a clause of its own before a comma stays there.
        assert_eq!(scope("Schools closed in Ostvia, and officials counted 43 cases.", "43", &names), None);
    }

    #[test]
    fn sources_are_not_scopes() {
        let o = EntityKind::Org;
        assert_eq!(scope("The Health Agency said 30 people were hurt.", "30", &[("Health Agency", o)]), None);
        assert_eq!(scope("30 people were hurt, said the Health Agency.", "30", &[("Health Agency", o)]), None);
        assert_eq!(scope("30 people were hurt, according to Kestrel News.", "30", &[("Kestrel News", o)]), None);
        assert_eq!(scope("The agency Vexmed reported 40 cases.", "40", &[("Vexmed", o)]), None);
        assert_eq!(scope("Vantor's early estimate is between $2 billion and $3 billion.", "between", &[("Vantor", o)]), None);
        assert_eq!(scope("Vantor's sales rose to $3 billion.", "$3", &[("Vantor", o)]).as_deref(), Some("vantor"));
    }

    #[test]
    fn a_pronoun_and_a_place_noun_take_the_place_named_before() {
        // The window is the second sentence; the place is named in the first.
        let second = |s: &str, fig: &str| {
            let a = s.find(fig).unwrap();
            let w = s.find(". ").unwrap() + 2;
            let entities = vec![ent("Verdania", EntityKind::Place), ent("Norway", EntityKind::Place)];
            let mut named: Vec<Named> = ["Verdania", "Norway"].iter().enumerate().filter_map(|(i, n)| s.find(n).map(|p| Named { start: p, end: p + n.len(), entity: i })).collect();
            named.sort_by_key(|m| m.start);
            read(s, w..s.len(), a..a + fig.len(), &named, &entities, None, false).map(|x| x.key)
        };
        let s = "In Verdania the rivers rose. Its governor said his state has 12 confirmed deaths.";
        assert_eq!(second(s, "12").as_deref(), Some("verdania"));
        // "country" takes the last country named, not the last place.
        let s = "Norway sent aid to Verdania. Officials said 12 people died in their country.";
        assert_eq!(second(s, "12").as_deref(), Some("norway"));
        let s = "In Verdania the rivers rose. The governor gave 12 as the toll for the storm.";
        assert_eq!(second(s, "12"), None);
    }

    #[test]
    fn figures_counted_over_many_places_are_wide() {
        let wide = |s: &str, fig: &str| {
            let a = s.find(fig).unwrap();
            says_wide(s, 0..s.len(), a..a + fig.len())
        };
        assert!(wide("At least 30 people are dead in four states.", "30"));
        assert!(wide("Storm Veda killed 30 people across several southern states.", "30"));
        assert!(wide("Officials counted 300 cases nationwide.", "300"));
        assert!(wide("Some 300 schools closed across the country.", "300"));
        assert!(!wide("At least 30 people are dead in Verdania.", "30"));
        assert!(!wide("Four states reported 30 cases.", "30"));
        assert!(!wide("In four states, officials said, 30 people died in Verdania.", "30"));
    }

    #[test]
    fn demonyms_and_foreigners() {
        assert_eq!(scope("At least 41 Jordanian pilgrims died.", "41", &[]).as_deref(), Some("jordan"));
        assert_eq!(scope("There were 60 Egyptians among the dead.", "60", &[]).as_deref(), Some("egypt"));
        assert_eq!(scope("Egyptian officials said 60 people died.", "60", &[]), None);
        assert_eq!(scope("The plane carried 12 foreigners.", "12", &[]).as_deref(), Some("foreign"));
        assert_eq!(scope("The plane carried 70 people.", "70", &[]), None);
    }
}
