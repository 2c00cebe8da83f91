"""Read-only SQL for researchers, and export of any table or view to CSV or Parquet.

Read-only is enforced by the database, not by inspecting the SQL: SQLite connections are
opened read-only with an authorizer that allows reading alone (so ATTACH, PRAGMA writes and
temp tables are refused too); PostgreSQL sessions run in read-only transactions.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from .db import database_url

# What a read-only SQLite query may do: read tables, call functions, run CTEs. Nothing else.
_SQLITE_ALLOWED = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
# Pragmas SQLAlchemy reads to learn the isolation level and the tables' columns (never with a value).
_SQLITE_READ_PRAGMAS = {"read_uncommitted", "table_info", "table_xinfo", "index_list", "index_info",
                        "foreign_key_list", "data_version"}


def _authorize(action: int, argument: str | None, value: str | None, *_: object) -> int:
    if action in _SQLITE_ALLOWED:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and argument in _SQLITE_READ_PRAGMAS and value is None:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_UPDATE and argument == "sqlite_master":
        # FTS5 declares its virtual table's columns this way when it connects; the file is opened
        # read-only (mode=ro), so no write can reach the schema anyway.
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


class ReadOnlyError(Exception):
    """The statement tried to do more than read."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=self.columns)


def read_only_engine(db: str) -> Engine:
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if not path.exists():
            raise FileNotFoundError(f"no database at {path}")
        return create_engine("sqlite://", creator=lambda: _read_only_sqlite(path))
    return create_engine(url, execution_options={"postgresql_readonly": True})


def _read_only_sqlite(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, check_same_thread=False)
    connection.set_authorizer(_authorize)
    return connection


def run_query(db: str, sql: str) -> QueryResult:
    """Run one read-only statement and return its columns and rows."""
    engine = read_only_engine(db)
    try:
        with engine.connect() as connection:
            result = connection.execute(text(sql))
            if not result.returns_rows:
                raise ReadOnlyError("the statement returns no rows: only queries are allowed")
            return QueryResult(list(result.keys()), [tuple(row) for row in result])
    except Exception as error:
        if _is_write_refusal(error):
            raise ReadOnlyError(f"refused: the database is read-only here ({_first_line(error)})") from None
        raise
    finally:
        engine.dispose()


def _is_write_refusal(error: Exception) -> bool:
    message = str(error).lower()
    return any(word in message for word in ("authoriz", "read-only", "readonly", "read only"))


def _first_line(error: Exception) -> str:
    return str(getattr(error, "orig", error)).splitlines()[0]


def search(db: str, terms: str, limit: int = 20) -> QueryResult:
    """Agenda items and decisions whose text matches the words in `terms`, best first."""
    words = [word for word in re.findall(r"\w+", terms)]
    if not words:
        raise ValueError("give at least one word to search for")
    engine = read_only_engine(db)
    try:
        if engine.dialect.name == "sqlite":
            sql = ("SELECT s.kind, s.text, d.file_name, s.page FROM search_index s "
                   "JOIN documents d ON d.id = s.document_id WHERE search_index MATCH :q "
                   "ORDER BY bm25(search_index), d.file_name, s.page LIMIT :limit")
            query = " ".join(f'"{word}"' for word in words)
        else:
            sql = ("SELECT s.kind, s.text, d.file_name, s.page FROM search_index s "
                   "JOIN documents d ON d.id = s.document_id "
                   "WHERE to_tsvector('english', s.text) @@ plainto_tsquery('english', :q) "
                   "ORDER BY ts_rank(to_tsvector('english', s.text), plainto_tsquery('english', :q)) DESC, "
                   "d.file_name, s.page LIMIT :limit")
            query = " ".join(words)
        with engine.connect() as connection:
            result = connection.execute(text(sql), {"q": query, "limit": limit})
            return QueryResult(list(result.keys()), [tuple(row) for row in result])
    finally:
        engine.dispose()


def relations(db: str) -> list[str]:
    """The tables and views a user can export."""
    engine = read_only_engine(db)
    try:
        inspector = inspect(engine)
        return sorted(name for name in inspector.get_table_names() + inspector.get_view_names()
                      if not name.startswith("search_index_"))  # FTS5's shadow tables
    finally:
        engine.dispose()


def export(db: str, relation: str, target: Path, fmt: str) -> int:
    """Write a whole table or view to CSV or Parquet; returns the number of rows written."""
    if relation not in relations(db):
        raise ValueError(f"no table or view named {relation!r}")
    frame = run_query(db, f'SELECT * FROM "{relation}"').frame()
    if fmt == "parquet":
        frame.to_parquet(target, index=False)
    else:
        frame.to_csv(target, index=False)
    return len(frame)
