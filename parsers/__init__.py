"""Text -> money mentions -> events.

    >>> from parsers import find_money
    >>> [(m.text, m.currency) for m in find_money("Ein Kredit über 4 Milliarden US-Dollar.")]
    [('4 Milliarden US-Dollar', 'USD')]
"""
from .detect import detect_language
from .event import Event
from .events import find_events
from .mentions import find_money
from .money import Money, plain_decimal

__all__ = ["Event", "Money", "detect_language", "find_events", "find_money", "plain_decimal"]
