//! Words of one sentence: tokens scanned from the text, dotted acronyms and abbreviation
//! periods merged, keys folded, headline case.

use super::*;

/// A word of a sentence after merging dotted acronyms and abbreviation periods.
#[derive(Debug, Clone)]
pub(super) struct W<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
    /// Folded text, periods removed, possessive removed.
    pub(super) key: &'a str,
    /// What the key is in the tables; `None` until looked up (plain lowercase words are
    /// looked up only when a rule asks, see [`W::lx`]).
    pub(super) lex: std::cell::Cell<Option<&'static Lex>>,
    pub(super) cap: bool,
    pub(super) allcaps: bool,
    pub(super) possessive: bool,
    /// Hyphenated compound with a lowercase tail ("Russia-led"): only the head is kept.
    pub(super) compound: bool,
    pub(super) punct: bool,
}

impl W<'_> {
    /// What the word's key is in the tables.
    #[inline]
    pub(super) fn lx(&self, t: &'static Tables) -> &'static Lex {
        match self.lex.get() {
            Some(l) => l,
            None => {
                let l = t.lex(self.key);
                self.lex.set(Some(l));
                l
            }
        }
    }

    /// True when the word's key has any of the `LEX_*` flags.
    #[inline]
    pub(super) fn is(&self, t: &'static Tables, flags: u32) -> bool {
        self.lx(t).is(flags)
    }
}

pub(super) fn is_opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "«" | "'" | "(" | "[" | "—" | "–" | ":")
}

/// Strips a trailing possessive from a word's text; returns (text, possessive).
pub(super) fn strip_possessive(t: &str) -> (&str, bool) {
    if !matches!(t.as_bytes().last(), Some(b's') | Some(b'S')) {
        return (t, false);
    }
    for suf in ["'s", "’s", "ʼs", "'S", "’S"] {
        if let Some(h) = t.strip_suffix(suf) {
            if !h.is_empty() {
                return (h, true);
            }
        }
    }
    (t, false)
}

/// The acronym of a word written with a French elided article or preposition before it
/// ("l'ONU", "L’OTAN", "d'OMS" → "ONU", "OTAN", "OMS"): two to eight capitals after it.
pub(super) fn elided_acronym(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if !matches!(b.first(), Some(b'l' | b'L' | b'd' | b'D')) || b.len() < 4 {
        return None;
    }
    let rest = s.get(1..)?;
    let rest = rest.strip_prefix('\'').or_else(|| rest.strip_prefix('’'))?;
    (2..=8).contains(&rest.len()).then_some(rest).filter(|r| r.bytes().all(|x| x.is_ascii_uppercase()))
}

pub(super) fn first_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True for words written "al-Assad", "el-Sisi", "bin-Salman": a lowercase particle joined
/// by a hyphen to a capitalised name.
pub(super) fn particle_hyphen_name(s: &str) -> bool {
    let mut parts = s.splitn(2, is_hyphen);
    let head = parts.next().unwrap_or("");
    let tail = parts.next().unwrap_or("");
    matches!(head, "al" | "el" | "ad" | "as" | "an" | "ash" | "at" | "az" | "bin" | "ben" | "abu" | "ibn" | "ul")
        && first_upper(tail)
}

/// ASCII letters and digits.
pub(super) static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// A token of one sentence, as [`scan`] writes it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    /// The token's text (a slice of the document).
    text: &'a str,
    /// Byte offset of the token in the document.
    start: usize,
    kind: TokenKind,
    /// A word of lowercase ASCII letters only (most words of any text).
    lower: bool,
}

impl Tok<'_> {
    pub(super) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The number of lowercase ASCII letters at the start of `b`, eight bytes at a time.
