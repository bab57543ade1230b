"""The `ledger` command: the one place that wires parsers, ledger and reports."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from parsers.languages import available_languages
from reports.terminal import extract_tables

from . import __version__
from .documents import DocumentError, InputError, read_inputs
from .gold import evaluate_files
from .records import extract_record

EXAMPLES = {
    "extract": """examples:
  ledger extract seeds/                      a table of every amount in the seed
  ledger extract --format jsonl -o out.jsonl articles/
  ledger extract --lang en news.jsonl        one {"doc", "text"} record per line
  ledger extract --date 2016-03-01 article.txt   "im Vorjahr" is then 2015
  echo "Umsatz: 5 Mio. Euro" | ledger extract -""",
    "eval": """examples:
  ledger eval ../shared/eval/*.gold.jsonl
  ledger eval ../shared/eval/de_dev.gold.jsonl --errors""",
}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        print(f"ledger: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("ledger: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ledger", description="Turn money in business news into a reviewable ledger.")
    parser.add_argument("--version", action="version", version=f"ledger {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="find every amount of money in documents",
                                  epilog=EXAMPLES["extract"], formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("inputs", nargs="+", metavar="INPUT",
                         help="a text file, a folder of them, - for stdin, or a .jsonl of {doc, text}")
    extract.add_argument("--lang", choices=["auto", *available_languages()], default="auto")
    extract.add_argument("--format", choices=["table", "jsonl"], default="table")
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    extract.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                         help="when the documents were written: anchors 'im Vorjahr', 'last year'")
    extract.set_defaults(run=_extract)

    evaluate = commands.add_parser("eval", help="score the extractor against gold files",
                                   epilog=EXAMPLES["eval"], formatter_class=argparse.RawDescriptionHelpFormatter)
    evaluate.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    evaluate.add_argument("--corpus-dir", default="../shared", metavar="DIR",
                          help="where corpora/ and seeds/ are (default ../shared)")
    evaluate.add_argument("--errors", action="store_true", help="list every miss and false positive")
    evaluate.add_argument("--predictions", metavar="FILE", help="also write the predictions as JSON Lines")
    evaluate.set_defaults(run=_evaluate)
    return parser


def _extract(args) -> int:
    lang = None if args.lang == "auto" else args.lang
    failed = 0
    records = []
    for item in read_inputs(args.inputs):
        if isinstance(item, DocumentError):
            print(f"ledger: warning: {item}", file=sys.stderr)
            failed += 1
            continue
        records.append(extract_record(item.doc, item.text, lang, args.date))
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
    if failed:
        print(f"ledger: {failed} document(s) could not be read", file=sys.stderr)
        return 1
    if not records:
        print("ledger: error: no documents in the input", file=sys.stderr)
        return 1
    return 0


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _evaluate(args) -> int:
    return evaluate_files([Path(g) for g in args.gold], Path(args.corpus_dir), args.errors,
                          Path(args.predictions) if args.predictions else None)


if __name__ == "__main__":
    sys.exit(main())
