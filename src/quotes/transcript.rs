//! Interview transcripts: "Q: … / A: …", "QUESTION: … / ANSWER: …", or turns labelled
//! with names ("Interviewer: …" / "Mayor Lind: …", also in bold "**Lind:**"). The
//! answers are quotations of the person interviewed; the questions are not.
//!
//! A line is a turn when it starts with a short label and a colon. The document is a
//! transcript only when a question turn (Q, QUESTION, Interviewer, Reporter, Host, …) is
//! followed directly by an answer turn ("A", "ANSWER", or a name label), or, with no
//! question labels at all, when two name labels alternate and one of them asks (its
//! turns end with '?') while the other does not. Labels in ordinary prose ("Note:",
//! "Update:", "Photo:", a list's "A: … B: …") make no transcript: a list has no question
//! turn, and a furniture label is neither a question label nor a name followed by
//! answers to questions (the caller also requires a name label to name a person).

/// Who speaks in a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "Q", "QUESTION", "Interviewer", "Reporter", …
    Question,
    /// "A", "ANSWER".
    Answer,
    /// A name or a role and name ("Mayor Lind", "Dana Orr").
    Name,
}

/// One turn of a transcript, as UTF-8 byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub label: Label,
    /// The label's words (no colon, no bold marks).
    pub label_span: (usize, usize),
    /// The turn's words, trimmed (with the unlabelled paragraphs that continue it when
    /// another turn follows them).
    pub start: usize,
    pub end: usize,
}

/// Labels of the person asking.
const QUESTION_LABELS: [&str; 11] = ["q", "question", "interviewer", "reporter", "journalist", "host", "moderator", "presenter", "questioner", "anchor", "editor"];
/// Labels of the person answering, when no name is given.
const ANSWER_LABELS: [&str; 2] = ["a", "answer"];
/// First words of labels that head furniture or notes, never a speaker's turn.
const NOT_SPEAKERS: [&str; 40] = [
    "note", "editor's", "editor’s", "update", "updated", "photo", "photos", "picture", "image", "video", "watch", "listen", "read", "source", "sources", "credit",
    "caption", "correction", "clarification", "disclaimer", "warning", "related", "see", "breaking", "exclusive", "analysis", "opinion", "live", "latest", "location",
    "date", "time", "tags", "topics", "subject", "summary", "background", "file", "map", "chart",
];

/// Finds the label of a line: (label start, label end, content start), offsets relative
/// to `line`. A label is one to five words of letters (and '.', '\'', '’', '-') before a
/// colon, the first capitalized; the colon is followed by a space and words.
fn label_of(line: &str) -> Option<(usize, usize, usize)> {
    let lead = line.len() - line.trim_start().len();
    let mut s = lead;
    let rest = line.get(s..)?;
    let bold = if rest.starts_with("**") || rest.starts_with("__") { 2 } else { 0 };
    s += bold;
    // The colon within the first 48 bytes.
    let head = line.get(s..)?;
    let colon = head.bytes().take(48).position(|b| b == b':')?;
    let mut label = head.get(..colon)?;
    // ("**Lind**: …" or "**Lind:** …")
    if bold > 0 {
        label = label.trim_end_matches(['*', '_']);
    }
    let label = label.trim_end();
    if label.is_empty() || !label.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut n = 0;
    for w in label.split_whitespace() {
        n += 1;
        if n > 5 || !w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')) {
            return None;
        }
    }
    let first = label.split_whitespace().next().unwrap_or("").to_lowercase();
    if NOT_SPEAKERS.contains(&first.as_str()) {
        return None;
    }
    let mut c = s + colon + 1;
    let after = line.get(c..)?;
    let after_bold = if bold > 0 { after.trim_start_matches(['*', '_']) } else { after };
    c += after.len() - after_bold.len();
    // A space, then words (not "10:30", not "http://").
    if !after_bold.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let content = after_bold.trim_start();
    if !content.starts_with(|ch: char| ch.is_alphanumeric() || matches!(ch, '"' | '“' | '‘' | '\'' | '«' | '„' | '(' | '¿' | '¡' | '—' | '–' | '.')) {
        return None;
    }
    c += after_bold.len() - content.len();
    Some((s, s + label.len(), c))
}

