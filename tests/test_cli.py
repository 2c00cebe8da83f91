"""Every command through the CLI, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdfgen import Grid, Text, write_pdf
from typer.testing import CliRunner

from cli import app
from pipeline.query import run_query

runner = CliRunner()


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    (folder / "nested").mkdir(parents=True)
    write_pdf(folder / "clean.pdf", [
        Text(["Dorset Council", "Cabinet", "7 September 2021", "Partner contributions 2020/21:"]),
        Grid([("Partner", "Contribution", "Share"), ("BCP Council", "£60,000", "60%"),
              ("Dorset Police", "£40,000", "40%"), ("Total", "£100,000", "")]),
    ])
    write_pdf(folder / "nested" / "duplicate.pdf", [
        Text(["The contributions for 2023/24 were as follows:", "- BCP Council - £75,785",
              "- Dorset Police - £75,785", "- Dorset Police - £75,785", "- Total - £227,355"]),
    ])
    return folder


def ingest(*args: str) -> object:
    return runner.invoke(app, ["ingest", *args])


def test_extract_prints_contract_json(docs: Path) -> None:
    result = runner.invoke(app, ["extract", str(docs / "clean.pdf"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["file"] == "clean.pdf" and data["page_count"] == 1
    [table] = data["contribution_tables"]
    assert table["stated_total"] == 100000 and table["period"] == "2020/21"
    assert [(r["partner"], r["amount"], r["share_pct"]) for r in table["rows"]] == [
        ("BCP Council", 60000, 60), ("Dorset Police", 40000, 40)]
    assert {"agenda_items", "forward_plan", "issues", "meeting"} <= set(data)


def test_ingest_is_idempotent_and_validate_fails_on_errors(docs: Path, tmp_path: Path, database_url: str) -> None:
    database = database_url
    first = ingest(str(docs), "--db", database, "--extracted", str(tmp_path / "extracted"), "--workers", "1")
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in (tmp_path / "extracted").iterdir()) == ["clean.json", "duplicate.json"]
    counts = _counts(database)
    again = ingest(str(docs), "--db", database, "--workers", "1", "--extracted", str(tmp_path / "extracted"))
    assert again.exit_code == 0 and "2 unchanged" in again.output
    assert _counts(database) == counts == {"documents": 2, "contributions": 5, "validation_issues": 1}

    result = runner.invoke(app, ["validate", "--db", database, "--fail-on", "error"])
    assert result.exit_code == 1 and "Dorset Police" in result.output
    assert runner.invoke(app, ["validate", "--db", database, "--fail-on", "never"]).exit_code == 0


def test_validate_formats(docs: Path, tmp_path: Path, database_url: str) -> None:
    database = database_url
    ingest(str(docs), "--db", database, "--workers", "1", "--extracted", str(tmp_path / "x"))
    junit = runner.invoke(app, ["validate", "--db", database, "--format", "junit", "--fail-on", "never"]).stdout
    assert junit.count("<testsuite ") == 2 and junit.count("<failure") == 1 and 'name="duplicate_partner"' in junit
    github = runner.invoke(app, ["validate", "--db", database, "--format", "github"]).stdout
    assert github.startswith("::error file=duplicate.pdf,title=duplicate_partner::")
    issues = json.loads(runner.invoke(app, ["validate", "--db", database, "--format", "json"]).stdout)["issues"]
    assert [(i["file"], i["check"], i["subject"]) for i in issues] == [("duplicate.pdf", "duplicate_partner",
                                                                         "Dorset Police")]
    bad = runner.invoke(app, ["validate", "--db", database, "--format", "yaml"])
    assert bad.exit_code == 2


def test_plain_path_and_url_mean_the_same_database(docs: Path, tmp_path: Path) -> None:
    database = tmp_path / "url.db"
    result = ingest(str(docs / "clean.pdf"), "--db", f"sqlite:///{database}", "--workers", "1",
                    "--extracted", str(tmp_path / "x"))
    assert result.exit_code == 0
    assert _counts(str(database))["documents"] == 1


def test_checks_lists_the_registry() -> None:
    result = runner.invoke(app, ["checks"])
    assert result.exit_code == 0 and "duplicate_partner" in result.output and "warning" in result.output


@pytest.mark.parametrize(
    "command", ["extract", "tables", "ingest", "validate", "checks", "query", "export", "search", "metadata"]
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example: python cli.py" in result.output


def test_bad_database_url_is_one_line(tmp_path: Path, docs: Path) -> None:
    result = runner.invoke(app, ["validate", "--db", "nosuchdialect://x"])
    assert result.exit_code == 1
    assert "error:" in result.output and "Traceback" not in result.output


def _counts(database: str) -> dict[str, int]:
    return {table: run_query(database, f"SELECT count(*) FROM {table}").rows[0][0]
            for table in ("documents", "contributions", "validation_issues")}
