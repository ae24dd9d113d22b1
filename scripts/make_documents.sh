#!/usr/bin/env bash
# make test-documents: the Word test documents made again from corpus reports by a real producer
# (LibreOffice headless, installed from Debian's packages when missing), copied to tests/documents/,
# then the test that acta's records from each document equal its records from the report's text.
# Each document has a running header (the report's first line), a page-number footer, paragraphs
# with line breaks, lists and, for the Markdown case, a table of speakers.
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${DOCUMENT_CASES:-es_acta_reunion es_markdown_tabla en_board_minutes_present pt_ata_reuniao fr_compte_rendu}"
work=target/documents

apt_install() {
    echo "test-documents: installing $* from Debian's packages"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"
    else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "$@"; fi
}
command -v soffice >/dev/null 2>&1 || apt_install libreoffice-writer-nogui

cargo build --release --locked --quiet --bin acta-bench
rm -rf "$work"
mkdir -p "$work" tests/documents
dirs=()
for c in $cases; do dirs+=("corpus/$c"); done
./target/release/acta-bench documents "$work" "${dirs[@]}"
# A profile of its own, so that a LibreOffice already running (or its lock) does not get in the way.
timeout 300 soffice -env:UserInstallation="file://$PWD/$work/profile" --headless --convert-to docx \
    --outdir "$work" "$work"/*.fodt
for c in $cases; do cp "$work/$c.docx" "tests/documents/$c.docx"; done
ls -l tests/documents
cargo test --locked --quiet --test documents
