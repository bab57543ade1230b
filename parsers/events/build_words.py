"""Builds a lexicon of common words (parsers/events/nouns.py reads it) for a
language that writes them in lower case, from a spelling word list such as
SCOWL's (Debian package `wamerican`):

    python -m parsers.events.build_words /usr/share/dict/american-english parsers/lang/en/words.txt.gz

It keeps the words the list writes only in lower case: "sources" and
"continuing", but not "apple" or "delta", which it lists as "Apple" and
"Delta" too.
"""
from __future__ import annotations

import gzip
import sys


def build(lines: list[str]) -> bytes:
    """The gzip lexicon of a word list, one word per line."""
    words = {line.strip() for line in lines}
    capitalized = {w.lower() for w in words if w[:1].isupper()}
    common = sorted(w for w in words if w.isalpha() and w.islower() and w not in capitalized)
    return gzip.compress("\n".join(common).encode("utf-8"), 9, mtime=0)


if __name__ == "__main__":
    source, target = sys.argv[1:3]
    with open(source, encoding="utf-8") as f:
        data = build(f.read().split("\n"))
    with open(target, "wb") as f:
        f.write(data)
