//! Quotations on news written for these tests (fictional floods, elections, strikes,
//! earthquakes, markets; several outlet styles): quotation spans, speakers, terms that are
//! not quotations, and the same statement aligned across sources.

mod common;

use common::quotes::{quote, run, speaker, texts};
use crosscheck::Report;

/// The group holding the quotation containing `part`, as quote ids.
fn group_of(r: &Report, part: &str) -> Option<Vec<usize>> {
    let id = quote(r, part).id;
    r.quote_groups.iter().find(|g| g.quotes.contains(&id)).map(|g| g.quotes.clone())
}

#[test]
fn split_quote_over_two_sentences_keeps_its_speaker() {
    let r = run(&["KORVIK, Marvania (AP) - Floods swept the city on Thursday.\n\n\
                   \"We are still pulling people from the water,\" Governor Teodor Vasic said. \"The number of dead will rise.\""]);
    assert_eq!(speaker(&r, "pulling people").as_deref(), Some("Teodor Vasic"));
    assert_eq!(speaker(&r, "number of dead").as_deref(), Some("Teodor Vasic"));
}

#[test]
fn split_quote_inside_one_sentence() {
    let r = run(&["Mine rescuers worked through the night. “This is the worst accident in a decade,” Labour Minister Paul Ode said, “and we will find out why it happened.”"]);
    assert_eq!(speaker(&r, "worst accident").as_deref(), Some("Paul Ode"));
    assert_eq!(speaker(&r, "find out why").as_deref(), Some("Paul Ode"));
}

