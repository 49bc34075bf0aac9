#!/usr/bin/env python3
"""Benchmark of cross-source comparison on the five seed articles.

Runs `target/release/crosscheck analyze --format json` on ../shared/seeds/*.txt and scores
against hand annotations:

- bench/annotations/seeds_facts.tsv: which seed figures state the same fact (number spans
  as UTF-8 byte offsets) and each fact's expected status. Predicted figures are matched to
  annotated ones by span overlap. Reported: pairwise precision and recall of the grouping
  (a pair = two figures in the same fact; a predicted pair that joins an annotated figure
  with an unannotated one counts as wrong), status accuracy and "changing" accuracy per
  annotated fact (the predicted fact holding most of its figures).
- bench/annotations/seeds_quotes.tsv: quotation spans (marked or restated without marks)
  and which state the same thing. Reported: span recall (marked / unmarked) and pairwise
  precision and recall of the quote groups.
- Speed: the whole analysis on the seeds repeated to about 1.5 MB.

Usage (from the repository root):
    cargo build --release
    python3 bench/compare.py [--binary target/release/crosscheck]
"""

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "..", "shared", "seeds")
ANN = os.path.join(ROOT, "bench", "annotations")


def utf16_to_byte_map(text):
    """List m where m[u] = byte offset of UTF-16 offset u (len = utf16 length + 1)."""
    m = []
    b = 0
    for ch in text:
        n16 = 2 if ord(ch) > 0xFFFF else 1
        for _ in range(n16):
            m.append(b)
        b += len(ch.encode("utf-8"))
    m.append(b)
    return m


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def match(gold, pred):
    """gold: list of (doc, b0, b1); pred: list of (doc, b0, b1). One-to-one by largest
    overlap. Returns dict gold index -> pred index."""
    cands = []
    for gi, (gd, g0, g1) in enumerate(gold):
        for pi, (pd, p0, p1) in enumerate(pred):
            if gd == pd:
                ov = overlap(g0, g1, p0, p1)
                if ov > 0:
                    cands.append((ov, gi, pi))
    cands.sort(reverse=True)
    gm, used = {}, set()
    for ov, gi, pi in cands:
        if gi in gm or pi in used:
            continue
        gm[gi] = pi
        used.add(pi)
    return gm


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def pair_scores(gold_labels, matched, pred_group_of, pred_members):
    """gold_labels: list of labels per gold item; matched: gold idx -> pred idx;
    pred_group_of: pred idx -> group id; pred_members: group id -> list of pred idx."""
    gold_pairs = set()
    for a, b in itertools.combinations(range(len(gold_labels)), 2):
        if gold_labels[a] == gold_labels[b]:
            gold_pairs.add((a, b))
    pred_to_gold = {p: g for g, p in matched.items()}
    pred_pairs = set()
    false_extra = 0
    for gid, members in pred_members.items():
        for x, y in itertools.combinations(members, 2):
            gx, gy = pred_to_gold.get(x), pred_to_gold.get(y)
            if gx is not None and gy is not None:
                pred_pairs.add((min(gx, gy), max(gx, gy)))
            elif gx is not None or gy is not None:
                false_extra += 1
    tp = len(gold_pairs & pred_pairs)
    return prf(tp, len(pred_pairs) + false_extra, len(gold_pairs)), tp, len(pred_pairs) + false_extra, len(gold_pairs)


