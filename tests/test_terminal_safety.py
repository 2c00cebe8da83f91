"""What reaches the terminal is data, never instructions: cells and file names with [markup] print as they
are, escape sequences and other control characters show as visible escapes, and BLOBs print by their size
(base64 in CSV and JSON) instead of breaking the output."""

from __future__ import annotations

import base64
import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import db
from pipeline.cli import app
from pipeline.errors import ExitCode
from pipeline.ingest import ingest

runner = CliRunner()
HOSTILE_NAME = "dup [exempt] [/x] \x1b[2J\x9b.pdf"
# The same row on each database: markup, a closing tag alone, an escape sequence with a C1 control, a BLOB.
CELLS = {
    "sqlite": "SELECT 'Budget [exempt] item' AS \"[b]title\", '[/x]' AS closing, "
              "'red' || char(27) || '[31m' || char(155) AS esc, x'000102' AS data",
    "postgresql": "SELECT 'Budget [exempt] item' AS \"[b]title\", '[/x]' AS closing, "
                  "'red' || chr(27) || '[31m' || chr(155) AS esc, '\\x000102'::bytea AS data",
}


def cli(*args: str) -> object:
    return runner.invoke(app, list(args))


def _raw_controls(text: str) -> list[str]:
    return [char for char in text if char in "\x1b\x9b\r"]


@pytest.fixture
def hostile(tmp_path: Path, database_url: str, duplicate_partner_pdf: Callable[[Path], Path],
            login_as: Callable[[str], str]) -> str:
    """A document whose file name holds markup and an escape sequence, with a finding that names it; the
    database as a role that may only read."""
    duplicate_partner_pdf(tmp_path / "docs" / HOSTILE_NAME)
    engine = db.connect(database_url)
    ingest([tmp_path / "docs"], engine)
    engine.dispose()
    return login_as("reader")


def test_cells_print_as_they_are_in_every_format(hostile: str, database_url: str) -> None:
    sql = CELLS["sqlite" if database_url.endswith(".db") else "postgresql"]
    table = cli("query", sql, "--db", hostile)
    assert table.exit_code == 0, table.output
    for shown in ("[b]title", "Budget [exempt] item", "[/x]", "red\\x1b[31m\\x9b", "<blob 3 bytes>"):
        assert shown in table.stdout
    assert _raw_controls(table.stdout) == []
    as_json = cli("query", sql, "--db", hostile, "--format", "json")
    assert _raw_controls(as_json.stdout) == []
    [record] = json.loads(as_json.stdout)  # the escapes are JSON's: the data is exact
    assert record == {"[b]title": "Budget [exempt] item", "closing": "[/x]", "esc": "red\x1b[31m\x9b",
                      "data": base64.b64encode(b"\x00\x01\x02").decode()}
    as_csv = cli("query", sql, "--db", hostile, "--format", "csv")  # not a terminal: the data exactly
    assert list(csv.reader(io.StringIO(as_csv.stdout)))[1] == ["Budget [exempt] item", "[/x]", "red\x1b[31m\x9b",
                                                               "AAEC"]


def test_file_names_show_safely_in_findings(hostile: str) -> None:
    for fmt in ("text", "github", "markdown"):
        found = cli("validate", "--db", hostile, "--format", fmt, "--fail-on", "never")
        assert found.exit_code == 0, found.output
        assert "dup [exempt] [/x] \\x1b[2J\\x9b.pdf" in found.stdout and _raw_controls(found.stdout) == []


def test_error_lines_show_names_safely(tmp_path: Path) -> None:
    missing = cli("query", "SELECT 1", "--db", str(tmp_path / "no [x] [/x] \x1b[2J.db"))
    assert missing.exit_code == ExitCode.USAGE and missing.stderr.count("\n") == 1
    assert "no [x] [/x] \\x1b[2J.db" in missing.stderr and _raw_controls(missing.stderr) == []
    bad_option = cli("query", "SELECT 1", "--format", "\x1b[31m")
    assert bad_option.exit_code == ExitCode.USAGE and _raw_controls(bad_option.output) == []


def test_ingest_shows_file_names_safely(tmp_path: Path, duplicate_partner_pdf: Callable[[Path], Path]) -> None:
    duplicate_partner_pdf(tmp_path / "docs" / HOSTILE_NAME)
    ingested = cli("ingest", str(tmp_path / "docs"), "--db", str(tmp_path / "c.db"), "--no-extracted",
                   "--workers", "1")
    assert ingested.exit_code == 0, ingested.output
    shown = [line for line in ingested.output.splitlines() if "dup [exempt]" in line]
    assert len(shown) == 2  # the line of the file stored, and its row in the summary table
    assert all("dup [exempt] [/x] \\x1b[2J\\x9b.pdf" in line for line in shown)
    assert _raw_controls(ingested.output) == []
