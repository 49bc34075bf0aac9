//! Runs of capitalised words in one sentence (with particles, "of", "and", "to"/"for"
//! inside organisation names), wire datelines, and acronym definitions.

use super::*;

/// Finds the candidates and definitions of one sentence (`paren`: the sentence has a "(",
/// so it may define an acronym).
#[allow(clippy::too_many_arguments)]
pub(super) fn sentence(doc: &TextDoc, si: usize, words: &[W], headline: bool, paren: bool, t: &'static Tables, out: &mut DocMentions, pieces: &mut Vec<Piece>) {
    let n = words.len();
    // Index of the first word (not punctuation) of the sentence.
    let first_word = words.iter().position(|w| !w.punct).unwrap_or(n);
    // A wire dateline ("SANTA LUZ, Veloria (Reuters) -", "GENEVA -"): its names are places.
    let (dateline_end, agency) = if headline { (0, 0..0) } else { dateline_end(words, first_word) };
    let mut i = 0;
    while i < n {
        if !starts_name(&words[i]) {
            // Acronym definition with the acronym first: "ABBR (Long Form)".
            i += 1;
            continue;
        }
        let mut start = i;
        let mut j = i + 1;
        let group_start = words[i].possessive && GROUP_NOUNS.contains(&words[i].key) && words.get(i + 1).is_some_and(|x| x.cap && !x.punct);
        if !(words[i].possessive || words[i].compound) || group_start {
            while j < n {
                let w = &words[j];
                if w.punct {
                    if w.text == "&" && words.get(j + 1).is_some_and(starts_name) {
                        j += 1;
                        continue;
                    }
                    if let Some(e) = campus(words, i, j, t) {
                        j = e;
                    }
                    break;
                }
                if w.cap {
                    j += 1;
                    // ("Republican People's Party", "Workers' Alliance": a group noun's
                    // possessive inside an organisation's name)
                    let group = w.possessive && GROUP_NOUNS.contains(&w.key) && words.get(j).is_some_and(|x| x.cap && !x.punct);
                    if (w.possessive && !group) || w.compound {
                        break;
                    }
                    continue;
                }
                // Particles between capitalised words ("Ursula von der Leyen").
                if is_particle(w) {
                    let mut k = j;
                    while k < n && is_particle(&words[k]) {
                        k += 1;
                    }
                    // ("Cruz Roja y la Media Luna Roja": "y" + article joins two names)
                    let conj = k - j == 2 && matches!(w.key, "y" | "e");
                    if words.get(k).is_some_and(starts_name) && k - j <= 2 && !conj {
                        j = k;
                        continue;
                    }
                    break;
                }
                // "Department of Forestry and Fire Protection", "Ministry of Trade and
                // Industry": "and" after "organisation word of X", before one to three
                // capitalised words that end the run and are a portfolio (not "the Ministry
                // of Health and Anna Berg").
                if w.key == "and"
                    && !words[j - 1].possessive
                    && words[i..j].iter().any(|x| x.key == "of")
                    && words[i..j].iter().any(|x| x.is(t, LEX_ORG_WORD))
                {
                    let mut k = j + 1;
                    while k < n && k <= j + 3 && words[k].cap && !words[k].punct && !words[k].possessive {
                        k += 1;
                    }
                    let ends = !words.get(k).is_some_and(|x| x.cap && !x.punct);
                    let portfolio = k > j + 1 && PhraseBuf::of(words, j + 1, k - j - 1).as_str().is_some_and(|p| t.portfolios.contains(p));
                    if ends && portfolio {
                        j += 1;
                        continue;
                    }
                }
                // "Disaster and Emergency Management Authority": "and" inside an
                // organisation name (the capitalised words after it reach an organisation
                // word), not between two places.
                if w.key == "and"
                    && !words[j - 1].possessive
                    && words[j - 1].lx(t).place.is_none()
                    && !words[i..j].iter().any(|x| x.is(t, LEX_ORG_WORD))
                {
                    let mut k = j + 1;
                    let mut org = false;
                    while k < n && k <= j + 4 && words[k].cap && !words[k].punct {
                        org |= words[k].is(t, LEX_ORG_WORD);
                        if words[k].possessive {
                            break;
                        }
                        k += 1;
                    }
                    if org && words[j + 1].lx(t).place.is_none() {
                        j += 1;
                        continue;
                    }
                }
                // "Committee to Protect Journalists", "Campaign to End Hunger": "to" after an
                // organisation word, before two or more capitalised words (not a place).
                // ("Federal Office for Civil Protection", "Office for National Statistics")
                // (only after heads that take them, and not before another organisation:
                // "sell Brightwater Energy to Castellan Capital")
                let heads: &[&str] = if w.key == "to" { TO_HEADS } else if w.key == "for" { FOR_HEADS } else { &[] };
                if heads.contains(&words[j - 1].key) && !words[j - 1].possessive {
                    let mut k = j + 1;
                    while k < n && words[k].cap && !words[k].punct && !words[k].allcaps {
                        k += 1;
                        if words[k - 1].possessive {
                            break;
                        }
                    }
                    let plain = |x: &W| x.lx(t).place.is_none() && x.lx(t).demonym.is_none() && !x.is(t, LEX_STOP | LEX_TITLE | LEX_ORG_WORD);
                    if k >= j + 3 && words[j + 1..k].iter().all(plain) {
                        j += 1;
                        continue;
                    }
                }
                if w.key == "of" {
                    let prev = &words[j - 1];
                    let head_ok = prev.is(t, LEX_ORG_WORD)
                        || prev.is(t, LEX_PLACE_CUE)
                        || prev.is(t, LEX_OF_HEAD)
                        || (prev.is(t, LEX_TITLE) && !prev.is(t, LEX_HONORIFIC));
                    let mut k = j + 1;
                    if words.get(k).is_some_and(|x| x.key == "the" && !x.cap) {
                        k += 1;
                    }
                    if head_ok && !prev.possessive && words.get(k).is_some_and(starts_name) {
                        j = k;
                        continue;
                    }
                }
                break;
            }
        }
        // A portfolio after a lowercase ministry word ("the ministry of the Interior", "the
        // department of Health") is the end of the ministry's name; after a lowercase
        // minister's title ("the minister of Foreign Affairs") it is no name of its own.
        match portfolio_head(words, start, j, t) {
            Some((h, true)) => start = h,
            Some((_, false)) => {
                i = j;
                continue;
            }
            None => {}
        }
        // (the story's first word after a dateline is sentence-initial too: "... (dpa) -
        // Floodwaters swept ...")
        let after_dateline = (2..=16).contains(&start)
            && matches!(words[start - 1].text, "-" | "—" | "–")
            && (dateline_end > 0 || words[start - 2].text == ")");
        // (a capitalised word after a company suffix's period that the sentence splitter
        // read as an abbreviation's, "... Castellan Capital Ltd. Regulators have", may start
        // a sentence)
        let initial = start == first_word
            || after_dateline
            || (start > 1
                && words[start - 1].text == "."
                && matches!(words[start - 2].key, "ltd" | "inc" | "corp" | "plc" | "llc"))
            || (start > 0 && words[start - 1].punct && is_opening_quote(words[start - 1].text) && !agency.contains(&start));
        let before = out.candidates.len();
        split_run(doc, si, words, start, j, initial, headline, start < dateline_end, t, out, pieces);
        // (the agency in a dateline's brackets: "KASTRO, May 3 (Wirenet) -")
        if agency.contains(&start) {
            for c in out.candidates.iter_mut().skip(before) {
                c.cues.org += 4;
            }
        }
        i = j.max(start + 1);
    }
    if paren {
        definitions(words, out);
    }
}

