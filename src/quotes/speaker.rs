//! Who said a quotation: the reporting clause after it (", he said", "said X", "X said",
//! "according to X", "X told Y") or before it ("X said: “…”"). Returns the speaker as
//! written (a name, a pronoun or a phrase like "the president"), as a byte span.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::tokens::{tokenize, Token, TokenKind};

/// Reporting verbs (every form), from `src/lexicon/reporting_verbs.txt`.
fn verbs() -> &'static HashSet<&'static str, crate::hash::FnvBuild> {
    static V: OnceLock<HashSet<&'static str, crate::hash::FnvBuild>> = OnceLock::new();
    V.get_or_init(|| {
        crate::lexicon::lines(crate::lexicon::REPORTING_VERBS)
            .flat_map(crate::lexicon::fields)
            .filter(|f| !f.is_empty())
            .collect()
    })
}

/// Titles and role nouns (lowercase, single words and the last word of multi-word ones),
/// from `src/lexicon/titles.txt`: "says governor", "said spokesman Ivo Kral".
fn titles() -> &'static HashSet<&'static str, crate::hash::FnvBuild> {
    static T: OnceLock<HashSet<&'static str, crate::hash::FnvBuild>> = OnceLock::new();
    T.get_or_init(|| {
        crate::lexicon::lines(crate::lexicon::data!("titles.txt"))
            .map(|l| l.trim_end_matches('*').trim())
            .filter_map(|l| l.split_whitespace().last())
            .collect()
    })
}

/// True when `w` (lowercase) is a title or role noun ("governor", "spokesman").
pub fn is_title_lower(w: &str) -> bool {
    titles().contains(w)
}

/// Length, first and last letter of a word, as a bit position in [`verb_shapes`] (none
/// for a word that is no lowercase ASCII of 2 to 24 letters).
#[inline]
fn shape(len: usize, first: u8, last: u8) -> Option<usize> {
    let (f, l) = (first.wrapping_sub(b'a'), last.wrapping_sub(b'a'));
    ((2..=24).contains(&len) && f < 26 && l < 26).then(|| (len * 26 + usize::from(f)) * 26 + usize::from(l))
}

/// One bit for each (length, first letter, last letter) of a reporting verb: most words
/// are ruled out by it without hashing.
fn verb_shapes() -> &'static [u64] {
    static S: OnceLock<Vec<u64>> = OnceLock::new();
    S.get_or_init(|| {
        let mut bits = vec![0u64; (25usize * 26 * 26).div_ceil(64)];
        for w in verbs() {
            let b = w.as_bytes();
            match shape(b.len(), b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0)) {
                Some(k) => {
                    if let Some(x) = bits.get_mut(k / 64) {
                        *x |= 1 << (k % 64);
                    }
                }
                // (A verb of another shape in the list: no word is ruled out.)
                None => return vec![u64::MAX; bits.len()],
            }
        }
        bits
    })
}

/// True when `w` (any case) is a form of a reporting verb.
pub fn is_verb(w: &str) -> bool {
    // An ASCII word is ruled out by its shape (most words; every verb is a lowercase
    // ASCII word of 2 to 24 letters), else lowercased on the stack and looked up.
    if w.is_ascii() && w.len() <= 32 {
        let b = w.as_bytes();
        let (first, last) = (b.first().map_or(0, u8::to_ascii_lowercase), b.last().map_or(0, u8::to_ascii_lowercase));
        let shapes = verb_shapes();
        let ruled_out = match shape(b.len(), first, last) {
            Some(k) => shapes.get(k / 64).is_some_and(|x| x & (1 << (k % 64)) == 0),
            None => shapes.first() != Some(&u64::MAX),
        };
        if ruled_out {
            return false;
        }
        let mut buf = [0u8; 32];
        for (d, x) in buf.iter_mut().zip(b) {
            *d = x.to_ascii_lowercase();
        }
        return std::str::from_utf8(buf.get(..w.len()).unwrap_or(&[])).is_ok_and(|l| verbs().contains(l));
    }
    if w.chars().all(|c| c.is_lowercase()) {
        return verbs().contains(w);
    }
    let l = w.to_lowercase();
    verbs().contains(l.as_str())
}

