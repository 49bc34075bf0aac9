#!/usr/bin/env bash
# Size of the release wasm that `make serve` ships: raw and gzip -9, in KiB.
set -euo pipefail
cd "$(dirname "$0")/.."
wasm=pkg/crosscheck_bg.wasm
[ -f "$wasm" ] || { echo "no $wasm: run scripts/build-wasm.sh first" >&2; exit 1; }
raw=$(stat -c %s "$wasm")
gz=$(gzip -9c "$wasm" | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "release wasm: %.1f KiB raw, %.1f KiB gzipped (budget 600 KiB gzipped)\n", r/1024, g/1024 }'
