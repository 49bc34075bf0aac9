//! Quotation styles of many outlets (news written for these tests): British single marks
//! with apostrophes inside, quotations over several paragraphs, guillemets and German
//! marks in translated copy, nested quotations, agency and social-media attributions,
//! pronoun speakers, inverted clauses, and scare quotes that are not quotations.

mod common;

use common::quotes::{quote, run, speaker, texts};

#[test]
fn british_single_marks_keep_apostrophes_and_plural_possessives_inside() {
    let r = run(&["Nurses walk out over pay\n\n\
                   LONDON - Thousands of nurses walked out on Tuesday. 'We don't want to strike, but the workers' union has run out of patience,' said union leader Kate Moss. 'The nurses' pay has fallen for ten years.'\n\n\
                   Health Secretary Tom Hale told reporters the offer was final. 'There is no more money,' he said."]);
    let t = texts(&r);
    assert!(t.contains(&"We don't want to strike, but the workers' union has run out of patience,".to_string()), "{t:?}");
    assert!(t.contains(&"The nurses' pay has fallen for ten years.".to_string()), "{t:?}");
    assert_eq!(speaker(&r, "workers' union").as_deref(), Some("Kate Moss"));
    assert_eq!(speaker(&r, "nurses' pay").as_deref(), Some("Kate Moss"));
    assert_eq!(speaker(&r, "no more money").as_deref(), Some("Tom Hale"));
}

#[test]
fn single_quotation_over_two_paragraphs() {
    // Tabloid style: the paragraph ends without a closing mark, the next reopens.
    let r = run(&["Storm batters coast\n\n\
                   Council leader Jo Marsh was blunt. 'We warned the government about these sea walls three years ago.\n\n\
                   'Now families are paying the price, and they will keep paying it.'\n\n\
                   The Met Office said the storm would ease by Monday."]);
    let q = quote(&r, "sea walls");
    assert!(q.text.ends_with("they will keep paying it."), "{:?}", q.text);
    assert_eq!(r.quotes.len(), 1, "{:?}", texts(&r));
    assert_eq!(speaker(&r, "sea walls").as_deref(), Some("Jo Marsh"));
}

