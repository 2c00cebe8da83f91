"""Read-only SQL for researchers: queries with a time limit, full-text search, the schema with its
descriptions, and export of any table, view or query to CSV, JSON, JSON lines or Parquet.

Read-only is enforced by the database, not by inspecting the SQL (statement.open_statement,
db.read_only_engine): one query, in a read-only connection (SQLite) or a read-only transaction it
cannot leave (PostgreSQL), within a time limit, its rows streamed.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from .db import read_only_engine
from .errors import UsageError
from .metadata import descriptions
from .rows import Rows, capped, file_format, write_file
from .statement import open_statement

DEFAULT_TIMEOUT = 30.0  # seconds a query may run


def run_query(db: str, sql: str, timeout: float = DEFAULT_TIMEOUT) -> Rows:
    """Run one read-only statement and return its columns and every row; QueryError after `timeout`
    seconds. For this package's own SQL: a person's goes through `stream_query`."""
    result = open_statement(db, sql, timeout, researcher=False)
    return Rows(result.columns, list(result.rows))


def stream_query(db: str, sql: str, timeout: float = DEFAULT_TIMEOUT, limit: int | None = None) -> Rows:
    """A researcher's query, read-only, its rows (at most `limit` of them) streamed as they are read.

    On PostgreSQL, refused for a role that is a superuser or may read server files or run programs."""
    result = open_statement(db, sql, timeout, researcher=True)
    return result if limit is None else capped(result, limit)


def search(db: str, terms: str, limit: int = 20) -> Rows:
    """Agenda items and decisions whose text matches the words in `terms`, best first."""
    words = re.findall(r"\w+", terms)
    if not words:
        raise UsageError("give at least one word to search for")
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
            return Rows(list(result.keys()), [tuple(row) for row in result])
    finally:
        engine.dispose()


def _relations(engine: Engine) -> dict[str, str]:
    """The tables and views a user can read, each with its kind."""
    inspector = inspect(engine)
    found = {name: "table" for name in inspector.get_table_names()}
    found.update({name: "view" for name in inspector.get_view_names()})
    # FTS5's shadow tables are its own storage, not something to read
    return {name: kind for name, kind in sorted(found.items()) if not name.startswith("search_index_")}


def schema(db: str, relation: str | None = None, counts: bool = False) -> Rows:
    """Every table and view with its description (and row count); or one's columns, types and descriptions."""
    engine = read_only_engine(db)
    try:
        relations = _relations(engine)
        described = descriptions()
        if relation is None:
            return _relations_rows(engine, relations, described, counts)
        if relation not in relations:
            raise UsageError(f"no table or view named {relation!r} (council-tables schema lists them)")
        return _columns_rows(engine, relation, described.get(relation, {}).get("columns", {}), counts)
    finally:
        engine.dispose()


def _relations_rows(engine: Engine, relations: dict[str, str], described: dict, counts: bool) -> Rows:
    columns = ["name", "kind", *(["rows"] if counts else []), "description"]
    rows = [(name, kind, *([_count(engine, name)] if counts else []), described.get(name, {}).get("description"))
            for name, kind in relations.items()]
    return Rows(columns, rows)


def _columns_rows(engine: Engine, relation: str, described: dict[str, str], counts: bool) -> Rows:
    columns = inspect(engine).get_columns(relation)
    rows = [(column["name"], str(column["type"]), not column["nullable"], described.get(column["name"]))
            for column in columns]
    if counts:
        return Rows(["column", "type", "not_null", "non_null_rows", "description"],
                    [(*row[:3], _count(engine, relation, row[0]), row[3]) for row in rows])
    return Rows(["column", "type", "not_null", "description"], rows)


def _count(engine: Engine, relation: str, column: str | None = None) -> int:
    counted = f'"{column}"' if column else "*"
    with engine.connect() as connection:
        return connection.execute(text(f'SELECT count({counted}) FROM "{relation}"')).scalar_one()


def export(db: str, target: Path, relation: str | None = None, sql: str | None = None,
           timeout: float = DEFAULT_TIMEOUT) -> int:
    """Write a whole table or view, or a researcher's query's rows, to `target` in the format its suffix
    names (.csv, .json, .jsonl, .ndjson, .parquet), as they are read; returns the number of rows written."""
    file_format(target)  # refuse a suffix it cannot write before reading anything
    if (relation is None) == (sql is None):
        raise UsageError("give either a table or view to export, or --query SQL, not both")
    if relation is not None:
        engine = read_only_engine(db)
        try:
            if relation not in _relations(engine):
                raise UsageError(f"no table or view named {relation!r} (council-tables schema lists them)")
        finally:
            engine.dispose()
        result = open_statement(db, f'SELECT * FROM "{relation}"', timeout, researcher=False)
    else:
        result = stream_query(db, sql or "", timeout)
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_file(result, target)
