//! Clustering: merging the per-document groups of mentions into entities across documents.
//!
//! Never compares all pairs: groups are joined through hash keys (gazetteer place, known
//! institution, exact folded name, acronym) and, for people, compared only inside blocks
//! that share the consonant skeleton of the family name ([`super::keys::skeleton`]).
//!
//! Rules:
//! - same gazetteer place ("US" = "United States"), same known institution, same folded name;
//! - people: same family name by [`super::keys::same_token`] and compatible given names
//!   (absent on one side, same by transliteration, a listed variant, or an initial); two
//!   people with different given names are never merged, nor are two with the same given
//!   name and different family names;
//! - a single word ("Tokayev") joins the one multi-word person whose family name it is;
//!   when several people share that family name it joins none;
//! - an acronym used alone joins the one entity that defines or spells out that acronym;
//!   when two entities use the same acronym for different long forms it joins none;
//! - a strongly-placed entity (gazetteer, "city of") never merges with a strongly-titled
//!   person (a city named after a person stays a city).

use super::tables::HashMap;

use super::keys::{norm_token_into, same_given_name, same_token, skeleton_into};
use super::kinds::{strongly_person, strongly_place};
use super::mentions::{Cues, Words};

/// A name: its folded words joined by single spaces (a candidate's key, borrowed) and how
/// many words there are.
#[derive(Debug, Clone, Copy, Default)]
pub struct Name<'a> {
    pub key: &'a str,
    pub n: usize,
}

impl<'a> Name<'a> {
    /// The words (see [`super::mentions::Candidate::words`]).
    pub fn words(&self) -> Words<'a> {
        Words::new(self.key, self.n)
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True for a name without words.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The words joined by single spaces, as a slice of the key: the key up to the end of
    /// the last word (no word holds a space). `None` in the degenerate case of a key with
    /// fewer words than counted.
    fn joined(&self) -> Option<&'a str> {
        if self.n == 0 {
            return Some("");
        }
        let mut spaces = 0;
        for (p, b) in self.key.bytes().enumerate() {
            if b == b' ' {
                spaces += 1;
                if spaces == self.n {
                    return self.key.get(..p);
                }
            }
        }
        (spaces + 1 == self.n).then_some(self.key)
    }

    /// Appends the words joined by single spaces to `out`.
    fn join_into(&self, out: &mut String) {
        for (k, w) in self.words().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }

    /// The first word.
    fn first(&self) -> Option<&'a str> {
        self.words().next()
    }

    /// Same words.
    pub fn same(&self, o: &Name) -> bool {
        self.n == o.n && self.words().eq(o.words())
    }
}

/// A group of mentions from one document that refer to one entity.
#[derive(Debug, Clone, Default)]
pub struct Local<'a> {
    pub doc: usize,
    /// Distinct names (folded words) of the group's non-acronym mentions.
    pub names: &'a [Name<'a>],
    /// Acronyms used or defined for the group.
    pub acronyms: Vec<String>,
    pub cues: Cues,
    /// Gazetteer canonical name, if any mention is a gazetteer place.
    pub place: Option<&'static str>,
    /// Known institution long form, if any.
    pub known_org: Option<&'static str>,
    /// Organisation names qualified by a place: (place, folded name without the place).
    pub qualified: Vec<(&'a str, &'a str)>,
    /// Names that are not keys across documents (qualified names and bare aliases of them).
    pub unkeyed: Vec<Name<'a>>,
    /// Acronyms the group's organisation names spell as written, a place written just
    /// before included ("U.S. Geological Survey" → "USGS"): an acronym used alone in another
    /// document joins the one group that spells it when none defines it.
    pub spelled: Vec<String>,
    /// Hashes of the folded titles written before the group's names ("interior minister"):
    /// two spellings of a name one letter apart are one person only when a title agrees.
    pub roles: Vec<u64>,
}

