"""What each `ledger` command does (ledger/cli.py parses the command line
and calls these; they are loaded only when a command runs, so that --help
and --version start without pandas and openpyxl)."""
from __future__ import annotations

import multiprocessing
import sys
import threading
from contextlib import ExitStack, nullcontext
from pathlib import Path
from typing import Callable, Iterator, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from parsers.examples import corpus_paths
from parsers.records import Extraction
from reports.excel import update_summary, write_workbook
from reports.parquet import ParquetLedger
from reports.records import write_json, write_jsonl
from reports.scores import write_errors, write_score
from reports.tables import WRITERS
from reports.terminal import extract_tables, ledger_table, summary_table

from .cells import flat
from .documents import Document, DocumentError, InputError, Options, planned, read_inputs
from .evaluation.gold import GoldError, evaluate
from .extraction import quiet_worker, work
from .loading import is_ledger_file, load_ledger_file, load_ledger_stream
from .names import FILE_FORMATS, STREAM_FORMATS
from .outputs import atomic_path, atomic_text, writable
from .rates import LATEST, ConversionError, latest_day, supported
from .review import review, source_row
from .schema import LedgerError, combined, from_events
from .store import Store, StoreError, default_path
from .totals import Selection, summarize

# What a command reports as one line and exit 2.
ERRORS = (InputError, LedgerError, StoreError, ConversionError)


def say(message: str) -> None:
    """One line to the user on stderr; names and file names in it are untrusted
    text, so no control character (a terminal escape) passes."""
    print(f"ledger: {flat(message)}", file=sys.stderr)


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
        say(f"{len(errors)} document(s) could not be read")
    return 1 if errors else 0


def _options(args) -> Options:
    return Options(max_bytes=args.max_bytes, text_column=args.text_column, id_column=args.id_column,
                   delimiter=args.delimiter, quotechar=args.quotechar, header=not args.no_header, glob=args.glob,
                   encoding=args.encoding)


def _stop(pool) -> None:
    """Ends the worker pool. Pool.terminate() can hang on a lock a worker
    held when it was stopped (seen under Ctrl-C): it gets a few seconds in a
    thread of its own, then the workers are killed and the run goes on to
    end cleanly."""
    stopping = threading.Thread(target=pool.terminate, daemon=True)
    stopping.start()
    stopping.join(_STOP_SECONDS)
    if stopping.is_alive():
        for worker in multiprocessing.active_children():
            worker.kill()


_STOP_SECONDS = 5


class Stop(Exception):
    """--strict: a document could not be read."""


def _extractions(args, inputs: list[str], errors: list[DocumentError],
                 skip: Callable[[Document], bool] | None = None) -> Iterator[tuple[Document, Extraction]]:
    """(document, extraction) of every readable document, in input order,
    in --jobs processes, with a progress bar on a terminal. Unreadable
    documents are warned about and appended to `errors`; with --strict the
    first one stops the run. Documents `skip` says are done already are not
    extracted at all."""
    options = _options(args)
    jobs = ((item, _lang(args), args.date) for item in read_inputs(inputs, options)
            if skip is None or isinstance(item, DocumentError) or not skip(item))
    pool = multiprocessing.get_context("spawn").Pool(args.jobs, initializer=quiet_worker) if args.jobs > 1 else None
    results = pool.imap(work, jobs, chunksize=64) if pool else map(work, jobs)
    show = not args.quiet and sys.stderr.isatty()
    done = events = 0
    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TaskProgressColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                      console=Console(stderr=True), disable=not show, transient=True) as progress:
            task = progress.add_task("extracting", total=planned(inputs, options) if show else None)
            for result in results:
                progress.advance(task)
                if isinstance(result, DocumentError):
                    say(f"warning: {result}")
                    errors.append(result)
                    if args.strict:
                        raise Stop(str(result))
                    continue
                for warning in result[0].warnings:
                    say(f"warning: {result[0].source}: {warning}")
                done, events = done + 1, events + len(result[1].events)
                yield result
    finally:
        if pool:
            _stop(pool)
    if not args.quiet:
        say(f"{done} document(s) read, {events} event(s), {len(errors)} unreadable")


