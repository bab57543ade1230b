"""The one way a word list of a table becomes a regular expression: literal
words as a trie (fast on thousands, the longest first), patterns as an
alternation in their order; an empty list never matches.

>>> alternation(["to", "to be"]), any_of(["a+", "b"]), any_of([])
('(?:to(?:\\\\ be)?)', '(?:(?:a+)|(?:b))', '(?!)')
"""
from __future__ import annotations

from typing import Iterable

from retrie.trie import Trie

NEVER = "(?!)"


def alternation(words: Iterable[str]) -> str:
    """Any of the literal `words`, the longest that matches first."""
    words = list(words)
    if not words:
        return NEVER
    trie = Trie()
    trie.add(*words)
    return f"(?:{trie.pattern()})"


def any_of(patterns: Iterable[str]) -> str:
    """Any of the regular expressions `patterns`, tried in their order."""
    patterns = list(patterns)
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" if patterns else NEVER
