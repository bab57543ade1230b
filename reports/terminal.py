"""Readable tables on a terminal (rich)."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table


def extract_tables(records: list[dict], out: TextIO) -> None:
    """The events of the extract records, then every money mention."""
    console = Console(file=out, width=None if out.isatty() else 140, highlight=False)
    events = Table(title="Events", header_style="bold", title_justify="left")
    for name, justify in (("doc", "left"), ("kind", "left"), ("company", "left"), ("counterparty", "left"),
                          ("value", "right"), ("currency", "left"), ("period", "left"), ("status", "left")):
        events.add_column(name, justify=justify, overflow="fold")
    for record in records:
        for e in record["events"]:
            events.add_row(record["doc"], e["kind"], e["company"] or "", e["counterparty"] or "",
                           _grouped(e["value"]), e["currency"], e["period"] or "", e["status"])
    mentions = Table(title="Money mentions", header_style="bold", title_justify="left")
    for name, justify in (("doc", "left"), ("text", "left"), ("value", "right"),
                          ("currency", "left"), ("qualifier", "left")):
        mentions.add_column(name, justify=justify, overflow="fold")
    for record in records:
        for m in record["mentions"]:
            mentions.add_row(record["doc"], m["text"], _grouped(m["value"]), m["currency"], m["qualifier"] or "")
    console.print(events)
    console.print(mentions)
    console.print(f"{sum(len(r['events']) for r in records)} event(s), "
                  f"{sum(len(r['mentions']) for r in records)} amount(s) in {len(records)} document(s)")


def _grouped(value: str) -> str:
    """'13750000000' -> '13,750,000,000' for reading; the exact digits stay."""
    whole, dot, fraction = value.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{fraction}"
