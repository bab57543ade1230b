"""The event words of one language, compiled from its table: triggers per
kind, and the cues for blocking, per-unit amounts, conversions,
comparisons, status, company references and roles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..languages import Language, LanguageError
from ..wordlists import alternation, any_of
from .kinds import KINDS

# Between a word and the amount it governs: at most two words, no punctuation
# ("einen Vertrag über 10 Mrd.", "turnover of just €1.34bn").
GOVERNS = re.compile(r"\s*(?:[^\W\d_]+\s+){0,2}")


def _words(patterns, flags=0, before=r"(?<!\w)", after=r"(?!\w)") -> re.Pattern:
    """Whole-word matches of the table's patterns (none: never matches)."""
    return re.compile(rf"{before}{any_of(patterns)}{after}", flags)


def _literal(words, flags=0) -> re.Pattern:
    """Whole-word matches of the table's literal words, the longest first."""
    return re.compile(rf"(?<!\w){alternation(words)}(?!\w)", flags)


def _phrase(before: str, phrases, after: str, flags=0) -> re.Pattern:
    """Literal phrases between two contexts (none: never matches)."""
    return re.compile(before + alternation(phrases) + after, flags)


@dataclass(frozen=True, eq=False)
class Cues:
    trigger: re.Pattern  # one named group per kind
    blocker: re.Pattern
    event_word: re.Pattern  # a trigger or blocker: no name
    per_share: re.Pattern  # anywhere in the clause
    per_unit: re.Pattern  # matched right after an amount
    conversion: re.Pattern
    comparison: re.Pattern
    respectively: re.Pattern
    range_from: re.Pattern  # "von" of "von X auf Y", right before X
    range_to: re.Pattern  # "auf", between X and Y
    span_opener: re.Pattern  # "zwischen", right before the first amount of a range
    span_joiner: re.Pattern  # "und" (after an opener), "-": all that stands between a range's amounts
    span_alone: re.Pattern  # "bis", "-": between a range's amounts without an opener
    expected: re.Pattern
    planned: re.Pattern
    threat: re.Pattern
    change_by: re.Pattern  # searched up to an amount: it is the size of a change ("by", "um")
    change_verb: re.Pattern
    other_time: re.Pattern  # before a time expression: a delivery date, a maturity
    company_reference: re.Pattern
    state_reference: re.Pattern
    counterparty_role: re.Pattern
    buyer_role: re.Pattern
    payer_role: re.Pattern
    role_break: re.Pattern  # between a role word and a name: no role of it ("in doubt when Zucker bought")
    person_role: re.Pattern  # beside a name: a person ("CEO Tim Cook", "Sprecher Hans Maier")
    selling: re.Pattern
    lending: re.Pattern
    passive_agent: re.Pattern  # right after a lending verb: the lender follows
    agent: re.Pattern  # right after a trigger: its doer follows ("acquired by X")
    fining: re.Pattern  # "X fined Y": Y pays
    generic: re.Pattern  # a trigger that yields to another kind's in its sentence ("deal")


@cache
def cues(lang: Language) -> Cues:
    unknown = sorted(set(lang.triggers) - set(KINDS))
    if unknown:
        raise LanguageError(f"{lang.table}: [events.triggers] unknown kind {unknown[0]} "
                            f"(the kinds: parsers/events/kinds.toml)")
    trigger = "|".join(f"(?P<{kind}>{any_of(lang.triggers[kind])})" for kind in KINDS if kind in lang.triggers)
    c, r = lang.cues, lang.roles
    return Cues(
        trigger=re.compile(rf"(?<!\w)(?:{trigger})(?!\w)"),
        blocker=_words(c["blockers"]),
        event_word=re.compile(rf"(?:{trigger})|" + any_of(c["blockers"] + c["per_share"])),
        per_share=_words(c["per_share"]),
        per_unit=_phrase(r"\s*\)?\s*", c["per_unit"], r"(?!\w)"),
        conversion=_literal(c["conversion"], re.IGNORECASE),
        comparison=_literal(c["comparison"], re.IGNORECASE),
        respectively=_literal(c["respectively"], re.IGNORECASE),
        range_from=_phrase(r"(?<!\w)", c["range"][:1], r"\s+(?:\w+\s+)?$", re.IGNORECASE),
        range_to=_phrase(r"(?<!\w)", c["range"][1:], r"(?!\w)", re.IGNORECASE),
        span_opener=_phrase(r"(?<!\w)", c["span_opener"], r"\s+$", re.IGNORECASE),
        span_joiner=_phrase(r"\s*(?:[-–—]|", c["span_joiner"], r")\s*", re.IGNORECASE),
        span_alone=_phrase(r"\s*(?:[-–—]|", c["span_alone"], r")\s*", re.IGNORECASE),
        # not the last part of a hyphenated adjective: "a larger-than-expected loss" was reported
        expected=_words(c["expected"], before=r"(?<![\w-])"),
        planned=_words(c["planned"], before=r"(?<![\w-])"),
        threat=_words(c["threats"]),
        # the language's qualifiers stand outside the amount: "by about EUR 5 mn", "um rund 5 Mio. Euro"
        change_by=_words(c["change_by"], after=rf"(?:\s+{alternation(lang.qualifiers)})?\s+$"),
        change_verb=_words(c["change_verbs"]),
        other_time=_words(c["other_times"]),
        company_reference=_words(c["company_references"]),
        state_reference=_literal(c["state_references"], re.IGNORECASE),
        counterparty_role=_literal(r["counterparty"]),
        buyer_role=_literal(r["buyer"]),
        payer_role=_literal(lang.payer),
        # the words no name starts with, but the articles ("to the Norwegian shipbuilder X"), written small
        role_break=_literal(sorted({w.lower() for w in lang.not_leading} - lang.articles)),
        person_role=_words(lang.person_roles),
        selling=_words(r["selling"]),
        lending=_words(r["lending"]),
        passive_agent=_phrase(r"\s+", r["passive_agent"], r"\s"),
        agent=_phrase(r"\s+", r["agent"], r"\s"),
        fining=_words(r["fining"]),
        generic=_words(c["generic"]),
    )


def blockers_outside(text: str, words: Cues, triggers: list[re.Match], start: int, end: int) -> list[re.Match]:
    """The blockers and per-share words of text[start:end] that no trigger
    contains ("Steuern" in "Gewinn vor Steuern" is part of the trigger)."""
    return [m for pattern in (words.blocker, words.per_share) for m in pattern.finditer(text, start, end)
            if not any(t.start() <= m.start() and m.end() <= t.end() for t in triggers)]
