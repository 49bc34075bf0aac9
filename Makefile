# crosscheck — the two set-up commands are `make serve` and `make test` (see README).
# Both install what is missing first (scripts/setup.sh is idempotent).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: serve test setup test-native test-wasm test-e2e build bench bench-size clean

## Serve the page on http://127.0.0.1:8080 (installs tools, builds pkg/ in release).
serve: setup
	bash scripts/serve.sh

## Run every test: native, wasm in headless Chrome, and the browser end to end.
test: setup test-native test-wasm test-e2e

setup:
	bash scripts/setup.sh

test-native:
	@[ -d ../shared/seeds ] || echo "NOTICE: ../shared/seeds not found: the tests on the seed articles are skipped (our own fixtures still run)"
	cargo test --locked

test-wasm:
	wasm-pack test --headless --chrome

test-e2e: build
	node tests/e2e/run.mjs

## Release build of pkg/ (what `make serve` ships and the end-to-end test loads).
build:
	bash scripts/build-wasm.sh

## Benchmarks (accuracy and speed); figures go into BENCHMARKS.md.
bench: build
	cargo build --release --locked
	bash bench/run.sh

clean:
	rm -rf target pkg tests/e2e/artifacts
