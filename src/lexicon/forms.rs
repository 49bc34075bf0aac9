//! Word forms generated from lemmas, so that lexicons list lemmas and a form never written
//! in them still works: a verb's base, third person, past, past participle and -ing forms
//! ("kill" → kills, killed, killing; "flee" → flees, fled, fleeing; "die" → dies, died,
//! dying), a noun's singular and plural ("fatality" → fatalities, "injury" → injuries).
//! Irregular verbs come from `irregular_verbs.tsv`; the rest follow English spelling rules
//! (final -e dropped, -y after a consonant to -ie-, a final consonant doubled after one
//! short stressed vowel in a one-syllable verb). A phrase inflects its first word as a verb
//! ("take to the streets" → took/taken/taking to the streets) and its last word as a
//! noun ("death toll" → death tolls).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{fields, lines};

const IRREGULAR: &str = data!("irregular_verbs.tsv");

/// Base form → (past forms, participle forms) of the irregular verbs.
fn irregular() -> &'static HashMap<&'static str, (Vec<&'static str>, Vec<&'static str>)> {
    static T: OnceLock<HashMap<&'static str, (Vec<&'static str>, Vec<&'static str>)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for l in lines(IRREGULAR) {
            let f: Vec<&str> = fields(l).collect();
            if let (Some(&base), Some(&past), Some(&part)) = (f.first(), f.get(1), f.get(2)) {
                m.insert(base, (past.split('|').collect(), part.split('|').collect()));
            }
        }
        m
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// True when a regular verb doubles its final consonant before -ed/-ing: one syllable
/// ending consonant-vowel-consonant ("stop", "plan", "drop", "jab"), but not w, x, y.
fn doubles(v: &str) -> bool {
    let c: Vec<char> = v.chars().collect();
    let n = c.len();
    if n < 3 {
        return false;
    }
    let (a, b, z) = (c[n - 3], c[n - 2], c[n - 1]);
    let syllables = c.iter().enumerate().filter(|&(i, &x)| is_vowel(x) && (i == 0 || !is_vowel(c[i - 1]))).count();
    syllables == 1 && !is_vowel(a) && is_vowel(b) && !is_vowel(z) && !matches!(z, 'w' | 'x' | 'y')
}

/// The third person singular of a verb: "kill" → "kills", "flee" → "flees", "carry" →
/// "carries", "push" → "pushes".
pub fn third_person(v: &str) -> String {
    if let Some(stem) = v.strip_suffix('y').filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c))) {
        return format!("{stem}ies");
    }
    if v.ends_with("s") || v.ends_with("x") || v.ends_with("z") || v.ends_with("ch") || v.ends_with("sh") || (v.ends_with('o') && !v.ends_with("oo")) {
        return format!("{v}es");
    }
    format!("{v}s")
}

/// The regular past and participle: "kill" → "killed", "evacuate" → "evacuated", "carry"
/// → "carried", "drop" → "dropped".
fn regular_past(v: &str) -> String {
    if v.ends_with('e') {
        return format!("{v}d");
    }
    if let Some(stem) = v.strip_suffix('y').filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c))) {
        return format!("{stem}ied");
    }
    if doubles(v) {
        let last = v.chars().last().unwrap_or('d');
        return format!("{v}{last}ed");
    }
    format!("{v}ed")
}

/// The -ing form: "kill" → "killing", "evacuate" → "evacuating", "die" → "dying", "flee"
/// → "fleeing", "drop" → "dropping".
pub fn gerund(v: &str) -> String {
    if let Some(stem) = v.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if v.ends_with('e') && !v.ends_with("ee") && !v.ends_with("ye") && !v.ends_with("oe") && v.len() > 2 {
        return format!("{}ing", &v[..v.len() - 1]);
    }
    if doubles(v) {
        let last = v.chars().last().unwrap_or('g');
        return format!("{v}{last}ing");
    }
    format!("{v}ing")
}

/// Every form of a verb lemma: base, third person, past(s), participle(s), -ing.
pub fn verb_forms(v: &str) -> Vec<String> {
    let mut out = vec![v.to_string(), third_person(v)];
    match irregular().get(v) {
        Some((past, part)) => {
            out.extend(past.iter().map(|s| s.to_string()));
            out.extend(part.iter().map(|s| s.to_string()));
        }
        None => out.push(regular_past(v)),
    }
    out.push(gerund(v));
    let mut seen = Vec::with_capacity(out.len());
    out.retain(|f| {
        let new = !seen.contains(f);
        seen.push(f.clone());
        new
    });
    out
}

