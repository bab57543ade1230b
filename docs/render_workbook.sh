#!/usr/bin/env bash
# Renders the seed's workbook as a reviewer sees it: LibreOffice (headless)
# turns it into a PDF, pdftoppm the PDF into PNG pages under docs/.
# Needs LibreOffice Calc and poppler-utils (Debian: libreoffice-calc-nogui poppler-utils)
# and the project installed in .venv (the README's first command).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/ledger extract seeds/ -o "$work/seed-ledger.xlsx" --currency EUR
soffice --headless --calc --convert-to pdf --outdir "$work" "$work/seed-ledger.xlsx" >/dev/null
pdftoppm -png -r 70 "$work/seed-ledger.pdf" docs/seed-ledger
ls docs/seed-ledger*.png
