"""The ledger table, its summaries, currency conversion, and reading back a
hand-edited export."""
from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from currency_converter import CurrencyConverter
from hypothesis import given, settings, strategies as st

from ledger.cells import flat
from ledger.loading import read_csv
from ledger.rates import convert, legacy_rates
from ledger.schema import COLUMNS, LedgerError, from_events, validate
from ledger.totals import Selection, merge_facts, summarize
from parsers.records import extract
from reports.tables import write_csv

from .conftest import SEED, csv_lines

SEED_TOTALS = {("Microsoft", "investment", "USD", Decimal("13750000000")),
               ("Microsoft", "acquisition", "USD", Decimal("650000000")),
               ("OpenAI", "loss", "USD", Decimal("5000000000")),
               ("OpenAI", "contract", "USD", Decimal("10000000000")),
               ("OpenAI", "funding_round", "USD", Decimal("6600000000")),
               ("OpenAI", "loan", "USD", Decimal("4000000000"))}


def ledger_of(text: str, doc: str = "doc", lang: str | None = None) -> pd.DataFrame:
    result = extract(doc, text, lang)
    return from_events(result.events, doc, doc, result.lang)


def seed_ledger() -> pd.DataFrame:
    return ledger_of(SEED.read_text(encoding="utf-8"), str(SEED))


def test_schema_columns_and_exact_amounts():
    ledger = seed_ledger()
    assert tuple(ledger.columns) == COLUMNS
    assert all(isinstance(a, Decimal) for a in ledger["amount"])
    assert ledger["span_start"].dtype == "int64"
    text = open(SEED, encoding="utf-8").read()
    for row in ledger.itertuples():
        assert text[row.span_start:row.span_end] in row.sentence


def test_seed_summary():
    table = summarize(seed_ledger()).table
    assert {(r.company, r.kind, r.currency, r.total) for r in table.itertuples()} == SEED_TOTALS
    out = io.StringIO()
    write_csv(table, out)
    assert out.getvalue().splitlines()[0] == '"company","kind","status","currency","total","events"'
    lines = csv_lines(out.getvalue())
    assert "Microsoft,investment,actual,USD,13750000000,1" in lines and "OpenAI,loan,actual,USD,4000000000,1" in lines
    assert "OpenAI,loss,expected,USD,5000000000,1" in lines


def test_currencies_are_never_added():
    ledger = pd.concat([ledger_of("Die Porr AG machte einen Umsatz von 3 Mrd. Euro.", "a", "de"),
                        ledger_of("Die Porr AG machte einen Umsatz von 2 Mrd. Dollar.", "b", "de")])
    table = summarize(ledger).table
    assert sorted(zip(table["currency"], table["total"])) == [("EUR", Decimal("3000000000")),
                                                            ("USD", Decimal("2000000000"))]


def test_same_fact_from_two_documents_is_one_row():
    text = "Die Porr AG meldete im Jahr 2015 einen Umsatz von 3 Mrd. Euro."
    ledger = pd.concat([ledger_of(text, "a.txt", "de"), ledger_of(text + " Ein Rekord.", "b.txt", "de")])
    merged = merge_facts(ledger)
    assert len(merged) == 1 and merged["sources"].iloc[0] == "a.txt\nb.txt"
    assert summarize(ledger).table["events"].tolist() == [1]


@pytest.mark.parametrize("by, first", [("company", "company"), ("counterparty", "counterparty"),
                                        ("kind", "kind"), ("period", "period")])
def test_summarize_by(by, first):
    table = summarize(seed_ledger(), by=by).table
    assert table.columns[0] == first and table.columns[-2:].tolist() == ["total", "events"]
    assert table["events"].sum() == 6


def test_filters():
    ledger = seed_ledger()
    assert summarize(ledger, selection=Selection(kind="loan")).table["total"].tolist() == [Decimal("4000000000")]
    assert set(summarize(ledger, selection=Selection(company="openai")).table["company"]) == {"OpenAI"}


def test_conversion_uses_the_ecb_rate_of_the_periods_last_business_day():
    ecb = CurrencyConverter(decimal=True)
    # June 2024 ends on a Sunday: the rate is that of Friday 28 June
    expected = ecb.convert(Decimal("1000"), "USD", "EUR", date=date(2024, 6, 28))
    result = convert(Decimal("1000"), "USD", "EUR", "2024-06")
    assert result.amount == expected and result.on == date(2024, 6, 30) and result.basis == "end of period"
    on_a_weekday = convert(Decimal("1000"), "USD", "EUR", None, date(2024, 6, 28))
    assert on_a_weekday.amount == expected and on_a_weekday.basis == "document date"
    assert convert(Decimal("1000"), "USD", "EUR").basis == "latest rate"


