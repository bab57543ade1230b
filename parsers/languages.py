"""Per-language data tables (`parsers/lang/<code>.toml`), loaded once.

A table holds all language knowledge the parsers use; adding a language means
adding a table. Separators come from babel's CLDR data for the table's locale.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from babel.numbers import get_decimal_symbol, get_group_symbol


@dataclass(frozen=True, eq=False)  # one instance per language (load_language caches), hashed by identity
class Language:
    code: str
    decimal_symbol: str
    group_symbol: str
    decimal_before_three_digits: str  # "always" or "before_scale"
    stopwords: frozenset[str]
    letters: frozenset[str]
    scales: dict[str, int]
    number_language: str
    number_extra: dict[str, Decimal]
    scale_only_words: frozenset[str]
    unit_only_words: frozenset[str]
    half_suffix: str
    morphemes: tuple[str, ...]
    joiners: tuple[str, ...]
    qualifiers: tuple[str, ...]
    connectors: tuple[str, ...]
    list_conjunctions: frozenset[str]
    comparison_labels: tuple[str, ...]
    negative: tuple[str, ...]
    banknotes: tuple[str, ...]
    number_infixes: tuple[str, ...]
    currency_names: dict[str, str]
    prefix_names: frozenset[str]
    ambiguous: dict[str, tuple[str, ...]]
    cents: dict[str, tuple[str, ...]]
    scaled_codes: dict[str, tuple[str, int]]
    # events: kind -> trigger patterns; cue name -> patterns (see the tables)
    triggers: dict[str, tuple[str, ...]]
    cues: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, ...]]
    legal_forms: tuple[str, ...]
    not_names: frozenset[str]
    capitalized_nouns: bool
    noun_endings: tuple[str, ...]
    articles: frozenset[str]
    subject_verbs: tuple[str, ...]
    payer: tuple[str, ...]
    person_roles: tuple[str, ...]
    periods: dict[str, tuple[str, ...]]
    ordinals: dict[str, int]
    abbreviations: frozenset[str]
    clause_breaks: tuple[str, ...]


def available_languages() -> tuple[str, ...]:
    """Codes of the languages that have a table, e.g. ('de', 'en')."""
    files = resources.files("parsers").joinpath("lang").iterdir()
    return tuple(sorted(f.name.removesuffix(".toml") for f in files if f.name.endswith(".toml")))


@cache
def load_language(code: str) -> Language:
    """The table for `code`; ValueError for a language without one."""
    if code not in available_languages():
        raise ValueError(f"no language table for {code!r}; known: {', '.join(available_languages())}")
    raw = tomllib.loads(resources.files("parsers").joinpath("lang").joinpath(f"{code}.toml").read_text("utf-8"))
    words, phrases, cur = raw["number_words"], raw["phrases"], raw["currencies"]
    locale = raw["locale"]
    return Language(
        code=code,
        decimal_symbol=get_decimal_symbol(locale),
        group_symbol=get_group_symbol(locale),
        decimal_before_three_digits=raw["decimal_before_three_digits"],
        stopwords=frozenset(w.lower() for w in raw["stopwords"]),
        letters=frozenset(raw["letters"]),
        scales=dict(raw["scales"]),
        number_language=words["language"],
        number_extra={k: Decimal(v) for k, v in words["extra"].items()},
        scale_only_words=frozenset(words.get("scale_only", ())),
        unit_only_words=frozenset(words.get("unit_only", ())),
        half_suffix=words["half_suffix"],
        morphemes=tuple(words["morphemes"]),
        joiners=tuple(words.get("joiners", ())),
        qualifiers=tuple(phrases["qualifiers"]),
        connectors=tuple(phrases["connectors"]),
        list_conjunctions=frozenset(phrases["list_conjunctions"]),
        comparison_labels=tuple(phrases["comparison_labels"]),
        negative=tuple(phrases["negative"]),
        banknotes=tuple(phrases["banknotes"]),
        number_infixes=tuple(phrases.get("number_infixes", ())),
        currency_names=dict(cur["names"]),
        prefix_names=frozenset(cur.get("prefix", ())),
        ambiguous={k: tuple(v) for k, v in cur["ambiguous"].items()},
        cents={k: tuple(v) for k, v in cur["cents"].items()},
        scaled_codes={k: (v[0], int(v[1])) for k, v in cur["scaled_codes"].items()},
        triggers={k: tuple(v) for k, v in raw["events"]["triggers"].items()},
        cues={k: tuple(v) for k, v in raw["events"]["cues"].items()},
        roles={k: tuple(v) for k, v in raw["events"]["roles"].items()},
        legal_forms=tuple(raw["parties"]["legal_forms"]),
        not_names=frozenset(raw["parties"]["not_names"]),
        capitalized_nouns=raw["parties"]["capitalized_nouns"],
        noun_endings=tuple(raw["parties"]["noun_endings"]),
        articles=frozenset(raw["parties"]["articles"]),
        subject_verbs=tuple(raw["parties"]["subject_verbs"]),
        payer=tuple(raw["parties"]["payer"]),
        person_roles=tuple(raw["parties"]["person_roles"]),
        periods={k: tuple(v) for k, v in raw["periods"].items() if k != "ordinals"},
        ordinals=dict(raw["periods"]["ordinals"]),
        abbreviations=frozenset(raw["sentences"]["abbreviations"]),
        clause_breaks=tuple(raw["sentences"]["clause_breaks"]),
    )
