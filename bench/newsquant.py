#!/usr/bin/env python3
"""NewsQuant benchmark for crosscheck's figure extractor (run on demand, not by cargo test).

Usage (from the repository root):
    cargo build --release
    python3 bench/newsquant.py [--data ../shared/newsquant/newsquant_dev.json] [--misses N]

Feeds every sentence of the NewsQuant development half, as one JSON string per line, to
`target/release/crosscheck extract`, keeps the figures of kind `quantity`, and scores them
against the gold quantities as the dataset README describes, matching one-to-one:

- a prediction matches a gold quantity when the values are equal within a relative
  tolerance of 1e-5; a gold range ("lo-hi") matches only a predicted range with the same two
  ends (compared as a set: "from 36,040 to 34,935" is the range [34935, 36040]);
- each gold quantity is paired with at most one prediction: among the unpaired predictions
  with an equal value, the one agreeing on most of unit, change and concept;
- +unit: the normalized unit is equal (lowercase; no unit = "-");
- +change: the change symbol is equal;
- +concept partial: at least one gold concept token (split on commas and spaces,
  lowercased) is among the tokens of our `about` field (an empty `about` is the token
  "-"); complete: the two token sets are equal. Only `about` is scored, with no fallback
  to `concept` (the counted noun used for grouping) or to any other field: `about` is our
  reading of "the words the quantity is about" (the owner or subject of a count, what a
  measure measures), the same thing NewsQuant's referred concepts annotate.

Vague magnitude words ("dozens", "hundreds of", "tens of thousands") are read by the product
itself as the decade range they name ([10^k, 10^(k+1)], dozens [12, 120], change "="; see
src/lexicon/vague_quantities.tsv), which is how NewsQuant annotates them: no adjustment here.

Set CROSSCHECK_BIN to use another binary (e.g. a debug build while developing).
Prints precision, recall and F1 for each level, then the misses by cause.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

from common import ROOT, find_binary
NUM = r"-?\d*\.?\d+(?:[eE][-+]?\d+)?"


def parse_gold_value(v):
    v = v.strip()
    m = re.fullmatch(rf"({NUM})\s*-\s*({NUM})", v)
    if m:
        a, b = float(m.group(1)), float(m.group(2))
        return ("range", min(a, b), max(a, b))
    return ("single", float(v), None)


def pred_value(f):
    if f.get("range"):
        a, b = f["range"]
        return ("range", min(a, b), max(a, b))
    return ("single", float(f["value"]), None)


def close(a, b):
    if a == b:
        return True
    return abs(a - b) <= 1e-5 * max(abs(a), abs(b))


def same_value(g, p):
    if g[0] != p[0]:
        return False
    if g[0] == "single":
        return close(g[1], p[1])
    return close(g[1], p[1]) and close(g[2], p[2])


def tokens(s):
    s = (s or "").strip()
    if not s or s == "-":
        return {"-"}
    return {t for t in re.split(r"[,\s]+", s.lower()) if t}


def unit_of(x):
    u = (x or "-").strip().lower()
    return u or "-"


def run(exe, texts):
    inp = "".join(json.dumps(t) + "\n" for t in texts)
    out = subprocess.run([exe, "extract"], input=inp, capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    if len(lines) != len(texts):
        sys.exit(f"expected {len(texts)} output lines, got {len(lines)}")
    return [[f for f in json.loads(l)["figures"] if f.get("kind", "quantity") == "quantity"] for l in lines]


def prf(m, npred, ngold):
    p = m / npred if npred else 0.0
    r = m / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "newsquant", "newsquant_dev.json"))
    ap.add_argument("--misses", type=int, default=0, help="print N example misses per cause")
    args = ap.parse_args()
    if not os.path.exists(args.data):
        print(f"NOTICE: {args.data} not found; NewsQuant benchmark skipped.")
        return
    data = json.load(open(args.data))
    exe = find_binary()
    preds = run(exe, [d["text"] for d in data])

    counts = collections.Counter()
    ngold = npred = 0
    causes = collections.Counter()
    examples = collections.defaultdict(list)
    unit_conf = collections.Counter()
    change_conf = collections.Counter()
    for d, ps in zip(data, preds):
        golds = d["quantities"]
        ngold += len(golds)
        npred += len(ps)
        used = set()
        pv = [pred_value(p) for p in ps]
        for g in golds:
            gv = parse_gold_value(g["value"])
            gunit = unit_of(g["normalized_unit"])
            gconc = tokens(g["referred_concepts"])
            best, best_score = None, -1
            for j, p in enumerate(ps):
                if j in used or not same_value(gv, pv[j]):
                    continue
                score = (unit_of(p.get("unit")) == gunit) + (p["change"] == g["change"]) + bool(gconc & tokens(p.get("about")))
                if score > best_score:
                    best, best_score = j, score
            if best is None:
                # why: a prediction with the same number but another shape or scale?
                near = [pv[j] for j in range(len(ps)) if j not in used]
                if gv[0] == "range" and any(v[0] == "single" and (close(v[1], gv[1]) or close(v[1], gv[2]) or gv[1] <= v[1] <= gv[2]) for v in near):
                    cause = "gold range/vague, ours single"
                elif gv[0] == "single" and any(v[0] == "range" and (close(v[1], gv[1]) or close(v[2], gv[1])) for v in near):
                    cause = "gold single, ours range"
                elif gv[0] == "single" and any(v[0] == "single" and gv[1] != 0 and any(close(v[1] / gv[1], r) for r in (1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9, 100, 0.01)) for v in near):
                    cause = "scale differs"
                elif gv[0] == "single" and any(v[0] == "single" and close(abs(v[1]), abs(gv[1])) for v in near):
                    cause = "sign differs"
                else:
                    cause = "not found"
                causes["value: " + cause] += 1
                examples["value: " + cause].append(f"{g['value']} {g['unit']}")
                continue
            used.add(best)
            p = ps[best]
            counts["value"] += 1
            u_ok = unit_of(p.get("unit")) == gunit
            c_ok = p["change"] == g["change"]
            pt = tokens(p.get("about"))
            if u_ok:
                counts["+unit"] += 1
            else:
                unit_conf[(gunit, unit_of(p.get("unit")))] += 1
                kind = "unit: gold none, ours some" if gunit == "-" else ("unit: gold some, ours none" if unit_of(p.get("unit")) == "-" else "unit: different name")
                causes[kind] += 1
                examples["unit"].append(f"{gunit!r} vs {unit_of(p.get('unit'))!r} [{p['text']}] :: {d['text'][:160]}")
            if c_ok:
                counts["+change"] += 1
            else:
                change_conf[(g["change"], p["change"])] += 1
                causes[f"change: gold {g['change']}, ours {p['change']}"] += 1
                examples["change"].append(f"{g['change']} vs {p['change']} [{p['text']}] :: {d['text'][:160]}")
            if gconc & pt:
                counts["+concept partial"] += 1
            else:
                is_count = bool(p.get("concept")) and p.get("concept") == p.get("unit_text")
                causes["concept: no shared token" + (", count" if is_count else "") + (" (gold none)" if gconc == {"-"} else (" (ours none)" if pt == {"-"} else ""))] += 1
                examples["concept"].append(f"{g['referred_concepts']!r} vs {p.get('about')!r} [{p['text']}] :: {d['text'][:160]}")
            if gconc == pt:
                counts["+concept complete"] += 1
        for j, p in enumerate(ps):
            if j not in used:
                causes["extra: prediction with no gold"] += 1
                examples["extra: prediction with no gold"].append(p["text"])

    print(f"NewsQuant dev: {len(data)} sentences, {ngold} gold quantities, {npred} predicted (one-to-one matching)\n")
    print("| level | P | R | F1 | matches |")
    print("|---|---|---|---|---|")
    for k in ["value", "+unit", "+change", "+concept partial", "+concept complete"]:
        p, r, f = prf(counts[k], npred, ngold)
        print(f"| {k} | {p:.1f} | {r:.1f} | {f:.1f} | {counts[k]} |")
    print("\nMisses by cause (a matched pair can miss several levels):\n")
    print("| cause | count |")
    print("|---|---|")
    for k, v in causes.most_common():
        print(f"| {k} | {v} |")
    print("\nMost frequent unit confusions (gold -> ours):")
    for (a, b), v in unit_conf.most_common(12):
        print(f"  {v:3d}  {a} -> {b}")
    print("Change confusions (gold -> ours):")
    for (a, b), v in change_conf.most_common():
        print(f"  {v:3d}  {a} -> {b}")
    if args.misses:
        for k, ex in examples.items():
            print(f"\n{k}:")
            for e in ex[: args.misses]:
                print("   ", e)


if __name__ == "__main__":
    main()
