"""Text cells of ledger outputs, guarded against formulas and control
characters, and the guard undone.

Text from documents is untrusted (OWASP, "CSV Injection"): a CSV or
Markdown cell never holds a control character (CR, LF, NUL, ESC, the C1
controls, U+2028/U+2029: each becomes a space), and a cell whose first
character other than whitespace is = + - @ (or their fullwidth forms) is
written with a leading apostrophe, so that no spreadsheet runs it as a
formula. A cell that starts with an apostrophe gets one more, so that
reading back removes exactly the one the writer added.

>>> guard("=1+2"), guard(" \\t@SUM(A1)"), guard("'t Hooft BV"), guard("Siemens")
("'=1+2", "' \\t@SUM(A1)", "''t Hooft BV", 'Siemens')
>>> guard("2022\\r=cmd|' /C calc'!A0"), guard("\\x00=1+2")
("2022 =cmd|' /C calc'!A0", "' =1+2")
>>> [unguard(guard(t)) for t in ("=1+2", "'t Hooft BV", "Siemens")]
['=1+2', "'t Hooft BV", 'Siemens']
"""
from __future__ import annotations

import re

# What a spreadsheet may read as the start of a formula (with the fullwidth forms Excel folds to them).
FORMULA_START = frozenset("=+-@＝＋－＠")
QUOTE = "'"
# Control characters but the tab, C1 controls, and the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def flat(text: str) -> str:
    """`text` on one line, without control characters: each is a space."""
    return _CONTROL.sub(" ", text)


def guard(text: str) -> str:
    """The cell a CSV holds for `text`: one line, never read as a formula."""
    text = flat(text)
    first = text.lstrip()[:1]
    return QUOTE + text if first in FORMULA_START or text.startswith(QUOTE) else text


def unguard(cell: str) -> str:
    """The text a guarded cell stands for."""
    return cell[1:] if cell.startswith(QUOTE) else cell
