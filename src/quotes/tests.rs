//! Unit tests of quotation finding, speakers and alignment, on sentences written for these
//! tests (a fictional flood and election).

use super::*;
use crate::report::{Entity, EntityKind, Mention};
use crate::text::TextDoc;

/// An entity with a mention at every occurrence of `name` in each doc.
pub(super) fn entity(id: usize, kind: EntityKind, name: &str, role: Option<&str>, docs: &[&TextDoc]) -> Entity {
    let mut mentions = Vec::new();
    for d in docs {
        let mut from = 0;
        while let Some(p) = d.text.get(from..).and_then(|t| t.find(name)) {
            let s = from + p;
            mentions.push(Mention {
                doc: d.id,
                start: s as u32,
                end: (s + name.len()) as u32,
                text: name.to_string(),
                sentence: d.sentence_of(s),
                role: role.map(str::to_string),
            });
            from = s + name.len();
        }
    }
    Entity { id, kind, name: name.to_string(), acronym: None, roles: role.map(|r| vec![r.to_string()]).unwrap_or_default(), mentions }
}

#[test]
fn speakers_by_name_pronoun_and_continuation() {
    let d = TextDoc::new(
        0,
        "Mayor Lina Ortiz visited the shelters on Monday. “We will rebuild every bridge in this valley,” Ortiz said. “Nobody will be left behind in the cold.”\n\nShe later met farmers. “The harvest is lost for this whole year,” she told reporters.",
    );
    let ents = vec![entity(0, EntityKind::Person, "Ortiz", Some("Mayor"), &[&d])];
    let (quotes, groups) = analyze(std::slice::from_ref(&d), &ents);
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    assert!(groups.is_empty());
    for q in &quotes {
        assert_eq!(q.speaker, Some(0), "{q:?}");
        assert!(q.marked);
        assert_eq!(q.text, &d.text[q.start as usize..q.end as usize]);
    }
    assert_eq!(quotes[0].speaker_text.as_deref(), Some("Ortiz"));
    assert_eq!(quotes[2].speaker_text.as_deref(), Some("she"));
}

#[test]
fn role_phrase_resolves_to_person_with_that_role() {
    let d = TextDoc::new(0, "President Amara Diallo spoke at dawn. “The vote will be held on time, whatever happens,” the president said.");
    let ents = vec![entity(0, EntityKind::Person, "Amara Diallo", Some("President"), &[&d])];
    let (quotes, _) = analyze(std::slice::from_ref(&d), &ents);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].speaker, Some(0));
    assert_eq!(quotes[0].speaker_text.as_deref(), Some("the president"));
}

#[test]
fn reworded_quotes_align_across_sources_and_unmarked_is_found() {
    let a = TextDoc::new(0, "“I have ordered the rescue teams and the army to search every house without delay,” Diallo said on Tuesday.");
    let b = TextDoc::new(1, "Diallo said: “I ordered rescuers and the military to search all houses without delay.”");
    let c = TextDoc::new(2, "Rain kept falling. I ordered the rescue teams to search every house without delay, Diallo announced. Water levels fell later.");
    let d = TextDoc::new(3, "The election commission said turnout reached a record in the northern provinces.");
    let docs = vec![a, b, c, d];
    let ents = vec![entity(0, EntityKind::Person, "Diallo", None, &docs.iter().collect::<Vec<_>>())];
    let (quotes, groups) = analyze(&docs, &ents);
    assert_eq!(groups.len(), 1, "{groups:?} {quotes:?}");
    let g = &groups[0];
    assert_eq!(g.quotes.len(), 3);
    assert_eq!(g.speaker, Some(0));
    assert!(g.similarity > 0.3 && g.similarity <= 1.0);
    let unmarked: Vec<&Quote> = quotes.iter().filter(|q| !q.marked).collect();
    assert_eq!(unmarked.len(), 1);
    let u = unmarked[0];
    assert_eq!(u.doc, 2);
    assert_eq!(u.text, "I ordered the rescue teams to search every house without delay");
    assert_eq!(u.speaker_text.as_deref(), Some("Diallo"));
    assert_eq!(u.speaker, Some(0));
    assert!(quotes.iter().all(|q| q.doc != 3));
}

#[test]
fn different_statements_do_not_group() {
    let a = TextDoc::new(0, "“Prices of bread will stay frozen until the summer,” the minister said.");
    let b = TextDoc::new(1, "“The army will not be used against peaceful marchers,” the general said.");
    let (quotes, groups) = analyze(&[a, b], &[]);
    assert_eq!(quotes.len(), 2);
    assert!(groups.is_empty());
    assert!(quotes.iter().all(|q| q.speaker.is_none() && q.speaker_text.is_some()));
}

