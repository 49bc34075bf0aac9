#!/usr/bin/env python3
"""Seed-article benchmark for crosscheck's figure extractor (run on demand).

Usage (from the repository root):
    cargo build --release
    python3 bench/seeds_figures.py [--seeds ../shared/seeds] [--show]

Runs `target/release/crosscheck extract` on each of the five seed articles (one JSON string
per article), keeps figures of kind `quantity`, and scores them against the hand
annotation in bench/annotations/seeds_figures.tsv (UTF-8 byte offsets into the files):

- a prediction and a gold figure are paired one-to-one when their spans overlap (largest
  overlap first; the CLI prints UTF-16 offsets, converted here to bytes);
- value: the values are equal (relative tolerance 1e-5);
- bounds: value right and low and high equal (empty/null = unbounded);
- event: value right and the normalized events equal (both empty counts as equal).
Precision = correct / predicted quantities, recall = correct / gold figures.
Set CROSSCHECK_BIN to use another binary.
"""
import argparse
import json
import os
import subprocess
import sys

from common import ROOT, find_binary


def utf16_to_byte_map(text):
    """List m where m[u16 offset] = byte offset (for every code unit boundary)."""
    m = {}
    u = b = 0
    for ch in text:
        m[u] = b
        u += 2 if ord(ch) > 0xFFFF else 1
        b += len(ch.encode("utf-8"))
    m[u] = b
    return m


def num(s):
    s = s.strip()
    return None if s == "" else float(s)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= 1e-5 * max(abs(a), abs(b))


def prf(c, npred, ngold):
    p = 100 * c / npred if npred else 0.0
    r = 100 * c / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default=os.path.join(ROOT, "..", "shared", "seeds"))
    ap.add_argument("--gold", default=os.path.join(ROOT, "bench", "annotations", "seeds_figures.tsv"))
    ap.add_argument("--show", action="store_true", help="list every miss")
    args = ap.parse_args()
    if not os.path.isdir(args.seeds):
        print(f"NOTICE: {args.seeds} not found; seeds benchmark skipped.")
        return
    gold = {}
    for line in open(args.gold, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f, s, e, span, v, lo, hi, ev = (line.rstrip("\n").split("\t") + [""] * 8)[:8]
        gold.setdefault(f, []).append(dict(s=int(s), e=int(e), span=span, value=num(v), low=num(lo), high=num(hi), event=ev))
    exe = find_binary()
    files = sorted(gold)
    texts = [open(os.path.join(args.seeds, f), encoding="utf-8").read() for f in files]
    out = subprocess.run([exe, "extract"], input="".join(json.dumps(t) + "\n" for t in texts), capture_output=True, text=True, check=True).stdout.splitlines()
    tot = dict(pred=0, gold=0, detected=0, value=0, bounds=0, event=0)
    misses = []
    for f, t, line in zip(files, texts, out):
        m = utf16_to_byte_map(t)
        preds = [p for p in json.loads(line)["figures"] if p["kind"] == "quantity"]
        for p in preds:
            p["bs"], p["be"] = m.get(p["start"], 0), m.get(p["end"], 0)
        gs = gold[f]
        tot["pred"] += len(preds)
        tot["gold"] += len(gs)
        pairs = []
        for gi, g in enumerate(gs):
            for pi, p in enumerate(preds):
                ov = min(g["e"], p["be"]) - max(g["s"], p["bs"])
                if ov > 0:
                    pairs.append((ov, gi, pi))
        pairs.sort(reverse=True)
        used_g, used_p, match = set(), set(), {}
        for ov, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            match[gi] = pi
        for gi, g in enumerate(gs):
            if gi not in match:
                misses.append(f"{f[:3]} MISSED   {g['span']!r} {g['value']:g}")
                continue
            p = preds[match[gi]]
            tot["detected"] += 1
            v_ok = close(g["value"], float(p["value"]))
            b_ok = v_ok and close(g["low"], p["low"]) and close(g["high"], p["high"])
            e_ok = v_ok and (g["event"] or None) == p.get("event")
            tot["value"] += v_ok
            tot["bounds"] += b_ok
            tot["event"] += e_ok
            if not (v_ok and b_ok and e_ok):
                misses.append(
                    f"{f[:3]} WRONG    {g['span']!r}: gold {g['value']:g} [{g['low']}, {g['high']}] {g['event'] or '-'}"
                    f" | ours {p['text']!r} {p['value']:g} [{p['low']}, {p['high']}] {p.get('event') or '-'}"
                )
        for pi, p in enumerate(preds):
            if pi not in used_p:
                misses.append(f"{f[:3]} EXTRA    {p['text']!r} {p['value']:g}")
    print(f"Seeds: {len(files)} articles, {tot['gold']} gold figures, {tot['pred']} predicted quantities\n")
    print("| level | P | R | F1 | correct |")
    print("|---|---|---|---|---|")
    for k in ["detected", "value", "bounds", "event"]:
        p, r, f1 = prf(tot[k], tot["pred"], tot["gold"])
        print(f"| {k} | {p:.1f} | {r:.1f} | {f1:.1f} | {tot[k]} |")
    # speed: the five seeds repeated to about 5 MB, as one document, through the CLI
    # (JSON parsing and printing included, so this is a lower bound for the extractor)
    import resource
    doc = "\n\n".join(texts)
    big = doc * max(1, 5_000_000 // max(1, len(doc)))
    best = None
    for _ in range(3):
        u0 = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        subprocess.run([exe, "extract"], input=json.dumps(big) + "\n", capture_output=True, text=True, check=True)
        u = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - u0
        best = u if best is None else min(best, u)
    mb = len(big.encode()) / 1e6
    print(f"\nspeed: {mb / max(best, 1e-9):.1f} MB/s of CPU time on {mb:.1f} MB (whole CLI: JSON in/out, sentences, furniture and figures; best of 3)")
    print(f"\n{len(misses)} misses (missed, wrong or extra):")
    for x in misses if args.show else misses[:40]:
        print("  ", x)


if __name__ == "__main__":
    main()
