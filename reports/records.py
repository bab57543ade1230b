"""Extract records (parsers/records.py) as JSON Lines or one JSON list."""
from __future__ import annotations

import json
from typing import Iterable, TextIO


def write_jsonl(records: Iterable[dict], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_json(records: Iterable[dict], out: TextIO) -> None:
    json.dump(list(records), out, ensure_ascii=False, indent=1)
    out.write("\n")
