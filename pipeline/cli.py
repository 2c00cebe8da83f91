"""council-tables: a thin command line over the `pipeline` library.

Each command calls one library function. Errors become one line and an exit code (errors.ExitCode),
never a traceback. The library is imported inside each command, so that `--help` and `--version`
start in a fraction of a second instead of loading pdfplumber, SQLAlchemy and the extractors.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import ExitCode, UsageError
from .rows import DISPLAY_ROWS, Rows, capped, write_file, write_rows
from .terminal import printable

if TYPE_CHECKING:
    from rich.console import Console

    from .ingest import FileOutcome, IngestSummary, PdfFile
    from .scheduler import Progress as BatchProgress

DEFAULT_DB = "council.db"
# The choices are spelled here, where the options are declared, so that `--help` imports nothing heavy;
# tests/test_cli.py checks them against the library's lists.
RowFormat = Enum("RowFormat", {name: name for name in ("table", "csv", "json", "jsonl")}, type=str)
ExtractFormat = Enum("ExtractFormat", {name: name for name in ("json", "jsonl", "csv")}, type=str)
TablesFormat = Enum("TablesFormat", {name: name for name in ("json", "csv")}, type=str)
FailOn = Enum("FailOn", {name: name for name in ("error", "warning", "never")}, type=str)
REPORT_FORMATS = ("text", "json", "junit", "github", "sarif", "markdown")


class OneLineErrorsGroup(TyperGroup):
    """Usage errors (an unknown option, a bad choice) as one line and exit 2, like every other error."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as error:  # typer's usage errors: a bad option, a missing argument
            context = getattr(error, "ctx", None)
            hint = f" (see '{context.command_path} --help')" if context else ""
            typer.echo(printable(f"error: {error.format_message()}{hint}", one_line=True), err=True)
            code = error.exit_code
        except typer.Abort:
            typer.echo("error: interrupted", err=True)
            code = 130
        code = code if isinstance(code, int) else ExitCode.CLEAN
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(cls=OneLineErrorsGroup, invoke_without_command=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None,
                  context_settings={"help_option_names": ["-h", "--help"]})

DbOption = Annotated[str, typer.Option("--db", help="SQLAlchemy URL, or a file path meaning a SQLite database.")]
PasswordOption = Annotated[str | None, typer.Option(help="Password of encrypted PDFs.")]
# The documents a command reports on, the same way for validate and report (findings.Scope).
ScopePaths = Annotated[list[Path] | None, typer.Argument(help="Only documents read from under these files or "
                                                         "folders (as --paths).", show_default=False)]
ScopeAlsoPaths = Annotated[list[Path] | None, typer.Option("--paths", help="Only documents under this path "
                                                           "(repeatable; PATH... after it works too).")]
ScopeBatch = Annotated[str | None, typer.Option(help="Only the documents of one ingest run: 'last', or its id "
                                                "(ingest_runs).")]


def main() -> None:
    """The `council-tables` console command."""
    app(prog_name="council-tables")


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"council-tables {__version__}")
        raise typer.Exit()