/// As [`is_verb`], for a word already lowercase.
pub fn is_verb_lower(w: &str) -> bool {
    verbs().contains(w)
}

/// What the speaker text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// Starts with a capitalized name ("Mr. Tokayev", "Jen Psaki").
    Name,
    /// "he", "she".
    Pronoun,
    /// A common-noun phrase ("the president", "a spokesperson for the ministry").
    Phrase,
}

/// The speaker as written: byte span and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    pub start: usize,
    pub end: usize,
    pub kind: SpeakerKind,
    /// End of the whole reporting clause as far as it was read (the verb in "X said",
    /// the speaker in "said X").
    pub clause_end: usize,
}

const PRONOUNS: [&str; 2] = ["he", "she"];
const DETERMINERS: [&str; 9] = ["the", "a", "an", "his", "her", "its", "their", "one", "another"];
/// Abbreviated titles: their period does not end the clause ("said Gov. Ana Ruiz").
const TITLES: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "mm", "prof", "gen", "sen", "gov", "rep", "lt", "col", "maj", "capt", "sgt", "cpl", "adm", "cmdr", "insp", "supt", "det", "hon", "rev", "amb",
];
const PARTICLES: [&str; 9] = ["de", "von", "der", "van", "al", "bin", "la", "le", "du"];
const SKIP: [&str; 14] = [
    "also", "later", "then", "again", "earlier", "previously", "reportedly", "has", "had", "have", "was", "once", "recently", "repeatedly",
];
const WEEKDAYS: [&str; 9] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"];
/// Words that end a speaker phrase after the verb ("said X on Friday").
const STOPS_AFTER: [&str; 14] = ["on", "in", "at", "during", "when", "after", "before", "while", "as", "to", "that", "and", "but", "who"];

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word lowercased: on the stack for a short ASCII word (no allocation), else a String.
pub(super) enum Lower<'a> {
    Same(&'a str),
    Stack([u8; 24], usize),
    Heap(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Stack(b, n) => b.get(..*n).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or(""),
            Lower::Heap(s) => s,
        }
    }
}

impl Lower<'_> {
    pub(super) fn as_str(&self) -> &str {
        self
    }
}

pub(super) fn lower(w: &str) -> Lower<'_> {
    if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return Lower::Same(w);
    }
    if w.len() <= 24 && w.is_ascii() {
        let mut b = [0u8; 24];
        for (d, x) in b.iter_mut().zip(w.bytes()) {
            *d = x.to_ascii_lowercase();
        }
        return Lower::Stack(b, w.len());
    }
    Lower::Heap(w.to_lowercase())
}

/// True when `w` equals a list entry, ignoring ASCII case (no allocation).
fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Word tokens of `text[from..to]` with their positions, stopping at a sentence end (not
/// after a title abbreviation), a line break or an opening quotation mark, or after
/// `max_words` words.
///
/// Most clauses end within a few dozen bytes, so a short prefix is tokenized first; its
/// tokens are those of the whole slice as long as they end 8 bytes before its end (the
/// tokenizer looks at most 7 bytes past a token to end it). Only when the prefix does not
/// settle the clause is the whole slice tokenized.
fn clause_words(text: &str, from: usize, to: usize, max_words: usize) -> Vec<Token> {
    const PREFIX: usize = 80;
    let Some(slice) = text.get(from..to) else { return Vec::new() };
    let slice = slice.split('\n').next().unwrap_or("");
    // The walk usually stops at the first mark that ends a clause: first a prefix just
    // past it, then the fixed one.
    let stop = slice.bytes().take(PREFIX).position(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b'(' | b')' | b'"' | 0xC2 | 0xE2));
    for want in [stop.map(|p| p + 16).filter(|&c| c < PREFIX), Some(PREFIX)].into_iter().flatten() {
        let mut cut = want.min(slice.len());
        while cut < slice.len() && !slice.is_char_boundary(cut) {
            cut += 1;
        }
        if cut < slice.len() {
            if let Some(out) = walk_clause(text, tokenize(slice.get(..cut).unwrap_or(""), from), Some(from + cut), max_words) {
                return out;
            }
        }
    }
    walk_clause(text, tokenize(slice, from), None, max_words).unwrap_or_default()
}

