"""Datasette metadata (table and column descriptions) read from the comments in schema.sql.

The comments above each CREATE TABLE / VIEW describe it, and the comment after a column
describes the column, so the schema stays the single source of truth for both.
"""

from __future__ import annotations

import re
from typing import Any

from .db import SCHEMA_PATH

_CREATE = re.compile(r"^CREATE (?:VIRTUAL )?(?:TABLE|VIEW) (?:IF NOT EXISTS )?(\w+)", re.IGNORECASE)
_COLUMN = re.compile(r"^\s+(\w+)\s+[A-Z][^-]*?--\s*(.+)$")


def datasette_metadata(database_name: str = "council") -> dict[str, Any]:
    tables: dict[str, dict[str, Any]] = {}
    comments: list[str] = []
    current: dict[str, Any] | None = None
    for line in SCHEMA_PATH.read_text().splitlines():
        if line.startswith("-- ") and not line.startswith("-- dialect:"):
            comments.append(line[3:].strip())
        elif match := _CREATE.match(line):
            current = tables.setdefault(match.group(1), {"description": " ".join(comments), "columns": {}})
            comments = []
        elif current is not None and (column := _COLUMN.match(line)):
            current["columns"][column.group(1)] = column.group(2).strip()
        elif not line.strip():
            comments = []
    return {
        "title": "council-tables",
        "description": "Contributions, agenda items and forward-plan decisions extracted from UK council PDFs.",
        "databases": {database_name: {"tables": tables}},
    }
