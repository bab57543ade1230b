"""The `ledger` command: the one place that wires parsers, ledger and reports."""
from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from datetime import date
from pathlib import Path
from typing import Iterator

from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from parsers.events.kinds import KINDS
from parsers.examples import corpus_paths
from parsers.languages import available_languages
from parsers.records import Extraction, extract
from reports.excel import write_workbook
from reports.records import write_json, write_jsonl
from reports.scores import write_errors, write_score
from reports.tables import WRITERS
from reports.terminal import extract_tables, ledger_table, summary_table

from . import __version__
from .documents import MAX_BYTES, Document, DocumentError, InputError, Options, read_inputs
from .evaluation.gold import GoldError, evaluate
from .loading import STREAM_FORMATS, is_ledger_file, load_ledger_file, load_ledger_stream
from .rates import ConversionError, supported
from .review import review, source_row
from .schema import STATUSES, LedgerError, combined, from_events
from .store import Store, StoreError, default_path
from .totals import BY, select, summarize

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
  ledger eval ../shared/eval/de_dev.gold.jsonl --errors
  ledger eval --folds 5 ../shared/eval/train/*.gold.jsonl
                                     models fitted without the scored documents""",
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
    try:
        return args.run(args)
    except (InputError, LedgerError, StoreError, ConversionError) as error:
        print(f"ledger: error: {error}", file=sys.stderr)
        return 2
    except Stop as stop:
        print(f"ledger: stopped at {stop} (--strict)", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # the reader closed the pipe (`| head`): end quietly, and do not let
        # the interpreter's last flush of stdout fail again at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("ledger: interrupted", file=sys.stderr)
        return 130


def _command(commands, name: str, help: str, run):
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
        group.add_argument("--delimiter", metavar="C", help="of a .csv/.tsv corpus (default , and tab)")
        group.add_argument("--quotechar", default='"', metavar="C", help="of a .csv/.tsv corpus (default \")")
        group.add_argument("--no-header", action="store_true", help="the corpus has no header row")
        group.add_argument("--glob", metavar="PATTERN", help="files of folders to read, e.g. '*.html'")
        group.add_argument("--max-bytes", type=int, default=MAX_BYTES, metavar="N",
                           help=f"skip files larger than this (default {MAX_BYTES:,})")
        run = command.add_argument_group("running")
        run.add_argument("--jobs", type=int, default=1, metavar="N", help="extract in N processes")
        run.add_argument("--strict", action="store_true", help="stop at the first document that cannot be read")
        run.add_argument("--quiet", action="store_true", help="no progress bar")

    def filters(command):
        command.add_argument("--kind", choices=KINDS, help="only events of this kind")
        command.add_argument("--status", choices=STATUSES, help="only reported (actual), expected or planned figures")
        command.add_argument("--period", metavar="P", help="only figures of this period or within it "
                             "(2024 takes 2024, 2024-06, 2024-Q3)")
        command.add_argument("--company", metavar="NAME", help="companies whose name contains this")

    def database(command):
        command.add_argument("--db", type=Path, default=None, metavar="FILE",
                             help="the ledger database (default $LEDGER_DB or ./ledger.db)")

    extract_command = _command(commands, "extract", "find every amount of money and event in documents", _extract)
    inputs(extract_command)
    extract_command.add_argument("--format", choices=EXTRACT_FORMATS,
                                 help="table (readable; the default on stdout); jsonl: one record per document, "
                                 "written as each is done; json: their list; csv: one ledger row per event, "
                                 "written as each document is done; xlsx: the reviewer's workbook (-o only). "
                                 "Default with -o: from its extension")
    extract_command.add_argument("-o", "--output", metavar="FILE",
                                 help="write here instead of stdout (.jsonl, .json, .csv, .txt, .xlsx)")
    extract_command.add_argument("--currency", type=str.upper, metavar="CODE",
                                 help="the workbook's totals in this currency too")

    summarize_command = _command(commands, "summarize", "totals per company and kind, per currency", _summarize)
    inputs(summarize_command, "SOURCE", "text inputs (as for extract), a ledger database, .csv or .xlsx")
    summarize_command.add_argument("--input-format", choices=["text", *STREAM_FORMATS], default="text",
                                   help="what - (stdin) is: news text to extract (default), or a ledger as "
                                   "`ledger extract` writes it: csv or jsonl")
    summarize_command.add_argument("--by", choices=BY, default="company", help="what to total by (default company)")
    filters(summarize_command)
    summarize_command.add_argument("--currency", type=str.upper, metavar="CODE",
                                   help="convert every amount to this currency")
    summarize_command.add_argument("--format", choices=["table", *WRITERS], default="table",
                                   help="table (readable, default), or csv, json, markdown for other tools")

    add_command = _command(commands, "add", "extract documents into the ledger database", _add)
    inputs(add_command)
    database(add_command)

    list_command = _command(commands, "list", "the rows of the ledger database", _list)
    database(list_command)
    filters(list_command)
    list_command.add_argument("--currency", type=str.upper, metavar="CODE", help="only rows in this currency")
    list_command.add_argument("--format", choices=["table", *WRITERS], default="table",
                              help="table (readable, default), or csv, json, markdown for other tools")

    export_command = _command(commands, "export", "the ledger database as an Excel workbook", _export)
    database(export_command)
    export_command.add_argument("-o", "--output", required=True, metavar="FILE.xlsx",
                                help="the reviewer's workbook to write")
    export_command.add_argument("--currency", type=str.upper, metavar="CODE",
                                help="the workbook's totals in this currency too")

    remove_command = _command(commands, "remove", "forget a document and its rows", _remove)
    database(remove_command)
    remove_command.add_argument("--doc", required=True, metavar="ID", help="the document's id or source")

    evaluate = _command(commands, "eval", "score the extractor against gold files", _evaluate)
    evaluate.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold files (see ../shared/eval/GUIDELINES.md)")
    evaluate.add_argument("--corpus-dir", default="../shared", metavar="DIR",
                          help="where corpora/ and seeds/ are (default ../shared)")
    evaluate.add_argument("--errors", action="store_true", help="list every miss and false positive")
    evaluate.add_argument("--predictions", metavar="FILE", help="also write the predictions as JSON Lines")
    evaluate.add_argument("--folds", type=int, metavar="K",
                          help="cross-validate the event models by document: per fold, fit on the other folds")
    evaluate.add_argument("--examples", nargs="*", metavar="EXAMPLES.txt",
                          help="with --folds: event example corpora that always train, never score "
                               "(default: every language's parsers/lang/<code>/events.txt)")

    train_command = _command(commands, "train", "fit the event models on gold files (needs scikit-learn)", _train)
    train_command.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="training gold files")
    train_command.add_argument("--corpus-dir", default="../shared", metavar="DIR",
                               help="where corpora/ and seeds/ are (default ../shared)")
    train_command.add_argument("--examples", nargs="*", metavar="EXAMPLES.txt",
                               help="event example corpora to train on too "
                                    "(default: every language's parsers/lang/<code>/events.txt)")
    train_command.add_argument("--out-dir", metavar="DIR",
                               help="where to write <code>/events.json (default: the language folders)")
    return parser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _check_rates(args) -> None:
    """--currency to convert to has ECB rates: checked before any document is read."""
    if args.currency and not supported(args.currency):
        raise ConversionError(f"no exchange rates for {args.currency!r} (an ISO code such as EUR or USD)")


def _db(args) -> Path:
    return args.db or default_path()


def _lang(args) -> str | None:
    return None if args.lang == "auto" else args.lang


def _warn(errors: list[DocumentError]) -> int:
    if errors:
        print(f"ledger: {len(errors)} document(s) could not be read", file=sys.stderr)
    return 1 if errors else 0


def _options(args) -> Options:
    return Options(max_bytes=args.max_bytes, text_column=args.text_column, id_column=args.id_column,
                   delimiter=args.delimiter, quotechar=args.quotechar, header=not args.no_header, glob=args.glob)


def _work(job: tuple) -> tuple[Document, Extraction] | DocumentError:
    """One document's extraction, in a worker process or not."""
    item, lang, when = job
    if isinstance(item, DocumentError):
        return item
    return item, extract(item.doc, item.text, lang, when)


class Stop(Exception):
    """--strict: a document could not be read."""


def _extractions(args, inputs: list[str], errors: list[DocumentError]) -> Iterator[tuple[Document, Extraction]]:
    """(document, extraction) of every readable document, in input order,
    in --jobs processes, with a progress bar on a terminal. Unreadable
    documents are warned about and appended to `errors`; with --strict the
    first one stops the run."""
    if args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    jobs = ((item, _lang(args), args.date) for item in read_inputs(inputs, _options(args)))
    pool = multiprocessing.get_context("spawn").Pool(args.jobs) if args.jobs > 1 else None
    results = pool.imap(_work, jobs, chunksize=16) if pool else map(_work, jobs)
    show = not args.quiet and sys.stderr.isatty()
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=Console(stderr=True), disable=not show,
                      transient=True) as progress:
            task = progress.add_task("extracting", total=None)
            for result in results:
                progress.advance(task)
                if isinstance(result, DocumentError):
                    print(f"ledger: warning: {result}", file=sys.stderr)
                    errors.append(result)
                    if args.strict:
                        raise Stop(str(result))
                    continue
                yield result
    finally:
        if pool:
            pool.terminate()


EXTRACT_FORMATS = ("table", "jsonl", "json", "csv", "xlsx")
_SUFFIX_FORMATS = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".txt": "table", ".xlsx": "xlsx"}


def _extract_format(args) -> str:
    """--format, else the output file's extension, else a table; InputError
    for an output whose extension says another format, or none it knows."""
    if not args.output:
        if args.format == "xlsx":
            raise InputError("--format xlsx needs -o FILE.xlsx")
        return args.format or "table"
    implied = _SUFFIX_FORMATS.get(Path(args.output).suffix.lower())
    if args.format and implied and args.format != implied:
        raise InputError(f"--format {args.format} does not fit {args.output} (a {implied} file)")
    if not (args.format or implied):
        raise InputError(f"cannot tell the format of {args.output} from its extension; "
                         f"name it .jsonl, .json, .csv, .txt or .xlsx, or give --format")
    return args.format or implied


def _extract(args) -> int:
    _check_rates(args)
    form = _extract_format(args)
    done, errors, records, ledgers, mentions, sources = 0, [], [], [], [], []
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output and form != "xlsx" else sys.stdout
    try:
        for item, result in _extractions(args, args.inputs, errors):
            if form == "jsonl":  # streamed: a reader sees each document as soon as it is done
                write_jsonl([result.record()], out)
            elif form == "csv":
                WRITERS["csv"](from_events(result.events, item.doc, item.source, result.lang), out, header=not done)
            elif form == "xlsx":
                ledgers.append(from_events(result.events, item.doc, item.source, result.lang))
                mentions.extend(result.mention_rows(item.text))
                sources.append(source_row(item.doc, item.source, result.lang, len(result.mentions),
                                          len(result.events)))
            else:
                records.append(result.record())
            out.flush()
            done += 1
        if form == "csv" and not done:
            WRITERS["csv"](combined([]), out)
        elif form == "json":
            write_json(records, out)
        elif form == "table":
            extract_tables(records, out)
    finally:
        if out is not sys.stdout:
            out.close()
    if form == "xlsx":
        sources += [source_row(e.source, e.source, error=e.message) for e in errors]
        write_workbook(Path(args.output), review(combined(ledgers), mentions, sources, args.currency, args.date))
        print(f"ledger: wrote {args.output}", file=sys.stderr)
        return _warn(errors) if done or errors else 1
    if not done and not errors:
        print("ledger: error: no documents in the input", file=sys.stderr)
        return 1
    return _warn(errors)


def _summarize(args) -> int:
    _check_rates(args)
    piped = args.input_format in STREAM_FORMATS
    files = [name for name in args.inputs if is_ledger_file(name)]
    texts = [name for name in args.inputs if name not in files and not (piped and name == "-")]
    parts, errors = [load_ledger_file(name) for name in files], []
    if piped and "-" in args.inputs:
        parts.append(load_ledger_stream(sys.stdin, args.input_format))
    for item, result in _extractions(args, texts, errors) if texts else ():
        parts.append(from_events(result.events, item.doc, item.source, result.lang))
    ledger = combined(parts)
    result = summarize(ledger, args.by, args.kind, args.company, args.currency, args.date, args.status, args.period)
    if args.format == "table":
        title = f"Totals by {args.by}" + (f", in {result.currency}" if result.currency else ", per currency")
        summary_table(result.table, args.by, title, sys.stdout)
    else:
        WRITERS[args.format](result.table, sys.stdout)
    if result.bases:
        used = ", ".join(f"{basis} for {count}" for basis, count in sorted(result.bases.items()))
        print(f"ledger: converted to {result.currency} at ECB reference rates: {used} amount(s)", file=sys.stderr)
    return _warn(errors)


def _add(args) -> int:
    added = known = rows = 0
    errors, path = [], _db(args)
    with Store(path) as store:
        for item, result in _extractions(args, args.inputs, errors):
            ledger = from_events(result.events, item.doc, item.source, result.lang)
            if store.add(item.text, item.doc, item.source, result.lang, ledger, result.mention_rows(item.text)):
                added, rows = added + 1, rows + len(ledger)
            else:
                known += 1
    print(f"ledger: added {added} document(s) with {rows} event(s); {known} already in {path}", file=sys.stderr)
    return _warn(errors)


def _list(args) -> int:
    with Store(_db(args), create=False) as store:
        rows = select(store.ledger(), args.kind, args.company, args.currency, args.status, args.period)
    if args.format == "table":
        ledger_table(rows, sys.stdout)
    else:
        WRITERS[args.format](rows, sys.stdout)
    return 0


def _export(args) -> int:
    _check_rates(args)
    with Store(_db(args), create=False) as store:
        ledger, documents = store.ledger(), store.documents()
    counts = ledger["sources"].str.split("\n").explode().value_counts() if len(ledger) else {}
    mentions = [m for d in documents for m in d["mentions"]]
    sources = [source_row(d["doc"], d["source"], d["lang"], len(d["mentions"]), int(counts.get(d["doc"], 0)))
               for d in documents]
    write_workbook(Path(args.output), review(ledger, mentions, sources, args.currency))
    print(f"ledger: wrote {args.output} ({len(ledger)} row(s))", file=sys.stderr)
    return 0


def _remove(args) -> int:
    with Store(_db(args), create=False) as store:
        count = store.remove(args.doc)
    print(f"ledger: removed {count} document(s)", file=sys.stderr)
    return 0 if count else 1


def _paths(names: list[str]) -> list[Path]:
    paths = [Path(g) for g in names]
    missing = next((p for p in paths if not p.is_file()), None)
    if missing:
        raise InputError(f"{missing}: no such file")
    return paths


def _examples(args) -> list[Path]:
    return corpus_paths("events") if args.examples is None else _paths(args.examples)


def _train(args) -> int:
    from .evaluation.training import train
    try:
        written = train(_paths(args.gold), _examples(args), Path(args.corpus_dir),
                        Path(args.out_dir) if args.out_dir else None)
    except ImportError:
        raise InputError("ledger train needs scikit-learn: pip install -e '.[train]'")
    except GoldError as error:
        raise InputError(str(error))
    for path in written:
        print(f"ledger: wrote {path}", file=sys.stderr)
    return 0


def _evaluate(args) -> int:
    paths, corpus_dir = _paths(args.gold), Path(args.corpus_dir)
    label = ""
    try:
        if args.folds is None:
            results = [evaluate(path, corpus_dir) for path in paths]
        else:
            if args.folds < 2:
                raise InputError("--folds needs at least 2")
            from .evaluation.training import cross_validate
            try:
                results = cross_validate(paths, _examples(args), corpus_dir, args.folds)
            except ImportError:
                raise InputError("ledger eval --folds needs scikit-learn: pip install -e '.[train]'")
            label = f" ({args.folds}-fold cross-validated)"
    except GoldError as error:
        raise InputError(str(error))
    for result in results:
        write_score(sys.stdout, result.name + label, result.documents, result.score)
        if args.errors:
            write_errors(sys.stdout, result.score, result.texts)
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as out:
            write_jsonl((p for result in results for p in result.predictions.values()), out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
