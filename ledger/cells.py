"""Text cells of a ledger CSV, guarded against formulas, and the guard undone.

Text from documents is untrusted: a cell that starts with = + - @, a tab or
a carriage return is written with a leading apostrophe, so that no
spreadsheet runs it as a formula; one that starts with an apostrophe gets
one more, so that reading back removes exactly the one the writer added.

>>> guard("=1+2"), guard("'t Hooft BV"), guard("Siemens")
("'=1+2", "''t Hooft BV", 'Siemens')
>>> [unguard(guard(t)) for t in ("=1+2", "'t Hooft BV", "Siemens")]
['=1+2', "'t Hooft BV", 'Siemens']
"""
from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def guard(text: str) -> str:
    """The cell a CSV holds for `text`: never read as a formula."""
    return QUOTE + text if text.startswith((*FORMULA_START, QUOTE)) else text


def unguard(cell: str) -> str:
    """The text a guarded cell stands for."""
    return cell[1:] if cell.startswith(QUOTE) else cell


def missing(value) -> bool:
    """An empty cell: None, pandas' NA, or a float NaN."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)
