"""One statement of SQL from a person, run so that the database itself refuses anything but a single
query that reads; stopped at a deadline; its rows streamed; no value past a size limit.

SQLite: the file is opened read-only with `PRAGMA query_only` and an authorizer that allows reading
alone (db.read_only_engine); the driver prepares one statement and refuses a second; SQLite itself
refuses to build a value or row past MAX_VALUE_BYTES (SQLITE_LIMIT_LENGTH); a progress handler
interrupts the statement at the deadline.

PostgreSQL: the statement becomes a server-side cursor, `DECLARE c NO SCROLL CURSOR FOR <sql>`, sent
with the extended protocol. That protocol takes one statement (a second after a `;` is refused) and
DECLARE takes only a query: COPY, SET, COMMIT, DDL, `WITH ... DELETE` do not even parse. It runs in a
READ ONLY transaction, which a query cannot make read-write. What a query's functions may reach
(server files, programs) is the role's business: a person logged in as a role that is a superuser or
may read server files or run programs is refused (README, 'For researchers: database roles').
statement_timeout and idle_in_transaction_session_timeout stop the server's work when the client is
gone; a timer cancels the query at the deadline whatever it did to its own settings.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import psycopg

from .db import read_only_engine
from .errors import UsageError
from .rows import Rows

MAX_VALUE_BYTES = 16 * 1024 * 1024  # the largest value (on SQLite: row) a query may give
FETCH_ROWS = 100  # rows fetched from a server at a time, so memory does not grow with the result
_CURSOR = "council_tables_query"
# Roles whose members can read or write the server's files or run programs on it from a query.
_SERVER_ROLES = ["pg_read_server_files", "pg_write_server_files", "pg_execute_server_program"]
_PRIVILEGED = ("SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE pg_has_role(session_user, r.oid, 'MEMBER') "
               "AND (r.rolsuper OR r.rolname = ANY(%s))), session_user")
_DB_ERRORS = (sqlite3.Error, psycopg.Error)
_TIMED_OUT = {"57014", "25P03"}  # query canceled (by the timer or statement_timeout); idle in transaction too long
_READ_ONLY = {"25006", "25001", "42501"}  # a write in a read-only transaction; leaving read-only; no privilege
_READ_ONLY_WORDS = ("not authorized", "readonly", "read-only", "one statement", "multiple commands", "data-modifying")
_QUERY_START = re.compile(r"\s*(\(|select\b|with\b|values\b|table\b)", re.IGNORECASE)

Opened = tuple[list[str], Iterator[Sequence[Any]], Callable[[], None]]  # columns, rows, what to call once read


class QueryError(UsageError):
    """The database refused the SQL (a syntax error, an unknown column), it ran out of time, or a value was too big."""


class ReadOnlyError(QueryError):
    """The statement tried to do more than one query that reads."""


def open_statement(db: str, sql: str, timeout: float, researcher: bool = True) -> Rows:
    """Run `sql` read-only on `db`; its rows come from the open connection, which is closed once they have
    all been read (or the stream is closed). QueryError (ReadOnlyError for a refused write) when the
    database refuses it, when `timeout` seconds have passed in all, or for a value past MAX_VALUE_BYTES.

    `researcher`: the SQL is a person's, not this package's; PostgreSQL refuses to run it as a role that
    can reach the server's files or programs."""
    deadline = time.monotonic() + timeout
    engine = read_only_engine(db)
    connection = engine.raw_connection()

    def close() -> None:
        connection.close()
        engine.dispose()

    start = _postgres if engine.dialect.name == "postgresql" else _sqlite
    try:
        columns, rows, stop = start(connection.driver_connection, sql, deadline, researcher)
    except BaseException as error:
        close()
        if isinstance(error, _DB_ERRORS):
            raise _refusal(error, sql, timeout) from None
        raise
    return Rows(columns, _streamed(columns, rows, sql, (deadline, timeout), lambda: (stop(), close())))


def _streamed(columns: list[str], rows: Iterator[Sequence[Any]], sql: str, clock: tuple[float, float],
              close: Callable[[], object]) -> Iterator[tuple[Any, ...]]:
    deadline, timeout = clock
    try:
        for row in rows:
            # the clock runs while the rows are written too: each fetch is a statement of its own to a server
            if time.monotonic() > deadline:
                raise _timed_out(timeout)
            yield _within_size(columns, tuple(row))
    except _DB_ERRORS as error:
        raise _refusal(error, sql, timeout) from None
    finally:
        close()


