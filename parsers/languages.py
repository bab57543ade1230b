"""Per-language data, one folder per language (`parsers/lang/<code>/`), loaded once.

A folder holds its table (`table.toml`: every key is declared, with its
default and meaning, in `parsers/lang/base.toml`), its example corpora
(`money.txt`, `events.txt`) and what was built from data (`events.json`, the
trained event models; `nouns.txt.gz`, a noun lexicon). Adding a language
means adding a folder: here, or in a folder named by the environment
variable LEDGER_LANGUAGES (paths joined by os.pathsep). What every language
shares (symbols, codes, scale letters) is stated once, in
`parsers/lang/shared.toml`, under every table. Separators come from babel's
CLDR data for the table's locale.
"""
from __future__ import annotations

import importlib.util
import os
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Callable

from babel.numbers import get_decimal_symbol

LANGUAGES_ENV = "LEDGER_LANGUAGES"
HOOKS = "hooks.py"
BASE, SHARED = "base.toml", "shared.toml"  # every key with its default; what every language shares
_REQUIRED = ("locale",)
DECIMAL_MODES = ("always", "except_round_thousands")


class LanguageError(ValueError):
    """A language table that is broken: names the file and the key."""


def _same(name: str) -> set[str]:
    return {name}


def _never(word: str) -> bool:
    return False


def _whole(text: str, start: int, piece: list[str], sentence_start: bool, places) -> tuple[int, list[str]]:
    return start, piece


@dataclass(frozen=True)
class Hooks:
    """What no table can say, as functions of a language folder's hooks.py
    (each optional, named like the field; parsers/lang/de/hooks.py has all)."""
    name_forms: Callable[[str], set[str]] = _same  # the forms a multi-word CLDR currency name takes in text
    inflected: Callable[[str], bool] = _never  # a lowercase word whose ending makes the next word a noun
    # what of a capitalized run of words can be a name: (text, start, words, at a sentence start, places)
    name_core: Callable[..., tuple[int, list[str]]] = _whole
    adjective_stem: Callable[[str], str] = str  # an adjective without its ending ("schwedisch" of "Schwedische")


@dataclass(frozen=True, eq=False)  # one instance per language (load_language caches), hashed by identity
class Language:
    code: str
    table: str  # the file it was read from, for messages
    decimal_symbol: str
    decimal_before_three_digits: str  # "always" or "except_round_thousands"
    stopwords: frozenset[str]
    letters: frozenset[str]
    symbols: tuple[str, ...]
    scales: dict[str, int]
    number_language: str
    number_extra: dict[str, Decimal]
    scale_only_words: frozenset[str]
    unit_only_words: frozenset[str]
    half_suffix: str
    vague: tuple[str, ...]
    hundredths: str
    morphemes: tuple[str, ...]
    joiners: tuple[str, ...]
    qualifiers: tuple[str, ...]
    connectors: tuple[str, ...]
    list_conjunctions: frozenset[str]
    comparison_labels: tuple[str, ...]
    clause_openers: tuple[str, ...]
    list_followers: str
    negative: tuple[str, ...]
    banknotes: tuple[str, ...]
    number_infixes: tuple[str, ...]
    currency_names: dict[str, str]
    prefix_names: frozenset[str]
    ambiguous: dict[str, tuple[str, ...]]
    cents: dict[str, tuple[str, ...]]
    scaled_codes: dict[str, tuple[str, int]]
    legacy_codes: frozenset[str]
    not_money_after: dict[str, str]
    glued_cents: dict[str, tuple[str, ...]]
    families: dict[str, tuple[str, ...]]
    family_tokens: dict[str, str]
    # events: kind -> trigger patterns; cue name -> patterns (see the tables)
    triggers: dict[str, tuple[str, ...]]
    cues: dict[str, tuple[str, ...]]
    roles: dict[str, tuple[str, ...]]
    legal_forms: tuple[str, ...]
    not_names: frozenset[str]
    not_leading: frozenset[str]
    capitalized_nouns: bool
    noun_endings: tuple[str, ...]
    descriptor_endings: tuple[str, ...]
    articles: frozenset[str]
    subject_verbs: tuple[str, ...]
    payer: tuple[str, ...]
    person_roles: tuple[str, ...]
    nationality_endings: tuple[str, ...]
    month_range: tuple[str, ...]
    periods: dict[str, tuple[str, ...]]
    ordinals: dict[str, int]
    abbreviations: frozenset[str]
    clause_breaks: tuple[str, ...]
    hooks: Hooks


