"""query as an attacker would use it: every way out of one read-only query refused by the database itself
(PostgreSQL as the tables' owner and as a superuser, and SQLite), nothing changed, no program run, no server
file read; and as an unlucky user would: endless queries and huge values end in one line, rows stream."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from typer.testing import CliRunner

from pipeline import db
from pipeline.cli import app
from pipeline.errors import ExitCode
from pipeline.ingest import ingest
from pipeline.query import run_query, stream_query
from pipeline.rows import DISPLAY_ROWS, write_rows
from pipeline.statement import QueryError

runner = CliRunner()
ENDLESS_ROWS = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n"
ENDLESS_COUNT = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
# Ways out of a read-only query: more statements, leaving the transaction, writes hidden in a query, and on
# PostgreSQL the server's files and programs. {witness} is a file that a shell command would create.
ATTACKS = [
    "COMMIT; DELETE FROM contributions; SELECT 1 AS x",
    "SET TRANSACTION READ WRITE; DELETE FROM contributions; COMMIT; SELECT 1",
    "COMMIT; CREATE TABLE pwned (x INTEGER)",
    "SELECT 1; DROP TABLE contributions",
    "WITH gone AS (DELETE FROM contributions RETURNING 1) SELECT count(*) FROM gone",
]
POSTGRES_ATTACKS = [
    "COPY (SELECT 1) TO PROGRAM 'id > {witness}'",
    "SELECT query_to_xml('COPY (SELECT 1) TO PROGRAM ''id > {witness}''', true, false, '')",
    "SELECT set_config('transaction_read_only', 'off', true), count(*) FROM contributions",
    "SELECT pg_read_file('/etc/passwd')",
    "SELECT lo_import('/etc/passwd')",
    "SELECT nextval(pg_get_serial_sequence('contributions', 'id'))",
    "SELECT * INTO pwned FROM contributions",
    "SELECT * FROM contributions FOR UPDATE",
]


def cli(*args: str) -> object:
    return runner.invoke(app, list(args))


@pytest.fixture
def owned(tmp_path: Path, database_url: str, contributions_pdf: Callable[..., Path],
          login_as: Callable[[str], str]) -> str:
    """Two contributions stored by a login that owns the tables but is not a superuser (SQLite: the file)."""
    contributions_pdf(tmp_path / "docs" / "report.pdf", [("BCP Council", "£60,000"), ("Dorset Police", "£40,000")],
                      "£100,000")
    owner = login_as("owner")
    engine = db.connect(owner)
    ingest([tmp_path / "docs"], engine)
    engine.dispose()
    return owner


@pytest.fixture
def witness() -> Iterator[Path]:
    """Where a shell command run by the PostgreSQL server would write: a folder anyone may write to."""
    folder = Path(tempfile.mkdtemp(prefix="council-witness-"))
    folder.chmod(0o777)
    yield folder / "ran"
    shutil.rmtree(folder)


def _state(database_url: str) -> tuple:
    """What the attacks must leave as it was: the rows, and no table of theirs."""
    counts = run_query(database_url, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM contributions)")
    engine = db.read_only_engine(database_url)
    try:
        return counts.rows[0], inspect(engine).has_table("pwned")
    finally:
        engine.dispose()


def _refused(sql: str, database: str) -> None:
    result = cli("query", sql, "--db", database)
    assert result.exit_code == ExitCode.USAGE, (sql, result.output)
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("sql", ATTACKS)
def test_every_way_out_is_refused_for_the_tables_owner(owned: str, database_url: str, sql: str) -> None:
    before = _state(database_url)
    _refused(sql, owned)
    assert _state(database_url) == before == ((1, 2), False)
    with pytest.raises(QueryError):
        stream_query(owned, sql)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
@pytest.mark.parametrize("login", ["owner", "superuser"])
def test_postgres_runs_no_program_and_reads_no_server_file(owned: str, database_url: str, login: str,
                                                           witness: Path) -> None:
    database = owned if login == "owner" else database_url
    before = _state(database_url)
    for sql in ATTACKS + POSTGRES_ATTACKS:
        _refused(sql.format(witness=witness), database)
    assert _state(database_url) == before and not witness.exists()
    if login == "owner":  # a query that only reads still runs
        assert cli("query", "SELECT count(*) AS n FROM contributions", "--db", owned, "--format", "csv").stdout == \
            "n\n2\n"
    # the witness works: the same COPY sent as a plain simple query by a superuser does run the program
    with create_engine(database_url).connect() as connection:
        connection.exec_driver_sql(POSTGRES_ATTACKS[0].format(witness=witness))
    assert witness.exists()


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_superuser_login_is_refused_with_the_role_to_use(owned: str, database_url: str) -> None:
    result = cli("query", "SELECT 1", "--db", database_url)
    assert result.exit_code == ExitCode.USAGE and "council_reader" in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_endless_query_ends_in_one_line(owned: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for args in (["--format", "csv"], ["--format", "jsonl"], ["-o", str(out / "n.csv")]):
        result = cli("query", ENDLESS_ROWS, "--db", owned, "--timeout", "0.5", *args)
        assert result.exit_code == ExitCode.USAGE, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "raise --timeout" in result.stderr
    exported = cli("export", "--query", ENDLESS_COUNT, "-o", str(out / "e.json"), "--db", owned,
                   "--timeout", "0.5")
    assert exported.exit_code == ExitCode.USAGE and "raise --timeout" in exported.stderr
    assert list(out.iterdir()) == []  # no file, not even half of one


def test_a_terminal_table_shows_the_first_rows_of_an_endless_query(owned: str) -> None:
    shown = cli("query", ENDLESS_ROWS, "--db", owned)
    assert shown.exit_code == 0, shown.output
    assert f"│ {DISPLAY_ROWS} " in shown.stdout and f"│ {DISPLAY_ROWS + 1} " not in shown.stdout
    assert shown.stderr.count("\n") == 1 and "there are more" in shown.stderr
    three = cli("query", ENDLESS_ROWS, "--db", owned, "--limit", "3", "--format", "csv")
    assert three.exit_code == 0 and three.stdout == "x\n1\n2\n3\n" and "first 3 rows" in three.stderr


def test_a_huge_value_ends_in_one_line(owned: str, database_url: str) -> None:
    huge = "SELECT zeroblob(999999999) AS b" if owned.endswith(".db") else "SELECT repeat('x', 17000000) AS b"
    for fmt in ("table", "csv", "json"):
        result = cli("query", huge, "--db", owned, "--format", fmt)
        assert result.exit_code == ExitCode.USAGE, (fmt, result.output[:200])
        assert result.stderr.count("\n") == 1 and "16,777,216" in result.stderr


def test_a_reader_that_stops_reading_ends_an_endless_query_quietly(owned: str) -> None:
    client = subprocess.Popen([sys.executable, "-m", "pipeline", "query", ENDLESS_ROWS, "--db", owned, "--format",
                               "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert client.stdout.readline() == b"x\n"
    client.stdout.close()  # as `| head -1` does
    assert client.wait(timeout=60) == 0 and client.stderr.read() == b""


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_a_query_left_by_a_dead_client_stops_on_the_server(owned: str, database_url: str,
                                                          login_as: Callable[[str], str]) -> None:
    reader = login_as("reader")
    client = subprocess.Popen([sys.executable, "-m", "pipeline", "query", ENDLESS_COUNT, "--db", reader,
                               "--timeout", "3"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _wait_for(lambda: _running(database_url)), "the query never started"
    client.kill()
    client.wait()
    assert _wait_for(lambda: not _running(database_url)), "the server is still running the query"


def _running(database_url: str) -> bool:
    """Whether the reader's query is running on the server (as the FETCH from its cursor)."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                                            "AND usename = 'council_test_reader'"))
            return found.scalar_one() > 0
    finally:
        engine.dispose()


