//! Interview transcripts (news written for these tests): each answer is a quotation of
//! the person interviewed, questions are not quotations, prose with "A:" or "Note:"
//! labels is no transcript, and an answer aligns with the same words quoted in prose.

mod common;

use common::quotes::{quote, run, speaker, texts};

#[test]
fn q_and_a_answers_are_quotes_of_the_interviewee() {
    let r = run(&["Wildfire season: 'We are short of everything'\n\n\
                   The fires near Kerrow have burned for nine days. We spoke to fire chief Dana Orr about the coming week.\n\n\
                   Q: How many crews do you have on the line tonight?\n\
                   A: Fourteen crews, and every one of them has worked double shifts since Sunday.\n\n\
                   Q: What do you need most?\n\
                   A: Water bombers. We have asked the province for two more and heard nothing back."]);
    let t = texts(&r);
    assert!(t.contains(&"Fourteen crews, and every one of them has worked double shifts since Sunday.".to_string()), "{t:?}");
    assert!(t.iter().any(|q| q.starts_with("Water bombers.") && q.ends_with("heard nothing back.")), "{t:?}");
    assert!(!t.iter().any(|q| q.contains("How many crews") || q.contains("need most")), "questions are not quotes: {t:?}");
    assert_eq!(speaker(&r, "Fourteen crews").as_deref(), Some("Dana Orr"));
    assert_eq!(speaker(&r, "Water bombers").as_deref(), Some("Dana Orr"));
    assert!(quote(&r, "Water bombers").marked);
}

#[test]
fn question_answer_in_capitals_and_interview_with() {
    // Wire style, the interviewer named first: the interviewee follows "interview with".
    let r = run(&["GENEVA (Reuters) - Reuters reporter Paul Hale held an interview with trade envoy Mina Sato on Tuesday. Edited excerpts:\n\n\
                   QUESTION: Will the tariff talks resume this month?\n\
                   ANSWER: I expect both sides back at the table before the end of the month.\n\n\
                   QUESTION: What is the main obstacle?\n\
                   ANSWER: Steel. Everything else has been settled for weeks."]);
    assert_eq!(speaker(&r, "back at the table").as_deref(), Some("Mina Sato"));
    assert_eq!(speaker(&r, "Everything else has been settled").as_deref(), Some("Mina Sato"));
    assert!(!texts(&r).iter().any(|q| q.contains("tariff talks resume")));
}

#[test]
fn named_turns_bold_and_plain() {
    let r = run(&["Five questions for the mayor\n\n\
                   Mayor Erik Lind has led the town since the flood of 2019.\n\n\
                   **Interviewer:** Is the new dike finished?\n\n\
                   **Mayor Lind:** Almost. The last section will close in October, if the weather holds.\n\n\
                   **Interviewer:** Who pays for it?\n\n\
                   **Mayor Lind:** The state pays two thirds and the town pays the rest."]);
    assert_eq!(speaker(&r, "last section will close").as_deref(), Some("Erik Lind"));
    assert_eq!(speaker(&r, "two thirds").as_deref(), Some("Erik Lind"));
    assert_eq!(quote(&r, "two thirds").speaker_text.as_deref(), Some("Mayor Lind"));
    assert!(!texts(&r).iter().any(|q| q.contains("dike finished") || q.contains("Who pays")));

    // Two names, one of them asking (a podcast transcript).
    let r = run(&["A transcript of this week's episode, with economist Sara Holm.\n\n\
                   Tom Reyes: Are we heading into a recession?\n\
                   Sara Holm: Not yet, but the orders data worry me more than anything else.\n\
                   Tom Reyes: What would change your mind?\n\
                   Sara Holm: Two more months of falling factory orders would do it."]);
    assert_eq!(speaker(&r, "orders data worry me").as_deref(), Some("Sara Holm"));
    assert_eq!(speaker(&r, "falling factory orders").as_deref(), Some("Sara Holm"));
    assert!(!texts(&r).iter().any(|q| q.contains("recession?")));
}

#[test]
fn quotation_inside_an_answer_is_part_of_it() {
    let r = run(&["Dr. Mira Hansen has measured the Sorvik glacier for twenty years. She spoke to the Coastal Times.\n\n\
                   Q: What did you tell the government?\n\
                   A: I told them, \"The glacier will be gone before my grandchildren grow up.\" They did not listen."]);
    let t = texts(&r);
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].starts_with("I told them") && t[0].ends_with("They did not listen."), "{t:?}");
    assert_eq!(speaker(&r, "glacier will be gone").as_deref(), Some("Mira Hansen"));
}

