//! Cues from the words around a candidate that say what kind of thing it names, beyond the
//! type words inside it: an apposition's head noun ("X, a district official"), a phenomenon
//! or product after it ("the X winds", "ATR 72"), a named storm ("Hurricane X"), the
//! recipient of a statement ("told X", "confirmed to X").

use super::*;

/// Heads of the names of storms ("Hurricane Selma", "Tropical Storm Ana"): events, not
/// people or places.
const STORM_HEADS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm", "tornado", "blizzard", "windstorm"];

/// Lowercase nouns after a name that make it a phenomenon ("the Santa Ana winds", "the
/// Humboldt current").
const PHENOMENON_NOUNS: &[&str] = &["winds", "wind", "current", "currents", "monsoon", "heatwave"];

/// Words that end an apposition's head noun phrase ("X, a district official in ...").
const HEAD_ENDS: &[&str] = &["of", "in", "at", "on", "for", "near", "from", "who", "which", "that", "where", "with", "and"];

/// Extra cues of the piece `words[from..to]` (see the module docs), added to `cues`.
pub(super) fn add_context_cues(words: &[W], from: usize, to: usize, first_key: &str, acronym: bool, t: &'static Tables, cues: &mut Cues) {
    // "Hurricane X", "Tropical Storm X".
    if to - from >= 2 && STORM_HEADS.contains(&first_key) {
        cues.thing += 1;
    }
    if let Some(a) = words.get(to) {
        // "the X winds"
        if !a.cap && !a.punct && PHENOMENON_NOUNS.contains(&a.key) {
            cues.thing += 1;
        }
        // "ATR 72": an acronym followed by a number is a model.
        let number = |w: &W| w.text.bytes().next().is_some_and(|b| b.is_ascii_digit());
        let model = number(a) || (a.text == "-" && a.start == words[to - 1].end && words.get(to + 1).is_some_and(number));
        if acronym && model {
            cues.thing += 1;
        }
        // "X, a district official", "X, the capital of ...": the head of the apposition.
        if a.text == "," {
            apposition(words, to + 1, t, cues);
        }
    }
    // "told X", "confirmed to X": the one a statement is made to (a person or an outlet),
    // not a place; a lone word there with no other cue is an outlet.
    let told = from.checked_sub(1).and_then(|b| words.get(b)).is_some_and(|b| b.key == "told")
        || (from >= 2 && words[from - 1].key == "to" && words[from - 2].is(t, LEX_REPORTING));
    if told {
        if words[from - 1].key == "to" {
            cues.place -= 2;
        }
        if to - from == 1 {
            cues.org += 2;
        }
    }
}

/// Cues from an apposition ", a/an/the ... head" starting at `at` (after the comma): a place
/// word head ("a city"), an organisation word ("the broadcaster"), or a title ("a district
/// official"). The head is the word before the next punctuation or preposition.
fn apposition(words: &[W], at: usize, t: &'static Tables, cues: &mut Cues) {
    if !words.get(at).is_some_and(|w| matches!(w.key, "the" | "a" | "an")) {
        return;
    }
    let mut head: Option<&W> = None;
    for w in words.iter().skip(at + 1).take(5) {
        if w.punct || HEAD_ENDS.contains(&w.key) || w.cap {
            break;
        }
        head = Some(w);
    }
    let Some(h) = head else { return };
    if h.is(t, LEX_PLACE_CUE) && h.key != "state" {
        cues.place += 4;
    } else if h.is(t, LEX_ORG_CUE) {
        cues.org += 4;
    } else if h.is(t, LEX_TITLE) && !h.is(t, LEX_HONORIFIC) {
        cues.person += 3;
        cues.personal += 1;
    }
}
