//! Splitting a run into pieces: titles become roles, demonyms links, gazetteer places and
//! organisation names used as titles their own pieces.

use super::*;

/// A piece of a run before it becomes a candidate.
pub(super) struct Piece {
    pub(super) from: usize, // index into words (inclusive)
    pub(super) to: usize,   // exclusive
    pub(super) role: Option<(usize, usize)>,
    pub(super) honorific: bool,
    pub(super) cap_title: bool,
    pub(super) place: Option<&'static str>,
    /// Directional word + gazetteer place ("West Kazakhstan").
    pub(super) place_cue: bool,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn split_run(
    doc: &TextDoc,
    si: usize,
    words: &[W],
    start: usize,
    end: usize,
    initial: bool,
    headline: bool,
    dateline: bool,
    t: &'static Tables,
    out: &mut DocMentions,
    pieces: &mut Vec<Piece>,
) {
    pieces.clear();
    let mut cur: Option<usize> = None; // start index of current piece
    let mut role: Option<(usize, usize)> = None;
    let mut honorific = false;
    let mut cap_title = false;
    // Lowercase title(s) right before the run ("spokesman X", "press secretary X").
    if start > 0 && words.get(start - 1).is_some_and(|w| !w.cap && !w.punct && w.is(t, LEX_TITLE_LAST)) {
        let mut k = start;
        let mut best = None;
        while k > 0 && start - k < t.max_title_words {
            let w = &words[k - 1];
            if w.punct || w.cap {
                break;
            }
            let phrase = PhraseBuf::of(words, k - 1, start - k + 1);
            if let Some(&h) = phrase.as_str().and_then(|key| t.titles.get(key)) {
                best = Some((k - 1, h));
            }
            k -= 1;
        }
        if let Some((b, h)) = best {
            if h {
                honorific = true;
            } else {
                role = Some((b, start));
            }
        }
    }
    let flush = |pieces: &mut Vec<Piece>, cur: &mut Option<usize>, to: usize, role: &mut Option<(usize, usize)>, honorific: &mut bool, cap_title: &mut bool, place: Option<&'static str>| {
        if let Some(mut from) = cur.take() {
            let mut to = to;
            while from < to && (is_particle(&words[from]) || words[from].key == "of" || words[from].key == "the" || words[from].punct) {
                from += 1;
            }
            while to > from && (is_particle(&words[to - 1]) || words[to - 1].key == "of" || words[to - 1].key == "the" || words[to - 1].punct) {
                to -= 1;
            }
            if from < to {
                pieces.push(Piece { from, to, role: role.take(), honorific: *honorific, cap_title: *cap_title, place, place_cue: false });
            }
        }
        *role = None;
        *honorific = false;
        *cap_title = false;
    };
    let mut k = start;
    while k < end {
        let w = &words[k];
        if cur.is_none() && !w.compound {
            // A title followed only by organisation words is a name: "Premier League",
            // "General Assembly".
            let org_rest = |len: usize| {
                k + len < end && words[k + len..end].iter().all(|x| !x.punct && x.is(t, LEX_ORG_WORD) && !x.is(t, LEX_TITLE))
            };
            // ("Justice and Development Party": a title joined by "and" is a name's word)
            let and_after = |len: usize| words.get(k + len).is_some_and(|x| x.key == "and" && !x.cap) && k + len < end;
            if let Some((len, h)) = title_len(words, k, end, t).filter(|&(len, h)| h || (!org_rest(len) && !and_after(len))) {
                // "General Motors"-style names are rare next to real titles; a title that
                // ends the run is dropped ("the Kazakh President").
                if h {
                    honorific = true;
                } else {
                    role = Some(match role {
                        Some((a, _)) if a < k => (a, k + len),
                        _ => (k, k + len),
                    });
                    cap_title = true;
                }
                k += len;
                continue;
            }
        } else if !w.compound {
            // ("Jackson General Hospital": a title followed only by organisation words is
            // part of the name)
            let org_rest = |len: usize| {
                k + len < end && words[k + len..end].iter().all(|x| !x.punct && x.is(t, LEX_ORG_WORD) && !x.is(t, LEX_TITLE))
            };
            if let Some((len, h)) = title_len(words, k, end, t).filter(|&(len, h)| h || !org_rest(len)) {
                // A title inside a run ends the piece before it ("UN Secretary General X").
                let is_last = k + len >= end;
                if !is_last {
                    flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                    if h {
                        honorific = true;
                    } else {
                        role = Some((k, k + len));
                        cap_title = true;
                    }
                    k += len;
                    continue;
                }
            }
        }
        if let Some((len, place)) = demonym_len(words, k, end, t) {
            let gaz = place_len(words, k, end, t).map(|p| p.0).unwrap_or(0);
            if gaz < len {
                let next_org = words.get(k + len).is_some_and(|x| k + len < end && x.is(t, LEX_ORG_WORD) && !x.is(t, LEX_STOP));
                if cur.is_none() && next_org && !words[k + len - 1].possessive {
                    cur = Some(k);
                    k += len;
                    continue;
                }
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                if !place.is_empty() {
                    out.demonym_links.push((w.start, place));
                    if let Some(last) = words.get(k + len - 1) {
                        out.demonym_ends.push((last.end, place));
                    }
                }
                k += len;
                continue;
            }
        }
        // A multi-word place that starts with a stopword ("New York", "NEW YORK").
        let stop_place = w.cap
            && w.is(t, LEX_STOP)
            && place_len(words, k, end, t).is_some_and(|p| p.0 >= 2 || w.allcaps);
        // "the WHO said": a known acronym spelled like a stopword, in text that is not
        // all capitals.
        let stop_acronym = w.allcaps
            && t.org_acronyms.contains_key(w.text)
            && [k.checked_sub(1), Some(k + 1)].iter().flatten().filter_map(|&x| words.get(x)).all(|x| x.punct || !x.allcaps);
        // "Doctors Without Borders", "Campaign Against Arms Trade": a capitalised preposition
        // between capitalised words of running text belongs to a title-case name.
        let inner_prep = cur.is_some()
            && !headline
            && !w.allcaps
            && INNER_PREPS.contains(&w.key)
            && k + 1 < end
            && words.get(k + 1).is_some_and(|x| x.cap && !x.punct && !x.is(t, LEX_STOP));
        if (w.cap && !stop_place && !stop_acronym && !inner_prep && w.is(t, LEX_STOP)) || (w.cap && k > start && is_capitalised_verb(w, t)) {
            flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
            k += 1;
            continue;
        }
        // Directional word + gazetteer place: one place ("West Kazakhstan").
        if cur.is_none() && w.is(t, LEX_DIRECTION) {
            if let Some((len, _, _)) = place_len(words, k + 1, end, t).filter(|_| !w.possessive) {
                pieces.push(Piece { from: k, to: k + 1 + len, role: None, honorific: false, cap_title: false, place: None, place_cue: true });
                role = None;
                k += 1 + len;
                continue;
            }
            if k + 1 >= end || words[k].possessive {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                k += 1;
                continue;
            }
        }
        if let Some((len, canonical, country)) = place_len(words, k, end, t) {
            let after_of = k > 0 && words[k - 1].key == "of" && cur.is_some();
            if cur.is_some() && !after_of && (country || w.allcaps) {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
            }
            if cur.is_none() {
                // A country before a name with an organisation word is a separate mention.
                let rest_has_org = words[k + len..end].iter().any(|x| x.is(t, LEX_ORG_WORD))
                    && words[k + len..end].iter().any(|x| !x.is(t, LEX_ORG_WORD) && x.cap);
                let ends_here = k + len >= end || words[k + len - 1].possessive || words[k + len - 1].compound;
                // ("U.S. Federal Reserve": a country before a known institution)
                let rest_known = country && k + len < end && PhraseBuf::of(words, k + len, end - k - len).as_str().is_some_and(|r| t.orgs.contains_key(r));
                if ends_here || (country && rest_has_org) || rest_known || title_len(words, k + len, end, t).is_some() {
                    let r = role.take();
                    pieces.push(Piece { from: k, to: k + len, role: r, honorific, cap_title, place: Some(canonical), place_cue: false });
                    honorific = false;
                    cap_title = false;
                    k += len;
                    continue;
                }
                cur = Some(k);
            }
            k += len;
            continue;
        }
        if w.compound {
            // Compound head that is not a place or demonym ("Energy-rich"): a known
            // institution stays ("Kremlin-backed"), anything else is dropped.
            if cur.is_none() && w.is(t, LEX_ORG) {
                pieces.push(Piece { from: k, to: k + 1, role: None, honorific: false, cap_title: false, place: None, place_cue: false });
            } else {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                if cur.is_none() && !pieces.last().is_some_and(|p| p.to == k + 1) {
                    // Keep whatever was before; the compound is not a name.
                }
            }
            k += 1;
            continue;
        }
        // An organisation name of two words or more straight before a person's name
        // ("Coast Guard Ingrid Vastola", "Interior Ministry Sergei Ivanov"): the
        // organisation is used as a title; two pieces.
        if let Some(from) = cur {
            let plain = |x: &W| {
                x.cap && !x.punct && !x.allcaps && !x.is(t, LEX_ORG_WORD | LEX_PLACE_WORD | LEX_STOP | LEX_TITLE)
                    && x.lx(t).place.is_none() && x.lx(t).demonym.is_none()
            };
            if !headline
                && k >= from + 2
                && (2..=3).contains(&(end - k))
                && words.get(k - 1).is_some_and(|o| o.is(t, LEX_ORG_WORD) && !o.is(t, LEX_TITLE) && !o.possessive && !o.allcaps)
                && words[from..k].iter().all(|x| x.cap && !x.punct)
                && words[k..end].iter().all(plain)
            {
                flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
                cur = Some(k);
                cap_title = true;
                k += 1;
                continue;
            }
        }
        // "Yeti Airlines ATR 72": an acronym after an organisation's head word is another
        // name.
        if cur.is_some_and(|from| k > from)
            && w.allcaps
            && !w.is(t, LEX_ORG_WORD)
            && words.get(k - 1).is_some_and(|o| o.is(t, LEX_ORG_WORD) && !o.is(t, LEX_TITLE) && !o.allcaps && !o.possessive)
        {
            flush(pieces, &mut cur, k, &mut role, &mut honorific, &mut cap_title, None);
        }
        if cur.is_none() {
            cur = Some(k);
        }
        k += 1;
    }
    flush(pieces, &mut cur, end, &mut role, &mut honorific, &mut cap_title, None);
    for p in pieces.drain(..) {
        make_candidate(doc, si, words, p, start, initial, headline, dateline, t, out);
    }
}

