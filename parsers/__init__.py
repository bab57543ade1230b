"""Text -> money mentions -> events.

    >>> from parsers import find_money
    >>> [(m.text, m.currency) for m in find_money("Ein Kredit über 4 Milliarden US-Dollar.")]
    [('4 Milliarden US-Dollar', 'USD')]
"""
from importlib import import_module

__all__ = ["Event", "Money", "detect_language", "find_events", "find_money", "plain_decimal"]
# Where each name lives; loaded on first use, so that importing one stage
# (parsers.events.kinds for a command line's choices) does not load them all.
_HOMES = {"Event": ".events", "find_events": ".events", "Money": ".money", "find_money": ".money",
          "plain_decimal": ".money", "detect_language": ".detect"}


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module 'parsers' has no attribute {name!r}")