#[inline]
pub(super) fn lowercase_run(b: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word);
        let low = v & LOW7;
        // Per byte: high bit of (x + 0x1f) is x >= 'a'; of (x + 0x05) is x >= '{'; the
        // low seven bits cannot carry into the next byte.
        let lower = (low + 0x1f1f_1f1f_1f1f_1f1f) & !(low + 0x0505_0505_0505_0505) & !v & HIGH;
        if lower != HIGH {
            return i + ((!lower & HIGH).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
    }
    i
}

/// True for characters of the General Punctuation block (U+2000–U+206F: typographic
/// spaces, dashes, quotes), none of which is a letter or a digit: curly quotes and dashes
/// are common in news text, and this spares them the Unicode table lookups.
#[inline]
pub(super) fn general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// `c.is_alphabetic()`, quick for General Punctuation.
#[inline]
pub(super) fn is_alpha(c: char) -> bool {
    !general_punctuation(c) && c.is_alphabetic()
}

/// `c.is_alphanumeric()`, quick for General Punctuation.
#[inline]
pub(super) fn is_alnum(c: char) -> bool {
    !general_punctuation(c) && c.is_alphanumeric()
}

/// Tokenizes `text[range]` into `out` (cleared first) with the same word rules as
/// [`crate::text::tokens::tokenize`] (letters with internal apostrophes and hyphens; digits
/// with internal separators; single other characters), without its per-call buffers.
/// A dash glued between a dateline and the story ("KASTRO, Marendia-Officials said"): a
/// word among the sentence's first eight tokens, after a comma, made of a capitalised head,
/// a hyphen and a capitalised word that starts sentences ("The", "Officials", "Relatives")
/// is split into the head, the dash and that word.
pub(super) fn split_glued_dash(toks: &mut Vec<Tok<'_>>, t: &'static Tables) {
    let Some(comma) = toks.iter().take(8).position(|k| k.text == ",") else { return };
    let Some(k) = toks.iter().take(8).skip(comma + 1).position(|k| matches!(k.kind, TokenKind::Word) && k.text.contains('-')).map(|p| p + comma + 1) else {
        return;
    };
    let Some(tok) = toks.get(k).copied() else { return };
    let Some(p) = tok.text.rfind('-') else { return };
    let (head, tail) = (&tok.text[..p], &tok.text[p + 1..]);
    if !(first_upper(head) && first_upper(tail)) || tail.len() < 2 {
        return;
    }
    let folded = crate::text::fold::fold(tail);
    if !(t.starters.contains(folded.as_str()) || t.stopwords.contains(folded.as_str())) {
        return;
    }
    let dash = Tok { text: &tok.text[p..p + 1], start: tok.start + p, kind: TokenKind::Punct, lower: false };
    let second = Tok { text: tail, start: tok.start + p + 1, kind: TokenKind::Word, lower: false };
    toks[k] = Tok { text: head, start: tok.start, kind: TokenKind::Word, lower: false };
    toks.insert(k + 1, dash);
    toks.insert(k + 2, second);
}

