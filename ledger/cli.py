"""The `ledger` command: the one place that wires parsers, ledger and reports."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import pandas as pd

from parsers.cues import KINDS
from parsers.languages import available_languages
from reports.excel import MENTION_COLUMNS, SOURCE_COLUMNS, read_ledger_sheet, write_workbook
from reports.tables import WRITERS
from reports.terminal import extract_tables, ledger_table, summary_table

from . import __version__
from .documents import DocumentError, InputError, read_inputs
from .gold import evaluate_files
from .loading import load_ledger
from .rates import ConversionError, supported
from .records import extract
from .schema import CURRENCIES, STATUSES, LedgerError, frame, from_events
from .store import Store, StoreError, default_path
from .summarize import BY, merge_facts, select, summarize

READERS = {".xlsx": read_ledger_sheet}

EXAMPLES = {
    "extract": """examples:
  ledger extract seeds/                      tables of the events and amounts in the seed
  ledger extract --format jsonl -o out.jsonl articles/
  ledger extract --lang en news.jsonl        one {"doc", "text"} record per line
  ledger extract --date 2016-03-01 article.txt   "im Vorjahr" is then 2015
  ledger extract seeds/ -o ledger.xlsx       the reviewer's workbook
  echo "Umsatz: 5 Mio. Euro" | ledger extract -""",
    "summarize": """examples:
  ledger summarize seeds/                    totals per company and kind, per currency
  ledger summarize ledger.db --by kind --format csv
  ledger summarize seeds/ --currency EUR     every amount at the ECB rate of its period
  ledger summarize edited.csv --company OpenAI --kind loss
  ledger summarize ledger.xlsx               the workbook's Ledger sheet, with a reviewer's fixes""",
    "add": """examples:
  ledger add seeds/ articles/                into ledger.db (or --db FILE, or $LEDGER_DB)
  ledger add --db deals.db news.jsonl""",
    "list": """examples:
  ledger list                                every row of ledger.db
  ledger list --kind acquisition --format csv > deals.csv""",
    "export": """examples:
  ledger export -o ledger.xlsx               the store as a workbook to review
  ledger export --db deals.db -o deals.xlsx --currency EUR""",
    "remove": """examples:
  ledger remove --doc seeds/000_85b4fb37c10d1e96.txt""",
    "eval": """examples:
  ledger eval ../shared/eval/*.gold.jsonl
  ledger eval ../shared/eval/de_dev.gold.jsonl --errors""",
}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (InputError, LedgerError, StoreError, ConversionError) as error:
        print(f"ledger: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("ledger: interrupted", file=sys.stderr)
        return 130


def _command(commands, name: str, help: str, run):
    command = commands.add_parser(name, help=help, epilog=EXAMPLES[name],
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    command.set_defaults(run=run)
    return command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ledger", description="Turn money in business news into a reviewable ledger.")
    parser.add_argument("--version", action="version", version=f"ledger {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def inputs(command, what="INPUT", text="a text file, a folder of them, - for stdin, or a .jsonl of {doc, text}"):
        command.add_argument("inputs", nargs="+", metavar=what, help=text)
        command.add_argument("--lang", choices=["auto", *available_languages()], default="auto")
        command.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                             help="when the documents were written: anchors 'im Vorjahr', 'last year'")

    def filters(command):
        command.add_argument("--kind", choices=KINDS)
        command.add_argument("--company", metavar="NAME", help="companies whose name contains this")

    def database(command):
        command.add_argument("--db", type=Path, default=None, metavar="FILE",
                             help="the ledger database (default $LEDGER_DB or ./ledger.db)")

    extract_command = _command(commands, "extract", "find every amount of money and event in documents", _extract)
    inputs(extract_command)
    extract_command.add_argument("--format", choices=["table", "jsonl"], default="table")
    extract_command.add_argument("-o", "--output", metavar="FILE",
                                 help="write here instead of stdout; FILE.xlsx is the reviewer's workbook")
    extract_command.add_argument("--currency", metavar="CODE", help="the workbook's totals in this currency too")

    summarize_command = _command(commands, "summarize", "totals per company and kind, per currency", _summarize)
    inputs(summarize_command, "SOURCE", "text inputs (as for extract), a ledger database, .csv or .xlsx")
    summarize_command.add_argument("--by", choices=BY, default="company")
    filters(summarize_command)
    summarize_command.add_argument("--currency", metavar="CODE", help="convert every amount to this currency")
    summarize_command.add_argument("--format", choices=["table", *WRITERS], default="table")

    add_command = _command(commands, "add", "extract documents into the ledger database", _add)
    inputs(add_command)
    database(add_command)

    list_command = _command(commands, "list", "the rows of the ledger database", _list)
    database(list_command)
    filters(list_command)
    list_command.add_argument("--currency", metavar="CODE", help="only rows in this currency")
    list_command.add_argument("--format", choices=["table", *WRITERS], default="table")

    export_command = _command(commands, "export", "the ledger database as an Excel workbook", _export)
    database(export_command)
    export_command.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    export_command.add_argument("--currency", metavar="CODE", help="the workbook's totals in this currency too")

    remove_command = _command(commands, "remove", "forget a document and its rows", _remove)
    database(remove_command)
    remove_command.add_argument("--doc", required=True, metavar="ID", help="the document's id or source")

    evaluate = _command(commands, "eval", "score the extractor against gold files", _evaluate)
    evaluate.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    evaluate.add_argument("--corpus-dir", default="../shared", metavar="DIR",
                          help="where corpora/ and seeds/ are (default ../shared)")
    evaluate.add_argument("--errors", action="store_true", help="list every miss and false positive")
    evaluate.add_argument("--predictions", metavar="FILE", help="also write the predictions as JSON Lines")
    return parser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _lang(args) -> str | None:
    return None if args.lang == "auto" else args.lang


def _warn(errors: list[DocumentError]) -> int:
    for error in errors:
        print(f"ledger: warning: {error}", file=sys.stderr)
    if errors:
        print(f"ledger: {len(errors)} document(s) could not be read", file=sys.stderr)
    return 1 if errors else 0


def _extract(args) -> int:
    records, errors, ledgers, mentions, sources = [], [], [], [], []
    for item in read_inputs(args.inputs):
        if isinstance(item, DocumentError):
            errors.append(item)
            sources.append({"doc": item.source, "source": item.source, "lang": None, "mentions": 0,
                            "events": 0, "error": item.message})
            continue
        result = extract(item.doc, item.text, _lang(args), args.date)
        records.append(result.record())
        ledgers.append(from_events(result.events, item.doc, item.source, result.lang))
        mentions.extend(result.mention_rows(item.text))
        sources.append({"doc": item.doc, "source": item.source, "lang": result.lang,
                        "mentions": len(result.mentions), "events": len(result.events), "error": None})
    if args.output and args.output.lower().endswith(".xlsx"):
        _workbook(Path(args.output), pd.concat(ledgers) if ledgers else frame([]), mentions, sources,
                  args.currency, args.date)
        print(f"ledger: wrote {args.output}", file=sys.stderr)
        return _warn(errors) if records or errors else 1
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        if args.format == "jsonl":
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            extract_tables(records, out)
    finally:
        if out is not sys.stdout:
            out.close()
    if not records and not errors:
        print("ledger: error: no documents in the input", file=sys.stderr)
        return 1
    return _warn(errors)


def _workbook(path: Path, ledger, mentions: list[dict], sources: list[dict], currency: str | None,
              when: date | None) -> None:
    ledger = merge_facts(ledger)
    converted = summarize(ledger, currency=currency.upper(), document_date=when).table if currency else None
    write_workbook(path, ledger, pd.DataFrame(mentions, columns=list(MENTION_COLUMNS)),
                   pd.DataFrame(sources, columns=list(SOURCE_COLUMNS)), KINDS, STATUSES, sorted(CURRENCIES),
                   summarize(ledger).table, converted)


def _summarize(args) -> int:
    if args.currency and not supported(args.currency.upper()):
        raise ConversionError(f"no exchange rates for {args.currency!r} (an ISO code such as EUR or USD)")
    loaded = load_ledger(args.inputs, _lang(args), args.date, READERS)
    result = summarize(loaded.ledger, args.by, args.kind, args.company,
                       args.currency.upper() if args.currency else None, args.date)
    if args.format == "table":
        title = f"Totals by {args.by}" + (f", in {result.currency}" if result.currency else ", per currency")
        summary_table(result.table, args.by, title, sys.stdout)
    else:
        WRITERS[args.format](result.table, sys.stdout)
    if result.bases:
        used = ", ".join(f"{basis} for {count}" for basis, count in sorted(result.bases.items()))
        print(f"ledger: converted to {result.currency} at ECB reference rates: {used} amount(s)", file=sys.stderr)
    return _warn(loaded.errors)


def _add(args) -> int:
    added = known = rows = 0
    errors = []
    with Store(args.db or default_path()) as store:
        for item in read_inputs(args.inputs):
            if isinstance(item, DocumentError):
                errors.append(item)
                continue
            if store.has(item.text):
                known += 1
                continue
            result = extract(item.doc, item.text, _lang(args), args.date)
            ledger = from_events(result.events, item.doc, item.source, result.lang)
            if store.add(item.text, item.doc, item.source, result.lang, ledger,
                         [m.as_record() for m in result.mentions]):
                added, rows = added + 1, rows + len(ledger)
            else:
                known += 1
    print(f"ledger: added {added} document(s) with {rows} event(s); {known} already in "
          f"{args.db or default_path()}", file=sys.stderr)
    return _warn(errors)


def _list(args) -> int:
    with Store(args.db or default_path(), create=False) as store:
        rows = select(store.ledger(), args.kind, args.company, args.currency.upper() if args.currency else None)
    if args.format == "table":
        ledger_table(rows, sys.stdout)
    else:
        WRITERS[args.format](rows, sys.stdout)
    return 0


def _export(args) -> int:
    with Store(args.db or default_path(), create=False) as store:
        ledger, documents = store.ledger(), store.documents()
    counts = ledger["sources"].str.split("\n").explode().value_counts() if len(ledger) else {}
    mentions = [m for d in documents for m in d["mentions"]]
    sources = [{"doc": d["doc"], "source": d["source"], "lang": d["lang"], "mentions": len(d["mentions"]),
                "events": int(counts.get(d["doc"], 0)), "error": None} for d in documents]
    _workbook(Path(args.output), ledger, mentions, sources, args.currency, None)
    print(f"ledger: wrote {args.output} ({len(ledger)} row(s))", file=sys.stderr)
    return 0


def _remove(args) -> int:
    with Store(args.db or default_path(), create=False) as store:
        count = store.remove(args.doc)
    print(f"ledger: removed {count} document(s)", file=sys.stderr)
    return 0 if count else 1


def _evaluate(args) -> int:
    return evaluate_files([Path(g) for g in args.gold], Path(args.corpus_dir), args.errors,
                          Path(args.predictions) if args.predictions else None)


if __name__ == "__main__":
    sys.exit(main())
