# acta: the two commands a new user needs are `make run` and `make test`.
# Only the Rust toolchain (cargo) is required; everything else comes from crates.io.

CARGO ?= cargo
OUT ?= out

.PHONY: all build run test lint fmt clean

all: build

build:
	$(CARGO) build --release --locked

## Run acta over the bundled sample reports in corpus/, writing CSV and JSON Lines to out/.
run: build
	./target/release/acta extract corpus/ --out $(OUT)
	@echo "Wrote $(OUT)/reports.csv, speakers.csv, entities.csv, errors.csv and reports.jsonl"

## Every test: unit tests, doc tests, end-to-end tests over corpus/ and bad inputs.
test:
	$(CARGO) test --workspace --locked

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
	rm -rf $(OUT)
