#!/usr/bin/env bash
# make test-browser: the overview page of corpus/ in a real headless Chromium (installed from
# Debian's packages when missing). Saves a screenshot, and checks the page as rendered: every chart
# present, every number equal to the counts in the CSV files, the filter script working, no console
# error (tests/browser/check_overview.py).
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/browser-test
filter="${OVERVIEW_FILTER:-government}"

apt_install() {
    echo "test-browser: installing $* from Debian's packages"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"
    else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "$@"; fi
}
command -v chromium >/dev/null 2>&1 || apt_install chromium
command -v python3 >/dev/null 2>&1 || apt_install python3

cargo build --release --locked --quiet --bin acta
rm -rf "$work"
mkdir -p "$work"
./target/release/acta extract corpus/ --out "$work/out" --sqlite "$work/acta.sqlite" --quiet
./target/release/acta overview "$work/acta.sqlite" --html "$work/overview.html"

# Flags as this machine's Chromium needs them: no sandbox as root, no GPU, no network chatter.
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
    --disable-component-update --disable-sync --hide-scrollbars)
page="file://$PWD/$work/overview.html"
timeout 120 chromium "${chromium_flags[@]}" --user-data-dir="$work/profile-1" --enable-logging=stderr --v=0 \
    --virtual-time-budget=3000 --dump-dom "$page#filter=$filter" > "$work/dom.html" 2> "$work/console.log"
timeout 120 chromium "${chromium_flags[@]}" --user-data-dir="$work/profile-2" --window-size=1200,4400 \
    --screenshot="$PWD/$work/overview.png" "$page" 2>/dev/null
test -s "$work/overview.png" || { echo "test-browser: no screenshot was written"; exit 1; }
python3 tests/browser/check_overview.py "$work/out" "$work/dom.html" "$work/console.log" "$filter"
echo "test-browser: screenshot in $work/overview.png"
