#!/usr/bin/env python3
"""Generates src/lexicon/units_ontology.tsv, the figure extractor's unit table, from
quantulum3's unit ontology, with conversion factors from pint, and our overrides.

Usage (from the repository root):
    pip install quantulum3 pint
    python3 scripts/gen_units.py            # writes src/lexicon/units_ontology.tsv
    python3 scripts/gen_units.py --check    # exits 1 when the file is out of date

Sources:
- quantulum3 (MIT licence; Marco Lagi, Niels Mündler and contributors): every unit of its
  English ontology (units.json with SI prefixes expanded, as quantulum3.load.units loads
  it): name, entity (our dimension), surfaces (names, matched in any case; plurals made
  by quantulum3's own pluralize) and symbols (matched exactly as written).
- pint (BSD licence; Hernan E. Grecco and contributors): the factor (and offset, for
  temperatures) from each unit to its dimension's base unit. A pint unit is accepted only
  when its dimensionality is the dimensionality of most units of that entity (pint reads
  "set" as a parsec).
- src/lexicon/units_overrides.tsv: our directives (bases, units and forms dropped, renames,
  news conventions); its header documents them.

Output, one unit per line (tab-separated):
    name  class  dimension  base  factor  offset  names  symbols  [parts]
class is how the extractor reads it (pct, money, measure, time, age); a value in base
units is value * factor + offset; names and symbols are '|'-separated; a form claimed by
two units goes to the one `prefer` names, else to the first in quantulum3's order.
"""
import argparse
import collections
import math
import os
import sys
import warnings