/// The plural of a noun: "fatality" → "fatalities", "death" → "deaths", "crash" →
/// "crashes", "life" → "lives", "man" → "men".
pub fn plural(n: &str) -> String {
    match n {
        "man" => return "men".into(),
        "woman" => return "women".into(),
        "child" => return "children".into(),
        "person" => return "people".into(),
        "life" => return "lives".into(),
        "wife" => return "wives".into(),
        "knife" => return "knives".into(),
        _ => {}
    }
    if let Some(stem) = n.strip_suffix('y').filter(|s| s.chars().last().is_some_and(|c| !is_vowel(c))) {
        return format!("{stem}ies");
    }
    if n.ends_with("s") || n.ends_with("x") || n.ends_with("z") || n.ends_with("ch") || n.ends_with("sh") {
        return format!("{n}es");
    }
    format!("{n}s")
}

/// How a lexicon line's lemma is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// A verb, or a phrase whose first word is one.
    Verb,
    /// A verb whose bare base form is not wanted ("rescue" is also a noun modifier:
    /// "rescue teams"): its other forms only.
    VerbInflected,
    /// A noun, or a phrase whose last word is one.
    Noun,
    /// A word or phrase as written.
    Word,
}

impl Pos {
    /// Reads a lexicon's part-of-speech column: `v`, `v-`, `n`, `w`.
    pub fn from_code(s: &str) -> Option<Pos> {
        match s {
            "v" => Some(Pos::Verb),
            "v-" => Some(Pos::VerbInflected),
            "n" => Some(Pos::Noun),
            "w" => Some(Pos::Word),
            _ => None,
        }
    }
}

/// Every form of a lemma or phrase: for verbs the first word is inflected, for nouns the
/// last; words stay as written.
pub fn forms(lemma: &str, pos: Pos) -> Vec<String> {
    let (first, rest) = lemma.split_once(' ').map_or((lemma, ""), |(a, b)| (a, b));
    match pos {
        Pos::Word => vec![lemma.to_string()],
        Pos::Verb | Pos::VerbInflected => verb_forms(first)
            .into_iter()
            .filter(|f| pos == Pos::Verb || f != first)
            .map(|f| if rest.is_empty() { f } else { format!("{f} {rest}") })
            .collect(),
        Pos::Noun => {
            let (init, last) = lemma.rsplit_once(' ').map_or(("", lemma), |(a, b)| (a, b));
            let pl = plural(last);
            let join = |w: &str| if init.is_empty() { w.to_string() } else { format!("{init} {w}") };
            if pl == last {
                vec![join(last)]
            } else {
                vec![join(last), join(&pl)]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_regular_and_irregular() {
        assert_eq!(verb_forms("kill"), ["kill", "kills", "killed", "killing"]);
        assert_eq!(verb_forms("die"), ["die", "dies", "died", "dying"]);
        assert_eq!(verb_forms("evacuate"), ["evacuate", "evacuates", "evacuated", "evacuating"]);
        assert_eq!(verb_forms("flee"), ["flee", "flees", "fled", "fleeing"]);
        assert_eq!(verb_forms("slay"), ["slay", "slays", "slew", "slain", "slaying"]);
        assert_eq!(verb_forms("carry"), ["carry", "carries", "carried", "carrying"]);
        assert_eq!(verb_forms("drop"), ["drop", "drops", "dropped", "dropping"]);
        assert_eq!(verb_forms("jab"), ["jab", "jabs", "jabbed", "jabbing"]);
        assert_eq!(verb_forms("hospitalise"), ["hospitalise", "hospitalises", "hospitalised", "hospitalising"]);
        assert!(verb_forms("burn").contains(&"burnt".to_string()));
        assert!(verb_forms("hold").contains(&"held".to_string()));
    }

    #[test]
    fn phrases_and_nouns() {
        assert!(forms("take to the streets", Pos::Verb).contains(&"took to the streets".to_string()));
        assert!(forms("take to the streets", Pos::Verb).contains(&"taken to the streets".to_string()));
        assert_eq!(forms("fatality", Pos::Noun), ["fatality", "fatalities"]);
        assert_eq!(forms("death toll", Pos::Noun), ["death toll", "death tolls"]);
        assert_eq!(forms("rescue", Pos::VerbInflected), ["rescues", "rescued", "rescuing"]);
        assert_eq!(forms("in custody", Pos::Word), ["in custody"]);
    }
}
