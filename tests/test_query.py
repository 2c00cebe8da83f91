"""query is read-only whatever the SQL; export writes any table or view."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from pdfgen import Grid, Text, write_pdf
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from cli import app
from pipeline import db
from pipeline.ingest import ingest
from pipeline.query import ReadOnlyError, run_query

runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path, database_url: str) -> str:
    folder = tmp_path / "docs"
    folder.mkdir()
    write_pdf(folder / "report.pdf", [
        Text(["Partner contributions for 2020/21:"]),
        Grid([("Partner", "Contribution"), ("BCP Council", "£60,000.50"), ("Dorset Police", "£40,000"),
              ("Total", "£100,000.50")]),
    ])
    ingest([folder], db.connect(database_url))
    return database_url


WRITES = [
    "DELETE FROM documents",
    "INSERT INTO meetings (council, committee, meeting_date) VALUES ('a', 'b', 'c')",
    "UPDATE contributions SET amount_pence = 0",
    "DROP TABLE contributions",
    "CREATE TEMP TABLE scratch (x INTEGER)",
    "WITH x AS (SELECT 1) DELETE FROM documents",
]
# SQLite's own ways to write; PostgreSQL has no such statements and rejects them as syntax errors.
SQLITE_WRITES = ["ATTACH DATABASE ':memory:' AS other", "PRAGMA journal_mode = DELETE", "VACUUM"]


@pytest.mark.parametrize("sql", WRITES + SQLITE_WRITES)
def test_writes_are_refused(database: str, sql: str) -> None:
    expected = ReadOnlyError if sql in WRITES or database.endswith(".db") else DBAPIError
    with pytest.raises(expected):
        run_query(database, sql)
    assert run_query(database, "SELECT count(*) FROM contributions").rows == [(2,)]


def test_query_formats(database: str) -> None:
    sql = "SELECT partner, amount FROM contributions_by_period ORDER BY partner"
    csv = runner.invoke(app, ["query", sql, "--db", database, "--format", "csv"])
    assert csv.exit_code == 0
    frame = pd.read_csv(io.StringIO(csv.stdout))
    assert frame.to_dict("list") == {"partner": ["BCP Council", "Dorset Police"], "amount": [60000.5, 40000.0]}
    assert '"partner":"BCP Council"' in runner.invoke(app, ["query", sql, "--db", database, "--format", "json"]).stdout
    refused = runner.invoke(app, ["query", "DELETE FROM documents", "--db", database])
    assert refused.exit_code == 1 and "read-only" in refused.output


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_export_views_and_tables(database: str, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    result = runner.invoke(app, ["export", "contributions_by_period", "-o", str(target), "--db", database])
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(target) if suffix == ".parquet" else pd.read_csv(target)
    assert sorted(frame["partner"]) == ["BCP Council", "Dorset Police"]
    assert runner.invoke(app, ["export", "no_such_table", "-o", str(target), "--db", database]).exit_code == 1


def test_search_finds_decisions_and_agenda_items(database_url: str) -> None:
    from test_reconcile import plan_extraction

    from pipeline.model import AgendaItem

    engine = db.connect(database_url)
    extraction = plan_extraction("9" * 64, "2022-04-14", "Children's Services Self-Evaluation", "2022-06-21")
    extraction.agenda_items = [AgendaItem("8", "Annual Self Evaluation of Children's Services", physical_start=6),
                               AgendaItem("9", "Performance Scrutiny")]
    db.store(engine, extraction)
    result = runner.invoke(app, ["search", "children services", "--db", database_url, "--format", "csv"])
    assert result.exit_code == 0, result.output
    found = pd.read_csv(io.StringIO(result.stdout))
    assert sorted(found["kind"]) == ["agenda_item", "decision"]
    assert "Performance" not in result.stdout