warnings.filterwarnings("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVERRIDES = os.path.join(ROOT, "src/lexicon/units_overrides.tsv")
OUT = os.path.join(ROOT, "src/lexicon/units_ontology.tsv")


def read_overrides():
    d = collections.defaultdict(list)
    for line in open(OVERRIDES, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        d[f[0]].append(f[1:])
    return d


def fmt(x):
    """A float in 12 significant digits (pint's factors carry rounding noise past that)."""
    if x == 0:
        return "0"
    return "%.12g" % x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    import pint
    import quantulum3
    from quantulum3 import load

    ov = read_overrides()
    drop_units = {f[0] for f in ov["drop-unit"]}
    drop_forms = {f[0] for f in ov["drop-form"]}
    rename = {f[0]: f[1] for f in ov["rename"]}
    no_base = {f[0] for f in ov["no-base"]}
    dim_over = {f[0]: (f[1], float(f[2])) for f in ov["dimension"]}
    factor_over = {f[0]: float(f[1]) for f in ov["factor"]}
    prefer = {f[0]: f[1] for f in ov["prefer"]}
    bases = {f[0]: (f[1], f[2]) for f in ov["base"]}
    pint_over = {f[0]: f[1] for f in ov["pint"]}

    ureg = pint.UnitRegistry()
    U = load.units("en_US")

    def parse(expr):
        try:
            return ureg.parse_units(expr)
        except Exception:
            return None

    def candidates(u, names_only=False):
        c = [u.name] + list(u.surfaces)
        if not names_only:
            c += list(u.symbols)
        for x in c:
            for k in (x.replace(" ", "_").replace("-", "_"), x.replace(" ", "_"), x):
                yield k

    def pint_of(u, want=None, names_only=False, seen=None):
        if u.name in pint_over:
            expr = pint_over[u.name]
            return ureg.parse_expression(expr).units if any(c.isdigit() for c in expr) else parse(expr)
        for k in candidates(u, names_only):
            p = parse(k)
            if p is not None and (want is None or p.dimensionality == want):
                return p
        # a derived unit: the product of its parts
        if u.dimensions and all(d["base"] != u.name for d in u.dimensions):
            q = ureg.dimensionless
            for d in u.dimensions:
                b = U.names.get(d["base"])
                if b is None or b is u:
                    return None
                pb = pint_of(b)
                if pb is None:
                    return None
                q = q * pb ** d["power"]
            if want is None or q.dimensionality == want:
                return q
        return None

    # the dimensionality of each entity: the most common among its units read by name
    votes = collections.defaultdict(collections.Counter)
    for name, u in U.names.items():
        p = pint_of(u, names_only=True)
        if p is not None:
            votes[u.entity.name][p.dimensionality] += 1
    want_of = {e: c.most_common(1)[0][0] for e, c in votes.items()}

    rows = []
    for name, u in U.names.items():
        if name in drop_units:
            continue
        ours = rename.get(name, name)
        ent = u.entity.name
        cls = {"currency": "money", "time": "time"}.get(ent, "measure")
        if ours == "percentage":
            cls = "pct"
        dim, label, factor, offset = ent, "", None, 0.0
        if ent == "currency":
            # a currency is its own dimension: amounts are never converted between them
            dim, label, factor = ours, ours, 1.0
        elif name in dim_over:
            dim, factor = dim_over[name]
            label = dim
        elif ours in no_base:
            dim, label, factor = "", "", None
        else:
            p = pint_of(u, want_of.get(ent))
            if ent in bases:
                label, base_expr = bases[ent]
                b = parse(base_expr)
            else:
                b = None
            if p is not None:
                if b is None:
                    # the unit of factor 1 in SI, when the ontology has one
                    si = (1 * p).to_base_units().units
                    for n2, u2 in U.names.items():
                        if u2.entity.name == ent and n2 not in drop_units:
                            p2 = pint_of(u2, want_of.get(ent))
                            if p2 is not None and math.isclose(ureg.Quantity(1, p2).to_base_units().magnitude, 1.0) and ureg.Quantity(1, p2).to_base_units().units == si:
                                label, b = rename.get(n2, n2), p2
                                break
                if b is not None and any(c.isdigit() for c in pint_over.get(name, "")):
                    # a definition in other units ("43560 * foot ** 2": the international acre)
                    factor, offset = ureg.parse_expression(pint_over[name]).to(b).magnitude, 0.0
                elif b is not None:
                    try:
                        f0 = ureg.Quantity(0.0, p).to(b).magnitude
                        f100 = ureg.Quantity(100.0, p).to(b).magnitude
                        factor, offset = (f100 - f0) / 100.0, f0
                    except Exception:
                        factor = None
            if name in factor_over:
                factor, offset = factor_over[name], 0.0
                label = label or (bases.get(ent) or ("",))[0]
            if factor is None:
                dim, label = "", ""
        names, symbols = [], []
        for s in u.surfaces:
            # plurals of common nouns only: not of names ("Celsius"), "per ..." phrases or
            # phrases whose first word is already plural ("parts per million")
            plural = len(s) > 2 and s[:1].islower() and not s.startswith("per ") and not s.split(" ")[0].endswith("s")
            for form in [s] + ([load.pluralize(s)] if plural else []):
                if form.lower() not in {n.lower() for n in names} and (form == s or len(form) >= len(s)):
                    names.append(form)
        for s in u.symbols:
            variants = [s]
            if "µ" in s:
                variants.append(s.replace("µ", "μ"))
            for v in variants:
                if v not in symbols:
                    symbols.append(v)
        # "km2", "cm³", "m/s": symbols of derived units from their parts' symbols
        dims = u.dimensions or []
        if len(dims) == 1 and dims[0]["base"] != name and dims[0]["power"] in (2, 3):
            b = U.names.get(dims[0]["base"])
            sup = {2: "²", 3: "³"}[dims[0]["power"]]
            for bs in (b.symbols if b else []):
                if bs.isalpha():
                    for v in (bs + sup, bs + str(dims[0]["power"])):
                        if v not in symbols:
                            symbols.append(v)
        if len(dims) == 2 and dims[0]["power"] == 1 and dims[1]["power"] == -1:
            a, b = U.names.get(dims[0]["base"]), U.names.get(dims[1]["base"])
            if a and b and a.symbols and b.symbols:
                v = a.symbols[0] + "/" + b.symbols[0]
                if v not in symbols:
                    symbols.append(v)
        rows.append([ours, cls, dim, label, factor, offset, names, symbols])

    for f in ov["unit"]:
        name, dim, label, factor, cls = f
        rows.append([name, cls, dim, label, float(factor), 0.0, [], []])

    # every form to one unit: `prefer` first, else the first unit listing it
    owner = {}
    conflicts = []
    for r in rows:
        for form in r[6] + r[7]:
            key = form if form in r[7] else form.lower()
            if form in drop_forms:
                continue
            if key in owner and owner[key] != r[0]:
                conflicts.append((key, owner[key], r[0]))
                if prefer.get(key) == r[0]:
                    owner[key] = r[0]
            else:
                owner.setdefault(key, r[0])
    for key, a, b in conflicts:
        if key not in prefer:
            print(f"note: '{key}' is claimed by {a} and {b}; {owner[key]} keeps it", file=sys.stderr)

    def own(r, form, symbol):
        key = form if symbol else form.lower()
        return form not in drop_forms and owner.get(key) == r[0]

    # dropped capital symbols ("A", "N", "T") are still read inside a compound symbol
    # ("A/cm2", "N/m2"): each to the first unit (or the `prefer`red one) listing it
    part_owner = {}
    for r in rows:
        for form in r[7]:
            if form in drop_forms and form[:1].isupper() and form.isalpha() and len(form) == 1 and r[1] == "measure" and r[2]:
                if prefer.get(form) == r[0] or form not in part_owner:
                    part_owner[form] = r[0]

    qv = getattr(quantulum3, "__version__", "?")
    out = [
        "# Units of measure and currencies: GENERATED by scripts/gen_units.py, do not edit by hand",
        "# (edit src/lexicon/units_overrides.tsv or units.tsv and run the script again).",
        f"# Source: quantulum3 {qv} unit ontology (units.json, English; MIT licence, Copyright (c) 2016",
        "# Marco Lagi, nielstron, sohrabtowfighi, grhawk, Rodrigo Castro), SI prefixes expanded;",
        f"# conversion factors from pint {pint.__version__} (BSD licence, Hernan E. Grecco and contributors);",
        "# our overrides from units_overrides.tsv.",
        "# Columns: name <TAB> class <TAB> dimension <TAB> base <TAB> factor <TAB> offset <TAB> names",
        "# <TAB> symbols. class: pct, money, measure, time, age. A value in the base unit is",
        "# value * factor + offset; a currency is its own dimension; no dimension: never converted.",
        "# names (surfaces and their plurals) match in any case; symbols match exactly as written.",
        "# A ninth column, parts: symbols dropped alone (\"5 A\" is a grade) but read inside a",
        "# compound symbol (\"1.3 A/cm2\").",
    ]
    seen = set()
    for r in rows:
        if r[0] in seen:
            continue
        seen.add(r[0])
        names = [f for f in r[6] if own(r, f, False)]
        symbols = [f for f in r[7] if own(r, f, True)]
        factor = "" if r[4] is None else fmt(r[4])
        offset = "" if r[4] is None else fmt(round(r[5], 10))
        parts = [f for f in r[7] if part_owner.get(f) == r[0]]
        cols = [r[0], r[1], r[2], r[3], factor, offset, "|".join(names), "|".join(symbols)] + (["|".join(parts)] if parts else [])
        out.append("\t".join(cols))
    text = "\n".join(out) + "\n"
    if args.check:
        old = open(OUT, encoding="utf-8").read() if os.path.exists(OUT) else ""
        if old != text:
            print("src/lexicon/units_ontology.tsv is out of date: run python3 scripts/gen_units.py", file=sys.stderr)
            return 1
        return 0
    open(OUT, "w", encoding="utf-8").write(text)
    print(f"wrote {OUT}: {len(seen)} units", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
