#!/usr/bin/env python3
"""How the whole analysis grows with the number of articles.

Generates N fictional news articles (floods, earthquakes, strikes; our own text, with
varied places, people, figures and quotations), writes them to a temporary directory and
times `target/release/crosscheck analyze --format json` on all of them at once, for
N = 5, 100 and 1000 (or the N given as arguments). Prints ms per article: near-linear
growth means the ms per article at 1000 stays within about 1.5x of that at 100.

Run: `cargo build --release && python3 bench/scaling.py [N ...]`
"""
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import find_binary  # noqa: E402

PLACES = ["Brennmoor", "Calder Rise", "Ostvik", "Marrowby", "Tessaly", "Quenford", "Harlow Vale",
          "Dunmere", "Kestrel Bay", "Ambrin", "Velloy", "Sarnow", "Port Idris", "Lowen", "Treganna"]
REGIONS = ["Northmark", "the Eastern Province", "Vale County", "the Coastal Region", "Upper Sarn"]
FIRST = ["Mara", "Tomas", "Ines", "Pavel", "Lea", "Jonas", "Amira", "Bruno", "Kaito", "Sofia",
         "Daniel", "Yara", "Felix", "Nadia", "Oren", "Greta"]
LAST = ["Quist", "Ferrell", "Okonjo", "Drummond", "Sandoval", "Varga", "Lindqvist", "Moreau",
        "Haddad", "Castellan", "Brannock", "Ilves", "Petrakis", "Osei", "Kowal", "Arden"]
ROLES = ["the mayor", "the regional governor", "a spokesperson for the fire service",
         "the head of the civil protection agency", "a union leader", "the interior minister"]
OUTLETS = ["the Northmark Courier", "Vale Radio", "the Daily Ledger", "Coastal News Service"]
QUALS = ["more than", "nearly", "about", "at least", "up to", "some", "almost", ""]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PARTS = ["", " morning", " night", " afternoon"]

FLOOD = {
    "lead": "Floods swept through {place} on {day}{part} after three days of heavy rain, {outlet} reported.",
    "facts": [
        "{q} {n1} residents were evacuated from low-lying streets in {place}, officials said.",
        "At least {n2} people were killed and {n3} others were injured when the river burst its banks.",
        "The water reached {m1} metres above its usual level near the old bridge.",
        "About {n4} homes were damaged and {n5} schools were closed until further notice.",
        "Rescue teams pulled {n6} people from flooded cars on the ring road overnight.",
        "The agency said repairs to the embankment could take {k} months and cost {c} million dollars.",
    ],
    "quotes": [
        "We have lost everything we built over twenty years",
        "The embankment will be rebuilt stronger than before, and no family will be left without shelter",
        "Nobody expected the river to rise so fast during the night",
        "Our teams are still searching every street near the river",
    ],
}
QUAKE = {
    "lead": "A magnitude {mag} earthquake struck near {place} on {day}{part}, {outlet} reported.",
    "facts": [
        "The death toll rose to {n2}, and {n3} people were injured, the health ministry said.",
        "{q} {n1} buildings collapsed in the old town of {place}.",
        "The quake was felt {m1} kilometres away in {region}.",
        "Some {n4} residents spent the night in tents set up in the stadium.",
        "{n6} aftershocks were recorded in the first {k} hours after the main shock.",
        "The government released {c} million dollars in emergency aid for {region}.",
    ],
    "quotes": [
        "The walls were shaking and the lights went out within seconds",
        "Every collapsed building will be searched until the last person is found",
        "We ask residents to stay away from damaged houses until engineers inspect them",
        "Aid convoys will reach the mountain villages by tomorrow evening",
    ],
}
STRIKE = {
    "lead": "Dock workers in {place} walked out on {day}{part} in a dispute over wages, {outlet} reported.",
    "facts": [
        "{q} {n1} workers joined the strike, according to the union.",
        "The union is demanding a pay rise of {p} percent over {k} years.",
        "Police detained {n2} protesters outside the port gates, and {n3} officers were hurt.",
        "About {n4} containers are stuck in the port, the operator said.",
        "The company said the stoppage costs it {c} million dollars a day.",
        "Talks with the {region} labour board lasted {n6} minutes before collapsing.",
    ],
    "quotes": [
        "We will not go back to work until the company puts a fair offer on the table",
        "The port cannot stay closed while the whole region waits for its goods",
        "Our members have waited three years for a pay rise that matches prices",
        "The union leadership refused every compromise we offered this week",
    ],
}
KINDS = [FLOOD, QUAKE, STRIKE]


