#!/usr/bin/env bash
# make test-documents: the Word and PDF test documents made again from corpus reports by a real
# producer (LibreOffice headless, installed from Debian's packages when missing), copied to
# tests/documents/, then the test that acta's records from each document equal its records from the
# report's text. Each document has small pages (so that reports run over several), a running header
# (the report's first line), a page-number footer, paragraphs with line breaks, lists and, for the
# Markdown case, a table of speakers; one PDF is also written with a password.
set -euo pipefail
cd "$(dirname "$0")/.."
# Every corpus report written as a document is checked; these few are also committed to
# tests/documents/ so that `make test` reads them without LibreOffice.
committed="es_acta_reunion es_markdown_tabla en_board_minutes_present pt_ata_reuniao fr_compte_rendu en_igf_form_cybersecurity es_informe_gobierno_digital es_markdown_acta_asistentes en_press_summary_connectivity de_programm_fachforum en_agenda_opendata pt_painel_debatedores en_text_with_html pt_pdf_quebrado en_press_release_prose"
all_cases=""
for d in corpus/*/; do
    if [ -f "$d/report.txt" ] || [ -f "$d/report.md" ]; then all_cases="$all_cases $(basename "$d")"; fi
done
cases="${DOCUMENT_CASES:-$all_cases}"
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
profile=(-env:UserInstallation="file://$PWD/$work/profile" --headless)
timeout 300 soffice "${profile[@]}" --convert-to docx --outdir "$work" "$work"/*.fodt
timeout 300 soffice "${profile[@]}" --convert-to pdf --outdir "$work" "$work"/*.fodt
mkdir -p "$work/encrypted"
timeout 300 soffice "${profile[@]}" --convert-to \
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' \
    --outdir "$work/encrypted" "$work/es_acta_reunion.fodt"
for c in $committed; do
    if [ -f "$work/$c.docx" ]; then cp "$work/$c.docx" "$work/$c.pdf" tests/documents/; fi
done
cp "$work/encrypted/es_acta_reunion.pdf" tests/documents/encrypted.pdf
ls -l tests/documents
# The committed documents, then every document made here: each gives its text's records.
cargo test --locked --quiet --test documents
ACTA_DOCUMENTS="$PWD/$work" cargo test --locked --quiet --test documents gives_the_records_of_its_text