/// "University of Veloria, Port Amsel": a university "of" a place, a comma and a city (a
/// place of the gazetteer that is not a country) that ends the name (its campus, not a list: no capitalised word or "and"
/// follows). Returns the end of the campus's words when `words[start..comma]` is such a
/// university.
fn campus(words: &[W], start: usize, comma: usize, t: &'static Tables) -> Option<usize> {
    if words.get(comma)?.text != "," || comma < start + 3 {
        return None;
    }
    let run = words.get(start..comma)?;
    let uni = run.iter().position(|w| matches!(w.key, "university" | "universidad" | "universite" | "universitat"))?;
    if run.get(uni + 1)?.key != "of" || run.iter().any(|w| w.punct || w.possessive) {
        return None;
    }
    let mut e = comma + 1;
    while e < words.len() && e <= comma + 3 && words[e].cap && !words[e].punct && !words[e].possessive {
        e += 1;
    }
    if e == comma + 1 || words.get(e).is_some_and(|w| (w.cap && !w.punct) || w.key == "and" || w.possessive) {
        return None;
    }
    let city = PhraseBuf::of(words, comma + 1, e - comma - 1);
    city.as_str().is_some_and(|c| t.cities.contains(c) || t.place(c).is_some_and(|p| !p.country)).then_some(e)
}

/// Lowercase words that take a portfolio to name a ministry ("ministry of the Interior").
pub(super) const PORTFOLIO_HEADS: &[&str] = &["ministry", "ministries", "department", "ministerio", "ministere", "ministero"];
/// Lowercase titles that take a portfolio ("minister of the Interior").
pub(super) const PORTFOLIO_TITLES: &[&str] = &["minister", "ministers", "secretary", "ministre", "ministro"];

