"""`import ledger` in a notebook: DataFrames from texts, files and ledger files."""
from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

import ledger

from .conftest import SEED, run_ledger

SEED_LOSS = ("loss", "OpenAI", Decimal(5000000000), "USD", "expected")


def test_extract_from_a_path_keeps_provenance_and_types():
    events = ledger.extract([SEED])
    assert len(events) == 6
    loss = events[events["kind"] == "loss"].iloc[0]
    assert (loss["kind"], loss["company"], loss["amount"], loss["currency"], loss["status"]) == SEED_LOSS
    assert loss["doc"] == str(SEED) and "Verlust" in loss["sentence"]
    assert str(events["amount"].dtype) == "decimal128(38, 9)[pyarrow]"
    assert isinstance(events["kind"].dtype, pd.CategoricalDtype) and "fine" in events["kind"].cat.categories
    assert events["amount_float"].describe()["max"] == pytest.approx(13.75e9)


def test_extract_from_texts_and_a_folder_string():
    events = ledger.extract(["Die Porr AG machte einen Umsatz von 3 Mrd. Euro.", "seeds/"])
    assert list(events["doc"].unique()) == ["text-0", "seeds/000_85b4fb37c10d1e96.txt"]
    assert events.iloc[0]["amount"] == Decimal(3000000000)


def test_summarize_is_exact_and_keeps_statuses_apart():
    events = ledger.extract(["Die Porr AG machte 2015 einen Umsatz von 0,1 Mrd. Euro und 2016 von 0,2 Mrd. Euro. "
                             "Für 2017 erwartet die Porr AG einen Umsatz von 0,3 Mrd. Euro."])
    table = ledger.summarize(events)
    totals = dict(zip(table["status"], table["total"]))
    assert totals == {"actual": Decimal(300000000), "expected": Decimal(300000000)}


def test_read_gives_back_what_the_command_wrote(tmp_path):
    for name in ("seed.csv", "seed.jsonl", "seed.xlsx"):
        assert run_ledger("extract", SEED, "-o", tmp_path / name).returncode == 0
        back = ledger.read(tmp_path / name)
        assert sorted(back["amount"]) == sorted(ledger.extract([SEED])["amount"]), name


def test_mentions_and_unreadable_inputs(tmp_path):
    found = ledger.mentions(["Umsatz: 5 Mio. Euro, davor 4,5 Mio. Euro."])
    assert list(found["value"]) == [Decimal(5000000), Decimal(4500000)]
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(ValueError, match="blob.txt"):
        ledger.extract([binary])
    assert ledger.extract([binary, SEED], errors="skip")["doc"].nunique() == 1
