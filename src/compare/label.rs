//! (see the module docs of [`super`])

use super::*;

/// The label of a measure whose concept is not in the class lexicon: among the concepts
/// and the words the figures are about ("net profit", "Norvex Corp", "Chipmaker Norvex"),
/// the phrase whose last word the most figures name, preferring a common noun (a word
/// written in lower case somewhere, as "profit" in "Norvex profit") to a name, then the
/// fewest capitalised words, then the shortest: "net profit". At most five words.
pub(crate) fn measure_label(its: &[&Item], figures: &[Figure]) -> String {
    let texts: Vec<Vec<&str>> = its
        .iter()
        .filter_map(|i| figures.get(i.idx))
        .map(|f| [f.concept.trim(), f.about.trim()].into_iter().filter(|t| !t.is_empty()).collect())
        .collect();
    // Each figure's words as lemmas, once; and the words written in lower case somewhere.
    let words = |t: &str| t.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).map(|w| lexicon::lemma(&lexicon::fold(w))).collect::<Vec<String>>();
    // How many figures name each lemma (a figure counted once however often it names it),
    // in one pass: a fact can hold thousands of figures.
    let mut support_of: Map<String, (usize, usize)> = Map::default();
    for (k, ts) in texts.iter().enumerate() {
        for l in ts.iter().flat_map(|t| words(t)) {
            let e = support_of.entry(l).or_insert((0, usize::MAX));
            if e.1 != k {
                *e = (e.0 + 1, k);
            }
        }
    }
    // The words written without a capital somewhere, keyed as `eq_ignore_ascii_case` compares.
    let lower: std::collections::HashSet<String, crate::hash::FnvBuild> = texts
        .iter()
        .flatten()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty() && !w.chars().any(char::is_uppercase))
        .map(str::to_ascii_lowercase)
        .collect();
    type Key = (bool, usize, std::cmp::Reverse<usize>, std::cmp::Reverse<usize>);
    let mut best: Option<(Key, &str)> = None;
    // (A text seen before has the same key, and the first of equal keys wins.)
    let mut seen: std::collections::HashSet<&str, crate::hash::FnvBuild> = Default::default();
    for t in texts.iter().flatten() {
        if !seen.insert(t) {
            continue;
        }
        let Some(w) = t.rsplit(|c: char| !c.is_alphanumeric() && c != '-').find(|w| !w.is_empty()) else { continue };
        let lw = lexicon::lemma(&lexicon::fold(w));
        let support = support_of.get(&lw).map_or(0, |e| e.0);
        let common = lower.contains(&w.to_ascii_lowercase()) && !is_verb_like(w);
        let caps = t.split_whitespace().filter(|x| x.chars().next().is_some_and(char::is_uppercase)).count();
        let key = (common, support, std::cmp::Reverse(caps), std::cmp::Reverse(t.len()));
        if best.as_ref().map_or(true, |(k, _)| key > *k) {
            best = Some((key, t));
        }
    }
    best.map(|(_, t)| lexicon::fold(t).split_whitespace().take(5).collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

/// True for a word that ends a clause rather than names a thing ("won", "rose",
/// "slowed", "said"): the extractor sometimes leaves the verb in a measure's concept
/// ("Renewal Party won").
pub(crate) fn is_verb_like(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    const VERBS: [&str; 22] = [
        "won", "took", "got", "was", "were", "is", "are", "has", "had", "have", "said", "says", "rose", "fell", "grew", "slows", "rises",
        "falls", "grows", "gained", "lost", "put",
    ];
    VERBS.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")) || lexicon::event_table().contains_key(w.as_str())
}

/// The name (a run of capitalised words, "Renewal Party") that the most figures' `about`
/// texts give, when at least two of them give it.
#[inline(never)]
pub(crate) fn most_named<'a>(its: &[&Item], figures: &'a [Figure]) -> Option<&'a str> {
    // Each run: (how many figures give it, when it was first seen).
    let mut counts: Map<&'a str, (usize, usize)> = Map::default();
    for f in its.iter().filter_map(|i| figures.get(i.idx)) {
        let t = f.about.as_str();
        let mut from: Option<usize> = None;
        let mut to = 0;
        let mut pos = 0;
        for w in t.split(' ') {
            let capital = w.len() > 1 && w.chars().next().is_some_and(char::is_uppercase) && !w.contains('\'');
            if capital {
                from.get_or_insert(pos);
                to = pos + w.len();
            }
            if !capital || pos + w.len() >= t.len() {
                if let Some(run) = from.take().and_then(|a| t.get(a..to)) {
                    let order = counts.len();
                    counts.entry(run).or_insert((0, order)).0 += 1;
                }
            }
            pos += w.len() + 1;
        }
    }
    // (Of equal counts and lengths, the run seen last, as a list scanned in order gives.)
    counts.into_iter().filter(|c| c.1 .0 >= 2).max_by_key(|c| (c.1 .0, c.0.len(), c.1 .1)).map(|c| c.0)
}