def _roots() -> list[Traversable]:
    extra = [Path(p) for p in os.environ.get(LANGUAGES_ENV, "").split(os.pathsep) if p]
    return [resources.files("parsers").joinpath("lang"), *extra]


@cache
def _folders() -> dict[str, Traversable]:
    folders: dict[str, Traversable] = {}
    for root in _roots():
        if root.is_dir():
            for folder in root.iterdir():
                if folder.joinpath("table.toml").is_file():
                    folders.setdefault(folder.name, folder)
    return folders


def available_languages() -> tuple[str, ...]:
    """Codes of the languages that have a folder, e.g. ('de', 'en')."""
    return tuple(sorted(_folders()))


def language_file(code: str, name: str) -> Traversable:
    """A file of a language's folder (it may not exist: check is_file())."""
    return _folders()[code].joinpath(name)


def _merged(base: dict, table: dict, where: str, path: tuple[str, ...] = ()) -> dict:
    """The table over the base's defaults; LanguageError for an unknown key or a value of the wrong type."""
    for key in table:
        if key not in base and not (not path and key in _REQUIRED):
            raise LanguageError(f"{where}: unknown key {'.'.join((*path, key))} (the keys: parsers/lang/base.toml)")
    merged = {k: table[k] for k in _REQUIRED if not path and k in table}
    for key, default in base.items():
        value = table.get(key, default)
        name = ".".join((*path, key))
        if not isinstance(value, type(default)):
            raise LanguageError(f"{where}: key {name} must be a {type(default).__name__}")
        merged[key] = _merged(default, value, where, (*path, key)) if isinstance(default, dict) and default else value
    return merged


def _over_shared(table: dict, shared: dict, base: dict) -> dict:
    """The table read over parsers/lang/shared.toml: mappings and lists are
    joined (the table's entry wins), anything else is the table's."""
    joined = dict(table)
    for key, value in shared.items():
        default = base[key]
        if isinstance(default, dict) and default:
            joined[key] = _over_shared(table[key], value, default)
        elif isinstance(value, dict):
            joined[key] = {**value, **table[key]}
        elif isinstance(value, list):
            joined[key] = value + [v for v in table[key] if v not in value]
    return joined


@cache
def _shared(base_text: str) -> dict:
    path = resources.files("parsers").joinpath("lang").joinpath(SHARED)
    shared = tomllib.loads(path.read_text("utf-8"))
    _merged(tomllib.loads(base_text), shared, str(path))  # only keys of the base, of the right type
    return shared


