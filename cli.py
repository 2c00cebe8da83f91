"""council-tables: a thin command line over the `pipeline` library.

Each command calls one library function; errors become one-line messages, never tracebacks.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline import db, report
from pipeline.checks import all_checks, checks_markdown
from pipeline.extract import extract_pdf
from pipeline.ingest import FileOutcome, IngestSummary, default_workers, find_pdfs, ingest
from pipeline.metadata import datasette_metadata
from pipeline.pdf import PdfError
from pipeline.query import QueryResult, export, run_query, search
from pipeline.tables.export import read_pdf_tables

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.splitlines()[0])
# Wide enough for the summary table when stderr is a log file or a CI console rather than a terminal.
err = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else 160)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLAlchemy URL, or a file path meaning a SQLite database.")
]

ReportFormat = Enum("ReportFormat", {name: name for name in report.FORMATS}, type=str)
QueryFormat = Enum("QueryFormat", {name: name for name in ("table", "csv", "json")}, type=str)
TablesFormat = Enum("TablesFormat", {name: name for name in ("json", "csv")}, type=str)
FailOn = Enum("FailOn", {name: name for name in ("error", "warning", "never")}, type=str)


def one_line_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the errors a user can cause (bad files, bad database URLs) into one line and exit 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.BadParameter, click.ClickException):  # usage errors: typer prints them
            raise
        except PdfError as error:
            err.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        except Exception as error:  # database, file system: one line, not a traceback
            reason = escape(str(error).splitlines()[0] if str(error) else "")
            err.print(f"[red]error:[/red] {type(error).__name__}: {reason}", highlight=False)
        raise typer.Exit(1)

    return wrapper


@app.command()
@one_line_errors
def extract(
    pdf: Annotated[Path, typer.Argument(help="The PDF to read.")],
    # JSON is the only output; the flag is accepted so that `extract FILE --json` reads as the contract writes it
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract JSON (the only format).")] = True,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
) -> None:
    """Print what one PDF holds as the contract JSON object, on stdout.

    Example: python cli.py extract raw_docs/dorset-cabinet-2021-09-07-pdscp.pdf --json
    """
    extraction = extract_pdf(pdf, password=password)
    sys.stdout.write(json.dumps(extraction.to_contract(), indent=2, ensure_ascii=False) + "\n")


@app.command(name="tables")
@one_line_errors
def tables_command(
    pdf: Annotated[Path, typer.Argument(help="The PDF to read.")],
    pages: Annotated[str | None, typer.Option(help="Pages to read, e.g. 1,3-5 (default: every page).")] = None,
    fmt: Annotated[TablesFormat, typer.Option("--format", help="JSON on stdout, or one CSV file per table.")]
    = TablesFormat.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Folder for the CSV files (created).")]
    = None,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
) -> None:
    """Print every table in one PDF, whatever it holds, as JSON (CONTRACT.md's `tables`) or CSV files.

    With --format csv each table goes to DIR/<pdf stem>-p<page>-t<k>.csv, header rows included; the paths are printed.

    Example: python cli.py tables raw_docs/dorset-people-health-scrutiny-2022-05-19-pack.pdf --pages 6-7,10
    """
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
    paths: Annotated[list[Path], typer.Argument(help="PDF files and folders (searched recursively).")],
    database: DbOption = db.DEFAULT_DB,
    workers: Annotated[int, typer.Option(help="Worker processes that extract in parallel.")] = default_workers(),
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    extracted: Annotated[Path, typer.Option(help="Folder for one contract JSON per document.")] = Path("extracted"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the summary line and failures.")] = False,
    aliases: Annotated[
        list[Path] | None, typer.Option(help="Extra alias CSV (kind,name,alias) besides pipeline/data/aliases.csv.")
    ] = None,
) -> None:
    """Extract, validate and store every PDF; files already stored (same bytes) are skipped.

    Exits 1 when any file could not be read; the others are stored all the same.

    Example: python cli.py ingest raw_docs/ --db council.db
    """
    engine = db.connect(database, alias_files=aliases)
    files = find_pdfs(paths)
    with _progress(quiet) as progress:
        task = progress.add_task("ingest", total=len(files), pages=0, rate="0.0")
        started = time.perf_counter()

        def show(outcome: FileOutcome) -> None:
            if outcome.status == "failed":
                progress.console.print(f"[red]failed[/red]  {escape(outcome.error or '')}", highlight=False)
            elif not quiet:
                progress.console.print(f"{outcome.status:9s} {escape(str(outcome.path))}", highlight=False)
            pages = progress.tasks[task].fields["pages"] + (outcome.extraction.page_count if outcome.extraction else 0)
            rate = pages / max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=1, pages=pages, rate=f"{rate:.1f}")

        summary = ingest(files, engine, workers=workers, password=password, extracted_dir=extracted,
                         on_outcome=show)
    _print_summary(summary, quiet)
    if summary.failures:
        raise typer.Exit(1)


def _progress(quiet: bool) -> Progress:
    """A progress bar on stderr with files done and pages per second (hidden with --quiet)."""
    return Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("{task.fields[pages]} pages, {task.fields[rate]} pages/s"), TimeElapsedColumn(),
        console=err, disable=quiet, transient=False,
    )


def _print_summary(summary: IngestSummary, quiet: bool) -> None:
    rows, findings = summary.rows(), summary.findings()
    line = (f"{len(summary.outcomes)} files: {summary.count('stored')} stored, "
            f"{summary.count('unchanged')} unchanged, {summary.count('superseded')} superseded, "
            f"{len(summary.failures)} failed; {summary.pages} pages, "
            f"{rows['contributions']} contributions, {rows['agenda_items']} agenda items, "
            f"{rows['forward_plan_decisions']} decisions; {findings['error']} errors, "
            f"{findings['warning']} warnings ({summary.seconds:.1f} s)")
    if quiet:
        err.print(line, highlight=False)
        return
    table = Table("file", "pages", "contributions", "agenda items", "decisions", "findings", title="ingested")
    for extraction in summary.extractions:
        table.add_row(extraction.file, str(extraction.page_count),
                      str(sum(len(t.rows) for t in extraction.contribution_tables)),
                      str(len(extraction.agenda_items)), str(len(extraction.decisions)),
                      ", ".join(dict.fromkeys(issue.check for issue in extraction.issues)) or "-")
    err.print(table)
    err.print(line, highlight=False)


@app.command()
@one_line_errors
def validate(
    database: DbOption = db.DEFAULT_DB,
    fmt: Annotated[ReportFormat, typer.Option("--format", help="How to print the findings.")] = ReportFormat.text,
    fail_on: Annotated[FailOn, typer.Option(help="Exit 1 on findings at least this severe.")] = FailOn.error,
) -> None:
    """Report the findings of the validation checks on everything in the database.

    Example: python cli.py validate --db council.db --format junit --fail-on error > validation.xml
    """
    engine = db.connect(database)
    issues = db.stored_issues(engine)
    typer.echo(report.render(issues, db.stored_documents(engine), fmt.value))
    if report.should_fail(issues, fail_on.value):
        raise typer.Exit(1)


@app.command()
@one_line_errors
def query(
    sql: Annotated[str, typer.Argument(help="One SELECT statement (the database is opened read-only).")],
    database: DbOption = db.DEFAULT_DB,
    fmt: Annotated[QueryFormat, typer.Option("--format", help="How to print the rows.")] = QueryFormat.table,
) -> None:
    """Run a read-only SQL query and print the rows; writes of any kind are refused.

    Example: python cli.py query "SELECT partner, amount_pence / 100.0 AS amount FROM contributions"
    """
    _print_rows(run_query(database, sql), fmt)


@app.command(name="search")
@one_line_errors
def search_command(
    terms: Annotated[str, typer.Argument(help="Words to look for in agenda-item titles and decision subjects.")],
    database: DbOption = db.DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many results.")] = 20,
    fmt: Annotated[QueryFormat, typer.Option("--format", help="How to print the rows.")] = QueryFormat.table,
) -> None:
    """Full-text search of agenda items and forward-plan decisions, best matches first.

    Example: python cli.py search "children services" --db council.db
    """
    _print_rows(search(database, terms, limit), fmt)


def _print_rows(result: QueryResult, fmt: QueryFormat) -> None:
    """The output options every row-printing command shares: a table, CSV or JSON on stdout."""
    frame = result.frame()
    if fmt is QueryFormat.csv:
        sys.stdout.write(frame.to_csv(index=False))
    elif fmt is QueryFormat.json:
        sys.stdout.write(frame.to_json(orient="records", force_ascii=False, indent=2) + "\n")
    else:
        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*("" if value is None else str(value) for value in row))
        Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160).print(table)


@app.command(name="export")
@one_line_errors
def export_command(
    relation: Annotated[str, typer.Argument(help="A table or view, e.g. contributions_by_period.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write; its suffix picks the format.")],
    database: DbOption = db.DEFAULT_DB,
) -> None:
    """Export a whole table or view to CSV (.csv) or Parquet (.parquet).

    Example: python cli.py export contributions_by_period -o contributions.parquet
    """
    fmt = "parquet" if output.suffix.lower() == ".parquet" else "csv"
    count = export(database, relation, output, fmt)
    err.print(escape(f"{count} rows of {relation} written to {output}"), highlight=False)


@app.command()
def metadata(
    database_name: Annotated[str, typer.Option("--name", help="The database's name in datasette (file stem).")]
    = "council",
) -> None:
    """Print datasette metadata (table and column descriptions from schema.sql) as JSON.

    Example: python cli.py metadata > metadata.json && datasette council.db -m metadata.json
    """
    sys.stdout.write(json.dumps(datasette_metadata(database_name), indent=2) + "\n")


@app.command(name="checks")
def list_checks(
    markdown: Annotated[bool, typer.Option("--markdown", help="As the README's Markdown table.")] = False,
) -> None:
    """List the validation checks: code, severity and what trips them.

    Example: python cli.py checks --markdown
    """
    if markdown:
        sys.stdout.write(checks_markdown())
        return
    for entry in all_checks():
        typer.echo(f"{entry.code:30s} {entry.severity:8s} {entry.description}")


if __name__ == "__main__":
    app()