fn classify(label: &str) -> Label {
    let l = label.trim_end_matches('.').to_lowercase();
    if QUESTION_LABELS.contains(&l.as_str()) {
        Label::Question
    } else if ANSWER_LABELS.contains(&l.as_str()) {
        Label::Answer
    } else {
        Label::Name
    }
}

/// The first ':' from `from` on (`str::find` with a char: the core's memchr).
fn next_colon(text: &str, from: usize) -> Option<usize> {
    text.get(from..)?.find(':').map(|p| from + p)
}

/// The turns of `text` when it holds an interview transcript, else an empty list. Only
/// turns of a transcript's kinds are returned (question turns included, for the caller
/// to skip); `is_answer` says which are answers.
#[inline(never)]
pub fn find(text: &str) -> Vec<(Turn, bool)> {
    // Candidate turn lines: (label, label span, content start, line end). Only lines
    // with a colon near their start are read: the scan goes from colon to colon.
    let mut lines: Vec<(Label, (usize, usize), usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut any_question = false;
    let mut from = 0usize;
    while let Some(c) = next_colon(text, from) {
        from = c + 1;
        let back = c.saturating_sub(56);
        let start = match bytes.get(back..c).and_then(|b| b.iter().rposition(|&x| x == b'\n')) {
            Some(p) => back + p + 1,
            None if back == 0 => 0,
            None => continue,
        };
        let line_end = bytes.get(c..).and_then(|b| b.iter().position(|&x| x == b'\n')).map_or(text.len(), |p| c + p);
        // (One label per line: the scan goes on after it.)
        from = from.max(line_end);
        let Some(line) = text.get(start..line_end) else { continue };
        let Some((ls, le, cs)) = label_of(line) else { continue };
        let label = line.get(ls..le).map_or(Label::Name, classify);
        any_question |= label == Label::Question;
        lines.push((label, (start + ls, start + le), start + cs, start + line.trim_end().len()));
    }
    if lines.len() < 2 {
        return Vec::new();
    }
    let text_of = |l: &(Label, (usize, usize), usize, usize)| text.get(l.1 .0..l.1 .1).unwrap_or("");
    // Which turns answer.
    let mut answers: Vec<bool> = vec![false; lines.len()];
    if any_question {
        // An answer label right after a question turn makes a transcript.
        let follows = lines.windows(2).any(|w| matches!(w, [(Label::Question, ..), (Label::Answer | Label::Name, ..)]));
        if !follows {
            return Vec::new();
        }
        // (Lines before the first question are the introduction: a headline "Fire
        // season: …" is no turn.)
        let first_q = lines.iter().position(|l| l.0 == Label::Question).unwrap_or(0);
        lines.drain(..first_q);
        answers.truncate(lines.len());
        for (i, l) in lines.iter().enumerate() {
            if let Some(a) = answers.get_mut(i) {
                *a = l.0 != Label::Question;
            }
        }
    } else {
        // Two name labels alternating, one asking: the other answers. (Labels seen once
        // are headlines or notes: "Fire season: …".)
        let mut counts: std::collections::HashMap<&str, usize, crate::hash::FnvBuild> = std::collections::HashMap::default();
        for l in lines.iter().filter(|l| l.0 == Label::Name) {
            *counts.entry(text_of(l)).or_default() += 1;
        }
        let names: Vec<&str> = lines.iter().filter(|l| l.0 == Label::Name).map(text_of).filter(|n| counts.get(n).is_some_and(|&c| c >= 2)).collect();
        let Some(&a) = names.first() else { return Vec::new() };
        let Some(&b) = names.iter().find(|&&n| n != a) else { return Vec::new() };
        if names.iter().any(|&n| n != a && n != b) {
            return Vec::new();
        }
        let first = lines.iter().position(|l| text_of(l) == a || text_of(l) == b).unwrap_or(0);
        lines.drain(..first);
        lines.retain(|l| text_of(l) == a || text_of(l) == b);
        answers.truncate(lines.len());
        let asks = |who: &str| {
            let (mut q, mut n) = (0, 0);
            for l in lines.iter().filter(|l| text_of(l) == who) {
                n += 1;
                if text.get(l.2..l.3).is_some_and(|t| t.trim_end().ends_with('?')) {
                    q += 1;
                }
            }
            (q * 2 > n, q == 0)
        };
        let (a_asks, a_never) = asks(a);
        let (b_asks, b_never) = asks(b);
        let asker = match (a_asks && b_never, b_asks && a_never) {
            (true, false) => a,
            (false, true) => b,
            _ => return Vec::new(),
        };
        let alternations = lines.windows(2).filter(|w| matches!(w, [x, y] if text_of(x) == asker && text_of(y) != asker)).count();
        if alternations < 2 {
            return Vec::new();
        }
        for (i, l) in lines.iter().enumerate() {
            if let Some(x) = answers.get_mut(i) {
                *x = text_of(l) != asker;
            }
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let mut end = l.3;
        // Unlabelled paragraphs before the next turn continue this one (a heading, a
        // line with no closing punctuation, ends it).
        if let Some(next) = lines.get(i + 1) {
            let between = text.get(l.3..next.1 .0).unwrap_or("");
            let mut off = l.3;
            for para in between.split('\n') {
                let p = para.trim_end();
                if !p.trim().is_empty() {
                    if !p.ends_with(['.', '!', '?', '"', '”', '’', '»', ')']) {
                        break;
                    }
                    end = off + p.len();
                }
                off += para.len() + 1;
            }
        }
        let Some(body) = text.get(l.2..end) else { continue };
        let body_end = l.2 + body.trim_end().len();
        out.push((Turn { label: l.0, label_span: l.1, start: l.2, end: body_end }, answers.get(i).copied().unwrap_or(false)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(t: &str) -> Vec<&str> {
        find(t).into_iter().filter(|(_, a)| *a).map(|(x, _)| &t[x.start..x.end]).collect()
    }

    #[test]
    fn letter_and_word_labels() {
        let t = "We spoke to fire chief Dana Orr.\n\nQ: How did the fire start?\nA: A cigarette in dry grass, we think.\n\nQ: Will you need more crews?\n\nA: Yes. Two more from the coast.";
        assert_eq!(answers(t), vec!["A cigarette in dry grass, we think.", "Yes. Two more from the coast."]);
        let t = "QUESTION: Is the vote fair?\nANSWER: Every ballot will be counted twice.";
        assert_eq!(answers(t), vec!["Every ballot will be counted twice."]);
        let t = "**Interviewer:** Why now?\n\n**Mayor Lind:** Because the river will not wait for us.\n\nAnd the dikes are old.\n\n**Interviewer:** And the cost?";
        assert_eq!(answers(t), vec!["Because the river will not wait for us.\n\nAnd the dikes are old."]);
    }

    #[test]
    fn two_names_one_asking() {
        let t = "Kim: What went wrong in the last quarter?\nOrr: Demand fell and costs rose.\nKim: Will you cut jobs?\nOrr: Not this year.";
        assert_eq!(answers(t), vec!["Demand fell and costs rose.", "Not this year."]);
    }

    #[test]
    fn long_transcripts_stay_linear() {
        // Many name labels (a chat log): counted once each, not line by line.
        let mut t = String::from("We spoke to Dana Orr.\n");
        for i in 0..20_000 {
            t.push_str(if i % 2 == 0 { "Kim: Why did the river rise so fast?\n" } else { "Orr: The rain fell on frozen ground.\n" });
        }
        let t0 = std::time::Instant::now();
        let n = find(&t).iter().filter(|(_, a)| *a).count();
        assert_eq!(n, 10_000);
        assert!(t0.elapsed().as_secs_f64() < 5.0);
    }

    #[test]
    fn prose_labels_are_no_transcript() {
        for t in [
            "Note: this story was updated.\nUpdate: the road is open again.\nPhoto: A flooded street.",
            "Three options were put to voters.\nA: keep the old bridge.\nB: build a new one.\nC: a ferry.",
            "10:30 - Rescuers reach the village.\n11:15 - The mayor speaks.",
            "Mayor Lind: we will rebuild.\nGovernor Ruiz: the state will pay.",
            "See: https://example.org\nSource: ministry figures.",
            "",
            ":\n:\n",
            "Q:\nA:",
            "🙂: x\n🙂: y?",
        ] {
            assert!(answers(t).is_empty(), "{t:?}");
        }
    }
}
