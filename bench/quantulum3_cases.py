#!/usr/bin/env python3
"""quantulum3's own English test cases, scored for crosscheck and for quantulum3 itself in
one run (run on demand, not by cargo test).

Usage (from the repository root):
    pip install quantulum3
    cargo build --release
    python3 bench/quantulum3_cases.py [--misses N]

The cases are read from the installed package at bench time
(quantulum3/_lang/en_US/tests/quantities.json and quantities.ambiguity.json: sentences
with the quantities quantulum3 is expected to find); they are never copied into this
repository. Every sentence goes to `target/release/crosscheck extract` (one JSON string
per line) and to `quantulum3.parser.parse`, and both are scored against the expected
quantities the same way:

- value recall: an expected quantity is found when a prediction (a quantity or a year
  figure) has its value within a relative tolerance of 1e-5 (each prediction pairs with at
  most one expected quantity; a range matches by its midpoint, which is how quantulum3
  writes a range's value);
- unit right: the paired prediction's unit is the expected one. Unit names are compared in
  lower case after our renames of ontology names (src/lexicon/units_overrides.tsv:
  "celsius" is quantulum3's "degree Celsius"), and two names of one unit (same dimension
  and factor in src/lexicon/units_ontology.tsv: "millilitre" and "cubic centimetre") are
  the same unit; quantulum3's "dimensionless" is right for a figure without a unit of
  measure (no unit, or a counted noun that is no unit of the ontology); a count in
  dozens or grosses ("a dozen": 1 dozen) is found by its value as a count (12).

Prints value recall and unit accuracy (over all expected quantities) for both systems,
then crosscheck's misses.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import warnings

from common import ROOT, find_binary

warnings.filterwarnings("ignore")


def cases():
    try:
        import quantulum3
    except ImportError:
        sys.exit("quantulum3 is not installed: pip install quantulum3")
    d = os.path.join(os.path.dirname(quantulum3.__file__), "_lang", "en_US", "tests")
    out = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for item in json.load(open(os.path.join(d, name), encoding="utf-8")):
            out.append((name, item["req"], item["res"]))
    return out, getattr(quantulum3, "__version__", "?")


def ontology():
    """Our renames (ours -> quantulum3's name) and each unit of the ontology's (dimension,
    factor, offset), by lowercase name."""
    renames = {}
    for line in open(os.path.join(ROOT, "src/lexicon/units_overrides.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "rename" and len(f) >= 3:
            renames[f[2].lower()] = f[1].lower()
    units = {}
    for line in open(os.path.join(ROOT, "src/lexicon/units_ontology.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        units[f[0].lower()] = (f[2], f[4], f[5]) if f[2] else None
    return renames, units


def close(a, b):
    return a == b or abs(a - b) <= 1e-5 * max(abs(a), abs(b))


# counts of dimensionless "units" that are numbers ("a dozen" is 12 eggs; quantulum3 writes
# 1 dozen): the expected value in units, for comparing with a plain count
COUNTS = {"dozen": 12, "baker's dozen": 13, "gross": 144, "great gross": 1728}


def score(expected, predicted, unit_ok):
    """(found, unit right, misses) for one sentence: predictions are (value, unit, text)."""
    free = list(predicted)
    found = right = 0
    misses = []
    for g in expected:
        values = [float(g["value"])] + ([float(g["value"]) * COUNTS[g["unit"]]] if g["unit"] in COUNTS else [])
        hit = [p for p in free if any(close(v, p[0]) for v in values)]
        if not hit:
            misses.append(("value", g, None))
            continue
        best = next((p for p in hit if unit_ok(g["unit"], p[1])), hit[0])
        free.remove(best)
        found += 1
        if unit_ok(g["unit"], best[1]):
            right += 1
        else:
            misses.append(("unit", g, best))
    return found, right, misses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", type=int, default=40, help="crosscheck misses to print")
    args = ap.parse_args()
    items, version = cases()
    renames, units = ontology()

    back = {v: k for k, v in renames.items()}

    def ours_ok(gold, ours):
        g = gold.lower()
        if g == "dimensionless" or g in COUNTS:
            return ours is None or ours.lower() not in units and ours.lower() not in renames
        if ours is None:
            return False
        o = ours.lower()
        if g in (o, renames.get(o)):
            return True
        # two names of one unit ("millilitre", "cubic centimetre"): same dimension and factor
        a, b = units.get(o), units.get(back.get(g, g))
        return a is not None and a == b

    def theirs_ok(gold, theirs):
        return theirs is not None and theirs.lower() == gold.lower()

    binary = find_binary()
    text = "\n".join(json.dumps(req) for _, req, _ in items) + "\n"
    out = subprocess.run([binary, "extract"], input=text, capture_output=True, text=True, check=True).stdout.splitlines()
    from quantulum3 import parser

    n = sum(len(res) for _, _, res in items)
    tot = collections.Counter()
    all_misses = []
    for (src, req, res), line in zip(items, out):
        # (years are figures too: "in 2013" is found as a year, without a unit)
        figs = [f for f in json.loads(line)["figures"] if f["kind"] in ("quantity", "year")]
        ours = [(float(f["value"]), f.get("unit"), f["text"]) for f in figs]
        found, right, misses = score(res, ours, ours_ok)
        tot["ours_found"] += found
        tot["ours_unit"] += right
        all_misses += [(req, m) for m in misses]
        try:
            qs = parser.parse(req)
        except Exception:
            qs = []
        theirs = [(float(q.value), q.unit.name if q.unit else None, q.surface) for q in qs]
        found, right, _ = score(res, theirs, theirs_ok)
        tot["q3_found"] += found
        tot["q3_unit"] += right
    print(f"quantulum3 {version} English test cases: {len(items)} sentences, {n} expected quantities\n")
    print("| system | value recall | unit right |")
    print("|---|---|---|")
    print(f"| crosscheck | {100 * tot['ours_found'] / n:.1f} % ({tot['ours_found']}) | {100 * tot['ours_unit'] / n:.1f} % ({tot['ours_unit']}) |")
    print(f"| quantulum3 {version} (no classifier) | {100 * tot['q3_found'] / n:.1f} % ({tot['q3_found']}) | {100 * tot['q3_unit'] / n:.1f} % ({tot['q3_unit']}) |")
    if args.misses:
        print(f"\ncrosscheck misses ({len(all_misses)}; first {args.misses}):")
        for req, (kind, g, p) in all_misses[: args.misses]:
            got = f" -> ours {p[0]:g} {p[1]!r} ({p[2]!r})" if p else ""
            print(f"  {kind}: {g['value']} {g['unit']!r} ({g['surface']!r}){got}\n      {req[:110]}")


if __name__ == "__main__":
    main()
