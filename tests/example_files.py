"""Reading the example corpora of tests/examples: a text on a line of its
own, then its expectations indented by two spaces ("  (none)" for none),
"## section" headings and "#" comments."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

EXAMPLES = Path(__file__).parent / "examples"


def load(name: str, expectation: Callable[[str], object]) -> list[tuple[str, str, list]]:
    """[(section, text, expectations)]; `expectation` parses one indented
    line (raising AssertionError on a malformed one); "(none)" gives None."""
    path = EXAMPLES / name
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
