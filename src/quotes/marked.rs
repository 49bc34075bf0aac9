//! Marked quotations of one document: spans between quotation marks that are words
//! someone said (not a term or a title), dash dialogue and interview answers, each with
//! its speaker (its own reporting clause, a continuation of the quotation before, a
//! headline colon, the subject of its sentence or of the one before).

use std::collections::HashMap;

use crate::report::{Entity, EntityKind};
use crate::text::TextDoc;

use super::attribute::{colon_after, colon_speaker, interviewee, resolve, says_interview, first_person, turn_speaker};
use super::mentions::{Genders, Mentions};
use super::speaker::{self, Attribution, SpeakerKind};
use super::unmarked::pronoun_tail;
use super::{spans, transcript, words, Q};

/// The last two words of `text` (split at whitespace), last first: the same as
/// `text.rsplit(char::is_whitespace).filter(|w| !w.is_empty())`, by trimming.
pub(super) fn last_two_words(text: &str) -> (Option<&str>, Option<&str>) {
    let Some((w0, at)) = last_word(text) else { return (None, None) };
    (Some(w0), text.get(..at).and_then(last_word).map(|(w, _)| w))
}

/// The last word of `text` (split at whitespace) and where it starts.
pub(super) fn last_word(text: &str) -> Option<(&str, usize)> {
    let t = text.trim_end();
    let start = t.rfind(char::is_whitespace).map_or(0, |p| p + t.get(p..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8));
    let w = t.get(start..)?;
    (!w.is_empty()).then_some((w, start))
}

/// True when a quotation is a title or a term in quotation marks, not words someone
/// said: after "so-called", "dubbed", a work noun ("the film “…”"), or a short name-like
/// phrase inside a sentence (“a new “anti-corruption court””, all words capitalized).
pub(super) fn is_term(text: &str, raw: &spans::RawQuote) -> bool {
    let body = text.get(raw.start..raw.end).unwrap_or("");
    let before = text.get(..raw.open_at).unwrap_or("");
    let (w0, w1) = last_two_words(before);
    let (w0, w1) = (w0.map(speaker::lower), w1.map(speaker::lower));
    let prev = w0.as_deref().unwrap_or("");
    let prev2 = w1.as_deref();
    if before.trim_end().ends_with(':') || before.trim_end().ends_with(',') {
        return false;
    }
    const INTRO: [&str; 12] = ["so-called", "dubbed", "titled", "entitled", "nicknamed", "named", "codenamed", "code-named", "hashtag", "slogan", "motto", "banner"];
    const WORKS: [&str; 22] = [
        "film", "movie", "book", "novel", "song", "single", "album", "play", "series", "show", "documentary", "opera", "poem", "painting", "exhibition", "programme",
        "program", "musical", "memoir", "operation", "campaign", "hit",
    ];
    if INTRO.contains(&prev) || WORKS.contains(&prev) || (prev == "as" && prev2 == Some("known")) || (prev == "called" && prev2 == Some("so")) {
        return true;
    }
    let trimmed = body.trim_end_matches(|c: char| !c.is_alphanumeric());
    let has_punct = trimmed.contains(['.', ',', ';', '?', '!', ':']);
    let n_words = body.split_whitespace().count();
    // Inside a sentence: a lowercase word (not a verb of saying, "that" or "as") just before.
    let mid_sentence = prev.chars().next().is_some_and(char::is_lowercase)
        && !speaker::is_verb_lower(prev.trim_matches(|c: char| !c.is_alphanumeric()))
        && !matches!(prev, "that" | "as" | "was" | "is" | "were" | "are" | "be" | "of" | "to" | "it" | "them" | "him" | "her" | "us");
    if !mid_sentence || has_punct {
        return false;
    }
    // A title: every word capitalized but short function words.
    let small = |w: &str| matches!(w, "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "for" | "at" | "by" | "with" | "de" | "la" | "le");
    let title_case = n_words >= 2 && body.split_whitespace().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()) || small(w));
    // A short term after a determiner or adjective: "a new “anti-corruption court”".
    const DETS: [&str; 10] = ["a", "an", "the", "its", "their", "his", "her", "our", "new", "this"];
    // ("what they called an “anti-terrorist operation”" is their word: a quotation.)
    let named_by_verb = prev2.is_some_and(speaker::is_verb_lower);
    title_case || (n_words <= 2 && DETS.contains(&prev) && !named_by_verb)
}