/// Prefixes of ships' names ("MV Marisol Star", "HMS Dauntless"), folded.
pub(super) const VESSEL_PREFIXES: &[&str] = &["mv", "ms", "mt", "hms", "uss", "rms", "ss", "hmas", "hmcs", "hmnzs", "ins", "fv", "rv", "sv", "my", "lng", "cgc"];

/// Common nouns for ships written right before a ship's name ("the ferry X", "the tanker
/// X", "the cruise liner X").
pub(super) const VESSEL_NOUNS: &[&str] = &[
    "ferry", "ship", "vessel", "tanker", "freighter", "liner", "yacht", "superyacht", "trawler", "frigate", "destroyer",
    "submarine", "cruiser", "corvette", "warship", "icebreaker", "tugboat", "tug", "barge", "containership", "steamer",
    "schooner", "catamaran", "boat", "dredger",
];

/// Organisation heads followed by "to" + capitalised words in a name ("Committee to Protect
/// Journalists", "Campaign to End Hunger").
pub(super) const TO_HEADS: &[&str] = &["committee", "campaign", "coalition", "alliance", "foundation", "movement", "fund", "network", "initiative"];
/// Organisation heads followed by "for" + capitalised words in a name ("Federal Office for
/// Civil Protection", "Centers for Disease Control", "Commission for Human Rights").
pub(super) const FOR_HEADS: &[&str] = &[
    "office", "agency", "commission", "ministry", "department", "council", "centre", "center", "centres", "centers",
    "committee", "institute", "bureau", "fund", "organisation", "organization", "association", "society", "foundation",
    "coalition", "commissioner", "authority", "board",
];

