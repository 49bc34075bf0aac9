//! A shallow parser of one sentence's figure tokens: a coarse part of speech for every
//! token (closed word classes from short lists, open classes from word shape and the
//! neighbours' classes), noun phrases with their head, possessor and modifiers, verb
//! groups, and the subject and object of a verb. The figure stage reads what a measure
//! measures and who owns it from this structure ([`super::concept`]) instead of from lists
//! of phrasings.
//!
//! It is deliberately small: no lexicon of open-class words beyond the verbs the stage
//! already knows (change verbs, reporting verbs, a list of irregular forms). A word's class
//! is decided in two passes: closed classes, numbers, names and word shapes first, then the
//! ambiguous "-ed", "-ing" and "-s" forms and base verbs from their neighbours ("the
//! injured", "rose 5%", "Nokia employs 300", "it plans to", "will cut").

use super::tables::{change_word, superlative_base, tables};
use super::tokens::{Kind, Tok};
use super::words::Words;
use std::cell::Cell;

/// Coarse part of speech of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// the, a, its, these, every
    Det,
    /// A word with the possessive ending ("Nokia's", "the firm's"): the last word of an owner.
    Poss,
    /// Adjectives recognisable by shape (superlatives, comparatives, "-ed"/"-ing" before a noun).
    Adj,
    /// A common noun (any other content word).
    Noun,
    /// A capitalised word inside a sentence, or a word that cannot be a common noun by its shape.
    Name,
    /// A number, in digits or words.
    Num,
    /// A verb (finite, participle or base form after "to" or a modal).
    Verb,
    /// Auxiliaries and modals: be, have, do, will, can ...
    Aux,
    Adv,
    Prep,
    /// and, or, but, nor
    Conj,
    /// Words that open a subordinate clause: which, who, that, while, because ...
    Sub,
    Pron,
    Punct,
}

impl Tag {
    /// May stand inside a noun phrase.
    pub fn in_np(self) -> bool {
        matches!(self, Tag::Det | Tag::Poss | Tag::Adj | Tag::Noun | Tag::Name | Tag::Num)
    }

    /// A content word of a noun phrase.
    pub fn nominal(self) -> bool {
        matches!(self, Tag::Noun | Tag::Name | Tag::Poss | Tag::Adj)
    }
}

/// A noun phrase: tokens `start..end`, its head (the last noun), and the owner before a
/// possessive ending ("Nokia's net sales": owner `Nokia's`, head `sales`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    /// Tokens of the owner, possessive word included.
    pub owner: Option<(usize, usize)>,
}

impl Np {
    /// The phrase without its determiner and owner: "Nokia's net sales" → `net sales`.
    pub fn own_words(&self) -> (usize, usize) {
        (self.owner.map_or(self.start, |o| o.1), self.end)
    }
}

/// The tokens of one sentence with their tags. A token is tagged the first time a rule
/// asks for it (most of a sentence is never looked at: the rules read a few words around
/// each figure), and remembered.
pub struct Parse<'p, 't, 'w> {
    pub text: &'p str,
    pub toks: &'p [Tok<'t>],
    memo: Vec<Cell<Memo>>,
    /// The document's words, for questions about the whole text ([`Words`]).
    words: &'p Words<'w>,
}

/// One token's tags, once known: after the first pass (the word and its neighbours'
/// words) and final (after the second pass, which reads the neighbours' classes).
#[derive(Clone, Copy, Default)]
pub struct Memo {
    first: Option<Tag>,
    fin: Option<Tag>,
}

const DETS: &[&str] = &["the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "every", "each", "no", "any", "another", "such", "both", "all", "some"];
const PREPS: &[&str] = &[
    "of", "in", "on", "at", "for", "from", "to", "by", "with", "without", "into", "onto", "over", "under", "about", "around", "after", "before", "since", "during", "until", "than",
    "per", "via", "among", "amid", "across", "against", "between", "through", "including", "within", "upon", "toward", "towards", "near", "behind", "beside", "beneath", "above",
    "below", "inside", "outside", "along", "throughout", "despite", "except", "like", "versus", "vs", "amongst", "following", "excluding", "ahead", "off", "out", "up", "down",
];
const SUBS: &[&str] = &["which", "who", "whom", "whose", "that", "while", "whilst", "whereas", "although", "though", "because", "if", "when", "where", "whether", "unless", "once", "as", "after", "before", "since", "until"];
const PRONS: &[&str] = &["it", "he", "she", "they", "we", "i", "you", "them", "him", "us", "me", "itself", "themselves", "himself", "herself", "there", "this", "one"];
const AUXS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
    "might", "must", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "won't", "can't", "couldn't", "wouldn't", "didn't", "doesn't", "don't",
];
const ADVS: &[&str] = &[
    "also", "only", "just", "still", "even", "then", "now", "again", "already", "ago", "later", "earlier", "very", "too", "never", "ever", "not", "nearly", "almost",
    "approximately", "roughly", "reportedly", "further", "meanwhile", "however", "yet", "so", "more", "most", "less", "least", "about", "around", "some", "over", "under",
    "nevertheless", "instead", "overall", "well", "barely", "scarcely", "soon", "once", "twice", "here", "today", "yesterday", "tomorrow", "tonight", "overnight", "far",
    "up", "down", "back", "away", "apart", "respectively", "maybe", "perhaps", "probably", "possibly",
];
/// Verbs whose forms the shape rules miss: irregular past forms and common base or "-s"
/// forms that news writes before a figure.
const VERBS: &[&str] = &[
    "said", "says", "say", "told", "got", "get", "gets", "went", "go", "goes", "came", "come", "comes", "made", "make", "makes", "took", "take", "takes", "saw", "see",
    "sees", "left", "remain", "remained", "remains", "reached", "reach", "reaches", "hit", "hits", "totaled", "totalled", "totals", "won", "wins", "win", "sold", "sells",
    "bought", "buys", "spent", "spends", "paid", "pays", "built", "builds", "gave", "gives", "kept", "keeps", "held", "holds", "led", "leads", "brought", "brings",
    "sent", "sends", "ran", "runs", "beat", "beats", "drew", "draws", "found", "finds", "became", "becomes", "employs", "owns", "hosts", "serves", "includes",
    "contains", "lost", "loses", "needs", "uses", "wrote", "writes", "sank", "shot", "struck", "caught", "fought", "spoke", "began", "stood", "stands", "sat",
    "drove", "flew", "threw", "knew", "thought", "sought", "felt", "meant", "means", "heard", "fled", "met", "chose", "grew", "broke", "shows", "show", "expects",
    "expect", "plans", "plan", "wants", "want", "offers", "costs", "cost", "became", "seems", "seem", "looks", "stays", "stay", "puts", "put", "sets", "set",
    "estimates", "estimate", "forecasts", "predicts", "predict", "reports", "report", "announces", "announce", "ended", "ends", "end", "closed", "closes",
    "finished", "finishes", "opened", "opens", "traded", "trades", "topped", "tops", "exceeded", "exceeds", "passed", "passes", "surpassed", "neared", "nears",
    "averaged", "averages", "posted", "posts", "recorded", "records", "registered", "delivered", "delivers", "produced", "produces", "generated", "generates",
    "earned", "earns", "raised", "raises", "cut", "cuts", "slashed", "kept", "let", "lets", "amounted", "amounts", "represents", "represented", "accounts",
    "accounted", "equals", "equalled", "equaled", "measured", "measures", "weighs", "weighed", "lasted", "lasts", "covers", "covered", "stretches", "stretched",
];
/// Nouns that end like a verb form.
const NOT_VERBS: &[&str] = &[
    "need", "seed", "feed", "speed", "bed", "red", "hundred", "thing", "king", "ring", "spring", "string", "wing", "ceiling", "morning", "evening", "building",
    "funding", "spending", "housing", "meeting", "earnings", "savings", "holdings", "offering", "listing", "training", "rating", "ratings", "shipping", "lending",
    "trading", "pricing", "borrowing", "pudding", "wedding", "bedding", "clothing", "heating", "landing", "outing", "hearing", "warning", "beginning", "setting",
    "feeling", "painting", "railing", "marketing", "polling", "opening", "takings", "dealings", "findings", "filings", "proceedings", "surroundings", "winnings",
    "news", "series", "species", "sales", "shares", "costs", "prices", "rates",
];

