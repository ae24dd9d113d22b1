#!/usr/bin/env bash
# make test-transformers: the opt-in rust-bert backend, with tiny random models the tests build
# themselves (no download). Installs libtorch-dev from Debian's packages when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/libtorch.sh
# The backend crate's own tests (loading, inference, merge, bad models), then acta end to end with
# --ner-model/--summary-model/--fallback.
cargo test --locked -p acta-transformers
cargo test --locked -p acta --features transformers --test transformers
