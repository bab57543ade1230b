"""The kinds of event, read once from kinds.toml (its header says what each
key means): every other module takes the list and the properties from here.

>>> KINDS[:3]
('investment', 'funding_round', 'acquisition')
>>> kind("fine").frame, kind("profit").negative, kind("revenue").result
('fining', 'loss', True)
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

_KEYS = {"meaning": str, "result": bool, "state_party": bool, "frame": str, "small_amounts": bool, "negative": str,
         "agent": bool, "worth_of": bool}
_FRAMES = ("plain", "fining", "lending")


@dataclass(frozen=True)
class Kind:
    name: str
    meaning: str
    result: bool
    state_party: bool
    frame: str
    small_amounts: bool
    negative: str | None
    agent: bool
    worth_of: bool


def _load() -> dict[str, Kind]:
    where = "parsers/events/kinds.toml"
    raw = tomllib.loads(resources.files("parsers.events").joinpath("kinds.toml").read_text("utf-8"))
    kinds = {}
    for name, entry in raw.items():
        if set(entry) != set(_KEYS) or any(not isinstance(entry[k], t) for k, t in _KEYS.items()):
            raise ValueError(f"{where}: [{name}] needs exactly {', '.join(_KEYS)} (see the header)")
        if entry["frame"] not in _FRAMES:
            raise ValueError(f"{where}: [{name}] frame: one of {', '.join(_FRAMES)}")
        kinds[name] = Kind(name, **{**entry, "negative": entry["negative"] or None})
    for k in kinds.values():
        if k.negative is not None and k.negative not in kinds:
            raise ValueError(f"{where}: [{k.name}] negative: no kind {k.negative!r}")
    return kinds


_TABLE = _load()
# What an event's status can be: reported, forecast, or planned (announced, in talks).
STATUSES = ("actual", "expected", "planned")
KINDS: tuple[str, ...] = tuple(_TABLE)


def kind(name: str) -> Kind:
    return _TABLE[name]
