//! Quotation spans: text between quotation marks, straight or curly, guillemets and
//! low-high marks („…“), with nested single quotes left inside, and quotations that run
//! over several paragraphs (each new paragraph reopening the quote, as news style does;
//! also with British single marks when the quotation opened a sentence).
//! Spans exclude the marks and are UTF-8 byte ranges.

/// One quotation found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct RawQuote {
    /// Content span (marks excluded), trimmed of surrounding whitespace.
    pub start: usize,
    pub end: usize,
    /// Position of the opening mark, and just after the closing mark (or the content end
    /// when the quotation was never closed).
    pub open_at: usize,
    pub close_end: usize,
    /// Fewer than [`MIN_WORDS`] words: a scare quote, or a partial quotation of a word
    /// or two ("described the damage as “overwhelming”"), kept only when attributed.
    pub short: bool,
}

/// Minimum number of words for a quotation to be kept (shorter ones are scare quotes:
/// “terrorists”, “mostly”).
pub const MIN_WORDS: usize = 3;

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// Opens a quotation; the char that closes it.
    Open(char),
    /// Closes a quotation.
    Close,
    /// Straight double quote: decided by context.
    Straight,
    None,
}

fn classify(c: char) -> Mark {
    match c {
        '“' => Mark::Open('”'),
        '„' => Mark::Open('“'),
        '«' => Mark::Open('»'),
        '”' | '»' => Mark::Close,
        '"' => Mark::Straight,
        _ => Mark::None,
    }
}

/// True when `s` has at least `n` words (counted only that far).
pub(super) fn has_words(s: &str, n: usize) -> bool {
    // Words are runs of alphanumeric characters: count the runs' starts (ASCII bytes
    // without decoding).
    let mut count = 0;
    let mut in_word = false;
    for c in s.chars() {
        let alnum = if c.is_ascii() { c.is_ascii_alphanumeric() } else { super::words::is_alnum(c) };
        if alnum && !in_word {
            count += 1;
            if count >= n {
                return true;
            }
        }
        in_word = alnum;
    }
    count >= n
}

/// The bytes [`find`] stops at: '\n', '"', '\'', and the lead bytes of “ ” „ ‘ ’ (E2) and
/// « » (C2).
const MARK_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// The first position from `from` on of a byte of [`MARK_BYTES`], eight bytes at a time:
/// a byte equal to `c` is a zero byte of `v ^ c`, and the lowest byte flagged by the
/// zero-byte test is always a true zero (only bytes above one can be flagged wrongly).
fn next_mark(bytes: &[u8], from: usize) -> Option<usize> {
    use crate::text::has_byte as has;
    let mut i = from;
    while let Some(v) = crate::text::word_at(bytes, i) {
        let m = has(v, b'\n') | has(v, b'"') | has(v, b'\'') | has(v, 0xE2) | has(v, 0xC2);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|&x| MARK_BYTES[usize::from(x)]).map(|p| i + p)
}

/// Finds the quotations of `text` of [`MIN_WORDS`] words or more. Never panics; linear
/// in the text length.
pub fn find(text: &str) -> Vec<RawQuote> {
    let mut out = find_all(text).0;
    out.retain(|r| !r.short);
    out
}

/// True when the line starting at `at` starts with an em or en dash (after spaces).
fn dash_line(text: &str, at: usize) -> bool {
    text.get(at..).is_some_and(|t| t.trim_start_matches(|c: char| c.is_whitespace() && c != '\n').starts_with(['—', '–']))
}

