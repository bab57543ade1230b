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
# the top of the Ledger, Summary and Mentions pages, where the seed's rows are
pdftoppm -png -r 110 -f 1 -l 1 -x 60 -y 90 -W 1060 -H 130 -singlefile "$work/seed-ledger.pdf" docs/seed-ledger
pdftoppm -png -r 110 -f 2 -l 2 -x 60 -y 90 -W 1060 -H 390 -singlefile "$work/seed-ledger.pdf" docs/seed-summary
pdftoppm -png -r 110 -f 3 -l 3 -x 60 -y 90 -W 1060 -H 130 -singlefile "$work/seed-ledger.pdf" docs/seed-mentions
ls docs/seed-ledger.png docs/seed-summary.png docs/seed-mentions.png