impl<'a> Local<'a> {
    fn longest(&self) -> Option<&Name<'a>> {
        self.names.iter().max_by_key(|n| n.len())
    }

    fn is_unkeyed(&self, name: &Name) -> bool {
        self.unkeyed.iter().any(|u| u.same(name))
    }

    fn person_like(&self) -> bool {
        let c = &self.cues;
        self.place.is_none() && self.known_org.is_none() && c.person >= c.org && c.person >= c.place
    }
}

/// Union-find with per-root cue totals (for the place/person guard).
struct Sets {
    parent: Vec<usize>,
    cues: Vec<Cues>,
}

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b` unless one is strongly a place and the other strongly
    /// a person. Returns whether they are now joined.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        let (ca, cb) = (self.cues[ra], self.cues[rb]);
        if (strongly_place(&ca) && strongly_person(&cb)) || (strongly_person(&ca) && strongly_place(&cb)) {
            return false;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let c = self.cues[gone];
        self.cues[keep].add(c);
        true
    }
}

/// Given names (all words but the last, hyphenated ones split) and family name, normalized
/// and written into `buf`: the given names' ranges are appended to `given`; returns the
/// family name's range (empty when the name has no word but particles).
fn split_name_into(name: &Name, buf: &mut String, given: &mut Vec<std::ops::Range<usize>>, scratch: &mut String) -> std::ops::Range<usize> {
    let parts = name.words().filter(|w| !is_particle(w));
    // A family name written as spaced initials ("Kamal K C" = "Kamal KC"): the trailing
    // one-letter words are one family name.
    let n_all = parts.clone().count();
    let initials = n_all - parts.clone().enumerate().filter(|(_, w)| w.chars().count() != 1).map(|(i, _)| i + 1).last().unwrap_or(0);
    if initials >= 2 && n_all > initials {
        for w in parts.clone().take(n_all - initials) {
            for p in w.split('-').filter(|p| !p.is_empty()) {
                norm_token_into(p, scratch);
                let a = buf.len();
                buf.push_str(scratch);
                given.push(a..buf.len());
            }
        }
        let a = buf.len();
        for w in parts.skip(n_all - initials) {
            norm_token_into(w, scratch);
            buf.push_str(scratch);
        }
        return a..buf.len();
    }
    let n = parts.clone().count();
    let mut family = buf.len()..buf.len();
    for (k, w) in parts.enumerate() {
        if k + 1 == n {
            norm_token_into(w, scratch);
            let a = buf.len();
            buf.push_str(scratch);
            family = a..buf.len();
        } else {
            for p in w.split('-').filter(|p| !p.is_empty()) {
                norm_token_into(p, scratch);
                let a = buf.len();
                buf.push_str(scratch);
                given.push(a..buf.len());
            }
        }
    }
    family
}

/// Given names are compatible when either is absent or every given name of the shorter
/// list matches one of the longer ("Tayyip" / "Recep Tayyip"; "Qasim Jomart" /
/// "Kassym-Jomart").
fn given_compatible(a: &[&str], b: &[&str]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|s| long.iter().any(|l| same_given_name(s, l))) || same_given_name(&a.concat(), &b.concat())
}

/// A group whose names may be shortened: not a person by more than plain capitals.
fn shortenable(l: &Local) -> bool {
    let c = &l.cues;
    !(super::kinds::decide(c) == crate::report::EntityKind::Person && c.personal > c.plain)
}

/// True when `short` (two words or more) is a short form of `long`: its words are a
/// subsequence of the long name's, the same last word, which is an organisation or place
/// word ("getty museum" / "j paul getty museum"); or the long name is the short one and "of"
/// a gazetteer place ("civil aviation authority" / "civil aviation authority of nepal").
fn short_form_of(short: &Name, long: &Name) -> bool {
    let t = super::tables::tables();
    if short.len() < 2 || long.len() <= short.len() {
        return false;
    }
    let (Some(sl), Some(ll)) = (short.words().last(), long.words().last()) else { return false };
    if sl == ll && (t.is_org_word(sl) || t.is_place_word(sl)) {
        let mut lw = long.words();
        return short.words().all(|w| lw.any(|x| x == w));
    }
    // "X of <place>"
    let mut lw = long.words();
    short.words().all(|w| lw.next() == Some(w)) && lw.next() == Some("of") && {
        let rest: Vec<&str> = lw.collect();
        !rest.is_empty() && t.place(&rest.join(" ")).is_some()
    }
}

/// Joins each group whose name is a short form of names of exactly one entity.
fn short_forms(locals: &[Local], sets: &mut Sets) {
    let t = super::tables::tables();
    // Long names by their last word, and by their first words before "of".
    let mut longs: HashMap<&str, Vec<(usize, Name)>> = HashMap::default();
    for (i, l) in locals.iter().enumerate().filter(|(_, l)| shortenable(l)) {
        for n in l.names.iter().filter(|n| n.len() >= 3) {
            if let Some(last) = n.words().last() {
                longs.entry(last).or_default().push((i, *n));
            }
            if let Some(p) = n.words().position(|w| w == "of") {
                if let Some(head) = n.words().nth(p.saturating_sub(1)) {
                    longs.entry(head).or_default().push((i, *n));
                }
            }
        }
    }
    if longs.is_empty() {
        return;
    }
    for (i, l) in locals.iter().enumerate().filter(|(_, l)| shortenable(l)) {
        for n in l.names.iter().filter(|n| n.len() >= 2) {
            let Some(last) = n.words().last() else { continue };
            if !(t.is_org_word(last) || t.is_place_word(last)) {
                continue;
            }
            let Some(v) = longs.get(last) else { continue };
            let mut roots: Vec<usize> = v.iter().filter(|(j, ln)| *j != i && short_form_of(n, ln)).map(|(j, _)| sets.find(*j)).collect();
            crate::sort::plain(&mut roots);
            roots.dedup();
            if let [r] = roots.as_slice() {
                sets.union(i, *r);
            }
        }
    }
}

/// Joins each group named like exactly one fire's name without its last word "fire".
fn fire_short_forms(locals: &[Local], sets: &mut Sets) {
    let mut fires: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, l) in locals.iter().enumerate() {
        for n in l.names.iter().filter(|n| n.len() >= 2) {
            if let Some(head) = n.key.strip_suffix(" fire") {
                fires.entry(head).or_default().push(i);
            }
        }
    }
    if fires.is_empty() {
        return;
    }
    for (i, l) in locals.iter().enumerate().filter(|(_, l)| l.place.is_none() && l.known_org.is_none()) {
        for n in l.names.iter() {
            let Some(v) = fires.get(n.key) else { continue };
            let mut roots: Vec<usize> = v.iter().filter(|&&j| j != i).map(|&j| sets.find(j)).collect();
            crate::sort::plain(&mut roots);
            roots.dedup();
            if let [r] = roots.as_slice() {
                sets.union(i, *r);
            }
        }
    }
}

/// Family names at least this long (normalized) may be written one letter wrong.
const LONG_NAME: usize = 8;

/// One given name each, one letter apart, both of five letters or more ("Gerald" /
/// "Gerard").
fn given_typo(a: &[&str], b: &[&str]) -> bool {
    matches!((a, b), ([x], [y]) if x.len() >= 5 && y.len() >= 5 && super::keys::edit_distance(x, y) == 1)
}

/// True when the two groups were written with one same title.
fn share_role(a: &Local, b: &Local) -> bool {
    a.roles.iter().any(|r| b.roles.contains(r))
}

fn is_particle(w: &str) -> bool {
    matches!(w, "von" | "van" | "der" | "den" | "de" | "da" | "di" | "du" | "del" | "la" | "le" | "bin" | "ibn" | "al" | "el")
}

/// Returns, for each local group, the index of its cluster (roots are arbitrary).
pub fn cluster(locals: &[Local]) -> Vec<usize> {
    let n = locals.len();
    let mut sets = Sets { parent: (0..n).collect(), cues: locals.iter().map(|l| l.cues).collect() };
    // 1. Exact keys: (kind, key) with kind 0 = place, 1 = known institution, 2 = name,
    // 3 = qualified name. The keys are listed first, in order (those that are not slices of
    // the groups written into one buffer), then joined in that order.
    let mut buf = String::new();
    let mut keys: Vec<(u8, &str, usize)> = Vec::new();
    let (mut scratch, mut word) = (String::new(), String::new());
    // (kind, range of `buf`, index in `keys`) of the keys written into `buf`
    let mut ranges: Vec<(u8, std::ops::Range<usize>, usize)> = Vec::new();
    for (i, l) in locals.iter().enumerate() {
        if let Some(p) = l.place {
            keys.push((0, p, i));
        }
        if let Some(o) = l.known_org {
            keys.push((1, o, i));
        }
        for (q, base) in &l.qualified {
            let a = buf.len();
            buf.push_str(q);
            buf.push('\u{1}');
            buf.push_str(base);
            ranges.push((3, a..buf.len(), keys.len()));
            keys.push((3, "", i));
        }
        for name in l.names {
            if l.is_unkeyed(name) {
                continue;
            }
            // A single word of a group that also has a longer name is a key only for
            // organisations ("Labour" / "Labour Party"); for people it may be a namesake's
            // family name.
            let org = l.cues.org >= 6 && l.cues.org > l.cues.person;
            if name.len() >= 2 || org || l.names.iter().all(|n| n.len() == 1) {
                if name.len() >= 2 {
                    if let Some(k) = name.joined() {
                        keys.push((2, k, i));
                        continue;
                    }
                    let a = buf.len();
                    name.join_into(&mut buf);
                    ranges.push((2, a..buf.len(), keys.len()));
                } else {
                    norm_token_into(name.first().unwrap_or(""), &mut scratch);
                    let a = buf.len();
                    buf.push_str(&scratch);
                    ranges.push((2, a..buf.len(), keys.len()));
                }
                keys.push((2, "", i));
            }
        }
        // 5 = variant key of organisations and places (without spaces): spelling variants,
        // hyphens, words run together, a known
        // acronym spelled out, "Ministry of X" = "X Ministry", a company's legal suffix
        // ("Halvorsen Group" = "Halvorsen"; see [`super::keys::variant_key_into`]).
        // (a person by more than being several capitalised words: "Cal Verde" alone is no
        // person's name for this key)
        let person = super::kinds::decide(&l.cues) == crate::report::EntityKind::Person && l.cues.personal > l.cues.plain;
        let org = l.cues.org > l.cues.person && l.cues.org >= l.cues.place;
        if !person {
            for name in l.names.iter().filter(|n| !l.is_unkeyed(n)) {
                // (single words: organisations, hyphenated names, and names of no kind,
                // which may be the short form of a river or lake: "the Selm")
                let plain = super::kinds::decide(&l.cues) == crate::report::EntityKind::Other;
                if name.len() == 1 && !org && !plain && !name.key.contains('-') {
                    continue;
                }
                let a = buf.len();
                if super::keys::variant_key_into(name.words(), org, &mut buf) {
                    // (written with or without spaces: "Cal Fire" / "CalFire")
                    let squashed: String = buf.get(a..).unwrap_or("").chars().filter(|&c| c != ' ').collect();
                    buf.truncate(a);
                    buf.push_str(&squashed);
                    ranges.push((5, a..buf.len(), keys.len()));
                    keys.push((5, "", i));
                } else {
                    buf.truncate(a);
                }
            }
        }
    }
    for (_, r, k) in &ranges {
        if let (Some(key), Some(text)) = (keys.get_mut(*k), buf.get(r.clone())) {
            key.1 = text;
        }
    }
    let mut by_key: HashMap<(u8, &str), usize> = HashMap::with_capacity_and_hasher(keys.len(), Default::default());
    for (kind, key, i) in &keys {
        match by_key.get(&(*kind, *key)) {
            Some(&j) => {
                sets.union(*i, j);
            }
            None => {
                by_key.insert((*kind, *key), *i);
            }
        }
    }
    // Bare organisation names join the qualified one of the same name when only one
    // place's is written anywhere ("the Interior Ministry" / "Chile's Interior Ministry").
    let mut quals: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    for (i, l) in locals.iter().enumerate() {
        for (q, base) in &l.qualified {
            let v = quals.entry(base).or_default();
            if !v.iter().any(|x| x.0 == *q) {
                v.push((q, i));
            }
        }
    }
    if !quals.is_empty() {
        for (i, l) in locals.iter().enumerate() {
            if !l.qualified.is_empty() {
                continue;
            }
            for name in l.names.iter().filter(|n| n.len() >= 2 && !l.is_unkeyed(n)) {
                scratch.clear();
                for (k, w) in name.words().enumerate() {
                    if k > 0 {
                        scratch.push(' ');
                    }
                    scratch.push_str(w);
                }
                if let Some([(_, j)]) = quals.get(scratch.as_str()).map(Vec::as_slice) {
                    sets.union(i, *j);
                }
            }
        }
    }
    // 2. People: block by family-name skeleton, compare distinct name variants.
    // The names written into one buffer first: (group, given names (a range of
    // `given_spans`), family name, its skeleton).
    let mut nbuf = String::new();
    let mut given_spans: Vec<std::ops::Range<usize>> = Vec::new();
    type Span = std::ops::Range<usize>;
    let mut people: Vec<(usize, Span, Span, Span)> = Vec::new();
    for (i, l) in locals.iter().enumerate() {
        if !l.person_like() {
            continue;
        }
        if let Some(name) = l.longest().filter(|n| n.len() >= 2) {
            let g0 = given_spans.len();
            let family = split_name_into(name, &mut nbuf, &mut given_spans, &mut scratch);
            if family.len() < 2 {
                continue;
            }
            skeleton_into(nbuf.get(family.clone()).unwrap_or(""), &mut word);
            let a = nbuf.len();
            nbuf.push_str(&word);
            people.push((i, g0..given_spans.len(), family, a..nbuf.len()));
        }
    }
    let given_names: Vec<&str> = given_spans.iter().map(|r| nbuf.get(r.clone()).unwrap_or("")).collect();
    // (a table keyed by skeleton, filled in the same order as always: its order of
    // iteration decides the order of the joins below)
    // (group, given names, family name)
    type Person<'p> = (usize, &'p [&'p str], &'p str);
    let mut blocks: HashMap<&str, Vec<Person>> = HashMap::default();
    for (i, g, f, k) in &people {
        let given = given_names.get(g.clone()).unwrap_or(&[]);
        let family = nbuf.get(f.clone()).unwrap_or("");
        let block = blocks.entry(nbuf.get(k.clone()).unwrap_or("")).or_default();
        match block.iter().find(|(_, g, f)| *g == given && *f == family) {
            Some(&(j, _, _)) => {
                sets.union(*i, j);
            }
            None => block.push((*i, given, family)),
        }
    }
    for block in blocks.values() {
        for a in 0..block.len() {
            for b in a + 1..block.len() {
                let (i, ga, fa) = &block[a];
                let (j, gb, fb) = &block[b];
                if same_token(fa, fb) && (given_compatible(ga, gb) || (given_typo(ga, gb) && share_role(&locals[*i], &locals[*j]))) {
                    sets.union(*i, *j);
                }
            }
        }
    }
    // Long family names one letter apart ("Kilicdaroglu" / "Kilidaroglu"), blocked by
    // their first and last letters, with compatible given names.
    let mut ends: HashMap<(char, char), Vec<Person>> = HashMap::default();
    for block in blocks.values() {
        for p in block.iter().filter(|p| p.2.chars().count() >= LONG_NAME) {
            let (Some(a), Some(b)) = (p.2.chars().next(), p.2.chars().last()) else { continue };
            ends.entry((a, b)).or_default().push(*p);
        }
    }
    for v in ends.values().filter(|v| v.len() >= 2 && v.len() <= 64) {
        for a in 0..v.len() {
            for b in a + 1..v.len() {
                let (i, ga, fa) = v[a];
                let (j, gb, fb) = v[b];
                if fa != fb && super::keys::edit_distance(fa, fb) == 1 && given_compatible(ga, gb) && !ga.is_empty() && !gb.is_empty() {
                    sets.union(i, j);
                }
            }
        }
    }
    // 3. Single words: join the one person whose family name they are.
    for (i, l) in locals.iter().enumerate() {
        if l.place.is_some() || l.names.is_empty() || l.names.iter().any(|n| n.len() >= 2) {
            continue;
        }
        norm_token_into(l.names[0].first().unwrap_or(""), &mut word);
        skeleton_into(&word, &mut scratch);
        // (or, for a long name, the people whose family name is one letter away)
        let typo_block = || -> Option<&Vec<Person>> {
            let (a, b) = (word.chars().next()?, word.chars().last()?);
            ends.get(&(a, b)).filter(|_| word.chars().count() >= LONG_NAME)
        };
        let (block, typo) = match blocks.get(scratch.as_str()) {
            Some(b) => (b, false),
            None => match typo_block() {
                Some(b) => (b, true),
                None => continue,
            },
        };
        let mut roots: Vec<usize> = Vec::new();
        for (j, _, family) in block {
            if if typo { super::keys::edit_distance(family, &word) == 1 } else { same_token(family, &word) } {
                let r = sets.find(*j);
                if !roots.contains(&r) {
                    roots.push(r);
                }
            }
        }
        if roots.len() == 1 {
            sets.union(i, roots[0]);
        }
    }
    // Single words with single words of other documents, by transliteration.
    // (normalized word, its skeleton, group), written into one buffer.
    buf.clear();
    let mut single_spans: Vec<(std::ops::Range<usize>, std::ops::Range<usize>, usize)> = Vec::new();
    for (i, l) in locals.iter().enumerate() {
        if l.names.len() == 1 && l.names[0].len() == 1 && l.place.is_none() {
            norm_token_into(l.names[0].first().unwrap_or(""), &mut scratch);
            let a = buf.len();
            buf.push_str(&scratch);
            let b = buf.len();
            skeleton_into(&scratch, &mut word);
            buf.push_str(&word);
            single_spans.push((a..b, b..buf.len(), i));
        }
    }
    // (a table keyed by skeleton, filled in the same order as always: its order of
    // iteration decides the order of the joins below)
    let mut singles: HashMap<&str, Vec<(usize, &str)>> = HashMap::default();
    for (w, k, i) in &single_spans {
        singles.entry(buf.get(k.clone()).unwrap_or("")).or_default().push((*i, buf.get(w.clone()).unwrap_or("")));
    }
    for block in singles.values() {
        let mut reps: Vec<(usize, &str)> = Vec::new();
        for (i, w) in block {
            match reps.iter().find(|(_, r)| same_token(r, w)) {
                Some(&(j, _)) => {
                    sets.union(*i, j);
                }
                None => reps.push((*i, w)),
            }
        }
    }
    // Short forms of organisation and place names: "Getty Museum" of "J. Paul Getty
    // Museum", "Pokhara Airport" of "Pokhara International Airport", "Civil Aviation
    // Authority" of "Civil Aviation Authority of Nepal" (see [`short_form_of`]), when one
    // entity's names hold it.
    short_forms(locals, &mut sets);
    // A fire's name without "fire" ("Rook Canyon" of "the Rook Canyon fire"), not a
    // gazetteer place, joins the one fire that has it.
    fire_short_forms(locals, &mut sets);
    // 4. Acronyms used alone join the one entity that defines or spells them out.
    let mut defined: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, l) in locals.iter().enumerate() {
        if l.names.iter().any(|n| n.len() >= 2) || l.known_org.is_some() {
            for a in &l.acronyms {
                defined.entry(a.as_str()).or_default().push(i);
            }
        }
    }
    let mut spelled: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, l) in locals.iter().enumerate() {
        for a in &l.spelled {
            spelled.entry(a.as_str()).or_default().push(i);
        }
    }
    let mut alone: HashMap<&str, usize> = HashMap::default();
    for (i, l) in locals.iter().enumerate() {
        if !l.names.is_empty() || l.acronyms.len() != 1 {
            continue;
        }
        let a = l.acronyms[0].as_str();
        let mut roots: Vec<usize> = defined.get(a).map(|v| v.iter().map(|&j| sets.find(j)).collect()).unwrap_or_default();
        crate::sort::plain(&mut roots);
        roots.dedup();
        if roots.is_empty() {
            roots = spelled.get(a).map(|v| v.iter().map(|&j| sets.find(j)).collect()).unwrap_or_default();
            crate::sort::plain(&mut roots);
            roots.dedup();
        }
        match roots.len() {
            1 => {
                sets.union(i, roots[0]);
            }
            0 => match alone.get(a) {
                Some(&j) => {
                    sets.union(i, j);
                }
                None => {
                    alone.insert(a, i);
                }
            },
            _ => {}
        }
    }
    (0..n).map(|i| sets.find(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(doc: usize, names: &[&str], person: i32) -> Local<'static> {
        Local {
            doc,
            names: Box::leak(
                names
                    .iter()
                    .map(|n| {
                        let key: &'static str = Box::leak(crate::text::fold::fold(n).into_boxed_str());
                        Name { key, n: key.split(' ').count() }
                    })
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
            cues: Cues { person, place: 0, org: 0, ..Default::default() },
            ..Default::default()
        }
    }

    #[test]
    fn merges_spellings_keeps_namesakes_apart() {
        let ls = vec![
            local(0, &["Dmitri Volkov"], 8),
            local(1, &["Dmitry Volkov"], 8),
            local(2, &["Volkov"], 2),
            local(2, &["Anna Volkova"], 8),
            local(3, &["Pavel Volkov"], 8),
        ];
        let c = cluster(&ls);
        assert_eq!(c[0], c[1]);
        assert_ne!(c[0], c[4], "different given names never merge");
        assert_ne!(c[2], c[0], "ambiguous family name joins nobody");
        assert_ne!(c[3], c[0]);
    }

    #[test]
    fn single_word_joins_unique_person() {
        let ls = vec![local(0, &["Lina Okafor"], 8), local(1, &["Okafor"], 2)];
        let c = cluster(&ls);
        assert_eq!(c[0], c[1]);
    }

    #[test]
    fn city_named_after_person_stays_apart() {
        let mut city = local(1, &["Okafor"], 0);
        city.cues = Cues { person: 0, place: 8, org: 0, ..Default::default() };
        let ls = vec![local(0, &["Lina Okafor"], 8), city];
        let c = cluster(&ls);
        assert_ne!(c[0], c[1]);
    }

    #[test]
    fn acronyms_join_through_long_forms_only() {
        let mut a = local(0, &["Regional Rescue Board"], 0);
        a.acronyms = vec!["RRB".into()];
        let mut b = local(1, &["Rail Repair Bureau"], 0);
        b.acronyms = vec!["RRB".into()];
        let mut alone = local(2, &[], 0);
        alone.names = &[];
        alone.acronyms = vec!["RRB".into()];
        let mut c1 = local(3, &["Regional Rescue Board"], 0);
        c1.acronyms = vec!["RBR".into()];
        let c = cluster(&[a, b, alone, c1]);
        assert_ne!(c[0], c[1]);
        assert_ne!(c[2], c[0]);
        assert_ne!(c[2], c[1]);
        assert_eq!(c[0], c[3], "garbled acronym joins through the same long form");
    }
}