#[test]
fn double_quotation_over_paragraphs_keeps_the_speaker() {
    let r = run(&["Quake survivors wait for aid\n\n\
                   The mayor of Vesna, Ana Ruiz, spoke on Sunday. \"We have lost the school, the clinic and the market,\" she said. \"We need tents before the rain comes.\n\n\
                   \"Nobody from the capital has called us yet.\""]);
    let q = quote(&r, "tents before the rain");
    assert!(q.text.ends_with("has called us yet."), "{:?}", q.text);
    assert_eq!(speaker(&r, "tents before the rain").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn guillemets_and_german_marks_in_translated_copy() {
    let r = run(&["BRASILIA, Brazil (AP) — Floods killed 12 people, officials said.\n\n\
                   «We have never seen rain like this in our lives», said Governor Rui Costa. «The river rose three metres in one night.»\n\n\
                   „The army will help us clear the roads“, Costa told AFP."]);
    assert_eq!(speaker(&r, "never seen rain").as_deref(), Some("Rui Costa"));
    assert_eq!(speaker(&r, "three metres").as_deref(), Some("Rui Costa"));
    assert_eq!(speaker(&r, "army will help").as_deref(), Some("Rui Costa"));
    assert_eq!(quote(&r, "army will help").text, "The army will help us clear the roads");
}

#[test]
fn nested_quotations_stay_inside() {
    let r = run(&["Passengers waited for hours. Ben Ade, a commuter, said: 'They told me \"wait for the next bus\" and then nobody came.'\n\n\
                   \"The driver told us 'the road is closed' and drove off,\" said another passenger, Lia Tomm."]);
    let t = texts(&r);
    assert!(t.contains(&"They told me \"wait for the next bus\" and then nobody came.".to_string()), "{t:?}");
    assert!(t.contains(&"The driver told us 'the road is closed' and drove off,".to_string()), "{t:?}");
    assert!(!t.iter().any(|q| q == "wait for the next bus" || q == "the road is closed"), "{t:?}");
    assert_eq!(speaker(&r, "next bus").as_deref(), Some("Ben Ade"));
    assert_eq!(speaker(&r, "drove off").as_deref(), Some("Lia Tomm"));
}

#[test]
fn agency_statement_and_social_media_attributions() {
    let r = run(&["Talks offer after border clash\n\n\
                   \"We are ready for talks at any time,\" Prime Minister Lars Berg told AFP.\n\n\
                   \"Prices will not fall before the summer,\" the central bank said in a statement.\n\n\
                   Opposition leader Dana Orr wrote on X: \"The bridge will reopen on Monday morning.\"\n\n\
                   \"Every vote will be counted by hand,\" election chief Mia Tan posted on social media.\n\n\
                   \"We never asked for this war,\" Foreign Minister Ivo Kral told reporters in Geneva.\n\n\
                   'Nobody wants the border to stay shut,' a spokeswoman for the ministry said."]);
    assert_eq!(speaker(&r, "ready for talks").as_deref(), Some("Lars Berg"));
    assert_eq!(quote(&r, "Prices will not fall").speaker_text.as_deref(), Some("the central bank"));
    assert_eq!(speaker(&r, "bridge will reopen").as_deref(), Some("Dana Orr"));
    assert_eq!(speaker(&r, "counted by hand").as_deref(), Some("Mia Tan"));
    assert_eq!(speaker(&r, "never asked").as_deref(), Some("Ivo Kral"));
    assert_eq!(quote(&r, "border to stay shut").speaker_text.as_deref(), Some("a spokeswoman for the ministry"));
}

#[test]
fn quoted_posts_and_inverted_clauses() {
    let r = run(&["Dam fears ease\n\n\
                   \"The dam is safe and the town is not in danger,\" said Mayor Dana Orr on Tuesday.\n\n\
                   Later she tweeted: \"Thank you to every volunteer who filled sandbags tonight.\"\n\n\
                   In a post on Facebook, engineer Tom Vale wrote: \"The spillway is working exactly as designed.\""]);
    assert_eq!(quote(&r, "dam is safe").speaker_text.as_deref(), Some("Mayor Dana Orr"));
    assert_eq!(speaker(&r, "dam is safe").as_deref(), Some("Dana Orr"));
    assert_eq!(speaker(&r, "every volunteer").as_deref(), Some("Dana Orr"));
    assert_eq!(speaker(&r, "spillway").as_deref(), Some("Tom Vale"));
}

#[test]
fn pronouns_follow_gender_told_by_pronouns_and_not_names_inside_quotes() {
    // "His deputy" tells the minister is a man; "defended him" (an object) tells nothing
    // about the deputy.
    let r = run(&["Flood minister under fire\n\n\
                   Water Minister Karl Moen visited the town on Friday. His deputy, Lena Brandt, stayed in the capital.\n\n\
                   \"We did everything we could with the warnings we had,\" he said.\n\n\
                   Brandt later defended him. \"The forecasts were wrong for three days in a row,\" she told the Herald."]);
    assert_eq!(speaker(&r, "everything we could").as_deref(), Some("Karl Moen"));
    assert_eq!(speaker(&r, "forecasts were wrong").as_deref(), Some("Lena Brandt"));
    // A name inside a quotation is not who "he" is.
    let r = run(&["Union boss Mick Dunn said: 'The drivers' patience ran out months ago. We told Mr Kemp \"no deal without safety\", and we meant it.'\n\n\
                   'It is the bosses' choice, not ours,' he added."]);
    assert_eq!(speaker(&r, "bosses' choice").as_deref(), Some("Mick Dunn"));
}

#[test]
fn scare_quotes_of_one_or_two_words_are_not_quotes() {
    let r = run(&["Markets slide\n\n\
                   Analyst Priya Nair said investors were \"nervous\" and the mood was \"deeply gloomy\" after the data. \
                   The minister called the report 'fake news'. \
                   \"The jobs figures were much weaker than anyone expected,\" Nair told Reuters."]);
    let t = texts(&r);
    assert_eq!(t, vec!["The jobs figures were much weaker than anyone expected,".to_string()], "{t:?}");
}

#[test]
fn a_reported_clause_with_a_scare_quote_is_no_restatement() {
    let r = run(&[
        "Fund keeps its shares\n\nFinance Minister Per Lunde, speaking separately, said the government \"fully supports\" the decision.",
        "Fund keeps its shares\n\nMr Lunde backed the plan. 'The government supports the decision fully,' he said.",
    ]);
    assert!(!r.quotes.iter().any(|q| q.text.contains("speaking separately")), "{:#?}", r.quotes);
}

#[test]
fn organizations_speak_through_it_and_the_organisation() {
    let r = run(&["Aid convoy reaches quake zone\n\n\
                   The World Food Programme sent 40 trucks on Monday. \"Aid is on its way to every village we can reach,\" it said in a statement.\n\n\
                   The Red Crescent said its teams were exhausted. \"Our volunteers have not slept for three days,\" the organisation said.\n\n\
                   Rescuers from two countries joined the search. \"We are still hearing voices under the rubble,\" they said."]);
    assert_eq!(speaker(&r, "on its way").as_deref(), Some("World Food Programme"));
    assert_eq!(speaker(&r, "not slept").as_deref(), Some("Red Crescent"));
    // No organization just named: nobody (not the last person or group quoted).
    assert_eq!(speaker(&r, "hearing voices"), None);
}
