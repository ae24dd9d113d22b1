# acta: the two commands a new user needs are `make run` and `make test`.
# Only the Rust toolchain (cargo) is required; everything else comes from crates.io.

CARGO ?= cargo
OUT ?= out

.PHONY: all build run test test-documents test-transformers test-browser test-spark eval eval-lang eval-summary bench pgo fuzz lint fmt clean

all: build

build:
	$(CARGO) build --release --locked

## Run acta over the bundled sample reports in corpus/, writing CSV and JSON Lines to out/.
run: build
	./target/release/acta extract corpus/ --out $(OUT)
	@echo "Wrote $(OUT)/reports.csv, speakers.csv, entities.csv, errors.csv and reports.jsonl"

## Every test: unit tests, doc tests, end-to-end tests over corpus/ and bad inputs. The workspace's default
## members only: the transformer backend (crates/transformers, libtorch) is `make test-transformers`.
test:
	$(CARGO) test --locked
	@if $(CARGO) tree --locked -e normal,build,dev --prefix none | grep -qE '^(tch|torch-sys|rust-bert) '; then \
		echo "make test: the default build depends on a torch crate; it must not (see crates/transformers)"; exit 1; fi

## The overview page of corpus/ in headless Chromium (installed from Debian's packages when missing): a screenshot
## in target/browser-test/, every chart present, every number equal to the CSV files' counts, no console message.
test-browser:
	./scripts/test_browser.sh

## Every corpus report written as a Word document and a PDF by LibreOffice (installed from Debian's packages when
## missing), acta's records from each checked against its records from the report's text; the few documents
## `make test` reads are copied to tests/documents/.
test-documents:
	./scripts/make_documents.sh

## acta on a real local Spark (examples/spark/acta_job.py in local[2] mode) over corpus/: its Parquet tables must
## hold exactly the rows of acta's own output. Installs pyspark from PyPI into target/spark-venv, and a Java
## runtime from Debian's packages when none is found.
test-spark:
	./scripts/test_spark.sh

## The opt-in transformer backend (rust-bert on libtorch; crates/transformers): installs Debian's libtorch-dev when
## missing, builds tiny random models in the tests and runs acta with --ner-model/--summary-model end to end.
test-transformers:
	./scripts/test_transformers.sh

## Score acta on corpus/ against its answer keys (precision, recall, F1 per field); fails below the bars.
## Then the shared seed and, when ../shared/dev is there, the development set of real texts (per field and per
## language; it fails below EVAL_DEV_BARS, set a little under the figures measured, so later work cannot lose them).
## `make eval EVAL_FLAGS=-v` lists every miss and extra. Uses the debug build `make test` already made.
EVAL_BARS ?= speakers=0.95,people=0.95,countries=0.95,ministries=0.90,organizations=0.90
EVAL_DEV_BARS ?= speakers=0.93,people=0.95,ministries=0.75,orgs_any=0.80,countries=0.96,language=0.99
DEV ?= ../shared/dev
eval:
	$(CARGO) run --quiet --locked --bin acta -- extract corpus/ --out $(OUT)/eval --quiet
	$(CARGO) run --quiet --locked --bin acta -- eval --gold corpus $(OUT)/eval/reports.jsonl --require $(EVAL_BARS) $(EVAL_FLAGS)
	@if [ -d ../shared/gold ]; then \
		$(CARGO) run --quiet --locked --bin acta -- extract ../shared/seeds --out $(OUT)/eval-shared --quiet && \
		$(CARGO) run --quiet --locked --bin acta -- eval --gold ../shared/gold $(OUT)/eval-shared/reports.jsonl $(EVAL_FLAGS); \
	else echo "../shared/gold not found: skipping the shared answer keys"; fi
	@if [ -d $(DEV)/texts ] && [ -d $(DEV)/gold ]; then \
		echo "Development set of real texts ($(DEV)):" && \
		$(CARGO) run --quiet --locked --bin acta -- extract $(DEV)/texts --out $(OUT)/eval-dev --quiet && \
		$(CARGO) run --quiet --locked --bin acta -- eval --gold $(DEV)/gold $(OUT)/eval-dev/reports.jsonl --require $(EVAL_DEV_BARS) $(EVAL_FLAGS); \
	else echo "$(DEV) not found: skipping the development set of real texts"; fi