def cap(s):
    return s[:1].upper() + s[1:]


def article(i, rng):
    kind = KINDS[i % len(KINDS)]
    place = rng.choice(PLACES)
    v = {
        "place": place,
        "region": rng.choice(REGIONS),
        "outlet": rng.choice(OUTLETS),
        "day": rng.choice(DAYS),
        "part": rng.choice(PARTS),
        "mag": f"{rng.randint(48, 74) / 10:.1f}",
        "q": rng.choice(QUALS),
        "n1": f"{rng.randint(80, 4000):,}",
        "n2": rng.randint(2, 90),
        "n3": rng.randint(10, 400),
        "n4": f"{rng.randint(100, 9000):,}",
        "n5": rng.randint(2, 40),
        "n6": rng.randint(5, 120),
        "m1": rng.randint(2, 300),
        "k": rng.randint(2, 18),
        "c": rng.randint(3, 900),
        "p": rng.randint(3, 25),
    }
    paras = [kind["lead"].format(**v)]
    facts = kind["facts"][:]
    rng.shuffle(facts)
    quotes = kind["quotes"][:]
    rng.shuffle(quotes)
    for j in range(8):
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        role = rng.choice(ROLES)
        v["q"] = rng.choice(QUALS)
        for key in ("n1", "n2", "n3", "n6"):
            v[key] = rng.randint(3, 3000) if key == "n1" else rng.randint(2, 200)
        body = " ".join(cap(f.format(**v).strip()) for f in facts[(j % 3):(j % 3) + 3])
        quote = quotes[j % len(quotes)]
        if j % 2:
            body += f" “{quote},” said {who}, {role}."
        else:
            body += f" {who}, {role}, told reporters: “{quote}.”"
        paras.append(body.replace("  ", " "))
    return "\n\n".join(paras) + "\n"


def run(exe, n, tmp):
    rng = random.Random(1000 + n)
    paths = []
    total = 0
    for i in range(n):
        p = os.path.join(tmp, f"n{n}_{i:05d}.txt")
        text = article(i, rng)
        total += len(text.encode("utf-8"))
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(p)
    best = None
    reps = 3
    for _ in range(reps):
        t0 = time.perf_counter()
        out = subprocess.run([exe, "analyze", "--format", "json", *paths], capture_output=True)
        dt = time.perf_counter() - t0
        if out.returncode != 0:
            sys.exit(f"crosscheck failed on N={n}: {out.stderr.decode(errors='replace')[:500]}")
        best = dt if best is None else min(best, dt)
    return best, total, len(out.stdout)


def main():
    ns = [int(a) for a in sys.argv[1:]] or [5, 100, 1000]
    exe = find_binary()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for n in ns:
            dt, size, out = run(exe, n, tmp)
            rows.append((n, dt))
            print(f"N={n:>5}: {dt * 1000:9.1f} ms  {dt * 1000 / n:7.3f} ms/article  "
                  f"({size / 1e6:.2f} MB in, {out / 1e6:.2f} MB JSON out)", flush=True)
    per = {n: dt / n for n, dt in rows}
    if 100 in per and 1000 in per:
        r = per[1000] / per[100]
        print(f"ms/article at 1000 / at 100 = {r:.2f} ({'near-linear' if r <= 1.5 else 'SUPERLINEAR'})")


if __name__ == "__main__":
    main()