#[test]
fn speaker_before_after_title_apposition_and_according_to() {
    let r = run(&["The strike closed every port on Monday.\n\n\
                   “We will not go back until wages rise,” said union leader Marta Lind.\n\n\
                   Port director Olav Brekke told reporters: “The losses run to millions every single day.”\n\n\
                   “Talks can resume tomorrow morning,” Ivan Horvat, the city's mayor, said.\n\n\
                   “Nothing has been agreed yet,” according to Transport Minister Sara Holm.\n\n\
                   “The strike is illegal under the new law,” Interior Minister Ana Ruiz said on Tuesday."]);
    assert_eq!(speaker(&r, "wages rise").as_deref(), Some("Marta Lind"));
    assert_eq!(speaker(&r, "losses run").as_deref(), Some("Olav Brekke"));
    assert_eq!(quote(&r, "Talks can resume").speaker_text.as_deref(), Some("Ivan Horvat"));
    assert_eq!(speaker(&r, "Talks can resume").as_deref(), Some("Ivan Horvat"));
    assert_eq!(speaker(&r, "Nothing has been agreed").as_deref(), Some("Sara Holm"));
    assert_eq!(speaker(&r, "strike is illegal").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn pronouns_resolve_to_the_last_named_speaker_of_the_right_kind() {
    let r = run(&["Mrs. Ana Ruiz, the interior minister, visited the dam with army chief Tomas Berg on Friday.\n\n\
                   “Every available helicopter is in the air,” she said.\n\n\
                   Asked about Ruiz, he said: “My soldiers will stay as long as they are needed.”\n\n\
                   “We owe the volunteers everything,” she added."]);
    assert_eq!(speaker(&r, "helicopter").as_deref(), Some("Ana Ruiz"));
    assert_eq!(speaker(&r, "My soldiers").as_deref(), Some("Tomas Berg"));
    assert_eq!(speaker(&r, "volunteers everything").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn role_phrases_resolve_to_the_person_with_that_role() {
    let r = run(&["'The river will not stop', says governor\n\n\
                   Governor Teodor Vasic ordered the evacuation of 9,000 people on Sunday.\n\n\
                   Interior Minister Ana Ruiz flew to the region. “We have sent every pump we have,” the minister said."]);
    assert_eq!(quote(&r, "river will not stop").text, "The river will not stop");
    assert_eq!(speaker(&r, "river will not stop").as_deref(), Some("Teodor Vasic"));
    assert_eq!(speaker(&r, "every pump").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn speaker_named_in_the_sentence_before() {
    let r = run(&["11:10 - Opposition leader Marek Tal spoke to supporters outside party headquarters. \"The people have spoken and we will form the next government.\"\n\n\
                   11:45 - Tal, 52, a former judge, claimed victory on Sunday, telling cheering crowds that \"the old guard has finally gone\"."]);
    assert_eq!(speaker(&r, "people have spoken").as_deref(), Some("Marek Tal"));
    assert_eq!(speaker(&r, "old guard").as_deref(), Some("Marek Tal"));
}

#[test]
fn a_new_sentence_after_a_closed_quote_is_not_its_clause() {
    let r = run(&["Karl Frey, the party spokesman, said: \"The prime minister will not concede until every vote is counted.\" He added that lawyers were \"watching every polling station very closely\"."]);
    assert_eq!(quote(&r, "will not concede").speaker_text.as_deref(), Some("Karl Frey"));
    assert_eq!(speaker(&r, "watching every").as_deref(), Some("Karl Frey"));
}

#[test]
fn multi_paragraph_quotation() {
    let t = "Ivan Horvat has not slept in days.\n\n\
             “The dams are holding, but only just,” Horvat told the Daily Courier. “We have not slept for three days and the rain keeps coming.\n\n\
             “If the river rises another metre, the old town will be lost.”\n\n\
             Officials said 300 homes were empty.";
    let r = run(&[t]);
    let q = quote(&r, "rain keeps coming");
    assert!(q.text.ends_with("the old town will be lost."), "{:?}", q.text);
    assert_eq!(speaker(&r, "rain keeps coming").as_deref(), Some("Ivan Horvat"));
    assert_eq!(r.quotes.len(), 2, "{:?}", texts(&r));
}

#[test]
fn single_quotes_guillemets_low_high_marks_and_apostrophes() {
    let r = run(&["Markets: 'We won't raise rates this year', says central bank chief\n\n\
                   The bank's governor, Lena Marsh, spoke in Frankfurt. ‘It’s too early to talk about the people’s savings,’ she said.\n\n\
                   « Nous ne changerons pas de cap », a déclaré le ministre. „Wir bleiben bei unserem Kurs“, sagte sie.\n\n\
                   Traders said the workers' pension funds were safe. \"The market's reaction was calm,\" an analyst said."]);
    let t = texts(&r);
    for want in [
        "We won't raise rates this year",
        "It’s too early to talk about the people’s savings,",
        "Nous ne changerons pas de cap",
        "Wir bleiben bei unserem Kurs",
        "The market's reaction was calm,",
    ] {
        assert!(t.contains(&want.to_string()), "{want:?} not in {t:?}");
    }
    // The apostrophe of "workers'" opens or closes nothing.
    assert!(!t.iter().any(|q| q.contains("pension")), "{t:?}");
    assert_eq!(speaker(&r, "too early").as_deref(), Some("Lena Marsh"));
}

#[test]
fn unclosed_single_quote_is_an_apostrophe_and_hides_nothing() {
    let r = run(&["Prices last rose like this in the '90s, when 'the crisis began. \"We have seen this before and we survived it,\" a trader said."]);
    assert_eq!(texts(&r), vec!["We have seen this before and we survived it,".to_string()]);
}

#[test]
fn scare_quotes_and_titles_are_not_quotations() {
    let r = run(&["Critics called the government's so-called \"emergency relief plan\" a failure. \
                   A cinema was showing the film \"The Long Rain Falls Again\" when the water came in. \
                   The party has promised a new \"anti-corruption court\". \
                   Farmers described the season as \"the worst we have ever known\", the union said."]);
    let t = texts(&r);
    assert!(!t.iter().any(|q| q.contains("relief plan") || q.contains("Long Rain") || q.contains("anti-corruption")), "{t:?}");
    assert!(t.contains(&"the worst we have ever known".to_string()), "{t:?}");
}

#[test]
fn one_statement_in_three_wordings_is_one_group() {
    let r = run(&[
        "KORVIK (Reuters) - \"We are still pulling people from the water, and the death toll will rise,\" Governor Teodor Vasic said on Thursday.",
        "Marvania flood toll climbs\n\nGovernor Teodor Vasic said rescuers were still pulling people from the water and that the death toll would rise.",
        "Floods in Marvania\n\nGovernor Teodor Vasic warned that the death toll \"will rise\" as rescuers kept pulling people from the water.",
    ]);
    let g = group_of(&r, "pulling people from the water, and").expect("a group");
    let docs: std::collections::BTreeSet<usize> = g.iter().map(|&i| r.quotes[i].doc).collect();
    assert_eq!(docs.len(), 3, "{g:?} {:#?}", r.quotes);
    let unmarked = r.quotes.iter().find(|q| !q.marked && q.doc == 1).expect("the reported statement");
    assert_eq!(unmarked.text, "rescuers were still pulling people from the water and that the death toll would rise.");
    assert_eq!(unmarked.speaker.and_then(|s| r.entities.get(s)).map(|e| e.name.as_str()), Some("Teodor Vasic"));
}

#[test]
fn different_statements_of_one_speaker_stay_apart() {
    let r = run(&[
        "“Every school will reopen on Monday,” Education Minister Lars Dahl said. “Teachers will be paid in full.”",
        "Education Minister Lars Dahl said: “Teachers will be paid in full for the strike days.” He also said the exam calendar would not change.",
    ]);
    let reopen = quote(&r, "reopen").id;
    for g in &r.quote_groups {
        let ts: Vec<&str> = g.quotes.iter().map(|&i| r.quotes[i].text.as_str()).collect();
        assert!(!(g.quotes.contains(&reopen) && ts.iter().any(|t| t.contains("paid in full"))), "{ts:?}");
    }
    assert!(group_of(&r, "paid in full for").is_some(), "{:#?}", r.quote_groups);
}

#[test]
fn translated_quotes_with_different_wording_align() {
    let r = run(&[
        "President Amara Diallo said: “I have ordered the rescue teams and the army to search every collapsed house without delay.”",
        "“I gave the order to rescuers and soldiers to search all the collapsed houses without any delay,” Diallo said in a televised address.",
    ]);
    let g = group_of(&r, "ordered the rescue teams").expect("aligned");
    assert_eq!(g.len(), 2);
}

#[test]
fn quote_spans_are_their_text() {
    let r = run(&["‘Toll will rise’, says mayor 🙂\n\n«Nous reconstruirons tout», a dit le maire. “It’s the people’s city,” he said."]);
    for q in &r.quotes {
        let u16: Vec<u16> = "‘Toll will rise’, says mayor 🙂\n\n«Nous reconstruirons tout», a dit le maire. “It’s the people’s city,” he said.".encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&u16[q.start as usize..q.end as usize]), q.text);
    }
    assert_eq!(r.quotes.len(), 3, "{:?}", texts(&r));
}

#[test]
fn tabloid_verbs_bullets_and_long_appositions() {
    let r = run(&["Local MP Rachel Dunn, 51, said the collapse was \"a scandal, plain and simple\".\n\n\
                   \"Heads must roll,\" she fumed.\n\n\
                   * \"We will cooperate fully with any inquiry,\" the company's chief executive, Omar Shah, said.\n\
                   * \"Nobody could have seen this coming,\" Shah insisted."]);
    assert_eq!(quote(&r, "Heads must roll").speaker_text.as_deref(), Some("she"));
    assert_eq!(speaker(&r, "Heads must roll").as_deref(), Some("Rachel Dunn"));
    assert_eq!(quote(&r, "cooperate fully").speaker_text.as_deref(), Some("Omar Shah"));
    assert_eq!(quote(&r, "seen this coming").speaker_text.as_deref(), Some("Shah"));
}

#[test]
fn wire_market_story_speakers_and_reported_speech() {
    let r = run(&[
        "LONDON, Oct 3 (Reuters) - Shares in Norvex Bank fell 12 percent on Friday.\n\n\
         \"We expect the next two quarters to be difficult,\" chief executive Helen Ward told analysts. \"But our capital position remains strong.\"\n\n\
         \"This is not 2008,\" said Mark Ellis, an analyst at Brightwater Capital. \"The balance sheet is much healthier than it was then.\"",
        "Norvex Bank's chief executive Helen Ward has warned investors that the next two quarters will be difficult.\n\n\
         Analyst Mark Ellis of Brightwater Capital said the bank's balance sheet was much healthier than in 2008.",
        "Norvex chief: \"We expect two difficult quarters\"\n\n\
         FRANKFURT (dpa) - The head of Norvex Bank, Helen Ward, expects \"a very hard winter\" ahead. \
         \"Our capital base remains solid,\" Ward told analysts, according to a transcript.",
    ]);
    assert_eq!(quote(&r, "capital base").speaker_text.as_deref(), Some("Ward"));
    assert_eq!(quote(&r, "We expect two").speaker_text.as_deref(), Some("Norvex chief"));
    assert_eq!(speaker(&r, "We expect two").as_deref(), Some("Helen Ward"));
    assert_eq!(speaker(&r, "very hard winter").as_deref(), Some("Helen Ward"));
    // The reported sentences join their quotations, their clauses trimmed off.
    let ellis = r.quotes.iter().find(|q| !q.marked && q.text.contains("balance sheet")).expect("reported Ellis");
    assert_eq!(ellis.text, "the bank's balance sheet was much healthier than in 2008.");
    assert_eq!(ellis.speaker_text.as_deref(), Some("Analyst Mark Ellis"));
    let g = group_of(&r, "We expect the next two quarters").expect("a group");
    let docs: std::collections::BTreeSet<usize> = g.iter().map(|&i| r.quotes[i].doc).collect();
    assert_eq!(docs.len(), 3, "{:#?}", r.quotes);
}

#[test]
fn alike_words_of_two_named_speakers_stay_apart_and_he_is_the_nearest_man() {
    let r = run(&[
        "Mayor Ivan Horvat visited the flooded school. \"We will rebuild this school before winter,\" Horvat said.\n\n\
         Education Minister Lars Dahl was more cautious. \"The ministry will pay for repairs to every school,\" he said.",
        "\"We will rebuild the school before the winter comes,\" Education Minister Lars Dahl said on a visit to the town.\n\n\
         Mayor Ivan Horvat said the town needed help. \"Our roads are gone and our school is gone,\" he said.",
    ]);
    assert!(group_of(&r, "rebuild this school").is_none(), "{:#?}", r.quote_groups);
    assert_eq!(speaker(&r, "roads are gone").as_deref(), Some("Ivan Horvat"));
}

#[test]
fn live_blog_bullets_and_two_quotations_in_one_sentence() {
    let r = run(&["Wildfire live: thousands flee\n\n\
                   Key points\n\
                   - Fire chief: \"Nobody can save every single house\"\n\
                   - Governor declares state of emergency\n\n\
                   09:15 Fire chief Daniel Okoro has just spoken to reporters. He said crews were \"fighting on three fronts\" and warned: \"We cannot save every house, and people must leave now.\""]);
    assert_eq!(quote(&r, "every single house").speaker_text.as_deref(), Some("Fire chief"));
    assert_eq!(speaker(&r, "every single house").as_deref(), Some("Daniel Okoro"));
    assert_eq!(speaker(&r, "fighting on three fronts").as_deref(), Some("Daniel Okoro"));
    assert_eq!(speaker(&r, "must leave now").as_deref(), Some("Daniel Okoro"));
}

// ---- Styles added this round: live-blog timestamps, "according to" before a quotation,
// headlines that quote first, colon introductions, dash dialogue, interview transcripts.

#[test]
fn live_blog_timestamp_is_not_part_of_the_speaker() {
    let r = run(&["Election night: live updates\n\n\
                   21:04 GMT - Party chair Oskar Lund wrote on X: \"The first results look very good for us tonight.\"\n\n\
                   21:20 BST - Returning officer Ruth Kane told reporters: \"Counting will go on until well after midnight.\""]);
    assert_eq!(quote(&r, "first results").speaker_text.as_deref(), Some("Oskar Lund"));
    assert_eq!(speaker(&r, "first results").as_deref(), Some("Oskar Lund"));
    assert_eq!(quote(&r, "Counting will go on").speaker_text.as_deref(), Some("Ruth Kane"));
    // A dateline before a name is no part of it either.
    let r = run(&["Mine fire kills three\n\nPORT ELLIS - Fire chief Dan Moyo said: \"The smoke is the real danger underground.\""]);
    assert_eq!(speaker(&r, "smoke is the real").as_deref(), Some("Dan Moyo"));
}

#[test]
fn according_to_before_the_quotation() {
    let r = run(&["Harvest falls short\n\nAgriculture Minister Petra Holm visited the farms on Monday. \
                   According to Holm, \"the wheat harvest will be the smallest in twenty years\".\n\n\
                   According to the farmers' union, the rain came far too late."]);
    assert_eq!(quote(&r, "wheat harvest").speaker_text.as_deref(), Some("Holm"));
    assert_eq!(speaker(&r, "wheat harvest").as_deref(), Some("Petra Holm"));
}

#[test]
fn headline_that_quotes_first_then_a_colon() {
    let r = run(&["\"We will not sell the club\": defiant chairman rejects takeover bid\n\n\
                   Rovers chairman Milan Dvorak on Friday turned down a bid from a foreign investor.",
                  "'Prices must come down': Sorensen warns supermarkets\n\n\
                   Consumer Minister Lea Sorensen met supermarket bosses on Tuesday."]);
    assert_eq!(quote(&r, "sell the club").speaker_text.as_deref(), Some("chairman"));
    assert_eq!(speaker(&r, "sell the club").as_deref(), Some("Milan Dvorak"));
    assert_eq!(speaker(&r, "Prices must come down").as_deref(), Some("Lea Sorensen"));
    // A headline with a colon after a quotation but no speaker in it gets none.
    let r = run(&["\"Worst floods in memory\": what we know so far\n\nRivers burst their banks overnight."]);
    assert_eq!(quote(&r, "Worst floods").speaker, None);
}

#[test]
fn colon_introductions_name_their_subject() {
    let r = run(&["Customs Minister Jonas Berg flew to the border on Sunday.\n\n\
                   The minister was blunt: \"Smugglers will find every crossing closed from tonight.\"\n\n\
                   Berg was defiant: \"Nobody will make me open the border again this year.\""]);
    assert_eq!(quote(&r, "Smugglers will find").speaker_text.as_deref(), Some("The minister"));
    assert_eq!(speaker(&r, "Smugglers will find").as_deref(), Some("Jonas Berg"));
    assert_eq!(quote(&r, "Nobody will make me").speaker_text.as_deref(), Some("Berg"));
    assert_eq!(speaker(&r, "Nobody will make me").as_deref(), Some("Jonas Berg"));
}

#[test]
fn dash_dialogue_in_translated_copy() {
    let r = run(&["Coach Ivo Marek spoke after the defeat.\n\n\
                   — Will you resign after this result? a journalist asked.\n\
                   — No, this team still has a great season ahead of it, Marek replied.\n\n\
                   Key facts:\n\
                   — Third defeat in a row\n\
                   — Next match on Saturday"]);
    let t = texts(&r);
    assert!(t.contains(&"No, this team still has a great season ahead of it".to_string()), "{t:?}");
    assert!(t.contains(&"Will you resign after this result?".to_string()), "{t:?}");
    assert_eq!(speaker(&r, "great season").as_deref(), Some("Ivo Marek"));
    // Bullets with no reporting clause are not dialogue.
    assert!(!t.iter().any(|q| q.contains("Third defeat") || q.contains("Next match")), "{t:?}");
}

#[test]
fn first_person_in_an_interview_answer_is_the_interviewee() {
    let r = run(&["'The ice is going': glaciologist speaks\n\n\
                   Dr. Mira Hansen has measured the Sorvik glacier for twenty years. She spoke to the Coastal Times.\n\n\
                   Q: What did you tell the government?\n\
                   A: I told them, \"The glacier will be gone before my grandchildren grow up.\" They did not listen.\n\n\
                   Q: Is there still hope?\n\
                   A: Only if emissions fall quickly."]);
    assert_eq!(speaker(&r, "glacier will be gone").as_deref(), Some("Mira Hansen"));
    // "I" outside an answer line stays unresolved.
    let r = run(&["Dr. Mira Hansen spoke at the conference. In my view, I said, \"the data speak for themselves here\"."]);
    assert_ne!(speaker(&r, "data speak for themselves").as_deref(), Some("Mira Hansen"));
}

#[test]
fn an_interview_answer_aligns_and_speaks_for_the_interviewee() {
    let r = run(&[
        "Glacier retreat speeds up\n\nGlaciologist Mira Hansen said: \"The glacier lost more ice this summer than in the whole last decade.\"",
        "Interview: the woman who measures the ice\n\nMira Hansen has studied the glacier for twenty years.\n\n\
         Q: What did you find this year?\n\
         A: The glacier lost more ice this summer than in the whole decade before.",
    ]);
    let g = group_of(&r, "lost more ice this summer than in the whole last").expect("aligned");
    let other = g.iter().map(|&i| &r.quotes[i]).find(|q| q.doc == 1).expect("the answer");
    // (An answer is the interviewee's own words: a quotation, marked.)
    assert!(other.marked);
    assert!(other.text.starts_with("The glacier lost"), "{:?}", other.text);
    // (The same entity as the marked quotation's speaker, whatever its name.)
    assert!(other.speaker.is_some());
    assert_eq!(other.speaker, quote(&r, "in the whole last decade").speaker);
}

#[test]
fn clauses_between_commas_and_plural_possessives_in_speaker_names() {
    let r = run(&["Rail strike enters third week\n\n\
                   In a statement on Monday, the Transport Workers' Union said: \"Management has walked away from the table.\"\n\n\
                   Transport Secretary Hugo Lenz, speaking on Radio Nord, said the government would \"not step in at this stage\".\n\n\
                   \"Commuters are the forgotten victims of this dispute,\" Alina Petrov, who chairs the Rail Users' Forum, wrote on Twitter.\n\n\
                   \"Trains will run again on the coast line from Thursday\" in the south, Mayor Ivo Sand said."]);
    assert_eq!(quote(&r, "walked away").speaker_text.as_deref(), Some("Transport Workers' Union"));
    assert_eq!(speaker(&r, "not step in").as_deref(), Some("Hugo Lenz"));
    assert_eq!(speaker(&r, "forgotten victims").as_deref(), Some("Alina Petrov"));
    assert_eq!(speaker(&r, "coast line").as_deref(), Some("Ivo Sand"));
}