## Language detection accuracy on ../shared/langid (lingua-rs's test data), per language and length class, for
## the default candidate set (bars: sentences >= 99% per language, word pairs >= lingua's own) and for en,es,pt,fr.
LANGID ?= ../shared/langid
eval-lang:
	@if [ -d $(LANGID) ]; then \
		$(CARGO) run --quiet --release --locked --bin acta -- eval-lang --data $(LANGID) --require-sentences 0.99 --require-word-pairs-at-lingua && \
		$(CARGO) run --quiet --release --locked --bin acta -- eval-lang --data $(LANGID) --languages en,es,pt,fr; \
	else echo "$(LANGID) not found: skipping the language-identification test data"; fi

## ROUGE-1/2/L of acta's summaries against the reference summaries in corpus/*/gold.json, next to lead-3 (the
## first three sentences of the text); fails unless acta is above lead-3 on ROUGE-1 and ROUGE-L in every language.
## Then the same on ../shared/dev (real texts) when present: fails when acta's ROUGE-L falls below lead-3's
## there plus EVAL_SUMMARY_DEV_MARGIN (default 0.04, under the smallest margin measured: fr 0.056 on 2026-12-03) in any language. EVAL_FLAGS=-v prints both summaries.
EVAL_SUMMARY_DEV_MARGIN ?= 0.04
eval-summary:
	$(CARGO) run --quiet --locked --bin acta -- extract corpus/ --out $(OUT)/eval --with-text --quiet
	$(CARGO) run --quiet --locked --bin acta -- eval-summary --gold corpus $(OUT)/eval/reports.jsonl --require-above-lead3 $(EVAL_FLAGS)
	@if [ -d $(DEV)/texts ] && [ -d $(DEV)/gold ]; then \
		echo "Development set of real texts ($(DEV)):" && \
		$(CARGO) run --quiet --locked --bin acta -- extract $(DEV)/texts --out $(OUT)/eval-summary-dev --with-text --quiet && \
		$(CARGO) run --quiet --locked --bin acta -- eval-summary --gold $(DEV)/gold $(OUT)/eval-summary-dev/reports.jsonl --require-rougel-margin $(EVAL_SUMMARY_DEV_MARGIN) $(EVAL_FLAGS); \
	else echo "$(DEV) not found: skipping the development set of real texts"; fi

## A profile-guided build of acta in target/pgo/acta: same code and outputs as target/release/acta, about a tenth
## less CPU (BENCHMARKS.md). Trains on corpus/ and reports generated from it; needs llvm-profdata of rustc's own LLVM
## version and installs Debian's llvm-N package when it is missing. Two release builds: about ten minutes.
pgo:
	./scripts/pgo.sh

## Benchmarks (timings belong here, not in tests): acta end to end on generated 10 MB and 100 MB corpora
## (1 GB with BENCH_BIG=1) with 1 and 2 threads, for the release build and the profile-guided one (make pgo;
## left out with a message when it cannot be built), `wc -w` as the floor, a per-stage profile and cold start,
## written to BENCHMARKS.md; then language detection throughput, summary cost, and the transformer backend's
## cost per report with tiny random models (installs libtorch-dev when missing; builds in target/transformers).
bench: build
	$(CARGO) build --quiet --release --locked -p acta-bench
	@if ./scripts/pgo.sh; then ACTA_PGO=target/pgo/acta ./target/release/acta-bench run; \
	else echo "make bench: no profile-guided build (see above); measuring the release build only"; ./target/release/acta-bench run; fi
	./target/release/acta-bench lang corpus
	./target/release/acta-bench summary corpus
	./scripts/bench_transformers.sh

## Fuzzing (libFuzzer through cargo-fuzz, installed from crates.io when missing): every target in fuzz/ runs for
## FUZZ_SECONDS (default 60) from corpus/ and fuzz/seeds/; prints executions per target, fails on any crash.
FUZZ_SECONDS ?= 60
fuzz:
	@command -v cargo-fuzz >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked --version 0.13.2
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/fuzz.sh

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --locked -- -D warnings

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
	rm -rf $(OUT)
