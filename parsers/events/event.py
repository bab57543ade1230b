"""The event: one ledger row's worth of meaning, from money mentions."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..money.mention import Money, plain_decimal


@dataclass(frozen=True, slots=True)
class Event:
    """A financial fact with an amount.

    `kind` is one of investment, funding_round, acquisition, loan, contract,
    loss, profit, revenue, valuation, fine. `value` is positive and exact.
    `period` is written as GUIDELINES.md says (`2024`, `2010-Q4`, ...) or
    None; `status` is actual, expected or planned. Provenance: the mentions
    it came from (the first is the amount), and the sentence with its span.
    A range that states one fact is valued at its lower bound; `upper` is
    its upper bound (and the second mention), None for a single amount.
    `qualifier` is what the text says of the amount ("rund", "up to").
    """

    kind: str
    company: str | None
    counterparty: str | None
    value: Decimal
    currency: str
    period: str | None
    status: str
    mentions: tuple[Money, ...]
    sentence: str
    start: int
    end: int
    trigger: str
    upper: Decimal | None = None

    @property
    def qualifier(self) -> str | None:
        return self.mentions[0].qualifier

    def as_record(self) -> dict:
        """The JSON form used by `ledger extract --format jsonl`."""
        return {"kind": self.kind, "company": self.company, "counterparty": self.counterparty,
                "value": plain_decimal(self.value), "currency": self.currency, "period": self.period,
                "status": self.status, "trigger": self.trigger, "qualifier": self.qualifier,
                "upper": plain_decimal(self.upper) if self.upper is not None else None,
                "mention": {"start": self.mentions[0].start, "end": self.mentions[0].end,
                            "text": self.mentions[0].text},
                "sentence": {"start": self.start, "end": self.end, "text": self.sentence}}
