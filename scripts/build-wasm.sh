#!/usr/bin/env bash
# Release build of the WebAssembly package into pkg/ (wasm-pack, --target web), for the page.
# Idempotent: skips the build when pkg/ is newer than every input (src/**, Cargo.toml,
# Cargo.lock, www/report.d.ts). Set FORCE=1 to rebuild anyway.
# npm's binaryen (node_modules/.bin/wasm-opt) goes first on PATH: Debian's wasm-opt is too old
# for the features rustc emits. Prints the size of the .wasm, raw and gzipped.
set -euo pipefail
cd "$(dirname "$0")/.."

export PATH="$(pwd)/node_modules/.bin:$HOME/.cargo/bin:$PATH"

WASM=pkg/crosscheck_bg.wasm

needs_build() {
  [ "${FORCE:-0}" = 1 ] && return 0
  [ -f "$WASM" ] && [ -f pkg/crosscheck.js ] || return 0
  # Any input newer than the built wasm?
  [ -n "$(find src Cargo.toml Cargo.lock www/report.d.ts -newer "$WASM" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  if [ ! -x node_modules/.bin/wasm-opt ]; then
    echo "build-wasm: node_modules/.bin/wasm-opt is missing: run scripts/setup.sh (npm ci) first" >&2
    exit 1
  fi
  echo "build-wasm: wasm-pack build --release --target web --out-dir pkg" >&2
  # --mode no-install: use the wasm-bindgen on PATH (scripts/setup.sh), never download one.
  # Code size: the wasm is built at opt-level 2 with LLVM's inline threshold at 18 (the
  # native CLI keeps Cargo.toml's opt-level 3). Measured at stop 11 on the same code:
  # threshold 75 gave 412 KiB gzipped (budget 400), 25 gave 401, 18 gives 397 and 10 gives
  # 394 KiB; in an interleaved Chromium A/B (bench/browser_ab.mjs) 18 is 2-5 % slower than
  # 75, 10 is 5-10 % slower, and opt-level "s" (398 KiB with threshold 25) 13 % slower.
  # See BENCHMARKS.md.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=2 RUSTFLAGS="${RUSTFLAGS:-} -C llvm-args=-inline-threshold=18" \
    wasm-pack build --release --target web --out-dir pkg --no-pack --mode no-install
  touch "$WASM"
else
  echo "build-wasm: pkg/ is up to date" >&2
fi

# The service worker's list of files and their version (www/sw.js), after every build and
# whenever www/ changed.
node scripts/sw-manifest.mjs

raw=$(wc -c < "$WASM")
gz=$(gzip -9 -c "$WASM" | wc -c)
printf 'build-wasm: %s: %s bytes (%s KiB), gzipped %s bytes (%s KiB)\n' \
  "$WASM" "$raw" "$((raw / 1024))" "$gz" "$((gz / 1024))"
