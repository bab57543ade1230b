"""Builds a noun lexicon (parsers/events/nouns.py reads it) from a Wiktionary
noun table such as the `german-nouns` package's nouns.csv:

    python -m parsers.events.build_nouns german_nouns/nouns.csv parsers/lang/de/nouns.txt.gz
"""
from __future__ import annotations

import csv
import gzip
import sys

# Parts of speech of the Wiktionary table that make an entry a name, not a common noun.
_PROPER = ("Eigenname", "Nachname", "Vorname", "Toponym", "Abkürzung", "Straßenname")
_CASES = ("nominativ", "genitiv", "dativ", "akkusativ")


def build(rows: list[list[str]]) -> bytes:
    """The gzip lexicon of a Wiktionary noun table (header row first)."""
    header, *entries = rows
    columns = [i for i, name in enumerate(header) if name.startswith(_CASES)]
    plural = [i for i in columns if "plural" in header[i]]
    forms = set()
    for entry in entries:
        if "Substantiv" not in entry[1] or any(p in entry[1] for p in _PROPER) \
                or not any(entry[i] for i in plural if i < len(entry)):
            continue
        for word in (entry[0], *(entry[i] for i in columns if i < len(entry))):
            if word[:1].isupper() and " " not in word:
                forms.add(word)
    return gzip.compress("\n".join(sorted(forms)).encode("utf-8"), 9, mtime=0)


if __name__ == "__main__":
    source, target = sys.argv[1:3]
    with open(source, encoding="utf-8", newline="") as f:
        data = build(list(csv.reader(f)))
    with open(target, "wb") as f:
        f.write(data)
