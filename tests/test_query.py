"""query is read-only whatever the SQL, has a time limit and keeps types; export writes any table, view or
query in the format its file's suffix names; schema describes the tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import db
from pipeline.cli import app
from pipeline.errors import ExitCode, UsageError
from pipeline.ingest import ingest
from pipeline.query import run_query
from pipeline.statement import QueryError, ReadOnlyError

runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path, database_url: str, contributions_pdf: Callable[..., Path],
             login_as: Callable[[str], str]) -> str:
    """One report ingested: BCP Council £60,000.50 and Dorset Police £40,000 (no shares), total £100,000.50;
    on PostgreSQL, read as a role that may only read (a superuser's queries are refused)."""
    contributions_pdf(tmp_path / "docs" / "report.pdf", [("BCP Council", "£60,000.50"), ("Dorset Police", "£40,000")],
                      "£100,000.50")
    ingest([tmp_path / "docs"], db.connect(database_url))
    return login_as("reader")


def cli(*args: str) -> object:
    return runner.invoke(app, list(args))


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
    # SQLite's authorizer refuses what would write; PostgreSQL does not even parse it as the query it must be
    expected = ReadOnlyError if database.endswith(".db") else QueryError
    with pytest.raises(expected):
        run_query(database, sql)
    assert run_query(database, "SELECT count(*) FROM contributions").rows == [(2,)]
    refused = cli("query", sql, "--db", database)
    assert refused.exit_code == ExitCode.USAGE and refused.output.count("\n") == 1


def test_pragmas_that_describe_the_schema_are_allowed(database: str) -> None:
    if not database.endswith(".db"):
        pytest.skip("PRAGMA is SQLite's")
    columns = [row[1] for row in run_query(database, "PRAGMA table_info(contributions)").rows]
    assert "amount_pence" in columns


def test_whole_numbers_stay_integers_in_every_format(database: str, tmp_path: Path) -> None:
    sql = ("SELECT a.partner, a.amount_pence, a.share_pct, a.page, d.page_count FROM contributions_by_period a "
           "JOIN documents d ON d.file_name = a.file_name ORDER BY a.partner")
    as_csv = cli("query", sql, "--db", database, "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["partner", "amount_pence", "share_pct", "page", "page_count"],
        ["BCP Council", "6000050", "", "1", "1"], ["Dorset Police", "4000000", "", "1", "1"]]
    as_json = json.loads(cli("query", sql, "--db", database, "--format", "json").stdout)
    assert as_json[0] == {"partner": "BCP Council", "amount_pence": 6000050, "share_pct": None, "page": 1,
                          "page_count": 1}
    lines = cli("query", sql, "--db", database, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    periods = cli("query", "SELECT period FROM contribution_tables", "--db", database, "--format", "json").stdout
    assert '"2020/21"' in periods  # no escaped slashes
    assert "BCP Council" in cli("query", sql, "--db", database).stdout  # a table on a terminal
    assert cli("query", sql, "--db", database, "-o", str(tmp_path / "q.csv")).exit_code == 0
    assert (tmp_path / "q.csv").read_text() == as_csv.stdout  # the format from the suffix


def test_a_query_that_runs_too_long_is_stopped(database: str) -> None:
    endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
    with pytest.raises(QueryError, match="longer than 0.5 s"):
        run_query(database, endless, timeout=0.5)
    result = cli("query", endless, "--db", database, "--timeout", "0.5")
    assert result.exit_code == ExitCode.USAGE and "raise --timeout" in result.output


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json", ".jsonl"])
def test_export_writes_the_format_its_suffix_names(database: str, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    result = cli("export", "contributions_by_period", "-o", str(target), "--db", database)
    assert result.exit_code == 0, result.output
    assert _read(target) == [{"partner": "BCP Council", "amount_pence": 6000050},
                             {"partner": "Dorset Police", "amount_pence": 4000000}]


def test_export_a_query_and_refuse_what_cannot_be_written(database: str, tmp_path: Path) -> None:
    target = tmp_path / "big.csv"
    result = cli("export", "-o", str(target), "--db", database, "--query",
                 "SELECT partner, amount_pence FROM contributions WHERE amount_pence > 5000000")
    assert result.exit_code == 0 and "1 rows of the query" in result.output
    assert target.read_text() == "partner,amount_pence\nBCP Council,6000050\n"
    for args in (["contributions", "-o", str(tmp_path / "t.xlsx")], ["no_such_table", "-o", str(target)],
                 ["contributions", "--query", "SELECT 1", "-o", str(target)]):
        refused = cli("export", *args, "--db", database)
        assert refused.exit_code == ExitCode.USAGE and refused.output.startswith("error: ")
    assert not (tmp_path / "t.xlsx").exists()


def test_schema_lists_tables_and_describes_columns(database: str) -> None:
    tables = json.loads(cli("schema", "--db", database, "--counts", "--format", "json").stdout)
    by_name = {table["name"]: table for table in tables}
    assert by_name["contributions"]["rows"] == 2 and by_name["contributions_by_period"]["kind"] == "view"
    assert "partner's contribution" in by_name["contributions"]["description"]
    columns = json.loads(cli("schema", "contributions", "--db", database, "--format", "json").stdout)
    amount = next(column for column in columns if column["column"] == "amount_pence")
    assert amount["not_null"] is True and "pence" in amount["description"]
    assert cli("schema", "nothing", "--db", database).exit_code == ExitCode.USAGE


def test_search_finds_decisions_and_agenda_items(database_url: str, plan_extraction: Callable) -> None:
    from pipeline.model import AgendaItem

    engine = db.connect(database_url)
    extraction = plan_extraction("9" * 64, "2022-04-14", "Children's Services Self-Evaluation", "2022-06-21")
    extraction.agenda_items = [AgendaItem("8", "Annual Self Evaluation of Children's Services", physical_start=6),
                               AgendaItem("9", "Performance Scrutiny")]
    db.store(engine, extraction)
    result = cli("search", "children services", "--db", database_url, "--format", "csv")
    assert result.exit_code == 0, result.output
    found = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(row["kind"] for row in found) == ["agenda_item", "decision"]
    assert "Performance" not in result.stdout
    with pytest.raises(UsageError):
        run_query("nowhere.db", "SELECT 1")


def _read(path: Path) -> list[dict]:
    """partner and amount_pence of each row, whatever the file's format."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        records = pq.read_table(path).to_pylist()
    elif path.suffix == ".csv":
        records = [{**row, "amount_pence": int(row["amount_pence"])} for row in csv.DictReader(path.open())]
    elif path.suffix == ".json":
        records = json.loads(path.read_text())
    else:
        records = [json.loads(line) for line in path.read_text().splitlines()]
    return sorted(({"partner": r["partner"], "amount_pence": r["amount_pence"]} for r in records),
                  key=lambda r: r["partner"])
