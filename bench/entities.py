#!/usr/bin/env python3
"""Entity benchmark: crosscheck vs compromise on the five seed articles.

Usage (from the repository root):
    python3 bench/entities.py            # builds target/release/crosscheck if missing
    python3 bench/entities.py --details  # also lists misses and false mentions

Gold: bench/annotations/seeds_entities.tsv (hand annotation; offsets into
../shared/seeds/<file> in UTF-16 code units, the Report's unit).

Annotation guideline (what counts as a mention):
- named people, places (countries, regions, cities, named facilities such as an oil field)
  and organisations (institutions, ministries, alliances, companies, parties, armed forces
  with a name, news agencies and outlets: "AP", "Reuters", "CBS News");
- the span is the name as written, without titles or honorifics ("President", "Mr.",
  "spokesman") and without a possessive "'s"; a place name in a compound ("Russia-led",
  "Moscow-led") is a mention of that place; a country in front of an institution is its
  own mention ("US" + "State Department"), a demonym in front of it is not ("Russian"
  + "Defense Ministry");
- demonyms and nationality or religion adjectives ("Kazakh", "Russian", "Central Asian",
  "Orthodox") are not mentions; neither are lowercase common-noun references ("the interior
  ministry"), generic blocs ("the West"), initiatives, holidays or diseases;
- nothing inside page furniture (date lines, bylines, photo credits, captions with their
  headings, contributor lines, author boxes, "Related" lists, comment forms) but an
  organisation that running text names too: the agency or outlet a credit or byline
  gives ("Name / Reuters" when some article cites Reuters), never a photographer or author;
- clusters: one per real-world entity across the five files (all spellings, surnames,
  acronyms and garbled acronyms of one organisation together).

Scores:
- mentions: exact span match; precision, recall and F1 over all files. Only mentions the
  system types as person, place or organisation are scored (crosscheck's `other` and
  compromise's other tags are not claims of a named person/place/organisation).
  "typed" additionally requires the kind to match.
- clusters: B-cubed over gold mentions (a gold mention the system missed counts as a
  singleton on the system side), F1 of B-cubed precision and recall.
  compromise has no cross-document clustering: its mentions are clustered by exact
  normalised string (case and diacritics folded, possessive and punctuation trimmed).
"""

import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")
GOLD = os.path.join(ROOT, "bench", "annotations", "seeds_entities.tsv")
CLI = os.environ.get("CROSSCHECK_BIN") or os.path.join(ROOT, "target", "release", "crosscheck")
COMPROMISE = os.path.join(ROOT, "bench", "compromise")
KINDS = {"person", "place", "org"}


def load_gold():
    gold = []
    with open(GOLD, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            f, s, e, _name, kind, cl = line.rstrip("\n").split("\t")
            gold.append((f, int(s), int(e), kind, cl))
    return gold


def utf16_len(s):
    return sum(2 if ord(c) > 0xFFFF else 1 for c in s)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return s.replace("\u2019", "'")


def run_ours(files):
    if not os.path.exists(CLI):
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    out = subprocess.run([CLI, "analyze", "--format", "json"] + [os.path.join(SEEDS, f) for f in files],
                         capture_output=True, check=True, text=True).stdout
    rep = json.loads(out)
    mentions = []
    for e in rep["entities"]:
        for m in e["mentions"]:
            mentions.append((files[m["doc"]], m["start"], m["end"], e["kind"], "e%d" % e["id"], m["text"]))
    return mentions


def trim(text, start, end):
    """Trims whitespace, punctuation and a possessive from a compromise span (UTF-16 units)."""
    s = text
    while start < end and not (s[start].isalnum()):
        start += 1
    changed = True
    while changed and end > start:
        changed = False
        for suf in ("'s", "\u2019s"):
            if s[start:end].endswith(suf):
                end -= len(suf)
                changed = True
        while end > start and not s[end - 1].isalnum() and s[end - 1] not in ".":
            end -= 1
            changed = True
        if end > start and s[end - 1] == "." and not (end - start >= 2 and s[end - 2].isupper() and (end - start == 2 or not s[end - 3].isalpha())):
            end -= 1
            changed = True
    return start, end


def run_compromise(files):
    nm = os.path.join(COMPROMISE, "node_modules")
    if not os.path.isdir(nm):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=COMPROMISE, check=True)
    out = subprocess.run(["node", os.path.join(COMPROMISE, "run.mjs")] + [os.path.join(SEEDS, f) for f in files],
                         capture_output=True, check=True, text=True).stdout
    mentions = []
    for line in out.splitlines():
        d = json.loads(line)
        text = open(os.path.join(SEEDS, d["file"]), encoding="utf-8").read()
        # compromise offsets are JavaScript (UTF-16) offsets; the seed texts are all BMP, so
        # they index the Python string directly (checked below).
        assert utf16_len(text) == len(text), "non-BMP text: convert offsets"
        seen = set()
        for m in d["mentions"]:
            s, e = trim(text, m["start"], m["end"])
            if e <= s or (s, e) in seen:
                continue
            seen.add((s, e))
            mentions.append((d["file"], s, e, m["kind"], "c:" + fold(text[s:e]), text[s:e]))
    return mentions


