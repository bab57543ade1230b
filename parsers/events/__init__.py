"""The events stage: text and its money mentions -> events (find_events,
in find). Per sentence with money: the figures and their kinds (figures),
period and status (timing), company and counterparty (roles), over what a
text shares (context). Beneath: sentences and clauses (sentences), a
language's event words (cues), names (parties, nouns), times (periods), the
kinds (kinds), the trained choices (decisions, linear), the row (event)."""
from importlib import import_module

__all__ = ["Event", "find_events"]
_HOMES = {"Event": ".event", "find_events": ".find"}  # loaded on first use, as in parsers/__init__.py


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module 'parsers.events' has no attribute {name!r}")
