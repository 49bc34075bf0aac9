#!/usr/bin/env bash
# Runs every benchmark and prints its figures (copy them into BENCHMARKS.md).
# Needs: a release CLI (cargo build --release) and a release pkg/ (scripts/build-wasm.sh).
set -uo pipefail
cd "$(dirname "$0")/.."
run() { printf '\n=== %s\n$ %s\n' "$1" "$2"; bash -c "$2" || echo "(failed: $?)"; }
run "wasm size" "bash bench/size.sh"
run "figures: NewsQuant dev half" "python3 bench/newsquant.py"
run "figures: seeds" "python3 bench/seeds_figures.py"
run "entities: seeds, with compromise" "python3 bench/entities.py"
run "comparison: seeds" "python3 bench/compare.py"
run "scaling of the whole CLI with the number of articles" "python3 bench/scaling.py"
run "hostile and heavy shapes, native and wasm (s/MB, memory per byte)" "python3 bench/shapes.py"
run "throughput, native" "cargo bench --bench throughput 2>/dev/null"
run "cost per stage, instructions (callgrind)" "bash bench/stage_cost.sh"
run "throughput, wasm in Node" "node bench/wasm_throughput.mjs"
run "analysis in headless Chromium" "node bench/browser_timing.mjs"
