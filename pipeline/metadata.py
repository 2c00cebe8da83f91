"""Table and column descriptions read from the comments in schema.sql, for datasette's metadata
and the `schema` command.

The comments above each CREATE TABLE / VIEW describe it, and the comment after a column
describes the column, so the schema stays the single source of truth for both.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .package_data import schema_text

_CREATE = re.compile(r"^CREATE (?:VIRTUAL )?(?:TABLE|VIEW) (?:IF NOT EXISTS )?(\w+)", re.IGNORECASE)
_COLUMN = re.compile(r"^\s+(\w+)\s+[A-Z][^-]*?--\s*(.+)$")


def descriptions() -> dict[str, dict[str, Any]]:
    """{table or view: {"description": ..., "columns": {column: description}}}."""
    tables: dict[str, dict[str, Any]] = {}
    comments: list[str] = []
    current: dict[str, Any] | None = None
    for line in schema_text().splitlines():
        if line.startswith("-- ") and not line.startswith("-- dialect:"):
            comments.append(line[3:].strip())
        elif match := _CREATE.match(line):
            current = tables.setdefault(match.group(1), {"description": " ".join(comments), "columns": {}})
            comments = []
        elif current is not None and (column := _COLUMN.match(line)):
            current["columns"][column.group(1)] = column.group(2).strip()
        elif not line.strip():
            comments = []
    return tables


def database_name(db: str) -> str:
    """The name datasette gives a database: its file's stem ('data/council.db' -> 'council'), or a URL's database."""
    return Path(db.rsplit("/", 1)[-1] if "://" in db else db).stem or "council"


def datasette_metadata(db: str = "council.db", name: str | None = None) -> dict[str, Any]:
    """datasette's metadata.json for `db` (under `name` when given, else the name datasette gives it)."""
    return {
        "title": "council-tables",
        "description": "Contributions, agenda items and forward-plan decisions extracted from UK council PDFs.",
        "databases": {name or database_name(db): {"tables": descriptions()}},
    }
