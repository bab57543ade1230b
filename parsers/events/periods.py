"""Periods a figure belongs to, as GUIDELINES.md writes them: `2024`,
`2024-06`, `2010-Q4`, `2009-H1`, `2007-9M`, `FY2005/06`.

`find_periods` lists the time expressions of a text span; relative ones
("a year earlier", "im Vorjahr") are resolved by the caller against the
period of the figure they compare with, or against the document's date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from babel.dates import get_month_names

from ..languages import Language
from ..wordlists import alternation

# A period as GUIDELINES.md writes it (Period.label writes it, Period.from_label reads it).
LABEL = re.compile(r"(?P<year>(?:19|20)\d\d)(?:-(?:(?P<M>0[1-9]|1[0-2])|Q(?P<Q>[1-4])|H(?P<H>[12])|(?P<nine>9M)))?"
                   r"|FY(?P<fy>(?:19|20)\d\d)/\d\d")


@dataclass(frozen=True)
class Period:
    """A period; `year` None until resolved. `unit` is Y, M, Q, H, 9M or FY."""

    unit: str
    year: int | None = None
    n: int | None = None  # month, quarter or half
    start: int = -1
    end: int = -1
    relation: str = ""  # '', 'previous_year', 'same_period', 'last_year' or 'this_year'

    def label(self) -> str | None:
        """The label, or None for a year LABEL cannot write ("im Vorjahr" of 1900)."""
        if self.year is None or not 1900 <= self.year <= 2099:
            return None
        if self.unit == "Y":
            return str(self.year)
        if self.unit == "FY":
            return f"FY{self.year}/{(self.year + 1) % 100:02d}"
        if self.unit == "9M":
            return f"{self.year}-9M"
        if self.n is None:
            return str(self.year)
        return {"M": f"{self.year}-{self.n:02d}", "Q": f"{self.year}-Q{self.n}",
                "H": f"{self.year}-H{self.n}"}[self.unit]

    @classmethod
    def from_label(cls, label: str) -> "Period | None":
        """The period a label names (None for no label of LABEL's form).

        >>> [Period.from_label(t).label() for t in ("2024", "2024-06", "2010-Q4", "2007-9M", "FY2005/06")]
        ['2024', '2024-06', '2010-Q4', '2007-9M', 'FY2005/06']
        """
        match = LABEL.fullmatch(label)
        if match is None:
            return None
        if match["fy"]:
            return cls("FY", int(match["fy"]))
        year = int(match["year"])
        if match["nine"]:
            return cls("9M", year)
        unit = next((u for u in ("M", "Q", "H") if match[u]), None)
        return cls(unit, year, int(match[unit])) if unit else cls("Y", year)

    def shifted(self, years: int) -> "Period":
        return replace(self, year=None if self.year is None else self.year + years)


@cache
def _patterns(lang: Language) -> list[tuple[str, re.Pattern]]:
    months = get_month_names("wide", locale=lang.code)
    month_names = alternation(months.values())
    month = re.compile(rf"\b(?P<month>{month_names})\b(?:\s+\d{{1,2}}\s*,)?\s+(?P<year>(?:19|20)\d\d)\b"
                       rf"|\b\d{{1,2}}\.?\s+(?P<month2>{month_names})\s+(?P<year2m>(?:19|20)\d\d)\b")
    # "July-September 2008", "January to June 2009": a quarter, half or nine months
    span = re.compile(rf"\b(?P<first>{month_names})\s*{alternation(lang.month_range)}\s*(?P<last>{month_names})\s+"
                      rf"(?P<year>(?:19|20)\d\d)\b")
    patterns = [("span", span)]
    for unit, key in (("FYE", "fiscal_year_ending"), ("FY", "fiscal_year"), ("9M", "nine_months"),
                      ("Q", "quarter"), ("H", "half"), ("M", None), ("same_period", "same_period"), ("previous_year", "previous_year"),
                      ("last_year", "last_year"), ("this_year", "this_year"), ("Y", "year")):
        if key is None:
            patterns.append((unit, month))
        for pattern in lang.periods.get(key, ()) if key else ():
            pattern = pattern.replace("{month}", f"(?P<month>{month_names})")
            flags = re.IGNORECASE if unit in ("previous_year", "last_year", "this_year") else 0
            patterns.append((unit, re.compile(rf"(?<!\w){pattern}(?!\w)", flags)))
    return patterns


def find_periods(text: str, start: int, end: int, lang: Language) -> list[Period]:
    """Time expressions in text[start:end], longest first where they overlap."""
    months = {name.lower(): number for number, name in get_month_names("wide", locale=lang.code).items()}
    found: list[Period] = []
    taken: list[tuple[int, int]] = []
    for unit, pattern in _patterns(lang):
        for match in pattern.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            period = _period(unit, match, months, lang)
            if period:
                found.append(period)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda p: p.start)


def _period(unit: str, match: re.Match, months: dict[str, int], lang: Language) -> Period | None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    at = {"start": match.start(), "end": match.end()}
    if unit in ("previous_year", "last_year", "this_year"):
        return Period("Y", relation=unit, **at)
    year = int(groups["year"]) if "year" in groups else None
    if unit == "same_period":
        return Period("Y", year, relation=unit, **at)
    if unit == "span":
        first, last = months[groups["first"].lower()], months[groups["last"].lower()]
        if first == 1 and last == 9:
            return Period("9M", year, **at)
        if last - first == 5 and first in (1, 7):
            return Period("H", year, 1 if first == 1 else 2, **at)
        if last - first == 2 and first % 3 == 1:
            return Period("Q", year, (first + 2) // 3, **at)
        return None
    if unit == "M":
        month = groups.get("month") or groups.get("month2")
        year = int(groups.get("year") or groups.get("year2m"))
        return Period("M", year, months[month.lower()], **at)
    if unit == "FY":
        return Period("FY", year, **at)
    if unit == "FYE":  # "the fiscal year ending March 2024": FY2023/24; ending December: the calendar year
        month = months[groups["month"].lower()]
        return Period("FY", year - 1, **at) if month < 12 else Period("Y", year, **at)
    if unit in ("Q", "H"):
        n = lang.ordinals.get(groups.get("n", ""), lang.ordinals.get(groups.get("n", "").lower()))
        return Period(unit, year, n, **at) if n else None
    return Period(unit, year, **at)


def resolve(period: Period, compared_with: Period | None, today: date | None,
            context_year: int | None) -> Period:
    """A period with its year: relative ones from the figure they compare
    with or the document's date, a bare quarter from a year nearby."""
    if period.relation == "previous_year":
        if compared_with is not None and compared_with.year is not None:
            return replace(compared_with.shifted(-1), start=period.start, end=period.end, relation="")
        return replace(period, year=today.year - 1 if today else None)
    if period.relation == "same_period":
        if compared_with is not None:
            return replace(compared_with, year=period.year, start=period.start, end=period.end, relation="")
        return replace(period, relation="")
    if period.relation == "last_year":
        return replace(period, year=today.year - 1 if today else None)
    if period.relation == "this_year":
        return replace(period, year=today.year if today else None)
    if period.year is None:
        return replace(period, year=context_year or (today.year if today else None))
    return period