@app.callback()
def council_tables(
    context: typer.Context,
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """council-tables: contributions, agenda items, forward-plan decisions and every table from UK council PDFs,
    into SQLite or PostgreSQL, validated.

    Exit codes: 0 clean; 1 findings at or above --fail-on; 2 usage or configuration (no database for a
    command that reads one, no PDFs, a bad URL, option or query); 3 some input could not be read; 4 any
    other failure.

    Example: council-tables ingest raw_docs/ && council-tables validate
    """
    if context.invoked_subcommand is None:  # no command: the help, and the exit code of a usage error
        typer.echo(context.get_help(), err=True)
        raise typer.Exit(ExitCode.USAGE)


@functools.cache
def err() -> Console:
    """Standard error, wide enough for the summary table when it is a log file or a CI console."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else 160)


def _say(message: str) -> None:
    """One line on standard error, whatever names or text it holds: no markup, no control characters."""
    from rich.markup import escape

    err().print(escape(printable(message, one_line=True)), highlight=False)


def one_line_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn any error into one line on standard error and its exit code: 2 usage or configuration,
    3 a PDF that cannot be read, 4 anything else."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.TyperException):  # exit codes and usage errors already decided
            raise
        except Exception as error:  # noqa: BLE001 - every failure becomes one line, never a traceback
            code, message = _classify(error)
            _say(f"error: {message}")
            raise typer.Exit(code) from None

    return wrapper


def _classify(error: Exception) -> tuple[ExitCode, str]:
    if isinstance(error, UsageError):
        return ExitCode.USAGE, str(error)
    if isinstance(error, (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError)):
        return ExitCode.USAGE, f"{error.strerror or error}: {error.filename}"
    from .pdf import PdfError  # only loaded once something went wrong
    from .tables.export import PageSelectionError

    if isinstance(error, PageSelectionError):
        return ExitCode.USAGE, str(error)
    if isinstance(error, PdfError):
        return ExitCode.UNREADABLE_INPUT, str(error)
    first_line = (str(error).splitlines() or [""])[0]
    return ExitCode.FAILURE, f"{type(error).__name__}: {first_line}"


def _to_stdout(result: Rows, fmt: str) -> None:
    try:
        write_rows(result, fmt, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped reading (`| head`): it has what it wanted. Standard output now goes nowhere,
        # so that Python's last flush on exit does not fail again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def row_output(command: Callable[..., Rows]) -> Callable[..., None]:
    """The output options of every command that prints rows (--format, --output), and the printing."""

    @functools.wraps(command)
    def wrapper(*args: Any, fmt: RowFormat | None, output: Path | None, **kwargs: Any) -> None:
        result = command(*args, **kwargs)
        table = fmt is None or fmt is RowFormat.table
        if output is None:
            if table and result.limit is None:  # a terminal table is for looking at, not for every row
                result = capped(result, DISPLAY_ROWS)
            _to_stdout(result, fmt.value if fmt else "table")
        else:  # without --format, the format its suffix names: .csv, .json, .jsonl, .parquet
            write_file(result, output, None if table else fmt.value)
        if result.cut:
            _say(f"only the first {result.limit:,} rows: there are more (raise --limit, or write them all to a file "
                 "with -o)")

    options = [
        inspect.Parameter("fmt", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
            RowFormat | None, typer.Option("--format", help="table (the default), csv, json or jsonl.")]),
        inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
            Path | None, typer.Option("--output", "-o", help="Write to this file; without --format its suffix picks "
                                      "the format (.csv, .json, .jsonl, .parquet).")]),
    ]
    signature = inspect.signature(command, eval_str=True)
    wrapper.__signature__ = signature.replace(parameters=[*signature.parameters.values(), *options],  # type: ignore[attr-defined]
                                              return_annotation=None)
    return wrapper


@app.command()
@one_line_errors
def extract(
    pdfs: Annotated[list[Path], typer.Argument(help="The PDFs to read.", show_default=False)],
    pages: Annotated[str | None, typer.Option(help="Only what is printed on these pages, e.g. 1,3-5.")] = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="json (one object, or an array for several PDFs), "
                                               "jsonl (one a line) or csv (files in --output).")] = ExtractFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Folder for the CSV files (created).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="The contract JSON: the default, kept for CONTRACT.md's "
                                          "'extract FILE.pdf --json'.")] = False,
    password: PasswordOption = None,
) -> None:
    """Print what PDFs hold as the contract JSON (docs/CONTRACT.md) on stdout, or write it as CSV files.

    With --format csv, contributions.csv, agenda_items.csv, forward_plan_decisions.csv and issues.csv
    go to the --output folder, one row each with the file it came from. With --pages, the meeting and
    agenda items are still the whole document's.

    Example: council-tables extract raw_docs/dorset-cabinet-2021-09-07-pdscp.pdf --json
    """
    from .extraction_output import extract_files, write_csv, write_json

    if (fmt is ExtractFormat.csv) != (output is not None):
        reason = "--format csv needs the folder to write to" if output is None else "only --format csv writes files"
        raise typer.BadParameter(reason, param_hint="'--output' / '-o'")
    extractions = extract_files(pdfs, pages=pages, password=password)
    if output is None:
        write_json(extractions, fmt.value, sys.stdout)
    else:
        for path in write_csv(extractions, output):
            typer.echo(printable(str(path), one_line=True))


@app.command(name="tables")
@one_line_errors
def tables_command(
    pdf: Annotated[Path, typer.Argument(help="The PDF to read.", show_default=False)],
    pages: Annotated[str | None, typer.Option(help="Pages to read, e.g. 1,3-5 (default: every page).")] = None,
    fmt: Annotated[TablesFormat, typer.Option("--format", help="JSON on stdout, or one CSV file per table.")]
    = TablesFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Folder for the CSV files (created).")]
    = None,
    password: PasswordOption = None,
) -> None:
    """Print every table in one PDF, whatever it holds, as JSON (CONTRACT.md's `tables`) or CSV files.

    With --format csv each table goes to DIR/<pdf stem>-p<page>-t<k>.csv, header rows included; the paths are printed.

    Example: council-tables tables raw_docs/dorset-people-health-scrutiny-2022-05-19-pack.pdf --pages 6-7,10
    """
    import json

    from .tables.export import read_pdf_tables

    if (fmt is TablesFormat.csv) != (output is not None):
        reason = "--format csv needs the folder to write to" if output is None else "only --format csv writes files"
        raise typer.BadParameter(reason, param_hint="'--output' / '-o'")
    found = read_pdf_tables(pdf, pages=pages, password=password)
    if output is None:
        sys.stdout.write(json.dumps(found.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        for path in found.write_csv(output):
            typer.echo(printable(str(path), one_line=True))


@app.command(name="ingest")
@one_line_errors
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="PDF files and folders (searched recursively).",
                                                show_default=False)],
    database: DbOption = DEFAULT_DB,
    workers: Annotated[int | None, typer.Option(help="Worker processes that extract in parallel.",
                                                show_default="one per CPU core")] = None,
    password: PasswordOption = None,
    extracted: Annotated[Path | None, typer.Option(help="Folder for one contract JSON per document, at its path "
                                                   "below the folder given.")] = Path("extracted"),
    no_extracted: Annotated[bool, typer.Option("--no-extracted", help="Write no contract JSON files.")] = False,
    aliases: Annotated[list[Path] | None, typer.Option(
        help="Extra alias CSV (kind,name,alias) besides pipeline/data/aliases.csv.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 when this batch's documents have findings at least this "
                                            "severe (as validate --batch last would).")] = FailOn.never,
    cluster: Annotated[str | None, typer.Option(
        help="Read the pages on Dask (the 'cluster' extra): 'local' starts a LocalCluster of --workers processes, "
             "tcp://HOST:8786 sends the tasks to that scheduler's workers, which read the PDFs at the same "
             "absolute paths.", show_default="a local process pool")] = None,
    timeout_per_file: Annotated[float, typer.Option(help="Seconds of worker time a file may take, its tasks "
                                                    "added up; past it the file fails, the batch goes on.")] = 600,
    memory_limit: Annotated[int, typer.Option(help="MB of address space a worker process may take on beyond "
                                              "what it starts with (0: no limit); a file that needs more "
                                              "fails, the batch goes on.")] = 2048,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line and failures.")] = False,
) -> None:
    """Extract, validate and store every PDF; files already stored (same bytes) are skipped.

    Documents are named by their path below the folder given. The pages that may hold a table are read
    in page-range tasks spread over the workers, and each document is stored as soon as it is read.
    Exits 3 when any file could not be read (the others are stored all the same), 2 when there is no PDF,
    1 with --fail-on and findings.

    Example: council-tables ingest raw_docs/ --db council.db --fail-on error
    """
    from .ingest import ingest_into
    from .report import failing
    from .scheduler import BatchSettings

    settings = BatchSettings(workers=workers, cluster=cluster, timeout_per_file=timeout_per_file,
                             memory_limit_mb=memory_limit or None)
    with IngestProgress(quiet) as progress:
        summary = ingest_into(database, paths, alias_files=aliases, settings=settings, password=password,
                              extracted_dir=None if no_extracted else extracted, on_found=progress.found,
                              on_outcome=progress.done, on_progress=progress.update)
    _print_summary(summary, quiet)
    if summary.failures:
        raise typer.Exit(ExitCode.UNREADABLE_INPUT)
    failed = failing(summary.findings.issues, fail_on.value)
    for issue in failed:  # what made it fail, even with --quiet (a pre-commit hook shows nothing else)
        _say(f"{issue.severity.upper():7s} {issue.check}: {issue.message}")
    if failed:
        raise typer.Exit(ExitCode.FINDINGS)


class IngestProgress:
    """A progress bar on stderr (hidden with --quiet) that moves by pages as they are read, even within
    one large file, with files done, pages per second and the file running longest; and one line per
    file as it is done."""

    SLOW = 10.0  # seconds: a file running longer is named beside the bar

    def __init__(self, quiet: bool):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.quiet = quiet
        self.bar = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"),
            TextColumn("{task.fields[files]} files, {task.fields[rate]} pages/s"), TimeElapsedColumn(),
            TextColumn("{task.fields[slow]}"), console=err(), disable=quiet, transient=False,
        )
        self.task = self.bar.add_task("ingest", total=None, files="0", rate="0.0", slow="")
        self.files = 0
        self.files_done = 0

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar.live.is_started:
            self.bar.stop()

    def found(self, files: list[PdfFile]) -> None:
        """The bar starts once there are files: a batch that finds none shows its one-line error alone."""
        self.files = len(files)
        self.bar.update(self.task, files=f"0/{self.files}")
        self.bar.start()

    def update(self, progress: BatchProgress) -> None:
        """Pages read so far, of the pages of the files opened so far."""
        from rich.markup import escape

        from .terminal import printable

        elapsed = max(self.bar.tasks[0].elapsed or 0, 1e-6)
        name, seconds = progress.slowest or ("", 0.0)
        slow = f"slowest: {escape(printable(name, one_line=True))} ({seconds:.0f} s)" if seconds >= self.SLOW else ""
        self.bar.update(self.task, completed=progress.pages_done, total=progress.pages_known or None,
                        rate=f"{progress.pages_done / elapsed:.1f}", slow=slow)

    def done(self, outcome: FileOutcome) -> None:
        from rich.markup import escape

        from .terminal import printable

        if outcome.status == "failed":
            error = escape(printable(outcome.error or "", one_line=True))
            self.bar.console.print(f"[red]failed[/red]  {error}", highlight=False)
        elif not self.quiet:
            name = escape(printable(outcome.file.name, one_line=True))
            self.bar.console.print(f"{outcome.status:9s} {name}", highlight=False)
        self.files_done += 1
        self.bar.update(self.task, files=f"{self.files_done}/{self.files}")


def _print_summary(summary: IngestSummary, quiet: bool) -> None:
    from rich.table import Table

    from .terminal import plain

    rows, findings = summary.rows(), summary.severity_counts()
    line = (f"{len(summary.outcomes)} files: {summary.count('stored')} stored, "
            f"{summary.count('unchanged')} unchanged, {summary.count('superseded')} superseded, "
            + (f"{summary.count('rewritten')} rewritten (their JSON), " if summary.count("rewritten") else "") +
            f"{len(summary.failures)} failed; {summary.pages} pages, "
            f"{rows['contributions']} contributions, {rows['agenda_items']} agenda items, "
            f"{rows['forward_plan_decisions']} decisions; {findings['error']} errors, "
            f"{findings['warning']} warnings in this batch ({summary.seconds:.1f} s)")
    if not quiet and summary.extractions:
        table = Table("file", "pages", "contributions", "agenda items", "decisions", "findings", title="ingested")
        for extraction in summary.extractions:
            table.add_row(plain(extraction.file), str(extraction.page_count),
                          str(sum(len(t.rows) for t in extraction.contribution_tables)),
                          str(len(extraction.agenda_items)), str(len(extraction.decisions)),
                          ", ".join(dict.fromkeys(issue.check for issue in extraction.issues)) or "-")
        err().print(table)
    _say(line)


@app.command()
@one_line_errors
def validate(
    paths: ScopePaths = None,
    database: DbOption = DEFAULT_DB,
    also_paths: ScopeAlsoPaths = None,
    batch: ScopeBatch = None,
    formats: Annotated[list[str] | None, typer.Option(
        "--format", help=f"{', '.join(REPORT_FORMATS)}; NAME:FILE writes that format to FILE. Repeatable: "
        "--format github --format junit:validation.xml.", show_default="text")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the format that has no file of its "
                                                "own here instead of stdout (its suffix picks it when --format is "
                                                "not given: .xml junit, .sarif, .md markdown, .json).")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 on findings at least this severe.")] = FailOn.error,
) -> None:
    """Report the findings of the validation checks on the documents in the database (or some of them).

    The database must exist: a missing one, or no document in scope, exits 2 rather than passing.

    Example: council-tables validate --batch last --format github --format junit:validation.xml --fail-on error
    """
    from .findings import Scope
    from .report import validate_and_report

    scope = Scope(tuple([*(paths or []), *(also_paths or [])]), batch)
    verdict = validate_and_report(database, scope, formats or [], output, fail_on.value, sys.stdout)
    if verdict.log_line:
        _say(verdict.log_line)
    if verdict.failed:
        raise typer.Exit(ExitCode.FINDINGS)


@app.command()
@one_line_errors
def report(
    paths: ScopePaths = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write the report into (its "
                                         "index.html is the page to open).")] = Path("review"),
    database: DbOption = DEFAULT_DB,
    also_paths: ScopeAlsoPaths = None,
    batch: ScopeBatch = None,
) -> None:
    """Write the review report: a static site (no server) showing every finding beside a picture of the
    page region it is about, the rows as read, the arithmetic, and the tables read without findings.

    The scope is that of validate; crops of an earlier report in the folder are reused.

    Example: council-tables report -o review/ --batch last
    """
    from .review import write_review

    summary = write_review(database, output, [*(paths or []), *(also_paths or [])], batch)
    _say(f"review of {summary.documents} documents, {summary.findings} findings, {summary.pictures} pictures "
         f"({summary.rendered} drawn) in {summary.seconds:.1f}s: open {summary.index}")
    for name, why in summary.without_pictures.items():
        _say(f"{name}: no pictures ({why})")


@app.command()
@one_line_errors
@row_output
def query(
    sql: Annotated[str, typer.Argument(help="One query: SELECT, WITH, VALUES or TABLE (the database only reads).",
                                       show_default=False)],
    database: DbOption = DEFAULT_DB,
    timeout: Annotated[float, typer.Option(help="Stop the query after this many seconds.")] = 30.0,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows.",
                                              show_default=f"all; {DISPLAY_ROWS} in a terminal table")] = None,
) -> Rows:
    """Run one read-only SQL query and print the rows; anything else is refused (exit 2), and so is a query
    past --timeout or a value over 16 MB.

    Whole numbers stay integers in every format; money is integer pence (amount_pence); a BLOB is
    <blob N bytes> in the table and base64 in CSV and JSON. Rows are streamed to CSV, JSON and files.

    Example: council-tables query "SELECT partner, amount_pence FROM contributions" --format csv
    """
    from .query import stream_query

    return stream_query(database, sql, timeout, limit)


@app.command(name="search")
@one_line_errors
@row_output
def search_command(
    terms: Annotated[str, typer.Argument(help="Words to look for in agenda-item titles and decision subjects.",
                                         show_default=False)],
    database: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
) -> Rows:
    """Full-text search of agenda items and forward-plan decisions, best matches first.

    Example: council-tables search "children services" --db council.db
    """
    from .query import search

    return search(database, terms, limit)


@app.command(name="schema")
@one_line_errors
@row_output
def schema_command(
    relation: Annotated[str | None, typer.Argument(help="A table or view: list its columns.",
                                                   show_default=False)] = None,
    database: DbOption = DEFAULT_DB,
    counts: Annotated[bool, typer.Option("--counts", help="With the number of rows (of non-empty values for "
                                         "columns).")] = False,
) -> Rows:
    """List the tables and views with their descriptions, or one's columns with their types and descriptions.

    Example: council-tables schema contributions --counts
    """
    from .query import schema

    return schema(database, relation, counts)


@app.command(name="export")
@one_line_errors
def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write: .csv, .json, .jsonl (or .ndjson) "
                                         "or .parquet (needs council-tables[parquet]).", show_default=False)],
    relation: Annotated[str | None, typer.Argument(help="A table or view, e.g. contributions_by_period.",
                                                   show_default=False)] = None,
    sql: Annotated[str | None, typer.Option("--query", help="Export this query's rows instead of a table.")] = None,
    database: DbOption = DEFAULT_DB,
    timeout: Annotated[float, typer.Option(help="Stop the query after this many seconds.")] = 30.0,
) -> None:
    """Export a whole table or view, or a query's rows, to a file in the format its suffix names.

    A suffix it cannot write (say .xlsx) is refused with exit 2 before anything is read.

    Example: council-tables export contributions_by_period -o contributions.parquet
    """
    from .query import export

    count = export(database, output, relation=relation, sql=sql, timeout=timeout)
    _say(f"{count} rows of {relation or 'the query'} written to {output}")


@app.command()
@one_line_errors
def metadata(
    database: DbOption = DEFAULT_DB,
    name: Annotated[str | None, typer.Option("--name", help="The database's name in datasette.",
                                             show_default="the --db file's stem")] = None,
) -> None:
    """Print datasette metadata (table and column descriptions from schema.sql) as JSON, for the --db database.

    Example: council-tables metadata --db council.db > metadata.json && datasette council.db -m metadata.json
    """
    import json

    from .metadata import datasette_metadata

    sys.stdout.write(json.dumps(datasette_metadata(database, name), indent=2) + "\n")


@app.command(name="checks")
@one_line_errors
def list_checks(
    markdown: Annotated[bool, typer.Option("--markdown", help="As the README's Markdown table.")] = False,
) -> None:
    """List the validation checks: code, severity and what trips them.

    Example: council-tables checks --markdown
    """
    from .checks import all_checks, checks_markdown

    if markdown:
        sys.stdout.write(checks_markdown())
        return
    for entry in all_checks():
        typer.echo(f"{entry.code:30s} {entry.severity:8s} {entry.description}")