#[test]
fn odd_input_never_panics() {
    for t in [
        "",
        "“",
        "\"\"\"",
        "«",
        "🙂 “😀 😀 😀” he said",
        "a\nb\n“\n“x y z",
        "said said said “a b c” said",
        "Q: a?\nA: “b c d\nQ: é?\nA: 北京 北京 北京 ",
        "Q: why?\nA:",
        "**Q:** x y?\n**A:** \"one two three\"",
        "É: x y z?\nÉ: a\nÖ: b c d e\nÉ: f?\nÖ: g h i j",
        "Q: x?\nA: 'it's my 'one' two three\n\n'four five six",
        "x: y\n:\n::\nQ::\nA:: z z z",
    ] {
        let d = TextDoc::new(0, t);
        let (q, _) = analyze(std::slice::from_ref(&d), &[]);
        for x in q {
            assert_eq!(x.text, t.get(x.start as usize..x.end as usize).unwrap_or("?"));
        }
    }
}

/// Speed on the seeds repeated 50 times (on demand:
/// `cargo test --release --lib quotes_speed -- --ignored --nocapture`).
#[test]
#[ignore]
fn quotes_speed_on_repeated_seeds() {
    let Some(texts) = crate::test_support::repeated_seeds(50) else { return };
    let size: usize = texts.iter().map(String::len).sum();
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    // Best of five runs: the machine is shared.
    let mut dt = f64::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t0 = std::time::Instant::now();
        let (q, g) = analyze(&docs, &[]);
        dt = dt.min(t0.elapsed().as_secs_f64());
        out = Some((q, g));
    }
    let Some((q, g)) = out else { return };
    eprintln!("quotes: {} quotes, {} groups, {:.2} MB in {:.3} s = {:.1} MB/s", q.len(), g.len(), size as f64 / 1e6, dt, size as f64 / 1e6 / dt);
}

#[test]
fn random_mixtures_never_panic_and_spans_match() {
    // Deterministic pseudo-random texts mixing quotation marks, newlines and multibyte
    // characters.
    let pieces = ["“", "”", "\"", "«", "»", "„", "‘", "’", "\n", "\n\n", " he said", " said Ana", ", ", ". ", "é", "🙂", "北京", "word", " x y z ", "?", "Mr.", "according to"];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut t = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
        }
        let docs = [TextDoc::new(0, &t), TextDoc::new(1, &t)];
        let (q, g) = analyze(&docs, &[]);
        for x in &q {
            assert_eq!(Some(x.text.as_str()), t.get(x.start as usize..x.end as usize));
        }
        for grp in &g {
            assert!(grp.quotes.iter().all(|&i| i < q.len()));
        }
    }
}

#[test]
fn unmarked_restatement_drops_a_leading_reporting_clause() {
    let a = TextDoc::new(0, "“We are still searching every street and every cellar,” the governor, Ana Ruiz, told reporters.");
    let b = TextDoc::new(1, "Rain fell all day. Governor Ana Ruiz said rescuers were still searching every street and every cellar. Roads stayed shut.");
    let docs = [a, b];
    let ents = vec![entity(0, EntityKind::Person, "Ana Ruiz", Some("Governor"), &docs.iter().collect::<Vec<_>>())];
    let (quotes, groups) = analyze(&docs, &ents);
    assert_eq!(groups.len(), 1, "{quotes:?}");
    let u = quotes.iter().find(|q| !q.marked).expect("unmarked");
    assert_eq!(u.text, "rescuers were still searching every street and every cellar.");
    assert_eq!(u.speaker, Some(0));
    let m = quotes.iter().find(|q| q.marked).expect("marked");
    assert_eq!(m.speaker_text.as_deref(), Some("Ana Ruiz"));
    assert_eq!(m.speaker, Some(0));
}

/// Time of the steps of quotation analysis on the seeds (on demand:
/// `cargo test --release --lib quotes_steps -- --ignored --nocapture`).
#[test]
#[ignore]
fn quotes_steps_on_seeds() {
    let Some(texts) = crate::test_support::repeated_seeds(1) else { return };
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let ents = crate::entities::analyze(&docs);
    let best = |f: &mut dyn FnMut()| crate::test_support::best_us(300, f);
    let t_spans = best(&mut || {
        for d in &docs {
            std::hint::black_box(super::spans::find(d.text));
        }
    });
    let t_tokens = best(&mut || {
        for d in &docs {
            std::hint::black_box(super::words::tokens(d.text));
        }
    });
    let t_all = best(&mut || drop(std::hint::black_box(analyze(&docs, &ents))));
    let t_none = best(&mut || drop(std::hint::black_box(analyze(&docs, &[]))));
    let size: usize = texts.iter().map(String::len).sum();
    eprintln!("{size} bytes: spans {t_spans:.0} us, tokens of the whole text {t_tokens:.0} us, analyze {t_all:.0} us (without entities {t_none:.0} us)");
}

