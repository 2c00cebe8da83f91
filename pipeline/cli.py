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
from .rows import Rows, write_file, write_rows

if TYPE_CHECKING:
    from rich.console import Console

    from .ingest import FileOutcome, IngestSummary, PdfFile

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
            typer.echo(f"error: {error.format_message()}{hint}", err=True)
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
    from rich.markup import escape

    err().print(escape(message), highlight=False)


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


def row_output(command: Callable[..., Rows]) -> Callable[..., None]:
    """The output options of every command that prints rows (--format, --output), and the printing."""

    @functools.wraps(command)
    def wrapper(*args: Any, fmt: RowFormat | None, output: Path | None, **kwargs: Any) -> None:
        result = command(*args, **kwargs)
        if output is None:
            write_rows(result, fmt.value if fmt else "table", sys.stdout)
        elif fmt is None or fmt is RowFormat.table:
            write_file(result, output)  # the format its suffix names: .csv, .json, .jsonl, .parquet
        else:
            with output.open("w", encoding="utf-8", newline="") as stream:
                write_rows(result, fmt.value, stream)

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
            typer.echo(str(path))


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
            typer.echo(str(path))


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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line and failures.")] = False,
) -> None:
    """Extract, validate and store every PDF; files already stored (same bytes) are skipped.

    Documents are named by their path below the folder given. Exits 3 when any file could not be read
    (the others are stored all the same), 2 when there is no PDF, 1 with --fail-on and findings.

    Example: council-tables ingest raw_docs/ --db council.db --fail-on error
    """
    from .ingest import ingest_into
    from .report import failing

    with IngestProgress(quiet) as progress:
        summary = ingest_into(database, paths, alias_files=aliases, workers=workers, password=password,
                         extracted_dir=None if no_extracted else extracted, on_found=progress.found,
                         on_outcome=progress.done)
    _print_summary(summary, quiet)
    if summary.failures:
        raise typer.Exit(ExitCode.UNREADABLE_INPUT)
    failed = failing(summary.findings.issues, fail_on.value)
    for issue in failed:  # what made it fail, even with --quiet (a pre-commit hook shows nothing else)
        _say(f"{issue.severity.upper():7s} {issue.check}: {issue.message}")
    if failed:
        raise typer.Exit(ExitCode.FINDINGS)


class IngestProgress:
    """A progress bar on stderr with files done and pages per second (hidden with --quiet), and one
    line per file as it is done."""

    def __init__(self, quiet: bool):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.quiet = quiet
        self.bar = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
            TextColumn("{task.fields[pages]} pages, {task.fields[rate]} pages/s"), TimeElapsedColumn(),
            console=err(), disable=quiet, transient=False,
        )
        self.task = self.bar.add_task("ingest", total=None, pages=0, rate="0.0")

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar.live.is_started:
            self.bar.stop()

    def found(self, files: list[PdfFile]) -> None:
        """The bar starts once there are files: a batch that finds none shows its one-line error alone."""
        self.bar.update(self.task, total=len(files))
        self.bar.start()

    def done(self, outcome: FileOutcome) -> None:
        from rich.markup import escape

        if outcome.status == "failed":
            self.bar.console.print(f"[red]failed[/red]  {escape(outcome.error or '')}", highlight=False)
        elif not self.quiet:
            self.bar.console.print(f"{outcome.status:9s} {escape(outcome.file.name)}", highlight=False)
        task = self.bar.tasks[0]
        pages = task.fields["pages"] + (outcome.extraction.page_count if outcome.extraction else 0)
        rate = pages / max(task.elapsed or 0, 1e-6)
        self.bar.update(self.task, advance=1, pages=pages, rate=f"{rate:.1f}")


def _print_summary(summary: IngestSummary, quiet: bool) -> None:
    from rich.table import Table

    rows, findings = summary.rows(), summary.severity_counts()
    line = (f"{len(summary.outcomes)} files: {summary.count('stored')} stored, "
            f"{summary.count('unchanged')} unchanged, {summary.count('superseded')} superseded, "
            f"{len(summary.failures)} failed; {summary.pages} pages, "
            f"{rows['contributions']} contributions, {rows['agenda_items']} agenda items, "
            f"{rows['forward_plan_decisions']} decisions; {findings['error']} errors, "
            f"{findings['warning']} warnings in this batch ({summary.seconds:.1f} s)")
    if not quiet and summary.extractions:
        table = Table("file", "pages", "contributions", "agenda items", "decisions", "findings", title="ingested")
        for extraction in summary.extractions:
            table.add_row(extraction.file, str(extraction.page_count),
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
    sql: Annotated[str, typer.Argument(help="One SELECT statement (the database is opened read-only).",
                                       show_default=False)],
    database: DbOption = DEFAULT_DB,
    timeout: Annotated[float, typer.Option(help="Stop the query after this many seconds.")] = 30.0,
) -> Rows:
    """Run a read-only SQL query and print the rows; writes of any kind are refused (exit 2).

    Whole numbers stay integers in every format; money is integer pence (amount_pence).

    Example: council-tables query "SELECT partner, amount_pence FROM contributions" --format csv
    """
    from .query import run_query

    return run_query(database, sql, timeout)


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
