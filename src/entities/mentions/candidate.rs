//! A piece becomes a candidate mention, with the local cues (type words, context before
//! and after, vessels, corporate context) that later decide its kind.

use super::*;

#[allow(clippy::too_many_arguments)]
pub(super) fn make_candidate(
    doc: &TextDoc,
    si: usize,
    words: &[W],
    p: Piece,
    run_start: usize,
    initial: bool,
    headline: bool,
    dateline: bool,
    t: &'static Tables,
    out: &mut DocMentions,
) {
    let ws = &words[p.from..p.to];
    let (first, last) = match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => (a, b),
        _ => return,
    };
    // Single letters are not names.
    if ws.len() == 1 && first.text.chars().filter(|c| c.is_alphanumeric()).take(2).count() < 2 {
        return;
    }
    // One capitalised word that begins a title going on in lowercase is not a name ("The
    // Prime minister Ivo Castel", "the Foreign minister said": translated or informal copy).
    if ws.len() == 1 && words.get(p.to).is_some_and(|w| !w.cap && !w.punct) {
        for n in 2..=t.max_title_words {
            if words.get(p.from..p.from + n).is_some_and(|run| run.iter().skip(1).any(|w| w.punct || w.cap)) {
                break;
            }
            let phrase = PhraseBuf::of(words, p.from, n);
            if phrase.as_str().is_some_and(|key| t.titles.contains_key(key)) {
                return;
            }
        }
    }
    let start = first.start;
    let end = last.end;
    let all_type_words = ws
        .iter()
        .filter(|w| !w.punct)
        .all(|w| w.is(t, LEX_ORG_WORD | LEX_PLACE_WORD) || w.key == "of" || w.key == "the" || w.key == "and");
    // (but "Harbor City Hawks": a place and an organisation word in three words or more
    // name a team or an institution)
    // (nor "Coast Guard", "Harbour Police": a place word before an organisation word that
    // ends the name)
    let mixed = (ws.len() >= 3 && ws.iter().any(|w| w.is(t, LEX_PLACE_WORD)) && ws.iter().any(|w| w.is(t, LEX_ORG_WORD)))
        || (ws.len() == 2 && ws[0].is(t, LEX_PLACE_WORD) && !ws[0].is(t, LEX_ORG_WORD) && ws[1].is(t, LEX_ORG_WORD) && !ws[1].is(t, LEX_PLACE_WORD));
    // ("The Guardian reported": a newspaper's title after a capitalised "The")
    let masthead = ws.len() == 1
        && MASTHEADS.contains(&first.key)
        && p.from.checked_sub(1).and_then(|b| words.get(b)).is_some_and(|b| b.text == "The")
        && (p.from >= 2 || words.get(p.to).is_some_and(|a| a.is(t, LEX_REPORTING)));
    if all_type_words && p.place.is_none() && !mixed && !masthead {
        return;
    }
    // "the Corvo fire" is the fire other sources call "the Corvo Fire".
    let fire_tail = words.get(p.to).filter(|a| {
        !a.cap && matches!(a.key, "fire" | "wildfire") && a.start == last.end + 1 && !words.get(p.to + 1).is_some_and(|b| !b.cap && FIRE_COMPOUNDS.contains(&b.key))
    });
    let end = fire_tail.map_or(end, |a| a.end);
    // "the Ashby, Corvo and Tull fires": each name of the list is a fire.
    let listed_fire = fire_tail.is_none() && {
        // (names, commas, "and", and bracketed asides: "the Hurst (89% contained) and
        // Kenneth (90% contained) fires")
        let mut k = p.to;
        while k < p.to + 24 {
            match words.get(k) {
                Some(w) if (w.cap && !w.punct) || w.text == "," || (!w.cap && matches!(w.key, "and" | "or")) => k += 1,
                Some(w) if w.text == "(" => match words.iter().skip(k).take(8).position(|x| x.text == ")") {
                    Some(c) => k += c + 1,
                    None => break,
                },
                _ => break,
            }
        }
        words.get(k).is_some_and(|w| !w.cap && matches!(w.key, "fires" | "wildfires"))
            && k > 0
            && (k == p.to || words[k - 1].cap || words[k - 1].text == ")")
    };
    let mut n_words = 0usize;
    let mut last_key = "";
    let mut key = String::with_capacity(end - start);
    let mut has_org_word = false;
    for w in ws.iter().filter(|w| !w.punct) {
        if !key.is_empty() || n_words > 0 {
            key.push(' ');
        }
        key.push_str(w.key);
        n_words += 1;
        last_key = w.key;
        has_org_word |= w.is(t, LEX_ORG_WORD) || (n_words > 1 && (matches!(w.key, "to" | "for") || INNER_PREPS.contains(&w.key)));
    }
    if let Some(a) = fire_tail {
        key.push(' ');
        key.push_str(a.key);
        n_words += 1;
        last_key = a.key;
    } else if listed_fire {
        key.push_str(" fire");
        n_words += 1;
        last_key = "fire";
    }
    // (not in a fire's name: "the Rook Canyon fire" is a fire, not a canyon)
    let last_place_word = fire_tail.is_none() && !listed_fire && ws.iter().rev().find(|w| !w.punct).is_some_and(|w| w.is(t, LEX_PLACE_WORD));
    // (a name of several words can be a place or a known institution only when its first
    // word starts one: most names need no lookup)
    let first_word = ws.iter().find(|w| !w.punct);
    let key_place = if n_words == 1 {
        first_word.and_then(|w| w.lx(t).place)
    } else if first_word.is_some_and(|w| w.is(t, LEX_MULTI_FIRST)) {
        t.place(&key).copied()
    } else {
        None
    };
    let acronym = ws.len() == 1 && is_acronym_word(first) && p.place.is_none() && key_place.is_none() && !dateline;
    let place = p.place.or_else(|| key_place.map(|pl| pl.canonical));
    let org_flag = if n_words == 1 { LEX_ORG } else { LEX_ORG_FIRST };
    let known_org = first_word.filter(|w| w.is(t, org_flag)).and_then(|_| t.orgs.get(&key).copied()).or_else(|| {
        // (an acronym's folded key is marked in the tables: most names need no lookup)
        if ws.len() == 1 && first.is(t, LEX_ACRONYM) {
            if first.text.bytes().any(|b| b == b'.') {
                let written: String = first.text.chars().filter(|c| *c != '.').collect();
                t.org_acronyms.get(&written).copied()
            } else {
                t.org_acronyms.get(first.text).copied()
            }
        } else {
            None
        }
    });
    let mut cues = Cues::default();
    if masthead {
        cues.org += 6;
    }
    if place.is_some() || dateline {
        cues.place += 10;
    } else if p.place_cue {
        cues.place += 8;
    } else if known_org.is_some() {
        cues.org += 10;
    }
    // ("Transparency International", "Amnesty International": an organisation, while
    // "Nordhavn International Airport" is a place)
    if (has_org_word || (n_words >= 2 && last_key == "international")) && place.is_none() {
        cues.org += 6;
    }
    // "River Selm", "Lake Tana", "Mount Oro", "Port Ellis": a place head before a name.
    let first_place_head = n_words >= 2 && PLACE_HEADS.contains(&first.key) && !has_org_word;
    if first_place_head && place.is_none() {
        cues.place += 6;
    }
    if n_words >= 2
        && last_place_word
        && n_words > 0 && last_key != "capital"
        && !has_org_word
    {
        cues.place += 6;
    }
    if acronym && place.is_none() {
        cues.org += 3;
    }
    // A city of the gazetteer (weak: decides only when nothing else does).
    let city = place.is_none() && known_org.is_none() && !acronym && !has_org_word && t.cities.contains(key.as_str());
    if city {
        cues.city += 1;
    }
    // "Consumer Price Index": a statistic.
    if n_words >= 2 && matches!(last_key, "index" | "indices") && !has_org_word {
        cues.thing += 1;
    }
    // "Riksbank", "Bundesbank": a word compounded with "bank" is a bank.
    if n_words == 1 && !acronym && place.is_none() && last_key.len() >= 7 && last_key.ends_with("bank") {
        cues.org += 6;
    }
    // A brand written in camel case ("AccuWeather", "LinkedIn"): a company or outlet.
    let camel = n_words == 1 && !acronym && place.is_none() && camel_case(first.text);
    if camel {
        cues.org += 4;
    }
    if p.cap_title || p.honorific {
        cues.person += 8;
        cues.personal += 1;
    } else if p.role.is_some() {
        cues.person += 3;
        cues.personal += 1;
    }
    // A lowercase place word right after the name: "the Sava river", "the Orla valley".
    if words.get(p.to).is_some_and(|w| !w.cap && !w.punct && (PLACE_HEADS.contains(&w.key) || w.is(t, LEX_PLACE_WORD))) && !has_org_word {
        cues.place += 6;
    }
    // Context before the piece.
    let prev = |k: usize| -> Option<&W> { p.from.checked_sub(k).and_then(|i| words.get(i)) };
    if p.from == run_start {
        // Coordinated with names after a place preposition: "in X, Y and Z".
        let mut k = p.from;
        let mut crossed = false;
        while k > 0 {
            let b = &words[k - 1];
            if b.cap || b.text == "," || b.key == "and" || b.key == "or" {
                crossed |= !b.cap;
                k -= 1;
                continue;
            }
            if crossed && !b.punct && b.is(t, LEX_PLACE_PREP) && p.from - k <= 12 {
                cues.place += 2;
            }
            break;
        }
        if let Some(b) = prev(1) {
            if !b.cap && !b.punct {
                if b.is(t, LEX_PLACE_PREP) {
                    // "in", "near", "outside" before a name say place more than "at",
                    // "from" or "to" (which also come before people and companies).
                    cues.place += if matches!(b.key, "at" | "from" | "to" | "into" | "through") { 2 } else { 3 };
                }
                if b.key == "of" {
                    if let Some(b2) = prev(2) {
                        if b2.is(t, LEX_PLACE_CUE) {
                            cues.place += 8;
                        } else if b2.is(t, LEX_ORG_CUE) {
                            cues.org += 6;
                        } else if !b2.cap && matches!(b2.key, "mayor" | "mayors" | "governor" | "governors" | "prefect") {
                            // "the mayor of X", "the governor of X": a town or region
                            cues.place += 8;
                        }
                    }
                }
                if b.key == "the" && n_words == 1 {
                    cues.person -= 3;
                }
                if b.is(t, LEX_ORG_CUE) {
                    cues.org += 6;
                }
                if b.is(t, LEX_PLACE_CUE) && b.key != "state" {
                    cues.place += 6;
                }
            } else if b.text == "," {
                if let Some(b2) = prev(2) {
                    if b2.is(t, LEX_PLACE_CUE) {
                        cues.place += 6; // "the capital, X"
                    }
                }
            }
        }
    }
    add_context_cues(words, p.from, p.to, first.key, acronym, t, &mut cues);
    // Context after.
    let next = |k: usize| -> Option<&W> { words.get(p.to + k - 1) };
    let mut reporting = false;
    if let Some(a) = next(1) {
        if !a.punct && !a.cap {
            if a.is(t, LEX_ORG_CUE) {
                cues.org += 6; // "the X broadcaster"
            }
            if a.key == "administration" && n_words == 1 {
                cues.person += 6; // "the X administration"
                cues.personal += 1;
            }
        }
        if !a.punct && !a.cap && a.is(t, LEX_REPORTING) {
            reporting = true;
        }
        if a.text == "," {
            if let Some(a2) = next(2) {
                // ("Jackson, Mississippi, on Monday": a region or state in apposition too)
                let apposed = |pl: crate::entities::tables::Place| pl.country || next(3).map_or(true, |a3| a3.punct);
                // (not an institution's name: "University of Kestrel, Marendia")
                if a2.cap && a2.lx(t).place.is_some_and(apposed) && place.is_none() && !has_org_word {
                    cues.place += 6; // "X, Country"
                }
            }
        }
    }
    // A ship: a vessel prefix ("MV X", "HMS X"), a vessel noun before or after it ("the
    // ferry X", "the tanker X", "the X ferry"), "aboard the X".
    let vessel = place.is_none()
        && !dateline
        && known_org.is_none()
        && !has_org_word
        && !p.cap_title
        && !p.honorific
        && p.role.is_none()
        && ((n_words >= 2 && VESSEL_PREFIXES.contains(&first.key))
            || (p.from == run_start
                && prev(1).is_some_and(|b| !b.cap && !b.punct && (VESSEL_NOUNS.contains(&b.key) || (b.key == "carrier" && prev(2).is_some_and(|b2| b2.key == "aircraft")))))
            || (p.from == run_start
                && prev(1).is_some_and(|b| b.key == "the" && !b.cap)
                && prev(2).is_some_and(|b2| matches!(b2.key, "aboard" | "onboard")))
            || next(1).is_some_and(|a| !a.cap && !a.punct && VESSEL_NOUNS.contains(&a.key) && a.key != "boat" && a.key != "ship"));
    if vessel {
        cues.thing += 1;
    }
    // Corporate context: "shares of X", "a spokeswoman for X", "X's profits", "X chief
    // executive" (not for gazetteer places, known institutions or names with a type word).
    let company = place.is_none() && !dateline && !p.place_cue && known_org.is_none() && !has_org_word && !p.cap_title && !p.honorific
        && company_context(words, p.from, p.to, t);
    if company {
        cues.org += 4;
        cues.company += 1;
    }
    if !acronym && place.is_none() && !dateline && !first_place_head && known_org.is_none() && !has_org_word && !p.place_cue {
        let nw = n_words;
        // ("analysts at Goldman Sachs": several words in corporate context are a company)
        // (no person's name has a digit: "Airbus A320", "Galaxy S24")
        // (nor is "the Ridge Fire", nor "Transparency International")
        let not_personal = matches!(last_key, "fire" | "fires" | "blaze" | "storm" | "flood" | "floods" | "quake" | "earthquake" | "international" | "index")
            || ws.iter().any(|w| w.key.bytes().any(|b| b.is_ascii_digit()));
        if (2..=5).contains(&nw) && !last_place_word && !company && !not_personal && !vessel && !city {
            cues.person += 3;
            cues.personal += 1;
            cues.plain += 1;
        }
        // ("Vanguard reported", "the Courier reports": outlets report; people say)
        let outlet = n_words == 1 && next(1).is_some_and(|a| matches!(a.key, "reported" | "reports"));
        if reporting && !vessel && !camel && outlet {
            cues.org += 2;
        } else if reporting && !vessel && !camel {
            cues.person += 2;
        }
    }
    let role = p.role.and_then(|(a, b)| {
        let (s, e) = (words.get(a)?.start, words.get(b.checked_sub(1)?)?.end);
        doc.text.get(s..e).map(str::to_string)
    });
    let weak_first = initial
        && !dateline
        && (p.from == run_start
            || words[run_start..p.from].iter().all(|w| w.is(t, LEX_STOP) && !w.allcaps && !matches!(w.key, "the" | "a" | "an")));
    // Word starts are read only when leading words of a weak name are dropped.
    let word_starts = if (weak_first || headline) && n_words > 1 {
        let mut v = Vec::with_capacity(n_words);
        v.extend(ws.iter().filter(|w| !w.punct).map(|w| w.start));
        v
    } else {
        Vec::new()
    };
    out.candidates.push(Candidate {
        start,
        end,
        sentence: si,
        role,
        honorific: p.honorific,
        key,
        n_words,
        word_starts,
        weak_first,
        headline,
        acronym,
        place,
        known_org,
        possessive: last.possessive,
        reporting,
        before_title: n_words >= 2 && words.get(p.to).is_some_and(|w| w.cap && !w.punct) && title_len(words, p.to, words.len(), t).is_some_and(|(_, h)| !h),
        qualifier: None,
        base_key: String::new(),
        cues,
    });
}

