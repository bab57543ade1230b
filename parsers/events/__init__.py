"""The events stage: text and its money mentions -> events (find_events,
in find). Per sentence with money: the figures and their kinds (figures),
period and status (timing), company and counterparty (roles), over what a
text shares (context). Beneath: sentences and clauses (sentences), a
language's event words (cues), names (parties, nouns), times (periods), the
kinds (kinds), the trained choices (decisions, linear), the row (event)."""
from ..lazy import exports

__all__ = ["Event", "find_events"]
__getattr__ = exports(__name__, {"Event": ".event", "find_events": ".find"})