#[test]
fn a_statement_quoted_by_hundreds_of_sources_is_one_group() {
    // More sources than MAX_POSTINGS quote the same words (each with its own lead and a
    // different speaker clause): one group, one quotation per source.
    let texts: Vec<String> = (0..150)
        .map(|i| {
            format!(
                "Flood waters rose in district {i} overnight. “The embankment will be rebuilt stronger than before, and no family will be left without shelter,” said official number {i}. Report {i} ends here."
            )
        })
        .collect();
    let docs: Vec<TextDoc> = texts.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let (quotes, groups) = analyze(&docs, &[]);
    assert_eq!(quotes.len(), 150);
    assert_eq!(groups.len(), 1, "{:?}", groups.iter().map(|g| g.quotes.len()).collect::<Vec<_>>());
    assert_eq!(groups[0].quotes.len(), 150);
    // A reworded restatement in one more source still joins it... and a second quotation
    // of the same words in a source already in the group does not.
    let mut more = texts.clone();
    more.push("“The embankment will be rebuilt stronger than ever, and no family will be left without shelter,” the mayor said.".to_string());
    more[0].push_str(" Later he repeated: “The embankment will be rebuilt stronger than before, and no family will be left without shelter.”");
    let docs: Vec<TextDoc> = more.iter().enumerate().map(|(i, t)| TextDoc::new(i, t)).collect();
    let (quotes, groups) = analyze(&docs, &[]);
    assert_eq!(quotes.len(), 152);
    let big = groups.iter().max_by_key(|g| g.quotes.len()).expect("a group");
    assert_eq!(big.quotes.len(), 151, "{groups:?}");
    let mut ds: Vec<usize> = big.quotes.iter().map(|&i| quotes[i].doc).collect();
    ds.dedup();
    assert_eq!(ds.len(), 151);
}

/// Attribution reads a bounded window around each quotation, so a paragraph of any
/// length on one line keeps every speaker: "X said:", a headline-style "Role Name:",
/// the subject of the sentence and a pronoun, at the start and at the end of it.
#[test]
fn speakers_in_one_huge_line() {
    let unit = "Crews worked through the night near the old quarry road. Mayor Lina Ortiz told reporters: “We will reopen the quarry road before the winter comes.” “The pumps are running in every street of the lower town,” Lina Ortiz said. Farmer Paulo Brandt was calm: “My cattle are safe on the hill for now.” ";
    let text = unit.repeat(400);
    let d = TextDoc::new(0, &text);
    let ents = vec![
        entity(0, EntityKind::Person, "Lina Ortiz", Some("Mayor"), &[&d]),
        entity(1, EntityKind::Person, "Paulo Brandt", Some("Farmer"), &[&d]),
    ];
    let (quotes, groups) = analyze(std::slice::from_ref(&d), &ents);
    assert_eq!(quotes.len(), 1200);
    for q in quotes.iter().take(3).chain(quotes.iter().skip(1197)) {
        let want = if q.text.starts_with("My cattle") { 1 } else { 0 };
        assert_eq!(q.speaker, Some(want), "{q:?}");
    }
    // One document: its repeated words are never a group of their own.
    assert!(groups.is_empty());
}

/// The same unattributed words repeated in one document and quoted once by another:
/// one group of two quotations (each document's first), whatever the repetitions.
#[test]
fn repeated_quotation_in_one_document() {
    let many = "“We will not give up on this valley.” ".repeat(2000);
    let a = TextDoc::new(0, &many);
    let b = TextDoc::new(1, "The farmers answered: “We will not give up on this valley.”");
    let (quotes, groups) = analyze(&[a, b], &[]);
    assert_eq!(quotes.len(), 2001);
    assert_eq!(groups.len(), 1, "{groups:?}");
    let g = &groups[0];
    assert_eq!(g.quotes.len(), 2);
    assert_eq!((quotes[g.quotes[0]].doc, quotes[g.quotes[0]].start), (0, 3));
    assert_eq!(quotes[g.quotes[1]].doc, 1);
}