/// The word lists, by index into one table read the first time (word -> bit per list).
const ALL: [&[&str]; 8] = [DETS, PREPS, SUBS, PRONS, AUXS, ADVS, VERBS, NOT_VERBS];
#[derive(Clone, Copy)]
enum List {
    Dets,
    Preps,
    Subs,
    Prons,
    Auxs,
    Advs,
    Verbs,
    NotVerbs,
}

/// The lists `w` is in, one bit per [`List`] (one hash lookup for all of them).
fn lists(w: &str) -> Lists {
    static LISTS: std::sync::OnceLock<super::tables::HashMap<&'static str, u8>> = std::sync::OnceLock::new();
    let table = LISTS.get_or_init(|| {
        let mut m = super::tables::HashMap::default();
        for (i, l) in ALL.iter().enumerate() {
            for &x in l.iter() {
                *m.entry(x).or_insert(0u8) |= 1 << i;
            }
        }
        m
    });
    Lists(table.get(w).copied().unwrap_or(0))
}

/// The word lists one word is in.
#[derive(Clone, Copy)]
struct Lists(u8);

impl Lists {
    fn has(self, l: List) -> bool {
        self.0 & (1 << l as u8) != 0
    }
}

impl<'p, 't, 'w> Parse<'p, 't, 'w> {
    /// The parse of one sentence (its tokens are tagged when first asked for).
    /// (For tests: the text's word index is built for the parse and kept.)
    #[cfg(test)]
    pub fn new(text: &'p str, toks: &'p [Tok<'t>]) -> Parse<'p, 't, 'p> {
        let words: &'p Words<'p> = Box::leak(Box::new(Words::new(text)));
        Parse::reusing(text, toks, Vec::new(), words)
    }

    /// [`Parse::new`] in the memory of an earlier parse (see [`Parse::into_memo`]), with
    /// the document's word index `words`.
    pub fn reusing(text: &'p str, toks: &'p [Tok<'t>], mut memo: Vec<Cell<Memo>>, words: &'p Words<'w>) -> Parse<'p, 't, 'w> {
        memo.clear();
        memo.resize(toks.len(), Cell::new(Memo::default()));
        Parse { text, toks, memo, words }
    }

    /// The tags found so far, to go on with the same sentence later
    /// ([`Parse::resume`]) or to be reused for another ([`Parse::reusing`]).
    pub fn into_memo(self) -> Vec<Cell<Memo>> {
        self.memo
    }

    /// The parse of the same sentence with the tags found so far.
    pub fn resume(text: &'p str, toks: &'p [Tok<'t>], memo: Vec<Cell<Memo>>, words: &'p Words<'w>) -> Parse<'p, 't, 'w> {
        if memo.len() == toks.len() {
            Parse { text, toks, memo, words }
        } else {
            Parse::reusing(text, toks, memo, words)
        }
    }

    /// The class of token `k` after the first pass: closed classes, numbers, names and
    /// shapes, from the word and its neighbours' words.
    fn first(&self, k: usize) -> Option<Tag> {
        let m = self.memo.get(k)?;
        let mut x = m.get();
        if x.first.is_none() {
            x.first = Some(first_pass(self.text, self.toks, k, self.toks.get(k)?, self.words));
            m.set(x);
        }
        x.first
    }

    /// The class of token `k`. A word that the first pass leaves a common noun is read
    /// again from its neighbours' classes (the final class of the word before, the first
    /// class of the word after): a run of such words is resolved from its start.
    pub fn tag(&self, k: usize) -> Option<Tag> {
        let m = self.memo.get(k)?;
        if let Some(t) = m.get().fin {
            return Some(t);
        }
        let f = self.first(k)?;
        if f != Tag::Noun {
            m.set(Memo { fin: Some(f), ..m.get() });
            return Some(f);
        }
        let undecided = |j: usize| self.memo.get(j).is_some_and(|m| m.get().fin.is_none()) && self.first(j) == Some(Tag::Noun);
        let mut j = k;
        while j > 0 && undecided(j - 1) {
            j -= 1;
        }
        for i in j..=k {
            let f = self.first(i)?;
            let t = if f == Tag::Noun { second_pass(self, i) } else { f };
            if let Some(m) = self.memo.get(i) {
                m.set(Memo { fin: Some(t), ..m.get() });
            }
        }
        self.memo.get(k)?.get().fin
    }

    fn low(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| t.low.as_ref())
    }

    /// True when token `k` is a possessive apostrophe glued to a plural ("workers' pay").
    fn plural_poss_mark(&self, k: usize) -> bool {
        let (Some(t), Some(p)) = (self.toks.get(k), k.checked_sub(1).and_then(|j| self.toks.get(j))) else { return false };
        matches!(t.low.as_ref(), "'" | "’") && p.e == t.s && p.low.ends_with('s') && self.toks.get(k + 1).is_some_and(|n| n.kind == Kind::Word && n.s > t.e)
    }

    /// Whether token `k` can stand inside a noun phrase.
    fn np_tok(&self, k: usize) -> bool {
        self.tag(k).is_some_and(Tag::in_np) || self.plural_poss_mark(k) || self.compound_hyphen(k)
    }

    /// A hyphen glued between a number and a word: "its 86,000-strong workforce".
    fn compound_hyphen(&self, k: usize) -> bool {
        let (Some(h), Some(p), Some(n)) = (self.toks.get(k), k.checked_sub(1).and_then(|j| self.toks.get(j)), self.toks.get(k + 1)) else { return false };
        h.low == "-" && p.kind == Kind::Num && p.e == h.s && h.e == n.s && n.kind == Kind::Word
    }

    /// The noun phrase that ends with token `k` (inclusive), read backwards; None when `k`
    /// is not a noun or name.
    pub fn np_ending_at(&self, k: usize) -> Option<Np> {
        if !matches!(self.tag(k)?, Tag::Noun | Tag::Name) {
            return None;
        }
        let mut a = k;
        while a > 0 && k - a < 8 && self.np_tok(a - 1) {
            // a number inside a phrase only as a modifier right before a word ("2018 sales"),
            // never a figure of its own with a determiner before it
            // ("MacBook Pro 16": a model number after a name is part of it)
            if self.tag(a - 1) == Some(Tag::Num) && !(a >= 2 && matches!(self.tag(a - 2), Some(Tag::Det | Tag::Poss | Tag::Name))) && self.toks.get(a - 1).is_some_and(|t| t.kind == Kind::Num) {
                break;
            }
            a -= 1;
            // a determiner opens the phrase: "in the province the earthquake" is two
            if self.tag(a) == Some(Tag::Det) {
                break;
            }
        }
        Some(self.np_from(a, k + 1))
    }

    /// The noun phrase starting at token `j` (determiners included), read forwards.
    pub fn np_starting_at(&self, j: usize) -> Option<Np> {
        self.np_within(j, self.toks.len())
    }

    /// [`Parse::np_starting_at`], ending before token `limit`.
    pub fn np_within(&self, j: usize, limit: usize) -> Option<Np> {
        let mut k = j;
        while k < limit.min(self.toks.len()) && k - j < 10 && self.np_tok(k) {
            // a second determiner starts another phrase
            if k > j && self.tag(k) == Some(Tag::Det) {
                break;
            }
            k += 1;
        }
        // end on the last noun or name
        while k > j && !matches!(self.tag(k - 1), Some(Tag::Noun | Tag::Name)) {
            k -= 1;
        }
        (k > j).then(|| self.np_from(j, k))
    }

    fn np_from(&self, a: usize, b: usize) -> Np {
        let owner = (a..b).rev().find(|&i| self.tag(i) == Some(Tag::Poss) && i + 1 < b || self.plural_poss_mark(i) && i + 1 < b).map(|i| (a, i + 1));
        let head = (a..b).rev().find(|&i| matches!(self.tag(i), Some(Tag::Noun | Tag::Name))).unwrap_or(b.saturating_sub(1));
        Np { start: a, end: b, head, owner }
    }

    /// The verb group that ends right before token `k` (auxiliaries, verbs, adverbs,
    /// "to", particles): its first token and its last verb, or None.
    pub fn verb_group_before(&self, k: usize) -> Option<(usize, usize)> {
        let mut a = k;
        let mut last_verb = None;
        while a > 0 {
            let t = self.tag(a - 1)?;
            let w = self.low(a - 1);
            let ok = matches!(t, Tag::Verb | Tag::Aux | Tag::Adv) || w == "to" && last_verb.is_some() || w == "not";
            if !ok {
                break;
            }
            if matches!(t, Tag::Verb | Tag::Aux) && last_verb.is_none() {
                last_verb = Some(a - 1);
            }
            a -= 1;
        }
        // (leading adverbs are not part of it)
        while a < k && self.tag(a) == Some(Tag::Adv) {
            a += 1;
        }
        last_verb.map(|v| (a, v))
    }

    /// The nearest verb before token `k` in its clause: (first token of its group, the verb).
    /// Prepositions, noun phrases and adverbs may stand between them ("rose 5%", "cut its
    /// rate to 5%", "stood at 6%"); a clause boundary, another number or a second verb
    /// group stops the search.
    pub fn governing_verb(&self, k: usize) -> Option<(usize, usize)> {
        let lo = k.saturating_sub(14);
        let mut j = k;
        while j > lo {
            let t = self.tag(j - 1)?;
            match t {
                Tag::Verb | Tag::Aux => {
                    let (a, _) = self.verb_group_before(j)?;
                    return Some((a, j - 1));
                }
                // "lowered the rate by 25 points, to 5%"
                Tag::Punct if self.low(j - 1) == "," && self.low(j) == "to" && k <= j + 3 => j -= 1,
                Tag::Punct | Tag::Sub | Tag::Conj => return None,
                // "cut its rate by 0.25 points to 5%", "from 5.25% to 5%": the amount of
                // the change before "to" stands between the level and its verb
                Tag::Num if j < k => match self.change_amount_before(j - 1, k) {
                    Some(b) if b > lo => j = b,
                    _ => return None,
                },
                _ => j -= 1,
            }
        }
        None
    }

    /// For a number at token `n` before token `k`: when it is the amount or start of a
    /// change ("by 0.25 percentage points", "from 5.25%") and "to" follows it before `k`,
    /// the token of its "by" or "from" (where a search for the verb of `k` goes on).
    fn change_amount_before(&self, n: usize, k: usize) -> Option<usize> {
        let mut b = n;
        while b > 0 && matches!(self.tag(b - 1), Some(Tag::Num | Tag::Adv)) {
            b -= 1;
        }
        let prep = b.checked_sub(1)?;
        let to = (n + 1..k).any(|t| self.low(t) == "to") && (n + 1..k).all(|t| !matches!(self.tag(t), Some(Tag::Verb | Tag::Aux | Tag::Sub | Tag::Conj | Tag::Num)));
        (matches!(self.low(prep), "by" | "from") && to).then_some(prep)
    }

    /// The subject of the verb group starting at token `v`: the noun phrase before it, with
    /// its prepositional modifiers ("the number of people in Torvik"), past an apposition
    /// set off by commas ("Nokia, the Finnish firm, said"); a pronoun subject of a
    /// complement clause takes the subject of the verb before it ("the company said it would
    /// cut"). None for a subject the sentence does not name.
    pub fn subject_of(&self, v: usize) -> Option<Np> {
        self.subject_at(v, 2)
    }

    /// The subject of the clause whose verb group starts at `v`; a participle clause
    /// ("..., cutting 300 jobs", "having risen 5%") has the subject of the verb before it,
    /// across the comma that sets it off. Also says whether the group is such a participle.
    pub fn clause_subject(&self, v: usize) -> (Option<Np>, bool) {
        if !self.toks.get(v).is_some_and(|t| t.low.ends_with("ing")) {
            return (self.subject_of(v), false);
        }
        let j = if v > 0 && self.low(v - 1) == "," { v - 1 } else { v };
        let mut a = self.governing_verb(j).map(|(a, _)| a);
        // an infinitive before it has no subject of its own: "used the lull to train,
        // cutting 3 kg" climbs to "used"
        for _ in 0..2 {
            match a {
                Some(x) if self.low(x) == "to" => a = self.governing_verb(x).map(|(a, _)| a),
                _ => break,
            }
        }
        (a.and_then(|a| self.subject_of(a)), true)
    }

    fn subject_at(&self, v: usize, depth: u8) -> Option<Np> {
        let mut k = v;
        // "the mill also said": adverbs between the subject and its verb
        while k > 0 && self.tag(k - 1) == Some(Tag::Adv) && v - k < 3 {
            k -= 1;
        }
        // "Velmar Corp (VLM.O) rose": a short bracket after the subject (a ticker, an
        // abbreviation) belongs to it; the subject is the phrase before the bracket
        if k >= 2 && self.low(k - 1) == ")" {
            let open = (k.saturating_sub(7)..k - 1).rev().find(|&i| matches!(self.low(i), "(" | ")"));
            if let Some(o) = open.filter(|&o| o > 0 && self.low(o) == "(" && (o + 1..k - 1).all(|i| !matches!(self.tag(i), Some(Tag::Verb | Tag::Aux)))) {
                k = o;
            }
        }
        let prev = self.tag(k.checked_sub(1)?)?;
        // "the phone weighs 180 grams and costs $799": a verb joined to the one before it
        // by "and" / "or" / "but" shares its subject
        if prev == Tag::Conj && depth > 0 {
            let lo = k.saturating_sub(16);
            let mut j = k - 1;
            if j > 0 && self.low(j - 1) == "," {
                j -= 1;
            }
            while j > lo {
                match self.tag(j - 1) {
                    Some(Tag::Verb | Tag::Aux) => {
                        let (a, _) = self.verb_group_before(j)?;
                        return self.subject_at(a, depth - 1);
                    }
                    Some(Tag::Punct | Tag::Sub | Tag::Conj) | None => return None,
                    _ => j -= 1,
                }
            }
            return None;
        }
        // "the current through it was": a pronoun after a preposition modifies the noun before
        if prev == Tag::Pron && k >= 3 && self.tag(k - 2) == Some(Tag::Prep) {
            return self.np_ending_at(k - 3).map(|x| Np { end: k - 1, ..self.extend_back(x) });
        }
        if prev == Tag::Pron {
            let w = self.low(k - 1);
            if depth > 0 && matches!(w, "it" | "they" | "he" | "she") {
                // "X said it would": the subject of the verb before the pronoun
                let mut j = k - 1;
                if j > 0 && self.low(j - 1) == "that" {
                    j -= 1;
                }
                if j > 0 && matches!(self.tag(j - 1), Some(Tag::Verb | Tag::Aux)) {
                    let (a, _) = self.verb_group_before(j)?;
                    return self.subject_at(a, depth - 1);
                }
                // "Varga runs a farm, where she keeps 40 goats": a person's pronoun in a
                // later clause is the sentence's subject when that is a name
                if matches!(w, "he" | "she") {
                    let first_verb = (0..j).find(|&i| matches!(self.tag(i), Some(Tag::Verb | Tag::Aux)))?;
                    let (a, _) = self.verb_group_before(first_verb + 1)?;
                    let capitalised = |k: usize| self.toks.get(k).and_then(|t| self.text.get(t.s..t.e)).is_some_and(|x| x.starts_with(char::is_uppercase));
                    return self.subject_at(a, 0).filter(|s| capitalised(s.head) && (0..s.start).all(|i| !matches!(self.tag(i), Some(Tag::Noun | Tag::Name | Tag::Verb | Tag::Aux))));
                }
                // "... sent the shares surging and they were up 5pc": "they" in a later clause
                // stands for the nearest plural common noun before it ("it" is too often
                // the situation itself: "it would save $5m")
                if w == "they" {
                    return self.antecedent(j, true);
                }
            }
            return None;
        }
        if prev == Tag::Sub && matches!(self.low(k - 1), "which" | "who" | "that") {
            // "the fund, which fell 5%": the noun phrase before the relative pronoun
            let mut j = k - 1;
            if j > 0 && self.low(j - 1) == "," {
                j -= 1;
            }
            let np = self.np_ending_at(j.checked_sub(1)?)?;
            // "the bonus for the chairman, Ivo Sand, which was worth": "which" passes over
            // a person's name set off by commas to the thing before it
            if self.low(k - 1) == "which" && self.tag(np.head) == Some(Tag::Name) && np.start >= 2 && self.low(np.start - 1) == "," {
                if let Some(x) = self.np_ending_at(np.start - 2) {
                    return Some(self.extend_back(x));
                }
            }
            return Some(np);
        }
        // an apposition right before the verb: "Nokia, the Finnish firm, said"
        let mut end = k;
        if self.low(end - 1) == "," {
            end -= 1;
            // a relative clause ("the alloy, which is made of tin, reached") or an age
            // ("Varga, 66, has") set off by commas: the phrase before it
            let lo = end.saturating_sub(16);
            if let Some(c) = (lo..end).rev().find(|&i| self.low(i) == "," && (matches!(self.low(i + 1), "which" | "who" | "whose") || self.tag(i + 1) == Some(Tag::Num) && i + 2 == end)) {
                if (c + 1..end).all(|i| !matches!(self.low(i), ";" | ":" | "(" | ")")) {
                    end = c;
                }
            }
        }
        let np = self.np_ending_at(end.checked_sub(1)?)?;
        let mut np = self.extend_back(np);
        // "the reactor that powered the ship produced": the object of a relative clause
        // without commas is not the subject; the phrase the clause modifies is (unless its
        // verb reports what follows: "the survey that found prices rose")
        if end == k {
            if let Some(outer) = self.relative_head(np.start) {
                np = outer;
            }
        }
        if end < k && np.start >= 2 && self.low(np.start - 1) == "," {
            if let Some(first) = self.np_ending_at(np.start - 2).map(|x| self.extend_back(x)) {
                np = Np { end: np.end, ..first };
            }
        }
        Some(np)
    }

    /// The noun phrase a pronoun at token `j` stands for: the nearest common noun before it
    /// in the sentence, in a clause of its own (a conjunction, a subordinator or a comma
    /// stands between them), plural or singular as the pronoun.
    fn antecedent(&self, j: usize, plural: bool) -> Option<Np> {
        let lo = j.saturating_sub(24);
        let boundary = (lo..j).rev().find(|&i| matches!(self.tag(i), Some(Tag::Conj | Tag::Sub)) || self.low(i) == ",")?;
        (lo..boundary).rev().find_map(|i| {
            let t = self.toks.get(i)?;
            let ok = self.tag(i) == Some(Tag::Noun) && t.low.len() > 2 && super::context::is_plural(&t.low) == plural && !super::tables::is_stopword(&t.low) && !super::context::is_noise_word(&t.low);
            // (the head of its phrase: the next word does not continue it)
            let head = !matches!(self.tag(i + 1), Some(Tag::Noun | Tag::Name));
            if ok && head {
                self.np_ending_at(i)
            } else {
                None
            }
        })
    }

    /// For an object starting at token `a` inside a relative clause ("that powered |the
    /// ship"), the phrase the clause modifies, read back past the relative pronoun.
    fn relative_head(&self, a: usize) -> Option<Np> {
        if a == 0 || self.tag(a - 1) != Some(Tag::Verb) {
            return None;
        }
        let (g, v) = self.verb_group_before(a)?;
        let verb = self.low(v);
        if super::tables::tables().reporting.contains(verb) || matches!(verb, "showed" | "shows" | "found" | "finds" | "suggests" | "suggested" | "means" | "meant") {
            return None;
        }
        let rel = g.checked_sub(1)?;
        if !matches!(self.low(rel), "that" | "which" | "who") || rel == 0 || !matches!(self.tag(rel - 1), Some(Tag::Noun | Tag::Name)) {
            return None;
        }
        self.np_ending_at(rel - 1).map(|x| self.extend_back(x))
    }

    /// A noun phrase with the phrases it modifies: "the number of people in Torvik" read
    /// back from "Torvik" starts at "the number"; a place set off after a place ("Torvik,
    /// Marendia") belongs to it. Returns the leftmost phrase with `end` widened.
    pub fn extend_back(&self, np: Np) -> Np {
        let mut cur = np;
        let end = np.end;
        for _ in 0..4 {
            let s = cur.start;
            if s < 2 {
                break;
            }
            let w = self.low(s - 1);
            let prep = matches!(w, "of" | "in" | "at" | "for" | "on" | "from" | "to" | "across" | "near" | "over" | "among" | "between" | "outside" | "inside" | "within" | "into");
            // "Torvik, Marendia": a name after a name and a comma
            let place = w == "," && self.tag(s) == Some(Tag::Name) && self.tag(s - 2) == Some(Tag::Name);
            if !(prep || place) {
                break;
            }
            match self.np_ending_at(s - 2) {
                Some(x) => cur = x,
                None => break,
            }
        }
        Np { end, ..cur }
    }

    /// The object of the verb `v` before token `k`: the noun phrase right after the verb
    /// ("cut its key rate to 5%", "raised prices by 4%"), if it ends before `k`.
    pub fn object_between(&self, v: usize, k: usize) -> Option<Np> {
        let j = v + 1;
        if j >= k || !self.np_tok(j) {
            return None;
        }
        self.np_within(j, k)
    }

    /// Words of tokens `a..b` that are common nouns or adjectives, as written: what a
    /// concept may hold (no names, numbers, verbs, adverbs or function words).
    pub fn common_words(&self, a: usize, b: usize) -> Vec<(usize, &'p str)> {
        (a..b.min(self.toks.len()))
            .filter(|&i| matches!(self.tag(i), Some(Tag::Noun | Tag::Adj)) && self.toks[i].low.len() > 1 && !super::context::is_noise_word(&self.toks[i].low))
            .filter_map(|i| self.text.get(self.toks[i].s..self.toks[i].e).map(|w| (i, w)))
            .collect()
    }
}

/// The class of token `k` from the word itself (and its position for names).
fn first_pass(text: &str, toks: &[Tok], k: usize, t: &Tok, words: &Words) -> Tag {
    match t.kind {
        Kind::Num => return Tag::Num,
        // "a 4% rise": the sign is part of the number
        Kind::Punct if t.low == "%" && k > 0 && toks.get(k - 1).is_some_and(|p| p.kind == Kind::Num) => return Tag::Num,
        Kind::Punct => return Tag::Punct,
        Kind::Word => {}
    }
    let w = t.low.as_ref();
    let l = lists(w);
    let next_num = toks.get(k + 1).is_some_and(|n| n.kind == Kind::Num || tables().word(&n.low).is_some());
    if w.ends_with("'s") && w.len() > 2 {
        return Tag::Poss;
    }
    // qualifiers before a number: "about 300", "over 5%", "up to 40"
    if next_num && matches!(w, "about" | "around" | "over" | "under" | "some" | "nearly" | "almost" | "roughly" | "approximately" | "above" | "below" | "up" | "just") {
        return Tag::Adv;
    }
    if l.has(List::Auxs) {
        return Tag::Aux;
    }
    if l.has(List::Dets) && !(w == "this" && !toks.get(k + 1).is_some_and(|n| n.kind == Kind::Word)) {
        return Tag::Det;
    }
    if l.has(List::Subs) && !matches!(w, "after" | "before" | "since" | "until") {
        return Tag::Sub;
    }
    if l.has(List::Preps) {
        return Tag::Prep;
    }
    if matches!(w, "and" | "or" | "but" | "nor" | "&") {
        return Tag::Conj;
    }
    if l.has(List::Prons) {
        return Tag::Pron;
    }
    // "Rico Back", "Ana Little": a capitalised adverb after a capitalised word ends a name
    if l.has(List::Advs) && k > 0 && text.get(t.s..t.e).is_some_and(|x| x.starts_with(char::is_uppercase)) {
        let p = &toks[k - 1];
        if p.kind == Kind::Word && text.get(p.s..p.e).is_some_and(|x| x.starts_with(char::is_uppercase)) {
            return Tag::Name;
        }
    }
    if l.has(List::Advs) || is_ly_adverb(text, t) || is_period_on_period(w) {
        return Tag::Adv;
    }
    if tables().word(super::numbers::before_hyphen(w)).is_some() && !w.contains('-') {
        return Tag::Num;
    }
    if superlative_base(w).is_some() || matches!(w, "higher" | "lower" | "fewer" | "larger" | "smaller" | "bigger" | "greater") {
        return Tag::Adj;
    }
    // "portable", "affordable", "visible": adjectives by their ending
    if w.len() > 6 && (w.ends_with("able") || w.ends_with("ible")) && !matches!(w, "vegetable" | "timetable" | "constable" | "turntable" | "collectible" | "convertible" | "variable" | "receivable" | "payable" | "deductible") {
        return Tag::Adj;
    }
    let raw = text.get(t.s..t.e).unwrap_or("");
    if !raw.starts_with(|c: char| c.is_uppercase()) {
        return Tag::Noun;
    }
    let cap_word = |j: usize| toks.get(j).filter(|x| x.kind == Kind::Word).and_then(|x| text.get(x.s..x.e)).is_some_and(|x| x.starts_with(|c: char| c.is_uppercase()));
    let (prev_cap, next_cap) = (k > 0 && cap_word(k - 1), cap_word(k + 1));
    if prev_cap {
        // a name's last word that the story also writes in lower case is its common head
        // ("the Corvo Fire" beside "the fire")
        return if !next_cap && words.written(w) { Tag::Noun } else { Tag::Name };
    }
    let sentence_start = k == 0 || toks.get(k - 1).is_some_and(|p| matches!(p.low.as_ref(), "\"" | "“" | "‘" | "'" | "(" | "—" | "–" | ":"));
    let inner_cap = raw.chars().skip(1).any(|c| c.is_uppercase());
    if !sentence_start || inner_cap || next_cap || tables().demonyms.contains(w) || words.named_elsewhere(raw) {
        return Tag::Name;
    }
    Tag::Noun
}

/// A comparison of one period with another, an adverb: "fell 20% year-on-year",
/// "rose 3% month-over-month", "down 5% quarter-on-quarter", "up 8% year-to-date".
fn is_period_on_period(w: &str) -> bool {
    let period = |x: &str| matches!(x, "year" | "month" | "quarter" | "week" | "day" | "date");
    let mut parts = w.split('-');
    matches!((parts.next(), parts.next(), parts.next(), parts.next()), (Some(a), Some("on" | "over" | "to"), Some(b), None) if period(a) && period(b))
}

/// An adverb in "-ly" ("officially", "nearly"), not a noun ("family", "supply", "Italy").
fn is_ly_adverb(text: &str, t: &Tok) -> bool {
    let w = t.low.as_ref();
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(w, "family" | "supply" | "assembly" | "rally" | "ally" | "anomaly" | "monopoly" | "reply" | "belly" | "jelly" | "bully" | "july" | "italy" | "butterfly" | "lily" | "holly" | "homily" | "quarterly" | "weekly" | "monthly" | "daily" | "yearly" | "elderly")
        && text.get(t.s..t.e).is_some_and(|x| x.starts_with(|c: char| c.is_lowercase()))
}

/// The class of a word tagged `Noun` by the first pass, from its shape and neighbours.
fn second_pass(p: &Parse, k: usize) -> Tag {
    let toks = p.toks;
    let Some(t) = toks.get(k) else { return Tag::Noun };
    let w = t.low.as_ref();
    let prev = k.checked_sub(1).and_then(|j| p.tag(j));
    // "was trading", "is building": a progressive form
    if w.ends_with("ing") && prev == Some(Tag::Aux) && k > 0 && matches!(toks[k - 1].low.as_ref(), "is" | "are" | "was" | "were" | "be" | "been" | "am") {
        return Tag::Verb;
    }
    // after a modal always a verb: "would need to add"
    if k > 0 && matches!(toks[k - 1].low.as_ref(), "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must") {
        return Tag::Verb;
    }
    let prev_w = k.checked_sub(1).and_then(|j| toks.get(j)).map_or("", |p| p.low.as_ref());
    // (the word after by its first class only: it is read after this one)
    let next = p.first(k + 1);
    // "the kettle holds 2 litres and costs $40": an "-s" form after "and" / "or" / "but",
    // before a determiner, a number or a currency sign, is a second verb of the clause
    let currency_next = toks.get(k + 1).is_some_and(|n| matches!(n.low.as_ref(), "$" | "€" | "£" | "¥"));
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && matches!(prev_w, "and" | "or" | "but") && (currency_next || matches!(next, Some(Tag::Det | Tag::Num | Tag::Poss))) {
        return Tag::Verb;
    }
    let l = lists(w);
    if l.has(List::NotVerbs) {
        return Tag::Noun;
    }
    // (a number and its unit before: "a 2pc decline")
    let nominal_before = matches!(prev, Some(Tag::Det | Tag::Poss | Tag::Adj | Tag::Num)) || k >= 2 && toks.get(k - 2).is_some_and(|x| x.kind == Kind::Num) && toks.get(k - 1).is_some_and(|x| x.kind == Kind::Word);
    if l.has(List::Verbs) {
        // "the early estimate is $3bn", "loss estimates ranged from": a word of the list
        // right before an auxiliary or a past form is the subject's head, a noun (a verb
        // is never followed by another finite verb)
        let next_w = toks.get(k + 1).map_or("", |n| n.low.as_ref());
        // ("reports increased sales": a past form before a noun is a modifier)
        let after_next = p.first(k + 2);
        let past_next = next_w.len() >= 4 && next_w.ends_with("ed") && !lists(next_w).has(List::NotVerbs) && matches!(after_next, Some(Tag::Prep | Tag::Num | Tag::Adv | Tag::Punct));
        let subject_like = matches!(prev, Some(Tag::Det | Tag::Poss | Tag::Adj | Tag::Noun | Tag::Name | Tag::Adv));
        if subject_like && (next == Some(Tag::Aux) && !matches!(next_w, "to") || past_next) {
            return Tag::Noun;
        }
        // (before a determiner always a verb: "$1 million stay an average of 70 days")
        return if nominal_before && !matches!(next, Some(Tag::Det | Tag::Poss | Tag::Pron)) { Tag::Noun } else { Tag::Verb };
    }
    let next_content = matches!(next, Some(Tag::Noun | Tag::Name));
    // after "to" or a modal: a base form ("to cut", "will rise"), when it reads as a verb
    if matches!(prev_w, "will" | "would" | "can" | "could" | "may" | "might" | "should" | "must" | "did" | "does" | "do" | "not" | "to") {
        // (after a modal always a verb: "will build new turbines")
        let verb_like = prev_w != "to"
            || change_word(w).is_some()
            || tables().reporting.contains(w)
            || matches!(next, Some(Tag::Det | Tag::Num | Tag::Pron | Tag::Poss | Tag::Adv))
            || next_content;
        if verb_like && (prev_w != "to" || !super::context::is_plural(w)) {
            return Tag::Verb;
        }
    }
    // a change word: a verb unless a determiner or number makes it a noun ("a 5% rise")
    if change_word(w).is_some() && !matches!(w, "up" | "down" | "higher" | "lower" | "upward" | "upwards" | "downward" | "downwards") {
        // ("a pay rise was agreed": before a verb it is the subject)
        return if nominal_before || prev == Some(Tag::Prep) || matches!(next, Some(Tag::Aux | Tag::Verb)) { Tag::Noun } else { Tag::Verb };
    }
    if w.len() >= 4 && w.ends_with("ed") {
        // "the injured", "increased costs": a participle as modifier
        if nominal_before || prev == Some(Tag::Prep) || next_content && !matches!(prev, Some(Tag::Noun | Tag::Name | Tag::Pron)) {
            return Tag::Adj;
        }
        return Tag::Verb;
    }
    if w.len() > 5 && w.ends_with("ing") {
        // "raising the prospect": a participle with its object
        if matches!(next, Some(Tag::Det | Tag::Poss | Tag::Num)) {
            return Tag::Verb;
        }
        // "a 650 C melting point": after an article, a number and its unit, a modifier
        // (a determiner is a first-pass class)
        let number_at = |j: usize| toks.get(j).is_some_and(|x| x.kind == Kind::Num) && j > 0 && p.first(j - 1) == Some(Tag::Det);
        let after_number = k >= 2 && number_at(k - 2) || k >= 1 && number_at(k - 1);
        if after_number && next_content {
            return Tag::Adj;
        }
        if prev == Some(Tag::Aux) || matches!(prev, Some(Tag::Punct)) && prev_w == "," || matches!(prev, Some(Tag::Noun | Tag::Name | Tag::Pron)) && !matches!(next, Some(Tag::Verb | Tag::Aux)) {
            return Tag::Verb;
        }
        return if next_content { Tag::Adj } else { Tag::Noun };
    }
    if tables().reporting.contains(w) && !nominal_before {
        return Tag::Verb;
    }
    // "has been forecast", "was set": a participle after an auxiliary
    if prev == Some(Tag::Aux) && !super::context::is_plural(w) && !matches!(next, Some(Tag::Noun | Tag::Name | Tag::Adj)) {
        return Tag::Verb;
    }
    // "a plume that extends", "the firm, which employs": a verb form right after a
    // relative pronoun that follows a noun
    let relative = matches!(prev_w, "which" | "who" | "that") && k >= 2 && (matches!(p.tag(k - 2), Some(Tag::Noun | Tag::Name)) || toks[k - 2].low == ",");
    if relative && (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") || w.len() > 4 && w.ends_with("ed")) && !matches!(next, Some(Tag::Aux | Tag::Verb)) {
        return Tag::Verb;
    }
    // "it plans", "they expect": after a subject pronoun
    if prev == Some(Tag::Pron) && matches!(prev_w, "it" | "he" | "she" | "they" | "we" | "i" | "you") {
        return Tag::Verb;
    }
    // "a tremor shook the valley": a word between a noun and a determiner is a verb
    if matches!(prev, Some(Tag::Name | Tag::Noun)) && (matches!(next, Some(Tag::Det | Tag::Poss)) || next == Some(Tag::Num) && !super::context::is_plural(w)) {
        return Tag::Verb;
    }
    // "estimates range from", "prices rise by": a base form after a plural subject
    if prev == Some(Tag::Noun) && k > 0 && super::context::is_plural(&toks[k - 1].low) && !super::context::is_plural(w) && toks.get(k + 1).is_some_and(|n| matches!(n.low.as_ref(), "from" | "to" | "by" | "at")) {
        return Tag::Verb;
    }
    // "Nokia employs 300": an "-s" form after a name or noun, before a determiner or number
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && matches!(prev, Some(Tag::Name | Tag::Noun)) && matches!(next, Some(Tag::Det | Tag::Num | Tag::Poss | Tag::Pron)) {
        return Tag::Verb;
    }
    Tag::Noun
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn tags(s: &str) -> Vec<(String, Tag)> {
        let t = tokenize(s, 0..s.len());
        let p = Parse::new(s, &t);
        t.iter().enumerate().map(|(k, x)| (s[x.s..x.e].to_string(), p.tag(k).unwrap())).collect()
    }

    fn tag_of(s: &str, w: &str) -> Tag {
        tags(s).into_iter().find(|(x, _)| x == w).map(|x| x.1).unwrap_or(Tag::Punct)
    }

    fn with<R>(s: &str, f: impl FnOnce(&Parse) -> R) -> R {
        let t = tokenize(s, 0..s.len());
        let p = Parse::new(s, &t);
        f(&p)
    }

    fn words(p: &Parse, a: usize, b: usize) -> String {
        p.toks[a..b].iter().map(|t| &p.text[t.s..t.e]).collect::<Vec<_>>().join(" ")
    }

    /// The subject of the verb that governs the token `fig`: (its head word, its words).
    fn subject_at_figure(s: &str, fig: &str) -> (String, String) {
        with(s, |p| {
            let (v, _) = p.governing_verb(idx(p, fig)).unwrap();
            let np = p.subject_of(v).unwrap();
            (p.toks[np.head].low.to_string(), words(p, np.start, np.end))
        })
    }

    fn idx(p: &Parse, w: &str) -> usize {
        p.toks.iter().position(|t| &p.text[t.s..t.e] == w).unwrap()
    }

    #[test]
    fn word_classes_from_shape_and_neighbours() {
        assert_eq!(tag_of("Quarterly turnover rose 4% at Velmar.", "rose"), Tag::Verb);
        assert_eq!(tag_of("It reported a 4% rise in turnover.", "rise"), Tag::Noun);
        assert_eq!(tag_of("The injured were taken to hospital.", "injured"), Tag::Adj);
        assert_eq!(tag_of("Officials reported 40 cases.", "reported"), Tag::Verb);
        assert_eq!(tag_of("The early estimate is $3 billion.", "estimate"), Tag::Noun);
        assert_eq!(tag_of("Loss estimates ranged from $1 billion to $4 billion.", "estimates"), Tag::Noun);
        assert_eq!(tag_of("The firm reports increased sales of $4 billion.", "reports"), Tag::Verb);
        assert_eq!(tag_of("Analysts estimate the loss at $2 billion.", "estimate"), Tag::Verb);
        assert_eq!(tag_of("The ferry line employs 300 sailors.", "employs"), Tag::Verb);
        assert_eq!(tag_of("Analysts expect the lender to lift rates.", "lift"), Tag::Verb);
        assert_eq!(tag_of("Analysts expect the lender to lift rates.", "Analysts"), Tag::Noun);
        assert_eq!(tag_of("The board said it plans to sell.", "plans"), Tag::Verb);
        assert_eq!(tag_of("Orvana's exports climbed.", "Orvana's"), Tag::Poss);
        assert_eq!(tag_of("Rents in Dalmore rose.", "Dalmore"), Tag::Name);
        assert_eq!(tag_of("Spending on roads doubled.", "Spending"), Tag::Noun);
        assert_eq!(tag_of("The index ended the day lower, sending yields up.", "sending"), Tag::Verb);
        assert_eq!(tag_of("Revenue was about 40 million.", "about"), Tag::Adv);
        // adjectives by their ending
        assert_eq!(tag_of("The heater is cheap but portable, and it warms 20 m2.", "portable"), Tag::Adj);
        // right after a relative pronoun that follows a noun, a verb form
        assert_eq!(tag_of("The levee that protects the town held.", "protects"), Tag::Verb);
        assert_eq!(tag_of("The firm, which exported 40 tonnes, closed.", "exported"), Tag::Verb);
        // after a modal always a verb, even a word that is usually a noun
        assert_eq!(tag_of("The ferries would need to carry 90 cars.", "need"), Tag::Verb);
    }

    #[test]
    fn tags_do_not_depend_on_the_order_they_are_asked_for() {
        let s = "Shares in the struggling Kestrel Group, which employs 300 people, fell 4% on Monday after analysts said rising costs would cut its operating margin to 6.5%, the lowest since 2011.";
        let t = tokenize(s, 0..s.len());
        let forward = Parse::new(s, &t);
        let fw: Vec<_> = (0..t.len()).map(|k| forward.tag(k)).collect();
        let backward = Parse::new(s, &t);
        let mut bw: Vec<_> = (0..t.len()).rev().map(|k| backward.tag(k)).collect();
        bw.reverse();
        assert_eq!(fw, bw);
        // from the middle out, as the rules read around a figure
        let middle = Parse::new(s, &t);
        let m = idx(&middle, "4");
        let mut order: Vec<usize> = (m..t.len()).collect();
        order.extend((0..m).rev());
        let mut mid = vec![None; t.len()];
        for k in order {
            mid[k] = middle.tag(k);
        }
        assert_eq!(fw, mid);
    }

    #[test]
    fn possessor_and_head() {
        with("Orvana's net exports fell 3%.", |p| {
            let np = p.np_ending_at(idx(p, "exports")).unwrap();
            assert_eq!(words(p, np.start, np.end), "Orvana's net exports");
            assert_eq!(np.owner.map(|(a, b)| words(p, a, b)).as_deref(), Some("Orvana's"));
            let (a, b) = np.own_words();
            assert_eq!(words(p, a, b), "net exports");
        });
        with("The dockers' pay rose 3%.", |p| {
            let np = p.np_ending_at(idx(p, "pay")).unwrap();
            assert_eq!(np.owner.map(|(a, b)| words(p, a, b)).as_deref(), Some("The dockers '"));
        });
    }

    #[test]
    fn subjects_with_modifiers_and_appositions() {
        with("Thermometers in Torvik, Marendia, showed 47C on Friday.", |p| {
            let (v, _) = p.governing_verb(idx(p, "47")).unwrap();
            let np = p.subject_of(v).unwrap();
            assert_eq!(p.text[p.toks[np.head].s..p.toks[np.head].e].to_string(), "Thermometers");
        });
        assert_eq!(subject_at_figure("Kestrel, the Danish brewer, said profit rose 6%.", "6").1, "profit");
        with("Kestrel, the Danish brewer, said it would cut 200 jobs.", |p| {
            let (v, _) = p.governing_verb(idx(p, "200")).unwrap();
            let np = p.subject_of(v).unwrap();
            // (the apposition stays in the phrase's span; its head is the name's)
            assert_eq!(words(p, np.start, np.end), "Kestrel , the Danish brewer");
            assert_eq!(p.toks[np.head].low, "kestrel");
        });
        assert_eq!(subject_at_figure("The share of renters in the capital climbed to 41%.", "41").1, "The share of renters in the capital");
    }

    #[test]
    fn subjects_past_adverbs_and_pronoun_modifiers() {
        assert_eq!(subject_at_figure("The brewery also said it would hire 40 drivers.", "40").1, "The brewery");
        assert_eq!(subject_at_figure("The load on it was 12 tonnes.", "12").0, "load");
    }

    #[test]
    fn a_short_bracket_after_the_subject_belongs_to_it() {
        assert_eq!(subject_at_figure("Shares of Tamsin Freight (TMF.L) slid 4% on Friday.", "4").0, "shares");
        assert_eq!(subject_at_figure("The Lisk index (.LSX) gained 2%.", "2").0, "index");
    }

    #[test]
    fn a_verb_after_and_shares_the_subject_of_the_verb_before() {
        assert_eq!(subject_at_figure("The new kettle holds 2 litres and costs $40.", "$").0, "kettle");
        assert_eq!(subject_at_figure("Harlow Foods hired 300 drivers and opened 12 depots.", "12").1, "Harlow Foods");
    }

    #[test]
    fn which_passes_over_a_name_in_apposition() {
        with("The bonus for the chairman, Ivo Back, which was worth up to $3m, drew protests.", |p| {
            let np = p.subject_of(idx(p, "was")).unwrap();
            assert_eq!(words(p, np.start, np.end), "The bonus for the chairman");
        });
        with("The plant's owner, Ivo Sand, who was paid $3m, resigned.", |p| {
            let np = p.subject_of(idx(p, "was")).unwrap();
            assert_eq!(words(p, np.start, np.end), "Ivo Sand");
        });
    }

    #[test]
    fn objects_between_verb_and_figure() {
        with("The central bank cut its key lending rate to 4.5%.", |p| {
            let (_, v) = p.governing_verb(idx(p, "4.5")).unwrap();
            assert_eq!(p.toks[v].low, "cut");
            let np = p.object_between(v, idx(p, "to")).unwrap();
            assert_eq!(words(p, np.start, np.end), "its key lending rate");
        });
    }
}
