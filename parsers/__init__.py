"""Text -> money mentions -> events.

    >>> from parsers import find_money
    >>> [(m.text, m.currency) for m in find_money("Ein Kredit über 4 Milliarden US-Dollar.")]
    [('4 Milliarden US-Dollar', 'USD')]
"""
from .lazy import exports

__all__ = ["Event", "Money", "detect_language", "find_events", "find_money", "plain_decimal"]
__getattr__ = exports(__name__, {"Event": ".events", "find_events": ".events", "Money": ".money",
                                 "find_money": ".money", "plain_decimal": ".money", "detect_language": ".detect"})