/// Prepositions written capitalised inside title-case organisation names ("Doctors Without
/// Borders", "Médecins Sans Frontières"), and "to" of "Committee to Protect Journalists":
/// no person's name has them.
pub(super) const INNER_PREPS: &[&str] = &["without", "against", "sans", "sin", "ohne", "sem", "senza"];

/// True when words before `from` or after `to` are corporate context from
/// `entity_company_cues.txt` ("shares of", "spokeswoman for"; "shares", "chief executive").
pub(super) fn company_context(words: &[W], from: usize, to: usize, t: &'static Tables) -> bool {
    // Every phrase after the name starts with the word right after it, and every phrase
    // before it ends with the word right before it: most names are ruled out by one lookup.
    let after_possible = words.get(to).is_some_and(|w| !w.punct && w.is(t, LEX_CO_AFTER_FIRST));
    let before_possible = from.checked_sub(1).and_then(|b| words.get(b)).is_some_and(|w| w.is(t, LEX_CO_BEFORE_LAST));
    if !after_possible && !before_possible {
        return false;
    }
    let mut after = PhraseBuf::new();
    for (j, w) in words.get(to..).unwrap_or(&[]).iter().take(4).enumerate() {
        if !after_possible {
            break;
        }
        if w.punct {
            break;
        }
        if j > 0 {
            after.push(" ");
        }
        after.push(w.key);
        if after.as_str().is_some_and(|k| t.company_after.contains(k)) {
            return true;
        }
    }
    for n in 1..=4 {
        if !before_possible {
            break;
        }
        let Some(a) = from.checked_sub(n) else { break };
        let ws = &words[a..from];
        if ws.iter().any(|w| w.punct) {
            break;
        }
        if PhraseBuf::of(words, a, n).as_str().is_some_and(|k| t.company_before.contains(k)) {
            return true;
        }
    }
    false
}

/// Capitalised past-tense reporting verbs that end a run ("Reuters Noted"); "Said" is also
/// a name and is left alone.
pub(super) fn is_capitalised_verb(w: &W, t: &'static Tables) -> bool {
    let key = w.key;
    key != "said" && key.len() > 3 && (key.ends_with("ed") || key.ends_with('s')) && w.is(t, LEX_REPORTING)
}