#[test]
fn labels_in_prose_make_no_transcript() {
    let r = run(&["Storm closes schools\n\n\
                   Note: This article was updated at 10:40 with new figures.\n\n\
                   Photo: Workers clear fallen trees in the harbour district.\n\n\
                   Update: Schools in the north will reopen on Thursday morning.\n\n\
                   Parents were given three choices by the council.\n\
                   A: keep the children at home for the rest of the week.\n\
                   B: send them to the sports hall in the town centre.\n\n\
                   \"We did our best with very little warning,\" said head teacher Ana Vidal."]);
    let t = texts(&r);
    assert_eq!(t, vec!["We did our best with very little warning,".to_string()], "{t:?}");
    // A quiz heading with one "Q:" line and a list is no interview either.
    let r = run(&["Quiz time\nQ: Which river floods most often in spring?\nRead more: our flood guide.\nA: list of rivers below."]);
    assert!(r.quotes.iter().all(|q| !q.text.contains("Which river")));
}

#[test]
fn answer_in_a_transcript_aligns_with_the_same_words_quoted_in_prose() {
    let r = run(&[
        "Fire chief Dana Orr warned on Monday that crews were exhausted. \"Every one of them has worked double shifts since Sunday,\" Orr said.",
        "We spoke to fire chief Dana Orr.\n\n\
         Q: How are the crews holding up?\n\
         A: They are tired. Every one of them has worked double shifts since Sunday, and we still have three fronts open.",
    ]);
    let g = r.quote_groups.iter().find(|g| g.quotes.iter().any(|&i| r.quotes[i].text.contains("double shifts") && r.quotes[i].doc == 0)).expect("grouped");
    assert!(g.quotes.iter().any(|&i| r.quotes[i].doc == 1 && r.quotes[i].text.starts_with("They are tired.")), "{:#?}", r.quotes);
    assert_eq!(g.speaker, quote(&r, "They are tired").speaker);
    assert!(g.speaker.is_some());
}

#[test]
fn explainer_questions_and_answers_are_not_quotes() {
    // A newsroom explainer: no interview, answers in the third person.
    let r = run(&["Q&A: what the rate rise means for you\n\n\
                   Central bank governor Hans Roth raised rates on Thursday.\n\n\
                   Q: Will mortgage payments go up?\n\
                   A: Most variable-rate mortgages will cost more from next month.\n\n\
                   Q: What about savings?\n\
                   A: Banks are expected to pass on some of the rise to savers."]);
    assert!(!r.quotes.iter().any(|q| q.text.contains("variable-rate") || q.text.contains("pass on some")), "{:#?}", r.quotes);
    // The same layout with answers in the first person is an interview.
    let r = run(&["Central bank governor Hans Roth raised rates on Thursday.\n\n\
                   Q: Will mortgage payments go up?\n\
                   A: Yes, and I will not pretend otherwise to anyone.\n\n\
                   Q: What about savings?\n\
                   A: We expect banks to pass on some of the rise to savers."]);
    assert_eq!(speaker(&r, "not pretend").as_deref(), Some("Hans Roth"));
}

#[test]
fn capitalized_surname_turns_and_reporter_questions() {
    let r = run(&["Transcript: the governor on the drought\n\n\
                   Governor Luis Mora took questions from reporters on Thursday. Edited excerpts follow.\n\n\
                   REPORTER: When will water rationing end?\n\
                   MORA: Not before the autumn rains. I wish I had better news for farmers.\n\
                   REPORTER: Are you asking the capital for money?\n\
                   MORA: We have asked twice and we will ask again next week."]);
    assert_eq!(speaker(&r, "autumn rains").as_deref(), Some("Luis Mora"));
    assert_eq!(speaker(&r, "asked twice").as_deref(), Some("Luis Mora"));
    assert!(!r.quotes.iter().any(|q| q.text.contains("rationing end")));
}

#[test]
fn british_us_and_transcript_versions_of_one_statement_group() {
    let r = run(&[
        "Rail strike\n\nUnion leader Mick Dunn said: 'We will not accept a pay cut for drivers, whatever the company offers.'",
        "Rail strike\n\n\"We won't accept any pay cut for the drivers, whatever the company offers us,\" union leader Mick Dunn told reporters.",
        "Strike interview\n\nWe talked to union leader Mick Dunn.\n\nQ: Is there a deal in sight?\nA: No. We will not accept a pay cut for drivers, whatever the company offers. That is final.",
    ]);
    assert_eq!(r.quote_groups.len(), 1, "{:#?}", r.quotes);
    let g = &r.quote_groups[0];
    assert_eq!(g.quotes.len(), 3);
    assert_eq!(g.speaker.and_then(|s| r.entities.get(s)).map(|e| e.name.as_str()), Some("Mick Dunn"));
}
