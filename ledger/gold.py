"""`ledger eval`: run the extractor on the documents of gold files and print
the figures of ../shared/eval/GUIDELINES.md per file."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from parsers.records import extract_record

from .corpora import UnknownDocument, document_text
from .evaluation import ATTRIBUTES, Score, score


def load_gold(path: Path) -> dict[str, dict]:
    """{doc: record}; a repeated doc id merges its lists, as the reference scorer does."""
    gold: dict[str, dict] = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"ledger: error: {path}:{number}: invalid JSON ({error.msg})")
            entry = gold.setdefault(record["doc"], {"mentions": [], "events": []})
            entry["mentions"] += record.get("mentions") or []
            entry["events"] += record.get("events") or []
    return gold


def evaluate_files(paths: list[Path], corpus_dir: Path, show_errors: bool,
                   predictions_path: Path | None) -> int:
    predictions_out = open(predictions_path, "w", encoding="utf-8") if predictions_path else None
    try:
        for path in paths:
            if not path.is_file():
                print(f"ledger: error: {path}: no such file", file=sys.stderr)
                return 2
            gold = load_gold(path)
            texts, predictions = {}, {}
            for doc in gold:
                try:
                    texts[doc] = document_text(doc, corpus_dir, Path("seeds"))
                except (UnknownDocument, OSError) as error:
                    print(f"ledger: error: {error}", file=sys.stderr)
                    return 2
                predictions[doc] = extract_record(doc, texts[doc])
                if predictions_out:
                    predictions_out.write(json.dumps(predictions[doc], ensure_ascii=False) + "\n")
            result = score(gold, predictions)
            print_score(path.name, len(gold), result)
            if show_errors:
                print_errors(result, texts)
    finally:
        if predictions_out:
            predictions_out.close()
    return 0


def print_score(name: str, docs: int, result: Score) -> None:
    print(f"{name}: {docs} documents")
    for label, counts in (("mentions", result.mentions), ("events", result.events)):
        print(f"  {label:9s} P={counts.precision:.3f} R={counts.recall:.3f} F1={counts.f1:.3f}  "
              f"(tp={counts.tp} fp={counts.fp} fn={counts.fn})")
    accuracies = "  ".join(f"{a}={result.attribute_accuracy(a):.3f}" for a in ATTRIBUTES)
    print(f"  matched events: {result.events.tp}  {accuracies}")


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    return (text[max(0, start - width):start] + "[" + text[start:end] + "]"
            + text[end:end + width]).replace("\n", " ")


def print_errors(result: Score, texts: dict[str, str]) -> None:
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
            print(f"== {e['doc']}")
            print("\n".join(lines))


def _event(e: dict) -> str:
    return (f"{e.get('kind')} {e.get('company')!r} -> {e.get('counterparty')!r} {e.get('value')} "
            f"{e.get('currency')} period={e.get('period')} status={e.get('status')}")
