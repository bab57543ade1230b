"""Gold files read, and their documents extracted and scored: the figures of
../shared/eval/GUIDELINES.md per file. Nothing here prints (reports/scores.py does)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from parsers.records import extract_record

from .corpora import UnknownDocument, document_text
from .scoring import Score, score


class GoldError(ValueError):
    """A gold file that cannot be read, or names a document that cannot be found."""


@dataclass(frozen=True)
class Evaluation:
    """One gold file's figures, with the texts and predictions they came from."""
    name: str
    score: Score
    texts: dict[str, str]
    predictions: dict[str, dict]

    @property
    def documents(self) -> int:
        return len(self.texts)


def load_gold(path: Path) -> dict[str, dict]:
    """{doc: record}; a repeated doc id merges its lists, as the reference scorer does."""
    gold: dict[str, dict] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GoldError(f"{path}: cannot be read ({type(error).__name__})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldError(f"{path}:{number}: invalid JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
            raise GoldError(f"{path}:{number}: a gold record needs a \"doc\"")
        entry = gold.setdefault(record["doc"], {"mentions": [], "events": []})
        entry["mentions"] += record.get("mentions") or []
        entry["events"] += record.get("events") or []
    return gold


def texts_of(gold: dict[str, dict], corpus_dir: Path) -> dict[str, str]:
    """The text of every gold document; GoldError for one that cannot be found."""
    try:
        return {doc: document_text(doc, corpus_dir, Path("seeds")) for doc in gold}
    except (UnknownDocument, OSError) as error:
        raise GoldError(str(error)) from None


def evaluate(path: Path, corpus_dir: Path) -> Evaluation:
    """Extract every document of the gold file and score it."""
    gold = load_gold(path)
    texts = texts_of(gold, corpus_dir)
    predictions = {doc: extract_record(doc, text) for doc, text in texts.items()}
    return Evaluation(path.name, score(gold, predictions), texts, predictions)
