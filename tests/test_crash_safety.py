"""kill -9 at any moment leaves a consistent database; two ingests at once lose nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pdfgen import Grid, Text, write_pdf

PROJECT = Path(__file__).resolve().parents[1]
FILES = 40


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """FILES distinct reports, each with a three-partner contributions table."""
    folder = tmp_path_factory.mktemp("batch")
    for number in range(FILES):
        write_pdf(folder / f"report-{number:02d}.pdf", [
            Text([f"Report {number}", "Partner contributions for 2022/23:"]),
            Grid([("Partner", "Contribution"), ("Alpha Council", f"£{1000 + number:,}"),
                  ("Beta Police", "£2,000"), ("Gamma ICB", "£3,000"), ("Total", f"£{6000 + number:,}")]),
        ])
    return folder


def ingest_process(folder: Path, database: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "cli.py", "ingest", str(folder), "--db", str(database), "-q",
               "--extracted", str(database.parent / "extracted"), *extra]
    return subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "contribution_tables", "contributions")}


def assert_every_document_complete(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT d.file_name, count(c.id) FROM documents d "
            "LEFT JOIN contributions c ON c.document_id = d.id GROUP BY d.id"
        ).fetchall()
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert all(count == 3 for _, count in rows), rows


@pytest.mark.parametrize("delay", [0.8, 1.6])
def test_kill_9_then_resume(batch: Path, tmp_path: Path, delay: float) -> None:
    database = tmp_path / "killed.db"
    process = ingest_process(batch, database, "--workers", "1")
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if database.exists():
        assert_every_document_complete(database)
    resumed = ingest_process(batch, database, "--workers", "1")
    _, errors = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, errors
    assert table_counts(database) == {"documents": FILES, "contribution_tables": FILES, "contributions": 3 * FILES}
    assert_every_document_complete(database)


def test_two_ingests_at_once_lose_nothing(batch: Path, tmp_path: Path) -> None:
    database = tmp_path / "shared.db"
    first, second = ingest_process(batch, database, "--workers", "1"), ingest_process(batch, database, "--workers", "1")
    for process in (first, second):
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    assert table_counts(database) == {"documents": FILES, "contribution_tables": FILES, "contributions": 3 * FILES}
    assert_every_document_complete(database)