def test_schilling_and_mark_go_through_their_fixed_euro_rates():
    assert legacy_rates()["ATS"] == Decimal("13.7603")
    assert convert(Decimal("13.7603"), "ATS", "EUR").amount == Decimal(1)
    assert convert(Decimal("1"), "EUR", "DEM").amount == Decimal("1.95583")


def test_summary_in_one_currency_reports_its_rate_days():
    result = summarize(seed_ledger(), currency="EUR")
    assert set(result.table["currency"]) == {"EUR"}
    assert result.bases == {"end of period": 2, "latest rate": 4}


def test_hand_edited_csv_is_used(tmp_path):
    path = tmp_path / "ledger.csv"
    with open(path, "w", encoding="utf-8") as out:
        write_csv(seed_ledger(), out)
    edited = path.read_text(encoding="utf-8").replace('"OpenAI","","4000000000","USD"', '"OpenAI","","4500000000","USD"')
    path.write_text(edited, encoding="utf-8")
    table = summarize(read_csv(path), selection=Selection(kind="loan")).table
    assert table["total"].tolist() == [Decimal("4500000000")]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_any_company_text_comes_back_from_csv_unchanged(tmp_path_factory, company):
    """What the formula guard adds, reading removes: "'t Hooft BV", "=cmd", "-5" survive;
    a control character (a line break in a name) comes back as the space it was written as."""
    ledger = seed_ledger().astype(object)
    ledger.loc[0, "company"] = company
    path = tmp_path_factory.mktemp("csv") / "ledger.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        write_csv(ledger, out)
    assert read_csv(path).loc[0, "company"] == (flat(company) or None)


def test_a_company_with_an_apostrophe_survives_csv(tmp_path):
    ledger = seed_ledger().astype(object)
    ledger.loc[0, "company"] = "'t Hooft BV"
    path = tmp_path / "ledger.csv"
    with open(path, "w", encoding="utf-8") as out:
        write_csv(ledger, out)
    assert read_csv(path).loc[0, "company"] == "'t Hooft BV"


@pytest.mark.parametrize("column, value, words", [
    ("amount", "four billion", "row 2, column amount: not an amount: 'four billion'"),
    ("kind", "gift", "row 2, column kind: unknown kind 'gift'"),
    ("currency", "XYZ", "row 2, column currency: unknown currency 'XYZ'"),
    ("status", "maybe", "row 2, column status: unknown status 'maybe'"),
    ("period", "last year", "row 2, column period: not a period 'last year'"),
])
def test_broken_edit_names_row_and_column(tmp_path, column, value, words):
    ledger = seed_ledger().astype(object)
    ledger.loc[1, column] = value
    path = tmp_path / "ledger.csv"
    with open(path, "w", encoding="utf-8") as out:
        write_csv(ledger, out)
    with pytest.raises(LedgerError, match=words):
        read_csv(path)


def test_validate_rejects_float_amounts_and_missing_columns():
    ledger = seed_ledger().astype(object)
    ledger.loc[0, "amount"] = 5e9
    with pytest.raises(LedgerError, match="row 1, column amount: .* is a float"):
        validate(ledger)
    with pytest.raises(LedgerError, match="missing column"):
        validate(ledger.drop(columns=["currency"]))


def test_a_forecast_is_never_added_to_a_reported_figure():
    text = ("Die Porr AG machte 2015 einen Umsatz von 3 Mrd. Euro. "
            "Für 2016 erwartet die Porr AG einen Umsatz von 3,5 Mrd. Euro.")
    table = summarize(ledger_of(text, "a", "de")).table
    assert sorted(zip(table["status"], table["total"])) == [("actual", Decimal("3000000000")),
                                                          ("expected", Decimal("3500000000"))]
    only = summarize(ledger_of(text, "a", "de"), selection=Selection(status="expected")).table
    assert only["total"].tolist() == [Decimal("3500000000")]
    ledger = ledger_of(text, "a", "de")
    assert summarize(ledger, selection=Selection(period="2015")).table["total"].tolist() == [Decimal("3000000000")]


def test_since_and_until_select_by_the_end_of_a_period():
    text = ("Die Porr AG machte 2015 einen Umsatz von 3 Mrd. Euro. Im dritten Quartal 2016 machte die Porr AG "
            "einen Umsatz von 1 Mrd. Euro. Die Strabag SE machte einen Gewinn von 2 Mio. Euro.")
    ledger = ledger_of(text, "a", "de")
    assert set(ledger["period"]) == {"2015", "2016-Q3", None}

    def periods(**bounds):
        return sorted(Selection(**bounds).rows(ledger)["period"])

    assert periods(since=date(2016, 1, 1)) == ["2016-Q3"]  # and no row without a period
    assert periods(until=date(2015, 12, 31)) == ["2015"]
    assert periods(since=date(2015, 12, 31), until=date(2016, 9, 30)) == ["2015", "2016-Q3"]
    assert periods(until=date(2015, 12, 30)) == []