_SUFFIX_FORMATS = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".txt": "table", ".xlsx": "xlsx",
                   ".parquet": "parquet"}


def _extract_format(args) -> str:
    """--format, else the output file's extension, else a table; InputError
    for an output whose extension says another format, or none it knows."""
    if not args.output:
        if args.format in FILE_FORMATS:
            raise InputError(f"--format {args.format} needs -o FILE.{args.format}")
        return args.format or "table"
    implied = _SUFFIX_FORMATS.get(Path(args.output).suffix.lower())
    if args.format and implied and args.format != implied:
        raise InputError(f"--format {args.format} does not fit {args.output} (a {implied} file)")
    if not (args.format or implied):
        raise InputError(f"cannot tell the format of {args.output} from its extension; "
                         f"name it {', '.join(sorted(_SUFFIX_FORMATS))}, or give --format")
    return args.format or implied


def _extract(args) -> int:
    _check_rates(args)
    form = _extract_format(args)
    if args.output:
        writable(args.output)
    with atomic_text(args.output) if args.output and form not in FILE_FORMATS else nullcontext(sys.stdout) as out:
        done, errors = _write_extractions(args, form, out)
    if not done and not errors:
        say("error: no documents in the input")
        return 1
    return _warn(errors)


def _write_extractions(args, form: str, out: TextIO) -> tuple[int, list[DocumentError]]:
    """Extract every input and write it in `form` (to `out`, or the workbook -o names)."""
    done, errors, records, ledgers, mentions, sources = 0, [], [], [], [], []
    with ExitStack() as stack:
        # Parquet is written in row groups as documents finish; the file replaces the target when complete
        parquet = stack.enter_context(ParquetLedger(stack.enter_context(atomic_path(args.output)))) \
            if form == "parquet" else None
        for item, result in _extractions(args, args.inputs, errors):
            if form == "jsonl":  # streamed: a reader sees each document as soon as it is done
                write_jsonl([result.record()], out)
            elif form == "csv":
                WRITERS["csv"](from_events(result.events, item.doc, item.source, result.lang), out, header=not done)
            elif form == "parquet":
                parquet.write(from_events(result.events, item.doc, item.source, result.lang))
            elif form == "xlsx":
                ledgers.append(from_events(result.events, item.doc, item.source, result.lang))
                mentions.extend(result.mention_rows(item.text))
                sources.append(source_row(item.doc, item.source, result.lang, len(result.mentions),
                                          len(result.events)))
            else:
                records.append(result.record())
            out.flush()
            done += 1
    if parquet is not None:
        say(f"wrote {args.output}")
    if form == "csv" and not done:
        WRITERS["csv"](combined([]), out)
    elif form == "json":
        write_json(records, out)
    elif form == "table":
        extract_tables(records, out)
    if form == "xlsx" and (done or errors):
        sources += [source_row(e.source, e.source, error=e.message) for e in errors]
        with atomic_path(args.output) as temporary:
            write_workbook(temporary, review(combined(ledgers), mentions, sources, args.currency, args.date),
                           Path(args.output).name)
        say(f"wrote {args.output}")
    return done, errors


def _summarize(args) -> int:
    _check_rates(args)
    workbook = _updated_workbook(args)
    piped = args.input_format in STREAM_FORMATS
    files = [name for name in args.inputs if is_ledger_file(name)]
    texts = [name for name in args.inputs if name not in files and not (piped and name == "-")]
    parts, errors = [load_ledger_file(name) for name in files], []
    if piped and "-" in args.inputs:
        parts.append(load_ledger_stream(sys.stdin, args.input_format))
    for item, result in _extractions(args, texts, errors) if texts else ():
        parts.append(from_events(result.events, item.doc, item.source, result.lang))
    ledger = combined(parts)
    if workbook is not None:
        with atomic_path(workbook) as temporary:
            update_summary(workbook, temporary, review(ledger, currency=args.currency, when=args.date))
        say(f"rewrote the Summary sheet of {workbook} from its Ledger sheet ({len(ledger)} row(s))")
    result = summarize(ledger, args.by, _selection(args), args.currency, args.date)
    if args.format == "table":
        title = f"Totals by {args.by}" + (f", in {result.currency}" if result.currency else ", per currency")
        summary_table(result.table, args.by, title, sys.stdout)
    else:
        WRITERS[args.format](result.table, sys.stdout)
    if result.bases:
        used = ", ".join(f"{basis}{f' of {latest_day()}' if basis == LATEST else ''} for {count}"
                         for basis, count in sorted(result.bases.items()))
        say(f"converted to {result.currency} at ECB reference rates: {used} amount(s)")
    return _warn(errors)


