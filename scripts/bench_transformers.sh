#!/usr/bin/env bash
# Part of make bench: the transformer backend's cost per report with the tiny random models, next
# to the same run without models. Built in target/transformers so that target/release/acta stays
# the default (torch-free) build. Installs libtorch-dev when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/libtorch.sh
CARGO_TARGET_DIR=target/transformers cargo build --release --locked --quiet -p acta --features transformers
CARGO_TARGET_DIR=target/transformers cargo build --release --locked --quiet -p acta-transformers --bin acta-tiny-models
rm -rf target/bench/tiny-models
./target/transformers/release/acta-tiny-models target/bench/tiny-models
./target/release/acta-bench models ./target/transformers/release/acta target/bench/tiny-models
