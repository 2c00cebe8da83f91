"""Every command through the CLI, as a user runs it: help, version, output, and the exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import __version__, cli, report, rows
from pipeline.cli import app
from pipeline.errors import ExitCode
from pipeline.extraction_output import FORMATS as EXTRACT_FORMATS
from pipeline.query import run_query

runner = CliRunner()
COMMANDS = ["extract", "tables", "ingest", "validate", "report", "checks", "query", "export", "search", "schema",
            "metadata"]


def ingest(*args: str) -> object:
    return runner.invoke(app, ["ingest", "--workers", "1", *args])


def test_extract_prints_contract_json(sample_docs: Path) -> None:
    result = runner.invoke(app, ["extract", str(sample_docs / "clean.pdf"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["file"] == "clean.pdf" and data["page_count"] == 1
    [table] = data["contribution_tables"]
    assert table["stated_total"] == 100000 and table["period"] == "2020/21"
    assert [(r["partner"], r["amount"], r["share_pct"]) for r in table["rows"]] == [
        ("BCP Council", 60000, 60), ("Dorset Police", 40000, 40)]
    assert {"agenda_items", "forward_plan", "issues", "meeting"} <= set(data)


def test_ingest_is_idempotent_and_validate_fails_on_errors(sample_docs: Path, tmp_path: Path,
                                                           database_url: str) -> None:
    extracted = tmp_path / "extracted"
    first = ingest(str(sample_docs), "--db", database_url, "--extracted", str(extracted))
    assert first.exit_code == 0, first.output
    # extracted/ mirrors the folders below the one given
    assert sorted(p.relative_to(extracted).as_posix() for p in extracted.rglob("*.json")) == [
        "clean.json", "nested/duplicate.json"]
    counts = _counts(database_url)
    again = ingest(str(sample_docs), "--db", database_url, "--extracted", str(extracted))
    # unchanged files still count: the batch holds the error the database holds
    assert again.exit_code == 0 and "2 unchanged" in again.output and "1 errors" in again.output
    assert _counts(database_url) == counts == {"documents": 2, "contributions": 5, "validation_issues": 1}

    result = runner.invoke(app, ["validate", "--db", database_url, "--fail-on", "error"])
    assert result.exit_code == ExitCode.FINDINGS and "Dorset Police" in result.output
    assert "nested/duplicate.pdf" in result.output  # named by its path below the folder given
    assert runner.invoke(app, ["validate", "--db", database_url, "--fail-on", "never"]).exit_code == 0


def test_ingest_fails_on_findings_when_asked(sample_docs: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "c.db")
    assert ingest(str(sample_docs), "--db", database, "--no-extracted", "--fail-on", "error").exit_code == 1
    assert ingest(str(sample_docs / "clean.pdf"), "--db", database, "--fail-on", "warning",
                  "--no-extracted").exit_code == 0
    assert not (Path.cwd() / "extracted" / "clean.json").exists()


def test_plain_path_and_url_mean_the_same_database(sample_docs: Path, tmp_path: Path) -> None:
    database = tmp_path / "url.db"
    result = ingest(str(sample_docs / "clean.pdf"), "--db", f"sqlite:///{database}", "--no-extracted")
    assert result.exit_code == 0
    assert _counts(str(database))["documents"] == 1


def test_checks_lists_the_registry() -> None:
    result = runner.invoke(app, ["checks"])
    assert result.exit_code == 0 and "duplicate_partner" in result.output and "warning" in result.output


def test_report_writes_the_review_of_the_batch(sample_docs: Path, tmp_path: Path) -> None:
    database = str(tmp_path / "c.db")
    assert ingest(str(sample_docs), "--db", database, "--no-extracted").exit_code == ExitCode.CLEAN
    result = runner.invoke(app, ["report", "-o", str(tmp_path / "review"), "--db", database, "--batch", "last"])
    assert result.exit_code == ExitCode.CLEAN, result.output
    assert "review of 2 documents, 1 findings" in result.output and "index.html" in result.output
    pages = sorted(path.name for path in (tmp_path / "review" / "documents").glob("*.html"))
    assert [name.split("-")[0] for name in pages] == ["clean", "duplicate"]
    assert "duplicate_partner" in (tmp_path / "review" / "index.html").read_text()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_ending_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "-h"])
    assert result.exit_code == 0
    assert result.output.split("Example: council-tables ")[0] and "Example: council-tables " in result.output
    assert result.output.index("Example:") < result.output.index("Options:")  # the docstring's last line


def test_version_and_help_without_a_command() -> None:
    assert runner.invoke(app, ["--version"]).output == f"council-tables {__version__}\n"
    bare = runner.invoke(app, [])
    assert bare.exit_code == ExitCode.USAGE and "Commands:" in bare.output


def test_the_choices_the_options_offer_are_the_librarys() -> None:
    assert [f.value for f in cli.RowFormat] == list(rows.FORMATS)
    assert [f.value for f in cli.ExtractFormat] == list(EXTRACT_FORMATS)
    assert cli.REPORT_FORMATS == report.FORMATS and [f.value for f in cli.FailOn] == list(report.FAIL_ON)


@pytest.fixture
def empty_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "empty"
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "readme.txt").write_text("no PDFs here")
    return folder


BAD_USAGE = {
    "validate, no database": (["validate", "--db", "{tmp}/missing.db"], "no database at"),
    "query, no database": (["query", "SELECT 1", "--db", "{tmp}/missing.db"], "no database at"),
    "search, no database": (["search", "youth", "--db", "{tmp}/missing.db"], "no database at"),
    "schema, no database": (["schema", "--db", "{tmp}/missing.db"], "no database at"),
    "export, no database": (["export", "documents", "-o", "{tmp}/x.csv", "--db", "{tmp}/missing.db"],
                            "no database at"),
    "ingest, no PDFs": (["ingest", "{tmp}/empty", "--db", "{tmp}/c.db"], "no PDFs found in"),
    "ingest, no such folder": (["ingest", "{tmp}/nowhere", "--db", "{tmp}/c.db"], "no such file or folder"),
    "bad URL": (["validate", "--db", "nosuchdialect://x"], "cannot use database"),
    "server not there": (["validate", "--db", "postgresql://nobody@127.0.0.1:1/none"], "cannot open database"),
    "not our database": (["validate", "--db", "{tmp}/other.db"], "is not a council-tables database"),
    "unknown option": (["validate", "--colour"], "No such option"),
    "unknown format": (["validate", "--format", "yaml"], "unknown format 'yaml'"),
    "two formats on stdout": (["validate", "--format", "text", "--format", "json"], "give all but one a file"),
    "bad batch": (["validate", "--batch", "first"], "--batch takes 'last'"),
    "report, no database": (["report", "-o", "{tmp}/review", "--db", "{tmp}/missing.db"], "no database at"),
    "export to xlsx": (["export", "documents", "-o", "{tmp}/t.xlsx"], "cannot write 't.xlsx'"),
}


@pytest.mark.parametrize("case", sorted(BAD_USAGE))
def test_bad_usage_exits_2_with_one_line(case: str, tmp_path: Path, empty_folder: Path) -> None:
    import sqlite3

    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE unrelated (x)").connection.close()
    args, reason = BAD_USAGE[case]
    result = runner.invoke(app, [arg.replace("{tmp}", str(tmp_path)) for arg in args])
    assert result.exit_code == ExitCode.USAGE, result.output
    [line] = result.output.splitlines()
    assert line.startswith("error: ") and reason in line
    assert not (tmp_path / "missing.db").exists()  # read commands never create a database


def test_unreadable_input_exits_3(tmp_path: Path, sample_docs: Path) -> None:
    (sample_docs / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = ingest(str(sample_docs), "--db", str(tmp_path / "c.db"), "--no-extracted", "--fail-on", "error")
    assert result.exit_code == ExitCode.UNREADABLE_INPUT and "failed  broken.pdf: " in result.output
    assert _counts(str(tmp_path / "c.db"))["documents"] == 2  # the others are stored all the same
    extract = runner.invoke(app, ["extract", str(sample_docs / "broken.pdf")])
    assert extract.exit_code == ExitCode.UNREADABLE_INPUT and extract.output.startswith("error: broken.pdf: ")


def test_python_m_pipeline_and_cli_py_run_the_same_command(project: Path, tmp_path: Path) -> None:
    for command in ([sys.executable, "-m", "pipeline"], [sys.executable, str(project / "cli.py")]):
        done = subprocess.run([*command, "--version"], cwd=tmp_path, capture_output=True, text=True)
        assert (done.returncode, done.stdout) == (0, f"council-tables {__version__}\n")
        missing = subprocess.run([*command, "validate", "--db", "missing.db"], cwd=tmp_path, capture_output=True,
                                 text=True)
        assert missing.returncode == ExitCode.USAGE and missing.stderr.count("\n") == 1
        assert "Traceback" not in missing.stderr and not (tmp_path / "missing.db").exists()


def _counts(database: str) -> dict[str, int]:
    return {table: run_query(database, f"SELECT count(*) FROM {table}").rows[0][0]
            for table in ("documents", "contributions", "validation_issues")}
