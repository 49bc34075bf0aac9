//! Grouping one document's candidates: same name, family names with their person,
//! short organisation names, acronyms with their long forms.

use super::*;

impl Candidate {
    pub(super) fn org_or_place(&self) -> i32 {
        self.cues.org.max(self.cues.place)
    }
}

/// Groups one document's candidates: same folded name; single words and "Mr. X" with the
/// one person whose family name they are; acronyms with their long forms. Returns the
/// groups (candidate indices) and each candidate's acronym string ("" for names).
pub(super) fn local_groups(
    doc: Option<&TextDoc>,
    cands: &[Candidate],
    defs: &[mentions::Definition],
) -> (Groups, Vec<String>, Vec<bool>) {
    let text = doc.map(|d| d.text).unwrap_or("");
    let n = cands.len();
    // Qualified organisation names ("Russia's Foreign Ministry") are grouped by place and
    // name, so two countries' ministries of one name stay apart.
    let eff: Vec<std::borrow::Cow<str>> = cands
        .iter()
        .map(|c| match c.qualifier.as_deref() {
            Some(q) => std::borrow::Cow::Owned(format!("{q}\u{1}{}", if c.base_key.is_empty() { &c.key } else { &c.base_key })),
            // A single word read as a place here ("in Jackson", a dateline) is kept apart
            // from the same word as a person's family name ("Mayor Anna Jackson").
            None if placeish(c) => std::borrow::Cow::Owned(format!("{}\u{2}", c.key)),
            None => std::borrow::Cow::Borrowed(c.key.as_str()),
        })
        .collect();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    fn union(p: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    }
    let acr: Vec<String> =
        cands.iter().map(|c| if c.acronym { acronym_of(text.get(c.start..c.end).unwrap_or("")) } else { String::new() }).collect();
    // Same folded name (acronyms by acronym). `reps` holds one candidate per distinct name.
    // (sized by the distinct names as they come, not by the candidates: most repeat)
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    let mut by_acr: HashMap<&str, usize> = HashMap::default();
    let mut reps: Vec<usize> = Vec::new();
    let mut cued: Vec<bool> = vec![false; n]; // reps of single words with a person cue
    for (i, c) in cands.iter().enumerate() {
        let map = if c.acronym { &mut by_acr } else { &mut by_key };
        let k: &str = if c.acronym { acr[i].as_str() } else { eff[i].as_ref() };
        let rep = match map.get(k) {
            Some(&j) => {
                union(&mut parent, i, j);
                j
            }
            None => {
                map.insert(k, i);
                reps.push(i);
                i
            }
        };
        if c.reporting || c.honorific || c.role.is_some() {
            if let Some(x) = cued.get_mut(rep) {
                *x = true;
            }
        }
    }
    // A bare name ("the Foreign Ministry") joins the qualified one of the same name when
    // only one place's is written in the document; it is then an alias (not a name key
    // across documents).
    let mut alias = vec![false; n];
    let mut quals: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    for &r in &reps {
        let c = &cands[r];
        if let Some(q) = c.qualifier.as_deref() {
            let base = if c.base_key.is_empty() { c.key.as_str() } else { c.base_key.as_str() };
            let v = quals.entry(base).or_default();
            if !v.iter().any(|x| x.0 == q) {
                v.push((q, r));
            }
        }
    }
    if !quals.is_empty() {
        for (i, c) in cands.iter().enumerate() {
            if c.qualifier.is_some() || c.acronym {
                continue;
            }
            if let Some(v) = quals.get(c.key.as_str()) {
                if let [(_, r)] = v.as_slice() {
                    union(&mut parent, i, *r);
                    alias[i] = true;
                }
            }
        }
    }
    // Family names of multi-word people in this document, blocked by skeleton.
    let person_like = |c: &Candidate| {
        c.n_words >= 2 && !c.acronym && c.place.is_none() && c.known_org.is_none() && c.cues.person >= c.org_or_place() && c.cues.person > 0
    };
    let mut person_reps: Vec<bool> = vec![false; n];
    for c in cands.iter() {
        if person_like(c) {
            if let Some(&r) = by_key.get(key_of(c)) {
                if let Some(x) = person_reps.get_mut(r) {
                    *x = true;
                }
            }
        }
    }
    // Normalized family and given names of the people, written into one buffer:
    // (family, its skeleton, given name) as byte ranges, and the person.
    let (mut w, mut skel) = (String::new(), String::new());
    let mut names_buf = String::new();
    type Span = std::ops::Range<usize>;
    // (family and its skeleton, given name, person)
    type PersonSpans = (Option<(Span, Span)>, Option<Span>, usize);
    let mut spans: Vec<PersonSpans> = Vec::new();
    let push = |buf: &mut String, s: &str| -> Span {
        let a = buf.len();
        buf.push_str(s);
        a..buf.len()
    };
    for &r in &reps {
        if !person_reps.get(r).copied().unwrap_or(false) {
            continue;
        }
        let c = &cands[r];
        let fam = c.last_word().map(|last| {
            keys::norm_token_into(last, &mut w);
            keys::skeleton_into(&w, &mut skel);
            (push(&mut names_buf, &w), push(&mut names_buf, &skel))
        });
        let given = c.first_word().map(|first| {
            keys::norm_token_into(first, &mut w);
            push(&mut names_buf, &w)
        });
        spans.push((fam, given, r));
    }
    // skeleton -> (family, person); given name -> people (in the order of `reps`).
    let mut families: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    let mut firsts: HashMap<&str, Vec<usize>> = HashMap::default();
    for (fam, given, r) in &spans {
        if let Some((f, k)) = fam {
            families.entry(names_buf.get(k.clone()).unwrap_or("")).or_default().push((names_buf.get(f.clone()).unwrap_or(""), *r));
        }
        if let Some(g) = given {
            firsts.entry(names_buf.get(g.clone()).unwrap_or("")).or_default().push(*r);
        }
    }
    // The one root of the sets of `v`, if they are all in one set.
    fn distinct_root(p: &mut [usize], v: impl Iterator<Item = usize>) -> Option<usize> {
        let mut root = None;
        let mut many = false;
        for j in v {
            let r = find(p, j);
            match root {
                None => root = Some(r),
                Some(x) if x == r => {}
                Some(_) => many = true,
            }
        }
        root.filter(|_| !many)
    }
    for &i in reps.iter().filter(|_| !families.is_empty() || !firsts.is_empty()) {
        let c = &cands[i];
        if c.n_words != 1 || c.acronym || c.place.is_some() || placeish(c) {
            continue;
        }
        keys::norm_token_into(c.first_word().unwrap_or(""), &mut w);
        keys::skeleton_into(&w, &mut skel);
        // Same family name, allowing transliteration variants ("Nazarbaïev" / "Nazarbayev").
        let same_family = |v: &&Vec<(&str, usize)>| v.iter().any(|(f, _)| same_token(f, &w));
        let hit = match families.get(skel.as_str()).filter(same_family) {
            Some(v) => distinct_root(&mut parent, v.iter().filter(|(f, _)| same_token(f, &w)).map(|(_, r)| *r)),
            None if cued.get(i).copied().unwrap_or(false) => {
                distinct_root(&mut parent, firsts.get(w.as_str()).into_iter().flatten().copied())
            }
            None => None,
        };
        if let Some(r) = hit {
            union(&mut parent, i, r);
        }
    }
    // Short names of organisations: "Labour" with "Labour Party", when unique.
    let mut org_prefix: HashMap<&str, Vec<usize>> = HashMap::default();
    let t = tables();
    for &r in &reps {
        let c = &cands[r];
        // (not an organisation named after a place written at its front: "Nordhavn
        // University Hospital" is not "Nordhavn")
        if c.acronym || c.place.is_some() || c.n_words < 2 || c.cues.org < 6 || c.qualifier.is_some() {
            continue;
        }
        // The words up to the last one that is not an organisation word, joined by spaces:
        // a prefix of the key (no word holds a space).
        let (mut keep, mut keep_end, mut count, mut at) = (0, 0, 0, 0);
        for w in c.words() {
            count += 1;
            at += w.len();
            if !t.is_org_word(w) {
                keep = count;
                keep_end = at;
            }
            at += 1;
        }
        if keep > 0 && keep < count {
            org_prefix.entry(c.key.get(..keep_end).unwrap_or("")).or_default().push(r);
        }
        // ("the Courier" with "the Daily Courier": the name after a newspaper's head, when
        // no organisation word follows)
        // (only a newspaper's head: "Real Vantoria" is not "Vantoria")
        let lead = c.words().take_while(|w| matches!(*w, "daily" | "weekly")).count();
        if lead > 0 && lead < count && !c.words().skip(lead).any(|w| t.is_org_word(w)) {
            let at: usize = c.words().take(lead).map(|w| w.len() + 1).sum();
            if let Some(rest) = c.key.get(at..).filter(|r| r.len() >= 3) {
                org_prefix.entry(rest).or_default().push(r);
            }
        }
    }
    if !org_prefix.is_empty() {
        for &i in &reps {
            let c = &cands[i];
            if c.acronym || c.place.is_some() || c.cues.place >= 6 || c.words().any(|w| t.is_org_word(w)) {
                continue;
            }
            if let Some(v) = org_prefix.get(c.key.as_str()) {
                if let Some(r) = distinct_root(&mut parent, v.iter().copied()) {
                    union(&mut parent, i, r);
                }
            }
        }
    }
    // Acronyms: definitions first, then initials of a long form of the document.
    let mut linked: HashSet<&str> = HashSet::default();
    // Candidates are in text order: find the one ending at the long form's end, or the
    // one covering it, by binary search.
    let long_at = |d: &mentions::Definition| -> Option<usize> {
        let i = cands.partition_point(|c| c.start < d.long_start.saturating_sub(400));
        cands[i..]
            .iter()
            .take_while(|c| c.start <= d.long_end)
            .position(|c| !c.acronym && ((c.end == d.long_end && c.start >= d.long_start) || (c.start <= d.long_start && d.long_end <= c.end)))
            .map(|p| p + i)
    };
    for d in defs.iter().filter(|d| !d.term) {
        if let Some(l) = long_at(d) {
            if d.alias {
                // A short name in brackets: the candidate written there.
                let i = cands.partition_point(|c| c.start < d.short_start);
                if let Some(si) = cands.get(i..).unwrap_or(&[]).iter().take_while(|c| c.start == d.short_start).position(|c| c.end == d.short_end && !c.acronym) {
                    union(&mut parent, i + si, l);
                }
                continue;
            }
            if let Some(&a) = by_acr.get(d.acronym.as_str()) {
                union(&mut parent, a, l);
            }
            linked.insert(d.acronym.as_str());
        }
    }
    // Long forms of the document by their initials (first letter, then the rest sorted),
    // needed only for acronyms not linked by a definition.
    let unlinked = reps.iter().any(|&i| cands[i].acronym && !linked.contains(acr[i].as_str()));
    let mut chars: Vec<char> = Vec::new();
    let mut initials_buf = String::new();
    let mut initials_of: Vec<(usize, usize, usize)> = Vec::new();
    for &i in reps.iter().filter(|_| unlinked) {
        let c = &cands[i];
        if !c.acronym && c.words().filter(|w| !matches!(*w, "of" | "the" | "and")).count() >= 2 && c.n_words <= 12 {
            let a = initials_buf.len();
            acronyms::initials_key_push(c.words(), &mut chars, &mut initials_buf);
            initials_of.push((a, initials_buf.len(), i));
        }
    }
    let mut by_initials: HashMap<&str, Vec<usize>> = HashMap::default();
    for &(a, b, i) in &initials_of {
        by_initials.entry(initials_buf.get(a..b).unwrap_or("")).or_default().push(i);
    }
    let mut key = String::new();
    for &i in &reps {
        if !cands[i].acronym || linked.contains(acr[i].as_str()) {
            continue;
        }
        key.clear();
        acronyms::acronym_key_push(&acr[i], &mut chars, &mut key);
        if let Some(r) = distinct_root(&mut parent, by_initials.get(key.as_str()).into_iter().flatten().copied()) {
            union(&mut parent, i, r);
        }
    }
    // Groups in the order of their first member.
    let mut slot = vec![usize::MAX; n];
    let mut label = Vec::with_capacity(n);
    let mut sizes: Vec<usize> = Vec::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = match slot.get(r).copied() {
            Some(g) if g != usize::MAX => g,
            _ => {
                if let Some(x) = slot.get_mut(r) {
                    *x = sizes.len();
                }
                sizes.push(0);
                sizes.len() - 1
            }
        };
        if let Some(x) = sizes.get_mut(g) {
            *x += 1;
        }
        label.push(g);
    }
    (Groups::from_labels(&label, &sizes), acr, alias)
}

