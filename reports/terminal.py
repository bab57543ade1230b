"""Readable tables on a terminal (rich)."""
from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table


def mention_table(records: list[dict], out: TextIO) -> None:
    """One row per money mention of the extract records, with its document."""
    table = Table(show_lines=False, header_style="bold")
    for name, justify in (("doc", "left"), ("text", "left"), ("value", "right"),
                          ("currency", "left"), ("qualifier", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for record in records:
        for m in record["mentions"]:
            table.add_row(record["doc"], m["text"], _grouped(m["value"]), m["currency"], m["qualifier"] or "")
    console = Console(file=out, width=None if out.isatty() else 120, highlight=False)
    console.print(table)
    count = sum(len(r["mentions"]) for r in records)
    console.print(f"{count} amount(s) in {len(records)} document(s)")


def _grouped(value: str) -> str:
    """'13750000000' -> '13,750,000,000' for reading; the exact digits stay."""
    whole, dot, fraction = value.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{fraction}"