/// The walk of [`clause_words`] over `toks`; `None` when a token at or past `limit` (the
/// end of a tokenized prefix, less 8 bytes) would be needed.
fn walk_clause(text: &str, toks: Vec<Token>, limit: Option<usize>, max_words: usize) -> Option<Vec<Token>> {
    let mut out: Vec<Token> = Vec::with_capacity(max_words.min(16));
    for t in toks {
        if limit.is_some_and(|l| t.end + 8 > l) {
            return None;
        }
        let s = t.text(text);
        match t.kind {
            TokenKind::Word | TokenKind::Number => {
                out.push(t);
                if out.len() >= max_words {
                    return Some(out);
                }
            }
            TokenKind::Punct => {
                if matches!(s, "“" | "\"" | "«" | "„" | "!" | "?" | ";" | "(" | ")") {
                    return Some(out);
                }
                if s == "." {
                    let after_title = out.last().is_some_and(|w| is_in(&TITLES, w.text(text)) || w.end - w.start == 1);
                    if !after_title {
                        return Some(out);
                    }
                }
            }
        }
    }
    limit.is_none().then_some(out)
}

/// The speaker named in the clause right after a quotation (`from` = just after the
/// closing mark).
pub fn after_quote(text: &str, from: usize) -> Option<Attribution> {
    // (Nothing, or another quotation's opening mark, next: no clause.)
    let next = text.get(from..)?.trim_start_matches([' ', '\t']).chars().next();
    if next.map_or(true, |c| matches!(c, '“' | '"' | '«' | '„')) {
        return None;
    }
    let mut to = (from + 240).min(text.len());
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    let words = clause_words(text, from, to, 14);
    let ws: Vec<&str> = words.iter().map(|w| w.text(text)).collect();
    // "according to X"
    // (Further when a clause between commas comes before it: "“…,” Alina Petrov, who
    // chairs the riders' forum, wrote.")
    let verb = ws.iter().take(8).position(|w| is_verb(w)).or_else(|| {
        let v = ws.iter().take(13).position(|w| is_verb(w))?;
        inserted_clause(text, &words, v).map(|_| v)
    });
    // ("“…,” Ward told analysts, according to a transcript": the verb comes first.)
    if let Some(k) = ws.windows(2).take(6).position(|p| matches!(p, [a, b] if a.eq_ignore_ascii_case("according") && b.eq_ignore_ascii_case("to"))) {
        if verb.map_or(true, |v| v > k) {
            return phrase_after(text, &words, k + 2);
        }
    }
    let Some(k) = verb else { return apposition(text, from, to) };
    if k == 0 {
        return phrase_after(text, &words, 1);
    }
    // The words before the verb must all be the subject.
    subject_before(text, &words, k, true)
}

/// A name, then a long apposition between commas, then the verb: "“…,” Ana Ruiz, a
/// nurse at the clinic that took in most of the injured, told reporters." The name (up
/// to four capitalized words) is the speaker; the apposition (a determiner, a number or a
/// lowercase word first) runs up to 24 words.
fn apposition(text: &str, from: usize, to: usize) -> Option<Attribution> {
    let words = clause_words(text, from, to, 32);
    let w = |i: usize| words.get(i).map(|t| t.text(text)).unwrap_or("");
    let comma = |i: usize| i >= 1 && words.get(i - 1).zip(words.get(i)).and_then(|(a, b)| text.get(a.end..b.start)).is_some_and(|g| g.trim() == ",");
    let mut n = 0;
    while n < 4 && is_cap(w(n)) && !is_in(&DETERMINERS, w(n)) && !is_verb(w(n)) && (n == 0 || name_gap(text, &words, n - 1)) {
        n += 1;
    }
    let first = w(n);
    let opens = is_in(&DETERMINERS, first) || first.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    if n == 0 || !comma(n) || !opens {
        return None;
    }
    let j = (n + 2..(n + 26).min(words.len())).find(|&j| comma(j))?;
    let verb = words.get(j).filter(|t| is_verb(t.text(text)))?;
    Some(Attribution { start: words.first()?.start, end: words.get(n - 1)?.end, kind: SpeakerKind::Name, clause_end: verb.end })
}

/// How much of a sentence before its quotation [`before_quote`] reads, in bytes.
const BEFORE_WINDOW: usize = 480;