def _wait_for(condition: Callable[[], bool], attempts: int = 200) -> bool:
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(0.1)
    return False


class _Discard(io.TextIOBase):
    def write(self, text: str) -> int:
        return len(text)


def test_rows_are_streamed_not_held(owned: str) -> None:
    many = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000) "
            "SELECT x, 'row ' || x AS label FROM n")
    tracemalloc.start()
    try:
        written = write_rows(stream_query(owned, many), "csv", _Discard())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert written == 200000
    assert peak < 5_000_000  # the 200,000 rows held at once would take several times this


@pytest.mark.parametrize("name", ["council?x.db", "a#b.db", "%41.db"])
def test_a_sqlite_path_is_taken_literally(tmp_path: Path, contributions_pdf: Callable[..., Path], name: str) -> None:
    contributions_pdf(tmp_path / "docs" / "report.pdf", [("BCP Council", "£60,000"), ("Dorset Police", "£40,000")],
                      "£100,000")
    path = tmp_path / "data" / name
    engine = db.connect(str(path))
    ingest([tmp_path / "docs"], engine)
    engine.dispose()
    assert _databases(path.parent) == [name]
    counted = cli("query", "SELECT count(*) AS n FROM contributions", "--db", str(path), "--format", "csv")
    assert counted.exit_code == 0 and counted.stdout == "n\n2\n", counted.output
    _refused("DELETE FROM contributions", str(path))
    assert _databases(path.parent) == [name]


