"""The money stage: text -> money mentions (find_money), each an exact
Money with its span. Currencies and their names (currencies), the grammar
of amounts (grammar), number words and digits (numerals)."""
from .find import find_money
from .mention import Money, plain_decimal

__all__ = ["Money", "find_money", "plain_decimal"]