/// The speaker named before a quotation in its sentence (`sent_start..open_at`): "X said:",
/// "X told reporters that".
pub fn before_quote(text: &str, sent_start: usize, open_at: usize) -> Option<Attribution> {
    // Only the last BEFORE_WINDOW bytes of the sentence are read (from a word start):
    // the verb is among its last twelve words and the subject right before it, and the
    // work per quotation stays bounded in a huge sentence.
    let mut from = sent_start.max(open_at.saturating_sub(BEFORE_WINDOW));
    while from < open_at && !text.is_char_boundary(from) {
        from += 1;
    }
    if from > sent_start {
        let cut = text.get(from..open_at)?;
        from += cut.find(char::is_whitespace).unwrap_or(cut.len());
    }
    let slice = text.get(from..open_at)?;
    let line_start = slice.rfind('\n').map(|p| from + p + 1).unwrap_or(from);
    let mut words: Vec<Token> = tokenize(text.get(line_start..open_at).unwrap_or(""), line_start);
    words.retain(|t| t.kind != TokenKind::Punct);
    let ws: Vec<&str> = words.iter().map(|w| w.text(text)).collect();
    // "According to the minister, “…”": no verb after "according to", near the quotation.
    let according = ws.windows(2).rposition(|p| matches!(p, [a, b] if a.eq_ignore_ascii_case("according") && b.eq_ignore_ascii_case("to")));
    if let Some(k) = according.filter(|&k| ws.len() - k <= 8 && !ws.iter().skip(k + 2).any(|w| is_verb(w))) {
        if let Some(a) = phrase_after(text, &words, k + 2) {
            return Some(a);
        }
    }
    let k = ws.iter().rposition(|w| is_verb(w))?;
    if ws.len() - k > 12 {
        return None;
    }
    if k == 0 {
        return None;
    }
    subject_before(text, &words, k, false)
}

/// True when a reporting verb comes before a quotation in its sentence ("…, telling
/// crowds that “…”").
pub fn verb_before(text: &str, sent_start: usize, open_at: usize) -> bool {
    let Some(slice) = text.get(sent_start..open_at) else { return false };
    let line = slice.rsplit('\n').next().unwrap_or("");
    line.split(|c: char| !c.is_alphabetic()).rev().take(12).any(is_verb)
}

