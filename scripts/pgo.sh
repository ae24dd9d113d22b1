#!/usr/bin/env bash
# A profile-guided build of acta (`make pgo`): an instrumented build reads sample reports, LLVM merges what it
# counted, and the release build is compiled again with those counts, so the compiler lays out and inlines the
# code the way reports actually run through it. Same code and outputs as target/release/acta, less CPU.
#
# The training reads corpus/ and reports generated from it (`acta-bench generate`, its own seed): the
# benchmark's corpora are never read, so what `make bench` measures is not what the build was trained on.
#
# Needs llvm-profdata of the LLVM that rustc is built on; installs Debian's llvm-N when it is missing.
# Writes target/pgo/acta; the builds live in target/pgo-instrumented and target/pgo-build.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO=${CARGO:-cargo}
llvm_major=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
if [ -z "$llvm_major" ]; then
    echo "make pgo: could not read rustc's LLVM version from 'rustc -vV'" >&2
    exit 1
fi

find_profdata() {
    for candidate in "llvm-profdata-$llvm_major" "/usr/lib/llvm-$llvm_major/bin/llvm-profdata"; do
        if command -v "$candidate" >/dev/null 2>&1; then command -v "$candidate"; return 0; fi
    done
    # An unversioned llvm-profdata is used only when it is the same LLVM: profiles change format between versions.
    if command -v llvm-profdata >/dev/null 2>&1 \
        && llvm-profdata merge --version 2>/dev/null | grep -q "LLVM version $llvm_major\."; then
        command -v llvm-profdata; return 0
    fi
    return 1
}

if ! profdata=$(find_profdata); then
    echo "make pgo: llvm-profdata $llvm_major not found; installing Debian's llvm-$llvm_major" >&2
    if command -v apt-get >/dev/null 2>&1; then
        if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends "llvm-$llvm_major"
        else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "llvm-$llvm_major"; fi
    fi
    if ! profdata=$(find_profdata); then
        echo "make pgo: no llvm-profdata for LLVM $llvm_major (rustc $(rustc -V | cut -d' ' -f2)); install llvm-$llvm_major" >&2
        echo "          or use the plain release build (make build)." >&2
        exit 1
    fi
fi

root=$(pwd)
pgo=$root/target/pgo
raw=$pgo/raw
train=$pgo/train
mkdir -p "$pgo"

echo "make pgo: instrumented build (target/pgo-instrumented)" >&2
RUSTFLAGS="-Cprofile-generate=$raw" CARGO_TARGET_DIR=$root/target/pgo-instrumented \
    $CARGO build --release --locked --quiet -p acta
# Build scripts of the instrumented build write counts too: only the training run's are kept.
rm -rf "$raw" "$train" "$pgo/out"

$CARGO build --release --locked --quiet -p acta-bench
./target/release/acta-bench generate 2 "$train" 97 >&2
echo "make pgo: training on corpus/ and $(find "$train" -name '*.txt' | wc -l) generated reports" >&2
./target/pgo-instrumented/release/acta extract corpus/ --out "$pgo/out" --quiet --jobs 2
rm -rf "$pgo/out"
./target/pgo-instrumented/release/acta extract "$train" --out "$pgo/out" --quiet --jobs 2
rm -rf "$pgo/out"
"$profdata" merge -o "$pgo/acta.profdata" "$raw"

echo "make pgo: optimised build (target/pgo-build)" >&2
RUSTFLAGS="-Cprofile-use=$pgo/acta.profdata" CARGO_TARGET_DIR=$root/target/pgo-build \
    $CARGO build --release --locked --quiet -p acta
cp target/pgo-build/release/acta "$pgo/acta"
echo "make pgo: wrote target/pgo/acta" >&2
