"""Text -> money mentions -> events.

    >>> from parsers import find_money
    >>> [(m.text, m.currency) for m in find_money("Ein Kredit über 4 Milliarden US-Dollar.")]
    [('4 Milliarden US-Dollar', 'USD')]
"""
from .detect import detect_language
from .events import Event, find_events
from .money import Money, find_money, plain_decimal

__all__ = ["Event", "Money", "detect_language", "find_events", "find_money", "plain_decimal"]
