"""Extract records (parsers/records.py) as JSON Lines or one JSON list.

Text stays readable (not ASCII-escaped), but the characters that some line
readers take for a line end inside a string (U+0085, U+2028, U+2029) are
written as JSON escapes, so that every record is one line to every reader.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, TextIO

_LINE_ENDS = re.compile("[\x85\u2028\u2029]")


def _json(value, **options) -> str:
    return _LINE_ENDS.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, **options))


def write_jsonl(records: Iterable[dict], out: TextIO) -> None:
    for record in records:
        out.write(_json(record) + "\n")


def write_json(records: Iterable[dict], out: TextIO) -> None:
    out.write(_json(list(records), indent=1) + "\n")