def _databases(folder: Path) -> list[str]:
    """The SQLite databases in `folder`, without their -wal and -shm files."""
    return sorted({file.name.removesuffix("-wal").removesuffix("-shm") for file in folder.iterdir()})


def test_a_wal_database_in_a_read_only_folder_can_be_read(owned: str, read_only_folder: Path) -> None:
    if not owned.endswith(".db"):
        pytest.skip("a SQLite file's")
    with sqlite3.connect(owned) as source:  # as a database is once closed: every change in the file itself
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = read_only_folder / "council.db"
    shutil.copy(owned, copy)
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # the header of a database in WAL mode
    count = ["query", "SELECT count(*) AS n FROM contributions", "--db", str(copy), "--format", "csv"]
    loaded = cli(*count[:3], owned, *count[4:])  # loads the modules the command needs, which 'nobody' cannot read
    assert loaded.stdout == "n\n2\n"
    read_only_folder.chmod(0o555)
    with _as_nobody():
        read = cli(*count)
        validated = cli("validate", "--db", str(copy), "--fail-on", "never")
    assert read.exit_code == 0 and read.stdout == "n\n2\n", read.output
    assert validated.exit_code == 0, validated.output
    assert sorted(os.listdir(read_only_folder)) == ["council.db"]


def test_changes_left_in_a_wal_file_in_a_read_only_folder_are_not_silently_missed(
        tmp_path: Path, read_only_folder: Path) -> None:
    with sqlite3.connect(tmp_path / "council.db") as source:
        source.execute("PRAGMA journal_mode = WAL")
        source.execute("PRAGMA wal_autocheckpoint = 0")  # the table stays in the -wal file
        source.execute("CREATE TABLE documents (id INTEGER)")
        source.commit()
        for name in ("council.db", "council.db-wal"):  # copied while open: the -wal file holds the table
            shutil.copy(tmp_path / name, read_only_folder / name)
    read_only_folder.chmod(0o555)
    with _as_nobody():
        result = cli("query", "SELECT 1", "--db", str(read_only_folder / "council.db"))
    assert result.exit_code == ExitCode.USAGE and "council.db-wal" in result.stderr, result.output


@pytest.fixture
def read_only_folder() -> Iterator[Path]:
    """A folder to make read-only (outside tmp_path, whose parents only root may enter); removed after."""
    folder = Path(tempfile.mkdtemp(prefix="council-ro-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


class _as_nobody:
    """Root ignores file permissions: act as 'nobody' for the duration (as anyone but root already does)."""

    def __enter__(self) -> None:
        if os.geteuid() == 0:
            os.seteuid(65534)

    def __exit__(self, *exc: object) -> None:
        if os.getuid() == 0:
            os.seteuid(0)
