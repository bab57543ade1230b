"""The figures of `ledger eval` as text: precision, recall and F1 per gold
file, attribute accuracies, and every miss and false positive in context."""
from __future__ import annotations

from typing import TextIO

from ledger.evaluation.scoring import ATTRIBUTES, Score


def write_score(out: TextIO, name: str, docs: int, result: Score) -> None:
    out.write(f"{name}: {docs} documents\n")
    for label, counts in (("mentions", result.mentions), ("events", result.events)):
        out.write(f"  {label:9s} P={counts.precision:.3f} R={counts.recall:.3f} F1={counts.f1:.3f}  "
                  f"(tp={counts.tp} fp={counts.fp} fn={counts.fn})\n")
    accuracies = "  ".join(f"{a}={result.attribute_accuracy(a):.3f}" for a in ATTRIBUTES)
    out.write(f"  matched events: {result.events.tp}  {accuracies}\n")


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    return (text[max(0, start - width):start] + "[" + text[start:end] + "]"
            + text[end:end + width]).replace("\n", " ")


def write_errors(out: TextIO, result: Score, texts: dict[str, str]) -> None:
    for e in result.errors:
        text = texts[e["doc"]]
        lines = []
        for m in e["mention_misses"]:
            at = text.find(m.get("text") or "\0")
            where = _context(text, at, at + len(m["text"])) if at >= 0 else "(text not found)"
            lines.append(f"  miss  {m.get('value')} {m.get('currency')}  {where}")
        for m in e["mention_fps"]:
            lines.append(f"  FP    {m['value']} {m['currency']}  {_context(text, m['start'], m['end'])}")
        for ev in e["event_misses"]:
            lines.append(f"  event miss  {_event(ev)}")
        for ev in e["event_fps"]:
            lines.append(f"  event FP    {_event(ev)}")
        for wrong in e["attribute_errors"]:
            lines.append(f"  event {wrong['field']} wrong: gold={wrong['gold'].get(wrong['field'])!r} "
                         f"pred={wrong['pred'].get(wrong['field'])!r}  [{_event(wrong['gold'])}]")
        if lines:
            out.write(f"== {e['doc']}\n" + "\n".join(lines) + "\n")


def _event(e: dict) -> str:
    return (f"{e.get('kind')} {e.get('company')!r} -> {e.get('counterparty')!r} {e.get('value')} "
            f"{e.get('currency')} period={e.get('period')} status={e.get('status')}")
