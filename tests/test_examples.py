"""The example corpora in tests/examples/<lang>.txt, one test per example:
every mention found, with its exact text (span), value, currency and
qualifier, and nothing else."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from parsers import find_money

from .example_files import load

EXPECTATION = re.compile(r"^(?P<text>.+?) = (?P<value>-?[\d.]+) (?P<currency>[A-Z]{3})(?: \[(?P<qualifier>.+)\])?$")


def mention(line: str) -> dict:
    match = EXPECTATION.match(line)
    assert match, f"not an expectation: {line!r}"
    return match.groupdict()


CASES = [pytest.param(lang, sentence, expected, id=f"{lang}: {sentence[:60]}")
         for lang in ("de", "en")
         for section, sentence, expected in load(f"{lang}.txt", mention)]


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
    examples = load(f"{lang}.txt", mention)
    sections = {s for s, _, _ in examples}
    assert {"not money", "coordination, comparisons and ranges" if lang == "en" else "coordination and ranges"} <= sections
    assert sum(1 for _, _, e in examples if e == [None]) >= 8
    assert len(examples) >= 60