@cache
def load_language(code: str) -> Language:
    """The table for `code`; ValueError for a language without one."""
    if code not in available_languages():
        raise ValueError(f"no language table for {code!r}; known: {', '.join(available_languages())}")
    path = language_file(code, "table.toml")
    where = str(path)
    try:
        table = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LanguageError(f"{where}: not TOML ({error})") from None
    base_text = resources.files("parsers").joinpath("lang").joinpath(BASE).read_text("utf-8")
    base = tomllib.loads(base_text)
    raw = _over_shared(_merged(base, table, where), _shared(base_text), base)
    for key in _REQUIRED:
        if key not in raw:
            raise LanguageError(f"{where}: missing key {key}")
    if raw["decimal_before_three_digits"] not in DECIMAL_MODES:
        raise LanguageError(f"{where}: key decimal_before_three_digits must be one of {', '.join(DECIMAL_MODES)}")
    words, phrases, cur = raw["number_words"], raw["phrases"], raw["currencies"]
    locale = raw["locale"]
    return Language(
        code=code,
        table=where,
        decimal_symbol=get_decimal_symbol(locale),
        decimal_before_three_digits=raw["decimal_before_three_digits"],
        stopwords=frozenset(w.lower() for w in raw["stopwords"]),
        letters=frozenset(raw["letters"]),
        symbols=tuple(raw["symbols"]),
        # headlines and legal text write scale words in capitals ("EUR 1.5 BILLION")
        scales={**{w.upper(): p for w, p in raw["scales"].items() if len(w) > 2}, **raw["scales"]},
        number_language=words["language"],
        number_extra={k.lower(): Decimal(v) for k, v in words["extra"].items()},  # parse_words looks up lowercase
        scale_only_words=frozenset(words["scale_only"]),
        unit_only_words=frozenset(words["unit_only"]),
        half_suffix=words["half_suffix"],
        vague=tuple(words["vague"]),
        hundredths=words["hundredths"],
        morphemes=tuple(words["morphemes"]),
        joiners=tuple(words["joiners"]),
        qualifiers=tuple(phrases["qualifiers"]),
        connectors=tuple(phrases["connectors"]),
        list_conjunctions=frozenset(phrases["list_conjunctions"]),
        comparison_labels=tuple(phrases["comparison_labels"]),
        clause_openers=tuple(phrases["clause_openers"]),
        list_followers=phrases["list_followers"],
        negative=tuple(phrases["negative"]),
        banknotes=tuple(phrases["banknotes"]),
        number_infixes=tuple(phrases["number_infixes"]),
        currency_names=dict(cur["names"]),
        prefix_names=frozenset(cur["prefix"]),
        ambiguous={k: tuple(v) for k, v in cur["ambiguous"].items()},
        cents={k: tuple(v) for k, v in cur["cents"].items()},
        scaled_codes={k: (v[0], int(v[1])) for k, v in cur["scaled_codes"].items()},
        legacy_codes=frozenset(cur["legacy_codes"]),
        not_money_after=dict(cur["not_money_after"]),
        glued_cents={k: tuple(v) for k, v in cur["glued_cents"].items()},
        families={k: tuple(v) for k, v in cur["families"].items()},
        family_tokens=dict(cur["family_tokens"]),
        triggers={k: tuple(v) for k, v in raw["events"]["triggers"].items()},
        cues={k: tuple(v) for k, v in raw["events"]["cues"].items()},
        roles={k: tuple(v) for k, v in raw["events"]["roles"].items()},
        legal_forms=tuple(raw["parties"]["legal_forms"]),
        not_names=frozenset(raw["parties"]["not_names"]),
        not_leading=frozenset(raw["parties"]["not_leading"]),
        capitalized_nouns=raw["parties"]["capitalized_nouns"],
        noun_endings=tuple(raw["parties"]["noun_endings"]),
        descriptor_endings=tuple(raw["parties"]["descriptor_endings"]),
        articles=frozenset(raw["parties"]["articles"]),
        subject_verbs=tuple(raw["parties"]["subject_verbs"]),
        payer=tuple(raw["parties"]["payer"]),
        person_roles=tuple(raw["parties"]["person_roles"]),
        nationality_endings=tuple(raw["parties"]["nationality_endings"]),
        month_range=tuple(raw["periods"]["month_range"]),
        periods={k: tuple(v) for k, v in raw["periods"].items() if k not in ("ordinals", "month_range")},
        ordinals=dict(raw["periods"]["ordinals"]),
        abbreviations=frozenset(raw["sentences"]["abbreviations"]),
        clause_breaks=tuple(raw["sentences"]["clause_breaks"]),
        hooks=_hooks(code),
    )


def _hooks(code: str) -> Hooks:
    """The functions of the language folder's hooks.py, if it has one."""
    path = language_file(code, HOOKS)
    if not path.is_file():
        return Hooks()
    spec = importlib.util.spec_from_file_location(f"parsers.lang.{code}.hooks", str(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Hooks(**{name: getattr(module, name) for name in Hooks.__dataclass_fields__ if hasattr(module, name)})