pub(super) fn scan<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let s = match text.get(start..end) {
        Some(s) => s,
        None => return,
    };
    let b = s.as_bytes();
    let n = b.len();
    let ch = |i: usize| -> Option<char> { s.get(i..).and_then(|r| r.chars().next()) };
    let is_alpha_at = |i: usize| -> bool {
        match b.get(i) {
            Some(x) if x.is_ascii() => x.is_ascii_alphabetic(),
            Some(_) => ch(i).is_some_and(is_alpha),
            None => false,
        }
    };
    let mut push = |kind: TokenKind, s0: usize, i: usize, lower: bool| {
        out.push(Tok { text: s.get(s0..i).unwrap_or(""), start: start + s0, kind, lower });
    };
    let mut i = 0;
    while i < n {
        let x = b[i];
        if x.is_ascii() {
            if x.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if x.is_ascii_alphabetic() {
                let s0 = i;
                i += 1;
                // Lowercase letters first (all of most words).
                i += lowercase_run(b.get(i..).unwrap_or(&[]));
                let lower_end = i;
                loop {
                    // Plain letters and digits first (most of a word).
                    while b.get(i).is_some_and(|&y| ASCII_ALNUM[usize::from(y)]) {
                        i += 1;
                    }
                    match b.get(i) {
                        Some(y) if y.is_ascii_alphanumeric() => i += 1,
                        Some(b'\'') | Some(b'-') if is_alpha_at(i + 1) => i += 1,
                        Some(y) if !y.is_ascii() => {
                            let c = ch(i).unwrap_or(' ');
                            let inner = (is_apostrophe(c) || is_hyphen(c)) && is_alpha_at(i + c.len_utf8());
                            if is_alnum(c) || ('\u{0300}'..='\u{036F}').contains(&c) || inner {
                                i += c.len_utf8();
                            } else {
                                break;
                            }
                        }
                        _ => break,
                    }
                }
                // Step over a multi-byte letter reached by "i += 2" after an apostrophe.
                while b.get(i).is_some_and(|&y| (y as i8) < -0x40) {
                    i += 1;
                }
                push(TokenKind::Word, s0, i, x.is_ascii_lowercase() && i == lower_end);
                continue;
            }
            if x.is_ascii_digit() {
                let s0 = i;
                i += 1;
                while i < n && (b[i].is_ascii_digit() || ((b[i] == b',' || b[i] == b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit))) {
                    i += 1;
                }
                push(TokenKind::Number, s0, i, false);
                continue;
            }
            push(TokenKind::Punct, i, i + 1, false);
            i += 1;
            continue;
        }
        // Non-ASCII character.
        let c = ch(i).unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if is_alpha(c) {
            let s0 = i;
            i += len;
            while let Some(d) = ch(i) {
                let inner = (is_apostrophe(d) || is_hyphen(d)) && is_alpha_at(i + d.len_utf8());
                if is_alnum(d) || ('\u{0300}'..='\u{036F}').contains(&d) || inner {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            push(TokenKind::Word, s0, i, false);
            continue;
        }
        push(TokenKind::Punct, i, i + len, false);
        i += len;
    }
}

/// Appends the words of one sentence's tokens to `out`; returns whether one is "(". Keys that are not a slice of the
/// text are written to `keybuf` and listed in `owned` as (word index, key range); the
/// caller points them at `keybuf` once the whole document is built.
///
/// Every word of three letters or more that starts lowercase goes into `lowercase_seen`
/// (without a possessive "'s").
pub(super) fn build_words<'a>(
    text: &'a str,
    toks: &[Tok<'a>],
    keybuf: &mut String,
    owned: &mut Vec<(usize, usize, usize)>,
    out: &mut Vec<W<'a>>,
    lowercase_seen: &mut crate::entities::tables::WordFilter,
) -> bool {
    let mut paren = false;
    let mut i = 0;
    let tok_text = |k: usize| toks.get(k).map(|tk| tk.text).unwrap_or("");
    while i < toks.len() {
        let tk = toks[i];
        let s = tk.text;
        if tk.kind != TokenKind::Word {
            paren |= s == "(";
            out.push(W {
                start: tk.start,
                end: tk.end(),
                text: s,
                key: "",
                lex: std::cell::Cell::new(Some(&EMPTY_LEX)),
                cap: false,
                allcaps: false,
                possessive: false,
                compound: false,
                punct: tk.kind == TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        // Fast path: a plain lowercase ASCII word (most of any text; never the start of a
        // dotted acronym, whose letters are capitals).
        if tk.lower {
            // (no apostrophe, so no possessive to strip)
            if s.len() > 2 {
                lowercase_seen.insert(s);
            }
            out.push(W {
                start: tk.start,
                end: tk.end(),
                text: s,
                key: s,
                lex: std::cell::Cell::new(None),
                cap: false,
                allcaps: false,
                possessive: false,
                compound: false,
                punct: false,
            });
            i += 1;
            continue;
        }
        // Words of one or two letters are not needed: a weak single word needs positive
        // evidence anyway, and short function words are stopwords.
        if s.len() > 2 {
            let lower = match s.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                _ => s.chars().next().is_some_and(char::is_lowercase),
            };
            if lower {
                lowercase_seen.insert(if s.ends_with('s') { strip_possessive(s).0 } else { s });
            }
        }
        // Dotted acronym: U . S . [A .]
        let single_upper = |k: usize| {
            toks.get(k).is_some_and(|x| x.kind == TokenKind::Word) && {
                let w = tok_text(k);
                let mut cs = w.chars();
                cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
            }
        };
        // ("U.K total": the last letter's period dropped, written straight after the
        // previous period and followed by no word of its own)
        let adjacent = |k: usize| match (toks.get(k), toks.get(k + 1)) {
            (Some(a), Some(b)) => a.end() == b.start,
            _ => false,
        };
        let dotless_last = |k: usize| {
            single_upper(k)
                && adjacent(k - 1)
                && tok_text(k + 1) != "."
                && !(adjacent(k) && toks.get(k + 1).is_some_and(|x| x.kind != TokenKind::Punct))
        };
        if single_upper(i) && tok_text(i + 1) == "." && single_upper(i + 2) && (tok_text(i + 3) == "." || dotless_last(i + 2)) {
            let mut j = i;
            let k0 = keybuf.len();
            while single_upper(j) && tok_text(j + 1) == "." {
                keybuf.extend(tok_text(j).chars().flat_map(char::to_lowercase));
                j += 2;
            }
            let mut end = toks.get(j - 1).map(Tok::end).unwrap_or(tk.end());
            if j > i + 1 && dotless_last(j) {
                keybuf.extend(tok_text(j).chars().flat_map(char::to_lowercase));
                end = toks.get(j).map(Tok::end).unwrap_or(end);
                j += 1;
            }
            owned.push((out.len(), k0, keybuf.len()));
            out.push(W {
                start: tk.start,
                end,
                text: text.get(tk.start..end).unwrap_or(""),
                key: "",
                lex: std::cell::Cell::new(None),
                cap: true,
                allcaps: true,
                possessive: false,
                compound: false,
                punct: false,
            });
            i = j;
            continue;
        }
        let (mut body, possessive) = strip_possessive(s);
        // French elided article before an acronym ("l'ONU", "L’OTAN", "d'OMS"): the name is
        // the acronym.
        let mut wstart = tk.start;
        if let Some(acr) = elided_acronym(body) {
            wstart += body.len() - acr.len();
            body = acr;
        }
        let mut compound = false;
        // "Russia-led", "Soviet-era": keep the capitalised head of a compound with a
        // lowercase tail. (Only when the head itself has no lowercase-led part: "Energy-rich"
        // keeps "Energy", dropped later as an unconfirmed word.)
        let mut shape = body.is_ascii().then(|| AsciiShape::of(body.as_bytes()));
        match shape {
            Some(sh) => {
                let b = body.as_bytes();
                if let Some(p) = sh.last_hyphen {
                    if b.get(p + 1).is_some_and(u8::is_ascii_lowercase) && b.first().is_some_and(u8::is_ascii_uppercase) {
                        body = body.get(..p).unwrap_or(body).trim_end_matches('-');
                        compound = true;
                        shape = Some(AsciiShape::of(body.as_bytes()));
                    }
                }
            }
            None => {
                if let Some(p) = body.rfind(is_hyphen) {
                    let tail = &body[p..];
                    let tail = tail.trim_start_matches(is_hyphen);
                    if tail.chars().next().is_some_and(char::is_lowercase) && first_upper(body) {
                        let head = &body[..p];
                        body = head.trim_end_matches(is_hyphen);
                        compound = true;
                        shape = body.is_ascii().then(|| AsciiShape::of(body.as_bytes()));
                    }
                }
            }
        }
        let end = wstart + body.len();
        // The key, and (capitalised, all capitals, short, all capitals of 2+ characters).
        let (key, cap, allcaps, short, caps_long): (&'a str, bool, bool, bool, bool) = match shape {
            Some(sh) => {
                let key = if sh.plain_key {
                    body
                } else {
                    let k0 = keybuf.len();
                    if !sh.dot {
                        keybuf.push_str(body);
                        if let Some(k) = keybuf.get_mut(k0..) {
                            k.make_ascii_lowercase();
                        }
                    } else {
                        keybuf.extend(body.bytes().filter(|&b| b != b'.').map(|b| char::from(b.to_ascii_lowercase())));
                    }
                    owned.push((out.len(), k0, keybuf.len()));
                    ""
                };
                let b = body.as_bytes();
                let cap = b.first().is_some_and(u8::is_ascii_uppercase) || (sh.last_hyphen.is_some() && particle_hyphen_name(body));
                let no_lower = !sh.any_lower;
                (key, cap, sh.letters >= 2 && no_lower, b.len() <= 4, b.len() >= 2 && no_lower)
            }
            None => {
                let k0 = keybuf.len();
                for c in body.chars() {
                    crate::text::fold::fold_char(c, keybuf);
                }
                if keybuf.get(k0..).is_some_and(|k| k.contains('.')) {
                    let k: String = keybuf.get(k0..).unwrap_or("").chars().filter(|&c| c != '.').collect();
                    keybuf.truncate(k0);
                    keybuf.push_str(&k);
                }
                owned.push((out.len(), k0, keybuf.len()));
                let cap = first_upper(body) || particle_hyphen_name(body);
                let letters = body.chars().filter(|c| c.is_alphabetic()).count();
                let allcaps = letters >= 2 && body.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
                ("", cap, allcaps, body.chars().count() <= 4, allcaps_long(body))
            }
        };
        let mut w = W { start: wstart, end, text: body, key, lex: std::cell::Cell::new(None), cap, allcaps, possessive, compound, punct: false };
        // Abbreviation or initial followed by a period and a capitalised word: keep the
        // period ("M. Lederer", "Gen. Ivanov", "St. Petersburg").
        if cap
            && !possessive
            && !compound
            && short
            // (a company suffix ends the name: "Castellan Capital Ltd. Regulators ...")
            && !["ltd", "inc", "corp", "plc", "llc"].iter().any(|x| body.eq_ignore_ascii_case(x))
            && !caps_long
            && tok_text(i + 1) == "."
            && toks.get(i + 2).is_some_and(|x| x.kind == TokenKind::Word && first_upper(x.text))
        {
            if let Some(dot) = toks.get(i + 1) {
                w.end = dot.end();
                w.text = text.get(w.start..w.end).unwrap_or(body);
                out.push(w);
                i += 2;
                continue;
            }
        }
        out.push(w);
        i += 1;
    }
    paren
}

/// What one pass over the bytes of an ASCII word tells [`build_words`].
#[derive(Clone, Copy)]
pub(super) struct AsciiShape {
    /// Byte offset of the last '-'.
    last_hyphen: Option<usize>,
    /// Has a '.'.
    dot: bool,
    /// Number of letters.
    letters: usize,
    /// Has a lowercase letter.
    any_lower: bool,
    /// Only lowercase letters, '-' and '\'': the word is its own key.
    plain_key: bool,
}

impl AsciiShape {
    pub(super) fn of(b: &[u8]) -> Self {
        let mut sh = AsciiShape { last_hyphen: None, dot: false, letters: 0, any_lower: false, plain_key: true };
        for (i, &x) in b.iter().enumerate() {
            match x {
                b'a'..=b'z' => {
                    sh.letters += 1;
                    sh.any_lower = true;
                }
                b'A'..=b'Z' => {
                    sh.letters += 1;
                    sh.plain_key = false;
                }
                b'-' => sh.last_hyphen = Some(i),
                b'\'' => {}
                b'.' => {
                    sh.dot = true;
                    sh.plain_key = false;
                }
                _ => sh.plain_key = false,
            }
        }
        sh
    }
}

pub(super) fn allcaps_long(s: &str) -> bool {
    s.chars().count() >= 2 && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// True when the sentence is in headline case: at least three longer words, most of them
/// capitalised, and no final period.
pub(super) fn is_headline(words: &[W], sentence_text: &str) -> bool {
    // A sentence all in capitals ("SORVANIA'S DARKEST DAY.", "TRAGEDY AT SEA"): a banner.
    let mut shouted = 0;
    let all_caps = words.iter().filter(|w| !w.punct).all(|w| {
        let caps = w.allcaps && w.text.len() >= 2;
        shouted += usize::from(caps);
        caps || !w.text.bytes().any(|b| b.is_ascii_alphabetic())
    });
    if all_caps && shouted >= 2 && !sentence_text.bytes().any(|b| b.is_ascii_lowercase()) {
        return true;
    }
    if sentence_text.trim_end().ends_with(['.', '"', '”', '?', '!']) {
        return false;
    }
    let (mut long, mut caps) = (0usize, 0usize);
    for w in words.iter().filter(|w| !w.punct && w.text.len() > 3 && w.text.chars().nth(3).is_some()) {
        long += 1;
        caps += usize::from(w.cap);
    }
    long >= 3 && caps * 4 >= long * 3
}

#[cfg(test)]
mod scan_tests {
    use super::scan;
    use crate::text::tokens::tokenize;

    #[test]
    fn scan_matches_the_shared_tokenizer_on_words() {
        for t in [
            "Kassym-Jomart Tokaïev’s 3,800 (1.5%) O'Neill al-Hamadi",
            "Émile Zola, 北京 met 東京; Ölüdeniz—İzmir re-elected it's",
            "a'b -x x- 'quoted' x'ёж ё'x",
            "plain words, Capitals and x2 “quoted” — dashes’ ’tis don’t U.S. officials",
        ] {
            let mut mine = Vec::new();
            scan(t, 0, t.len(), &mut mine);
            let theirs: Vec<String> = tokenize(t, 0)
                .iter()
                .filter(|k| k.kind == crate::text::tokens::TokenKind::Word)
                .map(|k| t[k.start..k.end].to_string())
                .collect();
            let ours: Vec<String> =
                mine.iter().filter(|k| k.kind == crate::text::tokens::TokenKind::Word).map(|k| t[k.start..k.end()].to_string()).collect();
            assert_eq!(ours, theirs, "{t}");
            for k in &mine {
                assert_eq!(k.lower, k.kind == crate::text::tokens::TokenKind::Word && k.text.bytes().all(|b| b.is_ascii_lowercase()), "{t}");
            }
        }
    }

    #[test]
    fn lowercase_runs() {
        for t in ["", "a", "abcdefgh", "abcdefghij", "abcdefghijklmnop q", "abcdefgZ", "abc’s", "abcdefghi{", "`abc", "zzzzzzzzzzzzzzzzzzzzzz9", "aé"] {
            let naive = t.bytes().take_while(u8::is_ascii_lowercase).count();
            assert_eq!(super::lowercase_run(t.as_bytes()), naive, "{t}");
        }
        for x in 0..=255u8 {
            let b = [b'a', b'b', b'c', b'd', b'e', b'f', b'g', x, b'a'];
            assert_eq!(super::lowercase_run(&b), if x.is_ascii_lowercase() { 9 } else { 7 }, "{x}");
            let b = [x; 8];
            assert_eq!(super::lowercase_run(&b), if x.is_ascii_lowercase() { 8 } else { 0 }, "{x}");
        }
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(super::general_punctuation(c));
            assert!(!c.is_alphabetic() && !c.is_alphanumeric(), "{c:?}");
        }
        assert!(!super::general_punctuation('\u{1FFF}') && !super::general_punctuation('\u{2070}'));
    }
}
