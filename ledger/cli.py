"""The `ledger` command: its options, and which function of ledger/commands.py
each runs (commands.py is where parsers, ledger and reports are wired)."""
from __future__ import annotations

import argparse
import os
import signal
import sys
from datetime import date
from pathlib import Path

from parsers.events.kinds import KINDS, STATUSES
from parsers.languages import available_languages

from . import __version__
from .documents import MAX_BYTES
from .names import BY, EXTRACT_FORMATS, STREAM_FORMATS, TABLE_FORMATS

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
  ledger summarize ledger.xlsx               the workbook's Ledger sheet, with a reviewer's fixes
  ledger summarize ledger.xlsx --update      ... and its Summary sheet rewritten to match them""",
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
  ledger eval ../shared/eval/de_dev.gold.jsonl --errors
  ledger eval --folds 5 ../shared/eval/train/*.gold.jsonl
                                     models fitted without the scored documents
  ledger eval --folds 5 --repeats 4 ../shared/eval/train/*.gold.jsonl
                                     four draws of folds, counts summed""",
    "train": """examples:
  ledger train ../shared/eval/train/*.gold.jsonl
                                     rebuild parsers/lang/<code>/events.json
  ledger train ../shared/eval/train/*.gold.jsonl --out-dir /tmp/models""",
}


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        parser.error(f"unrecognized argument: {argv[0]} (options come after the command: ledger COMMAND --help)")
    args, extra = parser.parse_known_args(argv)
    if extra:  # the command's own usage, not the top level's
        args.command_parser.error(f"unrecognized arguments: {' '.join(extra)}")
    from . import commands  # only now: --help and --version need none of it

    # SIGTERM ends the run as Ctrl-C does: outputs half written are removed, previous ones kept
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        return getattr(commands, args.run)(args)
    except commands.ERRORS as error:
        commands.say(f"error: {error}")
        return 2
    except commands.Stop as stop:
        commands.say(f"stopped at {stop} (--strict)")
        return 1
    except BrokenPipeError:
        # the reader closed the pipe (`| head`): end quietly, and do not let
        # the interpreter's last flush of stdout fail again at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("ledger: interrupted", file=sys.stderr)
        return 130


