"""What the steps of find_events share: a text's Document (its names, words and
decider) and the Figure each amount of a sentence becomes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from ..languages import Language
from ..money.mention import Money
from .cues import Cues
from .decisions import Decider
from .parties import Name, blanked, lowercase_words
from .periods import Period

# How many of a text's most repeated names may be an event's company when the
# sentence names it only as "das Unternehmen" or not at all.
_SALIENT = 3


@dataclass
class Figure:
    money: Money
    clause: tuple[int, int]
    kind: str | None = None
    trigger: re.Match | None = None
    compares_with: "Figure | None" = None  # set on an earlier figure
    earlier: list["Figure"] = field(default_factory=list)
    period: Period | None = None
    status: str = "actual"
    unshared: int = 0  # where the text before it that it shares with no other amount begins
    next_start: int = 10 ** 12  # where the next amount of the sentence begins
    upper: Money | None = None  # the upper bound of a range this figure is the lower bound of


@dataclass(frozen=True, eq=False)
class Document:
    """What every sentence of a text shares."""
    text: str
    lang: Language
    words: Cues
    names: list[Name]
    spans: list[Name]  # every capitalized span, a name or not
    counts: dict[str, int]  # of every name and capitalized span
    first_sentence: tuple[int, int]
    sentence_starts: frozenset[int]
    about: Name | None
    several_sentences: bool
    today: date | None
    converted: set[tuple[Decimal, str]]
    decider: Decider

    @cached_property
    def found(self) -> frozenset[str]:
        """The names the name finder found (a capitalized span may be none)."""
        return frozenset(n.name for n in self.names)

    @cached_property
    def salient(self) -> tuple[str, ...]:
        """The found names the text repeats most, most first (a recurring
        capitalized noun is none)."""
        repeated = [n for n, c in self.counts.items() if c > 1 and n in self.found]
        return tuple(sorted(repeated, key=lambda n: -self.counts[n])[:_SALIENT])

    @cached_property
    def lowercase_words(self) -> frozenset[str]:
        """Words the text writes in lower case: a capitalized one of them is
        a common word at a sentence start ("Sources said", "Danach")."""
        return lowercase_words(self.text)

    @cached_property
    def cue_text(self) -> str:
        """The text with its sure names blanked, where status cues are
        sought: the "Ziel" of "Zielpunkt GmbH" or the "Plan" of "Plan
        Holdings AB" is no forecast."""
        return blanked(self.text, [(n.start, n.end) for n in self.names if n.strong])

    @cached_property
    def name_tails(self) -> frozenset[str]:
        """Last words of multi-word names: a surname alone ("Ferguson" after "Nick Ferguson")."""
        return frozenset(n.name.split()[-1] for n in self.names if " " in n.name)