/// Finds the quotations of one document (between quotation marks, in dash dialogue, and
/// the answers of an interview transcript), with their speakers, and appends them to `qs`.
pub(super) fn find(doc: &TextDoc, mentions: &mut Mentions, genders: &mut Genders, entities: &[Entity], qs: &mut Vec<Q>) {
    let mut prev: Option<usize> = None; // index in qs of the previous quote in this doc
    let (mut raws, dash_lines) = spans::find_all(doc.text);
    let dialogue = spans::dash_dialogue(doc.text, &dash_lines);
    if !dialogue.is_empty() {
        raws.extend(dialogue);
        crate::sort::by_key(&mut raws, |r| [crate::sort::int(r.open_at), crate::sort::int(r.start), 0]);
    }
    // An interview transcript's turns: its answers are quotations of their own,
    // quotations inside them are part of them.
    let turns = transcript::find(doc.text);
    if !raws.is_empty() {
        mentions.mark_quoted(doc.id, &raws);
    }
    let answers: Vec<&transcript::Turn> = turns.iter().filter(|(_, a)| *a).map(|(t, _)| t).collect();
    let mut next_answer = 0usize;
    for raw in raws {
        if doc.in_furniture(&(raw.start..raw.end)) || is_term(doc.text, &raw) {
            continue;
        }
        // (Answers are in order, and so are the quotations.)
        while answers.get(next_answer).is_some_and(|t| t.end < raw.open_at) {
            next_answer += 1;
        }
        if answers.get(next_answer).is_some_and(|t| raw.open_at >= t.start && raw.end <= t.end) {
            continue;
        }
        if raw.short {
            // (Apart from the others: a partial quotation continues nothing.)
            qs.extend(partial(doc, &raw, mentions, genders, entities));
            continue;
        }
        let sentence = doc.sentence_of(raw.start);
        let open_sentence = doc.sentence_of(raw.open_at);
        let open_sentence_start = doc.sentences.get(open_sentence).map(|r| r.start).unwrap_or(0);
        let mut sent_start = open_sentence_start;
        // The clause before a quotation starts after the previous quotation.
        if let Some(p) = prev.and_then(|p| qs.get(p)) {
            if p.close_end > sent_start && p.close_end <= raw.open_at {
                sent_start = p.close_end;
            }
        }
        let body = doc.text.get(raw.start..raw.end).unwrap_or("");
        // A quotation that ends its sentence ("….”) followed by a capitalized word:
        // the next sentence starts there ("He added that …" is not its clause).
        let next_cap = doc.text.get(raw.close_end..).and_then(|t| t.trim_start_matches([' ', '\t']).chars().next()).is_some_and(char::is_uppercase);
        let after = if body.ends_with('.') && next_cap {
            None
        } else {
            // ("“…,” she fumed." with a verb of no list: the pronoun still speaks.)
            let sentence_end = doc.sentences.get(doc.sentence_of(raw.close_end)).map_or(raw.close_end, |r| r.end);
            speaker::after_quote(doc.text, raw.close_end).or_else(|| pronoun_tail(doc.text, raw.close_end, sentence_end.max(raw.close_end)))
        };
        let attr = after.or_else(|| speaker::before_quote(doc.text, sent_start, raw.open_at));
        // Names in the quotation and its clause are not the antecedent of a pronoun.
        let clause_end = attr.map_or(raw.close_end, |a| a.end.max(raw.close_end));
        let (mut spk, mut spk_text) = match attr {
            Some(a) => (resolve(&a, doc, sent_start.min(open_sentence_start)..clause_end, mentions, genders, entities), Some((a.start, a.end))),
            None => (None, None),
        };
        let personal = |a: &Attribution| doc.text.get(a.start..a.end).is_some_and(|p| p.eq_ignore_ascii_case("he") || p.eq_ignore_ascii_case("she"));
        if spk.is_none() && attr.is_some_and(|a| a.kind == SpeakerKind::Pronoun && personal(&a)) {
            // No person before the pronoun (a speaker the entity stage did not take
            // for a person): the previous quotation's speaker.
            spk = prev.and_then(|p| qs.get(p)).and_then(|p| p.speaker);
        }
        let starts_sentence = doc
            .sentences
            .get(open_sentence)
            .and_then(|r| doc.text.get(r.start..raw.open_at.max(r.start)))
            .is_some_and(|t| t.trim().is_empty() || t.trim_end().ends_with(['-', '—', '–']) && t.len() < 24);
        if spk_text.is_none() {
            // Continuation of the previous quotation ("“…,” she said. “…”"), also in
            // the next paragraph when nothing but its clause comes between.
            if let Some(p) = prev.and_then(|p| qs.get(p)).filter(|_| starts_sentence) {
                let gap = doc.text.get(p.close_end.min(raw.open_at)..raw.open_at).unwrap_or("x");
                let gap_sentences = doc.sentence_of(raw.open_at).saturating_sub(doc.sentence_of(p.close_end));
                if gap_sentences <= 1 && gap.len() <= 160 || gap.trim().is_empty() {
                    spk = p.speaker;
                    spk_text = p.speaker_text;
                }
            }
        }
        if spk_text.is_none() {
            // A headline or caption "Norvex chief: “…”", "Mayor Ruiz: ‘…’": the words
            // before the colon at the start of the line.
            if let Some((e, span)) = colon_speaker(doc, raw.open_at, mentions, genders, entities) {
                spk = e;
                spk_text = Some(span);
            }
        }
        if spk_text.is_none() {
            // A headline "“…”: defiant minister rejects calls to resign".
            if let Some((e, span)) = colon_after(doc, raw.open_at, raw.close_end, mentions, genders, entities) {
                spk = e;
                spk_text = Some(span);
            }
        }
        if spk.is_none() {
            // A second quotation in the sentence of one with a speaker ("He said
            // crews were “…” and warned: “…”").
            if let Some(p) = prev.and_then(|p| qs.get(p)).filter(|p| p.speaker.is_some() && doc.sentence_of(p.start) == open_sentence) {
                spk = p.speaker;
                if spk_text.is_none() {
                    spk_text = p.speaker_text;
                }
            }
        }
        // A quotation inside a sentence with no clause of its own ("…, telling crowds
        // that “…”", "Ward expects “two difficult quarters”"): the sentence's subject.
        let inside = !doc.text.get(sent_start..raw.open_at).unwrap_or("").trim().is_empty();
        if spk.is_none() && inside && attr.map_or(true, |a| a.end <= raw.open_at) {
            // "X claimed victory, telling crowds that “…”": the subject of the sentence.
            if let Some((e, span)) = mentions.subject_in(doc, open_sentence_start..raw.open_at) {
                spk = Some(e);
                spk_text = Some(span);
            }
        }
        if spk_text.is_none() && starts_sentence && open_sentence > 0 {
            // No clause: the speaker named at the head of the sentence before, in the
            // same paragraph or in one that ends with a colon ("Tal spoke to
            // supporters. “…”").
            if let Some(r) = doc.sentences.get(open_sentence - 1) {
                let gap = doc.text.get(r.end.min(raw.open_at)..raw.open_at).unwrap_or("\n");
                let prev_text = doc.text.get(r.clone()).unwrap_or("");
                if !gap.contains('\n') || prev_text.trim_end().ends_with(':') {
                    if let Some((e, span)) = mentions.subject_in(doc, r.clone()) {
                        spk = Some(e);
                        spk_text = Some(span);
                    }
                }
            }
        }
        let (tokens, grams) = words::tokens_and_trigrams(body);
        prev = Some(qs.len());
        qs.push(Q {
            doc: doc.id,
            start: raw.start,
            end: raw.end,
            close_end: raw.close_end,
            sentence,
            speaker: spk,
            speaker_text: spk_text,
            marked: true,
            tokens,
            grams,
            short: false,
        });
    }
    if let Some((first, _)) = turns.first() {
        let intro_person = interviewee(doc, first.label_span.0, mentions);
        let mut label_speakers: HashMap<&str, Option<usize>, crate::hash::FnvBuild> = HashMap::default();
        // Answers under "A:" with no word of an interview before them and mostly not
        // in the first person are an explainer's ("Q: What is a recession? A: Two
        // quarters of …"): the newsroom's words, not a quotation.
        let letters: Vec<&&transcript::Turn> = answers.iter().filter(|t| t.label != transcript::Label::Name).collect();
        let explainer = !letters.is_empty()
            && !says_interview(doc, first.label_span.0)
            && letters.iter().filter(|t| doc.text.get(t.start..t.end).is_some_and(first_person)).count() * 2 < letters.len();
        for t in answers {
            if explainer && t.label != transcript::Label::Name {
                continue;
            }
            if doc.in_furniture(&(t.start..t.end)) {
                continue;
            }
            // (An answer printed in quotation marks: the words inside them.)
            let body = doc.text.get(t.start..t.end).unwrap_or("");
            let inner = body.trim_start_matches(['"', '“', '«', '„']).trim_end_matches(['"', '”', '»', '“']);
            let start = t.start + (body.len() - body.trim_start_matches(['"', '“', '«', '„']).len());
            let end = start + inner.len();
            if !spans::has_words(inner, spans::MIN_WORDS) {
                continue;
            }
            let (spk, spk_text) = match t.label {
                transcript::Label::Name => {
                    // (Each label resolved once: a long transcript repeats them.)
                    let key = doc.text.get(t.label_span.0..t.label_span.1).unwrap_or("");
                    let spk = match label_speakers.get(key) {
                        Some(&e) => e,
                        None => {
                            let e = turn_speaker(doc, t.label_span, mentions, genders, entities, intro_person);
                            label_speakers.insert(key, e);
                            e
                        }
                    };
                    // (A label that names nobody known and is no full name is no speaker.)
                    let label = doc.text.get(t.label_span.0..t.label_span.1).unwrap_or("");
                    if spk.is_none() && label.split_whitespace().nth(1).is_none() {
                        continue;
                    }
                    (spk, Some(t.label_span))
                }
                _ => (intro_person, None),
            };
            let (tokens, grams) = words::tokens_and_trigrams(inner);
            qs.push(Q { doc: doc.id, start, end, close_end: t.end, sentence: doc.sentence_of(start), speaker: spk, speaker_text: spk_text, marked: true, tokens, grams, short: false });
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn last_two_words_equal_rsplit_at_whitespace() {
        for t in ["", " ", "a", "a b", "so-called ", "the film\u{a0} ", "x\u{2009}y z\n\n", "🙂 émigré  naïve\t", "  two   words  ", "one"] {
            let mut it = t.rsplit(char::is_whitespace).filter(|w| !w.is_empty());
            assert_eq!(super::last_two_words(t), (it.next(), it.next()), "{t:?}");
        }
    }
}

/// A partial quotation of a word or two ("Biden described the damage as “overwhelming”"),
/// when a person named in its own sentence says it: the reporting clause right after or
/// before it, or the sentence's subject with a reporting verb before the quotation.
fn partial(doc: &TextDoc, raw: &spans::RawQuote, mentions: &Mentions, genders: &mut Genders, entities: &[Entity]) -> Option<Q> {
    let open_sentence = doc.sentence_of(raw.open_at);
    let sent_start = doc.sentences.get(open_sentence).map_or(0, |r| r.start);
    let sentence_end = doc.sentences.get(doc.sentence_of(raw.close_end)).map_or(raw.close_end, |r| r.end);
    let attr = speaker::after_quote(doc.text, raw.close_end)
        .filter(|a| a.end <= sentence_end)
        .or_else(|| speaker::before_quote(doc.text, sent_start, raw.open_at));
    let is_person = |e: usize| entities.get(e).is_some_and(|x| x.kind == EntityKind::Person);
    let (spk, span) = match attr {
        Some(a) => (resolve(&a, doc, sent_start..a.end.max(raw.close_end), mentions, genders, entities), (a.start, a.end)),
        None if speaker::verb_before(doc.text, sent_start, raw.open_at) => {
            let (e, span) = mentions.subject_in(doc, sent_start..raw.open_at)?;
            (Some(e), span)
        }
        None => return None,
    };
    let spk = spk.filter(|&e| is_person(e))?;
    let body = doc.text.get(raw.start..raw.end)?;
    let (tokens, grams) = words::tokens_and_trigrams(body);
    Some(Q {
        doc: doc.id,
        start: raw.start,
        end: raw.end,
        close_end: raw.close_end,
        sentence: doc.sentence_of(raw.start),
        speaker: Some(spk),
        speaker_text: Some(span),
        marked: true,
        tokens,
        grams,
        short: true,
    })
}
