#!/usr/bin/env python3
"""Hostile and heavy shapes of input (issue 18): time per MB and memory per input byte,
natively (the release CLI) and in wasm under Node (the release pkg/), against plain news.

Every shape is our own generated text (the fictional articles of bench/scaling.py, and
repeated units), written to a temporary directory and analysed as one set of sources:

  plain articles          the baseline: generated news articles, about 3 KB each
  quote repeated          one unattributed quotation repeated on one line
  quotes on one line      different quotations on one long line
  one paragraph           the plain articles' sentences as one paragraph (no line break)
  similar documents       ten large documents of similar text (the same templates)
  reports in one source   many short reports of bench/generated_articles.mjs (each quotation
                          different) pasted into one source, as the page's 50 MB paste does
  eventless counts        many documents about one event, half with tents deployed and many
                          helicopters with no verb, half the other way round (each count
                          with no verb is checked against what the other half deployed:
                          quadratic if each check scans every document's figures)
  dense numbers           numbers with units and qualifiers, one every few words
  dense names             capitalised names and organisations, one every few words
  1,000 / 5,000 articles  the many-articles path (the size of 1,000 / 5,000 of them)

Each shape is run at SIZE/2 and SIZE megabytes (default 1): "x2" is how the time per MB
grows when the input doubles (1.0 is linear, 2.0 quadratic). "vs plain" is the shape's
time per MB over the plain articles' at the same size. Targets (issue 18): every shape
within 2x of plain articles, 5,000 articles within 1.3x of 1,000 per MB.

`--memory` prints the wasm module's memory growth per input byte (B/B) on each shape at
SIZE MB (default 8; the issue's target is about 10 on any shape), split by stage (the memory
when each stage starts, read in the progress callback: wasm memory only grows, so each
column is what that stage added to the peak), then on 64 MiB of "," and of "a. " (just
under the limit).

`--big` instead runs the memory check on 48 MiB of "," and of "a. " and on 64 MiB of
plain articles (in 1,000 sources, under the 5,000-article limit), dense numbers and dense names (each just under the limit; slow): the
CLI's peak resident memory and the wasm module's memory per input byte (target: at most
about 10), or the message it refused with. `--only NAME[,NAME]` runs some shapes only;
`--no-wasm` / `--no-native` skip one side.

Run: `cargo build --release && bash scripts/build-wasm.sh && python3 bench/shapes.py`
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, find_binary  # noqa: E402
from scaling import FIRST, LAST, PLACES, REGIONS, OUTLETS, article  # noqa: E402

MB = 1_000_000
MIB = 1 << 20

QUOTE_WORDS = ("we will rebuild every home that the water took from this town and no family "
               "will be left without shelter before winter comes to the valley again").split()
UNITS = ["people", "homes", "percent", "kilometres", "million dollars", "residents", "troops",
         "hectares", "schools", "tonnes"]
QUALS = ["more than", "nearly", "about", "at least", "up to", "some", "almost", "", "", ""]
ORGS = ["Port Authority", "Red Cross", "Civil Protection Agency", "Interior Ministry",
        "Fire Service", "Dock Workers Union", "Health Ministry", "Coast Guard"]


def fill(make, size, rng):
    """Joins pieces from make(rng) until the text has `size` bytes (UTF-8)."""
    parts, n = [], 0
    while n < size:
        p = make(rng)
        parts.append(p)
        n += len(p.encode("utf-8"))
    return "".join(parts)


def articles_until(size, rng, start=0):
    out, n, i = [], 0, start
    while n < size:
        a = article(i, rng)
        out.append(a)
        n += len(a.encode("utf-8"))
        i += 1
    return out


def quote(rng):
    k = rng.randint(8, 16)
    j = rng.randint(0, len(QUOTE_WORDS) - k)
    words = QUOTE_WORDS[j:j + k]
    words[0] = words[0].capitalize()
    return "\u201c" + " ".join(words) + ",\u201d "


def number(rng):
    q = rng.choice(QUALS)
    v = rng.choice([f"{rng.randint(2, 999)}", f"{rng.randint(1, 99)},{rng.randint(100, 999)}",
                    f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"])
    return f"{q} {v} {rng.choice(UNITS)}, ".lstrip()


def name(rng):
    if rng.random() < 0.3:
        return f"the {rng.choice(PLACES)} {rng.choice(ORGS)}, "
    return f"{rng.choice(FIRST)} {rng.choice(LAST)} of {rng.choice(PLACES)}, "


# (two classes: shelters and aircraft)
SENT = ["tents", "helicopters"]
WHERE = ["in the northern district", "near the river", "at the dam", "along the coast road",
         "outside the town hall", "on the bridge", "in the old quarter", "at the airport"]


def eventless_doc(i, rng, counts=25):
    """One report about the floods in Ostvik (the names every document shares, so they are
    one topic): one class of things sent (tents or helicopters, every other document)
    deployed, then `counts` counts of the other class with no verb, whose deployed counts
    the other half of the documents give (values far apart: no count finds a cluster it
    fits, so each looks at every figure of the deployed cluster)."""
    cls, other = SENT[i % 2], SENT[1 - i % 2]
    out = [f"Floods hit Ostvik on Monday, Mara Quist of the Ostvik Port Authority said.",
           f"About {rng.randint(20, 30)},{rng.randint(100, 999)} {cls} were deployed to Ostvik, the Interior Ministry said."]
    for _ in range(counts):
        out.append(f"There were {rng.randint(10, 900)} {other} {rng.choice(WHERE)}.")
    return " ".join(out)


def generated_reports(size):
    """bench/generated_articles.mjs's reports (each quotation different), joined by blank
    lines until the text has `size` characters, as one text (made by Node)."""
    js = ("const { variant } = await import(process.argv[1]); const size = +process.argv[2]; "
          "const parts = []; let n = 0; "
          "for (let i = 0; n < size; i++) { const t = variant(i, { uniqueQuotes: true }); parts.push(t); n += t.length; } "
          "process.stdout.write(parts.join('\\n\\n'));")
    url = "file://" + os.path.join(ROOT, "bench", "generated_articles.mjs")
    return subprocess.run(["node", "--input-type=module", "-e", js, url, str(size)],
                          capture_output=True, text=True, encoding="utf-8", check=True).stdout


def shape_sources(shape, size, seed=7):
    """The sources (a list of texts) of one shape, about `size` bytes in all."""
    rng = random.Random(seed)
    if shape == "plain articles":
        return articles_until(size, rng)
    if shape == "quote repeated":
        q = "\u201cWe will rebuild every home that the water took from this town.\u201d "
        return [q * (size // len(q.encode("utf-8")) + 1)]
    if shape == "quotes on one line":
        return [fill(quote, size, rng)]
    if shape == "one paragraph":
        return [" ".join(" ".join(a.split()) for a in articles_until(size, rng))]
    if shape == "news in 1,000 sources":
        arts = articles_until(size, rng)
        return ["\n\n".join(arts[k::1000]) for k in range(min(1000, len(arts)))]
    if shape == "reports in one source":
        return [generated_reports(size)]
    if shape == "similar documents":
        return ["\n\n".join(articles_until(size // 10, random.Random(seed + d))) for d in range(10)]
    if shape == "eventless counts":
        out, n = [], 0
        while n < size:
            out.append(eventless_doc(len(out), rng))
            n += len(out[-1].encode("utf-8"))
        return out
    if shape == "dense numbers":
        return [fill(lambda r: number(r) + ("\n" if r.random() < 0.02 else ""), size, rng)]
    if shape == "dense names":
        return [fill(lambda r: name(r) + ("said officials.\n" if r.random() < 0.05 else ""), size, rng)]
    if shape in ("1,000 articles", "5,000 articles"):
        n = 1000 if shape.startswith("1") else 5000
        return [article(i, rng) for i in range(n)]
    if shape == "commas":
        return ["," * size]
    if shape == "a-dot":
        return ["a. " * (size // 3)]
    raise SystemExit(f"unknown shape {shape!r}")


SHAPES = ["plain articles", "quote repeated", "quotes on one line", "one paragraph",
          "similar documents", "reports in one source", "eventless counts", "dense numbers", "dense names"]
MANY = ["1,000 articles", "5,000 articles"]
BIG = [("commas", 48 * MIB), ("a-dot", 48 * MIB), ("news in 1,000 sources", 64 * MIB - 64 * 1024),
       ("dense numbers", 64 * MIB - 1024), ("dense names", 64 * MIB - 1024)]


def write(tmp, tag, sources):
    d = os.path.join(tmp, tag)
    os.makedirs(d, exist_ok=True)
    paths = []
    for i, s in enumerate(sources):
        p = os.path.join(d, f"s{i:05d}.txt")
        with open(p, "w", encoding="utf-8") as f:
            f.write(s)
        paths.append(p)
    return paths, sum(len(s.encode("utf-8")) for s in sources)


def run_native(exe, paths, reps):
    """Best wall time of `reps` runs of the CLI, its peak RSS (bytes), and an error."""
    best, rss, err = None, 0, None
    for _ in range(reps):
        t0 = time.perf_counter()
        p = subprocess.Popen([exe, "analyze", "--format", "json", "--", *paths],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        stderr = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        p.returncode = os.waitstatus_to_exitcode(status)
        rss = max(rss, ru.ru_maxrss * 1024)
        if p.returncode != 0:
            err = stderr.strip().splitlines()[-1] if stderr.strip() else f"exit {p.returncode}"
            break
        best = dt if best is None else min(best, dt)
    return best, rss, err


MEMORY_SHAPES = ["plain articles", "dense numbers", "dense names", "quote repeated", "quotes on one line",
                 "one paragraph"]
MEMORY_BIG = [("commas", 64 * MIB - 1024), ("a-dot", 64 * MIB - 1024)]
# The progress callback's stage names, and what ran before each (bench/shapes_wasm.mjs).
STAGE_COLUMNS = [("figures", "input"), ("names", "figures"), ("quotations", "entities"),
                 ("facts", "quotes"), ("report", "compare"), ("end", "report")]


def wasm_memory(tmp, only, size, pkg):
    """The --memory table: wasm memory growth per input byte, by stage, with the package in
    `pkg` (a directory built by scripts/build-wasm.sh)."""
    print(f"wasm memory growth per input byte (B/B): what the analysis added to the module's memory, "
          f"by stage (input = the copy of the text and its sentences)")
    print(f"{'shape':<20} {'MiB':>6} {'B/B':>6}  " + " ".join(f"{c:>8}" for _, c in STAGE_COLUMNS) + "  note")
    for shape, sz in [(s, size) for s in MEMORY_SHAPES] + MEMORY_BIG:
        if only and shape not in only:
            continue
        srcs = shape_sources(shape, sz)
        paths, n = write(tmp, shape.replace(" ", "_").replace(",", "") + f"_mem{sz}", srcs)
        del srcs
        out = subprocess.run(["node", "--max-old-space-size=8192", os.path.join(ROOT, "bench", "shapes_wasm.mjs"),
                              os.path.dirname(paths[0]), "1", pkg], capture_output=True, text=True)
        try:
            r = json.loads(out.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            r = {"error": (out.stderr.strip().splitlines() or ["node failed"])[-1][:200]}
        stages = dict((k, v) for k, v in (r.get("stages") or []))
        prev = r.get("base", 0)
        cols = []
        for name, _ in STAGE_COLUMNS:
            at = stages.get(name)
            cols.append(f"{(at - prev) / n:8.2f}" if at is not None else f"{'-':>8}")
            prev = at if at is not None else prev
        grown = (r.get("memory", 0) - r.get("base", 0)) / n if r.get("memory") else float("nan")
        note = f"wasm: {r['error']}" if r.get("error") else ""
        print(f"{shape:<20} {n / MIB:6.1f} {grown:6.2f}  " + " ".join(cols) + f"  {note}", flush=True)
        for p in paths:
            os.remove(p)


def run_wasm(tmpdir, reps, growth=True):
    """Runs bench/shapes_wasm.mjs on the sources in `tmpdir` (a fresh Node per shape, so
    the memory figure is that shape's own): (best seconds, wasm memory bytes, error). The
    memory is what the analysis added (`growth`) or the module's whole memory."""
    out = subprocess.run(["node", "--max-old-space-size=8192", os.path.join(ROOT, "bench", "shapes_wasm.mjs"),
                          tmpdir, str(reps)], capture_output=True, text=True)
    try:
        r = json.loads(out.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return None, 0, (out.stderr.strip().splitlines() or ["node failed"])[-1][:200]
    mem = r.get("memory", 0) - (r.get("base", 0) if growth else 0)
    return r.get("secs"), mem, r.get("error")


def fmt_rate(secs, size):
    return f"{secs / (size / MB):7.3f}" if secs is not None else "    -  "


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=float, default=1.0, help="MB per shape at the larger size (default 1; 8 with --memory)")
    ap.add_argument("--reps", type=int, default=2, help="runs per measurement; the best counts")
    ap.add_argument("--only", default="", help="comma-separated shape names")
    ap.add_argument("--big", action="store_true", help="the memory check on 48-64 MiB inputs")
    ap.add_argument("--memory", action="store_true", help="wasm memory growth per input byte, by stage")
    ap.add_argument("--pkg", default=os.path.join(ROOT, "pkg"), help="the wasm package for --memory (default pkg/), e.g. a copy built before a change")
    ap.add_argument("--no-wasm", action="store_true")
    ap.add_argument("--no-native", action="store_true")
    args = ap.parse_args()
    exe = None if args.no_native else find_binary()
    wasm = not args.no_wasm and os.path.exists(os.path.join(ROOT, "pkg", "crosscheck_bg.wasm"))
    if not args.no_wasm and not wasm:
        print("NOTICE: pkg/ not built (bash scripts/build-wasm.sh): wasm columns skipped")
    only = [s.strip() for s in args.only.split(",") if s.strip()]

    with tempfile.TemporaryDirectory() as tmp:
        if args.memory:
            if not os.path.exists(os.path.join(args.pkg, "crosscheck_bg.wasm")):
                raise SystemExit(f"--memory needs {args.pkg} (bash scripts/build-wasm.sh)")
            wasm_memory(tmp, only, int((args.size if args.size != 1.0 else 8.0) * MB), os.path.abspath(args.pkg))
            return
        if args.big:
            print(f"{'shape':<18} {'MiB':>6} {'CLI s':>7} {'CLI RSS/B':>9} {'wasm s':>7} {'wasm mem/B':>10}  note")
            for shape, size in BIG:
                if only and shape not in only:
                    continue
                srcs = shape_sources(shape, size)
                paths, n = write(tmp, shape.replace(" ", "_") + "_big", srcs)
                del srcs
                note = []
                ns, rss, nerr = (None, 0, None) if exe is None else run_native(exe, paths, 1)
                ws, mem, werr = (None, 0, None) if not wasm else run_wasm(os.path.dirname(paths[0]), 1, growth=False)
                if nerr:
                    note.append(f"CLI: {nerr}")
                if werr:
                    note.append(f"wasm: {werr}")
                print(f"{shape:<18} {n / MIB:6.1f} {ns if ns is not None else float('nan'):7.1f} {rss / n:9.2f} "
                      f"{ws if ws is not None else float('nan'):7.1f} {mem / n:10.2f}  {'; '.join(note)}", flush=True)
            return

        size = int(args.size * MB)
        print(f"time per MB (s/MB), at {size / 2 / MB:g} and {size / MB:g} MB; x2 = growth of s/MB when the input "
              f"doubles; vs plain = s/MB over plain articles'; RSS/B = the CLI's peak resident memory per input byte, "
          f"mem/B = what the analysis added to the wasm memory per input byte")
        print(f"{'shape':<20} {'native s/MB':>11} {'x2':>5} {'vs plain':>8} {'RSS/B':>6}   "
              f"{'wasm s/MB':>9} {'x2':>5} {'vs plain':>8} {'mem/B':>6}")
        base = {}
        for shape in SHAPES + MANY:
            if only and shape not in only and shape != "plain articles":
                continue
            sizes = [size // 2, size] if shape not in MANY else [None]
            res = {"native": [], "wasm": []}
            for sz in sizes:
                srcs = shape_sources(shape, sz)
                tag = f"{shape.replace(' ', '_').replace(',', '')}_{sz}"
                paths, n = write(tmp, tag, srcs)
                if exe:
                    s, rss, err = run_native(exe, paths, args.reps)
                    res["native"].append((s, n, rss, err))
                if wasm:
                    s, mem, err = run_wasm(os.path.dirname(paths[0]), args.reps)
                    res["wasm"].append((s, n, mem, err))
            cols = []
            for side in ("native", "wasm"):
                rows = res[side]
                if not rows:
                    cols.append(f"{'-':>11} {'':>5} {'':>8} {'':>6}")
                    continue
                s, n, m, err = rows[-1]
                rate = s / (n / MB) if s else None
                growth = ""
                if len(rows) == 2 and rows[0][0] and rate:
                    growth = f"{rate / (rows[0][0] / (rows[0][1] / MB)):5.2f}"
                if shape == "plain articles" and rate:
                    base[side] = rate
                vs = f"{rate / base[side]:8.2f}" if rate and side in base and shape not in MANY else ""
                cell = f"{rate:11.3f}" if rate else f"{'ERR':>11}"
                cols.append(f"{cell} {growth:>5} {vs:>8} {m / n:6.1f}" + (f" [{err}]" if err else ""))
            print(f"{shape:<20} {cols[0]}   {cols[1]}", flush=True)
            if shape in MANY:
                res_many = base.setdefault("many", {})
                for side in ("native", "wasm"):
                    if res[side] and res[side][-1][0]:
                        res_many.setdefault(side, []).append(res[side][-1][0] / (res[side][-1][1] / MB))
        many = base.get("many", {})
        for side, rates in many.items():
            if len(rates) == 2:
                print(f"{side}: s/MB at 5,000 articles / at 1,000 = {rates[1] / rates[0]:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
