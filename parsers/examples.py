"""Reading a language's example corpora (`parsers/lang/<code>/money.txt` and
`events.txt`): a text on a line of its own, then its expectations indented
by two spaces ("  (none)" for none), "## section" headings and "#" comments.
The corpora are the tests of the parsers and, for events, training sentences
of the models beside the gold."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from .languages import available_languages, language_file

EVENT_FIELDS = ("kind", "company", "counterparty", "amount", "period", "status")
MENTION = re.compile(r"^(?P<text>.+?) = (?P<value>-?[\d.]+) (?P<currency>[A-Z]{3})(?: \[(?P<qualifier>.+)\])?$")


def load(path, expectation: Callable[[str], object]) -> list[tuple[str, str, list]]:
    """[(section, text, expectations)]; `expectation` parses one indented
    line (raising AssertionError on a malformed one); "(none)" gives None."""
    examples, section = [], ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            section = line[3:]
        elif not line.strip() or line.startswith("#"):
            continue
        elif line == "  (none)":
            examples[-1][2].append(None)
        elif line.startswith("  "):
            try:
                examples[-1][2].append(expectation(line[2:]))
            except AssertionError as error:
                raise AssertionError(f"{path.name}:{number}: {error}") from None
        else:
            examples.append((section, line, []))
    for _, text, expected in examples:
        assert expected, f"{path.name}: {text!r} has no expectation"
    return examples


def event(line: str) -> dict:
    """An expected event: "kind | company | counterparty | value currency | period | status", "-" for none."""
    parts = [p.strip() for p in line.split("|")]
    assert len(parts) == len(EVENT_FIELDS), f"not an expectation: {line!r}"
    return {f: (None if p == "-" else p) for f, p in zip(EVENT_FIELDS, parts)}


def mention(line: str) -> dict:
    """An expected mention: "<text as it stands> = <value> <currency> [qualifier]"."""
    match = MENTION.match(line)
    assert match, f"not an expectation: {line!r}"
    return match.groupdict()


# Each corpus of a language folder, with the parser of its expectations.
CORPORA = {"money": mention, "events": event}


def corpus_paths(corpus: str) -> list[Path]:
    """The `corpus` ("money" or "events") file of every language that has one."""
    files = [language_file(code, f"{corpus}.txt") for code in available_languages()]
    return [Path(str(f)) for f in files if f.is_file()]