/// Family-name prefixes written before a capital ("McDonald", "DeSantis", "O'Neill").
const NAME_PREFIXES: &[&str] = &["mc", "mac", "o", "de", "di", "da", "du", "la", "le", "van", "von", "fitz", "st", "al", "el", "ben", "bin", "abu", "ter", "ten"];

/// True for a word with a lowercase letter followed by a capital inside it, after a part that
/// is not a family-name prefix ("AccuWeather", "LinkedIn", not "McDonald" or "DeSantis").
pub fn camel_case(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_uppercase) || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    let Some(i) = b.windows(2).position(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase()).map(|p| p + 1) else {
        return false;
    };
    let head = s.get(..i).unwrap_or("").to_ascii_lowercase();
    let tail_lower = b.get(i..).map_or(0, |t| t.iter().filter(|x| x.is_ascii_lowercase()).count());
    tail_lower >= 2 && !NAME_PREFIXES.contains(&head.as_str())
}

/// Newspaper heads written as a title after "The" ("The Guardian", "The Times").
const MASTHEADS: &[&str] = &["guardian", "times", "post", "herald", "tribune", "journal", "gazette", "telegraph", "independent", "observer", "economist", "telegram", "chronicle"];

/// Nouns after "fire" that make it a compound ("fire crews", "fire department"), not a
/// named fire.
const FIRE_COMPOUNDS: &[&str] = &[
    "brigade", "brigades", "department", "departments", "service", "services", "crew", "crews", "fighters", "station",
    "stations", "chief", "chiefs", "officials", "truck", "trucks", "engine", "engines", "hydrant", "hydrants", "season",
    "risk", "danger", "alarm", "safety", "exit", "exits", "authority", "marshal", "weather", "line", "lines",
];
