"""A figure's period and status: the time expression that belongs to it, and
the cue words of its clause."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..languages import Language
from ..money.mention import Money
from .context import Figure
from .cues import Cues
from .kinds import kind as kind_of
from .periods import Period, resolve

# How far after an amount its period may stand ("EUR 5 mn in the third quarter of 2010").
_PERIOD_REACH = 60


@dataclass(frozen=True, eq=False)
class Times:
    """A sentence's figures and time expressions, with the text and cue words they stand in."""
    text: str
    words: Cues
    figures: list[Figure]
    periods: list[Period]

    @cached_property
    def owned(self) -> list[Period]:
        """The earlier figures' time expressions (see _owned): found once per sentence."""
        return _owned(self)


def context_year(times: Times) -> int | None:
    """The year a sentence's time expressions without one are in: its first
    stated year that is no earlier figure's ("issued its third quarter
    report ..., as compared to a loss of EUR0 .5 m in the third quarter of
    2007": the report's quarter is not of 2007)."""
    return next((p.year for p in times.periods if p.year and p not in times.owned), None)


def period_of(times: Times, position: int, today: date | None, context_year: int | None) -> Period | None:
    """For times.figures[position]: the time expression right after its amount
    (before the next amount, with no comparison word between), else the
    last one before it (after the previous amount); else, for a current
    figure, the sentence's first time expression that is neither an
    earlier figure's ("fell to EUR 38.1 mn from EUR 55.3 mn in 2007": 2007
    is the earlier figure's) nor the base of a comparison ("fell by 33 %
    from the third quarter of 2008 to EUR 130.5 mn"). Relative expressions
    resolve against the figure compared with."""
    text, figures, periods = times.text, times.figures, times.periods
    figure = figures[position]
    low = figures[position - 1].money.end if position else -1
    after = _right_after(times, position)
    # an earlier figure, or one that is itself the base ("increased from EUR 9.6 m, as compared to
    # 2005"), takes the base's time
    based = figure.compares_with is not None or _compared(times, figure.money.start)
    previous = _right_after(times, position - 1) if position else []
    before = [p for p in periods if low <= p.start and p.end <= figure.money.start and p not in previous
              and (based or not _compared(times, p.start))]
    # "6,31 (2014: 4,86)": the bracket's label is the period of the figure in it
    label = False
    if figure.compares_with is not None and before and before[-1].start >= figure.compares_with.money.end:
        gap = text[figure.compares_with.money.end:before[-1].start].strip()
        label = gap == "(" or not gap and text[before[-1].start] == "("
    own = before[-1] if label else after[0] if after else (before[-1] if before else None)
    if own is None and figure.earlier and figure.earlier[0].money.end <= figure.money.start:
        own = figure.earlier[0].period  # "der ersten drei Quartale von 440,5 auf 175,3 Mio. Euro"
    if own is None and figure.compares_with is None:
        own = next((p for p in periods if not p.relation and p not in times.owned
                    and (based or not _compared(times, p.start))), None)
    if own is None:
        return None
    current = figure.compares_with.period if figure.compares_with else None
    return resolve(own, current, today, context_year)


def _right_after(times: Times, position: int) -> list[Period]:
    """The time expressions right after figures[position]'s amount: before
    the next amount, with no comparison word or unclosed bracket between."""
    text, figures = times.text, times.figures
    end = figures[position].money.end
    high = figures[position + 1].money.start if position + 1 < len(figures) else 10 ** 12
    return [p for p in times.periods if end <= p.start < min(high, end + _PERIOD_REACH)
            and not times.words.comparison.search(text, end, p.start)
            and text.count("(", end, p.end) <= text.count(")", end, p.end)]


def _owned(times: Times) -> list[Period]:
    """The time expressions of earlier figures: right after one (when it
    stands in a bracket, only before the bracket closes: "6,31 (2014: 4,86)
    Millionen Euro im Jahr 2015"),
    or between it and the figure it is compared with unless right after
    that one ("to EUR 20.5 mn in 2005 from EUR 9.3 mn in 2004": 2004 only)."""
    owned = []
    for i, f in enumerate(times.figures):
        if f.compares_with is None:
            continue
        partner = next((j for j, g in enumerate(times.figures) if g is f.compares_with), None)
        partners = _right_after(times, partner) if partner is not None else []
        # in a bracket only what stands before it closes ("EUR 37.5 million ( EUR 48.2 million , 1-9/2008 )")
        opened = f.compares_with.money.end
        bracketed = "(" in times.text[opened:f.money.start]
        owned += [p for p in _right_after(times, i) if not bracketed
                  or times.text.count("(", opened, p.start) > times.text.count(")", opened, p.start)]
        owned += [p for p in times.periods if opened <= p.start < f.money.start and p not in partners]
    return owned


# Between a comparison word and what it introduces: a few words, no digits or punctuation ("from a loss of").
_INTRODUCED = re.compile(r"\s*(?:[^\W\d_]+\s+){0,3}")


def _compared(times: Times, at: int) -> bool:
    """A comparison word introduces what starts at `at` ("from the third quarter", "compared to 2005")."""
    return any(_INTRODUCED.fullmatch(times.text, m.end(), at)
               for m in times.words.comparison.finditer(times.text, max(0, at - 40), at))


def _cue(text: str, pattern: re.Pattern, start: int, end: int, money: Money, lang: Language) -> bool:
    """A status word before the amount in its clause, or right after it
    before any conjunction ("einen Verlust von 5 Mrd. Dollar erwartet", but
    not "823 Mio. Euro und will in Zukunft ...")."""
    if pattern.search(text, start, money.start):
        return True
    match = pattern.search(text, money.end, end)
    return bool(match) and not any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", text[money.end:match.start()])
                                   for c in lang.list_conjunctions)


def status(text: str, figure: Figure, words: Cues, lang: Language) -> str:
    """Expected or planned by cue words of the clause; an earlier figure
    compared with is always a reported one."""
    if figure.compares_with is not None:
        return "actual"
    start, end = figure.clause
    if figure.trigger is not None:
        start = min(start, figure.trigger.start())
    start = min(start, figure.unshared)  # "plant, 58 Millionen Euro ... zu investieren"
    expected = _cue(text, words.expected, start, end, figure.money, lang)
    planned = _cue(text, words.planned, start, end, figure.money, lang)
    if not expected and not planned:
        return "actual"
    if kind_of(figure.kind).result:
        return "expected"
    return "expected" if expected and not planned else "planned"
