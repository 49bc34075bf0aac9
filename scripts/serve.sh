#!/usr/bin/env bash
# Builds the WebAssembly package if needed (scripts/build-wasm.sh), then serves the
# repository root on http://127.0.0.1:${PORT:-8080}/ (the page is at /www/; / redirects
# there). Local only: binds 127.0.0.1. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-wasm.sh
exec python3 scripts/serve.py "${PORT:-8080}"
