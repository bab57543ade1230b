"""The events stage: text and its money mentions -> events (find_events).
Sentences and clauses (sentences), the event words of a language (cues),
names (parties, nouns), times (periods), the trained choices (decisions,
linear), the Event row (event)."""
from .event import Event
from .find import find_events

__all__ = ["Event", "find_events"]
