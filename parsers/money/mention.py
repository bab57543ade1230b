"""The money mention: what `find_money` returns."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Money:
    """One amount of money as it stands in a text.

    `value` is exact, with the scale word applied and the sign kept
    (`13,75 Milliarden Dollar` -> Decimal('13750000000')). `start`/`end` index
    the input string and `text == input[start:end]`. `qualifier` is a word
    such as `rund` or `up to` that stands before the amount, or None.
    """

    value: Decimal
    currency: str
    start: int
    end: int
    text: str
    qualifier: str | None
    lang: str

    def as_record(self) -> dict:
        """The JSON form used by `ledger extract --format jsonl`."""
        return {"text": self.text, "value": plain_decimal(self.value),
                "currency": self.currency, "start": self.start, "end": self.end,
                "qualifier": self.qualifier}


def plain_decimal(value: Decimal) -> str:
    """`Decimal('1.375E+10')` -> `'13750000000'`: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def canonical(value: Decimal) -> Decimal:
    """The same number written without exponent or trailing zeros:
    `Decimal('1.375E+10')` -> `Decimal('13750000000')`."""
    return Decimal(plain_decimal(value))