def _within_size(columns: list[str], row: tuple[Any, ...]) -> tuple[Any, ...]:
    # SQLite refuses such values itself; a PostgreSQL value (up to 1 GB) is checked once it has come
    for column, value in zip(columns, row, strict=True):
        if isinstance(value, (str, bytes, bytearray, memoryview)) and len(value) > MAX_VALUE_BYTES:
            unit = "characters" if isinstance(value, str) else "bytes"
            raise QueryError(f"a value in column {column!r} is {len(value):,} {unit} long, more than the "
                             f"{MAX_VALUE_BYTES:,} bytes a query may give: select part of it (substr) or its length")
    return row


def _sqlite(connection: sqlite3.Connection, sql: str, deadline: float, _researcher: bool) -> Opened:
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    # SQLite calls this every 10,000 virtual-machine steps; a true answer interrupts the statement.
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    cursor = connection.execute(sql)  # one statement: the driver refuses SQL with a second one
    if cursor.description is None:
        raise ReadOnlyError("refused: the statement gives no rows, and only a query can run here")
    return [column[0] for column in cursor.description], cursor, cursor.close


def _postgres(connection: psycopg.Connection, sql: str, deadline: float, researcher: bool) -> Opened:
    connection.rollback()  # a transaction begins below, READ ONLY
    connection.read_only = True
    milliseconds = str(max(1, int((deadline - time.monotonic()) * 1000)))
    connection.execute("SELECT set_config('statement_timeout', %s, true), "
                       "set_config('idle_in_transaction_session_timeout', %s, true)", (milliseconds, milliseconds))
    if researcher:
        _refuse_privileged_role(connection)
    timer = threading.Timer(max(0.0, deadline - time.monotonic()), _cancel, [connection])
    timer.daemon = True
    timer.start()
    cursor = connection.cursor(name=_CURSOR, scrollable=False)
    cursor.itersize = FETCH_ROWS
    try:
        cursor.execute(sql)  # type: ignore[arg-type]  # the DECLARE, by the extended protocol
    except BaseException:
        timer.cancel()
        raise
    return [column.name for column in cursor.description or []], iter(cursor), timer.cancel


def _cancel(connection: psycopg.Connection) -> None:
    with contextlib.suppress(psycopg.Error):  # if the server cannot be told, its statement_timeout stops the query
        connection.cancel_safe()


def _refuse_privileged_role(connection: psycopg.Connection) -> None:
    # SET ROLE is no way out: a superuser's session can set its role back from inside a query.
    privileged, user = connection.execute(_PRIVILEGED, (_SERVER_ROLES,)).fetchone() or (False, "")
    if privileged:
        raise ReadOnlyError(f"refused: the role {user!r} is a superuser or may read the server's files or run "
                            f"programs on it ({', '.join(_SERVER_ROLES)}): query as a role that may only read, "
                            "such as council_reader (README, 'For researchers: database roles')")


def _timed_out(timeout: float) -> QueryError:
    return QueryError(f"the query ran longer than {timeout:g} s and was stopped (raise --timeout)")


def _refusal(error: Exception, sql: str, timeout: float) -> QueryError:
    """The one-line error a refusal by the database becomes."""
    message = (str(error).strip().splitlines() or [type(error).__name__])[0]
    lowered, state = message.lower(), getattr(error, "sqlstate", None)
    if state in _TIMED_OUT or "interrupted" in lowered:
        return _timed_out(timeout)
    if "too big" in lowered:
        return QueryError(f"a value would be larger than the {MAX_VALUE_BYTES:,} bytes a query may give: select "
                          f"part of it (substr) or its length ({message})")
    if state in _READ_ONLY or any(word in lowered for word in _READ_ONLY_WORDS):
        return ReadOnlyError(f"refused: the database is read-only here and runs one query at a time ({message})")
    if not _QUERY_START.match(sql):
        return ReadOnlyError(f"refused: only one query (SELECT, WITH, VALUES or TABLE) can run here ({message})")
    return QueryError(f"the database refused the query: {message}")
