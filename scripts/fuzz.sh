#!/usr/bin/env bash
# Runs every cargo-fuzz target for FUZZ_SECONDS (default 60) each, starting from corpus/ and
# fuzz/seeds/<target>, and prints the executions per target. Exit status 1 when any target found a
# crash (the input is saved under fuzz/artifacts/<target>/, the log under target/fuzz-logs/).
# Uses the stable toolchain: RUSTC_BOOTSTRAP=1 lets it take the -Z sanitizer flags cargo-fuzz passes.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-decode html jsonl layout markdown entities docx pdf}"
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O || exit 2
mkdir -p target/fuzz-logs
failed=0
summary=""
for t in $targets; do
    mkdir -p "fuzz/corpus/$t" "fuzz/seeds/$t"
    log="target/fuzz-logs/$t.log"
    echo "fuzz: $t for $seconds s (log: $log)"
    cargo fuzz run -O "$t" "fuzz/corpus/$t" corpus "fuzz/seeds/$t" -- \
        -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=30 -print_final_stats=1 >"$log" 2>&1
    status=$?
    runs=$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
    if [ "$status" -ne 0 ]; then
        failed=1
        summary+=$(printf '%-9s CRASH (exit %s): see %s and fuzz/artifacts/%s/\n' "$t" "$status" "$log" "$t")$'\n'
        tail -30 "$log"
    else
        summary+=$(printf '%-9s %10s executions in %s s, 0 crashes  (%s)\n' "$t" "${execs:-?}" "$seconds" "$runs")$'\n'
    fi
done
echo
echo "fuzz summary:"
printf '%s' "$summary"
exit $failed
