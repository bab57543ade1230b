"""The example corpora of tests/examples (format: parsers/examples.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from parsers import examples

EXAMPLES = Path(__file__).parent / "examples"


def load(name: str, expectation: Callable[[str], object]) -> list[tuple[str, str, list]]:
    return examples.load(EXAMPLES / name, expectation)
