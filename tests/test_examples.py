"""The example corpora in tests/examples/<lang>.txt, one test per example:
every mention found, with its exact text (span), value, currency and
qualifier, and nothing else."""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from parsers import find_money

EXAMPLES = Path(__file__).parent / "examples"
EXPECTATION = re.compile(r"^  (?P<text>.+?) = (?P<value>-?[\d.]+) (?P<currency>[A-Z]{3})(?: \[(?P<qualifier>.+)\])?$")


def load_examples(path: Path) -> list[tuple[str, str, list[dict]]]:
    """[(section, sentence, expected mentions)]; '  (none)' expects nothing."""
    examples, section = [], ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            section = line[3:]
        elif not line.strip() or line.startswith("#"):
            continue
        elif line == "  (none)":
            examples[-1][2].append(None)
        elif line.startswith("  "):
            match = EXPECTATION.match(line)
            assert match, f"{path.name}:{number}: not an expectation: {line!r}"
            examples[-1][2].append(match.groupdict())
        else:
            examples.append((section, line, []))
    for section, sentence, expected in examples:
        assert expected, f"{path.name}: {sentence!r} has no expectation"
    return examples


CASES = [pytest.param(lang, sentence, expected, id=f"{lang}: {sentence[:60]}")
         for lang in ("de", "en")
         for section, sentence, expected in load_examples(EXAMPLES / f"{lang}.txt")]


@pytest.mark.parametrize("lang, sentence, expected", CASES)
def test_example(lang, sentence, expected):
    found = find_money(sentence, lang)
    want = [e for e in expected if e is not None]
    got = [{"text": m.text, "value": m.value, "currency": m.currency, "qualifier": m.qualifier} for m in found]
    assert [g["text"] for g in got] == [w["text"] for w in want]
    for g, w in zip(got, want):
        assert g["value"] == Decimal(w["value"]), w["text"]
        assert g["currency"] == w["currency"], w["text"]
        assert g["qualifier"] == w["qualifier"], w["text"]
    for m in found:
        assert sentence[m.start:m.end] == m.text
        assert m.lang == lang


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_phenomenon_has_positive_and_negative_examples(lang):
    examples = load_examples(EXAMPLES / f"{lang}.txt")
    sections = {s for s, _, _ in examples}
    assert {"not money", "coordination, comparisons and ranges" if lang == "en" else "coordination and ranges"} <= sections
    assert sum(1 for _, _, e in examples if e == [None]) >= 8
    assert len(examples) >= 60