/// A readable label: "police killed", "troops deployed", "net profit (dollar)".
pub(crate) fn make_label(its: &[&Item], event: Option<&str>, figures: &[Figure]) -> String {
    // The most specific class when the fact joins people with a class of them.
    let first = its.iter().find(|i| matches!(i.concept, Some(Concept::Class(c)) if c != "people")).or(its.first());
    let concept = match first.and_then(|i| i.concept.clone()) {
        Some(Concept::Class(c)) => {
            // The word every source uses, when they all use the same; else the class name.
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for i in its.iter().filter(|i| !i.inferred) {
                if let Some(w) = &i.head_word {
                    *counts.entry(w.clone()).or_default() += 1;
                }
            }
            let total: usize = counts.values().sum();
            match counts.into_iter().max_by_key(|(_, n)| *n) {
                Some((w, n)) if n == total && total >= 1 && lexicon::concept_table().get(lexicon::lemma(&w).as_str()) == Some(&c) => w,
                _ => c.to_string(),
            }
        }
        Some(Concept::Since(e)) => format!("time since {e}"),
        Some(Concept::Head(..)) if its.first().is_some_and(|i| i.dim != "count") => measure_label(its, figures),
        Some(Concept::Head(..)) => {
            // The shortest concept text as written.
            its.iter()
                .filter_map(|i| figures.get(i.idx).map(|f| lexicon::fold(f.concept.trim())))
                .filter(|c| !c.is_empty())
                .min_by_key(|c| c.len())
                .map(|c| c.split_whitespace().take(5).collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        }
        None => String::new(),
    };
    let dim = its.first().map_or("count", |i| i.dim.as_ref());
    // "41 percent of the vote": a share of the vote, not a number of voters; named after
    // the party or candidate most of the figures are about, when they say.
    if dim == "percent" && matches!(first.and_then(|i| i.concept.as_ref()), Some(Concept::Class("voters"))) {
        let mut label = most_named(its, figures).map(|n| n.to_string() + " ").unwrap_or_default();
        label.push_str("share of the vote (percent)");
        return label;
    }
    if dim == "year of age" {
        return "age".to_string();
    }
    if SCALE_UNITS.contains(&dim) {
        // "magnitude", "aftershock magnitude".
        return match its.first().and_then(|i| i.concept.clone()) {
            Some(Concept::Head(h)) if h != "magnitude" => format!("{h} magnitude"),
            _ => "magnitude".to_string(),
        };
    }
    // ("protesters", not "protesters protested": the class says the event)
    let says_event = event == Some("protested") && matches!(first.and_then(|i| i.concept.as_ref()), Some(Concept::Class("protesters")));
    let mut label = match (concept.is_empty(), event) {
        (false, Some(_)) if says_event => concept,
        (false, Some(e)) => format!("{concept} {e}"),
        (false, None) => concept,
        (true, Some(e)) => e.to_string(),
        (true, None) => dim.to_string(),
    };
    if dim != "count" {
        label.push_str(&format!(" ({dim})"));
    }
    label
}

/// The label a reader sees: the fact's label with its scope ("people killed in Texas",
/// "people killed from Egypt", "share of the vote — Erdogan"), "earlier" for a value its
/// sources have replaced, units in words a reader knows ("(%)", "(km²)", "(days)"), and a
/// capital first letter: "People killed in Texas".
pub(crate) fn display(label: &str, its: &[&Item]) -> String {
    use crate::reading::scope::ScopeKind;
    let mut out = label.trim().to_string();
    for (from, to) in [(" (percent)", " (%)"), (" (km2)", " (km²)"), (" (day)", " (days)"), (" (km/h)", " (km/h)"), (" (celsius)", " (°C)"), (" (percentage point)", " (percentage points)")] {
        if let Some(x) = out.strip_suffix(from) {
            out = format!("{x}{to}");
        }
    }
    // The scope most of the figures carry (they share one: scope is part of a fact's key).
    if let Some(sc) = its.iter().find_map(|i| i.scope.as_ref()) {
        let (unit, rest) = match out.rfind(" (") {
            Some(k) if out.ends_with(')') => (out[k..].to_string(), out[..k].to_string()),
            _ => (String::new(), out.clone()),
        };
        out = match sc.kind {
            // The label already names the scope ("Andrej Voss share of the vote"): once.
            _ if names_scope(&rest, sc) => out,
            ScopeKind::Location => format!("{rest} in {}{unit}", sc.label),
            ScopeKind::Origin => format!("{rest} from {}{unit}", sc.label),
            ScopeKind::Foreign => format!("{rest}, foreigners{unit}"),
            ScopeKind::Group => format!("{rest}, {}{unit}", sc.label),
            ScopeKind::Party => format!("{rest} — {}{unit}", sc.label),
        };
    }
    if its.first().is_some_and(|i| i.earlier) {
        out = format!("{out} (earlier value)");
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

/// True when `label` already names scope `sc`: the scope's words, folded, stand in it as a
/// run of whole words ("Andrej Voss share of the vote" names "Andrej Voss"), or its key
/// does ("Corvo deaths" names "Corvo Fire", whose key is "corvo").
pub(crate) fn names_scope(label: &str, sc: &crate::reading::scope::Scope) -> bool {
    let words = |t: &str| -> Vec<String> { lexicon::fold(t).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect() };
    let l = words(label);
    let run_in = |needle: &[String]| !needle.is_empty() && l.windows(needle.len()).any(|w| w == needle);
    run_in(&words(&sc.label)) || (!sc.key.is_empty() && sc.kind != crate::reading::scope::ScopeKind::Foreign && run_in(&words(&sc.key)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::scope::{Scope, ScopeKind};

    fn scope(kind: ScopeKind, label: &str, key: &str) -> Scope {
        Scope { kind, key: key.into(), label: label.into(), entity: None, place: kind != ScopeKind::Party }
    }

    #[test]
    fn a_label_names_its_scope_by_whole_words() {
        let voss = scope(ScopeKind::Party, "Andrej Voss", "andrej voss");
        assert!(names_scope("Andrej Voss share of the vote", &voss));
        assert!(!names_scope("share of the vote", &voss));
        // A word inside another word is not the name.
        let ur = scope(ScopeKind::Location, "Ur", "ur");
        assert!(!names_scope("people hurt", &ur));
        let corvo = scope(ScopeKind::Party, "Corvo Fire", "corvo");
        assert!(names_scope("corvo deaths", &corvo));
        assert!(!names_scope("people killed", &corvo));
        assert!(!names_scope("foreign ministers", &scope(ScopeKind::Foreign, "foreigners", "foreign")));
    }
}