/// When the run `words[start..end]` is a government portfolio after a lowercase ministry
/// word or minister's title and "of" or "of the": the index of that word, and true for a
/// ministry (part of the name) or false for a title.
pub(super) fn portfolio_head(words: &[W], start: usize, end: usize, t: &'static Tables) -> Option<(usize, bool)> {
    let mut k = start.checked_sub(1)?;
    if words.get(k)?.key == "the" {
        k = k.checked_sub(1)?;
    }
    if words.get(k)?.key != "of" {
        return None;
    }
    let head = words.get(k.checked_sub(1)?)?;
    if head.cap || head.punct {
        return None;
    }
    let ministry = PORTFOLIO_HEADS.contains(&head.key);
    if !ministry && !PORTFOLIO_TITLES.contains(&head.key) {
        return None;
    }
    let run = words.get(start..end)?;
    if run.len() > 3 || run.iter().any(|w| w.punct || w.possessive) {
        return None;
    }
    let phrase = PhraseBuf::of(words, start, end - start);
    phrase.as_str().is_some_and(|p| t.portfolios.contains(p)).then_some((k - 1, ministry))
}

/// The end (word index) of the place names of a wire dateline at the start of a sentence, or 0: one to four
/// capitalised words, optionally ", " and one to three more (country or region; twice at
/// most), optionally an agency in brackets, then a dash ("SANTA LUZ, Veloria (Reuters) -",
/// "GENEVA (AP) —", "Lyon, France –"). A dateline in capitals may end at its
/// bracketed agency without a dash ("OSLO (Reuters) A ..."). With it, the word indices
/// inside the agency's brackets (empty when none).
pub(super) fn dateline_end(words: &[W], first: usize) -> (usize, std::ops::Range<usize>) {
    // (quick test: a comma, bracket or dash among the first five words)
    if !words.iter().skip(first + 1).take(5).any(|w| w.punct && matches!(w.text, "," | "(" | "-" | "—" | "–" | "‒" | "―")) {
        return (0, 0..0);
    }
    let name_run = |mut k: usize, max: usize| -> (usize, bool) {
        let (from, mut caps) = (k, true);
        while k < words.len() && k - from < max {
            let w = &words[k];
            if w.punct || !(w.cap || (k > from && is_particle(w))) {
                break;
            }
            caps &= w.allcaps || w.text.len() < 2 || is_particle(w);
            k += 1;
        }
        (k, caps && k > from)
    };
    let (mut k, caps) = name_run(first, 4);
    if k == first {
        return (0, 0..0);
    }
    let mut parts = 1;
    let mut names_end = k;
    while parts < 3 && words.get(k).is_some_and(|w| w.text == ",") {
        // A date after the places ("KASTRO, Marendia, March 4 (AP) —", "LYON, France,
        // Tuesday -"): the month or weekday, then day and year numbers and commas.
        if words.get(k + 1).is_some_and(|w| !w.punct && crate::text::furniture::is_month_or_weekday(w.text)) {
            names_end = k;
            k += 2;
            while words.get(k).is_some_and(|w| w.text == "." || w.text.bytes().all(|b| b.is_ascii_digit()) || w.text == "," && words.get(k + 1).is_some_and(|n| n.text.bytes().all(|b| b.is_ascii_digit()))) {
                k += 1;
            }
            parts += 1;
            break;
        }
        let (e, _) = name_run(k + 1, 3);
        if e == k + 1 {
            return (0, 0..0);
        }
        k = e;
        names_end = k;
        parts += 1;
    }
    let mut agency = false;
    let mut inside = 0..0;
    if words.get(k).is_some_and(|w| w.text == "(") {
        let close = words.iter().skip(k + 1).take(5).position(|w| w.text == ")");
        match close {
            Some(p) if p > 0 && p <= 3 && words.get(k + 1).is_some_and(|w| !w.punct) => {
                inside = k + 1..k + 1 + p;
                k += p + 2;
                agency = true;
            }
            _ => return (0, 0..0),
        }
    }
    let dash = words.get(k).is_some_and(|w| w.punct && matches!(w.text, "-" | "—" | "–" | "‒" | "―"));
    // (without a dash, the story must go on with a capital: "OSLO (Reuters) Shares ...")
    let next_cap = words.get(k).is_some_and(|w| w.cap && !w.punct);
    if (dash && (caps || parts > 1 || agency)) || (caps && agency && next_cap) {
        (names_end, inside)
    } else {
        (0, 0..0)
    }
}

/// Plural nouns of groups whose possessive is part of organisation names ("People's Party",
/// "Women's Union").
const GROUP_NOUNS: &[&str] = &["people", "peoples", "workers", "women", "children", "farmers", "citizens", "veterans", "nations", "students", "teachers", "doctors", "soldiers"];