def _command(commands, name: str, help: str, run: str):
    """A command whose work is the function named `run` of ledger/commands.py."""
    command = commands.add_parser(name, help=help, epilog=EXAMPLES[name],
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    command.set_defaults(run=run, command_parser=command)
    return command


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ledger", description="Turn money in business news into a reviewable ledger.")
    parser.add_argument("--version", action="version", version=f"ledger {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    def inputs(command, what="INPUT", text="a file (.txt, .md, .html, .pdf, .csv, .tsv, .jsonl, .parquet), "
                                             "a folder of them, or - for stdin"):
        command.add_argument("inputs", nargs="+", metavar=what, help=text)
        command.add_argument("--lang", choices=["auto", *available_languages()], default="auto",
                             help="the documents' language (default: detected per document)")
        command.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                             help="when the documents were written: anchors 'im Vorjahr', 'last year'")
        group = command.add_argument_group("corpora and folders")
        group.add_argument("--text-column", metavar="COL", help="the text of a .csv/.tsv/.parquet/.jsonl corpus "
                           "(a name; a number from 0 with --no-header)")
        group.add_argument("--id-column", metavar="COL", help="the document id of a corpus row")
        group.add_argument("--delimiter", type=_character, metavar="C",
                           help="of a .csv/.tsv corpus (default , and tab)")
        group.add_argument("--quotechar", type=_character, default='"', metavar="C",
                           help="of a .csv/.tsv corpus (default \")")
        group.add_argument("--no-header", action="store_true", help="the corpus has no header row")
        group.add_argument("--glob", type=_pattern, metavar="PATTERN",
                           help="files of folders to read, e.g. '*.html' or 'news/**/*.txt'")
        group.add_argument("--max-bytes", type=_positive, default=MAX_BYTES, metavar="N",
                           help=f"skip documents larger than this (default {MAX_BYTES:,})")
        group.add_argument("--encoding", type=_encoding, metavar="NAME",
                           help="the encoding of every input (default: a BOM, UTF-8, or a guess that is warned)")
        run = command.add_argument_group("running")
        run.add_argument("--jobs", type=_positive, default=1, metavar="N", help="extract in N processes")
        run.add_argument("--strict", action="store_true", help="stop at the first document that cannot be read")
        run.add_argument("--quiet", action="store_true", help="no progress bar")

    def filters(command):
        command.add_argument("--kind", choices=KINDS, help="only events of this kind")
        command.add_argument("--status", choices=STATUSES, help="only reported (actual), expected or planned figures")
        command.add_argument("--period", metavar="P", help="only figures of this period or within it "
                             "(2024 takes 2024, 2024-06, 2024-Q3)")
        command.add_argument("--company", metavar="NAME", help="companies whose name contains this")
        command.add_argument("--since", type=_date, metavar="YYYY-MM-DD",
                             help="only figures of periods that end on or after this day")
        command.add_argument("--until", type=_date, metavar="YYYY-MM-DD",
                             help="only figures of periods that end on or before this day")

    def database(command):
        command.add_argument("--db", type=Path, default=None, metavar="FILE",
                             help="the ledger database (default $LEDGER_DB or ./ledger.db)")

    extract_command = _command(commands, "extract", "find every amount of money and event in documents", "_extract")
    inputs(extract_command)
    extract_command.add_argument("--format", choices=EXTRACT_FORMATS,
                                 help="table (readable; the default on stdout); jsonl: one record per document, "
                                 "written as each is done; json: their list; csv: one ledger row per event, "
                                 "written as each document is done; xlsx: the reviewer's workbook (-o only). "
                                 "Default with -o: from its extension")
    extract_command.add_argument("-o", "--output", metavar="FILE",
                                 help="write here instead of stdout (.jsonl, .json, .csv, .txt, .xlsx, .parquet)")
    extract_command.add_argument("--currency", type=str.upper, metavar="CODE",
                                 help="the workbook's totals in this currency too")

    summarize_command = _command(commands, "summarize", "totals per company and kind, per currency", "_summarize")
    inputs(summarize_command, "SOURCE", "text inputs (as for extract), a ledger database, .csv or .xlsx")
    summarize_command.add_argument("--input-format", choices=["text", *STREAM_FORMATS], default="text",
                                   help="what - (stdin) is: news text to extract (default), or a ledger as "
                                   "`ledger extract` writes it: csv or jsonl")
    summarize_command.add_argument("--by", choices=BY, default="company", help="what to total by (default company)")
    filters(summarize_command)
    summarize_command.add_argument("--currency", type=str.upper, metavar="CODE",
                                   help="convert every amount to this currency")
    summarize_command.add_argument("--format", choices=["table", *TABLE_FORMATS], default="table",
                                   help="table (readable, default), or csv, json, markdown for other tools")
    summarize_command.add_argument("--update", action="store_true",
                                   help="with one workbook as SOURCE: rewrite its Summary sheet from its Ledger "
                                   "sheet as edited (renamed companies, kinds, currencies)")

    add_command = _command(commands, "add", "extract documents into the ledger database", "_add")
    inputs(add_command)
    database(add_command)

    list_command = _command(commands, "list", "the rows of the ledger database", "_list")
    database(list_command)
    filters(list_command)
    list_command.add_argument("--currency", type=str.upper, metavar="CODE", help="only rows in this currency")
    list_command.add_argument("--format", choices=["table", *TABLE_FORMATS], default="table",
                              help="table (readable, default), or csv, json, markdown for other tools")

    export_command = _command(commands, "export", "the ledger database as an Excel workbook", "_export")
    database(export_command)
    export_command.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                                help="the reviewer's workbook to write")
    export_command.add_argument("--currency", type=str.upper, metavar="CODE",
                                help="the workbook's totals in this currency too")
    filters(export_command)

    remove_command = _command(commands, "remove", "forget a document and its rows", "_remove")
    database(remove_command)
    remove_command.add_argument("--doc", required=True, metavar="ID", help="the document's id or source")

    evaluate = _command(commands, "eval", "score the extractor against gold files", "_evaluate")
    evaluate.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold files (see ../shared/eval/GUIDELINES.md)")
    evaluate.add_argument("--corpus-dir", default="../shared", metavar="DIR",
                          help="where corpora/ and seeds/ are (default ../shared)")
    evaluate.add_argument("--errors", action="store_true", help="list every miss and false positive")
    evaluate.add_argument("--predictions", metavar="FILE", help="also write the predictions as JSON Lines")
    evaluate.add_argument("--folds", type=int, metavar="K",
                          help="cross-validate the event models by document: per fold, fit on the other folds")
    evaluate.add_argument("--repeats", type=int, default=1, metavar="R",
                          help="with --folds: R different assignments of documents to folds, counts summed "
                               "(steadier figures on small gold; --errors and --predictions show the first)")
    evaluate.add_argument("--examples", nargs="*", metavar="EXAMPLES.txt",
                          help="with --folds: event example corpora that always train, never score "
                               "(default: every language's parsers/lang/<code>/events.txt)")

    train_command = _command(commands, "train", "fit the event models on gold files (needs scikit-learn)", "_train")
    train_command.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="training gold files")
    train_command.add_argument("--corpus-dir", default="../shared", metavar="DIR",
                               help="where corpora/ and seeds/ are (default ../shared)")
    train_command.add_argument("--examples", nargs="*", metavar="EXAMPLES.txt",
                               help="event example corpora to train on too "
                                    "(default: every language's parsers/lang/<code>/events.txt)")
    train_command.add_argument("--out-dir", metavar="DIR",
                               help="where to write <code>/events.json (default: the language folders)")
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _character(value: str) -> str:
    if len(value) != 1:
        raise argparse.ArgumentTypeError(f"one character, not {value!r}")
    return value


def _pattern(value: str) -> str:
    if not value or Path(value).is_absolute():
        raise argparse.ArgumentTypeError(f"a pattern inside the folders read (such as '*.txt'), not {value!r}")
    return value


def _encoding(value: str) -> str:
    import codecs
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {value!r}") from None


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


if __name__ == "__main__":
    sys.exit(main())