def _selection(args, currency: str | None = None) -> Selection:
    """The rows the filter options choose (`currency` a filter for list; summarize converts to its --currency)."""
    return Selection(args.kind, args.company, currency, args.status, args.period, args.since, args.until)


def _updated_workbook(args) -> Path | None:
    """The workbook --update rewrites the Summary of (the one SOURCE), checked before anything is read."""
    if not args.update:
        return None
    if len(args.inputs) != 1 or Path(args.inputs[0]).suffix.lower() != ".xlsx":
        raise InputError("--update rewrites the Summary sheet of one workbook: give one .xlsx file as SOURCE")
    if _selection(args) != Selection():
        raise InputError("--update rewrites the whole Summary sheet: it takes no --kind, --company, --status, "
                         "--period, --since or --until")
    return writable(args.inputs[0])


def _add(args) -> int:
    added = known = rows = 0
    errors, path = [], _db(args)
    with Store(path) as store:

        def stored(document: Document) -> bool:  # a text already in is not extracted again
            nonlocal known
            if store.has(document.text):
                known += 1
                return True
            return False

        for item, result in _extractions(args, args.inputs, errors, skip=stored):
            ledger = from_events(result.events, item.doc, item.source, result.lang)
            if store.add(item.text, item.doc, item.source, result.lang, ledger, result.mention_rows(item.text)):
                added, rows = added + 1, rows + len(ledger)
            else:  # another process added it meanwhile
                known += 1
    say(f"added {added} document(s) with {rows} event(s); {known} already in {path}")
    return _warn(errors)


def _list(args) -> int:
    with Store(_db(args), read_only=True) as store:
        rows = _selection(args, args.currency).rows(store.ledger())
    if args.format == "table":
        ledger_table(rows, sys.stdout)
    else:
        WRITERS[args.format](rows, sys.stdout)
    return 0


def _export(args) -> int:
    _check_rates(args)
    with Store(_db(args), read_only=True) as store:
        ledger, documents = store.ledger(), store.documents()
    counts = ledger["sources"].str.split("\n").explode().value_counts() if len(ledger) else {}
    mentions = [m for d in documents for m in d["mentions"]]
    sources = [source_row(d["doc"], d["source"], d["lang"], len(d["mentions"]), int(counts.get(d["doc"], 0)))
               for d in documents]
    ledger = _selection(args).rows(ledger)  # the sheets of mentions and sources stay whole
    with atomic_path(args.output) as temporary:
        write_workbook(temporary, review(ledger, mentions, sources, args.currency), Path(args.output).name)
    say(f"wrote {args.output} ({len(ledger)} row(s))")
    return 0


def _remove(args) -> int:
    with Store(_db(args), create=False) as store:
        documents, facts = store.remove(args.doc)
    say(f"removed {documents} document(s) and {facts} ledger row(s) no other document reports")
    return 0 if documents else 1


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
        say(f"wrote {path}")
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
            if args.repeats < 1:
                raise InputError("--repeats needs at least 1")
            from .evaluation.training import cross_validate
            try:
                results = cross_validate(paths, _examples(args), corpus_dir, args.folds, args.repeats)
            except ImportError:
                raise InputError("ledger eval --folds needs scikit-learn: pip install -e '.[train]'")
            label = f" ({args.folds}-fold cross-validated" + (f", {args.repeats} draws summed)" if args.repeats > 1
                                                               else ")")
    except GoldError as error:
        raise InputError(str(error))
    for result in results:
        write_score(sys.stdout, result.name + label, result.documents, result.score)
        if args.errors:
            write_errors(sys.stdout, result.score, result.texts)
    if args.predictions:
        with atomic_text(args.predictions) as out:
            write_jsonl((p for result in results for p in result.predictions.values()), out)
    return 0