def score(gold, system):
    system = [m for m in system if m[3] in KINDS]
    gspan = {(g[0], g[1], g[2]): g for g in gold}
    sspan = {}
    for m in system:
        sspan.setdefault((m[0], m[1], m[2]), m)
    tp = sum(1 for k in sspan if k in gspan)
    typed = sum(1 for k, m in sspan.items() if k in gspan and gspan[k][3] == m[3])
    p = tp / len(sspan) if sspan else 0.0
    r = tp / len(gspan) if gspan else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    tp_t = typed / len(sspan) if sspan else 0.0
    tr_t = typed / len(gspan) if gspan else 0.0
    tf = 2 * tp_t * tr_t / (tp_t + tr_t) if tp_t + tr_t else 0.0
    # B-cubed over gold mentions.
    gcl = defaultdict(set)
    for k, g in gspan.items():
        gcl[g[4]].add(k)
    scl = defaultdict(set)
    for k, m in sspan.items():
        if k in gspan:
            scl[m[4]].add(k)
    bp = br = 0.0
    for k, g in gspan.items():
        G = gcl[g[4]]
        S = scl[sspan[k][4]] if k in sspan else {k}
        inter = len(G & S)
        bp += inter / len(S)
        br += inter / len(G)
    n = len(gspan) or 1
    bp, br = bp / n, br / n
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    return dict(p=p, r=r, f=f, tf=tf, bp=bp, br=br, bf=bf, n=len(sspan), tp=tp)


def main():
    if not os.path.isdir(SEEDS):
        print("bench/entities.py: ../shared/seeds is missing; nothing to score", file=sys.stderr)
        return 0
    gold = load_gold()
    files = sorted({g[0] for g in gold})
    ours = run_ours(files)
    comp = run_compromise(files)
    rows = [("crosscheck", score(gold, ours)), ("compromise 14.17.0", score(gold, comp))]
    print(f"Entities on {len(files)} seed articles, {len(gold)} gold mentions, {len({g[4] for g in gold})} gold entities")
    print(f"{'system':<20} {'mentions':>8} {'P':>6} {'R':>6} {'F1':>6} {'typedF1':>8} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6}")
    for name, s in rows:
        print(f"{name:<20} {s['n']:>8} {s['p']:>6.3f} {s['r']:>6.3f} {s['f']:>6.3f} {s['tf']:>8.3f} {s['bp']:>6.3f} {s['br']:>6.3f} {s['bf']:>6.3f}")
    if "--details" in sys.argv:
        gspan = {(g[0], g[1], g[2]): g for g in gold}
        for label, sysm in (("crosscheck", ours), ("compromise", comp)):
            sspan = {(m[0], m[1], m[2]): m for m in sysm if m[3] in KINDS}
            print(f"\n{label}: false mentions")
            for k in sorted(set(sspan) - set(gspan)):
                print("  ", k, sspan[k][3], repr(sspan[k][5]))
            print(f"{label}: missed")
            for k in sorted(set(gspan) - set(sspan)):
                text = open(os.path.join(SEEDS, k[0]), encoding="utf-8").read()
                print("  ", k, gspan[k][3], repr(text[k[1]:k[2]]))
            wrong = [(k, gspan[k][3], sspan[k][3]) for k in set(sspan) & set(gspan) if gspan[k][3] != sspan[k][3]]
            print(f"{label}: wrong kind: {len(wrong)}")
            for w in sorted(wrong)[:40]:
                print("  ", w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
