#!/usr/bin/env bash
# Repeatable cost of each stage on one set of sources (the seeds, or the built-in fixture):
# instructions per run counted by valgrind's callgrind, which a busy machine does not
# disturb (wall-clock timings on a shared 2-core machine vary by 2x; these do not).
# Usage: bash bench/stage_cost.sh [stage...]   (default: all stages; RUNS=20)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "stage_cost: valgrind is not installed (apt-get install -y valgrind)" >&2; exit 1; }
bin=$(cargo bench --bench throughput --no-run --message-format=json 2>/dev/null \
  | sed -n 's/.*"executable":"\([^"]*throughput[^"]*\)".*/\1/p' | tail -1)
[ -x "$bin" ] || { echo "stage_cost: could not build the throughput bench" >&2; exit 1; }
runs=${RUNS:-20}
count() {
  local out; out=$(mktemp)
  STAGE=$1 RUNS=$runs valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" >/dev/null 2>&1
  sed -n 's/^summary: //p' "$out"; rm -f "$out"
}
base=$(count none)
stages=("$@"); [ ${#stages[@]} -gt 0 ] || stages=(text figures entities quotes compare analyze json)
printf '%-10s %14s\n' stage "Minstr/run"
for s in "${stages[@]}"; do
  n=$(count "$s")
  awk -v s="$s" -v n="$n" -v b="$base" -v r="$runs" 'BEGIN { printf "%-10s %14.2f\n", s, (n - b) / r / 1e6 }'
done