/// [`find`] with the short quotations too (marked `short`), and the starts of the lines
/// that start with a dash (for [`dash_dialogue`]), found on the way.
pub fn find_all(text: &str) -> (Vec<RawQuote>, Vec<usize>) {
    let mut dash_lines: Vec<usize> = Vec::new();
    if dash_line(text, 0) {
        dash_lines.push(0);
    }
    let mut out: Vec<RawQuote> = Vec::new();
    // (Short quotations apart while scanning: the stray-mark repair below looks at the
    // last long one.)
    let mut shorts: Vec<RawQuote> = Vec::new();
    // Open quotation: (opening mark position, content start, closing char).
    let mut open: Option<(usize, usize, char)> = None;
    // Only newlines and quotation marks matter: jump from one to the next by their bytes
    // ('\n', '"', and the lead bytes of “ ” „ (E2) and « » (C2)).
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    // The character before a position, when it is not the one in the text (after a
    // reopening mark was skipped).
    let mut prev_at: Option<(usize, char)> = None;
    // Open single-quoted quotation (British style, headlines): (opening mark, content
    // start). Only outside double quotes; double marks inside it are left inside. One
    // that is not closed on its line was an apostrophe: the line is read again from
    // just after it with single quotes off (up to `no_single_until`).
    let mut single: Option<(usize, usize)> = None;
    let mut no_single_until = 0usize;
    loop {
        let Some(i) = next_mark(bytes, pos) else {
            if let Some((_, s)) = single.take() {
                no_single_until = text.len();
                pos = s;
                prev_at = None;
                continue;
            }
            break;
        };
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else { break };
        let after = i + c.len_utf8();
        pos = after;
        // (A line may be read twice, after a single quotation that was not one.)
        if c == '\n' && dash_lines.last().map_or(true, |&l| l < after) && dash_line(text, after) {
            dash_lines.push(after);
        }
        let is_single = matches!(c, '\'' | '‘' | '’');
        if c != '\n' && !is_single && classify(c) == Mark::None {
            continue;
        }
        // An apostrophe with no single quotation open (the common case) opens nothing.
        if is_single && single.is_none() && (c == '’' || open.is_some() || i < no_single_until) {
            continue;
        }
        let next = text.get(after..).and_then(|t| t.chars().next()).unwrap_or('\n');
        let prev = match prev_at {
            Some((at, ch)) if at == i => ch,
            _ => text.get(..i).and_then(|t| t.chars().next_back()).unwrap_or('\n'),
        };
        if let Some((o, s)) = single {
            if c == '\n' {
                // A paragraph that ends inside a quotation opened at a sentence start,
                // and a next paragraph that opens with a single mark: one quotation
                // over both (British style, as with double marks).
                let rest = text.get(after..).unwrap_or("");
                let next_line = rest.trim_start_matches(char::is_whitespace);
                let mut nc = next_line.chars();
                let reopens = matches!(nc.next(), Some('‘' | '\'')) && nc.next().is_some_and(char::is_alphabetic) && opens_sentence(text, o);
                if reopens {
                    let skip_to = after + (rest.len() - next_line.len());
                    pos = skip_to + next_line.chars().next().map_or(1, char::len_utf8);
                    prev_at = Some((pos, '‘'));
                    continue;
                }
                // Never closed on its line: read the line again without it.
                single = None;
                no_single_until = i;
                pos = s;
                prev_at = None;
                continue;
            }
            if is_single && c != '‘' && !prev.is_whitespace() && !next.is_alphanumeric() && !plural_possessive(text, prev, after) {
                push(&mut out, &mut shorts, text, o, s, i, after);
                single = None;
            }
            continue;
        }
        if is_single {
            let opens = open.is_none()
                && i >= no_single_until
                && c != '’'
                && (prev.is_whitespace() || "([{—–-:".contains(prev))
                && next.is_alphabetic();
            if opens {
                single = Some((i, after));
            }
            continue;
        }
        if c == '\n' {
            if let Some((o, s, close)) = open {
                // Quotation still open at the end of a paragraph: it continues when the
                // next non-blank line starts with an opening mark, else it ends here.
                let rest = text.get(after..).unwrap_or("");
                let next_line_start = rest.trim_start_matches(|ch: char| ch.is_whitespace());
                let reopens = next_line_start.starts_with(|ch: char| ['“', '"', '«', '„'].contains(&ch));
                if reopens {
                    // Skip to the reopening mark and keep the quotation open.
                    let skip_to = after + (rest.len() - next_line_start.len());
                    pos = skip_to + next_line_start.chars().next().map(char::len_utf8).unwrap_or(1);
                    prev_at = Some((pos, '“'));
                    open = Some((o, s, close));
                    continue;
                }
                push(&mut out, &mut shorts, text, o, s, i, i);
                open = None;
            }
            continue;
        }
        let mark = classify(c);
        match (mark, open) {
            (Mark::Open(close), None) => open = Some((i, after, close)),
            (Mark::Open(close), Some((o, s, cur))) => {
                if c == cur {
                    // „…“ closes with the same char that opens English quotes.
                    push(&mut out, &mut shorts, text, o, s, i, after);
                    open = None;
                } else {
                    // A second opening mark inside a quotation: garbled text; end the
                    // first quotation here and start another.
                    push(&mut out, &mut shorts, text, o, s, i, i);
                    open = Some((i, after, close));
                }
            }
            (Mark::Close, Some((o, s, _))) => {
                // Any closing mark ends the quotation (sources mix “…» and «…”).
                push(&mut out, &mut shorts, text, o, s, i, after);
                open = None;
            }
            (Mark::Close, None) => {
                // A stray closing mark shortly after a quotation closed in the same
                // paragraph: the earlier closing mark was spurious (garbled text).
                if let Some(last) = out.last_mut() {
                    let gap = text.get(last.close_end..i).unwrap_or("\n");
                    if last.close_end <= i && gap.len() <= 200 && !gap.contains('\n') && !gap.trim().is_empty() {
                        let content = text.get(last.start..i).unwrap_or("");
                        last.end = last.start + content.trim_end().len();
                        last.close_end = after;
                    }
                }
            }
            (Mark::Straight, None) => {
                let opens = (prev.is_whitespace() || "([{—–-:,;/".contains(prev)) && !next.is_whitespace();
                if opens {
                    open = Some((i, after, '"'));
                }
            }
            (Mark::Straight, Some((o, s, _))) => {
                let opens_new = (prev.is_whitespace() || "([{".contains(prev)) && !next.is_whitespace() && next != ',' && next != '.';
                if opens_new && i > s && text.get(s..i).is_some_and(|t| t.trim().is_empty()) {
                    open = Some((i, after, '"'));
                } else {
                    push(&mut out, &mut shorts, text, o, s, i, after);
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some((o, s, _)) = open {
        push(&mut out, &mut shorts, text, o, s, text.len(), text.len());
    }
    // (Both lists are in text order: merged, not sorted; and, when one is empty, the
    // other as it is, so that a text of short quotations holds one list of them.)
    let out = if shorts.is_empty() {
        out
    } else if out.is_empty() {
        shorts
    } else {
        merge_by_position(out, shorts)
    };
    (out, dash_lines)
}

/// The quotations of `a` and `b` (each in text order) in text order.
fn merge_by_position(a: Vec<RawQuote>, b: Vec<RawQuote>) -> Vec<RawQuote> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => (x.open_at, x.start) <= (y.open_at, y.start),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

/// Dialogue written with dashes, as translated copy often is: a line that starts with an
/// em or en dash, has no quotation marks and ends with a reporting clause after a comma,
/// question or exclamation mark ("— Not yet, but we will not give up, Osei replied.").
/// The quotation runs from after the dash to that mark (a question or exclamation mark
/// kept); `close_end` is just after it, where the clause starts.
/// `lines` are the starts of the lines that start with a dash ([`find_all`]).
pub fn dash_dialogue(text: &str, lines: &[usize]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    for &at in lines {
        let Some(line) = text.get(at..).and_then(|t| t.split('\n').next()) else { continue };
        let body = line.trim_start();
        let Some(rest) = body.strip_prefix(['—', '–']) else { continue };
        if !rest.starts_with(char::is_whitespace) || rest.contains(['"', '“', '”', '«', '»', '„']) {
            continue;
        }
        let open_at = at + (line.len() - body.len());
        let content = rest.trim_start();
        let start = at + (line.len() - content.len());
        let line_end = at + line.len();
        for (i, c) in content.char_indices().rev() {
            if !matches!(c, ',' | '?' | '!') {
                continue;
            }
            let mark = start + i;
            let after = mark + c.len_utf8();
            let Some(a) = super::speaker::after_quote(text, after) else { continue };
            let tail = text.get(a.end.max(a.clause_end)..line_end).unwrap_or("x");
            if !matches!(tail.trim(), "" | ".") {
                continue;
            }
            let end = if c == ',' { mark } else { after };
            if text.get(start..end).is_some_and(|t| has_words(t, MIN_WORDS)) {
                out.push(RawQuote { start, end, open_at, close_end: after, short: false });
            }
            break;
        }
    }
    out
}

/// True when the mark at `at` starts a paragraph or a sentence (only spaces, or a
/// sentence's end or a colon and spaces, before it on its line).
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let line = before.rsplit('\n').next().unwrap_or("").trim_end();
    line.is_empty() || line.ends_with(['.', ':', '!', '?', '—', '–'])
}

/// True when the mark just before `after` is the apostrophe of a plural possessive
/// ("the workers' pay"): after an "s", followed by a space and a lowercase word that is
/// not a reporting verb ("'… all the rescuers', says mayor" closes).
fn plural_possessive(text: &str, prev: char, after: usize) -> bool {
    if prev != 's' {
        return false;
    }
    let rest = text.get(after..).unwrap_or("");
    if !rest.starts_with(' ') {
        return false;
    }
    let word: &str = rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    word.chars().next().is_some_and(char::is_lowercase) && !super::speaker::is_verb_lower(word)
}

fn push(out: &mut Vec<RawQuote>, shorts: &mut Vec<RawQuote>, text: &str, open_at: usize, s: usize, e: usize, close_end: usize) {
    let Some(content) = text.get(s..e) else { return };
    let lead = content.len() - content.trim_start().len();
    let trail = content.len() - content.trim_end().len();
    let (start, end) = (s + lead, e.saturating_sub(trail));
    if end <= start {
        return;
    }
    let Some(t) = text.get(start..end) else { return };
    if has_words(t, MIN_WORDS) {
        out.push(RawQuote { start, end, open_at, close_end, short: false });
    } else if has_words(t, 1) {
        shorts.push(RawQuote { start, end, open_at, close_end, short: true });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        find(t).iter().map(|q| &t[q.start..q.end]).collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        let t = "“We will rebuild every bridge,” the mayor said. He added: \"The river is falling now.\" « Nous resterons ici longtemps » dit-elle.";
        assert_eq!(
            texts(t),
            vec!["We will rebuild every bridge,", "The river is falling now.", "Nous resterons ici longtemps"]
        );
    }

    #[test]
    fn scare_quotes_dropped_nested_kept() {
        let t = "He called them “looters” and said: “They told me ‘run now’ before the water came.”";
        assert_eq!(texts(t), vec!["They told me ‘run now’ before the water came."]);
    }

    #[test]
    fn multi_paragraph_quotation() {
        let t = "“The dam held through the night, and we are grateful.\n\n“But the next storm will test it again,” the engineer said.";
        let q = find(t);
        assert_eq!(q.len(), 1);
        let s = &t[q[0].start..q[0].end];
        assert!(s.starts_with("The dam held") && s.ends_with("test it again,"), "{s}");
    }

    #[test]
    fn multi_paragraph_single_quotation() {
        let t = "Council leader Jo Marsh was blunt. 'We warned them about the walls.\n\n'Now families are paying for it,' she said. 'The workers' huts went first.'";
        assert_eq!(texts(t), vec!["We warned them about the walls.\n\n'Now families are paying for it,", "The workers' huts went first."]);
        let t = "He spoke. ‘The dam held through the night.\n\n‘But the next storm will test it,’ the engineer said.";
        assert_eq!(texts(t), vec!["The dam held through the night.\n\n‘But the next storm will test it,"]);
        // Not after a sentence start, or never closed: apostrophes, nothing hidden.
        let t = "Fans of rock 'n roll came.\n\n'Tis the season, said nobody. \"We sold every ticket we had,\" he said.";
        assert_eq!(texts(t), vec!["We sold every ticket we had,"]);
        let t = "He said. 'one two three\n\n'four five six\n\nseven. \"We sold every ticket we had,\" he said.";
        assert_eq!(texts(t), vec!["We sold every ticket we had,"]);
    }

    #[test]
    fn unclosed_quote_ends_at_paragraph() {
        let t = "The minister said “prices will fall by the end of the month\nOther news follows here.";
        assert_eq!(texts(t), vec!["prices will fall by the end of the month"]);
    }

    #[test]
    fn stray_closing_mark_extends_the_quotation() {
        let t = "“The road is open.” We can drive home now,” she said.";
        assert_eq!(texts(t), vec!["The road is open.” We can drive home now,"]);
    }

    #[test]
    fn marks_found_eight_bytes_at_a_time() {
        let t = "ab\"cdefghijklmn\nopq “rs” «t» u\u{e9}v \u{2014}w xyzxyzxyz\u{0}\u{1}\u{ff}!";
        let b = t.as_bytes();
        for from in 0..=b.len() {
            let want = b.get(from..).and_then(|r| r.iter().position(|&x| MARK_BYTES[usize::from(x)])).map(|p| from + p);
            assert_eq!(next_mark(b, from), want, "from {from}");
        }
    }

    #[test]
    fn words_counted_as_runs_of_alphanumerics() {
        for t in ["", "a", "a b", "a b c", " — a’b — c", "é北 x", "1,000 2", "“ ” ‘ ’", "x\u{2009}y\u{00a0}z", "🙂a🙂b🙂"] {
            for n in 0..5 {
                let want = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(n).count() >= n;
                assert_eq!(has_words(t, n), want, "{t:?} {n}");
            }
        }
    }

    #[test]
    fn short_quotations_found_apart_and_merged_in_text_order() {
        let t = "He called it “unfair”. “We will appeal the ruling next week,” she said, and “soon”. ‘Never’ again.";
        let (all, _) = find_all(t);
        let got: Vec<(&str, bool)> = all.iter().map(|r| (&t[r.start..r.end], r.short)).collect();
        assert_eq!(got, vec![("unfair", true), ("We will appeal the ruling next week,", false), ("soon", true), ("Never", true)]);
        assert_eq!(find(t).len(), 1);
    }

    #[test]
    fn junk_never_panics() {
        for t in ["", "\"", "“", "”””", "«»", "\"\"\"\"", "a\"b\"c", "🙂“😀 x y z”", "„ein zwei drei“", "'", "‘", "’’’", "''''", "\n'\n'", " 'a b c", "‘🙂 x y’ z", "'x \"y z w\" v"] {
            let _ = find(t);
        }
        // A single quotation never closed on its line: its line is read again without it.
        assert_eq!(texts("in the 'nineties, \"we were young and free\" she said\n'ok"), vec!["we were young and free"]);
        assert_eq!(texts("‘Toll will rise’, says mayor"), vec!["Toll will rise"]);
        assert_eq!(texts("'The nurses' pay will rise', says minister"), vec!["The nurses' pay will rise"]);
        assert_eq!(texts("„ein zwei drei“"), vec!["ein zwei drei"]);
    }
}
