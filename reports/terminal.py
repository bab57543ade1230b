"""Readable tables on a terminal (rich).

Text from documents is untrusted: every cell is plain text (rich markup such
as "[link=...]" in a name or file name stays as written) on one line without
control characters, so that no escape sequence reaches the terminal.
"""
from __future__ import annotations

from typing import TextIO

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ledger.cells import flat
from parsers.money import plain_decimal


def _cells(*values: str) -> list[Text]:
    return [Text(flat(value)) for value in values]


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """rich exits 1 when the reader closes the pipe (`| head`); that is the
        reader's choice, so the command line is told and ends with 0."""
        self.quiet = True
        raise BrokenPipeError


def extract_tables(records: list[dict], out: TextIO) -> None:
    """The events of the extract records, then every money mention."""
    console = _Console(file=out, width=None if out.isatty() else 140, highlight=False)
    events = Table(title="Events", header_style="bold", title_justify="left")
    for name, justify in (("doc", "left"), ("kind", "left"), ("company", "left"), ("counterparty", "left"),
                          ("value", "right"), ("currency", "left"), ("period", "left"), ("status", "left")):
        events.add_column(name, justify=justify, overflow="fold")
    for record in records:
        for e in record["events"]:
            events.add_row(*_cells(record["doc"], e["kind"], e["company"] or "", e["counterparty"] or "",
                                   _grouped(e["value"]), e["currency"], e["period"] or "", e["status"]))
    mentions = Table(title="Money mentions", header_style="bold", title_justify="left")
    for name, justify in (("doc", "left"), ("text", "left"), ("value", "right"),
                          ("currency", "left"), ("qualifier", "left")):
        mentions.add_column(name, justify=justify, overflow="fold")
    for record in records:
        for m in record["mentions"]:
            mentions.add_row(*_cells(record["doc"], m["text"], _grouped(m["value"]), m["currency"],
                                     m["qualifier"] or ""))
    console.print(events)
    console.print(mentions)
    console.print(f"{sum(len(r['events']) for r in records)} event(s), "
                  f"{sum(len(r['mentions']) for r in records)} amount(s) in {len(records)} document(s)")


def _grouped(value: str) -> str:
    """'13750000000' -> '13,750,000,000' for reading; the exact digits stay."""
    whole, dot, fraction = value.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{fraction}"


def summary_table(table: pd.DataFrame, by: str, title: str, out: TextIO) -> None:
    """Totals per `by` (rows) and kind (columns), one row per status and
    currency: a forecast is never added to a reported figure."""
    console = _Console(file=out, width=None if out.isatty() else 160, highlight=False)
    view = Table(title=title, header_style="bold", title_justify="left")
    kinds = sorted(table["kind"].unique()) if by != "kind" else []
    for name in ([by, "status", "currency", *kinds, "events"] if kinds else [by, "status", "currency", "total", "events"]):
        view.add_column(name, justify="left" if name in (by, "status", "currency") else "right", overflow="fold")
    for (key, status, currency), group in table.groupby([by, "status", "currency"], sort=True):
        totals = dict(zip(group["kind"], group["total"])) if kinds else {"total": group["total"].iloc[0]}
        cells = [_grouped(plain_decimal(totals[k])) if k in totals else "" for k in (kinds or ["total"])]
        view.add_row(*_cells(str(key), status, currency, *cells, str(int(group["events"].sum()))))
    console.print(view)


def ledger_table(ledger: pd.DataFrame, out: TextIO) -> None:
    """The ledger rows, for reading."""
    console = _Console(file=out, width=None if out.isatty() else 160, highlight=False)
    view = Table(header_style="bold")
    for name in ("kind", "company", "counterparty", "amount", "currency", "period", "status", "doc"):
        view.add_column(name, justify="right" if name == "amount" else "left", overflow="fold")
    for row in ledger.itertuples(index=False):
        view.add_row(*_cells(row.kind, row.company or "", row.counterparty or "",
                             _grouped(plain_decimal(row.amount)), row.currency, row.period or "", row.status, row.doc))
    console.print(view)
    console.print(f"{len(ledger)} row(s)")