/// A single word with place cues and no person cue in this mention ("in Jackson",
/// "JACKSON, Mississippi (AP) -"), not a gazetteer place.
pub(super) fn placeish(c: &Candidate) -> bool {
    c.n_words == 1 && !c.acronym && c.place.is_none() && c.cues.place >= 3 && c.cues.person <= 0 && !c.possessive && !c.reporting && !c.honorific && c.role.is_none()
}

/// Items 0..n split into numbered groups, each group's items in increasing order, all in
/// one list.
pub(super) struct Groups {
    items: Vec<usize>,
    /// Where each group starts in `items` (and, last, the end).
    starts: Vec<usize>,
}

impl Groups {
    /// From each item's group number (`labels`) and each group's size.
    pub(super) fn from_labels(labels: &[usize], sizes: &[usize]) -> Self {
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0;
        for &s in sizes {
            starts.push(at);
            at += s;
        }
        starts.push(at);
        let mut next: Vec<usize> = starts.clone();
        let mut items = vec![0; labels.len()];
        for (i, &g) in labels.iter().enumerate() {
            if let Some(p) = next.get_mut(g) {
                if let Some(x) = items.get_mut(*p) {
                    *x = i;
                }
                *p += 1;
            }
        }
        Groups { items, starts }
    }

    /// The items of group `g`.
    pub(super) fn get(&self, g: usize) -> &[usize] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The number of groups.
    pub(super) fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The groups in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &[usize]> {
        self.starts.windows(2).map(|w| self.items.get(w[0]..w[1]).unwrap_or(&[]))
    }
}