/// The subject right before the verb at `k`. With `whole`, every word before `k` must be
/// part of it (right-hand clause ", the minister said").
fn subject_before(text: &str, words: &[Token], k: usize, whole: bool) -> Option<Attribution> {
    let w = |i: usize| words.get(i).map(|t| t.text(text)).unwrap_or("");
    let mut j = k; // exclusive end of the subject
    while j > 0 {
        let lw = lower(w(j - 1));
        // An age between commas: "Ana Ruiz, 52, said".
        let age = lw.chars().all(|c| c.is_ascii_digit())
            && lw.len() <= 3
            && j >= 2
            && words.get(j - 2).zip(words.get(j - 1)).and_then(|(a, b)| text.get(a.end..b.start)).is_some_and(|g| g.contains(','));
        if age {
            j -= 1;
            continue;
        }
        if SKIP.contains(&lw.as_str()) || WEEKDAYS.contains(&lw.as_str()) {
            j -= 1;
            if j > 0 && WEEKDAYS.contains(&lw.as_str()) && lower(w(j - 1)).as_str() == "on" {
                j -= 1;
            }
        } else {
            break;
        }
    }
    if j == 0 {
        return None;
    }
    if let Some(p) = inserted_clause(text, words, j) {
        j = p;
    }
    let last = w(j - 1);
    let ll = lower(last);
    let end_tok = words.get(j - 1)?;
    let mut i = j - 1; // inclusive start
    let kind;
    // ("“…,” it said in a statement": an organization's pronoun.)
    if PRONOUNS.contains(&ll.as_str()) || matches!(ll.as_str(), "it" | "they") {
        kind = SpeakerKind::Pronoun;
    } else if is_cap(last) {
        while i > 0 {
            let p = w(i - 1);
            let pl = lower(p);
            // (Words of one name are apart only by spaces or an abbreviation's period: not
            // "14:45 GMT - Mayor Ana Ruiz".)
            let joined = name_gap(text, words, i - 1);
            if joined && ((is_cap(p) && !DETERMINERS.contains(&pl.as_str())) || PARTICLES.contains(&pl.as_str()) && i >= 2 && is_cap(w(i - 2))) {
                i -= 1;
            } else {
                break;
            }
        }
        kind = SpeakerKind::Name;
        // "a spokesperson for Erdogan": the head is the common noun.
        if i >= 2 && (w(i - 1).eq_ignore_ascii_case("for") || w(i - 1).eq_ignore_ascii_case("of")) && !is_cap(w(i - 2)) {
            if let Some(d) = (i.saturating_sub(5)..i - 1).rev().find(|&d| is_in(&DETERMINERS, w(d))) {
                i = d;
                return finish(text, words, i, end_tok, SpeakerKind::Phrase, whole, k);
            }
        }
        // "Mark Ellis of Brightwater Capital said": the person before "of", "at", "from".
        if i >= 2 && is_in(&["of", "at", "from"], w(i - 1)) && is_cap(w(i - 2)) && !is_in(&DETERMINERS, w(i - 2)) {
            let name_end = words.get(i - 2)?;
            let mut n = i - 2;
            while n > 0 && is_cap(w(n - 1)) && !is_in(&DETERMINERS, w(n - 1)) {
                n -= 1;
            }
            if n + 1 < i - 1 || text.get(words.get(n)?.start..name_end.end).is_some_and(|t| t.contains(' ')) {
                return finish(text, words, n, name_end, SpeakerKind::Name, whole, k);
            }
        }
    } else if ll.chars().all(char::is_alphabetic) && !DETERMINERS.contains(&ll.as_str()) {
        let mut d = (i.saturating_sub(4)..=i).rev().find(|&d| is_in(&DETERMINERS, w(d)))?;
        // "a spokeswoman for the department": the phrase starts at the first determiner.
        if d >= 2 && is_in(&["for", "of", "at"], w(d - 1)) && !is_cap(w(d - 2)) {
            if let Some(e) = (d.saturating_sub(4)..d - 1).rev().find(|&e| is_in(&DETERMINERS, w(e))) {
                d = e;
            }
        }
        i = d;
        kind = SpeakerKind::Phrase;
        // An apposition: "Ivan Horvat, the city's mayor, said": the name is the speaker.
        let gap = |a: usize, b: usize| -> bool {
            words.get(a).zip(words.get(b)).and_then(|(x, y)| text.get(x.end..y.start)).is_some_and(|g| g.trim() == ",")
        };
        if d >= 1 && is_cap(w(d - 1)) && gap(d - 1, d) && gap(j - 1, j) {
            let name_end = words.get(d - 1)?;
            let mut n = d - 1;
            while n > 0 && is_cap(w(n - 1)) && !is_in(&DETERMINERS, w(n - 1)) {
                n -= 1;
            }
            if !PRONOUNS.contains(&lower(w(d - 1)).as_str()) {
                return finish(text, words, n, name_end, SpeakerKind::Name, whole, k);
            }
        }
    } else {
        return None;
    }
    finish(text, words, i, end_tok, kind, whole, k)
}

fn finish(text: &str, words: &[Token], i: usize, end_tok: &Token, kind: SpeakerKind, whole: bool, verb: usize) -> Option<Attribution> {
    // With `whole`, words before the speaker may only be a lowercase role or determiners
    // ("the provincial governor, Maria Santos, said"; "party leader Tomas Berg said").
    if whole && i != 0 {
        // (The first may be capitalized: "Police chief Ana Ruiz said", "Her spokesman …".)
        let prefix_ok = i <= 5
            && kind == SpeakerKind::Name
            && words.get(..i).is_some_and(|ws| {
                ws.iter().enumerate().all(|(n, t)| {
                    let w = t.text(text);
                    // ("the company's chief executive, Omar Shah, said")
                    // ("Norvex Bank's chief executive Helen Ward said")
                    let letters = || w.chars().filter(|&c| !crate::text::tokens::is_apostrophe(c));
                    let possessive = w.ends_with("'s") || w.ends_with("’s");
                    w.chars().next().is_some_and(char::is_alphabetic)
                        && letters().all(char::is_alphabetic)
                        && (n == 0 || possessive || letters().all(char::is_lowercase))
                })
            });
        // Or the quotation's sentence went on to a comma before the subject ("“…” in
        // the capital, officials said"; "… to the region, Moscow said").
        let after_comma = i <= 6
            && words.first().is_some_and(|t| t.text(text).chars().next().is_some_and(char::is_lowercase))
            && words.get(i - 1).zip(words.get(i)).and_then(|(a, b)| text.get(a.end..b.start)).is_some_and(|g| g.contains(','));
        if !prefix_ok && !after_comma {
            return None;
        }
    }
    let start = words.get(i)?.start;
    let clause_end = words.get(verb).map(|t| t.end).unwrap_or(end_tok.end);
    Some(Attribution { start, end: end_tok.end, kind, clause_end })
}

