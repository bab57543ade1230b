"""Every language's example corpora (parsers/lang/<code>/{money,events}.txt,
format: parsers/examples.py), discovered rather than named."""
from __future__ import annotations

from parsers import examples
from parsers.languages import available_languages, language_file

LANGUAGES = available_languages()


def pairs() -> list[tuple[str, str]]:
    """(language, corpus) for every corpus file of every language folder."""
    return [(lang, corpus) for lang in LANGUAGES for corpus in examples.CORPORA
            if language_file(lang, f"{corpus}.txt").is_file()]


def load(lang: str, corpus: str) -> list[tuple[str, str, list]]:
    return examples.load(language_file(lang, f"{corpus}.txt"), examples.CORPORA[corpus])