def run(binary, files):
    out = subprocess.run([binary, "analyze", "--format", "json", *files], capture_output=True, check=True)
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "crosscheck"))
    args = ap.parse_args()
    if not os.path.isdir(SEEDS):
        print(f"seeds not found at {SEEDS}: skipping", file=sys.stderr)
        return 0
    if not os.path.exists(args.binary):
        print(f"{args.binary} not found: run `cargo build --release` first", file=sys.stderr)
        return 1
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    files = [os.path.join(SEEDS, n) for n in names]
    texts = [open(f, encoding="utf-8").read() for f in files]
    maps = [utf16_to_byte_map(t) for t in texts]
    doc_of = {n: i for i, n in enumerate(names)}
    report = run(args.binary, files)

    def to_bytes(doc, s, e):
        m = maps[doc]
        return m[min(s, len(m) - 1)], m[min(e, len(m) - 1)]

    # ---- Facts ----
    gold = [r for r in read_tsv(os.path.join(ANN, "seeds_facts.tsv")) if r[0] in doc_of]
    gold_spans = [(doc_of[r[0]], int(r[1]), int(r[2])) for r in gold]
    gold_labels = [r[3] for r in gold]
    figs = report.get("figures", [])
    pred_spans = [(f["doc"], *to_bytes(f["doc"], f["start"], f["end"])) for f in figs]
    matched = match(gold_spans, pred_spans)
    fact_of = {}
    members = defaultdict(list)
    for fact in report.get("facts", []):
        for fid in fact["figures"]:
            fact_of[fid] = fact["id"]
            members[fact["id"]].append(fid)
    (p, r, f1), tp, npred, ngold = pair_scores(gold_labels, matched, fact_of, members)
    print("== Facts (seeds_facts.tsv) ==")
    print(f"figures: {len(figs)} predicted, {len(gold)} annotated, {len(matched)} annotated matched by span")
    print(f"facts: {len(report.get('facts', []))} predicted "
          f"({Counter(x['status'] for x in report.get('facts', [])).most_common()})")
    print(f"grouping pairs: P={p:.3f} R={r:.3f} F1={f1:.3f}  (tp={tp}, predicted={npred}, gold={ngold})")
    facts_by_id = {x["id"]: x for x in report.get("facts", [])}
    by_label = defaultdict(list)
    for i, lab in enumerate(gold_labels):
        by_label[lab].append(i)
    ok_status = ok_change = n = 0
    for lab, idx in by_label.items():
        if len(idx) < 2:
            continue
        n += 1
        votes = Counter(fact_of[matched[i]] for i in idx if i in matched and matched[i] in fact_of)
        want_status, want_change = gold[idx[0]][4], gold[idx[0]][5] == "yes"
        if not votes:
            print(f"  {lab:32s} gold={want_status:10s} predicted: (no fact)")
            continue
        fid = votes.most_common(1)[0][0]
        fact = facts_by_id[fid]
        good = fact["status"] == want_status
        ok_status += good
        ok_change += fact["changing"] == want_change
        print(f"  {lab:32s} gold={want_status:10s} predicted={fact['status']:10s} "
              f"{'ok ' if good else 'BAD'} label={fact['label']!r} "
              f"({sum(votes.values())}/{len(idx)} figures{', changing' if fact['changing'] else ''})")
    if n:
        print(f"status accuracy: {ok_status}/{n} = {ok_status / n:.3f}; changing accuracy: {ok_change}/{n} = {ok_change / n:.3f}")

    # ---- Quotes ----
    gq = [r for r in read_tsv(os.path.join(ANN, "seeds_quotes.tsv")) if r[0] in doc_of]
    gq_spans = [(doc_of[r[0]], int(r[1]), int(r[2])) for r in gq]
    gq_labels = [r[3] for r in gq]
    quotes = report.get("quotes", [])
    pq_spans = [(q["doc"], *to_bytes(q["doc"], q["start"], q["end"])) for q in quotes]
    qmatched = match(gq_spans, pq_spans)
    group_of = {}
    qmembers = defaultdict(list)
    for g in report.get("quote_groups", []):
        for qid in g["quotes"]:
            group_of[qid] = g["id"]
            qmembers[g["id"]].append(qid)
    print("== Quotes (seeds_quotes.tsv) ==")
    for kind in ("yes", "no"):
        idx = [i for i, row in enumerate(gq) if row[4] == kind]
        found = sum(1 for i in idx if i in qmatched)
        print(f"{'marked' if kind == 'yes' else 'unmarked'} quotations found: {found}/{len(idx)}")
    print(f"quotes: {len(quotes)} predicted ({sum(1 for q in quotes if not q['marked'])} unmarked), "
          f"{len(report.get('quote_groups', []))} groups")
    (p, r, f1), tp, npred, ngold = pair_scores(gq_labels, qmatched, group_of, qmembers)
    print(f"quote group pairs: P={p:.3f} R={r:.3f} F1={f1:.3f}  (tp={tp}, predicted={npred}, gold={ngold})")

    # ---- Speed ----
    reps = 50
    with tempfile.TemporaryDirectory() as tmp:
        big = []
        for i, t in enumerate(texts):
            path = os.path.join(tmp, f"big{i}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n\n".join([t] * reps))
            big.append(path)
        size = sum(os.path.getsize(b) for b in big)
        t0 = time.perf_counter()
        subprocess.run([args.binary, "analyze", "--format", "json", *big], capture_output=True, check=True)
        dt = time.perf_counter() - t0
    print("== Speed ==")
    print(f"whole analysis on {size / 1e6:.2f} MB (seeds x{reps}): {dt:.2f} s = {size / 1e6 / dt:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