/// When words from `k` on are up to three lowercase words ending in a role noun, then a
/// capitalized word ("union leader Marta Lind"), all adjacent: the index of that word.
fn role_before_name(text: &str, words: &[Token], k: usize) -> Option<usize> {
    let w = |i: usize| words.get(i).map(|t| t.text(text)).unwrap_or("");
    for e in k..k + 3 {
        let l = w(e);
        if l.is_empty() || is_cap(l) || !gap_free(text, words, e) {
            return None;
        }
        if is_title_lower(&lower(l)) && is_cap(w(e + 1)) && !is_verb(w(e + 1)) {
            return Some(e + 1);
        }
    }
    None
}

/// When the words right before word `j` (a verb) are a participle or relative clause
/// between commas after a name ("Hugo Lenz, speaking on BBC Radio, said"; "Alina Petrov,
/// who chairs the forum, wrote"): the index of the clause's first word (the name ends
/// before it).
fn inserted_clause(text: &str, words: &[Token], j: usize) -> Option<usize> {
    let w = |i: usize| words.get(i).map(|t| t.text(text)).unwrap_or("");
    let comma_before = |p: usize| p >= 1 && words.get(p - 1).zip(words.get(p)).and_then(|(a, b)| text.get(a.end..b.start)).is_some_and(|g| g.contains(','));
    if !comma_before(j) {
        return None;
    }
    let p = (j.saturating_sub(10)..j).rev().find(|&p| comma_before(p))?;
    let head = w(p);
    let clause = head.chars().next().is_some_and(char::is_lowercase) && (head.ends_with("ing") || matches!(head, "who" | "which" | "whose"));
    // After a name, or a role noun with its determiner ("One diplomat, coordinating …,").
    let role = p >= 2 && w(p - 1).chars().all(char::is_lowercase) && (p.saturating_sub(3)..p - 1).any(|d| is_in(&DETERMINERS, w(d)));
    (clause && p >= 1 && (is_cap(w(p - 1)) || role)).then_some(p)
}

/// True when word `k` and word `k + 1` may be parts of one name: nothing but spaces, or
/// the period of an abbreviation or initial ("Mr. Ruiz", "J. Okafor"), between them.
fn name_gap(text: &str, words: &[Token], k: usize) -> bool {
    match (words.get(k), words.get(k + 1)) {
        // (Or a plural possessive's apostrophe: "the Transport Workers' Union".)
        (Some(a), Some(b)) => text.get(a.end..b.start).is_some_and(|g| matches!(g.trim(), "" | "." | "'" | "’")),
        _ => false,
    }
}

/// True when nothing but spaces separates word `k` from word `k + 1`.
fn gap_free(text: &str, words: &[Token], k: usize) -> bool {
    match (words.get(k), words.get(k + 1)) {
        (Some(a), Some(b)) => text.get(a.end..b.start).is_some_and(|g| g.trim().is_empty()),
        _ => false,
    }
}

