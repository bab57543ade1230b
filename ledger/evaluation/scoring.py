"""Scoring predictions against gold, as ../shared/eval/GUIDELINES.md defines
it (and its reference scorer computes it).

Mentions match one to one on (value within 0.5 %, currency); events on (kind,
value within 0.5 %, currency, company), companies compared after
case-folding and dropping legal forms, or when one contains the other.
Matching is a maximum bipartite matching that tries the closest value first.
Counts are summed over documents (micro-average).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

TOLERANCE = Decimal("0.005")
LEGAL_FORMS = frozenset({
    "ag", "gmbh", "se", "inc", "corp", "corporation", "ltd", "limited", "oyj",
    "oy", "abp", "plc", "llc", "co", "kg", "kgaa", "sa", "nv", "bv", "ab",
    "asa", "a/s", "spa", "s.p.a", "s.a", "n.v", "b.v", "company", "&",
})
ATTRIBUTES = ("counterparty", "period", "status")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    mentions: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    attribute_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    errors: list[dict] = field(default_factory=list)

    def attribute_accuracy(self, name: str) -> float:
        return self.attribute_correct[name] / self.events.tp if self.events.tp else 0.0


def _value(v) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        d = Decimal(str(v).strip())
    except (InvalidOperation, ValueError):
        return None
    return d if d.is_finite() else None


def _close(pred: Decimal | None, gold: Decimal | None) -> bool:
    if pred is None or gold is None:
        return False
    return pred == 0 if gold == 0 else abs(pred - gold) <= TOLERANCE * abs(gold)


def _distance(pred: Decimal, gold: Decimal) -> Decimal:
    return abs(pred - gold) / abs(gold) if gold else abs(pred - gold)


def _currency(c) -> str | None:
    return c.strip().upper() if isinstance(c, str) and c.strip() else None


def normalize_name(name) -> str | None:
    """Case-folded, without punctuation and legal forms; None when empty."""
    if not isinstance(name, str) or not name.strip():
        return None
    folded = re.sub(r"[,()\"“”„]", " ", name.casefold().replace("’", "'"))
    tokens = [t.strip(".'’") for t in folded.split()]
    kept = [t for t in tokens if t and t not in LEGAL_FORMS] or [t for t in tokens if t]
    return " ".join(kept) or None


def same_name(a, b) -> bool:
    """Equal after normalize_name, or one contains the other; two missing
    names are equal, one missing is not."""
    na, nb = normalize_name(a), normalize_name(b)
    if na is None or nb is None:
        return na is None and nb is None
    return na == nb or na in nb or nb in na


def _matching(n_gold: int, edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths); edges best first."""
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges.get(g, []):
            if p not in seen:
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}


def match_mentions(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    edges = {}
    for gi, g in enumerate(gold):
        gv, gc = _value(g.get("value")), _currency(g.get("currency"))
        candidates = [(_distance(pv, gv), pi) for pi, p in enumerate(pred)
                      if gc is not None and _currency(p.get("currency")) == gc
                      and _close(pv := _value(p.get("value")), gv)]
        edges[gi] = [pi for _, pi in sorted(candidates)]
    return _matching(len(gold), edges)


def _events_compatible(g: dict, p: dict) -> bool:
    return (isinstance(g.get("kind"), str) and isinstance(p.get("kind"), str)
            and g["kind"].strip().lower() == p["kind"].strip().lower()
            and _currency(g.get("currency")) is not None
            and _currency(g.get("currency")) == _currency(p.get("currency"))
            and _close(_value(p.get("value")), _value(g.get("value")))
            and any(same_name(n, p.get("company")) for n in [g.get("company"), *(g.get("aliases") or [])]))


def match_events(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    edges = {}
    for gi, g in enumerate(gold):
        gv = _value(g.get("value"))
        candidates = [(_distance(_value(p["value"]), gv),
                       normalize_name(g.get("company")) != normalize_name(p.get("company")), pi)
                      for pi, p in enumerate(pred) if _events_compatible(g, p)]
        edges[gi] = [pi for *_, pi in sorted(candidates)]
    return _matching(len(gold), edges)


def _text(x, lower=False):
    if not isinstance(x, str) or not x.strip():
        return None
    return x.strip().lower() if lower else x.strip()


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Score:
    """Score `pred` against `gold`, both {doc: {"mentions": [...], "events": [...]}}.
    A document missing from `pred` counts as predicting nothing."""
    result = Score()
    for doc, g in gold.items():
        p = pred.get(doc, {})
        gm, pm = g.get("mentions") or [], p.get("mentions") or []
        ge, pe = g.get("events") or [], p.get("events") or []
        mm, em = match_mentions(gm, pm), match_events(ge, pe)
        for counts, gl, pl, m in ((result.mentions, gm, pm, mm), (result.events, ge, pe, em)):
            counts.tp += len(m)
            counts.fn += len(gl) - len(m)
            counts.fp += len(pl) - len(m)
        wrong = []
        for gi, pi in em.items():
            checks = {"counterparty": same_name(ge[gi].get("counterparty"), pe[pi].get("counterparty")),
                      "period": _text(ge[gi].get("period")) == _text(pe[pi].get("period")),
                      "status": _text(ge[gi].get("status"), True) == _text(pe[pi].get("status"), True)}
            for name, ok in checks.items():
                result.attribute_correct[name] += ok
                if not ok:
                    wrong.append({"field": name, "gold": ge[gi], "pred": pe[pi]})
        result.errors.append({
            "doc": doc,
            "mention_misses": [gm[i] for i in range(len(gm)) if i not in mm],
            "mention_fps": [pm[i] for i in range(len(pm)) if i not in set(mm.values())],
            "event_misses": [ge[i] for i in range(len(ge)) if i not in em],
            "event_fps": [pe[i] for i in range(len(pe)) if i not in set(em.values())],
            "attribute_errors": wrong,
        })
    return result