/// The speaker phrase starting at word `k` (after "said" or "according to").
fn phrase_after(text: &str, words: &[Token], k: usize) -> Option<Attribution> {
    let w = |i: usize| words.get(i).map(|t| t.text(text)).unwrap_or("");
    let first = w(k);
    if first.is_empty() {
        return None;
    }
    let fl = lower(first);
    if PRONOUNS.contains(&fl.as_str()) {
        let t = words.get(k)?;
        return Some(Attribution { start: t.start, end: t.end, kind: SpeakerKind::Pronoun, clause_end: t.end });
    }
    let mut e = k;
    let kind = if is_cap(first) && !DETERMINERS.contains(&fl.as_str()) {
        while e + 1 < words.len() && e < k + 5 {
            let n = w(e + 1);
            let nl = lower(n);
            if (is_cap(n) && !WEEKDAYS.contains(&nl.as_str())) || (PARTICLES.contains(&nl.as_str()) && is_cap(w(e + 2))) {
                e += 1;
            } else {
                break;
            }
        }
        SpeakerKind::Name
    } else if let Some(r) = role_before_name(text, words, k) {
        // "said spokesman Ivo Kral", "said union leader Marta Lind": the name after the role.
        return phrase_after(text, words, r).filter(|a| a.kind == SpeakerKind::Name);
    } else if DETERMINERS.contains(&fl.as_str()) {
        while e + 1 < words.len() && e < k + 6 {
            let nl = lower(w(e + 1));
            if STOPS_AFTER.contains(&nl.as_str()) || WEEKDAYS.contains(&nl.as_str()) || is_verb(&nl) {
                break;
            }
            e += 1;
        }
        SpeakerKind::Phrase
    } else if is_title_lower(&fl) {
        // A bare role, headline style: "…', says governor"; "…, said interior minister".
        while e + 1 < words.len() && e < k + 2 && is_title_lower(&lower(w(e + 1))) {
            e += 1;
        }
        SpeakerKind::Phrase
    } else {
        return None;
    };
    // Adjacent words only: a comma between ends the phrase.
    let s = words.get(k)?.start;
    let mut end = words.get(k)?.end;
    let mut last = k;
    for i in (k + 1)..=e {
        let Some(t) = words.get(i) else { break };
        let gap = text.get(end..t.start).unwrap_or(",");
        if gap.contains(',') || gap.contains(';') || gap.contains(':') {
            break;
        }
        end = t.end;
        last = i;
    }
    // "said another passenger, Lia Tomm": a name in apposition after a role phrase.
    if kind == SpeakerKind::Phrase {
        if let Some(n) = words.get(last + 1).filter(|t| is_cap(t.text(text)) && text.get(end..t.start).is_some_and(|g| g.trim() == ",")) {
            let name = phrase_after(text, words, last + 1).filter(|a| a.kind == SpeakerKind::Name && a.start == n.start);
            if name.is_some() {
                return name;
            }
        }
    }
    Some(Attribution { start: s, end, kind, clause_end: end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(t: &str, q_end: &str) -> Option<String> {
        let from = t.find(q_end)? + q_end.len();
        after_quote(t, from).map(|a| t[a.start..a.end].to_string())
    }

    #[test]
    fn right_hand_clauses() {
        let t = "“The water is rising fast,” the mayor said on Monday.";
        assert_eq!(after(t, "fast,”").as_deref(), Some("the mayor"));
        let t = "“We are ready,” said Mr. Okafor on Friday, before leaving.";
        assert_eq!(after(t, "ready,”").as_deref(), Some("Mr. Okafor"));
        let t = "“Nobody expected this,” he told reporters.";
        assert_eq!(after(t, "this,”").as_deref(), Some("he"));
        let t = "“The road is shut,” the regional governor, Ana Ruiz, said.";
        assert_eq!(after(t, "shut,”").as_deref(), Some("Ana Ruiz"));
        let t = "“We won,” party leader Tomas Berg said.";
        assert_eq!(after(t, "won,”").as_deref(), Some("Tomas Berg"));
        let t = "“It is over,” Jane van Dijk also said.";
        assert_eq!(after(t, "over,”").as_deref(), Some("Jane van Dijk"));
        let t = "“We regret the losses,” a spokesperson for Okafor said.";
        assert_eq!(after(t, "losses,”").as_deref(), Some("a spokesperson for Okafor"));
        let t = "‘Nobody wants the trains to stop,’ a spokeswoman for the department said.";
        assert_eq!(after(t, "stop,’").as_deref(), Some("a spokeswoman for the department"));
        let t = "“Rates stay,” the head of the central bank said.";
        assert_eq!(after(t, "stay,”").as_deref(), Some("the head of the central bank"));
        let t = "“We waited all night,” said another passenger, Lia Tomm.";
        assert_eq!(after(t, "night,”").as_deref(), Some("Lia Tomm"));
        let t = "“The bridge is closed,” according to the city council.";
        assert_eq!(after(t, "closed,”").as_deref(), Some("the city council"));
        let t = "“The bridge is closed.” Traffic then moved to the east road, officials said.";
        assert_eq!(after(t, "closed.”"), None);
    }

    #[test]
    fn name_then_long_apposition_then_verb() {
        let t = "“The roof fell in at dawn,” Petra Lund, a teacher at the school that sheltered most of the families, told the radio.";
        assert_eq!(after(t, "dawn,”").as_deref(), Some("Petra Lund"));
        let t = "“We ran,” Omar Haddad, 34, who lost his shop to the water, said on Sunday.";
        assert_eq!(after(t, "ran,”").as_deref(), Some("Omar Haddad"));
        // No verb after the apposition: no speaker.
        let t = "“We ran,” Omar Haddad, a baker from the old town, and his sons were safe.";
        assert_eq!(after(t, "ran,”"), None);
    }

    #[test]
    fn role_with_an_inserted_clause_before_the_verb() {
        let t = "“Talks will resume next week,” one diplomat, speaking on condition of anonymity, said.";
        assert_eq!(after(t, "week,”").as_deref(), Some("one diplomat"));
    }

    #[test]
    fn abbreviated_titles_do_not_end_the_clause() {
        for (t, who) in [("“The levee held,” said Gov. Ines Paz.", "Gov. Ines Paz"), ("“Stay indoors,” said Capt. Rolf Amsel of the coast guard.", "Capt. Rolf Amsel")] {
            assert_eq!(after(t, ",”").as_deref(), Some(who), "{t}");
        }
    }

    #[test]
    fn clause_from_a_prefix_equals_clause_from_the_whole_slice() {
        let texts = [
            "”, said the regional governor of the northern province, Ana Maria Ruiz de la Vega, speaking to a crowd of about 3 000 people outside.",
            "” he said. Then more words follow here to make the clause long enough to pass the prefix of eighty bytes.",
            "” according to Dr. J. Okafor-Smith’s office, which released a statement late on Friday evening after 1,200 people gathered",
            "” the minister (who spoke on condition of anonymity) said",
            "”\nNext paragraph starts here with many words in it and goes on and on and on for long enough to pass",
            "” a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii jj kk ll mm",
            "” 🙂 émigré 北京 word word 1 000 000 word word word word word word word word word word word word word word word",
        ];
        for t in texts {
            for max in [3, 14, 100] {
                let whole = walk_clause(t, tokenize(t.split('\n').next().unwrap_or(""), 0), None, max);
                assert_eq!(Some(clause_words(t, 0, t.len(), max)), whole, "{t}");
            }
        }
    }

    #[test]
    fn verb_shapes_rule_out_no_verb() {
        for &v in verbs() {
            assert!(is_verb(v), "{v}");
            let cap: String = v.chars().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c }).collect();
            assert!(is_verb(&cap) && is_verb(&v.to_uppercase()), "{v}");
        }
        for w in ["", "a", "the", "Said,", "sayings", "Tellur", "mayor", "WARNS!", "dijo", "SAİD", "ßaid", "x-said", "said-x", "abcdefghijklmnopqrstuvwxyzabcdefgh"] {
            assert_eq!(is_verb(w), verbs().contains(w.to_lowercase().as_str()), "{w}");
        }
    }

    #[test]
    fn lower_equals_to_lowercase() {
        for w in ["", "said", "Said", "SAID", "McDonald", "émigré", "ÉMIGRÉ", "İstanbul", "abcdefghijklmnopqrstuvwxyzABC", "K\u{212A}", "1990s"] {
            assert_eq!(lower(w).as_str(), w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn left_hand_clauses() {
        let t = "Finance Minister Ana Ruiz told reporters: “The budget will balance next year.”";
        let open = t.find('“').unwrap_or(0);
        let a = before_quote(t, 0, open).expect("speaker");
        assert_eq!(&t[a.start..a.end], "Finance Minister Ana Ruiz");
        let t = "The weather is calm. “We will see more rain soon,” he warned.";
        let open = t.find('“').unwrap_or(0);
        assert_eq!(before_quote(t, 21, open), None);
    }
}
